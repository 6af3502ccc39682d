/* SPDX-License-Identifier: MIT */
/*
 * rule_frozen.c - the `frozen` family: data that stopped reflecting the
 * device. Three subjects per device:
 *   <metric>      one reading repeated exactly stuck_count times over at
 *                 least stuck_for (a logger resending its last value);
 *                 zero power at night and a plateau at the clipping level
 *                 are normal, not stuck
 *   ac_energy_wh  the lifetime counter does not advance for counter_for
 *                 while the device reports real power
 *   implausible   a value outside the metric's physical range
 * Counters that go backwards are `data_quality` (a reset or replacement),
 * not frozen.
 *
 * DESIGN
 * State is per (device, metric slot); MPPT inputs share their metric's
 * slot, which is enough to spot a frozen logger (it freezes everything).
 */
#include <math.h>
#include <string.h>

#include "pvs/expect.h"
#include "pvs/rules.h"

struct fz_params {
    int64_t stuck_count;
    int64_t stuck_for_ms, counter_for_ms;
};

struct fz_slot {
    double value, max;
    int64_t first_ms, last_ms;
    int64_t repeats;
    bool active;
};

struct fz_dev {
    struct fz_slot slot[PVS_M__COUNT];
    double energy, power;
    int64_t energy_since, power_ms;
    bool counter_active, implausible_active;
};

static const char *const fz_keys[] = {"stuck_count", "stuck_for", "counter_for",
                                      NULL};

static enum pvs_err fz_parse(struct pvs_rule *r, struct pvs_cfg_errors *errs) {
    struct fz_params *p = pvs_calloc(1, sizeof(*p));

    pvs_rule_params_check(r, fz_keys, errs);
    p->stuck_count =
        (int64_t)pvs_rule_param_double(r, "stuck_count", 4, 2, 10000, errs);
    p->stuck_for_ms = pvs_rule_param_duration(r, "stuck_for", 40 * 60000, errs);
    p->counter_for_ms =
        pvs_rule_param_duration(r, "counter_for", 60 * 60000, errs);
    r->params = p;
    r->state = pvs_calloc(r->conf->ndevices + 1, sizeof(struct fz_dev));
    return PVS_OK;
}

static void fz_free(struct pvs_rule *r) {
    PVS_FREE(r->state);
    PVS_FREE(r->params);
}

/* Zero is a legitimate steady reading for these (night, no wind). */
static bool zero_is_normal(enum pvs_metric m) {
    switch (m) {
    case PVS_M_AC_POWER_W:
    case PVS_M_AC_CURRENT_A:
    case PVS_M_DC_POWER_W:
    case PVS_M_DC_CURRENT_A:
    case PVS_M_DC_VOLTAGE_V:
    case PVS_M_MPPT_POWER_W:
    case PVS_M_MPPT_CURRENT_A:
    case PVS_M_MPPT_VOLTAGE_V:
    case PVS_M_POA_IRRADIANCE_WM2:
    case PVS_M_GHI_WM2:
    case PVS_M_METER_POWER_W:
        return true;
    default:
        return false;
    }
}

/* Metrics that legitimately hold one value for hours. */
static bool steady_ok(enum pvs_metric m) {
    return m == PVS_M_STATE || m == PVS_M_EVENT_BITS ||
           m == PVS_M_VENDOR_EVENT || pvs_metric_is_counter(m) ||
           m == PVS_M_BATTERY_SOC_PCT || m == PVS_M_POWER_FACTOR ||
           m == PVS_M_AC_FREQUENCY_HZ || m == PVS_M_INSULATION_KOHM ||
           m == PVS_M_AC_ENERGY_TODAY_WH || m == PVS_M_REACHABLE;
}

static void observe(struct pvs_rule *r, const struct pvs_device *d,
                    const char *subject, bool active, int64_t ts,
                    double measured, const char *ev, const char *ex) {
    struct pvs_observation o;

    memset(&o, 0, sizeof(o));
    o.site = d->site;
    o.device = d;
    o.subject = subject;
    o.active = active;
    o.ts_ms = ts;
    o.severity = r->severity;
    o.measured = measured;
    o.expected = NAN;
    o.evidence = ev;
    o.explanation = ex;
    o.kb = "frozen-data";
    pvs_rule_observe(r, &o);
}

