/* SPDX-License-Identifier: MIT */
/*
 * mqtt.c - MQTT ingest with Paho MQTTAsync.
 *
 * DESIGN
 * Persistent session (clean session off, a fixed client id) so the broker
 * keeps QoS 1 messages while pvsentry is away; automatic reconnect, and
 * subscriptions renewed in the connected callback because a broker may
 * have lost them. The message callback runs on Paho's thread: it copies
 * what it needs into a pvs_msg. When the engine inbox is full it waits
 * for room (a QoS 0 message only briefly, then it is dropped and counted):
 * Paho acknowledges QoS 1 before the callback runs, so waiting, which
 * stops the reads and lets TCP push back on the broker, is what keeps an
 * acknowledged message from being lost.
 *
 * Paho retries automatically only after a first successful connection;
 * until then a small supervisor thread retries the connect itself.
 */
#define PVS_LOG_MODULE "mqtt"
#include <MQTTAsync.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pvs/clock.h"
#include "pvs/credentials.h"
#include "pvs/log.h"
#include "pvs/mqtt.h"
#include "pvs/stats.h"

struct pvs_mqtt {
    const struct pvs_config *cfg;
    const struct pvs_cfg_mqtt *mc;
    struct pvs_queue *inbox;
    struct pvs_mqtt_map *map;
    MQTTAsync client;
    char *uri;
    char *user, *password;
    atomic_bool connected;
    atomic_bool subscribed;
    atomic_bool ever_connected;
    atomic_bool connecting;
    atomic_bool stopping;
    pthread_t supervisor;
    bool supervisor_running;
    /*
     * The configuration (mc, map, topics) may be replaced while running
     * (pvs_mqtt_pause): every reader holds cfg_lock, taken before lock.
     */
    pthread_mutex_t cfg_lock;
    pthread_mutex_t lock; /* the complaints below, across Paho threads */
    struct pvs_complaint bad_payload;
    struct pvs_complaint unknown_device;
    struct pvs_complaint link_down;
    struct pvs_complaint inbox_full;
    int *qos;
    char **topics; /* [mqtt] topics, then the gateway layouts' filters */
    size_t ntopics;
    atomic_size_t nsubscribed; /* topics of the last subscription */
    pthread_t keeper;          /* publishes the layouts' keep-alives */
    bool keeper_running;
    /* cluster mode: one slot's client id and subscriptions (owned) */
    char *client_id;
    char **slot_topics;
    size_t nslot_topics;
    char **forget; /* filters its session no longer wants, once */
    size_t nforget;
};

static void on_subscribed(void *ctx, MQTTAsync_successData *resp) {
    struct pvs_mqtt *m = ctx;

    (void)resp;
    atomic_store(&m->subscribed, true);
    pvs_info("subscribed to %zu topics at '%s' as '%s'",
             atomic_load(&m->nsubscribed), m->uri,
             m->client_id ? m->client_id : m->mc->client_id);
}

static void on_subscribe_failed(void *ctx, MQTTAsync_failureData *resp) {
    struct pvs_mqtt *m = ctx;

    pvs_error("cannot subscribe at '%s': %s (code %d)", m->uri,
              resp && resp->message ? resp->message : "refused",
              resp ? resp->code : 0);
}

/*
 * Subscribe to the topics of the running configuration. They are copied
 * under cfg_lock and handed to Paho without it: Paho calls back into
 * this file holding its own mutex, and those callbacks take cfg_lock, so
 * nothing here calls Paho while holding cfg_lock (which would be the
 * other order).
 */
static void subscribe(struct pvs_mqtt *m) {
    MQTTAsync_responseOptions ro = MQTTAsync_responseOptions_initializer;
    char **topics;
    int *qos;
    size_t n;
    int rc;

    pthread_mutex_lock(&m->cfg_lock);
    n = m->ntopics;
    topics = pvs_calloc(n + 1, sizeof(*topics));
    qos = pvs_calloc(n + 1, sizeof(*qos));
    for (size_t i = 0; i < n; i++) {
        topics[i] = pvs_strdup(m->topics[i]);
        qos[i] = m->qos[i];
    }
    pthread_mutex_unlock(&m->cfg_lock);
    atomic_store(&m->nsubscribed, n);
    ro.onSuccess = on_subscribed;
    ro.onFailure = on_subscribe_failed;
    ro.context = m;
    rc = MQTTAsync_subscribeMany(m->client, (int)n, topics, qos, &ro);
    if (rc != MQTTASYNC_SUCCESS)
        pvs_error("cannot subscribe at '%s': paho error %d", m->uri, rc);
    for (size_t i = 0; i < n; i++)
        pvs_free(topics[i]);
    pvs_free(topics);
    pvs_free(qos);
}

