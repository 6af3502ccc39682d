/* SPDX-License-Identifier: MIT */
/*
 * engine.c - the single writer: inbox batches -> rules -> one SQLite
 * transaction -> notifier.
 *
 * DESIGN
 * Everything that must survive a crash together is written in one
 * transaction: the samples of the batch, the alert transitions the rules
 * produced from them, the ticket changes and the outbox rows of the
 * messages those changes call for. Only after the commit are the new
 * messages handed to the notifier; its results come back through the
 * inbox and are committed with a later batch. So a message is marked sent
 * only after the receiver accepted it, and a crash in between makes the
 * next start send it again with the same Message-ID: at-least-once, with
 * duplicates the receiver can recognise. On a database other processes
 * share, a committed message is claimed first, and sent by whichever
 * process claimed it (engine_shared.c).
 *
 * Rules run on sample time. Timers (communication loss) are driven by
 * tick() with the clock's time, at most every `tick` of clock time.
 */
#define PVS_LOG_MODULE "engine"
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <time.h>

#include "pvs/clock.h"
#include "pvs/cluster.h"
#include "pvs/command.h"
#include "pvs/embed.h"
#include "engine_int.h"
#include "pvs/engine.h"
#include "pvs/engine_api.h"
#include "pvs/service.h"
#include "pvs/log.h"
#include "pvs/msg.h"
#include "pvs/mqtt.h"
#include "pvs/rules.h"
#include "pvs/stats.h"
#include "pvs/store_web.h"
#include "pvs/store.h"
#include "pvs/template.h"
#include "pvs/tz.h"

#define BATCH_MAX 4096
#define PRUNE_EVERY_MS 3600000
/*
 * Group commit. Each commit writes every page the batch touched (one
 * index page per device at least) to the WAL and, at the checkpoint, to
 * the database: with a steady stream, committing whatever a pop returned
 * (a few dozen messages) cost a 4 KB page per message. When a pop returns
 * GATHER_MIN messages or more, traffic is steady: let the inbox fill for
 * up to batch_interval (or until a full batch waits), then take it all in
 * one batch. A lone message is handled at once, so alerts on a quiet
 * system are not delayed.
 */
#define GATHER_MIN 16
#define GATHER_NAP_MS 2
/* The engine thread yields to the receivers (see engine_main). */
#define ENGINE_NICE 5
/* While ingest is paused for disk space, look again this often. */
#define DISK_RECHECK_MS 500
/* The engine waits at most 200 ms for its inbox: a batch this much later
 * means it did not get the CPU. */
#define STALL_MS 2000

static void on_alert(void *ud, const struct pvs_alert_event *rev) {
    struct pvs_engine *e = ud;
    enum pvs_err rc;
    struct pvs_alert_event loc = *rev, *ev = &loc;

    /* Stored, logged and sent to machines in English; each person's
     * message renders the rules' own form in their language. */
    pvs_strlcpy(loc.evidence_src, rev->evidence, sizeof(loc.evidence_src));
    pvs_strlcpy(loc.explanation_src, rev->explanation,
                sizeof(loc.explanation_src));
    pvs_template_evidence("en", rev->evidence, loc.evidence,
                          sizeof(loc.evidence));
    pvs_template_evidence("en", rev->explanation, loc.explanation,
                          sizeof(loc.explanation));

    if (ev->state == PVS_ALERT_UPDATE) {
        if (e->svc.txn_rc)
            return;
        e->svc.txn_rc = pvs_store_add_alert(e->svc.st, ev);
        if (!e->svc.txn_rc)
            pvs_service_alert(&e->svc, ev);
        return;
    }
    if (ev->state == PVS_ALERT_FIRING) {
        pvs_stats_add(PVS_STAT_ALERTS_FIRED, 1);
        pvs_warn("alert firing: %s (%s): %s", ev->fingerprint,
                 pvs_severity_name(ev->severity), ev->evidence);
    } else {
        pvs_stats_add(PVS_STAT_ALERTS_RESOLVED, 1);
        pvs_info("alert resolved: %s after %.1f kWh lost", ev->fingerprint,
                 ev->lost_kwh);
    }
    if (e->svc.txn_rc)
        return;
    rc = pvs_store_add_alert(e->svc.st, ev);
    if (rc) {
        e->svc.txn_rc = rc;
        return;
    }
    pvs_service_alert(&e->svc, ev);
}

/* What the rules learnt (reporting envelopes) survives restarts and
 * reloads: saved hourly and at stop, given back at start. */
static void learnt_put(void *ud, const char *rule, const char *device,
                       const char *text) {
    struct pvs_engine *e = ud;

    if (!e->svc.txn_rc)
        e->svc.txn_rc = pvs_store_learnt_put(e->svc.st, rule, device, text);
}

static void learnt_get(void *ud, const char *rule, const char *device,
                       const char *text) {
    struct pvs_engine *e = ud;

    if (pvs_ruleset_load_learnt(e->svc.rules, rule, device, text))
        pvs_debug("restored what rule '%s' learnt about '%s'", rule, device);
}

static void save_learnt(struct pvs_engine *e) {
    if (pvs_store_begin(e->svc.st))
        return;
    e->svc.txn_rc = PVS_OK;
    pvs_ruleset_save_learnt(e->svc.rules, learnt_put, e);
    if (e->svc.txn_rc || pvs_store_commit(e->svc.st)) {
        pvs_store_rollback(e->svc.st);
        pvs_warn("cannot save what the rules learnt: %s",
                 pvs_store_errmsg(e->svc.st));
    }
}

static void on_restore(void *ud, const struct pvs_alert_event *ev) {
    struct pvs_engine *e = ud;

    if (pvs_ruleset_restore(e->svc.rules, ev))
        pvs_debug("restored firing alert %s", ev->fingerprint);
}

