/* SPDX-License-Identifier: MIT */
/*
 * poller.c - Modbus polling: one thread and one libmodbus context per
 * [endpoint], a min-heap of next-due polls per thread, samples pushed to
 * the engine inbox.
 *
 * DESIGN
 * - A thread owns its endpoint's connection and every device behind it, so
 *   a context never sees two requests at once (a gateway or an RS-485 bus
 *   is one conversation) and no device state is shared between threads.
 * - A failing device costs at most one timeout per poll: discovery, the
 *   SunSpec refresh and the register-map poll all stop at the first read
 *   that fails. Its interval doubles per failure up to the endpoint's
 *   backoff_max, so a dead unit on a gateway does not slow its siblings.
 * - "Offline" is declared after offline_after failed polls, logged once
 *   and sent to the engine once; recovery likewise.
 * - The endpoint itself (the gateway, the link) is down when it refuses
 *   connections or cannot be reached, at once, or when nothing behind it
 *   answered max(offline_after, devices) polls in a row (timeouts, Modbus
 *   exceptions): one dead unit among live ones is the unit's problem, not
 *   the link's. The reason is named, logged once each way and counted.
 * - A pause, a stop or an endpoint that goes never waits for a device
 *   that does not answer: the connection's waits look at the endpoint's
 *   halt flag, and the poll cut short is neither a failure nor a sample;
 *   it runs again after the pause.
 * - Pushes to a full inbox give up on a stop or when the endpoint goes
 *   (the engine may have stopped draining it).
 * - SunSpec discovery is cached per device and redone after an exception,
 *   when a model's ID/L no longer match (a replaced or re-flashed device),
 *   after the device was offline, and every hour. Every discovery sends
 *   DEVICE_INFO with the common model's serial number, so the engine can
 *   record a device replacement.
 * - Intervals are clock time (the simulated clock may run faster); waits
 *   are real monotonic time.
 * - Waking a thread costs more CPU than a Modbus read on loopback, so the
 *   thread wakes once for the polls due within a small slack, and samples
 *   of several polls travel to the engine in one message (at most
 *   BATCH_MS late); a message is pushed at once when the thread would
 *   otherwise sleep past that.
 */
#define PVS_LOG_MODULE "poller"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "pvs/clock.h"
#include "pvs/log.h"
#include "pvs/modbus_conn.h"
#include "pvs/modbus_map.h"
#include "pvs/msg.h"
#include "pvs/poller.h"
#include "pvs/stats.h"
#include "pvs/sunspec.h"

#define PUSH_TIMEOUT_MS 1000
#define MIN_WAIT_MS 5
/* Samples of several polls travel in one message, at most this late. */
#define BATCH_MS 100
#define BATCH_SAMPLES 512
/* A poll may run this early (interval / 16, at most 50 ms) so that polls
 * due close together share one wake-up. */
#define SLACK_DIV 16
#define SLACK_MAX_MS 50
/*
 * Discovery (and the serial number) is refreshed this often, clock time,
 * so a swapped device with the same layout is still noticed.
 */
#define REDISCOVER_MS (3600 * 1000)

struct pdev {
    const struct pvs_device *cfg;
    struct endpoint *ep;
    int unit;
    struct pvs_modbus_map *map; /* NULL: SunSpec */
    struct pvs_ss_device *ss;   /* discovery cache */
    int64_t discovered_ms;      /* clock time of the last discovery */
    int64_t interval_ms;        /* real ms */
    int64_t due_ms;             /* monotonic */
    unsigned failures;
    bool offline;
    struct pvs_complaint offline_c;
    struct pvs_complaint slow_c;
    struct pvs_complaint nomarker_c;
};

struct endpoint {
    struct pvs_poller *p;
    const struct pvs_endpoint *cfg;
    struct pvs_modbus_conn *conn;
    struct pdev **devs;
    size_t ndevs;
    /* min-heap of devices by due_ms */
    struct pdev **heap;
    size_t nheap;
    pthread_t thread;
    bool started;
    bool quit; /* under p->lock: this endpoint goes (pvs_poller_update) */
    /* set by other threads: a pause, stop or quit cuts waits short
     * (halt), a stop or quit gives up pushes (ending) */
    atomic_bool halt, ending;
    unsigned fails; /* polls failed in a row, every device counted */
    /* for other threads (pvs_poller_down): why the link is down (enum
     * link, LINK_UP when it is not), and whether it was tried once */
    atomic_int down;
    atomic_bool tried;
    bool late; /* polls run an interval or more behind time (our fault) */
    struct pvs_complaint link_c;
    struct pvs_msg *batch; /* samples waiting to be pushed, or NULL */
    int64_t batch_since;   /* monotonic ms of its first sample */
};

struct pvs_poller {
    const struct pvs_config *cfg;
    struct pvs_queue *inbox;
    struct endpoint **eps;
    size_t neps;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool stop;
    bool pause;     /* threads hold at their next safe point */
    size_t npaused; /* threads holding */
    atomic_uint_fast64_t polls, reads, failed, dropped, samples, cpu_ns;
};

