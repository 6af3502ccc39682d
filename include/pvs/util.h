/* SPDX-License-Identifier: MIT */
/*
 * util.h - error codes, allocation, assertions and small string helpers
 * shared by every pvsentry module.
 *
 * Allocation never fails from the caller's point of view: pvs_malloc and
 * friends abort the process on out-of-memory (a daemon under systemd is
 * restarted), which removes untestable error branches everywhere else.
 *
 * All functions here are thread-safe.
 */
#ifndef PVS_UTIL_H
#define PVS_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>

/* Result of every fallible function. PVS_OK is zero so `if (rc)` works. */
enum pvs_err {
    PVS_OK = 0,
    PVS_ERR_NOMEM,
    PVS_ERR_INVAL,
    PVS_ERR_IO,
    PVS_ERR_TIMEOUT,
    PVS_ERR_PROTO,
    PVS_ERR_DB,
    PVS_ERR_CONFIG,
    PVS_ERR_CLOSED,
    PVS_ERR_FULL,
    PVS_ERR_NOTFOUND,
    PVS_ERR_EXISTS,      /* conflicts with what exists (duplicate, in use) */
    PVS_ERR_DENIED,      /* belongs to someone else */
    PVS_ERR_UNSUPPORTED, /* not available in this build or backend */
    PVS_ERR_STATE,       /* not in the object's present state (a ticket no
                            longer active, a survey already answered) */
};

/* Marks a function whose result must not be dropped (store writes). */
#define PVS_MUST_CHECK __attribute__((warn_unused_result))

/* A short lowercase name for rc ("timeout", "invalid argument"...). */
const char *pvs_err_str(enum pvs_err rc);

/* Allocation: abort on failure. pvs_free(NULL) is a no-op. */
void *pvs_malloc(size_t n);
void *pvs_calloc(size_t nmemb, size_t size);
void *pvs_realloc(void *p, size_t n);
char *pvs_strdup(const char *s);
char *pvs_strndup(const char *s, size_t n);
void pvs_free(void *p);

/* Free and set to NULL in one step. */
#define PVS_FREE(p)                                                            \
    do {                                                                       \
        pvs_free(p);                                                           \
        (p) = NULL;                                                            \
    } while (0)

#define PVS_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Invariant check, always compiled in: logs the file, line and expression,
 * then aborts. For bugs, never for bad input.
 */
#define PVS_ASSERT(cond)                                                       \
    do {                                                                       \
        if (!(cond))                                                           \
            pvs_assert_fail(#cond, __FILE__, __LINE__);                        \
    } while (0)
void pvs_assert_fail(const char *expr, const char *file, int line)
    __attribute__((noreturn));

/* Thread-safe strerror into buf (size at least 64); returns buf. */
const char *pvs_strerror(int err, char *buf, size_t size);

/* snprintf that always terminates and returns the would-be length. */
int pvs_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Formatted heap string. Caller owns the result. */
char *pvs_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Bounded copy; returns true when src fitted. */
bool pvs_strlcpy(char *dst, const char *src, size_t size);

/*
 * Text from outside (user names, topics, payload excerpts, device
 * identities, header values) made safe for one log line: control
 * characters, DEL, C1 controls, bytes that are not UTF-8 and the
 * backslash become \xNN; a text that does not fit in size ends with
 * "...". Writes at most size bytes (terminated) to buf and returns buf,
 * so it can stand as a printf argument. A NULL src gives "(null)".
 */
#define PVS_ESC_SIZE 160 /* about 150 characters of the original */
const char *pvs_esc(const char *src, char *buf, size_t size);
/*
 * Whether the len bytes at s are UTF-8 without a NUL byte: no overlong
 * forms, no surrogates, nothing past U+10FFFF.
 */
bool pvs_utf8_valid(const char *s, size_t len);

/* Edit distance between a and b (for "did you mean" hints), capped. */
unsigned pvs_edit_distance(const char *a, const char *b);

/* Case-insensitive ASCII comparison. */
int pvs_strcasecmp(const char *a, const char *b);

/*
 * Strict number parsing: the whole string must be a number (leading and
 * trailing blanks allowed). Return PVS_OK or PVS_ERR_INVAL; *out is set only
 * on success.
 */
enum pvs_err pvs_parse_i64(const char *s, int64_t *out);
enum pvs_err pvs_parse_double(const char *s, double *out);

/*
 * A growable byte buffer with a hard cap (never grows beyond max bytes).
 * pvs_buf_init takes the cap; append functions return PVS_ERR_FULL when the
 * cap would be exceeded and leave the buffer unchanged. data is always
 * NUL-terminated.
 */
struct pvs_buf {
    char *data;
    size_t len;
    size_t alloc;
    size_t max;
};
void pvs_buf_init(struct pvs_buf *b, size_t max);
void pvs_buf_release(struct pvs_buf *b);
void pvs_buf_reset(struct pvs_buf *b);
enum pvs_err pvs_buf_add(struct pvs_buf *b, const void *data, size_t n);
enum pvs_err pvs_buf_puts(struct pvs_buf *b, const char *s);
enum pvs_err pvs_buf_printf(struct pvs_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Append s as a JSON string literal (with quotes and escapes). */
enum pvs_err pvs_buf_json_str(struct pvs_buf *b, const char *s);
/* Append s with HTML's special characters escaped (&<>"'). */
enum pvs_err pvs_buf_html(struct pvs_buf *b, const char *s);
/* Detach the data; the caller owns it and the buffer is empty again. */
char *pvs_buf_detach(struct pvs_buf *b, size_t *ret_len);

/*
 * Write a finite double as a JSON number that reads back to exactly v, in
 * its shortest plain form when v has at most six decimals ("1234.5", "-3",
 * "0.000125"), else with 17 significant digits. buf needs
 * PVS_NUM_MAX bytes. Returns the length written. v must be finite.
 */
#define PVS_NUM_MAX 32
size_t pvs_fmt_num(char *buf, double v);

/* Format ms since the epoch as ISO 8601 UTC ("2024-11-28T10:40:00Z"). */
void pvs_fmt_iso_utc(int64_t ms, char *buf, size_t size);

#endif
