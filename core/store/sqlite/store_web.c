/* SPDX-License-Identifier: MIT */
/*
 * store_web.c - the HTTP API's queries (typed rows on read-only handles;
 * web/ builds the JSON) and the writes the engine runs for the API's
 * commands. The API's objects (sites, devices, people, silences) are
 * store_objects.c's.
 *
 * DESIGN
 * Visibility is part of every query, not a filter applied afterwards: the
 * scope kind and person are always bound as ?1 and ?2, and the SCOPE_*
 * macros expand to the clause that keeps a customer on their own sites. So a
 * list can never leak a row, and "not yours" and "does not exist" give the
 * same answer.
 *
 * Statements are prepared per call: API traffic is light next to sample
 * ingest, and this keeps store.c's statement cache to itself.
 */
#define PVS_LOG_MODULE "store"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <sqlite3.h>
#include <string.h>

#include "pvs/log.h"
#include "pvs/mail.h"
#include "pvs/store_web.h"
#include "store_int.h"

#define SCOPE_A "(?1 = 0 OR a.site_id" SCOPED
#define SCOPE_T "(?1 = 0 OR t.site_id" SCOPED
#define TICKET_IN_SCOPE "(" SCOPE_T " OR (?1 = 1 AND t.assignee = ?2))"

static void bind_text(sqlite3_stmt *s, int i, const char *v) {
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

static const char *col_text(sqlite3_stmt *s, int i) {
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? (const char *)t : "";
}

static enum pvs_err scalar(struct pvs_store_be *st, sqlite3_stmt *s,
                           int64_t *ret) {
    int r = sqlite3_step(s);
    enum pvs_err rc = PVS_OK;

    if (r == SQLITE_ROW)
        *ret = sqlite3_column_int64(s, 0);
    else if (r == SQLITE_DONE)
        rc = PVS_ERR_NOTFOUND;
    else
        rc = store_fail(st, "reading a count");
    sqlite3_finalize(s);
    return rc;
}

/* ---- accounts ---- */

static enum pvs_err read_user(struct pvs_store_be *st, sqlite3_stmt *s,
                              struct pvs_web_user *ret) {
    int r = sqlite3_step(s);
    enum pvs_err rc = PVS_OK;

    if (r == SQLITE_ROW) {
        memset(ret, 0, sizeof(*ret));
        ret->id = sqlite3_column_int64(s, 0);
        pvs_strlcpy(ret->username, col_text(s, 1), sizeof(ret->username));
        pvs_strlcpy(ret->role, col_text(s, 2), sizeof(ret->role));
        pvs_strlcpy(ret->person, col_text(s, 3), sizeof(ret->person));
        pvs_strlcpy(ret->pwhash, col_text(s, 4), sizeof(ret->pwhash));
        ret->disabled = sqlite3_column_int(s, 5) != 0;
    } else if (r == SQLITE_DONE) {
        rc = PVS_ERR_NOTFOUND;
    } else {
        rc = store_fail(st, "reading a user");
    }
    sqlite3_finalize(s);
    return rc;
}

#define USER_COLS "u.id, u.username, u.role, u.person_id, u.pwhash, u.disabled"

enum pvs_err pvs_sqlite_web_user_by_name(struct pvs_store_be *st,
                                         const char *username,
                                         struct pvs_web_user *ret) {
    sqlite3_stmt *s = store_prep(st, "SELECT " USER_COLS
                                     " FROM users u WHERE u.username = ?");

    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, username);
    return read_user(st, s, ret);
}

enum pvs_err pvs_sqlite_web_user_by_token(struct pvs_store_be *st,
                                          const char *hash, int64_t now_ms,
                                          struct pvs_web_user *ret) {
    sqlite3_stmt *s = store_prep(
        st, "SELECT " USER_COLS " FROM api_tokens k JOIN users u ON u.id ="
            " k.user_id WHERE k.hash = ? AND k.revoked_ms"
            " IS NULL AND (k.expires_ms IS NULL OR"
            " k.expires_ms > ?)");

    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, hash);
    sqlite3_bind_int64(s, 2, now_ms);
    return read_user(st, s, ret);
}

enum pvs_err pvs_sqlite_web_user_by_session(struct pvs_store_be *st,
                                            const char *hash, int64_t now_ms,
                                            struct pvs_web_user *ret) {
    sqlite3_stmt *s = store_prep(st, "SELECT " USER_COLS
                                     " FROM sessions k JOIN users u ON u.id ="
                                     " k.user_id WHERE k.hash = ? AND"
                                     " k.expires_ms > ?");

    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, hash);
    sqlite3_bind_int64(s, 2, now_ms);
    return read_user(st, s, ret);
}

/* ---- tickets ---- */

