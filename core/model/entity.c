/* SPDX-License-Identifier: MIT */
/*
 * entity.c - the field tables of the objects installers register, and
 * the checks that every place (config, store, API, CSV) shares.
 *
 * DESIGN
 * A field is one line of a table: adding one is adding that line (and,
 * for a stored field, a migration for its column). The config keeps its
 * own units (durations in ms, times as ISO 8601), and min and max are in
 * those units; the API and the store see a duration as a number of
 * unit_ms, so a device's interval is "interval = 30s" in the file and
 * "interval_s": 30 in the JSON.
 */
#define PVS_LOG_MODULE "entity"
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pvs/config.h"
#include "pvs/entity.h"
#include "pvs/hours.h"
#include "pvs/metrics.h"

static const char *const device_kinds[] = {"inverter", "meter",   "sensor",
                                           "logger",   "battery", NULL};
static const char *const parities[] = {"N", "E", "O", NULL};
static const char *const languages[] = {"en", "fr", "de", "es",
                                        "it", "nl", NULL};
static const char *const channels[] = {"email", "sms", NULL};

static enum pvs_err check_timezone(const char *v, char *msg, size_t size) {
    char path[512];

    if (!strcmp(v, "UTC"))
        return PVS_OK;
    pvs_snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", v);
    if (v[0] != '/' && !strstr(v, "..") && access(path, R_OK) == 0)
        return PVS_OK;
    pvs_snprintf(msg, size,
                 "unknown timezone '%.64s': expected an IANA name such as "
                 "Europe/Paris",
                 v);
    return PVS_ERR_INVAL;
}

static enum pvs_err check_email(const char *v, char *msg, size_t size) {
    if (strchr(v, '@'))
        return PVS_OK;
    pvs_snprintf(msg, size, "email '%.64s' is not an email address", v);
    return PVS_ERR_INVAL;
}

static enum pvs_err check_hours(const char *v, char *msg, size_t size) {
    if (pvs_hours_valid(v))
        return PVS_OK;
    pvs_snprintf(msg, size,
                 "hours '%.64s': expected days and a time span such as "
                 "'mon-fri 08:00-18:00' or 'sat 09:00-12:00'",
                 v);
    return PVS_ERR_INVAL;
}

static enum pvs_err check_span(const char *v, char *msg, size_t size) {
    if (pvs_span_valid(v))
        return PVS_OK;
    pvs_snprintf(msg, size,
                 "quiet_hours '%.64s': expected a span such as 21:00-08:00", v);
    return PVS_ERR_INVAL;
}

static enum pvs_err check_modbus_url(const char *v, char *msg, size_t size) {
    if (!strncmp(v, "tcp://", 6) || !strncmp(v, "rtu://", 6))
        return PVS_OK;
    pvs_snprintf(msg, size,
                 "url '%.64s' must be tcp://HOST:PORT or rtu:///dev/TTY", v);
    return PVS_ERR_INVAL;
}

#define REQ PVS_FIELD_REQUIRED
#define API_REQ PVS_FIELD_API_REQUIRED
#define RO PVS_FIELD_READONLY
#define ML PVS_FIELD_MULTILINE
#define NONE 0, 0

/* key, type, offset, default, range, choices, ref, check, unit, column,
 * JSON member, CSV column, flags */