/* Why an endpoint's link is down; the words /healthz and the log use. */
enum link {
    LINK_UP,
    LINK_REFUSED,
    LINK_UNREACHABLE,
    LINK_TIMEOUT,
    LINK_EXCEPTION,
    LINK_ERROR,
};

static const char *const link_names[] = {
    "up", "refused", "unreachable", "timeout", "exception", "error",
};

static const enum pvs_stat link_stats[] = {
    PVS_STAT__COUNT,
    PVS_STAT_MODBUS_DOWN_REFUSED,
    PVS_STAT_MODBUS_DOWN_UNREACHABLE,
    PVS_STAT_MODBUS_DOWN_TIMEOUT,
    PVS_STAT_MODBUS_DOWN_EXCEPTION,
    PVS_STAT_MODBUS_DOWN_ERROR,
};

/* ---- heap ---- */

static void heap_swap(struct pdev **h, size_t a, size_t b) {
    struct pdev *t = h[a];
    h[a] = h[b];
    h[b] = t;
}

static void heap_push(struct endpoint *ep, struct pdev *d) {
    size_t i = ep->nheap++;

    ep->heap[i] = d;
    while (i > 0 && ep->heap[(i - 1) / 2]->due_ms > ep->heap[i]->due_ms) {
        heap_swap(ep->heap, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

static struct pdev *heap_pop(struct endpoint *ep) {
    struct pdev *top = ep->heap[0];
    size_t i = 0;

    ep->heap[0] = ep->heap[--ep->nheap];
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < ep->nheap && ep->heap[l]->due_ms < ep->heap[m]->due_ms)
            m = l;
        if (r < ep->nheap && ep->heap[r]->due_ms < ep->heap[m]->due_ms)
            m = r;
        if (m == i)
            break;
        heap_swap(ep->heap, i, m);
        i = m;
    }
    return top;
}

/* ---- messages ---- */

/* Hand m (owned) to the engine; given up on a stop or a quit, when
 * nobody may drain the inbox any more. */
static void push(struct endpoint *ep, struct pvs_msg *m) {
    if (pvs_queue_push_unless(ep->p->inbox, m, PUSH_TIMEOUT_MS, &ep->ending)) {
        /* Still ours: the engine is behind or gone. */
        atomic_fetch_add(&ep->p->dropped, 1);
        pvs_msg_free(m);
    }
}

/* Push the pending samples of ep, if any. */
static void flush(struct endpoint *ep) {
    if (ep->batch) {
        push(ep, ep->batch);
        ep->batch = NULL;
    }
}

/* Queue msg's samples on ep's batch; msg is consumed. */
static void batch_add(struct endpoint *ep, struct pvs_msg *msg) {
    if (ep->batch && ep->batch->nsamples + msg->nsamples > BATCH_SAMPLES)
        flush(ep);
    if (msg->nsamples > BATCH_SAMPLES) {
        push(ep, msg);
        return;
    }
    if (!ep->batch) {
        /* Allocated for BATCH_SAMPLES; nsamples counts those in use. */
        ep->batch = pvs_msg_new(PVS_MSG_SAMPLES, BATCH_SAMPLES);
        ep->batch->nsamples = 0;
        ep->batch->ts_ms = msg->ts_ms;
        ep->batch_since = pvs_clock_mono_ms();
    }
    memcpy(ep->batch->samples + ep->batch->nsamples, msg->samples,
           msg->nsamples * sizeof(struct pvs_sample));
    ep->batch->nsamples += msg->nsamples;
    pvs_msg_free(msg);
}

static void send_status(struct pdev *d, bool healthy, const char *why) {
    struct pvs_msg *m = pvs_msg_new(PVS_MSG_DEVICE_STATUS, 0);

    flush(d->ep); /* samples first: they are older than the status */
    m->dev = (uint32_t)d->cfg->index;
    m->ts_ms = pvs_clock_now_ms();
    m->healthy = healthy;
    pvs_snprintf(m->source, sizeof(m->source), "endpoint:%s",
                 d->ep->cfg->obj.id);
    pvs_strlcpy(m->error, why ? why : "", sizeof(m->error));
    push(d->ep, m);
}

static void send_link(struct endpoint *ep, bool healthy) {
    struct pvs_msg *m = pvs_msg_new(PVS_MSG_SOURCE_HEALTH, 0);

    flush(ep);
    m->ts_ms = pvs_clock_now_ms();
    m->healthy = healthy;
    pvs_snprintf(m->source, sizeof(m->source), "endpoint:%s", ep->cfg->obj.id);
    push(ep, m);
}

/*
 * This thread runs behind time (a starved CPU): the gaps in its devices'
 * data are pvsentry's, not theirs, and the engine is told so, once each
 * way.
 */
static void send_late(struct endpoint *ep, bool late, int64_t by_ms) {
    struct pvs_msg *m = pvs_msg_new(PVS_MSG_SOURCE_HEALTH, 0);

    if (late)
        pvs_warn("polling of endpoint '%s' runs %lld ms behind time (the "
                 "machine is busy): its devices' gaps are not theirs",
                 ep->cfg->obj.id, (long long)by_ms);
    else
        pvs_info("polling of endpoint '%s' is on time again", ep->cfg->obj.id);
    ep->late = late;
    flush(ep);
    m->ts_ms = pvs_clock_now_ms();
    m->healthy = !late;
    pvs_snprintf(m->source, sizeof(m->source), "late:%s", ep->cfg->obj.id);
    push(ep, m);
}

static void send_info(struct pdev *d) {
    struct pvs_msg *m = pvs_msg_new(PVS_MSG_DEVICE_INFO, 0);

    flush(d->ep);
    m->dev = (uint32_t)d->cfg->index;
    m->ts_ms = pvs_clock_now_ms();
    pvs_strlcpy(m->serial, d->ss->serial, sizeof(m->serial));
    pvs_strlcpy(m->manufacturer, d->ss->manufacturer, sizeof(m->manufacturer));
    pvs_strlcpy(m->model, d->ss->model, sizeof(m->model));
    push(d->ep, m);
}

/* ---- reads ---- */

static enum pvs_err ss_read(void *ctx, uint32_t addr, uint16_t n,
                            uint16_t *out) {
    struct pdev *d = ctx;

    atomic_fetch_add(&d->ep->p->reads, 1);
    return pvs_modbus_conn_read(d->ep->conn, d->unit, false, addr, n, out);
}

static enum pvs_err map_read(void *ctx, bool input, uint32_t addr, uint16_t n,
                             uint16_t *out) {
    struct pdev *d = ctx;

    atomic_fetch_add(&d->ep->p->reads, 1);
    return pvs_modbus_conn_read(d->ep->conn, d->unit, input, addr, n, out);
}

static void log_discovery(struct pdev *d) {
    const struct pvs_ss_device *ss = d->ss;
    char mn[PVS_ESC_SIZE], md[PVS_ESC_SIZE], sn[PVS_ESC_SIZE];

    /* What a device says about itself is outside text. */
    pvs_info("device '%s' (unit %d on %s): SunSpec base %u, %zu models, "
             "'%s' '%s' serial '%s'",
             d->cfg->obj.id, d->unit, pvs_modbus_conn_name(d->ep->conn),
             (unsigned)ss->base, ss->nmodels,
             pvs_esc(ss->manufacturer, mn, sizeof(mn)),
             pvs_esc(ss->model, md, sizeof(md)),
             pvs_esc(ss->serial, sn, sizeof(sn)));
    for (unsigned b = 0; b < PVS_SSQ__COUNT; b++)
        if (ss->quirks & (1u << b))
            pvs_warn("device '%s': %s", d->cfg->obj.id,
                     pvs_sunspec_quirk_text(b));
}

static enum pvs_err discover(struct pdev *d) {
    enum pvs_err rc;

    pvs_sunspec_device_free(d->ss);
    d->ss = NULL;
    rc = pvs_sunspec_discover(ss_read, d, &d->ss);
    if (rc == PVS_ERR_NOTFOUND)
        pvs_complain(&d->nomarker_c, PVS_LOG_ERROR,
                     "device '%s' (unit %d on %s) has no SunSpec marker at "
                     "40000, 0 or 50000: give it a register map profile",
                     d->cfg->obj.id, d->unit,
                     pvs_modbus_conn_name(d->ep->conn));
    if (rc)
        goto out;
    d->discovered_ms = pvs_clock_now_ms();
    log_discovery(d);
    send_info(d);
out:
    return rc;
}

static enum pvs_err poll_sunspec(struct pdev *d, struct pvs_msg **ret) {
    struct pvs_ss_metric m[PVS_SS_MAX_BINDINGS];
    struct pvs_msg *msg;
    enum pvs_err rc = PVS_OK;
    unsigned quirks;
    size_t n;

    if (d->ss && pvs_clock_now_ms() - d->discovered_ms >= REDISCOVER_MS) {
        pvs_sunspec_device_free(d->ss);
        d->ss = NULL;
    }
    if (!d->ss) {
        rc = discover(d);
    } else {
        rc = pvs_sunspec_refresh(d->ss, ss_read, d);
        if (rc == PVS_ERR_NOTFOUND) {
            pvs_info("device '%s': SunSpec layout changed, discovering "
                     "again",
                     d->cfg->obj.id);
            rc = discover(d);
        } else if (rc == PVS_ERR_PROTO) {
            /* An exception where registers used to be: the map moved. */
            pvs_sunspec_device_free(d->ss);
            d->ss = NULL;
        }
    }
    if (rc)
        goto out;
    quirks = d->ss->quirks;
    n = pvs_sunspec_metrics(d->ss, m, PVS_ARRAY_LEN(m));
    for (unsigned b = 0; b < PVS_SSQ__COUNT; b++)
        if ((d->ss->quirks & ~quirks) & (1u << b))
            pvs_warn("device '%s': %s", d->cfg->obj.id,
                     pvs_sunspec_quirk_text(b));
    msg = pvs_msg_new(PVS_MSG_SAMPLES, n);
    for (size_t i = 0; i < n; i++) {
        struct pvs_sample *s = &msg->samples[i];
        s->metric = m[i].metric;
        s->idx = m[i].idx;
        s->value = m[i].value;
        s->quality = m[i].quality;
    }
    *ret = msg;
out:
    return rc;
}

static enum pvs_err poll_map(struct pdev *d, struct pvs_msg **ret) {
    struct pvs_msg *msg =
        pvs_msg_new(PVS_MSG_SAMPLES, pvs_modbus_map_size(d->map));
    enum pvs_err rc;

    rc = pvs_modbus_map_poll(d->map, map_read, d, msg->samples);
    if (rc) {
        pvs_msg_free(msg);
        goto out;
    }
    *ret = msg;
out:
    return rc;
}

/* Why a poll that failed with rc on ep failed, as a link would. */
static enum link link_reason(const struct endpoint *ep, enum pvs_err rc) {
    int err = pvs_modbus_conn_errno(ep->conn);

    if (rc == PVS_ERR_PROTO)
        return LINK_EXCEPTION;
    if (rc == PVS_ERR_TIMEOUT)
        return LINK_TIMEOUT;
    if (err == ECONNREFUSED)
        return LINK_REFUSED;
    if (err == EHOSTUNREACH || err == ENETUNREACH || err == EHOSTDOWN ||
        err == ENETDOWN)
        return LINK_UNREACHABLE;
    return LINK_ERROR;
}

/*
 * The gateway's link after a poll (see the top): down at once when it
 * refuses connections or cannot be reached, after max(offline_after,
 * devices) failed polls in a row otherwise; back with the first good
 * poll. Logged, counted and sent once each way; a down link that fails
 * for another reason says so in /healthz only.
 */
static void link_seen(struct endpoint *ep, enum pvs_err rc, const char *err) {
    enum link was = (enum link)atomic_load(&ep->down), why;
    unsigned enough = (unsigned)ep->cfg->offline_after;

    if (!rc) {
        ep->fails = 0;
        if (was == LINK_UP)
            return;
        atomic_store(&ep->down, LINK_UP);
        pvs_complain_release(&ep->link_c, "endpoint '%s' (%s) is back",
                             ep->cfg->obj.id, pvs_modbus_conn_name(ep->conn));
        send_link(ep, true);
        return;
    }
    ep->fails++;
    why = link_reason(ep, rc);
    if (was != LINK_UP) {
        atomic_store(&ep->down, why);
        return;
    }
    if (enough < ep->ndevs)
        enough = (unsigned)ep->ndevs;
    if (ep->fails < enough &&
        !((why == LINK_REFUSED || why == LINK_UNREACHABLE) &&
          !pvs_modbus_conn_connected(ep->conn)))
        return;
    atomic_store(&ep->down, why);
    pvs_stats_add(link_stats[why], 1);
    if (why == LINK_REFUSED || why == LINK_UNREACHABLE)
        pvs_complain(&ep->link_c, PVS_LOG_WARN,
                     "endpoint '%s' (%s) is down (%s): %s", ep->cfg->obj.id,
                     pvs_modbus_conn_name(ep->conn), link_names[why], err);
    else
        pvs_complain(&ep->link_c, PVS_LOG_WARN,
                     "endpoint '%s' (%s) is down (%s): %u polls in a row "
                     "failed, the last with: %s",
                     ep->cfg->obj.id, pvs_modbus_conn_name(ep->conn),
                     link_names[why], ep->fails, err);
    send_link(ep, false);
}

/* A good poll of d: its samples (msg, taken) go, and d is back. */
static void poll_ok(struct pdev *d, struct pvs_msg *msg) {
    struct endpoint *ep = d->ep;
    int64_t ts = pvs_clock_now_ms();

    for (size_t i = 0; i < msg->nsamples; i++) {
        msg->samples[i].dev = (uint32_t)d->cfg->index;
        msg->samples[i].ts_ms = ts;
    }
    msg->dev = (uint32_t)d->cfg->index;
    msg->ts_ms = ts;
    atomic_fetch_add(&ep->p->samples, msg->nsamples);
    pvs_stats_add(PVS_STAT_POLLS_OK, 1);
    batch_add(ep, msg);
    if (d->offline) {
        pvs_complain_release(
            &d->offline_c, "device '%s' (unit %d on %s) is back online",
            d->cfg->obj.id, d->unit, pvs_modbus_conn_name(ep->conn));
        send_status(d, true, NULL);
        d->offline = false;
    }
    d->failures = 0;
    link_seen(ep, PVS_OK, NULL);
}

/* A poll of d that failed with rc. */
static void poll_failed(struct pdev *d, enum pvs_err rc) {
    struct endpoint *ep = d->ep;
    char err[128];

    atomic_fetch_add(&ep->p->failed, 1);
    pvs_stats_add(PVS_STAT_POLLS_FAILED, 1);
    pvs_modbus_conn_error(ep->conn, err, sizeof(err));
    d->failures++;
    if (!d->offline && d->failures >= (unsigned)ep->cfg->offline_after) {
        d->offline = true;
        pvs_complain(&d->offline_c, PVS_LOG_WARN,
                     "device '%s' (unit %d on %s) is offline after %u "
                     "failed polls: %s",
                     d->cfg->obj.id, d->unit, pvs_modbus_conn_name(ep->conn),
                     d->failures, err);
        send_status(d, false, err);
        /* It may come back as another device (a replacement): read
         * its layout and serial number again then. */
        pvs_sunspec_device_free(d->ss);
        d->ss = NULL;
    }
    link_seen(ep, rc, err);
}

static void poll_device(struct pdev *d) {
    struct endpoint *ep = d->ep;
    struct pvs_msg *msg = NULL;
    int64_t t0 = pvs_clock_mono_ms(), took, next;
    enum pvs_err rc;

    atomic_fetch_add(&ep->p->polls, 1);
    rc = d->map ? poll_map(d, &msg) : poll_sunspec(d, &msg);
    took = pvs_clock_mono_ms() - t0;
    if (rc == PVS_ERR_CLOSED) {
        /* Cut short by a pause or a stop: neither the device's failure
         * nor a poll; it runs again once the thread goes on. */
        d->due_ms = pvs_clock_mono_ms();
        return;
    }
    if (!rc) {
        poll_ok(d, msg);
        msg = NULL;
    } else {
        poll_failed(d, rc);
    }
    atomic_store(&ep->tried, true);
    if (took > d->interval_ms)
        pvs_complain(&d->slow_c, PVS_LOG_WARN,
                     "polling device '%s' took %lld ms, longer than its "
                     "interval: raise its interval or lower the timeout of "
                     "endpoint '%s'",
                     d->cfg->obj.id, (long long)took, ep->cfg->obj.id);
    /* Exponential backoff while failing, capped by backoff_max. */
    next = d->interval_ms;
    for (unsigned i = 0; i < d->failures && next < ep->cfg->backoff_max_ms; i++)
        next *= 2;
    if (d->failures && next > ep->cfg->backoff_max_ms)
        next = ep->cfg->backoff_max_ms;
    d->due_ms += next;
    /* Never try to catch up on missed polls: schedule from now. */
    if (d->due_ms < pvs_clock_mono_ms())
        d->due_ms = pvs_clock_mono_ms() + (d->failures ? next : 0);
    pvs_msg_free(msg);
}

/* ---- threads ---- */

/* Sleep until due_ms (monotonic), a stop, a quit or a pause. */
static void wait_until(struct endpoint *ep, int64_t due_ms) {
    struct pvs_poller *p = ep->p;

    pthread_mutex_lock(&p->lock);
    while (!p->stop && !ep->quit && !p->pause) {
        int64_t now = pvs_clock_mono_ms();
        struct timespec ts;
        if (now >= due_ms)
            break;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        ts.tv_sec += (due_ms - now) / 1000;
        ts.tv_nsec += ((due_ms - now) % 1000) * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&p->cond, &p->lock, &ts);
    }
    pthread_mutex_unlock(&p->lock);
}

