/* SPDX-License-Identifier: MIT */
/*
 * copy_store.c - `pvsentry copy-store --from DB --to DB [--force]`: copy
 * a whole store to another backend (SQLite to PostgreSQL and back).
 *
 * The source is opened read-only, the target read-write (which creates
 * its schema). Each table goes over in one transaction of the target,
 * parents before children, ids included, so tickets, their events and
 * their messages keep their numbers and Message-IDs; the target's id
 * sequences then continue after them. At the end the rows of every table
 * are counted on both sides and must be equal. A target that already
 * holds rows is refused unless --force, which empties it first. Run it
 * with pvsentry stopped: rows written to the source during the copy would
 * be missed (the counts then differ and say so).
 */
#define PVS_LOG_MODULE "copy-store"
#include <stdio.h>
#include <string.h>

#include "pvs/cli.h"
#include "pvs/log.h"
#include "pvs/store.h"

static const char usage[] =
    "usage: pvsentry copy-store --from DB --to DB [--force]\n"
    "\n"
    "Copy every table of the store DB (an SQLite path or a postgresql://\n"
    "URI) to the store --to, then compare the row count of every table.\n"
    "A target that holds rows is refused unless --force, which empties it\n"
    "first. Stop pvsentry before copying. Exit status 0 when every count\n"
    "matches, 1 otherwise.\n";

struct copy {
    struct pvs_store *to;
    const char *table;
    int64_t rows;
    enum pvs_err rc;
};

static int put(void *ud, size_t n, const char *const *cols,
               const char *const *vals) {
    struct copy *c = ud;

    c->rc = pvs_store_row_put(c->to, c->table, n, cols, vals);
    c->rows++;
    return c->rc != PVS_OK;
}

/* Whether any copied table of st holds a row; -1 on failure. */
static int holds_rows(struct pvs_store *st) {
    for (size_t i = 0; pvs_store_tables[i]; i++) {
        int64_t n = 0;
        if (pvs_store_rows_count(st, pvs_store_tables[i], &n))
            return -1;
        if (n)
            return 1;
    }
    return 0;
}

static int copy_tables(struct pvs_store *from, struct pvs_store *to) {
    enum pvs_err rc;
    int bad = 0;

    for (size_t i = 0; pvs_store_tables[i]; i++) {
        struct copy c = {to, pvs_store_tables[i], 0, PVS_OK};

        if (pvs_store_begin(to))
            return 1;
        rc = pvs_store_rows_each(from, c.table, put, &c);
        if (c.rc)
            rc = c.rc;
        if (rc) {
            pvs_store_rollback(to);
            fprintf(stderr, "copy-store: cannot copy table '%s': %s\n", c.table,
                    pvs_err_str(rc));
            return 1;
        }
        if (pvs_store_commit(to)) {
            fprintf(stderr, "copy-store: cannot commit table '%s'\n", c.table);
            return 1;
        }
    }
    rc = pvs_store_rows_done(to);
    if (rc && rc != PVS_ERR_UNSUPPORTED)
        return 1;
    for (size_t i = 0; pvs_store_tables[i]; i++) {
        int64_t a = -1, b = -2;

        if (pvs_store_rows_count(from, pvs_store_tables[i], &a) ||
            pvs_store_rows_count(to, pvs_store_tables[i], &b))
            return 1;
        printf("copy-store: %-20s %10lld %s\n", pvs_store_tables[i],
               (long long)b, a == b ? "rows, equal" : "rows, DIFFERENT");
        if (a != b) {
            fprintf(stderr,
                    "copy-store: table '%s' has %lld rows in the source "
                    "and %lld in the target (was pvsentry running?)\n",
                    pvs_store_tables[i], (long long)a, (long long)b);
            bad = 1;
        }
    }
    return bad;
}

int pvs_copy_store_main(int argc, char **argv) {
    const char *from_db = NULL, *to_db = NULL;
    struct pvs_store *from = NULL, *to = NULL;
    bool force = false;
    int status = 1, full;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage, stdout);
            return 0;
        }
        if (!strcmp(argv[i], "--from") && i + 1 < argc) {
            from_db = argv[++i];
        } else if (!strcmp(argv[i], "--to") && i + 1 < argc) {
            to_db = argv[++i];
        } else if (!strcmp(argv[i], "--force")) {
            force = true;
        } else {
            fprintf(stderr,
                    "pvsentry copy-store: unexpected argument '%s'\n\n%s",
                    argv[i], usage);
            return 2;
        }
    }
    if (!from_db || !to_db) {
        fprintf(stderr, "pvsentry copy-store: missing %s\n\n%s",
                !from_db ? "--from DB" : "--to DB", usage);
        return 2;
    }
    if (!strcmp(from_db, to_db)) {
        fprintf(stderr, "pvsentry copy-store: --from and --to are the same "
                        "store\n");
        return 2;
    }
    if (pvs_store_open(from_db, PVS_STORE_READONLY, &from) ||
        pvs_store_open(to_db, 0, &to))
        goto out;
    full = holds_rows(to);
    if (full < 0)
        goto out;
    if (full && !force) {
        fprintf(stderr, "pvsentry copy-store: the target already holds rows; "
                        "--force empties it before copying\n");
        goto out;
    }
    if (full) {
        if (pvs_store_begin(to) || pvs_store_rows_clear(to) ||
            pvs_store_commit(to)) {
            pvs_store_rollback(to);
            goto out;
        }
        printf("copy-store: target emptied (--force)\n");
    }
    status = copy_tables(from, to);
    if (!status)
        printf("copy-store: every table copied, counts equal\n");
out:
    pvs_store_close(from);
    pvs_store_close(to);
    return status;
}
