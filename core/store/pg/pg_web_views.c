/* SPDX-License-Identifier: MIT */
/*
 * pg_web_views.c - the PostgreSQL backend's reads of tickets and telemetry
 * for the HTTP API (store_views.h, and the alerts, figures and daily
 * energy of store_web.h): plain SQL handing typed rows to the caller,
 * which builds the API's JSON (web/views.c).
 *
 * DESIGN
 * Visibility is part of every query, as in the SQLite backend: the scope's
 * kind and person are always $1 and $2, and the SCOPE_* macros keep a
 * technician or a customer on their own sites, so "not yours" and "does
 * not exist" give the same answer.
 */
#define PVS_LOG_MODULE "store"
#include <math.h>
#include <string.h>

#include "pg_int.h"

#define SCOPE_A "($1 = 0 OR a.site_id" SCOPED
#define SCOPE_T "($1 = 0 OR t.site_id" SCOPED
#define TICKET_IN_SCOPE "(" SCOPE_T " OR ($1 = 1 AND t.assignee = $2))"
#define ACTIVE "t." PVS_PG_ACTIVE_SQL

/* Scope arguments: the kind, and the person ("" for staff). */
#define SCOPE_ARGS(sc)                                                         \
    (int)(sc)->kind, (sc)->kind == PVS_SCOPE_ALL ? "" : (sc)->person

/* Column readers for rows (pg_int.h). */
#define str_or_null pvs_pg_str_or_null
#define num_or_nan pvs_pg_num_or_nan
#define ms_or_none pvs_pg_ms_or_none

/* ---- tickets ---- */

#define TICKET_COLS                                                            \
    "t.id, t.status, t.site_id, t.device_id, t.rule, t.family, t.subject,"     \
    " t.severity, t.title, t.assignee, t.opened_ms, t.updated_ms,"             \
    " t.resolved_ms, t.closed_ms, t.lost_kwh"
#define TICKET_FILTER                                                          \
    " FROM tickets t WHERE " TICKET_IN_SCOPE " AND ($3::text IS NULL OR"       \
    " t.status = $3::text OR ($3::text = 'active' AND " ACTIVE "))"            \
    " AND ($4::text IS NULL OR t.site_id = $4::text)"

static void ticket_row(const PGresult *r, int i, struct pvs_ticket_row *t) {
    memset(t, 0, sizeof(*t));
    t->id = pvs_pg_i64(r, i, 0);
    t->status = str_or_null(r, i, 1);
    t->site = str_or_null(r, i, 2);
    t->device = str_or_null(r, i, 3);
    t->rule = str_or_null(r, i, 4);
    t->family = str_or_null(r, i, 5);
    t->subject = str_or_null(r, i, 6);
    t->severity = str_or_null(r, i, 7);
    t->title = str_or_null(r, i, 8);
    t->assignee = str_or_null(r, i, 9);
    t->opened_ms = ms_or_none(r, i, 10);
    t->updated_ms = ms_or_none(r, i, 11);
    t->resolved_ms = ms_or_none(r, i, 12);
    t->closed_ms = ms_or_none(r, i, 13);
    t->lost_kwh = num_or_nan(r, i, 14);
    t->site_name = str_or_null(r, i, 15);
    t->acknowledged_ms = PVS_ROW_NO_MS;
    t->escalate_at_ms = PVS_ROW_NO_MS;
}

