/* SPDX-License-Identifier: MIT */
/*
 * test_rule_underperformance.c - clipping at the rated power is never
 * underperformance; a dead inverter in daylight is.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "pvs/config.h"
#include "pvs/expect.h"
#include "pvs/rules.h"
#include "pvs/template.h"
#include "learnt_helper.h"

#define MIN 60000LL
#define DAY0 1718928000000LL /* 2024-06-21 00:00 UTC */

static int nfired;
static struct pvs_alert_event evs[256];
static size_t nevs;

static void on_alert(void *ud, const struct pvs_alert_event *e) {
    (void)ud;
    if (e->state == PVS_ALERT_FIRING && !strcmp(e->family, "underperformance"))
        nfired++;
    if (!strcmp(e->family, "underperformance") && nevs < 256) {
        /* Keys from the rule, English words for the checks below. */
        evs[nevs] = *e;
        pvs_template_evidence("en", e->evidence, evs[nevs].evidence,
                              sizeof(evs[nevs].evidence));
        pvs_template_evidence("en", e->explanation, evs[nevs].explanation,
                              sizeof(evs[nevs].explanation));
        pvs_strlcpy(evs[nevs].explanation_src, e->explanation,
                    sizeof(evs[nevs].explanation_src));
        nevs++;
    }
}

static struct pvs_config *load(void) {
    char path[] = "/tmp/pvs-test-up-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    struct pvs_config *cfg = NULL;
    struct pvs_cfg_errors errs;

    memset(&errs, 0, sizeof(errs));
    fputs("[site \"s\"]\nlatitude = 39.74\nlongitude = -105.17\nkwp = 10\n"
          "[device \"inv\"]\nsite = s\nrated_power = 5000\n",
          f);
    fclose(f);
    pvs_config_load(path, &cfg, &errs);
    unlink(path);
    assert_non_null(cfg);
    return cfg;
}

/* A clear day on a 10 kWp array behind a 5 kW inverter; dead_after > 0
 * makes the inverter stop at that time. */
static int run(int64_t dead_after) {
    struct pvs_config *cfg = load();
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;
    struct pvs_expect_in in;
    struct pvs_expect_out out;

    memset(&errs, 0, sizeof(errs));
    nfired = 0;
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, DAY0 + 10 * 60 * MIN);
    pvs_expect_in_init(&in);
    for (int64_t t = DAY0 + 10 * 60 * MIN; t < DAY0 + 26 * 60 * MIN;
         t += 5 * MIN) {
        struct pvs_sample s;
        memset(&s, 0, sizeof(s));
        pvs_expect_power(cfg->sites[0], 10, 0, t, &in, &out);
        s.metric = PVS_M_AC_POWER_W;
        s.ts_ms = t;
        s.value = out.power_w * 0.95 > 5000 ? 5000 : out.power_w * 0.95;
        if (dead_after && t >= dead_after)
            s.value = 0;
        pvs_ruleset_sample(rs, &s);
        pvs_ruleset_tick(rs, t);
    }
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
    return nfired;
}

enum shape { FLAT_ZERO, STORM };

/* run_shape's sampling interval (minutes) and output over the clear sky. */
static int shape_step = 15;
static double shape_gain = 0.95;

/*
 * days clear days on the 10 kWp / 5 kW array, sampled every 15 min; from
 * 18:00 UTC (about solar noon) of the first day the output is flat at
 * zero for good (FLAT_ZERO) or flickers at 1-3 % for 90 min and comes
 * back (STORM). Returns the clear-sky expected energy (Wh) lost.
 */
static double run_shape(enum shape shape, int days) {
    struct pvs_config *cfg = load();
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;
    struct pvs_expect_in in;
    struct pvs_expect_out out;
    int64_t t0 = DAY0 + 8 * 60 * MIN, from = DAY0 + 18 * 60 * MIN;
    double lost = 0;
    int i = 0;

    memset(&errs, 0, sizeof(errs));
    nfired = 0;
    nevs = 0;
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, t0);
    pvs_expect_in_init(&in);
    for (int64_t t = t0; t < DAY0 + days * 1440 * MIN;
         t += shape_step * MIN, i++) {
        struct pvs_sample s;
        double good;
        memset(&s, 0, sizeof(s));
        pvs_expect_power(cfg->sites[0], 10, 5000, t, &in, &out);
        s.metric = PVS_M_AC_POWER_W;
        s.ts_ms = t;
        good = out.power_w * shape_gain;
        s.value = good;
        if (t >= from && (shape == FLAT_ZERO || t < from + 90 * MIN))
            s.value = shape == FLAT_ZERO ? 0 : good * (0.01 + 0.01 * (i % 3));
        lost += (good - s.value) * shape_step / 60.0;
        pvs_ruleset_sample(rs, &s);
        pvs_ruleset_tick(rs, t);
    }
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
    return lost;
}

