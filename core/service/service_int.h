/* SPDX-License-Identifier: MIT */
/*
 * service_int.h - what the ticket service's files share (compose.c,
 * lifecycle.c, flow.c, service.c). Engine thread only. Private to
 * core/service/.
 */
#ifndef PVS_SERVICE_INT_H
#define PVS_SERVICE_INT_H

#include "pvs/command.h"
#include "pvs/rules.h"
#include "pvs/service.h"
#include "pvs/store.h"
#include "pvs/template.h"
#include "pvs/ticket.h"
#include "pvs/token.h"
#include "pvs/tz.h"

#define PVS_FACT_MAX 512

/*
 * Note the result of a store write made inside the batch. A failure the
 * store counts against the batch (see pvs_store_begin) becomes
 * e->txn_rc, so the rest of the batch queues no message; the commit then
 * rolls the whole batch back. A neutral refusal (not found, exists) is
 * the caller's to judge and does not stop the batch.
 */
static inline void service_wrote(struct pvs_service *e, enum pvs_err rc) {
    if (rc && !e->txn_rc)
        e->txn_rc = pvs_store_batch_error(e->st);
}

struct mail_facts {
    struct pvs_tvar v[80];
    size_t n;
    char buf[48][PVS_FACT_MAX];
    size_t nbuf;
};

/*
 * service.c: c's answer, given by the engine after the commit: a neutral
 * result (PVS_ERR_NOTFOUND, PVS_ERR_INVAL, PVS_ERR_STATE...) that only
 * web/ turns into an HTTP status.
 */
void service_reply(struct pvs_command *c, enum pvs_err rc, const char *msg);

/* lifecycle.c */
/* An alert transition the engine has stored. */
void service_on_alert(struct pvs_service *e, const struct pvs_alert_event *ev);
/* A staff command on a ticket's status; false when c is not one. */
bool service_ticket_command(struct pvs_service *e, struct pvs_command *c,
                            int64_t now);

/* compose.c */
/* The ticket's title (English, kept in the ticket) for alert ev. */
void service_make_title(const struct pvs_alert_event *ev, char *buf,
                        size_t size);
void service_fact(struct mail_facts *f, const char *name, const char *value);
char *service_fact_buf(struct mail_facts *f);
/* The value of fact name (the last one set), or NULL. */
const char *service_fact_get(const struct mail_facts *f, const char *name);
void service_fmt_time(const struct pvs_service *e, const struct pvs_site *site,
                      int64_t ms, char *buf, size_t size);
/* Customers' time in the site's zone, in the site customer's words. */
void service_fmt_time_words(struct pvs_service *e, const struct pvs_site *site,
                            int64_t ms, char *buf, size_t size);
/* The same in language lang. */
void service_fmt_time_lang(const struct pvs_service *e,
                           const struct pvs_site *site, const char *lang,
                           int64_t ms, char *buf, size_t size);
/* The language the site's customer reads ("en" without a customer). */
void service_site_lang(struct pvs_service *e, const struct pvs_site *site,
                       char *lang, size_t size);
/*
 * Phrase key of words.txt in lang, rendered with vars, into buf; returns
 * buf ("" when no language has the key).
 */
const char *service_word(const char *lang, const char *key,
                         const struct pvs_tvar *vars, size_t nvars, char *buf,
                         size_t size);
/*
 * A timeline note (timeline.txt, "tl.*"): the ticket's timeline is read
 * by staff and keeps English; the same keys render in a reader's
 * language wherever a note reaches a message. Returns buf.
 */
const char *service_note(const char *key, const struct pvs_tvar *vars,
                         size_t nvars, char *buf, size_t size);
/*
 * Energy lost in lang's words: so_far (kWh, the ticket's stored figure)
 * and per_day (the alert's current rate); "" when both are negligible.
 * The one place that renders it for technicians.
 */
void service_fmt_lost(const char *lang, double so_far, double per_day,
                      char *buf, size_t size);
/* The paragraph of KB article kb after mark ("**Bring.**"), or NULL. */
const char *service_kb_part(const char *lang, const char *kb, const char *mark,
                            char *buf, size_t size);
const char *service_first_name(const char *name, char *buf, size_t size);
/*
 * Queue a mail from template tmpl_name to person `to` (nothing when `to`
 * has no address or there is no [smtp]). hold_until > now: the message
 * waits (status "held", see flow.c) instead of going out after the
 * commit. Returns the outbox id, 0 when nothing was queued.
 */
