/* SPDX-License-Identifier: MIT */
/*
 * test_web_store.c - the HTTP API's side of the store: field validation,
 * writes with their conflicts and read-only rows, scopes that keep
 * customers and technicians to their own sites, and the config merge that
 * turns sites and devices created through the API into monitored ones.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "pvs/config.h"
#include "pvs/running.h"
#include "pvs/store.h"
#include "pvs/store_web.h"
#include "pvs/web_views.h"
#include "../../web/web_int.h"

static char dir[64];
static char dbpath[128];
static char cpath[160];
static struct pvs_config *cfg;
static struct pvs_store *st;

static int setup(void **state) {
    struct pvs_cfg_errors errs;
    FILE *f;

    (void)state;
    pvs_strlcpy(dir, "/tmp/pvs-webst-XXXXXX", sizeof(dir));
    if (!mkdtemp(dir))
        return -1;
    pvs_snprintf(dbpath, sizeof(dbpath), "%s/t.db", dir);
    pvs_snprintf(cpath, sizeof(cpath), "%s/t.conf", dir);
    f = fopen(cpath, "w");
    fprintf(f,
            "[global]\ndatabase = %s\n[technician \"alice\"]\nname = A\n"
            "[customer \"dupont\"]\nname = D\n"
            "[site \"s1\"]\nlatitude = 45\nlongitude = 4\ntechnician = "
            "alice\ncustomer = dupont\n[device \"inv1\"]\nsite = s1\n",
            dbpath);
    fclose(f);
    memset(&errs, 0, sizeof(errs));
    if (pvs_config_load(cpath, &cfg, &errs))
        return -1;
    if (pvs_store_open(dbpath, 0, &st) || pvs_store_sync_config(st, cfg))
        return -1;
    return 0;
}

static int teardown(void **state) {
    char cmd[160];

    (void)state;
    pvs_store_close(st);
    pvs_config_free(cfg);
    pvs_snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static enum pvs_err put(const char *entity, const char *id, const char *json,
                        bool create, const char *owner,
                        struct pvs_web_result *res) {
    const struct pvs_entity *e = pvs_store_web_entity(entity);
    cJSON *j = cJSON_Parse(json);
    char field[64], msg[200];
    enum pvs_err rc;

    assert_non_null(j);
    rc = pvs_entity_validate_json(e, j, create, field, sizeof(field), msg,
                                  sizeof(msg));
    if (!rc) {
        struct pvs_entity_vals *v = pvs_view_obj_vals(e, j);
        rc = pvs_store_web_put(st, e, id, v->vals, create, "user:bob", owner,
                               1000, res);
        pvs_entity_vals_free(v);
    } else
        pvs_strlcpy(res->msg, field, sizeof(res->msg));
    cJSON_Delete(j);
    return rc;
}

/* web/ types a body by the entity's field table; the store sees no JSON. */
static void request_bodies_become_typed_values(void **state) {
    const struct pvs_entity *dev = pvs_entity_find("device");
    const struct pvs_entity *tech = pvs_entity_find("technician");
    cJSON *j = cJSON_Parse("{\"kwp\": 4, \"interval_s\": 30, \"site_id\": "
                           "\"s1\", \"label\": null, \"nope\": 1}");
    cJSON *k = cJSON_Parse("{\"skills\": [\"sma\", \"dc\"]}");
    struct pvs_entity_vals *v = pvs_view_obj_vals(dev, j);
    const struct pvs_val *x;
    size_t given = 0;

    (void)state;
    x = &v->vals[pvs_entity_field_json(dev, "kwp") - dev->fields];
    assert_true(x->kind == PVS_VAL_REAL && x->d > 3.99 && x->d < 4.01);
    x = &v->vals[pvs_entity_field_json(dev, "interval_s") - dev->fields];
    assert_true(x->kind == PVS_VAL_INT && x->i == 30);
    x = &v->vals[pvs_entity_field_json(dev, "site_id") - dev->fields];
    assert_true(x->kind == PVS_VAL_TEXT && !strcmp(x->s, "s1"));
    x = &v->vals[pvs_entity_field_json(dev, "label") - dev->fields];
    assert_int_equal(x->kind, PVS_VAL_NULL);
    for (size_t i = 0; i < dev->nfields; i++)
        given += v->vals[i].kind != PVS_VAL_NONE;
    assert_int_equal(given, 4); /* the unknown member is not a field */
    pvs_entity_vals_free(v);
    /* The values own their texts: the body may go first. */
    v = pvs_view_obj_vals(tech, k);
    cJSON_Delete(k);
    x = &v->vals[pvs_entity_field_json(tech, "skills") - tech->fields];
    assert_true(x->kind == PVS_VAL_TEXT && !strcmp(x->s, "[\"sma\",\"dc\"]"));
    pvs_entity_vals_free(v);
    cJSON_Delete(j);
}

