/* SPDX-License-Identifier: MIT */
/*
 * config_cluster.c - what [cluster] asks of the rest of the configuration.
 *
 * DESIGN
 * Workers share the fleet by slots of sites (core/daemon/cluster_worker.c): a
 * worker owns a slot and everything that feeds its sites. So the store
 * must be the one every worker sees (PostgreSQL), a Modbus endpoint must
 * belong to one site (two owners would poll one bus), and the MQTT session
 * must survive its owner (clean_session off), or a new owner would not
 * inherit the messages queued for the slot.
 */
#define PVS_LOG_MODULE "config"
#include <string.h>

#include "config_int.h"
#include "pvs/config.h"

/* The key's line in obj, or the section's. */
static int line_of(const struct pvs_cfg_obj *obj, const char *key) {
    const struct pvs_kv *kv = pvs_cfg_obj_kv(obj, key);
    return kv ? kv->line : obj->line;
}

static const char *file_of(const struct pvs_cfg_obj *obj, const char *key) {
    const struct pvs_kv *kv = pvs_cfg_obj_kv(obj, key);
    return kv ? kv->file : obj->file;
}

/* The key's value as written, or its default. */
static const char *value_of(const struct pvs_cfg_obj *obj, const char *key,
                            const char *def) {
    const struct pvs_kv *kv = pvs_cfg_obj_kv(obj, key);
    return kv ? kv->value : def;
}

static bool is_pg(const char *db) {
    return db && (!strncmp(db, "postgresql://", 13) ||
                  !strncmp(db, "postgres://", 11));
}

/* Each endpoint serves the devices of one site. */
static void check_endpoints(const struct pvs_config *cfg,
                            struct pvs_cfg_errors *errs) {
    for (size_t i = 0; i < cfg->ndevices; i++) {
        const struct pvs_device *d = cfg->devices[i];

        if (!d->endpoint || !d->site)
            continue;
        for (size_t k = 0; k < i; k++) {
            const struct pvs_device *o = cfg->devices[k];
            if (o->endpoint != d->endpoint || !o->site || o->site == d->site)
                continue;
            pvs_cfg_error(errs, file_of(&d->obj, "endpoint"),
                          line_of(&d->obj, "endpoint"),
                          "endpoint '%s' serves devices of sites '%s' and "
                          "'%s': in cluster mode an endpoint belongs to one "
                          "site, whose worker polls it (give each site its "
                          "own endpoint)",
                          d->endpoint->obj.id, o->site->obj.id,
                          d->site->obj.id);
            break;
        }
    }
}

void pvs_cluster_config_check(const struct pvs_config *cfg,
                              struct pvs_cfg_errors *errs) {
    const struct pvs_cfg_cluster *c = cfg->cluster;

    if (!c || !c->enabled)
        return;
    if (!is_pg(cfg->global.database))
        pvs_cfg_error(errs, file_of(&c->obj, "enabled"),
                      line_of(&c->obj, "enabled"),
                      "cluster mode needs the PostgreSQL store that every "
                      "worker shares: set database in [global] to a "
                      "postgresql:// URL (it is '%s')",
                      cfg->global.database ? cfg->global.database : "");
    if (c->renew_ms * 2 > c->lease_ms)
        pvs_cfg_error(errs, file_of(&c->obj, "renew"),
                      line_of(&c->obj, "renew"),
                      "renew (%s) must be at most half of lease (%s), so "
                      "that a lease outlives one failed renewal",
                      value_of(&c->obj, "renew", "5s"),
                      value_of(&c->obj, "lease", "15s"));
    if (c->worker && (!c->worker[0] || strlen(c->worker) > 128))
        pvs_cfg_error(errs, file_of(&c->obj, "worker"),
                      line_of(&c->obj, "worker"),
                      "worker must be a name of 1 to 128 characters");
    if (cfg->mqtt && cfg->mqtt->clean_session)
        pvs_cfg_error(errs, file_of(&cfg->mqtt->obj, "clean_session"),
                      line_of(&cfg->mqtt->obj, "clean_session"),
                      "clean_session must be off in cluster mode: a slot's "
                      "new owner inherits the messages its session queued");
    for (size_t i = 0; i < cfg->nmqtt_maps; i++) {
        const struct pvs_mqtt_map_cfg *m = cfg->mqtt_maps[i];
        if (!m->site_id)
            pvs_cfg_error(errs, m->obj.file, m->obj.line,
                          "[mqtt_map \"%s\"] must name its site in cluster "
                          "mode: the worker that runs the site subscribes "
                          "to its gateway",
                          m->obj.id);
    }
    check_endpoints(cfg, errs);
}

