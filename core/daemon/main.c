/* SPDX-License-Identifier: MIT */
/*
 * main.c - the pvsentry command: run, check, tickets, probe, backtest.
 *
 * DESIGN
 * `run` blocks every signal before any thread starts, so all threads
 * inherit the mask, and the main thread takes signals synchronously with
 * sigtimedwait(): no code ever runs in signal context. Start order is store and
 * rules (engine), notifier, then the collectors; stop order is the
 * reverse for the collectors, then the notifier (its last results still
 * reach the engine), then the engine, which drains its inbox and commits.
 * SIGHUP parses the new config completely first; only a config without a
 * single error replaces the running one. Changes are applied live
 * (apply_live): the engine switches configuration between two batches
 * with its rule state, MQTT keeps its session, the HTTP server keeps
 * serving, the Modbus endpoints whose settings and devices did not
 * change keep polling, the notifier takes new channel settings between
 * two transfers with its queued messages; only a changed [http] address
 * makes a new server (bound before the old one closes) and a changed
 * [mqtt] a new link. Only a new database, inbox size or simulated clock
 * ([global]) restarts every part. The main thread waits for the engine a
 * bounded time: a change the engine does not take (paused for a full
 * disk) changes nothing and is tried again once ingest resumes. API
 * writes to sites, devices, people and silences take the same live path,
 * asked for by the engine after its commit (SIGUSR2). The file's path is
 * made absolute once, at start.
 */
#define PVS_LOG_MODULE "main"
#include <curl/curl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pvs/cli.h"
#include "pvs/clock.h"
#include "pvs/cluster.h"
#include "pvs/config.h"
#include "pvs/engine.h"
#include "pvs/entity.h"
#include "pvs/log.h"
#include "pvs/msg.h"
#include "pvs/modbus_map.h"
#include "pvs/mqtt.h"
#include "pvs/notifier.h"
#include "pvs/poller.h"
#include "pvs/rules.h"
#include "pvs/running.h"
#include "pvs/sdnotify.h"
#include "pvs/stats.h"
#include "pvs/store.h"
#include "pvs/store_outbox.h"
#include "pvs/web.h"
#include "version.h"

static const char usage_main[] =
    "usage: pvsentry <command> [options]\n"
    "\n"
    "pvsentry watches solar installations: it reads inverter telemetry,\n"
    "detects faults with PV-aware rules, opens one maintenance ticket per\n"
    "problem and tells the technician and the customer.\n"
    "\n"
    "commands:\n"
    "  run -c FILE        run the daemon in the foreground\n"
    "  check -c FILE      validate a configuration file\n"
    "  tickets -c FILE    list tickets (--json for JSON)\n"
    "  probe URL          read a Modbus device (SunSpec) and show it\n"
    "  backtest -c FILE --csv FILE   replay measured data through the "
    "rules\n"
    "  report -c FILE     service KPIs (--since DATE, --json)\n"
    "  backup -c FILE OUT copy the database safely while it runs\n"
    "  ids KIND -c FILE   ids of sites, devices or tickets (completion)\n"
    "  copy-store --from DB --to DB  copy the store to another backend\n"
    "  mqtt-learn -c FILE recognise gateways on the broker, print their "
    "maps\n"
    "  cluster status -c FILE  the cluster's workers and slots\n"
    "\n"
    "options:\n"
    "  --version          print the version and the commit\n"
    "  --help             this text; `pvsentry COMMAND --help` for one "
    "command\n";

static const char usage_run[] =
    "usage: pvsentry run -c FILE [--log-level LEVEL]\n"
    "\n"
    "Run the daemon in the foreground, logging to stderr.\n"
    "SIGTERM or SIGINT: finish the current work and exit 0.\n"
    "SIGHUP: re-read FILE and apply the changes without a restart (a new\n"
    "[http] port is bound before the old one closes); a config with errors\n"
    "is reported with file:line and the running one stays.\n";

static const char usage_check[] =
    "usage: pvsentry check -c FILE\n"
    "\n"
    "Validate FILE and every file it includes, rules included. Prints every\n"
    "error as file:line: message on stderr and exits 1, or exits 0.\n";

static const char usage_tickets[] =
    "usage: pvsentry tickets (-c FILE | --db DATABASE) [--json] [--limit N]\n"
    "\n"
    "List tickets, newest first: id, status, site, device, rule, opened,\n"
    "assignee, last event, messages (sent, waiting, dead letters). --json\n"
    "prints one JSON array with each ticket's timeline and messages.\n"
    "--db reads the database directly, for when the config file is broken.\n";

static bool want_help(int argc, char **argv) {
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
            return true;
    return false;
}

