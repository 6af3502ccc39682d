/* SPDX-License-Identifier: MIT */
/*
 * obj_sql.c - the SQL text of the API objects' writes for every SQL
 * backend (obj_sql.h): the statements are standard SQL that SQLite and
 * PostgreSQL both run, so they are written once.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <string.h>

#include "obj_sql.h"
#include "pvs/config.h"

void pvs_obj_cols_sql(const struct pvs_entity *e, const char *a,
                      struct pvs_buf *sql) {
    pvs_buf_printf(sql, "%s.id", a);
    for (size_t i = 0; i < e->nfields; i++)
        if (e->fields[i].column)
            pvs_buf_printf(sql, ", %s.%s", a, e->fields[i].column);
        else
            pvs_buf_puts(sql, ", NULL");
    if (e->flags & PVS_ENTITY_INT_ID)
        pvs_buf_printf(sql, ", 'api', %s.created_by, %s.created_ms", a, a);
    else
        pvs_buf_printf(sql, ", %s.source, %s.created_by, %s.created_ms", a, a,
                       a);
}

void pvs_obj_uses_sql(const struct pvs_entity *e, const char *mark,
                      struct pvs_buf *sql) {
    pvs_buf_puts(sql, "SELECT 0");
    for (size_t k = 0; k < pvs_nentities; k++) {
        const struct pvs_entity *x = pvs_entities[k];
        /* A silence of a deleted object just covers nothing. */
        if (x->flags & PVS_ENTITY_INT_ID)
            continue;
        for (size_t i = 0; x->table && i < x->nfields; i++) {
            const struct pvs_field *f = &x->fields[i];
            if (f->ref && f->column && !strcmp(f->ref, e->name) &&
                f->type == PVS_FT_STR)
                pvs_buf_printf(sql,
                               " + (SELECT COUNT(*) FROM %s WHERE %s = %s1)",
                               x->table, f->column, mark);
        }
    }
    /* The parameter is used even when nothing refers to e. */
    pvs_buf_printf(sql, " WHERE CAST(%s1 AS TEXT) IS NOT NULL", mark);
}

static bool given(const struct pvs_entity *e, const struct pvs_val *vals,
                  size_t i) {
    return vals[i].kind != PVS_VAL_NONE && e->fields[i].column;
}

static void insert_sql(const struct pvs_entity *e, const struct pvs_val *vals,
                       const char *mark, struct pvs_buf *sql) {
    bool int_id = e->flags & PVS_ENTITY_INT_ID;
    int n = 0;

    pvs_buf_printf(sql, "INSERT INTO %s(%screated_by, created_ms%s", e->table,
                   int_id ? "" : "id, source, ", e->role ? ", role" : "");
    for (size_t i = 0; i < e->nfields; i++)
        if (given(e, vals, i))
            pvs_buf_printf(sql, ", %s", e->fields[i].column);
    pvs_buf_puts(sql, ") VALUES (");
    if (!int_id)
        pvs_buf_printf(sql, "%s%d, 'api', ", mark, ++n);
    pvs_buf_printf(sql, "%s%d, %s%d", mark, n + 1, mark, n + 2);
    n += 2;
    if (e->role)
        pvs_buf_printf(sql, ", %s%d", mark, ++n);
    for (size_t i = 0; i < e->nfields; i++)
        if (given(e, vals, i))
            pvs_buf_printf(sql, ", %s%d", mark, ++n);
    pvs_buf_puts(sql, ")");
}

void pvs_obj_write_sql(const struct pvs_entity *e, const struct pvs_val *vals,
                       bool create, const char *mark, struct pvs_buf *sql) {
    const char *sep = "";
    int n = e->role ? 2 : 1;

    if (create) {
        insert_sql(e, vals, mark, sql);
        return;
    }
    pvs_buf_printf(sql, "UPDATE %s SET ", e->table);
    for (size_t i = 0; i < e->nfields; i++) {
        if (!given(e, vals, i))
            continue;
        pvs_buf_printf(sql, "%s%s = %s%d", sep, e->fields[i].column, mark, ++n);
        sep = ", ";
    }
    pvs_buf_printf(sql, " WHERE id = %s1", mark);
    if (e->role)
        pvs_buf_printf(sql, " AND role = %s2", mark);
}

bool pvs_obj_synced(const struct pvs_field *f) {
    return f->column && (f->key || f->type == PVS_FT_OBJECT);
}

void pvs_obj_sync_sql(const struct pvs_entity *e, const char *mark,
                      struct pvs_buf *sql) {
    int n;

    pvs_buf_printf(sql, "INSERT INTO %s(id, source, created_ms%s", e->table,
                   e->role ? ", role" : "");
    for (size_t i = 0; i < e->nfields; i++)
        if (pvs_obj_synced(&e->fields[i]))
            pvs_buf_printf(sql, ", %s", e->fields[i].column);
    pvs_buf_printf(sql, ") VALUES (%s1, 'config', %s2", mark, mark);
    n = 2;
    if (e->role)
        pvs_buf_printf(sql, ", %s%d", mark, ++n);
    for (size_t i = 0; i < e->nfields; i++)
        if (pvs_obj_synced(&e->fields[i]))
            pvs_buf_printf(sql, ", %s%d", mark, ++n);
    pvs_buf_printf(sql, ") ON CONFLICT(%s) DO UPDATE SET source = 'config'",
                   e->role ? "role, id" : "id");
    for (size_t i = 0; i < e->nfields; i++) {
        const struct pvs_field *f = &e->fields[i];
        if (!pvs_obj_synced(f))
            continue;
        if (f->flags & PVS_FIELD_LEARNT)
            pvs_buf_printf(sql, ", %s = COALESCE(excluded.%s, %s.%s)",
                           f->column, f->column, e->table, f->column);
        else
            pvs_buf_printf(sql, ", %s = excluded.%s", f->column, f->column);
    }
}

