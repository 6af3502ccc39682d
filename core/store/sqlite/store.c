/* SPDX-License-Identifier: MIT */
/*
 * store.c - SQLite store: open, migrations, transactions and every query.
 *
 * DESIGN
 * Statements are prepared once per handle and reused (sqlite3_prepare is
 * far more expensive than a step). The engine commits one transaction per
 * batch, so sample inserts are cheap; WAL lets read-only handles (CLI,
 * API) read while the engine writes. A busy timeout covers the short
 * moments when a checkpoint holds a lock.
 */
#define PVS_LOG_MODULE "store"
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pvs/log.h"
#include "pvs/store.h"
#include "pvs/store_flow.h"
#include "store_int.h"

enum stmt_id {
    S_SAMPLE,
    S_ALERT,
    S_ALERT_UPD,
    S_TICKET_BY_FP,
    S_TICKET_BY_ID,
    S_TICKET_INS,
    S_TICKET_UPD,
    S_EVENT,
    S_OUTBOX_INS,
    S_OUTBOX_GET,
    S_ATTEMPT,
    S_OUTBOX_UPD,
    S_DEV_GET,
    S_DEV_UPD,
    S_REPLACE,
    S__COUNT
};
_Static_assert(S__COUNT <= PVS_STORE_STMTS - STORE_STMT_ROLLUP,
               "raise PVS_STORE_STMTS");

static const char *const stmt_sql[S__COUNT] = {
    /* A QoS 1 redelivery or a resent poll carries the same reading: the
     * stored object is applied last as the patch, so for a metric present
     * in both the first reading stays; new metrics join the row. */
    [S_SAMPLE] = "INSERT INTO readings(device_id, ts_ms, data) VALUES (?, ?, "
                 "?) ON CONFLICT(device_id, ts_ms) DO UPDATE SET data = "
                 "json_patch(excluded.data, data)",
    [S_ALERT] = "INSERT INTO alerts(fingerprint, rule, family, site_id, "
                "device_id, subject, state, severity, started_ms, ts_ms, "
                "measured, expected, lost_kwh, lost_kwh_per_day, evidence, "
                "explanation, kb, silenced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    /* A firing alert's running figures live on its firing row (whose
     * ts_ms stays the time it fired). */
    [S_ALERT_UPD] = "UPDATE alerts SET severity = ?, measured = ?, "
                    "expected = ?, lost_kwh = ?, lost_kwh_per_day = ?, "
                    "evidence = ? WHERE id = (SELECT MAX(id) FROM alerts "
                    "WHERE fingerprint = ?) AND state = 'firing'",
    [S_TICKET_BY_FP] =
        "SELECT id, fingerprint, status, site_id, device_id, rule, family, "
        "subject, severity, title, assignee, opened_ms, updated_ms, "
        "resolved_ms, closed_ms, customer_notified, lost_kwh FROM tickets "
        "WHERE fingerprint = ? ORDER BY id DESC LIMIT 1",
    [S_TICKET_BY_ID] =
        "SELECT id, fingerprint, status, site_id, device_id, rule, family, "
        "subject, severity, title, assignee, opened_ms, updated_ms, "
        "resolved_ms, closed_ms, customer_notified, lost_kwh FROM tickets "
        "WHERE id = ?",
    [S_TICKET_INS] =
        "INSERT INTO tickets(fingerprint, status, site_id, device_id, rule, "
        "family, subject, severity, title, assignee, opened_ms, updated_ms, "
        "resolved_ms, closed_ms, customer_notified, lost_kwh) VALUES (?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) "
        "WHERE status NOT IN ('resolved', 'closed', 'false_alarm', 'merged') "
        "DO NOTHING",
    [S_TICKET_UPD] = "UPDATE tickets SET status = ?, severity = ?, title = ?, "
                     "assignee = ?, updated_ms = ?, resolved_ms = ?, "
                     "closed_ms = ?, customer_notified = ?, lost_kwh = ? "
                     "WHERE id = ?",
    [S_EVENT] = "INSERT INTO ticket_events(ticket_id, ts_ms, kind, actor, "
                "text) VALUES (?, ?, ?, ?, ?)",
    [S_OUTBOX_INS] =
        "INSERT INTO outbox(ticket_id, channel, audience, kind, recipient, "
        "subject, body, message_id, status, attempts, created_ms, "
        "next_attempt_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, "
        "?)",
    [S_OUTBOX_GET] = "SELECT id, ticket_id, channel, audience, kind, "
                     "recipient, subject, body, message_id, status, "
                     "attempts, created_ms, next_attempt_ms FROM outbox "
                     "WHERE id = ?",
    [S_ATTEMPT] = "INSERT INTO delivery_attempts(outbox_id, ts_ms, ok, "
                  "error) VALUES (?, ?, ?, ?)",
    [S_OUTBOX_UPD] = "UPDATE outbox SET status = ?, attempts = attempts + 1, "
                     "last_error = ?, sent_ms = CASE WHEN ? THEN ? ELSE "
                     "sent_ms END WHERE id = ?",
    [S_DEV_GET] = "SELECT serial FROM devices WHERE id = ?",
    [S_DEV_UPD] = "UPDATE devices SET serial = ?, manufacturer = ?, model = "
                  "?, updated_ms = ? WHERE id = ?",
    [S_REPLACE] = "INSERT INTO device_replacements(device_id, ts_ms, "
                  "old_serial, new_serial) VALUES (?, ?, ?, ?)",
};

/*
 * Numbered migrations: migration i brings user_version from i to i + 1.
 * Never edit a released one; append a new one.
 */
