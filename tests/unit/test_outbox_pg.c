/* SPDX-License-Identifier: MIT */
/*
 * test_outbox_pg.c - the outbox several processes share on a real
 * PostgreSQL 15 (pg_server.h), through two store handles standing for two
 * processes: a claim takes only the oldest pending row of each lane and
 * skips rows another claimer holds locked; sequence values that commit
 * out of order are all claimed (no high-water mark); an expired claim is
 * taken over with the row's Message-ID unchanged, and a late failure
 * report of its first claimant leaves it sent; renewals keep a claim
 * and touch only the claimant's own; a clean stop gives claims back; and
 * an announced API write is heard by the other process only, and only
 * once its batch commits, also after the server restarted.
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
#include "pvs/store.h"
#include "pvs/store_ops.h"

#define TTL 60000

static struct test_pg pg;
static int ndb;

static int setup(void **state) {
    (void)state;
    return test_pg_start(&pg) ? -1 : 0;
}

static int teardown(void **state) {
    (void)state;
    test_pg_close(&pg);
    return 0;
}

/* Two read-write handles on a fresh database: two processes. */
static void fresh(char *uri, size_t size, struct pvs_store **a,
                  struct pvs_store **b) {
    char name[32];

    pvs_snprintf(name, sizeof(name), "o%d", ++ndb);
    assert_int_equal(test_pg_create_db(&pg, name, uri, size), 0);
    assert_int_equal(pvs_store_open(uri, 0, a), PVS_OK);
    assert_int_equal(pvs_store_open(uri, 0, b), PVS_OK);
    assert_true(pvs_store_shared(*a));
}

/* Queue one message of lane (ticket, audience, recipient); its id. */
static int64_t queue(struct pvs_store *st, int64_t ticket, const char *aud,
                     const char *to, const char *mid) {
    struct pvs_outbox o;

    int64_t id;

    memset(&o, 0, sizeof(o));
    o.ticket_id = ticket;
    o.channel = pvs_strdup("email");
    o.audience = pvs_strdup(aud);
    o.kind = pvs_strdup("alert");
    o.recipient = pvs_strdup(to);
    o.subject = pvs_strdup("s");
    o.body = pvs_strdup("b");
    o.message_id = pvs_strdup(mid);
    o.created_ms = 1;
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_outbox_add(st, &o), PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    id = o.id;
    pvs_outbox_release(&o);
    return id;
}

static void sent(struct pvs_store *st, int64_t id) {
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_outbox_attempt(st, id, 2, true, NULL, "sent"),
                     PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
}

/* The claim's ids as "1,2,3". */
static void claim(struct pvs_store *st, const char *who, int64_t ttl, char *out,
                  size_t size) {
    int64_t *ids = NULL;
    size_t n = 0, len = 0;

    assert_int_equal(pvs_store_outbox_claim(st, who, ttl, 100, &ids, &n),
                     PVS_OK);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(out + len, size - len, "%s%lld", i ? "," : "",
                                (long long)ids[i]);
    pvs_free(ids);
}

static void expect_claim(struct pvs_store *st, const char *who, int64_t ttl,
                         const char *want) {
    char got[256];

    claim(st, who, ttl, got, sizeof(got));
    assert_string_equal(got, want);
}

static void ids_text(char *out, size_t size, int n, const int64_t *ids) {
    size_t len = 0;

    out[0] = '\0';
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(out + len, size - len, "%s%lld", i ? "," : "",
                                (long long)ids[i]);
}

static PGconn *raw(const char *uri) {
    PGconn *c = PQconnectdb(uri);

    assert_int_equal(PQstatus(c), CONNECTION_OK);
    return c;
}

static void run(PGconn *c, const char *sql) {
    assert_int_equal(test_pg_exec(c, sql), 0);
}

