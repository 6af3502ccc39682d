/* SPDX-License-Identifier: MIT */
/*
 * pg_rows.c - the PostgreSQL backend's operations of store.h past the
 * readings: the config mirror, device information, alerts, what the rules
 * learnt, tickets, their events, the outbox, rollups, counts and ids.
 *
 * Every write that a person may hear about (alerts, tickets, events,
 * outbox) marks the batch durable (pg.c commits it with
 * synchronous_commit on).
 */
#define PVS_LOG_MODULE "store"
#include <math.h>
#include <string.h>

#include "pg_int.h"
#include "pvs/log.h"
#include "pvs/store_views.h"

/* ---- config mirror and devices --------------------------------------- */

enum pvs_err pvs_pg_device_info(struct pvs_store_be *st, const char *device,
                                const char *serial, const char *manufacturer,
                                const char *model, int64_t ts_ms,
                                bool *ret_replaced) {
    PGresult *r;
    char *old = NULL;
    bool replaced = false;
    enum pvs_err rc;

    r = pvs_pg_query(st, "reading a device",
                     "SELECT serial FROM devices"
                     " WHERE id = $1",
                     "t", device);
    if (!r)
        return pvs_pg_failed(st);
    if (PQntuples(r))
        old = pvs_pg_dup(r, 0, 0);
    PQclear(r);
    if (old && serial && *serial && strcmp(old, serial)) {
        replaced = true;
        rc = pvs_pg_exec(st, "recording a device replacement",
                         "INSERT INTO device_replacements(device_id, ts_ms,"
                         " old_serial, new_serial) VALUES ($1, $2, $3, $4)",
                         "titt", device, ts_ms, old, serial);
        if (rc)
            goto out;
    }
    rc = pvs_pg_exec(st, "recording device information",
                     "UPDATE devices SET serial = $1, manufacturer = $2,"
                     " model = $3, updated_ms = $4 WHERE id = $5",
                     "tttit", serial && *serial ? serial : old, manufacturer,
                     model, ts_ms, device);
out:
    pvs_free(old);
    if (!rc && ret_replaced)
        *ret_replaced = replaced;
    return rc;
}

/* ---- alerts and what the rules learnt -------------------------------- */

enum pvs_err pvs_pg_add_alert(struct pvs_store_be *st,
                              const struct pvs_alert_event *ev) {
    pvs_pg_durable(st);
    if (ev->state == PVS_ALERT_UPDATE)
        return pvs_pg_exec(
            st, "updating an alert",
            "UPDATE alerts SET severity = $1, measured = $2, expected = $3,"
            " lost_kwh = $4, lost_kwh_per_day = $5, evidence = $6 WHERE id ="
            " (SELECT MAX(id) FROM alerts WHERE fingerprint = $7) AND state"
            " = 'firing'",
            "tddddtt", pvs_severity_name(ev->severity), ev->measured,
            ev->expected, ev->lost_kwh, ev->lost_kwh_per_day, ev->evidence,
            ev->fingerprint);
    return pvs_pg_exec(
        st, "storing an alert",
        "INSERT INTO alerts(fingerprint, rule, family, site_id, device_id,"
        " subject, state, severity, started_ms, ts_ms, measured, expected,"
        " lost_kwh, lost_kwh_per_day, evidence, explanation, kb, silenced)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
        " $14, $15, $16, $17, $18)",
        "ttttttttiiddddtttb", ev->fingerprint, ev->rule_id, ev->family,
        ev->site ? ev->site->obj.id : NULL,
        ev->device ? ev->device->obj.id : NULL, ev->subject,
        pvs_alert_state_name(ev->state), pvs_severity_name(ev->severity),
        ev->started_ms, ev->ts_ms, ev->measured, ev->expected, ev->lost_kwh,
        ev->lost_kwh_per_day, ev->evidence, ev->explanation, ev->kb,
        (int)ev->silenced);
}

