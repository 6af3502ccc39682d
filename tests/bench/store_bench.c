/* SPDX-License-Identifier: MIT */
/*
 * store_bench.c - sample writes for `make bench` (tests/bench/bench.py).
 *
 *   store_bench plain DB SCHEMA_DB DEVS N BATCH
 *       the baseline: a plain SQLite loop on the readings table created
 *       with the SQL pvsentry used in SCHEMA_DB (same index; WAL,
 *       synchronous=NORMAL): per device and minute, the ten readings
 *       formatted into one JSON object with snprintf and one prepared
 *       INSERT, BATCH samples per transaction.
 *   store_bench store CONFIG N BATCH
 *       the same samples through pvsentry's store (pvs_store_add_samples
 *       between pvs_store_begin/commit) on CONFIG's database and devices.
 *
 * Both write N samples: ten metrics per device and minute, round robin
 * over the devices, values with one decimal as inverters report them.
 * Prints "rows N seconds S cpu_s C" (rows are samples).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "pvs/config.h"
#include "pvs/log.h"
#include "pvs/metrics.h"
#include "pvs/store.h"

#include "bench_rows.h"

static int exec(sqlite3 *db, const char *sql) {
    char *err = NULL;

    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "store_bench: %s: %s\n", sql, err);
        sqlite3_free(err);
        exit(1);
    }
    return 0;
}

/* The readings table and its index as pvsentry created them in src. */
static void copy_schema(sqlite3 *db, const char *src) {
    sqlite3 *from;
    sqlite3_stmt *q;

    if (sqlite3_open_v2(src, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(from,
                           "SELECT sql FROM sqlite_master WHERE tbl_name = "
                           "'readings' AND sql IS NOT NULL ORDER BY type "
                           "DESC",
                           -1, &q, NULL) != SQLITE_OK) {
        fprintf(stderr, "store_bench: cannot read the schema of %s\n", src);
        exit(1);
    }
    while (sqlite3_step(q) == SQLITE_ROW)
        exec(db, (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    sqlite3_close(from);
}

static int cmd_plain(const char *path, const char *schema_db, long devs, long n,
                     long batch) {
    sqlite3 *db;
    sqlite3_stmt *s;
    char ids[64];
    double t0, c0;

    remove(path);
    if (sqlite3_open(path, &db) != SQLITE_OK)
        return 1;
    exec(db, "PRAGMA journal_mode = WAL");
    exec(db, "PRAGMA synchronous = NORMAL");
    copy_schema(db, schema_db);
    /* OR IGNORE: the same work on the unique index as pvsentry's upsert
     * when nothing is there yet. */
    sqlite3_prepare_v2(db,
                       "INSERT OR IGNORE INTO readings(device_id, ts_ms, "
                       "data) VALUES (?, ?, ?)",
                       -1, &s, NULL);
    t0 = now_s();
    c0 = cpu_s();
    for (long i = 0; i < n; i += 10) {
        char data[1024];
        size_t len = 0;
        long dev = 0;
        long long ts = 0;

        if (i % batch == 0)
            exec(db, "BEGIN");
        for (long j = i; j < i + 10 && j < n; j++) {
            int metric;
            double v;

            row(j, devs, &dev, &metric, &ts, &v);
            len += (size_t)snprintf(data + len, sizeof(data) - len,
                                    "%c\"%s\":%.15g", len ? ',' : '{',
                                    metric_names[metric], v);
        }
        len += (size_t)snprintf(data + len, sizeof(data) - len, "}");
        snprintf(ids, sizeof(ids), "d%ld", dev);
        sqlite3_bind_text(s, 1, ids, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(s, 2, ts);
        sqlite3_bind_text(s, 3, data, (int)len, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_DONE)
            return 1;
        sqlite3_reset(s);
        if ((i + 10) % batch == 0 || i + 10 >= n)
            exec(db, "COMMIT");
    }
    printf("rows %ld seconds %.3f cpu_s %.3f\n", n, now_s() - t0, cpu_s() - c0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return 0;
}

static int cmd_store(const char *conf, long n, long batch) {
    struct pvs_config *cfg = NULL;
    struct pvs_cfg_errors errs;
    struct pvs_store *st;
    struct pvs_sample *buf = calloc((size_t)batch, sizeof(*buf));
    double t0, c0;

    memset(&errs, 0, sizeof(errs));
    if (pvs_config_load(conf, &cfg, &errs)) {
        pvs_cfg_errors_print(&errs, stderr);
        return 1;
    }
    if (pvs_store_open(cfg->global.database, 0, &st))
        return 1;
    t0 = now_s();
    c0 = cpu_s();
    for (long i = 0; i < n;) {
        size_t k = 0;

        for (; k < (size_t)batch && i < n; k++, i++) {
            long dev;
            int metric;
            long long ts;
            double v;

            row(i, (long)cfg->ndevices, &dev, &metric, &ts, &v);
            buf[k].dev = (uint32_t)dev;
            buf[k].metric = (uint16_t)metric_ids[metric];
            buf[k].idx = 0;
            buf[k].ts_ms = ts;
            buf[k].value = v;
            buf[k].quality = PVS_Q_OK;
        }
        if (pvs_store_begin(st) || pvs_store_add_samples(st, cfg, buf, k) ||
            pvs_store_commit(st))
            return 1;
    }
    printf("rows %ld seconds %.3f cpu_s %.3f\n", n, now_s() - t0, cpu_s() - c0);
    pvs_store_close(st);
    pvs_config_free(cfg);
    free(buf);
    return 0;
}

int main(int argc, char **argv) {
    pvs_log_set_level(PVS_LOG_WARN);
    if (argc == 7 && !strcmp(argv[1], "plain"))
        return cmd_plain(argv[2], argv[3], atol(argv[4]), atol(argv[5]),
                         atol(argv[6]));
    if (argc == 5 && !strcmp(argv[1], "store"))
        return cmd_store(argv[2], atol(argv[3]), atol(argv[4]));
    fprintf(stderr, "usage: store_bench plain DB SCHEMA_DB DEVS N BATCH\n"
                    "       store_bench store CONFIG N BATCH\n");
    return 2;
}
