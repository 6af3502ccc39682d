/* SPDX-License-Identifier: MIT */
/*
 * test_rule_communication.c - sun-aware liveness: device, gateway and site
 * down; night is sleeping; start-up grace and ingest outages hold alerts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "pvs/config.h"
#include "pvs/expect.h"
#include "pvs/rules.h"
#include "pvs/sun.h"

#define MIN 60000LL
#define HOUR (60 * MIN)
/* 2024-06-21 00:00 UTC; Golden CO sunrise ~11:35 UTC, sunset ~02:30. */
#define DAY0 1718928000000LL

struct ev {
    char fp[PVS_FP_MAX];
    enum pvs_alert_state state;
    int64_t ts;
    const char *kb;
    enum pvs_severity sev;
};

static struct ev evs[64];
static size_t nev;

static void on_alert(void *ud, const struct pvs_alert_event *e) {
    (void)ud;
    if (strcmp(e->family, "communication"))
        return; /* the other families see these flat test series too */
    if (nev < 64) {
        pvs_strlcpy(evs[nev].fp, e->fingerprint, sizeof(evs[nev].fp));
        evs[nev].state = e->state;
        evs[nev].ts = e->ts_ms;
        evs[nev].kb = e->kb;
        evs[nev].sev = e->severity;
        nev++;
    }
}

static struct pvs_config *load(const char *text) {
    char path[] = "/tmp/pvs-test-comm-XXXXXX";
    int fd = mkstemp(path);
    FILE *f;
    struct pvs_config *cfg = NULL;
    struct pvs_cfg_errors errs;

    memset(&errs, 0, sizeof(errs));
    assert_true(fd >= 0);
    f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    if (pvs_config_load(path, &cfg, &errs))
        pvs_cfg_errors_print(&errs, stderr);
    unlink(path);
    assert_non_null(cfg);
    return cfg;
}

static const char *two_dev =
    "[site \"s1\"]\nlatitude = 39.74\nlongitude = -105.17\nkwp = 10\n"
    "[endpoint \"gw\"]\nurl = tcp://192.0.2.1:502\n"
    "[device \"a\"]\nsite = s1\nendpoint = gw\n"
    "[device \"b\"]\nsite = s1\nendpoint = gw\nunit_id = 2\n"
    "[rule \"threshold\"]\nfamily = threshold\nenabled = false\n";

static const char *one_dev =
    "[global]\ngrace_period = 10m\n"
    "[site \"s1\"]\nlatitude = 39.74\nlongitude = -105.17\nkwp = 5\n"
    "[device \"a\"]\nsite = s1\n";

static void feed(struct pvs_ruleset *rs, uint32_t dev, int64_t t) {
    struct pvs_sample s;

    memset(&s, 0, sizeof(s));
    s.dev = dev;
    s.metric = PVS_M_AC_POWER_W;
    s.ts_ms = t;
    s.value = 1000;
    pvs_ruleset_sample(rs, &s);
}

static size_t count(const char *needle, enum pvs_alert_state st) {
    size_t n = 0;

    for (size_t i = 0; i < nev; i++)
        if (strstr(evs[i].fp, needle) && evs[i].state == st)
            n++;
    return n;
}

/* Run from t0 to t1 in 5 minute steps; devices in mask send data. */
static void run(struct pvs_ruleset *rs, int64_t t0, int64_t t1, unsigned mask) {
    for (int64_t t = t0; t < t1; t += 5 * MIN) {
        for (uint32_t d = 0; d < 8; d++)
            if (mask & (1u << d))
                feed(rs, d, t);
        pvs_ruleset_tick(rs, t);
    }
}

static void test_device_down_and_back(void **state) {
    struct pvs_config *cfg = load(one_dev);
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;

    (void)state;
    nev = 0;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, DAY0 + 14 * HOUR);
    run(rs, DAY0 + 14 * HOUR, DAY0 + 17 * HOUR, 1);
    assert_int_equal(nev, 0);
    /* Silent from 17:00 UTC (11:00 local). */
    run(rs, DAY0 + 17 * HOUR, DAY0 + 17 * HOUR + 9 * MIN, 0);
    assert_int_equal(nev, 0);
    run(rs, DAY0 + 17 * HOUR + 10 * MIN, DAY0 + 18 * HOUR, 0);
    assert_int_equal(count("s1/a/communication", PVS_ALERT_FIRING), 1);
    assert_true(evs[0].ts <= DAY0 + 17 * HOUR + 20 * MIN);
    assert_string_equal(evs[0].kb, "communication-device");
    run(rs, DAY0 + 18 * HOUR, DAY0 + 19 * HOUR, 1);
    assert_int_equal(count("s1/a/communication", PVS_ALERT_RESOLVED), 1);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

