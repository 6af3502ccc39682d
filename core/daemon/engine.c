/* SPDX-License-Identifier: MIT */
/*
 * engine.c - the single writer: inbox batches -> rules -> one SQLite
 * transaction -> notifier.
 *
 * DESIGN
 * Everything that must survive a crash together is written in one
 * transaction: the samples of the batch, the alert transitions the rules
 * produced from them, the ticket changes and the outbox rows of the
 * messages those changes call for. Only after the commit are the new
 * messages handed to the notifier; its results come back through the
 * inbox and are committed with a later batch. So a message is marked sent
 * only after the receiver accepted it, and a crash in between makes the
 * next start send it again with the same Message-ID: at-least-once, with
 * duplicates the receiver can recognise.
 *
 * Rules run on sample time. Timers (communication loss) are driven by
 * tick() with the clock's time, at most every `tick` of clock time.
 */
#define PVS_LOG_MODULE "engine"
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <time.h>

#include "pvs/clock.h"
#include "pvs/command.h"
#include "pvs/embed.h"
#include "engine_int.h"
#include "pvs/engine.h"
#include "pvs/engine_api.h"
#include "pvs/log.h"
#include "pvs/msg.h"
#include "pvs/mqtt.h"
#include "pvs/rules.h"
#include "pvs/stats.h"
#include "pvs/store_flow.h"
#include "pvs/store_web.h"
#include "pvs/store.h"
#include "pvs/template.h"
#include "pvs/ticket.h"
#include "pvs/tz.h"
#include "pvs/vendor.h"

#define BATCH_MAX 4096
#define PRUNE_EVERY_MS 3600000
/*
 * Group commit. Each commit writes every page the batch touched (one
 * index page per device at least) to the WAL and, at the checkpoint, to
 * the database: with a steady stream, committing whatever a pop returned
 * (a few dozen messages) cost a 4 KB page per message. When a pop returns
 * GATHER_MIN messages or more, traffic is steady: let the inbox fill for
 * up to batch_interval (or until a full batch waits), then take it all in
 * one batch. A lone message is handled at once, so alerts on a quiet
 * system are not delayed.
 */
#define GATHER_MIN 16
#define GATHER_NAP_MS 2
/* The engine thread yields to the receivers (see engine_main). */
#define ENGINE_NICE 5
/* While ingest is paused for disk space, look again this often. */
#define DISK_RECHECK_MS 500
/* The engine waits at most 200 ms for its inbox: a batch this much later
 * means it did not get the CPU. */
#define STALL_MS 2000

/* ---- small sets of outbox ids ---- */

void engine_ids_add(int64_t **v, size_t *n, size_t *cap, int64_t id) {
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        *v = pvs_realloc(*v, *cap * sizeof(**v));
    }
    (*v)[(*n)++] = id;
}

bool engine_ids_has(const int64_t *v, size_t n, int64_t id) {
    for (size_t i = 0; i < n; i++)
        if (v[i] == id)
            return true;
    return false;
}

void engine_ids_del(int64_t *v, size_t *n, int64_t id) {
    for (size_t i = 0; i < *n; i++) {
        if (v[i] == id) {
            v[i] = v[--*n];
            return;
        }
    }
}

/* ---- wording ---- */

/*
 * Technician titles stay in the ticket (the dashboard shows them); every
 * phrase a message carries comes from the words of its reader's language
 * (notifier/templates/<lang>/words.txt).
 */
struct family_words {
    const char *family;
    const char *title;     /* for the ticket: %s = device */
    const char *next_step; /* for the ticket's technician (English) */
    bool customer;         /* does it affect the customer? */
};

static const struct family_words words[] = {
    {"fault_code", "%s reports a fault",
     "check the inverter's display or event log, then follow the article",
     true},
    {"communication", "no data from %s while the sun is up",
     "check the data logger, its network link and the inverter's power", true},
    {"underperformance", "%s produces less than expected",
     "compare strings on site, look for shading, soiling or a failed string",
     true},
    {"peer", "%s produces less than its siblings",
     "compare its strings with the other inverters on site", true},
    {"threshold", "%s out of its normal range",
     "check the reading on site and the conditions around the device", false},
};

static const struct family_words generic = {
    NULL,
    "%s needs attention",
    "look at the evidence and the site history",
    false,
};

static const struct family_words *words_for(const char *family) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(words); i++)
        if (!strcmp(words[i].family, family))
            return &words[i];
    return &generic;
}

/* Put arg where pattern has "%s" (the word tables are data, not formats). */
static void subst(char *buf, size_t size, const char *pattern,
                  const char *arg) {
    const char *at = strstr(pattern, "%s");

    if (!at)
        pvs_snprintf(buf, size, "%s", pattern);
    else
        pvs_snprintf(buf, size, "%.*s%s%s", (int)(at - pattern), pattern, arg,
                     at + 2);
}

const char *engine_word(const char *lang, const char *key,
                        const struct pvs_tvar *vars, size_t nvars, char *buf,
                        size_t size) {
    char pattern[512], err[64];
    char *text = NULL;

    if (!pvs_template_word(lang, key, pattern, sizeof(pattern))) {
        pvs_error("no words for '%s'", key);
        buf[0] = '\0';
        return buf;
    }
    if (!nvars ||
        pvs_template_render(pattern, vars, nvars, &text, err, sizeof(err))) {
        pvs_strlcpy(buf, pattern, size);
        return buf;
    }
    pvs_strlcpy(buf, text, size);
    pvs_free(text);
    return buf;
}

/* A family's phrase ("what.fault_code"), or the family-less one. */
static const char *family_word(const char *lang, const char *prefix,
                               const char *family, const struct pvs_tvar *vars,
                               size_t nvars, char *buf, size_t size) {
    char key[96], probe[8];

    pvs_snprintf(key, sizeof(key), "%s.%s", prefix, family ? family : "");
    if (!family || !pvs_template_word("en", key, probe, sizeof(probe)))
        pvs_snprintf(key, sizeof(key), "%s.other", prefix);
    return engine_word(lang, key, vars, nvars, buf, size);
}

void engine_site_lang(struct pvs_engine *e, const struct pvs_site *site,
                      char *lang, size_t size) {
    char quiet[32];
    bool opt;

    if (!site || !site->customer) {
        pvs_strlcpy(lang, "en", size);
        return;
    }
    engine_flow_customer(e, site->customer, lang, quiet,
                         size < sizeof(quiet) ? size : sizeof(quiet), &opt);
}

/* Technicians: "2024-06-21 10:01 Europe/Paris (UTC+02:00)", site time. */
void engine_fmt_time(const struct pvs_engine *e, const struct pvs_site *site,
                     int64_t ms, char *buf, size_t size) {
    struct pvs_tm tm;
    const struct pvs_tz *tz = site ? e->tz[site->index] : NULL;
    int off;

    if (!tz) {
        time_t t = (time_t)(ms / 1000);
        struct tm utc;
        gmtime_r(&t, &utc);
        strftime(buf, size, "%Y-%m-%d %H:%M UTC", &utc);
        return;
    }
    pvs_tz_local(tz, ms, &tm);
    off = tm.utoff / 60;
    pvs_snprintf(buf, size, "%04d-%02d-%02d %02d:%02d %s (UTC%c%02d:%02d)",
                 tm.year, tm.mon, tm.mday, tm.hour, tm.min, site->timezone,
                 off < 0 ? '-' : '+', abs(off) / 60, abs(off) % 60);
}

void engine_fmt_time_lang(const struct pvs_engine *e,
                          const struct pvs_site *site, const char *lang,
                          int64_t ms, char *buf, size_t size) {
    const struct pvs_tz *tz = site ? e->tz[site->index] : NULL;
    struct pvs_tm tm;
    char d[8], y[8], hh[8], mm[8], month[32], key[16];
    struct pvs_tvar v[6];

    if (tz) {
        pvs_tz_local(tz, ms, &tm);
    } else {
        time_t t = (time_t)(ms / 1000);
        struct tm utc;
        gmtime_r(&t, &utc);
        tm.year = utc.tm_year + 1900;
        tm.mon = utc.tm_mon + 1;
        tm.mday = utc.tm_mday;
        tm.hour = utc.tm_hour;
        tm.min = utc.tm_min;
    }
    pvs_snprintf(d, sizeof(d), "%d", tm.mday);
    pvs_snprintf(y, sizeof(y), "%d", tm.year);
    pvs_snprintf(hh, sizeof(hh), "%02d", tm.hour);
    pvs_snprintf(mm, sizeof(mm), "%02d", tm.min);
    pvs_snprintf(key, sizeof(key), "month.%d", tm.mon);
    engine_word(lang, key, NULL, 0, month, sizeof(month));
    v[0] = (struct pvs_tvar){"d", d};
    v[1] = (struct pvs_tvar){"month", month};
    v[2] = (struct pvs_tvar){"y", y};
    v[3] = (struct pvs_tvar){"H", hh};
    v[4] = (struct pvs_tvar){"M", mm};
    v[5] = (struct pvs_tvar){"zone", tz ? site->timezone : "UTC"};
    engine_word(lang, "date", v, PVS_ARRAY_LEN(v), buf, size);
}

/* Customers: "21 June 2024 at 10:01 (Europe/Paris time)", their words. */
void engine_fmt_time_words(struct pvs_engine *e, const struct pvs_site *site,
                           int64_t ms, char *buf, size_t size) {
    char lang[16];

    engine_site_lang(e, site, lang, sizeof(lang));
    engine_fmt_time_lang(e, site, lang, ms, buf, size);
}

