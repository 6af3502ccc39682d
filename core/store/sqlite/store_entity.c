/* SPDX-License-Identifier: MIT */
/*
 * store_entity.c - the config file's objects written to their tables,
 * with the upsert and the values both backends take from the entities'
 * field tables (core/store/obj_sql.c). The API's rows are read back as
 * typed rows (store_objects.c, core/store/objects.c).
 *
 * DESIGN
 * A row becomes config lines, not config structs: pvs_config_load_objs
 * applies them with the same keys, defaults, ranges and reference checks
 * as a file's section, so an object from the database cannot be held to
 * other rules than one from the file. Column names come from the tables
 * only, never from a request.
 */
#define PVS_LOG_MODULE "store"
#include <cjson/cJSON.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "pvs/log.h"
#include "pvs/store_entity.h"
#include "../obj_sql.h"
#include "pvs/clock.h"
#include "store_int.h"

static enum pvs_err fail(struct pvs_store_be *st, const char *what) {
    pvs_error("%s: %s", what, sqlite3_errmsg(st->db));
    return PVS_ERR_DB;
}

/* ---- config objects to rows ---- */

/* The objects of e in arr (n of them) that the file defines, upserted. */
static enum pvs_err sync_entity(struct pvs_store_be *st,
                                const struct pvs_entity *e, void *const *arr,
                                size_t n) {
    struct pvs_val vals[PVS_OBJ_MAX_FIELDS];
    char *texts[PVS_OBJ_MAX_FIELDS];
    struct pvs_buf sql;
    sqlite3_stmt *s = NULL;
    enum pvs_err rc = PVS_OK;
    int64_t now = pvs_clock_real_ms(pvs_clock_now_ms());
    int col;

    PVS_ASSERT(e->nfields <= PVS_OBJ_MAX_FIELDS);
    pvs_buf_init(&sql, 8192);
    pvs_obj_sync_sql(e, "?", &sql);
    if (sqlite3_prepare_v2(st->db, sql.data, -1, &s, NULL) != SQLITE_OK) {
        rc = fail(st, "preparing the config sync");
        goto out;
    }
    for (size_t k = 0; k < n && !rc; k++) {
        const struct pvs_cfg_obj *obj = arr[k];

        /* Rows the API created stay the API's. */
        if (pvs_config_obj_from_store(obj))
            continue;
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
        pvs_obj_cfg_vals(e, obj, vals, texts);
        store_bind_text(s, 1, obj->id);
        sqlite3_bind_int64(s, 2, now);
        col = 2;
        if (e->role)
            store_bind_text(s, ++col, e->role);
        for (size_t i = 0; i < e->nfields; i++)
            if (pvs_obj_synced(&e->fields[i]))
                pvs_sqlite_bind_val(s, ++col, &vals[i]);
        if (sqlite3_step(s) != SQLITE_DONE)
            rc = fail(st, "syncing the config's objects");
        for (size_t i = 0; i < e->nfields; i++)
            cJSON_free(texts[i]);
    }
out:
    sqlite3_finalize(s);
    pvs_buf_release(&sql);
    return rc;
}

enum pvs_err pvs_sqlite_sync_config(struct pvs_store_be *st,
                                    const struct pvs_config *cfg) {
    enum pvs_err rc;

    rc = sync_entity(st, pvs_entity_find("customer"),
                     (void *const *)cfg->customers, cfg->ncustomers);
    if (!rc)
        rc = sync_entity(st, pvs_entity_find("technician"),
                         (void *const *)cfg->technicians, cfg->ntechnicians);
    if (!rc)
        rc = sync_entity(st, pvs_entity_find("site"), (void *const *)cfg->sites,
                         cfg->nsites);
    if (!rc)
        rc = sync_entity(st, pvs_entity_find("device"),
                         (void *const *)cfg->devices, cfg->ndevices);
    if (!rc)
        rc = sync_entity(st, pvs_entity_find("mqtt_map"),
                         (void *const *)cfg->mqtt_maps, cfg->nmqtt_maps);
    return rc;
}
