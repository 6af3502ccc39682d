/* SPDX-License-Identifier: MIT */
/*
 * metrics.h - the canonical metric vocabulary and the sample record.
 *
 * Every source (Modbus SunSpec, register maps, MQTT) maps its readings onto
 * these names, with the unit in the name (DESIGN.md "Canonical metrics").
 * Per-MPPT metrics carry an input index (mppt1_power_w has index 1).
 *
 * Pure data and lookups; thread-safe.
 */
#ifndef PVS_METRICS_H
#define PVS_METRICS_H

#include <stdint.h>
#include <stddef.h>
#include "pvs/util.h"

enum pvs_metric {
    PVS_M_AC_POWER_W = 0,
    PVS_M_AC_ENERGY_WH,
    PVS_M_AC_VOLTAGE_V,
    PVS_M_AC_CURRENT_A,
    PVS_M_AC_FREQUENCY_HZ,
    PVS_M_POWER_FACTOR,
    PVS_M_DC_POWER_W,
    PVS_M_DC_VOLTAGE_V,
    PVS_M_DC_CURRENT_A,
    PVS_M_MPPT_POWER_W, /* mppt<N>_power_w */
    PVS_M_MPPT_VOLTAGE_V,
    PVS_M_MPPT_CURRENT_A,
    PVS_M_TEMP_HEATSINK_C,
    PVS_M_TEMP_CABINET_C,
    PVS_M_INSULATION_KOHM,
    PVS_M_STATE, /* value is an enum pvs_state */
    PVS_M_EVENT_BITS,
    PVS_M_VENDOR_EVENT,
    PVS_M_POA_IRRADIANCE_WM2,
    PVS_M_GHI_WM2,
    PVS_M_AMBIENT_TEMP_C,
    PVS_M_MODULE_TEMP_C,
    PVS_M_METER_POWER_W,
    PVS_M_METER_ENERGY_IMPORT_WH,
    PVS_M_METER_ENERGY_EXPORT_WH,
    PVS_M_BATTERY_SOC_PCT,
    PVS_M_AC_ENERGY_TODAY_WH, /* resets at the site's midnight */
    PVS_M_REACHABLE,          /* a gateway says: 1 reaches it, 0 does not */
    PVS_M__COUNT
};

/* Highest MPPT input index accepted in a metric name. */
#define PVS_MPPT_MAX 32

/* Inverter operating state (SunSpec St, and the MQTT "state" strings). */
enum pvs_state {
    PVS_ST_OFF = 1,
    PVS_ST_SLEEPING,
    PVS_ST_STARTING,
    PVS_ST_MPPT,
    PVS_ST_THROTTLED,
    PVS_ST_SHUTTING_DOWN,
    PVS_ST_FAULT,
    PVS_ST_STANDBY,
};

enum pvs_quality {
    PVS_Q_OK = 0,
    PVS_Q_NOT_IMPLEMENTED,
    PVS_Q_OUT_OF_RANGE,
    PVS_Q_STALE,
    PVS_Q_ESTIMATED,
};

/* One reading. dev is an index into the config's device array. */
struct pvs_sample {
    uint32_t dev;
    uint16_t metric; /* enum pvs_metric */
    uint16_t idx;    /* MPPT input (1..PVS_MPPT_MAX), else 0 */
    int64_t ts_ms;
    double value;
    uint8_t quality; /* enum pvs_quality */
};

/*
 * Parse a canonical name ("ac_power_w", "mppt2_current_a"). Returns
 * PVS_ERR_NOTFOUND for a name outside the vocabulary.
 */
enum pvs_err pvs_metric_parse(const char *name, enum pvs_metric *ret_metric,
                              unsigned *ret_idx);
/* Write the canonical name of (metric, idx) into buf. Returns buf. */
const char *pvs_metric_name(enum pvs_metric m, unsigned idx, char *buf,
                            size_t size);
/* Plausible physical range for a metric; values outside are out_of_range. */
void pvs_metric_range(enum pvs_metric m, double *ret_min, double *ret_max);
/* Whether the metric is a lifetime counter (energy). */
bool pvs_metric_is_counter(enum pvs_metric m);

/* "mppt" <-> PVS_ST_MPPT; parse returns -1 when unknown. */
const char *pvs_state_name(int st);
int pvs_state_parse(const char *s);

const char *pvs_quality_name(enum pvs_quality q);

#endif
