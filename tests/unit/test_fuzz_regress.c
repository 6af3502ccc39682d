/* SPDX-License-Identifier: MIT */
/*
 * test_fuzz_regress.c - replay every fuzz regression input
 * (tests/fuzz/regress/<target>/) and the seed corpus
 * (tests/fuzz/corpus/<target>/) through the same entry points as the
 * libFuzzer targets (tests/fuzz/entries.c). Under `make check` this runs
 * with ASan and UBSan, so a crash fixed once stays fixed.
 *
 * The inputs are found under $PVS_FUZZ_DIR, else tests/fuzz from the
 * current directory (make runs unit tests from the repository root).
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "pvs/log.h"

#include "../fuzz/entries.c"

typedef int entry_fn(const uint8_t *data, size_t size);

static const char *fuzz_dir(void) {
    const char *d = getenv("PVS_FUZZ_DIR");
    return d && *d ? d : "tests/fuzz";
}

/* Feed every regular file of dir/kind/target to fn; returns the count. */
static size_t replay_dir(const char *kind, const char *target, entry_fn *fn) {
    char dir[512], path[1024];
    struct dirent **names = NULL;
    int n;
    size_t done = 0;

    pvs_snprintf(dir, sizeof(dir), "%s/%s/%s", fuzz_dir(), kind, target);
    n = scandir(dir, &names, NULL, alphasort);
    for (int i = 0; i < n; i++) {
        struct stat st;
        FILE *f;
        uint8_t *buf;

        pvs_snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
        if (names[i]->d_name[0] == '.' || stat(path, &st) ||
            !S_ISREG(st.st_mode))
            goto next;
        f = fopen(path, "rb");
        assert_non_null(f);
        /* An exact-size heap copy: ASan sees any read past the end. */
        buf = pvs_malloc((size_t)st.st_size + 1);
        assert_int_equal(fread(buf, 1, (size_t)st.st_size, f),
                         (size_t)st.st_size);
        fclose(f);
        print_message("replay %s\n", path);
        fn(buf, (size_t)st.st_size);
        pvs_free(buf);
        done++;
    next:
        free(names[i]); /* lint: allow (scandir's) */
    }
    free(names); /* lint: allow (scandir's) */
    return done;
}

static void replay(const char *target, entry_fn *fn) {
    size_t seeds = replay_dir("corpus", target, fn);

    replay_dir("regress", target, fn);
    /* The seed corpus is part of the repository: its absence means the
     * test looked in the wrong place, not that all is well. */
    assert_true(seeds > 0);
}

static void test_config(void **state) {
    (void)state;
    replay("config", pvs_fuzz_config);
}

static void test_mqtt_payload(void **state) {
    (void)state;
    replay("mqtt_payload", pvs_fuzz_mqtt_payload);
}

static void test_sunspec(void **state) {
    (void)state;
    replay("sunspec", pvs_fuzz_sunspec);
}

static void test_http(void **state) {
    (void)state;
    replay("http", pvs_fuzz_http);
}

static int teardown(void **state) {
    (void)state;
    pvs_fuzz_cleanup();
    return 0;
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_config),
        cmocka_unit_test(test_mqtt_payload),
        cmocka_unit_test(test_sunspec),
        cmocka_unit_test(test_http),
    };

    /* The device test of the HTTP API runs `/proc/self/exe probe URL`:
     * that is this binary, which answers as a probe that fails. */
    if (argc >= 2 && !strcmp(argv[1], "probe")) {
        puts("{\"ok\": false, \"error\": \"no probe in this test\"}");
        return 1;
    }
    pvs_log_set_level(PVS_LOG_ERROR);
    return cmocka_run_group_tests(tests, NULL, teardown);
}
