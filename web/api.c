/* SPDX-License-Identifier: MIT */
/*
 * api.c - the REST API under /api/v1 (JSON), and /metrics.
 *
 * DESIGN
 * Every handler starts with the same two questions, in this order: may
 * this role use this endpoint at all (401 without credentials, 403 for a
 * role that never may), and is this object inside the caller's scope
 * (404, the same answer as for an object that does not exist, so ids of
 * other customers' sites cannot be probed). Reads run on a read-only
 * handle with the scope inside the SQL (store_web.c); writes go to the
 * engine as commands and the engine's status is passed through.
 *
 * Request bodies are JSON objects, checked against the same field tables
 * the engine uses, and errors name the field at fault. Nothing from a
 * request is ever pasted into SQL: ids are checked for shape and bound.
 */
#define PVS_LOG_MODULE "web"
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "pvs/clock.h"
#include "pvs/inbox.h"
#include "pvs/embed.h"
#include "pvs/log.h"
#include "pvs/stats.h"
#include "pvs/store_flow.h"
#include "pvs/store_outbox.h"
#include "pvs/template.h"
#include "pvs/rota.h"
#include "pvs/ticket_types.h"
#include "pvs/web_views.h"
#include "web_int.h"

#define MAX_SEGS 6
#define R_ADMIN (1u << ROLE_ADMIN)
#define R_INSTALLER (1u << ROLE_INSTALLER)
#define R_TECH (1u << ROLE_TECHNICIAN)
#define R_CUSTOMER (1u << ROLE_CUSTOMER)
#define R_STAFF (R_ADMIN | R_INSTALLER | R_TECH)
#define R_ANY (R_STAFF | R_CUSTOMER)

static int64_t wall_ms(void) {
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Whether the caller's role is in mask; otherwise answer 401 or 403. */
static bool allow(struct web_req *r, unsigned mask) {
    if (r->who.role == ROLE_NONE) {
        pvs_web_error(r, 401, NULL,
                      "log in, or send an API token (Authorization: Bearer)");
        return false;
    }
    if (!(mask & (1u << r->who.role))) {
        pvs_web_error(r, 403, NULL, "a %s may not do this",
                      pvs_auth_role_name(r->who.role));
        return false;
    }
    return true;
}

static bool method(struct web_req *r, const char *m) {
    return !strcmp(r->method, m) ||
           (!strcmp(m, "GET") && !strcmp(r->method, "HEAD"));
}

static struct pvs_store *store(struct web_req *r) {
    struct pvs_store *st = pvs_web_store(r);

    if (!st)
        pvs_web_error(r, 503, NULL, "the database cannot be read");
    return st;
}

/* Map a store result onto the answer; true when r->out holds JSON. */
static bool read_ok(struct web_req *r, enum pvs_err rc, const char *what) {
    if (!rc) {
        pvs_buf_puts(&r->out, "\n");
        pvs_web_json(r, 200);
        return true;
    }
    if (rc == PVS_ERR_NOTFOUND)
        pvs_web_error(r, 404, NULL, "no such %s", what);
    else if (rc == PVS_ERR_FULL)
        pvs_web_error(r, 413, NULL,
                      "the answer is too large: narrow the "
                      "request (limit, from, to)");
    else
        pvs_web_error(r, 503, NULL, "the database cannot be read");
    return false;
}

/* Whether the raw JSON body carries a NUL: a raw byte, or \u0000. */
static bool body_has_nul(const struct pvs_buf *b) {
    for (size_t i = 0; i < b->len; i++) {
        if (!b->data[i])
            return true;
        if (b->data[i] != '\\' || i + 1 >= b->len)
            continue;
        if (b->data[i + 1] == 'u' && i + 5 < b->len &&
            !memcmp(b->data + i + 2, "0000", 4))
            return true;
        i++; /* the escaped character */
    }
    return false;
}

cJSON *pvs_api_body(struct web_req *r) {
    const char *end = NULL;
    cJSON *j;

    if (!r->body.len) {
        pvs_web_error(r, 400, NULL, "a JSON object is required as the body");
        return NULL;
    }
    /* Browsers cannot send this type across sites without asking first,
     * which backs SameSite cookies against request forgery. */
    if (!pvs_web_ctype_is(r, "application/json")) {
        pvs_web_error(r, 415, NULL,
                      "send the body as Content-Type: application/json");
        return NULL;
    }
    /*
     * A JSON string may hold "\u0000", and C strings stop there: a user
     * created with "0123456789\u0000-the-rest" would log in with the
     * first ten characters. No field of the API has a use for it.
     */
    if (body_has_nul(&r->body)) {
        pvs_web_error(r, 400, NULL, "a NUL character is not allowed");
        return NULL;
    }
    j = cJSON_ParseWithLengthOpts(r->body.data, r->body.len, &end, false);
    if (!j) {
        pvs_web_error(r, 400, NULL, "bad JSON near byte %zu",
                      end ? (size_t)(end - r->body.data) : 0);
        return NULL;
    }
    if (!cJSON_IsObject(j)) {
        cJSON_Delete(j);
        pvs_web_error(r, 400, NULL, "the body must be a JSON object");
        return NULL;
    }
    return j;
}

bool pvs_api_call(struct web_req *r, struct pvs_command *c) {
    enum pvs_err rc = pvs_command_call(r->w->inbox, c, WEB_CMD_TIMEOUT_MS);

    if (rc) {
        pvs_web_error(r, 503, NULL,
                      "the engine is busy or stopping (%s): "
                      "try again",
                      pvs_err_str(rc));
        return false;
    }
    /* The API's own kinds leave their message in text too. */
    if (!c->message[0] && (int)c->kind >= PVS_CMD_API_BASE)
        pvs_strlcpy(c->message, c->text, sizeof(c->message));
    if (c->result) {
        pvs_web_error(r, pvs_web_status(c->result), NULL, "%s", c->message);
        return false;
    }
    return true;
}

/* Send c with cmd_text and answer {"ok", "message", "id"}. */
static void command(struct web_req *r, struct pvs_command *c, int ok_status) {
    pvs_strlcpy(c->actor, r->who.actor, sizeof(c->actor));
    if (pvs_api_call(r, c)) {
        pvs_buf_puts(&r->out, "{\"ok\": true, \"message\": ");
        pvs_buf_json_str(&r->out, c->message);
        pvs_buf_printf(&r->out, ", \"id\": %lld}\n", (long long)c->result_id);
        pvs_web_json(r, ok_status ? ok_status : c->created ? 201 : 200);
    }
    pvs_command_put(c);
}

/* Put j (PrintUnformatted) into c->text; false when it does not fit. */
static bool set_text(struct web_req *r, struct pvs_command *c, cJSON *j) {
    char *s = cJSON_PrintUnformatted(j);
    bool ok = s && pvs_strlcpy(c->text, s, sizeof(c->text));

    cJSON_free(s);
    if (!ok)
        pvs_web_error(r, 413, NULL, "the request is too large");
    return ok;
}

static int64_t arg_int(struct web_req *r, const char *name, int64_t def,
                       int64_t lo, int64_t hi, bool *ok) {
    const char *v = pvs_web_arg(r, name);
    int64_t n;

    if (!v)
        return def;
    if (pvs_parse_i64(v, &n) || n < lo || n > hi) {
        pvs_web_error(r, 400, name,
                      "%s must be a whole number from %lld to "
                      "%lld",
                      name, (long long)lo, (long long)hi);
        *ok = false;
        return def;
    }
    return n;
}

/* The largest whole number a JSON number carries exactly (2^53). */
#define JSON_INT_MAX 9007199254740992LL
/* 9999-12-31T23:59:59.999Z: the last instant ISO 8601 text can name. */
#define JSON_TIME_MAX 253402300799999LL

/*
 * A whole number from lo to hi (at most JSON_INT_MAX) from JSON. Checked
 * before the conversion: a double outside int64_t (1e300, inf) has no
 * defined conversion.
 */
static bool json_int(const cJSON *v, int64_t lo, int64_t hi, int64_t *ret) {
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= (double)lo) ||
        !(v->valuedouble <= (double)hi))
        return false;
    *ret = (int64_t)v->valuedouble;
    return true;
}

/* A time from JSON: ms since the epoch, or ISO 8601 text. */
static bool json_time(const cJSON *v, int64_t *ret) {
    if (cJSON_IsNumber(v))
        return json_int(v, 1, JSON_TIME_MAX, ret);
    return cJSON_IsString(v) && !pvs_clock_parse_time(v->valuestring, ret);
}