/* ---- inbox ---- */

static void handle_samples(struct pvs_engine *e, struct pvs_msg *m,
                           int64_t now) {
    int64_t late = e->svc.cfg->global.late_window_ms;

    for (size_t i = 0; i < m->nsamples; i++) {
        struct pvs_sample *s = &m->samples[i];
        double lo, hi;

        if (s->dev >= e->svc.cfg->ndevices || s->metric >= PVS_M__COUNT)
            continue;
        pvs_metric_range((enum pvs_metric)s->metric, &lo, &hi);
        if (s->quality == PVS_Q_OK &&
            (!isfinite(s->value) || s->value < lo || s->value > hi))
            s->quality = PVS_Q_OUT_OF_RANGE;
        if (s->ts_ms > now + 3600000) {
            /* A clock an hour ahead would stall every timer: keep the
             * reading, mark it, do not let it move rule time. */
            s->quality = PVS_Q_OUT_OF_RANGE;
        }
        if (s->quality != PVS_Q_OK)
            pvs_stats_add(PVS_STAT_SAMPLES_BAD, 1);
    }
    if (!e->svc.txn_rc) {
        enum pvs_err rc = pvs_store_add_samples(e->svc.st, e->svc.cfg,
                                                m->samples, m->nsamples);
        if (rc)
            e->svc.txn_rc = rc;
    }
    pvs_stats_add(PVS_STAT_SAMPLES_IN, m->nsamples);
    for (size_t i = 0; i < m->nsamples; i++) {
        struct pvs_sample *s = &m->samples[i];
        int64_t *last;

        engine_rollup_sample(e, s);
        if (s->dev >= e->svc.cfg->ndevices || s->quality != PVS_Q_OK)
            continue;
        last = &e->last_ts[s->dev];
        if (s->ts_ms < *last - late) {
            pvs_stats_add(PVS_STAT_SAMPLES_LATE, 1);
            continue;
        }
        if (s->ts_ms > *last)
            *last = s->ts_ms;
        pvs_ruleset_sample(e->svc.rules, s);
    }
}

static void handle_delivery(struct pvs_engine *e, struct pvs_msg *m) {
    const char *status = m->ok ? "sent" : m->permanent ? "dead" : "pending";

    if (m->ok)
        pvs_stats_add(PVS_STAT_MESSAGES_SENT, 1);
    else
        pvs_stats_add(PVS_STAT_MESSAGES_FAILED, 1);
    if (m->permanent)
        pvs_stats_add(PVS_STAT_MESSAGES_DEAD, 1);
    if (e->svc.txn_rc)
        return;
    e->svc.txn_rc = pvs_store_outbox_attempt(e->svc.st, m->outbox_id, m->ts_ms,
                                             m->ok, m->error, status);
    if (m->ok || m->permanent) {
        pvs_service_ids_del(e->inflight, &e->ninflight, m->outbox_id);
        engine_shared_wake(e); /* the next message of its lane */
        pvs_service_delivered(&e->svc, m->outbox_id, m->ts_ms, m->ok, m->error);
    }
}

static void handle_device_info(struct pvs_engine *e, struct pvs_msg *m) {
    bool replaced = false;
    const struct pvs_device *d;
    char sn[PVS_ESC_SIZE];

    if (m->dev >= e->svc.cfg->ndevices || e->svc.txn_rc)
        return;
    d = e->svc.cfg->devices[m->dev];
    e->svc.txn_rc =
        pvs_store_device_info(e->svc.st, d->obj.id, m->serial, m->manufacturer,
                              m->model, m->ts_ms, &replaced);
    if (replaced)
        pvs_info("device '%s' was replaced: new serial '%s'", d->obj.id,
                 pvs_esc(m->serial, sn, sizeof(sn)));
}

/* ---- commands from the API ---- */

/* The caller hears c's outcome after the commit. */
static void answer_later(struct pvs_engine *e, struct pvs_command *c) {
    if (e->nanswers == e->answers_cap) {
        e->answers_cap = e->answers_cap ? e->answers_cap * 2 : 16;
        e->answers =
            pvs_realloc(e->answers, e->answers_cap * sizeof(*e->answers));
    }
    e->answers[e->nanswers++] = c;
}

/* Record the outcome; the caller hears it after the commit. */
static void engine_reply(struct pvs_engine *e, struct pvs_command *c,
                         enum pvs_err rc, const char *msg) {
    c->result = rc;
    if (msg != c->message)
        pvs_strlcpy(c->message, msg, sizeof(c->message));
    answer_later(e, c);
}

static void flush_answers(struct pvs_engine *e, bool committed) {
    for (size_t i = 0; i < e->nanswers; i++) {
        struct pvs_command *c = e->answers[i];
        if (committed)
            pvs_command_answer(c, c->result, "%s", c->message);
        else
            pvs_command_answer(c, PVS_ERR_DB,
                               "the database is not writable right now");
    }
    e->nanswers = 0;
}

/* API writes the running configuration reflects (config_merge.c). */
static bool changes_entities(int kind) {
    return kind == PVS_CMD_API_CREATE || kind == PVS_CMD_API_UPDATE ||
           kind == PVS_CMD_API_DELETE || kind == PVS_CMD_API_SILENCE_CREATE ||
           kind == PVS_CMD_API_SILENCE_DELETE ||
           kind == PVS_CMD_API_ERASE_CUSTOMER;
}

