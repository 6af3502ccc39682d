/* SPDX-License-Identifier: MIT */
/*
 * rule_trend.c - the `trend` family: slow drifts that end in a fault,
 * caught days before it, with a projected time to the limit. Subjects per
 * device:
 *   temp_heatsink_c    heatsink temperature at comparable (high) load,
 *                      normalised to a reference ambient when the site
 *                      measures one, rising toward heatsink_limit (the
 *                      derating temperature, default 75 C)
 *   insulation_kohm    insulation resistance falling toward
 *                      insulation_min (default 100 kOhm)
 *   performance_ratio  daily energy over the energy the irradiance sensor
 *                      promises, falling pr_drop (default 20 %) below
 *                      where it started; without a sensor, the
 *                      output of the day's clear periods near the clear
 *                      sky's peak over the clear-sky model's (expect.h),
 *                      reported when the last short_days values lie
 *                      well below the line of the month before them, so
 *                      soiling shows before it costs a tenth; info only,
 *                      as the seasons move that ratio too
 *
 * Parameters: days (history, default 30), min_days (10), horizon (alert
 * when the limit is nearer than this many days, default 30), warn_days
 * (warning instead of info when nearer, 14), load (share of the rating
 * that counts as high load, 0.5), ref_ambient (25), heatsink_limit,
 * insulation_min, pr_drop, short_days (7).
 *
 * DESIGN
 * One value per device, subject and solar day (the day in local sun
 * time, from the site's longitude): the median of that day's readings,
 * so a hot afternoon or a glitch is one point among many. When a day
 * ends, the Theil-Sen line through the last `days` values is fitted; a
 * trend counts only when its ~90 % confidence band excludes a flat line
 * and it reaches the limit within the horizon. Being past the limit
 * already is the threshold family's business, but the trend says so too.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pvs/expect.h"
#include "pvs/rules.h"
#include "pvs/trend.h"

#define TR_MAX_DAYS 120
#define TR_DAY_VALUES 256
#define PR_STEP 0.055  /* below the line before the last short_days: drift */
#define PR_HOLD 0.03   /* ... and while reported, until back within this */
#define PR_BASE 30     /* days before them that set that line */
#define PR_MIN_BASE 5  /* values among them, at least */
#define PR_LAST 10     /* the last values a new one is compared with */
#define PR_LOW 0.75    /* below this share of their median: a step */
#define NOON_SHARE 0.8 /* of the clear sky's peak: the hours that count */
#define NOON_MIN_MS (30 * 60000.0) /* of them, in clear periods */

enum { TR_HEATSINK, TR_INSULATION, TR_PR, TR_N };
static const char *const tr_subject[TR_N] = {
    "temp_heatsink_c", "insulation_kohm", "performance_ratio"};

struct tr_params {
    int64_t days, min_days;
    double horizon, warn_days, load, ref_ambient;
    double heatsink_limit, insulation_min, pr_drop;
    int64_t short_days;
};

struct tr_series {
    double day[TR_MAX_DAYS]; /* solar day number */
    double v[TR_MAX_DAYS];
    size_t head, n;
    bool active;
    int low_days; /* clear days in a row far below the last ones */
};

/* Readings of the current day. */
struct tr_today {
    float hs[TR_DAY_VALUES];
    float iso[TR_DAY_VALUES];
    size_t nhs, niso;
    double meas_wh, exp_wh, all_meas_wh;
    double clear_ms;             /* in clear periods */
    struct pvs_expect_noon noon; /* the clear periods near the peak */
    struct pvs_expect_noon pend; /* the period going on */
    bool pend_any;
};

struct tr_dev {
    struct tr_series s[TR_N];
    struct tr_today t;
    struct pvs_expect_win win;
    struct pvs_expect_clear clr; /* without a sensor */
    bool pr_clear;               /* the ratio comes from clear periods */
    int64_t day;                 /* current solar day, 0 = none yet */
    double w;                    /* latest ac power */
    int64_t w_ms;
    double pmax;
};

struct tr_state {
    struct tr_dev *dev;
    struct pvs_expect_env *env;
};

static const char *const tr_keys[] = {
    "days",
    "min_days",
    "horizon",
    "warn_days",
    "load",
    "ref_ambient",
    "heatsink_limit",
    "insulation_min",
    "pr_drop",
    "short_days",
    NULL,
};

