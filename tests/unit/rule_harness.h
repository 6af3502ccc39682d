/* SPDX-License-Identifier: MIT */
/*
 * rule_harness.h - a small harness for the rule family tests: a config
 * from a string, a rule set that records every alert transition, sample
 * feeding and the clear-sky power of site 0. Header-only (static inline)
 * so each test binary stays one file.
 */
#ifndef PVS_TEST_RULE_HARNESS_H
#define PVS_TEST_RULE_HARNESS_H

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
#include "pvs/expect.h"
#include "pvs/rules.h"
#include "pvs/template.h"

#define MIN 60000LL
#define HOUR (60 * MIN)
#define DAY0 1718928000000LL /* 2024-06-21 00:00 UTC */

#define MAX_SEEN 64

/* What the rule set's owner saw. */
struct seen {
    struct pvs_alert_event ev[MAX_SEEN];
    size_t n;
};

/*
 * Rules write keys and values, never prose ("@key|name=value"): every
 * alert is checked for that. The harness keeps the rules' form in the
 * _src fields and renders English into evidence and explanation, as
 * the engine does before it stores them.
 */
static inline void on_alert(void *ud, const struct pvs_alert_event *e) {
    struct seen *s = ud;
    struct pvs_alert_event *c;

    if (e->evidence[0] && e->evidence[0] != '@')
        fprintf(stderr, "evidence written as prose: %s\n", e->evidence);
    assert_true(!e->evidence[0] || e->evidence[0] == '@');
    if (e->explanation[0] && e->explanation[0] != '@')
        fprintf(stderr, "explanation written as prose: %s\n", e->explanation);
    assert_true(!e->explanation[0] || e->explanation[0] == '@');
    if (s->n >= MAX_SEEN)
        return;
    c = &s->ev[s->n++];
    *c = *e;
    pvs_strlcpy(c->evidence_src, e->evidence, sizeof(c->evidence_src));
    pvs_strlcpy(c->explanation_src, e->explanation, sizeof(c->explanation_src));
    pvs_template_evidence("en", e->evidence, c->evidence, sizeof(c->evidence));
    pvs_template_evidence("en", e->explanation, c->explanation,
                          sizeof(c->explanation));
}

/* Firing events of family (any family when NULL). */
static inline size_t fired(const struct seen *s, const char *family) {
    size_t n = 0;

    for (size_t i = 0; i < s->n; i++)
        if (s->ev[i].state == PVS_ALERT_FIRING &&
            (!family || !strcmp(s->ev[i].family, family)))
            n++;
    return n;
}

static inline const struct pvs_alert_event *first(const struct seen *s,
                                                  const char *family) {
    for (size_t i = 0; i < s->n; i++)
        if (s->ev[i].state == PVS_ALERT_FIRING &&
            !strcmp(s->ev[i].family, family))
            return &s->ev[i];
    return NULL;
}

static inline struct pvs_config *load(const char *text) {
    char path[] = "/tmp/pvs-test-rule-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    struct pvs_config *cfg = NULL;
    struct pvs_cfg_errors errs;

    memset(&errs, 0, sizeof(errs));
    fputs(text, f);
    fclose(f);
    pvs_config_load(path, &cfg, &errs);
    unlink(path);
    assert_int_equal(errs.count, 0);
    assert_non_null(cfg);
    return cfg;
}

static inline struct pvs_ruleset *ruleset(const struct pvs_config *cfg,
                                          struct seen *seen, int64_t start) {
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;

    memset(&errs, 0, sizeof(errs));
    memset(seen, 0, sizeof(*seen));
    assert_int_equal(pvs_ruleset_new(cfg, on_alert, seen, &rs, &errs), PVS_OK);
    pvs_ruleset_start(rs, start);
    return rs;
}

static inline void feed(struct pvs_ruleset *rs, uint32_t dev, enum pvs_metric m,
                        unsigned idx, int64_t t, double v) {
    struct pvs_sample s;

    memset(&s, 0, sizeof(s));
    s.dev = dev;
    s.metric = (uint16_t)m;
    s.idx = (uint16_t)idx;
    s.ts_ms = t;
    s.value = v;
    pvs_ruleset_sample(rs, &s);
}

/* Clear-sky AC power of kwp at site 0 at t. */
static inline double clear_w(const struct pvs_config *cfg, double kwp,
                             int64_t t) {
    struct pvs_expect_in in;
    struct pvs_expect_out out;

    pvs_expect_in_init(&in);
    pvs_expect_power(cfg->sites[0], kwp, 0, t, &in, &out);
    return out.power_w;
}

#endif