enum pvs_err pvs_pg_firing_alerts(struct pvs_store_be *st,
                                  const struct pvs_config *cfg,
                                  pvs_store_alert_fn *fn, void *ud) {
    PGresult *r;

    r = pvs_pg_query(
        st, "loading firing alerts",
        "SELECT a.fingerprint, a.rule, a.family, a.site_id, a.device_id,"
        " a.subject, a.severity, a.started_ms, a.lost_kwh, a.evidence,"
        " a.explanation, a.ts_ms, a.lost_kwh_per_day FROM alerts a JOIN"
        " (SELECT fingerprint, MAX(id) AS id FROM alerts GROUP BY"
        " fingerprint) l ON a.id = l.id WHERE a.state = 'firing' ORDER BY"
        " a.id",
        NULL);
    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r); i++) {
        struct pvs_alert_event ev;
        int sev;

        memset(&ev, 0, sizeof(ev));
        pvs_strlcpy(ev.fingerprint, pvs_pg_str(r, i, 0),
                    sizeof(ev.fingerprint));
        ev.rule_id = pvs_pg_str(r, i, 1);
        ev.family = pvs_pg_str(r, i, 2);
        ev.site = pvs_config_site(cfg, pvs_pg_str(r, i, 3));
        ev.device = pvs_config_device(cfg, pvs_pg_str(r, i, 4));
        pvs_strlcpy(ev.subject, pvs_pg_str(r, i, 5), sizeof(ev.subject));
        sev = pvs_severity_parse(pvs_pg_str(r, i, 6));
        ev.severity = sev < 0 ? PVS_SEV_WARNING : (enum pvs_severity)sev;
        ev.state = PVS_ALERT_FIRING;
        ev.started_ms = pvs_pg_i64(r, i, 7);
        ev.lost_kwh = pvs_pg_dbl(r, i, 8);
        pvs_strlcpy(ev.evidence, pvs_pg_str(r, i, 9), sizeof(ev.evidence));
        pvs_strlcpy(ev.explanation, pvs_pg_str(r, i, 10),
                    sizeof(ev.explanation));
        ev.ts_ms = pvs_pg_i64(r, i, 11);
        ev.lost_kwh_per_day = pvs_pg_dbl(r, i, 12);
        fn(ud, &ev);
    }
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_meta_set(struct pvs_store_be *st, const char *key,
                             const char *value) {
    return pvs_pg_exec(st, "storing a setting",
                       "INSERT INTO meta(key, value) VALUES ($1, $2) ON"
                       " CONFLICT(key) DO UPDATE SET value = excluded.value",
                       "tt", key, value);
}

enum pvs_err pvs_pg_meta_get(struct pvs_store_be *st, const char *key,
                             char **ret) {
    PGresult *r;

    r = pvs_pg_query(st, "reading a setting",
                     "SELECT value FROM meta WHERE key = $1", "t", key);
    if (!r)
        return pvs_pg_failed(st);
    *ret = PQntuples(r) ? pvs_pg_dup(r, 0, 0) : NULL;
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_learnt_put(struct pvs_store_be *st, const char *rule,
                               const char *device, const char *text) {
    char key[PVS_FP_MAX];

    pvs_snprintf(key, sizeof(key), "learnt/%s/%s", rule, device);
    return pvs_pg_meta_set(st, key, text);
}

enum pvs_err pvs_pg_learnt_each(struct pvs_store_be *st,
                                pvs_store_learnt_fn *fn, void *ud) {
    PGresult *r;

    r = pvs_pg_query(st, "loading what the rules learnt",
                     "SELECT key, value FROM meta WHERE key LIKE 'learnt/%'"
                     " ORDER BY key",
                     NULL);
    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r); i++) {
        char key[PVS_FP_MAX], *dev;

        pvs_strlcpy(key, pvs_pg_str(r, i, 0) + 7, sizeof(key));
        dev = strchr(key, '/');
        if (!dev)
            continue;
        *dev++ = '\0';
        fn(ud, key, dev, pvs_pg_str(r, i, 1));
    }
    PQclear(r);
    return PVS_OK;
}

