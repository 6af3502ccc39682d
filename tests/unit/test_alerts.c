/* SPDX-License-Identifier: MIT */
/*
 * test_alerts.c - the rule set's alert state machine, driven through the
 * threshold and fault_code families: pending -> firing -> resolved, blips
 * that never fire, hysteresis, one fingerprint per subject, restore after
 * a restart without a second firing.
 */
#include <math.h>
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

#define T0 1718956800000LL /* 2024-06-21 08:00 UTC */
#define MIN 60000LL

struct events {
    struct pvs_alert_event ev[32];
    int n;
};

static void collect(void *ud, const struct pvs_alert_event *ev) {
    struct events *e = ud;

    assert_true(e->n < 32);
    e->ev[e->n++] = *ev;
}

static struct pvs_config *config_from(const char *text) {
    char path[] = "/tmp/pvs-test-XXXXXX";
    int fd = mkstemp(path);
    struct pvs_cfg_errors errs;
    struct pvs_config *cfg = NULL;
    FILE *f;

    assert_true(fd >= 0);
    f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    memset(&errs, 0, sizeof(errs));
    if (pvs_config_load(path, &cfg, &errs)) {
        pvs_cfg_errors_print(&errs, stderr);
        fail();
    }
    unlink(path);
    return cfg;
}

static const char base_cfg[] =
    "[global]\ngrace_period = 0s\n"
    "[site \"s1\"]\nlatitude = 45.75\nlongitude = 4.85\nkwp = 5\n"
    "[device \"inv1\"]\nsite = s1\n"
    "[device \"inv2\"]\nsite = s1\n"
    "[rule \"hot\"]\nfamily = threshold\nmetric = temp_heatsink_c\n"
    "above = 80\nhysteresis = 5\nfor = 5m\nrecovery = 10m\n";

static struct pvs_sample smp(uint32_t dev, enum pvs_metric m, int64_t ts,
                             double v) {
    struct pvs_sample s;

    memset(&s, 0, sizeof(s));
    s.dev = dev;
    s.metric = (uint16_t)m;
    s.ts_ms = ts;
    s.value = v;
    s.quality = PVS_Q_OK;
    return s;
}

static struct pvs_ruleset *new_set(struct pvs_config *cfg, struct events *e) {
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;

    memset(&errs, 0, sizeof(errs));
    memset(e, 0, sizeof(*e));
    assert_int_equal(pvs_ruleset_new(cfg, collect, e, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, T0 - 60 * MIN);
    return rs;
}

static void feed(struct pvs_ruleset *rs, uint32_t dev, enum pvs_metric m,
                 int64_t ts, double v) {
    struct pvs_sample s = smp(dev, m, ts, v);

    pvs_ruleset_sample(rs, &s);
}

static int count_state(const struct events *e, const char *fp_part,
                       enum pvs_alert_state st) {
    int n = 0;

    for (int i = 0; i < e->n; i++)
        if (e->ev[i].state == st && strstr(e->ev[i].fingerprint, fp_part))
            n++;
    return n;
}

static void test_threshold_fires_after_for(void **state) {
    struct pvs_config *cfg = config_from(base_cfg);
    struct events e;
    struct pvs_ruleset *rs = new_set(cfg, &e);

    (void)state;
    /* Breach for 4 minutes: pending only. */
    for (int i = 0; i <= 4; i++)
        feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + i * MIN, 85);
    assert_int_equal(e.n, 0);
    /* Minute 5: for is met. */
    feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + 5 * MIN, 86);
    assert_int_equal(e.n, 1);
    assert_int_equal(e.ev[0].state, PVS_ALERT_FIRING);
    assert_string_equal(e.ev[0].fingerprint, "s1/inv1/hot/temp_heatsink_c");
    assert_string_equal(e.ev[0].family, "threshold");
    assert_int_equal(e.ev[0].started_ms, T0);
    assert_true(e.ev[0].measured == 86);
    /* 77 is inside the hysteresis band (80 - 5): still active. */
    feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + 6 * MIN, 77);
    feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + 20 * MIN, 77);
    assert_int_equal(e.n, 1);
    /* Below 75: clear, resolved after the 10 min recovery. */
    feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + 21 * MIN, 60);
    feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + 30 * MIN, 60);
    assert_int_equal(e.n, 1);
    feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + 31 * MIN, 60);
    assert_int_equal(e.n, 2);
    assert_int_equal(e.ev[1].state, PVS_ALERT_RESOLVED);
    assert_int_equal(e.ev[1].ts_ms, T0 + 31 * MIN);
    assert_int_equal(pvs_ruleset_firing(rs), 0);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

static void test_blip_never_fires(void **state) {
    struct pvs_config *cfg = config_from(base_cfg);
    struct events e;
    struct pvs_ruleset *rs = new_set(cfg, &e);

    (void)state;
    feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0, 90);
    feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + 2 * MIN, 90);
    feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + 3 * MIN, 50);
    feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + 30 * MIN, 50);
    pvs_ruleset_tick(rs, T0 + 60 * MIN);
    assert_int_equal(e.n, 0);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

