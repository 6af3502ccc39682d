/* SPDX-License-Identifier: MIT */
/*
 * test_modbus_map.c - register maps: bad map configs with their exact
 * "file:line: message" output (tests/data/maps/bad-*.conf and .expected),
 * the shipped maps in deploy/maps, read plans, decoding of every type and
 * word order, and a poll through a fake device.
 */
#include <glob.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "pvs/config.h"
#include "pvs/modbus_conn.h"
#include "pvs/modbus_map.h"

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

/* Load and check path; every error, printed as `pvsentry check` would. */
static char *check_output(const char *path, struct pvs_config **ret_cfg) {
    struct pvs_config *cfg = NULL;
    struct pvs_cfg_errors errs = {0};
    FILE *f = tmpfile();
    char *out;
    long n;

    assert_non_null(f);
    if (pvs_config_load(path, &cfg, &errs) == PVS_OK)
        pvs_modbus_map_check(cfg, &errs);
    pvs_cfg_errors_print(&errs, f);
    pvs_cfg_errors_release(&errs);
    n = ftell(f);
    out = pvs_malloc((size_t)n + 1);
    fseek(f, 0, SEEK_SET);
    if (fread(out, 1, (size_t)n, f) != (size_t)n)
        n = 0;
    out[n] = '\0';
    fclose(f);
    if (ret_cfg)
        *ret_cfg = cfg;
    else
        pvs_config_free(cfg);
    return out;
}

static void test_bad_maps(void **state) {
    glob_t g;
    (void)state;

    /* Paths are relative to the repository: `make unit` runs there. */
    assert_int_equal(glob("tests/data/maps/bad-*.conf", 0, NULL, &g), 0);
    assert_true(g.gl_pathc >= 3);
    for (size_t i = 0; i < g.gl_pathc; i++) {
        char expected_path[512];
        char *got, *want;
        size_t len = strlen(g.gl_pathv[i]);
        pvs_snprintf(expected_path, sizeof(expected_path), "%.*s.expected",
                     (int)(len - 5), g.gl_pathv[i]);
        want = slurp(expected_path);
        if (!want)
            fail_msg("missing %s", expected_path);
        got = check_output(g.gl_pathv[i], NULL);
        if (strcmp(got, want))
            fail_msg("%s:\n--- got\n%s--- want\n%s", g.gl_pathv[i], got, want);
        pvs_free(got);
        pvs_free(want);
    }
    globfree(&g);
}

static void test_shipped_maps(void **state) {
    struct pvs_config *cfg = NULL;
    struct pvs_modbus_map *m = NULL;
    char *out = check_output("tests/data/maps/good-maps.conf", &cfg);
    (void)state;

    assert_string_equal(out, "");
    pvs_free(out);
    assert_non_null(cfg);
    assert_true(cfg->nmaps >= 2);
    for (size_t i = 0; i < cfg->nmaps; i++) {
        assert_int_equal(pvs_modbus_map_new(cfg, cfg->maps[i]->obj.id, &m),
                         PVS_OK);
        assert_true(pvs_modbus_map_size(m) > 0);
        assert_true(pvs_modbus_map_requests(m) <= pvs_modbus_map_size(m));
        pvs_modbus_map_free(m);
    }
    assert_int_equal(pvs_modbus_map_new(cfg, "sma-sunny-boy", &m), PVS_OK);
    /* 30225 | 30529 | 30769..30784 | 30795..30804 | 30953..30962 */
    assert_int_equal(pvs_modbus_map_requests(m), 5);
    assert_int_equal(pvs_modbus_map_size(m), 13);
    pvs_modbus_map_free(m);
    assert_int_equal(pvs_modbus_map_new(cfg, "eastron-sdm630", &m), PVS_OK);
    /* input 0..1 | input 52..53 | input 70..75 */
    assert_int_equal(pvs_modbus_map_requests(m), 3);
    pvs_modbus_map_free(m);
    assert_int_equal(pvs_modbus_map_new(cfg, "nope", &m), PVS_ERR_NOTFOUND);
    assert_null(m);
    pvs_config_free(cfg);
}

