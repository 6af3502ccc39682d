/* SPDX-License-Identifier: MIT */
/*
 * log.c - leveled logging to stderr and rate-limited complaints.
 *
 * Each line goes out in one write(2) so lines from different threads never
 * interleave. Time stamps are real time: a log is read by a person next to
 * a wall clock, even when the rules run on a simulated clock.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pvs/log.h"
#include "pvs/util.h"

static atomic_int log_level = PVS_LOG_INFO;

static const char *const level_names[] = {"error", "warn", "info", "debug"};

void pvs_log_set_level(enum pvs_log_level level) {
    atomic_store(&log_level, (int)level);
}

enum pvs_log_level pvs_log_get_level(void) {
    return (enum pvs_log_level)atomic_load(&log_level);
}

int pvs_log_level_parse(const char *s) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(level_names); i++)
        if (!pvs_strcasecmp(s, level_names[i]))
            return (int)i;
    if (!pvs_strcasecmp(s, "warning"))
        return PVS_LOG_WARN;
    return -1;
}

static void log_vwrite(enum pvs_log_level level, const char *module,
                       const char *fmt, va_list ap) {
    char line[2048], msg[1536];
    struct timespec ts;
    struct tm tm;
    size_t n;
    int k;

    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    n = strftime(line, sizeof(line), "%Y-%m-%dT%H:%M:%S", &tm);
    k = snprintf(line + n, sizeof(line) - n,
                 ".%03ldZ %-5s %s: ", ts.tv_nsec / 1000000, level_names[level],
                 module);
    if (k > 0)
        n += (size_t)k;
    /*
     * Whatever the caller passed, a log call is one line and sends no
     * control sequence to the operator's terminal: control characters
     * become \xNN here. Callers still pass outside text through pvs_esc,
     * which also caps its length and marks backslashes.
     */
    vsnprintf(msg, sizeof(msg), fmt, ap);
    for (const unsigned char *p = (const unsigned char *)msg;
         *p && n < sizeof(line) - 5; p++) {
        if (*p < 0x20 || *p == 0x7f)
            n += (size_t)snprintf(line + n, sizeof(line) - n, "\\x%02x", *p);
        else
            line[n++] = (char)*p;
    }
    if (n > sizeof(line) - 2)
        n = sizeof(line) - 2;
    line[n++] = '\n';
    /* A short write to stderr is not worth retrying. */
    if (write(STDERR_FILENO, line, n) < 0)
        return;
}

void pvs_log_write(enum pvs_log_level level, const char *module,
                   const char *fmt, ...) {
    va_list ap;

    if ((int)level > atomic_load(&log_level))
        return;
    va_start(ap, fmt);
    log_vwrite(level, module, fmt, ap);
    va_end(ap);
}

void pvs_complain_at(struct pvs_complaint *c, enum pvs_log_level level,
                     const char *module, const char *fmt, ...) {
    va_list ap;
    char msg[1024];

    c->count++;
    if (c->active && (!c->every || c->count % c->every))
        return;
    c->active = true;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (c->count == 1)
        pvs_log_write(level, module, "%s", msg);
    else
        pvs_log_write(level, module, "%s (%llu times so far)", msg,
                      (unsigned long long)c->count);
}

void pvs_complain_release_at(struct pvs_complaint *c, const char *module,
                             const char *fmt, ...) {
    va_list ap;
    char msg[1024];

    if (!c->active)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    pvs_log_write(PVS_LOG_INFO, module, "%s (after %llu failures)", msg,
                  (unsigned long long)c->count);
    c->active = false;
    c->count = 0;
}
