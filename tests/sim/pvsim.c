/* SPDX-License-Identifier: MIT */
/*
 * pvsim.c - the simulated PV site's command line, and its MQTT mode.
 *
 *     pvsim mqtt --broker tcp://127.0.0.1:PORT --site ID --device ID ...
 *     pvsim modbus ...            (tests/sim/modbus.c)
 *
 * The MQTT mode publishes every device's reading (tests/sim/model.c) each
 * --interval of simulated time, on the same simulated clock as pvsentry:
 * the clock starts at --sim-start, runs --speed times faster and takes its
 * real origin from PVS_SIM_ORIGIN_MS (epoch ms) when set, so both
 * processes agree on "now" without talking to each other.
 *
 * DESIGN
 * One thread paces and publishes; Paho's threads only bump counters.
 * TERM and INT are blocked before Paho starts its threads, and the pacing
 * wait is sigtimedwait(), so a signal ends the wait at once and no code
 * runs in signal context. Messages published while the broker is away
 * are kept by Paho (sendWhileDisconnected, --buffer of them) and sent on
 * reconnect; the session is persistent (clean session off), so QoS 1
 * messages in flight when the link dropped are resent too. Before exiting,
 * pvsim waits (bounded by --drain-timeout) until every message was
 * acknowledged, and --summary records what it sent so tests can count.
 */
#define PVS_LOG_MODULE "pvsim"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <MQTTAsync.h>

#include "pvs/clock.h"
#include "pvs/config.h"
#include "pvs/log.h"
#include "pvs/metrics.h"
#include "pvs/util.h"
#include "pvsim.h"

__attribute__((weak)) int pvsim_modbus_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    fprintf(stderr, "pvsim: modbus mode not built\n");
    return 1;
}

/*
 * LAYOUT_GATEWAY publishes as a gateway would (--layout opendtu, ahoy,
 * venus, sbfspot, deye, shelly, tasmota, statestream): the device id
 * stands for the gateway's serial number or name, units and payloads are
 * the gateway's (tests/data/mqtt/ has samples of each).
 */
enum layout { LAYOUT_JSON, LAYOUT_FLAT, LAYOUT_GATEWAY };

enum gw {
    GW_OPENDTU,
    GW_AHOY,
    GW_VENUS,
    GW_SBFSPOT,
    GW_DEYE,
    GW_SHELLY,
    GW_TASMOTA,
    GW_STATESTREAM
};
static const char *const gw_names[] = {"opendtu", "ahoy",        "venus",
                                       "sbfspot", "deye",        "shelly",
                                       "tasmota", "statestream", NULL};

struct dev_count {
    uint64_t messages;
    uint64_t samples;
};

struct mqtt_opts {
    const char *broker;
    const char *site_id;
    const char *client_id;
    const char *prefix;
    const char *summary;
    const char *ids[PVSIM_MAX_DEVICES];
    size_t ndev;
    const char *scn_specs[PVSIM_MAX_SCENARIOS];
    size_t nscn;
    bool metric_on[PVS_M__COUNT];
    bool metrics_given;
    int64_t start_ms;
    bool start_given;
    double speed;
    int64_t interval_ms;
    int64_t duration_ms;
    int64_t drain_ms; /* real time */
    int qos;
    enum layout layout;
    enum gw gw;
    int buffer;
    struct pvsim_site site;
};

/* Written by Paho's threads, read by the publishing thread. */
static atomic_ullong n_acked;
static atomic_ullong n_failed;
static atomic_int link_up;
static atomic_int connect_failed;
/* Paho reconnects by itself once a connection was made: pvsim retries
 * only the first one (a connect beside Paho's own retry races it). */
static atomic_int ever_up;

static sigset_t stop_signals;
static volatile sig_atomic_t stopping;

static void on_connected(void *ctx, char *cause) {
    (void)ctx;
    (void)cause;
    atomic_store(&link_up, 1);
    atomic_store(&ever_up, 1);
    pvs_info("connected");
}

static void on_connect_ok(void *ctx, MQTTAsync_successData *resp) {
    (void)ctx;
    (void)resp;
    atomic_store(&link_up, 1);
    atomic_store(&ever_up, 1);
}

static void on_connect_fail(void *ctx, MQTTAsync_failureData *resp) {
    (void)ctx;
    pvs_debug("cannot connect: %s (%d)",
              resp && resp->message ? resp->message : "no reason",
              resp ? resp->code : 0);
    if (!atomic_load(&ever_up))
        atomic_store(&connect_failed, 1);
}

static void on_lost(void *ctx, char *cause) {
    (void)ctx;
    atomic_store(&link_up, 0);
    pvs_info("connection lost: %s", cause ? cause : "no reason given");
}

static int on_message(void *ctx, char *topic, int len, MQTTAsync_message *m) {
    (void)ctx;
    (void)len;
    /* pvsim subscribes to nothing; free anything that arrives anyway. */
    MQTTAsync_freeMessage(&m);
    MQTTAsync_free(topic);
    return 1;
}

static void on_sent(void *ctx, MQTTAsync_successData *resp) {
    (void)ctx;
    (void)resp;
    atomic_fetch_add(&n_acked, 1);
}

