/* SPDX-License-Identifier: MIT */
/*
 * test_sunspec.c - SunSpec tables, decoding of every point type and its
 * not-implemented value, chain walking, discovery, polling with scale
 * factors that change, and one test per tolerated vendor quirk (each built
 * from a register image in tests/data/sunspec/).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "pvs/sunspec.h"

/* ---- helpers ---- */

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = pvs_malloc((size_t)n + 1);
    if (fread(buf, 1, (size_t)n, f) != (size_t)n)
        n = 0;
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* tests/data/sunspec/NAME, found next to this source file. */
static struct pvs_ss_image *load_image(const char *name) {
    char path[512], msg[128];
    const char *src = __FILE__;
    const char *slash = strrchr(src, '/');
    struct pvs_ss_image *img = pvs_calloc(1, sizeof(*img));
    char *text;

    pvs_snprintf(path, sizeof(path), "%.*s/../data/sunspec/%s",
                 slash ? (int)(slash - src) : 1, slash ? src : ".", name);
    text = slurp(path);
    if (!text)
        fail_msg("cannot read %s", path);
    if (pvs_sunspec_image_parse(text, img, msg, sizeof(msg)))
        fail_msg("%s: %s", path, msg);
    pvs_free(text);
    return img;
}

static struct pvs_ss_image *parse_image(const char *text) {
    struct pvs_ss_image *img = pvs_calloc(1, sizeof(*img));
    char msg[128];

    if (pvs_sunspec_image_parse(text, img, msg, sizeof(msg)))
        fail_msg("image: %s", msg);
    return img;
}

static struct pvs_ss_device *discover(struct pvs_ss_image *img) {
    struct pvs_ss_device *d = NULL;

    assert_int_equal(pvs_sunspec_discover(pvs_sunspec_image_read, img, &d),
                     PVS_OK);
    assert_non_null(d);
    return d;
}

static const struct pvs_ss_metric *find_metric(const struct pvs_ss_metric *m,
                                               size_t n, enum pvs_metric metric,
                                               unsigned idx) {
    for (size_t i = 0; i < n; i++)
        if (m[i].metric == metric && m[i].idx == idx)
            return &m[i];
    return NULL;
}

static void assert_metric(const struct pvs_ss_metric *m, size_t n,
                          enum pvs_metric metric, unsigned idx, double want) {
    const struct pvs_ss_metric *x = find_metric(m, n, metric, idx);
    char name[64];

    pvs_metric_name(metric, idx, name, sizeof(name));
    if (!x)
        fail_msg("metric %s missing", name);
    if (x->quality != PVS_Q_OK)
        fail_msg("metric %s quality %d", name, x->quality);
    if (fabs(x->value - want) > 1e-9 * (fabs(want) + 1))
        fail_msg("metric %s = %.10g, want %.10g", name, x->value, want);
}

static void assert_metric_ni(const struct pvs_ss_metric *m, size_t n,
                             enum pvs_metric metric) {
    const struct pvs_ss_metric *x = find_metric(m, n, metric, 0);

    assert_non_null(x);
    assert_int_equal(x->quality, PVS_Q_NOT_IMPLEMENTED);
    assert_true(isnan(x->value));
}

static size_t metrics(struct pvs_ss_device *d, struct pvs_ss_metric *out) {
    return pvs_sunspec_metrics(d, out, PVS_SS_MAX_BINDINGS);
}

/* ---- tables ---- */

static void test_tables(void **state) {
    const struct pvs_ss_model *m;
    (void)state;

    /* Every official JSON definition is generated, sorted by id. */
    assert_true(pvs_sunspec_nmodels >= 112);
    for (size_t i = 1; i < pvs_sunspec_nmodels; i++)
        assert_true(pvs_sunspec_models[i - 1].id < pvs_sunspec_models[i].id);
    for (size_t i = 0; i < pvs_sunspec_nmodels; i++) {
        const struct pvs_ss_group *g = pvs_sunspec_models[i].group;
        assert_string_equal(g->points[0].name, "ID");
        assert_string_equal(g->points[1].name, "L");
    }
    m = pvs_sunspec_model_find(1);
    assert_non_null(m);
    assert_int_equal(m->group->len, 68);
    m = pvs_sunspec_model_find(103);
    assert_non_null(m);
    assert_int_equal(m->group->len, 52);
    m = pvs_sunspec_model_find(160);
    assert_int_equal(m->group->ngroups, 1);
    assert_int_equal(m->group->groups[0].count, PVS_SS_COUNT_FILL);
    assert_int_equal(m->group->groups[0].len, 20);
    m = pvs_sunspec_model_find(705);
    assert_int_equal(m->group->groups[0].count, PVS_SS_COUNT_POINT);
    assert_int_equal(m->group->groups[0].groups[0].count, PVS_SS_COUNT_POINT);
    assert_null(pvs_sunspec_model_find(100));
    assert_null(pvs_sunspec_model_find(65535));
    assert_non_null(pvs_sunspec_model_find(63001));
    assert_non_null(pvs_sunspec_model_find(64001));
}

