/* SPDX-License-Identifier: MIT */
/*
 * pg.c - the PostgreSQL backend: connection, numbered migrations, batches,
 * readings (packed, partitioned by day, written by COPY) and the query
 * helpers the other core/store/pg files share.
 *
 * DESIGN
 * Readings are packed as in SQLite: one row per device and instant with
 * its metrics in a JSON object (one row per metric costs PostgreSQL
 * several times the CPU per sample). add_samples only appends rows to the
 * batch's buffer; the buffer goes out as one COPY before any other
 * statement of the batch and at commit, so a batch of a thousand messages
 * is one round trip. COPY cannot merge a redelivered reading into its row:
 * it runs under a savepoint and, when a row already exists (unique
 * violation), the batch's rows are upserted one by one instead, the stored
 * metrics winning as in SQLite.
 *
 * Readings are range-partitioned by UTC day; a batch creates the
 * partitions of its days and of the next day ahead (CREATE TABLE IF NOT
 * EXISTS, cached per handle), and retention drops whole partitions.
 *
 * A batch that touches an alert, a ticket, the outbox or the workflow
 * commits durably (SET LOCAL synchronous_commit = on), whatever the
 * session's default. A batch of telemetry only commits with the session's
 * default: durable unless the operator chose synchronous_commit = off for
 * pvsentry's role or in the URI's options, trading the last fraction of a
 * second of readings on a server crash (never half a batch) for a cheaper
 * commit.
 *
 * Reconnects. A broken connection is logged once; the next begin
 * reconnects (libpq tries every host of a multi-host URI, so
 * target_session_attrs=read-write finds a new primary). A batch is never
 * half applied and, when the server goes away under it, not lost either:
 * every write of the batch is kept (statement and arguments, readings in
 * their rows) until it commits. Once the connection is gone the batch
 * goes on without a server, its writes only kept, and its commit answers
 * PVS_ERR_IO with the batch kept (pvs_store_kept); the next begin that
 * reaches a server applies the whole batch again in the new transaction
 * before anything else. An insert that gave an id gets the same id again
 * (the identity sequence is set first), so the rows that refer to it stay
 * right. A commit whose answer was lost may have committed: the batch's
 * transaction id, asked before COMMIT, tells (txid_status), and a batch
 * that committed is not applied twice. A batch that needs an answer from
 * the server after it went away (a read, an id) waits for it a little
 * (rejoin: a restart or a failover takes seconds), applies its writes so
 * far again on the new connection and goes on; when the server stays
 * away it cannot be kept and is rolled back whole.
 */
#define PVS_LOG_MODULE "store"
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pg_int.h"
#include "pvs/log.h"
#include "pvs/tz.h"

#define ARGS_MAX 24
#define ROWS_TEXT_MAX (64u << 20)

/* ---- connection and queries --------------------------------------------- */

static void ignore_notice(void *arg, const char *msg) {
    (void)arg;
    (void)msg;
}

/* The URI without its password, for logs. */
static void target_safe(const char *target, char *buf, size_t size) {
    const char *at = strchr(target, '@');
    const char *scheme = strstr(target, "://");
    const char *colon;

    pvs_strlcpy(buf, target, size);
    if (!at || !scheme)
        return;
    colon = memchr(scheme + 3, ':', (size_t)(at - scheme - 3));
    if (colon)
        pvs_snprintf(buf, size, "%.*s:***%s", (int)(colon - target), target,
                     at);
}

static void set_err(struct pvs_store_be *st, const char *msg) {
    size_t n;

    pvs_strlcpy(st->err, msg ? msg : "unknown error", sizeof(st->err));
    n = strlen(st->err);
    while (n && (st->err[n - 1] == '\n' || st->err[n - 1] == ' '))
        st->err[--n] = '\0';
}

enum pvs_err pvs_pg_failed(struct pvs_store_be *st) {
    return st->lost ? PVS_ERR_IO : PVS_ERR_DB;
}

/* Log a failure once, notice a broken connection. */
static void report(struct pvs_store_be *st, const char *what,
                   const PGresult *r) {
    char safe[256];

    set_err(st, r ? PQresultErrorMessage(r) : PQerrorMessage(st->conn));
    if (!st->err[0])
        set_err(st, PQerrorMessage(st->conn));
    if (PQstatus(st->conn) == CONNECTION_BAD) {
        if (!st->lost) {
            target_safe(st->target, safe, sizeof(safe));
            pvs_error("lost the connection to PostgreSQL '%s' while %s: %s",
                      safe, what, st->err);
        }
        st->lost = true;
        st->broken = st->broken || st->in_tx;
        st->in_tx = false;
        return;
    }
    pvs_error("%s failed on PostgreSQL: %s", what, st->err);
}

void pvs_pg_durable(struct pvs_store_be *st) {
    st->durable = true;
}

static enum pvs_err connect_db(struct pvs_store_be *st);

/* Whether a batch is in progress (a connection lost in it included). */
static bool in_batch(const struct pvs_store_be *st) {
    return st->in_tx || st->broken;
}

static char *dup_or_null(const char *s) {
    return s ? pvs_strdup(s) : NULL;
}

/*
 * Keep a write of the batch for a redo: sql with its n arguments and,
 * for an insert that gave an id (r), the table and the id.
 */
static void redo_add(struct pvs_store_be *st, const char *sql, int n,
                     const char *const *vals, const PGresult *r) {
    struct pvs_pg_redo *w;

    if (st->nredo == st->capredo) {
        st->capredo = st->capredo ? st->capredo * 2 : 32;
        st->redo = pvs_realloc(st->redo, st->capredo * sizeof(*st->redo));
    }
    w = &st->redo[st->nredo++];
    memset(w, 0, sizeof(*w));
    w->sql = pvs_strdup(sql);
    w->n = n;
    w->vals = n ? pvs_calloc((size_t)n, sizeof(*w->vals)) : NULL;
    for (int i = 0; i < n; i++)
        w->vals[i] = dup_or_null(vals[i]);
    if (r && PQntuples(r) == 1 && !strncmp(sql, "INSERT INTO ", 12) &&
        strstr(sql, "RETURNING id")) {
        size_t len = strcspn(sql + 12, " (");
        if (len < sizeof(w->table)) {
            memcpy(w->table, sql + 12, len);
            w->table[len] = '\0';
            w->id = pvs_pg_i64(r, 0, 0);
        }
    }
}

static void redo_clear(struct pvs_store_be *st) {
    for (size_t i = 0; i < st->nredo; i++) {
        for (int k = 0; k < st->redo[i].n; k++)
            pvs_free(st->redo[i].vals[k]);
        pvs_free(st->redo[i].vals);
        pvs_free(st->redo[i].sql);
    }
    st->nredo = 0;
    st->failed = false;
    st->xid[0] = '\0';
}

