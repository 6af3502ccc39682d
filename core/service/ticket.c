/* SPDX-License-Identifier: MIT */
/*
 * ticket.c - pure ticket lifecycle decisions: one ticket per problem,
 * repeats while it is open, reopen when a problem returns soon after it
 * recovered, and routing a new ticket to a technician.
 */
#include <string.h>

#include "pvs/config.h"
#include "pvs/template.h"
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

/* Why a ticket went where it went, in the timeline's words (timeline.txt,
 * English: staff read it). */
static void word(const char *key, const struct pvs_tvar *vars, size_t n,
                 char *buf, size_t size) {
    char pattern[256];
    char *out = NULL;

    buf[0] = '\0';
    if (!pvs_template_word("en", key, pattern, sizeof(pattern)))
        return;
    if (pvs_template_render(pattern, vars, n, &out, NULL, 0)) {
        pvs_strlcpy(buf, pattern, size);
        return;
    }
    pvs_strlcpy(buf, out, size);
    pvs_free(out);
}

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
        char open[24], area[64], skills[64], duty[64];
        struct pvs_tvar v[] = {
            {"name", best->name}, {"id", best->obj.id},
            {"area", area},       {"skills", skills},
            {"open", open},       {"plural", best_open == 1 ? NULL : "s"},
            {"duty", duty}};

        pvs_snprintf(open, sizeof(open), "%lld", (long long)best_open);
        word(best->nareas ? "tl.route.covers_area" : "tl.route.every_area",
             NULL, 0, area, sizeof(area));
        word(best->nskills ? "tl.route.skills" : "tl.route.general", NULL, 0,
             skills, sizeof(skills));
        word(best_duty ? "tl.route.on_duty" : "tl.route.nobody_on_duty", NULL,
             0, duty, sizeof(duty));
        word("tl.route.best", v, PVS_ARRAY_LEN(v), why, whysize);
        return best;
    }
    if (in->site->technician) {
        struct pvs_tvar v[] = {{"name", in->site->technician->name},
                               {"id", in->site->technician->obj.id},
                               {"site", in->site->obj.id}};
        word("tl.route.site_tech", v, PVS_ARRAY_LEN(v), why, whysize);
        return in->site->technician;
    }
    if (cfg->ntechnicians) {
        struct pvs_tvar v[] = {{"name", cfg->technicians[0]->name},
                               {"id", cfg->technicians[0]->obj.id}};
        word("tl.route.first", v, PVS_ARRAY_LEN(v), why, whysize);
        return cfg->technicians[0];
    }
    word("tl.route.none", NULL, 0, why, whysize);
    return NULL;
}
