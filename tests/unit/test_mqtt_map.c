/* SPDX-License-Identifier: MIT */
/*
 * test_mqtt_map.c - MQTT topic and payload mapping, with garbage: every
 * input is either turned into valid samples or rejected with a reason,
 * never crashes, never yields a non-finite value.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <cjson/cJSON.h>

#include "pvs/clock.h"
#include "pvs/mqtt.h"

#define NOW 1732780800000LL

#include "../common/mqtt_ref.h"

static struct pvs_config *cfg;
static struct pvs_mqtt_map *map;

static int setup(void **state) {
    char path[] = "/tmp/pvs-mqtt-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    struct pvs_cfg_errors errs;

    (void)state;
    fputs("[site \"s1\"]\nlatitude = 45\nlongitude = 4\n"
          "[site \"s2\"]\nlatitude = 45\nlongitude = 4\n"
          "[device \"inv1\"]\nsite = s1\n[device \"inv2\"]\nsite = s1\n"
          "[device \"m1\"]\nsite = s2\nkind = meter\n",
          f);
    fclose(f);
    memset(&errs, 0, sizeof(errs));
    if (pvs_config_load(path, &cfg, &errs))
        return -1;
    unlink(path);
    map = pvs_mqtt_map_new(cfg);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    pvs_mqtt_map_free(map);
    pvs_config_free(cfg);
    return 0;
}

static enum pvs_mqtt_result parse(const char *topic, const char *payload,
                                  struct pvs_msg **m, size_t *unknown) {
    char why[160];

    *m = NULL;
    return pvs_mqtt_map_parse(map, topic, payload, strlen(payload), NOW, m,
                              unknown, why, sizeof(why));
}

static enum pvs_mqtt_result parse_len(const char *topic, const char *payload,
                                      size_t len, struct pvs_msg **m,
                                      size_t *unknown, char *why,
                                      size_t whysize) {
    /* An exact-size copy, as Paho's: ASan sees a read past the end. */
    char *copy = len ? pvs_malloc(len) : NULL;
    enum pvs_mqtt_result r;

    if (len)
        memcpy(copy, payload, len);
    *m = NULL;
    r = pvs_mqtt_map_parse(map, topic, copy, len, NOW, m, unknown, why,
                           whysize);
    pvs_free(copy);
    return r;
}

static void test_json(void **state) {
    struct pvs_msg *m;
    size_t unk;

    (void)state;
    assert_int_equal(parse("pvsentry/s1/inv2",
                           "{\"ts\": 1732780800, \"ac_power_w\": 2350, "
                           "\"state\": \"mppt\", \"mppt2_voltage_v\": 410.5, "
                           "\"colour\": \"red\", \"temp_heatsink_c\": "
                           "\"hot\"}",
                           &m, &unk),
                     PVS_MQTT_OK);
    assert_int_equal(unk, 2);
    assert_int_equal(m->nsamples, 3);
    assert_int_equal(m->samples[0].dev, 1);
    assert_int_equal(m->samples[0].metric, PVS_M_AC_POWER_W);
    assert_true(m->samples[0].value == 2350);
    assert_int_equal(m->samples[0].ts_ms, 1732780800000LL);
    assert_int_equal(m->samples[1].metric, PVS_M_STATE);
    assert_true(m->samples[1].value == PVS_ST_MPPT);
    assert_int_equal(m->samples[2].metric, PVS_M_MPPT_VOLTAGE_V);
    assert_int_equal(m->samples[2].idx, 2);
    pvs_msg_free(m);

    /* No ts: arrival time. ISO ts with an offset. ts in ms. */
    assert_int_equal(parse("pvsentry/s1/inv1", "{\"ac_power_w\": 1}", &m, &unk),
                     PVS_MQTT_OK);
    assert_int_equal(m->samples[0].ts_ms, NOW);
    pvs_msg_free(m);
    assert_int_equal(parse("pvsentry/s1/inv1",
                           "{\"ts\": \"2024-11-28T09:00:00+01:00\", "
                           "\"ac_power_w\": 1}",
                           &m, &unk),
                     PVS_MQTT_OK);
    assert_int_equal(m->samples[0].ts_ms, 1732780800000LL);
    pvs_msg_free(m);
    assert_int_equal(parse("pvsentry/s1/inv1",
                           "{\"ts\": 1732780800500, \"ac_power_w\": 1}", &m,
                           &unk),
                     PVS_MQTT_OK);
    assert_int_equal(m->samples[0].ts_ms, 1732780800500LL);
    pvs_msg_free(m);
}

static void test_flat(void **state) {
    struct pvs_msg *m;
    size_t unk;

    (void)state;
    assert_int_equal(
        parse("pvsentry/s2/m1/meter_power_w", " -1200.5\n", &m, &unk),
        PVS_MQTT_OK);
    assert_true(m->samples[0].value == -1200.5);
    assert_int_equal(m->samples[0].dev, 2);
    pvs_msg_free(m);
    assert_int_equal(parse("pvsentry/s1/inv1/state", "fault", &m, &unk),
                     PVS_MQTT_OK);
    assert_true(m->samples[0].value == PVS_ST_FAULT);
    pvs_msg_free(m);
    assert_int_equal(parse("pvsentry/s1/inv1/state", "7", &m, &unk),
                     PVS_MQTT_OK);
    pvs_msg_free(m);
    assert_int_equal(parse("pvsentry/s1/inv1/state", "99", &m, &unk),
                     PVS_MQTT_MALFORMED);
    assert_int_equal(parse("pvsentry/s1/inv1/ac_power_w", "nan", &m, &unk),
                     PVS_MQTT_MALFORMED);
    assert_int_equal(parse("pvsentry/s1/inv1/ac_power_w", "1e999", &m, &unk),
                     PVS_MQTT_MALFORMED);
    assert_int_equal(parse("pvsentry/s1/inv1/ac_power_w", "12abc", &m, &unk),
                     PVS_MQTT_MALFORMED);
    /* C's strtod reads these; a meter does not write them. */
    assert_int_equal(parse("pvsentry/s1/inv1/ac_power_w", "0x1p3", &m, &unk),
                     PVS_MQTT_MALFORMED);
    assert_int_equal(parse("pvsentry/s1/inv1/ac_power_w", "infinity", &m, &unk),
                     PVS_MQTT_MALFORMED);
    assert_int_equal(parse("pvsentry/s1/inv1/ac_power_w", "", &m, &unk),
                     PVS_MQTT_MALFORMED);
    assert_int_equal(parse("pvsentry/s1/inv1/flux_capacitor", "1", &m, &unk),
                     PVS_MQTT_UNKNOWN_METRIC);
    assert_null(m);
}

static void test_rejections(void **state) {
    struct pvs_msg *m;
    size_t unk;

    (void)state;
    /* A device of another site is unknown on this one. */
    assert_int_equal(parse("pvsentry/s2/inv1", "{\"ac_power_w\": 1}", &m, &unk),
                     PVS_MQTT_UNKNOWN_DEVICE);
    assert_int_equal(
        parse("pvsentry/s1/ghost", "{\"ac_power_w\": 1}", &m, &unk),
        PVS_MQTT_UNKNOWN_DEVICE);
    assert_int_equal(parse("other/s1/inv1", "{}", &m, &unk),
                     PVS_MQTT_BAD_TOPIC);
    assert_int_equal(parse("pvsentry/s1", "{}", &m, &unk), PVS_MQTT_BAD_TOPIC);
    assert_int_equal(parse("pvsentry//inv1", "{}", &m, &unk),
                     PVS_MQTT_BAD_TOPIC);
    assert_int_equal(parse("pvsentry/s1/inv1/a/b", "{}", &m, &unk),
                     PVS_MQTT_BAD_TOPIC);
    assert_int_equal(parse("pvsentry/s1/inv1", "{\"ac_power_w\": ", &m, &unk),
                     PVS_MQTT_MALFORMED);
    assert_int_equal(parse("pvsentry/s1/inv1", "[1, 2]", &m, &unk),
                     PVS_MQTT_MALFORMED);
    assert_int_equal(
        parse("pvsentry/s1/inv1", "{\"ac_power_w\": NaN}", &m, &unk),
        PVS_MQTT_MALFORMED);
    assert_int_equal(parse("pvsentry/s1/inv1",
                           "{\"ts\": \"tomorrow\", \"ac_power_w\": 1}", &m,
                           &unk),
                     PVS_MQTT_MALFORMED);
    assert_int_equal(
        parse("pvsentry/s1/inv1", "{\"ts\": -5, \"ac_power_w\": 1}", &m, &unk),
        PVS_MQTT_MALFORMED);
    assert_int_equal(
        parse("pvsentry/s1/inv1", "{\"ac_power_w\": 1e999}", &m, &unk),
        PVS_MQTT_EMPTY);
    assert_int_equal(parse("pvsentry/s1/inv1", "{}", &m, &unk), PVS_MQTT_EMPTY);
    assert_null(m);
}

