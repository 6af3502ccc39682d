/* SPDX-License-Identifier: MIT */
/*
 * rule_data_quality.c - the `data_quality` family: problems with the data,
 * not with the plant. Subjects per device:
 *   gap          data resumes after a hole longer than gap (missing days);
 *                at night or for a short outage this is communication's
 *                business, so the default is long
 *   counter      a lifetime counter went backwards (reset, replaced meter,
 *                rollover)
 *   order        a sample older than the previous one
 *   clock        the device clock is off by about an hour or more: the
 *                power-weighted centre of its day's production against
 *                that of the clear-sky model at the same instants (which
 *                knows the array's orientation), on good days (at least
 *                half the clear-sky energy, 80 % of the best recent day's
 *                share, and each half of the day half of its own), median
 *                of the last seven (five at least), from half an hour;
 *                a logger that follows daylight saving time shows +1 h
 *                through the summer (data every 30 min or more often)
 * Each is raised when seen and clears once the data has been clean for the
 * recovery time, so a single defect is one short alert, not an outage.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pvs/expect.h"
#include "pvs/rules.h"

#define CLOCK_DAYS 7

struct dq_params {
    int64_t gap_ms;
    double drop_fraction;
};

struct dq_dev {
    int64_t last_ms;
    double counter[PVS_M__COUNT];
    bool have_counter[PVS_M__COUNT];
    bool active[4];
    /* the current solar day's centroids: sums of w * t and of w */
    int64_t day, last_p_ms;
    double mt, mw, ct, cw;
    double mw_am, cw_am;     /* the same before solar noon */
    double best;             /* best day's energy over clear sky, fading */
    float off_h[CLOCK_DAYS]; /* good days' offsets, hours */
    unsigned noff;
};

enum { DQ_GAP, DQ_COUNTER, DQ_ORDER, DQ_CLOCK };
static const char *const dq_subject[] = {"gap", "counter", "order", "clock"};

static const char *const dq_keys[] = {"gap", "drop_fraction", NULL};

static enum pvs_err dq_parse(struct pvs_rule *r, struct pvs_cfg_errors *errs) {
    struct dq_params *p = pvs_calloc(1, sizeof(*p));

    pvs_rule_params_check(r, dq_keys, errs);
    p->gap_ms = pvs_rule_param_duration(r, "gap", 20 * 3600000LL, errs);
    p->drop_fraction =
        pvs_rule_param_double(r, "drop_fraction", 0.0, 0.0, 1.0, errs);
    r->params = p;
    r->state = pvs_calloc(r->conf->ndevices + 1, sizeof(struct dq_dev));
    return PVS_OK;
}

static void dq_free(struct pvs_rule *r) {
    PVS_FREE(r->state);
    PVS_FREE(r->params);
}

static void observe(struct pvs_rule *r, const struct pvs_device *d, int kind,
                    bool active, int64_t ts, double measured, double expected,
                    const char *ev, const char *ex) {
    struct dq_dev *dd = &((struct dq_dev *)r->state)[d->index];
    struct pvs_observation o;

    if (!active && !dd->active[kind])
        return;
    memset(&o, 0, sizeof(o));
    o.site = d->site;
    o.device = d;
    o.subject = dq_subject[kind];
    o.active = active;
    o.ts_ms = ts;
    o.severity = r->severity;
    o.measured = measured;
    o.expected = expected;
    o.evidence = ev;
    o.explanation = ex;
    o.kb = "data-quality";
    pvs_rule_observe(r, &o);
    dd->active[kind] = active;
}

static int cmp_float(const void *a, const void *b) {
    float x = *(const float *)a, y = *(const float *)b;

    return (x > y) - (x < y);
}

