/* SPDX-License-Identifier: MIT */
/*
 * metrics.c - names, ranges and parsing of the canonical metric vocabulary
 * (DESIGN.md "Canonical metrics"). The table is the single source: add a
 * metric here and in the enum, nowhere else.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pvs/metrics.h"

struct metric_def {
    const char *name; /* for MPPT metrics: the part after "mppt<N>_" */
    bool per_mppt;
    bool counter;
    double min, max;
};

static const struct metric_def metric_defs[PVS_M__COUNT] = {
    [PVS_M_AC_POWER_W] = {"ac_power_w", false, false, -1e7, 1e8},
    [PVS_M_AC_ENERGY_WH] = {"ac_energy_wh", false, true, 0, 1e15},
    [PVS_M_AC_VOLTAGE_V] = {"ac_voltage_v", false, false, 0, 100000},
    [PVS_M_AC_CURRENT_A] = {"ac_current_a", false, false, -1e5, 1e5},
    [PVS_M_AC_FREQUENCY_HZ] = {"ac_frequency_hz", false, false, 0, 500},
    [PVS_M_POWER_FACTOR] = {"power_factor", false, false, -1, 1},
    [PVS_M_DC_POWER_W] = {"dc_power_w", false, false, -1e7, 1e8},
    [PVS_M_DC_VOLTAGE_V] = {"dc_voltage_v", false, false, -5000, 5000},
    [PVS_M_DC_CURRENT_A] = {"dc_current_a", false, false, -1e5, 1e5},
    [PVS_M_MPPT_POWER_W] = {"power_w", true, false, -1e7, 1e8},
    [PVS_M_MPPT_VOLTAGE_V] = {"voltage_v", true, false, -5000, 5000},
    [PVS_M_MPPT_CURRENT_A] = {"current_a", true, false, -1e5, 1e5},
    [PVS_M_TEMP_HEATSINK_C] = {"temp_heatsink_c", false, false, -60, 200},
    [PVS_M_TEMP_CABINET_C] = {"temp_cabinet_c", false, false, -60, 200},
    [PVS_M_INSULATION_KOHM] = {"insulation_kohm", false, false, 0, 1e9},
    [PVS_M_STATE] = {"state", false, false, 1, 8},
    [PVS_M_EVENT_BITS] = {"event_bits", false, false, 0, 4294967295.0},
    [PVS_M_VENDOR_EVENT] = {"vendor_event", false, false, 0, 4294967295.0},
    [PVS_M_POA_IRRADIANCE_WM2] = {"poa_irradiance_wm2", false, false, -50,
                                  2000},
    [PVS_M_GHI_WM2] = {"ghi_wm2", false, false, -50, 2000},
    [PVS_M_AMBIENT_TEMP_C] = {"ambient_temp_c", false, false, -80, 80},
    [PVS_M_MODULE_TEMP_C] = {"module_temp_c", false, false, -80, 120},
    [PVS_M_METER_POWER_W] = {"meter_power_w", false, false, -1e8, 1e8},
    [PVS_M_METER_ENERGY_IMPORT_WH] = {"meter_energy_import_wh", false, true, 0,
                                      1e15},
    [PVS_M_METER_ENERGY_EXPORT_WH] = {"meter_energy_export_wh", false, true, 0,
                                      1e15},
    [PVS_M_BATTERY_SOC_PCT] = {"battery_soc_pct", false, false, 0, 100},
    /* Daily counters are not lifetime counters: they fall every night. */
    [PVS_M_AC_ENERGY_TODAY_WH] = {"ac_energy_today_wh", false, false, 0, 1e12},
    [PVS_M_REACHABLE] = {"reachable", false, false, 0, 1},
};

enum pvs_err pvs_metric_parse(const char *name, enum pvs_metric *ret_metric,
                              unsigned *ret_idx) {
    unsigned idx = 0;
    const char *rest = name;

    if (name[0] == 'm' && !strncmp(name, "mppt", 4)) {
        const char *p = name + 4;
        if (*p < '1' || *p > '9')
            return PVS_ERR_NOTFOUND;
        while (*p >= '0' && *p <= '9' && idx <= PVS_MPPT_MAX)
            idx = idx * 10 + (unsigned)(*p++ - '0');
        if (idx < 1 || idx > PVS_MPPT_MAX || *p != '_')
            return PVS_ERR_NOTFOUND;
        rest = p + 1;
    }
    /*
     * This runs for every field of every MQTT message: the first byte
     * rules out nearly every name before strcmp is called. (No name is
     * empty, so rest[0] != '\0' past this test and rest + 1 is in the
     * string.)
     */
    for (int m = 0; m < PVS_M__COUNT; m++) {
        const struct metric_def *d = &metric_defs[m];

        if (d->per_mppt != (idx > 0) || d->name[0] != rest[0])
            continue;
        if (!strcmp(d->name + 1, rest + 1)) {
            *ret_metric = (enum pvs_metric)m;
            *ret_idx = idx;
            return PVS_OK;
        }
    }
    return PVS_ERR_NOTFOUND;
}

const char *pvs_metric_name(enum pvs_metric m, unsigned idx, char *buf,
                            size_t size) {
    if ((unsigned)m >= PVS_M__COUNT) {
        pvs_snprintf(buf, size, "metric%d", (int)m);
    } else if (metric_defs[m].per_mppt) {
        pvs_snprintf(buf, size, "mppt%u_%s", idx, metric_defs[m].name);
    } else {
        pvs_snprintf(buf, size, "%s", metric_defs[m].name);
    }
    return buf;
}

void pvs_metric_range(enum pvs_metric m, double *ret_min, double *ret_max) {
    PVS_ASSERT((unsigned)m < PVS_M__COUNT);
    *ret_min = metric_defs[m].min;
    *ret_max = metric_defs[m].max;
}

bool pvs_metric_is_counter(enum pvs_metric m) {
    return (unsigned)m < PVS_M__COUNT && metric_defs[m].counter;
}

static const char *const state_names[] = {
    [PVS_ST_OFF] = "off",
    [PVS_ST_SLEEPING] = "sleeping",
    [PVS_ST_STARTING] = "starting",
    [PVS_ST_MPPT] = "mppt",
    [PVS_ST_THROTTLED] = "throttled",
    [PVS_ST_SHUTTING_DOWN] = "shutting_down",
    [PVS_ST_FAULT] = "fault",
    [PVS_ST_STANDBY] = "standby",
};

const char *pvs_state_name(int st) {
    if (st < PVS_ST_OFF || st > PVS_ST_STANDBY)
        return "unknown";
    return state_names[st];
}

int pvs_state_parse(const char *s) {
    for (int i = PVS_ST_OFF; i <= PVS_ST_STANDBY; i++)
        if (!pvs_strcasecmp(s, state_names[i]))
            return i;
    return -1;
}

const char *pvs_quality_name(enum pvs_quality q) {
    static const char *const names[] = {"ok", "not_implemented", "out_of_range",
                                        "stale", "estimated"};
    return (unsigned)q < PVS_ARRAY_LEN(names) ? names[q] : "unknown";
}
