/* SPDX-License-Identifier: MIT */
/*
 * store_copy.c - the SQLite side of copy-store: every row of a table as
 * text, one row put back from text, counts, clearing.
 *
 * Values go through text both ways: SQLite's column affinity turns "42"
 * back into an INTEGER and "1.5" into a REAL, and the readings' JSON is
 * text already.
 */
#define PVS_LOG_MODULE "store"
#include <string.h>

#include "ops.h"
#include "pvs/log.h"
#include "store_int.h"

/* Only the tables of pvs_store_tables reach the SQL text. */
static bool known(const char *table) {
    for (size_t i = 0; pvs_store_tables[i]; i++)
        if (!strcmp(pvs_store_tables[i], table))
            return true;
    return false;
}

static enum pvs_err copy_fail(struct pvs_store_be *st, const char *what,
                              const char *table) {
    pvs_error("%s '%s' failed on '%s': %s", what, table, st->path,
              sqlite3_errmsg(st->db));
    return PVS_ERR_DB;
}

enum pvs_err pvs_sqlite_rows_each(struct pvs_store_be *st, const char *table,
                                  pvs_store_row_fn *fn, void *ud) {
    char sql[96];
    sqlite3_stmt *s = NULL;
    const char **cols = NULL, **vals = NULL;
    enum pvs_err rc = PVS_OK;
    int n, r;

    if (!known(table))
        return PVS_ERR_INVAL;
    pvs_snprintf(sql, sizeof(sql), "SELECT * FROM %s ORDER BY 1, 2", table);
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return copy_fail(st, "reading", table);
    n = sqlite3_column_count(s);
    cols = pvs_calloc((size_t)n + 1, sizeof(*cols));
    vals = pvs_calloc((size_t)n + 1, sizeof(*vals));
    for (int i = 0; i < n; i++)
        cols[i] = sqlite3_column_name(s, i);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        for (int i = 0; i < n; i++)
            vals[i] = (const char *)sqlite3_column_text(s, i);
        if (fn(ud, (size_t)n, cols, vals)) {
            rc = PVS_ERR_CLOSED;
            break;
        }
    }
    if (!rc && r != SQLITE_DONE)
        rc = copy_fail(st, "reading", table);
    sqlite3_finalize(s);
    pvs_free(cols);
    pvs_free(vals);
    return rc;
}

enum pvs_err pvs_sqlite_row_put(struct pvs_store_be *st, const char *table,
                                size_t n, const char *const *cols,
                                const char *const *vals) {
    struct pvs_buf sql;
    sqlite3_stmt *s = NULL;
    enum pvs_err rc = PVS_OK;

    if (!known(table))
        return PVS_ERR_INVAL;
    pvs_buf_init(&sql, 1 << 16);
    pvs_buf_printf(&sql, "INSERT INTO %s(", table);
    for (size_t i = 0; i < n; i++)
        pvs_buf_printf(&sql, "%s\"%s\"", i ? ", " : "", cols[i]);
    pvs_buf_puts(&sql, ") VALUES (");
    for (size_t i = 0; i < n; i++)
        pvs_buf_puts(&sql, i ? ", ?" : "?");
    pvs_buf_puts(&sql, ")");
    if (sqlite3_prepare_v2(st->db, sql.data, -1, &s, NULL) != SQLITE_OK) {
        rc = copy_fail(st, "writing", table);
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        store_bind_text(s, (int)i + 1, vals[i]);
    if (sqlite3_step(s) != SQLITE_DONE)
        rc = copy_fail(st, "writing", table);
out:
    sqlite3_finalize(s);
    pvs_buf_release(&sql);
    return rc;
}

enum pvs_err pvs_sqlite_rows_count(struct pvs_store_be *st, const char *table,
                                   int64_t *ret) {
    char sql[96];
    sqlite3_stmt *s = NULL;
    enum pvs_err rc = PVS_OK;

    if (!known(table))
        return PVS_ERR_INVAL;
    pvs_snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM %s", table);
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK ||
        sqlite3_step(s) != SQLITE_ROW)
        rc = copy_fail(st, "counting", table);
    else
        *ret = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return rc;
}

enum pvs_err pvs_sqlite_rows_clear(struct pvs_store_be *st) {
    size_t n = 0;
    char sql[96];

    while (pvs_store_tables[n])
        n++;
    /* Children first. */
    while (n--) {
        pvs_snprintf(sql, sizeof(sql), "DELETE FROM %s", pvs_store_tables[n]);
        if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
            return copy_fail(st, "clearing", pvs_store_tables[n]);
    }
    return PVS_OK;
}