static void test_decode(void **state) {
    const uint16_t f_big[2] = {0x4048, 0xf5c3};    /* 3.14f */
    const uint16_t f_little[2] = {0xf5c3, 0x4048}; /* same, words swapped */
    const uint16_t i32[2] = {0xffff, 0xfffe};
    const uint16_t u64[4] = {0, 0, 0x0001, 0x0000};
    const uint16_t i16[1] = {0x8001};
    const uint16_t nan32[2] = {0x7fc0, 0};
    (void)state;

    assert_float_equal(pvs_modbus_map_decode("float32", false, f_big), 3.14,
                       1e-6);
    assert_float_equal(pvs_modbus_map_decode("float32", true, f_little), 3.14,
                       1e-6);
    assert_float_equal(pvs_modbus_map_decode("int32", false, i32), -2, 0);
    assert_float_equal(pvs_modbus_map_decode("uint32", false, i32),
                       4294967294.0, 0);
    assert_float_equal(pvs_modbus_map_decode("uint64", false, u64), 65536, 0);
    assert_float_equal(pvs_modbus_map_decode("int16", false, i16), -32767, 0);
    assert_float_equal(pvs_modbus_map_decode("uint16", false, i16), 32769, 0);
    assert_true(isnan(pvs_modbus_map_decode("float32", false, nan32)));
}

struct fake {
    unsigned requests;
};

/* Register value = its address, input registers as float32 12.5. */
static enum pvs_err fake_read(void *ctx, bool input, uint32_t addr, uint16_t n,
                              uint16_t *out) {
    struct fake *f = ctx;

    f->requests++;
    assert_true(n >= 1 && n <= 125);
    for (uint16_t i = 0; i < n; i++)
        out[i] =
            input ? ((addr + i) % 2 ? 0x0000 : 0x4148) : (uint16_t)(addr + i);
    return PVS_OK;
}

static enum pvs_err fail_read(void *ctx, bool input, uint32_t addr, uint16_t n,
                              uint16_t *out) {
    (void)ctx;
    (void)input;
    (void)addr;
    (void)n;
    (void)out;
    return PVS_ERR_TIMEOUT;
}

static void test_poll(void **state) {
    struct pvs_config *cfg = NULL;
    struct pvs_modbus_map *m = NULL;
    struct pvs_sample s[32];
    struct fake f = {0};
    char *out = check_output("tests/data/maps/good-maps.conf", &cfg);
    (void)state;

    pvs_free(out);
    assert_int_equal(pvs_modbus_map_new(cfg, "huawei-sun2000", &m), PVS_OK);
    assert_int_equal(pvs_modbus_map_poll(m, fake_read, &f, s), PVS_OK);
    assert_int_equal(f.requests, pvs_modbus_map_requests(m));
    for (size_t i = 0; i < pvs_modbus_map_size(m); i++) {
        if (s[i].metric == PVS_M_AC_VOLTAGE_V) {
            assert_float_equal(s[i].value, 3206.9, 1e-9);
            assert_int_equal(s[i].quality, PVS_Q_OK);
        }
        if (s[i].metric == PVS_M_MPPT_CURRENT_A && s[i].idx == 2)
            assert_float_equal(s[i].value, 320.19, 1e-9);
        if (s[i].metric == PVS_M_POWER_FACTOR) {
            assert_float_equal(s[i].value, 32.084, 1e-9);
            assert_int_equal(s[i].quality, PVS_Q_OUT_OF_RANGE);
        }
    }
    assert_int_equal(pvs_modbus_map_poll(m, fail_read, NULL, s),
                     PVS_ERR_TIMEOUT);
    pvs_modbus_map_free(m);

    assert_int_equal(pvs_modbus_map_new(cfg, "eastron-sdm630", &m), PVS_OK);
    assert_int_equal(pvs_modbus_map_poll(m, fake_read, &f, s), PVS_OK);
    for (size_t i = 0; i < pvs_modbus_map_size(m); i++) {
        if (s[i].metric == PVS_M_METER_ENERGY_IMPORT_WH)
            assert_float_equal(s[i].value, 12500, 1e-9);
        if (s[i].metric == PVS_M_METER_POWER_W)
            assert_float_equal(s[i].value, 12.5, 1e-9);
    }
    pvs_modbus_map_free(m);
    pvs_config_free(cfg);
}

