/* SPDX-License-Identifier: MIT */
/*
 * test_workflow.c - the service workflow through the real engine thread
 * and a real SQLite database, on a fast simulated clock: routing among
 * several technicians, escalation that stops on acknowledgement, quiet
 * hours that delay a customer notice, a short fault that reaches no
 * customer, surveys recorded once, customer contacts, false alarms.
 * No network: messages stay in the outbox, which is what is checked.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include <sqlite3.h> /* lint: allow (the test reads the database) */

#include "pvs/cli.h"
#include "pvs/clock.h"
#include "pvs/command.h"
#include "pvs/embed.h"
#include "pvs/engine.h"
#include "pvs/engine_api.h"
#include "pvs/msg.h"
#include "pvs/store_flow.h"

#define SPEED 1200.0 /* 1 s real = 20 min simulated */

static char dir[64];
static const char *tech_lang = "en"; /* Bob's language */
static const char *all_lang = "en";  /* everyone else's */

struct world {
    struct pvs_config *cfg;
    struct pvs_engine *eng;
    sqlite3 *db;
};

/* Quiet hours 21:00-08:00 in Paris (UTC+2 in June). */
static const char cfg_text[] =
    "[global]\ndatabase = %s/w.db\ngrace_period = 0s\ntick = 1m\n"
    "escalate_critical = 30m\nnotice_delay = 15m\nreopen_window = 1h\n"
    "survey_delay = 1h\nsurvey_interval = 30d\nescalation_contact = ann\n"
    "[smtp]\nurl = smtp://127.0.0.1:9\nfrom = pvs@example.com\n"
    "[technician \"ann\"]\nname = Ann A\nemail = ann@example.com\n"
    "area = north\nlanguage = %s\n"
    "[technician \"bob\"]\nname = Bob B\nemail = bob@example.com\n"
    "area = south\nskill = fault_code\nphone = +33600000003\n"
    "language = %s\n"
    "[technician \"cat\"]\nname = Cat C\nemail = cat@example.com\n"
    "area = south\nskill = communication\nlanguage = %s\n"
    "[technician \"lea\"]\nname = Lea Lead\nemail = lea@example.com\n"
    "area = elsewhere\nlanguage = %s\n"
    "[technician \"dan\"]\nname = Dan D\nphone = +33600000009\n"
    "area = nowhere\n"
    "[team \"south\"]\nmember = bob\nmember = cat\nlead = lea\n"
    "[webhook \"oncall\"]\nurl = http://127.0.0.1:9/hook\nsecret = k\n"
    "format = alertmanager\n"
    "[webhook \"ops\"]\nurl = http://127.0.0.1:9/ops\nsecret = k\n"
    "[sms]\nurl = http://127.0.0.1:9/send?to={to}&text={text}\n"
    "[customer \"cu\"]\nname = Jean\nemail = jean@example.net\n"
    "phone = +33600000002\n"
    "quiet_hours = 21:00-08:00\nlanguage = %s\n"
    "[site \"s1\"]\nlatitude = 43.3\nlongitude = 5.4\n"
    "timezone = Europe/Paris\narea = south\nkwp = 5\ncustomer = cu\n"
    "address = 3 rue des Lilas, 13001 Marseille\n"
    "[device \"inv1\"]\nsite = s1\nvendor = SMA\n";

static void world_start(struct world *w, const char *start_iso) {
    char path[128];
    FILE *f;
    struct pvs_cfg_errors errs;
    int64_t start;

    pvs_strlcpy(dir, "/tmp/pvs-flow-XXXXXX", sizeof(dir));
    assert_non_null(mkdtemp(dir));
    pvs_snprintf(path, sizeof(path), "%s/w.conf", dir);
    f = fopen(path, "w");
    fprintf(f, cfg_text, dir, all_lang, tech_lang, all_lang, all_lang,
            all_lang);
    fclose(f);
    memset(&errs, 0, sizeof(errs));
    memset(w, 0, sizeof(*w));
    if (pvs_config_load(path, &w->cfg, &errs)) {
        pvs_cfg_errors_print(&errs, stderr);
        fail();
    }
    assert_int_equal(pvs_clock_parse_time(start_iso, &start), PVS_OK);
    pvs_clock_set_sim(start, SPEED, 0);
    assert_int_equal(pvs_engine_new(w->cfg, &w->eng), PVS_OK);
    assert_int_equal(pvs_engine_start(w->eng), PVS_OK);
    pvs_snprintf(path, sizeof(path), "%s/w.db", dir);
    assert_int_equal(sqlite3_open_v2(path, &w->db, SQLITE_OPEN_READONLY, NULL),
                     SQLITE_OK);
    sqlite3_busy_timeout(w->db, 2000);
}

