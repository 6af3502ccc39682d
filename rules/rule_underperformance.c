/* SPDX-License-Identifier: MIT */
/*
 * rule_underperformance.c - the `underperformance` family: a device makes
 * clearly less than it should for the light it gets.
 *
 * DESIGN
 * Expected power comes from expect.c: from the site's irradiance sensor
 * when there is one (so clouds lower the expectation with the output),
 * else from the clear sky. The device's own normal ratio of measured to
 * expected is learnt slowly on good windows (a wrong kWp, tilt or sensor
 * position cancels out), and judged against:
 *   dead  output below dead_ratio of expected for 15 min, while expected
 *         is at least min_expected of kWp: low light must not hide a
 *         plant that produces nothing
 *   low   (sensor only) below ratio of its normal for low_for, while the
 *         sun is high enough (20 % of kWp expected) for shading and
 *         sensor mismatch at dawn to stay out of it
 * Without a sensor only a dead device is flagged, and only with the clear
 * sky promising a real output: an overcast day is not a fault. And
 * without a sensor "produces nothing" is critical only when the output is
 * flat at zero or the device itself says it is off or in fault: a dark
 * thunderstorm leaves a flickering few percent, a dead inverter does not
 * (until then it is a warning).
 *
 * Partial losses without a sensor (subject "partial"): a lost string or
 * a derate leaves a smooth curve that is simply lower. The
 * device's output is compared with the clear-sky model at the same
 * instants; a clear period is two hours or more in which the ratio of
 * the two changes smoothly (a cloud makes it jump) while the clear sky
 * is above a fifth of kWp, and its clear-sky performance index is the
 * energy ratio. The device's normal index is the median of its recent
 * normal clear periods (a low one is never learnt). Two clear periods in
 * a row (cloudy hours between do not count) below 1 - partial_drop of
 * normal raise a warning that says in words what is missing; a clear
 * period back above half of that drop resolves it. Where the site has sibling
 * inverters, the `peer` family compares them.
 *
 * One alert per episode: once firing, the condition must be clearly gone
 * (output back above ratio + 0.1 of its normal; without a sensor, above
 * twice the 3 % of clear sky that counts as nothing) on three judged
 * windows in a row that cover four windows' time and at least an hour of
 * daylight (nights do not count) before the family says so; on hourly
 * data, a whole daylight day whose energy is clearly back. Nights are
 * not judged, so hourly data whose midday hours recover a little no
 * longer opens and resolves
 * the same shortfall twice a day. Clipping
 * at the inverter's limit is never a shortfall (expect.c). Cold weather
 * with low output is left to the `snow` family.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pvs/expect.h"
#include "pvs/rules.h"

/* Normal clear periods kept: a week or two, which follows the seasons
 * (cell temperature is not modelled). */
#define PART_REF 7
#define PART_PERIOD_MS (2 * 3600000LL) /* shortest clear period */
#define PART_OVERCAST 0.3 /* of normal: below, a long period counts once */
/* Nothing since first light is taken for snow until the next midday. */
#define SNOW_HOLD_MS (30 * 3600000LL)

/* Clear-sky performance of a device without a sensor, per clear period. */
struct part {
    struct pvs_expect_clear clr;
    float ref[PART_REF];
    unsigned nref;
    int nlow;
    int64_t low_since;
    double low_ratio; /* the episode's index over normal */
    bool active;
};

struct up_params {
    double ratio, dead_ratio, min_expected, snow_temp, partial_drop;
    int64_t window_ms, dead_for_ms, low_for_ms;
};

struct up_dev {
    struct pvs_expect_win win;
    double k; /* learnt normal measured/expected, NaN until known */
    int64_t dead_since, low_since;
    /* Without a sensor: when output was last above a flat zero (a
     * segment's mean), that instant when the dead stretch was first seen,
     * how it fell, and whether output rose above it again since (a storm
     * flickers). */
    int64_t loud_ms, quiet_from;
    double loud_share; /* that segment's output over its clear sky */
    bool tripped;      /* from a tenth of its clear sky or more, or the night */
    bool flickered;
    int state;         /* last reported enum pvs_state, 0 = none */
    int nclear;        /* judged windows in a row without the condition */
    int64_t clear_ms;  /* judged (daylight) time they cover */
    int64_t judged_ms; /* time of the last judged window */
    double day_meas, day_base; /* the current daylight day, while firing */
    bool day_good;             /* the last whole day was clearly fine */
    bool active;
    /* Without a sensor or a thermometer: the solar day's output over its
     * clear sky, yesterday's, whether it woke today, and since when it
     * is taken for snow (subject "snow"). */
    int64_t sday;
    double sday_meas, sday_clear, prev_ratio;
    bool woke, snow;
    int64_t snow_since;
    struct part part;
};

