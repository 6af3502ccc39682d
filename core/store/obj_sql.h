/* SPDX-License-Identifier: MIT */
/*
 * obj_sql.h - the SQL text of the API objects' writes, shared by the
 * SQL backends (core/store/sqlite, core/store/pg), which differ only in
 * how a statement marks its parameters ("?" or "$"). Column and table
 * names come from the entities' field tables, never from a request.
 * Pure; any thread.
 */
#ifndef PVS_OBJ_SQL_H
#define PVS_OBJ_SQL_H

#include <stdbool.h>

#include "pvs/store_objects.h"

/* Fields an entity may have (entity.c's have at most 16): the size of a
 * backend's array of values for one row. */
#define PVS_OBJ_MAX_FIELDS 32

/*
 * The select list of an entity row as the backends read it (objects.c's
 * pvs_obj_row): "A.id, <a column per field, NULL where it has none>,
 * source, created_by, created_ms" (source 'api' for integer ids).
 */
void pvs_obj_cols_sql(const struct pvs_entity *e, const char *a,
                      struct pvs_buf *sql);
/*
 * "SELECT how many stored objects name parameter 1 as an e": every
 * stored reference field whose entity is e (a site's devices and maps, a
 * customer's sites...). mark: "?" or "$".
 */
void pvs_obj_uses_sql(const struct pvs_entity *e, const char *mark,
                      struct pvs_buf *sql);
/*
 * The INSERT (create) or UPDATE of e's row with the values of vals that
 * are not PVS_VAL_NONE. Parameters in order: the id (not for an entity
 * with integer ids), on create the actor and the time, the role (people),
 * then the values in field order.
 */
void pvs_obj_write_sql(const struct pvs_entity *e, const struct pvs_val *vals,
                       bool create, const char *mark, struct pvs_buf *sql);
/* Whether the config file says what f holds: a key, or the open keys. */
bool pvs_obj_synced(const struct pvs_field *f);
/*
 * The upsert of a config file's object of e (pvs_store_sync_config):
 * source 'config'; a row the file names again takes the file's values,
 * except what a device reports itself (PVS_FIELD_LEARNT) when the file
 * says nothing. Parameters: the id, the time, the role (people), then
 * every synced field's value in field order.
 */
void pvs_obj_sync_sql(const struct pvs_entity *e, const char *mark,
                      struct pvs_buf *sql);
/*
 * Config object obj of entity e as column values, one per field (NONE
 * for fields not synced); lists and open keys as JSON text that texts[i]
 * holds (the caller frees each with cJSON_free).
 */
void pvs_obj_cfg_vals(const struct pvs_entity *e, const void *obj,
                      struct pvs_val *vals, char **texts);
/*
 * Statement i (from 0) of a customer's erasure, parameter 1 the
 * customer's id; false after the last.
 */
bool pvs_obj_erase_sql(size_t i, const char *mark, struct pvs_buf *sql);

#endif
