/* SPDX-License-Identifier: MIT */
/*
 * template.c - a small logic-less template renderer for messages.
 *
 * Deliberately tiny: variables and conditional sections only. Templates
 * are data written by people who know the customers, not code; anything
 * that needs logic is computed by the caller into a variable.
 */
#include <stdio.h>
#include <string.h>

#include "pvs/clock.h"
#include "pvs/embed.h"
#include "pvs/template.h"
#include "pvs/tz.h"

#define MAX_OUT (256 * 1024)
#define MAX_DEPTH 8

static const char *lookup(const struct pvs_tvar *vars, size_t n,
                          const char *name, size_t len) {
    for (size_t i = 0; i < n; i++)
        if (strlen(vars[i].name) == len && !strncmp(vars[i].name, name, len))
            return vars[i].value ? vars[i].value : "";
    return NULL;
}

/* A template being rendered: the output and the open sections. */
struct render {
    const struct pvs_tvar *vars;
    size_t nvars;
    struct pvs_buf out;
    const char *open_name[MAX_DEPTH]; /* open sections' names */
    size_t open_len[MAX_DEPTH];
    bool shown[MAX_DEPTH + 1]; /* whether a level's content shows */
    int depth;
    char *err;
    size_t errsize;
};

/* One tag "{{...}}": its kind ('#', '^', '/' or 0) and its name. */
struct tag {
    char kind;
    const char *name;
    size_t len;
};

static void parse_tag(const char *open, const char *close, struct tag *t) {
    t->name = open + 2;
    t->kind = *t->name;
    if (t->kind == '#' || t->kind == '^' || t->kind == '/')
        t->name++;
    else
        t->kind = 0;
    while (*t->name == ' ')
        t->name++;
    t->len = (size_t)(close - t->name);
    while (t->len && t->name[t->len - 1] == ' ')
        t->len--;
}

static enum pvs_err open_section(struct render *r, const struct tag *t) {
    const char *v = lookup(r->vars, r->nvars, t->name, t->len);
    bool nonempty = v && *v;

    if (r->depth == MAX_DEPTH) {
        pvs_snprintf(r->err, r->errsize, "sections nested too deep");
        return PVS_ERR_INVAL;
    }
    r->open_name[r->depth] = t->name;
    r->open_len[r->depth] = t->len;
    r->shown[r->depth + 1] =
        r->shown[r->depth] && (t->kind == '#' ? nonempty : !nonempty);
    r->depth++;
    return PVS_OK;
}

static enum pvs_err close_section(struct render *r, const struct tag *t) {
    if (!r->depth || r->open_len[r->depth - 1] != t->len ||
        strncmp(r->open_name[r->depth - 1], t->name, t->len)) {
        pvs_snprintf(r->err, r->errsize, "unexpected '{{/%.*s}}'", (int)t->len,
                     t->name);
        return PVS_ERR_INVAL;
    }
    r->depth--;
    return PVS_OK;
}

/* Apply one tag: a section opens or closes, a variable shows. */
static enum pvs_err apply_tag(struct render *r, const struct tag *t) {
    const char *v;

    if (t->kind == '#' || t->kind == '^')
        return open_section(r, t);
    if (t->kind == '/')
        return close_section(r, t);
    if (!r->shown[r->depth])
        return PVS_OK;
    v = lookup(r->vars, r->nvars, t->name, t->len);
    return v && pvs_buf_puts(&r->out, v) ? PVS_ERR_FULL : PVS_OK;
}

/* Render tmpl into r->out. */
static enum pvs_err render_all(struct render *r, const char *tmpl) {
    const char *p = tmpl;
    enum pvs_err rc;

    while (*p) {
        const char *open = strstr(p, "{{"), *close;
        struct tag t;

        if (!open)
            return r->shown[r->depth] && pvs_buf_puts(&r->out, p) ? PVS_ERR_FULL
                                                                  : PVS_OK;
        if (r->shown[r->depth] && pvs_buf_add(&r->out, p, (size_t)(open - p)))
            return PVS_ERR_FULL;
        close = strstr(open + 2, "}}");
        if (!close) {
            pvs_snprintf(r->err, r->errsize, "unclosed '{{' at offset %ld",
                         (long)(open - tmpl));
            return PVS_ERR_INVAL;
        }
        parse_tag(open, close, &t);
        rc = apply_tag(r, &t);
        if (rc)
            return rc;
        p = close + 2;
        /* A section tag alone on its line leaves no blank line. */
        if (t.kind && *p == '\n' && (open == tmpl || open[-1] == '\n'))
            p++;
    }
    return PVS_OK;
}

