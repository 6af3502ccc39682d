/* SPDX-License-Identifier: MIT */
/*
 * modbus_map.c - register-map devices: whole-map checks, read plans and
 * decoding.
 *
 * DESIGN
 * The plan sorts a map's registers by (function, address) and merges
 * neighbours into one request while the span stays within 125 registers
 * and the gap between them is small (reading a few unused registers is
 * cheaper than a round trip, but some devices refuse reads that touch
 * unmapped addresses, so the gap is kept short).
 */
#define PVS_LOG_MODULE "modbus_map"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pvs/modbus_map.h"

/* Largest hole bridged inside one request. */
#define MAX_GAP 8
#define MAX_READ 125

struct entry {
    const struct pvs_register *reg;
    enum pvs_metric metric;
    unsigned idx;
    bool input;
    uint16_t addr;
    uint16_t nregs;
    bool little;
    unsigned req;    /* index of the request that covers it */
    uint16_t offset; /* in that request's buffer */
};

struct request {
    bool input;
    uint16_t addr;
    uint16_t n;
};

struct pvs_modbus_map {
    size_t nentries;
    struct entry *entries;
    size_t nrequests;
    struct request *requests;
};

static unsigned type_regs(const char *type) {
    if (!strcmp(type, "int16") || !strcmp(type, "uint16"))
        return 1;
    if (!strcmp(type, "int64") || !strcmp(type, "uint64") ||
        !strcmp(type, "float64"))
        return 4;
    return 2;
}

static bool is_input(const struct pvs_register *r) {
    return r->function && !strcmp(r->function, "input");
}

static bool little_words(const struct pvs_register *r) {
    const char *wo = r->word_order;

    if (!wo && r->map)
        wo = r->map->word_order;
    return wo && !strcmp(wo, "little");
}

static int key_line(const struct pvs_register *r, const char *key) {
    const struct pvs_kv *kv = pvs_cfg_obj_kv(&r->obj, key);

    return kv ? kv->line : r->obj.line;
}

/* ---- checks ---- */

enum pvs_err pvs_modbus_map_check(const struct pvs_config *cfg,
                                  struct pvs_cfg_errors *errs) {
    size_t before = errs->count + errs->dropped;

    for (size_t i = 0; i < cfg->nmaps; i++) {
        const struct pvs_map *map = cfg->maps[i];
        bool any = false;
        for (size_t k = 0; k < cfg->nregisters && !any; k++)
            any = cfg->registers[k]->map == map;
        if (!any)
            pvs_cfg_error(errs, map->obj.file, map->obj.line,
                          "map '%s' has no [register \"%s/METRIC\"] "
                          "entries",
                          map->obj.id, map->obj.id);
    }
    for (size_t i = 0; i < cfg->nregisters; i++) {
        const struct pvs_register *r = cfg->registers[i];
        unsigned n;

        if (!r->map || !r->type)
            continue; /* already reported by the schema */
        n = type_regs(r->type);
        if (r->address + n > 0x10000)
            pvs_cfg_error(errs, r->obj.file, key_line(r, "address"),
                          "register '%s' at address %lld needs %u "
                          "registers: past the end of the register space",
                          r->obj.id, (long long)r->address, n);
        if (n == 1 && r->word_order)
            pvs_cfg_error(errs, r->obj.file, key_line(r, "word_order"),
                          "word_order has no effect on the 16-bit type "
                          "'%s' of register '%s'",
                          r->type, r->obj.id);
        if (r->scale == 0 && pvs_cfg_obj_kv(&r->obj, "scale"))
            pvs_cfg_error(errs, r->obj.file, key_line(r, "scale"),
                          "scale of register '%s' must not be 0", r->obj.id);
        /* Two registers of one map reading the same words is a typo. */
        for (size_t k = 0; k < i; k++) {
            const struct pvs_register *o = cfg->registers[k];
            if (o->map != r->map || !o->type || is_input(o) != is_input(r))
                continue;
            if (r->address < o->address + type_regs(o->type) &&
                o->address < r->address + n)
                pvs_cfg_error(errs, r->obj.file, key_line(r, "address"),
                              "register '%s' (%s %lld) overlaps '%s' "
                              "(%s:%d)",
                              r->obj.id, is_input(r) ? "input" : "holding",
                              (long long)r->address, o->obj.id, o->obj.file,
                              o->obj.line);
        }
    }
    return errs->count + errs->dropped > before ? PVS_ERR_CONFIG : PVS_OK;
}

/* ---- plans ---- */

static int entry_cmp(const void *a, const void *b) {
    const struct entry *x = a, *y = b;

    if (x->input != y->input)
        return x->input ? 1 : -1;
    return (int)x->addr - (int)y->addr;
}

