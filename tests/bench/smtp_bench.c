/* SPDX-License-Identifier: MIT */
/*
 * smtp_bench.c - the baseline of the delivery figure of `make bench`
 * (tests/bench/bench.py): a bare libcurl multi loop that sends every mail
 * of a spool to one SMTP server, CONCURRENCY transfers at a time, with
 * the options pvsentry's email channel sets. No retries, no bookkeeping.
 *
 *   smtp_bench URL CONCURRENCY SPOOL
 *
 * SPOOL is written by `notify_bench spool`: per mail, its length in
 * decimal on a line, then the mail. Prints
 * "messages N seconds S failed F".
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct mail {
    char *data;
    size_t len, pos;
};

static double now_s(void) {
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static size_t read_cb(char *buf, size_t size, size_t nmemb, void *ud) {
    struct mail *m = ud;
    size_t n = size * nmemb;

    if (n > m->len - m->pos)
        n = m->len - m->pos;
    memcpy(buf, m->data + m->pos, n);
    m->pos += n;
    return n;
}

static struct mail *load(const char *path, size_t *ret_n) {
    FILE *f = fopen(path, "rb");
    struct mail *v = NULL;
    size_t n = 0, len;

    if (!f)
        return NULL;
    while (fscanf(f, "%zu\n", &len) == 1) {
        v = realloc(v, (n + 1) * sizeof(*v));
        v[n].data = malloc(len);
        if (!v || !v[n].data || fread(v[n].data, 1, len, f) != len)
            exit(2);
        v[n].len = len;
        v[n].pos = 0;
        n++;
    }
    fclose(f);
    *ret_n = n;
    return v;
}

static void add(CURLM *multi, const char *url, struct mail *m,
                struct curl_slist *rcpt) {
    CURL *h = curl_easy_init();

    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, "<monitoring@pvsentry.example>");
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
    curl_easy_setopt(h, CURLOPT_READDATA, m);
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 15000L);
    curl_easy_setopt(h, CURLOPT_PRIVATE, m);
    curl_multi_add_handle(multi, h);
}

int main(int argc, char **argv) {
    struct curl_slist *rcpt = NULL;
    struct mail *mails;
    size_t n = 0, next = 0, done = 0, failed = 0;
    int conc, running = 0, left;
    double t0;
    CURLM *multi;
    CURLMsg *msg;

    if (argc != 4) {
        fprintf(stderr, "usage: smtp_bench URL CONCURRENCY SPOOL\n");
        return 2;
    }
    conc = atoi(argv[2]);
    mails = load(argv[3], &n);
    if (!mails || conc < 1)
        return 2;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    multi = curl_multi_init();
    rcpt = curl_slist_append(rcpt, "<alice@example.com>");
    t0 = now_s();
    while (next < n && next < (size_t)conc)
        add(multi, argv[1], &mails[next++], rcpt);
    while (done < n) {
        curl_multi_perform(multi, &running);
        while ((msg = curl_multi_info_read(multi, &left))) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            if (msg->data.result != CURLE_OK)
                failed++;
            curl_multi_remove_handle(multi, msg->easy_handle);
            curl_easy_cleanup(msg->easy_handle);
            done++;
            if (next < n)
                add(multi, argv[1], &mails[next++], rcpt);
        }
        if (done < n)
            curl_multi_poll(multi, NULL, 0, 1000, NULL);
    }
    printf("messages %zu seconds %.4f failed %zu\n", n, now_s() - t0, failed);
    curl_multi_cleanup(multi);
    curl_slist_free_all(rcpt);
    for (size_t i = 0; i < n; i++)
        free(mails[i].data);
    free(mails);
    curl_global_cleanup();
    return failed ? 1 : 0;
}
