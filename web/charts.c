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
 * production".
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

/* The kWp the expectation model gives dev (0 without a model). */
static double device_kwp(const struct pvs_web *w,
                         const struct pvs_device *dev) {
    return w->sky ? w->sky->device_kwp(w->cfg, dev) : 0.0;
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

void pvs_api_site_energy(struct web_req *r, const char *id) {
    const struct pvs_config *cfg = r->w->cfg;
    const struct pvs_site *site = pvs_config_site(cfg, id);
    const char *period = pvs_web_arg(r, "period");
    const char *date = pvs_web_arg(r, "date");
    struct pvs_store *st = pvs_web_store(r);
    struct pvs_tz *tz = NULL;
    struct acc a;
    int64_t b[MAX_BUCKETS + 1], rows = 0, day0, prev, next;
    size_t nb = 0;
    bool daily = true;
    int y, m, d;
    double tot = 0, tot_exp = 0, kwp = 0;
    char dbuf[16], pbuf[16], nbuf[16];
    struct pvs_tm tm;

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
    if (date) {
        if (!parse_date(date, &y, &m, &d)) {
            pvs_web_error(r, 400, "date", "date must be YYYY-MM-DD");
            goto out;
        }
    } else {
        pvs_tz_local(tz, pvs_clock_now_ms(), &tm);
        y = tm.year;
        m = tm.mon;
        d = tm.mday;
    }
    day0 = pvs_tz_days_from_civil(y, m, d);
    /* Normalise (2024-02-31 is 2024-03-02). */
    pvs_tz_civil_from_days(day0, &y, &m, &d);
    if (!strcmp(period, "day")) {
        int64_t from = pvs_tz_from_local(tz, y, m, d, 0, 0, 0);
        int64_t to;
        int ny, nm, nd;

        pvs_tz_civil_from_days(day0 + 1, &ny, &nm, &nd);
        to = pvs_tz_from_local(tz, ny, nm, nd, 0, 0, 0);
        for (int64_t t = from; t < to && nb < MAX_BUCKETS; t += HOUR_MS)
            b[nb++] = t;
        b[nb] = to;
        daily = false;
        prev = day0 - 1;
        next = day0 + 1;
    } else if (!strcmp(period, "week")) {
        /* 1970-01-01 was a Thursday: Monday is (days + 3) % 7 == 0. */
        int64_t mon = day0 - ((day0 % 7 + 7 + 3) % 7);
        for (int i = 0; i <= 7; i++) {
            int yy, mm, dd;
            pvs_tz_civil_from_days(mon + i, &yy, &mm, &dd);
            b[i] = pvs_tz_from_local(tz, yy, mm, dd, 0, 0, 0);
        }
        nb = 7;
        day0 = mon;
        prev = mon - 7;
        next = mon + 7;
    } else if (!strcmp(period, "month")) {
        int64_t first = pvs_tz_days_from_civil(y, m, 1);
        int64_t after = m == 12 ? pvs_tz_days_from_civil(y + 1, 1, 1)
                                : pvs_tz_days_from_civil(y, m + 1, 1);
        for (int64_t dd = first; dd <= after; dd++) {
            int yy, mm, d2;
            pvs_tz_civil_from_days(dd, &yy, &mm, &d2);
            b[nb++] = pvs_tz_from_local(tz, yy, mm, d2, 0, 0, 0);
        }
        nb--;
        day0 = first;
        prev = m == 1 ? pvs_tz_days_from_civil(y - 1, 12, 1)
                      : pvs_tz_days_from_civil(y, m - 1, 1);
        next = after;
    } else {
        for (int i = 0; i <= 12; i++)
            b[i] = pvs_tz_from_local(tz, i == 12 ? y + 1 : y,
                                     i == 12 ? 1 : i + 1, 1, 0, 0, 0);
        nb = 12;
        day0 = pvs_tz_days_from_civil(y, 1, 1);
        prev = pvs_tz_days_from_civil(y - 1, 1, 1);
        next = pvs_tz_days_from_civil(y + 1, 1, 1);
    }
    a.d = pvs_calloc(cfg->ndevices + 1, sizeof(*a.d));
    for (size_t i = 0; i < cfg->ndevices; i++)
        if (cfg->devices[i]->site == site)
            a.d[a.nd++].dev = cfg->devices[i];
    a.b = b;
    a.nb = nb;
    if (pvs_store_rollup_read(st, id, daily, b[0], b[nb], on_row, &a, &rows)) {
        pvs_web_error(r, 503, NULL, "the database cannot be read");
        goto out;
    }
    fmt_date(day0, dbuf, sizeof(dbuf));
    fmt_date(prev, pbuf, sizeof(pbuf));
    fmt_date(next, nbuf, sizeof(nbuf));
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
                   !daily                    ? "hour"
                   : !strcmp(period, "year") ? "month"
                                             : "day",
                   (long long)pvs_clock_now_ms(), (long long)b[0],
                   (long long)b[nb]);
    for (size_t i = 0; i < nb; i++)
        pvs_buf_printf(&r->out, "%s%lld", i ? ", " : "", (long long)b[i]);
    pvs_buf_puts(&r->out, "], \"devices\": [");
    for (size_t i = 0; i < a.nd; i++) {
        const struct dev_sum *x = &a.d[i];
        const char *src = source(x);

        pvs_buf_puts(&r->out, i ? ", {\"id\": " : "{\"id\": ");
        pvs_buf_json_str(&r->out, x->dev->obj.id);
        pvs_buf_printf(&r->out, ", \"kwp\": %.3f, \"expected_source\": ",
                       device_kwp(r->w, x->dev));
        if (src)
            pvs_buf_printf(&r->out, "\"%s\"", src);
        else
            pvs_buf_puts(&r->out, "null");
        put_series(&r->out, "actual_kwh", x->wh, x->n, nb);
        put_series(&r->out, "expected_kwh", x->exp_wh, x->n, nb);
        pvs_buf_puts(&r->out, "}");
        kwp += device_kwp(r->w, x->dev);
        for (size_t k = 0; k < nb; k++) {
            tot += x->wh[k];
            tot_exp += x->exp_wh[k];
        }
    }
    /* The clear sky over the whole period, data or not: the upper bound
     * a reader compares the bars with, hour by hour (15-minute steps) or
     * day by day (hourly steps), for the site's devices together. */
    pvs_buf_puts(&r->out, "], \"clear_sky_kwh\": [");
    for (size_t k = 0; k < nb; k++) {
        int64_t step = daily ? HOUR_MS : HOUR_MS / 4;
        double wh = 0;

        for (int64_t t = b[k] + step / 2; t < b[k + 1] && r->w->sky; t += step)
            wh += r->w->sky->clear_sky_w(site, 1.0, t) * (double)step /
                  (double)HOUR_MS;
        pvs_buf_printf(&r->out, "%s%.3f", k ? ", " : "", wh * kwp / 1000.0);
    }
    pvs_buf_printf(&r->out,
                   "], \"actual_kwh\": %.3f, \"expected_kwh\": %.3f, "
                   "\"rows_read\": %lld, \"has_data\": %s}\n",
                   tot / 1000.0, tot_exp / 1000.0, (long long)rows,
                   rows ? "true" : "false");
    pvs_web_json(r, 200);
out:
    pvs_free(a.d);
    pvs_tz_free(tz);
}
