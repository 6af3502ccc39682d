/* SPDX-License-Identifier: MIT */
/*
 * test_mqtt_gateway.c - gateway layouts ([mqtt_map] and presets): every
 * fixture line of tests/data/mqtt/PRESET.txt (built from the gateway's
 * published topic documentation) gives exactly the samples it lists;
 * daily counters across the site's midnight; units; map errors at
 * file:line; hostile payloads and floods of unknown serials.
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
#include "pvs/entity.h"
#include "pvs/mqtt.h"

#define DIR "tests/data/mqtt/"
/* 2024-06-21T12:00:00Z */
#define NOON 1718971200000LL

static struct pvs_config *cfg;
static struct pvs_mqtt_map *map;

static int setup(void **state) {
    struct pvs_cfg_errors errs;

    (void)state;
    memset(&errs, 0, sizeof(errs));
    if (pvs_config_load(DIR "gateways.conf", &cfg, &errs)) {
        pvs_cfg_errors_print(&errs, stderr);
        return -1;
    }
    pvs_mqtt_map_check(cfg, &errs, true);
    if (errs.count) {
        pvs_cfg_errors_print(&errs, stderr);
        return -1;
    }
    map = pvs_mqtt_map_new(cfg);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    pvs_mqtt_map_free(map);
    pvs_config_free(cfg);
    return 0;
}

static char *trim(char *s) {
    char *e;

    while (*s == ' ')
        s++;
    e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\n'))
        *--e = '\0';
    return s;
}

/* Whether msg holds dev:metric=value (and nothing twice). */
static bool has_sample(const struct pvs_msg *m, const char *want) {
    char dev[64], metric[64];
    double v;
    const struct pvs_device *d;

    assert_int_equal(sscanf(want, "%63[^:]:%63[^=]=%lf", dev, metric, &v), 3);
    d = pvs_config_device(cfg, dev);
    assert_non_null(d);
    for (size_t i = 0; i < m->nsamples; i++) {
        const struct pvs_sample *s = &m->samples[i];
        char name[64];
        pvs_metric_name((enum pvs_metric)s->metric, s->idx, name, sizeof(name));
        if (s->dev == d->index && !strcmp(name, metric) &&
            fabs(s->value - v) <= 1e-6 * (fabs(v) + 1))
            return true;
    }
    return false;
}

static void run_fixture(const char *file) {
    char path[256], line[4096];
    FILE *f;
    int lines = 0;

    pvs_snprintf(path, sizeof(path), DIR "%s", file);
    f = fopen(path, "r");
    assert_non_null(f);
    while (fgets(line, sizeof(line), f)) {
        char *topic, *payload, *expect, *bar, why[160];
        struct pvs_msg *m = NULL;
        size_t unknown = 0;
        enum pvs_mqtt_result r;

        if (line[0] == '#' || line[0] == '\n')
            continue;
        topic = line;
        bar = strstr(topic, " | ");
        assert_non_null(bar);
        *bar = '\0';
        payload = bar + 3;
        bar = strstr(payload, " | ");
        if (!bar) { /* an empty payload: "TOPIC |  | EXPECT" */
            bar = strstr(payload - 1, " | ");
            assert_non_null(bar);
        }
        *bar = '\0';
        expect = trim(bar + 3);
        topic = trim(topic);
        payload = trim(payload);
        r = pvs_mqtt_map_parse(map, topic, payload, strlen(payload), NOON, &m,
                               &unknown, why, sizeof(why));
        lines++;
        if (!strcmp(expect, "ignored")) {
            if (r != PVS_MQTT_IGNORED)
                fail_msg("%s: '%s' gave %d (%s)", file, topic, r, why);
            continue;
        }
        if (!strcmp(expect, "unknown")) {
            if (r != PVS_MQTT_UNKNOWN_DEVICE)
                fail_msg("%s: '%s' gave %d, not unknown device", file, topic,
                         r);
            continue;
        }
        if (!strcmp(expect, "bad")) {
            if (r != PVS_MQTT_BAD_TOPIC)
                fail_msg("%s: '%s' gave %d, not a bad topic", file, topic, r);
            continue;
        }
        if (r != PVS_MQTT_OK)
            fail_msg("%s: '%s' '%s' gave %d (%s)", file, topic, payload, r,
                     why);
        {
            size_t nwant = 1;
            char *p = expect, *comma;
            for (const char *c = expect; *c; c++)
                nwant += *c == ',';
            if (m->nsamples != nwant)
                fail_msg("%s: '%s' gave %zu samples, expected %zu", file, topic,
                         m->nsamples, nwant);
            for (;;) {
                comma = strchr(p, ',');
                if (comma)
                    *comma = '\0';
                if (!has_sample(m, p))
                    fail_msg("%s: '%s' lacks %s", file, topic, p);
                if (!comma)
                    break;
                p = comma + 1;
            }
        }
        pvs_msg_free(m);
    }
    fclose(f);
    assert_true(lines >= 2);
}