struct up_state {
    struct up_dev *dev;
    struct pvs_expect_env *env; /* per site */
};

static const char *const up_keys[] = {
    "ratio",    "dead_ratio", "min_expected", "snow_temp", "window",
    "dead_for", "low_for",    "partial_drop", NULL,
};

static enum pvs_err up_parse(struct pvs_rule *r, struct pvs_cfg_errors *errs) {
    struct up_params *p = pvs_calloc(1, sizeof(*p));
    struct up_state *st = pvs_calloc(1, sizeof(*st));

    pvs_rule_params_check(r, up_keys, errs);
    p->ratio = pvs_rule_param_double(r, "ratio", 0.7, 0.05, 1.0, errs);
    p->dead_ratio = pvs_rule_param_double(r, "dead_ratio", 0.1, 0.0, 0.5, errs);
    p->min_expected =
        pvs_rule_param_double(r, "min_expected", 0.015, 0.0, 1.0, errs);
    p->snow_temp =
        pvs_rule_param_double(r, "snow_temp", 3.0, -40.0, 20.0, errs);
    p->partial_drop =
        pvs_rule_param_double(r, "partial_drop", 0.2, 0.05, 0.9, errs);
    p->window_ms = pvs_rule_param_duration(r, "window", 30 * 60000, errs);
    p->dead_for_ms = pvs_rule_param_duration(r, "dead_for", 15 * 60000, errs);
    p->low_for_ms = pvs_rule_param_duration(r, "low_for", 45 * 60000, errs);
    st->dev = pvs_calloc(r->conf->ndevices + 1, sizeof(*st->dev));
    for (size_t i = 0; i < r->conf->ndevices; i++)
        st->dev[i].k = NAN;
    st->env = pvs_calloc(r->conf->nsites + 1, sizeof(*st->env));
    r->params = p;
    r->state = st;
    return PVS_OK;
}

static void up_free(struct pvs_rule *r) {
    struct up_state *st = r->state;

    if (st) {
        pvs_free(st->dev);
        pvs_free(st->env);
    }
    PVS_FREE(r->state);
    PVS_FREE(r->params);
}

static void learn(struct up_dev *d, const struct pvs_expect_sum *sum,
                  double kwp) {
    double ratio;

    if (!sum->measured_irr || sum->clipped || sum->exp_w < 0.2 * kwp * 1000)
        return;
    ratio = sum->meas_w / sum->exp_w;
    if (isnan(d->k)) {
        if (ratio > 0.3 && ratio < 1.5)
            d->k = ratio;
        return;
    }
    /* Learn from normal windows only: a fault must not become normal. */
    if (ratio > 0.8 * d->k && ratio < 1.5)
        d->k += 0.05 * (ratio - d->k);
}

/*
 * Snow without a sensor or a thermometer. A device that has not woken
 * since first light is most likely under snow or a dark sky: an info
 * that says so, not a critical "produces nothing". A dead inverter looks
 * the same (flat at zero; the day before says nothing either, as snow
 * often follows a clear day here), so still nothing by the next midday
 * fires the usual alert. A device that woke today and stops, or one that
 * reports its own off or fault state, is never taken for snow.
 */
static bool snow_likely(struct up_dev *d, const struct pvs_expect_sum *sum,
                        double kwp, int64_t now, int64_t lon_ms) {
    int64_t day = (now + lon_ms) / 86400000;

    if (day != d->sday) {
        d->prev_ratio = d->sday_clear > 0 ? d->sday_meas / d->sday_clear : NAN;
        d->sday = day;
        d->sday_meas = d->sday_clear = 0;
        d->woke = false;
    }
    d->sday_meas += sum->meas_w;
    d->sday_clear += sum->clear_w;
    if (sum->clear_w >= 0.1 * kwp * 1000.0 && sum->meas_w >= 0.1 * sum->clear_w)
        d->woke = true;
    if (d->woke)
        return false;
    if (!d->snow)
        d->snow_since = now;
    return now - d->snow_since < SNOW_HOLD_MS;
}

