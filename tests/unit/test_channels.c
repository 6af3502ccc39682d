/* SPDX-License-Identifier: MIT */
/*
 * test_channels.c - the webhook and SMS channels end to end: a real
 * notifier thread (config from a file, a results queue standing in for
 * the engine inbox) delivers to tests/sinks/http_sink.py, started here on
 * a free loopback port and waited for by its "ready PORT" line.
 *
 * Covers: a receiver failing three times gets the message once, with the
 * same idempotency key on every attempt and a signature it verifies; 404
 * is a dead letter; a refused connection is retried; a wrong secret is
 * refused by the receiver; the SMS gateway gets the number and text
 * URL-encoded (GET) or JSON-escaped (POST), and [sms] retries bounds the
 * attempts. Run from the repository root.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <cjson/cJSON.h>
#include <curl/curl.h>

#include "pvs/clock.h"
#include "pvs/msg.h"
#include "pvs/notifier.h"
#include "pvs/payload.h"

#define SINK "tests/sinks/http_sink.py"
#define SECRET "s3cret-for-tests"

static char dir[64];
static int seq;
/* Sinks still running, stopped by each test's teardown even on failure. */
static pid_t sinks[8];
static size_t nsinks;

struct sink {
    pid_t pid;
    int port;
    char out[128];
};

/* Start the sink with extra arguments (NULL-terminated), wait for ready. */
static void sink_start(struct sink *s, const char *const *extra) {
    char py[] = "/usr/bin/python3", script[] = SINK, port[] = "--port";
    char zero[] = "0", out[] = "--out";
    char *argv[16] = {py, script, port, zero, out};
    int fds[2], n = 5, null;
    char line[64] = "";
    FILE *f;

    pvs_snprintf(s->out, sizeof(s->out), "%s/sink%d.jsonl", dir, ++seq);
    argv[n++] = s->out;
    for (size_t i = 0; extra && extra[i]; i++)
        argv[n++] = (char *)(uintptr_t)extra[i];
    argv[n] = NULL;
    assert_int_equal(pipe(fds), 0);
    s->pid = fork();
    assert_true(s->pid >= 0);
    if (s->pid == 0) {
        /* Dies with the test; keeps no pipe of the test runner open. */
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        null = open("/dev/null", O_WRONLY);
        dup2(fds[1], 1);
        dup2(null, 2);
        close(fds[0]);
        close(fds[1]);
        close(null);
        execv(argv[0], argv);
        _exit(127);
    }
    PVS_ASSERT(nsinks < PVS_ARRAY_LEN(sinks));
    sinks[nsinks++] = s->pid;
    close(fds[1]);
    f = fdopen(fds[0], "r");
    assert_non_null(fgets(line, sizeof(line), f));
    fclose(f);
    assert_int_equal(sscanf(line, "ready %d", &s->port), 1);
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
    return 0;
}

/* The requests the sink recorded, as a JSON array. */
static cJSON *sink_records(const struct sink *s) {
    cJSON *arr = cJSON_CreateArray();
    FILE *f = fopen(s->out, "r");
    char line[65536];

    if (!f)
        return arr;
    while (fgets(line, sizeof(line), f)) {
        cJSON *rec = cJSON_Parse(line);
        assert_non_null(rec);
        cJSON_AddItemToArray(arr, rec);
    }
    fclose(f);
    return arr;
}