/* Common options: -c FILE, --log-level L. Returns the config path. */
static const char *config_arg(int argc, char **argv, const char *usage,
                              bool *ret_json, long *ret_limit) {
    const char *path = NULL;

    for (int i = 1; i < argc; i++) {
        if ((!strcmp(argv[i], "-c") || !strcmp(argv[i], "--config")) &&
            i + 1 < argc) {
            path = argv[++i];
        } else if (!strcmp(argv[i], "--log-level") && i + 1 < argc) {
            int l = pvs_log_level_parse(argv[++i]);
            if (l < 0) {
                fprintf(stderr, "pvsentry: unknown log level '%s'\n", argv[i]);
                return NULL;
            }
            pvs_log_set_level((enum pvs_log_level)l);
        } else if (ret_json && !strcmp(argv[i], "--json")) {
            *ret_json = true;
        } else if (ret_limit && !strcmp(argv[i], "--limit") && i + 1 < argc) {
            int64_t v;
            if (pvs_parse_i64(argv[++i], &v) || v < 0) {
                fprintf(stderr, "pvsentry: --limit expects a number\n");
                return NULL;
            }
            *ret_limit = (long)v;
        } else {
            fprintf(stderr, "pvsentry %s: unexpected argument '%s'\n\n%s",
                    argv[0], argv[i], usage);
            return NULL;
        }
    }
    if (!path)
        fprintf(stderr, "pvsentry %s: missing -c FILE\n\n%s", argv[0], usage);
    return path;
}

/*
 * A database of an older schema (after an upgrade) is migrated before
 * the running configuration reads the API's objects from it, or none of
 * them could be read until the next reload. Once, at start: opening the
 * database read-write again while the engine runs would drop the
 * engine's file locks (POSIX locks go with any close of the file).
 */
static void migrate_database(const char *path) {
    static bool done;
    struct pvs_cfg_errors errs;
    struct pvs_config *cfg;
    struct pvs_store *st = NULL;

    if (done)
        return;
    done = true;
    memset(&errs, 0, sizeof(errs));
    cfg = pvs_config_load_all(path, &errs);
    if (cfg->global.database && access(cfg->global.database, F_OK) == 0 &&
        !pvs_store_open(cfg->global.database, 0, &st))
        pvs_store_close(st);
    pvs_config_free(cfg);
    pvs_cfg_errors_release(&errs);
}

/*
 * The running configuration (the file and the API's objects), fully
 * validated. For run and reload (to_log), an invalid API object is left
 * out with a warning; for check it is an error. On failure every error
 * is printed and NULL returned.
 */
static struct pvs_config *load(const char *path, bool to_log) {
    struct pvs_config *cfg = NULL;
    struct pvs_cfg_errors errs;

    memset(&errs, 0, sizeof(errs));
    if (to_log)
        migrate_database(path);
    if (pvs_running_load(path, NULL, to_log ? 0 : PVS_RUNNING_STRICT, &cfg,
                         &errs)) {
        cfg = NULL;
        pvs_cfg_errors_sort(&errs);
        if (to_log) {
            for (size_t i = 0; i < errs.count; i++)
                pvs_error("%s", errs.msg[i]);
        } else {
            pvs_cfg_errors_print(&errs, stderr);
        }
    }
    pvs_cfg_errors_release(&errs);
    return cfg;
}

/*
 * For the commands that read the config as run does (mqtt-learn): an
 * invalid API object is left out; errors go to stderr.
 */
static struct pvs_config *load_running(const char *path) {
    return pvs_cli_config(path, true);
}

static int cmd_check(int argc, char **argv) {
    const char *path;
    struct pvs_config *cfg;

    if (want_help(argc, argv)) {
        fputs(usage_check, stdout);
        return 0;
    }
    path = config_arg(argc, argv, usage_check, NULL, NULL);
    if (!path)
        return 2;
    cfg = load(path, false);
    if (!cfg)
        return 1;
    printf("%s: ok (%zu sites, %zu devices, %zu rules, mqtt %s, mail %s)\n",
           path, cfg->nsites, cfg->ndevices, cfg->nrules,
           cfg->mqtt ? "on" : "off", cfg->smtp ? "on" : "off");
    pvs_config_free(cfg);
    return 0;
}

/* --json and --limit N after --db DATABASE; false (said) on others. */
static bool db_args(int argc, char **argv, bool *json, long *limit) {
    for (int i = 1; i < argc; i++) {
        int64_t v;
        if (!strcmp(argv[i], "--json")) {
            *json = true;
        } else if (!strcmp(argv[i], "--limit") && i + 1 < argc &&
                   !pvs_parse_i64(argv[i + 1], &v) && v >= 0) {
            *limit = (long)v;
            i++;
        } else {
            fprintf(stderr, "pvsentry tickets: unexpected argument '%s'\n\n%s",
                    argv[i], usage_tickets);
            return false;
        }
    }
    return true;
}

static int cmd_tickets(int argc, char **argv) {
    const char *path, *db = NULL;
    bool json = false;
    long limit = 0;
    struct pvs_config *cfg;
    struct pvs_store *st = NULL;
    int status = 1;

    if (want_help(argc, argv)) {
        fputs(usage_tickets, stdout);
        return 0;
    }
    /* --db DATABASE stands in for -c FILE. */
    for (int i = 1; i + 1 < argc; i++) {
        if (!strcmp(argv[i], "--db")) {
            db = argv[i + 1];
            for (int k = i; k + 2 <= argc; k++)
                argv[k] = argv[k + 2];
            argc -= 2;
            break;
        }
    }
    if (db) {
        if (!db_args(argc, argv, &json, &limit))
            return 2;
        cfg = NULL;
    } else {
        path = config_arg(argc, argv, usage_tickets, &json, &limit);
        if (!path)
            return 2;
        cfg = load(path, false);
        if (!cfg)
            return 1;
        db = cfg->global.database;
    }
    if (pvs_store_open(db, PVS_STORE_READONLY, &st) ||
        pvs_tickets_print(st, (size_t)limit, json, stdout))
        goto out;
    status = 0;
out:
    pvs_store_close(st);
    pvs_config_free(cfg);
    return status;
}