static void snow_observe(struct pvs_rule *r, const struct pvs_device *dev,
                         struct up_dev *d, bool active, int64_t now,
                         double meas_w, double clear_w) {
    struct pvs_observation o;
    char ev[PVS_EVIDENCE_MAX], ex[PVS_EXPLAIN_MAX];

    if (!active && !d->snow)
        return;
    d->snow = active;
    memset(&o, 0, sizeof(o));
    o.site = dev->site;
    o.device = dev;
    o.subject = "snow";
    o.ts_ms = now;
    o.severity = PVS_SEV_INFO;
    o.active = active;
    o.measured = meas_w;
    o.expected = clear_w;
    if (isfinite(d->prev_ratio))
        pvs_snprintf(ev, sizeof(ev), "@under.snow|w=%.0f|clear=%.0f|pct=%.0f",
                     meas_w, clear_w, 100.0 * d->prev_ratio);
    else
        pvs_snprintf(ev, sizeof(ev), "@under.snow|w=%.0f|clear=%.0f", meas_w,
                     clear_w);
    pvs_snprintf(ex, sizeof(ex), "@under.snow.why|dev=%s", dev->obj.id);
    o.evidence = ev;
    o.explanation = ex;
    o.kb = "snow";
    pvs_rule_observe(r, &o);
}

/* The daylight days of a firing shortfall: a night judges the day
 * before as a whole (clearly back, or not). */
static void day_account(const struct up_params *p, struct up_dev *d,
                        const struct pvs_expect_sum *sum, double base,
                        bool sensor, int64_t now) {
    if (d->judged_ms && now - d->judged_ms > 6 * 3600000LL) {
        d->day_good = d->day_base > 0 &&
                      d->day_meas >=
                          (sensor ? p->ratio + 0.15 : 2.0 * 0.03) * d->day_base;
        d->day_meas = d->day_base = 0;
    }
    if (d->active) {
        d->day_meas += sum->meas_w;
        d->day_base += base;
    }
}

/* A firing shortfall whose window looks fine stays firing until three
 * windows in a row, over four windows' time and at least an hour, are
 * (on hourly data: until a whole daylight day was clearly back). */
static bool still_low(struct up_dev *d, const struct pvs_expect_sum *sum,
                      int64_t now) {
    int64_t need = 4 * sum->span_ms > 3600000 ? 4 * sum->span_ms : 3600000;
    int64_t dt = now - d->judged_ms;

    d->clear_ms += d->nclear++ && dt < sum->span_ms ? dt : sum->span_ms;
    return sum->span_ms >= 45 * 60000 ? !d->day_good
                                      : d->nclear < 3 || d->clear_ms < need;
}

/* At or below snow_temp: the air's, else the module's temperature. */
static bool freezing(const struct up_params *p,
                     const struct pvs_expect_in *in) {
    if (!isnan(in->ambient_temp_c))
        return in->ambient_temp_c <= p->snow_temp;
    return !isnan(in->module_temp_c) && in->module_temp_c <= p->snow_temp;
}

/* What the window says: its expected power (*ret_base), whether it is
 * "nothing" or "low"; false when there is too little light to judge. */
static bool window_conditions(const struct up_params *p, const struct up_dev *d,
                              const struct pvs_expect_sum *sum, double kwp,
                              double *ret_base, bool *ret_dead, bool *ret_low) {
    double k = isnan(d->k) ? 1.0 : d->k, base;

    if (!sum->measured_irr) {
        /* Clear sky only: an upper bound, so only "nothing at all". */
        base = sum->clear_w;
        *ret_base = base;
        *ret_dead = sum->meas_w < 0.03 * base;
        *ret_low = false;
        return sum->clear_w >= 0.3 * kwp * 1000.0;
    }
    base = sum->exp_w * k;
    *ret_base = base;
    *ret_dead = sum->meas_w < p->dead_ratio * base;
    *ret_low =
        sum->exp_w >= 0.2 * kwp * 1000.0 && sum->meas_w < p->ratio * base;
    return sum->exp_w >= p->min_expected * kwp * 1000.0;
}

