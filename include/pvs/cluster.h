/* SPDX-License-Identifier: MIT */
/*
 * cluster.h - cluster mode: several `pvsentry run` workers share the fleet
 * on one PostgreSQL database (DESIGN.md "Scale beyond one machine").
 *
 * Sites hash into K slots (K fixed when the cluster's database is made;
 * the slot is stored per site, so an operator can move a site). A worker
 * owns a slot through a lease row: renewed every `renew`, expiring after
 * `lease`, with an epoch that grows at every change of owner; every time
 * is the database's clock. Each batch of the engine first checks, in its
 * own transaction, that its worker still holds every slot it writes for
 * at that epoch (the lease rows are locked FOR SHARE until the commit, so
 * nobody takes them meanwhile): a worker paused past its lease cannot
 * write.
 *
 * Two layers: the store's operations on the leases (pvs_store_cluster_*,
 * core/store/pg/pg_cluster.c, PostgreSQL only) and the worker's lease
 * thread (pvs_cluster_*, core/daemon/cluster_worker.c).
 */
#ifndef PVS_CLUSTER_H
#define PVS_CLUSTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pvs/config.h"
#include "pvs/queue.h"
#include "pvs/store.h"
#include "pvs/util.h"

#define PVS_CLUSTER_SLOTS_MAX 4096

/* A slot held at an epoch. */
struct pvs_lease {
    int slot;
    int64_t epoch;
};

/* ---- the store's side (PostgreSQL; any other backend: UNSUPPORTED) ---- */

/*
 * Make the cluster's slots on first use (K = slots) or check that the
 * database has that many (PVS_ERR_CONFIG, logged, when it has another K:
 * K cannot change once made). Gives every site without a slot its slot
 * (a hash of its id). Outside a batch.
 */
enum pvs_err pvs_store_cluster_init(struct pvs_store *st, int slots);
/* Give every site without a slot its slot; *ret_n (may be NULL) counts
 * them. Outside a batch. */
enum pvs_err pvs_store_cluster_assign(struct pvs_store *st, int slots,
                                      int64_t *ret_n);

/* What a worker tells about itself at each renewal. */
struct pvs_worker_beat {
    int64_t inbox;        /* messages waiting in its engine's inbox */
    int64_t batch_age_ms; /* since its engine's last batch */
};
/* Note that worker lives for lease_ms more (database clock). */
enum pvs_err pvs_store_cluster_beat(struct pvs_store *st, const char *worker,
                                    int64_t lease_ms,
                                    const struct pvs_worker_beat *b);

/*
 * Renew worker's leases that have not expired, for lease_ms from now. The
 * leases renewed go to out (room for PVS_CLUSTER_SLOTS_MAX), their count
 * to *ret_n: a slot held before and missing now is lost.
 */
enum pvs_err pvs_store_cluster_renew(struct pvs_store *st, const char *worker,
                                     int64_t lease_ms, struct pvs_lease *out,
                                     size_t *ret_n);

/* What the leases look like now, for a fair share. */
struct pvs_cluster_census {
    int slots;    /* K */
    int workers;  /* live workers, this one included */
    int free;     /* slots nobody holds (or whose lease expired) */
    int min_held; /* fewest slots a live worker holds */
    int mine;     /* slots this worker holds */
};
enum pvs_err pvs_store_cluster_census(struct pvs_store *st, const char *worker,
                                      struct pvs_cluster_census *ret);

/*
 * Take up to max free or expired slots (not those of skip, nskip of
 * them) for lease_ms, each at a new epoch; the leases taken go to out
 * (room for max), their count to *ret_n.
 */
enum pvs_err pvs_store_cluster_take(struct pvs_store *st, const char *worker,
                                    int64_t lease_ms, int max, const int *skip,
                                    size_t nskip, struct pvs_lease *out,
                                    size_t *ret_n);
/* Give back the leases l (n of them) that worker still holds. */
enum pvs_err pvs_store_cluster_release(struct pvs_store *st, const char *worker,
                                       const struct pvs_lease *l, size_t n);
/* The worker stops: every lease it holds is given back, and it is gone. */
enum pvs_err pvs_store_cluster_leave(struct pvs_store *st, const char *worker);

/*
 * Inside the engine's batch, before any write: PVS_OK when worker holds
 * every lease of l (n of them) at its epoch, unexpired, and those lease
 * rows stay locked until the batch ends; PVS_ERR_DENIED (logged by the
 * caller) when it does not. A batch kept for a reconnect checks again
 * when it is applied again. The batch's session may stay idle inside it
 * for at most lease_ms: a worker paused mid-batch (SIGSTOP, a frozen VM)
 * loses its session and the locks with it, so that its expired leases
 * can be taken.
 */
enum pvs_err pvs_store_cluster_fence(struct pvs_store *st, const char *worker,
                                     int64_t lease_ms,
                                     const struct pvs_lease *l, size_t n);

/* Each site's slot (-1: none yet); strings valid during the call. */
typedef void pvs_store_site_slot_fn(void *ud, const char *site, int slot);
enum pvs_err pvs_store_cluster_site_slots(struct pvs_store *st,
                                          pvs_store_site_slot_fn *fn, void *ud);