static void on_send_fail(void *ctx, MQTTAsync_failureData *resp) {
    (void)ctx;
    pvs_debug("publish failed: %s (%d)",
              resp && resp->message ? resp->message : "no reason",
              resp ? resp->code : 0);
    atomic_fetch_add(&n_failed, 1);
}

/*
 * Wait up to real_ms of real time, or until TERM/INT arrives. Returns
 * true when asked to stop.
 */
static bool wait_real(int64_t real_ms) {
    struct timespec ts;
    int sig;

    if (stopping)
        return true;
    if (real_ms < 0)
        real_ms = 0;
    ts.tv_sec = (time_t)(real_ms / 1000);
    ts.tv_nsec = (long)(real_ms % 1000) * 1000000L;
    sig = sigtimedwait(&stop_signals, NULL, &ts);
    if (sig > 0) {
        pvs_info("signal %d received, stopping", sig);
        stopping = 1;
    }
    return stopping != 0;
}

/* A number as JSON/plain text: integers without decimals. */
static void fmt_num(double v, char *buf, size_t size) {
    if (!isfinite(v))
        pvs_snprintf(buf, size, "0");
    else if (v == floor(v) && fabs(v) < 1e15)
        pvs_snprintf(buf, size, "%.0f", v);
    else
        pvs_snprintf(buf, size, "%.3f", v);
}

static void fmt_value(const struct pvsim_value *v, char *buf, size_t size) {
    const char *name;

    if (v->metric == PVS_M_STATE) {
        name = pvs_state_name((int)v->value);
        pvs_strlcpy(buf, name ? name : "off", size);
        return;
    }
    fmt_num(v->value, buf, size);
}

/*
 * Hand one message to Paho. When its buffer is full (broker away for
 * long), wait for room for a bounded time rather than drop at once.
 * Returns true when Paho took the message.
 */
static bool publish(MQTTAsync client, const struct mqtt_opts *o,
                    const char *topic, const char *payload) {
    MQTTAsync_message msg = MQTTAsync_message_initializer;
    MQTTAsync_responseOptions ro = MQTTAsync_responseOptions_initializer;
    int64_t deadline = pvs_clock_mono_ms() + 10000;
    int mrc;

    msg.payload = (void *)(uintptr_t)payload;
    msg.payloadlen = (int)strlen(payload);
    msg.qos = o->qos;
    msg.retained = 0;
    ro.onSuccess = on_sent;
    ro.onFailure = on_send_fail;
    for (;;) {
        mrc = MQTTAsync_sendMessage(client, topic, &msg, &ro);
        if (mrc == MQTTASYNC_SUCCESS)
            return true;
        if (mrc != MQTTASYNC_MAX_BUFFERED_MESSAGES &&
            mrc != MQTTASYNC_DISCONNECTED)
            break;
        if (pvs_clock_mono_ms() > deadline || wait_real(50))
            break;
    }
    pvs_warn("cannot publish on '%s': %s (%d)", topic, MQTTAsync_strerror(mrc),
             mrc);
    return false;
}

struct totals {
    uint64_t messages, samples, dropped, silent, readings;
    int64_t first_ts, last_ts;
    struct dev_count dev[PVSIM_MAX_DEVICES];
};

/*
 * The name gateway o->gw gives value v (e.g. "ch1/P_DC"), and v in its
 * units; false if the gateway does not publish it.
 */
static bool gw_name(const struct mqtt_opts *o, const struct pvsim_value *v,
                    char *name, size_t nsize, double *ret_v) {
    /* Names per gateway, in enum gw order up to GW_STATESTREAM. */
    static const struct {
        enum pvs_metric m;
        const char *name[GW_STATESTREAM];
        double kilo; /* published in k-units by dtu/ahoy/venus/sbf/deye */
    } t[] = {
        {PVS_M_AC_POWER_W,
         {"0/power", "ch0/P_AC", "Ac/Power", "PACTot", "ac/active_power",
          "total_act_power", "Power"},
         0},
        {PVS_M_AC_ENERGY_WH,
         {"0/yieldtotal", "ch0/YieldTotal", "Ac/Energy/Forward", "ETotal",
          "total_energy", NULL, "Total"},
         1},
        {PVS_M_AC_VOLTAGE_V,
         {"0/voltage", "ch0/U_AC", "Ac/L1/Voltage", NULL, "ac/l1/voltage",
          "a_voltage", "Voltage"},
         0},
        {PVS_M_AC_FREQUENCY_HZ,
         {"0/frequency", "ch0/F_AC", NULL, "GridFreq", "ac/freq", NULL, NULL},
         0},
        {PVS_M_TEMP_HEATSINK_C,
         {"0/temperature", "ch0/Temp", NULL, "InvTemperature", "radiator_temp",
          NULL, NULL},
         0},
        {PVS_M_MPPT_POWER_W,
         {"%u/power", "ch%u/P_DC", NULL, "PDC%u", "dc/pv%u/power", NULL, NULL},
         0},
        {PVS_M_MPPT_VOLTAGE_V,
         {"%u/voltage", "ch%u/U_DC", NULL, "UDC%u", "dc/pv%u/voltage", NULL,
          NULL},
         0},
    };
    const char *fmt = NULL, *pc;
    double val = v->value;

    for (size_t i = 0; i < PVS_ARRAY_LEN(t) && !fmt; i++) {
        if (t[i].m != v->metric)
            continue;
        if (o->gw == GW_STATESTREAM)
            fmt = v->metric == PVS_M_AC_POWER_W     ? "power"
                  : v->metric == PVS_M_AC_ENERGY_WH ? "energy"
                                                    : NULL;
        else
            fmt = t[i].name[o->gw];
        if (fmt && (t[i].kilo || o->gw == GW_STATESTREAM) && o->gw != GW_SHELLY)
            val /= 1000.0; /* kWh; statestream: kW and kWh */
    }
    if (!fmt || (o->gw == GW_DEYE && v->idx > 4))
        return false;
    pc = strstr(fmt, "%u");
    if (pc)
        pvs_snprintf(name, nsize, "%.*s%u%s", (int)(pc - fmt), fmt, v->idx,
                     pc + 2);
    else
        pvs_strlcpy(name, fmt, nsize);
    *ret_v = val;
    return true;
}

