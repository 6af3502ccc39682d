/* SPDX-License-Identifier: MIT */
/*
 * silence.c - does a silence or maintenance window cover an alert?
 *
 * Silences are few (a handful of maintenance windows at a time), so a
 * linear scan per alert transition is cheaper than any index.
 */
#include <string.h>

#include "pvs/silence.h"

static bool matches(const struct pvs_silence *s,
                    const struct pvs_alert_event *ev, int64_t now_ms) {
    if (now_ms < s->start_ms || now_ms >= s->end_ms)
        return false;
    if (s->site_id && ev->site != s->site)
        return false;
    /* A device silence does not hide the site-level alerts (the whole
     * site down): a window for one inverter is not one for the plant. */
    if (s->device_id && ev->device != s->device)
        return false;
    if (s->rule && strcmp(s->rule, ev->rule_id ? ev->rule_id : "") &&
        strcmp(s->rule, ev->family ? ev->family : ""))
        return false;
    return true;
}

bool pvs_silence_find(const struct pvs_config *cfg,
                      const struct pvs_alert_event *ev, int64_t now_ms,
                      const struct pvs_silence **ret) {
    for (size_t i = 0; i < cfg->nsilences; i++) {
        const struct pvs_silence *s = cfg->silences[i];

        if (matches(s, ev, now_ms)) {
            if (ret)
                *ret = s;
            return true;
        }
    }
    return false;
}

bool pvs_silence_covers(const struct pvs_config *cfg,
                        const struct pvs_alert_event *ev, int64_t now_ms) {
    return pvs_silence_find(cfg, ev, now_ms, NULL);
}
