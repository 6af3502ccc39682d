/* SPDX-License-Identifier: MIT */
/*
 * sunspec.c - SunSpec discovery, chain walking, decoding and the mapping
 * onto canonical metrics.
 *
 * DESIGN
 * Discovery reads everything once (the probe prints it all); afterwards
 * the poller only re-reads the models that feed a metric, and extracts
 * metrics through bindings computed at discovery (register offsets of the
 * point and its scale factor), so a poll costs no name lookups.
 *
 * Vendor deviations are tolerated, never silently: each one sets a quirk
 * bit (quirk_defs below) that the probe prints as a warning and the poller
 * logs once per discovery. A not-implemented value is never data.
 */
#define PVS_LOG_MODULE "sunspec"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pvs/log.h"
#include "pvs/sunspec.h"

/* ---- quirk table ---- */

struct quirk_def {
    const char *name;
    const char *text;
};

static const struct quirk_def quirk_defs[PVS_SSQ__COUNT] = {
    {"common_len_65", "common model has length 65 (no pad register): the "
                      "next model is read where the device says it is"},
    {"chain_end_zero", "model chain ends with 0x0000 instead of 0xffff"},
    {"chain_end_exception", "model chain ends with a modbus exception "
                            "instead of the 0xffff end marker"},
    {"length_past_map", "a model's length runs past the device's register "
                        "map: registers beyond the map are not implemented"},
    {"pf_percent", "power factor is reported in percent: normalised to a "
                   "fraction"},
    {"pf_negative_producing", "power factor is negative while producing: "
                              "kept signed as reported"},
    {"event_all_ones", "event bitfield is all ones: treated as not "
                       "implemented"},
    {"ll_voltage_zero", "meter reports line-to-line voltages as 0: treated "
                        "as not implemented"},
    {"float_nan", "float model reports NaN points: treated as not "
                  "implemented"},
    {"unknown_model", "a model has no known definition: its registers are "
                      "skipped"},
};

const char *pvs_sunspec_quirk_name(unsigned bit) {
    return bit < PVS_SSQ__COUNT ? quirk_defs[bit].name : "unknown";
}

const char *pvs_sunspec_quirk_text(unsigned bit) {
    return bit < PVS_SSQ__COUNT ? quirk_defs[bit].text : "unknown quirk";
}

/* ---- tables ---- */

const struct pvs_ss_model *pvs_sunspec_model_find(unsigned id) {
    size_t lo = 0, hi = pvs_sunspec_nmodels;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (pvs_sunspec_models[mid].id == id)
            return &pvs_sunspec_models[mid];
        if (pvs_sunspec_models[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ---- decoding ---- */

static double scale10(double v, int e) {
    static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5,
                                 1e6, 1e7, 1e8, 1e9, 1e10};
    /* Dividing by an exact power of ten keeps 985 * 10^-3 at 0.985. */
    return e >= 0 ? v * p10[e] : v / p10[-e];
}

static uint64_t regs_u(const uint16_t *r, unsigned n) {
    uint64_t v = 0;

    for (unsigned i = 0; i < n; i++)
        v = (v << 16) | r[i];
    return v;
}

static bool is_meter(unsigned id) {
    return (id >= 201 && id <= 204) || (id >= 211 && id <= 214);
}

static bool is_float_model(unsigned id) {
    return (id >= 111 && id <= 113) || (id >= 211 && id <= 214);
}

/* PPV, PPVphAB... (inverters, 201) and PhVphAB... (202-204). */
static bool is_ll_voltage(const char *name) {
    return !strncmp(name, "PPV", 3) ||
           (!strncmp(name, "PhVph", 5) && strlen(name) == 7);
}

static const char *symbol_of(const struct pvs_ss_point *pt, uint64_t v) {
    for (unsigned i = 0; i < pt->nsymbols; i++)
        if (pt->symbols[i].value == v)
            return pt->symbols[i].name;
    return NULL;
}

static void decode_string(const uint16_t *r, unsigned n,
                          struct pvs_ss_value *out) {
    size_t len = 0;

    for (unsigned i = 0; i < n && len + 2 < sizeof(out->str); i++) {
        out->str[len++] = (char)(r[i] >> 8);
        out->str[len++] = (char)(r[i] & 0xff);
    }
    out->str[len] = '\0';
    /* The string ends at the first NUL; anything unprintable is masked. */
    len = strlen(out->str);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)out->str[i] < 0x20 ||
            (unsigned char)out->str[i] > 0x7e)
            out->str[i] = '?';
    while (len > 0 && out->str[len - 1] == ' ')
        out->str[--len] = '\0';
    out->kind = len ? PVS_SS_V_STRING : PVS_SS_V_NI;
}

/* The exponent for ref, or false when its scale factor is not data. */
static bool scale_of(const struct pvs_ss_point_ref *ref, int *ret_e) {
    const struct pvs_ss_model_data *m = ref->m;
    int16_t sf;

    if (ref->pt->has_sf_fixed) {
        *ret_e = ref->pt->sf_fixed;
        return true;
    }
    if (ref->sf_off < 0) {
        *ret_e = 0;
        return true;
    }
    if ((uint32_t)ref->sf_off >= m->avail)
        return false;
    if (m->regs[ref->sf_off] == 0x8000)
        return false;
    sf = (int16_t)m->regs[ref->sf_off];
    if (sf < -10 || sf > 10)
        return false;
    *ret_e = sf;
    return true;
}

/*
 * The plain numbers (integers, accumulators, float64): true with the
 * value in *ret, false when the point holds its not-implemented value.
 */