/* ---- decoding: every type and every not-implemented value ---- */

struct dcase {
    uint8_t type;
    uint16_t size;
    uint16_t regs[8];
    enum pvs_ss_vkind kind;
    double num;
    const char *str;
};

static void run_decode(const struct dcase *c, int sf) {
    struct pvs_ss_point pt = {
        .name = "X", .size = c->size, .type = c->type, .sf_up = -1};
    uint16_t regs[16] = {0};
    struct pvs_ss_model_data m = {
        .id = 63001, .len = 14, .avail = 16, .regs = regs};
    struct pvs_ss_point_ref ref = {
        .m = &m, .pt = &pt, .off = 2, .sf_off = -1, .readable = true};
    struct pvs_ss_value v;

    memcpy(regs + 2, c->regs, c->size * sizeof(uint16_t));
    if (sf != 0) {
        regs[12] = (uint16_t)(int16_t)sf;
        ref.sf_off = 12;
    }
    pvs_sunspec_decode(&ref, &v, NULL);
    if (v.kind != c->kind)
        fail_msg("type %u regs %04x: kind %d, want %d", c->type, c->regs[0],
                 v.kind, c->kind);
    if (c->kind == PVS_SS_V_NUMBER || c->kind == PVS_SS_V_SF)
        assert_float_equal(v.num, c->num, 1e-9 * (fabs(c->num) + 1));
    if (c->kind == PVS_SS_V_ENUM || c->kind == PVS_SS_V_BITS)
        assert_float_equal((double)v.bits, c->num, 0);
    if (c->str)
        assert_string_equal(v.str, c->str);
}

/* Every point type, with a value and with its "not implemented" mark. */
static const struct dcase decode_cases[] = {
    {PVS_SS_INT16, 1, {0xfffe}, PVS_SS_V_NUMBER, -2, NULL},
    {PVS_SS_INT16, 1, {0x8000}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_UINT16, 1, {0xfff4}, PVS_SS_V_NUMBER, 65524, NULL},
    {PVS_SS_UINT16, 1, {0xffff}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_COUNT, 1, {3}, PVS_SS_V_NUMBER, 3, NULL},
    {PVS_SS_COUNT, 1, {0xffff}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_ACC16, 1, {7}, PVS_SS_V_NUMBER, 7, NULL},
    {PVS_SS_ACC16, 1, {0}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_INT32, 2, {0xffff, 0xfffe}, PVS_SS_V_NUMBER, -2, NULL},
    {PVS_SS_INT32, 2, {0x8000, 0x0000}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_UINT32, 2, {0x0001, 0x0002}, PVS_SS_V_NUMBER, 65538, NULL},
    {PVS_SS_UINT32, 2, {0xffff, 0xffff}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_ACC32, 2, {0x0012, 0xd687}, PVS_SS_V_NUMBER, 1234567, NULL},
    {PVS_SS_ACC32, 2, {0, 0}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_INT64,
     4,
     {0xffff, 0xffff, 0xffff, 0xfffd},
     PVS_SS_V_NUMBER,
     -3,
     NULL},
    {PVS_SS_INT64, 4, {0x8000, 0, 0, 0}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_UINT64, 4, {0, 0, 1, 0}, PVS_SS_V_NUMBER, 65536, NULL},
    {PVS_SS_UINT64, 4, {0xffff, 0xffff, 0xffff, 0xffff}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_ACC64, 4, {0, 0, 0, 42}, PVS_SS_V_NUMBER, 42, NULL},
    {PVS_SS_ACC64, 4, {0, 0, 0, 0}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_ENUM16, 1, {4}, PVS_SS_V_ENUM, 4, NULL},
    {PVS_SS_ENUM16, 1, {0xffff}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_ENUM32, 2, {0, 9}, PVS_SS_V_ENUM, 9, NULL},
    {PVS_SS_ENUM32, 2, {0xffff, 0xffff}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_BITFIELD16, 1, {0x0005}, PVS_SS_V_BITS, 5, NULL},
    {PVS_SS_BITFIELD16, 1, {0xffff}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_BITFIELD32, 2, {0x8000, 0x0001}, PVS_SS_V_BITS, 2147483649.0, NULL},
    {PVS_SS_BITFIELD32, 2, {0xffff, 0xffff}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_FLOAT32, 2, {0x4048, 0xf5c3}, PVS_SS_V_NUMBER, 3.1400001049, NULL},
    {PVS_SS_FLOAT32, 2, {0x7fc0, 0x0000}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_FLOAT32, 2, {0xffc0, 0x0001}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_STRING,
     4,
     {0x6162, 0x6300, 0x7878, 0x7878},
     PVS_SS_V_STRING,
     0,
     "abc"},
    {PVS_SS_STRING, 4, {0, 0, 0, 0}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_SUNSSF, 1, {0xfffd}, PVS_SS_V_SF, -3, NULL},
    {PVS_SS_SUNSSF, 1, {0x8000}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_SUNSSF, 1, {11}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_PAD, 1, {0x8000}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_IPADDR, 2, {0xc000, 0x020a}, PVS_SS_V_STRING, 0, "192.0.2.10"},
    {PVS_SS_IPADDR, 2, {0, 0}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_IPV6ADDR,
     8,
     {0x2001, 0xdb8, 0, 0, 0, 0, 0, 1},
     PVS_SS_V_STRING,
     0,
     "2001:db8:0:0:0:0:0:1"},
    {PVS_SS_IPV6ADDR, 8, {0}, PVS_SS_V_NI, 0, NULL},
    {PVS_SS_EUI48,
     4,
     {0, 0x0011, 0x2233, 0x4455},
     PVS_SS_V_STRING,
     0,
     "00:11:22:33:44:55"},
    {PVS_SS_EUI48, 4, {0xffff, 0xffff, 0xffff, 0xffff}, PVS_SS_V_NI, 0, NULL},
};

