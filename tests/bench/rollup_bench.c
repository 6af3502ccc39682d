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

int main(int argc, char **argv) {
    struct pvs_config *cfg = NULL;
    struct pvs_cfg_errors errs;
    struct pvs_store *st = NULL;
    const struct pvs_site *site;
    struct pvs_tz *tz = NULL;
    size_t ndev = 0, *devs;
    int days;
    int64_t t0, t1, readings = 0, rows = 0;
    double best_roll = 1e9, best_raw = 1e9, kwh = 0, raw_kwh = 0;
    unsigned seed = 1;
    struct year y;

    if (argc != 4) {
        fprintf(stderr, "usage: rollup_bench CONFIG SITE DAYS\n");
        return 2;
    }
    memset(&errs, 0, sizeof(errs));
    if (pvs_config_load(argv[1], &cfg, &errs)) {
        pvs_cfg_errors_print(&errs, stderr);
        return 1;
    }
    site = pvs_config_site(cfg, argv[2]);
    days = atoi(argv[3]); /* lint: allow (a bench's argument) */
    if (!site || days < 1 || pvs_tz_load(site->timezone, &tz) ||
        pvs_store_open(cfg->global.database, 0, &st) ||
        pvs_store_sync_config(st, cfg))
        return 1;
    devs = calloc(cfg->ndevices + 1, sizeof(*devs));
    for (size_t i = 0; i < cfg->ndevices; i++)
        if (cfg->devices[i]->site == site)
            devs[ndev++] = i;
    /* The site's year 2024, local midnights. */
    memset(&y, 0, sizeof(y));
    for (int i = 0; i <= 12; i++)
        y.b[i] = pvs_tz_from_local(tz, i == 12 ? 2025 : 2024,
                                   i == 12 ? 1 : i + 1, 1, 0, 0, 0);
    t0 = y.b[0];
    t1 = t0 + (int64_t)days * 24 * HOUR;

    /* Fill: one device-day per transaction. */
    for (size_t k = 0; k < ndev; k++) {
        const struct pvs_device *dv = cfg->devices[devs[k]];
        struct pvs_expect_track tr;
        struct pvs_expect_env env;

        memset(&tr, 0, sizeof(tr));
        memset(&env, 0, sizeof(env));
        if (pvs_store_begin(st))
            return 1;
        for (int64_t day = t0; day < t1; day += 24 * HOUR) {
            struct pvs_sample s[288];
            struct pvs_rollup_delta d[25];
            size_t n = 0, nd = 0;
            struct pvs_tm tm;
            int64_t dms;

            pvs_tz_local(tz, day + 12 * HOUR, &tm);
            dms = pvs_tz_from_local(tz, tm.year, tm.mon, tm.mday, 0, 0, 0);
            memset(d, 0, sizeof(d));
            for (int64_t t = day; t < day + 24 * HOUR; t += STEP) {
                struct pvs_expect_seg g;
                int64_t mid, hour, off;

                s[n].dev = (uint32_t)devs[k];
                s[n].metric = PVS_M_AC_POWER_W;
                s[n].idx = 0;
                s[n].ts_ms = t;
                s[n].value = power(site, t, &seed);
                s[n].quality = PVS_Q_OK;
                if (pvs_expect_track_sample(&tr, site,
                                            pvs_expect_device_kwp(cfg, dv),
                                            dv->rated_w, &env, &s[n], &g)) {
                    mid = g.t0 + (g.t1 - g.t0) / 2;
                    off = (int64_t)pvs_tz_offset(tz, mid) * 1000;
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
            if (pvs_store_add_samples(st, cfg, s, n) ||
                pvs_store_rollup_add(st, d, nd))
                return 1;
            readings += (int64_t)n;
        }
        if (pvs_store_commit(st))
            return 1;
    }

    for (int rep = 0; rep < 5; rep++) {
        struct year a = y;
        double t = now_s();

        if (pvs_store_rollup_read(st, argv[2], true, a.b[0], a.b[12], on_row,
                                  &a, &rows))
            return 1;
        t = now_s() - t;
        if (t < best_roll)
            best_roll = t;
        kwh = 0;
        for (int i = 0; i < 12; i++)
            kwh += a.wh[i] / 1000.0;
    }
    for (int rep = 0; rep < 5; rep++) {
        struct year a = y;
        sqlite3 *db;
        sqlite3_stmt *q;
        double t = now_s();

        /* The straightforward way: every reading of the year. */
        if (sqlite3_open_v2(cfg->global.database, &db, SQLITE_OPEN_READONLY,
                            NULL) != SQLITE_OK ||
            sqlite3_prepare_v2(db,
                               "SELECT ts_ms, data ->> '$.ac_power_w' FROM"
                               " readings WHERE device_id = ? AND ts_ms >= ?"
                               " AND ts_ms < ? ORDER BY ts_ms",
                               -1, &q, NULL) != SQLITE_OK)
            return 1;
        for (size_t k = 0; k < ndev; k++) {
            const struct pvs_device *dv = cfg->devices[devs[k]];
            struct pvs_expect_track tr;
            struct pvs_expect_env env;

            memset(&tr, 0, sizeof(tr));
            memset(&env, 0, sizeof(env));
            sqlite3_reset(q);
            sqlite3_bind_text(q, 1, dv->obj.id, -1, SQLITE_STATIC);
            sqlite3_bind_int64(q, 2, a.b[0]);
            sqlite3_bind_int64(q, 3, a.b[12]);
            while (sqlite3_step(q) == SQLITE_ROW) {
                struct pvs_sample s = {(uint32_t)devs[k],
                                       PVS_M_AC_POWER_W,
                                       0,
                                       sqlite3_column_int64(q, 0),
                                       sqlite3_column_double(q, 1),
                                       PVS_Q_OK};
                struct pvs_expect_seg g;

                if (pvs_expect_track_sample(&tr, site,
                                            pvs_expect_device_kwp(cfg, dv),
                                            dv->rated_w, &env, &s, &g))
                    add(&a, g.t0 + (g.t1 - g.t0) / 2, g.meas_wh, g.exp_wh);
            }
        }
        sqlite3_finalize(q);
        sqlite3_close(db);
        t = now_s() - t;
        if (t < best_raw)
            best_raw = t;
        raw_kwh = 0;
        for (int i = 0; i < 12; i++)
            raw_kwh += a.wh[i] / 1000.0;
    }
    printf("readings %lld rollup_rows %lld rollup_s %.6f raw_s %.6f kwh %.3f "
           "raw_kwh %.3f\n",
           (long long)readings, (long long)rows, best_roll, best_raw, kwh,
           raw_kwh);
    free(devs);
    pvs_tz_free(tz);
    pvs_store_close(st);
    pvs_config_free(cfg);
    return 0;
}
