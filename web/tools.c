/* SPDX-License-Identifier: MIT */
/*
 * tools.c - the installer's tools: "test this device" (runs `pvsentry
 * probe` against the device's Modbus TCP address), "what publishes on the
 * broker for this site" (runs `pvsentry mqtt-learn`) and the CSV import
 * of sites, devices and people, with a dry run that reports every bad
 * line.
 *
 * DESIGN
 * The probe runs as a child process of this very binary, never in the
 * server: it does device I/O with its own timeouts, may take seconds, and
 * whatever happens to it cannot touch the daemon. Only tcp:// is tested
 * this way; a serial bus belongs to the poller, which must stay its only
 * user. The child's output is capped and it is killed at the deadline.
 *
 * The import checks every line first, with the same field tables the
 * engine uses and against the store (ids already taken, twice in the
 * file, references to nothing, unknown time zones); one bad line and
 * nothing is written, so a dry run and a real run report the same lines.
 * A real run then creates the lines in file order, one engine command
 * each (people, then sites, then devices, when the file is written in
 * that order). It is all or nothing: if the engine refuses a line (a
 * race with another writer), the lines created before it are deleted
 * again and the answer says nothing was imported.
 */
#define PVS_LOG_MODULE "web"
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pvs/inbox.h"
#include "pvs/log.h"
#include "pvs/tz.h"
#include "pvs/web_views.h"
#include "web_int.h"

#define PROBE_TIMEOUT_MS 20000
#define PROBE_OUT_MAX (64 * 1024)
#define CSV_MAX_LINES 2000
#define CSV_MAX_COLS 64

extern char **environ;

