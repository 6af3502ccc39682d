/* SPDX-License-Identifier: MIT */
/*
 * pg_web_objects.c - the PostgreSQL backend's rows of the API's objects
 * and accounts (store_objects.h): typed values in and out, columns named
 * by the entities' field tables only. The checks before a write and the
 * API's JSON are not here (core/store/objects.c, web/views_objects.c);
 * the writes' SQL is shared with SQLite (core/store/obj_sql.c).
 *
 * DESIGN
 * Visibility is part of every query: the scope kind and person are $1
 * and $2, and SCOPED keeps a customer on their own sites, so "not yours"
 * and "does not exist" give the same answer. Ids sort as bytes (COLLATE
 * "C"), as SQLite sorts them, whatever the database's locale.
 */
#define PVS_LOG_MODULE "store"
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../obj_sql.h"
#include "pvs/clock.h"
#include "pvs/config.h"
#include "pg_int.h"

/* Statuses in which someone still has to act (pvs_ticket_is_active). */
#define ACTIVE "t.status NOT IN ('resolved', 'closed', 'false_alarm', 'merged')"

#define MAX_LAST 128

/* PostgreSQL type ids (pg_type.h) of the numbers a column may hold. */
enum {
    OID_INT8 = 20,
    OID_INT2 = 21,
    OID_INT4 = 23,
    OID_FLOAT4 = 700,
    OID_FLOAT8 = 701,
    OID_NUMERIC = 1700
};

static int scope_kind(const struct pvs_scope *sc) {
    return (int)sc->kind;
}

static const char *scope_person(const struct pvs_scope *sc) {
    return sc->kind == PVS_SCOPE_ALL ? "" : sc->person;
}

/* A column as NULL or its text, the way SQLite's API reads it. */
static const char *col(const PGresult *r, int row, int c) {
    return PQgetisnull(r, row, c) ? NULL : PQgetvalue(r, row, c);
}

/* The query's first row, or PVS_ERR_NOTFOUND; r cleared on NOTFOUND. */
static enum pvs_err one(struct pvs_store_be *st, PGresult **r) {
    if (!*r)
        return pvs_pg_failed(st);
    if (!PQntuples(*r)) {
        PQclear(*r);
        *r = NULL;
        return PVS_ERR_NOTFOUND;
    }
    return PVS_OK;
}

/* ---- entity rows ---- */

/* "ORDER BY A.id" in byte order. */
static void order_by_id(const struct pvs_entity *e, const char *a,
                        struct pvs_buf *sql) {
    pvs_buf_printf(sql, " ORDER BY %s.id%s", a,
                   e->flags & PVS_ENTITY_INT_ID ? "" : " COLLATE \"C\"");
}

static void read_val(const PGresult *r, int row, int c, struct pvs_val *v) {
    const char *text = col(r, row, c);

    memset(v, 0, sizeof(*v));
    if (!text) {
        v->kind = PVS_VAL_NULL;
        return;
    }
    switch ((int)PQftype(r, c)) {
    case OID_INT2:
    case OID_INT4:
    case OID_INT8:
        v->kind = PVS_VAL_INT;
        v->i = pvs_pg_i64(r, row, c);
        break;
    case OID_FLOAT4:
    case OID_FLOAT8:
    case OID_NUMERIC:
        v->kind = PVS_VAL_REAL;
        v->d = pvs_pg_dbl(r, row, c);
        break;
    default:
        v->kind = PVS_VAL_TEXT;
        v->s = text;
        break;
    }
}

/* Row row of r as an object of e; vals holds PVS_OBJ_MAX_FIELDS values. */
static void obj_read(const PGresult *r, int row, const struct pvs_entity *e,
                     struct pvs_val *vals, struct pvs_obj_row *o) {
    int n = (int)e->nfields;

    PVS_ASSERT(e->nfields <= PVS_OBJ_MAX_FIELDS);
    o->entity = e;
    o->id = pvs_pg_str(r, row, 0);
    for (int i = 0; i < n; i++) {
        if (e->fields[i].column)
            read_val(r, row, i + 1, &vals[i]);
        else
            memset(&vals[i], 0, sizeof(vals[i]));
    }
    o->vals = vals;
    o->source = col(r, row, n + 1);
    o->created_by = col(r, row, n + 2);
    o->created_ms = pvs_pg_i64(r, row, n + 3);
}

