/* SPDX-License-Identifier: MIT */
/*
 * msg.c - engine inbox messages.
 *
 * DESIGN
 * A sample message is made on a receiver's thread and freed on the
 * engine's, tens of thousands a second. With malloc each free went back
 * to the receiver thread's arena under its lock, and each allocation took
 * fresh memory. Messages of up to POOL_SAMPLES samples (a device's
 * reading) are therefore recycled through a small free list: one short
 * lock each way, no allocator. The list keeps at most POOL_MAX messages;
 * beyond, they are freed as usual.
 */
#include <pthread.h>
#include <string.h>

#include "pvs/command.h"
#include "pvs/msg.h"

#define POOL_SAMPLES 16
#define POOL_MAX 4096
#define MSG_SIZE(n) (sizeof(struct pvs_msg) + (n) * sizeof(struct pvs_sample))

struct pool_node {
    struct pool_node *next;
};

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static struct pool_node *pool_head;
static size_t pool_len;

struct pvs_msg *pvs_msg_new(enum pvs_msg_type type, size_t nsamples) {
    struct pvs_msg *m = NULL;
    bool pooled = nsamples && nsamples <= POOL_SAMPLES;

    if (pooled) {
        pthread_mutex_lock(&pool_lock);
        if (pool_head) {
            m = (struct pvs_msg *)(void *)pool_head;
            pool_head = pool_head->next;
            pool_len--;
        }
        pthread_mutex_unlock(&pool_lock);
        if (m)
            memset(m, 0, MSG_SIZE(nsamples));
        else
            m = pvs_calloc(1, MSG_SIZE(POOL_SAMPLES));
    } else {
        m = pvs_calloc(1, MSG_SIZE(nsamples));
    }
    m->type = type;
    m->pooled = pooled;
    m->nsamples = nsamples;
    return m;
}

void pvs_msg_free(struct pvs_msg *m) {
    struct pool_node *n;

    if (!m)
        return;
    /* A command nobody answered (shutdown): drop the engine's ref. */
    if (m->cmd)
        pvs_command_put(m->cmd);
    if (m->pooled) {
        n = (struct pool_node *)(void *)m;
        pthread_mutex_lock(&pool_lock);
        if (pool_len < POOL_MAX) {
            n->next = pool_head;
            pool_head = n;
            pool_len++;
            n = NULL;
        }
        pthread_mutex_unlock(&pool_lock);
        if (!n)
            return;
    }
    pvs_free(m);
}

void pvs_msg_free_void(void *m) {
    pvs_msg_free(m);
}

void pvs_msg_pool_drain(void) {
    struct pool_node *n;

    pthread_mutex_lock(&pool_lock);
    n = pool_head;
    pool_head = NULL;
    pool_len = 0;
    pthread_mutex_unlock(&pool_lock);
    while (n) {
        struct pool_node *next = n->next;
        pvs_free(n);
        n = next;
    }
}
