/* SPDX-License-Identifier: MIT */
/*
 * test_store.c - the SQLite store: schema and migrations, samples,
 * tickets, outbox and attempts, restoring firing alerts, read-only
 * handles, the JSON listing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <math.h>
#include <sqlite3.h>
#include <cjson/cJSON.h>

#include "pvs/cli.h"
#include "pvs/store.h"
#include "pvs/store_outbox.h"

static char dir[64];
static char dbpath[128];
static struct pvs_config *cfg;

static int setup(void **state) {
    char cpath[160];
    FILE *f;
    struct pvs_cfg_errors errs;

    (void)state;
    pvs_strlcpy(dir, "/tmp/pvs-store-XXXXXX", sizeof(dir));
    if (!mkdtemp(dir))
        return -1;
    pvs_snprintf(dbpath, sizeof(dbpath), "%s/t.db", dir);
    pvs_snprintf(cpath, sizeof(cpath), "%s/t.conf", dir);
    f = fopen(cpath, "w");
    fprintf(f,
            "[global]\ndatabase = %s\n[technician \"t1\"]\nname = T\n"
            "[site \"s1\"]\nlatitude = 45\nlongitude = 4\ntechnician = "
            "t1\n[device \"inv1\"]\nsite = s1\n",
            dbpath);
    fclose(f);
    memset(&errs, 0, sizeof(errs));
    return pvs_config_load(cpath, &cfg, &errs) ? -1 : 0;
}

static int teardown(void **state) {
    char cmd[160];

    (void)state;
    pvs_config_free(cfg);
    pvs_snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void count_restore(void *ud, const struct pvs_alert_event *ev) {
    int *n = ud;

    assert_string_equal(ev->fingerprint, "s1/inv1/fault_code/fault");
    assert_non_null(ev->device);
    (*n)++;
}

/* Three readings of inv1, then one of them again (kept once). */
static void add_samples(struct pvs_store *st) {
    struct pvs_sample s[3];

    memset(s, 0, sizeof(s));
    for (int i = 0; i < 3; i++) {
        s[i].dev = 0;
        s[i].metric = PVS_M_MPPT_POWER_W;
        s[i].idx = 2;
        s[i].ts_ms = 1000 + i;
        s[i].value = 100.0 * i;
    }
    assert_int_equal(pvs_store_add_samples(st, cfg, s, 3), PVS_OK);
    /* A redelivered reading (same device, metric and time) is kept once. */
    assert_int_equal(pvs_store_add_samples(st, cfg, s, 1), PVS_OK);
}

/* inv1's nameplate, then a new serial: one replacement. */
static void add_device_info(struct pvs_store *st) {
    bool replaced = true;

    assert_int_equal(
        pvs_store_device_info(st, "inv1", "SN1", "ACME", "X1", 5, &replaced),
        PVS_OK);
    assert_false(replaced);
    assert_int_equal(
        pvs_store_device_info(st, "inv1", "SN2", "ACME", "X1", 6, &replaced),
        PVS_OK);
    assert_true(replaced);
}

/* An assigned ticket with its "opened" event; t gets its id. */
static void add_ticket(struct pvs_store *st, struct pvs_ticket *t) {
    memset(t, 0, sizeof(*t));
    t->fingerprint = (char *)(uintptr_t) "s1/inv1/fault_code/fault";
    t->status = (char *)(uintptr_t) "assigned";
    t->site = (char *)(uintptr_t) "s1";
    t->title = (char *)(uintptr_t) "Inverter \"inv1\" fault";
    t->opened_ms = 1718956800000LL;
    t->updated_ms = t->opened_ms;
    assert_int_equal(pvs_store_ticket_create(st, t), PVS_OK);
    assert_true(t->id > 0);
    assert_int_equal(pvs_store_ticket_event(st, t->id, t->opened_ms, "opened",
                                            "pvsentry", "x"),
                     PVS_OK);
}

