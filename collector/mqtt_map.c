/* SPDX-License-Identifier: MIT */
/*
 * mqtt_map.c - MQTT topics and payloads to canonical samples.
 *
 * Everything arriving here is untrusted: a payload may be any bytes of any
 * length (the caller caps it), a JSON document may nest, numbers may be
 * huge, NaN or strings. Nothing is trusted beyond what is checked; a
 * field that fails is skipped and counted, a message without any good
 * field is rejected.
 *
 * DESIGN
 * This runs on Paho's receive thread, the critical path of ingest. The
 * JSON layout is read in one pass over the bytes Paho hands over: no
 * copy, no tree, no allocation but the message itself (and a copy of a
 * number or time too long for the stack, which no meter sends). The
 * reader is strict RFC 8259: a payload that is anything but one object
 * is refused whole. Keys and string values decode into small stack
 * buffers; a longer key or state name is no metric anyway, so such a
 * field only counts as unknown. Numbers convert exactly: Clinger's fast
 * path (at most 15 significant digits and a power of ten up to 22: two
 * exact operands, one IEEE rounding) covers what meters send, strtod the
 * rest. Nested values are checked and skipped without recursion, 64
 * levels deep at most.
 */
#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pvs/clock.h"
#include "pvs/mqtt.h"

#define MAX_FIELDS 256
#define TOPIC_MAX 512
#define MAX_DEPTH 64   /* nesting levels; the root object is level 1 */
#define NAME_BUF 64    /* keys and state names (the longest is 22 bytes) */
#define NUMBER_BUF 64  /* numbers for strtod; longer ones go to the heap */
#define TS_BUF 64      /* "ts" strings; longer ones go to the heap */
#define FLAT_BUF 128   /* a plain-text value and its terminator */
#define UNFIT SIZE_MAX /* the length of a string holding U+0000 */

struct dev_ref {
    const char *id;
    uint32_t index;
};

struct pvs_mqtt_map {
    const struct pvs_config *cfg;
    struct dev_ref *devs; /* sorted by id */
    size_t ndevs;
};

static int dev_cmp(const void *a, const void *b) {
    return strcmp(((const struct dev_ref *)a)->id,
                  ((const struct dev_ref *)b)->id);
}

struct pvs_mqtt_map *pvs_mqtt_map_new(const struct pvs_config *cfg) {
    struct pvs_mqtt_map *m = pvs_calloc(1, sizeof(*m));

    m->cfg = cfg;
    m->ndevs = cfg->ndevices;
    m->devs = pvs_calloc(m->ndevs + 1, sizeof(*m->devs));
    for (size_t i = 0; i < cfg->ndevices; i++) {
        m->devs[i].id = cfg->devices[i]->obj.id;
        m->devs[i].index = (uint32_t)i;
    }
    qsort(m->devs, m->ndevs, sizeof(*m->devs), dev_cmp);
    return m;
}

void pvs_mqtt_map_free(struct pvs_mqtt_map *map) {
    if (!map)
        return;
    pvs_free(map->devs);
    pvs_free(map);
}

static int find_device(const struct pvs_mqtt_map *map, const char *site,
                       const char *dev) {
    struct dev_ref key = {dev, 0};
    const struct dev_ref *r =
        bsearch(&key, map->devs, map->ndevs, sizeof(key), dev_cmp);
    const struct pvs_device *d;

    if (!r)
        return -1;
    d = map->cfg->devices[r->index];
    if (!d->site || strcmp(d->site->obj.id, site))
        return -1;
    return (int)r->index;
}

/* ---- a strict, single-pass reader of JSON text (RFC 8259) ---- */

struct json {
    const char *p;   /* the next byte */
    const char *end; /* one past the payload */
};