/*
 * "2024-06-21T14:00" with no zone or offset: a wall-clock time of the
 * ticket's site (the engine converts it), not UTC.
 */
static bool local_time(const cJSON *v) {
    const char *t = cJSON_GetStringValue(v);
    size_t n = t ? strlen(t) : 0;

    return n >= 16 && n <= 19 && t[10] == 'T' && t[n - 1] != 'Z' &&
           !strchr(t + 10, '+') && !strchr(t + 10, '-');
}

/* ---- /me, tickets ---- */

/*
 * The dashboard's words for its reader: customers read their pages in
 * their language (their preference, else the configured one), staff in
 * English. {"lang": "fr", "words": {"dash.title": "...", ...}}: every
 * "dash." phrase of notifier/templates/<lang>/dashboard.txt.
 */
static void words(struct web_req *r) {
    char lang[16] = "en", buf[1024];
    const char *en;

    if (!allow(r, R_ANY))
        return;
    if (r->who.role == ROLE_CUSTOMER) {
        const struct pvs_person *c =
            pvs_config_customer(r->w->cfg, r->who.person);
        struct pvs_store *st = pvs_web_store(r);
        char channel[16], pl[16], quiet[32];
        int opt = -1;

        if (c && c->language)
            pvs_strlcpy(lang, c->language, sizeof(lang));
        if (st &&
            !pvs_store_prefs_get(st, r->who.person, channel, pl, quiet,
                                 sizeof(pl), &opt) &&
            pl[0])
            pvs_strlcpy(lang, pl, sizeof(lang));
    }
    pvs_buf_puts(&r->out, "{\"lang\": ");
    pvs_buf_json_str(&r->out, lang);
    pvs_buf_puts(&r->out, ", \"words\": {");
    en = pvs_embed_get("notifier/templates/en/dashboard.txt", NULL);
    for (const char *p = en, *sep = ""; p && *p;) {
        const char *eol = strchr(p, '\n'), *eq = strstr(p, " = ");
        char key[96];

        if (!eol)
            eol = p + strlen(p);
        if (*p != '#' && eq && eq < eol) {
            pvs_snprintf(key, sizeof(key), "%.*s", (int)(eq - p), p);
            if (pvs_template_word(lang, key, buf, sizeof(buf))) {
                pvs_buf_puts(&r->out, sep);
                pvs_buf_json_str(&r->out, key);
                pvs_buf_puts(&r->out, ": ");
                pvs_buf_json_str(&r->out, buf);
                sep = ", ";
            }
        }
        p = *eol ? eol + 1 : eol;
    }
    pvs_buf_puts(&r->out, "}}\n");
    pvs_web_json(r, 200);
}

static void me(struct web_req *r) {
    if (!allow(r, R_ANY))
        return;
    pvs_buf_puts(&r->out, "{\"username\": ");
    pvs_buf_json_str(&r->out, r->who.username);
    pvs_buf_printf(&r->out, ", \"role\": \"%s\", \"person\": ",
                   pvs_auth_role_name(r->who.role));
    pvs_buf_json_str(&r->out, r->who.person);
    pvs_buf_puts(&r->out, ", \"actor\": ");
    pvs_buf_json_str(&r->out, r->who.actor);
    /* The zone of the technician's own profile, for pages that are about
     * no site; otherwise (UTC is the default) the browser's. */
    if (r->who.role == ROLE_TECHNICIAN) {
        const struct pvs_person *p =
            pvs_config_technician(r->w->cfg, r->who.person);
        if (p && p->timezone && strcmp(p->timezone, "UTC")) {
            pvs_buf_puts(&r->out, ", \"timezone\": ");
            pvs_buf_json_str(&r->out, p->timezone);
        }
    }
    pvs_buf_printf(&r->out, ", \"user_id\": %lld}\n",
                   (long long)r->who.user_id);
    pvs_web_json(r, 200);
}

static bool parse_id(struct web_req *r, const char *s, int64_t *ret) {
    if (pvs_parse_i64(s, ret) || *ret <= 0) {
        pvs_web_error(r, 404, NULL, "no such object '%.40s'", s);
        return false;
    }
    return true;
}

static void tickets_list(struct web_req *r) {
    struct pvs_ticket_filter f;
    struct pvs_scope scope;
    struct pvs_store *st;
    bool ok = true;

    if (!allow(r, R_ANY) || !(st = store(r)))
        return;
    memset(&f, 0, sizeof(f));
    f.status = pvs_web_arg(r, "status");
    f.site = pvs_web_arg(r, "site");
    f.limit = arg_int(r, "limit", 50, 1, 500, &ok);
    f.offset = arg_int(r, "offset", 0, 0, INT32_MAX, &ok);
    if (!ok)
        return;
    if (f.status && (strlen(f.status) > 20 || !*f.status))
        f.status = "none";
    pvs_auth_scope(r, &scope);
    read_ok(r, pvs_view_tickets_json(st, &scope, &f, &r->out), "ticket");
}

/* The KB article of an alert, appended as "kb_article". */
static void add_kb(struct web_req *r) {
    const char *kb = strstr(r->out.data, "\"kb\": \"");
    char id[80], path[128];
    const char *text;
    size_t n = 0;

    if (!kb)
        return;
    kb += 7;
    while (kb[n] && kb[n] != '"' && n + 1 < sizeof(id)) {
        id[n] = kb[n];
        n++;
    }
    id[n] = '\0';
    if (!pvs_store_web_id_valid(id))
        return;
    pvs_snprintf(path, sizeof(path), "rules/kb/%s.md", id);
    text = pvs_embed_get(path, NULL);
    if (!text)
        return;
    /* r->out ends with "}\n": reopen the object. */
    while (r->out.len && r->out.data[r->out.len - 1] != '}')
        r->out.data[--r->out.len] = '\0';
    if (!r->out.len)
        return;
    r->out.data[--r->out.len] = '\0';
    pvs_buf_puts(&r->out, ", \"kb_article\": ");
    pvs_buf_json_str(&r->out, text);
    pvs_buf_puts(&r->out, "}\n");
}

static void add_person(cJSON *o, const char *key, const struct pvs_person *p) {
    cJSON *x = cJSON_AddObjectToObject(o, key);

    cJSON_AddStringToObject(x, "id", p->obj.id);
    cJSON_AddStringToObject(x, "name", p->name ? p->name : p->obj.id);
}

/*
 * Who is on call and how escalation goes for a ticket, appended to the
 * staff's view as "service": the assignee, the technicians on call now,
 * the escalation steps (rota, then team lead) and when the next fires.
 */
static void add_service(struct web_req *r) {
    const struct pvs_config *cfg = r->w->cfg;
    cJSON *t = cJSON_ParseWithLength(r->out.data, r->out.len), *svc, *arr;
    const char *assignee, *severity;
    const cJSON *ack, *at, *lvl;
    int64_t now = pvs_clock_now_ms(), delay;
    char *txt;

    if (!t)
        return;
    assignee = cJSON_GetStringValue(cJSON_GetObjectItem(t, "assignee"));
    severity = cJSON_GetStringValue(cJSON_GetObjectItem(t, "severity"));
    ack = cJSON_GetObjectItem(t, "acknowledged_ms");
    at = cJSON_GetObjectItem(t, "escalate_at_ms");
    lvl = cJSON_GetObjectItem(t, "escalation_level");
    svc = cJSON_AddObjectToObject(t, "service");
    if (assignee && pvs_config_technician(cfg, assignee))
        add_person(svc, "assignee", pvs_config_technician(cfg, assignee));
    arr = cJSON_AddArrayToObject(svc, "on_call");
    for (size_t i = 0; i < cfg->ntechnicians; i++) {
        const struct pvs_person *p = cfg->technicians[i];
        if (pvs_on_call(cfg, p, now)) {
            cJSON *x = cJSON_CreateObject();
            cJSON_AddStringToObject(x, "id", p->obj.id);
            cJSON_AddStringToObject(x, "name", p->name ? p->name : p->obj.id);
            cJSON_AddItemToArray(arr, x);
        }
    }
    delay = severity ? pvs_escalation_ms(cfg, severity) : 0;
    cJSON_AddNumberToObject(svc, "delay_ms", (double)delay);
    arr = cJSON_AddArrayToObject(svc, "steps");
    for (int level = 1; assignee && level <= 2; level++) {
        char why[200] = "", words[300];
        const struct pvs_person *p =
            pvs_escalate_to(cfg, assignee, level, why, sizeof(why));
        cJSON *x;
        if (!p)
            break;
        x = cJSON_CreateObject();
        cJSON_AddNumberToObject(x, "level", level);
        cJSON_AddStringToObject(x, "id", p->obj.id);
        cJSON_AddStringToObject(x, "name", p->name ? p->name : p->obj.id);
        cJSON_AddStringToObject(
            x, "why", pvs_template_evidence("en", why, words, sizeof(words)));
        cJSON_AddItemToArray(arr, x);
    }
    cJSON_AddNumberToObject(svc, "level",
                            cJSON_IsNumber(lvl) ? lvl->valuedouble : 0);
    if (cJSON_IsNumber(at) && !cJSON_IsNumber(ack) && delay > 0)
        cJSON_AddNumberToObject(svc, "next_at_ms", at->valuedouble);
    else
        cJSON_AddNullToObject(svc, "next_at_ms");
    txt = cJSON_PrintUnformatted(t);
    cJSON_Delete(t);
    if (!txt)
        return;
    pvs_buf_reset(&r->out);
    pvs_buf_puts(&r->out, txt);
    pvs_buf_puts(&r->out, "\n");
    cJSON_free(txt);
}

