/* SPDX-License-Identifier: MIT */
/*
 * probe.c - `pvsentry probe URL [--json]`: what an installer runs on the
 * roof to see whether a device answers and what pvsentry would record.
 *
 * Finds the SunSpec base, walks the model chain, prints every model with
 * its decoded points, then the canonical metrics. Read-only and polite:
 * one request at a time, the URL's timeout per request, and at most three
 * base addresses tried (the first timeout stops the search). Works without
 * a config file.
 */
#define PVS_LOG_MODULE "probe"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <modbus.h>

#include "pvs/cli.h"
#include "pvs/modbus_conn.h"
#include "pvs/sunspec.h"

struct probe {
    struct pvs_modbus_conn *conn;
    int unit;
};

static enum pvs_err probe_read(void *ctx, uint32_t addr, uint16_t n,
                               uint16_t *out) {
    struct probe *p = ctx;

    return pvs_modbus_conn_read(p->conn, p->unit, false, addr, n, out);
}

static bool skip_point(const struct pvs_ss_point_ref *ref) {
    const struct pvs_ss_point *pt = ref->pt;

    if (pt->type == PVS_SS_SUNSSF || pt->type == PVS_SS_PAD)
        return true;
    return ref->depth == 0 &&
           (!strcmp(pt->name, "ID") || !strcmp(pt->name, "L"));
}

/* ---- text output ---- */

struct text_ctx {
    FILE *out;
    unsigned indent;
};

static void text_group_begin(void *ctx, const struct pvs_ss_group *g,
                             unsigned index, unsigned count) {
    struct text_ctx *t = ctx;

    if (g->count == PVS_SS_COUNT_ONE)
        fprintf(t->out, "%*s%s:\n", (int)t->indent, "", g->name);
    else
        fprintf(t->out, "%*s%s[%u/%u]:\n", (int)t->indent, "", g->name,
                index + 1, count);
    t->indent += 2;
}

static void text_group_end(void *ctx, const struct pvs_ss_group *g,
                           unsigned index, unsigned count) {
    struct text_ctx *t = ctx;

    (void)g;
    (void)index;
    (void)count;
    t->indent -= 2;
}

static void text_point(void *ctx, const struct pvs_ss_point_ref *ref,
                       const struct pvs_ss_value *v) {
    struct text_ctx *t = ctx;
    const struct pvs_ss_point *pt = ref->pt;
    char names[512], esc[PVS_ESC_SIZE];

    if (skip_point(ref))
        return;
    fprintf(t->out, "%*s%s = ", (int)t->indent, "", pt->name);
    switch (v->kind) {
    case PVS_SS_V_NI:
        fprintf(t->out, "not implemented\n");
        break;
    case PVS_SS_V_NUMBER:
    case PVS_SS_V_SF:
        fprintf(t->out, "%.10g%s%s\n", v->num, pt->units ? " " : "",
                pt->units ? pt->units : "");
        break;
    case PVS_SS_V_ENUM:
        if (v->symbol)
            fprintf(t->out, "%s (%llu)\n", v->symbol,
                    (unsigned long long)v->bits);
        else
            fprintf(t->out, "%llu\n", (unsigned long long)v->bits);
        break;
    case PVS_SS_V_BITS:
        pvs_sunspec_bit_names(pt, v->bits, names, sizeof(names));
        fprintf(t->out, "0x%llx%s%s%s\n", (unsigned long long)v->bits,
                names[0] ? " (" : "", names, names[0] ? ")" : "");
        break;
    case PVS_SS_V_STRING:
        fprintf(t->out, "'%s'\n", pvs_esc(v->str, esc, sizeof(esc)));
        break;
    }
}

