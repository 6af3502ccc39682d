/* SPDX-License-Identifier: MIT */
/*
 * test_rule_snow.c - no output under full light at freezing temperatures
 * is snow (information), not an inverter fault; the same with a warm
 * module is not snow.
 */
#include "rule_harness.h"

static const char conf[] =
    "[site \"s\"]\nlatitude = 44\nlongitude = -93\nkwp = 10\n"
    "[device \"inv\"]\nsite = s\n";

/* A winter-ish day with a POA sensor around 600 W/m2 from 15:00 to 21:00
 * UTC (midday in Minnesota); output share of the light, module temp. The
 * readings wobble as real ones do (steady ones are frozen data). */
static struct pvs_config *run_air(double share, double temp, double air,
                                  struct seen *seen) {
    struct pvs_config *cfg = load(conf);
    struct pvs_ruleset *rs = ruleset(cfg, seen, DAY0 + 12 * HOUR);

    for (int64_t t = DAY0 + 12 * HOUR; t < DAY0 + 24 * HOUR; t += 5 * MIN) {
        bool light = t >= DAY0 + 15 * HOUR && t < DAY0 + 21 * HOUR;
        double wobble = (double)((t / (5 * MIN)) % 7) - 3;
        double poa = light ? 600 + 10 * wobble : 0;

        feed(rs, 0, PVS_M_POA_IRRADIANCE_WM2, 0, t, poa);
        feed(rs, 0, PVS_M_MODULE_TEMP_C, 0, t, temp + 0.1 * wobble);
        if (!isnan(air))
            feed(rs, 0, PVS_M_AMBIENT_TEMP_C, 0, t, air + 0.1 * wobble);
        feed(rs, 0, PVS_M_AC_POWER_W, 0, t, share * poa * 10 * 0.85);
        pvs_ruleset_tick(rs, t);
    }
    pvs_ruleset_free(rs);
    return cfg;
}

static struct pvs_config *run(double share, double temp, struct seen *seen) {
    return run_air(share, temp, NAN, seen);
}

/*
 * -16 C in the air, 600 W/m2 on the sensor, nothing out: modules at the
 * air's temperature are covered (snow); modules 20 C above it are in
 * the sun, so the inverter is out (critical), however cold.
 */
static void test_outage_in_the_cold_sun(void **state) {
    struct seen s;
    struct pvs_config *cfg = run_air(0.0, -15.5, -16, &s);
    const struct pvs_alert_event *e;

    (void)state;
    assert_int_equal(fired(&s, "snow"), 1);
    assert_int_equal(fired(&s, "underperformance"), 0);
    pvs_config_free(cfg);
    cfg = run_air(0.0, 4, -16, &s);
    assert_int_equal(fired(&s, "snow"), 0);
    assert_int_equal(fired(&s, "underperformance"), 1);
    e = first(&s, "underperformance");
    assert_non_null(e);
    assert_int_equal(e->severity, PVS_SEV_CRITICAL);
    pvs_config_free(cfg);
}

static void test_snow_covered(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(0.0, -6, &s);
    const struct pvs_alert_event *e = first(&s, "snow");

    (void)state;
    assert_int_equal(fired(&s, "snow"), 1);
    assert_non_null(e);
    assert_int_equal(e->severity, PVS_SEV_INFO);
    assert_string_equal(e->kb, "snow-cover");
    assert_non_null(strstr(e->evidence, " C over "));
    assert_int_equal(fired(&s, "underperformance"), 0);
    pvs_config_free(cfg);
}

static void test_half_cleared_is_still_snow(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(0.25, -2, &s);

    (void)state;
    assert_int_equal(fired(&s, "snow"), 1);
    assert_int_equal(fired(&s, "underperformance"), 0);
    pvs_config_free(cfg);
}

static void test_warm_dead_inverter_is_not_snow(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(0.0, 25, &s);

    (void)state;
    assert_int_equal(fired(&s, "snow"), 0);
    assert_int_equal(fired(&s, "underperformance"), 1);
    pvs_config_free(cfg);
}

static void test_cold_and_producing_is_quiet(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(1.0, -10, &s);

    (void)state;
    assert_int_equal(fired(&s, NULL), 0);
    pvs_config_free(cfg);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_snow_covered),
        cmocka_unit_test(test_half_cleared_is_still_snow),
        cmocka_unit_test(test_warm_dead_inverter_is_not_snow),
        cmocka_unit_test(test_cold_and_producing_is_quiet),
        cmocka_unit_test(test_outage_in_the_cold_sun),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
