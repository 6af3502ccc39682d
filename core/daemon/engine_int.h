/* SPDX-License-Identifier: MIT */
/*
 * engine_int.h - what core/engine.c (batches, alerts, tickets, mail) and
 * core/engine_flow.c (the service workflow: escalation, held customer
 * notices, surveys, appointments, customer contacts) share. Engine thread
 * only. Private to core/.
 */
#ifndef PVS_ENGINE_INT_H
#define PVS_ENGINE_INT_H

#include <pthread.h>

#include "pvs/command.h"
#include "pvs/engine.h"
#include "pvs/log.h"
#include "pvs/rules.h"
#include "pvs/store.h"
#include "pvs/template.h"
#include "pvs/token.h"
#include "pvs/tz.h"

#define MAX_HEALTH 4

struct health {
    const char *name;
    pvs_health_fn *fn;
    void *ud;
    bool last;
};

struct pvs_engine {
    const struct pvs_config *cfg;
    struct pvs_notifier *notifier;
    struct pvs_queue *inbox;
    struct pvs_store *st;
    struct pvs_ruleset *rules;
    pthread_t thread;
    bool running;
    struct health health[MAX_HEALTH];
    size_t nhealth;
    bool ingest_ok;
    bool lagging;            /* the inbox holds a backlog */
    size_t late_sources;     /* collectors running behind time */
    int64_t last_batch_mono; /* when the last batch started */
    int64_t *last_ts;        /* newest sample time per device */
    struct pvs_tz **tz;      /* per site, NULL when it cannot be loaded */
    int64_t next_tick, next_prune, next_rescan;
    /* outbox rows written in the open transaction */
    int64_t *fresh;
    size_t nfresh, fresh_cap;
    /* outbox rows handed to the notifier and not finished */
    int64_t *inflight;
    size_t ninflight, inflight_cap;
    unsigned msg_seq;
    /* commands handled in the open transaction, answered after commit */
    struct pvs_command **answers;
    size_t nanswers, answers_cap;
    enum pvs_err txn_rc; /* first error inside the open transaction */
    struct pvs_complaint db_down;
    bool disk_low;         /* ingest paused: under min_free_disk */
    int64_t disk_checked;  /* real ms of the last look while paused */
    bool store_away;       /* ingest paused: the store's server is gone */
    int64_t store_checked; /* real ms of the last reconnect attempt */
    /* service workflow */
    struct pvs_tz **tech_tz; /* per technician, NULL = UTC */
    unsigned char link_key[PVS_TOKEN_KEY_LEN];
    int64_t next_flow;
    struct engine_rollup *rollup; /* engine_rollup.c */
    /* live changes: see pvs_engine_switch */
    bool config_dirty; /* a committed API write changed the entities */
    void (*on_change)(void *ud);
    void *on_change_ud;
    pthread_mutex_t gen_lock;
    pthread_cond_t gen_cond;
    uint64_t gen; /* configurations switched to */
    bool exited;  /* the thread has returned */
};

/*
 * Note the result of a store write made inside the batch. A failure the
 * store counts against the batch (see pvs_store_begin) becomes e->txn_rc,
 * so the rest of the batch queues no message; the commit then rolls the
 * whole batch back. A neutral refusal (not found, exists) is the
 * caller's to judge and does not stop the batch.
 */
static inline void engine_wrote(struct pvs_engine *e, enum pvs_err rc) {
    if (rc && !e->txn_rc)
        e->txn_rc = pvs_store_batch_error(e->st);
}

#define PVS_FACT_MAX 512

struct mail_facts {
    struct pvs_tvar v[80];
    size_t n;
    char buf[48][PVS_FACT_MAX];
    size_t nbuf;
};

/* engine_rollup.c: production rollups, summed per batch */
void engine_rollup_init(struct pvs_engine *e);
void engine_rollup_release(struct pvs_engine *e);
/* A stored sample of the batch (any quality). */
void engine_rollup_sample(struct pvs_engine *e, const struct pvs_sample *s);
/* Write the batch's sums into the open transaction. */
enum pvs_err engine_rollup_flush(struct pvs_engine *e);
/* e->cfg is the next configuration, old the one before: carry the sums'
 * tracks over by id. Between batches only. */
void engine_rollup_switch(struct pvs_engine *e, const struct pvs_config *old);

/* engine.c */
void engine_ids_add(int64_t **v, size_t *n, size_t *cap, int64_t id);
bool engine_ids_has(const int64_t *v, size_t n, int64_t id);
void engine_ids_del(int64_t *v, size_t *n, int64_t id);
void engine_fact(struct mail_facts *f, const char *name, const char *value);
char *engine_fact_buf(struct mail_facts *f);
/* The value of fact name (the last one set), or NULL. */
const char *engine_fact_get(const struct mail_facts *f, const char *name);
void engine_fmt_time(const struct pvs_engine *e, const struct pvs_site *site,
                     int64_t ms, char *buf, size_t size);
/* Customers' time in the site's zone, in the site customer's words. */
void engine_fmt_time_words(struct pvs_engine *e, const struct pvs_site *site,
                           int64_t ms, char *buf, size_t size);
/* The same in language lang. */
void engine_fmt_time_lang(const struct pvs_engine *e,
                          const struct pvs_site *site, const char *lang,
                          int64_t ms, char *buf, size_t size);
/* The language the site's customer reads ("en" without a customer). */
void engine_site_lang(struct pvs_engine *e, const struct pvs_site *site,
                      char *lang, size_t size);