static void ticket_get(struct web_req *r, int64_t id) {
    struct pvs_scope scope;
    struct pvs_store *st;

    if (!allow(r, R_ANY) || !(st = store(r)))
        return;
    pvs_auth_scope(r, &scope);
    if (read_ok(r,
                pvs_view_ticket_json(st, &scope, id,
                                     r->who.role != ROLE_CUSTOMER, &r->out),
                "ticket")) {
        add_kb(r);
        if (r->who.role != ROLE_CUSTOMER)
            add_service(r);
    }
}

static const struct {
    const char *name;
    enum pvs_command_kind kind;
    bool needs_text;
} ticket_actions[] = {
    {"ack", PVS_CMD_TICKET_ACK, false},
    {"acknowledge", PVS_CMD_TICKET_ACK, false},
    {"schedule", PVS_CMD_TICKET_SCHEDULE, false},
    {"fixed", PVS_CMD_TICKET_FIXED, false},
    {"resolve", PVS_CMD_TICKET_FIXED, false},
    {"close", PVS_CMD_TICKET_CLOSE, false},
    {"comment", PVS_CMD_TICKET_COMMENT, true},
    {"hold", PVS_CMD_TICKET_HOLD, false},
    {"false_alarm", PVS_CMD_TICKET_FALSE_ALARM, true},
    {"merge", PVS_CMD_TICKET_MERGE, false},
};

/*
 * What a customer does about their own ticket: answer the survey, answer
 * an appointment, say it works again. The engine's service workflow
 * decides what follows.
 */
static void customer_action(struct web_req *r, int64_t id,
                            enum pvs_command_kind kind) {
    struct pvs_command *c;
    struct pvs_scope scope;
    struct pvs_store *st;
    const cJSON *v;
    cJSON *j = NULL;

    if (!method(r, "POST")) {
        pvs_web_error(r, 405, NULL, "use POST");
        return;
    }
    if (!allow(r, R_CUSTOMER | R_ADMIN) || !(st = store(r)))
        return;
    pvs_auth_scope(r, &scope);
    if (pvs_store_web_ticket_visible(st, &scope, id)) {
        pvs_web_error(r, 404, NULL, "no such ticket");
        return;
    }
    if (r->body.len && !(j = pvs_api_body(r)))
        return;
    c = pvs_command_new(kind);
    c->ticket_id = id;
    if (kind == PVS_CMD_SURVEY) {
        v = j ? cJSON_GetObjectItemCaseSensitive(j, "csat") : NULL;
        if (!cJSON_IsNumber(v) || v->valuedouble < 1 || v->valuedouble > 5 ||
            v->valuedouble != floor(v->valuedouble)) {
            pvs_web_error(r, 400, "csat", "csat must be 1 to 5");
            goto out;
        }
        c->value = (int64_t)v->valuedouble;
        v = cJSON_GetObjectItemCaseSensitive(j, "comment");
        if (v && (!cJSON_IsString(v) || strlen(v->valuestring) > 1000)) {
            pvs_web_error(r, 400, "comment",
                          "comment: text of at most 1000 bytes");
            goto out;
        }
        if (v)
            pvs_strlcpy(c->text, v->valuestring, sizeof(c->text));
    } else if (kind == PVS_CMD_APPOINTMENT_REPLY) {
        v = j ? cJSON_GetObjectItemCaseSensitive(j, "confirm") : NULL;
        if (!cJSON_IsBool(v)) {
            pvs_web_error(r, 400, "confirm",
                          "confirm must be true (the "
                          "slot suits) or false");
            goto out;
        }
        c->value = cJSON_IsTrue(v);
    }
    command(r, c, 200);
    c = NULL;
out:
    pvs_command_put(c);
    cJSON_Delete(j);
}

/* POST /contact {site, text}: a customer writes in about a site. */
static void contact(struct web_req *r) {
    struct pvs_command *c;
    struct pvs_scope scope;
    struct pvs_store *st;
    const char *site, *text;
    cJSON *j;

    if (!allow(r, R_CUSTOMER) || !(st = store(r)) || !(j = pvs_api_body(r)))
        return;
    site = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "site"));
    text = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "text"));
    pvs_auth_scope(r, &scope);
    if (!pvs_store_web_id_valid(site) ||
        pvs_store_web_site_visible(st, &scope, site)) {
        pvs_web_error(r, 400, "site", "site must be one of your sites");
    } else if (!text || !*text || strlen(text) > 2000) {
        pvs_web_error(r, 400, "text",
                      "text is required (at most 2000 "
                      "bytes)");
    } else {
        c = pvs_command_new(PVS_CMD_CUSTOMER_CONTACT);
        pvs_strlcpy(c->site_id, site, sizeof(c->site_id));
        pvs_strlcpy(c->text, text, sizeof(c->text));
        command(r, c, 200);
    }
    cJSON_Delete(j);
}

/* c's arguments from the body j; false (and answered) when one is bad. */
static bool ticket_args(struct web_req *r, struct pvs_store *st,
                        const struct pvs_scope *scope, struct pvs_command *c,
                        const cJSON *j, const char *action, bool needs_text) {
    const cJSON *text = j ? cJSON_GetObjectItemCaseSensitive(j, "text") : NULL;
    const cJSON *at = j ? cJSON_GetObjectItemCaseSensitive(j, "at") : NULL;
    const cJSON *into = j ? cJSON_GetObjectItemCaseSensitive(j, "into") : NULL;

    if (text && (!cJSON_IsString(text) ||
                 !pvs_strlcpy(c->text, text->valuestring, sizeof(c->text)))) {
        pvs_web_error(r, 400, "text",
                      "text must be a string of at most %d "
                      "bytes",
                      PVS_CMD_TEXT_MAX - 1);
        return false;
    }
    if (needs_text && !c->text[0]) {
        pvs_web_error(r, 400, "text", "text is required for %s", action);
        return false;
    }
    if (c->kind == PVS_CMD_TICKET_SCHEDULE) {
        c->local_time = local_time(at);
        if (!json_time(at, &c->value_ms)) {
            pvs_web_error(r, 400, "at",
                          "at is required: the visit time (ISO "
                          "8601 or ms since the epoch)");
            return false;
        }
    }
    if (c->kind == PVS_CMD_TICKET_FIXED && j &&
        cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(j, "confirm")))
        c->value = 1;
    if (c->kind == PVS_CMD_TICKET_MERGE &&
        (!json_int(into, 1, JSON_INT_MAX, &c->other_id) ||
         pvs_store_web_ticket_visible(st, scope, c->other_id))) {
        pvs_web_error(r, 400, "into", "into must be another ticket's id");
        return false;
    }
    return true;
}

