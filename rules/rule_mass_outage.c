/* SPDX-License-Identifier: MIT */
/*
 * rule_mass_outage.c - the `mass_outage` family: many sites of one area
 * failing together while the sun is up (no production, or no data) are
 * one incident, most likely the grid or a regional network, not a fault
 * at each site. While it fires, the communication and underperformance
 * alerts of the sites in it are not raised on their own
 * (pvs_rule_mass_outage_covers).
 *
 * Parameters: radius_km (sites within this distance of each other form
 * an area, default 20), sites (instead: an explicit area, site ids
 * separated by spaces or commas), min_sites (3), fraction (share of the
 * area's sites in daylight that must fail, 0.5), timeout (silence that
 * counts as no data, 10m), hold (no production for this long, 10m),
 * dead_ratio (output below this share of the clear sky is none, 0.03),
 * min_elevation (5 degrees).
 *
 * DESIGN
 * Areas are fixed when the rule set is built: sites linked by chains of
 * neighbours within radius_km (single linkage), or the configured list.
 * The observation belongs to the area's first site (a site is required),
 * with no device and "area:<first site id>" (or "area:<rule id>") as the
 * subject, so the fingerprint is stable for the area. A site fails when
 * every device of it is silent for timeout, or makes almost nothing
 * although the clear sky promises a real output (and the site's sensor,
 * if any, sees light) for hold. The thresholds are shorter than
 * communication's timeout, so the incident exists before the per-site
 * alerts would start.
 */
#include <math.h>
#include <string.h>

#include "pvs/expect.h"
#include "pvs/rules.h"
#include "pvs/sun.h"

#define MO_NAMES 6 /* site ids named in the evidence */

struct mo_params {
    double radius_km, fraction, dead_ratio, min_elevation;
    int64_t min_sites, timeout_ms, hold_ms;
};

struct mo_dev {
    int64_t last_ms; /* any sample */
    double w;
    int64_t w_ms;
    int64_t dead_since;
};

struct mo_site {
    size_t area;
    int64_t up_since; /* sun above min_elevation since */
    int64_t failing_since;
    bool up, failing, covered;
};

struct mo_area {
    const struct pvs_site *first;
    char subject[PVS_SUBJECT_MAX];
    size_t nup, nfail; /* this tick */
    double lost_w;
    int64_t since;
    bool active, now_active;
};

struct mo_state {
    struct mo_dev *dev;
    struct mo_site *site;
    struct mo_area *area;
    size_t narea;
    struct pvs_expect_env *env;
    size_t *site_dev, *site_off; /* devices of site i: [off[i], off[i+1]) */
};

static const char *const mo_keys[] = {
    "radius_km", "sites",      "min_sites",     "fraction", "timeout",
    "hold",      "dead_ratio", "min_elevation", NULL,
};

extern const struct pvs_rule_type pvs_rule_mass_outage;

static double distance_km(const struct pvs_site *a, const struct pvs_site *b) {
    const double rad = M_PI / 180.0;
    double dlat = (b->latitude - a->latitude) * rad;
    double dlon = (b->longitude - a->longitude) * rad;
    double h = sin(dlat / 2) * sin(dlat / 2) +
               cos(a->latitude * rad) * cos(b->latitude * rad) * sin(dlon / 2) *
                   sin(dlon / 2);

    return 2.0 * 6371.0 * asin(sqrt(h > 1 ? 1 : h));
}

