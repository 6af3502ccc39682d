/* SPDX-License-Identifier: MIT */
/*
 * lifecycle.c - the ticket lifecycle on the engine thread, inside the
 * batch transaction: an alert opens, repeats, reopens, folds into or
 * resolves its ticket (one ticket per problem), and staff commands move
 * it between statuses. Messages are composed by compose.c; the workflow
 * around them (routing, escalation, held notices) is flow.c.
 */
#define PVS_LOG_MODULE "engine"
#include <string.h>

#include "pvs/log.h"
#include "pvs/stats.h"
#include "pvs/store_flow.h"
#include "pvs/ticket.h"
#include "service_int.h"

/* Families that name a cause; the others often follow from one. */
static bool is_cause(const char *family) {
    return pvs_alert_family_is_cause(family);
}

/*
 * One ticket per problem: an inverter in fault also underperforms and
 * looks frozen. A consequence on a device whose cause already has an
 * active ticket joins that ticket's timeline instead of opening another.
 */
static bool fold_into_cause(struct pvs_service *e,
                            const struct pvs_alert_event *ev,
                            const char *text) {
    int64_t *ids = NULL;
    size_t n = 0;
    char line[700];

    if (!ev->device || !strcmp(ev->family, "fault_code"))
        return false;
    /* No data from an inverter in fault is the same problem; so is
     * everything else that follows from a fault or a dead link. */
    if (pvs_store_device_active(e->st, ev->device->obj.id,
                                !strcmp(ev->family, "communication")
                                    ? PVS_FAMILIES_FAULT
                                    : PVS_FAMILIES_CAUSES,
                                &ids, &n) ||
        !n) {
        pvs_free(ids);
        return false;
    }
    pvs_snprintf(line, sizeof(line), "%s (%s): %s", ev->family, ev->fingerprint,
                 text);
    service_wrote(e, pvs_store_ticket_event(e->st, ids[0], ev->ts_ms,
                                            "related_alert", "pvsentry", line));
    pvs_info("ticket #%lld: related alert %s joins it", (long long)ids[0],
             ev->fingerprint);
    pvs_free(ids);
    return true;
}

/* A cause opened its ticket: consequences already open merge into it. */
static void merge_set(struct pvs_service *e, const struct pvs_ticket *cause,
                      enum pvs_family_set set, int64_t now) {
    int64_t *ids = NULL;
    size_t n = 0;
    char line[200], id[24];
    struct pvs_tvar v[2] = {{"id", id}, {"family", NULL}};

    if (pvs_store_device_active(e->st, cause->device, set, &ids, &n))
        return;
    for (size_t i = 0; i < n; i++) {
        struct pvs_ticket t;
        if (ids[i] == cause->id || pvs_store_ticket_get(e->st, ids[i], &t))
            continue;
        pvs_free(t.status);
        t.status = pvs_strdup("merged");
        t.closed_ms = now;
        t.updated_ms = now;
        if (!e->txn_rc)
            e->txn_rc = pvs_store_ticket_update(e->st, &t);
        pvs_snprintf(id, sizeof(id), "%lld", (long long)cause->id);
        service_note("tl.merged_into", v, 1, line, sizeof(line));
        service_wrote(e, pvs_store_ticket_event(e->st, t.id, now, "merged",
                                                "pvsentry", line));
        pvs_snprintf(id, sizeof(id), "%lld", (long long)t.id);
        v[1].value = t.family;
        service_note("tl.merged_in", v, 2, line, sizeof(line));
        service_wrote(e, pvs_store_ticket_event(e->st, cause->id, now,
                                                "merged_in", "pvsentry", line));
        pvs_ticket_release(&t);
    }
    pvs_free(ids);
}

static void merge_consequences(struct pvs_service *e,
                               const struct pvs_ticket *cause, int64_t now) {
    if (!cause->device || !is_cause(cause->family))
        return;
    merge_set(e, cause, PVS_FAMILIES_CONSEQUENCE, now);
    if (!strcmp(cause->family, "fault_code"))
        merge_set(e, cause, PVS_FAMILIES_COMMUNICATION, now);
}

/* The problem fired again while its ticket is open. */
static void on_repeat(struct pvs_service *e, const struct pvs_alert_event *ev,
                      struct pvs_ticket *existing, const char *text) {
    struct mail_facts f;
    int64_t now = ev->ts_ms;

    existing->updated_ms = now;
    existing->lost_kwh += ev->lost_kwh - ev->lost_kwh_before;
    if (!e->txn_rc)
        e->txn_rc = pvs_store_ticket_update(e->st, existing);
    service_wrote(e, pvs_store_ticket_event(e->st, existing->id, now,
                                            "alert_repeat", "pvsentry", text));
    pvs_info("ticket #%lld: the problem fired again (%s)",
             (long long)existing->id, ev->fingerprint);
    memset(&f, 0, sizeof(f));
    service_common_facts(e, &f, existing, ev);
    service_customer_words(e, &f, ev->site, ev);
    service_flow_repeat(e, existing, ev, &f);
}