static enum pvs_err tr_parse(struct pvs_rule *r, struct pvs_cfg_errors *errs) {
    struct tr_params *p = pvs_calloc(1, sizeof(*p));
    struct tr_state *st = pvs_calloc(1, sizeof(*st));

    pvs_rule_params_check(r, tr_keys, errs);
    p->days =
        (int64_t)pvs_rule_param_double(r, "days", 30, 5, TR_MAX_DAYS, errs);
    p->min_days =
        (int64_t)pvs_rule_param_double(r, "min_days", 10, 3, TR_MAX_DAYS, errs);
    p->horizon = pvs_rule_param_double(r, "horizon", 30, 1, 3650, errs);
    p->warn_days = pvs_rule_param_double(r, "warn_days", 14, 0, 3650, errs);
    p->load = pvs_rule_param_double(r, "load", 0.5, 0.05, 1.0, errs);
    p->ref_ambient = pvs_rule_param_double(r, "ref_ambient", 25, -40, 60, errs);
    p->heatsink_limit =
        pvs_rule_param_double(r, "heatsink_limit", 75, 20, 150, errs);
    p->insulation_min =
        pvs_rule_param_double(r, "insulation_min", 100, 1, 1e6, errs);
    p->pr_drop = pvs_rule_param_double(r, "pr_drop", 0.2, 0.01, 0.9, errs);
    p->short_days = (int64_t)pvs_rule_param_double(r, "short_days", 7, 3,
                                                   TR_MAX_DAYS, errs);
    if (p->min_days > p->days)
        p->min_days = p->days;
    st->dev = pvs_calloc(r->conf->ndevices + 1, sizeof(*st->dev));
    st->env = pvs_calloc(r->conf->nsites + 1, sizeof(*st->env));
    r->params = p;
    r->state = st;
    return PVS_OK;
}

static void tr_free(struct pvs_rule *r) {
    struct tr_state *st = r->state;

    if (st) {
        pvs_free(st->dev);
        pvs_free(st->env);
    }
    PVS_FREE(r->state);
    PVS_FREE(r->params);
}

/* Day number in the site's sun time: days start near local midnight. */
static int64_t solar_day(const struct pvs_site *site, int64_t ts_ms) {
    double t = (double)ts_ms / 1000.0 + site->longitude * 240.0;

    return (int64_t)floor(t / 86400.0);
}

static void series_add(struct tr_series *s, size_t cap, double day, double v) {
    if (s->n == cap) {
        s->head = (s->head + 1) % TR_MAX_DAYS;
        s->n--;
    }
    s->day[(s->head + s->n) % TR_MAX_DAYS] = day;
    s->v[(s->head + s->n) % TR_MAX_DAYS] = v;
    s->n++;
}

static double median_f(const float *f, size_t n) {
    double v[TR_DAY_VALUES];

    for (size_t i = 0; i < n; i++)
        v[i] = f[i];
    return pvs_trend_median(v, n);
}

/* The phrase for where the limit is: "trend.ahead", "trend.passed"... */
static const char *trend_state(double ttt) {
    return ttt < 0    ? "trend.not_reached"
           : ttt == 0 ? "trend.passed"
                      : "trend.ahead";
}

static void explain(char *buf, size_t size, int kind, const char *dev,
                    double days, double limit, double slope) {
    char when[48];

    /* "when" names a phrase: already, in a day, in ~N days. */
    if (days <= 0)
        pvs_snprintf(when, sizeof(when), "when=~trend.already");
    else if (days < 1.5)
        pvs_snprintf(when, sizeof(when), "when=~trend.one_day");
    else
        pvs_snprintf(when, sizeof(when), "days=%.0f|when=~trend.days", days);
    switch (kind) {
    case TR_HEATSINK:
        pvs_snprintf(buf, size,
                     "@trend.heatsink.why|dev=%s|limit=%.0f|%s|slope=%.2f", dev,
                     limit, when, slope);
        break;
    case TR_INSULATION:
        pvs_snprintf(buf, size, "@trend.insulation.why|dev=%s|limit=%.0f|%s",
                     dev, limit, when);
        break;
    default:
        pvs_snprintf(buf, size, "@trend.pr.why|dev=%s|limit=%.2f|%s|pct=%.1f",
                     dev, limit, when, 100.0 * slope);
        break;
    }
}