#define S(f) offsetof(struct pvs_site, f)
static const struct pvs_field site_fields[] = {
    {"name", PVS_FT_STR, S(name), NULL, 0, 120, NULL, NULL, NULL, 0, "name",
     "name", "name", API_REQ},
    {"address", PVS_FT_STR, S(address), NULL, 0, 300, NULL, NULL, NULL, 0,
     "address", "address", "address", ML},
    {"latitude", PVS_FT_DOUBLE, S(latitude), NULL, -90, 90, NULL, NULL, NULL, 0,
     "latitude", "latitude", "latitude", REQ},
    {"longitude", PVS_FT_DOUBLE, S(longitude), NULL, -180, 180, NULL, NULL,
     NULL, 0, "longitude", "longitude", "longitude", REQ},
    {"timezone", PVS_FT_STR, S(timezone), "UTC", 0, 64, NULL, NULL,
     check_timezone, 0, "timezone", "timezone", "timezone", 0},
    {"kwp", PVS_FT_DOUBLE, S(kwp), "0", 0, 1e6, NULL, NULL, NULL, 0, "kwp",
     "kwp", "kwp", 0},
    {"tilt", PVS_FT_DOUBLE, S(tilt), "30", 0, 90, NULL, NULL, NULL, 0, "tilt",
     "tilt", "tilt", 0},
    {"azimuth", PVS_FT_DOUBLE, S(azimuth), "180", 0, 360, NULL, NULL, NULL, 0,
     "azimuth", "azimuth", "azimuth", 0},
    {"access_notes", PVS_FT_STR, S(access_notes), NULL, 0, 500, NULL, NULL,
     NULL, 0, "access_notes", "access_notes", "access_notes", ML},
    {"customer", PVS_FT_STR, S(customer_id), NULL, 0, 64, NULL, "customer",
     NULL, 0, "customer_id", "customer_id", "customer_id", 0},
    {"technician", PVS_FT_STR, S(technician_id), NULL, 0, 64, NULL,
     "technician", NULL, 0, "technician_id", "technician_id", "technician_id",
     0},
    {"area", PVS_FT_STR, S(area), NULL, 0, 64, NULL, NULL, NULL, 0, "area",
     "area", "area", 0},
    {"loss_factor", PVS_FT_DOUBLE, S(loss_factor), "0.14", 0, 0.9, NULL, NULL,
     NULL, 0, "loss_factor", "loss_factor", "loss_factor", 0},
};

#define D(f) offsetof(struct pvs_device, f)
static const struct pvs_field device_fields[] = {
    {"site", PVS_FT_STR, D(site_id), NULL, 0, 64, NULL, "site", NULL, 0,
     "site_id", "site_id", "site_id", REQ},
    {"kind", PVS_FT_ENUM, D(kind), "inverter", NONE, device_kinds, NULL, NULL,
     0, "kind", "kind", "kind", 0},
    {"kwp", PVS_FT_DOUBLE, D(kwp), "0", 0, 1e6, NULL, NULL, NULL, 0, "kwp",
     "kwp", "kwp", 0},
    {"rated_power", PVS_FT_DOUBLE, D(rated_w), "0", 0, 1e8, NULL, NULL, NULL, 0,
     "rated_power", "rated_power", "rated_power", 0},
    {"mppt_inputs", PVS_FT_INT, D(mppt_inputs), "0", 0, PVS_MPPT_MAX, NULL,
     NULL, NULL, 0, "mppt_inputs", "mppt_inputs", "mppt_inputs", 0},
    {"vendor", PVS_FT_STR, D(vendor), NULL, 0, 80, NULL, NULL, NULL, 0,
     "vendor", "vendor", "vendor", 0},
    {"model", PVS_FT_STR, D(model), NULL, 0, 80, NULL, NULL, NULL, 0, "model",
     "model", "model", PVS_FIELD_LEARNT},
    {"label", PVS_FT_STR, D(label), NULL, 0, 80, NULL, NULL, NULL, 0, "label",
     "label", "label", 0},
    {"endpoint", PVS_FT_STR, D(endpoint_id), NULL, 0, 64, NULL, "endpoint",
     NULL, 0, "endpoint", "endpoint", "endpoint", 0},
    /* The API's shortcut: an endpoint of the device's own (api-DEVICE). */
    {NULL, PVS_FT_STR, 0, NULL, 0, 200, NULL, NULL, check_modbus_url, 0,
     "endpoint_url", "endpoint_url", "endpoint_url", 0},
    {"unit_id", PVS_FT_INT, D(unit_id), "1", 0, 247, NULL, NULL, NULL, 0,
     "unit_id", "unit_id", "unit_id", 0},
    {"profile", PVS_FT_STR, D(profile), "sunspec", 0, 64, NULL, NULL, NULL, 0,
     "profile", "profile", "profile", 0},
    {"interval", PVS_FT_DURATION, D(interval_ms), "60s", 100, 86400e3, NULL,
     NULL, NULL, 1000, "interval_s", "interval_s", "interval_s", 0},
    {"serial", PVS_FT_STR, D(serial), NULL, 0, 64, NULL, NULL, NULL, 0,
     "serial", "serial", "serial", PVS_FIELD_LEARNT},
    /* What the poller read from the device itself. */
    {NULL, PVS_FT_STR, 0, NULL, 0, 80, NULL, NULL, NULL, 0, "manufacturer",
     "manufacturer", NULL, RO},
};

