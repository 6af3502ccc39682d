/* SPDX-License-Identifier: MIT */
/*
 * notifier.c - the delivery thread: takes jobs from its bounded queue,
 * sends many at once over their channels in one curl multi handle,
 * retries failures with exponential backoff until the give-up time, and
 * reports every attempt to the engine.
 *
 * DESIGN
 * The notifier never touches the store. It reports each attempt as a
 * PVS_MSG_DELIVERY to the engine inbox; the engine, the only writer,
 * records it. A job that is lost when the process stops is still
 * "pending" in the outbox and is submitted again at the next start.
 *
 * Two structures decide what runs:
 *   - a lane is the ordered list of jobs of one ticket, audience, channel
 *     and recipient (a job without a ticket has a lane of its own). Only
 *     the head of a lane is ever attempted, and it leaves the lane only
 *     when it is sent or given up: a "back to normal" queued behind an
 *     alert waits through the alert's retries. Different receivers of one
 *     ticket do not wait for each other, so a hung webhook holds back
 *     neither the technician's mail nor another webhook;
 *   - a pool is a concurrency limit: one per channel, one per webhook.
 *     A lane whose head is due waits in its pool's FIFO for a free slot.
 * A lane whose head waits for its retry time sleeps in a small list that
 * each turn of the loop scans (few lanes sleep at a time; a dead SMTP
 * server puts them all there, and then nothing else is happening).
 *
 * The loop sleeps in curl_multi_poll; pvs_notifier_submit wakes it with
 * curl_multi_wakeup, the one multi call libcurl allows from another
 * thread. The multi handle therefore lives from _new to _free.
 *
 * Retry delays are clock time (the simulated clock in tests), so a
 * test's "SMTP down for an hour" takes seconds.
 */
#define PVS_LOG_MODULE "notifier"
#include <curl/curl.h>
#include <pthread.h>
#include <stdatomic.h>
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

#define NCHANNELS PVS_ARRAY_LEN(channel_types)
#define MAX_WAITING 100000 /* jobs held in memory */
#define BATCH 256
#define NBUCKETS 4096 /* lanes hash */

struct pool;

struct lane {
    char *key;
    struct lane *hnext;          /* hash chain */
    struct lane *rnext;          /* pool FIFO */
    struct pvs_job *head, *tail; /* linked through job->next */
    struct pool *pool;
    size_t chan;
    bool queued;   /* in its pool's FIFO */
    bool running;  /* its head is in a transfer */
    bool sleeping; /* its head waits for its retry time */
};

struct pool {
    size_t chan;
    const char *name; /* borrowed from the channel's ctx */
    int limit;
    int active;
    struct lane *first, *last; /* lanes whose head is due */
};

struct xfer {
    struct pvs_transfer t;
    struct lane *lane;
    struct xfer *prev, *next; /* every transfer in the multi handle */
};

struct pvs_notifier {
    const struct pvs_config *cfg; /* written under cfg_lock */
    /* settings to switch to (pvs_notifier_set_config), or NULL */
    const struct pvs_config *next_cfg;
    pthread_mutex_t cfg_lock;
    struct pvs_queue *jobs;
    struct pvs_queue *results;
    CURLM *multi;
    pthread_t thread;
    bool running;
    bool stopping; /* notifier thread only */
    void *ctx[NCHANNELS];
    struct lane *buckets[NBUCKETS];
    struct pool **pools;
    size_t npools;
    struct lane **sleepers;
    size_t nsleepers, sleepers_cap;
    size_t njobs;       /* held in lanes */
    struct xfer *xfers; /* in the multi handle */
    size_t inflight;
    uint64_t anon; /* names of lanes without a ticket */
    struct pvs_complaint down;
    /* the SMTP server did not answer the last attempt (pvs_notifier_down) */
    atomic_bool smtp_down;
};

void pvs_job_free(struct pvs_job *j) {
    if (!j)
        return;
    pvs_free(j->audience);
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
    enum pvs_err rc = PVS_OK;

    n->cfg = cfg;
    pthread_mutex_init(&n->cfg_lock, NULL);
    n->results = results;
    n->down.every = 100;
    n->multi = curl_multi_init();
    if (!n->multi) {
        pvs_error("cannot create a curl multi handle");
        rc = PVS_ERR_NOMEM;
        goto out;
    }
    n->jobs = pvs_queue_new(4096, job_free_void);
out:
    if (rc) {
        pvs_free(n);
        n = NULL;
    }
    *ret = n;
    return rc;
}