/*
 * The safe point between two polls: while the poller is paused (a
 * configuration switch), the thread pushes what it holds and waits.
 * Whether it goes on (false: stop, or its endpoint goes).
 */
static bool hold(struct endpoint *ep) {
    struct pvs_poller *p = ep->p;
    bool go;

    pthread_mutex_lock(&p->lock);
    if (p->pause && !p->stop && !ep->quit) {
        pthread_mutex_unlock(&p->lock);
        /* Its device indices are the running configuration's. */
        flush(ep);
        pthread_mutex_lock(&p->lock);
        p->npaused++;
        pthread_cond_broadcast(&p->cond);
        while (p->pause && !p->stop && !ep->quit)
            pthread_cond_wait(&p->cond, &p->lock);
        p->npaused--;
    }
    go = !p->stop && !ep->quit;
    pthread_mutex_unlock(&p->lock);
    return go;
}

static void *endpoint_main(void *arg) {
    struct endpoint *ep = arg;

    while (ep->nheap > 0 && hold(ep)) {
        struct pdev *d = ep->heap[0];
        int64_t now = pvs_clock_mono_ms();
        int64_t slack = d->interval_ms / SLACK_DIV;
        int64_t wake;

        if (slack > SLACK_MAX_MS)
            slack = SLACK_MAX_MS;
        wake = d->due_ms - slack;
        if (wake > now) {
            /* About to sleep: push the batch now unless it may wait. */
            if (ep->batch) {
                int64_t deadline = ep->batch_since + BATCH_MS;
                if (deadline <= now || deadline < wake)
                    flush(ep);
            }
            wait_until(ep, wake);
            continue;
        }
        d = heap_pop(ep);
        /* A full interval behind: the poll is late, not the device. */
        if (!ep->late && now - d->due_ms >= d->interval_ms)
            send_late(ep, true, now - d->due_ms);
        else if (ep->late && now - d->due_ms < d->interval_ms / 2)
            send_late(ep, false, 0);
        poll_device(d);
        heap_push(ep, d);
    }
    if (ep->late)
        send_late(ep, false, 0);
    flush(ep);
    pvs_modbus_conn_close(ep->conn);
    {
        struct timespec ts;
        if (!clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts))
            atomic_fetch_add(&ep->p->cpu_ns, (uint64_t)ts.tv_sec * 1000000000u +
                                                 (uint64_t)ts.tv_nsec);
    }
    return NULL;
}