/* ---- run ---- */

/* A replaced configuration, freed once the HTTP requests that may read it
 * have finished (and the notifier no longer runs on it). */
struct retired {
    struct pvs_config *cfg;
    uint64_t web_epoch; /* 0: the server that read it is gone */
};

#define MAX_RETIRED 64

/* How long the main thread waits for the engine to take a change. */
#define SWITCH_TIMEOUT_MS 10000
/* A change that waits for the engine is tried again this often. */
#define RETRY_MS 2000

enum pending {
    PENDING_API = (1 << 0), /* the API's changes wait */
    PENDING_HUP = (1 << 1), /* a reload waits */
};

struct daemon {
    struct pvs_config *cfg;
    /* held by /healthz (daemon_health) and by main around a change of
     * mqtt, poller or notifier */
    pthread_mutex_t health_lock;
    unsigned pending; /* enum pending */
    /* MQTT links the engine may still watch (a switch given up on) */
    struct pvs_mqtt **old_mqtt;
    size_t nold_mqtt;
    struct pvs_notifier *notifier;
    struct pvs_engine *engine;
    struct pvs_mqtt *mqtt;
    struct pvs_poller *poller;
    struct pvs_web *web;
    struct pvs_cluster *cluster;  /* cluster mode, else NULL */
    struct pvs_slot_links *links; /* cluster mode: MQTT per slot */
    /* the API's writes of other processes on a shared database */
    struct pvs_store_listen *listen;
    struct retired retired[MAX_RETIRED];
    size_t nretired;
};

static void free_retired(struct daemon *d, bool all);

/* HTTP threads (/healthz): the external links that are down. */
static void daemon_health(void *ud, struct pvs_buf *out) {
    struct daemon *d = ud;

    pthread_mutex_lock(&d->health_lock);
    if ((d->mqtt && !pvs_mqtt_healthy(d->mqtt)) ||
        (d->links && !pvs_slot_links_healthy(d->links)))
        pvs_buf_printf(out, "mqtt\n");
    pvs_poller_down(d->poller, out);
    pvs_notifier_down(d->notifier, out);
    pthread_mutex_unlock(&d->health_lock);
}

/* The MQTT link is m from now on (the previous one is the caller's). */
static void set_mqtt(struct daemon *d, struct pvs_mqtt *m) {
    pthread_mutex_lock(&d->health_lock);
    d->mqtt = m;
    pthread_mutex_unlock(&d->health_lock);
}

/*
 * The configuration to run: in cluster mode the sites of the slots this
 * worker runs (the whole configuration's sites are given slots first),
 * otherwise everything. NULL with the errors logged.
 */
static struct pvs_config *load_run(struct daemon *d, const char *path) {
    struct pvs_running_view view = {pvs_cluster_keeps, d->cluster};
    struct pvs_cfg_errors errs;
    struct pvs_config *cfg = load(path, true);

    if (!cfg || !d->cluster)
        return cfg;
    if (pvs_cluster_sync(d->cluster, cfg))
        pvs_warn("the sites' slots were not refreshed: the last known "
                 "ones are used");
    pvs_config_free(cfg);
    cfg = NULL;
    pvs_cluster_view(d->cluster);
    memset(&errs, 0, sizeof(errs));
    if (pvs_running_load_view(path, NULL, 0, &view, &cfg, &errs)) {
        cfg = NULL;
        pvs_cfg_errors_sort(&errs);
        for (size_t i = 0; i < errs.count; i++)
            pvs_error("%s", errs.msg[i]);
    }
    pvs_cfg_errors_release(&errs);
    return cfg;
}

/* Runs on the lease thread when the slots to run changed. */
static void cluster_changed(void *ud) {
    (void)ud;
    /* Taken by main's sigtimedwait, like the API's changes. */
    kill(getpid(), SIGUSR2);
}

/* Runs on the engine thread after an API write committed. */
static void api_changed(void *ud) {
    (void)ud;
    /* Taken by main's sigtimedwait, like every signal. */
    kill(getpid(), SIGUSR2);
}

/*
 * Another process on the same database committed an API write (its
 * listener's thread): applied as a local one is.
 */
static void api_heard(void *ud) {
    api_changed(ud);
}

