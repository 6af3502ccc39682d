/* SPDX-License-Identifier: MIT */
/*
 * mqtt_learn.c - `pvsentry mqtt-learn -c FILE [--seconds N] [--topic
 * FILTER] [--site ID]`: listen to the broker of FILE's [mqtt] for a while,
 * recognise the gateways' layouts (presets) in what it carries, and print
 * the [device] and [mqtt_map] sections that read them, ready to append to
 * FILE, with the topics nothing recognised listed as comments.
 *
 * DESIGN
 * Paho's thread only copies each message (the last payload of each
 * topic, up to a cap of topics and bytes) under a lock; the analysis runs
 * after the listening time, on the main thread. A gateway is taken only
 * when one of its topics carries a measurement, not only a link state
 * ("x/online" alone names no Shelly). Devices the config already has
 * (same serial on the site) are reused, not printed again; every printed
 * device is bound to its map by an explicit "device = SERIAL ID" line, so
 * two gateways on one site never compete for a serial. Read-only on the
 * broker: it subscribes and publishes nothing.
 */
#define PVS_LOG_MODULE "mqtt-learn"
#include <MQTTAsync.h>
#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pvs/clock.h"
#include "pvs/credentials.h"
#include "pvs/log.h"
#include "pvs/mqtt.h"

#define MAX_TOPICS 20000
#define PAYLOAD_MAX 8192
#define HASH_SLOTS 65536 /* > 2 * MAX_TOPICS, a power of two */

struct seen {
    char *topic;
    char *payload;
    size_t len;
    uint64_t count;
};

struct learn {
    pthread_mutex_t lock;
    struct seen *seen;
    size_t nseen;
    uint32_t *slot; /* index + 1 into seen, 0 = empty */
    uint64_t messages, dropped;
    const char *filter;
    atomic_bool subscribed;
    atomic_bool failed;
    MQTTAsync client;
};

static const char usage[] =
    "usage: pvsentry mqtt-learn -c FILE [--seconds N] [--topic FILTER] "
    "[--site ID]\n"
    "\n"
    "Listen to the broker of FILE's [mqtt] for N seconds (30), recognise\n"
    "the gateways that publish there (OpenDTU, AhoyDTU, Venus OS, SBFspot,\n"
    "deye-inverter-mqtt, Shelly, Tasmota) and print the [device] and\n"
    "[mqtt_map] sections that read them, for the site ID (the config's only\n"
    "site by default). Topics nothing recognised are listed as comments.\n"
    "FILTER is an MQTT subscription (default #).\n";

