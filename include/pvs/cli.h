/* SPDX-License-Identifier: MIT */
/*
 * cli.h - subcommands implemented outside core/daemon/main.c. Each takes the
 * arguments after the subcommand name (argv[0] is the subcommand) and
 * returns the process exit status.
 */
#ifndef PVS_CLI_H
#define PVS_CLI_H

#include <stdint.h>
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
/* pvsentry ids sites|devices|tickets -c FILE  (core/daemon/ids.c) */
int pvs_ids_main(int argc, char **argv);
/* pvsentry copy-store --from DB --to DB [--force]
 * (core/daemon/copy_store.c) */
int pvs_copy_store_main(int argc, char **argv);

#endif
