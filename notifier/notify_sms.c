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

static enum pvs_err sms_send(void *ctx, const struct pvs_job *job, char *err,
                             size_t errsize, bool *permanent) {
    struct sms_ctx *c = ctx;
    const struct pvs_cfg_sms *s;
    struct curl_slist *hdrs = NULL;
    struct pvs_http_reply reply;
    char line[256], errbuf[CURL_ERROR_SIZE];
    char *text = NULL, *url = NULL, *body = NULL;
    enum pvs_err rc = PVS_ERR_IO;
    bool post, json;
    long code = 0;
    CURLcode cc;
    CURL *curl = NULL;

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
    post = !strcmp(s->method, "POST");
    json = s->content_type && strstr(s->content_type, "json");
    text = pvs_payload_clip(pvs_strdup(job->body), PVS_PAYLOAD_SMS_MAX);
    url = pvs_payload_expand(s->url, job->recipient, text, s->from, false);
    if (post)
        body = pvs_payload_expand(s->body ? s->body : "", job->recipient, text,
                                  s->from, json);
    curl = curl_easy_init();
    if (!curl) {
        pvs_snprintf(err, errsize, "cannot create a curl handle");
        rc = PVS_ERR_NOMEM;
        goto out;
    }
    if (post) {
        pvs_snprintf(line, sizeof(line), "Content-Type: %s", s->content_type);
        hdrs = curl_slist_append(hdrs, line);
        hdrs = curl_slist_append(hdrs, "Expect:");
    }
    if (s->auth_header)
        hdrs = curl_slist_append(hdrs, s->auth_header);
    pvs_snprintf(line, sizeof(line), "X-Pvsentry-Idempotency-Key: %s",
                 job->message_id);
    hdrs = curl_slist_append(hdrs, line);

    reply.len = 0;
    reply.text[0] = '\0';
    errbuf[0] = '\0';
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    if (post) {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                         (curl_off_t)strlen(body));
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "pvsentry");
    if (c->user) {
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
        curl_easy_setopt(curl, CURLOPT_USERNAME, c->user);
        curl_easy_setopt(curl, CURLOPT_PASSWORD, c->password);
    }
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, pvs_http_reply_write);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, (long)s->timeout_ms);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                     (long)(s->timeout_ms / 2));
    cc = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    if (cc != CURLE_OK) {
        pvs_snprintf(err, errsize, "%s",
                     errbuf[0] ? errbuf : curl_easy_strerror(cc));
        *permanent =
            cc == CURLE_URL_MALFORMAT || cc == CURLE_UNSUPPORTED_PROTOCOL;
    } else if (code >= 200 && code < 300) {
        rc = PVS_OK;
    } else {
        pvs_snprintf(err, errsize, "http %ld%s%s", code, reply.len ? ": " : "",
                     reply.text);
        *permanent = pvs_http_permanent(code);
    }
out:
    curl_slist_free_all(hdrs);
    if (curl)
        curl_easy_cleanup(curl);
    pvs_free(body);
    pvs_free(url);
    pvs_free(text);
    return rc;
}

const struct pvs_channel_type pvs_channel_sms = {
    .name = "sms",
    .init = sms_init,
    .send = sms_send,
    .release = sms_release,
};