static void test_decode_types(void **state) {
    (void)state;

    for (size_t i = 0; i < PVS_ARRAY_LEN(decode_cases); i++)
        run_decode(&decode_cases[i], 0);
}

static void test_decode_scale(void **state) {
    static const struct dcase scaled[] = {
        {PVS_SS_INT16, 1, {985}, PVS_SS_V_NUMBER, 0.985, NULL},
        {PVS_SS_UINT32, 2, {0, 1234}, PVS_SS_V_NUMBER, 1.234, NULL},
    };
    struct pvs_ss_point pt = {
        .name = "W", .size = 1, .type = PVS_SS_INT16, .sf_up = 0};
    uint16_t regs[4] = {0, 0, 1234, 0x8000};
    struct pvs_ss_model_data m = {
        .id = 101, .len = 2, .avail = 4, .regs = regs};
    struct pvs_ss_point_ref ref = {
        .m = &m, .pt = &pt, .off = 2, .sf_off = 3, .readable = true};
    struct pvs_ss_value v;
    (void)state;

    for (size_t i = 0; i < PVS_ARRAY_LEN(scaled); i++)
        run_decode(&scaled[i], -3);
    /* A scale factor of 0x8000 makes its value "not implemented". */
    pvs_sunspec_decode(&ref, &v, NULL);
    assert_int_equal(v.kind, PVS_SS_V_NI);
    regs[3] = 2;
    pvs_sunspec_decode(&ref, &v, NULL);
    assert_int_equal(v.kind, PVS_SS_V_NUMBER);
    assert_float_equal(v.num, 123400, 0);
    /* A fixed scale factor from the definition. */
    pt.has_sf_fixed = true;
    pt.sf_fixed = -1;
    pvs_sunspec_decode(&ref, &v, NULL);
    assert_float_equal(v.num, 123.4, 1e-9);
    /* A point beyond what could be read is not implemented. */
    ref.readable = false;
    pvs_sunspec_decode(&ref, &v, NULL);
    assert_int_equal(v.kind, PVS_SS_V_NI);
}

/* ---- discovery and chain walking ---- */

#define COMMON                                                                 \
    "s:2:SunS 1 66 s:16:Maker s:16:Model s:8:opt s:8:1.2 s:16:SN42 1 0x8000 "