static void world_stop(struct world *w) {
    char cmd[128];

    sqlite3_close(w->db);
    pvs_engine_free(w->eng);
    pvs_config_free(w->cfg);
    pvs_snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void send_state(struct world *w, int state, double power) {
    struct pvs_msg *m = pvs_msg_new(PVS_MSG_SAMPLES, 2);
    int64_t now = pvs_clock_now_ms();
    static unsigned jitter;

    /* Real output is never the same watt for an hour (the frozen rule
     * would rightly flag it). */
    if (power > 0)
        power += (double)(jitter++ % 13);

    m->samples[0].dev = 0;
    m->samples[0].metric = PVS_M_AC_POWER_W;
    m->samples[0].ts_ms = now;
    m->samples[0].value = power;
    m->samples[1].dev = 0;
    m->samples[1].metric = PVS_M_STATE;
    m->samples[1].ts_ms = now;
    m->samples[1].value = state;
    assert_int_equal(pvs_queue_push(pvs_engine_inbox(w->eng), m, 1000), PVS_OK);
}

static void send_metric(struct world *w, enum pvs_metric metric, double value) {
    struct pvs_msg *m = pvs_msg_new(PVS_MSG_SAMPLES, 1);

    m->samples[0].dev = 0;
    m->samples[0].metric = metric;
    m->samples[0].ts_ms = pvs_clock_now_ms();
    m->samples[0].value = value;
    assert_int_equal(pvs_queue_push(pvs_engine_inbox(w->eng), m, 1000), PVS_OK);
}

/* Integer result of sql, or -1. */
static long long q(struct world *w, const char *sql) {
    sqlite3_stmt *s;
    long long v = -1;

    if (sqlite3_prepare_v2(w->db, sql, -1, &s, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

static void qs(struct world *w, const char *sql, char *buf, size_t size) {
    sqlite3_stmt *s;

    buf[0] = '\0';
    if (sqlite3_prepare_v2(w->db, sql, -1, &s, NULL) != SQLITE_OK)
        return;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        pvs_strlcpy(buf, (const char *)sqlite3_column_text(s, 0), size);
    sqlite3_finalize(s);
}

/* Poll (never a fixed wait) until sql returns want, up to 10 s real. */
static bool wait_for(struct world *w, const char *sql, long long want) {
    struct timespec ts = {0, 20 * 1000000L};

    for (int i = 0; i < 500; i++) {
        if (q(w, sql) == want)
            return true;
        nanosleep(&ts, NULL);
    }
    fprintf(stderr, "timed out: %s (got %lld, want %lld)\n", sql, q(w, sql),
            want);
    return false;
}

/* Sample every simulated minute while waiting for a condition. */
static bool feed_until(struct world *w, int state, double power,
                       const char *sql, long long want) {
    struct timespec ts = {0, 50 * 1000000L};

    for (int i = 0; i < 200; i++) {
        send_state(w, state, power);
        if (q(w, sql) == want)
            return true;
        nanosleep(&ts, NULL);
    }
    fprintf(stderr, "timed out: %s (got %lld)\n", sql, q(w, sql));
    return false;
}

/* The KPI report of the world's database contains want. */
static void report_has(struct world *w, const char *want) {
    struct pvs_store *st = NULL;
    struct pvs_buf b;

    assert_int_equal(
        pvs_store_open(w->cfg->global.database, PVS_STORE_READONLY, &st),
        PVS_OK);
    pvs_buf_init(&b, 1 << 16);
    assert_int_equal(pvs_report_json(st, 0, &b), PVS_OK);
    if (!strstr(b.data, want))
        fprintf(stderr, "report: %s\nwanted: %s\n", b.data, want);
    assert_non_null(strstr(b.data, want));
    pvs_buf_release(&b);
    pvs_store_close(st);
}

static struct pvs_command *cmd(struct world *w, enum pvs_command_kind k,
                               long long ticket, long long value,
                               const char *text) {
    struct pvs_command *c = pvs_command_new(k);

    c->ticket_id = ticket;
    c->value = value;
    pvs_strlcpy(c->actor, "tester", sizeof(c->actor));
    pvs_strlcpy(c->text, text ? text : "", sizeof(c->text));
    assert_int_equal(pvs_command_call(pvs_engine_inbox(w->eng), c, 5000),
                     PVS_OK);
    return c;
}

static void test_route_escalate_ack(void **state) {
    struct world w;
    char who[64];
    struct pvs_command *c;

    (void)state;
    world_start(&w, "2024-06-21T08:00:00Z"); /* 10:00 in Paris */
    send_state(&w, PVS_ST_MPPT, 3000);
    assert_true(
        feed_until(&w, PVS_ST_FAULT, 0, "SELECT COUNT(*) FROM tickets", 1));
    /* South area, a fault: Bob has the skill, Cat and Ann do not fit. */
    qs(&w, "SELECT assignee FROM tickets", who, sizeof(who));
    assert_string_equal(who, "bob");
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM ticket_events WHERE kind ="
                           " 'assigned' AND text LIKE '%Bob B%'"),
                     1);
    /* The on-call tool hears about it in Alertmanager's format. */
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox WHERE channel ="
                           " 'webhook' AND recipient = 'oncall' AND body LIKE"
                           " '%\"status\":\"firing\"%'"),
                     1);
    /* Not acknowledged within 30 min: the next in the rota. */
    assert_true(wait_for(&w,
                         "SELECT COUNT(*) FROM ticket_events WHERE kind"
                         " = 'escalated'",
                         1));
    qs(&w, "SELECT assignee FROM tickets", who, sizeof(who));
    assert_string_equal(who, "cat");
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox WHERE kind ="
                           " 'escalation' AND recipient = 'cat@example.com'"),
                     1);
    /* Then the team lead. */
    assert_true(wait_for(&w,
                         "SELECT COUNT(*) FROM ticket_events WHERE kind"
                         " = 'escalated'",
                         2));
    qs(&w, "SELECT assignee FROM tickets", who, sizeof(who));
    assert_string_equal(who, "lea");
    /* Hours in fault: the inverter also underperforms, which joins the
     * fault's ticket rather than opening a second one. */
    assert_true(feed_until(&w, PVS_ST_FAULT, 0,
                           "SELECT COUNT(*) FROM ticket_events WHERE kind ="
                           " 'related_alert'",
                           1));
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM tickets"), 1);
    /* Acknowledging stops it: no third step, ever. */
    c = cmd(&w, PVS_CMD_TICKET_ACK, 1, 0, NULL);
    assert_int_equal(c->result, PVS_OK);
    /* The answer's words reach the caller intact. */
    assert_string_equal(c->message, "acknowledged");
    pvs_command_put(c);
    assert_int_equal(q(&w, "SELECT escalate_at_ms IS NULL FROM tickets"), 1);
    qs(&w, "SELECT status FROM tickets", who, sizeof(who));
    assert_string_equal(who, "acknowledged");
    /* An unknown ticket is a 404, not a crash. */
    c = cmd(&w, PVS_CMD_TICKET_ACK, 99, 0, NULL);
    assert_int_equal(c->result, PVS_ERR_NOTFOUND);
    pvs_command_put(c);
    /* The technician calls it a false alarm: the KPIs count it per rule. */
    c = cmd(&w, PVS_CMD_TICKET_FALSE_ALARM, 1, 0, "sensor test on site");
    assert_int_equal(c->result, PVS_OK);
    pvs_command_put(c);
    report_has(&w, "\"false_alarms_per_rule\": {\"fault_code\": 1}");
    report_has(&w, "\"escalations\": 2");
    world_stop(&w);
}

static void test_quiet_hours_delay_notice(void **state) {
    struct world w;
    char when[64];

    (void)state;
    world_start(&w, "2024-06-21T19:30:00Z"); /* 21:30 in Paris */
    send_state(&w, PVS_ST_MPPT, 3000);
    assert_true(
        feed_until(&w, PVS_ST_FAULT, 0, "SELECT COUNT(*) FROM tickets", 1));
    /* The notice waits for 08:00 local = 06:00 UTC. */
    assert_true(wait_for(&w,
                         "SELECT COUNT(*) FROM outbox WHERE kind ="
                         " 'notice' AND status = 'held' AND note LIKE"
                         " '%quiet hours%'",
                         1));
    qs(&w,
       "SELECT strftime('%Y-%m-%dT%H:%M', not_before_ms / 1000,"
       " 'unixepoch') FROM outbox WHERE kind = 'notice'",
       when, sizeof(when));
    assert_string_equal(when, "2024-06-22T06:00");
    assert_int_equal(q(&w, "SELECT customer_notified FROM tickets"), 0);
    world_stop(&w);
}

static void test_short_fault_no_notice(void **state) {
    struct world w;
    struct timespec ts = {0, 50 * 1000000L};

    (void)state;
    world_start(&w, "2024-06-21T08:00:00Z");
    send_state(&w, PVS_ST_MPPT, 3000);
    assert_true(
        feed_until(&w, PVS_ST_FAULT, 0, "SELECT COUNT(*) FROM tickets", 1));
    /* Back to normal two minutes later: resolved after the recovery
     * time, before the 15 min notice delay ran out. */
    for (int i = 0; i < 3; i++) {
        send_state(&w, PVS_ST_FAULT, 0);
        nanosleep(&ts, NULL);
    }
    assert_true(feed_until(&w, PVS_ST_MPPT, 2500,
                           "SELECT COUNT(*) FROM tickets WHERE status ="
                           " 'resolved'",
                           1));
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox WHERE audience ="
                           " 'customer' AND status IN ('pending', 'sent')"),
                     0);
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox WHERE kind = 'notice'"
                           " AND status = 'suppressed'"),
                     1);
    /* The technician was told at once all the same. */
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox WHERE audience ="
                           " 'technician' AND kind = 'alert' AND channel ="
                           " 'email'"),
                     1);
    world_stop(&w);
}

