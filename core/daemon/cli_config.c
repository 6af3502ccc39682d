/* SPDX-License-Identifier: MIT */
/*
 * cli_config.c - what the command-line programs share: reading the
 * configuration file with its errors on stderr (`file:line: message`).
 */
#include <string.h>

#include "pvs/cli.h"
#include "pvs/running.h"

struct pvs_config *pvs_cli_config(const char *path, bool running) {
    struct pvs_config *cfg = NULL;
    struct pvs_cfg_errors errs;
    enum pvs_err rc;

    memset(&errs, 0, sizeof(errs));
    rc = running ? pvs_running_load(path, NULL, 0, &cfg, &errs)
                 : pvs_config_load(path, &cfg, &errs);
    if (rc) {
        cfg = NULL;
        pvs_cfg_errors_print(&errs, stderr);
    }
    pvs_cfg_errors_release(&errs);
    return cfg;
}
