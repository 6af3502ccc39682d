/* SPDX-License-Identifier: MIT */
/*
 * flow.c - the service workflow around tickets, on the engine
 * thread: routing, escalation, customer notices that wait (a fault that
 * clears by itself within minutes reaches nobody; quiet hours are kept),
 * "back to normal" notices, surveys, appointments, customer contacts and
 * preferences.
 *
 * DESIGN
 * A customer message is written to the outbox at once, in the same
 * transaction as the ticket, but "held" until its time comes; every tick
 * looks at the held messages that are due and releases, postpones or
 * suppresses each one with a note. So nothing is lost across a restart,
 * and the decision is made with the facts of that moment (has it
 * cleared? is the ticket on hold? is it night at the site?).
 */
#define PVS_LOG_MODULE "workflow"
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "service_int.h"
#include "pvs/clock.h"
#include "pvs/embed.h"
#include "pvs/hours.h"
#include "pvs/log.h"
#include "pvs/payload.h"
#include "pvs/rules.h"
#include "pvs/stats.h"
#include "pvs/store_flow.h"
#include "pvs/ticket.h"

/* A timeline note without variables (timeline.txt), in buf. */
#define NOTE(key, buf) service_note(key, NULL, 0, buf, sizeof(buf))

/* ---- set-up ---- */

static enum pvs_err load_link_key(struct pvs_service *e) {
    char hex[2 * PVS_TOKEN_KEY_LEN + 1];
    char *stored = NULL;
    FILE *f;
    enum pvs_err rc;

    if (e->cfg->global.link_secret) {
        f = fopen(e->cfg->global.link_secret, "r");
        if (!f || !fgets(hex, sizeof(hex), f) ||
            pvs_token_key_from_hex(hex, e->link_key)) {
            pvs_error("link_secret '%s' must hold 64 hex characters",
                      e->cfg->global.link_secret);
            if (f)
                fclose(f);
            return PVS_ERR_CONFIG;
        }
        fclose(f);
        return PVS_OK;
    }
    /* No key configured: one made at first start, kept in the database,
     * so links survive restarts. */
    rc = pvs_store_meta_get(e->st, "link_key", &stored);
    if (rc)
        return rc;
    if (!stored || pvs_token_key_from_hex(stored, e->link_key)) {
        pvs_token_key_new_hex(hex);
        rc = pvs_store_meta_set(e->st, "link_key", hex);
        if (!rc)
            rc = pvs_token_key_from_hex(hex, e->link_key);
    }
    pvs_free(stored);
    return rc;
}

enum pvs_err service_flow_init(struct pvs_service *e) {
    const struct pvs_config *cfg = e->cfg;

    e->tech_tz = pvs_calloc(cfg->ntechnicians + 1, sizeof(struct pvs_tz *));
    for (size_t i = 0; i < cfg->ntechnicians; i++)
        if (pvs_tz_load(cfg->technicians[i]->timezone, &e->tech_tz[i]))
            e->tech_tz[i] = NULL;
    return load_link_key(e);
}

void service_flow_release(struct pvs_service *e) {
    for (size_t i = 0; e->tech_tz && i < e->cfg->ntechnicians; i++)
        pvs_tz_free(e->tech_tz[i]);
    PVS_FREE(e->tech_tz);
}

void service_flow_link(const struct pvs_service *e, const char *purpose,
                       int64_t id, int64_t now, char *buf, size_t size) {
    char sid[32];

    pvs_snprintf(sid, sizeof(sid), "%lld", (long long)id);
    service_flow_link_id(e, purpose, sid, now, buf, size);
}

void service_flow_link_id(const struct pvs_service *e, const char *purpose,
                          const char *sid, int64_t now, char *buf,
                          size_t size) {
    char tok[PVS_TOKEN_MAX];
    const char *base = e->cfg->global.public_url;
    size_t n = strlen(base);

    pvs_token_make(e->link_key, purpose, sid, now + e->cfg->global.link_ttl_ms,
                   tok, sizeof(tok));
    pvs_snprintf(buf, size, "%.*s/l/%s",
                 (int)(n && base[n - 1] == '/' ? n - 1 : n), base, tok);
}

void service_flow_customer(struct pvs_service *e, const struct pvs_person *c,
                           char *lang, char *quiet, size_t size,
                           bool *ret_opt_out) {
    char channel[32];
    int opt = -1;

    pvs_strlcpy(lang, c->language ? c->language : "en", size);
    pvs_strlcpy(quiet, c->quiet_hours ? c->quiet_hours : "", size);
    *ret_opt_out = c->opt_out;
    if (pvs_store_prefs_get(e->st, c->obj.id, channel, lang, quiet, size,
                            &opt) == PVS_OK) {
        if (!lang[0])
            pvs_strlcpy(lang, c->language ? c->language : "en", size);
        if (!quiet[0])
            pvs_strlcpy(quiet, c->quiet_hours ? c->quiet_hours : "", size);
        if (opt >= 0)
            *ret_opt_out = opt;
    }
}

bool service_flow_customer_sms(struct pvs_service *e,
                               const struct pvs_person *c) {
    char channel[16] = "", lang[16], quiet[32];
    int opt = -1;

    if (!e->cfg->sms || !c->phone)
        return false;
    if (pvs_store_prefs_get(e->st, c->obj.id, channel, lang, quiet,
                            sizeof(channel), &opt) != PVS_OK ||
        !channel[0])
        pvs_strlcpy(channel, c->channel ? c->channel : "email",
                    sizeof(channel));
    return !strcmp(channel, "sms");
}

/* ---- routing ---- */

struct count_ctx {
    const struct pvs_config *cfg;
    int64_t *counts;
};

static void count_one(void *ud, const char *assignee, int64_t n) {
    struct count_ctx *c = ud;

    for (size_t i = 0; i < c->cfg->ntechnicians; i++)
        if (!strcmp(c->cfg->technicians[i]->obj.id, assignee))
            c->counts[i] = n;
}

static bool on_duty(void *ud, const struct pvs_person *t, int64_t now) {
    struct pvs_service *e = ud;

    if (!t->hours)
        return true;
    return pvs_hours_at(t->hours, e->tech_tz[t->index], now);
}

void service_flow_route(struct pvs_service *e, struct pvs_ticket *t,
                        const struct pvs_alert_event *ev, char *why,
                        size_t whysize) {
    struct pvs_route_input in;
    struct count_ctx cc;
    const struct pvs_person *p = NULL;

    cc.cfg = e->cfg;
    cc.counts = pvs_calloc(e->cfg->ntechnicians + 1, sizeof(int64_t));
    memset(&in, 0, sizeof(in));
    in.cfg = e->cfg;
    in.site = ev->site;
    in.device = ev->device;
    in.family = ev->family;
    in.now_ms = ev->ts_ms;
    in.open_count = cc.counts;
    in.on_duty = on_duty;
    in.ud = e;
    if (pvs_store_open_by_assignee(e->st, count_one, &cc) == PVS_OK && ev->site)
        p = pvs_route(&in, why, whysize);
    else
        service_note("tl.route.no_site", NULL, 0, why, whysize);
    pvs_free(cc.counts);
    t->assignee = p ? pvs_strdup(p->obj.id) : NULL;
    t->status = pvs_strdup(p ? "assigned" : "open");
}

/* ---- notices ---- */

/*
 * The customer-safe steps of a knowledge-base article in lang: the
 * paragraph that starts with "**Safe for the customer.**" (English) or
 * "**Safe for the customer (fr).**". NULL when it has none.
 */
static const char *self_help_steps(const char *kb, const char *lang, char *buf,
                                   size_t size) {
    char mark[64];

    if (!lang || !strcmp(lang, "en"))
        pvs_strlcpy(mark, "**Safe for the customer.**", sizeof(mark));
    else
        pvs_snprintf(mark, sizeof(mark), "**Safe for the customer (%s).**",
                     lang);
    return service_kb_part("en", kb, mark, buf, size);
}

