/* SPDX-License-Identifier: MIT */
/*
 * test_rule_flapping.c - an inverter cycling fault -> starting -> mppt
 * every few minutes is flapping and resolves once it settles; a normal
 * day (one start, one stop) is not.
 */
#include "rule_harness.h"

static const char conf[] = "[site \"s\"]\nlatitude = 45\nlongitude = 0\n"
                           "[device \"inv\"]\nsite = s\n";

static void state_at(struct pvs_ruleset *rs, int64_t t, int st) {
    feed(rs, 0, PVS_M_STATE, 0, t, st);
    pvs_ruleset_tick(rs, t);
}

static void test_restart_loop(void **state) {
    struct pvs_config *cfg = load(conf);
    struct seen s;
    struct pvs_ruleset *rs = ruleset(cfg, &s, DAY0);
    const struct pvs_alert_event *e;
    int64_t t = DAY0 + 8 * HOUR;
    bool resolved = false;

    (void)state;
    state_at(rs, t, PVS_ST_MPPT);
    feed(rs, 0, PVS_M_AC_POWER_W, 0, t, 4000);
    /* 40 minutes of trips: fault, starting, mppt every 10 minutes */
    for (int i = 0; i < 4; i++) {
        state_at(rs, t += 4 * MIN, PVS_ST_FAULT);
        state_at(rs, t += 3 * MIN, PVS_ST_STARTING);
        state_at(rs, t += 3 * MIN, PVS_ST_MPPT);
    }
    assert_int_equal(fired(&s, "flapping"), 1);
    e = first(&s, "flapping");
    assert_non_null(e);
    assert_string_equal(e->subject, "state");
    assert_true(e && strstr(e->evidence, "restarts or faults"));
    assert_true(e->lost_kwh_per_day > 0);
    /* then steady: the window slides past the burst */
    for (int i = 0; i < 30; i++)
        state_at(rs, t += 5 * MIN, PVS_ST_MPPT);
    for (size_t i = 0; i < s.n; i++)
        resolved = resolved || (s.ev[i].state == PVS_ALERT_RESOLVED &&
                                !strcmp(s.ev[i].family, "flapping"));
    assert_true(resolved);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

static void test_normal_days(void **state) {
    struct pvs_config *cfg = load(conf);
    struct seen s;
    struct pvs_ruleset *rs = ruleset(cfg, &s, DAY0);

    (void)state;
    for (int d = 0; d < 5; d++) {
        int64_t t = DAY0 + d * 24 * HOUR;
        state_at(rs, t + 5 * HOUR, PVS_ST_SLEEPING);
        /* a hesitant dawn: two starts in low light */
        state_at(rs, t + 6 * HOUR, PVS_ST_STARTING);
        state_at(rs, t + 6 * HOUR + 5 * MIN, PVS_ST_SLEEPING);
        state_at(rs, t + 6 * HOUR + 20 * MIN, PVS_ST_STARTING);
        state_at(rs, t + 6 * HOUR + 22 * MIN, PVS_ST_MPPT);
        state_at(rs, t + 19 * HOUR, PVS_ST_SLEEPING);
    }
    assert_int_equal(fired(&s, NULL), 0);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

static void test_configured_limits(void **state) {
    struct pvs_config *cfg =
        load("[site \"s\"]\nlatitude = 45\nlongitude = 0\n"
             "[device \"inv\"]\nsite = s\n"
             "[rule \"touchy\"]\nfamily = flapping\ncount = 3\n"
             "window = 30m\nstates = any\n");
    struct seen s;
    struct pvs_ruleset *rs = ruleset(cfg, &s, DAY0);
    int64_t t = DAY0 + 8 * HOUR;

    (void)state;
    state_at(rs, t, PVS_ST_MPPT);
    state_at(rs, t += 5 * MIN, PVS_ST_THROTTLED);
    state_at(rs, t += 5 * MIN, PVS_ST_MPPT);
    assert_int_equal(fired(&s, "flapping"), 0);
    state_at(rs, t += 5 * MIN, PVS_ST_THROTTLED);
    assert_int_equal(fired(&s, "flapping"), 1);
    assert_string_equal(first(&s, "flapping")->rule_id, "touchy");
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_restart_loop),
        cmocka_unit_test(test_normal_days),
        cmocka_unit_test(test_configured_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