void engine_fmt_lost(const char *lang, double so_far, double per_day, char *buf,
                     size_t size) {
    char a[32], b[32];
    struct pvs_tvar v[2] = {{"so_far", a}, {"per_day", b}};

    pvs_snprintf(a, sizeof(a), "%.1f", so_far > 0 ? so_far : 0);
    pvs_snprintf(b, sizeof(b), "%.1f", per_day > 0 ? per_day : 0);
    if (per_day > 0.05)
        engine_word(lang, "lost.rate", v, 2, buf, size);
    else if (so_far > 0.05)
        engine_word(lang, "lost.so_far", v, 2, buf, size);
    else
        buf[0] = '\0';
}

/* Customers: the device's label, else "inverter 2" in the site. */
static void device_words(const struct pvs_engine *e, const char *lang,
                         const struct pvs_device *dev, char *buf, size_t size) {
    char n[16];
    unsigned k = 1;
    struct pvs_tvar v[1] = {{"n", n}};

    if (dev->label && dev->label[0]) {
        pvs_strlcpy(buf, dev->label, size);
        return;
    }
    /* Numbered by id within the site, as the customer's page does, so a
     * device keeps its number whether it came from the file or the API. */
    for (size_t i = 0; i < e->cfg->ndevices; i++)
        if (e->cfg->devices[i]->site == dev->site &&
            strcmp(e->cfg->devices[i]->obj.id, dev->obj.id) < 0)
            k++;
    pvs_snprintf(n, sizeof(n), "%u", k);
    engine_word(lang, "device", v, 1, buf, size);
}

/* ---- outbox ---- */ /* ---- outbox ---- */

const char *engine_first_name(const char *name, char *buf, size_t size) {
    size_t n = strcspn(name, " ");

    pvs_snprintf(buf, size, "%.*s", (int)n, name);
    return buf;
}

static int64_t queue_customer_sms(struct pvs_engine *e, int64_t ticket_id,
                                  const char *kind, const struct pvs_person *to,
                                  const char *subject, const char *body,
                                  const char *prefs, int64_t now,
                                  int64_t hold_until, const char *note) {
    struct pvs_buf sms;
    const char *p = strstr(body, "\n\n"), *end;
    char msgid[160];
    int64_t id;
    /* The preferences link ends every text, so it is kept whole. */
    size_t room =
        480 - 4 - (prefs && strlen(prefs) < 200 ? strlen(prefs) + 1 : 0);

    pvs_buf_init(&sms, 480);
    pvs_buf_puts(&sms, subject);
    if (p) {
        p += 2;
        end = strstr(p, "\n\n");
        pvs_buf_puts(&sms, ". ");
        /* Never cut inside a character. */
        for (; *p && (!end || p < end) &&
               (sms.len < room || ((unsigned char)*p & 0xC0) == 0x80);
             p++)
            if (pvs_buf_add(&sms, *p == '\n' ? " " : p, 1))
                break;
    }
    if (prefs && sms.len <= room)
        pvs_buf_printf(&sms, " %s", prefs);
    pvs_snprintf(msgid, sizeof(msgid),
                 "<pvs.%lld.customer.sms.%s.%lld.%u@pvsentry>",
                 (long long)ticket_id, kind, (long long)now, e->msg_seq++);
    id = engine_queue_raw(e, ticket_id, "sms", "customer", kind, to->phone,
                          subject, sms.data ? sms.data : subject, msgid, now,
                          hold_until, note);
    pvs_buf_release(&sms);
    return id;
}

int64_t engine_queue_mail(struct pvs_engine *e, int64_t ticket_id,
                          const char *audience, const char *kind,
                          const struct pvs_person *to, const char *tmpl_name,
                          const struct pvs_tvar *vars, size_t nvars,
                          int64_t now, int64_t hold_until, const char *note,
                          const char *attachment) {
    const char *tmpl;
    char *text = NULL, *subject = NULL, *body = NULL;
    char err[128], msgid[160], tid[32], hdr_ticket[64], hdr_aud[64],
        hdr_kind[64], addr[400];
    const char *headers[5];
    int64_t id = 0;
    char lang[16] = "", quiet[32], prefs[PVS_FACT_MAX] = "";
    bool opt_out = false;
    struct pvs_tvar all[96];

    bool sms =
        !strcmp(audience, "customer") && to && engine_flow_customer_sms(e, to);

    if (!to || (!sms && (!to->email || !e->cfg->smtp)) || e->txn_rc)
        return 0;
    if (!strcmp(audience, "customer")) {
        /* Every customer message says how to change what they get. */
        engine_flow_customer(e, to, lang, quiet, sizeof(lang), &opt_out);
        PVS_ASSERT(nvars < PVS_ARRAY_LEN(all));
        memcpy(all, vars, nvars * sizeof(*vars));
        engine_flow_link(e, "prefs", ticket_id, now, prefs, sizeof(prefs));
        all[nvars].name = "prefs_link";
        all[nvars].value = prefs;
        vars = all;
        nvars++;
    }
    tmpl = pvs_template_get(lang[0] ? lang : to->language, tmpl_name);
    if (!tmpl) {
        pvs_error("no template '%s'", tmpl_name);
        return 0;
    }
    if (pvs_template_render(tmpl, vars, nvars, &text, err, sizeof(err))) {
        pvs_error("cannot render template '%s': %s", tmpl_name, err);
        return 0;
    }
    pvs_template_split_subject(text, &subject, &body);
    if (sms) {
        /* The customer reads texts: the subject and the first paragraph
         * after the greeting, which say what happened in plain words. */
        id = queue_customer_sms(e, ticket_id, kind, to, subject, body,
                                prefs[0] ? prefs : NULL, now, hold_until, note);
        pvs_free(subject);
        pvs_free(body);
        pvs_free(text);
        return id;
    }
    pvs_snprintf(tid, sizeof(tid), "%lld", (long long)ticket_id);
    pvs_snprintf(msgid, sizeof(msgid), "<pvs.%lld.%s.%s.%lld.%u@pvsentry>",
                 (long long)ticket_id, audience, kind, (long long)now,
                 e->msg_seq++);
    pvs_snprintf(hdr_ticket, sizeof(hdr_ticket), "X-Pvsentry-Ticket: %s", tid);
    pvs_snprintf(hdr_aud, sizeof(hdr_aud), "X-Pvsentry-Audience: %s", audience);
    pvs_snprintf(hdr_kind, sizeof(hdr_kind), "X-Pvsentry-Kind: %s", kind);
    headers[0] = hdr_ticket;
    headers[1] = hdr_aud;
    headers[2] = hdr_kind;
    headers[3] = "Auto-Submitted: auto-generated";
    headers[4] = NULL;
    pvs_snprintf(addr, sizeof(addr), "%s <%s>", to->name, to->email);

    {
        char *mail = pvs_email_build(e->cfg->smtp->from, addr, subject, body,
                                     msgid, now, headers, attachment);
        id = engine_queue_raw(e, ticket_id, "email", audience, kind, to->email,
                              subject, mail, msgid, now, hold_until, note);
        pvs_free(mail);
    }
    pvs_free(subject);
    pvs_free(body);
    pvs_free(text);
    return id;
}

int64_t engine_queue_raw(struct pvs_engine *e, int64_t ticket_id,
                         const char *channel, const char *audience,
                         const char *kind, const char *recipient,
                         const char *subject, const char *body,
                         const char *message_id, int64_t now,
                         int64_t hold_until, const char *note) {
    struct pvs_outbox o;
    enum pvs_err rc;
    int64_t id = 0;

    if (e->txn_rc)
        return 0;
    memset(&o, 0, sizeof(o));
    o.ticket_id = ticket_id;
    o.channel = (char *)(uintptr_t)channel;
    o.audience = (char *)(uintptr_t)audience;
    o.kind = (char *)(uintptr_t)kind;
    o.recipient = (char *)(uintptr_t)recipient;
    o.subject = (char *)(uintptr_t)subject;
    o.body = (char *)(uintptr_t)body;
    o.message_id = (char *)(uintptr_t)message_id;
    o.created_ms = now;
    o.next_attempt_ms = now;
    rc = pvs_store_outbox_add(e->st, &o);
    if (!rc && hold_until > now)
        rc = pvs_store_outbox_hold(e->st, o.id, hold_until, note);
    if (rc) {
        e->txn_rc = rc;
        return 0;
    }
    id = o.id;
    if (hold_until <= now)
        engine_ids_add(&e->fresh, &e->nfresh, &e->fresh_cap, o.id);
    engine_wrote(e, pvs_store_ticket_event(e->st, ticket_id, now,
                                           hold_until > now ? "message_held"
                                                            : "message_queued",
                                           "pvsentry", subject));
    return id;
}

/* Hand a committed outbox row to the notifier. */
void engine_submit(struct pvs_engine *e, int64_t id) {
    struct pvs_outbox o;
    struct pvs_job *j;
    enum pvs_err rc;

    if (!e->notifier || engine_ids_has(e->inflight, e->ninflight, id))
        return;
    if (pvs_store_outbox_get(e->st, id, &o))
        return;
    if (strcmp(o.status, "pending")) {
        pvs_outbox_release(&o);
        return;
    }
    j = pvs_calloc(1, sizeof(*j));
    j->outbox_id = o.id;
    j->ticket_id = o.ticket_id;
    j->audience = o.audience;
    j->channel = o.channel;
    j->recipient = o.recipient;
    j->body = o.body;
    j->message_id = o.message_id;
    j->created_ms = o.created_ms;
    j->attempts = (int)o.attempts;
    o.audience = o.channel = o.recipient = o.body = o.message_id = NULL;
    pvs_outbox_release(&o);
    rc = pvs_notifier_submit(e->notifier, j);
    if (rc) {
        /* Stays pending in the store; the next rescan tries again. */
        pvs_job_free(j);
        return;
    }
    j = NULL;
    engine_ids_add(&e->inflight, &e->ninflight, &e->inflight_cap, id);
}