enum pvs_err pvs_pg_web_tickets(struct pvs_store_be *st,
                                const struct pvs_scope *scope,
                                const struct pvs_ticket_filter *f,
                                pvs_store_ticket_row_fn *fn, void *ud,
                                int64_t *ret_total) {
    struct pvs_ticket_row t;
    PGresult *r;
    int64_t total;

    r = pvs_pg_query(st, "listing tickets", "SELECT COUNT(*)" TICKET_FILTER,
                     "bttt", SCOPE_ARGS(scope), f->status, f->site);
    if (!r)
        return pvs_pg_failed(st);
    total = pvs_pg_i64(r, 0, 0);
    PQclear(r);
    r = pvs_pg_query(st, "listing tickets",
                     "SELECT " TICKET_COLS ", (SELECT x.name FROM sites x"
                     " WHERE x.id = t.site_id)" TICKET_FILTER
                     " ORDER BY t.id DESC LIMIT $5 OFFSET $6",
                     "bttt"
                     "ii",
                     SCOPE_ARGS(scope), f->status, f->site, f->limit,
                     f->offset);
    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r); i++) {
        ticket_row(r, i, &t);
        fn(ud, &t);
    }
    PQclear(r);
    if (ret_total)
        *ret_total = total;
    return PVS_OK;
}

enum pvs_err pvs_pg_web_ticket_visible(struct pvs_store_be *st,
                                       const struct pvs_scope *scope,
                                       int64_t id) {
    PGresult *r;
    enum pvs_err rc;

    r = pvs_pg_query(
        st, "reading a ticket",
        "SELECT t.id FROM tickets t WHERE t.id = $3 AND " TICKET_IN_SCOPE,
        "bti", SCOPE_ARGS(scope), id);
    if (!r)
        return pvs_pg_failed(st);
    rc = PQntuples(r) ? PVS_OK : PVS_ERR_NOTFOUND;
    PQclear(r);
    return rc;
}

enum pvs_err pvs_pg_web_ticket(struct pvs_store_be *st,
                               const struct pvs_scope *scope, int64_t id,
                               bool staff, pvs_store_ticket_row_fn *fn,
                               void *ud) {
    struct pvs_ticket_row t;
    PGresult *r;

    r = pvs_pg_query(st, "reading a ticket",
                     "SELECT " TICKET_COLS ", s.name, t.fingerprint,"
                     " s.address, s.timezone, CASE WHEN $4 <> 0 THEN"
                     " s.access_notes END, t.acknowledged_ms,"
                     " t.escalation_level, t.escalate_at_ms FROM tickets t"
                     " LEFT JOIN sites s ON s.id = t.site_id WHERE t.id = $3"
                     " AND " TICKET_IN_SCOPE,
                     "btib", SCOPE_ARGS(scope), id, (int)staff);
    if (!r)
        return pvs_pg_failed(st);
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_NOTFOUND;
    }
    ticket_row(r, 0, &t);
    t.fingerprint = str_or_null(r, 0, 16);
    t.site_address = str_or_null(r, 0, 17);
    t.site_timezone = str_or_null(r, 0, 18);
    t.access_notes = str_or_null(r, 0, 19);
    t.acknowledged_ms = ms_or_none(r, 0, 20);
    t.escalation_level = pvs_pg_i64(r, 0, 21);
    t.escalate_at_ms = ms_or_none(r, 0, 22);
    fn(ud, &t);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_web_ticket_events(struct pvs_store_be *st, int64_t id,
                                      bool staff, pvs_store_event_row_fn *fn,
                                      void *ud) {
    struct pvs_event_row e;
    PGresult *r;

    r = pvs_pg_query(st, "reading a timeline",
                     "SELECT ts_ms, kind, actor, text FROM ticket_events"
                     " WHERE ticket_id = $1 AND kind <> 'link_used' AND"
                     " ($2 <> 0 OR kind <> 'comment') ORDER BY id",
                     "ib", id, (int)staff);
    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r); i++) {
        e.ts_ms = ms_or_none(r, i, 0);
        e.kind = str_or_null(r, i, 1);
        e.actor = str_or_null(r, i, 2);
        e.text = str_or_null(r, i, 3);
        fn(ud, &e);
    }
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_web_ticket_alert(struct pvs_store_be *st, int64_t id,
                                     pvs_store_ticket_alert_fn *fn, void *ud) {
    struct pvs_ticket_alert_row a;
    PGresult *r;

    r = pvs_pg_query(st, "reading an alert",
                     "SELECT a.state, a.started_ms, a.ts_ms, a.measured,"
                     " a.expected, a.lost_kwh, a.lost_kwh_per_day,"
                     " a.evidence, a.explanation, a.kb FROM alerts a JOIN"
                     " tickets t ON t.fingerprint = a.fingerprint WHERE t.id"
                     " = $1 ORDER BY a.id DESC LIMIT 1",
                     "i", id);
    if (!r)
        return pvs_pg_failed(st);
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_NOTFOUND;
    }
    a.state = str_or_null(r, 0, 0);
    a.started_ms = ms_or_none(r, 0, 1);
    a.ts_ms = ms_or_none(r, 0, 2);
    a.measured = num_or_nan(r, 0, 3);
    a.expected = num_or_nan(r, 0, 4);
    a.lost_kwh = num_or_nan(r, 0, 5);
    a.lost_kwh_per_day = num_or_nan(r, 0, 6);
    a.evidence = str_or_null(r, 0, 7);
    a.explanation = str_or_null(r, 0, 8);
    a.kb = str_or_null(r, 0, 9);
    fn(ud, &a);
    PQclear(r);
    return PVS_OK;
}

