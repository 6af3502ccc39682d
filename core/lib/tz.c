/* SPDX-License-Identifier: MIT */
/*
 * tz.c - TZif reader and POSIX TZ rule evaluation (see tz.h).
 *
 * DESIGN
 * A zone is a sorted array of transitions (instant -> local time type)
 * plus an optional POSIX TZ rule ("MST7MDT,M3.2.0,M11.1.0") that applies
 * after the last transition. Version 2+ files carry the 64-bit data after
 * the 32-bit block; we skip the 32-bit block and read the 64-bit one. A
 * lookup is a binary search, nothing is cached, and nothing is mutated
 * after load, which is what makes a zone shareable between threads.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pvs/tz.h"

#define TZ_MAX_FILE (256 * 1024)
#define TZ_MAX_NAME 128

struct tz_type {
    int32_t utoff;
    bool dst;
};

/* One POSIX rule date: Mm.w.d, Jn or n, with a time of day. */
struct tz_rule_date {
    char kind; /* 'M', 'J', 'D' */
    int mon, week, wday, day;
    int32_t secs; /* local time of the change */
};

struct tz_posix {
    bool valid;
    int32_t std_off, dst_off; /* seconds east of UTC */
    bool has_dst;
    struct tz_rule_date start, end;
};

struct pvs_tz {
    char name[TZ_MAX_NAME];
    int64_t *trans; /* seconds */
    uint8_t *idx;
    size_t ntrans;
    struct tz_type *types;
    size_t ntypes;
    struct tz_posix rule;
};

/* ---- calendar ---- */

