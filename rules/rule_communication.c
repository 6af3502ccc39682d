/* SPDX-License-Identifier: MIT */
/*
 * rule_communication.c - the `communication` family: no data from a
 * device while the sun is up at its site.
 *
 * DESIGN
 * Silence only counts while the sun stands above min_elevation at the
 * site: inverters switch off their interfaces at night and in the first
 * low light, so the clock for "no data" starts at the later of the last
 * sample and the moment the sun rose above the threshold. It also starts
 * again after pvsentry's own ingest was held (start-up grace, broker or
 * collector outage): a device cannot be blamed for data we did not read.
 *
 * Many loggers also sleep in daylight: they stop sending when the output
 * falls below a few percent of peak, at dusk and dawn and, on arrays that
 * face east or west or are shaded, with the sun well up. Each device has
 * a reporting envelope: the clear-sky plane-of-array irradiance (from
 * expect.c, so the array's tilt and azimuth count) at which it goes quiet
 * in the evening and wakes in the morning, learnt from its own night
 * gaps. Silence counts only while the light is above that level with a
 * margin: the clear sky, or the site's irradiance sensor while it
 * reports. Until a few nights are learnt a conservative default applies;
 * a device that talks at night has no envelope (the sun rule alone). The
 * level never exceeds 60 % of the day's clear-sky peak, so a device that
 * stays silent all day is always found. A device whose last output was
 * low (a dark sky sends it to sleep early: a twentieth of its peak, or
 * less than 15 % of what the clear sky gives at that moment, which is
 * how a storm dims an afternoon) gets three hours inside its envelope,
 * not one timeout.
 *
 * Three levels, the widest wins:
 *   site      every device of a site (with two or more devices) is silent:
 *             one critical alert, the devices raise nothing new
 *   endpoint  every device behind one Modbus gateway or bus (two or more
 *             devices) is silent: one alert for the gateway
 *   gateway   the same for the devices an MQTT gateway ([mqtt_map]:
 *             OpenDTU, Venus OS...) carries, its own device included
 * A gateway that says a device is unreachable (metric reachable = 0) is
 * not data from that device: only what the device itself reports keeps
 * it alive.
 *   device    one device is silent
 * An alert that is already firing stays firing through the night and
 * while ingest is held; only data from the device (or, for a site or
 * endpoint, from any of its devices) resolves it. That is what keeps a
 * broker blink from becoming a storm of alerts and then of resolutions.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pvs/expect.h"
#include "pvs/rules.h"
#include "pvs/sun.h"

struct comm_params {
    int64_t timeout_ms;
    double min_elevation;
};

#define COMM_NDELTA 5
#define ENV_N 14          /* learnt quiet/wake levels kept per device */
#define ENV_DEFAULT 250.0 /* W/m2 of clear-sky POA, until learnt */
#define ENV_MIN_LEARNT 2  /* levels before the learnt envelope applies */
#define ENV_CAP 0.6       /* of the day's clear-sky POA peak */
#define NIGHT_GAP_MS (3 * 3600000LL)
#define MAX_LEARN_GAP_MS (36 * 3600000LL)
#define ASLEEP_MS (3 * 3600000LL) /* silence after low output */
#define ENV_STRONG 0.25           /* of its peak: it was surely awake */

/* What a device taught about its reporting hours (saved and restored). */
struct comm_env {
    float level[ENV_N]; /* clear-sky POA at a quiet or wake moment */
    unsigned n;         /* levels learnt in all (ring of ENV_N) */
    bool night;         /* it sends data at night: no envelope */
};

struct comm_dev {
    struct comm_env env;
    double last_w;     /* last ac_power_w, NaN when none */
    double max_w;      /* highest ac_power_w seen */
    int64_t last_w_ms; /* its time */
    double last_share; /* last_w over the clear sky's power then, or NaN */
    int64_t share_ms;  /* the last_w_ms last_share is for */
    int64_t last_ms;
    int64_t delta[COMM_NDELTA]; /* recent intervals between samples */
    size_t ndelta;
    bool awake; /* inside its reporting envelope */
    int64_t awake_since;
    bool down;     /* silent while it should talk, this tick */
    bool reported; /* an active observation was made */
};