static void test_survey_once_and_contact(void **state) {
    struct world w;
    struct pvs_command *c;
    struct timespec ts = {0, 50 * 1000000L};

    (void)state;
    world_start(&w, "2024-06-21T08:00:00Z");
    send_state(&w, PVS_ST_MPPT, 3000);
    assert_true(
        feed_until(&w, PVS_ST_FAULT, 0, "SELECT COUNT(*) FROM tickets", 1));
    /* A customer writes in while the ticket is open: attached to it. */
    c = pvs_command_new(PVS_CMD_CUSTOMER_CONTACT);
    pvs_strlcpy(c->site_id, "s1", sizeof(c->site_id));
    pvs_strlcpy(c->text, "my inverter shows a red light", sizeof(c->text));
    assert_int_equal(pvs_command_call(pvs_engine_inbox(w.eng), c, 5000),
                     PVS_OK);
    assert_int_equal(c->result, PVS_OK);
    assert_int_equal(c->result_id, 1);
    pvs_command_put(c);
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM tickets"), 1);
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox WHERE kind ="
                           " 'contact'"),
                     1);
    /* Long enough for the customer notice, then recovery. */
    for (int i = 0; i < 30; i++) {
        send_state(&w, PVS_ST_FAULT, 0);
        nanosleep(&ts, NULL);
    }
    assert_true(wait_for(&w, "SELECT customer_notified FROM tickets", 1));
    assert_true(feed_until(&w, PVS_ST_MPPT, 2500,
                           "SELECT COUNT(*) FROM outbox WHERE kind ="
                           " 'survey'",
                           1));
    assert_int_equal(q(&w, "SELECT status FROM tickets") < 0, 0);
    c = cmd(&w, PVS_CMD_SURVEY, 1, 6, NULL);
    assert_int_equal(c->result, PVS_ERR_INVAL);
    pvs_command_put(c);
    c = cmd(&w, PVS_CMD_SURVEY, 1, 4, "quick and friendly");
    assert_int_equal(c->result, PVS_OK);
    pvs_command_put(c);
    c = cmd(&w, PVS_CMD_SURVEY, 1, 1, "changed my mind");
    assert_int_equal(c->result, PVS_ERR_STATE);
    pvs_command_put(c);
    assert_int_equal(q(&w, "SELECT csat FROM surveys WHERE ticket_id = 1"), 4);
    report_has(&w, "\"csat_average\": 4,");
    report_has(&w, "\"survey_response_rate\": 1,");
    /* The customer wrote after pvsentry opened the ticket. */
    report_has(&w, "\"detected_before_customer_share\": 1,");
    world_stop(&w);
}

static void test_appointment_confirm_and_reminder(void **state) {
    struct world w;
    struct pvs_command *c;

    (void)state;
    world_start(&w, "2024-06-21T08:00:00Z");
    send_state(&w, PVS_ST_MPPT, 3000);
    assert_true(
        feed_until(&w, PVS_ST_FAULT, 0, "SELECT COUNT(*) FROM tickets", 1));
    /* A slot in the past is refused. */
    c = pvs_command_new(PVS_CMD_TICKET_SCHEDULE);
    c->ticket_id = 1;
    c->value_ms = pvs_clock_now_ms() - 3600000;
    assert_int_equal(pvs_command_call(pvs_engine_inbox(w.eng), c, 5000),
                     PVS_OK);
    assert_int_equal(c->result, PVS_ERR_INVAL);
    pvs_command_put(c);
    /* Tomorrow, 20 simulated minutes past this time. */
    c = pvs_command_new(PVS_CMD_TICKET_SCHEDULE);
    c->ticket_id = 1;
    c->value_ms = pvs_clock_now_ms() + 86400000LL + 20 * 60000;
    pvs_strlcpy(c->actor, "bob", sizeof(c->actor));
    assert_int_equal(pvs_command_call(pvs_engine_inbox(w.eng), c, 5000),
                     PVS_OK);
    assert_int_equal(c->result, PVS_OK);
    pvs_command_put(c);
    /* The customer gets the proposal with links and a calendar file. */
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox WHERE kind ="
                           " 'appointment' AND audience = 'customer' AND body"
                           " LIKE '%BEGIN:VCALENDAR%' AND body LIKE"
                           " '%/l/apptyes.1.%'"),
                     1);
    c = cmd(&w, PVS_CMD_APPOINTMENT_REPLY, 1, 1, NULL);
    assert_int_equal(c->result, PVS_OK);
    pvs_command_put(c);
    c = cmd(&w, PVS_CMD_APPOINTMENT_REPLY, 1, 1, NULL);
    assert_int_equal(c->result, PVS_ERR_STATE);
    pvs_command_put(c);
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox WHERE kind ="
                           " 'appointment' AND audience = 'technician'"),
                     1);
    /* The day before: a reminder to each side, once. */
    assert_true(wait_for(&w,
                         "SELECT COUNT(*) FROM outbox WHERE kind ="
                         " 'reminder'",
                         2));
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM ticket_events WHERE kind ="
                           " 'reminded'"),
                     1);
    /* Tomorrow's visit has not happened: it is no first visit yet. */
    report_has(&w, "\"mean_time_to_first_visit_h\": null");
    world_stop(&w);
}

static void test_customer_prefers_sms(void **state) {
    struct world w;
    struct pvs_command *c;
    char text[600];

    (void)state;
    world_start(&w, "2024-06-21T08:00:00Z");
    c = pvs_command_new(PVS_CMD_PREFS);
    pvs_strlcpy(c->actor, "cu", sizeof(c->actor));
    pvs_strlcpy(c->text, "channel=sms\n", sizeof(c->text));
    assert_int_equal(pvs_command_call(pvs_engine_inbox(w.eng), c, 5000),
                     PVS_OK);
    assert_int_equal(c->result, PVS_OK);
    pvs_command_put(c);
    send_state(&w, PVS_ST_MPPT, 3000);
    assert_true(feed_until(&w, PVS_ST_FAULT, 0,
                           "SELECT COUNT(*) FROM outbox WHERE audience ="
                           " 'customer' AND kind = 'notice'",
                           1));
    /* The notice goes as a text to the phone, not as a mail. */
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox WHERE audience ="
                           " 'customer' AND channel = 'sms' AND recipient ="
                           " '+33600000002'"),
                     1);
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox WHERE audience ="
                           " 'customer' AND channel = 'email'"),
                     0);
    qs(&w,
       "SELECT body FROM outbox WHERE channel = 'sms' AND audience ="
       " 'customer'",
       text, sizeof(text));
    assert_true(strlen(text) <= 480);
    assert_non_null(strstr(text, "stopped producing"));
    /* A text carries the preferences link too, whole. */
    assert_non_null(strstr(text, " http://localhost:8080/l/prefs.1."));
    /* The technician still gets the mail with the evidence. */
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox WHERE audience ="
                           " 'technician' AND channel = 'email'"),
                     1);
    world_stop(&w);
}