/* A solar day of power is complete: judge the clock on it. */
static void clock_day(struct pvs_rule *r, const struct pvs_device *d,
                      struct dq_dev *dd, int64_t now) {
    float v[CLOCK_DAYS];
    size_t n;
    double med;
    char ev[PVS_EVIDENCE_MAX], ex[PVS_EXPLAIN_MAX];
    double ratio;
    bool on;

    /* Good days only: clouds move the centre of a day, and a morning or
     * an afternoon storm (monsoon weeks) moves it by an hour on a day
     * whose total still looks fair. So a good day has at least half of
     * its clear-sky energy and 80 % of the best recent day's share (the
     * seasons move that share), and each half of the day (around solar
     * noon on the device's clock as corrected so far) at least half of
     * its own. */
    if (dd->cw_am <= 0 || dd->cw - dd->cw_am <= 0 ||
        dd->mw_am < 0.5 * dd->cw_am ||
        dd->mw - dd->mw_am < 0.5 * (dd->cw - dd->cw_am))
        return;
    ratio = dd->mw / dd->cw;
    dd->best *= 0.99; /* fades by a third in six weeks */
    if (ratio > dd->best)
        dd->best = ratio;
    if (ratio < 0.5 || ratio < 0.8 * dd->best)
        return;
    dd->off_h[dd->noff++ % CLOCK_DAYS] =
        (float)((dd->mt / dd->mw - dd->ct / dd->cw) / 3600000.0);
    n = dd->noff < CLOCK_DAYS ? dd->noff : CLOCK_DAYS;
    if (n < 5)
        return;
    memcpy(v, dd->off_h, n * sizeof(v[0]));
    qsort(v, n, sizeof(v[0]), cmp_float);
    med = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    /* Half an hour is where the correction, in whole hours, rounds to
     * one; a firing offset holds until it is clearly gone. */
    on = dd->active[DQ_CLOCK] ? fabs(med) >= 0.3 : fabs(med) >= 0.5;
    if (!on) {
        observe(r, d, DQ_CLOCK, false, now, NAN, NAN, NULL, NULL);
        pvs_ruleset_set_clock_offset(r->set, (uint32_t)d->index, 0);
        return;
    }
    /* The other families correct for it, in whole hours (time zones and
     * daylight saving move clocks by hours). */
    pvs_ruleset_set_clock_offset(r->set, (uint32_t)d->index,
                                 (int64_t)floor(med + 0.5) * 3600000);
    pvs_snprintf(ev, sizeof(ev), "@dq.clock|h=%+.1f|days=%zu", med, n);
    pvs_snprintf(ex, sizeof(ex), "@dq.clock.why|dev=%s|h=%.0f|dir=~%s|dst=%s",
                 d->obj.id, fabs(med) < 1.5 ? 1.0 : floor(fabs(med) + 0.5),
                 med > 0 ? "dq.ahead" : "dq.behind",
                 fabs(med) < 1.5 ? "~dq.dst" : "");
    observe(r, d, DQ_CLOCK, true, now, med, 0, ev, ex);
}

static void clock_sample(struct pvs_rule *r, const struct pvs_device *d,
                         struct dq_dev *dd, const struct pvs_sample *s) {
    struct pvs_expect_in in;
    struct pvs_expect_out out;
    int64_t off = (int64_t)(d->site->longitude * 240000.0);
    int64_t day = (s->ts_ms + off) / 86400000, dt;
    double p = s->value > 0 ? s->value : 0;

    if (day != dd->day) {
        if (dd->day)
            clock_day(r, d, dd, s->ts_ms);
        dd->day = day;
        dd->mt = dd->mw = dd->ct = dd->cw = 0;
        dd->mw_am = dd->cw_am = 0;
        dd->last_p_ms = 0;
    }
    dt = dd->last_p_ms ? s->ts_ms - dd->last_p_ms : 0;
    dd->last_p_ms = s->ts_ms;
    /* Intervals up to half an hour: whether an hourly value is stamped
     * at the start or the end of its hour is itself half an hour. */
    if (dt <= 0 || dt > 1800000)
        return;
    /* At the middle of the interval, where the other families ask too
     * (expect.c remembers the answer). */
    pvs_expect_in_init(&in);
    pvs_expect_power(d->site, 1.0, 0, s->ts_ms - dt / 2, &in, &out);
    /* Relative to the solar day's start, weighted by the interval; the
     * model for 1 kWp scaled to the device. */
    dd->mt +=
        p * (double)dt * (double)(s->ts_ms - dt / 2 - (day * 86400000 - off));
    dd->mw += p * (double)dt;
    p = out.power_w * pvs_expect_device_kwp(r->conf, d);
    dd->ct +=
        p * (double)dt * (double)(s->ts_ms - dt / 2 - (day * 86400000 - off));
    dd->cw += p * (double)dt;
    if (s->ts_ms - dt / 2 <
        day * 86400000 - off + 43200000 +
            pvs_ruleset_clock_offset(r->set, (uint32_t)d->index)) {
        dd->mw_am += (s->value > 0 ? s->value : 0) * (double)dt;
        dd->cw_am += p * (double)dt;
    }
}

