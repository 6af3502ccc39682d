/* SPDX-License-Identifier: MIT */
/*
 * tz.h - IANA time zones without setenv("TZ"): a small reader for the
 * TZif files under /usr/share/zoneinfo (RFC 8536, versions 1 to 4,
 * including the POSIX TZ footer for instants after the last transition).
 *
 * Load a zone once (at config load or at first use) and keep it: a
 * loaded struct pvs_tz is immutable, so any number of threads may read it
 * at the same time. Quiet hours, local-day boundaries and naive CSV
 * timestamps all go through here.
 */
#ifndef PVS_TZ_H
#define PVS_TZ_H

#include <stdbool.h>
#include <stdint.h>
#include "pvs/util.h"

struct pvs_tz;

/*
 * Load a zone by name: an IANA name ("Europe/Paris", "Etc/GMT+7"),
 * "UTC", or a fixed offset ("+02:00", "-0700", "Z"). IANA names are read
 * from /usr/share/zoneinfo (or $PVS_ZONEINFO when set, for tests). On
 * success *ret owns a new zone, to be released with pvs_tz_free.
 * Returns PVS_ERR_NOTFOUND for an unknown zone, PVS_ERR_PROTO for a file
 * that is not valid TZif.
 */
enum pvs_err pvs_tz_load(const char *name, struct pvs_tz **ret);
void pvs_tz_free(struct pvs_tz *tz);

/* The name the zone was loaded with (borrowed). */
const char *pvs_tz_name(const struct pvs_tz *tz);

/* Local time fields. */
struct pvs_tm {
    int year;
    int mon;  /* 1..12 */
    int mday; /* 1..31 */
    int hour, min, sec;
    int wday;      /* 0 = Sunday */
    int yday;      /* 0..365 */
    int32_t utoff; /* seconds east of UTC */
    bool dst;
};

/* Offset from UTC in seconds (east positive) at instant ts_ms. */
int32_t pvs_tz_offset(const struct pvs_tz *tz, int64_t ts_ms);

/* Local time of instant ts_ms in tz. */
void pvs_tz_local(const struct pvs_tz *tz, int64_t ts_ms, struct pvs_tm *out);

/*
 * The instant of a local wall-clock time in tz (ms since the epoch). A
 * time that falls in a gap (spring forward) is taken with the offset in
 * force before the gap; a repeated time (fall back) resolves to its first
 * occurrence.
 */
int64_t pvs_tz_from_local(const struct pvs_tz *tz, int year, int mon, int mday,
                          int hour, int min, double sec);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
int64_t pvs_tz_days_from_civil(int year, int mon, int mday);
void pvs_tz_civil_from_days(int64_t days, int *ret_year, int *ret_mon,
                            int *ret_mday);

#endif