static size_t find(size_t *parent, size_t i) {
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/* Areas by single linkage within radius (sites in config order). */
static void cluster(struct pvs_rule *r, struct mo_state *st) {
    const struct mo_params *p = r->params;
    const struct pvs_config *cfg = r->conf;
    size_t *parent = pvs_calloc(cfg->nsites + 1, sizeof(size_t));
    size_t *area_of_root = pvs_calloc(cfg->nsites + 1, sizeof(size_t));

    for (size_t i = 0; i < cfg->nsites; i++)
        parent[i] = i;
    for (size_t i = 0; i < cfg->nsites; i++)
        for (size_t j = i + 1; j < cfg->nsites; j++)
            if (distance_km(cfg->sites[i], cfg->sites[j]) <= p->radius_km) {
                size_t a = find(parent, i), b = find(parent, j);
                if (a != b)
                    parent[a > b ? a : b] = a < b ? a : b;
            }
    st->area = pvs_calloc(cfg->nsites + 1, sizeof(*st->area));
    for (size_t i = 0; i < cfg->nsites; i++) {
        size_t root = find(parent, i);
        struct mo_area *a;

        if (root == i) {
            area_of_root[i] = st->narea;
            a = &st->area[st->narea++];
            a->first = cfg->sites[i];
            pvs_snprintf(a->subject, sizeof(a->subject), "area:%s",
                         cfg->sites[i]->obj.id);
        }
        st->site[i].area = area_of_root[root];
    }
    pvs_free(parent);
    pvs_free(area_of_root);
}

/* One configured area: the sites listed; the others are in none. */
static void listed(struct pvs_rule *r, struct mo_state *st, const char *spec,
                   struct pvs_cfg_errors *errs) {
    const struct pvs_config *cfg = r->conf;
    const struct pvs_kv *kv = pvs_cfg_obj_kv(&r->cfg->obj, "sites");
    struct mo_area *a;
    char id[128];
    size_t n;

    st->area = pvs_calloc(2, sizeof(*st->area));
    st->narea = 1;
    a = &st->area[0];
    pvs_snprintf(a->subject, sizeof(a->subject), "area:%s", r->id);
    for (size_t i = 0; i < cfg->nsites; i++)
        st->site[i].area = SIZE_MAX; /* in no area */
    for (const char *q = spec; *q;) {
        const struct pvs_site *s;
        while (*q == ' ' || *q == ',' || *q == '\t')
            q++;
        n = strcspn(q, " ,\t");
        if (!n)
            break;
        pvs_snprintf(id, sizeof(id), "%.*s", (int)n, q);
        q += n;
        s = pvs_config_site(cfg, id);
        if (!s) {
            pvs_cfg_error(errs, kv->file, kv->line,
                          "sites: site '%s' is not defined", id);
            continue;
        }
        st->site[s->index].area = 0;
        if (!a->first || s->index < a->first->index)
            a->first = s;
    }
    if (!a->first)
        st->narea = 0;
}

static enum pvs_err mo_parse(struct pvs_rule *r, struct pvs_cfg_errors *errs) {
    struct mo_params *p = pvs_calloc(1, sizeof(*p));
    struct mo_state *st = pvs_calloc(1, sizeof(*st));
    const struct pvs_config *cfg = r->conf;
    const char *sites = pvs_rule_param_str(r, "sites", NULL);
    size_t k = 0;

    pvs_rule_params_check(r, mo_keys, errs);
    p->radius_km = pvs_rule_param_double(r, "radius_km", 20, 0.1, 2000, errs);
    p->min_sites =
        (int64_t)pvs_rule_param_double(r, "min_sites", 3, 2, 100000, errs);
    p->fraction = pvs_rule_param_double(r, "fraction", 0.5, 0.05, 1.0, errs);
    p->timeout_ms = pvs_rule_param_duration(r, "timeout", 10 * 60000, errs);
    p->hold_ms = pvs_rule_param_duration(r, "hold", 10 * 60000, errs);
    p->dead_ratio =
        pvs_rule_param_double(r, "dead_ratio", 0.03, 0.0, 0.5, errs);
    p->min_elevation =
        pvs_rule_param_double(r, "min_elevation", 5.0, -5.0, 45.0, errs);
    r->params = p;
    st->dev = pvs_calloc(cfg->ndevices + 1, sizeof(*st->dev));
    st->site = pvs_calloc(cfg->nsites + 1, sizeof(*st->site));
    st->env = pvs_calloc(cfg->nsites + 1, sizeof(*st->env));
    st->site_off = pvs_calloc(cfg->nsites + 2, sizeof(size_t));
    st->site_dev = pvs_calloc(cfg->ndevices + 1, sizeof(size_t));
    for (size_t i = 0; i < cfg->nsites; i++) {
        st->site_off[i] = k;
        for (size_t d = 0; d < cfg->ndevices; d++)
            if (cfg->devices[d]->site == cfg->sites[i])
                st->site_dev[k++] = d;
    }
    st->site_off[cfg->nsites] = k;
    r->state = st;
    if (sites)
        listed(r, st, sites, errs);
    else
        cluster(r, st);
    return PVS_OK;
}

static void mo_free(struct pvs_rule *r) {
    struct mo_state *st = r->state;

    if (st) {
        pvs_free(st->dev);
        pvs_free(st->site);
        pvs_free(st->area);
        pvs_free(st->env);
        pvs_free(st->site_off);
        pvs_free(st->site_dev);
    }
    PVS_FREE(r->state);
    PVS_FREE(r->params);
}

static void mo_sample(struct pvs_rule *r, const struct pvs_sample *s) {
    struct mo_state *st = r->state;
    const struct pvs_device *d = r->conf->devices[s->dev];
    struct mo_dev *md = &st->dev[s->dev];

    if (!d->site)
        return;
    pvs_expect_env_sample(&st->env[d->site->index], s);
    if (s->ts_ms > md->last_ms)
        md->last_ms = s->ts_ms;
    if (s->metric == PVS_M_AC_POWER_W && s->quality == PVS_Q_OK &&
        s->ts_ms >= md->w_ms) {
        md->w = s->value;
        md->w_ms = s->ts_ms;
    }
}

/* Whether device i of site s is down now (silent, or producing nothing
 * while the sky promises output). */
static bool dev_down(struct pvs_rule *r, struct mo_state *st,
                     const struct mo_site *ms, size_t i, int64_t now) {
    const struct mo_params *p = r->params;
    const struct pvs_device *d = r->conf->devices[i];
    struct mo_dev *md = &st->dev[i];
    struct pvs_expect_in clr, in;
    struct pvs_expect_out out;
    double kwp = pvs_expect_device_kwp(r->conf, d);
    int64_t ref = md->last_ms > ms->up_since ? md->last_ms : ms->up_since;
    bool dead = false;

    if (now - ref >= p->timeout_ms)
        return true;
    if (kwp > 0 && md->w_ms && now - md->w_ms < p->timeout_ms) {
        /* The clear sky, sensor or not: a grid outage leaves the sun. */
        pvs_expect_in_init(&clr);
        pvs_expect_power(d->site, kwp, d->rated_w, now, &clr, &out);
        pvs_expect_env_inputs(&st->env[d->site->index], now, &in);
        dead = out.power_w >= 0.2 * kwp * 1000.0 &&
               md->w < p->dead_ratio * out.power_w &&
               (isnan(in.poa_wm2) || in.poa_wm2 >= 100.0) &&
               (isnan(in.ghi_wm2) || in.ghi_wm2 >= 100.0);
    }
    md->dead_since = dead ? (md->dead_since ? md->dead_since : now) : 0;
    return dead && now - md->dead_since >= p->hold_ms;
}

static double site_clear_w(const struct pvs_site *s, int64_t now) {
    struct pvs_expect_in in;
    struct pvs_expect_out out;

    if (s->kwp <= 0)
        return 0;
    pvs_expect_in_init(&in);
    pvs_expect_power(s, s->kwp, 0, now, &in, &out);
    return out.power_w;
}

static void tick_site(struct pvs_rule *r, struct mo_state *st, size_t si,
                      int64_t now) {
    const struct mo_params *p = r->params;
    const struct pvs_site *site = r->conf->sites[si];
    struct mo_site *ms = &st->site[si];
    struct mo_area *a;
    double elev;
    size_t n = 0, down = 0;

    if (ms->area >= st->narea)
        return;
    a = &st->area[ms->area];
    elev = pvs_sun_elevation(site->latitude, site->longitude, now);
    if (elev >= p->min_elevation && !ms->up)
        ms->up_since = now;
    ms->up = elev >= p->min_elevation;
    /* Inverters only: a battery-backed logger or sensor that keeps
     * talking does not make a dark site a working one. */
    for (size_t k = st->site_off[si]; k < st->site_off[si + 1]; k++) {
        size_t i = st->site_dev[k];
        const struct pvs_device *d = r->conf->devices[i];
        if (!st->dev[i].last_ms || (d->kind && strcmp(d->kind, "inverter")) ||
            !pvs_rule_applies(r, (uint32_t)i))
            continue;
        n++;
        if (ms->up && dev_down(r, st, ms, i, now))
            down++;
    }
    ms->up = ms->up && n > 0;
    ms->failing = ms->up && down == n;
    ms->failing_since =
        ms->failing ? (ms->failing_since ? ms->failing_since : now) : 0;
    if (!ms->up)
        return;
    a->nup++;
    if (!ms->failing)
        return;
    a->nfail++;
    a->lost_w += site_clear_w(site, now);
    if (!a->since || ms->failing_since < a->since)
        a->since = ms->failing_since;
}

static void judge_area(struct pvs_rule *r, struct mo_state *st, size_t ai,
                       int64_t now) {
    const struct mo_params *p = r->params;
    const struct pvs_config *cfg = r->conf;
    struct mo_area *a = &st->area[ai];
    struct pvs_observation o;
    struct pvs_buf names;
    char ev[PVS_EVIDENCE_MAX], ex[PVS_EXPLAIN_MAX], t[40];
    size_t named = 0;

    memset(&o, 0, sizeof(o));
    o.active = a->nfail >= (size_t)p->min_sites &&
               (double)a->nfail >= p->fraction * (double)a->nup;
    a->now_active = o.active;
    if (!o.active && !a->active)
        return;
    pvs_buf_init(&names, 256);
    for (size_t i = 0; i < cfg->nsites && named < MO_NAMES; i++)
        if (st->site[i].area == ai && st->site[i].up && st->site[i].failing)
            pvs_buf_printf(&names, "%s%s", named++ ? ", " : "",
                           cfg->sites[i]->obj.id);
    if (a->nfail > MO_NAMES)
        pvs_buf_printf(&names, "|more=%zu", a->nfail - MO_NAMES);
    if (a->since)
        pvs_fmt_iso_utc(a->since, t, sizeof(t));
    else
        pvs_snprintf(t, sizeof(t), "-");
    pvs_snprintf(ev, sizeof(ev), "@mass|n=%zu|of=%zu|area=%s|since=%s|sites=%s",
                 a->nfail, a->nup, a->subject, t,
                 a->nfail ? names.data : "~mass.none");
    pvs_snprintf(ex, sizeof(ex), "@mass.why|n=%zu|site=%s", a->nfail,
                 a->first->obj.id);
    o.site = a->first;
    o.device = NULL;
    o.subject = a->subject;
    o.ts_ms = now;
    o.severity = r->severity;
    o.measured = (double)a->nfail;
    o.expected = (double)a->nup;
    o.lost_w = o.active ? a->lost_w : 0;
    o.evidence = ev;
    o.explanation = ex;
    o.kb = "mass-outage";
    pvs_rule_observe(r, &o);
    a->active = o.active;
    pvs_buf_release(&names);
}

static void mo_tick(struct pvs_rule *r, int64_t now) {
    struct mo_state *st = r->state;

    for (size_t ai = 0; ai < st->narea; ai++) {
        st->area[ai].nup = st->area[ai].nfail = 0;
        st->area[ai].lost_w = 0;
        st->area[ai].since = 0;
    }
    for (size_t si = 0; si < r->conf->nsites; si++)
        tick_site(r, st, si, now);
    for (size_t ai = 0; ai < st->narea; ai++)
        judge_area(r, st, ai, now);
    for (size_t si = 0; si < r->conf->nsites; si++) {
        struct mo_site *ms = &st->site[si];
        ms->covered = ms->area < st->narea && ms->failing &&
                      st->area[ms->area].now_active;
    }
}

bool pvs_rule_mass_outage_covers(const struct pvs_ruleset *rs,
                                 const struct pvs_site *s, int64_t now_ms) {
    struct pvs_rule *const *rules;
    size_t n;

    (void)now_ms; /* the state is as of the last tick */
    if (!rs || !s)
        return false;
    rules = pvs_ruleset_rules(rs, &n);
    for (size_t i = 0; i < n; i++) {
        const struct mo_state *st = rules[i]->state;
        if (rules[i]->type != &pvs_rule_mass_outage || !st)
            continue;
        if (s->index < rules[i]->conf->nsites && st->site[s->index].covered)
            return true;
    }
    return false;
}

const struct pvs_rule_type pvs_rule_mass_outage = {
    .name = "mass_outage",
    .severity = PVS_SEV_CRITICAL,
    .for_ms = 0,
    .recovery_ms = 15 * 60000,
    .kb = "mass-outage",
    .parse = mo_parse,
    .sample = mo_sample,
    .tick = mo_tick,
    .free = mo_free,
};
