/* SPDX-License-Identifier: MIT */
/*
 * test_rule_mass_outage.c - sites of one area failing together are one
 * incident (on the area's first site, no device, subject area:...) and
 * hold back those sites' own communication and underperformance alerts;
 * one site failing alone is that site's own problem; a site far away is
 * in no one's area.
 */
#include "rule_harness.h"

/* Four sites within a few km (south of Toulouse at noon UTC ~ 13:00
 * local), and one 500 km away. */
static const char conf[] =
    "[site \"a1\"]\nlatitude = 43.60\nlongitude = 1.44\nkwp = 10\n"
    "[site \"a2\"]\nlatitude = 43.62\nlongitude = 1.46\nkwp = 10\n"
    "[site \"a3\"]\nlatitude = 43.58\nlongitude = 1.40\nkwp = 10\n"
    "[site \"a4\"]\nlatitude = 43.65\nlongitude = 1.50\nkwp = 10\n"
    "[site \"far\"]\nlatitude = 47.20\nlongitude = -1.55\nkwp = 10\n"
    "[device \"i1\"]\nsite = a1\n[device \"i2\"]\nsite = a2\n"
    "[device \"i3\"]\nsite = a3\n[device \"i4\"]\nsite = a4\n"
    "[device \"i5\"]\nsite = far\n";

enum how { DEAD, SILENT };

/*
 * Devices whose bit is set in failing stop at 11:00 UTC (output 0, or no
 * data at all) until 14:00.
 */
static struct pvs_config *run(unsigned failing, enum how how,
                              struct seen *seen) {
    struct pvs_config *cfg = load(conf);
    struct pvs_ruleset *rs = ruleset(cfg, seen, DAY0 + 6 * HOUR);

    for (int64_t t = DAY0 + 6 * HOUR; t < DAY0 + 17 * HOUR; t += 5 * MIN) {
        bool out = t >= DAY0 + 11 * HOUR && t < DAY0 + 14 * HOUR;
        for (uint32_t d = 0; d < 5; d++) {
            double w = 0.9 * clear_w(cfg, 10, t);
            if (out && (failing & (1u << d))) {
                if (how == SILENT)
                    continue;
                w = 0;
            }
            feed(rs, d, PVS_M_AC_POWER_W, 0, t, w);
        }
        pvs_ruleset_tick(rs, t);
    }
    pvs_ruleset_free(rs);
    return cfg;
}

static void test_grid_outage_is_one_incident(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(0x7, DEAD, &s);
    const struct pvs_alert_event *e = first(&s, "mass_outage");

    (void)state;
    assert_int_equal(fired(&s, "mass_outage"), 1);
    assert_non_null(e);
    assert_string_equal(e->site->obj.id, "a1");
    assert_null(e->device);
    assert_string_equal(e->subject, "area:a1");
    assert_non_null(strstr(e->evidence, "3 of 4 sites"));
    assert_string_equal(e->kb, "mass-outage");
    /* no ticket per site */
    assert_int_equal(fired(&s, "underperformance"), 0);
    assert_int_equal(fired(&s, "communication"), 0);
    pvs_config_free(cfg);
}

static void test_network_outage_is_one_incident(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(0xF, SILENT, &s);

    (void)state;
    assert_int_equal(fired(&s, "mass_outage"), 1);
    assert_int_equal(fired(&s, "communication"), 0);
    pvs_config_free(cfg);
}

static void test_one_site_is_its_own_problem(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(0x2, DEAD, &s);

    (void)state;
    assert_int_equal(fired(&s, "mass_outage"), 0);
    assert_int_equal(fired(&s, "underperformance"), 1);
    assert_string_equal(first(&s, "underperformance")->device->obj.id, "i2");
    pvs_config_free(cfg);
}

static void test_far_site_not_in_the_area(void **state) {
    struct seen s;
    /* two of the area and the far one: not three of one area */
    struct pvs_config *cfg = run(0x13, DEAD, &s);

    (void)state;
    assert_int_equal(fired(&s, "mass_outage"), 0);
    assert_int_equal(fired(&s, "underperformance"), 3);
    pvs_config_free(cfg);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grid_outage_is_one_incident),
        cmocka_unit_test(test_network_outage_is_one_incident),
        cmocka_unit_test(test_one_site_is_its_own_problem),
        cmocka_unit_test(test_far_site_not_in_the_area),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