static bool decode_plain(enum pvs_ss_type type, const uint16_t *r,
                         double *ret) {
    uint64_t u;
    double d;

    switch (type) {
    case PVS_SS_INT16:
        *ret = (int16_t)r[0];
        return r[0] != 0x8000;
    case PVS_SS_UINT16:
    case PVS_SS_COUNT:
        *ret = r[0];
        return r[0] != 0xffff;
    case PVS_SS_ACC16:
        *ret = r[0];
        return r[0] != 0;
    case PVS_SS_INT32:
        u = regs_u(r, 2);
        *ret = (int32_t)(uint32_t)u;
        return u != 0x80000000u;
    case PVS_SS_UINT32:
        u = regs_u(r, 2);
        *ret = (double)u;
        return u != 0xffffffffu;
    case PVS_SS_ACC32:
        u = regs_u(r, 2);
        *ret = (double)u;
        return u != 0;
    case PVS_SS_INT64:
        u = regs_u(r, 4);
        *ret = (double)(int64_t)u;
        return u != 0x8000000000000000u;
    case PVS_SS_UINT64:
        u = regs_u(r, 4);
        *ret = (double)u;
        return u != UINT64_MAX;
    case PVS_SS_ACC64:
        u = regs_u(r, 4);
        *ret = (double)u;
        return u != 0 && u != 0x8000000000000000u;
    case PVS_SS_FLOAT64:
        u = regs_u(r, 4);
        memcpy(&d, &u, sizeof(d));
        *ret = d;
        return !isnan(d);
    default:
        return false;
    }
}

/* The points shown as text: strings and network addresses. */
static void decode_text(const struct pvs_ss_point *pt, const uint16_t *r,
                        struct pvs_ss_value *out) {
    uint64_t u;

    switch ((enum pvs_ss_type)pt->type) {
    case PVS_SS_STRING:
        decode_string(r, pt->size, out);
        return;
    case PVS_SS_IPADDR:
        u = regs_u(r, 2);
        if (u == 0)
            return;
        pvs_snprintf(out->str, sizeof(out->str), "%u.%u.%u.%u",
                     (unsigned)(u >> 24) & 0xff, (unsigned)(u >> 16) & 0xff,
                     (unsigned)(u >> 8) & 0xff, (unsigned)u & 0xff);
        out->kind = PVS_SS_V_STRING;
        return;
    case PVS_SS_IPV6ADDR: {
        bool zero = true;
        size_t len = 0;
        for (unsigned i = 0; i < 8 && i < pt->size; i++) {
            zero = zero && r[i] == 0;
            len += (size_t)pvs_snprintf(out->str + len, sizeof(out->str) - len,
                                        "%s%x", i ? ":" : "", r[i]);
        }
        if (!zero)
            out->kind = PVS_SS_V_STRING;
        return;
    }
    case PVS_SS_EUI48:
        /* The address is the last 48 bits of the point. */
        u = regs_u(r + (pt->size - 3), 3);
        if (u == UINT64_C(0xffffffffffff) || u == 0)
            return;
        pvs_snprintf(out->str, sizeof(out->str),
                     "%02x:%02x:%02x:%02x:%02x:%02x",
                     (unsigned)(u >> 40) & 0xff, (unsigned)(u >> 32) & 0xff,
                     (unsigned)(u >> 24) & 0xff, (unsigned)(u >> 16) & 0xff,
                     (unsigned)(u >> 8) & 0xff, (unsigned)u & 0xff);
        out->kind = PVS_SS_V_STRING;
        return;
    default:
        return;
    }
}

/* Enumerations and bit fields; returns the quirks seen. */
static unsigned decode_flags(const struct pvs_ss_point *pt, const uint16_t *r,
                             struct pvs_ss_value *out) {
    unsigned n = pt->type == PVS_SS_ENUM16 || pt->type == PVS_SS_BITFIELD16 ? 1
                 : pt->type == PVS_SS_BITFIELD64                            ? 4
                                                                            : 2;
    uint64_t ones = n == 4 ? UINT64_MAX : (UINT64_C(1) << (16 * n)) - 1;
    uint64_t u = regs_u(r, n);
    bool is_enum = pt->type == PVS_SS_ENUM16 || pt->type == PVS_SS_ENUM32;

    if (u == ones) {
        /* Only the event words pvsentry reads; unused vendor words at
         * all ones are simply not implemented. */
        if (!is_enum &&
            (!strcmp(pt->name, "Evt1") || !strcmp(pt->name, "Alrm")))
            return PVS_SSQ_EVT_ALL_ONES;
        return 0;
    }
    out->kind = is_enum ? PVS_SS_V_ENUM : PVS_SS_V_BITS;
    out->bits = u;
    out->num = (double)u;
    if (is_enum)
        out->symbol = symbol_of(pt, u);
    return 0;
}

