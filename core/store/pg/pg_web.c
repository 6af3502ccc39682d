/* SPDX-License-Identifier: MIT */
/*
 * pg_web.c - the PostgreSQL backend's share of the HTTP API's store
 * operations (store_web.h) that the engine itself calls: the audit log
 * and the pruning of personal data. The API's other operations are not
 * there yet (the dispatch layer answers PVS_ERR_UNSUPPORTED).
 */
#define PVS_LOG_MODULE "store"
#include <stdlib.h>

#include "pg_int.h"

enum pvs_err pvs_pg_web_audit(struct pvs_store_be *st, int64_t now_ms,
                              const char *actor, const char *action,
                              const char *object) {
    return pvs_pg_exec(st, "writing the audit log",
                       "INSERT INTO audit(ts_ms, actor, action, object)"
                       " VALUES ($1, $2, $3, $4)",
                       "ittt", now_ms, actor, action, object);
}

enum pvs_err pvs_pg_web_prune_personal(struct pvs_store_be *st,
                                       int64_t before_ms, int64_t *ret_n) {
    static const char *const sqls[] = {
        "UPDATE outbox SET subject = '(expired)', body = '(expired)' WHERE"
        " audience = 'customer' AND created_ms < $1 AND status <> 'pending'"
        " AND body IS DISTINCT FROM '(expired)'",
        "UPDATE surveys SET comment = NULL WHERE answered_ms < $1 AND"
        " comment IS NOT NULL",
    };
    int64_t n = 0;

    pvs_pg_durable(st);
    for (size_t i = 0; i < PVS_ARRAY_LEN(sqls); i++) {
        PGresult *r =
            pvs_pg_query(st, "pruning personal data", sqls[i], "i", before_ms);
        if (!r)
            return pvs_pg_failed(st);
        n += strtoll(PQcmdTuples(r), NULL, 10);
        PQclear(r);
    }
    if (ret_n)
        *ret_n = n;
    return PVS_OK;
}