/* The arguments of fmt (see pvs_pg_query) as text, in vals. */
static int args_of(const char *fmt, va_list ap, const char **vals,
                   char (*bufs)[PVS_NUM_MAX + 8]) {
    int n = 0;

    for (const char *f = fmt ? fmt : ""; *f; f++, n++) {
        PVS_ASSERT(n < ARGS_MAX);
        vals[n] = bufs[n];
        switch (*f) {
        case 't':
            vals[n] = va_arg(ap, const char *);
            break;
        case 'i':
            pvs_snprintf(bufs[n], sizeof(bufs[n]), "%lld",
                         (long long)va_arg(ap, int64_t));
            break;
        case 'm': {
            int64_t v = va_arg(ap, int64_t);
            if (v)
                pvs_snprintf(bufs[n], sizeof(bufs[n]), "%lld", (long long)v);
            else
                vals[n] = NULL;
            break;
        }
        case 'd': {
            double v = va_arg(ap, double);
            if (isfinite(v))
                bufs[n][pvs_fmt_num(bufs[n], v)] = '\0';
            else
                vals[n] = NULL;
            break;
        }
        case 'b':
            pvs_snprintf(bufs[n], sizeof(bufs[n]), "%d", va_arg(ap, int));
            break;
        default:
            PVS_ASSERT(!"unknown argument type");
        }
    }
    return n;
}

static bool rejoin(struct pvs_store_be *st);

static PGresult *run(struct pvs_store_be *st, const char *what, const char *sql,
                     int n, const char *const *vals) {
    PGresult *r = PQexecParams(st->conn, sql, n, NULL, vals, NULL, NULL, 0);
    ExecStatusType ok = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;

    if (ok != PGRES_COMMAND_OK && ok != PGRES_TUPLES_OK) {
        report(st, what, r);
        PQclear(r);
        return NULL;
    }
    return r;
}

/*
 * Run sql; a write of a batch is kept for a redo. A batch whose server
 * went away and that needs this answer (answer) waits for the server
 * once (rejoin) instead of failing.
 */
static PGresult *exec_params(struct pvs_store_be *st, const char *what,
                             const char *sql, int n, const char *const *vals,
                             bool answer) {
    PGresult *r = NULL;

    /* Readers (the HTTP API, the CLI) reconnect on their next query; a
     * batch that lost its connection stays without one until it ends,
     * unless it needs an answer and the server comes back soon. */
    if (st->lost && st->broken && !(answer && rejoin(st)))
        return NULL;
    if (st->lost && !st->broken && connect_db(st))
        return NULL;
    r = run(st, what, sql, n, vals);
    if (!r && answer && st->lost && st->broken && rejoin(st))
        r = run(st, what, sql, n, vals);
    if (r && st->in_tx && !st->readonly && strncmp(sql, "SELECT", 6))
        redo_add(st, sql, n, vals, r);
    return r;
}

/* The batch's readings flushed, then sql run for its answer. */
static PGresult *answer_of(struct pvs_store_be *st, const char *what,
                           const char *sql, int n, const char *const *vals) {
    PGresult *r = NULL;

    /* A flush the server's departure broke is done again by rejoin. */
    if (!pvs_pg_flush(st) || (st->lost && in_batch(st) && !st->readonly))
        r = exec_params(st, what, sql, n, vals, true);
    /* An answer the batch needed and did not get: it cannot be kept. */
    if (!r && in_batch(st))
        st->failed = true;
    return r;
}

PGresult *pvs_pg_query_n(struct pvs_store_be *st, const char *what,
                         const char *sql, int n, const char *const *vals) {
    return answer_of(st, what, sql, n, vals);
}

static PGresult *vquery(struct pvs_store_be *st, const char *what,
                        const char *sql, const char *fmt, va_list ap) {
    const char *vals[ARGS_MAX];
    char bufs[ARGS_MAX][PVS_NUM_MAX + 8];
    int n = args_of(fmt, ap, vals, bufs);

    return exec_params(st, what, sql, n, vals, false);
}

/* vquery without the readings flush. */
static PGresult *vquery_args(struct pvs_store_be *st, const char *what,
                             const char *sql, const char *fmt, ...) {
    va_list ap;
    PGresult *r;

    va_start(ap, fmt);
    r = vquery(st, what, sql, fmt, ap);
    va_end(ap);
    return r;
}

PGresult *pvs_pg_query(struct pvs_store_be *st, const char *what,
                       const char *sql, const char *fmt, ...) {
    const char *vals[ARGS_MAX];
    char bufs[ARGS_MAX][PVS_NUM_MAX + 8];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = args_of(fmt, ap, vals, bufs);
    va_end(ap);
    return answer_of(st, what, sql, n, vals);
}

enum pvs_err pvs_pg_exec(struct pvs_store_be *st, const char *what,
                         const char *sql, const char *fmt, ...) {
    const char *vals[ARGS_MAX];
    char bufs[ARGS_MAX][PVS_NUM_MAX + 8];
    va_list ap;
    PGresult *r = NULL;
    enum pvs_err rc;
    int n;

    va_start(ap, fmt);
    n = args_of(fmt, ap, vals, bufs);
    va_end(ap);
    rc = pvs_pg_flush(st);
    if (!rc)
        r = exec_params(st, what, sql, n, vals, false);
    if (r) {
        PQclear(r);
        return PVS_OK;
    }
    /* The server went away under the batch: the write waits for the
     * redo, which needs nothing from its answer. */
    if (st->lost && in_batch(st) && !st->readonly) {
        redo_add(st, sql, n, vals, NULL);
        return PVS_OK;
    }
    if (in_batch(st))
        st->failed = true;
    return rc ? rc : pvs_pg_failed(st);
}

/* A statement without arguments and without the readings flush. */
static enum pvs_err raw(struct pvs_store_be *st, const char *what,
                        const char *sql) {
    PGresult *r;
    ExecStatusType s;

    if (st->lost)
        return PVS_ERR_IO;
    r = PQexec(st->conn, sql);
    s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
        report(st, what, r);
        PQclear(r);
        return pvs_pg_failed(st);
    }
    PQclear(r);
    return PVS_OK;
}

int64_t pvs_pg_i64(const PGresult *r, int row, int col) {
    int64_t v = 0;

    if (!PQgetisnull(r, row, col) &&
        pvs_parse_i64(PQgetvalue(r, row, col), &v)) {
        double d = 0;
        if (!pvs_parse_double(PQgetvalue(r, row, col), &d))
            v = (int64_t)d;
    }
    return v;
}

double pvs_pg_dbl(const PGresult *r, int row, int col) {
    double v = 0;

    if (!PQgetisnull(r, row, col))
        pvs_parse_double(PQgetvalue(r, row, col), &v);
    return v;
}

bool pvs_pg_null(const PGresult *r, int row, int col) {
    return PQgetisnull(r, row, col);
}

char *pvs_pg_dup(const PGresult *r, int row, int col) {
    return PQgetisnull(r, row, col) ? NULL
                                    : pvs_strdup(PQgetvalue(r, row, col));
}

const char *pvs_pg_str(const PGresult *r, int row, int col) {
    return PQgetisnull(r, row, col) ? "" : PQgetvalue(r, row, col);
}

enum pvs_err pvs_pg_idlist(struct pvs_store_be *st, PGresult *r,
                           int64_t **ret_ids, size_t *ret_n) {
    int n;
    int64_t *v;

    if (!r)
        return pvs_pg_failed(st);
    n = PQntuples(r);
    v = pvs_calloc((size_t)n + 1, sizeof(*v));
    for (int i = 0; i < n; i++)
        v[i] = pvs_pg_i64(r, i, 0);
    PQclear(r);
    *ret_ids = v;
    *ret_n = (size_t)n;
    return PVS_OK;
}

