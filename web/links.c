/* SPDX-License-Identifier: MIT */
/*
 * links.c - the pages behind the links in customer messages: status,
 * survey, visit confirmation, "it works again", preferences and a way to
 * write to a person. Each link carries a signed, expiring token, so
 * customers need no account.
 *
 * DESIGN
 * A GET only shows a page; every change is a POST from that page's form,
 * so a mail client or link scanner that fetches a link changes nothing.
 * Pages are small, plain HTML with the dashboard's style sheet, readable
 * on a phone, and speak to the customer in plain words.
 */
#define PVS_LOG_MODULE "web"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pvs/clock.h"
#include "pvs/store_flow.h"
#include "pvs/template.h"
#include "pvs/ticket_types.h"
#include "pvs/token.h"
#include "pvs/tz.h"
#include "web_int.h"

static const char *const purposes[] = {
    "status", "survey", "apptyes", "apptno", "selfhelp", "prefs", "ack"};

/* Words of a page in its reader's language (words.txt). */
struct words {
    char lang[16];
    char buf[8][512];
    unsigned next;
};

static const char *W(struct words *w, const char *key) {
    char *b = w->buf[w->next++ % PVS_ARRAY_LEN(w->buf)];

    if (!pvs_template_word(w->lang, key, b, sizeof(w->buf[0])))
        b[0] = '\0';
    return b;
}

static void page_start(struct web_req *r, struct words *w, int status,
                       const char *title) {
    r->status = status;
    r->ctype = "text/html; charset=utf-8";
    pvs_buf_reset(&r->out);
    pvs_buf_printf(&r->out,
                   "<!doctype html><html lang=\"%s\"><head>"
                   "<meta charset=\"utf-8\">",
                   w->lang);
    pvs_buf_puts(&r->out, "<meta name=\"viewport\" content=\"width=device-"
                          "width, initial-scale=1\"><title>");
    pvs_buf_html(&r->out, title);
    pvs_buf_puts(&r->out, "</title><link rel=\"stylesheet\" href=\"/style.css"
                          "\"></head><body class=\"link-page\"><main><h1>");
    pvs_buf_html(&r->out, title);
    pvs_buf_puts(&r->out, "</h1>");
}

static void page_end(struct web_req *r) {
    pvs_buf_puts(&r->out, "</main></body></html>\n");
}

static void page_message(struct web_req *r, struct words *w, int status,
                         const char *title, const char *text) {
    page_start(r, w, status, title);
    pvs_buf_puts(&r->out, "<p>");
    pvs_buf_html(&r->out, text);
    pvs_buf_puts(&r->out, "</p>");
    page_end(r);
}

/* A paragraph of html-escaped words. */
static void para(struct web_req *r, const char *text) {
    pvs_buf_puts(&r->out, "<p>");
    pvs_buf_html(&r->out, text);
    pvs_buf_puts(&r->out, "</p>");
}
/* Value of key in an application/x-www-form-urlencoded body. */
static bool form_value(const char *body, const char *key, char *out,
                       size_t size) {
    size_t klen = strlen(key);
    const char *p = body;

    while (p && *p) {
        const char *amp = strchr(p, '&');
        const char *end = amp ? amp : p + strlen(p);
        if ((size_t)(end - p) > klen && !strncmp(p, key, klen) &&
            p[klen] == '=') {
            size_t n = 0;
            for (const char *q = p + klen + 1; q < end && n + 1 < size; q++) {
                if (*q == '+') {
                    out[n++] = ' ';
                } else if (*q == '%' && q + 2 < end &&
                           isxdigit((unsigned char)q[1]) &&
                           isxdigit((unsigned char)q[2])) {
                    char hex[3] = {q[1], q[2], 0};
                    out[n++] = (char)strtol(hex, NULL, 16);
                    q += 2;
                } else {
                    out[n++] = *q;
                }
            }
            out[n] = '\0';
            return true;
        }
        p = amp ? amp + 1 : NULL;
    }
    out[0] = '\0';
    return false;
}

