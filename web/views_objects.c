/* SPDX-License-Identifier: MIT */
/*
 * views_objects.c - the API's JSON of its objects (sites, devices, people,
 * MQTT maps, silences), accounts and a customer's export, built from the
 * store's typed rows. An entity's members are named by its field table
 * (entity.h) and typed by it: a list or the open keys as JSON, a boolean
 * as true/false; the members the overview adds are named here. The way
 * back too: a validated request body becomes the typed values of a write
 * (pvs_view_obj_vals), so the store never sees JSON.
 */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>

#include "pvs/web_views.h"
#include "view_json.h"
#include "web_int.h"

/* A number without its key (an object's member by name). */
static void number(struct view *w, double d) {
    if (!w->rc)
        w->rc = isfinite(d) ? pvs_buf_printf(w->b, "%.10g", d)
                            : pvs_buf_puts(w->b, "null");
}

static void maybe(struct view *w, const char *k, bool set, int64_t i) {
    if (set)
        integer(w, k, i);
    else
        str(w, k, NULL);
}

/* JSON text of a list or the open keys as itself, or as a string. */
static void json_text(struct view *w, const struct pvs_field *f,
                      const char *s) {
    cJSON *j = cJSON_Parse(s);
    char *text;

    if ((f->type == PVS_FT_LIST && cJSON_IsArray(j)) ||
        (f->type == PVS_FT_OBJECT && cJSON_IsObject(j))) {
        text = cJSON_PrintUnformatted(j);
        put(w, text);
        cJSON_free(text);
    } else if (!w->rc) {
        w->rc = pvs_buf_json_str(w->b, s);
    }
    cJSON_Delete(j);
}

/* Field f's value v as its API member. */
static void field(struct view *w, const struct pvs_field *f,
                  const struct pvs_val *v) {
    key(w, f->json);
    switch (v->kind) {
    case PVS_VAL_INT:
        if (f->type == PVS_FT_BOOL)
            put(w, v->i ? "true" : "false");
        else if (!w->rc)
            w->rc = pvs_buf_printf(w->b, "%" PRId64, v->i);
        break;
    case PVS_VAL_REAL:
        number(w, v->d);
        break;
    case PVS_VAL_TEXT:
        if (f->type == PVS_FT_LIST || f->type == PVS_FT_OBJECT)
            json_text(w, f, v->s);
        else if (!w->rc)
            w->rc = pvs_buf_json_str(w->b, v->s);
        break;
    default:
        put(w, "null");
        break;
    }
}

/* id and the members of o's field table (the object stays open). */
static void obj_members(struct view *w, const struct pvs_obj_row *o) {
    const struct pvs_entity *e = o->entity;

    row_start(w);
    if (e->flags & PVS_ENTITY_INT_ID)
        integer(w, "id", strtoll(o->id, NULL, 10));
    else
        str(w, "id", o->id);
    for (size_t i = 0; i < e->nfields; i++)
        if (e->fields[i].column && e->fields[i].json)
            field(w, &e->fields[i], &o->vals[i]);
}

/* ---- entities, people ---- */

static void obj_row(void *ud, const struct pvs_obj_row *o) {
    struct view *w = ud;

    obj_members(w, o);
    str(w, "source", o->source);
    str(w, "created_by", o->created_by);
    put(w, "}");
}

enum pvs_err pvs_view_objs_json(struct pvs_store *st,
                                const struct pvs_entity *e, const char *id,
                                struct pvs_buf *out) {
    struct view w = {out, PVS_OK, true, true};
    enum pvs_err rc;

    if (!id)
        put(&w, "[");
    rc = pvs_store_obj_rows(st, e, id, false, obj_row, &w);
    if (!id)
        put(&w, "]");
    return rc ? rc : w.rc;
}

/* ---- sites and devices ---- */

static void site_row(void *ud, const struct pvs_site_row *s) {
    struct view *w = ud;

    obj_members(w, &s->obj);
    str(w, "customer", s->customer);
    str(w, "technician", s->technician);
    str(w, "source", s->obj.source);
    str(w, "created_by", s->obj.created_by);
    integer(w, "devices", s->devices);
    integer(w, "open_tickets", s->open_tickets);
    str(w, "state", s->state);
}

