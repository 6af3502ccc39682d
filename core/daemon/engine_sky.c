/* SPDX-License-Identifier: MIT */
/*
 * engine_sky.c - the clear sky the dashboard's charts draw, computed by
 * the engine with the rules' model (rules/expect.c, no sensor) and kept
 * in the store (pvs_store_sky_put), so that readers need no model: per
 * site and kWp, the energy of each UTC hour from 32 days back to 3 days
 * ahead, and of each site-local day of the current year.
 *
 * DESIGN
 * The work comes in steps a batch can afford. A site is done as a whole
 * (its hours, then its days) and a batch does sites until it has spent
 * its budget of model evaluations, so a fleet's first fill at start
 * spreads over batches instead of stalling one. After that a site costs
 * the new day's hours (96 evaluations) once a day and its new year's
 * days once a year. The place and array the sky was computed for are
 * kept in the meta table ("sky/SITE"): after a restart a site whose
 * rows are complete and whose array is unchanged is not computed again;
 * a changed array (an edit, a reload) recomputes its rows.
 */
#define PVS_LOG_MODULE "engine"
#include <stdio.h>
#include <string.h>

#include "engine_int.h"
#include "pvs/expect.h"
#include "pvs/store_flow.h"

#define HOUR_MS 3600000LL
#define DAY_MS (24 * HOUR_MS)
#define QUARTER_MS (HOUR_MS / 4)
#define HOURS_BACK (32 * DAY_MS)
#define HOURS_AHEAD (3 * DAY_MS)
#define BUDGET 40000     /* model evaluations per batch */
#define RECHECK_MS 60000 /* how often a complete fleet is looked at */

struct sky_site {
    char key[160];        /* the array the rows are for; "" = unknown */
    int64_t h_from, h_to; /* hour rows stored for [h_from, h_to) */
    int64_t d_from, d_to; /* day rows stored for [d_from, d_to) */
    bool looked;          /* the store was asked what it holds */
};

struct engine_sky {
    struct sky_site *site; /* per site of e->svc.cfg */
    size_t next;           /* the site a batch starts with */
    int64_t next_ms;       /* when to look again (all were complete) */
};

static double clear_w(const struct pvs_site *site, int64_t ts_ms) {
    struct pvs_expect_in in;
    struct pvs_expect_out eo;

    pvs_expect_in_init(&in);
    pvs_expect_power(site, 1.0, 0, ts_ms, &in, &eo);
    return eo.power_w;
}

static void site_key(const struct pvs_site *s, char *buf, size_t size) {
    pvs_snprintf(buf, size, "%.6f %.6f %.3f %.3f %.4f", s->latitude,
                 s->longitude, s->tilt, s->azimuth, s->loss_factor);
}

void engine_sky_init(struct pvs_engine *e) {
    struct engine_sky *k = pvs_calloc(1, sizeof(*k));

    k->site = pvs_calloc(e->svc.cfg->nsites + 1, sizeof(*k->site));
    e->sky = k;
}

void engine_sky_release(struct pvs_engine *e) {
    if (!e->sky)
        return;
    pvs_free(e->sky->site);
    PVS_FREE(e->sky);
}

void engine_sky_switch(struct pvs_engine *e, const struct pvs_config *old) {
    const struct pvs_config *nc = e->svc.cfg;
    struct sky_site *site = pvs_calloc(nc->nsites + 1, sizeof(*site));

    for (size_t i = 0; i < old->nsites; i++) {
        const struct pvs_site *ns = pvs_config_site(nc, old->sites[i]->obj.id);
        if (ns)
            site[ns->index] = e->sky->site[i];
    }
    pvs_free(e->sky->site);
    e->sky->site = site;
    e->sky->next = 0;
    e->sky->next_ms = 0;
}

/* The hours and days a site should have at now. */
static void wanted(struct pvs_engine *e, const struct pvs_site *s, int64_t now,
                   int64_t *h_from, int64_t *h_to, int64_t *d_from,
                   int64_t *d_to) {
    const struct pvs_tz *tz = e->svc.tz ? e->svc.tz[s->index] : NULL;
    int64_t day = now - (now % DAY_MS + DAY_MS) % DAY_MS;
    struct pvs_tm tm;

    *h_from = day - HOURS_BACK;
    *h_to = day + HOURS_AHEAD;
    if (!tz) {
        pvs_tz_civil_from_days(day / DAY_MS, &tm.year, &tm.mon, &tm.mday);
        *d_from = pvs_tz_days_from_civil(tm.year, 1, 1) * DAY_MS;
        *d_to = pvs_tz_days_from_civil(tm.year + 1, 1, 1) * DAY_MS;
        return;
    }
    pvs_tz_local(tz, now, &tm);
    *d_from = pvs_tz_from_local(tz, tm.year, 1, 1, 0, 0, 0);
    *d_to = pvs_tz_from_local(tz, tm.year + 1, 1, 1, 0, 0, 0);
}

/* Hour rows of [from, to); the evaluations it cost, or -1. */
static int64_t put_hours(struct pvs_engine *e, const struct pvs_site *s,
                         int64_t from, int64_t to) {
    size_t n = (size_t)((to - from) / HOUR_MS), i = 0;
    struct pvs_sky_row *r = pvs_calloc(n + 1, sizeof(*r));
    enum pvs_err rc;

    for (int64_t h = from; h < to; h += HOUR_MS, i++) {
        r[i].ts_ms = h;
        for (int64_t t = h + QUARTER_MS / 2; t < h + HOUR_MS; t += QUARTER_MS)
            r[i].wh += clear_w(s, t) / 4.0;
    }
    rc = pvs_store_sky_put(e->svc.st, s->obj.id, false, r, i);
    engine_wrote(e, rc);
    pvs_free(r);
    return rc ? -1 : (int64_t)i * 4;
}