static void test_claim_takes_lane_heads_once(void **state) {
    struct pvs_store *a, *b;
    char uri[128], want[128];
    int64_t id[7];

    (void)state;
    fresh(uri, sizeof(uri), &a, &b);
    /* Lane 1/technician: three messages; the customer's lane of the same
     * ticket; another ticket; two messages without a ticket. */
    id[0] = queue(a, 1, "technician", "t@x", "<m0@x>");
    id[1] = queue(a, 1, "technician", "t@x", "<m1@x>");
    id[2] = queue(a, 1, "customer", "c@x", "<m2@x>");
    id[3] = queue(a, 2, "technician", "t@x", "<m3@x>");
    id[4] = queue(a, 1, "technician", "t@x", "<m4@x>");
    id[5] = queue(a, 0, "technician", "t@x", "<m5@x>");
    id[6] = queue(a, 0, "technician", "t@x", "<m6@x>");
    /* The heads of the lanes and the rows without a lane, once. */
    snprintf(want, sizeof(want), "%lld,%lld,%lld,%lld,%lld", (long long)id[0],
             (long long)id[2], (long long)id[3], (long long)id[5],
             (long long)id[6]);
    expect_claim(a, "p1", TTL, want);
    expect_claim(b, "p2", TTL, "");
    expect_claim(a, "p1", TTL, "");
    /* The head goes out: the next of its lane, to whoever asks. */
    sent(a, id[0]);
    snprintf(want, sizeof(want), "%lld", (long long)id[1]);
    expect_claim(b, "p2", TTL, want);
    /* A failed attempt keeps the row pending and claimed: nothing new. */
    assert_int_equal(pvs_store_begin(b), PVS_OK);
    assert_int_equal(
        pvs_store_outbox_attempt(b, id[1], 3, false, "refused", "pending"),
        PVS_OK);
    assert_int_equal(pvs_store_commit(b), PVS_OK);
    expect_claim(a, "p1", TTL, "");
    /* Dead counts as done: the lane moves on. */
    assert_int_equal(pvs_store_begin(b), PVS_OK);
    assert_int_equal(
        pvs_store_outbox_attempt(b, id[1], 4, false, "gone", "dead"), PVS_OK);
    assert_int_equal(pvs_store_commit(b), PVS_OK);
    snprintf(want, sizeof(want), "%lld", (long long)id[4]);
    expect_claim(a, "p1", TTL, want);
    pvs_store_close(a);
    pvs_store_close(b);
}

static void test_claim_skips_locked_rows(void **state) {
    struct pvs_store *a, *b;
    char uri[128], want[64], sql[128];
    int64_t id[2];
    PGconn *c;

    (void)state;
    fresh(uri, sizeof(uri), &a, &b);
    id[0] = queue(a, 0, "technician", "t@x", "<k0@x>");
    id[1] = queue(a, 0, "technician", "t@x", "<k1@x>");
    /* Another claimer is in the middle of taking id[0]. */
    c = raw(uri);
    run(c, "BEGIN");
    snprintf(sql, sizeof(sql),
             "SELECT 1 FROM outbox WHERE id = %lld FOR"
             " UPDATE",
             (long long)id[0]);
    run(c, sql);
    snprintf(want, sizeof(want), "%lld", (long long)id[1]);
    expect_claim(b, "p2", TTL, want); /* returns: did not wait */
    run(c, "ROLLBACK");
    snprintf(want, sizeof(want), "%lld", (long long)id[0]);
    expect_claim(b, "p2", TTL, want);
    PQfinish(c);
    pvs_store_close(a);
    pvs_store_close(b);
}

/*
 * Identity values are handed out at INSERT and commit in any order: a
 * row with a lower id that commits after a higher one was claimed is
 * still claimed (a high-water mark would skip it forever).
 */
