/* SPDX-License-Identifier: MIT */
/*
 * test_rule_trend.c - a heatsink warming day after day at the same load
 * and an insulation resistance sliding toward its limit are projected to
 * their limits; a flat or noisy but steady series raises nothing.
 */
#include "learnt_helper.h"
#include "rule_harness.h"
#include "pvs/expect.h"

static const char conf[] =
    "[site \"s\"]\nlatitude = 45\nlongitude = 0\nkwp = 10\n"
    "[device \"inv\"]\nsite = s\nrated_power = 10000\n";

/*
 * days of hourly data: power 8 kW from 09:00 to 15:00 UTC with a heatsink
 * reading hs(d) plus a little deterministic noise, and one insulation
 * reading iso(d) each morning.
 */
static struct pvs_config *run(int days, double hs0, double hs_slope,
                              double iso0, double iso_slope,
                              struct seen *seen) {
    struct pvs_config *cfg = load(conf);
    struct pvs_ruleset *rs = ruleset(cfg, seen, DAY0);

    for (int d = 0; d < days; d++) {
        for (int h = 0; h < 24; h++) {
            int64_t t = DAY0 + d * 24 * HOUR + h * HOUR;
            bool day = h >= 9 && h <= 15;
            double noise = ((d * 7 + h * 3) % 5 - 2) * 0.8;

            feed(rs, 0, PVS_M_AC_POWER_W, 0, t, day ? 8000 : 0);
            feed(rs, 0, PVS_M_TEMP_HEATSINK_C, 0, t,
                 (day ? hs0 + hs_slope * d : 20) + noise);
            if (h == 7)
                feed(rs, 0, PVS_M_INSULATION_KOHM, 0, t,
                     iso0 + iso_slope * d + noise * 10);
            pvs_ruleset_tick(rs, t);
        }
    }
    pvs_ruleset_free(rs);
    return cfg;
}

static const struct pvs_alert_event *subject(const struct seen *s,
                                             const char *subj) {
    for (size_t i = 0; i < s->n; i++)
        if (s->ev[i].state == PVS_ALERT_FIRING &&
            !strcmp(s->ev[i].family, "trend") &&
            !strcmp(s->ev[i].subject, subj))
            return &s->ev[i];
    return NULL;
}

static void test_heatsink_warming(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(25, 45, 1.0, 5000, 0, &s);
    const struct pvs_alert_event *e = subject(&s, "temp_heatsink_c");

    (void)state;
    assert_non_null(e);
    assert_non_null(strstr(e->explanation, "derating limit (75 C) in ~"));
    assert_string_equal(e->kb, "trend-heatsink");
    assert_null(subject(&s, "insulation_kohm"));
    pvs_config_free(cfg);
}

static void test_insulation_falling(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(25, 45, 0, 3000, -100, &s);
    const struct pvs_alert_event *e = subject(&s, "insulation_kohm");

    (void)state;
    assert_non_null(e);
    assert_non_null(strstr(e->explanation, "below 100 kOhm in ~"));
    /* seen on day 10 with the limit ~19 days ahead: information */
    assert_int_equal(e->severity, PVS_SEV_INFO);
    assert_null(subject(&s, "temp_heatsink_c"));
    pvs_config_free(cfg);
}

static void test_insulation_close_is_a_warning(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(15, 45, 0, 3000, -250, &s);
    const struct pvs_alert_event *e = subject(&s, "insulation_kohm");

    (void)state;
    assert_non_null(e);
    assert_int_equal(e->severity, PVS_SEV_WARNING);
    pvs_config_free(cfg);
}

static void test_steady_is_quiet(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(40, 50, 0, 3000, 0, &s);

    (void)state;
    assert_int_equal(fired(&s, "trend"), 0);
    pvs_config_free(cfg);
}

static void test_too_few_days(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(6, 45, 3.0, 3000, -400, &s);

    (void)state;
    assert_int_equal(fired(&s, "trend"), 0);
    pvs_config_free(cfg);
}

/* The clear-sky index of day d: 0.9 and a little day-to-day noise;
 * from day `from` on, soiling takes one percent more each day. */
static double soiled(int d, int from) {
    return 0.9 * (1.0 + ((d * 7) % 5 - 2) * 0.005) *
           (d >= from ? 1.0 - 0.01 * (d - from) : 1.0);
}

/* From day `from` on, eight days of rising ratio (snow on the ground,
 * a clearer air mass) and eight of falling back to where it was. */
static double wave(int d, int from) {
    double k = soiled(d, 1000);

    if (d >= from && d < from + 8)
        return k * (1.0 + 0.01 * (d - from));
    if (d >= from + 8)
        return k * (1.08 - 0.012 * (d - from - 8));
    return k;
}

/*
 * Clear days without a sensor, every 15 min: the clear-sky output times
 * index(d, from). Returns the day the performance ratio was reported on,
 * or -1.
 */
/* The same, with pvsentry restarted at the start of day restart (0: not
 * restarted): what the rules learnt is saved and given back, as the
 * engine does through the store. */