/* The devices are one parameter: their ids, one a line (ids have none). */
enum pvs_err pvs_pg_recent_samples(struct pvs_store_be *st,
                                   const char *const *devices, size_t n,
                                   int64_t since_ms, pvs_store_sample_fn *fn,
                                   void *ud) {
    size_t len = 1, at = 0;
    PGresult *r;
    char *ids;

    for (size_t i = 0; i < n; i++)
        len += strlen(devices[i]) + 1;
    ids = pvs_malloc(len);
    for (size_t i = 0; i < n; i++)
        at += (size_t)pvs_snprintf(ids + at, len - at, "%s%s", i ? "\n" : "",
                                   devices[i]);
    ids[at] = '\0';
    r = pvs_pg_query(st, "reading recent samples",
                     "SELECT device_id, metric, ts_ms, value, quality FROM"
                     " samples WHERE device_id = ANY(string_to_array($1,"
                     " E'\\n')) AND ts_ms >= $2 AND value IS NOT NULL"
                     " ORDER BY ts_ms, device_id",
                     "ti", ids, since_ms);
    pvs_free(ids);
    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r); i++)
        fn(ud, pvs_pg_str(r, i, 0), pvs_pg_str(r, i, 1), pvs_pg_i64(r, i, 2),
           pvs_pg_dbl(r, i, 3), (int)pvs_pg_i64(r, i, 4));
    PQclear(r);
    return PVS_OK;
}

/* ---- tickets ---------------------------------------------------------- */

#define TICKET_COLS                                                            \
    "SELECT id, fingerprint, status, site_id, device_id, rule, family,"        \
    " subject, severity, title, assignee, opened_ms, updated_ms,"              \
    " resolved_ms, closed_ms, customer_notified, lost_kwh FROM tickets "

static enum pvs_err read_ticket(struct pvs_store_be *st, PGresult *r,
                                struct pvs_ticket *ret) {
    if (!r)
        return pvs_pg_failed(st);
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_NOTFOUND;
    }
    memset(ret, 0, sizeof(*ret));
    ret->id = pvs_pg_i64(r, 0, 0);
    ret->fingerprint = pvs_pg_dup(r, 0, 1);
    ret->status = pvs_pg_dup(r, 0, 2);
    ret->site = pvs_pg_dup(r, 0, 3);
    ret->device = pvs_pg_dup(r, 0, 4);
    ret->rule = pvs_pg_dup(r, 0, 5);
    ret->family = pvs_pg_dup(r, 0, 6);
    ret->subject = pvs_pg_dup(r, 0, 7);
    ret->severity = pvs_pg_dup(r, 0, 8);
    ret->title = pvs_pg_dup(r, 0, 9);
    ret->assignee = pvs_pg_dup(r, 0, 10);
    ret->opened_ms = pvs_pg_i64(r, 0, 11);
    ret->updated_ms = pvs_pg_i64(r, 0, 12);
    ret->resolved_ms = pvs_pg_i64(r, 0, 13);
    ret->closed_ms = pvs_pg_i64(r, 0, 14);
    ret->customer_notified = pvs_pg_i64(r, 0, 15) != 0;
    ret->lost_kwh = pvs_pg_dbl(r, 0, 16);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_ticket_by_fp(struct pvs_store_be *st, const char *fp,
                                 struct pvs_ticket *ret) {
    return read_ticket(st,
                       pvs_pg_query(st, "reading a ticket",
                                    TICKET_COLS "WHERE fingerprint = $1 ORDER"
                                                " BY id DESC LIMIT 1",
                                    "t", fp),
                       ret);
}

enum pvs_err pvs_pg_ticket_get(struct pvs_store_be *st, int64_t id,
                               struct pvs_ticket *ret) {
    return read_ticket(st,
                       pvs_pg_query(st, "reading a ticket",
                                    TICKET_COLS "WHERE id = $1", "i", id),
                       ret);
}