/*
 * Whether a dead stretch of d has been flat at zero for half an hour, or
 * the device says it is off or in fault. Judged per segment, not on the
 * window: the window first judged dead may still hold the last minutes of
 * output before the drop, which are no flicker; output rising above zero
 * after that is one, for the rest of the stretch. A flat zero is a dead
 * inverter when output fell to it from a tenth of the clear sky or more
 * (an inverter that trips), or when it has lasted since before the
 * window was last judged (since the night): a storm dims the array to a
 * few watts first, then nothing for a while.
 */
static bool flat_zero(const struct up_params *p, struct up_dev *d, double kwp,
                      int64_t now) {
    const struct pvs_expect_seg *g =
        pvs_expect_win_last_above(&d->win, 0.001 * kwp * 1000.0 + 2.0);

    if (g && g->t1 > d->loud_ms) {
        d->loud_ms = g->t1;
        d->loud_share = g->clear_wh > 0 ? g->meas_wh / g->clear_wh : 1.0;
    }
    if (!d->dead_since) {
        d->quiet_from = 0;
        d->flickered = false;
    } else if (!d->quiet_from) {
        d->quiet_from = d->loud_ms ? d->loud_ms : d->dead_since;
        d->tripped = d->loud_share >= 0.1 || d->quiet_from > d->judged_ms;
    } else if (d->loud_ms > d->quiet_from) {
        d->flickered = true;
    }
    if (d->state == PVS_ST_OFF || d->state == PVS_ST_FAULT)
        return true;
    return d->dead_since && d->tripped && !d->flickered &&
           now - d->quiet_from >= 2 * p->dead_for_ms;
}

/* What evaluate found about dev: the alert, its figures and words. */
static void up_observe(struct pvs_rule *r, const struct pvs_device *dev,
                       const struct pvs_expect_sum *sum, double base, bool dead,
                       bool low, enum pvs_severity sev, bool sensor,
                       int64_t now) {
    struct up_dev *d = &((struct up_state *)r->state)->dev[dev->index];
    struct pvs_observation o;
    char ev[PVS_EVIDENCE_MAX], ex[PVS_EXPLAIN_MAX];

    memset(&o, 0, sizeof(o));
    o.site = dev->site;
    o.device = dev;
    o.subject = "";
    o.ts_ms = now;
    o.severity = sev;
    o.measured = sum->meas_w;
    o.expected = base;
    o.active = dead || low;
    if (!o.active && !d->active)
        return;
    /* A mass outage is the one incident for the sites in it. */
    if (o.active && !d->active &&
        pvs_rule_mass_outage_covers(r->set, dev->site, now))
        return;
    o.lost_w = o.active && base > sum->meas_w ? base - sum->meas_w : 0;
    pvs_snprintf(ev, sizeof(ev),
                 "@under|w=%.0f|exp=%.0f|min=%.0f|model=~%s|scaled=%s",
                 sum->meas_w, base, (double)sum->span_ms / 60000.0,
                 sensor ? "model.sensor" : "model.clear",
                 isnan(d->k) ? "" : "~under.scaled");
    pvs_snprintf(ex, sizeof(ex), "@%s|dev=%s",
                 dead ? "under.dead.why" : "under.low.why", dev->obj.id);
    o.evidence = ev;
    o.explanation = ex;
    o.kb = dead ? "inverter-offline" : "underperformance";
    pvs_rule_observe(r, &o);
    d->active = o.active;
}