static void on_connected(void *ctx, char *cause) {
    struct pvs_mqtt *m = ctx;

    (void)cause;
    atomic_store(&m->connected, true);
    atomic_store(&m->connecting, false);
    if (atomic_exchange(&m->ever_connected, true))
        pvs_stats_add(PVS_STAT_MQTT_RECONNECTS, 1);
    pthread_mutex_lock(&m->cfg_lock);
    pthread_mutex_lock(&m->lock);
    if (m->link_down.active)
        pvs_complain_release(&m->link_down, "connected to '%s' again", m->uri);
    else
        pvs_info("connected to '%s' as '%s'", m->uri,
                 m->client_id ? m->client_id : m->mc->client_id);
    pthread_mutex_unlock(&m->lock);
    pthread_mutex_unlock(&m->cfg_lock);
    /* A slot's session keeps the filters of a site that moved away. */
    if (m->nforget &&
        MQTTAsync_unsubscribeMany(m->client, (int)m->nforget, m->forget,
                                  NULL) != MQTTASYNC_SUCCESS)
        pvs_warn("cannot unsubscribe %zu topics at '%s'", m->nforget, m->uri);
    /* Always renew: a broker that lost its state lost our subscriptions. */
    subscribe(m);
}

static void on_connect_failed(void *ctx, MQTTAsync_failureData *resp) {
    struct pvs_mqtt *m = ctx;

    atomic_store(&m->connecting, false);
    pthread_mutex_lock(&m->lock);
    pvs_complain(&m->link_down, PVS_LOG_WARN,
                 "cannot connect to '%s': %s (code %d)", m->uri,
                 resp && resp->message ? resp->message : "no answer",
                 resp ? resp->code : 0);
    pthread_mutex_unlock(&m->lock);
}

static void on_connection_lost(void *ctx, char *cause) {
    struct pvs_mqtt *m = ctx;

    atomic_store(&m->connected, false);
    atomic_store(&m->subscribed, false);
    if (atomic_load(&m->stopping))
        return;
    pthread_mutex_lock(&m->lock);
    pvs_complain(&m->link_down, PVS_LOG_WARN,
                 "lost the connection to '%s'%s%s, reconnecting", m->uri,
                 cause ? ": " : "", cause ? cause : "");
    pthread_mutex_unlock(&m->lock);
}

static void complain_locked(struct pvs_mqtt *m, struct pvs_complaint *c,
                            const char *what, const char *topic,
                            const char *why) {
    char tesc[PVS_ESC_SIZE], wesc[2 * PVS_ESC_SIZE];

    /* Topics and the payload excerpts in why come from any publisher. */
    pvs_esc(topic, tesc, sizeof(tesc));
    pvs_esc(why, wesc, sizeof(wesc));
    pthread_mutex_lock(&m->lock);
    pvs_complain(c, PVS_LOG_WARN, "%s on '%s': %s", what, tesc, wesc);
    pthread_mutex_unlock(&m->lock);
}

/* Count a message the map did not turn into samples, and complain
 * (rate-limited) when it is not a gateway's own chatter. */