static void test_opendtu(void **s) {
    (void)s;
    run_fixture("opendtu.txt");
}
static void test_ahoy(void **s) {
    (void)s;
    run_fixture("ahoy.txt");
}
static void test_venus(void **s) {
    (void)s;
    run_fixture("venus.txt");
}
static void test_sbfspot(void **s) {
    (void)s;
    run_fixture("sbfspot.txt");
}
static void test_deye(void **s) {
    (void)s;
    run_fixture("deye.txt");
}
static void test_shelly(void **s) {
    (void)s;
    run_fixture("shelly.txt");
}
static void test_tasmota(void **s) {
    (void)s;
    run_fixture("tasmota.txt");
}
static void test_statestream(void **s) {
    (void)s;
    run_fixture("statestream.txt");
}

static void test_filters_and_keepalive(void **s) {
    size_t n;
    const char *const *f = pvs_mqtt_map_filters(map, &n);
    const struct pvs_mqtt_keepalive *ka;
    bool dtu = false, venus = false;

    (void)s;
    for (size_t i = 0; i < n; i++) {
        dtu |= !strcmp(f[i], "solar/+/+/+");
        venus |= !strcmp(f[i], "N/c0619ab00001/pvinverter/+/#");
    }
    assert_true(dtu);
    assert_true(venus);
    ka = pvs_mqtt_map_keepalives(map, &n);
    assert_int_equal(n, 1);
    assert_string_equal(ka[0].topic, "R/c0619ab00001/keepalive");
    assert_int_equal(ka[0].every_ms, 30000);
}

static uint8_t today(const char *payload, int64_t ts, double *ret_v) {
    struct pvs_msg *m = NULL;
    size_t unknown;
    char why[160];
    uint8_t q;

    assert_int_equal(pvs_mqtt_map_parse(map, "solar/114182967890/0/yieldday",
                                        payload, strlen(payload), ts, &m,
                                        &unknown, why, sizeof(why)),
                     PVS_MQTT_OK);
    assert_int_equal(m->nsamples, 1);
    assert_int_equal(m->samples[0].metric, PVS_M_AC_ENERGY_TODAY_WH);
    q = m->samples[0].quality;
    *ret_v = m->samples[0].value;
    pvs_msg_free(m);
    return q;
}

/*
 * Paris is UTC+2 in June: midnight there is 22:00 UTC. Yesterday's total
 * published after it is stale; the reset starts the new day; a value
 * published before local midnight (21:59 UTC) is still fresh.
 */
static void test_daily_counter_midnight(void **s) {
    const int64_t h = 3600000;
    const int64_t d0 = 1718928000000LL; /* 2024-06-21T00:00:00Z */
    double v;

    (void)s;
    assert_int_equal(today("5200", d0 + 18 * h, &v), PVS_Q_OK);
    assert_int_equal(today("5210", d0 + 21 * h + 59 * 60000, &v), PVS_Q_OK);
    /* 00:30 in Paris: the gateway still shows yesterday's total */
    assert_int_equal(today("5210", d0 + 22 * h + 30 * 60000, &v), PVS_Q_STALE);
    assert_int_equal(today("5210", d0 + 27 * h, &v), PVS_Q_STALE);
    /* dawn: the inverter wakes and resets; never negative */
    assert_int_equal(today("0", d0 + 28 * h, &v), PVS_Q_OK);
    assert_true(v >= 0);
    assert_int_equal(today("15", d0 + 29 * h, &v), PVS_Q_OK);
    assert_int_equal(today("2200", d0 + 34 * h, &v), PVS_Q_OK);
    assert_float_equal(v, 2200, 1e-9);
    /* a fall within the day (inverter restart) is a fresh start */
    assert_int_equal(today("10", d0 + 35 * h, &v), PVS_Q_OK);
}