enum pvs_err pvs_template_render(const char *tmpl, const struct pvs_tvar *vars,
                                 size_t nvars, char **ret, char *err,
                                 size_t errsize) {
    struct render r;
    enum pvs_err rc;

    memset(&r, 0, sizeof(r));
    r.vars = vars;
    r.nvars = nvars;
    r.err = err;
    r.errsize = errsize;
    r.shown[0] = true;
    pvs_buf_init(&r.out, MAX_OUT);
    rc = render_all(&r, tmpl);
    if (rc == PVS_ERR_FULL)
        pvs_snprintf(err, errsize, "rendered text larger than %d bytes",
                     MAX_OUT);
    else if (!rc && r.depth) {
        pvs_snprintf(err, errsize, "section '%.*s' is not closed",
                     (int)r.open_len[r.depth - 1], r.open_name[r.depth - 1]);
        rc = PVS_ERR_INVAL;
    }
    if (rc)
        pvs_buf_release(&r.out);
    else
        *ret = pvs_buf_detach(&r.out, NULL);
    return rc;
}

const char *pvs_template_get(const char *lang, const char *name) {
    char path[256];
    const char *t;

    if (lang && *lang) {
        pvs_snprintf(path, sizeof(path), "notifier/templates/%s/%s.txt", lang,
                     name);
        t = pvs_embed_get(path, NULL);
        if (t)
            return t;
    }
    pvs_snprintf(path, sizeof(path), "notifier/templates/en/%s.txt", name);
    return pvs_embed_get(path, NULL);
}

const char *const pvs_template_languages[] = {"en", "fr", "de", "es",
                                              "it", "nl", NULL};

/* The word lists of a language (each small enough for one C literal). */
static const char *const word_files[] = {
    "words", "tech",       "pages",     "evidence", "evidence_trends",
    "why",   "why_trends", "dashboard", "vendor",   "timeline"};

static const char *word_in_file(const char *lang, const char *file,
                                const char *key, char *buf, size_t size) {
    char path[128];
    const char *text, *p;
    size_t klen = strlen(key);

    pvs_snprintf(path, sizeof(path), "notifier/templates/%s/%s.txt", lang,
                 file);
    text = pvs_embed_get(path, NULL);
    for (p = text; p && *p;) {
        const char *eol = strchr(p, '\n'), *v = p + klen;

        if (!eol)
            eol = p + strlen(p);
        if (*p != '#' && !strncmp(p, key, klen) && (*v == ' ' || *v == '=')) {
            while (*v == ' ')
                v++;
            if (*v == '=') {
                v++;
                while (*v == ' ')
                    v++;
                pvs_snprintf(buf, size, "%.*s", (int)(eol - v), v);
                return buf;
            }
        }
        p = *eol ? eol + 1 : eol;
    }
    return NULL;
}

static const char *word_in(const char *lang, const char *key, char *buf,
                           size_t size) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(word_files); i++)
        if (word_in_file(lang, word_files[i], key, buf, size))
            return buf;
    return NULL;
}

const char *pvs_template_word(const char *lang, const char *key, char *buf,
                              size_t size) {
    const char *w = lang && *lang ? word_in(lang, key, buf, size) : NULL;

    return w ? w : word_in("en", key, buf, size);
}

/* Whether s is a plain decimal number ("-12.5"), the only numbers whose
 * look changes with the language. */
static bool is_decimal(const char *s) {
    bool dot = false, digits = false;

    if (*s == '-')
        s++;
    for (; *s; s++) {
        if (*s == '.' && !dot && digits)
            dot = true;
        else if (*s >= '0' && *s <= '9')
            digits = true;
        else
            return false;
    }
    return dot && s[-1] != '.';
}

const char *pvs_template_decimal(const char *lang, const char *num, char *buf,
                                 size_t size) {
    char mark[8];
    const char *dot;

    pvs_strlcpy(buf, num, size);
    if (!is_decimal(num) ||
        !pvs_template_word(lang, "num.decimal", mark, sizeof(mark)) ||
        !strcmp(mark, "."))
        return buf;
    dot = strchr(num, '.');
    pvs_snprintf(buf, size, "%.*s%s%s", (int)(dot - num), num, mark, dot + 1);
    return buf;
}

const char *pvs_template_number(const char *lang, double v, int decimals,
                                char *buf, size_t size) {
    char num[64];

    pvs_snprintf(num, sizeof(num), "%.*f", decimals, v);
    return pvs_template_decimal(lang, num, buf, size);
}

/* The phrase key, or "<prefix>.other" when English has no such key. */
static const char *key_or_other(const char *prefix, const char *family,
                                char *key, size_t size) {
    char probe[8];

    pvs_snprintf(key, size, "%s.%s", prefix, family ? family : "");
    if (!family || !pvs_template_word("en", key, probe, sizeof(probe)))
        pvs_snprintf(key, size, "%s.other", prefix);
    return key;
}

