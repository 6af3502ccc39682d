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
 * Each is raised when seen and clears once the data has been clean for the
 * recovery time, so a single defect is one short alert, not an outage.
 */
#include <math.h>
#include <string.h>

#include "pvs/rules.h"

struct dq_params {
    int64_t gap_ms;
    double drop_fraction;
};

struct dq_dev {
    int64_t last_ms;
    double counter[PVS_M__COUNT];
    bool have_counter[PVS_M__COUNT];
    bool active[3];
};

enum { DQ_GAP, DQ_COUNTER, DQ_ORDER };
static const char *const dq_subject[] = {"gap", "counter", "order"};

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
        pvs_snprintf(ev, sizeof(ev), "no data for %.1f h after %s",
                     (double)(s->ts_ms - dd->last_ms) / 3600000.0, t);
        observe(r, d, DQ_GAP, true, s->ts_ms, NAN, NAN, ev,
                "a stretch of data is missing: the history has a hole, "
                "energy totals for those days are incomplete");
    } else if (s->ts_ms > dd->last_ms) {
        observe(r, d, DQ_GAP, false, s->ts_ms, NAN, NAN, NULL, NULL);
    }
    if (order) {
        pvs_snprintf(ev, sizeof(ev), "sample %.0f s older than the previous",
                     (double)(dd->last_ms - s->ts_ms) / 1000.0);
        observe(r, d, DQ_ORDER, true, s->ts_ms, NAN, NAN, ev,
                "timestamps go backwards: the device clock was set back or "
                "samples arrive out of order");
        return;
    }
    observe(r, d, DQ_ORDER, false, s->ts_ms, NAN, NAN, NULL, NULL);
    dd->last_ms = s->ts_ms;
    if (!pvs_metric_is_counter((enum pvs_metric)s->metric))
        return;
    if (dd->have_counter[s->metric]) {
        double prev = dd->counter[s->metric];
        drop =
            s->value < prev - p->drop_fraction * fabs(prev) && s->value < prev;
        if (drop) {
            pvs_snprintf(ev, sizeof(ev), "counter fell from %.0f to %.0f", prev,
                         s->value);
            observe(r, d, DQ_COUNTER, true, s->ts_ms, s->value, prev, ev,
                    "an energy counter went backwards: it was reset, the "
                    "meter was replaced, or the reading is corrupt");
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
