/* SPDX-License-Identifier: MIT */
/*
 * web.h - the HTTP server (REST API, dashboard, customer links). Reads use
 * its own read-only store handles; writes go to the engine as commands.
 * Created, started and stopped by the main thread.
 */
#ifndef PVS_WEB_H
#define PVS_WEB_H

#include "pvs/config.h"
#include "pvs/queue.h"

struct pvs_web;

/* A server for cfg (none when cfg has no [http] section: *ret = NULL). */
enum pvs_err pvs_web_new(const struct pvs_config *cfg, struct pvs_queue *inbox,
                         struct pvs_web **ret);

/* Listen on [http] listen:port. */
enum pvs_err pvs_web_start(struct pvs_web *w);
/*
 * Serve without a listen socket: connections arrive only through
 * pvs_web_add_connection (tests and the fuzz target talk to the server
 * over a socketpair). listen, port and threads are not used. Instead of
 * pvs_web_start.
 */
enum pvs_err pvs_web_start_unbound(struct pvs_web *w);
/*
 * Serve fd, a connected stream socket, as a client at 127.0.0.1. Takes
 * ownership of fd: it is closed whatever the outcome. Any thread, while
 * the server runs. A client that shuts its writing side after its
 * requests gets their answers, then the connection closes.
 */
enum pvs_err pvs_web_add_connection(struct pvs_web *w, int fd);
void pvs_web_stop(struct pvs_web *w);
/*
 * Live changes (main thread). pvs_web_set_config: requests from now on
 * read cfg (borrowed; same [http] address and TLS files); returns the new
 * epoch. pvs_web_done_before(w, epoch): no request that started before
 * epoch is still running, so the configuration it read may be freed.
 * pvs_web_retire: stop accepting, let the requests in flight finish (at
 * most max_wait_ms), then stop: for a server a new one replaces.
 */
uint64_t pvs_web_set_config(struct pvs_web *w, const struct pvs_config *cfg);
bool pvs_web_done_before(struct pvs_web *w, uint64_t epoch);
void pvs_web_retire(struct pvs_web *w, int64_t max_wait_ms);
/*
 * The external links /healthz checks: fn(ud, out) appends the name of
 * each link that is down, one per line ("mqtt", "modbus URL", "smtp
 * URL"); any name makes /healthz answer 503 naming them all (fn NULL:
 * none). Called by /healthz under a lock this call takes too, so after
 * it returns the previous ud is no longer used.
 */
typedef void pvs_web_health_fn(void *ud, struct pvs_buf *out);
void pvs_web_set_health(struct pvs_web *w, pvs_web_health_fn *fn, void *ud);
void pvs_web_free(struct pvs_web *w);

#endif
