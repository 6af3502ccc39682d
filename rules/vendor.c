/* SPDX-License-Identifier: MIT */
/*
 * vendor.c - vendor event-code tables (rules/vendor/NAME.csv, embedded).
 *
 * The files are small and read once per rule set, so parsing is plain:
 * one line per code, five comma-separated fields, the description last
 * (it may not contain commas only because nothing follows it).
 */
#include <ctype.h>
#include <string.h>

#include "pvs/embed.h"
#include "pvs/vendor.h"

#define VENDOR_MAX_CODES 4096

void pvs_vendor_table_free(struct pvs_vendor_table *t) {
    if (!t)
        return;
    for (size_t i = 0; i < t->ncodes; i++) {
        pvs_free(t->codes[i].name);
        pvs_free(t->codes[i].kb);
        pvs_free(t->codes[i].description);
    }
    pvs_free(t->codes);
    pvs_free(t->vendor);
    pvs_free(t);
}

/* Split line (modified in place) at the first four commas. */
static bool fields(char *line, char **f) {
    f[0] = line;
    for (int i = 1; i < 5; i++) {
        char *c = strchr(f[i - 1], ',');
        if (!c)
            return false;
        *c = '\0';
        f[i] = c + 1;
    }
    return true;
}

static enum pvs_err parse(struct pvs_vendor_table *t, const char *data,
                          size_t len) {
    const char *p = data, *end = data + len;
    bool header = false;

    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        char line[512], *f[5];
        struct pvs_vendor_code *c;
        int sev;
        int64_t code;

        if (n >= sizeof(line))
            return PVS_ERR_INVAL;
        memcpy(line, p, n);
        line[n] = '\0';
        if (n && line[n - 1] == '\r')
            line[n - 1] = '\0';
        p += n + (nl ? 1 : 0);
        if (!line[0] || line[0] == '#')
            continue;
        if (!fields(line, f))
            return PVS_ERR_INVAL;
        if (!header) {
            header = true;
            if (!strcmp(f[0], "code"))
                continue;
        }
        sev = pvs_severity_parse(f[2]);
        if (pvs_parse_i64(f[0], &code) || sev < 0 || !*f[1] || !*f[3] ||
            t->ncodes == VENDOR_MAX_CODES)
            return PVS_ERR_INVAL;
        t->codes = pvs_realloc(t->codes, (t->ncodes + 1) * sizeof(*c));
        c = &t->codes[t->ncodes++];
        c->code = code;
        c->name = pvs_strdup(f[1]);
        c->severity = (enum pvs_severity)sev;
        c->kb = pvs_strdup(f[3]);
        c->description = pvs_strdup(f[4]);
    }
    return t->ncodes ? PVS_OK : PVS_ERR_INVAL;
}

enum pvs_err pvs_vendor_table_load(const char *vendor,
                                   struct pvs_vendor_table **ret) {
    struct pvs_vendor_table *t = NULL;
    char name[64], path[96];
    const char *data;
    size_t len, n = 0;
    enum pvs_err rc;

    for (const char *s = vendor; *s && n + 1 < sizeof(name); s++)
        name[n++] =
            isalnum((unsigned char)*s) ? (char)tolower((unsigned char)*s) : '-';
    name[n] = '\0';
    pvs_snprintf(path, sizeof(path), "rules/vendor/%s.csv", name);
    data = n ? pvs_embed_get(path, &len) : NULL;
    if (!data) {
        rc = PVS_ERR_NOTFOUND;
        goto out;
    }
    t = pvs_calloc(1, sizeof(*t));
    t->vendor = pvs_strdup(name);
    rc = parse(t, data, len);
out:
    if (rc)
        pvs_vendor_table_free(t);
    else
        *ret = t;
    return rc;
}

const struct pvs_vendor_code *
pvs_vendor_table_lookup(const struct pvs_vendor_table *t, int64_t code) {
    for (size_t i = 0; t && i < t->ncodes; i++)
        if (t->codes[i].code == code)
            return &t->codes[i];
    return NULL;
}