static const char *const migrations[] = {
    /* 1: the first schema */
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE sites(id TEXT PRIMARY KEY, name TEXT, address TEXT,"
    " latitude REAL, longitude REAL, timezone TEXT, kwp REAL, tilt REAL,"
    " azimuth REAL, access_notes TEXT, customer_id TEXT,"
    " technician_id TEXT, source TEXT NOT NULL DEFAULT 'config',"
    " created_ms INTEGER);"
    "CREATE TABLE devices(id TEXT PRIMARY KEY, site_id TEXT, kind TEXT,"
    " vendor TEXT, model TEXT, manufacturer TEXT, serial TEXT,"
    " source TEXT NOT NULL DEFAULT 'config', created_ms INTEGER,"
    " updated_ms INTEGER);"
    "CREATE TABLE device_replacements(id INTEGER PRIMARY KEY,"
    " device_id TEXT NOT NULL, ts_ms INTEGER, old_serial TEXT,"
    " new_serial TEXT);"
    "CREATE TABLE people(role TEXT NOT NULL, id TEXT NOT NULL, name TEXT,"
    " email TEXT, phone TEXT, language TEXT,"
    " source TEXT NOT NULL DEFAULT 'config', PRIMARY KEY(role, id));"
    "CREATE TABLE samples(device_id TEXT NOT NULL, metric TEXT NOT NULL,"
    " ts_ms INTEGER NOT NULL, value REAL, quality INTEGER NOT NULL"
    " DEFAULT 0);"
    "CREATE INDEX samples_dev_ts ON samples(device_id, ts_ms);"
    "CREATE INDEX samples_ts ON samples(ts_ms);"
    "CREATE TABLE alerts(id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL,"
    " rule TEXT, family TEXT, site_id TEXT, device_id TEXT, subject TEXT,"
    " state TEXT NOT NULL, severity TEXT, started_ms INTEGER,"
    " ts_ms INTEGER, measured REAL, expected REAL, lost_kwh REAL,"
    " lost_kwh_per_day REAL, evidence TEXT, explanation TEXT, kb TEXT,"
    " silenced INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX alerts_fp ON alerts(fingerprint, id);"
    "CREATE TABLE tickets(id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL,"
    " status TEXT NOT NULL, site_id TEXT, device_id TEXT, rule TEXT,"
    " family TEXT, subject TEXT, severity TEXT, title TEXT,"
    " assignee TEXT, opened_ms INTEGER, updated_ms INTEGER,"
    " resolved_ms INTEGER, closed_ms INTEGER,"
    " customer_notified INTEGER NOT NULL DEFAULT 0, lost_kwh REAL);"
    "CREATE INDEX tickets_fp ON tickets(fingerprint, id);"
    "CREATE TABLE ticket_events(id INTEGER PRIMARY KEY,"
    " ticket_id INTEGER NOT NULL REFERENCES tickets(id), ts_ms INTEGER,"
    " kind TEXT NOT NULL, actor TEXT, text TEXT);"
    "CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, id);"
    "CREATE TABLE outbox(id INTEGER PRIMARY KEY, ticket_id INTEGER,"
    " channel TEXT NOT NULL, audience TEXT, kind TEXT, recipient TEXT,"
    " subject TEXT, body TEXT, message_id TEXT UNIQUE,"
    " status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
    " created_ms INTEGER, next_attempt_ms INTEGER, sent_ms INTEGER,"
    " last_error TEXT);"
    "CREATE INDEX outbox_status ON outbox(status, id);"
    "CREATE TABLE delivery_attempts(id INTEGER PRIMARY KEY,"
    " outbox_id INTEGER NOT NULL REFERENCES outbox(id), ts_ms INTEGER,"
    " ok INTEGER NOT NULL, error TEXT);",
    /* 2: the HTTP API: what sites and devices created through it need,
     * accounts, tokens, sessions, silences and an audit log */
    "ALTER TABLE sites ADD COLUMN loss_factor REAL;"
    "ALTER TABLE sites ADD COLUMN created_by TEXT;"
    "ALTER TABLE devices ADD COLUMN kwp REAL;"
    "ALTER TABLE devices ADD COLUMN rated_power REAL;"
    "ALTER TABLE devices ADD COLUMN mppt_inputs INTEGER;"
    "ALTER TABLE devices ADD COLUMN endpoint TEXT;"
    "ALTER TABLE devices ADD COLUMN endpoint_url TEXT;"
    "ALTER TABLE devices ADD COLUMN unit_id INTEGER;"
    "ALTER TABLE devices ADD COLUMN profile TEXT;"
    "ALTER TABLE devices ADD COLUMN interval_s INTEGER;"
    "ALTER TABLE devices ADD COLUMN created_by TEXT;"
    "ALTER TABLE people ADD COLUMN created_by TEXT;"
    "ALTER TABLE people ADD COLUMN created_ms INTEGER;"
    "CREATE TABLE users(id INTEGER PRIMARY KEY, username TEXT NOT NULL"
    " UNIQUE, role TEXT NOT NULL, person_id TEXT, pwhash TEXT,"
    " created_ms INTEGER, disabled INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE api_tokens(id INTEGER PRIMARY KEY, user_id INTEGER NOT"
    " NULL REFERENCES users(id), name TEXT, hash TEXT NOT NULL UNIQUE,"
    " created_ms INTEGER, expires_ms INTEGER, revoked_ms INTEGER);"
    "CREATE TABLE sessions(hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL"
    " REFERENCES users(id), created_ms INTEGER, expires_ms INTEGER);"
    "CREATE TABLE api_silences(id INTEGER PRIMARY KEY, site_id TEXT,"
    " device_id TEXT, rule TEXT, start_ms INTEGER, end_ms INTEGER NOT NULL,"
    " reason TEXT, created_by TEXT, created_ms INTEGER);"
    "CREATE TABLE audit(id INTEGER PRIMARY KEY, ts_ms INTEGER, actor TEXT,"
    " action TEXT, object TEXT);",
    /* 3: the service workflow: escalation, held customer notices, surveys,
     * appointments, customer contacts and preferences */
    "ALTER TABLE tickets ADD COLUMN acknowledged_ms INTEGER;"
    "ALTER TABLE tickets ADD COLUMN escalation_level INTEGER NOT NULL"
    " DEFAULT 0;"
    "ALTER TABLE tickets ADD COLUMN escalate_at_ms INTEGER;"
    "ALTER TABLE tickets ADD COLUMN opened_by TEXT NOT NULL DEFAULT"
    " 'pvsentry';"
    "ALTER TABLE tickets ADD COLUMN first_contact_ms INTEGER;"
    "ALTER TABLE tickets ADD COLUMN visit_ms INTEGER;"
    "ALTER TABLE tickets ADD COLUMN self_help_ms INTEGER;"
    "ALTER TABLE tickets ADD COLUMN notified_severity TEXT;"
    "ALTER TABLE tickets ADD COLUMN false_alarm_reason TEXT;"
    "ALTER TABLE outbox ADD COLUMN not_before_ms INTEGER;"
    "ALTER TABLE outbox ADD COLUMN note TEXT;"
    "CREATE INDEX outbox_held ON outbox(status, not_before_ms);"
    "CREATE INDEX tickets_status ON tickets(status, escalate_at_ms);"
    "CREATE TABLE surveys(ticket_id INTEGER PRIMARY KEY REFERENCES"
    " tickets(id), customer_id TEXT, sent_ms INTEGER, answered_ms INTEGER,"
    " csat INTEGER, comment TEXT);"
    "CREATE TABLE appointments(id INTEGER PRIMARY KEY, ticket_id INTEGER"
    " NOT NULL REFERENCES tickets(id), slot_ms INTEGER NOT NULL,"
    " proposed_by TEXT, status TEXT NOT NULL, created_ms INTEGER,"
    " answered_ms INTEGER, reminded INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE contacts(id INTEGER PRIMARY KEY, site_id TEXT, ticket_id"
    " INTEGER, ts_ms INTEGER, actor TEXT, text TEXT);"
    "CREATE TABLE customer_prefs(customer_id TEXT PRIMARY KEY, channel"
    " TEXT, language TEXT, quiet_hours TEXT, opt_out INTEGER, updated_ms"
    " INTEGER);",
    /* 4: one reading per device, metric and instant (redeliveries are
     * duplicates); the unique index also serves device/time queries */
    "DELETE FROM samples WHERE rowid NOT IN (SELECT MIN(rowid) FROM"
    " samples GROUP BY device_id, ts_ms, metric);"
    "DROP INDEX samples_dev_ts;"
    "CREATE UNIQUE INDEX samples_dev_ts_metric ON samples(device_id, ts_ms,"
    " metric);",
    /* 5: one index fewer to update per reading; pruning walks each
     * device's range of the unique index instead */
    "DROP INDEX IF EXISTS samples_ts;",
    /* 6: one row per device and instant with its readings packed in a
     * JSON object: {"ac_power_w": 1234.5, "state": 4} and, for a reading
     * whose quality is not ok, [value, quality]. One B-tree insert per
     * message instead of two per metric, a quarter of the size. The view
     * keeps the one-row-per-reading shape for people and tools. */
    "CREATE TABLE readings(device_id TEXT NOT NULL, ts_ms INTEGER NOT NULL,"
    " data TEXT NOT NULL);"
    "CREATE UNIQUE INDEX readings_dev_ts ON readings(device_id, ts_ms);"
    "INSERT INTO readings SELECT device_id, ts_ms, json_group_object(metric,"
    " CASE WHEN quality = 0 AND value IS NOT NULL THEN value ELSE"
    " json_array(value, quality) END) FROM samples GROUP BY device_id,"
    " ts_ms;"
    "DROP TABLE samples;"
    "CREATE VIEW samples(device_id, metric, ts_ms, value, quality) AS"
    " SELECT r.device_id, j.key, r.ts_ms, CASE j.type WHEN 'array' THEN"
    " j.value ->> 0 ELSE j.value END, CASE j.type WHEN 'array' THEN"
    " j.value ->> 1 ELSE 0 END FROM readings r, json_each(r.data) j;",
    /* 7: production rollups per device, site-local hour and day, kept up
     * to date by the engine as readings arrive (store_rollup.c) */
    "CREATE TABLE IF NOT EXISTS rollup_hour(device_id TEXT NOT NULL,"
    " ts_ms INTEGER NOT NULL, n INTEGER NOT NULL, sensor_n INTEGER NOT"
    " NULL, wh REAL NOT NULL, exp_wh REAL NOT NULL, peak_w REAL NOT NULL,"
    " PRIMARY KEY(device_id, ts_ms)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS rollup_day(device_id TEXT NOT NULL,"
    " ts_ms INTEGER NOT NULL, n INTEGER NOT NULL, sensor_n INTEGER NOT"
    " NULL, wh REAL NOT NULL, exp_wh REAL NOT NULL, peak_w REAL NOT NULL,"
    " PRIMARY KEY(device_id, ts_ms)) WITHOUT ROWID;",
    /* 8: the customer's name for a device ("garage roof") */
    "ALTER TABLE devices ADD COLUMN label TEXT;",
    /* 9: every field of the entity tables (entity.c) has its column: a
     * site's area, the people's working and quiet hours, skills and
     * channel, and the MQTT topic maps the API creates */
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
    " DEFAULT 'config', created_by TEXT, created_ms INTEGER);",
    /* 10: the clear sky per kWp the engine computes for each site, per
     * UTC hour and per site-local day (store_rollup.c) */
    "CREATE TABLE sky_hour(site_id TEXT NOT NULL, ts_ms INTEGER NOT NULL,"
    " wh REAL NOT NULL, PRIMARY KEY(site_id, ts_ms)) WITHOUT ROWID;"
    "CREATE TABLE sky_day(site_id TEXT NOT NULL, ts_ms INTEGER NOT NULL,"
    " wh REAL NOT NULL, PRIMARY KEY(site_id, ts_ms)) WITHOUT ROWID;",
    /* 11: each site's slot, as on PostgreSQL (cluster mode, which needs
     * PostgreSQL: here it is only carried by copy-store) */
    "ALTER TABLE sites ADD COLUMN slot INTEGER;",
    /* 12: the columns of PostgreSQL's shared outbox (who claimed a
     * message, until when), so that copy-store carries them both ways;
     * one process alone never claims */
    "ALTER TABLE outbox ADD COLUMN claimed_by TEXT;"
    "ALTER TABLE outbox ADD COLUMN claim_until_ms INTEGER;",
    /* 13: one open ticket per fingerprint, the backstop against two
     * writers that both saw none (as on PostgreSQL); duplicates from
     * before are merged into the first one */
    "CREATE TEMP TABLE dup_tickets AS SELECT id, first,"
    " CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) AS now_ms"
    " FROM (SELECT id, min(id) OVER (PARTITION BY fingerprint) AS first"
    " FROM tickets WHERE status NOT IN ('resolved', 'closed',"
    " 'false_alarm', 'merged')) WHERE id <> first;"
    "INSERT INTO ticket_events(ticket_id, ts_ms, kind, actor, text)"
    " SELECT id, now_ms, 'merged', 'pvsentry', 'a duplicate of ticket #'"
    " || first || ', merged into it' FROM dup_tickets;"
    "UPDATE tickets SET status = 'merged', closed_ms = (SELECT now_ms FROM"
    " dup_tickets d WHERE d.id = tickets.id) WHERE id IN (SELECT id FROM"
    " dup_tickets);"
    "DROP TABLE dup_tickets;"
    "CREATE UNIQUE INDEX tickets_open_fp ON tickets(fingerprint) WHERE"
    " status NOT IN ('resolved', 'closed', 'false_alarm', 'merged');",
};

#define SCHEMA_VERSION ((int)PVS_ARRAY_LEN(migrations))

const char *pvs_sqlite_errmsg(struct pvs_store_be *st) {
    return st && st->db ? sqlite3_errmsg(st->db) : "no database";
}

static enum pvs_err fail(struct pvs_store_be *st, const char *what) {
    pvs_error("%s failed on '%s': %s", what, st->path, sqlite3_errmsg(st->db));
    return store_err(st->db);
}

static enum pvs_err exec(struct pvs_store_be *st, const char *sql) {
    char *err = NULL;

    if (sqlite3_exec(st->db, sql, NULL, NULL, &err) != SQLITE_OK) {
        pvs_error("cannot run sql on '%s': %s", st->path,
                  err ? err : sqlite3_errmsg(st->db));
        sqlite3_free(err);
        return PVS_ERR_DB;
    }
    return PVS_OK;
}

static int user_version(struct pvs_store_be *st) {
    sqlite3_stmt *s;
    int v = -1;

    if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) !=
        SQLITE_OK)
        return -1;
    if (sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return v;
}