static void skip_ws(struct json *j) {
    while (j->p < j->end &&
           (*j->p == ' ' || *j->p == '\n' || *j->p == '\r' || *j->p == '\t'))
        j->p++;
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/* Whether the next byte is c; takes it if so. */
static bool take(struct json *j, char c) {
    if (j->p == j->end || *j->p != c)
        return false;
    j->p++;
    return true;
}

static bool hex4(const char **pp, const char *end, uint32_t *out) {
    const char *p = *pp;
    uint32_t v = 0;

    if (end - p < 4)
        return false;
    for (int i = 0; i < 4; i++) {
        unsigned c = (unsigned char)p[i], lc = c | 0x20;

        if (c >= '0' && c <= '9')
            v = v << 4 | (c - '0');
        else if (lc >= 'a' && lc <= 'f')
            v = v << 4 | (lc - 'a' + 10);
        else
            return false;
    }
    *pp = p + 4;
    *out = v;
    return true;
}

static size_t utf8_put(uint32_t cp, char *u) {
    if (cp < 0x80) {
        u[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        u[0] = (char)(0xc0 | cp >> 6);
        u[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        u[0] = (char)(0xe0 | cp >> 12);
        u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        u[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    u[0] = (char)(0xf0 | cp >> 18);
    u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
    u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
    u[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/*
 * The string whose opening quote is at j->p. Returns false when it is not
 * a JSON string: unterminated, a raw control character, a bad escape, a
 * surrogate escape out of its pair (cJSON refused those too). Otherwise
 * *ret_len is the decoded length, or UNFIT when it holds U+0000; buf
 * (size bytes, or NULL and 0 to only check) holds the decoded bytes and a
 * terminator when *ret_len < size. Bytes that are not UTF-8 pass through,
 * as they did.
 */
static bool read_string(struct json *j, char *buf, size_t size,
                        size_t *ret_len) {
    const char *p = j->p + 1, *end = j->end;
    size_t n = 0;
    bool nul = false;

    for (;;) {
        unsigned char c;
        uint32_t cp, lo;
        char u[4];
        size_t k;

        if (p == end)
            return false;
        c = (unsigned char)*p++;
        if (c == '"')
            break;
        if (c < 0x20)
            return false;
        if (c != '\\') {
            if (n + 1 < size)
                buf[n] = (char)c;
            n++;
            continue;
        }
        if (p == end)
            return false;
        switch (*p++) {
        case '"':
            cp = '"';
            break;
        case '\\':
            cp = '\\';
            break;
        case '/':
            cp = '/';
            break;
        case 'b':
            cp = '\b';
            break;
        case 'f':
            cp = '\f';
            break;
        case 'n':
            cp = '\n';
            break;
        case 'r':
            cp = '\r';
            break;
        case 't':
            cp = '\t';
            break;
        case 'u':
            if (!hex4(&p, end, &cp) || (cp >= 0xdc00 && cp <= 0xdfff))
                return false;
            if (cp >= 0xd800 && cp <= 0xdbff) {
                if (end - p < 2 || p[0] != '\\' || p[1] != 'u')
                    return false;
                p += 2;
                if (!hex4(&p, end, &lo) || lo < 0xdc00 || lo > 0xdfff)
                    return false;
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            }
            if (!cp)
                nul = true;
            break;
        default:
            return false;
        }
        k = utf8_put(cp, u);
        if (n + k < size)
            memcpy(buf + n, u, k);
        n += k;
    }
    j->p = p;
    if (n < size)
        buf[n] = '\0';
    *ret_len = nul ? UNFIT : n;
    return true;
}

/* Powers of ten that a double holds exactly. */
static const double exact_pow10[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* strtod wants a terminated string: a copy of the checked token. */
static double number_strtod(const char *s, size_t len) {
    char small[NUMBER_BUF], *big = NULL, *t = small;
    double v;

    if (len >= sizeof(small))
        t = big = pvs_malloc(len + 1);
    memcpy(t, s, len);
    t[len] = '\0';
    v = strtod(t, NULL);
    pvs_free(big);
    return v;
}

/*
 * The number at j->p. Returns false when it is not a JSON number: no
 * digit, a leading zero ("01" stops after the 0 and the caller finds a
 * stray digit), a point or an exponent without digits. With ret_value,
 * its value, correctly rounded; possibly infinite ("1e400"), which the
 * callers refuse, as they did with cJSON's strtod.
 */
static bool read_number(struct json *j, double *ret_value) {
    const char *p = j->p, *end = j->end, *start = p;
    uint64_t mant = 0; /* the first 16 significant digits */
    int ndig = 0;      /* significant digits, leading zeros not counted */
    int scale = 0;     /* value = mant * 10^(scale + exponent) */
    int e = 0;
    bool neg = false, eneg = false, slow = false;

    if (p < end && *p == '-') {
        neg = true;
        p++;
    }
    if (p == end || !is_digit(*p))
        return false;
    if (*p == '0') {
        p++;
    } else {
        do {
            if (ndig < 16)
                mant = mant * 10 + (uint64_t)(*p - '0');
            ndig++;
        } while (++p < end && is_digit(*p));
    }
    if (p < end && *p == '.') {
        if (++p == end || !is_digit(*p))
            return false;
        do {
            if (ndig || *p != '0') {
                if (ndig < 16)
                    mant = mant * 10 + (uint64_t)(*p - '0');
                ndig++;
            }
            if (scale > -1000)
                scale--;
            else
                slow = true;
        } while (++p < end && is_digit(*p));
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        if (++p < end && (*p == '+' || *p == '-'))
            eneg = *p++ == '-';
        if (p == end || !is_digit(*p))
            return false;
        do {
            if (e < 100000)
                e = e * 10 + (*p - '0');
            else
                slow = true;
        } while (++p < end && is_digit(*p));
    }
    j->p = p;
    if (!ret_value)
        return true;
    e = scale + (eneg ? -e : e);
    if (!ndig) {
        *ret_value = neg ? -0.0 : 0.0;
    } else if (FLT_EVAL_METHOD == 0 && !slow && ndig <= 15 && e >= -22 &&
               e <= 22) {
        /*
         * Two exact operands (mant < 2^53, 10^|e| <= 10^22) and one IEEE
         * rounding: correctly rounded, where doubles are computed as
         * doubles (SSE, ARM), not in the x87's extended precision, which
         * would round twice.
         */
        double v = e >= 0 ? (double)mant * exact_pow10[e]
                          : (double)mant / exact_pow10[-e];
        *ret_value = neg ? -v : v;
    } else {
        *ret_value = number_strtod(start, (size_t)(p - start));
    }
    return true;
}

static bool read_word(struct json *j, const char *w, size_t n) {
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n))
        return false;
    j->p += n;
    return true;
}

/* A string, number or literal at j->p (not the end), checked and skipped. */
static bool skip_scalar(struct json *j) {
    size_t len;

    switch (*j->p) {
    case '"':
        return read_string(j, NULL, 0, &len);
    case 't':
        return read_word(j, "true", 4);
    case 'f':
        return read_word(j, "false", 5);
    case 'n':
        return read_word(j, "null", 4);
    default:
        return read_number(j, NULL);
    }
}

/* Inside an object: a key, the colon, and the space before the value. */
static bool skip_key(struct json *j) {
    size_t len;

    if (j->p == j->end || *j->p != '"' || !read_string(j, NULL, 0, &len))
        return false;
    skip_ws(j);
    if (!take(j, ':'))
        return false;
    skip_ws(j);
    return true;
}

/*
 * The array or object at j->p, which opens nesting level depth: checked
 * and skipped. A loop, not recursion: bit i of objects says whether
 * level depth + i is an object or an array.
 */
static bool skip_nested(struct json *j, int depth) {
    uint64_t objects = 0;
    int top = -1;      /* the innermost open level, counted from depth */
    bool value = true; /* a value starts at j->p */
    char c;

    for (;;) {
        if (value) {
            if (j->p == j->end)
                return false;
            c = *j->p;
            if (c != '{' && c != '[') {
                if (!skip_scalar(j))
                    return false;
                value = false;
                continue;
            }
            if (depth + ++top > MAX_DEPTH)
                return false;
            if (c == '{')
                objects |= (uint64_t)1 << top;
            else
                objects &= ~((uint64_t)1 << top);
            j->p++;
            skip_ws(j);
            if (take(j, c == '{' ? '}' : ']')) {
                top--;
                value = false;
            } else if (c == '{' && !skip_key(j)) {
                return false;
            }
            continue;
        }
        /* After a value: a comma, or the end of the innermost level. */
        if (top < 0)
            return true;
        skip_ws(j);
        if (j->p == j->end)
            return false;
        c = *j->p++;
        if (c == ',') {
            skip_ws(j);
            if ((objects >> top & 1) && !skip_key(j))
                return false;
            value = true;
        } else if (c == ((objects >> top & 1) ? '}' : ']')) {
            top--;
        } else {
            return false;
        }
    }
}

/* Any value at j->p, a member of the root object. */
static bool skip_value(struct json *j) {
    if (j->p == j->end)
        return false;
    if (*j->p == '{' || *j->p == '[')
        return skip_nested(j, 2);
    return skip_scalar(j);
}

/* ---- the fields of the JSON layout ---- */

/* Epoch seconds (or ms when clearly ms). */
static bool ts_from_number(double d, int64_t *out) {
    if (!isfinite(d) || d < 0)
        return false;
    if (d > 1e11) /* milliseconds */
        d /= 1000.0;
    if (d > 32503680000.0) /* year 3000 */
        return false;
    *out = (int64_t)llround(d * 1000.0);
    return true;
}

/*
 * The value of the first "ts" member. Returns false when it is not JSON;
 * *ret_ok says whether it is a time: epoch seconds or ms, or an ISO 8601
 * string (of any length: pvs_clock_parse_time takes spaces and long
 * fractions).
 */
static bool read_ts(struct json *j, bool *ret_ok, int64_t *ret_ms) {
    const char *start = j->p;
    char small[TS_BUF], *big = NULL;
    size_t len;
    double d;

    *ret_ok = false;
    if (j->p == j->end)
        return false;
    if (*j->p == '-' || is_digit(*j->p)) {
        if (!read_number(j, &d))
            return false;
        *ret_ok = ts_from_number(d, ret_ms);
        return true;
    }
    if (*j->p != '"')
        return skip_value(j);
    if (!read_string(j, small, sizeof(small), &len))
        return false;
    if (len == UNFIT)
        return true;
    if (len >= sizeof(small)) {
        bool again;

        big = pvs_malloc(len + 1);
        j->p = start;
        again = read_string(j, big, len + 1, &len);
        PVS_ASSERT(again);
    }
    *ret_ok = pvs_clock_parse_time(big ? big : small, ret_ms) == PVS_OK;
    pvs_free(big);
    return true;
}

/*
 * The value of a metric member. Returns false when it is not JSON;
 * *ret_ok says whether it is a value for that metric (a finite number;
 * for "state" a state number or name), stored in *ret_v.
 */
static bool read_metric(struct json *j, enum pvs_metric m, bool *ret_ok,
                        double *ret_v) {
    char name[NAME_BUF];
    size_t len;
    int st;

    *ret_ok = false;
    if (j->p == j->end)
        return false;
    if (*j->p == '-' || is_digit(*j->p)) {
        if (!read_number(j, ret_v))
            return false;
        *ret_ok = isfinite(*ret_v) &&
                  (m != PVS_M_STATE ||
                   (*ret_v >= PVS_ST_OFF && *ret_v <= PVS_ST_STANDBY));
        return true;
    }
    if (*j->p != '"' || m != PVS_M_STATE)
        return skip_value(j);
    if (!read_string(j, name, sizeof(name), &len))
        return false;
    if (len < sizeof(name)) {
        st = pvs_state_parse(name);
        if (st >= 0) {
            *ret_v = st;
            *ret_ok = true;
        }
    }
    return true;
}

/* What the JSON object yields, before it becomes a message. */
struct fields {
    size_t n, unknown;
    bool has_ts, ts_ok;
    int64_t ts_ms;
    struct pvs_sample s[MAX_FIELDS];
};

/*
 * One member: "key": value. The first "ts" is the time; a key that is a
 * metric with a value for it is a sample; anything else is unknown (a
 * second "ts" too, as it always was).
 */
static bool read_member(struct json *j, uint32_t dev, struct fields *f) {
    char key[NAME_BUF];
    size_t klen;
    enum pvs_metric metric;
    unsigned idx;
    double v;
    bool ok;

    if (j->p == j->end || *j->p != '"' ||
        !read_string(j, key, sizeof(key), &klen))
        return false;
    skip_ws(j);
    if (!take(j, ':'))
        return false;
    skip_ws(j);
    if (!f->has_ts && klen == 2 && key[0] == 't' && key[1] == 's') {
        f->has_ts = true;
        return read_ts(j, &f->ts_ok, &f->ts_ms);
    }
    if (klen >= sizeof(key) || pvs_metric_parse(key, &metric, &idx)) {
        f->unknown++;
        return skip_value(j);
    }
    if (!read_metric(j, metric, &ok, &v))
        return false;
    if (!ok || f->n == MAX_FIELDS) {
        f->unknown++;
        return true;
    }
    f->s[f->n].dev = dev;
    f->s[f->n].metric = (uint16_t)metric;
    f->s[f->n].idx = (uint16_t)idx;
    f->s[f->n].value = v;
    f->s[f->n].quality = PVS_Q_OK;
    f->n++;
    return true;
}

/* The whole payload: one object, between optional whitespace. */
static bool read_object(struct json *j, uint32_t dev, struct fields *f) {
    skip_ws(j);
    if (!take(j, '{'))
        return false;
    skip_ws(j);
    if (!take(j, '}')) {
        for (;;) {
            if (!read_member(j, dev, f))
                return false;
            skip_ws(j);
            if (take(j, '}'))
                break;
            if (!take(j, ','))
                return false;
            skip_ws(j);
        }
    }
    skip_ws(j);
    return j->p == j->end;
}

static bool text_value(enum pvs_metric m, const char *s, double *out) {
    if (m == PVS_M_STATE) {
        int st;
        char name[32];
        size_t n;

        while (isspace((unsigned char)*s))
            s++;
        n = strcspn(s, " \t\r\n");
        if (n && n < sizeof(name)) {
            memcpy(name, s, n);
            name[n] = '\0';
            st = pvs_state_parse(name);
            if (st >= 0) {
                *out = st;
                return true;
            }
        }
    }
    if (pvs_parse_double(s, out))
        return false;
    if (m == PVS_M_STATE && (*out < PVS_ST_OFF || *out > PVS_ST_STANDBY))
        return false;
    return true;
}

/* Split "pvsentry/site/device[/metric]" into parts (in place). */
static int split_topic(char *t, char **parts, int max) {
    int n = 0;
    char *p = t;

    for (;;) {
        char *slash = strchr(p, '/');
        if (n == max)
            return -1;
        parts[n++] = p;
        if (!slash)
            break;
        *slash = '\0';
        p = slash + 1;
    }
    for (int i = 0; i < n; i++)
        if (!*parts[i])
            return -1;
    return n;
}

enum pvs_mqtt_result pvs_mqtt_map_parse(const struct pvs_mqtt_map *map,
                                        const char *topic, const void *payload,
                                        size_t len, int64_t now_ms,
                                        struct pvs_msg **ret,
                                        size_t *ret_unknown, char *why,
                                        size_t whysize) {
    char t[TOPIC_MAX];
    char *parts[5];
    int nparts, dev;
    enum pvs_mqtt_result res = PVS_MQTT_OK;
    struct pvs_msg *m = NULL;
    const char *text = len ? payload : "";
    size_t unknown = 0;

    why[0] = '\0';
    if (!pvs_strlcpy(t, topic, sizeof(t))) {
        pvs_snprintf(why, whysize, "topic longer than %d bytes", TOPIC_MAX);
        return PVS_MQTT_BAD_TOPIC;
    }
    nparts = split_topic(t, parts, 5);
    if (nparts < 3 || nparts > 4 || strcmp(parts[0], "pvsentry")) {
        pvs_snprintf(why, whysize,
                     "expected pvsentry/SITE/DEVICE or "
                     "pvsentry/SITE/DEVICE/METRIC");
        return PVS_MQTT_BAD_TOPIC;
    }
    dev = find_device(map, parts[1], parts[2]);
    if (dev < 0) {
        pvs_snprintf(why, whysize, "no device '%.64s' on site '%.64s'",
                     parts[2], parts[1]);
        return PVS_MQTT_UNKNOWN_DEVICE;
    }

    if (nparts == 4) {
        enum pvs_metric metric;
        unsigned idx;
        char value[FLAT_BUF];
        double v;

        if (memchr(text, '\0', len)) {
            pvs_snprintf(why, whysize, "payload contains a NUL byte");
            res = PVS_MQTT_MALFORMED;
            goto out;
        }
        if (pvs_metric_parse(parts[3], &metric, &idx)) {
            pvs_snprintf(why, whysize, "unknown metric '%.64s'", parts[3]);
            res = PVS_MQTT_UNKNOWN_METRIC;
            goto out;
        }
        /* No number or state name is that long, however padded. */
        if (len >= sizeof(value)) {
            pvs_snprintf(why, whysize, "payload is not a number");
            res = PVS_MQTT_MALFORMED;
            goto out;
        }
        memcpy(value, text, len);
        value[len] = '\0';
        if (!text_value(metric, value, &v)) {
            pvs_snprintf(why, whysize, "payload is not a number");
            res = PVS_MQTT_MALFORMED;
            goto out;
        }
        m = pvs_msg_new(PVS_MSG_SAMPLES, 1);
        m->samples[0].dev = (uint32_t)dev;
        m->samples[0].metric = (uint16_t)metric;
        m->samples[0].idx = (uint16_t)idx;
        m->samples[0].ts_ms = now_ms;
        m->samples[0].value = v;
        m->samples[0].quality = PVS_Q_OK;
        goto out;
    }

    {
        struct json j = {text, text + len};
        struct fields f;

        f.n = 0;
        f.unknown = 0;
        f.has_ts = false;
        f.ts_ok = false;
        /* A NUL byte is never JSON: only a refused payload can hold one. */
        if (!read_object(&j, (uint32_t)dev, &f)) {
            pvs_snprintf(why, whysize, "%s",
                         memchr(text, '\0', len)
                             ? "payload contains a NUL byte"
                             : "payload is not a JSON object");
            res = PVS_MQTT_MALFORMED;
            goto out;
        }
        if (f.has_ts && !f.ts_ok) {
            pvs_snprintf(why, whysize,
                         "bad \"ts\": expected epoch seconds "
                         "or ISO 8601");
            res = PVS_MQTT_MALFORMED;
            goto out;
        }
        unknown = f.unknown;
        if (!f.n) {
            pvs_snprintf(why, whysize, "no known metric in the payload");
            res = PVS_MQTT_EMPTY;
            goto out;
        }
        /* "ts" may come after the samples: stamp them now. */
        for (size_t i = 0; i < f.n; i++)
            f.s[i].ts_ms = f.has_ts ? f.ts_ms : now_ms;
        /* Exact size: messages wait in the inbox, keep them small. */
        m = pvs_msg_new(PVS_MSG_SAMPLES, f.n);
        memcpy(m->samples, f.s, f.n * sizeof(*f.s));
    }
out:
    *ret_unknown = unknown;
    if (res) {
        pvs_msg_free(m);
        return res;
    }
    *ret = m;
    return PVS_MQTT_OK;
}