/* Without a sensor a dark storm flickers: a warning, never critical. */
static void test_storm_is_warning(void **state) {
    (void)state;
    run_shape(STORM, 1);
    assert_int_equal(nfired, 1);
    for (size_t i = 0; i < nevs; i++)
        assert_int_equal(evs[i].severity, PVS_SEV_WARNING);
}

/* Flat at zero is a dead inverter: critical. */
static void test_flat_zero_is_critical(void **state) {
    (void)state;
    run_shape(FLAT_ZERO, 1);
    assert_int_equal(nfired, 1);
    assert_int_equal(evs[nevs - 1].severity, PVS_SEV_CRITICAL);
}

/*
 * The same at one sample a minute, from an array making 85 % of its clear
 * sky: the first window judged dead still holds the last minute of
 * output (85 % over 30 minutes is under 3 %), which is no flicker: the
 * output has been flat at zero since, so critical all the same.
 */
static void test_flat_zero_every_minute_is_critical(void **state) {
    (void)state;
    shape_step = 1;
    shape_gain = 0.85;
    run_shape(FLAT_ZERO, 1);
    shape_step = 15;
    shape_gain = 0.95;
    assert_int_equal(nfired, 1);
    assert_int_equal(evs[nevs - 1].severity, PVS_SEV_CRITICAL);
}

/* A storm sampled every minute still flickers: a warning. */
static void test_storm_every_minute_is_warning(void **state) {
    (void)state;
    shape_step = 1;
    run_shape(STORM, 1);
    shape_step = 15;
    assert_int_equal(nfired, 1);
    for (size_t i = 0; i < nevs; i++)
        assert_int_equal(evs[i].severity, PVS_SEV_WARNING);
}

/*
 * Clear days on the 10 kWp array, except that from the second night on
 * the output is zero for `nothing` days. Returns the number of events of
 * the family; the first one is left in evs[0].
 */
static size_t run_dawn_state(int nothing, int days, int state) {
    struct pvs_config *cfg = load();
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;
    struct pvs_expect_in in;
    struct pvs_expect_out out;
    int64_t t0 = DAY0 + 8 * 60 * MIN, from = DAY0 + 30 * 60 * MIN;

    memset(&errs, 0, sizeof(errs));
    nfired = 0;
    nevs = 0;
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, t0);
    pvs_expect_in_init(&in);
    for (int64_t t = t0; t < DAY0 + days * 1440 * MIN; t += 15 * MIN) {
        struct pvs_sample s;
        memset(&s, 0, sizeof(s));
        pvs_expect_power(cfg->sites[0], 10, 5000, t, &in, &out);
        s.metric = PVS_M_AC_POWER_W;
        s.ts_ms = t;
        s.value = out.power_w * 0.95;
        if (t >= from && t < from + nothing * 1440 * MIN)
            s.value = 0;
        pvs_ruleset_sample(rs, &s);
        if (state && t >= from && t < from + nothing * 1440 * MIN) {
            s.metric = PVS_M_STATE;
            s.value = state;
            pvs_ruleset_sample(rs, &s);
        }
        pvs_ruleset_tick(rs, t);
    }
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
    return nevs;
}

static size_t run_dawn(int nothing, int days) {
    return run_dawn_state(nothing, days, 0);
}

/*
 * Dead from dawn, and the inverter says so (its state is fault): not
 * snow but critical within the morning.
 */
static void test_dead_from_dawn_with_state(void **state) {
    (void)state;
    assert_true(run_dawn_state(1, 2, PVS_ST_FAULT) >= 1);
    assert_string_equal(evs[0].subject, "");
    assert_int_equal(evs[0].state, PVS_ALERT_FIRING);
    assert_int_equal(evs[0].severity, PVS_SEV_CRITICAL);
    /* before local noon (18:00 UTC in Colorado's summer) */
    assert_true(evs[0].ts_ms < DAY0 + (24 + 18) * 60 * MIN);
    for (size_t i = 0; i < nevs; i++)
        assert_string_not_equal(evs[i].subject, "snow");
}

/*
 * Without a sensor or a thermometer, a device that never wakes on a day
 * is most likely under snow: an info that says so, resolved when it
 * wakes; still nothing by the next midday is a dead inverter (critical).
 */
