/* SPDX-License-Identifier: MIT */
/* stats.c - process-wide counters. */
#include <stdatomic.h>

#include "pvs/stats.h"
#include "pvs/util.h"

/* One cache line each: the receivers and the engine count at the same
 * time, and counters sharing a line made each add a cache miss. */
static struct { _Alignas(64) _Atomic uint64_t v; } counters[PVS_STAT__COUNT];

static const char *const names[PVS_STAT__COUNT] = {
    [PVS_STAT_SAMPLES_IN] = "samples_in",
    [PVS_STAT_SAMPLES_LATE] = "samples_late",
    [PVS_STAT_SAMPLES_BAD] = "samples_bad",
    [PVS_STAT_MQTT_MESSAGES] = "mqtt_messages",
    [PVS_STAT_MQTT_MALFORMED] = "mqtt_malformed",
    [PVS_STAT_MQTT_UNKNOWN_DEVICE] = "mqtt_unknown_device",
    [PVS_STAT_MQTT_UNKNOWN_METRIC] = "mqtt_unknown_metric",
    [PVS_STAT_MQTT_BAD_TOPIC] = "mqtt_bad_topic",
    [PVS_STAT_MQTT_DROPPED] = "mqtt_dropped",
    [PVS_STAT_MQTT_DEFERRED] = "mqtt_deferred",
    [PVS_STAT_MQTT_RECONNECTS] = "mqtt_reconnects",
    [PVS_STAT_POLLS_OK] = "polls_ok",
    [PVS_STAT_POLLS_FAILED] = "polls_failed",
    [PVS_STAT_ALERTS_FIRED] = "alerts_fired",
    [PVS_STAT_ALERTS_RESOLVED] = "alerts_resolved",
    [PVS_STAT_TICKETS_OPENED] = "tickets_opened",
    [PVS_STAT_MESSAGES_SENT] = "messages_sent",
    [PVS_STAT_MESSAGES_FAILED] = "messages_failed",
    [PVS_STAT_MESSAGES_DEAD] = "messages_dead",
    [PVS_STAT_DB_ERRORS] = "db_errors",
    [PVS_STAT_SAMPLES_LOST] = "samples_lost",
    [PVS_STAT_INGEST_PAUSED] = "ingest_paused",
    [PVS_STAT_BATCHES] = "batches",
    [PVS_STAT_HTTP_2XX] = "http_2xx",
    [PVS_STAT_HTTP_3XX] = "http_3xx",
    [PVS_STAT_HTTP_4XX] = "http_4xx",
    [PVS_STAT_HTTP_5XX] = "http_5xx",
    [PVS_STAT_HTTP_RATE_LIMITED] = "http_rate_limited",
    [PVS_STAT_LOGIN_HASH_WAITS] = "hash_slot_waits",
    [PVS_STAT_LOGIN_THROTTLED] = "login_throttled",
    [PVS_STAT_MODBUS_DOWN_REFUSED] = "modbus_down_refused",
    [PVS_STAT_MODBUS_DOWN_UNREACHABLE] = "modbus_down_unreachable",
    [PVS_STAT_MODBUS_DOWN_TIMEOUT] = "modbus_down_timeout",
    [PVS_STAT_MODBUS_DOWN_EXCEPTION] = "modbus_down_exception",
    [PVS_STAT_MODBUS_DOWN_ERROR] = "modbus_down_error",
    [PVS_STAT_CLUSTER_RENEWALS] = "cluster_lease_renewals",
    [PVS_STAT_CLUSTER_RENEW_FAILED] = "cluster_lease_renew_failures",
    [PVS_STAT_CLUSTER_SLOTS_TAKEN] = "cluster_slots_taken",
    [PVS_STAT_CLUSTER_SLOTS_RELEASED] = "cluster_slots_released",
    [PVS_STAT_CLUSTER_SLOTS_LOST] = "cluster_slots_lost",
    [PVS_STAT_CLUSTER_FENCE_REFUSED] = "cluster_fence_refusals",
};

static _Atomic int64_t gauges[PVS_GAUGE__COUNT];
static char worker[160];

void pvs_stats_add(enum pvs_stat s, uint64_t n) {
    PVS_ASSERT((unsigned)s < PVS_STAT__COUNT);
    atomic_fetch_add_explicit(&counters[s].v, n, memory_order_relaxed);
}

uint64_t pvs_stats_get(enum pvs_stat s) {
    PVS_ASSERT((unsigned)s < PVS_STAT__COUNT);
    return atomic_load_explicit(&counters[s].v, memory_order_relaxed);
}

const char *pvs_stats_name(enum pvs_stat s) {
    return (unsigned)s < PVS_STAT__COUNT ? names[s] : "unknown";
}

void pvs_stats_reset(void) {
    for (int i = 0; i < PVS_STAT__COUNT; i++)
        atomic_store(&counters[i].v, 0);
    for (int i = 0; i < PVS_GAUGE__COUNT; i++)
        atomic_store(&gauges[i], 0);
}

void pvs_stats_gauge_set(enum pvs_gauge g, int64_t v) {
    PVS_ASSERT((unsigned)g < PVS_GAUGE__COUNT);
    atomic_store_explicit(&gauges[g], v, memory_order_relaxed);
}

int64_t pvs_stats_gauge_get(enum pvs_gauge g) {
    PVS_ASSERT((unsigned)g < PVS_GAUGE__COUNT);
    return atomic_load_explicit(&gauges[g], memory_order_relaxed);
}

void pvs_stats_set_worker(const char *name) {
    pvs_strlcpy(worker, name ? name : "", sizeof(worker));
}

const char *pvs_stats_worker(void) {
    return worker;
}