static int64_t mono_ms(void) {
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Run this binary with argv (argv[0] "pvsentry"); its stdout into out,
 * its stderr too when both, until timeout_ms.
 */
static enum pvs_err run_child(char **argv, int64_t timeout_ms, bool both,
                              struct pvs_buf *out, int *ret_status) {
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    sigset_t none;
    int fds[2], status = 0, err;
    pid_t pid;
    int64_t deadline = mono_ms() + timeout_ms;
    enum pvs_err rc = PVS_OK;
    bool killed = false;

    if (pipe(fds))
        return PVS_ERR_IO;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    if (both)
        posix_spawn_file_actions_adddup2(&fa, fds[1], 2);
    posix_spawnattr_init(&attr);
    /* The daemon blocks its signals for sigwait; the child must not. */
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    err = posix_spawn(&pid, "/proc/self/exe", &fa, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    close(fds[1]);
    if (err) {
        char ebuf[128];
        pvs_error("cannot start 'pvsentry %s': %s", argv[1],
                  pvs_strerror(err, ebuf, sizeof(ebuf)));
        close(fds[0]);
        return PVS_ERR_IO;
    }
    for (;;) {
        struct pollfd pfd = {fds[0], POLLIN, 0};
        int64_t left = deadline - mono_ms();
        char chunk[4096];
        ssize_t n;

        if (left <= 0) {
            kill(pid, SIGKILL);
            killed = true;
            rc = PVS_ERR_TIMEOUT;
            break;
        }
        if (poll(&pfd, 1, (int)left) <= 0)
            continue;
        n = read(fds[0], chunk, sizeof(chunk));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (out->len + (size_t)n <= PROBE_OUT_MAX)
            pvs_buf_add(out, chunk, (size_t)n);
    }
    close(fds[0]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    *ret_status = killed ? -1 : WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return rc;
}

/* Run `pvsentry probe url --json`; output (stdout and stderr) into out. */
static enum pvs_err run_probe(const char *url, struct pvs_buf *out,
                              int *ret_status) {
    char a0[] = "pvsentry", a1[] = "probe", a3[] = "--json", a2[300];
    char *argv[] = {a0, a1, a2, a3, NULL};

    if (!pvs_strlcpy(a2, url, sizeof(a2)))
        return PVS_ERR_IO;
    return run_child(argv, PROBE_TIMEOUT_MS, true, out, ret_status);
}

/*
 * POST /sites/{id}/mqtt-learn?seconds=N: listen to the daemon's broker
 * for N seconds (10 by default, 60 at most) and answer the [device] and
 * [mqtt_map] sections that would read what publishes there, for the site.
 * A child process does it, as for the probe: the daemon's own MQTT
 * session is not touched.
 */
void pvs_tools_mqtt_learn(struct web_req *r, const char *site) {
    const char *arg = pvs_web_arg(r, "seconds");
    int64_t secs = 10;
    char a0[] = "pvsentry", a1[] = "mqtt-learn", a2[] = "-c",
         a4[] = "--seconds";
    char a5[24], a6[] = "--site", a7[80], a3[1024];
    char *argv[] = {a0, a1, a2, a3, a4, a5, a6, a7, NULL};
    struct pvs_buf out;
    struct pvs_scope scope;
    struct pvs_store *st;
    int status = -1;

    if (r->who.role != ROLE_ADMIN && r->who.role != ROLE_INSTALLER) {
        pvs_web_error(r, r->who.role ? 403 : 401, NULL,
                      "installers look for gateways");
        return;
    }
    pvs_auth_scope(r, &scope);
    st = pvs_web_store(r);
    if (!st) {
        pvs_web_error(r, 503, NULL, "the database cannot be read");
        return;
    }
    if (pvs_store_web_site_visible(st, &scope, site)) {
        pvs_web_error(r, 404, NULL, "no such site");
        return;
    }
    if (!r->w->cfg->mqtt) {
        pvs_web_error(r, 409, NULL, "pvsentry reads no MQTT broker");
        return;
    }
    if (arg && (pvs_parse_i64(arg, &secs) || secs < 1 || secs > 60)) {
        pvs_web_error(r, 400, "seconds", "seconds: expected 1 to 60");
        return;
    }
    if (!pvs_strlcpy(a3, r->w->cfg->path, sizeof(a3)) ||
        !pvs_strlcpy(a7, site, sizeof(a7))) {
        pvs_web_error(r, 400, NULL, "site id too long");
        return;
    }
    pvs_snprintf(a5, sizeof(a5), "%lld", (long long)secs);
    pvs_buf_init(&out, PROBE_OUT_MAX + 1);
    if (run_child(argv, secs * 1000 + 20000, false, &out, &status) ==
        PVS_ERR_IO) {
        pvs_web_error(r, 503, NULL, "cannot run mqtt-learn");
        pvs_buf_release(&out);
        return;
    }
    if (status) {
        pvs_web_error(r, 502, NULL,
                      status < 0 ? "mqtt-learn took too long"
                                 : "mqtt-learn could not read the broker");
        pvs_buf_release(&out);
        return;
    }
    pvs_buf_puts(&r->out, "{\"site\": ");
    pvs_buf_json_str(&r->out, site);
    pvs_buf_printf(&r->out,
                   ", \"seconds\": %lld, \"config\": ", (long long)secs);
    pvs_buf_json_str(&r->out, out.data ? out.data : "");
    pvs_buf_puts(&r->out, "}\n");
    pvs_web_json(r, 200);
    pvs_buf_release(&out);
}

/*
 * The Modbus url and unit of device id: from its row j (borrowed), else
 * from the running config. NULL if neither names one.
 */
static const char *device_url(struct web_req *r, const char *id, const cJSON *j,
                              int64_t *ret_unit) {
    const char *url, *ep;

    url = cJSON_GetStringValue(cJSON_GetObjectItem(j, "endpoint_url"));
    ep = cJSON_GetStringValue(cJSON_GetObjectItem(j, "endpoint"));
    if (cJSON_IsNumber(cJSON_GetObjectItem(j, "unit_id")))
        *ret_unit = (int64_t)cJSON_GetObjectItem(j, "unit_id")->valuedouble;
    if (!url) {
        const struct pvs_device *d = pvs_config_device(r->w->cfg, id);
        if (d && d->endpoint) {
            url = d->endpoint->url;
            *ret_unit = d->unit_id;
        } else if (ep) {
            for (size_t i = 0; i < r->w->cfg->nendpoints; i++)
                if (!strcmp(r->w->cfg->endpoints[i]->obj.id, ep))
                    url = r->w->cfg->endpoints[i]->url;
        }
    }
    return url;
}

/* The probe's outcome (exit status, output out) as the API's answer. */
static void answer_probe(struct web_req *r, const char *full,
                         const struct pvs_buf *out, int status) {
    cJSON *res = NULL;

    /* stdout is one JSON line; stderr's warnings come around it. */
    if (out->data) {
        const char *js =
            out->data[0] == '{' ? out->data : strstr(out->data, "\n{");
        res =
            js ? cJSON_ParseWithOpts(js + (js[0] == '\n'), NULL, false) : NULL;
    }
    pvs_buf_printf(&r->out,
                   "{\"ok\": %s, \"url\": ", status == 0 ? "true" : "false");
    pvs_buf_json_str(&r->out, full);
    pvs_buf_puts(&r->out, ", \"result\": ");
    if (res && status == 0) {
        char *s = cJSON_PrintUnformatted(res);
        pvs_buf_puts(&r->out, s ? s : "null");
        cJSON_free(s);
    } else {
        pvs_buf_puts(&r->out, "null");
    }
    pvs_buf_puts(&r->out, ", \"message\": ");
    pvs_buf_json_str(&r->out, status == -1 ? "the device did not answer in "
                                             "time"
                              : status     ? (out->data ? out->data : "")
                                           : "the device answered");
    pvs_buf_puts(&r->out, "}\n");
    pvs_web_json(r, 200);
    cJSON_Delete(res);
}

void pvs_tools_device_test(struct web_req *r, const char *id) {
    struct pvs_scope scope;
    struct pvs_store *st;
    struct pvs_buf dev, out;
    const char *url;
    char full[300];
    cJSON *j = NULL;
    int64_t unit = 1;
    int status = -1;

    if (r->who.role != ROLE_ADMIN && r->who.role != ROLE_INSTALLER &&
        r->who.role != ROLE_TECHNICIAN) {
        pvs_web_error(r, r->who.role ? 403 : 401, NULL,
                      "installers and technicians test devices");
        return;
    }
    st = pvs_web_store(r);
    if (!st) {
        pvs_web_error(r, 503, NULL, "the database cannot be read");
        return;
    }
    pvs_auth_scope(r, &scope);
    pvs_buf_init(&dev, 1 << 20);
    pvs_buf_init(&out, PROBE_OUT_MAX + 1);
    if (pvs_view_device_json(st, &scope, id, &dev)) {
        pvs_web_error(r, 404, NULL, "no such device");
        goto out;
    }
    j = cJSON_Parse(dev.data);
    url = device_url(r, id, j, &unit);
    if (!url || strncmp(url, "tcp://", 6) || strchr(url, '?')) {
        pvs_web_error(r, 409, NULL,
                      "device '%s' has no Modbus TCP address to test (serial "
                      "buses are tested with pvsentry probe on the site)",
                      id);
        goto out;
    }
    pvs_snprintf(full, sizeof(full), "%s?unit=%lld&timeout=2000", url,
                 (long long)unit);
    if (run_probe(full, &out, &status) == PVS_ERR_IO) {
        pvs_web_error(r, 503, NULL, "cannot run the probe");
        goto out;
    }
    answer_probe(r, full, &out, status);
out:
    cJSON_Delete(j);
    pvs_buf_release(&dev);
    pvs_buf_release(&out);
}

/* ---- CSV import ---- */

/*
 * Split one CSV record starting at *p (RFC 4180 quoting) into cols, in
 * place. Returns the number of columns, -1 on a broken quote; *p moves to
 * the next record.
 */
static int csv_record(char **p, char **cols, int max) {
    char *s = *p, *w;
    int n = 0;

    for (;;) {
        if (n == max)
            goto broken;
        if (*s == '"') {
            cols[n++] = w = ++s;
            for (;;) {
                if (!*s)
                    goto broken;
                if (*s == '"' && s[1] == '"') {
                    *w++ = '"';
                    s += 2;
                } else if (*s == '"') {
                    s++;
                    break;
                } else {
                    *w++ = *s++;
                }
            }
            *w = '\0';
            if (*s && *s != ',' && *s != '\n' && *s != '\r')
                goto broken;
        } else {
            cols[n++] = s;
            while (*s && *s != ',' && *s != '\n' && *s != '\r')
                s++;
        }
        if (*s == ',') {
            *s++ = '\0';
            continue;
        }
        if (*s == '\r')
            *s++ = '\0';
        if (*s == '\n')
            *s++ = '\0';
        *p = s;
        return n;
    }
broken:
    /* Past a broken quote nothing can be trusted: stop reading. */
    *p = s + strlen(s);
    return -1;
}

/* The CSV column of e called name, or NULL. */
static const struct pvs_field *csv_field(const struct pvs_entity *e,
                                         const char *name) {
    for (size_t i = 0; i < e->nfields; i++)
        if (e->fields[i].csv && !strcmp(e->fields[i].csv, name))
            return &e->fields[i];
    return NULL;
}

/* A list column: items separated by ';'. */
static cJSON *csv_list(const char *v) {
    cJSON *a = cJSON_CreateArray();

    while (*v) {
        size_t n = strcspn(v, ";");
        char item[256];
        pvs_snprintf(item, sizeof(item), "%.*s", (int)n, v);
        if (*item)
            cJSON_AddItemToArray(a, cJSON_CreateString(item));
        v += n;
        if (*v == ';')
            v++;
    }
    return a;
}

/* The line's object for its entity, or NULL with field and msg set. */
static cJSON *csv_object(const struct pvs_entity *e, char **head, char **cols,
                         int n, char *field, size_t fsize, char *msg,
                         size_t msize) {
    cJSON *o = cJSON_CreateObject();

    for (int i = 0; i < n; i++) {
        const struct pvs_field *f;
        double d;
        bool b;

        if (!cols[i][0] || !strcmp(head[i], "type") || !strcmp(head[i], "id"))
            continue;
        f = csv_field(e, head[i]);
        pvs_strlcpy(field, head[i], fsize);
        if (!f) {
            pvs_snprintf(msg, msize, "column %s does not apply to a %s",
                         head[i], e->name);
            cJSON_Delete(o);
            return NULL;
        }
        switch (f->type) {
        case PVS_FT_INT:
        case PVS_FT_DOUBLE:
        case PVS_FT_DURATION:
        case PVS_FT_TIME:
            if (pvs_parse_double(cols[i], &d)) {
                pvs_snprintf(msg, msize, "%s must be a number, not '%.40s'",
                             head[i], cols[i]);
                cJSON_Delete(o);
                return NULL;
            }
            cJSON_AddNumberToObject(o, f->json, d);
            break;
        case PVS_FT_BOOL:
            if (pvs_cfg_parse_bool(cols[i], &b, msg, msize)) {
                cJSON_Delete(o);
                return NULL;
            }
            cJSON_AddBoolToObject(o, f->json, b);
            break;
        case PVS_FT_LIST:
            cJSON_AddItemToObject(o, f->json, csv_list(cols[i]));
            break;
        default:
            cJSON_AddStringToObject(o, f->json, cols[i]);
            break;
        }
    }
    return o;
}

/* Whether entity name with id is among the first n lines kept so far. */
static int in_file(const struct pvs_entity *const *ents,
                   char (*ids)[PVS_WEB_NAME_MAX], int n, const char *name,
                   const char *id) {
    for (int i = 0; i < n; i++)
        if (!strcmp(ents[i]->name, name) && !strcmp(ids[i], id))
            return i + 1;
    return 0;
}

/*
 * What only the database knows, checked for a dry run exactly as for an
 * import: the id must be new (in the store and in the file), references
 * must name something stored or an earlier line, a time zone must exist.
 * Returns o, or NULL (o freed) with field and msg set.
 */
static cJSON *import_check(struct web_req *r, const struct pvs_entity *e,
                           const char *id, cJSON *o,
                           const struct pvs_entity *const *ents,
                           char (*ids)[PVS_WEB_NAME_MAX], int nobj, char *field,
                           size_t fsize, char *msg, size_t msize) {
    struct pvs_store *st = pvs_web_store(r);
    const char *tz;
    struct pvs_tz *z = NULL;
    int dup;

    if (!st) {
        pvs_snprintf(msg, msize, "the database cannot be read");
        goto bad;
    }
    pvs_strlcpy(field, "id", fsize);
    dup = in_file(ents, ids, nobj, e->name, id);
    if (dup) {
        pvs_snprintf(msg, msize, "%s '%s' is already on an earlier line",
                     e->name, id);
        goto bad;
    }
    if (!pvs_store_web_exists(st, e, id)) {
        pvs_snprintf(msg, msize, "a %s with id '%s' exists already", e->name,
                     id);
        goto bad;
    }
    for (size_t i = 0; i < e->nfields; i++) {
        const struct pvs_field *f = &e->fields[i];
        const struct pvs_entity *re;
        const char *v;
        if (!f->ref || !f->json || !(re = pvs_store_web_entity(f->ref)))
            continue;
        v = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, f->json));
        if (!v || in_file(ents, ids, nobj, f->ref, v) ||
            !pvs_store_web_exists(st, re, v))
            continue;
        pvs_strlcpy(field, f->json, fsize);
        pvs_snprintf(msg, msize,
                     "no %s '%.64s', neither stored nor on an earlier line",
                     f->ref, v);
        goto bad;
    }
    tz = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "timezone"));
    if (tz && pvs_tz_load(tz, &z)) {
        pvs_strlcpy(field, "timezone", fsize);
        pvs_snprintf(msg, msize, "unknown timezone '%.64s'", tz);
        goto bad;
    }
    pvs_tz_free(z);
    field[0] = '\0';
    return o;
