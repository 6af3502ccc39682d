/* SPDX-License-Identifier: MIT */
/* http.c - answer capture and finality shared by the HTTP channels. */
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
