/* SPDX-License-Identifier: MIT */
/*
 * store_entity.h - the entities' rows (core/store/store_entity.c):
 * columns, inserts, updates and selects all come from the field tables
 * of entity.h, so a field added there is stored, synced, served and read
 * back into the running configuration without another list to keep.
 *
 * A handle is used by one thread at a time (store.h); writes run on the
 * engine thread inside its transaction.
 */
#ifndef PVS_STORE_ENTITY_H
#define PVS_STORE_ENTITY_H

#include "pvs/config.h"
#include "pvs/entity.h"
#include "pvs/store.h"

/*
 * The objects created through the API (rows with source 'api', every
 * silence row), appended to out in neutral form: config lines as the
 * file would write them, origin "DATABASE: ENTITY 'ID'". A device with
 * an endpoint_url brings its own [endpoint "api-DEVICE"]. Rows whose id
 * is not a usable id are skipped. Read-only handles too.
 */
enum pvs_err pvs_store_entity_objs(struct pvs_store *st,
                                   struct pvs_entity_objs *out);

/*
 * Mirror the config file's sites, devices, people and MQTT maps into
 * their tables (source 'config'): every field that has a column, so the
 * API serves exactly what the file says. Objects that came from the
 * database are left alone. Engine thread.
 */
enum pvs_err pvs_store_entity_sync(struct pvs_store *st,
                                   const struct pvs_config *cfg);

/*
 * The column list of entity e for a SELECT from alias a: "a.col AS
 * json, ..." for every stored field the API serves, appended to out.
 */
void pvs_store_entity_columns(const struct pvs_entity *e, const char *a,
                              struct pvs_buf *out);

#endif
