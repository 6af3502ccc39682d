/* SPDX-License-Identifier: MIT */
/*
 * payload.c - webhook (pvsentry JSON, Alertmanager version 4) and SMS
 * bodies built from struct pvs_payload_facts.
 *
 * DESIGN
 * The builders are pure functions of their facts: no clock and no
 * config, so the same facts always give the same bytes. That is what
 * makes a resend after a crash identical, and what lets the unit tests
 * compare whole bodies. JSON is built with cJSON (which escapes every
 * string); its output is copied into a pvs_malloc'd string so callers
 * free every body the same way.
 */
#define PVS_LOG_MODULE "payload"
#include <cjson/cJSON.h>
#include <math.h>
#include <sodium.h>
#include <string.h>

#include "pvs/payload.h"

/* Alertmanager's "no end yet", Go's zero time. */
#define ZERO_TIME "0001-01-01T00:00:00Z"

static void add_str(cJSON *obj, const char *key, const char *value) {
    if (value)
        PVS_ASSERT(cJSON_AddStringToObject(obj, key, value));
}

static void add_time(cJSON *obj, const char *key, int64_t ms) {
    char buf[40];

    if (!ms)
        return;
    pvs_fmt_iso_utc(ms, buf, sizeof(buf));
    add_str(obj, key, buf);
}

/* cJSON's text, handed over as a pvs_malloc'd string. */
static char *detach(cJSON *root) {
    char *text = cJSON_PrintUnformatted(root);
    char *out;

    PVS_ASSERT(text);
    out = pvs_strdup(text);
    cJSON_free(text);
    cJSON_Delete(root);
    return out;
}

/* public_url without its trailing slashes, as a length. */
static int base_len(const char *url) {
    size_t n = strlen(url);

    while (n && url[n - 1] == '/')
        n--;
    return (int)n;
}

/* Link to the ticket (or the dashboard) under public_url, or NULL. */
static char *ticket_url(const struct pvs_payload_facts *f) {
    if (!f->public_url)
        return NULL;
    if (f->ticket_id > 0)
        return pvs_asprintf("%.*s/tickets/%lld", base_len(f->public_url),
                            f->public_url, (long long)f->ticket_id);
    return pvs_asprintf("%.*s/", base_len(f->public_url), f->public_url);
}

static bool resolved(const struct pvs_payload_facts *f) {
    return (f->kind && !strcmp(f->kind, "recovered")) || f->ended_ms > 0;
}

/* The figure as every message shows it: to 0.1, never negative. */
static double tenth(double v) {
    return v > 0 ? round(v * 10) / 10 : 0;
}

/* "3.5 kWh so far, about 12.0 kWh per day", or the caller's words. */
static void lost_words(const struct pvs_payload_facts *f, char *buf,
                       size_t size) {
    if (f->lost_text) {
        pvs_strlcpy(buf, f->lost_text, size);
        return;
    }
    if (f->lost_kwh_per_day >= 0.05)
        pvs_snprintf(buf, size, "%.1f kWh so far, about %.1f kWh per day",
                     tenth(f->lost_kwh), tenth(f->lost_kwh_per_day));
    else
        pvs_snprintf(buf, size, "%.1f kWh so far", tenth(f->lost_kwh));
}

char *pvs_payload_webhook_json(const struct pvs_payload_facts *f) {
    cJSON *root = cJSON_CreateObject();
    cJSON *ticket, *site;
    char *url = ticket_url(f);

    PVS_ASSERT(root);
    add_str(root, "version", "1");
    add_str(root, "kind", f->kind);
    add_str(root, "message_id", f->message_id);
    if (f->ticket_id > 0 || f->status || url) {
        ticket = cJSON_AddObjectToObject(root, "ticket");
        PVS_ASSERT(ticket);
        if (f->ticket_id > 0)
            cJSON_AddNumberToObject(ticket, "id", (double)f->ticket_id);
        add_str(ticket, "status", f->status);
        add_str(ticket, "url", url);
    }
    add_str(root, "severity", f->severity);
    add_str(root, "title", f->title);
    if (f->site_id || f->site_name) {
        site = cJSON_AddObjectToObject(root, "site");
        PVS_ASSERT(site);
        add_str(site, "id", f->site_id);
        add_str(site, "name", f->site_name);
    }
    add_str(root, "device", f->device);
    add_str(root, "rule", f->rule);
    add_str(root, "family", f->family);
    add_str(root, "fingerprint", f->fingerprint);
    add_str(root, "evidence", f->evidence);
    add_str(root, "explanation", f->explanation);
    add_str(root, "kb", f->kb);
    add_time(root, "started_at", f->started_ms);
    add_time(root, "ended_at", f->ended_ms);
    if (f->lost_kwh >= 0) {
        cJSON_AddNumberToObject(root, "lost_kwh", tenth(f->lost_kwh));
        cJSON_AddNumberToObject(root, "lost_kwh_per_day",
                                tenth(f->lost_kwh_per_day));
    }
    pvs_free(url);
    return detach(root);
}