struct comm_group {
    bool up; /* sun above the threshold (sites only) */
    int64_t up_since;
    bool reported;
    int64_t day;     /* solar day of peak_poa (sites only) */
    double peak_poa; /* the day's clear-sky POA peak */
};

struct comm_state {
    struct comm_dev *dev;       /* cfg->ndevices */
    struct comm_group *site;    /* cfg->nsites */
    struct comm_group *ep;      /* cfg->nendpoints */
    struct comm_group *gw;      /* cfg->nmqtt_maps */
    struct pvs_expect_env *env; /* per site: its irradiance sensor */
    int64_t first_ms;
    int64_t held_ms;
    bool was_held;
};

static const char *const comm_keys[] = {"timeout", "min_elevation", NULL};

static enum pvs_err comm_parse(struct pvs_rule *r,
                               struct pvs_cfg_errors *errs) {
    struct comm_params *p = pvs_calloc(1, sizeof(*p));
    struct comm_state *st = pvs_calloc(1, sizeof(*st));
    const struct pvs_config *cfg = r->conf;

    pvs_rule_params_check(r, comm_keys, errs);
    p->timeout_ms = pvs_rule_param_duration(r, "timeout", 15 * 60000, errs);
    p->min_elevation =
        pvs_rule_param_double(r, "min_elevation", 5.0, -5.0, 45.0, errs);
    st->dev = pvs_calloc(cfg->ndevices + 1, sizeof(*st->dev));
    for (size_t i = 0; i < cfg->ndevices; i++) {
        st->dev[i].last_w = NAN;
        st->dev[i].share_ms = -1;
    }
    st->site = pvs_calloc(cfg->nsites + 1, sizeof(*st->site));
    st->ep = pvs_calloc(cfg->nendpoints + 1, sizeof(*st->ep));
    st->gw = pvs_calloc(cfg->nmqtt_maps + 1, sizeof(*st->gw));
    st->env = pvs_calloc(cfg->nsites + 1, sizeof(*st->env));
    r->params = p;
    r->state = st;
    return PVS_OK;
}

static void comm_free(struct pvs_rule *r) {
    struct comm_state *st = r->state;

    if (st) {
        pvs_free(st->dev);
        pvs_free(st->site);
        pvs_free(st->ep);
        pvs_free(st->gw);
        pvs_free(st->env);
    }
    PVS_FREE(r->state);
    PVS_FREE(r->params);
}

static void observe(struct pvs_rule *r, const struct pvs_site *site,
                    const struct pvs_device *dev, const char *subject,
                    bool active, int64_t ts, enum pvs_severity sev,
                    double lost_w, const char *evidence,
                    const char *explanation, const char *kb) {
    struct pvs_observation o;

    memset(&o, 0, sizeof(o));
    o.site = site;
    o.device = dev;
    o.subject = subject;
    o.active = active;
    o.ts_ms = ts;
    o.severity = sev;
    o.measured = NAN;
    o.expected = NAN;
    o.lost_w = lost_w;
    o.evidence = evidence;
    o.explanation = explanation;
    o.kb = kb;
    pvs_rule_observe(r, &o);
}

static void endpoint_subject(const struct pvs_endpoint *ep, char *buf,
                             size_t size) {
    pvs_snprintf(buf, size, "endpoint:%s", ep->obj.id);
}

static double clear_poa(const struct pvs_site *site, int64_t t) {
    struct pvs_expect_in in;
    struct pvs_expect_out out;

    pvs_expect_in_init(&in);
    pvs_expect_power(site, 1.0, 0, t, &in, &out);
    return out.elevation_deg > 0 ? out.clear_poa_wm2 : 0.0;
}

/*
 * A night gap (several hours across solar midnight, not days) ends: the
 * clear sky where the device went quiet and where it woke are two
 * levels of its envelope. Data in the dark means it never sleeps: the
 * dark of the night (the sun 12 degrees down, on the device's clock as
 * corrected), not dusk, where a clock an hour ahead that is not known yet
 * puts the last output of a summer evening.
 */