/* Day rows of the site-local days starting in [from, to). */
static int64_t put_days(struct pvs_engine *e, const struct pvs_site *s,
                        int64_t from, int64_t to) {
    const struct pvs_tz *tz = e->svc.tz ? e->svc.tz[s->index] : NULL;
    struct pvs_sky_row *r = pvs_calloc(367, sizeof(*r));
    int64_t cost = 0, start = from;
    size_t i = 0;
    enum pvs_err rc;

    while (start < to && i < 367) {
        int64_t end = start + DAY_MS;
        struct pvs_tm tm;

        if (tz) {
            /* Local noon's date is the day's; the next midnight ends it. */
            pvs_tz_local(tz, start + DAY_MS / 2, &tm);
            pvs_tz_civil_from_days(
                pvs_tz_days_from_civil(tm.year, tm.mon, tm.mday) + 1, &tm.year,
                &tm.mon, &tm.mday);
            end = pvs_tz_from_local(tz, tm.year, tm.mon, tm.mday, 0, 0, 0);
        }
        r[i].ts_ms = start;
        for (int64_t t = start + HOUR_MS / 2; t < end; t += HOUR_MS, cost++)
            r[i].wh += clear_w(s, t);
        i++;
        start = end;
    }
    rc = pvs_store_sky_put(e->svc.st, s->obj.id, true, r, i);
    engine_wrote(e, rc);
    pvs_free(r);
    return rc ? -1 : cost;
}

static void count_row(void *ud, const struct pvs_sky_row *r) {
    (void)r;
    ++*(int64_t *)ud;
}

/*
 * After a start: take what the store holds when it was computed for this
 * array and is complete; else nothing is taken and all is computed.
 */
static void look(struct pvs_engine *e, const struct pvs_site *s,
                 struct sky_site *k, const char *key, int64_t h_from,
                 int64_t h_to, int64_t d_from, int64_t d_to) {
    char mkey[160], *stored = NULL;
    int64_t n = 0, days = 0;

    k->looked = true;
    pvs_snprintf(mkey, sizeof(mkey), "sky/%s", s->obj.id);
    if (pvs_store_meta_get(e->svc.st, mkey, &stored) || !stored ||
        strcmp(stored, key)) {
        pvs_free(stored);
        return;
    }
    pvs_free(stored);
    pvs_strlcpy(k->key, key, sizeof(k->key));
    if (!pvs_store_sky_read(e->svc.st, s->obj.id, false, h_from, h_to,
                            count_row, &n, NULL) &&
        n == (h_to - h_from) / HOUR_MS) {
        k->h_from = h_from;
        k->h_to = h_to;
    }
    /* Days are 23 to 25 hours: a year has 365 or 366 of them. */
    if (!pvs_store_sky_read(e->svc.st, s->obj.id, true, d_from, d_to, count_row,
                            &days, NULL) &&
        days >= (d_to - d_from + DAY_MS / 2) / DAY_MS) {
        k->d_from = d_from;
        k->d_to = d_to;
    }
}

/* Bring one site up to date; the evaluations spent, or -1 on failure. */
static int64_t site_step(struct pvs_engine *e, const struct pvs_site *s,
                         struct sky_site *k, int64_t now) {
    int64_t h_from, h_to, d_from, d_to, cost = 0, c;
    char key[160], mkey[160];

    wanted(e, s, now, &h_from, &h_to, &d_from, &d_to);
    site_key(s, key, sizeof(key));
    if (!k->looked)
        look(e, s, k, key, h_from, h_to, d_from, d_to);
    if (strcmp(k->key, key)) {
        /* Another array (or none known): every row again. */
        memset(k, 0, sizeof(*k));
        k->looked = true;
        pvs_snprintf(mkey, sizeof(mkey), "sky/%s", s->obj.id);
        engine_wrote(e, pvs_store_meta_set(e->svc.st, mkey, key));
        if (e->svc.txn_rc)
            return -1;
        pvs_strlcpy(k->key, key, sizeof(k->key));
    }
    if (k->h_from != h_from || k->h_to != h_to) {
        /* Only the hours not stored yet, when the window slid. */
        int64_t from =
            h_from < k->h_to && h_from >= k->h_from ? k->h_to : h_from;
        c = from < h_to ? put_hours(e, s, from, h_to) : 0;
        if (c < 0)
            return -1;
        cost += c;
        k->h_from = h_from;
        k->h_to = h_to;
    }
    if (k->d_from != d_from || k->d_to != d_to) {
        c = put_days(e, s, d_from, d_to);
        if (c < 0)
            return -1;
        cost += c;
        k->d_from = d_from;
        k->d_to = d_to;
    }
    return cost;
}

void engine_sky_step(struct pvs_engine *e, int64_t now) {
    struct engine_sky *k = e->sky;
    const struct pvs_config *cfg = e->svc.cfg;
    int64_t spent = 0;
    size_t done = 0;

    if (now < k->next_ms || !cfg->nsites)
        return;
    while (done < cfg->nsites && spent < BUDGET) {
        size_t i = k->next % cfg->nsites;
        int64_t c = site_step(e, cfg->sites[i], &k->site[i], now);

        if (c < 0)
            return;
        spent += c;
        k->next = i + 1;
        done++;
    }
    /* A whole round without work: the fleet is complete for a while. */
    if (!spent)
        k->next_ms = now + RECHECK_MS;
}

enum pvs_err engine_sky_prune(struct pvs_engine *e, int64_t now) {
    return pvs_store_sky_prune(e->svc.st, now - HOURS_BACK - DAY_MS);
}