/* Random bytes and mutated JSON: never crash, never a bad value. */
static void test_garbage(void **state) {
    static const char *const seeds[] = {
        "{\"ts\": 1732780800, \"ac_power_w\": 2350, \"state\": \"mppt\"}",
        "{\"a\": {\"b\": [1, 2, {\"c\": null}]}, \"dc_voltage_v\": 1e308}",
        "123.5", "fault"};
    static const char *const topics[] = {"pvsentry/s1/inv1",
                                         "pvsentry/s1/inv1/state",
                                         "pvsentry/s1/inv1/ac_power_w"};
    unsigned seed = 12345;
    char buf[512], why[160];

    (void)state;
    for (int i = 0; i < 20000; i++) {
        const char *s = seeds[i % PVS_ARRAY_LEN(seeds)];
        size_t len = strlen(s);
        struct pvs_msg *m = NULL;
        size_t unk;

        memcpy(buf, s, len);
        for (int k = 0; k < 1 + i % 6; k++) {
            seed = seed * 1103515245u + 12345u;
            buf[(seed >> 8) % len] = (char)(seed >> 16);
        }
        if (pvs_mqtt_map_parse(map, topics[i % 3], buf, len, NOW, &m, &unk, why,
                               sizeof(why)) == PVS_MQTT_OK) {
            assert_true(m->nsamples > 0);
            for (size_t j = 0; j < m->nsamples; j++)
                assert_true(isfinite(m->samples[j].value));
            pvs_msg_free(m);
        } else {
            assert_null(m);
            assert_true(why[0] != '\0');
        }
    }
}
/* ---- the payload grammar, case by case ---- */

#define NOT_JSON "payload is not a JSON object"
#define BAD_TS "bad \"ts\""
#define HAS_NUL "payload contains a NUL byte"
#define NO_METRIC "no known metric in the payload"

struct want_sample {
    enum pvs_metric metric;
    unsigned idx;
    const char *value; /* expected value: strtod of this text */
};

struct payload_case {
    const char *payload;
    enum pvs_mqtt_result res;
    size_t unknown;
    int64_t ts_ms;   /* 0: the arrival time */
    const char *why; /* prefix of the reason when res is not OK */
    struct want_sample s[4];
    size_t n;
};

#define OK1(p, unk, m, v)                                                      \
    { p, PVS_MQTT_OK, unk, 0, NULL, {{m, 0, v}}, 1 }
#define BAD(p)                                                                 \
    { p, PVS_MQTT_MALFORMED, 0, 0, NOT_JSON, {{0, 0, NULL}}, 0 }
#define BADNUM(v) BAD("{\"ac_power_w\": " v "}")

