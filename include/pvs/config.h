/* SPDX-License-Identifier: MIT */
/*
 * config.h - pvsentry's configuration: git-style INI, strict, table-driven.
 *
 * A loaded struct pvs_config is immutable and shared read-only by every
 * thread; modules borrow pointers into it and never free them. Reload
 * builds a whole new config (pvs_config_load on the new file) and the old
 * one is freed only after every thread has switched.
 *
 * Every value keeps its origin (file and line), so any later check can
 * report "file:line: message". Errors are collected (up to
 * PVS_CFG_MAX_ERRORS), not stopped at the first.
 *
 * The section and key tables live in config_schema.c; the parser in
 * config.c knows nothing about particular sections.
 */
#ifndef PVS_CONFIG_H
#define PVS_CONFIG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "pvs/util.h"

#define PVS_CFG_MAX_ERRORS 20

/* Collected "file:line: message" errors. */
struct pvs_cfg_errors {
    char *msg[PVS_CFG_MAX_ERRORS];
    size_t count;   /* stored */
    size_t dropped; /* beyond the cap */
};
void pvs_cfg_error(struct pvs_cfg_errors *e, const char *file, int line,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Order errors by file (first appearance), then line. */
void pvs_cfg_errors_sort(struct pvs_cfg_errors *e);
/* Sort, then print one per line. */
void pvs_cfg_errors_print(struct pvs_cfg_errors *e, FILE *out);
void pvs_cfg_errors_release(struct pvs_cfg_errors *e);

/* One "key = value" line as written, with its origin. */
struct pvs_kv {
    char *key; /* lowercased */
    char *value;
    const char *file; /* owned by the config's file list */
    int line;
};

/* Common head of every section object. */
struct pvs_cfg_obj {
    char *id; /* the quoted name, or NULL for unnamed sections */
    const char *file;
    int line;
    struct pvs_kv *kv; /* every key of the section, in file order */
    size_t nkv;
};
/* The key's entry in obj, or NULL. */
const struct pvs_kv *pvs_cfg_obj_kv(const struct pvs_cfg_obj *obj,
                                    const char *key);
/* Whether a and b (either may be NULL) have the same id and the same keys
 * with the same values in the same order: the same settings. */
bool pvs_cfg_obj_same(const struct pvs_cfg_obj *a, const struct pvs_cfg_obj *b);

struct pvs_cfg_global {
    struct pvs_cfg_obj obj;
    char *database;
    char *log_level;
    char *sim_start;        /* simulated clock start, ISO 8601 or epoch s */
    double sim_speed;       /* simulated clock speed, 0 = wall clock */
    int64_t retention_ms;   /* raw samples kept this long */
    int64_t grace_ms;       /* start-up grace for communication alerts */
    int64_t late_window_ms; /* late samples still feed the rules */
    int64_t reopen_window_ms;
    int64_t batch_ms;      /* under steady ingest, gather this long a batch */
    int64_t min_free_disk; /* bytes: below, ingest pauses */
    int64_t inbox_size;
    char *public_url;
    int64_t tick_ms; /* rule timers granularity, in clock time */
    /* service workflow */
    int64_t escalate_critical_ms; /* unacknowledged -> next person */
    int64_t escalate_warning_ms;
    int64_t escalate_info_ms;   /* 0 = never */
    int64_t notice_delay_ms;    /* customer notice waits; cleared = none */
    double notice_min_kwh;      /* energy lost before a customer notice */
    int64_t survey_delay_ms;    /* after close */
    int64_t survey_interval_ms; /* at most one survey per customer */
    int64_t link_ttl_ms;        /* signed links in messages expire */
    char *link_secret;          /* file with the key for signed links */
    char *escalation_contact;   /* technician told when escalation ends */
    /* a message claimed from a shared outbox (PostgreSQL) stays its
     * sender's this long after the sender was last heard of */
    int64_t outbox_claim_ms;
};

struct pvs_cfg_mqtt {
    struct pvs_cfg_obj obj;
    char *uri; /* tcp://, mqtt://, ssl://, mqtts:// */
    char *client_id;
    int64_t qos;
    char **topics; /* NULL-terminated; default pvsentry/# */
    size_t ntopics;
    char *credentials; /* file: "username:password" on one line */
    char *ca_file;
    int64_t keepalive_ms;
    bool clean_session;
    int64_t max_payload;
};

struct pvs_cfg_smtp {
    struct pvs_cfg_obj obj;
    char *url; /* smtp://host:port, smtps://, STARTTLS with starttls */
    char *from;
    char *credentials;
    bool starttls;
    char *ca_file;
    int64_t timeout_ms;
    int64_t retry_min_ms;
    int64_t retry_max_ms;
    int64_t give_up_ms;
    int64_t max_connections; /* mails in flight at once */
};

struct pvs_person {
    struct pvs_cfg_obj obj;
    char *name;
    char *email;
    char *phone;
    char *language;
    size_t index;
    /* technicians */
    char **skills; /* vendors and rule families; none = everything */
    size_t nskills;
    char **areas; /* site ids or site areas; none = everywhere */
    size_t nareas;
    char *hours;    /* working hours "mon-fri 08:00-18:00"; none = always */
    char *timezone; /* of hours; default UTC */
    /* customers */
    char *quiet_hours; /* "21:00-08:00" in the site's time; notices wait */
    char *channel;     /* email or sms */
    bool opt_out;      /* no non-essential notices */
};

/* A team: an on-call rota and a lead for escalations. */
struct pvs_team {
    struct pvs_cfg_obj obj;
    char **members; /* technician ids, rota order */
    size_t nmembers;
    char *lead;             /* technician id */
    int64_t rota_period_ms; /* on-call shift length */
    char *rota_start;       /* ISO 8601 instant the rota starts */
    int64_t rota_start_ms;
    const struct pvs_person **member_refs;
    const struct pvs_person *lead_ref;
};

struct pvs_site {
    struct pvs_cfg_obj obj;
    char *name;
    char *address;
    double latitude, longitude;
    char *timezone; /* IANA name */
    double kwp;
    double tilt, azimuth; /* degrees; azimuth 180 = south */
    char *access_notes;
    char *customer_id;
    char *technician_id;
    char *area; /* region name for routing and mass outages */
    const struct pvs_person *customer;   /* resolved, or NULL */
    const struct pvs_person *technician; /* resolved, or NULL */
    double loss_factor; /* system losses, 0..1 (default 0.14) */
    size_t index;
};

struct pvs_endpoint {
    struct pvs_cfg_obj obj;
    char *url; /* tcp://host:port or rtu:///dev/ttyX */
    int64_t baud;
    char *parity; /* N, E, O */
    int64_t data_bits;
    int64_t stop_bits;
    int64_t timeout_ms;
    int64_t offline_after; /* failed polls before "offline" */
    int64_t backoff_max_ms;
    size_t index;
};

struct pvs_mqtt_map_cfg;

struct pvs_device {
    struct pvs_cfg_obj obj;
    char *site_id;
    const struct pvs_site *site;
    char *kind;     /* inverter, meter, sensor, logger, battery */
    double kwp;     /* DC array on this device; 0 = share of the site */
    double rated_w; /* AC rating, for clipping; 0 = unknown */
    int64_t mppt_inputs;
    char *vendor;
    char *model;
    char *label; /* the customer's name for it ("garage roof"); or NULL */
    /* Modbus source (none when endpoint is NULL) */
    char *endpoint_id;
    const struct pvs_endpoint *endpoint;
    int64_t unit_id;
    char *profile; /* "sunspec" or a [map] name */
    int64_t interval_ms;
    /* MQTT gateways: the serial number or name the gateway publishes
     * under, and the [mqtt_map] that carries the device (or NULL) */
    char *serial;
    const struct pvs_mqtt_map_cfg *mqtt_map;
    size_t index;
};

/*
 * [mqtt_map "id"]: the topic layout of a gateway that already publishes a
 * site's telemetry (OpenDTU, Venus OS, a Shelly meter...). The config
 * resolves the keys below; the layout itself (preset, prefix, topic,
 * field.*, ac.*, dc.*, keepalive...) is read from obj.kv by
 * collector/mqtt_map.c, which reports its errors at their lines.
 */
struct pvs_mqtt_map_cfg {
    struct pvs_cfg_obj obj;
    char *preset;
    char *site_id; /* devices looked up by serial on this site; NULL = all */
    const struct pvs_site *site;
    char **devices; /* "SERIAL DEVICE" pairs, or one "DEVICE" for topics
                       that name no device */
    size_t ndevices;
    char *gateway_id; /* the device (kind logger) that is the gateway */
    const struct pvs_device *gateway;
    size_t index;
};

struct pvs_rule_cfg {
    struct pvs_cfg_obj obj; /* unknown keys are the family's parameters */
    char *family;
    char *site_id;   /* scope, NULL = every site */
    char *device_id; /* scope, NULL = every device of the scope */
    char *severity;
    int64_t for_ms;      /* -1 = family default */
    int64_t recovery_ms; /* -1 = family default */
    bool enabled;
};

struct pvs_map {
    struct pvs_cfg_obj obj;
    char *word_order; /* default for its registers: big | little */
    char *description;
};

struct pvs_register {
    struct pvs_cfg_obj obj; /* id is "map/metric" */
    char *map_id;
    char *metric;
    const struct pvs_map *map;
    int64_t address;
    char *function;   /* holding | input */
    char *type;       /* int16 uint16 int32 uint32 float32 int64 uint64 */
    char *word_order; /* NULL = the map's */
    double scale;
    double offset;
    char *unit;
};

/*
 * A silence or maintenance window: alerts it covers are still recorded
 * but not notified (rules/silence.c). Every scope key is optional; a
 * silence with none covers every alert in its time range.
 */
struct pvs_silence {
    struct pvs_cfg_obj obj;
    char *site_id;   /* NULL = every site */
    char *device_id; /* NULL = every device of the scope */
    char *rule;      /* a family or a [rule] id; NULL = every rule */
    char *start;     /* ISO 8601 as written; NULL = from the beginning */
    char *end;       /* ISO 8601 as written (required) */
    char *reason;
    const struct pvs_site *site;     /* resolved, or NULL */
    const struct pvs_device *device; /* resolved, or NULL */
    int64_t start_ms, end_ms; /* covers start_ms <= t < end_ms (UTC ms) */
    size_t index;
};

/*
 * [http]: the HTTP API and dashboard (web/). Without the section there is
 * no server.
 */
struct pvs_cfg_http {
    struct pvs_cfg_obj obj;
    char *listen;       /* address to bind, default 127.0.0.1 */
    int64_t port;       /* default 8080 */
    char *tls_cert;     /* PEM; with tls_key: serve HTTPS directly */
    char *tls_key;      /* PEM */
    int64_t session_ms; /* dashboard session lifetime */
    int64_t rate_limit; /* requests per second per client, 0 = off */
    int64_t rate_burst; /* requests a client may send at once */
    int64_t max_body;   /* request body cap, bytes (413 beyond) */
    int64_t threads;    /* worker threads */
    int64_t max_connections;
    int64_t max_client_connections; /* per client address */
    int64_t login_attempts;         /* failed logins per account, then 429 */
    int64_t login_lockout_ms;       /* longest refusal after failed logins */
    int64_t timeout_ms;             /* idle connection timeout */
    char *static_dir;       /* dashboard files; NULL = next to the binary */
    char *chartjs_dir;      /* Debian's libjs-chart.js */
    char *admin_token_file; /* bootstrap admin token, one line */
    bool trust_proxy;       /* client address from X-Forwarded-For */
    bool secure_cookies;    /* Secure cookies behind a TLS proxy */
    int64_t personal_retention_ms; /* notices, survey comments; 0 = keep */
};

/*
 * [cluster]: several `pvsentry run` workers share the fleet on one
 * PostgreSQL database (core/daemon/cluster_worker.c). Without the section, or
 * with enabled = false, pvsentry runs alone.
 */
struct pvs_cfg_cluster {
    struct pvs_cfg_obj obj;
    bool enabled;
    char *worker;     /* this worker's name; NULL = hostname:pid */
    int64_t slots;    /* K, fixed when the cluster's database is made */
    int64_t lease_ms; /* a slot's lease lasts this long unless renewed */
    int64_t renew_ms; /* leases are renewed this often */
};

/*
 * A webhook receiver, [webhook "id"]. The engine posts the message kinds
 * listed in events (every kind when events is empty) as JSON in format;
 * the outbox job's recipient is the webhook id.
 */
struct pvs_cfg_webhook {
    struct pvs_cfg_obj obj;
    char *url;         /* http:// or https:// */
    char *secret;      /* HMAC-SHA256 key, inline */
    char *secret_file; /* or the first line of this file */
    char *format;      /* json | alertmanager */
    char **events;     /* NULL-terminated kinds: alert, recovered... */
    size_t nevents;
    int64_t timeout_ms;
    int64_t retry_min_ms;
    int64_t retry_max_ms;
    int64_t give_up_ms;
    int64_t max_connections; /* requests in flight at once */
    size_t index;
};

/*
 * The SMS gateway, [sms]: a generic HTTP API. In url and body, {to},
 * {text} and {from} are replaced by the URL-encoded values (JSON-escaped
 * in a body whose content_type is application/json).
 */
struct pvs_cfg_sms {
    struct pvs_cfg_obj obj;
    char *url;          /* http(s) template with {to}, and {text} for GET */
    char *method;       /* GET | POST */
    char *body;         /* POST body template */
    char *content_type; /* of the POST body */
    char *auth_header;  /* "Name: value", sent as is */
    char *credentials;  /* file "user:password": HTTP basic auth */
    char *from;         /* sender name or number for {from} */
    int64_t timeout_ms;
    int64_t retries; /* attempts after the first before giving up */
    int64_t retry_min_ms;
    int64_t retry_max_ms;
    int64_t give_up_ms;
    int64_t max_connections; /* requests in flight at once */
};

struct pvs_config {
    char *path;   /* the top-level file */
    char **files; /* every file read (include), owned */
    size_t nfiles;

    struct pvs_cfg_global global;
    struct pvs_cfg_mqtt *mqtt; /* NULL: no MQTT */
    struct pvs_cfg_smtp *smtp; /* NULL: no mail */

    struct pvs_site **sites;
    size_t nsites;
    struct pvs_device **devices;
    size_t ndevices;
    struct pvs_person **technicians;
    size_t ntechnicians;
    struct pvs_person **customers;
    size_t ncustomers;
    struct pvs_rule_cfg **rules;
    size_t nrules;
    struct pvs_endpoint **endpoints;
    size_t nendpoints;
    struct pvs_map **maps;
    size_t nmaps;
    struct pvs_register **registers;
    size_t nregisters;
    struct pvs_silence **silences;
    size_t nsilences;
    struct pvs_team **teams;
    size_t nteams;
    struct pvs_cfg_webhook **webhooks;
    size_t nwebhooks;
    struct pvs_mqtt_map_cfg **mqtt_maps;
    size_t nmqtt_maps;
    struct pvs_cfg_sms *sms;         /* NULL: no SMS */
    struct pvs_cfg_http *http;       /* NULL: no HTTP server */
    struct pvs_cfg_cluster *cluster; /* NULL: no cluster */
};

/*
 * Load and validate path (following include globs). On success *ret owns a
 * new config and PVS_OK is returned; otherwise every error is in errs and
 * PVS_ERR_CONFIG is returned. errs must be zero-initialised.
 */
enum pvs_err pvs_config_load(const char *path, struct pvs_config **ret,
                             struct pvs_cfg_errors *errs);
void pvs_config_free(struct pvs_config *cfg);
/*
 * Like pvs_config_load, but returns the config even when errs has errors
 * (references that failed are NULL), so that later checks (rule
 * parameters) can report their errors in the same run. Caller frees.
 */
struct pvs_config *pvs_config_load_all(const char *path,
                                       struct pvs_cfg_errors *errs);

/*
 * The checks cluster mode adds across sections (core/model/config_cluster.c):
 * the PostgreSQL store, renew against lease, each Modbus endpoint serving
 * one site, persistent MQTT sessions. Errors at their file:line.
 */
void pvs_cluster_config_check(const struct pvs_config *cfg,
                              struct pvs_cfg_errors *errs);

const struct pvs_site *pvs_config_site(const struct pvs_config *cfg,
                                       const char *id);
const struct pvs_device *pvs_config_device(const struct pvs_config *cfg,
                                           const char *id);
/*
 * DC array in kWp behind a device: the device's kwp when set, else the
 * site's kwp shared evenly between the site's inverters. 0 = unknown.
 */
double pvs_config_device_kwp(const struct pvs_config *cfg,
                             const struct pvs_device *dev);
const struct pvs_person *pvs_config_technician(const struct pvs_config *cfg,
                                               const char *id);
const struct pvs_person *pvs_config_customer(const struct pvs_config *cfg,
                                             const char *id);

const struct pvs_cfg_webhook *pvs_config_webhook(const struct pvs_config *cfg,
                                                 const char *id);
/*
 * Whether webhook w receives messages of kind (alert, recovered,
 * escalation, ticket): every kind when its events list is empty.
 */
bool pvs_config_webhook_wants(const struct pvs_cfg_webhook *w,
                              const char *kind);

/* How a channel retries: the notifier's backoff and give-up. */
struct pvs_cfg_retry {
    int64_t min_ms;       /* first delay, doubled after each attempt */
    int64_t max_ms;       /* ceiling of the delay */
    int64_t give_up_ms;   /* since the message was made */
    int64_t max_attempts; /* 0 = no limit but give_up_ms */
};
/*
 * The retry settings for a message on channel to recipient: [smtp] for
 * email, [webhook "recipient"] for webhook, [sms] for sms; built-in
 * defaults (10s doubling to 30m, give up after 2d) otherwise. Any thread.
 */
void pvs_config_retry(const struct pvs_config *cfg, const char *channel,
                      const char *recipient, struct pvs_cfg_retry *ret);

/*
 * Value parsers shared with every module that validates its own keys
 * (rule parameters, register maps). Each returns PVS_ERR_INVAL with a
 * message ("expected a duration such as 90s, 15m or 2h") in msg.
 */
enum pvs_err pvs_cfg_parse_duration(const char *s, int64_t *ret_ms, char *msg,
                                    size_t msgsize);
enum pvs_err pvs_cfg_parse_size(const char *s, int64_t *ret_bytes, char *msg,
                                size_t msgsize);
enum pvs_err pvs_cfg_parse_bool(const char *s, bool *ret, char *msg,
                                size_t msgsize);

/*
 * Like pvs_config_load_all, with the objects of objs (entity.h: those the
 * API created, as the store reads them; may be NULL) loaded after the
 * file's sections, through the same keys, checks and references. Each
 * object's origin stands for file and its line is 0, so an error in one
 * reads "ORIGIN: message" (the store names the database, the entity and
 * the id). An object whose id the file defines for its section is left
 * out (the file wins). Caller frees.
 */
struct pvs_entity_objs;
struct pvs_config *pvs_config_load_objs(const char *path,
                                        const struct pvs_entity_objs *objs,
                                        struct pvs_cfg_errors *errs);
/*
 * pvs_config_load_objs with only the sites keep(ud, id) keeps (a cluster
 * worker's slots), and what hangs on them: their devices, gateway maps,
 * the rules and silences scoped to them, and the endpoints they use.
 */
struct pvs_config *
pvs_config_load_view(const char *path, const struct pvs_entity_objs *objs,
                     bool (*keep)(void *ud, const char *site), void *ud,
                     struct pvs_cfg_errors *errs);
/* Whether obj came from the database (pvs_config_load_objs). */
bool pvs_config_obj_from_store(const struct pvs_cfg_obj *obj);

/*
 * Every section and key of the tables, tab-separated, for the manual page
 * generator (tools/gen_conf_man.py): "section NAME named|single
 * open|closed", then per key "key SECTION KEY TYPE DEFAULT MIN MAX
 * CHOICES required|optional" (empty fields when there is none).
 */
void pvs_config_schema_print(FILE *out);

#endif