/* A technician mail for ticket_id; a second with its key is refused. */
static void add_outbox(struct pvs_store *st, int64_t ticket_id) {
    struct pvs_outbox o;

    memset(&o, 0, sizeof(o));
    o.ticket_id = ticket_id;
    o.channel = (char *)(uintptr_t) "email";
    o.audience = (char *)(uintptr_t) "technician";
    o.kind = (char *)(uintptr_t) "alert";
    o.recipient = (char *)(uintptr_t) "a@b.c";
    o.subject = (char *)(uintptr_t) "s";
    o.body = (char *)(uintptr_t) "body";
    o.message_id = (char *)(uintptr_t) "<m1@pvsentry>";
    o.created_ms = 7;
    assert_int_equal(pvs_store_outbox_add(st, &o), PVS_OK);
    /* The idempotency key is unique. */
    assert_int_equal(pvs_store_outbox_add(st, &o), PVS_ERR_EXISTS);
}

/* A firing fault_code alert on inv1. */
static void add_alert(struct pvs_store *st) {
    struct pvs_alert_event ev;

    memset(&ev, 0, sizeof(ev));
    pvs_strlcpy(ev.fingerprint, "s1/inv1/fault_code/fault",
                sizeof(ev.fingerprint));
    ev.rule_id = "fault_code";
    ev.family = "fault_code";
    ev.site = cfg->sites[0];
    ev.device = cfg->devices[0];
    ev.state = PVS_ALERT_FIRING;
    ev.started_ms = 1;
    ev.ts_ms = 2;
    assert_int_equal(pvs_store_add_alert(st, &ev), PVS_OK);
}

/* The pending mail fails once, then is sent: two attempts recorded. */
static void deliver_outbox(struct pvs_store *st) {
    struct pvs_outbox og;
    int64_t n, *ids = NULL;
    size_t nids = 0;

    assert_int_equal(pvs_store_outbox_pending(st, &ids, &nids), PVS_OK);
    assert_int_equal(nids, 1);
    assert_int_equal(
        pvs_store_outbox_attempt(st, ids[0], 8, false, "refused", "pending"),
        PVS_OK);
    assert_int_equal(
        pvs_store_outbox_attempt(st, ids[0], 9, true, NULL, "sent"), PVS_OK);
    assert_int_equal(pvs_store_outbox_get(st, ids[0], &og), PVS_OK);
    assert_string_equal(og.status, "sent");
    assert_int_equal(og.attempts, 2);
    assert_string_equal(og.message_id, "<m1@pvsentry>");
    pvs_outbox_release(&og);
    pvs_free(ids);
    assert_int_equal(pvs_store_count(st, "delivery_attempts", &n), PVS_OK);
    assert_int_equal(n, 2);
}

/*
 * The tickets' JSON listing (`pvsentry tickets --json`), read through ro,
 * carries all of the above; the table counts the sent message.
 */
static void check_tickets_json(struct pvs_store *ro) {
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    cJSON *arr, *t;

    assert_non_null(f);
    assert_int_equal(pvs_tickets_print(ro, 0, true, f), PVS_OK);
    fclose(f);
    assert_non_null(strstr(text, "\"title\": \"Inverter \\\"inv1\\\" "
                                 "fault\""));
    assert_non_null(strstr(text, "\"kind\": \"opened\""));
    assert_non_null(strstr(text, "\"status\": \"sent\""));
    arr = cJSON_Parse(text);
    assert_non_null(arr);
    assert_int_equal(cJSON_GetArraySize(arr), 1);
    t = cJSON_GetArrayItem(arr, 0);
    assert_int_equal(
        cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(t, "messages")), 1);
    assert_true(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(t, "opened")));
    cJSON_Delete(arr);
    free(text);
    text = NULL;
    f = open_memstream(&text, &size);
    assert_int_equal(pvs_tickets_print(ro, 0, false, f), PVS_OK);
    fclose(f);
    assert_non_null(strstr(text, "LAST EVENT"));
    assert_non_null(strstr(text, " 1 sent"));
    free(text);
}

