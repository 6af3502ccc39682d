/* SPDX-License-Identifier: MIT */
/*
 * pg_outbox.c - the outbox that every pvsentry process on one PostgreSQL
 * sends from, and the notice of the API's writes (store_outbox.h).
 *
 * DESIGN
 * A claim is one UPDATE, its own transaction, outside the engine's
 * batches: the batch journal (pg.c, "Reconnects") would replay it without
 * its answer. The rows are chosen by status, in a subquery that locks
 * them FOR UPDATE SKIP LOCKED: two processes claiming at once get
 * disjoint rows and neither waits. Time is the database's
 * (clock_timestamp(), in ms), so the processes' clocks may disagree.
 *
 * Only the oldest pending row of a lane (ticket, audience, channel,
 * recipient) is eligible, whoever holds it: a lane has at most one
 * message in flight in the whole cluster, and the next is claimed once
 * the previous is sent or dead. The check is conservative under
 * concurrency: a claimer that still sees the older row pending skips the
 * newer one until its next round. Rows without a ticket have no lane.
 */
#define PVS_LOG_MODULE "store"
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"
#include "pvs/log.h"

/* The database's clock, ms since the epoch. */
#define NOW_MS "(extract(epoch FROM clock_timestamp()) * 1000)::bigint"

static int cmp_id(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

    return (x > y) - (x < y);
}

enum pvs_err pvs_pg_outbox_claim(struct pvs_store_be *st, const char *claimant,
                                 int64_t ttl_ms, size_t max, int64_t **ret_ids,
                                 size_t *ret_n) {
    static const char sql[] =
        "UPDATE outbox SET claimed_by = $1, claim_until_ms = " NOW_MS
        " + $2 WHERE id IN (SELECT c.id FROM outbox c WHERE c.status ="
        " 'pending' AND (c.claim_until_ms IS NULL OR c.claim_until_ms"
        " < " NOW_MS ") AND NOT EXISTS (SELECT 1 FROM outbox p WHERE"
        " p.status = 'pending' AND p.ticket_id > 0 AND p.ticket_id ="
        " c.ticket_id AND p.id < c.id AND p.audience IS NOT DISTINCT FROM"
        " c.audience AND p.channel = c.channel AND p.recipient IS NOT"
        " DISTINCT FROM c.recipient) ORDER BY c.id LIMIT $3 FOR UPDATE OF"
        " c SKIP LOCKED) RETURNING id";
    int64_t *ids = NULL;
    size_t n = 0;
    enum pvs_err rc;

    PVS_ASSERT(!st->in_tx);
    rc = pvs_pg_idlist(st,
                       pvs_pg_query(st, "claiming messages to send", sql, "tii",
                                    claimant, ttl_ms, (int64_t)max),
                       &ids, &n);
    if (rc)
        return rc;
    qsort(ids, n, sizeof(*ids), cmp_id);
    *ret_ids = ids;
    *ret_n = n;
    return PVS_OK;
}

enum pvs_err pvs_pg_outbox_renew(struct pvs_store_be *st, const char *claimant,
                                 int64_t ttl_ms, const int64_t *ids, size_t n,
                                 size_t *ret_n) {
    struct pvs_buf list;
    PGresult *r;

    PVS_ASSERT(!st->in_tx);
    pvs_buf_init(&list, 24 * (n + 1));
    pvs_buf_printf(&list, "{");
    for (size_t i = 0; i < n; i++)
        pvs_buf_printf(&list, "%s%lld", i ? "," : "", (long long)ids[i]);
    pvs_buf_printf(&list, "}");
    r = pvs_pg_query(st, "renewing claims on messages",
                     "UPDATE outbox SET claim_until_ms = " NOW_MS
                     " + $2 WHERE claimed_by = $1 AND status = 'pending'"
                     " AND id = ANY($3::bigint[])",
                     "tit", claimant, ttl_ms, list.data);
    pvs_buf_release(&list);
    if (!r)
        return pvs_pg_failed(st);
    if (ret_n)
        *ret_n = (size_t)strtoull(PQcmdTuples(r), NULL, 10);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_outbox_unclaim(struct pvs_store_be *st,
                                   const char *claimant) {
    PVS_ASSERT(!st->in_tx);
    return pvs_pg_exec(st, "giving up claims on messages",
                       "UPDATE outbox SET claimed_by = NULL, claim_until_ms"
                       " = NULL WHERE claimed_by = $1 AND status ="
                       " 'pending'",
                       "t", claimant);
}

/*
 * NOTIFY takes no parameter; the claimant is made of characters that
 * need no quoting (pvs_store_claimant), checked again here. Inside the
 * batch, so it is heard only if the batch commits, and kept for a redo
 * like any other write.
 */
enum pvs_err pvs_pg_announce(struct pvs_store_be *st, const char *claimant) {
    char sql[192];

    for (const char *p = claimant; *p; p++)
        if (*p == '\'' || *p == '\\')
            return PVS_ERR_INVAL;
    pvs_snprintf(sql, sizeof(sql), "NOTIFY " PVS_PG_CHANGES ", '%s'", claimant);
    return pvs_pg_exec(st, "announcing a change", sql, NULL);
}