static bool load_key(struct web_req *r, unsigned char key[PVS_TOKEN_KEY_LEN]) {
    const char *file = r->w->cfg->global.link_secret;
    char hex[2 * PVS_TOKEN_KEY_LEN + 2];
    char *stored = NULL;
    struct pvs_store *st;
    bool ok = false;

    if (file) {
        FILE *f = fopen(file, "r");
        ok = f && fgets(hex, sizeof(hex), f) &&
             !pvs_token_key_from_hex(hex, key);
        if (f)
            fclose(f);
        return ok;
    }
    st = pvs_web_store(r);
    if (st && !pvs_store_meta_get(st, "link_key", &stored) && stored)
        ok = !pvs_token_key_from_hex(stored, key);
    pvs_free(stored);
    return ok;
}

static void form_start(struct web_req *r) {
    pvs_buf_puts(&r->out, "<form method=\"post\">");
}

static void form_end(struct web_req *r, const char *button) {
    pvs_buf_puts(&r->out, "<p><button type=\"submit\">");
    pvs_buf_html(&r->out, button);
    pvs_buf_puts(&r->out, "</button></p></form>");
}

/* <label>text<br>control</label> in a paragraph; control is markup. */
static void labelled(struct web_req *r, const char *text, const char *control,
                     bool br) {
    pvs_buf_puts(&r->out, "<p><label>");
    pvs_buf_html(&r->out, text);
    pvs_buf_puts(&r->out, br ? "<br>" : " ");
    pvs_buf_puts(&r->out, control);
    pvs_buf_puts(&r->out, "</label></p>");
}

static bool submit(struct web_req *r, struct words *w, struct pvs_command *c,
                   const char *done_title, const char *done_text) {
    if (!pvs_api_call(r, c)) {
        char msg[300];
        pvs_strlcpy(msg, c->message[0] ? c->message : W(w, "page.try_later"),
                    sizeof(msg));
        page_message(r, w, r->status ? r->status : 503, W(w, "page.sorry"),
                     msg);
        return false;
    }
    page_message(r, w, 200, done_title, done_text ? done_text : c->message);
    return true;
}

/* The language of the site's customer: their preference, else config. */
static void customer_lang(struct web_req *r, struct pvs_store *st,
                          const struct pvs_site *site, char *lang,
                          size_t size) {
    char channel[16], pl[16], quiet[32];
    int opt = -1;
    const struct pvs_person *c = site ? site->customer : NULL;

    pvs_strlcpy(lang, c && c->language ? c->language : "en", size);
    (void)r;
    if (c && st &&
        !pvs_store_prefs_get(st, c->obj.id, channel, pl, quiet, sizeof(pl),
                             &opt) &&
        pl[0])
        pvs_strlcpy(lang, pl, size);
}

static void status_page(struct web_req *r, struct words *w,
                        const struct pvs_ticket *t,
                        const struct pvs_site *site) {
    char key[48];

    pvs_snprintf(key, sizeof(key), "status.%s", t->status);
    page_start(r, w, 200, W(w, "page.status"));
    para(r, site && site->name ? site->name : t->site);
    pvs_buf_puts(&r->out, "<p><strong>");
    pvs_buf_html(&r->out, W(w, key));
    pvs_buf_puts(&r->out, "</strong></p><h2>");
    pvs_buf_html(&r->out, W(w, "page.write"));
    pvs_buf_puts(&r->out, "</h2>");
    form_start(r);
    labelled(r, W(w, "page.your_message"),
             "<textarea name=\"message\" rows=\"4\" maxlength=\"2000\" "
             "required></textarea>",
             true);
    form_end(r, W(w, "page.send"));
    page_end(r);
}