static void test_night_is_sleeping(void **state) {
    struct pvs_config *cfg = load(one_dev);
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;

    (void)state;
    nev = 0;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, DAY0 + 20 * HOUR);
    /* Data until 02:00 UTC (elevation 5 deg), then silent all night. */
    run(rs, DAY0 + 20 * HOUR, DAY0 + 26 * HOUR, 1);
    run(rs, DAY0 + 26 * HOUR, DAY0 + 36 * HOUR, 0);
    assert_int_equal(nev, 0);
    /* Wakes up at 12:20 UTC, 13 min after the sun passed 5 deg. */
    run(rs, DAY0 + 36 * HOUR + 20 * MIN, DAY0 + 40 * HOUR, 1);
    assert_int_equal(nev, 0);
    /* Next morning it stays silent: alert within an hour of the time it
     * woke the day before (12:20 UTC), its learnt envelope plus margin. */
    run(rs, DAY0 + 40 * HOUR, DAY0 + 50 * HOUR, 1);
    run(rs, DAY0 + 50 * HOUR, DAY0 + 62 * HOUR, 0);
    assert_int_equal(count("s1/a/communication", PVS_ALERT_FIRING), 1);
    assert_true(evs[0].ts > DAY0 + 60 * HOUR);
    assert_true(evs[0].ts < DAY0 + 61 * HOUR + 20 * MIN);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

static void test_site_and_gateway(void **state) {
    struct pvs_config *cfg = load(two_dev);
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;

    (void)state;
    nev = 0;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, DAY0 + 14 * HOUR);
    run(rs, DAY0 + 14 * HOUR, DAY0 + 16 * HOUR, 3);
    /* Both silent: one site alert, nothing per device or gateway. */
    run(rs, DAY0 + 16 * HOUR, DAY0 + 17 * HOUR, 0);
    assert_int_equal(count("s1/-/communication/site", PVS_ALERT_FIRING), 1);
    assert_int_equal(count("s1/a/", PVS_ALERT_FIRING), 0);
    assert_int_equal(count("s1/b/", PVS_ALERT_FIRING), 0);
    assert_int_equal(count("endpoint", PVS_ALERT_FIRING), 0);
    /* a comes back, b stays silent: the site resolves, b is its own. */
    run(rs, DAY0 + 17 * HOUR, DAY0 + 18 * HOUR, 1);
    assert_int_equal(count("s1/-/communication/site", PVS_ALERT_RESOLVED), 1);
    assert_int_equal(count("s1/b/communication", PVS_ALERT_FIRING), 1);
    assert_int_equal(count("s1/a/communication", PVS_ALERT_FIRING), 0);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

/* An OpenDTU carrying three microinverters, and a meter of its own. */
static const char *dtu_site =
    "[site \"s1\"]\nlatitude = 39.74\nlongitude = -105.17\nkwp = 10\n"
    "[device \"dtu\"]\nsite = s1\nkind = logger\n"
    "[device \"m1\"]\nsite = s1\nserial = 1001\n"
    "[device \"m2\"]\nsite = s1\nserial = 1002\n"
    "[device \"m3\"]\nsite = s1\nserial = 1003\n"
    "[device \"meter\"]\nsite = s1\nkind = meter\n"
    "[mqtt_map \"roof\"]\npreset = opendtu\nsite = s1\ngateway = dtu\n"
    "[rule \"threshold\"]\nfamily = threshold\nenabled = false\n";

static void feed_metric(struct pvs_ruleset *rs, uint32_t dev,
                        enum pvs_metric metric, double v, int64_t t) {
    struct pvs_sample s;

    memset(&s, 0, sizeof(s));
    s.dev = dev;
    s.metric = (uint16_t)metric;
    s.ts_ms = t;
    s.value = v;
    pvs_ruleset_sample(rs, &s);
}

/*
 * The gateway loses one microinverter (it keeps saying "reachable 0" for
 * it): one device alert for it alone. Then the gateway goes silent with
 * all of them while the meter goes on: one gateway alert, none per
 * microinverter; data from them resolves it.
 */
