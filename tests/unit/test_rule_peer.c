/* SPDX-License-Identifier: MIT */
/*
 * test_rule_peer.c - one inverter (or MPPT input) below its siblings is
 * flagged; siblings dropping together (weather) and a one-device site are
 * not.
 */
#include "rule_harness.h"

static const char three[] =
    "[site \"s\"]\nlatitude = 39.74\nlongitude = -105.17\nkwp = 30\n"
    "[device \"a\"]\nsite = s\n[device \"b\"]\nsite = s\n"
    "[device \"c\"]\nsite = s\n";

/*
 * A clear June day (11:00-24:00 UTC, 5 min) for the devices of cfg, each
 * at share[i] of the clear sky (10 kWp each); cloud (0..1) scales all of
 * them from 16:00 UTC.
 */
static struct pvs_config *day(const char *conf, const double *share, size_t n,
                              double cloud, struct seen *seen) {
    struct pvs_config *cfg = load(conf);
    struct pvs_ruleset *rs = ruleset(cfg, seen, DAY0 + 11 * HOUR);

    for (int64_t t = DAY0 + 11 * HOUR; t < DAY0 + 24 * HOUR; t += 5 * MIN) {
        double w = clear_w(cfg, 10, t);
        if (t >= DAY0 + 16 * HOUR)
            w *= cloud;
        for (size_t i = 0; i < n; i++)
            feed(rs, (uint32_t)i, PVS_M_AC_POWER_W, 0, t, w * share[i]);
        pvs_ruleset_tick(rs, t);
    }
    pvs_ruleset_free(rs);
    return cfg; /* the events point into it */
}

static void test_one_weak_sibling(void **state) {
    const double share[] = {0.95, 0.93, 0.6};
    struct seen s;
    const struct pvs_alert_event *e;
    struct pvs_config *cfg;

    (void)state;
    cfg = day(three, share, 3, 1.0, &s);

    assert_int_equal(fired(&s, "peer"), 1);
    e = first(&s, "peer");
    assert_string_equal(e->device->obj.id, "c");
    assert_non_null(strstr(e->evidence, "ratio 0.6"));
    assert_non_null(strstr(e->explanation, "less per kWp"));
    assert_string_equal(e->kb, "peer-deviation");
    assert_true(e->lost_kwh_per_day > 0);
    pvs_config_free(cfg);
}

static void test_weather_is_not_a_peer_fault(void **state) {
    const double share[] = {0.95, 0.93, 0.94};
    struct seen s;

    (void)state;
    /* heavy cloud on all of them for the afternoon */
    pvs_config_free(day(three, share, 3, 0.15, &s));
    assert_int_equal(fired(&s, "peer"), 0);
}

static void test_single_device_site(void **state) {
    const double share[] = {0.5};
    struct seen s;

    (void)state;
    pvs_config_free(
        day("[site \"s\"]\nlatitude = 39.74\nlongitude = -105.17\nkwp = 10\n"
            "[device \"a\"]\nsite = s\n",
            share, 1, 1.0, &s));
    assert_int_equal(fired(&s, "peer"), 0);
}

static void test_weak_mppt_input(void **state) {
    struct pvs_config *cfg =
        load("[site \"s\"]\nlatitude = 39.74\nlongitude = -105.17\n"
             "kwp = 9\n[device \"a\"]\nsite = s\nmppt_inputs = 3\n");
    struct seen s;
    struct pvs_ruleset *rs = ruleset(cfg, &s, DAY0 + 11 * HOUR);
    const struct pvs_alert_event *e;

    (void)state;
    for (int64_t t = DAY0 + 11 * HOUR; t < DAY0 + 24 * HOUR; t += 5 * MIN) {
        double w = clear_w(cfg, 3, t);
        feed(rs, 0, PVS_M_MPPT_POWER_W, 1, t, w);
        feed(rs, 0, PVS_M_MPPT_POWER_W, 2, t, w * 0.5);
        feed(rs, 0, PVS_M_MPPT_POWER_W, 3, t, w * 0.97);
        pvs_ruleset_tick(rs, t);
    }
    assert_int_equal(fired(&s, "peer"), 1);
    e = first(&s, "peer");
    assert_string_equal(e->subject, "mppt2");
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_weak_sibling),
        cmocka_unit_test(test_weather_is_not_a_peer_fault),
        cmocka_unit_test(test_single_device_site),
        cmocka_unit_test(test_weak_mppt_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