bad:
    cJSON_Delete(o);
    return NULL;
}

/* Undo the first n lines of a failed import (newest first). */
static void import_undo(struct web_req *r, const struct pvs_entity *const *ents,
                        char (*ids)[PVS_WEB_NAME_MAX], int n) {
    for (int i = n - 1; i >= 0; i--) {
        struct pvs_command *c =
            pvs_command_new((enum pvs_command_kind)PVS_CMD_API_DELETE);
        pvs_snprintf(c->text, sizeof(c->text),
                     "{\"entity\": \"%s\", \"id\": \"%s\"}", ents[i]->name,
                     ids[i]);
        pvs_strlcpy(c->actor, r->who.actor, sizeof(c->actor));
        if (pvs_command_call(r->w->inbox, c, WEB_CMD_TIMEOUT_MS) || c->result)
            pvs_warn("import: cannot undo %s '%s': %s", ents[i]->name, ids[i],
                     c->message);
        pvs_command_put(c);
    }
}

/* An import in progress: the valid objects, and one JSON entry per line
 * that failed (then per line written). */
struct import {
    char *head[CSV_MAX_COLS];
    int nhead;
    cJSON *objs[CSV_MAX_LINES];
    const struct pvs_entity *ents[CSV_MAX_LINES];
    char ids[CSV_MAX_LINES][PVS_WEB_NAME_MAX];
    int linenos[CSV_MAX_LINES];
    int nobj, bad, done, failed;
    struct pvs_buf lines;
};

