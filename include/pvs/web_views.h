/* SPDX-License-Identifier: MIT */
/*
 * web_views.h - the HTTP API's JSON of its objects (web/views_objects.c),
 * built from the store's typed rows (store_objects.h) and the entities'
 * field tables (entity.h): a member is named once, in the table.
 *
 * Each appends one JSON document to a capped buffer (PVS_ERR_FULL at
 * the cap) and answers the neutral errors of the store (PVS_ERR_NOTFOUND
 * for one object that does not exist or is outside the scope). Any
 * thread with its own read-only store handle.
 */
#ifndef PVS_WEB_VIEWS_H
#define PVS_WEB_VIEWS_H

#include <cjson/cJSON.h>
#include "pvs/store_objects.h"

/*
 * The members of obj, a request body already validated against entity
 * e (pvs_entity_validate_json), as the typed values of a write, one per
 * field of e (PVS_VAL_NONE: not given): numbers as integers or reals as
 * the field's type says, booleans as 0/1, lists and open keys as their
 * JSON text. The caller owns the result (pvs_entity_vals_free).
 */
struct pvs_entity_vals *pvs_view_obj_vals(const struct pvs_entity *e,
                                          const cJSON *obj);

/* {"items": [sites], "total": N}: the sites inside scope. */
enum pvs_err pvs_view_sites_json(struct pvs_store *st,
                                 const struct pvs_scope *scope, int64_t limit,
                                 int64_t offset, struct pvs_buf *out);
/* One site with "device_list" and its latest "tickets". */
enum pvs_err pvs_view_site_json(struct pvs_store *st,
                                const struct pvs_scope *scope, const char *id,
                                struct pvs_buf *out);
/* Devices inside scope (of site when not NULL), with their last values. */
enum pvs_err pvs_view_devices_json(struct pvs_store *st,
                                   const struct pvs_scope *scope,
                                   const char *site, struct pvs_buf *out);
enum pvs_err pvs_view_device_json(struct pvs_store *st,
                                  const struct pvs_scope *scope, const char *id,
                                  struct pvs_buf *out);
/*
 * Entity e's rows (people of e->role) as a JSON array, or with id the one
 * row as an object: its field table's members, source and created_by.
 */
enum pvs_err pvs_view_objs_json(struct pvs_store *st,
                                const struct pvs_entity *e, const char *id,
                                struct pvs_buf *out);
/* Users and API tokens (never the hashes); user_id 0 = every user. */
enum pvs_err pvs_view_users_json(struct pvs_store *st, struct pvs_buf *out);
enum pvs_err pvs_view_tokens_json(struct pvs_store *st, int64_t user_id,
                                  struct pvs_buf *out);
/* Silences on the sites inside scope. */
enum pvs_err pvs_view_silences_json(struct pvs_store *st,
                                    const struct pvs_scope *scope,
                                    struct pvs_buf *out);
/* Everything stored about customer id: person, sites, tickets, notices. */
enum pvs_err pvs_view_export_json(struct pvs_store *st, const char *id,
                                  struct pvs_buf *out);

#endif