static void daemon_stop(struct daemon *d) {
    pvs_store_listen_free(d->listen);
    d->listen = NULL;
    if (d->web)
        pvs_web_stop(d->web);
    if (d->mqtt)
        pvs_mqtt_stop(d->mqtt);
    pvs_slot_links_stop(d->links);
    if (d->poller)
        pvs_poller_stop(d->poller);
    if (d->notifier)
        pvs_notifier_stop(d->notifier);
    if (d->engine)
        pvs_engine_stop(d->engine);
    pvs_web_free(d->web);
    d->web = NULL;
    pvs_mqtt_free(d->mqtt);
    pvs_poller_free(d->poller);
    pvs_engine_free(d->engine);
    pvs_notifier_free(d->notifier);
    pthread_mutex_lock(&d->health_lock);
    pvs_slot_links_free(d->links);
    d->links = NULL;
    pthread_mutex_unlock(&d->health_lock);
    for (size_t i = 0; i < d->nold_mqtt; i++)
        pvs_mqtt_free(d->old_mqtt[i]);
    PVS_FREE(d->old_mqtt);
    d->nold_mqtt = 0;
    d->mqtt = NULL;
    d->poller = NULL;
    d->engine = NULL;
    d->notifier = NULL;
    /* No thread is left to read the replaced configurations. */
    free_retired(d, true);
}

static enum pvs_err daemon_start(struct daemon *d) {
    enum pvs_err rc;
    struct pvs_queue *inbox;

    rc = pvs_engine_new(d->cfg, &d->engine);
    if (rc)
        goto out;
    pvs_engine_on_change(d->engine, api_changed, d);
    if (d->cluster)
        pvs_engine_set_cluster(d->engine, d->cluster);
    rc = pvs_store_listen_start(d->cfg->global.database, pvs_store_claimant(),
                                api_heard, d, &d->listen);
    if (rc == PVS_ERR_UNSUPPORTED) /* one process alone (SQLite) */
        rc = PVS_OK;
    if (rc)
        goto out;
    inbox = pvs_engine_inbox(d->engine);
    /* The notifier reports to the engine's inbox. */
    rc = pvs_notifier_new(d->cfg, inbox, &d->notifier);
    if (rc)
        goto out;
    pvs_engine_set_notifier(d->engine, d->notifier);
    if (d->cluster) {
        d->links = pvs_slot_links_new(d->cluster);
        if (d->cfg->mqtt)
            pvs_engine_add_health(d->engine, "mqtt slots",
                                  pvs_slot_links_healthy, d->links);
    } else if (d->cfg->mqtt) {
        rc = pvs_mqtt_new(d->cfg, inbox, &d->mqtt);
        if (rc)
            goto out;
        pvs_engine_add_health(d->engine, "mqtt", pvs_mqtt_healthy, d->mqtt);
    }
    rc = pvs_poller_new(d->cfg, inbox, &d->poller);
    if (rc)
        goto out;
    rc = pvs_web_new(d->cfg, inbox, &d->web);
    if (rc)
        goto out;
    rc = pvs_notifier_start(d->notifier);
    if (!rc)
        rc = pvs_engine_start(d->engine);
    if (!rc && d->mqtt)
        rc = pvs_mqtt_start(d->mqtt);
    if (!rc && d->links)
        pvs_slot_links_after(d->links, d->cfg, inbox);
    if (!rc)
        rc = pvs_poller_start(d->poller);
    if (!rc && d->web)
        pvs_web_set_health(d->web, daemon_health, d);
    if (!rc && d->web)
        rc = pvs_web_start(d->web);
out:
    if (rc)
        daemon_stop(d);
    return rc;
}

/* ---- live changes ---- */

#define same_obj pvs_cfg_obj_same

#define SAME_SECTION(a, b, f)                                                  \
    same_obj((a)->f ? &(a)->f->obj : NULL, (b)->f ? &(b)->f->obj : NULL)

static bool same_http(const struct pvs_config *a, const struct pvs_config *b) {
    return SAME_SECTION(a, b, http);
}

static bool same_mqtt(const struct pvs_config *a, const struct pvs_config *b) {
    if (!SAME_SECTION(a, b, mqtt) || a->nmqtt_maps != b->nmqtt_maps)
        return false;
    for (size_t i = 0; i < a->nmqtt_maps; i++)
        if (!same_obj(&a->mqtt_maps[i]->obj, &b->mqtt_maps[i]->obj))
            return false;
    return true;
}

/* The [global] keys the engine's store, inbox and clock were built from:
 * a change there restarts every part. */
static const char *const core_keys[] = {"database", "inbox_size", "sim_start",
                                        "sim_speed"};

static bool same_core(const struct pvs_config *a, const struct pvs_config *b) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(core_keys); i++) {
        const struct pvs_kv *ka = pvs_cfg_obj_kv(&a->global.obj, core_keys[i]);
        const struct pvs_kv *kb = pvs_cfg_obj_kv(&b->global.obj, core_keys[i]);
        if (!ka || !kb ? ka != kb : strcmp(ka->value, kb->value) != 0)
            return false;
    }
    return true;
}

