/* SPDX-License-Identifier: MIT */
/* fuzz_config.c - libFuzzer target: pvs_fuzz_config() (entries.h). */
#include <stddef.h>
#include <stdint.h>

#include "pvs/log.h"

#include "entries.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    /* Parsers log what they reject; millions of lines say nothing. */
    pvs_log_set_level(PVS_LOG_ERROR);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return pvs_fuzz_config(data, size);
}
