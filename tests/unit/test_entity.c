/* SPDX-License-Identifier: MIT */
/*
 * test_entity.c - the entity field tables: each field's config key is a
 * key of its section, each column exists in the migrated database, and
 * every field of every entity the API creates comes back unchanged from
 * a row through the running configuration into a row again.
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
#include <sqlite3.h>

#include "pvs/config.h"
#include "pvs/entity.h"
#include "pvs/running.h"
#include "pvs/store.h"
#include "pvs/store_entity.h"
#include "pvs/store_web.h"
#include "pvs/web_views.h"

static char dir[64];

static int setup(void **state) {
    (void)state;
    pvs_strlcpy(dir, "/tmp/pvs-entity-XXXXXX", sizeof(dir));
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
    char cmd[160];

    (void)state;
    pvs_snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Config keys, JSON members and CSV columns are those of the table. */
static void tables_are_consistent(void **state) {
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);

    (void)state;
    pvs_config_schema_print(f);
    fclose(f);
    for (size_t k = 0; k < pvs_nentities; k++) {
        const struct pvs_entity *e = pvs_entities[k];
        assert_ptr_equal(pvs_entity_find(e->name), e);
        for (size_t i = 0; i < e->nfields; i++) {
            const struct pvs_field *x = &e->fields[i];
            char line[160];

            if (x->key) {
                pvs_snprintf(line, sizeof(line), "key\t%s\t%s\t", e->name,
                             x->key);
                if (!strstr(text, line))
                    fail_msg("%s.%s is not a config key", e->name, x->key);
                assert_ptr_equal(pvs_entity_field(e, x->key), x);
            }
            if (x->json)
                assert_ptr_equal(pvs_entity_field_json(e, x->json), x);
            if (x->csv)
                assert_non_null(x->json);
            if (x->json && !(x->flags & PVS_FIELD_READONLY))
                assert_non_null(x->column);
            assert_true(x->key || x->json);
            if (x->type == PVS_FT_DURATION)
                assert_true(x->unit_ms > 0);
        }
    }
    free(text); /* lint: allow (open_memstream's buffer) */
}

static int has_column(void *arg, int n, char **vals, char **names) {
    (void)n;
    (void)names;
    if (!strcmp(vals[1], ((const char **)arg)[0]))
        ((const char **)arg)[1] = "found";
    return 0;
}

/* Every stored field has its column after the migrations. */
static void columns_exist(void **state) {
    char path[128], sql[128];
    struct pvs_store *st;
    sqlite3 *db;

    (void)state;
    pvs_snprintf(path, sizeof(path), "%s/cols.db", dir);
    assert_int_equal(pvs_store_open(path, 0, &st), PVS_OK);
    pvs_store_close(st);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    for (size_t k = 0; k < pvs_nentities; k++) {
        const struct pvs_entity *e = pvs_entities[k];
        for (size_t i = 0; e->table && i < e->nfields; i++) {
            const char *arg[2] = {e->fields[i].column, NULL};
            if (!arg[0])
                continue;
            pvs_snprintf(sql, sizeof(sql), "PRAGMA table_info(%s)", e->table);
            assert_int_equal(sqlite3_exec(db, sql, has_column, arg, NULL),
                             SQLITE_OK);
            if (!arg[1])
                fail_msg("%s has no column %s", e->table, arg[0]);
        }
    }
    sqlite3_close(db);
}

/* Every field the API writes, none at its default. */
static const struct {
    const char *entity, *id, *json;
} objects[] = {
    {"customer", "petit",
     "{\"name\": \"Luc Petit\", \"email\": \"luc@home.example\", \"phone\":"
     " \"+33 6\", \"language\": \"it\", \"quiet_hours\": \"20:00-09:00\","
     " \"channel\": \"sms\", \"opt_out\": true}"},
    {"technician", "eva",
     "{\"name\": \"Eva Lind\", \"email\": \"eva@x.example\", \"phone\":"
     " \"+46 70\", \"language\": \"nl\", \"skills\": [\"sma\", \"snow\"],"
     " \"areas\": [\"isere\"], \"hours\": \"sat 09:00-12:00\","
     " \"timezone\": \"Europe/Stockholm\"}"},
    {"site", "grenoble-01",
     "{\"name\": \"Petit house\", \"address\": \"1 place\\nGrenoble\","
     " \"latitude\": 45.19, \"longitude\": 5.72, \"timezone\":"
     " \"Europe/Paris\", \"kwp\": 3.2, \"tilt\": 20, \"azimuth\": 190,"
     " \"access_notes\": \"Call first\", \"customer_id\": \"petit\","
     " \"technician_id\": \"eva\", \"area\": \"isere\", \"loss_factor\":"
     " 0.1}"},
    {"device", "grenoble-01-inv1",
     "{\"site_id\": \"grenoble-01\", \"kind\": \"meter\", \"kwp\": 3.2,"
     " \"rated_power\": 3000, \"mppt_inputs\": 2, \"vendor\": \"SMA\","
     " \"model\": \"SB3.0\", \"label\": \"garage\", \"unit_id\": 126,"
     " \"profile\": \"sunspec\", \"interval_s\": 45, \"serial\": \"1141\","
     " \"endpoint_url\": \"tcp://127.0.0.1:9\"}"},
    {"mqtt_map", "grenoble-gw",
     "{\"preset\": \"opendtu\", \"site_id\": \"grenoble-01\", \"devices\":"
     " [\"1141 grenoble-01-inv1\"], \"gateway_id\": \"grenoble-01-inv1\","
     " \"settings\": {\"prefix\": \"grenoble\"}}"},
};