/* The topic gateway o->gw publishes value name of device dev on. */
static void gw_topic(const struct mqtt_opts *o, const char *dev,
                     const char *name, char *topic, size_t tsize) {
    switch (o->gw) {
    case GW_OPENDTU:
        pvs_snprintf(topic, tsize, "solar/%s/%s", dev, name);
        break;
    case GW_AHOY:
        pvs_snprintf(topic, tsize, "inverter/%s/%s", dev, name);
        break;
    case GW_VENUS:
        pvs_snprintf(topic, tsize, "N/%s/pvinverter/%s/%s", o->prefix, dev,
                     name);
        break;
    case GW_DEYE:
        pvs_snprintf(topic, tsize, "deye/%s", name);
        break;
    case GW_STATESTREAM:
        pvs_snprintf(topic, tsize, "homeassistant/sensor/%s_%s/state", dev,
                     name);
        break;
    case GW_SBFSPOT:
        pvs_snprintf(topic, tsize, "sbfspot_%s", dev);
        break;
    case GW_SHELLY:
        pvs_snprintf(topic, tsize, "%s/status/em:0", dev);
        break;
    case GW_TASMOTA:
        pvs_snprintf(topic, tsize, "tele/%s/SENSOR", dev);
        break;
    }
}

/* One value in a gateway's names and units: topic and payload. */
static bool gw_item(const struct mqtt_opts *o, const char *dev,
                    const struct pvsim_value *v, char *topic, size_t tsize,
                    char *key, size_t ksize, double *ret_v) {
    char name[64];

    if (!gw_name(o, v, name, sizeof(name), ret_v))
        return false;
    pvs_strlcpy(key, name, ksize);
    gw_topic(o, dev, name, topic, tsize);
    return true;
}

/*
 * Publish one message carrying samples samples of device d, and count it
 * as sent or dropped.
 */
static void publish_counted(MQTTAsync client, const struct mqtt_opts *o,
                            const char *topic, const char *payload, size_t d,
                            uint64_t samples, struct totals *tot) {
    if (publish(client, o, topic, payload)) {
        tot->messages++;
        tot->samples += samples;
        tot->dev[d].messages++;
        tot->dev[d].samples += samples;
    } else {
        tot->dropped++;
    }
}

/* A reading as the gateway publishes it: a topic per value, or one JSON
 * object (SBFspot, Shelly, Tasmota). */
static void publish_gateway(MQTTAsync client, const struct mqtt_opts *o,
                            size_t d, const struct pvsim_reading *r,
                            struct totals *tot) {
    struct pvsim_value vals[PVSIM_MAX_VALUES];
    size_t n = pvsim_reading_values(r, vals, PVSIM_MAX_VALUES), used = 0;
    bool json =
        o->gw == GW_SBFSPOT || o->gw == GW_SHELLY || o->gw == GW_TASMOTA;
    char topic[512], key[64], num[64], payload[128];
    struct pvs_buf b;
    double v;

    pvs_buf_init(&b, 16384);
    pvs_buf_puts(&b, o->gw == GW_TASMOTA ? "{\"ENERGY\": {" : "{");
    for (size_t i = 0; i < n; i++) {
        if (o->metrics_given && !o->metric_on[vals[i].metric])
            continue;
        if (!gw_item(o, o->ids[d], &vals[i], topic, sizeof(topic), key,
                     sizeof(key), &v))
            continue;
        fmt_num(v, num, sizeof(num));
        if (json) {
            pvs_buf_printf(&b, "%s\"%s\": %s", used ? ", " : "", key, num);
            used++;
            continue;
        }
        if (o->gw == GW_VENUS)
            pvs_snprintf(payload, sizeof(payload), "{\"value\": %s}", num);
        else
            pvs_strlcpy(payload, num, sizeof(payload));
        publish_counted(client, o, topic, payload, d, 1, tot);
    }
    pvs_buf_puts(&b, o->gw == GW_TASMOTA ? "}}" : "}");
    if (json && used)
        publish_counted(client, o, topic, b.data, d, used, tot);
    pvs_buf_release(&b);
}