static void test_claim_by_status_not_by_id(void **state) {
    struct pvs_store *a, *b;
    char uri[128], want[64], got[64];
    PGconn *slow, *fast;
    PGresult *r;
    int64_t id[2];

    (void)state;
    fresh(uri, sizeof(uri), &a, &b);
    slow = raw(uri);
    fast = raw(uri);
    run(slow, "BEGIN");
    r = PQexec(slow, "INSERT INTO outbox(channel, recipient, message_id,"
                     " status) VALUES ('email', 'x@x', '<slow@x>',"
                     " 'pending') RETURNING id");
    assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
    id[0] = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    PQclear(r);
    r = PQexec(fast, "INSERT INTO outbox(channel, recipient, message_id,"
                     " status) VALUES ('email', 'x@x', '<fast@x>',"
                     " 'pending') RETURNING id");
    assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
    id[1] = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    PQclear(r);
    assert_true(id[0] < id[1]);
    ids_text(want, sizeof(want), 1, &id[1]);
    expect_claim(a, "p1", TTL, want);
    run(slow, "COMMIT");
    ids_text(want, sizeof(want), 1, &id[0]);
    claim(b, "p2", TTL, got, sizeof(got));
    assert_string_equal(got, want);
    PQfinish(slow);
    PQfinish(fast);
    pvs_store_close(a);
    pvs_store_close(b);
}

/* Whether who holds a claim on id (the database's eyes). */
static void claimant_of(const char *uri, int64_t id, char *out, size_t size) {
    char sql[160];
    PGconn *c = raw(uri);
    PGresult *r;

    snprintf(sql, sizeof(sql),
             "SELECT COALESCE(claimed_by, '') || '/' || message_id FROM"
             " outbox WHERE id = %lld",
             (long long)id);
    r = PQexec(c, sql);
    assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
    pvs_strlcpy(out, PQgetvalue(r, 0, 0), size);
    PQclear(r);
    PQfinish(c);
}

static void test_expired_claim_taken_over(void **state) {
    struct pvs_store *a, *b;
    char uri[128], want[64], who[96];
    int64_t id;
    size_t renewed = 9;

    (void)state;
    fresh(uri, sizeof(uri), &a, &b);
    id = queue(a, 5, "technician", "t@x", "<e0@x>");
    ids_text(want, sizeof(want), 1, &id);
    /* p1 claims for 0 ms: expired as soon as the database clock moves
     * (the claim compares with clock_timestamp(), which always does). */
    expect_claim(a, "p1", 0, want);
    for (int i = 0; i < 1000; i++) {
        char got[64];
        claim(b, "p2", TTL, got, sizeof(got));
        if (!strcmp(got, want))
            break;
        assert_string_equal(got, "");
    }
    claimant_of(uri, id, who, sizeof(who));
    assert_string_equal(who, "p2/<e0@x>"); /* same Message-ID */
    /* p1 comes back to life: its renewal does not take the row back. */
    assert_int_equal(pvs_store_outbox_renew(a, "p1", TTL, &id, 1, &renewed),
                     PVS_OK);
    assert_int_equal(renewed, 0);
    assert_int_equal(pvs_store_outbox_renew(b, "p2", TTL, &id, 1, &renewed),
                     PVS_OK);
    assert_int_equal(renewed, 1);
    claimant_of(uri, id, who, sizeof(who));
    assert_string_equal(who, "p2/<e0@x>");
    expect_claim(a, "p1", TTL, "");
    /* p2 sends it; p1's late report of a failed attempt does not make it
     * pending again (nobody would send it a third time). */
    sent(b, id);
    assert_int_equal(pvs_store_begin(a), PVS_OK);
    assert_int_equal(
        pvs_store_outbox_attempt(a, id, 9, false, "timed out", "pending"),
        PVS_OK);
    assert_int_equal(pvs_store_commit(a), PVS_OK);
    expect_claim(a, "p1", 0, "");
    expect_claim(b, "p2", TTL, "");
    pvs_store_close(a);
    pvs_store_close(b);
}

