/* SPDX-License-Identifier: MIT */
/*
 * ticket_types.h - the ticket record and its statuses, for every layer
 * that handles a ticket (core/model/ticket_types.c). The lifecycle that
 * moves tickets between statuses is ticket.h.
 */
#ifndef PVS_TICKET_TYPES_H
#define PVS_TICKET_TYPES_H

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

/*
 * Whether status means someone still has to act: not resolved, closed,
 * false_alarm or merged. The one definition: the store's queries call it
 * too.
 */
bool pvs_ticket_is_active(const char *status);
/* Whether status is one of the lifecycle states of DESIGN.md. */
bool pvs_ticket_status_valid(const char *status);

#endif
