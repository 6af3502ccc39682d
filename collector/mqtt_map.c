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
 *
 * Gateway layouts ([mqtt_map], presets in mqtt_preset.c) are compiled
 * once into patterns of topic levels and sorted field tables: a message
 * costs a split of its topic, a level-by-level match, and binary
 * searches for its field and its serial number. A serial no map names is
 * counted and complained about (rate-limited by the caller), never turned
 * into a device. A JSON payload is walked once; paths go 8 members deep
 * at most, deeper values and arrays are checked and skipped.
 */
#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PVS_LOG_MODULE "mqtt"
#include <cjson/cJSON.h>
#include <pthread.h>

#include "pvs/clock.h"
#include "pvs/entity.h"
#include "pvs/log.h"
#include "pvs/mqtt.h"
#include "pvs/tz.h"

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

struct layout;

/* What a daily counter did last, per device (see daily_quality). */
struct daily {
    int64_t day; /* local day number of the last fresh sample */
    double last;
    bool have;
};

struct pvs_mqtt_map {
    const struct pvs_config *cfg;
    struct dev_ref *devs; /* sorted by id */
    size_t ndevs;
    struct layout *layouts;
    size_t nlayouts;
    char **filters;
    size_t nfilters;
    struct pvs_mqtt_keepalive *keepalives;
    size_t nkeepalives;
    struct pvs_tz **tz;    /* per site; NULL = UTC */
    struct daily *daily;   /* per device */
    pthread_mutex_t *lock; /* the daily state (parse may run anywhere) */
    char **owned;          /* serials cut out of "SERIAL DEVICE" lines */
    size_t nowned;
};

static int dev_cmp(const void *a, const void *b) {
    return strcmp(((const struct dev_ref *)a)->id,
                  ((const struct dev_ref *)b)->id);
}

static void layouts_build(struct pvs_mqtt_map *m);
static void layouts_free(struct pvs_mqtt_map *m);

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
    layouts_build(m);
    return m;
}

void pvs_mqtt_map_free(struct pvs_mqtt_map *map) {
    if (!map)
        return;
    layouts_free(map);
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

/* ---- gateway layouts: [mqtt_map] sections and presets ---- */

#define LV_MAX 16      /* topic levels a pattern or a topic may have */
#define FIELD_BUF 128  /* a field name or JSON path, lowercased */
#define PATH_DEPTH 8   /* JSON members deep a path may go */
#define SERIAL_BUF 128 /* a serial number or device id from a topic */

/* WC_PREFIX appears only while learning: the prefix is still unknown. */
enum wc {
    WC_NONE,
    WC_SITE,
    WC_DEVICE,
    WC_SERIAL,
    WC_CHANNEL,
    WC_FIELD,
    WC_REST,
    WC_ANY,
    WC_PREFIX,
    WC__COUNT
};
static const char *const wc_names[WC__COUNT] = {NULL,     "site",    "device",
                                                "serial", "channel", "field",
                                                "field*", "any",     "prefix"};

enum form { FORM_PLAIN, FORM_VALUE, FORM_JSON };
static const char *const form_names[] = {"plain", "value", "json", NULL};

struct level {
    char *lit; /* literal text, or the literal before the wildcard */
    size_t litlen;
    enum wc wc;
};

struct pattern {
    struct level lv[LV_MAX];
    int n;
    enum form form;
    bool skip; /* a topic of the gateway's that carries nothing for us */
    bool has[WC__COUNT];
    char *text; /* as written, {prefix} replaced */
};

enum scope { SC_ANY, SC_AC, SC_DC };

/* A gateway's own status numbers, as canonical states. */
struct code_state {
    int code;
    enum pvs_state state;
};

struct code_table {
    const char *name; /* the "unit" that selects it: state victron */
    const struct code_state *codes;
    size_t n;
};

/*
 * Victron's charger and inverter states: the /State of the solarcharger,
 * vebus and inverter services (Venus OS D-Bus documentation, which the
 * VE.Direct and VE.Bus protocol documents agree with). A charger that
 * holds a voltage (absorption, float...) takes less than the array
 * gives: throttled. Codes not listed (250 blocked) are not states of
 * ours and are left out, counted as unmapped.
 */
static const struct code_state victron_states[] = {
    {0, PVS_ST_OFF},         /* off */
    {1, PVS_ST_STANDBY},     /* low power, search mode */
    {2, PVS_ST_FAULT},       /* fault */
    {3, PVS_ST_MPPT},        /* bulk: all the array gives */
    {4, PVS_ST_THROTTLED},   /* absorption */
    {5, PVS_ST_THROTTLED},   /* float */
    {6, PVS_ST_THROTTLED},   /* storage */
    {7, PVS_ST_THROTTLED},   /* equalize */
    {8, PVS_ST_STANDBY},     /* passthru: the grid feeds the loads */
    {9, PVS_ST_MPPT},        /* inverting */
    {10, PVS_ST_MPPT},       /* power assist */
    {11, PVS_ST_MPPT},       /* power supply */
    {244, PVS_ST_STANDBY},   /* sustain */
    {245, PVS_ST_STARTING},  /* wake-up */
    {246, PVS_ST_THROTTLED}, /* repeated absorption */
    {247, PVS_ST_THROTTLED}, /* auto equalize, recondition */
    {248, PVS_ST_THROTTLED}, /* battery safe */
    {252, PVS_ST_MPPT},      /* external control (ESS, DVCC) */
};

/* A PV inverter's /StatusCode on Venus OS (Fronius' status codes). */
static const struct code_state victron_pv_states[] = {
    {0, PVS_ST_STARTING},   {1, PVS_ST_STARTING}, {2, PVS_ST_STARTING},
    {3, PVS_ST_STARTING},   {4, PVS_ST_STARTING}, {5, PVS_ST_STARTING},
    {6, PVS_ST_STARTING},   {7, PVS_ST_MPPT},     {8, PVS_ST_STANDBY},
    {9, PVS_ST_STARTING},   {10, PVS_ST_FAULT},   {11, PVS_ST_MPPT},
    {12, PVS_ST_THROTTLED},
};

static const struct code_table code_tables[] = {
    {"victron", victron_states, PVS_ARRAY_LEN(victron_states)},
    {"victron_pvinverter", victron_pv_states, PVS_ARRAY_LEN(victron_pv_states)},
};

static const struct code_table *code_table_find(const char *name) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(code_tables); i++)
        if (!pvs_strcasecmp(code_tables[i].name, name))
            return &code_tables[i];
    return NULL;
}

/* The state of code in t; false when the table has no such code. */
static bool code_state(const struct code_table *t, double v, double *out) {
    if (v != floor(v))
        return false;
    for (size_t i = 0; i < t->n; i++)
        if (t->codes[i].code == (int)v) {
            *out = t->codes[i].state;
            return true;
        }
    return false;
}

struct field {
    char *name; /* lowercased */
    enum scope scope;
    bool ignore;
    bool per_channel; /* mppt_*: the channel is the MPPT input */
    enum pvs_metric metric;
    unsigned idx;
    double factor;
    int32_t dev;                    /* @DEVICE, or -1 */
    const struct code_table *codes; /* state: the gateway's own codes */
};

struct serial_ref {
    const char *serial;
    uint32_t dev;
};

struct layout {
    const struct pvs_mqtt_map_cfg *mc;
    struct pattern *pats;
    size_t npats;
    struct field *fields; /* sorted by scope, then name */
    size_t nfields;
    struct serial_ref *serials; /* sorted by serial */
    size_t nserials;
    int32_t default_dev; /* topics that name no device; -1 = none */
    int64_t ac_channel;
    char *prefix;
    char *keepalive_topic;
    int64_t keepalive_ms;
    bool learn; /* mqtt-learn: any serial is a device */
};

/* One key = value line, from the preset or from the section. */
struct lkv {
    const char *key, *value, *file;
    int line;
    bool preset; /* a preset's line, not the section's */
};

static int field_cmp(const void *a, const void *b) {
    const struct field *x = a, *y = b;

    if (x->scope != y->scope)
        return (int)x->scope - (int)y->scope;
    return strcmp(x->name, y->name);
}

static int serial_cmp(const void *a, const void *b) {
    return strcmp(((const struct serial_ref *)a)->serial,
                  ((const struct serial_ref *)b)->serial);
}

/* A device's index; without cfg (the API's check of a map's shape) any
 * valid id stands for a device. */
static int32_t device_index(const struct pvs_config *cfg, const char *id) {
    const struct pvs_device *d;

    if (!cfg)
        return pvs_entity_id_valid(id) ? 0 : -1;
    d = pvs_config_device(cfg, id);

    return d ? (int32_t)d->index : -1;
}

/* "{prefix}" replaced by prefix (a level of its own disappears when
 * prefix is empty). Caller frees. */
static char *expand_prefix(const char *s, const char *prefix) {
    struct pvs_buf b;
    const char *p = s, *hit;
    char *out;

    pvs_buf_init(&b, 4096);
    while ((hit = strstr(p, "{prefix}"))) {
        pvs_buf_printf(&b, "%.*s%s", (int)(hit - p), p, prefix);
        p = hit + 8;
        if (!*prefix && hit == s && *p == '/')
            p++;
    }
    pvs_buf_puts(&b, p);
    out = pvs_strdup(b.data ? b.data : "");
    pvs_buf_release(&b);
    return out;
}