/* Check one record (n columns) of line `line`; keep it or report it. */
static void import_record(struct web_req *r, struct import *im, char **cols,
                          int n, int line) {
    char field[64] = "", msg[200] = "";
    const struct pvs_entity *e = NULL;
    const char *id = NULL;
    cJSON *o = NULL;

    if (n < 0)
        pvs_snprintf(msg, sizeof(msg),
                     "broken quotes: the rest of the "
                     "file is not read");
    else if (n != im->nhead)
        pvs_snprintf(msg, sizeof(msg), "%d columns, the header has %d", n,
                     im->nhead);
    else if (!(e = pvs_store_web_entity(cols[0])) || !e->csv)
        pvs_snprintf(msg, sizeof(msg),
                     "type must be site, device, "
                     "customer or technician");
    else if (r->who.role == ROLE_INSTALLER && !strcmp(e->name, "technician"))
        pvs_snprintf(msg, sizeof(msg), "only an admin adds technicians");
    if (!msg[0]) {
        for (int i = 0; i < n; i++)
            if (!strcmp(im->head[i], "id"))
                id = cols[i];
        if (!pvs_store_web_id_valid(id)) {
            pvs_strlcpy(field, "id", sizeof(field));
            pvs_snprintf(msg, sizeof(msg), "id is missing or not valid");
        }
    }
    if (!msg[0])
        o = csv_object(e, im->head, cols, n, field, sizeof(field), msg,
                       sizeof(msg));
    if (o && pvs_entity_validate_json(e, o, true, field, sizeof(field), msg,
                                      sizeof(msg))) {
        cJSON_Delete(o);
        o = NULL;
    }
    if (o)
        o = import_check(r, e, id, o, im->ents, im->ids, im->nobj, field,
                         sizeof(field), msg, sizeof(msg));
    if (!o && !msg[0])
        pvs_snprintf(msg, sizeof(msg), "not valid");
    if (!o || im->nobj == CSV_MAX_LINES) {
        if (o) {
            cJSON_Delete(o);
            pvs_snprintf(msg, sizeof(msg), "more than %d lines", CSV_MAX_LINES);
        }
        pvs_buf_printf(&im->lines, "%s{\"line\": %d, \"ok\": false",
                       im->lines.len ? ", " : "", line);
        if (field[0]) {
            pvs_buf_puts(&im->lines, ", \"field\": ");
            pvs_buf_json_str(&im->lines, field);
        }
        pvs_buf_puts(&im->lines, ", \"error\": ");
        pvs_buf_json_str(&im->lines, msg);
        pvs_buf_puts(&im->lines, "}");
        im->bad++;
        return;
    }
    im->ents[im->nobj] = e;
    pvs_strlcpy(im->ids[im->nobj], id, sizeof(im->ids[im->nobj]));
    im->linenos[im->nobj] = line;
    im->objs[im->nobj++] = o;
}

