/* SPDX-License-Identifier: MIT */
/*
 * store_objects.c - the SQLite backend's rows of the API's objects and
 * accounts (store_objects.h): typed values in and out, columns named by
 * the entities' field tables only, never by a request. The checks before
 * a write and the API's JSON are not here (core/store/objects.c,
 * web/views_objects.c).
 *
 * DESIGN
 * Visibility is part of every query, not a filter applied afterwards: the
 * scope kind and person are bound as ?1 and ?2 and SCOPE_* keep a
 * customer on their own sites, so "not yours" and "does not exist" give
 * the same answer.
 */
#define PVS_LOG_MODULE "store"
#include <math.h>
#include <string.h>

#include "pvs/log.h"
#include "pvs/store_objects.h"
#include "../obj_sql.h"
#include "store_int.h"

#define SCOPE_A "(?1 = 0 OR s.site_id" SCOPED

/* Metrics of a device's latest reading served with it. */
#define MAX_LAST 128

static const char *col_str(sqlite3_stmt *s, int i) {
    return (const char *)sqlite3_column_text(s, i);
}

/* Step s (bound) to its end and finalize it: PVS_OK or the failure. */
static enum pvs_err done(struct pvs_store_be *st, sqlite3_stmt *s, int r,
                         const char *what) {
    enum pvs_err rc = r == SQLITE_DONE ? PVS_OK : store_fail(st, what);

    sqlite3_finalize(s);
    return rc;
}

/* ---- entity rows ---- */

/* The row of e that s stands on; vals holds PVS_OBJ_MAX_FIELDS values. */
static void obj_read(sqlite3_stmt *s, const struct pvs_entity *e,
                     struct pvs_val *vals, struct pvs_obj_row *o) {
    int n = (int)e->nfields;

    PVS_ASSERT(e->nfields <= PVS_OBJ_MAX_FIELDS);
    o->entity = e;
    o->id = col_str(s, 0);
    for (int i = 0; i < n; i++) {
        struct pvs_val *v = &vals[i];
        memset(v, 0, sizeof(*v));
        if (!e->fields[i].column)
            continue;
        switch (sqlite3_column_type(s, i + 1)) {
        case SQLITE_NULL:
            v->kind = PVS_VAL_NULL;
            break;
        case SQLITE_INTEGER:
            v->kind = PVS_VAL_INT;
            v->i = sqlite3_column_int64(s, i + 1);
            break;
        case SQLITE_FLOAT:
            v->kind = PVS_VAL_REAL;
            v->d = sqlite3_column_double(s, i + 1);
            break;
        default:
            v->kind = PVS_VAL_TEXT;
            v->s = col_str(s, i + 1);
            break;
        }
    }
    o->vals = vals;
    o->source = col_str(s, n + 1);
    o->created_by = col_str(s, n + 2);
    o->created_ms = sqlite3_column_int64(s, n + 3);
}

const char *pvs_sqlite_label(struct pvs_store_be *st) {
    return st->path;
}

enum pvs_err pvs_sqlite_obj_facts(struct pvs_store_be *st,
                                  const struct pvs_entity *e, const char *id,
                                  struct pvs_obj_facts *ret) {
    char sql[200];
    sqlite3_stmt *s;
    int r;

    pvs_snprintf(sql, sizeof(sql),
                 "SELECT %s, created_by FROM %s WHERE id = ?1%s",
                 e->flags & PVS_ENTITY_INT_ID ? "'api'" : "source", e->table,
                 e->role ? " AND role = ?2" : "");
    if (!(s = store_prep(st, sql)))
        return PVS_ERR_DB;
    store_bind_text(s, 1, id);
    if (e->role)
        store_bind_text(s, 2, e->role);
    r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        pvs_strlcpy(ret->source, col_str(s, 0) ? col_str(s, 0) : "",
                    sizeof(ret->source));
        pvs_strlcpy(ret->created_by, col_str(s, 1) ? col_str(s, 1) : "",
                    sizeof(ret->created_by));
        sqlite3_finalize(s);
        return PVS_OK;
    }
    return r == SQLITE_DONE ? (sqlite3_finalize(s), PVS_ERR_NOTFOUND)
                            : done(st, s, r, "reading a row");
}

