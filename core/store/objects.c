/* SPDX-License-Identifier: MIT */
/*
 * objects.c - the API's writes of its objects (store_web.h: put, delete,
 * silences, erasure) and the objects read back for the running
 * configuration (store_entity.h), the same for every backend, on top of
 * the typed row operations of store_objects.h.
 *
 * DESIGN
 * What may be written is decided here, once: a row from the config file
 * is read-only, an installer changes only what they registered, a
 * reference names a row that exists, a row still referred to stays. The
 * backends only read facts and write rows, so a second backend cannot
 * answer differently, and the outcome is a neutral error with words for
 * the answer (web/ picks the HTTP status).
 *
 * Each function here leaves through its one return at the end: the steps
 * chain on rc (if (!rc) ...) and hold nothing that needs releasing, so
 * the single exit STYLE asks for needs no label. The backends' row
 * operations are the written exception of store_ops.h ("Exits").
 */
#define PVS_LOG_MODULE "store"
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pvs/log.h"
#include "pvs/store_entity.h"
#include "pvs/store_objects.h"

const struct pvs_entity *pvs_store_web_entity(const char *name) {
    const struct pvs_entity *e = pvs_entity_find(name);

    return e && e->table && (e->flags & PVS_ENTITY_API) &&
                   !(e->flags & PVS_ENTITY_INT_ID)
               ? e
               : NULL;
}

bool pvs_store_web_id_valid(const char *id) {
    return pvs_entity_id_valid(id);
}

