/* SPDX-License-Identifier: MIT */
/*
 * rule_threshold.c - a metric above or below a limit, with hysteresis and
 * N-hit confirmation; the `for` duration is the rule set's.
 *
 * Parameters: metric (canonical name), above, below, hysteresis (same
 * unit, default 0), hits (consecutive samples needed, default 1).
 * Without a [rule] section the family watches the heatsink temperature,
 * the one limit that means the same on every inverter: derating starts
 * around 80-85 C.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pvs/rules.h"

struct params {
    enum pvs_metric metric;
    unsigned idx;
    double above, below; /* NaN = not set */
    double hysteresis;
    int hits;
};

struct dev_state {
    bool active;
    int count;
};

static const char *const known[] = {"metric",     "above", "below",
                                    "hysteresis", "hits",  NULL};

static enum pvs_err threshold_parse(struct pvs_rule *r,
                                    struct pvs_cfg_errors *errs) {
    struct params *p = pvs_calloc(1, sizeof(*p));
    const char *metric = pvs_rule_param_str(r, "metric", NULL);
    size_t before = errs->count;

    r->params = p;
    pvs_rule_params_check(r, known, errs);
    p->above = NAN;
    p->below = NAN;
    if (!r->cfg) {
        p->metric = PVS_M_TEMP_HEATSINK_C;
        p->above = 85;
        p->hysteresis = 5;
        p->hits = 2;
        r->severity = PVS_SEV_WARNING;
    } else {
        const struct pvs_kv *mkv = pvs_cfg_obj_kv(&r->cfg->obj, "metric");
        if (!metric) {
            pvs_cfg_error(errs, r->cfg->obj.file, r->cfg->obj.line,
                          "threshold rule '%s' needs a metric", r->id);
        } else if (pvs_metric_parse(metric, &p->metric, &p->idx)) {
            pvs_cfg_error(errs, mkv->file, mkv->line, "unknown metric '%s'",
                          metric);
        }
        if (pvs_cfg_obj_kv(&r->cfg->obj, "above"))
            p->above = pvs_rule_param_double(r, "above", 0, -1e12, 1e12, errs);
        if (pvs_cfg_obj_kv(&r->cfg->obj, "below"))
            p->below = pvs_rule_param_double(r, "below", 0, -1e12, 1e12, errs);
        if (isnan(p->above) && isnan(p->below))
            pvs_cfg_error(errs, r->cfg->obj.file, r->cfg->obj.line,
                          "threshold rule '%s' needs 'above' or 'below'",
                          r->id);
        p->hysteresis =
            pvs_rule_param_double(r, "hysteresis", 0, 0, 1e12, errs);
        p->hits = (int)pvs_rule_param_double(r, "hits", 1, 1, 1000, errs);
    }
    r->state = pvs_calloc(r->conf->ndevices + 1, sizeof(struct dev_state));
    return errs->count == before ? PVS_OK : PVS_ERR_CONFIG;
}

static void threshold_sample(struct pvs_rule *r, const struct pvs_sample *s) {
    struct params *p = r->params;
    struct dev_state *st = &((struct dev_state *)r->state)[s->dev];
    const struct pvs_device *dev = r->conf->devices[s->dev];
    struct pvs_observation o;
    char name[48], evidence[PVS_EVIDENCE_MAX], expl[PVS_EXPLAIN_MAX];
    bool breach;
    double limit;

    if (s->metric != p->metric || s->idx != p->idx || s->quality != PVS_Q_OK)
        return;
    if (st->active) {
        /* Stay active until the value is back past the hysteresis band. */
        breach = (!isnan(p->above) && s->value > p->above - p->hysteresis) ||
                 (!isnan(p->below) && s->value < p->below + p->hysteresis);
    } else {
        breach = (!isnan(p->above) && s->value > p->above) ||
                 (!isnan(p->below) && s->value < p->below);
    }
    st->count = breach ? st->count + 1 : 0;
    if (breach && st->count < p->hits)
        return;
    st->active = breach;
    if (!breach && !r->nalerts)
        return; /* nothing to resolve: skip building the words */
    limit = !isnan(p->above) && (isnan(p->below) || s->value > p->above)
                ? p->above
                : p->below;
    pvs_metric_name(p->metric, p->idx, name, sizeof(name));
    pvs_snprintf(evidence, sizeof(evidence),
                 "@threshold|metric=%s|v=%.4g|side=~%s|limit=%.4g", name,
                 s->value, limit == p->above ? "th.above" : "th.below", limit);
    pvs_snprintf(expl, sizeof(expl),
                 "@threshold.why|metric=%s|v=%.4g|side=~%s|limit=%.4g", name,
                 s->value, limit == p->above ? "th.above" : "th.below", limit);
    memset(&o, 0, sizeof(o));
    o.site = dev->site;
    o.device = dev;
    o.subject = name;
    o.active = breach;
    o.ts_ms = s->ts_ms;
    o.severity = r->severity;
    o.measured = s->value;
    o.expected = limit;
    o.evidence = evidence;
    o.explanation = expl;
    o.kb =
        p->metric == PVS_M_TEMP_HEATSINK_C ? "over-temperature" : "threshold";
    pvs_rule_observe(r, &o);
}

static void threshold_free(struct pvs_rule *r) {
    PVS_FREE(r->params);
    PVS_FREE(r->state);
}

const struct pvs_rule_type pvs_rule_threshold = {
    .name = "threshold",
    .severity = PVS_SEV_WARNING,
    .for_ms = 5 * 60000,
    .recovery_ms = 10 * 60000,
    .kb = "threshold",
    .parse = threshold_parse,
    .sample = threshold_sample,
    .free = threshold_free,
};
