/* SPDX-License-Identifier: MIT */
/*
 * config_schema.c - what every section and key means: the tables, the
 * defaults, ranges and references. Adding a key is one table line.
 *
 * DESIGN
 * Each key names a type, an offset into its section's struct, a default
 * and a range; one generic function applies them. Checks that span
 * sections (references, paths) run after every section is applied, so one
 * run reports every problem in the file, each at its own line.
 */
#define PVS_LOG_MODULE "config"
#include <ctype.h>
#include <pthread.h>
#include <errno.h>
#include <libgen.h>
#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config_int.h"
#include "pvs/clock.h"
#include "pvs/entity.h"
#include "pvs/log.h"
#include "pvs/metrics.h"
#include "pvs/alert.h"
#include "pvs/tz.h"

enum ktype {
    K_STR,
    K_INT,
    K_DOUBLE,
    K_DURATION,
    K_SIZE,
    K_BOOL,
    K_ENUM,
    K_LIST,
    K_PATH,  /* a file name, relative to the file that names it */
    K_STORE, /* K_PATH, sqlite:PATH (kept as PATH) or a server URL (whole) */
};

struct key_def {
    const char *name;
    enum ktype type;
    size_t off;
    const char *def; /* default, parsed like a value; NULL = none */
    double min, max; /* for numbers; durations in ms; 0/0 = no range */
    const char *const *choices; /* K_ENUM */
    bool required;
};

struct section_def {
    const char *name;
    bool named;
    size_t size;
    const struct key_def *keys;
    bool open; /* unknown keys are allowed (rule family parameters) */
    size_t arr_off, n_off; /* array of pointers in struct pvs_config */
    size_t single_off;     /* pointer in struct pvs_config, unnamed */
};

#define NONE 0, 0
static const char *const log_levels[] = {"error", "warn", "info", "debug",
                                         NULL};
static const char *const severities[] = {"info", "warning", "critical", NULL};
static const char *const functions[] = {"holding", "input", NULL};
static const char *const reg_types[] = {"int16",   "uint16",  "int32",
                                        "uint32",  "int64",   "uint64",
                                        "float32", "float64", NULL};
static const char *const word_orders[] = {"big", "little", NULL};

/*
 * The entity sections' keys come from their field tables (entity.c),
 * built once; entity_fields holds the field behind each key for the
 * checks a key_def does not carry (text length, the field's own check).
 */
enum {
    ENT_SITE,
    ENT_DEVICE,
    ENT_TECH,
    ENT_CUST,
    ENT_EP,
    ENT_SIL,
    ENT_MQM,
    ENT_N
};
#define ENTITY_KEYS_MAX 24
static const char *const entity_sections[ENT_N] = {
    "site",     "device",  "technician", "customer",
    "endpoint", "silence", "mqtt_map"};
static struct key_def entity_keys[ENT_N][ENTITY_KEYS_MAX];
static const struct pvs_field *entity_fields[ENT_N][ENTITY_KEYS_MAX];
static pthread_once_t entity_once = PTHREAD_ONCE_INIT;

static enum ktype key_type(enum pvs_ftype t) {
    switch (t) {
    case PVS_FT_INT:
        return K_INT;
    case PVS_FT_DOUBLE:
        return K_DOUBLE;
    case PVS_FT_DURATION:
        return K_DURATION;
    case PVS_FT_BOOL:
        return K_BOOL;
    case PVS_FT_ENUM:
        return K_ENUM;
    case PVS_FT_LIST:
        return K_LIST;
    default:
        return K_STR; /* text; TIME is parsed with the silence's site */
    }
}

static void entity_keys_build(void) {
    for (size_t i = 0; i < ENT_N; i++) {
        const struct pvs_entity *e = pvs_entity_find(entity_sections[i]);
        size_t n = 0;

        PVS_ASSERT(e);
        for (size_t f = 0; f < e->nfields; f++) {
            const struct pvs_field *x = &e->fields[f];
            struct key_def *k = &entity_keys[i][n];
            bool num = x->type == PVS_FT_INT || x->type == PVS_FT_DOUBLE ||
                       x->type == PVS_FT_DURATION;

            if (!x->key)
                continue;
            PVS_ASSERT(n + 1 < ENTITY_KEYS_MAX);
            k->name = x->key;
            k->type = key_type(x->type);
            k->off = x->off;
            k->def = x->def;
            k->min = num ? x->min : 0;
            k->max = num ? x->max : 0;
            k->choices = x->choices;
            k->required = x->flags & PVS_FIELD_REQUIRED;
            entity_fields[i][n++] = x;
        }
    }
}

static void entity_keys_init(void) {
    pthread_once(&entity_once, entity_keys_build);
}

/* The entity field behind key k, or NULL for the daemon's own keys. */
static const struct pvs_field *field_of(const struct key_def *k) {
    uintptr_t p = (uintptr_t)k;

    for (size_t i = 0; i < ENT_N; i++) {
        uintptr_t lo = (uintptr_t)entity_keys[i];
        if (p >= lo && p < lo + sizeof(entity_keys[i]))
            return entity_fields[i][(p - lo) / sizeof(struct key_def)];
    }
    return NULL;
}

#define G(f) offsetof(struct pvs_cfg_global, f)
static const struct key_def global_keys[] = {
    {"database", K_STORE, G(database), "pvsentry.db", NONE, NULL, false},
    {"log_level", K_ENUM, G(log_level), "info", NONE, log_levels, false},
    {"sim_start", K_STR, G(sim_start), NULL, NONE, NULL, false},
    {"sim_speed", K_DOUBLE, G(sim_speed), "0", 0, 100000, NULL, false},
    {"retention", K_DURATION, G(retention_ms), "90d", 3600e3, 3650 * 86400e3,
     NULL, false},
    {"grace_period", K_DURATION, G(grace_ms), "10m", 0, 86400e3, NULL, false},
    {"late_window", K_DURATION, G(late_window_ms), "15m", 0, 7 * 86400e3, NULL,
     false},
    {"reopen_window", K_DURATION, G(reopen_window_ms), "24h", 0, 90 * 86400e3,
     NULL, false},
    {"batch_interval", K_DURATION, G(batch_ms), "50ms", 1, 60e3, NULL, false},
    {"min_free_disk", K_SIZE, G(min_free_disk), "64m", 0, 1099511627776.0, NULL,
     false},
    {"inbox_size", K_INT, G(inbox_size), "65536", 16, 16777216, NULL, false},
    {"public_url", K_STR, G(public_url), "http://localhost:8080", NONE, NULL,
     false},
    {"tick", K_DURATION, G(tick_ms), "30s", 100, 3600e3, NULL, false},
    {"escalate_critical", K_DURATION, G(escalate_critical_ms), "30m", 0,
     7 * 86400e3, NULL, false},
    {"escalate_warning", K_DURATION, G(escalate_warning_ms), "4h", 0,
     7 * 86400e3, NULL, false},
    {"escalate_info", K_DURATION, G(escalate_info_ms), "0s", 0, 30 * 86400e3,
     NULL, false},
    {"notice_delay", K_DURATION, G(notice_delay_ms), "15m", 0, 7 * 86400e3,
     NULL, false},
    {"notice_min_kwh", K_DOUBLE, G(notice_min_kwh), "0.5", 0, 1e6, NULL, false},
    {"survey_delay", K_DURATION, G(survey_delay_ms), "1d", 0, 30 * 86400e3,
     NULL, false},
    {"survey_interval", K_DURATION, G(survey_interval_ms), "30d", 0,
     365 * 86400e3, NULL, false},
    {"escalation_contact", K_STR, G(escalation_contact), NULL, NONE, NULL,
     false},
    {"link_ttl", K_DURATION, G(link_ttl_ms), "30d", 3600e3, 365 * 86400e3, NULL,
     false},
    {"link_secret", K_PATH, G(link_secret), NULL, NONE, NULL, false},
    {"outbox_claim", K_DURATION, G(outbox_claim_ms), "30s", 1000, 3600e3, NULL,
     false},
    {NULL, 0, 0, NULL, NONE, NULL, false},
};