static void trend_words(char *ev, size_t size, int kind, double v,
                        double fitted, const struct pvs_trend *t, size_t n,
                        double limit, double ttt) {
    pvs_snprintf(ev, size,
                 "@trend|what=%s|v=%.3g|fit=%.3g|slope=%+.3g|lo=%+.3g|"
                 "hi=%+.3g|days=%zu|limit=%.3g|state=~%s",
                 tr_subject[kind], v, fitted, t->slope, t->slope_lo,
                 t->slope_hi, n, limit, trend_state(ttt));
}

/*
 * Without a sensor the clear-sky ratio moves with the seasons (by up to
 * a quarter between winter and summer) and by several percent from
 * one clear day to the next (haze, snow on the ground), so a steep line
 * through a few clear days is often weather. Soiling lowers every clear
 * day and keeps lowering them: a drift is reported when the median of
 * the last short_days' values lies PR_STEP below the line of the PR_BASE
 * days before them (a rising line taken as flat), and holds until they
 * are back within PR_HOLD of it. The line of those last days, when it
 * falls, replaces *t: its rate is the one the words give.
 */
static bool clear_drift(const struct tr_params *p, const struct tr_series *s,
                        const double *x, const double *y, struct pvs_trend *t,
                        double lv[2]) {
    struct pvs_trend st;
    size_t k = s->n;
    double drop = pvs_trend_drop(x, y, s->n, (double)p->short_days, PR_BASE,
                                 PR_LOW, PR_MIN_BASE, &lv[0]);

    lv[1] = lv[0] * (1.0 + drop);
    while (k > 0 && x[k - 1] > x[s->n - 1] - (double)p->short_days)
        k--;
    if (s->n - k >= 3 && !pvs_trend_fit(x + k, y + k, s->n - k, &st) &&
        st.slope < 0)
        *t = st;
    return drop < -(s->active ? PR_HOLD : PR_STEP);
}

/*
 * The words of a clear-day drift: the month's line carried on to today
 * is where the ratio should be, the last days' median where it is; the
 * limit is pr_drop below the former, reached at the short line's rate
 * (or the fall over the last days, spread over them).
 */
static void clear_words(const struct tr_params *p, const struct pvs_trend *t,
                        const double lv[2], double *limit, double *fitted,
                        double *ttt, double *rate) {
    if (!(lv[0] > 0))
        return;
    *limit = lv[0] * (1.0 - p->pr_drop);
    *fitted = lv[1];
    *rate = t->slope < 0 ? t->slope : (lv[1] - lv[0]) / (double)p->short_days;
    if (*rate >= 0)
        *ttt = -1;
    else
        *ttt = *fitted <= *limit ? 0 : (*fitted - *limit) / -*rate;
}