/* Text of the first row of sql (a message body), a new string. */
static char *body_of(struct world *w, const char *sql) {
    sqlite3_stmt *s;
    char *out = NULL;

    if (sqlite3_prepare_v2(w->db, sql, -1, &s, NULL) != SQLITE_OK)
        return NULL;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        out = pvs_strdup((const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return out;
}

static void has(const char *text, const char *want) {
    if (!text || !strstr(text, want))
        fprintf(stderr, "wanted '%s' in:\n%s\n", want, text ? text : "");
    assert_non_null(text);
    assert_non_null(strstr(text, want));
}

/* Webhooks and the SMS carry the mail's figure, never their own. */
static void same_figure_everywhere(struct world *w, const char *mail) {
    char lost[160], am[200], *body;
    double so_far_t, per_day_t;
    const char *p = strstr(mail, "Lost:      ") + 11;

    pvs_snprintf(lost, sizeof(lost), "%.*s", (int)strcspn(p, "\r\n"), p);
    assert_int_equal(
        sscanf(lost, "%lf kWh so far, about %lf", &so_far_t, &per_day_t), 2);
    body = body_of(w, "SELECT body FROM outbox WHERE recipient = 'ops'"
                      " AND kind = 'alert' AND ticket_id = (SELECT id FROM"
                      " tickets WHERE subject = 'fault')");
    pvs_snprintf(am, sizeof(am), "\"lost_kwh\":%g,", so_far_t);
    has(body, am);
    pvs_snprintf(am, sizeof(am), "\"lost_kwh_per_day\":%g", per_day_t);
    has(body, am);
    pvs_free(body);
    body = body_of(w, "SELECT body FROM outbox WHERE recipient ="
                      " 'oncall' AND kind = 'alert' AND ticket_id = (SELECT"
                      " id FROM tickets WHERE subject = 'fault')");
    pvs_snprintf(am, sizeof(am), "Energy lost: %s.", lost);
    has(body, am);
    pvs_free(body);
    body = body_of(w, "SELECT body FROM outbox WHERE audience ="
                      " 'technician' AND channel = 'sms' AND ticket_id ="
                      " (SELECT id FROM tickets WHERE subject = 'fault')");
    pvs_snprintf(am, sizeof(am), ". Lost: %s. Acknowledge: ", lost);
    has(body, am);
    pvs_free(body);
}

/*
 * The technician's alert is a work order: one-tap acknowledge and the
 * ticket's link, the event code decoded, the energy figures of the
 * ticket and the alert, the article's steps and "bring" list, the
 * customer notice's real status, where and how to get in; the SMS is
 * short and carries the acknowledge link.
 */
static void test_alert_is_a_work_order(void **state) {
    struct world w;
    char *mail, *sms, want[200];
    double per_day;
    struct timespec ts = {0, 50 * 1000000L};

    (void)state;
    world_start(&w, "2024-06-21T08:00:00Z"); /* 10:00 in Paris */
    send_state(&w, PVS_ST_MPPT, 3000);
    nanosleep(&ts, NULL);
    send_metric(&w, PVS_M_VENDOR_EVENT, 3501);
    /* The fault state's ticket (the code is a ticket of its own). */
    assert_true(feed_until(&w, PVS_ST_FAULT, 0,
                           "SELECT COUNT(*) FROM outbox o JOIN tickets t ON"
                           " t.id = o.ticket_id WHERE t.subject = 'fault' AND"
                           " o.audience = 'technician' AND o.kind = 'alert'"
                           " AND o.channel = 'email'",
                           1));
    mail = body_of(&w, "SELECT o.body FROM outbox o JOIN tickets t ON t.id ="
                       " o.ticket_id WHERE t.subject = 'fault' AND"
                       " o.audience = 'technician' AND o.kind = 'alert' AND"
                       " o.channel = 'email'");
    has(mail, "Acknowledge (one tap): http://localhost:8080/l/ack.");
    has(mail, "/#/ticket/");
    /* SMA 3501, decoded from the vendor's table. */
    has(mail, "Event:     SMA 3501: insulation failure on the DC side");
    /* The figures are the ticket's (so far) and the alert's (per day). */
    {
        sqlite3_stmt *s;
        assert_int_equal(
            sqlite3_prepare_v2(w.db,
                               "SELECT a.lost_kwh_per_day, t.lost_kwh FROM"
                               " alerts a JOIN tickets t ON t.fingerprint ="
                               " a.fingerprint WHERE a.state = 'firing' AND"
                               " t.id = (SELECT ticket_id FROM outbox WHERE"
                               " kind = 'alert' AND audience = 'technician'"
                               " LIMIT 1) ORDER BY a.id LIMIT 1",
                               -1, &s, NULL),
            SQLITE_OK);
        assert_int_equal(sqlite3_step(s), SQLITE_ROW);
        per_day = sqlite3_column_double(s, 0);
        pvs_snprintf(want, sizeof(want),
                     "Lost:      %.1f kWh so far, about %.1f kWh per day",
                     sqlite3_column_double(s, 1), per_day);
        sqlite3_finalize(s);
    }
    assert_true(per_day > 0.05);
    has(mail, want);
    same_figure_everywhere(&w, mail);
    /* The article, inline: what to check, the fix, what to bring. */
    has(mail, "On site:   Read the event log on the display");
    has(mail, "Bring:     The inverter's service manual, insulation tester");
    /* The article's name says where the whole of it is. */
    has(mail, "Article:   inverter-fault (in full on the ticket page)");
    /* What the customer has heard: nothing yet, and when they will. */
    has(mail, "The customer will be told at 2024-06-21 10:");
    has(mail, "Europe/Paris (UTC+02:00) unless it clears by then.");
    assert_null(strstr(mail, "has been told"));
    /* Site time, with the zone's name. */
    has(mail, "Since:     2024-06-21 1");
    has(mail, " Europe/Paris (UTC+02:00)\r\nEvent:");
    pvs_free(mail);
    /* The text message: short, with the acknowledge link whole. */
    sms = body_of(&w, "SELECT body FROM outbox WHERE audience ="
                      " 'technician' AND channel = 'sms' ORDER BY id");
    has(sms, ". Acknowledge: http://localhost:8080/l/ack.");
    assert_true(strlen(sms) <= 480);
    pvs_free(sms);
    world_stop(&w);
}

/* Cleared before the visit: the technician stands down and cancels it. */
static void test_stand_down(void **state) {
    struct world w;
    struct pvs_command *c;
    char *mail;

    (void)state;
    world_start(&w, "2024-06-21T08:00:00Z");
    send_state(&w, PVS_ST_MPPT, 3000);
    assert_true(
        feed_until(&w, PVS_ST_FAULT, 0, "SELECT COUNT(*) FROM tickets", 1));
    c = pvs_command_new(PVS_CMD_TICKET_SCHEDULE);
    c->ticket_id = 1;
    c->value_ms = pvs_clock_now_ms() + 2 * 86400000LL;
    pvs_strlcpy(c->actor, "bob", sizeof(c->actor));
    assert_int_equal(pvs_command_call(pvs_engine_inbox(w.eng), c, 5000),
                     PVS_OK);
    assert_int_equal(c->result, PVS_OK);
    pvs_command_put(c);
    /* The customer confirms the visit, two days ahead. */
    c = cmd(&w, PVS_CMD_APPOINTMENT_REPLY, 1, 1, NULL);
    assert_int_equal(c->result, PVS_OK);
    pvs_command_put(c);
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox WHERE kind ="
                           " 'standdown'"),
                     0);
    assert_true(feed_until(&w, PVS_ST_MPPT, 2500,
                           "SELECT COUNT(*) FROM tickets WHERE status ="
                           " 'resolved'",
                           1));
    mail = body_of(&w, "SELECT body FROM outbox WHERE kind = 'standdown'"
                       " AND recipient = 'bob@example.com'");
    has(mail, "stand down");
    has(mail, "cleared by itself");
    has(mail, "You do not need to go.");
    has(mail, "Please cancel the planned visit with the customer.");
    /* The ticket is resolved (it reopens if the problem comes back): the
     * mail says so rather than that it stays open. */
    has(mail, "The ticket is marked resolved.");
    assert_null(strstr(mail, "stays open"));
    pvs_free(mail);
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM ticket_events WHERE kind ="
                           " 'stand_down'"),
                     1);
    /* The report: the visit never happened, and it cleared by itself. */
    report_has(&w, "\"mean_time_to_first_visit_h\": null");
    report_has(&w, "\"self_resolved_share\": 1,");
    world_stop(&w);
}

