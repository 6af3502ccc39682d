/* SPDX-License-Identifier: MIT */
/*
 * web_sky.c - the expectation model the dashboard's charts draw, handed
 * to the HTTP server by the daemon (pvs_web_set_sky): the same clear-sky
 * model the underperformance rule uses, without a sensor.
 */
#include "pvs/expect.h"
#include "pvs/web_sky.h"

static double clear_sky_w(const struct pvs_site *site, double kwp,
                          int64_t ts_ms) {
    struct pvs_expect_in in;
    struct pvs_expect_out eo;

    pvs_expect_in_init(&in);
    pvs_expect_power(site, kwp, 0, ts_ms, &in, &eo);
    return eo.power_w;
}

const struct pvs_web_sky pvs_web_sky_clear = {
    .clear_sky_w = clear_sky_w,
    .device_kwp = pvs_expect_device_kwp,
};