static void learn(const struct pvs_site *site, struct comm_dev *cd, int64_t now,
                  int64_t clock_off) {
    int64_t gap = now - cd->last_ms;
    int64_t off = (int64_t)(site->longitude * 240000.0);

    if (pvs_sun_elevation(site->latitude, site->longitude, now - clock_off) <
        -12.0) {
        cd->env.night = true;
        return;
    }
    if (!cd->last_ms || gap < NIGHT_GAP_MS || gap > MAX_LEARN_GAP_MS ||
        (cd->last_ms + off) / 86400000 == (now + off) / 86400000)
        return;
    /* On the device's clock as corrected: a logger an hour ahead would
     * otherwise teach a dusk of nothing and a dawn of full light. */
    cd->env.level[cd->env.n++ % ENV_N] =
        (float)clear_poa(site, cd->last_ms - clock_off);
    cd->env.level[cd->env.n++ % ENV_N] =
        (float)clear_poa(site, now - clock_off);
}

/* The light on the array now: the site's irradiance sensor while it
 * reports (a dark sky sends loggers to sleep early), else the clear sky. */
static double site_poa(const struct comm_state *st, const struct pvs_site *site,
                       int64_t now, bool *out_clear) {
    struct pvs_expect_in in;
    struct pvs_expect_out out;

    pvs_expect_env_inputs(&st->env[site->index], now, &in);
    *out_clear = isnan(in.poa_wm2) && isnan(in.ghi_wm2);
    if (*out_clear)
        return clear_poa(site, now);
    pvs_expect_power(site, 1.0, 0, now, &in, &out);
    return out.poa_wm2;
}

static int cmp_dbl(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;

    return (a > b) - (a < b);
}

/*
 * The clear-sky POA above which d should be talking today. Dark evenings
 * and mornings teach levels far above the device's own (it slept early
 * because the sky did, not because of the sun): the second highest of
 * the last week's levels keeps one odd evening out and is what counts
 * for a device whose last output was low. A device that fell silent
 * while making a quarter of its peak or more did not fall asleep, so the
 * median level counts for it: an afternoon outage is found as one.
 * Levels above the cap were outages, not sleep.
 */
static double envelope(const struct comm_dev *cd, double peak_poa) {
    size_t n = cd->env.n < ENV_N ? cd->env.n : ENV_N, k = 0;
    double v = ENV_DEFAULT, x[ENV_N];

    if (cd->env.night)
        return 0;
    for (size_t i = 0; i < n && cd->env.n >= ENV_MIN_LEARNT; i++)
        if (cd->env.level[i] <= ENV_CAP * peak_poa)
            x[k++] = cd->env.level[i];
    if (k) {
        qsort(x, k, sizeof(x[0]), cmp_dbl);
        if (cd->last_w >= ENV_STRONG * cd->max_w)
            v = 1.25 * x[k / 2] + 25.0;
        else
            v = 1.25 * (k >= 2 ? x[k - 2] : 0) + 25.0;
    }
    return v < ENV_CAP * peak_poa ? v : ENV_CAP * peak_poa;
}

/* Output w of d at t over what a clear sky would give then (on its clock
 * as corrected); NaN without a kWp or with the sun too low to say. */
static double clear_share(struct pvs_rule *r, const struct pvs_device *d,
                          double w, int64_t t) {
    double kwp = pvs_expect_device_kwp(r->conf, d), cw;
    struct pvs_expect_in in;
    struct pvs_expect_out out;

    if (kwp <= 0 || !d->site)
        return NAN;
    pvs_expect_in_init(&in);
    pvs_expect_power(
        d->site, kwp, 0,
        t - pvs_ruleset_clock_offset(r->set, (uint32_t)d->index, t), &in, &out);
    cw = out.power_w;
    return cw >= 0.05 * kwp * 1000.0 ? w / cw : NAN;
}

/*
 * Whether d's last output says a dark sky sent it to sleep: a twentieth
 * of its peak, or under 15 % of what a clear sky gives then (a storm dims
 * an afternoon in minutes, and a sleeping logger does not say how far).
 * The clear sky is asked once per reading, and only about a device that
 * has been silent for its timeout.
 */
