/* SPDX-License-Identifier: MIT */
/*
 * log.h - leveled logging to stderr, and "complain once" helpers.
 *
 * Each .c file defines PVS_LOG_MODULE before including this header; the
 * logger prefixes every line with it. Messages follow the house rules:
 * lowercase, no final full stop, the problem first, the subject quoted.
 *
 * Thread-safe: one line is written with a single write(2).
 */
#ifndef PVS_LOG_H
#define PVS_LOG_H

#include <stdbool.h>
#include <stdint.h>

enum pvs_log_level {
    PVS_LOG_ERROR = 0,
    PVS_LOG_WARN,
    PVS_LOG_INFO,
    PVS_LOG_DEBUG,
};

#ifndef PVS_LOG_MODULE
#define PVS_LOG_MODULE "pvsentry"
#endif

void pvs_log_set_level(enum pvs_log_level level);
enum pvs_log_level pvs_log_get_level(void);
/* Parse "error", "warn", "info", "debug"; returns -1 when unknown. */
int pvs_log_level_parse(const char *s);

void pvs_log_write(enum pvs_log_level level, const char *module,
                   const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#define pvs_error(...) pvs_log_write(PVS_LOG_ERROR, PVS_LOG_MODULE, __VA_ARGS__)
#define pvs_warn(...) pvs_log_write(PVS_LOG_WARN, PVS_LOG_MODULE, __VA_ARGS__)
#define pvs_info(...) pvs_log_write(PVS_LOG_INFO, PVS_LOG_MODULE, __VA_ARGS__)
#define pvs_debug(...) pvs_log_write(PVS_LOG_DEBUG, PVS_LOG_MODULE, __VA_ARGS__)

/*
 * A condition that may repeat (a device not answering, a malformed payload
 * stream): pvs_complain logs the first occurrence, then once more every
 * `every` occurrences with the running count; pvs_complain_release logs the
 * recovery once, with how many times it happened. Not thread-safe per
 * object: each complaint object belongs to one thread.
 */
struct pvs_complaint {
    uint64_t count;
    uint64_t every; /* 0 = only the first occurrence */
    bool active;
};
void pvs_complain_at(struct pvs_complaint *c, enum pvs_log_level level,
                     const char *module, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void pvs_complain_release_at(struct pvs_complaint *c, const char *module,
                             const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define pvs_complain(c, lvl, ...)                                              \
    pvs_complain_at((c), (lvl), PVS_LOG_MODULE, __VA_ARGS__)
#define pvs_complain_release(c, ...)                                           \
    pvs_complain_release_at((c), PVS_LOG_MODULE, __VA_ARGS__)

#endif