#define TICKET_COLS                                                            \
    "t.id, t.status, t.site_id AS site, t.device_id AS device, t.rule,"        \
    " t.family, t.subject, t.severity, t.title, t.assignee, t.opened_ms,"      \
    " t.updated_ms, t.resolved_ms, t.closed_ms, t.lost_kwh"
#define TICKET_FILTER                                                          \
    " FROM tickets t WHERE " TICKET_IN_SCOPE " AND (?3 IS NULL OR t.status"    \
    " = ?3 OR (?3 = 'active' AND pvs_ticket_active(t.status)))"                \
    " AND (?4 IS NULL OR t.site_id = ?4)"

/* Column i as a string or NULL, a number or NAN, a time or none. */
static const char *col_str(sqlite3_stmt *s, int i) {
    return (const char *)sqlite3_column_text(s, i);
}

static double col_num(sqlite3_stmt *s, int i) {
    return sqlite3_column_type(s, i) == SQLITE_NULL
               ? NAN
               : sqlite3_column_double(s, i);
}

static int64_t col_ms(sqlite3_stmt *s, int i) {
    return sqlite3_column_type(s, i) == SQLITE_NULL
               ? PVS_ROW_NO_MS
               : sqlite3_column_int64(s, i);
}

/* The TICKET_COLS of the current row, then the site's name. */
static void ticket_row(sqlite3_stmt *s, struct pvs_ticket_row *t) {
    memset(t, 0, sizeof(*t));
    t->id = sqlite3_column_int64(s, 0);
    t->status = col_str(s, 1);
    t->site = col_str(s, 2);
    t->device = col_str(s, 3);
    t->rule = col_str(s, 4);
    t->family = col_str(s, 5);
    t->subject = col_str(s, 6);
    t->severity = col_str(s, 7);
    t->title = col_str(s, 8);
    t->assignee = col_str(s, 9);
    t->opened_ms = col_ms(s, 10);
    t->updated_ms = col_ms(s, 11);
    t->resolved_ms = col_ms(s, 12);
    t->closed_ms = col_ms(s, 13);
    t->lost_kwh = col_num(s, 14);
    t->site_name = col_str(s, 15);
    t->acknowledged_ms = PVS_ROW_NO_MS;
    t->escalate_at_ms = PVS_ROW_NO_MS;
}

enum pvs_err pvs_sqlite_web_tickets(struct pvs_store_be *st,
                                    const struct pvs_scope *scope,
                                    const struct pvs_ticket_filter *f,
                                    pvs_store_ticket_row_fn *fn, void *ud,
                                    int64_t *ret_total) {
    struct pvs_ticket_row t;
    sqlite3_stmt *s;
    int64_t total = 0;
    enum pvs_err rc;
    int r;

    s = store_prep(st, "SELECT COUNT(*)" TICKET_FILTER);
    if (!s)
        return PVS_ERR_DB;
    store_bind_scope(s, scope);
    bind_text(s, 3, f->status);
    bind_text(s, 4, f->site);
    rc = scalar(st, s, &total);
    if (rc)
        return rc;
    s = store_prep(st,
                   "SELECT " TICKET_COLS ", (SELECT x.name FROM sites x WHERE"
                   " x.id = t.site_id)" TICKET_FILTER
                   " ORDER BY t.id DESC LIMIT ?5 OFFSET ?6");
    if (!s)
        return PVS_ERR_DB;
    store_bind_scope(s, scope);
    bind_text(s, 3, f->status);
    bind_text(s, 4, f->site);
    sqlite3_bind_int64(s, 5, f->limit);
    sqlite3_bind_int64(s, 6, f->offset);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        ticket_row(s, &t);
        fn(ud, &t);
    }
    sqlite3_finalize(s);
    if (r != SQLITE_DONE)
        return store_fail(st, "listing tickets");
    if (ret_total)
        *ret_total = total;
    return PVS_OK;
}

enum pvs_err pvs_sqlite_web_ticket_visible(struct pvs_store_be *st,
                                           const struct pvs_scope *scope,
                                           int64_t id) {
    sqlite3_stmt *s = store_prep(
        st, "SELECT t.id FROM tickets t WHERE t.id = ?3 AND " TICKET_IN_SCOPE);
    int64_t v;

    if (!s)
        return PVS_ERR_DB;
    store_bind_scope(s, scope);
    sqlite3_bind_int64(s, 3, id);
    return scalar(st, s, &v);
}