static void ticket_action(struct web_req *r, int64_t id, const char *action) {
    static const struct {
        const char *name;
        enum pvs_command_kind kind;
    } customer[] = {
        {"survey", PVS_CMD_SURVEY},
        {"appointment", PVS_CMD_APPOINTMENT_REPLY},
        {"works_again", PVS_CMD_SELF_HELP_DONE},
    };
    struct pvs_command *c;
    struct pvs_scope scope;
    struct pvs_store *st;
    cJSON *j = NULL;
    size_t i;

    for (i = 0; i < PVS_ARRAY_LEN(customer); i++) {
        if (!strcmp(action, customer[i].name)) {
            customer_action(r, id, customer[i].kind);
            return;
        }
    }
    for (i = 0; i < PVS_ARRAY_LEN(ticket_actions); i++)
        if (!strcmp(ticket_actions[i].name, action))
            break;
    if (i == PVS_ARRAY_LEN(ticket_actions)) {
        pvs_web_error(r, 404, NULL, "no such ticket action '%.40s'", action);
        return;
    }
    if (!method(r, "POST")) {
        pvs_web_error(r, 405, NULL, "use POST for ticket actions");
        return;
    }
    if (!allow(r, R_ADMIN | R_TECH) || !(st = store(r)))
        return;
    pvs_auth_scope(r, &scope);
    if (pvs_store_web_ticket_visible(st, &scope, id)) {
        pvs_web_error(r, 404, NULL, "no such ticket");
        return;
    }
    if (r->body.len && !(j = pvs_api_body(r)))
        return;
    c = pvs_command_new(ticket_actions[i].kind);
    c->ticket_id = id;
    if (ticket_args(r, st, &scope, c, j, action,
                    ticket_actions[i].needs_text)) {
        command(r, c, 200);
        c = NULL;
    }
    pvs_command_put(c);
    cJSON_Delete(j);
}

/* ---- sites, devices, people ---- */

static bool timezone_ok(const char *tz) {
    char path[160];

    if (!strcmp(tz, "UTC"))
        return true;
    pvs_snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", tz);
    return !strstr(tz, "..") && tz[0] != '/' && access(path, R_OK) == 0;
}

/* Which roles may write entity e; read rules are in entity_get/list. */
static unsigned write_roles(const struct pvs_entity *e) {
    if (!strcmp(e->name, "technician"))
        return R_ADMIN;
    return R_ADMIN | R_INSTALLER;
}

static void entity_write(struct web_req *r, const struct pvs_entity *e,
                         const char *id, int kind) {
    char field[64], msg[200], idbuf[PVS_WEB_NAME_MAX + 8];
    struct pvs_command *c = NULL;
    cJSON *j = NULL, *cmd = NULL;
    const cJSON *tz;

    if (!allow(r, write_roles(e)))
        return;
    if (kind != PVS_CMD_API_DELETE && !(j = pvs_api_body(r)))
        return;
    if (kind == PVS_CMD_API_CREATE) {
        const cJSON *jid = cJSON_GetObjectItemCaseSensitive(j, "id");
        id = cJSON_GetStringValue(jid);
        if (!pvs_store_web_id_valid(id)) {
            pvs_web_error(r, 400, "id",
                          "id is required: 1 to 64 letters, "
                          "digits, '.', '-' or '_'");
            goto out;
        }
        /* id belongs to j, whose "id" member goes next. */
        pvs_strlcpy(idbuf, id, sizeof(idbuf));
        id = idbuf;
    }
    if (j) {
        cJSON_DeleteItemFromObjectCaseSensitive(j, "id");
        if (pvs_entity_validate_json(e, j, kind == PVS_CMD_API_CREATE, field,
                                     sizeof(field), msg, sizeof(msg))) {
            pvs_web_error(r, 400, field, "%s", msg);
            goto out;
        }
        tz = cJSON_GetObjectItemCaseSensitive(j, "timezone");
        if (cJSON_IsString(tz) && !timezone_ok(tz->valuestring)) {
            pvs_web_error(r, 400, "timezone",
                          "unknown timezone '%.64s': "
                          "expected an IANA name such as "
                          "Europe/Paris",
                          tz->valuestring);
            goto out;
        }
    }
    cmd = cJSON_CreateObject();
    cJSON_AddStringToObject(cmd, "entity", e->name);
    cJSON_AddStringToObject(cmd, "id", id);
    if (r->who.role == ROLE_INSTALLER)
        cJSON_AddStringToObject(cmd, "owner", r->who.actor);
    c = pvs_command_new((enum pvs_command_kind)kind);
    /* The fields go typed, by the entity's field table. */
    if (j)
        c->vals = pvs_view_obj_vals(e, j);
    if (!set_text(r, c, cmd))
        goto out;
    command(r, c, kind == PVS_CMD_API_CREATE ? 201 : 200);
    c = NULL;
out:
    pvs_command_put(c);
    cJSON_Delete(cmd);
    cJSON_Delete(j);
}

/* The clear sky of site on the series' buckets, appended to its answer. */
static void series_expected(struct web_req *r, const struct pvs_site *site,
                            int64_t from, int64_t to, int64_t step) {
    struct web_sky sky;
    bool first = true;

    step = pvs_view_series_step(from, to, step);
    if (pvs_web_sky_read(store(r), site->obj.id, false, from - 7200000,
                         to + 7200000, &sky) ||
        !sky.n) {
        pvs_web_sky_release(&sky);
        return;
    }
    r->out.data[--r->out.len] = '\0';
    pvs_buf_puts(&r->out, ", \"expected\": [");
    for (int64_t t = from - from % step; t < to; t += step) {
        double w;

        if (!pvs_web_sky_power(&sky, t + step / 2, &w))
            continue;
        pvs_buf_printf(&r->out, "%s[%lld, %.1f]", first ? "" : ", ",
                       (long long)t, w * site->kwp);
        first = false;
    }
    pvs_buf_puts(&r->out, "]}");
    pvs_web_sky_release(&sky);
}

static void site_series(struct web_req *r, const char *id) {
    const struct pvs_site *site = pvs_config_site(r->w->cfg, id);
    int64_t now = pvs_clock_now_ms(), from, to, step;
    const char *metric = pvs_web_arg(r, "metric");
    struct pvs_store *st = store(r);
    bool ok = true;

    if (!st)
        return;
    to = arg_int(r, "to", now, 0, INT64_MAX / 2, &ok);
    from = arg_int(r, "from", to - 86400000, 0, INT64_MAX / 2, &ok);
    step = arg_int(r, "step", 15 * 60000, 1000, 86400000, &ok);
    if (!ok)
        return;
    if (to <= from || to - from > 366LL * 86400000) {
        pvs_web_error(r, 400, "from",
                      "from must be before to, within a "
                      "year");
        return;
    }
    if (!metric)
        metric = "ac_power_w";
    if (pvs_metric_parse(metric, &(enum pvs_metric){0}, &(unsigned){0})) {
        pvs_web_error(r, 400, "metric",
                      "unknown metric (a canonical name such as"
                      " ac_power_w or mppt1_power_w)");
        return;
    }
    if (pvs_view_series_json(st, id, metric, from, to, step, &r->out)) {
        read_ok(r, PVS_ERR_DB, "series");
        return;
    }
    /* Expected power from the stored clear sky, on the same buckets. */
    if (site && !strcmp(metric, "ac_power_w") && site->kwp > 0)
        series_expected(r, site, from, to, step);
    read_ok(r, PVS_OK, "series");
}

static void site_production(struct web_req *r, const char *id) {
    const struct pvs_site *site = pvs_config_site(r->w->cfg, id);
    struct pvs_store *st = store(r);
    int64_t now = pvs_clock_now_ms(), from;
    struct web_sky sky = {0};
    double kwh[31];
    bool ok = true;
    int days;

    if (!st)
        return;
    days = (int)arg_int(r, "days", 7, 1, 31, &ok);
    if (!ok)
        return;
    from = now - now % 86400000 - (int64_t)(days - 1) * 86400000;
    if (pvs_store_web_daily_energy(st, id, from, days, kwh) ||
        pvs_web_sky_read(st, id, false, from, from + days * 86400000LL, &sky)) {
        pvs_web_sky_release(&sky);
        read_ok(r, PVS_ERR_DB, "production");
        return;
    }
    pvs_buf_puts(&r->out, "{\"days\": [");
    for (int d = 0; d < days; d++) {
        int64_t day = from + (int64_t)d * 86400000;
        double exp_kwh = 0;
        char iso[40];

        if (site && site->kwp > 0 &&
            pvs_web_sky_sum(&sky, day, day + 86400000, &exp_kwh))
            exp_kwh *= site->kwp / 1000.0;
        pvs_fmt_iso_utc(day, iso, sizeof(iso));
        iso[10] = '\0';
        pvs_buf_printf(&r->out,
                       "%s{\"day\": \"%s\", \"actual_kwh\": %.3f, "
                       "\"expected_kwh\": %.3f}",
                       d ? ", " : "", iso, kwh[d], exp_kwh);
    }
    pvs_buf_puts(&r->out, "]}");
    pvs_web_sky_release(&sky);
    read_ok(r, PVS_OK, "production");
}