static void rescan_outbox(struct pvs_engine *e) {
    int64_t *ids = NULL;
    size_t n = 0;

    if (pvs_store_outbox_pending(e->st, &ids, &n))
        return;
    for (size_t i = 0; i < n; i++)
        engine_submit(e, ids[i]);
    pvs_free(ids);
}

/* ---- alerts -> tickets ---- */

void engine_fact(struct mail_facts *f, const char *name, const char *value) {
    PVS_ASSERT(f->n < PVS_ARRAY_LEN(f->v));
    f->v[f->n].name = name;
    f->v[f->n].value = value;
    f->n++;
}

const char *engine_fact_get(const struct mail_facts *f, const char *name) {
    for (size_t i = f->n; i-- > 0;)
        if (!strcmp(f->v[i].name, name))
            return f->v[i].value;
    return NULL;
}

char *engine_fact_buf(struct mail_facts *f) {
    PVS_ASSERT(f->nbuf < PVS_ARRAY_LEN(f->buf));
    return f->buf[f->nbuf++];
}

const char *engine_kb_part(const char *lang, const char *kb, const char *mark,
                           char *buf, size_t size) {
    char path[128];
    const char *text = NULL, *p, *end;

    if (!kb)
        return NULL;
    /* A language's own steps (rules/kb/<lang>/), else the article's. */
    if (lang && strcmp(lang, "en")) {
        pvs_snprintf(path, sizeof(path), "rules/kb/%s/%s.md", lang, kb);
        text = pvs_embed_get(path, NULL);
        if (text && !strstr(text, mark))
            text = NULL;
    }
    if (!text) {
        pvs_snprintf(path, sizeof(path), "rules/kb/%s.md", kb);
        text = pvs_embed_get(path, NULL);
    }
    p = text ? strstr(text, mark) : NULL;
    if (!p)
        return NULL;
    p += strlen(mark);
    while (*p == ' ')
        p++;
    end = strstr(p, "\n\n");
    if (!end)
        end = p + strlen(p);
    while (end > p && end[-1] == '\n')
        end--;
    pvs_snprintf(buf, size, "%.*s", (int)(end - p), p);
    return buf;
}

/*
 * The event code the device reports, decoded with its vendor's table:
 * from the alert's subject ("vendor:3501") or, for a plain fault state,
 * the device's latest vendor_event reading. NULL when there is none.
 */
static const char *event_code(struct pvs_engine *e, const char *lang,
                              const struct pvs_device *dev, const char *subject,
                              char *buf, size_t size) {
    struct pvs_vendor_table *vt = NULL;
    const struct pvs_vendor_code *c;
    int64_t code = 0;
    double v;

    if (!dev || !dev->vendor)
        return NULL;
    if (subject && !strncmp(subject, "vendor:", 7)) {
        if (pvs_parse_i64(subject + 7, &code))
            return NULL;
    } else if (!pvs_store_last_reading(e->st, dev->obj.id, "vendor_event",
                                       &v) &&
               v >= 1 && v < 1e9) {
        code = (int64_t)v;
    }
    if (!code)
        return NULL;
    if (pvs_vendor_table_load(dev->vendor, &vt)) {
        pvs_snprintf(buf, size, "%s %lld", dev->vendor, (long long)code);
        return buf;
    }
    c = pvs_vendor_table_lookup(vt, code);
    if (c)
        pvs_snprintf(buf, size, "%s %lld: %s (%s)", dev->vendor,
                     (long long)code, c->description, c->name);
    else {
        char num[24];
        struct pvs_tvar tv[2] = {{"vendor", dev->vendor}, {"code", num}};
        pvs_snprintf(num, sizeof(num), "%lld", (long long)code);
        engine_word(lang, "tech.event_unknown", tv, 2, buf, size);
    }
    pvs_vendor_table_free(vt);
    return buf;
}

void engine_flow_ack_id(const struct pvs_ticket *t,
                        const struct pvs_person *tech, char *buf, size_t size) {
    bool fits = tech && strlen(tech->obj.id) < 64;

    for (const char *p = tech ? tech->obj.id : ""; fits && *p; p++)
        fits = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
               (*p >= '0' && *p <= '9') || *p == '_';
    if (fits)
        pvs_snprintf(buf, size, "%lld-%s", (long long)t->id, tech->obj.id);
    else
        pvs_snprintf(buf, size, "%lld", (long long)t->id);
}

void engine_common_facts(struct pvs_engine *e, struct mail_facts *f,
                         const struct pvs_ticket *t,
                         const struct pvs_alert_event *ev) {
    const struct pvs_site *site = ev->site;
    const struct pvs_device *dev = ev->device;
    const struct pvs_person *tech;
    const char *lang;
    char *b, dev_words[96], key[64];
    double per_day = ev->lost_kwh_per_day;
    bool firing;
    struct pvs_tvar dv[1] = {{"device", dev_words}};

    tech = t->assignee ? pvs_config_technician(e->cfg, t->assignee) : NULL;
    lang = tech && tech->language ? tech->language : "en";
    if (per_day <= 0 && t->fingerprint)
        pvs_store_alert_latest(e->st, t->fingerprint, &firing, &per_day);
    engine_fact(f, "ticket_id", (b = engine_fact_buf(f)));
    pvs_snprintf(b, PVS_FACT_MAX, "%lld", (long long)t->id);
    /* The title in the technician's words; the ticket keeps its own. */
    if (dev) {
        char kw[48], kind[48];
        pvs_snprintf(kind, sizeof(kind), "tech.kind.%s",
                     dev->kind ? dev->kind : "device");
        pvs_snprintf(dev_words, sizeof(dev_words), "%s %s",
                     engine_word(lang, kind, NULL, 0, kw, sizeof(kw)),
                     dev->obj.id);
    } else
        engine_word(lang, "tech.site", NULL, 0, dev_words, sizeof(dev_words));
    b = engine_fact_buf(f);
    family_word(lang, "tech.title", ev->family, dv, 1, b, PVS_FACT_MAX);
    if (ev->subject[0] && strcmp(ev->subject, "fault") &&
        strcmp(ev->subject, "-")) {
        size_t n = strlen(b);
        pvs_snprintf(b + n, PVS_FACT_MAX - n, " (%s)", ev->subject);
    }
    if (b[0] >= 'a' && b[0] <= 'z')
        b[0] = (char)(b[0] - 'a' + 'A');
    engine_fact(f, "title", b);
    pvs_snprintf(key, sizeof(key), "sev.%s", pvs_severity_name(ev->severity));
    engine_fact(
        f, "severity",
        engine_word(lang, key, NULL, 0, engine_fact_buf(f), PVS_FACT_MAX));
    engine_fact(f, "site_name",
                site ? (site->name ? site->name : site->obj.id)
                     : "(unknown site)");
    engine_fact(f, "address", site ? site->address : NULL);
    engine_fact(f, "access_notes", site ? site->access_notes : NULL);
    engine_fact(f, "device", dev ? dev->obj.id : NULL);
    engine_fact(f, "device_label", dev ? dev->label : NULL);
    engine_fact(f, "device_model", dev ? dev->model : NULL);
    engine_fact(f, "rule", ev->rule_id);
    engine_fact(f, "family", ev->family);
    /* In the technician's language, from the rules' keys and values. */
    engine_fact(f, "evidence",
                pvs_template_evidence(
                    lang, ev->evidence_src[0] ? ev->evidence_src : ev->evidence,
                    engine_fact_buf(f), PVS_FACT_MAX));
    engine_fact(f, "explanation",
                pvs_template_evidence(lang,
                                      ev->explanation_src[0]
                                          ? ev->explanation_src
                                          : ev->explanation,
                                      engine_fact_buf(f), PVS_FACT_MAX));
    engine_fact(f, "event_code",
                event_code(e, lang, dev, ev->subject, engine_fact_buf(f),
                           PVS_FACT_MAX));
    engine_fact(f, "kb", ev->kb);
    engine_fact(f, "kb_check",
                engine_kb_part(lang, ev->kb, "**Confirm on site.**",
                               engine_fact_buf(f), PVS_FACT_MAX));
    engine_fact(f, "kb_fix",
                engine_kb_part(lang, ev->kb, "**Typical fix.**",
                               engine_fact_buf(f), PVS_FACT_MAX));
    engine_fact(f, "kb_bring",
                engine_kb_part(lang, ev->kb, "**Bring.**", engine_fact_buf(f),
                               PVS_FACT_MAX));
    engine_fact(f, "since", (b = engine_fact_buf(f)));
    engine_fmt_time(e, site, ev->started_ms, b, PVS_FACT_MAX);
    engine_fact(f, "since_local", (b = engine_fact_buf(f)));
    engine_fmt_time_words(e, site, ev->started_ms, b, PVS_FACT_MAX);
    /* One figure, rendered here only: the ticket's stored loss so far
     * and the alert's current rate. */
    engine_fact(f, "lost", (b = engine_fact_buf(f)));
    engine_fmt_lost(lang, t->lost_kwh, per_day, b, PVS_FACT_MAX);
    engine_fact(f, "lost_words", (b = engine_fact_buf(f)));
    b[0] = '\0';
    if (per_day > 0.05) {
        char kwh[32], clang[16];
        struct pvs_tvar kv[1] = {{"kwh", kwh}};
        pvs_snprintf(kwh, sizeof(kwh), "%.1f", per_day);
        engine_site_lang(e, site, clang, sizeof(clang));
        engine_word(clang, "energy", kv, 1, b, PVS_FACT_MAX);
    }
    /* The alert's one figure (rules.h), as numbers for any layout. */
    engine_fact(f, "lost_kwh", (b = engine_fact_buf(f)));
    pvs_snprintf(b, PVS_FACT_MAX, "%.1f", t->lost_kwh > 0 ? t->lost_kwh : 0);
    engine_fact(f, "lost_kwh_per_day", (b = engine_fact_buf(f)));
    pvs_snprintf(b, PVS_FACT_MAX, "%.1f", per_day);
    engine_fact(f, "next_step",
                family_word(lang, "tech.next", ev->family, NULL, 0,
                            engine_fact_buf(f), PVS_FACT_MAX));
    if (tech) {
        engine_fact(f, "technician_name", tech->name);
        engine_fact(
            f, "technician_first",
            engine_first_name(tech->name, engine_fact_buf(f), PVS_FACT_MAX));
    } else {
        char clang[16];
        engine_site_lang(e, site, clang, sizeof(clang));
        engine_fact(f, "technician_name", "team");
        engine_fact(f, "technician_first",
                    engine_word(clang, "technician", NULL, 0,
                                engine_fact_buf(f), PVS_FACT_MAX));
    }
    if (e->cfg->global.public_url && t->id > 0) {
        const char *base = e->cfg->global.public_url;
        size_t n = strlen(base);
        char id[96];

        engine_fact(f, "ticket_link", (b = engine_fact_buf(f)));
        pvs_snprintf(b, PVS_FACT_MAX, "%.*s/#/ticket/%lld",
                     (int)(n && base[n - 1] == '/' ? n - 1 : n), base,
                     (long long)t->id);
        engine_flow_ack_id(t, tech, id, sizeof(id));
        engine_fact(f, "ack_link", (b = engine_fact_buf(f)));
        engine_flow_link_id(e, "ack", id, ev->ts_ms, b, PVS_FACT_MAX);
    }
    if (site && site->customer) {
        engine_fact(f, "customer_name", site->customer->name);
        engine_fact(f, "customer_phone", site->customer->phone);
        engine_fact(f, "customer_language", site->customer->language);
    }
}