/*
 * The id column compared with a text argument: as it is for text ids (so
 * the primary key's index serves it), as text for integer ids.
 */
static const char *id_col(const struct pvs_entity *e) {
    return e->flags & PVS_ENTITY_INT_ID ? "id::text" : "id";
}

enum pvs_err pvs_pg_obj_facts(struct pvs_store_be *st,
                              const struct pvs_entity *e, const char *id,
                              struct pvs_obj_facts *ret) {
    char sql[200];
    PGresult *r;
    enum pvs_err rc;

    pvs_snprintf(sql, sizeof(sql),
                 "SELECT %s, created_by FROM %s WHERE %s = $1%s",
                 e->flags & PVS_ENTITY_INT_ID ? "'api'" : "source", e->table,
                 id_col(e), e->role ? " AND role = $2" : "");
    r = pvs_pg_query(st, "reading a row", sql, e->role ? "tt" : "t", id,
                     e->role);
    rc = one(st, &r);
    if (rc)
        return rc;
    pvs_strlcpy(ret->source, pvs_pg_str(r, 0, 0), sizeof(ret->source));
    pvs_strlcpy(ret->created_by, pvs_pg_str(r, 0, 1), sizeof(ret->created_by));
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_obj_uses(struct pvs_store_be *st,
                             const struct pvs_entity *e, const char *id,
                             int64_t *ret) {
    struct pvs_buf sql;
    PGresult *r;
    enum pvs_err rc;

    pvs_buf_init(&sql, 4096);
    pvs_obj_uses_sql(e, "$", &sql);
    r = pvs_pg_query(st, "counting uses", sql.data, "t", id);
    pvs_buf_release(&sql);
    rc = one(st, &r);
    if (rc)
        return rc == PVS_ERR_NOTFOUND ? PVS_ERR_DB : rc;
    *ret = pvs_pg_i64(r, 0, 0);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_obj_rows(struct pvs_store_be *st,
                             const struct pvs_entity *e, const char *id,
                             bool api_only, pvs_store_obj_fn *fn, void *ud) {
    struct pvs_val vals[PVS_OBJ_MAX_FIELDS];
    struct pvs_obj_row o;
    struct pvs_buf sql;
    PGresult *r;
    int n;

    pvs_buf_init(&sql, 4096);
    pvs_buf_puts(&sql, "SELECT ");
    pvs_obj_cols_sql(e, "x", &sql);
    /* $2 is the role of people, who share a table; NULL for the others */
    pvs_buf_printf(
        &sql,
        " FROM %s x WHERE ($1::text IS NULL OR x.%s = $1)"
        " AND %s%s",
        e->table, id_col(e), e->role ? "x.role = $2" : "$2::text IS NULL",
        api_only && !(e->flags & PVS_ENTITY_INT_ID) ? " AND x.source = 'api'"
                                                    : "");
    order_by_id(e, "x", &sql);
    pvs_buf_puts(&sql, " LIMIT 10000");
    r = pvs_pg_query(st, "reading objects", sql.data, "tt", id, e->role);
    pvs_buf_release(&sql);
    if (!r)
        return pvs_pg_failed(st);
    n = PQntuples(r);
    for (int i = 0; i < n; i++) {
        obj_read(r, i, e, vals, &o);
        fn(ud, &o);
    }
    PQclear(r);
    return id && !n ? PVS_ERR_NOTFOUND : PVS_OK;
}

enum pvs_err pvs_pg_web_site_visible(struct pvs_store_be *st,
                                     const struct pvs_scope *scope,
                                     const char *id) {
    PGresult *r = pvs_pg_query(st, "reading a site",
                               "SELECT 1 FROM sites s WHERE s.id = $3 AND"
                               " " SCOPE_S,
                               "itt", (int64_t)scope_kind(scope),
                               scope_person(scope), id);
    enum pvs_err rc = one(st, &r);

    PQclear(r);
    return rc;
}

/* ---- sites and devices ---- */

#define SITE_STATE                                                             \
    "COALESCE((SELECT CASE MAX(CASE severity WHEN 'critical' THEN 3 WHEN"      \
    " 'warning' THEN 2 ELSE 1 END) WHEN 3 THEN 'critical' WHEN 2 THEN"         \
    " 'warning' ELSE 'info' END FROM tickets t WHERE t.site_id = s.id "        \
    "AND " ACTIVE " HAVING COUNT(*) > 0), CASE WHEN NOT EXISTS (SELECT 1 FROM" \
    " devices d WHERE d.site_id = s.id) THEN 'no_devices' WHEN NOT EXISTS"     \
    " (SELECT 1 FROM devices d JOIN readings x ON x.device_id = d.id WHERE"    \
    " d.site_id = s.id) THEN 'no_data' ELSE 'ok' END)"

/* A site's members beyond its entity fields. */
#define SITE_EXTRA                                                             \
    ", s.customer_id, s.technician_id, (SELECT COUNT(*) FROM devices d"        \
    " WHERE d.site_id = s.id), (SELECT COUNT(*) FROM tickets t WHERE"          \
    " t.site_id = s.id AND " ACTIVE "), " SITE_STATE

static enum pvs_err site_count(struct pvs_store_be *st,
                               const struct pvs_scope *scope, int64_t *ret) {
    PGresult *r = pvs_pg_query(
        st, "counting sites", "SELECT COUNT(*) FROM sites s WHERE " SCOPE_S,
        "it", (int64_t)scope_kind(scope), scope_person(scope));

    if (!r)
        return pvs_pg_failed(st);
    *ret = pvs_pg_i64(r, 0, 0);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_web_sites(struct pvs_store_be *st,
                              const struct pvs_scope *scope, const char *id,
                              int64_t limit, int64_t offset,
                              pvs_store_site_fn *fn, void *ud,
                              int64_t *ret_total) {
    const struct pvs_entity *e = pvs_entity_find("site");
    struct pvs_val vals[PVS_OBJ_MAX_FIELDS];
    struct pvs_site_row x;
    struct pvs_buf sql;
    PGresult *r;
    int c = (int)e->nfields + 4, n;
    enum pvs_err rc;

    if (ret_total && (rc = site_count(st, scope, ret_total)))
        return rc;
    pvs_buf_init(&sql, 4096);
    pvs_buf_puts(&sql, "SELECT ");
    pvs_obj_cols_sql(e, "s", &sql);
    pvs_buf_puts(&sql, SITE_EXTRA " FROM sites s WHERE " SCOPE_S
                                  " AND ($3::text IS NULL OR s.id = $3)");
    order_by_id(e, "s", &sql);
    pvs_buf_puts(&sql, " LIMIT $4 OFFSET $5");
    r = pvs_pg_query(st, "listing sites", sql.data, "ittii",
                     (int64_t)scope_kind(scope), scope_person(scope), id, limit,
                     offset);
    pvs_buf_release(&sql);
    if (!r)
        return pvs_pg_failed(st);
    n = PQntuples(r);
    for (int i = 0; i < n; i++) {
        obj_read(r, i, e, vals, &x.obj);
        x.customer = col(r, i, c);
        x.technician = col(r, i, c + 1);
        x.devices = pvs_pg_i64(r, i, c + 2);
        x.open_tickets = pvs_pg_i64(r, i, c + 3);
        x.state = col(r, i, c + 4);
        fn(ud, &x);
    }
    PQclear(r);
    return id && !n ? PVS_ERR_NOTFOUND : PVS_OK;
}

/* The latest values of device id, in metric order (r keeps the names). */
static enum pvs_err last_values(struct pvs_store_be *st, const char *id,
                                struct pvs_device_row *d,
                                struct pvs_metric_value *last,
                                PGresult **ret_r) {
    PGresult *r = pvs_pg_query(
        st, "reading values",
        "SELECT j.key, CASE jsonb_typeof(j.value) WHEN 'array' THEN j.value"
        " ->> 0 ELSE j.value #>> '{}' END FROM (SELECT data FROM readings"
        " WHERE device_id = $1 ORDER BY ts_ms DESC LIMIT 1) r,"
        " jsonb_each(r.data) j ORDER BY j.key COLLATE \"C\" LIMIT 128",
        "t", id);
    double v;

    if (!r)
        return pvs_pg_failed(st);
    d->nlast = 0;
    for (int i = 0; i < PQntuples(r) && i < MAX_LAST; i++) {
        last[i].metric = pvs_pg_str(r, i, 0);
        v = NAN;
        if (!pvs_pg_null(r, i, 1) && pvs_parse_double(pvs_pg_str(r, i, 1), &v))
            v = NAN;
        last[i].value = v;
        d->nlast++;
    }
    d->last = last;
    *ret_r = r;
    return PVS_OK;
}

enum pvs_err pvs_pg_web_devices(struct pvs_store_be *st,
                                const struct pvs_scope *scope, const char *site,
                                const char *id, pvs_store_device_fn *fn,
                                void *ud) {
    const struct pvs_entity *e = pvs_entity_find("device");
    struct pvs_metric_value *last = pvs_calloc(MAX_LAST, sizeof(*last));
    struct pvs_val vals[PVS_OBJ_MAX_FIELDS];
    struct pvs_device_row x;
    struct pvs_buf sql;
    PGresult *r, *lr = NULL;
    int c = (int)e->nfields + 4, n = 0;
    enum pvs_err rc = PVS_OK;

    pvs_buf_init(&sql, 4096);
    pvs_buf_puts(&sql, "SELECT ");
    pvs_obj_cols_sql(e, "d", &sql);
    pvs_buf_puts(&sql,
                 ", d.site_id, (SELECT MAX(ts_ms) FROM readings x"
                 " WHERE x.device_id = d.id) FROM devices d WHERE " SCOPE_D
                 " AND ($3::text IS NULL OR d.site_id = $3) AND"
                 " ($4::text IS NULL OR d.id = $4)");
    order_by_id(e, "d", &sql);
    pvs_buf_puts(&sql, " LIMIT 5000");
    r = pvs_pg_query(st, "listing devices", sql.data, "ittt",
                     (int64_t)scope_kind(scope), scope_person(scope), site, id);
    pvs_buf_release(&sql);
    if (!r)
        rc = pvs_pg_failed(st);
    else
        n = PQntuples(r);
    for (int i = 0; i < n && !rc; i++) {
        obj_read(r, i, e, vals, &x.obj);
        x.site = col(r, i, c);
        x.seen = !pvs_pg_null(r, i, c + 1);
        x.last_seen_ms = pvs_pg_i64(r, i, c + 1);
        rc = last_values(st, x.obj.id, &x, last, &lr);
        if (!rc)
            fn(ud, &x);
        PQclear(lr);
        lr = NULL;
    }
    PQclear(r);
    pvs_free(last);
    if (!rc && id && !n)
        rc = PVS_ERR_NOTFOUND;
    return rc;
}

/* ---- accounts and silences ---- */

enum pvs_err pvs_pg_web_users(struct pvs_store_be *st, pvs_store_user_fn *fn,
                              void *ud) {
    PGresult *r = pvs_pg_query(st, "listing users",
                               "SELECT id, username, role, person_id,"
                               " created_ms, disabled FROM users ORDER BY id",
                               NULL);
    struct pvs_user_row u;

    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r); i++) {
        u.id = pvs_pg_i64(r, i, 0);
        u.username = col(r, i, 1);
        u.role = col(r, i, 2);
        u.person = col(r, i, 3);
        u.created_ms = pvs_pg_i64(r, i, 4);
        u.disabled = pvs_pg_i64(r, i, 5) != 0;
        fn(ud, &u);
    }
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_web_tokens(struct pvs_store_be *st, int64_t user_id,
                               pvs_store_token_fn *fn, void *ud) {
    PGresult *r = pvs_pg_query(
        st, "listing tokens",
        "SELECT k.id, k.user_id, u.username, k.name, k.created_ms,"
        " k.expires_ms, k.revoked_ms FROM api_tokens k JOIN users u ON u.id"
        " = k.user_id WHERE $1 = 0 OR k.user_id = $1 ORDER BY k.id",
        "i", user_id);
    struct pvs_token_row t;

    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r); i++) {
        t.id = pvs_pg_i64(r, i, 0);
        t.user_id = pvs_pg_i64(r, i, 1);
        t.username = col(r, i, 2);
        t.name = col(r, i, 3);
        t.created_ms = pvs_pg_i64(r, i, 4);
        t.expires = !pvs_pg_null(r, i, 5);
        t.expires_ms = pvs_pg_i64(r, i, 5);
        t.revoked = !pvs_pg_null(r, i, 6);
        t.revoked_ms = pvs_pg_i64(r, i, 6);
        fn(ud, &t);
    }
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_web_silences(struct pvs_store_be *st,
                                 const struct pvs_scope *scope,
                                 pvs_store_obj_fn *fn, void *ud) {
    const struct pvs_entity *e = pvs_entity_find("silence");
    struct pvs_val vals[PVS_OBJ_MAX_FIELDS];
    struct pvs_obj_row o;
    struct pvs_buf sql;
    PGresult *r;

    pvs_buf_init(&sql, 4096);
    pvs_buf_puts(&sql, "SELECT ");
    pvs_obj_cols_sql(e, "a", &sql);
    pvs_buf_puts(&sql, " FROM api_silences a WHERE ($1 = 0 OR a.site_id" SCOPED
                       " ORDER BY a.id");
    r = pvs_pg_query(st, "listing silences", sql.data, "it",
                     (int64_t)scope_kind(scope), scope_person(scope));
    pvs_buf_release(&sql);
    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r); i++) {
        obj_read(r, i, e, vals, &o);
        fn(ud, &o);
    }
    PQclear(r);
    return PVS_OK;
}