static const char *field(const cJSON *rec, const char *key) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(rec, key);

    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const char *header(const cJSON *rec, const char *name) {
    const cJSON *h = cJSON_GetObjectItem(rec, "headers");
    const cJSON *v = cJSON_GetObjectItem(h, name); /* case-insensitive */

    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A port nothing listens on. */
static int closed_port(void) {
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

struct run {
    struct pvs_config *cfg;
    struct pvs_queue *results;
    struct pvs_notifier *n;
};

/* Load text as a config file and start a notifier on it. */
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
    r->results = pvs_queue_new(256, pvs_msg_free_void);
    assert_int_equal(pvs_notifier_new(r->cfg, r->results, &r->n), PVS_OK);
    assert_int_equal(pvs_notifier_start(r->n), PVS_OK);
}

static void run_stop(struct run *r) {
    pvs_notifier_free(r->n);
    pvs_queue_free(r->results);
    pvs_config_free(r->cfg);
}

static void submit(struct run *r, const char *channel, const char *recipient,
                   const char *body, const char *message_id) {
    struct pvs_job *j = pvs_calloc(1, sizeof(*j));

    j->outbox_id = 7;
    j->channel = pvs_strdup(channel);
    j->recipient = pvs_strdup(recipient);
    j->body = pvs_strdup(body);
    j->message_id = pvs_strdup(message_id);
    j->created_ms = pvs_clock_now_ms();
    assert_int_equal(pvs_notifier_submit(r->n, j), PVS_OK);
}

/* The next delivery report (fails the test after 20 s). */
static struct pvs_msg *next_report(struct run *r) {
    void *m = NULL;

    assert_int_equal(pvs_queue_pop_batch(r->results, &m, 1, 20000), 1);
    assert_int_equal(((struct pvs_msg *)m)->type, PVS_MSG_DELIVERY);
    assert_int_equal(((struct pvs_msg *)m)->outbox_id, 7);
    return m;
}

static char *webhook_conf(int port, const char *secret) {
    return pvs_asprintf("[webhook \"ops\"]\n"
                        "url = http://127.0.0.1:%d/hook\n"
                        "%s%s%s"
                        "retry_min = 100ms\nretry_max = 1s\n"
                        "timeout = 5s\n",
                        port, secret ? "secret = " : "", secret ? secret : "",
                        secret ? "\n" : "");
}

static char *sample_body(void) {
    struct pvs_payload_facts f;

    memset(&f, 0, sizeof(f));
    f.kind = "alert";
    f.ticket_id = 42;
    f.severity = "critical";
    f.title = "Inverter stopped producing";
    f.site_id = "s1";
    f.device = "inv1";
    f.fingerprint = "s1/inv1/fault_code/fault";
    f.started_ms = 1718964000000LL;
    f.lost_kwh = -1;
    return pvs_payload_webhook_json(&f);
}

static void test_webhook_retried_then_delivered_once(void **state) {
    static const char *const args[] = {"--fail", "3", "--secret", SECRET, NULL};
    struct sink s;
    struct run r;
    struct pvs_msg *m;
    char *conf, *body = sample_body();
    cJSON *recs;
    int ok = 0;

    (void)state;
    sink_start(&s, args);
    conf = webhook_conf(s.port, SECRET);
    run_start(&r, conf);
    submit(&r, "webhook", "ops", body, "<t42.1@pvsentry>");
    for (int i = 0; i < 3; i++) {
        m = next_report(&r);
        assert_false(m->ok);
        assert_false(m->permanent);
        assert_non_null(strstr(m->error, "http 500"));
        pvs_msg_free(m);
    }
    m = next_report(&r);
    assert_true(m->ok);
    pvs_msg_free(m);
    run_stop(&r);
    sink_stop(&s);

    recs = sink_records(&s);
    assert_int_equal(cJSON_GetArraySize(recs), 4);
    for (int i = 0; i < 4; i++) {
        const cJSON *rec = cJSON_GetArrayItem(recs, i);
        char n[8];
        pvs_snprintf(n, sizeof(n), "%d", i + 1);
        assert_true(cJSON_IsTrue(cJSON_GetObjectItem(rec, "hmac")));
        assert_string_equal(header(rec, "X-Pvsentry-Idempotency-Key"),
                            "<t42.1@pvsentry>");
        assert_string_equal(header(rec, "X-Pvsentry-Delivery-Attempt"), n);
        assert_string_equal(header(rec, "Content-Type"), "application/json");
        assert_string_equal(field(rec, "body"), body);
        assert_string_equal(field(rec, "method"), "POST");
        assert_string_equal(field(rec, "path"), "/hook");
        ok += cJSON_GetObjectItem(rec, "status")->valueint == 200;
    }
    assert_int_equal(ok, 1);
    cJSON_Delete(recs);
    pvs_free(conf);
    pvs_free(body);
}

static void test_webhook_404_is_dead_letter(void **state) {
    static const char *const args[] = {"--status", "404", NULL};
    struct sink s;
    struct run r;
    struct pvs_msg *m;
    char *conf;
    cJSON *recs;

    (void)state;
    sink_start(&s, args);
    conf = webhook_conf(s.port, NULL);
    run_start(&r, conf);
    submit(&r, "webhook", "ops", "{}", "<t1@pvsentry>");
    m = next_report(&r);
    assert_false(m->ok);
    assert_true(m->permanent);
    assert_non_null(strstr(m->error, "http 404"));
    pvs_msg_free(m);
    run_stop(&r);
    sink_stop(&s);
    recs = sink_records(&s);
    assert_int_equal(cJSON_GetArraySize(recs), 1);
    /* Without a secret nothing is signed. */
    assert_null(header(cJSON_GetArrayItem(recs, 0), "X-Pvsentry-Signature"));
    cJSON_Delete(recs);
    pvs_free(conf);
}

static void test_webhook_wrong_secret_refused(void **state) {
    static const char *const args[] = {"--secret", "another", NULL};
    struct sink s;
    struct run r;
    struct pvs_msg *m;
    char *conf;
    cJSON *recs;

    (void)state;
    sink_start(&s, args);
    conf = webhook_conf(s.port, SECRET);
    run_start(&r, conf);
    submit(&r, "webhook", "ops", "{\"a\":1}", "<t2@pvsentry>");
    m = next_report(&r);
    assert_false(m->ok);
    assert_true(m->permanent); /* 401 */
    pvs_msg_free(m);
    run_stop(&r);
    sink_stop(&s);
    recs = sink_records(&s);
    assert_false(
        cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(recs, 0), "hmac")));
    cJSON_Delete(recs);
    pvs_free(conf);
}

