/* SPDX-License-Identifier: MIT */
/*
 * compose.c - message composition for the ticket lifecycle: the facts a
 * template is filled with, the words of its reader's language
 * (notifier/templates/<lang>/), times in the reader's zone, and queueing
 * the rendered mail or text in the outbox of the open transaction.
 */
#define PVS_LOG_MODULE "engine"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pvs/embed.h"
#include "pvs/log.h"
#include "pvs/mail.h"
#include "pvs/store_flow.h"
#include "pvs/template.h"
#include "pvs/vendor.h"
#include "service_int.h"

/* ---- wording ---- */

/*
 * Which families affect the customer (the others reach technicians
 * only). Every phrase lives in the templates of its reader's language
 * (notifier/templates/<lang>/): words.txt for customers, tech.txt for
 * technicians; a ticket keeps its title in English (tech.title.*).
 */
static const char *const customer_families[] = {
    "fault_code",
    "communication",
    "underperformance",
    "peer",
};

static bool affects_customer(const char *family) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(customer_families); i++)
        if (!strcmp(customer_families[i], family))
            return true;
    return false;
}

const char *service_word(const char *lang, const char *key,
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

const char *service_note(const char *key, const struct pvs_tvar *vars,
                         size_t nvars, char *buf, size_t size) {
    return service_word("en", key, vars, nvars, buf, size);
}

/* A family's phrase ("what.fault_code"), or the family-less one. */
static const char *family_word(const char *lang, const char *prefix,
                               const char *family, const struct pvs_tvar *vars,
                               size_t nvars, char *buf, size_t size) {
    char key[96], probe[8];

    pvs_snprintf(key, sizeof(key), "%s.%s", prefix, family ? family : "");
    if (!family || !pvs_template_word("en", key, probe, sizeof(probe)))
        pvs_snprintf(key, sizeof(key), "%s.other", prefix);
    return service_word(lang, key, vars, nvars, buf, size);
}

void service_site_lang(struct pvs_service *e, const struct pvs_site *site,
                       char *lang, size_t size) {
    char quiet[32];
    bool opt;

    if (!site || !site->customer) {
        pvs_strlcpy(lang, "en", size);
        return;
    }
    service_flow_customer(e, site->customer, lang, quiet,
                          size < sizeof(quiet) ? size : sizeof(quiet), &opt);
}

/* Technicians: "2024-06-21 10:01 Europe/Paris (UTC+02:00)", site time. */
void service_fmt_time(const struct pvs_service *e, const struct pvs_site *site,
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

void service_fmt_time_lang(const struct pvs_service *e,
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
    service_word(lang, key, NULL, 0, month, sizeof(month));
    v[0] = (struct pvs_tvar){"d", d};
    v[1] = (struct pvs_tvar){"month", month};
    v[2] = (struct pvs_tvar){"y", y};
    v[3] = (struct pvs_tvar){"H", hh};
    v[4] = (struct pvs_tvar){"M", mm};
    v[5] = (struct pvs_tvar){"zone", tz ? site->timezone : "UTC"};
    service_word(lang, "date", v, PVS_ARRAY_LEN(v), buf, size);
}

/* Customers: "21 June 2024 at 10:01 (Europe/Paris time)", their words. */
void service_fmt_time_words(struct pvs_service *e, const struct pvs_site *site,
                            int64_t ms, char *buf, size_t size) {
    char lang[16];

    service_site_lang(e, site, lang, sizeof(lang));
    service_fmt_time_lang(e, site, lang, ms, buf, size);
}

void service_fmt_lost(const char *lang, double so_far, double per_day,
                      char *buf, size_t size) {
    char a[32], b[32];
    struct pvs_tvar v[2] = {{"so_far", a}, {"per_day", b}};

    pvs_template_number(lang, so_far > 0 ? so_far : 0, 1, a, sizeof(a));
    pvs_template_number(lang, per_day > 0 ? per_day : 0, 1, b, sizeof(b));
    if (per_day > 0.05)
        service_word(lang, "lost.rate", v, 2, buf, size);
    else if (so_far > 0.05)
        service_word(lang, "lost.so_far", v, 2, buf, size);
    else
        buf[0] = '\0';
}

/* Customers: the device's label, else "inverter 2" in the site. */
static void device_words(const struct pvs_service *e, const char *lang,
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
    service_word(lang, "device", v, 1, buf, size);
}

/* ---- outbox ---- */ /* ---- outbox ---- */

const char *service_first_name(const char *name, char *buf, size_t size) {
    size_t n = strcspn(name, " ");

    pvs_snprintf(buf, size, "%.*s", (int)n, name);
    return buf;
}

static int64_t queue_customer_sms(struct pvs_service *e, int64_t ticket_id,
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
    id = service_queue_raw(e, ticket_id, "sms", "customer", kind, to->phone,
                           subject, sms.data ? sms.data : subject, msgid, now,
                           hold_until, note);
    pvs_buf_release(&sms);
    return id;
}

int64_t service_queue_mail(struct pvs_service *e, int64_t ticket_id,
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
        !strcmp(audience, "customer") && to && service_flow_customer_sms(e, to);

    if (!to || (!sms && (!to->email || !e->cfg->smtp)) || e->txn_rc)
        return 0;
    if (!strcmp(audience, "customer")) {
        /* Every customer message says how to change what they get. */
        service_flow_customer(e, to, lang, quiet, sizeof(lang), &opt_out);
        PVS_ASSERT(nvars < PVS_ARRAY_LEN(all));
        memcpy(all, vars, nvars * sizeof(*vars));
        service_flow_link(e, "prefs", ticket_id, now, prefs, sizeof(prefs));
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
        id = service_queue_raw(e, ticket_id, "email", audience, kind, to->email,
                               subject, mail, msgid, now, hold_until, note);
        pvs_free(mail);
    }
    pvs_free(subject);
    pvs_free(body);
    pvs_free(text);
    return id;
}

int64_t service_queue_raw(struct pvs_service *e, int64_t ticket_id,
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
        pvs_service_ids_add(&e->fresh, &e->nfresh, &e->fresh_cap, o.id);
    service_wrote(e, pvs_store_ticket_event(e->st, ticket_id, now,
                                            hold_until > now ? "message_held"
                                                             : "message_queued",
                                            "pvsentry", subject));
    return id;
}

/* ---- alerts -> tickets ---- */

void service_fact(struct mail_facts *f, const char *name, const char *value) {
    PVS_ASSERT(f->n < PVS_ARRAY_LEN(f->v));
    f->v[f->n].name = name;
    f->v[f->n].value = value;
    f->n++;
}

const char *service_fact_get(const struct mail_facts *f, const char *name) {
    for (size_t i = f->n; i-- > 0;)
        if (!strcmp(f->v[i].name, name))
            return f->v[i].value;
    return NULL;
}

char *service_fact_buf(struct mail_facts *f) {
    PVS_ASSERT(f->nbuf < PVS_ARRAY_LEN(f->buf));
    return f->buf[f->nbuf++];
}

const char *service_kb_part(const char *lang, const char *kb, const char *mark,
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
static const char *event_code(struct pvs_service *e, const char *lang,
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
    if (c) {
        /* The code's meaning in the reader's words (vendor.txt). */
        char key[160], desc[256];
        pvs_snprintf(key, sizeof(key), "ev.vendor.%s.%s", vt->vendor, c->name);
        if (!pvs_template_word(lang, key, desc, sizeof(desc)))
            pvs_strlcpy(desc, c->description, sizeof(desc));
        pvs_snprintf(buf, size, "%s %lld: %s", dev->vendor, (long long)code,
                     desc);
    } else {
        char num[24];
        struct pvs_tvar tv[2] = {{"vendor", dev->vendor}, {"code", num}};
        pvs_snprintf(num, sizeof(num), "%lld", (long long)code);
        service_word(lang, "tech.event_unknown", tv, 2, buf, size);
    }
    pvs_vendor_table_free(vt);
    return buf;
}

void service_flow_ack_id(const struct pvs_ticket *t,
                         const struct pvs_person *tech, char *buf,
                         size_t size) {
    bool fits = tech && strlen(tech->obj.id) < 64;

    for (const char *p = tech ? tech->obj.id : ""; fits && *p; p++)
        fits = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
               (*p >= '0' && *p <= '9') || *p == '_';
    if (fits)
        pvs_snprintf(buf, size, "%lld-%s", (long long)t->id, tech->obj.id);
    else
        pvs_snprintf(buf, size, "%lld", (long long)t->id);
}

/*
 * A ticket's title in the technician's words: "Inverter inv1 reports a
 * fault (vendor:3501)". kind and id name the device (NULL: the site).
 */
static void tech_title(const char *lang, const char *family, const char *kind,
                       const char *id, const char *subject, char *buf,
                       size_t size) {
    pvs_template_title(lang, family, kind, id, subject, buf, size);
}

/* One past ticket of the site (the store's record), as a line. */
static void history_line(const struct pvs_service *e,
                         const struct pvs_site *site, const char *lang,
                         char *rec, struct pvs_buf *out) {
    char *f[7], title[256], status[64], key[64];
    const struct pvs_device *dev;
    const struct pvs_tz *tz = e->tz[site->index];
    struct pvs_tm tm;
    int64_t ms;
    size_t n = 0;

    for (char *p = rec; n < PVS_ARRAY_LEN(f); n++) {
        f[n] = p;
        p = n + 1 < PVS_ARRAY_LEN(f) ? strchr(p, '\x1f') : NULL;
        if (!p) {
            n++;
            break;
        }
        *p++ = '\0';
    }
    if (n < PVS_ARRAY_LEN(f) || pvs_parse_i64(f[0], &ms))
        return;
    if (tz) {
        pvs_tz_local(tz, ms, &tm);
    } else {
        time_t t = (time_t)(ms / 1000);
        struct tm utc;
        gmtime_r(&t, &utc);
        tm.year = utc.tm_year + 1900;
        tm.mon = utc.tm_mon + 1;
        tm.mday = utc.tm_mday;
    }
    dev = f[3][0] ? pvs_config_device(e->cfg, f[3]) : NULL;
    tech_title(lang, f[2], dev ? dev->kind : NULL, f[3], f[4], title,
               sizeof(title));
    pvs_snprintf(key, sizeof(key), "tech.status.%s", f[5]);
    service_word(lang, key, NULL, 0, status, sizeof(status));
    pvs_buf_printf(out, "  %04d-%02d-%02d #%s %s (%s)%s%s\n", tm.year, tm.mon,
                   tm.mday, f[1], title, status[0] ? status : f[5],
                   f[6][0] ? ": " : "", f[6]);
}

void service_history(struct pvs_service *e, const struct pvs_site *site,
                     const char *lang, int64_t except, struct pvs_buf *out) {
    struct pvs_buf raw;

    pvs_buf_init(&raw, 1 << 16);
    if (site &&
        pvs_store_site_history(e->st, site->obj.id, except, 5, &raw) ==
            PVS_OK &&
        raw.len) {
        char *p = raw.data;
        for (char *end = strchr(p, '\x1e'); end; end = strchr(p, '\x1e')) {
            *end = '\0';
            history_line(e, site, lang, p, out);
            p = end + 1;
        }
    }
    pvs_buf_release(&raw);
}

/* What the ticket is: its number, title and severity, in lang. */
static void facts_what(struct mail_facts *f, const char *lang,
                       const struct pvs_ticket *t,
                       const struct pvs_alert_event *ev) {
    const struct pvs_device *dev = ev->device;
    char *b, key[64];

    service_fact(f, "ticket_id", (b = service_fact_buf(f)));
    pvs_snprintf(b, PVS_FACT_MAX, "%lld", (long long)t->id);
    /* The title in the technician's words; the ticket keeps its own. */
    service_fact(f, "title", (b = service_fact_buf(f)));
    tech_title(lang, ev->family, dev ? dev->kind : NULL,
               dev ? dev->obj.id : NULL, ev->subject, b, PVS_FACT_MAX);
    pvs_snprintf(key, sizeof(key), "sev.%s", pvs_severity_name(ev->severity));
    service_fact(
        f, "severity",
        service_word(lang, key, NULL, 0, service_fact_buf(f), PVS_FACT_MAX));
}

/* Where: the site, how to get in, the device, the rule. */
static void facts_where(struct mail_facts *f,
                        const struct pvs_alert_event *ev) {
    const struct pvs_site *site = ev->site;
    const struct pvs_device *dev = ev->device;

    service_fact(f, "site_name",
                 site ? (site->name ? site->name : site->obj.id)
                      : "(unknown site)");
    service_fact(f, "address", site ? site->address : NULL);
    service_fact(f, "access_notes", site ? site->access_notes : NULL);
    service_fact(f, "device", dev ? dev->obj.id : NULL);
    service_fact(f, "device_label", dev ? dev->label : NULL);
    service_fact(f, "device_model", dev ? dev->model : NULL);
    service_fact(f, "rule", ev->rule_id);
    service_fact(f, "family", ev->family);
}

/* What was seen and what to do: evidence, event code, the article. */
static void facts_evidence(struct pvs_service *e, struct mail_facts *f,
                           const char *lang, const struct pvs_alert_event *ev) {
    const struct pvs_tz *tz = ev->site ? e->tz[ev->site->index] : NULL;
    const char *zone = ev->site ? ev->site->timezone : NULL;

    /* In the technician's language, from the rules' keys and values,
     * times in the site's zone. */
    service_fact(f, "evidence",
                 pvs_template_evidence_at(
                     lang,
                     ev->evidence_src[0] ? ev->evidence_src : ev->evidence, tz,
                     zone, service_fact_buf(f), PVS_FACT_MAX));
    service_fact(
        f, "explanation",
        pvs_template_evidence_at(lang,
                                 ev->explanation_src[0] ? ev->explanation_src
                                                        : ev->explanation,
                                 tz, zone, service_fact_buf(f), PVS_FACT_MAX));
    service_fact(f, "event_code",
                 event_code(e, lang, ev->device, ev->subject,
                            service_fact_buf(f), PVS_FACT_MAX));
    service_fact(f, "kb", ev->kb);
    service_fact(f, "kb_check",
                 service_kb_part(lang, ev->kb, "**Confirm on site.**",
                                 service_fact_buf(f), PVS_FACT_MAX));
    service_fact(f, "kb_fix",
                 service_kb_part(lang, ev->kb, "**Typical fix.**",
                                 service_fact_buf(f), PVS_FACT_MAX));
    service_fact(f, "kb_bring",
                 service_kb_part(lang, ev->kb, "**Bring.**",
                                 service_fact_buf(f), PVS_FACT_MAX));
    service_fact(f, "next_step",
                 family_word(lang, "tech.next", ev->family, NULL, 0,
                             service_fact_buf(f), PVS_FACT_MAX));
}

/* Since when, and the one figure of energy lost (so far, per day). */
static void facts_since_and_loss(struct pvs_service *e, struct mail_facts *f,
                                 const char *lang, const struct pvs_ticket *t,
                                 const struct pvs_alert_event *ev) {
    const struct pvs_site *site = ev->site;
    double per_day = ev->lost_kwh_per_day;
    bool firing;
    char *b;

    if (per_day <= 0 && t->fingerprint)
        pvs_store_alert_latest(e->st, t->fingerprint, &firing, &per_day);
    service_fact(f, "since", (b = service_fact_buf(f)));
    service_fmt_time(e, site, ev->started_ms, b, PVS_FACT_MAX);
    service_fact(f, "since_local", (b = service_fact_buf(f)));
    service_fmt_time_words(e, site, ev->started_ms, b, PVS_FACT_MAX);
    /* One figure, rendered here only: the ticket's stored loss so far
     * and the alert's current rate. */
    service_fact(f, "lost", (b = service_fact_buf(f)));
    service_fmt_lost(lang, t->lost_kwh, per_day, b, PVS_FACT_MAX);
    service_fact(f, "lost_words", (b = service_fact_buf(f)));
    b[0] = '\0';
    if (per_day > 0.05) {
        char kwh[32], clang[16];
        struct pvs_tvar kv[1] = {{"kwh", kwh}};
        service_site_lang(e, site, clang, sizeof(clang));
        pvs_template_number(clang, per_day, 1, kwh, sizeof(kwh));
        service_word(clang, "energy", kv, 1, b, PVS_FACT_MAX);
    }
    /* The alert's one figure (rules.h), as numbers for any layout. */
    service_fact(f, "lost_kwh", (b = service_fact_buf(f)));
    pvs_snprintf(b, PVS_FACT_MAX, "%.1f", t->lost_kwh > 0 ? t->lost_kwh : 0);
    service_fact(f, "lost_kwh_per_day", (b = service_fact_buf(f)));
    pvs_snprintf(b, PVS_FACT_MAX, "%.1f", per_day);
}

/* Who: the technician, their links, the customer. */
static void facts_people(struct pvs_service *e, struct mail_facts *f,
                         const struct pvs_ticket *t,
                         const struct pvs_person *tech,
                         const struct pvs_alert_event *ev) {
    const struct pvs_site *site = ev->site;
    char *b;

    if (tech) {
        service_fact(f, "technician_name", tech->name);
        service_fact(
            f, "technician_first",
            service_first_name(tech->name, service_fact_buf(f), PVS_FACT_MAX));
    } else {
        char clang[16];
        service_site_lang(e, site, clang, sizeof(clang));
        service_fact(f, "technician_name", "team");
        service_fact(f, "technician_first",
                     service_word(clang, "technician", NULL, 0,
                                  service_fact_buf(f), PVS_FACT_MAX));
    }
    if (e->cfg->global.public_url && t->id > 0) {
        const char *base = e->cfg->global.public_url;
        size_t n = strlen(base);
        char id[96];

        service_fact(f, "ticket_link", (b = service_fact_buf(f)));
        pvs_snprintf(b, PVS_FACT_MAX, "%.*s/#/ticket/%lld",
                     (int)(n && base[n - 1] == '/' ? n - 1 : n), base,
                     (long long)t->id);
        service_flow_ack_id(t, tech, id, sizeof(id));
        service_fact(f, "ack_link", (b = service_fact_buf(f)));
        service_flow_link_id(e, "ack", id, ev->ts_ms, b, PVS_FACT_MAX);
    }
    if (site && site->customer) {
        service_fact(f, "customer_name", site->customer->name);
        service_fact(f, "customer_phone", site->customer->phone);
        service_fact(f, "customer_language", site->customer->language);
    }
}

void service_common_facts(struct pvs_service *e, struct mail_facts *f,
                          const struct pvs_ticket *t,
                          const struct pvs_alert_event *ev) {
    const struct pvs_person *tech =
        t->assignee ? pvs_config_technician(e->cfg, t->assignee) : NULL;
    const char *lang = tech && tech->language ? tech->language : "en";

    facts_what(f, lang, t, ev);
    facts_where(f, ev);
    facts_evidence(e, f, lang, ev);
    facts_since_and_loss(e, f, lang, t, ev);
    facts_people(e, f, t, tech, ev);
}

void service_customer_words(struct pvs_service *e, struct mail_facts *f,
                            const struct pvs_site *site,
                            const struct pvs_alert_event *ev) {
    char lang[16];
    char *subj = service_fact_buf(f), *what = service_fact_buf(f);
    struct pvs_tvar v[1] = {{"device", subj}};

    service_site_lang(e, site, lang, sizeof(lang));
    if (ev->device)
        device_words(e, lang, ev->device, subj, PVS_FACT_MAX);
    else
        service_word(lang, "installation", NULL, 0, subj, PVS_FACT_MAX);
    family_word(lang, "what", affects_customer(ev->family) ? ev->family : NULL,
                v, 1, what, PVS_FACT_MAX);
    service_fact(f, "customer_subject", subj);
    service_fact(f, "customer_what", what);
    service_fact(f, "customer_title",
                 family_word(lang, "title",
                             affects_customer(ev->family) ? ev->family : NULL,
                             NULL, 0, service_fact_buf(f), PVS_FACT_MAX));
}

void service_make_title(const struct pvs_alert_event *ev, char *buf,
                        size_t size) {
    char dev[96];
    struct pvs_tvar dv[1] = {{"device", dev}};

    if (ev->device)
        pvs_snprintf(dev, sizeof(dev), "%s %s",
                     ev->device->kind ? ev->device->kind : "device",
                     ev->device->obj.id);
    else
        service_word("en", "tech.site", NULL, 0, dev, sizeof(dev));
    family_word("en", "tech.title", ev->family, dv, 1, buf, size);
    if (ev->subject[0] && strcmp(ev->subject, "fault") &&
        strcmp(ev->subject, "-")) {
        size_t n = strlen(buf);
        pvs_snprintf(buf + n, size - n, " (%s)", ev->subject);
    }
    if (buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
}

bool service_customer_affected(const struct pvs_alert_event *ev) {
    return affects_customer(ev->family) && ev->severity >= PVS_SEV_WARNING &&
           !ev->silenced;
}

void pvs_service_delivered(struct pvs_service *e, int64_t outbox_id,
                           int64_t ts_ms, bool ok, const char *error) {
    struct pvs_outbox o;
    char text[400];

    if (e->txn_rc || pvs_store_outbox_get(e->st, outbox_id, &o))
        return;
    {
        struct pvs_tvar v[4] = {{"audience", o.audience},
                                {"kind", o.kind},
                                {"recipient", o.recipient},
                                {"error", error ? error : ""}};
        service_note(ok ? "tl.notified" : "tl.delivery_failed", v, 4, text,
                     sizeof(text));
    }
    service_wrote(e, pvs_store_ticket_event(e->st, o.ticket_id, ts_ms,
                                            ok ? "notified" : "delivery_failed",
                                            "notifier", text));
    pvs_outbox_release(&o);
}
