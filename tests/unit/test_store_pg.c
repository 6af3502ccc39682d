/* SPDX-License-Identifier: MIT */
/*
 * test_store_pg.c - the PostgreSQL backend against a real PostgreSQL 15
 * started for the test (pg_server.h): packed readings and a redelivery
 * merged into its row, retention dropping whole day partitions and
 * trimming only the day at its edge, a batch that fails leaving nothing behind,
 * telemetry batches committing without waiting for the disk, and the store
 * coming back after the server crashed (pg_ctl -m immediate).
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "pg_server.h"
#include "pvs/store.h"

#define DAY 86400000LL
#define T0 (19895 * DAY) /* 2024-06-21T00:00:00Z */

static struct test_pg pg;
static char dir[64];
static struct pvs_config *cfg;
static int ndb;

static int setup(void **state) {
    char cpath[160];
    FILE *f;
    struct pvs_cfg_errors errs;

    (void)state;
    if (test_pg_start(&pg))
        return -1;
    pvs_strlcpy(dir, "/tmp/pvs-storepg-XXXXXX", sizeof(dir));
    if (!mkdtemp(dir))
        return -1;
    pvs_snprintf(cpath, sizeof(cpath), "%s/t.conf", dir);
    f = fopen(cpath, "w");
    fprintf(f,
            "[global]\ndatabase = %s/t.db\n[technician \"t1\"]\nname = "
            "T\n[site \"s1\"]\nlatitude = 45\nlongitude = 4\ntechnician "
            "= t1\n[device \"inv1\"]\nsite = s1\n[device \"inv2\"]\nsite "
            "= s1\n",
            dir);
    fclose(f);
    memset(&errs, 0, sizeof(errs));
    return pvs_config_load(cpath, &cfg, &errs) ? -1 : 0;
}

static int teardown(void **state) {
    char cmd[160];

    (void)state;
    pvs_config_free(cfg);
    test_pg_close(&pg);
    pvs_snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A fresh database and a store opened read-write on it. */
static struct pvs_store *fresh(char *uri, size_t size) {
    struct pvs_store *st = NULL;
    char name[32];

    pvs_snprintf(name, sizeof(name), "u%d", ++ndb);
    assert_int_equal(test_pg_create_db(&pg, name, uri, size), 0);
    assert_int_equal(pvs_store_open(uri, 0, &st), PVS_OK);
    assert_int_equal(pvs_store_sync_config(st, cfg), PVS_OK);
    return st;
}

/* One text value read by a separate connection (the test's own eyes). */
static void peek(const char *uri, const char *sql, char *out, size_t size) {
    PGconn *c = PQconnectdb(uri);
    PGresult *r = PQexec(c, sql);

    assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
    pvs_strlcpy(out, PQntuples(r) ? PQgetvalue(r, 0, 0) : "", size);
    PQclear(r);
    PQfinish(c);
}

static int64_t peek_int(const char *uri, const char *sql) {
    char v[64];

    peek(uri, sql, v, sizeof(v));
    return strtoll(v, NULL, 10);
}

/* Statements run by a separate connection (the test's own hands). */
static void poke(const char *uri, const char *sql) {
    PGconn *c = PQconnectdb(uri);
    PGresult *r = PQexec(c, sql);

    assert_int_equal(PQresultStatus(r), PGRES_COMMAND_OK);
    PQclear(r);
    PQfinish(c);
}

static void sample(struct pvs_sample *s, uint32_t dev, uint16_t metric,
                   int64_t ts, double v) {
    memset(s, 0, sizeof(*s));
    s->dev = dev;
    s->metric = metric;
    s->ts_ms = ts;
    s->value = v;
}

static void test_readings_packed_and_redelivery_merged(void **state) {
    struct pvs_store *st;
    struct pvs_sample s[3];
    char uri[128], data[256];

    (void)state;
    st = fresh(uri, sizeof(uri));
    sample(&s[0], 0, PVS_M_AC_POWER_W, T0 + 1000, 1500);
    sample(&s[1], 0, PVS_M_AC_ENERGY_WH, T0 + 1000, 42);
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_add_samples(st, cfg, s, 2), PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    /* Redelivered with another power and a new metric: the stored power
     * stays, the new metric joins the row. */
    sample(&s[0], 0, PVS_M_AC_POWER_W, T0 + 1000, 9999);
    sample(&s[1], 0, PVS_M_AC_VOLTAGE_V, T0 + 1000, 230);
    sample(&s[2], 1, PVS_M_AC_POWER_W, T0 + 1000, 700);
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_add_samples(st, cfg, s, 3), PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM readings"), 2);
    peek(uri, "SELECT data::text FROM readings WHERE device_id = 'inv1'", data,
         sizeof(data));
    assert_string_equal(data, "{\"ac_power_w\": 1500, \"ac_energy_wh\": 42, "
                              "\"ac_voltage_v\": 230}");
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM samples"), 4);
    /* The day's partition and the one ahead exist. */
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM pg_inherits WHERE"
                                   " inhparent = 'readings'::regclass"),
                     2);
    pvs_store_close(st);
}