static void test_webhook_connection_refused_retried(void **state) {
    struct run r;
    struct pvs_msg *m;
    char *conf = webhook_conf(closed_port(), NULL);

    (void)state;
    run_start(&r, conf);
    submit(&r, "webhook", "ops", "{}", "<t3@pvsentry>");
    for (int i = 0; i < 3; i++) {
        m = next_report(&r);
        assert_false(m->ok);
        assert_false(m->permanent);
        pvs_msg_free(m);
    }
    run_stop(&r);
    pvs_free(conf);
}

static void test_webhook_unknown_id(void **state) {
    struct run r;
    struct pvs_msg *m;
    char *conf = webhook_conf(closed_port(), NULL);

    (void)state;
    run_start(&r, conf);
    submit(&r, "webhook", "nobody", "{}", "<t4@pvsentry>");
    m = next_report(&r);
    assert_true(m->permanent);
    assert_non_null(strstr(m->error, "'nobody' is not configured"));
    pvs_msg_free(m);
    run_stop(&r);
    pvs_free(conf);
}

static void test_sms_get_url_encoded(void **state) {
    struct sink s;
    struct run r;
    struct pvs_msg *m;
    char *conf;
    cJSON *recs;
    const cJSON *rec;

    (void)state;
    sink_start(&s, NULL);
    conf = pvs_asprintf("[sms]\n"
                        "url = http://127.0.0.1:%d/send?to={to}&text={text}"
                        "&from={from}\n"
                        "from = PV Sentry\n"
                        "auth_header = Authorization: Bearer tok123\n"
                        "retry_min = 100ms\n",
                        s.port);
    run_start(&r, conf);
    submit(&r, "sms", "+33 612345678", "Panne: onduleur 1 & 2 à l'arrêt",
           "<t5@pvsentry>");
    m = next_report(&r);
    assert_true(m->ok);
    pvs_msg_free(m);
    run_stop(&r);
    sink_stop(&s);
    recs = sink_records(&s);
    assert_int_equal(cJSON_GetArraySize(recs), 1);
    rec = cJSON_GetArrayItem(recs, 0);
    assert_string_equal(field(rec, "method"), "GET");
    assert_string_equal(field(rec, "path"),
                        "/send?to=%2B33%20612345678"
                        "&text=Panne%3A%20onduleur%201%20%26%202%20%C3%A0"
                        "%20l%27arr%C3%AAt&from=PV%20Sentry");
    assert_string_equal(header(rec, "Authorization"), "Bearer tok123");
    assert_string_equal(header(rec, "X-Pvsentry-Idempotency-Key"),
                        "<t5@pvsentry>");
    cJSON_Delete(recs);
    pvs_free(conf);
}

static void test_sms_post_json(void **state) {
    static const char *const args[] = {"--fail", "1", NULL};
    struct sink s;
    struct run r;
    struct pvs_msg *m;
    char *conf, cred[128];
    cJSON *recs, *body;
    const cJSON *rec;
    FILE *f;

    (void)state;
    pvs_snprintf(cred, sizeof(cred), "%s/sms.cred", dir);
    f = fopen(cred, "w");
    fputs("gwuser:gwpass\n", f);
    fclose(f);
    chmod(cred, 0600); /* secrets others can read are refused */
    sink_start(&s, args);
    conf = pvs_asprintf("[sms]\n"
                        "url = http://127.0.0.1:%d/api/sms\n"
                        "method = POST\n"
                        "content_type = application/json\n"
                        "body = {\"to\": \"{to}\", \"text\": \"{text}\"}\n"
                        "credentials = %s\n"
                        "retries = 1\nretry_min = 100ms\n",
                        s.port, cred);
    run_start(&r, conf);
    submit(&r, "sms", "+3361", "say \"fixed\"", "<t6@pvsentry>");
    m = next_report(&r);
    assert_false(m->ok);
    assert_false(m->permanent);
    pvs_msg_free(m);
    m = next_report(&r);
    assert_true(m->ok);
    pvs_msg_free(m);
    run_stop(&r);
    sink_stop(&s);
    recs = sink_records(&s);
    assert_int_equal(cJSON_GetArraySize(recs), 2);
    rec = cJSON_GetArrayItem(recs, 1);
    assert_string_equal(field(rec, "method"), "POST");
    body = cJSON_Parse(field(rec, "body"));
    assert_non_null(body);
    assert_string_equal(field(body, "to"), "+3361");
    assert_string_equal(field(body, "text"), "say \"fixed\"");
    /* base64("gwuser:gwpass") */
    assert_string_equal(header(rec, "Authorization"),
                        "Basic Z3d1c2VyOmd3cGFzcw==");
    cJSON_Delete(body);
    cJSON_Delete(recs);
    pvs_free(conf);
}