static void sites(struct web_req *r, char **seg, int n) {
    const struct pvs_entity *e = pvs_store_web_entity("site");
    struct pvs_scope scope;
    struct pvs_store *st;
    bool ok = true;

    pvs_auth_scope(r, &scope);
    if (n == 1) {
        if (method(r, "POST")) {
            entity_write(r, e, NULL, PVS_CMD_API_CREATE);
        } else if (method(r, "GET")) {
            int64_t limit = arg_int(r, "limit", 100, 1, 1000, &ok);
            int64_t offset = arg_int(r, "offset", 0, 0, INT32_MAX, &ok);
            if (ok && allow(r, R_ANY) && (st = store(r)))
                read_ok(r,
                        pvs_view_sites_json(st, &scope, limit, offset, &r->out),
                        "site");
        } else {
            pvs_web_error(r, 405, NULL, "use GET or POST");
        }
        return;
    }
    if (!pvs_store_web_id_valid(seg[1])) {
        pvs_web_error(r, 404, NULL, "no such site");
        return;
    }
    if (n == 2 && method(r, "GET")) {
        if (allow(r, R_ANY) && (st = store(r)))
            read_ok(r, pvs_view_site_json(st, &scope, seg[1], &r->out), "site");
    } else if (n == 2 && (method(r, "PATCH") || method(r, "PUT"))) {
        entity_write(r, e, seg[1], PVS_CMD_API_UPDATE);
    } else if (n == 2 && method(r, "DELETE")) {
        entity_write(r, e, seg[1], PVS_CMD_API_DELETE);
    } else if (n == 3 && method(r, "POST") && !strcmp(seg[2], "mqtt-learn")) {
        pvs_tools_mqtt_learn(r, seg[1]);
    } else if (n == 3 && method(r, "GET")) {
        if (!allow(r, R_ANY) || !(st = store(r)))
            return;
        if (pvs_store_web_site_visible(st, &scope, seg[1])) {
            pvs_web_error(r, 404, NULL, "no such site");
            return;
        }
        if (!strcmp(seg[2], "series"))
            site_series(r, seg[1]);
        else if (!strcmp(seg[2], "production"))
            site_production(r, seg[1]);
        else if (!strcmp(seg[2], "energy"))
            pvs_api_site_energy(r, seg[1]);
        else if (!strcmp(seg[2], "devices"))
            read_ok(r, pvs_view_devices_json(st, &scope, seg[1], &r->out),
                    "device");
        else
            pvs_web_error(r, 404, NULL, "not found");
    } else {
        pvs_web_error(r, 404, NULL, "not found");
    }
}

static void devices(struct web_req *r, char **seg, int n) {
    const struct pvs_entity *e = pvs_store_web_entity("device");
    const char *site = pvs_web_arg(r, "site");
    struct pvs_scope scope;
    struct pvs_store *st;

    pvs_auth_scope(r, &scope);
    if (n == 1) {
        if (method(r, "POST"))
            entity_write(r, e, NULL, PVS_CMD_API_CREATE);
        else if (!method(r, "GET"))
            pvs_web_error(r, 405, NULL, "use GET or POST");
        else if (allow(r, R_ANY) && (st = store(r)))
            read_ok(r,
                    pvs_view_devices_json(st, &scope,
                                          site && *site ? site : NULL, &r->out),
                    "device");
        return;
    }
    if (!pvs_store_web_id_valid(seg[1]) || n > 3 ||
        (n == 3 && strcmp(seg[2], "test"))) {
        pvs_web_error(r, 404, NULL, "no such device");
        return;
    }
    if (n == 3) {
        if (method(r, "POST"))
            pvs_tools_device_test(r, seg[1]);
        else
            pvs_web_error(r, 405, NULL, "use POST to test a device");
        return;
    }
    if (method(r, "GET")) {
        if (allow(r, R_ANY) && (st = store(r)))
            read_ok(r, pvs_view_device_json(st, &scope, seg[1], &r->out),
                    "device");
    } else if (method(r, "PATCH") || method(r, "PUT")) {
        entity_write(r, e, seg[1], PVS_CMD_API_UPDATE);
    } else if (method(r, "DELETE")) {
        entity_write(r, e, seg[1], PVS_CMD_API_DELETE);
    } else {
        pvs_web_error(r, 405, NULL, "use GET, PATCH or DELETE");
    }
}

static void people(struct web_req *r, const char *role, char **seg, int n) {
    const struct pvs_entity *e = pvs_store_web_entity(role);
    bool customer = !strcmp(role, "customer");
    unsigned readers = customer ? R_ADMIN | R_INSTALLER : R_STAFF;
    struct pvs_command *c;
    struct pvs_store *st;

    if (n == 1) {
        if (method(r, "POST"))
            entity_write(r, e, NULL, PVS_CMD_API_CREATE);
        else if (!method(r, "GET"))
            pvs_web_error(r, 405, NULL, "use GET or POST");
        else if (allow(r, readers) && (st = store(r)))
            read_ok(r, pvs_view_objs_json(st, e, NULL, &r->out), role);
        return;
    }
    if (!pvs_store_web_id_valid(seg[1])) {
        pvs_web_error(r, 404, NULL, "no such %s", role);
        return;
    }
    if (n == 3 && customer && !strcmp(seg[2], "export") && method(r, "GET")) {
        if (allow(r, R_ADMIN) && (st = store(r)))
            read_ok(r, pvs_view_export_json(st, seg[1], &r->out), "customer");
        return;
    }
    if (n == 3 && customer && !strcmp(seg[2], "erase") && method(r, "POST")) {
        if (!allow(r, R_ADMIN))
            return;
        c = pvs_command_new((enum pvs_command_kind)PVS_CMD_API_ERASE_CUSTOMER);
        pvs_strlcpy(c->site_id, seg[1], sizeof(c->site_id));
        command(r, c, 200);
        return;
    }
    if (n != 2) {
        pvs_web_error(r, 404, NULL, "not found");
        return;
    }
    if (method(r, "GET")) {
        /* A customer may read their own record. */
        bool self = r->who.role == ROLE_CUSTOMER && customer &&
                    !strcmp(r->who.person, seg[1]);
        if (!self && !allow(r, readers))
            return;
        if ((st = store(r)))
            read_ok(r, pvs_view_objs_json(st, e, seg[1], &r->out), role);
    } else if (method(r, "PATCH") || method(r, "PUT")) {
        entity_write(r, e, seg[1], PVS_CMD_API_UPDATE);
    } else if (method(r, "DELETE")) {
        entity_write(r, e, seg[1], PVS_CMD_API_DELETE);
    } else {
        pvs_web_error(r, 405, NULL, "use GET, PATCH or DELETE");
    }
}

/*
 * A gateway's MQTT topic map: staff read them, installers and admins
 * write them (an installer only the maps they created).
 */
static void mqtt_maps(struct web_req *r, char **seg, int n) {
    const struct pvs_entity *e = pvs_store_web_entity("mqtt_map");
    struct pvs_store *st;

    if (n == 1) {
        if (method(r, "POST"))
            entity_write(r, e, NULL, PVS_CMD_API_CREATE);
        else if (!method(r, "GET"))
            pvs_web_error(r, 405, NULL, "use GET or POST");
        else if (allow(r, R_STAFF) && (st = store(r)))
            read_ok(r, pvs_view_objs_json(st, e, NULL, &r->out), "mqtt_map");
        return;
    }
    if (n != 2 || !pvs_store_web_id_valid(seg[1])) {
        pvs_web_error(r, 404, NULL, "no such mqtt_map");
        return;
    }
    if (method(r, "GET")) {
        if (allow(r, R_STAFF) && (st = store(r)))
            read_ok(r, pvs_view_objs_json(st, e, seg[1], &r->out), "mqtt_map");
    } else if (method(r, "PATCH") || method(r, "PUT")) {
        entity_write(r, e, seg[1], PVS_CMD_API_UPDATE);
    } else if (method(r, "DELETE")) {
        entity_write(r, e, seg[1], PVS_CMD_API_DELETE);
    } else {
        pvs_web_error(r, 405, NULL, "use GET, PATCH or DELETE");
    }
}

