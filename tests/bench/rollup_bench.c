/* SPDX-License-Identifier: MIT */
/*
 * rollup_bench.c - the dashboard's year view for `make bench`
 * (tests/bench/bench.py).
 *
 *   rollup_bench CONFIG SITE DAYS
 *
 * Fills CONFIG's database (one transaction per device) with DAYS days of
 * 5-minute power readings for every device of SITE (pvs_store_add_samples) and
 * their hourly and daily rollups (pvs_store_rollup_add, summed per device and
 * site-local hour from pvs_expect_track_sample, as the engine does), then times
 * the year view two ways, each 5 times (best kept):
 *
 *   rollup  what GET /sites/SITE/energy?period=year reads: the daily
 *           rollups of the year, summed into 12 months;
 *   raw     the same figures from the raw readings: every reading of the
 *           year through pvs_expect_track_sample, summed into 12 months.
 *
 * Prints "readings N rollup_rows R rollup_s A raw_s B kwh X raw_kwh Y".
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pvs/config.h"
#include "pvs/expect.h"
#include "pvs/store.h"
#include "pvs/tz.h"

#define HOUR 3600000LL
#define STEP (5 * 60000LL)

static double now_s(void) {
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int64_t fmod64(int64_t a, int64_t m) {
    int64_t x = a % m;
    return x < 0 ? x + m : x;
}

struct year {
    int64_t b[13];
    double wh[12], exp_wh[12];
};

static void add(struct year *y, int64_t t, double wh, double exp_wh) {
    for (int i = 0; i < 12; i++)
        if (t >= y->b[i] && t < y->b[i + 1]) {
            y->wh[i] += wh;
            y->exp_wh[i] += exp_wh;
            return;
        }
}

static void on_row(void *ud, const struct pvs_rollup_row *r) {
    add(ud, r->ts_ms, r->wh, r->exp_wh);
}

/* A clear day's power of a 5 kWp array, with some noise. */
static double power(const struct pvs_site *site, int64_t t, unsigned *seed) {
    struct pvs_expect_in in;
    struct pvs_expect_out o;

    pvs_expect_in_init(&in);
    pvs_expect_power(site, 5.0, 0, t, &in, &o);
    *seed = *seed * 1103515245u + 12345u;
    return o.power_w * (0.7 + 0.3 * (double)(*seed >> 16 & 0x7fff) / 32768.0);
}

/* What the fill and the two timings share. */
struct bench {
    struct pvs_config *cfg;
    const char *site_id;
    const struct pvs_site *site;
    struct pvs_tz *tz;
    struct pvs_store *st;
    size_t *devs, ndev; /* the site's device indexes */
    unsigned seed;
    struct year y; /* the 2024 month bounds, sums zero */
};

/*
 * The 5-minute readings of device k on the local day starting at day, and
 * their hourly rollup deltas; 0, or -1 if the store fails.
 */
static int fill_day(struct bench *b, size_t k, int64_t day,
                    struct pvs_expect_track *tr, struct pvs_expect_env *env,
                    int64_t *readings) {
    const struct pvs_device *dv = b->cfg->devices[b->devs[k]];
    struct pvs_sample s[288];
    struct pvs_rollup_delta d[25];
    size_t n = 0, nd = 0;
    struct pvs_tm tm;
    int64_t dms;

    pvs_tz_local(b->tz, day + 12 * HOUR, &tm);
    dms = pvs_tz_from_local(b->tz, tm.year, tm.mon, tm.mday, 0, 0, 0);
    memset(d, 0, sizeof(d));
    for (int64_t t = day; t < day + 24 * HOUR; t += STEP) {
        struct pvs_expect_seg g;
        int64_t mid, hour, off;

        s[n].dev = (uint32_t)b->devs[k];
        s[n].metric = PVS_M_AC_POWER_W;
        s[n].idx = 0;
        s[n].ts_ms = t;
        s[n].value = power(b->site, t, &b->seed);
        s[n].quality = PVS_Q_OK;
        if (pvs_expect_track_sample(tr, b->site,
                                    pvs_expect_device_kwp(b->cfg, dv),
                                    dv->rated_w, env, &s[n], &g)) {
            mid = g.t0 + (g.t1 - g.t0) / 2;
            off = (int64_t)pvs_tz_offset(b->tz, mid) * 1000;
            hour = mid - fmod64(mid + off, HOUR);
            if (!nd || d[nd - 1].hour_ms != hour) {
                d[nd].device = dv->obj.id;
                d[nd].hour_ms = hour;
                d[nd].day_ms = dms;
                nd++;
            }
            d[nd - 1].n++;
            d[nd - 1].wh += g.meas_wh;
            d[nd - 1].exp_wh += g.exp_wh;
        }
        n++;
    }
    if (pvs_store_add_samples(b->st, b->cfg, s, n) ||
        pvs_store_rollup_add(b->st, d, nd))
        return -1;
    *readings += (int64_t)n;
    return 0;
}

/* Days of readings from the year's start: one device per transaction. */
static int fill(struct bench *b, int days, int64_t *readings) {
    int64_t t0 = b->y.b[0], t1 = t0 + (int64_t)days * 24 * HOUR;

    for (size_t k = 0; k < b->ndev; k++) {
        struct pvs_expect_track tr;
        struct pvs_expect_env env;

        memset(&tr, 0, sizeof(tr));
        memset(&env, 0, sizeof(env));
        if (pvs_store_begin(b->st))
            return -1;
        for (int64_t day = t0; day < t1; day += 24 * HOUR)
            if (fill_day(b, k, day, &tr, &env, readings))
                return -1;
        if (pvs_store_commit(b->st))
            return -1;
    }
    return 0;
}