static void test_discover_bases(void **state) {
    static const char *const texts[] = {
        "@40000 " COMMON "0xffff 0",
        "@0 " COMMON "0xffff 0",
        "@50000 " COMMON "0xffff 0",
    };
    static const uint32_t want[] = {40000, 0, 50000};
    (void)state;

    for (size_t i = 0; i < 3; i++) {
        struct pvs_ss_image *img = parse_image(texts[i]);
        struct pvs_ss_device *d = discover(img);
        assert_int_equal(d->base, want[i]);
        assert_int_equal(d->nmodels, 1);
        assert_int_equal(d->models[0].id, 1);
        assert_int_equal(d->models[0].len, 66);
        assert_string_equal(d->manufacturer, "Maker");
        assert_string_equal(d->model, "Model");
        assert_string_equal(d->serial, "SN42");
        assert_string_equal(d->version, "1.2");
        assert_int_equal(d->quirks, 0);
        pvs_sunspec_device_free(d);
        pvs_free(img);
    }
}

static enum pvs_err read_timeout(void *ctx, uint32_t addr, uint16_t n,
                                 uint16_t *out) {
    (void)ctx;
    (void)addr;
    (void)n;
    (void)out;
    return PVS_ERR_TIMEOUT;
}

static void test_discover_errors(void **state) {
    struct pvs_ss_image *img = pvs_calloc(1, sizeof(*img));
    struct pvs_ss_device *d = (void *)1;
    (void)state;

    /* Nothing mapped: exceptions at all three bases. */
    assert_int_equal(pvs_sunspec_discover(pvs_sunspec_image_read, img, &d),
                     PVS_ERR_PROTO);
    assert_null(d);
    /* Registers, but no marker: a register map device. */
    pvs_free(img);
    img = parse_image("@40000 1 2 3 4 @0 0 0");
    assert_int_equal(pvs_sunspec_discover(pvs_sunspec_image_read, img, &d),
                     PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_sunspec_discover(read_timeout, NULL, &d),
                     PVS_ERR_TIMEOUT);
    pvs_free(img);
}

struct count_ctx {
    unsigned groups[8];
    unsigned points;
    const char *last_group;
};

static void count_group(void *ctx, const struct pvs_ss_group *g, unsigned index,
                        unsigned count) {
    struct count_ctx *c = ctx;
    (void)index;
    (void)count;
    if (!strcmp(g->name, "module") || !strcmp(g->name, "Crv"))
        c->groups[0]++;
    if (!strcmp(g->name, "Pt"))
        c->groups[1]++;
}

static void count_point(void *ctx, const struct pvs_ss_point_ref *ref,
                        const struct pvs_ss_value *v) {
    struct count_ctx *c = ctx;
    (void)ref;
    if (v->kind != PVS_SS_V_NI)
        c->points++;
}