static void publish_reading(MQTTAsync client, const struct mqtt_opts *o,
                            size_t d, const struct pvsim_reading *r,
                            struct totals *tot) {
    struct pvsim_value vals[PVSIM_MAX_VALUES];
    size_t n = pvsim_reading_values(r, vals, PVSIM_MAX_VALUES), used = 0;
    char topic[512], num[64], name[64];
    struct pvs_buf b;

    if (o->layout == LAYOUT_GATEWAY) {
        publish_gateway(client, o, d, r, tot);
        return;
    }
    pvs_buf_init(&b, 16384);
    if (o->layout == LAYOUT_JSON) {
        pvs_buf_printf(&b, "{\"ts\": %.3f", (double)r->ts_ms / 1000.0);
    }
    for (size_t i = 0; i < n; i++) {
        if (o->metrics_given && !o->metric_on[vals[i].metric])
            continue;
        pvs_metric_name(vals[i].metric, vals[i].idx, name, sizeof(name));
        fmt_value(&vals[i], num, sizeof(num));
        used++;
        if (o->layout == LAYOUT_JSON) {
            pvs_buf_printf(&b, ", \"%s\": ", name);
            if (vals[i].metric == PVS_M_STATE)
                pvs_buf_json_str(&b, num);
            else
                pvs_buf_puts(&b, num);
            continue;
        }
        pvs_snprintf(topic, sizeof(topic), "%s/%s/%s/%s", o->prefix, o->site_id,
                     o->ids[d], name);
        publish_counted(client, o, topic, num, d, 1, tot);
    }
    if (o->layout == LAYOUT_JSON) {
        pvs_buf_puts(&b, "}");
        pvs_snprintf(topic, sizeof(topic), "%s/%s/%s", o->prefix, o->site_id,
                     o->ids[d]);
        publish_counted(client, o, topic, b.data, d, used, tot);
    }
    pvs_buf_release(&b);
}

static enum pvs_err write_summary(const struct mqtt_opts *o,
                                  const struct totals *t) {
    struct pvs_buf b;
    char tmp[4096];
    FILE *f = NULL;
    enum pvs_err rc = PVS_OK;

    pvs_buf_init(&b, 1 << 20);
    pvs_buf_printf(
        &b,
        "{\"messages\": %llu, \"samples\": %llu, \"acked\": %llu, "
        "\"failed\": %llu, \"dropped\": %llu, \"readings\": %llu, "
        "\"silent\": %llu, \"first_ts_ms\": %lld, "
        "\"last_ts_ms\": %lld, \"qos\": %d, \"devices\": {",
        (unsigned long long)t->messages, (unsigned long long)t->samples,
        (unsigned long long)atomic_load(&n_acked),
        (unsigned long long)atomic_load(&n_failed),
        (unsigned long long)t->dropped, (unsigned long long)t->readings,
        (unsigned long long)t->silent, (long long)t->first_ts,
        (long long)t->last_ts, o->qos);
    for (size_t d = 0; d < o->ndev; d++) {
        pvs_buf_puts(&b, d ? ", " : "");
        pvs_buf_json_str(&b, o->ids[d]);
        pvs_buf_printf(&b, ": {\"messages\": %llu, \"samples\": %llu}",
                       (unsigned long long)t->dev[d].messages,
                       (unsigned long long)t->dev[d].samples);
    }
    pvs_buf_puts(&b, "}}\n");
    /* Write then rename, so a reader never sees half a file. */
    pvs_snprintf(tmp, sizeof(tmp), "%s.tmp", o->summary);
    f = fopen(tmp, "w");
    if (!f || fwrite(b.data, 1, b.len, f) != b.len) {
        rc = PVS_ERR_IO;
        goto out;
    }
    if (fclose(f)) {
        f = NULL;
        rc = PVS_ERR_IO;
        goto out;
    }
    f = NULL;
    if (rename(tmp, o->summary))
        rc = PVS_ERR_IO;
out:
    if (f)
        fclose(f);
    if (rc) {
        char eb[128];
        int err = errno;

        pvs_error("cannot write summary '%s': %s", o->summary,
                  pvs_strerror(err, eb, sizeof(eb)));
    }
    pvs_buf_release(&b);
    return rc;
}