static void refused(struct pvs_mqtt *m, enum pvs_mqtt_result res,
                    const char *topic, const char *why) {
    switch (res) {
    case PVS_MQTT_OK:
        break;
    case PVS_MQTT_UNKNOWN_DEVICE:
        pvs_stats_add(PVS_STAT_MQTT_UNKNOWN_DEVICE, 1);
        complain_locked(m, &m->unknown_device, "unknown device", topic, why);
        break;
    case PVS_MQTT_BAD_TOPIC:
        pvs_stats_add(PVS_STAT_MQTT_BAD_TOPIC, 1);
        complain_locked(m, &m->bad_payload, "rejected message", topic, why);
        break;
    case PVS_MQTT_UNKNOWN_METRIC:
        pvs_stats_add(PVS_STAT_MQTT_UNKNOWN_METRIC, 1);
        complain_locked(m, &m->bad_payload, "rejected message", topic, why);
        break;
    case PVS_MQTT_IGNORED:
        /* A gateway's own chatter (uptime, names, unmapped values). */
        pvs_stats_add(PVS_STAT_MQTT_UNKNOWN_METRIC, 1);
        break;
    case PVS_MQTT_MALFORMED:
    case PVS_MQTT_EMPTY:
        pvs_stats_add(PVS_STAT_MQTT_MALFORMED, 1);
        complain_locked(m, &m->bad_payload, "rejected message", topic, why);
        break;
    }
}

/*
 * Hand out (owned) to the engine. Paho has already acknowledged a QoS 1
 * message when this callback runs, and a refused one would wait in
 * Paho's memory only: so wait for room instead. While this thread waits
 * it reads nothing more from the socket, and TCP pushes back on the
 * broker, which keeps the rest. QoS 0 waits a little, then is dropped.
 */
static void deliver(struct pvs_mqtt *m, struct pvs_msg *out, int qos,
                    const char *topic) {
    enum pvs_err rc = pvs_queue_try_push(m->inbox, out);
    int64_t waited = 0, step = 100;

    if (rc == PVS_ERR_FULL) {
        pvs_stats_add(PVS_STAT_MQTT_DEFERRED, 1);
        complain_locked(m, &m->inbox_full, "waiting for room for a message",
                        topic, "the engine inbox is full");
    }
    while (rc == PVS_ERR_FULL || rc == PVS_ERR_TIMEOUT) {
        if (atomic_load(&m->stopping) || (qos == 0 && waited >= 200))
            break;
        rc = pvs_queue_push(m->inbox, out, (int)step);
        waited += step;
    }
    if (rc == PVS_OK)
        return;
    pvs_msg_free(out);
    pvs_stats_add(PVS_STAT_MQTT_DROPPED, 1);
    complain_locked(m, &m->inbox_full,
                    qos ? "dropped a message while stopping"
                        : "dropped a QoS 0 message",
                    topic, "the engine inbox is full");
}

static int on_message(void *ctx, char *topic, int topic_len,
                      MQTTAsync_message *msg) {
    struct pvs_mqtt *m = ctx;
    struct pvs_msg *out = NULL;
    char tbuf[512], why[160];
    size_t unknown = 0;
    enum pvs_mqtt_result res;

    pvs_stats_add(PVS_STAT_MQTT_MESSAGES, 1);
    /* Held until the message is in the inbox: its device indices are
     * those of the configuration the engine has at that point. */
    pthread_mutex_lock(&m->cfg_lock);
    if (topic_len > 0) {
        size_t n = (size_t)topic_len < sizeof(tbuf) - 1 ? (size_t)topic_len
                                                        : sizeof(tbuf) - 1;
        memcpy(tbuf, topic, n);
        tbuf[n] = '\0';
    } else {
        pvs_strlcpy(tbuf, topic, sizeof(tbuf));
    }
    if (msg->payloadlen < 0 || (int64_t)msg->payloadlen > m->mc->max_payload) {
        pvs_stats_add(PVS_STAT_MQTT_MALFORMED, 1);
        pvs_snprintf(why, sizeof(why), "payload of %d bytes exceeds %lld",
                     msg->payloadlen, (long long)m->mc->max_payload);
        complain_locked(m, &m->bad_payload, "rejected message", tbuf, why);
        goto done;
    }
    res = pvs_mqtt_map_parse(m->map, tbuf, msg->payload,
                             (size_t)msg->payloadlen, pvs_clock_now_ms(), &out,
                             &unknown, why, sizeof(why));
    if (unknown)
        pvs_stats_add(PVS_STAT_MQTT_UNKNOWN_METRIC, unknown);
    if (res == PVS_MQTT_OK)
        deliver(m, out, msg->qos, tbuf);
    else
        refused(m, res, tbuf, why);
done:
    pthread_mutex_unlock(&m->cfg_lock);
    MQTTAsync_freeMessage(&msg);
    MQTTAsync_free(topic);
    return 1;
}