static void test_chain_repeating(void **state) {
    /* Inverter 101, MPPT 160 with 3 modules, volt-var 705 with 2 curves of
     * 3 points each, then the end marker. */
    const char *text =
        "@40000 " COMMON
        "101 50 240 240 0xffff 0xffff -1 0xffff 0xffff 0xffff 2301 0xffff "
        "0xffff -1 5520 0 5001 -2 5600 0 120 0 985 -3 u32:12345678 0 152 -1 "
        "3801 -1 5780 0 452 611 0x8000 0x8000 -1 7 0xffff u32:6 u32:0 u32:0 "
        "x:2 x:2 x:2 "
        /* 160: 8 fixed + 3 x 20 */
        "160 68 -2 -1 0 0 u32:0 3 0xffff "
        "1 s:8:str1 510 3801 1938 u32:1000 u32:0 0x8000 4 u32:0 "
        "2 s:8:str2 505 3792 1915 u32:1000 u32:0 0x8000 4 u32:0 "
        "3 s:8:str3 0xffff 0xffff 0xffff u32:0 u32:0 0x8000 4 u32:0 "
        /* 705: 13 fixed - 2 (ID/L) = 11; NPt = 3, NCrv = 2; each curve is
         * 10 registers + 3 x 2 */
        "705 45 1 0 0 3 2 u32:0 u32:0 1 -1 0 0 "
        "3 0 0 2300 0 0 0 u32:10 1 9200 100 10000 0 10800 -100 "
        "3 0 0 2300 0 0 0 u32:10 1 9200 200 10000 0 10800 -200 "
        "0xffff 0";
    struct pvs_ss_image *img = parse_image(text);
    struct pvs_ss_device *d = discover(img);
    struct pvs_ss_metric m[PVS_SS_MAX_BINDINGS];
    static const struct pvs_ss_visitor vis = {.group_begin = count_group,
                                              .point = count_point};
    struct count_ctx cc = {0};
    size_t n;
    (void)state;

    assert_int_equal(d->nmodels, 4);
    assert_int_equal(d->models[1].id, 101);
    assert_int_equal(d->models[2].id, 160);
    assert_int_equal(d->models[3].id, 705);
    assert_int_equal(d->quirks, 0);
    pvs_sunspec_walk(&d->models[2], &vis, &cc, NULL);
    assert_int_equal(cc.groups[0], 3);
    memset(&cc, 0, sizeof(cc));
    pvs_sunspec_walk(&d->models[3], &vis, &cc, NULL);
    assert_int_equal(cc.groups[0], 2);
    assert_int_equal(cc.groups[1], 6);

    n = metrics(d, m);
    assert_metric(m, n, PVS_M_AC_POWER_W, 0, 5520);
    assert_metric(m, n, PVS_M_AC_ENERGY_WH, 0, 12345678);
    assert_metric(m, n, PVS_M_AC_CURRENT_A, 0, 24.0);
    assert_metric(m, n, PVS_M_AC_VOLTAGE_V, 0, 230.1);
    assert_metric(m, n, PVS_M_AC_FREQUENCY_HZ, 0, 50.01);
    assert_metric(m, n, PVS_M_POWER_FACTOR, 0, 0.985);
    assert_metric(m, n, PVS_M_DC_CURRENT_A, 0, 15.2);
    assert_metric(m, n, PVS_M_DC_VOLTAGE_V, 0, 380.1);
    assert_metric(m, n, PVS_M_DC_POWER_W, 0, 5780);
    assert_metric(m, n, PVS_M_TEMP_CABINET_C, 0, 45.2);
    assert_metric(m, n, PVS_M_TEMP_HEATSINK_C, 0, 61.1);
    assert_metric(m, n, PVS_M_STATE, 0, PVS_ST_FAULT);
    assert_metric(m, n, PVS_M_EVENT_BITS, 0, 6);
    assert_metric(m, n, PVS_M_MPPT_CURRENT_A, 1, 5.10);
    assert_metric(m, n, PVS_M_MPPT_VOLTAGE_V, 1, 380.1);
    assert_metric(m, n, PVS_M_MPPT_POWER_W, 1, 1938);
    assert_metric(m, n, PVS_M_MPPT_POWER_W, 2, 1915);
    {
        const struct pvs_ss_metric *x =
            find_metric(m, n, PVS_M_MPPT_POWER_W, 3);
        char names[128];
        assert_non_null(x);
        assert_int_equal(x->quality, PVS_Q_NOT_IMPLEMENTED);
        x = find_metric(m, n, PVS_M_EVENT_BITS, 0);
        pvs_sunspec_bit_names(x->pt, 6, names, sizeof(names));
        assert_string_equal(names, "DC_OVER_VOLT,AC_DISCONNECT");
    }
    /* No device point for these: absent, not "not implemented". */
    assert_null(find_metric(m, n, PVS_M_METER_POWER_W, 0));
    assert_null(find_metric(m, n, PVS_M_MPPT_POWER_W, 4));
    pvs_sunspec_device_free(d);
    pvs_free(img);
}

/* ---- polling ---- */

struct flip_ctx {
    struct pvs_ss_image *img;
    uint32_t sf_addr;
    unsigned reads;
    unsigned flips; /* flip the scale factor on this many sf reads */
};

/* Changes W_SF of model 701 each time the scale factors are read. */
static enum pvs_err read_flip(void *ctx, uint32_t addr, uint16_t n,
                              uint16_t *out) {
    struct flip_ctx *f = ctx;
    enum pvs_err rc = pvs_sunspec_image_read(f->img, addr, n, out);

    f->reads++;
    if (!rc && addr <= f->sf_addr && f->sf_addr < addr + n && n < 20 &&
        f->flips > 0) {
        f->flips--;
        f->img->regs[f->sf_addr] ^= 1; /* W_SF 0 <-> 1 */
    }
    return rc;
}