/* Nobody acknowledges and nobody is left: the contact is told. */
static void test_escalation_exhausted(void **state) {
    struct world w;
    struct pvs_command *c;
    char *mail;

    (void)state;
    world_start(&w, "2024-06-21T08:00:00Z");
    /* An admin user who is a person (Cat) hears it too. */
    c = pvs_command_new((enum pvs_command_kind)PVS_CMD_API_USER_CREATE);
    pvs_strlcpy(c->text,
                "{\"username\": \"boss\", \"role\": \"admin\", "
                "\"person\": \"cat\", \"now\": 1}",
                sizeof(c->text));
    assert_int_equal(pvs_command_call(pvs_engine_inbox(w.eng), c, 5000),
                     PVS_OK);
    assert_int_equal(c->result, PVS_OK);
    pvs_command_put(c);
    /* And one (Dan) who has a phone, no mail: he gets a text. */
    c = pvs_command_new((enum pvs_command_kind)PVS_CMD_API_USER_CREATE);
    pvs_strlcpy(c->text,
                "{\"username\": \"dan\", \"role\": \"admin\", "
                "\"person\": \"dan\", \"now\": 1}",
                sizeof(c->text));
    assert_int_equal(pvs_command_call(pvs_engine_inbox(w.eng), c, 5000),
                     PVS_OK);
    assert_int_equal(c->result, PVS_OK);
    pvs_command_put(c);
    send_state(&w, PVS_ST_MPPT, 3000);
    assert_true(
        feed_until(&w, PVS_ST_FAULT, 0, "SELECT COUNT(*) FROM tickets", 1));
    /* bob, then cat, then lea the lead; then nobody. */
    assert_true(feed_until(&w, PVS_ST_FAULT, 0,
                           "SELECT COUNT(*) FROM ticket_events WHERE kind ="
                           " 'escalation_exhausted'",
                           1));
    assert_true(wait_for(&w,
                         "SELECT COUNT(*) FROM outbox WHERE kind ="
                         " 'escalation_exhausted' AND recipient ="
                         " 'ann@example.com'",
                         1));
    mail = body_of(&w, "SELECT body FROM outbox WHERE kind ="
                       " 'escalation_exhausted'");
    has(mail, "Hello Ann A,");
    has(mail, "there is nobody left to escalate to");
    has(mail, "It is assigned to Lea Lead.");
    has(mail, "Acknowledge (one tap): http://localhost:8080/l/ack.");
    pvs_free(mail);
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox WHERE kind ="
                           " 'escalation_exhausted' AND recipient ="
                           " 'cat@example.com'"),
                     1);
    mail = body_of(&w, "SELECT body FROM outbox WHERE kind ="
                       " 'escalation_exhausted' AND channel = 'sms' AND"
                       " recipient = '+33600000009'");
    has(mail, "Not acknowledged yet: s1, inv1: ");
    has(mail, ". Acknowledge: http://localhost:8080/l/ack.1-dan.");
    pvs_free(mail);
    world_stop(&w);
}

/*
 * "Fixed" while the device still reports the fault asks for a
 * confirmation; confirmed, and still failing after the recovery time,
 * the ticket is acknowledged again and the technician told.
 */
static void test_fixed_checked_against_the_data(void **state) {
    struct world w;
    struct pvs_command *c;
    char status[32];

    (void)state;
    world_start(&w, "2024-06-21T08:00:00Z");
    send_state(&w, PVS_ST_MPPT, 3000);
    assert_true(
        feed_until(&w, PVS_ST_FAULT, 0, "SELECT COUNT(*) FROM tickets", 1));
    c = cmd(&w, PVS_CMD_TICKET_FIXED, 1, 0, "replaced the fuse");
    assert_int_equal(c->result, PVS_ERR_STATE);
    assert_non_null(strstr(c->message, "still reports"));
    pvs_command_put(c);
    qs(&w, "SELECT status FROM tickets", status, sizeof(status));
    assert_string_equal(status, "assigned");
    c = cmd(&w, PVS_CMD_TICKET_FIXED, 1, 1, "replaced the fuse");
    assert_int_equal(c->result, PVS_OK);
    pvs_command_put(c);
    qs(&w, "SELECT status FROM tickets", status, sizeof(status));
    assert_string_equal(status, "fixed");
    /* The inverter keeps reporting the fault past the recovery time. */
    assert_true(feed_until(&w, PVS_ST_FAULT, 0,
                           "SELECT COUNT(*) FROM tickets WHERE status ="
                           " 'acknowledged'",
                           1));
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM ticket_events WHERE kind ="
                           " 'fix_not_confirmed'"),
                     1);
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox WHERE kind ="
                           " 'not_fixed' AND recipient = 'bob@example.com'"
                           " AND body LIKE '%still reports the problem%'"),
                     1);
    world_stop(&w);
}

/*
 * The acknowledge link is single-use: once spent, it is refused even when
 * the ticket waits for an acknowledgement again (reopened), and it says by
 * whom; a new link (another nonce) acknowledges.
 */
static struct pvs_command *ack_link(struct world *w, const char *nonce) {
    struct pvs_command *c = pvs_command_new(PVS_CMD_TICKET_ACK);

    c->ticket_id = 1;
    pvs_strlcpy(c->actor, "bob", sizeof(c->actor));
    pvs_strlcpy(c->nonce, nonce, sizeof(c->nonce));
    assert_int_equal(pvs_command_call(pvs_engine_inbox(w->eng), c, 5000),
                     PVS_OK);
    return c;
}

