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
 *                through the summer (data every 30 min or more often);
 *                once its offset is seen to be the zone's daylight-saving
 *                shift, the correction follows the zone's transitions at
 *                once, in both directions and in the years after
 *                (what it learnt is saved and restored)
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
    float dst_h[CLOCK_DAYS]; /* the zone's daylight-saving shift those days */
    unsigned noff;
    bool follows_dst; /* the clock keeps daylight saving time */
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

static double median_of(float *v, size_t n) {
    qsort(v, n, sizeof(v[0]), cmp_float);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/*
 * The offsets of the last good days, as they are (*raw) and less the
 * zone's daylight-saving shift of each day (*adj); whether any of those
 * days was in daylight saving time. Returns how many days.
 */
static size_t clock_medians(const struct dq_dev *dd, double *raw, double *adj,
                            bool *any_dst) {
    float v[CLOCK_DAYS], w[CLOCK_DAYS];
    size_t n = dd->noff < CLOCK_DAYS ? dd->noff : CLOCK_DAYS;

    *any_dst = false;
    for (size_t i = 0; i < n; i++) {
        v[i] = dd->off_h[i];
        w[i] = dd->off_h[i] - dd->dst_h[i];
        *any_dst = *any_dst || dd->dst_h[i] != 0;
    }
    *raw = n ? median_of(v, n) : 0;
    *adj = n ? median_of(w, n) : 0;
    return n;
}

/*
 * Judge the clock on the good days kept, at now: the offset (hours) it
 * has now, and what the other families correct for. A clock whose
 * offset is the zone's shift on summer days keeps daylight saving time
 * (it is told at once when the zone moves); one whose offset less that
 * shift is an hour or more does not.
 */
static void clock_judge(struct pvs_rule *r, const struct pvs_device *d,
                        struct dq_dev *dd, int64_t now) {
    double raw, adj, h;
    size_t n;
    bool any_dst, on;
    char ev[PVS_EVIDENCE_MAX], ex[PVS_EXPLAIN_MAX];

    n = clock_medians(dd, &raw, &adj, &any_dst);
    if (n < 5)
        return;
    if (any_dst && fabs(adj) < 0.5 && fabs(raw) >= 0.5)
        dd->follows_dst = true;
    else if (fabs(adj) >= 0.75)
        /* Not kept after all: an hour off in winter, none in summer (the
         * centre of a day wanders by half an hour with the weather). */
        dd->follows_dst = false;
    /* A clock that keeps daylight saving time is off by the zone's
     * shift, whatever the weather does to the centre of a day (less
     * that shift, it is within 0.75 h of right). */
    h = dd->follows_dst
            ? (double)pvs_ruleset_dst_shift(r->set, d->site, now) / 3600000.0
            : raw;
    /* Half an hour is where the correction, in whole hours, rounds to
     * one; a firing offset holds until it is clearly gone. */
    on = dd->active[DQ_CLOCK] ? fabs(h) >= 0.3 : fabs(h) >= 0.5;
    /* The other families correct for it, in whole hours (time zones and
     * daylight saving move clocks by hours). */
    pvs_ruleset_set_clock_offset(
        r->set, (uint32_t)d->index,
        on && !dd->follows_dst ? (int64_t)floor(raw + 0.5) * 3600000 : 0,
        dd->follows_dst);
    if (!on) {
        observe(r, d, DQ_CLOCK, false, now, NAN, NAN, NULL, NULL);
        return;
    }
    /* The evidence is what was measured; the words, what it means. */
    if (dd->follows_dst)
        pvs_snprintf(ev, sizeof(ev), "@dq.clock_dst|h=%+.0f|adj=%+.1f|days=%zu",
                     h, adj, n);
    else
        pvs_snprintf(ev, sizeof(ev), "@dq.clock|h=%+.1f|days=%zu", raw, n);
    pvs_snprintf(ex, sizeof(ex), "@dq.clock.why|dev=%s|h=%.0f|dir=~%s|dst=%s",
                 d->obj.id, fabs(h) < 1.5 ? 1.0 : floor(fabs(h) + 0.5),
                 h > 0 ? "dq.ahead" : "dq.behind",
                 dd->follows_dst ? "~dq.dst_follows"
                 : fabs(h) < 1.5 ? "~dq.dst"
                                 : "");
    observe(r, d, DQ_CLOCK, true, now, raw, 0, ev, ex);
}

/* Whether the solar day just over was good for judging the clock: see
 * clock_day. */
static bool clock_good_day(struct dq_dev *dd) {
    double ratio;

    if (dd->cw_am <= 0 || dd->cw - dd->cw_am <= 0 ||
        dd->mw_am < 0.5 * dd->cw_am ||
        dd->mw - dd->mw_am < 0.5 * (dd->cw - dd->cw_am))
        return false;
    ratio = dd->mw / dd->cw;
    dd->best *= 0.99; /* fades by a third in six weeks */
    if (ratio > dd->best)
        dd->best = ratio;
    return ratio >= 0.5 && ratio >= 0.8 * dd->best;
}

/*
 * A solar day of power is complete: judge the clock on it. Good days
 * only: clouds move the centre of a day, and a morning or an afternoon
 * storm (monsoon weeks) moves it by an hour on a day whose total still
 * looks fair. So a good day has at least half of its clear-sky energy
 * and 80 % of the best recent day's share (the seasons move that share),
 * and each half of the day (around solar noon on the device's clock as
 * corrected so far) at least half of its own. A clock that keeps
 * daylight saving time is judged every day: the zone's switch is news
 * on a cloudy day too.
 */
static void clock_day(struct pvs_rule *r, const struct pvs_device *d,
                      struct dq_dev *dd, int64_t noon, int64_t now) {
    if (!clock_good_day(dd)) {
        if (dd->follows_dst)
            clock_judge(r, d, dd, now);
        return;
    }
    dd->dst_h[dd->noff % CLOCK_DAYS] =
        (float)((double)pvs_ruleset_dst_shift(r->set, d->site, noon) /
                3600000.0);
    dd->off_h[dd->noff++ % CLOCK_DAYS] =
        (float)((dd->mt / dd->mw - dd->ct / dd->cw) / 3600000.0);
    clock_judge(r, d, dd, now);
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
            clock_day(r, d, dd, dd->day * 86400000 - off + 43200000, s->ts_ms);
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
            pvs_ruleset_clock_offset(r->set, (uint32_t)d->index, s->ts_ms)) {
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

/* "clk1 n=12 dst=1 best=0.912 days=+1.02/1,+0.98/1,..." */
static size_t dq_save(struct pvs_rule *r, uint32_t dev, char *buf,
                      size_t size) {
    const struct dq_dev *dd = &((struct dq_dev *)r->state)[dev];
    size_t n = dd->noff < CLOCK_DAYS ? dd->noff : CLOCK_DAYS, len;

    if (!dd->noff)
        return 0;
    len = (size_t)pvs_snprintf(buf, size,
                               "clk1 n=%u dst=%d best=%.4f days=", dd->noff,
                               dd->follows_dst ? 1 : 0, dd->best);
    for (size_t i = 0; i < n && len < size; i++)
        len += (size_t)pvs_snprintf(buf + len, size - len, "%s%+.3f/%.2f",
                                    i ? "," : "", (double)dd->off_h[i],
                                    (double)dd->dst_h[i]);
    return len < size ? len : 0;
}

static void dq_load(struct pvs_rule *r, uint32_t dev, const char *text) {
    struct dq_dev *dd = &((struct dq_dev *)r->state)[dev];
    float off[CLOCK_DAYS], dst[CLOCK_DAYS];
    unsigned n;
    int follows;
    double best, raw, adj;
    const char *p;
    size_t k = 0;
    bool any;

    if (sscanf(text, "clk1 n=%u dst=%d best=%lf", &n, &follows, &best) != 3 ||
        !(best >= 0 && best < 10) || !(p = strstr(text, "days=")))
        return;
    for (p += 5; *p && k < CLOCK_DAYS; k++) {
        char *end;
        double o = strtod(p, &end), s;

        if (end == p || *end != '/' || !(fabs(o) < 24))
            return; /* not ours: keep what is running */
        p = end + 1;
        s = strtod(p, &end);
        if (end == p || !(fabs(s) <= 2))
            return;
        off[k] = (float)o;
        dst[k] = (float)s;
        p = *end == ',' ? end + 1 : end;
    }
    memcpy(dd->off_h, off, k * sizeof(off[0]));
    memcpy(dd->dst_h, dst, k * sizeof(dst[0]));
    /* The same ring position: the oldest day is overwritten next. */
    dd->noff = n >= CLOCK_DAYS && k == CLOCK_DAYS ? n : (unsigned)k;
    dd->follows_dst = follows != 0;
    dd->best = best;
    /* What the other families correct for, until the next good day. */
    if (clock_medians(dd, &raw, &adj, &any) >= 5 &&
        (dd->follows_dst || fabs(raw) >= 0.5))
        pvs_ruleset_set_clock_offset(
            r->set, dev,
            dd->follows_dst ? 0 : (int64_t)floor(raw + 0.5) * 3600000,
            dd->follows_dst);
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
    .save = dq_save,
    .load = dq_load,
};
