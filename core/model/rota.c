/* SPDX-License-Identifier: MIT */
/*
 * rota.c - who is on call and who comes next when a ticket is not
 * acknowledged: questions the teams' rotas and the escalation settings
 * answer (rota.h).
 */
#include <string.h>

#include "pvs/rota.h"
#include "pvs/util.h"

bool pvs_on_call(const struct pvs_config *cfg, const struct pvs_person *t,
                 int64_t now_ms) {
    for (size_t i = 0; i < cfg->nteams; i++) {
        const struct pvs_team *tm = cfg->teams[i];
        int64_t shift;

        if (!tm->nmembers || tm->rota_period_ms <= 0 ||
            now_ms < tm->rota_start_ms)
            continue;
        shift = (now_ms - tm->rota_start_ms) / tm->rota_period_ms;
        if (tm->member_refs[shift % (int64_t)tm->nmembers] == t)
            return true;
    }
    return false;
}

const struct pvs_person *pvs_escalate_to(const struct pvs_config *cfg,
                                         const char *assignee, int level,
                                         char *why, size_t whysize) {
    for (size_t i = 0; assignee && i < cfg->nteams; i++) {
        const struct pvs_team *tm = cfg->teams[i];
        size_t at = tm->nmembers;

        for (size_t k = 0; k < tm->nmembers; k++)
            if (tm->member_refs[k] &&
                !strcmp(tm->member_refs[k]->obj.id, assignee))
                at = k;
        if (at == tm->nmembers) {
            /* The lead of a team may be escalated to from outside it. */
            continue;
        }
        if (level == 1 && tm->nmembers > 1) {
            const struct pvs_person *next =
                tm->member_refs[(at + 1) % tm->nmembers];
            if (next && next != tm->lead_ref) {
                pvs_snprintf(why, whysize, "@esc.next|team=%s|name=%s",
                             tm->obj.id, next->name);
                return next;
            }
        }
        if (level <= 2 && tm->lead_ref &&
            strcmp(tm->lead_ref->obj.id, assignee)) {
            pvs_snprintf(why, whysize, "@esc.lead|name=%s|team=%s",
                         tm->lead_ref->name, tm->obj.id);
            return tm->lead_ref;
        }
    }
    pvs_snprintf(why, whysize, "@esc.none");
    return NULL;
}

int64_t pvs_escalation_ms(const struct pvs_config *cfg, const char *severity) {
    if (!severity)
        return 0;
    if (!strcmp(severity, "critical"))
        return cfg->global.escalate_critical_ms;
    if (!strcmp(severity, "warning"))
        return cfg->global.escalate_warning_ms;
    return cfg->global.escalate_info_ms;
}