int pvs_sqlite_version(struct pvs_store_be *st) {
    return user_version(st);
}

void store_private_file(const char *path) {
    static const char *const sides[] = {"", "-wal", "-shm", "-journal"};
    char side[4096];
    struct stat sb;
    int fd;

    if (!*path || !strcmp(path, ":memory:") || !strncmp(path, "file:", 5) ||
        strlen(path) + 10 >= sizeof(side))
        return;
    for (size_t i = 0; i < PVS_ARRAY_LEN(sides); i++) {
        pvs_snprintf(side, sizeof(side), "%s%s", path, sides[i]);
        fd = open(side, O_RDWR | O_CLOEXEC | (i ? 0 : O_CREAT), 0600);
        if (fd < 0)
            continue; /* SQLite says why, if it matters */
        if (!fstat(fd, &sb) && S_ISREG(sb.st_mode) && (sb.st_mode & 0137))
            if (fchmod(fd, sb.st_mode & 0640))
                pvs_warn("cannot restrict the mode of '%s'", side);
        close(fd);
    }
}

/* Copy the database aside before changing its schema. */
static enum pvs_err backup_before_migration(struct pvs_store_be *st, int from) {
    char *dst_path = pvs_asprintf("%s.bak-v%d", st->path, from);
    sqlite3 *dst = NULL;
    sqlite3_backup *b;
    enum pvs_err rc = PVS_ERR_DB;