/* Rows of: id, ticket, site, audience, kind, channel, recipient, subject,
 * status, body, attempts, created_ms, sent_ms. Clears r. */
static enum pvs_err messages(struct pvs_store_be *st, PGresult *r,
                             pvs_store_message_row_fn *fn, void *ud) {
    struct pvs_message_row m;

    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r); i++) {
        m.id = pvs_pg_i64(r, i, 0);
        m.ticket_id = pvs_pg_i64(r, i, 1);
        m.site = str_or_null(r, i, 2);
        m.audience = str_or_null(r, i, 3);
        m.kind = str_or_null(r, i, 4);
        m.channel = str_or_null(r, i, 5);
        m.recipient = str_or_null(r, i, 6);
        m.subject = str_or_null(r, i, 7);
        m.status = str_or_null(r, i, 8);
        m.body = str_or_null(r, i, 9);
        m.attempts = pvs_pg_i64(r, i, 10);
        m.created_ms = ms_or_none(r, i, 11);
        m.sent_ms = ms_or_none(r, i, 12);
        fn(ud, &m);
    }
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_web_ticket_messages(struct pvs_store_be *st, int64_t id,
                                        pvs_store_message_row_fn *fn,
                                        void *ud) {
    return messages(
        st,
        pvs_pg_query(st, "reading messages",
                     "SELECT o.id, o.ticket_id, NULL, o.audience, o.kind,"
                     " o.channel, o.recipient, o.subject, o.status, NULL,"
                     " o.attempts, o.created_ms, o.sent_ms FROM outbox o"
                     " WHERE o.ticket_id = $1 ORDER BY o.id",
                     "i", id),
        fn, ud);
}

enum pvs_err pvs_pg_web_notices(struct pvs_store_be *st,
                                const struct pvs_scope *scope,
                                pvs_store_message_row_fn *fn, void *ud) {
    return messages(
        st,
        pvs_pg_query(
            st, "listing notices",
            "SELECT o.id, o.ticket_id, t.site_id, o.audience,"
            " o.kind, o.channel, o.recipient, o.subject, o.status,"
            " o.body, o.attempts, o.created_ms, o.sent_ms FROM"
            " outbox o JOIN tickets t ON t.id = o.ticket_id WHERE"
            " o.audience = 'customer' AND o.status = 'sent' AND " SCOPE_T
            " ORDER BY o.sent_ms DESC, o.id DESC LIMIT 200",
            "bt", SCOPE_ARGS(scope)),
        fn, ud);
}

/* ---- alerts and the fleet ---- */

