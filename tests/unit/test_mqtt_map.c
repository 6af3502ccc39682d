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

#include "pvs/mqtt.h"

#define NOW 1732780800000LL

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

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_flat),
        cmocka_unit_test(test_rejections),
        cmocka_unit_test(test_garbage),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