/* Create valid object i through the engine; false when it failed. */
static bool import_create(struct web_req *r, struct import *im, int i) {
    struct pvs_command *c =
        pvs_command_new((enum pvs_command_kind)PVS_CMD_API_CREATE);
    cJSON *cmd = cJSON_CreateObject();
    char *s;
    bool ok, answered;

    cJSON_AddStringToObject(cmd, "entity", im->ents[i]->name);
    cJSON_AddStringToObject(cmd, "id", im->ids[i]);
    /* Ownership as for single writes (entity_write). */
    if (r->who.role == ROLE_INSTALLER)
        cJSON_AddStringToObject(cmd, "owner", r->who.actor);
    c->vals = pvs_view_obj_vals(im->ents[i], im->objs[i]);
    cJSON_Delete(im->objs[i]);
    im->objs[i] = NULL;
    s = cJSON_PrintUnformatted(cmd);
    ok = s && pvs_strlcpy(c->text, s, sizeof(c->text));
    cJSON_free(s);
    cJSON_Delete(cmd);
    pvs_strlcpy(c->actor, r->who.actor, sizeof(c->actor));
    answered = ok && !pvs_command_call(r->w->inbox, c, WEB_CMD_TIMEOUT_MS);
    ok = answered && !c->result;
    pvs_buf_printf(&im->lines, "%s{\"line\": %d, \"ok\": %s",
                   im->lines.len ? ", " : "", im->linenos[i],
                   ok ? "true" : "false");
    if (!ok) {
        pvs_buf_puts(&im->lines, ", \"error\": ");
        /* After a timeout the engine may still write c. */
        pvs_buf_json_str(&im->lines, !answered       ? "the engine is busy"
                                     : c->message[0] ? c->message
                                                     : c->text);
    }
    pvs_buf_puts(&im->lines, "}");
    pvs_command_put(c);
    return ok;
}

