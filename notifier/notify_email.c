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

static bool is_ascii(const char *s) {
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80 || *s == '\r' || *s == '\n')
            return false;
    return true;
}

/* RFC 2047 encoded-word for a header value that is not plain ASCII. */
static void put_header_text(struct pvs_buf *b, const char *s) {
    static const char b64[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t len = strlen(s);

    if (is_ascii(s)) {
        pvs_buf_puts(b, s);
        return;
    }
    pvs_buf_puts(b, "=?UTF-8?B?");
    for (size_t i = 0; i < len; i += 3) {
        unsigned v = (unsigned char)s[i] << 16;
        char q[4];
        if (i + 1 < len)
            v |= (unsigned char)s[i + 1] << 8;
        if (i + 2 < len)
            v |= (unsigned char)s[i + 2];
        q[0] = b64[(v >> 18) & 63];
        q[1] = b64[(v >> 12) & 63];
        q[2] = i + 1 < len ? b64[(v >> 6) & 63] : '=';
        q[3] = i + 2 < len ? b64[v & 63] : '=';
        pvs_buf_add(b, q, 4);
    }
    pvs_buf_puts(b, "?=");
}

static void put_crlf_text(struct pvs_buf *b, const char *text) {
    for (const char *p = text; *p; p++) {
        if (*p == '\r')
            continue;
        if (*p == '\n')
            pvs_buf_add(b, "\r\n", 2);
        else
            pvs_buf_add(b, p, 1);
    }
    if (b->len < 2 || strcmp(b->data + b->len - 2, "\r\n"))
        pvs_buf_add(b, "\r\n", 2);
}

/*
 * The HTML twin of a plain-text body: escaped, paragraphs kept, links made
 * clickable. Written for mail clients: inline styles only, no images.
 */
static void put_html(struct pvs_buf *b, const char *text) {
    const char *p = text;

    pvs_buf_puts(b, "<!doctype html><html><body style=\"font-family: "
                    "sans-serif; line-height: 1.4; max-width: 40em\">"
                    "<div style=\"white-space: pre-wrap\">");
    while (*p) {
        /* Plain text up to the next link, then the link itself. */
        const char *h1 = strstr(p, "http://"), *h2 = strstr(p, "https://");
        const char *link = !h1 ? h2 : !h2 ? h1 : h1 < h2 ? h1 : h2;
        const char *end = link ? link : p + strlen(p);
        char *chunk = pvs_strndup(p, (size_t)(end - p)), *save = NULL;
        size_t n;

        /* Line by line: mail wants CRLF; a stray \r is dropped. */
        for (const char *q = chunk; *q;) {
            size_t len = strcspn(q, "\r\n");
            save = pvs_strndup(q, len);
            pvs_buf_html(b, save);
            PVS_FREE(save);
            q += len;
            if (*q == '\n')
                pvs_buf_puts(b, "\r\n");
            if (*q)
                q++;
        }
        pvs_free(chunk);
        if (!link)
            break;
        n = strcspn(link, " \t\r\n<>\"'");
        chunk = pvs_strndup(link, n);
        pvs_buf_puts(b, "<a href=\"");
        pvs_buf_html(b, chunk);
        pvs_buf_puts(b, "\">");
        pvs_buf_html(b, chunk);
        pvs_buf_puts(b, "</a>");
        pvs_free(chunk);
        p = link + n;
    }
    pvs_buf_puts(b, "</div></body></html>\r\n");
}

char *pvs_email_build(const char *from, const char *to, const char *subject,
                      const char *body, const char *message_id, int64_t date_ms,
                      const char *const *extra_headers, const char *ics) {
    struct pvs_buf b;
    char date[64], mixed[96], alt[96];
    time_t t = (time_t)(date_ms / 1000);
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
    /* Boundaries derive from the Message-ID and date: a resend is the same
     * message byte for byte. */
    pvs_snprintf(alt, sizeof(alt), "pvs-alt-%zx-%lld",
                 strlen(message_id) * 2654435761u, (long long)date_ms);
    pvs_snprintf(mixed, sizeof(mixed), "pvs-mix-%zx-%lld",
                 strlen(message_id) * 2654435761u, (long long)date_ms);
    pvs_buf_init(&b, 1 << 20);
    pvs_buf_printf(&b, "From: %s\r\nTo: %s\r\nSubject: ", from, to);
    put_header_text(&b, subject);
    pvs_buf_printf(&b,
                   "\r\nDate: %s\r\nMessage-ID: %s\r\nMIME-Version: 1.0\r\n",
                   date, message_id);
    for (size_t i = 0; extra_headers && extra_headers[i]; i++)
        pvs_buf_printf(&b, "%s\r\n", extra_headers[i]);
    if (ics)
        pvs_buf_printf(&b,
                       "Content-Type: multipart/mixed; boundary=\"%s\"\r\n"
                       "\r\n--%s\r\n",
                       mixed, mixed);
    /* Text first, HTML second: clients show the last one they can. */
    pvs_buf_printf(&b,
                   "Content-Type: multipart/alternative; boundary=\"%s\"\r\n"
                   "\r\n--%s\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                   "Content-Transfer-Encoding: 8bit\r\n\r\n",
                   alt, alt);
    put_crlf_text(&b, body);
    pvs_buf_printf(&b,
                   "--%s\r\nContent-Type: text/html; charset=UTF-8\r\n"
                   "Content-Transfer-Encoding: 8bit\r\n\r\n",
                   alt);
    put_html(&b, body);
    pvs_buf_printf(&b, "--%s--\r\n", alt);
    if (ics) {
        pvs_buf_printf(&b,
                       "--%s\r\nContent-Type: text/calendar; charset=UTF-8; "
                       "method=REQUEST\r\nContent-Disposition: attachment; "
                       "filename=\"invite.ics\"\r\n"
                       "Content-Transfer-Encoding: 8bit\r\n\r\n",
                       mixed);
        put_crlf_text(&b, ics);
        pvs_buf_printf(&b, "--%s--\r\n", mixed);
    }
    return pvs_buf_detach(&b, NULL);
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