static const struct payload_case cases[] = {
    /* Escapes in keys and values decode before the lookup. */
    OK1("{\"ac_\\u0070ower_w\": 5}", 0, PVS_M_AC_POWER_W, "5"),
    OK1("{\"\\u0061c_power_w\":5}", 0, PVS_M_AC_POWER_W, "5"),
    OK1("{\"st\\u0061te\": \"\\u006D\\u0050pt\"}", 0, PVS_M_STATE, "4"),
    OK1("{\"state\": \"Shutting_Down\"}", 0, PVS_M_STATE, "6"),
    OK1("{\"state\": 8}", 0, PVS_M_STATE, "8"),
    OK1("{\"state\": 3.5}", 0, PVS_M_STATE, "3.5"),
    OK1("{\"state\": 9, \"state\": \"mppt\\t\", \"state\": 1}", 2, PVS_M_STATE,
        "1"),
    OK1("{\"ac_power_w\": 1, \"note\": \"\\ud83d\\ude00 \\u00e9 \\uDBFF"
        "\\uDFFF\"}",
        1, PVS_M_AC_POWER_W, "1"),
    OK1("{\"\\ud83d\\ude00\": 1, \"ac_power_w\": 2}", 1, PVS_M_AC_POWER_W, "2"),
    OK1("{\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\", "
        "\"ac_power_w\": 2}",
        1, PVS_M_AC_POWER_W, "2"),
    /* Raw UTF-8 (and bytes that are not UTF-8) pass through strings. */
    OK1("{\"k\xc3\xa9\": \"\xe2\x82\xac\xff\", \"ac_power_w\": 2}", 1,
        PVS_M_AC_POWER_W, "2"),
    /* Nested values are checked, skipped and counted. */
    OK1("{\"a\": {\"b\": [1, 2, {\"c\": null}]}, \"ac_power_w\": [1], "
        "\"dc_power_w\": {\"x\": 1}, \"ac_voltage_v\": 230, \"e\": [], "
        "\"f\": {}, \"g\": [[], {}, \"]\", \"}\"]}",
        6, PVS_M_AC_VOLTAGE_V, "230"),
    OK1("{\"ac_power_w\": true, \"dc_power_w\": false, \"ac_voltage_v\": "
        "null, \"ac_current_a\": -2, \"state\": \"hot\", \"state\": 0, "
        "\"dc_voltage_v\": \"230\"}",
        6, PVS_M_AC_CURRENT_A, "-2"),
    /* MPPT names. */
    {"{\"mppt1_power_w\": 1, \"mppt32_current_a\": 2, \"mppt33_power_w\": 3,"
     " \"mppt0_power_w\": 4, \"mppt01_power_w\": 5, \"mppt2_\": 6, "
     "\"mppt2_ac_power_w\": 7, \"power_w\": 8, \"mppt\": 9}",
     PVS_MQTT_OK,
     7,
     0,
     NULL,
     {{PVS_M_MPPT_POWER_W, 1, "1"}, {PVS_M_MPPT_CURRENT_A, 32, "2"}},
     2},
    /* JSON whitespace is space, tab, CR and LF, anywhere between tokens. */
    OK1(" \t\r\n{ \t\r\n\"ac_power_w\" \t\r\n: \t\r\n7 \t\r\n} \t\r\n", 0,
        PVS_M_AC_POWER_W, "7"),
    OK1("{\"ac_power_w\":7}", 0, PVS_M_AC_POWER_W, "7"),
    /* Empty objects and objects of nothing known. */
    {"{}", PVS_MQTT_EMPTY, 0, 0, NO_METRIC, {{0, 0, NULL}}, 0},
    {" { \n } ", PVS_MQTT_EMPTY, 0, 0, NO_METRIC, {{0, 0, NULL}}, 0},
    {"{\"colour\": \"red\", \"ts\": 1732780800}",
     PVS_MQTT_EMPTY,
     1,
     0,
     NO_METRIC,
     {{0, 0, NULL}},
     0},
    {"{\"ac_power_w\": 1e400, \"dc_power_w\": -1e400}",
     PVS_MQTT_EMPTY,
     2,
     0,
     NO_METRIC,
     {{0, 0, NULL}},
     0},
    /* "ts": the first one wins, wherever it is; later ones are unknown. */
    {"{\"ts\": 1732780800, \"ac_power_w\": 1, \"ts\": 1700000000}",
     PVS_MQTT_OK,
     1,
     1732780800000LL,
     NULL,
     {{PVS_M_AC_POWER_W, 0, "1"}},
     1},
    {"{\"ts\": 1732780800, \"ac_power_w\": 1, \"ts\": \"tomorrow\"}",
     PVS_MQTT_OK,
     1,
     1732780800000LL,
     NULL,
     {{PVS_M_AC_POWER_W, 0, "1"}},
     1},
    {"{\"ts\": \"tomorrow\", \"ac_power_w\": 1, \"ts\": 1732780800}",
     PVS_MQTT_MALFORMED,
     0,
     0,
     BAD_TS,
     {{0, 0, NULL}},
     0},
    {"{\"ac_power_w\": 1, \"dc_power_w\": 2, \"ts\": 1732780801}",
     PVS_MQTT_OK,
     0,
     1732780801000LL,
     NULL,
     {{PVS_M_AC_POWER_W, 0, "1"}, {PVS_M_DC_POWER_W, 0, "2"}},
     2},
    {"{\"ac_power_w\": 1, \"\\u0074s\": \"2024-11-28T09:00:00\\u002b01:00\"}",
     PVS_MQTT_OK,
     0,
     1732780800000LL,
     NULL,
     {{PVS_M_AC_POWER_W, 0, "1"}},
     1},
    {"{\"ac_power_w\": 1, \"ts\": 1732780800500.4}",
     PVS_MQTT_OK,
     0,
     1732780800500LL,
     NULL,
     {{PVS_M_AC_POWER_W, 0, "1"}},
     1},
    {"{\"ac_power_w\": 1, \"ts\": \"1732780800\"}",
     PVS_MQTT_OK,
     0,
     1732780800000LL,
     NULL,
     {{PVS_M_AC_POWER_W, 0, "1"}},
     1},
    /* A bad ts, whatever its kind, rejects the message, even when an
     * error-free object follows. */
    {"{\"ac_power_w\": 1, \"ts\": null}",
     PVS_MQTT_MALFORMED,
     0,
     0,
     BAD_TS,
     {{0, 0, NULL}},
     0},
    {"{\"ac_power_w\": 1, \"ts\": [1732780800]}",
     PVS_MQTT_MALFORMED,
     0,
     0,
     BAD_TS,
     {{0, 0, NULL}},
     0},
    {"{\"ts\": 1e400, \"ac_power_w\": 1}",
     PVS_MQTT_MALFORMED,
     0,
     0,
     BAD_TS,
     {{0, 0, NULL}},
     0},
    {"{\"ts\": -0.5, \"ac_power_w\": 1}",
     PVS_MQTT_MALFORMED,
     0,
     0,
     BAD_TS,
     {{0, 0, NULL}},
     0},
    {"{\"ts\": 32503680001, \"ac_power_w\": 1}",
     PVS_MQTT_MALFORMED,
     0,
     0,
     BAD_TS,
     {{0, 0, NULL}},
     0},
    /* Broken JSON wins over a bad ts. */
    BAD("{\"ts\": null, \"ac_power_w\": 1,}"),
    /* Doubles: each must equal strtod of its text, bit for bit. */
    OK1("{\"ac_power_w\": 0.1}", 0, PVS_M_AC_POWER_W, "0.1"),
    OK1("{\"ac_power_w\": 0.30000000000000004}", 0, PVS_M_AC_POWER_W,
        "0.30000000000000004"),
    OK1("{\"ac_power_w\": 1e22}", 0, PVS_M_AC_POWER_W, "1e22"),
    OK1("{\"ac_power_w\": 1e23}", 0, PVS_M_AC_POWER_W, "1e23"),
    OK1("{\"ac_power_w\": 1e-22}", 0, PVS_M_AC_POWER_W, "1e-22"),
    OK1("{\"ac_power_w\": 1e-23}", 0, PVS_M_AC_POWER_W, "1e-23"),
    OK1("{\"ac_power_w\": 999999999999999}", 0, PVS_M_AC_POWER_W,
        "999999999999999"),
    OK1("{\"ac_power_w\": 123456789012345678}", 0, PVS_M_AC_POWER_W,
        "123456789012345678"),
    OK1("{\"ac_power_w\": 9007199254740993}", 0, PVS_M_AC_POWER_W,
        "9007199254740993"),
    OK1("{\"ac_power_w\": 123456789012345.6}", 0, PVS_M_AC_POWER_W,
        "123456789012345.6"),
    OK1("{\"ac_power_w\": 0.000000000000000000001234}", 0, PVS_M_AC_POWER_W,
        "0.000000000000000000001234"),
    OK1("{\"ac_power_w\": 1234.5e-3}", 0, PVS_M_AC_POWER_W, "1.2345"),
    OK1("{\"ac_power_w\": 12E+2}", 0, PVS_M_AC_POWER_W, "1200"),
    OK1("{\"ac_power_w\": 0e999999999999}", 0, PVS_M_AC_POWER_W, "0"),
    OK1("{\"ac_power_w\": -0}", 0, PVS_M_AC_POWER_W, "-0"),
    OK1("{\"ac_power_w\": -0.0e-0}", 0, PVS_M_AC_POWER_W, "-0"),
    OK1("{\"ac_power_w\": 5e-324}", 0, PVS_M_AC_POWER_W, "5e-324"),
    OK1("{\"ac_power_w\": 2.2250738585072011e-308}", 0, PVS_M_AC_POWER_W,
        "2.2250738585072011e-308"),
    OK1("{\"ac_power_w\": 1e-400}", 0, PVS_M_AC_POWER_W, "0"),
    OK1("{\"ac_power_w\": 1.7976931348623157e308}", 0, PVS_M_AC_POWER_W,
        "1.7976931348623157e308"),
    OK1("{\"ac_power_w\": 1.7976931348623159e308, \"dc_power_w\": 1}", 1,
        PVS_M_DC_POWER_W, "1"),
    OK1("{\"ac_power_w\": 1e400, \"dc_power_w\": 1}", 1, PVS_M_DC_POWER_W, "1"),
    OK1("{\"ac_power_w\": 0.1000000000000000055511151231257827021181583404"
        "541015625000000000000000000000000000001}",
        0, PVS_M_AC_POWER_W,
        "0.1000000000000000055511151231257827021181583404"
        "541015625000000000000000000000000000001"),
    OK1("{\"ac_power_w\": 1000000000000000000000000000000000000000000000000"
        "000000000000000000000000000000000000000000000000000000000000000000"
        "000000000000000000000000000000000000000000000000000000000}",
        0, PVS_M_AC_POWER_W,
        "1000000000000000000000000000000000000000000000000"
        "000000000000000000000000000000000000000000000000000000000000000000"
        "000000000000000000000000000000000000000000000000000000000"),
    /* Numbers outside RFC 8259. */
    BADNUM("0x1p3"),
    BADNUM("0x10"),
    BADNUM("01"),
    BADNUM("-01"),
    BADNUM("00"),
    BADNUM("1."),
    BADNUM("1.e5"),
    BADNUM(".5"),
    BADNUM("-.5"),
    BADNUM("+1"),
    BADNUM("-"),
    BADNUM("- 1"),
    BADNUM("--1"),
    BADNUM("1e"),
    BADNUM("1e+"),
    BADNUM("1E-"),
    BADNUM("1e5e5"),
    BADNUM("1.5.5"),
    BADNUM("1-2"),
    BADNUM("NaN"),
    BADNUM("nan"),
    BADNUM("Infinity"),
    BADNUM("-Infinity"),
    BADNUM("infinity"),
    BADNUM("inf"),
    BADNUM("1_000"),
    BADNUM("1,5"),
    BADNUM("\"1\"x"),
    /* Structure. */
    BAD(""),
    BAD(" \n"),
    BAD("{"),
    BAD("}"),
    BAD("[1, 2]"),
    BAD("\"ac_power_w\""),
    BAD("1"),
    BAD("null"),
    BAD("{\"ac_power_w\": 1}x"),
    BAD("{\"ac_power_w\": 1},"),
    BAD("{\"ac_power_w\": 1}{}"),
    BAD("{}{}"),
    BAD("{} {}"),
    BAD("{\"ac_power_w\": 1 \"dc_power_w\": 2}"),
    BAD("{\"ac_power_w\": 1,}"),
    BAD("{\"ac_power_w\": 1,,\"dc_power_w\": 2}"),
    BAD("{,}"),
    BAD("{, \"ac_power_w\": 1}"),
    BAD("{\"ac_power_w\" 1}"),
    BAD("{\"ac_power_w\"}"),
    BAD("{\"ac_power_w\":}"),
    BAD("{\"ac_power_w\": 1: 2}"),
    BAD("{ac_power_w: 1}"),
    BAD("{'ac_power_w': 1}"),
    BAD("{1: 2}"),
    BAD("{null: 2}"),
    BAD("{\"ac_power_w\": \"mppt}"),
    BAD("{\"ac_power_w"),
    BAD("{\"ac_power_w\": 1"),
    BAD("{\"ac_power_w\": 1 "),
    BAD("{\"ac_power_w\": \"abc\\"),
    /* Literals are lowercase and whole. */
    BAD("{\"ac_power_w\": tru}"),
    BAD("{\"ac_power_w\": truex}"),
    BAD("{\"ac_power_w\": nul}"),
    BAD("{\"ac_power_w\": nulll}"),
    BAD("{\"ac_power_w\": True}"),
    BAD("{\"ac_power_w\": FALSE}"),
    BAD("{\"ac_power_w\": undefined}"),
    /* Escapes. */
    BAD("{\"a\": \"\\x\"}"),
    BAD("{\"a\": \"\\'\"}"),
    BAD("{\"a\": \"\\U0041\"}"),
    BAD("{\"a\": \"\\u12g4\"}"),
    BAD("{\"a\": \"\\u12\"}"),
    BAD("{\"a\": \"\\u\"}"),
    BAD("{\"\\u12g4ac_power_w\": 1}"),
    /* Surrogates come in pairs. */
    BAD("{\"a\": \"\\ud83d\"}"),
    BAD("{\"a\": \"\\ude00\"}"),
    BAD("{\"a\": \"\\ude00\\ud83d\"}"),
    BAD("{\"a\": \"\\ud83d\\u0041\"}"),
    BAD("{\"a\": \"\\ud83dx\"}"),
    BAD("{\"a\": \"\\ud83d\\ud83d\"}"),
    BAD("{\"\\ud83d\": 1}"),
    /* Control characters inside strings must be escaped. */
    BAD("{\"a\": \"x\ty\"}"),
    BAD("{\"a\": \"x\ny\"}"),
    BAD("{\"a\": \"\x01\"}"),
    BAD("{\"a\": \"\x1f\"}"),
    BAD("{\"ac_power_w\x7f\": 1, \"a\x1f\": 2}"),
    /* Only the four JSON whitespace characters. */
    BAD("\x0b{\"ac_power_w\": 1}"),
    BAD("{\"ac_power_w\":\x0c"
        "1}"),
    BAD("{\"ac_power_w\": 1}\x01"),
    BAD("\xef\xbb\xbf{\"ac_power_w\": 1}"),
    /* Nested values are checked too. */
    BAD("{\"a\": [1, 2}"),
    BAD("{\"a\": [1, 2}]}"),
    BAD("{\"a\": {\"b\": 1]}"),
    BAD("{\"a\": {\"b\" 1}}"),
    BAD("{\"a\": {\"b\": 1,}}"),
    BAD("{\"a\": {1: 1}}"),
    BAD("{\"a\": [1,]}"),
    BAD("{\"a\": [,1]}"),
    BAD("{\"a\": [1 2]}"),
    BAD("{\"a\": [01]}"),
    BAD("{\"a\": [\"\\x\"]}"),
    BAD("{\"a\": [tru]}"),
    BAD("{\"a\": {\"b\": }}"),
    BAD("{\"a\": [}"),
    BAD("{\"a\": [[[[[[[[1]]]]]]]"),
};