static void handle_command(struct pvs_engine *e, struct pvs_command *c,
                           int64_t now) {
    if (pvs_service_command(&e->svc, c, now)) {
        answer_later(e, c);
        return;
    }
    if (c->kind >= PVS_CMD_API_BASE) {
        enum pvs_err db = PVS_OK;
        if (pvs_engine_api_command(e->svc.cfg, e->svc.st, c, now, &db)) {
            if (db && !e->svc.txn_rc)
                e->svc.txn_rc = db;
            if (!c->result && changes_entities((int)c->kind))
                e->config_dirty = true;
            engine_reply(e, c, c->result, c->message);
            return;
        }
    }
    engine_reply(e, c, PVS_ERR_INVAL, "this request is not supported");
}

static void handle(struct pvs_engine *e, struct pvs_msg *m, int64_t now) {
    switch (m->type) {
    case PVS_MSG_SAMPLES:
        handle_samples(e, m, now);
        break;
    case PVS_MSG_DELIVERY:
        handle_delivery(e, m);
        break;
    case PVS_MSG_DEVICE_INFO:
        handle_device_info(e, m);
        break;
    case PVS_MSG_COMMAND:
        handle_command(e, m->cmd, now);
        m->cmd = NULL; /* answered (or queued for answer) */
        break;
    case PVS_MSG_SOURCE_HEALTH:
        /* A collector of ours runs behind time (see check_health). */
        if (!strncmp(m->source, "late:", 5)) {
            if (!m->healthy)
                e->late_sources++;
            else if (e->late_sources)
                e->late_sources--;
        }
        pvs_debug("source '%s' is %s", m->source,
                  m->healthy ? "healthy" : "down");
        break;
    case PVS_MSG_CONFIG: /* engine_main hands it to switch_config */
    case PVS_MSG_DEVICE_STATUS:
        pvs_debug("source '%s' is %s", m->source,
                  m->healthy ? "healthy" : "down");
        break;
    }
}

static void check_health(struct pvs_engine *e, int64_t now, size_t n) {
    /*
     * The engine itself is an ingest source: a full batch with more
     * waiting means samples are late in the inbox, not missing. Silence
     * judged on the clock then would be wrong, so liveness is held back
     * as for a broker outage until the inbox is drained.
     */
    bool lagging = n == BATCH_MAX && pvs_queue_len(e->inbox) > 0;
    bool ok = true;
    int64_t mono = pvs_clock_mono_ms();

    /*
     * A batch that comes far later than the engine's longest wait means
     * this thread did not run (a starved CPU, a stopped process): the
     * silence it saw on the clock meanwhile is its own. Like a backlog,
     * it holds communication alerts back, then the grace period runs.
     */
    if (e->last_batch_mono && mono - e->last_batch_mono > STALL_MS) {
        pvs_warn("the engine did not run for %lld ms (the machine is "
                 "busy): holding back communication alerts",
                 (long long)(mono - e->last_batch_mono));
        lagging = true;
    }
    e->last_batch_mono = mono;
    lagging = lagging || e->late_sources > 0;

    if (lagging != e->lagging)
        pvs_info("%s", lagging ? "catching up with a backlog: holding back "
                                 "communication alerts"
                               : "backlog drained");
    e->lagging = lagging;
    ok = !lagging;

    for (size_t i = 0; i < e->nhealth; i++) {
        struct health *h = &e->health[i];
        bool cur = h->fn(h->ud);
        if (cur != h->last)
            pvs_info("ingest source '%s' is %s%s", h->name,
                     cur ? "healthy again" : "down",
                     cur ? "" : ": holding back communication alerts");
        h->last = cur;
        ok = ok && cur;
    }
    if (ok != e->ingest_ok)
        pvs_ruleset_set_ingest(e->svc.rules, ok, now);
    e->ingest_ok = ok;
}

/* What waits for a commit: answers, config listeners, new messages. */
static void after_commit(struct pvs_engine *e) {
    flush_answers(e, true);
    pvs_complain_release(&e->db_down, "database writes work again");
    if (e->config_dirty && e->on_change)
        e->on_change(e->on_change_ud);
    e->config_dirty = false;
    if (engine_shared_on(e) && e->svc.nfresh)
        engine_shared_wake(e); /* claimed, not simply sent */
    for (size_t i = 0; i < e->svc.nfresh && !engine_shared_on(e); i++)
        engine_submit(e, e->svc.fresh[i]);
    e->svc.nfresh = 0;
    e->kept_samples = 0;
}

/* A batch that will never commit: its samples are lost, its callers told. */
static void batch_lost(struct pvs_engine *e, size_t nsamples) {
    pvs_stats_add(PVS_STAT_SAMPLES_LOST, nsamples + e->kept_samples);
    e->kept_samples = 0;
    e->config_dirty = false;
    e->svc.nfresh = 0;
    flush_answers(e, false);
}

/* The rule and service timers, and the periodic pruning, in the batch. */
static void batch_timers(struct pvs_engine *e, int64_t now) {
    /* Without the database (a batch it keeps for later) the workflow's
     * timers and the pruning, which read, wait for the next batch. */
    bool away = pvs_store_kept(e->svc.st);

    if (now >= e->next_tick) {
        pvs_ruleset_tick(e->svc.rules, now);
        if (!e->svc.txn_rc && !away)
            pvs_service_tick(&e->svc, now);
        e->next_tick = now + e->svc.cfg->global.tick_ms;
    }
    if (now >= e->next_prune && !away) {
        int64_t gone = 0;
        if (!e->svc.txn_rc &&
            !pvs_store_prune_samples(
                e->svc.st, now - e->svc.cfg->global.retention_ms, &gone) &&
            gone)
            pvs_info("pruned %lld readings (device and instant) older than"
                     " the retention",
                     (long long)gone);
        if (!e->svc.txn_rc)
            engine_wrote(e, engine_sky_prune(e, now));
        if (!e->svc.txn_rc && e->svc.cfg->http &&
            e->svc.cfg->http->personal_retention_ms)
            engine_wrote(e, pvs_store_web_prune_personal(
                                e->svc.st,
                                now - e->svc.cfg->http->personal_retention_ms,
                                NULL));
        e->next_prune = now + PRUNE_EVERY_MS;
        pvs_ruleset_save_learnt(e->svc.rules, learnt_put, e);
    }
}