static void test_nothing_since_first_light_is_snow(void **state) {
    (void)state;
    assert_true(run_dawn(1, 3) >= 2);
    assert_string_equal(evs[0].subject, "snow");
    assert_int_equal(evs[0].severity, PVS_SEV_INFO);
    assert_true(!strncmp(evs[0].explanation_src, "@under.snow.why|", 16));
    assert_non_null(strstr(evs[0].explanation, "most likely snow"));
    for (size_t i = 0; i < nevs; i++)
        assert_string_equal(evs[i].subject, "snow");
    run_dawn(3, 4);
    assert_string_equal(evs[0].subject, "snow");
    assert_int_equal(nfired, 2);
    for (size_t i = 1; i < nevs; i++)
        if (evs[i].state == PVS_ALERT_FIRING) {
            assert_string_equal(evs[i].subject, "");
            assert_int_equal(evs[i].severity, PVS_SEV_CRITICAL);
            /* the next day, around its midday */
            assert_true(evs[i].ts_ms > DAY0 + (48 + 14) * 60 * MIN);
            assert_true(evs[i].ts_ms < DAY0 + (48 + 22) * 60 * MIN);
        }
}

/*
 * The one energy figure: expected minus actual from the model that fired,
 * growing in hourly updates that chain (each starts where the last one
 * ended); per day is a clear day's energy for a dead inverter before a
 * full day has passed, then the last full day's loss.
 */
static void test_lost_energy_one_figure(void **state) {
    struct pvs_config *cfg = load();
    double day_wh = pvs_expect_clear_day_wh(cfg->sites[0], 10, 5000, DAY0);
    double lost, last = 0;
    size_t nup = 0;

    (void)state;
    lost = run_shape(FLAT_ZERO, 3) / 1000.0;
    assert_true(evs[0].state == PVS_ALERT_FIRING);
    assert_true(evs[0].lost_kwh_before == 0);
    /* The clear-sky model fired: a dead inverter loses a clear day. */
    assert_true(fabs(evs[0].lost_kwh_per_day - day_wh / 1000.0) <
                0.1 * day_wh / 1000.0);
    for (size_t i = 1; i < nevs; i++) {
        assert_int_equal(evs[i].state, PVS_ALERT_UPDATE);
        assert_true(fabs(evs[i].lost_kwh_before - evs[i - 1].lost_kwh) < 1e-9);
        assert_true(evs[i].lost_kwh >= evs[i].lost_kwh_before);
        last = evs[i].lost_kwh;
        nup++;
    }
    assert_true(nup > 10);
    /* What was lost, within the last hour's update. */
    assert_true(last > 0.85 * lost && last <= 1.02 * lost);
    /* A full day later: the loss of that day, a clear day's energy
     * (the model's, against the 0.95 the simulated array makes). */
    assert_true(fabs(evs[nevs - 1].lost_kwh_per_day - day_wh / 1000.0) <
                0.1 * day_wh / 1000.0);
    pvs_config_free(cfg);
}

/*
 * Twelve clear days without a sensor; from day `from` the device keeps
 * only `keep` of its output (a lost string). Returns the first firing
 * event of the "partial" subject, or NULL.
 */
/* The same, with pvsentry restarted at the start of day restart (0: not
 * restarted), what the rules learnt saved and given back. */
static const struct pvs_alert_event *
run_partial_restarted(int from, double keep, int restart) {
    struct pvs_config *cfg = load();
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;
    struct pvs_expect_in in;
    struct pvs_expect_out out;

    memset(&errs, 0, sizeof(errs));
    nfired = 0;
    nevs = 0;
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, DAY0);
    pvs_expect_in_init(&in);
    for (int64_t t = DAY0; t < DAY0 + 12 * 1440 * MIN; t += 15 * MIN) {
        struct pvs_sample s;
        if (restart && t == DAY0 + restart * 1440 * MIN) {
            char kept[PVS_LEARNT_MAX];

            pvs_strlcpy(kept, learnt_of(rs, "underperformance", "inv"),
                        sizeof(kept));
            assert_non_null(strstr(kept, "up1 "));
            pvs_ruleset_free(rs);
            assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs),
                             PVS_OK);
            pvs_ruleset_start(rs, t);
            assert_true(
                pvs_ruleset_load_learnt(rs, "underperformance", "inv", kept));
        }
        memset(&s, 0, sizeof(s));
        pvs_expect_power(cfg->sites[0], 10, 0, t, &in, &out);
        s.metric = PVS_M_AC_POWER_W;
        s.ts_ms = t;
        s.value = out.power_w * 0.9;
        if (t >= DAY0 + from * 1440 * MIN)
            s.value *= keep;
        pvs_ruleset_sample(rs, &s);
        pvs_ruleset_tick(rs, t);
    }
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
    for (size_t i = 0; i < nevs; i++)
        if (evs[i].state == PVS_ALERT_FIRING &&
            !strcmp(evs[i].subject, "partial"))
            return &evs[i];
    return NULL;
}