enum pvs_err pvs_pg_ticket_create(struct pvs_store_be *st,
                                  struct pvs_ticket *t) {
    PGresult *r;

    pvs_pg_durable(st);
    r = pvs_pg_query(
        st, "creating a ticket",
        "INSERT INTO tickets(fingerprint, status, site_id, device_id, rule,"
        " family, subject, severity, title, assignee, opened_ms, updated_ms,"
        " resolved_ms, closed_ms, customer_notified, lost_kwh) VALUES ($1,"
        " $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
        " ON CONFLICT (fingerprint) WHERE " PVS_PG_ACTIVE_SQL " DO NOTHING"
        " RETURNING id",
        "ttttttttttmmmmbd", t->fingerprint, t->status, t->site, t->device,
        t->rule, t->family, t->subject, t->severity, t->title, t->assignee,
        t->opened_ms, t->updated_ms, t->resolved_ms, t->closed_ms,
        (int)t->customer_notified, t->lost_kwh);
    if (!r)
        return pvs_pg_failed(st);
    /* Another writer's open ticket has the fingerprint (the insert waited
     * for its transaction to commit): nothing changed. */
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_EXISTS;
    }
    t->id = pvs_pg_i64(r, 0, 0);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_ticket_update(struct pvs_store_be *st,
                                  const struct pvs_ticket *t) {
    pvs_pg_durable(st);
    return pvs_pg_exec(
        st, "updating a ticket",
        "UPDATE tickets SET status = $1, severity = $2, title = $3, assignee"
        " = $4, updated_ms = $5, resolved_ms = $6, closed_ms = $7,"
        " customer_notified = $8, lost_kwh = $9 WHERE id = $10",
        "ttttmmmbdi", t->status, t->severity, t->title, t->assignee,
        t->updated_ms, t->resolved_ms, t->closed_ms, (int)t->customer_notified,
        t->lost_kwh, t->id);
}

enum pvs_err pvs_pg_ticket_event(struct pvs_store_be *st, int64_t ticket_id,
                                 int64_t ts_ms, const char *kind,
                                 const char *actor, const char *text) {
    pvs_pg_durable(st);
    return pvs_pg_exec(st, "adding a ticket event",
                       "INSERT INTO ticket_events(ticket_id, ts_ms, kind,"
                       " actor, text) VALUES ($1, $2, $3, $4, $5)",
                       "iittt", ticket_id, ts_ms, kind, actor, text);
}

/* ---- the outbox ------------------------------------------------------- */

enum pvs_err pvs_pg_outbox_add(struct pvs_store_be *st, struct pvs_outbox *o) {
    PGresult *r;