static void result(struct pvs_web_result *res, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void result(struct pvs_web_result *res, const char *fmt, ...) {
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(res->msg, sizeof(res->msg), fmt, ap);
    va_end(ap);
}

enum pvs_err pvs_store_web_exists(struct pvs_store *st,
                                  const struct pvs_entity *e, const char *id) {
    struct pvs_obj_facts f;

    return pvs_store_obj_facts(st, e, id, &f);
}

/*
 * Whether the caller may change e's row id: PVS_OK, or the refusal with
 * its words in res (a row of the file, someone else's, none at all).
 */
static enum pvs_err may_change(struct pvs_store *st, const struct pvs_entity *e,
                               const char *id, const char *owner,
                               struct pvs_web_result *res) {
    struct pvs_obj_facts f;
    enum pvs_err rc;

    rc = pvs_store_obj_facts(st, e, id, &f);
    if (rc == PVS_ERR_NOTFOUND)
        result(res, "no such %s", e->name);
    else if (!rc && strcmp(f.source, "api")) {
        result(res,
               "%s '%s' is defined in the config file and is read-only "
               "here",
               e->name, id);
        rc = PVS_ERR_DENIED;
    } else if (!rc && owner && strcmp(owner, f.created_by)) {
        result(res, "%s '%s' was registered by someone else", e->name, id);
        rc = PVS_ERR_DENIED;
    }
    return rc;
}

/*
 * The references obj makes exist; what hangs on a site changes the site,
 * so a device goes only on a site the caller could edit (not one from the
 * config file, nor another installer's). Only stored entities can be
 * looked up (an endpoint of the file is checked with the running
 * configuration).
 */
static enum pvs_err refs_ok(struct pvs_store *st, const struct pvs_entity *e,
                            const struct pvs_val *vals, const char *owner,
                            struct pvs_web_result *res) {
    enum pvs_err rc = PVS_OK;

    for (size_t i = 0; i < e->nfields && !rc; i++) {
        const struct pvs_field *f = &e->fields[i];
        const struct pvs_entity *re =
            f->ref ? pvs_store_web_entity(f->ref) : NULL;
        const char *ref = vals[i].kind == PVS_VAL_TEXT ? vals[i].s : NULL;
        struct pvs_obj_facts facts;

        if (!re || !ref)
            continue;
        rc = pvs_store_obj_facts(st, re, ref, &facts);
        if (rc == PVS_ERR_NOTFOUND) {
            result(res, "%s: %s '%s' does not exist", f->json, f->ref, ref);
            rc = PVS_ERR_INVAL;
        } else if (!rc && !strcmp(f->ref, "site") &&
                   strcmp(facts.source, "api")) {
            result(res,
                   "%s: site '%s' is defined in the config file and is "
                   "read-only here",
                   f->json, ref);
            rc = PVS_ERR_DENIED;
        } else if (!rc && !strcmp(f->ref, "site") && owner &&
                   strcmp(owner, facts.created_by)) {
            result(res, "%s: site '%s' was registered by someone else", f->json,
                   ref);
            rc = PVS_ERR_DENIED;
        }
    }
    return rc;
}

/*
 * Write vals as e's row id (create or update); the checks are done. Only
 * the fields with a column that may be written go; *ret_nothing when an
 * update has none.
 */
static enum pvs_err write_obj(struct pvs_store *st, const struct pvs_entity *e,
                              const char *id, const struct pvs_val *vals,
                              bool create, const char *actor, int64_t now_ms,
                              int64_t *ret_id, bool *ret_nothing) {
    struct pvs_val *w = pvs_calloc(e->nfields + 1, sizeof(*w));
    enum pvs_err rc = PVS_OK;
    size_t n = 0;

    for (size_t i = 0; i < e->nfields; i++) {
        const struct pvs_field *f = &e->fields[i];

        if (vals[i].kind == PVS_VAL_NONE || !f->column ||
            (f->flags & PVS_FIELD_READONLY))
            continue;
        w[i] = vals[i];
        n++;
    }
    *ret_nothing = !n && !create;
    if (!*ret_nothing)
        rc = pvs_store_obj_write(st, e, id, w, create, actor ? actor : "",
                                 now_ms, ret_id);
    pvs_free(w);
    return rc;
}

enum pvs_err pvs_store_web_put(struct pvs_store *st, const struct pvs_entity *e,
                               const char *id, const struct pvs_val *vals,
                               bool create, const char *actor,
                               const char *owner, int64_t now_ms,
                               struct pvs_web_result *res) {
    struct pvs_obj_facts f;
    bool nothing = false;
    enum pvs_err rc;

    if (create) {
        rc = pvs_store_obj_facts(st, e, id, &f);
        if (!rc) {
            result(res, "%s '%s' exists already", e->name, id);
            rc = PVS_ERR_EXISTS;
        } else if (rc == PVS_ERR_NOTFOUND) {
            rc = PVS_OK;
        }
    } else {
        rc = may_change(st, e, id, owner, res);
    }
    if (!rc)
        rc = refs_ok(st, e, vals, owner, res);
    if (!rc)
        rc = write_obj(st, e, id, vals, create, actor, now_ms, NULL, &nothing);
    if (rc == PVS_ERR_DB || rc == PVS_ERR_IO)
        result(res, "the database refused the change");
    else if (!rc && nothing)
        result(res, "nothing to change");
    else if (!rc)
        result(res, "%s '%s' %s", e->name, id, create ? "created" : "updated");
    if (!rc)
        res->created = create;
    return rc;
}

enum pvs_err pvs_store_web_delete(struct pvs_store *st,
                                  const struct pvs_entity *e, const char *id,
                                  const char *owner,
                                  struct pvs_web_result *res) {
    int64_t uses = 0;
    enum pvs_err rc;

    rc = may_change(st, e, id, owner, res);
    /* Refuse to leave dangling references behind. */
    if (!rc)
        rc = pvs_store_obj_uses(st, e, id, &uses);
    if (!rc && uses) {
        result(res, "%s '%s' is still used by %" PRId64 " other object(s)",
               e->name, id, uses);
        rc = PVS_ERR_EXISTS;
    }
    if (!rc)
        rc = pvs_store_obj_delete(st, e, id);
    if (!rc)
        result(res, "%s '%s' deleted", e->name, id);
    else if (rc == PVS_ERR_DB || rc == PVS_ERR_IO)
        result(res, "the database refused the change");
    return rc;
}

/* ---- silences ---- */

struct site_of {
    const char *site; /* the device's site, in buf */
    char buf[PVS_WEB_NAME_MAX];
};

static void device_site(void *ud, const struct pvs_obj_row *o) {
    struct site_of *so = ud;
    const struct pvs_field *f = pvs_entity_field(o->entity, "site");
    const struct pvs_val *v = f ? &o->vals[f - o->entity->fields] : NULL;

    if (v && v->kind == PVS_VAL_TEXT) {
        pvs_strlcpy(so->buf, v->s, sizeof(so->buf));
        so->site = so->buf;
    }
}

/* The site and device a silence names exist, the device on that site. */
static const char *text_of(const struct pvs_entity *e,
                           const struct pvs_val *vals, const char *name) {
    const struct pvs_field *f = pvs_entity_field(e, name);
    const struct pvs_val *v = f ? &vals[f - e->fields] : NULL;

    return v && v->kind == PVS_VAL_TEXT ? v->s : NULL;
}

static enum pvs_err silence_refs(struct pvs_store *st,
                                 const struct pvs_entity *e,
                                 const struct pvs_val *vals,
                                 struct pvs_web_result *res) {
    const char *site = text_of(e, vals, "site");
    const char *dev = text_of(e, vals, "device");
    struct site_of so = {NULL, ""};
    struct pvs_obj_facts f;
    enum pvs_err rc = PVS_OK;

    if (site)
        rc = pvs_store_obj_facts(st, pvs_store_web_entity("site"), site, &f);
    if (rc == PVS_ERR_NOTFOUND) {
        result(res, "site: '%s' does not exist", site);
        rc = PVS_ERR_INVAL;
    } else if (!rc && dev) {
        rc = pvs_store_obj_rows(st, pvs_store_web_entity("device"), dev, false,
                                device_site, &so);
        if (rc == PVS_ERR_NOTFOUND) {
            result(res, "device: '%s' does not exist", dev);
            rc = PVS_ERR_INVAL;
        }
    }
    if (!rc && dev && site && (!so.site || strcmp(so.site, site))) {
        result(res, "device: '%s' is not on site '%s'", dev, site);
        rc = PVS_ERR_INVAL;
    }
    return rc;
}

enum pvs_err pvs_store_web_silence_create(struct pvs_store *st,
                                          const struct pvs_val *vals,
                                          const char *actor, int64_t now_ms,
                                          struct pvs_web_result *res) {
    const struct pvs_entity *e = pvs_entity_find("silence");
    bool nothing;
    enum pvs_err rc;

    rc = silence_refs(st, e, vals, res);
    if (!rc)
        rc = write_obj(st, e, NULL, vals, true, actor, now_ms, &res->id,
                       &nothing);
    if (!rc) {
        res->created = true;
        result(res, "silence created");
    } else if (rc == PVS_ERR_DB || rc == PVS_ERR_IO) {
        result(res, "the database refused the change");
    }
    return rc;
}

enum pvs_err pvs_store_web_silence_delete(struct pvs_store *st, int64_t id,
                                          const char *owner,
                                          struct pvs_web_result *res) {
    const struct pvs_entity *e = pvs_entity_find("silence");
    struct pvs_obj_facts f;
    char sid[24];
    enum pvs_err rc;

    pvs_snprintf(sid, sizeof(sid), "%" PRId64, id);
    res->id = id;
    rc = pvs_store_obj_facts(st, e, sid, &f);
    if (rc == PVS_ERR_NOTFOUND)
        result(res, "no such silence");
    if (!rc && owner && strcmp(owner, f.created_by)) {
        result(res, "silence %" PRId64 " was created by someone else", id);
        rc = PVS_ERR_DENIED;
    }
    if (!rc)
        rc = pvs_store_obj_delete(st, e, sid);
    if (!rc)
        result(res, "silence deleted");
    else if (rc == PVS_ERR_DB || rc == PVS_ERR_IO)
        result(res, "the database refused the change");
    return rc;
}

/* ---- erasure ---- */

enum pvs_err pvs_store_web_erase_customer(struct pvs_store *st, const char *id,
                                          struct pvs_web_result *res) {
    struct pvs_obj_facts f;
    enum pvs_err rc;

    rc = pvs_store_obj_facts(st, pvs_store_web_entity("customer"), id, &f);
    if (rc == PVS_ERR_NOTFOUND)
        result(res, "no such customer");
    if (!rc)
        rc = pvs_store_obj_erase_customer(st, id);
    if (rc == PVS_ERR_DB || rc == PVS_ERR_IO)
        result(res, "the database refused the change");
    /* The config file is read at every start: the record there is the
     * operator's to remove, and the answer says so. */
    if (!rc && strcmp(f.source, "api"))
        result(res,
               "personal data of customer '%s' erased from the database; "
               "the [customer \"%s\"] section of the config file still "
               "holds their details: remove it there",
               id, id);
    else if (!rc)
        result(res, "personal data of customer '%s' erased", id);
    return rc;
}

/* ---- rows to config lines ---- */

/* Value v of field f as config lines of o. */
static void value_lines(const struct pvs_field *f, const struct pvs_val *v,
                        struct pvs_entity_obj *o) {
    char buf[64];
    cJSON *j, *it;

    if (v->kind == PVS_VAL_NONE || v->kind == PVS_VAL_NULL)
        return;
    if ((v->kind == PVS_VAL_INT || v->kind == PVS_VAL_REAL) &&
        f->type != PVS_FT_STR && f->type != PVS_FT_ENUM) {
        if (v->kind == PVS_VAL_INT &&
            (f->type == PVS_FT_INT || f->type == PVS_FT_DOUBLE))
            pvs_snprintf(buf, sizeof(buf), "%" PRId64, v->i);
        else
            pvs_entity_num_text(f, v->kind == PVS_VAL_INT ? (double)v->i : v->d,
                                buf, sizeof(buf));
        pvs_entity_obj_set(o, f->key, buf);
        return;
    }
    if (v->kind != PVS_VAL_TEXT) {
        pvs_snprintf(buf, sizeof(buf), "%.17g",
                     v->kind == PVS_VAL_INT ? (double)v->i : v->d);
        pvs_entity_obj_set(o, f->key, buf);
        return;
    }
    if (f->type != PVS_FT_LIST && f->type != PVS_FT_OBJECT) {
        pvs_entity_obj_set(o, f->key, v->s);
        return;
    }
    /* Lists and open keys are JSON text; a broken one adds nothing and
     * the object's checks report what it lacks. */
    j = cJSON_Parse(v->s);
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

struct objs_ctx {
    struct pvs_entity_objs *out;
    const char *label;
};

/* A device's own endpoint, named after it: api-DEVICE. */
static void own_endpoint(struct objs_ctx *c, struct pvs_entity_obj *o,
                         const char *url, const char *origin) {
    struct pvs_entity_obj *ep;
    char epid[90];
    size_t k;

    pvs_snprintf(epid, sizeof(epid), "api-%s", o->id);
    for (k = 0; k < o->nkv && strcmp(o->kv[k].key, "endpoint"); k++)
        ;
    if (k < o->nkv) {
        pvs_free(o->kv[k].value);
        o->kv[k].value = pvs_strdup(epid);
    } else {
        pvs_entity_obj_set(o, "endpoint", epid);
    }
    ep = pvs_entity_objs_add(c->out, pvs_entity_find("endpoint"), epid, origin);
    pvs_entity_obj_set(ep, "url", url);
}

static void obj_lines(void *ud, const struct pvs_obj_row *r) {
    struct objs_ctx *c = ud;
    const struct pvs_entity *e = r->entity;
    char id[80], origin[512];
    struct pvs_entity_obj *o;
    const char *url = NULL;

    if (e->flags & PVS_ENTITY_INT_ID)
        pvs_snprintf(id, sizeof(id), "api-%s", r->id);
    else
        pvs_strlcpy(id, r->id, sizeof(id));
    if (!pvs_entity_id_valid(id))
        return;
    pvs_snprintf(origin, sizeof(origin), "%s: %s '%s'", c->label, e->name, id);
    o = pvs_entity_objs_add(c->out, e, id, origin);
    for (size_t i = 0; i < e->nfields; i++) {
        const struct pvs_field *f = &e->fields[i];
        if (f->key || f->type == PVS_FT_OBJECT)
            value_lines(f, &r->vals[i], o);
        if (f->column && !strcmp(f->column, "endpoint_url") &&
            r->vals[i].kind == PVS_VAL_TEXT)
            url = r->vals[i].s;
    }
    if (url)
        own_endpoint(c, o, url, origin);
}

enum pvs_err pvs_store_entity_objs(struct pvs_store *st,
                                   struct pvs_entity_objs *out) {
    struct objs_ctx c = {out, pvs_store_label(st)};
    enum pvs_err rc = PVS_OK;

    for (size_t i = 0; i < pvs_nentities && !rc; i++)
        if (pvs_entities[i]->table && (pvs_entities[i]->flags & PVS_ENTITY_API))
            rc = pvs_store_obj_rows(st, pvs_entities[i], NULL, true, obj_lines,
                                    &c);
    return rc;
}
