/* SPDX-License-Identifier: MIT */
/*
 * dispatch.c - the store's dispatch layer: picks the backend the `database`
 * setting names and forwards every pvs_store_* call to its table of
 * operations (store_ops.h).
 *
 * DESIGN
 *
 * Batches keep their first write failure. Between pvs_store_begin and
 * pvs_store_commit the engine makes dozens of writes (samples, alert
 * transitions, tickets, events, outbox rows); one that fails must not
 * leave the others committed, or a customer is mailed about an
 * appointment that was never stored. So the dispatch layer, not each
 * caller, remembers the first write that failed with something other than
 * a neutral refusal (see store_ops.h) and turns the commit into a
 * rollback that returns that error. The backend already logged the
 * failure, once; the caller tells what the lost batch means.
 */
#define PVS_LOG_MODULE "store"
#include <ctype.h>
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pvs/log.h"
#include "pvs/store_ops.h"

struct pvs_store {
    const struct pvs_store_ops *ops;
    struct pvs_store_be *be;
    bool in_batch;
    enum pvs_err batch_rc; /* first write failure of the batch */
    const char *batch_op;  /* the operation that failed */
    /* pvs_store_inject: the next call of fault_op fails with fault_rc */
    char fault_op[48];
    enum pvs_err fault_rc;
};

/* The backends built in, by the scheme that selects them. */
static const struct {
    const char *scheme; /* prefix of the `database` value */
    const struct pvs_store_ops *ops;
} backends[] = {
    {"sqlite:", &pvs_sqlite_ops},
    {"postgresql://", &pvs_pg_ops},
    {"postgres://", &pvs_pg_ops},
};

/* Schemes that name a backend this build may lack. */
static const struct {
    const char *scheme, *name;
} known[] = {
    {"postgresql://", "postgresql"},
    {"postgres://", "postgresql"},
};

enum pvs_err pvs_store_backend(const char *target,
                               const struct pvs_store_ops **ret_ops,
                               const char **ret_rest) {
    size_t len;

    for (size_t i = 0; i < PVS_ARRAY_LEN(backends); i++) {
        len = strlen(backends[i].scheme);
        if (!strncmp(target, backends[i].scheme, len)) {
            *ret_ops = backends[i].ops;
            /* sqlite:PATH gives PATH; a URL goes to its backend whole */
            *ret_rest =
                backends[i].scheme[len - 1] == ':' ? target + len : target;
            return PVS_OK;
        }
    }
    for (size_t i = 0; i < PVS_ARRAY_LEN(known); i++)
        if (!strncmp(target, known[i].scheme, strlen(known[i].scheme)))
            return PVS_ERR_UNSUPPORTED;
    *ret_ops = &pvs_sqlite_ops; /* a plain path */
    *ret_rest = target;
    return PVS_OK;
}

enum pvs_err pvs_store_open(const char *target, unsigned flags,
                            struct pvs_store **ret) {
    const struct pvs_store_ops *ops = NULL;
    struct pvs_store_be *be = NULL;
    struct pvs_store *st;
    const char *rest = NULL;
    enum pvs_err rc;

    rc = pvs_store_backend(target, &ops, &rest);
    if (rc) {
        /* Only the scheme: the rest of a URL may hold a password. */
        pvs_error("cannot open the %.*s database: this pvsentry is built "
                  "without that backend",
                  (int)strcspn(target, ":"), target);
        return rc;
    }
    rc = ops->open(rest, flags, &be);
    if (rc)
        return rc;
    st = pvs_calloc(1, sizeof(*st));
    st->ops = ops;
    st->be = be;
    *ret = st;
    return PVS_OK;
}

void pvs_store_close(struct pvs_store *st) {
    if (!st)
        return;
    st->ops->close(st->be);
    pvs_free(st);
}

struct pvs_store_be *pvs_store_be_of(struct pvs_store *st,
                                     const struct pvs_store_ops *ops) {
    return st && st->ops == ops ? st->be : NULL;
}

const char *pvs_store_backend_name(struct pvs_store *st) {
    return st->ops->name;
}

int pvs_store_version(struct pvs_store *st) {
    return st->ops->version(st->be);
}

const char *pvs_store_errmsg(struct pvs_store *st) {
    return st ? st->ops->errmsg(st->be) : "no database";
}

enum pvs_err pvs_store_begin(struct pvs_store *st) {
    enum pvs_err rc = st->ops->begin(st->be);

