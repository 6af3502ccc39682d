/* SPDX-License-Identifier: MIT */
/*
 * store_entity.h - the API's objects as the running configuration reads
 * them (the SQLite backend: core/store/sqlite/store_entity.c). Columns,
 * inserts, updates, selects and the config sync (pvs_store_sync_config)
 * all come from the field tables of entity.h, so a field added there is
 * stored, synced, served and read back into the running configuration
 * without another list to keep.
 *
 * A handle is used by one thread at a time (store.h).
 */
#ifndef PVS_STORE_ENTITY_H
#define PVS_STORE_ENTITY_H

#include "pvs/entity.h"
#include "pvs/util.h"

struct pvs_store;

/*
 * The objects created through the API (rows with source 'api', every
 * silence row), appended to out in neutral form: config lines as the
 * file would write them, origin "DATABASE: ENTITY 'ID'". A device with
 * an endpoint_url brings its own [endpoint "api-DEVICE"]. Rows whose id
 * is not a usable id are skipped. Read-only handles too.
 */
enum pvs_err pvs_store_entity_objs(struct pvs_store *st,
                                   struct pvs_entity_objs *out);

#endif