/* ---- endpoints ---- */

static size_t devices_on(const struct pvs_config *cfg,
                         const struct pvs_endpoint *ec) {
    size_t n = 0;

    for (size_t k = 0; k < cfg->ndevices; k++)
        n += cfg->devices[k]->endpoint == ec;
    return n;
}

/* The register map of device d (NULL for SunSpec), built from cfg. */
static enum pvs_err device_map(const struct pvs_config *cfg,
                               const struct pvs_device *dc,
                               struct pvs_modbus_map **ret) {
    enum pvs_err rc = PVS_OK;

    *ret = NULL;
    if (strcmp(dc->profile, "sunspec")) {
        rc = pvs_modbus_map_new(cfg, dc->profile, ret);
        if (rc) {
            pvs_error("%s:%d: device '%s': cannot use map '%s'", dc->obj.file,
                      dc->obj.line, dc->obj.id, dc->profile);
            rc = PVS_ERR_CONFIG;
        }
    }
    return rc;
}

static void endpoint_free(struct endpoint *ep) {
    if (!ep)
        return;
    for (size_t k = 0; k < ep->ndevs; k++) {
        pvs_sunspec_device_free(ep->devs[k]->ss);
        pvs_modbus_map_free(ep->devs[k]->map);
        pvs_free(ep->devs[k]);
    }
    pvs_free(ep->devs);
    pvs_free(ep->heap);
    pvs_modbus_conn_free(ep->conn);
    pvs_msg_free(ep->batch);
    pvs_free(ep);
}