static void test_units(void **s) {
    struct pvs_msg *m = NULL;
    size_t unknown;
    char why[160];
    const char *p = "2.5";

    (void)s;
    /* statestream binds power in kW and energy in kWh */
    assert_int_equal(
        pvs_mqtt_map_parse(map,
                           "homeassistant/sensor/garage_inverter_power/state",
                           p, 3, NOON, &m, &unknown, why, sizeof(why)),
        PVS_MQTT_OK);
    assert_float_equal(m->samples[0].value, 2500, 1e-9);
    pvs_msg_free(m);
    assert_int_equal(pvs_mqtt_map_parse(map, "deye/total_energy", p, 3, NOON,
                                        &m, &unknown, why, sizeof(why)),
                     PVS_MQTT_OK);
    assert_int_equal(m->samples[0].metric, PVS_M_AC_ENERGY_WH);
    assert_float_equal(m->samples[0].value, 2500, 1e-9);
    pvs_msg_free(m);
    /* a plain Victron state code (244 sustain) through its table */
    assert_int_equal(pvs_mqtt_map_parse(
                         map, "homeassistant/sensor/garage_charger_state/state",
                         "244", 3, NOON, &m, &unknown, why, sizeof(why)),
                     PVS_MQTT_OK);
    assert_int_equal(m->samples[0].metric, PVS_M_STATE);
    assert_float_equal(m->samples[0].value, PVS_ST_STANDBY, 1e-9);
    pvs_msg_free(m);
}

/* Thousands of serials nobody configured: each one is refused and no
 * device appears; the map holds no state for them. */
static void test_unknown_serial_flood(void **s) {
    char topic[128], why[160];
    size_t before = cfg->ndevices;

    (void)s;
    for (int i = 0; i < 5000; i++) {
        struct pvs_msg *m = NULL;
        size_t unknown = 0;
        pvs_snprintf(topic, sizeof(topic), "solar/%012d/0/power", 500000 + i);
        assert_int_equal(pvs_mqtt_map_parse(map, topic, "1", 1, NOON, &m,
                                            &unknown, why, sizeof(why)),
                         PVS_MQTT_UNKNOWN_DEVICE);
        assert_null(m);
        assert_non_null(strstr(why, "no device with serial"));
    }
    assert_int_equal(cfg->ndevices, before);
}

/* JSON paths into huge and deep payloads: refused or read, bounded. */
static void test_hostile_json(void **s) {
    size_t big = 4 << 20, unknown;
    char *p = pvs_malloc(big + 64), why[160];
    struct pvs_msg *m = NULL;
    size_t n = 0;
    enum pvs_mqtt_result r;

    (void)s;
    /* 100,000 levels of nesting: checked without recursion, refused */
    for (size_t i = 0; i < 100000; i++)
        p[n++] = '{', p[n++] = '"', p[n++] = 'a', p[n++] = '"', p[n++] = ':';
    p[n++] = '1';
    for (size_t i = 0; i < 100000; i++)
        p[n++] = '}';
    r = pvs_mqtt_map_parse(map, "sbfspot_2130012345", p, n, NOON, &m, &unknown,
                           why, sizeof(why));
    assert_int_equal(r, PVS_MQTT_MALFORMED);
    assert_null(m);
    /* deep but legal (40 levels): paths stop at 8, the rest is skipped */
    n = 0;
    n += (size_t)pvs_snprintf(p, 64, "{\"PACTot\": 10, \"ENERGY\": ");
    for (int i = 0; i < 40; i++)
        n += (size_t)pvs_snprintf(p + n, 16, "{\"ENERGY\": ");
    p[n++] = '1';
    for (int i = 0; i < 40; i++)
        p[n++] = '}';
    p[n++] = '}';
    r = pvs_mqtt_map_parse(map, "sbfspot_2130012345", p, n, NOON, &m, &unknown,
                           why, sizeof(why));
    assert_int_equal(r, PVS_MQTT_OK);
    assert_int_equal(m->nsamples, 1);
    pvs_msg_free(m);
    /* a 4 MB string before the field, and a 4 MB key */
    n = (size_t)pvs_snprintf(p, 64, "{\"x\": \"");
    memset(p + n, 'y', big - 100);
    n += big - 100;
    n += (size_t)pvs_snprintf(p + n, 64, "\", \"PACTot\": 7}");
    r = pvs_mqtt_map_parse(map, "sbfspot_2130012345", p, n, NOON, &m, &unknown,
                           why, sizeof(why));
    assert_int_equal(r, PVS_MQTT_OK);
    assert_float_equal(m->samples[0].value, 7, 0);
    pvs_msg_free(m);
    p[1] = '"';
    memset(p + 2, 'k', big - 100);
    n = 2 + big - 100;
    n += (size_t)pvs_snprintf(p + n, 64, "\": 1, \"PACTot\": 8}");
    r = pvs_mqtt_map_parse(map, "sbfspot_2130012345", p, n, NOON, &m, &unknown,
                           why, sizeof(why));
    assert_int_equal(r, PVS_MQTT_OK);
    assert_float_equal(m->samples[0].value, 8, 0);
    pvs_msg_free(m);
    /* truncated JSON after a good field: the whole message is refused */
    r = pvs_mqtt_map_parse(map, "sbfspot_2130012345", "{\"PACTot\": 7, \"E", 17,
                           NOON, &m, &unknown, why, sizeof(why));
    assert_int_equal(r, PVS_MQTT_MALFORMED);
    pvs_free(p);
}

