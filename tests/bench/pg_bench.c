/* SPDX-License-Identifier: MIT */
/*
 * pg_bench.c - PostgreSQL sample writes for `make bench`
 * (tests/bench/bench_pg.py).
 *
 *   pg_bench plain URI DEVS N BATCH
 *       the baseline: a plain libpq loop writing the same packed rows
 *       (per device and minute, the ten readings in one JSON object made
 *       with snprintf) by COPY into the readings table pvsentry created at
 *       URI (its partitions made before the clock starts), BATCH samples
 *       per transaction, with the session's commit settings.
 *   pg_bench store CONFIG N BATCH
 *       the same samples through pvsentry's store (pvs_store_add_samples
 *       between pvs_store_begin/commit) on CONFIG's database.
 *
 * Both write N samples: ten metrics per device and minute, round robin
 * over the devices. Prints "rows N seconds S cpu_s C" (rows are samples).
 */
#include <libpq-fe.h>
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

#define DAY 86400000LL

static void must(PGconn *c, const char *sql) {
    PGresult *r = PQexec(c, sql);

    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        fprintf(stderr, "pg_bench: %s: %s", sql, PQerrorMessage(c));
        exit(1);
    }
    PQclear(r);
}

static int cmd_plain(const char *uri, long devs, long n, long batch) {
    PGconn *c = PQconnectdb(uri);
    char *buf = malloc((size_t)(batch / 10 + 1) * 1100);
    long long last_ts = TS0 + (n / 10 / devs + 1) * 60000LL;
    double t0, c0;

    if (PQstatus(c) != CONNECTION_OK || !buf) {
        fprintf(stderr, "pg_bench: %s", PQerrorMessage(c));
        return 1;
    }
    for (long long d = TS0 / DAY; d <= last_ts / DAY + 1; d++) {
        char sql[256];
        snprintf(sql, sizeof(sql),
                 "CREATE TABLE IF NOT EXISTS plain_p%lld PARTITION OF "
                 "readings FOR VALUES FROM (%lld) TO (%lld)",
                 d, d * DAY, (d + 1) * DAY);
        must(c, sql);
    }
    t0 = now_s();
    c0 = cpu_s();
    for (long i = 0; i < n;) {
        size_t len = 0;
        PGresult *r;

        must(c, "BEGIN");
        r = PQexec(c, "COPY readings(device_id, ts_ms, data) FROM STDIN");
        if (PQresultStatus(r) != PGRES_COPY_IN)
            return 1;
        PQclear(r);
        for (long k = 0; k < batch && i < n; k += 10, i += 10) {
            char data[1024];
            size_t dl = 0;
            long dev = 0;
            long long ts = 0;

            for (long j = i; j < i + 10 && j < n; j++) {
                int metric;
                double v;

                row(j, devs, &dev, &metric, &ts, &v);
                dl += (size_t)snprintf(data + dl, sizeof(data) - dl,
                                       "%c\"%s\":%.15g", dl ? ',' : '{',
                                       metric_names[metric], v);
            }
            len += (size_t)snprintf(buf + len, 1100, "d%ld\t%lld\t%s}\n", dev,
                                    ts, data);
        }
        if (PQputCopyData(c, buf, (int)len) != 1 || PQputCopyEnd(c, NULL) != 1)
            return 1;
        r = PQgetResult(c);
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            fprintf(stderr, "pg_bench: COPY: %s", PQerrorMessage(c));
            return 1;
        }
        PQclear(r);
        while ((r = PQgetResult(c)))
            PQclear(r);
        must(c, "COMMIT");
    }
    printf("rows %ld seconds %.3f cpu_s %.3f\n", n, now_s() - t0, cpu_s() - c0);
    free(buf);
    PQfinish(c);
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
    if (argc == 6 && !strcmp(argv[1], "plain"))
        return cmd_plain(argv[2], atol(argv[3]), atol(argv[4]), atol(argv[5]));
    if (argc == 5 && !strcmp(argv[1], "store"))
        return cmd_store(argv[2], atol(argv[3]), atol(argv[4]));
    fprintf(stderr, "usage: pg_bench plain URI DEVS N BATCH | store CONFIG "
                    "N BATCH\n");
    return 2;
}