/* The endpoint ec of cfg with its devices (n of them), not started. */
static enum pvs_err endpoint_new(struct pvs_poller *p,
                                 const struct pvs_config *cfg,
                                 const struct pvs_endpoint *ec, size_t n,
                                 struct endpoint **ret) {
    struct endpoint *ep = pvs_calloc(1, sizeof(*ep));
    struct pvs_modbus_url url;
    char msg[256];
    enum pvs_err rc;

    ep->p = p;
    ep->cfg = ec;
    ep->devs = pvs_calloc(n, sizeof(*ep->devs));
    ep->heap = pvs_calloc(n, sizeof(*ep->heap));
    atomic_init(&ep->halt, false);
    atomic_init(&ep->ending, false);
    atomic_init(&ep->down, LINK_UP);
    rc = pvs_modbus_url_from_endpoint(ec, &url, msg, sizeof(msg));
    if (!rc)
        rc = pvs_modbus_conn_new(&url, &ep->conn);
    if (!rc)
        pvs_modbus_conn_set_cancel(ep->conn, &ep->halt);
    if (rc) {
        pvs_error("%s:%d: endpoint '%s': %s", ec->obj.file, ec->obj.line,
                  ec->obj.id, msg);
        rc = PVS_ERR_CONFIG;
        goto out;
    }
    for (size_t k = 0; k < cfg->ndevices; k++) {
        const struct pvs_device *dc = cfg->devices[k];
        struct pdev *d;
        if (dc->endpoint != ec)
            continue;
        d = pvs_calloc(1, sizeof(*d));
        ep->devs[ep->ndevs++] = d;
        d->cfg = dc;
        d->ep = ep;
        d->unit = (int)dc->unit_id;
        d->interval_ms = pvs_clock_real_ms(dc->interval_ms);
        if (d->interval_ms < MIN_WAIT_MS)
            d->interval_ms = MIN_WAIT_MS;
        rc = device_map(cfg, dc, &d->map);
        if (rc)
            goto out;
    }
out:
    if (rc) {
        endpoint_free(ep);
        ep = NULL;
    }
    *ret = ep;
    return rc;
}

