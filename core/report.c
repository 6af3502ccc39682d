/* SPDX-License-Identifier: MIT */
/* report.c - placeholder until `pvsentry report` lands. */
#include <stdio.h>

#include "pvs/cli.h"

int pvs_report_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    fprintf(stderr, "pvsentry report: not available in this build\n");
    return 1;
}