static void print_text(FILE *out, const char *name, int unit,
                       struct pvs_ss_device *d, const struct pvs_ss_metric *m,
                       size_t nm) {
    static const struct pvs_ss_visitor vis = {.group_begin = text_group_begin,
                                              .group_end = text_group_end,
                                              .point = text_point};
    struct text_ctx t = {.out = out, .indent = 4};
    char mn[PVS_ESC_SIZE], mdl[PVS_ESC_SIZE], vr[PVS_ESC_SIZE],
        sn[PVS_ESC_SIZE];

    fprintf(out, "device %s unit %d: SunSpec base %u, %zu model%s\n", name,
            unit, (unsigned)d->base, d->nmodels, d->nmodels == 1 ? "" : "s");
    fprintf(out,
            "  manufacturer '%s', model '%s', version '%s', serial "
            "'%s'\n",
            pvs_esc(d->manufacturer, mn, sizeof(mn)),
            pvs_esc(d->model, mdl, sizeof(mdl)),
            pvs_esc(d->version, vr, sizeof(vr)),
            pvs_esc(d->serial, sn, sizeof(sn)));
    for (size_t i = 0; i < d->nmodels; i++) {
        const struct pvs_ss_model_data *md = &d->models[i];
        fprintf(out, "  model %u %s (length %u, address %u)%s\n",
                (unsigned)md->id, md->def ? md->def->name : "unknown",
                (unsigned)md->len, (unsigned)md->addr,
                md->avail < md->len + 2u ? " truncated" : "");
        pvs_sunspec_walk(md, &vis, &t, NULL);
    }
    fprintf(out, "  metrics:\n");
    for (size_t i = 0; i < nm; i++) {
        char mname[64], names[512];
        pvs_metric_name((enum pvs_metric)m[i].metric, m[i].idx, mname,
                        sizeof(mname));
        fprintf(out, "    %s = ", mname);
        if (m[i].quality == PVS_Q_NOT_IMPLEMENTED) {
            fprintf(out, "not implemented\n");
        } else if (m[i].metric == PVS_M_STATE) {
            const char *s = pvs_state_name((int)m[i].value);
            fprintf(out, "%s\n", s ? s : "unknown");
        } else if (m[i].metric == PVS_M_EVENT_BITS ||
                   m[i].metric == PVS_M_VENDOR_EVENT) {
            pvs_sunspec_bit_names(m[i].pt, (uint64_t)m[i].value, names,
                                  sizeof(names));
            fprintf(out, "%.0f%s%s%s\n", m[i].value, names[0] ? " (" : "",
                    names, names[0] ? ")" : "");
        } else {
            fprintf(out, "%.10g%s\n", m[i].value,
                    m[i].quality == PVS_Q_OUT_OF_RANGE ? " (out of range)"
                                                       : "");
        }
    }
}

/* ---- JSON output ---- */

#define JSON_DEPTH 10

struct json_ctx {
    cJSON *stack[JSON_DEPTH];
    unsigned depth;
};

static void json_group_begin(void *ctx, const struct pvs_ss_group *g,
                             unsigned index, unsigned count) {
    struct json_ctx *j = ctx;
    cJSON *parent = j->stack[j->depth];
    cJSON *obj = cJSON_CreateObject();

    (void)count;
    if (g->count == PVS_SS_COUNT_ONE) {
        cJSON_AddItemToObject(parent, g->name, obj);
    } else {
        cJSON *arr = cJSON_GetObjectItemCaseSensitive(parent, g->name);
        if (index == 0 || !arr) {
            arr = cJSON_CreateArray();
            cJSON_AddItemToObject(parent, g->name, arr);
        }
        cJSON_AddItemToArray(arr, obj);
    }
    PVS_ASSERT(j->depth + 1 < JSON_DEPTH);
    j->stack[++j->depth] = obj;
}

static void json_group_end(void *ctx, const struct pvs_ss_group *g,
                           unsigned index, unsigned count) {
    struct json_ctx *j = ctx;

    (void)g;
    (void)index;
    (void)count;
    j->depth--;
}

