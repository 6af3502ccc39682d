/* SPDX-License-Identifier: MIT */
/*
 * notifier.c - the delivery thread: takes jobs from its bounded queue,
 * sends them over their channel, retries failures with exponential
 * backoff until the give-up time, and reports every attempt to the engine.
 *
 * DESIGN
 * The notifier never touches the store. It reports each attempt as a
 * PVS_MSG_DELIVERY to the engine inbox; the engine, the only writer,
 * records it. A job waiting for its retry lives in the notifier's own
 * list (bounded by the queue's capacity plus what is in flight); a job
 * that is lost when the process stops is still "pending" in the outbox
 * and is submitted again at the next start.
 *
 * Retry delays are clock time (the simulated clock in tests), so a
 * test's "SMTP down for an hour" takes seconds.
 */
#define PVS_LOG_MODULE "notifier"
#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "pvs/clock.h"
#include "pvs/log.h"
#include "pvs/msg.h"
#include "pvs/notifier.h"

extern const struct pvs_channel_type pvs_channel_email;
extern const struct pvs_channel_type pvs_channel_webhook;
extern const struct pvs_channel_type pvs_channel_sms;

static const struct pvs_channel_type *const channel_types[] = {
    &pvs_channel_email,
    &pvs_channel_webhook,
    &pvs_channel_sms,
};

#define MAX_WAITING 100000
#define BATCH 64

struct pvs_notifier {
    const struct pvs_config *cfg;
    struct pvs_queue *jobs;
    struct pvs_queue *results;
    pthread_t thread;
    bool running;
    void *ctx[PVS_ARRAY_LEN(channel_types)];
    struct pvs_job **waiting; /* retries, unsorted */
    size_t nwaiting;
    struct pvs_complaint down;
};

void pvs_job_free(struct pvs_job *j) {
    if (!j)
        return;
    pvs_free(j->channel);
    pvs_free(j->recipient);
    pvs_free(j->body);
    pvs_free(j->message_id);
    pvs_free(j);
}

static void job_free_void(void *j) {
    pvs_job_free(j);
}

enum pvs_err pvs_notifier_new(const struct pvs_config *cfg,
                              struct pvs_queue *results,
                              struct pvs_notifier **ret) {
    struct pvs_notifier *n = pvs_calloc(1, sizeof(*n));

    n->cfg = cfg;
    n->results = results;
    n->jobs = pvs_queue_new(4096, job_free_void);
    n->down.every = 100;
    *ret = n;
    return PVS_OK;
}

enum pvs_err pvs_notifier_submit(struct pvs_notifier *n, struct pvs_job *job) {
    return pvs_queue_try_push(n->jobs, job);
}

static int64_t backoff_ms(const struct pvs_cfg_retry *r, int attempts) {
    int64_t lo = r->min_ms;
    int64_t hi = r->max_ms;
    int64_t d = lo;

    for (int i = 1; i < attempts && d < hi; i++)
        d *= 2;
    return d < hi ? d : hi;
}

static const struct pvs_channel_type *
channel_of(struct pvs_notifier *n, const char *name, void **ret_ctx) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(channel_types); i++) {
        if (!strcmp(channel_types[i]->name, name)) {
            *ret_ctx = n->ctx[i];
            return channel_types[i];
        }
    }
    return NULL;
}

/* Report an attempt; the engine must get it, so wait for room. */
static void report(struct pvs_notifier *n, const struct pvs_job *job, bool ok,
                   bool permanent, const char *err) {
    struct pvs_msg *m = pvs_msg_new(PVS_MSG_DELIVERY, 0);

    m->ts_ms = pvs_clock_now_ms();
    m->outbox_id = job->outbox_id;
    m->ok = ok;
    m->permanent = permanent;
    pvs_strlcpy(m->error, err ? err : "", sizeof(m->error));
    if (pvs_queue_push(n->results, m, -1))
        pvs_msg_free(m); /* closed: shutting down, the row stays pending */
}

