/* SPDX-License-Identifier: MIT */
/*
 * test_tz.c - the TZif reader against known offsets and against the C
 * library (in this single-threaded test only, via setenv("TZ")).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <cmocka.h>

#include "pvs/tz.h"

#define H 3600

static struct pvs_tz *must(const char *name) {
    struct pvs_tz *tz = NULL;

    assert_int_equal(pvs_tz_load(name, &tz), PVS_OK);
    assert_non_null(tz);
    return tz;
}

static int64_t utc(int y, int mo, int d, int h, int mi) {
    return (pvs_tz_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60) *
           1000;
}

static void test_known_offsets(void **state) {
    struct pvs_tz *den = must("America/Denver");
    struct pvs_tz *par = must("Europe/Paris");
    struct pvs_tz *syd = must("Australia/Sydney");
    struct pvs_tz *gmt7 = must("Etc/GMT+7");

    (void)state;
    assert_int_equal(pvs_tz_offset(den, utc(2024, 1, 15, 12, 0)), -7 * H);
    assert_int_equal(pvs_tz_offset(den, utc(2024, 7, 15, 12, 0)), -6 * H);
    /* 2024-03-10 02:00 MST = 09:00 UTC: the switch to MDT. */
    assert_int_equal(pvs_tz_offset(den, utc(2024, 3, 10, 8, 59)), -7 * H);
    assert_int_equal(pvs_tz_offset(den, utc(2024, 3, 10, 9, 0)), -6 * H);
    assert_int_equal(pvs_tz_offset(par, utc(2024, 3, 31, 0, 59)), 1 * H);
    assert_int_equal(pvs_tz_offset(par, utc(2024, 3, 31, 1, 0)), 2 * H);
    assert_int_equal(pvs_tz_offset(syd, utc(2024, 1, 1, 0, 0)), 11 * H);
    assert_int_equal(pvs_tz_offset(syd, utc(2024, 7, 1, 0, 0)), 10 * H);
    assert_int_equal(pvs_tz_offset(gmt7, utc(2024, 7, 1, 0, 0)), -7 * H);
    /* Beyond the file's table: the POSIX rule in the footer. */
    assert_int_equal(pvs_tz_offset(den, utc(2060, 7, 1, 0, 0)), -6 * H);
    assert_int_equal(pvs_tz_offset(den, utc(2060, 12, 1, 0, 0)), -7 * H);
    assert_int_equal(pvs_tz_offset(syd, utc(2060, 12, 1, 0, 0)), 11 * H);
    assert_int_equal(pvs_tz_offset(syd, utc(2060, 6, 1, 0, 0)), 10 * H);
    pvs_tz_free(den);
    pvs_tz_free(par);
    pvs_tz_free(syd);
    pvs_tz_free(gmt7);
}

static void test_fixed_and_errors(void **state) {
    struct pvs_tz *tz = NULL;

    (void)state;
    tz = must("-07:00");
    assert_int_equal(pvs_tz_offset(tz, 0), -7 * H);
    pvs_tz_free(tz);
    tz = must("+0530");
    assert_int_equal(pvs_tz_offset(tz, 0), 5 * H + 1800);
    pvs_tz_free(tz);
    tz = must("UTC");
    assert_int_equal(pvs_tz_offset(tz, 0), 0);
    pvs_tz_free(tz);
    tz = NULL;
    assert_int_equal(pvs_tz_load("Mars/Olympus_Mons", &tz), PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_tz_load("../../etc/passwd", &tz), PVS_ERR_NOTFOUND);
    assert_null(tz);
}

static void test_local_and_back(void **state) {
    struct pvs_tz *den = must("America/Denver");
    struct pvs_tm tm;

    (void)state;
    pvs_tz_local(den, utc(2024, 6, 21, 18, 30), &tm);
    assert_int_equal(tm.year, 2024);
    assert_int_equal(tm.mon, 6);
    assert_int_equal(tm.mday, 21);
    assert_int_equal(tm.hour, 12);
    assert_int_equal(tm.min, 30);
    assert_int_equal(tm.wday, 5); /* Friday */
    assert_true(tm.dst);
    assert_int_equal(pvs_tz_from_local(den, 2024, 6, 21, 12, 30, 0),
                     utc(2024, 6, 21, 18, 30));
    /* Repeated hour in November: the first occurrence (MDT). */
    assert_int_equal(pvs_tz_from_local(den, 2024, 11, 3, 1, 30, 0),
                     utc(2024, 11, 3, 7, 30));
    /* Gap in March: the offset before the gap. */
    assert_int_equal(pvs_tz_from_local(den, 2024, 3, 10, 2, 30, 0),
                     utc(2024, 3, 10, 9, 30));
    pvs_tz_free(den);
}

/* Every 7 hours and 13 minutes over 1970..2045 against localtime_r. */
static void test_against_libc(void **state) {
    static const char *const zones[] = {"America/Denver",   "Europe/Paris",
                                        "Australia/Sydney", "Asia/Kolkata",
                                        "America/New_York", "Pacific/Chatham"};

    (void)state;
    for (size_t z = 0; z < sizeof(zones) / sizeof(zones[0]); z++) {
        struct pvs_tz *tz = must(zones[z]);
        setenv("TZ", zones[z], 1);
        tzset();
        for (int64_t t = 0; t < 2366841600LL; t += 7 * 3600 + 13 * 60) {
            struct tm lt;
            struct pvs_tm pt;
            time_t tt = (time_t)t;
            localtime_r(&tt, &lt);
            pvs_tz_local(tz, t * 1000, &pt);
            if (pt.utoff != lt.tm_gmtoff || pt.hour != lt.tm_hour ||
                pt.mday != lt.tm_mday)
                fail_msg("%s at %lld: %d vs libc %ld", zones[z], (long long)t,
                         pt.utoff, (long)lt.tm_gmtoff);
        }
        pvs_tz_free(tz);
    }
    unsetenv("TZ");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_offsets),
        cmocka_unit_test(test_fixed_and_errors),
        cmocka_unit_test(test_local_and_back),
        cmocka_unit_test(test_against_libc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
