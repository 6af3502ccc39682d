/* SPDX-License-Identifier: MIT */
/*
 * expect.c - expected AC power from the sun, the array and (when there is
 * one) an irradiance sensor. See expect.h for the model.
 *
 * DESIGN
 * Clear sky: beam DNI = 1367 * E0 * 0.7^(AM^0.678) (Meinel), diffuse
 * DHI = 0.1 * DNI, which gives 850-950 W/m2 GHI at noon in summer at mid
 * latitudes, close to the measured clear days in the shared data. Cell
 * temperature, when only the ambient temperature is known, uses the
 * NOCT-style rise of 25 K at 800 W/m2. Power temperature coefficient is
 * -0.4 %/K (crystalline silicon).
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "pvs/expect.h"

#define RAD (M_PI / 180.0)
#define SOLAR_CONST 1367.0
#define ALBEDO 0.2
#define GAMMA (-0.004)

void pvs_expect_in_init(struct pvs_expect_in *in) {
    in->poa_wm2 = NAN;
    in->ghi_wm2 = NAN;
    in->module_temp_c = NAN;
    in->ambient_temp_c = NAN;
}

bool pvs_expect_in_sunlit(const struct pvs_expect_in *in) {
    return in->poa_wm2 >= 250.0 &&
           in->module_temp_c - in->ambient_temp_c >= 0.02 * in->poa_wm2;
}

void pvs_expect_clearsky(const struct pvs_sun_pos *sun, int64_t ts_ms,
                         struct pvs_irradiance *out) {
    double z = sun->zenith_deg, cosz, am, doy, e0;

    out->ghi = out->dni = out->dhi = 0.0;
    if (z >= 90.0)
        return;
    cosz = cos(z * RAD);
    am = 1.0 / (cosz + 0.50572 * pow(96.07995 - z, -1.6364));
    doy = fmod((double)ts_ms / 86400000.0, 365.2425);
    /* Earth-sun distance correction, good to 0.1 %. */
    e0 = 1.0 + 0.033 * cos(2.0 * M_PI * (doy - 2.0) / 365.2425);
    out->dni = SOLAR_CONST * e0 * pow(0.7, pow(am, 0.678));
    out->dhi = 0.1 * out->dni;
    out->ghi = out->dni * cosz + out->dhi;
}

double pvs_expect_poa(const struct pvs_irradiance *irr,
                      const struct pvs_sun_pos *sun, double tilt,
                      double azimuth) {
    double zen = sun->zenith_deg * RAD, t = tilt * RAD;
    double cos_aoi, beam, sky, ground;

    if (sun->zenith_deg >= 90.0)
        return 0.0;
    cos_aoi = cos(zen) * cos(t) +
              sin(zen) * sin(t) * cos((sun->azimuth_deg - azimuth) * RAD);
    beam = cos_aoi > 0 ? irr->dni * cos_aoi : 0.0;
    sky = irr->dhi * (1.0 + cos(t)) / 2.0;
    ground = irr->ghi * ALBEDO * (1.0 - cos(t)) / 2.0;
    return beam + sky + ground;
}

double pvs_expect_device_kwp(const struct pvs_config *cfg,
                             const struct pvs_device *dev) {
    return pvs_config_device_kwp(cfg, dev);
}

/*
 * The sun and the clear sky at one place and instant, remembered: the
 * devices of a site report at the same instants and every rule family
 * asks, so most questions were answered a moment ago. The trigonometry
 * was the largest cost of evaluating a sample. Per thread, exact (the same
 * inputs give the same answer), a few entries per site.
 */
struct sky {
    double lat, lon, tilt, azimuth;
    int64_t ts_ms;
    bool valid;
    struct pvs_sun_pos sun;
    struct pvs_irradiance clear;
    double clear_poa;
};

#define SKY_SLOTS 256
static _Thread_local struct sky sky_memo[SKY_SLOTS];