enum pvs_err pvs_sqlite_web_ticket(struct pvs_store_be *st,
                                   const struct pvs_scope *scope, int64_t id,
                                   bool staff, pvs_store_ticket_row_fn *fn,
                                   void *ud) {
    struct pvs_ticket_row t;
    sqlite3_stmt *s;
    enum pvs_err rc = PVS_OK;
    int r;

    s = store_prep(st,
                   "SELECT " TICKET_COLS ", s.name, t.fingerprint, s.address,"
                   " s.timezone, CASE WHEN ?4 THEN s.access_notes END,"
                   " t.acknowledged_ms, t.escalation_level, t.escalate_at_ms"
                   " FROM tickets t LEFT JOIN sites s ON s.id = t.site_id"
                   " WHERE t.id = ?3 AND " TICKET_IN_SCOPE);
    if (!s)
        return PVS_ERR_DB;
    store_bind_scope(s, scope);
    sqlite3_bind_int64(s, 3, id);
    sqlite3_bind_int(s, 4, staff);
    r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        ticket_row(s, &t);
        t.fingerprint = col_str(s, 16);
        t.site_address = col_str(s, 17);
        t.site_timezone = col_str(s, 18);
        t.access_notes = col_str(s, 19);
        t.acknowledged_ms = col_ms(s, 20);
        t.escalation_level = sqlite3_column_int64(s, 21);
        t.escalate_at_ms = col_ms(s, 22);
        fn(ud, &t);
    } else if (r == SQLITE_DONE) {
        rc = PVS_ERR_NOTFOUND;
    } else {
        rc = store_fail(st, "reading a ticket");
    }
    sqlite3_finalize(s);
    return rc;
}

enum pvs_err pvs_sqlite_web_ticket_events(struct pvs_store_be *st, int64_t id,
                                          bool staff,
                                          pvs_store_event_row_fn *fn,
                                          void *ud) {
    struct pvs_event_row e;
    sqlite3_stmt *s;
    int r;

    s = store_prep(st,
                   "SELECT ts_ms, kind, actor, text FROM ticket_events WHERE"
                   " ticket_id = ?1 AND kind <> 'link_used' AND (?2 OR kind <>"
                   " 'comment') ORDER BY id");
    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_int(s, 2, staff);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        e.ts_ms = col_ms(s, 0);
        e.kind = col_str(s, 1);
        e.actor = col_str(s, 2);
        e.text = col_str(s, 3);
        fn(ud, &e);
    }
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : store_fail(st, "reading a timeline");
}

enum pvs_err pvs_sqlite_web_ticket_alert(struct pvs_store_be *st, int64_t id,
                                         pvs_store_ticket_alert_fn *fn,
                                         void *ud) {
    struct pvs_ticket_alert_row a;
    enum pvs_err rc = PVS_OK;
    sqlite3_stmt *s;
    int r;

    s = store_prep(st,
                   "SELECT a.state, a.started_ms, a.ts_ms, a.measured,"
                   " a.expected, a.lost_kwh, a.lost_kwh_per_day, a.evidence,"
                   " a.explanation, a.kb FROM alerts a JOIN tickets t ON"
                   " t.fingerprint = a.fingerprint WHERE t.id = ? ORDER BY"
                   " a.id DESC LIMIT 1");
    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        a.state = col_str(s, 0);
        a.started_ms = col_ms(s, 1);
        a.ts_ms = col_ms(s, 2);
        a.measured = col_num(s, 3);
        a.expected = col_num(s, 4);
        a.lost_kwh = col_num(s, 5);
        a.lost_kwh_per_day = col_num(s, 6);
        a.evidence = col_str(s, 7);
        a.explanation = col_str(s, 8);
        a.kb = col_str(s, 9);
        fn(ud, &a);
    } else if (r == SQLITE_DONE) {
        rc = PVS_ERR_NOTFOUND;
    } else {
        rc = store_fail(st, "reading an alert");
    }
    sqlite3_finalize(s);
    return rc;
}

/* Message columns: id, ticket, site, audience, kind, channel, recipient,
 * subject, status, body, attempts, created_ms, sent_ms. */
static void message_row(sqlite3_stmt *s, struct pvs_message_row *m) {
    memset(m, 0, sizeof(*m));
    m->id = sqlite3_column_int64(s, 0);
    m->ticket_id = sqlite3_column_int64(s, 1);
    m->site = col_str(s, 2);
    m->audience = col_str(s, 3);
    m->kind = col_str(s, 4);
    m->channel = col_str(s, 5);
    m->recipient = col_str(s, 6);
    m->subject = col_str(s, 7);
    m->status = col_str(s, 8);
    m->body = col_str(s, 9);
    m->attempts = sqlite3_column_int64(s, 10);
    m->created_ms = col_ms(s, 11);
    m->sent_ms = col_ms(s, 12);
}

static enum pvs_err messages(struct pvs_store_be *st, sqlite3_stmt *s,
                             pvs_store_message_row_fn *fn, void *ud) {
    struct pvs_message_row m;
    int r;

    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        message_row(s, &m);
        fn(ud, &m);
    }
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : store_fail(st, "reading messages");
}