static void test_refresh_scale_change(void **state) {
    /* 701 is 153 registers: too long for one request. */
    const char *text =
        "@40000 " COMMON "701 153 2 1 2 1 u32:0 u32:0 9800 10000 200 985 411 "
        "2400 2400 u32:60010 u64:150 z:87 100 u32:0 "
        "-1 -1 -3 0 -3 0 0 0 0 -1 z:32 0xffff 0";
    struct pvs_ss_image *img = parse_image(text);
    struct pvs_ss_device *d = discover(img);
    struct pvs_ss_metric m[PVS_SS_MAX_BINDINGS];
    struct flip_ctx f = {.img = img};
    size_t n;
    (void)state;

    assert_int_equal(d->nmodels, 2);
    assert_int_equal(d->models[1].len, 153);
    n = metrics(d, m);
    assert_metric(m, n, PVS_M_AC_POWER_W, 0, 9800);
    assert_metric(m, n, PVS_M_POWER_FACTOR, 0, 0.985);
    assert_metric(m, n, PVS_M_AC_FREQUENCY_HZ, 0, 60.010);
    assert_metric(m, n, PVS_M_STATE, 0, PVS_ST_STARTING);
    assert_metric(m, n, PVS_M_AC_ENERGY_WH, 0, 150);

    /* W_SF changes once while polling: the poll reads again and the
     * result is consistent (never old values with the new factor). */
    f.sf_addr = d->models[1].addr + 2 + 114;
    f.flips = 1;
    assert_int_equal(pvs_sunspec_refresh(d, read_flip, &f), PVS_OK);
    n = metrics(d, m);
    assert_metric(m, n, PVS_M_AC_POWER_W, 0, 98000);
    assert_true(f.reads > 4);
    /* Changing on every read: give up with an error, keep old data. */
    f.flips = 100;
    assert_int_equal(pvs_sunspec_refresh(d, read_flip, &f), PVS_ERR_PROTO);
    n = metrics(d, m);
    assert_metric(m, n, PVS_M_AC_POWER_W, 0, 98000);

    /* A different layout (model replaced) asks for a new discovery. */
    img->regs[d->models[1].addr] = 702;
    assert_int_equal(pvs_sunspec_refresh(d, pvs_sunspec_image_read, img),
                     PVS_ERR_NOTFOUND);
    pvs_sunspec_device_free(d);
    pvs_free(img);
}

static void test_refresh_small(void **state) {
    struct pvs_ss_image *img = load_image("inverter_pf_negative.regs");
    struct pvs_ss_device *d = discover(img);
    struct pvs_ss_metric m[PVS_SS_MAX_BINDINGS];
    size_t n;
    (void)state;

    /* W register of 101 (offset 14 from the model's ID) */
    img->regs[d->models[1].addr + 14] = 4000;
    assert_int_equal(pvs_sunspec_refresh(d, pvs_sunspec_image_read, img),
                     PVS_OK);
    n = metrics(d, m);
    assert_metric(m, n, PVS_M_AC_POWER_W, 0, 4000);
    assert_int_equal(pvs_sunspec_refresh(d, read_timeout, NULL),
                     PVS_ERR_TIMEOUT);
    pvs_sunspec_device_free(d);
    pvs_free(img);
}

/* ---- quirks, one register image each ---- */

static void test_quirk_pf_percent(void **state) {
    struct pvs_ss_image *img = load_image("inverter_pf_percent.regs");
    struct pvs_ss_device *d = discover(img);
    struct pvs_ss_metric m[PVS_SS_MAX_BINDINGS];
    size_t n = metrics(d, m);
    (void)state;

    assert_metric(m, n, PVS_M_POWER_FACTOR, 0, 0.985);
    assert_metric(m, n, PVS_M_AC_POWER_W, 0, 5520);
    assert_metric(m, n, PVS_M_AC_VOLTAGE_V, 0, 230.1);
    assert_metric(m, n, PVS_M_STATE, 0, PVS_ST_MPPT);
    assert_true(d->quirks & PVS_SSQ_PF_PERCENT);
    assert_false(d->quirks & PVS_SSQ_PF_NEG_PRODUCING);
    pvs_sunspec_device_free(d);
    pvs_free(img);
}

static void test_quirk_pf_negative(void **state) {
    struct pvs_ss_image *img = load_image("inverter_pf_negative.regs");
    struct pvs_ss_device *d = discover(img);
    struct pvs_ss_metric m[PVS_SS_MAX_BINDINGS];
    size_t n = metrics(d, m);
    (void)state;

    assert_metric(m, n, PVS_M_POWER_FACTOR, 0, -0.998);
    assert_true(d->quirks & PVS_SSQ_PF_NEG_PRODUCING);
    assert_false(d->quirks & PVS_SSQ_PF_PERCENT);
    pvs_sunspec_device_free(d);
    pvs_free(img);
}