static const struct sky *sky_at(const struct pvs_site *site, int64_t ts_ms) {
    uint64_t h = (uint64_t)ts_ms * 0x9E3779B97F4A7C15ull;
    struct sky *k;

    /* Through int64_t: west and south are negative. */
    h ^= (uint64_t)(int64_t)(site->latitude * 1e4) * 0xC2B2AE3D27D4EB4Full;
    h ^= (uint64_t)(int64_t)(site->longitude * 1e4) * 0x165667B19E3779F9ull;
    k = &sky_memo[(h >> 32) % SKY_SLOTS];
    if (k->valid && k->ts_ms == ts_ms && k->lat == site->latitude &&
        k->lon == site->longitude && k->tilt == site->tilt &&
        k->azimuth == site->azimuth)
        return k;
    k->lat = site->latitude;
    k->lon = site->longitude;
    k->tilt = site->tilt;
    k->azimuth = site->azimuth;
    k->ts_ms = ts_ms;
    k->valid = true;
    pvs_sun_position(site->latitude, site->longitude, ts_ms, &k->sun);
    pvs_expect_clearsky(&k->sun, ts_ms, &k->clear);
    k->clear_poa =
        pvs_expect_poa(&k->clear, &k->sun, site->tilt, site->azimuth);
    return k;
}

void pvs_expect_power(const struct pvs_site *site, double kwp, double rated_w,
                      int64_t ts_ms, const struct pvs_expect_in *in,
                      struct pvs_expect_out *out) {
    const struct sky *sky = sky_at(site, ts_ms);
    const struct pvs_irradiance clear = sky->clear;
    double poa, tcell, p;

    out->elevation_deg = sky->sun.elevation_deg;
    out->clear_poa_wm2 = sky->clear_poa;
    out->measured = false;
    if (!isnan(in->poa_wm2)) {
        poa = in->poa_wm2 > 0 ? in->poa_wm2 : 0.0;
        out->measured = true;
    } else if (!isnan(in->ghi_wm2) && clear.ghi > 20.0) {
        double k = in->ghi_wm2 / clear.ghi;
        if (k < 0)
            k = 0;
        if (k > 1.3)
            k = 1.3;
        poa = out->clear_poa_wm2 * k;
        out->measured = true;
    } else {
        poa = out->clear_poa_wm2;
    }
    out->poa_wm2 = poa;
    if (!isnan(in->module_temp_c))
        tcell = in->module_temp_c;
    else if (!isnan(in->ambient_temp_c))
        tcell = in->ambient_temp_c + poa * (25.0 / 800.0);
    else
        tcell = 25.0;
    p = kwp * poa * (1.0 - site->loss_factor) * (1.0 + GAMMA * (tcell - 25.0));
    if (p < 0)
        p = 0;
    out->unclipped_w = p;
    out->power_w = rated_w > 0 && p > rated_w ? rated_w : p;
}

double pvs_expect_clear_day_wh(const struct pvs_site *site, double kwp,
                               double rated_w, int64_t ts_ms) {
    const int64_t step = 15 * 60000, day = 86400000;
    int64_t off = (int64_t)(site->longitude * 240000.0);
    int64_t t0 = ts_ms + off, wh_day;
    struct pvs_expect_in in;
    struct pvs_expect_out out;
    double wh = 0;

    /* From the solar midnight before ts_ms, at the middle of each step. */
    wh_day = (t0 >= 0 ? t0 / day : (t0 - day + 1) / day) * day - off;
    pvs_expect_in_init(&in);
    for (int64_t t = wh_day + step / 2; t < wh_day + day; t += step) {
        pvs_expect_power(site, kwp, rated_w, t, &in, &out);
        wh += out.power_w * (double)step / 3600000.0;
    }
    return wh;
}

double pvs_expect_win_last_clear_w(const struct pvs_expect_win *w) {
    const struct pvs_expect_seg *g;

    if (!w->nseg)
        return 0;
    g = &w->seg[(w->head + PVS_EXPECT_SEGS - 1) % PVS_EXPECT_SEGS];
    return g->t1 > g->t0 ? g->clear_wh * 3600000.0 / (double)(g->t1 - g->t0)
                         : 0;
}

