/* SPDX-License-Identifier: MIT */
/*
 * test_vendor.c - the vendor event-code tables: every shipped table
 * parses and names knowledge-base articles that exist; fault_code maps a
 * device's vendor_event through its vendor's table, one alert per code;
 * every code's meaning is written in every language a reader may have.
 */
#include "rule_harness.h"
#include "pvs/embed.h"
#include "pvs/template.h"
#include "pvs/vendor.h"

static void test_tables_and_articles(void **state) {
    size_t tables = 0;

    (void)state;
    for (const struct pvs_embedded *f = pvs_embedded_files; f->path; f++) {
        struct pvs_vendor_table *t = NULL;
        char vendor[64], kb[96];
        const char *base;

        if (strncmp(f->path, "rules/vendor/", 13))
            continue;
        base = f->path + 13;
        snprintf(vendor, sizeof(vendor), "%.*s",
                 (int)(strlen(base) - strlen(".csv")), base);
        assert_int_equal(pvs_vendor_table_load(vendor, &t), PVS_OK);
        assert_true(t->ncodes >= 5);
        for (size_t i = 0; i < t->ncodes; i++) {
            snprintf(kb, sizeof(kb), "rules/kb/%s.md", t->codes[i].kb);
            if (!pvs_embed_get(kb, NULL))
                fail_msg("%s: code %lld names missing article %s", f->path,
                         (long long)t->codes[i].code, kb);
        }
        pvs_vendor_table_free(t);
        tables++;
    }
    assert_true(tables >= 2);
}

static void test_lookup(void **state) {
    struct pvs_vendor_table *t = NULL;
    const struct pvs_vendor_code *c;

    (void)state;
    assert_int_equal(pvs_vendor_table_load("S.M.A", &t), PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_vendor_table_load("SMA", &t), PVS_OK);
    c = pvs_vendor_table_lookup(t, 3501);
    assert_non_null(c);
    assert_string_equal(c->name, "insulation_failure");
    assert_int_equal(c->severity, PVS_SEV_CRITICAL);
    assert_null(pvs_vendor_table_lookup(t, 99999));
    pvs_vendor_table_free(t);
    assert_int_equal(pvs_vendor_table_load("Fronius", &t), PVS_OK);
    assert_string_equal(pvs_vendor_table_lookup(t, 502)->kb, "ground-fault");
    pvs_vendor_table_free(t);
}

static void test_fault_code_maps_vendor_events(void **state) {
    struct pvs_config *cfg = load("[site \"s\"]\nlatitude = 45\nlongitude = 0\n"
                                  "[device \"sb\"]\nsite = s\nvendor = SMA\n"
                                  "[device \"plain\"]\nsite = s\n");
    struct seen s;
    struct pvs_ruleset *rs = ruleset(cfg, &s, DAY0);
    int64_t t = DAY0 + 10 * HOUR;
    const struct pvs_alert_event *e;
    size_t resolved = 0;

    (void)state;
    for (int i = 0; i < 60; i++, t += MIN) {
        double code = i < 10 ? 0 : i < 20 ? 3501 : i < 30 ? 4242 : 0;
        feed(rs, 0, PVS_M_VENDOR_EVENT, 0, t, code);
        feed(rs, 1, PVS_M_VENDOR_EVENT, 0, t, 3501); /* no vendor: ignored */
        pvs_ruleset_tick(rs, t);
    }
    assert_int_equal(fired(&s, "fault_code"), 2);
    e = first(&s, "fault_code");
    assert_non_null(e);
    assert_string_equal(e->device->obj.id, "sb");
    assert_string_equal(e->subject, "vendor:3501");
    assert_string_equal(e->kb, "ground-fault");
    assert_int_equal(e->severity, PVS_SEV_CRITICAL);
    assert_non_null(strstr(e->explanation, "insulation failure"));
    for (size_t i = 0; i < s.n; i++) {
        if (s.ev[i].state == PVS_ALERT_RESOLVED)
            resolved++;
        if (s.ev[i].state == PVS_ALERT_FIRING &&
            !strcmp(s.ev[i].subject, "vendor:4242")) {
            /* not in the table: a warning pointing at the manual */
            assert_int_equal(s.ev[i].severity, PVS_SEV_WARNING);
            assert_string_equal(s.ev[i].kb, "inverter-fault");
        }
    }
    assert_int_equal(resolved, 2);
    pvs_ruleset_free(rs);
    pvs_config_free(cfg);
}