#define P(f) offsetof(struct pvs_person, f)
#define PERSON_FIELDS                                                          \
    {"name", PVS_FT_STR, P(name), NULL,   0,      120,    NULL,                \
     NULL,   NULL,       0,       "name", "name", "name", REQ},                \
        {"email", PVS_FT_STR,  P(email), NULL,    0,       200,     NULL,      \
         NULL,    check_email, 0,        "email", "email", "email", 0},        \
        {"phone", PVS_FT_STR, P(phone), NULL,    0,       40,      NULL,       \
         NULL,    NULL,       0,        "phone", "phone", "phone", 0},         \
    {                                                                          \
        "language", PVS_FT_ENUM, P(language), "en", NONE, languages, NULL,     \
            NULL, 0, "language", "language", "language", 0                     \
    }
static const struct pvs_field technician_fields[] = {
    PERSON_FIELDS,
    {"skill", PVS_FT_LIST, P(skills), NULL, 0, 64, NULL, NULL, NULL, 0,
     "skills", "skills", "skills", 0},
    {"area", PVS_FT_LIST, P(areas), NULL, 0, 64, NULL, NULL, NULL, 0, "areas",
     "areas", "areas", 0},
    {"hours", PVS_FT_STR, P(hours), NULL, 0, 200, NULL, NULL, check_hours, 0,
     "hours", "hours", "hours", 0},
    {"timezone", PVS_FT_STR, P(timezone), "UTC", 0, 64, NULL, NULL,
     check_timezone, 0, "timezone", "timezone", "timezone", 0},
};
static const struct pvs_field customer_fields[] = {
    PERSON_FIELDS,
    {"quiet_hours", PVS_FT_STR, P(quiet_hours), "21:00-08:00", 0, 32, NULL,
     NULL, check_span, 0, "quiet_hours", "quiet_hours", "quiet_hours", 0},
    {"channel", PVS_FT_ENUM, P(channel), "email", NONE, channels, NULL, NULL, 0,
     "channel", "channel", "channel", 0},
    {"opt_out", PVS_FT_BOOL, P(opt_out), "false", NONE, NULL, NULL, NULL, 0,
     "opt_out", "opt_out", "opt_out", 0},
};

#define E(f) offsetof(struct pvs_endpoint, f)
static const struct pvs_field endpoint_fields[] = {
    {"url", PVS_FT_STR, E(url), NULL, 0, 200, NULL, NULL, check_modbus_url, 0,
     NULL, NULL, NULL, REQ},
    {"baud", PVS_FT_INT, E(baud), "9600", 300, 4000000, NULL, NULL, NULL, 0,
     NULL, NULL, NULL, 0},
    {"parity", PVS_FT_ENUM, E(parity), "N", NONE, parities, NULL, NULL, 0, NULL,
     NULL, NULL, 0},
    {"data_bits", PVS_FT_INT, E(data_bits), "8", 5, 8, NULL, NULL, NULL, 0,
     NULL, NULL, NULL, 0},
    {"stop_bits", PVS_FT_INT, E(stop_bits), "1", 1, 2, NULL, NULL, NULL, 0,
     NULL, NULL, NULL, 0},
    {"timeout", PVS_FT_DURATION, E(timeout_ms), "1s", 10, 60e3, NULL, NULL,
     NULL, 1, NULL, NULL, NULL, 0},
    {"offline_after", PVS_FT_INT, E(offline_after), "3", 1, 1000, NULL, NULL,
     NULL, 0, NULL, NULL, NULL, 0},
    {"backoff_max", PVS_FT_DURATION, E(backoff_max_ms), "5m", 1000, 86400e3,
     NULL, NULL, NULL, 1, NULL, NULL, NULL, 0},
};

