/* SPDX-License-Identifier: MIT */
/*
 * mail.c - the mail format (mail.h): RFC 5322 messages with a plain and
 * an HTML part, built once when the ticket is written (so a resend is the
 * same bytes with the same Message-ID), and read back as plain text.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pvs/mail.h"
#include "pvs/util.h"

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

char *pvs_email_plain_text(const char *mail) {
    static const char part[] = "Content-Type: text/plain; charset=UTF-8\r\n";
    const char *p = strstr(mail, part), *end;
    struct pvs_buf b;

    if (!p)
        return pvs_strdup(mail);
    p = strstr(p, "\r\n\r\n");
    if (!p)
        return pvs_strdup("");
    p += 4;
    /* The part ends at the next boundary line. */
    end = strstr(p, "\r\n--pvs-");
    if (!end)
        end = p + strlen(p);
    pvs_buf_init(&b, 1 << 20);
    for (; p < end; p++)
        if (*p != '\r' || p[1] != '\n')
            pvs_buf_add(&b, p, 1);
    pvs_buf_puts(&b, "");
    return pvs_buf_detach(&b, NULL);
}
