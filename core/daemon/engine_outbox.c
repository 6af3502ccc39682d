/* SPDX-License-Identifier: MIT */
/*
 * engine_outbox.c - the engine hands the outbox's committed pending rows
 * to the notifier, each once while it is in flight: right after the batch
 * that queued them (engine.c), after a claim on a shared store
 * (engine_shared.c), and at a rescan of the whole outbox (at start, and
 * now and then for rows whose hand-over failed). Engine thread only.
 */
#define PVS_LOG_MODULE "engine"
#include <string.h>

#include "engine_int.h"
#include "pvs/notifier.h"
#include "pvs/service.h"
#include "pvs/store.h"

/* Hand a committed outbox row to the notifier. */
void engine_submit(struct pvs_engine *e, int64_t id) {
    struct pvs_outbox o;
    struct pvs_job *j;
    enum pvs_err rc;

    if (!e->notifier || pvs_service_ids_has(e->inflight, e->ninflight, id))
        return;
    if (pvs_store_outbox_get(e->svc.st, id, &o))
        return;
    if (strcmp(o.status, "pending")) {
        pvs_outbox_release(&o);
        return;
    }
    j = pvs_calloc(1, sizeof(*j));
    j->outbox_id = o.id;
    j->ticket_id = o.ticket_id;
    j->audience = o.audience;
    j->channel = o.channel;
    j->recipient = o.recipient;
    j->body = o.body;
    j->message_id = o.message_id;
    j->created_ms = o.created_ms;
    j->attempts = (int)o.attempts;
    o.audience = o.channel = o.recipient = o.body = o.message_id = NULL;
    pvs_outbox_release(&o);
    rc = pvs_notifier_submit(e->notifier, j);
    if (rc) {
        /* Stays pending in the store; the next rescan tries again. */
        pvs_job_free(j);
        return;
    }
    j = NULL;
    pvs_service_ids_add(&e->inflight, &e->ninflight, &e->inflight_cap, id);
}

void engine_rescan_outbox(struct pvs_engine *e) {
    int64_t *ids = NULL;
    size_t n = 0;

    if (pvs_store_outbox_pending(e->svc.st, &ids, &n))
        return;
    for (size_t i = 0; i < n; i++)
        engine_submit(e, ids[i]);
    pvs_free(ids);
}
