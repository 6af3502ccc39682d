/* SPDX-License-Identifier: MIT */
/*
 * store_entity.c - the entities' rows, driven by their field tables:
 * the config file's objects written to their tables, and the API's rows
 * read back as config lines for the running configuration.
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

void pvs_sqlite_entity_columns(const struct pvs_entity *e, const char *a,
                               struct pvs_buf *out) {
    bool first = true;

    for (size_t i = 0; i < e->nfields; i++) {
        const struct pvs_field *f = &e->fields[i];
        if (!f->column || !f->json)
            continue;
        pvs_buf_printf(out, "%s%s.%s AS %s", first ? "" : ", ", a, f->column,
                       f->json);
        first = false;
    }
}

/* ---- rows to config lines ---- */

/* Column i of s as the config lines of field f, added to o. */
static void column_lines(const struct pvs_field *f, sqlite3_stmt *s, int i,
                         struct pvs_entity_obj *o) {
    const char *text = (const char *)sqlite3_column_text(s, i);
    char buf[64];
    cJSON *j, *it;

    switch (sqlite3_column_type(s, i)) {
    case SQLITE_NULL:
        return;
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
        if (f->type == PVS_FT_STR || f->type == PVS_FT_ENUM)
            break;
        pvs_entity_num_text(f, sqlite3_column_double(s, i), buf, sizeof(buf));
        if (sqlite3_column_type(s, i) == SQLITE_INTEGER &&
            (f->type == PVS_FT_INT || f->type == PVS_FT_DOUBLE))
            pvs_snprintf(buf, sizeof(buf), "%" PRId64,
                         (int64_t)sqlite3_column_int64(s, i));
        pvs_entity_obj_set(o, f->key, buf);
        return;
    default:
        break;
    }
    if (f->type != PVS_FT_LIST && f->type != PVS_FT_OBJECT) {
        pvs_entity_obj_set(o, f->key, text);
        return;
    }
    /* Lists and open keys are JSON text; a broken one adds nothing and
     * the object's checks report what it lacks. */
    j = cJSON_Parse(text);
    cJSON_ArrayForEach(it, j) {
        if (!cJSON_IsString(it))
            continue;
        if (f->type == PVS_FT_LIST)
            pvs_entity_obj_set(o, f->key, it->valuestring);
        else if (it->string)
            pvs_entity_obj_set(o, it->string, it->valuestring);
    }
    cJSON_Delete(j);
}

static enum pvs_err entity_objs(struct pvs_store_be *st,
                                const struct pvs_entity *e,
                                struct pvs_entity_objs *out) {
    bool int_id = e->flags & PVS_ENTITY_INT_ID;
    struct pvs_buf sql;
    sqlite3_stmt *s = NULL;
    enum pvs_err rc = PVS_OK;
    int r, eurl = -1;

    pvs_buf_init(&sql, 4096);
    pvs_buf_puts(&sql, "SELECT id");
    for (size_t i = 0; i < e->nfields; i++)
        pvs_buf_printf(&sql, ", %s",
                       e->fields[i].column ? e->fields[i].column : "NULL");
    pvs_buf_printf(&sql, " FROM %s WHERE %s%s ORDER BY id", e->table,
                   int_id ? "1" : "source = 'api'",
                   e->role ? " AND role = ?1" : "");
    if (sqlite3_prepare_v2(st->db, sql.data, -1, &s, NULL) != SQLITE_OK) {
        rc = fail(st, "reading the API's objects");
        goto out;
    }
    if (e->role)
        store_bind_text(s, 1, e->role);
    for (size_t i = 0; i < e->nfields; i++)
        if (e->fields[i].column && !strcmp(e->fields[i].column, "endpoint_url"))
            eurl = (int)i + 1;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        char id[80], origin[512];
        struct pvs_entity_obj *o;

        if (int_id)
            pvs_snprintf(id, sizeof(id), "api-%" PRId64,
                         (int64_t)sqlite3_column_int64(s, 0));
        else
            pvs_strlcpy(id, (const char *)sqlite3_column_text(s, 0),
                        sizeof(id));
        if (!pvs_entity_id_valid(id))
            continue;
        pvs_snprintf(origin, sizeof(origin), "%s: %s '%s'", st->path, e->name,
                     id);
        o = pvs_entity_objs_add(out, e, id, origin);
        for (size_t i = 0; i < e->nfields; i++)
            if (e->fields[i].key || e->fields[i].type == PVS_FT_OBJECT)
                column_lines(&e->fields[i], s, (int)i + 1, o);
        /* A device's own endpoint, named after it. */
        if (eurl > 0 && sqlite3_column_type(s, eurl) != SQLITE_NULL) {
            char epid[90];
            struct pvs_entity_obj *ep;
            size_t k;

            pvs_snprintf(epid, sizeof(epid), "api-%s", id);
            for (k = 0; k < o->nkv && strcmp(o->kv[k].key, "endpoint"); k++)
                ;
            if (k < o->nkv) {
                pvs_free(o->kv[k].value);
                o->kv[k].value = pvs_strdup(epid);
            } else {
                pvs_entity_obj_set(o, "endpoint", epid);
            }
            ep = pvs_entity_objs_add(out, pvs_entity_find("endpoint"), epid,
                                     origin);
            pvs_entity_obj_set(ep, "url",
                               (const char *)sqlite3_column_text(s, eurl));
        }
    }
    if (r != SQLITE_DONE)
        rc = fail(st, "reading the API's objects");
out:
    sqlite3_finalize(s);
    pvs_buf_release(&sql);
    return rc;
}

enum pvs_err pvs_sqlite_entity_objs(struct pvs_store_be *st,
                                    struct pvs_entity_objs *out) {
    enum pvs_err rc = PVS_OK;

    for (size_t i = 0; i < pvs_nentities && !rc; i++)
        if (pvs_entities[i]->table && (pvs_entities[i]->flags & PVS_ENTITY_API))
            rc = entity_objs(st, pvs_entities[i], out);
    return rc;
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
