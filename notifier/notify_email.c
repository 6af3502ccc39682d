/* SPDX-License-Identifier: MIT */
/*
 * notify_email.c - the email channel: RFC 5322 messages sent over SMTP,
 * SMTPS or STARTTLS with libcurl, certificates checked.
 *
 * The message text (headers included) is built once, when the ticket is
 * written, and stored in the outbox; a resend after a crash is therefore
 * byte-for-byte the same mail with the same Message-ID, which receivers
 * use to drop the duplicate.
 */
#define PVS_LOG_MODULE "email"
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pvs/credentials.h"
#include "pvs/log.h"
#include "pvs/notifier.h"

struct email_ctx {
    const struct pvs_cfg_smtp *smtp;
    char *user;
    char *password;
};

static size_t read_cb(char *buf, size_t size, size_t nmemb, void *ud) {
    struct pvs_transfer *t = ud;
    size_t n = size * nmemb;

    if (n > t->upload_len - t->upload_pos)
        n = t->upload_len - t->upload_pos;
    memcpy(buf, t->upload + t->upload_pos, n);
    t->upload_pos += n;
    return n;
}

static void *email_init(const struct pvs_config *cfg) {
    struct email_ctx *c;

    if (!cfg->smtp)
        return NULL;
    c = pvs_calloc(1, sizeof(*c));
    c->smtp = cfg->smtp;
    if (cfg->smtp->credentials)
        pvs_credentials_read(cfg->smtp->credentials, &c->user, &c->password);
    return c;
}

static void email_release(void *ctx) {
    struct email_ctx *c = ctx;

    if (!c)
        return;
    pvs_free(c->user);
    pvs_credentials_free_secret(c->password);
    pvs_free(c);
}

static int email_pool(void *ctx, const struct pvs_job *job,
                      const char **ret_name) {
    struct email_ctx *c = ctx;

    (void)job;
    *ret_name = "";
    return c ? (int)c->smtp->max_connections : 1;
}

static enum pvs_err email_start(void *ctx, const struct pvs_job *job,
                                struct pvs_transfer *t, char *err,
                                size_t errsize, bool *permanent) {
    struct email_ctx *c = ctx;
    char from[320];
    const char *lt, *gt;
    CURL *h;

    *permanent = false;
    if (!c) {
        pvs_snprintf(err, errsize, "no [smtp] section configured");
        *permanent = true;
        return PVS_ERR_CONFIG;
    }
    h = curl_easy_init();
    if (!h) {
        pvs_snprintf(err, errsize, "cannot create a curl handle");
        return PVS_ERR_NOMEM;
    }
    t->easy = h;
    /* MAIL FROM takes the bare address of "Name <addr>". */
    lt = strchr(c->smtp->from, '<');
    gt = lt ? strchr(lt, '>') : NULL;
    if (lt && gt)
        pvs_snprintf(from, sizeof(from), "%.*s", (int)(gt - lt + 1), lt);
    else
        pvs_snprintf(from, sizeof(from), "<%s>", c->smtp->from);
    t->upload = job->body;
    t->upload_len = strlen(job->body);
    t->upload_pos = 0;
    t->rcpt = curl_slist_append(t->rcpt, job->recipient);
    t->errbuf[0] = '\0';
    curl_easy_setopt(h, CURLOPT_URL, c->smtp->url);
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, from); /* curl copies it */
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, t->rcpt);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
    curl_easy_setopt(h, CURLOPT_READDATA, t);
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, t->errbuf);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, (long)c->smtp->timeout_ms);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                     (long)(c->smtp->timeout_ms / 2));
    if (c->smtp->starttls)
        curl_easy_setopt(h, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
    if (c->smtp->ca_file)
        curl_easy_setopt(h, CURLOPT_CAINFO, c->smtp->ca_file);
    if (c->user) {
        curl_easy_setopt(h, CURLOPT_USERNAME, c->user);
        curl_easy_setopt(h, CURLOPT_PASSWORD, c->password);
    }
    return PVS_OK;
}

static enum pvs_err email_finish(void *ctx, const struct pvs_job *job,
                                 struct pvs_transfer *t, CURLcode cc, char *err,
                                 size_t errsize, bool *permanent) {
    long code = 0;

    (void)ctx;
    (void)job;
    *permanent = false;
    if (cc == CURLE_OK)
        return PVS_OK;
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &code);
    pvs_snprintf(err, errsize, "%s (smtp %ld)",
                 t->errbuf[0] ? t->errbuf : curl_easy_strerror(cc), code);
    /* 5xx is the server's final word on this message; 4xx and
     * connection problems are worth another try. */
    *permanent = code >= 500 && code < 600;
    return PVS_ERR_IO;
}

const struct pvs_channel_type pvs_channel_email = {
    .name = "email",
    .init = email_init,
    .pool = email_pool,
    .start = email_start,
    .finish = email_finish,
    .release = email_release,
};