void engine_customer_words(struct pvs_engine *e, struct mail_facts *f,
                           const struct pvs_site *site,
                           const struct pvs_alert_event *ev) {
    char lang[16];
    char *subj = engine_fact_buf(f), *what = engine_fact_buf(f);
    struct pvs_tvar v[1] = {{"device", subj}};

    engine_site_lang(e, site, lang, sizeof(lang));
    if (ev->device)
        device_words(e, lang, ev->device, subj, PVS_FACT_MAX);
    else
        engine_word(lang, "installation", NULL, 0, subj, PVS_FACT_MAX);
    family_word(lang, "what",
                words_for(ev->family)->customer ? ev->family : NULL, v, 1, what,
                PVS_FACT_MAX);
    engine_fact(f, "customer_subject", subj);
    engine_fact(f, "customer_what", what);
    engine_fact(f, "customer_title",
                family_word(lang, "title",
                            words_for(ev->family)->customer ? ev->family : NULL,
                            NULL, 0, engine_fact_buf(f), PVS_FACT_MAX));
}

static void engine_make_title(const struct pvs_alert_event *ev, char *buf,
                              size_t size) {
    const struct family_words *w = words_for(ev->family);
    char dev[96];

    if (ev->device)
        pvs_snprintf(dev, sizeof(dev), "%s %s",
                     ev->device->kind ? ev->device->kind : "device",
                     ev->device->obj.id);
    else
        pvs_snprintf(dev, sizeof(dev), "the site");
    subst(buf, size, w->title, dev);
    if (ev->subject[0] && strcmp(ev->subject, "fault") &&
        strcmp(ev->subject, "-")) {
        size_t n = strlen(buf);
        pvs_snprintf(buf + n, size - n, " (%s)", ev->subject);
    }
    if (buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
}

bool engine_customer_affected(const struct pvs_alert_event *ev) {
    return words_for(ev->family)->customer && ev->severity >= PVS_SEV_WARNING &&
           !ev->silenced;
}

/* Families that name a cause; the others often follow from one. */
static bool is_cause(const char *family) {
    return pvs_alert_family_is_cause(family);
}

/*
 * One ticket per problem: an inverter in fault also underperforms and
 * looks frozen. A consequence on a device whose cause already has an
 * active ticket joins that ticket's timeline instead of opening another.
 */
static bool fold_into_cause(struct pvs_engine *e,
                            const struct pvs_alert_event *ev,
                            const char *text) {
    int64_t *ids = NULL;
    size_t n = 0;
    char line[700];

    if (!ev->device || !strcmp(ev->family, "fault_code"))
        return false;
    /* No data from an inverter in fault is the same problem; so is
     * everything else that follows from a fault or a dead link. */
    if (pvs_store_device_active(e->st, ev->device->obj.id,
                                !strcmp(ev->family, "communication")
                                    ? PVS_FAMILIES_FAULT
                                    : PVS_FAMILIES_CAUSES,
                                &ids, &n) ||
        !n) {
        pvs_free(ids);
        return false;
    }
    pvs_snprintf(line, sizeof(line), "%s (%s): %s", ev->family, ev->fingerprint,
                 text);
    engine_wrote(e, pvs_store_ticket_event(e->st, ids[0], ev->ts_ms,
                                           "related_alert", "pvsentry", line));
    pvs_info("ticket #%lld: related alert %s joins it", (long long)ids[0],
             ev->fingerprint);
    pvs_free(ids);
    return true;
}

/* A cause opened its ticket: consequences already open merge into it. */
static void merge_set(struct pvs_engine *e, const struct pvs_ticket *cause,
                      enum pvs_family_set set, int64_t now) {
    int64_t *ids = NULL;
    size_t n = 0;
    char line[200];

    if (pvs_store_device_active(e->st, cause->device, set, &ids, &n))
        return;
    for (size_t i = 0; i < n; i++) {
        struct pvs_ticket t;
        if (ids[i] == cause->id || pvs_store_ticket_get(e->st, ids[i], &t))
            continue;
        pvs_free(t.status);
        t.status = pvs_strdup("merged");
        t.closed_ms = now;
        t.updated_ms = now;
        if (!e->txn_rc)
            e->txn_rc = pvs_store_ticket_update(e->st, &t);
        pvs_snprintf(line, sizeof(line),
                     "merged into ticket #%lld, which has the cause",
                     (long long)cause->id);
        engine_wrote(e, pvs_store_ticket_event(e->st, t.id, now, "merged",
                                               "pvsentry", line));
        pvs_snprintf(line, sizeof(line), "ticket #%lld (%s) merged in",
                     (long long)t.id, t.family);
        engine_wrote(e, pvs_store_ticket_event(e->st, cause->id, now,
                                               "merged_in", "pvsentry", line));
        pvs_ticket_release(&t);
    }
    pvs_free(ids);
}

static void merge_consequences(struct pvs_engine *e,
                               const struct pvs_ticket *cause, int64_t now) {
    if (!cause->device || !is_cause(cause->family))
        return;
    merge_set(e, cause, PVS_FAMILIES_CONSEQUENCE, now);
    if (!strcmp(cause->family, "fault_code"))
        merge_set(e, cause, PVS_FAMILIES_COMMUNICATION, now);
}

static void on_firing(struct pvs_engine *e, const struct pvs_alert_event *ev) {
    struct pvs_ticket t, existing;
    bool have = false;
    enum pvs_ticket_action act;
    struct mail_facts f;
    char title[200], text[512], why[300];
    int64_t now = ev->ts_ms;
    const struct pvs_site *site = ev->site;
    enum pvs_err rc;

    memset(&t, 0, sizeof(t));
    rc = pvs_store_ticket_by_fp(e->st, ev->fingerprint, &existing);
    if (rc && rc != PVS_ERR_NOTFOUND) {
        e->txn_rc = rc;
        return;
    }
    have = !rc;
    act = pvs_ticket_on_firing(have ? &existing : NULL, now,
                               e->cfg->global.reopen_window_ms);
    pvs_snprintf(text, sizeof(text), "%s: %s", pvs_severity_name(ev->severity),
                 ev->evidence);
    if (act == PVS_TICKET_REPEAT) {
        existing.updated_ms = now;
        existing.lost_kwh += ev->lost_kwh - ev->lost_kwh_before;
        if (!e->txn_rc)
            e->txn_rc = pvs_store_ticket_update(e->st, &existing);
        engine_wrote(e,
                     pvs_store_ticket_event(e->st, existing.id, now,
                                            "alert_repeat", "pvsentry", text));
        pvs_info("ticket #%lld: the problem fired again (%s)",
                 (long long)existing.id, ev->fingerprint);
        memset(&f, 0, sizeof(f));
        engine_common_facts(e, &f, &existing, ev);
        engine_customer_words(e, &f, site, ev);
        engine_flow_repeat(e, &existing, ev, &f);
        pvs_ticket_release(&existing);
        return;
    }
    memset(&f, 0, sizeof(f));
    if (act == PVS_TICKET_REOPEN) {
        char ago[64];
        int64_t mins = (now - existing.resolved_ms) / 60000;
        pvs_free(existing.status);
        existing.status = pvs_strdup(existing.assignee ? "assigned" : "open");
        existing.updated_ms = now;
        existing.resolved_ms = 0;
        existing.closed_ms = 0;
        if (!e->txn_rc)
            e->txn_rc = pvs_store_ticket_update(e->st, &existing);
        engine_wrote(e, pvs_store_ticket_event(e->st, existing.id, now,
                                               "reopened", "pvsentry", text));
        pvs_info("ticket #%lld reopened (%s)", (long long)existing.id,
                 ev->fingerprint);
        {
            const struct pvs_person *tech =
                existing.assignee
                    ? pvs_config_technician(e->cfg, existing.assignee)
                    : NULL;
            char n[24];
            struct pvs_tvar v[1] = {{"n", n}};
            pvs_snprintf(n, sizeof(n), "%lld", (long long)mins);
            engine_word(tech && tech->language ? tech->language : "en",
                        "tech.ago", v, 1, ago, sizeof(ago));
        }
        engine_common_facts(e, &f, &existing, ev);
        engine_fact(&f, "ago", ago);
        engine_queue_mail(e, existing.id, "technician", "alert",
                          existing.assignee
                              ? pvs_config_technician(e->cfg, existing.assignee)
                              : NULL,
                          "tech_reopened", f.v, f.n, now, 0, NULL, NULL);
        pvs_ticket_release(&existing);
        return;
    }
    if (have)
        pvs_ticket_release(&existing);
    if (fold_into_cause(e, ev, text))
        return;

    engine_make_title(ev, title, sizeof(title));
    t.fingerprint = pvs_strdup(ev->fingerprint);
    t.site = site ? pvs_strdup(site->obj.id) : NULL;
    t.device = ev->device ? pvs_strdup(ev->device->obj.id) : NULL;
    t.rule = pvs_strdup(ev->rule_id);
    t.family = pvs_strdup(ev->family);
    t.subject = pvs_strdup(ev->subject);
    t.severity = pvs_strdup(pvs_severity_name(ev->severity));
    t.title = pvs_strdup(title);
    t.opened_ms = now;
    t.updated_ms = now;
    t.lost_kwh = ev->lost_kwh;
    engine_flow_route(e, &t, ev, why, sizeof(why));
    if (!e->txn_rc)
        e->txn_rc = pvs_store_ticket_create(e->st, &t);
    if (e->txn_rc) {
        pvs_ticket_release(&t);
        return;
    }
    pvs_stats_add(PVS_STAT_TICKETS_OPENED, 1);
    pvs_info("ticket #%lld opened: %s (%s)", (long long)t.id, title,
             ev->fingerprint);
    engine_wrote(e, pvs_store_ticket_event(e->st, t.id, now, "opened",
                                           "pvsentry", text));
    engine_wrote(e, pvs_store_ticket_event(e->st, t.id, now, "assigned",
                                           "pvsentry", why));
    merge_consequences(e, &t, now);
    if (ev->silenced) {
        engine_wrote(e, pvs_store_ticket_event(
                            e->st, t.id, now, "silenced", "pvsentry",
                            "a silence covers this problem: nobody is "
                            "notified"));
        pvs_ticket_release(&t);
        return;
    }
    engine_common_facts(e, &f, &t, ev);
    engine_customer_words(e, &f, site, ev);
    engine_flow_opened(e, &t, ev, &f);
    pvs_ticket_release(&t);
}

static void on_resolved(struct pvs_engine *e,
                        const struct pvs_alert_event *ev) {
    struct pvs_ticket t;
    struct mail_facts f;
    char text[256], was[32];
    enum pvs_err rc;

    rc = pvs_store_ticket_by_fp(e->st, ev->fingerprint, &t);
    if (rc) {
        if (rc != PVS_ERR_NOTFOUND)
            e->txn_rc = rc;
        return;
    }
    if (!pvs_ticket_is_active(t.status)) {
        pvs_ticket_release(&t);
        return;
    }
    pvs_strlcpy(was, t.status, sizeof(was));
    pvs_free(t.status);
    t.status = pvs_strdup("resolved");
    t.updated_ms = ev->ts_ms;
    t.resolved_ms = ev->ts_ms;
    t.lost_kwh += ev->lost_kwh - ev->lost_kwh_before;
    if (!e->txn_rc)
        e->txn_rc = pvs_store_ticket_update(e->st, &t);
    pvs_snprintf(text, sizeof(text),
                 "the data shows recovery; %.1f kWh lost in all", t.lost_kwh);
    engine_wrote(e, pvs_store_ticket_event(e->st, t.id, ev->ts_ms, "recovered",
                                           "pvsentry", text));
    pvs_info("ticket #%lld resolved: the data shows recovery (%s)",
             (long long)t.id, ev->fingerprint);
    memset(&f, 0, sizeof(f));
    engine_common_facts(e, &f, &t, ev);
    engine_customer_words(e, &f, ev->site, ev);
    engine_flow_resolved(e, &t, was, ev, &f);
    pvs_ticket_release(&t);
}

/* A firing alert's lost energy grew: its ticket carries the same figure
 * to every page and report. */
static void on_update(struct pvs_engine *e, const struct pvs_alert_event *ev) {
    struct pvs_ticket t;
    enum pvs_err rc;

    rc = pvs_store_ticket_by_fp(e->st, ev->fingerprint, &t);
    if (rc) {
        if (rc != PVS_ERR_NOTFOUND)
            e->txn_rc = rc;
        return;
    }
    if (pvs_ticket_is_active(t.status)) {
        t.lost_kwh += ev->lost_kwh - ev->lost_kwh_before;
        if (pvs_severity_parse(t.severity) < (int)ev->severity) {
            pvs_free(t.severity);
            t.severity = pvs_strdup(pvs_severity_name(ev->severity));
            engine_wrote(e, pvs_store_ticket_event(e->st, t.id, ev->ts_ms,
                                                   "severity", "pvsentry",
                                                   ev->evidence));
        }
        t.updated_ms = ev->ts_ms;
        if (!e->txn_rc)
            e->txn_rc = pvs_store_ticket_update(e->st, &t);
    }
    pvs_ticket_release(&t);
}

static void on_alert(void *ud, const struct pvs_alert_event *rev) {
    struct pvs_engine *e = ud;
    enum pvs_err rc;
    struct pvs_alert_event loc = *rev, *ev = &loc;

    /* Stored, logged and sent to machines in English; each person's
     * message renders the rules' own form in their language. */
    pvs_strlcpy(loc.evidence_src, rev->evidence, sizeof(loc.evidence_src));
    pvs_strlcpy(loc.explanation_src, rev->explanation,
                sizeof(loc.explanation_src));
    pvs_template_evidence("en", rev->evidence, loc.evidence,
                          sizeof(loc.evidence));
    pvs_template_evidence("en", rev->explanation, loc.explanation,
                          sizeof(loc.explanation));

    if (ev->state == PVS_ALERT_UPDATE) {
        if (e->txn_rc)
            return;
        e->txn_rc = pvs_store_add_alert(e->st, ev);
        if (!e->txn_rc)
            on_update(e, ev);
        return;
    }
    if (ev->state == PVS_ALERT_FIRING) {
        pvs_stats_add(PVS_STAT_ALERTS_FIRED, 1);
        pvs_warn("alert firing: %s (%s): %s", ev->fingerprint,
                 pvs_severity_name(ev->severity), ev->evidence);
    } else {
        pvs_stats_add(PVS_STAT_ALERTS_RESOLVED, 1);
        pvs_info("alert resolved: %s after %.1f kWh lost", ev->fingerprint,
                 ev->lost_kwh);
    }
    if (e->txn_rc)
        return;
    rc = pvs_store_add_alert(e->st, ev);
    if (rc) {
        e->txn_rc = rc;
        return;
    }
    if (ev->state == PVS_ALERT_FIRING)
        on_firing(e, ev);
    else
        on_resolved(e, ev);
}

/* What the rules learnt (reporting envelopes) survives restarts and
 * reloads: saved hourly and at stop, given back at start. */
static void learnt_put(void *ud, const char *rule, const char *device,
                       const char *text) {
    struct pvs_engine *e = ud;

    if (!e->txn_rc)
        e->txn_rc = pvs_store_learnt_put(e->st, rule, device, text);
}

static void learnt_get(void *ud, const char *rule, const char *device,
                       const char *text) {
    struct pvs_engine *e = ud;

    if (pvs_ruleset_load_learnt(e->rules, rule, device, text))
        pvs_debug("restored what rule '%s' learnt about '%s'", rule, device);
}

static void save_learnt(struct pvs_engine *e) {
    if (pvs_store_begin(e->st))
        return;
    e->txn_rc = PVS_OK;
    pvs_ruleset_save_learnt(e->rules, learnt_put, e);
    if (e->txn_rc || pvs_store_commit(e->st)) {
        pvs_store_rollback(e->st);
        pvs_warn("cannot save what the rules learnt: %s",
                 pvs_store_errmsg(e->st));
    }
}

static void on_restore(void *ud, const struct pvs_alert_event *ev) {
    struct pvs_engine *e = ud;

    if (pvs_ruleset_restore(e->rules, ev))
        pvs_debug("restored firing alert %s", ev->fingerprint);
}

/* ---- inbox ---- */

static void handle_samples(struct pvs_engine *e, struct pvs_msg *m,
                           int64_t now) {
    int64_t late = e->cfg->global.late_window_ms;

    for (size_t i = 0; i < m->nsamples; i++) {
        struct pvs_sample *s = &m->samples[i];
        double lo, hi;

        if (s->dev >= e->cfg->ndevices || s->metric >= PVS_M__COUNT)
            continue;
        pvs_metric_range((enum pvs_metric)s->metric, &lo, &hi);
        if (s->quality == PVS_Q_OK &&
            (!isfinite(s->value) || s->value < lo || s->value > hi))
            s->quality = PVS_Q_OUT_OF_RANGE;
        if (s->ts_ms > now + 3600000) {
            /* A clock an hour ahead would stall every timer: keep the
             * reading, mark it, do not let it move rule time. */
            s->quality = PVS_Q_OUT_OF_RANGE;
        }
        if (s->quality != PVS_Q_OK)
            pvs_stats_add(PVS_STAT_SAMPLES_BAD, 1);
    }
    if (!e->txn_rc) {
        enum pvs_err rc =
            pvs_store_add_samples(e->st, e->cfg, m->samples, m->nsamples);
        if (rc)
            e->txn_rc = rc;
    }
    pvs_stats_add(PVS_STAT_SAMPLES_IN, m->nsamples);
    for (size_t i = 0; i < m->nsamples; i++) {
        struct pvs_sample *s = &m->samples[i];
        int64_t *last;

        engine_rollup_sample(e, s);
        if (s->dev >= e->cfg->ndevices || s->quality != PVS_Q_OK)
            continue;
        last = &e->last_ts[s->dev];
        if (s->ts_ms < *last - late) {
            pvs_stats_add(PVS_STAT_SAMPLES_LATE, 1);
            continue;
        }
        if (s->ts_ms > *last)
            *last = s->ts_ms;
        pvs_ruleset_sample(e->rules, s);
    }
}

static void handle_delivery(struct pvs_engine *e, struct pvs_msg *m) {
    const char *status = m->ok ? "sent" : m->permanent ? "dead" : "pending";
    struct pvs_outbox o;

    if (m->ok)
        pvs_stats_add(PVS_STAT_MESSAGES_SENT, 1);
    else
        pvs_stats_add(PVS_STAT_MESSAGES_FAILED, 1);
    if (m->permanent)
        pvs_stats_add(PVS_STAT_MESSAGES_DEAD, 1);
    if (e->txn_rc)
        return;
    e->txn_rc = pvs_store_outbox_attempt(e->st, m->outbox_id, m->ts_ms, m->ok,
                                         m->error, status);
    if (m->ok || m->permanent) {
        engine_ids_del(e->inflight, &e->ninflight, m->outbox_id);
        if (!pvs_store_outbox_get(e->st, m->outbox_id, &o)) {
            char text[300];
            pvs_snprintf(text, sizeof(text), "%s %s to %s%s%s", o.audience,
                         o.kind, o.recipient, m->ok ? "" : ": ",
                         m->ok ? "" : m->error);
            engine_wrote(e, pvs_store_ticket_event(e->st, o.ticket_id, m->ts_ms,
                                                   m->ok ? "notified"
                                                         : "delivery_failed",
                                                   "notifier", text));
            pvs_outbox_release(&o);
        }
    }
}

static void handle_device_info(struct pvs_engine *e, struct pvs_msg *m) {
    bool replaced = false;
    const struct pvs_device *d;
    char sn[PVS_ESC_SIZE];

    if (m->dev >= e->cfg->ndevices || e->txn_rc)
        return;
    d = e->cfg->devices[m->dev];
    e->txn_rc =
        pvs_store_device_info(e->st, d->obj.id, m->serial, m->manufacturer,
                              m->model, m->ts_ms, &replaced);
    if (replaced)
        pvs_info("device '%s' was replaced: new serial '%s'", d->obj.id,
                 pvs_esc(m->serial, sn, sizeof(sn)));
}

/* ---- commands from the API ---- */

/* Record the outcome; the caller hears it after the commit. */
void engine_reply(struct pvs_engine *e, struct pvs_command *c, enum pvs_err rc,
                  int status, const char *msg) {
    c->result = rc;
    c->http_status = status;
    if (msg != c->message)
        pvs_strlcpy(c->message, msg, sizeof(c->message));
    if (e->nanswers == e->answers_cap) {
        e->answers_cap = e->answers_cap ? e->answers_cap * 2 : 16;
        e->answers =
            pvs_realloc(e->answers, e->answers_cap * sizeof(*e->answers));
    }
    e->answers[e->nanswers++] = c;
}

static void flush_answers(struct pvs_engine *e, bool committed) {
    for (size_t i = 0; i < e->nanswers; i++) {
        struct pvs_command *c = e->answers[i];
        if (committed)
            pvs_command_answer(c, c->result, c->http_status, "%s", c->message);
        else
            pvs_command_answer(c, PVS_ERR_DB, 503,
                               "the database is not writable right now");
    }
    e->nanswers = 0;
}

struct transition {
    enum pvs_command_kind kind;
    const char *status; /* new status, NULL = unchanged */
    const char *event;
    bool needs_active;
};

static const struct transition transitions[] = {
    {PVS_CMD_TICKET_ACK, "acknowledged", "acknowledged", true},
    {PVS_CMD_TICKET_SCHEDULE, "scheduled", "scheduled", true},
    {PVS_CMD_TICKET_FIXED, "fixed", "fixed", true},
    {PVS_CMD_TICKET_CLOSE, "closed", "closed", false},
    {PVS_CMD_TICKET_COMMENT, NULL, "comment", false},
    {PVS_CMD_TICKET_HOLD, "on_hold", "on_hold", true},
    {PVS_CMD_TICKET_FALSE_ALARM, "false_alarm", "false_alarm", false},
    {PVS_CMD_TICKET_MERGE, "merged", "merged", false},
};

static void ticket_command(struct pvs_engine *e, struct pvs_command *c,
                           const struct transition *tr, int64_t now) {
    struct pvs_ticket t, other;
    char text[PVS_CMD_TEXT_MAX + 128];
    enum pvs_err rc = pvs_store_ticket_get(e->st, c->ticket_id, &t);

    if (rc == PVS_ERR_NOTFOUND) {
        engine_reply(e, c, rc, 404, "no such ticket");
        return;
    }
    if (rc) {
        e->txn_rc = rc;
        engine_reply(e, c, rc, 503, "cannot read the ticket");
        return;
    }
    if (tr->needs_active && !pvs_ticket_is_active(t.status)) {
        pvs_snprintf(text, sizeof(text), "ticket #%lld is %s", (long long)t.id,
                     t.status);
        engine_reply(e, c, PVS_ERR_INVAL, 409, text);
        pvs_ticket_release(&t);
        return;
    }
    if (c->kind == PVS_CMD_TICKET_MERGE) {
        if (c->other_id == t.id ||
            pvs_store_ticket_get(e->st, c->other_id, &other)) {
            engine_reply(e, c, PVS_ERR_INVAL, 400,
                         "merge needs another existing ticket");
            pvs_ticket_release(&t);
            return;
        }
        pvs_snprintf(text, sizeof(text), "ticket #%lld merged into this one",
                     (long long)t.id);
        engine_wrote(e, pvs_store_ticket_event(e->st, other.id, now,
                                               "merged_in", c->actor, text));
        pvs_ticket_release(&other);
    }
    if (c->kind == PVS_CMD_TICKET_SCHEDULE && c->value_ms) {
        char when[64];
        engine_fmt_time(e, pvs_config_site(e->cfg, t.site ? t.site : ""),
                        c->value_ms, when, sizeof(when));
        pvs_snprintf(text, sizeof(text), "visit planned for %s%s%s", when,
                     c->text[0] ? ": " : "", c->text);
    } else if (c->kind == PVS_CMD_TICKET_MERGE) {
        pvs_snprintf(text, sizeof(text), "merged into ticket #%lld%s%s",
                     (long long)c->other_id, c->text[0] ? ": " : "", c->text);
    } else {
        pvs_strlcpy(text, c->text, sizeof(text));
    }
    if (tr->status) {
        pvs_free(t.status);
        t.status = pvs_strdup(tr->status);
        if (c->kind == PVS_CMD_TICKET_CLOSE ||
            c->kind == PVS_CMD_TICKET_FALSE_ALARM ||
            c->kind == PVS_CMD_TICKET_MERGE)
            t.closed_ms = now;
    }
    t.updated_ms = now;
    if (!e->txn_rc)
        e->txn_rc = pvs_store_ticket_update(e->st, &t);
    engine_wrote(
        e, pvs_store_ticket_event(e->st, t.id, now, tr->event, c->actor, text));
    pvs_info("ticket #%lld: %s by %s", (long long)t.id, tr->event,
             c->actor[0] ? c->actor : "someone");
    c->result_id = t.id;
    engine_reply(e, c, PVS_OK, 200, t.status);
    pvs_ticket_release(&t);
}

/* API writes the running configuration reflects (config_merge.c). */
static bool changes_entities(int kind) {
    return kind == PVS_CMD_API_CREATE || kind == PVS_CMD_API_UPDATE ||
           kind == PVS_CMD_API_DELETE || kind == PVS_CMD_API_SILENCE_CREATE ||
           kind == PVS_CMD_API_SILENCE_DELETE ||
           kind == PVS_CMD_API_ERASE_CUSTOMER;
}

static void handle_command(struct pvs_engine *e, struct pvs_command *c,
                           int64_t now) {
    if (engine_flow_command(e, c, now))
        return;
    for (size_t i = 0; i < PVS_ARRAY_LEN(transitions); i++) {
        if (transitions[i].kind == c->kind) {
            ticket_command(e, c, &transitions[i], now);
            return;
        }
    }
    if (c->kind >= PVS_CMD_API_BASE) {
        enum pvs_err db = PVS_OK;
        if (pvs_engine_api_command(e->cfg, e->st, c, now, &db)) {
            if (db && !e->txn_rc)
                e->txn_rc = db;
            if (!c->result && changes_entities((int)c->kind))
                e->config_dirty = true;
            engine_reply(e, c, c->result, c->http_status, c->message);
            return;
        }
    }
    engine_reply(e, c, PVS_ERR_INVAL, 400, "this request is not supported");
}

static void handle(struct pvs_engine *e, struct pvs_msg *m, int64_t now) {
    switch (m->type) {
    case PVS_MSG_SAMPLES:
        handle_samples(e, m, now);
        break;
    case PVS_MSG_DELIVERY:
        handle_delivery(e, m);
        break;
    case PVS_MSG_DEVICE_INFO:
        handle_device_info(e, m);
        break;
    case PVS_MSG_COMMAND:
        handle_command(e, m->cmd, now);
        m->cmd = NULL; /* answered (or queued for answer) */
        break;
    case PVS_MSG_SOURCE_HEALTH:
        /* A collector of ours runs behind time (see check_health). */
        if (!strncmp(m->source, "late:", 5)) {
            if (!m->healthy)
                e->late_sources++;
            else if (e->late_sources)
                e->late_sources--;
        }
        pvs_debug("source '%s' is %s", m->source,
                  m->healthy ? "healthy" : "down");
        break;
    case PVS_MSG_CONFIG: /* engine_main hands it to switch_config */
    case PVS_MSG_DEVICE_STATUS:
        pvs_debug("source '%s' is %s", m->source,
                  m->healthy ? "healthy" : "down");
        break;
    }
}

static void check_health(struct pvs_engine *e, int64_t now, size_t n) {
    /*
     * The engine itself is an ingest source: a full batch with more
     * waiting means samples are late in the inbox, not missing. Silence
     * judged on the clock then would be wrong, so liveness is held back
     * as for a broker outage until the inbox is drained.
     */
    bool lagging = n == BATCH_MAX && pvs_queue_len(e->inbox) > 0;
    bool ok = true;
    int64_t mono = pvs_clock_mono_ms();

    /*
     * A batch that comes far later than the engine's longest wait means
     * this thread did not run (a starved CPU, a stopped process): the
     * silence it saw on the clock meanwhile is its own. Like a backlog,
     * it holds communication alerts back, then the grace period runs.
     */
    if (e->last_batch_mono && mono - e->last_batch_mono > STALL_MS) {
        pvs_warn("the engine did not run for %lld ms (the machine is "
                 "busy): holding back communication alerts",
                 (long long)(mono - e->last_batch_mono));
        lagging = true;
    }
    e->last_batch_mono = mono;
    lagging = lagging || e->late_sources > 0;

    if (lagging != e->lagging)
        pvs_info("%s", lagging ? "catching up with a backlog: holding back "
                                 "communication alerts"
                               : "backlog drained");
    e->lagging = lagging;
    ok = !lagging;

    for (size_t i = 0; i < e->nhealth; i++) {
        struct health *h = &e->health[i];
        bool cur = h->fn(h->ud);
        if (cur != h->last)
            pvs_info("ingest source '%s' is %s%s", h->name,
                     cur ? "healthy again" : "down",
                     cur ? "" : ": holding back communication alerts");
        h->last = cur;
        ok = ok && cur;
    }
    if (ok != e->ingest_ok)
        pvs_ruleset_set_ingest(e->rules, ok, now);
    e->ingest_ok = ok;
}

static void batch(struct pvs_engine *e, void **msgs, size_t n) {
    int64_t now = pvs_clock_now_ms();
    size_t nsamples = 0;
    enum pvs_err rc;

    e->txn_rc = pvs_store_begin(e->st);
    check_health(e, now, n);
    for (size_t i = 0; i < n; i++) {
        const struct pvs_msg *m = msgs[i];

        if (m->type == PVS_MSG_SAMPLES)
            nsamples += m->nsamples;
        handle(e, msgs[i], now);
        pvs_msg_free(msgs[i]);
    }
    if (now >= e->next_tick) {
        pvs_ruleset_tick(e->rules, now);
        if (!e->txn_rc)
            engine_flow_tick(e, now);
        e->next_tick = now + e->cfg->global.tick_ms;
    }
    if (now >= e->next_prune) {
        int64_t gone = 0;
        if (!e->txn_rc &&
            !pvs_store_prune_samples(e->st, now - e->cfg->global.retention_ms,
                                     &gone) &&
            gone)
            pvs_info("pruned %lld readings (device and instant) older than"
                     " the retention",
                     (long long)gone);
        if (!e->txn_rc && e->cfg->http && e->cfg->http->personal_retention_ms)
            engine_wrote(
                e, pvs_store_web_prune_personal(
                       e->st, now - e->cfg->http->personal_retention_ms, NULL));
        e->next_prune = now + PRUNE_EVERY_MS;
        pvs_ruleset_save_learnt(e->rules, learnt_put, e);
    }
    rc = engine_rollup_flush(e);
    if (rc && !e->txn_rc)
        e->txn_rc = rc;
    rc = e->txn_rc ? e->txn_rc : pvs_store_commit(e->st);
    pvs_stats_add(PVS_STAT_BATCHES, 1);
    if (rc) {
        char why[256];

        /* A write that failed inside the batch logged why already. */
        pvs_strlcpy(why,
                    e->txn_rc ? "one of its writes failed"
                              : pvs_store_errmsg(e->st),
                    sizeof(why));
        pvs_store_rollback(e->st);
        pvs_stats_add(PVS_STAT_DB_ERRORS, 1);
        pvs_stats_add(PVS_STAT_SAMPLES_LOST, nsamples);
        e->config_dirty = false;
        pvs_complain(&e->db_down, PVS_LOG_ERROR,
                     "cannot commit a batch of %zu messages (%zu samples "
                     "lost): %s",
                     n, nsamples, why);
        e->nfresh = 0;
        flush_answers(e, false);
        if (rc == PVS_ERR_IO && !e->store_away) {
            e->store_away = true;
            e->store_checked = pvs_clock_mono_ms();
            pvs_stats_add(PVS_STAT_INGEST_PAUSED, 1);
            pvs_error("the database is unreachable: ingest paused, messages "
                      "wait in the inbox and at the broker until it is back");
        }
        return;
    }
    flush_answers(e, true);
    pvs_complain_release(&e->db_down, "database writes work again");
    if (e->config_dirty && e->on_change)
        e->on_change(e->on_change_ud);
    e->config_dirty = false;
    for (size_t i = 0; i < e->nfresh; i++)
        engine_submit(e, e->fresh[i]);
    e->nfresh = 0;
    if (now >= e->next_rescan) {
        rescan_outbox(e);
        e->next_rescan = now + 60000;
    }
}

static void nap_ms(int64_t ms) {
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};

    nanosleep(&ts, NULL);
}

