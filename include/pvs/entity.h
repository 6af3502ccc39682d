/* SPDX-License-Identifier: MIT */
/*
 * entity.h - the objects installers register (sites, devices, people,
 * endpoints, silences, MQTT topic maps): one field table each, from which
 * every other place derives what it knows about them (core/model/
 * entity.c).
 *
 * A field names, once, its config key and how the key is parsed and
 * checked (type, default, range, choices, the entity it refers to, a
 * check of its own), the store column that holds it, the member of the
 * API's JSON, the CSV import's column and whether the API may write it.
 * config_schema.c builds the entity sections' keys from the table; the
 * store builds its columns, inserts, updates and selects from it; the
 * API validates and serves its JSON with it; the CSV import takes its
 * columns from it. A field that has no config key, column, JSON member
 * or CSV column has NULL there.
 *
 * Values move between the places as text, the way a config file writes
 * them ("30s", "Europe/Paris", one line per list item), so an object
 * from the database is checked by exactly the code that checks one from
 * the file (pvs_config_load_objs in config.h).
 *
 * Everything here is immutable; any thread.
 */
#ifndef PVS_ENTITY_H
#define PVS_ENTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cjson/cJSON.h>
#include "pvs/util.h"

/*
 * How a value is written in the config, stored and sent:
 *   STR, ENUM   text everywhere
 *   INT, DOUBLE a number (INTEGER, REAL column)
 *   BOOL        true/false; INTEGER 0/1 column; JSON boolean
 *   DURATION    "90s" in the config; a number of unit_ms in the column
 *               and the JSON (1000: seconds)
 *   LIST        one config line per item; a JSON array of strings, in
 *               the JSON and in the column (as text)
 *   TIME        ISO 8601 in the config; ms since the epoch (UTC) in the
 *               column and the JSON
 *   OBJECT      the section's other keys (an open section): a JSON
 *               object of strings, in the JSON and in the column
 */
enum pvs_ftype {
    PVS_FT_STR,
    PVS_FT_INT,
    PVS_FT_DOUBLE,
    PVS_FT_DURATION,
    PVS_FT_BOOL,
    PVS_FT_ENUM,
    PVS_FT_LIST,
    PVS_FT_TIME,
    PVS_FT_OBJECT,
};

enum pvs_field_flags {
    PVS_FIELD_REQUIRED = (1 << 0),     /* in the config and on create */
    PVS_FIELD_API_REQUIRED = (1 << 1), /* on create through the API only */
    PVS_FIELD_READONLY = (1 << 2),     /* served, never written by the API */
    PVS_FIELD_MULTILINE = (1 << 3),    /* text may hold newlines and tabs */
    PVS_FIELD_LEARNT = (1 << 4),       /* also read from the device: a config
                                          without it keeps the stored value */
};

/*
 * A check beyond type and range: PVS_OK, or PVS_ERR_INVAL with a message
 * that names the field ("unknown timezone 'X': ...").
 */
typedef enum pvs_err pvs_field_check_fn(const char *value, char *msg,
                                        size_t msgsize);

struct pvs_field {
    const char *key; /* config key; NULL: not in the config */
    enum pvs_ftype type;
    size_t off;      /* offset in the config struct (when key) */
    const char *def; /* default, as written in the config; NULL = none */
    double min, max; /* numbers: range (0, 0 = none); text: max length */
    const char *const *choices; /* PVS_FT_ENUM, NULL-terminated */
    const char *ref;            /* the entity whose id the value is, or NULL */
    pvs_field_check_fn *check;
    double unit_ms;     /* PVS_FT_DURATION: ms per unit of column and JSON */
    const char *column; /* store column; NULL: not stored */
    const char *json;   /* API member; NULL: not in the API */
    const char *csv;    /* CSV import column; NULL: not imported */
    unsigned flags;     /* enum pvs_field_flags */
};

enum pvs_entity_flags {
    PVS_ENTITY_OPEN = (1 << 0),   /* the section takes unknown keys */
    PVS_ENTITY_INT_ID = (1 << 1), /* rows have integer ids: "api-N" */
    PVS_ENTITY_API = (1 << 2),    /* created through the API */
};

struct pvs_entity {
    const char *name;  /* config section and API name: "site" */
    const char *table; /* store table, or NULL when not stored */
    const char *role;  /* people.role for people, or NULL */
    const char *csv;   /* the CSV import's type column value, or NULL */
    size_t size;       /* the config struct */
    const struct pvs_field *fields;
    size_t nfields;
    unsigned flags; /* enum pvs_entity_flags */
};