enum pvs_err pvs_sqlite_obj_uses(struct pvs_store_be *st,
                                 const struct pvs_entity *e, const char *id,
                                 int64_t *ret) {
    struct pvs_buf sql;
    sqlite3_stmt *s;
    int r;

    pvs_buf_init(&sql, 4096);
    pvs_obj_uses_sql(e, "?", &sql);
    s = store_prep(st, sql.data);
    pvs_buf_release(&sql);
    if (!s)
        return PVS_ERR_DB;
    store_bind_text(s, 1, id);
    r = sqlite3_step(s);
    if (r == SQLITE_ROW)
        *ret = sqlite3_column_int64(s, 0);
    return done(st, s, r == SQLITE_ROW ? SQLITE_DONE : r, "counting uses");
}

enum pvs_err pvs_sqlite_obj_rows(struct pvs_store_be *st,
                                 const struct pvs_entity *e, const char *id,
                                 bool api_only, pvs_store_obj_fn *fn,
                                 void *ud) {
    struct pvs_val vals[PVS_OBJ_MAX_FIELDS];
    struct pvs_obj_row o;
    struct pvs_buf sql;
    sqlite3_stmt *s;
    bool any = false;
    int r;

    pvs_buf_init(&sql, 4096);
    pvs_buf_puts(&sql, "SELECT ");
    pvs_obj_cols_sql(e, "x", &sql);
    pvs_buf_printf(&sql, " FROM %s x WHERE (?1 IS NULL OR x.id = ?1)%s%s",
                   e->table, e->role ? " AND x.role = ?2" : "",
                   api_only && !(e->flags & PVS_ENTITY_INT_ID)
                       ? " AND x.source = 'api'"
                       : "");
    pvs_buf_puts(&sql, " ORDER BY x.id LIMIT 10000");
    s = store_prep(st, sql.data);
    pvs_buf_release(&sql);
    if (!s)
        return PVS_ERR_DB;
    store_bind_text(s, 1, id);
    if (e->role)
        store_bind_text(s, 2, e->role);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        obj_read(s, e, vals, &o);
        fn(ud, &o);
        any = true;
    }
    if (r == SQLITE_DONE && id && !any)
        r = SQLITE_NOTFOUND;
    return r == SQLITE_NOTFOUND ? (sqlite3_finalize(s), PVS_ERR_NOTFOUND)
                                : done(st, s, r, "reading objects");
}

/* ---- sites and devices ---- */

#define SITE_STATE                                                             \
    "COALESCE((SELECT CASE MAX(CASE severity WHEN 'critical' THEN 3 WHEN"      \
    " 'warning' THEN 2 ELSE 1 END) WHEN 3 THEN 'critical' WHEN 2 THEN"         \
    " 'warning' ELSE 'info' END FROM tickets t WHERE t.site_id = s.id AND"     \
    " pvs_ticket_active(t.status) HAVING COUNT(*) > 0), CASE WHEN"             \
    " NOT EXISTS (SELECT 1 FROM devices d WHERE d.site_id = s.id) THEN"        \
    " 'no_devices' WHEN NOT EXISTS (SELECT 1 FROM devices d JOIN readings"     \
    " x ON x.device_id = d.id WHERE d.site_id = s.id) THEN 'no_data' ELSE"     \
    " 'ok' END)"

/* A site's members beyond its entity fields. */
#define SITE_EXTRA                                                             \
    ", s.customer_id, s.technician_id, (SELECT COUNT(*) FROM devices d"        \
    " WHERE d.site_id = s.id), (SELECT COUNT(*) FROM tickets t WHERE"          \
    " t.site_id = s.id AND pvs_ticket_active(t.status)), " SITE_STATE

static enum pvs_err site_count(struct pvs_store_be *st,
                               const struct pvs_scope *scope, int64_t *ret) {
    sqlite3_stmt *s =
        store_prep(st, "SELECT COUNT(*) FROM sites s WHERE " SCOPE_S);
    int r;

    if (!s)
        return PVS_ERR_DB;
    store_bind_scope(s, scope);
    r = sqlite3_step(s);
    if (r == SQLITE_ROW)
        *ret = sqlite3_column_int64(s, 0);
    return done(st, s, r == SQLITE_ROW ? SQLITE_DONE : r, "counting sites");
}

