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

/* Outside text in a log line: escaped, capped, valid UTF-8 kept. */
static void test_esc(void **state) {
    char buf[PVS_ESC_SIZE], small[16];
    char big[400];

    (void)state;
    assert_string_equal(pvs_esc("alice", buf, sizeof(buf)), "alice");
    assert_string_equal(pvs_esc("a\nb\x1b[31m", buf, sizeof(buf)),
                        "a\\x0ab\\x1b[31m");
    assert_string_equal(pvs_esc("back\\slash", buf, sizeof(buf)),
                        "back\\x5cslash");
    /* UTF-8 stays; a stray byte and a C1 control (U+009B) do not. */
    assert_string_equal(pvs_esc("Durand \xc3\xa9t\xe9", buf, sizeof(buf)),
                        "Durand \xc3\xa9t\\xe9");
    assert_string_equal(pvs_esc("\xc2\x9b"
                                "2J",
                                buf, sizeof(buf)),
                        "\\xc2\\x9b2J");
    assert_string_equal(pvs_esc(NULL, buf, sizeof(buf)), "(null)");
    /* Capped, with the cut marked and the buffer never overrun. */
    memset(big, '\n', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    pvs_esc(big, small, sizeof(small));
    assert_string_equal(small, "\\x0a\\x0a\\x0a...");
    pvs_esc(big, buf, sizeof(buf));
    assert_true(strlen(buf) < sizeof(buf));
    assert_string_equal(buf + strlen(buf) - 3, "...");
    assert_string_equal(pvs_esc("0123456789abc", small, sizeof(small)),
                        "0123456789abc");
    assert_string_equal(pvs_esc("0123456789abcdefg", small, sizeof(small)),
                        "0123456789ab...");
}

static void test_utf8_valid(void **state) {
    (void)state;
    assert_true(pvs_utf8_valid("correct horse", 13));
    assert_true(pvs_utf8_valid("\xc3\xa9t\xc3\xa9", 5));
    assert_false(pvs_utf8_valid("0123456789\0rest", 15));
    assert_false(pvs_utf8_valid("\xe9t\xe9", 3));
    assert_false(pvs_utf8_valid("\xc0\xaf", 2));         /* overlong */
    assert_false(pvs_utf8_valid("\xed\xa0\x80", 3));     /* surrogate */
    assert_false(pvs_utf8_valid("\xf4\x90\x80\x80", 4)); /* > U+10FFFF */
    assert_false(pvs_utf8_valid("\xe2\x82", 2));         /* cut short */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_short_decimals),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_esc),
        cmocka_unit_test(test_utf8_valid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