static void json_point(void *ctx, const struct pvs_ss_point_ref *ref,
                       const struct pvs_ss_value *v) {
    struct json_ctx *j = ctx;
    cJSON *obj = j->stack[j->depth];
    const char *name = ref->pt->name;

    if (skip_point(ref))
        return;
    switch (v->kind) {
    case PVS_SS_V_NI:
        cJSON_AddNullToObject(obj, name);
        break;
    case PVS_SS_V_NUMBER:
    case PVS_SS_V_SF:
        cJSON_AddNumberToObject(obj, name, v->num);
        break;
    case PVS_SS_V_ENUM:
        if (v->symbol)
            cJSON_AddStringToObject(obj, name, v->symbol);
        else
            cJSON_AddNumberToObject(obj, name, (double)v->bits);
        break;
    case PVS_SS_V_BITS:
        cJSON_AddNumberToObject(obj, name, (double)v->bits);
        break;
    case PVS_SS_V_STRING:
        cJSON_AddStringToObject(obj, name, v->str);
        break;
    }
}

static char *render_json(const char *name, int unit, struct pvs_ss_device *d,
                         const struct pvs_ss_metric *m, size_t nm) {
    static const struct pvs_ss_visitor vis = {.group_begin = json_group_begin,
                                              .group_end = json_group_end,
                                              .point = json_point};
    cJSON *root = cJSON_CreateObject();
    cJSON *models = cJSON_CreateArray();
    cJSON *metrics = cJSON_CreateObject();
    cJSON *quirks = cJSON_CreateArray();
    char *text;

    cJSON_AddStringToObject(root, "device", name);
    cJSON_AddNumberToObject(root, "unit", unit);
    cJSON_AddNumberToObject(root, "base", d->base);
    cJSON_AddStringToObject(root, "manufacturer", d->manufacturer);
    cJSON_AddStringToObject(root, "model", d->model);
    cJSON_AddStringToObject(root, "version", d->version);
    cJSON_AddStringToObject(root, "serial", d->serial);
    cJSON_AddItemToObject(root, "models", models);
    for (size_t i = 0; i < d->nmodels; i++) {
        const struct pvs_ss_model_data *md = &d->models[i];
        cJSON *mo = cJSON_CreateObject();
        struct json_ctx j = {.depth = 0};
        cJSON_AddNumberToObject(mo, "id", md->id);
        cJSON_AddNumberToObject(mo, "length", md->len);
        if (md->def)
            cJSON_AddStringToObject(mo, "name", md->def->name);
        else
            cJSON_AddNullToObject(mo, "name");
        cJSON_AddNumberToObject(mo, "address", md->addr);
        j.stack[0] = cJSON_CreateObject();
        cJSON_AddItemToObject(mo, "points", j.stack[0]);
        pvs_sunspec_walk(md, &vis, &j, NULL);
        cJSON_AddItemToArray(models, mo);
    }
    cJSON_AddItemToObject(root, "metrics", metrics);
    for (size_t i = 0; i < nm; i++) {
        char mname[64];
        pvs_metric_name((enum pvs_metric)m[i].metric, m[i].idx, mname,
                        sizeof(mname));
        if (m[i].quality == PVS_Q_NOT_IMPLEMENTED) {
            cJSON_AddNullToObject(metrics, mname);
        } else if (m[i].metric == PVS_M_STATE) {
            const char *s = pvs_state_name((int)m[i].value);
            if (s)
                cJSON_AddStringToObject(metrics, mname, s);
            else
                cJSON_AddNullToObject(metrics, mname);
        } else {
            cJSON_AddNumberToObject(metrics, mname, m[i].value);
        }
    }
    cJSON_AddItemToObject(root, "quirks", quirks);
    for (unsigned b = 0; b < PVS_SSQ__COUNT; b++)
        if (d->quirks & (1u << b))
            cJSON_AddItemToArray(quirks,
                                 cJSON_CreateString(pvs_sunspec_quirk_name(b)));
    text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return text;
}

/* ---- command ---- */

static void usage(FILE *out) {
    fprintf(out, "usage: pvsentry probe tcp://HOST[:PORT][?unit=N&timeout=MS] "
                 "[--json]\n"
                 "       pvsentry probe "
                 "'rtu:///dev/TTY?baud=9600&parity=N&unit=N' [--json]\n");
}

/*
 * The command line into *ret_target and *ret_json. Returns -1 to go on, or
 * the exit status (0 after --help, 2 on a usage error).
 */
