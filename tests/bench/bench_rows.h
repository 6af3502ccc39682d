/* SPDX-License-Identifier: MIT */
/*
 * bench_rows.h - the sample workload the store benchmarks share: the same
 * rows (device, metric, timestamp, value) for the SQLite and PostgreSQL
 * writers and their plain baselines, so their ratios compare like with
 * like. Included by one benchmark program each, hence static functions.
 */
#ifndef PVS_BENCH_ROWS_H
#define PVS_BENCH_ROWS_H

#include <sys/resource.h>
#include <time.h>

#include "pvs/metrics.h"

static const char *const metric_names[10] = {
    "ac_power_w",      "ac_energy_wh",   "ac_voltage_v", "ac_current_a",
    "ac_frequency_hz", "power_factor",   "dc_power_w",   "dc_voltage_v",
    "temp_heatsink_c", "temp_cabinet_c",
};
static const enum pvs_metric metric_ids[10] = {
    PVS_M_AC_POWER_W,     PVS_M_AC_ENERGY_WH,    PVS_M_AC_VOLTAGE_V,
    PVS_M_AC_CURRENT_A,   PVS_M_AC_FREQUENCY_HZ, PVS_M_POWER_FACTOR,
    PVS_M_DC_POWER_W,     PVS_M_DC_VOLTAGE_V,    PVS_M_TEMP_HEATSINK_C,
    PVS_M_TEMP_CABINET_C,
};

#define TS0 1718956800000LL

static double now_s(void) {
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_s(void) {
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

/* Row i: device, metric, timestamp and value. */
static void row(long i, long devs, long *dev, int *metric, long long *ts,
                double *v) {
    long msg = i / 10;

    *metric = (int)(i % 10);
    *dev = msg % devs;
    *ts = TS0 + (msg / devs) * 60000LL;
    *v = 1000.0 + (double)((i * 7919) % 40000) / 10.0;
}

#endif