static enum pvs_err endpoint_start(struct endpoint *ep, int64_t now) {
    int err;

    /* Spread the first polls over the first interval so a big site
     * does not start with a burst. */
    for (size_t k = 0; k < ep->ndevs; k++) {
        struct pdev *d = ep->devs[k];
        d->due_ms =
            now + (int64_t)(d->interval_ms * (int64_t)k / (int64_t)ep->ndevs);
        heap_push(ep, d);
    }
    err = pthread_create(&ep->thread, NULL, endpoint_main, ep);
    if (err) {
        char buf[64];
        pvs_error("cannot start the poller of endpoint '%s': %s",
                  ep->cfg->obj.id, pvs_strerror(err, buf, sizeof(buf)));
        return PVS_ERR_IO;
    }
    ep->started = true;
    return PVS_OK;
}

/* ---- API ---- */

enum pvs_err pvs_poller_new(const struct pvs_config *cfg,
                            struct pvs_queue *inbox, struct pvs_poller **ret) {
    struct pvs_poller *p = pvs_calloc(1, sizeof(*p));
    struct pvs_cfg_errors errs = {0};
    enum pvs_err rc = PVS_OK;
    pthread_condattr_t ca;

    p->cfg = cfg;
    p->inbox = inbox;
    pthread_mutex_init(&p->lock, NULL);
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&p->cond, &ca);
    pthread_condattr_destroy(&ca);
    if (pvs_modbus_map_check(cfg, &errs)) {
        for (size_t i = 0; i < errs.count; i++)
            pvs_error("%s", errs.msg[i]);
        pvs_cfg_errors_release(&errs);
        rc = PVS_ERR_CONFIG;
        goto out;
    }
    p->eps = pvs_calloc(cfg->nendpoints + 1, sizeof(*p->eps));
    for (size_t i = 0; i < cfg->nendpoints; i++) {
        size_t n = devices_on(cfg, cfg->endpoints[i]);
        if (!n)
            continue;
        rc = endpoint_new(p, cfg, cfg->endpoints[i], n, &p->eps[p->neps]);
        if (rc)
            goto out;
        p->neps++;
    }