const struct pvs_expect_seg *
pvs_expect_win_last_above(const struct pvs_expect_win *w, double max_w) {
    for (size_t i = 0; i < w->nseg; i++) {
        const struct pvs_expect_seg *g =
            &w->seg[(w->head + PVS_EXPECT_SEGS - 1 - i) % PVS_EXPECT_SEGS];
        if (g->t1 > g->t0 &&
            g->meas_wh * 3600000.0 / (double)(g->t1 - g->t0) > max_w)
            return g;
    }
    return NULL;
}

/* ---- clear periods ---- */

/* The period so far ends: is it one? Then start a new one at now. */
static bool clear_end(struct pvs_expect_clear *c, int64_t now, int64_t min_ms,
                      struct pvs_expect_period *ret) {
    bool ok = c->e_ms >= (double)min_ms && c->e_clear > 0 && c->e_meas > 0;

    if (ok) {
        ret->start_ms = c->start_ms;
        ret->end_ms = c->last_ms;
        ret->cspi = c->e_meas / c->e_clear;
        ret->avg_w = c->e_meas / c->e_ms;
    }
    c->e_meas = c->e_clear = c->e_ms = 0;
    c->start_ms = now;
    return ok;
}

bool pvs_expect_clear_sample(struct pvs_expect_clear *c, int64_t ts_ms,
                             double p_w, double clear_w, double min_w,
                             int64_t min_ms, struct pvs_expect_period *ret) {
    int64_t dt = c->last_ms ? ts_ms - c->last_ms : 0;
    double p = p_w > 0 ? p_w : 0, r, big;
    bool done;

    if (clear_w < min_w || dt <= 0 || dt > 3600000) {
        done = clear_end(c, ts_ms, min_ms, ret);
        c->last_r = 0;
        c->last_ms = ts_ms;
        return done;
    }
    r = p / clear_w;
    big = r > c->last_r ? r : c->last_r;
    if (c->last_r <= 0 || fabs(r - c->last_r) > 0.08 * big) {
        /* A cloud (or the first sample of the hours that count). */
        done = clear_end(c, ts_ms, min_ms, ret);
        c->last_r = r;
        c->last_ms = ts_ms;
        return done;
    }
    c->e_meas += p * (double)dt;
    c->e_clear += clear_w * (double)dt;
    c->e_ms += (double)dt;
    c->last_r = r;
    c->last_ms = ts_ms;
    return false;
}

size_t pvs_expect_noon_bin(double lon, int64_t ts_ms) {
    double t = (double)ts_ms / 1000.0 + lon * 240.0;
    double sec = t - floor(t / 86400.0) * 86400.0;
    size_t b = (size_t)(sec / (86400.0 / PVS_EXPECT_NOON_BINS));

    return b < PVS_EXPECT_NOON_BINS ? b : PVS_EXPECT_NOON_BINS - 1;
}

void pvs_expect_noon_add(struct pvs_expect_noon *to,
                         const struct pvs_expect_noon *from) {
    for (size_t i = 0; i < PVS_EXPECT_NOON_BINS; i++) {
        to->meas[i] += from->meas[i];
        to->clear[i] += from->clear[i];
        to->ms[i] += from->ms[i];
    }
}

double pvs_expect_noon_index(const struct pvs_expect_noon *n, double share,
                             double *ms_out) {
    double m = 0, c = 0, ms = 0;

    for (size_t i = 0; i < PVS_EXPECT_NOON_BINS; i++) {
        if (n->ms[i] <= 0 || n->clear[i] < share * n->peak_w * n->ms[i])
            continue;
        m += n->meas[i];
        c += n->clear[i];
        ms += n->ms[i];
    }
    *ms_out = ms;
    return c > 0 ? m / c : NAN;
}

/* ---- tracking ---- */

#define ENV_MAX_AGE_MS (30 * 60000LL)
#define SEG_MAX_MS (2 * 3600000LL)

