/* SPDX-License-Identifier: MIT */
/*
 * parse_bench.c - nanoseconds per MQTT message in pvs_mqtt_map_parse,
 * against the cJSON-based mapping it replaced (kept here, and only here,
 * as the baseline), on the ten-metric payload of mqtt_bench.
 *
 *   cc -O2 -g -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
 *       -Iinclude -o build/bench/parse_bench tests/bench/parse_bench.c \
 *       build/libpvs.a $(sed -n 's/^LIBS := //p' Makefile)
 *   build/bench/parse_bench [ITERATIONS]
 *
 * Both sides parse the topic, map the payload and allocate and free the
 * message, as Paho's receive thread does. Prints "key value" pairs on one
 * line: old_ns, new_ns, speedup, metric_parse_ns (one name lookup).
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pvs/clock.h"
#include "pvs/log.h"
#include "pvs/mqtt.h"

#include "../common/mqtt_ref.h"

#define TOPIC "pvsentry/s1/d1"

static const char payload[] =
    "{\"ts\": 1700000000, \"ac_power_w\": 4919.0, \"ac_energy_wh\": 1000100, "
    "\"ac_voltage_v\": 229.3, \"ac_current_a\": 21.45, \"ac_frequency_hz\": "
    "49.96, \"power_factor\": 0.96, \"dc_power_w\": 5066.6, "
    "\"dc_voltage_v\": 360.1, \"temp_heatsink_c\": 35.1, \"state\": "
    "\"mppt\"}";

/* ---- the baseline: the mapping as it was, on cJSON ---- */

struct old_dev {
    const char *id;
    uint32_t index;
};

struct old_map {
    const struct pvs_config *cfg;
    struct old_dev *devs;
    size_t ndevs;
};

static int old_dev_cmp(const void *a, const void *b) {
    return strcmp(((const struct old_dev *)a)->id,
                  ((const struct old_dev *)b)->id);
}

static void old_map_init(struct old_map *m, const struct pvs_config *cfg) {
    m->cfg = cfg;
    m->ndevs = cfg->ndevices;
    m->devs = pvs_calloc(m->ndevs + 1, sizeof(*m->devs));
    for (size_t i = 0; i < cfg->ndevices; i++) {
        m->devs[i].id = cfg->devices[i]->obj.id;
        m->devs[i].index = (uint32_t)i;
    }
    qsort(m->devs, m->ndevs, sizeof(*m->devs), old_dev_cmp);
}

static int old_find_device(const struct old_map *map, const char *site,
                           const char *dev) {
    struct old_dev key = {dev, 0};
    const struct old_dev *r =
        bsearch(&key, map->devs, map->ndevs, sizeof(key), old_dev_cmp);
    const struct pvs_device *d;

    if (!r)
        return -1;
    d = map->cfg->devices[r->index];
    if (!d->site || strcmp(d->site->obj.id, site))
        return -1;
    return (int)r->index;
}

static int old_split_topic(char *t, char **parts, int max) {
    int n = 0;
    char *p = t;

    for (;;) {
        char *slash = strchr(p, '/');
        if (n == max)
            return -1;
        parts[n++] = p;
        if (!slash)
            break;
        *slash = '\0';
        p = slash + 1;
    }
    for (int i = 0; i < n; i++)
        if (!*parts[i])
            return -1;
    return n;
}

/* The JSON layout only: the bench topic has three parts. */
static enum pvs_mqtt_result old_parse(const struct old_map *map,
                                      const char *topic, const void *data,
                                      size_t len, int64_t now_ms,
                                      struct pvs_msg **ret,
                                      size_t *ret_unknown) {
    char t[512];
    char *parts[5];
    int nparts, dev;
    enum pvs_mqtt_result res = PVS_MQTT_OK;
    struct pvs_msg *m = NULL;
    cJSON *root = NULL;
    char *text = NULL;
    size_t unknown = 0;

    if (!pvs_strlcpy(t, topic, sizeof(t)))
        return PVS_MQTT_BAD_TOPIC;
    nparts = old_split_topic(t, parts, 5);
    if (nparts != 3 || strcmp(parts[0], "pvsentry"))
        return PVS_MQTT_BAD_TOPIC;
    dev = old_find_device(map, parts[1], parts[2]);
    if (dev < 0)
        return PVS_MQTT_UNKNOWN_DEVICE;
    text = pvs_malloc(len + 1);
    memcpy(text, data, len);
    text[len] = '\0';
    if (strlen(text) != len) {
        res = PVS_MQTT_MALFORMED;
        goto out;
    }
    root = cJSON_ParseWithLength(text, len);
    if (!root || !cJSON_IsObject(root)) {
        res = PVS_MQTT_MALFORMED;
        goto out;
    }
    {
        int64_t ts = now_ms;
        const cJSON *tsv = cJSON_GetObjectItemCaseSensitive(root, "ts");
        const cJSON *it;
        size_t n = 0, cap;

        if (tsv && !ref_ts(tsv, &ts)) {
            res = PVS_MQTT_MALFORMED;
            goto out;
        }
        cap = (size_t)cJSON_GetArraySize(root);
        if (cap > 256)
            cap = 256;
        m = pvs_msg_new(PVS_MSG_SAMPLES, cap);
        cJSON_ArrayForEach(it, root) {
            enum pvs_metric metric;
            unsigned idx;
            double v;
            struct pvs_sample *s;

            if (it == tsv)
                continue;
            if (!it->string || n == cap ||
                pvs_metric_parse(it->string, &metric, &idx) ||
                !ref_value(metric, it, &v)) {
                unknown++;
                continue;
            }
            s = &m->samples[n++];
            s->dev = (uint32_t)dev;
            s->metric = (uint16_t)metric;
            s->idx = (uint16_t)idx;
            s->ts_ms = ts;
            s->value = v;
            s->quality = PVS_Q_OK;
        }
        m->nsamples = n;
        if (!n)
            res = PVS_MQTT_EMPTY;
    }
out:
    cJSON_Delete(root);
    pvs_free(text);
    *ret_unknown = unknown;
    if (res) {
        pvs_msg_free(m);
        return res;
    }
    *ret = m;
    return PVS_MQTT_OK;
}