    pvs_pg_durable(st);
    r = pvs_pg_query(st, "queueing a message",
                     "INSERT INTO outbox(ticket_id, channel, audience, kind,"
                     " recipient, subject, body, message_id, status,"
                     " attempts, created_ms, next_attempt_ms) VALUES ($1, $2,"
                     " $3, $4, $5, $6, $7, $8, 'pending', 0, $9, $10) ON"
                     " CONFLICT(message_id) DO NOTHING RETURNING id",
                     "itttttttii", o->ticket_id, o->channel, o->audience,
                     o->kind, o->recipient, o->subject, o->body, o->message_id,
                     o->created_ms, o->next_attempt_ms);
    if (!r)
        return pvs_pg_failed(st);
    /* The idempotency key exists: nothing changed (no error that would
     * abort the batch's transaction). */
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_EXISTS;
    }
    o->id = pvs_pg_i64(r, 0, 0);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_outbox_get(struct pvs_store_be *st, int64_t id,
                               struct pvs_outbox *ret) {
    PGresult *r;

    r = pvs_pg_query(st, "reading a message",
                     "SELECT id, ticket_id, channel, audience, kind,"
                     " recipient, subject, body, message_id, status,"
                     " attempts, created_ms, next_attempt_ms FROM outbox"
                     " WHERE id = $1",
                     "i", id);
    if (!r)
        return pvs_pg_failed(st);
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_NOTFOUND;
    }
    memset(ret, 0, sizeof(*ret));
    ret->id = pvs_pg_i64(r, 0, 0);
    ret->ticket_id = pvs_pg_i64(r, 0, 1);
    ret->channel = pvs_pg_dup(r, 0, 2);
    ret->audience = pvs_pg_dup(r, 0, 3);
    ret->kind = pvs_pg_dup(r, 0, 4);
    ret->recipient = pvs_pg_dup(r, 0, 5);
    ret->subject = pvs_pg_dup(r, 0, 6);
    ret->body = pvs_pg_dup(r, 0, 7);
    ret->message_id = pvs_pg_dup(r, 0, 8);
    ret->status = pvs_pg_dup(r, 0, 9);
    ret->attempts = pvs_pg_i64(r, 0, 10);
    ret->created_ms = pvs_pg_i64(r, 0, 11);
    ret->next_attempt_ms = pvs_pg_i64(r, 0, 12);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_outbox_pending(struct pvs_store_be *st, int64_t **ret_ids,
                                   size_t *ret_n) {
    return pvs_pg_idlist(st,
                         pvs_pg_query(st, "listing pending messages",
                                      "SELECT id FROM outbox WHERE status ="
                                      " 'pending' ORDER BY id",
                                      NULL),
                         ret_ids, ret_n);
}

enum pvs_err pvs_pg_outbox_attempt(struct pvs_store_be *st, int64_t id,
                                   int64_t ts_ms, bool ok, const char *error,
                                   const char *new_status) {
    enum pvs_err rc;

    pvs_pg_durable(st);
    rc = pvs_pg_exec(st, "recording a delivery attempt",
                     "INSERT INTO delivery_attempts(outbox_id, ts_ms, ok,"
                     " error) VALUES ($1, $2, $3, $4)",
                     "iibt", id, ts_ms, (int)ok, ok ? NULL : error);
    if (rc)
        return rc;
    /* A message another process sent stays sent: a process that lost its
     * claim (paused past it) may still report a failed attempt. */
    return pvs_pg_exec(st, "updating a message",
                       "UPDATE outbox SET status = $1, attempts = attempts +"
                       " 1, last_error = $2, sent_ms = CASE WHEN $3 = 1 THEN"
                       " $4 ELSE sent_ms END WHERE id = $5 AND ($3 = 1 OR"
                       " status <> 'sent')",
                       "ttbii", new_status, ok ? NULL : error, (int)ok, ts_ms,
                       id);
}

/* ---- rollups ---------------------------------------------------------- */

#define UPSERT(table)                                                          \
    "INSERT INTO " table "(device_id, ts_ms, n, sensor_n, wh, exp_wh,"         \
    " peak_w) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT(device_id,"      \
    " ts_ms) DO UPDATE SET n = " table ".n + excluded.n, sensor_n = " table    \
    ".sensor_n + excluded.sensor_n, wh = " table ".wh + excluded.wh,"          \
    " exp_wh = " table ".exp_wh + excluded.exp_wh, peak_w = GREATEST(" table   \
    ".peak_w, excluded.peak_w)"

enum pvs_err pvs_pg_rollup_add(struct pvs_store_be *st,
                               const struct pvs_rollup_delta *d, size_t n) {
    enum pvs_err rc = PVS_OK;

    for (size_t i = 0; i < n && !rc; i++) {
        rc = pvs_pg_exec(st, "updating a rollup", UPSERT("rollup_hour"),
                         "tiiiddd", d[i].device, d[i].hour_ms, d[i].n,
                         d[i].sensor_n, d[i].wh, d[i].exp_wh, d[i].peak_w);
        if (!rc)
            rc = pvs_pg_exec(st, "updating a rollup", UPSERT("rollup_day"),
                             "tiiiddd", d[i].device, d[i].day_ms, d[i].n,
                             d[i].sensor_n, d[i].wh, d[i].exp_wh, d[i].peak_w);
    }
    return rc;
}