#define MQ(f) offsetof(struct pvs_cfg_mqtt, f)
static const struct key_def mqtt_keys[] = {
    {"uri", K_STR, MQ(uri), NULL, NONE, NULL, true},
    {"client_id", K_STR, MQ(client_id), "pvsentry", NONE, NULL, false},
    {"qos", K_INT, MQ(qos), "1", 0, 2, NULL, false},
    {"topic", K_LIST, MQ(topics), NULL, NONE, NULL, false},
    {"credentials", K_PATH, MQ(credentials), NULL, NONE, NULL, false},
    {"ca_file", K_PATH, MQ(ca_file), NULL, NONE, NULL, false},
    {"keepalive", K_DURATION, MQ(keepalive_ms), "30s", 1000, 3600e3, NULL,
     false},
    {"clean_session", K_BOOL, MQ(clean_session), "false", NONE, NULL, false},
    {"max_payload", K_SIZE, MQ(max_payload), "64k", 16, 16 << 20, NULL, false},
    {NULL, 0, 0, NULL, NONE, NULL, false},
};

#define SM(f) offsetof(struct pvs_cfg_smtp, f)
static const struct key_def smtp_keys[] = {
    {"url", K_STR, SM(url), NULL, NONE, NULL, true},
    {"from", K_STR, SM(from), NULL, NONE, NULL, true},
    {"credentials", K_PATH, SM(credentials), NULL, NONE, NULL, false},
    {"starttls", K_BOOL, SM(starttls), "false", NONE, NULL, false},
    {"ca_file", K_PATH, SM(ca_file), NULL, NONE, NULL, false},
    {"timeout", K_DURATION, SM(timeout_ms), "30s", 1000, 600e3, NULL, false},
    {"retry_min", K_DURATION, SM(retry_min_ms), "10s", 100, 3600e3, NULL,
     false},
    {"retry_max", K_DURATION, SM(retry_max_ms), "30m", 1000, 86400e3, NULL,
     false},
    {"give_up", K_DURATION, SM(give_up_ms), "2d", 60e3, 30 * 86400e3, NULL,
     false},
    {"max_connections", K_INT, SM(max_connections), "4", 1, 64, NULL, false},
    {NULL, 0, 0, NULL, NONE, NULL, false},
};

#define TM(f) offsetof(struct pvs_team, f)
static const struct key_def team_keys[] = {
    {"member", K_LIST, TM(members), NULL, NONE, NULL, true},
    {"lead", K_STR, TM(lead), NULL, NONE, NULL, false},
    {"rota_period", K_DURATION, TM(rota_period_ms), "7d", 3600e3, 365 * 86400e3,
     NULL, false},
    {"rota_start", K_STR, TM(rota_start), "2024-01-01T00:00:00Z", NONE, NULL,
     false},
    {NULL, 0, 0, NULL, NONE, NULL, false},
};

#define R(f) offsetof(struct pvs_rule_cfg, f)
static const struct key_def rule_keys[] = {
    {"family", K_STR, R(family), NULL, NONE, NULL, true},
    {"site", K_STR, R(site_id), NULL, NONE, NULL, false},
    {"device", K_STR, R(device_id), NULL, NONE, NULL, false},
    {"severity", K_ENUM, R(severity), NULL, NONE, severities, false},
    {"for", K_DURATION, R(for_ms), NULL, 0, 30 * 86400e3, NULL, false},
    {"recovery", K_DURATION, R(recovery_ms), NULL, 0, 30 * 86400e3, NULL,
     false},
    {"enabled", K_BOOL, R(enabled), "true", NONE, NULL, false},
    {NULL, 0, 0, NULL, NONE, NULL, false},
};

#define M(f) offsetof(struct pvs_map, f)
static const struct key_def map_keys[] = {
    {"word_order", K_ENUM, M(word_order), "big", NONE, word_orders, false},
    {"description", K_STR, M(description), NULL, NONE, NULL, false},
    {NULL, 0, 0, NULL, NONE, NULL, false},
};

#define RG(f) offsetof(struct pvs_register, f)
static const struct key_def register_keys[] = {
    {"address", K_INT, RG(address), NULL, 0, 65535, NULL, true},
    {"function", K_ENUM, RG(function), "holding", NONE, functions, false},
    {"type", K_ENUM, RG(type), "uint16", NONE, reg_types, false},
    {"word_order", K_ENUM, RG(word_order), NULL, NONE, word_orders, false},
    {"scale", K_DOUBLE, RG(scale), "1", -1e9, 1e9, NULL, false},
    {"offset", K_DOUBLE, RG(offset), "0", -1e12, 1e12, NULL, false},
    {"unit", K_STR, RG(unit), NULL, NONE, NULL, false},
    {NULL, 0, 0, NULL, NONE, NULL, false},
};

#define H(f) offsetof(struct pvs_cfg_http, f)
static const struct key_def http_keys[] = {
    {"listen", K_STR, H(listen), "127.0.0.1", NONE, NULL, false},
    {"port", K_INT, H(port), "8080", 1, 65535, NULL, false},
    {"tls_cert", K_PATH, H(tls_cert), NULL, NONE, NULL, false},
    {"tls_key", K_PATH, H(tls_key), NULL, NONE, NULL, false},
    {"session_lifetime", K_DURATION, H(session_ms), "12h", 60e3, 30 * 86400e3,
     NULL, false},
    {"rate_limit", K_INT, H(rate_limit), "50", 0, 100000, NULL, false},
    {"rate_burst", K_INT, H(rate_burst), "100", 1, 100000, NULL, false},
    {"max_body", K_SIZE, H(max_body), "64k", 1024, 16 << 20, NULL, false},
    {"threads", K_INT, H(threads), "4", 1, 64, NULL, false},
    {"max_connections", K_INT, H(max_connections), "256", 4, 65536, NULL,
     false},
    {"max_client_connections", K_INT, H(max_client_connections), "64", 1, 65536,
     NULL, false},
    {"login_attempts", K_INT, H(login_attempts), "5", 1, 1000000, NULL, false},
    {"login_lockout", K_DURATION, H(login_lockout_ms), "15m", 1000, 86400e3,
     NULL, false},
    {"timeout", K_DURATION, H(timeout_ms), "30s", 1000, 3600e3, NULL, false},
    {"static_dir", K_PATH, H(static_dir), NULL, NONE, NULL, false},
    {"chartjs_dir", K_PATH, H(chartjs_dir), "/usr/share/javascript/chart.js",
     NONE, NULL, false},
    {"admin_token_file", K_PATH, H(admin_token_file), NULL, NONE, NULL, false},
    {"trust_proxy", K_BOOL, H(trust_proxy), "false", NONE, NULL, false},
    {"secure_cookies", K_BOOL, H(secure_cookies), "false", NONE, NULL, false},
    {"personal_data_retention", K_DURATION, H(personal_retention_ms), "0s", 0,
     3650 * 86400e3, NULL, false},
    {NULL, 0, 0, NULL, NONE, NULL, false},
};

static const char *const webhook_formats[] = {"json", "alertmanager", NULL};
/* Message kinds a webhook can subscribe to (see pvs/payload.h). */
static const char *const webhook_events[] = {"alert", "recovered", "escalation",
                                             "ticket", NULL};
static const char *const http_methods[] = {"GET", "POST", NULL};

#define WH(f) offsetof(struct pvs_cfg_webhook, f)
static const struct key_def webhook_keys[] = {
    {"url", K_STR, WH(url), NULL, NONE, NULL, true},
    {"secret", K_STR, WH(secret), NULL, NONE, NULL, false},
    {"secret_file", K_PATH, WH(secret_file), NULL, NONE, NULL, false},
    {"format", K_ENUM, WH(format), "json", NONE, webhook_formats, false},
    {"events", K_LIST, WH(events), NULL, NONE, NULL, false},
    {"timeout", K_DURATION, WH(timeout_ms), "10s", 1000, 120e3, NULL, false},
    {"retry_min", K_DURATION, WH(retry_min_ms), "10s", 100, 3600e3, NULL,
     false},
    {"retry_max", K_DURATION, WH(retry_max_ms), "30m", 1000, 86400e3, NULL,
     false},
    {"give_up", K_DURATION, WH(give_up_ms), "1d", 60e3, 30 * 86400e3, NULL,
     false},
    {"max_connections", K_INT, WH(max_connections), "2", 1, 64, NULL, false},
    {NULL, 0, 0, NULL, NONE, NULL, false},
};

