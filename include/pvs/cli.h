/* SPDX-License-Identifier: MIT */
/*
 * cli.h - subcommands implemented outside core/daemon/main.c. Each takes the
 * arguments after the subcommand name (argv[0] is the subcommand) and
 * returns the process exit status.
 */
#ifndef PVS_CLI_H
#define PVS_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "pvs/util.h"

/* pvsentry probe URL [--json]  (collector/probe.c) */
int pvs_probe_main(int argc, char **argv);
/* pvsentry backtest -c FILE --csv FILE ...  (core/daemon/backtest.c) */
int pvs_backtest_main(int argc, char **argv);

/* pvsentry backup -c FILE OUT  (core/daemon/backup.c) */
int pvs_backup_main(int argc, char **argv);
/* pvsentry report -c FILE [--since DATE] [--json]  (core/daemon/report.c) */
int pvs_report_main(int argc, char **argv);
/*
 * The report's JSON (what --json prints) from the store's figures since
 * since_ms, appended to out.
 */
struct pvs_store;
enum pvs_err pvs_report_json(struct pvs_store *st, int64_t since_ms,
                             struct pvs_buf *out);
/*
 * What `pvsentry tickets` prints to f: at most limit tickets (0 = all),
 * newest first, as JSON or as a table (core/daemon/tickets.c). Nothing
 * is printed when the store cannot be read (the store logged why).
 */
enum pvs_err pvs_tickets_print(struct pvs_store *st, size_t limit, bool json,
                               FILE *f);
/*
 * The configuration at path, for a command (core/daemon/cli_config.c): the file
 * alone, or (running) with the API's objects from its database as `run` reads
 * them (an invalid object left out). NULL after printing every error to stderr.
 * The caller frees it (pvs_config_free).
 */
struct pvs_config;
struct pvs_config *pvs_cli_config(const char *path, bool running);
/* pvsentry ids sites|devices|tickets -c FILE  (core/daemon/ids.c) */
int pvs_ids_main(int argc, char **argv);
/* pvsentry copy-store --from DB --to DB [--force]
 * (core/daemon/copy_store.c) */
int pvs_copy_store_main(int argc, char **argv);

#endif