static void site_row_closed(void *ud, const struct pvs_site_row *s) {
    site_row(ud, s);
    put(ud, "}");
}

enum pvs_err pvs_view_sites_json(struct pvs_store *st,
                                 const struct pvs_scope *scope, int64_t limit,
                                 int64_t offset, struct pvs_buf *out) {
    struct view w = {out, PVS_OK, true, true};
    int64_t total = 0;
    enum pvs_err rc;

    put(&w, "{\"items\": [");
    rc = pvs_store_web_sites(st, scope, NULL, limit, offset, site_row_closed,
                             &w, &total);
    put(&w, "], \"total\": ");
    if (!w.rc)
        w.rc = pvs_buf_printf(out, "%" PRId64, total);
    put(&w, "}");
    return rc ? rc : w.rc;
}

static void device_row(void *ud, const struct pvs_device_row *d) {
    struct view *w = ud;

    obj_members(w, &d->obj);
    str(w, "site", d->site);
    str(w, "source", d->obj.source);
    str(w, "created_by", d->obj.created_by);
    maybe(w, "last_seen_ms", d->seen, d->last_seen_ms);
    key(w, "last");
    put(w, "{");
    for (size_t i = 0; i < d->nlast; i++) {
        if (i)
            put(w, ", ");
        if (!w->rc)
            w->rc = pvs_buf_json_str(w->b, d->last[i].metric);
        put(w, ": ");
        number(w, d->last[i].value);
    }
    put(w, "}}");
}

enum pvs_err pvs_view_devices_json(struct pvs_store *st,
                                   const struct pvs_scope *scope,
                                   const char *site, struct pvs_buf *out) {
    struct view w = {out, PVS_OK, true, true};
    enum pvs_err rc;

    put(&w, "[");
    rc = pvs_store_web_devices(st, scope, site, NULL, device_row, &w);
    put(&w, "]");
    return rc ? rc : w.rc;
}

enum pvs_err pvs_view_device_json(struct pvs_store *st,
                                  const struct pvs_scope *scope, const char *id,
                                  struct pvs_buf *out) {
    struct view w = {out, PVS_OK, true, true};
    enum pvs_err rc;

    rc = pvs_store_web_devices(st, scope, NULL, id, device_row, &w);
    return rc ? rc : w.rc;
}

enum pvs_err pvs_view_site_json(struct pvs_store *st,
                                const struct pvs_scope *scope, const char *id,
                                struct pvs_buf *out) {
    struct view w = {out, PVS_OK, true, true};
    struct pvs_ticket_filter f = {NULL, id, 50, 0};
    enum pvs_err rc;

    rc = pvs_store_web_sites(st, scope, id, 1, 0, site_row, &w, NULL);
    if (rc)
        return rc;
    put(&w, ", \"device_list\": ");
    if (!w.rc)
        w.rc = pvs_view_devices_json(st, scope, id, out);
    put(&w, ", \"tickets\": ");
    if (!w.rc)
        w.rc = pvs_view_tickets_json(st, scope, &f, out);
    put(&w, "}");
    return w.rc;
}

/* ---- accounts ---- */

static void user_row(void *ud, const struct pvs_user_row *u) {
    struct view *w = ud;

    row_start(w);
    integer(w, "id", u->id);
    str(w, "username", u->username);
    str(w, "role", u->role);
    str(w, "person", u->person);
    integer(w, "created_ms", u->created_ms);
    integer(w, "disabled", u->disabled);
    put(w, "}");
}

enum pvs_err pvs_view_users_json(struct pvs_store *st, struct pvs_buf *out) {
    struct view w = {out, PVS_OK, true, true};
    enum pvs_err rc;

    put(&w, "[");
    rc = pvs_store_web_users(st, user_row, &w);
    put(&w, "]");
    return rc ? rc : w.rc;
}

static void token_row(void *ud, const struct pvs_token_row *t) {
    struct view *w = ud;

    row_start(w);
    integer(w, "id", t->id);
    integer(w, "user_id", t->user_id);
    str(w, "username", t->username);
    str(w, "name", t->name);
    integer(w, "created_ms", t->created_ms);
    maybe(w, "expires_ms", t->expires, t->expires_ms);
    maybe(w, "revoked_ms", t->revoked, t->revoked_ms);
    put(w, "}");
}

