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
#include "pvs/metrics.h"
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

/* DC array in kWp behind a device: pvs_config_device_kwp. */
double pvs_expect_device_kwp(const struct pvs_config *cfg,
                             const struct pvs_device *dev);

/* What is known about the conditions at one instant; NaN = unknown. */
struct pvs_expect_in {
    double poa_wm2; /* measured plane-of-array irradiance */
    double ghi_wm2; /* measured global horizontal irradiance */
    double module_temp_c;
    double ambient_temp_c;
};
/*
 * Clear periods in a device's own output, for devices without a sensor:
 * two hours or more (min_ms) in which output over clear-sky power changes
 * smoothly (a step of more than 8 % is a cloud and ends the period) while
 * the clear sky is above min_w. A period's clear-sky performance index is
 * its energy over the clear sky's. Zero-initialise; one per device.
 */
struct pvs_expect_clear {
    int64_t start_ms, last_ms;
    double e_meas, e_clear, e_ms; /* the current period, W times ms */
    double last_r;                /* output / clear sky, <= 0 = none */
};
struct pvs_expect_period {
    int64_t start_ms, end_ms;
    double cspi;  /* energy over clear-sky energy */
    double avg_w; /* mean output */
};
/* Feed output p_w at ts_ms with the clear-sky power clear_w; true when a
 * clear period of at least min_ms has just ended (*ret filled). */
bool pvs_expect_clear_sample(struct pvs_expect_clear *c, int64_t ts_ms,
                             double p_w, double clear_w, double min_w,
                             int64_t min_ms, struct pvs_expect_period *ret);

/*
 * The clear hours of one solar day near the clear sky's peak. The model
 * is least wrong there (low air mass, the sun near the plane's normal),
 * so the index of those hours moves less from one clear day to the next
 * than that of a whole clear period, whose morning or evening share
 * changes with the clouds. Output and clear-sky energy of the clear
 * periods are kept per 15-minute bin of sun time; zero-initialise, one
 * per device and day.
 */
#define PVS_EXPECT_NOON_BINS 96
struct pvs_expect_noon { /* floats: two per device, a ratio's precision */
    float meas[PVS_EXPECT_NOON_BINS];  /* output, W times ms */
    float clear[PVS_EXPECT_NOON_BINS]; /* clear sky, W times ms */
    float ms[PVS_EXPECT_NOON_BINS];
    double peak_w; /* highest clear-sky power of the day */
};
/* Bin of ts_ms in the sun time of longitude lon (degrees east). */
size_t pvs_expect_noon_bin(double lon, int64_t ts_ms);
/* Add every bin of from into to. */
void pvs_expect_noon_add(struct pvs_expect_noon *to,
                         const struct pvs_expect_noon *from);
/*
 * Output over clear-sky energy of the bins whose mean clear-sky power is
 * at least share of peak_w; *ms_out gets the time they cover. NaN when
 * none.
 */
double pvs_expect_noon_index(const struct pvs_expect_noon *n, double share,
                             double *ms_out);

/*
 * Modelled AC energy (Wh) of a clear day for kwp at site: the solar day
 * (midnight to midnight in solar time) that holds ts_ms.
 */
double pvs_expect_clear_day_wh(const struct pvs_site *site, double kwp,
                               double rated_w, int64_t ts_ms);

void pvs_expect_in_init(struct pvs_expect_in *in);

/*
 * True when the modules are clearly warmed by the sun: a measured POA of
 * 250 W/m2 or more and the module at least 0.02 degC per W/m2 above the
 * air (a module in such light is 5 to 15 degC above it, more when it
 * produces nothing). Snow on the modules keeps them at the air's
 * temperature, whatever a sensor beside them reads.
 */
bool pvs_expect_in_sunlit(const struct pvs_expect_in *in);

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

/* ---- tracking production against expectation (for rule families) ---- */

/* Site conditions from sensors; a value older than 30 min is unknown. */
struct pvs_expect_env {
    double poa, ghi, tmod, tamb;
    int64_t poa_ms, ghi_ms, tmod_ms, tamb_ms;
};
/* Take s when it is an environment metric (irradiance, temperatures). */
void pvs_expect_env_sample(struct pvs_expect_env *e,
                           const struct pvs_sample *s);
void pvs_expect_env_inputs(const struct pvs_expect_env *e, int64_t now_ms,
                           struct pvs_expect_in *in);

#define PVS_EXPECT_SEGS 32

/* One interval of production: measured, expected and clear-sky Wh. */
struct pvs_expect_seg {
    int64_t t0, t1;
    double meas_wh, exp_wh, clear_wh;
    bool measured_irr; /* expected came from a sensor */
    bool clipped;      /* output at the inverter's limit */
};

/*
 * Per-device production history: power samples, or power derived from
 * the lifetime energy counter when the device reports no power. Embed it
 * in a family's per-device state; zero-initialised is ready.
 */
struct pvs_expect_win {
    struct pvs_expect_seg seg[PVS_EXPECT_SEGS];
    size_t nseg, head;
    int64_t last_p_ms;
    int64_t last_e_ms;
    double last_e_wh;
    bool have_power;
    double pmax; /* highest power seen: the clipping level when unknown */
    int64_t clock_off_ms; /* the device clock's offset: the model runs at
                           * sample time minus this (set by the caller) */
};

/*
 * Feed a sample of the device (ac_power_w or ac_energy_wh; others are
 * ignored). Returns true when a new segment was added.
 */
bool pvs_expect_win_sample(struct pvs_expect_win *w,
                           const struct pvs_site *site, double kwp,
                           double rated_w, const struct pvs_expect_env *env,
                           const struct pvs_sample *s);

/*
 * A device's production reading by reading, for the store's hourly and
 * daily rollups: the same segments, expected power and clipping rule as
 * pvs_expect_win, but late readings count too (with a 5-minute span,
 * without moving the order) and a repeated reading (same instant) does
 * not. Zero-initialised is ready. Returns true and fills *out when the
 * sample makes a segment.
 */
struct pvs_expect_track {
    int64_t last_p_ms;
    int64_t last_e_ms;
    double last_e_wh;
    double pmax;
    bool have_power;
    int64_t clock_off_ms; /* as in pvs_expect_win (set by the caller) */
};
bool pvs_expect_track_sample(struct pvs_expect_track *t,
                             const struct pvs_site *site, double kwp,
                             double rated_w, const struct pvs_expect_env *env,
                             const struct pvs_sample *s,
                             struct pvs_expect_seg *out);

/* Averages (W) over the segments ending after now_ms - window_ms. */
struct pvs_expect_sum {
    double meas_w, exp_w, clear_w;
    int64_t span_ms;
    bool measured_irr; /* every segment had a sensor */
    bool clipped;      /* some segment was at the clipping level */
    size_t nseg;
};
void pvs_expect_win_sum(const struct pvs_expect_win *w, int64_t now_ms,
                        int64_t window_ms, struct pvs_expect_sum *out);

/* The clear-sky power (W) of the newest segment of w, 0 when none: the
 * model already evaluated, for families that need it per sample. */
double pvs_expect_win_last_clear_w(const struct pvs_expect_win *w);

/* The newest segment of w whose measured power was above max_w (W); NULL
 * when none of the segments kept was. */
const struct pvs_expect_seg *
pvs_expect_win_last_above(const struct pvs_expect_win *w, double max_w);

#endif