enum pvs_err pvs_sqlite_web_ticket_messages(struct pvs_store_be *st, int64_t id,
                                            pvs_store_message_row_fn *fn,
                                            void *ud) {
    sqlite3_stmt *s = store_prep(
        st, "SELECT o.id, o.ticket_id, NULL, o.audience, o.kind, o.channel,"
            " o.recipient, o.subject, o.status, NULL, o.attempts,"
            " o.created_ms, o.sent_ms FROM outbox o WHERE o.ticket_id = ?"
            " ORDER BY o.id");

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    return messages(st, s, fn, ud);
}

/* A listed ticket's timeline and messages (e and m prepared). */
static enum pvs_err list_children(struct pvs_store_be *st, sqlite3_stmt *e,
                                  sqlite3_stmt *m, int64_t id,
                                  const struct pvs_ticket_list_fns *fns,
                                  void *ud) {
    struct pvs_event_row ev;
    struct pvs_message_row msg;
    int r;

    sqlite3_reset(e);
    sqlite3_bind_int64(e, 1, id);
    while ((r = sqlite3_step(e)) == SQLITE_ROW) {
        ev.ts_ms = col_ms(e, 0);
        ev.kind = col_str(e, 1);
        ev.actor = col_str(e, 2);
        ev.text = col_str(e, 3);
        fns->event(ud, &ev);
    }
    if (r != SQLITE_DONE)
        return store_fail(st, "reading a timeline");
    sqlite3_reset(m);
    sqlite3_bind_int64(m, 1, id);
    while ((r = sqlite3_step(m)) == SQLITE_ROW) {
        message_row(m, &msg);
        msg.message_id = col_str(m, 13);
        fns->message(ud, &msg);
    }
    return r == SQLITE_DONE ? PVS_OK : store_fail(st, "reading messages");
}

enum pvs_err pvs_sqlite_tickets_list(struct pvs_store_be *st, size_t limit,
                                     const struct pvs_ticket_list_fns *fns,
                                     void *ud) {
    sqlite3_stmt *t, *e, *m;
    struct pvs_ticket_row row;
    enum pvs_err rc = PVS_OK;
    int r = SQLITE_DONE;

    t = store_prep(st,
                   "SELECT " TICKET_COLS ", (SELECT x.name FROM sites x WHERE"
                   " x.id = t.site_id), t.fingerprint, (SELECT kind FROM"
                   " ticket_events e WHERE e.ticket_id = t.id ORDER BY e.id"
                   " DESC LIMIT 1), (SELECT x.timezone FROM sites x WHERE"
                   " x.id = t.site_id) FROM tickets t ORDER BY t.id DESC"
                   " LIMIT ?");
    e = store_prep(st,
                   "SELECT ts_ms, kind, actor, text FROM ticket_events WHERE"
                   " ticket_id = ? ORDER BY id");
    m = store_prep(st, "SELECT o.id, o.ticket_id, NULL, o.audience, o.kind,"
                       " o.channel, o.recipient, o.subject, o.status, NULL,"
                       " o.attempts, o.created_ms, o.sent_ms, o.message_id FROM"
                       " outbox o WHERE o.ticket_id = ? ORDER BY o.id");
    if (!t || !e || !m) {
        rc = PVS_ERR_DB;
        goto out;
    }
    sqlite3_bind_int64(t, 1, limit ? (int64_t)limit : -1);
    while (!rc && (r = sqlite3_step(t)) == SQLITE_ROW) {
        ticket_row(t, &row);
        row.fingerprint = col_str(t, 16);
        row.last_event = col_str(t, 17);
        row.site_timezone = col_str(t, 18);
        fns->ticket(ud, &row);
        rc = list_children(st, e, m, row.id, fns, ud);
    }
    if (!rc && r != SQLITE_DONE)
        rc = store_fail(st, "listing tickets");
out:
    sqlite3_finalize(t);
    sqlite3_finalize(e);
    sqlite3_finalize(m);
    return rc;
}

/* ---- sites and devices ---- */

enum pvs_err pvs_sqlite_web_site_visible(struct pvs_store_be *st,
                                         const struct pvs_scope *scope,
                                         const char *id) {
    sqlite3_stmt *s =
        store_prep(st, "SELECT 1 FROM sites s WHERE s.id = ?3 AND " SCOPE_S);
    int64_t v;

    if (!s)
        return PVS_ERR_DB;
    store_bind_scope(s, scope);
    bind_text(s, 3, id);
    return scalar(st, s, &v);
}

#define SITE_STATE                                                             \
    "COALESCE((SELECT CASE MAX(CASE severity WHEN 'critical' THEN 3 WHEN"      \
    " 'warning' THEN 2 ELSE 1 END) WHEN 3 THEN 'critical' WHEN 2 THEN"         \
    " 'warning' ELSE 'info' END FROM tickets t WHERE t.site_id = s.id AND"     \
    " pvs_ticket_active(t.status) HAVING COUNT(*) > 0), CASE WHEN"             \
    " NOT EXISTS (SELECT 1 FROM devices d WHERE d.site_id = s.id) THEN"        \
    " 'no_devices' WHEN NOT EXISTS (SELECT 1 FROM devices d JOIN readings"     \
    " x ON x.device_id = d.id WHERE d.site_id = s.id) THEN 'no_data' ELSE"     \
    " 'ok' END)"

