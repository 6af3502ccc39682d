/* SPDX-License-Identifier: MIT */
/*
 * store_int.h - the store handle, shared by the core/store*.c files (the
 * only files that include sqlite3.h). Everything else uses store.h.
 */
#ifndef PVS_STORE_INT_H
#define PVS_STORE_INT_H

#include <sqlite3.h>
#include <stdbool.h>

#define PVS_STORE_STMTS 64

struct pvs_store {
    sqlite3 *db;
    char *path;
    bool readonly;
    sqlite3_stmt *stmt[PVS_STORE_STMTS]; /* store.c's, by enum stmt_id */
};

#endif