/* ---- the sections of a worker's slots ---- */

static const char *raw_value(const struct cfg_raw_section *s, const char *key) {
    for (size_t i = 0; i < s->nkv; i++)
        if (!strcmp(s->kv[i].key, key))
            return s->kv[i].value;
    return NULL;
}

static bool raw_is(const struct cfg_raw_section *s, const char *type) {
    return !strcmp(s->type, type);
}

static bool in_list(char **v, size_t n, const char *x) {
    for (size_t i = 0; x && i < n; i++)
        if (!strcmp(v[i], x))
            return true;
    return false;
}

static void raw_drop(struct cfg_raw *raw, size_t i) {
    struct cfg_raw_section *s = &raw->sections[i];

    for (size_t k = 0; k < s->nkv; k++) {
        pvs_free(s->kv[k].key);
        pvs_free(s->kv[k].value);
    }
    pvs_free(s->kv);
    pvs_free(s->type);
    pvs_free(s->name);
    memmove(s, s + 1, (raw->nsections - i - 1) * sizeof(*s));
    raw->nsections--;
}

/*
 * Only the sites keep(ud, site) keeps, and what hangs on them: their
 * devices, gateway maps, the rules and silences scoped to them, and the
 * endpoints no kept device uses left out. Everything else stays.
 */
void pvs_cfg_raw_keep_sites(struct cfg_raw *raw,
                            bool (*keep)(void *ud, const char *site),
                            void *ud) {
    char **gone = NULL, **used = NULL;
    size_t ngone = 0, nused = 0;

    for (size_t i = raw->nsections; i-- > 0;) {
        struct cfg_raw_section *s = &raw->sections[i];
        const char *site = raw_value(s, "site");

        if (!s->name)
            continue;
        if (raw_is(s, "site")
                ? !keep(ud, s->name)
                : raw_is(s, "device") && site && !keep(ud, site)) {
            if (raw_is(s, "device")) {
                gone = pvs_realloc(gone, (ngone + 1) * sizeof(*gone));
                gone[ngone++] = pvs_strdup(s->name);
            }
            raw_drop(raw, i);
        } else if (raw_is(s, "device") && raw_value(s, "endpoint")) {
            used = pvs_realloc(used, (nused + 1) * sizeof(*used));
            used[nused++] = pvs_strdup(raw_value(s, "endpoint"));
        }
    }
    for (size_t i = raw->nsections; i-- > 0;) {
        struct cfg_raw_section *s = &raw->sections[i];
        const char *site = raw_value(s, "site");
        bool scoped =
            raw_is(s, "rule") || raw_is(s, "silence") || raw_is(s, "mqtt_map");

        if ((scoped && site && !keep(ud, site)) ||
            (scoped && in_list(gone, ngone, raw_value(s, "device"))) ||
            (raw_is(s, "endpoint") && s->name &&
             !in_list(used, nused, s->name)))
            raw_drop(raw, i);
    }
    for (size_t i = 0; i < ngone; i++)
        pvs_free(gone[i]);
    for (size_t i = 0; i < nused; i++)
        pvs_free(used[i]);
    pvs_free(gone);
    pvs_free(used);
}