#define SI(f) offsetof(struct pvs_silence, f)
static const struct pvs_field silence_fields[] = {
    {"site", PVS_FT_STR, SI(site_id), NULL, 0, 64, NULL, "site", NULL, 0,
     "site_id", "site", NULL, 0},
    {"device", PVS_FT_STR, SI(device_id), NULL, 0, 64, NULL, "device", NULL, 0,
     "device_id", "device", NULL, 0},
    {"rule", PVS_FT_STR, SI(rule), NULL, 0, 64, NULL, NULL, NULL, 0, "rule",
     "rule", NULL, 0},
    {"start", PVS_FT_TIME, SI(start), NULL, NONE, NULL, NULL, NULL, 0,
     "start_ms", "start", NULL, 0},
    {"end", PVS_FT_TIME, SI(end), NULL, NONE, NULL, NULL, NULL, 0, "end_ms",
     "end", NULL, REQ},
    {"reason", PVS_FT_STR, SI(reason), NULL, 0, 500, NULL, NULL, NULL, 0,
     "reason", "reason", NULL, ML},
};

/* The rest of an [mqtt_map] (topic, field.*, ac.*...) is the collector's
 * (pvs_mqtt_map_check): the API carries it as "settings". */
#define MM(f) offsetof(struct pvs_mqtt_map_cfg, f)
static const struct pvs_field mqtt_map_fields[] = {
    {"preset", PVS_FT_STR, MM(preset), NULL, 0, 64, NULL, NULL, NULL, 0,
     "preset", "preset", NULL, 0},
    {"site", PVS_FT_STR, MM(site_id), NULL, 0, 64, NULL, "site", NULL, 0,
     "site_id", "site_id", NULL, 0},
    {"device", PVS_FT_LIST, MM(devices), NULL, 0, 140, NULL, NULL, NULL, 0,
     "devices", "devices", NULL, 0},
    {"gateway", PVS_FT_STR, MM(gateway_id), NULL, 0, 64, NULL, "device", NULL,
     0, "gateway_id", "gateway_id", NULL, 0},
    {NULL, PVS_FT_OBJECT, 0, NULL, 0, 500, NULL, NULL, NULL, 0, "settings",
     "settings", NULL, 0},
};

#define ENTITY(n, t, r, csv, st, f, fl)                                        \
    { n, t, r, csv, sizeof(struct st), f, PVS_ARRAY_LEN(f), fl }
static const struct pvs_entity customer =
    ENTITY("customer", "people", "customer", "customer", pvs_person,
           customer_fields, PVS_ENTITY_API);
static const struct pvs_entity technician =
    ENTITY("technician", "people", "technician", "technician", pvs_person,
           technician_fields, PVS_ENTITY_API);
static const struct pvs_entity site = ENTITY(
    "site", "sites", NULL, "site", pvs_site, site_fields, PVS_ENTITY_API);
static const struct pvs_entity endpoint =
    ENTITY("endpoint", NULL, NULL, NULL, pvs_endpoint, endpoint_fields, 0);
static const struct pvs_entity device =
    ENTITY("device", "devices", NULL, "device", pvs_device, device_fields,
           PVS_ENTITY_API);
static const struct pvs_entity silence =
    ENTITY("silence", "api_silences", NULL, NULL, pvs_silence, silence_fields,
           PVS_ENTITY_API | PVS_ENTITY_INT_ID);
static const struct pvs_entity mqtt_map =
    ENTITY("mqtt_map", "mqtt_maps", NULL, NULL, pvs_mqtt_map_cfg,
           mqtt_map_fields, PVS_ENTITY_API | PVS_ENTITY_OPEN);

const struct pvs_entity *const pvs_entities[] = {
    &customer, &technician, &site, &endpoint, &device, &silence, &mqtt_map,
};
const size_t pvs_nentities = PVS_ARRAY_LEN(pvs_entities);

const struct pvs_entity *pvs_entity_find(const char *name) {
    for (size_t i = 0; name && i < pvs_nentities; i++)
        if (!strcmp(pvs_entities[i]->name, name))
            return pvs_entities[i];
    return NULL;
}

const struct pvs_field *pvs_entity_field(const struct pvs_entity *e,
                                         const char *key) {
    for (size_t i = 0; i < e->nfields; i++)
        if (e->fields[i].key && !strcmp(e->fields[i].key, key))
            return &e->fields[i];
    return NULL;
}

const struct pvs_field *pvs_entity_field_json(const struct pvs_entity *e,
                                              const char *name) {
    for (size_t i = 0; i < e->nfields; i++)
        if (e->fields[i].json && !strcmp(e->fields[i].json, name))
            return &e->fields[i];
    return NULL;
}