#define SMS(f) offsetof(struct pvs_cfg_sms, f)
static const struct key_def sms_keys[] = {
    {"url", K_STR, SMS(url), NULL, NONE, NULL, true},
    {"method", K_ENUM, SMS(method), "GET", NONE, http_methods, false},
    {"body", K_STR, SMS(body), NULL, NONE, NULL, false},
    {"content_type", K_STR, SMS(content_type),
     "application/x-www-form-urlencoded", NONE, NULL, false},
    {"auth_header", K_STR, SMS(auth_header), NULL, NONE, NULL, false},
    {"credentials", K_PATH, SMS(credentials), NULL, NONE, NULL, false},
    {"from", K_STR, SMS(from), NULL, NONE, NULL, false},
    {"timeout", K_DURATION, SMS(timeout_ms), "10s", 1000, 120e3, NULL, false},
    {"retries", K_INT, SMS(retries), "10", 0, 100, NULL, false},
    {"retry_min", K_DURATION, SMS(retry_min_ms), "10s", 100, 3600e3, NULL,
     false},
    {"retry_max", K_DURATION, SMS(retry_max_ms), "30m", 1000, 86400e3, NULL,
     false},
    {"give_up", K_DURATION, SMS(give_up_ms), "1d", 60e3, 30 * 86400e3, NULL,
     false},
    {"max_connections", K_INT, SMS(max_connections), "2", 1, 64, NULL, false},
    {NULL, 0, 0, NULL, NONE, NULL, false},
};

#define CL(f) offsetof(struct pvs_cfg_cluster, f)
static const struct key_def cluster_keys[] = {
    {"enabled", K_BOOL, CL(enabled), "true", NONE, NULL, false},
    {"worker", K_STR, CL(worker), NULL, NONE, NULL, false},
    {"slots", K_INT, CL(slots), "16", 1, 4096, NULL, false},
    {"lease", K_DURATION, CL(lease_ms), "15s", 1000, 600e3, NULL, false},
    {"renew", K_DURATION, CL(renew_ms), "5s", 200, 300e3, NULL, false},
    {NULL, 0, 0, NULL, NONE, NULL, false},
};

#define C(f) offsetof(struct pvs_config, f)
static const struct section_def sections[] = {
    {"global", false, sizeof(struct pvs_cfg_global), global_keys, false, 0, 0,
     0},
    {"mqtt", false, sizeof(struct pvs_cfg_mqtt), mqtt_keys, false, 0, 0,
     C(mqtt)},
    {"smtp", false, sizeof(struct pvs_cfg_smtp), smtp_keys, false, 0, 0,
     C(smtp)},
    {"site", true, sizeof(struct pvs_site), entity_keys[ENT_SITE], false,
     C(sites), C(nsites), 0},
    {"device", true, sizeof(struct pvs_device), entity_keys[ENT_DEVICE], false,
     C(devices), C(ndevices), 0},
    {"technician", true, sizeof(struct pvs_person), entity_keys[ENT_TECH],
     false, C(technicians), C(ntechnicians), 0},
    {"customer", true, sizeof(struct pvs_person), entity_keys[ENT_CUST], false,
     C(customers), C(ncustomers), 0},
    {"rule", true, sizeof(struct pvs_rule_cfg), rule_keys, true, C(rules),
     C(nrules), 0},
    {"endpoint", true, sizeof(struct pvs_endpoint), entity_keys[ENT_EP], false,
     C(endpoints), C(nendpoints), 0},
    {"map", true, sizeof(struct pvs_map), map_keys, false, C(maps), C(nmaps),
     0},
    {"register", true, sizeof(struct pvs_register), register_keys, false,
     C(registers), C(nregisters), 0},
    {"silence", true, sizeof(struct pvs_silence), entity_keys[ENT_SIL], false,
     C(silences), C(nsilences), 0},
    {"team", true, sizeof(struct pvs_team), team_keys, false, C(teams),
     C(nteams), 0},
    {"webhook", true, sizeof(struct pvs_cfg_webhook), webhook_keys, false,
     C(webhooks), C(nwebhooks), 0},
    {"sms", false, sizeof(struct pvs_cfg_sms), sms_keys, false, 0, 0, C(sms)},
    {"mqtt_map", true, sizeof(struct pvs_mqtt_map_cfg), entity_keys[ENT_MQM],
     true, C(mqtt_maps), C(nmqtt_maps), 0},
    {"http", false, sizeof(struct pvs_cfg_http), http_keys, false, 0, 0,
     C(http)},
    {"cluster", false, sizeof(struct pvs_cfg_cluster), cluster_keys, false, 0,
     0, C(cluster)},
};

static const struct section_def *find_section(const char *type) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(sections); i++)
        if (!strcmp(sections[i].name, type))
            return &sections[i];
    return NULL;
}

static const struct key_def *find_key(const struct key_def *keys,
                                      const char *name) {
    for (const struct key_def *k = keys; k->name; k++)
        if (!strcmp(k->name, name))
            return k;
    return NULL;
}

static void fmt_num(char *buf, size_t size, double v) {
    pvs_snprintf(buf, size, "%.15g", v);
}

static void fmt_duration(char *buf, size_t size, double ms) {
    if (ms >= 86400e3 && fmod(ms, 86400e3) == 0)
        pvs_snprintf(buf, size, "%.0fd", ms / 86400e3);
    else if (ms >= 3600e3 && fmod(ms, 3600e3) == 0)
        pvs_snprintf(buf, size, "%.0fh", ms / 3600e3);
    else if (ms >= 60e3 && fmod(ms, 60e3) == 0)
        pvs_snprintf(buf, size, "%.0fm", ms / 60e3);
    else if (ms >= 1000 && fmod(ms, 1000) == 0)
        pvs_snprintf(buf, size, "%.0fs", ms / 1000);
    else
        pvs_snprintf(buf, size, "%.0fms", ms);
}

static char *resolve_path(const char *file, const char *value) {
    char *dircopy, *full;

    if (value[0] == '/' || !file)
        return pvs_strdup(value);
    dircopy = pvs_strdup(file);
    full = pvs_asprintf("%s/%s", dirname(dircopy), value);
    pvs_free(dircopy);
    return full;
}

/* An entity key's own limits: length, control characters, its check. */
static bool field_ok(const struct key_def *k, const char *value,
                     const char *file, int line, struct pvs_cfg_errors *errs) {
    const struct pvs_field *f = field_of(k);
    char msg[256];

    if (!f)
        return true;
    if (f->max > 0 && (double)strlen(value) > f->max) {
        pvs_cfg_error(errs, file, line, "%s must be at most %.0f characters",
                      k->name, f->max);
        return false;
    }
    if (f->check && f->check(value, msg, sizeof(msg))) {
        pvs_cfg_error(errs, file, line, "%s", msg);
        return false;
    }
    return true;
}

/* Apply one value to obj; report errors at file:line. */
/* A text key's value (string, store, path, choice, list item) into
 * base. */
static void apply_text(char *base, const struct key_def *k, const char *value,
                       const char *file, int line,
                       struct pvs_cfg_errors *errs) {
    switch (k->type) {
    case K_STR:
        if (!*value) {
            pvs_cfg_error(errs, file, line, "'%s' must not be empty", k->name);
            return;
        }
        pvs_free(*(char **)(base + k->off));
        *(char **)(base + k->off) = pvs_strdup(value);
        return;
    case K_STORE:
        if (strstr(value, "://")) {
            pvs_free(*(char **)(base + k->off));
            *(char **)(base + k->off) = pvs_strdup(value);
            return;
        }
        if (!strncmp(value, "sqlite:", 7))
            value += 7;
        /* fall through */
    case K_PATH:
        if (!*value) {
            pvs_cfg_error(errs, file, line, "'%s' must not be empty", k->name);
            return;
        }
        pvs_free(*(char **)(base + k->off));
        *(char **)(base + k->off) = resolve_path(file, value);
        return;
    case K_ENUM:
        for (const char *const *c = k->choices; *c; c++) {
            if (!pvs_strcasecmp(*c, value)) {
                pvs_free(*(char **)(base + k->off));
                *(char **)(base + k->off) = pvs_strdup(*c);
                return;
            }
        }
        {
            struct pvs_buf lst;
            pvs_buf_init(&lst, 512);
            for (const char *const *c = k->choices; *c; c++)
                pvs_buf_printf(&lst, "%s%s", c == k->choices ? "" : ", ", *c);
            pvs_cfg_error(errs, file, line,
                          "invalid %s '%s': expected one of %s", k->name, value,
                          lst.data);
            pvs_buf_release(&lst);
        }
        return;
    case K_LIST: {
        char ***arr = (char ***)(base + k->off);
        size_t *n = (size_t *)(base + k->off + sizeof(char **));
        if (!*value) {
            pvs_cfg_error(errs, file, line, "'%s' must not be empty", k->name);
            return;
        }
        *arr = pvs_realloc(*arr, (*n + 2) * sizeof(char *));
        (*arr)[(*n)++] = pvs_strdup(value);
        (*arr)[*n] = NULL;
        return;
    }
    default:
        PVS_ASSERT(!"not a text key");
    }
}