out:
    if (rc) {
        pvs_poller_free(p);
        p = NULL;
    }
    *ret = p;
    return rc;
}

enum pvs_err pvs_poller_start(struct pvs_poller *p) {
    enum pvs_err rc = PVS_OK;
    int64_t now = pvs_clock_mono_ms();

    for (size_t i = 0; i < p->neps && !rc; i++)
        rc = endpoint_start(p->eps[i], now);
    if (!rc && p->neps)
        pvs_info("polling %zu endpoint%s", p->neps, p->neps == 1 ? "" : "s");
    if (rc)
        pvs_poller_stop(p);
    return rc;
}

void pvs_poller_stop(struct pvs_poller *p) {
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    p->stop = true;
    pthread_cond_broadcast(&p->cond);
    pthread_mutex_unlock(&p->lock);
    for (size_t i = 0; i < p->neps; i++) {
        atomic_store(&p->eps[i]->ending, true);
        atomic_store(&p->eps[i]->halt, true);
    }
    for (size_t i = 0; i < p->neps; i++) {
        if (p->eps[i]->started)
            pthread_join(p->eps[i]->thread, NULL);
        p->eps[i]->started = false;
    }
}

void pvs_poller_down(struct pvs_poller *p, struct pvs_buf *out) {
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    for (size_t i = 0; i < p->neps; i++) {
        int why = atomic_load(&p->eps[i]->down);
        if (why != LINK_UP)
            pvs_buf_printf(out, "modbus %s (%s)\n",
                           pvs_modbus_conn_name(p->eps[i]->conn),
                           link_names[why]);
    }
    pthread_mutex_unlock(&p->lock);
}

bool pvs_poller_tried(struct pvs_poller *p) {
    bool all = true;

    if (!p)
        return true;
    pthread_mutex_lock(&p->lock);
    for (size_t i = 0; i < p->neps; i++)
        all = all && atomic_load(&p->eps[i]->tried);
    pthread_mutex_unlock(&p->lock);
    return all;
}

void pvs_poller_pause(struct pvs_poller *p) {
    size_t running = 0;

    if (!p)
        return;
    for (size_t i = 0; i < p->neps; i++) {
        running += p->eps[i]->started;
        /* A poll under way gives up its wait (see the top). */
        atomic_store(&p->eps[i]->halt, true);
    }
    pthread_mutex_lock(&p->lock);
    p->pause = true;
    pthread_cond_broadcast(&p->cond);
    while (p->npaused < running && !p->stop)
        pthread_cond_wait(&p->cond, &p->lock);
    pthread_mutex_unlock(&p->lock);
}

void pvs_poller_resume(struct pvs_poller *p) {
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    p->pause = false;
    for (size_t i = 0; i < p->neps && !p->stop; i++)
        atomic_store(&p->eps[i]->halt, false);
    pthread_cond_broadcast(&p->cond);
    pthread_mutex_unlock(&p->lock);
}

/* Whether the maps and registers of a and b are the same. */
static bool same_maps(const struct pvs_config *a, const struct pvs_config *b) {
    if (a->nmaps != b->nmaps || a->nregisters != b->nregisters)
        return false;
    for (size_t i = 0; i < a->nmaps; i++)
        if (!pvs_cfg_obj_same(&a->maps[i]->obj, &b->maps[i]->obj))
            return false;
    for (size_t i = 0; i < a->nregisters; i++)
        if (!pvs_cfg_obj_same(&a->registers[i]->obj, &b->registers[i]->obj))
            return false;
    return true;
}

/* Whether ep polls next's endpoint ec exactly as it polls now. */
static bool endpoint_same(const struct endpoint *ep,
                          const struct pvs_config *next,
                          const struct pvs_endpoint *ec, bool maps) {
    if (!ec || !pvs_cfg_obj_same(&ep->cfg->obj, &ec->obj) ||
        devices_on(next, ec) != ep->ndevs)
        return false;
    for (size_t k = 0; k < ep->ndevs; k++) {
        const struct pdev *d = ep->devs[k];
        const struct pvs_device *dc = pvs_config_device(next, d->cfg->obj.id);
        if (!dc || dc->endpoint != ec ||
            !pvs_cfg_obj_same(&d->cfg->obj, &dc->obj) || (d->map && !maps))
            return false;
    }
    return true;
}