/* The batch of n messages (nsamples samples) did not commit (rc). */
static void batch_failed(struct pvs_engine *e, enum pvs_err rc, size_t n,
                         size_t nsamples) {
    char why[256];

    /* A write that failed inside the batch logged why already. */
    pvs_strlcpy(why,
                e->svc.txn_rc ? "one of its writes failed"
                              : pvs_store_errmsg(e->svc.st),
                sizeof(why));
    pvs_store_rollback(e->svc.st);
    if (rc == PVS_ERR_DENIED && e->cluster) {
        /* The fence: not a database error (counted as a refusal). */
        pvs_complain(&e->db_down, PVS_LOG_WARN,
                     "dropped a batch of %zu messages (%zu samples lost): "
                     "it was for a slot this worker no longer holds",
                     n, nsamples);
        batch_lost(e, nsamples);
        return;
    }
    pvs_stats_add(PVS_STAT_DB_ERRORS, 1);
    if (rc == PVS_ERR_IO && !e->svc.txn_rc && pvs_store_kept(e->svc.st)) {
        /* Applied again when the server is back: its answers, config
         * change and messages wait for that commit. */
        e->kept_samples += nsamples;
        pvs_complain(&e->db_down, PVS_LOG_ERROR,
                     "cannot commit a batch of %zu messages (%zu samples):"
                     " %s; it is kept and applied once the database is "
                     "back",
                     n, nsamples, why);
    } else {
        pvs_complain(&e->db_down, PVS_LOG_ERROR,
                     "cannot commit a batch of %zu messages (%zu samples "
                     "lost): %s",
                     n, nsamples, why);
        batch_lost(e, nsamples);
    }
    if (rc == PVS_ERR_IO && !e->store_away) {
        e->store_away = true;
        e->store_checked = pvs_clock_mono_ms();
        pvs_stats_add(PVS_STAT_INGEST_PAUSED, 1);
        pvs_error("the database is unreachable: ingest paused, messages "
                  "wait in the inbox and at the broker until it is back");
    }
}

static void batch(struct pvs_engine *e, void **msgs, size_t n) {
    int64_t now = pvs_clock_now_ms();
    size_t nsamples = 0;
    enum pvs_err rc;

    e->svc.txn_rc = pvs_store_begin(e->svc.st);
    if (e->cluster) {
        pvs_cluster_note_engine(e->cluster, (int64_t)pvs_queue_len(e->inbox),
                                pvs_clock_mono_ms());
        if (!e->svc.txn_rc)
            e->svc.txn_rc = pvs_cluster_fence(e->cluster, e->svc.st);
        else if (e->svc.txn_rc == PVS_ERR_DENIED)
            pvs_cluster_refused(e->cluster);
    }
    check_health(e, now, n);
    for (size_t i = 0; i < n; i++) {
        const struct pvs_msg *m = msgs[i];

        if (m->type == PVS_MSG_SAMPLES)
            nsamples += m->nsamples;
        handle(e, msgs[i], now);
        pvs_msg_free(msgs[i]);
    }
    batch_timers(e, now);
    if (!e->svc.txn_rc && !pvs_store_kept(e->svc.st))
        engine_sky_step(e, now);
    rc = engine_rollup_flush(e);
    if (rc && !e->svc.txn_rc)
        e->svc.txn_rc = rc;
    engine_shared_before_commit(e);
    rc = e->svc.txn_rc ? e->svc.txn_rc : pvs_store_commit(e->svc.st);
    if (rc == PVS_ERR_DENIED && !e->svc.txn_rc && e->cluster)
        pvs_cluster_refused(e->cluster);
    pvs_stats_add(PVS_STAT_BATCHES, 1);
    if (rc) {
        batch_failed(e, rc, n, nsamples);
        return;
    }
    after_commit(e);
    if (engine_shared_on(e)) {
        engine_shared_tick(e);
    } else if (now >= e->next_rescan) {
        engine_rescan_outbox(e);
        e->next_rescan = now + 60000;
    }
}

static void nap_ms(int64_t ms) {
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};

    nanosleep(&ts, NULL);
}

/*
 * Whether the database's file system has less than min_free_disk left.
 * Ingest then pauses before SQLite runs out of space in the middle of a
 * batch (whose samples would be lost, though the broker has the acks):
 * messages wait in the inbox, then in TCP and at the broker, and nothing
 * is written until space returns. Logged once each way and counted.
 */
static bool disk_low(struct pvs_engine *e) {
    struct statvfs fs;
    char dir[PATH_MAX];
    const char *slash;
    uint64_t avail;
    bool low;

    if (e->svc.cfg->global.min_free_disk <= 0)
        return false;
    if (e->disk_low && pvs_clock_mono_ms() - e->disk_checked < DISK_RECHECK_MS)
        return true;
    slash = strrchr(e->svc.cfg->global.database, '/');
    if (!slash)
        pvs_strlcpy(dir, ".", sizeof(dir));
    else if (slash == e->svc.cfg->global.database)
        pvs_strlcpy(dir, "/", sizeof(dir));
    else
        pvs_snprintf(dir, sizeof(dir), "%.*s",
                     (int)(slash - e->svc.cfg->global.database),
                     e->svc.cfg->global.database);
    if (statvfs(dir, &fs))
        return false; /* cannot tell: let SQLite say */
    avail = (uint64_t)fs.f_bavail * fs.f_frsize;
    low = avail < (uint64_t)e->svc.cfg->global.min_free_disk;
    e->disk_checked = pvs_clock_mono_ms();
    if (low && !e->disk_low) {
        pvs_stats_add(PVS_STAT_INGEST_PAUSED, 1);
        pvs_error("disk nearly full: %llu KiB free in '%s', under "
                  "min_free_disk (%lld KiB): ingest paused, messages wait "
                  "in the inbox and at the broker until space returns",
                  (unsigned long long)(avail / 1024), dir,
                  (long long)(e->svc.cfg->global.min_free_disk / 1024));
    } else if (!low && e->disk_low) {
        pvs_info("disk space is back (%llu KiB free in '%s'): ingest resumed",
                 (unsigned long long)(avail / 1024), dir);
    }
    e->disk_low = low;
    return low;
}

