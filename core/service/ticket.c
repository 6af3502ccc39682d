/* SPDX-License-Identifier: MIT */
/*
 * ticket.c - pure ticket lifecycle decisions: one ticket per problem,
 * repeats while it is open, reopen when a problem returns soon after it
 * recovered, and routing a new ticket to a technician.
 */
#include <string.h>

#include "pvs/config.h"
#include "pvs/ticket.h"
#include "pvs/util.h"

enum pvs_ticket_action pvs_ticket_on_firing(const struct pvs_ticket *existing,
                                            int64_t now_ms, int64_t reopen_ms) {
    int64_t ended;

    if (!existing)
        return PVS_TICKET_OPEN;
    if (pvs_ticket_is_active(existing->status))
        return PVS_TICKET_REPEAT;
    /* A technician said it was no problem, or it was merged away: a new
     * occurrence is a new ticket, so the judgement can be made again. */
    if (!strcmp(existing->status, "false_alarm") ||
        !strcmp(existing->status, "merged"))
        return PVS_TICKET_OPEN;
    ended = existing->closed_ms > existing->resolved_ms ? existing->closed_ms
                                                        : existing->resolved_ms;
    if (ended && now_ms - ended <= reopen_ms)
        return PVS_TICKET_REOPEN;
    return PVS_TICKET_OPEN;
}

/* ---- routing ---- */

static bool list_has(char *const *list, size_t n, const char *v) {
    for (size_t i = 0; v && i < n; i++)
        if (!pvs_strcasecmp(list[i], v))
            return true;
    return false;
}

static bool fits_area(const struct pvs_person *t, const struct pvs_site *s) {
    if (!t->nareas)
        return true;
    return list_has(t->areas, t->nareas, s->obj.id) ||
           list_has(t->areas, t->nareas, s->area);
}

static bool fits_skill(const struct pvs_person *t, const struct pvs_device *d,
                       const char *family) {
    if (!t->nskills)
        return true;
    return list_has(t->skills, t->nskills, family) ||
           (d && list_has(t->skills, t->nskills, d->vendor));
}

const struct pvs_person *pvs_route(const struct pvs_route_input *in, char *why,
                                   size_t whysize) {
    const struct pvs_config *cfg = in->cfg;
    const struct pvs_person *best = NULL;
    int best_score = -1;
    int64_t best_open = 0;
    bool best_duty = false;

    for (size_t i = 0; i < cfg->ntechnicians; i++) {
        const struct pvs_person *t = cfg->technicians[i];
        bool duty, own;
        int64_t open = in->open_count ? in->open_count[i] : 0;
        int score;

        if (!fits_area(t, in->site) || !fits_skill(t, in->device, in->family))
            continue;
        duty = !in->on_duty || in->on_duty(in->ud, t, in->now_ms) ||
               pvs_on_call(cfg, t, in->now_ms);
        own = in->site->technician == t;
        /* On duty first, then fewer open tickets, then the site's own. */
        score = duty ? 2 : 0;
        if (!best || score > best_score ||
            (score == best_score &&
             (open < best_open ||
              (open == best_open && own && in->site->technician != best)))) {
            best = t;
            best_score = score;
            best_open = open;
            best_duty = duty;
        }
    }
    if (best) {
        pvs_snprintf(why, whysize,
                     "assigned to %s (%s): %s, %s, %lld open ticket%s%s",
                     best->name, best->obj.id,
                     best->nareas ? "covers the area" : "covers every area",
                     best->nskills ? "has the skills" : "general skills",
                     (long long)best_open, best_open == 1 ? "" : "s",
                     best_duty ? ", on duty now" : ", nobody on duty now");
        return best;
    }
    if (in->site->technician) {
        pvs_snprintf(why, whysize,
                     "assigned to %s (%s): nobody has the area and skills; "
                     "technician of site %s",
                     in->site->technician->name, in->site->technician->obj.id,
                     in->site->obj.id);
        return in->site->technician;
    }
    if (cfg->ntechnicians) {
        pvs_snprintf(why, whysize,
                     "assigned to %s (%s): nobody has the area and skills",
                     cfg->technicians[0]->name, cfg->technicians[0]->obj.id);
        return cfg->technicians[0];
    }
    pvs_snprintf(why, whysize, "no technician is configured");
    return NULL;
}