/*
 * Whether the database's file system has less than min_free_disk left.
 * Ingest then pauses before SQLite runs out of space in the middle of a
 * batch (whose samples would be lost, though the broker has the acks):
 * messages wait in the inbox, then in TCP and at the broker, and nothing
 * is written until space returns. Logged once each way and counted.
 */
static bool disk_low(struct pvs_engine *e) {
    struct statvfs fs;
    char dir[PATH_MAX];
    const char *slash;
    uint64_t avail;
    bool low;

    if (e->cfg->global.min_free_disk <= 0)
        return false;
    if (e->disk_low && pvs_clock_mono_ms() - e->disk_checked < DISK_RECHECK_MS)
        return true;
    slash = strrchr(e->cfg->global.database, '/');
    if (!slash)
        pvs_strlcpy(dir, ".", sizeof(dir));
    else if (slash == e->cfg->global.database)
        pvs_strlcpy(dir, "/", sizeof(dir));
    else
        pvs_snprintf(dir, sizeof(dir), "%.*s",
                     (int)(slash - e->cfg->global.database),
                     e->cfg->global.database);
    if (statvfs(dir, &fs))
        return false; /* cannot tell: let SQLite say */
    avail = (uint64_t)fs.f_bavail * fs.f_frsize;
    low = avail < (uint64_t)e->cfg->global.min_free_disk;
    e->disk_checked = pvs_clock_mono_ms();
    if (low && !e->disk_low) {
        pvs_stats_add(PVS_STAT_INGEST_PAUSED, 1);
        pvs_error("disk nearly full: %llu KiB free in '%s', under "
                  "min_free_disk (%lld KiB): ingest paused, messages wait "
                  "in the inbox and at the broker until space returns",
                  (unsigned long long)(avail / 1024), dir,
                  (long long)(e->cfg->global.min_free_disk / 1024));
    } else if (!low && e->disk_low) {
        pvs_info("disk space is back (%llu KiB free in '%s'): ingest resumed",
                 (unsigned long long)(avail / 1024), dir);
    }
    e->disk_low = low;
    return low;
}