static void test_roundtrip(void **state) {
    struct pvs_store *st = NULL, *ro = NULL;
    struct pvs_ticket t, got;
    int64_t n;
    int restored = 0;

    (void)state;
    assert_int_equal(pvs_store_open(dbpath, 0, &st), PVS_OK);
    assert_true(pvs_store_version(st) >= 1);
    assert_int_equal(pvs_store_sync_config(st, cfg), PVS_OK);
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    add_samples(st);
    add_device_info(st);
    add_ticket(st, &t);
    add_outbox(st, t.id);
    add_alert(st);
    assert_int_equal(pvs_store_commit(st), PVS_OK);

    /* A reader sees the committed rows. */
    assert_int_equal(pvs_store_open(dbpath, PVS_STORE_READONLY, &ro), PVS_OK);
    assert_int_equal(pvs_store_count(ro, "samples", &n), PVS_OK);
    assert_int_equal(n, 3);
    assert_int_equal(pvs_store_count(ro, "device_replacements", &n), PVS_OK);
    assert_int_equal(n, 1);

    assert_int_equal(
        pvs_store_ticket_by_fp(st, "s1/inv1/fault_code/fault", &got), PVS_OK);
    assert_int_equal(got.id, t.id);
    assert_string_equal(got.status, "assigned");
    pvs_ticket_release(&got);
    assert_int_equal(pvs_store_ticket_by_fp(st, "nope", &got),
                     PVS_ERR_NOTFOUND);

    deliver_outbox(st);
    assert_int_equal(pvs_store_firing_alerts(st, cfg, count_restore, &restored),
                     PVS_OK);
    assert_int_equal(restored, 1);
    check_tickets_json(ro);

    assert_int_equal(pvs_store_prune_samples(st, 1002, &n), PVS_OK);
    assert_int_equal(n, 2);
    assert_int_equal(pvs_store_check(st), PVS_OK);
    pvs_store_close(ro);
    pvs_store_close(st);

    /* Reopening an up-to-date database changes nothing. */
    assert_int_equal(pvs_store_open(dbpath, 0, &st), PVS_OK);
    assert_int_equal(pvs_store_count(st, "tickets", &n), PVS_OK);
    assert_int_equal(n, 1);
    pvs_store_close(st);
}

static void test_restore_and_readonly(void **state) {
    struct pvs_store *st = NULL;
    struct pvs_alert_event ev;
    int n = 0;

    (void)state;
    assert_int_equal(pvs_store_open(dbpath, 0, &st), PVS_OK);
    assert_int_equal(pvs_store_firing_alerts(st, cfg, count_restore, &n),
                     PVS_OK);
    assert_int_equal(n, 1);
    /* Resolved later: nothing to restore. */
    memset(&ev, 0, sizeof(ev));
    pvs_strlcpy(ev.fingerprint, "s1/inv1/fault_code/fault",
                sizeof(ev.fingerprint));
    ev.rule_id = "fault_code";
    ev.family = "fault_code";
    ev.state = PVS_ALERT_RESOLVED;
    assert_int_equal(pvs_store_add_alert(st, &ev), PVS_OK);
    n = 0;
    assert_int_equal(pvs_store_firing_alerts(st, cfg, count_restore, &n),
                     PVS_OK);
    assert_int_equal(n, 0);
    pvs_store_close(st);
    /* A read-only handle on a missing database fails cleanly. */
    assert_int_not_equal(
        pvs_store_open("/nonexistent/x.db", PVS_STORE_READONLY, &st), PVS_OK);
}

static void count_learnt(void *ud, const char *rule, const char *device,
                         const char *text) {
    int *n = ud;

    assert_string_equal(rule, "communication");
    assert_string_equal(device, "inv1");
    assert_string_equal(text, *n ? "second" : "env1 night=0 n=2 levels=1,2");
    (*n)++;
}

