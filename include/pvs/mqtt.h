/* SPDX-License-Identifier: MIT */
/*
 * mqtt.h - MQTT ingest (Paho MQTTAsync) and the topic/payload mapping.
 *
 * Topic layouts (DESIGN.md "Collector"):
 *   pvsentry/{site}/{device}           JSON object of canonical metrics,
 *                                      optional "ts" (epoch s or ISO 8601)
 *   pvsentry/{site}/{device}/{metric}  a plain number (state: its name)
 * and the layouts of gateways, [mqtt_map "id"] sections, optionally
 * starting from a preset (docs/mqtt-presets.md).
 */
#ifndef PVS_MQTT_H
#define PVS_MQTT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "pvs/config.h"
#include "pvs/msg.h"
#include "pvs/queue.h"

struct cJSON;

/* ---- mapping (collector/mqtt_map.c): pure, thread-safe once built ---- */

struct pvs_mqtt_map;

enum pvs_mqtt_result {
    PVS_MQTT_OK = 0,
    PVS_MQTT_BAD_TOPIC,      /* not one of the layouts */
    PVS_MQTT_UNKNOWN_DEVICE, /* no such device on that site */
    PVS_MQTT_UNKNOWN_METRIC, /* flat layout with a metric outside the list */
    PVS_MQTT_MALFORMED,      /* bad JSON, bad number, bad timestamp */
    PVS_MQTT_EMPTY,          /* valid but carries no known metric */
    PVS_MQTT_IGNORED,        /* a gateway's topic that carries nothing mapped */
};

/*
 * Index of cfg's devices and [mqtt_map] layouts for topic lookup. cfg
 * must outlive the map. A layout with errors is left out (logged); run
 * pvs_mqtt_map_check first to report them.
 */
struct pvs_mqtt_map *pvs_mqtt_map_new(const struct pvs_config *cfg);
void pvs_mqtt_map_free(struct pvs_mqtt_map *map);

/*
 * Turn one message into samples. On PVS_MQTT_OK *ret is a new
 * PVS_MSG_SAMPLES message the caller owns. *ret_unknown counts fields that
 * were skipped (unknown metrics, bad values). why receives a short reason
 * on failure. now_ms stamps samples whose payload has no "ts".
 *
 * payload is len bytes as Paho delivers them (no terminator needed). The
 * JSON layout takes one RFC 8259 object and nothing else (whitespace
 * aside), nested at most 64 levels; at most 256 samples are kept. The
 * flat layout's value is at most 127 bytes. Any thread.
 */
enum pvs_mqtt_result pvs_mqtt_map_parse(const struct pvs_mqtt_map *map,
                                        const char *topic, const void *payload,
                                        size_t len, int64_t now_ms,
                                        struct pvs_msg **ret,
                                        size_t *ret_unknown, char *why,
                                        size_t whysize);

/*
 * Check every [mqtt_map] of cfg with its preset applied: unknown keys,
 * patterns, metrics, units, and topics that can never match a configured
 * device. Every error goes to errs at its file:line. A topic no device
 * can match is an error when strict (pvsentry check), else only logged
 * as a warning at its file:line (the daemon: a device the API registers
 * later makes it match). Main thread.
 */
void pvs_mqtt_map_check(const struct pvs_config *cfg,
                        struct pvs_cfg_errors *errs, bool strict);

/*
 * The API's check of a map (an entity check, pvs_entity_set_check): obj
 * is the JSON of a POST or PATCH /mqtt-maps (its "preset", "devices" and
 * "settings"); the same checks as pvs_mqtt_map_check's on the section's
 * lines, but devices are not looked up. On PVS_ERR_INVAL field names
 * the member at fault ("settings.topic") and msg what is expected. A
 * PATCH (create false) is checked for what it carries. Any thread.
 */
enum pvs_err pvs_mqtt_map_validate_json(const struct cJSON *obj, bool create,
                                        char *field, size_t fieldsize,
                                        char *msg, size_t msgsize);

/*
 * The MQTT subscription filters the layouts need ("solar/+/+/+"), and
 * the keep-alives to publish (Venus OS publishes only while asked).
 * Borrowed from map; *ret_n is set.
 */
const char *const *pvs_mqtt_map_filters(const struct pvs_mqtt_map *map,
                                        size_t *ret_n);
struct pvs_mqtt_keepalive {
    const char *topic;
    int64_t every_ms;
};
const struct pvs_mqtt_keepalive *
pvs_mqtt_map_keepalives(const struct pvs_mqtt_map *map, size_t *ret_n);

