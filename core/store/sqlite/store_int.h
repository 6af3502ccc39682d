/* SPDX-License-Identifier: MIT */
/*
 * store_int.h - the SQLite backend's handle and operations, shared by the
 * files of core/store/sqlite/ (the only files that include sqlite3.h).
 * Everything else uses store.h through the dispatch layer.
 */
#ifndef PVS_STORE_INT_H
#define PVS_STORE_INT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ops.h"
#include "pvs/log.h"

#define PVS_STORE_STMTS 64
#define STORE_STMT_ROLLUP 2

struct pvs_store_be {
    sqlite3 *db;
    char *path;
    bool readonly;
    /* store.c's by enum stmt_id; the last STORE_STMT_ROLLUP are
     * store_rollup.c's */
    sqlite3_stmt *stmt[PVS_STORE_STMTS];
};

/* Bind helpers shared by the store files: NULL for absent values. */
static inline void store_bind_text(sqlite3_stmt *s, int i, const char *v) {
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

/* Times: 0 means "not set". */
static inline void store_bind_ms(sqlite3_stmt *s, int i, int64_t v) {
    if (v)
        sqlite3_bind_int64(s, i, v);
    else
        sqlite3_bind_null(s, i);
}

/* A typed value (store_objects.h) bound at i (store_objects.c). */
struct pvs_val;
void pvs_sqlite_bind_val(sqlite3_stmt *s, int i, const struct pvs_val *v);

/*
 * The neutral error for the last failure on db: a duplicate key is
 * PVS_ERR_EXISTS (the statement changed nothing), anything else PVS_ERR_DB.
 */
static inline enum pvs_err store_err(sqlite3 *db) {
    int x = sqlite3_extended_errcode(db);

    if (x == SQLITE_CONSTRAINT_UNIQUE || x == SQLITE_CONSTRAINT_PRIMARYKEY)
        return PVS_ERR_EXISTS;
    return PVS_ERR_DB;
}

/*
 * Step s and collect its first column as ids (the caller owns *ret_ids);
 * finalizes s. what names the query in the error log.
 */
/*
 * Make path a private file before SQLite opens it: created 0600 when it
 * does not exist, whatever the umask; an existing one (and its -wal and
 * -shm) loses every access by others, and the group keeps read at most.
 * SQLite gives the WAL and SHM files the database file's mode.
 */
void store_private_file(const char *path);

enum pvs_err store_ids(struct pvs_store_be *st, sqlite3_stmt *s,
                       const char *what, int64_t **ret_ids, size_t *ret_n);

/*
 * The API's reads and writes (store_web.c, store_objects.c): the scope
 * of a caller is bound as ?1 (kind) and ?2 (person); SCOPE_S and
 * SCOPE_D keep a site or device row inside it (each file adds its own
 * for other tables).
 */
#define SCOPED                                                                 \
    " IN (SELECT id FROM sites WHERE (?1 = 1 AND technician_id = ?2) OR"       \
    " (?1 = 2 AND customer_id = ?2)))"
#define SCOPE_S "(?1 = 0 OR s.id" SCOPED
#define SCOPE_D "(?1 = 0 OR d.site_id" SCOPED

static inline void store_bind_scope(sqlite3_stmt *s,
                                    const struct pvs_scope *sc) {
    sqlite3_bind_int(s, 1, (int)sc->kind);
    store_bind_text(s, 2, sc->kind == PVS_SCOPE_ALL ? "" : sc->person);
}

/* Log that what failed, with SQLite's words; PVS_ERR_DB. */
static inline enum pvs_err store_fail(struct pvs_store_be *st,
                                      const char *what) {
    pvs_error("%s failed on '%s': %s", what, st->path, sqlite3_errmsg(st->db));
    return PVS_ERR_DB;
}

/* sql prepared, or NULL after logging why. */
static inline sqlite3_stmt *store_prep(struct pvs_store_be *st,
                                       const char *sql) {
    sqlite3_stmt *s = NULL;

    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        pvs_error("cannot prepare an API query on '%s': %s", st->path,
                  sqlite3_errmsg(st->db));
        sqlite3_finalize(s);
        return NULL;
    }
    return s;
}

#endif
