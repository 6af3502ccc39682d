/* SPDX-License-Identifier: MIT */
/*
 * engine.h - the engine thread: the single writer of the store. It takes
 * batches from its inbox (samples, source health, delivery results), runs
 * the rules, and commits one transaction per batch: samples, alert
 * transitions, tickets, ticket events and outbox rows together, so a crash
 * never loses an alert. After each commit it hands new messages to the
 * notifier.
 *
 * Created, started and stopped by the main thread.
 */
#ifndef PVS_ENGINE_H
#define PVS_ENGINE_H

#include <stdbool.h>
#include "pvs/config.h"
#include "pvs/notifier.h"
#include "pvs/queue.h"

struct pvs_engine;

/* Returns whether an ingest source is healthy; polled by the engine. */
typedef bool pvs_health_fn(void *ud);

/*
 * cfg is borrowed and must outlive the engine. Opens (and migrates) the
 * store and builds the rule set; errors are logged.
 */
enum pvs_err pvs_engine_new(const struct pvs_config *cfg,
                            struct pvs_engine **ret);
/* Where new messages go (borrowed). Before start. */
void pvs_engine_set_notifier(struct pvs_engine *e,
                             struct pvs_notifier *notifier);
/*
 * Cluster mode: every batch first checks that this worker still holds
 * its slots (pvs_cluster_fence), and is refused otherwise. Borrowed;
 * before start.
 */
struct pvs_cluster;
void pvs_engine_set_cluster(struct pvs_engine *e, struct pvs_cluster *c);
/* The inbox producers push struct pvs_msg * into. */
struct pvs_queue *pvs_engine_inbox(struct pvs_engine *e);
/* Register an ingest health probe (the MQTT link). Before start. */
void pvs_engine_add_health(struct pvs_engine *e, const char *name,
                           pvs_health_fn *fn, void *ud);
/* Restore alert state, resubmit pending messages, start the thread. */
enum pvs_err pvs_engine_start(struct pvs_engine *e);
/*
 * Live changes. fn(ud) is called on the engine thread after a batch
 * commits an API write that changed sites, devices, people or silences
 * (the caller then builds the next configuration). Set before start.
 */
void pvs_engine_on_change(struct pvs_engine *e, void (*fn)(void *ud), void *ud);
/*
 * Switch the running engine to next (borrowed: it must outlive the
 * engine or the next switch) at a safe point: the messages already in the
 * inbox are handled with the configuration they were made for, those
 * pushed after this call with next. Rule state carries over (see
 * pvs_ruleset_carry); the store's copy of the configuration is synced.
 * mqtt_ud replaces the user data of the "mqtt" health check (NULL: no
 * MQTT any more). Waits at most timeout_ms (real time) for the engine to
 * switch: PVS_OK once it has, and the caller may free the previous
 * configuration (as far as the engine is concerned); PVS_ERR_TIMEOUT when
 * the engine is paused (pvs_engine_paused) or did not get there in time:
 * nothing changed, the switch will not happen and next is the caller's
 * again; PVS_ERR_CLOSED when the engine stopped. Main thread; producers
 * that send device indices must not push meanwhile.
 */
enum pvs_err pvs_engine_switch(struct pvs_engine *e,
                               const struct pvs_config *next, void *mqtt_ud,
                               int64_t timeout_ms);
/*
 * The MQTT link the "mqtt" health check watches from the messages pushed
 * after this call (NULL: none); for a switch given up on. Main thread.
 */
void pvs_engine_set_mqtt(struct pvs_engine *e, void *mqtt_ud);
/* Whether ingest is paused (disk nearly full, database away). Any thread. */
bool pvs_engine_paused(struct pvs_engine *e);
/* Close the inbox, process what is in it, commit, join. */
void pvs_engine_stop(struct pvs_engine *e);
void pvs_engine_free(struct pvs_engine *e);

#endif