/* The problem came back soon after it recovered: the ticket reopens and
 * its technician hears how long it had held. */
static void on_reopen(struct pvs_service *e, const struct pvs_alert_event *ev,
                      struct pvs_ticket *existing, const char *text) {
    struct mail_facts f;
    int64_t now = ev->ts_ms;
    int64_t mins = (now - existing->resolved_ms) / 60000;
    const struct pvs_person *tech =
        existing->assignee ? pvs_config_technician(e->cfg, existing->assignee)
                           : NULL;
    char ago[64], n[24];
    struct pvs_tvar v[1] = {{"n", n}};

    pvs_free(existing->status);
    existing->status = pvs_strdup(existing->assignee ? "assigned" : "open");
    existing->updated_ms = now;
    existing->resolved_ms = 0;
    existing->closed_ms = 0;
    if (!e->txn_rc)
        e->txn_rc = pvs_store_ticket_update(e->st, existing);
    service_wrote(e, pvs_store_ticket_event(e->st, existing->id, now,
                                            "reopened", "pvsentry", text));
    pvs_info("ticket #%lld reopened (%s)", (long long)existing->id,
             ev->fingerprint);
    pvs_snprintf(n, sizeof(n), "%lld", (long long)mins);
    service_word(tech && tech->language ? tech->language : "en", "tech.ago", v,
                 1, ago, sizeof(ago));
    memset(&f, 0, sizeof(f));
    service_common_facts(e, &f, existing, ev);
    service_fact(&f, "ago", ago);
    service_queue_mail(e, existing->id, "technician", "alert", tech,
                       "tech_reopened", f.v, f.n, now, 0, NULL, NULL);
}

/*
 * A new problem: a ticket, routed, with its timeline and messages.
 * PVS_ERR_EXISTS when another writer opened the problem's ticket after
 * this batch looked (the store's unique index on open fingerprints):
 * nothing was written, the caller joins that ticket.
 */
static enum pvs_err open_ticket(struct pvs_service *e,
                                const struct pvs_alert_event *ev,
                                const char *text) {
    struct pvs_ticket t;
    struct mail_facts f;
    char title[200], why[300], note[160];
    int64_t now = ev->ts_ms;
    const struct pvs_site *site = ev->site;

    memset(&t, 0, sizeof(t));
    service_make_title(ev, title, sizeof(title));
    t.fingerprint = pvs_strdup(ev->fingerprint);
    t.site = site ? pvs_strdup(site->obj.id) : NULL;
    t.device = ev->device ? pvs_strdup(ev->device->obj.id) : NULL;
    t.rule = pvs_strdup(ev->rule_id);
    t.family = pvs_strdup(ev->family);
    t.subject = pvs_strdup(ev->subject);
    t.severity = pvs_strdup(pvs_severity_name(ev->severity));
    t.title = pvs_strdup(title);
    t.opened_ms = now;
    t.updated_ms = now;
    t.lost_kwh = ev->lost_kwh;
    service_flow_route(e, &t, ev, why, sizeof(why));
    if (!e->txn_rc) {
        enum pvs_err rc = pvs_store_ticket_create(e->st, &t);
        if (rc == PVS_ERR_EXISTS) {
            pvs_ticket_release(&t);
            return rc;
        }
        e->txn_rc = rc;
    }
    if (e->txn_rc) {
        pvs_ticket_release(&t);
        return e->txn_rc;
    }
    pvs_stats_add(PVS_STAT_TICKETS_OPENED, 1);
    pvs_info("ticket #%lld opened: %s (%s)", (long long)t.id, title,
             ev->fingerprint);
    service_wrote(e, pvs_store_ticket_event(e->st, t.id, now, "opened",
                                            "pvsentry", text));
    service_wrote(e, pvs_store_ticket_event(e->st, t.id, now, "assigned",
                                            "pvsentry", why));
    merge_consequences(e, &t, now);
    if (ev->silenced) {
        service_wrote(
            e, pvs_store_ticket_event(
                   e->st, t.id, now, "silenced", "pvsentry",
                   service_note("tl.silenced", NULL, 0, note, sizeof(note))));
        pvs_ticket_release(&t);
        return PVS_OK;
    }
    memset(&f, 0, sizeof(f));
    service_common_facts(e, &f, &t, ev);
    service_customer_words(e, &f, site, ev);
    service_flow_opened(e, &t, ev, &f);
    pvs_ticket_release(&t);
    return PVS_OK;
}

/* Another writer opened the problem's ticket first: the firing joins it
 * as a repeat, so the problem keeps one ticket and its people one mail. */
