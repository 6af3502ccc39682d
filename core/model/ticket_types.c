/* SPDX-License-Identifier: MIT */
/*
 * ticket_types.c - the ticket statuses of DESIGN.md and the ticket row
 * (ticket_types.h).
 */
#include <string.h>

#include "pvs/ticket_types.h"
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