/* ---- writes ---- */

/* v as a text argument in buf (NULL for SQL NULL). */
static const char *val_text(const struct pvs_val *v, char *buf, size_t size) {
    switch (v->kind) {
    case PVS_VAL_INT:
        pvs_snprintf(buf, size, "%" PRId64, v->i);
        return buf;
    case PVS_VAL_REAL:
        if (!isfinite(v->d))
            return NULL;
        pvs_snprintf(buf, size, "%.17g", v->d);
        return buf;
    case PVS_VAL_TEXT:
        return v->s;
    default:
        return NULL;
    }
}

enum pvs_err pvs_pg_obj_write(struct pvs_store_be *st,
                              const struct pvs_entity *e, const char *id,
                              const struct pvs_val *vals, bool create,
                              const char *actor, int64_t now_ms,
                              int64_t *ret_id) {
    const char *args[PVS_OBJ_MAX_FIELDS + 4];
    char bufs[PVS_OBJ_MAX_FIELDS + 4][32];
    struct pvs_buf sql;
    PGresult *r;
    int n = 0;

    pvs_pg_durable(st);
    pvs_buf_init(&sql, 4096);
    pvs_obj_write_sql(e, vals, create, "$", &sql);
    if (create && (e->flags & PVS_ENTITY_INT_ID))
        pvs_buf_puts(&sql, " RETURNING id");
    /* pvs_obj_write_sql's parameters, in its order */
    if (!(e->flags & PVS_ENTITY_INT_ID))
        args[n++] = id;
    if (create) {
        args[n++] = actor;
        pvs_snprintf(bufs[n], sizeof(bufs[n]), "%" PRId64, now_ms);
        args[n] = bufs[n];
        n++;
    }
    if (e->role)
        args[n++] = e->role;
    for (size_t i = 0; i < e->nfields; i++)
        if (vals[i].kind != PVS_VAL_NONE && e->fields[i].column) {
            args[n] = val_text(&vals[i], bufs[n], sizeof(bufs[n]));
            n++;
        }
    r = pvs_pg_query_n(st, "writing an API object", sql.data, n, args);
    pvs_buf_release(&sql);
    if (!r)
        return pvs_pg_failed(st);
    if (ret_id && PQntuples(r))
        *ret_id = pvs_pg_i64(r, 0, 0);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_obj_delete(struct pvs_store_be *st,
                               const struct pvs_entity *e, const char *id) {
    char sql[200];
    PGresult *r;
    enum pvs_err rc;

    pvs_pg_durable(st);
    pvs_snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE %s = $1 AND %s",
                 e->table, id_col(e),
                 e->role ? "role = $2" : "$2::text IS NULL");
    r = pvs_pg_query(st, "deleting an API object", sql, "tt", id, e->role);
    if (!r)
        return pvs_pg_failed(st);
    rc = strtoll(PQcmdTuples(r), NULL, 10) ? PVS_OK : PVS_ERR_NOTFOUND;
    PQclear(r);
    return rc;
}