/*
 * Every code of every table has its meaning in every language's
 * vendor.txt (no fallback to English), the English one as the table
 * says it, the others not an English copy.
 */
static void test_every_code_in_every_language(void **state) {
    size_t checked = 0;

    (void)state;
    for (const struct pvs_embedded *f = pvs_embedded_files; f->path; f++) {
        struct pvs_vendor_table *t = NULL;
        char vendor[64];
        const char *base;

        if (strncmp(f->path, "rules/vendor/", 13))
            continue;
        base = f->path + 13;
        snprintf(vendor, sizeof(vendor), "%.*s",
                 (int)(strlen(base) - strlen(".csv")), base);
        assert_int_equal(pvs_vendor_table_load(vendor, &t), PVS_OK);
        for (size_t i = 0; i < t->ncodes; i++) {
            for (size_t l = 0; pvs_template_languages[l]; l++) {
                const char *lang = pvs_template_languages[l];
                char path[96], want[160];
                const char *words, *at, *eol;

                snprintf(path, sizeof(path), "notifier/templates/%s/vendor.txt",
                         lang);
                words = pvs_embed_get(path, NULL);
                snprintf(want, sizeof(want), "\nev.vendor.%s.%s = ", vendor,
                         t->codes[i].name);
                at = words ? strstr(words, want) : NULL;
                if (!at)
                    fail_msg("%s: no words for %s code %lld (%s)", path, vendor,
                             (long long)t->codes[i].code, t->codes[i].name);
                at += strlen(want);
                eol = strchr(at, '\n');
                assert_non_null(eol);
                assert_true(eol > at);
                if (!strcmp(lang, "en"))
                    assert_true(!strncmp(at, t->codes[i].description,
                                         (size_t)(eol - at)) &&
                                strlen(t->codes[i].description) ==
                                    (size_t)(eol - at));
                else if (!strncmp(at, t->codes[i].description,
                                  strlen(t->codes[i].description)))
                    fail_msg("%s: %s is English", path, t->codes[i].name);
                checked++;
            }
        }
        pvs_vendor_table_free(t);
    }
    assert_true(checked >= 6 * 30);
}

/* The rule's evidence names the meaning, rendered in the reader's words. */
static void test_code_meaning_in_the_readers_language(void **state) {
    static const char src[] = "@fault.vendor|dev=inv1|vendor=sma|code=3501|"
                              "desc=~vendor.sma.insulation_failure|"
                              "name=insulation_failure";
    char buf[512];

    (void)state;
    assert_string_equal(pvs_template_evidence("de", src, buf, sizeof(buf)),
                        "Wechselrichter inv1 meldet sma-Ereignis 3501, "
                        "Isolationsfehler auf der DC-Seite.");
    assert_string_equal(pvs_template_evidence("fr", src, buf, sizeof(buf)),
                        "L'onduleur inv1 signale l'événement sma 3501, "
                        "défaut d'isolement côté DC.");
    assert_string_equal(pvs_template_evidence("en", src, buf, sizeof(buf)),
                        "Inverter inv1 reports sma event 3501, insulation "
                        "failure on the DC side.");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tables_and_articles),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_fault_code_maps_vendor_events),
        cmocka_unit_test(test_every_code_in_every_language),
        cmocka_unit_test(test_code_meaning_in_the_readers_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