/* What the notifier's channels are set up from. */
static bool same_notify(const struct pvs_config *a,
                        const struct pvs_config *b) {
    if (!same_obj(&a->global.obj, &b->global.obj) ||
        !SAME_SECTION(a, b, smtp) || !SAME_SECTION(a, b, sms) ||
        a->nwebhooks != b->nwebhooks)
        return false;
    for (size_t i = 0; i < a->nwebhooks; i++)
        if (!same_obj(&a->webhooks[i]->obj, &b->webhooks[i]->obj))
            return false;
    return true;
}

/* Free the replaced configurations nothing reads any more. */
static void free_retired(struct daemon *d, bool all) {
    size_t k = 0;

    for (size_t i = 0; i < d->nretired; i++) {
        struct retired *r = &d->retired[i];
        bool done = all || (!pvs_notifier_uses(d->notifier, r->cfg) &&
                            (!d->web || !r->web_epoch ||
                             pvs_web_done_before(d->web, r->web_epoch)));
        if (done)
            pvs_config_free(r->cfg);
        else
            d->retired[k++] = *r;
    }
    d->nretired = k;
}

/*
 * The HTTP side of apply_live, once everything else runs on next: a new
 * server (web, already listening) replaces the old one, which finishes
 * its requests; otherwise the server reads next from now on. d->cfg is
 * retired and next (taken) becomes d->cfg.
 */
static void switch_web(struct daemon *d, struct pvs_web *web,
                       struct pvs_config *next) {
    struct retired *r = &d->retired[d->nretired++];

    r->cfg = d->cfg;
    r->web_epoch = 0;
    if (web || !next->http) {
        struct pvs_web *old = d->web;

        d->web = web;
        if (d->web)
            pvs_web_set_health(d->web, daemon_health, d);
        /* Requests in flight on the old address finish first. */
        pvs_web_retire(old, old ? d->cfg->http->timeout_ms : 0);
        pvs_web_free(old);
        for (size_t i = 0; i < d->nretired; i++)
            d->retired[i].web_epoch = 0;
    } else if (d->web) {
        r->web_epoch = pvs_web_set_config(d->web, next);
    }
    d->cfg = next;
}

/*
 * The engine did not take the change (paused, or too slow): the link of
 * the running settings comes back. The old link was stopped for the
 * switch, and the engine may watch it until told otherwise, so it is kept
 * until the daemon stops.
 */
static void relink(struct daemon *d) {
    struct pvs_mqtt *m = NULL;

    d->old_mqtt =
        pvs_realloc(d->old_mqtt, (d->nold_mqtt + 1) * sizeof(*d->old_mqtt));
    d->old_mqtt[d->nold_mqtt++] = d->mqtt;
    set_mqtt(d, NULL);
    if (pvs_mqtt_new(d->cfg, pvs_engine_inbox(d->engine), &m) ||
        pvs_mqtt_start(m)) {
        pvs_error("cannot connect to the MQTT broker again");
        pvs_mqtt_free(m);
        m = NULL;
    }
    set_mqtt(d, m);
    pvs_engine_set_mqtt(d->engine, m);
}

/* After the engine switched: the MQTT side of apply_live. */
static void switch_mqtt(struct daemon *d, struct pvs_mqtt *mqtt, bool changed,
                        const struct pvs_config *next) {
    if (!changed) {
        if (d->mqtt)
            pvs_mqtt_resume(d->mqtt, next);
        return;
    }
    struct pvs_mqtt *old = d->mqtt;

    set_mqtt(d, mqtt);
    pvs_mqtt_free(old);
    if (d->mqtt && pvs_mqtt_start(d->mqtt))
        pvs_error("cannot start the MQTT link with the new settings");
}

/*
 * Switch the running daemon to next without a restart. The new parts
 * (an MQTT link for new [mqtt] settings, a server for a new [http]
 * address) are made first, so a failure changes nothing. Then, while no
 * producer sends (the Modbus endpoints held between two polls, MQTT
 * messages held at the callback's door), the engine switches at a safe
 * point between two batches; the endpoints whose settings or devices
 * changed restart, the others go on; the MQTT link takes the new
 * devices; a new server listens before the old one finishes its
 * requests. An engine that does not take the change in time (paused for
 * a full disk) changes nothing: PVS_ERR_TIMEOUT. Takes next.
 */
static enum pvs_err apply_live(struct daemon *d, struct pvs_config *next) {
    struct pvs_queue *inbox = pvs_engine_inbox(d->engine);
    /* In cluster mode the links are the slots' (pvs_slot_links_*). */
    bool mqtt_changed = !d->cluster && !same_mqtt(d->cfg, next);
    bool http_changed = !same_http(d->cfg, next);
    struct pvs_mqtt *mqtt = NULL;
    struct pvs_web *web = NULL;
    enum pvs_err rc = PVS_OK;

    if (d->nretired == MAX_RETIRED)
        free_retired(d, false);
    if (d->nretired == MAX_RETIRED) {
        pvs_error("too many configurations still in use by requests: "
                  "change not applied yet");
        rc = PVS_ERR_FULL;
        goto out;
    }
    if (pvs_engine_paused(d->engine)) {
        rc = PVS_ERR_TIMEOUT;
        goto out;
    }
    if (mqtt_changed && next->mqtt)
        rc = pvs_mqtt_new(next, inbox, &mqtt);
    if (!rc && http_changed && next->http) {
        rc = pvs_web_new(next, inbox, &web);
        if (!rc)
            rc = pvs_web_start(web);
    }
    if (rc)
        goto out;