static void test_retention_drops_whole_partitions(void **state) {
    struct pvs_store *st;
    struct pvs_sample s[4];
    char uri[128];
    int64_t gone = -1;

    (void)state;
    st = fresh(uri, sizeof(uri));
    sample(&s[0], 0, PVS_M_AC_POWER_W, T0 + 3600000, 1);     /* day 0 */
    sample(&s[1], 1, PVS_M_AC_POWER_W, T0 + 7200000, 1);     /* day 0 */
    sample(&s[2], 0, PVS_M_AC_POWER_W, T0 + DAY + 60000, 2); /* day 1 */
    sample(&s[3], 0, PVS_M_AC_POWER_W, T0 + 2 * DAY + 60000, 3);
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_add_samples(st, cfg, s, 4), PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    /* Older than the middle of day 1: day 0 is wholly past and its
     * partition goes; day 1 loses its early reading only. */
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_prune_samples(st, T0 + DAY + DAY / 2, &gone),
                     PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    assert_int_equal(gone, 3);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM readings"), 1);
    assert_int_equal(peek_int(uri, "SELECT MIN(ts_ms) FROM readings"),
                     T0 + 2 * DAY + 60000);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM pg_class WHERE"
                                   " relname = 'readings_20240621'"),
                     0);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM pg_class WHERE"
                                   " relname = 'readings_20240622'"),
                     1);
    /* Nothing else to drop: the next prune is a no-op. */
    assert_int_equal(pvs_store_prune_samples(st, T0 + DAY + DAY / 2, &gone),
                     PVS_OK);
    assert_int_equal(gone, 0);
    pvs_store_close(st);
}

static void test_failed_batch_leaves_nothing(void **state) {
    struct pvs_store *st;
    struct pvs_sample s;
    struct pvs_ticket t;
    char uri[128];

    (void)state;
    st = fresh(uri, sizeof(uri));
    memset(&t, 0, sizeof(t));
    t.fingerprint = (char *)(uintptr_t) "s1/inv1/fault_code/fault";
    t.status = (char *)(uintptr_t) "open";
    t.opened_ms = T0;
    sample(&s, 0, PVS_M_AC_POWER_W, T0 + 1000, 1);
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_add_samples(st, cfg, &s, 1), PVS_OK);
    assert_int_equal(pvs_store_ticket_create(st, &t), PVS_OK);
    /* An event of a ticket that does not exist breaks the batch. */
    assert_int_not_equal(
        pvs_store_ticket_event(st, t.id + 100, T0, "opened", "x", "y"), PVS_OK);
    assert_int_not_equal(pvs_store_commit(st), PVS_OK);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM tickets"), 0);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM readings"), 0);
    /* The next batch works, partitions included. */
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_add_samples(st, cfg, &s, 1), PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM readings"), 1);
    pvs_store_close(st);
}

static void fault_ticket(struct pvs_ticket *t, const char *status) {
    memset(t, 0, sizeof(*t));
    t->fingerprint = (char *)(uintptr_t) "s1/inv1/fault_code/fault";
    t->status = (char *)(uintptr_t)status;
    t->opened_ms = T0;
}

/*
 * Two writers (two workers, or a daemon restarted while the old one's
 * commit was still on its way) both see no open ticket of a problem and
 * both open one: the second insert finds the first (the unique index on
 * open fingerprints, waiting for the first to commit) and changes nothing,
 * so the problem keeps one ticket.
 */
static void test_two_writers_open_one_ticket(void **state) {
    struct pvs_store *a, *b = NULL;
    struct pvs_ticket t, got;
    char uri[128];

    (void)state;
    a = fresh(uri, sizeof(uri));
    assert_int_equal(pvs_store_open(uri, 0, &b), PVS_OK);
    assert_int_equal(pvs_store_begin(a), PVS_OK);
    assert_int_equal(pvs_store_begin(b), PVS_OK);
    assert_int_equal(
        pvs_store_ticket_by_fp(a, "s1/inv1/fault_code/fault", &got),
        PVS_ERR_NOTFOUND);
    assert_int_equal(
        pvs_store_ticket_by_fp(b, "s1/inv1/fault_code/fault", &got),
        PVS_ERR_NOTFOUND);
    fault_ticket(&t, "open");
    assert_int_equal(pvs_store_ticket_create(a, &t), PVS_OK);
    assert_int_equal(pvs_store_commit(a), PVS_OK);
    fault_ticket(&t, "assigned");
    assert_int_equal(pvs_store_ticket_create(b, &t), PVS_ERR_EXISTS);
    /* b's batch goes on, and now reads a's ticket to join it. */
    assert_int_equal(pvs_store_batch_error(b), PVS_OK);
    assert_int_equal(
        pvs_store_ticket_by_fp(b, "s1/inv1/fault_code/fault", &got), PVS_OK);
    assert_string_equal(got.status, "open");
    pvs_ticket_release(&got);
    assert_int_equal(pvs_store_commit(b), PVS_OK);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM tickets"), 1);
    pvs_store_close(b);
    pvs_store_close(a);
}