static void test_ack_link_single_use(void **state) {
    struct world w;
    struct pvs_command *c;
    char status[32];

    (void)state;
    world_start(&w, "2024-06-21T08:00:00Z");
    send_state(&w, PVS_ST_MPPT, 3000);
    assert_true(
        feed_until(&w, PVS_ST_FAULT, 0, "SELECT COUNT(*) FROM tickets", 1));
    c = ack_link(&w, "n0nce1");
    assert_int_equal(c->result, PVS_OK);
    pvs_command_put(c);
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM ticket_events WHERE kind ="
                           " 'link_used' AND actor = 'bob' AND text ="
                           " 'n0nce1'"),
                     1);
    /* Cleared, then back within the reopen window: waiting again. */
    assert_true(feed_until(&w, PVS_ST_MPPT, 2500,
                           "SELECT COUNT(*) FROM tickets WHERE status ="
                           " 'resolved'",
                           1));
    assert_true(feed_until(&w, PVS_ST_FAULT, 0,
                           "SELECT COUNT(*) FROM tickets WHERE status ="
                           " 'assigned'",
                           1));
    /* The old link, replayed: refused, by whom, and nothing changes. */
    c = ack_link(&w, "n0nce1");
    assert_int_equal(c->result, PVS_ERR_STATE);
    assert_non_null(strstr(c->message, "used already, by bob"));
    pvs_command_put(c);
    qs(&w, "SELECT status FROM tickets", status, sizeof(status));
    assert_string_equal(status, "assigned");
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM ticket_events WHERE kind ="
                           " 'acknowledged'"),
                     1);
    /* The reopened ticket's new link works. */
    c = ack_link(&w, "n0nce2");
    assert_int_equal(c->result, PVS_OK);
    pvs_command_put(c);
    qs(&w, "SELECT status FROM tickets", status, sizeof(status));
    assert_string_equal(status, "acknowledged");
    world_stop(&w);
}

/* Literal stretches of at least three words of an English phrase. */
static void english_bits(const char *phrase, char bits[][160], size_t *n,
                         size_t max) {
    const char *p = phrase;

    while (*p && *n < max) {
        const char *end = strstr(p, "{{");
        size_t len = end ? (size_t)(end - p) : strlen(p), words = 0;
        char bit[160];

        pvs_snprintf(bit, sizeof(bit), "%.*s", (int)len, p);
        for (char *c = bit; *c; c++)
            words += *c == ' ' && c[1] && c[1] != ' ';
        /* Trim the spaces and punctuation at either end. */
        while (bit[0] == ' ' || bit[0] == ':' || bit[0] == ',' ||
               bit[0] == ';' || bit[0] == '(' || bit[0] == ')')
            memmove(bit, bit + 1, strlen(bit));
        for (size_t k = strlen(bit); k && strchr(" :;,()'.", bit[k - 1]); k--)
            bit[k - 1] = '\0';
        if (words >= 2 && strlen(bit) >= 12)
            pvs_strlcpy(bits[(*n)++], bit, sizeof(bits[0]));
        if (!end)
            break;
        end = strstr(end, "}}");
        if (!end)
            break;
        p = end + 2;
    }
}

/* Every English phrase, template line and article step, in bits. */
static size_t english_set(char bits[][160], size_t max) {
    static const char *const files[] = {
        "notifier/templates/en/tech.txt",
        "notifier/templates/en/evidence.txt",
        "notifier/templates/en/evidence_trends.txt",
        "notifier/templates/en/why.txt",
        "notifier/templates/en/why_trends.txt",
        "notifier/templates/en/vendor.txt",
        "notifier/templates/en/words.txt",
        "notifier/templates/en/timeline.txt",
        "notifier/templates/en/tech_alert.txt",
        "notifier/templates/en/tech_appointment.txt",
        "notifier/templates/en/tech_contact.txt",
        "notifier/templates/en/tech_escalated.txt",
        "notifier/templates/en/tech_exhausted.txt",
        "notifier/templates/en/tech_not_fixed.txt",
        "notifier/templates/en/tech_reminder.txt",
        "notifier/templates/en/tech_reopened.txt",
        "notifier/templates/en/tech_standdown.txt",
        "notifier/templates/en/customer_alert.txt",
        "notifier/templates/en/customer_appointment.txt",
        "notifier/templates/en/customer_recovered.txt",
        "notifier/templates/en/customer_reminder.txt",
        "notifier/templates/en/customer_survey.txt"};
    size_t n = 0;

    for (size_t i = 0; i < PVS_ARRAY_LEN(files); i++) {
        const char *t = pvs_embed_get(files[i], NULL);
        assert_non_null(t);
        for (const char *p = t; *p;) {
            const char *eol = strchr(p, '\n');
            char line[1024];
            const char *v;

            if (!eol)
                eol = p + strlen(p);
            pvs_snprintf(line, sizeof(line), "%.*s", (int)(eol - p), p);
            v = strstr(line, " = ");
            /* A template's lines are text; a word list's are "k = v". */
            if (strstr(files[i], "/tech_") || strstr(files[i], "/customer_"))
                v = NULL;
            if (line[0] != '#')
                english_bits(v ? v + 3 : line, bits, &n, max);
            p = *eol ? eol + 1 : eol;
        }
    }
    for (const struct pvs_embedded *f = pvs_embedded_files; f->path; f++) {
        static const char *const marks[] = {"**Confirm on site.** ",
                                            "**Bring.** ", "**Typical fix.** "};
        if (strncmp(f->path, "rules/kb/", 9) || strchr(f->path + 9, '/'))
            continue;
        for (size_t m = 0; m < PVS_ARRAY_LEN(marks) && n < max; m++) {
            const char *p = strstr(f->data, marks[m]);
            if (p)
                pvs_snprintf(bits[n++], sizeof(bits[0]), "%.40s",
                             p + strlen(marks[m]));
        }
    }
    return n;
}

/* Whether text is written in lang's own templates and word lists. */
static bool in_language(const char *lang, const char *text) {
    char prefix[64];

    pvs_snprintf(prefix, sizeof(prefix), "notifier/templates/%s/", lang);
    for (const struct pvs_embedded *f = pvs_embedded_files; f->path; f++)
        if (!strncmp(f->path, prefix, strlen(prefix)) && strstr(f->data, text))
            return true;
    return false;
}

/*
 * Never a mixed-language message: the technician's alert and SMS in
 * each language carry no English sentence of the English phrases,
 * templates and articles, and still carry the evidence, its meaning and
 * the article's steps.
 */
