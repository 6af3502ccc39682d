/* SPDX-License-Identifier: MIT */
/*
 * modbus_bench.c - drivers for the Modbus benchmark and poller tests.
 *
 *   modbus_bench baseline HOST PORT UNIT ADDR COUNT SECONDS [RATE]
 *       a bare libmodbus loop reading COUNT registers at ADDR as fast as
 *       the server answers, or RATE reads a second (sleeping in between,
 *       as a poller must); prints reads and CPU seconds.
 *   modbus_bench poller CONFIG SECONDS
 *       pvsentry's poller on CONFIG's endpoints and devices, the inbox
 *       drained by this thread; prints poller counters, CPU seconds and
 *       one line per DEVICE_STATUS/DEVICE_INFO/SOURCE_HEALTH message and
 *       per device's last samples.
 *   modbus_bench stop CONFIG
 *       pvsentry's poller on CONFIG with an inbox that is full and that
 *       nobody drains (an engine that stopped): once a push found it full,
 *       the poller is stopped; prints how long the stop took (stop_ms).
 *
 * Output is "key value" lines, easy to parse from Python. Built by
 * tests/bench/bench_modbus.py and the integration tests against
 * build/libpvs.a (the Makefile does not build it).
 */
#include <errno.h>
#include <math.h>
#include <modbus.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "pvs/clock.h"
#include "pvs/config.h"
#include "pvs/log.h"
#include "pvs/msg.h"
#include "pvs/poller.h"
#include "pvs/queue.h"

