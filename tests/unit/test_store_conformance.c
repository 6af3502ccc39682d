/* SPDX-License-Identifier: MIT */
/*
 * test_store_conformance.c - the contract of the store's operations
 * (include/pvs/store_ops.h), checked through the pvs_store_* calls only,
 * so that every backend runs it unchanged.
 *
 * The store under test is chosen as pvsentry chooses it, by a `database`
 * value: PVS_TEST_DATABASE when set (for example a postgresql:// URL of an
 * empty database: the tests use their own ids and share it), else a fresh
 * SQLite file per test. Nothing here reads the database behind the
 * store's back.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <cjson/cJSON.h>

#include "pvs/store_ops.h"
#include "pvs/web_views.h"

static char dir[64];
static char target[256];
static struct pvs_config *cfg;
static unsigned serial; /* makes ids unique when tests share a database */

static int setup(void **state) {
    const char *env = getenv("PVS_TEST_DATABASE");
    char cpath[160];
    FILE *f;
    struct pvs_cfg_errors errs;

    (void)state;
    pvs_strlcpy(dir, "/tmp/pvs-conf-XXXXXX", sizeof(dir));
    if (!mkdtemp(dir))
        return -1;
    if (env && *env)
        pvs_strlcpy(target, env, sizeof(target));
    else
        pvs_snprintf(target, sizeof(target), "sqlite:%s/c%u.db", dir, ++serial);
    pvs_snprintf(cpath, sizeof(cpath), "%s/c.conf", dir);
    f = fopen(cpath, "w");
    fprintf(f,
            "[global]\ndatabase = %s\n[technician \"t1\"]\nname = T\n"
            "email = t1@example.com\n[customer \"c1\"]\nname = C\n"
            "email = c1@example.com\n[site \"s1\"]\nlatitude = 45\n"
            "longitude = 4\ntechnician = t1\ncustomer = c1\n"
            "[device \"inv1\"]\nsite = s1\n",
            target);
    fclose(f);
    memset(&errs, 0, sizeof(errs));
    return pvs_config_load(cpath, &cfg, &errs) ? -1 : 0;
}