/* When a customer message may go out: not before ts, not in quiet hours. */
static int64_t customer_time(struct pvs_service *e, const struct pvs_site *site,
                             const struct pvs_person *c, int64_t ts,
                             bool *ret_quiet) {
    char lang[16], quiet[32];
    bool opt;
    int64_t t;

    service_flow_customer(e, c, lang, quiet, sizeof(lang), &opt);
    t = quiet[0]
            ? pvs_span_next_outside(quiet, site ? e->tz[site->index] : NULL, ts)
            : ts;
    *ret_quiet = t > ts;
    return t;
}

static void tech_mail(struct pvs_service *e, const struct pvs_ticket *t,
                      const struct mail_facts *f, const char *kind,
                      const char *tmpl, int64_t now) {
    const struct pvs_person *tech =
        t->assignee ? pvs_config_technician(e->cfg, t->assignee) : NULL;

    service_queue_mail(e, t->id, "technician", kind, tech, tmpl, f->v, f->n,
                       now, 0, NULL, NULL);
}

void service_flow_opened(struct pvs_service *e, struct pvs_ticket *t,
                         const struct pvs_alert_event *ev,
                         struct mail_facts *f) {
    const struct pvs_site *site = ev->site;
    const struct pvs_person *cust = site ? site->customer : NULL;
    const struct pvs_person *tech =
        t->assignee ? pvs_config_technician(e->cfg, t->assignee) : NULL;
    const char *tlang = tech && tech->language ? tech->language : "en";
    struct pvs_ticket_flow fl;
    struct pvs_buf hist;
    int64_t now = ev->ts_ms;
    int64_t esc = pvs_escalation_ms(e->cfg, t->severity);
    int64_t at = 0;
    bool eligible = false, opt_out = false, quiet = false;
    char when[96], note[160];
    struct pvs_tvar wv[1] = {{"when", when}};

    memset(&fl, 0, sizeof(fl));
    pvs_strlcpy(fl.opened_by, "pvsentry", sizeof(fl.opened_by));
    fl.escalate_at_ms = esc > 0 && t->assignee ? now + esc : 0;
    if (!e->txn_rc)
        e->txn_rc = pvs_store_flow_set(e->st, t->id, &fl);

    /* Whether the customer is affected enough to hear about it: a fault
     * that needs a visit, or energy lost worth mentioning. */
    if (cust && cust->email && service_customer_affected(ev)) {
        char lang[16], qh[32];
        service_flow_customer(e, cust, lang, qh, sizeof(lang), &opt_out);
        eligible =
            !opt_out && (ev->severity == PVS_SEV_CRITICAL ||
                         ev->lost_kwh_per_day >= e->cfg->global.notice_min_kwh);
        if (opt_out)
            service_wrote(e, pvs_store_ticket_event(
                                 e->st, t->id, now, "notice_skipped",
                                 "pvsentry", NOTE("tl.opted_out", note)));
    }
    if (eligible)
        at = customer_time(e, site, cust, now + e->cfg->global.notice_delay_ms,
                           &quiet);
    /* What the technician may tell the customer depends on this: say
     * exactly what the customer has heard, or will hear and when. */
    service_fmt_time(e, site, at > now ? at : now, when, sizeof(when));
    service_fact(f, "customer_notified", eligible ? "yes" : NULL);
    service_fact(f, "notice_status",
                 service_word(tlang,
                              eligible  ? (quiet ? "tech.notice.quiet"
                                                 : "tech.notice.later")
                              : opt_out ? "tech.notice.opted_out"
                              : cust    ? "tech.notice.none"
                                        : "tech.notice.no_customer",
                              wv, 1, service_fact_buf(f), PVS_FACT_MAX));
    pvs_buf_init(&hist, 4096);
    service_history(e, site, tlang, t->id, &hist);
    service_fact(f, "history", hist.len ? hist.data : NULL);
    tech_mail(e, t, f, "alert", "tech_alert", now);
    service_flow_integrations(e, t, ev, "alert", now);
    if (eligible) {
        char *link = service_fact_buf(f), clang[16];

        service_site_lang(e, site, clang, sizeof(clang));
        service_flow_link(e, "status", t->id, now, link, PVS_FACT_MAX);
        service_fact(f, "status_link", link);
        link = service_fact_buf(f);
        service_flow_link(e, "selfhelp", t->id, now, link, PVS_FACT_MAX);
        service_fact(f, "selfhelp_link", link);
        service_fact(
            f, "self_help",
            self_help_steps(ev->kb, clang, service_fact_buf(f), PVS_FACT_MAX));
        /* Held even with no delay: released by the next tick, after the
         * checks below. */
        service_queue_mail(
            e, t->id, "customer", "notice", cust, "customer_alert", f->v, f->n,
            now, at > now ? at : now + 1,
            NOTE(quiet ? "tl.hold.quiet" : "tl.hold.clears", note), NULL);
    }
    pvs_buf_release(&hist);
}

void service_flow_repeat(struct pvs_service *e, struct pvs_ticket *t,
                         const struct pvs_alert_event *ev,
                         struct mail_facts *f) {
    const struct pvs_site *site = ev->site;
    const struct pvs_person *cust = site ? site->customer : NULL;
    struct pvs_ticket_flow fl;
    int was;
    bool quiet;
    int64_t at;
    char note[160];

    if (!cust || !t->customer_notified || !service_customer_affected(ev) ||
        pvs_store_flow_get(e->st, t->id, &fl) || !fl.notified_severity[0])
        return;
    was = pvs_severity_parse(fl.notified_severity);
    if ((int)ev->severity <= was)
        return; /* at most one notice per problem, unless it is worse */
    pvs_strlcpy(fl.notified_severity, pvs_severity_name(ev->severity),
                sizeof(fl.notified_severity));
    service_wrote(e, pvs_store_flow_set(e->st, t->id, &fl));
    at = customer_time(e, site, cust, ev->ts_ms, &quiet);
    service_fact(f, "customer_notified", "yes");
    service_queue_mail(e, t->id, "customer", "notice", cust, "customer_alert",
                       f->v, f->n, ev->ts_ms,
                       at > ev->ts_ms ? at : ev->ts_ms + 1,
                       NOTE("tl.worse_hold", note), NULL);
    service_wrote(e,
                  pvs_store_ticket_event(e->st, t->id, ev->ts_ms, "worse",
                                         "pvsentry", NOTE("tl.worse", note)));
}

