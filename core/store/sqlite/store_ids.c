/* SPDX-License-Identifier: MIT */
/*
 * store_ids.c - the ids of sites, devices and tickets in the store, one a
 * line, for shell completion (`pvsentry ids`).
 */
#define PVS_LOG_MODULE "store"
#include <string.h>

#include "pvs/log.h"
#include "pvs/store.h"
#include "store_int.h"

enum pvs_err pvs_sqlite_ids(struct pvs_store_be *st, const char *kind,
                            size_t limit, struct pvs_buf *out) {
    /* Fixed queries only: kind never reaches the SQL text. */
    static const struct {
        const char *kind, *sql;
    } queries[] = {
        {"sites", "SELECT id FROM sites ORDER BY id LIMIT ?"},
        {"devices", "SELECT id FROM devices ORDER BY id LIMIT ?"},
        {"tickets", "SELECT id FROM tickets ORDER BY id DESC LIMIT ?"},
    };
    const char *sql = NULL;
    sqlite3_stmt *s = NULL;
    enum pvs_err rc = PVS_OK;
    int r;

    for (size_t i = 0; i < PVS_ARRAY_LEN(queries); i++)
        if (!strcmp(queries[i].kind, kind))
            sql = queries[i].sql;
    if (!sql) {
        rc = PVS_ERR_INVAL;
        goto out;
    }
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        pvs_error("cannot list %s in '%s': %s", kind, st->path,
                  sqlite3_errmsg(st->db));
        rc = PVS_ERR_DB;
        goto out;
    }
    sqlite3_bind_int64(s, 1, limit ? (sqlite3_int64)limit : -1);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        const unsigned char *id = sqlite3_column_text(s, 0);
        if (id && pvs_buf_printf(out, "%s\n", (const char *)id)) {
            rc = PVS_ERR_FULL;
            goto out;
        }
    }
    if (r != SQLITE_DONE) {
        pvs_error("cannot list %s in '%s': %s", kind, st->path,
                  sqlite3_errmsg(st->db));
        rc = PVS_ERR_DB;
    }
out:
    sqlite3_finalize(s);
    return rc;
}
