/* SPDX-License-Identifier: MIT */
/*
 * poller.h - Modbus polling: one libmodbus context per [endpoint], a
 * min-heap of next-due polls, samples pushed to the engine inbox.
 *
 * Created and stopped by the main thread; the poller runs its own threads.
 */
#ifndef PVS_POLLER_H
#define PVS_POLLER_H

#include "pvs/config.h"
#include "pvs/queue.h"

struct pvs_poller;

/*
 * A poller for every device of cfg that has an endpoint (none is fine:
 * the poller then does nothing). cfg and inbox are borrowed and must
 * outlive the poller.
 */
enum pvs_err pvs_poller_new(const struct pvs_config *cfg,
                            struct pvs_queue *inbox, struct pvs_poller **ret);
enum pvs_err pvs_poller_start(struct pvs_poller *p);
/* Stops and joins the poller threads. */
void pvs_poller_stop(struct pvs_poller *p);
void pvs_poller_free(struct pvs_poller *p);
/*
 * Live changes. pvs_poller_pause returns once every endpoint thread holds
 * at a safe point between two polls, its samples pushed, so the caller
 * can put a marker in the inbox between the messages of two
 * configurations (a poll under way ends first: at most one endpoint
 * timeout). pvs_poller_update, while paused, takes next (borrowed, as
 * cfg in pvs_poller_new): an endpoint whose settings and devices are the
 * same goes on with its connection, schedule and device state; one that
 * changed or went is stopped, a new or changed one started. An endpoint
 * that cannot start is logged and left out (PVS_ERR_CONFIG); the others
 * run. pvs_poller_resume lets the threads go on. Main thread; NULL is a
 * no-op for pause and resume.
 */
void pvs_poller_pause(struct pvs_poller *p);
enum pvs_err pvs_poller_update(struct pvs_poller *p,
                               const struct pvs_config *next);
void pvs_poller_resume(struct pvs_poller *p);
/*
 * Health: appends "modbus URL\n" to out for each endpoint whose gateway
 * cannot be reached (connections refused since its last good poll).
 * pvs_poller_tried: every endpoint has been polled once (so its state is
 * known). Any thread; NULL: none.
 */
void pvs_poller_down(struct pvs_poller *p, struct pvs_buf *out);
bool pvs_poller_tried(struct pvs_poller *p);

/* Counters since creation (any thread; values are read atomically). */
struct pvs_poller_stats {
    uint64_t polls;   /* device polls attempted */
    uint64_t reads;   /* Modbus requests sent */
    uint64_t failed;  /* polls that failed */
    uint64_t dropped; /* messages the full inbox refused */
    uint64_t samples; /* samples produced */
    uint64_t cpu_ns;  /* CPU time of the poller threads, added when each
                         thread ends (after pvs_poller_stop) */
};
void pvs_poller_stats(const struct pvs_poller *p, struct pvs_poller_stats *out);

#endif