static bool dark_sky(struct pvs_rule *r, const struct pvs_device *d,
                     struct comm_dev *cd) {
    if (cd->env.night || isnan(cd->last_w))
        return false;
    if (cd->last_w < 0.05 * cd->max_w)
        return true;
    if (cd->share_ms != cd->last_w_ms) {
        cd->share_ms = cd->last_w_ms;
        cd->last_share = clear_share(r, d, cd->last_w, cd->last_w_ms);
    }
    return cd->last_share < 0.15;
}

/* Data from a device resolves whatever silence it was part of. */
static void comm_sample(struct pvs_rule *r, const struct pvs_sample *s) {
    struct comm_state *st = r->state;
    const struct pvs_device *d = r->conf->devices[s->dev];
    struct comm_dev *cd = &st->dev[s->dev];
    char subj[PVS_SUBJECT_MAX];

    if (d->site)
        pvs_expect_env_sample(&st->env[d->site->index], s);
    if (s->metric == PVS_M_REACHABLE && s->value < 0.5)
        return;
    if (s->ts_ms > cd->last_ms) {
        if (cd->last_ms)
            cd->delta[cd->ndelta++ % COMM_NDELTA] = s->ts_ms - cd->last_ms;
        if (d->site)
            learn(d->site, cd, s->ts_ms,
                  pvs_ruleset_clock_offset(r->set, s->dev, s->ts_ms));
        cd->last_ms = s->ts_ms;
    }
    if (s->metric == PVS_M_AC_POWER_W) {
        cd->last_w = s->value;
        if (s->value > cd->max_w)
            cd->max_w = s->value;
        cd->last_w_ms = s->ts_ms;
    }
    if (cd->reported) {
        observe(r, d->site, d, "", false, s->ts_ms, r->severity, 0, NULL, NULL,
                NULL);
        cd->reported = false;
    }
    if (d->site && st->site[d->site->index].reported) {
        observe(r, d->site, NULL, "site", false, s->ts_ms, r->severity, 0, NULL,
                NULL, NULL);
        st->site[d->site->index].reported = false;
    }
    if (d->endpoint && st->ep[d->endpoint->index].reported) {
        endpoint_subject(d->endpoint, subj, sizeof(subj));
        observe(r, d->site, NULL, subj, false, s->ts_ms, r->severity, 0, NULL,
                NULL, NULL);
        st->ep[d->endpoint->index].reported = false;
    }
    if (d->mqtt_map && st->gw[d->mqtt_map->index].reported) {
        pvs_snprintf(subj, sizeof(subj), "gateway:%s", d->mqtt_map->obj.id);
        observe(r, d->site, NULL, subj, false, s->ts_ms, r->severity, 0, NULL,
                NULL, NULL);
        st->gw[d->mqtt_map->index].reported = false;
    }
}

/* Clear-sky power the device would make now: the estimate of what the
 * silence costs (an upper bound on a cloudy day). */
static double clear_w(const struct pvs_rule *r, const struct pvs_device *d,
                      int64_t now) {
    struct pvs_expect_in in;
    struct pvs_expect_out out;
    double kwp = pvs_expect_device_kwp(r->conf, d);

    if (kwp <= 0 || !d->site)
        return 0.0;
    pvs_expect_in_init(&in);
    pvs_expect_power(d->site, kwp, d->rated_w, now, &in, &out);
    return out.power_w;
}

static void fmt_silence(char *buf, size_t size, int64_t last_ms, int64_t now) {
    char t[40];

    if (!last_ms) {
        pvs_snprintf(buf, size, "@comm.never");
        return;
    }
    pvs_fmt_iso_utc(last_ms, t, sizeof(t));
    pvs_snprintf(buf, size, "@comm.device|min=%.0f|last=%s",
                 (double)(now - last_ms) / 60000.0, t);
}

/*
 * A device with a reporting envelope that has not sent anything since the
 * evening before: snow and dark days keep such loggers asleep all day
 * (as the sensorless underperformance check takes a device that never
 * woke for snow). Silence is still reported, as an info, and it counts
 * as down from the next midday (sun time, on the device's clock).
 */
