/* SPDX-License-Identifier: MIT */
/*
 * store_objects.h - the API's objects (sites, devices, people, silences,
 * MQTT maps: the entities of entity.h) and accounts as typed rows, the
 * same from every backend. A row carries one value per field of its
 * entity's field table; web/ builds the API's JSON from the table
 * (web/views_objects.c), the running configuration its config lines
 * (pvs_store_entity_objs), so no query names an API member.
 *
 * The checks before a write through the API (exists, read-only, someone
 * else's, a reference to nothing, still used) are written once, in
 * core/store/objects.c, on top of the small operations below; a backend
 * only reads and writes rows.
 *
 * Strings and values handed to a callback are valid during the call only.
 * A handle is used by one thread at a time (store.h).
 */
#ifndef PVS_STORE_OBJECTS_H
#define PVS_STORE_OBJECTS_H

#include <stdbool.h>
#include <stdint.h>
#include "pvs/entity.h"
#include "pvs/store_web.h"

/* Column values are struct pvs_val (entity.h). */

/*
 * One row of an entity's table: vals has one value per field of
 * entity->fields (PVS_VAL_NONE for a field without a column). An entity
 * with integer ids (silences) gives its id in decimal.
 */
struct pvs_obj_row {
    const struct pvs_entity *entity;
    const char *id;
    const struct pvs_val *vals;
    const char *source; /* "config" or "api" */
    const char *created_by;
    int64_t created_ms;
};
typedef void pvs_store_obj_fn(void *ud, const struct pvs_obj_row *o);

/* A site with what the overview adds to its fields. */
struct pvs_site_row {
    struct pvs_obj_row obj;
    const char *customer, *technician;
    int64_t devices, open_tickets;
    const char *state; /* critical, warning, info, no_devices, no_data, ok */
};
typedef void pvs_store_site_fn(void *ud, const struct pvs_site_row *s);

/* A device with its latest reading's values (metric order). */
struct pvs_metric_value {
    const char *metric;
    double value; /* NAN when the reading holds no number */
};
struct pvs_device_row {
    struct pvs_obj_row obj;
    const char *site;
    bool seen; /* last_seen_ms holds the latest reading's time */
    int64_t last_seen_ms;
    const struct pvs_metric_value *last;
    size_t nlast;
};
typedef void pvs_store_device_fn(void *ud, const struct pvs_device_row *d);

struct pvs_user_row {
    int64_t id;
    const char *username, *role, *person; /* person NULL when none */
    int64_t created_ms;
    bool disabled;
};
typedef void pvs_store_user_fn(void *ud, const struct pvs_user_row *u);

struct pvs_token_row {
    int64_t id, user_id;
    const char *username, *name;
    int64_t created_ms;
    bool expires, revoked; /* whether expires_ms, revoked_ms are set */
    int64_t expires_ms, revoked_ms;
};
typedef void pvs_store_token_fn(void *ud, const struct pvs_token_row *t);

/* What a write needs to know of a row first. */
struct pvs_obj_facts {
    char source[16];
    char created_by[PVS_WEB_NAME_MAX];
};

/* ---- reads (read-only handles too) ---- */

/* Facts of entity e's row id; PVS_ERR_NOTFOUND when there is none. */
enum pvs_err pvs_store_obj_facts(struct pvs_store *st,
                                 const struct pvs_entity *e, const char *id,
                                 struct pvs_obj_facts *ret);
/* How many stored objects refer to e's row id (a site's devices...). */
enum pvs_err pvs_store_obj_uses(struct pvs_store *st,
                                const struct pvs_entity *e, const char *id,
                                int64_t *ret);
/*
 * fn for each row of e (of e->role for people) by id, or the one row id
 * (PVS_ERR_NOTFOUND when none); api_only: the rows the API created (every
 * row of an entity with integer ids). At most 10000 rows.
 */
enum pvs_err pvs_store_obj_rows(struct pvs_store *st,
                                const struct pvs_entity *e, const char *id,
                                bool api_only, pvs_store_obj_fn *fn, void *ud);
/*
 * Sites inside scope by id (limit, offset), or the one site id
 * (PVS_ERR_NOTFOUND when none or outside the scope); *ret_total (may be
 * NULL) counts them all.
 */
enum pvs_err pvs_store_web_sites(struct pvs_store *st,
                                 const struct pvs_scope *scope, const char *id,
                                 int64_t limit, int64_t offset,
                                 pvs_store_site_fn *fn, void *ud,
                                 int64_t *ret_total);
/*
 * Devices inside scope, of site when not NULL, by id (at most 5000); or
 * the one device id (PVS_ERR_NOTFOUND when none or outside the scope).
 */
enum pvs_err pvs_store_web_devices(struct pvs_store *st,
                                   const struct pvs_scope *scope,
                                   const char *site, const char *id,
                                   pvs_store_device_fn *fn, void *ud);
enum pvs_err pvs_store_web_users(struct pvs_store *st, pvs_store_user_fn *fn,
                                 void *ud);
/* API tokens of user_id, of every user when 0 (never the hashes). */
enum pvs_err pvs_store_web_tokens(struct pvs_store *st, int64_t user_id,
                                  pvs_store_token_fn *fn, void *ud);
/* Silences on sites inside the scope (entity "silence"), by id. */
enum pvs_err pvs_store_web_silences(struct pvs_store *st,
                                    const struct pvs_scope *scope,
                                    pvs_store_obj_fn *fn, void *ud);
/* Where the objects are kept, for their origin: a path, a safe URI. */
const char *pvs_store_label(struct pvs_store *st);

/* ---- writes (engine thread) ---- */

/*
 * Insert (create) or update e's row id with vals (one per field; NONE
 * leaves a column alone): source 'api', created_by actor. An entity with
 * integer ids gets a new id, written to *ret_id (may be NULL); id is
 * then NULL. The checks are the caller's (objects.c).
 */
enum pvs_err pvs_store_obj_write(struct pvs_store *st,
                                 const struct pvs_entity *e, const char *id,
                                 const struct pvs_val *vals, bool create,
                                 const char *actor, int64_t now_ms,
                                 int64_t *ret_id) PVS_MUST_CHECK;
/* Delete e's row id; PVS_ERR_NOTFOUND when there was none. */
enum pvs_err pvs_store_obj_delete(struct pvs_store *st,
                                  const struct pvs_entity *e,
                                  const char *id) PVS_MUST_CHECK;
/*
 * Erase the personal data of customer id (store_web.h says which); the
 * customer row exists (the caller checked).
 */
enum pvs_err pvs_store_obj_erase_customer(struct pvs_store *st,
                                          const char *id) PVS_MUST_CHECK;

#endif