/* The year view from the daily rollups, best of 5; -1 on a store error. */
static double time_rollup(struct bench *b, int64_t *rows, double *kwh) {
    double best = 1e9;

    for (int rep = 0; rep < 5; rep++) {
        struct year a = b->y;
        double t = now_s();

        if (pvs_store_rollup_read(b->st, b->site_id, true, a.b[0], a.b[12],
                                  on_row, &a, rows))
            return -1;
        t = now_s() - t;
        if (t < best)
            best = t;
        *kwh = 0;
        for (int i = 0; i < 12; i++)
            *kwh += a.wh[i] / 1000.0;
    }
    return best;
}

/* Every reading of device k in the year through the tracker, into a. */
static void raw_device(struct bench *b, sqlite3_stmt *q, size_t k,
                       struct year *a) {
    const struct pvs_device *dv = b->cfg->devices[b->devs[k]];
    struct pvs_expect_track tr;
    struct pvs_expect_env env;

    memset(&tr, 0, sizeof(tr));
    memset(&env, 0, sizeof(env));
    sqlite3_reset(q);
    sqlite3_bind_text(q, 1, dv->obj.id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 2, a->b[0]);
    sqlite3_bind_int64(q, 3, a->b[12]);
    while (sqlite3_step(q) == SQLITE_ROW) {
        struct pvs_sample s = {(uint32_t)b->devs[k],
                               PVS_M_AC_POWER_W,
                               0,
                               sqlite3_column_int64(q, 0),
                               sqlite3_column_double(q, 1),
                               PVS_Q_OK};
        struct pvs_expect_seg g;

        if (pvs_expect_track_sample(&tr, b->site,
                                    pvs_expect_device_kwp(b->cfg, dv),
                                    dv->rated_w, &env, &s, &g))
            add(a, g.t0 + (g.t1 - g.t0) / 2, g.meas_wh, g.exp_wh);
    }
}

/* The same figures from the raw readings, best of 5; -1 on an error. */
static double time_raw(struct bench *b, double *kwh) {
    double best = 1e9;

    for (int rep = 0; rep < 5; rep++) {
        struct year a = b->y;
        sqlite3 *db;
        sqlite3_stmt *q;
        double t = now_s();

        /* The straightforward way: every reading of the year. */
        if (sqlite3_open_v2(b->cfg->global.database, &db, SQLITE_OPEN_READONLY,
                            NULL) != SQLITE_OK ||
            sqlite3_prepare_v2(db,
                               "SELECT ts_ms, data ->> '$.ac_power_w' FROM"
                               " readings WHERE device_id = ? AND ts_ms >= ?"
                               " AND ts_ms < ? ORDER BY ts_ms",
                               -1, &q, NULL) != SQLITE_OK)
            return -1;
        for (size_t k = 0; k < b->ndev; k++)
            raw_device(b, q, k, &a);
        sqlite3_finalize(q);
        sqlite3_close(db);
        t = now_s() - t;
        if (t < best)
            best = t;
        *kwh = 0;
        for (int i = 0; i < 12; i++)
            *kwh += a.wh[i] / 1000.0;
    }
    return best;
}

int main(int argc, char **argv) {
    struct bench b;
    struct pvs_cfg_errors errs;
    int days;
    int64_t readings = 0, rows = 0;
    double best_roll, best_raw, kwh = 0, raw_kwh = 0;

    if (argc != 4) {
        fprintf(stderr, "usage: rollup_bench CONFIG SITE DAYS\n");
        return 2;
    }
    memset(&b, 0, sizeof(b));
    memset(&errs, 0, sizeof(errs));
    b.seed = 1;
    b.site_id = argv[2];
    if (pvs_config_load(argv[1], &b.cfg, &errs)) {
        pvs_cfg_errors_print(&errs, stderr);
        return 1;
    }
    b.site = pvs_config_site(b.cfg, argv[2]);
    days = atoi(argv[3]); /* lint: allow (a bench's argument) */
    if (!b.site || days < 1 || pvs_tz_load(b.site->timezone, &b.tz) ||
        pvs_store_open(b.cfg->global.database, 0, &b.st) ||
        pvs_store_sync_config(b.st, b.cfg))
        return 1;
    b.devs = calloc(b.cfg->ndevices + 1, sizeof(*b.devs));
    for (size_t i = 0; i < b.cfg->ndevices; i++)
        if (b.cfg->devices[i]->site == b.site)
            b.devs[b.ndev++] = i;
    /* The site's year 2024, local midnights. */
    for (int i = 0; i <= 12; i++)
        b.y.b[i] = pvs_tz_from_local(b.tz, i == 12 ? 2025 : 2024,
                                     i == 12 ? 1 : i + 1, 1, 0, 0, 0);
    if (fill(&b, days, &readings))
        return 1;
    best_roll = time_rollup(&b, &rows, &kwh);
    best_raw = best_roll < 0 ? -1 : time_raw(&b, &raw_kwh);
    if (best_raw < 0)
        return 1;
    printf("readings %lld rollup_rows %lld rollup_s %.6f raw_s %.6f kwh %.3f "
           "raw_kwh %.3f\n",
           (long long)readings, (long long)rows, best_roll, best_raw, kwh,
           raw_kwh);
    free(b.devs);
    pvs_tz_free(b.tz);
    pvs_store_close(b.st);
    pvs_config_free(b.cfg);
    return 0;
}