static void test_cases(void **state) {
    (void)state;
    for (size_t i = 0; i < PVS_ARRAY_LEN(cases); i++) {
        const struct payload_case *c = &cases[i];
        struct pvs_msg *m;
        size_t unk = 12345;
        char why[160];
        enum pvs_mqtt_result r =
            parse_len("pvsentry/s1/inv1", c->payload, strlen(c->payload), &m,
                      &unk, why, sizeof(why));

        if (r != c->res || unk != c->unknown)
            fail_msg("case %zu <%s>: result %d unknown %zu, want %d and %zu "
                     "(%s)",
                     i, c->payload, (int)r, unk, (int)c->res, c->unknown, why);
        if (r != PVS_MQTT_OK) {
            assert_null(m);
            if (strncmp(why, c->why, strlen(c->why)))
                fail_msg("case %zu <%s>: reason '%s', want '%s'", i, c->payload,
                         why, c->why);
            continue;
        }
        if (m->nsamples != c->n)
            fail_msg("case %zu <%s>: %zu samples, want %zu", i, c->payload,
                     m->nsamples, c->n);
        for (size_t j = 0; j < c->n; j++) {
            const struct pvs_sample *s = &m->samples[j];
            double want = strtod(c->s[j].value, NULL);

            assert_int_equal(s->dev, 0);
            assert_int_equal(s->quality, PVS_Q_OK);
            assert_int_equal(s->ts_ms, c->ts_ms ? c->ts_ms : NOW);
            if (s->metric != c->s[j].metric || s->idx != c->s[j].idx ||
                memcmp(&s->value, &want, sizeof(want)))
                fail_msg("case %zu <%s> sample %zu: metric %u/%u = %.17g, "
                         "want %u/%u = %.17g",
                         i, c->payload, j, s->metric, s->idx, s->value,
                         c->s[j].metric, c->s[j].idx, want);
        }
        pvs_msg_free(m);
    }
}

/* Exact doubles the compiler itself rounds, as a second opinion. */
static void test_exact_values(void **state) {
    static const struct {
        const char *text;
        double value;
    } v[] = {
        {"0.1", 0.1},
        {"4919.0", 4919.0},
        {"229.3", 229.3},
        {"-21.45", -21.45},
        {"49.96", 49.96},
        {"1e22", 1e22},
        {"1e23", 1e23},
        {"8.589973e9", 8.589973e9},
        {"123456789012345678", 123456789012345678.0},
        {"5e-324", 5e-324},
        {"2.2250738585072014e-308", 2.2250738585072014e-308},
        {"1.7976931348623157E+308", 1.7976931348623157e308},
        {"0.000001", 0.000001},
        {"314159265358979.3", 314159265358979.3},
        {"3.14159265358979323846264338327950288", 3.14159265358979323846},
    };
    char buf[128];

    (void)state;
    for (size_t i = 0; i < PVS_ARRAY_LEN(v); i++) {
        struct pvs_msg *m;
        size_t unk;
        char why[160];

        snprintf(buf, sizeof(buf), "{\"ac_power_w\":%s}", v[i].text);
        assert_int_equal(parse_len("pvsentry/s1/inv1", buf, strlen(buf), &m,
                                   &unk, why, sizeof(why)),
                         PVS_MQTT_OK);
        if (memcmp(&m->samples[0].value, &v[i].value, sizeof(double)))
            fail_msg("%s: got %.17g", v[i].text, m->samples[0].value);
        pvs_msg_free(m);
    }
}

static void test_nul_bytes(void **state) {
    static const struct {
        const char *p;
        size_t len;
    } v[] = {
        {"{\"ac_power_w\": 1}\0", 18},  {"{\"ac_power_w\0\": 1}", 18},
        {"\0{\"ac_power_w\": 1}", 18},  {"x\0", 2},
        {"{\"ac_power_w\": 1,}\0", 19}, {"{\"ts\": \"x\", \"a\": \"\0\"}", 21},
    };
    struct pvs_msg *m;
    size_t unk;
    char why[160];

    (void)state;
    for (size_t i = 0; i < PVS_ARRAY_LEN(v); i++) {
        assert_int_equal(parse_len("pvsentry/s1/inv1", v[i].p, v[i].len, &m,
                                   &unk, why, sizeof(why)),
                         PVS_MQTT_MALFORMED);
        assert_string_equal(why, HAS_NUL);
        assert_int_equal(unk, 0);
        assert_int_equal(parse_len("pvsentry/s1/inv1/ac_power_w", v[i].p,
                                   v[i].len, &m, &unk, why, sizeof(why)),
                         PVS_MQTT_MALFORMED);
        assert_string_equal(why, HAS_NUL);
    }
    /* The length is the payload: bytes after it are not read. */
    assert_int_equal(parse_len("pvsentry/s1/inv1", "{\"ac_power_w\": 1}}}}", 17,
                               &m, &unk, why, sizeof(why)),
                     PVS_MQTT_OK);
    pvs_msg_free(m);
    assert_int_equal(parse_len("pvsentry/s1/inv1/ac_power_w", "12x", 2, &m,
                               &unk, why, sizeof(why)),
                     PVS_MQTT_OK);
    assert_true(m->samples[0].value == 12);
    pvs_msg_free(m);
}

/* \u0000 decodes to a NUL: no name and no time contain one. */
static void test_escaped_nul(void **state) {
    struct pvs_msg *m;
    size_t unk;
    char why[160];
    const char *p;

    (void)state;
    p = "{\"ac_power_w\\u0000x\": 1, \"ac_power_w\\u0000\": 2, "
        "\"state\": \"mppt\\u0000\", \"dc_power_w\": 3}";
    assert_int_equal(
        parse_len("pvsentry/s1/inv1", p, strlen(p), &m, &unk, why, 160),
        PVS_MQTT_OK);
    assert_int_equal(unk, 3);
    assert_int_equal(m->nsamples, 1);
    assert_int_equal(m->samples[0].metric, PVS_M_DC_POWER_W);
    pvs_msg_free(m);
    p = "{\"ts\\u0000\": \"x\", \"ac_power_w\": 1}";
    assert_int_equal(
        parse_len("pvsentry/s1/inv1", p, strlen(p), &m, &unk, why, 160),
        PVS_MQTT_OK);
    assert_int_equal(unk, 1);
    assert_int_equal(m->samples[0].ts_ms, NOW);
    pvs_msg_free(m);
    p = "{\"ts\": \"1732780800\\u0000\", \"ac_power_w\": 1}";
    assert_int_equal(
        parse_len("pvsentry/s1/inv1", p, strlen(p), &m, &unk, why, 160),
        PVS_MQTT_MALFORMED);
    assert_string_equal(why, "bad \"ts\": expected epoch seconds or ISO 8601");
}

