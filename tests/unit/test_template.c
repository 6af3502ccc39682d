/* SPDX-License-Identifier: MIT */
/* test_template.c - template rendering and the shipped templates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "pvs/embed.h"
#include "pvs/notifier.h"
#include "pvs/template.h"
#include "pvs/tz.h"

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
    /* The reader's language; English for a language pvsentry lacks. */
    assert_non_null(
        strstr(pvs_template_get("fr", "customer_alert"), "Bonjour"));
    assert_non_null(strstr(pvs_template_get("de", "tech_alert"), "Hallo"));
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

/* Numbers as each language writes them: a decimal comma in French and
 * German, in words and in evidence; nothing else that has a dot. */
static void test_numbers_in_each_language(void **state) {
    char buf[256];

    (void)state;
    assert_string_equal(pvs_template_number("en", 41.57, 1, buf, sizeof(buf)),
                        "41.6");
    assert_string_equal(pvs_template_number("fr", 41.57, 1, buf, sizeof(buf)),
                        "41,6");
    assert_string_equal(pvs_template_number("de", -0.5, 2, buf, sizeof(buf)),
                        "-0,50");
    assert_string_equal(
        pvs_template_decimal("nl", "192.168.1.1", buf, sizeof(buf)),
        "192.168.1.1");
    assert_string_equal(pvs_template_decimal("it", "v1.5", buf, sizeof(buf)),
                        "v1.5");
    assert_string_equal(pvs_template_decimal("es", "12", buf, sizeof(buf)),
                        "12");
    assert_string_equal(
        pvs_template_evidence("de",
                              "@threshold|metric=temp_heatsink_c|v=81.5|"
                              "side=~th.above|limit=80",
                              buf, sizeof(buf)),
        "temp_heatsink_c 81,5 (Grenze über 80)");
    assert_string_equal(
        pvs_template_evidence("en",
                              "@threshold|metric=temp_heatsink_c|v=81.5|"
                              "side=~th.above|limit=80",
                              buf, sizeof(buf)),
        "temp_heatsink_c 81.5 (limit above 80)");
}

/* A ticket's title in the reader's words (the ticket keeps English). */
static void test_title_in_each_language(void **state) {
    char buf[256];

    (void)state;
    assert_string_equal(pvs_template_title("en", "fault_code", "inverter",
                                           "inv1", "vendor:3501", buf,
                                           sizeof(buf)),
                        "Inverter inv1 reports a fault (vendor:3501)");
    assert_string_equal(pvs_template_title("de", "fault_code", "inverter",
                                           "inv1", "fault", buf, sizeof(buf)),
                        "Wechselrichter inv1 meldet eine Störung");
    assert_null(strstr(pvs_template_title("fr", "no_such_family", NULL, NULL,
                                          NULL, buf, sizeof(buf)),
                       "{{"));
}

