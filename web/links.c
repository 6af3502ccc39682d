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
#include "pvs/ticket.h"
#include "pvs/token.h"
#include "web_int.h"

static const char *const purposes[] = {"status", "survey",   "apptyes",
                                       "apptno", "selfhelp", "prefs"};

static void page_start(struct web_req *r, int status, const char *title) {
    r->status = status;
    r->ctype = "text/html; charset=utf-8";
    pvs_buf_reset(&r->out);
    pvs_buf_puts(&r->out, "<!doctype html><html><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-"
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

static void page_message(struct web_req *r, int status, const char *title,
                         const char *text) {
    page_start(r, status, title);
    pvs_buf_puts(&r->out, "<p>");
    pvs_buf_html(&r->out, text);
    pvs_buf_puts(&r->out, "</p>");
    page_end(r);
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

/* Plain words for a ticket state, for customers. */
static const char *status_words(const char *status) {
    static const struct {
        const char *status, *words;
    } w[] = {
        {"open", "We have noticed the problem and are on it."},
        {"assigned", "A technician has been told and will take care of it."},
        {"acknowledged", "A technician is looking into it."},
        {"scheduled", "A visit is planned."},
        {"fixed", "The technician has fixed it; we are checking that "
                  "everything works."},
        {"resolved", "Everything works normally again."},
        {"closed", "This is done: everything works normally."},
        {"on_hold", "We are waiting for something before we can go on."},
        {"false_alarm", "After checking, there was nothing wrong."},
        {"merged", "This is being handled together with a related issue."},
    };
    for (size_t i = 0; i < PVS_ARRAY_LEN(w); i++)
        if (!strcmp(w[i].status, status))
            return w[i].words;
    return "We are on it.";
}

static void form(struct web_req *r, const char *button, const char *fields) {
    pvs_buf_puts(&r->out, "<form method=\"post\">");
    pvs_buf_puts(&r->out, fields);
    pvs_buf_puts(&r->out, "<p><button type=\"submit\">");
    pvs_buf_html(&r->out, button);
    pvs_buf_puts(&r->out, "</button></p></form>");
}

static bool submit(struct web_req *r, struct pvs_command *c,
                   const char *done_title) {
    if (!pvs_api_call(r, c)) {
        char msg[300];
        pvs_strlcpy(msg, c->message[0] ? c->message : "please try later",
                    sizeof(msg));
        page_message(r, r->status ? r->status : 503, "Sorry", msg);
        return false;
    }
    page_message(r, 200, done_title, c->message);
    return true;
}

static void status_page(struct web_req *r, const struct pvs_ticket *t,
                        const struct pvs_site *site) {
    page_start(r, 200, "Your solar installation");
    pvs_buf_puts(&r->out, "<p>");
    pvs_buf_html(&r->out, site && site->name ? site->name : t->site);
    pvs_buf_puts(&r->out, "</p><p><strong>");
    pvs_buf_html(&r->out, status_words(t->status));
    pvs_buf_puts(&r->out, "</strong></p><h2>Write to us</h2>");
    form(r, "Send",
         "<p><label>Your message<br><textarea name=\"message\" rows=\"4\" "
         "maxlength=\"2000\" required></textarea></label></p>");
    page_end(r);
}

void pvs_links_handle(struct web_req *r, const char *token) {
    unsigned char key[PVS_TOKEN_KEY_LEN];
    char id[32], purpose[16], field[2048];
    const char *dot = strchr(token, '.');
    struct pvs_store *st;
    struct pvs_ticket t;
    const struct pvs_site *site = NULL;
    bool post = !strcmp(r->method, "POST");
    int64_t ticket;
    struct pvs_command *c = NULL;
    enum pvs_err rc;
    const char *body = r->body.data ? r->body.data : "";

    if (!dot || (size_t)(dot - token) >= sizeof(purpose)) {
        page_message(r, 404, "Link not found", "This link is not valid.");
        return;
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
        page_message(r, 410, "This link has expired",
                     "Please use the link in our most recent message, or "
                     "reply to it.");
        return;
    }
    if (rc || pvs_parse_i64(id, &ticket)) {
        page_message(r, 404, "Link not found", "This link is not valid.");
        return;
    }
    st = pvs_web_store(r);
    if (!st || pvs_store_ticket_get(st, ticket, &t)) {
        page_message(r, 404, "Link not found",
                     "We cannot find what this link is about.");
        return;
    }
    site = t.site ? pvs_config_site(r->w->cfg, t.site) : NULL;

    if (!strcmp(purpose, "status")) {
        if (!post) {
            status_page(r, &t, site);
        } else if (!form_value(body, "message", field, sizeof(field)) ||
                   !field[0]) {
            page_message(r, 400, "Nothing to send",
                         "Please write a message first.");
        } else {
            c = pvs_command_new(PVS_CMD_CUSTOMER_CONTACT);
            pvs_strlcpy(c->site_id, t.site ? t.site : "", sizeof(c->site_id));
            pvs_strlcpy(c->text, field, sizeof(c->text));
            pvs_strlcpy(c->actor, "customer", sizeof(c->actor));
            if (submit(r, c, "Thank you"))
                pvs_buf_puts(&r->out, "<p>A person from our team will get "
                                      "back to you.</p>");
        }
    } else if (!strcmp(purpose, "survey")) {
        enum pvs_survey_state sv = PVS_SURVEY_OPEN;
        if (pvs_store_survey_state(st, ticket, &sv))
            sv = PVS_SURVEY_OPEN; /* the engine has the last word */
        if (sv == PVS_SURVEY_NONE) {
            page_message(r, 404, "No survey here",
                         "There is no survey for this ticket.");
        } else if (sv == PVS_SURVEY_ANSWERED) {
            page_message(r, 200, "Thank you",
                         "This survey was already answered.");
        } else if (!post) {
            page_start(r, 200, "How did we do?");
            form(r, "Send",
                 "<p>How satisfied are you with our service?</p><p>"
                 "<label><input type=\"radio\" name=\"csat\" value=\"1\" "
                 "required> 1 (not at all)</label> "
                 "<label><input type=\"radio\" name=\"csat\" value=\"2\"> "
                 "2</label> <label><input type=\"radio\" name=\"csat\" "
                 "value=\"3\"> 3</label> <label><input type=\"radio\" "
                 "name=\"csat\" value=\"4\"> 4</label> <label><input "
                 "type=\"radio\" name=\"csat\" value=\"5\"> 5 (very)</label>"
                 "</p><p><label>Anything to add? (optional)<br><textarea "
                 "name=\"comment\" rows=\"3\" maxlength=\"2000\"></textarea>"
                 "</label></p>");
            page_end(r);
        } else {
            int64_t csat = 0;
            form_value(body, "csat", field, sizeof(field));
            if (pvs_parse_i64(field, &csat)) {
                page_message(r, 400, "Please choose a score",
                             "Pick a number from 1 to 5.");
            } else {
                c = pvs_command_new(PVS_CMD_SURVEY);
                c->ticket_id = ticket;
                c->value = csat;
                form_value(body, "comment", c->text, sizeof(c->text));
                pvs_strlcpy(c->actor, "customer", sizeof(c->actor));
                submit(r, c, "Thank you");
            }
        }
    } else if (!strcmp(purpose, "apptyes") || !strcmp(purpose, "apptno")) {
        bool yes = !strcmp(purpose, "apptyes");
        if (!post) {
            page_start(r, 200, yes ? "Confirm the visit" : "Another time");
            form(r, yes ? "Yes, this time works" : "Please suggest another",
                 "");
            page_end(r);
        } else {
            c = pvs_command_new(PVS_CMD_APPOINTMENT_REPLY);
            c->ticket_id = ticket;
            c->value = yes;
            pvs_strlcpy(c->actor, "customer", sizeof(c->actor));
            submit(r, c, yes ? "See you then" : "We will propose another time");
        }
    } else if (!strcmp(purpose, "selfhelp")) {
        if (!post) {
            page_start(r, 200, "Does it work again?");
            pvs_buf_puts(&r->out, "<p>If you followed the steps in our message "
                                  "and your installation works again, tell "
                                  "us here. We will check the data.</p>");
            form(r, "It works again", "");
            page_end(r);
        } else {
            c = pvs_command_new(PVS_CMD_SELF_HELP_DONE);
            c->ticket_id = ticket;
            pvs_strlcpy(c->actor, "customer", sizeof(c->actor));
            submit(r, c, "Thank you");
        }
    } else { /* prefs */
        const struct pvs_person *cust = site ? site->customer : NULL;
        if (!cust) {
            page_message(r, 404, "Link not found", "No customer here.");
        } else if (!post) {
            page_start(r, 200, "How we contact you");
            form(r, "Save",
                 "<p><label>Channel <select name=\"channel\"><option "
                 "value=\"email\">Email</option><option value=\"sms\">Text "
                 "message</option></select></label></p><p><label>Language "
                 "<select name=\"language\"><option value=\"en\">English"
                 "</option><option value=\"fr\">Fran\xc3\xa7"
                 "ais</option>"
                 "</select></label></p><p><label>No messages between "
                 "(HH:MM-HH:MM) <input name=\"quiet_hours\" value=\"21:00-"
                 "08:00\" pattern=\"[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}\">"
                 "</label></p><p><label><input type=\"checkbox\" "
                 "name=\"opt_out\" value=\"1\"> Only tell me when a visit is "
                 "needed</label></p>");
            page_end(r);
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
            c = pvs_command_new(PVS_CMD_PREFS);
            pvs_strlcpy(c->actor, cust->obj.id, sizeof(c->actor));
            pvs_strlcpy(c->text, kv.data ? kv.data : "", sizeof(c->text));
            pvs_buf_release(&kv);
            submit(r, c, "Saved");
        }
    }
    pvs_command_put(c);
    pvs_ticket_release(&t);
}