static void usage(FILE *out) {
    fprintf(out,
            "usage: pvsim mqtt --site ID [--device ID]... [options]\n"
            "\n"
            "  --broker URI         broker (default tcp://127.0.0.1:1883)\n"
            "  --site ID            site id in the topics (required)\n"
            "  --device ID          device id, repeatable (default inv1)\n"
            "  --kwp N              site array size (default 10)\n"
            "  --lat D --lon D      location (default 45.76, 4.84)\n"
            "  --tilt D --azimuth D array orientation (default 30, 180)\n"
            "  --cloud F --seed N   cloud dips 0..1 (default 0) and seed\n"
            "  --sim-start TIME     simulated start, ISO 8601 (default now)\n"
            "  --speed N            simulated clock speed (default 1)\n"
            "  --interval DUR       simulated time between samples (60s)\n"
            "  --duration DUR       simulated time to cover (6h)\n"
            "  --qos 0|1            publish QoS (default 1)\n"
            "  --layout json|flat   pvsentry/S/D JSON or pvsentry/S/D/M\n"
            "  --layout GATEWAY     opendtu, ahoy, venus, sbfspot, deye,\n"
            "                       shelly, tasmota or statestream\n"
            "  --prefix P           topic prefix (default pvsentry)\n"
            "  --metrics LIST       publish only these metrics (a,b,...)\n"
            "  --client-id X        MQTT client id (default pvsim-SITE)\n"
            "  --buffer N           messages kept while offline (100000)\n"
            "  --scenario SPEC      fault|silence|breach[/DEV]@T+DUR[:m=v]\n"
            "  --drain-timeout DUR  real time to wait for acks (30s)\n"
            "  --summary FILE       write counts as JSON at exit\n"
            "  --log-level L        error, warn, info, debug\n"
            "\n"
            "The clock's real origin is PVS_SIM_ORIGIN_MS (epoch ms) when "
            "set.\n");
}

enum {
    OPT_BROKER = 256,
    OPT_SITE,
    OPT_DEVICE,
    OPT_SITE_OPT, /* kwp, lat, lon, tilt, azimuth, cloud, seed */
    OPT_SIM_START,
    OPT_SPEED,
    OPT_INTERVAL,
    OPT_DURATION,
    OPT_QOS,
    OPT_LAYOUT,
    OPT_PREFIX,
    OPT_METRICS,
    OPT_CLIENT_ID,
    OPT_BUFFER,
    OPT_SCENARIO,
    OPT_DRAIN,
    OPT_SUMMARY,
    OPT_LOG_LEVEL,
    OPT_HELP,
};

static const struct option long_opts[] = {
    {"broker", required_argument, NULL, OPT_BROKER},
    {"site", required_argument, NULL, OPT_SITE},
    {"device", required_argument, NULL, OPT_DEVICE},
    {"kwp", required_argument, NULL, OPT_SITE_OPT},
    {"lat", required_argument, NULL, OPT_SITE_OPT},
    {"lon", required_argument, NULL, OPT_SITE_OPT},
    {"tilt", required_argument, NULL, OPT_SITE_OPT},
    {"azimuth", required_argument, NULL, OPT_SITE_OPT},
    {"cloud", required_argument, NULL, OPT_SITE_OPT},
    {"seed", required_argument, NULL, OPT_SITE_OPT},
    {"sim-start", required_argument, NULL, OPT_SIM_START},
    {"speed", required_argument, NULL, OPT_SPEED},
    {"interval", required_argument, NULL, OPT_INTERVAL},
    {"duration", required_argument, NULL, OPT_DURATION},
    {"qos", required_argument, NULL, OPT_QOS},
    {"layout", required_argument, NULL, OPT_LAYOUT},
    {"prefix", required_argument, NULL, OPT_PREFIX},
    {"metrics", required_argument, NULL, OPT_METRICS},
    {"client-id", required_argument, NULL, OPT_CLIENT_ID},
    {"buffer", required_argument, NULL, OPT_BUFFER},
    {"scenario", required_argument, NULL, OPT_SCENARIO},
    {"drain-timeout", required_argument, NULL, OPT_DRAIN},
    {"summary", required_argument, NULL, OPT_SUMMARY},
    {"log-level", required_argument, NULL, OPT_LOG_LEVEL},
    {"help", no_argument, NULL, OPT_HELP},
    {NULL, 0, NULL, 0},
};

static enum pvs_err num_arg(const char *opt, const char *s, double lo,
                            double hi, double *out) {
    double v;

    if (pvs_parse_double(s, &v) || !(v >= lo && v <= hi)) {
        fprintf(stderr, "pvsim: bad value '%s' for --%s (%g..%g)\n", s, opt, lo,
                hi);
        return PVS_ERR_INVAL;
    }
    *out = v;
    return PVS_OK;
}

static enum pvs_err dur_arg(const char *opt, const char *s, int64_t *out) {
    char msg[128];

    if (pvs_cfg_parse_duration(s, out, msg, sizeof(msg))) {
        fprintf(stderr, "pvsim: bad duration '%s' for --%s: %s\n", s, opt, msg);
        return PVS_ERR_INVAL;
    }
    return PVS_OK;
}

static enum pvs_err metrics_arg(struct mqtt_opts *o, const char *s) {
    char buf[1024], *p, *save = NULL;
    enum pvs_metric m;
    unsigned idx;

