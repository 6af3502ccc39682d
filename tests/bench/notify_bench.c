/* SPDX-License-Identifier: MIT */
/*
 * notify_bench.c - pvsentry's side of the delivery figure of `make bench`
 * (tests/bench/bench.py).
 *
 *   notify_bench spool FILE N
 *       writes N technician alert mails built by pvsentry's own mail
 *       builder (text and HTML twin, about 2 KB each) to FILE: per mail,
 *       its length in decimal on a line, then the mail.
 *   notify_bench send CONFIG SPOOL
 *       starts pvsentry's notifier thread on CONFIG ([smtp] and its
 *       max_connections), hands it every mail of SPOOL at once (one
 *       ticket each, as when a storm opens many tickets) and waits for
 *       every delivery report, as the engine would.
 *
 * send prints "messages N seconds S failed F": from the first hand-over
 * to the last report of a mail the server accepted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pvs/clock.h"
#include "pvs/config.h"
#include "pvs/log.h"
#include "pvs/msg.h"
#include "pvs/notifier.h"

#define TS0 1718956800000LL

static double now_s(void) {
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int spool(const char *path, int n) {
    static const char *const hdrs[] = {"X-Pvsentry-Audience: technician",
                                       "X-Pvsentry-Kind: alert",
                                       "Auto-Submitted: auto-generated", NULL};
    FILE *f = fopen(path, "wb");

    if (!f)
        return 1;
    for (int i = 0; i < n; i++) {
        char id[64], subject[128], *body, *mail;
        pvs_snprintf(id, sizeof(id), "<pvs.%d.technician.alert@pvsentry>",
                     i + 1);
        pvs_snprintf(subject, sizeof(subject),
                     "[critical] Inverter inv-%d stopped producing", i + 1);
        body = pvs_asprintf(
            "Hello Alice,\n\nInverter inv-%d at site lyon-%d stopped "
            "producing at 10:40 (fault code 0x0400, ground fault).\n\n"
            "Evidence: AC power 0 W since 10:40 while the clear-sky model "
            "expects 3.9 kW and the sibling inverter makes 3.7 kW.\n"
            "Energy lost: 1.2 kWh so far, about 24 kWh per day.\n\n"
            "Site: 12 rue des Lilas, 69003 Lyon. Access: key in the box "
            "by the garage; dog in the garden.\n\nKnowledge base: "
            "ground-fault (check the DC insulation resistance before "
            "restarting).\n\nTicket: https://pvsentry.example/t/%d\n",
            i + 1, i / 10 + 1, i + 1);
        mail = pvs_email_build("pvsentry <monitoring@pvsentry.example>",
                               "Alice Martin <alice@example.com>", subject,
                               body, id, TS0 + i * 1000LL, hdrs, NULL);
        fprintf(f, "%zu\n%s", strlen(mail), mail);
        pvs_free(mail);
        pvs_free(body);
    }
    return fclose(f) ? 1 : 0;
}

static int send_all(const char *conf, const char *path) {
    struct pvs_cfg_errors errs;
    struct pvs_config *cfg = NULL;
    struct pvs_queue *results;
    struct pvs_notifier *n;
    struct pvs_job **jobs = NULL;
    size_t njobs = 0, len, done = 0, failed = 0;
    FILE *f = fopen(path, "rb");
    double t0;

    memset(&errs, 0, sizeof(errs));
    if (!f || pvs_config_load(conf, &cfg, &errs)) {
        pvs_cfg_errors_print(&errs, stderr);
        return 2;
    }
    while (fscanf(f, "%zu\n", &len) == 1) {
        struct pvs_job *j = pvs_calloc(1, sizeof(*j));
        const char *p;
        j->body = pvs_malloc(len + 1);
        if (fread(j->body, 1, len, f) != len)
            return 2;
        j->body[len] = '\0';
        p = strstr(j->body, "Message-ID: ");
        j->message_id = pvs_strndup(p + 12, strcspn(p + 12, "\r\n"));
        j->outbox_id = (int64_t)njobs + 1;
        j->ticket_id = j->outbox_id;
        j->audience = pvs_strdup("technician");
        j->channel = pvs_strdup("email");
        j->recipient = pvs_strdup("alice@example.com");
        j->created_ms = pvs_clock_now_ms();
        jobs = pvs_realloc(jobs, (njobs + 1) * sizeof(*jobs));
        jobs[njobs++] = j;
    }
    fclose(f);
    results = pvs_queue_new(njobs + 16, pvs_msg_free_void);
    if (pvs_notifier_new(cfg, results, &n) || pvs_notifier_start(n))
        return 2;
    t0 = now_s();
    for (size_t i = 0; i < njobs; i++) {
        if (pvs_notifier_submit(n, jobs[i]))
            return 2;
        jobs[i] = NULL;
    }
    while (done + failed < njobs) {
        void *m = NULL;
        struct pvs_msg *r;
        if (pvs_queue_pop_batch(results, &m, 1, 60000) != 1)
            break;
        r = m;
        if (r->ok)
            done++;
        else if (r->permanent)
            failed++; /* a failed attempt that is retried is not the end */
        pvs_msg_free(m);
    }
    printf("messages %zu seconds %.4f failed %zu\n", done, now_s() - t0,
           failed);
    pvs_notifier_free(n);
    pvs_queue_free(results);
    pvs_free(jobs);
    pvs_config_free(cfg);
    return done == njobs ? 0 : 1;
}

int main(int argc, char **argv) {
    int rc = 2;

    curl_global_init(CURL_GLOBAL_DEFAULT);
    pvs_clock_set_wall();
    pvs_log_set_level(PVS_LOG_WARN);
    if (argc == 4 && !strcmp(argv[1], "spool"))
        rc = spool(argv[2], atoi(argv[3]));
    else if (argc == 4 && !strcmp(argv[1], "send"))
        rc = send_all(argv[2], argv[3]);
    else
        fprintf(stderr, "usage: notify_bench spool FILE N | "
                        "send CONFIG SPOOL\n");
    curl_global_cleanup();
    return rc;
}