/*
 * The next configuration, between two batches. Everything indexed by
 * device or site is carried over by id; the rules keep their state (see
 * pvs_ruleset_carry), so a change to one site touches no other alert.
 */
/* The MQTT link whose health the engine watches from now on (NULL: none). */
static void switch_mqtt(struct pvs_engine *e, void *mqtt) {
    bool had_mqtt = false;

    for (size_t i = 0; i < e->nhealth; i++) {
        if (strcmp(e->health[i].name, "mqtt"))
            continue;
        had_mqtt = true;
        if (mqtt) {
            e->health[i].ud = mqtt;
        } else {
            e->health[i] = e->health[--e->nhealth];
            break;
        }
    }
    if (!had_mqtt && mqtt && e->nhealth < MAX_HEALTH)
        e->health[e->nhealth++] =
            (struct health){"mqtt", pvs_mqtt_healthy, mqtt, true};
}

/*
 * Whether the switch m is to happen: its caller may have given up
 * waiting (pvs_engine_switch's timeout) and freed m->cfg; once taken
 * here, the caller waits for its end instead.
 */
static bool switch_taken(struct pvs_engine *e, const struct pvs_msg *m) {
    bool take;

    pthread_mutex_lock(&e->gen_lock);
    take = m->seq != e->seq_cancelled;
    if (take)
        e->seq_taking = m->seq;
    pthread_mutex_unlock(&e->gen_lock);
    if (!take)
        pvs_info("a configuration change its caller gave up on is "
                 "skipped");
    return take;
}

/* Take-over: the sites the next configuration adds (cluster mode). */
struct take_over {
    struct pvs_engine *e;
    const struct pvs_config *old;
    size_t alerts, learnt, samples;
};

/* The samples a take-over gives back to the rules: the longest window of
 * the families (the frozen counter's hour) and room to spare. */
#define TAKE_OVER_RECENT_MS (3 * 3600000LL)
/* Devices read at once (more when one site has more). */
#define TAKE_OVER_CHUNK 64

static void restore_new_alert(void *ud, const struct pvs_alert_event *ev) {
    struct take_over *t = ud;

    if (ev->site && !pvs_config_site(t->old, ev->site->obj.id) &&
        pvs_ruleset_restore(t->e->svc.rules, ev))
        t->alerts++;
}

static void restore_new_learnt(void *ud, const char *rule, const char *device,
                               const char *text) {
    struct take_over *t = ud;

    if (!pvs_config_device(t->old, device) &&
        pvs_ruleset_load_learnt(t->e->svc.rules, rule, device, text))
        t->learnt++;
}

static void replay_sample(void *ud, const char *device, const char *metric,
                          int64_t ts_ms, double value, int quality) {
    struct take_over *t = ud;
    const struct pvs_device *d = pvs_config_device(t->e->svc.cfg, device);
    struct pvs_sample s;
    enum pvs_metric m;
    unsigned idx;

    if (!d || pvs_config_device(t->old, device) ||
        pvs_metric_parse(metric, &m, &idx))
        return;
    memset(&s, 0, sizeof(s));
    s.dev = d->index;
    s.metric = (uint16_t)m;
    s.idx = (uint16_t)idx;
    s.ts_ms = ts_ms;
    s.value = value;
    s.quality = (uint8_t)quality;
    pvs_ruleset_sample(t->e->svc.rules, &s);
    t->samples++;
}

/* Devices by site, so that a site's devices are read together. */
static int by_site(const void *a, const void *b) {
    const struct pvs_device *x = *(const struct pvs_device *const *)a;
    const struct pvs_device *y = *(const struct pvs_device *const *)b;
    size_t sx = x->site ? x->site->index : 0, sy = y->site ? y->site->index : 0;

    return sx < sy ? -1 : sx > sy;
}

/*
 * The recent samples of the devices taken over, through the rules with
 * no event handed out: windows (a counter frozen for half an hour, a
 * pending fault) go on where the last owner left them. Read a few sites
 * at a time (whole sites: their devices are compared with each other),
 * so a large take-over does not hold hours of the fleet in memory.
 */
static void replay_recent(struct take_over *t, int64_t now) {
    const struct pvs_config *next = t->e->svc.cfg;
    const struct pvs_device **devs =
        pvs_calloc(next->ndevices + 1, sizeof(*devs));
    const char **ids = pvs_calloc(next->ndevices + 1, sizeof(*ids));
    size_t n = 0, from = 0;
    bool failed = false;

    for (size_t i = 0; i < next->ndevices; i++)
        if (!pvs_config_device(t->old, next->devices[i]->obj.id))
            devs[n++] = next->devices[i];
    qsort(devs, n, sizeof(*devs), by_site);
    for (size_t i = 0; i < n; i++)
        ids[i] = devs[i]->obj.id;
    pvs_ruleset_replay(t->e->svc.rules, true);
    for (size_t i = 1; i <= n && !failed; i++) {
        if (i < n &&
            (i - from < TAKE_OVER_CHUNK || devs[i]->site == devs[i - 1]->site))
            continue;
        failed = pvs_store_recent_samples(t->e->svc.st, ids + from, i - from,
                                          now - TAKE_OVER_RECENT_MS,
                                          replay_sample, t) != PVS_OK;
        from = i;
    }
    if (failed)
        pvs_warn("cannot read the recent samples of the sites taken over: "
                 "their rules start without some of them");
    pvs_ruleset_replay(t->e->svc.rules, false);
    pvs_free(ids);
    pvs_free(devs);
}