static bool asleep_since_dusk(struct pvs_rule *r, const struct pvs_device *d,
                              int64_t now) {
    const struct comm_dev *cd = &((struct comm_state *)r->state)->dev[d->index];
    int64_t off = (int64_t)(d->site->longitude * 240000.0) -
                  pvs_ruleset_clock_offset(r->set, d->index, now);
    int64_t last_day = (cd->last_ms + off) / 86400000;

    if (cd->env.night || !cd->last_ms || cd->env.n < ENV_MIN_LEARNT)
        return false;
    return (now + off) / 86400000 > last_day &&
           now + off < (last_day + 2) * 86400000 + 43200000;
}

static void report_device(struct pvs_rule *r, const struct pvs_device *d,
                          int64_t now, double elev, bool keep_only) {
    struct comm_state *st = r->state;
    struct comm_dev *cd = &st->dev[d->index];
    char ev[PVS_EVIDENCE_MAX], ex[PVS_EXPLAIN_MAX], sil[128];
    double lost = 0;

    if (!cd->reported && (keep_only || !cd->down))
        return;
    if (cd->down)
        lost = clear_w(r, d, now);
    fmt_silence(sil, sizeof(sil), cd->last_ms, now);
    pvs_snprintf(ev, sizeof(ev), "%s|elev=%.1f", sil, elev);
    pvs_snprintf(ex, sizeof(ex),
                 asleep_since_dusk(r, d, now) ? "@comm.device.asleep.why|dev=%s"
                                              : "@comm.device.why|dev=%s",
                 d->obj.id);
    observe(r, d->site, d, "", true, now,
            asleep_since_dusk(r, d, now) ? PVS_SEV_INFO : r->severity, lost, ev,
            ex, "communication-device");
    cd->reported = true;
}

/* Devices of site si that r watches; counts and the silent ones. */
static void site_counts(struct pvs_rule *r, size_t si, size_t *ret_n,
                        size_t *ret_down, double *ret_lost, int64_t now) {
    struct comm_state *st = r->state;
    const struct pvs_config *cfg = r->conf;
    size_t n = 0, down = 0;
    double lost = 0;

    for (size_t i = 0; i < cfg->ndevices; i++) {
        const struct pvs_device *d = cfg->devices[i];
        if (!d->site || d->site->index != si || !pvs_rule_applies(r, i))
            continue;
        n++;
        if (st->dev[i].down) {
            down++;
            lost += clear_w(r, d, now);
        }
    }
    *ret_n = n;
    *ret_down = down;
    *ret_lost = lost;
}

static bool endpoint_down(struct pvs_rule *r, const struct pvs_endpoint *ep,
                          size_t *ret_n, double *ret_lost, int64_t now) {
    struct comm_state *st = r->state;
    const struct pvs_config *cfg = r->conf;
    size_t n = 0, down = 0;
    double lost = 0;

    for (size_t i = 0; i < cfg->ndevices; i++) {
        const struct pvs_device *d = cfg->devices[i];
        if (d->endpoint != ep || !pvs_rule_applies(r, i))
            continue;
        n++;
        if (st->dev[i].down) {
            down++;
            lost += clear_w(r, d, now);
        }
    }
    *ret_n = n;
    *ret_lost = lost;
    return n >= 2 && down == n;
}

/*
 * The silence that counts: the configured timeout, or three of the
 * device's usual intervals when it reports less often (a logger that
 * uploads hourly is not down after 15 minutes). The usual interval is
 * the median of the last few, so one gap does not stretch it. Before
 * three intervals are known, the longest seen (hourly data must not
 * look silent in its first hours).
 */
static int64_t timeout_of(const struct comm_params *p,
                          const struct comm_dev *cd) {
    int64_t v[COMM_NDELTA], t;
    size_t n = cd->ndelta < COMM_NDELTA ? cd->ndelta : COMM_NDELTA;

    if (!n) /* one sample: its interval is not known yet */
        return p->timeout_ms > 7200000 ? p->timeout_ms : 7200000;
    if (n < 3) {
        t = cd->delta[0] > cd->delta[n - 1] ? cd->delta[0] : cd->delta[n - 1];
        return 3 * t > p->timeout_ms ? 3 * t : p->timeout_ms;
    }
    memcpy(v, cd->delta, n * sizeof(v[0]));
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && v[j - 1] > v[j]; j--) {
            t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    t = 3 * v[n / 2];
    return t > p->timeout_ms ? t : p->timeout_ms;
}