/*
 * The next configuration, between two batches. Everything indexed by
 * device or site is carried over by id; the rules keep their state (see
 * pvs_ruleset_carry), so a change to one site touches no other alert.
 */
static void switch_config(struct pvs_engine *e, const struct pvs_msg *m) {
    const struct pvs_config *old = e->cfg, *next = m->cfg;
    struct pvs_ruleset *rs = NULL;
    struct pvs_cfg_errors errs;
    int64_t *last_ts = pvs_calloc(next->ndevices + 1, sizeof(int64_t));
    struct pvs_tz **tz = pvs_calloc(next->nsites + 1, sizeof(*tz));
    bool had_mqtt = false;

    memset(&errs, 0, sizeof(errs));
    /* main validated next with the same call: a failure is a bug. */
    PVS_ASSERT(!pvs_ruleset_new(next, on_alert, e, &rs, &errs));
    pvs_ruleset_carry(rs, e->rules);
    for (size_t d = 0; d < old->ndevices; d++) {
        const struct pvs_device *nd =
            pvs_config_device(next, old->devices[d]->obj.id);
        if (nd)
            last_ts[nd->index] = e->last_ts[d];
    }
    for (size_t i = 0; i < next->nsites; i++) {
        const struct pvs_site *ns = next->sites[i];
        const struct pvs_site *os = pvs_config_site(old, ns->obj.id);

        if (os && e->tz[os->index] && !strcmp(os->timezone, ns->timezone)) {
            tz[i] = e->tz[os->index];
            e->tz[os->index] = NULL;
        } else if (pvs_tz_load(ns->timezone, &tz[i])) {
            tz[i] = NULL;
        }
    }
    for (size_t i = 0; i < old->nsites; i++)
        pvs_tz_free(e->tz[i]);
    pvs_free(e->tz);
    e->tz = tz;
    pvs_free(e->last_ts);
    e->last_ts = last_ts;
    engine_flow_release(e);
    pvs_ruleset_free(e->rules);
    e->rules = rs;
    e->cfg = next;
    engine_rollup_switch(e, old);
    if (engine_flow_init(e))
        pvs_warn("cannot read the link key again: links keep the old one");
    for (size_t i = 0; i < e->nhealth; i++) {
        if (strcmp(e->health[i].name, "mqtt"))
            continue;
        had_mqtt = true;
        if (m->mqtt) {
            e->health[i].ud = m->mqtt;
        } else {
            e->health[i] = e->health[--e->nhealth];
            break;
        }
    }
    if (!had_mqtt && m->mqtt && e->nhealth < MAX_HEALTH)
        e->health[e->nhealth++] =
            (struct health){"mqtt", pvs_mqtt_healthy, m->mqtt, true};
    if (pvs_store_sync_config(e->st, next))
        pvs_warn("cannot mirror the configuration in the database: %s",
                 pvs_store_errmsg(e->st));
    pthread_mutex_lock(&e->gen_lock);
    e->gen++;
    pthread_cond_broadcast(&e->gen_cond);
    pthread_mutex_unlock(&e->gen_lock);
}