/* Send once; returns true when the job is finished (sent or given up). */
static bool attempt(struct pvs_notifier *n, struct pvs_job *job) {
    void *ctx = NULL;
    const struct pvs_channel_type *ct = channel_of(n, job->channel, &ctx);
    char err[256] = "";
    bool permanent = false;
    enum pvs_err rc;
    int64_t now;
    struct pvs_cfg_retry retry;

    /* Each channel (and each webhook) has its own retry settings. */
    pvs_config_retry(n->cfg, job->channel, job->recipient, &retry);

    if (!ct) {
        pvs_snprintf(err, sizeof(err), "unknown channel '%s'", job->channel);
        rc = PVS_ERR_INVAL;
        permanent = true;
    } else {
        rc = ct->send(ctx, job, err, sizeof(err), &permanent);
    }
    job->attempts++;
    now = pvs_clock_now_ms();
    if (!rc) {
        pvs_complain_release(&n->down, "delivering messages again");
        pvs_info("sent message %lld to '%s' (%s)", (long long)job->outbox_id,
                 job->recipient, job->message_id);
        report(n, job, true, false, NULL);
        return true;
    }
    if (!permanent &&
        (now - job->created_ms >= retry.give_up_ms ||
         (retry.max_attempts && job->attempts >= retry.max_attempts))) {
        permanent = true;
        pvs_strlcpy(err + strlen(err), " (giving up)",
                    sizeof(err) - strlen(err));
    }
    if (permanent) {
        pvs_error("cannot deliver message %lld to '%s': %s",
                  (long long)job->outbox_id, job->recipient, err);
    } else {
        pvs_complain(&n->down, PVS_LOG_WARN,
                     "cannot deliver message %lld to '%s', will retry: %s",
                     (long long)job->outbox_id, job->recipient, err);
    }
    report(n, job, false, permanent, err);
    if (permanent)
        return true;
    job->next_ms = now + backoff_ms(&retry, job->attempts);
    return false;
}

static void keep_waiting(struct pvs_notifier *n, struct pvs_job *job) {
    if (n->nwaiting == MAX_WAITING) {
        /* Still pending in the store: the next start picks it up. */
        pvs_warn("too many messages waiting for a retry, dropping %lld from "
                 "memory",
                 (long long)job->outbox_id);
        pvs_job_free(job);
        return;
    }
    n->waiting = pvs_realloc(n->waiting, (n->nwaiting + 1) * sizeof(job));
    n->waiting[n->nwaiting++] = job;
}

static void *notifier_main(void *arg) {
    struct pvs_notifier *n = arg;
    void *batch[BATCH];

    for (;;) {
        int64_t now = pvs_clock_now_ms(), next = INT64_MAX;
        int wait_ms;
        size_t got;

        /* Due retries first, oldest deadline first is not needed: all
         * due ones go now. */
        for (size_t i = 0; i < n->nwaiting;) {
            struct pvs_job *j = n->waiting[i];
            if (j->next_ms <= now) {
                n->waiting[i] = n->waiting[--n->nwaiting];
                if (attempt(n, j))
                    pvs_job_free(j);
                else
                    keep_waiting(n, j);
                if (pvs_queue_closed(n->jobs))
                    break;
                continue;
            }
            if (j->next_ms < next)
                next = j->next_ms;
            i++;
        }
        if (next == INT64_MAX)
            wait_ms = 1000;
        else
            wait_ms = (int)pvs_clock_real_ms(next - pvs_clock_now_ms());
        if (wait_ms > 1000)
            wait_ms = 1000;
        if (wait_ms < 1)
            wait_ms = 1;
        got = pvs_queue_pop_batch(n->jobs, batch, BATCH, wait_ms);
        for (size_t i = 0; i < got; i++) {
            struct pvs_job *j = batch[i];
            if (pvs_queue_closed(n->jobs)) {
                pvs_job_free(j);
                continue;
            }
            if (attempt(n, j))
                pvs_job_free(j);
            else
                keep_waiting(n, j);
        }
        if (!got && pvs_queue_closed(n->jobs))
            break;
    }
    return NULL;
}

enum pvs_err pvs_notifier_start(struct pvs_notifier *n) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(channel_types); i++)
        n->ctx[i] =
            channel_types[i]->init ? channel_types[i]->init(n->cfg) : NULL;
    if (pthread_create(&n->thread, NULL, notifier_main, n)) {
        pvs_error("cannot start the notifier thread");
        return PVS_ERR_IO;
    }
    n->running = true;
    return PVS_OK;
}

void pvs_notifier_stop(struct pvs_notifier *n) {
    if (!n || !n->running)
        return;
    pvs_queue_close(n->jobs);
    pthread_join(n->thread, NULL);
    n->running = false;
    for (size_t i = 0; i < PVS_ARRAY_LEN(channel_types); i++) {
        if (channel_types[i]->release)
            channel_types[i]->release(n->ctx[i]);
        n->ctx[i] = NULL;
    }
}

void pvs_notifier_free(struct pvs_notifier *n) {
    if (!n)
        return;
    pvs_notifier_stop(n);
    for (size_t i = 0; i < n->nwaiting; i++)
        pvs_job_free(n->waiting[i]);
    pvs_free(n->waiting);
    pvs_queue_free(n->jobs);
    pvs_free(n);
}