void pvs_sunspec_decode(const struct pvs_ss_point_ref *ref,
                        struct pvs_ss_value *out, unsigned *quirks) {
    const struct pvs_ss_point *pt = ref->pt;
    const uint16_t *r;
    unsigned q = 0;
    double num = 0;
    bool number = false;
    int e;

    out->kind = PVS_SS_V_NI;
    out->num = 0;
    out->bits = 0;
    out->symbol = NULL;
    out->str[0] = '\0';
    if (!ref->readable)
        return;
    r = ref->m->regs + ref->off;
    switch ((enum pvs_ss_type)pt->type) {
    case PVS_SS_ENUM16:
    case PVS_SS_ENUM32:
    case PVS_SS_BITFIELD16:
    case PVS_SS_BITFIELD32:
    case PVS_SS_BITFIELD64:
        q = decode_flags(pt, r, out);
        goto out;
    case PVS_SS_FLOAT32: {
        uint32_t w = (uint32_t)regs_u(r, 2);
        float f;
        memcpy(&f, &w, sizeof(f));
        if (isnan(f)) {
            if (is_float_model(ref->m->id))
                q |= PVS_SSQ_FLOAT_NAN;
            goto out;
        }
        num = f;
        number = true;
        break;
    }
    case PVS_SS_STRING:
    case PVS_SS_IPADDR:
    case PVS_SS_IPV6ADDR:
    case PVS_SS_EUI48:
        decode_text(pt, r, out);
        return;
    case PVS_SS_SUNSSF:
        if (r[0] == 0x8000 || (int16_t)r[0] < -10 || (int16_t)r[0] > 10)
            return;
        out->kind = PVS_SS_V_SF;
        out->num = (int16_t)r[0];
        return;
    case PVS_SS_PAD:
        return;
    default:
        number = decode_plain((enum pvs_ss_type)pt->type, r, &num);
        break;
    }
    if (!number)
        goto out;
    /* Meters that leave line-to-line voltages at 0 do not measure them. */
    if (num == 0 && is_meter(ref->m->id) && is_ll_voltage(pt->name)) {
        q |= PVS_SSQ_LL_VOLTAGE_ZERO;
        goto out;
    }
    if (!scale_of(ref, &e))
        goto out;
    out->kind = PVS_SS_V_NUMBER;
    out->num = scale10(num, e);
out:
    if (quirks)
        *quirks |= q;
}

/* ---- walking ---- */

#define MAX_DEPTH 8

struct frame {
    const struct pvs_ss_group *g;
    uint32_t start;
};

struct walk {
    const struct pvs_ss_model_data *m;
    const struct pvs_ss_visitor *v;
    void *ctx;
    unsigned *quirks;
    uint32_t end; /* L + 2 */
    struct frame fr[MAX_DEPTH];
};

/* Length of one instance when it does not depend on data, else 0. */
static uint32_t fixed_len(const struct pvs_ss_group *g) {
    uint32_t len = g->len;

    for (unsigned i = 0; i < g->ngroups; i++) {
        const struct pvs_ss_group *sg = &g->groups[i];
        uint32_t sub = fixed_len(sg);
        if (sg->count == PVS_SS_COUNT_ONE)
            len += sub;
        else if (sg->count == PVS_SS_COUNT_FIXED)
            len += sub * sg->count_n;
        else
            return 0;
        if (!sub)
            return 0;
    }
    return len;
}

static unsigned group_count(const struct walk *w, unsigned depth,
                            const struct pvs_ss_group *sg, uint32_t pos) {
    const struct frame *f;
    uint32_t off, inst;

    switch ((enum pvs_ss_count)sg->count) {
    case PVS_SS_COUNT_ONE:
        return 1;
    case PVS_SS_COUNT_FIXED:
        return sg->count_n;
    case PVS_SS_COUNT_FILL:
        inst = fixed_len(sg);
        return inst && pos < w->end ? (w->end - pos) / inst : 0;
    case PVS_SS_COUNT_POINT:
        if (sg->count_up < 0 || (unsigned)sg->count_up > depth)
            return 0;
        f = &w->fr[depth - (unsigned)sg->count_up];
        off = f->start + f->g->points[sg->count_index].offset;
        if (off >= w->m->avail || w->m->regs[off] == 0xffff)
            return 0;
        return w->m->regs[off];
    }
    return 0;
}

static uint32_t walk_group(struct walk *w, unsigned depth, uint32_t start,
                           unsigned index) {
    const struct pvs_ss_group *g;
    uint32_t pos;

    PVS_ASSERT(depth < MAX_DEPTH);
    w->fr[depth].start = start;
    g = w->fr[depth].g;
    for (unsigned i = 0; i < g->npoints; i++) {
        const struct pvs_ss_point *pt = &g->points[i];
        struct pvs_ss_point_ref ref = {
            .m = w->m,
            .group = g,
            .pt = pt,
            .depth = depth,
            .index = index,
            .off = start + pt->offset,
            .sf_off = -1,
            .sf_fixed = pt->sf_fixed,
        };
        struct pvs_ss_value v;
        if (pt->sf_up >= 0 && (unsigned)pt->sf_up <= depth) {
            const struct frame *f = &w->fr[depth - (unsigned)pt->sf_up];
            ref.sf_off =
                (int32_t)(f->start + f->g->points[pt->sf_index].offset);
        }
        ref.readable =
            ref.off + pt->size <= w->m->avail && ref.off + pt->size <= w->end;
        pvs_sunspec_decode(&ref, &v, w->quirks);
        if (w->v->point)
            w->v->point(w->ctx, &ref, &v);
    }
    pos = start + g->len;
    for (unsigned i = 0; i < g->ngroups; i++) {
        const struct pvs_ss_group *sg = &g->groups[i];
        unsigned n = group_count(w, depth, sg, pos);
        for (unsigned k = 0; k < n && pos < w->end; k++) {
            uint32_t next;
            w->fr[depth + 1].g = sg;
            if (w->v->group_begin)
                w->v->group_begin(w->ctx, sg, k, n);
            next = walk_group(w, depth + 1, pos,
                              sg->count == PVS_SS_COUNT_ONE ? index : k);
            if (w->v->group_end)
                w->v->group_end(w->ctx, sg, k, n);
            if (next == pos)
                break; /* an empty instance would never advance */
            pos = next;
        }
    }
    return pos;
}

void pvs_sunspec_walk(const struct pvs_ss_model_data *m,
                      const struct pvs_ss_visitor *v, void *ctx,
                      unsigned *quirks) {
    struct walk w = {
        .m = m, .v = v, .ctx = ctx, .quirks = quirks, .end = m->len + 2u};

    if (!m->def)
        return;
    w.fr[0].g = m->def->group;
    walk_group(&w, 0, 0, 0);
}