static double cpu_seconds(void) {
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static int baseline(char **argv) {
    modbus_t *ctx = modbus_new_tcp(argv[0], atoi(argv[1])); /* lint: allow */
    int unit = atoi(argv[2]), addr = atoi(argv[3]);         /* lint: allow */
    int count = atoi(argv[4]);                              /* lint: allow */
    double seconds = strtod(argv[5], NULL);
    double rate = argv[6] ? strtod(argv[6], NULL) : 0;
    uint16_t regs[125];
    struct timespec next;
    uint64_t reads = 0, regs_read = 0;
    double c0, t0;

    if (!ctx || modbus_connect(ctx) == -1) {
        fprintf(stderr, "baseline: cannot connect\n");
        return 1;
    }
    modbus_set_slave(ctx, unit);
    c0 = cpu_seconds();
    t0 = (double)pvs_clock_mono_ms() / 1e3;
    clock_gettime(CLOCK_MONOTONIC, &next);
    while ((double)pvs_clock_mono_ms() / 1e3 - t0 < seconds) {
        if (rate > 0) {
            long step = (long)(1e9 / rate);
            next.tv_nsec += step % 1000000000L;
            next.tv_sec += step / 1000000000L;
            if (next.tv_nsec >= 1000000000L) {
                next.tv_sec++;
                next.tv_nsec -= 1000000000L;
            }
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
        }
        if (modbus_read_registers(ctx, addr, count, regs) != count) {
            fprintf(stderr, "baseline: read failed\n");
            return 1;
        }
        reads++;
        regs_read += (uint64_t)count;
    }
    printf("reads %llu\nregisters %llu\ncpu %.6f\nwall %.3f\n",
           (unsigned long long)reads, (unsigned long long)regs_read,
           cpu_seconds() - c0, (double)pvs_clock_mono_ms() / 1e3 - t0);
    modbus_close(ctx);
    modbus_free(ctx);
    return 0;
}

static int poller(char **argv) {
    struct pvs_config *cfg = NULL;
    struct pvs_cfg_errors errs = {0};
    struct pvs_queue *inbox;
    struct pvs_poller *p = NULL;
    struct pvs_poller_stats st;
    double seconds = strtod(argv[1], NULL), c0, t0;
    uint64_t msgs = 0;

    if (pvs_config_load(argv[0], &cfg, &errs)) {
        pvs_cfg_errors_print(&errs, stderr);
        return 1;
    }
    if (getenv("PVS_LOG_LEVEL"))
        pvs_log_set_level(
            (enum pvs_log_level)pvs_log_level_parse(getenv("PVS_LOG_LEVEL")));
    inbox = pvs_queue_new(4096, pvs_msg_free_void);
    if (pvs_poller_new(cfg, inbox, &p) || pvs_poller_start(p))
        return 1;
    c0 = cpu_seconds();
    t0 = (double)pvs_clock_mono_ms() / 1e3;
    while ((double)pvs_clock_mono_ms() / 1e3 - t0 < seconds) {
        void *items[64];
        size_t n = pvs_queue_pop_batch(inbox, items, 64, 50);
        for (size_t i = 0; i < n; i++) {
            struct pvs_msg *m = items[i];
            const char *dev =
                m->dev < cfg->ndevices ? cfg->devices[m->dev]->obj.id : "?";
            msgs++;
            if (m->type == PVS_MSG_DEVICE_STATUS)
                printf("status %s %s %.3f\n", dev,
                       m->healthy ? "online" : "offline",
                       (double)pvs_clock_mono_ms() / 1e3 - t0);
            else if (m->type == PVS_MSG_DEVICE_INFO)
                printf("info %s serial=%s manufacturer=%s\n", dev, m->serial,
                       m->manufacturer);
            else if (m->type == PVS_MSG_SOURCE_HEALTH)
                printf("health %s %s\n", m->source, m->healthy ? "up" : "down");
            else if (m->type == PVS_MSG_SAMPLES && getenv("PVS_SAMPLES"))
                for (size_t k = 0; k < m->nsamples; k++) {
                    char name[64];
                    pvs_metric_name((enum pvs_metric)m->samples[k].metric,
                                    m->samples[k].idx, name, sizeof(name));
                    uint32_t sd = m->samples[k].dev;
                    printf("sample %s %s %.6g %s %.3f\n",
                           sd < cfg->ndevices ? cfg->devices[sd]->obj.id : "?",
                           name, m->samples[k].value,
                           pvs_quality_name(
                               (enum pvs_quality)m->samples[k].quality),
                           (double)pvs_clock_mono_ms() / 1e3 - t0);
                }
            pvs_msg_free(m);
        }
        fflush(stdout);
    }
    pvs_poller_stop(p);
    pvs_poller_stats(p, &st);
    printf("polls %llu\nreads %llu\nfailed %llu\ndropped %llu\nsamples "
           "%llu\nmessages %llu\ncpu %.6f\nwall %.3f\npoller_cpu %.6f\n",
           (unsigned long long)st.polls, (unsigned long long)st.reads,
           (unsigned long long)st.failed, (unsigned long long)st.dropped,
           (unsigned long long)st.samples, (unsigned long long)msgs,
           cpu_seconds() - c0, (double)pvs_clock_mono_ms() / 1e3 - t0,
           (double)st.cpu_ns / 1e9);
    pvs_poller_free(p);
    pvs_queue_free(inbox);
    pvs_config_free(cfg);
    return 0;
}

static int stop_full(char **argv) {
    struct pvs_config *cfg = NULL;
    struct pvs_cfg_errors errs = {0};
    struct pvs_queue *inbox = pvs_queue_new(1, pvs_msg_free_void);
    struct pvs_poller *p = NULL;
    struct timespec ts = {0, 5 * 1000000L};
    int64_t t0;

    if (pvs_config_load(argv[0], &cfg, &errs)) {
        pvs_cfg_errors_print(&errs, stderr);
        return 1;
    }
    /* Full from the start: every push of the poller waits. */
    pvs_queue_push(inbox, pvs_msg_new(PVS_MSG_SAMPLES, 0), 0);
    if (pvs_poller_new(cfg, inbox, &p) || pvs_poller_start(p))
        return 1;
    t0 = pvs_clock_mono_ms();
    /* A push gave up (it waited its whole time); the next one waits. */
    while (!pvs_queue_full_count(inbox) && pvs_clock_mono_ms() - t0 < 30000)
        nanosleep(&ts, NULL);
    t0 = pvs_clock_mono_ms();
    pvs_poller_stop(p);
    printf("full %llu\nstop_ms %lld\n",
           (unsigned long long)pvs_queue_full_count(inbox),
           (long long)(pvs_clock_mono_ms() - t0));
    pvs_poller_free(p);
    pvs_queue_free(inbox);
    pvs_config_free(cfg);
    return 0;
}

int main(int argc, char **argv) {
    if ((argc == 8 || argc == 9) && !strcmp(argv[1], "baseline"))
        return baseline(argv + 2);
    if (argc == 4 && !strcmp(argv[1], "poller"))
        return poller(argv + 2);
    if (argc == 3 && !strcmp(argv[1], "stop"))
        return stop_full(argv + 2);
    fprintf(stderr, "usage: modbus_bench baseline HOST PORT UNIT ADDR COUNT "
                    "SECONDS | poller CONFIG SECONDS | stop CONFIG\n");
    return 2;
}