void service_flow_resolved(struct pvs_service *e, struct pvs_ticket *t,
                           const char *was, const struct pvs_alert_event *ev,
                           struct mail_facts *f) {
    const struct pvs_site *site = ev->site;
    const struct pvs_person *cust = site ? site->customer : NULL;
    char status[32], when[96], note[200];
    int64_t id = 0, alert = 0;
    struct pvs_ticket_flow fl;
    bool have_fl = !pvs_store_flow_get(e->st, t->id, &fl);

    if (have_fl && fl.self_help_ms)
        service_wrote(e, pvs_store_ticket_event(
                             e->st, t->id, ev->ts_ms, "self_resolved",
                             "pvsentry", NOTE("tl.self_resolved", note)));
    service_flow_integrations(e, t, ev, "recovered", ev->ts_ms);
    /* Cleared before anyone fixed it or went there: the technician who
     * was told stands down (and cancels a planned visit). */
    if (t->assignee && strcmp(was, "fixed") && strcmp(was, "open") &&
        !(have_fl && fl.visit_ms && fl.visit_ms <= ev->ts_ms) &&
        !pvs_store_outbox_latest(e->st, t->id, "technician", "alert", status,
                                 sizeof(status), &alert)) {
        char *b = service_fact_buf(f);
        service_fmt_time(e, site, ev->ts_ms, b, PVS_FACT_MAX);
        service_fact(f, "recovered", b);
        service_fact(f, "visit_planned",
                     !strcmp(was, "scheduled") ? "yes" : NULL);
        tech_mail(e, t, f, "standdown", "tech_standdown", ev->ts_ms);
        service_wrote(e, pvs_store_ticket_event(e->st, t->id, ev->ts_ms,
                                                "stand_down", "pvsentry",
                                                NOTE("tl.stand_down", note)));
    }
    if (!cust || pvs_store_outbox_latest(e->st, t->id, "customer", "notice",
                                         status, sizeof(status), &id))
        return;
    if (!strcmp(status, "held")) {
        /* Cleared before anyone needed to know: tell nobody. */
        if (!e->txn_rc)
            e->txn_rc =
                pvs_store_outbox_set(e->st, id, "suppressed", 0,
                                     NOTE("tl.suppressed_cleared", note));
        service_wrote(e, pvs_store_ticket_event(
                             e->st, t->id, ev->ts_ms, "notice_suppressed",
                             "pvsentry", NOTE("tl.suppressed_cleared", note)));
        return;
    }
    if (strcmp(status, "sent") && strcmp(status, "pending"))
        return;
    service_fmt_time_words(e, site, ev->ts_ms, when, sizeof(when));
    service_fact(f, "recovered_local", when);
    {
        bool quiet;
        int64_t at = customer_time(e, site, cust, ev->ts_ms, &quiet);
        service_queue_mail(e, t->id, "customer", "recovered", cust,
                           "customer_recovered", f->v, f->n, ev->ts_ms,
                           quiet ? at : 0,
                           quiet ? NOTE("tl.hold.quiet", note) : NULL, NULL);
    }
}

static void ics_for(struct pvs_service *e, const struct pvs_ticket *t,
                    const struct pvs_site *site, int64_t slot, int64_t now,
                    char *buf, size_t size);

/* ---- webhooks and SMS ---- */

/* The words of a technician's SMS in their language (tech.txt). */
struct sms_words {
    struct pvs_payload_words w;
    char buf[7][96];
};

static void sms_words(const char *lang, struct sms_words *sw) {
    static const char *const keys[] = {
        "sms.urgent", "sms.recovered", "sms.ack",    "sms.escalation",
        "sms.lost",   "sms.ticket",    "sms.problem"};

    for (size_t i = 0; i < PVS_ARRAY_LEN(keys); i++)
        service_word(lang ? lang : "en", keys[i], NULL, 0, sw->buf[i],
                     sizeof(sw->buf[i]));
    sw->w.urgent = sw->buf[0];
    sw->w.recovered = sw->buf[1];
    sw->w.ack = sw->buf[2];
    sw->w.escalation = sw->buf[3];
    sw->w.lost = sw->buf[4];
    sw->w.ticket = sw->buf[5];
    sw->w.problem = sw->buf[6];
}

/*
 * Text person `to` about ticket t (nothing without [sms] or a phone):
 * short, in their words (the facts f, composed for them), with their
 * one-tap acknowledge link. kind picks the lead ("alert", "escalation");
 * the outbox row is filed as out_kind.
 */
static void tech_sms(struct pvs_service *e, const struct pvs_ticket *t,
                     const struct mail_facts *f, const struct pvs_person *to,
                     const char *kind, const char *out_kind, int64_t now) {
    struct pvs_payload_facts pf;
    struct sms_words words;
    const struct pvs_site *site =
        t->site ? pvs_config_site(e->cfg, t->site) : NULL;
    char ack[PVS_FACT_MAX], id[96], msgid[160];
    const char *per_day = service_fact_get(f, "lost_kwh_per_day");
    char *text;

    if (!e->cfg->sms || !to || !to->phone)
        return;
    memset(&pf, 0, sizeof(pf));
    pf.kind = kind;
    pf.ticket_id = t->id;
    pf.status = t->status;
    pf.severity = t->severity;
    pf.site_id = t->site;
    pf.site_name = site && site->name ? site->name : t->site;
    pf.device = t->device;
    pf.public_url = e->cfg->global.public_url;
    pf.lost_kwh = t->lost_kwh > 0 ? t->lost_kwh : 0;
    if (!per_day || pvs_parse_double(per_day, &pf.lost_kwh_per_day))
        pf.lost_kwh_per_day = 0;
    service_flow_ack_id(t, to, id, sizeof(id));
    service_flow_link_id(e, "ack", id, now, ack, sizeof(ack));
    pf.ack_url = ack;
    /* The technician's SMS is in their words, as their mail is. */
    sms_words(to->language, &words);
    pf.title = service_fact_get(f, "title");
    pf.lost_text = service_fact_get(f, "lost");
    pf.words = &words.w;
    text = pvs_payload_sms_text(&pf);
    pvs_snprintf(msgid, sizeof(msgid), "<pvs.%lld.sms.%s.%lld.%u@pvsentry>",
                 (long long)t->id, out_kind, (long long)now, e->msg_seq++);
    if (text)
        service_queue_raw(e, t->id, "sms", "technician", out_kind, to->phone,
                          pf.title, text, msgid, now, 0, NULL);
    pvs_free(text);
}

void service_flow_integrations(struct pvs_service *e,
                               const struct pvs_ticket *t,
                               const struct pvs_alert_event *ev,
                               const char *kind, int64_t now) {
    const struct pvs_config *cfg = e->cfg;
    struct pvs_payload_facts pf;
    struct mail_facts *mf;
    char msgid[160];
    const struct pvs_person *tech =
        t->assignee ? pvs_config_technician(cfg, t->assignee) : NULL;

    memset(&pf, 0, sizeof(pf));
    pf.kind = kind;
    pf.ticket_id = t->id;
    pf.status = t->status;
    pf.severity = t->severity;
    pf.title = t->title;
    pf.site_id = t->site;
    pf.site_name = ev->site && ev->site->name ? ev->site->name : t->site;
    pf.device = t->device;
    pf.rule = t->rule;
    pf.family = t->family;
    pf.fingerprint = t->fingerprint;
    pf.evidence = ev->evidence;
    pf.explanation = ev->explanation;
    pf.kb = ev->kb;
    pf.started_ms = ev->started_ms ? ev->started_ms : t->opened_ms;
    pf.ended_ms = !strcmp(kind, "recovered") ? now : 0;
    /* The one figure the mail shows: the ticket's loss so far and the
     * alert's rate, computed in the facts, never again here. */
    mf = pvs_calloc(1, sizeof(*mf));
    service_common_facts(e, mf, t, ev);
    pf.lost_kwh = t->lost_kwh > 0 ? t->lost_kwh : 0;
    if (!service_fact_get(mf, "lost_kwh_per_day") ||
        pvs_parse_double(service_fact_get(mf, "lost_kwh_per_day"),
                         &pf.lost_kwh_per_day))
        pf.lost_kwh_per_day = 0;
    pf.public_url = cfg->global.public_url;
    for (size_t i = 0; i < cfg->nwebhooks; i++) {
        const struct pvs_cfg_webhook *w = cfg->webhooks[i];
        char *body;

        if (!pvs_config_webhook_wants(w, kind))
            continue;
        pvs_snprintf(msgid, sizeof(msgid), "<pvs.%lld.%s.%s.%lld.%u@pvsentry>",
                     (long long)t->id, w->obj.id, kind, (long long)now,
                     e->msg_seq++);
        pf.message_id = msgid;
        pf.receiver = w->obj.id;
        body = pvs_payload_webhook(w, &pf);
        if (body)
            service_queue_raw(e, t->id, "webhook", "integration", kind,
                              w->obj.id, t->title, body, msgid, now, 0, NULL);
        pvs_free(body);
    }
    /* A technician is texted for what cannot wait. */
    if (t->severity && !strcmp(t->severity, "critical") &&
        (!strcmp(kind, "alert") || !strcmp(kind, "escalation")))
        tech_sms(e, t, mf, tech, kind, kind, now);
    pvs_free(mf);
}