/*
 * An MQTT gateway of site: one alert when every device it carries on the
 * site (two or more) is silent, unless the whole site already speaks.
 */
static void tick_gateway(struct pvs_rule *r, const struct pvs_site *site,
                         const struct pvs_mqtt_map_cfg *gw, int64_t now,
                         bool covered) {
    const struct comm_params *p = r->params;
    struct comm_state *st = r->state;
    const struct pvs_config *cfg = r->conf;
    struct comm_group *g = &st->gw[gw->index];
    size_t n = 0, down = 0;
    double lost = 0;
    char ev[PVS_EVIDENCE_MAX], ex[PVS_EXPLAIN_MAX], subj[PVS_SUBJECT_MAX];
    bool gdown;

    for (size_t i = 0; i < cfg->ndevices; i++) {
        const struct pvs_device *d = cfg->devices[i];
        if (d->mqtt_map != gw || d->site != site || !pvs_rule_applies(r, i))
            continue;
        n++;
        if (st->dev[i].down) {
            down++;
            lost += clear_w(r, d, now);
        }
    }
    gdown = n >= 2 && down == n;
    if (!n || (!g->reported && (!gdown || covered)))
        return;
    pvs_snprintf(subj, sizeof(subj), "gateway:%s", gw->obj.id);
    pvs_snprintf(ev, sizeof(ev), "@comm.gateway|n=%zu|gw=%s|min=%.0f", n,
                 gw->obj.id, (double)p->timeout_ms / 60000.0);
    pvs_snprintf(ex, sizeof(ex), "@comm.gateway.why|gw=%s|preset=%s",
                 gw->obj.id, gw->preset ? gw->preset : "MQTT");
    observe(r, site, NULL, subj, true, now, r->severity,
            gdown && !covered ? lost : 0, ev, ex, "communication-gateway");
    g->reported = true;
}

/* The day's clear-sky POA peak of a site, computed once per solar day. */
static void site_day_peak(struct comm_group *sg, const struct pvs_site *site,
                          int64_t now) {
    int64_t lon = (int64_t)(site->longitude * 240000.0);
    int64_t day = (now + lon) / 86400000;

    if (day == sg->day)
        return;
    sg->day = day;
    sg->peak_poa = 0;
    for (int64_t t = day * 86400000 - lon; t < (day + 1) * 86400000 - lon;
         t += 900000) {
        double x = clear_poa(site, t);
        if (x > sg->peak_poa)
            sg->peak_poa = x;
    }
}

/* Which devices of site are silent while they should talk (cd->down). */
static void judge_devices(struct pvs_rule *r, const struct pvs_site *site,
                          const struct comm_group *sg, int64_t now, bool held,
                          double poa, bool poa_is_clear) {
    const struct comm_params *p = r->params;
    struct comm_state *st = r->state;
    const struct pvs_config *cfg = r->conf;

    for (size_t i = 0; i < cfg->ndevices; i++) {
        const struct pvs_device *d = cfg->devices[i];
        struct comm_dev *cd = &st->dev[i];
        int64_t ref = cd->last_ms, to;
        int64_t coff = pvs_ruleset_clock_offset(r->set, (uint32_t)i, now);
        /* The clear sky on the device's clock, as its envelope was learnt
         * (a sensor's reading needs no correction). */
        double dpoa =
            sg->up && coff && poa_is_clear ? clear_poa(site, now - coff) : poa;
        bool awake = sg->up && dpoa >= envelope(cd, sg->peak_poa);

        if (d->site != site || !pvs_rule_applies(r, i))
            continue;
        if (awake && !cd->awake)
            cd->awake_since = now;
        cd->awake = awake;
        if (st->first_ms > ref)
            ref = st->first_ms;
        if (st->held_ms > ref)
            ref = st->held_ms;
        if (cd->awake_since > ref)
            ref = cd->awake_since;
        to = timeout_of(p, cd);
        /* Sent to sleep by a dark sky: give it time to wake. */
        if (awake && !held && now - ref >= to && dark_sky(r, d, cd))
            to = 4 * to > ASLEEP_MS ? 4 * to : ASLEEP_MS;
        cd->down = awake && !held && now - ref >= to;
    }
}

