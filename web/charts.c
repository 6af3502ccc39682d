/* SPDX-License-Identifier: MIT */
/*
 * charts.c - GET /api/v1/sites/{id}/energy: a site's production and
 * expected production per device over a day, week, month or year, in the
 * site's time zone, from the store's rollups (never from raw readings).
 *
 * DESIGN
 * Periods are site-local: a day is the site's midnight to midnight (23
 * or 25 hours on the days the clocks change), cut into its hours; a week
 * (Monday first) and a month into days; a year into months. The day view
 * reads the hourly rollups, the others the daily ones, so a year costs at
 * most one row per device and day; the answer says how many rows it read
 * (rows_read), which is what the tests and the benchmark check. Buckets
 * without a reading are null, not 0: "no data" must never read as "no
 * production". The clear sky comes from the store too (the engine keeps
 * it per site and kWp: pvs_store_sky_read), never from a model here.
 */
#define PVS_LOG_MODULE "web"
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pvs/clock.h"
#include "pvs/store.h"
#include "pvs/tz.h"
#include "web_int.h"

#define MAX_BUCKETS 32 /* a day has at most 25 hours, a month 31 days */
#define HOUR_MS 3600000LL

struct dev_sum {
    const struct pvs_device *dev;
    double wh[MAX_BUCKETS], exp_wh[MAX_BUCKETS];
    int64_t n[MAX_BUCKETS];
    int64_t total_n, sensor_n;
};

struct acc {
    struct dev_sum *d;
    size_t nd, last;
    const int64_t *b; /* bucket starts, nb + 1 (the last is the end) */
    size_t nb;
};

static void on_row(void *ud, const struct pvs_rollup_row *row) {
    struct acc *a = ud;
    size_t i, lo = 0, hi = a->nb;

    if (a->last >= a->nd || strcmp(a->d[a->last].dev->obj.id, row->device)) {
        for (i = 0; i < a->nd; i++)
            if (!strcmp(a->d[i].dev->obj.id, row->device))
                break;
        if (i == a->nd)
            return; /* a device the configuration no longer has */
        a->last = i;
    }
    /* The bucket whose [start, next start) holds the row. */
    while (hi - lo > 1) {
        size_t m = (lo + hi) / 2;
        if (a->b[m] <= row->ts_ms)
            lo = m;
        else
            hi = m;
    }
    if (row->ts_ms < a->b[lo] || row->ts_ms >= a->b[a->nb])
        return;
    a->d[a->last].wh[lo] += row->wh;
    a->d[a->last].exp_wh[lo] += row->exp_wh;
    a->d[a->last].n[lo] += row->n;
    a->d[a->last].total_n += row->n;
    a->d[a->last].sensor_n += row->sensor_n;
}

static void put_series(struct pvs_buf *o, const char *name, const double *v,
                       const int64_t *n, size_t nb) {
    pvs_buf_printf(o, ", \"%s\": [", name);
    for (size_t i = 0; i < nb; i++) {
        if (n[i])
            pvs_buf_printf(o, "%s%.3f", i ? ", " : "", v[i] / 1000.0);
        else
            pvs_buf_printf(o, "%snull", i ? ", " : "");
    }
    pvs_buf_puts(o, "]");
}

static const char *source(const struct dev_sum *d) {
    if (!d->total_n)
        return NULL;
    if (d->sensor_n == d->total_n)
        return "sensor";
    return d->sensor_n ? "mixed" : "clear_sky";
}

static void sky_add(void *ud, const struct pvs_sky_row *row) {
    struct web_sky *k = ud;

    if (k->n == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 64;
        k->row = pvs_realloc(k->row, k->cap * sizeof(*k->row));
    }
    k->row[k->n++] = *row;
}

enum pvs_err pvs_web_sky_read(struct pvs_store *st, const char *site,
                              bool daily, int64_t from, int64_t to,
                              struct web_sky *k) {
    memset(k, 0, sizeof(*k));
    return pvs_store_sky_read(st, site, daily, from, to, sky_add, k, NULL);
}

void pvs_web_sky_release(struct web_sky *k) {
    PVS_FREE(k->row);
    k->n = k->cap = 0;
}

