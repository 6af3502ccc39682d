/* SPDX-License-Identifier: MIT */
/*
 * backup.c - `pvsentry backup -c FILE OUT`: an online copy of the
 * database named by the configuration, safe while the daemon runs.
 *
 * The copy is taken through a read-only handle (the engine stays the only
 * writer) by pvs_store_backup(), which checks it and renames it into
 * place. Restoring is a file copy while the daemon is stopped
 * (docs/operations.md).
 */
#define PVS_LOG_MODULE "backup"
#include <stdio.h>
#include <string.h>

#include "pvs/cli.h"
#include "pvs/config.h"
#include "pvs/log.h"
#include "pvs/store.h"

static const char usage[] =
    "usage: pvsentry backup -c FILE OUT\n"
    "\n"
    "Copy the database named by FILE's [global] database to OUT, while\n"
    "pvsentry may be running. The copy is a consistent snapshot of the last\n"
    "committed batch, checked with PRAGMA integrity_check, and replaces OUT\n"
    "only once complete. Exit status 0 on success, 1 on failure.\n";

int pvs_backup_main(int argc, char **argv) {
    const char *path = NULL, *out = NULL;
    struct pvs_config *cfg = NULL;
    struct pvs_store *st = NULL;
    char msg[512];
    int64_t pages = 0;
    int status = 1;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage, stdout);
            return 0;
        }
        if ((!strcmp(argv[i], "-c") || !strcmp(argv[i], "--config")) &&
            i + 1 < argc) {
            path = argv[++i];
        } else if (argv[i][0] != '-' && !out) {
            out = argv[i];
        } else {
            fprintf(stderr, "pvsentry backup: unexpected argument '%s'\n\n%s",
                    argv[i], usage);
            return 2;
        }
    }
    if (!path || !out) {
        fprintf(stderr, "pvsentry backup: %s\n\n%s",
                !path ? "missing -c FILE" : "missing OUT", usage);
        return 2;
    }
    cfg = pvs_cli_config(path, false);
    if (!cfg)
        return 1;
    if (!strcmp(cfg->global.database, out)) {
        fprintf(stderr, "pvsentry backup: OUT is the database itself\n");
        goto out;
    }
    if (pvs_store_open(cfg->global.database, PVS_STORE_READONLY, &st))
        goto out;
    if (pvs_store_backup(st, out, &pages, msg, sizeof(msg))) {
        fprintf(stderr, "pvsentry backup: '%s' -> '%s': %s\n",
                cfg->global.database, out, msg);
        goto out;
    }
    printf("backup: '%s' copied to '%s' (%lld pages, integrity ok)\n",
           cfg->global.database, out, (long long)pages);
    status = 0;
out:
    pvs_store_close(st);
    pvs_config_free(cfg);
    return status;
}