static void test_technician_alert_in_every_language(void **state) {
    static char bits[1200][160];
    size_t nbits = english_set(bits, PVS_ARRAY_LEN(bits));
    static const char *const langs[] = {"fr", "de", "es", "it", "nl"};
    struct timespec ts = {0, 50 * 1000000L};

    (void)state;
    assert_true(nbits > 150);
    for (size_t l = 0; l < PVS_ARRAY_LEN(langs); l++) {
        struct world w;
        char *mail, *sms;

        tech_lang = langs[l];
        world_start(&w, "2024-06-21T08:00:00Z");
        send_state(&w, PVS_ST_MPPT, 3000);
        nanosleep(&ts, NULL);
        send_metric(&w, PVS_M_VENDOR_EVENT, 3501);
        assert_true(feed_until(&w, PVS_ST_FAULT, 0,
                               "SELECT COUNT(*) FROM outbox o JOIN tickets t"
                               " ON t.id = o.ticket_id WHERE t.subject ="
                               " 'fault' AND o.audience = 'technician' AND"
                               " o.kind = 'alert' AND o.channel = 'email'",
                               1));
        mail = body_of(&w, "SELECT o.body FROM outbox o JOIN tickets t ON"
                           " t.id = o.ticket_id WHERE t.subject = 'fault'"
                           " AND o.audience = 'technician' AND o.kind ="
                           " 'alert' AND o.channel = 'email'");
        sms = body_of(&w, "SELECT body FROM outbox WHERE audience ="
                          " 'technician' AND channel = 'sms' ORDER BY id");
        for (size_t i = 0; i < nbits; i++) {
            /* Words a language shares with English on purpose (the
             * signature "pvsentry, ticket #") are in its own files. */
            if (in_language(langs[l], bits[i]))
                continue;
            if (strstr(mail, bits[i]) || strstr(sms, bits[i]))
                fprintf(stderr, "%s: English in the technician's %s: '%s'\n%s",
                        langs[l], strstr(mail, bits[i]) ? "mail" : "SMS",
                        bits[i], strstr(mail, bits[i]) ? mail : sms);
            assert_null(strstr(mail, bits[i]));
            assert_null(strstr(sms, bits[i]));
        }
        /* What was seen, what it means and the steps are all there. */
        assert_non_null(strstr(mail, "inv1"));
        assert_null(strstr(mail, "|dev=")); /* no raw message key */
        {
            char path[96], step[41];
            const char *kb, *p;
            pvs_snprintf(path, sizeof(path), "rules/kb/%s/inverter-fault.md",
                         langs[l]);
            kb = pvs_embed_get(path, NULL);
            assert_non_null(kb);
            p = strstr(kb, "**Confirm on site.** ");
            assert_non_null(p);
            pvs_snprintf(step, sizeof(step), "%s", p + 21);
            assert_non_null(strstr(mail, step));
        }
        pvs_free(mail);
        pvs_free(sms);
        world_stop(&w);
    }
    tech_lang = "en";
}

/* Every message of a world's outbox to a person, each checked. */
static size_t messages_without_english(struct world *w, const char *lang,
                                       char bits[][160], size_t nbits) {
    sqlite3_stmt *s;
    size_t n = 0;

    assert_int_equal(sqlite3_prepare_v2(w->db,
                                        "SELECT kind, audience, channel,"
                                        " subject, body FROM outbox WHERE"
                                        " audience IN ('technician',"
                                        " 'customer') ORDER BY id",
                                        -1, &s, NULL),
                     SQLITE_OK);
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *what[3] = {(const char *)sqlite3_column_text(s, 0),
                               (const char *)sqlite3_column_text(s, 1),
                               (const char *)sqlite3_column_text(s, 2)};
        const char *subject = (const char *)sqlite3_column_text(s, 3);
        const char *body = (const char *)sqlite3_column_text(s, 4);

        n++;
        for (size_t i = 0; i < nbits; i++) {
            if (in_language(lang, bits[i]))
                continue;
            if (strstr(body, bits[i]) || strstr(subject, bits[i]))
                fail_msg("%s: English in the %s's %s %s: '%s'\n%s", lang,
                         what[1], what[0], what[2], bits[i], body);
        }
        assert_null(strstr(body, "{{"));
        assert_null(strstr(body, "|dev=")); /* no raw message key */
        assert_null(strstr(body, "@esc."));
    }
    sqlite3_finalize(s);
    return n;
}

/* The kinds of message a world sent to each audience, as "kind/aud,". */
static void kinds_sent(struct world *w, char *buf, size_t size) {
    qs(w,
       "SELECT group_concat(k, ',') FROM (SELECT DISTINCT kind || '/' ||"
       " audience AS k FROM outbox WHERE audience IN ('technician',"
       " 'customer') ORDER BY k)",
       buf, size);
}

/* One life of a fault: every kind of message a person may get. */
static void every_message(struct world *w) {
    struct pvs_command *c;
    struct timespec ts = {0, 50 * 1000000L};

    /* An admin who is a person hears when escalation runs out. */
    c = pvs_command_new((enum pvs_command_kind)PVS_CMD_API_USER_CREATE);
    pvs_strlcpy(c->text,
                "{\"username\": \"boss\", \"role\": \"admin\", "
                "\"person\": \"cat\", \"now\": 1}",
                sizeof(c->text));
    assert_int_equal(pvs_command_call(pvs_engine_inbox(w->eng), c, 5000),
                     PVS_OK);
    pvs_command_put(c);
    send_state(w, PVS_ST_MPPT, 3000);
    nanosleep(&ts, NULL);
    send_metric(w, PVS_M_VENDOR_EVENT, 3501);
    /* Alert, SMS, customer notice; escalated twice, then exhausted. */
    assert_true(feed_until(w, PVS_ST_FAULT, 0,
                           "SELECT COUNT(*) >= 2 FROM outbox WHERE kind ="
                           " 'escalation_exhausted'",
                           1));
    assert_true(wait_for(w,
                         "SELECT COUNT(*) >= 1 FROM outbox WHERE kind ="
                         " 'notice' AND status <> 'held' AND audience ="
                         " 'customer'",
                         1));
    /* A visit in three hours: proposal, answer, reminders. */
    c = pvs_command_new(PVS_CMD_TICKET_SCHEDULE);
    c->ticket_id = 1;
    c->value_ms = pvs_clock_now_ms() + 3 * 3600000LL;
    pvs_strlcpy(c->actor, "lea", sizeof(c->actor));
    assert_int_equal(pvs_command_call(pvs_engine_inbox(w->eng), c, 5000),
                     PVS_OK);
    assert_int_equal(c->result, PVS_OK);
    pvs_command_put(c);
    pvs_command_put(cmd(w, PVS_CMD_APPOINTMENT_REPLY, 1, 1, NULL));
    assert_true(wait_for(w,
                         "SELECT COUNT(*) FROM outbox WHERE kind ="
                         " 'reminder'",
                         2));
    /* The customer writes in. */
    c = pvs_command_new(PVS_CMD_CUSTOMER_CONTACT);
    pvs_strlcpy(c->site_id, "s1", sizeof(c->site_id));
    pvs_strlcpy(c->text, "?", sizeof(c->text));
    assert_int_equal(pvs_command_call(pvs_engine_inbox(w->eng), c, 5000),
                     PVS_OK);
    pvs_command_put(c);
    /* "Fixed" that does not hold. */
    pvs_command_put(cmd(w, PVS_CMD_TICKET_FIXED, 1, 1, "-"));
    assert_true(feed_until(w, PVS_ST_FAULT, 0,
                           "SELECT COUNT(*) >= 1 FROM outbox WHERE kind ="
                           " 'not_fixed'",
                           1));
    /* It clears before the visit (stand down, back to normal), comes
     * back (reopened), clears again, and the survey follows. */
    assert_true(feed_until(w, PVS_ST_MPPT, 2500,
                           "SELECT COUNT(*) >= 1 FROM outbox WHERE kind ="
                           " 'standdown'",
                           1));
    assert_true(feed_until(w, PVS_ST_FAULT, 0,
                           "SELECT COUNT(*) FROM ticket_events WHERE kind ="
                           " 'reopened' AND ticket_id = 1",
                           1));
    assert_true(feed_until(w, PVS_ST_MPPT, 2500,
                           "SELECT COUNT(*) >= 1 FROM outbox WHERE kind ="
                           " 'survey'",
                           1));
}

