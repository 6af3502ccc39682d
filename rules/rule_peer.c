/* SPDX-License-Identifier: MIT */
/*
 * rule_peer.c - the `peer` family: one inverter of a site, or one MPPT
 * input of an inverter, that consistently makes clearly less per kWp than
 * its siblings (a lost string, new shading, heavy soiling). No irradiance
 * sensor is needed: the siblings are the reference.
 *
 * Parameters: ratio (flag below this share of the siblings' median per
 * kWp, default 0.8), hysteresis (0.05), window (daylight time the ratio
 * is taken over, default 3h), min_level (light needed, as the siblings'
 * median output per kWp, default 0.1 = 100 W/kWp), step (5m), stale (20m).
 *
 * DESIGN
 * Groups: the inverters of a site (ac_power_w, normalised by each one's
 * kWp) and the inputs of one inverter (mppt<N>_power_w, an equal share
 * each). Every step, when someone in the group has a new sample and there
 * is enough light, each member's output per kWp is divided by the median
 * of its siblings': a point. The verdict is the median of the points
 * covering the last `window` of daylight, so a passing cloud shadow or a
 * morning of shade from a chimney does not decide it, and whole days of
 * weather cannot either: when all siblings drop together their ratios
 * stay near 1, and in low light no point is taken. A member making
 * almost nothing is left to underperformance and fault_code (one ticket
 * per problem), and a site with one device has no siblings at all.
 */
#include <math.h>
#include <string.h>

#include "pvs/expect.h"
#include "pvs/rules.h"
#include "pvs/trend.h"

#define PEER_RING 128
#define PEER_MAX_AGE (3 * 86400000LL) /* older points say nothing now */
#define PEER_DEAD 0.05

struct peer_params {
    double ratio, hysteresis, min_level;
    int64_t window_ms, step_ms, stale_ms;
};

struct peer_point {
    int64_t ts;
    int64_t dt; /* daylight time the point stands for */
    double ratio;
};

struct peer_member {
    double w; /* latest power */
    int64_t ms;
    struct peer_point ring[PEER_RING];
    size_t head, n;
    double sib_w; /* siblings' median at this member's kWp, last point */
    bool active;
};

struct peer_group {
    int64_t last_point; /* time of the last point */
    int64_t last_data;  /* newest sample used */
    double pmax;        /* highest median per kWp seen (kWp unknown) */
};

struct peer_dev {
    struct peer_member ac;
    struct peer_member *mppt; /* PVS_MPPT_MAX + 1, on first input */
    struct peer_group mgroup;
};

struct peer_state {
    struct peer_dev *dev;
    struct peer_group *site;
    size_t *site_dev, *site_off; /* devices of site i: [off[i], off[i+1]) */
};

static const char *const peer_keys[] = {
    "ratio", "hysteresis", "window", "min_level", "step", "stale", NULL};

static enum pvs_err peer_parse(struct pvs_rule *r,
                               struct pvs_cfg_errors *errs) {
    struct peer_params *p = pvs_calloc(1, sizeof(*p));
    struct peer_state *st = pvs_calloc(1, sizeof(*st));
    int64_t max_window;

    pvs_rule_params_check(r, peer_keys, errs);
    p->ratio = pvs_rule_param_double(r, "ratio", 0.8, 0.1, 0.99, errs);
    p->hysteresis =
        pvs_rule_param_double(r, "hysteresis", 0.05, 0.0, 0.5, errs);
    p->min_level = pvs_rule_param_double(r, "min_level", 0.1, 0.0, 1.0, errs);
    p->window_ms = pvs_rule_param_duration(r, "window", 3 * 3600000LL, errs);
    p->step_ms = pvs_rule_param_duration(r, "step", 5 * 60000, errs);
    p->stale_ms = pvs_rule_param_duration(r, "stale", 20 * 60000, errs);
    if (p->step_ms < 1000)
        p->step_ms = 1000;
    /* The ring must hold a whole window of points. */
    max_window = (PEER_RING - 8) * p->step_ms;
    if (p->window_ms > max_window) {
        const struct pvs_kv *kv =
            r->cfg ? pvs_cfg_obj_kv(&r->cfg->obj, "window") : NULL;
        pvs_cfg_error(errs, kv ? kv->file : r->cfg->obj.file,
                      kv ? kv->line : r->cfg->obj.line,
                      "window: at most %lld min with a step of %lld min",
                      (long long)(max_window / 60000),
                      (long long)(p->step_ms / 60000));
        p->window_ms = max_window;
    }
    st->dev = pvs_calloc(r->conf->ndevices + 1, sizeof(*st->dev));
    st->site = pvs_calloc(r->conf->nsites + 1, sizeof(*st->site));
    st->site_off = pvs_calloc(r->conf->nsites + 2, sizeof(size_t));
    st->site_dev = pvs_calloc(r->conf->ndevices + 1, sizeof(size_t));
    for (size_t i = 0, k = 0; i < r->conf->nsites; i++) {
        st->site_off[i] = k;
        for (size_t d = 0; d < r->conf->ndevices; d++)
            if (r->conf->devices[d]->site == r->conf->sites[i])
                st->site_dev[k++] = d;
        st->site_off[i + 1] = k;
    }
    r->params = p;
    r->state = st;
    return PVS_OK;
}