/* ep goes on with next's objects (its connection, schedule and device
 * state stay). Paused. */
static enum pvs_err endpoint_rebind(struct endpoint *ep,
                                    const struct pvs_config *next,
                                    const struct pvs_endpoint *ec) {
    enum pvs_err rc = PVS_OK;

    for (size_t k = 0; k < ep->ndevs && !rc; k++) {
        struct pdev *d = ep->devs[k];
        struct pvs_modbus_map *map = NULL;

        d->cfg = pvs_config_device(next, d->cfg->obj.id);
        if (d->map)
            rc = device_map(next, d->cfg, &map);
        pvs_modbus_map_free(d->map);
        d->map = map;
    }
    ep->cfg = ec;
    return rc;
}

static const struct pvs_endpoint *endpoint_of(const struct pvs_config *cfg,
                                              const char *id) {
    for (size_t i = 0; i < cfg->nendpoints; i++)
        if (!strcmp(cfg->endpoints[i]->obj.id, id))
            return cfg->endpoints[i];
    return NULL;
}

/* End the threads of the endpoints that go (paused) and free them. */
static void endpoints_end(struct pvs_poller *p, struct endpoint **gone,
                          size_t n) {
    pthread_mutex_lock(&p->lock);
    for (size_t i = 0; i < n; i++) {
        gone[i]->quit = true;
        atomic_store(&gone[i]->ending, true);
        atomic_store(&gone[i]->halt, true);
    }
    pthread_cond_broadcast(&p->cond);
    pthread_mutex_unlock(&p->lock);
    for (size_t i = 0; i < n; i++) {
        if (gone[i]->started)
            pthread_join(gone[i]->thread, NULL);
        pvs_info("endpoint '%s' stops: its settings or devices changed",
                 gone[i]->cfg->obj.id);
        endpoint_free(gone[i]);
    }
}

enum pvs_err pvs_poller_update(struct pvs_poller *p,
                               const struct pvs_config *next) {
    bool maps = same_maps(p->cfg, next);
    struct endpoint **eps = pvs_calloc(next->nendpoints + 1, sizeof(*eps));
    struct endpoint **gone = pvs_calloc(p->neps + 1, sizeof(*gone));
    size_t neps = 0, ngone = 0, kept;
    int64_t now = pvs_clock_mono_ms();
    enum pvs_err rc = PVS_OK;

    for (size_t i = 0; i < p->neps; i++) {
        struct endpoint *ep = p->eps[i];
        const struct pvs_endpoint *ec = endpoint_of(next, ep->cfg->obj.id);
        if (ep->started && endpoint_same(ep, next, ec, maps) &&
            !endpoint_rebind(ep, next, ec))
            eps[neps++] = ep;
        else
            gone[ngone++] = ep;
    }
    kept = neps;
    for (size_t i = 0; i < next->nendpoints; i++) {
        const struct pvs_endpoint *ec = next->endpoints[i];
        size_t n = devices_on(next, ec);
        bool have = false;
        for (size_t k = 0; k < kept && !have; k++)
            have = eps[k]->cfg == ec;
        if (have || !n)
            continue;
        if (endpoint_new(p, next, ec, n, &eps[neps]) ||
            endpoint_start(eps[neps], now)) {
            endpoint_free(eps[neps]); /* what started, stopped at once */
            rc = PVS_ERR_CONFIG;
            continue;
        }
        pvs_info("endpoint '%s' (%zu device%s) starts", ec->obj.id, n,
                 n == 1 ? "" : "s");
        neps++;
    }
    /* Under the lock: pvs_poller_down reads the list. */
    pthread_mutex_lock(&p->lock);
    pvs_free(p->eps);
    p->eps = eps;
    p->neps = neps;
    p->cfg = next;
    pthread_mutex_unlock(&p->lock);
    endpoints_end(p, gone, ngone);
    pvs_free(gone);
    return rc;
}

void pvs_poller_stats(const struct pvs_poller *p,
                      struct pvs_poller_stats *out) {
    struct pvs_poller *q = (struct pvs_poller *)(uintptr_t)p;

    out->polls = atomic_load(&q->polls);
    out->reads = atomic_load(&q->reads);
    out->failed = atomic_load(&q->failed);
    out->dropped = atomic_load(&q->dropped);
    out->samples = atomic_load(&q->samples);
    out->cpu_ns = atomic_load(&q->cpu_ns);
}

void pvs_poller_free(struct pvs_poller *p) {
    if (!p)
        return;
    pvs_poller_stop(p);
    for (size_t i = 0; i < p->neps; i++)
        endpoint_free(p->eps[i]);
    pvs_free(p->eps);
    pthread_cond_destroy(&p->cond);
    pthread_mutex_destroy(&p->lock);
    pvs_free(p);
}