static void connect_once(struct pvs_mqtt *m) {
    MQTTAsync_connectOptions co = MQTTAsync_connectOptions_initializer;
    MQTTAsync_SSLOptions ssl = MQTTAsync_SSLOptions_initializer;
    char *ca_file;
    int rc;

    co.automaticReconnect = 1;
    co.minRetryInterval = 1;
    co.maxRetryInterval = 16;
    co.connectTimeout = 10;
    co.onFailure = on_connect_failed;
    co.context = m;
    if (m->user) {
        co.username = m->user;
        co.password = m->password;
    }
    if (!strncmp(m->uri, "ssl://", 6)) {
        ssl.enableServerCertAuth = 1;
        ssl.verify = 1;
        co.ssl = &ssl;
    }
    atomic_store(&m->connecting, true);
    /*
     * Copied under the lock, connected without it: Paho holds its own
     * mutex while it calls on_connected, which takes cfg_lock, so
     * holding cfg_lock into MQTTAsync_connect would take the two in the
     * other order. Paho copies the options it keeps.
     */
    pthread_mutex_lock(&m->cfg_lock);
    co.keepAliveInterval = (int)(m->mc->keepalive_ms / 1000);
    co.cleansession = m->mc->clean_session;
    ca_file = m->mc->ca_file ? pvs_strdup(m->mc->ca_file) : NULL;
    pthread_mutex_unlock(&m->cfg_lock);
    ssl.trustStore = ca_file;
    rc = MQTTAsync_connect(m->client, &co);
    pvs_free(ca_file);
    if (rc != MQTTASYNC_SUCCESS) {
        atomic_store(&m->connecting, false);
        pthread_mutex_lock(&m->lock);
        pvs_complain(&m->link_down, PVS_LOG_WARN,
                     "cannot connect to '%s': paho error %d", m->uri, rc);
        pthread_mutex_unlock(&m->lock);
    }
}

/* Retries the first connection; Paho handles every later one. */
static void *supervise(void *arg) {
    struct pvs_mqtt *m = arg;
    struct timespec ts = {0, 200 * 1000000L};
    int64_t next = 0;

    while (!atomic_load(&m->stopping) && !atomic_load(&m->ever_connected)) {
        int64_t now = pvs_clock_mono_ms();
        if (!atomic_load(&m->connecting) && now >= next) {
            connect_once(m);
            next = now + 1000;
        }
        nanosleep(&ts, NULL);
    }
    return NULL;
}

/* Take cfg's settings, gateway maps and topics (cfg_lock held or no
 * thread started yet). */
static void use_config(struct pvs_mqtt *m, const struct pvs_config *cfg) {
    size_t nf;
    const char *const *f;

    pvs_mqtt_map_free(m->map);
    pvs_free(m->topics);
    pvs_free(m->qos);
    m->cfg = cfg;
    m->mc = cfg->mqtt;
    m->map = pvs_mqtt_map_new(cfg);
    f = pvs_mqtt_map_filters(m->map, &nf);
    if (m->slot_topics)
        nf = 0; /* a slot's link subscribes to its sites only */
    m->ntopics = 0;
    m->topics = pvs_calloc(m->mc->ntopics + nf + 1, sizeof(char *));
    for (size_t i = 0; !m->slot_topics && i < m->mc->ntopics; i++)
        m->topics[m->ntopics++] = m->mc->topics[i];
    if (m->slot_topics) {
        pvs_free(m->topics);
        m->topics = pvs_calloc(m->nslot_topics + 1, sizeof(char *));
        for (size_t i = 0; i < m->nslot_topics; i++)
            m->topics[m->ntopics++] = m->slot_topics[i];
    }
    for (size_t i = 0; i < nf; i++)
        m->topics[m->ntopics++] = (char *)(uintptr_t)f[i];
    m->qos = pvs_calloc(m->ntopics + 1, sizeof(int));
    for (size_t i = 0; i < m->ntopics; i++)
        m->qos[i] = (int)m->mc->qos;
}

void pvs_mqtt_pause(struct pvs_mqtt *m) {
    pthread_mutex_lock(&m->cfg_lock);
}