/* ---- timing ---- */

static double now_ns(void) {
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static struct pvs_mqtt_map *new_map;
static struct old_map old_map;
static char *data; /* the payload, exact size, no terminator */

static void run_new(void) {
    struct pvs_msg *m = NULL;
    size_t unk;
    char why[160];

    if (pvs_mqtt_map_parse(new_map, TOPIC, data, sizeof(payload) - 1, 0, &m,
                           &unk, why, sizeof(why)))
        abort();
    pvs_msg_free(m);
}

static void run_old(void) {
    struct pvs_msg *m = NULL;
    size_t unk;

    if (old_parse(&old_map, TOPIC, data, sizeof(payload) - 1, 0, &m, &unk))
        abort();
    pvs_msg_free(m);
}

static volatile unsigned sink;

static void run_names(void) {
    static const char *const names[] = {
        "ac_power_w",      "ac_energy_wh", "ac_voltage_v", "ac_current_a",
        "ac_frequency_hz", "power_factor", "dc_power_w",   "dc_voltage_v",
        "temp_heatsink_c", "state"};
    enum pvs_metric m;
    unsigned idx;

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (!pvs_metric_parse(names[i], &m, &idx))
            sink += (unsigned)m;
}

/* Best of five rounds of n calls, in ns per call. */
static double best_ns(void (*fn)(void), long n) {
    double best = 1e300;

    for (long i = 0; i < n / 10; i++)
        fn();
    for (int round = 0; round < 5; round++) {
        double t0 = now_ns(), dt;

        for (long i = 0; i < n; i++)
            fn();
        dt = (now_ns() - t0) / (double)n;
        if (dt < best)
            best = dt;
    }
    return best;
}

/* Both mappings must agree on the bench payload before they race. */
static void check_same(void) {
    struct pvs_msg *a = NULL, *b = NULL;
    size_t ua, ub;
    char why[160];

    if (pvs_mqtt_map_parse(new_map, TOPIC, data, sizeof(payload) - 1, 0, &a,
                           &ua, why, sizeof(why)) ||
        old_parse(&old_map, TOPIC, data, sizeof(payload) - 1, 0, &b, &ub) ||
        a->nsamples != 10 || a->nsamples != b->nsamples || ua != ub) {
        fprintf(stderr, "parse_bench: the mappings disagree\n");
        exit(1);
    }
    for (size_t i = 0; i < a->nsamples; i++)
        if (a->samples[i].metric != b->samples[i].metric ||
            a->samples[i].value != b->samples[i].value ||
            a->samples[i].ts_ms != b->samples[i].ts_ms ||
            a->samples[i].dev != b->samples[i].dev) {
            fprintf(stderr, "parse_bench: sample %zu differs\n", i);
            exit(1);
        }
    pvs_msg_free(a);
    pvs_msg_free(b);
}

int main(int argc, char **argv) {
    char path[] = "/tmp/pvs-parse-bench-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    struct pvs_cfg_errors errs;
    struct pvs_config *cfg;
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 1000000;
    double old_ns, new_ns, name_ns;

    if (!f)
        return 1;
    fputs("[site \"s1\"]\nlatitude = 45\nlongitude = 4\n"
          "[device \"d1\"]\nsite = s1\n[device \"d2\"]\nsite = s1\n",
          f);
    fclose(f);
    memset(&errs, 0, sizeof(errs));
    pvs_log_set_level(PVS_LOG_ERROR);
    if (pvs_config_load(path, &cfg, &errs)) {
        fprintf(stderr, "parse_bench: config failed\n");
        return 1;
    }
    unlink(path);
    new_map = pvs_mqtt_map_new(cfg);
    old_map_init(&old_map, cfg);
    data = pvs_malloc(sizeof(payload) - 1);
    memcpy(data, payload, sizeof(payload) - 1);
    check_same();

    old_ns = best_ns(run_old, n);
    new_ns = best_ns(run_new, n);
    name_ns = best_ns(run_names, n) / 10;
    printf("old_ns %.1f new_ns %.1f speedup %.2f metric_parse_ns %.1f\n",
           old_ns, new_ns, old_ns / new_ns, name_ns);

    pvs_free(data);
    pvs_free(old_map.devs);
    pvs_mqtt_map_free(new_map);
    pvs_config_free(cfg);
    return 0;
}
