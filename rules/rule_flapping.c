/* SPDX-License-Identifier: MIT */
/*
 * rule_flapping.c - the `flapping` family: a device that keeps restarting
 * or changing state (state metric transitions) far more often than a
 * healthy inverter does (one start in the morning, one stop at night).
 *
 * Parameters: count (transitions that make it flapping, default 6),
 * window (default 1h), states (the states whose entry counts, default
 * "fault starting"; "any" counts every change).
 *
 * DESIGN
 * Each state change is kept with its time in a small ring per device; the
 * count is over the last window, judged on every state sample and on
 * ticks, so the alert resolves once the window has slid past the burst
 * even if the device then reports nothing new. The power lost is the last
 * good output times the share of the window spent not producing.
 */
#include <math.h>
#include <string.h>

#include "pvs/rules.h"

#define FL_RING 128
#define FL_MAX_COUNT 100

struct fl_params {
    int64_t count;
    int64_t window_ms;
    unsigned states; /* bit per enum pvs_state; all bits = any */
};

struct fl_change {
    int64_t ts;
    int to;
    bool counted;
};

struct fl_dev {
    struct fl_change ring[FL_RING];
    size_t head, n; /* oldest at head */
    int state;      /* last state, 0 = unknown */
    double good_w;  /* output while producing */
    bool active;
};

static const char *const fl_keys[] = {"count", "window", "states", NULL};

static bool producing(int st) {
    return st == PVS_ST_MPPT || st == PVS_ST_THROTTLED;
}

static unsigned parse_states(struct pvs_rule *r, struct pvs_cfg_errors *errs) {
    const char *spec = pvs_rule_param_str(r, "states", "fault starting");
    const struct pvs_kv *kv =
        r->cfg ? pvs_cfg_obj_kv(&r->cfg->obj, "states") : NULL;
    char word[32];
    unsigned bits = 0;
    size_t n;

    for (const char *p = spec; *p;) {
        while (*p == ' ' || *p == ',' || *p == '\t')
            p++;
        n = strcspn(p, " ,\t");
        if (!n)
            break;
        pvs_snprintf(word, sizeof(word), "%.*s", (int)n, p);
        p += n;
        if (!pvs_strcasecmp(word, "any")) {
            bits = ~0u;
            continue;
        }
        if (pvs_state_parse(word) < 0) {
            pvs_cfg_error(errs, kv ? kv->file : NULL, kv ? kv->line : 0,
                          "states: unknown state '%s': expected off, "
                          "sleeping, starting, mppt, throttled, "
                          "shutting_down, fault, standby or any",
                          word);
            continue;
        }
        bits |= 1u << pvs_state_parse(word);
    }
    if (!bits && kv)
        pvs_cfg_error(errs, kv->file, kv->line, "states: no state given");
    return bits;
}

static enum pvs_err fl_parse(struct pvs_rule *r, struct pvs_cfg_errors *errs) {
    struct fl_params *p = pvs_calloc(1, sizeof(*p));

    pvs_rule_params_check(r, fl_keys, errs);
    p->count =
        (int64_t)pvs_rule_param_double(r, "count", 6, 2, FL_MAX_COUNT, errs);
    p->window_ms = pvs_rule_param_duration(r, "window", 3600000, errs);
    p->states = parse_states(r, errs);
    r->params = p;
    r->state = pvs_calloc(r->conf->ndevices + 1, sizeof(struct fl_dev));
    return PVS_OK;
}

static void fl_free(struct pvs_rule *r) {
    PVS_FREE(r->state);
    PVS_FREE(r->params);
}

static const struct fl_change *at(const struct fl_dev *d, size_t i) {
    return &d->ring[(d->head + i) % FL_RING];
}

/* Changes counted in (now - window, now], and the share of that window
 * spent in a non-producing state. */