/* Map errors: every one at its file:line. */
static void test_errors(void **s) {
    static const char conf[] = "[site \"s\"]\n"                     /* 1 */
                               "latitude = 45\nlongitude = 4\n"     /* 2-3 */
                               "[device \"a\"]\nsite = s\n"         /* 4-5 */
                               "[mqtt_map \"m1\"]\n"                /* 6 */
                               "preset = opendtu\n"                 /* 7 */
                               "site = s\n"                         /* 8 */
                               "[mqtt_map \"m2\"]\n"                /* 9 */
                               "preset = nosuch\n"                  /* 10 */
                               "[mqtt_map \"m3\"]\n"                /* 11 */
                               "topic = x/{serial}/{bogus} plain\n" /* 12 */
                               "field.power = ac_power_w kWh\n"     /* 13 */
                               "field.p2 = no_such_metric\n"        /* 14 */
                               "colour = blue\n"                    /* 15 */
                               "dc.q = mppt_power_w @ghost\n"       /* 16 */
                               "[mqtt_map \"m4\"]\n"                /* 17 */
                               "topic = y/{field} plain\n"          /* 18 */
                               "[mqtt_map \"m5\"]\n"                /* 19 */
                               "preset = venus\n"                   /* 20 */
                               "[mqtt_map \"m6\"]\n"                /* 21 */
                               "topic = z/{serial}/{field} value\n" /* 22 */
                               "field.state = state sma\n";         /* 23 */
    char path[] = "/tmp/pvs-mm-XXXXXX", all[4096];
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    struct pvs_cfg_errors errs;
    struct pvs_config *c;
    size_t n = 0;
    static const char *const want[] = {
        ":7: topic 'solar/{serial}/status/{field}' can never match",
        ":10: unknown preset 'nosuch'",
        ":12: topic 'x/{serial}/{bogus}': unknown wildcard 'bogus'",
        ":13: field 'power': unit 'kWh' does not fit metric 'ac_power_w'",
        ":14: field 'p2': unknown metric 'no_such_metric'",
        ":15: unknown key 'colour'",
        ":16: field 'q': device 'ghost' is not defined",
        ":18: topic 'y/{field}' names no device",
        ":20: set prefix to the VRM portal ID",
        ":23: field 'state': 'sma' is no table of state codes (victron",
    };

    (void)s;
    fputs(conf, f);
    fclose(f);
    memset(&errs, 0, sizeof(errs));
    c = pvs_config_load_all(path, &errs);
    assert_int_equal(errs.count, 0);
    pvs_mqtt_map_check(c, &errs, true);
    for (size_t i = 0; i < errs.count; i++)
        n +=
            (size_t)pvs_snprintf(all + n, sizeof(all) - n, "%s\n", errs.msg[i]);
    for (size_t i = 0; i < PVS_ARRAY_LEN(want); i++)
        if (!strstr(all, want[i]))
            fail_msg("missing '%s' in:\n%s", want[i], all);
    pvs_cfg_errors_release(&errs);
    pvs_config_free(c);
    unlink(path);
}

/*
 * The API's check of a map (POST /mqtt-maps): each bad map is refused
 * with the member at fault and what is expected, through the entity
 * model's object check as the HTTP and engine threads call it.
 */