enum pvs_err pvs_view_tokens_json(struct pvs_store *st, int64_t user_id,
                                  struct pvs_buf *out) {
    struct view w = {out, PVS_OK, true, true};
    enum pvs_err rc;

    put(&w, "[");
    rc = pvs_store_web_tokens(st, user_id, token_row, &w);
    put(&w, "]");
    return rc ? rc : w.rc;
}

/* ---- silences ---- */

/*
 * A silence as the API has always served it: the times under their
 * column names (start_ms, end_ms), not the names a request uses.
 */
static void silence_row(void *ud, const struct pvs_obj_row *o) {
    struct view *w = ud;
    const struct pvs_entity *e = o->entity;

    row_start(w);
    integer(w, "id", strtoll(o->id, NULL, 10));
    for (size_t i = 0; i < e->nfields; i++) {
        struct pvs_field f = e->fields[i];
        if (!f.column)
            continue;
        if (f.type == PVS_FT_TIME)
            f.json = f.column;
        field(w, &f, &o->vals[i]);
    }
    str(w, "created_by", o->created_by);
    integer(w, "created_ms", o->created_ms);
    put(w, "}");
}

enum pvs_err pvs_view_silences_json(struct pvs_store *st,
                                    const struct pvs_scope *scope,
                                    struct pvs_buf *out) {
    struct view w = {out, PVS_OK, true, true};
    enum pvs_err rc;

    put(&w, "[");
    rc = pvs_store_web_silences(st, scope, silence_row, &w);
    put(&w, "]");
    return rc ? rc : w.rc;
}

/* ---- a customer's export ---- */

enum pvs_err pvs_view_export_json(struct pvs_store *st, const char *id,
                                  struct pvs_buf *out) {
    struct view w = {out, PVS_OK, true, true};
    struct pvs_scope scope = {PVS_SCOPE_CUSTOMER, id};
    struct pvs_ticket_filter f = {NULL, NULL, 500, 0};
    enum pvs_err rc;

    put(&w, "{\"person\": ");
    rc = pvs_view_objs_json(st, pvs_entity_find("customer"), id, out);
    if (rc)
        return rc;
    put(&w, ", \"sites\": ");
    if (!w.rc)
        w.rc = pvs_view_sites_json(st, &scope, 1000, 0, out);
    put(&w, ", \"tickets\": ");
    if (!w.rc)
        w.rc = pvs_view_tickets_json(st, &scope, &f, out);
    put(&w, ", \"notices\": ");
    if (!w.rc)
        w.rc = pvs_view_notices_json(st, &scope, out);
    put(&w, "}");
    return w.rc;
}

struct pvs_entity_vals *pvs_view_obj_vals(const struct pvs_entity *e,
                                          const cJSON *obj) {
    struct pvs_entity_vals *v = pvs_entity_vals_new(e);

    for (size_t i = 0; i < e->nfields; i++) {
        const struct pvs_field *f = &e->fields[i];
        const cJSON *m =
            f->json ? cJSON_GetObjectItemCaseSensitive(obj, f->json) : NULL;
        struct pvs_val *x = &v->vals[i];
        char *text;

        if (!m)
            continue;
        if (cJSON_IsNull(m)) {
            x->kind = PVS_VAL_NULL;
        } else if (f->type == PVS_FT_LIST || f->type == PVS_FT_OBJECT) {
            text = cJSON_PrintUnformatted(m);
            pvs_entity_vals_text(v, i, text);
            cJSON_free(text);
        } else if (f->type == PVS_FT_BOOL) {
            x->kind = PVS_VAL_INT;
            x->i = cJSON_IsTrue(m);
        } else if (cJSON_IsNumber(m) &&
                   (f->type == PVS_FT_INT || f->type == PVS_FT_TIME ||
                    (f->type == PVS_FT_DURATION &&
                     m->valuedouble == floor(m->valuedouble) &&
                     fabs(m->valuedouble) < 9e15))) {
            x->kind = PVS_VAL_INT;
            x->i = (int64_t)m->valuedouble;
        } else if (cJSON_IsNumber(m)) {
            x->kind = PVS_VAL_REAL;
            x->d = m->valuedouble;
        } else {
            pvs_entity_vals_text(v, i, m->valuestring);
        }
    }
    return v;
}