static void judge(struct pvs_rule *r, const struct pvs_device *dev,
                  struct tr_dev *d, int kind, int64_t now) {
    const struct tr_params *p = r->params;
    struct tr_series *s = &d->s[kind];
    double x[TR_MAX_DAYS], y[TR_MAX_DAYS], x_now, limit, fitted, ttt, rate;
    double lv[2] = {NAN, NAN};
    struct pvs_trend t;
    struct pvs_observation o;
    char ev[PVS_EVIDENCE_MAX], ex[PVS_EXPLAIN_MAX];
    bool rising = kind == TR_HEATSINK, sig, clear = false;

    if (s->n < (size_t)p->min_days && !s->active)
        return;
    for (size_t i = 0; i < s->n; i++) {
        x[i] = s->day[(s->head + i) % TR_MAX_DAYS];
        y[i] = s->v[(s->head + i) % TR_MAX_DAYS];
    }
    if (pvs_trend_fit(x, y, s->n, &t))
        return;
    x_now = x[s->n - 1];
    if (kind == TR_PR && d->pr_clear)
        clear = clear_drift(p, s, x, y, &t, lv);
    if (kind == TR_HEATSINK)
        limit = p->heatsink_limit;
    else if (kind == TR_INSULATION)
        limit = p->insulation_min;
    else
        limit = (t.intercept + t.slope * x[0]) * (1.0 - p->pr_drop);
    fitted = t.intercept + t.slope * x_now;
    ttt = pvs_trend_time_to(&t, x_now, limit);
    rate = t.slope;
    clear_words(p, &t, lv, &limit, &fitted, &ttt, &rate);
    sig = rising ? t.slope_lo > 0 : t.slope_hi < 0;
    memset(&o, 0, sizeof(o));
    o.active =
        s->n >= (size_t)p->min_days && sig && ttt >= 0 && ttt <= p->horizon;
    if (kind == TR_PR && d->pr_clear)
        o.active = clear;
    if (!o.active && !s->active)
        return;
    trend_words(ev, sizeof(ev), kind, y[s->n - 1], fitted, &t, t.n, limit, ttt);
    if (kind == TR_PR && d->pr_clear && lv[0] > 0 && lv[1] < lv[0])
        /* A clear-day drift: how far below the month's line, in words
         * (its rate over a few clear days is mostly weather). */
        pvs_snprintf(ex, sizeof(ex),
                     "@trend.pr_clear.why|dev=%s|now=%.2f|was=%.2f|pct=%.0f",
                     dev->obj.id, lv[1], lv[0], 100.0 * (1.0 - lv[1] / lv[0]));
    else
        explain(ex, sizeof(ex), kind, dev->obj.id, ttt, limit, rate);
    o.site = dev->site;
    o.device = dev;
    o.subject = tr_subject[kind];
    o.ts_ms = now;
    /* Without a sensor the seasons move the clear-sky ratio too (cell
     * temperature is not modelled): a drift is news, not a warning. */
    o.severity = ttt <= p->warn_days && r->severity < PVS_SEV_WARNING &&
                         !(kind == TR_PR && d->pr_clear)
                     ? PVS_SEV_WARNING
                     : r->severity;
    o.measured = fitted;
    o.expected = limit;
    if (kind == TR_PR && o.active && fitted > 0 &&
        fitted < limit / (1.0 - p->pr_drop))
        /* What the drift costs now, spread over the sun hours. */
        o.lost_w = (limit / (1.0 - p->pr_drop) - fitted) / fitted *
                   d->t.all_meas_wh / 5.0;
    o.evidence = ev;
    o.explanation = ex;
    o.kb = kind == TR_HEATSINK     ? "trend-heatsink"
           : kind == TR_INSULATION ? "trend-insulation"
                                   : "trend-performance";
    pvs_rule_observe(r, &o);
    s->active = o.active;
}

/*
 * A clear day far below the last ones (a lost string, a smooth overcast)
 * is a step, the partial check's business; soiling costs a percent a day
 * at most. Such a day is not learnt as the ratio.
 */
static bool far_below(const struct tr_series *s, double v) {
    double last[PR_LAST];
    size_t m = 0;

    for (size_t i = s->n; i > 0 && m < PR_LAST; i--)
        last[m++] = s->v[(s->head + i - 1) % TR_MAX_DAYS];
    return m >= PR_LAST / 2 && v < PR_LOW * pvs_trend_median(last, m);
}

/* A far-below day is learnt from the second in a row: a loss that lasts
 * (a derate, a lost string the partial check did not see) is reported
 * as the ratio's fall; one such day between normal ones is not. */
static bool step_day(struct tr_series *s, double v) {
    if (!far_below(s, v)) {
        s->low_days = 0;
        return false;
    }
    return ++s->low_days < 2;
}

/* The day d->day is over: its values join the series and are judged. */
static void close_day(struct pvs_rule *r, const struct pvs_device *dev,
                      struct tr_dev *d, int64_t now) {
    const struct tr_params *p = r->params;
    double kwp = pvs_expect_device_kwp(r->conf, dev);
    double day = (double)d->day;

    if (d->t.nhs >= 3)
        series_add(&d->s[TR_HEATSINK], (size_t)p->days, day,
                   median_f(d->t.hs, d->t.nhs));
    if (d->t.niso >= 1)
        series_add(&d->s[TR_INSULATION], (size_t)p->days, day,
                   median_f(d->t.iso, d->t.niso));
    /* A day counts for the ratio with a sensor and real sun: at least
     * half an equivalent sun hour. */
    if (kwp > 0 && d->t.exp_wh >= 500.0 * kwp && d->t.meas_wh > 0)
        series_add(&d->s[TR_PR], (size_t)p->days, day,
                   d->t.meas_wh / d->t.exp_wh);
    else if (d->t.clear_ms >= 2 * 3600000.0) {
        double ms, v = pvs_expect_noon_index(&d->t.noon, NOON_SHARE, &ms);

        if (ms >= NOON_MIN_MS && !step_day(&d->s[TR_PR], v))
            series_add(&d->s[TR_PR], (size_t)p->days, day, v);
        d->pr_clear = true;
    }
    for (int k = 0; k < TR_N; k++)
        judge(r, dev, d, k, now);
    memset(&d->t, 0, sizeof(d->t));
}

