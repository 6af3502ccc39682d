/* SPDX-License-Identifier: MIT */
/*
 * store_outbox.h - a store that several pvsentry processes share
 * (PostgreSQL): the outbox every process sends from, and the notice of
 * the API's writes that every process applies live.
 *
 * Shared outbox. A process sends only the rows it claimed. A claim names
 * its claimant (pvs_store_claimant: host, pid and start time of the
 * process) and lasts ttl_ms by the database's clock; the claimant renews
 * it while the message is in its notifier, so a claim outlives its
 * process by at most ttl_ms. Rows are claimed by status, never by an id
 * high-water mark (sequence values do not commit in order), and only the
 * oldest pending row of a lane (one ticket, audience, channel and
 * recipient) can be claimed: one message of a lane is in flight at a
 * time anywhere, so "back to normal" never overtakes its alert. A row
 * whose claim expired is claimed again, by any process, and sent with
 * its Message-ID unchanged (the receiver's idempotency key).
 *
 * The SQLite backend has none of these (PVS_ERR_UNSUPPORTED): one
 * process sends everything it writes (pvs_store_outbox_pending).
 *
 * Engine thread only (the handle that writes), outside a batch: a claim
 * is its own transaction.
 */
#ifndef PVS_STORE_OUTBOX_H
#define PVS_STORE_OUTBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pvs/store.h"

/* Whether st is shared by several processes (it has the calls below). */
bool pvs_store_shared(struct pvs_store *st);

/*
 * This process's name in claims and change notices:
 * "who:pid:start-seconds", made once, at the first call. Any thread. who
 * is the host's name, or the cluster worker's ([cluster] worker) when
 * pvs_store_claimant_name gave it before the first call.
 */
const char *pvs_store_claimant(void);
void pvs_store_claimant_name(const char *who);

/*
 * Claim at most max due rows for claimant, for ttl_ms of database time:
 * pending, not claimed by a live claim, each the oldest pending row of
 * its lane. Rows another process is claiming right now are skipped
 * (FOR UPDATE SKIP LOCKED), never waited for. Their ids, oldest first,
 * into *ret_ids (the caller frees it) and *ret_n.
 */
enum pvs_err pvs_store_outbox_claim(struct pvs_store *st, const char *claimant,
                                    int64_t ttl_ms, size_t max,
                                    int64_t **ret_ids, size_t *ret_n);

/*
 * Extend to ttl_ms from now the claims of claimant on the n rows ids
 * (the messages its notifier still holds); rows claimed since by another
 * process are left alone. The number of claims renewed into *ret_n (may
 * be NULL).
 */
enum pvs_err pvs_store_outbox_renew(struct pvs_store *st, const char *claimant,
                                    int64_t ttl_ms, const int64_t *ids,
                                    size_t n, size_t *ret_n);

/*
 * Give up every claim of claimant on rows still pending (a clean stop):
 * another process sends them at once instead of after their claim
 * expired.
 */
enum pvs_err pvs_store_outbox_unclaim(struct pvs_store *st,
                                      const char *claimant);

/*
 * Inside a batch: when it commits, every process listening
 * (pvs_store_listen_start) hears that the API's objects changed, with
 * claimant as the sender.
 */
enum pvs_err pvs_store_announce(struct pvs_store *st, const char *claimant);

/*
 * A thread that calls fn(ud) whenever another process (a sender other
 * than me) announced a change, and once after each reconnect (a change
 * may have been missed). fn runs on that thread: it should only signal.
 * PVS_ERR_UNSUPPORTED for a backend that is not shared. Logs why it
 * failed; a server that is away is not a failure (it reconnects).
 */
struct pvs_store_listen;
typedef void pvs_store_changed_fn(void *ud);
enum pvs_err pvs_store_listen_start(const char *target, const char *me,
                                    pvs_store_changed_fn *fn, void *ud,
                                    struct pvs_store_listen **ret);
/* Stop the thread and free l; NULL is a no-op. */
void pvs_store_listen_free(struct pvs_store_listen *l);

#endif