enum pvs_err pvs_notifier_submit(struct pvs_notifier *n, struct pvs_job *job) {
    enum pvs_err rc = pvs_queue_try_push(n->jobs, job);

    if (!rc)
        curl_multi_wakeup(n->multi);
    return rc;
}

static int64_t backoff_ms(const struct pvs_cfg_retry *r, int attempts) {
    int64_t lo = r->min_ms;
    int64_t hi = r->max_ms;
    int64_t d = lo;

    for (int i = 1; i < attempts && d < hi; i++)
        d *= 2;
    return d < hi ? d : hi;
}

static size_t channel_index(const char *name) {
    for (size_t i = 0; i < NCHANNELS; i++)
        if (!strcmp(channel_types[i]->name, name))
            return i;
    return SIZE_MAX;
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

/* ---- pools and lanes ---- */

static struct pool *pool_of(struct pvs_notifier *n, size_t chan,
                            const struct pvs_job *job) {
    const struct pvs_channel_type *ct = channel_types[chan];
    const char *name = "";
    int limit = ct->pool(n->ctx[chan], job, &name);
    struct pool *p;

    for (size_t i = 0; i < n->npools; i++) {
        p = n->pools[i];
        if (p->chan == chan && !strcmp(p->name, name))
            return p;
    }
    p = pvs_calloc(1, sizeof(*p));
    p->chan = chan;
    p->name = name;
    p->limit = limit > 0 ? limit : 1;
    n->pools = pvs_realloc(n->pools, (n->npools + 1) * sizeof(p));
    n->pools[n->npools++] = p;
    return p;
}

static uint32_t hash(const char *s) {
    uint32_t h = 2166136261u;

    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static struct lane *lane_find(struct pvs_notifier *n, const char *key) {
    struct lane *l = n->buckets[hash(key) % NBUCKETS];

    while (l && strcmp(l->key, key))
        l = l->hnext;
    return l;
}

static void lane_unlink(struct pvs_notifier *n, struct lane *l) {
    struct lane **pp = &n->buckets[hash(l->key) % NBUCKETS];

    while (*pp != l)
        pp = &(*pp)->hnext;
    *pp = l->hnext;
}

/* Put a lane whose head can go now at the end of its pool's FIFO. */
static void pool_enqueue(struct lane *l) {
    struct pool *p = l->pool;

    PVS_ASSERT(!l->queued && !l->running && !l->sleeping);
    l->queued = true;
    l->rnext = NULL;
    if (p->last)
        p->last->rnext = l;
    else
        p->first = l;
    p->last = l;
}

/* The lane's head is waiting: now, or at its retry time. */
static void lane_ready(struct pvs_notifier *n, struct lane *l) {
    if (l->head->next_ms <= pvs_clock_now_ms()) {
        pool_enqueue(l);
        return;
    }
    l->sleeping = true;
    if (n->nsleepers == n->sleepers_cap) {
        n->sleepers_cap = n->sleepers_cap ? 2 * n->sleepers_cap : 64;
        n->sleepers =
            pvs_realloc(n->sleepers, n->sleepers_cap * sizeof(*n->sleepers));
    }
    n->sleepers[n->nsleepers++] = l;
}

/* The head is done (sent or given up): the next job of the lane, if any. */
static void lane_pop(struct pvs_notifier *n, struct lane *l) {
    struct pvs_job *j = l->head;

    l->head = j->next;
    if (!l->head)
        l->tail = NULL;
    pvs_job_free(j);
    n->njobs--;
    if (l->head) {
        lane_ready(n, l);
        return;
    }
    lane_unlink(n, l);
    pvs_free(l->key);
    pvs_free(l);
}

/* Take ownership of a job from the queue and file it in its lane. */
static void job_add(struct pvs_notifier *n, struct pvs_job *job) {
    size_t chan = channel_index(job->channel);
    struct pvs_job **pp;
    struct lane *l;
    char *key;

    job->next = NULL;
    if (chan == SIZE_MAX) {
        char err[256];
        pvs_snprintf(err, sizeof(err), "unknown channel '%s'", job->channel);
        pvs_error("cannot deliver message %lld to '%s': %s",
                  (long long)job->outbox_id, job->recipient, err);
        report(n, job, false, true, err);
        pvs_job_free(job);
        return;
    }
    if (n->njobs == MAX_WAITING) {
        /* Still pending in the store: the next start picks it up. */
        pvs_warn("too many messages waiting, dropping %lld from memory",
                 (long long)job->outbox_id);
        pvs_job_free(job);
        return;
    }
    if (job->ticket_id > 0)
        key = pvs_asprintf("%lld\n%s\n%s\n%s", (long long)job->ticket_id,
                           job->audience ? job->audience : "", job->channel,
                           job->recipient);
    else
        key = pvs_asprintf("-%llu", (unsigned long long)++n->anon);
    n->njobs++;
    l = lane_find(n, key);
    if (!l) {
        uint32_t b = hash(key) % NBUCKETS;
        l = pvs_calloc(1, sizeof(*l));
        l->key = key;
        key = NULL;
        l->chan = chan;
        l->pool = pool_of(n, chan, job);
        l->hnext = n->buckets[b];
        n->buckets[b] = l;
        l->head = l->tail = job;
        lane_ready(n, l);
        return;
    }
    pvs_free(key);
    /* Outbox order within the lane; the head may be under way already,
     * so a newcomer never goes before it. */
    pp = &l->head->next;
    while (*pp && (*pp)->outbox_id < job->outbox_id)
        pp = &(*pp)->next;
    job->next = *pp;
    *pp = job;
    if (!job->next)
        l->tail = job;
}

/* ---- attempts ---- */

/*
 * Book the outcome of an attempt of the lane's head: report it, then
 * either drop the job (sent, given up) or schedule its retry.
 */
static void attempt_done(struct pvs_notifier *n, struct lane *l,
                         enum pvs_err rc, char *err, size_t errsize,
                         bool permanent) {
    struct pvs_job *job = l->head;
    struct pvs_cfg_retry retry;
    int64_t now = pvs_clock_now_ms();

    /* Each channel (and each webhook) has its own retry settings. */
    pvs_config_retry(n->cfg, job->channel, job->recipient, &retry);
    job->attempts++;
    if (!rc) {
        pvs_complain_release(&n->down, "delivering messages again");
        pvs_info("sent message %lld to '%s' (%s)", (long long)job->outbox_id,
                 job->recipient, job->message_id);
        report(n, job, true, false, NULL);
        lane_pop(n, l);
        return;
    }
    if (!permanent &&
        (now - job->created_ms >= retry.give_up_ms ||
         (retry.max_attempts && job->attempts >= retry.max_attempts))) {
        permanent = true;
        pvs_strlcpy(err + strlen(err), " (giving up)", errsize - strlen(err));
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
    if (permanent) {
        lane_pop(n, l);
        return;
    }
    /* From the reported attempt's time on (read after it): the next
     * attempt never comes sooner than the delay after the last report. */
    job->next_ms = pvs_clock_now_ms() + backoff_ms(&retry, job->attempts);
    lane_ready(n, l);
}

static void xfer_free(struct xfer *x) {
    if (x->t.easy)
        curl_easy_cleanup(x->t.easy);
    curl_slist_free_all(x->t.headers);
    curl_slist_free_all(x->t.rcpt);
    pvs_free(x->t.url);
    pvs_free(x->t.data);
    pvs_free(x);
}

static void xfer_unlink(struct pvs_notifier *n, struct xfer *x) {
    if (x->prev)
        x->prev->next = x->next;
    else
        n->xfers = x->next;
    if (x->next)
        x->next->prev = x->prev;
    x->prev = x->next = NULL;
}

/* Start the head of l as a transfer, or book why it cannot start. */
static void attempt_start(struct pvs_notifier *n, struct lane *l) {
    const struct pvs_channel_type *ct = channel_types[l->chan];
    struct xfer *x = pvs_calloc(1, sizeof(*x));
    char err[512] = "";
    bool permanent = false;
    enum pvs_err rc;

    x->lane = l;
    rc = ct->start(n->ctx[l->chan], l->head, &x->t, err, sizeof(err),
                   &permanent);
    if (!rc) {
        curl_easy_setopt(x->t.easy, CURLOPT_PRIVATE, x);
        curl_easy_setopt(x->t.easy, CURLOPT_NOSIGNAL, 1L);
        if (curl_multi_add_handle(n->multi, x->t.easy) != CURLM_OK) {
            pvs_snprintf(err, sizeof(err), "cannot start a transfer");
            rc = PVS_ERR_NOMEM;
        }
    }
    if (rc) {
        xfer_free(x);
        attempt_done(n, l, rc, err, sizeof(err), permanent);
        return;
    }
    l->running = true;
    l->pool->active++;
    x->next = n->xfers;
    if (x->next)
        x->next->prev = x;
    n->xfers = x;
    n->inflight++;
}

/* Start what the pools have room for. */
static void dispatch(struct pvs_notifier *n) {
    bool switching;

    /* New settings wait for the transfers under way (maybe_switch). */
    pthread_mutex_lock(&n->cfg_lock);
    switching = n->next_cfg != NULL;
    pthread_mutex_unlock(&n->cfg_lock);
    if (n->stopping || switching)
        return;
    for (size_t i = 0; i < n->npools; i++) {
        struct pool *p = n->pools[i];
        while (p->first && p->active < p->limit) {
            struct lane *l = p->first;
            p->first = l->rnext;
            if (!p->first)
                p->last = NULL;
            l->queued = false;
            l->rnext = NULL;
            attempt_start(n, l);
        }
    }
}

/* Lanes whose retry time has come go back to their pools. */
static int64_t wake_sleepers(struct pvs_notifier *n) {
    int64_t now = pvs_clock_now_ms(), next = INT64_MAX;

    for (size_t i = 0; i < n->nsleepers;) {
        struct lane *l = n->sleepers[i];
        if (l->head->next_ms <= now) {
            n->sleepers[i] = n->sleepers[--n->nsleepers];
            l->sleeping = false;
            pool_enqueue(l);
            continue;
        }
        if (l->head->next_ms < next)
            next = l->head->next_ms;
        i++;
    }
    return next;
}

/*
 * The SMTP server's health, from each attempt: down when it did not
 * answer at all (refused, unreachable, timed out), up when it answered
 * anything, even a refusal of one message. Logged once each way.
 */
static void smtp_seen(struct pvs_notifier *n, struct xfer *x, CURLcode cc,
                      const char *err) {
    long code = 0;
    bool up;
    const char *url = n->cfg->smtp ? n->cfg->smtp->url : "";

    curl_easy_getinfo(x->t.easy, CURLINFO_RESPONSE_CODE, &code);
    up = cc == CURLE_OK || code > 0;
    if (up == !atomic_load(&n->smtp_down))
        return;
    atomic_store(&n->smtp_down, !up);
    if (up)
        pvs_info("smtp server '%s' answers again", url);
    else
        pvs_warn("smtp server '%s' is down: %s", url, err);
}

/* Judge and book every finished transfer. */
static void collect(struct pvs_notifier *n) {
    CURLMsg *msg;
    int left;

    while ((msg = curl_multi_info_read(n->multi, &left))) {
        struct xfer *x = NULL;
        struct lane *l;
        char err[512] = "";
        bool permanent = false;
        enum pvs_err rc;
        CURL *easy = msg->easy_handle;
        CURLcode cc = msg->data.result;

        if (msg->msg != CURLMSG_DONE)
            continue;
        curl_easy_getinfo(easy, CURLINFO_PRIVATE, (char **)&x);
        curl_multi_remove_handle(n->multi, easy);
        l = x->lane;
        xfer_unlink(n, x);
        rc = channel_types[l->chan]->finish(n->ctx[l->chan], l->head, &x->t, cc,
                                            err, sizeof(err), &permanent);
        if (channel_types[l->chan] == &pvs_channel_email)
            smtp_seen(n, x, cc, err);
        xfer_free(x);
        l->running = false;
        l->pool->active--;
        n->inflight--;
        if (n->stopping && rc) {
            /* No retry now: it stays pending for the next start. */
            report(n, l->head, false, permanent, err);
            continue;
        }
        attempt_done(n, l, rc, err, sizeof(err), permanent);
    }
}

/* Move what was submitted into the lanes; false once the queue closed. */
static bool take_jobs(struct pvs_notifier *n) {
    void *batch[BATCH];
    size_t got;

    do {
        got = pvs_queue_pop_batch(n->jobs, batch, BATCH, 0);
        for (size_t i = 0; i < got; i++) {
            if (pvs_queue_closed(n->jobs))
                pvs_job_free(batch[i]);
            else
                job_add(n, batch[i]);
        }
    } while (got == BATCH);
    return !pvs_queue_closed(n->jobs);
}

/*
 * Stopping: transfers in flight get PVS_NOTIFIER_GRACE_MS of real time to
 * end (and are reported); the rest are cut off unreported, so their rows
 * stay pending and are sent again, with the same idempotency key, after
 * the next start.
 */
static void drain(struct pvs_notifier *n) {
    int64_t end = pvs_clock_mono_ms() + PVS_NOTIFIER_GRACE_MS;
    int still = 0;

    n->stopping = true;
    while (n->inflight && pvs_clock_mono_ms() < end) {
        curl_multi_perform(n->multi, &still);
        collect(n);
        if (n->inflight)
            curl_multi_poll(n->multi, NULL, 0, 100, NULL);
    }
    if (n->inflight)
        pvs_warn("stopping: %zu transfer(s) cut off; they stay pending and "
                 "are sent again after the next start",
                 n->inflight);
}

/*
 * Every lane to its pool under the channels' new settings (a pool's name
 * is the old context's): due lanes keep their order.
 */
static void pools_rebuild(struct pvs_notifier *n) {
    struct pool **old = n->pools;
    size_t nold = n->npools;

    n->pools = NULL;
    n->npools = 0;
    for (size_t i = 0; i < nold; i++) {
        struct lane *l = old[i]->first;
        while (l) {
            struct lane *next = l->rnext;
            l->queued = false;
            l->rnext = NULL;
            l->pool = pool_of(n, l->chan, l->head);
            pool_enqueue(l);
            l = next;
        }
        pvs_free(old[i]);
    }
    pvs_free(old);
    for (size_t i = 0; i < n->nsleepers; i++)
        n->sleepers[i]->pool =
            pool_of(n, n->sleepers[i]->chan, n->sleepers[i]->head);
}

/*
 * New settings wait (dispatch starts nothing) until the transfers under
 * way ended: they use the channels' contexts. Then the channels are set
 * up from the new configuration; the jobs stay in their lanes.
 */
static void maybe_switch(struct pvs_notifier *n) {
    void *old[NCHANNELS];
    const struct pvs_config *next;

    /* Held throughout, so that main frees neither configuration. */
    pthread_mutex_lock(&n->cfg_lock);
    next = n->next_cfg;
    if (!next || n->inflight) {
        pthread_mutex_unlock(&n->cfg_lock);
        return;
    }
    for (size_t i = 0; i < NCHANNELS; i++) {
        old[i] = n->ctx[i];
        n->ctx[i] =
            channel_types[i]->init ? channel_types[i]->init(next) : NULL;
    }
    pools_rebuild(n);
    /* Another server: not known to be down. */
    if (!n->cfg->smtp || !next->smtp ||
        strcmp(n->cfg->smtp->url, next->smtp->url))
        atomic_store(&n->smtp_down, false);
    for (size_t i = 0; i < NCHANNELS; i++)
        if (channel_types[i]->release)
            channel_types[i]->release(old[i]);
    n->cfg = next;
    n->next_cfg = NULL;
    pthread_mutex_unlock(&n->cfg_lock);
    pvs_info("delivering with the new [smtp], [sms] and webhook settings "
             "(%zu message%s waiting)",
             n->njobs, n->njobs == 1 ? "" : "s");
}

void pvs_notifier_set_config(struct pvs_notifier *n,
                             const struct pvs_config *cfg) {
    pthread_mutex_lock(&n->cfg_lock);
    if (n->running)
        n->next_cfg = cfg;
    else
        n->cfg = cfg;
    pthread_mutex_unlock(&n->cfg_lock);
    curl_multi_wakeup(n->multi);
}

void pvs_notifier_down(struct pvs_notifier *n, struct pvs_buf *out) {
    if (!n || !atomic_load(&n->smtp_down))
        return;
    pthread_mutex_lock(&n->cfg_lock);
    if (n->cfg->smtp)
        pvs_buf_printf(out, "smtp %s\n", n->cfg->smtp->url);
    pthread_mutex_unlock(&n->cfg_lock);
}

bool pvs_notifier_uses(struct pvs_notifier *n, const struct pvs_config *cfg) {
    bool uses;

    if (!n)
        return false;
    pthread_mutex_lock(&n->cfg_lock);
    uses = cfg == n->cfg || cfg == n->next_cfg;
    pthread_mutex_unlock(&n->cfg_lock);
    return uses;
}

static void *notifier_main(void *arg) {
    struct pvs_notifier *n = arg;
    int still = 0;

    while (take_jobs(n)) {
        int64_t next;
        long wait_ms = 1000;

        curl_multi_perform(n->multi, &still);
        collect(n);
        maybe_switch(n);
        next = wake_sleepers(n);
        /* New handles make curl's own timeout 0: the poll returns at once
         * and the next perform starts them. */
        dispatch(n);
        if (next != INT64_MAX) {
            int64_t real = pvs_clock_real_ms(next - pvs_clock_now_ms());
            wait_ms = real < 1 ? 1 : real < 1000 ? (long)real : 1000;
        }
        /* curl shortens the wait when a transfer needs it sooner. */
        curl_multi_poll(n->multi, NULL, 0, (int)wait_ms, NULL);
    }
    drain(n);
    return NULL;
}

enum pvs_err pvs_notifier_start(struct pvs_notifier *n) {
    for (size_t i = 0; i < NCHANNELS; i++)
        n->ctx[i] =
            channel_types[i]->init ? channel_types[i]->init(n->cfg) : NULL;
    if (pthread_create(&n->thread, NULL, notifier_main, n)) {
        pvs_error("cannot start the notifier thread");
        return PVS_ERR_IO;
    }
    n->running = true;
    return PVS_OK;
}

/* After the thread ended: whatever it still held. */
static void forget_all(struct pvs_notifier *n) {
    /* Transfers cut off at the stop. */
    while (n->xfers) {
        struct xfer *x = n->xfers;
        xfer_unlink(n, x);
        curl_multi_remove_handle(n->multi, x->t.easy);
        xfer_free(x);
    }
    for (size_t b = 0; b < NBUCKETS; b++) {
        while (n->buckets[b]) {
            struct lane *l = n->buckets[b];
            n->buckets[b] = l->hnext;
            while (l->head) {
                struct pvs_job *j = l->head;
                l->head = j->next;
                pvs_job_free(j);
            }
            pvs_free(l->key);
            pvs_free(l);
        }
    }
    for (size_t i = 0; i < n->npools; i++)
        pvs_free(n->pools[i]);
    PVS_FREE(n->pools);
    n->npools = 0;
    PVS_FREE(n->sleepers);
    n->nsleepers = n->sleepers_cap = 0;
    n->njobs = n->inflight = 0;
}

void pvs_notifier_stop(struct pvs_notifier *n) {
    if (!n || !n->running)
        return;
    pvs_queue_close(n->jobs);
    curl_multi_wakeup(n->multi);
    pthread_join(n->thread, NULL);
    n->running = false;
    forget_all(n);
    pthread_mutex_lock(&n->cfg_lock);
    if (n->next_cfg)
        n->cfg = n->next_cfg;
    n->next_cfg = NULL;
    pthread_mutex_unlock(&n->cfg_lock);
    for (size_t i = 0; i < NCHANNELS; i++) {
        if (channel_types[i]->release)
            channel_types[i]->release(n->ctx[i]);
        n->ctx[i] = NULL;
    }
}

void pvs_notifier_free(struct pvs_notifier *n) {
    if (!n)
        return;
    pvs_notifier_stop(n);
    pvs_queue_free(n->jobs);
    curl_multi_cleanup(n->multi);
    pthread_mutex_destroy(&n->cfg_lock);
    pvs_free(n);
}