    if (!pvs_strlcpy(buf, s, sizeof(buf)))
        return PVS_ERR_INVAL;
    o->metrics_given = true;
    for (p = strtok_r(buf, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
        if (pvs_metric_parse(p, &m, &idx)) {
            fprintf(stderr, "pvsim: unknown metric '%s'\n", p);
            return PVS_ERR_INVAL;
        }
        o->metric_on[m] = true;
    }
    return PVS_OK;
}

static enum pvs_err layout_arg(struct mqtt_opts *o, const char *s) {
    if (!strcmp(s, "json")) {
        o->layout = LAYOUT_JSON;
        return PVS_OK;
    }
    if (!strcmp(s, "flat")) {
        o->layout = LAYOUT_FLAT;
        return PVS_OK;
    }
    for (int g = 0; gw_names[g]; g++)
        if (!strcmp(s, gw_names[g])) {
            o->layout = LAYOUT_GATEWAY;
            o->gw = (enum gw)g;
        }
    if (o->layout == LAYOUT_GATEWAY)
        return PVS_OK;
    fprintf(stderr, "pvsim: bad layout '%s' (json, flat)\n", s);
    return PVS_ERR_INVAL;
}

/* Append s to list (n entries, at most max) or say what is too many. */
static enum pvs_err list_arg(const char **list, size_t *n, size_t max,
                             const char *what, const char *s) {
    if (*n >= max) {
        fprintf(stderr, "pvsim: at most %zu %s\n", max, what);
        return PVS_ERR_INVAL;
    }
    list[(*n)++] = s;
    return PVS_OK;
}

/* The options that set the clock and the pace of the publishing. */
static enum pvs_err time_option(struct mqtt_opts *o, int c, const char *s) {
    enum pvs_err rc = PVS_OK;

    switch (c) {
    case OPT_SIM_START:
        if (pvs_clock_parse_time(s, &o->start_ms)) {
            fprintf(stderr, "pvsim: bad time '%s' for --sim-start\n", s);
            rc = PVS_ERR_INVAL;
        }
        o->start_given = true;
        break;
    case OPT_SPEED:
        rc = num_arg("speed", s, 0.001, 1e6, &o->speed);
        break;
    case OPT_INTERVAL:
        rc = dur_arg("interval", s, &o->interval_ms);
        if (!rc && o->interval_ms <= 0) {
            fprintf(stderr, "pvsim: --interval must be positive\n");
            rc = PVS_ERR_INVAL;
        }
        break;
    case OPT_DURATION:
        rc = dur_arg("duration", s, &o->duration_ms);
        break;
    case OPT_DRAIN:
        rc = dur_arg("drain-timeout", s, &o->drain_ms);
        break;
    }
    return rc;
}

/* Option c (long_opts[idx]) with its argument optarg into o. */
static enum pvs_err set_option(struct mqtt_opts *o, int c, int idx) {
    enum pvs_err rc = PVS_OK;
    double v = 0;
    int lvl;

    switch (c) {
    case OPT_BROKER:
        o->broker = optarg;
        break;
    case OPT_SITE:
        o->site_id = optarg;
        break;
    case OPT_DEVICE:
        rc = list_arg(o->ids, &o->ndev, PVSIM_MAX_DEVICES, "devices", optarg);
        break;
    case OPT_SITE_OPT:
        if (pvsim_site_option(&o->site, long_opts[idx].name, optarg))
            rc = PVS_ERR_INVAL;
        break;
    case OPT_SIM_START:
    case OPT_SPEED:
    case OPT_INTERVAL:
    case OPT_DURATION:
    case OPT_DRAIN:
        rc = time_option(o, c, optarg);
        break;
    case OPT_QOS:
        rc = num_arg("qos", optarg, 0, 1, &v);
        o->qos = (int)v;
        break;
    case OPT_LAYOUT:
        rc = layout_arg(o, optarg);
        break;
    case OPT_PREFIX:
        o->prefix = optarg;
        break;
    case OPT_METRICS:
        rc = metrics_arg(o, optarg);
        break;
    case OPT_CLIENT_ID:
        o->client_id = optarg;
        break;
    case OPT_BUFFER:
        rc = num_arg("buffer", optarg, 1, 10000000, &v);
        o->buffer = (int)v;
        break;
    case OPT_SCENARIO:
        rc = list_arg(o->scn_specs, &o->nscn, PVSIM_MAX_SCENARIOS, "scenarios",
                      optarg);
        break;
    case OPT_SUMMARY:
        o->summary = optarg;
        break;
    case OPT_LOG_LEVEL:
        lvl = pvs_log_level_parse(optarg);
        if (lvl < 0) {
            fprintf(stderr, "pvsim: bad log level '%s'\n", optarg);
            rc = PVS_ERR_INVAL;
            break;
        }
        pvs_log_set_level((enum pvs_log_level)lvl);
        break;
    case OPT_HELP:
        usage(stdout);
        exit(0);
    default:
        usage(stderr);
        rc = PVS_ERR_INVAL;
        break;
    }
    return rc;
}

static enum pvs_err parse_args(int argc, char **argv, struct mqtt_opts *o) {
    enum pvs_err rc = PVS_OK;
    int c, idx = 0;