static void test_quirk_common_len_65(void **state) {
    struct pvs_ss_image *img = load_image("common_len_65.regs");
    struct pvs_ss_device *d = discover(img);
    struct pvs_ss_metric m[PVS_SS_MAX_BINDINGS];
    size_t n = metrics(d, m);
    (void)state;

    assert_true(d->quirks & PVS_SSQ_COMMON_LEN_65);
    assert_int_equal(d->nmodels, 2);
    assert_int_equal(d->models[0].len, 65);
    assert_int_equal(d->models[1].id, 101);
    assert_int_equal(d->models[1].addr, 40000 + 2 + 2 + 65);
    assert_string_equal(d->manufacturer, "SolarEdge");
    assert_string_equal(d->serial, "7F123456");
    assert_metric(m, n, PVS_M_AC_POWER_W, 0, 3100);
    assert_metric(m, n, PVS_M_AC_VOLTAGE_V, 0, 230.10);
    assert_metric_ni(m, n, PVS_M_POWER_FACTOR);
    assert_metric_ni(m, n, PVS_M_TEMP_CABINET_C);
    pvs_sunspec_device_free(d);
    pvs_free(img);
}

static void test_quirk_chain_ends(void **state) {
    struct pvs_ss_image *img = load_image("chain_end_zero.regs");
    struct pvs_ss_device *d = discover(img);
    (void)state;

    assert_int_equal(d->nmodels, 1);
    assert_true(d->quirks & PVS_SSQ_END_ZERO);
    pvs_sunspec_device_free(d);
    pvs_free(img);

    img = load_image("chain_end_exception.regs");
    d = discover(img);
    assert_int_equal(d->nmodels, 1);
    assert_true(d->quirks & PVS_SSQ_END_EXCEPTION);
    assert_string_equal(d->serial, "SN-0001");
    pvs_sunspec_device_free(d);
    pvs_free(img);
}

static void test_quirk_len_past_map(void **state) {
    struct pvs_ss_image *img = load_image("len_past_map.regs");
    struct pvs_ss_device *d = discover(img);
    struct pvs_ss_metric m[PVS_SS_MAX_BINDINGS];
    size_t n;
    (void)state;

    assert_true(d->quirks & PVS_SSQ_LEN_PAST_MAP);
    assert_int_equal(d->nmodels, 2);
    assert_int_equal(d->models[1].len, 50);
    assert_int_equal(d->models[1].avail, 2 + 30);
    n = metrics(d, m);
    assert_metric(m, n, PVS_M_AC_POWER_W, 0, 5520);
    assert_metric(m, n, PVS_M_DC_VOLTAGE_V, 0, 380.1);
    assert_metric_ni(m, n, PVS_M_DC_POWER_W);
    assert_metric_ni(m, n, PVS_M_STATE);
    /* Polling reads only what exists. */
    assert_int_equal(pvs_sunspec_refresh(d, pvs_sunspec_image_read, img),
                     PVS_OK);
    pvs_sunspec_device_free(d);
    pvs_free(img);
}

static void test_quirk_evt_all_ones(void **state) {
    struct pvs_ss_image *img = load_image("evt_all_ones.regs");
    struct pvs_ss_device *d = discover(img);
    struct pvs_ss_metric m[PVS_SS_MAX_BINDINGS];
    size_t n = metrics(d, m);
    (void)state;

    assert_true(d->quirks & PVS_SSQ_EVT_ALL_ONES);
    assert_metric_ni(m, n, PVS_M_EVENT_BITS);
    assert_metric_ni(m, n, PVS_M_VENDOR_EVENT);
    assert_metric_ni(m, n, PVS_M_POWER_FACTOR);
    assert_metric(m, n, PVS_M_STATE, 0, PVS_ST_SLEEPING);
    assert_metric(m, n, PVS_M_AC_POWER_W, 0, 0);
    pvs_sunspec_device_free(d);
    pvs_free(img);
}