const char *pvs_template_title(const char *lang, const char *family,
                               const char *kind, const char *device,
                               const char *subject, char *buf, size_t size) {
    char dev[128], kw[64], key[64], pattern[256];
    char *out = NULL;
    struct pvs_tvar dv[1] = {{"device", dev}};

    if (device && *device) {
        pvs_snprintf(key, sizeof(key), "tech.kind.%s", kind ? kind : "device");
        if (!pvs_template_word(lang, key, kw, sizeof(kw)))
            pvs_strlcpy(kw, kind ? kind : "device", sizeof(kw));
        pvs_snprintf(dev, sizeof(dev), "%s %s", kw, device);
    } else if (!pvs_template_word(lang, "tech.site", dev, sizeof(dev))) {
        pvs_strlcpy(dev, "the site", sizeof(dev));
    }
    buf[0] = '\0';
    if (pvs_template_word(lang,
                          key_or_other("tech.title", family, key, sizeof(key)),
                          pattern, sizeof(pattern)) &&
        !pvs_template_render(pattern, dv, 1, &out, NULL, 0)) {
        pvs_strlcpy(buf, out, size);
        pvs_free(out);
    }
    if (subject && subject[0] && strcmp(subject, "fault") &&
        strcmp(subject, "-")) {
        size_t n = strlen(buf);
        pvs_snprintf(buf + n, size - n, " (%s)", subject);
    }
    if (buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
    return buf;
}

#define EV_ARGS 16

/* The phrase "ev.<key>" in lang rendered with vars into buf, or NULL. */
static const char *ev_phrase(const char *lang, const char *key,
                             const struct pvs_tvar *vars, size_t n, char *buf,
                             size_t size) {
    char k[96], phrase[1024], *out = NULL;

    pvs_snprintf(k, sizeof(k), "ev.%s", key);
    if (!pvs_template_word(lang, k, phrase, sizeof(phrase)) ||
        pvs_template_render(phrase, vars, n, &out, NULL, 0))
        return NULL;
    pvs_strlcpy(buf, out, size);
    pvs_free(out);
    return buf;
}

/* An instant as the rules write it ("2024-06-21T06:54:00Z"), in the
 * site's zone with its name ("2024-06-21 08:54 Europe/Paris"). */
static bool local_time(const char *v, const struct pvs_tz *tz, const char *zone,
                       char *buf, size_t size) {
    struct pvs_tm tm;
    int64_t ms;

    if (!tz || strlen(v) != 20 || v[10] != 'T' || v[19] != 'Z' ||
        pvs_clock_parse_time(v, &ms))
        return false;
    pvs_tz_local(tz, ms, &tm);
    pvs_snprintf(buf, size, "%04d-%02d-%02d %02d:%02d %s", tm.year, tm.mon,
                 tm.mday, tm.hour, tm.min, zone);
    return true;
}

const char *pvs_template_evidence(const char *lang, const char *src, char *buf,
                                  size_t size) {
    return pvs_template_evidence_at(lang, src, NULL, NULL, buf, size);
}

const char *pvs_template_evidence_at(const char *lang, const char *src,
                                     const struct pvs_tz *tz, const char *zone,
                                     char *buf, size_t size) {
    char *copy, *p;
    char vals[EV_ARGS][256];
    struct pvs_tvar v[EV_ARGS];
    size_t n = 0;

    if (!src || src[0] != '@') {
        pvs_strlcpy(buf, src ? src : "", size);
        return buf;
    }
    copy = pvs_strdup(src + 1);
    p = strchr(copy, '|');
    if (p)
        *p++ = '\0';
    while (p && n < EV_ARGS) {
        char *next = strchr(p, '|'), *eq;

        if (next)
            *next++ = '\0';
        eq = strchr(p, '=');
        if (eq) {
            *eq++ = '\0';
            v[n].name = p;
            v[n].value = eq;
            n++;
        }
        p = next;
    }
    /* A value that names a phrase is that phrase, with the same values;
     * a decimal number is written as the language writes it. */
    for (size_t i = 0; i < n; i++) {
        if (v[i].value[0] != '~') {
            if (!local_time(v[i].value, tz, zone, vals[i], sizeof(vals[i])))
                pvs_template_decimal(lang, v[i].value, vals[i],
                                     sizeof(vals[i]));
            v[i].value = vals[i];
            continue;
        }
        if (!ev_phrase(lang, v[i].value + 1, v, n, vals[i], sizeof(vals[i])))
            pvs_strlcpy(vals[i], v[i].value + 1, sizeof(vals[i]));
        v[i].value = vals[i];
    }
    /* No phrase: the key and its values, never nothing. */
    if (!ev_phrase(lang, copy, v, n, buf, size))
        pvs_strlcpy(buf, src + 1, size);
    pvs_free(copy);
    return buf;
}

void pvs_template_split_subject(const char *text, char **ret_subject,
                                char **ret_body) {
    const char *nl;

    if (strncmp(text, "Subject:", 8)) {
        *ret_subject = pvs_strdup("");
        *ret_body = pvs_strdup(text);
        return;
    }
    nl = strchr(text, '\n');
    if (!nl)
        nl = text + strlen(text);
    text += 8;
    while (*text == ' ')
        text++;
    *ret_subject = pvs_strndup(text, (size_t)(nl - text));
    while (*nl == '\n')
        nl++;
    *ret_body = pvs_strdup(nl);
}
