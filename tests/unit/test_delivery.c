/* SPDX-License-Identifier: MIT */
/*
 * test_delivery.c - the notifier's scheduling end to end: a real notifier
 * thread delivers to tests/sinks/smtp_sink.py and http_sink.py, started
 * here on free loopback ports and waited for by their "ready" line.
 *
 * Covers: a webhook receiver that hangs holds back no mail and, at stop,
 * its transfer is cut off without being reported sent; an alert whose
 * first attempt fails still arrives before its "back to normal"; the
 * SMTP and per-webhook connection limits are reached and never passed
 * (the sinks count connections); a dead SMTP server is retried with
 * growing delays, then given up. Run from the repository root.
 */
#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <cjson/cJSON.h>
#include <curl/curl.h>

#include "pvs/clock.h"
#include "pvs/msg.h"
#include "pvs/notifier.h"

static char dir[64];
static int seq;
static pid_t sinks[8];
static size_t nsinks;

struct sink {
    pid_t pid;
    int port;
    char log[128];   /* its stdout and stderr */
    char stats[128]; /* --stats */
    char data[128];  /* --out (HTTP) or --dir (SMTP) */
};

static void nap_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

    nanosleep(&ts, NULL);
}

/* A port nothing listens on now. */
static int free_port(void) {
    struct sockaddr_in a;
    socklen_t len = sizeof(a);
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    close(fd);
    return ntohs(a.sin_port);
}

static char *slurp(const char *path) {
    FILE *f = fopen(path, "r");
    struct pvs_buf b;
    char chunk[4096];
    size_t got;

    if (!f)
        return NULL;
    pvs_buf_init(&b, 64 << 20);
    while ((got = fread(chunk, 1, sizeof(chunk), f)))
        pvs_buf_add(&b, chunk, got);
    fclose(f);
    return pvs_buf_detach(&b, NULL);
}

/*
 * Start tests/sinks/<script> with --port and extra arguments, its output
 * in a log file; wait (probing the log, 20 s at most) for "ready".
 */