static const struct pvs_alert_event *run_partial(int from, double keep) {
    return run_partial_restarted(from, keep, 0);
}

/* A restart (an upgrade, a reload) on the day a string is lost: the
 * device's normal clear periods are given back, so the lower output is
 * found, not learnt as its normal. */
static void test_partial_loss_across_a_restart(void **state) {
    const struct pvs_alert_event *e;

    (void)state;
    e = run_partial_restarted(6, 2.0 / 3.0, 6);
    assert_non_null(e);
    assert_true(e->ts_ms < DAY0 + (6 + 1) * 1440 * MIN);
    assert_null(run_partial_restarted(99, 1.0, 6));
}

/* A line the family cannot read is ignored: what is running stays. */
static void test_bad_saved_line_is_ignored(void **state) {
    static const char *const bad[] = {
        "up0 k=0.9000 n=2 ref=0.9,0.9 part=0 nlow=0 since=0 low=0",
        "up1 k=0.9000 n=2 ref=0.9,0.9",
        "up1 k=7 n=2 ref=0.9,0.9 part=0 nlow=0 since=0 low=0",
        "up1 k=0.9 n=2 ref=0.9,-1 part=0 nlow=0 since=0 low=0",
        "up1 k=0.9 n=2 ref=0.9,x part=0 nlow=0 since=0 low=0",
    };
    const char *good = "up1 k=0.9500 n=2 ref=0.9000,0.9100 part=0 nlow=0 "
                       "since=0 low=0.0000";
    struct pvs_config *cfg = load();
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;

    (void)state;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, NULL, &rs, &errs), PVS_OK);
    assert_true(pvs_ruleset_load_learnt(rs, "underperformance", "inv", good));
    assert_string_equal(learnt_of(rs, "underperformance", "inv"), good);
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_true(
            pvs_ruleset_load_learnt(rs, "underperformance", "inv", bad[i]));
        assert_string_equal(learnt_of(rs, "underperformance", "inv"), good);
    }
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

/* A lost string of three, without a sensor: found within two clear
 * days, and said in words. */
static void test_partial_loss_without_sensor(void **state) {
    const struct pvs_alert_event *e;
    char words[PVS_EXPLAIN_MAX];

    (void)state;
    assert_null(run_partial(99, 1.0));
    e = run_partial(6, 2.0 / 3.0);
    assert_non_null(e);
    assert_true(e->ts_ms <= DAY0 + (6 + 2) * 1440 * MIN + 8 * 60 * MIN);
    /* A whole clear day is two clear periods: found on its first day. */
    assert_true(e->ts_ms < DAY0 + (6 + 1) * 1440 * MIN);
    /* The rule writes keys; the words are the phrases'. */
    assert_true(!strncmp(e->explanation_src, "@under.part.why|", 16));
    assert_non_null(strstr(e->explanation, "about a third of the output"));
    assert_non_null(strstr(e->explanation, "typical of one string of three"));
    pvs_template_evidence("fr", e->explanation_src, words, sizeof(words));
    assert_non_null(strstr(words, "environ un tiers de la production"));
    assert_int_equal(e->severity, PVS_SEV_WARNING);
    /* Lost energy: what the device would make, minus what it makes. */
    assert_true(e->expected > e->measured);
}

static void test_clipping_is_not_underperformance(void **state) {
    (void)state;
    assert_int_equal(run(0), 0);
}

static void test_dead_inverter(void **state) {
    (void)state;
    assert_int_equal(run(DAY0 + 18 * 60 * MIN), 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clipping_is_not_underperformance),
        cmocka_unit_test(test_dead_inverter),
        cmocka_unit_test(test_storm_is_warning),
        cmocka_unit_test(test_flat_zero_is_critical),
        cmocka_unit_test(test_flat_zero_every_minute_is_critical),
        cmocka_unit_test(test_storm_every_minute_is_warning),
        cmocka_unit_test(test_nothing_since_first_light_is_snow),
        cmocka_unit_test(test_dead_from_dawn_with_state),
        cmocka_unit_test(test_lost_energy_one_figure),
        cmocka_unit_test(test_partial_loss_without_sensor),
        cmocka_unit_test(test_partial_loss_across_a_restart),
        cmocka_unit_test(test_bad_saved_line_is_ignored),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