/* Batches end at each CONFIG message, which takes effect between them. */
static void batches(struct pvs_engine *e, void **msgs, size_t n) {
    size_t from = 0;

    for (size_t i = 0; i < n; i++) {
        struct pvs_msg *m = msgs[i];

        if (m->type != PVS_MSG_CONFIG)
            continue;
        if (i > from)
            batch(e, msgs + from, i - from);
        switch_config(e, m);
        pvs_msg_free(m);
        from = i + 1;
    }
    if (from < n || !n)
        batch(e, msgs + from, n - from);
}

/*
 * Whether the store's server is still away (a PostgreSQL restarting or
 * failing over): ingest stays paused, as for a full disk, and a batch is
 * tried again (which reconnects) every DISK_RECHECK_MS. Messages wait in
 * the inbox, then at the broker; the batch that was in flight when the
 * server went was rolled back as a whole and its samples counted lost.
 */
static bool store_away(struct pvs_engine *e) {
    if (!e->store_away)
        return false;
    if (pvs_clock_mono_ms() - e->store_checked < DISK_RECHECK_MS)
        return true;
    e->store_checked = pvs_clock_mono_ms();
    if (pvs_store_begin(e->st))
        return true;
    pvs_store_rollback(e->st);
    e->store_away = false;
    pvs_info("the database is reachable again: ingest resumed");
    return false;
}

