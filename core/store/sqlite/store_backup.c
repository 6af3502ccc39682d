/* SPDX-License-Identifier: MIT */
/*
 * store_backup.c - an online copy of the store (`pvsentry backup`).
 *
 * DESIGN
 * The copy reads through its own read-only connection with SQLite's
 * online backup API. In WAL mode a reader never blocks the engine, and
 * one backup step over every page runs inside one read transaction, so
 * the copy is a consistent snapshot of the last commit even while the
 * daemon writes. The copy goes to a temporary file next to the target,
 * is checked (PRAGMA integrity_check), switched to a single-file
 * journal mode and only then renamed over the target: a backup that
 * failed half-way never looks like a good one.
 */
#define PVS_LOG_MODULE "store"
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pvs/log.h"
#include "pvs/store.h"
#include "store_int.h"

/* How long a busy source may delay the copy before we give up. */
#define BACKUP_BUSY_MS 30000
#define BACKUP_RETRY_MS 50

static bool copy_ok(sqlite3 *dst, char *msg, size_t msgsize) {
    sqlite3_stmt *s;
    bool ok = false;

    if (sqlite3_prepare_v2(dst, "PRAGMA integrity_check", -1, &s, NULL) !=
        SQLITE_OK) {
        pvs_snprintf(msg, msgsize, "cannot check the copy: %s",
                     sqlite3_errmsg(dst));
        return false;
    }
    if (sqlite3_step(s) == SQLITE_ROW) {
        const char *r = (const char *)sqlite3_column_text(s, 0);
        ok = r && !strcmp(r, "ok");
        if (!ok)
            pvs_snprintf(msg, msgsize, "the copy fails integrity_check: %s",
                         r ? r : "?");
    } else {
        pvs_snprintf(msg, msgsize, "cannot check the copy: %s",
                     sqlite3_errmsg(dst));
    }
    sqlite3_finalize(s);
    return ok;
}

enum pvs_err pvs_sqlite_backup(struct pvs_store_be *st, const char *dst_path,
                               int64_t *ret_pages, char *msg, size_t msgsize) {
    char *tmp = pvs_asprintf("%s.tmp-%ld", dst_path, (long)getpid());
    sqlite3 *dst = NULL;
    sqlite3_backup *b = NULL;
    int waited = 0, r;
    enum pvs_err rc = PVS_ERR_DB;

    msg[0] = '\0';
    unlink(tmp);
    store_private_file(tmp);
    if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        NULL) != SQLITE_OK) {
        pvs_snprintf(msg, msgsize, "cannot create '%s': %s", tmp,
                     dst ? sqlite3_errmsg(dst) : "out of memory");
        goto out;
    }
    b = sqlite3_backup_init(dst, "main", st->db, "main");
    if (!b) {
        pvs_snprintf(msg, msgsize, "cannot start the copy: %s",
                     sqlite3_errmsg(dst));
        goto out;
    }
    for (;;) {
        r = sqlite3_backup_step(b, -1);
        if (r == SQLITE_DONE)
            break;
        if ((r == SQLITE_BUSY || r == SQLITE_LOCKED) &&
            waited < BACKUP_BUSY_MS) {
            sqlite3_sleep(BACKUP_RETRY_MS);
            waited += BACKUP_RETRY_MS;
            continue;
        }
        pvs_snprintf(msg, msgsize, "copy failed: %s", sqlite3_errstr(r));
        goto out;
    }
    if (ret_pages)
        *ret_pages = sqlite3_backup_pagecount(b);
    r = sqlite3_backup_finish(b);
    b = NULL;
    if (r != SQLITE_OK) {
        pvs_snprintf(msg, msgsize, "copy failed: %s", sqlite3_errstr(r));
        goto out;
    }
    /* A backup is one self-contained file, whatever the source's mode. */
    if (sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) !=
        SQLITE_OK) {
        pvs_snprintf(msg, msgsize, "cannot finish the copy: %s",
                     sqlite3_errmsg(dst));
        goto out;
    }
    if (!copy_ok(dst, msg, msgsize))
        goto out;
    if (sqlite3_close(dst) != SQLITE_OK) {
        pvs_snprintf(msg, msgsize, "cannot close the copy: %s",
                     sqlite3_errmsg(dst));
        goto out;
    }
    dst = NULL;
    if (rename(tmp, dst_path)) {
        char eb[128];
        pvs_snprintf(msg, msgsize, "cannot rename '%s' to '%s': %s", tmp,
                     dst_path, pvs_strerror(errno, eb, sizeof(eb)));
        goto out;
    }
    rc = PVS_OK;
out:
    if (b)
        sqlite3_backup_finish(b);
    if (dst)
        sqlite3_close(dst);
    if (rc)
        unlink(tmp);
    pvs_free(tmp);
    return rc;
}