/* Whether r may import a CSV file; answers it when not. */
static bool import_allowed(struct web_req *r) {
    if (r->who.role != ROLE_ADMIN && r->who.role != ROLE_INSTALLER) {
        pvs_web_error(r, r->who.role ? 403 : 401, NULL,
                      "installers and admins import");
        return false;
    }
    if (!pvs_web_ctype_is(r, "text/csv")) {
        pvs_web_error(r, 415, NULL,
                      "send the file as Content-Type: "
                      "text/csv");
        return false;
    }
    if (!r->body.len) {
        pvs_web_error(r, 400, NULL, "the CSV file is empty");
        return false;
    }
    return true;
}

void pvs_tools_import(struct web_req *r) {
    const char *dry = pvs_web_arg(r, "dry_run");
    bool dry_run = dry && strcmp(dry, "0") && strcmp(dry, "false");
    char *cols[CSV_MAX_COLS], *p;
    int line = 1;
    struct import *im;

    if (!import_allowed(r))
        return;
    im = pvs_calloc(1, sizeof(*im));
    p = r->body.data;
    im->nhead = csv_record(&p, im->head, CSV_MAX_COLS);
    if (im->nhead < 2 || strcmp(im->head[0], "type")) {
        pvs_web_error(r, 400, NULL,
                      "the first line must be the header, "
                      "starting with the column type");
        pvs_free(im);
        return;
    }
    pvs_buf_init(&im->lines, WEB_OUT_MAX);
    while (*p) {
        int n;

        line++;
        n = csv_record(&p, cols, CSV_MAX_COLS);
        if (n == 1 && !cols[0][0])
            continue; /* an empty line */
        import_record(r, im, cols, n, line);
    }
    for (int i = 0; !dry_run && !im->bad && i < im->nobj && !im->failed; i++) {
        if (import_create(r, im, i))
            im->done++;
        else
            im->failed++;
    }
    /* All or nothing: what went in before the failure comes out. */
    if (im->failed && im->done) {
        import_undo(r, im->ents, im->ids, im->done);
        im->done = 0;
    }
    for (int i = 0; i < im->nobj; i++)
        cJSON_Delete(im->objs[i]);
    pvs_buf_printf(&r->out,
                   "{\"dry_run\": %s, \"all_or_nothing\": true, "
                   "\"imported\": %s, \"valid\": %d, \"bad\": %d, "
                   "\"created\": %d, \"failed\": %d, \"lines\": [%s]}\n",
                   dry_run ? "true" : "false",
                   !dry_run && !im->bad && !im->failed ? "true" : "false",
                   im->nobj, im->bad, im->done, im->failed,
                   im->lines.data ? im->lines.data : "");
    pvs_web_json(r, im->bad ? 400 : im->failed ? 409 : dry_run ? 200 : 201);
    pvs_buf_release(&im->lines);
    pvs_free(im);
}
