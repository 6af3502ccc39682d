/* SPDX-License-Identifier: MIT */
/* fuzz_http.c - libFuzzer target: pvs_fuzz_http() (entries.h). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pvs/log.h"

#include "entries.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    /*
     * POST /api/v1/devices/{id}/test runs `/proc/self/exe probe URL`: here
     * that is this binary, which must then act as a probe that fails, not
     * as a second fuzzer.
     */
    if (*argc >= 2 && !strcmp((*argv)[1], "probe")) {
        fputs("{\"ok\": false, \"error\": \"no probe in the fuzz target\"}\n",
              stdout);
        fflush(stdout);
        _exit(1);
    }
    /* Handlers log what they reject; millions of lines say nothing. */
    pvs_log_set_level(PVS_LOG_ERROR);
    /* libFuzzer ends a timed run with exit(): stop the server's threads
     * and remove its database first. */
    atexit(pvs_fuzz_cleanup);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return pvs_fuzz_http(data, size);
}