/* ---- the tick ---- */

/*
 * A held mail was written when the problem was seen; its Date header
 * says when it goes out, which is now.
 */
static void redate(struct pvs_service *e, const struct pvs_outbox *o,
                   int64_t now) {
    const char *p = o->body ? strstr(o->body, "\r\nDate: ") : NULL;
    const char *end;
    char date[64];
    time_t t = (time_t)(now / 1000);
    struct tm tm;
    char *body;

    if (strcmp(o->channel, "email") || !p)
        return;
    p += 8;
    end = strstr(p, "\r\n");
    if (!end)
        return;
    gmtime_r(&t, &tm);
    strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
    body = pvs_asprintf("%.*s%s%s", (int)(p - o->body), o->body, date, end);
    if (!e->txn_rc)
        e->txn_rc = pvs_store_outbox_set_body(e->st, o->id, body);
    pvs_free(body);
}

static void release_held(struct pvs_service *e, int64_t id, int64_t now) {
    struct pvs_outbox o;
    struct pvs_ticket t;
    const struct pvs_site *site;
    const struct pvs_person *cust;
    bool quiet;
    int64_t at;
    char note[160];

    if (pvs_store_outbox_get(e->st, id, &o))
        return;
    if (pvs_store_ticket_get(e->st, o.ticket_id, &t)) {
        pvs_outbox_release(&o);
        return;
    }
    site = t.site ? pvs_config_site(e->cfg, t.site) : NULL;
    cust = site ? site->customer : NULL;
    if (!strcmp(t.status, "on_hold")) {
        /* A technician holds the ticket: nothing automatic goes out. */
        service_wrote(e, pvs_store_outbox_set(e->st, id, "suppressed", 0,
                                              NOTE("tl.on_hold", note)));
        service_wrote(e, pvs_store_ticket_event(e->st, t.id, now,
                                                "notice_suppressed", "pvsentry",
                                                NOTE("tl.on_hold", note)));
        goto out;
    }
    if (!strcmp(o.kind, "notice") && !pvs_ticket_is_active(t.status)) {
        service_wrote(
            e, pvs_store_outbox_set(e->st, id, "suppressed", 0,
                                    NOTE("tl.suppressed_cleared", note)));
        goto out;
    }
    at = cust ? customer_time(e, site, cust, now, &quiet) : now;
    if (at > now) {
        service_wrote(e, pvs_store_outbox_set(e->st, id, "held", at,
                                              NOTE("tl.hold.quiet", note)));
        goto out;
    }
    redate(e, &o, now);
    if (!e->txn_rc)
        e->txn_rc = pvs_store_outbox_set(e->st, id, "pending", 0, NULL);
    pvs_service_ids_add(&e->fresh, &e->nfresh, &e->fresh_cap, id);
    if (!strcmp(o.kind, "notice")) {
        struct pvs_ticket_flow fl;
        t.customer_notified = true;
        if (!e->txn_rc)
            e->txn_rc = pvs_store_ticket_update(e->st, &t);
        if (!pvs_store_flow_get(e->st, t.id, &fl)) {
            pvs_strlcpy(fl.notified_severity, t.severity,
                        sizeof(fl.notified_severity));
            service_wrote(e, pvs_store_flow_set(e->st, t.id, &fl));
        }
    }
    service_wrote(e,
                  pvs_store_ticket_event(e->st, t.id, now, "message_released",
                                         "pvsentry", o.subject));
out:
    pvs_ticket_release(&t);
    pvs_outbox_release(&o);
}

/* Minimal facts for workflow mails that have no alert at hand. */
static void ticket_facts(struct pvs_service *e, const struct pvs_ticket *t,
                         struct mail_facts *f, int64_t now) {
    struct pvs_alert_event ev;

    memset(&ev, 0, sizeof(ev));
    pvs_strlcpy(ev.fingerprint, t->fingerprint, sizeof(ev.fingerprint));
    ev.rule_id = t->rule;
    ev.family = t->family;
    ev.site = t->site ? pvs_config_site(e->cfg, t->site) : NULL;
    ev.device = t->device ? pvs_config_device(e->cfg, t->device) : NULL;
    pvs_strlcpy(ev.subject, t->subject ? t->subject : "", sizeof(ev.subject));
    ev.severity = (enum pvs_severity)(
        t->severity ? pvs_severity_parse(t->severity) : PVS_SEV_WARNING);
    ev.started_ms = t->opened_ms;
    ev.ts_ms = now;
    ev.lost_kwh = t->lost_kwh;
    ev.evidence[0] = '\0';
    service_common_facts(e, f, t, &ev);
    service_customer_words(e, f, ev.site, &ev);
}

struct people {
    const struct pvs_person *p[16];
    size_t n;
    const struct pvs_config *cfg;
};

static void add_person(struct people *pl, const struct pvs_person *p) {
    if (!p || (!p->email && !p->phone) || pl->n == PVS_ARRAY_LEN(pl->p))
        return;
    for (size_t i = 0; i < pl->n; i++)
        if (pl->p[i] == p)
            return;
    pl->p[pl->n++] = p;
}

static void add_admin(void *ud, const char *person, int64_t n) {
    struct people *pl = ud;

    (void)n;
    add_person(pl, pvs_config_technician(pl->cfg, person));
}

/*
 * Escalation ran out: nobody acknowledged. Every admin who is a person
 * (a technician record) and the configured escalation_contact hear it
 * through their own channel; with nobody to tell, the log says so.
 */
static void tell_exhausted(struct pvs_service *e, const struct pvs_ticket *t,
                           const char *why, int64_t now) {
    struct people pl;
    const struct pvs_person *was =
        t->assignee ? pvs_config_technician(e->cfg, t->assignee) : NULL;

    memset(&pl, 0, sizeof(pl));
    pl.cfg = e->cfg;
    if (e->cfg->global.escalation_contact)
        add_person(&pl, pvs_config_technician(
                            e->cfg, e->cfg->global.escalation_contact));
    pvs_store_admin_persons(e->st, add_admin, &pl);
    if (!pl.n) {
        pvs_error("ticket #%lld: nobody acknowledged it and nobody is left "
                  "to tell: set escalation_contact in [global] or give an "
                  "admin user a person",
                  (long long)t->id);
        return;
    }
    for (size_t i = 0; i < pl.n; i++) {
        struct pvs_ticket copy = *t;
        struct mail_facts f;

        /* The facts in the reader's own words. */
        copy.assignee = (char *)(uintptr_t)pl.p[i]->obj.id;
        memset(&f, 0, sizeof(f));
        ticket_facts(e, &copy, &f, now);
        service_fact(&f, "escalation",
                     pvs_template_evidence(pl.p[i]->language, why,
                                           service_fact_buf(&f), PVS_FACT_MAX));
        service_fact(&f, "assignee_name", was ? was->name : NULL);
        service_queue_mail(e, t->id, "technician", "escalation_exhausted",
                           pl.p[i], "tech_exhausted", f.v, f.n, now, 0, NULL,
                           NULL);
        /* Texted too when that is how they are reached: a phone and no
         * address, or they chose texts. */
        if (!pl.p[i]->email ||
            (pl.p[i]->channel && !strcmp(pl.p[i]->channel, "sms")))
            tech_sms(e, &copy, &f, pl.p[i], "escalation",
                     "escalation_exhausted", now);
    }
}