static void survey_page(struct web_req *r, struct words *w) {
    page_start(r, w, 200, W(w, "page.survey"));
    form_start(r);
    para(r, W(w, "page.survey_question"));
    pvs_buf_puts(&r->out, "<p>");
    for (int i = 1; i <= 5; i++) {
        pvs_buf_printf(&r->out,
                       "<label><input type=\"radio\" name=\"csat\" "
                       "value=\"%d\"%s> %d",
                       i, i == 1 ? " required" : "", i);
        if (i == 1 || i == 5) {
            pvs_buf_puts(&r->out, " (");
            pvs_buf_html(&r->out,
                         W(w, i == 1 ? "page.survey_low" : "page.survey_high"));
            pvs_buf_puts(&r->out, ")");
        }
        pvs_buf_puts(&r->out, "</label> ");
    }
    pvs_buf_puts(&r->out, "</p>");
    labelled(r, W(w, "page.survey_comment"),
             "<textarea name=\"comment\" rows=\"3\" maxlength=\"2000\">"
             "</textarea>",
             true);
    form_end(r, W(w, "page.send"));
    page_end(r);
}

/*
 * The customer's choices as they stand (their saved preferences over the
 * configuration's), so that saving one change keeps the others.
 */
static void prefs_now(struct pvs_store *st, const struct pvs_person *c,
                      char *channel, char *quiet, size_t size,
                      bool *ret_opt_out) {
    char lang[32];
    int opt = -1;

    /* The store fills each buffer up to size: lang is as large. */
    PVS_ASSERT(size <= sizeof(lang));
    channel[0] = quiet[0] = '\0';
    if (st)
        pvs_store_prefs_get(st, c->obj.id, channel, lang, quiet, size, &opt);
    if (!channel[0])
        pvs_strlcpy(channel, c->channel ? c->channel : "email", size);
    if (!quiet[0])
        pvs_strlcpy(quiet, c->quiet_hours ? c->quiet_hours : "", size);
    *ret_opt_out = opt >= 0 ? opt != 0 : c->opt_out;
}

static void prefs_page(struct web_req *r, struct words *w, struct pvs_store *st,
                       const struct pvs_person *c) {
    static const char *const names[] = {"English",
                                        "Fran\xc3\xa7"
                                        "ais",
                                        "Deutsch",
                                        "Espa\xc3\xb1ol",
                                        "Italiano",
                                        "Nederlands"};
    struct pvs_buf sel;
    char channel[32], quiet[32];
    bool opt_out, sms;

    prefs_now(st, c, channel, quiet, sizeof(channel), &opt_out);
    sms = !strcmp(channel, "sms");
    page_start(r, w, 200, W(w, "page.prefs"));
    form_start(r);
    pvs_buf_init(&sel, 4096);
    pvs_buf_printf(&sel, "<select name=\"channel\"><option value=\"email\"%s>",
                   sms ? "" : " selected");
    pvs_buf_html(&sel, W(w, "page.prefs_email"));
    pvs_buf_printf(&sel, "</option><option value=\"sms\"%s>",
                   sms ? " selected" : "");
    pvs_buf_html(&sel, W(w, "page.prefs_sms"));
    pvs_buf_puts(&sel, "</option></select>");
    labelled(r, W(w, "page.prefs_channel"), sel.data, false);
    pvs_buf_reset(&sel);
    pvs_buf_puts(&sel, "<select name=\"language\">");
    for (size_t i = 0; pvs_template_languages[i]; i++)
        pvs_buf_printf(&sel, "<option value=\"%s\"%s>%s</option>",
                       pvs_template_languages[i],
                       strcmp(pvs_template_languages[i], w->lang) ? ""
                                                                  : " selected",
                       names[i]);
    pvs_buf_puts(&sel, "</select>");
    labelled(r, W(w, "page.prefs_language"), sel.data, false);
    /* The hours as they stand ("" = none), never a default that a save
     * would quietly store. */
    pvs_buf_reset(&sel);
    pvs_buf_puts(&sel, "<input name=\"quiet_hours\" value=\"");
    pvs_buf_html(&sel, quiet);
    pvs_buf_puts(&sel, "\" placeholder=\"21:00-08:00\" "
                       "pattern=\"[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}\">");
    labelled(r, W(w, "page.prefs_quiet"), sel.data, false);
    pvs_buf_release(&sel);
    pvs_buf_printf(&r->out,
                   "<p><label><input type=\"checkbox\" "
                   "name=\"opt_out\" value=\"1\"%s> ",
                   opt_out ? " checked" : "");
    pvs_buf_html(&r->out, W(w, "page.prefs_opt_out"));
    pvs_buf_puts(&r->out, "</label></p>");
    form_end(r, W(w, "page.prefs_save"));
    page_end(r);
}