static void sink_start(struct sink *s, const char *script, bool smtp,
                       const char *const *extra) {
    char *argv[24];
    char path[128], portarg[16];
    int n = 0, out;

    s->port = free_port();
    ++seq;
    pvs_snprintf(s->log, sizeof(s->log), "%s/sink%d.log", dir, seq);
    pvs_snprintf(s->stats, sizeof(s->stats), "%s/sink%d.stats", dir, seq);
    pvs_snprintf(s->data, sizeof(s->data), "%s/sink%d.%s", dir, seq,
                 smtp ? "mail" : "jsonl");
    pvs_snprintf(path, sizeof(path), "tests/sinks/%s", script);
    pvs_snprintf(portarg, sizeof(portarg), "%d", s->port);
    argv[n++] = (char *)(uintptr_t) "/usr/bin/python3";
    argv[n++] = path;
    argv[n++] = (char *)(uintptr_t) "--port";
    argv[n++] = portarg;
    argv[n++] = (char *)(uintptr_t)(smtp ? "--dir" : "--out");
    argv[n++] = s->data;
    argv[n++] = (char *)(uintptr_t) "--stats";
    argv[n++] = s->stats;
    for (size_t i = 0; extra && extra[i]; i++)
        argv[n++] = (char *)(uintptr_t)extra[i];
    argv[n] = NULL;
    s->pid = fork();
    assert_true(s->pid >= 0);
    if (s->pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        out = open(s->log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(out, 1);
        dup2(out, 2);
        close(out);
        execv(argv[0], argv);
        _exit(127);
    }
    PVS_ASSERT(nsinks < PVS_ARRAY_LEN(sinks));
    sinks[nsinks++] = s->pid;
    for (int i = 0; i < 2000; i++) {
        char *text = slurp(s->log);
        bool ready = text && strstr(text, "ready ");
        pvs_free(text);
        if (ready)
            return;
        nap_ms(10);
    }
    fail_msg("sink %s did not start", script);
}

static void sink_stop(struct sink *s) {
    int st;

    kill(s->pid, SIGTERM);
    waitpid(s->pid, &st, 0);
    for (size_t i = 0; i < nsinks; i++)
        if (sinks[i] == s->pid)
            sinks[i] = sinks[--nsinks];
}

static int stop_sinks(void **state) {
    int st;

    (void)state;
    for (size_t i = 0; i < nsinks; i++) {
        kill(sinks[i], SIGTERM);
        waitpid(sinks[i], &st, 0);
    }
    nsinks = 0;
    pvs_clock_set_wall();
    return 0;
}

/* A number from the sink's --stats file (-1 while there is none). */
static int sink_stat(const struct sink *s, const char *key) {
    char *text = slurp(s->stats);
    cJSON *j = text ? cJSON_Parse(text) : NULL;
    const cJSON *v = cJSON_GetObjectItem(j, key);
    int n = cJSON_IsNumber(v) ? v->valueint : -1;

    cJSON_Delete(j);
    pvs_free(text);
    return n;
}

/* Message-IDs of the mails the SMTP sink accepted, in arrival order. */
static size_t sink_mail_ids(const struct sink *s, char ids[][64], size_t max) {
    struct dirent **names = NULL;
    int n = scandir(s->data, &names, NULL, alphasort);
    size_t got = 0;

    for (int i = 0; i < n; i++) {
        char path[512], *text, *p;
        if (strstr(names[i]->d_name, ".eml") && names[i]->d_name[0] != '.' &&
            got < max) {
            pvs_snprintf(path, sizeof(path), "%s/%s", s->data,
                         names[i]->d_name);
            text = slurp(path);
            p = text ? strstr(text, "Message-ID: ") : NULL;
            if (p) {
                p += strlen("Message-ID: ");
                pvs_snprintf(ids[got], 64, "%.*s", (int)strcspn(p, "\r\n"), p);
                got++;
            }
            pvs_free(text);
        }
        pvs_free(names[i]); /* scandir allocates with malloc */
    }
    pvs_free(names);
    return got;
}

struct run {
    struct pvs_config *cfg;
    struct pvs_queue *results;
    struct pvs_notifier *n;
};

static void run_start(struct run *r, const char *text) {
    struct pvs_cfg_errors errs;
    char path[128];
    FILE *f;

    pvs_snprintf(path, sizeof(path), "%s/c%d.conf", dir, ++seq);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    memset(&errs, 0, sizeof(errs));
    r->cfg = NULL;
    if (pvs_config_load(path, &r->cfg, &errs))
        pvs_cfg_errors_print(&errs, stderr);
    assert_non_null(r->cfg);
    r->results = pvs_queue_new(4096, pvs_msg_free_void);
    assert_int_equal(pvs_notifier_new(r->cfg, r->results, &r->n), PVS_OK);
    assert_int_equal(pvs_notifier_start(r->n), PVS_OK);
}

static void run_stop(struct run *r) {
    pvs_notifier_free(r->n);
    pvs_queue_free(r->results);
    pvs_config_free(r->cfg);
}

static void submit(struct run *r, int64_t id, int64_t ticket,
                   const char *audience, const char *channel,
                   const char *recipient, const char *body,
                   const char *message_id) {
    struct pvs_job *j = pvs_calloc(1, sizeof(*j));

    j->outbox_id = id;
    j->ticket_id = ticket;
    j->audience = pvs_strdup(audience);
    j->channel = pvs_strdup(channel);
    j->recipient = pvs_strdup(recipient);
    j->body = pvs_strdup(body);
    j->message_id = pvs_strdup(message_id);
    j->created_ms = pvs_clock_now_ms();
    assert_int_equal(pvs_notifier_submit(r->n, j), PVS_OK);
}

static char *mail(const char *message_id) {
    return pvs_email_build("pvsentry <monitoring@pvsentry.example>",
                           "Alice <alice@example.com>", "Inverter stopped",
                           "inv1 stopped at 10:40.\n", message_id,
                           pvs_clock_now_ms(), NULL, NULL);
}

static void submit_mail(struct run *r, int64_t id, int64_t ticket,
                        const char *audience, const char *message_id) {
    char *m = mail(message_id);

    submit(r, id, ticket, audience, "email", "alice@example.com", m,
           message_id);
    pvs_free(m);
}

/* The next delivery report, or NULL after timeout_ms. */
static struct pvs_msg *next_report(struct run *r, int timeout_ms) {
    void *m = NULL;

    if (pvs_queue_pop_batch(r->results, &m, 1, timeout_ms) != 1)
        return NULL;
    assert_int_equal(((struct pvs_msg *)m)->type, PVS_MSG_DELIVERY);
    return m;
}

static char *smtp_conf(int port, int max_connections) {
    return pvs_asprintf("[smtp]\nurl = smtp://127.0.0.1:%d\n"
                        "from = pvsentry <monitoring@pvsentry.example>\n"
                        "timeout = 20s\nretry_min = 100ms\nretry_max = 1s\n"
                        "max_connections = %d\n",
                        port, max_connections);
}

/*
 * A webhook that hangs for 30 s: the mails due at the same time (and
 * submitted after it) are all accepted while its request is still open.
 * At the stop the hung transfer is cut off and never reported sent.
 */
static void test_hung_webhook_holds_back_no_mail(void **state) {
    static const char *const hang[] = {"--hang", "30", NULL};
    struct sink hook, smtp;
    struct run r;
    struct pvs_msg *m;
    char *conf, *sc, id[64];
    int sent = 0;
    int64_t t0;

    (void)state;
    sink_start(&hook, "http_sink.py", false, hang);
    sink_start(&smtp, "smtp_sink.py", true, NULL);
    sc = smtp_conf(smtp.port, 4);
    conf = pvs_asprintf("%s[webhook \"ops\"]\nurl = http://127.0.0.1:%d/\n"
                        "timeout = 60s\n",
                        sc, hook.port);
    run_start(&r, conf);
    /* Outbox order as the engine writes it: the webhook of ticket 1 first,
     * then the mails of tickets 1 to 6. */
    submit(&r, 100, 1, "integration", "webhook", "ops", "{}", "<hook.1@t>");
    for (int i = 1; i <= 6; i++) {
        pvs_snprintf(id, sizeof(id), "<mail.%d@t>", i);
        submit_mail(&r, i, i, "technician", id);
    }
    t0 = pvs_clock_mono_ms();
    while (sent < 6) {
        m = next_report(&r, 15000);
        assert_non_null(m);
        assert_true(m->outbox_id != 100); /* the webhook still hangs */
        assert_true(m->ok);
        sent++;
        pvs_msg_free(m);
    }
    assert_true(pvs_clock_mono_ms() - t0 < 15000);
    assert_int_equal(sink_stat(&smtp, "accepted"), 6);
    assert_int_equal(sink_stat(&hook, "active"), 1);
    assert_int_equal(sink_stat(&hook, "answered"), 0);

    /* Stop with the webhook request open: cut off within the grace,
     * without a report (its row stays pending for the next start). */
    t0 = pvs_clock_mono_ms();
    pvs_notifier_stop(r.n);
    assert_true(pvs_clock_mono_ms() - t0 < PVS_NOTIFIER_GRACE_MS + 3000);
    assert_null(next_report(&r, 0));
    run_stop(&r);
    sink_stop(&hook);
    sink_stop(&smtp);
    pvs_free(conf);
    pvs_free(sc);
}

/*
 * The alert's first attempt is refused (451), its "back to normal" is
 * submitted meanwhile: the receiver gets the alert first, and the
 * alert's resend keeps its Message-ID.
 */
static void test_back_to_normal_never_overtakes_alert(void **state) {
    static const char *const args[] = {"--reject", "451", "--reject-count", "1",
                                       NULL};
    struct sink smtp;
    struct run r;
    struct pvs_msg *m;
    char *conf, ids[8][64];
    bool alert_failed = false;
    int done = 0;

    (void)state;
    sink_start(&smtp, "smtp_sink.py", true, args);
    conf = smtp_conf(smtp.port, 4);
    run_start(&r, conf);
    submit_mail(&r, 1, 9, "customer", "<alert.9@t>");
    /* The alert's first attempt has failed before the recovery comes. */
    m = next_report(&r, 15000);
    assert_non_null(m);
    assert_int_equal(m->outbox_id, 1);
    assert_false(m->ok);
    assert_false(m->permanent);
    alert_failed = true;
    pvs_msg_free(m);
    submit_mail(&r, 2, 9, "customer", "<recovered.9@t>");
    while (done < 2) {
        m = next_report(&r, 15000);
        assert_non_null(m);
        assert_true(m->ok);
        /* Reports come in the same order: 1, then 2. */
        assert_int_equal(m->outbox_id, done + 1);
        done++;
        pvs_msg_free(m);
    }
    run_stop(&r);
    sink_stop(&smtp);
    assert_true(alert_failed);
    assert_int_equal(sink_mail_ids(&smtp, ids, 8), 2);
    assert_string_equal(ids[0], "<alert.9@t>");
    assert_string_equal(ids[1], "<recovered.9@t>");
    pvs_free(conf);
}

/* [smtp] max_connections is reached and never passed. */
static void test_smtp_connection_limit(void **state) {
    static const char *const args[] = {"--delay", "0.3", NULL};
    struct sink smtp;
    struct run r;
    struct pvs_msg *m;
    char *conf, id[64];

    (void)state;
    sink_start(&smtp, "smtp_sink.py", true, args);
    conf = smtp_conf(smtp.port, 3);
    run_start(&r, conf);
    for (int i = 1; i <= 12; i++) {
        pvs_snprintf(id, sizeof(id), "<m%d@t>", i);
        submit_mail(&r, i, i, "technician", id);
    }
    for (int i = 0; i < 12; i++) {
        m = next_report(&r, 20000);
        assert_non_null(m);
        assert_true(m->ok);
        pvs_msg_free(m);
    }
    run_stop(&r);
    assert_int_equal(sink_stat(&smtp, "accepted"), 12);
    assert_int_equal(sink_stat(&smtp, "max_connections"), 3);
    sink_stop(&smtp);
    pvs_free(conf);
}

/*
 * Each webhook has its own limit: a slow one (limit 2) is never sent
 * more than 2 requests at once, while the other one's messages go.
 */
static void test_webhook_limit_per_endpoint(void **state) {
    static const char *const slow_args[] = {"--hang", "0.5", NULL};
    struct sink slow, fast;
    struct run r;
    struct pvs_msg *m;
    char *conf, id[64];
    int fast_done = 0, slow_done = 0;

    (void)state;
    sink_start(&slow, "http_sink.py", false, slow_args);
    sink_start(&fast, "http_sink.py", false, NULL);
    conf = pvs_asprintf("[webhook \"slow\"]\nurl = http://127.0.0.1:%d/\n"
                        "max_connections = 2\n"
                        "[webhook \"fast\"]\nurl = http://127.0.0.1:%d/\n",
                        slow.port, fast.port);
    run_start(&r, conf);
    for (int i = 1; i <= 6; i++) {
        pvs_snprintf(id, sizeof(id), "<slow.%d@t>", i);
        submit(&r, i, i, "integration", "webhook", "slow", "{}", id);
    }
    for (int i = 1; i <= 4; i++) {
        pvs_snprintf(id, sizeof(id), "<fast.%d@t>", i);
        submit(&r, 100 + i, i, "integration", "webhook", "fast", "{}", id);
    }
    for (int i = 0; i < 10; i++) {
        m = next_report(&r, 20000);
        assert_non_null(m);
        assert_true(m->ok);
        if (m->outbox_id < 100) {
            slow_done++;
        } else if (++fast_done == 4) {
            /* The fast receiver is not queued behind the slow one's six. */
            assert_true(slow_done < 6);
        }
        pvs_msg_free(m);
    }
    run_stop(&r);
    sink_stop(&slow);
    sink_stop(&fast);
    assert_int_equal(sink_stat(&slow, "answered"), 6);
    assert_int_equal(sink_stat(&slow, "max_active"), 2);
    pvs_free(conf);
}

/*
 * Nothing listens on the SMTP port: the mail is retried with doubling
 * delays until give_up, then dead-lettered (simulated clock, 120x).
 */
static void test_dead_smtp_retried_then_dead_lettered(void **state) {
    struct run r;
    struct pvs_msg *m;
    char *conf;
    int64_t first = 0, prev = 0, want_gap = 10000;
    int fails = 0;

    (void)state;
    pvs_clock_set_sim(pvs_clock_now_ms(), 120.0, 0);
    conf = pvs_asprintf("[smtp]\nurl = smtp://127.0.0.1:%d\n"
                        "from = pvsentry <monitoring@pvsentry.example>\n"
                        "retry_min = 10s\nretry_max = 1m\ngive_up = 5m\n",
                        free_port());
    run_start(&r, conf);
    submit_mail(&r, 1, 3, "technician", "<dead.3@t>");
    for (;;) {
        m = next_report(&r, 20000);
        assert_non_null(m);
        assert_int_equal(m->outbox_id, 1);
        assert_false(m->ok);
        if (!first)
            first = m->ts_ms;
        if (prev) {
            /* 10 s, 20 s, 40 s, then 1 min each: never sooner (a busy
             * machine makes them later). */
            assert_true(m->ts_ms - prev >= want_gap);
            want_gap = want_gap * 2 < 60000 ? want_gap * 2 : 60000;
        }
        prev = m->ts_ms;
        if (m->permanent) {
            assert_non_null(strstr(m->error, "giving up"));
            pvs_msg_free(m);
            break;
        }
        fails++;
        pvs_msg_free(m);
    }
    assert_true(fails >= 3);
    assert_true(prev - first >= 5 * 60000 - 60000);
    run_stop(&r);
    pvs_clock_set_wall();
    pvs_free(conf);
}

/* The documented defaults of the connection limits. */
static void test_connection_limit_defaults(void **state) {
    struct run r;

    (void)state;
    run_start(&r, "[smtp]\nurl = smtp://127.0.0.1:25\nfrom = a@example.com\n"
                  "[webhook \"ops\"]\nurl = http://127.0.0.1:9/\n"
                  "[sms]\nurl = http://127.0.0.1:9/?to={to}&text={text}\n");
    assert_int_equal(r.cfg->smtp->max_connections, 4);
    assert_int_equal(r.cfg->webhooks[0]->max_connections, 2);
    assert_int_equal(r.cfg->sms->max_connections, 2);
    run_stop(&r);
}

static int setup(void **state) {
    (void)state;
    pvs_strlcpy(dir, "/tmp/pvs-delivery-XXXXXX", sizeof(dir));
    if (!mkdtemp(dir))
        return -1;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    pvs_clock_set_wall();
    return 0;
}

static int teardown(void **state) {
    char cmd[128];

    (void)state;
    curl_global_cleanup();
    pvs_snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_connection_limit_defaults),
        cmocka_unit_test_teardown(test_hung_webhook_holds_back_no_mail,
                                  stop_sinks),
        cmocka_unit_test_teardown(test_back_to_normal_never_overtakes_alert,
                                  stop_sinks),
        cmocka_unit_test_teardown(test_smtp_connection_limit, stop_sinks),
        cmocka_unit_test_teardown(test_webhook_limit_per_endpoint, stop_sinks),
        cmocka_unit_test_teardown(test_dead_smtp_retried_then_dead_lettered,
                                  stop_sinks),
    };
    signal(SIGPIPE, SIG_IGN);
    return cmocka_run_group_tests(tests, setup, teardown);
}
