/* SPDX-License-Identifier: MIT */
/*
 * hours.h - working hours ("mon-fri 08:00-18:00, sat 09:00-12:00") and
 * daily spans ("21:00-08:00", may wrap midnight), in local time. Used for
 * technicians' duty hours and customers' quiet hours. Pure; thread-safe.
 */
#ifndef PVS_HOURS_H
#define PVS_HOURS_H

#include <stdbool.h>
#include <stdint.h>

struct pvs_tz;

/* Syntax checks, for the config. */
bool pvs_hours_valid(const char *spec);
bool pvs_span_valid(const char *span);

/*
 * Whether local wall time (weekday 0 = Sunday, minute of the day) falls in
 * the working hours spec.
 */
bool pvs_hours_contains(const char *spec, int wday, int minute);
/* Whether the minute of the day falls in span [start, end). */
bool pvs_span_contains(const char *span, int minute);

/*
 * The first instant at or after ts_ms that is outside span in time zone
 * tz (NULL = UTC): ts_ms itself when it is outside already.
 */
int64_t pvs_span_next_outside(const char *span, const struct pvs_tz *tz,
                              int64_t ts_ms);

/* Whether spec's working hours contain instant ts_ms in tz (NULL = UTC). */
bool pvs_hours_at(const char *spec, const struct pvs_tz *tz, int64_t ts_ms);

#endif
