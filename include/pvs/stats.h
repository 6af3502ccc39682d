/* SPDX-License-Identifier: MIT */
/*
 * stats.h - process-wide counters (samples in, payloads rejected, polls
 * failed, messages sent...), for logs, `/metrics` and tests. Lock-free
 * atomics; any thread may add and read.
 */
#ifndef PVS_STATS_H
#define PVS_STATS_H

#include <stdint.h>

enum pvs_stat {
    PVS_STAT_SAMPLES_IN = 0, /* samples accepted by the engine */
    PVS_STAT_SAMPLES_LATE,   /* stored, too old to feed the rules */
    PVS_STAT_SAMPLES_BAD,    /* out of range or from the future */
    PVS_STAT_MQTT_MESSAGES,  /* MQTT messages received */
    PVS_STAT_MQTT_MALFORMED, /* bad JSON / number / too large */
    PVS_STAT_MQTT_UNKNOWN_DEVICE,
    PVS_STAT_MQTT_UNKNOWN_METRIC,
    PVS_STAT_MQTT_BAD_TOPIC,
    PVS_STAT_MQTT_DROPPED,  /* QoS 0 dropped because the inbox was full */
    PVS_STAT_MQTT_DEFERRED, /* messages that waited for room in the inbox */
    PVS_STAT_MQTT_RECONNECTS,
    PVS_STAT_POLLS_OK,
    PVS_STAT_POLLS_FAILED,
    PVS_STAT_ALERTS_FIRED,
    PVS_STAT_ALERTS_RESOLVED,
    PVS_STAT_TICKETS_OPENED,
    PVS_STAT_MESSAGES_SENT,
    PVS_STAT_MESSAGES_FAILED, /* attempts that failed */
    PVS_STAT_MESSAGES_DEAD,
    PVS_STAT_DB_ERRORS,
    PVS_STAT_SAMPLES_LOST,  /* in a batch whose commit failed */
    PVS_STAT_INGEST_PAUSED, /* times ingest waited for disk space */
    PVS_STAT_BATCHES,
    PVS_STAT_HTTP_2XX, /* HTTP responses by status class */
    PVS_STAT_HTTP_3XX,
    PVS_STAT_HTTP_4XX,
    PVS_STAT_HTTP_5XX,
    PVS_STAT_HTTP_RATE_LIMITED, /* 429s, also counted in 4xx */
    PVS_STAT_LOGIN_HASH_WAITS,  /* requests that waited for a hash slot */
    PVS_STAT_LOGIN_THROTTLED,   /* logins refused by failed-login limits */
    /* Modbus endpoints that went down, by reason (one labelled metric) */
    PVS_STAT_MODBUS_DOWN_REFUSED,
    PVS_STAT_MODBUS_DOWN_UNREACHABLE,
    PVS_STAT_MODBUS_DOWN_TIMEOUT,
    PVS_STAT_MODBUS_DOWN_EXCEPTION,
    PVS_STAT_MODBUS_DOWN_ERROR,
    /* cluster mode: the lease thread and the engine's fence */
    PVS_STAT_CLUSTER_RENEWALS,       /* rounds that renewed the leases */
    PVS_STAT_CLUSTER_RENEW_FAILED,   /* rounds the database failed */
    PVS_STAT_CLUSTER_SLOTS_TAKEN,    /* leases taken */
    PVS_STAT_CLUSTER_SLOTS_RELEASED, /* leases given back */
    PVS_STAT_CLUSTER_SLOTS_LOST,     /* leases expired before renewal */
    PVS_STAT_CLUSTER_FENCE_REFUSED,  /* batches the fence refused */
    PVS_STAT__COUNT
};

/* Values that go up and down, for `/metrics`. */
enum pvs_gauge {
    PVS_GAUGE_CLUSTER_SLOTS = 0, /* slots this worker holds */
    PVS_GAUGE_OUTBOX_CLAIMS,     /* shared outbox rows claimed and held */
    PVS_GAUGE__COUNT
};

void pvs_stats_add(enum pvs_stat s, uint64_t n);
uint64_t pvs_stats_get(enum pvs_stat s);
/* "samples_in", ... */
const char *pvs_stats_name(enum pvs_stat s);
void pvs_stats_reset(void);

void pvs_stats_gauge_set(enum pvs_gauge g, int64_t v);
int64_t pvs_stats_gauge_get(enum pvs_gauge g);
/* The cluster worker's name ("" outside cluster mode): set once, before
 * the threads that read it start. */
void pvs_stats_set_worker(const char *name);
const char *pvs_stats_worker(void);

#endif