enum pvs_err pvs_sqlite_web_fleet(struct pvs_store_be *st,
                                  const struct pvs_scope *scope,
                                  pvs_store_fleet_row_fn *fn, void *ud) {
    struct pvs_fleet_row f;
    sqlite3_stmt *s = store_prep(
        st, "SELECT s.id, s.name, s.kwp, " SITE_STATE ", (SELECT"
            " COUNT(*) FROM tickets t WHERE t.site_id = s.id AND"
            " pvs_ticket_active(t.status)), (SELECT"
            " COALESCE(SUM(t.lost_kwh), 0) FROM tickets t WHERE t.site_id ="
            " s.id AND pvs_ticket_active(t.status)) FROM"
            " sites s WHERE " SCOPE_S " ORDER BY s.id LIMIT"
            " 5000");
    int r;

    if (!s)
        return PVS_ERR_DB;
    store_bind_scope(s, scope);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        f.id = col_str(s, 0);
        f.name = col_str(s, 1);
        f.kwp = col_num(s, 2);
        f.state = col_str(s, 3);
        f.open_tickets = sqlite3_column_int64(s, 4);
        f.lost_kwh = col_num(s, 5);
        fn(ud, &f);
    }
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : store_fail(st, "listing the fleet");
}

enum pvs_err pvs_sqlite_web_kpis(struct pvs_store_be *st,
                                 const struct pvs_scope *scope,
                                 struct pvs_web_kpis *ret) {
    sqlite3_stmt *s = store_prep(
        st, "SELECT (SELECT COUNT(*) FROM sites s WHERE " SCOPE_S "),"
            " (SELECT COUNT(*) FROM devices d WHERE " SCOPE_D "),"
            " (SELECT COUNT(*) FROM tickets t WHERE"
            " pvs_ticket_active(t.status) AND " TICKET_IN_SCOPE "),"
            " (SELECT COALESCE(SUM(t.lost_kwh), 0) FROM tickets t WHERE"
            " pvs_ticket_active(t.status) AND " TICKET_IN_SCOPE "),"
            " (SELECT COUNT(*) FROM alerts a JOIN (SELECT fingerprint,"
            " MAX(id) AS id FROM alerts GROUP BY fingerprint) l ON a.id ="
            " l.id WHERE a.state = 'firing' AND " SCOPE_A ")");
    int r;

    if (!s)
        return PVS_ERR_DB;
    store_bind_scope(s, scope);
    r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        ret->sites = sqlite3_column_int64(s, 0);
        ret->devices = sqlite3_column_int64(s, 1);
        ret->tickets_open = sqlite3_column_int64(s, 2);
        ret->lost_kwh_open = sqlite3_column_double(s, 3);
        ret->alerts_firing = sqlite3_column_int64(s, 4);
    }
    sqlite3_finalize(s);
    return r == SQLITE_ROW ? PVS_OK : store_fail(st, "reading the figures");
}

/* ---- people, accounts, alerts, silences ---- */

enum pvs_err pvs_sqlite_web_token_owner(struct pvs_store_be *st, int64_t id,
                                        int64_t *ret_user) {
    sqlite3_stmt *s =
        store_prep(st, "SELECT user_id FROM api_tokens WHERE id = ?");

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    return scalar(st, s, ret_user);
}

enum pvs_err pvs_sqlite_web_alerts(struct pvs_store_be *st,
                                   const struct pvs_scope *scope,
                                   pvs_store_alert_row_fn *fn, void *ud) {
    struct pvs_alert_row a;
    sqlite3_stmt *s = store_prep(
        st,
        "SELECT a.id, a.fingerprint, a.rule, a.family, a.site_id,"
        " a.device_id, a.subject, a.severity, a.started_ms, a.ts_ms,"
        " a.measured, a.expected, a.lost_kwh, a.lost_kwh_per_day,"
        " a.evidence, a.explanation, a.kb, a.silenced FROM alerts a JOIN"
        " (SELECT fingerprint, MAX(id) AS id FROM alerts GROUP BY"
        " fingerprint) l ON a.id = l.id WHERE a.state = 'firing' AND " SCOPE_A
        " ORDER BY a.id DESC LIMIT 1000");
    int r;

    if (!s)
        return PVS_ERR_DB;
    store_bind_scope(s, scope);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        a.id = sqlite3_column_int64(s, 0);
        a.fingerprint = col_str(s, 1);
        a.rule = col_str(s, 2);
        a.family = col_str(s, 3);
        a.site = col_str(s, 4);
        a.device = col_str(s, 5);
        a.subject = col_str(s, 6);
        a.severity = col_str(s, 7);
        a.started_ms = sqlite3_column_int64(s, 8);
        a.ts_ms = sqlite3_column_int64(s, 9);
        a.measured = col_num(s, 10);
        a.expected = col_num(s, 11);
        a.lost_kwh = col_num(s, 12);
        a.lost_kwh_per_day = col_num(s, 13);
        a.evidence = col_str(s, 14);
        a.explanation = col_str(s, 15);
        a.kb = col_str(s, 16);
        a.silenced = sqlite3_column_int(s, 17) != 0;
        fn(ud, &a);
    }
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : store_fail(st, "listing alerts");
}