static void validation_names_the_field(void **state) {
    const struct pvs_entity *e = pvs_store_web_entity("site");
    static const struct {
        const char *json;
        const char *field;
    } bad[] = {
        {"{\"name\": \"x\", \"latitude\": 91, \"longitude\": 1}", "latitude"},
        {"{\"name\": \"x\", \"latitude\": \"1\", \"longitude\": 1}",
         "latitude"},
        {"{\"name\": \"x\", \"longitude\": 1}", "latitude"},
        {"{\"name\": \"x\", \"latitude\": 1, \"longitude\": 1, \"drop\": 1}",
         "drop"},
        {"{\"name\": \"x\\u0001\", \"latitude\": 1, \"longitude\": 1}", "name"},
        {"{\"name\": \"x\", \"latitude\": 1, \"longitude\": 1, "
         "\"customer_id\": \"a'; DROP TABLE sites; --\"}",
         "customer_id"},
    };
    char field[64], msg[200];

    (void)state;
    for (size_t i = 0; i < PVS_ARRAY_LEN(bad); i++) {
        cJSON *j = cJSON_Parse(bad[i].json);
        assert_non_null(j);
        assert_int_equal(pvs_entity_validate_json(e, j, true, field,
                                                  sizeof(field), msg,
                                                  sizeof(msg)),
                         PVS_ERR_INVAL);
        assert_string_equal(field, bad[i].field);
        cJSON_Delete(j);
    }
    assert_true(pvs_store_web_id_valid("paris-01.a_b"));
    assert_false(pvs_store_web_id_valid("../etc"));
    assert_false(pvs_store_web_id_valid("a b"));
    assert_false(pvs_store_web_id_valid(""));
}

static void writes_conflicts_and_config_rows(void **state) {
    struct pvs_web_result res;
    const struct pvs_entity *site = pvs_store_web_entity("site");

    (void)state;
    memset(&res, 0, sizeof(res));
    assert_int_equal(put("site", "s2",
                         "{\"name\": \"Paris\", \"latitude\": 48.8, "
                         "\"longitude\": 2.3, \"kwp\": 6, \"customer_id\": "
                         "\"dupont\", \"timezone\": \"Europe/Paris\"}",
                         true, NULL, &res),
                     PVS_OK);
    assert_true(res.created);
    /* twice: conflict */
    assert_int_equal(put("site", "s2",
                         "{\"name\": \"P\", \"latitude\": 1, \"longitude\": "
                         "1}",
                         true, NULL, &res),
                     PVS_ERR_EXISTS);
    /* config rows are read-only */
    assert_int_equal(put("site", "s1", "{\"name\": \"x\"}", false, NULL, &res),
                     PVS_ERR_DENIED);
    /* another installer's site */
    assert_int_equal(
        put("site", "s2", "{\"name\": \"x\"}", false, "user:eve", &res),
        PVS_ERR_DENIED);
    assert_int_equal(
        put("site", "s2", "{\"name\": \"Paris 2\"}", false, "user:bob", &res),
        PVS_OK);
    /* a dangling reference */
    assert_int_equal(
        put("device", "d2", "{\"site_id\": \"nowhere\"}", true, NULL, &res),
        PVS_ERR_INVAL);
    assert_int_equal(put("device", "d2",
                         "{\"site_id\": \"s2\", \"kwp\": 3, \"endpoint_url\": "
                         "\"tcp://127.0.0.1:1502\", \"unit_id\": 3, "
                         "\"interval_s\": 30}",
                         true, NULL, &res),
                     PVS_OK);
    /* a site with devices stays */
    assert_int_equal(pvs_store_web_delete(st, site, "s2", NULL, &res),
                     PVS_ERR_EXISTS);
    assert_int_equal(pvs_store_web_delete(st, site, "s1", NULL, &res),
                     PVS_ERR_DENIED);
}

static void scopes_keep_people_apart(void **state) {
    struct pvs_scope mine = {PVS_SCOPE_CUSTOMER, "dupont"};
    struct pvs_scope other = {PVS_SCOPE_CUSTOMER, "martin"};
    struct pvs_scope tech = {PVS_SCOPE_TECHNICIAN, "alice"};
    struct pvs_scope tech2 = {PVS_SCOPE_TECHNICIAN, "bob"};
    struct pvs_buf b;

    (void)state;
    pvs_buf_init(&b, 1 << 20);
    assert_int_equal(pvs_view_site_json(st, &mine, "s2", &b), PVS_OK);
    pvs_buf_reset(&b);
    assert_int_equal(pvs_view_site_json(st, &other, "s2", &b),
                     PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_store_web_site_visible(st, &tech, "s1"), PVS_OK);
    assert_int_equal(pvs_store_web_site_visible(st, &tech2, "s1"),
                     PVS_ERR_NOTFOUND);
    pvs_buf_reset(&b);
    assert_int_equal(pvs_view_sites_json(st, &other, 10, 0, &b), PVS_OK);
    assert_non_null(strstr(b.data, "\"total\": 0"));
    pvs_buf_release(&b);
}