    store_private_file(dst_path);
    if (sqlite3_open(dst_path, &dst) != SQLITE_OK)
        goto out;
    b = sqlite3_backup_init(dst, "main", st->db, "main");
    if (!b)
        goto out;
    sqlite3_backup_step(b, -1);
    if (sqlite3_backup_finish(b) == SQLITE_OK) {
        pvs_info("copied '%s' to '%s' before migrating from schema %d",
                 st->path, dst_path, from);
        rc = PVS_OK;
    }
out:
    if (rc)
        pvs_error("cannot copy '%s' to '%s' before migration: %s", st->path,
                  dst_path, dst ? sqlite3_errmsg(dst) : "open failed");
    sqlite3_close(dst);
    pvs_free(dst_path);
    return rc;
}

static enum pvs_err migrate(struct pvs_store_be *st) {
    int v = user_version(st);
    enum pvs_err rc;

    if (v < 0)
        return fail(st, "reading the schema version");
    if (v > SCHEMA_VERSION) {
        pvs_error("'%s' has schema %d, newer than this pvsentry (%d)", st->path,
                  v, SCHEMA_VERSION);
        return PVS_ERR_DB;
    }
    if (v == SCHEMA_VERSION)
        return PVS_OK;
    if (v > 0) {
        rc = backup_before_migration(st, v);
        if (rc)
            return rc;
    }
    for (; v < SCHEMA_VERSION; v++) {
        char pragma[64];

        rc = exec(st, "BEGIN IMMEDIATE");
        if (rc)
            return rc;
        rc = exec(st, migrations[v]);
        if (!rc) {
            pvs_snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d",
                         v + 1);
            rc = exec(st, pragma);
        }
        if (rc) {
            exec(st, "ROLLBACK");
            return rc;
        }
        rc = exec(st, "COMMIT");
        if (rc)
            return rc;
        pvs_info("migrated '%s' to schema %d", st->path, v + 1);
    }
    return PVS_OK;
}

/*
 * pvs_ticket_active(status) and pvs_family_is_cause(family) for the
 * queries: the business rules stay written once, in the model, and NULL
 * in gives NULL out as the IN lists they replace did.
 */
static void sql_ticket_active(sqlite3_context *ctx, int argc,
                              sqlite3_value **argv) {
    const unsigned char *v = sqlite3_value_text(argv[0]);

    (void)argc;
    if (v)
        sqlite3_result_int(ctx, pvs_ticket_is_active((const char *)v));
    else
        sqlite3_result_null(ctx);
}

static void sql_family_is_cause(sqlite3_context *ctx, int argc,
                                sqlite3_value **argv) {
    const unsigned char *v = sqlite3_value_text(argv[0]);

    (void)argc;
    if (v)
        sqlite3_result_int(ctx, pvs_alert_family_is_cause((const char *)v));
    else
        sqlite3_result_null(ctx);
}

static enum pvs_err model_functions(struct pvs_store_be *st) {
    static const struct {
        const char *name;
        void (*fn)(sqlite3_context *, int, sqlite3_value **);
    } fns[] = {
        {"pvs_ticket_active", sql_ticket_active},
        {"pvs_family_is_cause", sql_family_is_cause},
    };

    for (size_t i = 0; i < PVS_ARRAY_LEN(fns); i++)
        if (sqlite3_create_function_v2(
                st->db, fns[i].name, 1,
                SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                fns[i].fn, NULL, NULL, NULL) != SQLITE_OK)
            return fail(st, "registering a query function");
    return PVS_OK;
}

