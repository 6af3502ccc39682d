/* SPDX-License-Identifier: MIT */
/*
 * notifier.h - the notifier thread: delivers outbox messages over their
 * channel (email, webhook, SMS), many at once, retries with exponential
 * backoff up to a give-up time, and reports every attempt back to the
 * engine's inbox (PVS_MSG_DELIVERY), which records it.
 *
 * Each channel has its own concurrency limit ([smtp] max_connections,
 * [sms] max_connections, and per [webhook "id"] max_connections), so a
 * receiver that hangs delays only its own messages. Messages of one
 * ticket for one audience on one receiver go out one at a time, in
 * outbox order: a "back to normal" never overtakes its alert, even when
 * the alert needs retries (or is given up: then the next one goes).
 *
 * Delivery is at-least-once: the engine marks a row sent only after the
 * notifier reports success, so a crash in between resends the same
 * message with the same idempotency key (Message-ID).
 */
#ifndef PVS_NOTIFIER_H
#define PVS_NOTIFIER_H

#include <stdbool.h>
#include <stdint.h>
#include <curl/curl.h>
#include "pvs/config.h"
#include "pvs/http.h"
#include "pvs/mail.h"
#include "pvs/queue.h"

/* One message to deliver. Strings owned by the job. */
struct pvs_job {
    int64_t outbox_id;
    int64_t ticket_id; /* 0: none (no ordering with other messages) */
    char *audience;    /* technician, customer, integration; may be NULL */
    char *channel;     /* "email", "webhook", "sms" */
    char *recipient;   /* address, webhook id or phone number */
    char *body;        /* the complete message */
    char *message_id;  /* idempotency key */
    int64_t created_ms;
    /* notifier's own bookkeeping */
    int attempts;
    int64_t next_ms;
    struct pvs_job *next; /* the next message of the same lane */
};
void pvs_job_free(struct pvs_job *j);

/*
 * One transfer in flight. A channel's start creates easy and puts here
 * whatever the handle points at while it runs (header and recipient
 * lists, strings, the upload cursor, the answer buffer); the notifier
 * frees all of it when the transfer ends or is abandoned.
 */
struct pvs_transfer {
    CURL *easy;
    struct curl_slist *headers;
    struct curl_slist *rcpt;
    char *url;          /* owned copies the handle uses */
    char *data;         /* POST body */
    const char *upload; /* borrowed from the job: READFUNCTION source */
    size_t upload_len, upload_pos;
    struct pvs_http_reply reply;
    char errbuf[CURL_ERROR_SIZE];
};

/*
 * A delivery channel (curl's cftype idea). Everything runs on the
 * notifier thread, which drives every transfer in one curl multi handle.
 *
 *   pool    names the concurrency pool of a job (the channel's own, or one
 *           per endpoint: a webhook id) and returns its limit (>= 1);
 *           *ret_name stays valid as long as the ctx.
 *   start   sets t->easy up for job. PVS_OK, or err says why not and
 *           *permanent whether retrying is pointless.
 *   finish  judges the ended transfer (cc is its CURLcode): PVS_OK when
 *           the receiver accepted the message; otherwise err and
 *           *permanent as for start.
 */
struct pvs_channel_type {
    const char *name;
    void *(*init)(const struct pvs_config *cfg);
    int (*pool)(void *ctx, const struct pvs_job *job, const char **ret_name);
    enum pvs_err (*start)(void *ctx, const struct pvs_job *job,
                          struct pvs_transfer *t, char *err, size_t errsize,
                          bool *permanent);
    enum pvs_err (*finish)(void *ctx, const struct pvs_job *job,
                           struct pvs_transfer *t, CURLcode cc, char *err,
                           size_t errsize, bool *permanent);
    void (*release)(void *ctx);
};

struct pvs_notifier;

/*
 * cfg and results (the engine inbox) are borrowed and must outlive the
 * notifier. Called from the main thread.
 */
enum pvs_err pvs_notifier_new(const struct pvs_config *cfg,
                              struct pvs_queue *results,
                              struct pvs_notifier **ret);
enum pvs_err pvs_notifier_start(struct pvs_notifier *n);
/*
 * Stop: transfers in flight get a short grace (PVS_NOTIFIER_GRACE_MS) to
 * finish and are reported; the rest are abandoned unreported, so nothing
 * is marked sent that the receiver did not accept. Queued and waiting
 * jobs stay pending in the store and go out after the next start.
 */
#define PVS_NOTIFIER_GRACE_MS 2000
void pvs_notifier_stop(struct pvs_notifier *n);
void pvs_notifier_free(struct pvs_notifier *n);

/*
 * Hand a job to the notifier (any thread). On success the notifier owns
 * it; PVS_ERR_FULL / PVS_ERR_CLOSED leave it with the caller.
 */
enum pvs_err pvs_notifier_submit(struct pvs_notifier *n, struct pvs_job *job);
/*
 * Deliver with cfg's channel settings ([smtp], [sms], webhooks and their
 * retries) from the next safe point on: no new transfer starts while
 * those under way end, then the channels are set up again from cfg. The
 * messages waiting keep their order, attempts and retry times, and go
 * out with the new settings. cfg is borrowed; the previous one may be
 * freed once pvs_notifier_uses says so. Main thread.
 */
void pvs_notifier_set_config(struct pvs_notifier *n,
                             const struct pvs_config *cfg);
/*
 * Health: appends "smtp URL\n" to out while the SMTP server did not
 * answer the last delivery attempt (unknown until a message is sent).
 * Any thread; NULL: none.
 */
void pvs_notifier_down(struct pvs_notifier *n, struct pvs_buf *out);
/* Whether the notifier may still read cfg. Main thread. */
bool pvs_notifier_uses(struct pvs_notifier *n, const struct pvs_config *cfg);

#endif