int64_t service_queue_mail(struct pvs_service *e, int64_t ticket_id,
                           const char *audience, const char *kind,
                           const struct pvs_person *to, const char *tmpl_name,
                           const struct pvs_tvar *vars, size_t nvars,
                           int64_t now, int64_t hold_until, const char *note,
                           const char *attachment);

/*
 * The site's last tickets but except, one line each in lang's words
 * ("  2024-05-02 #12 Inverter inv1 reports a fault (closed): new fuse"),
 * appended to out.
 */
void service_history(struct pvs_service *e, const struct pvs_site *site,
                     const char *lang, int64_t except, struct pvs_buf *out);
void service_common_facts(struct pvs_service *e, struct mail_facts *f,
                          const struct pvs_ticket *t,
                          const struct pvs_alert_event *ev);
void service_customer_words(struct pvs_service *e, struct mail_facts *f,
                            const struct pvs_site *site,
                            const struct pvs_alert_event *ev);
bool service_customer_affected(const struct pvs_alert_event *ev);

/*
 * Queue a message whose body is ready (any channel; strings are copied).
 * Same holding rules as service_queue_mail. Returns the outbox id or 0.
 */
int64_t service_queue_raw(struct pvs_service *e, int64_t ticket_id,
                          const char *channel, const char *audience,
                          const char *kind, const char *recipient,
                          const char *subject, const char *body,
                          const char *message_id, int64_t now,
                          int64_t hold_until, const char *note);
/* Webhooks and technician SMS for a ticket event (kind: alert,
 * recovered, escalation). */
void service_flow_integrations(struct pvs_service *e,
                               const struct pvs_ticket *t,
                               const struct pvs_alert_event *ev,
                               const char *kind, int64_t now);

/* flow.c */

/* Workflow set-up (time zones, link key); freed by release. */
enum pvs_err service_flow_init(struct pvs_service *e);
void service_flow_release(struct pvs_service *e);
/* Once per tick inside the batch transaction. */
void service_flow_tick(struct pvs_service *e, int64_t now);
/* A new ticket: route it (fills t->assignee and t->status). */
void service_flow_route(struct pvs_service *e, struct pvs_ticket *t,
                        const struct pvs_alert_event *ev, char *why,
                        size_t whysize);
/* After a new ticket is written: escalation timer, notices. */
void service_flow_opened(struct pvs_service *e, struct pvs_ticket *t,
                         const struct pvs_alert_event *ev,
                         struct mail_facts *f);
/* The problem fired again on its open ticket: a customer already told
 * hears again only when it got worse. */
void service_flow_repeat(struct pvs_service *e, struct pvs_ticket *t,
                         const struct pvs_alert_event *ev,
                         struct mail_facts *f);
/* The ticket's alert resolved (the ticket was in status was): cancel or
 * send customer messages; the technician stands down. */
void service_flow_resolved(struct pvs_service *e, struct pvs_ticket *t,
                           const char *was, const struct pvs_alert_event *ev,
                           struct mail_facts *f);
/* Workflow commands; false when c is not one of them. */
bool service_flow_command(struct pvs_service *e, struct pvs_command *c,
                          int64_t now);
/* The link for purpose/id ("https://.../l/<token>"). */
void service_flow_link(const struct pvs_service *e, const char *purpose,
                       int64_t id, int64_t now, char *buf, size_t size);
/*
 * The acknowledge link's token id: "<ticket>-<technician>" (token ids
 * are [A-Za-z0-9_-]), just the ticket when the person's id does not fit.
 */
void service_flow_ack_id(const struct pvs_ticket *t,
                         const struct pvs_person *tech, char *buf, size_t size);
/* The same with a token id of [A-Za-z0-9_-] ("12-alice"). */
void service_flow_link_id(const struct pvs_service *e, const char *purpose,
                          const char *id, int64_t now, char *buf, size_t size);
/* Customer settings: config, overridden by preferences set by link. */
void service_flow_customer(struct pvs_service *e, const struct pvs_person *c,
                           char *lang, char *quiet, size_t size,
                           bool *ret_opt_out);

/* Whether the customer chose text messages (and SMS is configured). */
bool service_flow_customer_sms(struct pvs_service *e,
                               const struct pvs_person *c);

#endif
