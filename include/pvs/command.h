/* SPDX-License-Identifier: MIT */
/*
 * command.h - requests to the engine from other threads (HTTP API, web
 * links): every write goes through the engine, the single writer of the
 * store. The caller builds a command, submits it to the engine inbox and
 * waits (bounded) for the engine's answer.
 *
 * Ownership: pvs_command_new gives the caller one reference; submitting
 * adds one for the engine. Both sides call pvs_command_put when done; the
 * last one frees it, so a caller that gives up waiting (timeout) never
 * leaves the engine with a dangling pointer.
 *
 * Any thread may submit; only the engine answers.
 */
#ifndef PVS_COMMAND_H
#define PVS_COMMAND_H

#include <stdbool.h>
#include <stdint.h>
#include "pvs/entity.h"
#include "pvs/queue.h"
#include "pvs/util.h"

enum pvs_command_kind {
    PVS_CMD_TICKET_ACK = 1,     /* actor acknowledges ticket_id */
    PVS_CMD_TICKET_SCHEDULE,    /* visit at value_ms (text: note) */
    PVS_CMD_TICKET_FIXED,       /* technician says it is fixed */
    PVS_CMD_TICKET_CLOSE,       /* close (after recovery) */
    PVS_CMD_TICKET_COMMENT,     /* add text to the timeline */
    PVS_CMD_TICKET_HOLD,        /* on hold: nothing automatic to customers */
    PVS_CMD_TICKET_FALSE_ALARM, /* with a reason in text */
    PVS_CMD_TICKET_MERGE,       /* merge ticket_id into other_id */
    PVS_CMD_SURVEY,             /* value = CSAT 1..5, text = comment */
    PVS_CMD_APPOINTMENT_REPLY,  /* value = 1 confirm, 0 ask for another */
    PVS_CMD_SELF_HELP_DONE,     /* customer says "it works again" */
    PVS_CMD_CUSTOMER_CONTACT,   /* customer writes in: site_id, text */
    PVS_CMD_PREFS, /* actor = customer id; text "key=value" lines */
};

#define PVS_CMD_TEXT_MAX 2048
#define PVS_CMD_ID_MAX 128

struct pvs_command {
    enum pvs_command_kind kind;
    int64_t ticket_id;
    int64_t other_id;
    int64_t value;
    int64_t value_ms;
    bool local_time; /* value_ms is a wall-clock time of the site's zone */
    char actor[PVS_CMD_ID_MAX]; /* person id or "customer:<id>" */
    char site_id[PVS_CMD_ID_MAX];
    char text[PVS_CMD_TEXT_MAX];
    char nonce[48]; /* a single-use link's id: refused once spent */
    /* answer, written by the engine */
    enum pvs_err result; /* neutral: web/ maps it to an HTTP status */
    bool created;        /* the command created an object */
    char message[256];
    int64_t result_id; /* e.g. the ticket a contact was attached to */
    /* API writes of an entity or a silence: the fields, typed by web/
     * from the entity's field table; freed with the command */
    struct pvs_entity_vals *vals;
    /* private */
    void *priv;
};

struct pvs_command *pvs_command_new(enum pvs_command_kind kind);
void pvs_command_put(struct pvs_command *c);

/*
 * Push c to the engine inbox and wait up to timeout_ms for the answer.
 * Returns PVS_OK when answered (see c->result, c->created),
 * PVS_ERR_TIMEOUT / PVS_ERR_FULL / PVS_ERR_CLOSED otherwise.
 */
enum pvs_err pvs_command_call(struct pvs_queue *inbox, struct pvs_command *c,
                              int timeout_ms);

/* Engine side: answer (wakes the caller) and drop the engine's ref. */
void pvs_command_answer(struct pvs_command *c, enum pvs_err result,
                        const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
