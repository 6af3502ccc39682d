/* SPDX-License-Identifier: MIT */
/*
 * running.c - the configuration pvsentry runs: the file plus the API's
 * objects, checked as a whole.
 *
 * DESIGN
 * The store hands its rows over as config lines (store_entity.c) and the
 * config loads them after the file's sections, so they meet the same
 * checks. Each object carries its own origin ("DATABASE: site 'x'"), and
 * an error names it: an object that fails is taken out of the list and
 * the whole is built again, a few rounds at most (a site that goes takes
 * its devices with it in the next round). One bad row never keeps the
 * other sites from being monitored; `pvsentry check` reports it instead.
 */
#define PVS_LOG_MODULE "config"
#include <string.h>
#include <unistd.h>

#include "pvs/log.h"
#include "pvs/modbus_map.h"
#include "pvs/mqtt.h"
#include "pvs/rules.h"
#include "pvs/running.h"
#include "pvs/store_entity.h"
#include "pvs/store_ops.h"

#define MAX_ROUNDS 32

/* The file's database path, whatever else the file holds. */
static char *database_of(const char *path) {
    struct pvs_cfg_errors errs;
    struct pvs_config *cfg;
    char *db = NULL;

    memset(&errs, 0, sizeof(errs));
    cfg = pvs_config_load_all(path, &errs);
    if (cfg->global.database)
        db = pvs_strdup(cfg->global.database);
    pvs_config_free(cfg);
    pvs_cfg_errors_release(&errs);
    return db;
}

/*
 * Whether the database db may hold objects: an SQLite file holds none
 * before it exists (opening it would create it); a server is asked.
 */
static bool may_hold_objects(const char *db) {
    const struct pvs_store_ops *ops;
    const char *rest;

    if (pvs_store_backend(db, &ops, &rest))
        return true; /* opening it says why it cannot be read */
    return ops != &pvs_sqlite_ops || access(rest, F_OK) == 0;
}

/*
 * The API's objects into objs. A database that cannot be opened (not
 * created yet, or of another schema) adds nothing, with a warning; one
 * that opens but cannot be read fails the build, so that a reload keeps
 * the running configuration instead of dropping every API object.
 */
static enum pvs_err read_objs(const char *path, struct pvs_store *st,
                              struct pvs_entity_objs *objs,
                              struct pvs_cfg_errors *errs) {
    char *db = database_of(path);
    bool own = !st;
    enum pvs_err rc = PVS_OK;

    if (own) {
        if (!db || !may_hold_objects(db))
            goto out; /* no database yet: nothing created through it */
        /* A server database not set up yet is like a missing file. */
        rc = pvs_store_open(db, PVS_STORE_READONLY | PVS_STORE_IF_CREATED, &st);
        if (rc && rc != PVS_ERR_NOTFOUND)
            pvs_warn("cannot read the API's objects from '%s': the config "
                     "file alone is used",
                     db);
        if (rc) {
            rc = PVS_OK;
            st = NULL;
            goto out;
        }
    }
    rc = pvs_store_entity_objs(st, objs);
    if (own)
        pvs_store_close(st);
    if (rc) {
        pvs_cfg_error(errs, db ? db : path, 0,
                      "cannot read the objects created through the API");
        pvs_entity_objs_release(objs);
        rc = PVS_ERR_CONFIG;
    }
out:
    pvs_free(db);
    return rc;
}

/* Every check `pvsentry check` makes, errors into errs. */
static struct pvs_config *build(const char *path,
                                const struct pvs_entity_objs *objs, bool strict,
                                const struct pvs_running_view *view,
                                struct pvs_cfg_errors *errs) {
    struct pvs_config *cfg =
        view ? pvs_config_load_view(path, objs, view->keep, view->ud, errs)
             : pvs_config_load_objs(path, objs, errs);
    struct pvs_ruleset *rs = NULL;

    /* Rule parameters are checked even when the rest has errors, so one
     * run reports everything. */
    if (!pvs_ruleset_new(cfg, NULL, NULL, &rs, errs))
        pvs_ruleset_free(rs);
    /* Register maps are checked as a whole (overlaps, sizes), once their
     * registers parsed: a value that failed would overlap falsely. */
    if (!errs->count)
        pvs_modbus_map_check(cfg, errs);
    if (!errs->count && cfg->nmqtt_maps)
        pvs_mqtt_map_check(cfg, errs, strict);
    return cfg;
}

/* Whether msg is an error of the object whose origin is origin. */
static bool error_of(const char *msg, const char *origin) {
    size_t n = strlen(origin);
    return !strncmp(msg, origin, n) && msg[n] == ':';
}

enum pvs_err pvs_running_load(const char *path, struct pvs_store *st,
                              unsigned flags, struct pvs_config **ret,
                              struct pvs_cfg_errors *errs) {
    return pvs_running_load_view(path, st, flags, NULL, ret, errs);
}

enum pvs_err pvs_running_load_view(const char *path, struct pvs_store *st,
                                   unsigned flags,
                                   const struct pvs_running_view *view,
                                   struct pvs_config **ret,
                                   struct pvs_cfg_errors *errs) {
    bool strict = flags & PVS_RUNNING_STRICT;
    struct pvs_entity_objs objs;
    struct pvs_config *cfg = NULL;
    enum pvs_err rc;

    memset(&objs, 0, sizeof(objs));
    rc = read_objs(path, st, &objs, errs);
    if (rc)
        goto out;
    for (int round = 0; round < MAX_ROUNDS; round++) {
        struct pvs_cfg_errors e;
        bool file_error = false, dropped = false;

        memset(&e, 0, sizeof(e));
        cfg = build(path, &objs, strict, view, &e);
        if (!e.count) {
            pvs_cfg_errors_release(&e);
            break;
        }
        pvs_config_free(cfg);
        cfg = NULL;
        /* Which errors are the database's objects'? */
        for (size_t i = 0; i < e.count; i++) {
            bool ours = false;
            for (size_t k = 0; k < objs.n && !ours; k++)
                ours = error_of(e.msg[i], objs.objs[k].origin);
            file_error |= !ours;
        }
        if (strict || file_error || round == MAX_ROUNDS - 1) {
            /* The caller reports them, each once. */
            for (size_t i = 0; i < e.count; i++) {
                pvs_cfg_error(errs, NULL, 0, "%s", e.msg[i]);
            }
            errs->dropped += e.dropped;
            pvs_cfg_errors_release(&e);
            break;
        }
        for (size_t i = 0; i < e.count; i++)
            pvs_warn("left out of the running configuration: %s", e.msg[i]);
        for (size_t k = objs.n; k-- > 0;) {
            bool bad = false;
            for (size_t i = 0; i < e.count && !bad; i++)
                bad = error_of(e.msg[i], objs.objs[k].origin);
            if (bad) {
                pvs_entity_objs_remove(&objs, k);
                dropped = true;
            }
        }
        pvs_cfg_errors_release(&e);
        if (!dropped)
            break;
    }
    rc = cfg ? PVS_OK : PVS_ERR_CONFIG;
out:
    pvs_entity_objs_release(&objs);
    if (!rc)
        *ret = cfg;
    return rc;
}
