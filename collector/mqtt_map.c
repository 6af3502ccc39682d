/* SPDX-License-Identifier: MIT */
/*
 * mqtt_map.c - MQTT topics and payloads to canonical samples.
 *
 * Everything arriving here is untrusted: a payload may be any bytes of any
 * length (the caller caps it), a JSON document may nest, numbers may be
 * huge, NaN or strings. Nothing is trusted beyond what is checked; a
 * field that fails is skipped and counted, a message without any good
 * field is rejected.
 */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pvs/clock.h"
#include "pvs/mqtt.h"

#define MAX_FIELDS 256
#define TOPIC_MAX 512

struct dev_ref {
    const char *id;
    uint32_t index;
};

struct pvs_mqtt_map {
    const struct pvs_config *cfg;
    struct dev_ref *devs; /* sorted by id */
    size_t ndevs;
};

static int dev_cmp(const void *a, const void *b) {
    return strcmp(((const struct dev_ref *)a)->id,
                  ((const struct dev_ref *)b)->id);
}

struct pvs_mqtt_map *pvs_mqtt_map_new(const struct pvs_config *cfg) {
    struct pvs_mqtt_map *m = pvs_calloc(1, sizeof(*m));

    m->cfg = cfg;
    m->ndevs = cfg->ndevices;
    m->devs = pvs_calloc(m->ndevs + 1, sizeof(*m->devs));
    for (size_t i = 0; i < cfg->ndevices; i++) {
        m->devs[i].id = cfg->devices[i]->obj.id;
        m->devs[i].index = (uint32_t)i;
    }
    qsort(m->devs, m->ndevs, sizeof(*m->devs), dev_cmp);
    return m;
}

void pvs_mqtt_map_free(struct pvs_mqtt_map *map) {
    if (!map)
        return;
    pvs_free(map->devs);
    pvs_free(map);
}

static int find_device(const struct pvs_mqtt_map *map, const char *site,
                       const char *dev) {
    struct dev_ref key = {dev, 0};
    const struct dev_ref *r =
        bsearch(&key, map->devs, map->ndevs, sizeof(key), dev_cmp);
    const struct pvs_device *d;

    if (!r)
        return -1;
    d = map->cfg->devices[r->index];
    if (!d->site || strcmp(d->site->obj.id, site))
        return -1;
    return (int)r->index;
}

/* Epoch seconds (or ms when clearly ms), or an ISO 8601 string. */
static bool parse_ts(const cJSON *v, int64_t *out) {
    if (cJSON_IsNumber(v)) {
        double d = v->valuedouble;
        if (!isfinite(d) || d < 0)
            return false;
        if (d > 1e11) /* milliseconds */
            d /= 1000.0;
        if (d > 32503680000.0) /* year 3000 */
            return false;
        *out = (int64_t)llround(d * 1000.0);
        return true;
    }
    if (cJSON_IsString(v) && v->valuestring)
        return pvs_clock_parse_time(v->valuestring, out) == PVS_OK;
    return false;
}

/* A metric value from JSON: numbers, and state names for "state". */
static bool json_value(enum pvs_metric m, const cJSON *v, double *out) {
    if (cJSON_IsNumber(v)) {
        if (!isfinite(v->valuedouble))
            return false;
        *out = v->valuedouble;
        if (m == PVS_M_STATE && (*out < PVS_ST_OFF || *out > PVS_ST_STANDBY))
            return false;
        return true;
    }
    if (m == PVS_M_STATE && cJSON_IsString(v) && v->valuestring) {
        int st = pvs_state_parse(v->valuestring);
        if (st < 0)
            return false;
        *out = st;
        return true;
    }
    return false;
}

static bool text_value(enum pvs_metric m, const char *s, double *out) {
    if (m == PVS_M_STATE) {
        int st;
        char name[32];
        size_t n;

        while (isspace((unsigned char)*s))
            s++;
        n = strcspn(s, " \t\r\n");
        if (n && n < sizeof(name)) {
            memcpy(name, s, n);
            name[n] = '\0';
            st = pvs_state_parse(name);
            if (st >= 0) {
                *out = st;
                return true;
            }
        }
    }
    if (pvs_parse_double(s, out))
        return false;
    if (m == PVS_M_STATE && (*out < PVS_ST_OFF || *out > PVS_ST_STANDBY))
        return false;
    return true;
}

