/* SPDX-License-Identifier: MIT */
/*
 * test_rule_data_quality.c - a missing day, a counter that goes backwards
 * and a sample older than the previous one are data problems (info), each
 * its own subject; regular data is quiet.
 */
#include "learnt_helper.h"
#include "rule_harness.h"

static const char conf[] = "[site \"s\"]\nlatitude = 45\nlongitude = 0\n"
                           "[device \"inv\"]\nsite = s\n";

static size_t subject(const struct seen *s, const char *subj) {
    size_t n = 0;

    for (size_t i = 0; i < s->n; i++)
        if (s->ev[i].state == PVS_ALERT_FIRING &&
            !strcmp(s->ev[i].family, "data_quality") &&
            !strcmp(s->ev[i].subject, subj))
            n++;
    return n;
}

/* Hourly energy counter for three days; defects on request. */
static struct pvs_config *run(bool gap, bool drop, bool order,
                              struct seen *seen) {
    struct pvs_config *cfg = load(conf);
    struct pvs_ruleset *rs = ruleset(cfg, seen, DAY0);
    double e = 5e6;

    for (int64_t t = DAY0; t < DAY0 + 72 * HOUR; t += HOUR) {
        if (gap && t >= DAY0 + 24 * HOUR && t < DAY0 + 48 * HOUR)
            continue;
        e += 1000;
        if (drop && t == DAY0 + 60 * HOUR)
            e = 0;
        feed(rs, 0, PVS_M_AC_ENERGY_WH, 0, t, e);
        if (order && t == DAY0 + 10 * HOUR)
            feed(rs, 0, PVS_M_AC_ENERGY_WH, 0, t - 30 * MIN, e - 500);
        pvs_ruleset_tick(rs, t);
    }
    pvs_ruleset_free(rs);
    return cfg;
}

static void test_clean(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(false, false, false, &s);

    (void)state;
    assert_int_equal(fired(&s, "data_quality"), 0);
    pvs_config_free(cfg);
}

static void test_missing_day(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(true, false, false, &s);

    (void)state;
    assert_int_equal(subject(&s, "gap"), 1);
    assert_int_equal(subject(&s, "counter"), 0);
    pvs_config_free(cfg);
}

static void test_counter_reset(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(false, true, false, &s);
    const struct pvs_alert_event *e = first(&s, "data_quality");

    (void)state;
    assert_int_equal(subject(&s, "counter"), 1);
    assert_non_null(e);
    assert_int_equal(e->severity, PVS_SEV_INFO);
    assert_non_null(strstr(e->evidence, "counter fell"));
    /* a reset is not a frozen counter or a fault */
    assert_int_equal(fired(&s, "frozen"), 0);
    pvs_config_free(cfg);
}

static void test_out_of_order(void **state) {
    struct seen s;
    struct pvs_config *cfg = run(false, false, true, &s);

    (void)state;
    assert_int_equal(subject(&s, "order"), 1);
    pvs_config_free(cfg);
}

/*
 * Ten clear days from a logger whose clock runs shift ahead (a logger on
 * daylight saving time in summer): reported as an info about the clock,
 * once; a right clock raises nothing. With storms, every other afternoon
 * is dark (a monsoon fortnight), which moves those days' centre by an
 * hour or more.
 */
