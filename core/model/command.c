/* SPDX-License-Identifier: MIT */
/*
 * command.c - synchronous requests to the engine, with a reference count
 * so that either side may be the last to let go.
 */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pvs/command.h"
#include "pvs/msg.h"

struct sync {
    pthread_mutex_t lock;
    pthread_cond_t done_cv;
    int refs;
    bool done;
};

struct pvs_command *pvs_command_new(enum pvs_command_kind kind) {
    struct pvs_command *c = pvs_calloc(1, sizeof(*c));
    struct sync *s = pvs_calloc(1, sizeof(*s));
    pthread_condattr_t ca;

    pthread_mutex_init(&s->lock, NULL);
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&s->done_cv, &ca);
    pthread_condattr_destroy(&ca);
    s->refs = 1;
    c->priv = s;
    c->kind = kind;
    c->result = PVS_ERR_TIMEOUT;
    return c;
}

void pvs_command_put(struct pvs_command *c) {
    struct sync *s;
    bool last;

    if (!c)
        return;
    s = c->priv;
    pthread_mutex_lock(&s->lock);
    last = --s->refs == 0;
    pthread_mutex_unlock(&s->lock);
    if (!last)
        return;
    pthread_cond_destroy(&s->done_cv);
    pthread_mutex_destroy(&s->lock);
    pvs_free(s);
    pvs_entity_vals_free(c->vals);
    pvs_free(c);
}

enum pvs_err pvs_command_call(struct pvs_queue *inbox, struct pvs_command *c,
                              int timeout_ms) {
    struct sync *s = c->priv;
    struct pvs_msg *m = pvs_msg_new(PVS_MSG_COMMAND, 0);
    struct timespec dl;
    enum pvs_err rc;

    pthread_mutex_lock(&s->lock);
    s->refs++;
    pthread_mutex_unlock(&s->lock);
    m->cmd = c;
    rc = pvs_queue_push(inbox, m, timeout_ms);
    if (rc) {
        pvs_msg_free(m);
        pvs_command_put(c); /* the engine's reference */
        return rc;
    }
    clock_gettime(CLOCK_MONOTONIC, &dl);
    dl.tv_sec += timeout_ms / 1000;
    dl.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (dl.tv_nsec >= 1000000000L) {
        dl.tv_sec++;
        dl.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&s->lock);
    while (!s->done)
        if (pthread_cond_timedwait(&s->done_cv, &s->lock, &dl) == ETIMEDOUT)
            break;
    rc = s->done ? PVS_OK : PVS_ERR_TIMEOUT;
    pthread_mutex_unlock(&s->lock);
    return rc;
}

void pvs_command_answer(struct pvs_command *c, enum pvs_err result,
                        const char *fmt, ...) {
    struct sync *s = c->priv;
    char msg[sizeof(c->message)];
    va_list ap;

    /* Format first: the arguments may point into c->message itself. */
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    pthread_mutex_lock(&s->lock);
    c->result = result;
    memcpy(c->message, msg, sizeof(msg));
    s->done = true;
    pthread_cond_broadcast(&s->done_cv);
    pthread_mutex_unlock(&s->lock);
    pvs_command_put(c);
}
