/* SPDX-License-Identifier: MIT */
/*
 * util.c - allocation that aborts on OOM, assertions, strict number
 * parsing and the capped buffer used for every growable string.
 */
#define PVS_LOG_MODULE "util"
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pvs/util.h"
#include "pvs/log.h"

const char *pvs_err_str(enum pvs_err rc) {
    switch (rc) {
    case PVS_OK:
        return "ok";
    case PVS_ERR_NOMEM:
        return "out of memory";
    case PVS_ERR_INVAL:
        return "invalid argument";
    case PVS_ERR_IO:
        return "i/o error";
    case PVS_ERR_TIMEOUT:
        return "timeout";
    case PVS_ERR_PROTO:
        return "protocol error";
    case PVS_ERR_DB:
        return "database error";
    case PVS_ERR_CONFIG:
        return "configuration error";
    case PVS_ERR_CLOSED:
        return "closed";
    case PVS_ERR_FULL:
        return "full";
    case PVS_ERR_NOTFOUND:
        return "not found";
    case PVS_ERR_EXISTS:
        return "exists already";
    case PVS_ERR_DENIED:
        return "denied";
    case PVS_ERR_UNSUPPORTED:
        return "not supported";
    case PVS_ERR_STATE:
        return "not in this state";
    }
    return "unknown error";
}

static void oom(size_t n) __attribute__((noreturn));
static void oom(size_t n) {
    /* Nothing that allocates: write the message directly. */
    char msg[96];
    int len = snprintf(msg, sizeof(msg),
                       "pvsentry: out of memory allocating %zu bytes\n", n);
    if (len > 0 && fwrite(msg, 1, (size_t)len, stderr))
        fflush(stderr);
    abort();
}

void *pvs_malloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p)
        oom(n);
    return p;
}

void *pvs_calloc(size_t nmemb, size_t size) {
    void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
    if (!p)
        oom(nmemb * size);
    return p;
}

void *pvs_realloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom(n);
    return q;
}

char *pvs_strdup(const char *s) {
    return pvs_strndup(s, strlen(s));
}

