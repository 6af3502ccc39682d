/* SPDX-License-Identifier: MIT */
/*
 * pg_copy.c - the PostgreSQL side of copy-store: every row of a table as
 * text (in single-row mode, so a year of readings does not sit in
 * memory), one row put back from text, counts, clearing, and the identity
 * sequences moved past the ids that were copied.
 *
 * Readings put here join the batch's buffer and go out by COPY into their
 * day partitions, as the engine's do.
 */
#define PVS_LOG_MODULE "store"
#include <string.h>

#include "pg_int.h"
#include "pvs/log.h"

static bool known(const char *table) {
    for (size_t i = 0; pvs_store_tables[i]; i++)
        if (!strcmp(pvs_store_tables[i], table))
            return true;
    return false;
}

enum pvs_err pvs_pg_rows_each(struct pvs_store_be *st, const char *table,
                              pvs_store_row_fn *fn, void *ud) {
    char sql[128];
    const char **cols = NULL, **vals = NULL;
    enum pvs_err rc;
    PGresult *r;
    int n = 0;
    bool stop = false;

    if (!known(table))
        return PVS_ERR_INVAL;
    rc = pvs_pg_flush(st);
    if (rc)
        return rc;
    pvs_snprintf(sql, sizeof(sql), "SELECT * FROM %s ORDER BY 1, 2", table);
    if (!PQsendQuery(st->conn, sql) || !PQsetSingleRowMode(st->conn)) {
        pvs_error("reading '%s' failed on PostgreSQL: %s", table,
                  PQerrorMessage(st->conn));
        return PVS_ERR_DB;
    }
    while ((r = PQgetResult(st->conn))) {
        ExecStatusType s = PQresultStatus(r);

        if (s == PGRES_SINGLE_TUPLE && !stop && !rc) {
            if (!cols) {
                n = PQnfields(r);
                cols = pvs_calloc((size_t)n + 1, sizeof(*cols));
                vals = pvs_calloc((size_t)n + 1, sizeof(*vals));
            }
            for (int i = 0; i < n; i++) {
                cols[i] = PQfname(r, i);
                vals[i] = PQgetisnull(r, 0, i) ? NULL : PQgetvalue(r, 0, i);
            }
            stop = fn(ud, (size_t)n, cols, vals) != 0;
        } else if (s != PGRES_SINGLE_TUPLE && s != PGRES_TUPLES_OK && !rc) {
            pvs_error("reading '%s' failed on PostgreSQL: %s", table,
                      PQresultErrorMessage(r));
            rc = PQstatus(st->conn) == CONNECTION_BAD ? PVS_ERR_IO : PVS_ERR_DB;
        }
        PQclear(r);
    }
    pvs_free(cols);
    pvs_free(vals);
    return rc ? rc : stop ? PVS_ERR_CLOSED : PVS_OK;
}

/* A reading joins the batch's COPY buffer. */
static enum pvs_err put_reading(struct pvs_store_be *st, size_t n,
                                const char *const *cols,
                                const char *const *vals) {
    const char *dev = NULL, *ts = NULL, *data = NULL;
    int64_t t;

    for (size_t i = 0; i < n; i++) {
        if (!strcmp(cols[i], "device_id"))
            dev = vals[i];
        else if (!strcmp(cols[i], "ts_ms"))
            ts = vals[i];
        else if (!strcmp(cols[i], "data"))
            data = vals[i];
    }
    if (!dev || !ts || !data || pvs_parse_i64(ts, &t))
        return PVS_ERR_INVAL;
    return pvs_pg_row_add(st, dev, t, data);
}

enum pvs_err pvs_pg_row_put(struct pvs_store_be *st, const char *table,
                            size_t n, const char *const *cols,
                            const char *const *vals) {
    struct pvs_buf sql;
    PGresult *r;
    enum pvs_err rc = PVS_OK;

    if (!known(table))
        return PVS_ERR_INVAL;
    if (!strcmp(table, "readings"))
        return put_reading(st, n, cols, vals);
    rc = pvs_pg_flush(st);
    if (rc)
        return rc;
    pvs_buf_init(&sql, 1 << 16);
    pvs_buf_printf(&sql, "INSERT INTO %s(", table);
    for (size_t i = 0; i < n; i++)
        pvs_buf_printf(&sql, "%s\"%s\"", i ? ", " : "", cols[i]);
    pvs_buf_puts(&sql, ") VALUES (");
    for (size_t i = 0; i < n; i++)
        pvs_buf_printf(&sql, "%s$%zu", i ? ", " : "", i + 1);
    pvs_buf_puts(&sql, ")");
    r = PQexecParams(st->conn, sql.data, (int)n, NULL, vals, NULL, NULL, 0);
    if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
        pvs_error("writing '%s' failed on PostgreSQL: %s", table,
                  r ? PQresultErrorMessage(r) : PQerrorMessage(st->conn));
        rc = PQstatus(st->conn) == CONNECTION_BAD ? PVS_ERR_IO : PVS_ERR_DB;
    }
    PQclear(r);
    pvs_buf_release(&sql);
    return rc;
}

enum pvs_err pvs_pg_rows_count(struct pvs_store_be *st, const char *table,
                               int64_t *ret) {
    char sql[96];
    PGresult *r;

    if (!known(table))
        return PVS_ERR_INVAL;
    pvs_snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM %s", table);
    r = pvs_pg_query(st, "counting rows", sql, NULL);
    if (!r)
        return pvs_pg_failed(st);
    *ret = pvs_pg_i64(r, 0, 0);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_rows_clear(struct pvs_store_be *st) {
    struct pvs_buf sql;
    enum pvs_err rc;

    pvs_buf_init(&sql, 4096);
    pvs_buf_puts(&sql, "TRUNCATE");
    for (size_t i = 0; pvs_store_tables[i]; i++)
        pvs_buf_printf(&sql, "%s %s", i ? "," : "", pvs_store_tables[i]);
    pvs_buf_puts(&sql, " RESTART IDENTITY");
    rc = pvs_pg_exec(st, "clearing the store", sql.data, NULL);
    pvs_buf_release(&sql);
    return rc;
}

enum pvs_err pvs_pg_rows_done(struct pvs_store_be *st) {
    enum pvs_err rc = PVS_OK;
    char sql[256];

    for (size_t i = 0; pvs_store_tables[i] && !rc; i++) {
        PGresult *r;
        bool has_id;

        r = pvs_pg_query(st, "moving the ids on",
                         "SELECT pg_get_serial_sequence($1, 'id') IS NOT"
                         " NULL FROM information_schema.columns WHERE"
                         " table_name = $1 AND column_name = 'id' AND"
                         " is_identity = 'YES'",
                         "t", pvs_store_tables[i]);
        if (!r)
            return pvs_pg_failed(st);
        has_id = PQntuples(r) && !strcmp(pvs_pg_str(r, 0, 0), "t");
        PQclear(r);
        if (!has_id)
            continue;
        pvs_snprintf(sql, sizeof(sql),
                     "SELECT setval(pg_get_serial_sequence('%s', 'id'),"
                     " COALESCE(MAX(id), 0) + 1, false) FROM %s",
                     pvs_store_tables[i], pvs_store_tables[i]);
        rc = pvs_pg_exec(st, "moving the ids on", sql, NULL);
    }
    return rc;
}