static int64_t counted(const struct fl_params *p, const struct fl_dev *d,
                       int64_t now, double *ret_down) {
    int64_t from = now - p->window_ms, n = 0, down = 0;

    for (size_t i = 0; i < d->n; i++) {
        const struct fl_change *c = at(d, i);
        int64_t t0 = c->ts > from ? c->ts : from;
        int64_t t1 = i + 1 < d->n ? at(d, i + 1)->ts : now;

        if (c->ts > from && c->counted)
            n++;
        if (t1 > t0 && !producing(c->to))
            down += t1 - t0;
    }
    *ret_down = p->window_ms > 0 ? (double)down / (double)p->window_ms : 0;
    return n;
}

static void judge(struct pvs_rule *r, const struct pvs_device *dev,
                  struct fl_dev *d, int64_t now) {
    const struct fl_params *p = r->params;
    struct pvs_observation o;
    char ev[PVS_EVIDENCE_MAX], ex[PVS_EXPLAIN_MAX], t[40];
    double down;
    int64_t n = counted(p, d, now, &down);
    bool any = p->states == ~0u;

    memset(&o, 0, sizeof(o));
    o.active = n >= p->count;
    if (!o.active && !d->active)
        return;
    if (d->n)
        pvs_fmt_iso_utc(at(d, d->n - 1)->ts, t, sizeof(t));
    else
        pvs_snprintf(t, sizeof(t), "-");
    pvs_snprintf(ev, sizeof(ev),
                 "@flap|n=%lld|what=~%s|min=%.0f|limit=%lld|state=%s|at=%s|"
                 "down=%.0f",
                 (long long)n, any ? "flap.changes" : "flap.restarts",
                 (double)p->window_ms / 60000.0, (long long)p->count,
                 pvs_state_name(d->state), t, 100.0 * down);
    pvs_snprintf(ex, sizeof(ex), "@flap.why|dev=%s|n=%lld|min=%.0f",
                 dev->obj.id, (long long)n, (double)p->window_ms / 60000.0);
    o.site = dev->site;
    o.device = dev;
    o.subject = "state";
    o.ts_ms = now;
    o.severity = r->severity;
    o.measured = (double)n;
    o.expected = (double)p->count;
    o.lost_w = o.active ? d->good_w * down : 0;
    o.evidence = ev;
    o.explanation = ex;
    o.kb = "flapping";
    pvs_rule_observe(r, &o);
    d->active = o.active;
}

static void fl_sample(struct pvs_rule *r, const struct pvs_sample *s) {
    const struct fl_params *p = r->params;
    struct fl_dev *d = &((struct fl_dev *)r->state)[s->dev];
    const struct pvs_device *dev = r->conf->devices[s->dev];
    struct fl_change *c;
    int st;

    if (!dev->site || s->quality != PVS_Q_OK)
        return;
    if (s->metric == PVS_M_AC_POWER_W) {
        if (producing(d->state) && s->value > 0)
            d->good_w = s->value;
        return;
    }
    if (s->metric != PVS_M_STATE)
        return;
    st = (int)s->value;
    if (d->state && st != d->state) {
        if (d->n == FL_RING) {
            d->head = (d->head + 1) % FL_RING;
            d->n--;
        }
        c = &d->ring[(d->head + d->n++) % FL_RING];
        c->ts = s->ts_ms;
        c->to = st;
        c->counted = st > 0 && st < 32 && (p->states & (1u << st));
    }
    /* Changes older than the window no longer matter. */
    while (d->n > 1 && at(d, 1)->ts <= s->ts_ms - p->window_ms) {
        d->head = (d->head + 1) % FL_RING;
        d->n--;
    }
    d->state = st;
    judge(r, dev, d, s->ts_ms);
}

static void fl_tick(struct pvs_rule *r, int64_t now) {
    struct fl_dev *ds = r->state;

    for (size_t i = 0; i < r->conf->ndevices; i++)
        if (ds[i].active && pvs_rule_applies(r, (uint32_t)i))
            judge(r, r->conf->devices[i], &ds[i], now);
}

const struct pvs_rule_type pvs_rule_flapping = {
    .name = "flapping",
    .severity = PVS_SEV_WARNING,
    .for_ms = 0,
    .recovery_ms = 30 * 60000,
    .kb = "flapping",
    .parse = fl_parse,
    .sample = fl_sample,
    .tick = fl_tick,
    .free = fl_free,
};
