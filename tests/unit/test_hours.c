/* SPDX-License-Identifier: MIT */
/*
 * test_hours.c - working hours and quiet hours in local time, across the
 * daylight-saving changes (Europe/Paris, 2024-03-31 and 2024-10-27).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pvs/clock.h"
#include "pvs/hours.h"
#include "pvs/tz.h"

static int64_t at(const char *iso) {
    int64_t ms = 0;

    assert_int_equal(pvs_clock_parse_time(iso, &ms), PVS_OK);
    return ms;
}

static void test_syntax(void **state) {
    (void)state;
    assert_true(pvs_hours_valid("mon-fri 08:00-18:00"));
    assert_true(pvs_hours_valid("mon-fri 08:00-18:00, sat 09:00-12:00"));
    assert_true(pvs_hours_valid("fri-mon 22:00-06:00"));
    assert_true(pvs_hours_valid("sun 00:00-24:00"));
    assert_false(pvs_hours_valid("weekdays 8-18"));
    assert_false(pvs_hours_valid("mon-fri 08:00-25:00"));
    assert_false(pvs_hours_valid("mon-fri"));
    assert_false(pvs_hours_valid("mon-fri 08:00-18:00,"));
    assert_true(pvs_span_valid("21:00-08:00"));
    assert_false(pvs_span_valid("21:00-08:00x"));
    assert_false(pvs_span_valid("9pm-8am"));
}

static void test_contains(void **state) {
    (void)state;
    /* Friday 22:00 to Saturday 06:00 is one night shift. */
    assert_true(pvs_hours_contains("fri 22:00-06:00", 5, 23 * 60));
    assert_true(pvs_hours_contains("fri 22:00-06:00", 6, 5 * 60));
    assert_false(pvs_hours_contains("fri 22:00-06:00", 6, 23 * 60));
    assert_true(pvs_hours_contains("mon-fri 08:00-18:00", 3, 8 * 60));
    assert_false(pvs_hours_contains("mon-fri 08:00-18:00", 3, 18 * 60));
    assert_false(pvs_hours_contains("mon-fri 08:00-18:00", 0, 9 * 60));
    assert_true(pvs_span_contains("21:00-08:00", 23 * 60));
    assert_true(pvs_span_contains("21:00-08:00", 7 * 60 + 59));
    assert_false(pvs_span_contains("21:00-08:00", 8 * 60));
    assert_false(pvs_span_contains("08:00-08:00", 9 * 60));
}

static void test_quiet_hours_across_dst(void **state) {
    struct pvs_tz *paris = NULL;

    (void)state;
    assert_int_equal(pvs_tz_load("Europe/Paris", &paris), PVS_OK);
    /* Saturday 22:00 (UTC+1); the night loses an hour; 08:00 is UTC+2. */
    assert_int_equal(
        pvs_span_next_outside("21:00-08:00", paris, at("2024-03-30T21:00:00Z")),
        at("2024-03-31T06:00:00Z"));
    /* Saturday 22:00 (UTC+2); the night gains an hour; 08:00 is UTC+1. */
    assert_int_equal(
        pvs_span_next_outside("21:00-08:00", paris, at("2024-10-26T20:00:00Z")),
        at("2024-10-27T07:00:00Z"));
    /* Outside quiet hours: now. */
    assert_int_equal(
        pvs_span_next_outside("21:00-08:00", paris, at("2024-10-26T10:00:00Z")),
        at("2024-10-26T10:00:00Z"));
    /* Working hours follow the local clock, not UTC. */
    assert_false(pvs_hours_at("mon-fri 08:00-18:00", paris,
                              at("2024-03-29T06:30:00Z"))); /* 07:30 */
    assert_true(pvs_hours_at("mon-fri 08:00-18:00", paris,
                             at("2024-04-01T06:30:00Z"))); /* 08:30 */
    /* No time zone: UTC. */
    assert_true(
        pvs_hours_at("mon-fri 08:00-18:00", NULL, at("2024-03-29T08:00:00Z")));
    pvs_tz_free(paris);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_syntax),
        cmocka_unit_test(test_contains),
        cmocka_unit_test(test_quiet_hours_across_dst),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
