/* SPDX-License-Identifier: MIT */
/*
 * test_silence.c - silences and maintenance windows: scope (site, device,
 * rule as family or id), local-time windows, and the rule set marking the
 * alerts they cover (and the resolution of a silenced alert) as silenced.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "pvs/config.h"
#include "pvs/rules.h"
#include "pvs/silence.h"

#define MIN 60000LL
#define H (60 * MIN)
#define DAY0 1718928000000LL /* 2024-06-21 00:00 UTC */

static const char conf[] =
    "[site \"s\"]\nlatitude = 48.85\nlongitude = 2.35\n"
    "timezone = Europe/Paris\nkwp = 10\n"
    "[site \"t\"]\nlatitude = 48.9\nlongitude = 2.4\n"
    "[device \"inv\"]\nsite = s\n"
    "[device \"inv2\"]\nsite = s\n"
    "[device \"other\"]\nsite = t\n"
    /* 08:00-17:00 Paris summer time = 06:00-15:00 UTC */
    "[silence \"swap\"]\ndevice = inv\nrule = fault_code\n"
    "start = 2024-06-21 08:00\nend = 2024-06-21 17:00\n"
    "reason = inverter replacement\n"
    "[silence \"site-t\"]\nsite = t\nend = 2024-06-22T00:00:00Z\n";

static struct pvs_config *load(void) {
    char path[] = "/tmp/pvs-test-silence-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    struct pvs_config *cfg = NULL;
    struct pvs_cfg_errors errs;

    memset(&errs, 0, sizeof(errs));
    fputs(conf, f);
    fclose(f);
    pvs_config_load(path, &cfg, &errs);
    unlink(path);
    assert_int_equal(errs.count, 0);
    assert_non_null(cfg);
    return cfg;
}

static void event(struct pvs_alert_event *ev, const struct pvs_config *cfg,
                  const char *dev, const char *family) {
    memset(ev, 0, sizeof(*ev));
    ev->device = dev ? pvs_config_device(cfg, dev) : NULL;
    ev->site = ev->device ? ev->device->site : cfg->sites[0];
    ev->family = family;
    ev->rule_id = family;
    ev->state = PVS_ALERT_FIRING;
}

static void test_scope_and_window(void **state) {
    struct pvs_config *cfg = load();
    struct pvs_alert_event ev;
    const struct pvs_silence *s = NULL;

    (void)state;
    assert_int_equal(cfg->nsilences, 2);
    assert_true(cfg->silences[0]->start_ms == DAY0 + 6 * H);
    assert_true(cfg->silences[0]->end_ms == DAY0 + 15 * H);

    event(&ev, cfg, "inv", "fault_code");
    assert_true(pvs_silence_find(cfg, &ev, DAY0 + 7 * H, &s));
    assert_string_equal(s->obj.id, "swap");
    assert_false(pvs_silence_covers(cfg, &ev, DAY0 + 5 * H));
    assert_false(pvs_silence_covers(cfg, &ev, DAY0 + 15 * H));
    /* another family, another device, the site itself: not covered */
    event(&ev, cfg, "inv", "communication");
    assert_false(pvs_silence_covers(cfg, &ev, DAY0 + 7 * H));
    event(&ev, cfg, "inv2", "fault_code");
    assert_false(pvs_silence_covers(cfg, &ev, DAY0 + 7 * H));
    event(&ev, cfg, NULL, "fault_code");
    assert_false(pvs_silence_covers(cfg, &ev, DAY0 + 7 * H));
    /* a site silence covers every device and rule of that site */
    event(&ev, cfg, "other", "communication");
    assert_true(pvs_silence_covers(cfg, &ev, DAY0 + 23 * H));
    assert_false(pvs_silence_covers(cfg, &ev, DAY0 + 24 * H));
    pvs_config_free(cfg);
}

struct seen {
    int fired, fired_silenced, resolved, resolved_silenced;
};

static void on_alert(void *ud, const struct pvs_alert_event *e) {
    struct seen *s = ud;

    if (strcmp(e->family, "fault_code"))
        return;
    if (e->state == PVS_ALERT_FIRING) {
        s->fired++;
        s->fired_silenced += e->silenced;
    } else {
        s->resolved++;
        s->resolved_silenced += e->silenced;
    }
}

/* inv in fault from `from` to `to`; returns what the owner saw. */
static struct seen run_fault(int64_t from, int64_t to) {
    struct pvs_config *cfg = load();
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;
    struct seen seen;

    memset(&errs, 0, sizeof(errs));
    memset(&seen, 0, sizeof(seen));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, &seen, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, DAY0);
    for (int64_t t = from - 10 * MIN; t < to + 30 * MIN; t += MIN) {
        struct pvs_sample s;
        memset(&s, 0, sizeof(s));
        s.dev = 0;
        s.metric = PVS_M_STATE;
        s.ts_ms = t;
        s.value = t >= from && t < to ? PVS_ST_FAULT : PVS_ST_MPPT;
        pvs_ruleset_sample(rs, &s);
        pvs_ruleset_tick(rs, t);
    }
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
    return seen;
}

static void test_ruleset_marks_silenced(void **state) {
    struct seen s;

    (void)state;
    /* inside the window: recorded, silenced, and so is its end */
    s = run_fault(DAY0 + 9 * H, DAY0 + 10 * H);
    assert_int_equal(s.fired, 1);
    assert_int_equal(s.fired_silenced, 1);
    assert_int_equal(s.resolved, 1);
    assert_int_equal(s.resolved_silenced, 1);
    /* fired silenced, resolved after the window: still not news */
    s = run_fault(DAY0 + 14 * H, DAY0 + 16 * H);
    assert_int_equal(s.fired_silenced, 1);
    assert_int_equal(s.resolved_silenced, 1);
    /* after the window: notified */
    s = run_fault(DAY0 + 16 * H, DAY0 + 17 * H);
    assert_int_equal(s.fired, 1);
    assert_int_equal(s.fired_silenced, 0);
    assert_int_equal(s.resolved_silenced, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scope_and_window),
        cmocka_unit_test(test_ruleset_marks_silenced),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
