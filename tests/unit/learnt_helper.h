/* SPDX-License-Identifier: MIT */
/*
 * learnt_helper.h - what one rule family saved about a device, taken
 * through pvs_ruleset_save_learnt as the engine takes it before it
 * writes the store, for tests that give it back to a new rule set as the
 * engine does after a restart. Header-only, like rule_harness.h.
 */
#ifndef PVS_TEST_LEARNT_HELPER_H
#define PVS_TEST_LEARNT_HELPER_H

#include <string.h>

#include "pvs/rules.h"
#include "pvs/util.h"

struct learnt_pick {
    const char *rule, *device;
    char text[PVS_LEARNT_MAX];
};

static inline void learnt_pick_fn(void *ud, const char *rule,
                                  const char *device, const char *text) {
    struct learnt_pick *p = ud;

    if (!strcmp(rule, p->rule) && !strcmp(device, p->device))
        pvs_strlcpy(p->text, text, sizeof(p->text));
}

/* The line rule saved about device in rs, "" when none; valid until the
 * next call. */
static inline const char *learnt_of(struct pvs_ruleset *rs, const char *rule,
                                    const char *device) {
    static struct learnt_pick p;

    p.rule = rule;
    p.device = device;
    p.text[0] = '\0';
    pvs_ruleset_save_learnt(rs, learnt_pick_fn, &p);
    return p.text;
}

#endif
