/* SPDX-License-Identifier: MIT */
/*
 * sun.h - solar position (NOAA spreadsheet algorithm) and simple
 * day/night helpers. Pure functions; thread-safe.
 */
#ifndef PVS_SUN_H
#define PVS_SUN_H

#include <stdint.h>

struct pvs_sun_pos {
    double elevation_deg; /* refraction-corrected, above the horizon */
    double azimuth_deg;   /* clockwise from north */
    double zenith_deg;
};

/* Position of the sun at ts_ms (UTC epoch ms) seen from lat/lon (deg). */
void pvs_sun_position(double lat, double lon, int64_t ts_ms,
                      struct pvs_sun_pos *out);

/* Elevation only, degrees. */
double pvs_sun_elevation(double lat, double lon, int64_t ts_ms);

#endif
