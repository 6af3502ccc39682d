/* SPDX-License-Identifier: MIT */
/* test_util.c - number formatting for stored readings. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pvs/util.h"

static void expect_text(double v, const char *want) {
    char buf[PVS_NUM_MAX];
    size_t n = pvs_fmt_num(buf, v);

    assert_string_equal(buf, want);
    assert_int_equal(n, strlen(want));
}

static void test_short_decimals(void **state) {
    (void)state;
    expect_text(0, "0");
    expect_text(4, "4");
    expect_text(-3, "-3");
    expect_text(1234.5, "1234.5");
    expect_text(0.1, "0.1");
    expect_text(0.05, "0.05");
    expect_text(-0.05, "-0.05");
    expect_text(230.1, "230.1");
    expect_text(49.98, "49.98");
    expect_text(0.000125, "0.000125");
    expect_text(65535, "65535");
    expect_text(4294967295.0, "4294967295");
    expect_text(123456789.123, "123456789.123");
}

/* Whatever the value, the text is a JSON number that reads back exactly. */
static void test_round_trip(void **state) {
    static const double odd[] = {
        1.0 / 3,
        M_PI,
        1e300,
        -1e-300,
        5e-324,
        1.7976931348623157e308,
        9007199254740993.0,
        1e22,
        0.1 + 0.2,
        123456.0000001,
    };
    char buf[PVS_NUM_MAX];
    unsigned seed = 12345;

    (void)state;
    for (size_t i = 0; i < PVS_ARRAY_LEN(odd); i++) {
        pvs_fmt_num(buf, odd[i]);
        assert_true(strtod(buf, NULL) == odd[i]);
        assert_null(strpbrk(buf, "ni")); /* never inf or nan */
    }
    for (int i = 0; i < 200000; i++) {
        double v;

        seed = seed * 1103515245u + 12345u;
        switch (i % 4) {
        case 0: /* a reading with a few decimals */
            v = (double)(int)(seed % 2000000) / 100 - 5000;
            break;
        case 1: /* any double bit pattern that is finite */
            v = ldexp((double)seed / 4294967296.0 + 0.5,
                      (int)(seed % 2000) - 1000);
            break;
        case 2:
            v = (double)seed * 0.001;
            break;
        default:
            v = -(double)seed / 7;
            break;
        }
        pvs_fmt_num(buf, v);
        assert_true(strlen(buf) < PVS_NUM_MAX);
        if (strtod(buf, NULL) != v)
            fail_msg("%.17g written as %s", v, buf);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_short_decimals),
        cmocka_unit_test(test_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