enum pvs_err pvs_sqlite_open(const char *path, unsigned flags,
                             struct pvs_store_be **ret) {
    struct pvs_store_be *st = pvs_calloc(1, sizeof(*st));
    int oflags;
    enum pvs_err rc = PVS_OK;

    st->path = pvs_strdup(path);
    st->readonly = flags & PVS_STORE_READONLY;
    oflags = st->readonly ? SQLITE_OPEN_READONLY
                          : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    oflags |= SQLITE_OPEN_NOMUTEX;
    if (!st->readonly)
        store_private_file(path);
    if (sqlite3_open_v2(path, &st->db, oflags, NULL) != SQLITE_OK) {
        pvs_error("cannot open database '%s': %s", path,
                  st->db ? sqlite3_errmsg(st->db) : "out of memory");
        rc = PVS_ERR_DB;
        goto out;
    }
    sqlite3_busy_timeout(st->db, 5000);
    sqlite3_extended_result_codes(st->db, 1);
    rc = model_functions(st);
    if (rc)
        goto out;
    if (!st->readonly) {
        rc = exec(st, "PRAGMA journal_mode = WAL");
        if (!rc)
            rc = exec(st, "PRAGMA synchronous = NORMAL");
        if (!rc)
            rc = exec(st, "PRAGMA foreign_keys = ON");
        if (!rc)
            rc = migrate(st);
        if (rc)
            goto out;
    } else if (user_version(st) != SCHEMA_VERSION) {
        pvs_error("database '%s' has schema %d, expected %d (has pvsentry "
                  "run on it yet?)",
                  path, user_version(st), SCHEMA_VERSION);
        rc = PVS_ERR_DB;
        goto out;
    }
out:
    if (rc) {
        pvs_sqlite_close(st);
        st = NULL;
    } else {
        *ret = st;
    }
    return rc;
}

void pvs_sqlite_close(struct pvs_store_be *st) {
    if (!st)
        return;
    for (int i = 0; i < PVS_STORE_STMTS; i++)
        sqlite3_finalize(st->stmt[i]);
    sqlite3_close(st->db);
    pvs_free(st->path);
    pvs_free(st);
}

/* The prepared statement, reset and with bindings cleared. */
static sqlite3_stmt *stmt(struct pvs_store_be *st, enum stmt_id id) {
    if (!st->stmt[id]) {
        if (sqlite3_prepare_v3(st->db, stmt_sql[id], -1,
                               SQLITE_PREPARE_PERSISTENT, &st->stmt[id],
                               NULL) != SQLITE_OK) {
            pvs_error("cannot prepare statement %d: %s", (int)id,
                      sqlite3_errmsg(st->db));
            return NULL;
        }
    }
    sqlite3_reset(st->stmt[id]);
    sqlite3_clear_bindings(st->stmt[id]);
    return st->stmt[id];
}

static void bind_double(sqlite3_stmt *s, int i, double v) {
    if (isfinite(v))
        sqlite3_bind_double(s, i, v);
    else
        sqlite3_bind_null(s, i);
}

static enum pvs_err step_done(struct pvs_store_be *st, sqlite3_stmt *s,
                              const char *what) {
    int r = sqlite3_step(s);

    sqlite3_reset(s);
    if (r != SQLITE_DONE)
        return fail(st, what);
    return PVS_OK;
}

enum pvs_err pvs_sqlite_begin(struct pvs_store_be *st) {
    return exec(st, "BEGIN IMMEDIATE");
}

enum pvs_err pvs_sqlite_commit(struct pvs_store_be *st) {
    return exec(st, "COMMIT");
}

void pvs_sqlite_rollback(struct pvs_store_be *st) {
    if (!sqlite3_get_autocommit(st->db))
        exec(st, "ROLLBACK");
}

/*
 * Metric names by (metric, MPPT input), formatted once: formatting them
 * for every sample cost about 7% of the sample insert path.
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

/* One row's JSON object being built; flushed when full, the upsert joins
 * the pieces. A key and value take at most ROW_ITEM_MAX bytes. */
#define ROW_ITEM_MAX (48 + 2 * PVS_NUM_MAX + 8)
struct row {
    char text[4096];
    size_t len;
    uint8_t seen[NAME_SLOTS];
};

static enum pvs_err row_flush(struct pvs_store_be *st, sqlite3_stmt *s,
                              const char *dev, int64_t ts, struct row *row) {
    int r;

    if (!row->len)
        return PVS_OK;
    row->text[row->len++] = '}';
    sqlite3_bind_text(s, 1, dev, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, ts);
    sqlite3_bind_text(s, 3, row->text, (int)row->len, SQLITE_STATIC);
    r = sqlite3_step(s);
    sqlite3_reset(s);
    row->len = 0;
    return r == SQLITE_DONE ? PVS_OK : fail(st, "storing samples");
}

static void row_add(struct row *row, unsigned slot,
                    const struct pvs_sample *x) {
    char *p = row->text + row->len;
    const char *name = metric_names[slot];
    size_t n = strlen(name);
    bool plain = x->quality == PVS_Q_OK && isfinite(x->value);

    *p++ = row->len ? ',' : '{';
    *p++ = '"';
    memcpy(p, name, n);
    p += n;
    *p++ = '"';
    *p++ = ':';
    if (!plain)
        *p++ = '[';
    if (isfinite(x->value)) {
        p += pvs_fmt_num(p, x->value);
    } else {
        memcpy(p, "null", 4);
        p += 4;
    }
    if (!plain)
        p += pvs_snprintf(p, 8, ",%u]", (unsigned)x->quality);
    row->len = (size_t)(p - row->text);
}

enum pvs_err pvs_sqlite_add_samples(struct pvs_store_be *st,
                                    const struct pvs_config *cfg,
                                    const struct pvs_sample *smp, size_t n) {
    sqlite3_stmt *s = stmt(st, S_SAMPLE);
    struct row row;
    size_t i = 0;

    if (!s)
        return PVS_ERR_DB;
    pthread_once(&names_once, names_init);
    /* Consecutive samples of one device and instant make one row. */
    while (i < n) {
        uint32_t dev = smp[i].dev;
        int64_t ts = smp[i].ts_ms;
        const char *id;
        enum pvs_err rc;

        PVS_ASSERT(dev < cfg->ndevices);
        id = cfg->devices[dev]->obj.id;
        row.len = 0;
        memset(row.seen, 0, sizeof(row.seen));
        for (; i < n && smp[i].dev == dev && smp[i].ts_ms == ts; i++) {
            const struct pvs_sample *x = &smp[i];
            unsigned slot = x->metric * (PVS_MPPT_MAX + 1) + x->idx;

            /* Outside the vocabulary: nothing a reader could name. */
            if (x->metric >= PVS_M__COUNT || x->idx > PVS_MPPT_MAX)
                continue;
            if (row.seen[slot]++) /* the same metric twice: keep the first */
                continue;
            if (row.len + ROW_ITEM_MAX >= sizeof(row.text)) {
                rc = row_flush(st, s, id, ts, &row);
                if (rc)
                    return rc;
            }
            row_add(&row, slot, x);
        }
        rc = row_flush(st, s, id, ts, &row);
        if (rc)
            return rc;
    }
    return PVS_OK;
}