int64_t pvs_tz_days_from_civil(int year, int mon, int mday) {
    int64_t y = year - (mon <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t mp = (mon + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + mday - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

    return era * 146097 + doe - 719468;
}

void pvs_tz_civil_from_days(int64_t z, int *ret_year, int *ret_mon,
                            int *ret_mday) {
    int64_t era, doe, yoe, y, doy, mp, d, m;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    *ret_year = (int)(y + (m <= 2));
    *ret_mon = (int)m;
    *ret_mday = (int)d;
}

static int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;

    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

static bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* ---- POSIX TZ strings ---- */

static const char *posix_name(const char *p) {
    if (*p == '<') {
        while (*p && *p != '>')
            p++;
        return *p ? p + 1 : NULL;
    }
    while (isalpha((unsigned char)*p))
        p++;
    return p;
}

/* [+-]hh[:mm[:ss]] into seconds; returns the end or NULL. */
static const char *posix_time(const char *p, int32_t *ret) {
    int sign = 1, h = 0, m = 0, s = 0;

    if (*p == '+' || *p == '-')
        sign = *p++ == '-' ? -1 : 1;
    if (!isdigit((unsigned char)*p))
        return NULL;
    while (isdigit((unsigned char)*p))
        h = h * 10 + (*p++ - '0');
    if (*p == ':') {
        p++;
        while (isdigit((unsigned char)*p))
            m = m * 10 + (*p++ - '0');
        if (*p == ':') {
            p++;
            while (isdigit((unsigned char)*p))
                s = s * 10 + (*p++ - '0');
        }
    }
    *ret = sign * (h * 3600 + m * 60 + s);
    return p;
}

static const char *posix_date(const char *p, struct tz_rule_date *d) {
    char *end;

    d->secs = 7200;
    if (*p == 'M') {
        d->kind = 'M';
        d->mon = (int)strtol(p + 1, &end, 10);
        if (*end != '.')
            return NULL;
        d->week = (int)strtol(end + 1, &end, 10);
        if (*end != '.')
            return NULL;
        d->wday = (int)strtol(end + 1, &end, 10);
        p = end;
    } else if (*p == 'J') {
        d->kind = 'J';
        d->day = (int)strtol(p + 1, &end, 10);
        p = end;
    } else if (isdigit((unsigned char)*p)) {
        d->kind = 'D';
        d->day = (int)strtol(p, &end, 10);
        p = end;
    } else {
        return NULL;
    }
    if (*p == '/') {
        p = posix_time(p + 1, &d->secs);
        if (!p)
            return NULL;
    }
    return p;
}

static void posix_parse(const char *s, struct tz_posix *r) {
    const char *p = posix_name(s);
    int32_t off;

    memset(r, 0, sizeof(*r));
    if (!p || p == s || !(p = posix_time(p, &off)))
        return;
    r->std_off = -off; /* POSIX offsets are west positive */
    r->dst_off = r->std_off + 3600;
    r->valid = true;
    if (!*p)
        return;
    {
        const char *q = posix_name(p);
        if (!q || q == p)
            return;
        p = q;
    }
    if (*p && *p != ',') {
        if (!(p = posix_time(p, &off)))
            goto bad;
        r->dst_off = -off;
    }
    if (*p != ',')
        goto bad;
    if (!(p = posix_date(p + 1, &r->start)) || *p != ',')
        goto bad;
    if (!(p = posix_date(p + 1, &r->end)))
        goto bad;
    r->has_dst = true;
    return;
bad:
    r->valid = false;
}

/* UTC seconds of a rule date in year, with the offset in force before. */
static int64_t rule_instant(int year, const struct tz_rule_date *d,
                            int32_t off_before) {
    int64_t days;

    if (d->kind == 'M') {
        int64_t first = pvs_tz_days_from_civil(year, d->mon, 1);
        int wd_first = (int)((first % 7 + 11) % 7); /* 1970-01-01: Thu */
        int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int dim = mdays[d->mon - 1] + (d->mon == 2 && is_leap(year));
        int day = 1 + (d->wday - wd_first + 7) % 7 + (d->week - 1) * 7;

        while (day > dim)
            day -= 7;
        days = first + day - 1;
    } else if (d->kind == 'J') {
        /* 1..365, February 29 never counted. */
        days = pvs_tz_days_from_civil(year, 1, 1) + d->day - 1;
        if (is_leap(year) && d->day >= 60)
            days++;
    } else {
        days = pvs_tz_days_from_civil(year, 1, 1) + d->day;
    }
    return days * 86400 + d->secs - off_before;
}

static struct tz_type posix_type(const struct tz_posix *r, int64_t t) {
    struct tz_type ty = {r->std_off, false};
    int y, m, dd;
    int64_t start, end;

    if (!r->has_dst)
        return ty;
    pvs_tz_civil_from_days(floor_div(t + r->std_off, 86400), &y, &m, &dd);
    start = rule_instant(y, &r->start, r->std_off);
    end = rule_instant(y, &r->end, r->dst_off);
    if (start < end ? (t >= start && t < end) : (t >= start || t < end)) {
        ty.utoff = r->dst_off;
        ty.dst = true;
    }
    return ty;
}

/* ---- TZif ---- */

static uint32_t be32(const unsigned char *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
           p[3];
}

static int64_t be64(const unsigned char *p) {
    return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

struct tzif_counts {
    uint32_t isutc, isstd, leap, time, type, chars;
};

static bool tzif_header(const unsigned char *p, size_t len,
                        struct tzif_counts *c) {
    if (len < 44 || memcmp(p, "TZif", 4))
        return false;
    c->isutc = be32(p + 20);
    c->isstd = be32(p + 24);
    c->leap = be32(p + 28);
    c->time = be32(p + 32);
    c->type = be32(p + 36);
    c->chars = be32(p + 40);
    return c->type > 0 && c->type < 256 && c->time < 100000;
}

static size_t tzif_block_len(const struct tzif_counts *c, size_t tsize) {
    return c->time * tsize + c->time + c->type * 6 + c->chars +
           c->leap * (tsize + 4) + c->isstd + c->isutc;
}

static enum pvs_err tzif_parse(struct pvs_tz *tz, const unsigned char *buf,
                               size_t len) {
    struct tzif_counts c;
    const unsigned char *p = buf;
    size_t tsize = 4, blen;
    enum pvs_err rc = PVS_ERR_PROTO;

    if (!tzif_header(p, len, &c))
        goto out;
    if (p[4] >= '2') {
        /* Skip the 32-bit block: the 64-bit one follows its header. */
        blen = tzif_block_len(&c, 4);
        if (44 + blen > len)
            goto out;
        p += 44 + blen;
        len -= 44 + blen;
        if (!tzif_header(p, len, &c))
            goto out;
        tsize = 8;
    }
    blen = tzif_block_len(&c, tsize);
    if (44 + blen > len)
        goto out;
    p += 44;
    tz->ntrans = c.time;
    tz->trans = pvs_calloc(c.time + 1, sizeof(int64_t));
    tz->idx = pvs_calloc(c.time + 1, 1);
    for (size_t i = 0; i < c.time; i++)
        tz->trans[i] = tsize == 8 ? be64(p + i * 8) : (int32_t)be32(p + i * 4);
    p += c.time * tsize;
    for (size_t i = 0; i < c.time; i++) {
        tz->idx[i] = p[i];
        if (p[i] >= c.type)
            goto out;
    }
    p += c.time;
    tz->ntypes = c.type;
    tz->types = pvs_calloc(c.type, sizeof(*tz->types));
    for (size_t i = 0; i < c.type; i++) {
        tz->types[i].utoff = (int32_t)be32(p + i * 6);
        tz->types[i].dst = p[i * 6 + 4] != 0;
    }
    p += blen - c.time * tsize - c.time;
    if (tsize == 8) {
        /* Footer: "\nTZ-string\n". */
        const unsigned char *end = buf + (p - buf) + (len - 44 - blen);
        if (p < end && *p == '\n') {
            char s[128];
            size_t n = 0;
            p++;
            while (p < end && *p != '\n' && n < sizeof(s) - 1)
                s[n++] = (char)*p++;
            s[n] = '\0';
            posix_parse(s, &tz->rule);
        }
    }
    rc = PVS_OK;
out:
    return rc;
}

static bool parse_fixed(const char *s, int32_t *ret) {
    int sign, h = 0, m = 0, nd = 0;

    if (!strcmp(s, "Z") || !strcmp(s, "UTC") || !strcmp(s, "GMT")) {
        *ret = 0;
        return true;
    }
    if (*s != '+' && *s != '-')
        return false;
    sign = *s++ == '-' ? -1 : 1;
    for (; isdigit((unsigned char)*s) && nd < 2; s++, nd++)
        h = h * 10 + (*s - '0');
    if (nd != 2)
        return false;
    if (*s == ':')
        s++;
    nd = 0;
    for (; isdigit((unsigned char)*s) && nd < 2; s++, nd++)
        m = m * 10 + (*s - '0');
    if (*s || (nd != 0 && nd != 2) || h > 23 || m > 59)
        return false;
    *ret = sign * (h * 3600 + m * 60);
    return true;
}

enum pvs_err pvs_tz_load(const char *name, struct pvs_tz **ret) {
    struct pvs_tz *tz = pvs_calloc(1, sizeof(*tz));
    const char *dir = getenv("PVS_ZONEINFO");
    char path[512];
    unsigned char *buf = NULL;
    size_t len = 0;
    FILE *f = NULL;
    int32_t fixed;
    enum pvs_err rc = PVS_OK;

    pvs_strlcpy(tz->name, name, sizeof(tz->name));
    if (parse_fixed(name, &fixed)) {
        tz->types = pvs_calloc(1, sizeof(*tz->types));
        tz->types[0].utoff = fixed;
        tz->ntypes = 1;
        goto out;
    }
    /* Names are relative paths below the zoneinfo root, nothing else. */
    if (!*name || name[0] == '/' || strstr(name, "..") ||
        strlen(name) >= TZ_MAX_NAME) {
        rc = PVS_ERR_NOTFOUND;
        goto out;
    }
    pvs_snprintf(path, sizeof(path), "%s/%s", dir ? dir : "/usr/share/zoneinfo",
                 name);
    f = fopen(path, "rb");
    if (!f) {
        rc = PVS_ERR_NOTFOUND;
        goto out;
    }
    buf = pvs_malloc(TZ_MAX_FILE);
    len = fread(buf, 1, TZ_MAX_FILE, f);
    if (ferror(f) || len == TZ_MAX_FILE) {
        rc = PVS_ERR_PROTO;
        goto out;
    }
    rc = tzif_parse(tz, buf, len);
out:
    if (f)
        fclose(f);
    pvs_free(buf);
    if (rc) {
        pvs_tz_free(tz);
        tz = NULL;
    }
    if (!rc)
        *ret = tz;
    return rc;
}

void pvs_tz_free(struct pvs_tz *tz) {
    if (!tz)
        return;
    pvs_free(tz->trans);
    pvs_free(tz->idx);
    pvs_free(tz->types);
    pvs_free(tz);
}

const char *pvs_tz_name(const struct pvs_tz *tz) {
    return tz->name;
}

static struct tz_type lookup(const struct pvs_tz *tz, int64_t t) {
    size_t lo = 0, hi = tz->ntrans;

    if (!tz->ntrans || t < tz->trans[0]) {
        /* Before the first transition: the first non-DST type. */
        for (size_t i = 0; i < tz->ntypes; i++)
            if (!tz->types[i].dst)
                return tz->types[i];
        return tz->types[0];
    }
    if (t >= tz->trans[tz->ntrans - 1] && tz->rule.valid)
        return posix_type(&tz->rule, t);
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (tz->trans[mid] <= t)
            lo = mid;
        else
            hi = mid;
    }
    return tz->types[tz->idx[lo]];
}

int32_t pvs_tz_offset(const struct pvs_tz *tz, int64_t ts_ms) {
    return lookup(tz, floor_div(ts_ms, 1000)).utoff;
}

void pvs_tz_local(const struct pvs_tz *tz, int64_t ts_ms, struct pvs_tm *out) {
    struct tz_type ty = lookup(tz, floor_div(ts_ms, 1000));
    int64_t t = floor_div(ts_ms, 1000) + ty.utoff;
    int64_t days = floor_div(t, 86400);
    int64_t sod = t - days * 86400;

    pvs_tz_civil_from_days(days, &out->year, &out->mon, &out->mday);
    out->hour = (int)(sod / 3600);
    out->min = (int)(sod / 60 % 60);
    out->sec = (int)(sod % 60);
    out->wday = (int)((days % 7 + 11) % 7);
    out->yday = (int)(days - pvs_tz_days_from_civil(out->year, 1, 1));
    out->utoff = ty.utoff;
    out->dst = ty.dst;
}

int64_t pvs_tz_from_local(const struct pvs_tz *tz, int year, int mon, int mday,
                          int hour, int min, double sec) {
    int64_t local_ms = (pvs_tz_days_from_civil(year, mon, mday) * 86400 +
                        hour * 3600 + min * 60) *
                           1000 +
                       (int64_t)(sec * 1000.0 + 0.5);
    /* The offsets in force a day either side bracket the answer. */
    int32_t before = pvs_tz_offset(tz, local_ms - 86400000);
    int32_t after = pvs_tz_offset(tz, local_ms + 86400000);
    int64_t t1 = local_ms - (int64_t)before * 1000;
    int64_t t2 = local_ms - (int64_t)after * 1000;

    if (pvs_tz_offset(tz, t1) == before)
        return t1 < t2 || pvs_tz_offset(tz, t2) != after ? t1 : t2;
    if (pvs_tz_offset(tz, t2) == after)
        return t2;
    return t1; /* in a gap: the offset before it */
}