/* Entity e's rows as the API serves them, without who wrote them. */
static char *served(struct pvs_store *st, const struct pvs_entity *e,
                    const char *id) {
    struct pvs_buf b;
    cJSON *j;
    char *out;

    pvs_buf_init(&b, 1 << 20);
    assert_int_equal(pvs_view_objs_json(st, e, id, &b), PVS_OK);
    j = cJSON_Parse(b.data);
    assert_non_null(j);
    cJSON_DeleteItemFromObject(j, "source");
    cJSON_DeleteItemFromObject(j, "created_by");
    out = cJSON_PrintUnformatted(j);
    cJSON_Delete(j);
    pvs_buf_release(&b);
    return out;
}

/* As if the file had said it, so that the sync writes it. */
static void as_if_from_the_file(struct pvs_config *cfg) {
    for (size_t i = 0; i < cfg->nsites; i++)
        cfg->sites[i]->obj.line = 1;
    for (size_t i = 0; i < cfg->ndevices; i++)
        cfg->devices[i]->obj.line = 1;
    for (size_t i = 0; i < cfg->ncustomers; i++)
        cfg->customers[i]->obj.line = 1;
    for (size_t i = 0; i < cfg->ntechnicians; i++)
        cfg->technicians[i]->obj.line = 1;
    for (size_t i = 0; i < cfg->nmqtt_maps; i++)
        cfg->mqtt_maps[i]->obj.line = 1;
}

/*
 * A row written through the API, read into the running configuration,
 * then synced from that configuration into another database: the second
 * row is the first, field by field.
 */
/* Create e id from the validated j, typed as web/ types it. */
static void put_created(struct pvs_store *st, const struct pvs_entity *e,
                        const char *id, const cJSON *j) {
    struct pvs_entity_vals *vals = pvs_view_obj_vals(e, j);
    struct pvs_web_result res;

    memset(&res, 0, sizeof(res));
    assert_int_equal(pvs_store_web_put(st, e, id, vals->vals, true, "user:t",
                                       NULL, 1000, &res),
                     PVS_OK);
    pvs_entity_vals_free(vals);
}

static void rows_round_trip_through_the_config(void **state) {
    char db1[128], db2[128], conf[160], conf2[160];
    struct pvs_store *st1, *st2;
    struct pvs_cfg_errors errs;
    struct pvs_config *cfg = NULL;
    struct pvs_web_result res;
    char field[64], msg[200];
    FILE *f;

    (void)state;
    pvs_snprintf(db1, sizeof(db1), "%s/one.db", dir);
    pvs_snprintf(db2, sizeof(db2), "%s/two.db", dir);
    pvs_snprintf(conf, sizeof(conf), "%s/one.conf", dir);
    pvs_snprintf(conf2, sizeof(conf2), "%s/two.conf", dir);
    f = fopen(conf, "w");
    fprintf(f, "[global]\ndatabase = %s\n", db1);
    fclose(f);
    assert_int_equal(pvs_store_open(db1, 0, &st1), PVS_OK);
    for (size_t i = 0; i < PVS_ARRAY_LEN(objects); i++) {
        const struct pvs_entity *e = pvs_store_web_entity(objects[i].entity);
        cJSON *j = cJSON_Parse(objects[i].json);

        assert_non_null(e);
        assert_non_null(j);
        /* The object sets every field the API may write. */
        for (size_t k = 0; k < e->nfields; k++) {
            const struct pvs_field *x = &e->fields[k];
            if (x->json && x->column && !(x->flags & PVS_FIELD_READONLY) &&
                strcmp(x->json, "endpoint") &&
                !cJSON_GetObjectItemCaseSensitive(j, x->json))
                fail_msg("the test's %s lacks %s", e->name, x->json);
        }
        if (pvs_entity_validate_json(e, j, true, field, sizeof(field), msg,
                                     sizeof(msg)))
            fail_msg("%s: %s", field, msg);
        memset(&res, 0, sizeof(res));
        put_created(st1, e, objects[i].id, j);
        cJSON_Delete(j);
    }
    memset(&errs, 0, sizeof(errs));
    if (pvs_running_load(conf, st1, PVS_RUNNING_STRICT, &cfg, &errs)) {
        for (size_t i = 0; i < errs.count; i++)
            print_error("%s\n", errs.msg[i]);
        fail();
    }
    assert_int_equal(cfg->nsites, 1);
    assert_int_equal(cfg->nmqtt_maps, 1);
    assert_float_equal(cfg->sites[0]->loss_factor, 0.1, 1e-9);
    assert_int_equal(cfg->devices[0]->interval_ms, 45000);
    assert_true(cfg->customers[0]->opt_out);
    assert_int_equal(cfg->technicians[0]->nskills, 2);
    as_if_from_the_file(cfg);
    assert_int_equal(pvs_store_open(db2, 0, &st2), PVS_OK);
    assert_int_equal(pvs_store_sync_config(st2, cfg), PVS_OK);
    /* The device's own endpoint is a config endpoint now: the API's
     * shortcut is the one field that does not come back as itself. */
    assert_string_equal(cfg->devices[0]->endpoint_id, "api-grenoble-01-inv1");
    for (size_t i = 0; i < PVS_ARRAY_LEN(objects); i++) {
        const struct pvs_entity *e = pvs_store_web_entity(objects[i].entity);
        char *a = served(st1, e, objects[i].id);
        char *b = served(st2, e, objects[i].id);
        cJSON *ja = cJSON_Parse(a), *jb = cJSON_Parse(b);

        if (!strcmp(e->name, "device")) {
            cJSON_DeleteItemFromObject(ja, "endpoint_url");
            cJSON_DeleteItemFromObject(jb, "endpoint_url");
            cJSON_DeleteItemFromObject(ja, "endpoint");
            cJSON_DeleteItemFromObject(jb, "endpoint");
        }
        if (!cJSON_Compare(ja, jb, true))
            fail_msg("%s changed:\n  %s\n  %s", e->name, a, b);
        cJSON_Delete(ja);
        cJSON_Delete(jb);
        cJSON_free(a);
        cJSON_free(b);
    }
    pvs_config_free(cfg);
    pvs_store_close(st1);
    pvs_store_close(st2);
}