/* The first row starting at or after t. */
static size_t sky_find(const struct web_sky *k, int64_t t) {
    size_t lo = 0, hi = k->n;

    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (k->row[m].ts_ms < t)
            lo = m + 1;
        else
            hi = m;
    }
    return lo;
}

bool pvs_web_sky_sum(const struct web_sky *k, int64_t from, int64_t to,
                     double *ret_wh) {
    size_t i = sky_find(k, from);
    double wh = 0;
    bool any = false;

    for (; i < k->n && k->row[i].ts_ms < to; i++) {
        wh += k->row[i].wh;
        any = true;
    }
    *ret_wh = wh;
    return any;
}

bool pvs_web_sky_power(const struct web_sky *k, int64_t t, double *ret_w) {
    int64_t h = t - (t % HOUR_MS + HOUR_MS) % HOUR_MS, mid = h + HOUR_MS / 2;
    size_t i = sky_find(k, h), j;
    double w;

    if (i == k->n || k->row[i].ts_ms != h)
        return false;
    w = k->row[i].wh; /* an hour's Wh is its mean W */
    /* The neighbour on t's side of the middle, when it is there. */
    if (t >= mid && i + 1 < k->n && k->row[i + 1].ts_ms == h + HOUR_MS)
        j = i + 1;
    else if (t < mid && i > 0 && k->row[i - 1].ts_ms == h - HOUR_MS)
        j = i - 1;
    else
        j = i;
    if (j != i)
        w += (k->row[j].wh - w) * (double)(t - mid) /
             (double)(k->row[j].ts_ms - k->row[i].ts_ms);
    *ret_w = w;
    return true;
}