static void dq_sample(struct pvs_rule *r, const struct pvs_sample *s) {
    const struct dq_params *p = r->params;
    struct dq_dev *dd = &((struct dq_dev *)r->state)[s->dev];
    const struct pvs_device *d = r->conf->devices[s->dev];
    char ev[PVS_EVIDENCE_MAX], t[40];
    bool gap = false, order = false, drop = false;

    if (!d->site || s->metric >= PVS_M__COUNT)
        return;
    if (dd->last_ms && s->ts_ms < dd->last_ms)
        order = true;
    else if (dd->last_ms && s->ts_ms - dd->last_ms > p->gap_ms)
        gap = true;
    if (gap) {
        pvs_fmt_iso_utc(dd->last_ms, t, sizeof(t));
        pvs_snprintf(ev, sizeof(ev), "@dq.gap|h=%.1f|after=%s",
                     (double)(s->ts_ms - dd->last_ms) / 3600000.0, t);
        observe(r, d, DQ_GAP, true, s->ts_ms, NAN, NAN, ev, "@dq.gap.why");
    } else if (s->ts_ms > dd->last_ms) {
        observe(r, d, DQ_GAP, false, s->ts_ms, NAN, NAN, NULL, NULL);
    }
    if (order) {
        pvs_snprintf(ev, sizeof(ev), "@dq.order|s=%.0f",
                     (double)(dd->last_ms - s->ts_ms) / 1000.0);
        observe(r, d, DQ_ORDER, true, s->ts_ms, NAN, NAN, ev, "@dq.order.why");
        return;
    }
    observe(r, d, DQ_ORDER, false, s->ts_ms, NAN, NAN, NULL, NULL);
    dd->last_ms = s->ts_ms;
    if (s->metric == PVS_M_AC_POWER_W && pvs_expect_device_kwp(r->conf, d) > 0)
        clock_sample(r, d, dd, s);
    if (!pvs_metric_is_counter((enum pvs_metric)s->metric))
        return;
    if (dd->have_counter[s->metric]) {
        double prev = dd->counter[s->metric];
        drop =
            s->value < prev - p->drop_fraction * fabs(prev) && s->value < prev;
        if (drop) {
            pvs_snprintf(ev, sizeof(ev), "@dq.counter|from=%.0f|to=%.0f", prev,
                         s->value);
            observe(r, d, DQ_COUNTER, true, s->ts_ms, s->value, prev, ev,
                    "@dq.counter.why");
        }
    }
    if (!drop)
        observe(r, d, DQ_COUNTER, false, s->ts_ms, NAN, NAN, NULL, NULL);
    dd->counter[s->metric] = s->value;
    dd->have_counter[s->metric] = true;
}

const struct pvs_rule_type pvs_rule_data_quality = {
    .name = "data_quality",
    .severity = PVS_SEV_INFO,
    .for_ms = 0,
    .recovery_ms = 60 * 60000,
    .kb = "data-quality",
    .parse = dq_parse,
    .sample = dq_sample,
    .free = dq_free,
};
