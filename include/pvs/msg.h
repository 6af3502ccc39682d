/* SPDX-License-Identifier: MIT */
/*
 * msg.h - what producers (collectors, the notifier) send to the engine
 * through its bounded inbox (a struct pvs_queue of struct pvs_msg *).
 *
 * Ownership: the producer allocates with pvs_msg_new; after a successful
 * push the engine owns it and frees it with pvs_msg_free. A producer whose
 * push fails still owns the message.
 */
#ifndef PVS_MSG_H
#define PVS_MSG_H

#include <stdbool.h>
#include <stdint.h>
#include "pvs/metrics.h"

struct pvs_command;

enum pvs_msg_type {
    PVS_MSG_SAMPLES = 1,   /* samples[0..nsamples) */
    PVS_MSG_SOURCE_HEALTH, /* a source (mqtt link, endpoint) up or down */
    PVS_MSG_DEVICE_INFO,   /* serial/manufacturer/model read from a device */
    PVS_MSG_DEVICE_STATUS, /* a polled device went offline / came back */
    PVS_MSG_DELIVERY,      /* the notifier's result for one outbox row */
    PVS_MSG_COMMAND,       /* a request from the API: see command.h */
    PVS_MSG_CONFIG,        /* switch to the next configuration (engine.h) */
};

/* Messages wait in the inbox by the tens of thousands: keep them small. */
#define PVS_MSG_TEXT_MAX 64

struct pvs_msg {
    enum pvs_msg_type type;
    uint32_t dev;  /* device index (DEVICE_INFO, DEVICE_STATUS) */
    int64_t ts_ms; /* clock time the message was made */
    /* SOURCE_HEALTH, DEVICE_STATUS */
    bool healthy;
    char source[PVS_MSG_TEXT_MAX]; /* "mqtt", "endpoint:gw1" */
    /* DEVICE_INFO */
    char serial[PVS_MSG_TEXT_MAX];
    char manufacturer[PVS_MSG_TEXT_MAX];
    char model[PVS_MSG_TEXT_MAX];
    /* DELIVERY */
    int64_t outbox_id;
    bool ok;
    bool permanent; /* the receiver refused for good (5xx SMTP) */
    char error[160];
    /* COMMAND (the message holds one reference) */
    struct pvs_command *cmd;
    /* CONFIG: the next configuration (borrowed) and the MQTT link whose
     * health the engine watches from then on (NULL: none) */
    const struct pvs_config *cfg;
    void *mqtt;
    uint64_t seq; /* CONFIG: the switch's number (engine.c) */
    /* SAMPLES */
    bool pooled; /* from the pool of small sample messages (msg.c) */
    size_t nsamples;
    struct pvs_sample samples[];
};

/* New zeroed message with room for nsamples samples (nsamples may be 0). */
struct pvs_msg *pvs_msg_new(enum pvs_msg_type type, size_t nsamples);
void pvs_msg_free(struct pvs_msg *m);
/* For pvs_queue_new's free function. */
void pvs_msg_free_void(void *m);
/* Free the recycled messages kept for reuse (at exit). */
void pvs_msg_pool_drain(void);

#endif