static void merge_makes_api_devices_config(void **state) {
    const struct pvs_device *d;
    const struct pvs_site *s;
    struct pvs_cfg_errors errs;
    struct pvs_config *c2;
    size_t nsites;
    char origin[200];

    (void)state;
    memset(&errs, 0, sizeof(errs));
    nsites = cfg->nsites;
    assert_int_equal(pvs_running_load(cpath, st, 0, &c2, &errs), PVS_OK);
    assert_int_equal(c2->nsites, nsites + 1);
    assert_string_equal(c2->path, cpath);
    s = pvs_config_site(c2, "s2");
    assert_non_null(s);
    assert_true(pvs_config_obj_from_store(&s->obj));
    assert_false(pvs_config_obj_from_store(&c2->sites[0]->obj));
    pvs_snprintf(origin, sizeof(origin), "%s: site 's2'", dbpath);
    assert_string_equal(s->obj.file, origin);
    assert_string_equal(s->name, "Paris 2");
    assert_string_equal(s->timezone, "Europe/Paris");
    assert_non_null(s->customer);
    assert_float_equal(s->tilt, 30, 1e-9); /* the config default */
    d = pvs_config_device(c2, "d2");
    assert_non_null(d);
    assert_ptr_equal(d->site, s);
    assert_non_null(d->endpoint);
    assert_string_equal(d->endpoint->url, "tcp://127.0.0.1:1502");
    assert_int_equal(d->unit_id, 3);
    assert_int_equal(d->interval_ms, 30000);
    assert_string_equal(d->profile, "sunspec");
    assert_int_equal(d->index, c2->ndevices - 1);
    pvs_config_free(c2);
}

static void personal_data_expires(void **state) {
    char channel[] = "email", audience[] = "customer", kind[] = "notice";
    char rcpt[] = "d@example.com", subject[] = "Your installation";
    char body[] = "Dear Jean Dupont", mid1[] = "<m1@pvsentry>";
    char mid2[] = "<m2@pvsentry>";
    struct pvs_outbox o;
    int64_t n = -1;

    (void)state;
    memset(&o, 0, sizeof(o));
    o.ticket_id = 1;
    o.channel = channel;
    o.audience = audience;
    o.kind = kind;
    o.recipient = rcpt;
    o.subject = subject;
    o.body = body;
    o.message_id = mid1;
    o.created_ms = 1000;
    assert_int_equal(pvs_store_outbox_add(st, &o), PVS_OK);
    assert_int_equal(
        pvs_store_outbox_attempt(st, o.id, 1100, true, NULL, "sent"), PVS_OK);
    o.message_id = mid2;
    o.created_ms = 5000;
    assert_int_equal(pvs_store_outbox_add(st, &o), PVS_OK);
    assert_int_equal(pvs_store_web_prune_personal(st, 2000, &n), PVS_OK);
    assert_int_equal(n, 1);
    memset(&o, 0, sizeof(o));
    assert_int_equal(pvs_store_outbox_get(st, 1, &o), PVS_OK);
    assert_string_equal(o.body, "(expired)");
    pvs_outbox_release(&o);
    assert_int_equal(pvs_store_outbox_get(st, 2, &o), PVS_OK);
    assert_string_equal(o.body, "Dear Jean Dupont");
    pvs_outbox_release(&o);
    assert_int_equal(pvs_store_web_prune_personal(st, 2000, &n), PVS_OK);
    assert_int_equal(n, 0);
}

/* Only web/ knows HTTP: every neutral outcome has its status there. */
static void neutral_errors_map_to_http(void **state) {
    (void)state;
    assert_int_equal(pvs_web_status(PVS_OK), 200);
    assert_int_equal(pvs_web_status(PVS_ERR_NOTFOUND), 404);
    assert_int_equal(pvs_web_status(PVS_ERR_EXISTS), 409);
    assert_int_equal(pvs_web_status(PVS_ERR_STATE), 409);
    assert_int_equal(pvs_web_status(PVS_ERR_DENIED), 403);
    assert_int_equal(pvs_web_status(PVS_ERR_INVAL), 400);
    assert_int_equal(pvs_web_status(PVS_ERR_UNSUPPORTED), 501);
    assert_int_equal(pvs_web_status(PVS_ERR_DB), 503);
    assert_int_equal(pvs_web_status(PVS_ERR_IO), 503);
    assert_string_equal(pvs_err_str(PVS_ERR_STATE), "not in this state");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(neutral_errors_map_to_http),
        cmocka_unit_test(validation_names_the_field),
        cmocka_unit_test(request_bodies_become_typed_values),
        cmocka_unit_test(writes_conflicts_and_config_rows),
        cmocka_unit_test(scopes_keep_people_apart),
        cmocka_unit_test(merge_makes_api_devices_config),
        cmocka_unit_test(personal_data_expires),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