/* ms as the reader's date words in the site's zone ("date" phrase). */
static void page_time(struct words *w, const struct pvs_site *site, int64_t ms,
                      char *buf, size_t size) {
    struct pvs_tz *tz = NULL;
    struct pvs_tm tm;
    char d[8], y[8], hh[8], mm[8], key[16], month[32], *out = NULL;
    const char *zone = site && site->timezone ? site->timezone : "UTC";
    struct pvs_tvar v[6];

    if (pvs_tz_load(zone, &tz)) {
        zone = "UTC";
        if (pvs_tz_load(zone, &tz)) {
            pvs_fmt_iso_utc(ms, buf, size);
            return;
        }
    }
    pvs_tz_local(tz, ms, &tm);
    pvs_tz_free(tz);
    pvs_snprintf(d, sizeof(d), "%d", tm.mday);
    pvs_snprintf(y, sizeof(y), "%d", tm.year);
    pvs_snprintf(hh, sizeof(hh), "%02d", tm.hour);
    pvs_snprintf(mm, sizeof(mm), "%02d", tm.min);
    pvs_snprintf(key, sizeof(key), "month.%d", tm.mon);
    pvs_strlcpy(month, W(w, key), sizeof(month));
    v[0] = (struct pvs_tvar){"d", d};
    v[1] = (struct pvs_tvar){"month", month};
    v[2] = (struct pvs_tvar){"y", y};
    v[3] = (struct pvs_tvar){"H", hh};
    v[4] = (struct pvs_tvar){"M", mm};
    v[5] = (struct pvs_tvar){"zone", zone};
    if (pvs_template_render(W(w, "date"), v, PVS_ARRAY_LEN(v), &out, NULL, 0))
        pvs_fmt_iso_utc(ms, buf, size);
    else
        pvs_strlcpy(buf, out, size);
    pvs_free(out);
}

/*
 * A spent acknowledge link: who used it and when, and nothing changes.
 * Returns true when the page was written.
 */
static bool ack_spent(struct web_req *r, struct words *w,
                      const struct pvs_ticket *t, const struct pvs_site *site,
                      const char *nonce) {
    struct pvs_store *st = pvs_web_store(r);
    const struct pvs_person *who;
    char actor[PVS_CMD_ID_MAX], when[128], *text = NULL;
    int64_t at;
    struct pvs_tvar v[2] = {{"who", actor}, {"when", when}};

    if (!st || pvs_store_link_used(st, t->id, nonce, actor, sizeof(actor), &at))
        return false;
    who = pvs_config_technician(r->w->cfg, actor);
    if (who && who->name)
        pvs_strlcpy(actor, who->name, sizeof(actor));
    page_time(w, site, at, when, sizeof(when));
    if (pvs_template_render(W(w, "ack.used_text"), v, PVS_ARRAY_LEN(v), &text,
                            NULL, 0))
        text = pvs_strdup(W(w, "ack.used_text"));
    page_message(r, w, 409, W(w, "ack.used"), text);
    pvs_free(text);
    return true;
}

/*
 * The technician's one-tap acknowledge: GET shows the ticket and a
 * button; the POST acknowledges, once. The link is single-use: its POST
 * spends its nonce (the token's signature), and a spent link answers
 * who used it and when. A link for a ticket that is no longer waiting
 * for an acknowledgement (taken by someone else, or moved on) is refused
 * too. Neither changes anything.
 */