static void evaluate(struct pvs_rule *r, const struct pvs_device *dev,
                     int64_t now) {
    const struct up_params *p = r->params;
    struct up_state *st = r->state;
    struct up_dev *d = &st->dev[dev->index];
    struct pvs_expect_sum sum;
    struct pvs_expect_in in;
    double kwp = pvs_expect_device_kwp(r->conf, dev);
    double base;
    bool judge, dead, low, cold, sensor, flat, snowy = false;

    if (kwp <= 0)
        return;
    pvs_expect_win_sum(&d->win, now, p->window_ms, &sum);
    if (!sum.nseg)
        return;
    learn(d, &sum, kwp);
    pvs_expect_env_inputs(&st->env[dev->site->index], now, &in);
    cold = freezing(p, &in);
    sensor = sum.measured_irr;
    judge = window_conditions(p, d, &sum, kwp, &base, &dead, &low);
    if (!sensor && isnan(in.ambient_temp_c) && isnan(in.module_temp_c))
        snowy = snow_likely(d, &sum, kwp, now,
                            (int64_t)(dev->site->longitude * 240000.0));
    /* A device that says it is off or in fault is not under snow: its
     * own word settles it from the first morning. */
    if (d->state == PVS_ST_OFF || d->state == PVS_ST_FAULT)
        snowy = false;
    if (!judge)
        return; /* too little light to say anything either way */
    /* The snow family's question; but nothing at all from modules
     * warmed by the sun is an outage, however cold (a half-cleared
     * array's cleared modules are warm too, and make something). */
    if (cold && !(dead && pvs_expect_in_sunlit(&in)))
        dead = low = false;
    /* The window itself is evidence: a condition first seen over a
     * whole window has held since the window began (hourly data). */
    d->dead_since =
        dead ? (d->dead_since ? d->dead_since : now - sum.span_ms) : 0;
    d->low_since = low ? (d->low_since ? d->low_since : now - sum.span_ms) : 0;
    /* Without a sensor a dark thunderstorm looks like a dead device for
     * a while: ask for an hour of nothing, or half an hour of a flat
     * zero (storms flicker; dead inverters do not). */
    flat = flat_zero(p, d, kwp, now);
    dead =
        d->dead_since && now - d->dead_since >= (sensor ? p->dead_for_ms
                                                 : flat ? 2 * p->dead_for_ms
                                                        : 4 * p->dead_for_ms);
    low = d->low_since && now - d->low_since >= p->low_for_ms;
    /* Snow, most likely: said as such, and the fault alert waits. */
    snow_observe(r, dev, d, dead && snowy && !d->active, now, sum.meas_w, base);
    if (d->snow)
        dead = false;
    /* Hysteresis in value: a firing shortfall is over only when the
     * output is clearly back. */
    if (d->active && !dead && !low) {
        double back = sensor ? (p->ratio + 0.1) * base : 2.0 * 0.03 * base;
        if (sum.meas_w < back && !cold)
            low = true;
    }
    /* ... and in time. */
    day_account(p, d, &sum, base, sensor, now);
    if (d->active && !dead && !low) {
        low = still_low(d, &sum, now);
    } else {
        d->nclear = 0;
        d->clear_ms = 0;
    }
    d->judged_ms = now;
    if (!d->active)
        d->day_good = false;

    /* Without a sensor, only a flat zero or the device's own word make
     * "produces nothing" critical. */
    up_observe(r, dev, &sum, base, dead, low,
               dead && (sensor || flat) ? PVS_SEV_CRITICAL : r->severity,
               sensor, now);
}

static int cmp_float(const void *a, const void *b) {
    float x = *(const float *)a, y = *(const float *)b;

    return (x > y) - (x < y);
}