/*
 * Never a mixed-language message: a fault's whole life (alert, SMS,
 * escalation, escalation run out, notice, visit proposal with its
 * calendar file, answers, reminders, customer contact, a fix that does
 * not hold, stand-down, back to normal, reopened, survey) with everyone
 * speaking one language; no message carries a sentence of English.
 */
static void test_every_message_in_every_language(void **state) {
    static char bits[1600][160];
    size_t nbits = english_set(bits, PVS_ARRAY_LEN(bits));
    static const char *const langs[] = {"fr", "de", "es", "it", "nl"};
    static const char *const summary[] = {
        "SUMMARY;LANGUAGE=fr:Visite de votre installation solaire",
        "SUMMARY;LANGUAGE=de:Besuch an Ihrer Solaranlage",
        "SUMMARY;LANGUAGE=es:Visita a su instalación solar",
        "SUMMARY;LANGUAGE=it:Visita al vostro impianto solare",
        "SUMMARY;LANGUAGE=nl:Bezoek aan uw zonne-installatie"};

    (void)state;
    assert_true(nbits > 250);
    for (size_t l = 0; l < PVS_ARRAY_LEN(langs); l++) {
        struct world w;
        char kinds[1024], *ics;

        tech_lang = all_lang = langs[l];
        world_start(&w, "2024-06-21T08:00:00Z");
        every_message(&w);
        kinds_sent(&w, kinds, sizeof(kinds));
        assert_string_equal(kinds,
                            "alert/technician,"
                            "appointment/customer,appointment/technician,"
                            "contact/technician,escalation/technician,"
                            "escalation_exhausted/technician,"
                            "not_fixed/technician,notice/customer,"
                            "recovered/customer,reminder/customer,"
                            "reminder/technician,standdown/technician,"
                            "survey/customer");
        assert_true(messages_without_english(&w, langs[l], bits, nbits) >= 16);
        /* The calendar file in the customer's words, its text escaped. */
        ics = body_of(&w, "SELECT body FROM outbox WHERE kind ="
                          " 'appointment' AND audience = 'customer'");
        has(ics, summary[l]);
        has(ics, "LOCATION:3 rue des Lilas\\, 13001 Marseille");
        pvs_free(ics);
        world_stop(&w);
    }
    tech_lang = all_lang = "en";
}

/*
 * A store write that fails inside a batch: the visit proposal's
 * appointment insert is refused by a trigger. Nothing of the batch may
 * stay (no "scheduled" status or event, no mail with confirmation links
 * for an appointment that does not exist), the caller hears the failure,
 * and the reason is logged once.
 */
static void test_failed_write_sends_nothing(void **state) {
    struct world w;
    struct pvs_command *c;
    sqlite3 *rw = NULL;
    char path[128], status[32], log[4096];
    long long outbox, events;
    int saved, fd;
    FILE *f;
    size_t len;
    const char *hit;

    (void)state;
    world_start(&w, "2024-06-21T08:00:00Z");
    send_state(&w, PVS_ST_MPPT, 3000);
    assert_true(
        feed_until(&w, PVS_ST_FAULT, 0, "SELECT COUNT(*) FROM tickets", 1));
    pvs_snprintf(path, sizeof(path), "%s/w.db", dir);
    assert_int_equal(sqlite3_open(path, &rw), SQLITE_OK);
    sqlite3_busy_timeout(rw, 5000);
    assert_int_equal(sqlite3_exec(rw,
                                  "CREATE TRIGGER refuse BEFORE INSERT ON"
                                  " appointments BEGIN SELECT RAISE(ABORT,"
                                  " 'appointments are refused here'); END",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(rw);
    qs(&w, "SELECT status FROM tickets WHERE id = 1", status, sizeof(status));
    outbox = q(&w, "SELECT COUNT(*) FROM outbox");
    events = q(&w, "SELECT COUNT(*) FROM ticket_events");

    pvs_snprintf(path, sizeof(path), "%s/stderr.log", dir);
    fflush(stderr);
    saved = dup(2);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0 && saved >= 0);
    dup2(fd, 2);
    close(fd);
    c = pvs_command_new(PVS_CMD_TICKET_SCHEDULE);
    c->ticket_id = 1;
    c->value_ms = pvs_clock_now_ms() + 86400000LL;
    pvs_strlcpy(c->actor, "bob", sizeof(c->actor));
    assert_int_equal(pvs_command_call(pvs_engine_inbox(w.eng), c, 5000),
                     PVS_OK);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    assert_int_not_equal(c->result, PVS_OK);
    assert_int_equal(c->result, PVS_ERR_DB);
    pvs_command_put(c);

    /* Nothing of the batch was kept. */
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM appointments"), 0);
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox"), outbox);
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM outbox WHERE kind ="
                           " 'appointment'"),
                     0);
    assert_int_equal(q(&w, "SELECT COUNT(*) FROM ticket_events WHERE kind ="
                           " 'scheduled'"),
                     0);
    assert_true(q(&w, "SELECT COUNT(*) FROM ticket_events") <= events);
    {
        char now_status[32];
        qs(&w, "SELECT status FROM tickets WHERE id = 1", now_status,
           sizeof(now_status));
        assert_string_equal(now_status, status);
    }
    /* The reason is logged once. */
    f = fopen(path, "r");
    assert_non_null(f);
    len = fread(log, 1, sizeof(log) - 1, f);
    fclose(f);
    log[len] = '\0';
    hit = strstr(log, "appointments are refused here");
    if (!hit)
        fprintf(stderr, "log: %s\n", log);
    assert_non_null(hit);
    assert_null(strstr(hit + 1, "appointments are refused here"));
    world_stop(&w);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_route_escalate_ack),
        cmocka_unit_test(test_quiet_hours_delay_notice),
        cmocka_unit_test(test_short_fault_no_notice),
        cmocka_unit_test(test_survey_once_and_contact),
        cmocka_unit_test(test_appointment_confirm_and_reminder),
        cmocka_unit_test(test_customer_prefers_sms),
        cmocka_unit_test(test_alert_is_a_work_order),
        cmocka_unit_test(test_stand_down),
        cmocka_unit_test(test_escalation_exhausted),
        cmocka_unit_test(test_fixed_checked_against_the_data),
        cmocka_unit_test(test_ack_link_single_use),
        cmocka_unit_test(test_technician_alert_in_every_language),
        cmocka_unit_test(test_every_message_in_every_language),
        cmocka_unit_test(test_failed_write_sends_nothing),
    };
    /* PVS_TEST_FILTER=test_stand_down runs one test while working. */
    if (getenv("PVS_TEST_FILTER"))
        cmocka_set_test_filter(getenv("PVS_TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