/* Every entity, in the order references allow creating them. */
extern const struct pvs_entity *const pvs_entities[];
extern const size_t pvs_nentities;

/* The entity called name, or NULL. */
const struct pvs_entity *pvs_entity_find(const char *name);
/* The field of e with config key key, or NULL. */
const struct pvs_field *pvs_entity_field(const struct pvs_entity *e,
                                         const char *key);
/* The field of e with JSON member name, or NULL. */
const struct pvs_field *pvs_entity_field_json(const struct pvs_entity *e,
                                              const char *name);
/* Whether id is a usable object id: 1..64 of [A-Za-z0-9._-]. */
bool pvs_entity_id_valid(const char *id);

/*
 * Check obj (a JSON object from the API or a CSV line) against e: types,
 * ranges, lengths, choices, each field's check, no unknown or read-only
 * members, required members when create. "id" is left to the caller. On
 * failure returns PVS_ERR_INVAL and writes the member at fault to field
 * and a message to msg. References are checked for shape only (whether
 * they exist is the store's to say). Pure; any thread.
 */
enum pvs_err pvs_entity_validate_json(const struct pvs_entity *e,
                                      const cJSON *obj, bool create,
                                      char *field, size_t fieldsize, char *msg,
                                      size_t msgsize);

/*
 * A check of a whole object that belongs to a layer above the model (an
 * MQTT map's settings are the collector's to judge). Called by
 * pvs_entity_validate_json once every member passed; same contract.
 */
typedef enum pvs_err pvs_entity_check_fn(const cJSON *obj, bool create,
                                         char *field, size_t fieldsize,
                                         char *msg, size_t msgsize);
/* Give entity name its object check. Main thread, before the threads
 * that validate (HTTP, engine) start. */
void pvs_entity_set_check(const char *name, pvs_entity_check_fn *fn);

/*
 * An object in neutral form: its entity, id and config lines (key and
 * value as a file would write them). The store hands the objects created
 * through the API to the config this way. origin names where the object
 * comes from in error messages ("pvsentry.db: site 'roof'").
 */
struct pvs_entity_kv {
    char *key;
    char *value;
};

struct pvs_entity_obj {
    const struct pvs_entity *entity;
    char *id;
    char *origin;
    struct pvs_entity_kv *kv;
    size_t nkv;
};

struct pvs_entity_objs {
    struct pvs_entity_obj *objs;
    size_t n;
};

/* A new object at the end of objs; the strings are copied. */
struct pvs_entity_obj *pvs_entity_objs_add(struct pvs_entity_objs *objs,
                                           const struct pvs_entity *e,
                                           const char *id, const char *origin);
/* Append the line key = value to o (copied). */
void pvs_entity_obj_set(struct pvs_entity_obj *o, const char *key,
                        const char *value);
/* Drop objs->objs[i], keeping the order of the others. */
void pvs_entity_objs_remove(struct pvs_entity_objs *objs, size_t i);
void pvs_entity_objs_release(struct pvs_entity_objs *objs);

/* A field's value as a column holds it. */
enum pvs_val_kind {
    PVS_VAL_NONE = 0, /* not read, or (writes) not given: left alone */
    PVS_VAL_NULL,
    PVS_VAL_INT,
    PVS_VAL_REAL,
    PVS_VAL_TEXT, /* lists and open keys: their JSON text */
};

struct pvs_val {
    enum pvs_val_kind kind;
    int64_t i;
    double d;
    const char *s;
};

/*
 * The values of a write, one per field of entity (PVS_VAL_NONE: not
 * given), with the texts they point at. web/ builds them from a request
 * it checked; the store writes them (pvs_store_web_put). Owned by whoever
 * holds the pointer; pvs_entity_vals_free(NULL) is a no-op.
 */
struct pvs_entity_vals {
    const struct pvs_entity *entity;
    struct pvs_val *vals;
    char **texts; /* owned, one per field, NULL when none */
};
struct pvs_entity_vals *pvs_entity_vals_new(const struct pvs_entity *e);
/* Field i becomes the text s (copied), or NULL when s is NULL. */
void pvs_entity_vals_text(struct pvs_entity_vals *v, size_t i, const char *s);
void pvs_entity_vals_free(struct pvs_entity_vals *v);

/*
 * The config text of a column value (ms for TIME, a number of unit_ms
 * for DURATION) written to buf: "30000ms", "2024-06-21T08:00:00Z",
 * "true". For STR, ENUM, LIST items and OBJECT members the text is the
 * value itself.
 */
void pvs_entity_num_text(const struct pvs_field *f, double v, char *buf,
                         size_t size);

#endif