enum pvs_err pvs_pg_obj_erase_customer(struct pvs_store_be *st,
                                       const char *id) {
    struct pvs_buf sql;
    enum pvs_err rc = PVS_OK;

    pvs_pg_durable(st);
    pvs_buf_init(&sql, 4096);
    for (size_t i = 0; !rc && pvs_obj_erase_sql(i, "$", &sql); i++) {
        rc = pvs_pg_exec(st, "erasing personal data", sql.data, "t", id);
        pvs_buf_reset(&sql);
    }
    pvs_buf_release(&sql);
    return rc;
}

/* ---- the config file's objects ---- */

/* The objects of e in arr (n of them) that the file defines, upserted. */
static enum pvs_err sync_entity(struct pvs_store_be *st,
                                const struct pvs_entity *e, void *const *arr,
                                size_t n) {
    const char *args[PVS_OBJ_MAX_FIELDS + 3];
    struct pvs_val vals[PVS_OBJ_MAX_FIELDS];
    char *texts[PVS_OBJ_MAX_FIELDS];
    char bufs[PVS_OBJ_MAX_FIELDS + 3][32];
    struct pvs_buf sql;
    enum pvs_err rc = PVS_OK;
    PGresult *r;
    int k;

    PVS_ASSERT(e->nfields <= PVS_OBJ_MAX_FIELDS);
    pvs_buf_init(&sql, 8192);
    pvs_obj_sync_sql(e, "$", &sql);
    pvs_snprintf(bufs[1], sizeof(bufs[1]), "%" PRId64,
                 pvs_clock_real_ms(pvs_clock_now_ms()));
    for (size_t x = 0; x < n && !rc; x++) {
        const struct pvs_cfg_obj *obj = arr[x];

        /* Rows the API created stay the API's. */
        if (pvs_config_obj_from_store(obj))
            continue;
        pvs_obj_cfg_vals(e, obj, vals, texts);
        k = 0;
        args[k++] = obj->id;
        args[k++] = bufs[1];
        if (e->role)
            args[k++] = e->role;
        for (size_t i = 0; i < e->nfields; i++) {
            if (!pvs_obj_synced(&e->fields[i]))
                continue;
            args[k] = val_text(&vals[i], bufs[k], sizeof(bufs[k]));
            k++;
        }
        r = pvs_pg_query_n(st, "syncing the config's objects", sql.data, k,
                           args);
        rc = r ? PVS_OK : pvs_pg_failed(st);
        PQclear(r);
        for (size_t i = 0; i < e->nfields; i++)
            cJSON_free(texts[i]);
    }
    pvs_buf_release(&sql);
    return rc;
}

enum pvs_err pvs_pg_sync_config(struct pvs_store_be *st,
                                const struct pvs_config *cfg) {
    enum pvs_err rc;

    pvs_pg_durable(st);
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