enum pvs_err pvs_sqlite_web_sites(struct pvs_store_be *st,
                                  const struct pvs_scope *scope, const char *id,
                                  int64_t limit, int64_t offset,
                                  pvs_store_site_fn *fn, void *ud,
                                  int64_t *ret_total) {
    const struct pvs_entity *e = pvs_entity_find("site");
    struct pvs_val vals[PVS_OBJ_MAX_FIELDS];
    struct pvs_site_row x;
    struct pvs_buf sql;
    sqlite3_stmt *s;
    int n = (int)e->nfields + 4, r;
    bool any = false;

    if (ret_total && site_count(st, scope, ret_total))
        return PVS_ERR_DB;
    pvs_buf_init(&sql, 4096);
    pvs_buf_puts(&sql, "SELECT ");
    pvs_obj_cols_sql(e, "s", &sql);
    pvs_buf_puts(&sql, SITE_EXTRA " FROM sites s WHERE " SCOPE_S
                                  " AND (?3 IS NULL OR s.id = ?3) ORDER BY"
                                  " s.id LIMIT ?4 OFFSET ?5");
    s = store_prep(st, sql.data);
    pvs_buf_release(&sql);
    if (!s)
        return PVS_ERR_DB;
    store_bind_scope(s, scope);
    store_bind_text(s, 3, id);
    sqlite3_bind_int64(s, 4, limit);
    sqlite3_bind_int64(s, 5, offset);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        obj_read(s, e, vals, &x.obj);
        x.customer = col_str(s, n);
        x.technician = col_str(s, n + 1);
        x.devices = sqlite3_column_int64(s, n + 2);
        x.open_tickets = sqlite3_column_int64(s, n + 3);
        x.state = col_str(s, n + 4);
        fn(ud, &x);
        any = true;
    }
    if (r == SQLITE_DONE && id && !any)
        r = SQLITE_NOTFOUND;
    return r == SQLITE_NOTFOUND ? (sqlite3_finalize(s), PVS_ERR_NOTFOUND)
                                : done(st, s, r, "listing sites");
}

/* The latest values of device id, in metric order; texts in s's care. */
static enum pvs_err last_values(struct pvs_store_be *st, const char *id,
                                struct pvs_device_row *d,
                                struct pvs_metric_value *last,
                                sqlite3_stmt **ret_s) {
    sqlite3_stmt *s = store_prep(
        st, "SELECT j.key, CASE j.type WHEN 'array' THEN j.value ->> 0 ELSE"
            " j.value END FROM (SELECT data FROM readings WHERE device_id ="
            " ?1 ORDER BY ts_ms DESC LIMIT 1) r, json_each(r.data) j ORDER"
            " BY j.key LIMIT 128");
    int r;

    if (!s)
        return PVS_ERR_DB;
    store_bind_text(s, 1, id);
    d->nlast = 0;
    /* Strings of a step stay valid while later rows are read only when
     * copied: keep them in the statement's own results by reading all
     * rows into last[] with duplicated names (freed by the caller). */
    while ((r = sqlite3_step(s)) == SQLITE_ROW && d->nlast < MAX_LAST) {
        last[d->nlast].metric = pvs_strdup(col_str(s, 0) ? col_str(s, 0) : "");
        last[d->nlast].value = sqlite3_column_type(s, 1) == SQLITE_NULL
                                   ? NAN
                                   : sqlite3_column_double(s, 1);
        d->nlast++;
    }
    d->last = last;
    *ret_s = NULL;
    return done(st, s, r == SQLITE_ROW ? SQLITE_DONE : r, "reading values");
}

static void free_last(struct pvs_metric_value *last, size_t n) {
    for (size_t i = 0; i < n; i++)
        pvs_free((char *)(uintptr_t)last[i].metric);
}

