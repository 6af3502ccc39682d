/* SPDX-License-Identifier: MIT */
/*
 * service.c - the service's entry points for the engine (service.h):
 * alerts, ticks and commands, dispatched to the lifecycle and the
 * workflow; and the small sets of outbox ids both sides keep.
 */
#include "pvs/log.h"
#include "service_int.h"

void pvs_service_ids_add(int64_t **v, size_t *n, size_t *cap, int64_t id) {
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        *v = pvs_realloc(*v, *cap * sizeof(**v));
    }
    (*v)[(*n)++] = id;
}

bool pvs_service_ids_has(const int64_t *v, size_t n, int64_t id) {
    for (size_t i = 0; i < n; i++)
        if (v[i] == id)
            return true;
    return false;
}

void pvs_service_ids_del(int64_t *v, size_t *n, int64_t id) {
    for (size_t i = 0; i < *n; i++) {
        if (v[i] == id) {
            v[i] = v[--*n];
            return;
        }
    }
}

void service_reply(struct pvs_command *c, enum pvs_err rc, const char *msg) {
    c->result = rc;
    if (msg != c->message)
        pvs_strlcpy(c->message, msg, sizeof(c->message));
}

enum pvs_err pvs_service_init(struct pvs_service *e) {
    return service_flow_init(e);
}

void pvs_service_release(struct pvs_service *e) {
    service_flow_release(e);
    PVS_FREE(e->fresh);
    e->nfresh = e->fresh_cap = 0;
}

void pvs_service_alert(struct pvs_service *e,
                       const struct pvs_alert_event *ev) {
    service_on_alert(e, ev);
}

void pvs_service_tick(struct pvs_service *e, int64_t now) {
    service_flow_tick(e, now);
}

bool pvs_service_command(struct pvs_service *e, struct pvs_command *c,
                         int64_t now) {
    if (service_flow_command(e, c, now))
        return true;
    return service_ticket_command(e, c, now);
}