/* Times in evidence are the site's, with the zone's name. */
static void test_evidence_times_in_the_sites_zone(void **state) {
    static const char src[] =
        "@comm.device|min=15|last=2024-06-21T06:54:00Z|elev=31.4";
    struct pvs_tz *tz = NULL;
    char buf[256];

    (void)state;
    assert_int_equal(pvs_tz_load("Europe/Paris", &tz), PVS_OK);
    assert_non_null(strstr(pvs_template_evidence_at(
                               "de", src, tz, "Europe/Paris", buf, sizeof(buf)),
                           "2024-06-21 08:54 Europe/Paris"));
    assert_non_null(strstr(buf, "31,4"));
    /* Without a zone, as written. */
    assert_non_null(strstr(pvs_template_evidence("en", src, buf, sizeof(buf)),
                           "2024-06-21T06:54:00Z"));
    pvs_tz_free(tz);
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

/* ---- every language has every template, phrase and step ---- */

#define MAX_NAMES 64

struct names {
    char v[MAX_NAMES][48];
    size_t n;
};

/* The variable names a template or phrase refers to, each once. */
static void names_of(const char *t, struct names *out) {
    memset(out, 0, sizeof(*out));
    for (const char *p = strstr(t, "{{"); p; p = strstr(p, "{{")) {
        const char *end = strstr(p, "}}");
        char name[48];
        bool seen = false;

        p += 2;
        if (*p == '#' || *p == '^' || *p == '/')
            p++;
        assert_non_null(end);
        pvs_snprintf(name, sizeof(name), "%.*s", (int)(end - p), p);
        for (size_t i = 0; i < out->n; i++)
            seen = seen || !strcmp(out->v[i], name);
        if (!seen) {
            assert_true(out->n < MAX_NAMES);
            pvs_strlcpy(out->v[out->n++], name, sizeof(out->v[0]));
        }
        p = end + 2;
    }
}

static bool same_names(const struct names *a, const struct names *b) {
    if (a->n != b->n)
        return false;
    for (size_t i = 0; i < a->n; i++) {
        bool found = false;
        for (size_t k = 0; k < b->n; k++)
            found = found || !strcmp(a->v[i], b->v[k]);
        if (!found)
            return false;
    }
    return true;
}

/* English that must not show up in a message of another language. */
static const char *english_in(const char *text) {
    static const char *const marks[] = {
        "Dear ", "Hello ", "Kind regards",   " the ",
        " you ", " with ", "ticket is yours"};

    for (size_t i = 0; i < PVS_ARRAY_LEN(marks); i++)
        if (strstr(text, marks[i]))
            return marks[i];
    return NULL;
}

static void test_every_template_in_every_language(void **state) {
    static const char prefix[] = "notifier/templates/en/";
    size_t count = 0;

    (void)state;
    for (const struct pvs_embedded *f = pvs_embedded_files; f->path; f++) {
        char name[64], path[128];
        struct names en, other;

        if (strncmp(f->path, prefix, sizeof(prefix) - 1))
            continue;
        pvs_snprintf(name, sizeof(name), "%s", f->path + sizeof(prefix) - 1);
        name[strlen(name) - 4] = '\0'; /* .txt */
        if (!strcmp(name, "words") || !strcmp(name, "tech") ||
            !strcmp(name, "pages") || !strncmp(name, "evidence", 8) ||
            !strncmp(name, "why", 3) || !strcmp(name, "dashboard") ||
            !strcmp(name, "vendor") || !strcmp(name, "timeline"))
            continue;
        count++;
        names_of(f->data, &en);
        for (size_t l = 0; pvs_template_languages[l]; l++) {
            const char *lang = pvs_template_languages[l];
            struct pvs_tvar v[MAX_NAMES];
            char values[MAX_NAMES][64];
            const char *t, *eng;
            char *text;

            pvs_snprintf(path, sizeof(path), "notifier/templates/%s/%s.txt",
                         lang, name);
            t = pvs_embed_get(path, NULL);
            if (!t)
                fprintf(stderr, "missing template %s\n", path);
            assert_non_null(t);
            /* Every language says everything English says. */
            names_of(t, &other);
            if (!same_names(&en, &other))
                fprintf(stderr, "%s does not use the variables of English\n",
                        path);
            assert_true(same_names(&en, &other));
            /* Rendered with every variable set, every one shows and no
             * tag is left. */
            for (size_t i = 0; i < other.n; i++) {
                pvs_snprintf(values[i], sizeof(values[0]), "<%s>", other.v[i]);
                v[i].name = other.v[i];
                v[i].value = values[i];
            }
            text = render(t, v, other.n);
            assert_null(strstr(text, "{{"));
            assert_true(!strncmp(text, "Subject: ", 9));
            for (size_t i = 0; i < other.n; i++) {
                char tag[64];

                /* A name used only as a section shows nothing itself. */
                pvs_snprintf(tag, sizeof(tag), "{{%s}}", other.v[i]);
                if (!strstr(t, tag))
                    continue;
                if (!strstr(text, values[i]))
                    fprintf(stderr, "%s: %s is not shown\n", path, values[i]);
                assert_non_null(strstr(text, values[i]));
            }
            eng = strcmp(lang, "en") ? english_in(text) : NULL;
            if (eng)
                fprintf(stderr, "%s has English ('%s')\n", path, eng);
            assert_null(eng);
            pvs_free(text);
        }
    }
    assert_true(count >= 14);
}

/* Every phrase of the English word lists exists in every language, with
 * the same variables. */
static void test_every_phrase_in_every_language(void **state) {
    static const char *const files[] = {
        "words", "tech",       "pages",     "evidence", "evidence_trends",
        "why",   "why_trends", "dashboard", "vendor",   "timeline"};

    (void)state;
    for (size_t fi = 0; fi < PVS_ARRAY_LEN(files); fi++) {
        char path[128];
        const char *en;

        pvs_snprintf(path, sizeof(path), "notifier/templates/en/%s.txt",
                     files[fi]);
        en = pvs_embed_get(path, NULL);
        assert_non_null(en);
        for (size_t l = 0; pvs_template_languages[l]; l++) {
            const char *lang = pvs_template_languages[l];
            const char *other;

            pvs_snprintf(path, sizeof(path), "notifier/templates/%s/%s.txt",
                         lang, files[fi]);
            other = pvs_embed_get(path, NULL);
            if (!other)
                fprintf(stderr, "missing word list %s\n", path);
            assert_non_null(other);
            for (const char *p = en; *p;) {
                const char *eol = strchr(p, '\n');
                char key[96], want[128], a[512], b[512];
                struct names na, nb;
                const char *at;

                if (!eol)
                    eol = p + strlen(p);
                if (*p != '#' && strchr(p, '=') && strchr(p, '=') < eol) {
                    pvs_snprintf(key, sizeof(key), "%.*s",
                                 (int)(strchr(p, '=') - p), p);
                    pvs_snprintf(want, sizeof(want), "\n%s=", key);
                    at = strstr(other, want);
                    if (!at)
                        fprintf(stderr, "%s lacks '%s'\n", path, key);
                    assert_non_null(at);
                    assert_non_null(pvs_template_word("en", key, a, sizeof(a)));
                    assert_non_null(pvs_template_word(lang, key, b, sizeof(b)));
                    names_of(a, &na);
                    names_of(b, &nb);
                    assert_true(same_names(&na, &nb));
                    if (strcmp(lang, "en") && english_in(b))
                        fprintf(stderr, "%s '%s' has English\n", path, key);
                    assert_true(!strcmp(lang, "en") || !english_in(b));
                }
                p = *eol ? eol + 1 : eol;
            }
        }
    }
}

/* Every step a customer may take is written in every language. */
static void test_every_customer_step_in_every_language(void **state) {
    size_t articles = 0;

    (void)state;
    for (const struct pvs_embedded *f = pvs_embedded_files; f->path; f++) {
        if (strncmp(f->path, "rules/kb/", 9) ||
            !strstr(f->data, "**Safe for the customer.**"))
            continue;
        articles++;
        for (size_t l = 0; pvs_template_languages[l]; l++) {
            char mark[64];

            if (!strcmp(pvs_template_languages[l], "en"))
                continue;
            pvs_snprintf(mark, sizeof(mark), "**Safe for the customer (%s).**",
                         pvs_template_languages[l]);
            if (!strstr(f->data, mark))
                fprintf(stderr, "%s lacks %s\n", f->path, mark);
            assert_non_null(strstr(f->data, mark));
        }
    }
    assert_true(articles >= 5);
}

/* Every step a technician reads (check, bring, fix) is written in every
 * language, in rules/kb/<lang>/, without English left in it. */
static void test_every_technician_step_in_every_language(void **state) {
    static const char *const marks[] = {"**Confirm on site.**", "**Bring.**",
                                        "**Typical fix.**"};
    size_t steps = 0;

    (void)state;
    for (const struct pvs_embedded *f = pvs_embedded_files; f->path; f++) {
        const char *id = f->path + 9;
        if (strncmp(f->path, "rules/kb/", 9) || strchr(id, '/'))
            continue;
        for (size_t m = 0; m < PVS_ARRAY_LEN(marks); m++) {
            if (!strstr(f->data, marks[m]))
                continue;
            steps++;
            for (size_t l = 0; pvs_template_languages[l]; l++) {
                char path[128];
                const char *t, *p;

                if (!strcmp(pvs_template_languages[l], "en"))
                    continue;
                pvs_snprintf(path, sizeof(path), "rules/kb/%s/%s",
                             pvs_template_languages[l], id);
                t = pvs_embed_get(path, NULL);
                p = t ? strstr(t, marks[m]) : NULL;
                if (!p)
                    fprintf(stderr, "%s lacks %s\n", path, marks[m]);
                assert_non_null(p);
                p += strlen(marks[m]);
                if (english_in(p))
                    fprintf(stderr, "%s %s has English\n", path, marks[m]);
                assert_null(english_in(p));
                /* Not the English paragraph copied. */
                assert_null(strstr(f->data, p));
            }
        }
    }
    assert_true(steps >= 75);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_variables_and_sections),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_shipped_templates),
        cmocka_unit_test(test_numbers_in_each_language),
        cmocka_unit_test(test_evidence_times_in_the_sites_zone),
        cmocka_unit_test(test_title_in_each_language),
        cmocka_unit_test(test_email_build),
        cmocka_unit_test(test_every_template_in_every_language),
        cmocka_unit_test(test_every_phrase_in_every_language),
        cmocka_unit_test(test_every_customer_step_in_every_language),
        cmocka_unit_test(test_every_technician_step_in_every_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