static void peer_free(struct pvs_rule *r) {
    struct peer_state *st = r->state;

    if (st) {
        for (size_t i = 0; i < r->conf->ndevices; i++)
            pvs_free(st->dev[i].mppt);
        pvs_free(st->dev);
        pvs_free(st->site);
        pvs_free(st->site_off);
        pvs_free(st->site_dev);
    }
    PVS_FREE(r->state);
    PVS_FREE(r->params);
}

static void push(struct peer_member *m, int64_t ts, int64_t dt, double ratio) {
    struct peer_point *pt;

    if (m->n == PEER_RING) {
        m->head = (m->head + 1) % PEER_RING;
        m->n--;
    }
    pt = &m->ring[(m->head + m->n++) % PEER_RING];
    pt->ts = ts;
    pt->dt = dt;
    pt->ratio = ratio;
}

/* Median ratio over the newest points covering window; false when the
 * points do not cover it yet. */
static bool window_ratio(const struct peer_params *p,
                         const struct peer_member *m, int64_t now, double *ret,
                         size_t *ret_n, int64_t *ret_span) {
    double v[PEER_RING];
    int64_t span = 0;
    size_t n = 0;

    for (size_t i = m->n; i-- > 0 && span < p->window_ms;) {
        const struct peer_point *pt = &m->ring[(m->head + i) % PEER_RING];
        if (now - pt->ts > PEER_MAX_AGE)
            break;
        v[n++] = pt->ratio;
        span += pt->dt;
    }
    if (span < p->window_ms || n < 3)
        return false;
    *ret = pvs_trend_median(v, n);
    *ret_n = n;
    *ret_span = span;
    return true;
}

static void judge(struct pvs_rule *r, const struct pvs_device *dev,
                  const char *subject, struct peer_member *m, double kwp,
                  int64_t now) {
    const struct peer_params *p = r->params;
    struct pvs_observation o;
    char ev[PVS_EVIDENCE_MAX], ex[PVS_EXPLAIN_MAX];
    double ratio;
    size_t n;
    int64_t span;
    bool mppt = *subject != '\0';

    if (!window_ratio(p, m, now, &ratio, &n, &span))
        return;
    memset(&o, 0, sizeof(o));
    o.active = m->active ? ratio < p->ratio + p->hysteresis : ratio < p->ratio;
    if (!o.active && !m->active)
        return;
    pvs_snprintf(ev, sizeof(ev),
                 "@peer|metric=%s|w=%.0f|sib=%.0f|kwp=%s|ratio=%.2f|n=%zu|"
                 "h=%.1f|limit=%.2f",
                 mppt ? subject : "ac_power_w", m->w, m->sib_w,
                 kwp > 0 ? "~peer.kwp" : "", ratio, n, (double)span / 3600000.0,
                 p->ratio);
    if (mppt)
        pvs_snprintf(ex, sizeof(ex), "@peer.mppt.why|input=%s|dev=%s|pct=%.0f",
                     subject, dev->obj.id, 100.0 * (1.0 - ratio));
    else
        pvs_snprintf(ex, sizeof(ex), "@peer.why|dev=%s|pct=%.0f", dev->obj.id,
                     100.0 * (1.0 - ratio));
    o.site = dev->site;
    o.device = dev;
    o.subject = subject;
    o.ts_ms = now;
    o.severity = r->severity;
    o.measured = m->w;
    o.expected = m->sib_w;
    o.lost_w = o.active && m->sib_w > m->w ? m->sib_w - m->w : 0;
    o.evidence = ev;
    o.explanation = ex;
    o.kb = "peer-deviation";
    pvs_rule_observe(r, &o);
    m->active = o.active;
}

/*
 * One point for a group of n members (m[i], kwp[i] > 0 or all 0), if
 * someone has new data and there is light. Returns true when points were
 * added.
 */