static void ack_page(struct web_req *r, struct words *w,
                     const struct pvs_ticket *t, const struct pvs_site *site,
                     const char *actor, const char *nonce, bool post) {
    bool waiting = !strcmp(t->status, "open") || !strcmp(t->status, "assigned");
    struct pvs_command *c;
    char title[300];

    if (ack_spent(r, w, t, site, nonce))
        return;
    if (!waiting) {
        page_message(r, w, 409, W(w, "ack.already"), W(w, "ack.already_text"));
        return;
    }
    if (!post) {
        pvs_snprintf(title, sizeof(title), "%s #%lld", W(w, "ack.title"),
                     (long long)t->id);
        page_start(r, w, 200, title);
        {
            const struct pvs_device *d =
                t->device ? pvs_config_device(r->w->cfg, t->device) : NULL;
            char what[256];
            para(r,
                 pvs_template_title(w->lang, t->family, d ? d->kind : NULL,
                                    t->device, t->subject, what, sizeof(what)));
        }
        para(r, site && site->name ? site->name : t->site);
        if (site && site->address)
            para(r, site->address);
        form_start(r);
        form_end(r, W(w, "ack.button"));
        page_end(r);
        return;
    }
    c = pvs_command_new(PVS_CMD_TICKET_ACK);
    c->ticket_id = t->id;
    pvs_strlcpy(c->actor, actor[0] ? actor : "technician", sizeof(c->actor));
    pvs_strlcpy(c->text, "acknowledged from the link in the alert",
                sizeof(c->text));
    pvs_strlcpy(c->nonce, nonce, sizeof(c->nonce));
    if (!submit(r, w, c, W(w, "ack.done"), W(w, "ack.done_text")) &&
        r->status == 409)
        ack_spent(r, w, t, site, nonce); /* a double tap raced us */
    pvs_command_put(c);
}

/* What a customer link's handlers share. */
struct link_ctx {
    struct web_req *r;
    struct words *w;
    struct pvs_store *st;
    const struct pvs_ticket *t;
    const struct pvs_site *site;
    const char *purpose;
    int64_t ticket;
    bool post;
    const char *body;
    char field[2048];
};

/* The status page, and a message the customer writes from it. */
static struct pvs_command *link_status(struct link_ctx *x) {
    struct web_req *r = x->r;
    struct words *w = x->w;
    const char *body = x->body;
    char *field = x->field;
    struct pvs_command *c = NULL;

    if (!x->post) {
        status_page(r, w, x->t, x->site);
    } else if (!form_value(body, "message", field, sizeof(x->field)) ||
               !field[0]) {
        page_message(r, w, 400, W(w, "page.nothing"), W(w, "page.write_first"));
    } else {
        c = pvs_command_new(PVS_CMD_CUSTOMER_CONTACT);
        pvs_strlcpy(c->site_id, x->t->site ? x->t->site : "",
                    sizeof(c->site_id));
        pvs_strlcpy(c->text, field, sizeof(c->text));
        pvs_strlcpy(c->actor, "customer", sizeof(c->actor));
        submit(r, w, c, W(w, "page.thanks"), W(w, "page.person"));
    }
    return c;
}

/* The satisfaction survey. */
static struct pvs_command *link_survey(struct link_ctx *x) {
    struct web_req *r = x->r;
    struct words *w = x->w;
    const char *body = x->body;
    char *field = x->field;
    struct pvs_command *c = NULL;

    enum pvs_survey_state sv = PVS_SURVEY_OPEN;
    if (pvs_store_survey_state(x->st, x->ticket, &sv))
        sv = PVS_SURVEY_OPEN; /* the engine has the last word */
    if (sv == PVS_SURVEY_NONE) {
        page_message(r, w, 404, W(w, "page.survey_none"),
                     W(w, "page.survey_none_text"));
    } else if (sv == PVS_SURVEY_ANSWERED) {
        page_message(r, w, 200, W(w, "page.thanks"),
                     W(w, "page.survey_answered"));
    } else if (!x->post) {
        survey_page(r, w);
    } else {
        int64_t csat = 0;
        form_value(body, "csat", field, sizeof(x->field));
        if (pvs_parse_i64(field, &csat)) {
            page_message(r, w, 400, W(w, "page.survey_pick"),
                         W(w, "page.survey_pick_text"));
        } else {
            c = pvs_command_new(PVS_CMD_SURVEY);
            c->ticket_id = x->ticket;
            c->value = csat;
            form_value(body, "comment", c->text, sizeof(c->text));
            pvs_strlcpy(c->actor, "customer", sizeof(c->actor));
            submit(r, w, c, W(w, "page.thanks"), W(w, "page.thanks"));
        }
    }
    return c;
}