bool pvs_entity_id_valid(const char *id) {
    size_t n = 0;

    if (!id)
        return false;
    for (const char *p = id; *p; p++, n++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            return false;
    }
    return n >= 1 && n <= 64 && id[0] != '.';
}

/* Text without control characters (newlines allowed in notes). */
static bool text_clean(const char *s, bool multiline) {
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p < 0x20 && !(multiline && (*p == '\n' || *p == '\t'))) ||
            *p == 0x7f)
            return false;
    return true;
}

static bool has_text(const cJSON *v) {
    return cJSON_IsString(v) && v->valuestring[0];
}

/* One text value (a string member, a list item, a settings value). */
static enum pvs_err check_text(const struct pvs_field *f, const char *name,
                               const char *v, char *msg, size_t msgsize) {
    size_t n = strlen(v);

    if (!n && f->type != PVS_FT_OBJECT) {
        pvs_snprintf(msg, msgsize, "%s must not be empty", name);
        return PVS_ERR_INVAL;
    }
    if (f->max > 0 && (double)n > f->max) {
        pvs_snprintf(msg, msgsize, "%s must be at most %.0f characters long",
                     name, f->max);
        return PVS_ERR_INVAL;
    }
    if (!text_clean(v, f->flags & PVS_FIELD_MULTILINE)) {
        pvs_snprintf(msg, msgsize, "%s contains control characters", name);
        return PVS_ERR_INVAL;
    }
    if (f->ref && !pvs_entity_id_valid(v)) {
        pvs_snprintf(msg, msgsize, "%s is not a valid id", name);
        return PVS_ERR_INVAL;
    }
    if (f->type == PVS_FT_ENUM) {
        for (const char *const *c = f->choices; *c; c++)
            if (!strcmp(*c, v))
                return PVS_OK;
        pvs_snprintf(msg, msgsize,
                     "%s '%.40s' is not one of the allowed values", name, v);
        return PVS_ERR_INVAL;
    }
    if (f->check)
        return f->check(v, msg, msgsize);
    return PVS_OK;
}

/* The open keys of a section: lowercase config keys, string values. */
static enum pvs_err check_object(const struct pvs_field *f, const cJSON *m,
                                 char *msg, size_t msgsize) {
    const cJSON *it;

    if (!cJSON_IsObject(m) || cJSON_GetArraySize(m) > 64) {
        pvs_snprintf(msg, msgsize, "%s must be an object of strings", f->json);
        return PVS_ERR_INVAL;
    }
    cJSON_ArrayForEach(it, m) {
        const char *k = it->string;
        bool key_ok = *k && strlen(k) <= 64;
        for (const char *p = k; *p && key_ok; p++)
            key_ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
                     *p == '_' || *p == '.' || *p == '-';
        if (!key_ok || !cJSON_IsString(it)) {
            pvs_snprintf(msg, msgsize,
                         "%s: '%.40s' must be a lowercase key with a "
                         "string value",
                         f->json, k);
            return PVS_ERR_INVAL;
        }
        if (check_text(f, f->json, it->valuestring, msg, msgsize))
            return PVS_ERR_INVAL;
    }
    return PVS_OK;
}

