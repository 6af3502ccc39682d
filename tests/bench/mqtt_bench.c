/* SPDX-License-Identifier: MIT */
/*
 * mqtt_bench.c - the MQTT side of `make bench` (tests/bench/bench.py).
 *
 *   mqtt_bench pub URI PREFIX SITES DEVS N QOS TS0_S
 *       publish N JSON messages of ten canonical metrics, round robin
 *       over DEVS devices spread over SITES sites
 *       (PREFIX/s<i>/d<j>), device timestamps from TS0_S one minute
 *       apart; as fast as the broker takes them (QoS 1: at most 1000 in
 *       flight). Prints "published N seconds S".
 *   mqtt_bench pub URI PREFIX SITES DEVS N QOS TS0_S LAYOUT
 *       the same readings in another layout: "flat" (PREFIX/s<i>/d<j>/
 *       ac_power_w, one number), "opendtu" (solar/SERIAL/0/power, one
 *       number) or "sbfspot" (sbfspot_SERIAL, a JSON object of ten
 *       fields, no time); SERIAL is 1141800000000 + j.
 *   mqtt_bench sub URI TOPIC QOS CLIENT_ID N IDLE_S
 *       the baseline: a bare Paho MQTTAsync subscriber with a persistent
 *       session that only counts messages, until N arrived or none for
 *       IDLE_S. With N = 0 it subscribes and leaves (the broker then
 *       keeps the session and queues for it). Prints "received N
 *       first_ms T0 last_ms T1 cpu_s C".
 *
 * Output is "key value" pairs on one line. Built against Paho only.
 */
#include <MQTTAsync.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static atomic_long received, inflight, failures;
static atomic_llong first_ms, last_ms;
static atomic_int state; /* 0 connecting, 1 ready, -1 failed */

