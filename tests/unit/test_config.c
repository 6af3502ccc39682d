/* SPDX-License-Identifier: MIT */
/*
 * test_config.c - the config reader and schema: good files load with the
 * right values; each bad file gives exactly the messages in its .expected
 * twin (the same output `pvsentry check` prints). Run from the repo root.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pvs/config.h"
#include "pvs/rules.h"

#define DIR "tests/data/config/"

static char *slurp(const char *path) {
    FILE *f = fopen(path, "r");
    struct pvs_buf b;
    char chunk[4096];
    size_t n;

    assert_non_null(f);
    pvs_buf_init(&b, 1 << 20);
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        assert_int_equal(pvs_buf_add(&b, chunk, n), PVS_OK);
    fclose(f);
    return pvs_buf_detach(&b, NULL);
}

/* What `pvsentry check` prints for path. */
static char *check_output(const char *path) {
    struct pvs_cfg_errors errs;
    struct pvs_config *cfg;
    struct pvs_ruleset *rs = NULL;
    char *out = NULL;
    size_t len = 0;
    FILE *mem;

    memset(&errs, 0, sizeof(errs));
    cfg = pvs_config_load_all(path, &errs);
    if (!pvs_ruleset_new(cfg, NULL, NULL, &rs, &errs))
        pvs_ruleset_free(rs);
    mem = open_memstream(&out, &len);
    pvs_cfg_errors_print(&errs, mem);
    fclose(mem);
    pvs_cfg_errors_release(&errs);
    pvs_config_free(cfg);
    return out;
}

static void expect_file(const char *name) {
    char conf[256], exp[256];
    char *got, *want;

    snprintf(conf, sizeof(conf), DIR "%s.conf", name);
    snprintf(exp, sizeof(exp), DIR "%s.expected", name);
    got = check_output(conf);
    want = slurp(exp);
    assert_string_equal(got, want);
    free(got); /* lint: allow (open_memstream) */
    pvs_free(want);
}

static void test_bad_files(void **state) {
    static const char *const names[] = {
        "bad-duplicate",  "bad-families", "bad-include",  "bad-many",
        "bad-references", "bad-rules",    "bad-silence",  "bad-syntax",
        "bad-unknown",    "bad-values",   "bad-channels", "bad-cluster",
    };
    (void)state;
    for (size_t i = 0; i < PVS_ARRAY_LEN(names); i++)
        expect_file(names[i]);
}

static void test_good_minimal(void **state) {
    struct pvs_cfg_errors errs;
    struct pvs_config *cfg = NULL;

    (void)state;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_config_load(DIR "good-minimal.conf", &cfg, &errs),
                     PVS_OK);
    assert_int_equal(errs.count, 0);
    assert_null(cfg->mqtt);
    assert_null(cfg->smtp);
    assert_int_equal(cfg->nsites, 1);
    assert_int_equal(cfg->ndevices, 1);
    assert_ptr_equal(cfg->devices[0]->site, cfg->sites[0]);
    /* Defaults. */
    assert_string_equal(cfg->sites[0]->timezone, "UTC");
    assert_true(cfg->sites[0]->azimuth == 180.0);
    assert_int_equal(cfg->global.grace_ms, 600000);
    assert_int_equal(cfg->global.reopen_window_ms, 86400000);
    assert_string_equal(cfg->devices[0]->kind, "inverter");
    pvs_config_free(cfg);
}

static void test_good_include(void **state) {
    struct pvs_cfg_errors errs;
    struct pvs_config *cfg = NULL;
    const struct pvs_site *s;

    (void)state;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_config_load(DIR "good-include.conf", &cfg, &errs),
                     PVS_OK);
    assert_string_equal(cfg->global.database, "/tmp/pvsentry test.db");
    assert_int_equal(cfg->global.grace_ms, 90 * 60000);
    assert_int_equal(cfg->global.retention_ms, 7 * 86400000LL);
    s = pvs_config_site(cfg, "s1");
    assert_non_null(s);
    assert_true(s->latitude == -33.86);
    assert_true(s->azimuth == 0.0);
    assert_string_equal(s->timezone, "Australia/Sydney");
    assert_non_null(s->technician);
    assert_string_equal(s->technician->name, "Bob");
    assert_true(cfg->devices[0]->kwp == 4.2);
    assert_int_equal(cfg->nfiles, 2);
    pvs_config_free(cfg);
}

static void test_durations_and_sizes(void **state) {
    int64_t v;
    char msg[200];
    bool b;

    (void)state;
    assert_int_equal(pvs_cfg_parse_duration("90s", &v, msg, sizeof(msg)), 0);
    assert_int_equal(v, 90000);
    assert_int_equal(pvs_cfg_parse_duration("1h30m", &v, msg, sizeof(msg)), 0);
    assert_int_equal(v, 5400000);
    assert_int_equal(pvs_cfg_parse_duration("250ms", &v, msg, sizeof(msg)), 0);
    assert_int_equal(v, 250);
    assert_int_equal(pvs_cfg_parse_duration("2d", &v, msg, sizeof(msg)), 0);
    assert_int_equal(v, 172800000);
    assert_int_not_equal(pvs_cfg_parse_duration("10", &v, msg, sizeof(msg)), 0);
    assert_non_null(strstr(msg, "'10'"));
    assert_int_not_equal(pvs_cfg_parse_duration("-5s", &v, msg, sizeof(msg)),
                         0);
    assert_int_not_equal(
        pvs_cfg_parse_duration("5 parsecs", &v, msg, sizeof(msg)), 0);
    assert_int_not_equal(pvs_cfg_parse_duration("", &v, msg, sizeof(msg)), 0);
    assert_int_equal(pvs_cfg_parse_size("64k", &v, msg, sizeof(msg)), 0);
    assert_int_equal(v, 65536);
    assert_int_equal(pvs_cfg_parse_size("10MB", &v, msg, sizeof(msg)), 0);
    assert_int_equal(v, 10485760);
    assert_int_not_equal(pvs_cfg_parse_size("10 bananas", &v, msg, sizeof(msg)),
                         0);
    assert_int_equal(pvs_cfg_parse_bool("Yes", &b, msg, sizeof(msg)), 0);
    assert_true(b);
    assert_int_equal(pvs_cfg_parse_bool("off", &b, msg, sizeof(msg)), 0);
    assert_false(b);
    assert_int_not_equal(pvs_cfg_parse_bool("maybe", &b, msg, sizeof(msg)), 0);
}

static void test_missing_file(void **state) {
    struct pvs_cfg_errors errs;
    struct pvs_config *cfg = NULL;

    (void)state;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_config_load(DIR "does-not-exist.conf", &cfg, &errs),
                     PVS_ERR_CONFIG);
    assert_int_equal(errs.count, 1);
    assert_non_null(strstr(errs.msg[0], "cannot open"));
    pvs_cfg_errors_release(&errs);
}

static void test_example_config(void **state) {
    char *out;

    (void)state;
    out = check_output("deploy/pvsentry.conf.example");
    assert_string_equal(out, "");
    free(out); /* lint: allow (open_memstream) */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_good_minimal),
        cmocka_unit_test(test_good_include),
        cmocka_unit_test(test_durations_and_sizes),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_example_config),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
