/* SPDX-License-Identifier: MIT */
/*
 * store_rollup.c - hourly and daily production rollups per device.
 *
 * DESIGN
 * Charts over a week, a month or a year must not read raw readings: a
 * year of 5-minute data is 105,000 rows per device. The engine sums the
 * readings of a batch per device and site-local hour in memory and adds
 * each sum to its hour and day rows here, in the batch's transaction: a
 * late reading updates the bucket it belongs to, and a crash loses the
 * rollup together with the readings, never one without the other. Rows
 * are additive (sums and counts), so an update is one upsert each and
 * never reads the bucket back.
 */
#define PVS_LOG_MODULE "store"
#include <sqlite3.h>
#include <string.h>

#include "pvs/log.h"
#include "pvs/store.h"
#include "store_int.h"

#define STMT_HOUR (PVS_STORE_STMTS - 2)
#define STMT_DAY (PVS_STORE_STMTS - 1)

#define UPSERT(table)                                                          \
    "INSERT INTO " table "(device_id, ts_ms, n, sensor_n, wh, exp_wh,"         \
    " peak_w) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(device_id, ts_ms)"      \
    " DO UPDATE SET n = n + excluded.n, sensor_n = sensor_n +"                 \
    " excluded.sensor_n, wh = wh + excluded.wh, exp_wh = exp_wh +"             \
    " excluded.exp_wh, peak_w = max(peak_w, excluded.peak_w)"

static sqlite3_stmt *upsert(struct pvs_store_be *st, int slot,
                            const char *sql) {
    if (!st->stmt[slot] &&
        sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                           &st->stmt[slot], NULL) != SQLITE_OK) {
        pvs_error("cannot prepare the rollup update on '%s': %s", st->path,
                  sqlite3_errmsg(st->db));
        return NULL;
    }
    return st->stmt[slot];
}

static enum pvs_err add_one(struct pvs_store_be *st, sqlite3_stmt *s,
                            const struct pvs_rollup_delta *d, int64_t ts) {
    int r;

    sqlite3_reset(s);
    sqlite3_bind_text(s, 1, d->device, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, ts);
    sqlite3_bind_int64(s, 3, d->n);
    sqlite3_bind_int64(s, 4, d->sensor_n);
    sqlite3_bind_double(s, 5, d->wh);
    sqlite3_bind_double(s, 6, d->exp_wh);
    sqlite3_bind_double(s, 7, d->peak_w);
    r = sqlite3_step(s);
    sqlite3_reset(s);
    if (r != SQLITE_DONE) {
        pvs_error("cannot update the rollup of '%s' on '%s': %s", d->device,
                  st->path, sqlite3_errmsg(st->db));
        return PVS_ERR_DB;
    }
    return PVS_OK;
}

enum pvs_err pvs_sqlite_rollup_add(struct pvs_store_be *st,
                                   const struct pvs_rollup_delta *d, size_t n) {
    sqlite3_stmt *hour = upsert(st, STMT_HOUR, UPSERT("rollup_hour"));
    sqlite3_stmt *day = upsert(st, STMT_DAY, UPSERT("rollup_day"));
    enum pvs_err rc = PVS_OK;

    if (!hour || !day)
        return PVS_ERR_DB;
    for (size_t i = 0; i < n && !rc; i++) {
        rc = add_one(st, hour, &d[i], d[i].hour_ms);
        if (!rc)
            rc = add_one(st, day, &d[i], d[i].day_ms);
    }
    return rc;
}

enum pvs_err pvs_sqlite_rollup_read(struct pvs_store_be *st, const char *site,
                                    bool daily, int64_t from_ms, int64_t to_ms,
                                    pvs_store_rollup_fn *fn, void *ud,
                                    int64_t *ret_rows) {
    static const char hour_sql[] =
        "SELECT r.device_id, r.ts_ms, r.n, r.sensor_n, r.wh, r.exp_wh,"
        " r.peak_w FROM devices d JOIN rollup_hour r ON r.device_id = d.id"
        " AND r.ts_ms >= ?2 AND r.ts_ms < ?3 WHERE d.site_id = ?1"
        " ORDER BY d.id, r.ts_ms";
    static const char day_sql[] =
        "SELECT r.device_id, r.ts_ms, r.n, r.sensor_n, r.wh, r.exp_wh,"
        " r.peak_w FROM devices d JOIN rollup_day r ON r.device_id = d.id"
        " AND r.ts_ms >= ?2 AND r.ts_ms < ?3 WHERE d.site_id = ?1"
        " ORDER BY d.id, r.ts_ms";
    sqlite3_stmt *s = NULL;
    enum pvs_err rc = PVS_OK;
    int64_t rows = 0;
    int r;

    if (sqlite3_prepare_v2(st->db, daily ? day_sql : hour_sql, -1, &s, NULL) !=
        SQLITE_OK) {
        pvs_error("cannot prepare the rollup query on '%s': %s", st->path,
                  sqlite3_errmsg(st->db));
        rc = PVS_ERR_DB;
        goto out;
    }
    sqlite3_bind_text(s, 1, site, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, from_ms);
    sqlite3_bind_int64(s, 3, to_ms);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        struct pvs_rollup_row row;

        row.device = (const char *)sqlite3_column_text(s, 0);
        row.ts_ms = sqlite3_column_int64(s, 1);
        row.n = sqlite3_column_int64(s, 2);
        row.sensor_n = sqlite3_column_int64(s, 3);
        row.wh = sqlite3_column_double(s, 4);
        row.exp_wh = sqlite3_column_double(s, 5);
        row.peak_w = sqlite3_column_double(s, 6);
        rows++;
        if (row.device)
            fn(ud, &row);
    }
    if (r != SQLITE_DONE) {
        pvs_error("cannot read the rollups of '%s' on '%s': %s", site, st->path,
                  sqlite3_errmsg(st->db));
        rc = PVS_ERR_DB;
    }
