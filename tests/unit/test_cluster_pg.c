/* SPDX-License-Identifier: MIT */
/*
 * test_cluster_pg.c - a cluster worker's lease thread on a real
 * PostgreSQL 15 (pg_server.h): when a second worker joins, the first
 * gives back half of its slots, and while it gives them back its batches
 * check only the leases of the slots its engine still runs. (A batch that
 * checked a slot being released at that moment was refused, and counted
 * as a fence refusal, on a worker that had lost nothing.) A batch kept
 * while the server was away is refused, not kept for ever, when its
 * worker lost a slot meanwhile.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "pg_server.h"
#include "pvs/cluster.h"
#include "pvs/config.h"
#include "pvs/store.h"

#define K 4

/* A worker's configuration on uri: K slots, a long lease. */
static struct pvs_config *worker_config(const char *uri, const char *name) {
    char path[] = "/tmp/pvs-cluster-XXXXXX";
    struct pvs_cfg_errors errs = {0};
    struct pvs_config *cfg = NULL;
    int fd = mkstemp(path);
    FILE *f;

    assert_true(fd >= 0);
    f = fdopen(fd, "w");
    assert_non_null(f);
    fprintf(
        f,
        "[global]\ndatabase = %s\n\n"
        "[cluster]\nworker = %s\nslots = %d\nlease = 60s\nrenew = 200ms\n\n"
        "[technician \"alice\"]\nname = Alice\nemail = alice@example.com\n\n"
        "[site \"s1\"]\nname = S1\nlatitude = 45.7\nlongitude = 4.8\n"
        "timezone = Europe/Paris\nkwp = 5\ntechnician = alice\n",
        uri, name, K);
    fclose(f);
    if (pvs_config_load(path, &cfg, &errs) != PVS_OK)
        fail_msg("config: %s", errs.count ? errs.msg[0] : "?");
    unlink(path);
    return cfg;
}

static atomic_int changes;

static void on_changed(void *ud) {
    (void)ud;
    atomic_fetch_add(&changes, 1);
}

/* Wait up to 20 s for pred; probes every 10 ms. */
static bool wait_for(bool (*pred)(void *), void *arg) {
    for (int i = 0; i < 2000; i++) {
        struct timespec ts = {0, 10 * 1000000L};
        if (pred(arg))
            return true;
        nanosleep(&ts, NULL);
    }
    return pred(arg);
}

static bool changed_since(void *arg) {
    return atomic_load(&changes) > *(int *)arg;
}

static bool holds_half(void *arg) {
    return pvs_cluster_held(arg) == K / 2;
}

static void run(PGconn *c, const char *sql) {
    assert_int_equal(test_pg_exec(c, sql), 0);
}

static void test_giving_back_does_not_fence_the_batch(void **state) {
    struct pvs_lease l[PVS_CLUSTER_SLOTS_MAX];
    struct pvs_worker_beat beat = {0, 0};
    struct pvs_config *cfg;
    struct pvs_cluster *c;
    struct test_pg pg;
    struct pvs_store *other;
    char uri[128];
    PGconn *lock;
    int seen;
    size_t n;

    (void)state;
    assert_int_equal(test_pg_start(&pg), 0);
    assert_int_equal(test_pg_create_db(&pg, "c1", uri, sizeof(uri)), 0);
    cfg = worker_config(uri, "w1");
    assert_int_equal(pvs_cluster_new(cfg, cfg, &c), PVS_OK);
    assert_int_equal(pvs_cluster_held(c), K);
    pvs_cluster_view(c);
    pvs_cluster_applied(c);
    assert_int_equal(pvs_cluster_fence_leases(c, l), K);

    /* A second worker joins: w1 marks the two highest slots to give
     * back and asks for a configuration without them. */
    seen = atomic_load(&changes);
    assert_int_equal(pvs_cluster_start(c, on_changed, NULL), PVS_OK);
    assert_int_equal(pvs_store_open(uri, 0, &other), PVS_OK);
    assert_int_equal(pvs_store_cluster_beat(other, "w2", 60000, &beat), PVS_OK);
    assert_true(wait_for(changed_since, &seen));

    /* The release is held up in the database (the rows are locked), so
     * that w1 still holds all four when the engine runs without two. */
    lock = PQconnectdb(uri);
    assert_int_equal(PQstatus(lock), CONNECTION_OK);
    run(lock, "BEGIN");
    run(lock, "SELECT slot FROM leases WHERE slot >= 2 FOR UPDATE");
    pvs_cluster_view(c);
    pvs_cluster_applied(c);
    assert_int_equal(pvs_cluster_held(c), K);
    n = pvs_cluster_fence_leases(c, l);
    assert_int_equal(n, K / 2);
    for (size_t i = 0; i < n; i++)
        assert_true(l[i].slot < K / 2);

    /* Let the release through: w1 keeps the two it runs. */
    run(lock, "COMMIT");
    PQfinish(lock);
    assert_true(wait_for(holds_half, c));
    assert_int_equal(pvs_cluster_fence_leases(c, l), K / 2);

    pvs_cluster_stop(c);
    pvs_cluster_free(c);
    pvs_store_close(other);
    pvs_config_free(cfg);
    test_pg_close(&pg);
}

/*
 * A batch kept while the server was away (its commit failed) is applied
 * again at the next begin, its lease check first: when the worker lost a
 * slot meanwhile, the batch is refused (DENIED) and dropped, not kept and
 * tried again as if the server were still away.
 */
static void test_kept_batch_refused_after_a_lost_lease(void **state) {
    struct pvs_lease got[K];
    struct pvs_store *st;
    struct test_pg pg;
    char uri[128];
    PGconn *raw;
    size_t n = 0;

    (void)state;
    assert_int_equal(test_pg_start(&pg), 0);
    assert_int_equal(test_pg_create_db(&pg, "c2", uri, sizeof(uri)), 0);
    assert_int_equal(pvs_store_open(uri, 0, &st), PVS_OK);
    assert_int_equal(pvs_store_cluster_init(st, K), PVS_OK);
    assert_int_equal(
        pvs_store_cluster_take(st, "w1", 60000, K, NULL, 0, got, &n), PVS_OK);
    assert_int_equal(n, K);

    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_cluster_fence(st, "w1", 60000, got, n), PVS_OK);
    test_pg_stop(&pg, "immediate");
    assert_int_equal(pvs_store_commit(st), PVS_ERR_IO);
    assert_true(pvs_store_kept(st));
    pvs_store_rollback(st);
    assert_int_equal(test_pg_start_again(&pg), 0);

    /* While the server was away, slot 0 went to another worker. */
    raw = PQconnectdb(uri);
    assert_int_equal(PQstatus(raw), CONNECTION_OK);
    run(raw, "UPDATE leases SET owner = 'w2', epoch = epoch + 1 WHERE "
             "slot = 0");
    PQfinish(raw);
    assert_int_equal(pvs_store_begin(st), PVS_ERR_DENIED);
    assert_false(pvs_store_kept(st));
    pvs_store_rollback(st);
    /* The next batch starts afresh. */
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    pvs_store_close(st);
    test_pg_close(&pg);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_giving_back_does_not_fence_the_batch),
        cmocka_unit_test(test_kept_batch_refused_after_a_lost_lease),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
