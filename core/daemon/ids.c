/* SPDX-License-Identifier: MIT */
/*
 * ids.c - `pvsentry ids sites|devices|tickets`: the ids the shell
 * completes, from the configuration file and the database.
 *
 * DESIGN
 * Completion runs this on every Tab, often with a config that is half
 * written or a database that does not exist yet: whatever cannot be read
 * is skipped in silence (stderr goes to /dev/null once the arguments are
 * understood) and the exit status is 0, so the shell never shows an error
 * in the middle of a command line. A config with errors still gives the
 * ids it did parse.
 */
#define PVS_LOG_MODULE "ids"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pvs/cli.h"
#include "pvs/config.h"
#include "pvs/store.h"

/* Newest tickets only: completion lists stay short. */
#define IDS_TICKETS_MAX 1000

static const char usage[] =
    "usage: pvsentry ids sites|devices|tickets (-c FILE | --db DATABASE)\n"
    "\n"
    "Print the ids of the sites, devices or tickets (newest first, at most\n"
    "1000), one a line, from FILE and its database, for shell completion.\n"
    "Prints nothing and exits 0 when FILE or the database cannot be read.\n";

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends a copy of id to *ids (the caller frees each). */
static void add_id(char ***ids, size_t *n, const char *id) {
    if (!id)
        return;
    *ids = pvs_realloc(*ids, (*n + 1) * sizeof(char *));
    (*ids)[(*n)++] = pvs_strdup(id);
}

/* Appends every line of text to *ids. */
static void add_lines(char ***ids, size_t *n, char *text) {
    char *save = NULL;

    for (char *l = strtok_r(text, "\n", &save); l;
         l = strtok_r(NULL, "\n", &save))
        add_id(ids, n, l);
}

int pvs_ids_main(int argc, char **argv) {
    const char *kind = NULL, *path = NULL, *db = NULL;
    struct pvs_config *cfg = NULL;
    struct pvs_cfg_errors errs;
    struct pvs_store *st = NULL;
    struct pvs_buf buf;
    char **ids = NULL;
    size_t n = 0;
    bool tickets;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage, stdout);
            return 0;
        } else if ((!strcmp(argv[i], "-c") || !strcmp(argv[i], "--config")) &&
                   i + 1 < argc) {
            path = argv[++i];
        } else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
            db = argv[++i];
        } else if (!kind &&
                   (!strcmp(argv[i], "sites") || !strcmp(argv[i], "devices") ||
                    !strcmp(argv[i], "tickets"))) {
            kind = argv[i];
        } else {
            fprintf(stderr, "pvsentry ids: unexpected argument '%s'\n\n%s",
                    argv[i], usage);
            return 2;
        }
    }
    if (!kind || (!path && !db)) {
        fprintf(stderr, "pvsentry ids: %s\n\n%s",
                !kind ? "missing sites, devices or tickets" : "missing -c FILE",
                usage);
        return 2;
    }
    if (!freopen("/dev/null", "w", stderr))
        return 0;
    tickets = !strcmp(kind, "tickets");
    memset(&errs, 0, sizeof(errs));
    if (path) {
        cfg = pvs_config_load_all(path, &errs);
        pvs_cfg_errors_release(&errs);
        if (!db)
            db = cfg->global.database;
        if (!strcmp(kind, "sites"))
            for (size_t i = 0; i < cfg->nsites; i++)
                add_id(&ids, &n, cfg->sites[i]->obj.id);
        else if (!strcmp(kind, "devices"))
            for (size_t i = 0; i < cfg->ndevices; i++)
                add_id(&ids, &n, cfg->devices[i]->obj.id);
    }
    pvs_buf_init(&buf, (size_t)64 << 20);
    if (db && !pvs_store_open(db, PVS_STORE_READONLY, &st) &&
        !pvs_store_ids(st, kind, tickets ? IDS_TICKETS_MAX : 0, &buf) &&
        buf.data)
        add_lines(&ids, &n, buf.data);
    /* Tickets keep the store's order; names are sorted, once each. */
    if (!tickets && n)
        qsort(ids, n, sizeof(char *), cmp_str);
    for (size_t i = 0; i < n; i++)
        if (tickets || !i || strcmp(ids[i], ids[i - 1]))
            printf("%s\n", ids[i]);
    for (size_t i = 0; i < n; i++)
        pvs_free(ids[i]);
    pvs_free(ids);
    pvs_buf_release(&buf);
    pvs_store_close(st);
    pvs_config_free(cfg);
    return 0;
}