static void test_tick_fires_pending(void **state) {
    struct pvs_config *cfg = config_from(base_cfg);
    struct events e;
    struct pvs_ruleset *rs = new_set(cfg, &e);

    (void)state;
    /* One reading above the limit, then silence: the condition stands. */
    feed(rs, 1, PVS_M_TEMP_HEATSINK_C, T0, 95);
    pvs_ruleset_tick(rs, T0 + 4 * MIN);
    assert_int_equal(e.n, 0);
    pvs_ruleset_tick(rs, T0 + 5 * MIN);
    assert_int_equal(count_state(&e, "s1/inv2/hot", PVS_ALERT_FIRING), 1);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

static void test_fault_subjects_and_energy(void **state) {
    struct pvs_config *cfg = config_from(base_cfg);
    struct events e;
    struct pvs_ruleset *rs = new_set(cfg, &e);

    (void)state;
    feed(rs, 0, PVS_M_AC_POWER_W, T0, 3000);
    feed(rs, 0, PVS_M_STATE, T0, PVS_ST_MPPT);
    feed(rs, 0, PVS_M_STATE, T0 + MIN, PVS_ST_FAULT);
    feed(rs, 0, PVS_M_EVENT_BITS, T0 + MIN, 1); /* ground fault */
    feed(rs, 0, PVS_M_STATE, T0 + 2 * MIN, PVS_ST_FAULT);
    feed(rs, 0, PVS_M_EVENT_BITS, T0 + 2 * MIN, 1 | (1 << 7));
    feed(rs, 0, PVS_M_STATE, T0 + 3 * MIN, PVS_ST_FAULT);
    feed(rs, 0, PVS_M_EVENT_BITS, T0 + 3 * MIN, 1 | (1 << 7));
    assert_int_equal(count_state(&e, "inv1/fault_code/fault", PVS_ALERT_FIRING),
                     1);
    assert_int_equal(
        count_state(&e, "fault_code/ground_fault", PVS_ALERT_FIRING), 1);
    assert_int_equal(count_state(&e, "fault_code/over_temp", PVS_ALERT_FIRING),
                     1);
    /* Two hours in fault at 3 kW lost: about 6 kWh. */
    for (int i = 4; i <= 121; i++)
        feed(rs, 0, PVS_M_STATE, T0 + i * MIN, PVS_ST_FAULT);
    feed(rs, 0, PVS_M_STATE, T0 + 122 * MIN, PVS_ST_MPPT);
    for (int i = 123; i <= 130; i++)
        feed(rs, 0, PVS_M_STATE, T0 + i * MIN, PVS_ST_MPPT);
    assert_int_equal(
        count_state(&e, "inv1/fault_code/fault", PVS_ALERT_RESOLVED), 1);
    for (int i = 0; i < e.n; i++) {
        if (e.ev[i].state == PVS_ALERT_RESOLVED &&
            strstr(e.ev[i].fingerprint, "fault_code/fault")) {
            assert_true(e.ev[i].lost_kwh > 5.9);
            assert_true(e.ev[i].lost_kwh < 6.1);
        }
    }
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

static void test_restore_no_second_firing(void **state) {
    struct pvs_config *cfg = config_from(base_cfg);
    struct events e;
    struct pvs_ruleset *rs = new_set(cfg, &e);
    struct pvs_alert_event ev;

    (void)state;
    memset(&ev, 0, sizeof(ev));
    pvs_strlcpy(ev.fingerprint, "s1/inv1/hot/temp_heatsink_c",
                sizeof(ev.fingerprint));
    ev.rule_id = "hot";
    ev.site = cfg->sites[0];
    ev.device = cfg->devices[0];
    pvs_strlcpy(ev.subject, "temp_heatsink_c", sizeof(ev.subject));
    ev.severity = PVS_SEV_WARNING;
    ev.started_ms = T0 - 30 * MIN;
    assert_true(pvs_ruleset_restore(rs, &ev));
    assert_false(pvs_ruleset_restore(rs, &ev));
    ev.rule_id = "gone";
    pvs_strlcpy(ev.fingerprint, "s1/inv1/gone/x", sizeof(ev.fingerprint));
    assert_false(pvs_ruleset_restore(rs, &ev));
    /* Still hot after the restart: no new firing. */
    for (int i = 0; i < 10; i++)
        feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + i * MIN, 90);
    assert_int_equal(e.n, 0);
    /* Cools down: resolved exactly once. */
    for (int i = 10; i < 40; i++)
        feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + i * MIN, 40);
    assert_int_equal(e.n, 1);
    assert_int_equal(e.ev[0].state, PVS_ALERT_RESOLVED);
    assert_int_equal(e.ev[0].started_ms, T0 - 30 * MIN);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

/* A take-over's replay: no event, what fired in it dropped, the store's
 * firing alerts restored, a pending alert's window kept. */
static void test_replay_hands_out_nothing(void **state) {
    struct pvs_config *cfg = config_from(base_cfg);
    struct events e;
    struct pvs_ruleset *rs = new_set(cfg, &e);
    struct pvs_alert_event ev;

    (void)state;
    pvs_ruleset_replay(rs, true);
    for (int i = 0; i <= 6; i++)
        feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + i * MIN, 85);
    for (int i = 0; i <= 3; i++)
        feed(rs, 1, PVS_M_TEMP_HEATSINK_C, T0 + i * MIN, 85);
    assert_int_equal(e.n, 0);
    pvs_ruleset_replay(rs, false);
    assert_int_equal(pvs_ruleset_firing(rs), 0);
    /* The store says inv1's alert fired: restored, and no new firing. */
    memset(&ev, 0, sizeof(ev));
    pvs_strlcpy(ev.fingerprint, "s1/inv1/hot/temp_heatsink_c",
                sizeof(ev.fingerprint));
    ev.rule_id = "hot";
    ev.site = cfg->sites[0];
    ev.device = cfg->devices[0];
    pvs_strlcpy(ev.subject, "temp_heatsink_c", sizeof(ev.subject));
    ev.severity = PVS_SEV_WARNING;
    ev.started_ms = T0;
    assert_true(pvs_ruleset_restore(rs, &ev));
    assert_int_equal(pvs_ruleset_firing(rs), 1);
    feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + 7 * MIN, 85);
    feed(rs, 1, PVS_M_TEMP_HEATSINK_C, T0 + 4 * MIN, 85);
    assert_int_equal(e.n, 0);
    /* inv2's breach began in the replay: it fires on time, live. */
    feed(rs, 1, PVS_M_TEMP_HEATSINK_C, T0 + 5 * MIN, 85);
    assert_int_equal(e.n, 1);
    assert_int_equal(e.ev[0].state, PVS_ALERT_FIRING);
    assert_string_equal(e.ev[0].fingerprint, "s1/inv2/hot/temp_heatsink_c");
    assert_int_equal(e.ev[0].started_ms, T0);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