struct find_ctx {
    const char *name;
    struct pvs_ss_value *out;
    bool found;
};

static void find_point(void *ctx, const struct pvs_ss_point_ref *ref,
                       const struct pvs_ss_value *v) {
    struct find_ctx *fc = ctx;

    if (ref->depth == 0 && !fc->found && !strcmp(ref->pt->name, fc->name)) {
        *fc->out = *v;
        fc->found = true;
    }
}

bool pvs_sunspec_point(const struct pvs_ss_model_data *m, const char *name,
                       struct pvs_ss_value *out) {
    static const struct pvs_ss_visitor vis = {.point = find_point};
    struct find_ctx fc = {.name = name, .out = out};

    pvs_sunspec_walk(m, &vis, &fc, NULL);
    return fc.found;
}

/* ---- canonical mapping ---- */

enum conv {
    CV_PLAIN,
    CV_STATE,  /* St: 1 OFF .. 8 STANDBY, same numbering as pvs_state */
    CV_STATE0, /* 701 InvSt: 0 OFF .. 7 STANDBY */
    CV_PF,
    CV_KOHM, /* ohms to kilo-ohms */
    CV_BITS,
};

struct map_row {
    uint16_t lo, hi;
    uint8_t depth;
    const char *name;
    uint16_t metric;
    uint8_t conv;
};

#define INV(n, m, c)                                                           \
    {101, 103, 0, n, m, c}, {                                                  \
        111, 113, 0, n, m, c                                                   \
    }
#define MTR(n, m)                                                              \
    {201, 204, 0, n, m, CV_PLAIN}, {                                           \
        211, 214, 0, n, m, CV_PLAIN                                            \
    }

static const struct map_row map_rows[] = {
    INV("W", PVS_M_AC_POWER_W, CV_PLAIN),
    INV("WH", PVS_M_AC_ENERGY_WH, CV_PLAIN),
    INV("A", PVS_M_AC_CURRENT_A, CV_PLAIN),
    INV("PhVphA", PVS_M_AC_VOLTAGE_V, CV_PLAIN),
    INV("Hz", PVS_M_AC_FREQUENCY_HZ, CV_PLAIN),
    INV("PF", PVS_M_POWER_FACTOR, CV_PF),
    INV("DCA", PVS_M_DC_CURRENT_A, CV_PLAIN),
    INV("DCV", PVS_M_DC_VOLTAGE_V, CV_PLAIN),
    INV("DCW", PVS_M_DC_POWER_W, CV_PLAIN),
    INV("TmpCab", PVS_M_TEMP_CABINET_C, CV_PLAIN),
    INV("TmpSnk", PVS_M_TEMP_HEATSINK_C, CV_PLAIN),
    INV("St", PVS_M_STATE, CV_STATE),
    INV("Evt1", PVS_M_EVENT_BITS, CV_BITS),
    INV("EvtVnd1", PVS_M_VENDOR_EVENT, CV_BITS),
    {122, 122, 0, "Ris", PVS_M_INSULATION_KOHM, CV_KOHM},
    {160, 160, 1, "DCA", PVS_M_MPPT_CURRENT_A, CV_PLAIN},
    {160, 160, 1, "DCV", PVS_M_MPPT_VOLTAGE_V, CV_PLAIN},
    {160, 160, 1, "DCW", PVS_M_MPPT_POWER_W, CV_PLAIN},
    MTR("W", PVS_M_METER_POWER_W),
    MTR("TotWhImp", PVS_M_METER_ENERGY_IMPORT_WH),
    MTR("TotWhExp", PVS_M_METER_ENERGY_EXPORT_WH),
    {701, 701, 0, "W", PVS_M_AC_POWER_W, CV_PLAIN},
    {701, 701, 0, "TotWhInj", PVS_M_AC_ENERGY_WH, CV_PLAIN},
    {701, 701, 0, "A", PVS_M_AC_CURRENT_A, CV_PLAIN},
    {701, 701, 0, "LNV", PVS_M_AC_VOLTAGE_V, CV_PLAIN},
    {701, 701, 0, "Hz", PVS_M_AC_FREQUENCY_HZ, CV_PLAIN},
    {701, 701, 0, "PF", PVS_M_POWER_FACTOR, CV_PF},
    {701, 701, 0, "TmpCab", PVS_M_TEMP_CABINET_C, CV_PLAIN},
    {701, 701, 0, "TmpSnk", PVS_M_TEMP_HEATSINK_C, CV_PLAIN},
    {701, 701, 0, "InvSt", PVS_M_STATE, CV_STATE0},
    {701, 701, 0, "Alrm", PVS_M_EVENT_BITS, CV_BITS},
    {714, 714, 0, "DCW", PVS_M_DC_POWER_W, CV_PLAIN},
    {714, 714, 0, "DCA", PVS_M_DC_CURRENT_A, CV_PLAIN},
    {714, 714, 1, "DCA", PVS_M_MPPT_CURRENT_A, CV_PLAIN},
    {714, 714, 1, "DCV", PVS_M_MPPT_VOLTAGE_V, CV_PLAIN},
    {714, 714, 1, "DCW", PVS_M_MPPT_POWER_W, CV_PLAIN},
    {802, 802, 0, "SoC", PVS_M_BATTERY_SOC_PCT, CV_PLAIN},
    {302, 302, 1, "GHI", PVS_M_GHI_WM2, CV_PLAIN},
    {302, 302, 1, "POAI", PVS_M_POA_IRRADIANCE_WM2, CV_PLAIN},
    {307, 307, 0, "TmpAmb", PVS_M_AMBIENT_TEMP_C, CV_PLAIN},
    {308, 308, 0, "GHI", PVS_M_GHI_WM2, CV_PLAIN},
    {308, 308, 0, "TmpBOM", PVS_M_MODULE_TEMP_C, CV_PLAIN},
    {308, 308, 0, "TmpAmb", PVS_M_AMBIENT_TEMP_C, CV_PLAIN},
};