static void escalate(struct pvs_service *e, int64_t id, int64_t now) {
    struct pvs_ticket t;
    struct pvs_ticket_flow fl;
    struct mail_facts f;
    const struct pvs_person *next;
    char why[300], text[400];
    int64_t esc;

    if (pvs_store_ticket_get(e->st, id, &t))
        return;
    if (pvs_store_flow_get(e->st, id, &fl)) {
        pvs_ticket_release(&t);
        return;
    }
    fl.escalation_level++;
    next = pvs_escalate_to(e->cfg, t.assignee, (int)fl.escalation_level, why,
                           sizeof(why));
    esc = pvs_escalation_ms(e->cfg, t.severity);
    fl.escalate_at_ms = next && esc > 0 ? now + esc : 0;
    service_wrote(e, pvs_store_flow_set(e->st, id, &fl));
    /* why is a message key: English in the timeline, the reader's words
     * in a message. */
    pvs_template_evidence("en", why, text, sizeof(text));
    service_wrote(
        e, pvs_store_ticket_event(e->st, id, now,
                                  next ? "escalated" : "escalation_exhausted",
                                  "pvsentry", text));
    if (!next)
        tell_exhausted(e, &t, why, now);
    if (next) {
        pvs_info("ticket #%lld escalated to '%s'", (long long)id, next->obj.id);
        pvs_free(t.assignee);
        t.assignee = pvs_strdup(next->obj.id);
        t.updated_ms = now;
        if (!e->txn_rc)
            e->txn_rc = pvs_store_ticket_update(e->st, &t);
        memset(&f, 0, sizeof(f));
        ticket_facts(e, &t, &f, now);
        service_fact(&f, "escalation",
                     pvs_template_evidence(next->language, why,
                                           service_fact_buf(&f), PVS_FACT_MAX));
        tech_mail(e, &t, &f, "escalation", "tech_escalated", now);
        {
            struct pvs_alert_event ev;
            memset(&ev, 0, sizeof(ev));
            ev.site = t.site ? pvs_config_site(e->cfg, t.site) : NULL;
            ev.started_ms = t.opened_ms;
            pvs_strlcpy(ev.evidence, text, sizeof(ev.evidence));
            service_flow_integrations(e, &t, &ev, "escalation", now);
        }
    }
    pvs_ticket_release(&t);
}

static void close_resolved(struct pvs_service *e, int64_t id, int64_t now) {
    struct pvs_ticket t;
    char note[160];

    if (pvs_store_ticket_get(e->st, id, &t))
        return;
    pvs_free(t.status);
    t.status = pvs_strdup("closed");
    t.closed_ms = now;
    t.updated_ms = now;
    if (!e->txn_rc)
        e->txn_rc = pvs_store_ticket_update(e->st, &t);
    service_wrote(e,
                  pvs_store_ticket_event(e->st, id, now, "closed", "pvsentry",
                                         NOTE("tl.closed_quiet", note)));
    pvs_ticket_release(&t);
}

static void send_survey(struct pvs_service *e, int64_t id, int64_t now) {
    struct pvs_ticket t;
    const struct pvs_site *site;
    const struct pvs_person *cust;
    struct mail_facts f;
    int64_t last = 0, at;
    char link[300], note[160];
    bool quiet;

    if (pvs_store_ticket_get(e->st, id, &t))
        return;
    site = t.site ? pvs_config_site(e->cfg, t.site) : NULL;
    cust = site ? site->customer : NULL;
    if (!cust || !cust->email) {
        service_wrote(e, pvs_store_survey_add(e->st, id, NULL, now, false));
        goto out;
    }
    pvs_store_last_survey(e->st, cust->obj.id, &last);
    if (last && now - last < e->cfg->global.survey_interval_ms) {
        /* One survey per customer per interval, never more. */
        service_wrote(
            e, pvs_store_survey_add(e->st, id, cust->obj.id, now, false));
        service_wrote(e, pvs_store_ticket_event(
                             e->st, id, now, "survey_skipped", "pvsentry",
                             NOTE("tl.survey_recent", note)));
        goto out;
    }
    memset(&f, 0, sizeof(f));
    ticket_facts(e, &t, &f, now);
    service_flow_link(e, "survey", id, now, link, sizeof(link));
    service_fact(&f, "survey_link", link);
    at = customer_time(e, site, cust, now, &quiet);
    service_queue_mail(e, id, "customer", "survey", cust, "customer_survey",
                       f.v, f.n, now, quiet ? at : 0,
                       quiet ? NOTE("tl.hold.quiet", note) : NULL, NULL);
    service_wrote(e, pvs_store_survey_add(e->st, id, cust->obj.id, now, true));
out:
    pvs_ticket_release(&t);
}

/* The day before a confirmed visit, both sides get a reminder. */
static void remind(struct pvs_service *e, int64_t appt, int64_t now) {
    int64_t ticket = 0, slot = 0;
    struct pvs_ticket t;
    const struct pvs_site *site;
    struct mail_facts f;
    char when[64], ics[1024], note[160];

    if (pvs_store_appointment_remind(e->st, appt, &ticket, &slot) ||
        pvs_store_ticket_get(e->st, ticket, &t))
        return;
    if (slot <= now || !pvs_ticket_is_active(t.status)) {
        pvs_ticket_release(&t);
        return;
    }
    site = t.site ? pvs_config_site(e->cfg, t.site) : NULL;
    memset(&f, 0, sizeof(f));
    ticket_facts(e, &t, &f, now);
    service_fmt_time_words(e, site, slot, when, sizeof(when));
    service_fact(&f, "visit_local", when);
    service_fmt_time(e, site, slot, service_fact_buf(&f), 64);
    service_fact(&f, "visit", f.buf[f.nbuf - 1]);
    ics_for(e, &t, site, slot, now, ics, sizeof(ics));
    if (site && site->customer) {
        bool quiet;
        int64_t at = customer_time(e, site, site->customer, now, &quiet);
        service_queue_mail(e, t.id, "customer", "reminder", site->customer,
                           "customer_reminder", f.v, f.n, now, quiet ? at : 0,
                           quiet ? NOTE("tl.hold.quiet", note) : NULL, ics);
    }
    tech_mail(e, &t, &f, "reminder", "tech_reminder", now);
    service_wrote(e, pvs_store_ticket_event(e->st, t.id, now, "reminded",
                                            "pvsentry",
                                            NOTE("tl.reminded", note)));
    pvs_ticket_release(&t);
}

/* How long a cleared condition takes to count as recovered, for rule id. */
static int64_t recovery_ms(const struct pvs_service *e, const char *rule) {
    size_t n = 0;
    struct pvs_rule *const *rules = pvs_ruleset_rules(e->rules, &n);

    for (size_t i = 0; rule && i < n; i++)
        if (!strcmp(rules[i]->id, rule))
            return rules[i]->recovery_ms;
    return 5 * 60000;
}

/*
 * A technician said "fixed", yet after the rule's recovery time the
 * device still reports the problem: the fix did not hold. The ticket goes
 * back to "acknowledged" (the technician still has it) and they are told.
 */
static void check_fixed(struct pvs_service *e, int64_t id, int64_t now) {
    struct pvs_ticket t;
    struct mail_facts f;
    bool firing = false;
    double per_day = 0;
    char note[300];

    if (pvs_store_ticket_get(e->st, id, &t))
        return;
    if (now - t.updated_ms < recovery_ms(e, t.rule) ||
        pvs_store_alert_latest(e->st, t.fingerprint, &firing, &per_day) ||
        !firing) {
        pvs_ticket_release(&t);
        return;
    }
    pvs_free(t.status);
    t.status = pvs_strdup("acknowledged");
    t.updated_ms = now;
    if (!e->txn_rc)
        e->txn_rc = pvs_store_ticket_update(e->st, &t);
    service_wrote(e, pvs_store_ticket_event(
                         e->st, id, now, "fix_not_confirmed", "pvsentry",
                         NOTE("tl.fix_not_confirmed", note)));
    pvs_info("ticket #%lld: marked fixed but still failing: acknowledged "
             "again",
             (long long)id);
    memset(&f, 0, sizeof(f));
    ticket_facts(e, &t, &f, now);
    tech_mail(e, &t, &f, "not_fixed", "tech_not_fixed", now);
    pvs_ticket_release(&t);
}