enum pvs_err pvs_pg_rollup_read(struct pvs_store_be *st, const char *site,
                                bool daily, int64_t from_ms, int64_t to_ms,
                                pvs_store_rollup_fn *fn, void *ud,
                                int64_t *ret_rows) {
    PGresult *r;
    int n;

    r = pvs_pg_query(
        st, "reading rollups",
        daily ? "SELECT r.device_id, r.ts_ms, r.n, r.sensor_n, r.wh,"
                " r.exp_wh, r.peak_w FROM devices d JOIN rollup_day r ON"
                " r.device_id = d.id AND r.ts_ms >= $2 AND r.ts_ms < $3"
                " WHERE d.site_id = $1 ORDER BY d.id, r.ts_ms"
              : "SELECT r.device_id, r.ts_ms, r.n, r.sensor_n, r.wh,"
                " r.exp_wh, r.peak_w FROM devices d JOIN rollup_hour r ON"
                " r.device_id = d.id AND r.ts_ms >= $2 AND r.ts_ms < $3"
                " WHERE d.site_id = $1 ORDER BY d.id, r.ts_ms",
        "tii", site, from_ms, to_ms);
    if (!r)
        return pvs_pg_failed(st);
    n = PQntuples(r);
    for (int i = 0; i < n; i++) {
        struct pvs_rollup_row row;

        row.device = pvs_pg_str(r, i, 0);
        row.ts_ms = pvs_pg_i64(r, i, 1);
        row.n = pvs_pg_i64(r, i, 2);
        row.sensor_n = pvs_pg_i64(r, i, 3);
        row.wh = pvs_pg_dbl(r, i, 4);
        row.exp_wh = pvs_pg_dbl(r, i, 5);
        row.peak_w = pvs_pg_dbl(r, i, 6);
        fn(ud, &row);
    }
    PQclear(r);
    if (ret_rows)
        *ret_rows = n;
    return PVS_OK;
}

/* ---- the clear sky per kWp --------------------------------------------- */

enum pvs_err pvs_pg_sky_put(struct pvs_store_be *st, const char *site,
                            bool daily, const struct pvs_sky_row *r, size_t n) {
    enum pvs_err rc = PVS_OK;

    for (size_t i = 0; i < n && !rc; i++)
        rc = pvs_pg_exec(st, "storing the clear sky",
                         daily ? "INSERT INTO sky_day(site_id, ts_ms, wh)"
                                 " VALUES ($1, $2, $3) ON CONFLICT(site_id,"
                                 " ts_ms) DO UPDATE SET wh = excluded.wh"
                               : "INSERT INTO sky_hour(site_id, ts_ms, wh)"
                                 " VALUES ($1, $2, $3) ON CONFLICT(site_id,"
                                 " ts_ms) DO UPDATE SET wh = excluded.wh",
                         "tid", site, r[i].ts_ms, r[i].wh);
    return rc;
}

enum pvs_err pvs_pg_sky_read(struct pvs_store_be *st, const char *site,
                             bool daily, int64_t from_ms, int64_t to_ms,
                             pvs_store_sky_fn *fn, void *ud,
                             int64_t *ret_rows) {
    PGresult *r;
    int n;

    r = pvs_pg_query(st, "reading the clear sky",
                     daily ? "SELECT ts_ms, wh FROM sky_day WHERE site_id = $1"
                             " AND ts_ms >= $2 AND ts_ms < $3 ORDER BY ts_ms"
                           : "SELECT ts_ms, wh FROM sky_hour WHERE site_id ="
                             " $1 AND ts_ms >= $2 AND ts_ms < $3 ORDER BY"
                             " ts_ms",
                     "tii", site, from_ms, to_ms);
    if (!r)
        return pvs_pg_failed(st);
    n = PQntuples(r);
    for (int i = 0; i < n; i++) {
        struct pvs_sky_row row;

        row.ts_ms = pvs_pg_i64(r, i, 0);
        row.wh = pvs_pg_dbl(r, i, 1);
        fn(ud, &row);
    }
    PQclear(r);
    if (ret_rows)
        *ret_rows = n;
    return PVS_OK;
}

