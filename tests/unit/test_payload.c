/* SPDX-License-Identifier: MIT */
/*
 * test_payload.c - webhook and SMS bodies: the pvsentry JSON and
 * Alertmanager shapes, the SMS text and its length cap, the HMAC-SHA256
 * signature against RFC 4231 vectors, and the gateway URL templates.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <cjson/cJSON.h>

#include "pvs/payload.h"

/* 2024-06-21T10:00:00Z and 10:45 */
#define T0 1718964000000LL
#define T1 (T0 + 45 * 60000LL)

static struct pvs_payload_facts facts(void) {
    struct pvs_payload_facts f;

    memset(&f, 0, sizeof(f));
    f.kind = "alert";
    f.message_id = "<t42.1@pvsentry>";
    f.ticket_id = 42;
    f.status = "open";
    f.severity = "critical";
    f.title = "Inverter stopped producing";
    f.site_id = "s1";
    f.site_name = "Ferme du \"Moulin\"";
    f.device = "inv1";
    f.rule = "fault";
    f.family = "fault_code";
    f.fingerprint = "s1/inv1/fault_code/fault";
    f.evidence = "fault code 0x2001 since 10:00";
    f.explanation = "the inverter reports an insulation fault";
    f.kb = "https://pv.example.com/kb/ground-fault";
    f.started_ms = T0;
    f.ended_ms = 0;
    f.lost_kwh = 3.456;
    f.public_url = "https://pv.example.com/";
    return f;
}

static const char *str(const cJSON *o, const char *key) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

    assert_true(cJSON_IsString(v));
    return v->valuestring;
}

static void test_webhook_json(void **state) {
    struct pvs_payload_facts f = facts();
    char *body = pvs_payload_webhook_json(&f);
    cJSON *root = cJSON_Parse(body);
    const cJSON *t, *s;

    (void)state;
    assert_non_null(root);
    assert_string_equal(str(root, "version"), "1");
    assert_string_equal(str(root, "kind"), "alert");
    assert_string_equal(str(root, "message_id"), "<t42.1@pvsentry>");
    t = cJSON_GetObjectItem(root, "ticket");
    assert_int_equal(cJSON_GetObjectItem(t, "id")->valuedouble, 42);
    assert_string_equal(str(t, "status"), "open");
    assert_string_equal(str(t, "url"), "https://pv.example.com/tickets/42");
    s = cJSON_GetObjectItem(root, "site");
    assert_string_equal(str(s, "name"), "Ferme du \"Moulin\"");
    assert_string_equal(str(root, "fingerprint"), "s1/inv1/fault_code/fault");
    assert_string_equal(str(root, "started_at"), "2024-06-21T10:00:00Z");
    assert_null(cJSON_GetObjectItem(root, "ended_at"));
    /* The figure every message shows, to 0.1 kWh. */
    assert_true(cJSON_GetObjectItem(root, "lost_kwh")->valuedouble == 3.5);
    assert_true(cJSON_GetObjectItem(root, "lost_kwh_per_day")->valuedouble ==
                0);
    cJSON_Delete(root);
    pvs_free(body);

    /* NULL fields are left out, not written as null. */
    memset(&f, 0, sizeof(f));
    f.kind = "ticket";
    f.lost_kwh = -1;
    body = pvs_payload_webhook_json(&f);
    assert_string_equal(body, "{\"version\":\"1\",\"kind\":\"ticket\"}");
    pvs_free(body);
}

static void test_alertmanager(void **state) {
    struct pvs_payload_facts f = facts();
    char *body;
    cJSON *root;
    const cJSON *alerts, *a, *l, *an;

    (void)state;
    f.receiver = "oncall";
    body = pvs_payload_alertmanager(&f);
    root = cJSON_Parse(body);
    assert_non_null(root);
    assert_string_equal(str(root, "version"), "4");
    assert_string_equal(str(root, "status"), "firing");
    assert_string_equal(str(root, "receiver"), "oncall");
    assert_string_equal(str(root, "groupKey"),
                        "{}:{fingerprint=\"s1/inv1/fault_code/fault\"}");
    assert_int_equal(cJSON_GetObjectItem(root, "truncatedAlerts")->valueint, 0);
    alerts = cJSON_GetObjectItem(root, "alerts");
    assert_int_equal(cJSON_GetArraySize(alerts), 1);
    a = cJSON_GetArrayItem(alerts, 0);
    assert_string_equal(str(a, "status"), "firing");
    assert_string_equal(str(a, "startsAt"), "2024-06-21T10:00:00Z");
    assert_string_equal(str(a, "endsAt"), "0001-01-01T00:00:00Z");
    assert_string_equal(str(a, "generatorURL"),
                        "https://pv.example.com/tickets/42");
    l = cJSON_GetObjectItem(a, "labels");
    assert_string_equal(str(l, "alertname"), "fault_code");
    assert_string_equal(str(l, "severity"), "critical");
    assert_string_equal(str(l, "site"), "s1");
    assert_string_equal(str(l, "device"), "inv1");
    assert_string_equal(str(l, "rule"), "fault");
    assert_string_equal(str(l, "fingerprint"), "s1/inv1/fault_code/fault");
    an = cJSON_GetObjectItem(a, "annotations");
    assert_string_equal(str(an, "summary"), "Inverter stopped producing");
    assert_non_null(strstr(str(an, "description"), "insulation fault"));
    assert_non_null(strstr(str(an, "description"), "0x2001"));
    assert_string_equal(str(an, "kb"),
                        "https://pv.example.com/kb/ground-fault");
    cJSON_Delete(root);
    pvs_free(body);

    /* Recovery: resolved, with an end time. */
    f.kind = "recovered";
    f.ended_ms = T1;
    body = pvs_payload_alertmanager(&f);
    root = cJSON_Parse(body);
    assert_string_equal(str(root, "status"), "resolved");
    a = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "alerts"), 0);
    assert_string_equal(str(a, "status"), "resolved");
    assert_string_equal(str(a, "endsAt"), "2024-06-21T10:45:00Z");
    cJSON_Delete(root);
    pvs_free(body);
}