    pvs_poller_pause(d->poller);
    if (d->links)
        pvs_slot_links_before(d->links);
    if (d->mqtt && !mqtt_changed)
        pvs_mqtt_pause(d->mqtt);
    else if (d->mqtt)
        pvs_mqtt_stop(d->mqtt);
    rc = pvs_engine_switch(d->engine, next,
                           mqtt_changed ? (void *)mqtt : (void *)d->mqtt,
                           SWITCH_TIMEOUT_MS);
    if (rc) {
        /* Nothing changed (or the daemon is going down). */
        if (d->mqtt && !mqtt_changed)
            pvs_mqtt_resume(d->mqtt, NULL);
        else if (d->mqtt && rc == PVS_ERR_TIMEOUT)
            relink(d);
        if (d->links)
            pvs_slot_links_after(d->links, NULL, inbox);
        pvs_poller_resume(d->poller);
        goto out;
    }
    switch_mqtt(d, mqtt, mqtt_changed, next);
    mqtt = NULL;
    if (d->links)
        pvs_slot_links_after(d->links, next, inbox);
    if (!same_notify(d->cfg, next))
        pvs_notifier_set_config(d->notifier, next);
    if (pvs_poller_update(d->poller, next))
        pvs_error("some Modbus endpoints cannot start with the new "
                  "settings (see above)");
    pvs_poller_resume(d->poller);

    switch_web(d, http_changed ? web : NULL, next);
    web = NULL;
    next = NULL;
out:
    pvs_mqtt_free(mqtt);
    pvs_web_free(web);
    pvs_config_free(next);
    free_retired(d, false);
    return rc;
}

/*
 * pvsentry's own parts run; the external links that are not up yet are
 * named in the ready line, not waited for (beyond a first connect).
 */
static void degraded(struct daemon *d, struct pvs_buf *out) {
    struct timespec ts = {0, 10 * 1000000L};
    struct pvs_buf down;

    for (int i = 0; i < 100 && ((d->mqtt && !pvs_mqtt_healthy(d->mqtt)) ||
                                !pvs_poller_tried(d->poller));
         i++)
        nanosleep(&ts, NULL);
    pvs_buf_init(&down, 8192);
    daemon_health(d, &down);
    if (down.len) {
        /* One name a line: "mqtt, modbus tcp://..." */
        const char *p = down.data;
        pvs_buf_printf(out, ", degraded: ");
        while (*p) {
            size_t n = strcspn(p, "\n");
            pvs_buf_printf(out, "%s%.*s", p == down.data ? "" : ", ", (int)n,
                           p);
            p += n + (p[n] ? 1 : 0);
        }
    }
    pvs_buf_release(&down);
}

static void setup_clock(const struct pvs_config *cfg) {
    int64_t start, origin = 0;
    const char *env = getenv("PVS_SIM_ORIGIN_MS");

    if (!cfg->global.sim_start ||
        pvs_clock_parse_time(cfg->global.sim_start, &start)) {
        pvs_clock_set_wall();
        return;
    }
    if (env)
        pvs_parse_i64(env, &origin);
    pvs_clock_set_sim(
        start, cfg->global.sim_speed > 0 ? cfg->global.sim_speed : 1.0, origin);
    pvs_info("simulated clock: starts at %s, %gx real time",
             cfg->global.sim_start, pvs_clock_speed());
}

static void apply_log_level(const struct pvs_config *cfg, bool forced) {
    int l;

    if (forced || !cfg->global.log_level)
        return;
    l = pvs_log_level_parse(cfg->global.log_level);
    if (l >= 0)
        pvs_log_set_level((enum pvs_log_level)l);
}

static void log_stats(void) {
    struct pvs_buf b;

    pvs_buf_init(&b, 4096);
    for (int i = 0; i < PVS_STAT__COUNT; i++)
        pvs_buf_printf(&b, "%s%s=%llu", i ? " " : "",
                       pvs_stats_name((enum pvs_stat)i),
                       (unsigned long long)pvs_stats_get((enum pvs_stat)i));
    pvs_info("stats: %s", b.data);
    pvs_buf_release(&b);
}

static void block_signals(sigset_t *set) {
    sigemptyset(set);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGHUP);
    sigaddset(set, SIGUSR1);
    sigaddset(set, SIGUSR2);
    sigaddset(set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, set, NULL);
}

/* A change the engine did not take (paused): said once, tried again. */
static void defer(struct daemon *d, unsigned what) {
    if (!d->pending)
        pvs_warn("%s waits: the engine is paused (disk nearly full or "
                 "database away) and takes no change; it is applied once "
                 "ingest resumes",
                 what == PENDING_HUP ? "the reload" : "the API's change");
    d->pending |= what;
}

/* SIGUSR2: sites, devices, people or silences changed through the API
 * (committed): the running configuration takes them. */