static void *engine_main(void *arg) {
    struct pvs_engine *e = arg;
    void *msgs[BATCH_MAX];

    /*
     * Receivers first: on a busy machine the thread reading the broker
     * must not wait for the engine's CPU time, or TCP pushes back and the
     * broker holds messages. The engine works from its inbox and gets
     * every cycle the receivers leave; if it falls behind, the inbox
     * fills, the receivers block, and it catches up.
     */
    if (setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), ENGINE_NICE)) {
        char eb[128];
        pvs_debug("cannot lower the engine thread's priority: %s",
                  pvs_strerror(errno, eb, sizeof(eb)));
    }

    for (;;) {
        int64_t wait = pvs_clock_real_ms(e->next_tick - pvs_clock_now_ms());
        size_t n;

        if (wait > 200)
            wait = 200;
        if (wait < 1)
            wait = 1;
        if (disk_low(e) || store_away(e)) {
            if (pvs_queue_closed(e->inbox))
                break;
            nap_ms(DISK_RECHECK_MS / 5);
            continue;
        }
        n = pvs_queue_pop_batch(e->inbox, msgs, BATCH_MAX, (int)wait);
        if (!n && pvs_queue_closed(e->inbox))
            break;
        if (n >= GATHER_MIN && n < BATCH_MAX) {
            int64_t until = pvs_clock_mono_ms() + e->cfg->global.batch_ms;

            while (pvs_queue_len(e->inbox) < BATCH_MAX - n &&
                   !pvs_queue_closed(e->inbox) && pvs_clock_mono_ms() < until)
                nap_ms(GATHER_NAP_MS);
            n += pvs_queue_pop_batch(e->inbox, msgs + n, BATCH_MAX - n, 0);
        }
        batches(e, msgs, n);
    }
    save_learnt(e);
    pthread_mutex_lock(&e->gen_lock);
    e->exited = true;
    pthread_cond_broadcast(&e->gen_cond);
    pthread_mutex_unlock(&e->gen_lock);
    return NULL;
}

void pvs_engine_set_notifier(struct pvs_engine *e,
                             struct pvs_notifier *notifier) {
    e->notifier = notifier;
}

enum pvs_err pvs_engine_new(const struct pvs_config *cfg,
                            struct pvs_engine **ret) {
    struct pvs_engine *e = pvs_calloc(1, sizeof(*e));
    struct pvs_cfg_errors errs;
    enum pvs_err rc;

    memset(&errs, 0, sizeof(errs));
    e->cfg = cfg;
    pthread_mutex_init(&e->gen_lock, NULL);
    pthread_cond_init(&e->gen_cond, NULL);
    e->ingest_ok = true;
    e->db_down.every = 100;
    e->last_ts = pvs_calloc(cfg->ndevices + 1, sizeof(int64_t));
    engine_rollup_init(e);
    e->tz = pvs_calloc(cfg->nsites + 1, sizeof(struct pvs_tz *));
    for (size_t i = 0; i < cfg->nsites; i++)
        if (pvs_tz_load(cfg->sites[i]->timezone, &e->tz[i]))
            pvs_warn("cannot load time zone '%s' of site '%s': times in "
                     "messages will be UTC",
                     cfg->sites[i]->timezone, cfg->sites[i]->obj.id);
    rc = pvs_ruleset_new(cfg, on_alert, e, &e->rules, &errs);
    if (rc) {
        for (size_t i = 0; i < errs.count; i++)
            pvs_error("%s", errs.msg[i]);
        pvs_cfg_errors_release(&errs);
        goto out;
    }
    rc = pvs_store_open(cfg->global.database, 0, &e->st);
    if (rc)
        goto out;
    rc = pvs_store_sync_config(e->st, cfg);
    if (rc)
        goto out;
    rc = engine_flow_init(e);
    if (rc)
        goto out;
    e->inbox = pvs_queue_new((size_t)cfg->global.inbox_size, pvs_msg_free_void);
out:
    if (rc) {
        pvs_engine_free(e);
        return rc;
    }
    *ret = e;
    return PVS_OK;
}

void pvs_engine_on_change(struct pvs_engine *e, void (*fn)(void *ud),
                          void *ud) {
    e->on_change = fn;
    e->on_change_ud = ud;
}

enum pvs_err pvs_engine_switch(struct pvs_engine *e,
                               const struct pvs_config *next, void *mqtt_ud) {
    struct pvs_msg *m = pvs_msg_new(PVS_MSG_CONFIG, 0);
    enum pvs_err rc;
    uint64_t target;

    m->cfg = next;
    m->mqtt = mqtt_ud;
    pthread_mutex_lock(&e->gen_lock);
    target = e->gen + 1;
    pthread_mutex_unlock(&e->gen_lock);
    do
        rc = pvs_queue_push(e->inbox, m, 1000);
    while (rc == PVS_ERR_TIMEOUT || rc == PVS_ERR_FULL);
    if (rc) {
        pvs_msg_free(m);
        return rc;
    }
    pthread_mutex_lock(&e->gen_lock);
    while (e->gen < target && !e->exited)
        pthread_cond_wait(&e->gen_cond, &e->gen_lock);
    rc = e->gen >= target ? PVS_OK : PVS_ERR_CLOSED;
    pthread_mutex_unlock(&e->gen_lock);
    return rc;
}

struct pvs_queue *pvs_engine_inbox(struct pvs_engine *e) {
    return e->inbox;
}

void pvs_engine_add_health(struct pvs_engine *e, const char *name,
                           pvs_health_fn *fn, void *ud) {
    PVS_ASSERT(e->nhealth < MAX_HEALTH);
    e->health[e->nhealth].name = name;
    e->health[e->nhealth].fn = fn;
    e->health[e->nhealth].ud = ud;
    e->health[e->nhealth].last = true;
    e->nhealth++;
}

enum pvs_err pvs_engine_start(struct pvs_engine *e) {
    int64_t now = pvs_clock_now_ms();
    enum pvs_err rc;

    pvs_ruleset_start(e->rules, now);
    rc = pvs_store_firing_alerts(e->st, e->cfg, on_restore, e);
    if (!rc)
        rc = pvs_store_learnt_each(e->st, learnt_get, e);
    if (rc)
        return rc;
    if (pvs_ruleset_firing(e->rules))
        pvs_info("restored %zu firing alerts", pvs_ruleset_firing(e->rules));
    e->next_tick = now + e->cfg->global.tick_ms;
    e->next_prune = now;
    e->next_rescan = now + 60000;
    rescan_outbox(e);
    if (pthread_create(&e->thread, NULL, engine_main, e)) {
        pvs_error("cannot start the engine thread");
        return PVS_ERR_IO;
    }
    e->running = true;
    return PVS_OK;
}

void pvs_engine_stop(struct pvs_engine *e) {
    if (!e || !e->running)
        return;
    pvs_queue_close(e->inbox);
    pthread_join(e->thread, NULL);
    e->running = false;
}

void pvs_engine_free(struct pvs_engine *e) {
    if (!e)
        return;
    pvs_engine_stop(e);
    pvs_ruleset_free(e->rules);
    engine_flow_release(e);
    pvs_store_close(e->st);
    pvs_queue_free(e->inbox);
    pvs_free(e->last_ts);
    engine_rollup_release(e);
    for (size_t i = 0; e->tz && i < e->cfg->nsites; i++)
        pvs_tz_free(e->tz[i]);
    pvs_free(e->tz);
    pvs_free(e->fresh);
    pvs_free(e->inflight);
    pvs_free(e->answers);
    pthread_mutex_destroy(&e->gen_lock);
    pthread_cond_destroy(&e->gen_cond);
    pvs_free(e);
}
