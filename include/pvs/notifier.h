/* SPDX-License-Identifier: MIT */
/*
 * notifier.h - the notifier thread: delivers outbox messages over their
 * channel (email now; webhook and SMS plug in as channel types), retries
 * with exponential backoff up to a give-up time, and reports every attempt
 * back to the engine's inbox (PVS_MSG_DELIVERY), which records it.
 *
 * Delivery is at-least-once: the engine marks a row sent only after the
 * notifier reports success, so a crash in between resends the same
 * message with the same idempotency key (Message-ID).
 */
#ifndef PVS_NOTIFIER_H
#define PVS_NOTIFIER_H

#include <stdbool.h>
#include <stdint.h>
#include "pvs/config.h"
#include "pvs/queue.h"

/* One message to deliver. Strings owned by the job. */
struct pvs_job {
    int64_t outbox_id;
    char *channel;    /* "email" */
    char *recipient;  /* address */
    char *body;       /* the complete message */
    char *message_id; /* idempotency key */
    int64_t created_ms;
    /* notifier's own bookkeeping */
    int attempts;
    int64_t next_ms;
};
void pvs_job_free(struct pvs_job *j);

/*
 * A delivery channel (curl's cftype idea). send returns PVS_OK when the
 * receiver accepted the message; otherwise err says why and *permanent
 * whether retrying is pointless. Runs on the notifier thread only.
 */
struct pvs_channel_type {
    const char *name;
    void *(*init)(const struct pvs_config *cfg);
    enum pvs_err (*send)(void *ctx, const struct pvs_job *job, char *err,
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
/* Stop: in-flight work ends, queued jobs stay pending in the store. */
void pvs_notifier_stop(struct pvs_notifier *n);
void pvs_notifier_free(struct pvs_notifier *n);

/*
 * Hand a job to the notifier (any thread). On success the notifier owns
 * it; PVS_ERR_FULL / PVS_ERR_CLOSED leave it with the caller.
 */
enum pvs_err pvs_notifier_submit(struct pvs_notifier *n, struct pvs_job *job);

/*
 * Build an RFC 5322 mail (CRLF line ends): the text as a plain part and an
 * HTML twin (multipart/alternative); with an ics calendar text, the
 * invitation is attached (invite.ics). Caller frees the result.
 */
char *pvs_email_build(const char *from, const char *to, const char *subject,
                      const char *body, const char *message_id, int64_t date_ms,
                      const char *const *extra_headers, const char *ics);

/*
 * What the reader of a mail built by pvs_email_build reads: its plain
 * text part, with LF line ends and no headers, MIME or markup. A text
 * that is no such mail (an SMS) is returned as it is. Caller frees.
 */
char *pvs_email_plain_text(const char *mail);

#endif