/*
 * A cluster worker that takes a slot over runs sites another worker ran:
 * what the rules learnt, their recent samples and their firing alerts
 * come from the store, so a fault still there does not fire again and
 * one in the making is seen on time, and the communication rules give
 * the new devices the grace of an ingest outage (their data were away).
 */
static void take_over(struct pvs_engine *e, const struct pvs_config *old) {
    struct take_over t = {e, old, 0, 0, 0};
    const struct pvs_config *next = e->svc.cfg;
    int64_t now = pvs_clock_now_ms();
    size_t added = 0;

    for (size_t i = 0; i < next->nsites; i++)
        added += !pvs_config_site(old, next->sites[i]->obj.id);
    if (!e->cluster || !added)
        return;
    if (pvs_store_learnt_each(e->svc.st, restore_new_learnt, &t))
        pvs_warn("cannot read what the rules learnt of the sites taken "
                 "over");
    replay_recent(&t, now);
    if (pvs_store_firing_alerts(e->svc.st, next, restore_new_alert, &t))
        pvs_warn("cannot read the state of the sites taken over: their "
                 "alerts may fire again");
    if (e->ingest_ok) {
        pvs_ruleset_set_ingest(e->svc.rules, false, now);
        pvs_ruleset_set_ingest(e->svc.rules, true, now);
    }
    pvs_info("took over %zu sites: restored %zu firing alerts, %zu "
             "learnt states and %zu recent samples",
             added, t.alerts, t.learnt, t.samples);
}

static void switch_config(struct pvs_engine *e, const struct pvs_msg *m) {
    const struct pvs_config *old = e->svc.cfg, *next = m->cfg;
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;
    int64_t *last_ts;
    struct pvs_tz **tz;

    if (!next) { /* only the MQTT link changed (pvs_engine_set_mqtt) */
        switch_mqtt(e, m->mqtt);
        return;
    }
    if (!switch_taken(e, m))
        return;
    last_ts = pvs_calloc(next->ndevices + 1, sizeof(int64_t));
    tz = pvs_calloc(next->nsites + 1, sizeof(*tz));
    memset(&errs, 0, sizeof(errs));
    /* main validated next with the same call: a failure is a bug. */
    PVS_ASSERT(!pvs_ruleset_new(next, on_alert, e, &rs, &errs));
    pvs_ruleset_carry(rs, e->svc.rules);
    for (size_t d = 0; d < old->ndevices; d++) {
        const struct pvs_device *nd =
            pvs_config_device(next, old->devices[d]->obj.id);
        if (nd)
            last_ts[nd->index] = e->last_ts[d];
    }
    for (size_t i = 0; i < next->nsites; i++) {
        const struct pvs_site *ns = next->sites[i];
        const struct pvs_site *os = pvs_config_site(old, ns->obj.id);

        if (os && e->svc.tz[os->index] && !strcmp(os->timezone, ns->timezone)) {
            tz[i] = e->svc.tz[os->index];
            e->svc.tz[os->index] = NULL;
        } else if (pvs_tz_load(ns->timezone, &tz[i])) {
            tz[i] = NULL;
        }
    }
    for (size_t i = 0; i < old->nsites; i++)
        pvs_tz_free(e->svc.tz[i]);
    pvs_free(e->svc.tz);
    e->svc.tz = tz;
    pvs_free(e->last_ts);
    e->last_ts = last_ts;
    pvs_service_release(&e->svc);
    pvs_ruleset_free(e->svc.rules);
    e->svc.rules = rs;
    e->svc.cfg = next;
    engine_rollup_switch(e, old);
    engine_sky_switch(e, old);
    take_over(e, old);
    if (pvs_service_init(&e->svc))
        pvs_warn("cannot read the link key again: links keep the old one");
    switch_mqtt(e, m->mqtt);
    if (pvs_store_sync_config(e->svc.st, next))
        pvs_warn("cannot mirror the configuration in the database: %s",
                 pvs_store_errmsg(e->svc.st));
    pthread_mutex_lock(&e->gen_lock);
    e->gen++;
    pthread_cond_broadcast(&e->gen_cond);
    pthread_mutex_unlock(&e->gen_lock);
}

/* Batches end at each CONFIG message, which takes effect between them. */
static void batches(struct pvs_engine *e, void **msgs, size_t n) {
    size_t from = 0;

    for (size_t i = 0; i < n; i++) {
        struct pvs_msg *m = msgs[i];

        if (m->type != PVS_MSG_CONFIG)
            continue;
        if (i > from)
            batch(e, msgs + from, i - from);
        switch_config(e, m);
        pvs_msg_free(m);
        from = i + 1;
    }
    if (from < n || !n)
        batch(e, msgs + from, n - from);
}

/*
 * Whether the store's server is still away (a PostgreSQL restarting or
 * failing over): ingest stays paused, as for a full disk, and a batch is
 * tried again (which reconnects) every DISK_RECHECK_MS. Messages wait in
 * the inbox, then at the broker. The batch that was in flight when the
 * server went is kept by the store (pvs_store_kept) and committed here,
 * applied again whole, before ingest resumes; one the store could not
 * keep (it needed an answer from a server that stayed away longer than
 * the store waits for it) was rolled back whole and its samples counted
 * lost.
 */