static void test_quirk_meter_ll_zero(void **state) {
    struct pvs_ss_image *img = load_image("meter_ll_zero.regs");
    struct pvs_ss_device *d = discover(img);
    struct pvs_ss_metric m[PVS_SS_MAX_BINDINGS];
    struct pvs_ss_value v;
    size_t n = metrics(d, m);
    (void)state;

    assert_int_equal(d->nmodels, 3);
    assert_int_equal(d->models[2].id, 203);
    assert_true(d->quirks & PVS_SSQ_LL_VOLTAGE_ZERO);
    assert_true(pvs_sunspec_point(&d->models[2], "PhVphAB", &v));
    assert_int_equal(v.kind, PVS_SS_V_NI);
    assert_true(pvs_sunspec_point(&d->models[2], "PPV", &v));
    assert_int_equal(v.kind, PVS_SS_V_NI);
    assert_true(pvs_sunspec_point(&d->models[2], "PhVphA", &v));
    assert_float_equal(v.num, 230.0, 1e-9);
    assert_metric(m, n, PVS_M_METER_POWER_W, 0, -1500);
    assert_metric(m, n, PVS_M_METER_ENERGY_EXPORT_WH, 0, 4500000);
    assert_metric(m, n, PVS_M_METER_ENERGY_IMPORT_WH, 0, 2100000);
    assert_metric(m, n, PVS_M_AC_POWER_W, 0, 5520);
    pvs_sunspec_device_free(d);
    pvs_free(img);
}

static void test_quirk_float_nan(void **state) {
    struct pvs_ss_image *img = load_image("float_nan.regs");
    struct pvs_ss_device *d = discover(img);
    struct pvs_ss_metric m[PVS_SS_MAX_BINDINGS];
    size_t n = metrics(d, m);
    (void)state;

    assert_true(d->quirks & PVS_SSQ_FLOAT_NAN);
    assert_metric(m, n, PVS_M_AC_POWER_W, 0, 5520);
    assert_metric(m, n, PVS_M_AC_VOLTAGE_V, 0, (double)230.1f);
    assert_metric(m, n, PVS_M_AC_ENERGY_WH, 0, 12345678);
    assert_metric_ni(m, n, PVS_M_POWER_FACTOR);
    assert_metric_ni(m, n, PVS_M_TEMP_CABINET_C);
    assert_metric(m, n, PVS_M_STATE, 0, PVS_ST_MPPT);
    pvs_sunspec_device_free(d);
    pvs_free(img);
}

static void test_quirk_names(void **state) {
    (void)state;
    for (unsigned b = 0; b < PVS_SSQ__COUNT; b++) {
        assert_non_null(pvs_sunspec_quirk_name(b));
        assert_true(strlen(pvs_sunspec_quirk_text(b)) > 10);
    }
    assert_string_equal(pvs_sunspec_quirk_name(0), "common_len_65");
}

static void test_image_parse_errors(void **state) {
    struct pvs_ss_image *img = pvs_calloc(1, sizeof(*img));
    char msg[128];
    (void)state;

    assert_int_equal(
        pvs_sunspec_image_parse("1 2\n 3 zz", img, msg, sizeof(msg)),
        PVS_ERR_INVAL);
    assert_string_equal(msg, "line 2: bad token 'zz'");
    assert_int_equal(pvs_sunspec_image_parse("70000", img, msg, sizeof(msg)),
                     PVS_ERR_INVAL);
    assert_int_equal(pvs_sunspec_image_parse("s:1:abc", img, msg, sizeof(msg)),
                     PVS_ERR_INVAL);
    assert_int_equal(
        pvs_sunspec_image_parse("@65535 1 2", img, msg, sizeof(msg)),
        PVS_ERR_INVAL);
    pvs_free(img);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tables),
        cmocka_unit_test(test_decode_types),
        cmocka_unit_test(test_decode_scale),
        cmocka_unit_test(test_discover_bases),
        cmocka_unit_test(test_discover_errors),
        cmocka_unit_test(test_chain_repeating),
        cmocka_unit_test(test_refresh_scale_change),
        cmocka_unit_test(test_refresh_small),
        cmocka_unit_test(test_quirk_pf_percent),
        cmocka_unit_test(test_quirk_pf_negative),
        cmocka_unit_test(test_quirk_common_len_65),
        cmocka_unit_test(test_quirk_chain_ends),
        cmocka_unit_test(test_quirk_len_past_map),
        cmocka_unit_test(test_quirk_evt_all_ones),
        cmocka_unit_test(test_quirk_meter_ll_zero),
        cmocka_unit_test(test_quirk_float_nan),
        cmocka_unit_test(test_quirk_names),
        cmocka_unit_test(test_image_parse_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