static void test_mqtt_gateway(void **state) {
    struct pvs_config *cfg = load(dtu_site);
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;
    int64_t t;

    (void)state;
    nev = 0;
    memset(&errs, 0, sizeof(errs));
    assert_ptr_equal(cfg->devices[1]->mqtt_map, cfg->mqtt_maps[0]);
    assert_ptr_equal(cfg->devices[0]->mqtt_map, cfg->mqtt_maps[0]);
    assert_null(cfg->devices[4]->mqtt_map);
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, DAY0 + 14 * HOUR);
    run(rs, DAY0 + 14 * HOUR, DAY0 + 16 * HOUR, 0x1f);
    assert_int_equal(nev, 0);
    /* m2 unreachable: the DTU reports it, m2 itself says nothing */
    for (t = DAY0 + 16 * HOUR; t < DAY0 + 17 * HOUR; t += 5 * MIN) {
        feed(rs, 0, t);
        feed(rs, 1, t);
        feed(rs, 3, t);
        feed(rs, 4, t);
        feed_metric(rs, 2, PVS_M_REACHABLE, 0, t);
        pvs_ruleset_tick(rs, t);
    }
    assert_int_equal(count("s1/m2/communication", PVS_ALERT_FIRING), 1);
    assert_int_equal(count("gateway:roof", PVS_ALERT_FIRING), 0);
    assert_int_equal(count("s1/m1/", PVS_ALERT_FIRING), 0);
    /* the whole gateway goes silent, the meter does not */
    run(rs, DAY0 + 17 * HOUR, DAY0 + 18 * HOUR, 0x10);
    assert_int_equal(count("communication/gateway:roof", PVS_ALERT_FIRING), 1);
    assert_int_equal(count("s1/m1/", PVS_ALERT_FIRING), 0);
    assert_int_equal(count("s1/m3/", PVS_ALERT_FIRING), 0);
    assert_int_equal(count("s1/dtu/", PVS_ALERT_FIRING), 0);
    assert_int_equal(count("communication/site", PVS_ALERT_FIRING), 0);
    run(rs, DAY0 + 18 * HOUR, DAY0 + 19 * HOUR, 0x1f);
    assert_int_equal(count("gateway:roof", PVS_ALERT_RESOLVED), 1);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

/* A site whose only source is the gateway: silent = one site alert. */
static void test_mqtt_gateway_whole_site(void **state) {
    struct pvs_config *cfg = load(dtu_site);
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;

    (void)state;
    nev = 0;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, DAY0 + 14 * HOUR);
    run(rs, DAY0 + 14 * HOUR, DAY0 + 16 * HOUR, 0x1f);
    run(rs, DAY0 + 16 * HOUR, DAY0 + 17 * HOUR, 0);
    assert_int_equal(count("communication/site", PVS_ALERT_FIRING), 1);
    assert_int_equal(nev, 1);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

