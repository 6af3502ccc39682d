/* SPDX-License-Identifier: MIT */
/*
 * rule_snow.c - the `snow` family: output near zero or far below the
 * light while it is freezing: snow on the modules, reported as snow (an
 * information for the owner), not as an inverter fault.
 *
 * DESIGN
 * Needs a temperature (ambient, else module) at or below snow_temp, light
 * (the sensor's expected output, or the clear sky when there is no
 * sensor) and output below ratio of that. Low output under snow
 * is partial as often as it is total (a half-cleared array), hence the
 * generous ratio. It clears when output is back, or when it is warm.
 * Where a POA sensor and both temperatures report, no output at all
 * from modules well above the air in strong light is not snow (they are
 * in the sun): an outage in the cold, left to `underperformance`.
 */
#include <math.h>
#include <string.h>

#include "pvs/expect.h"
#include "pvs/rules.h"

struct snow_params {
    double ratio, snow_temp, min_expected;
    int64_t window_ms, hold_ms;
};

struct snow_dev {
    struct pvs_expect_win win;
    int64_t since;
    int64_t sun_ms; /* last time its modules were warmed by the sun */
    bool active;
};

struct snow_state {
    struct snow_dev *dev;
    struct pvs_expect_env *env;
};

static const char *const snow_keys[] = {"ratio",  "snow_temp", "min_expected",
                                        "window", "hold",      NULL};

static enum pvs_err snow_parse(struct pvs_rule *r,
                               struct pvs_cfg_errors *errs) {
    struct snow_params *p = pvs_calloc(1, sizeof(*p));
    struct snow_state *st = pvs_calloc(1, sizeof(*st));

    pvs_rule_params_check(r, snow_keys, errs);
    p->ratio = pvs_rule_param_double(r, "ratio", 0.4, 0.05, 1.0, errs);
    p->snow_temp =
        pvs_rule_param_double(r, "snow_temp", 3.0, -40.0, 20.0, errs);
    p->min_expected =
        pvs_rule_param_double(r, "min_expected", 0.015, 0.0, 1.0, errs);
    p->window_ms = pvs_rule_param_duration(r, "window", 30 * 60000, errs);
    p->hold_ms = pvs_rule_param_duration(r, "hold", 15 * 60000, errs);
    st->dev = pvs_calloc(r->conf->ndevices + 1, sizeof(*st->dev));
    st->env = pvs_calloc(r->conf->nsites + 1, sizeof(*st->env));
    r->params = p;
    r->state = st;
    return PVS_OK;
}

static void snow_free(struct pvs_rule *r) {
    struct snow_state *st = r->state;

    if (st) {
        pvs_free(st->dev);
        pvs_free(st->env);
    }
    PVS_FREE(r->state);
    PVS_FREE(r->params);
}

static void evaluate(struct pvs_rule *r, const struct pvs_device *dev,
                     int64_t now) {
    const struct snow_params *p = r->params;
    struct snow_state *st = r->state;
    struct snow_dev *d = &st->dev[dev->index];
    struct pvs_expect_sum sum;
    struct pvs_expect_in in;
    struct pvs_observation o;
    char ev[PVS_EVIDENCE_MAX];
    double kwp = pvs_expect_device_kwp(r->conf, dev), base, temp;
    bool cold, snowy;

    if (kwp <= 0)
        return;
    pvs_expect_win_sum(&d->win, now, p->window_ms, &sum);
    pvs_expect_env_inputs(&st->env[dev->site->index], now, &in);
    temp = !isnan(in.ambient_temp_c) ? in.ambient_temp_c : in.module_temp_c;
    if (!sum.nseg || isnan(temp))
        return;
    base = sum.measured_irr ? sum.exp_w : sum.clear_w;
    if (base < p->min_expected * kwp * 1000.0)
        return; /* not enough light to tell */
    /* Nothing at all from modules warmed by the sun within the window
     * is not snow but an outage (a half-cleared array's cleared modules
     * are warm too, and make something). */
    if (pvs_expect_in_sunlit(&in))
        d->sun_ms = now;
    cold = temp <= p->snow_temp &&
           !(d->sun_ms && now - d->sun_ms <= p->window_ms &&
             sum.meas_w < 0.03 * base);
    snowy = cold && sum.meas_w < p->ratio * base;
    d->since = snowy ? (d->since ? d->since : now) : 0;
    memset(&o, 0, sizeof(o));
    o.active = d->since && now - d->since >= p->hold_ms;
    if (!o.active && !d->active)
        return;
    o.site = dev->site;
    o.device = dev;
    o.subject = "";
    o.ts_ms = now;
    o.severity = r->severity;
    o.measured = sum.meas_w;
    o.expected = base;
    o.lost_w = o.active && base > sum.meas_w ? base - sum.meas_w : 0;
    pvs_snprintf(ev, sizeof(ev),
                 "@snow|w=%.0f|exp=%.0f|model=~%s|c=%.1f|min=%.0f", sum.meas_w,
                 base, sum.measured_irr ? "model.sensor" : "model.clear", temp,
                 (double)sum.span_ms / 60000.0);
    o.evidence = ev;
    o.explanation = "@snow.why";
    o.kb = "snow-cover";
    pvs_rule_observe(r, &o);
    d->active = o.active;
}

static void snow_sample(struct pvs_rule *r, const struct pvs_sample *s) {
    struct snow_state *st = r->state;
    const struct pvs_device *dev = r->conf->devices[s->dev];

    if (!dev->site)
        return;
    pvs_expect_env_sample(&st->env[dev->site->index], s);
    if (s->metric != PVS_M_AC_POWER_W && s->metric != PVS_M_AC_ENERGY_WH)
        return;
    if (pvs_expect_win_sample(&st->dev[s->dev].win, dev->site,
                              pvs_expect_device_kwp(r->conf, dev), dev->rated_w,
                              &st->env[dev->site->index], s))
        evaluate(r, dev, s->ts_ms);
}

const struct pvs_rule_type pvs_rule_snow = {
    .name = "snow",
    .severity = PVS_SEV_INFO,
    .for_ms = 0,
    .recovery_ms = 60 * 60000,
    .kb = "snow-cover",
    .parse = snow_parse,
    .sample = snow_sample,
    .free = snow_free,
};
