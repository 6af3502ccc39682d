/* SPDX-License-Identifier: MIT */
/*
 * entries.h - the entry points shared by the libFuzzer targets
 * (tests/fuzz/fuzz_*.c) and the regression replay in `make check`
 * (tests/unit/test_fuzz_regress.c), so a crash found by one is replayed
 * through exactly the same code by the other.
 *
 * Each takes one input and returns 0; problems show up as sanitizer
 * reports or failed PVS_ASSERTs, never as return values.
 */
#ifndef PVS_FUZZ_ENTRIES_H
#define PVS_FUZZ_ENTRIES_H

#include <stddef.h>
#include <stdint.h>

/* The input as a configuration file, through pvs_config_load_all and the
 * rule parameter checks, as `pvsentry check` does. */
int pvs_fuzz_config(const uint8_t *data, size_t size);
/* "TOPIC\nPAYLOAD" (or only a payload for pvsentry/s1/inv1) through
 * pvs_mqtt_map_parse with a small fixed configuration. */
int pvs_fuzz_mqtt_payload(const uint8_t *data, size_t size);
/* Big-endian registers after a "SunS" marker at 40000, through discovery,
 * the walker, the decoder and the canonical metrics. */
int pvs_fuzz_sunspec(const uint8_t *data, size_t size);

/* Release what the entry points keep between calls (for leak checks). */
void pvs_fuzz_cleanup(void);

#endif