static bool group_point(const struct peer_params *p, struct peer_group *g,
                        struct peer_member **m, const double *kwp, size_t n,
                        int64_t now) {
    double v[PVS_MPPT_MAX + 64], others[PVS_MPPT_MAX + 64], med;
    int64_t newest = 0, dt;
    bool have_kwp = true;

    if (n < 2 || now - g->last_point < p->step_ms)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (m[i]->ms > newest)
            newest = m[i]->ms;
        have_kwp = have_kwp && kwp[i] > 0;
    }
    if (newest <= g->last_data)
        return false;
    for (size_t i = 0; i < n; i++)
        v[i] = m[i]->w / (have_kwp ? kwp[i] : 1.0);
    memcpy(others, v, n * sizeof(v[0]));
    med = pvs_trend_median(others, n);
    if (med > g->pmax)
        g->pmax = med;
    /* Enough light: per kWp when the array is known, else against the
     * best the group has shown. */
    if (have_kwp ? med < p->min_level * 1000.0 : med < p->min_level * g->pmax)
        return false;
    dt = g->last_point ? now - g->last_point : p->step_ms;
    if (dt > 4 * p->step_ms)
        dt = p->step_ms; /* a gap is not daylight we saw */
    g->last_point = now;
    g->last_data = newest;
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        double sib;

        for (size_t j = 0; j < n; j++)
            if (j != i)
                others[k++] = v[j];
        sib = pvs_trend_median(others, k);
        if (sib <= 0)
            continue;
        m[i]->sib_w = sib * (have_kwp ? kwp[i] : 1.0);
        if (v[i] / sib < PEER_DEAD)
            continue; /* dead: another family's finding */
        push(m[i], now, dt, v[i] / sib);
    }
    return true;
}

static void tick_site(struct pvs_rule *r, size_t si, int64_t now) {
    const struct peer_params *p = r->params;
    struct peer_state *st = r->state;
    const struct pvs_config *cfg = r->conf;
    struct peer_member *m[64];
    double kwp[64] = {0};
    size_t idx[64], n = 0;

    for (size_t k = st->site_off[si]; k < st->site_off[si + 1] && n < 64; k++) {
        size_t i = st->site_dev[k];
        const struct pvs_device *d = cfg->devices[i];
        struct peer_member *am = &st->dev[i].ac;
        if (!am->ms || now - am->ms > p->stale_ms ||
            !pvs_rule_applies(r, (uint32_t)i))
            continue;
        idx[n] = i;
        kwp[n] = pvs_expect_device_kwp(cfg, d);
        m[n++] = am;
    }
    if (!group_point(p, &st->site[si], m, kwp, n, now))
        return;
    for (size_t k = 0; k < n; k++)
        judge(r, cfg->devices[idx[k]], "", m[k], kwp[k], now);
}

static void tick_inputs(struct pvs_rule *r, size_t di, int64_t now) {
    const struct peer_params *p = r->params;
    struct peer_dev *pd = &((struct peer_state *)r->state)->dev[di];
    const struct pvs_device *d = r->conf->devices[di];
    struct peer_member *m[PVS_MPPT_MAX + 1];
    double kwp[PVS_MPPT_MAX + 1] = {0};
    unsigned input[PVS_MPPT_MAX + 1];
    double share;
    size_t n = 0;
    char subj[16];

    for (unsigned k = 1; k <= PVS_MPPT_MAX; k++) {
        struct peer_member *pm = &pd->mppt[k];
        if (!pm->ms || now - pm->ms > p->stale_ms)
            continue;
        input[n] = k;
        m[n++] = pm;
    }
    share = n ? pvs_expect_device_kwp(r->conf, d) /
                    (double)(d->mppt_inputs > 0 ? (size_t)d->mppt_inputs : n)
              : 0;
    for (size_t k = 0; k < n; k++)
        kwp[k] = share;
    if (!group_point(p, &pd->mgroup, m, kwp, n, now))
        return;
    for (size_t k = 0; k < n; k++) {
        pvs_snprintf(subj, sizeof(subj), "mppt%u", input[k]);
        judge(r, d, subj, m[k], kwp[k], now);
    }
}

static void peer_sample(struct pvs_rule *r, const struct pvs_sample *s) {
    struct peer_dev *pd = &((struct peer_state *)r->state)->dev[s->dev];
    struct peer_member *m;

    if (s->quality != PVS_Q_OK || !r->conf->devices[s->dev]->site)
        return;
    if (s->metric == PVS_M_AC_POWER_W) {
        m = &pd->ac;
    } else if (s->metric == PVS_M_MPPT_POWER_W && s->idx >= 1 &&
               s->idx <= PVS_MPPT_MAX) {
        if (!pd->mppt)
            pd->mppt = pvs_calloc(PVS_MPPT_MAX + 1, sizeof(*pd->mppt));
        m = &pd->mppt[s->idx];
    } else {
        return;
    }
    if (s->ts_ms < m->ms)
        return;
    m->w = s->value > 0 ? s->value : 0;
    m->ms = s->ts_ms;
}

static void peer_tick(struct pvs_rule *r, int64_t now) {
    struct peer_state *st = r->state;

    for (size_t si = 0; si < r->conf->nsites; si++)
        tick_site(r, si, now);
    for (size_t i = 0; i < r->conf->ndevices; i++)
        if (st->dev[i].mppt && pvs_rule_applies(r, (uint32_t)i))
            tick_inputs(r, i, now);
}

const struct pvs_rule_type pvs_rule_peer = {
    .name = "peer",
    .severity = PVS_SEV_WARNING,
    .for_ms = 0,
    .recovery_ms = 60 * 60000,
    .kb = "peer-deviation",
    .parse = peer_parse,
    .sample = peer_sample,
    .tick = peer_tick,
    .free = peer_free,
};