/* `pvsentry cluster status`: workers, slots, lease ages, lag, as text. */
enum pvs_err pvs_store_cluster_status(struct pvs_store *st,
                                      struct pvs_buf *out);

/* ---- the worker (core/daemon/cluster_worker.c) ---- */

struct pvs_cluster;

/*
 * Join the cluster of cfg's [cluster] (enabled, on PostgreSQL): open the
 * lease thread's own connection, make or check the slots, give the sites
 * of full (the whole configuration: file and API) their slots, and take
 * a first fair share. Main thread; cfg borrowed for the call.
 */
enum pvs_err pvs_cluster_new(const struct pvs_config *cfg,
                             const struct pvs_config *full,
                             struct pvs_cluster **ret);
/* This worker's name (worker = or hostname:pid). */
const char *pvs_cluster_worker(const struct pvs_cluster *c);

/*
 * Start the lease thread. changed(ud) is called on it when the slots to
 * run change (gained, lost, to give back): the caller then builds the
 * configuration of pvs_cluster_keeps and applies it.
 */
enum pvs_err pvs_cluster_start(struct pvs_cluster *c, void (*changed)(void *),
                               void *ud);

/*
 * Building the running configuration (main thread): pvs_cluster_view
 * fixes the slots to run from now on (held, and not being given back)
 * and the sites' slots; pvs_cluster_keeps tells whether a site belongs to
 * them; once the engine runs the configuration built from it,
 * pvs_cluster_applied lets the lease thread give back what it left out.
 */
void pvs_cluster_view(struct pvs_cluster *c);
bool pvs_cluster_keeps(void *c, const char *site);
void pvs_cluster_applied(struct pvs_cluster *c);
/* The number of slots (K). */
int pvs_cluster_slots(const struct pvs_cluster *c);
/* Whether the view being built (pvs_cluster_view) runs slot. */
bool pvs_cluster_view_has(struct pvs_cluster *c, int slot);
/* The sites of slot in the view being built: fn(ud, site) for each. */
void pvs_cluster_view_sites(struct pvs_cluster *c, int slot,
                            void (*fn)(void *ud, const char *site), void *ud);
/* Refresh the sites' slots from full (a reload or an API change): its
 * sites are synced and given slots. Main thread. */
enum pvs_err pvs_cluster_sync(struct pvs_cluster *c,
                              const struct pvs_config *full);

/*
 * The engine, in its batch before any write: PVS_OK when this worker
 * still holds the slots of the configuration it runs (the leases stay
 * locked until the batch ends); PVS_ERR_DENIED when a slot was lost (the
 * batch must not commit; the lease thread is woken to drop the slot).
 * st is the engine's store. Engine thread.
 */
enum pvs_err pvs_cluster_fence(struct pvs_cluster *c, struct pvs_store *st);
/* The store refused a batch for its leases without the fence being asked
 * (a batch kept while the database was away, applied again after this
 * worker lost a slot): counted and handled as the fence's refusal. */
void pvs_cluster_refused(struct pvs_cluster *c);
/* The leases the next batch checks (room for PVS_CLUSTER_SLOTS_MAX in
 * out): the held ones of the slots the engine may run. Any thread. */
size_t pvs_cluster_fence_leases(struct pvs_cluster *c, struct pvs_lease *out);
/* The engine's figures for the next heartbeat. Engine thread. */
void pvs_cluster_note_engine(struct pvs_cluster *c, int64_t inbox,
                             int64_t batch_mono_ms);
/* Slots held now (for the log and tests). Any thread. */
size_t pvs_cluster_held(struct pvs_cluster *c);

/* Give every slot back at once and leave (SIGTERM); joins the thread. */
void pvs_cluster_stop(struct pvs_cluster *c);
void pvs_cluster_free(struct pvs_cluster *c);

/*
 * Ingest per slot (core/daemon/cluster_ingest.c): one MQTT link per slot
 * run, its client id "[mqtt] client_id-slot-N" with a persistent session
 * subscribed to the topics of the slot's sites (pvsentry/SITE/#), so the
 * slot's next owner inherits the messages queued for it. Main thread,
 * but healthy, which the engine polls.
 */
struct pvs_slot_links;
struct pvs_slot_links *pvs_slot_links_new(struct pvs_cluster *c);
/*
 * Before the engine switches to the view being built: the links of the
 * slots it leaves out disconnect (their sessions stay at the broker), the
 * others hold their messages (pvs_mqtt_pause).
 */
void pvs_slot_links_before(struct pvs_slot_links *l);
/*
 * After: the held links go on with cfg (NULL: the switch did not happen,
 * they go on as before), and the slots the view adds connect (with cfg
 * set). cfg and inbox borrowed.
 */
void pvs_slot_links_after(struct pvs_slot_links *l,
                          const struct pvs_config *cfg,
                          struct pvs_queue *inbox);
/* Every link connected and subscribed (the engine's "mqtt slots" check). */
bool pvs_slot_links_healthy(void *l);
/* Disconnect every link (the engine may still ask healthy). */
void pvs_slot_links_stop(struct pvs_slot_links *l);
/* Free l, once the engine that asks healthy has stopped. */
void pvs_slot_links_free(struct pvs_slot_links *l);

/* pvsentry cluster status -c FILE (core/daemon/cluster_worker.c) */
int pvs_cluster_main(int argc, char **argv);

#endif
