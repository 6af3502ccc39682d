/* SPDX-License-Identifier: MIT */
/* test_template.c - template rendering and the shipped templates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "pvs/notifier.h"
#include "pvs/template.h"

static char *render(const char *t, const struct pvs_tvar *v, size_t n) {
    char *out = NULL, err[128];

    assert_int_equal(pvs_template_render(t, v, n, &out, err, sizeof(err)),
                     PVS_OK);
    return out;
}

static void test_variables_and_sections(void **state) {
    const struct pvs_tvar v[] = {
        {"name", "Alice"}, {"empty", ""}, {"notes", "dog"}};
    char *s;

    (void)state;
    s = render("Hi {{name}}, {{ missing }}!", v, 3);
    assert_string_equal(s, "Hi Alice, !");
    pvs_free(s);
    s = render("a{{#notes}}[{{notes}}]{{/notes}}b{{#empty}}X{{/empty}}c", v, 3);
    assert_string_equal(s, "a[dog]bc");
    pvs_free(s);
    s = render("{{^empty}}none{{/empty}}{{^name}}Y{{/name}}", v, 3);
    assert_string_equal(s, "none");
    pvs_free(s);
    /* A section alone on its lines leaves no blank lines. */
    s = render("one\n{{#empty}}\nhidden\n{{/empty}}\ntwo\n", v, 3);
    assert_string_equal(s, "one\ntwo\n");
    pvs_free(s);
    /* Inline sections keep the newline after them. */
    s = render("x{{#notes}}y{{/notes}}\nz", v, 3);
    assert_string_equal(s, "xy\nz");
    pvs_free(s);
}

static void test_errors(void **state) {
    char *out = NULL, err[128];

    (void)state;
    assert_int_equal(
        pvs_template_render("{{#a}}x", NULL, 0, &out, err, sizeof(err)),
        PVS_ERR_INVAL);
    assert_non_null(strstr(err, "not closed"));
    assert_int_equal(
        pvs_template_render("x{{/a}}", NULL, 0, &out, err, sizeof(err)),
        PVS_ERR_INVAL);
    assert_int_equal(
        pvs_template_render("{{a", NULL, 0, &out, err, sizeof(err)),
        PVS_ERR_INVAL);
    assert_null(out);
}

static void test_shipped_templates(void **state) {
    static const char *const names[] = {"tech_alert", "tech_reopened",
                                        "customer_alert", "customer_recovered"};
    const struct pvs_tvar v[] = {{"ticket_id", "12"},
                                 {"site_name", "Dupont house"},
                                 {"customer_name", "Jean"},
                                 {"title", "Inverter inv1 reports a fault"},
                                 {"customer_what", "inverter inv1 stopped"}};
    char *subject, *body, *text;

    (void)state;
    for (size_t i = 0; i < PVS_ARRAY_LEN(names); i++) {
        const char *t = pvs_template_get("en", names[i]);
        assert_non_null(t);
        text = render(t, v, PVS_ARRAY_LEN(v));
        pvs_template_split_subject(text, &subject, &body);
        assert_true(strlen(subject) > 5);
        assert_null(strstr(body, "{{"));
        pvs_free(subject);
        pvs_free(body);
        pvs_free(text);
    }
    /* French where it exists, English otherwise. */
    assert_non_null(
        strstr(pvs_template_get("fr", "customer_alert"), "Bonjour"));
    assert_ptr_equal(pvs_template_get("fr", "tech_alert"),
                     pvs_template_get("en", "tech_alert"));
    assert_ptr_equal(pvs_template_get("xx", "customer_alert"),
                     pvs_template_get("en", "customer_alert"));
    assert_null(pvs_template_get("en", "no_such_template"));
    /* Customer mails carry no codes or jargon. */
    text =
        render(pvs_template_get("en", "customer_alert"), v, PVS_ARRAY_LEN(v));
    assert_null(strstr(text, "fault_code"));
    assert_null(strstr(text, "SunSpec"));
    pvs_free(text);
}

static void test_email_build(void **state) {
    const char *hdr[] = {"X-Pvsentry-Ticket: 3", NULL};
    char *m;

    (void)state;
    m = pvs_email_build("pvs <a@b.c>", "Jean <j@x.y>", "Votre installation",
                        "line1\nline2", "<id.1@pvsentry>", 1718956800000LL, hdr,
                        NULL);
    assert_non_null(strstr(m, "Subject: Votre installation\r\n"));
    assert_non_null(strstr(m, "Message-ID: <id.1@pvsentry>\r\n"));
    assert_non_null(strstr(m, "Date: Fri, 21 Jun 2024 08:00:00 +0000\r\n"));
    assert_non_null(strstr(m, "X-Pvsentry-Ticket: 3\r\n"));
    assert_non_null(strstr(m, "8bit\r\n\r\nline1\r\nline2\r\n"));
    pvs_free(m);
    /* Non-ASCII subjects are encoded (RFC 2047). */
    m = pvs_email_build("a@b.c", "j@x.y", "défaut", "x", "<i@p>", 0, NULL,
                        NULL);
    assert_non_null(strstr(m, "Subject: =?UTF-8?B?ZMOpZmF1dA==?=\r\n"));
    pvs_free(m);
    /* A calendar invitation makes a two-part mail. */
    m = pvs_email_build("a@b.c", "j@x.y", "visit", "see you", "<i@p>", 0, NULL,
                        "BEGIN:VCALENDAR\nEND:VCALENDAR\n");
    assert_non_null(strstr(m, "Content-Type: multipart/mixed; boundary="));
    assert_non_null(strstr(m, "filename=\"invite.ics\""));
    assert_non_null(strstr(m, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n--"));
    pvs_free(m);
    /* The HTML twin escapes the text and makes links clickable. */
    m = pvs_email_build("a@b.c", "j@x.y", "s",
                        "a <b> & c\nsee https://x.example/l/t?a=1&b=2 now",
                        "<i@p>", 0, NULL, NULL);
    assert_non_null(strstr(m, "multipart/alternative"));
    assert_non_null(strstr(m, "Content-Type: text/html; charset=UTF-8"));
    assert_non_null(strstr(m, "a &lt;b&gt; &amp; c\r\n"));
    assert_non_null(
        strstr(m, "<a href=\"https://x.example/l/t?a=1&amp;b=2\">"));
    /* The plain part is first and unchanged. */
    assert_true(strstr(m, "text/plain") < strstr(m, "text/html"));
    assert_non_null(strstr(m, "8bit\r\n\r\na <b> & c\r\n"));
    pvs_free(m);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_variables_and_sections),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_shipped_templates),
        cmocka_unit_test(test_email_build),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