enum pvs_err pvs_sqlite_web_devices(struct pvs_store_be *st,
                                    const struct pvs_scope *scope,
                                    const char *site, const char *id,
                                    pvs_store_device_fn *fn, void *ud) {
    const struct pvs_entity *e = pvs_entity_find("device");
    struct pvs_metric_value *last = pvs_calloc(MAX_LAST, sizeof(*last));
    struct pvs_val vals[PVS_OBJ_MAX_FIELDS];
    struct pvs_device_row x;
    struct pvs_buf sql;
    sqlite3_stmt *s, *ls;
    int n = (int)e->nfields + 4, r;
    enum pvs_err rc = PVS_OK;
    bool any = false;

    pvs_buf_init(&sql, 4096);
    pvs_buf_puts(&sql, "SELECT ");
    pvs_obj_cols_sql(e, "d", &sql);
    pvs_buf_puts(&sql,
                 ", d.site_id, (SELECT MAX(ts_ms) FROM readings x"
                 " WHERE x.device_id = d.id) FROM devices d WHERE " SCOPE_D
                 " AND (?3 IS NULL OR d.site_id = ?3) AND (?4 IS NULL"
                 " OR d.id = ?4) ORDER BY d.id LIMIT 5000");
    s = store_prep(st, sql.data);
    pvs_buf_release(&sql);
    if (!s) {
        pvs_free(last);
        return PVS_ERR_DB;
    }
    store_bind_scope(s, scope);
    store_bind_text(s, 3, site);
    store_bind_text(s, 4, id);
    while (!rc && (r = sqlite3_step(s)) == SQLITE_ROW) {
        obj_read(s, e, vals, &x.obj);
        x.site = col_str(s, n);
        x.seen = sqlite3_column_type(s, n + 1) != SQLITE_NULL;
        x.last_seen_ms = sqlite3_column_int64(s, n + 1);
        rc = last_values(st, x.obj.id, &x, last, &ls);
        if (!rc)
            fn(ud, &x);
        free_last(last, x.nlast);
        any = true;
    }
    pvs_free(last);
    if (rc) {
        sqlite3_finalize(s);
        return rc;
    }
    if (r == SQLITE_DONE && id && !any)
        r = SQLITE_NOTFOUND;
    return r == SQLITE_NOTFOUND ? (sqlite3_finalize(s), PVS_ERR_NOTFOUND)
                                : done(st, s, r, "listing devices");
}

/* ---- accounts and silences ---- */

enum pvs_err pvs_sqlite_web_users(struct pvs_store_be *st,
                                  pvs_store_user_fn *fn, void *ud) {
    sqlite3_stmt *s =
        store_prep(st, "SELECT id, username, role, person_id,"
                       " created_ms, disabled FROM users ORDER BY id");
    struct pvs_user_row u;
    int r;

    if (!s)
        return PVS_ERR_DB;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        u.id = sqlite3_column_int64(s, 0);
        u.username = col_str(s, 1);
        u.role = col_str(s, 2);
        u.person = col_str(s, 3);
        u.created_ms = sqlite3_column_int64(s, 4);
        u.disabled = sqlite3_column_int(s, 5) != 0;
        fn(ud, &u);
    }
    return done(st, s, r, "listing users");
}

enum pvs_err pvs_sqlite_web_tokens(struct pvs_store_be *st, int64_t user_id,
                                   pvs_store_token_fn *fn, void *ud) {
    sqlite3_stmt *s =
        store_prep(st, "SELECT k.id, k.user_id, u.username, k.name,"
                       " k.created_ms, k.expires_ms, k.revoked_ms"
                       " FROM api_tokens k JOIN users u ON u.id ="
                       " k.user_id WHERE ?1 = 0 OR k.user_id = ?1"
                       " ORDER BY k.id");
    struct pvs_token_row t;
    int r;

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, user_id);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        t.id = sqlite3_column_int64(s, 0);
        t.user_id = sqlite3_column_int64(s, 1);
        t.username = col_str(s, 2);
        t.name = col_str(s, 3);
        t.created_ms = sqlite3_column_int64(s, 4);
        t.expires = sqlite3_column_type(s, 5) != SQLITE_NULL;
        t.expires_ms = sqlite3_column_int64(s, 5);
        t.revoked = sqlite3_column_type(s, 6) != SQLITE_NULL;
        t.revoked_ms = sqlite3_column_int64(s, 6);
        fn(ud, &t);
    }
    return done(st, s, r, "listing tokens");
}

