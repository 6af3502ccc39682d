/* SPDX-License-Identifier: MIT */
/*
 * config_merge.c - sites, devices, people and silences created through the
 * HTTP API become part of the running config.
 *
 * DESIGN
 * The API's objects are written out as config sections after an include
 * of the config file itself, and that text is loaded with the ordinary
 * loader. So an API device gets exactly the defaults, ranges, reference
 * resolution and indexes of one written in the file, and nothing here
 * knows what a site is made of. A section the loader rejects (a customer
 * deleted behind its site's back, a time zone that left tzdata) is
 * dropped with a warning and the rest is loaded again: one bad row never
 * keeps the other sites from being monitored. The merged config then
 * replaces the contents of the caller's, and the API's objects carry the
 * database path as their file and line 0.
 */
#define PVS_LOG_MODULE "config"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pvs/config.h"
#include "pvs/log.h"
#include "pvs/store_web.h"

#define MERGE_ROUNDS 4

bool pvs_config_obj_from_store(const struct pvs_cfg_obj *obj) {
    return obj->id && obj->line == 0;
}

/* `include = "PATH"` with glob characters escaped (the reader globs). */
static void include_line(struct pvs_buf *b, const char *path) {
    pvs_buf_puts(b, "include = \"");
    for (const char *p = path; *p; p++) {
        if (*p == '*' || *p == '?' || *p == '[')
            pvs_buf_puts(b, "\\\\");
        if (*p == '"' || *p == '\\')
            pvs_buf_puts(b, "\\");
        pvs_buf_add(b, p, 1);
    }
    pvs_buf_puts(b, "\"\n");
}

static enum pvs_err write_file(const char *path, const struct pvs_buf *b) {
    char ebuf[128];
    FILE *f = fopen(path, "w");
    enum pvs_err rc = PVS_OK;

    if (!f || fwrite(b->data, 1, b->len, f) != b->len)
        rc = PVS_ERR_IO;
    if (f && fclose(f))
        rc = PVS_ERR_IO;
    if (rc)
        pvs_error("cannot write '%s': %s", path,
                  pvs_strerror(errno, ebuf, sizeof(ebuf)));
    return rc;
}

/*
 * Remove from text the section that holds line (1-based) of the merge
 * file; returns false when line is not inside a section.
 */
static bool drop_section(struct pvs_buf *text, int line) {
    char *p = text->data, *start = NULL, *end;
    int n = 1;

    for (; *p && n < line; p++)
        if (*p == '\n')
            n++;
    if (n != line)
        return false;
    /* Back to the section header of that line. */
    for (char *q = p; q >= text->data; q--) {
        if (*q == '[' && (q == text->data || q[-1] == '\n')) {
            start = q;
            break;
        }
    }
    if (!start)
        return false;
    end = strstr(start + 1, "\n[");
    end = end ? end + 1 : text->data + text->len;
    memmove(start, end, (size_t)(text->data + text->len - end) + 1);
    text->len -= (size_t)(end - start);
    return true;
}

/* Point every API object at the database instead of the merge file. */
static void relabel(void **arr, size_t n, const char *tmp, const char *db) {
    for (size_t i = 0; i < n; i++) {
        struct pvs_cfg_obj *o = arr[i];
        if (!o->file || strcmp(o->file, tmp))
            continue;
        o->file = db;
        o->line = 0;
        for (size_t k = 0; k < o->nkv; k++) {
            o->kv[k].file = db;
            o->kv[k].line = 0;
        }
    }
}

enum pvs_err pvs_config_merge_store(struct pvs_config *cfg) {
    const char *db = cfg->global.database;
    char tmp[] = "/tmp/pvsentry-merge-XXXXXX";
    struct pvs_config *next = NULL, swap;
    struct pvs_store *st = NULL;
    struct pvs_cfg_errors errs;
    struct pvs_buf text;
    size_t n = 0;
    char *keep;
    int fd = -1;
    enum pvs_err rc;

    memset(&errs, 0, sizeof(errs));
    pvs_buf_init(&text, 64 << 20);
    if (!db || access(db, F_OK) != 0)
        return PVS_OK; /* no database yet, nothing created through it */
    rc = pvs_store_open(db, PVS_STORE_READONLY, &st);
    if (rc) {
        pvs_warn("cannot read the API's sites and devices from '%s'", db);
        goto out;
    }
    include_line(&text, cfg->path);
    rc = pvs_store_web_config_ini(st, cfg, &text, &n);
    pvs_store_close(st);
    if (rc || !n)
        goto out;
    fd = mkstemp(tmp);
    if (fd < 0) {
        char ebuf[128];
        pvs_error("cannot create a temporary file: %s",
                  pvs_strerror(errno, ebuf, sizeof(ebuf)));
        rc = PVS_ERR_IO;
        goto out;
    }
    close(fd);
    for (int round = 0; round < MERGE_ROUNDS; round++) {
        bool dropped = false;

        rc = write_file(tmp, &text);
        if (rc)
            goto out;
        next = pvs_config_load_all(tmp, &errs);
        if (!errs.count)
            break;
        for (size_t i = 0; i < errs.count; i++) {
            const char *m = errs.msg[i];
            size_t tl = strlen(tmp);
            int64_t line;
            char num[16];
            size_t k = 0;

            pvs_warn("API object skipped: %s", m);
            if (strncmp(m, tmp, tl) || m[tl] != ':')
                continue;
            while (k + 1 < sizeof(num) && m[tl + 1 + k] >= '0' &&
                   m[tl + 1 + k] <= '9') {
                num[k] = m[tl + 1 + k];
                k++;
            }
            num[k] = '\0';
            if (!pvs_parse_i64(num, &line) && drop_section(&text, (int)line))
                dropped = true;
        }
        pvs_cfg_errors_release(&errs);
        pvs_config_free(next);
        next = NULL;
        if (!dropped)
            break;
    }
    if (!next) {
        pvs_error("cannot merge the API's objects from '%s': the config "
                  "file alone is used",
                  db);
        rc = PVS_ERR_CONFIG;
        goto out;
    }
    db = next->global.database;
    relabel((void **)next->sites, next->nsites, tmp, db);
    relabel((void **)next->devices, next->ndevices, tmp, db);
    relabel((void **)next->customers, next->ncustomers, tmp, db);
    relabel((void **)next->technicians, next->ntechnicians, tmp, db);
    relabel((void **)next->endpoints, next->nendpoints, tmp, db);
    relabel((void **)next->silences, next->nsilences, tmp, db);
    /* The caller's config takes the merged contents, keeping its path. */
    swap = *cfg;
    *cfg = *next;
    *next = swap;
    keep = cfg->path;
    cfg->path = next->path;
    next->path = keep;
    pvs_config_free(next);
    next = NULL;
    pvs_info("merged the API's objects: %zu sites, %zu devices in all",
             cfg->nsites, cfg->ndevices);
    rc = PVS_OK;
out:
    if (fd >= 0)
        unlink(tmp);
    pvs_cfg_errors_release(&errs);
    pvs_buf_release(&text);
    return rc;
}