static bool parse_date(const char *s, int *y, int *m, int *d) {
    char tail;

    return sscanf(s, "%4d-%2d-%2d%c", y, m, d, &tail) == 3 && *y >= 1970 &&
           *y <= 9999 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

static void fmt_date(int64_t days, char *buf, size_t size) {
    int y, m, d;

    pvs_tz_civil_from_days(days, &y, &m, &d);
    pvs_snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
}

/* A period cut into its buckets, and the periods either side. */
struct span {
    int64_t b[MAX_BUCKETS + 1]; /* bucket starts; b[nb] is the end */
    size_t nb;
    bool daily; /* read the daily rollups (else the hourly ones) */
    int64_t day0, prev, next; /* first day, and those of the neighbours */
};

/* The span of period ("day", "week", "month", "year") holding day0. */
static void span_of(const struct pvs_tz *tz, const char *period, int64_t day0,
                    struct span *sp) {
    int y, m, d;

    pvs_tz_civil_from_days(day0, &y, &m, &d);
    sp->nb = 0;
    sp->daily = true;
    if (!strcmp(period, "day")) {
        int64_t from = pvs_tz_from_local(tz, y, m, d, 0, 0, 0);
        int64_t to;
        int ny, nm, nd;

        pvs_tz_civil_from_days(day0 + 1, &ny, &nm, &nd);
        to = pvs_tz_from_local(tz, ny, nm, nd, 0, 0, 0);
        for (int64_t t = from; t < to && sp->nb < MAX_BUCKETS; t += HOUR_MS)
            sp->b[sp->nb++] = t;
        sp->b[sp->nb] = to;
        sp->daily = false;
        sp->day0 = day0;
        sp->prev = day0 - 1;
        sp->next = day0 + 1;
    } else if (!strcmp(period, "week")) {
        /* 1970-01-01 was a Thursday: Monday is (days + 3) % 7 == 0. */
        int64_t mon = day0 - ((day0 % 7 + 7 + 3) % 7);
        for (int i = 0; i <= 7; i++) {
            int yy, mm, dd;
            pvs_tz_civil_from_days(mon + i, &yy, &mm, &dd);
            sp->b[i] = pvs_tz_from_local(tz, yy, mm, dd, 0, 0, 0);
        }
        sp->nb = 7;
        sp->day0 = mon;
        sp->prev = mon - 7;
        sp->next = mon + 7;
    } else if (!strcmp(period, "month")) {
        int64_t first = pvs_tz_days_from_civil(y, m, 1);
        int64_t after = m == 12 ? pvs_tz_days_from_civil(y + 1, 1, 1)
                                : pvs_tz_days_from_civil(y, m + 1, 1);
        for (int64_t dd = first; dd <= after; dd++) {
            int yy, mm, d2;
            pvs_tz_civil_from_days(dd, &yy, &mm, &d2);
            sp->b[sp->nb++] = pvs_tz_from_local(tz, yy, mm, d2, 0, 0, 0);
        }
        sp->nb--;
        sp->day0 = first;
        sp->prev = m == 1 ? pvs_tz_days_from_civil(y - 1, 12, 1)
                          : pvs_tz_days_from_civil(y, m - 1, 1);
        sp->next = after;
    } else {
        for (int i = 0; i <= 12; i++)
            sp->b[i] = pvs_tz_from_local(tz, i == 12 ? y + 1 : y,
                                         i == 12 ? 1 : i + 1, 1, 0, 0, 0);
        sp->nb = 12;
        sp->day0 = pvs_tz_days_from_civil(y, 1, 1);
        sp->prev = pvs_tz_days_from_civil(y - 1, 1, 1);
        sp->next = pvs_tz_days_from_civil(y + 1, 1, 1);
    }
}

/* The answer's head: where, when, and the buckets. */
static void put_head(struct web_req *r, const char *id, const struct pvs_tz *tz,
                     const char *period, const struct span *sp) {
    char dbuf[16], pbuf[16], nbuf[16];

    fmt_date(sp->day0, dbuf, sizeof(dbuf));
    fmt_date(sp->prev, pbuf, sizeof(pbuf));
    fmt_date(sp->next, nbuf, sizeof(nbuf));
    pvs_buf_puts(&r->out, "{\"site\": ");
    pvs_buf_json_str(&r->out, id);
    pvs_buf_puts(&r->out, ", \"timezone\": ");
    pvs_buf_json_str(&r->out, pvs_tz_name(tz));
    pvs_buf_printf(&r->out,
                   ", \"period\": \"%s\", \"date\": \"%s\", \"prev\": "
                   "\"%s\", \"next\": \"%s\", \"resolution\": \"%s\", "
                   "\"now_ms\": %lld, \"from_ms\": %lld, \"to_ms\": %lld, "
                   "\"buckets\": [",
                   period, dbuf, pbuf, nbuf,
                   !sp->daily                ? "hour"
                   : !strcmp(period, "year") ? "month"
                                             : "day",
                   (long long)pvs_clock_now_ms(), (long long)sp->b[0],
                   (long long)sp->b[sp->nb]);
    for (size_t i = 0; i < sp->nb; i++)
        pvs_buf_printf(&r->out, "%s%lld", i ? ", " : "", (long long)sp->b[i]);
    pvs_buf_puts(&r->out, "]");
}

/* The devices' series, the clear sky (sky) and the totals. */
static void put_body(struct web_req *r, const struct web_sky *sky,
                     const struct span *sp, const struct acc *a, int64_t rows) {
    double tot = 0, tot_exp = 0, kwp = 0;

    pvs_buf_puts(&r->out, ", \"devices\": [");
    for (size_t i = 0; i < a->nd; i++) {
        const struct dev_sum *x = &a->d[i];
        const char *src = source(x);

        pvs_buf_puts(&r->out, i ? ", {\"id\": " : "{\"id\": ");
        pvs_buf_json_str(&r->out, x->dev->obj.id);
        pvs_buf_printf(&r->out, ", \"kwp\": %.3f, \"expected_source\": ",
                       pvs_config_device_kwp(r->w->cfg, x->dev));
        if (src)
            pvs_buf_printf(&r->out, "\"%s\"", src);
        else
            pvs_buf_puts(&r->out, "null");
        put_series(&r->out, "actual_kwh", x->wh, x->n, sp->nb);
        put_series(&r->out, "expected_kwh", x->exp_wh, x->n, sp->nb);
        pvs_buf_puts(&r->out, "}");
        kwp += pvs_config_device_kwp(r->w->cfg, x->dev);
        for (size_t k = 0; k < sp->nb; k++) {
            tot += x->wh[k];
            tot_exp += x->exp_wh[k];
        }
    }
    /* The clear sky over the whole period, data or not: the upper bound
     * a reader compares the bars with, hour by hour or day by day, for
     * the site's devices together (0 where the store has none). */
    pvs_buf_puts(&r->out, "], \"clear_sky_kwh\": [");
    for (size_t k = 0; k < sp->nb; k++) {
        double wh = 0;

        pvs_web_sky_sum(sky, sp->b[k], sp->b[k + 1], &wh);
        pvs_buf_printf(&r->out, "%s%.3f", k ? ", " : "", wh * kwp / 1000.0);
    }
    pvs_buf_printf(&r->out,
                   "], \"actual_kwh\": %.3f, \"expected_kwh\": %.3f, "
                   "\"rows_read\": %lld, \"has_data\": %s}\n",
                   tot / 1000.0, tot_exp / 1000.0, (long long)rows,
                   rows ? "true" : "false");
}

/* The day the request names (date=YYYY-MM-DD, else today at the site). */
static bool request_day(struct web_req *r, const struct pvs_tz *tz,
                        int64_t *ret_day) {
    const char *date = pvs_web_arg(r, "date");
    struct pvs_tm tm;
    int y, m, d;

    if (date && !parse_date(date, &y, &m, &d)) {
        pvs_web_error(r, 400, "date", "date must be YYYY-MM-DD");
        return false;
    }
    if (!date) {
        pvs_tz_local(tz, pvs_clock_now_ms(), &tm);
        y = tm.year;
        m = tm.mon;
        d = tm.mday;
    }
    /* Normalised later through the day number (2024-02-31 is 03-02). */
    *ret_day = pvs_tz_days_from_civil(y, m, d);
    return true;
}

void pvs_api_site_energy(struct web_req *r, const char *id) {
    const struct pvs_config *cfg = r->w->cfg;
    const struct pvs_site *site = pvs_config_site(cfg, id);
    const char *period = pvs_web_arg(r, "period");
    struct pvs_store *st = pvs_web_store(r);
    struct pvs_tz *tz = NULL;
    struct web_sky sky = {0};
    struct span sp;
    struct acc a;
    int64_t rows = 0, day0;

    memset(&a, 0, sizeof(a));
    if (!st) {
        pvs_web_error(r, 503, NULL, "the database cannot be read");
        return;
    }
    if (!site) {
        pvs_web_error(r, 404, NULL, "no such site");
        return;
    }
    if (!period)
        period = "day";
    if (strcmp(period, "day") && strcmp(period, "week") &&
        strcmp(period, "month") && strcmp(period, "year")) {
        pvs_web_error(r, 400, "period",
                      "period must be day, week, month or year");
        return;
    }
    if (pvs_tz_load(site->timezone ? site->timezone : "UTC", &tz) &&
        pvs_tz_load("UTC", &tz)) {
        pvs_web_error(r, 503, NULL, "time zones cannot be read");
        return;
    }
    if (!request_day(r, tz, &day0))
        goto out;
    span_of(tz, period, day0, &sp);
    a.d = pvs_calloc(cfg->ndevices + 1, sizeof(*a.d));
    for (size_t i = 0; i < cfg->ndevices; i++)
        if (cfg->devices[i]->site == site)
            a.d[a.nd++].dev = cfg->devices[i];
    a.b = sp.b;
    a.nb = sp.nb;
    if (pvs_store_rollup_read(st, id, sp.daily, sp.b[0], sp.b[sp.nb], on_row,
                              &a, &rows) ||
        pvs_web_sky_read(st, id, sp.daily, sp.b[0], sp.b[sp.nb], &sky)) {
        pvs_web_error(r, 503, NULL, "the database cannot be read");
        goto out;
    }
    put_head(r, id, tz, period, &sp);
    put_body(r, &sky, &sp, &a, rows);
    pvs_web_json(r, 200);
out:
    pvs_web_sky_release(&sky);
    pvs_free(a.d);
    pvs_tz_free(tz);
}