static int teardown(void **state) {
    char cmd[160];

    (void)state;
    pvs_config_free(cfg);
    pvs_snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A read-write store with the config's rows, as the engine opens it. */
static struct pvs_store *open_rw(void) {
    struct pvs_store *st = NULL;

    assert_int_equal(pvs_store_open(cfg->global.database, 0, &st), PVS_OK);
    assert_int_equal(pvs_store_sync_config(st, cfg), PVS_OK);
    return st;
}

static struct pvs_store *open_ro(void) {
    struct pvs_store *st = NULL;

    assert_int_equal(
        pvs_store_open(cfg->global.database, PVS_STORE_READONLY, &st), PVS_OK);
    return st;
}

/* A new ticket on s1/inv1 with a fingerprint of its own. */
static int64_t new_ticket(struct pvs_store *st, const char *status, char *fp,
                          size_t fpsize) {
    struct pvs_ticket t;

    pvs_snprintf(fp, fpsize, "s1/inv1/fault_code/c%u-%u", serial, rand());
    memset(&t, 0, sizeof(t));
    t.fingerprint = fp;
    t.status = (char *)(uintptr_t)status;
    t.site = (char *)(uintptr_t) "s1";
    t.device = (char *)(uintptr_t) "inv1";
    t.rule = (char *)(uintptr_t) "fault_code";
    t.family = (char *)(uintptr_t) "fault_code";
    t.severity = (char *)(uintptr_t) "critical";
    t.title = (char *)(uintptr_t) "inv1 fault";
    t.opened_ms = 1000;
    t.updated_ms = 1000;
    assert_int_equal(pvs_store_ticket_create(st, &t), PVS_OK);
    assert_true(t.id > 0);
    return t.id;
}

static int64_t new_outbox(struct pvs_store *st, int64_t ticket,
                          const char *kind, const char *msgid) {
    struct pvs_outbox o;

    memset(&o, 0, sizeof(o));
    o.ticket_id = ticket;
    o.channel = (char *)(uintptr_t) "email";
    o.audience = (char *)(uintptr_t) "customer";
    o.kind = (char *)(uintptr_t)kind;
    o.recipient = (char *)(uintptr_t) "c1@example.com";
    o.subject = (char *)(uintptr_t) "subject";
    o.body = (char *)(uintptr_t) "body";
    o.message_id = (char *)(uintptr_t)msgid;
    o.created_ms = 10;
    o.next_attempt_ms = 10;
    assert_int_equal(pvs_store_outbox_add(st, &o), PVS_OK);
    assert_true(o.id > 0);
    return o.id;
}

static bool has_id(const int64_t *ids, size_t n, int64_t id) {
    for (size_t i = 0; i < n; i++)
        if (ids[i] == id)
            return true;
    return false;
}

/* ---- opening: the database setting picks the backend ---- */

static void database_setting_picks_the_backend(void **state) {
    const struct pvs_store_ops *ops = NULL;
    const char *rest = NULL;
    struct pvs_store *st;

    (void)state;
    assert_int_equal(pvs_store_backend("/var/lib/x.db", &ops, &rest), PVS_OK);
    assert_string_equal(ops->name, "sqlite");
    assert_string_equal(rest, "/var/lib/x.db");
    assert_int_equal(pvs_store_backend("sqlite:rel/x.db", &ops, &rest), PVS_OK);
    assert_string_equal(ops->name, "sqlite");
    assert_string_equal(rest, "rel/x.db");
    /* A known scheme: its backend, or "not built" without opening. */
    if (pvs_store_backend("postgresql://u@127.0.0.1/x", &ops, &rest) ==
        PVS_OK) {
        assert_string_equal(ops->name, "postgresql");
    } else {
        st = NULL;
        assert_int_equal(pvs_store_open("postgresql://u@127.0.0.1/x", 0, &st),
                         PVS_ERR_UNSUPPORTED);
        assert_null(st);
    }
    st = open_rw();
    assert_non_null(pvs_store_backend_name(st));
    assert_true(pvs_store_version(st) >= 1);
    assert_non_null(pvs_store_errmsg(st));
    pvs_store_close(st);
    pvs_store_close(NULL);
}

/* The database value a config file gives, as the store will see it. */
static void config_database(const char *value, char *out, size_t size) {
    struct pvs_config *c = NULL;
    struct pvs_cfg_errors errs;
    char cpath[160];
    FILE *f;

    pvs_snprintf(cpath, sizeof(cpath), "%s/db.conf", dir);
    f = fopen(cpath, "w");
    fprintf(f, "[global]\ndatabase = %s\n", value);
    fclose(f);
    memset(&errs, 0, sizeof(errs));
    assert_int_equal(pvs_config_load(cpath, &c, &errs), PVS_OK);
    pvs_strlcpy(out, c->global.database, size);
    pvs_config_free(c);
}

static void database_setting_in_the_config(void **state) {
    char got[256], want[256];

    (void)state;
    /* sqlite:PATH and a plain path: relative to the config file */
    config_database("sqlite:sub.db", got, sizeof(got));
    pvs_snprintf(want, sizeof(want), "%s/sub.db", dir);
    assert_string_equal(got, want);
    config_database("sub.db", got, sizeof(got));
    assert_string_equal(got, want);
    /* a server URL is kept whole */
    config_database("postgresql://pvs@127.0.0.1:5432/pvs", got, sizeof(got));
    assert_string_equal(got, "postgresql://pvs@127.0.0.1:5432/pvs");
}

/* ---- batches ---- */

static void batch_commits_or_rolls_back_whole(void **state) {
    struct pvs_store *st = open_rw(), *ro;
    struct pvs_ticket t;
    char fp[96], fp2[96];
    int64_t kept, dropped;

    (void)state;
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    kept = new_ticket(st, "open", fp, sizeof(fp));
    /* Another handle does not see an open batch. */
    ro = open_ro();
    assert_int_equal(pvs_store_ticket_get(ro, kept, &t), PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    assert_int_equal(pvs_store_ticket_get(ro, kept, &t), PVS_OK);
    assert_string_equal(t.fingerprint, fp);
    pvs_ticket_release(&t);

    assert_int_equal(pvs_store_begin(st), PVS_OK);
    dropped = new_ticket(st, "open", fp2, sizeof(fp2));
    pvs_store_rollback(st);
    assert_int_equal(pvs_store_ticket_get(st, dropped, &t), PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_store_ticket_by_fp(ro, fp2, &t), PVS_ERR_NOTFOUND);
    pvs_store_close(ro);
    pvs_store_close(st);
}

static void failed_write_fails_the_batch(void **state) {
    struct pvs_store *st = open_rw();
    struct pvs_ticket t;
    char fp[96];
    int64_t id, appt = 0, before = 0, after = 0;

    (void)state;
    assert_int_equal(pvs_store_count(st, "outbox", &before), PVS_OK);
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    id = new_ticket(st, "assigned", fp, sizeof(fp));
    pvs_store_inject(st, "appointment_add", PVS_ERR_DB);
    assert_int_equal(pvs_store_appointment_add(st, id, 5000, "t1", 100, &appt),
                     PVS_ERR_DB);
    assert_int_equal(appt, 0); /* out-parameters only on success */
    assert_int_equal(pvs_store_batch_error(st), PVS_ERR_DB);
    /* Later writes still answer, but the batch is lost. */
    new_outbox(st, id, "appointment", "<conf-appt@pvsentry>");
    assert_int_equal(pvs_store_commit(st), PVS_ERR_DB);
    assert_int_equal(pvs_store_ticket_get(st, id, &t), PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_store_count(st, "outbox", &after), PVS_OK);
    assert_int_equal(after, before);
    /* The next batch starts clean. */
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_batch_error(st), PVS_OK);
    id = new_ticket(st, "open", fp, sizeof(fp));
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    assert_int_equal(pvs_store_ticket_get(st, id, &t), PVS_OK);
    pvs_ticket_release(&t);
    pvs_store_close(st);
}

static void refusal_leaves_the_batch_alone(void **state) {
    struct pvs_store *st = open_rw();
    struct pvs_outbox o;
    struct pvs_ticket t;
    char fp[96], msgid[64];
    int64_t id;

    (void)state;
    pvs_snprintf(msgid, sizeof(msgid), "<dup-%u-%d@pvsentry>", serial, rand());
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    id = new_ticket(st, "open", fp, sizeof(fp));
    new_outbox(st, id, "alert", msgid);
    /* The idempotency key is unique: exists, nothing written. */
    memset(&o, 0, sizeof(o));
    o.ticket_id = id;
    o.channel = (char *)(uintptr_t) "email";
    o.audience = (char *)(uintptr_t) "customer";
    o.kind = (char *)(uintptr_t) "alert";
    o.message_id = msgid;
    assert_int_equal(pvs_store_outbox_add(st, &o), PVS_ERR_EXISTS);
    assert_int_equal(o.id, 0);
    assert_int_equal(pvs_store_batch_error(st), PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    assert_int_equal(pvs_store_ticket_get(st, id, &t), PVS_OK);
    pvs_ticket_release(&t);
    pvs_store_close(st);
}

static void read_only_handle_refuses_writes(void **state) {
    struct pvs_store *st = open_rw(), *ro;

    (void)state;
    pvs_store_close(st);
    ro = open_ro();
    assert_int_not_equal(pvs_store_meta_set(ro, "k", "v"), PVS_OK);
    pvs_store_close(ro);
}

/* ---- tickets and their workflow fields ---- */

static void tickets_roundtrip(void **state) {
    struct pvs_store *st = open_rw();
    struct pvs_ticket t, got;
    struct pvs_ticket_flow fl;
    char fp[96];
    int64_t id;

    (void)state;
    assert_int_equal(pvs_store_ticket_get(st, 987654321, &got),
                     PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_store_ticket_by_fp(st, "no/such/fp/x", &got),
                     PVS_ERR_NOTFOUND);
    id = new_ticket(st, "open", fp, sizeof(fp));
    assert_int_equal(pvs_store_ticket_by_fp(st, fp, &got), PVS_OK);
    assert_int_equal(got.id, id);
    assert_string_equal(got.status, "open");
    assert_string_equal(got.site, "s1");
    pvs_ticket_release(&got);

    memset(&t, 0, sizeof(t));
    assert_int_equal(pvs_store_ticket_get(st, id, &t), PVS_OK);
    pvs_free(t.status);
    t.status = pvs_strdup("assigned");
    pvs_free(t.assignee);
    t.assignee = pvs_strdup("t1");
    t.updated_ms = 2000;
    t.lost_kwh = 1.5;
    assert_int_equal(pvs_store_ticket_update(st, &t), PVS_OK);
    pvs_ticket_release(&t);
    assert_int_equal(pvs_store_ticket_get(st, id, &got), PVS_OK);
    assert_string_equal(got.status, "assigned");
    assert_string_equal(got.assignee, "t1");
    assert_true(got.lost_kwh > 1.4 && got.lost_kwh < 1.6);
    pvs_ticket_release(&got);
    assert_int_equal(
        pvs_store_ticket_event(st, id, 2000, "assigned", "pvsentry", "t1"),
        PVS_OK);

    assert_int_equal(pvs_store_flow_get(st, 987654321, &fl), PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_store_flow_get(st, id, &fl), PVS_OK);
    fl.escalation_level = 2;
    fl.escalate_at_ms = 7000;
    pvs_strlcpy(fl.opened_by, "rule", sizeof(fl.opened_by));
    assert_int_equal(pvs_store_flow_set(st, id, &fl), PVS_OK);
    memset(&fl, 0, sizeof(fl));
    assert_int_equal(pvs_store_flow_get(st, id, &fl), PVS_OK);
    assert_int_equal(fl.escalation_level, 2);
    assert_int_equal(fl.escalate_at_ms, 7000);
    assert_string_equal(fl.opened_by, "rule");
    pvs_store_close(st);
}

/*
 * A problem has at most one open ticket: opening another one of its
 * fingerprint is a neutral refusal (the batch goes on), a closed one of
 * it is no obstacle, and once it is over a new one opens.
 */
static void one_open_ticket_per_fingerprint(void **state) {
    struct pvs_store *st = open_rw();
    struct pvs_ticket t, got;
    char fp[96];
    int64_t id, again;

    (void)state;
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    id = new_ticket(st, "open", fp, sizeof(fp));
    memset(&t, 0, sizeof(t));
    t.fingerprint = fp;
    t.status = (char *)(uintptr_t) "assigned";
    t.opened_ms = 2000;
    assert_int_equal(pvs_store_ticket_create(st, &t), PVS_ERR_EXISTS);
    assert_int_equal(pvs_store_batch_error(st), PVS_OK);
    t.status = (char *)(uintptr_t) "closed";
    assert_int_equal(pvs_store_ticket_create(st, &t), PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);

    assert_int_equal(pvs_store_ticket_get(st, id, &got), PVS_OK);
    pvs_free(got.status);
    got.status = pvs_strdup("resolved");
    assert_int_equal(pvs_store_ticket_update(st, &got), PVS_OK);
    pvs_ticket_release(&got);
    t.status = (char *)(uintptr_t) "open";
    t.id = 0;
    assert_int_equal(pvs_store_ticket_create(st, &t), PVS_OK);
    again = t.id;
    assert_true(again > id);
    assert_int_equal(pvs_store_ticket_by_fp(st, fp, &got), PVS_OK);
    assert_int_equal(got.id, again);
    pvs_ticket_release(&got);
    pvs_store_close(st);
}

static void collect_ids(void *ud, const char *who, int64_t n) {
    int64_t *total = ud;

    if (who && !strcmp(who, "t1"))
        *total += n;
}

static void ticket_lists(void **state) {
    struct pvs_store *st = open_rw();
    struct pvs_ticket t;
    char fp[96];
    int64_t fixed, resolved, *ids = NULL, site_id = 0, by_t1 = 0;
    size_t n = 0;

    (void)state;
    fixed = new_ticket(st, "fixed", fp, sizeof(fp));
    resolved = new_ticket(st, "resolved", fp, sizeof(fp));
    assert_int_equal(pvs_store_ticket_get(st, resolved, &t), PVS_OK);
    t.resolved_ms = 1000;
    assert_int_equal(pvs_store_ticket_update(st, &t), PVS_OK);
    pvs_ticket_release(&t);

    assert_int_equal(pvs_store_fixed_tickets(st, &ids, &n), PVS_OK);
    assert_true(has_id(ids, n, fixed));
    assert_false(has_id(ids, n, resolved));
    pvs_free(ids);
    ids = NULL;
    assert_int_equal(pvs_store_to_close(st, 5000, &ids, &n), PVS_OK);
    assert_true(has_id(ids, n, resolved));
    assert_false(has_id(ids, n, fixed));
    pvs_free(ids);
    ids = NULL;
    /* "fixed" is active: the device lists it among its causes. */
    assert_int_equal(
        pvs_store_device_active(st, "inv1", PVS_FAMILIES_CAUSES, &ids, &n),
        PVS_OK);
    assert_true(has_id(ids, n, fixed));
    assert_false(has_id(ids, n, resolved));
    pvs_free(ids);
    ids = NULL;
    assert_int_equal(
        pvs_store_device_active(st, "inv1", PVS_FAMILIES_CONSEQUENCE, &ids, &n),
        PVS_OK);
    assert_false(has_id(ids, n, fixed));
    pvs_free(ids);
    assert_int_equal(pvs_store_site_active_ticket(st, "s1", &site_id), PVS_OK);
    assert_true(site_id > 0);
    assert_int_equal(pvs_store_site_active_ticket(st, "nosite", &site_id),
                     PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_store_escalations_due(st, 1, &ids, &n), PVS_OK);
    pvs_free(ids);
    assert_int_equal(pvs_store_open_by_assignee(st, collect_ids, &by_t1),
                     PVS_OK);
    pvs_store_close(st);
}

/* ---- the outbox ---- */

static void outbox_lifecycle(void **state) {
    struct pvs_store *st = open_rw();
    struct pvs_outbox o;
    char fp[96], msgid[64], status[16];
    int64_t tid, id, *ids = NULL, latest = 0;
    size_t n = 0;

    (void)state;
    assert_int_equal(pvs_store_outbox_get(st, 987654321, &o), PVS_ERR_NOTFOUND);
    tid = new_ticket(st, "open", fp, sizeof(fp));
    assert_int_equal(pvs_store_outbox_latest(st, tid, "customer", "notice",
                                             status, sizeof(status), &latest),
                     PVS_ERR_NOTFOUND);
    pvs_snprintf(msgid, sizeof(msgid), "<ob-%u-%d@pvsentry>", serial, rand());
    id = new_outbox(st, tid, "notice", msgid);
    assert_int_equal(pvs_store_outbox_get(st, id, &o), PVS_OK);
    assert_string_equal(o.status, "pending");
    assert_string_equal(o.message_id, msgid);
    assert_string_equal(o.body, "body");
    pvs_outbox_release(&o);
    assert_int_equal(pvs_store_outbox_pending(st, &ids, &n), PVS_OK);
    assert_true(has_id(ids, n, id));
    pvs_free(ids);
    ids = NULL;

    assert_int_equal(pvs_store_outbox_set_body(st, id, "new body"), PVS_OK);
    assert_int_equal(pvs_store_outbox_hold(st, id, 500, "quiet hours"), PVS_OK);
    assert_int_equal(pvs_store_held_due(st, 100, &ids, &n), PVS_OK);
    assert_false(has_id(ids, n, id));
    pvs_free(ids);
    ids = NULL;
    assert_int_equal(pvs_store_held_due(st, 600, &ids, &n), PVS_OK);
    assert_true(has_id(ids, n, id));
    pvs_free(ids);
    assert_int_equal(pvs_store_outbox_set(st, id, "pending", 0, "released"),
                     PVS_OK);
    assert_int_equal(
        pvs_store_outbox_attempt(st, id, 700, false, "refused", "pending"),
        PVS_OK);
    assert_int_equal(pvs_store_outbox_attempt(st, id, 800, true, NULL, "sent"),
                     PVS_OK);
    assert_int_equal(pvs_store_outbox_get(st, id, &o), PVS_OK);
    assert_string_equal(o.status, "sent");
    assert_string_equal(o.body, "new body");
    assert_int_equal(o.attempts, 2);
    pvs_outbox_release(&o);
    assert_int_equal(pvs_store_outbox_latest(st, tid, "customer", "notice",
                                             status, sizeof(status), &latest),
                     PVS_OK);
    assert_string_equal(status, "sent");
    assert_int_equal(latest, id);
    pvs_store_close(st);
}

/* ---- alerts, samples, rollups, device facts ---- */

static void count_firing(void *ud, const struct pvs_alert_event *ev) {
    const char *want = ((const char **)ud)[0];

    if (!strcmp(ev->fingerprint, want))
        ((const char **)ud)[1] = "seen";
}

/* The typed row of the alert named by want[0]; want[1] set when seen. */
static void alert_row_check(void *ud, const struct pvs_alert_row *a) {
    const char **want = ud;

    assert_true(a->id > 0);
    assert_non_null(a->fingerprint);
    if (strcmp(a->fingerprint, want[0]))
        return;
    assert_string_equal(a->family, "fault_code");
    assert_string_equal(a->site, "s1");
    assert_string_equal(a->device, "inv1");
    assert_string_equal(a->severity, "critical");
    assert_int_equal(a->started_ms, 1);
    assert_true(a->lost_kwh_per_day > 3.9 && a->lost_kwh_per_day < 4.1);
    assert_true(isnan(a->measured)); /* not recorded */
    assert_true(a->expected > 2.4 && a->expected < 2.6);
    assert_false(a->silenced);
    want[1] = "seen";
}

static void alerts_and_restore(void **state) {
    struct pvs_store *st = open_rw();
    struct pvs_scope all = {PVS_SCOPE_ALL, NULL};
    struct pvs_scope nobody = {PVS_SCOPE_CUSTOMER, "nobody-here"};
    struct pvs_alert_event ev;
    const char *look[2];
    bool firing = false;
    double per_day = 0;

    (void)state;
    assert_int_equal(
        pvs_store_alert_latest(st, "no/such/alert/x", &firing, &per_day),
        PVS_ERR_NOTFOUND);
    memset(&ev, 0, sizeof(ev));
    pvs_snprintf(ev.fingerprint, sizeof(ev.fingerprint),
                 "s1/inv1/fault_code/a%u-%d", serial, rand());
    ev.rule_id = "fault_code";
    ev.family = "fault_code";
    ev.site = cfg->sites[0];
    ev.device = cfg->devices[0];
    ev.state = PVS_ALERT_FIRING;
    ev.severity = PVS_SEV_CRITICAL;
    ev.started_ms = 1;
    ev.ts_ms = 2;
    ev.lost_kwh_per_day = 4.0;
    ev.measured = NAN;
    ev.expected = 2.5;
    assert_int_equal(pvs_store_add_alert(st, &ev), PVS_OK);
    assert_int_equal(
        pvs_store_alert_latest(st, ev.fingerprint, &firing, &per_day), PVS_OK);
    assert_true(firing);
    assert_true(per_day > 3.9 && per_day < 4.1);
    look[0] = ev.fingerprint;
    look[1] = NULL;
    assert_int_equal(pvs_store_firing_alerts(st, cfg, count_firing, look),
                     PVS_OK);
    assert_non_null(look[1]);
    look[1] = NULL;
    assert_int_equal(pvs_store_web_alerts(st, &all, alert_row_check, look),
                     PVS_OK);
    assert_non_null(look[1]);
    look[1] = NULL;
    assert_int_equal(pvs_store_web_alerts(st, &nobody, alert_row_check, look),
                     PVS_OK);
    assert_null(look[1]);
    ev.state = PVS_ALERT_RESOLVED;
    ev.ts_ms = 3;
    assert_int_equal(pvs_store_add_alert(st, &ev), PVS_OK);
    look[1] = NULL;
    assert_int_equal(pvs_store_firing_alerts(st, cfg, count_firing, look),
                     PVS_OK);
    assert_null(look[1]);
    assert_int_equal(pvs_store_web_alerts(st, &all, alert_row_check, look),
                     PVS_OK);
    assert_null(look[1]);
    assert_int_equal(
        pvs_store_alert_latest(st, ev.fingerprint, &firing, &per_day), PVS_OK);
    assert_false(firing);
    pvs_store_close(st);
}

static void rollup_sum(void *ud, const struct pvs_rollup_row *r) {
    double *wh = ud;

    if (!strcmp(r->device, "inv1"))
        *wh += r->wh;
}

static void sky_collect(void *ud, const struct pvs_sky_row *r) {
    struct pvs_sky_row *got = ud;

    if (got[0].ts_ms < 8)
        got[1 + got[0].ts_ms++] = *r;
}

/* The clear sky: rows replace their start's, reads by time, prune. */
static void clear_sky_rows(void **state) {
    struct pvs_store *st = open_rw();
    struct pvs_store *ro = open_ro();
    int64_t h = 1700000000000LL + (int64_t)(rand() % 1000) * 86400000LL;
    struct pvs_sky_row r[3], got[9];
    int64_t rows = -1;
    char site[32];

    (void)state;
    h -= h % 3600000;
    pvs_snprintf(site, sizeof(site), "sky-%u-%d", serial, rand());
    for (int i = 0; i < 3; i++) {
        r[i].ts_ms = h + i * 3600000LL;
        r[i].wh = 100.0 * (i + 1);
    }
    assert_int_equal(pvs_store_sky_put(st, site, false, r, 3), PVS_OK);
    r[1].wh = 250;
    assert_int_equal(pvs_store_sky_put(st, site, false, &r[1], 1), PVS_OK);
    r[0].ts_ms = h - h % 86400000;
    r[0].wh = 5000;
    assert_int_equal(pvs_store_sky_put(st, site, true, r, 1), PVS_OK);

    memset(got, 0, sizeof(got));
    assert_int_equal(pvs_store_sky_read(ro, site, false, h, h + 3 * 3600000LL,
                                        sky_collect, got, &rows),
                     PVS_OK);
    assert_int_equal(rows, 3);
    assert_int_equal(got[1].ts_ms, h);
    assert_true(got[2].ts_ms == h + 3600000 && got[2].wh > 249.9 &&
                got[2].wh < 250.1);
    assert_true(got[3].wh > 299.9 && got[3].wh < 300.1);
    /* Only rows starting in [from, to), of this site and resolution. */
    memset(got, 0, sizeof(got));
    assert_int_equal(pvs_store_sky_read(ro, site, false, h + 1, h + 3600001,
                                        sky_collect, got, &rows),
                     PVS_OK);
    assert_int_equal(rows, 1);
    memset(got, 0, sizeof(got));
    assert_int_equal(pvs_store_sky_read(ro, site, true, r[0].ts_ms,
                                        r[0].ts_ms + 86400000, sky_collect, got,
                                        &rows),
                     PVS_OK);
    assert_true(rows == 1 && got[1].wh > 4999 && got[1].wh < 5001);
    assert_int_equal(pvs_store_sky_read(ro, "no-such-site", false, h,
                                        h + 3 * 3600000LL, sky_collect, got,
                                        &rows),
                     PVS_OK);
    assert_int_equal(rows, 0);
    /* Pruning drops old hours and keeps the days. */
    assert_int_equal(pvs_store_sky_prune(st, h + 3600000), PVS_OK);
    assert_int_equal(pvs_store_sky_read(ro, site, false, h, h + 3 * 3600000LL,
                                        sky_collect, got, &rows),
                     PVS_OK);
    assert_int_equal(rows, 2);
    assert_int_equal(pvs_store_sky_read(ro, site, true, r[0].ts_ms,
                                        r[0].ts_ms + 86400000, sky_collect, got,
                                        &rows),
                     PVS_OK);
    assert_int_equal(rows, 1);
    assert_int_not_equal(pvs_store_sky_put(ro, site, false, r, 1), PVS_OK);
    pvs_store_close(ro);
    pvs_store_close(st);
}

static void samples_rollups_devices(void **state) {
    struct pvs_store *st = open_rw();
    struct pvs_sample s[2];
    struct pvs_rollup_delta d;
    int64_t base = 1700000000000LL + (int64_t)(rand() % 1000) * 86400000LL;
    int64_t gone = -1, rows = 0;
    double v = 0, wh = 0;
    bool replaced = true;
    char sn[32];

    (void)state;
    assert_int_equal(pvs_store_last_reading(st, "inv1", "battery_soc_pct", &v),
                     PVS_ERR_NOTFOUND);
    memset(s, 0, sizeof(s));
    s[0].metric = PVS_M_AC_POWER_W;
    s[0].ts_ms = base;
    s[0].value = 1234;
    s[1] = s[0];
    s[1].ts_ms = base + 60000;
    s[1].value = 1300;
    assert_int_equal(pvs_store_add_samples(st, cfg, s, 2), PVS_OK);
    /* A redelivered reading keeps its first value. */
    s[1].value = 9999;
    assert_int_equal(pvs_store_add_samples(st, cfg, &s[1], 1), PVS_OK);
    assert_int_equal(pvs_store_last_reading(st, "inv1", "ac_power_w", &v),
                     PVS_OK);
    assert_true(v > 1299 && v < 1301);
    assert_int_equal(pvs_store_prune_samples(st, base + 1, &gone), PVS_OK);
    assert_true(gone >= 1);
    assert_int_equal(pvs_store_prune_samples(st, base + 1, NULL), PVS_OK);

    memset(&d, 0, sizeof(d));
    d.device = "inv1";
    d.hour_ms = base - base % 3600000;
    d.day_ms = base - base % 86400000;
    d.n = 2;
    d.wh = 500;
    d.exp_wh = 600;
    d.peak_w = 1300;
    assert_int_equal(pvs_store_rollup_add(st, &d, 1), PVS_OK);
    assert_int_equal(pvs_store_rollup_add(st, &d, 1), PVS_OK);
    assert_int_equal(pvs_store_rollup_read(st, "s1", false, d.hour_ms,
                                           d.hour_ms + 3600000, rollup_sum, &wh,
                                           &rows),
                     PVS_OK);
    assert_int_equal(rows, 1);
    assert_true(wh > 999 && wh < 1001);
    wh = 0;
    assert_int_equal(pvs_store_rollup_read(st, "s1", true, d.day_ms,
                                           d.day_ms + 86400000, rollup_sum, &wh,
                                           NULL),
                     PVS_OK);
    assert_true(wh > 999 && wh < 1001);

    pvs_snprintf(sn, sizeof(sn), "SN-%u-%d", serial, rand());
    assert_int_equal(
        pvs_store_device_info(st, "inv1", sn, "ACME", "X1", 5, &replaced),
        PVS_OK);
    assert_int_equal(
        pvs_store_device_info(st, "inv1", sn, "ACME", "X1", 6, &replaced),
        PVS_OK);
    assert_false(replaced);
    assert_int_equal(
        pvs_store_device_info(st, "inv1", "other", "ACME", "X1", 7, &replaced),
        PVS_OK);
    assert_true(replaced);
    pvs_store_close(st);
}

/* ---- small tables: meta, learnt state, preferences ---- */

static void learnt_find(void *ud, const char *rule, const char *device,
                        const char *text) {
    char *out = ud;

    if (!strcmp(rule, "frozen") && !strcmp(device, "inv1"))
        pvs_strlcpy(out, text, 64);
}

static void meta_learnt_prefs(void **state) {
    struct pvs_store *st = open_rw();
    char *v = NULL, key[64], text[64] = "";
    char channel[32], lang[32], quiet[32];
    int opt_out = -1;

    (void)state;
    pvs_snprintf(key, sizeof(key), "conf/%u/%d", serial, rand());
    assert_int_equal(pvs_store_meta_get(st, key, &v), PVS_OK);
    assert_null(v);
    assert_int_equal(pvs_store_meta_set(st, key, "one"), PVS_OK);
    assert_int_equal(pvs_store_meta_set(st, key, "two"), PVS_OK);
    assert_int_equal(pvs_store_meta_get(st, key, &v), PVS_OK);
    assert_string_equal(v, "two");
    pvs_free(v);

    assert_int_equal(pvs_store_learnt_put(st, "frozen", "inv1", "a=1"), PVS_OK);
    assert_int_equal(pvs_store_learnt_put(st, "frozen", "inv1", "a=2"), PVS_OK);
    assert_int_equal(pvs_store_learnt_each(st, learnt_find, text), PVS_OK);
    assert_string_equal(text, "a=2");

    assert_int_equal(
        pvs_store_prefs_set(st, "c1", "sms", "fr", "22:00-07:00", 0, 10),
        PVS_OK);
    assert_int_equal(pvs_store_prefs_get(st, "c1", channel, lang, quiet,
                                         sizeof(channel), &opt_out),
                     PVS_OK);
    assert_string_equal(channel, "sms");
    assert_string_equal(lang, "fr");
    assert_string_equal(quiet, "22:00-07:00");
    assert_int_equal(opt_out, 0);
    pvs_store_close(st);
}

/* ---- surveys, appointments, contacts, history ---- */

static void surveys_once(void **state) {
    struct pvs_store *st = open_rw();
    enum pvs_survey_state ss;
    char fp[96], who[32];
    int64_t id, ms = -1, *ids = NULL;
    size_t n = 0;

    (void)state;
    id = new_ticket(st, "closed", fp, sizeof(fp));
    assert_int_equal(pvs_store_survey_state(st, id, &ss), PVS_OK);
    assert_int_equal(ss, PVS_SURVEY_NONE);
    assert_int_equal(pvs_store_survey_answer(st, id, 5, "ok", 10),
                     PVS_ERR_NOTFOUND);
    pvs_snprintf(who, sizeof(who), "cust%u-%d", serial, rand());
    assert_int_equal(pvs_store_last_survey(st, who, &ms), PVS_OK);
    assert_int_equal(ms, 0);
    assert_int_equal(pvs_store_survey_add(st, id, who, 100, true), PVS_OK);
    assert_int_equal(pvs_store_last_survey(st, who, &ms), PVS_OK);
    assert_int_equal(ms, 100);
    assert_int_equal(pvs_store_survey_state(st, id, &ss), PVS_OK);
    assert_int_equal(ss, PVS_SURVEY_OPEN);
    assert_int_equal(pvs_store_survey_answer(st, id, 5, "great", 200), PVS_OK);
    assert_int_equal(pvs_store_survey_answer(st, id, 1, "again", 300),
                     PVS_ERR_FULL);
    assert_int_equal(pvs_store_survey_state(st, id, &ss), PVS_OK);
    assert_int_equal(ss, PVS_SURVEY_ANSWERED);
    assert_int_equal(pvs_store_survey_candidates(st, 1 << 30, &ids, &n),
                     PVS_OK);
    assert_false(has_id(ids, n, id));
    pvs_free(ids);
    pvs_store_close(st);
}

static void appointments_and_contacts(void **state) {
    struct pvs_store *st = open_rw();
    char fp[96], status[16];
    int64_t tid, appt = 0, got = 0, slot = 0, rt = 0, rs = 0, *ids = NULL;
    size_t n = 0;
    struct pvs_buf hist;

    (void)state;
    tid = new_ticket(st, "assigned", fp, sizeof(fp));
    assert_int_equal(pvs_store_appointment_latest(st, tid, &got, &slot, status,
                                                  sizeof(status)),
                     PVS_ERR_NOTFOUND);
    assert_int_equal(
        pvs_store_appointment_add(st, tid, 90000, "t1", 1000, &appt), PVS_OK);
    assert_true(appt > 0);
    assert_int_equal(pvs_store_appointment_latest(st, tid, &got, &slot, status,
                                                  sizeof(status)),
                     PVS_OK);
    assert_int_equal(got, appt);
    assert_int_equal(slot, 90000);
    assert_string_equal(status, "proposed");
    assert_int_equal(pvs_store_appointment_set(st, appt, "confirmed", 2000),
                     PVS_OK);
    assert_int_equal(pvs_store_reminders_due(st, 100000, &ids, &n), PVS_OK);
    assert_true(has_id(ids, n, appt));
    pvs_free(ids);
    assert_int_equal(pvs_store_appointment_remind(st, appt, &rt, &rs), PVS_OK);
    assert_int_equal(rt, tid);
    assert_int_equal(rs, 90000);
    ids = NULL;
    assert_int_equal(pvs_store_reminders_due(st, 100000, &ids, &n), PVS_OK);
    assert_false(has_id(ids, n, appt));
    pvs_free(ids);

    assert_int_equal(
        pvs_store_contact_add(st, "s1", tid, 3000, "customer:c1", "hello"),
        PVS_OK);
    pvs_buf_init(&hist, 1 << 16);
    assert_int_equal(pvs_store_site_history(st, "s1", 0, 50, &hist), PVS_OK);
    pvs_buf_release(&hist);
    pvs_store_close(st);
}

/* ---- the API's objects, users and sessions ---- */

static enum pvs_err put(struct pvs_store *st, const char *entity,
                        const char *id, const char *json, bool create,
                        const char *owner, struct pvs_web_result *res) {
    const struct pvs_entity *e = pvs_store_web_entity(entity);
    cJSON *j = cJSON_Parse(json);
    struct pvs_entity_vals *v;
    enum pvs_err rc;

    assert_non_null(e);
    assert_non_null(j);
    v = pvs_view_obj_vals(e, j);
    memset(res, 0, sizeof(*res));
    rc = pvs_store_web_put(st, e, id, v->vals, create, "user:bob", owner, 1000,
                           res);
    pvs_entity_vals_free(v);
    cJSON_Delete(j);
    return rc;
}

static void api_objects_neutral_errors(void **state) {
    struct pvs_store *st = open_rw();
    const struct pvs_entity *site = pvs_store_web_entity("site");
    struct pvs_web_result res;
    char id[32], dev[32], json[160];

    (void)state;
    pvs_snprintf(id, sizeof(id), "cs%u-%d", serial, rand() % 100000);
    pvs_snprintf(dev, sizeof(dev), "cd%u-%d", serial, rand() % 100000);
    assert_int_equal(pvs_store_web_exists(st, site, id), PVS_ERR_NOTFOUND);
    assert_int_equal(put(st, "site", id,
                         "{\"name\": \"P\", \"latitude\": 48.8, "
                         "\"longitude\": 2.3}",
                         true, NULL, &res),
                     PVS_OK);
    assert_true(res.created);
    assert_int_equal(pvs_store_web_exists(st, site, id), PVS_OK);
    assert_int_equal(put(st, "site", id,
                         "{\"name\": \"P\", \"latitude\": 1, "
                         "\"longitude\": 1}",
                         true, NULL, &res),
                     PVS_ERR_EXISTS);
    assert_int_equal(
        put(st, "site", "nosuchsite", "{\"name\": \"x\"}", false, NULL, &res),
        PVS_ERR_NOTFOUND);
    assert_int_equal(
        put(st, "site", "s1", "{\"name\": \"x\"}", false, NULL, &res),
        PVS_ERR_DENIED);
    assert_int_equal(
        put(st, "site", id, "{\"name\": \"x\"}", false, "user:eve", &res),
        PVS_ERR_DENIED);
    assert_int_equal(
        put(st, "site", id, "{\"name\": \"Q\"}", false, "user:bob", &res),
        PVS_OK);
    assert_false(res.created);
    assert_int_equal(
        put(st, "device", dev, "{\"site_id\": \"nowhere\"}", true, NULL, &res),
        PVS_ERR_INVAL);
    pvs_snprintf(json, sizeof(json), "{\"site_id\": \"%s\", \"kwp\": 3}", id);
    assert_int_equal(put(st, "device", dev, json, true, NULL, &res), PVS_OK);
    assert_int_equal(pvs_store_web_delete(st, site, id, NULL, &res),
                     PVS_ERR_EXISTS);
    assert_int_equal(pvs_store_web_delete(st, site, "s1", NULL, &res),
                     PVS_ERR_DENIED);
    assert_int_equal(pvs_store_web_delete(st, site, "nosuchsite", NULL, &res),
                     PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_store_web_delete(st, pvs_store_web_entity("device"),
                                          dev, NULL, &res),
                     PVS_OK);
    assert_int_equal(pvs_store_web_delete(st, site, id, NULL, &res), PVS_OK);
    assert_int_equal(pvs_store_web_exists(st, site, id), PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_store_web_audit(st, 1000, "user:bob", "deleted", id),
                     PVS_OK);
    pvs_store_close(st);
}

static void users_tokens_sessions(void **state) {
    struct pvs_store *st = open_rw();
    struct pvs_web_result res;
    struct pvs_web_user u;
    char name[40], hash[64], sess[64];
    int64_t uid, tok, owner = 0;

    (void)state;
    pvs_snprintf(name, sizeof(name), "u%u-%d", serial, rand());
    pvs_snprintf(hash, sizeof(hash), "tok-%s", name);
    pvs_snprintf(sess, sizeof(sess), "sess-%s", name);
    assert_int_equal(pvs_store_web_user_by_name(st, name, &u),
                     PVS_ERR_NOTFOUND);
    memset(&res, 0, sizeof(res));
    assert_int_equal(pvs_store_web_user_create(st, name, "technician", "t1",
                                               "hash", 10, &res),
                     PVS_OK);
    assert_true(res.created);
    uid = res.id;
    assert_int_equal(pvs_store_web_user_create(st, name, "technician", "t1",
                                               "hash", 10, &res),
                     PVS_ERR_EXISTS);
    assert_int_equal(pvs_store_web_user_create(st, "x", "technician",
                                               "nobody-here", "h", 10, &res),
                     PVS_ERR_INVAL);
    assert_int_equal(pvs_store_web_user_by_name(st, name, &u), PVS_OK);
    assert_int_equal(u.id, uid);
    assert_string_equal(u.person, "t1");

    assert_int_equal(
        pvs_store_web_token_create(st, uid, "ci", hash, 10, 0, &res), PVS_OK);
    tok = res.id;
    assert_int_equal(pvs_store_web_user_by_token(st, hash, 20, &u), PVS_OK);
    assert_int_equal(u.id, uid);
    assert_int_equal(pvs_store_web_token_owner(st, tok, &owner), PVS_OK);
    assert_int_equal(owner, uid);
    assert_int_equal(pvs_store_web_token_revoke(st, tok, 30, &res), PVS_OK);
    assert_int_equal(pvs_store_web_token_revoke(st, tok, 30, &res),
                     PVS_ERR_NOTFOUND);
    assert_int_not_equal(pvs_store_web_user_by_token(st, hash, 40, &u), PVS_OK);

    assert_int_equal(
        pvs_store_web_session_create(st, uid, sess, 10, 1000, &res), PVS_OK);
    assert_int_equal(pvs_store_web_user_by_session(st, sess, 20, &u), PVS_OK);
    assert_int_not_equal(pvs_store_web_user_by_session(st, sess, 2000, &u),
                         PVS_OK);
    assert_int_equal(pvs_store_web_session_delete(st, sess, &res), PVS_OK);
    assert_int_not_equal(pvs_store_web_user_by_session(st, sess, 20, &u),
                         PVS_OK);
    assert_int_equal(pvs_store_web_user_password(st, uid, "h2", &res), PVS_OK);
    assert_int_equal(pvs_store_web_user_delete(st, uid, &res), PVS_OK);
    assert_int_equal(pvs_store_web_user_delete(st, 987654321, &res),
                     PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_store_web_user_password(st, 987654321, "h", &res),
                     PVS_ERR_NOTFOUND);
    pvs_store_close(st);
}

/* A silence's values as web/ hands them: by field, typed. */
static struct pvs_entity_vals *silence_vals(const char *site, int64_t start,
                                            int64_t end, const char *reason) {
    const struct pvs_entity *e = pvs_entity_find("silence");
    struct pvs_entity_vals *v = pvs_entity_vals_new(e);
    const struct pvs_field *f;

    pvs_entity_vals_text(v, (size_t)(pvs_entity_field(e, "site") - e->fields),
                         site);
    if (reason)
        pvs_entity_vals_text(
            v, (size_t)(pvs_entity_field(e, "reason") - e->fields), reason);
    f = pvs_entity_field(e, "start");
    v->vals[f - e->fields].kind = PVS_VAL_INT;
    v->vals[f - e->fields].i = start;
    f = pvs_entity_field(e, "end");
    v->vals[f - e->fields].kind = PVS_VAL_INT;
    v->vals[f - e->fields].i = end;
    return v;
}

static void silences_and_erasure(void **state) {
    struct pvs_store *st = open_rw();
    struct pvs_entity_vals *v;
    struct pvs_web_result res;
    int64_t id, n = -1;

    (void)state;
    /* Typed values, by the silence's field table. */
    v = silence_vals("s1", 1, 999999, "roof work");
    memset(&res, 0, sizeof(res));
    assert_int_equal(
        pvs_store_web_silence_create(st, v->vals, "user:bob", 10, &res),
        PVS_OK);
    pvs_entity_vals_free(v);
    id = res.id;
    assert_true(id > 0);
    v = silence_vals("nowhere", 1, 2, NULL);
    assert_int_equal(
        pvs_store_web_silence_create(st, v->vals, "user:bob", 10, &res),
        PVS_ERR_INVAL);
    pvs_entity_vals_free(v);
    assert_int_equal(pvs_store_web_silence_delete(st, id, "user:eve", &res),
                     PVS_ERR_DENIED);
    assert_int_equal(pvs_store_web_silence_delete(st, id, "user:bob", &res),
                     PVS_OK);
    assert_int_equal(pvs_store_web_silence_delete(st, id, NULL, &res),
                     PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_store_web_erase_customer(st, "nobody-here", &res),
                     PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_store_web_prune_personal(st, 1, &n), PVS_OK);
    assert_true(n >= 0);
    pvs_store_close(st);
}

/* ---- reads: JSON documents, scopes, empty lists ---- */

/* out holds one JSON document; reset it for the next read. */
static void json_ok(struct pvs_buf *out) {
    cJSON *j = cJSON_Parse(out->data ? out->data : "");

    if (!j)
        fprintf(stderr, "not JSON: %s\n", out->data ? out->data : "");
    assert_non_null(j);
    cJSON_Delete(j);
    pvs_buf_reset(out);
}

static void count_admin(void *ud, const char *who, int64_t n) {
    (void)who;
    *(int64_t *)ud += n;
}

/* The ticket row named by want->id; want->seen set when seen. */
struct ticket_want {
    int64_t id;
    const char *fp;
    bool page;
    int seen, events, messages;
};

static void ticket_check(void *ud, const struct pvs_ticket_row *t) {
    struct ticket_want *w = ud;

    assert_true(t->id > 0);
    if (t->id != w->id)
        return;
    assert_string_equal(t->status, "open");
    assert_string_equal(t->site, "s1");
    assert_string_equal(t->device, "inv1");
    assert_string_equal(t->family, "fault_code");
    assert_string_equal(t->title, "inv1 fault");
    assert_null(t->assignee); /* not recorded */
    assert_int_equal(t->opened_ms, 1000);
    assert_true(t->resolved_ms == PVS_ROW_NO_MS);
    if (w->page) {
        assert_string_equal(t->fingerprint, w->fp);
        assert_true(t->acknowledged_ms == PVS_ROW_NO_MS);
        assert_int_equal(t->escalation_level, 0);
    }
    w->seen++;
}

static void event_count(void *ud, const struct pvs_event_row *e) {
    assert_non_null(e->kind);
    ((struct ticket_want *)ud)->events++;
}

static void message_count(void *ud, const struct pvs_message_row *m) {
    assert_true(m->id > 0);
    assert_non_null(m->status);
    ((struct ticket_want *)ud)->messages++;
}

static void alert_none(void *ud, const struct pvs_ticket_alert_row *a) {
    (void)ud;
    (void)a;
    fail_msg("a ticket without an alert has none");
}

/* What the ticket listing (`pvsentry tickets`) saw of one ticket. */
struct listing_want {
    int64_t id;
    const char *fp;
    int state; /* 0 before the ticket, 1 in it, 2 after it */
    int tickets, events, comments, messages;
    bool order_ok, fp_ok, last_ok, msgid_ok;
    int64_t prev;
};

static void list_ticket(void *ud, const struct pvs_ticket_row *t) {
    struct listing_want *w = ud;

    w->tickets++;
    if (w->prev && t->id >= w->prev)
        w->order_ok = false;
    w->prev = t->id;
    w->state = t->id == w->id ? 1 : w->state ? 2 : 0;
    if (w->state != 1)
        return;
    w->fp_ok = t->fingerprint && !strcmp(t->fingerprint, w->fp) && t->status &&
               !strcmp(t->status, "open");
    w->last_ok = t->last_event && !strcmp(t->last_event, "comment");
}

static void list_event(void *ud, const struct pvs_event_row *e) {
    struct listing_want *w = ud;

    if (w->state != 1)
        return;
    w->events++;
    if (!strcmp(e->kind, "comment") && e->text && !strcmp(e->text, "note") &&
        e->ts_ms == 1001)
        w->comments++;
}

static void list_message(void *ud, const struct pvs_message_row *m) {
    struct listing_want *w = ud;

    if (w->state != 1)
        return;
    w->messages++;
    w->msgid_ok = m->message_id && !strcmp(m->message_id, w->fp) &&
                  !strcmp(m->kind, "notice") && m->id > 0;
}

/* The listing hands ticket id with its timeline and message, as rows. */
static void check_listing(struct pvs_store *ro, int64_t id, const char *fp) {
    static const struct pvs_ticket_list_fns fns = {list_ticket, list_event,
                                                   list_message};
    struct listing_want w;

    memset(&w, 0, sizeof(w));
    w.id = id;
    w.fp = fp;
    w.order_ok = true;
    assert_int_equal(pvs_store_tickets_list(ro, 10, &fns, &w), PVS_OK);
    assert_true(w.tickets >= 1 && w.tickets <= 10 && w.order_ok);
    assert_true(w.state >= 1 && w.fp_ok && w.last_ok);
    assert_int_equal(w.comments, 1);
    assert_int_equal(w.events, 1);
    assert_int_equal(w.messages, 1);
    assert_true(w.msgid_ok);
    /* 0 is no limit; 1 is the newest ticket only. */
    memset(&w, 0, sizeof(w));
    w.order_ok = true;
    assert_int_equal(pvs_store_tickets_list(ro, 1, &fns, &w), PVS_OK);
    assert_int_equal(w.tickets, 1);
}

/* The tickets' reads hand typed rows, inside the scope. */
static void ticket_reads_are_rows(void **state) {
    struct pvs_store *st = open_rw(), *ro;
    struct pvs_scope staff = {PVS_SCOPE_ALL, NULL};
    struct pvs_scope other = {PVS_SCOPE_CUSTOMER, "nobody-here"};
    struct pvs_ticket_filter f = {NULL, NULL, 50, 0};
    struct pvs_ticket_filter none = {"false_alarm", "s1", 50, 0};
    struct ticket_want w;
    char fp[96];
    int64_t id, total = -1;

    (void)state;
    id = new_ticket(st, "open", fp, sizeof(fp));
    assert_int_equal(
        pvs_store_ticket_event(st, id, 1001, "comment", "t1", "note"), PVS_OK);
    new_outbox(st, id, "notice", fp);
    pvs_store_close(st);
    ro = open_ro();
    check_listing(ro, id, fp);
    memset(&w, 0, sizeof(w));
    w.id = id;
    w.fp = fp;
    assert_int_equal(
        pvs_store_web_tickets(ro, &staff, &f, ticket_check, &w, &total),
        PVS_OK);
    assert_int_equal(w.seen, 1);
    assert_true(total >= 1);
    w.seen = 0;
    assert_int_equal(
        pvs_store_web_tickets(ro, &other, &f, ticket_check, &w, &total),
        PVS_OK);
    assert_int_equal(w.seen, 0);
    assert_int_equal(total, 0);
    assert_int_equal(
        pvs_store_web_tickets(ro, &staff, &none, ticket_check, &w, &total),
        PVS_OK);
    assert_int_equal(w.seen, 0);
    w.page = true;
    assert_int_equal(
        pvs_store_web_ticket(ro, &staff, id, true, ticket_check, &w), PVS_OK);
    assert_int_equal(w.seen, 1);
    assert_int_equal(pvs_store_web_ticket_events(ro, id, true, event_count, &w),
                     PVS_OK);
    assert_int_equal(w.events, 1);
    w.events = 0;
    assert_int_equal(
        pvs_store_web_ticket_events(ro, id, false, event_count, &w), PVS_OK);
    assert_int_equal(w.events, 0); /* comments are for staff */
    assert_int_equal(pvs_store_web_ticket_alert(ro, id, alert_none, &w),
                     PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_store_web_ticket_messages(ro, id, message_count, &w),
                     PVS_OK);
    assert_int_equal(w.messages, 1);
    assert_int_equal(pvs_store_web_ticket_visible(ro, &staff, id), PVS_OK);
    assert_int_equal(pvs_store_web_ticket_visible(ro, &other, id),
                     PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_store_web_ticket_visible(ro, &staff, 987654321),
                     PVS_ERR_NOTFOUND);
    assert_int_equal(
        pvs_store_web_ticket(ro, &other, id, false, ticket_check, &w),
        PVS_ERR_NOTFOUND);
    pvs_store_close(ro);
}

static void reads_answer_json(void **state) {
    struct pvs_store *st = open_rw(), *ro;
    struct pvs_scope staff = {PVS_SCOPE_ALL, NULL};
    struct pvs_scope other = {PVS_SCOPE_CUSTOMER, "nobody-here"};
    struct pvs_buf out;

    (void)state;
    pvs_store_close(st);
    ro = open_ro();
    pvs_buf_init(&out, 4 << 20);
    assert_int_equal(pvs_view_sites_json(ro, &staff, 50, 0, &out), PVS_OK);
    json_ok(&out);
    assert_int_equal(pvs_view_site_json(ro, &staff, "s1", &out), PVS_OK);
    json_ok(&out);
    assert_int_equal(pvs_store_web_site_visible(ro, &staff, "s1"), PVS_OK);
    assert_int_equal(pvs_store_web_site_visible(ro, &other, "s1"),
                     PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_view_devices_json(ro, &staff, "s1", &out), PVS_OK);
    json_ok(&out);
    assert_int_equal(pvs_view_device_json(ro, &staff, "inv1", &out), PVS_OK);
    json_ok(&out);
    pvs_buf_release(&out);
    pvs_store_close(ro);
}

/* fn of pvs_store_web_sites: the site's fields and the overview's */
static void site_check(void *ud, const struct pvs_site_row *s) {
    const struct pvs_field *lat = pvs_entity_field(s->obj.entity, "latitude");
    const struct pvs_val *v = &s->obj.vals[lat - s->obj.entity->fields];

    assert_string_equal(s->obj.id, "s1");
    assert_int_equal(v->kind, PVS_VAL_REAL);
    assert_true(v->d == 45);
    assert_string_equal(s->customer, "c1");
    assert_string_equal(s->obj.source, "config");
    assert_true(s->devices >= 1);
    (*(int *)ud)++;
}

static void device_check(void *ud, const struct pvs_device_row *d) {
    assert_string_equal(d->obj.id, "inv1");
    assert_string_equal(d->site, "s1");
    (*(int *)ud)++;
}

static void sites_and_devices_as_rows(void **state) {
    struct pvs_store *st = open_rw(), *ro;
    struct pvs_scope staff = {PVS_SCOPE_ALL, NULL};
    struct pvs_scope other = {PVS_SCOPE_CUSTOMER, "nobody-here"};
    struct pvs_buf out;
    int64_t total = -1;
    int n = 0;

    (void)state;
    pvs_store_close(st);
    ro = open_ro();
    assert_int_equal(
        pvs_store_web_sites(ro, &staff, "s1", 1, 0, site_check, &n, NULL),
        PVS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(
        pvs_store_web_sites(ro, &other, "s1", 1, 0, site_check, &n, &total),
        PVS_ERR_NOTFOUND);
    assert_int_equal(total, 0);
    assert_int_equal(
        pvs_store_web_devices(ro, &staff, "s1", "inv1", device_check, &n),
        PVS_OK);
    assert_int_equal(n, 2);
    assert_int_equal(
        pvs_store_web_devices(ro, &other, NULL, "inv1", device_check, &n),
        PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_store_web_site_visible(ro, &staff, "s1"), PVS_OK);
    assert_int_equal(pvs_store_web_site_visible(ro, &other, "s1"),
                     PVS_ERR_NOTFOUND);
    pvs_buf_init(&out, 4 << 20);
    assert_int_equal(pvs_view_sites_json(ro, &staff, 50, 0, &out), PVS_OK);
    json_ok(&out);
    assert_int_equal(pvs_view_devices_json(ro, &staff, "s1", &out), PVS_OK);
    json_ok(&out);
    assert_int_equal(pvs_view_device_json(ro, &staff, "inv1", &out), PVS_OK);
    json_ok(&out);
    pvs_buf_release(&out);
    pvs_store_close(ro);
}

static void reads_of_people_and_reports(void **state) {
    struct pvs_store *st = open_rw(), *ro;
    struct pvs_scope staff = {PVS_SCOPE_ALL, NULL};
    struct pvs_buf out;
    char fp[96], actor[32];
    int64_t id, n = 0, at = 0;

    (void)state;
    id = new_ticket(st, "open", fp, sizeof(fp));
    pvs_store_close(st);
    ro = open_ro();
    pvs_buf_init(&out, 4 << 20);
    assert_int_equal(
        pvs_view_objs_json(ro, pvs_entity_find("technician"), NULL, &out),
        PVS_OK);
    json_ok(&out);
    assert_int_equal(
        pvs_view_objs_json(ro, pvs_entity_find("technician"), "t1", &out),
        PVS_OK);
    json_ok(&out);
    assert_int_equal(pvs_view_users_json(ro, &out), PVS_OK);
    json_ok(&out);
    assert_int_equal(pvs_view_tokens_json(ro, 0, &out), PVS_OK);
    json_ok(&out);
    assert_int_equal(pvs_store_web_token_owner(ro, 987654321, &n),
                     PVS_ERR_NOTFOUND);
    assert_int_equal(pvs_view_silences_json(ro, &staff, &out), PVS_OK);
    json_ok(&out);
    assert_int_equal(pvs_view_export_json(ro, "c1", &out), PVS_OK);
    json_ok(&out);
    {
        struct pvs_entity_objs objs;
        memset(&objs, 0, sizeof(objs));
        assert_int_equal(pvs_store_entity_objs(ro, &objs), PVS_OK);
        pvs_entity_objs_release(&objs);
    }
    assert_int_equal(
        pvs_view_objs_json(ro, pvs_store_web_entity("site"), NULL, &out),
        PVS_OK);
    json_ok(&out);
    pvs_buf_reset(&out);
    assert_int_equal(pvs_store_ids(ro, "sites", 0, &out), PVS_OK);
    assert_non_null(strstr(out.data, "s1\n"));
    pvs_buf_reset(&out);
    assert_int_equal(pvs_store_ids(ro, "nonsense", 0, &out), PVS_ERR_INVAL);
    assert_int_equal(pvs_store_count(ro, "tickets", &n), PVS_OK);
    assert_true(n >= 1);
    n = 0;
    assert_int_equal(pvs_store_admin_persons(ro, count_admin, &n), PVS_OK);
    assert_int_equal(
        pvs_store_link_used(ro, id, "nonce-x", actor, sizeof(actor), &at),
        PVS_ERR_NOTFOUND);
    pvs_buf_release(&out);
    pvs_store_close(ro);
}

/* ---- the fleet and telemetry: typed rows ---- */

static void fleet_check(void *ud, const struct pvs_fleet_row *f) {
    assert_non_null(f->id);
    assert_non_null(f->state);
    if (strcmp(f->id, "s1"))
        return;
    assert_true(f->open_tickets >= 1);
    assert_string_equal(f->state, "critical"); /* its worst active ticket */
    *(int *)ud += 1;
}

/* The notice of ticket want->id; want->seen set when seen. */
struct notice_want {
    int64_t id;
    bool seen;
};

static void notice_check(void *ud, const struct pvs_message_row *m) {
    struct notice_want *want = ud;

    assert_string_equal(m->status, "sent");
    if (m->ticket_id != want->id)
        return;
    assert_string_equal(m->site, "s1");
    assert_string_equal(m->subject, "subject");
    assert_non_null(m->body);
    assert_true(m->sent_ms == 20);
    want->seen = true;
}

static void point_sum(void *ud, int64_t ts_ms, double v) {
    double *p = ud;

    assert_true(ts_ms >= 0);
    p[0] += v;
    p[1] += 1;
}

static void fleet_and_telemetry_rows(void **state) {
    struct pvs_store *st = open_rw(), *ro;
    struct pvs_scope staff = {PVS_SCOPE_ALL, NULL};
    struct pvs_scope other = {PVS_SCOPE_CUSTOMER, "nobody-here"};
    struct pvs_sample s[4];
    struct pvs_web_kpis k;
    struct pvs_report rep;
    struct pvs_buf out;
    char fp[96];
    struct notice_want want;
    double kwh[3], pts[2] = {0, 0};
    int64_t id, ob;
    int sites = 0;

    (void)state;
    id = new_ticket(st, "open", fp, sizeof(fp));
    ob = new_outbox(st, id, "notice", fp);
    assert_int_equal(pvs_store_outbox_attempt(st, ob, 20, true, NULL, "sent"),
                     PVS_OK);
    memset(s, 0, sizeof(s));
    for (int i = 0; i < 4; i++) {
        s[i].dev = 0;
        s[i].metric = PVS_M_AC_POWER_W;
        s[i].ts_ms = 3600000 + i * 900000; /* the hour after midnight */
        s[i].value = 1000.0 * (i + 1);
    }
    assert_int_equal(pvs_store_begin(st), PVS_OK);
    assert_int_equal(pvs_store_add_samples(st, cfg, s, 4), PVS_OK);
    assert_int_equal(pvs_store_commit(st), PVS_OK);
    pvs_store_close(st);
    ro = open_ro();
    pvs_buf_init(&out, 4 << 20);
    assert_int_equal(pvs_store_web_series(ro, "s1", "ac_power_w", 0, 86400000,
                                          3600000, point_sum, pts),
                     PVS_OK);
    assert_true(pts[1] >= 1); /* a shared database may hold more */
    assert_true(pts[0] >= 2500 - 1e-6);
    assert_int_equal(pvs_store_web_daily_energy(ro, "s1", 0, 3, kwh), PVS_OK);
    assert_true(kwh[0] >= 2.5 - 1e-6 && kwh[1] >= 0 && kwh[2] >= 0);
    assert_int_equal(pvs_store_web_kpis(ro, &staff, &k), PVS_OK);
    assert_true(k.sites >= 1 && k.devices >= 1 && k.tickets_open >= 1);
    assert_int_equal(pvs_store_web_kpis(ro, &other, &k), PVS_OK);
    assert_true(k.sites == 0 && k.tickets_open == 0);
    assert_int_equal(pvs_store_web_fleet(ro, &staff, fleet_check, &sites),
                     PVS_OK);
    assert_int_equal(sites, 1);
    sites = 0;
    assert_int_equal(pvs_store_web_fleet(ro, &other, fleet_check, &sites),
                     PVS_OK);
    assert_int_equal(sites, 0);
    want.id = id;
    want.seen = false;
    assert_int_equal(pvs_store_web_notices(ro, &staff, notice_check, &want),
                     PVS_OK);
    assert_true(want.seen);
    want.seen = false;
    assert_int_equal(pvs_store_web_notices(ro, &other, notice_check, &want),
                     PVS_OK);
    assert_false(want.seen);
    memset(&rep, 0, sizeof(rep));
    assert_int_equal(pvs_store_report(ro, 0, &rep, NULL, NULL), PVS_OK);
    assert_true(rep.fig[PVS_REPORT_TICKETS_OPENED] >= 1);
    assert_true(rep.fig[PVS_REPORT_NOTICES_SENT] >= 1);
    assert_true(isnan(rep.fig[PVS_REPORT_TO_ACKNOWLEDGE_H]) ||
                rep.fig[PVS_REPORT_TO_ACKNOWLEDGE_H] >= 0);
    pvs_buf_release(&out);
    pvs_store_close(ro);
}

/* ---- backend operations with a default ---- */

static void check_and_backup_or_unsupported(void **state) {
    struct pvs_store *st = open_rw();
    char dst[128], msg[200];
    int64_t pages = 0;
    enum pvs_err rc;

    (void)state;
    rc = pvs_store_check(st);
    assert_true(rc == PVS_OK || rc == PVS_ERR_UNSUPPORTED);
    pvs_snprintf(dst, sizeof(dst), "%s/backup.db", dir);
    rc = pvs_store_backup(st, dst, &pages, msg, sizeof(msg));
    assert_true(rc == PVS_OK || rc == PVS_ERR_UNSUPPORTED);
    if (rc == PVS_OK) {
        assert_true(pages > 0);
        assert_int_equal(access(dst, F_OK), 0);
    }
    pvs_store_close(st);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(database_setting_picks_the_backend,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(database_setting_in_the_config, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(batch_commits_or_rolls_back_whole,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(failed_write_fails_the_batch, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(refusal_leaves_the_batch_alone, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(read_only_handle_refuses_writes, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(tickets_roundtrip, setup, teardown),
        cmocka_unit_test_setup_teardown(one_open_ticket_per_fingerprint, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(ticket_lists, setup, teardown),
        cmocka_unit_test_setup_teardown(outbox_lifecycle, setup, teardown),
        cmocka_unit_test_setup_teardown(alerts_and_restore, setup, teardown),
        cmocka_unit_test_setup_teardown(samples_rollups_devices, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(clear_sky_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(meta_learnt_prefs, setup, teardown),
        cmocka_unit_test_setup_teardown(surveys_once, setup, teardown),
        cmocka_unit_test_setup_teardown(appointments_and_contacts, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(api_objects_neutral_errors, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(users_tokens_sessions, setup, teardown),
        cmocka_unit_test_setup_teardown(silences_and_erasure, setup, teardown),
        cmocka_unit_test_setup_teardown(ticket_reads_are_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(reads_answer_json, setup, teardown),
        cmocka_unit_test_setup_teardown(sites_and_devices_as_rows, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(fleet_and_telemetry_rows, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(reads_of_people_and_reports, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(check_and_backup_or_unsupported, setup,
                                        teardown),
    };

    srand((unsigned)getpid());
    return cmocka_run_group_tests(tests, NULL, NULL);
}