/* What the rules learnt: one line per rule and device, replaced. */
static void test_learnt(void **state) {
    struct pvs_store *st = NULL;
    int n = 0;

    (void)state;
    assert_int_equal(pvs_store_open(dbpath, 0, &st), PVS_OK);
    assert_int_equal(pvs_store_learnt_put(st, "communication", "inv1",
                                          "env1 night=0 n=2 levels=1,2"),
                     PVS_OK);
    assert_int_equal(pvs_store_learnt_each(st, count_learnt, &n), PVS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(
        pvs_store_learnt_put(st, "communication", "inv1", "second"), PVS_OK);
    assert_int_equal(pvs_store_learnt_each(st, count_learnt, &n), PVS_OK);
    assert_int_equal(n, 2);
    pvs_store_close(st);
}

static void test_newer_schema_refused(void **state) {
    struct pvs_store *st = NULL;
    char path[160], cmd[256];

    (void)state;
    pvs_snprintf(path, sizeof(path), "%s/future.db", dir);
    pvs_snprintf(cmd, sizeof(cmd),
                 "sqlite3 '%s' 'PRAGMA user_version = 99' 2>/dev/null", path);
    if (system(cmd) != 0)
        skip();
    assert_int_equal(pvs_store_open(path, 0, &st), PVS_ERR_DB);
}

/* An older database is copied aside, then migrated, keeping its rows. */
static void test_migration_takes_a_copy(void **state) {
    struct pvs_store *st = NULL;
    char path[160], bak[200], cmd[1536];
    int64_t n = 0;

    (void)state;
    pvs_snprintf(path, sizeof(path), "%s/old.db", dir);
    assert_int_equal(pvs_store_open(path, 0, &st), PVS_OK);
    pvs_store_close(st);
    /* Make it look like schema 3: one row per reading, not yet unique. */
    pvs_snprintf(cmd, sizeof(cmd),
                 "sqlite3 '%s' 'DROP VIEW samples; DROP TABLE readings; "
                 "DROP INDEX tickets_open_fp; "
                 "ALTER TABLE devices DROP COLUMN label; "
                 "ALTER TABLE sites DROP COLUMN area; "
                 "ALTER TABLE sites DROP COLUMN slot; "
                 "ALTER TABLE people DROP COLUMN skills; "
                 "ALTER TABLE people DROP COLUMN areas; "
                 "ALTER TABLE people DROP COLUMN hours; "
                 "ALTER TABLE people DROP COLUMN timezone; "
                 "ALTER TABLE people DROP COLUMN quiet_hours; "
                 "ALTER TABLE people DROP COLUMN channel; "
                 "ALTER TABLE people DROP COLUMN opt_out; "
                 "DROP TABLE mqtt_maps; DROP TABLE sky_hour; "
                 "DROP TABLE sky_day; "
                 "ALTER TABLE outbox DROP COLUMN claimed_by; "
                 "ALTER TABLE outbox DROP COLUMN claim_until_ms; "
                 "CREATE TABLE samples(device_id TEXT NOT NULL, metric TEXT "
                 "NOT NULL, ts_ms INTEGER NOT NULL, value REAL, quality "
                 "INTEGER NOT NULL DEFAULT 0); CREATE INDEX samples_dev_ts "
                 "ON samples(device_id, ts_ms); CREATE INDEX samples_ts ON "
                 "samples(ts_ms); INSERT INTO samples VALUES (\"d\", "
                 "\"ac_power_w\", 1, 5, 0); INSERT INTO samples VALUES "
                 "(\"d\", \"ac_power_w\", 1, 5, 0); INSERT INTO samples "
                 "VALUES (\"d\", \"dc_voltage_v\", 1, NULL, 1); INSERT INTO "
                 "samples VALUES (\"d\", \"state\", 2, 7, 0); PRAGMA "
                 "user_version = 3' 2>/dev/null",
                 path);
    if (system(cmd) != 0)
        skip();
    assert_int_equal(pvs_store_open(path, 0, &st), PVS_OK);
    assert_true(pvs_store_version(st) >= 6);
    /* The duplicate reading is gone, the others kept, packed by instant. */
    assert_int_equal(pvs_store_count(st, "samples", &n), PVS_OK);
    assert_int_equal(n, 3);
    pvs_store_close(st);
    {
        sqlite3 *db;
        sqlite3_stmt *q;

        assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
        assert_int_equal(sqlite3_prepare_v2(db,
                                            "SELECT group_concat(data, '|') "
                                            "FROM (SELECT data FROM readings "
                                            "ORDER BY ts_ms)",
                                            -1, &q, NULL),
                         SQLITE_OK);
        assert_int_equal(sqlite3_step(q), SQLITE_ROW);
        assert_string_equal(sqlite3_column_text(q, 0),
                            "{\"ac_power_w\":5.0,\"dc_voltage_v\":[null,1]}"
                            "|{\"state\":7.0}");
        sqlite3_finalize(q);
        sqlite3_close(db);
    }
    assert_int_equal(pvs_store_open(path, 0, &st), PVS_OK);
    pvs_store_close(st);
    pvs_snprintf(bak, sizeof(bak), "%s.bak-v3", path);
    assert_int_equal(access(bak, R_OK), 0);
    assert_int_equal(pvs_store_open(bak, PVS_STORE_READONLY, &st),
                     PVS_ERR_DB); /* the copy is the old schema, untouched */
}

static int64_t q_int(sqlite3 *db, const char *sql) {
    sqlite3_stmt *q;
    int64_t v = -1;

    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &q, NULL), SQLITE_OK);
    if (sqlite3_step(q) == SQLITE_ROW)
        v = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return v;
}