/* A database that already holds two open tickets of one problem (from
 * before the unique index): the upgrade merges the later one into the
 * first, with a timeline line, and then the index holds. The index is the
 * newest migration: the test rewinds the schema by one. */
static void test_upgrade_merges_duplicate_tickets(void **state) {
    struct pvs_store *st;
    char uri[128];

    (void)state;
    st = fresh(uri, sizeof(uri));
    pvs_store_close(st);
    poke(uri, "DROP INDEX tickets_open_fp;"
              "DELETE FROM pvs_schema WHERE version = 10;"
              "INSERT INTO tickets(fingerprint, status, opened_ms) VALUES"
              " ('fp/a', 'open', 1), ('fp/a', 'assigned', 2),"
              " ('fp/a', 'closed', 3), ('fp/b', 'open', 4)");
    assert_int_equal(pvs_store_open(uri, 0, &st), PVS_OK);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM tickets WHERE"
                                   " status = 'merged' AND id = 2"),
                     1);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM tickets WHERE"
                                   " status IN ('open', 'closed')"),
                     3);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM ticket_events WHERE"
                                   " ticket_id = 2 AND kind = 'merged' AND"
                                   " text LIKE '%ticket #1,%'"),
                     1);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM pg_indexes WHERE"
                                   " indexname = 'tickets_open_fp'"),
                     1);
    pvs_store_close(st);
}

static void test_back_after_a_crash(void **state) {
    struct pvs_store *st;
    struct pvs_sample s;
    struct pvs_ticket t, t2;
    char uri[128];
    enum pvs_err rc;
    int64_t id;

    (void)state;
    st = fresh(uri, sizeof(uri));
    sample(&s, 0, PVS_M_AC_POWER_W, T0 + 1000, 1);
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_add_samples(st, cfg, &s, 1), PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);

    /* A batch in flight when the server dies: kept whole, not lost. */
    memset(&t, 0, sizeof(t));
    t.fingerprint = (char *)(uintptr_t) "s1/inv1/fault_code/fault";
    t.status = (char *)(uintptr_t) "open";
    t.opened_ms = T0;
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_ticket_create(st, &t), PVS_OK);
    id = t.id;
    test_pg_stop(&pg, "immediate");
    sample(&s, 0, PVS_M_AC_POWER_W, T0 + 2000, 2);
    /* buffered: the COPY at the commit finds the server gone */
    assert_int_equal(pvs_store_add_samples(st, cfg, &s, 1), PVS_OK);
    /* written without a server: kept for the redo */
    assert_int_equal(pvs_store_ticket_event(st, id, T0, "opened", "x", "y"),
                     PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_ERR_IO);
    assert_true(pvs_store_kept(st));
    pvs_store_rollback(st);
    assert_true(pvs_store_kept(st)); /* a rollback leaves it kept */
    /* Still down: the next batch cannot start, the batch stays kept. */
    assert_int_equal(pvs_store_begin(st), PVS_ERR_IO);
    assert_true(pvs_store_kept(st));
    assert_int_equal(test_pg_start_again(&pg), 0);
    /* Back: the next batch reconnects and applies the kept one first. */
    rc = pvs_store_begin(st);
    assert_int_equal(rc, PVS_OK);
    assert_false(pvs_store_kept(st));
    sample(&s, 0, PVS_M_AC_POWER_W, T0 + 3000, 3);
    assert_int_equal(pvs_store_add_samples(st, cfg, &s, 1), PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM tickets"), 1);
    /* the same id: the event that refers to it stays right */
    assert_int_equal(pvs_store_ticket_get(st, id, &t2), PVS_OK);
    pvs_ticket_release(&t2);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM ticket_events"), 1);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM readings"), 3);

    /* A batch that needed an answer while the server stayed away (longer
     * than the batch waits for it) cannot be kept: it goes whole. */
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    test_pg_stop(&pg, "immediate");
    assert_int_not_equal(pvs_store_ticket_create(st, &t), PVS_OK);
    assert_false(pvs_store_kept(st));
    pvs_store_rollback(st);
    assert_false(pvs_store_kept(st));
    assert_int_equal(test_pg_start_again(&pg), 0);
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM tickets"), 1);
    pvs_store_close(st);
}

