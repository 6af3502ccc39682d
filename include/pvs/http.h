/* SPDX-License-Identifier: MIT */
/*
 * http.h - what the HTTP channels (webhook, SMS gateway) share: keeping
 * the start of the receiver's answer for the log, and the rule for which
 * answers are final. Notifier thread.
 */
#ifndef PVS_HTTP_H
#define PVS_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <curl/curl.h>

#include "pvs/util.h"

#define PVS_HTTP_REPLY_KEEP 200 /* bytes of an answer kept for the log */

struct pvs_http_reply {
    char text[PVS_HTTP_REPLY_KEEP + 1];
    size_t len;
};

/* CURLOPT_WRITEFUNCTION: keeps the first bytes, reads and drops the rest. */
size_t pvs_http_reply_write(char *data, size_t size, size_t nmemb, void *ud);

/*
 * Whether a non-2xx answer is the receiver's final word (redirects and
 * 4xx), so the message is dead-lettered; 408, 429 and 5xx are retried.
 */
bool pvs_http_permanent(long code);

/*
 * Judge an ended HTTP transfer of easy (cc its CURLcode, errbuf its
 * CURLOPT_ERRORBUFFER, reply its captured answer): PVS_OK on 2xx, else
 * PVS_ERR_IO with err and *permanent set.
 */
enum pvs_err pvs_http_judge(CURL *easy, CURLcode cc, const char *errbuf,
                            const struct pvs_http_reply *reply, char *err,
                            size_t errsize, bool *permanent);

#endif