enum pvs_err pvs_pg_sky_prune(struct pvs_store_be *st, int64_t before_ms) {
    return pvs_pg_exec(st, "pruning the clear sky",
                       "DELETE FROM sky_hour WHERE ts_ms < $1", "i", before_ms);
}

/* ---- counts and ids --------------------------------------------------- */

enum pvs_err pvs_pg_count(struct pvs_store_be *st, const char *table,
                          int64_t *ret) {
    static const char *const tables[] = {
        "samples",       "alerts", "tickets",
        "ticket_events", "outbox", "delivery_attempts",
        "devices",       "sites",  "device_replacements",
    };
    char sql[96];
    bool known = false;
    PGresult *r;

    for (size_t i = 0; i < PVS_ARRAY_LEN(tables); i++)
        known = known || !strcmp(tables[i], table);
    PVS_ASSERT(known);
    pvs_snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM %s", table);
    r = pvs_pg_query(st, "counting rows", sql, NULL);
    if (!r)
        return pvs_pg_failed(st);
    *ret = pvs_pg_i64(r, 0, 0);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_ids(struct pvs_store_be *st, const char *kind, size_t limit,
                        struct pvs_buf *out) {
    static const struct {
        const char *kind, *sql;
    } queries[] = {
        {"sites", "SELECT id FROM sites ORDER BY id LIMIT $1"},
        {"devices", "SELECT id FROM devices ORDER BY id LIMIT $1"},
        {"tickets", "SELECT id FROM tickets ORDER BY id DESC LIMIT $1"},
    };
    const char *sql = NULL;
    enum pvs_err rc = PVS_OK;
    PGresult *r;

    for (size_t i = 0; i < PVS_ARRAY_LEN(queries); i++)
        if (!strcmp(queries[i].kind, kind))
            sql = queries[i].sql;
    if (!sql)
        return PVS_ERR_INVAL;
    /* LIMIT NULL is no limit */
    r = pvs_pg_query(st, "listing ids", sql, "m", (int64_t)limit);
    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r) && !rc; i++)
        if (pvs_buf_printf(out, "%s\n", pvs_pg_str(r, i, 0)))
            rc = PVS_ERR_FULL;
    PQclear(r);
    return rc;
}

/* ---- the ticket listing (pvsentry tickets) ---------------------------- */

double pvs_pg_num_or_nan(const PGresult *r, int i, int c) {
    return pvs_pg_null(r, i, c) ? NAN : pvs_pg_dbl(r, i, c);
}

int64_t pvs_pg_ms_or_none(const PGresult *r, int i, int c) {
    return pvs_pg_null(r, i, c) ? PVS_ROW_NO_MS : pvs_pg_i64(r, i, c);
}

#define str_or_null pvs_pg_str_or_null
#define ms_or_none pvs_pg_ms_or_none

