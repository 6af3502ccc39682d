/* SPDX-License-Identifier: MIT */
/* test_trend.c - medians, Theil-Sen with outliers, time to threshold. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>

#include "pvs/trend.h"

static void test_median(void **state) {
    double a[] = {5, 1, 4, 2, 3};
    double b[] = {4, 1, 3, 2};
    double c[] = {7, 7, 7, 1, 7, 7};

    (void)state;
    assert_float_equal(pvs_trend_median(a, 5), 3, 1e-12);
    assert_float_equal(pvs_trend_median(b, 4), 2.5, 1e-12);
    assert_float_equal(pvs_trend_median(c, 6), 7, 1e-12);
    assert_true(isnan(pvs_trend_median(a, 0)));
}

static void test_theil_sen_outliers(void **state) {
    double x[30], y[30];
    struct pvs_trend t;

    (void)state;
    for (int i = 0; i < 30; i++) {
        x[i] = i;
        y[i] = 50.0 + 0.5 * i + ((i * 7) % 5 - 2) * 0.1;
    }
    /* Four wild points: least squares would tilt, Theil-Sen does not. */
    y[3] = 120;
    y[10] = -40;
    y[20] = 200;
    y[27] = 0;
    assert_int_equal(pvs_trend_fit(x, y, 30, &t), PVS_OK);
    assert_float_equal(t.slope, 0.5, 0.05);
    assert_float_equal(t.intercept, 50.0, 0.5);
    assert_true(t.slope_lo <= t.slope && t.slope <= t.slope_hi);
    /* 50 + 0.5 x reaches 75 at x = 50: 20 after x = 30. */
    assert_float_equal(pvs_trend_time_to(&t, 30, 75), 20, 2.5);
    assert_float_equal(pvs_trend_time_to(&t, 30, 10), 0, 1e-12);
    assert_float_equal(pvs_trend_time_to(&t, 30, 60), 0, 1e-12);
    t.slope = 0;
    assert_true(pvs_trend_time_to(&t, 30, 75) < 0);
}

static void test_degenerate(void **state) {
    double x[] = {1, 1, 1, 1};
    double y[] = {1, 2, 3, 4};
    struct pvs_trend t;

    (void)state;
    assert_int_equal(pvs_trend_fit(x, y, 4, &t), PVS_ERR_INVAL);
    assert_int_equal(pvs_trend_fit(x, y, 2, &t), PVS_ERR_INVAL);
}

static void test_drop(void **state) {
    double x[40], y[40], line;

    (void)state;
    /* A month falling 0.2 % a day (a season), then 8 days soiling away
     * 1 % a day more: the line of the month, carried on, is ~4 % above
     * the last days (their median, the 4th of 8). */
    for (int i = 0; i < 40; i++) {
        x[i] = i;
        y[i] = 1.0 - 0.002 * i + ((i * 7) % 5 - 2) * 0.003;
        if (i >= 32)
            y[i] -= 0.01 * (i - 31);
    }
    assert_float_equal(pvs_trend_drop(x, y, 40, 8, 30, 0.8, 8, NULL), -0.045,
                       0.01);
    /* A fault's low days in the month are not learnt. */
    y[5] = y[6] = y[7] = 0.5;
    assert_float_equal(pvs_trend_drop(x, y, 40, 8, 30, 0.8, 8, NULL), -0.045,
                       0.01);
    /* A rising month is taken as flat: the last days are measured
     * against where it ended, not against where it was going. */
    for (int i = 0; i < 40; i++)
        y[i] = i < 32 ? 0.8 + 0.004 * i : 0.8 + 0.004 * 31;
    assert_float_equal(pvs_trend_drop(x, y, 40, 8, 30, 0.8, 8, &line), 0.0,
                       1e-9);
    assert_float_equal(line, 0.8 + 0.004 * 31, 1e-9);
    /* One low day among the last ones moves the median little. */
    y[39] = 0.4;
    assert_true(pvs_trend_drop(x, y, 40, 8, 30, 0.8, 8, NULL) > -0.01);
    /* Too few points before the last days, or among them. */
    assert_true(isnan(pvs_trend_drop(x, y, 12, 8, 30, 0.8, 8, NULL)));
    assert_true(isnan(pvs_trend_drop(x + 30, y + 30, 10, 8, 30, 0.8, 8, NULL)));
    assert_true(isnan(pvs_trend_drop(x, y, 2, 8, 30, 0.8, 8, &line)));
    assert_true(isnan(line));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_median),
        cmocka_unit_test(test_theil_sen_outliers),
        cmocka_unit_test(test_degenerate),
        cmocka_unit_test(test_drop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