static void take_api_changes(struct daemon *d, const char *path) {
    struct pvs_config *next = load_run(d, path);
    enum pvs_err rc;

    if (!next) {
        pvs_error("cannot apply the API's changes: the "
                  "configuration has errors (see above)");
        d->pending &= ~(unsigned)PENDING_API;
        return;
    }
    rc = apply_live(d, next);
    if (rc == PVS_ERR_TIMEOUT) {
        defer(d, PENDING_API);
        return;
    }
    d->pending &= ~(unsigned)PENDING_API;
    if (!rc && d->cluster)
        pvs_cluster_applied(d->cluster);
    if (!rc)
        pvs_info("configuration applied live (%zu sites, %zu "
                 "devices)",
                 d->cfg->nsites, d->cfg->ndevices);
}

/* SIGHUP: read the file again; false when the daemon could not start
 * again with it. */
static bool reload(struct daemon *d, const char *path, bool level_forced) {
    struct pvs_config *next;
    enum pvs_err rc;

    if (!(d->pending & PENDING_HUP)) {
        pvs_info("SIGHUP: reloading '%s'", path);
        pvs_sd_notify("RELOADING=1");
    }
    next = load_run(d, path);
    if (!next) {
        pvs_error("reload failed, keeping the running configuration");
        d->pending &= ~(unsigned)PENDING_HUP;
        pvs_sd_notify("READY=1");
        return true;
    }
    if (same_core(d->cfg, next)) {
        rc = apply_live(d, next);
        if (rc == PVS_ERR_TIMEOUT) {
            defer(d, PENDING_HUP);
            pvs_sd_notify("READY=1");
            return true;
        }
        /* The file and the database were read: nothing else waits. */
        d->pending = 0;
        apply_log_level(d->cfg, level_forced);
        if (!rc && d->cluster)
            pvs_cluster_applied(d->cluster);
        if (!rc)
            pvs_info("ready (reloaded, %zu sites, %zu devices)", d->cfg->nsites,
                     d->cfg->ndevices);
        else
            pvs_error("reload failed, keeping the running "
                      "configuration");
        pvs_sd_notify("READY=1");
        return true;
    }
    d->pending = 0;
    pvs_info("[global] database, inbox or clock settings changed: "
             "restarting the engine and every collector");
    daemon_stop(d);
    pvs_config_free(d->cfg);
    d->cfg = next;
    apply_log_level(d->cfg, level_forced);
    if (daemon_start(d)) {
        pvs_error("cannot start with the new configuration");
        return false;
    }
    if (d->cluster)
        pvs_cluster_applied(d->cluster);
    pvs_info("ready (reloaded, %zu sites, %zu devices)", d->cfg->nsites,
             d->cfg->ndevices);
    pvs_sd_notify("READY=1");
    return true;
}

/* A change that waited: tried again once the engine runs. */
static bool retry_pending(struct daemon *d, const char *path,
                          bool level_forced) {
    if (!d->pending || pvs_engine_paused(d->engine))
        return true;
    pvs_info("ingest runs again: applying the change that waited");
    if (d->pending & PENDING_HUP)
        return reload(d, path, level_forced);
    take_api_changes(d, path);
    return true;
}

/* Signals until SIGTERM or SIGINT; the exit status. */
static int run_loop(struct daemon *d, sigset_t *set, const char *path,
                    bool level_forced) {
    int status = 0;

    for (;;) {
        int sig;
        /* Wake at half the watchdog interval to tell systemd we live. */
        int64_t wd = pvs_sd_watchdog_ms();
        struct timespec ts = {wd ? (time_t)(wd / 2000) : 3600,
                              wd ? (long)((wd / 2) % 1000) * 1000000L : 0};

        /* Replaced configurations wait for their last readers. */
        if (d->nretired)
            ts = (struct timespec){0, 100 * 1000000L};
        else if (d->pending && ts.tv_sec >= RETRY_MS / 1000)
            ts = (struct timespec){RETRY_MS / 1000, 0};
        sig = sigtimedwait(set, NULL, &ts);
        free_retired(d, false);
        if (sig < 0) {
            if (wd)
                pvs_sd_notify("WATCHDOG=1");
            if (!retry_pending(d, path, level_forced)) {
                status = 1;
                break;
            }
            continue;
        }
        if (sig == SIGTERM || sig == SIGINT) {
            pvs_info("%s: stopping", sig == SIGTERM ? "SIGTERM" : "SIGINT");
            break;
        }
        if (sig == SIGUSR1) {
            log_stats();
        } else if (sig == SIGUSR2) {
            take_api_changes(d, path);
        } else if (sig == SIGHUP && !reload(d, path, level_forced)) {
            status = 1;
            break;
        }
    }
    return status;
}

/*
 * Cluster mode ([cluster] enabled): join (make or check the slots, take a
 * first share), then run the configuration of the slots held. d->cfg is
 * the whole configuration on entry.
 */
static enum pvs_err join_cluster(struct daemon *d, const char *path) {
    struct pvs_config *view;
    enum pvs_err rc;