/* ---- accounts ---- */

static bool username_ok(const char *s) {
    size_t n = 0;

    for (; s && s[n]; n++) {
        char ch = s[n];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '_' ||
              ch == '@'))
            return false;
    }
    return n >= 1 && n < PVS_WEB_NAME_MAX;
}

/* PATCH /users/{id} {"password"}: an admin resets a password, which
 * enables the account again and ends its sessions. */
static void user_password(struct web_req *r, const char *sid) {
    char pwhash[crypto_pwhash_STRBYTES];
    struct pvs_command *c;
    const char *pw, *why;
    cJSON *j, *cmd;
    int64_t id;

    if (!parse_id(r, sid, &id) || !(j = pvs_api_body(r)))
        return;
    pw = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "password"));
    if (!pw) {
        pvs_web_error(r, 400, "password", "password is required");
    } else if ((why = pvs_auth_password_problem(pw, true))) {
        pvs_web_error(r, 400, "password", "%s", why);
    } else if (pvs_auth_password_hash(r->w, pw, pwhash, sizeof(pwhash))) {
        pvs_web_error(r, 503, NULL, "cannot hash the password right now");
    } else {
        cmd = cJSON_CreateObject();
        cJSON_AddStringToObject(cmd, "pwhash", pwhash);
        c = pvs_command_new((enum pvs_command_kind)PVS_CMD_API_USER_PASSWORD);
        c->other_id = id;
        if (set_text(r, c, cmd))
            command(r, c, 200);
        else
            pvs_command_put(c);
        cJSON_Delete(cmd);
        sodium_memzero(pwhash, sizeof(pwhash));
    }
    cJSON_Delete(j);
}

static void users(struct web_req *r, char **seg, int n) {
    char pwhash[crypto_pwhash_STRBYTES];
    struct pvs_command *c = NULL;
    const char *name, *role, *person, *pw, *why;
    enum web_role rl;
    struct pvs_store *st;
    cJSON *j = NULL, *cmd = NULL;
    int64_t id;

    if (!allow(r, R_ADMIN))
        return;
    if (n == 1 && method(r, "GET")) {
        if ((st = store(r)))
            read_ok(r, pvs_view_users_json(st, &r->out), "user");
        return;
    }
    if (n == 2 && method(r, "DELETE")) {
        if (!parse_id(r, seg[1], &id))
            return;
        c = pvs_command_new((enum pvs_command_kind)PVS_CMD_API_USER_DELETE);
        c->other_id = id;
        command(r, c, 200);
        return;
    }
    if (n == 2 && (method(r, "PATCH") || method(r, "PUT"))) {
        user_password(r, seg[1]);
        return;
    }
    if (n != 1 || !method(r, "POST")) {
        pvs_web_error(r, n == 1 ? 405 : 404, NULL, "not found");
        return;
    }
    if (!(j = pvs_api_body(r)))
        return;
    name =
        cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "username"));
    role = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "role"));
    person =
        cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "person"));
    pw = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "password"));
    rl = pvs_auth_role_parse(role);
    pwhash[0] = '\0';
    if (!username_ok(name)) {
        pvs_web_error(r, 400, "username",
                      "username: 1 to 63 letters, digits "
                      "or . - _ @");
    } else if (rl == ROLE_NONE) {
        pvs_web_error(r, 400, "role",
                      "role must be admin, installer, "
                      "technician or customer");
    } else if ((rl == ROLE_TECHNICIAN || rl == ROLE_CUSTOMER) &&
               !pvs_store_web_id_valid(person)) {
        pvs_web_error(r, 400, "person",
                      "person is required for a %s: the "
                      "%s's id",
                      role, role);
    } else if (pw && (why = pvs_auth_password_problem(pw, true))) {
        pvs_web_error(r, 400, "password", "%s", why);
    } else if (pw && pvs_auth_password_hash(r->w, pw, pwhash, sizeof(pwhash))) {
        pvs_web_error(r, 503, NULL, "cannot hash the password right now");
    } else {
        cmd = cJSON_CreateObject();
        cJSON_AddStringToObject(cmd, "username", name);
        cJSON_AddStringToObject(cmd, "role", role);
        /* An admin may be a person too: a technician record through
         * which they hear that an escalation ran out. */
        if (rl == ROLE_TECHNICIAN || rl == ROLE_CUSTOMER ||
            (rl == ROLE_ADMIN && pvs_store_web_id_valid(person)))
            cJSON_AddStringToObject(cmd, "person", person);
        if (pwhash[0])
            cJSON_AddStringToObject(cmd, "pwhash", pwhash);
        cJSON_AddNumberToObject(cmd, "now", (double)wall_ms());
        c = pvs_command_new((enum pvs_command_kind)PVS_CMD_API_USER_CREATE);
        if (set_text(r, c, cmd)) {
            command(r, c, 201);
            c = NULL;
        }
    }
    pvs_command_put(c);
    cJSON_Delete(cmd);
    cJSON_Delete(j);
}

/* DELETE /tokens/ID: someone else's token is as good as missing. */
static void token_revoke(struct web_req *r, struct pvs_store *st,
                         const char *arg, bool admin) {
    struct pvs_command *c;
    int64_t id, owner;

    if (!parse_id(r, arg, &id))
        return;
    if (pvs_store_web_token_owner(st, id, &owner) ||
        (!admin && owner != r->who.user_id)) {
        pvs_web_error(r, 404, NULL, "no such token");
        return;
    }
    c = pvs_command_new((enum pvs_command_kind)PVS_CMD_API_TOKEN_REVOKE);
    c->other_id = id;
    pvs_snprintf(c->text, sizeof(c->text), "{\"now\": %lld}",
                 (long long)wall_ms());
    command(r, c, 200);
}

/*
 * Whose token body j asks for (only an admin names someone else), what
 * for and for how many days (0: no end); false once answered with the
 * member at fault.
 */
static bool token_request(struct web_req *r, const cJSON *j, bool admin,
                          int64_t *ret_user, const char **ret_name,
                          int64_t *ret_days) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, "user");
    const char *name =
        cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "name"));
    int64_t id, user = r->who.user_id;

    if (v && admin) {
        if (!json_int(v, 1, JSON_INT_MAX, &user)) {
            pvs_web_error(r, 400, "user", "user must be a user id");
            return false;
        }
    } else if (v &&
               (!json_int(v, 1, JSON_INT_MAX, &id) || id != r->who.user_id)) {
        pvs_web_error(r, 403, "user",
                      "only an admin makes tokens for "
                      "someone else");
        return false;
    }
    if (!user) {
        pvs_web_error(r, 400, "user", "user is required: whose token is it?");
        return false;
    }
    if (!name || !*name || strlen(name) > 80) {
        pvs_web_error(r, 400, "name",
                      "name is required (what the token is "
                      "for), at most 80 characters");
        return false;
    }
    v = cJSON_GetObjectItemCaseSensitive(j, "expires_days");
    if (v &&
        (!cJSON_IsNumber(v) || v->valuedouble < 1 || v->valuedouble > 3650)) {
        pvs_web_error(r, 400, "expires_days",
                      "expires_days must be 1 "
                      "to 3650");
        return false;
    }
    *ret_user = user;
    *ret_name = name;
    *ret_days = v ? (int64_t)v->valuedouble : 0;
    return true;
}

/* A new token for user, through the engine: the only time it is shown. */
static void token_mint(struct web_req *r, int64_t user, const char *name,
                       int64_t days) {
    cJSON *cmd = cJSON_CreateObject();
    struct pvs_command *c;
    int64_t now = wall_ms();
    char tok[80], hash[65];

    pvs_auth_token_new("pvs_", tok, sizeof(tok));
    pvs_auth_hash_hex(tok, hash);
    cJSON_AddStringToObject(cmd, "name", name);
    cJSON_AddStringToObject(cmd, "hash", hash);
    cJSON_AddNumberToObject(cmd, "now", (double)now);
    if (days)
        cJSON_AddNumberToObject(cmd, "expires",
                                (double)(now + days * 86400000));
    c = pvs_command_new((enum pvs_command_kind)PVS_CMD_API_TOKEN_CREATE);
    c->other_id = user;
    pvs_strlcpy(c->actor, r->who.actor, sizeof(c->actor));
    if (set_text(r, c, cmd) && pvs_api_call(r, c)) {
        pvs_buf_printf(&r->out,
                       "{\"id\": %lld, \"token\": \"%s\", "
                       "\"user\": %lld}\n",
                       (long long)c->result_id, tok, (long long)user);
        pvs_web_json(r, 201);
    }
    pvs_command_put(c);
    cJSON_Delete(cmd);
    sodium_memzero(tok, sizeof(tok));
}

