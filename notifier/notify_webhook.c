/* SPDX-License-Identifier: MIT */
/*
 * notify_webhook.c - the webhook channel: the stored JSON body POSTed to
 * a [webhook "id"] URL with libcurl, signed with HMAC-SHA256.
 *
 * Every request carries
 *   X-Pvsentry-Signature: sha256=<hex HMAC-SHA256 of the body>  (secret)
 *   X-Pvsentry-Idempotency-Key: <message id>  (the same on every attempt)
 *   X-Pvsentry-Delivery-Attempt: <1, 2, ...>
 * so a receiver can check the sender and drop a message it already has:
 * delivery is at-least-once, and a crash between the receiver's 2xx and
 * the engine's commit resends the same bytes with the same key.
 *
 * A 2xx answer is delivered. 4xx (except 408 and 429) and redirects are
 * the receiver's final word: the message is dead-lettered. 5xx, 408, 429,
 * timeouts and connection errors are retried by the notifier.
 */
#define PVS_LOG_MODULE "webhook"
#include <curl/curl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "pvs/http.h"
#include "pvs/log.h"
#include "pvs/notifier.h"
#include "pvs/payload.h"

#define SECRET_MAX 4096

struct hook {
    const struct pvs_cfg_webhook *w;
    char *secret; /* NULL: unsigned */
    bool broken;  /* its secret_file could not be read */
};

struct webhook_ctx {
    struct hook *hooks;
    size_t n;
};

/* The first line of path, or NULL. */
static char *read_secret(const char *path) {
    FILE *f = fopen(path, "r");
    char buf[SECRET_MAX];
    char *s = NULL;

    if (!f)
        return NULL;
    if (fgets(buf, sizeof(buf), f)) {
        buf[strcspn(buf, "\r\n")] = '\0';
        if (buf[0])
            s = pvs_strdup(buf);
    }
    sodium_memzero(buf, sizeof(buf));
    fclose(f);
    return s;
}

static void *webhook_init(const struct pvs_config *cfg) {
    struct webhook_ctx *c = pvs_calloc(1, sizeof(*c));

    if (sodium_init() < 0)
        pvs_error("cannot initialise libsodium: webhooks go unsigned");
    c->n = cfg->nwebhooks;
    c->hooks = pvs_calloc(c->n ? c->n : 1, sizeof(*c->hooks));
    for (size_t i = 0; i < c->n; i++) {
        struct hook *h = &c->hooks[i];
        h->w = cfg->webhooks[i];
        if (h->w->secret) {
            h->secret = pvs_strdup(h->w->secret);
        } else if (h->w->secret_file) {
            h->secret = read_secret(h->w->secret_file);
            if (!h->secret) {
                pvs_error("cannot read secret_file '%s' of webhook '%s': "
                          "its messages will not be sent",
                          h->w->secret_file, h->w->obj.id);
                h->broken = true;
            }
        }
    }
    return c;
}

static void webhook_release(void *ctx) {
    struct webhook_ctx *c = ctx;

    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        if (c->hooks[i].secret) {
            sodium_memzero(c->hooks[i].secret, strlen(c->hooks[i].secret));
            pvs_free(c->hooks[i].secret);
        }
    }
    pvs_free(c->hooks);
    pvs_free(c);
}

static struct hook *hook_of(struct webhook_ctx *c, const char *id) {
    for (size_t i = 0; i < c->n; i++)
        if (!strcmp(c->hooks[i].w->obj.id, id))
            return &c->hooks[i];
    return NULL;
}

/* One pool per webhook: a slow receiver waits only for itself. */
static int webhook_pool(void *ctx, const struct pvs_job *job,
                        const char **ret_name) {
    struct webhook_ctx *c = ctx;
    struct hook *h = c ? hook_of(c, job->recipient) : NULL;

    *ret_name = h ? h->w->obj.id : "";
    return h ? (int)h->w->max_connections : 1;
}

static enum pvs_err webhook_start(void *ctx, const struct pvs_job *job,
                                  struct pvs_transfer *t, char *err,
                                  size_t errsize, bool *permanent) {
    struct webhook_ctx *c = ctx;
    struct hook *h = c ? hook_of(c, job->recipient) : NULL;
    char line[256], sig[PVS_PAYLOAD_SIG_SIZE];
    size_t len = strlen(job->body);
    CURL *curl;

    *permanent = true;
    if (!h) {
        pvs_snprintf(err, errsize, "webhook '%s' is not configured",
                     job->recipient);
        return PVS_ERR_CONFIG;
    }
    if (h->broken) {
        pvs_snprintf(err, errsize, "webhook '%s' has no readable secret",
                     job->recipient);
        return PVS_ERR_CONFIG;
    }
    if (strpbrk(job->message_id, "\r\n")) {
        pvs_snprintf(err, errsize, "message id has a line break");
        return PVS_ERR_INVAL;
    }
    *permanent = false;
    curl = curl_easy_init();
    if (!curl) {
        pvs_snprintf(err, errsize, "cannot create a curl handle");
        return PVS_ERR_NOMEM;
    }
    t->easy = curl;
    t->headers =
        curl_slist_append(t->headers, "Content-Type: application/json");
    /* no 100-continue wait */
    t->headers = curl_slist_append(t->headers, "Expect:");
    if (h->secret) {
        pvs_payload_sign(h->secret, job->body, len, sig);
        pvs_snprintf(line, sizeof(line), "X-Pvsentry-Signature: %s", sig);
        t->headers = curl_slist_append(t->headers, line);
    }
    pvs_snprintf(line, sizeof(line), "X-Pvsentry-Idempotency-Key: %s",
                 job->message_id);
    t->headers = curl_slist_append(t->headers, line);
    /* attempts counts the finished ones: this is the next. */
    pvs_snprintf(line, sizeof(line), "X-Pvsentry-Delivery-Attempt: %d",
                 job->attempts + 1);
    t->headers = curl_slist_append(t->headers, line);

    t->reply.len = 0;
    t->reply.text[0] = '\0';
    t->errbuf[0] = '\0';
    curl_easy_setopt(curl, CURLOPT_URL, h->w->url);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, job->body);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, t->headers);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "pvsentry");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, pvs_http_reply_write);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t->reply);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, t->errbuf);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, (long)h->w->timeout_ms);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                     (long)(h->w->timeout_ms / 2));
    return PVS_OK;
}

static enum pvs_err webhook_finish(void *ctx, const struct pvs_job *job,
                                   struct pvs_transfer *t, CURLcode cc,
                                   char *err, size_t errsize, bool *permanent) {
    (void)ctx;
    (void)job;
    return pvs_http_judge(t->easy, cc, t->errbuf, &t->reply, err, errsize,
                          permanent);
}

const struct pvs_channel_type pvs_channel_webhook = {
    .name = "webhook",
    .init = webhook_init,
    .pool = webhook_pool,
    .start = webhook_start,
    .finish = webhook_finish,
    .release = webhook_release,
};
