/* SPDX-License-Identifier: MIT */
/*
 * test_rule_frozen.c - a power reading repeated for an hour, an energy
 * counter that stops while power is reported, and an impossible value are
 * frozen/implausible data; zero at night and a clipping plateau are not.
 */
#include "rule_harness.h"

static const char conf[] =
    "[site \"s\"]\nlatitude = 45\nlongitude = 0\nkwp = 10\n"
    "[device \"inv\"]\nsite = s\nrated_power = 8000\n";

static bool has_subject(const struct seen *s, const char *subj) {
    for (size_t i = 0; i < s->n; i++)
        if (s->ev[i].state == PVS_ALERT_FIRING &&
            !strcmp(s->ev[i].family, "frozen") &&
            !strcmp(s->ev[i].subject, subj))
            return true;
    return false;
}

/* A day of 5-minute power (bell curve, peak peak_w at 12:00 UTC) and a
 * matching energy counter; mode picks the defect. */
enum defect { NONE, STUCK, COUNTER, IMPOSSIBLE, CLIPPED };

static struct pvs_config *run(enum defect defect, struct seen *seen) {
    struct pvs_config *cfg = load(conf);
    struct pvs_ruleset *rs = ruleset(cfg, seen, DAY0);
    double e = 1e6;

    for (int64_t t = DAY0; t < DAY0 + 24 * HOUR; t += 5 * MIN) {
        double h = (double)(t - DAY0) / HOUR;
        double w = h > 6 && h < 18 ? 7000 * sin((h - 6) / 12 * M_PI) : 0;
        bool in_defect = h >= 10 && h < 12;

        if (defect == STUCK && in_defect)
            w = 4321;
        if (defect == CLIPPED && w > 6500)
            w = 6500; /* three hours at the limit */
        if (defect == IMPOSSIBLE && h >= 10 && h < 10.1)
            w = 1e7;
        if (!(defect == COUNTER && in_defect))
            e += w * 5.0 / 60.0;
        feed(rs, 0, PVS_M_AC_POWER_W, 0, t, w);
        feed(rs, 0, PVS_M_AC_ENERGY_WH, 0, t, e);
        pvs_ruleset_tick(rs, t);
    }
    pvs_ruleset_free(rs);
    return cfg;
}

static void test_clean_day(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(NONE, &s);

    (void)state;
    assert_int_equal(fired(&s, NULL), 0);
    pvs_config_free(cfg);
}

static void test_clipping_is_not_stuck(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(CLIPPED, &s);

    (void)state;
    assert_int_equal(fired(&s, "frozen"), 0);
    pvs_config_free(cfg);
}

static void test_stuck_power(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(STUCK, &s);

    (void)state;
    assert_true(has_subject(&s, "ac_power_w"));
    assert_false(has_subject(&s, "implausible"));
    pvs_config_free(cfg);
}

static void test_counter_not_advancing(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(COUNTER, &s);

    (void)state;
    assert_true(has_subject(&s, "ac_energy_wh"));
    assert_false(has_subject(&s, "ac_power_w"));
    pvs_config_free(cfg);
}

static void test_impossible_value(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(IMPOSSIBLE, &s);

    (void)state;
    assert_true(has_subject(&s, "implausible"));
    pvs_config_free(cfg);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_day),
        cmocka_unit_test(test_clipping_is_not_stuck),
        cmocka_unit_test(test_stuck_power),
        cmocka_unit_test(test_counter_not_advancing),
        cmocka_unit_test(test_impossible_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