static size_t clock_alerts(int64_t shift, bool storms, char *ex, size_t size) {
    static const char kconf[] =
        "[site \"s\"]\nlatitude = 39.74\nlongitude = -105.17\nkwp = 5\n"
        "[device \"inv\"]\nsite = s\n";
    struct seen seen;
    struct pvs_config *cfg = load(kconf);
    struct pvs_ruleset *rs = ruleset(cfg, &seen, DAY0);
    struct pvs_expect_in in;
    struct pvs_expect_out out;
    size_t n;

    memset(&seen, 0, sizeof(seen));
    pvs_expect_in_init(&in);
    for (int64_t t = DAY0; t < DAY0 + 336 * HOUR; t += 15 * MIN) {
        /* solar noon is about 19:00 UTC here; afternoons until 03:00 */
        int64_t h = (t - DAY0) % (24 * HOUR) / HOUR;
        bool dark = storms && (t - DAY0 + 5 * HOUR) / (24 * HOUR) % 2 &&
                    (h >= 19 || h < 3);

        pvs_expect_power(cfg->sites[0], 5, 0, t, &in, &out);
        feed(rs, 0, PVS_M_AC_POWER_W, 0, t + shift,
             (dark ? 0.15 : 0.9) * out.power_w);
        pvs_ruleset_tick(rs, t + shift);
    }
    n = subject(&seen, "clock");
    for (size_t i = 0; i < seen.n && n; i++)
        if (!strcmp(seen.ev[i].subject, "clock"))
            pvs_strlcpy(ex, seen.ev[i].explanation, size);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
    return n;
}

static void test_clock_ahead(void **state) {
    char ex[PVS_EXPLAIN_MAX] = "";

    (void)state;
    assert_int_equal(clock_alerts(HOUR, false, ex, sizeof(ex)), 1);
    assert_non_null(strstr(ex, "about 1 h ahead (daylight saving time?)"));
    assert_int_equal(clock_alerts(0, false, ex, sizeof(ex)), 0);
    /* Dark afternoons are not good days: still one report, not lost */
    assert_int_equal(clock_alerts(HOUR, true, ex, sizeof(ex)), 1);
    assert_int_equal(clock_alerts(0, true, ex, sizeof(ex)), 0);
}

/*
 * A logger in Denver over the autumn of 2024 (daylight saving time ends
 * 2024-11-03 08:00 UTC). keeps_dst: its clock keeps daylight saving time
 * (an hour ahead until the switch, right after it); else it is an hour
 * ahead all along. *ret_off gets the correction the other families use
 * an hour after the switch and a week after it; *ret_n the clock infos
 * raised; learnt (when not NULL) what data_quality kept at the end.
 */
#define DST_END 1730620800000LL /* 2024-11-03 08:00 UTC */
static const char dst_conf[] =
    "[site \"s\"]\nlatitude = 39.74\nlongitude = -105.17\nkwp = 5\n"
    "timezone = America/Denver\n[device \"inv\"]\nsite = s\n";