static void test_urls(void **state) {
    struct pvs_modbus_url u;
    char msg[160];
    (void)state;

    assert_int_equal(pvs_modbus_url_parse("tcp://192.0.2.10:1502?unit=3", &u,
                                          msg, sizeof(msg)),
                     PVS_OK);
    assert_false(u.rtu);
    assert_string_equal(u.host, "192.0.2.10");
    assert_int_equal(u.port, 1502);
    assert_int_equal(u.unit, 3);
    assert_int_equal(u.timeout_ms, 1000);
    assert_int_equal(
        pvs_modbus_url_parse("tcp://inv.local", &u, msg, sizeof(msg)), PVS_OK);
    assert_int_equal(u.port, 502);
    assert_int_equal(u.unit, 1);
    assert_int_equal(pvs_modbus_url_parse("tcp://[::1]:5020?timeout=250", &u,
                                          msg, sizeof(msg)),
                     PVS_OK);
    assert_string_equal(u.host, "::1");
    assert_int_equal(u.port, 5020);
    assert_int_equal(u.timeout_ms, 250);
    assert_int_equal(
        pvs_modbus_url_parse("rtu:///dev/ttyUSB0?baud=19200&parity=E&unit=7",
                             &u, msg, sizeof(msg)),
        PVS_OK);
    assert_true(u.rtu);
    assert_string_equal(u.device, "/dev/ttyUSB0");
    assert_int_equal(u.baud, 19200);
    assert_int_equal(u.parity, 'E');
    assert_int_equal(u.unit, 7);
    assert_int_equal(u.stop_bits, 1);

    assert_int_equal(pvs_modbus_url_parse("udp://x", &u, msg, sizeof(msg)),
                     PVS_ERR_INVAL);
    assert_string_equal(msg, "unsupported url 'udp://x': expected "
                             "tcp://HOST:PORT or rtu:///dev/TTY");
    assert_int_equal(
        pvs_modbus_url_parse("tcp://h:99999", &u, msg, sizeof(msg)),
        PVS_ERR_INVAL);
    assert_string_equal(msg, "bad port in 'tcp://h:99999': expected 1 to "
                             "65535");
    assert_int_equal(
        pvs_modbus_url_parse("tcp://h?unit=300", &u, msg, sizeof(msg)),
        PVS_ERR_INVAL);
    assert_string_equal(msg, "bad unit '300': expected a number from 0 to 255");
    assert_int_equal(
        pvs_modbus_url_parse("rtu://dev?x=1", &u, msg, sizeof(msg)),
        PVS_ERR_INVAL);
    assert_int_equal(
        pvs_modbus_url_parse("rtu:///dev/x?parity=Q", &u, msg, sizeof(msg)),
        PVS_ERR_INVAL);
    assert_string_equal(msg, "bad parity 'Q': expected N, E or O");
    assert_int_equal(
        pvs_modbus_url_parse("tcp://h?color=red", &u, msg, sizeof(msg)),
        PVS_ERR_INVAL);
    assert_string_equal(msg, "unknown url parameter 'color'");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_maps), cmocka_unit_test(test_shipped_maps),
        cmocka_unit_test(test_decode),   cmocka_unit_test(test_poll),
        cmocka_unit_test(test_urls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