static int parse_args(int argc, char **argv, const char **ret_target,
                      bool *ret_json) {
    const char *target = NULL;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json")) {
            *ret_json = true;
        } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            usage(stdout);
            return 0;
        } else if (argv[i][0] == '-' || target) {
            fprintf(stderr, "pvsentry probe: unexpected argument '%s'\n",
                    argv[i]);
            usage(stderr);
            return 2;
        } else {
            target = argv[i];
        }
    }
    if (!target) {
        usage(stderr);
        return 2;
    }
    *ret_target = target;
    return -1;
}

/* Why discovery on p failed with rc, in the words a technician acts on. */
static void explain_discover(const struct probe *p, enum pvs_err rc) {
    char err[128];

    switch (rc) {
    case PVS_ERR_NOTFOUND:
        fprintf(stderr,
                "pvsentry probe: no SunSpec marker at 40000, 0 or 50000 on "
                "'%s' unit %d: not a SunSpec device; describe its registers "
                "with a [map] and [register] entries in the config\n",
                pvs_modbus_conn_name(p->conn), p->unit);
        break;
    case PVS_ERR_PROTO: {
        int e = pvs_modbus_conn_errno(p->conn);
        /* Gateways say "target failed" for a unit id nobody answers. */
        bool gw = e == EMBXGPATH || e == EMBXGTAR;
        fprintf(stderr,
                "pvsentry probe: '%s' unit %d answered with %s at every "
                "SunSpec base address%s\n",
                pvs_modbus_conn_name(p->conn), p->unit,
                pvs_modbus_conn_error(p->conn, err, sizeof(err)),
                gw ? ": wrong unit id?" : "");
        break;
    }
    default:
        fprintf(stderr, "pvsentry probe: no answer from '%s' unit %d: %s%s\n",
                pvs_modbus_conn_name(p->conn), p->unit,
                pvs_modbus_conn_error(p->conn, err, sizeof(err)),
                rc == PVS_ERR_TIMEOUT && pvs_modbus_conn_requests(p->conn)
                    ? " (the link works: wrong unit id, or the device is "
                      "off?)"
                    : "");
        break;
    }
}

/* The quirk warnings on stderr, then the device as text or JSON. */
static void print_device(const struct probe *p, struct pvs_ss_device *d,
                         bool json) {
    struct pvs_ss_metric m[PVS_SS_MAX_BINDINGS];
    size_t nm;

    nm = pvs_sunspec_metrics(d, m, PVS_ARRAY_LEN(m));
    for (unsigned b = 0; b < PVS_SSQ__COUNT; b++)
        if (d->quirks & (1u << b))
            fprintf(stderr, "pvsentry probe: warning: %s: %s\n",
                    pvs_sunspec_quirk_name(b), pvs_sunspec_quirk_text(b));
    if (json) {
        char *text =
            render_json(pvs_modbus_conn_name(p->conn), p->unit, d, m, nm);
        fputs(text, stdout);
        fputc('\n', stdout);
        cJSON_free(text);
    } else {
        print_text(stdout, pvs_modbus_conn_name(p->conn), p->unit, d, m, nm);
    }
}

int pvs_probe_main(int argc, char **argv) {
    struct pvs_modbus_url url;
    struct probe p = {0};
    struct pvs_ss_device *d = NULL;
    const char *target = NULL;
    bool json = false;
    char msg[256];
    enum pvs_err rc;
    int status;

    status = parse_args(argc, argv, &target, &json);
    if (status >= 0)
        return status;
    status = 1;
    if (pvs_modbus_url_parse(target, &url, msg, sizeof(msg))) {
        fprintf(stderr, "pvsentry probe: %s\n", msg);
        return 2;
    }
    rc = pvs_modbus_conn_new(&url, &p.conn);
    if (rc) {
        fprintf(stderr,
                "pvsentry probe: cannot use '%s': invalid "
                "connection parameters\n",
                target);
        return 1;
    }
    p.unit = url.unit;
    rc = pvs_sunspec_discover(probe_read, &p, &d);
    if (rc) {
        explain_discover(&p, rc);
        goto out;
    }
    print_device(&p, d, json);
    status = 0;
out:
    pvs_sunspec_device_free(d);
    pvs_modbus_conn_free(p.conn);
    return status;
}