/* A numeric key's value (bool, number, duration, size) as *d; false
 * (said) when it does not parse; a bool is stored at once. */
static bool parse_number(char *base, const struct key_def *k, const char *value,
                         double *d, const char *file, int line,
                         struct pvs_cfg_errors *errs) {
    char msg[256];
    int64_t i;
    bool b;

    switch (k->type) {
    case K_BOOL:
        if (pvs_cfg_parse_bool(value, &b, msg, sizeof(msg))) {
            pvs_cfg_error(errs, file, line, "%s: %s", k->name, msg);
            return false;
        }
        *(bool *)(base + k->off) = b;
        return true;
    case K_INT:
        if (pvs_parse_i64(value, &i)) {
            pvs_cfg_error(errs, file, line,
                          "%s: expected a whole number, not '%s'", k->name,
                          value);
            return false;
        }
        *d = (double)i;
        break;
    case K_DOUBLE:
        if (pvs_parse_double(value, d)) {
            pvs_cfg_error(errs, file, line, "%s: expected a number, not '%s'",
                          k->name, value);
            return false;
        }
        break;
    case K_DURATION:
        if (pvs_cfg_parse_duration(value, &i, msg, sizeof(msg))) {
            pvs_cfg_error(errs, file, line, "%s: %s", k->name, msg);
            return false;
        }
        *d = (double)i;
        break;
    case K_SIZE:
        if (pvs_cfg_parse_size(value, &i, msg, sizeof(msg))) {
            pvs_cfg_error(errs, file, line, "%s: %s", k->name, msg);
            return false;
        }
        *d = (double)i;
        break;
    default:
        PVS_ASSERT(!"not a numeric key");
    }
    return true;
}

static void apply_value(void *obj, const struct key_def *k, const char *value,
                        const char *file, int line,
                        struct pvs_cfg_errors *errs) {
    char *base = obj;
    double d = 0;

    if ((k->type == K_STR || k->type == K_LIST) && *value &&
        !field_ok(k, value, file, line, errs))
        return;
    if (k->type == K_STR || k->type == K_STORE || k->type == K_PATH ||
        k->type == K_ENUM || k->type == K_LIST) {
        apply_text(base, k, value, file, line, errs);
        return;
    }
    if (!parse_number(base, k, value, &d, file, line, errs) ||
        k->type == K_BOOL)
        return;
    if ((k->min != 0 || k->max != 0) && (d < k->min || d > k->max)) {
        char lo[32], hi[32];
        if (k->type == K_DURATION) {
            fmt_duration(lo, sizeof(lo), k->min);
            fmt_duration(hi, sizeof(hi), k->max);
        } else {
            fmt_num(lo, sizeof(lo), k->min);
            fmt_num(hi, sizeof(hi), k->max);
        }
        pvs_cfg_error(errs, file, line,
                      "%s '%s' is out of range: expected %s to %s", k->name,
                      value, lo, hi);
        return;
    }
    if (k->type == K_DOUBLE)
        *(double *)(base + k->off) = d;
    else
        *(int64_t *)(base + k->off) = (int64_t)d;
}

/* Free every string/list field of obj described by keys, and its head. */
static void free_fields(void *obj, const struct key_def *keys) {
    char *base = obj;
    struct pvs_cfg_obj *head = obj;

    for (const struct key_def *k = keys; k->name; k++) {
        if (k->type == K_STR || k->type == K_ENUM || k->type == K_PATH ||
            k->type == K_STORE) {
            PVS_FREE(*(char **)(base + k->off));
        } else if (k->type == K_LIST) {
            char **arr = *(char ***)(base + k->off);
            for (size_t i = 0; arr && arr[i]; i++)
                pvs_free(arr[i]);
            pvs_free(arr);
        }
    }
    for (size_t i = 0; i < head->nkv; i++) {
        pvs_free(head->kv[i].key);
        pvs_free(head->kv[i].value);
    }
    pvs_free(head->kv);
    pvs_free(head->id);
}

static const char *section_label(const struct cfg_raw_section *s, char *buf,
                                 size_t size) {
    if (s->name)
        pvs_snprintf(buf, size, "[%s \"%s\"]", s->type, s->name);
    else
        pvs_snprintf(buf, size, "[%s]", s->type);
    return buf;
}

/* Apply a raw section to a fresh object. Takes the section's kv list. */
static void apply_section(void *obj, const struct section_def *def,
                          struct cfg_raw_section *raw,
                          struct pvs_cfg_errors *errs) {
    struct pvs_cfg_obj *head = obj;
    char label[160];

    head->id = raw->name ? pvs_strdup(raw->name) : NULL;
    head->file = raw->file;
    head->line = raw->line;
    head->kv = raw->kv;
    head->nkv = raw->nkv;
    raw->kv = NULL;
    raw->nkv = 0;
    section_label(raw, label, sizeof(label));

    for (const struct key_def *k = def->keys; k->name; k++)
        if (k->def)
            apply_value(obj, k, k->def, NULL, 0, errs);

    for (size_t i = 0; i < head->nkv; i++) {
        const struct pvs_kv *kv = &head->kv[i];
        const struct key_def *k = find_key(def->keys, kv->key);

        if (!k) {
            if (!def->open)
                pvs_cfg_error(errs, kv->file, kv->line,
                              "unknown key '%s' in %s", kv->key, label);
            continue;
        }
        if (k->type != K_LIST) {
            for (size_t j = 0; j < i; j++) {
                if (!strcmp(head->kv[j].key, kv->key)) {
                    pvs_cfg_error(errs, kv->file, kv->line,
                                  "duplicate key '%s' in %s (first set at "
                                  "line %d)",
                                  kv->key, label, head->kv[j].line);
                    k = NULL;
                    break;
                }
            }
            if (!k)
                continue;
        }
        apply_value(obj, k, kv->value, kv->file, kv->line, errs);
    }
    for (const struct key_def *k = def->keys; k->name; k++)
        if (k->required && !pvs_cfg_obj_kv(head, k->name))
            pvs_cfg_error(errs, raw->file, raw->line,
                          "%s is missing required key '%s'", label, k->name);
}

static void *find_named(void **arr, size_t n, const char *id) {
    for (size_t i = 0; i < n; i++)
        if (!strcmp(((struct pvs_cfg_obj *)arr[i])->id, id))
            return arr[i];
    return NULL;
}

/* Reports a dangling reference at the key's own line. */
static void *ref(void **arr, size_t n, const struct pvs_cfg_obj *obj,
                 const char *key, const char *id, const char *what,
                 struct pvs_cfg_errors *errs) {
    void *p;
    const struct pvs_kv *kv;

    if (!id)
        return NULL;
    p = find_named(arr, n, id);
    if (!p) {
        kv = pvs_cfg_obj_kv(obj, key);
        pvs_cfg_error(errs, kv ? kv->file : obj->file,
                      kv ? kv->line : obj->line, "%s '%s' is not defined", what,
                      id);
    }
    return p;
}

static void check_file(const struct pvs_cfg_obj *obj, const char *key,
                       const char *path, struct pvs_cfg_errors *errs) {
    const struct pvs_kv *kv;
    char ebuf[128];

    if (!path || access(path, R_OK) == 0)
        return;
    kv = pvs_cfg_obj_kv(obj, key);
    pvs_cfg_error(errs, kv ? kv->file : obj->file, kv ? kv->line : obj->line,
                  "cannot read %s '%s': %s", key, path,
                  pvs_strerror(errno, ebuf, sizeof(ebuf)));
}