static cJSON *am_labels(const struct pvs_payload_facts *f) {
    cJSON *l = cJSON_CreateObject();
    const char *name = f->family ? f->family : f->rule;

    PVS_ASSERT(l);
    add_str(l, "alertname", name ? name : "pvsentry");
    add_str(l, "severity", f->severity);
    add_str(l, "site", f->site_id);
    add_str(l, "device", f->device);
    add_str(l, "rule", f->rule);
    add_str(l, "fingerprint", f->fingerprint);
    return l;
}

static cJSON *am_annotations(const struct pvs_payload_facts *f) {
    cJSON *a = cJSON_CreateObject();
    struct pvs_buf d;

    PVS_ASSERT(a);
    add_str(a, "summary", f->title);
    pvs_buf_init(&d, 64 << 10);
    if (f->explanation)
        pvs_buf_puts(&d, f->explanation);
    if (f->evidence)
        pvs_buf_printf(&d, "%s%s", d.len ? "\n\n" : "", f->evidence);
    if (f->lost_kwh >= 0) {
        char lost[160];
        lost_words(f, lost, sizeof(lost));
        pvs_buf_printf(&d, "%sEnergy lost: %s.", d.len ? "\n\n" : "", lost);
    }
    if (d.len)
        add_str(a, "description", d.data);
    pvs_buf_release(&d);
    add_str(a, "kb", f->kb);
    if (f->site_name)
        add_str(a, "site_name", f->site_name);
    return a;
}

char *pvs_payload_alertmanager(const struct pvs_payload_facts *f) {
    cJSON *root = cJSON_CreateObject();
    cJSON *alerts, *alert, *group;
    const char *status = resolved(f) ? "resolved" : "firing";
    char *url = ticket_url(f);
    char *key;
    char ends[40];

    PVS_ASSERT(root);
    add_str(root, "version", "4");
    key = pvs_asprintf("{}:{fingerprint=\"%s\"}",
                       f->fingerprint ? f->fingerprint : "");
    add_str(root, "groupKey", key);
    pvs_free(key);
    cJSON_AddNumberToObject(root, "truncatedAlerts", 0);
    add_str(root, "status", status);
    add_str(root, "receiver", f->receiver ? f->receiver : "pvsentry");
    group = cJSON_AddObjectToObject(root, "groupLabels");
    PVS_ASSERT(group);
    add_str(group, "fingerprint", f->fingerprint);
    cJSON_AddItemToObject(root, "commonLabels", am_labels(f));
    cJSON_AddItemToObject(root, "commonAnnotations", am_annotations(f));
    if (f->public_url)
        add_str(root, "externalURL", f->public_url);

    alerts = cJSON_AddArrayToObject(root, "alerts");
    alert = cJSON_CreateObject();
    PVS_ASSERT(alerts && alert);
    cJSON_AddItemToArray(alerts, alert);
    add_str(alert, "status", status);
    cJSON_AddItemToObject(alert, "labels", am_labels(f));
    cJSON_AddItemToObject(alert, "annotations", am_annotations(f));
    add_time(alert, "startsAt", f->started_ms);
    if (f->ended_ms > 0)
        pvs_fmt_iso_utc(f->ended_ms, ends, sizeof(ends));
    else
        pvs_strlcpy(ends, ZERO_TIME, sizeof(ends));
    add_str(alert, "endsAt", ends);
    add_str(alert, "generatorURL", url);
    add_str(alert, "fingerprint", f->fingerprint);
    pvs_free(url);
    return detach(root);
}

char *pvs_payload_webhook(const struct pvs_cfg_webhook *w,
                          const struct pvs_payload_facts *f) {
    struct pvs_payload_facts g = *f;

    if (!g.receiver)
        g.receiver = w->obj.id;
    if (w->format && !strcmp(w->format, "alertmanager"))
        return pvs_payload_alertmanager(&g);
    return pvs_payload_webhook_json(&g);
}

char *pvs_payload_clip(char *s, size_t max) {
    size_t chars = 0, i, cut = 0;

    for (i = 0; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) == 0x80)
            continue; /* continuation byte */
        if (chars == max)
            break;
        /* Where to cut so that "..." still fits in max characters. */
        if (chars + 3 == max)
            cut = i;
        chars++;
    }
    if (!s[i])
        return s;
    if (max < 3) {
        s[i] = '\0';
        return s;
    }
    memcpy(s + cut, "...", 4);
    return s;
}

static const struct pvs_payload_words english = {
    "Urgent", "Recovered",   "Not acknowledged yet",     "Lost",
    "Ticket", "Acknowledge", "a problem needs attention"};