static void lerr(struct pvs_cfg_errors *errs, const struct lkv *kv,
                 const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void lerr(struct pvs_cfg_errors *errs, const struct lkv *kv,
                 const char *fmt, ...) {
    char msg[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (errs)
        pvs_cfg_error(errs, kv->file, kv->line, "%s", msg);
    else
        pvs_error("%s:%d: %s", kv->file, kv->line, msg);
}

/* The payload form after the pattern ("... plain"): cut off text. */
static bool pattern_form(const struct lkv *kv, char *text, struct pattern *pat,
                         struct pvs_cfg_errors *errs) {
    char *sp = strpbrk(text, " \t"), *f;
    int k;

    pat->form = FORM_PLAIN;
    if (!sp)
        return true;
    f = sp + strspn(sp, " \t");
    *sp = '\0';
    for (k = 0; form_names[k] && strcmp(form_names[k], f); k++)
        ;
    if (!form_names[k]) {
        lerr(errs, kv, "payload form '%s': expected plain, value or json", f);
        return false;
    }
    pat->form = (enum form)k;
    return true;
}

/*
 * One level of text (p, k bytes; last when it ends the pattern) into
 * lv: text, optionally ending in one {wildcard}.
 */
static bool pattern_level(const struct lkv *kv, const char *text, const char *p,
                          size_t k, bool last, struct pattern *pat,
                          struct level *lv, struct pvs_cfg_errors *errs) {
    const char *open = memchr(p, '{', k), *close;
    size_t n;
    int w;

    close = open ? memchr(open, '}', k - (size_t)(open - p)) : NULL;
    if (!k || (open && (!close || close != p + k - 1))) {
        lerr(errs, kv,
             "topic '%s': every level is text, optionally ending "
             "with one {wildcard}",
             text);
        return false;
    }
    lv->lit = (char *)(uintptr_t)p;
    lv->litlen = open ? (size_t)(open - p) : k;
    if (!open)
        return true;
    n = (size_t)(close - open - 1);
    for (w = 1; w < WC__COUNT; w++)
        if (strlen(wc_names[w]) == n && !memcmp(open + 1, wc_names[w], n))
            break;
    if (w == WC__COUNT) {
        lerr(errs, kv,
             "topic '%s': unknown wildcard '%.*s': expected site, "
             "device, serial, channel, field, field* or any",
             text, (int)n, open + 1);
        return false;
    }
    if (pat->has[w] && w != WC_ANY) {
        lerr(errs, kv, "topic '%s': {%s} appears twice", text, wc_names[w]);
        return false;
    }
    if (w == WC_REST && (!last || lv->litlen)) {
        lerr(errs, kv, "topic '%s': {field*} must be a whole last level", text);
        return false;
    }
    lv->wc = (enum wc)w;
    pat->has[w] = true;
    return true;
}

/* "PATTERN [plain|value|json]" into pat. Returns false on an error. */
static bool pattern_compile(const struct lkv *kv, const char *prefix, bool skip,
                            struct pattern *pat, struct pvs_cfg_errors *errs) {
    char *text = expand_prefix(kv->value, prefix), *p, *slash;
    bool ok;

    memset(pat, 0, sizeof(*pat));
    pat->skip = skip;
    pat->text = text;
    ok = pattern_form(kv, text, pat, errs);
    if (ok && strpbrk(text, "+#")) {
        lerr(errs, kv,
             "topic '%s': write {any} or {field*} instead of MQTT "
             "wildcards",
             text);
        ok = false;
    }
    for (p = text; ok; p = slash + 1) {
        size_t k;

        if (pat->n == LV_MAX) {
            lerr(errs, kv, "topic '%s' has more than %d levels", text, LV_MAX);
            ok = false;
            break;
        }
        slash = strchr(p, '/');
        k = slash ? (size_t)(slash - p) : strlen(p);
        ok = pattern_level(kv, text, p, k, !slash, pat, &pat->lv[pat->n++],
                           errs);
        if (!slash)
            break;
    }
    if (!ok) {
        pat->n = 0; /* nothing of its own to free but text */
        return false;
    }
    /* The level strings point into text: cut them apart. */
    for (int i = 0; i < pat->n; i++)
        pat->lv[i].lit = pvs_strndup(pat->lv[i].lit, pat->lv[i].litlen);
    return true;
}

static char *pattern_filter(const struct pattern *pat) {
    struct pvs_buf b;
    char *out;

    pvs_buf_init(&b, 4096);
    for (int i = 0; i < pat->n; i++) {
        const struct level *lv = &pat->lv[i];
        if (i)
            pvs_buf_puts(&b, "/");
        if (lv->wc == WC_REST)
            pvs_buf_puts(&b, "#");
        else if (lv->wc != WC_NONE)
            pvs_buf_puts(&b, "+");
        else
            pvs_buf_puts(&b, lv->lit);
    }
    out = pvs_strdup(b.data);
    pvs_buf_release(&b);
    return out;
}

static void pattern_release(struct pattern *pat) {
    for (int i = 0; i < pat->n; i++)
        pvs_free(pat->lv[i].lit);
    pvs_free(pat->text);
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

/* The factor from unit to the metric's own unit; false when it does not
 * fit. */
static bool unit_factor(const char *metric, const char *unit, double *out) {
    static const struct {
        const char *suffix, *unit;
        double f;
    } units[] = {
        {"_w", "w", 1},
        {"_w", "kw", 1e3},
        {"_w", "mw", 1e6},
        {"_wh", "wh", 1},
        {"_wh", "kwh", 1e3},
        {"_wh", "mwh", 1e6},
        {"_v", "v", 1},
        {"_v", "kv", 1e3},
        {"_a", "a", 1},
        {"_a", "ma", 1e-3},
        {"_hz", "hz", 1},
        {"_c", "c", 1},
        {"_pct", "percent", 1},
        {"_pct", "%", 1},
        {"_kohm", "kohm", 1},
        {"_kohm", "mohm", 1e3},
        {"_wm2", "w/m2", 1},
        {"power_factor", "fraction", 1},
        {"power_factor", "percent", 0.01},
        {"power_factor", "%", 0.01},
    };
    char lu[16];
    size_t n = strlen(unit);

    if (n >= sizeof(lu))
        return false;
    for (size_t i = 0; i <= n; i++)
        lu[i] = (char)tolower((unsigned char)unit[i]);
    for (size_t i = 0; i < PVS_ARRAY_LEN(units); i++) {
        if (!ends_with(metric, units[i].suffix) || strcmp(lu, units[i].unit))
            continue;
        /* "_w" is also the end of "_kohm"? no; but "_wh" ends in "h". */
        *out = units[i].f;
        return true;
    }
    return false;
}

/* Cut s at blanks into at most max words; 0 when none or too many. */
static int split_words(char *s, char **words, int max) {
    int n = 0;

    for (;;) {
        s += strspn(s, " \t");
        if (!*s)
            return n;
        if (n == max)
            return 0;
        words[n++] = s;
        s += strcspn(s, " \t");
        if (*s)
            *s++ = '\0';
    }
}

/* One word after a field's metric: @DEVICE, a unit or a code table. */
static bool field_qualifier(const struct pvs_config *cfg, const struct lkv *kv,
                            const char *name, const char *metric,
                            const char *mname, const char *w, struct field *f,
                            struct pvs_cfg_errors *errs) {
    if (w[0] == '@') {
        f->dev = device_index(cfg, w + 1);
        if (f->dev < 0) {
            lerr(errs, kv, "field '%s': device '%s' is not defined", name,
                 w + 1);
            return false;
        }
    } else if (f->metric == PVS_M_STATE && code_table_find(w)) {
        f->codes = code_table_find(w);
    } else if (f->metric == PVS_M_STATE) {
        lerr(errs, kv,
             "field '%s': '%s' is no table of state codes (victron, "
             "victron_pvinverter; a state needs no unit)",
             name, w);
        return false;
    } else if (!unit_factor(mname, w, &f->factor)) {
        lerr(errs, kv,
             "field '%s': unit '%s' does not fit metric '%s' (kW, kWh, "
             "MWh, mA, percent... convert to the metric's own unit)",
             name, w, metric);
        return false;
    }
    return true;
}

/* "METRIC [UNIT] [@DEVICE]" for key field.NAME, ac.NAME or dc.NAME. */
static bool field_compile(const struct pvs_config *cfg, const struct lkv *kv,
                          enum scope scope, const char *name, struct field *f,
                          struct pvs_cfg_errors *errs) {
    char buf[256], *tok[4];
    int n;
    char mname[64];

    memset(f, 0, sizeof(*f));
    f->scope = scope;
    f->dev = -1;
    f->factor = 1.0;
    if (!*name || strlen(name) >= FIELD_BUF) {
        lerr(errs, kv, "field name '%s' must have 1 to %d characters", name,
             FIELD_BUF - 1);
        return false;
    }
    if (!pvs_strlcpy(buf, kv->value, sizeof(buf))) {
        lerr(errs, kv, "field '%s': value too long", name);
        return false;
    }
    n = split_words(buf, tok, 4);
    if (!n) {
        lerr(errs, kv, "field '%s': expected METRIC [UNIT] [@DEVICE]", name);
        return false;
    }
    f->name = pvs_strdup(name);
    for (char *c = f->name; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    if (!strcmp(tok[0], "ignore")) {
        f->ignore = true;
        if (n > 1)
            lerr(errs, kv, "field '%s': 'ignore' takes nothing after it", name);
        return n == 1;
    }
    pvs_strlcpy(mname, tok[0], sizeof(mname));
    if (!strncmp(tok[0], "mppt_", 5)) {
        if (scope != SC_DC) {
            lerr(errs, kv,
                 "field '%s': %s takes the MPPT input from the channel: "
                 "write it as dc.%s, or name the input (mppt1_...)",
                 name, tok[0], name);
            return false;
        }
        f->per_channel = true;
        pvs_snprintf(mname, sizeof(mname), "mppt1_%s", tok[0] + 5);
    }
    if (pvs_metric_parse(mname, &f->metric, &f->idx)) {
        lerr(errs, kv,
             "field '%s': unknown metric '%s' (a canonical metric, "
             "mppt_power_w and the like in dc., or ignore)",
             name, tok[0]);
        return false;
    }
    for (int i = 1; i < n; i++)
        if (!field_qualifier(cfg, kv, name, tok[0], mname, tok[i], f, errs))
            return false;
    return true;
}

static void layout_release(struct layout *l) {
    for (size_t i = 0; i < l->npats; i++)
        pattern_release(&l->pats[i]);
    pvs_free(l->pats);
    for (size_t i = 0; i < l->nfields; i++)
        pvs_free(l->fields[i].name);
    pvs_free(l->fields);
    pvs_free(l->serials);
    pvs_free(l->prefix);
    pvs_free(l->keepalive_topic);
    memset(l, 0, sizeof(*l));
}

static bool core_key(const char *k) {
    return !strcmp(k, "preset") || !strcmp(k, "site") || !strcmp(k, "device") ||
           !strcmp(k, "gateway");
}

/*
 * The section's lines with its preset's first; a key the section sets
 * replaces the preset's (any topic or skip line replaces all of them).
 * Preset lines carry the preset key's origin. Caller frees the array.
 */
static struct lkv *merged_lines(const struct pvs_mqtt_map_cfg *mc,
                                size_t *ret_n, struct pvs_cfg_errors *errs,
                                bool *ret_ok) {
    const struct pvs_mqtt_preset_kv *pre = NULL;
    const struct pvs_kv *pk = pvs_cfg_obj_kv(&mc->obj, "preset");
    struct lkv *out;
    size_t n = 0, cap = mc->obj.nkv + 1;

    *ret_ok = true;
    if (mc->preset) {
        pre = pvs_mqtt_preset_find(mc->preset);
        if (!pre) {
            struct lkv at = {"preset", mc->preset, pk ? pk->file : mc->obj.file,
                             pk ? pk->line : mc->obj.line, false};
            struct pvs_buf names;
            pvs_buf_init(&names, 512);
            for (size_t i = 0; pvs_mqtt_preset_name(i); i++)
                pvs_buf_printf(&names, "%s%s", i ? ", " : "",
                               pvs_mqtt_preset_name(i));
            lerr(errs, &at, "unknown preset '%s': expected one of %s",
                 mc->preset, names.data);
            pvs_buf_release(&names);
            *ret_ok = false;
        }
    }
    for (const struct pvs_mqtt_preset_kv *p = pre; p && p->key; p++)
        cap++;
    out = pvs_calloc(cap, sizeof(*out));
    for (const struct pvs_mqtt_preset_kv *p = pre; p && p->key; p++) {
        if (pvs_cfg_obj_kv(&mc->obj, p->key))
            continue;
        out[n].key = p->key;
        out[n].value = p->value;
        out[n].file = pk->file;
        out[n].line = pk->line;
        out[n].preset = true;
        n++;
    }
    for (size_t i = 0; i < mc->obj.nkv; i++) {
        const struct pvs_kv *kv = &mc->obj.kv[i];
        if (core_key(kv->key))
            continue;
        out[n].key = kv->key;
        out[n].value = kv->value;
        out[n].file = kv->file;
        out[n].line = kv->line;
        n++;
    }
    *ret_n = n;
    return out;
}

/* A field.NAME, ac.NAME or dc.NAME line into l's fields. */
static bool layout_field(const struct pvs_config *cfg, const struct lkv *kv,
                         struct layout *l, struct pvs_cfg_errors *errs) {
    enum scope sc = kv->key[0] == 'f'   ? SC_ANY
                    : kv->key[0] == 'a' ? SC_AC
                                        : SC_DC;
    const char *name = strchr(kv->key, '.') + 1;
    struct field f;

    if (!field_compile(cfg, kv, sc, name, &f, errs)) {
        pvs_free(f.name);
        return false;
    }
    l->fields = pvs_realloc(l->fields, (l->nfields + 1) * sizeof(*l->fields));
    l->fields[l->nfields++] = f;
    return true;
}

/* One line that is not a topic or skip line, into l. */
static bool layout_key(const struct pvs_config *cfg,
                       const struct pvs_mqtt_map_cfg *mc, const struct lkv *kv,
                       struct layout *l, struct pvs_cfg_errors *errs) {
    char msg[256];

    if (!strcmp(kv->key, "prefix")) {
        pvs_free(l->prefix);
        l->prefix = pvs_strdup(kv->value);
    } else if (!strcmp(kv->key, "ac_channel")) {
        if (pvs_parse_i64(kv->value, &l->ac_channel) || l->ac_channel < -1 ||
            l->ac_channel > 99) {
            lerr(errs, kv, "ac_channel: expected -1 (none) to 99, not '%s'",
                 kv->value);
            return false;
        }
    } else if (!strcmp(kv->key, "keepalive")) {
        if (pvs_cfg_parse_duration(kv->value, &l->keepalive_ms, msg,
                                   sizeof(msg)) ||
            l->keepalive_ms < 1000 || l->keepalive_ms > 3600000) {
            lerr(errs, kv, "keepalive: expected 1s to 1h, not '%s'", kv->value);
            return false;
        }
    } else if (!strcmp(kv->key, "keepalive_topic")) {
        pvs_free(l->keepalive_topic);
        l->keepalive_topic = pvs_strdup(kv->value);
    } else if (!strncmp(kv->key, "field.", 6) || !strncmp(kv->key, "ac.", 3) ||
               !strncmp(kv->key, "dc.", 3)) {
        return layout_field(cfg, kv, l, errs);
    } else if (strcmp(kv->key, "topic") && strcmp(kv->key, "skip")) {
        lerr(errs, kv,
             "unknown key '%s' in [mqtt_map \"%s\"]: expected preset, "
             "prefix, topic, skip, site, device, gateway, ac_channel, "
             "keepalive, keepalive_topic, field.NAME, ac.NAME or dc.NAME",
             kv->key, mc->obj.id);
        return false;
    }
    return true;
}

/*
 * The topic and skip lines, once the prefix is known (wherever it was
 * set). *ret_topic says whether there is a topic line.
 */
static bool layout_topics(const struct pvs_mqtt_map_cfg *mc,
                          const struct lkv *lines, size_t n, struct layout *l,
                          struct pvs_cfg_errors *errs, bool *ret_topic) {
    bool ok = true;

    *ret_topic = false;
    for (size_t i = 0; i < n; i++) {
        const struct lkv *kv = &lines[i];
        bool skip = !strcmp(kv->key, "skip");
        if (!skip && strcmp(kv->key, "topic"))
            continue;
        if (strstr(kv->value, "{prefix}") && !*l->prefix && mc->preset &&
            !pvs_strcasecmp(mc->preset, "venus")) {
            struct lkv at = *kv;
            at.key = "prefix";
            lerr(errs, &at, "set prefix to the VRM portal ID of the GX device");
            ok = false;
            continue;
        }
        l->pats = pvs_realloc(l->pats, (l->npats + 1) * sizeof(*l->pats));
        if (!pattern_compile(kv, l->prefix, skip, &l->pats[l->npats], errs)) {
            pattern_release(&l->pats[l->npats]);
            ok = false;
            continue;
        }
        l->npats++;
        *ret_topic |= !skip;
    }
    return ok;
}

/* Explicit serials (cut in layout_serials) and the default device. */
static void layout_devices(const struct pvs_config *cfg,
                           const struct pvs_mqtt_map_cfg *mc,
                           struct layout *l) {
    for (size_t i = 0; i < mc->ndevices; i++) {
        const char *e = mc->devices[i], *sp = strpbrk(e, " \t");
        int32_t d;
        if (!sp) {
            l->default_dev = device_index(cfg, e);
            continue;
        }
        d = device_index(cfg, sp + strspn(sp, " \t"));
        if (d < 0)
            continue;
        l->serials =
            pvs_realloc(l->serials, (l->nserials + 1) * sizeof(*l->serials));
        l->serials[l->nserials].serial = e; /* cut at sp later */
        l->serials[l->nserials].dev = (uint32_t)d;
        l->nserials++;
    }
    if (l->default_dev < 0 && mc->gateway)
        l->default_dev = (int32_t)mc->gateway->index;
}

/*
 * Compile map mc into l. Errors go to errs (or the log when NULL); a map
 * without any topic is one when need_topic. Returns false when there was
 * any. cfg NULL checks the map's shape only (devices are not looked up).
 */
static bool layout_compile(const struct pvs_config *cfg,
                           const struct pvs_mqtt_map_cfg *mc, struct layout *l,
                           struct pvs_cfg_errors *errs, bool need_topic) {
    struct lkv *lines;
    size_t n;
    bool ok, topic;

    memset(l, 0, sizeof(*l));
    l->mc = mc;
    l->default_dev = -1;
    lines = merged_lines(mc, &n, errs, &ok);
    for (size_t i = 0; i < n; i++)
        ok &= layout_key(cfg, mc, &lines[i], l, errs);
    if (!l->prefix)
        l->prefix = pvs_strdup("");
    ok &= layout_topics(mc, lines, n, l, errs, &topic);
    if (l->keepalive_topic) {
        char *t = expand_prefix(l->keepalive_topic, l->prefix);
        pvs_free(l->keepalive_topic);
        l->keepalive_topic = t;
    }
    if (l->keepalive_ms && !l->keepalive_topic) {
        struct lkv at = {"keepalive", "", mc->obj.file, mc->obj.line, false};
        lerr(errs, &at, "keepalive needs keepalive_topic");
        ok = false;
    }
    if (!topic && ok && need_topic) {
        struct lkv at = {"topic", "", mc->obj.file, mc->obj.line, false};
        lerr(errs, &at,
             "[mqtt_map \"%s\"] has no topic: set preset or topic = PATTERN",
             mc->obj.id);
        ok = false;
    }
    if (l->nfields) /* qsort and bsearch take no NULL, even for none */
        qsort(l->fields, l->nfields, sizeof(*l->fields), field_cmp);
    for (size_t i = 1; i < l->nfields; i++)
        PVS_ASSERT(field_cmp(&l->fields[i - 1], &l->fields[i]) != 0);
    layout_devices(cfg, mc, l);
    pvs_free(lines);
    return ok;
}

/* The explicit "SERIAL DEVICE" serials are cut copies. */
static void layout_serials(const struct pvs_config *cfg,
                           const struct pvs_mqtt_map_cfg *mc, struct layout *l,
                           char ***owned, size_t *nowned) {
    for (size_t i = 0; i < l->nserials; i++) {
        const char *e = l->serials[i].serial;
        char *cut = pvs_strndup(e, strcspn(e, " \t"));
        *owned = pvs_realloc(*owned, (*nowned + 1) * sizeof(char *));
        (*owned)[(*nowned)++] = cut;
        l->serials[i].serial = cut;
    }
    /* Devices with a serial on its site that no other map claimed. */
    for (size_t i = 0; i < cfg->ndevices; i++) {
        const struct pvs_device *d = cfg->devices[i];
        if (!d->serial || (d->mqtt_map && d->mqtt_map != mc) ||
            (mc->site && d->site != mc->site))
            continue;
        l->serials =
            pvs_realloc(l->serials, (l->nserials + 1) * sizeof(*l->serials));
        l->serials[l->nserials].serial = d->serial;
        l->serials[l->nserials].dev = (uint32_t)i;
        l->nserials++;
    }
    if (l->nserials)
        qsort(l->serials, l->nserials, sizeof(*l->serials), serial_cmp);
}

/* A topic that can never reach a configured device is an error. */
static bool layout_reachable(const struct pvs_config *cfg,
                             const struct layout *l, const struct lkv *at,
                             const struct pattern *p,
                             struct pvs_cfg_errors *errs) {
    bool pinned = false;

    if (p->skip)
        return true;
    for (size_t i = 0; i < l->nfields && !pinned; i++)
        pinned = l->fields[i].dev >= 0;
    if (p->has[WC_SERIAL] && !l->nserials && !pinned) {
        lerr(errs, at,
             "topic '%s' can never match a configured device: no device "
             "%s%s%shas a serial, and no 'device = SERIAL DEVICE' line "
             "names one",
             p->text, l->mc->site ? "of site '" : "",
             l->mc->site ? l->mc->site->obj.id : "", l->mc->site ? "' " : "");
        return false;
    }
    if (p->has[WC_DEVICE]) {
        bool any = false;
        for (size_t i = 0; i < cfg->ndevices && !any; i++)
            any = !l->mc->site || cfg->devices[i]->site == l->mc->site;
        if (!any) {
            lerr(errs, at,
                 "topic '%s' can never match a configured device: site "
                 "'%s' has no device",
                 p->text, l->mc->site->obj.id);
            return false;
        }
    }
    if (!p->has[WC_SERIAL] && !p->has[WC_DEVICE] && l->default_dev < 0 &&
        !pinned) {
        lerr(errs, at,
             "topic '%s' names no device: add 'device = DEVICE', "
             "'gateway = DEVICE' or @DEVICE on its fields",
             p->text);
        return false;
    }
    return true;
}

/* How a topic that no configured device can match yet is reported. */
enum reach { REACH_QUIET, REACH_WARN, REACH_ERROR };

static bool layout_full(const struct pvs_config *cfg,
                        const struct pvs_mqtt_map_cfg *mc, struct layout *l,
                        char ***owned, size_t *nowned,
                        struct pvs_cfg_errors *errs, enum reach reach) {
    struct pattern *p;
    bool pinned = false;
    bool ok = layout_compile(cfg, mc, l, errs, true);
    struct lkv *lines;
    size_t n, k = 0;
    bool dummy;

    layout_serials(cfg, mc, l, owned, nowned);
    if (!ok)
        return false;
    for (size_t i = 0; i < l->nfields && !pinned; i++)
        pinned = l->fields[i].dev >= 0;
    /* The origin of each pattern, for the reachability errors. */
    lines = merged_lines(mc, &n, NULL, &dummy);
    for (size_t i = 0; i < n && k < l->npats; i++) {
        if (strcmp(lines[i].key, "topic") && strcmp(lines[i].key, "skip"))
            continue;
        p = &l->pats[k++];
        /* A preset's gateway-level topic (dtu/status) without a gateway
         * device is only ignored; everything else must reach a device. */
        if (lines[i].preset && !p->has[WC_SERIAL] && !p->has[WC_DEVICE] &&
            l->default_dev < 0 && !pinned) {
            p->skip = true;
            continue;
        }
        if (reach == REACH_ERROR) {
            if (!layout_reachable(cfg, l, &lines[i], p, errs))
                ok = false;
        } else if (reach == REACH_WARN) {
            struct pvs_cfg_errors w;
            memset(&w, 0, sizeof(w));
            if (!layout_reachable(cfg, l, &lines[i], p, &w))
                pvs_warn("%s (devices registered later through the API "
                         "make it match)",
                         w.msg[0]);
            pvs_cfg_errors_release(&w);
        }
    }
    pvs_free(lines);
    return ok;
}

void pvs_mqtt_map_check(const struct pvs_config *cfg,
                        struct pvs_cfg_errors *errs, bool strict) {
    for (size_t i = 0; i < cfg->nmqtt_maps; i++) {
        struct layout l;
        char **owned = NULL;
        size_t nowned = 0;

        layout_full(cfg, cfg->mqtt_maps[i], &l, &owned, &nowned, errs,
                    strict ? REACH_ERROR : REACH_WARN);
        layout_release(&l);
        for (size_t k = 0; k < nowned; k++)
            pvs_free(owned[k]);
        pvs_free(owned);
    }
}

/* ---- the API's check of a map (pvs_entity_set_check) ---- */

#define API_KEYS 64 /* settings members at most (entity.c) */

/* A map's device lines: "SERIAL DEVICE" or one DEVICE. */
static bool api_devices(const cJSON *devs, char *msg, size_t msgsize) {
    const cJSON *it;

    cJSON_ArrayForEach(it, devs) {
        char buf[256], *w[2];
        int n = 0;

        if (cJSON_IsString(it) &&
            pvs_strlcpy(buf, it->valuestring, sizeof(buf)))
            n = split_words(buf, w, 2);
        if (!n || !pvs_entity_id_valid(w[n - 1])) {
            pvs_snprintf(msg, msgsize,
                         "devices: '%.60s': expected 'SERIAL DEVICE' or one "
                         "DEVICE id",
                         cJSON_IsString(it) ? it->valuestring : "?");
            return false;
        }
    }
    return true;
}

/* "FIELD: message" (an lkv's origin in the API check) into its parts. */
static void api_error(const char *err, char *field, size_t fieldsize, char *msg,
                      size_t msgsize) {
    const char *colon = strstr(err, ": ");
    size_t n = colon ? (size_t)(colon - err) : 0;

    if (n >= fieldsize)
        n = 0;
    memcpy(field, err, n);
    field[n] = '\0';
    pvs_strlcpy(msg, colon ? colon + 2 : err, msgsize);
    /* The preset's own topics need the prefix: say which member. */
    if (!strcmp(field, "preset") && strstr(msg, "set prefix"))
        pvs_strlcpy(field, "settings.prefix", fieldsize);
}

enum pvs_err pvs_mqtt_map_validate_json(const cJSON *obj, bool create,
                                        char *field, size_t fieldsize,
                                        char *msg, size_t msgsize) {
    const cJSON *pre = cJSON_GetObjectItemCaseSensitive(obj, "preset");
    const cJSON *set = cJSON_GetObjectItemCaseSensitive(obj, "settings");
    const cJSON *it;
    struct pvs_mqtt_map_cfg mc;
    struct pvs_kv kv[API_KEYS + 1];
    char names[API_KEYS + 1][80];
    struct pvs_cfg_errors errs;
    struct layout l;
    size_t n = 0;
    bool topic = cJSON_IsString(pre);
    enum pvs_err rc = PVS_OK;

    if (!api_devices(cJSON_GetObjectItemCaseSensitive(obj, "devices"), msg,
                     msgsize)) {
        pvs_strlcpy(field, "devices", fieldsize);
        return PVS_ERR_INVAL;
    }
    memset(&mc, 0, sizeof(mc));
    memset(kv, 0, sizeof(kv));
    if (cJSON_IsString(pre)) {
        kv[n].key = (char *)(uintptr_t) "preset";
        kv[n].value = pre->valuestring;
        kv[n++].file = "preset";
        mc.preset = pre->valuestring;
    }
    if (!cJSON_IsObject(set))
        set = NULL;
    cJSON_ArrayForEach(it, set) {
        if (n == API_KEYS + 1 || !cJSON_IsString(it))
            break;
        pvs_snprintf(names[n], sizeof(names[0]), "settings.%s", it->string);
        if (core_key(it->string)) {
            pvs_strlcpy(field, names[n], fieldsize);
            pvs_snprintf(msg, msgsize,
                         "'%s' is a member of the map's own: set '%s'",
                         it->string,
                         !strcmp(it->string, "site")      ? "site_id"
                         : !strcmp(it->string, "gateway") ? "gateway_id"
                         : !strcmp(it->string, "device")  ? "devices"
                                                          : "preset");
            return PVS_ERR_INVAL;
        }
        kv[n].key = it->string;
        kv[n].value = it->valuestring;
        kv[n].file = names[n];
        topic |= !strcmp(it->string, "topic");
        n++;
    }
    /* A PATCH of the preset alone keeps the stored settings (a Venus
     * map's prefix): only the preset's name is this one's to check. */
    if (!create && !set && (!mc.preset || pvs_mqtt_preset_find(mc.preset)))
        return PVS_OK;
    if (create && !topic) {
        pvs_strlcpy(field, "preset", fieldsize);
        pvs_snprintf(msg, msgsize,
                     "a map needs a preset or settings.topic (PATTERN "
                     "[plain|value|json])");
        return PVS_ERR_INVAL;
    }
    mc.obj.id = (char *)(uintptr_t) "new";
    mc.obj.file = "settings";
    mc.obj.kv = kv;
    mc.obj.nkv = n;
    memset(&errs, 0, sizeof(errs));
    layout_compile(NULL, &mc, &l, &errs, false);
    layout_release(&l);
    if (errs.count) {
        api_error(errs.msg[0], field, fieldsize, msg, msgsize);
        rc = PVS_ERR_INVAL;
    }
    pvs_cfg_errors_release(&errs);
    return rc;
}

static void layouts_build(struct pvs_mqtt_map *m) {
    const struct pvs_config *cfg = m->cfg;
    char **owned = NULL;
    size_t nowned = 0;

    m->layouts = pvs_calloc(cfg->nmqtt_maps + 1, sizeof(*m->layouts));
    for (size_t i = 0; i < cfg->nmqtt_maps; i++) {
        struct layout *l = &m->layouts[m->nlayouts];
        if (!layout_full(cfg, cfg->mqtt_maps[i], l, &owned, &nowned, NULL,
                         REACH_QUIET)) {
            layout_release(l);
            continue;
        }
        m->nlayouts++;
        for (size_t k = 0; k < l->npats; k++) {
            char *f = pattern_filter(&l->pats[k]);
            bool dup = false;
            for (size_t j = 0; j < m->nfilters && !dup; j++)
                dup = !strcmp(m->filters[j], f);
            if (dup || l->pats[k].skip) {
                pvs_free(f);
                continue;
            }
            m->filters =
                pvs_realloc(m->filters, (m->nfilters + 1) * sizeof(char *));
            m->filters[m->nfilters++] = f;
        }
        if (l->keepalive_ms) {
            m->keepalives = pvs_realloc(
                m->keepalives, (m->nkeepalives + 1) * sizeof(*m->keepalives));
            m->keepalives[m->nkeepalives].topic = l->keepalive_topic;
            m->keepalives[m->nkeepalives].every_ms = l->keepalive_ms;
            m->nkeepalives++;
        }
    }
    m->owned = owned;
    m->nowned = nowned;
    m->tz = pvs_calloc(cfg->nsites + 1, sizeof(*m->tz));
    for (size_t i = 0; i < cfg->nsites; i++)
        if (cfg->sites[i]->timezone &&
            pvs_tz_load(cfg->sites[i]->timezone, &m->tz[i]))
            m->tz[i] = NULL;
    m->daily = pvs_calloc(cfg->ndevices + 1, sizeof(*m->daily));
    m->lock = pvs_calloc(1, sizeof(*m->lock));
    pthread_mutex_init(m->lock, NULL);
}

static void layouts_free(struct pvs_mqtt_map *m) {
    for (size_t i = 0; i < m->nlayouts; i++)
        layout_release(&m->layouts[i]);
    pvs_free(m->layouts);
    for (size_t i = 0; i < m->nfilters; i++)
        pvs_free(m->filters[i]);
    pvs_free(m->filters);
    pvs_free(m->keepalives);
    for (size_t i = 0; i < m->nowned; i++)
        pvs_free(m->owned[i]);
    pvs_free(m->owned);
    for (size_t i = 0; m->tz && i < m->cfg->nsites; i++)
        pvs_tz_free(m->tz[i]);
    pvs_free(m->tz);
    pvs_free(m->daily);
    if (m->lock)
        pthread_mutex_destroy(m->lock);
    pvs_free(m->lock);
}

const char *const *pvs_mqtt_map_filters(const struct pvs_mqtt_map *map,
                                        size_t *ret_n) {
    *ret_n = map->nfilters;
    return (const char *const *)map->filters;
}

const struct pvs_mqtt_keepalive *
pvs_mqtt_map_keepalives(const struct pvs_mqtt_map *map, size_t *ret_n) {
    *ret_n = map->nkeepalives;
    return map->keepalives;
}

/* A piece of the topic. */
struct span {
    const char *p;
    size_t n;
};

struct captures {
    struct span wc[WC__COUNT];
};

static bool pattern_match(const struct pattern *pat, const struct span *lv,
                          int nlv, const char *topic_end,
                          struct captures *cap) {
    if (pat->has[WC_REST] ? nlv < pat->n : nlv != pat->n)
        return false;
    for (int i = 0; i < pat->n; i++) {
        const struct level *l = &pat->lv[i];
        if (l->wc == WC_REST) {
            cap->wc[WC_REST].p = lv[i].p;
            cap->wc[WC_REST].n = (size_t)(topic_end - lv[i].p);
            return true;
        }
        if (lv[i].n < l->litlen || memcmp(lv[i].p, l->lit, l->litlen))
            return false;
        if (l->wc == WC_NONE) {
            if (lv[i].n != l->litlen)
                return false;
            continue;
        }
        if (lv[i].n == l->litlen)
            return false;
        cap->wc[l->wc].p = lv[i].p + l->litlen;
        cap->wc[l->wc].n = lv[i].n - l->litlen;
    }
    return true;
}

static const struct field *find_field(const struct layout *l, enum scope sc,
                                      const char *name, size_t n) {
    char low[FIELD_BUF];
    struct field key;
    const struct field *f;

    if (n >= sizeof(low))
        return NULL;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)name[i]);
    low[n] = '\0';
    key.name = low;
    for (;;) {
        key.scope = sc;
        f = l->nfields
                ? bsearch(&key, l->fields, l->nfields, sizeof(key), field_cmp)
                : NULL;
        if (f || sc == SC_ANY)
            return f;
        sc = SC_ANY;
    }
}

/* The device a topic names; -1 when none (why says so). */
static int32_t capture_device(const struct pvs_mqtt_map *map,
                              const struct layout *l,
                              const struct captures *cap, char *why,
                              size_t whysize) {
    char id[SERIAL_BUF];
    const struct span *s;

    if (l->learn)
        return 0;
    if ((s = &cap->wc[WC_DEVICE])->p) {
        const struct span *site = &cap->wc[WC_SITE];
        const struct pvs_site *want = l->mc->site;
        int d = -1;
        struct dev_ref key = {id, 0};
        const struct dev_ref *r;

        if (s->n < sizeof(id)) {
            memcpy(id, s->p, s->n);
            id[s->n] = '\0';
            r = bsearch(&key, map->devs, map->ndevs, sizeof(key), dev_cmp);
            d = r ? (int)r->index : -1;
        }
        if (d >= 0) {
            const struct pvs_device *dv = map->cfg->devices[d];
            if ((want && dv->site != want) ||
                (site->p && (!dv->site || strlen(dv->site->obj.id) != site->n ||
                             memcmp(dv->site->obj.id, site->p, site->n))))
                d = -1;
        }
        if (d < 0)
            pvs_snprintf(why, whysize, "no device '%.*s' for mqtt_map '%s'",
                         (int)(s->n > 64 ? 64 : s->n), s->p, l->mc->obj.id);
        return d;
    }
    if ((s = &cap->wc[WC_SERIAL])->p) {
        struct serial_ref key = {id, 0};
        const struct serial_ref *r = NULL;

        if (s->n < sizeof(id) && l->nserials) {
            memcpy(id, s->p, s->n);
            id[s->n] = '\0';
            r = bsearch(&key, l->serials, l->nserials, sizeof(key), serial_cmp);
        }
        if (!r)
            pvs_snprintf(why, whysize,
                         "no device with serial '%.*s' in mqtt_map '%s'",
                         (int)(s->n > 64 ? 64 : s->n), s->p, l->mc->obj.id);
        return r ? (int32_t)r->dev : -1;
    }
    if (l->default_dev < 0)
        pvs_snprintf(why, whysize, "mqtt_map '%s' names no device for it",
                     l->mc->obj.id);
    return l->default_dev;
}

/*
 * A daily counter's quality. After the site's midnight a gateway may go
 * on publishing yesterday's total until the inverter wakes and resets it:
 * such a value is stale, not today's production. A value that falls
 * starts the new day (a fall within one day: the inverter restarted).
 */
static uint8_t daily_quality(const struct pvs_mqtt_map *map, uint32_t dev,
                             int64_t ts, double v) {
    const struct pvs_device *d = map->cfg->devices[dev];
    const struct pvs_tz *tz = d->site ? map->tz[d->site->index] : NULL;
    int64_t off = tz ? (int64_t)pvs_tz_offset(tz, ts) * 1000 : 0;
    int64_t day = (ts + off) / 86400000 - ((ts + off) % 86400000 < 0);
    struct daily *st = &map->daily[dev];
    uint8_t q = PVS_Q_OK;

    pthread_mutex_lock(map->lock);
    if (st->have && day > st->day && v > 0 && fabs(v - st->last) <= 0.5) {
        q = PVS_Q_STALE;
    } else {
        st->day = day > st->day || !st->have ? day : st->day;
        st->last = v;
        st->have = true;
    }
    pthread_mutex_unlock(map->lock);
    return q;
}

static bool word_eq(const char *s, size_t n, const char *w) {
    if (strlen(w) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s[i]) != w[i])
            return false;
    return true;
}

/* Words gateways use for a link state. */
static bool link_word(const char *s, size_t n, double *out) {
    static const char *const up[] = {"online", "true", "connected",
                                     "yes",    "on",   NULL};
    static const char *const down[] = {"offline", "false", "disconnected",
                                       "no",      "off",   NULL};
    for (int i = 0; up[i]; i++)
        if (word_eq(s, n, up[i])) {
            *out = 1;
            return true;
        }
    for (int i = 0; down[i]; i++)
        if (word_eq(s, n, down[i])) {
            *out = 0;
            return true;
        }
    return false;
}

/* Collected samples of one gateway message. */
struct gw_out {
    size_t n;
    struct pvs_sample s[MAX_FIELDS];
    int64_t now_ms;
    bool no_device;
};

static void emit(const struct pvs_mqtt_map *map, struct gw_out *o,
                 const struct field *f, int32_t dev, unsigned chan, double v) {
    struct pvs_sample *s;

    if (f->dev >= 0)
        dev = f->dev;
    if (dev < 0) {
        o->no_device = true;
        return;
    }
    if (!isfinite(v) || o->n == MAX_FIELDS)
        return;
    if (f->per_channel && (chan < 1 || chan > PVS_MPPT_MAX))
        return;
    s = &o->s[o->n];
    s->dev = (uint32_t)dev;
    s->metric = (uint16_t)f->metric;
    s->idx = (uint16_t)(f->per_channel ? chan : f->idx);
    s->ts_ms = o->now_ms;
    s->quality = PVS_Q_OK;
    if (f->codes && !code_state(f->codes, v, &v))
        return;
    if (f->metric == PVS_M_REACHABLE)
        v = v > 0 ? 1 : 0;
    else if (f->metric == PVS_M_STATE && (v < PVS_ST_OFF || v > PVS_ST_STANDBY))
        return;
    else
        v *= f->factor;
    if (f->metric == PVS_M_AC_ENERGY_TODAY_WH)
        s->quality = daily_quality(map, (uint32_t)dev, o->now_ms, v);
    s->value = v;
    o->n++;
}

/* A scalar JSON value for field f; false when it is not JSON. */
static bool json_scalar(const struct pvs_mqtt_map *map, struct json *j,
                        const struct field *f, int32_t dev, unsigned chan,
                        struct gw_out *o) {
    double v;
    char word[NAME_BUF];
    size_t len;

    if (j->p == j->end)
        return false;
    if (*j->p == '-' || is_digit(*j->p)) {
        if (!read_number(j, &v))
            return false;
        if (f && !f->ignore)
            emit(map, o, f, dev, chan, v);
        return true;
    }
    if (*j->p == 't' || *j->p == 'f') {
        bool t = *j->p == 't';
        if (!read_word(j, t ? "true" : "false", t ? 4 : 5))
            return false;
        if (f && !f->ignore && f->metric == PVS_M_REACHABLE)
            emit(map, o, f, dev, chan, t ? 1 : 0);
        return true;
    }
    if (*j->p == '"') {
        if (!read_string(j, word, sizeof(word), &len))
            return false;
        if (!f || f->ignore || len >= sizeof(word))
            return true;
        if (f->metric == PVS_M_REACHABLE && link_word(word, len, &v))
            emit(map, o, f, dev, chan, v);
        else if (f->metric == PVS_M_STATE && pvs_state_parse(word) >= 0)
            emit(map, o, f, dev, chan, pvs_state_parse(word));
        else if (!pvs_parse_double(word, &v))
            emit(map, o, f, dev, chan, v);
        return true;
    }
    return skip_value(j);
}

/*
 * The object at j->p whose path so far is path[0..plen): each member's
 * path is looked up, objects are entered PATH_DEPTH deep, the rest is
 * checked and skipped. A key too long for a path is skipped with its
 * value.
 */
static bool json_walk(const struct pvs_mqtt_map *map, const struct layout *l,
                      struct json *j, char *path, size_t plen, int depth,
                      enum scope sc, int32_t dev, unsigned chan,
                      struct gw_out *o) {
    if (!take(j, '{'))
        return false;
    skip_ws(j);
    if (take(j, '}'))
        return true;
    for (;;) {
        char key[FIELD_BUF];
        size_t klen, nlen;
        bool fits;

        if (j->p == j->end || *j->p != '"' ||
            !read_string(j, key, sizeof(key), &klen))
            return false;
        skip_ws(j);
        if (!take(j, ':'))
            return false;
        skip_ws(j);
        nlen = plen + (plen ? 1 : 0) + klen;
        fits = klen < sizeof(key) && nlen < FIELD_BUF;
        if (fits) {
            if (plen)
                path[plen] = '.';
            memcpy(path + plen + (plen ? 1 : 0), key, klen);
            path[nlen] = '\0';
        }
        if (j->p == j->end)
            return false;
        if (*j->p == '{' && fits && depth < PATH_DEPTH) {
            if (!json_walk(map, l, j, path, nlen, depth + 1, sc, dev, chan, o))
                return false;
        } else if (*j->p == '{' || *j->p == '[') {
            if (!skip_nested(j, depth + 1))
                return false;
        } else if (!json_scalar(map, j,
                                fits ? find_field(l, sc, path, nlen) : NULL,
                                dev, chan, o)) {
            return false;
        }
        path[plen] = '\0';
        skip_ws(j);
        if (take(j, '}'))
            return true;
        if (!take(j, ','))
            return false;
        skip_ws(j);
    }
}

/* {"value": x}: the member "value" for field f. */
static bool json_value(const struct pvs_mqtt_map *map, struct json *j,
                       const struct field *f, int32_t dev, unsigned chan,
                       struct gw_out *o) {
    skip_ws(j);
    if (!take(j, '{'))
        return false;
    skip_ws(j);
    if (take(j, '}'))
        return true;
    for (;;) {
        char key[NAME_BUF];
        size_t klen;

        if (j->p == j->end || *j->p != '"' ||
            !read_string(j, key, sizeof(key), &klen))
            return false;
        skip_ws(j);
        if (!take(j, ':'))
            return false;
        skip_ws(j);
        if (klen == 5 && !memcmp(key, "value", 5)) {
            if (!json_scalar(map, j, f, dev, chan, o))
                return false;
        } else if (!skip_value(j)) {
            return false;
        }
        skip_ws(j);
        if (take(j, '}'))
            return true;
        if (!take(j, ','))
            return false;
        skip_ws(j);
    }
}

/* topic's levels into lv (LV_MAX + 1 at most: one more never matches). */
static int topic_levels(const char *topic, struct span *lv) {
    const char *p = topic, *end = topic + strlen(topic);
    int nlv = 0;

    for (;;) {
        const char *slash = memchr(p, '/', (size_t)(end - p));
        if (nlv == LV_MAX + 1)
            break;
        lv[nlv].p = p;
        lv[nlv].n = slash ? (size_t)(slash - p) : (size_t)(end - p);
        nlv++;
        if (!slash)
            break;
        p = slash + 1;
    }
    return nlv;
}

/*
 * The channel's number (its trailing digits) and whether it is the AC
 * channel; false when the level is no channel (OpenDTU's "dtu", "status").
 */
static bool capture_channel(const struct layout *l, const struct span *c,
                            unsigned *ret_chan, enum scope *ret_sc) {
    size_t k = c->n;
    uint64_t num = 0;

    while (k && is_digit(c->p[k - 1]))
        k--;
    if (k == c->n || c->n - k > 3)
        return false;
    for (size_t i = k; i < c->n; i++)
        num = num * 10 + (uint64_t)(c->p[i] - '0');
    *ret_chan = (unsigned)num;
    *ret_sc = (int64_t)num == l->ac_channel ? SC_AC : SC_DC;
    return true;
}

/* A plain value (number, state name, link word) for field f. */
static enum pvs_mqtt_result plain_parse(const struct pvs_mqtt_map *map,
                                        const struct field *f, int32_t dev,
                                        unsigned chan, const char *text,
                                        size_t len, struct gw_out *o, char *why,
                                        size_t whysize) {
    char value[FLAT_BUF];
    double v;
    size_t a = 0, b = len;

    while (a < b && isspace((unsigned char)text[a]))
        a++;
    while (b > a && isspace((unsigned char)text[b - 1]))
        b--;
    if (b - a >= sizeof(value) || memchr(text, '\0', len)) {
        pvs_snprintf(why, whysize, "payload is not a value");
        return PVS_MQTT_MALFORMED;
    }
    memcpy(value, text + a, b - a);
    value[b - a] = '\0';
    if (f->metric == PVS_M_REACHABLE && link_word(value, b - a, &v)) {
        emit(map, o, f, dev, chan, v);
    } else if (f->codes ? pvs_parse_double(value, &v) != PVS_OK
                        : !text_value(f->metric, value, &v)) {
        pvs_snprintf(why, whysize, "payload is not a number");
        return PVS_MQTT_MALFORMED;
    } else {
        emit(map, o, f, dev, chan, v);
    }
    return PVS_MQTT_OK;
}

/* A {"value": x} or JSON object payload; f is NULL for a JSON object. */
static enum pvs_mqtt_result
json_parse(const struct pvs_mqtt_map *map, const struct layout *l,
           const struct pattern *pat, const struct field *f,
           const struct captures *cap, int32_t dev, unsigned chan,
           enum scope sc, const char *text, size_t len, struct gw_out *o,
           char *why, size_t whysize) {
    struct json j = {text, text + len};
    char path[FIELD_BUF];
    bool good;

    if (pat->form == FORM_VALUE && !len) {
        /* Venus OS: the device left the bus. */
        static const struct field gone = {
            NULL, SC_ANY, false, false, PVS_M_REACHABLE, 0, 1, -1, NULL};
        emit(map, o, &gone, dev, 0, 0);
        return o->n ? PVS_MQTT_OK : PVS_MQTT_IGNORED;
    }
    path[0] = '\0';
    if (pat->form == FORM_VALUE) {
        good = json_value(map, &j, f, dev, chan, o);
    } else {
        skip_ws(&j);
        good = json_walk(map, l, &j, path, 0, 1, sc, dev, chan, o);
    }
    skip_ws(&j);
    if (!good || j.p != j.end) {
        o->n = 0;
        pvs_snprintf(why, whysize, "payload is not a JSON object");
        return PVS_MQTT_MALFORMED;
    }
    if (!o->n && o->no_device) {
        if (!why[0])
            capture_device(map, l, cap, why, whysize);
        return PVS_MQTT_UNKNOWN_DEVICE;
    }
    return PVS_MQTT_OK;
}

/* The message of a pattern that topic matched (captures in cap). */
static enum pvs_mqtt_result
pattern_parse(const struct pvs_mqtt_map *map, const struct layout *l,
              const struct pattern *pat, const struct captures *cap,
              const char *text, size_t len, struct gw_out *o,
              size_t *ret_unknown, char *why, size_t whysize) {
    enum scope sc = SC_ANY;
    unsigned chan = 0;
    int32_t dev;
    const struct field *f = NULL;
    enum pvs_mqtt_result res;

    if (pat->skip)
        return PVS_MQTT_IGNORED;
    if (cap->wc[WC_CHANNEL].p &&
        !capture_channel(l, &cap->wc[WC_CHANNEL], &chan, &sc))
        return PVS_MQTT_IGNORED; /* not a channel: dtu, status */
    if (pat->form != FORM_JSON) {
        const struct span *fs =
            cap->wc[WC_FIELD].p ? &cap->wc[WC_FIELD] : &cap->wc[WC_REST];
        const struct level *last = &pat->lv[pat->n - 1];
        f = fs->p ? find_field(l, sc, fs->p, fs->n)
                  : find_field(l, sc, last->lit, last->litlen);
        if (!f || f->ignore) {
            *ret_unknown = 1;
            return PVS_MQTT_IGNORED;
        }
    }
    dev = f && f->dev >= 0 ? f->dev : capture_device(map, l, cap, why, whysize);
    if (dev < 0 && pat->form != FORM_JSON)
        return PVS_MQTT_UNKNOWN_DEVICE;
    why[0] = '\0';
    if (pat->form == FORM_PLAIN)
        res = plain_parse(map, f, dev, chan, text, len, o, why, whysize);
    else
        res = json_parse(map, l, pat, f, cap, dev, chan, sc, text, len, o, why,
                         whysize);
    if (res != PVS_MQTT_OK || (pat->form == FORM_VALUE && !len))
        return res;
    if (!o->n) {
        *ret_unknown = 1;
        return PVS_MQTT_IGNORED;
    }
    return PVS_MQTT_OK;
}

/*
 * The first pattern of map's layouts that topic matches decides. With
 * ret_cap, what it captured and which layout (when any matched).
 */
static enum pvs_mqtt_result
layout_parse(const struct pvs_mqtt_map *map, const char *topic,
             const char *text, size_t len, struct gw_out *o,
             size_t *ret_unknown, char *why, size_t whysize,
             struct captures *ret_cap, const struct layout **ret_layout) {
    struct span lv[LV_MAX + 1];
    int nlv = topic_levels(topic, lv);
    const char *end = topic + strlen(topic);

    for (size_t li = 0; li < map->nlayouts; li++) {
        const struct layout *l = &map->layouts[li];
        for (size_t pi = 0; pi < l->npats; pi++) {
            struct captures cap;

            memset(&cap, 0, sizeof(cap));
            if (!pattern_match(&l->pats[pi], lv, nlv, end, &cap))
                continue;
            if (ret_cap) {
                *ret_cap = cap;
                *ret_layout = l;
            }
            return pattern_parse(map, l, &l->pats[pi], &cap, text, len, o,
                                 ret_unknown, why, whysize);
        }
    }
    pvs_snprintf(why, whysize,
                 "expected pvsentry/SITE/DEVICE[/METRIC] or a topic of an "
                 "[mqtt_map]");
    return PVS_MQTT_BAD_TOPIC;
}

/* A gateway's message; its samples on the stack, as the JSON layout's. */
static enum pvs_mqtt_result gateway_parse(const struct pvs_mqtt_map *map,
                                          const char *topic, const char *text,
                                          size_t len, int64_t now_ms,
                                          struct pvs_msg **ret,
                                          size_t *ret_unknown, char *why,
                                          size_t whysize) {
    struct gw_out o;
    enum pvs_mqtt_result res;

    o.n = 0;
    o.now_ms = now_ms;
    o.no_device = false;
    res = layout_parse(map, topic, text, len, &o, ret_unknown, why, whysize,
                       NULL, NULL);
    if (!res) {
        *ret = pvs_msg_new(PVS_MSG_SAMPLES, o.n);
        memcpy((*ret)->samples, o.s, o.n * sizeof(*o.s));
    }
    return res;
}

/* pvsentry/SITE/DEVICE/METRIC: one number (or a state's name). */
static enum pvs_mqtt_result flat_parse(int dev, const char *name,
                                       const char *text, size_t len,
                                       int64_t now_ms, struct pvs_msg **ret,
                                       char *why, size_t whysize) {
    enum pvs_metric metric;
    unsigned idx;
    char value[FLAT_BUF];
    double v;
    struct pvs_msg *m;

    if (memchr(text, '\0', len)) {
        pvs_snprintf(why, whysize, "payload contains a NUL byte");
        return PVS_MQTT_MALFORMED;
    }
    if (pvs_metric_parse(name, &metric, &idx)) {
        pvs_snprintf(why, whysize, "unknown metric '%.64s'", name);
        return PVS_MQTT_UNKNOWN_METRIC;
    }
    /* No number or state name is that long, however padded. */
    if (len >= sizeof(value)) {
        pvs_snprintf(why, whysize, "payload is not a number");
        return PVS_MQTT_MALFORMED;
    }
    memcpy(value, text, len);
    value[len] = '\0';
    if (!text_value(metric, value, &v)) {
        pvs_snprintf(why, whysize, "payload is not a number");
        return PVS_MQTT_MALFORMED;
    }
    m = pvs_msg_new(PVS_MSG_SAMPLES, 1);
    m->samples[0].dev = (uint32_t)dev;
    m->samples[0].metric = (uint16_t)metric;
    m->samples[0].idx = (uint16_t)idx;
    m->samples[0].ts_ms = now_ms;
    m->samples[0].value = v;
    m->samples[0].quality = PVS_Q_OK;
    *ret = m;
    return PVS_MQTT_OK;
}

/* pvsentry/SITE/DEVICE: a JSON object of canonical metrics. */
static enum pvs_mqtt_result object_parse(int dev, const char *text, size_t len,
                                         int64_t now_ms, struct pvs_msg **ret,
                                         size_t *ret_unknown, char *why,
                                         size_t whysize) {
    struct json j = {text, text + len};
    struct fields f;

    f.n = 0;
    f.unknown = 0;
    f.has_ts = false;
    f.ts_ok = false;
    /* A NUL byte is never JSON: only a refused payload can hold one. */
    if (!read_object(&j, (uint32_t)dev, &f)) {
        pvs_snprintf(why, whysize, "%s",
                     memchr(text, '\0', len) ? "payload contains a NUL byte"
                                             : "payload is not a JSON object");
        return PVS_MQTT_MALFORMED;
    }
    if (f.has_ts && !f.ts_ok) {
        pvs_snprintf(why, whysize,
                     "bad \"ts\": expected epoch seconds or ISO 8601");
        return PVS_MQTT_MALFORMED;
    }
    *ret_unknown = f.unknown;
    if (!f.n) {
        pvs_snprintf(why, whysize, "no known metric in the payload");
        return PVS_MQTT_EMPTY;
    }
    /* "ts" may come after the samples: stamp them now. */
    for (size_t i = 0; i < f.n; i++)
        f.s[i].ts_ms = f.has_ts ? f.ts_ms : now_ms;
    /* Exact size: messages wait in the inbox, keep them small. */
    *ret = pvs_msg_new(PVS_MSG_SAMPLES, f.n);
    memcpy((*ret)->samples, f.s, f.n * sizeof(*f.s));
    return PVS_MQTT_OK;
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
    const char *text = len ? payload : "";

    why[0] = '\0';
    *ret_unknown = 0;
    if (!pvs_strlcpy(t, topic, sizeof(t))) {
        pvs_snprintf(why, whysize, "topic longer than %d bytes", TOPIC_MAX);
        return PVS_MQTT_BAD_TOPIC;
    }
    if (strncmp(topic, "pvsentry/", 9) && map->nlayouts)
        return gateway_parse(map, t, text, len, now_ms, ret, ret_unknown, why,
                             whysize);
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
    if (nparts == 4)
        return flat_parse(dev, parts[3], text, len, now_ms, ret, why, whysize);
    return object_parse(dev, text, len, now_ms, ret, ret_unknown, why, whysize);
}

/* ---- mqtt-learn: which preset a topic of an unknown broker fits ---- */

#define LEARN_MAX 16

struct pvs_mqtt_learner {
    struct pvs_config cfg; /* one device, no site: samples need a device */
    struct pvs_device dev;
    struct pvs_device *devs[1];
    struct pvs_mqtt_map_cfg mc[LEARN_MAX];
    struct pvs_kv kv[LEARN_MAX][2];
    const char *names[LEARN_MAX];
    struct pvs_mqtt_map map;
    struct layout layouts[LEARN_MAX];
};

/* Whether every {prefix} of the preset's topics is a level of its own,
 * so that the prefix can be learnt from the topic. */
static bool prefix_levels(const struct pvs_mqtt_preset_kv *pre) {
    bool any = false;

    for (; pre->key; pre++) {
        const char *v = pre->value, *hit;
        if (strcmp(pre->key, "topic"))
            continue;
        while ((hit = strstr(v, "{prefix}"))) {
            if ((hit != pre->value && hit[-1] != '/') ||
                (hit[8] && hit[8] != '/' && hit[8] != ' '))
                return false;
            v = hit + 8;
            any = true;
        }
    }
    return any;
}

static void learner_layout(struct pvs_mqtt_learner *ln, size_t i,
                           const char *preset, const char *prefix,
                           struct layout *l) {
    struct pvs_mqtt_map_cfg *mc = &ln->mc[i];

    memset(mc, 0, sizeof(*mc));
    ln->kv[i][0].key = (char *)(uintptr_t) "preset";
    ln->kv[i][0].value = (char *)(uintptr_t)preset;
    ln->kv[i][0].file = "(preset)";
    ln->kv[i][1].key = (char *)(uintptr_t) "prefix";
    ln->kv[i][1].value = (char *)(uintptr_t)prefix;
    ln->kv[i][1].file = "(preset)";
    mc->obj.id = (char *)(uintptr_t)preset;
    mc->obj.file = "(preset)";
    mc->obj.kv = ln->kv[i];
    mc->obj.nkv = prefix ? 2 : 1;
    mc->preset = (char *)(uintptr_t)preset;
    layout_compile(&ln->cfg, mc, l, NULL, true);
    l->learn = true;
    l->default_dev = 0;
}

struct pvs_mqtt_learner *pvs_mqtt_learner_new(void) {
    struct pvs_mqtt_learner *ln = pvs_calloc(1, sizeof(*ln));
    const char *name;

    ln->dev.obj.id = (char *)(uintptr_t) "learn";
    ln->devs[0] = &ln->dev;
    ln->cfg.devices = ln->devs;
    ln->cfg.ndevices = 1;
    ln->map.cfg = &ln->cfg;
    ln->map.layouts = ln->layouts;
    ln->map.tz = pvs_calloc(1, sizeof(*ln->map.tz));
    ln->map.daily = pvs_calloc(1, sizeof(*ln->map.daily));
    ln->map.lock = pvs_calloc(1, sizeof(*ln->map.lock));
    pthread_mutex_init(ln->map.lock, NULL);
    /* Home Assistant's entities are named by people: nothing to learn. */
    for (size_t i = 0; (name = pvs_mqtt_preset_name(i)) && i < LEARN_MAX; i++) {
        const struct pvs_mqtt_preset_kv *pre = pvs_mqtt_preset_find(name);
        if (!strcmp(name, "statestream"))
            continue;
        ln->names[ln->map.nlayouts] = name;
        learner_layout(ln, ln->map.nlayouts, name,
                       prefix_levels(pre) ? "{prefix}" : NULL,
                       &ln->layouts[ln->map.nlayouts]);
        ln->map.nlayouts++;
    }
    return ln;
}

void pvs_mqtt_learner_free(struct pvs_mqtt_learner *ln) {
    if (!ln)
        return;
    for (size_t i = 0; i < ln->map.nlayouts; i++)
        layout_release(&ln->layouts[i]);
    pvs_free(ln->map.tz);
    pvs_free(ln->map.daily);
    pthread_mutex_destroy(ln->map.lock);
    pvs_free(ln->map.lock);
    pvs_free(ln);
}

static void span_copy(const struct span *s, char *buf, size_t size) {
    size_t n = s->p ? s->n : 0;

    if (n >= size)
        n = size - 1;
    memcpy(buf, s->p ? s->p : "", n);
    buf[n] = '\0';
}

/*
 * The level before the serial's names its kind of device when it is not
 * the prefix (Venus OS: N/PORTAL/grid/30/Ac/Power).
 */
static void guess_service(const char *topic, const struct captures *cap,
                          struct pvs_mqtt_guess *out) {
    const struct span *ser = &cap->wc[WC_SERIAL], *pre = &cap->wc[WC_PREFIX];
    const char *end, *start;

    if (!ser->p || ser->p == topic || ser->p[-1] != '/')
        return;
    end = ser->p - 1;
    for (start = end; start > topic && start[-1] != '/'; start--)
        ;
    if (start == end || (pre->p && pre->p == start))
        return;
    if ((size_t)(end - start) < sizeof(out->service)) {
        memcpy(out->service, start, (size_t)(end - start));
        out->service[end - start] = '\0';
    }
}

/* What the samples say the device is. */
static const char *guess_kind(const struct gw_out *o) {
    bool meter = false, battery = false, power = false;

    for (size_t i = 0; i < o->n; i++) {
        uint16_t m = o->s[i].metric;
        meter |= m >= PVS_M_METER_POWER_W && m <= PVS_M_METER_ENERGY_EXPORT_WH;
        battery |= m == PVS_M_BATTERY_SOC_PCT;
        power |= m <= PVS_M_MPPT_CURRENT_A || m == PVS_M_AC_ENERGY_TODAY_WH;
    }
    return meter ? "meter" : power ? "inverter" : battery ? "battery" : NULL;
}

bool pvs_mqtt_learner_guess(struct pvs_mqtt_learner *ln, const char *topic,
                            const void *payload, size_t len,
                            struct pvs_mqtt_guess *out) {
    struct gw_out *o = pvs_malloc(sizeof(*o));
    struct captures cap;
    const struct layout *l = NULL;
    size_t unknown = 0;
    char why[160];
    bool ok = false;

    memset(out, 0, sizeof(*out));
    /* Each preset on its own: the first that maps the topic wins. */
    for (size_t i = 0; i < ln->map.nlayouts && !ok; i++) {
        struct pvs_mqtt_map one = ln->map;

        one.layouts = &ln->layouts[i];
        one.nlayouts = 1;
        o->n = 0;
        o->now_ms = 0;
        o->no_device = false;
        ok = layout_parse(&one, topic, payload, len, o, &unknown, why,
                          sizeof(why), &cap, &l) == PVS_MQTT_OK;
    }
    if (ok) {
        size_t li = (size_t)(l - ln->layouts);
        const struct span *id =
            cap.wc[WC_SERIAL].p ? &cap.wc[WC_SERIAL] : &cap.wc[WC_DEVICE];

        out->preset = ln->names[li];
        if (cap.wc[WC_PREFIX].p)
            span_copy(&cap.wc[WC_PREFIX], out->prefix, sizeof(out->prefix));
        else
            pvs_strlcpy(out->prefix, l->prefix, sizeof(out->prefix));
        span_copy(id, out->serial, sizeof(out->serial));
        guess_service(topic, &cap, out);
        out->health = true;
        for (size_t i = 0; i < o->n; i++)
            out->health &= o->s[i].metric == PVS_M_REACHABLE;
        out->kind = guess_kind(o);
        out->nsamples = o->n;
    }
    pvs_free(o);
    return ok;
}

bool pvs_mqtt_learner_belongs(struct pvs_mqtt_learner *ln, const char *preset,
                              const char *prefix, const char *topic) {
    struct pvs_mqtt_learner *one = pvs_calloc(1, sizeof(*one));
    bool hit = false;

    one->dev = ln->dev;
    one->devs[0] = &one->dev;
    one->cfg.devices = one->devs;
    one->cfg.ndevices = 1;
    learner_layout(one, 0, preset, prefix, &one->layouts[0]);
    {
        struct span lv[LV_MAX + 1];
        int nlv = topic_levels(topic, lv);
        const char *end = topic + strlen(topic);
        const struct layout *l = &one->layouts[0];

        for (size_t i = 0; i < l->npats && !hit; i++) {
            struct captures cap;
            memset(&cap, 0, sizeof(cap));
            hit = pattern_match(&l->pats[i], lv, nlv, end, &cap);
        }
    }
    layout_release(&one->layouts[0]);
    pvs_free(one);
    return hit;
}
