/* SPDX-License-Identifier: MIT */
/*
 * clock.c - wall clock or simulated clock.
 *
 * DESIGN
 * The simulated clock is a pure function of real time:
 *     sim = start + (real - origin) * speed
 * so two processes given the same start, speed and origin (pvsentry and
 * pvsim in a test) agree without talking to each other. The parameters
 * are written once before any thread starts and only read afterwards.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pvs/clock.h"

static bool sim_on;
static int64_t sim_start_ms;
static int64_t sim_origin_ms;
static double sim_speed = 1.0;

static int64_t real_ms(void) {
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void pvs_clock_set_sim(int64_t start_ms, double speed, int64_t origin_real_ms) {
    sim_on = true;
    sim_start_ms = start_ms;
    sim_speed = speed > 0 ? speed : 1.0;
    sim_origin_ms = origin_real_ms ? origin_real_ms : real_ms();
}

void pvs_clock_set_wall(void) {
    sim_on = false;
    sim_speed = 1.0;
}

bool pvs_clock_is_sim(void) {
    return sim_on;
}

double pvs_clock_speed(void) {
    return sim_on ? sim_speed : 1.0;
}

int64_t pvs_clock_now_ms(void) {
    if (!sim_on)
        return real_ms();
    return sim_start_ms +
           (int64_t)((double)(real_ms() - sim_origin_ms) * sim_speed);
}

int64_t pvs_clock_real_ms(int64_t sim_ms) {
    if (sim_ms <= 0)
        return 0;
    if (!sim_on)
        return sim_ms;
    return (int64_t)((double)sim_ms / sim_speed) + 1;
}

int64_t pvs_clock_mono_ms(void) {
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int digits(const char **p, int n, int *out) {
    int v = 0;

    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)**p))
            return -1;
        v = v * 10 + (**p - '0');
        (*p)++;
    }
    *out = v;
    return 0;
}

/*
 * ISO 8601 date-time: YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|+HH[:MM]|-HH[:MM]],
 * or epoch seconds. A time without an offset is taken as UTC here.
 */
enum pvs_err pvs_clock_parse_time(const char *s, int64_t *out_ms) {
    struct tm tm;
    int y, mo, d, h, mi, sec = 0, ms = 0, off = 0;
    const char *p = s;
    int64_t t;

    while (isspace((unsigned char)*p))
        p++;
    if (strlen(p) < 10 || p[4] != '-') {
        char *end;
        double v = strtod(p, &end);
        while (isspace((unsigned char)*end))
            end++;
        if (end == p || *end || v < 0 || v > 1e11)
            return PVS_ERR_INVAL;
        *out_ms = (int64_t)(v * 1000.0);
        return PVS_OK;
    }
    if (digits(&p, 4, &y) || *p++ != '-' || digits(&p, 2, &mo) || *p++ != '-' ||
        digits(&p, 2, &d))
        return PVS_ERR_INVAL;
    if (*p != 'T' && *p != ' ')
        return PVS_ERR_INVAL;
    p++;
    if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi))
        return PVS_ERR_INVAL;
    if (*p == ':') {
        p++;
        if (digits(&p, 2, &sec))
            return PVS_ERR_INVAL;
        if (*p == '.') {
            int scale = 100;
            p++;
            while (isdigit((unsigned char)*p)) {
                ms += (*p - '0') * scale;
                scale /= 10;
                p++;
            }
        }
    }
    if (*p == 'Z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        int sign = *p == '-' ? -1 : 1, oh, om = 0;
        p++;
        if (digits(&p, 2, &oh))
            return PVS_ERR_INVAL;
        if (*p == ':')
            p++;
        if (isdigit((unsigned char)*p) && digits(&p, 2, &om))
            return PVS_ERR_INVAL;
        off = sign * (oh * 60 + om);
    }
    if (*p)
        return PVS_ERR_INVAL;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
        return PVS_ERR_INVAL;
    memset(&tm, 0, sizeof(tm));
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = sec;
    t = (int64_t)timegm(&tm);
    *out_ms = (t - (int64_t)off * 60) * 1000 + ms;
    return PVS_OK;
}
