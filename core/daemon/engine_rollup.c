/* SPDX-License-Identifier: MIT */
/*
 * engine_rollup.c - the engine's side of the production rollups: each
 * power (or energy counter) reading becomes a segment of production and
 * of expected production, exactly as the underperformance rule sees it
 * (rules/expect.c: sensor irradiance when the site has one, else the
 * clear sky), summed per device and site-local hour for the batch, and
 * written with the batch (pvs_store_rollup_add).
 *
 * DESIGN
 * The ingest path stays cheap: a reading costs one segment (the sky is
 * memoised per thread, so the expectation is mostly a lookup) and an add
 * to the device's open sum; the time-zone arithmetic runs only when a
 * device's reading falls outside the hour of its open sum. Sums are
 * additive, so a device with readings in two hours in one batch (a late
 * reading) simply has two sums.
 */
#define PVS_LOG_MODULE "engine"
#include <string.h>

#include "engine_int.h"
#include "pvs/expect.h"
#include "pvs/log.h"
#include "pvs/rules.h"
#include "pvs/store.h"
#include "pvs/tz.h"

#define HOUR_MS 3600000LL

struct engine_rollup {
    struct pvs_expect_track *track; /* per device */
    struct pvs_expect_env *env;     /* per site */
    size_t *open;                   /* per device: index + 1 into d */
    struct pvs_rollup_delta *d;
    size_t *dev; /* the device of each d */
    size_t n, cap;
};

void engine_rollup_init(struct pvs_engine *e) {
    struct engine_rollup *r = pvs_calloc(1, sizeof(*r));

    r->track = pvs_calloc(e->svc.cfg->ndevices + 1, sizeof(*r->track));
    r->env = pvs_calloc(e->svc.cfg->nsites + 1, sizeof(*r->env));
    r->open = pvs_calloc(e->svc.cfg->ndevices + 1, sizeof(*r->open));
    e->rollup = r;
}

void engine_rollup_release(struct pvs_engine *e) {
    struct engine_rollup *r = e->rollup;

    if (!r)
        return;
    pvs_free(r->track);
    pvs_free(r->env);
    pvs_free(r->open);
    pvs_free(r->d);
    pvs_free(r->dev);
    PVS_FREE(e->rollup);
}

static int64_t floor_mod(int64_t a, int64_t m) {
    int64_t x = a % m;
    return x < 0 ? x + m : x;
}

/* A new sum for device dev at instant t: its site-local hour and day. */
static struct pvs_rollup_delta *open_sum(struct pvs_engine *e, size_t dev,
                                         int64_t t) {
    struct engine_rollup *r = e->rollup;
    const struct pvs_device *d = e->svc.cfg->devices[dev];
    const struct pvs_tz *tz = d->site ? e->svc.tz[d->site->index] : NULL;
    struct pvs_rollup_delta *x;
    int64_t off = tz ? (int64_t)pvs_tz_offset(tz, t) * 1000 : 0;
    struct pvs_tm tm;

    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        r->d = pvs_realloc(r->d, r->cap * sizeof(*r->d));
        r->dev = pvs_realloc(r->dev, r->cap * sizeof(*r->dev));
    }
    r->dev[r->n] = dev;
    x = &r->d[r->n++];
    memset(x, 0, sizeof(*x));
    x->device = d->obj.id;
    x->hour_ms = t - floor_mod(t + off, HOUR_MS);
    if (tz) {
        pvs_tz_local(tz, t, &tm);
        x->day_ms = pvs_tz_from_local(tz, tm.year, tm.mon, tm.mday, 0, 0, 0);
    } else {
        x->day_ms = t - floor_mod(t, 24 * HOUR_MS);
    }
    r->open[dev] = r->n;
    return x;
}

void engine_rollup_sample(struct pvs_engine *e, const struct pvs_sample *s) {
    struct engine_rollup *r = e->rollup;
    const struct pvs_device *d;
    struct pvs_rollup_delta *x;
    struct pvs_expect_seg g;
    int64_t mid;
    double p;

    if (s->dev >= e->svc.cfg->ndevices || s->quality != PVS_Q_OK)
        return;
    d = e->svc.cfg->devices[s->dev];
    if (!d->site)
        return;
    if (s->metric != PVS_M_AC_POWER_W && s->metric != PVS_M_AC_ENERGY_WH) {
        pvs_expect_env_sample(&r->env[d->site->index], s);
        return;
    }
    /* The model runs on the device's clock as the rules see it. */
    r->track[s->dev].clock_off_ms =
        pvs_ruleset_clock_offset(e->svc.rules, s->dev, s->ts_ms);
    if (!pvs_expect_track_sample(&r->track[s->dev], d->site,
                                 pvs_expect_device_kwp(e->svc.cfg, d),
                                 d->rated_w, &r->env[d->site->index], s, &g))
        return;
    mid = g.t0 + (g.t1 - g.t0) / 2;
    x = r->open[s->dev] ? &r->d[r->open[s->dev] - 1] : NULL;
    if (!x || mid < x->hour_ms || mid >= x->hour_ms + HOUR_MS)
        x = open_sum(e, s->dev, mid);
    x->n++;
    if (g.measured_irr)
        x->sensor_n++;
    x->wh += g.meas_wh;
    x->exp_wh += g.exp_wh;
    p = g.t1 > g.t0 ? g.meas_wh * 3600000.0 / (double)(g.t1 - g.t0) : 0;
    if (p > x->peak_w)
        x->peak_w = p;
}

enum pvs_err engine_rollup_flush(struct pvs_engine *e) {
    struct engine_rollup *r = e->rollup;
    enum pvs_err rc = PVS_OK;

    if (!r->n)
        return PVS_OK;
    if (!e->svc.txn_rc)
        rc = pvs_store_rollup_add(e->svc.st, r->d, r->n);
    for (size_t i = 0; i < r->n; i++)
        r->open[r->dev[i]] = 0;
    r->n = 0;
    return rc;
}

void engine_rollup_switch(struct pvs_engine *e, const struct pvs_config *old) {
    struct engine_rollup *r = e->rollup;
    const struct pvs_config *nc = e->svc.cfg;
    struct pvs_expect_track *track =
        pvs_calloc(nc->ndevices + 1, sizeof(*track));
    struct pvs_expect_env *env = pvs_calloc(nc->nsites + 1, sizeof(*env));

    PVS_ASSERT(!r->n);
    for (size_t d = 0; d < old->ndevices; d++) {
        const struct pvs_device *nd =
            pvs_config_device(nc, old->devices[d]->obj.id);
        if (nd)
            track[nd->index] = r->track[d];
    }
    for (size_t s = 0; s < old->nsites; s++) {
        const struct pvs_site *ns = pvs_config_site(nc, old->sites[s]->obj.id);
        if (ns)
            env[ns->index] = r->env[s];
    }
    pvs_free(r->track);
    pvs_free(r->env);
    pvs_free(r->open);
    r->track = track;
    r->env = env;
    r->open = pvs_calloc(nc->ndevices + 1, sizeof(*r->open));
}