/* The Modbus endpoints of site: one alert per gateway or bus whose
 * devices (two or more) are all silent, unless the site speaks. */
static void tick_endpoints(struct pvs_rule *r, const struct pvs_site *site,
                           const struct comm_group *sg, int64_t now,
                           bool mass) {
    const struct comm_params *p = r->params;
    struct comm_state *st = r->state;
    const struct pvs_config *cfg = r->conf;
    char ev[PVS_EVIDENCE_MAX], ex[PVS_EXPLAIN_MAX], subj[PVS_SUBJECT_MAX];

    for (size_t e = 0; e < cfg->nendpoints; e++) {
        const struct pvs_endpoint *ep = cfg->endpoints[e];
        struct comm_group *eg = &st->ep[e];
        size_t en = 0;
        double elost = 0;
        bool edown;
        bool here = false;

        for (size_t i = 0; i < cfg->ndevices && !here; i++)
            here = cfg->devices[i]->endpoint == ep &&
                   cfg->devices[i]->site == site;
        if (!here)
            continue;
        edown = endpoint_down(r, ep, &en, &elost, now);
        if (!eg->reported && (!edown || sg->reported || mass))
            continue;
        endpoint_subject(ep, subj, sizeof(subj));
        pvs_snprintf(ev, sizeof(ev), "@comm.endpoint|n=%zu|ep=%s|min=%.0f", en,
                     ep->url ? ep->url : ep->obj.id,
                     (double)p->timeout_ms / 60000.0);
        pvs_snprintf(ex, sizeof(ex), "@comm.endpoint.why|ep=%s", ep->obj.id);
        observe(r, site, NULL, subj, true, now, r->severity,
                edown && !sg->reported ? elost : 0, ev, ex,
                "communication-gateway");
        eg->reported = true;
    }
}

/* The MQTT gateways of this site only: a fleet has one per site. */
static void tick_gateways(struct pvs_rule *r, const struct pvs_site *site,
                          int64_t now, bool covered) {
    const struct pvs_config *cfg = r->conf;
    const struct pvs_mqtt_map_cfg *gws[16];
    size_t ngw = 0;
    bool all = false;

    for (size_t i = 0; i < cfg->ndevices && !all; i++) {
        const struct pvs_mqtt_map_cfg *g = cfg->devices[i]->mqtt_map;
        size_t k;

        if (!g || cfg->devices[i]->site != site)
            continue;
        for (k = 0; k < ngw && gws[k] != g; k++)
            ;
        if (k < ngw)
            continue;
        if (ngw == PVS_ARRAY_LEN(gws))
            all = true;
        else
            gws[ngw++] = g;
    }
    for (size_t g = 0; all && g < cfg->nmqtt_maps; g++)
        tick_gateway(r, site, cfg->mqtt_maps[g], now, covered);
    for (size_t g = 0; !all && g < ngw; g++)
        tick_gateway(r, site, gws[g], now, covered);
}