enum pvs_err pvs_pg_web_alerts(struct pvs_store_be *st,
                               const struct pvs_scope *scope,
                               pvs_store_alert_row_fn *fn, void *ud) {
    struct pvs_alert_row a;
    PGresult *r;

    r = pvs_pg_query(
        st, "listing alerts",
        "SELECT a.id, a.fingerprint, a.rule, a.family, a.site_id,"
        " a.device_id, a.subject, a.severity, a.started_ms, a.ts_ms,"
        " a.measured, a.expected, a.lost_kwh, a.lost_kwh_per_day,"
        " a.evidence, a.explanation, a.kb, a.silenced FROM alerts a JOIN"
        " (SELECT fingerprint, MAX(id) AS id FROM alerts GROUP BY"
        " fingerprint) l ON a.id = l.id WHERE a.state = 'firing' AND " SCOPE_A
        " ORDER BY a.id DESC LIMIT 1000",
        "bt", SCOPE_ARGS(scope));
    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r); i++) {
        a.id = pvs_pg_i64(r, i, 0);
        a.fingerprint = str_or_null(r, i, 1);
        a.rule = str_or_null(r, i, 2);
        a.family = str_or_null(r, i, 3);
        a.site = str_or_null(r, i, 4);
        a.device = str_or_null(r, i, 5);
        a.subject = str_or_null(r, i, 6);
        a.severity = str_or_null(r, i, 7);
        a.started_ms = pvs_pg_i64(r, i, 8);
        a.ts_ms = pvs_pg_i64(r, i, 9);
        a.measured = num_or_nan(r, i, 10);
        a.expected = num_or_nan(r, i, 11);
        a.lost_kwh = num_or_nan(r, i, 12);
        a.lost_kwh_per_day = num_or_nan(r, i, 13);
        a.evidence = str_or_null(r, i, 14);
        a.explanation = str_or_null(r, i, 15);
        a.kb = str_or_null(r, i, 16);
        a.silenced = pvs_pg_i64(r, i, 17) != 0;
        fn(ud, &a);
    }
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_web_kpis(struct pvs_store_be *st,
                             const struct pvs_scope *scope,
                             struct pvs_web_kpis *ret) {
    PGresult *r;

    r = pvs_pg_query(
        st, "reading the figures",
        "SELECT (SELECT COUNT(*) FROM sites s WHERE " SCOPE_S "),"
        " (SELECT COUNT(*) FROM devices d WHERE " SCOPE_D "),"
        " (SELECT COUNT(*) FROM tickets t WHERE " ACTIVE " AND " TICKET_IN_SCOPE
        "), (SELECT COALESCE(SUM(t.lost_kwh), 0)"
        " FROM tickets t WHERE " ACTIVE " AND " TICKET_IN_SCOPE "),"
        " (SELECT COUNT(*) FROM alerts a JOIN (SELECT fingerprint, MAX(id)"
        " AS id FROM alerts GROUP BY fingerprint) l ON a.id = l.id WHERE"
        " a.state = 'firing' AND " SCOPE_A ")",
        "bt", SCOPE_ARGS(scope));
    if (!r)
        return pvs_pg_failed(st);
    ret->sites = pvs_pg_i64(r, 0, 0);
    ret->devices = pvs_pg_i64(r, 0, 1);
    ret->tickets_open = pvs_pg_i64(r, 0, 2);
    ret->lost_kwh_open = pvs_pg_dbl(r, 0, 3);
    ret->alerts_firing = pvs_pg_i64(r, 0, 4);
    PQclear(r);
    return PVS_OK;
}

/* A site's state: its worst active ticket, else whether it reports. */
#define SITE_STATE                                                             \
    "COALESCE((SELECT CASE MAX(CASE severity WHEN 'critical' THEN 3 WHEN"      \
    " 'warning' THEN 2 ELSE 1 END) WHEN 3 THEN 'critical' WHEN 2 THEN"         \
    " 'warning' ELSE 'info' END FROM tickets t WHERE t.site_id = s.id "        \
    "AND " ACTIVE " HAVING COUNT(*) > 0), CASE WHEN NOT EXISTS (SELECT 1 FROM" \
    " devices d WHERE d.site_id = s.id) THEN 'no_devices' WHEN NOT EXISTS"     \
    " (SELECT 1 FROM devices d JOIN readings x ON x.device_id = d.id WHERE"    \
    " d.site_id = s.id) THEN 'no_data' ELSE 'ok' END)"