void pvs_expect_env_sample(struct pvs_expect_env *e,
                           const struct pvs_sample *s) {
    switch (s->metric) {
    case PVS_M_POA_IRRADIANCE_WM2:
        e->poa = s->value;
        e->poa_ms = s->ts_ms;
        break;
    case PVS_M_GHI_WM2:
        e->ghi = s->value;
        e->ghi_ms = s->ts_ms;
        break;
    case PVS_M_MODULE_TEMP_C:
        e->tmod = s->value;
        e->tmod_ms = s->ts_ms;
        break;
    case PVS_M_AMBIENT_TEMP_C:
        e->tamb = s->value;
        e->tamb_ms = s->ts_ms;
        break;
    default:
        break;
    }
}

static bool fresh(int64_t at, int64_t now) {
    return at && now - at <= ENV_MAX_AGE_MS && at - now <= ENV_MAX_AGE_MS;
}

void pvs_expect_env_inputs(const struct pvs_expect_env *e, int64_t now_ms,
                           struct pvs_expect_in *in) {
    pvs_expect_in_init(in);
    if (!e)
        return;
    if (fresh(e->poa_ms, now_ms))
        in->poa_wm2 = e->poa;
    if (fresh(e->ghi_ms, now_ms))
        in->ghi_wm2 = e->ghi;
    if (fresh(e->tmod_ms, now_ms))
        in->module_temp_c = e->tmod;
    if (fresh(e->tamb_ms, now_ms))
        in->ambient_temp_c = e->tamb;
}

/* One interval [t0, t1] at power p into g; *pmax tracks the clipping
 * level when the rating is unknown. */
static void make_seg(double *pmax, int64_t clock_off_ms,
                     const struct pvs_site *site, double kwp, double rated_w,
                     const struct pvs_expect_env *env, int64_t t0, int64_t t1,
                     double p, struct pvs_expect_seg *g) {
    struct pvs_expect_in in;
    struct pvs_expect_out out, clear;
    int64_t mid = t0 + (t1 - t0) / 2 - clock_off_ms;
    double h = (double)(t1 - t0) / 3600000.0;
    double limit;

    if (p < 0)
        p = 0; /* night consumption is not production */
    if (p > *pmax)
        *pmax = p;
    pvs_expect_env_inputs(env, t1, &in);
    pvs_expect_power(site, kwp, rated_w, mid, &in, &out);
    pvs_expect_in_init(&in);
    pvs_expect_power(site, kwp, rated_w, mid, &in, &clear);
    g->t0 = t0;
    g->t1 = t1;
    g->meas_wh = p * h;
    g->exp_wh = out.power_w * h;
    g->clear_wh = clear.power_w * h;
    g->measured_irr = out.measured;
    /* At the inverter's limit (rated, or the highest output seen) the
     * array may make more than is measured: that is clipping, not loss. */
    limit = rated_w > 0 ? rated_w : *pmax;
    g->clipped = limit > 0 && p >= 0.95 * limit && p > 0.2 * kwp * 1000.0;
    if (g->clipped && g->exp_wh > g->meas_wh)
        g->exp_wh = g->meas_wh;
}

static void add_seg(struct pvs_expect_win *w, const struct pvs_site *site,
                    double kwp, double rated_w,
                    const struct pvs_expect_env *env, int64_t t0, int64_t t1,
                    double p) {
    make_seg(&w->pmax, w->clock_off_ms, site, kwp, rated_w, env, t0, t1, p,
             &w->seg[w->head]);
    w->head = (w->head + 1) % PVS_EXPECT_SEGS;
    if (w->nseg < PVS_EXPECT_SEGS)
        w->nseg++;
}