/* ---- schema ---------------------------------------------------------------
 */

/*
 * Numbered migrations: migration i brings the version from i to i + 1, in
 * one transaction. Never edit a released one; append a new one. The first
 * four are the SQLite schema as of its version 8 with PostgreSQL's types
 * (identity ids that copy-store may set, BIGINT times, JSONB readings).
 */
static const char *const migrations[] = {
    /* 1: the fleet and its readings */
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE sites(id TEXT PRIMARY KEY, name TEXT, address TEXT,"
    " latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, timezone TEXT,"
    " kwp DOUBLE PRECISION, tilt DOUBLE PRECISION, azimuth DOUBLE PRECISION,"
    " access_notes TEXT, customer_id TEXT, technician_id TEXT,"
    " source TEXT NOT NULL DEFAULT 'config', created_ms BIGINT,"
    " loss_factor DOUBLE PRECISION, created_by TEXT);"
    "CREATE TABLE devices(id TEXT PRIMARY KEY, site_id TEXT, kind TEXT,"
    " vendor TEXT, model TEXT, manufacturer TEXT, serial TEXT,"
    " source TEXT NOT NULL DEFAULT 'config', created_ms BIGINT,"
    " updated_ms BIGINT, kwp DOUBLE PRECISION, rated_power DOUBLE PRECISION,"
    " mppt_inputs INTEGER, endpoint TEXT, endpoint_url TEXT, unit_id INTEGER,"
    " profile TEXT, interval_s INTEGER, created_by TEXT, label TEXT);"
    "CREATE TABLE device_replacements(id BIGINT GENERATED BY DEFAULT AS"
    " IDENTITY PRIMARY KEY, device_id TEXT NOT NULL, ts_ms BIGINT,"
    " old_serial TEXT, new_serial TEXT);"
    "CREATE TABLE people(role TEXT NOT NULL, id TEXT NOT NULL, name TEXT,"
    " email TEXT, phone TEXT, language TEXT,"
    " source TEXT NOT NULL DEFAULT 'config', created_by TEXT,"
    " created_ms BIGINT, PRIMARY KEY(role, id));"
    "CREATE TABLE readings(device_id TEXT NOT NULL, ts_ms BIGINT NOT NULL,"
    " data JSONB NOT NULL, PRIMARY KEY(device_id, ts_ms))"
    " PARTITION BY RANGE (ts_ms);"
    "CREATE VIEW samples(device_id, metric, ts_ms, value, quality) AS"
    " SELECT r.device_id, j.key, r.ts_ms, CASE jsonb_typeof(j.value) WHEN"
    " 'array' THEN (j.value ->> 0)::float8 ELSE (j.value #>> '{}')::float8"
    " END, CASE jsonb_typeof(j.value) WHEN 'array' THEN (j.value ->>"
    " 1)::int ELSE 0 END FROM readings r, jsonb_each(r.data) j;",
    /* 2: alerts, tickets and the outbox */
    "CREATE TABLE alerts(id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY"
    " KEY, fingerprint TEXT NOT NULL, rule TEXT, family TEXT, site_id TEXT,"
    " device_id TEXT, subject TEXT, state TEXT NOT NULL, severity TEXT,"
    " started_ms BIGINT, ts_ms BIGINT, measured DOUBLE PRECISION,"
    " expected DOUBLE PRECISION, lost_kwh DOUBLE PRECISION,"
    " lost_kwh_per_day DOUBLE PRECISION, evidence TEXT, explanation TEXT,"
    " kb TEXT, silenced INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX alerts_fp ON alerts(fingerprint, id);"
    "CREATE TABLE tickets(id BIGINT GENERATED BY DEFAULT AS IDENTITY"
    " PRIMARY KEY, fingerprint TEXT NOT NULL, status TEXT NOT NULL,"
    " site_id TEXT, device_id TEXT, rule TEXT, family TEXT, subject TEXT,"
    " severity TEXT, title TEXT, assignee TEXT, opened_ms BIGINT,"
    " updated_ms BIGINT, resolved_ms BIGINT, closed_ms BIGINT,"
    " customer_notified INTEGER NOT NULL DEFAULT 0,"
    " lost_kwh DOUBLE PRECISION, acknowledged_ms BIGINT,"
    " escalation_level INTEGER NOT NULL DEFAULT 0, escalate_at_ms BIGINT,"
    " opened_by TEXT NOT NULL DEFAULT 'pvsentry', first_contact_ms BIGINT,"
    " visit_ms BIGINT, self_help_ms BIGINT, notified_severity TEXT,"
    " false_alarm_reason TEXT);"
    "CREATE INDEX tickets_fp ON tickets(fingerprint, id);"
    "CREATE INDEX tickets_status ON tickets(status, escalate_at_ms);"
    "CREATE TABLE ticket_events(id BIGINT GENERATED BY DEFAULT AS IDENTITY"
    " PRIMARY KEY, ticket_id BIGINT NOT NULL REFERENCES tickets(id),"
    " ts_ms BIGINT, kind TEXT NOT NULL, actor TEXT, text TEXT);"
    "CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, id);"
    "CREATE TABLE outbox(id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY"
    " KEY, ticket_id BIGINT, channel TEXT NOT NULL, audience TEXT,"
    " kind TEXT, recipient TEXT, subject TEXT, body TEXT,"
    " message_id TEXT UNIQUE, status TEXT NOT NULL,"
    " attempts INTEGER NOT NULL DEFAULT 0, created_ms BIGINT,"
    " next_attempt_ms BIGINT, sent_ms BIGINT, last_error TEXT,"
    " not_before_ms BIGINT, note TEXT);"
    "CREATE INDEX outbox_status ON outbox(status, id);"
    "CREATE INDEX outbox_held ON outbox(status, not_before_ms);"
    "CREATE TABLE delivery_attempts(id BIGINT GENERATED BY DEFAULT AS"
    " IDENTITY PRIMARY KEY, outbox_id BIGINT NOT NULL REFERENCES outbox(id),"
    " ts_ms BIGINT, ok INTEGER NOT NULL, error TEXT);",
    /* 3: the HTTP API's accounts, tokens, sessions, silences, audit */
    "CREATE TABLE users(id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY"
    " KEY, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL,"
    " person_id TEXT, pwhash TEXT, created_ms BIGINT,"
    " disabled INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE api_tokens(id BIGINT GENERATED BY DEFAULT AS IDENTITY"
    " PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id), name TEXT,"
    " hash TEXT NOT NULL UNIQUE, created_ms BIGINT, expires_ms BIGINT,"
    " revoked_ms BIGINT);"
    "CREATE TABLE sessions(hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL"
    " REFERENCES users(id), created_ms BIGINT, expires_ms BIGINT);"
    "CREATE TABLE api_silences(id BIGINT GENERATED BY DEFAULT AS IDENTITY"
    " PRIMARY KEY, site_id TEXT, device_id TEXT, rule TEXT,"
    " start_ms BIGINT, end_ms BIGINT NOT NULL, reason TEXT,"
    " created_by TEXT, created_ms BIGINT);"
    "CREATE TABLE audit(id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY"
    " KEY, ts_ms BIGINT, actor TEXT, action TEXT, object TEXT);",
    /* 4: the service workflow and the production rollups */
    "CREATE TABLE surveys(ticket_id BIGINT PRIMARY KEY REFERENCES"
    " tickets(id), customer_id TEXT, sent_ms BIGINT, answered_ms BIGINT,"
    " csat INTEGER, comment TEXT);"
    "CREATE TABLE appointments(id BIGINT GENERATED BY DEFAULT AS IDENTITY"
    " PRIMARY KEY, ticket_id BIGINT NOT NULL REFERENCES tickets(id),"
    " slot_ms BIGINT NOT NULL, proposed_by TEXT, status TEXT NOT NULL,"
    " created_ms BIGINT, answered_ms BIGINT,"
    " reminded INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE contacts(id BIGINT GENERATED BY DEFAULT AS IDENTITY"
    " PRIMARY KEY, site_id TEXT, ticket_id BIGINT, ts_ms BIGINT,"
    " actor TEXT, text TEXT);"
    "CREATE TABLE customer_prefs(customer_id TEXT PRIMARY KEY, channel TEXT,"
    " language TEXT, quiet_hours TEXT, opt_out INTEGER, updated_ms BIGINT);"
    "CREATE TABLE rollup_hour(device_id TEXT NOT NULL, ts_ms BIGINT NOT"
    " NULL, n BIGINT NOT NULL, sensor_n BIGINT NOT NULL,"
    " wh DOUBLE PRECISION NOT NULL, exp_wh DOUBLE PRECISION NOT NULL,"
    " peak_w DOUBLE PRECISION NOT NULL, PRIMARY KEY(device_id, ts_ms));"
    "CREATE TABLE rollup_day(device_id TEXT NOT NULL, ts_ms BIGINT NOT"
    " NULL, n BIGINT NOT NULL, sensor_n BIGINT NOT NULL,"
    " wh DOUBLE PRECISION NOT NULL, exp_wh DOUBLE PRECISION NOT NULL,"
    " peak_w DOUBLE PRECISION NOT NULL, PRIMARY KEY(device_id, ts_ms));",
    /* 5: every field of the entity tables (entity.c) has its column, as
     * in SQLite's migration 9 */
    "ALTER TABLE sites ADD COLUMN area TEXT;"
    "ALTER TABLE people ADD COLUMN skills TEXT;"
    "ALTER TABLE people ADD COLUMN areas TEXT;"
    "ALTER TABLE people ADD COLUMN hours TEXT;"
    "ALTER TABLE people ADD COLUMN timezone TEXT;"
    "ALTER TABLE people ADD COLUMN quiet_hours TEXT;"
    "ALTER TABLE people ADD COLUMN channel TEXT;"
    "ALTER TABLE people ADD COLUMN opt_out INTEGER;"
    "CREATE TABLE mqtt_maps(id TEXT PRIMARY KEY, preset TEXT, site_id TEXT,"
    " devices TEXT, gateway_id TEXT, settings TEXT, source TEXT NOT NULL"
    " DEFAULT 'config', created_by TEXT, created_ms BIGINT);",
    /* 6: the clear sky per kWp per site, as in SQLite's migration 10 */
    "CREATE TABLE sky_hour(site_id TEXT NOT NULL, ts_ms BIGINT NOT NULL,"
    " wh DOUBLE PRECISION NOT NULL, PRIMARY KEY(site_id, ts_ms));"
    "CREATE TABLE sky_day(site_id TEXT NOT NULL, ts_ms BIGINT NOT NULL,"
    " wh DOUBLE PRECISION NOT NULL, PRIMARY KEY(site_id, ts_ms));",
    /* 7: a device's interval may be a fraction of a second ("interval =
     * 500ms" is 0.5), as SQLite's REAL column keeps it */
    "ALTER TABLE devices ALTER COLUMN interval_s TYPE DOUBLE PRECISION;",
    /* 8: cluster mode (pg_cluster.c): each site's slot, the slots'
     * leases timed by the database clock, the workers, and a log of every
     * change of a lease's owner written by a trigger */
    "ALTER TABLE sites ADD COLUMN slot INTEGER;"
    "CREATE TABLE cluster_workers(id TEXT PRIMARY KEY, started TIMESTAMPTZ"
    " NOT NULL DEFAULT clock_timestamp(), seen TIMESTAMPTZ NOT NULL,"
    " expires TIMESTAMPTZ NOT NULL, left_at TIMESTAMPTZ, inbox BIGINT,"
    " batch_age_ms BIGINT);"
    "CREATE TABLE leases(slot INTEGER PRIMARY KEY, owner TEXT,"
    " epoch BIGINT NOT NULL DEFAULT 0, expires TIMESTAMPTZ,"
    " taken TIMESTAMPTZ, renewed TIMESTAMPTZ);"
    "CREATE TABLE lease_log(id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY"
    " KEY, ts TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),"
    " slot INTEGER NOT NULL, event TEXT NOT NULL, owner TEXT,"
    " old_owner TEXT, epoch BIGINT NOT NULL, old_expires TIMESTAMPTZ);"
    "CREATE FUNCTION pvs_lease_log() RETURNS trigger LANGUAGE plpgsql AS $$"
    " BEGIN IF NEW.owner IS DISTINCT FROM OLD.owner OR NEW.epoch <>"
    " OLD.epoch THEN INSERT INTO lease_log(slot, event, owner, old_owner,"
    " epoch, old_expires) VALUES (NEW.slot, CASE WHEN NEW.owner IS NULL"
    " THEN 'released' WHEN OLD.owner IS NULL THEN 'taken' WHEN"
    " OLD.expires <= clock_timestamp() THEN 'taken_expired' ELSE"
    " 'taken_live' END, NEW.owner, OLD.owner, NEW.epoch, OLD.expires);"
    " END IF; RETURN NEW; END $$;"
    "CREATE TRIGGER leases_log AFTER UPDATE ON leases FOR EACH ROW"
    " EXECUTE FUNCTION pvs_lease_log();"
    "CREATE PROCEDURE pvs_fence(who TEXT, slots INTEGER[], epochs BIGINT[])"
    " LANGUAGE plpgsql AS $$ DECLARE held INTEGER; BEGIN"
    " SELECT count(*) INTO held FROM (SELECT 1 FROM leases l JOIN"
    " unnest(slots, epochs) AS f(slot, epoch) ON l.slot = f.slot AND"
    " l.epoch = f.epoch WHERE l.owner = who AND l.expires >"
    " clock_timestamp() ORDER BY l.slot FOR SHARE OF l) x;"
    " IF held <> cardinality(slots) THEN RAISE EXCEPTION USING ERRCODE ="
    " 'PV001', MESSAGE = 'this worker no longer holds every slot it"
    " writes for'; END IF; END $$;",
    /* 9: the outbox several processes send from: who claimed a message
     * and until when (database clock, ms); the pending rows by lane */
    "ALTER TABLE outbox ADD COLUMN claimed_by TEXT;"
    "ALTER TABLE outbox ADD COLUMN claim_until_ms BIGINT;"
    "CREATE INDEX outbox_pending ON outbox(ticket_id, id) WHERE status ="
    " 'pending';",
    /* 10: one open ticket per fingerprint, the backstop against two
     * writers that both saw none; duplicates from before are merged into
     * the first one */
    "WITH d AS (SELECT id, min(id) OVER (PARTITION BY fingerprint) AS"
    " first FROM tickets WHERE status NOT IN ('resolved', 'closed',"
    " 'false_alarm', 'merged'))"
    " INSERT INTO ticket_events(ticket_id, ts_ms, kind, actor, text)"
    " SELECT id, (extract(epoch FROM now()) * 1000)::bigint, 'merged',"
    " 'pvsentry', 'a duplicate of ticket #' || first || ', merged into it'"
    " FROM d WHERE id <> first;"
    "UPDATE tickets t SET status = 'merged', closed_ms ="
    " (extract(epoch FROM now()) * 1000)::bigint FROM (SELECT id, min(id)"
    " OVER (PARTITION BY fingerprint) AS first FROM tickets WHERE status"
    " NOT IN ('resolved', 'closed', 'false_alarm', 'merged')) d WHERE t.id"
    " = d.id AND d.id <> d.first;"
    "CREATE UNIQUE INDEX tickets_open_fp ON tickets(fingerprint) WHERE"
    " status NOT IN ('resolved', 'closed', 'false_alarm', 'merged');",
};

#define SCHEMA_VERSION ((int)PVS_ARRAY_LEN(migrations))

/* The schema version, 0 for an empty database, -1 on failure. */
static int schema_version(struct pvs_store_be *st) {
    PGresult *r;
    bool exists;
    int v = -1;

    r = vquery_args(st, "reading the schema version",
                    "SELECT to_regclass('pvs_schema') IS NOT NULL", NULL);
    if (!r)
        return -1;
    exists = !strcmp(pvs_pg_str(r, 0, 0), "t");
    PQclear(r);
    if (!exists)
        return 0;
    r = vquery_args(st, "reading the schema version",
                    "SELECT COALESCE(MAX(version), 0) FROM pvs_schema", NULL);
    if (r) {
        v = (int)pvs_pg_i64(r, 0, 0);
        PQclear(r);
    }
    return v;
}

static enum pvs_err migrate(struct pvs_store_be *st) {
    char sql[96];
    enum pvs_err rc;
    int v;

    /* Two pvsentry starting at once on an empty database: one migrates,
     * the other waits for the lock and finds the work done. */
    rc = raw(st, "locking the schema", "BEGIN");
    if (!rc)
        rc = raw(st, "locking the schema",
                 "SELECT pg_advisory_xact_lock(7283940417)");
    if (rc)
        goto out;
    v = schema_version(st);
    if (v < 0) {
        rc = pvs_pg_failed(st);
        goto out;
    }
    if (v > SCHEMA_VERSION) {
        pvs_error("the PostgreSQL database has schema %d, newer than this "
                  "pvsentry (%d)",
                  v, SCHEMA_VERSION);
        rc = PVS_ERR_DB;
        goto out;
    }
    if (!v)
        rc = raw(st, "creating the schema table",
                 "CREATE TABLE pvs_schema(version INTEGER NOT NULL,"
                 " applied TIMESTAMPTZ NOT NULL DEFAULT now())");
    for (; !rc && v < SCHEMA_VERSION; v++) {
        rc = raw(st, "migrating the schema", migrations[v]);
        pvs_snprintf(sql, sizeof(sql),
                     "INSERT INTO pvs_schema(version) VALUES (%d)", v + 1);
        if (!rc)
            rc = raw(st, "migrating the schema", sql);
        if (!rc)
            pvs_info("migrated the PostgreSQL database to schema %d", v + 1);
    }
    if (!rc)
        rc = raw(st, "migrating the schema", "COMMIT");
out:
    if (rc && !st->lost)
        raw(st, "rolling back", "ROLLBACK");
    return rc;
}

static enum pvs_err connect_db(struct pvs_store_be *st) {
    char safe[256];

    PQfinish(st->conn);
    st->conn = PQconnectdb(st->target);
    if (PQstatus(st->conn) != CONNECTION_OK) {
        set_err(st, PQerrorMessage(st->conn));
        target_safe(st->target, safe, sizeof(safe));
        if (!st->lost)
            pvs_error("cannot connect to PostgreSQL '%s': %s", safe, st->err);
        st->lost = true;
        return PVS_ERR_IO;
    }
    PQsetNoticeProcessor(st->conn, ignore_notice, NULL);
    st->lost = false;
    st->in_tx = false;
    st->nparts = 0;
    /* Readers never write, even by mistake. */
    if (st->readonly)
        return raw(st, "opening read-only",
                   "SET default_transaction_read_only = on");
    return PVS_OK;
}

enum pvs_err pvs_pg_open(const char *target, unsigned flags,
                         struct pvs_store_be **ret) {
    struct pvs_store_be *st = pvs_calloc(1, sizeof(*st));
    enum pvs_err rc;
    int v;

    st->target = pvs_strdup(target);
    st->readonly = flags & PVS_STORE_READONLY;
    pvs_buf_init(&st->rows_text, ROWS_TEXT_MAX);
    rc = connect_db(st);
    if (rc)
        goto out;
    if (!st->readonly) {
        rc = migrate(st);
    } else if ((v = schema_version(st)) == 0 &&
               (flags & PVS_STORE_IF_CREATED)) {
        rc = PVS_ERR_NOTFOUND;
    } else if (v != SCHEMA_VERSION) {
        pvs_error("the PostgreSQL database has schema %d, expected %d (has "
                  "pvsentry run on it yet?)",
                  v, SCHEMA_VERSION);
        rc = PVS_ERR_DB;
    }
out:
    if (rc) {
        pvs_pg_close(st);
        return rc;
    }
    *ret = st;
    return PVS_OK;
}

void pvs_pg_close(struct pvs_store_be *st) {
    if (!st)
        return;
    PQfinish(st->conn);
    redo_clear(st);
    pvs_free(st->redo);
    pvs_buf_release(&st->rows_text);
    pvs_free(st->rows);
    pvs_free(st->target);
    pvs_free(st);
}

int pvs_pg_version(struct pvs_store_be *st) {
    return schema_version(st);
}

const char *pvs_pg_errmsg(struct pvs_store_be *st) {
    return st->err[0] ? st->err : "no error";
}

const char *pvs_pg_label(struct pvs_store_be *st) {
    if (!st->label[0])
        target_safe(st->target, st->label, sizeof(st->label));
    return st->label;
}

/* ---- batches ---------------------------------------------------------- */

static void rows_clear(struct pvs_store_be *st) {
    st->nrows = 0;
    st->rows_sent = 0;
    pvs_buf_reset(&st->rows_text);
}

/*
 * Whether the kept batch's transaction committed after all (its COMMIT
 * reached the server, the answer did not). A transaction still in
 * progress (its old connection not yet noticed gone) is waited for, a
 * few seconds at most.
 */
static enum pvs_err last_batch_committed(struct pvs_store_be *st,
                                         bool *ret_done) {
    struct timespec nap = {0, 100 * 1000000L};
    PGresult *r;
    bool running = true;

    for (int i = 0; running && i < 50; i++) {
        if (i)
            nanosleep(&nap, NULL);
        /* A new primary that never saw the transaction (a failover
         * before it reached the standby) has not handed its id out yet:
         * txid_status would be an error; it is simply not there. */
        r = vquery_args(st, "asking how the last batch ended",
                        "SELECT CASE WHEN $1::bigint < txid_snapshot_xmax("
                        "txid_current_snapshot()) THEN txid_status("
                        "$1::bigint) END",
                        "t", st->xid);
        if (!r)
            return pvs_pg_failed(st);
        running = !PQgetisnull(r, 0, 0) &&
                  !strcmp(PQgetvalue(r, 0, 0), "in progress");
        *ret_done =
            !PQgetisnull(r, 0, 0) && !strcmp(PQgetvalue(r, 0, 0), "committed");
        PQclear(r);
    }
    return PVS_OK;
}

/*
 * The kept batch, applied again in the transaction just begun (see
 * "Reconnects"), unless it committed after all.
 */
static enum pvs_err redo(struct pvs_store_be *st) {
    PGresult *r;
    char id[32];
    bool done = false;
    enum pvs_err rc;

    if (st->xid[0]) {
        rc = last_batch_committed(st, &done);
        if (rc)
            return rc;
        if (done) {
            pvs_info("the batch in flight when PostgreSQL went away had "
                     "committed: not applied again");
            redo_clear(st);
            rows_clear(st);
            return PVS_OK;
        }
    }
    for (size_t i = 0; i < st->nredo; i++) {
        const struct pvs_pg_redo *w = &st->redo[i];
        const char *const *vals = (const char *const *)w->vals;
        bool same = true;

        if (w->table[0]) {
            pvs_snprintf(id, sizeof(id), "%lld", (long long)w->id);
            r = vquery_args(st, "applying a batch again",
                            "SELECT setval(pg_get_serial_sequence($1, 'id'),"
                            " $2::bigint, false)",
                            "tt", w->table, id);
            if (!r)
                return pvs_pg_failed(st);
            PQclear(r);
        }
        r = PQexecParams(st->conn, w->sql, w->n, NULL, vals, NULL, NULL, 0);
        if (r && PQresultStatus(r) == PGRES_FATAL_ERROR &&
            PQstatus(st->conn) == CONNECTION_OK &&
            !strcmp(w->sql, PVS_PG_FENCE_SQL)) {
            /* Its worker lost a slot while the server was away: the
             * batch is refused, not waited for (the caller says so). */
            set_err(st, PQresultErrorMessage(r));
            PQclear(r);
            st->fenced = true;
            return PVS_ERR_DENIED;
        }
        if (!r || (PQresultStatus(r) != PGRES_COMMAND_OK &&
                   PQresultStatus(r) != PGRES_TUPLES_OK)) {
            report(st, "applying a batch again", r);
            PQclear(r);
            return pvs_pg_failed(st);
        }
        if (w->table[0])
            same = PQntuples(r) == 1 && pvs_pg_i64(r, 0, 0) == w->id;
        PQclear(r);
        if (!same) {
            pvs_error("cannot apply a batch again: a new row of '%s' did "
                      "not get its id %lld back",
                      w->table, (long long)w->id);
            return PVS_ERR_DB;
        }
    }
    st->rows_sent = 0;
    pvs_info("applied the batch in flight again (%zu writes, %zu readings)",
             st->nredo, st->nrows);
    return PVS_OK;
}

/*
 * The server went away in the middle of a batch that now needs an answer
 * from it (a read, a new id). Rather than roll the batch back (its alert
 * changes and readings with it), wait a little for the server (a restart,
 * a failover behind a multi-host URI), begin again on a new connection
 * and apply the batch so far again (redo); the batch then goes on. Once
 * per batch, at most REJOIN_MS; false when the server stayed away.
 */
#define REJOIN_MS 5000
static bool rejoin(struct pvs_store_be *st) {
    struct timespec now, nap = {0, 200 * 1000000L};
    int64_t until;

    if (st->readonly || st->rejoined || !st->broken)
        return false;
    st->rejoined = true;
    clock_gettime(CLOCK_MONOTONIC, &now);
    until = (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000 + REJOIN_MS;
    for (;;) {
        if (!connect_db(st) && !raw(st, "starting a batch", "BEGIN")) {
            st->in_tx = true;
            st->broken = false;
            if (!redo(st) && !pvs_pg_flush(st)) {
                pvs_info("connected to PostgreSQL again in the middle of "
                         "a batch: it goes on");
                return true;
            }
            if (!st->lost)
                raw(st, "rolling back", "ROLLBACK");
            st->in_tx = false;
            st->broken = true;
            if (st->fenced)
                return false; /* refused: no use waiting */
            st->lost = true;
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        if ((int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000 >= until)
            return false;
        nanosleep(&nap, NULL);
    }
}

enum pvs_err pvs_pg_begin(struct pvs_store_be *st) {
    enum pvs_err rc = PVS_OK;

    st->broken = false;
    st->rejoined = false;
    st->fenced = false;
    if (!st->kept) {
        rows_clear(st);
        redo_clear(st);
        st->durable = false;
    }
    /* A connection the server closed is seen at its first use: one more
     * try on a new one before the batch goes on without a server. */
    for (int attempt = 0; attempt < 2; attempt++) {
        if (st->lost || PQstatus(st->conn) != CONNECTION_OK) {
            st->lost = true;
            rc = connect_db(st);
            if (rc)
                break;
            pvs_info("connected to PostgreSQL again");
        }
        rc = raw(st, "starting a batch", "BEGIN");
        if (!rc || !st->lost)
            break;
    }
    st->in_tx = !rc;
    if (!rc && st->kept) {
        rc = redo(st);
        st->kept = rc == PVS_ERR_IO;
        if (rc) {
            if (!st->lost)
                raw(st, "rolling back", "ROLLBACK");
            st->in_tx = false;
        }
        return rc;
    }
    if (rc && st->lost && !st->kept && !st->readonly) {
        /* The batch goes on without a server: its writes are kept. */
        st->broken = true;
        rc = PVS_OK;
    }
    return rc;
}

/* The batch's transaction id, asked before COMMIT (see "Reconnects"). */
static enum pvs_err ask_xid(struct pvs_store_be *st) {
    PGresult *r =
        vquery_args(st, "committing a batch", "SELECT txid_current()", NULL);

    if (!r)
        return pvs_pg_failed(st);
    pvs_strlcpy(st->xid, PQgetvalue(r, 0, 0), sizeof(st->xid));
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_commit(struct pvs_store_be *st) {
    enum pvs_err rc = st->fenced ? PVS_ERR_DENIED
                      : st->lost ? PVS_ERR_IO
                                 : pvs_pg_flush(st);

    if (!rc && st->lost)
        rc = PVS_ERR_IO; /* the readings were kept, not sent */
    if (!rc && (st->nredo || st->nrows))
        rc = ask_xid(st);
    /* Anything a person will hear about waits for the disk, whatever the
     * session's default (which an operator may set to off for telemetry,
     * see docs/scale-out.md). */
    if (!rc && st->durable)
        rc = raw(st, "committing a batch", "SET LOCAL synchronous_commit = on");
    if (!rc)
        rc = raw(st, "committing a batch", "COMMIT");
    st->kept = rc && st->lost && !st->failed && !st->readonly && !st->fenced;
    if (rc) {
        if (!st->lost)
            raw(st, "rolling back", "ROLLBACK");
        st->nparts = 0;
    }
    st->in_tx = false;
    st->broken = false;
    if (!st->kept) {
        rows_clear(st);
        redo_clear(st);
    }
    return rc;
}

bool pvs_pg_kept(struct pvs_store_be *st) {
    return st->kept ||
           (st->lost && in_batch(st) && !st->failed && !st->readonly);
}

void pvs_pg_rollback(struct pvs_store_be *st) {
    if (!st->kept) {
        rows_clear(st);
        redo_clear(st);
    }
    st->broken = false;
    /* Partitions created in the batch are gone with it. */
    st->nparts = 0;
    if (!st->lost && PQtransactionStatus(st->conn) != PQTRANS_IDLE)
        raw(st, "rolling back", "ROLLBACK");
    st->in_tx = false;
}

/* ---- readings --------------------------------------------------------- */

static int64_t day_of(int64_t ts_ms) {
    return ts_ms >= 0 ? ts_ms / PVS_PG_PART_MS
                      : -((-ts_ms + PVS_PG_PART_MS - 1) / PVS_PG_PART_MS);
}

static void part_name(int64_t day, char *buf, size_t size) {
    time_t t = (time_t)(day * 86400);
    struct tm tm;

    gmtime_r(&t, &tm);
    pvs_snprintf(buf, size, "readings_%04d%02d%02d", tm.tm_year + 1900,
                 tm.tm_mon + 1, tm.tm_mday);
}

static enum pvs_err part_ensure(struct pvs_store_be *st, int64_t day) {
    char name[48], sql[256];
    enum pvs_err rc;

    for (size_t i = 0; i < st->nparts; i++)
        if (st->parts[i] == day)
            return PVS_OK;
    part_name(day, name, sizeof(name));
    /* Several writers (cluster mode) may create one day's partition at
     * once, and IF NOT EXISTS does not wait for the other's: the second
     * waits here for the first's commit, then finds it. */
    pvs_snprintf(sql, sizeof(sql), "SELECT pg_advisory_xact_lock(72839404, %d)",
                 (int)(day % 2000000000));
    rc = raw(st, "creating a readings partition", sql);
    if (rc)
        return rc;
    pvs_snprintf(sql, sizeof(sql),
                 "CREATE TABLE IF NOT EXISTS %s PARTITION OF readings FOR"
                 " VALUES FROM (%lld) TO (%lld)",
                 name, (long long)(day * PVS_PG_PART_MS),
                 (long long)((day + 1) * PVS_PG_PART_MS));
    rc = raw(st, "creating a readings partition", sql);
    if (rc)
        return rc;
    if (st->nparts == PVS_PG_PARTS_KNOWN)
        st->nparts = 0;
    st->parts[st->nparts++] = day;
    return PVS_OK;
}

/* Append s to the COPY text, escaped for its text format. */
static void copy_text(struct pvs_buf *b, const char *s) {
    const char *p = s;

    for (; *s; s++) {
        const char *esc = NULL;
        switch (*s) {
        case '\\':
            esc = "\\\\";
            break;
        case '\t':
            esc = "\\t";
            break;
        case '\n':
            esc = "\\n";
            break;
        case '\r':
            esc = "\\r";
            break;
        default:
            continue;
        }
        pvs_buf_add(b, p, (size_t)(s - p));
        pvs_buf_puts(b, esc);
        p = s + 1;
    }
    pvs_buf_add(b, p, (size_t)(s - p));
}

static enum pvs_err copy_rows(struct pvs_store_be *st) {
    struct pvs_buf b;
    PGresult *r;
    enum pvs_err rc = PVS_OK;
    char num[32];

    pvs_buf_init(&b, ROWS_TEXT_MAX * 2);
    for (size_t i = st->rows_sent; i < st->nrows; i++) {
        const struct pvs_pg_row *row = &st->rows[i];
        copy_text(&b, st->rows_text.data + row->dev);
        pvs_snprintf(num, sizeof(num), "\t%lld\t", (long long)row->ts_ms);
        pvs_buf_puts(&b, num);
        copy_text(&b, st->rows_text.data + row->data);
        pvs_buf_puts(&b, "\n");
    }
    r = PQexec(st->conn, "COPY readings(device_id, ts_ms, data) FROM STDIN");
    if (!r || PQresultStatus(r) != PGRES_COPY_IN) {
        report(st, "storing samples", r);
        PQclear(r);
        rc = pvs_pg_failed(st);
        goto out;
    }
    PQclear(r);
    if (PQputCopyData(st->conn, b.data, (int)b.len) != 1 ||
        PQputCopyEnd(st->conn, NULL) != 1) {
        report(st, "storing samples", NULL);
        rc = pvs_pg_failed(st);
        goto out;
    }
    r = PQgetResult(st->conn);
    if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
        const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
        /* A row that exists: the caller merges instead. */
        if (state && !strcmp(state, "23505"))
            rc = PVS_ERR_FULL;
        else
            report(st, "storing samples", r);
        if (rc != PVS_ERR_FULL)
            rc = pvs_pg_failed(st);
    }
    PQclear(r);
    while ((r = PQgetResult(st->conn)))
        PQclear(r);
out:
    pvs_buf_release(&b);
    return rc;
}

/* The slow path: each row merged into what is stored (stored wins). */
static enum pvs_err upsert_rows(struct pvs_store_be *st) {
    char ts[32];

    for (size_t i = st->rows_sent; i < st->nrows; i++) {
        const struct pvs_pg_row *row = &st->rows[i];
        const char *vals[3] = {st->rows_text.data + row->dev, ts,
                               st->rows_text.data + row->data};
        PGresult *r;

        pvs_snprintf(ts, sizeof(ts), "%lld", (long long)row->ts_ms);
        r = PQexecParams(st->conn,
                         "INSERT INTO readings(device_id, ts_ms, data) VALUES"
                         " ($1, $2, $3) ON CONFLICT(device_id, ts_ms) DO"
                         " UPDATE SET data = excluded.data || readings.data",
                         3, NULL, vals, NULL, NULL, 0);
        if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
            report(st, "storing samples", r);
            PQclear(r);
            return pvs_pg_failed(st);
        }
        PQclear(r);
    }
    return PVS_OK;
}

enum pvs_err pvs_pg_flush(struct pvs_store_be *st) {
    enum pvs_err rc = PVS_OK;
    bool own_tx = false;

    if (st->rows_sent == st->nrows)
        return PVS_OK;
    if (st->lost && in_batch(st) && !st->readonly)
        return PVS_OK; /* kept for the redo with the rest of the batch */
    if (st->lost) {
        rows_clear(st);
        return PVS_ERR_IO;
    }
    if (!st->in_tx) {
        rc = raw(st, "storing samples", "BEGIN");
        if (rc)
            goto out;
        own_tx = true;
    }
    for (int64_t d = day_of(st->rows_min); !rc && d <= day_of(st->rows_max) + 1;
         d++)
        rc = part_ensure(st, d);
    if (!rc)
        rc = raw(st, "storing samples", "SAVEPOINT readings");
    if (!rc) {
        rc = copy_rows(st);
        if (rc == PVS_ERR_FULL) {
            rc = raw(st, "storing samples", "ROLLBACK TO SAVEPOINT readings");
            if (!rc)
                rc = upsert_rows(st);
        }
    }
    if (!rc)
        rc = raw(st, "storing samples", "RELEASE SAVEPOINT readings");
    if (own_tx) {
        if (!rc)
            rc = raw(st, "storing samples", "COMMIT");
        else if (!st->lost)
            raw(st, "rolling back", "ROLLBACK");
        if (rc)
            st->nparts = 0;
    }
out:
    /* A batch keeps its readings until it commits (see "Reconnects"). */
    if (own_tx || (rc && !st->lost))
        rows_clear(st);
    else
        st->rows_sent = st->nrows;
    return rc;
}

/*
 * Metric names by (metric, MPPT input), formatted once, as the SQLite
 * backend does.
 */
#define NAME_SLOTS (PVS_M__COUNT * (PVS_MPPT_MAX + 1))
static char metric_names[NAME_SLOTS][48];
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

static void names_init(void) {
    for (int m = 0; m < PVS_M__COUNT; m++)
        for (int i = 0; i <= PVS_MPPT_MAX; i++)
            pvs_metric_name((enum pvs_metric)m, (unsigned)i,
                            metric_names[m * (PVS_MPPT_MAX + 1) + i],
                            sizeof(metric_names[0]));
}

static void row_push(struct pvs_store_be *st, size_t dev, size_t data,
                     int64_t ts) {
    if (st->nrows == st->caprows) {
        st->caprows = st->caprows ? st->caprows * 2 : 256;
        st->rows = pvs_realloc(st->rows, st->caprows * sizeof(*st->rows));
    }
    st->rows[st->nrows].dev = dev;
    st->rows[st->nrows].data = data;
    st->rows[st->nrows].ts_ms = ts;
    if (!st->nrows || ts < st->rows_min)
        st->rows_min = ts;
    if (!st->nrows || ts > st->rows_max)
        st->rows_max = ts;
    st->nrows++;
}

enum pvs_err pvs_pg_row_add(struct pvs_store_be *st, const char *dev,
                            int64_t ts, const char *data) {
    size_t dev_off, data_off;
    enum pvs_err rc;

    /* A copy of a whole store goes out in slices of a few megabytes. */
    if (st->rows_text.len > (8u << 20)) {
        rc = pvs_pg_flush(st);
        if (rc)
            return rc;
        /* Sent and forgotten: a copy is started again, not redone. */
        rows_clear(st);
        st->failed = true;
    }
    dev_off = st->rows_text.len;
    if (pvs_buf_add(&st->rows_text, dev, strlen(dev) + 1))
        return PVS_ERR_FULL;
    data_off = st->rows_text.len;
    if (pvs_buf_add(&st->rows_text, data, strlen(data) + 1))
        return PVS_ERR_FULL;
    row_push(st, dev_off, data_off, ts);
    return PVS_OK;
}

enum pvs_err pvs_pg_add_samples(struct pvs_store_be *st,
                                const struct pvs_config *cfg,
                                const struct pvs_sample *smp, size_t n) {
    struct pvs_buf *b = &st->rows_text;
    uint8_t seen[NAME_SLOTS];
    size_t i = 0;

    /* Without a server a batch keeps its readings for the redo. */
    if (st->lost && !(in_batch(st) && !st->readonly))
        return PVS_ERR_IO;
    pthread_once(&names_once, names_init);
    while (i < n) {
        uint32_t dev = smp[i].dev;
        int64_t ts = smp[i].ts_ms;
        size_t dev_off, data_off;
        bool any = false;

        PVS_ASSERT(dev < cfg->ndevices);
        dev_off = b->len;
        if (pvs_buf_add(b, cfg->devices[dev]->obj.id,
                        strlen(cfg->devices[dev]->obj.id) + 1))
            goto full;
        data_off = b->len;
        memset(seen, 0, sizeof(seen));
        for (; i < n && smp[i].dev == dev && smp[i].ts_ms == ts; i++) {
            const struct pvs_sample *x = &smp[i];
            unsigned slot = x->metric * (PVS_MPPT_MAX + 1) + x->idx;
            bool plain = x->quality == PVS_Q_OK && isfinite(x->value);
            char num[PVS_NUM_MAX + 1];

            if (x->metric >= PVS_M__COUNT || x->idx > PVS_MPPT_MAX)
                continue;
            if (seen[slot]++)
                continue;
            if (isfinite(x->value))
                num[pvs_fmt_num(num, x->value)] = '\0';
            else
                pvs_strlcpy(num, "null", sizeof(num));
            if (pvs_buf_printf(b, "%s\"%s\":%s%s", any ? "," : "{",
                               metric_names[slot], plain ? "" : "[", num) ||
                (!plain && pvs_buf_printf(b, ",%u]", (unsigned)x->quality)))
                goto full;
            any = true;
        }
        if (!any) {
            b->len = dev_off;
            b->data[b->len] = '\0';
            continue;
        }
        if (pvs_buf_add(b, "}", 2))
            goto full;
        row_push(st, dev_off, data_off, ts);
    }
    return PVS_OK;
full:
    /* Tens of megabytes in one batch: write what is there and go on. */
    pvs_error("a batch's readings exceed %u MiB", ROWS_TEXT_MAX >> 20);
    return PVS_ERR_FULL;
}

enum pvs_err pvs_pg_prune_samples(struct pvs_store_be *st, int64_t before_ms,
                                  int64_t *ret_deleted) {
    PGresult *r;
    int64_t gone = 0;
    enum pvs_err rc = PVS_OK;

    /* A day wholly past goes as a whole partition (no row by row delete,
     * no dead rows left to vacuum); only the day at the edge, the one
     * holding before_ms, is trimmed by a DELETE. */
    r = pvs_pg_query(st, "listing readings partitions",
                     "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid)"
                     " FROM pg_inherits i JOIN pg_class c ON c.oid ="
                     " i.inhrelid WHERE i.inhparent = 'readings'::regclass"
                     " ORDER BY 1",
                     NULL);
    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r) && !rc; i++) {
        const char *bound = pvs_pg_str(r, i, 1);
        const char *to = strstr(bound, "TO ('");
        long long hi;
        char sql[160];
        PGresult *c;

        if (!to || sscanf(to, "TO ('%lld')", &hi) != 1)
            continue;
        if (hi > before_ms) {
            if (hi - PVS_PG_PART_MS >= before_ms)
                continue;
            pvs_snprintf(sql, sizeof(sql),
                         "DELETE FROM \"%s\" WHERE ts_ms < $1",
                         pvs_pg_str(r, i, 0));
            c = vquery_args(st, "pruning readings", sql, "i", before_ms);
            if (!c) {
                rc = pvs_pg_failed(st);
                break;
            }
            gone += strtoll(PQcmdTuples(c), NULL, 10);
            PQclear(c);
            continue;
        }
        pvs_snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM \"%s\"",
                     pvs_pg_str(r, i, 0));
        c = vquery_args(st, "pruning readings", sql, NULL);
        if (!c) {
            rc = pvs_pg_failed(st);
            break;
        }
        gone += pvs_pg_i64(c, 0, 0);
        PQclear(c);
        pvs_snprintf(sql, sizeof(sql), "DROP TABLE \"%s\"",
                     pvs_pg_str(r, i, 0));
        rc = raw(st, "pruning readings", sql);
    }
    PQclear(r);
    st->nparts = 0;
    if (!rc && ret_deleted)
        *ret_deleted = gone;
    return rc;
}