/* A listed ticket's timeline and messages. */
static enum pvs_err list_children(struct pvs_store_be *st, int64_t id,
                                  const struct pvs_ticket_list_fns *fns,
                                  void *ud) {
    PGresult *e, *m = NULL;
    enum pvs_err rc = PVS_OK;

    e = pvs_pg_query(st, "reading a timeline",
                     "SELECT ts_ms, kind, actor, text FROM ticket_events"
                     " WHERE ticket_id = $1 ORDER BY id",
                     "i", id);
    if (e)
        m = pvs_pg_query(st, "reading messages",
                         "SELECT id, audience, kind, recipient, message_id,"
                         " status, attempts, channel, subject, created_ms,"
                         " sent_ms FROM outbox WHERE ticket_id = $1 ORDER BY"
                         " id",
                         "i", id);
    if (!e || !m) {
        rc = pvs_pg_failed(st);
        goto out;
    }
    for (int j = 0; j < PQntuples(e); j++) {
        struct pvs_event_row ev;

        ev.ts_ms = ms_or_none(e, j, 0);
        ev.kind = str_or_null(e, j, 1);
        ev.actor = str_or_null(e, j, 2);
        ev.text = str_or_null(e, j, 3);
        fns->event(ud, &ev);
    }
    for (int j = 0; j < PQntuples(m); j++) {
        struct pvs_message_row msg;

        memset(&msg, 0, sizeof(msg));
        msg.id = pvs_pg_i64(m, j, 0);
        msg.ticket_id = id;
        msg.audience = str_or_null(m, j, 1);
        msg.kind = str_or_null(m, j, 2);
        msg.recipient = str_or_null(m, j, 3);
        msg.message_id = str_or_null(m, j, 4);
        msg.status = str_or_null(m, j, 5);
        msg.attempts = pvs_pg_i64(m, j, 6);
        msg.channel = str_or_null(m, j, 7);
        msg.subject = str_or_null(m, j, 8);
        msg.created_ms = ms_or_none(m, j, 9);
        msg.sent_ms = ms_or_none(m, j, 10);
        fns->message(ud, &msg);
    }
out:
    PQclear(e);
    PQclear(m);
    return rc;
}

enum pvs_err pvs_pg_tickets_list(struct pvs_store_be *st, size_t limit,
                                 const struct pvs_ticket_list_fns *fns,
                                 void *ud) {
    PGresult *t;
    enum pvs_err rc = PVS_OK;

    t = pvs_pg_query(st, "listing tickets",
                     "SELECT t.id, t.fingerprint, t.status, t.site_id,"
                     " t.device_id, t.rule, t.family, t.subject, t.severity,"
                     " t.title, t.assignee, t.opened_ms, t.updated_ms,"
                     " t.resolved_ms, t.closed_ms, t.lost_kwh, (SELECT kind"
                     " FROM ticket_events e WHERE e.ticket_id = t.id ORDER BY"
                     " e.id DESC LIMIT 1), s.name, s.timezone FROM tickets t"
                     " LEFT JOIN sites s ON s.id = t.site_id ORDER BY t.id"
                     " DESC LIMIT $1",
                     "m", (int64_t)limit);
    if (!t)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(t) && !rc; i++) {
        struct pvs_ticket_row row;

        memset(&row, 0, sizeof(row));
        row.id = pvs_pg_i64(t, i, 0);
        row.fingerprint = str_or_null(t, i, 1);
        row.status = str_or_null(t, i, 2);
        row.site = str_or_null(t, i, 3);
        row.device = str_or_null(t, i, 4);
        row.rule = str_or_null(t, i, 5);
        row.family = str_or_null(t, i, 6);
        row.subject = str_or_null(t, i, 7);
        row.severity = str_or_null(t, i, 8);
        row.title = str_or_null(t, i, 9);
        row.assignee = str_or_null(t, i, 10);
        row.opened_ms = ms_or_none(t, i, 11);
        row.updated_ms = ms_or_none(t, i, 12);
        row.resolved_ms = ms_or_none(t, i, 13);
        row.closed_ms = ms_or_none(t, i, 14);
        row.lost_kwh = pvs_pg_num_or_nan(t, i, 15);
        row.last_event = str_or_null(t, i, 16);
        row.site_name = str_or_null(t, i, 17);
        row.site_timezone = str_or_null(t, i, 18);
        row.acknowledged_ms = PVS_ROW_NO_MS;
        row.escalate_at_ms = PVS_ROW_NO_MS;
        fns->ticket(ud, &row);
        rc = list_children(st, row.id, fns, ud);
    }
    PQclear(t);
    return rc;
}