    memset(o, 0, sizeof(*o));
    pvsim_site_init(&o->site);
    o->broker = "tcp://127.0.0.1:1883";
    o->prefix = "pvsentry";
    o->speed = 1.0;
    o->interval_ms = 60000;
    o->duration_ms = 6 * 3600000;
    o->drain_ms = 30000;
    o->qos = 1;
    o->buffer = 100000;
    optind = 1;
    while (!rc && (c = getopt_long(argc, argv, "", long_opts, &idx)) != -1)
        rc = set_option(o, c, idx);
    if (!rc && optind < argc) {
        fprintf(stderr, "pvsim: unexpected argument '%s'\n", argv[optind]);
        rc = PVS_ERR_INVAL;
    }
    if (!rc && !o->site_id) {
        fprintf(stderr, "pvsim: --site is required\n");
        rc = PVS_ERR_INVAL;
    }
    return rc;
}

/* Scenarios need the start instant and the device ids: parse them last. */
static enum pvs_err setup_site(struct mqtt_opts *o) {
    struct pvsim_scenario scn;
    char msg[256];

    if (!o->ndev)
        o->ids[o->ndev++] = "inv1";
    o->site.ndevices = o->ndev;
    /* Counters integrate from the simulated day's midnight (UTC). */
    o->site.counter_origin_ms = o->start_ms - o->start_ms % 86400000;
    for (size_t i = 0; i < o->nscn; i++) {
        if (pvsim_scenario_parse(o->scn_specs[i], o->start_ms, o->ids, o->ndev,
                                 &scn, msg, sizeof(msg))) {
            fprintf(stderr, "pvsim: bad scenario '%s': %s\n", o->scn_specs[i],
                    msg);
            return PVS_ERR_INVAL;
        }
        if (pvsim_site_add_scenario(&o->site, &scn))
            return PVS_ERR_FULL;
    }
    return PVS_OK;
}

static void start_clock(struct mqtt_opts *o) {
    const char *env = getenv("PVS_SIM_ORIGIN_MS");
    int64_t origin = 0;

    if (env && *env && pvs_parse_i64(env, &origin)) {
        pvs_warn("ignoring bad PVS_SIM_ORIGIN_MS '%s'", env);
        origin = 0;
    }
    if (!o->start_given) {
        pvs_clock_set_wall();
        o->start_ms = pvs_clock_now_ms();
    }
    pvs_clock_set_sim(o->start_ms, o->speed, origin);
}

static int mqtt_connect(MQTTAsync client) {
    MQTTAsync_connectOptions co = MQTTAsync_connectOptions_initializer;

    co.keepAliveInterval = 10;
    co.cleansession = 0;
    co.automaticReconnect = 1;
    co.minRetryInterval = 1;
    co.maxRetryInterval = 2;
    co.connectTimeout = 5;
    co.onSuccess = on_connect_ok;
    co.onFailure = on_connect_fail;
    return MQTTAsync_connect(client, &co);
}

/*
 * Wait until Paho has completed every publish (QoS 1: acknowledged by the
 * broker), or the real-time deadline passes, or a second signal arrives.
 * Keeps retrying the connection meanwhile. Returns true when all are done.
 */
static bool drain(MQTTAsync client, const struct mqtt_opts *o,
                  const struct totals *tot) {
    int64_t deadline = pvs_clock_mono_ms() + o->drain_ms;
    int64_t next_connect = 0;

    stopping = 0;
    for (;;) {
        MQTTAsync_token *tokens = NULL;
        bool pending = false;
        uint64_t done = atomic_load(&n_acked) + atomic_load(&n_failed);

        if (MQTTAsync_getPendingTokens(client, &tokens) == MQTTASYNC_SUCCESS &&
            tokens && tokens[0] != -1)
            pending = true;
        MQTTAsync_free(tokens);
        if (!pending && done >= tot->messages)
            return true;
        if (pvs_clock_mono_ms() >= deadline)
            return false;
        if (atomic_exchange(&connect_failed, 0))
            next_connect = pvs_clock_mono_ms() + 1000;
        if (next_connect && pvs_clock_mono_ms() >= next_connect) {
            next_connect = 0;
            mqtt_connect(client);
        }
        if (wait_real(20))
            return false;
    }
}

/*
 * A client for o->broker that keeps what is published while the link is
 * down, connecting in the background. NULL after logging why not.
 */
static MQTTAsync client_start(const struct mqtt_opts *o) {
    MQTTAsync_createOptions cr = MQTTAsync_createOptions_initializer;
    MQTTAsync client = NULL;
    char cid[256];
    int mrc;

    if (o->client_id)
        pvs_strlcpy(cid, o->client_id, sizeof(cid));
    else
        pvs_snprintf(cid, sizeof(cid), "pvsim-%s", o->site_id);
    cr.sendWhileDisconnected = 1;
    cr.maxBufferedMessages = o->buffer;
    cr.allowDisconnectedSendAtAnyTime = 1;
    cr.deleteOldestMessages = 0;
    mrc = MQTTAsync_createWithOptions(&client, o->broker, cid,
                                      MQTTCLIENT_PERSISTENCE_NONE, NULL, &cr);
    if (mrc != MQTTASYNC_SUCCESS) {
        pvs_error("cannot create client for '%s': %s", o->broker,
                  MQTTAsync_strerror(mrc));
        return NULL;
    }
    MQTTAsync_setCallbacks(client, NULL, on_lost, on_message, NULL);
    MQTTAsync_setConnected(client, NULL, on_connected);
    mrc = mqtt_connect(client);
    if (mrc != MQTTASYNC_SUCCESS) {
        pvs_error("cannot connect to '%s': %s", o->broker,
                  MQTTAsync_strerror(mrc));
        MQTTAsync_destroy(&client);
        return NULL;
    }
    return client;
}

/* Disconnect gracefully (bounded), then free the client. */
static void client_stop(MQTTAsync client) {
    MQTTAsync_disconnectOptions dc = MQTTAsync_disconnectOptions_initializer;

    dc.timeout = 1000;
    if (MQTTAsync_isConnected(client) &&
        MQTTAsync_disconnect(client, &dc) == MQTTASYNC_SUCCESS) {
        int64_t until = pvs_clock_mono_ms() + 1500;

        while (MQTTAsync_isConnected(client) && pvs_clock_mono_ms() < until)
            wait_real(10);
    }
    MQTTAsync_destroy(&client);
}

/*
 * Wait until simulated instant t (real wait = simulated wait / speed), or
 * a stop signal, retrying a failed first connect meanwhile.
 */
static void pace_until(MQTTAsync client, int64_t t, int64_t *next_connect) {
    for (;;) {
        int64_t now = pvs_clock_now_ms(), wait;

        if (atomic_exchange(&connect_failed, 0))
            *next_connect = pvs_clock_mono_ms() + 1000;
        if (*next_connect && pvs_clock_mono_ms() >= *next_connect) {
            /* Only the first connect needs this; Paho retries later. */
            *next_connect = 0;
            mqtt_connect(client);
        }
        if (now >= t)
            break;
        wait = pvs_clock_real_ms(t - now);
        if (wait_real(wait < 200 ? wait : 200))
            break;
    }
}

/* Every device's reading each interval from start to end, or a stop. */
static void publish_all(MQTTAsync client, struct mqtt_opts *o,
                        struct totals *tot) {
    int64_t end_ms = o->start_ms + o->duration_ms, next_connect = 0;
    char iso[64];