static void test_held_while_ingest_down(void **state) {
    struct pvs_config *cfg = load(one_dev);
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;

    (void)state;
    nev = 0;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    /* Start-up grace: silent from the start, nothing for grace+timeout. */
    pvs_ruleset_start(rs, DAY0 + 16 * HOUR);
    run(rs, DAY0 + 16 * HOUR, DAY0 + 16 * HOUR + 24 * MIN, 0);
    assert_int_equal(nev, 0);
    run(rs, DAY0 + 16 * HOUR + 25 * MIN, DAY0 + 17 * HOUR, 1);
    assert_int_equal(nev, 0);
    /* Broker down for an hour: no data, but no alert either. */
    pvs_ruleset_set_ingest(rs, false, DAY0 + 17 * HOUR);
    run(rs, DAY0 + 17 * HOUR, DAY0 + 18 * HOUR, 0);
    pvs_ruleset_set_ingest(rs, true, DAY0 + 18 * HOUR);
    run(rs, DAY0 + 18 * HOUR + 5 * MIN, DAY0 + 19 * HOUR, 1);
    assert_int_equal(nev, 0);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

static double poa_at(const struct pvs_config *cfg, int64_t t) {
    struct pvs_expect_in in;
    struct pvs_expect_out out;

    pvs_expect_in_init(&in);
    pvs_expect_power(cfg->sites[0], 1.0, 0, t, &in, &out);
    return out.elevation_deg > 0 ? out.clear_poa_wm2 : 0;
}

/*
 * A logger that sleeps below 250 W/m2 of clear sky (a steep or shaded
 * array) raises nothing at dusk and dawn, from the first day; once its
 * envelope is learnt, a silence at noon is still found within minutes.
 */
static void test_sleeping_logger_envelope(void **state) {
    struct pvs_config *cfg = load(one_dev);
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;
    int64_t dies = DAY0 + 6 * 24 * HOUR + 19 * HOUR, t;

    (void)state;
    nev = 0;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, DAY0 + 14 * HOUR);
    for (t = DAY0 + 14 * HOUR; t < dies; t += 5 * MIN) {
        if (poa_at(cfg, t) >= 250)
            feed(rs, 0, t);
        pvs_ruleset_tick(rs, t);
    }
    assert_int_equal(count("s1/a/communication", PVS_ALERT_FIRING), 0);
    for (; t < dies + HOUR; t += 5 * MIN)
        pvs_ruleset_tick(rs, t);
    assert_int_equal(count("s1/a/communication", PVS_ALERT_FIRING), 1);
    assert_true(evs[0].ts <= dies + 30 * MIN);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

/* Hourly data: silence is judged on the interval once it is known. */
static void test_hourly_first_hours(void **state) {
    struct pvs_config *cfg = load(one_dev);
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;

    (void)state;
    nev = 0;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, DAY0 + 15 * HOUR);
    for (int64_t t = DAY0 + 15 * HOUR; t < DAY0 + 22 * HOUR; t += 5 * MIN) {
        if (!((t - DAY0) % HOUR))
            feed(rs, 0, t);
        pvs_ruleset_tick(rs, t);
    }
    assert_int_equal(count("s1/a/communication", PVS_ALERT_FIRING), 0);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

static char saved[512];

static void keep_learnt(void *ud, const char *rule, const char *device,
                        const char *text) {
    (void)ud;
    assert_string_equal(device, "a");
    if (!strcmp(rule, "communication"))
        pvs_strlcpy(saved, text, sizeof(saved));
}

/*
 * A logger that talks down to 40 W/m2 of clear sky: once learnt, an
 * evening silence at 200 W/m2 is found; a rule set that starts without
 * what was learnt does not (its default is conservative), one that is
 * given the saved envelope does.
 */
static size_t evening(const char *restore, bool learn) {
    struct pvs_config *cfg = load(one_dev);
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;
    int64_t t0 = DAY0 + 6 * 24 * HOUR + 14 * HOUR, t, stop = 0;
    size_t n;

    nev = 0;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    if (restore)
        assert_true(pvs_ruleset_load_learnt(rs, "communication", "a", restore));
    pvs_ruleset_start(rs, learn ? DAY0 + 14 * HOUR : t0);
    for (t = learn ? DAY0 + 14 * HOUR : t0; t < t0; t += 5 * MIN) {
        if (poa_at(cfg, t) >= 40)
            feed(rs, 0, t);
        pvs_ruleset_tick(rs, t);
    }
    if (learn)
        pvs_ruleset_save_learnt(rs, keep_learnt, NULL);
    /* The last day: silent from the afternoon's 200 W/m2 on. */
    for (; t < t0 + 14 * HOUR; t += 5 * MIN) {
        double poa = poa_at(cfg, t);
        if (!stop && t > t0 + 4 * HOUR && poa < 200)
            stop = t;
        if (!stop && poa >= 40)
            feed(rs, 0, t);
        pvs_ruleset_tick(rs, t);
    }
    n = count("s1/a/communication", PVS_ALERT_FIRING);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
    return n;
}

static void test_envelope_saved_and_restored(void **state) {
    char copy[512];

    (void)state;
    saved[0] = '\0';
    assert_int_equal(evening(NULL, true), 1);
    assert_non_null(strstr(saved, "env1 "));
    pvs_strlcpy(copy, saved, sizeof(copy));
    /* A restart without it: the conservative default stays quiet. */
    assert_int_equal(evening(NULL, false), 0);
    /* With it: the same envelope, the same alert. */
    assert_int_equal(evening(copy, false), 1);
}

/*
 * A site with an irradiance sensor on its own logger: the inverter's
 * logger goes quiet at noon. Under a dark sky (the sensor reads 80 W/m2)
 * that is sleep, not an outage; under a clear one it is found.
 */
static size_t noon_silence(double sensor_wm2) {
    static const char conf[] =
        "[global]\ngrace_period = 10m\n"
        "[site \"s1\"]\nlatitude = 39.74\nlongitude = -105.17\nkwp = 5\n"
        "[device \"a\"]\nsite = s1\n"
        "[device \"met\"]\nsite = s1\nkind = sensor\n";
    struct pvs_config *cfg = load(conf);
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;
    size_t n;

    nev = 0;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, DAY0 + 14 * HOUR);
    for (int64_t t = DAY0 + 14 * HOUR; t < DAY0 + 24 * HOUR; t += 5 * MIN) {
        struct pvs_sample s;

        memset(&s, 0, sizeof(s));
        s.dev = 1;
        s.metric = PVS_M_POA_IRRADIANCE_WM2;
        s.ts_ms = t;
        s.value = sensor_wm2 > 0 ? sensor_wm2 : poa_at(cfg, t);
        pvs_ruleset_sample(rs, &s);
        if (t < DAY0 + 18 * HOUR)
            feed(rs, 0, t);
        pvs_ruleset_tick(rs, t);
    }
    n = count("s1/a/communication", PVS_ALERT_FIRING);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
    return n;
}