static void dst_logger(bool keeps_dst, int64_t ret_off[2], size_t *ret_n,
                       char *learnt, size_t size) {
    struct seen seen;
    struct pvs_config *cfg = load(dst_conf);
    int64_t t0 = DST_END - 45 * 24 * HOUR, t1 = DST_END + 10 * 24 * HOUR;
    struct pvs_ruleset *rs = ruleset(cfg, &seen, t0);

    for (int64_t t = t0; t < t1; t += 15 * MIN) {
        int64_t ahead = keeps_dst && t >= DST_END ? 0 : HOUR;

        feed(rs, 0, PVS_M_AC_POWER_W, 0, t + ahead, 0.9 * clear_w(cfg, 5, t));
        pvs_ruleset_tick(rs, t + ahead);
        if (t == DST_END + HOUR)
            ret_off[0] = pvs_ruleset_clock_offset(rs, 0, t + ahead);
        if (t == DST_END + 7 * 24 * HOUR)
            ret_off[1] = pvs_ruleset_clock_offset(rs, 0, t + ahead);
    }
    *ret_n = subject(&seen, "clock");
    if (learnt)
        pvs_strlcpy(learnt, learnt_of(rs, "data_quality", "inv"), size);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

/* The clock keeps daylight saving time: the other families follow the
 * switch at once, not a week of good days later (when a morning looked
 * like an hour of silence). */
static void test_clock_keeps_dst(void **state) {
    int64_t off[2] = {-1, -1};
    size_t n;
    char learnt[256];

    (void)state;
    dst_logger(true, off, &n, learnt, sizeof(learnt));
    assert_int_equal(off[0], 0);
    assert_int_equal(off[1], 0);
    assert_int_equal(n, 1);
    assert_non_null(strstr(learnt, "clk1 "));
    assert_non_null(strstr(learnt, " dst=1 "));
}

/* A clock an hour ahead all year looks the same in summer: after the
 * switch it is seen not to keep daylight saving time, and corrected
 * again within the week. */
static void test_clock_ahead_all_year(void **state) {
    int64_t off[2] = {-1, -1};
    size_t n;

    (void)state;
    dst_logger(false, off, &n, NULL, 0);
    assert_int_equal(off[1], HOUR);
    assert_in_range(n, 1, 2);
}

/* What it learnt survives a restart: a ruleset that loads it corrects
 * a summer instant by an hour and a winter one not at all, before any
 * good day of its own; a line of another format is ignored. */
static void test_clock_restored(void **state) {
    struct seen seen;
    struct pvs_config *cfg = load(dst_conf);
    struct pvs_ruleset *rs = ruleset(cfg, &seen, DST_END);
    int64_t off[2];
    size_t n;
    char learnt[256];

    (void)state;
    dst_logger(true, off, &n, learnt, sizeof(learnt));
    assert_int_equal(pvs_ruleset_clock_offset(rs, 0, DST_END - 24 * HOUR), 0);
    assert_true(pvs_ruleset_load_learnt(rs, "data_quality", "inv", learnt));
    assert_int_equal(pvs_ruleset_clock_offset(rs, 0, DST_END - 24 * HOUR),
                     HOUR);
    assert_int_equal(pvs_ruleset_clock_offset(rs, 0, DST_END + 24 * HOUR), 0);
    pvs_ruleset_free(rs);
    rs = ruleset(cfg, &seen, DST_END);
    assert_true(pvs_ruleset_load_learnt(rs, "data_quality", "inv",
                                        "clk1 n=7 dst=1 best=x days=1/1"));
    assert_int_equal(pvs_ruleset_clock_offset(rs, 0, DST_END - 24 * HOUR), 0);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

/* The zone's daylight-saving shift, north and south of the equator. */
static void test_dst_shift(void **state) {
    static const char zconf[] =
        "[site \"den\"]\nlatitude = 39.7\nlongitude = -105\n"
        "timezone = America/Denver\n"
        "[site \"syd\"]\nlatitude = -33.9\nlongitude = 151.2\n"
        "timezone = Australia/Sydney\n"
        "[site \"utc\"]\nlatitude = 0\nlongitude = 0\n";
    struct seen seen;
    struct pvs_config *cfg = load(zconf);
    struct pvs_ruleset *rs = ruleset(cfg, &seen, DAY0);
    const int64_t jan = 1705320000000LL; /* 2024-01-15 12:00 UTC */

    (void)state;
    assert_int_equal(pvs_ruleset_dst_shift(rs, cfg->sites[0], DAY0), HOUR);
    assert_int_equal(pvs_ruleset_dst_shift(rs, cfg->sites[0], jan), 0);
    assert_int_equal(pvs_ruleset_dst_shift(rs, cfg->sites[0], DST_END - MIN),
                     HOUR);
    assert_int_equal(pvs_ruleset_dst_shift(rs, cfg->sites[0], DST_END), 0);
    assert_int_equal(pvs_ruleset_dst_shift(rs, cfg->sites[1], DAY0), 0);
    assert_int_equal(pvs_ruleset_dst_shift(rs, cfg->sites[1], jan), HOUR);
    assert_int_equal(pvs_ruleset_dst_shift(rs, cfg->sites[2], DAY0), 0);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean),
        cmocka_unit_test(test_missing_day),
        cmocka_unit_test(test_counter_reset),
        cmocka_unit_test(test_out_of_order),
        cmocka_unit_test(test_clock_ahead),
        cmocka_unit_test(test_clock_keeps_dst),
        cmocka_unit_test(test_clock_ahead_all_year),
        cmocka_unit_test(test_clock_restored),
        cmocka_unit_test(test_dst_shift),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