enum pvs_err pvs_sqlite_prune_samples(struct pvs_store_be *st,
                                      int64_t before_ms, int64_t *ret_deleted) {
    sqlite3_stmt *devs = NULL, *del = NULL;
    int64_t gone = 0;
    enum pvs_err rc = PVS_OK;
    int r;

    /* Per device, along the primary key: no scan of the whole table. */
    if (sqlite3_prepare_v2(st->db, "SELECT DISTINCT device_id FROM readings",
                           -1, &devs, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(st->db,
                           "DELETE FROM readings WHERE device_id = ? AND"
                           " ts_ms < ?",
                           -1, &del, NULL) != SQLITE_OK) {
        rc = fail(st, "pruning samples");
        goto out;
    }
    while ((r = sqlite3_step(devs)) == SQLITE_ROW) {
        sqlite3_reset(del);
        sqlite3_bind_value(del, 1, sqlite3_column_value(devs, 0));
        sqlite3_bind_int64(del, 2, before_ms);
        if (sqlite3_step(del) != SQLITE_DONE) {
            rc = fail(st, "pruning samples");
            goto out;
        }
        gone += sqlite3_changes(st->db);
    }
    if (r != SQLITE_DONE)
        rc = fail(st, "pruning samples");
out:
    sqlite3_finalize(devs);
    sqlite3_finalize(del);
    if (!rc && ret_deleted)
        *ret_deleted = gone;
    return rc;
}

enum pvs_err pvs_sqlite_device_info(struct pvs_store_be *st, const char *device,
                                    const char *serial,
                                    const char *manufacturer, const char *model,
                                    int64_t ts_ms, bool *ret_replaced) {
    sqlite3_stmt *s = stmt(st, S_DEV_GET);
    char *old = NULL;
    bool replaced = false;
    enum pvs_err rc;

    if (!s)
        return PVS_ERR_DB;
    store_bind_text(s, 1, device);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        old = pvs_strdup((const char *)sqlite3_column_text(s, 0));
    sqlite3_reset(s);
    if (old && serial && *serial && strcmp(old, serial)) {
        replaced = true;
        s = stmt(st, S_REPLACE);
        store_bind_text(s, 1, device);
        sqlite3_bind_int64(s, 2, ts_ms);
        store_bind_text(s, 3, old);
        store_bind_text(s, 4, serial);
        rc = step_done(st, s, "recording a device replacement");
        if (rc)
            goto out;
    }
    s = stmt(st, S_DEV_UPD);
    store_bind_text(s, 1, serial && *serial ? serial : old);
    store_bind_text(s, 2, manufacturer);
    store_bind_text(s, 3, model);
    sqlite3_bind_int64(s, 4, ts_ms);
    store_bind_text(s, 5, device);
    rc = step_done(st, s, "recording device information");
out:
    pvs_free(old);
    if (!rc && ret_replaced)
        *ret_replaced = replaced;
    return rc;
}

static enum pvs_err alert_update(struct pvs_store_be *st,
                                 const struct pvs_alert_event *ev) {
    sqlite3_stmt *s = stmt(st, S_ALERT_UPD);

    if (!s)
        return PVS_ERR_DB;
    store_bind_text(s, 1, pvs_severity_name(ev->severity));
    bind_double(s, 2, ev->measured);
    bind_double(s, 3, ev->expected);
    bind_double(s, 4, ev->lost_kwh);
    bind_double(s, 5, ev->lost_kwh_per_day);
    store_bind_text(s, 6, ev->evidence);
    store_bind_text(s, 7, ev->fingerprint);
    return step_done(st, s, "updating an alert");
}

enum pvs_err pvs_sqlite_add_alert(struct pvs_store_be *st,
                                  const struct pvs_alert_event *ev) {
    sqlite3_stmt *s;

    if (ev->state == PVS_ALERT_UPDATE)
        return alert_update(st, ev);
    s = stmt(st, S_ALERT);
    if (!s)
        return PVS_ERR_DB;
    store_bind_text(s, 1, ev->fingerprint);
    store_bind_text(s, 2, ev->rule_id);
    store_bind_text(s, 3, ev->family);
    store_bind_text(s, 4, ev->site ? ev->site->obj.id : NULL);
    store_bind_text(s, 5, ev->device ? ev->device->obj.id : NULL);
    store_bind_text(s, 6, ev->subject);
    store_bind_text(s, 7, pvs_alert_state_name(ev->state));
    store_bind_text(s, 8, pvs_severity_name(ev->severity));
    sqlite3_bind_int64(s, 9, ev->started_ms);
    sqlite3_bind_int64(s, 10, ev->ts_ms);
    bind_double(s, 11, ev->measured);
    bind_double(s, 12, ev->expected);
    bind_double(s, 13, ev->lost_kwh);
    bind_double(s, 14, ev->lost_kwh_per_day);
    store_bind_text(s, 15, ev->evidence);
    store_bind_text(s, 16, ev->explanation);
    store_bind_text(s, 17, ev->kb);
    sqlite3_bind_int(s, 18, ev->silenced);
    return step_done(st, s, "storing an alert");
}

static const char *col_text(sqlite3_stmt *s, int i) {
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? (const char *)t : "";
}

static char *col_dup(sqlite3_stmt *s, int i) {
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? pvs_strdup((const char *)t) : NULL;
}

enum pvs_err pvs_sqlite_firing_alerts(struct pvs_store_be *st,
                                      const struct pvs_config *cfg,
                                      pvs_store_alert_fn *fn, void *ud) {
    static const char sql[] =
        "SELECT a.fingerprint, a.rule, a.family, a.site_id, a.device_id,"
        " a.subject, a.severity, a.started_ms, a.lost_kwh, a.evidence,"
        " a.explanation, a.ts_ms, a.lost_kwh_per_day FROM alerts a JOIN "
        "(SELECT fingerprint, MAX(id) AS"
        " id FROM alerts GROUP BY fingerprint) l ON a.id = l.id WHERE"
        " a.state = 'firing'";
    sqlite3_stmt *s;
    int r;

    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return fail(st, "loading firing alerts");
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        struct pvs_alert_event ev;
        int sev;

        memset(&ev, 0, sizeof(ev));
        pvs_strlcpy(ev.fingerprint, col_text(s, 0), sizeof(ev.fingerprint));
        ev.rule_id = col_text(s, 1);
        ev.family = col_text(s, 2);
        ev.site = pvs_config_site(cfg, col_text(s, 3));
        ev.device = pvs_config_device(cfg, col_text(s, 4));
        pvs_strlcpy(ev.subject, col_text(s, 5), sizeof(ev.subject));
        sev = pvs_severity_parse(col_text(s, 6));
        ev.severity = sev < 0 ? PVS_SEV_WARNING : (enum pvs_severity)sev;
        ev.state = PVS_ALERT_FIRING;
        ev.started_ms = sqlite3_column_int64(s, 7);
        ev.lost_kwh = sqlite3_column_double(s, 8);
        pvs_strlcpy(ev.evidence, col_text(s, 9), sizeof(ev.evidence));
        pvs_strlcpy(ev.explanation, col_text(s, 10), sizeof(ev.explanation));
        ev.ts_ms = sqlite3_column_int64(s, 11);
        ev.lost_kwh_per_day = sqlite3_column_double(s, 12);
        fn(ud, &ev);
    }
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : fail(st, "loading firing alerts");
}