/* A preset's lines, as if written in the section. */
struct pvs_mqtt_preset_kv {
    const char *key;
    const char *value;
};
/* The preset's lines (NULL key ends them), or NULL when unknown. */
const struct pvs_mqtt_preset_kv *pvs_mqtt_preset_find(const char *name);
/* The i-th preset's name, NULL past the last. */
const char *pvs_mqtt_preset_name(size_t i);

/*
 * mqtt-learn: recognise the presets' layouts in what a broker carries.
 * A learner tries every preset (but statestream, whose entities people
 * name) with any prefix and any serial. Single thread.
 */
struct pvs_mqtt_learner;
struct pvs_mqtt_guess {
    const char *preset; /* static */
    char prefix[96];
    char serial[96];  /* "" for a gateway-level topic */
    char service[32]; /* the level that names the serial's kind of device
                         (Venus OS "grid" in N/PORTAL/grid/30/...), or "" */
    const char *kind; /* static: "meter", "battery", "inverter" from the
                         metrics seen, or NULL when they do not say */
    bool health;      /* the topic carries only a link state */
    size_t nsamples;
};
struct pvs_mqtt_learner *pvs_mqtt_learner_new(void);
void pvs_mqtt_learner_free(struct pvs_mqtt_learner *ln);
/* Whether some preset maps the message to samples; *out says how. */
bool pvs_mqtt_learner_guess(struct pvs_mqtt_learner *ln, const char *topic,
                            const void *payload, size_t len,
                            struct pvs_mqtt_guess *out);
/* Whether topic is one of preset's topics under prefix (mapped or not). */
bool pvs_mqtt_learner_belongs(struct pvs_mqtt_learner *ln, const char *preset,
                              const char *prefix, const char *topic);

/*
 * A config as `pvsentry run` would run it (the file and the API's
 * objects), or NULL with the errors printed; the caller frees it.
 */
typedef struct pvs_config *pvs_mqtt_learn_load_fn(const char *path);
/* pvsentry mqtt-learn -c FILE [--seconds N] [--topic FILTER] [--site ID]
 * (collector/mqtt_learn.c); load reads FILE */
int pvs_mqtt_learn_main(int argc, char **argv, pvs_mqtt_learn_load_fn *load);

/* ---- the client (collector/mqtt.c) ---- */

struct pvs_mqtt;

/* cfg->mqtt must be set. cfg and inbox are borrowed. Main thread. */
enum pvs_err pvs_mqtt_new(const struct pvs_config *cfg, struct pvs_queue *inbox,
                          struct pvs_mqtt **ret);
/*
 * Cluster mode: the link of one slot, connecting as client_id with a
 * persistent session and subscribed to topics (ntopics of them, copied)
 * instead of [mqtt]'s topics and the gateway layouts' filters; messages
 * are mapped with cfg's devices as pvs_mqtt_new's are. Main thread.
 */
enum pvs_err pvs_mqtt_new_slot(const struct pvs_config *cfg,
                               struct pvs_queue *inbox, const char *client_id,
                               const char *const *topics, size_t ntopics,
                               struct pvs_mqtt **ret);
/*
 * A slot's link unsubscribes from topics (n of them, copied) at each
 * connection, before it subscribes: the filters of sites that left the
 * slot, which its persistent session keeps. Before pvs_mqtt_start.
 */
void pvs_mqtt_forget(struct pvs_mqtt *m, const char *const *topics, size_t n);
/* Connect in the background; retries until it succeeds. */
enum pvs_err pvs_mqtt_start(struct pvs_mqtt *m);
/* Connected and subscribed. Any thread. */
bool pvs_mqtt_healthy(void *m);
/*
 * Live changes. pvs_mqtt_pause holds the message callback (it waits at
 * its start) so that the caller can put a marker in the inbox between the
 * messages of two configurations; pvs_mqtt_resume(m, cfg) takes cfg's
 * devices and gateway maps (cfg borrowed, with the same [mqtt] settings
 * and layouts as before; NULL keeps the current one) and lets messages
 * flow again. The connection and its session stay. Main thread.
 */
void pvs_mqtt_pause(struct pvs_mqtt *m);
void pvs_mqtt_resume(struct pvs_mqtt *m, const struct pvs_config *cfg);
void pvs_mqtt_stop(struct pvs_mqtt *m);
void pvs_mqtt_free(struct pvs_mqtt *m);

#endif