static double part_normal(const struct part *pt) {
    float v[PART_REF];
    size_t n = pt->nref < PART_REF ? pt->nref : PART_REF;

    memcpy(v, pt->ref, n * sizeof(v[0]));
    qsort(v, n, sizeof(v[0]), cmp_float);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/* "about a third of the output ...; typical of one string of three" */
static void part_words(const struct pvs_device *dev, const struct part *pt,
                       char *buf, size_t size) {
    /* Day 0 of the epoch was a Thursday: the phrase wday.0. */
    static const double share[] = {0.25, 1.0 / 3, 0.5, 2.0 / 3, 0.75};
    double miss = 1.0 - pt->low_ratio;
    size_t best = 0;
    int64_t off = (int64_t)(dev->site->longitude * 240000.0);
    int64_t days = (pt->low_since + off) / 86400000;

    for (size_t i = 1; i < PVS_ARRAY_LEN(share); i++)
        if (fabs(share[i] - miss) < fabs(share[best] - miss))
            best = i;
    pvs_snprintf(buf, size,
                 "@under.part.why|share=~under.share.%d|dev=%s|"
                 "since=~wday.%lld|typical=~under.typical.%zu",
                 fabs(share[best] - miss) < 0.06 ? (int)best : -1, dev->obj.id,
                 (long long)(((days % 7) + 7) % 7), best);
}

static void part_observe(struct pvs_rule *r, const struct pvs_device *dev,
                         struct part *pt, int64_t now, double p_w) {
    struct pvs_observation o;
    char ev[PVS_EVIDENCE_MAX], ex[PVS_EXPLAIN_MAX];
    double normal;

    memset(&o, 0, sizeof(o));
    o.site = dev->site;
    o.device = dev;
    o.subject = "partial";
    o.ts_ms = now;
    o.severity = r->severity;
    o.active = pt->active;
    /* The model that fired: the device's normal output is its output
     * scaled back by the share it lost. */
    normal = pt->low_ratio > 0.05 ? p_w / pt->low_ratio : p_w;
    o.measured = p_w;
    o.expected = normal;
    o.lost_w = pt->active && normal > p_w ? normal - p_w : 0;
    pvs_snprintf(ev, sizeof(ev), "@under.part|pct=%.0f|n=%d",
                 100.0 * pt->low_ratio, pt->nlow);
    part_words(dev, pt, ex, sizeof(ex));
    o.evidence = ev;
    o.explanation = ex;
    o.kb = "underperformance";
    pvs_rule_observe(r, &o);
}

/* A clear period of pt has ended: how did it do? */
static void part_period(struct pvs_rule *r, const struct pvs_device *dev,
                        struct part *pt, const struct pvs_expect_period *per,
                        int64_t now) {
    const struct up_params *p = r->params;
    double cspi = per->cspi, normal;

    if (pt->nref < 3) {
        if (cspi > 0.2 && cspi < 2.0)
            pt->ref[pt->nref++ % PART_REF] = (float)cspi;
        return;
    }
    normal = part_normal(pt);
    /* Two low clear periods belong together only within ten days. */
    if (pt->nlow && !pt->active && now - pt->low_since > 10 * 86400000LL)
        pt->nlow = 0;
    if (cspi < (1.0 - p->partial_drop) * normal) {
        if (!pt->nlow) {
            pt->low_since = per->start_ms;
            pt->low_ratio = cspi / normal;
        } else {
            pt->low_ratio = (pt->low_ratio + cspi / normal) / 2.0;
        }
        /* A clear stretch of twice the shortest period is two clear
         * periods in a row (a lost string on a day of clear hours
         * between two cloudy ones); not when it kept less than
         * PART_OVERCAST of normal: a smooth sixth is a uniform overcast
         * far more often than a lost string. */
        pt->nlow += per->end_ms - per->start_ms >= 2 * PART_PERIOD_MS &&
                            cspi >= PART_OVERCAST * normal
                        ? 2
                        : 1;
        if (pt->nlow >= 2 && !pt->active) {
            /* Fire with the figures of the period that decided it. */
            pt->active = true;
            part_observe(r, dev, pt, now, per->avg_w);
        }
    } else if (!pt->active) {
        /* Normal follows the seasons (the model is not perfect); a low
         * period never becomes normal. */
        pt->nlow = 0;
        if (cspi < 1.5 * normal)
            pt->ref[pt->nref++ % PART_REF] = (float)cspi;
    } else if (cspi >= (1.0 - p->partial_drop / 2.0) * normal) {
        pt->nlow = 0;
        pt->active = false;
        part_observe(r, dev, pt, now, 0);
    }
}

static void part_sample(struct pvs_rule *r, const struct pvs_device *dev,
                        struct part *pt, const struct pvs_sample *s, double kwp,
                        double clear_w) {
    struct pvs_expect_period per;

    if (pt->active)
        part_observe(r, dev, pt, s->ts_ms, s->value > 0 ? s->value : 0);
    /* The hours that matter: the clear sky above a fifth of kWp (which
     * keeps dawn, dusk and winter mornings out). */
    if (pvs_expect_clear_sample(&pt->clr, s->ts_ms, s->value, clear_w,
                                0.2 * kwp * 1000.0, PART_PERIOD_MS, &per))
        part_period(r, dev, pt, &per, s->ts_ms);
}

static void up_sample(struct pvs_rule *r, const struct pvs_sample *s) {
    struct up_state *st = r->state;
    const struct pvs_device *dev = r->conf->devices[s->dev];
    double kwp;

    if (!dev->site)
        return;
    pvs_expect_env_sample(&st->env[dev->site->index], s);
    if (s->metric == PVS_M_STATE)
        st->dev[s->dev].state = (int)s->value;
    if (s->metric != PVS_M_AC_POWER_W && s->metric != PVS_M_AC_ENERGY_WH)
        return;
    kwp = pvs_expect_device_kwp(r->conf, dev);
    st->dev[s->dev].win.clock_off_ms =
        pvs_ruleset_clock_offset(r->set, s->dev, s->ts_ms);
    if (!pvs_expect_win_sample(&st->dev[s->dev].win, dev->site, kwp,
                               dev->rated_w, &st->env[dev->site->index], s))
        return;
    /* The clear sky of the segment just added (at its middle, with the
     * clock's offset) is the one partial losses compare with. */
    if (s->metric == PVS_M_AC_POWER_W && kwp > 0 &&
        !st->env[dev->site->index].poa_ms && !st->env[dev->site->index].ghi_ms)
        part_sample(r, dev, &st->dev[s->dev].part, s, kwp,
                    pvs_expect_win_last_clear_w(&st->dev[s->dev].win));
    evaluate(r, dev, s->ts_ms);
}

/*
 * What a device taught (its normal ratio with a sensor, its normal clear
 * periods without one, a partial loss going on), so a restart or a
 * reload does not learn a lost string as normal: "up1 k=0.93 n=12
 * ref=0.98,0.97,0.99 part=0 nlow=0 since=0 low=0".
 */
static size_t up_save(struct pvs_rule *r, uint32_t dev, char *buf,
                      size_t size) {
    const struct up_dev *d = &((struct up_state *)r->state)->dev[dev];
    const struct part *pt = &d->part;
    size_t n = pt->nref < PART_REF ? pt->nref : PART_REF, len;

    if (isnan(d->k) && !pt->nref)
        return 0;
    len =
        (size_t)pvs_snprintf(buf, size, "up1 k=%.4f n=%u ref=", d->k, pt->nref);
    for (size_t i = 0; i < n && len < size; i++)
        len += (size_t)pvs_snprintf(buf + len, size - len, "%s%.4f",
                                    i ? "," : "", (double)pt->ref[i]);
    if (len < size)
        len += (size_t)pvs_snprintf(buf + len, size - len,
                                    " part=%d nlow=%d since=%lld low=%.4f",
                                    pt->active ? 1 : 0, pt->nlow,
                                    (long long)pt->low_since, pt->low_ratio);
    return len < size ? len : 0;
}

static void up_load(struct pvs_rule *r, uint32_t dev, const char *text) {
    struct up_dev *d = &((struct up_state *)r->state)->dev[dev];
    struct part *pt = &d->part;
    float ref[PART_REF];
    double k, low;
    unsigned n;
    int act, nlow;
    long long since;
    const char *p = strstr(text, " ref="), *q = strstr(text, " part=");
    size_t m = 0;

    if (sscanf(text, "up1 k=%lf n=%u", &k, &n) != 2 || !p || !q ||
        sscanf(q, " part=%d nlow=%d since=%lld low=%lf", &act, &nlow, &since,
               &low) != 4 ||
        !(isnan(k) || (k > 0 && k < 5)))
        return;
    for (p += 5; p < q && m < PART_REF;) {
        char *end;
        double v = strtod(p, &end);

        if (end == p || !(v > 0 && v < 5))
            return; /* not ours: keep what is running */
        ref[m++] = (float)v;
        p = *end == ',' ? end + 1 : end;
    }
    d->k = k;
    memcpy(pt->ref, ref, m * sizeof(ref[0]));
    /* The same ring position: the oldest period is overwritten next. */
    pt->nref = n >= PART_REF && m == PART_REF ? n : (unsigned)m;
    pt->active = act != 0;
    pt->nlow = nlow;
    pt->low_since = since;
    pt->low_ratio = low;
}

const struct pvs_rule_type pvs_rule_underperformance = {
    .name = "underperformance",
    .severity = PVS_SEV_WARNING,
    .for_ms = 0,
    .recovery_ms = 30 * 60000,
    .kb = "underperformance",
    .parse = up_parse,
    .sample = up_sample,
    .free = up_free,
    .save = up_save,
    .load = up_load,
};