static void key_error(struct pvs_cfg_errors *errs,
                      const struct pvs_cfg_obj *obj, const char *key,
                      const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void key_error(struct pvs_cfg_errors *errs,
                      const struct pvs_cfg_obj *obj, const char *key,
                      const char *fmt, ...) {
    const struct pvs_kv *kv = pvs_cfg_obj_kv(obj, key);
    char msg[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    pvs_cfg_error(errs, kv ? kv->file : obj->file, kv ? kv->line : obj->line,
                  "%s", msg);
}

static bool has_scheme(const char *url, const char *const *schemes) {
    for (const char *const *s = schemes; *s; s++) {
        size_t n = strlen(*s);
        if (!strncmp(url, *s, n) && !strncmp(url + n, "://", 3))
            return true;
    }
    return false;
}

/*
 * A silence's start or end: ISO 8601 with Z or an offset, or without one
 * in the site's own time zone (UTC when the silence names no site), since
 * a maintenance window is agreed in local time.
 */
static bool silence_time(const char *s, const struct pvs_site *site,
                         int64_t *ret_ms) {
    struct pvs_tz *tz = NULL;
    size_t n = strlen(s);
    bool naive = true;
    int64_t t, t2;
    int32_t off;

    if (pvs_clock_parse_time(s, &t))
        return false;
    /* Epoch seconds and times with Z or +hh[:mm] / -hh[:mm] are absolute. */
    if (n < 11 || s[4] != '-' || s[n - 1] == 'Z')
        naive = false;
    for (size_t i = 11; i < n && naive; i++)
        if (s[i] == '+' || s[i] == '-')
            naive = false;
    if (naive && site && site->timezone && !pvs_tz_load(site->timezone, &tz)) {
        /* Local wall time -> UTC: the offset at the result, found by
         * trying the offset at the wall time read as UTC. */
        off = pvs_tz_offset(tz, t);
        t2 = t - (int64_t)off * 1000;
        off = pvs_tz_offset(tz, t2);
        t = t - (int64_t)off * 1000;
        pvs_tz_free(tz);
    }
    *ret_ms = t;
    return true;
}

static bool rule_known(const struct pvs_config *cfg, const char *name) {
    if (pvs_alert_family_known(name))
        return true;
    for (size_t i = 0; i < cfg->nrules; i++)
        if (!strcmp(cfg->rules[i]->obj.id, name))
            return true;
    return false;
}

static void validate_silences(struct pvs_config *cfg,
                              struct pvs_cfg_errors *errs) {
    static const char *const fmt =
        "%s: expected an ISO 8601 time such as 2024-06-21T08:00:00+02:00 "
        "(local time of the site without an offset), not '%s'";

    for (size_t i = 0; i < cfg->nsilences; i++) {
        struct pvs_silence *s = cfg->silences[i];
        bool ok = true;

        s->index = i;
        s->site = ref((void **)cfg->sites, cfg->nsites, &s->obj, "site",
                      s->site_id, "site", errs);
        s->device = ref((void **)cfg->devices, cfg->ndevices, &s->obj, "device",
                        s->device_id, "device", errs);
        if (s->site && s->device && s->device->site != s->site)
            key_error(errs, &s->obj, "device",
                      "device '%s' is not on site '%s'", s->device_id,
                      s->site_id);
        if (!s->site && s->device)
            s->site = s->device->site;
        if (s->rule && !rule_known(cfg, s->rule))
            key_error(errs, &s->obj, "rule",
                      "rule '%s' is neither a rule family nor a defined "
                      "[rule]",
                      s->rule);
        s->start_ms = INT64_MIN;
        s->end_ms = INT64_MIN;
        if (s->start && !silence_time(s->start, s->site, &s->start_ms)) {
            key_error(errs, &s->obj, "start", fmt, "start", s->start);
            ok = false;
        }
        if (s->end && !silence_time(s->end, s->site, &s->end_ms)) {
            key_error(errs, &s->obj, "end", fmt, "end", s->end);
            ok = false;
        }
        if (ok && s->end && s->end_ms <= s->start_ms)
            key_error(errs, &s->obj, "end", "end '%s' is not after start '%s'",
                      s->end, s->start);
    }
}

static void validate_workflow(struct pvs_config *cfg,
                              struct pvs_cfg_errors *errs) {
    struct pvs_cfg_global *g = &cfg->global;

    check_file(&g->obj, "link_secret", g->link_secret, errs);
    ref((void **)cfg->technicians, cfg->ntechnicians, &g->obj,
        "escalation_contact", g->escalation_contact, "technician", errs);
    for (size_t i = 0; i < cfg->nteams; i++) {
        struct pvs_team *t = cfg->teams[i];
        t->member_refs = pvs_calloc(t->nmembers + 1, sizeof(void *));
        for (size_t k = 0; k < t->nmembers; k++)
            t->member_refs[k] =
                ref((void **)cfg->technicians, cfg->ntechnicians, &t->obj,
                    "member", t->members[k], "technician", errs);
        t->lead_ref = ref((void **)cfg->technicians, cfg->ntechnicians, &t->obj,
                          "lead", t->lead, "technician", errs);
        if (pvs_clock_parse_time(t->rota_start, &t->rota_start_ms))
            key_error(errs, &t->obj, "rota_start",
                      "rota_start: expected an ISO 8601 time, not '%s'",
                      t->rota_start);
    }
}

/* Whether an http(s) URL has a host after the scheme. */
static bool http_url(const char *url) {
    static const char *const schemes[] = {"http", "https", NULL};
    const char *host = strstr(url, "://");

    return has_scheme(url, schemes) && host[3] && host[3] != '/';
}

/*
 * Split "alert, recovered" list values into one kind each, so that
 * events can be written on one line or on several.
 */
static void split_events(struct pvs_cfg_webhook *w) {
    char **old = w->events;
    size_t nold = w->nevents;

    w->events = NULL;
    w->nevents = 0;
    for (size_t i = 0; i < nold; i++) {
        const char *p = old[i];
        while (*p) {
            size_t n;
            p += strspn(p, ", \t");
            n = strcspn(p, ", \t");
            if (!n)
                break;
            w->events =
                pvs_realloc(w->events, (w->nevents + 2) * sizeof(char *));
            w->events[w->nevents++] = pvs_strndup(p, n);
            w->events[w->nevents] = NULL;
            p += n;
        }
        pvs_free(old[i]);
    }
    pvs_free(old);
}

static void validate_webhook(struct pvs_cfg_webhook *w,
                             struct pvs_cfg_errors *errs) {
    if (w->url && !http_url(w->url))
        key_error(errs, &w->obj, "url",
                  "url '%s' must start with http:// or https:// and name a "
                  "host",
                  w->url);
    if (w->secret && w->secret_file)
        key_error(errs, &w->obj, "secret_file",
                  "set secret or secret_file, not both");
    check_file(&w->obj, "secret_file", w->secret_file, errs);
    split_events(w);
    for (size_t k = 0; k < w->nevents; k++) {
        bool known = false;
        for (const char *const *e = webhook_events; *e && !known; e++)
            known = !strcmp(*e, w->events[k]);
        if (!known)
            key_error(errs, &w->obj, "events",
                      "unknown event '%s': expected alert, recovered, "
                      "escalation or ticket",
                      w->events[k]);
    }
    if (w->retry_max_ms < w->retry_min_ms)
        key_error(errs, &w->obj, "retry_max",
                  "retry_max must not be shorter than retry_min");
}

static void validate_sms(struct pvs_cfg_sms *s, struct pvs_cfg_errors *errs) {
    bool post = s->method && !strcmp(s->method, "POST");
    const char *auth = s->auth_header;

    if (s->url && !http_url(s->url))
        key_error(errs, &s->obj, "url",
                  "url '%s' must start with http:// or https:// and name a "
                  "host",
                  s->url);
    else if (s->url && !strstr(s->url, "{to}") &&
             !(post && s->body && strstr(s->body, "{to}")))
        key_error(errs, &s->obj, "url",
                  "url '%s' has no {to} placeholder (nor has the body)",
                  s->url);
    if (s->url && !strstr(s->url, "{text}") &&
        !(post && s->body && strstr(s->body, "{text}")))
        key_error(errs, &s->obj, post ? "body" : "url",
                  "the message text goes nowhere: put {text} in the %s",
                  post ? "url or body" : "url");
    if (s->body && !post)
        key_error(errs, &s->obj, "body", "body needs method = POST");
    if (auth && (!strchr(auth, ':') || strchr(auth, ':') == auth ||
                 strpbrk(auth, "\r\n")))
        key_error(errs, &s->obj, "auth_header",
                  "auth_header must be 'Name: value', such as "
                  "'Authorization: Bearer TOKEN'");
    if (auth && s->credentials)
        key_error(errs, &s->obj, "credentials",
                  "set auth_header or credentials, not both");
    check_file(&s->obj, "credentials", s->credentials, errs);
    if (!s->from && ((s->url && strstr(s->url, "{from}")) ||
                     (s->body && strstr(s->body, "{from}"))))
        key_error(errs, &s->obj,
                  s->body && strstr(s->body, "{from}") ? "body" : "url",
                  "{from} is used but 'from' is not set");
    if (s->retry_max_ms < s->retry_min_ms)
        key_error(errs, &s->obj, "retry_max",
                  "retry_max must not be shorter than retry_min");
}

static void validate_channels(struct pvs_config *cfg,
                              struct pvs_cfg_errors *errs) {
    for (size_t i = 0; i < cfg->nwebhooks; i++) {
        cfg->webhooks[i]->index = i;
        validate_webhook(cfg->webhooks[i], errs);
    }
    if (cfg->sms)
        validate_sms(cfg->sms, errs);
}

/* Devices by site, then serial, then file order. */
static int serial_cmp(const void *a, const void *b) {
    const struct pvs_device *x = *(const struct pvs_device *const *)a;
    const struct pvs_device *y = *(const struct pvs_device *const *)b;
    uintptr_t sx = (uintptr_t)x->site, sy = (uintptr_t)y->site;
    int c;

    if (sx != sy)
        return sx < sy ? -1 : 1;
    c = strcmp(x->serial, y->serial);
    if (c)
        return c;
    return x->obj.line < y->obj.line ? -1 : x->obj.line > y->obj.line;
}

static void bind_device(struct pvs_mqtt_map_cfg *m, struct pvs_device *d,
                        const char *key, struct pvs_cfg_errors *errs) {
    if (d->mqtt_map && d->mqtt_map != m) {
        key_error(errs, &m->obj, key,
                  "device '%s' is already carried by mqtt_map '%s'", d->obj.id,
                  d->mqtt_map->obj.id);
        return;
    }
    d->mqtt_map = m;
}

/*
 * Which devices each gateway carries: the explicit "device" entries, its
 * gateway device, then the devices with a serial on its site (on any
 * site for a map without one) that no other map took, when only one map
 * covers them (with two, the serial alone cannot say which gateway
 * carries the device: it is looked up in both).
 */
static void validate_mqtt_maps(struct pvs_config *cfg,
                               struct pvs_cfg_errors *errs) {
    {
        /* Sorted by site and serial, duplicates are neighbours. */
        const struct pvs_device **by =
            pvs_calloc(cfg->ndevices + 1, sizeof(*by));
        size_t n = 0;

        for (size_t i = 0; i < cfg->ndevices; i++)
            if (cfg->devices[i]->serial)
                by[n++] = cfg->devices[i];
        qsort(by, n, sizeof(*by), serial_cmp);
        for (size_t i = 1; i < n; i++)
            if (by[i - 1]->site == by[i]->site &&
                !strcmp(by[i - 1]->serial, by[i]->serial))
                key_error(errs, &by[i]->obj, "serial",
                          "serial '%s' is also the serial of device '%s' on "
                          "the same site",
                          by[i]->serial, by[i - 1]->obj.id);
        pvs_free(by);
    }
    for (size_t i = 0; i < cfg->nmqtt_maps; i++) {
        struct pvs_mqtt_map_cfg *m = cfg->mqtt_maps[i];
        struct pvs_device *d;

        m->index = i;
        m->site = ref((void **)cfg->sites, cfg->nsites, &m->obj, "site",
                      m->site_id, "site", errs);
        for (size_t k = 0; k < m->ndevices; k++) {
            const char *e = m->devices[k], *sp = strpbrk(e, " \t");
            const char *id = sp ? sp + strspn(sp, " \t") : e;

            if (sp && (!*id || strpbrk(id, " \t"))) {
                key_error(errs, &m->obj, "device",
                          "device '%s': expected 'SERIAL DEVICE' or one "
                          "DEVICE",
                          e);
                continue;
            }
            d = find_named((void **)cfg->devices, cfg->ndevices, id);
            if (!d) {
                key_error(errs, &m->obj, "device", "device '%s' is not defined",
                          id);
                continue;
            }
            if (m->site && d->site != m->site)
                key_error(errs, &m->obj, "device",
                          "device '%s' is not on site '%s'", id, m->site_id);
            bind_device(m, d, "device", errs);
        }
        d = ref((void **)cfg->devices, cfg->ndevices, &m->obj, "gateway",
                m->gateway_id, "device", errs);
        m->gateway = d;
        if (d)
            bind_device(m, d, "gateway", errs);
    }
    for (size_t k = 0; k < cfg->ndevices; k++) {
        struct pvs_device *d = cfg->devices[k];
        struct pvs_mqtt_map_cfg *only = NULL;
        size_t n = 0;

        for (size_t i = 0; d->serial && !d->mqtt_map && i < cfg->nmqtt_maps;
             i++) {
            struct pvs_mqtt_map_cfg *m = cfg->mqtt_maps[i];
            if (!m->site || d->site == m->site) {
                only = m;
                n++;
            }
        }
        if (n == 1)
            d->mqtt_map = only;
    }
}

/* The daemon's own sections: [global], [mqtt], [smtp], [http]. */
static void validate_sections(struct pvs_config *cfg,
                              struct pvs_cfg_errors *errs) {
    static const char *const mqtt_schemes[] = {"tcp", "mqtt", "ssl", "mqtts",
                                               "ws",  "wss",  NULL};
    static const char *const smtp_schemes[] = {"smtp", "smtps", NULL};
    struct pvs_cfg_global *g = &cfg->global;
    int64_t t;

    if (g->sim_start && pvs_clock_parse_time(g->sim_start, &t))
        key_error(errs, &g->obj, "sim_start",
                  "sim_start: expected an ISO 8601 time such as "
                  "2024-06-21T04:00:00Z or epoch seconds, not '%s'",
                  g->sim_start);
    if (cfg->mqtt) {
        struct pvs_cfg_mqtt *m = cfg->mqtt;
        if (m->uri && !has_scheme(m->uri, mqtt_schemes))
            key_error(errs, &m->obj, "uri",
                      "uri '%s' must start with tcp://, mqtt://, ssl:// or "
                      "mqtts://",
                      m->uri);
        check_file(&m->obj, "credentials", m->credentials, errs);
        check_file(&m->obj, "ca_file", m->ca_file, errs);
        if (!m->ntopics) {
            m->topics = pvs_calloc(2, sizeof(char *));
            m->topics[0] = pvs_strdup("pvsentry/#");
            m->ntopics = 1;
        }
    }
    if (cfg->smtp) {
        struct pvs_cfg_smtp *s = cfg->smtp;
        if (s->url && !has_scheme(s->url, smtp_schemes))
            key_error(errs, &s->obj, "url",
                      "url '%s' must start with smtp:// or smtps://", s->url);
        if (s->from && !strchr(s->from, '@'))
            key_error(errs, &s->obj, "from",
                      "from '%s' is not an email address", s->from);
        check_file(&s->obj, "credentials", s->credentials, errs);
        check_file(&s->obj, "ca_file", s->ca_file, errs);
        if (s->retry_max_ms < s->retry_min_ms)
            key_error(errs, &s->obj, "retry_max",
                      "retry_max must not be shorter than retry_min");
    }
    if (cfg->http) {
        struct pvs_cfg_http *h = cfg->http;
        check_file(&h->obj, "tls_cert", h->tls_cert, errs);
        check_file(&h->obj, "tls_key", h->tls_key, errs);
        check_file(&h->obj, "admin_token_file", h->admin_token_file, errs);
        if (!h->tls_cert != !h->tls_key)
            key_error(errs, &h->obj, h->tls_cert ? "tls_cert" : "tls_key",
                      "tls_cert and tls_key go together: set both or "
                      "neither");
    }
}

static void validate(struct pvs_config *cfg, struct pvs_cfg_errors *errs) {
    validate_sections(cfg, errs);
    for (size_t i = 0; i < cfg->ntechnicians; i++) {
        struct pvs_person *p = cfg->technicians[i];
        p->index = i;
    }
    for (size_t i = 0; i < cfg->ncustomers; i++) {
        struct pvs_person *p = cfg->customers[i];
        p->index = i;
    }
    validate_workflow(cfg, errs);
    for (size_t i = 0; i < cfg->nsites; i++) {
        struct pvs_site *s = cfg->sites[i];
        s->index = i;
        s->customer = ref((void **)cfg->customers, cfg->ncustomers, &s->obj,
                          "customer", s->customer_id, "customer", errs);
        s->technician =
            ref((void **)cfg->technicians, cfg->ntechnicians, &s->obj,
                "technician", s->technician_id, "technician", errs);
    }
    for (size_t i = 0; i < cfg->nendpoints; i++) {
        struct pvs_endpoint *e = cfg->endpoints[i];
        e->index = i;
    }
    for (size_t i = 0; i < cfg->nmaps; i++)
        (void)cfg->maps[i];
    for (size_t i = 0; i < cfg->ndevices; i++) {
        struct pvs_device *d = cfg->devices[i];
        d->index = i;
        d->site = ref((void **)cfg->sites, cfg->nsites, &d->obj, "site",
                      d->site_id, "site", errs);
        d->endpoint = ref((void **)cfg->endpoints, cfg->nendpoints, &d->obj,
                          "endpoint", d->endpoint_id, "endpoint", errs);
        if (d->endpoint && strcmp(d->profile, "sunspec") &&
            !find_named((void **)cfg->maps, cfg->nmaps, d->profile))
            key_error(errs, &d->obj, "profile",
                      "profile '%s' is neither sunspec nor a defined "
                      "[map]",
                      d->profile);
    }
    for (size_t i = 0; i < cfg->nregisters; i++) {
        struct pvs_register *r = cfg->registers[i];
        const char *slash = strchr(r->obj.id, '/');
        enum pvs_metric m;
        unsigned idx;

        if (!slash || slash == r->obj.id || !slash[1]) {
            pvs_cfg_error(errs, r->obj.file, r->obj.line,
                          "register name '%s' must be \"map/metric\"",
                          r->obj.id);
            continue;
        }
        r->map_id = pvs_strndup(r->obj.id, (size_t)(slash - r->obj.id));
        r->metric = pvs_strdup(slash + 1);
        r->map = find_named((void **)cfg->maps, cfg->nmaps, r->map_id);
        if (!r->map)
            pvs_cfg_error(errs, r->obj.file, r->obj.line,
                          "map '%s' is not defined", r->map_id);
        if (pvs_metric_parse(r->metric, &m, &idx))
            pvs_cfg_error(errs, r->obj.file, r->obj.line,
                          "unknown metric '%s' (see the canonical metric "
                          "names in the README)",
                          r->metric);
    }
    for (size_t i = 0; i < cfg->nrules; i++) {
        struct pvs_rule_cfg *r = cfg->rules[i];
        ref((void **)cfg->sites, cfg->nsites, &r->obj, "site", r->site_id,
            "site", errs);
        ref((void **)cfg->devices, cfg->ndevices, &r->obj, "device",
            r->device_id, "device", errs);
        if (!r->obj.kv || !pvs_cfg_obj_kv(&r->obj, "for"))
            r->for_ms = -1;
        if (!pvs_cfg_obj_kv(&r->obj, "recovery"))
            r->recovery_ms = -1;
    }
    validate_silences(cfg, errs);
    validate_channels(cfg, errs);
    validate_mqtt_maps(cfg, errs);
    pvs_cluster_config_check(cfg, errs);
}

static const struct section_def *def_of(const char *type) {
    return find_section(type);
}

void pvs_config_free(struct pvs_config *cfg) {
    if (!cfg)
        return;
    entity_keys_init();
    free_fields(&cfg->global, global_keys);
    if (cfg->mqtt)
        free_fields(cfg->mqtt, mqtt_keys);
    pvs_free(cfg->mqtt);
    if (cfg->smtp)
        free_fields(cfg->smtp, smtp_keys);
    pvs_free(cfg->smtp);
    if (cfg->sms)
        free_fields(cfg->sms, sms_keys);
    pvs_free(cfg->sms);
    if (cfg->http)
        free_fields(cfg->http, http_keys);
    pvs_free(cfg->http);
    if (cfg->cluster)
        free_fields(cfg->cluster, cluster_keys);
    pvs_free(cfg->cluster);
    for (size_t i = 0; i < PVS_ARRAY_LEN(sections); i++) {
        const struct section_def *d = &sections[i];
        void ***arr;
        size_t n;

        if (!d->arr_off)
            continue;
        arr = (void ***)((char *)cfg + d->arr_off);
        n = *(size_t *)((char *)cfg + d->n_off);
        for (size_t k = 0; k < n; k++) {
            free_fields((*arr)[k], d->keys);
            if (d == def_of("team"))
                pvs_free(((struct pvs_team *)(*arr)[k])->member_refs);
            if (d == def_of("register")) {
                struct pvs_register *r = (*arr)[k];
                pvs_free(r->map_id);
                pvs_free(r->metric);
            }
            pvs_free((*arr)[k]);
        }
        pvs_free(*arr);
    }
    for (size_t i = 0; i < cfg->nfiles; i++)
        pvs_free(cfg->files[i]);
    pvs_free(cfg->files);
    pvs_free(cfg->path);
    pvs_free(cfg);
}

enum pvs_err pvs_config_load(const char *path, struct pvs_config **ret,
                             struct pvs_cfg_errors *errs) {
    struct pvs_config *cfg = pvs_config_load_all(path, errs);

    if (errs->count) {
        pvs_config_free(cfg);
        return PVS_ERR_CONFIG;
    }
    *ret = cfg;
    return PVS_OK;
}

/* Whether the file's sections define a type section called id. */
static bool raw_has(const struct cfg_raw *raw, const char *type,
                    const char *id) {
    for (size_t i = 0; i < raw->nsections; i++)
        if (raw->sections[i].name && !strcmp(raw->sections[i].type, type) &&
            !strcmp(raw->sections[i].name, id))
            return true;
    return false;
}

/*
 * The objects of objs as raw sections after the file's, with their origin
 * as file and line 0. An object the file defines already is left out:
 * the file wins.
 */
static void raw_add_objs(struct cfg_raw *raw,
                         const struct pvs_entity_objs *objs) {
    for (size_t i = 0; objs && i < objs->n; i++) {
        const struct pvs_entity_obj *o = &objs->objs[i];
        struct cfg_raw_section *sec;
        const char *origin;

        if (raw_has(raw, o->entity->name, o->id))
            continue;
        raw->files =
            pvs_realloc(raw->files, (raw->nfiles + 1) * sizeof(char *));
        origin = raw->files[raw->nfiles++] = pvs_strdup(o->origin);
        raw->sections = pvs_realloc(raw->sections, (raw->nsections + 1) *
                                                       sizeof(*raw->sections));
        sec = &raw->sections[raw->nsections++];
        memset(sec, 0, sizeof(*sec));
        sec->type = pvs_strdup(o->entity->name);
        sec->name = pvs_strdup(o->id);
        sec->file = origin;
        sec->kv = pvs_calloc(o->nkv + 1, sizeof(*sec->kv));
        for (size_t k = 0; k < o->nkv; k++) {
            struct pvs_kv *kv = &sec->kv[sec->nkv++];
            kv->key = pvs_strdup(o->kv[k].key);
            for (char *c = kv->key; *c; c++)
                *c = (char)tolower((unsigned char)*c);
            kv->value = pvs_strdup(o->kv[k].value);
            kv->file = origin;
        }
    }
}

struct pvs_config *pvs_config_load_all(const char *path,
                                       struct pvs_cfg_errors *errs) {
    return pvs_config_load_objs(path, NULL, errs);
}

/* An unknown section: the closest name, or the whole list. */
static void unknown_section(const struct cfg_raw_section *s, const char *label,
                            struct pvs_cfg_errors *errs) {
    const char *best = NULL;
    unsigned bestd = 3;
    for (size_t k = 0; k < PVS_ARRAY_LEN(sections); k++) {
        unsigned dist = pvs_edit_distance(s->type, sections[k].name);
        if (dist < bestd) {
            bestd = dist;
            best = sections[k].name;
        }
    }
    if (best) {
        pvs_cfg_error(errs, s->file, s->line,
                      "unknown section %s: did you mean [%s]?", label, best);
    } else {
        struct pvs_buf names;
        pvs_buf_init(&names, 1024);
        for (size_t k = 0; k < PVS_ARRAY_LEN(sections); k++)
            pvs_buf_printf(&names, "%s%s", k ? ", " : "", sections[k].name);
        pvs_cfg_error(errs, s->file, s->line,
                      "unknown section %s: expected one of %s", label,
                      names.data);
        pvs_buf_release(&names);
    }
}

/* Section s, of kind d, into cfg. */
static void load_section(struct pvs_config *cfg, const struct section_def *d,
                         struct cfg_raw_section *s, const char *label,
                         bool *global_seen, struct pvs_cfg_errors *errs) {
    void *obj;

    if (d->named && !s->name) {
        pvs_cfg_error(errs, s->file, s->line,
                      "section [%s] needs a name: [%s \"id\"]", d->name,
                      d->name);
        return;
    }
    if (!d->named && s->name) {
        pvs_cfg_error(errs, s->file, s->line, "section [%s] takes no name",
                      d->name);
        return;
    }
    if (!d->named) {
        void **slot =
            d->single_off ? (void **)((char *)cfg + d->single_off) : NULL;
        if ((slot && *slot) || (!slot && *global_seen)) {
            pvs_cfg_error(errs, s->file, s->line, "duplicate section [%s]",
                          d->name);
            return;
        }
        if (slot) {
            obj = pvs_calloc(1, d->size);
            *slot = obj;
        } else {
            obj = &cfg->global;
            *global_seen = true;
        }
        apply_section(obj, d, s, errs);
        return;
    }
    {
        void ***arr = (void ***)((char *)cfg + d->arr_off);
        size_t *n = (size_t *)((char *)cfg + d->n_off);
        struct pvs_cfg_obj *prev = find_named(*arr, *n, s->name);
        if (prev) {
            pvs_cfg_error(errs, s->file, s->line,
                          "duplicate section %s (first defined at "
                          "%s:%d)",
                          label, prev->file, prev->line);
            return;
        }
        obj = pvs_calloc(1, d->size);
        *arr = pvs_realloc(*arr, (*n + 1) * sizeof(void *));
        (*arr)[(*n)++] = obj;
        apply_section(obj, d, s, errs);
    }
}

struct pvs_config *pvs_config_load_objs(const char *path,
                                        const struct pvs_entity_objs *objs,
                                        struct pvs_cfg_errors *errs) {
    return pvs_config_load_view(path, objs, NULL, NULL, errs);
}

struct pvs_config *
pvs_config_load_view(const char *path, const struct pvs_entity_objs *objs,
                     bool (*keep)(void *ud, const char *site), void *ud,
                     struct pvs_cfg_errors *errs) {
    struct cfg_raw raw;
    struct pvs_config *cfg = pvs_calloc(1, sizeof(*cfg));
    bool global_seen = false;
    char label[160];

    entity_keys_init();
    memset(&raw, 0, sizeof(raw));
    cfg->path = pvs_strdup(path);
    pvs_cfg_raw_read(&raw, path, errs);
    raw_add_objs(&raw, objs);
    if (keep)
        pvs_cfg_raw_keep_sites(&raw, keep, ud);

    for (size_t i = 0; i < raw.nsections; i++) {
        struct cfg_raw_section *s = &raw.sections[i];
        const struct section_def *d = find_section(s->type);

        section_label(s, label, sizeof(label));
        if (!d) {
            unknown_section(s, label, errs);
            continue;
        }
        load_section(cfg, d, s, label, &global_seen, errs);
    }
    if (!global_seen) {
        struct cfg_raw_section empty;
        char gname[] = "global";
        memset(&empty, 0, sizeof(empty));
        empty.type = gname;
        empty.file = raw.nfiles ? raw.files[0] : path;
        apply_section(&cfg->global, find_section("global"), &empty, errs);
    }
    /* The config owns the file names every origin points at. */
    cfg->files = raw.files;
    cfg->nfiles = raw.nfiles;
    pvs_cfg_raw_release(&raw, true);

    validate(cfg, errs);
    return cfg;
}

bool pvs_config_obj_from_store(const struct pvs_cfg_obj *obj) {
    return obj->id && obj->line == 0;
}

const struct pvs_site *pvs_config_site(const struct pvs_config *cfg,
                                       const char *id) {
    return find_named((void **)cfg->sites, cfg->nsites, id);
}

const struct pvs_device *pvs_config_device(const struct pvs_config *cfg,
                                           const char *id) {
    return find_named((void **)cfg->devices, cfg->ndevices, id);
}

static bool is_inverter(const struct pvs_device *d) {
    return !d->kind || !strcmp(d->kind, "inverter");
}

double pvs_config_device_kwp(const struct pvs_config *cfg,
                             const struct pvs_device *dev) {
    size_t n = 0;
    double rest;

    if (dev->kwp > 0)
        return dev->kwp;
    if (!dev->site || dev->site->kwp <= 0 || !is_inverter(dev))
        return 0.0;
    /* The site's kWp not claimed by a device's own kwp, shared evenly. */
    rest = dev->site->kwp;
    for (size_t i = 0; i < cfg->ndevices; i++) {
        const struct pvs_device *d = cfg->devices[i];
        if (d->site != dev->site || !is_inverter(d))
            continue;
        if (d->kwp > 0)
            rest -= d->kwp;
        else
            n++;
    }
    if (rest <= 0 || !n)
        return 0.0;
    return rest / (double)n;
}

const struct pvs_person *pvs_config_technician(const struct pvs_config *cfg,
                                               const char *id) {
    return find_named((void **)cfg->technicians, cfg->ntechnicians, id);
}

const struct pvs_cfg_webhook *pvs_config_webhook(const struct pvs_config *cfg,
                                                 const char *id) {
    return find_named((void **)cfg->webhooks, cfg->nwebhooks, id);
}

bool pvs_config_webhook_wants(const struct pvs_cfg_webhook *w,
                              const char *kind) {
    if (!w->nevents)
        return true;
    for (size_t i = 0; i < w->nevents; i++)
        if (!strcmp(w->events[i], kind))
            return true;
    return false;
}

void pvs_config_retry(const struct pvs_config *cfg, const char *channel,
                      const char *recipient, struct pvs_cfg_retry *ret) {
    const struct pvs_cfg_webhook *w;

    ret->min_ms = 10000;
    ret->max_ms = 1800000;
    ret->give_up_ms = 172800000;
    ret->max_attempts = 0;
    if (!strcmp(channel, "email") && cfg->smtp) {
        ret->min_ms = cfg->smtp->retry_min_ms;
        ret->max_ms = cfg->smtp->retry_max_ms;
        ret->give_up_ms = cfg->smtp->give_up_ms;
    } else if (!strcmp(channel, "webhook") && recipient &&
               (w = pvs_config_webhook(cfg, recipient))) {
        ret->min_ms = w->retry_min_ms;
        ret->max_ms = w->retry_max_ms;
        ret->give_up_ms = w->give_up_ms;
    } else if (!strcmp(channel, "sms") && cfg->sms) {
        ret->min_ms = cfg->sms->retry_min_ms;
        ret->max_ms = cfg->sms->retry_max_ms;
        ret->give_up_ms = cfg->sms->give_up_ms;
        ret->max_attempts = cfg->sms->retries + 1;
    }
}

const struct pvs_person *pvs_config_customer(const struct pvs_config *cfg,
                                             const char *id) {
    return find_named((void **)cfg->customers, cfg->ncustomers, id);
}

/* ---- the tables, for the manual page ---- */

/* A size as it would be written: 64k rather than 65536. */
static void fmt_size(char *buf, size_t size, double v) {
    static const struct {
        const char *unit;
        double n;
    } units[] = {{"g", 1073741824.0}, {"m", 1048576.0}, {"k", 1024.0}};

    for (size_t i = 0; i < PVS_ARRAY_LEN(units); i++) {
        if (v >= units[i].n && fmod(v, units[i].n) == 0) {
            pvs_snprintf(buf, size, "%.0f%s", v / units[i].n, units[i].unit);
            return;
        }
    }
    fmt_num(buf, size, v);
}

void pvs_config_schema_print(FILE *out) {
    static const char *const type_names[] = {
        [K_STR] = "string",        [K_INT] = "integer", [K_DOUBLE] = "number",
        [K_DURATION] = "duration", [K_SIZE] = "size",   [K_BOOL] = "boolean",
        [K_ENUM] = "choice",       [K_LIST] = "list",   [K_PATH] = "path",
        [K_STORE] = "path or URL",
    };

    entity_keys_init();
    for (size_t i = 0; i < PVS_ARRAY_LEN(sections); i++) {
        const struct section_def *d = &sections[i];

        fprintf(out, "section\t%s\t%s\t%s\n", d->name,
                d->named ? "named" : "single", d->open ? "open" : "closed");
        for (const struct key_def *k = d->keys; k->name; k++) {
            char lo[32] = "", hi[32] = "";
            struct pvs_buf choices;

            if (k->min != 0 || k->max != 0) {
                if (k->type == K_DURATION) {
                    fmt_duration(lo, sizeof(lo), k->min);
                    fmt_duration(hi, sizeof(hi), k->max);
                } else if (k->type == K_SIZE) {
                    fmt_size(lo, sizeof(lo), k->min);
                    fmt_size(hi, sizeof(hi), k->max);
                } else {
                    fmt_num(lo, sizeof(lo), k->min);
                    fmt_num(hi, sizeof(hi), k->max);
                }
            }
            pvs_buf_init(&choices, 1024);
            pvs_buf_puts(&choices, "");
            for (const char *const *c = k->choices; c && *c; c++)
                pvs_buf_printf(&choices, "%s%s", c == k->choices ? "" : ",",
                               *c);
            fprintf(out, "key\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", d->name,
                    k->name, type_names[k->type], k->def ? k->def : "", lo, hi,
                    choices.data, k->required ? "required" : "optional");
            pvs_buf_release(&choices);
        }
    }
}