    if (!d->cfg->cluster || !d->cfg->cluster->enabled)
        return PVS_OK;
    /* The outbox's claims name the worker as the leases do. */
    pvs_store_claimant_name(d->cfg->cluster->worker);
    rc = pvs_cluster_new(d->cfg, d->cfg, &d->cluster);
    if (rc)
        return rc;
    /* `/metrics` names the worker. */
    pvs_stats_set_worker(pvs_cluster_worker(d->cluster));
    view = load_run(d, path);
    if (!view)
        return PVS_ERR_CONFIG;
    pvs_config_free(d->cfg);
    d->cfg = view;
    return PVS_OK;
}

static int cmd_run(int argc, char **argv) {
    const char *path;
    char *abs_path = NULL;
    struct daemon d;
    sigset_t set;
    struct pvs_buf ready;
    bool level_forced = false;
    int status = 0;

    if (want_help(argc, argv)) {
        fputs(usage_run, stdout);
        return 0;
    }
    for (int i = 1; i < argc; i++)
        level_forced = level_forced || !strcmp(argv[i], "--log-level");
    path = config_arg(argc, argv, usage_run, NULL, NULL);
    if (!path)
        return 2;
    /* Once, at start: reloads and the API's changes read the same file
     * whatever the working directory is then. */
    abs_path = realpath(path, NULL);
    if (abs_path)
        path = abs_path;
    memset(&d, 0, sizeof(d));
    pthread_mutex_init(&d.health_lock, NULL);
    d.cfg = load(path, true);
    if (!d.cfg) {
        pvs_free(abs_path); /* from realpath */
        return 1;
    }
    apply_log_level(d.cfg, level_forced);
    setup_clock(d.cfg);

    /* Before any thread exists, so that every thread inherits the mask. */
    block_signals(&set);

    if (join_cluster(&d, path) || daemon_start(&d)) {
        pvs_error("cannot start, see the errors above");
        pvs_cluster_free(d.cluster);
        pvs_config_free(d.cfg);
        pvs_free(abs_path); /* from realpath */
        return 1;
    }
    if (d.cluster) {
        pvs_cluster_applied(d.cluster);
        pvs_cluster_start(d.cluster, cluster_changed, &d);
    }
    pvs_buf_init(&ready, 8192);
    degraded(&d, &ready);
    pvs_info("ready (pvsentry %s, %zu sites, %zu devices, config '%s'%s)",
             PVS_VERSION, d.cfg->nsites, d.cfg->ndevices, path,
             ready.data ? ready.data : "");
    pvs_buf_release(&ready);
    pvs_sd_notify("READY=1");
    status = run_loop(&d, &set, path, level_forced);
    pvs_sd_notify("STOPPING=1");
    daemon_stop(&d);
    /* What this worker ingested is committed: its slots go at once. */
    pvs_cluster_free(d.cluster);
    pvs_msg_pool_drain();
    log_stats();
    pvs_config_free(d.cfg);
    pvs_free(abs_path); /* from realpath */
    pthread_mutex_destroy(&d.health_lock);
    pvs_info("stopped");
    return status;
}

int main(int argc, char **argv) {
    int status;
    const char *cmd;

    if (argc < 2) {
        fputs(usage_main, stderr);
        return 2;
    }
    cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage_main, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("pvsentry %s (commit %s)\n", PVS_VERSION, PVS_COMMIT);
        return 0;
    }
    /* Not in the usage: the configuration's key tables, read by the
     * generator of pvsentry.conf(5). */
    if (!strcmp(cmd, "config-schema")) {
        pvs_config_schema_print(stdout);
        return 0;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    /* The API and the CSV import refuse a map the collector would. */
    pvs_entity_set_check("mqtt_map", pvs_mqtt_map_validate_json);
    if (!strcmp(cmd, "run"))
        status = cmd_run(argc - 1, argv + 1);
    else if (!strcmp(cmd, "check"))
        status = cmd_check(argc - 1, argv + 1);
    else if (!strcmp(cmd, "tickets"))
        status = cmd_tickets(argc - 1, argv + 1);
    else if (!strcmp(cmd, "probe"))
        status = pvs_probe_main(argc - 1, argv + 1);
    else if (!strcmp(cmd, "backtest"))
        status = pvs_backtest_main(argc - 1, argv + 1);
    else if (!strcmp(cmd, "backup"))
        status = pvs_backup_main(argc - 1, argv + 1);
    else if (!strcmp(cmd, "report"))
        status = pvs_report_main(argc - 1, argv + 1);
    else if (!strcmp(cmd, "ids"))
        status = pvs_ids_main(argc - 1, argv + 1);
    else if (!strcmp(cmd, "cluster"))
        status = pvs_cluster_main(argc - 1, argv + 1);
    else if (!strcmp(cmd, "copy-store"))
        status = pvs_copy_store_main(argc - 1, argv + 1);
    else if (!strcmp(cmd, "mqtt-learn"))
        status = pvs_mqtt_learn_main(argc - 1, argv + 1, load_running);
    else {
        fprintf(stderr, "pvsentry: unknown command '%s'\n\n%s", cmd,
                usage_main);
        status = 2;
    }
    curl_global_cleanup();
    return status;
}