/*
 * Phrase key of words.txt in lang, rendered with vars, into buf; returns
 * buf ("" when no language has the key).
 */
const char *engine_word(const char *lang, const char *key,
                        const struct pvs_tvar *vars, size_t nvars, char *buf,
                        size_t size);
/*
 * Energy lost in lang's words: so_far (kWh, the ticket's stored figure)
 * and per_day (the alert's current rate); "" when both are negligible.
 * The one place that renders it for technicians.
 */
void engine_fmt_lost(const char *lang, double so_far, double per_day, char *buf,
                     size_t size);
/*
 * The paragraph of KB article kb after mark ("**Bring.**") in lang: from
 * rules/kb/<lang>/<kb>.md when that language has it, else the article's
 * own (English, or a "(fr)" mark). NULL when there is none.
 */
const char *engine_kb_part(const char *lang, const char *kb, const char *mark,
                           char *buf, size_t size);
const char *engine_first_name(const char *name, char *buf, size_t size);
void engine_submit(struct pvs_engine *e, int64_t id);
void engine_reply(struct pvs_engine *e, struct pvs_command *c, enum pvs_err rc,
                  int status, const char *msg);
/*
 * Queue a mail from template tmpl_name to person `to` (nothing when `to`
 * has no address or there is no [smtp]). hold_until > now: the message
 * waits (status "held", see engine_flow.c) instead of going out after the
 * commit. Returns the outbox id, 0 when nothing was queued.
 */
int64_t engine_queue_mail(struct pvs_engine *e, int64_t ticket_id,
                          const char *audience, const char *kind,
                          const struct pvs_person *to, const char *tmpl_name,
                          const struct pvs_tvar *vars, size_t nvars,
                          int64_t now, int64_t hold_until, const char *note,
                          const char *attachment);

void engine_common_facts(struct pvs_engine *e, struct mail_facts *f,
                         const struct pvs_ticket *t,
                         const struct pvs_alert_event *ev);
void engine_customer_words(struct pvs_engine *e, struct mail_facts *f,
                           const struct pvs_site *site,
                           const struct pvs_alert_event *ev);
bool engine_customer_affected(const struct pvs_alert_event *ev);

/*
 * Queue a message whose body is ready (any channel; strings are copied).
 * Same holding rules as engine_queue_mail. Returns the outbox id or 0.
 */
int64_t engine_queue_raw(struct pvs_engine *e, int64_t ticket_id,
                         const char *channel, const char *audience,
                         const char *kind, const char *recipient,
                         const char *subject, const char *body,
                         const char *message_id, int64_t now,
                         int64_t hold_until, const char *note);
/* Webhooks and technician SMS for a ticket event (kind: alert,
 * recovered, escalation). */
void engine_flow_integrations(struct pvs_engine *e, const struct pvs_ticket *t,
                              const struct pvs_alert_event *ev,
                              const char *kind, int64_t now);

/* engine_flow.c */
/* Workflow set-up (time zones, link key) in engine_new; free in free. */
enum pvs_err engine_flow_init(struct pvs_engine *e);
void engine_flow_release(struct pvs_engine *e);
/* Once per tick inside the batch transaction. */
void engine_flow_tick(struct pvs_engine *e, int64_t now);
/* A new ticket: route it (fills t->assignee and t->status). */
void engine_flow_route(struct pvs_engine *e, struct pvs_ticket *t,
                       const struct pvs_alert_event *ev, char *why,
                       size_t whysize);
/* After a new ticket is written: escalation timer, notices. */
void engine_flow_opened(struct pvs_engine *e, struct pvs_ticket *t,
                        const struct pvs_alert_event *ev, struct mail_facts *f);
/* The problem fired again on its open ticket: a customer already told
 * hears again only when it got worse. */
void engine_flow_repeat(struct pvs_engine *e, struct pvs_ticket *t,
                        const struct pvs_alert_event *ev, struct mail_facts *f);
/* The ticket's alert resolved (the ticket was in status was): cancel or
 * send customer messages; the technician stands down. */
void engine_flow_resolved(struct pvs_engine *e, struct pvs_ticket *t,
                          const char *was, const struct pvs_alert_event *ev,
                          struct mail_facts *f);
/* Workflow commands; false when c is not one of them. */
bool engine_flow_command(struct pvs_engine *e, struct pvs_command *c,
                         int64_t now);
/* The link for purpose/id ("https://.../l/<token>"). */
void engine_flow_link(const struct pvs_engine *e, const char *purpose,
                      int64_t id, int64_t now, char *buf, size_t size);
/*
 * The acknowledge link's token id: "<ticket>-<technician>" (token ids
 * are [A-Za-z0-9_-]), just the ticket when the person's id does not fit.
 */
void engine_flow_ack_id(const struct pvs_ticket *t,
                        const struct pvs_person *tech, char *buf, size_t size);
/* The same with a token id of [A-Za-z0-9_-] ("12-alice"). */
void engine_flow_link_id(const struct pvs_engine *e, const char *purpose,
                         const char *id, int64_t now, char *buf, size_t size);
/* Customer settings: config, overridden by preferences set by link. */
void engine_flow_customer(struct pvs_engine *e, const struct pvs_person *c,
                          char *lang, char *quiet, size_t size,
                          bool *ret_opt_out);

/* Whether the customer chose text messages (and SMS is configured). */
bool engine_flow_customer_sms(struct pvs_engine *e, const struct pvs_person *c);

#endif