/* The open keys of obj: every line that is not a field of e. */
static char *open_keys(const struct pvs_entity *e,
                       const struct pvs_cfg_obj *obj) {
    cJSON *j = cJSON_CreateObject();
    char *text;

    for (size_t k = 0; k < obj->nkv; k++)
        if (!pvs_entity_field(e, obj->kv[k].key) &&
            !cJSON_GetObjectItemCaseSensitive(j, obj->kv[k].key))
            cJSON_AddStringToObject(j, obj->kv[k].key, obj->kv[k].value);
    text = cJSON_PrintUnformatted(j);
    cJSON_Delete(j);
    return text;
}

/* A list member (char **items; size_t n) as a JSON array, NULL if empty. */
static char *list_text(const char *at) {
    char **list = *(char **const *)at;
    size_t n = *(const size_t *)(at + sizeof(char **));
    cJSON *j;
    char *text;

    if (!n)
        return NULL;
    j = cJSON_CreateArray();
    for (size_t k = 0; k < n; k++)
        cJSON_AddItemToArray(j, cJSON_CreateString(list[k]));
    text = cJSON_PrintUnformatted(j);
    cJSON_Delete(j);
    return text;
}

static void cfg_val(const struct pvs_entity *e, const struct pvs_field *f,
                    const char *base, struct pvs_val *v, char **text) {
    double d;

    switch (f->type) {
    case PVS_FT_INT:
        v->kind = PVS_VAL_INT;
        v->i = *(const int64_t *)(base + f->off);
        return;
    case PVS_FT_DOUBLE:
        v->kind = PVS_VAL_REAL;
        v->d = *(const double *)(base + f->off);
        return;
    case PVS_FT_BOOL:
        v->kind = PVS_VAL_INT;
        v->i = *(const bool *)(base + f->off) ? 1 : 0;
        return;
    case PVS_FT_DURATION:
        d = (double)*(const int64_t *)(base + f->off) / f->unit_ms;
        v->kind = d == floor(d) ? PVS_VAL_INT : PVS_VAL_REAL;
        v->i = (int64_t)d;
        v->d = d;
        return;
    case PVS_FT_LIST:
        *text = list_text(base + f->off);
        break;
    case PVS_FT_OBJECT:
        *text = open_keys(e, (const struct pvs_cfg_obj *)(const void *)base);
        break;
    default: /* text: STR, ENUM, TIME */
        v->s = *(char *const *)(base + f->off);
        v->kind = v->s ? PVS_VAL_TEXT : PVS_VAL_NULL;
        return;
    }
    v->s = *text;
    v->kind = *text ? PVS_VAL_TEXT : PVS_VAL_NULL;
}

void pvs_obj_cfg_vals(const struct pvs_entity *e, const void *obj,
                      struct pvs_val *vals, char **texts) {
    for (size_t i = 0; i < e->nfields; i++) {
        memset(&vals[i], 0, sizeof(vals[i]));
        texts[i] = NULL;
        if (pvs_obj_synced(&e->fields[i]))
            cfg_val(e, &e->fields[i], obj, &vals[i], &texts[i]);
    }
}

/* The erasure, parameter 1 the customer ("@"): what it changes is in
 * store_web.h (pvs_store_web_erase_customer). */
static const char *const erase[] = {
    /* Messages sent to them, by address, before the address goes. */
    "UPDATE outbox SET recipient = 'erased', body = '(erased)', subject"
    " = '(erased)' WHERE audience = 'customer' AND (recipient = (SELECT"
    " email FROM people WHERE role = 'customer' AND id = @) OR"
    " ticket_id IN (SELECT t.id FROM tickets t JOIN sites s ON s.id ="
    " t.site_id WHERE s.customer_id = @))",
    "UPDATE ticket_events SET text = '(erased)' WHERE actor = 'customer:'"
    " || @",
    "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE"
    " role = 'customer' AND person_id = @)",
    "UPDATE api_tokens SET revoked_ms = COALESCE(revoked_ms, 0) WHERE"
    " user_id IN (SELECT id FROM users WHERE role = 'customer' AND"
    " person_id = @)",
    "UPDATE users SET disabled = 1, pwhash = NULL WHERE role ="
    " 'customer' AND person_id = @",
    "UPDATE people SET name = 'erased', email = NULL, phone = NULL"
    " WHERE role = 'customer' AND id = @",
};

bool pvs_obj_erase_sql(size_t i, const char *mark, struct pvs_buf *sql) {
    const char *p;

    if (i >= PVS_ARRAY_LEN(erase))
        return false;
    for (p = erase[i]; *p; p++) {
        if (*p == '@')
            pvs_buf_printf(sql, "%s1", mark);
        else
            pvs_buf_printf(sql, "%c", *p);
    }
    return true;
}