static void check_stuck(struct pvs_rule *r, const struct pvs_device *d,
                        struct fz_slot *sl, const struct pvs_sample *s) {
    const struct fz_params *p = r->params;
    char name[40], ev[PVS_EVIDENCE_MAX], t[40];
    bool stuck;

    pvs_metric_name((enum pvs_metric)s->metric, s->idx, name, sizeof(name));
    if (sl->repeats && s->value == sl->value) {
        sl->repeats++;
    } else {
        sl->repeats = 1;
        sl->value = s->value;
        sl->first_ms = s->ts_ms;
    }
    sl->last_ms = s->ts_ms;
    if (fabs(s->value) > sl->max)
        sl->max = fabs(s->value);
    stuck = sl->repeats >= p->stuck_count &&
            s->ts_ms - sl->first_ms >= p->stuck_for_ms &&
            !(s->value == 0 && zero_is_normal((enum pvs_metric)s->metric)) &&
            /* A flat top at the highest output seen is clipping, unless
             * it lasts longer than any afternoon of clipping can. */
            !(zero_is_normal((enum pvs_metric)s->metric) &&
              fabs(s->value) >= 0.98 * sl->max &&
              s->ts_ms - sl->first_ms < 4 * 3600000LL);
    if (!stuck && !sl->active)
        return;
    pvs_fmt_iso_utc(sl->first_ms, t, sizeof(t));
    pvs_snprintf(ev, sizeof(ev), "@frozen.stuck|metric=%s|v=%g|n=%lld|since=%s",
                 name, sl->value, (long long)sl->repeats, t);
    observe(r, d, name, stuck, s->ts_ms, s->value, ev, "@frozen.stuck.why");
    sl->active = stuck;
}

static void check_counter(struct pvs_rule *r, const struct pvs_device *d,
                          struct fz_dev *fd, const struct pvs_sample *s) {
    const struct fz_params *p = r->params;
    double kwp = pvs_expect_device_kwp(r->conf, d);
    double min_w = kwp > 0 ? 0.05 * kwp * 1000.0 : 50.0;
    char ev[PVS_EVIDENCE_MAX];
    bool frozen;

    if (s->value != fd->energy || !fd->energy_since) {
        fd->energy = s->value;
        fd->energy_since = s->ts_ms;
    }
    frozen = fd->power > min_w && s->ts_ms - fd->power_ms < 30 * 60000 &&
             s->ts_ms - fd->energy_since >= p->counter_for_ms;
    if (!frozen && !fd->counter_active)
        return;
    pvs_snprintf(ev, sizeof(ev), "@frozen.counter|wh=%.0f|min=%.0f|w=%.0f",
                 fd->energy, (double)(s->ts_ms - fd->energy_since) / 60000.0,
                 fd->power);
    observe(r, d, "ac_energy_wh", frozen, s->ts_ms, s->value, ev,
            "@frozen.counter.why");
    fd->counter_active = frozen;
}

static void fz_sample(struct pvs_rule *r, const struct pvs_sample *s) {
    struct fz_dev *fd = &((struct fz_dev *)r->state)[s->dev];
    const struct pvs_device *d = r->conf->devices[s->dev];
    double lo, hi;
    bool bad;
    char name[40], ev[PVS_EVIDENCE_MAX];

    if (!d->site || s->metric >= PVS_M__COUNT)
        return;
    pvs_metric_range((enum pvs_metric)s->metric, &lo, &hi);
    if (s->metric == PVS_M_AC_POWER_W) {
        /* Tighter for the array: a little night draw is normal, more
         * than 1.5 times the kWp is not physics. */
        double kwp = pvs_expect_device_kwp(r->conf, d);
        if (kwp > 0) {
            lo = -0.1 * kwp * 1000.0;
            hi = 1.5 * kwp * 1000.0;
        }
    }
    bad = s->quality == PVS_Q_OUT_OF_RANGE || s->value < lo || s->value > hi;
    if (bad || fd->implausible_active) {
        pvs_metric_name((enum pvs_metric)s->metric, s->idx, name, sizeof(name));
        pvs_snprintf(ev, sizeof(ev),
                     "@frozen.implausible|metric=%s|v=%g|lo=%g|hi=%g", name,
                     s->value, lo, hi);
        observe(r, d, "implausible", bad, s->ts_ms, s->value, ev,
                "@frozen.implausible.why");
        fd->implausible_active = bad;
    }
    if (bad)
        return;
    if (s->metric == PVS_M_AC_POWER_W) {
        fd->power = s->value;
        fd->power_ms = s->ts_ms;
    }
    if (s->metric == PVS_M_AC_ENERGY_WH)
        check_counter(r, d, fd, s);
    if (!steady_ok((enum pvs_metric)s->metric))
        check_stuck(r, d, &fd->slot[s->metric], s);
}

const struct pvs_rule_type pvs_rule_frozen = {
    .name = "frozen",
    .severity = PVS_SEV_WARNING,
    .for_ms = 0,
    .recovery_ms = 0,
    .kb = "frozen-data",
    .parse = fz_parse,
    .sample = fz_sample,
    .free = fz_free,
};