/*
 * Cluster mode: a worker runs the timers of the tickets of its own slots'
 * sites (those of its configuration), never another worker's.
 */
static bool runs_ticket(struct pvs_service *e, int64_t id) {
    struct pvs_ticket t;
    bool ours;

    if (!e->cfg->cluster || !e->cfg->cluster->enabled || id <= 0)
        return true;
    if (pvs_store_ticket_get(e->st, id, &t))
        return false;
    ours = t.site && pvs_config_site(e->cfg, t.site);
    pvs_ticket_release(&t);
    return ours;
}

/*
 * The ids of ids (n of them, tickets or, with outbox, outbox rows) whose
 * timers this worker runs, in place.
 */
static void keep_ours(struct pvs_service *e, int64_t *ids, size_t *n,
                      bool outbox) {
    size_t k = 0;

    for (size_t i = 0; i < *n; i++) {
        int64_t ticket = ids[i];
        struct pvs_outbox o;

        if (outbox && e->cfg->cluster && e->cfg->cluster->enabled) {
            if (pvs_store_outbox_get(e->st, ids[i], &o))
                continue;
            ticket = o.ticket_id;
            pvs_outbox_release(&o);
        }
        if (runs_ticket(e, ticket))
            ids[k++] = ids[i];
    }
    *n = k;
}

void service_flow_tick(struct pvs_service *e, int64_t now) {
    int64_t *ids = NULL;
    size_t n = 0;

    if (!pvs_store_held_due(e->st, now, &ids, &n)) {
        keep_ours(e, ids, &n, true);
        for (size_t i = 0; i < n; i++)
            release_held(e, ids[i], now);
        PVS_FREE(ids);
    }
    if (!pvs_store_escalations_due(e->st, now, &ids, &n)) {
        keep_ours(e, ids, &n, false);
        for (size_t i = 0; i < n; i++)
            escalate(e, ids[i], now);
        PVS_FREE(ids);
    }
    if (!pvs_store_fixed_tickets(e->st, &ids, &n)) {
        keep_ours(e, ids, &n, false);
        for (size_t i = 0; i < n; i++)
            check_fixed(e, ids[i], now);
        PVS_FREE(ids);
    }
    if (!pvs_store_to_close(e->st, now - e->cfg->global.reopen_window_ms, &ids,
                            &n)) {
        keep_ours(e, ids, &n, false);
        for (size_t i = 0; i < n; i++)
            close_resolved(e, ids[i], now);
        PVS_FREE(ids);
    }
    if (!pvs_store_reminders_due(e->st, now + 86400000, &ids, &n)) {
        for (size_t i = 0; i < n; i++)
            remind(e, ids[i], now);
        PVS_FREE(ids);
    }
    if (!pvs_store_survey_candidates(
            e->st, now - e->cfg->global.survey_delay_ms, &ids, &n)) {
        keep_ours(e, ids, &n, false);
        for (size_t i = 0; i < n; i++)
            send_survey(e, ids[i], now);
        PVS_FREE(ids);
    }
}

/* ---- commands ---- */

/* Text for an iCalendar value: backslash, comma, semicolon and newline
 * escaped (RFC 5545, 3.3.11). */
static void ics_text(const char *in, char *buf, size_t size) {
    size_t n = 0;

    for (; in && *in && n + 3 < size; in++) {
        if (*in == '\\' || *in == ',' || *in == ';')
            buf[n++] = '\\';
        if (*in == '\n') {
            buf[n++] = '\\';
            buf[n++] = 'n';
            continue;
        }
        buf[n++] = *in;
    }
    buf[n] = '\0';
}

/* The visit as a calendar file, its words in the site customer's. */
static void ics_for(struct pvs_service *e, const struct pvs_ticket *t,
                    const struct pvs_site *site, int64_t slot, int64_t now,
                    char *buf, size_t size) {
    char start[32], end[32], stamp[32], lang[16], id[24], summary[256],
        sum_text[300], where[400];
    time_t a = (time_t)(slot / 1000), b = a + 7200, c = (time_t)(now / 1000);
    struct tm tm;
    struct pvs_tvar v[1] = {{"id", id}};

    gmtime_r(&a, &tm);
    strftime(start, sizeof(start), "%Y%m%dT%H%M%SZ", &tm);
    gmtime_r(&b, &tm);
    strftime(end, sizeof(end), "%Y%m%dT%H%M%SZ", &tm);
    gmtime_r(&c, &tm);
    strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
    service_site_lang(e, site, lang, sizeof(lang));
    pvs_snprintf(id, sizeof(id), "%lld", (long long)t->id);
    service_word(lang, "ics.summary", v, 1, summary, sizeof(summary));
    ics_text(summary, sum_text, sizeof(sum_text));
    ics_text(site && site->address ? site->address : "", where, sizeof(where));
    pvs_snprintf(buf, size,
                 "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//pvsentry//EN\n"
                 "METHOD:REQUEST\nBEGIN:VEVENT\n"
                 "UID:ticket-%lld-visit@pvsentry\nDTSTAMP:%s\nDTSTART:%s\n"
                 "DTEND:%s\nSUMMARY;LANGUAGE=%s:%s\nLOCATION:%s\nEND:VEVENT\n"
                 "END:VCALENDAR\n",
                 (long long)t->id, stamp, start, end, lang, sum_text, where);
}

static void schedule(struct pvs_service *e, struct pvs_command *c,
                     int64_t now) {
    struct pvs_ticket t;
    struct pvs_ticket_flow fl;
    const struct pvs_site *site;
    struct mail_facts f;
    char when[64], link[300], ics[1024];
    int64_t appt = 0;

    if (pvs_store_ticket_get(e->st, c->ticket_id, &t)) {
        service_reply(c, PVS_ERR_NOTFOUND, "no such ticket");
        return;
    }
    if (!pvs_ticket_is_active(t.status)) {
        service_reply(c, PVS_ERR_STATE, "the ticket is not active");
        pvs_ticket_release(&t);
        return;
    }
    site = t.site ? pvs_config_site(e->cfg, t.site) : NULL;
    if (c->local_time && site && e->tz[site->index]) {
        /* Typed as the site's wall clock: the same local time for the
         * technician, the customer and every page, wherever typed. */
        time_t wall = (time_t)(c->value_ms / 1000);
        struct tm lt;
        gmtime_r(&wall, &lt);
        c->value_ms = pvs_tz_from_local(e->tz[site->index], lt.tm_year + 1900,
                                        lt.tm_mon + 1, lt.tm_mday, lt.tm_hour,
                                        lt.tm_min, lt.tm_sec);
    }
    if (c->value_ms <= now) {
        service_reply(c, PVS_ERR_INVAL, "the visit slot must be in the future");
        pvs_ticket_release(&t);
        return;
    }
    service_wrote(e, pvs_store_appointment_add(e->st, t.id, c->value_ms,
                                               c->actor, now, &appt));
    pvs_free(t.status);
    t.status = pvs_strdup("scheduled");
    t.updated_ms = now;
    if (!e->txn_rc)
        e->txn_rc = pvs_store_ticket_update(e->st, &t);
    if (!pvs_store_flow_get(e->st, t.id, &fl)) {
        fl.escalate_at_ms = 0;
        if (!fl.acknowledged_ms)
            fl.acknowledged_ms = now;
        service_wrote(e, pvs_store_flow_set(e->st, t.id, &fl));
    }
    service_fmt_time(e, site, c->value_ms, when, sizeof(when));
    {
        char text[PVS_CMD_TEXT_MAX + 100];
        struct pvs_tvar v[2] = {{"when", when}, {"text", c->text}};
        service_note("tl.visit_proposed", v, 2, text, sizeof(text));
        service_wrote(e, pvs_store_ticket_event(e->st, t.id, now, "scheduled",
                                                c->actor, text));
    }
    if (site && site->customer) {
        memset(&f, 0, sizeof(f));
        ticket_facts(e, &t, &f, now);
        service_fmt_time_words(e, site, c->value_ms, when, sizeof(when));
        service_fact(&f, "visit_local", when);
        /* Links name the ticket: its latest proposal is the one. */
        service_flow_link(e, "apptyes", t.id, now, link, sizeof(link));
        service_fact(&f, "confirm_link", link);
        service_flow_link(e, "apptno", t.id, now, link + 150, 150);
        service_fact(&f, "other_link", link + 150);
        ics_for(e, &t, site, c->value_ms, now, ics, sizeof(ics));
        service_queue_mail(e, t.id, "customer", "appointment", site->customer,
                           "customer_appointment", f.v, f.n, now, 0, NULL, ics);
    }
    c->result_id = appt;
    service_reply(c, PVS_OK, "scheduled");
    pvs_ticket_release(&t);
}