/* Over-long strings and numbers are valid JSON: keys and state names that
 * long are unknown; a long "ts" is still read in full. */
static void test_long_tokens(void **state) {
    char p[8192];
    struct pvs_msg *m;
    size_t unk, k;
    char why[160];

    (void)state;
    k = (size_t)snprintf(p, sizeof(p), "{\"");
    for (int i = 0; i < 1500; i++)
        p[k++] = i % 7 ? 'a' : '\\', p[k++] = i % 7 ? 'b' : 'n';
    k += (size_t)snprintf(p + k, sizeof(p) - k,
                          "\": \"%s\", \"state\": \"%0300d\", "
                          "\"state\": \"         mppt\", "
                          "\"ac_power_w\": 0.%02000d1, \"ts\": \"  "
                          "2024-11-28T09:00:00.12300000000000000000000000"
                          "0000000000000000000000000000000000000000000000"
                          "0000000000000000000000000000000000000000000000"
                          "000000000000000000000000000000000000000+01:00"
                          "\"}",
                          "\\ud83d\\ude00\\u00e9", 0, 0);
    assert_true(k < sizeof(p));
    assert_int_equal(
        parse_len("pvsentry/s1/inv1", p, k, &m, &unk, why, sizeof(why)),
        PVS_MQTT_OK);
    assert_int_equal(unk, 3);
    assert_int_equal(m->nsamples, 1);
    assert_int_equal(m->samples[0].metric, PVS_M_AC_POWER_W);
    assert_true(m->samples[0].value == 0.0 && !signbit(m->samples[0].value));
    assert_int_equal(m->samples[0].ts_ms, 1732780800123LL);
    pvs_msg_free(m);
}

static void nest(char *buf, size_t size, int depth, char open, char close) {
    size_t k = (size_t)snprintf(buf, size, "{\"a\": ");

    for (int i = 0; i < depth; i++) {
        if (open == '{')
            k += (size_t)snprintf(buf + k, size - k, "{\"k\": ");
        else
            buf[k++] = open;
    }
    buf[k++] = '1';
    for (int i = 0; i < depth; i++)
        buf[k++] = close;
    snprintf(buf + k, size - k, ", \"ac_power_w\": 1}");
}

/* The root object is level 1; level 64 is the deepest accepted. */
static void test_depth(void **state) {
    static char buf[1 << 20];
    struct pvs_msg *m;
    size_t unk;
    char why[160];

    (void)state;
    for (int depth = 60; depth <= 66; depth++) {
        for (int kind = 0; kind < 2; kind++) {
            nest(buf, sizeof(buf), depth, kind ? '{' : '[', kind ? '}' : ']');
            enum pvs_mqtt_result r = parse_len("pvsentry/s1/inv1", buf,
                                               strlen(buf), &m, &unk, why, 160);
            if (1 + depth <= 64) {
                assert_int_equal(r, PVS_MQTT_OK);
                assert_int_equal(unk, 1);
                pvs_msg_free(m);
            } else {
                assert_int_equal(r, PVS_MQTT_MALFORMED);
                assert_string_equal(why, NOT_JSON);
            }
        }
    }
    /* Far deeper than any stack would take, if it recursed. */
    nest(buf, sizeof(buf), 200000, '[', ']');
    assert_int_equal(
        parse_len("pvsentry/s1/inv1", buf, strlen(buf), &m, &unk, why, 160),
        PVS_MQTT_MALFORMED);
    memset(buf, '[', 300000);
    assert_int_equal(
        parse_len("pvsentry/s1/inv1", buf, 300000, &m, &unk, why, 160),
        PVS_MQTT_MALFORMED);
}

/* 256 samples at most; the exact count is allocated. */
static void test_many_fields(void **state) {
    static char buf[65536];
    struct pvs_msg *m;
    size_t unk, k;
    char why[160];

    (void)state;
    k = (size_t)snprintf(buf, sizeof(buf), "{\"x\": 0");
    for (int i = 0; i < 300; i++)
        k += (size_t)snprintf(buf + k, sizeof(buf) - k,
                              ", \"mppt%d_power_w\": %d", 1 + i % 32, i);
    k += (size_t)snprintf(buf + k, sizeof(buf) - k, ", \"ts\": 1732780800}");
    assert_int_equal(
        parse_len("pvsentry/s1/inv1", buf, k, &m, &unk, why, sizeof(why)),
        PVS_MQTT_OK);
    assert_int_equal(m->nsamples, 256);
    assert_int_equal(unk, 1 + 300 - 256);
    for (int i = 0; i < 256; i++) {
        assert_int_equal(m->samples[i].idx, 1 + i % 32);
        assert_true(m->samples[i].value == i);
        assert_int_equal(m->samples[i].ts_ms, 1732780800000LL);
    }
    pvs_msg_free(m);
}

/* pvsentry/SITE/DEVICE/METRIC: a plain text value, no JSON. */
static void test_flat_bounds(void **state) {
    char buf[512];
    struct pvs_msg *m;
    size_t unk;
    char why[160];

    (void)state;
    /* 127 bytes are read; 128 are too many for a number. */
    memset(buf, ' ', sizeof(buf));
    memcpy(buf + 120, "-1200.5", 7);
    assert_int_equal(parse_len("pvsentry/s1/inv1/ac_power_w", buf, 127, &m,
                               &unk, why, sizeof(why)),
                     PVS_MQTT_OK);
    assert_true(m->samples[0].value == -1200.5);
    assert_int_equal(m->samples[0].ts_ms, NOW);
    pvs_msg_free(m);
    assert_int_equal(parse_len("pvsentry/s1/inv1/ac_power_w", buf, 128, &m,
                               &unk, why, sizeof(why)),
                     PVS_MQTT_MALFORMED);
    assert_string_equal(why, "payload is not a number");
    assert_int_equal(parse_len("pvsentry/s1/inv1/ac_power_w", buf, 500, &m,
                               &unk, why, sizeof(why)),
                     PVS_MQTT_MALFORMED);
    assert_string_equal(why, "payload is not a number");
    /* The metric is checked before the value. */
    assert_int_equal(parse_len("pvsentry/s1/inv1/flux", buf, 500, &m, &unk, why,
                               sizeof(why)),
                     PVS_MQTT_UNKNOWN_METRIC);
    assert_int_equal(parse_len("pvsentry/s1/inv1/state", " standby ", 9, &m,
                               &unk, why, sizeof(why)),
                     PVS_MQTT_OK);
    assert_true(m->samples[0].value == PVS_ST_STANDBY);
    pvs_msg_free(m);
    assert_int_equal(parse_len("pvsentry/s1/inv1/state", "{\"state\": 4}", 12,
                               &m, &unk, why, sizeof(why)),
                     PVS_MQTT_MALFORMED);
}

/* ---- differential: the same answers as the cJSON-based mapping ---- */

/*
 * The reference is the mapping as it was written on top of cJSON 1.7.
 * cJSON is laxer than RFC 8259, and where it is, the mapping is now
 * strict and rejects the payload as "not a JSON object":
 *   - bytes after the closing brace ("{...}x", "{...},", "{}{}");
 *   - any byte up to 0x20 taken as whitespace (VT, FF, 0x01...), and a
 *     UTF-8 byte order mark before the object (RFC 8259 section 8.1: a
 *     sender must not add one);
 *   - raw control characters inside strings (section 7: they must be
 *     escaped);
 *   - numbers with leading zeros ("01", "-01", "00") or a point without
 *     digits after it ("1.", "1.e5"): strtod reads them, the grammar of
 *     section 6 does not;
 *   - a \u escape with non-hex digits ("\u12g4"), which cJSON decodes as
 *     U+0000;
 *   - nesting deeper than 64 levels (cJSON allows 1000): no meter sends
 *     that, and the limit keeps the work per message bounded.
 * One more difference keeps the payload but reads it correctly: cJSON
 * keeps strings as C strings, so "ac_power_w\u0000x" became "ac_power_w"
 * and "mppt\u0000" a state. A name with a NUL in it is no metric name:
 * such fields are now unknown (a "ts" with one is a bad ts). Payloads
 * with a \u0000 are left out below; test_escaped_nul covers them.
 */