static void test_api_validation(void **s) {
    static const struct {
        const char *json;
        bool create;
        const char *field, *msg; /* NULL: accepted */
    } cases[] = {
        {"{\"preset\": \"nosuch\"}", true, "preset",
         "unknown preset 'nosuch': expected one of opendtu, ahoy"},
        {"{\"settings\": {\"topic\": \"x/{serial}/{bogus} plain\"}}", true,
         "settings.topic", "unknown wildcard 'bogus': expected site"},
        {"{\"settings\": {\"topic\": \"x/{serial}/{field} xml\"}}", true,
         "settings.topic", "payload form 'xml': expected plain, value or json"},
        {"{\"preset\": \"opendtu\", \"settings\": {\"field.power\": "
         "\"ac_power_w kWh\"}}",
         true, "settings.field.power",
         "unit 'kWh' does not fit metric 'ac_power_w'"},
        {"{\"preset\": \"opendtu\", \"settings\": {\"colour\": \"blue\"}}",
         true, "settings.colour", "unknown key 'colour'"},
        {"{\"preset\": \"opendtu\", \"settings\": {\"ac_channel\": "
         "\"200\"}}",
         true, "settings.ac_channel", "expected -1 (none) to 99"},
        {"{\"preset\": \"venus\"}", true, "settings.prefix",
         "set prefix to the VRM portal ID"},
        {"{\"preset\": \"opendtu\", \"settings\": {\"site\": \"x\"}}", true,
         "settings.site", "set 'site_id'"},
        {"{\"preset\": \"opendtu\", \"devices\": [\"1 2 3\"]}", true, "devices",
         "expected 'SERIAL DEVICE' or one DEVICE"},
        {"{\"site_id\": \"s1\"}", true, "preset",
         "a map needs a preset or settings.topic"},
        {"{\"settings\": {\"keepalive\": \"2h\"}}", false, "settings.keepalive",
         "expected 1s to 1h"},
        {"{\"site_id\": \"s1\"}", false, NULL, NULL},
        /* a PATCH of the preset alone keeps the stored prefix */
        {"{\"preset\": \"venus\"}", false, NULL, NULL},
        {"{\"preset\": \"venuss\"}", false, "preset", "unknown preset"},
        {"{\"preset\": \"opendtu\", \"settings\": {\"prefix\": \"x\", "
         "\"field.p\": \"ac_power_w kW @inv-1\"}, \"devices\": "
         "[\"114182912345 hm1\", \"dtu\"]}",
         true, NULL, NULL},
        {"{\"preset\": \"venus\", \"settings\": {\"prefix\": "
         "\"c0619ab00001\", \"field.state\": \"state victron\"}}",
         true, NULL, NULL},
    };
    const struct pvs_entity *e = pvs_entity_find("mqtt_map");

    (void)s;
    assert_non_null(e);
    pvs_entity_set_check("mqtt_map", pvs_mqtt_map_validate_json);
    for (size_t i = 0; i < PVS_ARRAY_LEN(cases); i++) {
        cJSON *j = cJSON_Parse(cases[i].json);
        char field[64], msg[200];
        enum pvs_err rc;

        assert_non_null(j);
        rc = pvs_entity_validate_json(e, j, cases[i].create, field,
                                      sizeof(field), msg, sizeof(msg));
        cJSON_Delete(j);
        if (!cases[i].field) {
            if (rc)
                fail_msg("%s refused: %s: %s", cases[i].json, field, msg);
            continue;
        }
        if (!rc || strcmp(field, cases[i].field) || !strstr(msg, cases[i].msg))
            fail_msg("%s gave %d '%s': '%s'", cases[i].json, rc, field, msg);
    }
    pvs_entity_set_check("mqtt_map", NULL);
}

/* Two devices of one site with one serial: the second is the error. */
static void test_duplicate_serial(void **s) {
    static const char conf[] = "[site \"s\"]\nlatitude = 1\nlongitude = 1\n"
                               "[device \"a\"]\nsite = s\nserial = 7\n"
                               "[device \"b\"]\nsite = s\nserial = 8\n"
                               "[device \"c\"]\nsite = s\nserial = 7\n";
    char path[] = "/tmp/pvs-mm-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    struct pvs_cfg_errors errs;
    struct pvs_config *c;

    (void)s;
    fputs(conf, f);
    fclose(f);
    memset(&errs, 0, sizeof(errs));
    c = pvs_config_load_all(path, &errs);
    assert_int_equal(errs.count, 1);
    assert_non_null(strstr(errs.msg[0], ":12: serial '7' is also the serial "
                                        "of device 'a'"));
    pvs_cfg_errors_release(&errs);
    pvs_config_free(c);
    unlink(path);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_opendtu),
        cmocka_unit_test(test_ahoy),
        cmocka_unit_test(test_venus),
        cmocka_unit_test(test_sbfspot),
        cmocka_unit_test(test_deye),
        cmocka_unit_test(test_shelly),
        cmocka_unit_test(test_tasmota),
        cmocka_unit_test(test_statestream),
        cmocka_unit_test(test_filters_and_keepalive),
        cmocka_unit_test(test_daily_counter_midnight),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_unknown_serial_flood),
        cmocka_unit_test(test_hostile_json),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_duplicate_serial),
        cmocka_unit_test(test_api_validation),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