static void appointment_reply(struct pvs_service *e, struct pvs_command *c,
                              int64_t now) {
    int64_t id = 0, slot = 0;
    char status[32];
    struct pvs_ticket t;
    struct pvs_ticket_flow fl;
    struct mail_facts f;
    const struct pvs_site *site;
    char when[64], ics[1024], note[160];
    bool yes = c->value != 0;

    if (pvs_store_appointment_latest(e->st, c->ticket_id, &id, &slot, status,
                                     sizeof(status)) ||
        (c->other_id && c->other_id != id)) {
        service_reply(c, PVS_ERR_NOTFOUND,
                      "this appointment is no longer current");
        return;
    }
    if (strcmp(status, "proposed")) {
        service_reply(c, PVS_ERR_STATE, "already answered");
        return;
    }
    if (pvs_store_ticket_get(e->st, c->ticket_id, &t)) {
        service_reply(c, PVS_ERR_NOTFOUND, "no such ticket");
        return;
    }
    site = t.site ? pvs_config_site(e->cfg, t.site) : NULL;
    service_wrote(e, pvs_store_appointment_set(
                         e->st, id, yes ? "confirmed" : "declined", now));
    if (yes && !pvs_store_flow_get(e->st, t.id, &fl)) {
        fl.visit_ms = slot;
        service_wrote(e, pvs_store_flow_set(e->st, t.id, &fl));
    }
    service_fmt_time(e, site, slot, when, sizeof(when));
    service_wrote(e,
                  pvs_store_ticket_event(
                      e->st, t.id, now,
                      yes ? "appointment_confirmed" : "appointment_declined",
                      "customer", yes ? when : NOTE("tl.another_time", note)));
    memset(&f, 0, sizeof(f));
    ticket_facts(e, &t, &f, now);
    service_fact(&f, "visit", when);
    {
        const struct pvs_person *tech =
            t.assignee ? pvs_config_technician(e->cfg, t.assignee) : NULL;
        service_fact(
            &f, "answer",
            service_word(tech && tech->language ? tech->language : "en",
                         yes ? "tech.answer.yes" : "tech.answer.no", NULL, 0,
                         service_fact_buf(&f), PVS_FACT_MAX));
    }
    ics_for(e, &t, site, slot, now, ics, sizeof(ics));
    service_queue_mail(
        e, t.id, "technician", "appointment",
        t.assignee ? pvs_config_technician(e->cfg, t.assignee) : NULL,
        "tech_appointment", f.v, f.n, now, 0, NULL, yes ? ics : NULL);
    service_reply(c, PVS_OK, yes ? "confirmed" : "declined");
    pvs_ticket_release(&t);
}

static void customer_contact(struct pvs_service *e, struct pvs_command *c,
                             int64_t now) {
    const struct pvs_site *site = pvs_config_site(e->cfg, c->site_id);
    struct pvs_ticket t;
    struct pvs_ticket_flow fl;
    struct mail_facts f;
    int64_t id = 0;
    bool created = false;

    if (!site) {
        service_reply(c, PVS_ERR_NOTFOUND, "no such site");
        return;
    }
    if (pvs_store_site_active_ticket(e->st, site->obj.id, &id)) {
        /* Nothing open: the customer saw something first. */
        struct pvs_alert_event ev;
        char why[300], fp[PVS_FP_MAX], note[160];

        memset(&t, 0, sizeof(t));
        memset(&ev, 0, sizeof(ev));
        ev.site = site;
        ev.family = "customer_contact";
        ev.ts_ms = now;
        pvs_snprintf(fp, sizeof(fp), "%s/-/customer_contact/%lld", site->obj.id,
                     (long long)now);
        t.fingerprint = pvs_strdup(fp);
        t.site = pvs_strdup(site->obj.id);
        t.rule = pvs_strdup("customer_contact");
        t.family = pvs_strdup("customer_contact");
        t.subject = pvs_strdup("");
        t.severity = pvs_strdup("warning");
        service_word("en", "tech.title.customer_contact", NULL, 0, note,
                     sizeof(note));
        if (note[0] >= 'a' && note[0] <= 'z')
            note[0] = (char)(note[0] - 'a' + 'A');
        t.title = pvs_strdup(note);
        t.opened_ms = now;
        t.updated_ms = now;
        service_flow_route(e, &t, &ev, why, sizeof(why));
        if (!e->txn_rc)
            e->txn_rc = pvs_store_ticket_create(e->st, &t);
        if (e->txn_rc) {
            pvs_ticket_release(&t);
            service_reply(c, e->txn_rc, "cannot open a ticket");
            return;
        }
        service_wrote(
            e, pvs_store_ticket_event(e->st, t.id, now, "opened", "customer",
                                      NOTE("tl.customer_opened", note)));
        service_wrote(e, pvs_store_ticket_event(e->st, t.id, now, "assigned",
                                                "pvsentry", why));
        memset(&fl, 0, sizeof(fl));
        pvs_strlcpy(fl.opened_by, "customer", sizeof(fl.opened_by));
        fl.first_contact_ms = now;
        service_wrote(e, pvs_store_flow_set(e->st, t.id, &fl));
        id = t.id;
        created = true;
        pvs_stats_add(PVS_STAT_TICKETS_OPENED, 1);
    } else if (pvs_store_ticket_get(e->st, id, &t)) {
        service_reply(c, PVS_ERR_DB, "cannot read the ticket");
        return;
    } else if (!pvs_store_flow_get(e->st, id, &fl) && !fl.first_contact_ms) {
        fl.first_contact_ms = now;
        service_wrote(e, pvs_store_flow_set(e->st, id, &fl));
    }
    service_wrote(e, pvs_store_contact_add(e->st, site->obj.id, id, now,
                                           c->actor, c->text));
    service_wrote(e, pvs_store_ticket_event(e->st, id, now, "customer_contact",
                                            c->actor[0] ? c->actor : "customer",
                                            c->text));
    /* A person always hears about it: the way out to a human. */
    memset(&f, 0, sizeof(f));
    ticket_facts(e, &t, &f, now);
    service_fact(&f, "customer_message", c->text);
    tech_mail(e, &t, &f, "contact", "tech_contact", now);
    c->result_id = id;
    service_reply(c, PVS_OK,
                  created ? "a new ticket was opened" : "added to the ticket");
    pvs_ticket_release(&t);
}