static bool store_away(struct pvs_engine *e) {
    enum pvs_err rc;

    if (!e->store_away)
        return false;
    if (pvs_clock_mono_ms() - e->store_checked < DISK_RECHECK_MS)
        return true;
    e->store_checked = pvs_clock_mono_ms();
    rc = pvs_store_begin(e->svc.st);
    if (!rc)
        rc = pvs_store_commit(e->svc.st);
    if (rc) {
        pvs_store_rollback(e->svc.st);
        if (!pvs_store_kept(e->svc.st) && e->kept_samples) {
            pvs_error("the batch kept while the database was away is lost "
                      "(%zu samples): %s",
                      e->kept_samples, pvs_store_errmsg(e->svc.st));
            batch_lost(e, 0);
        }
        if (rc == PVS_ERR_IO)
            return true;
    } else {
        after_commit(e);
    }
    e->store_away = false;
    pvs_info("the database is reachable again: ingest resumed");
    return false;
}

static void *engine_main(void *arg) {
    struct pvs_engine *e = arg;
    void *msgs[BATCH_MAX];

    /*
     * Receivers first: on a busy machine the thread reading the broker
     * must not wait for the engine's CPU time, or TCP pushes back and the
     * broker holds messages. The engine works from its inbox and gets
     * every cycle the receivers leave; if it falls behind, the inbox
     * fills, the receivers block, and it catches up.
     */
    if (setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), ENGINE_NICE)) {
        char eb[128];
        pvs_debug("cannot lower the engine thread's priority: %s",
                  pvs_strerror(errno, eb, sizeof(eb)));
    }

    for (;;) {
        int64_t wait = pvs_clock_real_ms(e->next_tick - pvs_clock_now_ms());
        size_t n;

        if (wait > 200)
            wait = 200;
        if (wait < 1)
            wait = 1;
        if (disk_low(e) || store_away(e)) {
            atomic_store(&e->paused, true);
            if (pvs_queue_closed(e->inbox))
                break;
            nap_ms(DISK_RECHECK_MS / 5);
            continue;
        }
        atomic_store(&e->paused, false);
        n = pvs_queue_pop_batch(e->inbox, msgs, BATCH_MAX, (int)wait);
        if (!n && pvs_queue_closed(e->inbox))
            break;
        if (n >= GATHER_MIN && n < BATCH_MAX) {
            int64_t until = pvs_clock_mono_ms() + e->svc.cfg->global.batch_ms;

            while (pvs_queue_len(e->inbox) < BATCH_MAX - n &&
                   !pvs_queue_closed(e->inbox) && pvs_clock_mono_ms() < until)
                nap_ms(GATHER_NAP_MS);
            n += pvs_queue_pop_batch(e->inbox, msgs + n, BATCH_MAX - n, 0);
        }
        batches(e, msgs, n);
    }
    if (e->kept_samples) {
        pvs_error("stopping with a batch the database did not take: %zu "
                  "samples lost",
                  e->kept_samples);
        batch_lost(e, 0);
    }
    save_learnt(e);
    engine_shared_stop(e);
    pthread_mutex_lock(&e->gen_lock);
    e->exited = true;
    pthread_cond_broadcast(&e->gen_cond);
    pthread_mutex_unlock(&e->gen_lock);
    return NULL;
}

void pvs_engine_set_cluster(struct pvs_engine *e, struct pvs_cluster *c) {
    e->cluster = c;
}

void pvs_engine_set_notifier(struct pvs_engine *e,
                             struct pvs_notifier *notifier) {
    e->notifier = notifier;
}

enum pvs_err pvs_engine_new(const struct pvs_config *cfg,
                            struct pvs_engine **ret) {
    struct pvs_engine *e = pvs_calloc(1, sizeof(*e));
    struct pvs_cfg_errors errs;
    enum pvs_err rc;

    memset(&errs, 0, sizeof(errs));
    e->svc.cfg = cfg;
    pthread_mutex_init(&e->gen_lock, NULL);
    pthread_cond_init(&e->gen_cond, NULL);
    e->ingest_ok = true;
    e->db_down.every = 100;
    e->last_ts = pvs_calloc(cfg->ndevices + 1, sizeof(int64_t));
    engine_rollup_init(e);
    engine_sky_init(e);
    e->svc.tz = pvs_calloc(cfg->nsites + 1, sizeof(struct pvs_tz *));
    for (size_t i = 0; i < cfg->nsites; i++)
        if (pvs_tz_load(cfg->sites[i]->timezone, &e->svc.tz[i]))
            pvs_warn("cannot load time zone '%s' of site '%s': times in "
                     "messages will be UTC",
                     cfg->sites[i]->timezone, cfg->sites[i]->obj.id);
    rc = pvs_ruleset_new(cfg, on_alert, e, &e->svc.rules, &errs);
    if (rc) {
        for (size_t i = 0; i < errs.count; i++)
            pvs_error("%s", errs.msg[i]);
        pvs_cfg_errors_release(&errs);
        goto out;
    }
    rc = pvs_store_open(cfg->global.database, 0, &e->svc.st);
    if (rc)
        goto out;
    rc = pvs_store_sync_config(e->svc.st, cfg);
    if (rc)
        goto out;
    rc = pvs_service_init(&e->svc);
    if (rc)
        goto out;
    engine_shared_init(e);
    e->inbox = pvs_queue_new((size_t)cfg->global.inbox_size, pvs_msg_free_void);
out:
    if (rc) {
        pvs_engine_free(e);
        return rc;
    }
    *ret = e;
    return PVS_OK;
}