static void test_sensor_dark_sky_is_sleep(void **state) {
    (void)state;
    assert_int_equal(noon_silence(80), 0);
    assert_int_equal(noon_silence(0), 1);
}

/*
 * A logger whose clock runs an hour ahead sends its last output of a
 * summer evening with the sun, on its clock, 8 degrees down. That is
 * dusk, not data in the dark: the device still sleeps, and once that
 * evening has left its envelope (a week), its mornings and evenings at
 * 250 W/m2 raise nothing again.
 */
static void test_evening_sample_at_dusk_keeps_envelope(void **state) {
    struct pvs_config *cfg = load(one_dev);
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;
    int64_t t, end = DAY0 + 12 * 24 * HOUR;
    size_t before = 0;
    bool dusk = false;

    (void)state;
    nev = 0;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, DAY0 + 14 * HOUR);
    for (t = DAY0 + 14 * HOUR; t < end; t += 5 * MIN) {
        double el = pvs_sun_elevation(39.74, -105.17, t);

        if (poa_at(cfg, t) >= 250) {
            feed(rs, 0, t);
            dusk = false;
        } else if (!dusk && el < -8.0 && el > -9.0 && t > DAY0 + 24 * HOUR &&
                   t < DAY0 + 48 * HOUR) {
            feed(rs, 0, t); /* the evening's last sample, an hour late */
            dusk = true;
        }
        pvs_ruleset_tick(rs, t);
        if (t == DAY0 + 9 * 24 * HOUR)
            before = count("s1/a/communication", PVS_ALERT_FIRING);
    }
    assert_int_equal(count("s1/a/communication", PVS_ALERT_FIRING), before);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

/*
 * Dark evenings send the logger to sleep early (at 500 W/m2 of clear sky
 * instead of 150, its output low): they must not hide an afternoon
 * outage. A device that stops while
 * making its full output did not fall asleep: found within the hour.
 */
static void test_afternoon_outage_after_dark_evenings(void **state) {
    struct pvs_config *cfg = load(one_dev);
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;
    int64_t t, stop = 0, end = DAY0 + 9 * 24 * HOUR;

    (void)state;
    nev = 0;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, DAY0 + 14 * HOUR);
    for (t = DAY0 + 14 * HOUR; t < end; t += 5 * MIN) {
        int64_t h = (t - DAY0) % (24 * HOUR) / HOUR;
        int64_t day = (t - DAY0 - 7 * HOUR) / (24 * HOUR);
        bool pm = h >= 19 || h < 7;
        double poa = poa_at(cfg, t);
        double need = pm && day % 2 ? 500 : 150;

        if (day == 8 && pm && poa < 550 && !stop)
            stop = t;
        if (poa >= need && !stop) {
            struct pvs_sample smp;

            /* the output follows the light; a dark sky takes 96 % */
            memset(&smp, 0, sizeof(smp));
            smp.metric = PVS_M_AC_POWER_W;
            smp.ts_ms = t;
            smp.value = 5.0 * poa * (need > 150 ? 0.04 : 1.0);
            pvs_ruleset_sample(rs, &smp);
        }
        pvs_ruleset_tick(rs, t);
    }
    assert_true(stop > 0);
    assert_int_equal(count("s1/a/communication", PVS_ALERT_FIRING), 1);
    assert_true(evs[0].ts >= stop && evs[0].ts <= stop + HOUR);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