static void tokens(struct web_req *r, char **seg, int n) {
    bool admin = r->who.role == ROLE_ADMIN;
    struct pvs_store *st;
    const char *name = NULL;
    int64_t user = 0, days = 0;
    cJSON *j;

    if (!allow(r, R_ANY) || !(st = store(r)))
        return;
    if (n == 1 && method(r, "GET")) {
        read_ok(r,
                pvs_view_tokens_json(st, admin ? 0 : r->who.user_id, &r->out),
                "token");
    } else if (n == 2 && method(r, "DELETE")) {
        token_revoke(r, st, seg[1], admin);
    } else if (n != 1 || !method(r, "POST")) {
        pvs_web_error(r, 404, NULL, "not found");
    } else if ((j = pvs_api_body(r))) {
        if (token_request(r, j, admin, &user, &name, &days))
            token_mint(r, user, name, days);
        cJSON_Delete(j);
    }
}

/* ---- alerts, silences, figures ---- */

/*
 * A new silence's body, checked against the silence's field table (the
 * config's [silence] keys): false when refused (answered, 400 naming the
 * member). Its times come as ISO 8601 text (or milliseconds): they are
 * made milliseconds in j, as the table has them, and returned (start 0:
 * none given).
 */
static bool silence_body(struct web_req *r, cJSON *j, int64_t *start,
                         int64_t *end) {
    static const char *const times[] = {"start", "end"};
    int64_t *at[] = {start, end};
    char field[64], msg[256];

    for (size_t i = 0; cJSON_IsObject(j) && i < PVS_ARRAY_LEN(times); i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, times[i]);
        if (!v || cJSON_IsNull(v))
            continue;
        if (!json_time(v, at[i])) {
            pvs_web_error(r, 400, times[i], "%s must be an ISO 8601 time",
                          times[i]);
            return false;
        }
        cJSON_ReplaceItemInObjectCaseSensitive(
            j, times[i], cJSON_CreateNumber((double)*at[i]));
    }
    if (pvs_entity_validate_json(pvs_entity_find("silence"), j, true, field,
                                 sizeof(field), msg, sizeof(msg))) {
        pvs_web_error(r, 400, field, "%s", msg);
        return false;
    }
    if (*end <= *start) {
        pvs_web_error(r, 400, "end", "end must come after start");
        return false;
    }
    return true;
}

/* DELETE /silences/ID: an installer lifts only the silences they set. */
static void silence_delete(struct web_req *r, const char *arg) {
    struct pvs_command *c;
    cJSON *cmd;
    int64_t id;

    if (!allow(r, R_ADMIN | R_INSTALLER) || !parse_id(r, arg, &id))
        return;
    c = pvs_command_new((enum pvs_command_kind)PVS_CMD_API_SILENCE_DELETE);
    c->other_id = id;
    if (r->who.role == ROLE_INSTALLER) {
        cmd = cJSON_CreateObject();
        cJSON_AddStringToObject(cmd, "owner", r->who.actor);
        if (!set_text(r, c, cmd)) {
            cJSON_Delete(cmd);
            pvs_command_put(c);
            return;
        }
        cJSON_Delete(cmd);
    }
    command(r, c, 200);
}

/* POST /silences: the body checked, then the engine's command. */
static void silence_create(struct web_req *r, struct pvs_store *st,
                           const struct pvs_scope *scope) {
    const struct pvs_entity *e = pvs_entity_find("silence");
    struct pvs_command *c;
    const char *site;
    cJSON *j;
    int64_t start = 0, end = 0;

    if (!(j = pvs_api_body(r)))
        return;
    if (!silence_body(r, j, &start, &end))
        goto out;
    site = cJSON_GetStringValue(cJSON_GetObjectItem(j, "site"));
    /* A technician silences only their own sites. */
    if (r->who.role == ROLE_TECHNICIAN &&
        (!site || pvs_store_web_site_visible(st, scope, site))) {
        pvs_web_error(r, 403, "site",
                      "a technician silences one of their "
                      "own sites: give its id");
        goto out;
    }
    /* The engine's command needs a start (engine_api.h): without one the
     * silence starts now, and must end later. */
    if (!start) {
        start = pvs_clock_now_ms();
        if (end <= start) {
            pvs_web_error(r, 400, "end", "end is in the past");
            goto out;
        }
    }
    cJSON_DeleteItemFromObjectCaseSensitive(j, "start");
    cJSON_DeleteItemFromObjectCaseSensitive(j, "end");
    cJSON_AddNumberToObject(j, "start", (double)start);
    cJSON_AddNumberToObject(j, "end", (double)end);
    c = pvs_command_new((enum pvs_command_kind)PVS_CMD_API_SILENCE_CREATE);
    c->vals = pvs_view_obj_vals(e, j);
    command(r, c, 201);
out:
    cJSON_Delete(j);
}

static void silences(struct web_req *r, char **seg, int n) {
    struct pvs_scope scope;
    struct pvs_store *st;

    if (!allow(r, R_STAFF) || !(st = store(r)))
        return;
    pvs_auth_scope(r, &scope);
    if (n == 1 && method(r, "GET"))
        read_ok(r, pvs_view_silences_json(st, &scope, &r->out), "silence");
    else if (n == 2 && method(r, "DELETE"))
        silence_delete(r, seg[1]);
    else if (n == 1 && method(r, "POST"))
        silence_create(r, st, &scope);
    else
        pvs_web_error(r, 404, NULL, "not found");
}

static void kpis(struct web_req *r) {
    struct pvs_web_kpis k;
    struct pvs_scope scope;
    struct pvs_store *st;

    if (!allow(r, R_ANY) || !(st = store(r)))
        return;
    pvs_auth_scope(r, &scope);
    memset(&k, 0, sizeof(k));
    if (pvs_store_web_kpis(st, &scope, &k)) {
        read_ok(r, PVS_ERR_DB, "figures");
        return;
    }
    pvs_buf_printf(&r->out,
                   "{\"sites\": %lld, \"devices\": %lld, \"tickets_open\": "
                   "%lld, \"alerts_firing\": %lld, \"lost_kwh_open\": %.3f, "
                   "\"fleet\": ",
                   (long long)k.sites, (long long)k.devices,
                   (long long)k.tickets_open, (long long)k.alerts_firing,
                   k.lost_kwh_open);
    if (pvs_view_fleet_json(st, &scope, &r->out)) {
        read_ok(r, PVS_ERR_DB, "figures");
        return;
    }
    pvs_buf_puts(&r->out, "}");
    read_ok(r, PVS_OK, "figures");
}

static void scoped_list(struct web_req *r,
                        enum pvs_err (*fn)(struct pvs_store *,
                                           const struct pvs_scope *,
                                           struct pvs_buf *),
                        const char *what) {
    struct pvs_scope scope;
    struct pvs_store *st;

    if (!method(r, "GET")) {
        pvs_web_error(r, 405, NULL, "use GET");
        return;
    }
    if (!allow(r, R_ANY) || !(st = store(r)))
        return;
    pvs_auth_scope(r, &scope);
    read_ok(r, fn(st, &scope, &r->out), what);
}

/* ---- routing ---- */