void pvs_engine_on_change(struct pvs_engine *e, void (*fn)(void *ud),
                          void *ud) {
    e->on_change = fn;
    e->on_change_ud = ud;
}

/* Wait on gen_lock (held) until the switch seq ends or deadline_ms
 * (monotonic) passes; whether it ended. */
static bool switch_wait(struct pvs_engine *e, uint64_t target,
                        int64_t deadline_ms) {
    while (e->gen < target && !e->exited) {
        int64_t left = deadline_ms - pvs_clock_mono_ms();
        struct timespec ts;

        if (left <= 0)
            return false;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += left / 1000;
        ts.tv_nsec += (left % 1000) * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&e->gen_cond, &e->gen_lock, &ts);
    }
    return true;
}

enum pvs_err pvs_engine_switch(struct pvs_engine *e,
                               const struct pvs_config *next, void *mqtt_ud,
                               int64_t timeout_ms) {
    int64_t deadline = pvs_clock_mono_ms() + timeout_ms;
    struct pvs_msg *m;
    enum pvs_err rc;
    uint64_t target, seq;

    /* Paused for a full disk or an absent database: the inbox does not
     * move, so the switch would wait with every producer held. */
    if (atomic_load(&e->paused))
        return PVS_ERR_TIMEOUT;
    m = pvs_msg_new(PVS_MSG_CONFIG, 0);
    m->cfg = next;
    m->mqtt = mqtt_ud;
    pthread_mutex_lock(&e->gen_lock);
    target = e->gen + 1;
    m->seq = seq = ++e->seq_made;
    pthread_mutex_unlock(&e->gen_lock);
    do
        rc = pvs_queue_push(e->inbox, m, 200);
    while ((rc == PVS_ERR_TIMEOUT || rc == PVS_ERR_FULL) &&
           pvs_clock_mono_ms() < deadline);
    if (rc) {
        pvs_msg_free(m);
        return rc == PVS_ERR_CLOSED ? rc : PVS_ERR_TIMEOUT;
    }
    pthread_mutex_lock(&e->gen_lock);
    if (!switch_wait(e, target, deadline)) {
        if (e->seq_taking == seq) {
            /* Under way: it ends soon, and next is in use. */
            while (e->gen < target && !e->exited)
                pthread_cond_wait(&e->gen_cond, &e->gen_lock);
        } else {
            /* Still queued: skipped when it comes (the message stays
             * the queue's), so next is the caller's again. */
            e->seq_cancelled = seq;
        }
    }
    rc = e->gen >= target ? PVS_OK
         : e->exited      ? PVS_ERR_CLOSED
                          : PVS_ERR_TIMEOUT;
    pthread_mutex_unlock(&e->gen_lock);
    return rc;
}

void pvs_engine_set_mqtt(struct pvs_engine *e, void *mqtt_ud) {
    struct pvs_msg *m = pvs_msg_new(PVS_MSG_CONFIG, 0);

    m->mqtt = mqtt_ud;
    if (pvs_queue_push(e->inbox, m, 5000)) {
        pvs_warn("cannot tell the engine which MQTT link to watch: the "
                 "inbox stays full");
        pvs_msg_free(m);
    }
}

bool pvs_engine_paused(struct pvs_engine *e) {
    return atomic_load(&e->paused);
}

struct pvs_queue *pvs_engine_inbox(struct pvs_engine *e) {
    return e->inbox;
}

void pvs_engine_add_health(struct pvs_engine *e, const char *name,
                           pvs_health_fn *fn, void *ud) {
    PVS_ASSERT(e->nhealth < MAX_HEALTH);
    e->health[e->nhealth].name = name;
    e->health[e->nhealth].fn = fn;
    e->health[e->nhealth].ud = ud;
    e->health[e->nhealth].last = true;
    e->nhealth++;
}

enum pvs_err pvs_engine_start(struct pvs_engine *e) {
    int64_t now = pvs_clock_now_ms();
    enum pvs_err rc;

    pvs_ruleset_start(e->svc.rules, now);
    rc = pvs_store_firing_alerts(e->svc.st, e->svc.cfg, on_restore, e);
    if (!rc)
        rc = pvs_store_learnt_each(e->svc.st, learnt_get, e);
    if (rc)
        return rc;
    if (pvs_ruleset_firing(e->svc.rules))
        pvs_info("restored %zu firing alerts",
                 pvs_ruleset_firing(e->svc.rules));
    e->next_tick = now + e->svc.cfg->global.tick_ms;
    e->next_prune = now;
    e->next_rescan = now + 60000;
    engine_rescan_outbox(e);
    if (pthread_create(&e->thread, NULL, engine_main, e)) {
        pvs_error("cannot start the engine thread");
        return PVS_ERR_IO;
    }
    e->running = true;
    return PVS_OK;
}

void pvs_engine_stop(struct pvs_engine *e) {
    if (!e || !e->running)
        return;
    pvs_queue_close(e->inbox);
    pthread_join(e->thread, NULL);
    e->running = false;
}

void pvs_engine_free(struct pvs_engine *e) {
    if (!e)
        return;
    pvs_engine_stop(e);
    pvs_ruleset_free(e->svc.rules);
    pvs_service_release(&e->svc);
    pvs_store_close(e->svc.st);
    pvs_queue_free(e->inbox);
    pvs_free(e->last_ts);
    engine_rollup_release(e);
    engine_sky_release(e);
    for (size_t i = 0; e->svc.tz && i < e->svc.cfg->nsites; i++)
        pvs_tz_free(e->svc.tz[i]);
    pvs_free(e->svc.tz);
    pvs_free(e->inflight);
    pvs_free(e->answers);
    pthread_mutex_destroy(&e->gen_lock);
    pthread_cond_destroy(&e->gen_cond);
    pvs_free(e);
}