static double q_double(sqlite3 *db, const char *sql) {
    sqlite3_stmt *q;
    double v = -1;

    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &q, NULL), SQLITE_OK);
    if (sqlite3_step(q) == SQLITE_ROW)
        v = sqlite3_column_type(q, 0) == SQLITE_NULL
                ? NAN
                : sqlite3_column_double(q, 0);
    sqlite3_finalize(q);
    return v;
}

static struct pvs_sample smp(unsigned metric, unsigned idx, int64_t ts,
                             double v, unsigned quality) {
    struct pvs_sample x;

    memset(&x, 0, sizeof(x));
    x.metric = (uint16_t)metric;
    x.idx = (uint16_t)idx;
    x.ts_ms = ts;
    x.value = v;
    x.quality = (uint8_t)quality;
    return x;
}

/* A database that already holds two open tickets of one problem (from
 * before the unique index): the upgrade merges the later one into the
 * first, with a timeline line, and then the index holds. The index is the
 * newest migration: the test rewinds the schema by one. */
static void test_upgrade_merges_duplicate_tickets(void **state) {
    struct pvs_store *st = NULL;
    char path[160], cmd[512];
    sqlite3 *db;

    (void)state;
    pvs_snprintf(path, sizeof(path), "%s/dups.db", dir);
    assert_int_equal(pvs_store_open(path, 0, &st), PVS_OK);
    pvs_store_close(st);
    pvs_snprintf(cmd, sizeof(cmd),
                 "sqlite3 '%s' \"DROP INDEX tickets_open_fp; INSERT INTO "
                 "tickets(fingerprint, status, opened_ms) VALUES ('fp/a', "
                 "'open', 1), ('fp/a', 'assigned', 2), ('fp/a', 'closed', "
                 "3), ('fp/b', 'open', 4); PRAGMA user_version = 12\"",
                 path);
    if (system(cmd) != 0)
        skip();
    assert_int_equal(pvs_store_open(path, 0, &st), PVS_OK);
    pvs_store_close(st);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(q_int(db, "SELECT COUNT(*) FROM tickets WHERE status ="
                               " 'merged' AND id = 2"),
                     1);
    assert_int_equal(q_int(db, "SELECT COUNT(*) FROM tickets WHERE status IN"
                               " ('open', 'closed')"),
                     3);
    assert_int_equal(q_int(db, "SELECT COUNT(*) FROM ticket_events WHERE"
                               " ticket_id = 2 AND kind = 'merged' AND text"
                               " LIKE '%ticket #1,%'"),
                     1);
    assert_int_equal(q_int(db, "SELECT COUNT(*) FROM sqlite_master WHERE"
                               " name = 'tickets_open_fp'"),
                     1);
    sqlite3_close(db);
}