struct ref_result {
    enum pvs_mqtt_result res;
    size_t unknown, n;
    struct pvs_sample s[256];
    char why[160];
};

/* The JSON layout, device "inv1" (index 0). */
static void ref_parse(const char *payload, size_t len, struct ref_result *r) {
    char *text = malloc(len + 1);
    cJSON *root = NULL, *it;
    const cJSON *tsv;
    int64_t ts = NOW;
    size_t cap;

    memset(r, 0, sizeof(*r));
    memcpy(text, payload, len);
    text[len] = '\0';
    if (strlen(text) != len) {
        r->res = PVS_MQTT_MALFORMED;
        snprintf(r->why, sizeof(r->why), "%s", HAS_NUL);
        goto out;
    }
    root = cJSON_ParseWithLength(text, len);
    if (!root || !cJSON_IsObject(root)) {
        r->res = PVS_MQTT_MALFORMED;
        snprintf(r->why, sizeof(r->why), "%s", NOT_JSON);
        goto out;
    }
    tsv = cJSON_GetObjectItemCaseSensitive(root, "ts");
    if (tsv && !ref_ts(tsv, &ts)) {
        r->res = PVS_MQTT_MALFORMED;
        snprintf(r->why, sizeof(r->why), "%s", BAD_TS);
        goto out;
    }
    cap = (size_t)cJSON_GetArraySize(root);
    if (cap > 256)
        cap = 256;
    cJSON_ArrayForEach(it, root) {
        enum pvs_metric metric;
        unsigned idx;
        double v;
        struct pvs_sample *s;

        if (it == tsv)
            continue;
        if (!it->string || r->n == cap ||
            pvs_metric_parse(it->string, &metric, &idx) ||
            !ref_value(metric, it, &v)) {
            r->unknown++;
            continue;
        }
        s = &r->s[r->n++];
        s->metric = (uint16_t)metric;
        s->idx = (uint16_t)idx;
        s->ts_ms = ts;
        s->value = v;
    }
    if (!r->n) {
        r->res = PVS_MQTT_EMPTY;
        snprintf(r->why, sizeof(r->why), "%s", NO_METRIC);
    }
out:
    cJSON_Delete(root);
    free(text);
}

/*
 * An independent strict check, recursive and slow: is this RFC 8259 text
 * one object, at most 64 levels deep, with surrogate escapes in pairs
 * (cJSON and the mapping both refuse a lone one)?
 */
struct sv {
    const unsigned char *p, *e;
    int depth;
};

static int sv_peek(struct sv *s) {
    return s->p < s->e ? *s->p : -1;
}

