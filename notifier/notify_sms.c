/* SPDX-License-Identifier: MIT */
/*
 * notify_sms.c - the SMS channel: a generic HTTP gateway described by
 * [sms] (URL template, GET or POST with a body template, an auth header
 * or basic-auth credentials). The job's recipient is the phone number,
 * its body the text (cut to PVS_PAYLOAD_SMS_MAX characters).
 *
 * Gateways answer in every possible way; the only thing trusted is the
 * HTTP status: 2xx is sent, 4xx (except 408 and 429) and redirects are
 * final, anything else is retried by the notifier up to [sms] retries.
 */
#define PVS_LOG_MODULE "sms"
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#include "pvs/credentials.h"
#include "pvs/http.h"
#include "pvs/log.h"
#include "pvs/notifier.h"
#include "pvs/payload.h"

struct sms_ctx {
    const struct pvs_cfg_sms *sms;
    char *user;
    char *password;
};

static void *sms_init(const struct pvs_config *cfg) {
    struct sms_ctx *c;

    if (!cfg->sms)
        return NULL;
    c = pvs_calloc(1, sizeof(*c));
    c->sms = cfg->sms;
    if (cfg->sms->credentials)
        pvs_credentials_read(cfg->sms->credentials, &c->user, &c->password);
    return c;
}

static void sms_release(void *ctx) {
    struct sms_ctx *c = ctx;

    if (!c)
        return;
    pvs_free(c->user);
    pvs_credentials_free_secret(c->password);
    pvs_free(c);
}

static int sms_pool(void *ctx, const struct pvs_job *job,
                    const char **ret_name) {
    struct sms_ctx *c = ctx;

    (void)job;
    *ret_name = "";
    return c ? (int)c->sms->max_connections : 1;
}

static enum pvs_err sms_start(void *ctx, const struct pvs_job *job,
                              struct pvs_transfer *t, char *err, size_t errsize,
                              bool *permanent) {
    struct sms_ctx *c = ctx;
    const struct pvs_cfg_sms *s;
    char line[256];
    char *text = NULL;
    bool post, json;
    CURL *curl;

    *permanent = true;
    if (!c) {
        pvs_snprintf(err, errsize, "no [sms] section configured");
        return PVS_ERR_CONFIG;
    }
    s = c->sms;
    if (!job->recipient[0] || strpbrk(job->message_id, "\r\n")) {
        pvs_snprintf(err, errsize, "no phone number or a bad message id");
        return PVS_ERR_INVAL;
    }
    *permanent = false;
    curl = curl_easy_init();
    if (!curl) {
        pvs_snprintf(err, errsize, "cannot create a curl handle");
        return PVS_ERR_NOMEM;
    }
    t->easy = curl;
    post = !strcmp(s->method, "POST");
    json = s->content_type && strstr(s->content_type, "json");
    text = pvs_payload_clip(pvs_strdup(job->body), PVS_PAYLOAD_SMS_MAX);
    t->url = pvs_payload_expand(s->url, job->recipient, text, s->from, false);
    if (post)
        t->data = pvs_payload_expand(s->body ? s->body : "", job->recipient,
                                     text, s->from, json);
    pvs_free(text);
    if (post) {
        pvs_snprintf(line, sizeof(line), "Content-Type: %s", s->content_type);
        t->headers = curl_slist_append(t->headers, line);
        t->headers = curl_slist_append(t->headers, "Expect:");
    }
    if (s->auth_header)
        t->headers = curl_slist_append(t->headers, s->auth_header);
    pvs_snprintf(line, sizeof(line), "X-Pvsentry-Idempotency-Key: %s",
                 job->message_id);
    t->headers = curl_slist_append(t->headers, line);

    t->reply.len = 0;
    t->reply.text[0] = '\0';
    t->errbuf[0] = '\0';
    curl_easy_setopt(curl, CURLOPT_URL, t->url);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    if (post) {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, t->data);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                         (curl_off_t)strlen(t->data));
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, t->headers);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "pvsentry");
    if (c->user) {
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
        curl_easy_setopt(curl, CURLOPT_USERNAME, c->user);
        curl_easy_setopt(curl, CURLOPT_PASSWORD, c->password);
    }
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, pvs_http_reply_write);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t->reply);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, t->errbuf);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, (long)s->timeout_ms);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                     (long)(s->timeout_ms / 2));
    return PVS_OK;
}

static enum pvs_err sms_finish(void *ctx, const struct pvs_job *job,
                               struct pvs_transfer *t, CURLcode cc, char *err,
                               size_t errsize, bool *permanent) {
    (void)ctx;
    (void)job;
    return pvs_http_judge(t->easy, cc, t->errbuf, &t->reply, err, errsize,
                          permanent);
}

const struct pvs_channel_type pvs_channel_sms = {
    .name = "sms",
    .init = sms_init,
    .pool = sms_pool,
    .start = sms_start,
    .finish = sms_finish,
    .release = sms_release,
};
