/* SPDX-License-Identifier: MIT */
/*
 * ticket.h - the pure ticket lifecycle decisions: what a firing alert does
 * to its ticket, and routing (core/service/ticket.c). The record itself is
 * ticket_types.h, rotas and escalation steps rota.h. The engine supplies
 * the facts (the alert, the existing ticket) and writes the result;
 * nothing here does I/O.
 */
#ifndef PVS_TICKET_H
#define PVS_TICKET_H

#include <stdbool.h>
#include <stdint.h>
#include "pvs/rota.h"
#include "pvs/ticket_types.h"

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

/* ---- routing and escalation (pure) ---- */

struct pvs_config;
struct pvs_site;
struct pvs_device;
struct pvs_person;

/* Whether technician t works at now_ms (the engine knows time zones). */
typedef bool pvs_duty_fn(void *ud, const struct pvs_person *t, int64_t now_ms);

struct pvs_route_input {
    const struct pvs_config *cfg;
    const struct pvs_site *site;
    const struct pvs_device *device; /* may be NULL */
    const char *family;
    int64_t now_ms;
    const int64_t *open_count; /* active tickets per technician index */
    pvs_duty_fn *on_duty;      /* NULL: everyone is on duty */
    void *ud;
};

/*
 * The technician for a new ticket: skills and area fit, on duty now
 * (working hours or on call), fewest open tickets, then the site's own
 * technician. Falls back to the site's technician, then to anyone. why
 * receives the reason in words. NULL when there is no technician at all.
 */
const struct pvs_person *pvs_route(const struct pvs_route_input *in, char *why,
                                   size_t whysize);

#endif