static uint32_t hash(const char *s) {
    uint32_t h = 2166136261u;

    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static int on_message(void *ctx, char *topic, int tlen, MQTTAsync_message *m) {
    struct learn *ln = ctx;
    char *t = tlen > 0 ? pvs_strndup(topic, (size_t)tlen) : pvs_strdup(topic);
    uint32_t h = hash(t) & (HASH_SLOTS - 1);
    size_t len = m->payloadlen > 0 ? (size_t)m->payloadlen : 0;

    pthread_mutex_lock(&ln->lock);
    ln->messages++;
    while (ln->slot[h] && strcmp(ln->seen[ln->slot[h] - 1].topic, t))
        h = (h + 1) & (HASH_SLOTS - 1);
    if (!ln->slot[h] && ln->nseen == MAX_TOPICS) {
        ln->dropped++;
    } else if (len <= PAYLOAD_MAX) {
        struct seen *s;
        if (!ln->slot[h]) {
            ln->seen[ln->nseen].topic = t;
            t = NULL;
            ln->slot[h] = (uint32_t)++ln->nseen;
        }
        s = &ln->seen[ln->slot[h] - 1];
        pvs_free(s->payload);
        s->payload = pvs_malloc(len + 1);
        memcpy(s->payload, m->payload, len);
        s->payload[len] = '\0';
        s->len = len;
        s->count++;
    }
    pthread_mutex_unlock(&ln->lock);
    pvs_free(t);
    MQTTAsync_freeMessage(&m);
    MQTTAsync_free(topic);
    return 1;
}

static void on_subscribed(void *ctx, MQTTAsync_successData *r) {
    struct learn *ln = ctx;

    (void)r;
    atomic_store(&ln->subscribed, true);
}

static void on_failed(void *ctx, MQTTAsync_failureData *r) {
    struct learn *ln = ctx;

    fprintf(stderr, "pvsentry mqtt-learn: %s\n",
            r && r->message ? r->message : "the broker refused");
    atomic_store(&ln->failed, true);
}

static void on_connected(void *ctx, char *cause) {
    struct learn *ln = ctx;
    MQTTAsync_responseOptions ro = MQTTAsync_responseOptions_initializer;

    (void)cause;
    ro.onSuccess = on_subscribed;
    ro.onFailure = on_failed;
    ro.context = ln;
    if (MQTTAsync_subscribe(ln->client, ln->filter, 0, &ro) !=
        MQTTASYNC_SUCCESS)
        atomic_store(&ln->failed, true);
}

static void on_connect_failed(void *ctx, MQTTAsync_failureData *r) {
    on_failed(ctx, r);
}

/* ---- what was seen ---- */

struct ldev {
    char serial[96];
    char service[32]; /* Venus OS: grid, battery, solarcharger... */
    const char *kind; /* from its metrics, or NULL */
    bool measured;    /* some topic carried more than a link state */
};
/* (A device whose topics say only "unreachable" is still one of the
 * gateway's: OpenDTU lists every inverter it was set up for.) */

struct gateway {
    const char *preset;
    char prefix[96];
    struct ldev *devs;
    size_t ndevs;
    bool status; /* a gateway-level topic (its own status) */
    bool measured;
    size_t topics;
};

static struct gateway *find_gateway(struct gateway **gws, size_t *n,
                                    const struct pvs_mqtt_guess *g) {
    for (size_t i = 0; i < *n; i++)
        if ((*gws)[i].preset == g->preset &&
            !strcmp((*gws)[i].prefix, g->prefix))
            return &(*gws)[i];
    *gws = pvs_realloc(*gws, (*n + 1) * sizeof(**gws));
    memset(&(*gws)[*n], 0, sizeof(**gws));
    (*gws)[*n].preset = g->preset;
    pvs_strlcpy((*gws)[*n].prefix, g->prefix, sizeof((*gws)[*n].prefix));
    return &(*gws)[(*n)++];
}

static void add_device(struct gateway *gw, const struct pvs_mqtt_guess *g) {
    struct ldev *d = NULL;

    gw->topics++;
    if (!g->health)
        gw->measured = true;
    if (!g->serial[0]) {
        gw->status |= g->health;
        if (g->health)
            return;
    }
    for (size_t i = 0; i < gw->ndevs && !d; i++)
        if (!strcmp(gw->devs[i].serial, g->serial))
            d = &gw->devs[i];
    if (!d) {
        gw->devs = pvs_realloc(gw->devs, (gw->ndevs + 1) * sizeof(*gw->devs));
        d = &gw->devs[gw->ndevs++];
        memset(d, 0, sizeof(*d));
        pvs_strlcpy(d->serial, g->serial, sizeof(d->serial));
    }
    d->measured |= !g->health;
    if (!d->service[0])
        pvs_strlcpy(d->service, g->service, sizeof(d->service));
    /* A meter's or an inverter's metrics say more than a charge. */
    if (g->kind && (!d->kind || !strcmp(d->kind, "battery")))
        d->kind = g->kind;
}

/*
 * The kind of a device: what its service is (Venus OS), else what its
 * metrics say, else the gateway's (meters for Shelly and Tasmota).
 */
static const char *device_kind(const struct gateway *gw, const struct ldev *d) {
    static const struct {
        const char *service, *kind;
    } services[] = {
        {"grid", "meter"},          {"battery", "battery"},
        {"vebus", "inverter"},      {"inverter", "inverter"},
        {"pvinverter", "inverter"}, {"solarcharger", "inverter"},
    };

    for (size_t i = 0; i < PVS_ARRAY_LEN(services); i++)
        if (!strcmp(d->service, services[i].service))
            return services[i].kind;
    if (d->kind)
        return d->kind;
    return !strcmp(gw->preset, "shelly") || !strcmp(gw->preset, "tasmota")
               ? "meter"
               : "inverter";
}

/* A device id from parts: letters, digits, '-', '_' and '.' only. */
static void make_id(char *buf, size_t size, const char *a, const char *b) {
    size_t n = 0;

    pvs_snprintf(buf, size, "%s%s%s", a, *b ? "-" : "", b);
    for (char *p = buf; *p; p++, n++)
        if (!isalnum((unsigned char)*p) && !strchr("-_.", *p))
            *p = '-';
}

static bool id_taken(const struct pvs_config *cfg, const char *id,
                     char **printed, size_t nprinted) {
    if (pvs_config_device(cfg, id))
        return true;
    for (size_t i = 0; i < cfg->nmqtt_maps; i++)
        if (!strcmp(cfg->mqtt_maps[i]->obj.id, id))
            return true;
    for (size_t i = 0; i < nprinted; i++)
        if (!strcmp(printed[i], id))
            return true;
    return false;
}

/* A fresh id from base (base, base-2, base-3...), remembered. */
static char *fresh_id(const struct pvs_config *cfg, const char *base,
                      char ***printed, size_t *nprinted) {
    char id[256];

    pvs_strlcpy(id, base, sizeof(id));
    for (int k = 2; id_taken(cfg, id, *printed, *nprinted); k++)
        pvs_snprintf(id, sizeof(id), "%s-%d", base, k);
    *printed = pvs_realloc(*printed, (*nprinted + 1) * sizeof(char *));
    (*printed)[(*nprinted)++] = pvs_strdup(id);
    return (*printed)[*nprinted - 1];
}

static const struct pvs_device *device_by_serial(const struct pvs_config *cfg,
                                                 const struct pvs_site *site,
                                                 const char *serial) {
    for (size_t i = 0; i < cfg->ndevices; i++) {
        const struct pvs_device *d = cfg->devices[i];
        if (d->serial && d->site == site && !strcmp(d->serial, serial))
            return d;
    }
    return NULL;
}

static const char *default_prefix(const char *preset) {
    const struct pvs_mqtt_preset_kv *kv = pvs_mqtt_preset_find(preset);

    for (; kv && kv->key; kv++)
        if (!strcmp(kv->key, "prefix"))
            return kv->value;
    return "";
}

static void print_config(FILE *out, const struct pvs_config *cfg,
                         const struct pvs_site *site, struct gateway *gws,
                         size_t ngws) {
    char **printed = NULL, base[256], name[160];
    size_t nprinted = 0;
    const char *sid = site->obj.id;

    for (size_t g = 0; g < ngws; g++) {
        struct gateway *gw = &gws[g];
        const char *map_id, *gw_dev = NULL, *dflt = NULL;
        const char **ids;

        if (!gw->measured)
            continue;
        ids = pvs_calloc(gw->ndevs + 1, sizeof(char *));
        fprintf(out, "\n# %s%s%s: %zu device%s, %zu topics\n", gw->preset,
                gw->prefix[0] ? " under " : "", gw->prefix, gw->ndevs,
                gw->ndevs == 1 ? "" : "s", gw->topics);
        for (size_t i = 0; i < gw->ndevs; i++) {
            const struct ldev *d = &gw->devs[i];
            const struct pvs_device *have;
            if (!d->measured && !d->serial[0])
                continue;
            have = d->serial[0] ? device_by_serial(cfg, site, d->serial) : NULL;
            if (have) {
                ids[i] = have->obj.id;
                fprintf(out, "# device '%s' (serial %s) is already defined\n",
                        have->obj.id, d->serial);
                continue;
            }
            pvs_snprintf(name, sizeof(name), "%s%s%s", d->service,
                         d->service[0] ? "-" : "",
                         d->serial[0] ? d->serial : gw->preset);
            make_id(base, sizeof(base), sid, name);
            ids[i] = fresh_id(cfg, base, &printed, &nprinted);
            fprintf(out, "[device \"%s\"]\nsite = %s\nkind = %s\n", ids[i], sid,
                    device_kind(gw, d));
            if (d->serial[0])
                fprintf(out, "serial = %s\n", d->serial);
            else
                dflt = ids[i];
            fputc('\n', out);
        }
        if (gw->status && !dflt) {
            make_id(base, sizeof(base), sid, gw->preset);
            pvs_strlcpy(base + strlen(base), "-gateway",
                        sizeof(base) - strlen(base));
            gw_dev = fresh_id(cfg, base, &printed, &nprinted);
            fprintf(out, "[device \"%s\"]\nsite = %s\nkind = logger\n\n",
                    gw_dev, sid);
        }
        make_id(base, sizeof(base), sid, gw->preset);
        map_id = fresh_id(cfg, base, &printed, &nprinted);
        fprintf(out, "[mqtt_map \"%s\"]\npreset = %s\n", map_id, gw->preset);
        if (strcmp(gw->prefix, default_prefix(gw->preset)))
            fprintf(out, "prefix = %s\n", gw->prefix);
        fprintf(out, "site = %s\n", sid);
        for (size_t i = 0; i < gw->ndevs; i++)
            if (ids[i] && gw->devs[i].serial[0])
                fprintf(out, "device = %s %s\n", gw->devs[i].serial, ids[i]);
        if (dflt)
            fprintf(out, "device = %s\n", dflt);
        if (gw_dev)
            fprintf(out, "gateway = %s\n", gw_dev);
        pvs_free(ids);
    }
    for (size_t i = 0; i < nprinted; i++)
        pvs_free(printed[i]);
    pvs_free(printed);
}

static int topic_cmp(const void *a, const void *b) {
    return strcmp(((const struct seen *)a)->topic,
                  ((const struct seen *)b)->topic);
}

static void analyse(FILE *out, const struct pvs_config *cfg,
                    const struct pvs_site *site, struct learn *ln,
                    int64_t seconds) {
    struct pvs_mqtt_learner *lr = pvs_mqtt_learner_new();
    struct gateway *gws = NULL;
    size_t ngws = 0, nunknown = 0, nknown = 0;
    bool *known = pvs_calloc(ln->nseen + 1, sizeof(bool));

    qsort(ln->seen, ln->nseen, sizeof(*ln->seen), topic_cmp);
    for (size_t i = 0; i < ln->nseen; i++) {
        struct pvs_mqtt_guess g;
        const struct seen *s = &ln->seen[i];
        if (!pvs_mqtt_learner_guess(lr, s->topic, s->payload, s->len, &g))
            continue;
        add_device(find_gateway(&gws, &ngws, &g), &g);
        known[i] = true;
    }
    /* The rest of a recognised gateway's topics: its own chatter. */
    for (size_t i = 0; i < ln->nseen; i++)
        for (size_t k = 0; k < ngws && !known[i]; k++)
            known[i] = gws[k].measured &&
                       pvs_mqtt_learner_belongs(
                           lr, gws[k].preset, gws[k].prefix, ln->seen[i].topic);
    for (size_t i = 0; i < ln->nseen; i++) {
        nknown += known[i];
        nunknown += !known[i];
    }
    fprintf(out,
            "# pvsentry mqtt-learn: %llu messages on %zu topics in %lld s "
            "(%s); %zu topics recognised\n",
            (unsigned long long)ln->messages, ln->nseen, (long long)seconds,
            ln->filter, nknown);
    if (ln->dropped)
        fprintf(out,
                "# %llu messages on topics beyond the first %d not "
                "looked at\n",
                (unsigned long long)ln->dropped, MAX_TOPICS);
    print_config(out, cfg, site, gws, ngws);
    if (nunknown) {
        fprintf(out, "\n# not recognised (%zu topics):\n", nunknown);
        for (size_t i = 0; i < ln->nseen; i++)
            if (!known[i])
                fprintf(out, "#   %s\n", ln->seen[i].topic);
    }
    for (size_t g = 0; g < ngws; g++)
        pvs_free(gws[g].devs);
    pvs_free(gws);
    pvs_free(known);
    pvs_mqtt_learner_free(lr);
}

/* The command line: -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, const char **ret_path,
                      const char **ret_site, int64_t *ret_seconds,
                      const char **ret_filter) {
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage, stdout);
            return 0;
        } else if ((!strcmp(argv[i], "-c") || !strcmp(argv[i], "--config")) &&
                   i + 1 < argc) {
            *ret_path = argv[++i];
        } else if (!strcmp(argv[i], "--seconds") && i + 1 < argc) {
            if (pvs_parse_i64(argv[++i], ret_seconds) || *ret_seconds < 1 ||
                *ret_seconds > 3600) {
                fprintf(stderr, "pvsentry mqtt-learn: --seconds expects 1 to "
                                "3600\n");
                return 2;
            }
        } else if (!strcmp(argv[i], "--topic") && i + 1 < argc) {
            *ret_filter = argv[++i];
        } else if (!strcmp(argv[i], "--site") && i + 1 < argc) {
            *ret_site = argv[++i];
        } else {
            fprintf(stderr,
                    "pvsentry mqtt-learn: unexpected argument '%s'\n\n%s",
                    argv[i], usage);
            return 2;
        }
    }
    if (!*ret_path) {
        fprintf(stderr, "pvsentry mqtt-learn: missing -c FILE\n\n%s", usage);
        return 2;
    }
    return -1;
}

/* The site to learn for: --site, or the config's only one. */
static const struct pvs_site *pick_site(const struct pvs_config *cfg,
                                        const char *site_id, const char *path) {
    const struct pvs_site *site = NULL;

    if (site_id)
        site = pvs_config_site(cfg, site_id);
    else if (cfg->nsites == 1)
        site = cfg->sites[0];
    if (!site)
        fprintf(stderr,
                site_id ? "pvsentry mqtt-learn: no site '%s' in %s\n"
                        : "pvsentry mqtt-learn: name the site with "
                          "--site ID%s%s\n",
                site_id ? site_id : "", site_id ? path : "");
    return site;
}

/* Connect to uri as cfg's [mqtt] says and subscribe; false when not. */
static bool learn_connect(struct learn *ln, const struct pvs_config *cfg,
                          const char *uri, char *user, char *password) {
    MQTTAsync_connectOptions co = MQTTAsync_connectOptions_initializer;
    MQTTAsync_SSLOptions ssl = MQTTAsync_SSLOptions_initializer;
    struct timespec ts = {0, 50 * 1000000L};
    char cid[128];
    int64_t until;

    pvs_snprintf(cid, sizeof(cid), "%s-learn-%ld", cfg->mqtt->client_id,
                 (long)getpid());
    if (MQTTAsync_create(&ln->client, uri, cid, MQTTCLIENT_PERSISTENCE_NONE,
                         NULL) != MQTTASYNC_SUCCESS) {
        ln->client = NULL;
        fprintf(stderr, "pvsentry mqtt-learn: cannot use broker '%s'\n", uri);
        return false;
    }
    MQTTAsync_setCallbacks(ln->client, ln, NULL, on_message, NULL);
    MQTTAsync_setConnected(ln->client, ln, on_connected);
    co.cleansession = 1;
    co.keepAliveInterval = 30;
    co.connectTimeout = 10;
    co.onFailure = on_connect_failed;
    co.context = ln;
    if (user) {
        co.username = user;
        co.password = password;
    }
    if (!strncmp(uri, "ssl://", 6)) {
        ssl.enableServerCertAuth = 1;
        ssl.verify = 1;
        ssl.trustStore = cfg->mqtt->ca_file;
        co.ssl = &ssl;
    }
    if (MQTTAsync_connect(ln->client, &co) != MQTTASYNC_SUCCESS) {
        fprintf(stderr, "pvsentry mqtt-learn: cannot connect to '%s'\n", uri);
        return false;
    }
    until = pvs_clock_mono_ms() + 15000;
    while (!atomic_load(&ln->subscribed) && !atomic_load(&ln->failed) &&
           pvs_clock_mono_ms() < until)
        nanosleep(&ts, NULL);
    if (!atomic_load(&ln->subscribed)) {
        fprintf(stderr,
                "pvsentry mqtt-learn: cannot subscribe to '%s' at '%s'\n",
                ln->filter, uri);
        return false;
    }
    return true;
}

/* Listen for seconds, then leave the broker. */
static void learn_listen(struct learn *ln, const char *uri, int64_t seconds) {
    MQTTAsync_disconnectOptions d = MQTTAsync_disconnectOptions_initializer;
    struct timespec ts = {0, 50 * 1000000L};
    int64_t until = pvs_clock_mono_ms() + seconds * 1000;

    fprintf(stderr,
            "pvsentry mqtt-learn: listening to '%s' at '%s' for %lld s\n",
            ln->filter, uri, (long long)seconds);
    while (pvs_clock_mono_ms() < until)
        nanosleep(&ts, NULL);
    d.timeout = 1000;
    MQTTAsync_disconnect(ln->client, &d);
}

/* Paho's scheme names for the config's URI. Caller frees. */
static char *paho_uri(const char *uri) {
    if (!strncmp(uri, "mqtt://", 7))
        return pvs_asprintf("tcp://%s", uri + 7);
    if (!strncmp(uri, "mqtts://", 8))
        return pvs_asprintf("ssl://%s", uri + 8);
    return pvs_strdup(uri);
}

int pvs_mqtt_learn_main(int argc, char **argv, pvs_mqtt_learn_load_fn *load) {
    const char *path = NULL, *site_id = NULL;
    int64_t seconds = 30;
    struct pvs_config *cfg = NULL;
    const struct pvs_site *site;
    struct learn *ln = pvs_calloc(1, sizeof(*ln));
    char *uri = NULL, *user = NULL, *password = NULL;
    int status;

    ln->filter = "#";
    pthread_mutex_init(&ln->lock, NULL);
    status = parse_args(argc, argv, &path, &site_id, &seconds, &ln->filter);
    if (status >= 0)
        goto out;
    status = 1;
    /* Sites registered through the API are sites too. */
    cfg = load(path);
    if (!cfg)
        goto out;
    if (!cfg->mqtt) {
        fprintf(stderr, "pvsentry mqtt-learn: %s has no [mqtt] broker\n", path);
        goto out;
    }
    site = pick_site(cfg, site_id, path);
    if (!site)
        goto out;
    uri = paho_uri(cfg->mqtt->uri);
    if (cfg->mqtt->credentials &&
        pvs_credentials_read(cfg->mqtt->credentials, &user, &password))
        goto out;
    ln->seen = pvs_calloc(MAX_TOPICS, sizeof(*ln->seen));
    ln->slot = pvs_calloc(HASH_SLOTS, sizeof(*ln->slot));
    if (!learn_connect(ln, cfg, uri, user, password))
        goto out;
    learn_listen(ln, uri, seconds);
    pthread_mutex_lock(&ln->lock);
    analyse(stdout, cfg, site, ln, seconds);
    pthread_mutex_unlock(&ln->lock);
    status = 0;
out:
    if (ln->client)
        MQTTAsync_destroy(&ln->client);
    for (size_t i = 0; i < ln->nseen; i++) {
        pvs_free(ln->seen[i].topic);
        pvs_free(ln->seen[i].payload);
    }
    pvs_free(ln->seen);
    pvs_free(ln->slot);
    pthread_mutex_destroy(&ln->lock);
    pvs_free(ln);
    pvs_free(uri);
    pvs_free(user);
    pvs_credentials_free_secret(password);
    pvs_config_free(cfg);
    return status;
}
