/* SPDX-License-Identifier: MIT */
/*
 * expect.h - expected production of a PV array: clear-sky irradiance,
 * plane-of-array transposition and AC power from the array's facts.
 *
 * The model is deliberately simple and explainable (a technician can
 * redo it on paper): Meinel clear-sky beam with Kasten-Young air mass,
 * isotropic-sky transposition, a linear temperature coefficient, a flat
 * loss factor and clipping at the inverter's AC rating. Rules use it to
 * say "about this much power should be there"; they never trust it to
 * better than some tens of percent, which is why they compare against it
 * with wide margins or scale it by a measured irradiance.
 *
 * Pure functions; thread-safe.
 */
#ifndef PVS_EXPECT_H
#define PVS_EXPECT_H

#include <stdint.h>
#include "pvs/config.h"
#include "pvs/sun.h"

/* Irradiance components, W/m2. */
struct pvs_irradiance {
    double ghi; /* global horizontal */
    double dni; /* direct normal */
    double dhi; /* diffuse horizontal */
};

/* Clear-sky irradiance for a sun position (zero below the horizon). */
void pvs_expect_clearsky(const struct pvs_sun_pos *sun, int64_t ts_ms,
                         struct pvs_irradiance *out);

/*
 * Plane-of-array irradiance (W/m2) on a plane tilted tilt degrees from
 * horizontal, facing azimuth degrees clockwise from north (180 = south),
 * isotropic sky, ground albedo 0.2.
 */
double pvs_expect_poa(const struct pvs_irradiance *irr,
                      const struct pvs_sun_pos *sun, double tilt,
                      double azimuth);

/*
 * DC array in kWp behind a device: the device's kwp when set, else the
 * site's kwp shared evenly between the site's inverters. 0 = unknown.
 */
double pvs_expect_device_kwp(const struct pvs_config *cfg,
                             const struct pvs_device *dev);

/* What is known about the conditions at one instant; NaN = unknown. */
struct pvs_expect_in {
    double poa_wm2; /* measured plane-of-array irradiance */
    double ghi_wm2; /* measured global horizontal irradiance */
    double module_temp_c;
    double ambient_temp_c;
};
void pvs_expect_in_init(struct pvs_expect_in *in);

/* Result of pvs_expect_power. */
struct pvs_expect_out {
    double poa_wm2;       /* plane-of-array irradiance used */
    double clear_poa_wm2; /* clear-sky plane-of-array irradiance */
    double power_w;       /* expected AC power, clipped at rated_w */
    double unclipped_w;   /* before clipping */
    double elevation_deg;
    bool measured; /* from a measured irradiance, not the clear sky */
};

/*
 * Expected AC power of kwp kWp on site at ts_ms. With a measured POA it is
 * used directly; with a measured GHI the clear-sky POA is scaled by
 * GHI / clear-sky GHI; otherwise the clear sky is assumed (an upper
 * bound). rated_w > 0 clips the result.
 */
void pvs_expect_power(const struct pvs_site *site, double kwp, double rated_w,
                      int64_t ts_ms, const struct pvs_expect_in *in,
                      struct pvs_expect_out *out);

#endif