static void test_default_threshold_covers_other_devices(void **state) {
    struct pvs_config *cfg =
        config_from("[site \"s1\"]\nlatitude = 45\nlongitude = 4\n"
                    "[device \"a\"]\nsite = s1\n[device \"b\"]\nsite = s1\n"
                    "[rule \"a-hot\"]\nfamily = threshold\ndevice = a\n"
                    "metric = temp_heatsink_c\nabove = 50\nfor = 0s\n");
    struct events e;
    struct pvs_ruleset *rs = new_set(cfg, &e);

    (void)state;
    /* 60 C: above a's own limit; the default (85 C) does not watch a. */
    feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0, 60);
    feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + MIN, 90);
    feed(rs, 1, PVS_M_TEMP_HEATSINK_C, T0, 60);
    pvs_ruleset_tick(rs, T0 + 30 * MIN);
    assert_int_equal(count_state(&e, "s1/a/a-hot/", PVS_ALERT_FIRING), 1);
    assert_int_equal(count_state(&e, "s1/a/threshold/", PVS_ALERT_FIRING), 0);
    assert_int_equal(count_state(&e, "s1/b/", PVS_ALERT_FIRING), 0);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

/* A late reading from before the problem began does not resolve it. */
static void test_late_sample_does_not_resolve(void **state) {
    struct pvs_config *cfg = config_from(base_cfg);
    struct events e;
    struct pvs_ruleset *rs = new_set(cfg, &e);

    (void)state;
    for (int i = 0; i <= 5; i++)
        feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + i * MIN, 90);
    assert_int_equal(count_state(&e, "hot", PVS_ALERT_FIRING), 1);
    /* Cool readings stamped before T0, in order, arrive late (a backlog
     * drained after the alert fired). */
    for (int i = 30; i >= 1; i--)
        feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 - i * MIN, 40);
    assert_int_equal(count_state(&e, "hot", PVS_ALERT_RESOLVED), 0);
    /* Current cool readings do resolve it, after the recovery time. */
    for (int i = 6; i <= 20; i++)
        feed(rs, 0, PVS_M_TEMP_HEATSINK_C, T0 + i * MIN, 40);
    assert_int_equal(count_state(&e, "hot", PVS_ALERT_RESOLVED), 1);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

/* The model's family ids (what config and the store accept) are exactly
 * the families the rules' registry runs. */
static void test_family_ids_match_registry(void **state) {
    size_t n = 0;

    (void)state;
    for (size_t i = 0; pvs_rule_types[i]; i++, n++)
        assert_true(pvs_alert_family_known(pvs_rule_types[i]->name));
    assert_int_equal(n, 11);
    assert_false(pvs_alert_family_known("no_such_family"));
    assert_false(pvs_alert_family_known(""));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threshold_fires_after_for),
        cmocka_unit_test(test_blip_never_fires),
        cmocka_unit_test(test_tick_fires_pending),
        cmocka_unit_test(test_fault_subjects_and_energy),
        cmocka_unit_test(test_restore_no_second_firing),
        cmocka_unit_test(test_replay_hands_out_nothing),
        cmocka_unit_test(test_default_threshold_covers_other_devices),
        cmocka_unit_test(test_late_sample_does_not_resolve),
        cmocka_unit_test(test_family_ids_match_registry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
