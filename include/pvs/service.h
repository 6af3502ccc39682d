/* SPDX-License-Identifier: MIT */
/*
 * service.h - the ticket service (core/service/): what happens to tickets
 * and who hears about it. The engine's loop calls it inside its batch
 * transaction; the service writes tickets, their events and the outbox
 * rows of the messages they call for, and never calls back into the
 * engine.
 *
 *   lifecycle.c  alerts open, repeat, reopen, fold into and resolve
 *                tickets; staff commands move them between statuses
 *   flow.c       routing, escalation, held customer notices, surveys,
 *                appointments, customer contacts and preferences
 *   compose.c    message composition: facts, words of the reader's
 *                language (the templates), the outbox rows
 *
 * Engine thread only.
 */
#ifndef PVS_SERVICE_H
#define PVS_SERVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "pvs/alert.h"
#include "pvs/command.h"
#include "pvs/config.h"
#include "pvs/store.h"
#include "pvs/token.h"
#include "pvs/tz.h"

struct pvs_ruleset;

/*
 * The service's state. The engine fills cfg, st, rules and tz (it owns
 * them; the service borrows) before pvs_service_init and keeps them
 * current; the rest is the service's.
 */
struct pvs_service {
    const struct pvs_config *cfg;
    struct pvs_store *st;
    struct pvs_ruleset *rules;
    struct pvs_tz **tz; /* per site, NULL when it cannot be loaded */
    /*
     * The first error inside the open transaction: once set, nothing
     * more is written and the engine rolls the batch back.
     */
    enum pvs_err txn_rc;
    /* outbox rows written in the open transaction, to hand over after
     * the commit (the engine empties the list) */
    int64_t *fresh;
    size_t nfresh, fresh_cap;
    unsigned msg_seq;
    struct pvs_tz **tech_tz; /* per technician, NULL = UTC */
    unsigned char link_key[PVS_TOKEN_KEY_LEN];
};

/* Time zones of the technicians, the links' key (from the config or the
 * store). */
enum pvs_err pvs_service_init(struct pvs_service *s);
void pvs_service_release(struct pvs_service *s);

/* An alert transition the engine has stored: FIRING, RESOLVED, UPDATE. */
void pvs_service_alert(struct pvs_service *s, const struct pvs_alert_event *ev);

/* Timers: held notices, escalation, surveys, reminders. Once per tick. */
void pvs_service_tick(struct pvs_service *s, int64_t now);

/*
 * A ticket or customer command. Returns true when the service handled
 * it: c->result (neutral) and c->message hold the answer, which
 * the engine gives after the commit. false: not a service command.
 */
bool pvs_service_command(struct pvs_service *s, struct pvs_command *c,
                         int64_t now);

/*
 * Message outbox_id was delivered (ok) or given up (error): its ticket's
 * timeline says so, in the staff's words (timeline.txt). In the batch.
 */
void pvs_service_delivered(struct pvs_service *s, int64_t outbox_id,
                           int64_t ts_ms, bool ok, const char *error);

/* Small sets of outbox ids (an array grown by doubling). */
void pvs_service_ids_add(int64_t **v, size_t *n, size_t *cap, int64_t id);
bool pvs_service_ids_has(const int64_t *v, size_t n, int64_t id);
void pvs_service_ids_del(int64_t *v, size_t *n, int64_t id);

#endif