static bool per_mppt(unsigned metric) {
    return metric == PVS_M_MPPT_POWER_W || metric == PVS_M_MPPT_VOLTAGE_V ||
           metric == PVS_M_MPPT_CURRENT_A;
}

struct bind_ctx {
    struct pvs_ss_device *d;
    uint16_t model;
};

static void bind_point(void *ctx, const struct pvs_ss_point_ref *ref,
                       const struct pvs_ss_value *v) {
    struct bind_ctx *bc = ctx;
    struct pvs_ss_device *d = bc->d;
    unsigned id = ref->m->id;

    (void)v;
    for (size_t i = 0; i < PVS_ARRAY_LEN(map_rows); i++) {
        const struct map_row *row = &map_rows[i];
        uint16_t idx = 0;
        bool dup = false;
        if (id < row->lo || id > row->hi || ref->depth != row->depth ||
            strcmp(ref->pt->name, row->name))
            continue;
        if (per_mppt(row->metric)) {
            if (ref->index + 1 > PVS_MPPT_MAX)
                return;
            idx = (uint16_t)(ref->index + 1);
        } else if (ref->depth > 0 && ref->index > 0) {
            return; /* only the first instance feeds a plain metric */
        }
        /* The first model in the chain that has the metric wins. */
        for (size_t k = 0; k < d->nbindings; k++)
            if (d->bindings[k].metric == row->metric &&
                d->bindings[k].idx == idx)
                dup = true;
        if (dup || d->nbindings >= PVS_SS_MAX_BINDINGS)
            return;
        d->bindings[d->nbindings++] = (struct pvs_ss_binding){
            .metric = row->metric,
            .idx = idx,
            .model = bc->model,
            .conv = row->conv,
            .off = (uint16_t)ref->off,
            .sf_off = ref->sf_off,
            .sf_fixed = (int8_t)ref->sf_fixed,
            .pt = ref->pt,
        };
        return;
    }
}

static void bind_all(struct pvs_ss_device *d) {
    static const struct pvs_ss_visitor vis = {.point = bind_point};

    d->nbindings = 0;
    for (size_t i = 0; i < d->nmodels; i++) {
        struct bind_ctx bc = {.d = d, .model = (uint16_t)i};
        pvs_sunspec_walk(&d->models[i], &vis, &bc, NULL);
    }
}

size_t pvs_sunspec_metrics(struct pvs_ss_device *d, struct pvs_ss_metric *out,
                           size_t max) {
    size_t n = 0;
    double watts = NAN;
    int pf_at = -1;

    for (size_t i = 0; i < d->nbindings && n < max; i++) {
        const struct pvs_ss_binding *b = &d->bindings[i];
        const struct pvs_ss_model_data *m = &d->models[b->model];
        struct pvs_ss_point_ref ref = {
            .m = m,
            .pt = b->pt,
            .off = b->off,
            .sf_off = b->sf_off,
            .sf_fixed = b->sf_fixed,
            .readable = b->off + b->pt->size <= m->avail,
        };
        struct pvs_ss_metric *o = &out[n++];
        struct pvs_ss_value v;
        double lo, hi, x;

        pvs_sunspec_decode(&ref, &v, &d->quirks);
        o->metric = b->metric;
        o->idx = b->idx;
        o->model_id = m->id;
        o->pt = b->pt;
        o->value = NAN;
        o->quality = PVS_Q_NOT_IMPLEMENTED;
        if (v.kind == PVS_SS_V_NI)
            continue;
        x = v.num;
        switch ((enum conv)b->conv) {
        case CV_PLAIN:
        case CV_BITS:
            break;
        case CV_STATE:
            break;
        case CV_STATE0:
            x += 1;
            break;
        case CV_PF:
            /* Percent (SF -2, 98.5) and fraction (SF -3, 0.985) both occur;
             * a magnitude above 1 can only be percent. */
            if (fabs(x) > 1.0 && fabs(x) <= 100.0) {
                x /= 100.0;
                d->quirks |= PVS_SSQ_PF_PERCENT;
            }
            pf_at = (int)(n - 1);
            break;
        case CV_KOHM:
            x /= 1000.0;
            break;
        }
        if (b->metric == PVS_M_AC_POWER_W)
            watts = x;
        o->value = x;
        o->quality = PVS_Q_OK;
        pvs_metric_range((enum pvs_metric)b->metric, &lo, &hi);
        if (x < lo || x > hi)
            o->quality = PVS_Q_OUT_OF_RANGE;
    }
    if (pf_at >= 0 && out[pf_at].quality == PVS_Q_OK && out[pf_at].value < 0 &&
        watts > 0)
        d->quirks |= PVS_SSQ_PF_NEG_PRODUCING;
    return n;
}

const char *pvs_sunspec_bit_names(const struct pvs_ss_point *pt, uint64_t bits,
                                  char *buf, size_t size) {
    size_t len = 0;

    buf[0] = '\0';
    for (unsigned b = 0; b < 64 && len < size; b++) {
        const char *name;
        if (!(bits & (UINT64_C(1) << b)))
            continue;
        name = pt ? symbol_of(pt, b) : NULL;
        if (name)
            len += (size_t)pvs_snprintf(buf + len, size - len, "%s%s",
                                        len ? "," : "", name);
        else
            len += (size_t)pvs_snprintf(buf + len, size - len, "%sbit%u",
                                        len ? "," : "", b);
    }
    return buf;
}