static long long now_ms(void) {
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static double cpu_s(void) {
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static void sleep_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

    nanosleep(&ts, NULL);
}

static int on_message(void *ctx, char *topic, int topic_len,
                      MQTTAsync_message *m) {
    long long t = now_ms();

    (void)ctx;
    (void)topic_len;
    if (atomic_fetch_add(&received, 1) == 0)
        atomic_store(&first_ms, t);
    atomic_store(&last_ms, t);
    MQTTAsync_freeMessage(&m);
    MQTTAsync_free(topic);
    return 1;
}

static void on_lost(void *ctx, char *cause) {
    (void)ctx;
    fprintf(stderr, "mqtt_bench: connection lost: %s\n", cause ? cause : "?");
}

static void on_ok(void *ctx, MQTTAsync_successData *r) {
    (void)ctx;
    (void)r;
    atomic_store(&state, 1);
}

static void on_fail(void *ctx, MQTTAsync_failureData *r) {
    (void)ctx;
    fprintf(stderr, "mqtt_bench: failed: %d %s\n", r ? r->code : 0,
            r && r->message ? r->message : "");
    atomic_store(&state, -1);
}

static void on_sent(void *ctx, MQTTAsync_successData *r) {
    (void)ctx;
    (void)r;
    atomic_fetch_sub(&inflight, 1);
}

static void on_send_fail(void *ctx, MQTTAsync_failureData *r) {
    (void)ctx;
    (void)r;
    atomic_fetch_sub(&inflight, 1);
    atomic_fetch_add(&failures, 1);
}

static int wait_state(int seconds) {
    for (int i = 0; i < seconds * 100 && atomic_load(&state) == 0; i++)
        sleep_ms(10);
    return atomic_load(&state);
}

/* 1 once the SUBACK came or messages flow, -1 when refused, else 0. */
static int wait_subscribed(int seconds) {
    for (int i = 0; i < seconds * 100 && atomic_load(&state) == 0 &&
                    atomic_load(&received) == 0;
         i++)
        sleep_ms(10);
    return atomic_load(&received) > 0 ? 1 : atomic_load(&state);
}

static MQTTAsync connect_as(const char *uri, const char *id, int clean) {
    MQTTAsync c;
    MQTTAsync_createOptions co = MQTTAsync_createOptions_initializer;
    MQTTAsync_connectOptions o = MQTTAsync_connectOptions_initializer;

    co.maxBufferedMessages = 1000;
    if (MQTTAsync_createWithOptions(&c, uri, id, MQTTCLIENT_PERSISTENCE_NONE,
                                    NULL, &co) != MQTTASYNC_SUCCESS)
        exit(1);
    MQTTAsync_setCallbacks(c, NULL, on_lost, on_message, NULL);
    o.cleansession = clean;
    o.keepAliveInterval = 30;
    o.maxInflight = 1000;
    o.onSuccess = on_ok;
    o.onFailure = on_fail;
    atomic_store(&state, 0);
    if (MQTTAsync_connect(c, &o) != MQTTASYNC_SUCCESS || wait_state(10) != 1) {
        fprintf(stderr, "mqtt_bench: cannot connect to %s\n", uri);
        exit(1);
    }
    return c;
}

static void disconnect(MQTTAsync c) {
    MQTTAsync_disconnectOptions d = MQTTAsync_disconnectOptions_initializer;

    d.timeout = 5000;
    MQTTAsync_disconnect(c, &d);
    for (int i = 0; i < 500 && MQTTAsync_isConnected(c); i++)
        sleep_ms(10);
    MQTTAsync_destroy(&c);
}

static int cmd_pub(char **a, const char *layout) {
    const char *uri = a[0], *prefix = a[1];
    long sites = atol(a[2]), devs = atol(a[3]), n = atol(a[4]);
    int qos = atoi(a[5]);
    long long ts0 = atoll(a[6]);
    MQTTAsync c = connect_as(uri, "pvsentry-bench-pub", 1);
    long long t0 = now_ms();
    char topic[128], payload[512];

    for (long i = 0; i < n; i++) {
        MQTTAsync_message m = MQTTAsync_message_initializer;
        MQTTAsync_responseOptions ro = MQTTAsync_responseOptions_initializer;
        long d = i % devs, k = i / devs;
        double p = 1000.0 + (double)((i * 7919) % 4000);
        /* Readings move like a real inverter's: a logger repeating the
         * same voltage for hours is a frozen one, and pvsentry says so. */
        double v = 229.0 + (double)((k * 7 + d * 3) % 50) / 10.0;
        int rc;

        if (!strcmp(layout, "flat")) {
            snprintf(topic, sizeof(topic), "%s/s%ld/d%ld/ac_power_w", prefix,
                     d % sites, d);
            m.payloadlen = snprintf(payload, sizeof(payload), "%.1f", p);
        } else if (!strcmp(layout, "opendtu")) {
            snprintf(topic, sizeof(topic), "solar/%lld/0/power",
                     1141800000000LL + d);
            m.payloadlen = snprintf(payload, sizeof(payload), "%.1f", p);
        } else if (!strcmp(layout, "sbfspot")) {
            snprintf(topic, sizeof(topic), "sbfspot_%lld", 1141800000000LL + d);
            m.payloadlen = snprintf(
                payload, sizeof(payload),
                "{\"PACTot\": %.1f, \"ETotal\": %.3f, \"EToday\": %.3f, "
                "\"GridFreq\": %.2f, \"InvTemperature\": %.1f, "
                "\"UDC1\": %.1f, \"UDC2\": %.1f, \"IDC1\": %.2f, "
                "\"IDC2\": %.2f, \"PDC1\": %.1f}",
                p, 1000.0 + (double)k * 0.1, (double)(k % 100) * 0.1,
                49.95 + (double)((k * 17 + d) % 11) / 100.0,
                35.0 + (double)((k + d) % 100) / 10.0,
                360.0 + (double)((k * 37 + d) % 400) / 10.0,
                355.0 + (double)((k * 31 + d) % 400) / 10.0, p / 720.0,
                p / 710.0, p / 2.0);
        } else {
            snprintf(topic, sizeof(topic), "%s/s%ld/d%ld", prefix, d % sites,
                     d);
            m.payloadlen = snprintf(
                payload, sizeof(payload),
                "{\"ts\": %lld, \"ac_power_w\": %.1f, \"ac_energy_wh\": %ld, "
                "\"ac_voltage_v\": %.1f, \"ac_current_a\": %.2f, "
                "\"ac_frequency_hz\": %.2f, \"power_factor\": %.2f, "
                "\"dc_power_w\": %.1f, \"dc_voltage_v\": %.1f, "
                "\"temp_heatsink_c\": %.1f, \"state\": \"mppt\"}",
                ts0 + k * 60, p, 1000000 + k * 100, v, p / v,
                49.95 + (double)((k * 17 + d) % 11) / 100.0,
                0.95 + (double)((k * 3 + d) % 5) / 100.0, p * 1.03,
                360.0 + (double)((k * 37 + d) % 400) / 10.0,
                35.0 + (double)((k + d) % 100) / 10.0);
        }
        m.payload = payload;
        m.qos = qos;
        ro.onSuccess = on_sent;
        ro.onFailure = on_send_fail;
        while (atomic_load(&inflight) >= 1000)
            sleep_ms(1);
        atomic_fetch_add(&inflight, 1);
        while ((rc = MQTTAsync_sendMessage(c, topic, &m, &ro)) ==
               MQTTASYNC_MAX_BUFFERED_MESSAGES)
            sleep_ms(1);
        if (rc != MQTTASYNC_SUCCESS) {
            fprintf(stderr, "mqtt_bench: send failed: %d\n", rc);
            return 1;
        }
    }
    for (int i = 0; i < 60000 && atomic_load(&inflight) > 0; i++)
        sleep_ms(1);
    printf("published %ld seconds %.3f failures %ld\n", n,
           (double)(now_ms() - t0) / 1000.0, atomic_load(&failures));
    disconnect(c);
    return atomic_load(&failures) ? 1 : 0;
}

static int cmd_sub(char **a) {
    const char *uri = a[0], *topic = a[1], *id = a[3];
    int qos = atoi(a[2]);
    long n = atol(a[4]), idle = atol(a[5]);
    MQTTAsync c = connect_as(uri, id, 0);
    MQTTAsync_responseOptions ro = MQTTAsync_responseOptions_initializer;
    long last = 0, still = 0;
    double cpu0 = cpu_s();

    ro.onSuccess = on_ok;
    ro.onFailure = on_fail;
    atomic_store(&state, 0);
    /*
     * A session that has a backlog gets it right after the CONNACK: the
     * broker (max_inflight_messages 0) writes every queued message before
     * the SUBACK, which may come long after 10 s on a loaded machine.
     * Messages arriving say the subscription stands.
     */
    if (MQTTAsync_subscribe(c, topic, qos, &ro) != MQTTASYNC_SUCCESS ||
        wait_subscribed(60) != 1) {
        fprintf(stderr, "mqtt_bench: cannot subscribe\n");
        return 1;
    }
    while (n > 0 && atomic_load(&received) < n && still < idle * 100) {
        long r = atomic_load(&received);
        sleep_ms(10);
        still = r == last ? still + 1 : 0;
        last = r;
    }
    printf("received %ld first_ms %lld last_ms %lld cpu_s %.3f\n",
           atomic_load(&received), atomic_load(&first_ms),
           atomic_load(&last_ms), cpu_s() - cpu0);
    disconnect(c);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 9 && !strcmp(argv[1], "pub"))
        return cmd_pub(argv + 2, "json");
    if (argc == 10 && !strcmp(argv[1], "pub"))
        return cmd_pub(argv + 2, argv[9]);
    if (argc == 8 && !strcmp(argv[1], "sub"))
        return cmd_sub(argv + 2);
    fprintf(stderr, "usage: mqtt_bench pub URI PREFIX SITES DEVS N QOS TS0_S\n"
                    "       mqtt_bench sub URI TOPIC QOS CLIENT_ID N IDLE_S\n");
    return 2;
}