    pvs_fmt_iso_utc(o->start_ms, iso, sizeof(iso));
    pvs_info("publishing site '%s' (%zu devices) to '%s' from %s x%g",
             o->site_id, o->ndev, o->broker, iso, o->speed);
    tot->first_ts = -1;
    tot->last_ts = -1;
    for (int64_t t = o->start_ms; t < end_ms && !stopping;
         t += o->interval_ms) {
        pace_until(client, t, &next_connect);
        if (stopping)
            break;
        for (size_t d = 0; d < o->ndev; d++) {
            struct pvsim_reading r;

            pvsim_model_eval(&o->site, d, t, &r);
            tot->readings++;
            if (r.silent) {
                tot->silent++;
                continue;
            }
            publish_reading(client, o, d, &r, tot);
        }
        if (tot->first_ts < 0)
            tot->first_ts = t;
        tot->last_ts = t;
    }
}

static int mqtt_main(int argc, char **argv) {
    struct mqtt_opts *o = pvs_calloc(1, sizeof(*o));
    struct totals *tot = pvs_calloc(1, sizeof(*tot));
    MQTTAsync client = NULL;
    int status = 1;
    bool drained;

    if (parse_args(argc, argv, o))
        goto out;
    start_clock(o);
    if (setup_site(o))
        goto out;
    client = client_start(o);
    if (!client)
        goto out;
    publish_all(client, o, tot);
    drained = drain(client, o, tot);
    pvs_info("published %llu messages (%llu samples), %llu acknowledged, "
             "%llu failed, %llu dropped",
             (unsigned long long)tot->messages,
             (unsigned long long)tot->samples,
             (unsigned long long)atomic_load(&n_acked),
             (unsigned long long)atomic_load(&n_failed),
             (unsigned long long)tot->dropped);
    status = drained && !tot->dropped ? 0 : 2;
    if (!drained)
        pvs_warn("not every message was acknowledged within %lld ms",
                 (long long)o->drain_ms);
    if (o->summary && write_summary(o, tot))
        status = 1;
out:
    if (client)
        client_stop(client);
    pvs_free(tot);
    pvs_free(o);
    return status;
}

int main(int argc, char **argv) {
    /*
     * Block the stop signals before any thread exists, so Paho's threads
     * inherit the mask and only sigtimedwait() ever sees them.
     */
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);

    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fprintf(argc < 2 ? stderr : stdout,
                "usage: pvsim mqtt [options]    publish telemetry over MQTT\n"
                "       pvsim modbus [options]  serve it as a Modbus device\n"
                "Run 'pvsim MODE --help' for a mode's options.\n");
        return argc < 2 ? 1 : 0;
    }
    if (!strcmp(argv[1], "mqtt"))
        return mqtt_main(argc - 1, argv + 1);
    if (!strcmp(argv[1], "modbus"))
        return pvsim_modbus_main(argc - 1, argv + 1);
    fprintf(stderr, "pvsim: unknown mode '%s' (mqtt, modbus)\n", argv[1]);
    return 1;
}