    st->in_batch = rc == PVS_OK;
    st->batch_rc = PVS_OK;
    st->batch_op = NULL;
    return rc;
}

enum pvs_err pvs_store_commit(struct pvs_store *st) {
    enum pvs_err rc = st->batch_rc;

    if (rc) {
        /* The backend logged the write's failure; the caller says what
         * the lost batch means. */
        pvs_debug("batch rolled back: its %s write failed (%s)", st->batch_op,
                  pvs_err_str(rc));
        st->ops->rollback(st->be);
    } else {
        rc = st->ops->commit(st->be);
    }
    st->in_batch = false;
    st->batch_rc = PVS_OK;
    st->batch_op = NULL;
    return rc;
}

void pvs_store_rollback(struct pvs_store *st) {
    st->ops->rollback(st->be);
    st->in_batch = false;
    st->batch_rc = PVS_OK;
    st->batch_op = NULL;
}

enum pvs_err pvs_store_batch_error(struct pvs_store *st) {
    return st->batch_rc;
}

void pvs_store_inject(struct pvs_store *st, const char *op, enum pvs_err rc) {
    pvs_strlcpy(st->fault_op, op ? op : "", sizeof(st->fault_op));
    st->fault_rc = rc;
}

/* Whether op is the operation a test asked to fail (once). */
static bool injected(struct pvs_store *st, const char *op) {
    if (!st->fault_op[0] || strcmp(st->fault_op, op))
        return false;
    st->fault_op[0] = '\0';
    pvs_error("%s failed: injected fault (%s)", op, pvs_err_str(st->fault_rc));
    return true;
}

/*
 * A write's result: a neutral refusal changed nothing and leaves the batch
 * alone; any other failure sticks to the batch in progress.
 */
static enum pvs_err batch_note(struct pvs_store *st, const char *op,
                               enum pvs_err rc) {
    switch (rc) {
    case PVS_OK:
    case PVS_ERR_NOTFOUND:
    case PVS_ERR_EXISTS:
    case PVS_ERR_DENIED:
    case PVS_ERR_INVAL:
    case PVS_ERR_FULL:
        break;
    default:
        if (st->in_batch && !st->batch_rc) {
            st->batch_rc = rc;
            st->batch_op = op;
        }
        break;
    }
    return rc;
}

static enum pvs_err unsupported(struct pvs_store *st, const char *op) {
    pvs_debug("%s: the %s backend has no such operation", op, st->ops->name);
    return PVS_ERR_UNSUPPORTED;
}

/*
 * Call operation op of the backend, or the default when it has none; a
 * write goes through batch_note, and may be a fault a test injected.
 */