/*
 * A power sample of a device without a sensor: clear periods, and the
 * share of them near the clear sky's peak (the period going on is kept
 * apart until it ends as a clear period or is dropped).
 */
static void clear_sample(const struct pvs_device *dev, struct tr_dev *d,
                         const struct pvs_sample *s, double kwp) {
    struct pvs_expect_period per;
    double cw = pvs_expect_win_last_clear_w(&d->win);
    int64_t start = d->clr.start_ms, last = d->clr.last_ms;
    bool done;

    if (cw > d->t.noon.peak_w)
        d->t.noon.peak_w = cw;
    done = pvs_expect_clear_sample(&d->clr, s->ts_ms, s->value, cw,
                                   0.2 * kwp * 1000.0, 2 * 3600000LL, &per);
    if (done) {
        double ms = (double)(per.end_ms - per.start_ms);

        d->t.clear_ms += ms;
        pvs_expect_noon_add(&d->t.noon, &d->t.pend);
    }
    if (done || d->clr.start_ms != start) {
        if (d->t.pend_any) {
            memset(&d->t.pend, 0, sizeof(d->t.pend));
            d->t.pend_any = false;
        }
    } else if (last && s->ts_ms > last) {
        size_t b = pvs_expect_noon_bin(dev->site->longitude, s->ts_ms);
        double dt = (double)(s->ts_ms - last);

        d->t.pend.meas[b] += (float)((s->value > 0 ? s->value : 0) * dt);
        d->t.pend.clear[b] += (float)(cw * dt);
        d->t.pend.ms[b] += (float)dt;
        d->t.pend_any = true;
    }
}

static void tr_sample(struct pvs_rule *r, const struct pvs_sample *s) {
    const struct tr_params *p = r->params;
    struct tr_state *st = r->state;
    struct tr_dev *d = &st->dev[s->dev];
    const struct pvs_device *dev = r->conf->devices[s->dev];
    struct pvs_expect_env *env;
    int64_t day;

    if (!dev->site || s->quality != PVS_Q_OK)
        return;
    env = &st->env[dev->site->index];
    pvs_expect_env_sample(env, s);
    day = solar_day(dev->site, s->ts_ms);
    if (d->day && day > d->day)
        close_day(r, dev, d, s->ts_ms);
    if (day >= d->day)
        d->day = day;
    switch (s->metric) {
    case PVS_M_AC_POWER_W:
    case PVS_M_AC_ENERGY_WH: {
        double kwp = pvs_expect_device_kwp(r->conf, dev);
        const struct pvs_expect_seg *g;

        if (s->metric == PVS_M_AC_POWER_W) {
            d->w = s->value;
            d->w_ms = s->ts_ms;
            if (s->value > d->pmax)
                d->pmax = s->value;
        }
        d->win.clock_off_ms =
            pvs_ruleset_clock_offset(r->set, s->dev, s->ts_ms);
        if (!pvs_expect_win_sample(&d->win, dev->site, kwp, dev->rated_w, env,
                                   s))
            break;
        if (s->metric == PVS_M_AC_POWER_W && kwp > 0 && !env->poa_ms &&
            !env->ghi_ms)
            clear_sample(dev, d, s, kwp);
        g = &d->win.seg[(d->win.head + PVS_EXPECT_SEGS - 1) % PVS_EXPECT_SEGS];
        d->t.all_meas_wh += g->meas_wh;
        /* Clipping caps output for reasons that are not the plant's. */
        if (g->measured_irr && !g->clipped) {
            d->t.meas_wh += g->meas_wh;
            d->t.exp_wh += g->exp_wh;
        }
        break;
    }
    case PVS_M_TEMP_HEATSINK_C: {
        struct pvs_expect_in in;
        double cap = dev->rated_w > 0
                         ? dev->rated_w
                         : 0.9 * 1000.0 * pvs_expect_device_kwp(r->conf, dev);
        double v = s->value;

        if (cap <= 0)
            cap = d->pmax;
        if (cap <= 0 || s->ts_ms - d->w_ms > 10 * 60000 ||
            d->w < p->load * cap || d->t.nhs >= TR_DAY_VALUES)
            break;
        pvs_expect_env_inputs(env, s->ts_ms, &in);
        if (!isnan(in.ambient_temp_c))
            v = v - in.ambient_temp_c + p->ref_ambient;
        d->t.hs[d->t.nhs++] = (float)v;
        break;
    }
    case PVS_M_INSULATION_KOHM:
        if (d->t.niso < TR_DAY_VALUES && s->value > 0)
            d->t.iso[d->t.niso++] = (float)s->value;
        break;
    default:
        break;
    }
}