enum pvs_err pvs_modbus_map_new(const struct pvs_config *cfg, const char *name,
                                struct pvs_modbus_map **ret) {
    struct pvs_modbus_map *m = NULL;
    const struct pvs_map *map = NULL;
    enum pvs_err rc = PVS_OK;
    size_t n = 0;

    for (size_t i = 0; i < cfg->nmaps; i++)
        if (!strcmp(cfg->maps[i]->obj.id, name))
            map = cfg->maps[i];
    if (!map) {
        rc = PVS_ERR_NOTFOUND;
        goto out;
    }
    m = pvs_calloc(1, sizeof(*m));
    m->entries = pvs_calloc(cfg->nregisters + 1, sizeof(*m->entries));
    for (size_t i = 0; i < cfg->nregisters; i++) {
        const struct pvs_register *r = cfg->registers[i];
        struct entry *e = &m->entries[n];
        if (r->map != map)
            continue;
        if (pvs_metric_parse(r->metric, &e->metric, &e->idx)) {
            rc = PVS_ERR_CONFIG;
            goto out;
        }
        e->reg = r;
        e->input = is_input(r);
        e->addr = (uint16_t)r->address;
        e->nregs = (uint16_t)type_regs(r->type);
        e->little = little_words(r);
        n++;
    }
    m->nentries = n;
    qsort(m->entries, n, sizeof(*m->entries), entry_cmp);
    m->requests = pvs_calloc(n + 1, sizeof(*m->requests));
    for (size_t i = 0; i < n; i++) {
        struct entry *e = &m->entries[i];
        struct request *q =
            m->nrequests ? &m->requests[m->nrequests - 1] : NULL;
        uint32_t end = (uint32_t)e->addr + e->nregs;
        if (q && q->input == e->input &&
            e->addr <= (uint32_t)q->addr + q->n + MAX_GAP &&
            end - q->addr <= MAX_READ) {
            if (end > (uint32_t)q->addr + q->n)
                q->n = (uint16_t)(end - q->addr);
        } else {
            q = &m->requests[m->nrequests++];
            q->input = e->input;
            q->addr = e->addr;
            q->n = e->nregs;
        }
        e->req = (unsigned)(m->nrequests - 1);
        e->offset = (uint16_t)(e->addr - q->addr);
    }
out:
    if (rc) {
        pvs_modbus_map_free(m);
        m = NULL;
    }
    *ret = m;
    return rc;
}

void pvs_modbus_map_free(struct pvs_modbus_map *m) {
    if (!m)
        return;
    pvs_free(m->entries);
    pvs_free(m->requests);
    pvs_free(m);
}

size_t pvs_modbus_map_requests(const struct pvs_modbus_map *m) {
    return m->nrequests;
}

size_t pvs_modbus_map_size(const struct pvs_modbus_map *m) {
    return m->nentries;
}

/* ---- decoding ---- */

double pvs_modbus_map_decode(const char *type, bool little_endian_words,
                             const uint16_t *regs) {
    unsigned n = type_regs(type);
    uint64_t u = 0;

    for (unsigned i = 0; i < n; i++) {
        uint16_t w = little_endian_words ? regs[n - 1 - i] : regs[i];
        u = (u << 16) | w;
    }
    if (!strcmp(type, "int16"))
        return (int16_t)u;
    if (!strcmp(type, "uint16") || !strcmp(type, "uint32") ||
        !strcmp(type, "uint64"))
        return (double)u;
    if (!strcmp(type, "int32"))
        return (int32_t)(uint32_t)u;
    if (!strcmp(type, "int64"))
        return (double)(int64_t)u;
    if (!strcmp(type, "float32")) {
        uint32_t w = (uint32_t)u;
        float f;
        memcpy(&f, &w, sizeof(f));
        return f;
    }
    if (!strcmp(type, "float64")) {
        double d;
        memcpy(&d, &u, sizeof(d));
        return d;
    }
    return NAN;
}

enum pvs_err pvs_modbus_map_poll(const struct pvs_modbus_map *m,
                                 pvs_map_read_fn *read, void *ctx,
                                 struct pvs_sample *out) {
    uint16_t *buf = pvs_calloc(m->nrequests ? m->nrequests : 1,
                               MAX_READ * sizeof(uint16_t));
    enum pvs_err rc = PVS_OK;

    for (size_t i = 0; i < m->nrequests; i++) {
        const struct request *q = &m->requests[i];
        rc = read(ctx, q->input, q->addr, q->n, buf + i * MAX_READ);
        if (rc)
            goto out;
    }
    for (size_t i = 0; i < m->nentries; i++) {
        const struct entry *e = &m->entries[i];
        const uint16_t *w = buf + e->req * MAX_READ + e->offset;
        double v = pvs_modbus_map_decode(e->reg->type, e->little, w);
        double lo, hi;
        struct pvs_sample *s = &out[i];

        s->metric = (uint16_t)e->metric;
        s->idx = (uint16_t)e->idx;
        if (isnan(v)) {
            s->value = NAN;
            s->quality = PVS_Q_NOT_IMPLEMENTED;
            continue;
        }
        v = v * e->reg->scale + e->reg->offset;
        s->value = v;
        s->quality = PVS_Q_OK;
        pvs_metric_range(e->metric, &lo, &hi);
        if (v < lo || v > hi)
            s->quality = PVS_Q_OUT_OF_RANGE;
    }
out:
    pvs_free(buf);
    return rc;
}
