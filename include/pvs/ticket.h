/* SPDX-License-Identifier: MIT */
/*
 * ticket.h - the ticket record and the pure lifecycle decisions around it
 * (notifier/ticket.c). The engine supplies the facts (the alert, the
 * existing ticket) and writes the result; nothing here does I/O.
 */
#ifndef PVS_TICKET_H
#define PVS_TICKET_H

#include <stdbool.h>
#include <stdint.h>

/* A ticket row. Strings are owned by the struct (pvs_ticket_release). */
struct pvs_ticket {
    int64_t id;
    char *fingerprint;
    char *status; /* see pvs_ticket_status_valid */
    char *site;
    char *device;
    char *rule;
    char *family;
    char *subject;
    char *severity;
    char *title;
    char *assignee;
    int64_t opened_ms, updated_ms, resolved_ms, closed_ms;
    bool customer_notified;
    double lost_kwh;
};
void pvs_ticket_release(struct pvs_ticket *t);

/* What a firing alert does to the ticket of its fingerprint. */
enum pvs_ticket_action {
    PVS_TICKET_OPEN,   /* no usable ticket: open a new one */
    PVS_TICKET_REPEAT, /* the ticket is still open: add an event */
    PVS_TICKET_REOPEN, /* recovered recently: reopen it */
};

/*
 * existing: the latest ticket of the fingerprint, or NULL. A ticket that
 * recovered (resolved/closed) within reopen_ms of now is reopened; one
 * that is still being worked on takes the repeat.
 */
enum pvs_ticket_action pvs_ticket_on_firing(const struct pvs_ticket *existing,
                                            int64_t now_ms, int64_t reopen_ms);

/* Whether status means someone still has to act. */
bool pvs_ticket_is_active(const char *status);
/* Whether status is one of the lifecycle states of DESIGN.md. */
bool pvs_ticket_status_valid(const char *status);

#endif
