/* SPDX-License-Identifier: MIT */
/*
 * obj_sql.c - the SQL text of the API objects' writes for every SQL
 * backend (obj_sql.h): the statements are standard SQL that SQLite and
 * PostgreSQL both run, so they are written once.
 */
#include <string.h>

#include "obj_sql.h"

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
