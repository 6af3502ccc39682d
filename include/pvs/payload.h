/* SPDX-License-Identifier: MIT */
/*
 * payload.h - message bodies for the webhook and SMS channels, built from
 * plain facts about a ticket so that the engine can fill them without the
 * builders knowing the store or the config.
 *
 * The engine builds the body once, when it writes the outbox row, and
 * stores it; a resend after a crash is then the same bytes with the same
 * idempotency key. The builders are pure (no clock, no I/O) and may be
 * called from any thread.
 *
 * Message kinds (struct pvs_payload_facts.kind) are the event names a
 * [webhook] subscribes to: "alert" (a new problem or one that came back),
 * "recovered" (the data confirms recovery), "escalation" (nobody
 * acknowledged in time) and "ticket" (any other change of the ticket:
 * assigned, acknowledged, scheduled, fixed, closed...).
 */
#ifndef PVS_PAYLOAD_H
#define PVS_PAYLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "pvs/config.h"

/* SMS texts are cut to this many characters (three concatenated parts). */
#define PVS_PAYLOAD_SMS_MAX 480

/*
 * What a message says. Every string is borrowed for the duration of the
 * call and may be NULL (the field is then left out); times are ms since
 * the epoch, 0 = unknown (ended_ms 0 = still going).
 */
struct pvs_payload_facts {
    const char *kind;       /* alert | recovered | escalation | ticket */
    const char *message_id; /* the outbox idempotency key */
    int64_t ticket_id;      /* 0 = none */
    const char *status;     /* ticket state: open, acknowledged, resolved... */
    const char *severity;   /* info | warning | critical */
    const char *title;      /* one line, plain words */
    const char *site_id;
    const char *site_name;
    const char *device; /* device id */
    const char *rule;   /* [rule] id or family */
    const char *family; /* rule family (communication, fault_code...) */
    const char *fingerprint;
    const char *evidence;    /* what the data showed */
    const char *explanation; /* what it probably means */
    const char *kb;          /* knowledge-base article (id or URL) */
    int64_t started_ms;
    int64_t ended_ms;
    /*
     * Lost energy: the ticket's one figure (rules.h defines it), the same
     * number the mail and the dashboard show, to 0.1 kWh. lost_text is
     * that figure in the reader's words as the mail writes it ("3.5 kWh
     * so far, about 12.0 kWh per day"); NULL: built from the numbers.
     */
    double lost_kwh;         /* energy lost so far; < 0 = unknown */
    double lost_kwh_per_day; /* its rate; <= 0 = none */
    const char *lost_text;
    /* The SMS's own words in its reader's language; NULL: English. */
    const struct pvs_payload_words *words;
    const char *public_url; /* [global] public_url, links are built on it */
    const char *receiver;   /* webhook id (Alertmanager "receiver") */
    const char *ack_url;    /* technician SMS: the one-tap acknowledge link */
};

/* Words of a technician's SMS (tech.txt "sms.*"), each borrowed. */
struct pvs_payload_words {
    const char *urgent;     /* "Urgent" */
    const char *recovered;  /* "Recovered" */
    const char *escalation; /* "Not acknowledged yet" */
    const char *lost;       /* "Lost" */
    const char *ticket;     /* "Ticket" */
    const char *ack;        /* "Acknowledge" */
    const char *problem;    /* a title when there is none */
};

/*
 * pvsentry's own JSON webhook body:
 *   {"version": "1", "kind", "message_id", "ticket": {"id", "status",
 *    "url"}, "severity", "title", "site": {"id", "name"}, "device",
 *   "rule", "family", "fingerprint", "evidence", "explanation", "kb",
 *   "started_at", "ended_at", "lost_kwh", "lost_kwh_per_day"}
 * Times are RFC 3339 UTC. Returns a new string the caller frees with
 * pvs_free.
 */
char *pvs_payload_webhook_json(const struct pvs_payload_facts *f);

/*
 * An Alertmanager webhook body (format version 4) holding one alert, so
 * that tools that consume Alertmanager (on-call, chat bridges) take
 * pvsentry alerts as they are. Status is "resolved" for kind "recovered"
 * or when ended_ms is set, else "firing". Caller frees with pvs_free.
 */
char *pvs_payload_alertmanager(const struct pvs_payload_facts *f);

/*
 * The body for webhook w in its configured format, with f->receiver
 * taken from w's id when unset. Caller frees with pvs_free.
 */
char *pvs_payload_webhook(const struct pvs_cfg_webhook *w,
                          const struct pvs_payload_facts *f);

/*
 * A short SMS text in plain words, at most PVS_PAYLOAD_SMS_MAX characters
 * (UTF-8 code points, never cut inside one). With ack_url it is the
 * short form a technician acts on: where, what, and the acknowledge link,
 * which is never cut. Caller frees with pvs_free.
 */
char *pvs_payload_sms_text(const struct pvs_payload_facts *f);

/*
 * Cut s in place to at most max characters (code points), ending with
 * "..." when it was cut. Returns s.
 */
char *pvs_payload_clip(char *s, size_t max);

/* Room for "sha256=" and 64 hex digits. */
#define PVS_PAYLOAD_SIG_SIZE 72

/*
 * The webhook signature header value of body: "sha256=" and the
 * lowercase hex HMAC-SHA256 of the len bytes of body under key (any
 * length). Writes PVS_PAYLOAD_SIG_SIZE bytes at most into out.
 */
void pvs_payload_sign(const char *key, const void *body, size_t len,
                      char out[PVS_PAYLOAD_SIG_SIZE]);

/*
 * The SMS gateway template tpl with {to}, {text} and {from} replaced by
 * the values, URL-encoded (RFC 3986: only letters, digits and -._~ stay
 * as they are) or, when json is true, JSON-escaped without quotes. A NULL
 * value expands to nothing; any other brace is copied as it is. Caller
 * frees the result with pvs_free.
 */
char *pvs_payload_expand(const char *tpl, const char *to, const char *text,
                         const char *from, bool json);

#endif