/*
 * A sleeping logger that does not wake at all one day (snow, a dark sky)
 * is reported as an info that says so; still silent at the next midday,
 * it is down (a warning).
 */
static void test_silent_since_dusk_is_info_first(void **state) {
    struct pvs_config *cfg = load(one_dev);
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;
    int64_t t, quiet = DAY0 + 5 * 24 * HOUR + 7 * HOUR; /* local midnight */

    (void)state;
    nev = 0;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, DAY0 + 14 * HOUR);
    for (t = DAY0 + 14 * HOUR; t < quiet + 48 * HOUR; t += 5 * MIN) {
        if (poa_at(cfg, t) >= 250 && t < quiet)
            feed(rs, 0, t);
        pvs_ruleset_tick(rs, t);
    }
    assert_true(nev >= 2);
    assert_int_equal(evs[0].state, PVS_ALERT_FIRING);
    assert_int_equal(evs[0].sev, PVS_SEV_INFO);
    /* the same day, in the morning (local 06:00-12:00) */
    assert_true(evs[0].ts > quiet + 6 * HOUR && evs[0].ts < quiet + 12 * HOUR);
    for (size_t i = 1; i < nev; i++)
        if (evs[i].sev == PVS_SEV_WARNING) {
            /* the next day, from its midday */
            assert_true(evs[i].ts >= quiet + 35 * HOUR);
            assert_true(evs[i].ts <= quiet + 38 * HOUR);
            pvs_ruleset_free(rs);
            pvs_config_free(cfg);
            return;
        }
    fail_msg("never escalated to a warning");
}

/*
 * A logger that sleeps below 100 W of output, without a sensor, on a
 * week of clear days. On the last one a storm takes the afternoon from
 * 20:00 UTC (about 13:00 local): share is what is left of the clear sky's
 * output until it dims below 100 W, then nothing for two hours. A dark
 * sky (a tenth of the clear sky, still a tenth of the device's peak)
 * sent it to sleep: not down within the hour. A sky that left it most
 * of its output did not: found within the hour.
 */
static size_t storm_afternoon(double share) {
    struct pvs_config *cfg = load(one_dev);
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;
    int64_t storm = DAY0 + 6 * 24 * HOUR + 20 * HOUR, t;
    size_t n;

    nev = 0;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, DAY0 + 14 * HOUR);
    for (t = DAY0 + 14 * HOUR; t < storm + HOUR; t += 5 * MIN) {
        double w = 0.8 * 5.0 * poa_at(cfg, t);
        struct pvs_sample smp;

        /* dims from the storm on, quiet from 20 minutes after it */
        if (t >= storm)
            w *= t < storm + 20 * MIN ? share : 0;
        if (w >= 100) {
            memset(&smp, 0, sizeof(smp));
            smp.metric = PVS_M_AC_POWER_W;
            smp.ts_ms = t;
            smp.value = w;
            pvs_ruleset_sample(rs, &smp);
        }
        pvs_ruleset_tick(rs, t);
    }
    n = count("s1/a/communication", PVS_ALERT_FIRING);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
    return n;
}

static void test_storm_afternoon_is_sleep(void **state) {
    (void)state;
    assert_int_equal(storm_afternoon(0.1), 0);
    assert_int_equal(storm_afternoon(0.6), 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sleeping_logger_envelope),
        cmocka_unit_test(test_storm_afternoon_is_sleep),
        cmocka_unit_test(test_evening_sample_at_dusk_keeps_envelope),
        cmocka_unit_test(test_afternoon_outage_after_dark_evenings),
        cmocka_unit_test(test_silent_since_dusk_is_info_first),
        cmocka_unit_test(test_hourly_first_hours),
        cmocka_unit_test(test_envelope_saved_and_restored),
        cmocka_unit_test(test_sensor_dark_sky_is_sleep),
        cmocka_unit_test(test_device_down_and_back),
        cmocka_unit_test(test_night_is_sleeping),
        cmocka_unit_test(test_site_and_gateway),
        cmocka_unit_test(test_held_while_ingest_down),
        cmocka_unit_test(test_mqtt_gateway),
        cmocka_unit_test(test_mqtt_gateway_whole_site),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