enum pvs_err pvs_sqlite_web_notices(struct pvs_store_be *st,
                                    const struct pvs_scope *scope,
                                    pvs_store_message_row_fn *fn, void *ud) {
    sqlite3_stmt *s = store_prep(
        st, "SELECT o.id, o.ticket_id, t.site_id, o.audience, o.kind,"
            " o.channel, o.recipient, o.subject, o.status, o.body,"
            " o.attempts, o.created_ms, o.sent_ms FROM outbox o JOIN"
            " tickets t ON t.id = o.ticket_id"
            " WHERE o.audience = 'customer' AND o.status = 'sent' AND " SCOPE_T
            " ORDER BY o.sent_ms DESC, o.id DESC LIMIT 200");

    if (!s)
        return PVS_ERR_DB;
    store_bind_scope(s, scope);
    return messages(st, s, fn, ud);
}

/*
 * The value of one metric in a readings row (json path p): a plain number,
 * or the first element of [value, quality] for a reading whose quality is
 * not ok, as the samples view gives it.
 */
#define READING(p)                                                             \
    "CASE json_type(data, " p ") WHEN 'array' THEN json_extract(data, " p      \
    " || '[0]') ELSE json_extract(data, " p ") END"

enum pvs_err pvs_sqlite_web_series(struct pvs_store_be *st, const char *site,
                                   const char *metric, int64_t from_ms,
                                   int64_t to_ms, int64_t step_ms,
                                   pvs_store_point_fn *fn, void *ud) {
    sqlite3_stmt *s;
    char path[80];
    int r;

    pvs_snprintf(path, sizeof(path), "$.\"%s\"", metric);
    /* clang-format off */
    s = store_prep(st, "SELECT b, SUM(v) FROM (SELECT (ts_ms / ?3) * ?3 AS b,"
                 " device_id, AVG(" READING("?2") ") AS v FROM readings"
                 " WHERE device_id IN (SELECT id FROM devices WHERE"
                 " site_id = ?1) AND ts_ms >= ?4 AND ts_ms < ?5"
                 " GROUP BY b, device_id HAVING v IS NOT NULL)"
                 " GROUP BY b ORDER BY b");
    /* clang-format on */
    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, site);
    bind_text(s, 2, path);
    sqlite3_bind_int64(s, 3, step_ms);
    sqlite3_bind_int64(s, 4, from_ms);
    sqlite3_bind_int64(s, 5, to_ms);
    while ((r = sqlite3_step(s)) == SQLITE_ROW)
        fn(ud, sqlite3_column_int64(s, 0), sqlite3_column_double(s, 1));
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : store_fail(st, "reading a series");
}

enum pvs_err pvs_sqlite_web_daily_energy(struct pvs_store_be *st,
                                         const char *site, int64_t from_ms,
                                         int days, double *ret_kwh) {
    sqlite3_stmt *s;
    int r;

    for (int i = 0; i < days; i++)
        ret_kwh[i] = 0;
    /* Hourly mean power per device, summed: Wh per hour. */
    /* clang-format off */
    s = store_prep(st,
                 "SELECT (hr * 3600000 - ?2) / 86400000, SUM(v) / 1000 FROM"
                 " (SELECT ts_ms / 3600000 AS hr, device_id,"
                 " AVG(" READING("'$.ac_power_w'") ") AS v FROM readings"
                 " WHERE device_id IN (SELECT id FROM devices WHERE"
                 " site_id = ?1) AND ts_ms >= ?2 AND ts_ms < ?3"
                 " GROUP BY hr, device_id HAVING v IS NOT NULL) GROUP BY 1");
    /* clang-format on */
    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, site);
    sqlite3_bind_int64(s, 2, from_ms);
    sqlite3_bind_int64(s, 3, from_ms + (int64_t)days * 86400000);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t d = sqlite3_column_int64(s, 0);
        if (d >= 0 && d < days)
            ret_kwh[d] += sqlite3_column_double(s, 1);
    }
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : store_fail(st, "reading daily energy");
}

/* ---- entities ---- */