/* ---- discovery ---- */

/* Read n registers in requests of at most 125. */
static enum pvs_err read_range(pvs_ss_read_fn *read, void *ctx, uint32_t addr,
                               uint32_t n, uint16_t *out) {
    enum pvs_err rc = PVS_OK;

    for (uint32_t done = 0; done < n;) {
        uint16_t chunk =
            (uint16_t)(n - done > PVS_SS_MAX_READ ? PVS_SS_MAX_READ : n - done);
        rc = read(ctx, addr + done, chunk, out + done);
        if (rc)
            goto out;
        done += chunk;
    }
out:
    return rc;
}

/*
 * Read up to want registers, stopping where the device's map ends (a
 * Modbus exception): returns how many could be read in *ret_got.
 */
static enum pvs_err read_prefix(pvs_ss_read_fn *read, void *ctx, uint32_t addr,
                                uint32_t want, uint16_t *out,
                                uint32_t *ret_got) {
    enum pvs_err rc = PVS_OK;
    uint32_t got = 0;
    uint16_t chunk = PVS_SS_MAX_READ;

    while (got < want) {
        if (chunk > want - got)
            chunk = (uint16_t)(want - got);
        rc = read(ctx, addr + got, chunk, out + got);
        if (rc == PVS_ERR_PROTO) {
            /* Halve the request until it fits inside the map. */
            if (chunk == 1) {
                rc = PVS_OK;
                break;
            }
            chunk = (uint16_t)(chunk / 2);
            continue;
        }
        if (rc)
            goto out;
        got += chunk;
    }
    *ret_got = got;
out:
    return rc;
}

static void common_strings(struct pvs_ss_device *d) {
    struct pvs_ss_value v;
    const struct pvs_ss_model_data *m;

    if (!d->nmodels || d->models[0].id != 1)
        return;
    m = &d->models[0];
    if (pvs_sunspec_point(m, "Mn", &v) && v.kind == PVS_SS_V_STRING)
        pvs_strlcpy(d->manufacturer, v.str, sizeof(d->manufacturer));
    if (pvs_sunspec_point(m, "Md", &v) && v.kind == PVS_SS_V_STRING)
        pvs_strlcpy(d->model, v.str, sizeof(d->model));
    if (pvs_sunspec_point(m, "Vr", &v) && v.kind == PVS_SS_V_STRING)
        pvs_strlcpy(d->version, v.str, sizeof(d->version));
    if (pvs_sunspec_point(m, "SN", &v) && v.kind == PVS_SS_V_STRING)
        pvs_strlcpy(d->serial, v.str, sizeof(d->serial));
}

static enum pvs_err find_base(pvs_ss_read_fn *read, void *ctx,
                              uint32_t *ret_base) {
    static const uint32_t bases[] = {40000, 0, 50000};
    enum pvs_err rc = PVS_ERR_NOTFOUND;
    bool answered = false;

    for (size_t i = 0; i < PVS_ARRAY_LEN(bases); i++) {
        uint16_t r[2];
        rc = read(ctx, bases[i], 2, r);
        if (rc == PVS_ERR_PROTO)
            continue;
        if (rc)
            goto out; /* no answer: asking elsewhere would only wait more */
        answered = true;
        if (r[0] == 0x5375 && r[1] == 0x6e53) {
            *ret_base = bases[i];
            goto out;
        }
    }
    rc = answered ? PVS_ERR_NOTFOUND : PVS_ERR_PROTO;
out:
    return rc;
}

enum pvs_err pvs_sunspec_discover(pvs_ss_read_fn *read, void *ctx,
                                  struct pvs_ss_device **ret) {
    struct pvs_ss_device *d = pvs_calloc(1, sizeof(*d));
    enum pvs_err rc;
    uint32_t addr;

    rc = find_base(read, ctx, &d->base);
    if (rc)
        goto out;
    addr = d->base + 2;
    while (d->nmodels < PVS_SS_MAX_MODELS) {
        struct pvs_ss_model_data *m = &d->models[d->nmodels];
        uint16_t hdr[2];
        uint32_t want, got = 0;

        if (addr + 2 > 0x10000) {
            d->quirks |= PVS_SSQ_LEN_PAST_MAP;
            break;
        }
        rc = read(ctx, addr, 2, hdr);
        if (rc == PVS_ERR_PROTO) {
            d->quirks |= PVS_SSQ_END_EXCEPTION;
            rc = PVS_OK;
            break;
        }
        if (rc)
            goto out;
        if (hdr[0] == 0xffff)
            break;
        if (hdr[0] == 0) {
            d->quirks |= PVS_SSQ_END_ZERO;
            break;
        }
        want = hdr[1] + 2u;
        if (want > PVS_SS_MAX_MODEL_LEN + 2u)
            want = PVS_SS_MAX_MODEL_LEN + 2u;
        if (addr + want > 0x10000)
            want = 0x10000 - addr;
        m->id = hdr[0];
        m->len = hdr[1];
        m->addr = addr;
        m->def = pvs_sunspec_model_find(m->id);
        m->regs = pvs_calloc(want, sizeof(uint16_t));
        m->regs[0] = hdr[0];
        m->regs[1] = hdr[1];
        got = 2;
        if (want > 2) {
            rc = read_prefix(read, ctx, addr + 2, want - 2, m->regs + 2, &got);
            if (rc) {
                PVS_FREE(m->regs);
                goto out;
            }
            got += 2;
        }
        m->avail = got;
        d->nmodels++;
        if (!m->def)
            d->quirks |= PVS_SSQ_UNKNOWN_MODEL;
        if (m->id == 1 && m->len == 65)
            d->quirks |= PVS_SSQ_COMMON_LEN_65;
        if (got < hdr[1] + 2u) {
            d->quirks |= PVS_SSQ_LEN_PAST_MAP;
            break; /* nothing after a model that left the map */
        }
        addr += hdr[1] + 2u;
    }
    common_strings(d);
    bind_all(d);
    /* Decode once so that value quirks are known right after discovery. */
    {
        static const struct pvs_ss_visitor none = {0};
        for (size_t i = 0; i < d->nmodels; i++)
            pvs_sunspec_walk(&d->models[i], &none, NULL, &d->quirks);
    }
out:
    if (rc) {
        pvs_sunspec_device_free(d);
        d = NULL;
    }
    *ret = rc ? NULL : d;
    return rc;
}