static void survey_answer(struct pvs_service *e, struct pvs_command *c,
                          int64_t now) {
    enum pvs_err rc;

    if (c->value < 1 || c->value > 5) {
        service_reply(c, PVS_ERR_INVAL, "csat must be 1 to 5");
        return;
    }
    rc = pvs_store_survey_answer(e->st, c->ticket_id, (int)c->value, c->text,
                                 now);
    if (rc == PVS_ERR_FULL) {
        service_reply(c, PVS_ERR_STATE, "this survey was already answered");
        return;
    }
    if (rc == PVS_ERR_NOTFOUND) {
        service_reply(c, rc, "there is no survey for this ticket");
        return;
    }
    if (rc) {
        service_reply(c, rc, "cannot record the answer");
        return;
    }
    {
        char text[PVS_CMD_TEXT_MAX + 40], n[8];
        struct pvs_tvar v[2] = {{"n", n}, {"text", c->text}};
        pvs_snprintf(n, sizeof(n), "%lld", (long long)c->value);
        service_note("tl.satisfaction", v, 2, text, sizeof(text));
        service_wrote(e, pvs_store_ticket_event(e->st, c->ticket_id, now,
                                                "survey", "customer", text));
    }
    service_reply(c, PVS_OK, "thank you");
}

static void self_help(struct pvs_service *e, struct pvs_command *c,
                      int64_t now) {
    struct pvs_ticket_flow fl;
    char note[300];

    if (pvs_store_flow_get(e->st, c->ticket_id, &fl)) {
        service_reply(c, PVS_ERR_NOTFOUND, "no such ticket");
        return;
    }
    if (!fl.self_help_ms)
        fl.self_help_ms = now;
    service_wrote(e, pvs_store_flow_set(e->st, c->ticket_id, &fl));
    /* The ticket stays with the technician until the data confirms. */
    service_wrote(e, pvs_store_ticket_event(
                         e->st, c->ticket_id, now, "customer_says_fixed",
                         "customer", NOTE("tl.customer_says_fixed", note)));
    service_reply(c, PVS_OK, "thank you: we will check the data");
}

static bool lang_ok(const char *lang) {
    for (size_t i = 0; pvs_template_languages[i]; i++)
        if (!strcmp(pvs_template_languages[i], lang))
            return true;
    return false;
}

static void prefs(struct pvs_service *e, struct pvs_command *c, int64_t now) {
    /* text: "channel=sms\nlanguage=fr\nquiet_hours=22:00-07:00\n
     * opt_out=1", any subset. */
    char channel[16] = "", lang[16] = "", quiet[32] = "";
    int opt_out = -1;
    char *dup = pvs_strdup(c->text), *save = NULL;

    for (char *l = strtok_r(dup, "\n", &save); l;
         l = strtok_r(NULL, "\n", &save)) {
        char *eq = strchr(l, '=');
        if (!eq)
            continue;
        *eq = '\0';
        if (!strcmp(l, "channel") &&
            (!strcmp(eq + 1, "email") || !strcmp(eq + 1, "sms")))
            pvs_strlcpy(channel, eq + 1, sizeof(channel));
        else if (!strcmp(l, "language") && lang_ok(eq + 1))
            pvs_strlcpy(lang, eq + 1, sizeof(lang));
        else if (!strcmp(l, "quiet_hours") && pvs_span_valid(eq + 1))
            pvs_strlcpy(quiet, eq + 1, sizeof(quiet));
        else if (!strcmp(l, "opt_out"))
            opt_out = !strcmp(eq + 1, "1") || !strcmp(eq + 1, "true");
        else {
            pvs_free(dup);
            service_reply(c, PVS_ERR_INVAL, "bad preference value");
            return;
        }
    }
    pvs_free(dup);
    if (!pvs_config_customer(e->cfg, c->actor)) {
        service_reply(c, PVS_ERR_NOTFOUND, "no such customer");
        return;
    }
    if (pvs_store_prefs_set(e->st, c->actor, channel[0] ? channel : NULL,
                            lang[0] ? lang : NULL, quiet[0] ? quiet : NULL,
                            opt_out, now)) {
        service_reply(c, PVS_ERR_DB, "cannot save");
        return;
    }
    service_reply(c, PVS_OK, "saved");
}

static void acknowledge(struct pvs_service *e, struct pvs_command *c,
                        int64_t now) {
    struct pvs_ticket_flow fl;

    /* The status change itself is the common ticket transition. */
    if (!pvs_store_flow_get(e->st, c->ticket_id, &fl)) {
        if (!fl.acknowledged_ms)
            fl.acknowledged_ms = now;
        fl.escalate_at_ms = 0;
        service_wrote(e, pvs_store_flow_set(e->st, c->ticket_id, &fl));
    }
}

/*
 * A single-use link acts once: a second POST of the same link (replayed,
 * or sent twice by a double tap) is answered here and changes nothing.
 * Otherwise the link is spent now, in the transaction that acknowledges,
 * provided the ticket still waits for it. Returns true when answered.
 */
static bool link_spent(struct pvs_service *e, struct pvs_command *c,
                       int64_t now) {
    struct pvs_ticket t;
    char actor[PVS_CMD_ID_MAX];
    int64_t at;
    bool active;

    if (!pvs_store_link_used(e->st, c->ticket_id, c->nonce, actor,
                             sizeof(actor), &at)) {
        char msg[PVS_CMD_ID_MAX + 48];
        pvs_snprintf(msg, sizeof(msg), "this link was used already, by %s",
                     actor);
        service_reply(c, PVS_ERR_STATE, msg);
        return true;
    }
    if (pvs_store_ticket_get(e->st, c->ticket_id, &t))
        return false; /* the common transition answers */
    active = pvs_ticket_is_active(t.status);
    pvs_ticket_release(&t);
    if (active)
        service_wrote(e,
                      pvs_store_ticket_event(e->st, c->ticket_id, now,
                                             "link_used", c->actor, c->nonce));
    return false;
}

/*
 * "Fixed" while the device still reports the problem is most likely a
 * mistake (wrong ticket, or the fix has not taken yet): it needs the
 * caller's confirmation (value 1). Returns true when answered here.
 */
static bool fixed_needs_confirmation(struct pvs_service *e,
                                     struct pvs_command *c) {
    struct pvs_ticket t;
    bool firing = false;
    double per_day;

    if (c->value == 1 || pvs_store_ticket_get(e->st, c->ticket_id, &t))
        return false;
    if (pvs_ticket_is_active(t.status) &&
        !pvs_store_alert_latest(e->st, t.fingerprint, &firing, &per_day) &&
        firing) {
        service_reply(c, PVS_ERR_STATE,
                      "the device still reports this problem: confirm to "
                      "mark it fixed anyway");
        pvs_ticket_release(&t);
        return true;
    }
    pvs_ticket_release(&t);
    return false;
}

bool service_flow_command(struct pvs_service *e, struct pvs_command *c,
                          int64_t now) {
    switch (c->kind) {
    case PVS_CMD_TICKET_FIXED:
        return fixed_needs_confirmation(e, c);
    case PVS_CMD_TICKET_ACK:
        if (c->nonce[0] && link_spent(e, c, now))
            return true;
        acknowledge(e, c, now);
        return false; /* and the common transition */
    case PVS_CMD_TICKET_SCHEDULE:
        schedule(e, c, now);
        return true;
    case PVS_CMD_APPOINTMENT_REPLY:
        appointment_reply(e, c, now);
        return true;
    case PVS_CMD_CUSTOMER_CONTACT:
        customer_contact(e, c, now);
        return true;
    case PVS_CMD_SURVEY:
        survey_answer(e, c, now);
        return true;
    case PVS_CMD_SELF_HELP_DONE:
        self_help(e, c, now);
        return true;
    case PVS_CMD_PREFS:
        prefs(e, c, now);
        return true;
    default:
        return false;
    }
}