static void result(struct pvs_web_result *res, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void result(struct pvs_web_result *res, const char *fmt, ...) {
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(res->msg, sizeof(res->msg), fmt, ap);
    va_end(ap);
}

/* Run s (bound), finalize; a constraint failure is PVS_ERR_EXISTS. */
static enum pvs_err run(struct pvs_store_be *st, sqlite3_stmt *s,
                        struct pvs_web_result *res, const char *what) {
    int r = sqlite3_step(s);
    enum pvs_err rc = PVS_OK;

    if (r == SQLITE_DONE) {
        res->id = sqlite3_last_insert_rowid(st->db);
    } else if ((r & 0xff) == SQLITE_CONSTRAINT) {
        result(res, "%s: it exists already", what);
        rc = PVS_ERR_EXISTS;
    } else {
        result(res, "the database refused the change");
        rc = store_fail(st, what);
    }
    sqlite3_finalize(s);
    return rc;
}

enum pvs_err pvs_sqlite_web_user_create(struct pvs_store_be *st,
                                        const char *username, const char *role,
                                        const char *person, const char *pwhash,
                                        int64_t now_ms,
                                        struct pvs_web_result *res) {
    sqlite3_stmt *s;
    enum pvs_err rc;

    if (person && *person) {
        /* An admin who is a person is a technician record. */
        const char *kind = strcmp(role, "admin") ? role : "technician";
        struct pvs_obj_facts facts;

        if (!pvs_store_web_entity(kind)) {
            result(res, "person: a %s has no person", role);
            return PVS_ERR_INVAL;
        }
        rc = pvs_sqlite_obj_facts(st, pvs_store_web_entity(kind), person,
                                  &facts);
        if (rc && rc != PVS_ERR_NOTFOUND)
            return rc;
        if (rc) {
            result(res, "person: %s '%s' does not exist", kind, person);
            return PVS_ERR_INVAL;
        }
    }
    s = store_prep(st, "INSERT INTO users(username, role, person_id, pwhash,"
                       " created_ms) VALUES (?, ?, ?, ?, ?)");
    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, username);
    bind_text(s, 2, role);
    bind_text(s, 3, person && *person ? person : NULL);
    bind_text(s, 4, pwhash && *pwhash ? pwhash : NULL);
    sqlite3_bind_int64(s, 5, now_ms);
    rc = run(st, s, res, "creating a user");
    if (!rc)
        res->created = true;
    result(res, "user '%s' created", username);
    return rc;
}

enum pvs_err pvs_sqlite_web_user_delete(struct pvs_store_be *st, int64_t id,
                                        struct pvs_web_result *res) {
    static const char *const sqls[] = {
        "DELETE FROM sessions WHERE user_id = ?",
        "UPDATE api_tokens SET revoked_ms = COALESCE(revoked_ms, 0) WHERE"
        " user_id = ?",
        "UPDATE users SET disabled = 1, pwhash = NULL WHERE id = ?",
    };
    enum pvs_err rc = PVS_OK;

    for (size_t i = 0; i < PVS_ARRAY_LEN(sqls) && !rc; i++) {
        sqlite3_stmt *s = store_prep(st, sqls[i]);
        if (!s)
            return PVS_ERR_DB;
        sqlite3_bind_int64(s, 1, id);
        rc = run(st, s, res, "disabling a user");
    }
    if (!rc && !sqlite3_changes(st->db)) {
        result(res, "no such user");
        return PVS_ERR_NOTFOUND;
    }
    if (!rc)
        result(res, "user disabled");
    return rc;
}

enum pvs_err pvs_sqlite_web_user_password(struct pvs_store_be *st, int64_t id,
                                          const char *pwhash,
                                          struct pvs_web_result *res) {
    sqlite3_stmt *s =
        store_prep(st, "UPDATE users SET pwhash = ?2, disabled = 0"
                       " WHERE id = ?1");
    enum pvs_err rc;

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    bind_text(s, 2, pwhash);
    rc = run(st, s, res, "setting a password");
    if (!rc && !sqlite3_changes(st->db)) {
        result(res, "no such user");
        return PVS_ERR_NOTFOUND;
    }
    /* Whoever was logged in with the old password is logged out. */
    s = rc ? NULL : store_prep(st, "DELETE FROM sessions WHERE user_id = ?");
    if (!rc && !s)
        return PVS_ERR_DB;
    if (!rc) {
        sqlite3_bind_int64(s, 1, id);
        rc = run(st, s, res, "ending sessions");
    }
    if (!rc)
        result(res, "password set; the account is enabled");
    return rc;
}