enum pvs_err pvs_sqlite_web_silences(struct pvs_store_be *st,
                                     const struct pvs_scope *scope,
                                     pvs_store_obj_fn *fn, void *ud) {
    const struct pvs_entity *e = pvs_entity_find("silence");
    struct pvs_val vals[PVS_OBJ_MAX_FIELDS];
    struct pvs_obj_row o;
    struct pvs_buf sql;
    sqlite3_stmt *s;
    int r;

    pvs_buf_init(&sql, 4096);
    pvs_buf_puts(&sql, "SELECT ");
    pvs_obj_cols_sql(e, "s", &sql);
    pvs_buf_puts(&sql, " FROM api_silences s WHERE " SCOPE_A " ORDER BY s.id");
    s = store_prep(st, sql.data);
    pvs_buf_release(&sql);
    if (!s)
        return PVS_ERR_DB;
    store_bind_scope(s, scope);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        obj_read(s, e, vals, &o);
        fn(ud, &o);
    }
    return done(st, s, r, "listing silences");
}

/* ---- writes ---- */

void pvs_sqlite_bind_val(sqlite3_stmt *s, int i, const struct pvs_val *v) {
    switch (v->kind) {
    case PVS_VAL_INT:
        sqlite3_bind_int64(s, i, v->i);
        break;
    case PVS_VAL_REAL:
        sqlite3_bind_double(s, i, v->d);
        break;
    case PVS_VAL_TEXT:
        store_bind_text(s, i, v->s);
        break;
    default:
        sqlite3_bind_null(s, i);
        break;
    }
}

enum pvs_err pvs_sqlite_obj_write(struct pvs_store_be *st,
                                  const struct pvs_entity *e, const char *id,
                                  const struct pvs_val *vals, bool create,
                                  const char *actor, int64_t now_ms,
                                  int64_t *ret_id) {
    struct pvs_buf sql;
    sqlite3_stmt *s;
    int n, r;

    pvs_buf_init(&sql, 4096);
    pvs_obj_write_sql(e, vals, create, "?", &sql);
    s = store_prep(st, sql.data);
    pvs_buf_release(&sql);
    if (!s)
        return PVS_ERR_DB;
    /* pvs_obj_write_sql's parameters: id, actor, now, role, then the
     * values given, in field order (an integer id has none). */
    n = 0;
    if (!(e->flags & PVS_ENTITY_INT_ID))
        store_bind_text(s, ++n, id);
    if (create) {
        store_bind_text(s, ++n, actor);
        sqlite3_bind_int64(s, ++n, now_ms);
    }
    if (e->role)
        store_bind_text(s, ++n, e->role);
    for (size_t i = 0; i < e->nfields; i++)
        if (vals[i].kind != PVS_VAL_NONE && e->fields[i].column)
            pvs_sqlite_bind_val(s, ++n, &vals[i]);
    r = sqlite3_step(s);
    if (r == SQLITE_DONE && ret_id)
        *ret_id = sqlite3_last_insert_rowid(st->db);
    return done(st, s, r, "writing an API object");
}

enum pvs_err pvs_sqlite_obj_delete(struct pvs_store_be *st,
                                   const struct pvs_entity *e, const char *id) {
    char sql[200];
    sqlite3_stmt *s;
    enum pvs_err rc;

    pvs_snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE id = ?1%s", e->table,
                 e->role ? " AND role = ?2" : "");
    if (!(s = store_prep(st, sql)))
        return PVS_ERR_DB;
    store_bind_text(s, 1, id);
    if (e->role)
        store_bind_text(s, 2, e->role);
    rc = done(st, s, sqlite3_step(s), "deleting an API object");
    if (!rc && !sqlite3_changes(st->db))
        rc = PVS_ERR_NOTFOUND;
    return rc;
}

enum pvs_err pvs_sqlite_obj_erase_customer(struct pvs_store_be *st,
                                           const char *id) {
    enum pvs_err rc = PVS_OK;
    struct pvs_buf sql;

    pvs_buf_init(&sql, 4096);
    for (size_t i = 0; !rc && pvs_obj_erase_sql(i, "?", &sql); i++) {
        sqlite3_stmt *s = store_prep(st, sql.data);
        pvs_buf_reset(&sql);
        if (!s) {
            rc = PVS_ERR_DB;
            break;
        }
        store_bind_text(s, 1, id);
        rc = done(st, s, sqlite3_step(s), "erasing personal data");
    }
    pvs_buf_release(&sql);
    return rc;
}