static void *start_server(void *arg) {
    (void)arg;
    assert_int_equal(test_pg_start_again(&pg), 0);
    return NULL;
}

/*
 * The server goes away (a restart, a failover) in the middle of a batch
 * that then needs an answer (here a read of the ticket it opened): the
 * batch waits for the server, applies what it wrote so far again on the
 * new connection and goes on, instead of being rolled back with its
 * ticket and readings.
 */
static void test_read_waits_for_the_server_and_goes_on(void **state) {
    struct pvs_store *st;
    struct pvs_sample s;
    struct pvs_ticket t, got;
    pthread_t thr;
    char uri[128];

    (void)state;
    st = fresh(uri, sizeof(uri));
    fault_ticket(&t, "open");
    sample(&s, 0, PVS_M_AC_POWER_W, T0 + 1000, 1);
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_ticket_create(st, &t), PVS_OK);
    assert_int_equal(pvs_store_add_samples(st, cfg, &s, 1), PVS_OK);
    test_pg_stop(&pg, "immediate");
    assert_int_equal(pthread_create(&thr, NULL, start_server, NULL), 0);
    assert_int_equal(
        pvs_store_ticket_by_fp(st, "s1/inv1/fault_code/fault", &got), PVS_OK);
    assert_int_equal(got.id, t.id);
    pvs_ticket_release(&got);
    assert_int_equal(pvs_store_ticket_event(st, t.id, T0, "opened", "x", "y"),
                     PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    pthread_join(thr, NULL);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM tickets"), 1);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM ticket_events"), 1);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM readings"), 1);
    pvs_store_close(st);
}

/*
 * pvsentry's role defaults to synchronous_commit off (the operator's
 * choice for cheap telemetry commits): a batch with a ticket still waits
 * for the disk and survives the server's crash right after the commit.
 */
static void test_ticket_batch_durable_on_async_session(void **state) {
    struct pvs_store *st;
    struct pvs_ticket t;
    char uri[128], async_uri[192], fp[64];

    (void)state;
    st = fresh(uri, sizeof(uri));
    pvs_store_close(st);
    pvs_snprintf(async_uri, sizeof(async_uri),
                 "%s?options=-c%%20synchronous_commit%%3Doff", uri);
    assert_int_equal(pvs_store_open(async_uri, 0, &st), PVS_OK);
    for (int i = 0; i < 20; i++) {
        memset(&t, 0, sizeof(t));
        /* Twenty problems: one open ticket each. */
        pvs_snprintf(fp, sizeof(fp), "s1/inv1/fault_code/f%d", i);
        t.fingerprint = fp;
        t.status = (char *)(uintptr_t) "open";
        t.opened_ms = T0 + i;
        assert_int_equal(pvs_store_begin(st), PVS_OK);
        assert_int_equal(pvs_store_ticket_create(st, &t), PVS_OK);
        assert_int_equal(pvs_store_commit(st), PVS_OK);
    }
    test_pg_stop(&pg, "immediate");
    assert_int_equal(test_pg_start_again(&pg), 0);
    assert_int_equal(peek_int(uri, "SELECT COUNT(*) FROM tickets"), 20);
    pvs_store_close(st);
}

static void test_read_only_handle_cannot_write(void **state) {
    struct pvs_store *st, *ro = NULL;
    struct pvs_ticket t;
    char uri[128];

    (void)state;
    st = fresh(uri, sizeof(uri));
    assert_int_equal(pvs_store_open(uri, PVS_STORE_READONLY, &ro), PVS_OK);
    memset(&t, 0, sizeof(t));
    t.fingerprint = (char *)(uintptr_t) "x";
    t.status = (char *)(uintptr_t) "open";
    assert_int_not_equal(pvs_store_ticket_create(ro, &t), PVS_OK);
    assert_int_equal(pvs_store_ticket_create(st, &t), PVS_OK);
    assert_int_equal(pvs_store_ticket_get(ro, t.id, &t), PVS_OK);
    pvs_ticket_release(&t);
    pvs_store_close(ro);
    pvs_store_close(st);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_readings_packed_and_redelivery_merged),
        cmocka_unit_test(test_retention_drops_whole_partitions),
        cmocka_unit_test(test_failed_batch_leaves_nothing),
        cmocka_unit_test(test_back_after_a_crash),
        cmocka_unit_test(test_ticket_batch_durable_on_async_session),
        cmocka_unit_test(test_read_only_handle_cannot_write),
        cmocka_unit_test(test_two_writers_open_one_ticket),
        cmocka_unit_test(test_read_waits_for_the_server_and_goes_on),
        cmocka_unit_test(test_upgrade_merges_duplicate_tickets),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