/* The customer confirms a visit or asks for another time. */
static struct pvs_command *link_appointment(struct link_ctx *x) {
    struct web_req *r = x->r;
    struct words *w = x->w;
    struct pvs_command *c = NULL;
    bool yes = !strcmp(x->purpose, "apptyes");

    if (!x->post) {
        page_start(r, w, 200, W(w, yes ? "page.visit_yes" : "page.visit_no"));
        form_start(r);
        form_end(r,
                 W(w, yes ? "page.visit_yes_button" : "page.visit_no_button"));
        page_end(r);
    } else {
        c = pvs_command_new(PVS_CMD_APPOINTMENT_REPLY);
        c->ticket_id = x->ticket;
        c->value = yes;
        pvs_strlcpy(c->actor, "customer", sizeof(c->actor));
        submit(r, w, c,
               W(w, yes ? "page.visit_yes_done" : "page.visit_no_done"),
               W(w, yes ? "page.visit_yes_done" : "page.visit_no_done"));
    }
    return c;
}

/* "It works again" after the self-help steps. */
static struct pvs_command *link_selfhelp(struct link_ctx *x) {
    struct web_req *r = x->r;
    struct words *w = x->w;
    struct pvs_command *c = NULL;

    if (!x->post) {
        page_start(r, w, 200, W(w, "page.selfhelp"));
        para(r, W(w, "page.selfhelp_text"));
        form_start(r);
        form_end(r, W(w, "page.selfhelp_button"));
        page_end(r);
    } else {
        c = pvs_command_new(PVS_CMD_SELF_HELP_DONE);
        c->ticket_id = x->ticket;
        pvs_strlcpy(c->actor, "customer", sizeof(c->actor));
        submit(r, w, c, W(w, "page.thanks"), W(w, "page.thanks"));
    }
    return c;
}

/* The customer's preferences. */
static struct pvs_command *link_prefs(struct link_ctx *x) {
    struct web_req *r = x->r;
    struct words *w = x->w;
    const char *body = x->body;
    char *field = x->field;
    struct pvs_command *c = NULL;

    const struct pvs_person *cust = x->site ? x->site->customer : NULL;
    if (!cust) {
        page_message(r, w, 404, W(w, "page.not_found"), W(w, "page.not_valid"));
    } else if (!x->post) {
        prefs_page(r, w, x->st, cust);
    } else {
        struct pvs_buf kv;
        static const char *const keys[] = {"channel", "language",
                                           "quiet_hours"};
        pvs_buf_init(&kv, PVS_CMD_TEXT_MAX - 1);
        for (size_t i = 0; i < PVS_ARRAY_LEN(keys); i++)
            if (form_value(body, keys[i], field, 64) && field[0])
                pvs_buf_printf(&kv, "%s=%s\n", keys[i], field);
        pvs_buf_printf(&kv, "opt_out=%d\n",
                       form_value(body, "opt_out", field, 8) &&
                           !strcmp(field, "1"));
        /* The answer speaks the language just chosen. */
        if (form_value(body, "language", field, 16))
            for (size_t i = 0; pvs_template_languages[i]; i++)
                if (!strcmp(field, pvs_template_languages[i]))
                    pvs_strlcpy(w->lang, field, sizeof(w->lang));
        c = pvs_command_new(PVS_CMD_PREFS);
        pvs_strlcpy(c->actor, cust->obj.id, sizeof(c->actor));
        pvs_strlcpy(c->text, kv.data ? kv.data : "", sizeof(c->text));
        pvs_buf_release(&kv);
        submit(r, w, c, W(w, "page.saved"), W(w, "page.prefs_saved"));
    }
    return c;
}