static void test_renewal_keeps_and_unclaim_releases(void **state) {
    struct pvs_store *a, *b;
    char uri[128], want[64], who[96];
    int64_t id;
    size_t renewed = 0;

    (void)state;
    fresh(uri, sizeof(uri), &a, &b);
    id = queue(a, 6, "technician", "t@x", "<r0@x>");
    ids_text(want, sizeof(want), 1, &id);
    /* A claim of 0 ms renewed for a minute before anyone else asks. */
    expect_claim(a, "p1", 0, want);
    assert_int_equal(pvs_store_outbox_renew(a, "p1", TTL, &id, 1, &renewed),
                     PVS_OK);
    assert_int_equal(renewed, 1);
    expect_claim(b, "p2", TTL, "");
    /* p1 stops cleanly: p2 sends at once. */
    assert_int_equal(pvs_store_outbox_unclaim(a, "p1"), PVS_OK);
    expect_claim(b, "p2", TTL, want);
    claimant_of(uri, id, who, sizeof(who));
    assert_string_equal(who, "p2/<r0@x>");
    /* Sent rows keep the name of their sender: unclaim leaves them. */
    sent(b, id);
    assert_int_equal(pvs_store_outbox_unclaim(b, "p2"), PVS_OK);
    claimant_of(uri, id, who, sizeof(who));
    assert_string_equal(who, "p2/<r0@x>");
    pvs_store_close(a);
    pvs_store_close(b);
}

static atomic_int heard;

static void on_change(void *ud) {
    (void)ud;
    atomic_fetch_add(&heard, 1);
}

/* Probe until heard reaches n (10 s), never sleeping blind. */
static bool wait_heard(int n) {
    struct timespec ts = {0, 10 * 1000 * 1000};

    for (int i = 0; i < 1000; i++) {
        if (atomic_load(&heard) >= n)
            return true;
        nanosleep(&ts, NULL);
    }
    return false;
}

static void announce(struct pvs_store *st, const char *who, bool commit) {
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_announce(st, who), PVS_OK);
    if (commit)
        assert_int_equal(pvs_store_commit(st), PVS_OK);
    else
        pvs_store_rollback(st);
}

static void test_announced_change_heard_by_others(void **state) {
    struct pvs_store *a, *b;
    struct pvs_store_listen *l = NULL;
    char uri[128];

    (void)state;
    fresh(uri, sizeof(uri), &a, &b);
    atomic_store(&heard, 0);
    assert_int_equal(pvs_store_listen_start(uri, "p2", on_change, NULL, &l),
                     PVS_OK);
    /* Its own change, and one rolled back: nothing to hear. Then p1's. */
    announce(b, "p2", true);
    announce(a, "p1", false);
    announce(a, "p1", true);
    assert_true(wait_heard(1));
    assert_int_equal(atomic_load(&heard), 1);
    announce(a, "p1", true);
    assert_true(wait_heard(2));
    pvs_store_listen_free(l);
    /* SQLite: one process, nothing to listen to. */
    assert_int_equal(
        pvs_store_listen_start("/tmp/none.db", "p2", on_change, NULL, &l),
        PVS_ERR_UNSUPPORTED);
    pvs_store_close(a);
    pvs_store_close(b);
}

/*
 * The server restarts under the listener: it connects again by itself,
 * tells once (a change may have been missed meanwhile), then hears the
 * next change.
 */
static void test_listener_back_after_a_restart(void **state) {
    struct pvs_store *a, *b;
    struct pvs_store_listen *l = NULL;
    char uri[128];

    (void)state;
    fresh(uri, sizeof(uri), &a, &b);
    atomic_store(&heard, 0);
    assert_int_equal(pvs_store_listen_start(uri, "p2", on_change, NULL, &l),
                     PVS_OK);
    test_pg_stop(&pg, "fast");
    assert_int_equal(test_pg_start_again(&pg), 0);
    assert_true(wait_heard(1));
    announce(a, "p1", true);
    assert_true(wait_heard(2));
    pvs_store_listen_free(l);
    pvs_store_close(a);
    pvs_store_close(b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_claim_takes_lane_heads_once),
        cmocka_unit_test(test_claim_skips_locked_rows),
        cmocka_unit_test(test_claim_by_status_not_by_id),
        cmocka_unit_test(test_expired_claim_taken_over),
        cmocka_unit_test(test_renewal_keeps_and_unclaim_releases),
        cmocka_unit_test(test_announced_change_heard_by_others),
        cmocka_unit_test(test_listener_back_after_a_restart),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