enum pvs_err pvs_sqlite_learnt_put(struct pvs_store_be *st, const char *rule,
                                   const char *device, const char *text) {
    char key[PVS_FP_MAX];

    pvs_snprintf(key, sizeof(key), "learnt/%s/%s", rule, device);
    return pvs_sqlite_meta_set(st, key, text);
}

enum pvs_err pvs_sqlite_learnt_each(struct pvs_store_be *st,
                                    pvs_store_learnt_fn *fn, void *ud) {
    static const char sql[] =
        "SELECT key, value FROM meta WHERE key LIKE 'learnt/%'";
    sqlite3_stmt *s;
    int r;

    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return fail(st, "loading what the rules learnt");
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        char key[PVS_FP_MAX], *dev;

        pvs_strlcpy(key, col_text(s, 0) + 7, sizeof(key));
        dev = strchr(key, '/');
        if (!dev)
            continue;
        *dev++ = '\0';
        fn(ud, key, dev, col_text(s, 1));
    }
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK
                            : fail(st, "loading what the rules learnt");
}

/* Step s (bound) and read one ticket row. */
static enum pvs_err read_ticket(struct pvs_store_be *st, sqlite3_stmt *s,
                                struct pvs_ticket *ret) {
    int r = sqlite3_step(s);

    if (r == SQLITE_DONE) {
        sqlite3_reset(s);
        return PVS_ERR_NOTFOUND;
    }
    if (r != SQLITE_ROW) {
        sqlite3_reset(s);
        return fail(st, "reading a ticket");
    }
    memset(ret, 0, sizeof(*ret));
    ret->id = sqlite3_column_int64(s, 0);
    ret->fingerprint = col_dup(s, 1);
    ret->status = col_dup(s, 2);
    ret->site = col_dup(s, 3);
    ret->device = col_dup(s, 4);
    ret->rule = col_dup(s, 5);
    ret->family = col_dup(s, 6);
    ret->subject = col_dup(s, 7);
    ret->severity = col_dup(s, 8);
    ret->title = col_dup(s, 9);
    ret->assignee = col_dup(s, 10);
    ret->opened_ms = sqlite3_column_int64(s, 11);
    ret->updated_ms = sqlite3_column_int64(s, 12);
    ret->resolved_ms = sqlite3_column_int64(s, 13);
    ret->closed_ms = sqlite3_column_int64(s, 14);
    ret->customer_notified = sqlite3_column_int(s, 15);
    ret->lost_kwh = sqlite3_column_double(s, 16);
    sqlite3_reset(s);
    return PVS_OK;
}

enum pvs_err pvs_sqlite_ticket_by_fp(struct pvs_store_be *st, const char *fp,
                                     struct pvs_ticket *ret) {
    sqlite3_stmt *s = stmt(st, S_TICKET_BY_FP);

    if (!s)
        return PVS_ERR_DB;
    store_bind_text(s, 1, fp);
    return read_ticket(st, s, ret);
}

enum pvs_err pvs_sqlite_ticket_get(struct pvs_store_be *st, int64_t id,
                                   struct pvs_ticket *ret) {
    sqlite3_stmt *s = stmt(st, S_TICKET_BY_ID);

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    return read_ticket(st, s, ret);
}

enum pvs_err pvs_sqlite_ticket_create(struct pvs_store_be *st,
                                      struct pvs_ticket *t) {
    sqlite3_stmt *s = stmt(st, S_TICKET_INS);
    enum pvs_err rc;

    if (!s)
        return PVS_ERR_DB;
    store_bind_text(s, 1, t->fingerprint);
    store_bind_text(s, 2, t->status);
    store_bind_text(s, 3, t->site);
    store_bind_text(s, 4, t->device);
    store_bind_text(s, 5, t->rule);
    store_bind_text(s, 6, t->family);
    store_bind_text(s, 7, t->subject);
    store_bind_text(s, 8, t->severity);
    store_bind_text(s, 9, t->title);
    store_bind_text(s, 10, t->assignee);
    store_bind_ms(s, 11, t->opened_ms);
    store_bind_ms(s, 12, t->updated_ms);
    store_bind_ms(s, 13, t->resolved_ms);
    store_bind_ms(s, 14, t->closed_ms);
    sqlite3_bind_int(s, 15, t->customer_notified);
    bind_double(s, 16, t->lost_kwh);
    rc = step_done(st, s, "creating a ticket");
    /* Another open ticket has the fingerprint: nothing changed. */
    if (!rc && !sqlite3_changes(st->db))
        return PVS_ERR_EXISTS;
    if (!rc)
        t->id = sqlite3_last_insert_rowid(st->db);
    return rc;
}

enum pvs_err pvs_sqlite_ticket_update(struct pvs_store_be *st,
                                      const struct pvs_ticket *t) {
    sqlite3_stmt *s = stmt(st, S_TICKET_UPD);

    if (!s)
        return PVS_ERR_DB;
    store_bind_text(s, 1, t->status);
    store_bind_text(s, 2, t->severity);
    store_bind_text(s, 3, t->title);
    store_bind_text(s, 4, t->assignee);
    store_bind_ms(s, 5, t->updated_ms);
    store_bind_ms(s, 6, t->resolved_ms);
    store_bind_ms(s, 7, t->closed_ms);
    sqlite3_bind_int(s, 8, t->customer_notified);
    bind_double(s, 9, t->lost_kwh);
    sqlite3_bind_int64(s, 10, t->id);
    return step_done(st, s, "updating a ticket");
}