void pvs_mqtt_resume(struct pvs_mqtt *m, const struct pvs_config *cfg) {
    if (cfg)
        use_config(m, cfg);
    pthread_mutex_unlock(&m->cfg_lock);
}

enum pvs_err pvs_mqtt_new(const struct pvs_config *cfg, struct pvs_queue *inbox,
                          struct pvs_mqtt **ret) {
    return pvs_mqtt_new_slot(cfg, inbox, NULL, NULL, 0, ret);
}

enum pvs_err pvs_mqtt_new_slot(const struct pvs_config *cfg,
                               struct pvs_queue *inbox, const char *client_id,
                               const char *const *topics, size_t ntopics,
                               struct pvs_mqtt **ret) {
    struct pvs_mqtt *m;
    MQTTAsync_createOptions opts = MQTTAsync_createOptions_initializer;
    const char *uri;
    int rc;

    PVS_ASSERT(cfg->mqtt);
    m = pvs_calloc(1, sizeof(*m));
    m->cfg = cfg;
    m->mc = cfg->mqtt;
    m->inbox = inbox;
    pthread_mutex_init(&m->cfg_lock, NULL);
    pthread_mutex_init(&m->lock, NULL);
    m->bad_payload.every = 1000;
    m->unknown_device.every = 1000;
    m->inbox_full.every = 10000;
    m->link_down.every = 0;
    if (client_id) {
        m->client_id = pvs_strdup(client_id);
        m->slot_topics = pvs_calloc(ntopics + 1, sizeof(char *));
        for (size_t i = 0; i < ntopics; i++)
            m->slot_topics[i] = pvs_strdup(topics[i]);
        m->nslot_topics = ntopics;
    }
    uri = m->mc->uri;
    /* Paho spells the schemes tcp:// and ssl://. */
    if (!strncmp(uri, "mqtt://", 7))
        m->uri = pvs_asprintf("tcp://%s", uri + 7);
    else if (!strncmp(uri, "mqtts://", 8))
        m->uri = pvs_asprintf("ssl://%s", uri + 8);
    else
        m->uri = pvs_strdup(uri);
    if (m->mc->credentials &&
        pvs_credentials_read(m->mc->credentials, &m->user, &m->password)) {
        pvs_mqtt_free(m);
        return PVS_ERR_CONFIG;
    }
    use_config(m, cfg);
    /* Receiving never needs the sender's buffer. */
    opts.sendWhileDisconnected = 0;
    rc = MQTTAsync_createWithOptions(
        &m->client, m->uri, m->client_id ? m->client_id : m->mc->client_id,
        MQTTCLIENT_PERSISTENCE_NONE, NULL, &opts);
    if (rc != MQTTASYNC_SUCCESS) {
        pvs_error("cannot create an MQTT client for '%s': paho error %d",
                  m->uri, rc);
        m->client = NULL;
        pvs_mqtt_free(m);
        return PVS_ERR_CONFIG;
    }
    MQTTAsync_setCallbacks(m->client, m, on_connection_lost, on_message, NULL);
    MQTTAsync_setConnected(m->client, m, on_connected);
    *ret = m;
    return PVS_OK;
}

void pvs_mqtt_forget(struct pvs_mqtt *m, const char *const *topics, size_t n) {
    for (size_t i = 0; i < n; i++) {
        m->forget = pvs_realloc(m->forget, (m->nforget + 1) * sizeof(char *));
        m->forget[m->nforget++] = pvs_strdup(topics[i]);
    }
}

/*
 * Gateways that publish only while someone asks (Venus OS forgets after
 * 60 s): ask on time. The first request after each connection asks for
 * everything, the later ones only keep the flow going.
 */