static enum pvs_err check_member(const struct pvs_field *f, const cJSON *m,
                                 char *msg, size_t msgsize) {
    const char *name = f->json;
    const cJSON *it;
    double lo, hi;

    switch (f->type) {
    case PVS_FT_STR:
    case PVS_FT_ENUM:
        if (!cJSON_IsString(m)) {
            pvs_snprintf(msg, msgsize, "%s must be a string", name);
            return PVS_ERR_INVAL;
        }
        return check_text(f, name, m->valuestring, msg, msgsize);
    case PVS_FT_LIST:
        if (!cJSON_IsArray(m) || cJSON_GetArraySize(m) > 64) {
            pvs_snprintf(msg, msgsize, "%s must be a list of strings", name);
            return PVS_ERR_INVAL;
        }
        cJSON_ArrayForEach(it, m) {
            if (!cJSON_IsString(it)) {
                pvs_snprintf(msg, msgsize, "%s must be a list of strings",
                             name);
                return PVS_ERR_INVAL;
            }
            if (check_text(f, name, it->valuestring, msg, msgsize))
                return PVS_ERR_INVAL;
        }
        return PVS_OK;
    case PVS_FT_OBJECT:
        return check_object(f, m, msg, msgsize);
    case PVS_FT_BOOL:
        if (!cJSON_IsBool(m)) {
            pvs_snprintf(msg, msgsize, "%s must be true or false", name);
            return PVS_ERR_INVAL;
        }
        return PVS_OK;
    case PVS_FT_INT:
    case PVS_FT_DOUBLE:
    case PVS_FT_DURATION:
    case PVS_FT_TIME:
        if (!cJSON_IsNumber(m) || !isfinite(m->valuedouble)) {
            pvs_snprintf(msg, msgsize, "%s must be a number", name);
            return PVS_ERR_INVAL;
        }
        if ((f->type == PVS_FT_INT || f->type == PVS_FT_TIME) &&
            m->valuedouble != floor(m->valuedouble)) {
            pvs_snprintf(msg, msgsize, "%s must be a whole number", name);
            return PVS_ERR_INVAL;
        }
        lo = f->min;
        hi = f->max;
        if (f->type == PVS_FT_DURATION) {
            lo /= f->unit_ms;
            hi /= f->unit_ms;
        }
        if ((lo != 0 || hi != 0) &&
            (m->valuedouble < lo || m->valuedouble > hi)) {
            pvs_snprintf(msg, msgsize, "%s must be between %g and %g", name, lo,
                         hi);
            return PVS_ERR_INVAL;
        }
        return PVS_OK;
    }
    return PVS_OK;
}

/* Object checks of the layers above (pvs_entity_set_check), by index in
 * pvs_entities; written once before the threads start. */
static pvs_entity_check_fn *object_checks[16];

void pvs_entity_set_check(const char *name, pvs_entity_check_fn *fn) {
    PVS_ASSERT(pvs_nentities <= PVS_ARRAY_LEN(object_checks));
    for (size_t i = 0; i < pvs_nentities; i++)
        if (!strcmp(pvs_entities[i]->name, name))
            object_checks[i] = fn;
}

static pvs_entity_check_fn *object_check(const struct pvs_entity *e) {
    for (size_t i = 0; i < pvs_nentities; i++)
        if (pvs_entities[i] == e)
            return object_checks[i];
    return NULL;
}

enum pvs_err pvs_entity_validate_json(const struct pvs_entity *e,
                                      const cJSON *obj, bool create,
                                      char *field, size_t fieldsize, char *msg,
                                      size_t msgsize) {
    const cJSON *m;

    field[0] = '\0';
    if (!cJSON_IsObject(obj)) {
        pvs_snprintf(msg, msgsize, "expected a JSON object");
        return PVS_ERR_INVAL;
    }
    cJSON_ArrayForEach(m, obj) {
        const struct pvs_field *f;

        if (!strcmp(m->string, "id"))
            continue;
        f = pvs_entity_field_json(e, m->string);
        pvs_strlcpy(field, m->string, fieldsize);
        if (!f) {
            pvs_snprintf(msg, msgsize, "unknown field '%.60s' for a %s",
                         m->string, e->name);
            return PVS_ERR_INVAL;
        }
        if (f->flags & PVS_FIELD_READONLY) {
            pvs_snprintf(msg, msgsize, "%s is read-only", f->json);
            return PVS_ERR_INVAL;
        }
        if (cJSON_IsNull(m) &&
            !(f->flags & (PVS_FIELD_REQUIRED | PVS_FIELD_API_REQUIRED)))
            continue;
        if (check_member(f, m, msg, msgsize))
            return PVS_ERR_INVAL;
    }
    if (create) {
        for (size_t i = 0; i < e->nfields; i++) {
            const struct pvs_field *f = &e->fields[i];
            const cJSON *v;
            if (!f->json ||
                !(f->flags & (PVS_FIELD_REQUIRED | PVS_FIELD_API_REQUIRED)))
                continue;
            v = cJSON_GetObjectItemCaseSensitive(obj, f->json);
            if (!v || cJSON_IsNull(v)) {
                pvs_strlcpy(field, f->json, fieldsize);
                pvs_snprintf(msg, msgsize, "%s is required", f->json);
                return PVS_ERR_INVAL;
            }
        }
        /* Someone must be able to reach a customer. */
        if (e == &customer &&
            !has_text(cJSON_GetObjectItemCaseSensitive(obj, "email")) &&
            !has_text(cJSON_GetObjectItemCaseSensitive(obj, "phone"))) {
            pvs_strlcpy(field, "email", fieldsize);
            pvs_snprintf(msg, msgsize,
                         "a customer needs an email address or a phone "
                         "number");
            return PVS_ERR_INVAL;
        }
    }
    field[0] = '\0';
    msg[0] = '\0';
    if (object_check(e))
        return object_check(e)(obj, create, field, fieldsize, msg, msgsize);
    return PVS_OK;
}

