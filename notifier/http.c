/* SPDX-License-Identifier: MIT */
/* http.c - answer capture and finality shared by the HTTP channels. */
#include <stdio.h>
#include <string.h>

#include "pvs/http.h"

size_t pvs_http_reply_write(char *data, size_t size, size_t nmemb, void *ud) {
    struct pvs_http_reply *r = ud;
    size_t n = size * nmemb, room = PVS_HTTP_REPLY_KEEP - r->len;

    if (room) {
        memcpy(r->text + r->len, data, n < room ? n : room);
        r->len += n < room ? n : room;
        r->text[r->len] = '\0';
    }
    return n;
}

bool pvs_http_permanent(long code) {
    if (code == 408 || code == 429)
        return false;
    return code >= 300 && code < 500;
}

enum pvs_err pvs_http_judge(CURL *easy, CURLcode cc, const char *errbuf,
                            const struct pvs_http_reply *reply, char *err,
                            size_t errsize, bool *permanent) {
    long code = 0;

    *permanent = false;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &code);
    if (cc != CURLE_OK) {
        pvs_snprintf(err, errsize, "%s",
                     errbuf[0] ? errbuf : curl_easy_strerror(cc));
        /* A URL curl cannot use will not get better by waiting. */
        *permanent =
            cc == CURLE_URL_MALFORMAT || cc == CURLE_UNSUPPORTED_PROTOCOL;
        return PVS_ERR_IO;
    }
    if (code >= 200 && code < 300)
        return PVS_OK;
    pvs_snprintf(err, errsize, "http %ld%s%s", code, reply->len ? ": " : "",
                 reply->text);
    *permanent = pvs_http_permanent(code);
    return PVS_ERR_IO;
}
