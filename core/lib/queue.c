/* SPDX-License-Identifier: MIT */
/*
 * queue.c - bounded queue of pointers: a ring buffer under one mutex with
 * two condition variables. Throughput is bounded by the consumers, not by
 * this lock: the engine pops in batches.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "pvs/queue.h"

struct pvs_queue {
    pthread_mutex_t lock;
    pthread_cond_t not_empty;
    pthread_cond_t not_full;
    void **items;
    size_t cap, head, len;
    bool closed;
    uint64_t full_count;
    pvs_queue_free_fn *free_item;
};

struct pvs_queue *pvs_queue_new(size_t capacity, pvs_queue_free_fn *free_item) {
    struct pvs_queue *q = pvs_calloc(1, sizeof(*q));
    pthread_condattr_t ca;

    PVS_ASSERT(capacity > 0);
    pthread_mutex_init(&q->lock, NULL);
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&q->not_empty, &ca);
    pthread_cond_init(&q->not_full, &ca);
    pthread_condattr_destroy(&ca);
    q->items = pvs_calloc(capacity, sizeof(void *));
    q->cap = capacity;
    q->free_item = free_item;
    return q;
}

void pvs_queue_free(struct pvs_queue *q) {
    if (!q)
        return;
    if (q->free_item)
        for (size_t i = 0; i < q->len; i++)
            q->free_item(q->items[(q->head + i) % q->cap]);
    pthread_cond_destroy(&q->not_empty);
    pthread_cond_destroy(&q->not_full);
    pthread_mutex_destroy(&q->lock);
    pvs_free(q->items);
    pvs_free(q);
}

static void deadline_after(struct timespec *ts, int timeout_ms) {
    clock_gettime(CLOCK_MONOTONIC, ts);
    ts->tv_sec += timeout_ms / 1000;
    ts->tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

static void put_locked(struct pvs_queue *q, void *item) {
    q->items[(q->head + q->len) % q->cap] = item;
    q->len++;
    pthread_cond_signal(&q->not_empty);
}

enum pvs_err pvs_queue_try_push(struct pvs_queue *q, void *item) {
    enum pvs_err rc = PVS_OK;

    pthread_mutex_lock(&q->lock);
    if (q->closed) {
        rc = PVS_ERR_CLOSED;
    } else if (q->len == q->cap) {
        q->full_count++;
        rc = PVS_ERR_FULL;
    } else {
        put_locked(q, item);
    }
    pthread_mutex_unlock(&q->lock);
    return rc;
}

enum pvs_err pvs_queue_push(struct pvs_queue *q, void *item, int timeout_ms) {
    enum pvs_err rc = PVS_OK;
    struct timespec dl;

    if (timeout_ms >= 0)
        deadline_after(&dl, timeout_ms);
    pthread_mutex_lock(&q->lock);
    /* Spurious wake-ups happen: always re-check the predicate. */
    while (!q->closed && q->len == q->cap) {
        if (timeout_ms < 0) {
            pthread_cond_wait(&q->not_full, &q->lock);
        } else if (pthread_cond_timedwait(&q->not_full, &q->lock, &dl) ==
                   ETIMEDOUT) {
            break;
        }
    }
    if (q->closed) {
        rc = PVS_ERR_CLOSED;
    } else if (q->len == q->cap) {
        q->full_count++;
        rc = PVS_ERR_TIMEOUT;
    } else {
        put_locked(q, item);
    }
    pthread_mutex_unlock(&q->lock);
    return rc;
}

/* How often a waiting pvs_queue_push_unless looks at its flag. */
#define GIVE_UP_SLICE_MS 50

enum pvs_err pvs_queue_push_unless(struct pvs_queue *q, void *item,
                                   int timeout_ms, atomic_bool *give_up) {
    enum pvs_err rc = PVS_OK;
    struct timespec dl, slice;

    PVS_ASSERT(timeout_ms >= 0);
    deadline_after(&dl, timeout_ms);
    pthread_mutex_lock(&q->lock);
    while (!q->closed && q->len == q->cap && !atomic_load(give_up)) {
        /* The flag has no condition variable: wake now and then. */
        deadline_after(&slice, GIVE_UP_SLICE_MS);
        if (slice.tv_sec > dl.tv_sec ||
            (slice.tv_sec == dl.tv_sec && slice.tv_nsec > dl.tv_nsec))
            slice = dl;
        if (pthread_cond_timedwait(&q->not_full, &q->lock, &slice) ==
                ETIMEDOUT &&
            slice.tv_sec == dl.tv_sec && slice.tv_nsec == dl.tv_nsec)
            break;
    }
    if (q->closed || (q->len == q->cap && atomic_load(give_up))) {
        rc = PVS_ERR_CLOSED;
    } else if (q->len == q->cap) {
        q->full_count++;
        rc = PVS_ERR_TIMEOUT;
    } else {
        put_locked(q, item);
    }
    pthread_mutex_unlock(&q->lock);
    return rc;
}

size_t pvs_queue_pop_batch(struct pvs_queue *q, void **out, size_t max,
                           int timeout_ms) {
    struct timespec dl;
    size_t n = 0;

    if (timeout_ms > 0)
        deadline_after(&dl, timeout_ms);
    pthread_mutex_lock(&q->lock);
    while (!q->len && !q->closed && timeout_ms != 0) {
        if (timeout_ms < 0) {
            pthread_cond_wait(&q->not_empty, &q->lock);
        } else if (pthread_cond_timedwait(&q->not_empty, &q->lock, &dl) ==
                   ETIMEDOUT) {
            break;
        }
    }
    while (n < max && q->len) {
        out[n++] = q->items[q->head];
        q->head = (q->head + 1) % q->cap;
        q->len--;
    }
    if (n)
        pthread_cond_broadcast(&q->not_full);
    pthread_mutex_unlock(&q->lock);
    return n;
}

void pvs_queue_close(struct pvs_queue *q) {
    pthread_mutex_lock(&q->lock);
    q->closed = true;
    pthread_cond_broadcast(&q->not_empty);
    pthread_cond_broadcast(&q->not_full);
    pthread_mutex_unlock(&q->lock);
}

bool pvs_queue_closed(struct pvs_queue *q) {
    bool c;

    pthread_mutex_lock(&q->lock);
    c = q->closed;
    pthread_mutex_unlock(&q->lock);
    return c;
}

size_t pvs_queue_len(struct pvs_queue *q) {
    size_t n;

    pthread_mutex_lock(&q->lock);
    n = q->len;
    pthread_mutex_unlock(&q->lock);
    return n;
}

size_t pvs_queue_capacity(struct pvs_queue *q) {
    return q->cap;
}

uint64_t pvs_queue_full_count(struct pvs_queue *q) {
    uint64_t n;

    pthread_mutex_lock(&q->lock);
    n = q->full_count;
    pthread_mutex_unlock(&q->lock);
    return n;
}
