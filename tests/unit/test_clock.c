/* SPDX-License-Identifier: MIT */
/* test_clock.c - simulated clock and time parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <cmocka.h>

#include "pvs/clock.h"

static void test_parse(void **state) {
    int64_t t;

    (void)state;
    assert_int_equal(pvs_clock_parse_time("2024-11-28T08:00:00Z", &t), 0);
    assert_int_equal(t, 1732780800000LL);
    assert_int_equal(pvs_clock_parse_time("2024-11-28 09:00:00+01:00", &t), 0);
    assert_int_equal(t, 1732780800000LL);
    assert_int_equal(pvs_clock_parse_time("2024-11-28T03:00-0500", &t), 0);
    assert_int_equal(t, 1732780800000LL);
    assert_int_equal(pvs_clock_parse_time("2024-11-28T08:00:00.250Z", &t), 0);
    assert_int_equal(t, 1732780800250LL);
    assert_int_equal(pvs_clock_parse_time("1732780800", &t), 0);
    assert_int_equal(t, 1732780800000LL);
    assert_int_not_equal(pvs_clock_parse_time("yesterday", &t), 0);
    assert_int_not_equal(pvs_clock_parse_time("2024-13-01T00:00Z", &t), 0);
    assert_int_not_equal(pvs_clock_parse_time("2024-11-28T08:00Zjunk", &t), 0);
    assert_int_not_equal(pvs_clock_parse_time("", &t), 0);
}

static void test_sim(void **state) {
    int64_t origin, a, b;
    struct timespec ts = {0, 50 * 1000000L};
    struct timespec now;

    (void)state;
    clock_gettime(CLOCK_REALTIME, &now);
    origin = (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
    pvs_clock_set_sim(1718956800000LL, 600.0, origin);
    assert_true(pvs_clock_is_sim());
    a = pvs_clock_now_ms();
    assert_true(a >= 1718956800000LL);
    assert_true(a < 1718956800000LL + 600 * 1000);
    nanosleep(&ts, NULL);
    b = pvs_clock_now_ms();
    /* 50 ms of real time is 30 s of simulated time. */
    assert_true(b - a >= 29000);
    assert_true(b - a < 600 * 1000);
    /* An hour of simulated time is 6 s of real time. */
    assert_in_range(pvs_clock_real_ms(3600000), 6000, 6001);
    pvs_clock_set_wall();
    assert_false(pvs_clock_is_sim());
    assert_int_equal(pvs_clock_real_ms(1234), 1234);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_sim),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