/* Split "pvsentry/site/device[/metric]" into parts (in place). */
static int split_topic(char *t, char **parts, int max) {
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

enum pvs_mqtt_result pvs_mqtt_map_parse(const struct pvs_mqtt_map *map,
                                        const char *topic, const void *payload,
                                        size_t len, int64_t now_ms,
                                        struct pvs_msg **ret,
                                        size_t *ret_unknown, char *why,
                                        size_t whysize) {
    char t[TOPIC_MAX];
    char *parts[5];
    int nparts, dev;
    enum pvs_mqtt_result res = PVS_MQTT_OK;
    struct pvs_msg *m = NULL;
    cJSON *root = NULL;
    char *text = NULL;
    size_t unknown = 0;

    why[0] = '\0';
    if (!pvs_strlcpy(t, topic, sizeof(t))) {
        pvs_snprintf(why, whysize, "topic longer than %d bytes", TOPIC_MAX);
        return PVS_MQTT_BAD_TOPIC;
    }
    nparts = split_topic(t, parts, 5);
    if (nparts < 3 || nparts > 4 || strcmp(parts[0], "pvsentry")) {
        pvs_snprintf(why, whysize,
                     "expected pvsentry/SITE/DEVICE or "
                     "pvsentry/SITE/DEVICE/METRIC");
        return PVS_MQTT_BAD_TOPIC;
    }
    dev = find_device(map, parts[1], parts[2]);
    if (dev < 0) {
        pvs_snprintf(why, whysize, "no device '%.64s' on site '%.64s'",
                     parts[2], parts[1]);
        return PVS_MQTT_UNKNOWN_DEVICE;
    }
    text = pvs_malloc(len + 1);
    memcpy(text, payload, len);
    text[len] = '\0';
    if (strlen(text) != len) {
        pvs_snprintf(why, whysize, "payload contains a NUL byte");
        res = PVS_MQTT_MALFORMED;
        goto out;
    }

    if (nparts == 4) {
        enum pvs_metric metric;
        unsigned idx;
        double v;

        if (pvs_metric_parse(parts[3], &metric, &idx)) {
            pvs_snprintf(why, whysize, "unknown metric '%.64s'", parts[3]);
            res = PVS_MQTT_UNKNOWN_METRIC;
            goto out;
        }
        if (!text_value(metric, text, &v)) {
            pvs_snprintf(why, whysize, "payload is not a number");
            res = PVS_MQTT_MALFORMED;
            goto out;
        }
        m = pvs_msg_new(PVS_MSG_SAMPLES, 1);
        m->samples[0].dev = (uint32_t)dev;
        m->samples[0].metric = (uint16_t)metric;
        m->samples[0].idx = (uint16_t)idx;
        m->samples[0].ts_ms = now_ms;
        m->samples[0].value = v;
        m->samples[0].quality = PVS_Q_OK;
        goto out;
    }

    root = cJSON_ParseWithLength(text, len);
    if (!root || !cJSON_IsObject(root)) {
        pvs_snprintf(why, whysize, "payload is not a JSON object");
        res = PVS_MQTT_MALFORMED;
        goto out;
    }
    {
        int64_t ts = now_ms;
        const cJSON *tsv = cJSON_GetObjectItemCaseSensitive(root, "ts");
        const cJSON *it;
        size_t n = 0;

        if (tsv && !parse_ts(tsv, &ts)) {
            pvs_snprintf(why, whysize,
                         "bad \"ts\": expected epoch seconds "
                         "or ISO 8601");
            res = PVS_MQTT_MALFORMED;
            goto out;
        }
        /* Exact size: messages wait in the inbox, keep them small. */
        size_t cap = (size_t)cJSON_GetArraySize(root);
        if (cap > MAX_FIELDS)
            cap = MAX_FIELDS;
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
                !json_value(metric, it, &v)) {
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
        if (!n) {
            pvs_snprintf(why, whysize, "no known metric in the payload");
            res = PVS_MQTT_EMPTY;
        }
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
