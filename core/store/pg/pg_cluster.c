/* SPDX-License-Identifier: MIT */
/*
 * pg_cluster.c - cluster mode's slots and leases on PostgreSQL
 * (include/pvs/cluster.h).
 *
 * DESIGN
 * Every time is the server's clock_timestamp(), never a worker's: workers
 * whose clocks disagree still agree on who holds a lease. A lease row
 * changes owner only when it is free or expired, and its epoch grows at
 * each change, so a write checked against (owner, epoch) is a write of
 * the current owner. The check (the procedure pvs_fence of migration 6)
 * locks the rows FOR SHARE: a worker that wants the slot waits for the
 * batch to commit, and the batch of a worker paused past its lease finds
 * it expired and is refused. Rows are always locked in slot order
 * (ORDER BY slot ... FOR UPDATE), so renewals, takes and fences never
 * deadlock. The trigger of migration 6 logs every change of owner.
 */
#define PVS_LOG_MODULE "cluster"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"
#include "pvs/cluster.h"
#include "pvs/log.h"

static struct pvs_store_be *be_of(struct pvs_store *st) {
    return pvs_store_be_of(st, &pvs_pg_ops);
}

/* "{1,2,3}" for an int[] or bigint[] argument. */
static void int_array(struct pvs_buf *b, const int64_t *v, size_t n) {
    pvs_buf_reset(b);
    pvs_buf_puts(b, "{");
    for (size_t i = 0; i < n; i++)
        pvs_buf_printf(b, "%s%lld", i ? "," : "", (long long)v[i]);
    pvs_buf_puts(b, "}");
}

/* The slots and epochs of l as two array arguments. */
static void lease_arrays(const struct pvs_lease *l, size_t n,
                         struct pvs_buf *slots, struct pvs_buf *epochs) {
    int64_t *v = pvs_calloc(n + 1, sizeof(*v));

    for (size_t i = 0; i < n; i++)
        v[i] = l[i].slot;
    int_array(slots, v, n);
    for (size_t i = 0; i < n; i++)
        v[i] = l[i].epoch;
    int_array(epochs, v, n);
    pvs_free(v);
}

/* Rows of (slot, epoch) into out (at most max), their count. */
static size_t leases_of(const PGresult *r, struct pvs_lease *out, size_t max) {
    size_t n = 0;

    for (int i = 0; i < PQntuples(r) && n < max; i++) {
        out[n].slot = (int)pvs_pg_i64(r, i, 0);
        out[n].epoch = pvs_pg_i64(r, i, 1);
        n++;
    }
    return n;
}

