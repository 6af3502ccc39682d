/* SPDX-License-Identifier: MIT */
/*
 * mqtt_ref.h - the value rules of the MQTT mapping as they were written on
 * top of cJSON, kept as a reference for tests/unit/test_mqtt_map.c (the
 * differential test) and tests/bench/parse_bench.c (the baseline). Test
 * code only: include after cjson/cJSON.h and pvs/mqtt.h.
 */
#ifndef PVS_TESTS_MQTT_REF_H
#define PVS_TESTS_MQTT_REF_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#include "pvs/clock.h"
#include "pvs/metrics.h"

/* Epoch seconds (or ms when clearly ms), or an ISO 8601 string. */
static inline bool ref_ts(const cJSON *v, int64_t *out) {
    if (cJSON_IsNumber(v)) {
        double d = v->valuedouble;
        if (!isfinite(d) || d < 0)
            return false;
        if (d > 1e11)
            d /= 1000.0;
        if (d > 32503680000.0)
            return false;
        *out = (int64_t)llround(d * 1000.0);
        return true;
    }
    if (cJSON_IsString(v) && v->valuestring)
        return pvs_clock_parse_time(v->valuestring, out) == PVS_OK;
    return false;
}

/* A metric value: numbers, and state names for "state". */
static inline bool ref_value(enum pvs_metric metric, const cJSON *v,
                             double *out) {
    if (cJSON_IsNumber(v)) {
        if (!isfinite(v->valuedouble))
            return false;
        *out = v->valuedouble;
        if (metric == PVS_M_STATE &&
            (*out < PVS_ST_OFF || *out > PVS_ST_STANDBY))
            return false;
        return true;
    }
    if (metric == PVS_M_STATE && cJSON_IsString(v) && v->valuestring) {
        int st = pvs_state_parse(v->valuestring);
        if (st < 0)
            return false;
        *out = st;
        return true;
    }
    return false;
}

#endif