void pvs_sunspec_device_free(struct pvs_ss_device *d) {
    if (!d)
        return;
    for (size_t i = 0; i < d->nmodels; i++)
        pvs_free(d->models[i].regs);
    pvs_free(d);
}

/* ---- polling ---- */

/* Span of the top group's scale-factor registers: [lo, hi). */
static void sf_span(const struct pvs_ss_model_data *m, uint32_t *lo,
                    uint32_t *hi) {
    const struct pvs_ss_group *g = m->def ? m->def->group : NULL;

    *lo = UINT32_MAX;
    *hi = 0;
    for (unsigned i = 0; g && i < g->npoints; i++) {
        const struct pvs_ss_point *pt = &g->points[i];
        if (pt->type != PVS_SS_SUNSSF || pt->offset >= m->avail)
            continue;
        if (pt->offset < *lo)
            *lo = pt->offset;
        if (pt->offset + 1u > *hi)
            *hi = pt->offset + 1u;
    }
}

static enum pvs_err refresh_model(struct pvs_ss_model_data *m,
                                  pvs_ss_read_fn *read, void *ctx) {
    uint16_t *tmp = pvs_malloc(m->avail * sizeof(uint16_t));
    uint16_t sf1[PVS_SS_MAX_READ], sf2[PVS_SS_MAX_READ];
    enum pvs_err rc;
    uint32_t lo, hi;

    if (m->avail <= PVS_SS_MAX_READ) {
        rc = read(ctx, m->addr, (uint16_t)m->avail, tmp);
        if (rc)
            goto out;
    } else {
        sf_span(m, &lo, &hi);
        if (hi <= lo || hi - lo > PVS_SS_MAX_READ) {
            rc = read_range(read, ctx, m->addr, m->avail, tmp);
            goto check;
        }
        /* Scale factors, values, scale factors: a change in between
         * means the values may mix old and new scaling, so read again. */
        for (int attempt = 0;; attempt++) {
            rc = read(ctx, m->addr + lo, (uint16_t)(hi - lo), sf1);
            if (!rc)
                rc = read_range(read, ctx, m->addr, m->avail, tmp);
            if (!rc)
                rc = read(ctx, m->addr + lo, (uint16_t)(hi - lo), sf2);
            if (rc)
                goto out;
            if (!memcmp(sf1, sf2, (hi - lo) * sizeof(uint16_t)) &&
                !memcmp(sf1, tmp + lo, (hi - lo) * sizeof(uint16_t)))
                break;
            if (attempt == 2) {
                rc = PVS_ERR_PROTO;
                goto out;
            }
        }
    }
check:
    if (rc)
        goto out;
    if (tmp[0] != m->id || tmp[1] != m->len) {
        rc = PVS_ERR_NOTFOUND;
        goto out;
    }
    memcpy(m->regs, tmp, m->avail * sizeof(uint16_t));
out:
    pvs_free(tmp);
    return rc;
}

enum pvs_err pvs_sunspec_refresh(struct pvs_ss_device *d, pvs_ss_read_fn *read,
                                 void *ctx) {
    enum pvs_err rc = PVS_OK;
    uint64_t done = 0;

    for (size_t i = 0; i < d->nbindings; i++) {
        uint16_t mi = d->bindings[i].model;
        if (mi < 64 && (done & (UINT64_C(1) << mi)))
            continue;
        rc = refresh_model(&d->models[mi], read, ctx);
        if (rc)
            goto out;
        done |= UINT64_C(1) << mi;
    }
out:
    return rc;
}

/* ---- register images ---- */

enum pvs_err pvs_sunspec_image_read(void *ctx, uint32_t addr, uint16_t n,
                                    uint16_t *out) {
    const struct pvs_ss_image *img = ctx;

    if (n == 0 || n > PVS_SS_MAX_READ || addr + n > 0x10000)
        return PVS_ERR_PROTO;
    for (uint32_t i = 0; i < n; i++)
        if (!img->valid[addr + i])
            return PVS_ERR_PROTO;
    memcpy(out, img->regs + addr, n * sizeof(uint16_t));
    return PVS_OK;
}

static bool image_put(struct pvs_ss_image *img, uint32_t *addr, uint16_t v) {
    if (*addr > 0xffff)
        return false;
    img->regs[*addr] = v;
    img->valid[*addr] = 1;
    (*addr)++;
    return true;
}