#define READ(op, ...)                                                          \
    (st->ops->op ? st->ops->op(st->be, __VA_ARGS__) : unsupported(st, #op))
#define READ0(op) (st->ops->op ? st->ops->op(st->be) : unsupported(st, #op))
#define WRITE(op, ...)                                                         \
    batch_note(st, #op,                                                        \
               injected(st, #op) ? st->fault_rc : READ(op, __VA_ARGS__))

enum pvs_err pvs_store_sync_config(struct pvs_store *st,
                                   const struct pvs_config *cfg) {
    return WRITE(sync_config, cfg);
}

enum pvs_err pvs_store_add_samples(struct pvs_store *st,
                                   const struct pvs_config *cfg,
                                   const struct pvs_sample *s, size_t n) {
    return WRITE(add_samples, cfg, s, n);
}

enum pvs_err pvs_store_prune_samples(struct pvs_store *st, int64_t before_ms,
                                     int64_t *ret_deleted) {
    return WRITE(prune_samples, before_ms, ret_deleted);
}

enum pvs_err pvs_store_rollup_add(struct pvs_store *st,
                                  const struct pvs_rollup_delta *d, size_t n) {
    return WRITE(rollup_add, d, n);
}

enum pvs_err pvs_store_sky_put(struct pvs_store *st, const char *site,
                               bool daily, const struct pvs_sky_row *r,
                               size_t n) {
    return WRITE(sky_put, site, daily, r, n);
}

enum pvs_err pvs_store_sky_read(struct pvs_store *st, const char *site,
                                bool daily, int64_t from_ms, int64_t to_ms,
                                pvs_store_sky_fn *fn, void *ud,
                                int64_t *ret_rows) {
    return READ(sky_read, site, daily, from_ms, to_ms, fn, ud, ret_rows);
}

enum pvs_err pvs_store_sky_prune(struct pvs_store *st, int64_t before_ms) {
    return WRITE(sky_prune, before_ms);
}

enum pvs_err pvs_store_rollup_read(struct pvs_store *st, const char *site,
                                   bool daily, int64_t from_ms, int64_t to_ms,
                                   pvs_store_rollup_fn *fn, void *ud,
                                   int64_t *ret_rows) {
    return READ(rollup_read, site, daily, from_ms, to_ms, fn, ud, ret_rows);
}

enum pvs_err pvs_store_device_info(struct pvs_store *st, const char *device,
                                   const char *serial, const char *manufacturer,
                                   const char *model, int64_t ts_ms,
                                   bool *ret_replaced) {
    return WRITE(device_info, device, serial, manufacturer, model, ts_ms,
                 ret_replaced);
}

enum pvs_err pvs_store_add_alert(struct pvs_store *st,
                                 const struct pvs_alert_event *ev) {
    return WRITE(add_alert, ev);
}

enum pvs_err pvs_store_firing_alerts(struct pvs_store *st,
                                     const struct pvs_config *cfg,
                                     pvs_store_alert_fn *fn, void *ud) {
    return READ(firing_alerts, cfg, fn, ud);
}

enum pvs_err pvs_store_learnt_put(struct pvs_store *st, const char *rule,
                                  const char *device, const char *text) {
    return WRITE(learnt_put, rule, device, text);
}

enum pvs_err pvs_store_learnt_each(struct pvs_store *st,
                                   pvs_store_learnt_fn *fn, void *ud) {
    return READ(learnt_each, fn, ud);
}

enum pvs_err pvs_store_recent_samples(struct pvs_store *st,
                                      const char *const *devices, size_t n,
                                      int64_t since_ms, pvs_store_sample_fn *fn,
                                      void *ud) {
    return READ(recent_samples, devices, n, since_ms, fn, ud);
}

enum pvs_err pvs_store_ticket_by_fp(struct pvs_store *st, const char *fp,
                                    struct pvs_ticket *ret) {
    return READ(ticket_by_fp, fp, ret);
}

enum pvs_err pvs_store_ticket_get(struct pvs_store *st, int64_t id,
                                  struct pvs_ticket *ret) {
    return READ(ticket_get, id, ret);
}

enum pvs_err pvs_store_ticket_create(struct pvs_store *st,
                                     struct pvs_ticket *t) {
    return WRITE(ticket_create, t);
}

enum pvs_err pvs_store_ticket_update(struct pvs_store *st,
                                     const struct pvs_ticket *t) {
    return WRITE(ticket_update, t);
}

enum pvs_err pvs_store_ticket_event(struct pvs_store *st, int64_t ticket_id,
                                    int64_t ts_ms, const char *kind,
                                    const char *actor, const char *text) {
    return WRITE(ticket_event, ticket_id, ts_ms, kind, actor, text);
}

enum pvs_err pvs_store_outbox_add(struct pvs_store *st, struct pvs_outbox *o) {
    return WRITE(outbox_add, o);
}

enum pvs_err pvs_store_outbox_get(struct pvs_store *st, int64_t id,
                                  struct pvs_outbox *ret) {
    return READ(outbox_get, id, ret);
}

enum pvs_err pvs_store_outbox_pending(struct pvs_store *st, int64_t **ret_ids,
                                      size_t *ret_n) {
    return READ(outbox_pending, ret_ids, ret_n);
}

enum pvs_err pvs_store_outbox_attempt(struct pvs_store *st, int64_t id,
                                      int64_t ts_ms, bool ok, const char *error,
                                      const char *new_status) {
    return WRITE(outbox_attempt, id, ts_ms, ok, error, new_status);
}

enum pvs_err pvs_store_tickets_list(struct pvs_store *st, size_t limit,
                                    const struct pvs_ticket_list_fns *fns,
                                    void *ud) {
    return READ(tickets_list, limit, fns, ud);
}

enum pvs_err pvs_store_count(struct pvs_store *st, const char *table,
                             int64_t *ret) {
    return READ(count, table, ret);
}

const char *const pvs_store_tables[] = {
    "meta",
    "sites",
    "devices",
    "people",
    "device_replacements",
    "readings",
    "rollup_hour",
    "rollup_day",
    "alerts",
    "tickets",
    "ticket_events",
    "outbox",
    "delivery_attempts",
    "users",
    "api_tokens",
    "sessions",
    "api_silences",
    "audit",
    "surveys",
    "appointments",
    "contacts",
    "customer_prefs",
    "mqtt_maps",
    NULL,
};

enum pvs_err pvs_store_rows_each(struct pvs_store *st, const char *table,
                                 pvs_store_row_fn *fn, void *ud) {
    return READ(rows_each, table, fn, ud);
}

enum pvs_err pvs_store_row_put(struct pvs_store *st, const char *table,
                               size_t n, const char *const *cols,
                               const char *const *vals) {
    return WRITE(row_put, table, n, cols, vals);
}

enum pvs_err pvs_store_rows_count(struct pvs_store *st, const char *table,
                                  int64_t *ret) {
    return READ(rows_count, table, ret);
}

enum pvs_err pvs_store_rows_clear(struct pvs_store *st) {
    return batch_note(st, "rows_clear", READ0(rows_clear));
}

enum pvs_err pvs_store_rows_done(struct pvs_store *st) {
    return batch_note(st, "rows_done", READ0(rows_done));
}

enum pvs_err pvs_store_ids(struct pvs_store *st, const char *kind, size_t limit,
                           struct pvs_buf *out) {
    return READ(ids, kind, limit, out);
}

enum pvs_err pvs_store_check(struct pvs_store *st) {
    return READ0(check);
}

enum pvs_err pvs_store_backup(struct pvs_store *st, const char *dst_path,
                              int64_t *ret_pages, char *msg, size_t msgsize) {
    if (!st->ops->backup)
        pvs_snprintf(msg, msgsize,
                     "the %s store has no backup of its own: use the "
                     "database server's tools",
                     st->ops->name);
    return READ(backup, dst_path, ret_pages, msg, msgsize);
}

enum pvs_err pvs_store_flow_get(struct pvs_store *st, int64_t ticket_id,
                                struct pvs_ticket_flow *ret) {
    return READ(flow_get, ticket_id, ret);
}

enum pvs_err pvs_store_flow_set(struct pvs_store *st, int64_t ticket_id,
                                const struct pvs_ticket_flow *f) {
    return WRITE(flow_set, ticket_id, f);
}

enum pvs_err pvs_store_alert_latest(struct pvs_store *st, const char *fp,
                                    bool *ret_firing, double *ret_per_day) {
    return READ(alert_latest, fp, ret_firing, ret_per_day);
}

enum pvs_err pvs_store_last_reading(struct pvs_store *st, const char *device,
                                    const char *metric, double *ret) {
    return READ(last_reading, device, metric, ret);
}

enum pvs_err pvs_store_outbox_set_body(struct pvs_store *st, int64_t id,
                                       const char *body) {
    return WRITE(outbox_set_body, id, body);
}

enum pvs_err pvs_store_open_by_assignee(struct pvs_store *st,
                                        pvs_store_count_fn *fn, void *ud) {
    return READ(open_by_assignee, fn, ud);
}

enum pvs_err pvs_store_admin_persons(struct pvs_store *st,
                                     pvs_store_count_fn *fn, void *ud) {
    return READ(admin_persons, fn, ud);
}

enum pvs_err pvs_store_fixed_tickets(struct pvs_store *st, int64_t **ret_ids,
                                     size_t *ret_n) {
    return READ(fixed_tickets, ret_ids, ret_n);
}

enum pvs_err pvs_store_escalations_due(struct pvs_store *st, int64_t now_ms,
                                       int64_t **ret_ids, size_t *ret_n) {
    return READ(escalations_due, now_ms, ret_ids, ret_n);
}

enum pvs_err pvs_store_outbox_hold(struct pvs_store *st, int64_t id,
                                   int64_t not_before_ms, const char *note) {
    return WRITE(outbox_hold, id, not_before_ms, note);
}

enum pvs_err pvs_store_held_due(struct pvs_store *st, int64_t now_ms,
                                int64_t **ret_ids, size_t *ret_n) {
    return READ(held_due, now_ms, ret_ids, ret_n);
}

enum pvs_err pvs_store_outbox_set(struct pvs_store *st, int64_t id,
                                  const char *status, int64_t not_before_ms,
                                  const char *note) {
    return WRITE(outbox_set, id, status, not_before_ms, note);
}

enum pvs_err pvs_store_outbox_latest(struct pvs_store *st, int64_t ticket_id,
                                     const char *audience, const char *kind,
                                     char *ret_status, size_t size,
                                     int64_t *ret_id) {
    return READ(outbox_latest, ticket_id, audience, kind, ret_status, size,
                ret_id);
}

enum pvs_err pvs_store_to_close(struct pvs_store *st, int64_t before_ms,
                                int64_t **ret_ids, size_t *ret_n) {
    return READ(to_close, before_ms, ret_ids, ret_n);
}

enum pvs_err pvs_store_survey_candidates(struct pvs_store *st,
                                         int64_t before_ms, int64_t **ret_ids,
                                         size_t *ret_n) {
    return READ(survey_candidates, before_ms, ret_ids, ret_n);
}

enum pvs_err pvs_store_last_survey(struct pvs_store *st, const char *customer,
                                   int64_t *ret_ms) {
    return READ(last_survey, customer, ret_ms);
}

enum pvs_err pvs_store_survey_add(struct pvs_store *st, int64_t ticket_id,
                                  const char *customer, int64_t sent_ms,
                                  bool sent) {
    return WRITE(survey_add, ticket_id, customer, sent_ms, sent);
}

enum pvs_err pvs_store_survey_answer(struct pvs_store *st, int64_t ticket_id,
                                     int csat, const char *comment,
                                     int64_t ts_ms) {
    return WRITE(survey_answer, ticket_id, csat, comment, ts_ms);
}

enum pvs_err pvs_store_survey_state(struct pvs_store *st, int64_t ticket_id,
                                    enum pvs_survey_state *ret) {
    return READ(survey_state, ticket_id, ret);
}

enum pvs_err pvs_store_link_used(struct pvs_store *st, int64_t ticket_id,
                                 const char *nonce, char *ret_actor,
                                 size_t size, int64_t *ret_ms) {
    return READ(link_used, ticket_id, nonce, ret_actor, size, ret_ms);
}

enum pvs_err pvs_store_appointment_add(struct pvs_store *st, int64_t ticket_id,
                                       int64_t slot_ms, const char *by,
                                       int64_t now_ms, int64_t *ret_id) {
    return WRITE(appointment_add, ticket_id, slot_ms, by, now_ms, ret_id);
}

enum pvs_err pvs_store_appointment_latest(struct pvs_store *st,
                                          int64_t ticket_id, int64_t *ret_id,
                                          int64_t *ret_slot, char *ret_status,
                                          size_t size) {
    return READ(appointment_latest, ticket_id, ret_id, ret_slot, ret_status,
                size);
}

enum pvs_err pvs_store_appointment_set(struct pvs_store *st, int64_t id,
                                       const char *status, int64_t now_ms) {
    return WRITE(appointment_set, id, status, now_ms);
}

enum pvs_err pvs_store_reminders_due(struct pvs_store *st, int64_t before_ms,
                                     int64_t **ret_ids, size_t *ret_n) {
    return READ(reminders_due, before_ms, ret_ids, ret_n);
}

enum pvs_err pvs_store_appointment_remind(struct pvs_store *st, int64_t id,
                                          int64_t *ret_ticket,
                                          int64_t *ret_slot) {
    return WRITE(appointment_remind, id, ret_ticket, ret_slot);
}

enum pvs_err pvs_store_contact_add(struct pvs_store *st, const char *site,
                                   int64_t ticket_id, int64_t ts_ms,
                                   const char *actor, const char *text) {
    return WRITE(contact_add, site, ticket_id, ts_ms, actor, text);
}

enum pvs_err pvs_store_site_active_ticket(struct pvs_store *st,
                                          const char *site, int64_t *ret_id) {
    return READ(site_active_ticket, site, ret_id);
}

enum pvs_err pvs_store_device_active(struct pvs_store *st, const char *device,
                                     enum pvs_family_set set, int64_t **ret_ids,
                                     size_t *ret_n) {
    return READ(device_active, device, set, ret_ids, ret_n);
}

enum pvs_err pvs_store_site_history(struct pvs_store *st, const char *site,
                                    int64_t except, size_t max,
                                    struct pvs_buf *out) {
    return READ(site_history, site, except, max, out);
}

enum pvs_err pvs_store_prefs_set(struct pvs_store *st, const char *customer,
                                 const char *channel, const char *language,
                                 const char *quiet_hours, int opt_out,
                                 int64_t now_ms) {
    return WRITE(prefs_set, customer, channel, language, quiet_hours, opt_out,
                 now_ms);
}

enum pvs_err pvs_store_prefs_get(struct pvs_store *st, const char *customer,
                                 char *channel, char *language,
                                 char *quiet_hours, size_t size,
                                 int *ret_opt_out) {
    return READ(prefs_get, customer, channel, language, quiet_hours, size,
                ret_opt_out);
}

enum pvs_err pvs_store_meta_get(struct pvs_store *st, const char *key,
                                char **ret) {
    return READ(meta_get, key, ret);
}

enum pvs_err pvs_store_meta_set(struct pvs_store *st, const char *key,
                                const char *value) {
    return WRITE(meta_set, key, value);
}

enum pvs_err pvs_store_web_user_by_name(struct pvs_store *st,
                                        const char *username,
                                        struct pvs_web_user *ret) {
    return READ(web_user_by_name, username, ret);
}

enum pvs_err pvs_store_web_user_by_token(struct pvs_store *st, const char *hash,
                                         int64_t now_ms,
                                         struct pvs_web_user *ret) {
    return READ(web_user_by_token, hash, now_ms, ret);
}

enum pvs_err pvs_store_web_user_by_session(struct pvs_store *st,
                                           const char *hash, int64_t now_ms,
                                           struct pvs_web_user *ret) {
    return READ(web_user_by_session, hash, now_ms, ret);
}

enum pvs_err pvs_store_web_ticket_visible(struct pvs_store *st,
                                          const struct pvs_scope *scope,
                                          int64_t id) {
    return READ(web_ticket_visible, scope, id);
}

enum pvs_err pvs_store_web_site_visible(struct pvs_store *st,
                                        const struct pvs_scope *scope,
                                        const char *id) {
    return READ(web_site_visible, scope, id);
}

enum pvs_err pvs_store_web_token_owner(struct pvs_store *st, int64_t id,
                                       int64_t *ret_user) {
    return READ(web_token_owner, id, ret_user);
}

enum pvs_err pvs_store_web_alerts(struct pvs_store *st,
                                  const struct pvs_scope *scope,
                                  pvs_store_alert_row_fn *fn, void *ud) {
    return READ(web_alerts, scope, fn, ud);
}

enum pvs_err pvs_store_web_daily_energy(struct pvs_store *st, const char *site,
                                        int64_t from_ms, int days,
                                        double *ret_kwh) {
    return READ(web_daily_energy, site, from_ms, days, ret_kwh);
}

enum pvs_err pvs_store_web_kpis(struct pvs_store *st,
                                const struct pvs_scope *scope,
                                struct pvs_web_kpis *ret) {
    return READ(web_kpis, scope, ret);
}

enum pvs_err pvs_store_web_user_create(struct pvs_store *st,
                                       const char *username, const char *role,
                                       const char *person, const char *pwhash,
                                       int64_t now_ms,
                                       struct pvs_web_result *res) {
    return WRITE(web_user_create, username, role, person, pwhash, now_ms, res);
}

enum pvs_err pvs_store_web_user_delete(struct pvs_store *st, int64_t id,
                                       struct pvs_web_result *res) {
    return WRITE(web_user_delete, id, res);
}

enum pvs_err pvs_store_web_user_password(struct pvs_store *st, int64_t id,
                                         const char *pwhash,
                                         struct pvs_web_result *res) {
    return WRITE(web_user_password, id, pwhash, res);
}

enum pvs_err pvs_store_web_token_create(struct pvs_store *st, int64_t user_id,
                                        const char *name, const char *hash,
                                        int64_t now_ms, int64_t expires_ms,
                                        struct pvs_web_result *res) {
    return WRITE(web_token_create, user_id, name, hash, now_ms, expires_ms,
                 res);
}

enum pvs_err pvs_store_web_token_revoke(struct pvs_store *st, int64_t id,
                                        int64_t now_ms,
                                        struct pvs_web_result *res) {
    return WRITE(web_token_revoke, id, now_ms, res);
}

enum pvs_err pvs_store_web_session_create(struct pvs_store *st, int64_t user_id,
                                          const char *hash, int64_t now_ms,
                                          int64_t expires_ms,
                                          struct pvs_web_result *res) {
    return WRITE(web_session_create, user_id, hash, now_ms, expires_ms, res);
}

enum pvs_err pvs_store_web_session_delete(struct pvs_store *st,
                                          const char *hash,
                                          struct pvs_web_result *res) {
    return WRITE(web_session_delete, hash, res);
}

enum pvs_err pvs_store_web_prune_personal(struct pvs_store *st,
                                          int64_t before_ms, int64_t *ret_n) {
    return WRITE(web_prune_personal, before_ms, ret_n);
}

enum pvs_err pvs_store_web_audit(struct pvs_store *st, int64_t now_ms,
                                 const char *actor, const char *action,
                                 const char *object) {
    return WRITE(web_audit, now_ms, actor, action, object);
}

/* ---- store_views.h: the API's reads of tickets and telemetry ---- */

enum pvs_err pvs_store_web_tickets(struct pvs_store *st,
                                   const struct pvs_scope *scope,
                                   const struct pvs_ticket_filter *f,
                                   pvs_store_ticket_row_fn *fn, void *ud,
                                   int64_t *ret_total) {
    return READ(web_tickets, scope, f, fn, ud, ret_total);
}

enum pvs_err pvs_store_web_ticket(struct pvs_store *st,
                                  const struct pvs_scope *scope, int64_t id,
                                  bool staff, pvs_store_ticket_row_fn *fn,
                                  void *ud) {
    return READ(web_ticket, scope, id, staff, fn, ud);
}

enum pvs_err pvs_store_web_ticket_events(struct pvs_store *st, int64_t id,
                                         bool staff, pvs_store_event_row_fn *fn,
                                         void *ud) {
    return READ(web_ticket_events, id, staff, fn, ud);
}

enum pvs_err pvs_store_web_ticket_alert(struct pvs_store *st, int64_t id,
                                        pvs_store_ticket_alert_fn *fn,
                                        void *ud) {
    return READ(web_ticket_alert, id, fn, ud);
}

enum pvs_err pvs_store_web_ticket_messages(struct pvs_store *st, int64_t id,
                                           pvs_store_message_row_fn *fn,
                                           void *ud) {
    return READ(web_ticket_messages, id, fn, ud);
}

enum pvs_err pvs_store_web_notices(struct pvs_store *st,
                                   const struct pvs_scope *scope,
                                   pvs_store_message_row_fn *fn, void *ud) {
    return READ(web_notices, scope, fn, ud);
}

enum pvs_err pvs_store_web_fleet(struct pvs_store *st,
                                 const struct pvs_scope *scope,
                                 pvs_store_fleet_row_fn *fn, void *ud) {
    return READ(web_fleet, scope, fn, ud);
}

enum pvs_err pvs_store_web_series(struct pvs_store *st, const char *site,
                                  const char *metric, int64_t from_ms,
                                  int64_t to_ms, int64_t step_ms,
                                  pvs_store_point_fn *fn, void *ud) {
    return READ(web_series, site, metric, from_ms, to_ms, step_ms, fn, ud);
}

/* ---- store_objects.h: the API's objects as typed rows ---- */

const char *pvs_store_label(struct pvs_store *st) {
    return st->ops->label ? st->ops->label(st->be) : st->ops->name;
}

enum pvs_err pvs_store_obj_facts(struct pvs_store *st,
                                 const struct pvs_entity *e, const char *id,
                                 struct pvs_obj_facts *ret) {
    return READ(obj_facts, e, id, ret);
}

enum pvs_err pvs_store_obj_uses(struct pvs_store *st,
                                const struct pvs_entity *e, const char *id,
                                int64_t *ret) {
    return READ(obj_uses, e, id, ret);
}

enum pvs_err pvs_store_obj_rows(struct pvs_store *st,
                                const struct pvs_entity *e, const char *id,
                                bool api_only, pvs_store_obj_fn *fn, void *ud) {
    return READ(obj_rows, e, id, api_only, fn, ud);
}

enum pvs_err pvs_store_web_sites(struct pvs_store *st,
                                 const struct pvs_scope *scope, const char *id,
                                 int64_t limit, int64_t offset,
                                 pvs_store_site_fn *fn, void *ud,
                                 int64_t *ret_total) {
    return READ(web_sites, scope, id, limit, offset, fn, ud, ret_total);
}

enum pvs_err pvs_store_web_devices(struct pvs_store *st,
                                   const struct pvs_scope *scope,
                                   const char *site, const char *id,
                                   pvs_store_device_fn *fn, void *ud) {
    return READ(web_devices, scope, site, id, fn, ud);
}

enum pvs_err pvs_store_web_users(struct pvs_store *st, pvs_store_user_fn *fn,
                                 void *ud) {
    return READ(web_users, fn, ud);
}

enum pvs_err pvs_store_web_tokens(struct pvs_store *st, int64_t user_id,
                                  pvs_store_token_fn *fn, void *ud) {
    return READ(web_tokens, user_id, fn, ud);
}

enum pvs_err pvs_store_web_silences(struct pvs_store *st,
                                    const struct pvs_scope *scope,
                                    pvs_store_obj_fn *fn, void *ud) {
    return READ(web_silences, scope, fn, ud);
}

enum pvs_err pvs_store_obj_write(struct pvs_store *st,
                                 const struct pvs_entity *e, const char *id,
                                 const struct pvs_val *vals, bool create,
                                 const char *actor, int64_t now_ms,
                                 int64_t *ret_id) {
    return WRITE(obj_write, e, id, vals, create, actor, now_ms, ret_id);
}

enum pvs_err pvs_store_obj_delete(struct pvs_store *st,
                                  const struct pvs_entity *e, const char *id) {
    return WRITE(obj_delete, e, id);
}

enum pvs_err pvs_store_obj_erase_customer(struct pvs_store *st,
                                          const char *id) {
    return WRITE(obj_erase_customer, id);
}

bool pvs_store_kept(struct pvs_store *st) {
    return st->ops->kept && st->ops->kept(st->be);
}

enum pvs_err pvs_store_report(struct pvs_store *st, int64_t since_ms,
                              struct pvs_report *ret,
                              pvs_store_count_fn *per_rule, void *ud) {
    return READ(report, since_ms, ret, per_rule, ud);
}

/* ---- store_outbox.h: a store several processes share ---- */

bool pvs_store_shared(struct pvs_store *st) {
    return st->ops->outbox_claim != NULL;
}

static char claimant[192];
static char claimant_who[130]; /* the worker's name, else the host's */
static pthread_once_t claimant_once = PTHREAD_ONCE_INIT;

/* Kept to characters that need no quoting anywhere. */
static void claimant_clean(char *p) {
    for (; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '.' && *p != '-' && *p != '_')
            *p = '_';
}

/* Who, pid and start time: unique among the processes that ever share
 * one database, and readable in `outbox.claimed_by`. */
static void claimant_make(void) {
    if (!claimant_who[0]) {
        if (gethostname(claimant_who, sizeof(claimant_who) - 1))
            pvs_strlcpy(claimant_who, "localhost", sizeof(claimant_who));
        claimant_who[sizeof(claimant_who) - 1] = '\0';
    }
    claimant_clean(claimant_who);
    pvs_snprintf(claimant, sizeof(claimant), "%s:%ld:%lld", claimant_who,
                 (long)getpid(), (long long)time(NULL));
}

void pvs_store_claimant_name(const char *who) {
    if (who && who[0])
        pvs_strlcpy(claimant_who, who, sizeof(claimant_who));
}

const char *pvs_store_claimant(void) {
    pthread_once(&claimant_once, claimant_make);
    return claimant;
}

enum pvs_err pvs_store_outbox_claim(struct pvs_store *st, const char *who,
                                    int64_t ttl_ms, size_t max,
                                    int64_t **ret_ids, size_t *ret_n) {
    return READ(outbox_claim, who, ttl_ms, max, ret_ids, ret_n);
}

enum pvs_err pvs_store_outbox_renew(struct pvs_store *st, const char *who,
                                    int64_t ttl_ms, const int64_t *ids,
                                    size_t n, size_t *ret_n) {
    return READ(outbox_renew, who, ttl_ms, ids, n, ret_n);
}

enum pvs_err pvs_store_outbox_unclaim(struct pvs_store *st, const char *who) {
    return READ(outbox_unclaim, who);
}

enum pvs_err pvs_store_announce(struct pvs_store *st, const char *who) {
    return WRITE(announce, who);
}

struct pvs_store_listen {
    const struct pvs_store_ops *ops;
    void *be;
};

enum pvs_err pvs_store_listen_start(const char *target, const char *me,
                                    pvs_store_changed_fn *fn, void *ud,
                                    struct pvs_store_listen **ret) {
    const struct pvs_store_ops *ops = NULL;
    const char *rest = NULL;
    struct pvs_store_listen *l;
    void *be = NULL;
    enum pvs_err rc;

    rc = pvs_store_backend(target, &ops, &rest);
    if (rc)
        return rc;
    if (!ops->listen_start)
        return PVS_ERR_UNSUPPORTED;
    rc = ops->listen_start(rest, me, fn, ud, &be);
    if (rc)
        return rc;
    l = pvs_calloc(1, sizeof(*l));
    l->ops = ops;
    l->be = be;
    *ret = l;
    return PVS_OK;
}

void pvs_store_listen_free(struct pvs_store_listen *l) {
    if (!l)
        return;
    l->ops->listen_free(l->be);
    pvs_free(l);
}