/* A device a map names as its gateway cannot be deleted. */
static void referenced_rows_stay(void **state) {
    struct pvs_web_result res;
    struct pvs_store *st;
    char db[128];

    (void)state;
    pvs_snprintf(db, sizeof(db), "%s/one.db", dir);
    assert_int_equal(pvs_store_open(db, 0, &st), PVS_OK);
    memset(&res, 0, sizeof(res));
    assert_int_equal(pvs_store_web_delete(st, pvs_store_web_entity("device"),
                                          "grenoble-01-inv1", NULL, &res),
                     PVS_ERR_EXISTS);
    assert_non_null(strstr(res.msg, "still used by 1 other object"));
    pvs_store_close(st);
}

/* An invalid row is named by entity and id; run leaves it out. */
static void invalid_rows_are_named(void **state) {
    char db[128], conf[160], want[256];
    struct pvs_store *st;
    struct pvs_cfg_errors errs;
    struct pvs_config *cfg = NULL;
    sqlite3 *h;
    FILE *f;

    (void)state;
    pvs_snprintf(db, sizeof(db), "%s/bad.db", dir);
    pvs_snprintf(conf, sizeof(conf), "%s/bad.conf", dir);
    f = fopen(conf, "w");
    fprintf(f,
            "[global]\ndatabase = %s\n[site \"file-1\"]\nlatitude = 1\n"
            "longitude = 2\n",
            db);
    fclose(f);
    assert_int_equal(pvs_store_open(db, 0, &st), PVS_OK);
    pvs_store_close(st);
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    assert_int_equal(
        sqlite3_exec(h,
                     "INSERT INTO sites(id, latitude, longitude, source)"
                     " VALUES ('ok-1', 1, 2, 'api'), ('bad-1', 1, 2, 'api');"
                     "UPDATE sites SET timezone = 'Mars/Olympus' WHERE id ="
                     " 'bad-1';"
                     "INSERT INTO devices(id, site_id, source) VALUES"
                     " ('bad-1-inv', 'bad-1', 'api'), ('ok-1-inv', 'ok-1',"
                     " 'api');",
                     NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(h);
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(
        pvs_running_load(conf, NULL, PVS_RUNNING_STRICT, &cfg, &errs),
        PVS_ERR_CONFIG);
    pvs_snprintf(want, sizeof(want),
                 "%s: site 'bad-1': unknown timezone 'Mars/Olympus'", db);
    assert_int_equal(errs.count, 1);
    assert_non_null(strstr(errs.msg[0], want));
    pvs_cfg_errors_release(&errs);
    /* run: the site and then its device go, the rest runs */
    assert_int_equal(pvs_running_load(conf, NULL, 0, &cfg, &errs), PVS_OK);
    assert_int_equal(errs.count, 0);
    assert_int_equal(cfg->nsites, 2);
    assert_int_equal(cfg->ndevices, 1);
    assert_string_equal(cfg->devices[0]->obj.id, "ok-1-inv");
    pvs_config_free(cfg);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tables_are_consistent),
        cmocka_unit_test(columns_exist),
        cmocka_unit_test(rows_round_trip_through_the_config),
        cmocka_unit_test(referenced_rows_stay),
        cmocka_unit_test(invalid_rows_are_named),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
