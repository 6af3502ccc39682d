/* SPDX-License-Identifier: MIT */
/*
 * ticket.c - pure ticket lifecycle decisions: one ticket per problem,
 * repeats while it is open, reopen when a problem returns soon after it
 * recovered.
 */
#include <string.h>

#include "pvs/ticket.h"
#include "pvs/util.h"

static const char *const statuses[] = {
    "open",     "assigned", "acknowledged", "scheduled",   "fixed",
    "resolved", "closed",   "on_hold",      "false_alarm", "merged",
};

/* States in which the problem is considered over. */
static const char *const done[] = {"resolved", "closed", "false_alarm",
                                   "merged"};

bool pvs_ticket_status_valid(const char *status) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(statuses); i++)
        if (!strcmp(statuses[i], status))
            return true;
    return false;
}

bool pvs_ticket_is_active(const char *status) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(done); i++)
        if (!strcmp(done[i], status))
            return false;
    return true;
}

enum pvs_ticket_action pvs_ticket_on_firing(const struct pvs_ticket *existing,
                                            int64_t now_ms, int64_t reopen_ms) {
    int64_t ended;

    if (!existing)
        return PVS_TICKET_OPEN;
    if (pvs_ticket_is_active(existing->status))
        return PVS_TICKET_REPEAT;
    /* A technician said it was no problem, or it was merged away: a new
     * occurrence is a new ticket, so the judgement can be made again. */
    if (!strcmp(existing->status, "false_alarm") ||
        !strcmp(existing->status, "merged"))
        return PVS_TICKET_OPEN;
    ended = existing->closed_ms > existing->resolved_ms ? existing->closed_ms
                                                        : existing->resolved_ms;
    if (ended && now_ms - ended <= reopen_ms)
        return PVS_TICKET_REOPEN;
    return PVS_TICKET_OPEN;
}

void pvs_ticket_release(struct pvs_ticket *t) {
    PVS_FREE(t->fingerprint);
    PVS_FREE(t->status);
    PVS_FREE(t->site);
    PVS_FREE(t->device);
    PVS_FREE(t->rule);
    PVS_FREE(t->family);
    PVS_FREE(t->subject);
    PVS_FREE(t->severity);
    PVS_FREE(t->title);
    PVS_FREE(t->assignee);
}
