/* SPDX-License-Identifier: MIT */
/*
 * views.c - the API's JSON built from the store's typed rows: the field
 * names are the API's, chosen here, not column aliases of a query.
 */
#include <math.h>

#include "pvs/mail.h"
#include "pvs/store_views.h"
#include "view_json.h"
#include "web_int.h"

/* A time, or null when the row has none. */
static void ms(struct view *v, const char *k, int64_t t) {
    key(v, k);
    if (!v->rc)
        v->rc = t == PVS_ROW_NO_MS ? pvs_buf_puts(v->b, "null")
                                   : pvs_buf_printf(v->b, "%lld", (long long)t);
}

static void alert_row(void *ud, const struct pvs_alert_row *a) {
    struct view *v = ud;

    row_start(v);
    integer(v, "id", a->id);
    str(v, "fingerprint", a->fingerprint);
    str(v, "rule", a->rule);
    str(v, "family", a->family);
    str(v, "site", a->site);
    str(v, "device", a->device);
    str(v, "subject", a->subject);
    str(v, "severity", a->severity);
    integer(v, "started_ms", a->started_ms);
    integer(v, "ts_ms", a->ts_ms);
    num(v, "measured", a->measured);
    num(v, "expected", a->expected);
    num(v, "lost_kwh", a->lost_kwh);
    num(v, "lost_kwh_per_day", a->lost_kwh_per_day);
    str(v, "evidence", a->evidence);
    str(v, "explanation", a->explanation);
    str(v, "kb", a->kb);
    integer(v, "silenced", a->silenced);
    put(v, "}");
}

enum pvs_err pvs_view_alerts_json(struct pvs_store *st,
                                  const struct pvs_scope *scope,
                                  struct pvs_buf *out) {
    struct view v = {out, PVS_OK, true, true};
    enum pvs_err rc;

    put(&v, "[");
    rc = pvs_store_web_alerts(st, scope, alert_row, &v);
    put(&v, "]");
    return rc ? rc : v.rc;
}

/* ---- tickets ---- */

/* The members a ticket has in lists and on its page. */
static void ticket_members(struct view *v, const struct pvs_ticket_row *t) {
    integer(v, "id", t->id);
    str(v, "status", t->status);
    str(v, "site", t->site);
    str(v, "device", t->device);
    str(v, "rule", t->rule);
    str(v, "family", t->family);
    str(v, "subject", t->subject);
    str(v, "severity", t->severity);
    str(v, "title", t->title);
    str(v, "assignee", t->assignee);
    ms(v, "opened_ms", t->opened_ms);
    ms(v, "updated_ms", t->updated_ms);
    ms(v, "resolved_ms", t->resolved_ms);
    ms(v, "closed_ms", t->closed_ms);
    num(v, "lost_kwh", t->lost_kwh);
}

static void ticket_item(void *ud, const struct pvs_ticket_row *t) {
    struct view *v = ud;

    row_start(v);
    ticket_members(v, t);
    str(v, "site_name", t->site_name);
    put(v, "}");
}

enum pvs_err pvs_view_tickets_json(struct pvs_store *st,
                                   const struct pvs_scope *scope,
                                   const struct pvs_ticket_filter *f,
                                   struct pvs_buf *out) {
    struct view v = {out, PVS_OK, true, true};
    int64_t total = 0;
    enum pvs_err rc;

    put(&v, "{\"items\": [");
    rc = pvs_store_web_tickets(st, scope, f, ticket_item, &v, &total);
    put(&v, "]");
    v.first_key = false;
    integer(&v, "total", total);
    integer(&v, "limit", f->limit);
    integer(&v, "offset", f->offset);
    put(&v, "}");
    return rc ? rc : v.rc;
}

static void ticket_page(void *ud, const struct pvs_ticket_row *t) {
    struct view *v = ud;

    row_start(v);
    ticket_members(v, t);
    str(v, "fingerprint", t->fingerprint);
    str(v, "site_name", t->site_name);
    str(v, "site_address", t->site_address);
    str(v, "site_timezone", t->site_timezone);
    str(v, "access_notes", t->access_notes);
    ms(v, "acknowledged_ms", t->acknowledged_ms);
    integer(v, "escalation_level", t->escalation_level);
    ms(v, "escalate_at_ms", t->escalate_at_ms);
}

static void event_item(void *ud, const struct pvs_event_row *e) {
    struct view *v = ud;

    row_start(v);
    ms(v, "ts_ms", e->ts_ms);
    str(v, "kind", e->kind);
    str(v, "actor", e->actor);
    str(v, "text", e->text);
    put(v, "}");
}

static void ticket_alert(void *ud, const struct pvs_ticket_alert_row *a) {
    struct view *v = ud;

    v->first_key = true;
    put(v, "{");
    str(v, "state", a->state);
    ms(v, "started_ms", a->started_ms);
    ms(v, "ts_ms", a->ts_ms);
    num(v, "measured", a->measured);
    num(v, "expected", a->expected);
    num(v, "lost_kwh", a->lost_kwh);
    num(v, "lost_kwh_per_day", a->lost_kwh_per_day);
    str(v, "evidence", a->evidence);
    str(v, "explanation", a->explanation);
    str(v, "kb", a->kb);
    put(v, "}");
}