/* ---- objects in neutral form ---- */

struct pvs_entity_obj *pvs_entity_objs_add(struct pvs_entity_objs *objs,
                                           const struct pvs_entity *e,
                                           const char *id, const char *origin) {
    struct pvs_entity_obj *o;

    objs->objs = pvs_realloc(objs->objs, (objs->n + 1) * sizeof(*objs->objs));
    o = &objs->objs[objs->n++];
    memset(o, 0, sizeof(*o));
    o->entity = e;
    o->id = pvs_strdup(id);
    o->origin = pvs_strdup(origin);
    return o;
}

void pvs_entity_obj_set(struct pvs_entity_obj *o, const char *key,
                        const char *value) {
    o->kv = pvs_realloc(o->kv, (o->nkv + 1) * sizeof(*o->kv));
    o->kv[o->nkv].key = pvs_strdup(key);
    o->kv[o->nkv].value = pvs_strdup(value);
    o->nkv++;
}

static void obj_release(struct pvs_entity_obj *o) {
    for (size_t k = 0; k < o->nkv; k++) {
        pvs_free(o->kv[k].key);
        pvs_free(o->kv[k].value);
    }
    pvs_free(o->kv);
    pvs_free(o->id);
    pvs_free(o->origin);
}

void pvs_entity_objs_remove(struct pvs_entity_objs *objs, size_t i) {
    PVS_ASSERT(i < objs->n);
    obj_release(&objs->objs[i]);
    memmove(&objs->objs[i], &objs->objs[i + 1],
            (objs->n - i - 1) * sizeof(*objs->objs));
    objs->n--;
}

void pvs_entity_objs_release(struct pvs_entity_objs *objs) {
    for (size_t i = 0; i < objs->n; i++)
        obj_release(&objs->objs[i]);
    pvs_free(objs->objs);
    objs->objs = NULL;
    objs->n = 0;
}

void pvs_entity_num_text(const struct pvs_field *f, double v, char *buf,
                         size_t size) {
    switch (f->type) {
    case PVS_FT_DURATION:
        pvs_snprintf(buf, size, "%.0fms", v * f->unit_ms);
        return;
    case PVS_FT_TIME:
        pvs_fmt_iso_utc((int64_t)v, buf, size);
        return;
    case PVS_FT_BOOL:
        pvs_snprintf(buf, size, "%s", v != 0 ? "true" : "false");
        return;
    case PVS_FT_INT:
        pvs_snprintf(buf, size, "%.0f", v);
        return;
    default:
        pvs_snprintf(buf, size, "%.17g", v);
        return;
    }
}

struct pvs_entity_vals *pvs_entity_vals_new(const struct pvs_entity *e) {
    struct pvs_entity_vals *v = pvs_calloc(1, sizeof(*v));

    v->entity = e;
    v->vals = pvs_calloc(e->nfields + 1, sizeof(*v->vals));
    v->texts = pvs_calloc(e->nfields + 1, sizeof(*v->texts));
    return v;
}

void pvs_entity_vals_text(struct pvs_entity_vals *v, size_t i, const char *s) {
    PVS_ASSERT(i < v->entity->nfields);
    PVS_FREE(v->texts[i]);
    memset(&v->vals[i], 0, sizeof(v->vals[i]));
    v->vals[i].kind = s ? PVS_VAL_TEXT : PVS_VAL_NULL;
    if (s) {
        v->texts[i] = pvs_strdup(s);
        v->vals[i].s = v->texts[i];
    }
}

void pvs_entity_vals_free(struct pvs_entity_vals *v) {
    if (!v)
        return;
    for (size_t i = 0; i < v->entity->nfields; i++)
        pvs_free(v->texts[i]);
    pvs_free(v->texts);
    pvs_free(v->vals);
    pvs_free(v);
}