/* The page of link purpose x->purpose; returns the command it sent. */
static struct pvs_command *link_purpose(struct link_ctx *x) {
    if (!strcmp(x->purpose, "status"))
        return link_status(x);
    if (!strcmp(x->purpose, "survey"))
        return link_survey(x);
    if (!strcmp(x->purpose, "apptyes") || !strcmp(x->purpose, "apptno"))
        return link_appointment(x);
    if (!strcmp(x->purpose, "selfhelp"))
        return link_selfhelp(x);
    return link_prefs(x);
}

void pvs_links_handle(struct web_req *r, const char *token) {
    unsigned char key[PVS_TOKEN_KEY_LEN];
    char id[96], purpose[16], actor[96] = "";
    const char *dot = strchr(token, '.');
    struct pvs_store *st;
    struct pvs_ticket t;
    const struct pvs_site *site = NULL;
    bool post = !strcmp(r->method, "POST");
    int64_t ticket;
    struct pvs_command *c = NULL;
    enum pvs_err rc;
    char *dash;
    struct words *w = pvs_calloc(1, sizeof(*w));
    struct link_ctx *x;

    pvs_strlcpy(w->lang, "en", sizeof(w->lang));
    if (!dot || (size_t)(dot - token) >= sizeof(purpose)) {
        page_message(r, w, 404, W(w, "page.not_found"), W(w, "page.not_valid"));
        goto done;
    }
    pvs_snprintf(purpose, sizeof(purpose), "%.*s", (int)(dot - token), token);
    rc = PVS_ERR_INVAL;
    for (size_t i = 0; i < PVS_ARRAY_LEN(purposes); i++)
        if (!strcmp(purpose, purposes[i]))
            rc = PVS_OK;
    if (!rc && !load_key(r, key))
        rc = PVS_ERR_IO;
    if (!rc)
        rc = pvs_token_check(key, token, purpose, pvs_clock_now_ms(), id,
                             sizeof(id));
    if (rc == PVS_ERR_TIMEOUT) {
        page_message(r, w, 410, W(w, "page.expired"),
                     W(w, "page.expired_text"));
        goto done;
    }
    /* An acknowledge link names the ticket and its technician. */
    dash = rc ? NULL : strchr(id, '-');
    if (dash && !strcmp(purpose, "ack")) {
        pvs_strlcpy(actor, dash + 1, sizeof(actor));
        *dash = '\0';
    }
    if (rc || pvs_parse_i64(id, &ticket)) {
        page_message(r, w, 404, W(w, "page.not_found"), W(w, "page.not_valid"));
        goto done;
    }
    st = pvs_web_store(r);
    if (!st || pvs_store_ticket_get(st, ticket, &t)) {
        page_message(r, w, 404, W(w, "page.not_found"), W(w, "page.not_valid"));
        goto done;
    }
    site = t.site ? pvs_config_site(r->w->cfg, t.site) : NULL;
    if (!strcmp(purpose, "ack")) {
        const struct pvs_person *tech =
            actor[0] ? pvs_config_technician(r->w->cfg, actor) : NULL;
        pvs_strlcpy(w->lang, tech && tech->language ? tech->language : "en",
                    sizeof(w->lang));
        const char *sig = strrchr(token, '.');
        ack_page(r, w, &t, site, actor, sig ? sig + 1 : token, post);
        pvs_ticket_release(&t);
        goto done;
    }
    customer_lang(r, st, site, w->lang, sizeof(w->lang));

    x = pvs_calloc(1, sizeof(*x));
    *x = (struct link_ctx){.r = r,
                           .w = w,
                           .st = st,
                           .t = &t,
                           .site = site,
                           .purpose = purpose,
                           .ticket = ticket,
                           .post = post,
                           .body = r->body.data ? r->body.data : ""};
    c = link_purpose(x);
    pvs_free(x);
    pvs_command_put(c);
    pvs_ticket_release(&t);
done:
    pvs_free(w);
}
