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
enum pvs_err pvs_web_start(struct pvs_web *w);
void pvs_web_stop(struct pvs_web *w);
void pvs_web_free(struct pvs_web *w);

#endif