char *pvs_payload_sms_text(const struct pvs_payload_facts *f) {
    struct pvs_buf b;
    const char *where = f->site_name ? f->site_name : f->site_id;
    const char *kind = f->kind ? f->kind : "";
    const struct pvs_payload_words *w = f->words ? f->words : &english;
    const char *lead = NULL;

    pvs_buf_init(&b, 4096);
    if (!strcmp(kind, "recovered"))
        lead = w->recovered;
    else if (!strcmp(kind, "escalation"))
        lead = w->escalation;
    else if (f->severity && !strcmp(f->severity, "critical"))
        lead = w->urgent;
    if (lead)
        pvs_buf_printf(&b, "%s: ", lead);
    if (where)
        pvs_buf_printf(&b, "%s", where);
    if (f->device)
        pvs_buf_printf(&b, "%s%s", where ? ", " : "", f->device);
    if (where || f->device)
        pvs_buf_puts(&b, ": ");
    pvs_buf_puts(&b, f->title ? f->title : w->problem);
    /* Whatever the mail says is lost, the SMS says too: in the first
     * minutes that is only the rate per day. */
    if ((f->lost_kwh >= 0.05 || f->lost_kwh_per_day >= 0.05) &&
        strcmp(kind, "recovered")) {
        char lost[160];
        lost_words(f, lost, sizeof(lost));
        pvs_buf_printf(&b, ". %s: %s", w->lost, lost);
    }
    if (f->ack_url && b.data) {
        /* The link must survive whole: cut the words before it. */
        char *head = pvs_buf_detach(&b, NULL);
        char *out;
        size_t tail = strlen(w->ack) + 4 + strlen(f->ack_url);
        size_t room = tail + 32 > PVS_PAYLOAD_SMS_MAX
                          ? 16
                          : PVS_PAYLOAD_SMS_MAX - 12 - tail;

        pvs_payload_clip(head, room);
        out = pvs_asprintf("%s. %s: %s", head, w->ack, f->ack_url);
        pvs_free(head);
        return pvs_payload_clip(out, PVS_PAYLOAD_SMS_MAX);
    }
    if (f->status && !strcmp(kind, "ticket"))
        pvs_buf_printf(&b, " (%s)", f->status);
    if (f->ticket_id > 0)
        pvs_buf_printf(&b, ". %s %lld", w->ticket, (long long)f->ticket_id);
    if (f->public_url && f->ticket_id > 0)
        pvs_buf_printf(&b, ": %.*s/tickets/%lld", base_len(f->public_url),
                       f->public_url, (long long)f->ticket_id);
    /* A buffer at its cap keeps what fitted; the clip below still holds. */
    return pvs_payload_clip(pvs_buf_detach(&b, NULL), PVS_PAYLOAD_SMS_MAX);
}

void pvs_payload_sign(const char *key, const void *body, size_t len,
                      char out[PVS_PAYLOAD_SIG_SIZE]) {
    crypto_auth_hmacsha256_state st;
    unsigned char mac[crypto_auth_hmacsha256_BYTES];

    /* The streaming form takes a key of any length, as HMAC allows. */
    crypto_auth_hmacsha256_init(&st, (const unsigned char *)key, strlen(key));
    crypto_auth_hmacsha256_update(&st, body, len);
    crypto_auth_hmacsha256_final(&st, mac);
    memcpy(out, "sha256=", 7);
    sodium_bin2hex(out + 7, PVS_PAYLOAD_SIG_SIZE - 7, mac, sizeof(mac));
    sodium_memzero(&st, sizeof(st));
}

static void put_encoded(struct pvs_buf *b, const char *v, bool json) {
    static const char hex[] = "0123456789ABCDEF";

    if (!v)
        return;
    if (json) {
        struct pvs_buf q;
        pvs_buf_init(&q, 64 << 10);
        pvs_buf_json_str(&q, v);
        if (q.len >= 2)
            pvs_buf_add(b, q.data + 1, q.len - 2); /* without the quotes */
        pvs_buf_release(&q);
        return;
    }
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        char e[3];
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
            (*p >= '0' && *p <= '9') || strchr("-._~", *p)) {
            pvs_buf_add(b, p, 1);
            continue;
        }
        e[0] = '%';
        e[1] = hex[*p >> 4];
        e[2] = hex[*p & 15];
        pvs_buf_add(b, e, 3);
    }
}

char *pvs_payload_expand(const char *tpl, const char *to, const char *text,
                         const char *from, bool json) {
    static const char *const names[] = {"{to}", "{text}", "{from}"};
    const char *values[] = {to, text, from};
    struct pvs_buf b;

    pvs_buf_init(&b, 64 << 10);
    for (const char *p = tpl; *p;) {
        bool done = false;
        for (size_t i = 0; i < PVS_ARRAY_LEN(names) && !done; i++) {
            size_t n = strlen(names[i]);
            if (!strncmp(p, names[i], n)) {
                put_encoded(&b, values[i], json);
                p += n;
                done = true;
            }
        }
        if (!done)
            pvs_buf_add(&b, p++, 1);
    }
    return pvs_buf_detach(&b, NULL);
}