char *pvs_strndup(const char *s, size_t n) {
    size_t len = strnlen(s, n);
    char *p = pvs_malloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void pvs_free(void *p) {
    free(p);
}

void pvs_assert_fail(const char *expr, const char *file, int line) {
    pvs_log_write(PVS_LOG_ERROR, "assert", "%s:%d: assertion failed: %s", file,
                  line, expr);
    abort();
}

const char *pvs_strerror(int err, char *buf, size_t size) {
    /* The XSI strerror_r (we define _POSIX_C_SOURCE, not _GNU_SOURCE). */
    if (strerror_r(err, buf, size) != 0)
        pvs_snprintf(buf, size, "error %d", err);
    return buf;
}

int pvs_snprintf(char *buf, size_t size, const char *fmt, ...) {
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    if (n < 0 && size)
        buf[0] = '\0';
    return n;
}

char *pvs_asprintf(const char *fmt, ...) {
    va_list ap;
    int n;
    char *p;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    PVS_ASSERT(n >= 0);
    p = pvs_malloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

bool pvs_strlcpy(char *dst, const char *src, size_t size) {
    size_t len = strlen(src);

    if (!size)
        return false;
    if (len >= size) {
        memcpy(dst, src, size - 1);
        dst[size - 1] = '\0';
        return false;
    }
    memcpy(dst, src, len + 1);
    return true;
}

unsigned pvs_edit_distance(const char *a, const char *b) {
    unsigned row[65];
    size_t la = strlen(a), lb = strlen(b);

    if (la > 64 || lb > 64)
        return 99;
    for (size_t j = 0; j <= lb; j++)
        row[j] = (unsigned)j;
    for (size_t i = 1; i <= la; i++) {
        unsigned diag = row[0];
        row[0] = (unsigned)i;
        for (size_t j = 1; j <= lb; j++) {
            unsigned up = row[j];
            unsigned cost = tolower((unsigned char)a[i - 1]) ==
                                    tolower((unsigned char)b[j - 1])
                                ? 0
                                : 1;
            unsigned best = diag + cost;
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

int pvs_strcasecmp(const char *a, const char *b) {
    for (;; a++, b++) {
        int ca = tolower((unsigned char)*a);
        int cb = tolower((unsigned char)*b);
        if (ca != cb || !ca)
            return ca - cb;
    }
}

enum pvs_err pvs_parse_i64(const char *s, int64_t *out) {
    char *end;
    long long v;
    int err;

    while (isspace((unsigned char)*s))
        s++;
    if (!*s)
        return PVS_ERR_INVAL;
    errno = 0;
    v = strtoll(s, &end, 10);
    err = errno;
    while (isspace((unsigned char)*end))
        end++;
    if (err || *end || end == s)
        return PVS_ERR_INVAL;
    *out = v;
    return PVS_OK;
}

enum pvs_err pvs_parse_double(const char *s, double *out) {
    char *end;
    double v;
    int err;

    while (isspace((unsigned char)*s))
        s++;
    if (!*s)
        return PVS_ERR_INVAL;
    /* strtod also reads hex floats ("0x1p3") and "infinity": not numbers
     * a meter or a person writes. */
    for (const char *p = s; *p; p++)
        if (*p == 'x' || *p == 'X' || *p == 'i' || *p == 'I' || *p == 'n' ||
            *p == 'N')
            return PVS_ERR_INVAL;
    errno = 0;
    v = strtod(s, &end);
    err = errno;
    while (isspace((unsigned char)*end))
        end++;
    if (err || *end || end == s || !isfinite(v))
        return PVS_ERR_INVAL;
    *out = v;
    return PVS_OK;
}

void pvs_buf_init(struct pvs_buf *b, size_t max) {
    b->data = NULL;
    b->len = 0;
    b->alloc = 0;
    b->max = max;
}

void pvs_buf_release(struct pvs_buf *b) {
    PVS_FREE(b->data);
    b->len = 0;
    b->alloc = 0;
}

void pvs_buf_reset(struct pvs_buf *b) {
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static enum pvs_err buf_grow(struct pvs_buf *b, size_t extra) {
    size_t need;

    if (extra > b->max || b->len + extra > b->max)
        return PVS_ERR_FULL;
    need = b->len + extra + 1;
    if (need > b->alloc) {
        size_t n = b->alloc ? b->alloc : 64;
        while (n < need)
            n *= 2;
        b->data = pvs_realloc(b->data, n);
        b->alloc = n;
    }
    return PVS_OK;
}

enum pvs_err pvs_buf_add(struct pvs_buf *b, const void *data, size_t n) {
    enum pvs_err rc = buf_grow(b, n);

    if (rc)
        return rc;
    if (n)
        memcpy(b->data + b->len, data, n);
    b->len += n;
    b->data[b->len] = '\0';
    return PVS_OK;
}

enum pvs_err pvs_buf_puts(struct pvs_buf *b, const char *s) {
    return pvs_buf_add(b, s, strlen(s));
}

enum pvs_err pvs_buf_printf(struct pvs_buf *b, const char *fmt, ...) {
    va_list ap;
    int n;
    enum pvs_err rc;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return PVS_ERR_INVAL;
    rc = buf_grow(b, (size_t)n);
    if (rc)
        return rc;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return PVS_OK;
}

enum pvs_err pvs_buf_json_str(struct pvs_buf *b, const char *s) {
    enum pvs_err rc = pvs_buf_add(b, "\"", 1);

    for (; !rc && s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            rc = pvs_buf_add(b, esc, 2);
        } else if (c == '\n') {
            rc = pvs_buf_add(b, "\\n", 2);
        } else if (c == '\t') {
            rc = pvs_buf_add(b, "\\t", 2);
        } else if (c < 0x20) {
            rc = pvs_buf_printf(b, "\\u%04x", c);
        } else {
            rc = pvs_buf_add(b, s, 1);
        }
    }
    if (!rc)
        rc = pvs_buf_add(b, "\"", 1);
    return rc;
}

enum pvs_err pvs_buf_html(struct pvs_buf *b, const char *s) {
    enum pvs_err rc = PVS_OK;

    for (; !rc && s && *s; s++) {
        switch (*s) {
        case '<':
            rc = pvs_buf_puts(b, "&lt;");
            break;
        case '>':
            rc = pvs_buf_puts(b, "&gt;");
            break;
        case '&':
            rc = pvs_buf_puts(b, "&amp;");
            break;
        case '"':
            rc = pvs_buf_puts(b, "&quot;");
            break;
        case '\'':
            rc = pvs_buf_puts(b, "&#39;");
            break;
        default:
            rc = pvs_buf_add(b, s, 1);
        }
    }
    return rc;
}

/*
 * Length of the UTF-8 sequence at p (n bytes left) and its code point, or
 * 0 when it is not valid UTF-8.
 */
static size_t utf8_seq(const unsigned char *p, size_t n, uint32_t *ret_cp) {
    static const uint32_t min_cp[] = {0, 0, 0x80, 0x800, 0x10000};
    size_t len;
    uint32_t cp;

    if (p[0] < 0x80)
        len = 1, cp = p[0];
    else if ((p[0] & 0xe0) == 0xc0)
        len = 2, cp = p[0] & 0x1fu;
    else if ((p[0] & 0xf0) == 0xe0)
        len = 3, cp = p[0] & 0x0fu;
    else if ((p[0] & 0xf8) == 0xf0)
        len = 4, cp = p[0] & 0x07u;
    else
        return 0;
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3fu);
    }
    if (cp < min_cp[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    *ret_cp = cp;
    return len;
}

bool pvs_utf8_valid(const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s;
    uint32_t cp;
    size_t k;

    for (size_t i = 0; i < len; i += k) {
        k = utf8_seq(p + i, len - i, &cp);
        if (!k || !cp)
            return false;
    }
    return true;
}

const char *pvs_esc(const char *src, char *buf, size_t size) {
    const unsigned char *p = (const unsigned char *)src;
    size_t n = 0, left, k, need;
    uint32_t cp;
    bool esc;

    PVS_ASSERT(size >= 8);
    if (!src) {
        pvs_strlcpy(buf, "(null)", size);
        return buf;
    }
    left = strlen(src);
    while (left) {
        k = utf8_seq(p, left, &cp);
        /* Escaped: one byte as \xNN. Kept: the whole sequence. */
        esc = !k || cp < 0x20 || cp == 0x7f || cp == '\\' ||
              (cp >= 0x80 && cp < 0xa0);
        need = esc ? 4 : k;
        if (esc)
            k = 1;
        /* Room for this piece, and for "..." when more follows. */
        if (n + need + (left > k ? 3 : 0) > size - 1) {
            pvs_strlcpy(buf + n, "...", size - n);
            return buf;
        }
        if (esc)
            n += (size_t)snprintf(buf + n, size - n, "\\x%02x", p[0]);
        else
            memcpy(buf + n, p, k);
        n += esc ? 0 : k;
        p += k;
        left -= k;
    }
    buf[n] = '\0';
    return buf;
}

char *pvs_buf_detach(struct pvs_buf *b, size_t *ret_len) {
    char *p = b->data ? b->data : pvs_strdup("");

    if (ret_len)
        *ret_len = b->len;
    b->data = NULL;
    b->len = 0;
    b->alloc = 0;
    return p;
}

/*
 * Telemetry values are mostly short decimals. printf("%.17g") costs more
 * than the rest of storing a reading, so find the smallest k for which
 * some integer n has n / 10^k == v in double arithmetic: the decimal string
 * of n with k decimals is then the exact shortest text of v, because both
 * it and v are the correctly rounded value of the same real number.
 */
size_t pvs_fmt_num(char *buf, double v) {
    static const double pow10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    char digits[24];
    size_t len = 0, nd = 0;

    PVS_ASSERT(isfinite(v));
    for (int k = 0; k < (int)PVS_ARRAY_LEN(pow10); k++) {
        double s = round(v * pow10[k]);
        uint64_t n;

        if (!(fabs(s) < 9007199254740992.0)) /* 2^53: s is exact */
            break;
        if (s / pow10[k] != v)
            continue;
        n = (uint64_t)fabs(s);
        do {
            digits[nd++] = (char)('0' + n % 10);
            n /= 10;
        } while (n);
        while (nd <= (size_t)k) /* 0.05 -> "005" before the point */
            digits[nd++] = '0';
        if (s < 0)
            buf[len++] = '-';
        while (nd) {
            if (nd == (size_t)k)
                buf[len++] = '.';
            buf[len++] = digits[--nd];
        }
        buf[len] = '\0';
        return len;
    }
    return (size_t)pvs_snprintf(buf, PVS_NUM_MAX, "%.17g", v);
}

void pvs_fmt_iso_utc(int64_t ms, char *buf, size_t size) {
    time_t t = (time_t)(ms / 1000);
    struct tm tm;

    if (ms < 0 && ms % 1000)
        t -= 1;
    gmtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