static void message_item(void *ud, const struct pvs_message_row *m) {
    struct view *v = ud;

    row_start(v);
    integer(v, "id", m->id);
    str(v, "audience", m->audience);
    str(v, "kind", m->kind);
    str(v, "recipient", m->recipient);
    str(v, "subject", m->subject);
    str(v, "status", m->status);
    integer(v, "attempts", m->attempts);
    ms(v, "created_ms", m->created_ms);
    ms(v, "sent_ms", m->sent_ms);
    put(v, "}");
}

/* key: [rows of one list], then back to the enclosing object. */
static void list_start(struct view *v, const char *k) {
    key(v, k);
    put(v, "[");
    v->first_row = true;
}

static void list_end(struct view *v) {
    put(v, "]");
    v->first_key = false;
}

enum pvs_err pvs_view_ticket_json(struct pvs_store *st,
                                  const struct pvs_scope *scope, int64_t id,
                                  bool staff, struct pvs_buf *out) {
    struct view v = {out, PVS_OK, true, true};
    enum pvs_err rc;

    rc = pvs_store_web_ticket(st, scope, id, staff, ticket_page, &v);
    if (rc)
        goto out;
    list_start(&v, "events");
    rc = pvs_store_web_ticket_events(st, id, staff, event_item, &v);
    list_end(&v);
    if (rc)
        goto out;
    key(&v, "alert");
    rc = pvs_store_web_ticket_alert(st, id, ticket_alert, &v);
    if (rc == PVS_ERR_NOTFOUND) {
        put(&v, "null");
        rc = PVS_OK;
    }
    v.first_key = false;
    if (rc)
        goto out;
    if (staff) {
        list_start(&v, "messages");
        rc = pvs_store_web_ticket_messages(st, id, message_item, &v);
        list_end(&v);
    }
    put(&v, "}");
out:
    return rc ? rc : v.rc;
}

/* What the customer received, as they read it: the subject, the sending
 * time and the text (never the mail's source: headers, MIME parts,
 * markup, the calendar file). */
static void notice_item(void *ud, const struct pvs_message_row *m) {
    struct view *v = ud;
    char *text = m->body ? pvs_email_plain_text(m->body) : NULL;

    row_start(v);
    integer(v, "id", m->id);
    integer(v, "ticket_id", m->ticket_id);
    str(v, "site", m->site);
    str(v, "kind", m->kind);
    str(v, "channel", m->channel);
    str(v, "subject", m->subject);
    str(v, "status", m->status);
    ms(v, "created_ms", m->created_ms);
    ms(v, "sent_ms", m->sent_ms);
    str(v, "text", text);
    put(v, "}");
    pvs_free(text);
}

enum pvs_err pvs_view_notices_json(struct pvs_store *st,
                                   const struct pvs_scope *scope,
                                   struct pvs_buf *out) {
    struct view v = {out, PVS_OK, true, true};
    enum pvs_err rc;

    put(&v, "[");
    rc = pvs_store_web_notices(st, scope, notice_item, &v);
    put(&v, "]");
    return rc ? rc : v.rc;
}

/* ---- the fleet and telemetry ---- */

static void fleet_item(void *ud, const struct pvs_fleet_row *s) {
    struct view *v = ud;

    row_start(v);
    str(v, "id", s->id);
    str(v, "name", s->name);
    num(v, "kwp", s->kwp);
    str(v, "state", s->state);
    integer(v, "open_tickets", s->open_tickets);
    num(v, "lost_kwh", s->lost_kwh);
    put(v, "}");
}

enum pvs_err pvs_view_fleet_json(struct pvs_store *st,
                                 const struct pvs_scope *scope,
                                 struct pvs_buf *out) {
    struct view v = {out, PVS_OK, true, true};
    enum pvs_err rc;

    put(&v, "[");
    rc = pvs_store_web_fleet(st, scope, fleet_item, &v);
    put(&v, "]");
    return rc ? rc : v.rc;
}

static void point_item(void *ud, int64_t ts_ms, double value) {
    struct view *v = ud;

    put(v, v->first_row ? "[" : ", [");
    v->first_row = false;
    if (!v->rc)
        v->rc = pvs_buf_printf(v->b, "%lld, ", (long long)ts_ms);
    if (!v->rc)
        v->rc = isfinite(value) ? pvs_buf_printf(v->b, "%.10g", value)
                                : pvs_buf_puts(v->b, "null");
    put(v, "]");
}

int64_t pvs_view_series_step(int64_t from_ms, int64_t to_ms, int64_t step_ms) {
    if (step_ms < 1000)
        step_ms = 1000;
    if ((to_ms - from_ms) / step_ms > 2000)
        step_ms = (to_ms - from_ms) / 2000 + 1;
    return step_ms;
}

enum pvs_err pvs_view_series_json(struct pvs_store *st, const char *site,
                                  const char *metric, int64_t from_ms,
                                  int64_t to_ms, int64_t step_ms,
                                  struct pvs_buf *out) {
    struct view v = {out, PVS_OK, true, true};
    enum pvs_err rc;

    step_ms = pvs_view_series_step(from_ms, to_ms, step_ms);
    put(&v, "{");
    str(&v, "metric", metric);
    integer(&v, "step_ms", step_ms);
    key(&v, "points");
    put(&v, "[");
    rc = pvs_store_web_series(st, site, metric, from_ms, to_ms, step_ms,
                              point_item, &v);
    put(&v, "]}");
    return rc ? rc : v.rc;
}