/* "s:N:TEXT": TEXT ('_' for a space) in N registers, NUL-padded. */
static bool image_string(struct pvs_ss_image *img, uint32_t *addr,
                         const char *tok) {
    const char *colon = strchr(tok + 2, ':');
    char num[16];
    char text[2 * PVS_SS_MAX_MODEL_LEN];
    size_t tl;
    int64_t i;

    if (!colon || (size_t)(colon - tok - 2) >= sizeof(num))
        return false;
    memcpy(num, tok + 2, (size_t)(colon - tok - 2));
    num[colon - tok - 2] = '\0';
    if (pvs_parse_i64(num, &i) || i < 1 || i > PVS_SS_MAX_MODEL_LEN)
        return false;
    pvs_strlcpy(text, colon + 1, sizeof(text));
    tl = strlen(text);
    if (tl > (size_t)i * 2)
        return false;
    for (size_t k = 0; k < tl; k++)
        if (text[k] == '_')
            text[k] = ' ';
    for (int64_t k = 0; k < i; k++) {
        size_t a = (size_t)k * 2, b = a + 1;
        uint16_t w = (uint16_t)(((a < tl ? (unsigned char)text[a] : 0) << 8) |
                                (b < tl ? (unsigned char)text[b] : 0));
        if (!image_put(img, addr, w))
            return false;
    }
    return true;
}

/* "x:N" (N registers of 0xffff) or "z:N" (N zeros). */
static bool image_fill(struct pvs_ss_image *img, uint32_t *addr,
                       const char *tok) {
    int64_t i;

    if (pvs_parse_i64(tok + 2, &i) || i < 1 || i > 0x10000)
        return false;
    for (int64_t k = 0; k < i; k++)
        if (!image_put(img, addr, tok[0] == 'x' ? 0xffff : 0))
            return false;
    return true;
}

/* "f32:V" or "f32:nan": an IEEE float, high word first. */
static bool image_f32(struct pvs_ss_image *img, uint32_t *addr,
                      const char *tok) {
    double f;
    float fl;
    uint32_t w;

    if (!strcmp(tok + 4, "nan"))
        w = 0x7fc00000u;
    else if (pvs_parse_double(tok + 4, &f))
        return false;
    else {
        fl = (float)f;
        memcpy(&w, &fl, sizeof(w));
    }
    return image_put(img, addr, (uint16_t)(w >> 16)) &&
           image_put(img, addr, (uint16_t)w);
}

/* Hex digits after "0x" into *ret; false if there are none or a bad one. */
static bool parse_hex(const char *p, uint64_t *ret) {
    uint64_t u = 0;

    if (!*p)
        return false;
    for (; *p; p++) {
        unsigned d = (*p >= '0' && *p <= '9')   ? (unsigned)(*p - '0')
                     : (*p >= 'a' && *p <= 'f') ? (unsigned)(*p - 'a' + 10)
                     : (*p >= 'A' && *p <= 'F') ? (unsigned)(*p - 'A' + 10)
                                                : 16;
        if (d > 15)
            return false;
        u = (u << 4) | d;
    }
    *ret = u;
    return true;
}

/*
 * A register ("V", "0xH") or a wider integer ("u32:", "i32:", "u64:",
 * "i64:" before V), high word first.
 */
static bool image_int(struct pvs_ss_image *img, uint32_t *addr,
                      const char *tok) {
    int64_t i;
    uint64_t u;
    unsigned n;

    n = !strncmp(tok, "u32:", 4) || !strncmp(tok, "i32:", 4)   ? 2
        : !strncmp(tok, "u64:", 4) || !strncmp(tok, "i64:", 4) ? 4
                                                               : 1;
    if (n > 1)
        tok += 4;
    if (!strncmp(tok, "0x", 2)) {
        if (!parse_hex(tok + 2, &u))
            return false;
    } else {
        if (pvs_parse_i64(tok, &i))
            return false;
        u = (uint64_t)i;
    }
    if (n == 1 && ((int64_t)u < -32768 || (int64_t)u > 65535) &&
        strncmp(tok, "0x", 2))
        return false;
    for (unsigned k = n; k-- > 0;)
        if (!image_put(img, addr, (uint16_t)(u >> (16 * k))))
            return false;
    return true;
}

static bool image_token(struct pvs_ss_image *img, uint32_t *addr,
                        const char *tok) {
    int64_t i;

    if (tok[0] == '@')
        return !pvs_parse_i64(tok + 1, &i) && i >= 0 && i <= 0xffff &&
               ((*addr = (uint32_t)i), true);
    if (!strncmp(tok, "s:", 2))
        return image_string(img, addr, tok);
    if (tok[0] && tok[1] == ':' && (tok[0] == 'x' || tok[0] == 'z'))
        return image_fill(img, addr, tok);
    if (!strncmp(tok, "f32:", 4))
        return image_f32(img, addr, tok);
    return image_int(img, addr, tok);
}

enum pvs_err pvs_sunspec_image_parse(const char *text, struct pvs_ss_image *img,
                                     char *msg, size_t msgsize) {
    enum pvs_err rc = PVS_OK;
    uint32_t addr = 40000;
    int line = 1;
    const char *p = text;

    while (*p) {
        char tok[2 * PVS_SS_MAX_MODEL_LEN + 32];
        size_t len = 0;
        if (*p == '\n') {
            line++;
            p++;
            continue;
        }
        if (*p == ' ' || *p == '\t' || *p == '\r') {
            p++;
            continue;
        }
        if (*p == '#') {
            while (*p && *p != '\n')
                p++;
            continue;
        }
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' &&
               *p != '#') {
            if (len + 1 < sizeof(tok))
                tok[len++] = *p;
            p++;
        }
        tok[len] = '\0';
        if (!image_token(img, &addr, tok)) {
            pvs_snprintf(msg, msgsize, "line %d: bad token '%s'", line, tok);
            rc = PVS_ERR_INVAL;
            goto out;
        }
    }
out:
    return rc;
}