/*
 * What a device's series hold, so a restart, a SIGHUP or an API write
 * does not blind the family for a month: "tr1 clear=1 s0=0|19876:71.2,...
 * s1=0| s2=1|19870:0.812,..." (subject index, whether it was reported,
 * solar day and value of each point, oldest first).
 */
static size_t tr_save(struct pvs_rule *r, uint32_t dev, char *buf,
                      size_t size) {
    const struct tr_dev *d = &((struct tr_state *)r->state)->dev[dev];
    size_t len, any = 0;

    len = (size_t)pvs_snprintf(buf, size, "tr1 clear=%d", d->pr_clear ? 1 : 0);
    for (int k = 0; k < TR_N && len < size; k++) {
        const struct tr_series *t = &d->s[k];

        any += t->n;
        len += (size_t)pvs_snprintf(buf + len, size - len, " s%d=%d|", k,
                                    t->active ? 1 : 0);
        for (size_t i = 0; i < t->n && len < size; i++) {
            size_t j = (t->head + i) % TR_MAX_DAYS;

            len += (size_t)pvs_snprintf(buf + len, size - len, "%s%.0f:%.6g",
                                        i ? "," : "", t->day[j], t->v[j]);
        }
    }
    return any && len < size ? len : 0;
}

/* One series of a saved line into *to (capacity cap); false when it is
 * not ours. */
static bool tr_load_series(const char *p, size_t cap, struct tr_series *to) {
    struct tr_series t;
    char *end;

    memset(&t, 0, sizeof(t));
    if ((p[0] != '0' && p[0] != '1') || p[1] != '|')
        return false;
    t.active = p[0] == '1';
    for (p += 2; *p && *p != ' ';) {
        double day = strtod(p, &end), v;

        if (end == p || *end != ':' || !(day > 0 && day < 1e7) ||
            (t.n && day <= t.day[(t.head + t.n - 1) % TR_MAX_DAYS]))
            return false;
        p = end + 1;
        v = strtod(p, &end);
        if (end == p || !isfinite(v))
            return false;
        series_add(&t, cap, day, v);
        p = *end == ',' ? end + 1 : end;
    }
    *to = t;
    return true;
}

static void tr_load(struct pvs_rule *r, uint32_t dev, const char *text) {
    const struct tr_params *p = r->params;
    struct tr_dev *d = &((struct tr_state *)r->state)->dev[dev];
    struct tr_series s[TR_N];
    int clear;

    if (sscanf(text, "tr1 clear=%d", &clear) != 1)
        return;
    for (int k = 0; k < TR_N; k++) {
        char key[8];
        const char *at;

        pvs_snprintf(key, sizeof(key), " s%d=", k);
        at = strstr(text, key);
        if (!at || !tr_load_series(at + strlen(key), (size_t)p->days, &s[k]))
            return; /* not ours: keep what is running */
    }
    memcpy(d->s, s, sizeof(s));
    d->pr_clear = clear != 0;
}

const struct pvs_rule_type pvs_rule_trend = {
    .name = "trend",
    .severity = PVS_SEV_INFO,
    .for_ms = 0,
    .recovery_ms = 0,
    .kb = "trend-heatsink",
    .parse = tr_parse,
    .sample = tr_sample,
    .free = tr_free,
    .save = tr_save,
    .load = tr_load,
};