bool pvs_expect_track_sample(struct pvs_expect_track *t,
                             const struct pvs_site *site, double kwp,
                             double rated_w, const struct pvs_expect_env *env,
                             const struct pvs_sample *s,
                             struct pvs_expect_seg *out) {
    int64_t dt;

    if (s->metric == PVS_M_AC_POWER_W) {
        t->have_power = true;
        if (s->ts_ms == t->last_p_ms)
            return false; /* the same reading again */
        if (s->ts_ms < t->last_p_ms) {
            /* Late: its own default span, the order stays. */
            make_seg(&t->pmax, t->clock_off_ms, site, kwp, rated_w, env,
                     s->ts_ms - 5 * 60000, s->ts_ms, s->value, out);
            return true;
        }
        dt = t->last_p_ms ? s->ts_ms - t->last_p_ms : 0;
        if (dt <= 0 || dt > SEG_MAX_MS)
            dt = 5 * 60000;
        t->last_p_ms = s->ts_ms;
        make_seg(&t->pmax, t->clock_off_ms, site, kwp, rated_w, env,
                 s->ts_ms - dt, s->ts_ms, s->value, out);
        return true;
    }
    if (s->metric != PVS_M_AC_ENERGY_WH || t->have_power ||
        s->ts_ms <= t->last_e_ms)
        return false;
    dt = s->ts_ms - t->last_e_ms;
    if (t->last_e_ms && dt <= SEG_MAX_MS && s->value >= t->last_e_wh) {
        double p = (s->value - t->last_e_wh) * 3600000.0 / (double)dt;
        make_seg(&t->pmax, t->clock_off_ms, site, kwp, rated_w, env,
                 t->last_e_ms, s->ts_ms, p, out);
        t->last_e_ms = s->ts_ms;
        t->last_e_wh = s->value;
        return true;
    }
    t->last_e_ms = s->ts_ms;
    t->last_e_wh = s->value;
    return false;
}

bool pvs_expect_win_sample(struct pvs_expect_win *w,
                           const struct pvs_site *site, double kwp,
                           double rated_w, const struct pvs_expect_env *env,
                           const struct pvs_sample *s) {
    int64_t dt;

    if (s->metric == PVS_M_AC_POWER_W) {
        w->have_power = true;
        dt = w->last_p_ms ? s->ts_ms - w->last_p_ms : 0;
        if (dt <= 0 || dt > SEG_MAX_MS)
            dt = 5 * 60000; /* first sample or after a gap */
        w->last_p_ms = s->ts_ms;
        add_seg(w, site, kwp, rated_w, env, s->ts_ms - dt, s->ts_ms, s->value);
        return true;
    }
    if (s->metric != PVS_M_AC_ENERGY_WH || w->have_power)
        return false;
    dt = s->ts_ms - w->last_e_ms;
    if (w->last_e_ms && dt > 0 && dt <= SEG_MAX_MS &&
        s->value >= w->last_e_wh) {
        double p = (s->value - w->last_e_wh) * 3600000.0 / (double)dt;
        add_seg(w, site, kwp, rated_w, env, w->last_e_ms, s->ts_ms, p);
        w->last_e_ms = s->ts_ms;
        w->last_e_wh = s->value;
        return true;
    }
    w->last_e_ms = s->ts_ms;
    w->last_e_wh = s->value;
    return false;
}

void pvs_expect_win_sum(const struct pvs_expect_win *w, int64_t now_ms,
                        int64_t window_ms, struct pvs_expect_sum *out) {
    double m = 0, e = 0, c = 0;
    int64_t span = 0;

    memset(out, 0, sizeof(*out));
    out->measured_irr = true;
    for (size_t i = 0; i < w->nseg; i++) {
        const struct pvs_expect_seg *g =
            &w->seg[(w->head + PVS_EXPECT_SEGS - 1 - i) % PVS_EXPECT_SEGS];
        if (g->t1 <= now_ms - window_ms && out->nseg)
            break;
        m += g->meas_wh;
        e += g->exp_wh;
        c += g->clear_wh;
        span += g->t1 - g->t0;
        out->measured_irr = out->measured_irr && g->measured_irr;
        out->clipped = out->clipped || g->clipped;
        out->nseg++;
    }
    if (!out->nseg || span <= 0) {
        out->measured_irr = false;
        return;
    }
    out->meas_w = m * 3600000.0 / (double)span;
    out->exp_w = e * 3600000.0 / (double)span;
    out->clear_w = c * 3600000.0 / (double)span;
    out->span_ms = span;
}
