/* SPDX-License-Identifier: MIT */
/* backup.c - placeholder until `pvsentry backup` lands. */
#include <stdio.h>

#include "pvs/cli.h"

int pvs_backup_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    fprintf(stderr, "pvsentry backup: not available in this build\n");
    return 1;
}
