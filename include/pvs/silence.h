/* SPDX-License-Identifier: MIT */
/*
 * silence.h - silences and maintenance windows ([silence "id"] sections):
 * alerts they cover are recorded as usual but not notified.
 *
 * A silence covers an alert event when every scope it names matches
 * (site, device, rule as a family id or a [rule] id) and the time lies in
 * [start, end). The times are resolved to UTC when the config is loaded.
 *
 * Pure; thread-safe (reads the immutable config only).
 */
#ifndef PVS_SILENCE_H
#define PVS_SILENCE_H

#include <stdbool.h>
#include <stdint.h>
#include "pvs/config.h"
#include "pvs/rules.h"

/*
 * Whether a silence of cfg covers ev at now_ms (sample time). Returns the
 * first covering silence through ret (may be NULL), which borrows from
 * cfg.
 */
bool pvs_silence_find(const struct pvs_config *cfg,
                      const struct pvs_alert_event *ev, int64_t now_ms,
                      const struct pvs_silence **ret);

/* pvs_silence_find without the silence itself. */
bool pvs_silence_covers(const struct pvs_config *cfg,
                        const struct pvs_alert_event *ev, int64_t now_ms);

#endif