static void test_webhook_format(void **state) {
    struct pvs_payload_facts f = facts();
    struct pvs_cfg_webhook w;
    char id[] = "am", fmt[] = "alertmanager";
    char *body;

    (void)state;
    memset(&w, 0, sizeof(w));
    w.obj.id = id;
    w.format = fmt;
    body = pvs_payload_webhook(&w, &f);
    assert_non_null(strstr(body, "\"receiver\":\"am\""));
    assert_non_null(strstr(body, "\"version\":\"4\""));
    pvs_free(body);
}

/* UTF-8 code points in s. */
static size_t chars(const char *s) {
    size_t n = 0;

    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void test_sms_text(void **state) {
    struct pvs_payload_facts f = facts();
    char long_title[2000];
    char *t;

    (void)state;
    t = pvs_payload_sms_text(&f);
    assert_string_equal(t, "Urgent: Ferme du \"Moulin\", inv1: Inverter "
                           "stopped producing. Lost: 3.5 kWh so far. "
                           "Ticket 42: https://pv.example.com/tickets/42");
    pvs_free(t);
    /* The figure in the reader's words, as the mail gives it. */
    {
        static const struct pvs_payload_words fr = {
            "Urgent",     "Rétabli", "Pas encore pris en charge",
            "Perte",      "Ticket",  "Prendre en charge",
            "un problème"};
        struct pvs_payload_facts g = f;

        g.words = &fr;
        g.title = "L'onduleur inv1 signale un défaut";
        g.lost_text = "3,5 kWh jusqu'ici, environ 12,0 kWh par jour";
        g.ack_url = "https://pv.example.com/l/ack.42-bob.1.sig";
        t = pvs_payload_sms_text(&g);
        assert_string_equal(t, "Urgent: Ferme du \"Moulin\", inv1: "
                               "L'onduleur inv1 signale un défaut. Perte: "
                               "3,5 kWh jusqu'ici, environ 12,0 kWh par "
                               "jour. Prendre en charge: "
                               "https://pv.example.com/l/ack.42-bob.1.sig");
        pvs_free(t);
    }
    f.kind = "recovered";
    t = pvs_payload_sms_text(&f);
    assert_true(!strncmp(t, "Recovered: Ferme", 16));
    assert_null(strstr(t, "kWh"));
    pvs_free(t);

    /* Long texts are cut to 480 characters, never inside a character. */
    long_title[0] = '\0';
    for (int i = 0; i < 600; i++)
        strcat(long_title, "é"); /* lint: allow (test) */
    f.title = long_title;
    t = pvs_payload_sms_text(&f);
    assert_int_equal(chars(t), PVS_PAYLOAD_SMS_MAX);
    assert_string_equal(t + strlen(t) - 3, "...");
    pvs_free(t);
}

static void test_clip(void **state) {
    char a[] = "hello", b[] = "hello world", c[] = "h\xc3\xa9llo";

    (void)state;
    assert_string_equal(pvs_payload_clip(a, 5), "hello");
    assert_string_equal(pvs_payload_clip(b, 8), "hello...");
    assert_string_equal(pvs_payload_clip(c, 4), "h...");
    assert_int_equal(chars(pvs_payload_clip(c, 4)), 4);
}

/* RFC 4231, test cases 2 and 6 (a key longer than the block). */
static void test_signature(void **state) {
    char sig[PVS_PAYLOAD_SIG_SIZE];
    char key[132];
    const char *data = "Test Using Larger Than Block-Size Key - Hash Key First";

    (void)state;
    pvs_payload_sign("Jefe", "what do ya want for nothing?", 28, sig);
    assert_string_equal(sig, "sha256=5bdcc146bf60754e6a042426089575c7"
                             "5a003f089d2739839dec58b964ec3843");
    memset(key, 0xaa, 131);
    key[131] = '\0';
    pvs_payload_sign(key, data, strlen(data), sig);
    assert_string_equal(sig, "sha256=60e431591ee0b67f0d8a26aacbf5b77f"
                             "8e0bc6213728c5140546040f0ee37f54");
}

static void test_expand(void **state) {
    char *s;

    (void)state;
    s = pvs_payload_expand("https://gw.example/send?to={to}&text={text}"
                           "&from={from}&x={unknown}",
                           "+33 6 12 34 56 78",
                           "Panne: onduleur 1 & 2 à l'arrêt", "PV-Sentry",
                           false);
    assert_string_equal(
        s, "https://gw.example/send?to=%2B33%206%2012%2034%2056%2078"
           "&text=Panne%3A%20onduleur%201%20%26%202%20%C3%A0%20l%27arr%C3%AAt"
           "&from=PV-Sentry&x={unknown}");
    pvs_free(s);
    s = pvs_payload_expand(
        "{\"to\":\"{to}\",\"text\":\"{text}\",\"f\":\"{from}\"}", "+3361",
        "say \"hi\"\nnow", NULL, true);
    assert_string_equal(
        s, "{\"to\":\"+3361\",\"text\":\"say \\\"hi\\\"\\nnow\",\"f\":\"\"}");
    pvs_free(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_webhook_json),
        cmocka_unit_test(test_alertmanager),
        cmocka_unit_test(test_webhook_format),
        cmocka_unit_test(test_sms_text),
        cmocka_unit_test(test_clip),
        cmocka_unit_test(test_signature),
        cmocka_unit_test(test_expand),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
