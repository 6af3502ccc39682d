/* SPDX-License-Identifier: MIT */
/* probe.c - placeholder until the SunSpec prober lands. */
#include <stdio.h>

#include "pvs/cli.h"

int pvs_probe_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    fprintf(stderr, "pvsentry probe: not available in this build\n");
    return 1;
}