static void join_ticket(struct pvs_service *e, const struct pvs_alert_event *ev,
                        const char *text) {
    struct pvs_ticket t;
    enum pvs_err rc = pvs_store_ticket_by_fp(e->st, ev->fingerprint, &t);

    if (rc || !pvs_ticket_is_active(t.status)) {
        pvs_error("cannot find the open ticket of '%s' another writer "
                  "opened",
                  ev->fingerprint);
        if (!rc)
            pvs_ticket_release(&t);
        e->txn_rc = PVS_ERR_DB;
        return;
    }
    pvs_info("ticket #%lld was opened by another writer first: the alert "
             "joins it (%s)",
             (long long)t.id, ev->fingerprint);
    on_repeat(e, ev, &t, text);
    pvs_ticket_release(&t);
}

static void on_firing(struct pvs_service *e, const struct pvs_alert_event *ev) {
    struct pvs_ticket existing;
    enum pvs_ticket_action act;
    char text[512];
    enum pvs_err rc;
    bool have;

    rc = pvs_store_ticket_by_fp(e->st, ev->fingerprint, &existing);
    if (rc && rc != PVS_ERR_NOTFOUND) {
        e->txn_rc = rc;
        return;
    }
    have = !rc;
    act = pvs_ticket_on_firing(have ? &existing : NULL, ev->ts_ms,
                               e->cfg->global.reopen_window_ms);
    pvs_snprintf(text, sizeof(text), "%s: %s", pvs_severity_name(ev->severity),
                 ev->evidence);
    if (act == PVS_TICKET_REPEAT)
        on_repeat(e, ev, &existing, text);
    else if (act == PVS_TICKET_REOPEN)
        on_reopen(e, ev, &existing, text);
    if (have)
        pvs_ticket_release(&existing);
    if (act == PVS_TICKET_REPEAT || act == PVS_TICKET_REOPEN)
        return;
    if (fold_into_cause(e, ev, text))
        return;
    if (open_ticket(e, ev, text) == PVS_ERR_EXISTS)
        join_ticket(e, ev, text);
}

static void on_resolved(struct pvs_service *e,
                        const struct pvs_alert_event *ev) {
    struct pvs_ticket t;
    struct mail_facts f;
    char text[256], was[32];
    enum pvs_err rc;

    rc = pvs_store_ticket_by_fp(e->st, ev->fingerprint, &t);
    if (rc) {
        if (rc != PVS_ERR_NOTFOUND)
            e->txn_rc = rc;
        return;
    }
    if (!pvs_ticket_is_active(t.status)) {
        pvs_ticket_release(&t);
        return;
    }
    pvs_strlcpy(was, t.status, sizeof(was));
    pvs_free(t.status);
    t.status = pvs_strdup("resolved");
    t.updated_ms = ev->ts_ms;
    t.resolved_ms = ev->ts_ms;
    t.lost_kwh += ev->lost_kwh - ev->lost_kwh_before;
    if (!e->txn_rc)
        e->txn_rc = pvs_store_ticket_update(e->st, &t);
    {
        char kwh[32];
        struct pvs_tvar v[1] = {{"kwh", kwh}};
        pvs_snprintf(kwh, sizeof(kwh), "%.1f", t.lost_kwh);
        service_note("tl.recovered", v, 1, text, sizeof(text));
    }
    service_wrote(e, pvs_store_ticket_event(e->st, t.id, ev->ts_ms, "recovered",
                                            "pvsentry", text));
    pvs_info("ticket #%lld resolved: the data shows recovery (%s)",
             (long long)t.id, ev->fingerprint);
    memset(&f, 0, sizeof(f));
    service_common_facts(e, &f, &t, ev);
    service_customer_words(e, &f, ev->site, ev);
    service_flow_resolved(e, &t, was, ev, &f);
    pvs_ticket_release(&t);
}

/* A firing alert's lost energy grew: its ticket carries the same figure
 * to every page and report. */
static void on_update(struct pvs_service *e, const struct pvs_alert_event *ev) {
    struct pvs_ticket t;
    enum pvs_err rc;

    rc = pvs_store_ticket_by_fp(e->st, ev->fingerprint, &t);
    if (rc) {
        if (rc != PVS_ERR_NOTFOUND)
            e->txn_rc = rc;
        return;
    }
    if (pvs_ticket_is_active(t.status)) {
        t.lost_kwh += ev->lost_kwh - ev->lost_kwh_before;
        if (pvs_severity_parse(t.severity) < (int)ev->severity) {
            pvs_free(t.severity);
            t.severity = pvs_strdup(pvs_severity_name(ev->severity));
            service_wrote(e, pvs_store_ticket_event(e->st, t.id, ev->ts_ms,
                                                    "severity", "pvsentry",
                                                    ev->evidence));
        }
        t.updated_ms = ev->ts_ms;
        if (!e->txn_rc)
            e->txn_rc = pvs_store_ticket_update(e->st, &t);
    }
    pvs_ticket_release(&t);
}

