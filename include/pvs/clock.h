/* SPDX-License-Identifier: MIT */
/*
 * clock.h - the one clock every timer in pvsentry reads.
 *
 * In production it is the wall clock. In tests and the demo it is a
 * simulated clock: it starts at a given instant and runs `speed` times
 * faster than real time, so a simulated day passes in minutes and nothing
 * depends on the real time of day. pvsim uses the same definition, so the
 * two agree when given the same start and the same real origin.
 *
 * The clock is process-wide and set once at start-up (before threads
 * start); reading it is thread-safe.
 */
#ifndef PVS_CLOCK_H
#define PVS_CLOCK_H

#include <stdint.h>
#include "pvs/util.h"

/*
 * Use a simulated clock: simulated time start_ms corresponds to real
 * (CLOCK_REALTIME) instant origin_real_ms, and advances speed times faster.
 * origin_real_ms = 0 means "now".
 */
void pvs_clock_set_sim(int64_t start_ms, double speed, int64_t origin_real_ms);
void pvs_clock_set_wall(void);
bool pvs_clock_is_sim(void);
double pvs_clock_speed(void);

/* Current time in ms since the Unix epoch (simulated or real). */
int64_t pvs_clock_now_ms(void);

/* Real milliseconds to wait for sim_ms of clock time to pass (>= 0). */
int64_t pvs_clock_real_ms(int64_t sim_ms);

/* Monotonic real time in ms, for measuring durations and timeouts. */
int64_t pvs_clock_mono_ms(void);

/*
 * Parse a simulated clock spec "START[@ORIGIN]xSPEED", for example
 * "2024-06-21T04:00:00Z x60": START is ISO 8601 UTC or epoch seconds.
 */
enum pvs_err pvs_clock_parse_time(const char *s, int64_t *out_ms);

#endif
