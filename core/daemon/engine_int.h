/* SPDX-License-Identifier: MIT */
/*
 * engine_int.h - what the engine's files (engine.c: the loop and its
 * batches; engine_rollup.c; engine_sky.c) share. Engine thread only. Private to
 * core/daemon/; the ticket service has its own state (service.h).
 */
#ifndef PVS_ENGINE_INT_H
#define PVS_ENGINE_INT_H

#include <pthread.h>
#include <stdatomic.h>

#include "pvs/command.h"
#include "pvs/engine.h"
#include "pvs/log.h"
#include "pvs/rules.h"
#include "pvs/service.h"
#include "pvs/store.h"
#include "pvs/tz.h"

#define MAX_HEALTH 4

struct health {
    const char *name;
    pvs_health_fn *fn;
    void *ud;
    bool last;
};

/* engine_shared.c: a database other processes share */
struct engine_shared {
    bool on;            /* the store is shared (pvs_store_shared) */
    const char *me;     /* this process in claims (pvs_store_claimant) */
    bool claim_now;     /* claim at the end of the next batch */
    int64_t next_claim; /* monotonic ms of the next periodic claim */
    int64_t next_renew; /* ... and of the next renewal */
};

struct pvs_engine {
    struct pvs_service svc; /* cfg, store, rules, batch error */
    struct pvs_notifier *notifier;
    struct pvs_queue *inbox;
    pthread_t thread;
    bool running;
    struct health health[MAX_HEALTH];
    size_t nhealth;
    bool ingest_ok;
    bool lagging;            /* the inbox holds a backlog */
    size_t late_sources;     /* collectors running behind time */
    int64_t last_batch_mono; /* when the last batch started */
    int64_t *last_ts;        /* newest sample time per device */
    int64_t next_tick, next_prune, next_rescan;
    /* outbox rows handed to the notifier and not finished */
    int64_t *inflight;
    size_t ninflight, inflight_cap;
    /* commands handled in the open transaction, answered after commit */
    struct pvs_command **answers;
    size_t nanswers, answers_cap;
    struct pvs_complaint db_down;
    bool disk_low;         /* ingest paused: under min_free_disk */
    int64_t disk_checked;  /* real ms of the last look while paused */
    bool store_away;       /* ingest paused: the store's server is gone */
    size_t kept_samples;   /* of the batch the store kept (pvs_store_kept) */
    int64_t store_checked; /* real ms of the last reconnect attempt */
    struct engine_rollup *rollup; /* engine_rollup.c */
    struct engine_sky *sky;       /* engine_sky.c */
    /* live changes: see pvs_engine_switch */
    bool config_dirty; /* a committed API write changed the entities */
    void (*on_change)(void *ud);
    void *on_change_ud;
    pthread_mutex_t gen_lock;
    pthread_cond_t gen_cond;
    uint64_t gen; /* configurations switched to */
    bool exited;  /* the thread has returned */
    /* switches by sequence number: the last made, the one under way,
     * the one its caller gave up waiting for (skipped) */
    uint64_t seq_made, seq_taking, seq_cancelled;
    atomic_bool paused;          /* ingest paused (disk low, store away) */
    struct pvs_cluster *cluster; /* cluster mode: batches are fenced */
    struct engine_shared shared; /* a database other processes share */
};

/*
 * Note the result of a store write made inside the batch. A failure the
 * store counts against the batch (see pvs_store_begin) becomes e->txn_rc,
 * so the rest of the batch queues no message; the commit then rolls the
 * whole batch back. A neutral refusal (not found, exists) is the
 * caller's to judge and does not stop the batch.
 */
static inline void engine_wrote(struct pvs_engine *e, enum pvs_err rc) {
    if (rc && !e->svc.txn_rc)
        e->svc.txn_rc = pvs_store_batch_error(e->svc.st);
}

/* engine_rollup.c: production rollups, summed per batch */
void engine_rollup_init(struct pvs_engine *e);
void engine_rollup_release(struct pvs_engine *e);
/* A stored sample of the batch (any quality). */
void engine_rollup_sample(struct pvs_engine *e, const struct pvs_sample *s);
/* Write the batch's sums into the open transaction. */
enum pvs_err engine_rollup_flush(struct pvs_engine *e);
/* e->svc.cfg is the next configuration, old the one before: carry the sums'
 * tracks over by id. Between batches only. */
void engine_rollup_switch(struct pvs_engine *e, const struct pvs_config *old);

/* engine_sky.c: the clear sky per site, kept in the store for the charts */
void engine_sky_init(struct pvs_engine *e);
void engine_sky_release(struct pvs_engine *e);
/* Compute and store what is missing, within a budget, in the batch. */
void engine_sky_step(struct pvs_engine *e, int64_t now);
/* Drop the hour rows older than the window, in the batch. */
enum pvs_err engine_sky_prune(struct pvs_engine *e, int64_t now);
/* As engine_rollup_switch, for the sites' sky. */
void engine_sky_switch(struct pvs_engine *e, const struct pvs_config *old);

/* engine_outbox.c: hand a committed pending outbox row to the notifier
 * (once); hand every pending row of the outbox. */
void engine_submit(struct pvs_engine *e, int64_t id);
void engine_rescan_outbox(struct pvs_engine *e);

/* engine_shared.c: when other processes share the database */
/* After the store opened: whether it is shared; logs this process's name. */
void engine_shared_init(struct pvs_engine *e);
bool engine_shared_on(const struct pvs_engine *e);
/* Claim at the end of this batch (messages queued or finished). */
void engine_shared_wake(struct pvs_engine *e);
/* Inside the batch, last: announce the API's writes it holds. */
void engine_shared_before_commit(struct pvs_engine *e);
/* After a batch committed: claims due and renewals. */
void engine_shared_tick(struct pvs_engine *e);
/* The engine stops: its claims go back to the others. */
void engine_shared_stop(struct pvs_engine *e);

#endif