static int soiling_day_restarted(int days, int from, double (*index)(int, int),
                                 int restart) {
    struct seen s;
    struct pvs_config *cfg = load(conf);
    struct pvs_ruleset *rs = ruleset(cfg, &s, DAY0);
    struct pvs_expect_in in;
    struct pvs_expect_out out;
    const struct pvs_alert_event *e;
    int day = -1;

    pvs_expect_in_init(&in);
    for (int d = 0; d < days; d++) {
        double k = index(d, from);

        if (d == restart && d) {
            char kept[PVS_LEARNT_MAX];

            pvs_strlcpy(kept, learnt_of(rs, "trend", "inv"), sizeof(kept));
            assert_non_null(strstr(kept, "tr1 "));
            pvs_ruleset_free(rs);
            rs = ruleset(cfg, &s, DAY0 + d * 24 * HOUR);
            assert_true(pvs_ruleset_load_learnt(rs, "trend", "inv", kept));
        }

        for (int64_t t = DAY0 + d * 24 * HOUR; t < DAY0 + (d + 1) * 24 * HOUR;
             t += 15 * MIN) {
            pvs_expect_power(cfg->sites[0], 10, 10000, t, &in, &out);
            feed(rs, 0, PVS_M_AC_POWER_W, 0, t, k * out.power_w);
            pvs_ruleset_tick(rs, t);
        }
    }
    e = subject(&s, "performance_ratio");
    if (e) {
        day = (int)((e->ts_ms - DAY0) / (24 * HOUR));
        assert_int_equal(e->severity, PVS_SEV_INFO);
        /* How far below the month's line, not a rate over a few days. */
        assert_non_null(strstr(e->explanation, "on clear days the "
                                               "performance ratio of"));
        assert_non_null(strstr(e->explanation, "below the"));
        assert_null(strstr(e->explanation, "per day"));
    }
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
    return day;
}

static int soiling_day(int days, int from, double (*index)(int, int)) {
    return soiling_day_restarted(days, from, index, 0);
}

/*
 * Soiling without a sensor: reported before it costs a tenth (ten days
 * at one percent a day), though the month before was flat; a flat series
 * of clear days raises nothing.
 */
static void test_soiling_without_sensor(void **state) {
    int day;

    (void)state;
    assert_int_equal(soiling_day(60, 1000, soiled), -1);
    day = soiling_day(45, 30, soiled);
    assert_true(day > 30);
    assert_true(day < 40);
}

/*
 * The ratio rises for a week and falls back to where it was: the line
 * through the last days falls fast, but the ratio is no lower than
 * before, so it is weather (or the seasons), not soiling.
 */
/* A restart (or a reload) in the middle of it changes nothing: the
 * month of clear days the drift is judged against is saved and given
 * back, not learnt again for a month. */
static void test_soiling_across_a_restart(void **state) {
    (void)state;
    assert_int_equal(soiling_day_restarted(45, 30, soiled, 33),
                     soiling_day(45, 30, soiled));
    assert_int_equal(soiling_day_restarted(60, 1000, soiled, 33), -1);
}

/* A line the family cannot read (another format, a damaged store) is
 * ignored: what is running stays, nothing is half-loaded. */
static void test_bad_saved_line_is_ignored(void **state) {
    static const char *const bad[] = {
        "tr0 clear=1 s0=0| s1=0| s2=0|19000:0.9",
        "tr1 clear=1 s0=0| s1=0|",
        "tr1 clear=1 s0=0| s1=0| s2=2|19000:0.9",
        "tr1 clear=1 s0=0| s1=0| s2=0|19000:0.9,18999:0.8",
        "tr1 clear=1 s0=0| s1=0| s2=0|19000:nan",
        "tr1 clear=1 s0=0| s1=0| s2=0|19000;0.9",
    };
    struct seen s;
    struct pvs_config *cfg = load(conf);
    struct pvs_ruleset *rs = ruleset(cfg, &s, DAY0);
    const char *good = "tr1 clear=1 s0=0| s1=0| s2=0|19000:0.9,19001:0.91";

    (void)state;
    assert_true(pvs_ruleset_load_learnt(rs, "trend", "inv", good));
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_true(pvs_ruleset_load_learnt(rs, "trend", "inv", bad[i]));
        assert_string_equal(
            learnt_of(rs, "trend", "inv"),
            "tr1 clear=1 s0=0| s1=0| s2=0|19000:0.9,19001:0.91");
    }
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

static void test_wave_is_not_soiling(void **state) {
    (void)state;
    assert_int_equal(soiling_day(47, 30, wave), -1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_heatsink_warming),
        cmocka_unit_test(test_insulation_falling),
        cmocka_unit_test(test_insulation_close_is_a_warning),
        cmocka_unit_test(test_steady_is_quiet),
        cmocka_unit_test(test_too_few_days),
        cmocka_unit_test(test_soiling_without_sensor),
        cmocka_unit_test(test_soiling_across_a_restart),
        cmocka_unit_test(test_bad_saved_line_is_ignored),
        cmocka_unit_test(test_wave_is_not_soiling),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
