/* SPDX-License-Identifier: MIT */
/*
 * test_rule_underperformance.c - clipping at the rated power is never
 * underperformance; a dead inverter in daylight is.
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

#define MIN 60000LL
#define DAY0 1718928000000LL /* 2024-06-21 00:00 UTC */

static int nfired;

static void on_alert(void *ud, const struct pvs_alert_event *e) {
    (void)ud;
    if (e->state == PVS_ALERT_FIRING && !strcmp(e->family, "underperformance"))
        nfired++;
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
