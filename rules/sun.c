/* SPDX-License-Identifier: MIT */
/*
 * sun.c - solar position after the NOAA solar calculator (the "General
 * Solar Position" spreadsheet by Meeus' low-precision formulae): about
 * 0.01 degree in elevation between 1800 and 2100, which is far more than
 * liveness and expected-power rules need.
 *
 * DESIGN
 * Everything is computed from the UTC instant; the site's time zone plays
 * no part (true solar time comes from the longitude and the equation of
 * time). Refraction uses the spreadsheet's piecewise model for standard
 * atmosphere, so "elevation" is the apparent elevation a person on the
 * roof would see, and sunrise is where it crosses -0.833 degrees.
 */
#include <math.h>

#include "pvs/sun.h"

#define DEG (180.0 / M_PI)
#define RAD (M_PI / 180.0)

static double wrap360(double x) {
    x = fmod(x, 360.0);
    return x < 0 ? x + 360.0 : x;
}

/* Apparent elevation correction for atmospheric refraction, degrees. */
static double refraction(double elev) {
    double t, r;

    if (elev > 85.0)
        return 0.0;
    t = tan(elev * RAD);
    if (elev > 5.0)
        r = 58.1 / t - 0.07 / (t * t * t) + 0.000086 / pow(t, 5);
    else if (elev > -0.575)
        r = 1735.0 +
            elev * (-518.2 + elev * (103.4 + elev * (-12.79 + elev * 0.711)));
    else
        r = -20.772 / t;
    return r / 3600.0;
}

void pvs_sun_position(double lat, double lon, int64_t ts_ms,
                      struct pvs_sun_pos *out) {
    double jd = (double)ts_ms / 86400000.0 + 2440587.5;
    double jc = (jd - 2451545.0) / 36525.0;
    double l0 = wrap360(280.46646 + jc * (36000.76983 + jc * 0.0003032));
    double m = 357.52911 + jc * (35999.05029 - 0.0001537 * jc);
    double e = 0.016708634 - jc * (0.000042037 + 0.0000001267 * jc);
    double c = sin(m * RAD) * (1.914602 - jc * (0.004817 + 0.000014 * jc)) +
               sin(2 * m * RAD) * (0.019993 - 0.000101 * jc) +
               sin(3 * m * RAD) * 0.000289;
    double omega = (125.04 - 1934.136 * jc) * RAD;
    double app_long = l0 + c - 0.00569 - 0.00478 * sin(omega);
    double obliq0 =
        23.0 +
        (26.0 +
         (21.448 - jc * (46.815 + jc * (0.00059 - jc * 0.001813))) / 60.0) /
            60.0;
    double obliq = obliq0 + 0.00256 * cos(omega);
    double decl = asin(sin(obliq * RAD) * sin(app_long * RAD));
    double y = tan(obliq * RAD / 2);
    double eot, minutes, tst, ha, cosz, zen, elev, az, den;
    int64_t day_ms;

    y *= y;
    eot = 4.0 * DEG *
          (y * sin(2 * l0 * RAD) - 2 * e * sin(m * RAD) +
           4 * e * y * sin(m * RAD) * cos(2 * l0 * RAD) -
           0.5 * y * y * sin(4 * l0 * RAD) - 1.25 * e * e * sin(2 * m * RAD));

    day_ms = ts_ms % 86400000;
    if (day_ms < 0)
        day_ms += 86400000;
    minutes = (double)day_ms / 60000.0;
    tst = fmod(minutes + eot + 4.0 * lon, 1440.0);
    if (tst < 0)
        tst += 1440.0;
    ha = tst / 4.0 < 0 ? tst / 4.0 + 180.0 : tst / 4.0 - 180.0;

    cosz =
        sin(lat * RAD) * sin(decl) + cos(lat * RAD) * cos(decl) * cos(ha * RAD);
    if (cosz > 1.0)
        cosz = 1.0;
    if (cosz < -1.0)
        cosz = -1.0;
    zen = acos(cosz) * DEG;
    elev = 90.0 - zen;

    den = cos(lat * RAD) * sin(zen * RAD);
    if (fabs(den) < 1e-12) {
        /* Sun at the zenith or observer at a pole: azimuth is moot. */
        az = ha > 0 ? 270.0 : 90.0;
    } else {
        double ca = (sin(lat * RAD) * cosz - sin(decl)) / den;
        if (ca > 1.0)
            ca = 1.0;
        if (ca < -1.0)
            ca = -1.0;
        if (ha > 0)
            az = wrap360(acos(ca) * DEG + 180.0);
        else
            az = wrap360(540.0 - acos(ca) * DEG);
    }
    elev += refraction(elev);
    out->elevation_deg = elev;
    out->zenith_deg = 90.0 - elev;
    out->azimuth_deg = az;
}

double pvs_sun_elevation(double lat, double lon, int64_t ts_ms) {
    struct pvs_sun_pos p;

    pvs_sun_position(lat, lon, ts_ms, &p);
    return p.elevation_deg;
}