struct transition {
    enum pvs_command_kind kind;
    const char *status; /* new status, NULL = unchanged */
    const char *event;
    bool needs_active;
};

static const struct transition transitions[] = {
    {PVS_CMD_TICKET_ACK, "acknowledged", "acknowledged", true},
    {PVS_CMD_TICKET_SCHEDULE, "scheduled", "scheduled", true},
    {PVS_CMD_TICKET_FIXED, "fixed", "fixed", true},
    {PVS_CMD_TICKET_CLOSE, "closed", "closed", false},
    {PVS_CMD_TICKET_COMMENT, NULL, "comment", false},
    {PVS_CMD_TICKET_HOLD, "on_hold", "on_hold", true},
    {PVS_CMD_TICKET_FALSE_ALARM, "false_alarm", "false_alarm", false},
    {PVS_CMD_TICKET_MERGE, "merged", "merged", false},
};

static void ticket_command(struct pvs_service *e, struct pvs_command *c,
                           const struct transition *tr, int64_t now) {
    struct pvs_ticket t, other;
    char text[PVS_CMD_TEXT_MAX + 128], num[24], when[64];
    struct pvs_tvar v[3] = {{"id", num}, {"text", c->text}, {"when", when}};
    enum pvs_err rc = pvs_store_ticket_get(e->st, c->ticket_id, &t);

    if (rc == PVS_ERR_NOTFOUND) {
        service_reply(c, rc, "no such ticket");
        return;
    }
    if (rc) {
        e->txn_rc = rc;
        service_reply(c, rc, "cannot read the ticket");
        return;
    }
    if (tr->needs_active && !pvs_ticket_is_active(t.status)) {
        pvs_snprintf(text, sizeof(text), "ticket #%lld is %s", (long long)t.id,
                     t.status);
        service_reply(c, PVS_ERR_STATE, text);
        pvs_ticket_release(&t);
        return;
    }
    if (c->kind == PVS_CMD_TICKET_MERGE) {
        if (c->other_id == t.id ||
            pvs_store_ticket_get(e->st, c->other_id, &other)) {
            service_reply(c, PVS_ERR_INVAL,
                          "merge needs another existing ticket");
            pvs_ticket_release(&t);
            return;
        }
        pvs_snprintf(num, sizeof(num), "%lld", (long long)t.id);
        service_note("tl.merged_into_this", v, 1, text, sizeof(text));
        service_wrote(e, pvs_store_ticket_event(e->st, other.id, now,
                                                "merged_in", c->actor, text));
        pvs_ticket_release(&other);
    }
    if (c->kind == PVS_CMD_TICKET_SCHEDULE && c->value_ms) {
        service_fmt_time(e, pvs_config_site(e->cfg, t.site ? t.site : ""),
                         c->value_ms, when, sizeof(when));
        service_note("tl.visit_planned", v, 3, text, sizeof(text));
    } else if (c->kind == PVS_CMD_TICKET_MERGE) {
        pvs_snprintf(num, sizeof(num), "%lld", (long long)c->other_id);
        service_note("tl.merged_by", v, 2, text, sizeof(text));
    } else {
        pvs_strlcpy(text, c->text, sizeof(text));
    }
    if (tr->status) {
        pvs_free(t.status);
        t.status = pvs_strdup(tr->status);
        if (c->kind == PVS_CMD_TICKET_CLOSE ||
            c->kind == PVS_CMD_TICKET_FALSE_ALARM ||
            c->kind == PVS_CMD_TICKET_MERGE)
            t.closed_ms = now;
    }
    t.updated_ms = now;
    if (!e->txn_rc)
        e->txn_rc = pvs_store_ticket_update(e->st, &t);
    service_wrote(
        e, pvs_store_ticket_event(e->st, t.id, now, tr->event, c->actor, text));
    pvs_info("ticket #%lld: %s by %s", (long long)t.id, tr->event,
             c->actor[0] ? c->actor : "someone");
    c->result_id = t.id;
    service_reply(c, PVS_OK, t.status);
    pvs_ticket_release(&t);
}

bool service_ticket_command(struct pvs_service *e, struct pvs_command *c,
                            int64_t now) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(transitions); i++) {
        if (transitions[i].kind == c->kind) {
            ticket_command(e, c, &transitions[i], now);
            return true;
        }
    }
    return false;
}

void service_on_alert(struct pvs_service *e, const struct pvs_alert_event *ev) {
    if (ev->state == PVS_ALERT_UPDATE)
        on_update(e, ev);
    else if (ev->state == PVS_ALERT_FIRING)
        on_firing(e, ev);
    else
        on_resolved(e, ev);
}