enum pvs_err pvs_store_cluster_assign(struct pvs_store *st, int slots,
                                      int64_t *ret_n) {
    struct pvs_store_be *be = be_of(st);
    PGresult *r;

    if (!be)
        return PVS_ERR_UNSUPPORTED;
    /* hashtext is stable for a server version; the slot is stored, so a
     * later version hashing otherwise moves nothing. */
    r = pvs_pg_query(be, "giving sites their slot",
                     "UPDATE sites SET slot = mod(abs(hashtext(id)::bigint),"
                     " $1::int) WHERE slot IS NULL OR slot >= $1::int",
                     "i", (int64_t)slots);
    if (!r)
        return pvs_pg_failed(be);
    if (ret_n)
        *ret_n = strtoll(PQcmdTuples(r), NULL, 10);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_store_cluster_init(struct pvs_store *st, int slots) {
    struct pvs_store_be *be = be_of(st);
    enum pvs_err rc;
    PGresult *r;
    int64_t k;

    if (!be)
        return PVS_ERR_UNSUPPORTED;
    rc = pvs_pg_exec(be, "making the cluster's slots", "BEGIN", NULL);
    if (rc)
        return rc;
    r = pvs_pg_query(be, "making the cluster's slots",
                     "SELECT pg_advisory_xact_lock(7283940418),"
                     " (SELECT count(*) FROM leases)",
                     NULL);
    if (!r) {
        rc = pvs_pg_failed(be);
        goto out;
    }
    k = pvs_pg_i64(r, 0, 1);
    PQclear(r);
    if (!k) {
        rc = pvs_pg_exec(be, "making the cluster's slots",
                         "INSERT INTO leases(slot) SELECT generate_series(0,"
                         " $1::int - 1)",
                         "i", (int64_t)slots);
        if (!rc)
            pvs_info("made the cluster's %d slots", slots);
    } else if (k != slots) {
        pvs_error("the cluster's database has %lld slots and [cluster] "
                  "slots is %d: the number of slots is fixed when the "
                  "database is made (set slots = %lld)",
                  (long long)k, slots, (long long)k);
        rc = PVS_ERR_CONFIG;
    }
out:
    if (!rc)
        rc = pvs_pg_exec(be, "making the cluster's slots", "COMMIT", NULL);
    else
        pvs_pg_exec(be, "making the cluster's slots", "ROLLBACK", NULL);
    if (!rc)
        rc = pvs_store_cluster_assign(st, slots, NULL);
    return rc;
}

enum pvs_err pvs_store_cluster_beat(struct pvs_store *st, const char *worker,
                                    int64_t lease_ms,
                                    const struct pvs_worker_beat *b) {
    struct pvs_store_be *be = be_of(st);

    if (!be)
        return PVS_ERR_UNSUPPORTED;
    return pvs_pg_exec(
        be, "renewing the worker",
        "INSERT INTO cluster_workers(id, seen, expires, inbox, batch_age_ms)"
        " VALUES ($1, clock_timestamp(), clock_timestamp() + $2 * interval"
        " '1 millisecond', $3, $4) ON CONFLICT(id) DO UPDATE SET seen ="
        " excluded.seen, expires = excluded.expires, inbox = excluded.inbox,"
        " batch_age_ms = excluded.batch_age_ms, left_at = NULL,"
        " started = CASE WHEN cluster_workers.left_at IS NOT NULL OR"
        " cluster_workers.expires < clock_timestamp() THEN clock_timestamp()"
        " ELSE cluster_workers.started END",
        "tiii", worker, lease_ms, b->inbox, b->batch_age_ms);
}

enum pvs_err pvs_store_cluster_renew(struct pvs_store *st, const char *worker,
                                     int64_t lease_ms, struct pvs_lease *out,
                                     size_t *ret_n) {
    struct pvs_store_be *be = be_of(st);
    PGresult *r;

    if (!be)
        return PVS_ERR_UNSUPPORTED;
    r = pvs_pg_query(be, "renewing leases",
                     "UPDATE leases SET expires = clock_timestamp() + $2 *"
                     " interval '1 millisecond', renewed = clock_timestamp()"
                     " WHERE slot IN (SELECT slot FROM leases WHERE owner ="
                     " $1 AND expires > clock_timestamp() ORDER BY slot FOR"
                     " UPDATE) RETURNING slot, epoch",
                     "ti", worker, lease_ms);
    if (!r)
        return pvs_pg_failed(be);
    *ret_n = leases_of(r, out, PVS_CLUSTER_SLOTS_MAX);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_store_cluster_census(struct pvs_store *st, const char *worker,
                                      struct pvs_cluster_census *ret) {
    struct pvs_store_be *be = be_of(st);
    PGresult *r;

    if (!be)
        return PVS_ERR_UNSUPPORTED;
    r = pvs_pg_query(
        be, "counting the cluster's leases",
        "WITH live AS (SELECT owner, count(*) AS n FROM leases WHERE owner"
        " IS NOT NULL AND expires > clock_timestamp() GROUP BY owner),"
        " w AS (SELECT id FROM cluster_workers WHERE expires >"
        " clock_timestamp() AND left_at IS NULL UNION SELECT $1)"
        " SELECT (SELECT count(*) FROM leases), (SELECT count(*) FROM w),"
        " (SELECT count(*) FROM leases) - (SELECT COALESCE(sum(n), 0) FROM"
        " live), (SELECT COALESCE(min(COALESCE(live.n, 0)), 0) FROM w LEFT"
        " JOIN live ON live.owner = w.id), (SELECT COALESCE(max(n), 0) FROM"
        " live WHERE owner = $1)",
        "t", worker);
    if (!r)
        return pvs_pg_failed(be);
    ret->slots = (int)pvs_pg_i64(r, 0, 0);
    ret->workers = (int)pvs_pg_i64(r, 0, 1);
    ret->free = (int)pvs_pg_i64(r, 0, 2);
    ret->min_held = (int)pvs_pg_i64(r, 0, 3);
    ret->mine = (int)pvs_pg_i64(r, 0, 4);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_store_cluster_take(struct pvs_store *st, const char *worker,
                                    int64_t lease_ms, int max, const int *skip,
                                    size_t nskip, struct pvs_lease *out,
                                    size_t *ret_n) {
    struct pvs_store_be *be = be_of(st);
    struct pvs_buf arr;
    int64_t *v = pvs_calloc(nskip + 1, sizeof(*v));
    enum pvs_err rc = PVS_OK;
    PGresult *r;

    if (!be) {
        pvs_free(v);
        return PVS_ERR_UNSUPPORTED;
    }
    pvs_buf_init(&arr, 65536);
    for (size_t i = 0; i < nskip; i++)
        v[i] = skip[i];
    int_array(&arr, v, nskip);
    r = pvs_pg_query(be, "taking leases",
                     "UPDATE leases SET owner = $1, epoch = epoch + 1,"
                     " expires = clock_timestamp() + $2 * interval"
                     " '1 millisecond', taken = clock_timestamp(), renewed ="
                     " clock_timestamp() WHERE slot IN (SELECT slot FROM"
                     " leases WHERE (owner IS NULL OR expires IS NULL OR"
                     " expires <= clock_timestamp()) AND slot <> ALL($4::int[])"
                     " ORDER BY slot LIMIT $3 FOR UPDATE SKIP LOCKED)"
                     " RETURNING slot, epoch",
                     "tiit", worker, lease_ms, (int64_t)max, arr.data);
    if (!r) {
        rc = pvs_pg_failed(be);
        goto out;
    }
    *ret_n = leases_of(r, out, (size_t)max);
    PQclear(r);
out:
    pvs_buf_release(&arr);
    pvs_free(v);
    return rc;
}

enum pvs_err pvs_store_cluster_release(struct pvs_store *st, const char *worker,
                                       const struct pvs_lease *l, size_t n) {
    struct pvs_store_be *be = be_of(st);
    struct pvs_buf slots, epochs;
    enum pvs_err rc;

    if (!be)
        return PVS_ERR_UNSUPPORTED;
    pvs_buf_init(&slots, 65536);
    pvs_buf_init(&epochs, 131072);
    lease_arrays(l, n, &slots, &epochs);
    rc = pvs_pg_exec(be, "giving leases back",
                     "UPDATE leases SET owner = NULL, expires = NULL WHERE"
                     " slot IN (SELECT l.slot FROM leases l JOIN"
                     " unnest($2::int[], $3::bigint[]) AS f(slot, epoch) ON"
                     " l.slot = f.slot AND l.epoch = f.epoch WHERE l.owner ="
                     " $1 ORDER BY l.slot FOR UPDATE OF l)",
                     "ttt", worker, slots.data, epochs.data);
    pvs_buf_release(&slots);
    pvs_buf_release(&epochs);
    return rc;
}

enum pvs_err pvs_store_cluster_leave(struct pvs_store *st, const char *worker) {
    struct pvs_store_be *be = be_of(st);
    enum pvs_err rc;

    if (!be)
        return PVS_ERR_UNSUPPORTED;
    rc = pvs_pg_exec(be, "leaving the cluster",
                     "UPDATE leases SET owner = NULL, expires = NULL WHERE"
                     " slot IN (SELECT slot FROM leases WHERE owner = $1"
                     " ORDER BY slot FOR UPDATE)",
                     "t", worker);
    if (!rc)
        rc = pvs_pg_exec(be, "leaving the cluster",
                         "UPDATE cluster_workers SET left_at ="
                         " clock_timestamp(), expires = clock_timestamp()"
                         " WHERE id = $1",
                         "t", worker);
    return rc;
}

enum pvs_err pvs_store_cluster_fence(struct pvs_store *st, const char *worker,
                                     int64_t lease_ms,
                                     const struct pvs_lease *l, size_t n) {
    struct pvs_store_be *be = be_of(st);
    struct pvs_buf slots, epochs;
    char idle[32];
    enum pvs_err rc;

    if (!be)
        return PVS_ERR_UNSUPPORTED;
    pvs_buf_init(&slots, 65536);
    pvs_buf_init(&epochs, 131072);
    lease_arrays(l, n, &slots, &epochs);
    /*
     * The lease rows stay locked FOR SHARE until the batch ends, and a
     * take skips locked rows: a worker stopped inside its batch would
     * keep its slots from everyone for as long as it is stopped. For this
     * batch only, the server ends the session once it has waited for the
     * worker longer than a lease (the locks go with it).
     */
    pvs_snprintf(idle, sizeof(idle), "%lld", (long long)lease_ms);
    rc = pvs_pg_exec(be, "bounding the batch's idle time",
                     "SELECT set_config('idle_in_transaction_session_timeout',"
                     " $1, true)",
                     "t", idle);
    /* A CALL, not a SELECT: a batch kept while the server was away
     * (pg.c, "Reconnects") runs it again before its writes. */
    if (!rc)
        rc = pvs_pg_exec(be, "checking the batch's leases", PVS_PG_FENCE_SQL,
                         "ttt", worker, slots.data, epochs.data);
    pvs_buf_release(&slots);
    pvs_buf_release(&epochs);
    return rc == PVS_ERR_DB ? PVS_ERR_DENIED : rc;
}

enum pvs_err pvs_store_cluster_site_slots(struct pvs_store *st,
                                          pvs_store_site_slot_fn *fn,
                                          void *ud) {
    struct pvs_store_be *be = be_of(st);
    PGresult *r;

    if (!be)
        return PVS_ERR_UNSUPPORTED;
    r = pvs_pg_query(be, "reading the sites' slots",
                     "SELECT id, COALESCE(slot, -1) FROM sites ORDER BY id",
                     NULL);
    if (!r)
        return pvs_pg_failed(be);
    for (int i = 0; i < PQntuples(r); i++)
        fn(ud, pvs_pg_str(r, i, 0), (int)pvs_pg_i64(r, i, 1));
    PQclear(r);
    return PVS_OK;
}

/* The workers part of the status. */
static enum pvs_err status_workers(struct pvs_store_be *be,
                                   struct pvs_buf *out) {
    PGresult *r = pvs_pg_query(
        be, "reading the cluster's workers",
        "SELECT w.id, CASE WHEN w.left_at IS NOT NULL THEN 'left' WHEN"
        " w.expires > clock_timestamp() THEN 'live' ELSE 'gone' END,"
        " (SELECT count(*) FROM leases l WHERE l.owner = w.id AND l.expires"
        " > clock_timestamp()), (extract(epoch FROM clock_timestamp() -"
        " w.seen) * 1000)::bigint, COALESCE(w.inbox, 0),"
        " COALESCE(w.batch_age_ms, 0) FROM cluster_workers w ORDER BY"
        " w.left_at IS NOT NULL, w.id",
        NULL);

    if (!r)
        return pvs_pg_failed(be);
    pvs_buf_printf(out, "%-32s %-5s %5s %9s %7s %10s\n", "worker", "state",
                   "slots", "seen_ms", "inbox", "batch_ms");
    for (int i = 0; i < PQntuples(r); i++)
        pvs_buf_printf(
            out, "%-32s %-5s %5lld %9lld %7lld %10lld\n", pvs_pg_str(r, i, 0),
            pvs_pg_str(r, i, 1), (long long)pvs_pg_i64(r, i, 2),
            (long long)pvs_pg_i64(r, i, 3), (long long)pvs_pg_i64(r, i, 4),
            (long long)pvs_pg_i64(r, i, 5));
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_store_cluster_status(struct pvs_store *st,
                                      struct pvs_buf *out) {
    struct pvs_store_be *be = be_of(st);
    PGresult *r;
    enum pvs_err rc;

    if (!be)
        return PVS_ERR_UNSUPPORTED;
    rc = status_workers(be, out);
    if (rc)
        return rc;
    r = pvs_pg_query(
        be, "reading the cluster's leases",
        "SELECT l.slot, COALESCE(l.owner, '-'), l.epoch, CASE WHEN l.owner"
        " IS NULL THEN 'free' WHEN l.expires > clock_timestamp() THEN 'held'"
        " ELSE 'expired' END, COALESCE((extract(epoch FROM"
        " clock_timestamp() - l.renewed) * 1000)::bigint, -1),"
        " COALESCE((extract(epoch FROM l.expires - clock_timestamp()) *"
        " 1000)::bigint, 0), (SELECT count(*) FROM sites s WHERE s.slot ="
        " l.slot) FROM leases l ORDER BY l.slot",
        NULL);
    if (!r)
        return pvs_pg_failed(be);
    pvs_buf_printf(out, "\n%4s %-32s %6s %-7s %9s %9s %5s\n", "slot", "owner",
                   "epoch", "lease", "renew_ms", "left_ms", "sites");
    for (int i = 0; i < PQntuples(r); i++)
        pvs_buf_printf(out, "%4lld %-32s %6lld %-7s %9lld %9lld %5lld\n",
                       (long long)pvs_pg_i64(r, i, 0), pvs_pg_str(r, i, 1),
                       (long long)pvs_pg_i64(r, i, 2), pvs_pg_str(r, i, 3),
                       (long long)pvs_pg_i64(r, i, 4),
                       (long long)pvs_pg_i64(r, i, 5),
                       (long long)pvs_pg_i64(r, i, 6));
    PQclear(r);
    return PVS_OK;
}