enum pvs_err pvs_pg_web_fleet(struct pvs_store_be *st,
                              const struct pvs_scope *scope,
                              pvs_store_fleet_row_fn *fn, void *ud) {
    struct pvs_fleet_row f;
    PGresult *r;

    r = pvs_pg_query(
        st, "listing the fleet",
        "SELECT s.id, s.name, s.kwp, " SITE_STATE ", (SELECT"
        " COUNT(*) FROM tickets t WHERE t.site_id = s.id AND " ACTIVE
        "), (SELECT COALESCE(SUM(t.lost_kwh), 0) FROM"
        " tickets t WHERE t.site_id = s.id AND " ACTIVE ")"
        " FROM sites s WHERE " SCOPE_S " ORDER BY s.id LIMIT 5000",
        "bt", SCOPE_ARGS(scope));
    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r); i++) {
        f.id = str_or_null(r, i, 0);
        f.name = str_or_null(r, i, 1);
        f.kwp = num_or_nan(r, i, 2);
        f.state = str_or_null(r, i, 3);
        f.open_tickets = pvs_pg_i64(r, i, 4);
        f.lost_kwh = num_or_nan(r, i, 5);
        fn(ud, &f);
    }
    PQclear(r);
    return PVS_OK;
}

/* ---- telemetry ---- */

/* Metric $2 of a readings row: a number, or [value, quality]. */
#define READING                                                                \
    "CASE jsonb_typeof(data -> $2::text) WHEN 'array' THEN (data -> $2::text"  \
    " ->> 0)::float8 ELSE (data ->> $2::text)::float8 END"

enum pvs_err pvs_pg_web_series(struct pvs_store_be *st, const char *site,
                               const char *metric, int64_t from_ms,
                               int64_t to_ms, int64_t step_ms,
                               pvs_store_point_fn *fn, void *ud) {
    PGresult *r;

    r = pvs_pg_query(st, "reading a series",
                     "SELECT b, SUM(v) FROM (SELECT (ts_ms / $3) * $3 AS b,"
                     " device_id, AVG(" READING ") AS v FROM readings WHERE"
                     " device_id IN (SELECT id FROM devices WHERE site_id ="
                     " $1) AND ts_ms >= $4 AND ts_ms < $5 GROUP BY b,"
                     " device_id) x WHERE v IS NOT NULL GROUP BY b ORDER BY b",
                     "ttiii", site, metric, step_ms, from_ms, to_ms);
    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r); i++)
        fn(ud, pvs_pg_i64(r, i, 0), pvs_pg_dbl(r, i, 1));
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_web_daily_energy(struct pvs_store_be *st, const char *site,
                                     int64_t from_ms, int days,
                                     double *ret_kwh) {
    PGresult *r;

    /* Hourly mean power per device, summed: Wh per hour. */
    r = pvs_pg_query(
        st, "reading daily energy",
        "SELECT (hr * 3600000 - $3) / 86400000, SUM(v) / 1000"
        " FROM (SELECT ts_ms / 3600000 AS hr, device_id, AVG(" READING
        ") AS v FROM readings WHERE device_id IN"
        " (SELECT id FROM devices WHERE site_id = $1) AND ts_ms"
        " >= $3 AND ts_ms < $4 GROUP BY hr, device_id) x WHERE"
        " v IS NOT NULL GROUP BY 1",
        "ttii", site, "ac_power_w", from_ms,
        from_ms + (int64_t)days * 86400000);
    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < days; i++)
        ret_kwh[i] = 0;
    for (int i = 0; i < PQntuples(r); i++) {
        int64_t d = pvs_pg_i64(r, i, 0);
        if (d >= 0 && d < days)
            ret_kwh[d] += pvs_pg_dbl(r, i, 1);
    }
    PQclear(r);
    return PVS_OK;
}