static void tick_site(struct pvs_rule *r, size_t si, int64_t now, bool held) {
    const struct comm_params *p = r->params;
    struct comm_state *st = r->state;
    const struct pvs_config *cfg = r->conf;
    const struct pvs_site *site = cfg->sites[si];
    struct comm_group *sg = &st->site[si];
    double elev = pvs_sun_elevation(site->latitude, site->longitude, now);
    bool up = elev >= p->min_elevation;
    size_t n, ndown;
    double lost;
    char ev[PVS_EVIDENCE_MAX], ex[PVS_EXPLAIN_MAX];
    bool site_down, mass;
    double poa;
    bool poa_is_clear = true;

    if (up && !sg->up)
        sg->up_since = now;
    sg->up = up;
    site_day_peak(sg, site, now);
    poa = up ? site_poa(st, site, now, &poa_is_clear) : 0;
    judge_devices(r, site, sg, now, held, poa, poa_is_clear);

    /* Part of a mass outage: that one incident speaks for the site, so
     * nothing new starts here (what already fires stays). */
    mass = pvs_rule_mass_outage_covers(r->set, site, now);
    site_counts(r, si, &n, &ndown, &lost, now);
    site_down = n >= 2 && ndown == n && !mass;
    if (site_down || sg->reported) {
        pvs_snprintf(ev, sizeof(ev), "@comm.site|n=%zu|min=%.0f|elev=%.1f", n,
                     (double)p->timeout_ms / 60000.0, elev);
        pvs_snprintf(ex, sizeof(ex), "@comm.site.why|site=%s", site->obj.id);
        observe(r, site, NULL, "site", true, now, PVS_SEV_CRITICAL,
                site_down ? lost : 0, ev, ex, "communication-site");
        sg->reported = true;
    }
    tick_endpoints(r, site, sg, now, mass);
    tick_gateways(r, site, now, sg->reported || mass);

    for (size_t i = 0; i < cfg->ndevices; i++) {
        const struct pvs_device *d = cfg->devices[i];
        bool covered;

        if (d->site != site || !pvs_rule_applies(r, i))
            continue;
        covered = sg->reported ||
                  (d->endpoint && st->ep[d->endpoint->index].reported) ||
                  (d->mqtt_map && st->gw[d->mqtt_map->index].reported);
        report_device(r, d, now, elev, covered || held || !up || mass);
    }
}

static void comm_tick(struct pvs_rule *r, int64_t now) {
    struct comm_state *st = r->state;
    const struct pvs_config *cfg = r->conf;
    bool held = pvs_ruleset_ingest_held(r->set, now);

    if (!st->first_ms)
        st->first_ms = now;
    /* The silence clock restarts when the hold ends, not at its last
     * tick, so devices get a full timeout to show up again. */
    if (held || st->was_held)
        st->held_ms = now;
    st->was_held = held;
    for (size_t si = 0; si < cfg->nsites; si++) {
        bool any = false;
        for (size_t i = 0; i < cfg->ndevices && !any; i++)
            any = cfg->devices[i]->site == cfg->sites[si] &&
                  pvs_rule_applies(r, i);
        if (any)
            tick_site(r, si, now, held);
    }
}

/* "env1 night=0 n=9 levels=120.5,131.0,..." */
static size_t comm_save(struct pvs_rule *r, uint32_t dev, char *buf,
                        size_t size) {
    const struct comm_env *env = &((struct comm_state *)r->state)->dev[dev].env;
    size_t n = env->n < ENV_N ? env->n : ENV_N, len;

    if (!env->n && !env->night)
        return 0;
    len = (size_t)pvs_snprintf(
        buf, size, "env1 night=%d n=%u levels=", env->night ? 1 : 0, env->n);
    for (size_t i = 0; i < n && len < size; i++)
        len += (size_t)pvs_snprintf(buf + len, size - len, "%s%.1f",
                                    i ? "," : "", (double)env->level[i]);
    return len < size ? len : 0;
}

static void comm_load(struct pvs_rule *r, uint32_t dev, const char *text) {
    struct comm_env env, *to = &((struct comm_state *)r->state)->dev[dev].env;
    const char *p;
    char *end;
    int night;
    unsigned n;
    size_t k = 0;

    memset(&env, 0, sizeof(env));
    if (sscanf(text, "env1 night=%d n=%u", &night, &n) != 2)
        return;
    p = strstr(text, "levels=");
    if (!p)
        return;
    p += 7;
    while (*p && k < ENV_N) {
        double v = strtod(p, &end);
        if (end == p || v < 0 || v > 2000)
            return; /* not ours: keep what is running */
        env.level[k++] = (float)v;
        p = *end == ',' ? end + 1 : end;
    }
    env.night = night != 0;
    /* The same ring position: the oldest level is overwritten next. */
    env.n = n >= ENV_N && k == ENV_N ? n : (unsigned)k;
    *to = env;
}

const struct pvs_rule_type pvs_rule_communication = {
    .name = "communication",
    .severity = PVS_SEV_WARNING,
    .for_ms = 0,
    .recovery_ms = 0,
    .kb = "communication-device",
    .parse = comm_parse,
    .sample = comm_sample,
    .tick = comm_tick,
    .free = comm_free,
    .save = comm_save,
    .load = comm_load,
};