/* The outbox's claims name the cluster worker (its configured name,
 * cleaned to characters that need no quoting), then the pid; the name is
 * fixed at the first use. */
static void test_claimant_names_the_worker(void **state) {
    char pid[32];
    const char *c;

    (void)state;
    pvs_store_claimant_name("eu west/1");
    c = pvs_store_claimant();
    pvs_snprintf(pid, sizeof(pid), ":%ld:", (long)getpid());
    assert_int_equal(strncmp(c, "eu_west_1:", 10), 0);
    assert_non_null(strstr(c, pid));
    pvs_store_claimant_name("other");
    assert_string_equal(pvs_store_claimant(), c);
}

/*
 * The readings of one device and instant share a row; what the samples
 * view shows is what was stored, reading by reading, first value kept.
 */
static void test_packed_readings(void **state) {
    struct pvs_store *st = NULL;
    struct pvs_sample a[4], b[2], big[3 * PVS_MPPT_MAX + 1];
    char path[160];
    sqlite3 *db;
    size_t nb = 0;

    (void)state;
    pvs_snprintf(path, sizeof(path), "%s/packed.db", dir);
    assert_int_equal(pvs_store_open(path, 0, &st), PVS_OK);
    assert_int_equal(pvs_store_sync_config(st, cfg), PVS_OK);
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    a[0] = smp(PVS_M_AC_POWER_W, 0, 60000, 1234.5, PVS_Q_OK);
    a[1] = smp(PVS_M_DC_VOLTAGE_V, 0, 60000, 650.25, PVS_Q_STALE);
    a[2] = smp(PVS_M_INSULATION_KOHM, 0, 60000, NAN, PVS_Q_NOT_IMPLEMENTED);
    a[3] = smp(PVS_M_AC_POWER_W, 0, 60000, 99, PVS_Q_OK); /* same metric */
    assert_int_equal(pvs_store_add_samples(st, cfg, a, 4), PVS_OK);
    /* Later, the same instant again: a redelivery and one new metric. */
    b[0] = smp(PVS_M_AC_POWER_W, 0, 60000, 1, PVS_Q_OK);
    b[1] = smp(PVS_M_STATE, 0, 60000, PVS_ST_MPPT, PVS_Q_OK);
    assert_int_equal(pvs_store_add_samples(st, cfg, b, 2), PVS_OK);
    /* More readings than one row's text holds: stored in pieces. */
    for (unsigned m = PVS_M_MPPT_POWER_W; m <= PVS_M_MPPT_CURRENT_A; m++)
        for (unsigned i = 1; i <= PVS_MPPT_MAX; i++)
            big[nb++] = smp(m, i, 120000, 1.0 / (3 + i + m), PVS_Q_OK);
    big[nb++] = smp(PVS_M_AC_FREQUENCY_HZ, 0, 120000, 49.98, PVS_Q_OK);
    assert_int_equal(pvs_store_add_samples(st, cfg, big, nb), PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    pvs_store_close(st);

    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(q_int(db, "SELECT count(*) FROM readings"), 2);
    assert_int_equal(q_int(db, "SELECT count(*) FROM samples WHERE ts_ms ="
                               " 60000"),
                     4);
    assert_true(q_double(db, "SELECT value FROM samples WHERE metric ="
                             " 'ac_power_w'") == 1234.5);
    assert_true(q_double(db, "SELECT value FROM samples WHERE metric ="
                             " 'dc_voltage_v'") == 650.25);
    assert_int_equal(q_int(db, "SELECT quality FROM samples WHERE metric ="
                               " 'dc_voltage_v'"),
                     PVS_Q_STALE);
    assert_true(isnan(q_double(db, "SELECT value FROM samples WHERE metric"
                                   " = 'insulation_kohm'")));
    assert_int_equal(q_int(db, "SELECT quality FROM samples WHERE metric ="
                               " 'insulation_kohm'"),
                     PVS_Q_NOT_IMPLEMENTED);
    assert_int_equal(q_int(db, "SELECT value FROM samples WHERE metric ="
                               " 'state'"),
                     PVS_ST_MPPT);
    assert_int_equal(q_int(db, "SELECT count(*) FROM samples WHERE ts_ms ="
                               " 120000 AND quality = 0"),
                     (int64_t)nb);
    /* Every value reads back exactly. */
    for (size_t i = 0; i < nb; i++) {
        char sql[160], name[48];

        pvs_metric_name((enum pvs_metric)big[i].metric, big[i].idx, name,
                        sizeof(name));
        pvs_snprintf(sql, sizeof(sql),
                     "SELECT value FROM samples WHERE ts_ms = 120000 AND"
                     " metric = '%s'",
                     name);
        assert_true(q_double(db, sql) == big[i].value);
    }
    sqlite3_close(db);
}

struct rows {
    int n;
    int64_t ts[8], count[8];
    double wh[8];
};

static void on_rollup(void *ud, const struct pvs_rollup_row *r) {
    struct rows *x = ud;

    assert_string_equal(r->device, "inv1");
    x->ts[x->n] = r->ts_ms;
    x->count[x->n] = r->n;
    x->wh[x->n++] = r->wh;
}

/* Rollups add up: a second delta for the same hour (a late reading)
 * updates that hour and its day; another hour is its own row. */
static void test_rollups_add_up(void **state) {
    struct pvs_store *st = NULL, *ro = NULL;
    struct pvs_rollup_delta d[3] = {
        {"inv1", 3600000, 0, 12, 0, 100.0, 120.0, 1500.0},
        {"inv1", 7200000, 0, 12, 12, 200.0, 210.0, 2500.0},
        {"inv1", 3600000, 0, 1, 0, 25.0, 30.0, 3000.0},
    };
    struct rows hours, days;
    int64_t nrows = 0;

    (void)state;
    memset(&hours, 0, sizeof(hours));
    memset(&days, 0, sizeof(days));
    assert_int_equal(pvs_store_open(dbpath, 0, &st), PVS_OK);
    assert_int_equal(pvs_store_sync_config(st, cfg), PVS_OK);
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_rollup_add(st, d, 2), PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_rollup_add(st, d + 2, 1), PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    assert_int_equal(pvs_store_open(dbpath, PVS_STORE_READONLY, &ro), PVS_OK);
    assert_int_equal(pvs_store_rollup_read(ro, "s1", false, 0, 86400000,
                                           on_rollup, &hours, &nrows),
                     PVS_OK);
    assert_int_equal(nrows, 2);
    assert_int_equal(hours.ts[0], 3600000);
    assert_int_equal(hours.count[0], 13);
    assert_float_equal(hours.wh[0], 125.0, 1e-9);
    assert_float_equal(hours.wh[1], 200.0, 1e-9);
    assert_int_equal(pvs_store_rollup_read(ro, "s1", true, 0, 86400000,
                                           on_rollup, &days, &nrows),
                     PVS_OK);
    assert_int_equal(nrows, 1);
    assert_int_equal(days.count[0], 25);
    assert_float_equal(days.wh[0], 325.0, 1e-9);
    /* Another site's rows are not this site's. */
    assert_int_equal(pvs_store_rollup_read(ro, "other", true, 0, 86400000,
                                           on_rollup, &days, &nrows),
                     PVS_OK);
    assert_int_equal(nrows, 0);
    pvs_store_close(ro);
    pvs_store_close(st);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_claimant_names_the_worker),
        cmocka_unit_test(test_roundtrip),
        cmocka_unit_test(test_restore_and_readonly),
        cmocka_unit_test(test_learnt),
        cmocka_unit_test(test_newer_schema_refused),
        cmocka_unit_test(test_migration_takes_a_copy),
        cmocka_unit_test(test_upgrade_merges_duplicate_tickets),
        cmocka_unit_test(test_packed_readings),
        cmocka_unit_test(test_rollups_add_up),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