void pvs_api_handle(struct web_req *r, const char *path) {
    char buf[WEB_PATH_MAX], *seg[MAX_SEGS], *p, *save = NULL;
    int n = 0;
    int64_t id;

    pvs_strlcpy(buf, path, sizeof(buf));
    for (p = buf; n < MAX_SEGS; p = NULL) {
        char *s = strtok_r(p, "/", &save);
        if (!s)
            break;
        seg[n++] = s;
    }
    if (!n || (save && *save)) {
        pvs_web_error(r, 404, NULL, "not found");
        return;
    }
    /* Defence in depth behind SameSite=Strict: a write carried by the
     * session cookie must have a type that plain cross-site forms cannot
     * send without the browser asking first. */
    if (r->who.via_session && strcmp(r->method, "GET") &&
        strcmp(r->method, "HEAD")) {
        if (!pvs_web_ctype_is(r, "application/json") &&
            !pvs_web_ctype_is(r, "text/csv")) {
            pvs_web_error(r, 403, NULL,
                          "refused: a dashboard write must be "
                          "sent as application/json");
            return;
        }
    }
    if (!strcmp(seg[0], "login") && n == 1 && method(r, "POST"))
        pvs_auth_login(r);
    else if (!strcmp(seg[0], "logout") && n == 1 && method(r, "POST"))
        pvs_auth_logout(r);
    else if (!strcmp(seg[0], "me") && n == 1)
        me(r);
    else if (!strcmp(seg[0], "words") && n == 1 && method(r, "GET"))
        words(r);
    else if (!strcmp(seg[0], "tickets") && n == 1 && method(r, "GET"))
        tickets_list(r);
    else if (!strcmp(seg[0], "tickets") && n >= 2 && n <= 3) {
        if (!parse_id(r, seg[1], &id))
            return;
        if (n == 3)
            ticket_action(r, id, seg[2]);
        else if (method(r, "GET"))
            ticket_get(r, id);
        else
            pvs_web_error(r, 405, NULL, "use GET");
    } else if (!strcmp(seg[0], "sites"))
        sites(r, seg, n);
    else if (!strcmp(seg[0], "devices"))
        devices(r, seg, n);
    else if (!strcmp(seg[0], "customers"))
        people(r, "customer", seg, n);
    else if (!strcmp(seg[0], "technicians"))
        people(r, "technician", seg, n);
    else if (!strcmp(seg[0], "mqtt-maps"))
        mqtt_maps(r, seg, n);
    else if (!strcmp(seg[0], "users"))
        users(r, seg, n);
    else if (!strcmp(seg[0], "tokens"))
        tokens(r, seg, n);
    else if (!strcmp(seg[0], "silences"))
        silences(r, seg, n);
    else if (!strcmp(seg[0], "alerts") && n == 1)
        scoped_list(r, pvs_view_alerts_json, "alert");
    else if (!strcmp(seg[0], "notices") && n == 1)
        scoped_list(r, pvs_view_notices_json, "notice");
    else if (!strcmp(seg[0], "kpis") && n == 1 && method(r, "GET"))
        kpis(r);
    else if (!strcmp(seg[0], "contact") && n == 1 && method(r, "POST"))
        contact(r);
    else if (!strcmp(seg[0], "import") && n == 1 && method(r, "POST"))
        pvs_tools_import(r);
    else
        pvs_web_error(r, 404, NULL, "not found");
}

/* ---- /metrics ---- */

static void metric(struct pvs_buf *b, const char *name, const char *type,
                   const char *help, double v) {
    pvs_buf_printf(b,
                   "# HELP pvsentry_%s %s\n# TYPE pvsentry_%s %s\n"
                   "pvsentry_%s %.17g\n",
                   name, help, name, type, name, v);
}

/* A worker's name as a label value: \\, \" and \n escaped. */
static void label_value(struct pvs_buf *b, const char *v) {
    for (; *v; v++) {
        if (*v == '\\' || *v == '"')
            pvs_buf_printf(b, "\\%c", *v);
        else if (*v == '\n')
            pvs_buf_puts(b, "\\n");
        else
            pvs_buf_printf(b, "%c", *v);
    }
}

/* Cluster mode: which worker this is, its slots, its leases' events. */
static void cluster_metrics(struct pvs_buf *b) {
    const char *worker = pvs_stats_worker();

    if (!worker[0])
        return;
    pvs_buf_puts(b, "# HELP pvsentry_cluster_worker_info this cluster "
                    "worker's name\n# TYPE pvsentry_cluster_worker_info "
                    "gauge\npvsentry_cluster_worker_info{worker=\"");
    label_value(b, worker);
    pvs_buf_puts(b, "\"} 1\n");
    metric(b, "cluster_slots_held", "gauge", "slots this worker holds",
           (double)pvs_stats_gauge_get(PVS_GAUGE_CLUSTER_SLOTS));
    for (int i = PVS_STAT_CLUSTER_RENEWALS; i <= PVS_STAT_CLUSTER_FENCE_REFUSED;
         i++) {
        char full[80];
        pvs_snprintf(full, sizeof(full), "%s_total",
                     pvs_stats_name((enum pvs_stat)i));
        metric(b, full, "counter", "cluster events since start",
               (double)pvs_stats_get((enum pvs_stat)i));
    }
}

void pvs_api_metrics(struct web_req *r) {
    static const struct {
        enum pvs_stat stat;
        const char *code;
    } http[] = {
        {PVS_STAT_HTTP_2XX, "2xx"},
        {PVS_STAT_HTTP_3XX, "3xx"},
        {PVS_STAT_HTTP_4XX, "4xx"},
        {PVS_STAT_HTTP_5XX, "5xx"},
    };
    struct pvs_scope all = {PVS_SCOPE_ALL, NULL};
    struct pvs_web_kpis k;
    struct pvs_store *st = pvs_web_store(r);
    struct pvs_buf *b = &r->out;

    metric(b, "up", "gauge", "1 while pvsentry runs", 1);
    for (int i = 0; i < PVS_STAT__COUNT; i++) {
        const char *name = pvs_stats_name((enum pvs_stat)i);
        char full[80];
        /* The status classes and the Modbus endpoints' reasons are
         * labelled metrics below. */
        if ((!strncmp(name, "http_", 5) && strlen(name) == 8) ||
            !strncmp(name, "modbus_down_", 12) || !strncmp(name, "cluster_", 8))
            continue;
        pvs_snprintf(full, sizeof(full), "%s_total", name);
        metric(b, full, "counter", "events since start",
               (double)pvs_stats_get((enum pvs_stat)i));
    }
    pvs_buf_puts(b, "# HELP pvsentry_http_requests_total HTTP answers by "
                    "status class\n# TYPE pvsentry_http_requests_total "
                    "counter\n");
    for (size_t i = 0; i < PVS_ARRAY_LEN(http); i++)
        pvs_buf_printf(b, "pvsentry_http_requests_total{code=\"%s\"} %llu\n",
                       http[i].code,
                       (unsigned long long)pvs_stats_get(http[i].stat));
    pvs_buf_puts(b, "# HELP pvsentry_modbus_endpoint_down_total Modbus "
                    "endpoints that went down, by reason\n# TYPE "
                    "pvsentry_modbus_endpoint_down_total counter\n");
    for (int i = PVS_STAT_MODBUS_DOWN_REFUSED; i <= PVS_STAT_MODBUS_DOWN_ERROR;
         i++)
        pvs_buf_printf(
            b, "pvsentry_modbus_endpoint_down_total{reason=\"%s\"} %llu\n",
            pvs_stats_name((enum pvs_stat)i) + 12,
            (unsigned long long)pvs_stats_get((enum pvs_stat)i));
    metric(b, "engine_inbox_depth", "gauge", "messages waiting for the engine",
           (double)pvs_queue_len(r->w->inbox));
    metric(b, "engine_inbox_capacity", "gauge", "size of the engine inbox",
           (double)pvs_queue_capacity(r->w->inbox));
    metric(b, "engine_inbox_full_total", "counter",
           "pushes that found the engine inbox full",
           (double)pvs_queue_full_count(r->w->inbox));
    cluster_metrics(b);
    if (st && pvs_store_shared(st))
        metric(b, "outbox_claims_held", "gauge",
               "shared outbox messages claimed and not yet done",
               (double)pvs_stats_gauge_get(PVS_GAUGE_OUTBOX_CLAIMS));
    memset(&k, 0, sizeof(k));
    if (st && !pvs_store_web_kpis(st, &all, &k)) {
        metric(b, "tickets_open", "gauge",
               "tickets someone still has to act on", (double)k.tickets_open);
        metric(b, "alerts_firing", "gauge", "alerts firing now",
               (double)k.alerts_firing);
        metric(b, "sites", "gauge", "sites known", (double)k.sites);
        metric(b, "devices", "gauge", "devices known", (double)k.devices);
    }
    r->status = 200;
    r->ctype = "text/plain; version=0.0.4; charset=utf-8";
}
