/* SPDX-License-Identifier: MIT */
/*
 * rota.h - who is on call and who comes next when a ticket is not
 * acknowledged: pure questions the configuration's teams, rotas and
 * escalation settings answer (core/model/rota.c). Any thread.
 */
#ifndef PVS_ROTA_H
#define PVS_ROTA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "pvs/config.h"

/* Whether t is on call at now_ms in one of its teams' rotas. */
bool pvs_on_call(const struct pvs_config *cfg, const struct pvs_person *t,
                 int64_t now_ms);

/*
 * Who gets an unacknowledged ticket next: level 1 is the next person in
 * the assignee's team rota (skipping the assignee), level 2 the team
 * lead. NULL when there is nobody further. why receives the reason as a
 * message key ("@esc.lead|name=Lea|team=south", timeline.txt), for
 * pvs_template_evidence to render in its reader's language.
 */
const struct pvs_person *pvs_escalate_to(const struct pvs_config *cfg,
                                         const char *assignee, int level,
                                         char *why, size_t whysize);

/* Escalation delay for a severity name (0 = never). */
int64_t pvs_escalation_ms(const struct pvs_config *cfg, const char *severity);

#endif