static void test_sms_gives_up_after_retries(void **state) {
    static const char *const args[] = {"--status", "503", NULL};
    struct sink s;
    struct run r;
    struct pvs_msg *m;
    char *conf;
    cJSON *recs;

    (void)state;
    sink_start(&s, args);
    conf = pvs_asprintf("[sms]\n"
                        "url = http://127.0.0.1:%d/?to={to}&text={text}\n"
                        "retries = 2\nretry_min = 100ms\n",
                        s.port);
    run_start(&r, conf);
    submit(&r, "sms", "+3361", "hello", "<t7@pvsentry>");
    for (int i = 0; i < 3; i++) {
        m = next_report(&r);
        assert_false(m->ok);
        assert_int_equal(m->permanent, i == 2);
        if (i == 2)
            assert_non_null(strstr(m->error, "giving up"));
        pvs_msg_free(m);
    }
    run_stop(&r);
    sink_stop(&s);
    recs = sink_records(&s);
    assert_int_equal(cJSON_GetArraySize(recs), 3);
    cJSON_Delete(recs);
    pvs_free(conf);
}

/* Parsed [webhook] and [sms] values, and each channel's retry policy. */
static void test_channel_config(void **state) {
    struct pvs_cfg_errors errs;
    struct pvs_config *cfg = NULL;
    const struct pvs_cfg_webhook *w;
    struct pvs_cfg_retry r;

    (void)state;
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(
        pvs_config_load("tests/data/config/good-channels.conf", &cfg, &errs),
        PVS_OK);
    assert_int_equal(cfg->nwebhooks, 2);
    w = pvs_config_webhook(cfg, "ops");
    assert_non_null(w);
    assert_string_equal(w->format, "json");
    assert_int_equal(w->nevents, 3); /* "alert, recovered, escalation" */
    assert_true(pvs_config_webhook_wants(w, "escalation"));
    assert_false(pvs_config_webhook_wants(w, "ticket"));
    w = pvs_config_webhook(cfg, "alertmanager");
    assert_string_equal(w->format, "alertmanager");
    assert_int_equal(w->nevents, 2);
    assert_true(pvs_config_webhook_wants(w, "recovered"));
    assert_null(pvs_config_webhook(cfg, "nobody"));
    assert_string_equal(cfg->sms->method, "POST");
    assert_string_equal(cfg->sms->from, "PVSentry");

    pvs_config_retry(cfg, "webhook", "ops", &r);
    assert_int_equal(r.min_ms, 30000);
    assert_int_equal(r.max_ms, 3600000);
    assert_int_equal(r.give_up_ms, 172800000);
    assert_int_equal(r.max_attempts, 0);
    pvs_config_retry(cfg, "webhook", "alertmanager", &r);
    assert_int_equal(r.min_ms, 10000);
    assert_int_equal(r.give_up_ms, 86400000);
    pvs_config_retry(cfg, "sms", "+3361", &r);
    assert_int_equal(r.max_attempts, 6);
    pvs_config_retry(cfg, "email", "a@example.com", &r); /* no [smtp] */
    assert_int_equal(r.min_ms, 10000);
    assert_int_equal(r.max_ms, 1800000);
    pvs_config_free(cfg);
}

static int setup(void **state) {
    (void)state;
    pvs_strlcpy(dir, "/tmp/pvs-channels-XXXXXX", sizeof(dir));
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
        cmocka_unit_test(test_channel_config),
        cmocka_unit_test_teardown(test_webhook_retried_then_delivered_once,
                                  stop_sinks),
        cmocka_unit_test_teardown(test_webhook_404_is_dead_letter, stop_sinks),
        cmocka_unit_test_teardown(test_webhook_wrong_secret_refused,
                                  stop_sinks),
        cmocka_unit_test_teardown(test_webhook_connection_refused_retried,
                                  stop_sinks),
        cmocka_unit_test_teardown(test_webhook_unknown_id, stop_sinks),
        cmocka_unit_test_teardown(test_sms_get_url_encoded, stop_sinks),
        cmocka_unit_test_teardown(test_sms_post_json, stop_sinks),
        cmocka_unit_test_teardown(test_sms_gives_up_after_retries, stop_sinks),
    };
    signal(SIGPIPE, SIG_IGN);
    return cmocka_run_group_tests(tests, setup, teardown);
}