enum pvs_err pvs_sqlite_ticket_event(struct pvs_store_be *st, int64_t ticket_id,
                                     int64_t ts_ms, const char *kind,
                                     const char *actor, const char *text) {
    sqlite3_stmt *s = stmt(st, S_EVENT);

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, ticket_id);
    sqlite3_bind_int64(s, 2, ts_ms);
    store_bind_text(s, 3, kind);
    store_bind_text(s, 4, actor);
    store_bind_text(s, 5, text);
    return step_done(st, s, "adding a ticket event");
}

void pvs_outbox_release(struct pvs_outbox *o) {
    PVS_FREE(o->channel);
    PVS_FREE(o->audience);
    PVS_FREE(o->kind);
    PVS_FREE(o->recipient);
    PVS_FREE(o->subject);
    PVS_FREE(o->body);
    PVS_FREE(o->message_id);
    PVS_FREE(o->status);
}

enum pvs_err pvs_sqlite_outbox_add(struct pvs_store_be *st,
                                   struct pvs_outbox *o) {
    sqlite3_stmt *s = stmt(st, S_OUTBOX_INS);
    enum pvs_err rc;

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, o->ticket_id);
    store_bind_text(s, 2, o->channel);
    store_bind_text(s, 3, o->audience);
    store_bind_text(s, 4, o->kind);
    store_bind_text(s, 5, o->recipient);
    store_bind_text(s, 6, o->subject);
    store_bind_text(s, 7, o->body);
    store_bind_text(s, 8, o->message_id);
    sqlite3_bind_int64(s, 9, o->created_ms);
    sqlite3_bind_int64(s, 10, o->next_attempt_ms);
    rc = step_done(st, s, "queueing a message");
    if (!rc)
        o->id = sqlite3_last_insert_rowid(st->db);
    return rc;
}

enum pvs_err pvs_sqlite_outbox_get(struct pvs_store_be *st, int64_t id,
                                   struct pvs_outbox *ret) {
    sqlite3_stmt *s = stmt(st, S_OUTBOX_GET);
    int r;

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    r = sqlite3_step(s);
    if (r != SQLITE_ROW) {
        sqlite3_reset(s);
        return r == SQLITE_DONE ? PVS_ERR_NOTFOUND
                                : fail(st, "reading a message");
    }
    memset(ret, 0, sizeof(*ret));
    ret->id = sqlite3_column_int64(s, 0);
    ret->ticket_id = sqlite3_column_int64(s, 1);
    ret->channel = col_dup(s, 2);
    ret->audience = col_dup(s, 3);
    ret->kind = col_dup(s, 4);
    ret->recipient = col_dup(s, 5);
    ret->subject = col_dup(s, 6);
    ret->body = col_dup(s, 7);
    ret->message_id = col_dup(s, 8);
    ret->status = col_dup(s, 9);
    ret->attempts = sqlite3_column_int64(s, 10);
    ret->created_ms = sqlite3_column_int64(s, 11);
    ret->next_attempt_ms = sqlite3_column_int64(s, 12);
    sqlite3_reset(s);
    return PVS_OK;
}

enum pvs_err store_ids(struct pvs_store_be *st, sqlite3_stmt *s,
                       const char *what, int64_t **ret_ids, size_t *ret_n) {
    int64_t *v = NULL;
    size_t n = 0, cap = 0;
    int r;

    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            v = pvs_realloc(v, cap * sizeof(*v));
        }
        v[n++] = sqlite3_column_int64(s, 0);
    }
    sqlite3_finalize(s);
    if (r != SQLITE_DONE) {
        pvs_free(v);
        return fail(st, what);
    }
    *ret_ids = v;
    *ret_n = n;
    return PVS_OK;
}

enum pvs_err pvs_sqlite_outbox_pending(struct pvs_store_be *st,
                                       int64_t **ret_ids, size_t *ret_n) {
    sqlite3_stmt *s;

    if (sqlite3_prepare_v2(st->db,
                           "SELECT id FROM outbox WHERE status = 'pending' "
                           "ORDER BY id",
                           -1, &s, NULL) != SQLITE_OK)
        return fail(st, "listing pending messages");
    return store_ids(st, s, "listing pending messages", ret_ids, ret_n);
}

enum pvs_err pvs_sqlite_outbox_attempt(struct pvs_store_be *st, int64_t id,
                                       int64_t ts_ms, bool ok,
                                       const char *error,
                                       const char *new_status) {
    sqlite3_stmt *s = stmt(st, S_ATTEMPT);
    enum pvs_err rc;

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_int64(s, 2, ts_ms);
    sqlite3_bind_int(s, 3, ok);
    store_bind_text(s, 4, ok ? NULL : error);
    rc = step_done(st, s, "recording a delivery attempt");
    if (rc)
        return rc;
    s = stmt(st, S_OUTBOX_UPD);
    store_bind_text(s, 1, new_status);
    store_bind_text(s, 2, ok ? NULL : error);
    sqlite3_bind_int(s, 3, ok);
    sqlite3_bind_int64(s, 4, ts_ms);
    sqlite3_bind_int64(s, 5, id);
    return step_done(st, s, "updating a message");
}

enum pvs_err pvs_sqlite_count(struct pvs_store_be *st, const char *table,
                              int64_t *ret) {
    static const char *const tables[] = {
        "samples",       "alerts", "tickets",
        "ticket_events", "outbox", "delivery_attempts",
        "devices",       "sites",  "device_replacements",
    };
    char sql[96];
    sqlite3_stmt *s;
    bool known = false;
    enum pvs_err rc = PVS_OK;

    for (size_t i = 0; i < PVS_ARRAY_LEN(tables); i++)
        known = known || !strcmp(tables[i], table);
    PVS_ASSERT(known);
    pvs_snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM %s", table);
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return fail(st, "counting rows");
    if (sqlite3_step(s) == SQLITE_ROW)
        *ret = sqlite3_column_int64(s, 0);
    else
        rc = fail(st, "counting rows");
    sqlite3_finalize(s);
    return rc;
}

enum pvs_err pvs_sqlite_check(struct pvs_store_be *st) {
    sqlite3_stmt *s;
    enum pvs_err rc = PVS_ERR_DB;

    if (sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &s, NULL) !=
        SQLITE_OK)
        return fail(st, "checking integrity");
    if (sqlite3_step(s) == SQLITE_ROW && !strcmp(col_text(s, 0), "ok"))
        rc = PVS_OK;
    sqlite3_finalize(s);
    return rc;
}
