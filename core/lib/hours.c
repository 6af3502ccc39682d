/* SPDX-License-Identifier: MIT */
/*
 * hours.c - working hours and quiet hours in local time.
 *
 * Grammar: spec = entry { "," entry }; entry = days " " span;
 * days = day [ "-" day ] (mon..sun, ranges may wrap: fri-mon);
 * span = HH:MM "-" HH:MM (end 24:00 allowed; end before start wraps
 * midnight, and the part after midnight belongs to the next day).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "pvs/hours.h"
#include "pvs/tz.h"
#include "pvs/util.h"

static const char *const days[] = {"sun", "mon", "tue", "wed",
                                   "thu", "fri", "sat"};

static int parse_day(const char **p) {
    for (int i = 0; i < 7; i++) {
        if (!strncmp(*p, days[i], 3)) {
            *p += 3;
            return i;
        }
    }
    return -1;
}

/* "HH:MM-HH:MM" at *p; minutes of the day. */
static bool parse_span(const char **p, int *ret_a, int *ret_b) {
    int h1, m1, h2, m2, n = 0;

    if (sscanf(*p, "%2d:%2d-%2d:%2d%n", &h1, &m1, &h2, &m2, &n) != 4)
        return false;
    if (h1 < 0 || h1 > 23 || m1 < 0 || m1 > 59 || h2 < 0 || h2 > 24 || m2 < 0 ||
        m2 > 59 || (h2 == 24 && m2))
        return false;
    *p += n;
    *ret_a = h1 * 60 + m1;
    *ret_b = h2 * 60 + m2;
    return true;
}

bool pvs_span_valid(const char *span) {
    int a, b;
    const char *p = span;

    return parse_span(&p, &a, &b) && !*p;
}

bool pvs_span_contains(const char *span, int minute) {
    int a, b;
    const char *p = span;

    if (!parse_span(&p, &a, &b))
        return false;
    if (a == b)
        return false;
    if (a < b)
        return minute >= a && minute < b;
    return minute >= a || minute < b;
}

static bool day_in(int from, int to, int wday) {
    if (from <= to)
        return wday >= from && wday <= to;
    return wday >= from || wday <= to;
}

/* Walk the spec; with check_only, only validate. */
static bool hours_walk(const char *spec, bool check_only, int wday,
                       int minute) {
    const char *p = spec;

    for (;;) {
        int from, to, a, b;

        while (isspace((unsigned char)*p))
            p++;
        from = parse_day(&p);
        if (from < 0)
            return false;
        to = from;
        if (*p == '-') {
            p++;
            to = parse_day(&p);
            if (to < 0)
                return false;
        }
        if (*p != ' ')
            return false;
        while (*p == ' ')
            p++;
        if (!parse_span(&p, &a, &b))
            return false;
        if (!check_only) {
            if (a < b && day_in(from, to, wday) && minute >= a && minute < b)
                return true;
            if (a > b) {
                int prev = (wday + 6) % 7;
                if (day_in(from, to, wday) && minute >= a)
                    return true;
                if (day_in(from, to, prev) && minute < b)
                    return true;
            }
        }
        while (isspace((unsigned char)*p))
            p++;
        if (!*p)
            return check_only;
        if (*p != ',')
            return false;
        p++;
    }
}

bool pvs_hours_valid(const char *spec) {
    return hours_walk(spec, true, 0, 0);
}

bool pvs_hours_contains(const char *spec, int wday, int minute) {
    return hours_walk(spec, false, wday, minute);
}

static void local_of(const struct pvs_tz *tz, int64_t ts, struct pvs_tm *tm) {
    if (tz) {
        pvs_tz_local(tz, ts, tm);
        return;
    }
    {
        int64_t secs = ts / 1000 - (ts % 1000 < 0 ? 1 : 0);
        int64_t day = secs / 86400 - (secs % 86400 < 0 ? 1 : 0);
        int64_t rem = secs - day * 86400;
        memset(tm, 0, sizeof(*tm));
        pvs_tz_civil_from_days(day, &tm->year, &tm->mon, &tm->mday);
        tm->hour = (int)(rem / 3600);
        tm->min = (int)(rem % 3600 / 60);
        tm->sec = (int)(rem % 60);
        tm->wday = (int)(((day % 7) + 11) % 7); /* 1970-01-01: Thursday */
    }
}

bool pvs_hours_at(const char *spec, const struct pvs_tz *tz, int64_t ts_ms) {
    struct pvs_tm tm;

    if (!spec)
        return true;
    local_of(tz, ts_ms, &tm);
    return pvs_hours_contains(spec, tm.wday, tm.hour * 60 + tm.min);
}

int64_t pvs_span_next_outside(const char *span, const struct pvs_tz *tz,
                              int64_t ts_ms) {
    /* A span ends within a day: step by whole minutes, at most two days
     * (a DST change may stretch a local day). */
    int64_t t = ts_ms;
    struct pvs_tm tm;

    if (!span)
        return ts_ms;
    for (int i = 0; i < 2 * 24 * 60; i++) {
        local_of(tz, t, &tm);
        if (!pvs_span_contains(span, tm.hour * 60 + tm.min))
            return t;
        /* Jump to the next whole minute. */
        t = (t / 60000 + 1) * 60000;
    }
    return ts_ms;
}