out:
    sqlite3_finalize(s);
    if (!rc && ret_rows)
        *ret_rows = rows;
    return rc;
}

/*
 * The clear sky per kWp, per site and UTC hour or site-local day: written
 * by the engine a day or a year at a time, read by the charts.
 */
enum pvs_err pvs_sqlite_sky_put(struct pvs_store_be *st, const char *site,
                                bool daily, const struct pvs_sky_row *r,
                                size_t n) {
    sqlite3_stmt *s = NULL;
    enum pvs_err rc = PVS_OK;

    if (sqlite3_prepare_v2(st->db,
                           daily ? "INSERT OR REPLACE INTO sky_day(site_id,"
                                   " ts_ms, wh) VALUES (?, ?, ?)"
                                 : "INSERT OR REPLACE INTO sky_hour(site_id,"
                                   " ts_ms, wh) VALUES (?, ?, ?)",
                           -1, &s, NULL) != SQLITE_OK) {
        rc = PVS_ERR_DB;
        goto out;
    }
    for (size_t i = 0; i < n && !rc; i++) {
        sqlite3_reset(s);
        sqlite3_bind_text(s, 1, site, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, r[i].ts_ms);
        sqlite3_bind_double(s, 3, r[i].wh);
        if (sqlite3_step(s) != SQLITE_DONE)
            rc = PVS_ERR_DB;
    }
out:
    if (rc)
        pvs_error("cannot store the clear sky of '%s' on '%s': %s", site,
                  st->path, sqlite3_errmsg(st->db));
    sqlite3_finalize(s);
    return rc;
}

enum pvs_err pvs_sqlite_sky_read(struct pvs_store_be *st, const char *site,
                                 bool daily, int64_t from_ms, int64_t to_ms,
                                 pvs_store_sky_fn *fn, void *ud,
                                 int64_t *ret_rows) {
    sqlite3_stmt *s = NULL;
    enum pvs_err rc = PVS_OK;
    int64_t rows = 0;
    int r = SQLITE_ERROR;

    if (sqlite3_prepare_v2(st->db,
                           daily ? "SELECT ts_ms, wh FROM sky_day WHERE"
                                   " site_id = ? AND ts_ms >= ? AND ts_ms < ?"
                                   " ORDER BY ts_ms"
                                 : "SELECT ts_ms, wh FROM sky_hour WHERE"
                                   " site_id = ? AND ts_ms >= ? AND ts_ms < ?"
                                   " ORDER BY ts_ms",
                           -1, &s, NULL) == SQLITE_OK) {
        sqlite3_bind_text(s, 1, site, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, from_ms);
        sqlite3_bind_int64(s, 3, to_ms);
        while ((r = sqlite3_step(s)) == SQLITE_ROW) {
            struct pvs_sky_row row;

            row.ts_ms = sqlite3_column_int64(s, 0);
            row.wh = sqlite3_column_double(s, 1);
            rows++;
            fn(ud, &row);
        }
    }
    if (r != SQLITE_DONE) {
        pvs_error("cannot read the clear sky of '%s' on '%s': %s", site,
                  st->path, sqlite3_errmsg(st->db));
        rc = PVS_ERR_DB;
    }
    sqlite3_finalize(s);
    if (!rc && ret_rows)
        *ret_rows = rows;
    return rc;
}

enum pvs_err pvs_sqlite_sky_prune(struct pvs_store_be *st, int64_t before_ms) {
    sqlite3_stmt *s = NULL;
    enum pvs_err rc = PVS_OK;

    if (sqlite3_prepare_v2(st->db, "DELETE FROM sky_hour WHERE ts_ms < ?", -1,
                           &s, NULL) != SQLITE_OK)
        rc = PVS_ERR_DB;
    if (!rc) {
        sqlite3_bind_int64(s, 1, before_ms);
        if (sqlite3_step(s) != SQLITE_DONE)
            rc = PVS_ERR_DB;
    }
    if (rc)
        pvs_error("cannot prune the clear sky on '%s': %s", st->path,
                  sqlite3_errmsg(st->db));
    sqlite3_finalize(s);
    return rc;
}