static void *keep_alive(void *arg) {
    static const char quiet[] =
        "{\"keepalive-options\": [\"suppress-republish\"]}";
    struct pvs_mqtt *m = arg;
    struct timespec ts = {0, 200 * 1000000L};
    size_t n, cap;
    const struct pvs_mqtt_keepalive *ka;
    int64_t *next;
    char **due;
    bool was_up = false;

    pthread_mutex_lock(&m->cfg_lock);
    pvs_mqtt_map_keepalives(m->map, &cap);
    pthread_mutex_unlock(&m->cfg_lock);
    next = pvs_calloc(cap + 1, sizeof(int64_t));
    due = pvs_calloc(cap + 1, sizeof(char *));
    while (!atomic_load(&m->stopping)) {
        int64_t now = pvs_clock_mono_ms();
        bool up = atomic_load(&m->subscribed);
        size_t ndue = 0;

        /* The same layouts after a change (else the link restarts).
         * Topics copied under cfg_lock, sent without it (see
         * subscribe). */
        pthread_mutex_lock(&m->cfg_lock);
        ka = pvs_mqtt_map_keepalives(m->map, &n);
        if (n > cap)
            n = cap;
        for (size_t i = 0; up && i < n; i++) {
            if (was_up && now < next[i])
                continue;
            due[ndue++] = pvs_strdup(ka[i].topic);
            next[i] = now + ka[i].every_ms;
        }
        pthread_mutex_unlock(&m->cfg_lock);
        for (size_t i = 0; i < ndue; i++) {
            MQTTAsync_message msg = MQTTAsync_message_initializer;

            msg.payload = (void *)(uintptr_t)(was_up ? quiet : "");
            msg.payloadlen = was_up ? (int)strlen(quiet) : 0;
            msg.qos = 0;
            if (MQTTAsync_sendMessage(m->client, due[i], &msg, NULL) !=
                MQTTASYNC_SUCCESS)
                pvs_debug("cannot send the keep-alive on '%s'", due[i]);
            pvs_free(due[i]);
        }
        was_up = up;
        nanosleep(&ts, NULL);
    }
    pvs_free(due);
    pvs_free(next);
    return NULL;
}

enum pvs_err pvs_mqtt_start(struct pvs_mqtt *m) {
    size_t nka;

    if (pthread_create(&m->supervisor, NULL, supervise, m)) {
        pvs_error("cannot start the MQTT supervisor thread");
        return PVS_ERR_IO;
    }
    m->supervisor_running = true;
    pvs_mqtt_map_keepalives(m->map, &nka);
    if (nka) {
        if (pthread_create(&m->keeper, NULL, keep_alive, m)) {
            pvs_error("cannot start the MQTT keep-alive thread");
            return PVS_ERR_IO;
        }
        m->keeper_running = true;
    }
    return PVS_OK;
}

bool pvs_mqtt_healthy(void *arg) {
    struct pvs_mqtt *m = arg;

    return atomic_load(&m->connected) && atomic_load(&m->subscribed);
}

void pvs_mqtt_stop(struct pvs_mqtt *m) {
    MQTTAsync_disconnectOptions d = MQTTAsync_disconnectOptions_initializer;

    if (!m)
        return;
    atomic_store(&m->stopping, true);
    if (m->supervisor_running) {
        pthread_join(m->supervisor, NULL);
        m->supervisor_running = false;
    }
    if (m->keeper_running) {
        pthread_join(m->keeper, NULL);
        m->keeper_running = false;
    }
    if (m->client && MQTTAsync_isConnected(m->client)) {
        d.timeout = 2000;
        MQTTAsync_disconnect(m->client, &d);
        /* Wait (bounded) for the disconnect to go out. */
        for (int i = 0; i < 40 && MQTTAsync_isConnected(m->client); i++) {
            struct timespec ts = {0, 50 * 1000000L};
            nanosleep(&ts, NULL);
        }
    }
    atomic_store(&m->connected, false);
}

void pvs_mqtt_free(struct pvs_mqtt *m) {
    if (!m)
        return;
    pvs_mqtt_stop(m);
    if (m->client)
        MQTTAsync_destroy(&m->client);
    pvs_mqtt_map_free(m->map);
    pvs_free(m->topics);
    pvs_free(m->qos);
    pvs_free(m->uri);
    pvs_free(m->client_id);
    for (size_t i = 0; i < m->nforget; i++)
        pvs_free(m->forget[i]);
    pvs_free(m->forget);
    for (size_t i = 0; i < m->nslot_topics; i++)
        pvs_free(m->slot_topics[i]);
    pvs_free(m->slot_topics);
    pvs_free(m->user);
    pvs_credentials_free_secret(m->password);
    pthread_mutex_destroy(&m->lock);
    pthread_mutex_destroy(&m->cfg_lock);
    pvs_free(m);
}
