/* SPDX-License-Identifier: MIT */
/*
 * config.c - the INI reader: lines, sections, includes, value parsers and
 * error collection. What the sections and keys mean is in config_schema.c.
 *
 * DESIGN
 * Reading happens in two passes. The reader turns files (following
 * include globs) into raw sections, each with its key/value lines and
 * their origins. The schema pass then applies the tables, checks ranges
 * and references, and reports every problem as "file:line: message". A
 * config is only returned when there was no error at all, so a reload
 * never half-applies.
 */
#define PVS_LOG_MODULE "config"
#include <ctype.h>
#include <errno.h>
#include <glob.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config_int.h"
#include "pvs/log.h"

#define MAX_LINE 4096
#define MAX_FILE_SIZE (4 << 20)
#define MAX_INCLUDE_DEPTH 8

void pvs_cfg_error(struct pvs_cfg_errors *e, const char *file, int line,
                   const char *fmt, ...) {
    va_list ap;
    char msg[1024];

    if (e->count >= PVS_CFG_MAX_ERRORS) {
        e->dropped++;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (file && line > 0)
        e->msg[e->count++] = pvs_asprintf("%s:%d: %s", file, line, msg);
    else if (file)
        e->msg[e->count++] = pvs_asprintf("%s: %s", file, msg);
    else
        e->msg[e->count++] = pvs_strdup(msg);
}

/* "file:line: ..." -> length of "file" and the line (0 when absent). */
static size_t err_origin(const char *msg, long *ret_line) {
    const char *p = msg;

    while ((p = strchr(p, ':'))) {
        char *end;
        long line = strtol(p + 1, &end, 10);
        if (end != p + 1 && *end == ':') {
            *ret_line = line;
            return (size_t)(p - msg);
        }
        p++;
    }
    *ret_line = 0;
    return 0;
}

/* Index of the first error that names the same file as msg. */
static size_t first_of_file(const struct pvs_cfg_errors *e, const char *msg,
                            size_t flen) {
    for (size_t i = 0; i < e->count; i++) {
        long l;
        if (err_origin(e->msg[i], &l) == flen && !strncmp(e->msg[i], msg, flen))
            return i;
    }
    return e->count;
}

void pvs_cfg_errors_sort(struct pvs_cfg_errors *e) {
    size_t n = e->count;
    size_t *group = pvs_calloc(n + 1, sizeof(size_t));
    long *line = pvs_calloc(n + 1, sizeof(long));

    /* Group by file in order of first appearance, then by line. */
    for (size_t i = 0; i < n; i++) {
        size_t flen = err_origin(e->msg[i], &line[i]);
        group[i] = first_of_file(e, e->msg[i], flen);
    }
    /* Stable insertion sort: at most PVS_CFG_MAX_ERRORS entries. */
    for (size_t i = 1; i < n; i++) {
        for (size_t j = i; j > 0; j--) {
            char *t;
            size_t g;
            long l;
            if (group[j] > group[j - 1] ||
                (group[j] == group[j - 1] && line[j] >= line[j - 1]))
                break;
            t = e->msg[j];
            e->msg[j] = e->msg[j - 1];
            e->msg[j - 1] = t;
            g = group[j];
            group[j] = group[j - 1];
            group[j - 1] = g;
            l = line[j];
            line[j] = line[j - 1];
            line[j - 1] = l;
        }
    }
    pvs_free(group);
    pvs_free(line);
}

void pvs_cfg_errors_print(struct pvs_cfg_errors *e, FILE *out) {
    pvs_cfg_errors_sort(e);
    for (size_t i = 0; i < e->count; i++)
        fprintf(out, "%s\n", e->msg[i]);
    if (e->dropped)
        fprintf(out, "(%zu more errors not shown)\n", e->dropped);
}

void pvs_cfg_errors_release(struct pvs_cfg_errors *e) {
    for (size_t i = 0; i < e->count; i++)
        PVS_FREE(e->msg[i]);
    e->count = 0;
    e->dropped = 0;
}

const struct pvs_kv *pvs_cfg_obj_kv(const struct pvs_cfg_obj *obj,
                                    const char *key) {
    for (size_t i = 0; i < obj->nkv; i++)
        if (!strcmp(obj->kv[i].key, key))
            return &obj->kv[i];
    return NULL;
}

static bool same_str(const char *a, const char *b) {
    return a == b || (a && b && !strcmp(a, b));
}

bool pvs_cfg_obj_same(const struct pvs_cfg_obj *a,
                      const struct pvs_cfg_obj *b) {
    if (!a || !b)
        return a == b;
    if (!same_str(a->id, b->id) || a->nkv != b->nkv)
        return false;
    for (size_t i = 0; i < a->nkv; i++)
        if (strcmp(a->kv[i].key, b->kv[i].key) ||
            strcmp(a->kv[i].value, b->kv[i].value))
            return false;
    return true;
}

/* ---- value parsers ---- */

enum pvs_err pvs_cfg_parse_duration(const char *s, int64_t *ret_ms, char *msg,
                                    size_t msgsize) {
    static const struct {
        const char *unit;
        double ms;
    } units[] = {
        {"ms", 1},      {"s", 1000},    {"sec", 1000},   {"m", 60000},
        {"min", 60000}, {"h", 3600000}, {"d", 86400000}, {"w", 604800000.0},
    };
    char *end;
    double v, total = 0;
    const char *p = s;
    bool any = false;

    /* One or more "<number><unit>" groups: "90s", "1h30m", "2d". */
    while (*p) {
        size_t ulen = 0;
        bool found = false;

        while (isspace((unsigned char)*p))
            p++;
        if (!*p)
            break;
        errno = 0;
        v = strtod(p, &end);
        if (end == p || errno || v < 0)
            goto bad;
        p = end;
        while (isalpha((unsigned char)p[ulen]))
            ulen++;
        for (size_t i = 0; i < PVS_ARRAY_LEN(units); i++) {
            if (strlen(units[i].unit) == ulen &&
                !strncmp(units[i].unit, p, ulen)) {
                total += v * units[i].ms;
                found = true;
                break;
            }
        }
        if (!found)
            goto bad;
        p += ulen;
        any = true;
    }
    if (!any || total > 9e15)
        goto bad;
    *ret_ms = (int64_t)total;
    return PVS_OK;
bad:
    pvs_snprintf(msg, msgsize,
                 "expected a duration with a unit such as 500ms, 90s, 15m, "
                 "2h or 7d, not '%s'",
                 s);
    return PVS_ERR_INVAL;
}

enum pvs_err pvs_cfg_parse_size(const char *s, int64_t *ret_bytes, char *msg,
                                size_t msgsize) {
    static const struct {
        const char *unit;
        double mult;
    } units[] = {{"", 1},
                 {"b", 1},
                 {"k", 1024},
                 {"kb", 1024},
                 {"kib", 1024},
                 {"m", 1048576},
                 {"mb", 1048576},
                 {"mib", 1048576},
                 {"g", 1073741824.0},
                 {"gb", 1073741824.0},
                 {"gib", 1073741824.0}};
    char *end;
    double v;
    char unit[8];
    size_t n = 0;

    errno = 0;
    v = strtod(s, &end);
    if (end == s || errno || v < 0)
        goto bad;
    while (isspace((unsigned char)*end))
        end++;
    while (*end && n < sizeof(unit) - 1)
        unit[n++] = (char)tolower((unsigned char)*end++);
    unit[n] = '\0';
    if (*end)
        goto bad;
    for (size_t i = 0; i < PVS_ARRAY_LEN(units); i++) {
        if (!strcmp(units[i].unit, unit)) {
            *ret_bytes = (int64_t)(v * units[i].mult);
            return PVS_OK;
        }
    }
bad:
    pvs_snprintf(msg, msgsize,
                 "expected a size such as 512, 64k, 10MB or 1GiB, not '%s'", s);
    return PVS_ERR_INVAL;
}

enum pvs_err pvs_cfg_parse_bool(const char *s, bool *ret, char *msg,
                                size_t msgsize) {
    static const char *const yes[] = {"true", "yes", "on", "1"};
    static const char *const no[] = {"false", "no", "off", "0"};

    for (size_t i = 0; i < PVS_ARRAY_LEN(yes); i++) {
        if (!pvs_strcasecmp(s, yes[i])) {
            *ret = true;
            return PVS_OK;
        }
        if (!pvs_strcasecmp(s, no[i])) {
            *ret = false;
            return PVS_OK;
        }
    }
    pvs_snprintf(msg, msgsize, "expected true or false, not '%s'", s);
    return PVS_ERR_INVAL;
}

/* ---- the reader ---- */

static char *trim(char *s) {
    char *e;

    while (isspace((unsigned char)*s))
        s++;
    e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

static struct cfg_raw_section *raw_add_section(struct cfg_raw *raw) {
    raw->sections = pvs_realloc(raw->sections,
                                (raw->nsections + 1) * sizeof(*raw->sections));
    memset(&raw->sections[raw->nsections], 0, sizeof(*raw->sections));
    return &raw->sections[raw->nsections++];
}

static void raw_add_kv(struct cfg_raw_section *sec, const char *key,
                       const char *value, const char *file, int line) {
    struct pvs_kv *kv;

    sec->kv = pvs_realloc(sec->kv, (sec->nkv + 1) * sizeof(*sec->kv));
    kv = &sec->kv[sec->nkv++];
    kv->key = pvs_strdup(key);
    for (char *p = kv->key; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    kv->value = pvs_strdup(value);
    kv->file = file;
    kv->line = line;
}

/*
 * Value: a "quoted string" (with \" \\ escapes) or a bare value that ends
 * at a " #" or " ;" comment. Returns NULL (and sets *err) on bad quoting.
 */
static char *parse_value(char *v, const char **err) {
    char *out, *w;

    if (*v != '"') {
        for (char *p = v; *p; p++) {
            if ((*p == '#' || *p == ';') &&
                (p == v || isspace((unsigned char)p[-1]))) {
                *p = '\0';
                break;
            }
        }
        return trim(v);
    }
    out = w = v;
    v++;
    while (*v && *v != '"') {
        if (*v == '\\' && (v[1] == '"' || v[1] == '\\'))
            v++;
        *w++ = *v++;
    }
    if (*v != '"') {
        *err = "missing closing quote";
        return NULL;
    }
    v = trim(v + 1);
    if (*v && *v != '#' && *v != ';') {
        *err = "unexpected text after the closing quote";
        return NULL;
    }
    *w = '\0';
    return out;
}

static const char *remember_file(struct cfg_raw *raw, const char *path) {
    raw->files = pvs_realloc(raw->files, (raw->nfiles + 1) * sizeof(char *));
    raw->files[raw->nfiles] = pvs_strdup(path);
    return raw->files[raw->nfiles++];
}

static void read_file(struct cfg_raw *raw, const char *path, int depth,
                      struct pvs_cfg_errors *errs, const char *from_file,
                      int from_line);

static void do_include(struct cfg_raw *raw, const char *file, int line,
                       const char *pattern, int depth,
                       struct pvs_cfg_errors *errs) {
    char *full, *dircopy;
    glob_t g;
    int grc;

    if (depth >= MAX_INCLUDE_DEPTH) {
        pvs_cfg_error(errs, file, line,
                      "includes nested more than %d deep (a loop?)",
                      MAX_INCLUDE_DEPTH);
        return;
    }
    if (pattern[0] == '/') {
        full = pvs_strdup(pattern);
    } else {
        dircopy = pvs_strdup(file);
        full = pvs_asprintf("%s/%s", dirname(dircopy), pattern);
        pvs_free(dircopy);
    }
    grc = glob(full, 0, NULL, &g);
    if (grc == 0) {
        for (size_t i = 0; i < g.gl_pathc; i++)
            read_file(raw, g.gl_pathv[i], depth + 1, errs, file, line);
    } else if (grc != GLOB_NOMATCH) {
        /* A glob that matches nothing is fine; a failing one is not. */
        pvs_cfg_error(errs, file, line, "cannot expand include '%s'", pattern);
    }
    globfree(&g);
    pvs_free(full);
}

static void parse_header(struct cfg_raw *raw, char *s, const char *file,
                         int lineno, struct pvs_cfg_errors *errs,
                         struct cfg_raw_section **cur) {
    char *end = strchr(s, ']');
    char *name = NULL, *type;
    struct cfg_raw_section *sec;

    *cur = NULL;
    if (!end) {
        pvs_cfg_error(errs, file, lineno,
                      "expected ']' to close the section header");
        return;
    }
    if (*trim(end + 1) && end[1] != '#' && end[1] != ';') {
        char *rest = trim(end + 1);
        if (*rest != '#' && *rest != ';') {
            pvs_cfg_error(errs, file, lineno,
                          "unexpected text after the section header");
            return;
        }
    }
    *end = '\0';
    type = trim(s + 1);
    {
        char *q = strchr(type, '"');
        if (q) {
            char *q2 = strrchr(type, '"');
            if (q2 == q) {
                pvs_cfg_error(errs, file, lineno,
                              "missing closing quote in the section name");
                return;
            }
            *q2 = '\0';
            name = q + 1;
            *q = '\0';
            type = trim(type);
            if (!*name) {
                pvs_cfg_error(errs, file, lineno,
                              "empty section name in [%s \"\"]", type);
                return;
            }
        }
    }
    if (!*type) {
        pvs_cfg_error(errs, file, lineno, "empty section header");
        return;
    }
    for (char *p = type; *p; p++) {
        *p = (char)tolower((unsigned char)*p);
        if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-') {
            pvs_cfg_error(errs, file, lineno,
                          "invalid character in section name '%s'", type);
            return;
        }
    }
    sec = raw_add_section(raw);
    sec->type = pvs_strdup(type);
    sec->name = name ? pvs_strdup(name) : NULL;
    sec->file = file;
    sec->line = lineno;
    *cur = sec;
}

/* One line of a file (trimmed, neither blank nor a comment): a
 * [section] header, an include or a key of the current section *cur. */
static void read_line(struct cfg_raw *raw, char *s, const char *file,
                      int lineno, int depth, struct pvs_cfg_errors *errs,
                      struct cfg_raw_section **cur) {
    char *eq, *key, *val;
    const char *verr = NULL;

    if (*s == '[') {
        parse_header(raw, s, file, lineno, errs, cur);
        /* After a bad header, skip its keys instead of misfiling them. */
        if (!*cur)
            *cur = &raw->junk;
        return;
    }
    eq = strchr(s, '=');
    if (!eq) {
        pvs_cfg_error(errs, file, lineno,
                      "expected 'key = value' or a [section] header");
        return;
    }
    *eq = '\0';
    key = trim(s);
    val = parse_value(trim(eq + 1), &verr);
    if (!*key) {
        pvs_cfg_error(errs, file, lineno, "missing key before '='");
        return;
    }
    if (!val) {
        pvs_cfg_error(errs, file, lineno, "%s", verr);
        return;
    }
    for (char *p = key; *p; p++) {
        if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-' &&
            *p != '.') {
            pvs_cfg_error(errs, file, lineno, "invalid key '%s'", key);
            key = NULL;
            break;
        }
    }
    if (!key)
        return;
    if (!pvs_strcasecmp(key, "include")) {
        if (!*val)
            pvs_cfg_error(errs, file, lineno,
                          "expected a file name or glob after include");
        else
            do_include(raw, file, lineno, val, depth, errs);
        return;
    }
    if (!*cur) {
        pvs_cfg_error(errs, file, lineno, "key '%s' outside of any [section]",
                      key);
        return;
    }
    if (*cur == &raw->junk)
        return;
    raw_add_kv(*cur, key, val, file, lineno);
}

static void read_file(struct cfg_raw *raw, const char *path, int depth,
                      struct pvs_cfg_errors *errs, const char *from_file,
                      int from_line) {
    FILE *f;
    char buf[MAX_LINE + 2];
    char ebuf[128];
    int lineno = 0;
    const char *file;
    struct cfg_raw_section *cur = NULL;
    struct stat st;

    f = fopen(path, "r");
    if (!f) {
        int err = errno;
        pvs_cfg_error(errs, from_file ? from_file : path,
                      from_file ? from_line : 0, "cannot open '%s': %s", path,
                      pvs_strerror(err, ebuf, sizeof(ebuf)));
        return;
    }
    if (fstat(fileno(f), &st) == 0 && st.st_size > MAX_FILE_SIZE) {
        pvs_cfg_error(errs, path, 0, "file is larger than %d bytes",
                      MAX_FILE_SIZE);
        fclose(f);
        return;
    }
    file = remember_file(raw, path);
    while (fgets(buf, sizeof(buf), f)) {
        char *s;
        size_t len = strlen(buf);

        lineno++;
        if (len == sizeof(buf) - 1 && buf[len - 1] != '\n') {
            int c;
            pvs_cfg_error(errs, file, lineno, "line longer than %d bytes",
                          MAX_LINE);
            while ((c = fgetc(f)) != EOF && c != '\n')
                ;
            continue;
        }
        s = trim(buf);
        if (lineno == 1 && !strncmp(s, "\xef\xbb\xbf", 3))
            s = trim(s + 3);
        if (!*s || *s == '#' || *s == ';')
            continue;
        read_line(raw, s, file, lineno, depth, errs, &cur);
    }
    if (ferror(f))
        pvs_cfg_error(errs, file, lineno, "read error");
    fclose(f);
}

void pvs_cfg_raw_read(struct cfg_raw *raw, const char *path,
                      struct pvs_cfg_errors *errs) {
    read_file(raw, path, 0, errs, NULL, 0);
}

void pvs_cfg_raw_release(struct cfg_raw *raw, bool keep_files) {
    for (size_t i = 0; i < raw->nsections; i++) {
        struct cfg_raw_section *s = &raw->sections[i];
        for (size_t k = 0; k < s->nkv; k++) {
            pvs_free(s->kv[k].key);
            pvs_free(s->kv[k].value);
        }
        pvs_free(s->kv);
        pvs_free(s->type);
        pvs_free(s->name);
    }
    pvs_free(raw->sections);
    if (!keep_files) {
        for (size_t i = 0; i < raw->nfiles; i++)
            pvs_free(raw->files[i]);
        pvs_free(raw->files);
    }
    memset(raw, 0, sizeof(*raw));
}
