/* SPDX-License-Identifier: MIT */
/* backtest.c - placeholder until the backtest command lands. */
#include <stdio.h>

#include "pvs/cli.h"

int pvs_backtest_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    fprintf(stderr, "pvsentry backtest: not available in this build\n");
    return 1;
}
