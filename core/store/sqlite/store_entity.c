/* SPDX-License-Identifier: MIT */
/*
 * store_entity.c - the entities' rows, driven by their field tables:
 * the config file's objects written to their tables (the API's rows are
 * read back as typed rows: store_objects.c, core/store/objects.c).
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
#include "store_int.h"

static enum pvs_err fail(struct pvs_store_be *st, const char *what) {
    pvs_error("%s: %s", what, sqlite3_errmsg(st->db));
    return PVS_ERR_DB;
}

/* ---- config objects to rows ---- */

/* The config struct's value of f as a column value, bound at i. */
static void bind_field(sqlite3_stmt *s, int i, const struct pvs_field *f,
                       const struct pvs_cfg_obj *obj) {
    const char *base = (const char *)obj;
    char **list;
    size_t n;
    cJSON *j;
    char *text;
    double d;

    switch (f->type) {
    case PVS_FT_STR:
    case PVS_FT_ENUM:
    case PVS_FT_TIME:
        store_bind_text(s, i, *(char *const *)(base + f->off));
        return;
    case PVS_FT_INT:
        sqlite3_bind_int64(s, i, *(const int64_t *)(base + f->off));
        return;
    case PVS_FT_DOUBLE:
        sqlite3_bind_double(s, i, *(const double *)(base + f->off));
        return;
    case PVS_FT_BOOL:
        sqlite3_bind_int(s, i, *(const bool *)(base + f->off) ? 1 : 0);
        return;
    case PVS_FT_DURATION:
        d = (double)*(const int64_t *)(base + f->off) / f->unit_ms;
        if (d == floor(d))
            sqlite3_bind_int64(s, i, (int64_t)d);
        else
            sqlite3_bind_double(s, i, d);
        return;
    case PVS_FT_LIST:
        list = *(char **const *)(base + f->off);
        n = *(const size_t *)(base + f->off + sizeof(char **));
        if (!n) {
            sqlite3_bind_null(s, i);
            return;
        }
        j = cJSON_CreateArray();
        for (size_t k = 0; k < n; k++)
            cJSON_AddItemToArray(j, cJSON_CreateString(list[k]));
        break;
    case PVS_FT_OBJECT:
        j = cJSON_CreateObject();
        break;
    default:
        sqlite3_bind_null(s, i);
        return;
    }
    if (f->type == PVS_FT_OBJECT) {
        const struct pvs_entity *e = NULL;
        /* The open keys: every line that is not a field of the table. */
        for (size_t k = 0; k < pvs_nentities && !e; k++)
            for (size_t x = 0; x < pvs_entities[k]->nfields && !e; x++)
                if (&pvs_entities[k]->fields[x] == f)
                    e = pvs_entities[k];
        for (size_t k = 0; e && k < obj->nkv; k++)
            if (!pvs_entity_field(e, obj->kv[k].key) &&
                !cJSON_GetObjectItemCaseSensitive(j, obj->kv[k].key))
                cJSON_AddStringToObject(j, obj->kv[k].key, obj->kv[k].value);
    }
    text = cJSON_PrintUnformatted(j);
    sqlite3_bind_text(s, i, text, -1, SQLITE_TRANSIENT);
    cJSON_free(text);
    cJSON_Delete(j);
}

/* Whether the file says what f holds: a key, or the open keys. */
static bool synced(const struct pvs_field *f) {
    return f->column && (f->key || f->type == PVS_FT_OBJECT);
}

static enum pvs_err sync_entity(struct pvs_store_be *st,
                                const struct pvs_entity *e, void *const *arr,
                                size_t n) {
    struct pvs_buf sql;
    sqlite3_stmt *s = NULL;
    enum pvs_err rc = PVS_OK;
    int col;

    pvs_buf_init(&sql, 8192);
    pvs_buf_printf(&sql, "INSERT INTO %s(id, source, created_ms%s", e->table,
                   e->role ? ", role" : "");
    for (size_t i = 0; i < e->nfields; i++)
        if (synced(&e->fields[i]))
            pvs_buf_printf(&sql, ", %s", e->fields[i].column);
    pvs_buf_printf(&sql,
                   ") VALUES (?1, 'config', strftime('%%s','now') * 1000%s",
                   e->role ? ", ?2" : "");
    col = 2;
    for (size_t i = 0; i < e->nfields; i++)
        if (synced(&e->fields[i]))
            pvs_buf_printf(&sql, ", ?%d", ++col);
    pvs_buf_printf(&sql, ") ON CONFLICT(%s) DO UPDATE SET source = 'config'",
                   e->role ? "role, id" : "id");
    /* What a device reports itself (its serial, its model) is kept when
     * the file says nothing. */
    for (size_t i = 0; i < e->nfields; i++) {
        const struct pvs_field *f = &e->fields[i];
        if (!synced(f))
            continue;
        if (f->flags & PVS_FIELD_LEARNT)
            pvs_buf_printf(&sql, ", %s = COALESCE(excluded.%s, %s)", f->column,
                           f->column, f->column);
        else
            pvs_buf_printf(&sql, ", %s = excluded.%s", f->column, f->column);
    }
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
        store_bind_text(s, 1, obj->id);
        if (e->role)
            store_bind_text(s, 2, e->role);
        col = 2;
        for (size_t i = 0; i < e->nfields; i++)
            if (synced(&e->fields[i]))
                bind_field(s, ++col, &e->fields[i], obj);
        if (sqlite3_step(s) != SQLITE_DONE)
            rc = fail(st, "syncing the config's objects");
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
