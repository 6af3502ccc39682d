/* SPDX-License-Identifier: MIT */
/*
 * test_expect_noon.c - the clear hours near the clear sky's peak: bins of
 * sun time, adding a finished clear period, and the index of the bins
 * that count.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <math.h>
#include <cmocka.h>

#include "pvs/expect.h"

static void test_noon_bin(void **state) {
    (void)state;
    /* Longitude 0: 12:00 UTC is sun noon, bin 48 of 96. */
    assert_int_equal(pvs_expect_noon_bin(0, 12 * 3600000LL), 48);
    assert_int_equal(pvs_expect_noon_bin(0, 12 * 3600000LL - 1), 47);
    /* 105 degrees west: sun noon at 19:00 UTC; before 1970 too. */
    assert_int_equal(pvs_expect_noon_bin(-105, 19 * 3600000LL), 48);
    assert_int_equal(pvs_expect_noon_bin(-105, -5 * 3600000LL), 48);
    assert_int_equal(pvs_expect_noon_bin(0, 86400000LL - 1), 95);
}

static void test_noon_index(void **state) {
    struct pvs_expect_noon day, per;
    double ms;

    (void)state;
    memset(&day, 0, sizeof(day));
    memset(&per, 0, sizeof(per));
    day.peak_w = 1000;
    assert_true(isnan(pvs_expect_noon_index(&day, 0.8, &ms)));
    assert_float_equal(ms, 0, 1e-12);
    /* A clear morning at 60 % of the peak clear sky, index 0.7, and a
     * clear noon at 95 %, index 0.9: only noon counts at 0.8. */
    per.meas[36] = 0.7 * 600 * 900000.0;
    per.clear[36] = 600 * 900000.0;
    per.ms[36] = 900000.0;
    per.meas[48] = 0.9 * 950 * 900000.0;
    per.clear[48] = 950 * 900000.0;
    per.ms[48] = 900000.0;
    pvs_expect_noon_add(&day, &per);
    assert_float_equal(pvs_expect_noon_index(&day, 0.8, &ms), 0.9, 1e-12);
    assert_float_equal(ms, 900000.0, 1e-9);
    /* At 0.5 both, weighted by clear-sky energy. */
    assert_float_equal(pvs_expect_noon_index(&day, 0.5, &ms),
                       (0.7 * 600 + 0.9 * 950) / (600 + 950), 1e-12);
    assert_float_equal(ms, 1800000.0, 1e-9);
    /* Adding the same period again doubles the sums, not the index. */
    pvs_expect_noon_add(&day, &per);
    assert_float_equal(pvs_expect_noon_index(&day, 0.8, &ms), 0.9, 1e-12);
    assert_float_equal(ms, 1800000.0, 1e-9);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_noon_bin),
        cmocka_unit_test(test_noon_index),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