static void sv_ws(struct sv *s) {
    while (s->p < s->e &&
           (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
        s->p++;
}

static bool sv_lit(struct sv *s, const char *w) {
    size_t n = strlen(w);

    if ((size_t)(s->e - s->p) < n || memcmp(s->p, w, n))
        return false;
    s->p += n;
    return true;
}

static long sv_hex4(struct sv *s) {
    long v = 0;

    if (s->e - s->p < 4)
        return -1;
    for (int i = 0; i < 4; i++) {
        int c = *s->p++;
        if (!strchr("0123456789abcdefABCDEF", c) || !c)
            return -1;
        v = v * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

static bool sv_string(struct sv *s) {
    if (sv_peek(s) != '"')
        return false;
    s->p++;
    for (;;) {
        int c = sv_peek(s);
        long u;

        if (c < 0x20)
            return false;
        s->p++;
        if (c == '"')
            return true;
        if (c != '\\')
            continue;
        c = sv_peek(s);
        if (c < 0)
            return false;
        s->p++;
        if (c != 'u') {
            if (!strchr("\"\\/bfnrt", c) || !c)
                return false;
            continue;
        }
        u = sv_hex4(s);
        if (u < 0 || (u >= 0xdc00 && u <= 0xdfff))
            return false;
        if (u >= 0xd800 && u <= 0xdbff) {
            if (!sv_lit(s, "\\u"))
                return false;
            u = sv_hex4(s);
            if (u < 0xdc00 || u > 0xdfff)
                return false;
        }
    }
}

static bool sv_digits(struct sv *s) {
    const unsigned char *start = s->p;

    while (s->p < s->e && *s->p >= '0' && *s->p <= '9')
        s->p++;
    return s->p > start;
}

static bool sv_number(struct sv *s) {
    if (sv_peek(s) == '-')
        s->p++;
    if (sv_peek(s) == '0')
        s->p++;
    else if (!sv_digits(s))
        return false;
    if (sv_peek(s) == '.') {
        s->p++;
        if (!sv_digits(s))
            return false;
    }
    if (sv_peek(s) == 'e' || sv_peek(s) == 'E') {
        s->p++;
        if (sv_peek(s) == '+' || sv_peek(s) == '-')
            s->p++;
        if (!sv_digits(s))
            return false;
    }
    return true;
}

static bool sv_value(struct sv *s);

static bool sv_container(struct sv *s, int close) {
    bool ok = false;

    if (++s->depth > 64)
        return false;
    s->p++;
    sv_ws(s);
    if (sv_peek(s) == close) {
        s->p++;
        ok = true;
        goto out;
    }
    for (;;) {
        if (close == '}') {
            if (!sv_string(s))
                goto out;
            sv_ws(s);
            if (sv_peek(s) != ':')
                goto out;
            s->p++;
            sv_ws(s);
        }
        if (!sv_value(s))
            goto out;
        sv_ws(s);
        if (sv_peek(s) == close) {
            s->p++;
            ok = true;
            goto out;
        }
        if (sv_peek(s) != ',')
            goto out;
        s->p++;
        sv_ws(s);
    }
out:
    s->depth--;
    return ok;
}

static bool sv_value(struct sv *s) {
    switch (sv_peek(s)) {
    case '{':
        return sv_container(s, '}');
    case '[':
        return sv_container(s, ']');
    case '"':
        return sv_string(s);
    case 't':
        return sv_lit(s, "true");
    case 'f':
        return sv_lit(s, "false");
    case 'n':
        return sv_lit(s, "null");
    default:
        return sv_number(s);
    }
}

static bool strict_object(const char *p, size_t len) {
    struct sv s = {(const unsigned char *)p, (const unsigned char *)p + len, 0};

    sv_ws(&s);
    if (sv_peek(&s) != '{' || !sv_value(&s))
        return false;
    sv_ws(&s);
    return s.p == s.e;
}

/* ---- the payload generator ---- */

struct gen {
    uint64_t x;
    char *buf;
    size_t len, cap;
};

static uint32_t rnd(struct gen *g) {
    g->x ^= g->x << 13;
    g->x ^= g->x >> 7;
    g->x ^= g->x << 17;
    return (uint32_t)(g->x >> 16);
}

static unsigned pick(struct gen *g, unsigned n) {
    return rnd(g) % n;
}

static void put(struct gen *g, const char *s) {
    size_t n = strlen(s);

    if (g->len + n < g->cap) {
        memcpy(g->buf + g->len, s, n);
        g->len += n;
    }
}

static void putc_(struct gen *g, char c) {
    if (g->len + 1 < g->cap)
        g->buf[g->len++] = c;
}

static void put_digits(struct gen *g, unsigned n, bool lead) {
    for (unsigned i = 0; i < n; i++)
        putc_(g, (char)('0' + (i == 0 && lead ? 1 + pick(g, 9) : pick(g, 10))));
}

static void gen_ws(struct gen *g) {
    static const char *const ws[] = {"",   "",   "",     " ",   "  ",
                                     "\n", "\t", "\r\n", " \t "};
    put(g, ws[pick(g, PVS_ARRAY_LEN(ws))]);
}

static void gen_number(struct gen *g) {
    static const char *const odd[] = {
        "1e400", "-1e400", "5e-324", "1e-400", "1e22", "1e23", "0.1", "-0",
        "9007199254740993", "123456789012345678", "1.7976931348623157e308",
        "2.2250738585072011e-308", "4.9406564584124654e-324", "0e99999",
        /* not RFC 8259 */
        "01", "-01", "1.", "1.e5", ".5", "+1", "-", "1e", "1e+", "0x1p3", "NaN",
        "Infinity", "-Infinity", "00", "1.5.5", "--1"};

    if (!pick(g, 8)) {
        put(g, odd[pick(g, PVS_ARRAY_LEN(odd))]);
        return;
    }
    if (pick(g, 3) == 0)
        putc_(g, '-');
    if (pick(g, 4) == 0)
        putc_(g, '0');
    else
        put_digits(g, 1 + (pick(g, 4) ? pick(g, 8) : pick(g, 90)), true);
    if (pick(g, 2)) {
        putc_(g, '.');
        put_digits(g, 1 + (pick(g, 4) ? pick(g, 8) : pick(g, 90)), false);
    }
    if (!pick(g, 4)) {
        putc_(g, pick(g, 2) ? 'e' : 'E');
        if (pick(g, 2))
            putc_(g, pick(g, 2) ? '+' : '-');
        put_digits(g, 1 + pick(g, 3), false);
    }
}

static void gen_string(struct gen *g) {
    static const char *const parts[] = {"mppt",
                                        "MPPT",
                                        "fault",
                                        "standby",
                                        "off",
                                        "Sleeping",
                                        "hot",
                                        " ",
                                        "\\u006d",
                                        "\\u0050",
                                        "\\u0041",
                                        "\\u00e9",
                                        "\\u20ac",
                                        "\\ud83d\\ude00",
                                        "\\uDBFF\\uDFFF",
                                        "\\n",
                                        "\\t",
                                        "\\\"",
                                        "\\\\",
                                        "\\/",
                                        "\\b",
                                        "\\f",
                                        "\\r",
                                        "\xc3\xa9",
                                        "2024-11-28T09:00:00+01:00",
                                        "2024-11-28 08:00Z",
                                        "1732780800",
                                        "1732780800123",
                                        "-5",
                                        "tomorrow",
                                        "x"};
    unsigned n = pick(g, 4);

    putc_(g, '"');
    for (unsigned i = 0; i < n; i++)
        put(g, parts[pick(g, PVS_ARRAY_LEN(parts))]);
    putc_(g, '"');
}

static void gen_value(struct gen *g, int depth);

static void gen_key(struct gen *g) {
    static const char *const keys[] = {"\"ac_power_w\"",
                                       "\"dc_power_w\"",
                                       "\"state\"",
                                       "\"ts\"",
                                       "\"ts\"",
                                       "\"mppt1_voltage_v\"",
                                       "\"mppt12_power_w\"",
                                       "\"mppt32_current_a\"",
                                       "\"mppt33_power_w\"",
                                       "\"mppt0_power_w\"",
                                       "\"temp_heatsink_c\"",
                                       "\"battery_soc_pct\"",
                                       "\"meter_energy_import_wh\"",
                                       "\"colour\"",
                                       "\"\"",
                                       "\"ac_\\u0070ower_w\"",
                                       "\"\\u0074s\"",
                                       "\"st\\u0061te\"",
                                       "\"\\ud83d\\ude00\"",
                                       "\"AC_POWER_W\"",
                                       "\"power_w\"",
                                       "\"ac_power_w \""};

    if (pick(g, 6))
        put(g, keys[pick(g, PVS_ARRAY_LEN(keys))]);
    else
        gen_string(g);
}

static void gen_container(struct gen *g, int depth, bool object) {
    unsigned n = pick(g, 4);

    putc_(g, object ? '{' : '[');
    for (unsigned i = 0; i < n; i++) {
        if (i)
            putc_(g, ',');
        gen_ws(g);
        if (object) {
            gen_key(g);
            gen_ws(g);
            putc_(g, ':');
            gen_ws(g);
        }
        gen_value(g, depth + 1);
        gen_ws(g);
    }
    putc_(g, object ? '}' : ']');
}

static void gen_value(struct gen *g, int depth) {
    static const char *const lits[] = {"true", "false", "null",
                                       "tru",  "nul",   "True"};

    switch (pick(g, 12)) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
        gen_number(g);
        break;
    case 5:
    case 6:
    case 7:
        gen_string(g);
        break;
    case 8:
        put(g, lits[pick(g, 10) % PVS_ARRAY_LEN(lits)]);
        break;
    case 9:
    case 10:
        if (depth < 70) {
            gen_container(g, depth, pick(g, 2));
            break;
        }
        /* fall through */
    default:
        if (!pick(g, 20)) {
            /* a deep one, on either side of the limit */
            int d = 58 + (int)pick(g, 10);
            for (int i = 0; i < d; i++)
                putc_(g, '[');
            gen_number(g);
            for (int i = 0; i < d; i++)
                putc_(g, ']');
        } else {
            gen_number(g);
        }
        break;
    }
}

static void gen_payload(struct gen *g) {
    unsigned n = pick(g, 5) ? pick(g, 12) : pick(g, 300);

    g->len = 0;
    gen_ws(g);
    putc_(g, '{');
    for (unsigned i = 0; i < n; i++) {
        if (i)
            putc_(g, ',');
        gen_ws(g);
        gen_key(g);
        gen_ws(g);
        putc_(g, ':');
        gen_ws(g);
        gen_value(g, 2);
        gen_ws(g);
    }
    putc_(g, '}');
    gen_ws(g);
}

/* Damage: replace, insert and delete bytes, cut, append. */
static void corrupt(struct gen *g) {
    static const char special[] = "{}[]\":,\\ \t\n\x0b\x01\x1f\x7f\xff\0-+.eE0"
                                  "19uxtfn";
    unsigned k = 1 + pick(g, 3);

    for (unsigned i = 0; i < k; i++) {
        size_t at = g->len ? pick(g, (unsigned)g->len) : 0;
        char c = pick(g, 2) ? special[pick(g, sizeof(special) - 1)]
                            : (char)pick(g, 256);

        switch (pick(g, 6)) {
        case 0:
        case 1:
            if (g->len)
                g->buf[at] = c;
            break;
        case 2:
            if (g->len + 1 < g->cap) {
                memmove(g->buf + at + 1, g->buf + at, g->len - at);
                g->buf[at] = c;
                g->len++;
            }
            break;
        case 3:
            if (g->len) {
                memmove(g->buf + at, g->buf + at + 1, g->len - at - 1);
                g->len--;
            }
            break;
        case 4:
            g->len = at;
            break;
        default:
            put(g, pick(g, 2) ? "x" : pick(g, 2) ? "," : "{}");
            break;
        }
    }
}

static bool has_escaped_nul(const char *p, size_t len) {
    for (size_t i = 0; i + 6 <= len; i++)
        if (p[i] == '\\' && !memcmp(p + i + 1, "u0000", 5))
            return true;
    return false;
}

static void test_differential(void **state) {
    static char buf[16384];
    struct gen g = {0x9e3779b97f4a7c15ULL, buf, 0, sizeof(buf)};
    static struct ref_result ref;
    size_t nvalid = 0, nok = 0, nlax = 0, nstrict = 0, nnul = 0;
    int iterations = 20000;

    (void)state;
    for (int i = 0; i < iterations; i++) {
        struct pvs_msg *m = NULL;
        size_t unk = 777;
        char why[160];
        enum pvs_mqtt_result r;
        bool strict;

        gen_payload(&g);
        if (i % 2)
            corrupt(&g);
        if (has_escaped_nul(buf, g.len)) {
            nnul++;
            continue;
        }
        r = parse_len("pvsentry/s1/inv1", buf, g.len, &m, &unk, why,
                      sizeof(why));
        ref_parse(buf, g.len, &ref);
        strict = strict_object(buf, g.len);
        if (!strict && !memchr(buf, '\0', g.len)) {
            /* Every text the strict check refuses, the mapping refuses. */
            if (ref.res != PVS_MQTT_MALFORMED || strcmp(ref.why, NOT_JSON))
                nlax++;
            else
                nstrict++;
            ref.res = PVS_MQTT_MALFORMED;
            ref.unknown = 0;
            snprintf(ref.why, sizeof(ref.why), "%s", NOT_JSON);
        }
        if (strict) {
            /* cJSON takes every strict text. */
            nvalid++;
            assert_true(ref.res != PVS_MQTT_MALFORMED ||
                        !strcmp(ref.why, BAD_TS));
        }
        if (r != ref.res || unk != ref.unknown ||
            (r != PVS_MQTT_OK && strncmp(why, ref.why, strlen(ref.why))))
            fail_msg("payload %d <%.*s>: result %d unknown %zu (%s), "
                     "reference %d unknown %zu (%s)",
                     i, (int)g.len, buf, (int)r, unk, why, (int)ref.res,
                     ref.unknown, ref.why);
        if (r != PVS_MQTT_OK) {
            assert_null(m);
            continue;
        }
        nok++;
        assert_int_equal(m->nsamples, ref.n);
        for (size_t j = 0; j < ref.n; j++) {
            const struct pvs_sample *a = &m->samples[j], *b = &ref.s[j];
            if (a->metric != b->metric || a->idx != b->idx ||
                a->ts_ms != b->ts_ms ||
                memcmp(&a->value, &b->value, sizeof(double)) || a->dev ||
                a->quality != PVS_Q_OK)
                fail_msg("payload %d <%.*s> sample %zu: %u/%u@%lld = %.17g, "
                         "reference %u/%u@%lld = %.17g",
                         i, (int)g.len, buf, j, a->metric, a->idx,
                         (long long)a->ts_ms, a->value, b->metric, b->idx,
                         (long long)b->ts_ms, b->value);
        }
        pvs_msg_free(m);
    }
    print_message("differential: %d payloads, %zu strict JSON, %zu mapped, "
                  "%zu refused by both, %zu taken by cJSON only, "
                  "%zu skipped (\\u0000)\n",
                  iterations, nvalid, nok, nstrict, nlax, nnul);
    /* The mix must exercise every branch of the comparison. */
    assert_true(nvalid > 2000 && nok > 1000 && nstrict > 2000 && nlax > 200);
}

/* The old text path, for the flat layout: state names, then a number. */
static enum pvs_mqtt_result ref_flat(bool state_topic, const char *text,
                                     double *out) {
    const char *s = text;
    char name[32];
    size_t k;

    while (*s == ' ' || *s == '\t' || *s == '\n')
        s++;
    k = strcspn(s, " \t\r\n");
    if (state_topic && k && k < sizeof(name)) {
        memcpy(name, s, k);
        name[k] = '\0';
        if (pvs_state_parse(name) >= 0) {
            *out = pvs_state_parse(name);
            return PVS_MQTT_OK;
        }
    }
    if (pvs_parse_double(text, out))
        return PVS_MQTT_MALFORMED;
    if (state_topic && (*out < PVS_ST_OFF || *out > PVS_ST_STANDBY))
        return PVS_MQTT_MALFORMED;
    return PVS_MQTT_OK;
}

static void test_differential_flat(void **state) {
    static const char *const parts[] = {
        " ",   "\t",  "\n",     "-",     "+",     "1",
        "0",   "5",   ".",      "e",     "E",     "x",
        "nan", "inf", "mppt",   "fault", "FAULT", "standby",
        "12",  "3.5", "1e999",  "0x1p3", "\xff",  "sleeping",
        "9",   "-0",  "1e-400", "{",     "\"",    "}"};
    static const char *const topics[] = {"pvsentry/s1/inv1/state",
                                         "pvsentry/s1/inv1/ac_power_w",
                                         "pvsentry/s2/m1/meter_power_w"};
    struct gen g = {0x1234567887654321ULL, NULL, 0, 0};
    char buf[200];

    (void)state;
    for (int i = 0; i < 20000; i++) {
        unsigned t = pick(&g, 3), n = 1 + pick(&g, 5);
        size_t len = 0, unk;
        struct pvs_msg *m;
        char why[160];
        enum pvs_mqtt_result r, want;
        double v;

        for (unsigned k = 0; k < n; k++) {
            const char *p = parts[pick(&g, PVS_ARRAY_LEN(parts))];
            memcpy(buf + len, p, strlen(p));
            len += strlen(p);
        }
        r = parse_len(topics[t], buf, len, &m, &unk, why, sizeof(why));
        buf[len] = '\0';
        want = ref_flat(t == 0, buf, &v);
        if (r != want)
            fail_msg("<%s> on %s: %d, want %d", buf, topics[t], (int)r,
                     (int)want);
        if (r == PVS_MQTT_OK) {
            assert_int_equal(m->nsamples, 1);
            assert_memory_equal(&m->samples[0].value, &v, sizeof(v));
            assert_int_equal(m->samples[0].dev, t == 2 ? 2 : 0);
            pvs_msg_free(m);
        } else {
            assert_null(m);
            assert_string_equal(why, "payload is not a number");
        }
    }
}

/* pvs_metric_parse as it was: the lookup every key goes through. */
static bool ref_metric_parse(const char *name, enum pvs_metric *ret_metric,
                             unsigned *ret_idx) {
    char buf[64];
    unsigned idx = 0;
    const char *rest = name;

    if (!strncmp(name, "mppt", 4)) {
        const char *p = name + 4;
        if (*p < '1' || *p > '9')
            return false;
        while (*p >= '0' && *p <= '9' && idx <= PVS_MPPT_MAX)
            idx = idx * 10 + (unsigned)(*p++ - '0');
        if (idx < 1 || idx > PVS_MPPT_MAX || *p != '_')
            return false;
        rest = p + 1;
    }
    for (int m = 0; m < PVS_M__COUNT; m++) {
        const char *full =
            pvs_metric_name((enum pvs_metric)m, 1, buf, sizeof(buf));
        bool per_mppt = !strncmp(full, "mppt1_", 6);

        if (per_mppt != (idx > 0))
            continue;
        if (!strcmp(per_mppt ? full + 6 : full, rest)) {
            *ret_metric = (enum pvs_metric)m;
            *ret_idx = idx;
            return true;
        }
    }
    return false;
}

static void test_metric_names(void **state) {
    static const char *const extra[] = {"",
                                        "m",
                                        "mppt",
                                        "mppt_",
                                        "mppt1",
                                        "mppt1_",
                                        "mppt0_power_w",
                                        "mppt01_power_w",
                                        "mppt33_power_w",
                                        "mppt99999999999_power_w",
                                        "mppt1_ac_power_w",
                                        "power_w",
                                        "voltage_v",
                                        "ts",
                                        "state",
                                        "State",
                                        "states",
                                        "stat",
                                        "a",
                                        "ac_power_w\n",
                                        " ac_power_w",
                                        "ac_power_",
                                        "ac_power_ww",
                                        "\xff",
                                        "mppt32_current_a",
                                        "mppt2_power_w",
                                        "mppt10_voltage_v"};
    char name[96], buf[64];
    size_t found = 0;

    (void)state;
    for (size_t i = 0; i < PVS_ARRAY_LEN(extra) + PVS_M__COUNT * 40; i++) {
        enum pvs_metric m1 = PVS_M__COUNT, m2 = PVS_M__COUNT;
        unsigned i1 = 99, i2 = 99;
        bool ok1, ok2;

        if (i < PVS_ARRAY_LEN(extra)) {
            snprintf(name, sizeof(name), "%s", extra[i]);
        } else {
            size_t k = i - PVS_ARRAY_LEN(extra);
            unsigned idx = 1 + (unsigned)(k / PVS_M__COUNT % 34);
            size_t len;

            pvs_metric_name((enum pvs_metric)(k % PVS_M__COUNT), idx, buf,
                            sizeof(buf));
            len = strlen(buf);
            /* The name, then with its first, second or last byte off. */
            snprintf(name, sizeof(name), "%s", buf);
            if (k / (PVS_M__COUNT * 34) == 0 && idx % 4 == 1)
                name[0] ^= 0x20;
            else if (idx % 4 == 2)
                name[1] = 'x';
            else if (idx % 4 == 3)
                name[len - 1] = '\0';
        }
        ok1 = ref_metric_parse(name, &m1, &i1);
        ok2 = !pvs_metric_parse(name, &m2, &i2);
        found += ok1;
        if (ok1 != ok2 || (ok1 && (m1 != m2 || i1 != i2)))
            fail_msg("'%s': %d %d/%u, was %d %d/%u", name, ok2, (int)m2, i2,
                     ok1, (int)m1, i1);
    }
    print_message("metric names: %zu found\n", found);
    assert_true(found > 200);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_flat),
        cmocka_unit_test(test_rejections),
        cmocka_unit_test(test_garbage),
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_exact_values),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_escaped_nul),
        cmocka_unit_test(test_long_tokens),
        cmocka_unit_test(test_depth),
        cmocka_unit_test(test_many_fields),
        cmocka_unit_test(test_flat_bounds),
        cmocka_unit_test(test_differential),
        cmocka_unit_test(test_differential_flat),
        cmocka_unit_test(test_metric_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