enum pvs_err pvs_sqlite_web_token_create(struct pvs_store_be *st,
                                         int64_t user_id, const char *name,
                                         const char *hash, int64_t now_ms,
                                         int64_t expires_ms,
                                         struct pvs_web_result *res) {
    sqlite3_stmt *s;
    int64_t ok = 0;
    enum pvs_err rc;

    s = store_prep(st,
                   "SELECT COUNT(*) FROM users WHERE id = ? AND disabled = 0");
    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, user_id);
    rc = scalar(st, s, &ok);
    if (rc)
        return rc;
    if (!ok) {
        result(res, "user: no such active user");
        return PVS_ERR_INVAL;
    }
    s = store_prep(st, "INSERT INTO api_tokens(user_id, name, hash, created_ms,"
                       " expires_ms) VALUES (?, ?, ?, ?, ?)");
    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, user_id);
    bind_text(s, 2, name);
    bind_text(s, 3, hash);
    sqlite3_bind_int64(s, 4, now_ms);
    if (expires_ms)
        sqlite3_bind_int64(s, 5, expires_ms);
    rc = run(st, s, res, "creating a token");
    if (!rc)
        res->created = true;
    result(res, "token created");
    return rc;
}

enum pvs_err pvs_sqlite_web_token_revoke(struct pvs_store_be *st, int64_t id,
                                         int64_t now_ms,
                                         struct pvs_web_result *res) {
    sqlite3_stmt *s =
        store_prep(st, "UPDATE api_tokens SET revoked_ms = ? WHERE"
                       " id = ? AND revoked_ms IS NULL");
    enum pvs_err rc;

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, now_ms);
    sqlite3_bind_int64(s, 2, id);
    rc = run(st, s, res, "revoking a token");
    if (!rc && !sqlite3_changes(st->db)) {
        result(res, "no such active token");
        return PVS_ERR_NOTFOUND;
    }
    if (!rc)
        result(res, "token revoked");
    res->id = id;
    return rc;
}

enum pvs_err pvs_sqlite_web_session_create(struct pvs_store_be *st,
                                           int64_t user_id, const char *hash,
                                           int64_t now_ms, int64_t expires_ms,
                                           struct pvs_web_result *res) {
    sqlite3_stmt *s;
    enum pvs_err rc;

    /* Expired sessions go whenever a new one comes. */
    s = store_prep(st, "DELETE FROM sessions WHERE expires_ms <= ?");
    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, now_ms);
    rc = run(st, s, res, "pruning sessions");
    if (rc)
        return rc;
    s = store_prep(st, "INSERT INTO sessions(hash, user_id, created_ms,"
                       " expires_ms) VALUES (?, ?, ?, ?)");
    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, hash);
    sqlite3_bind_int64(s, 2, user_id);
    sqlite3_bind_int64(s, 3, now_ms);
    sqlite3_bind_int64(s, 4, expires_ms);
    rc = run(st, s, res, "creating a session");
    if (!rc)
        res->created = true;
    result(res, "logged in");
    return rc;
}

enum pvs_err pvs_sqlite_web_session_delete(struct pvs_store_be *st,
                                           const char *hash,
                                           struct pvs_web_result *res) {
    sqlite3_stmt *s = store_prep(st, "DELETE FROM sessions WHERE hash = ?");
    enum pvs_err rc;

    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, hash);
    rc = run(st, s, res, "ending a session");
    if (!rc)
        result(res, "logged out");
    return rc;
}

enum pvs_err pvs_sqlite_web_audit(struct pvs_store_be *st, int64_t now_ms,
                                  const char *actor, const char *action,
                                  const char *object) {
    struct pvs_web_result res;
    sqlite3_stmt *s = store_prep(st, "INSERT INTO audit(ts_ms, actor, action,"
                                     " object) VALUES (?, ?, ?, ?)");

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, now_ms);
    bind_text(s, 2, actor);
    bind_text(s, 3, action);
    bind_text(s, 4, object);
    return run(st, s, &res, "writing the audit log");
}

enum pvs_err pvs_sqlite_web_prune_personal(struct pvs_store_be *st,
                                           int64_t before_ms, int64_t *ret_n) {
    static const char *const sqls[] = {
        "UPDATE outbox SET subject = '(expired)', body = '(expired)' WHERE"
        " audience = 'customer' AND created_ms < ?1 AND status <> 'pending'"
        " AND body IS NOT '(expired)'",
        "UPDATE surveys SET comment = NULL WHERE answered_ms < ?1 AND"
        " comment IS NOT NULL",
    };
    struct pvs_web_result res;
    int64_t n = 0;

    for (size_t i = 0; i < PVS_ARRAY_LEN(sqls); i++) {
        sqlite3_stmt *s = store_prep(st, sqls[i]);
        enum pvs_err rc;

        if (!s)
            return PVS_ERR_DB;
        sqlite3_bind_int64(s, 1, before_ms);
        rc = run(st, s, &res, "pruning personal data");
        if (rc)
            return rc;
        n += sqlite3_changes(st->db);
    }
    if (ret_n)
        *ret_n = n;
    return PVS_OK;
}
