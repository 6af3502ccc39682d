/* SPDX-License-Identifier: MIT */
/*
 * pg_int.h - the PostgreSQL backend's handle and query helpers, shared by
 * the files of core/store/pg (the only ones that include libpq-fe.h).
 */
#ifndef PVS_PG_INT_H
#define PVS_PG_INT_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pvs/store_ops.h"
#include "pvs/util.h"

/*
 * A ticket someone still has to act on (ticket_types.h,
 * pvs_ticket_is_active), for queries on the tickets table.
 */
#define PVS_PG_ACTIVE_SQL                                                      \
    "status NOT IN ('resolved', 'closed', 'false_alarm', 'merged')"

/* Readings partitions: one UTC day each. */

/*
 * The API's reads by role: $1 is the caller's role (0 staff, 1 technician,
 * 2 customer) and $2 their id; SCOPE_S and SCOPE_D keep the sites and
 * devices they may see.
 */
#define SCOPED                                                                 \
    " IN (SELECT id FROM sites WHERE ($1 = 1 AND technician_id = $2) OR"       \
    " ($1 = 2 AND customer_id = $2)))"
#define SCOPE_S "($1 = 0 OR s.id" SCOPED
#define SCOPE_D "($1 = 0 OR d.site_id" SCOPED
#define PVS_PG_PART_MS 86400000LL

/* The channel of the API's changes (pg_outbox.c, pg_listen.c). */
#define PVS_PG_CHANGES "pvs_changes"
#define PVS_PG_PARTS_KNOWN 64

/* One packed reading row waiting for the batch's COPY. */
struct pvs_pg_row {
    size_t dev;  /* offset of the device id in rows_text */
    size_t data; /* offset of the JSON object in rows_text */
    int64_t ts_ms;
};

/*
 * A write of the batch in progress, kept until the batch commits so that
 * it can be applied again on a new connection (pg.c, "Reconnects").
 */
struct pvs_pg_redo {
    char *sql;
    int n;
    char **vals;    /* NULL is SQL NULL */
    char table[64]; /* INSERT ... RETURNING id: its table, "" otherwise */
    int64_t id;     /* ... and the id it was given */
};

/* A batch's lease check (pg_cluster.c); a batch applied again after a
 * reconnect knows its failure by this text (pg.c, redo). */
#define PVS_PG_FENCE_SQL "CALL pvs_fence($1, $2::int[], $3::bigint[])"

struct pvs_store_be {
    PGconn *conn;
    char *target; /* the URI as configured (logged without password) */
    bool readonly;
    bool in_tx;
    bool lost;    /* the connection broke; reconnect at the next begin */
    bool broken;  /* ... inside a batch: nothing more until it ends */
    bool durable; /* the batch changed more than telemetry */
    char err[512];
    char label[256]; /* the target without its password (pvs_pg_label) */
    /* readings of the batch, written by one COPY before anything else */
    struct pvs_pg_row *rows;
    size_t nrows, caprows;
    struct pvs_buf rows_text;
    int64_t rows_min, rows_max;
    /* days whose partition exists (a cache; cleared on rollback) */
    int64_t parts[PVS_PG_PARTS_KNOWN];
    size_t nparts;
    /* the batch's writes since its BEGIN (its readings are rows above) */
    struct pvs_pg_redo *redo;
    size_t nredo, capredo;
    size_t rows_sent; /* rows of the batch already sent by COPY */
    bool failed;      /* a call of the batch failed: it cannot be redone */
    bool kept;        /* the last commit failed away: begin redoes it */
    bool rejoined;    /* the batch waited for the server once already */
    bool fenced;      /* applied again, the batch's lease check failed */
    char xid[32];     /* the batch's transaction id once asked, or "" */
};

/*
 * Query arguments: types in fmt, one letter each, values in the varargs:
 *   t  const char * (NULL is SQL NULL)
 *   i  int64_t
 *   m  int64_t time in ms, 0 is NULL
 *   d  double, not finite is NULL
 *   b  int (booleans and small integers)
 * sql uses $1.. placeholders. On failure the error is logged with what
 * and NULL returned (the result is the caller's to PQclear otherwise).
 * Flushes the batch's pending readings first.
 */
PGresult *pvs_pg_query(struct pvs_store_be *st, const char *what,
                       const char *sql, const char *fmt, ...);
/* pvs_pg_query with n text arguments (NULL is SQL NULL) in vals. */
PGresult *pvs_pg_query_n(struct pvs_store_be *st, const char *what,
                         const char *sql, int n, const char *const *vals);
/* pvs_pg_query for a statement without rows: PVS_OK or the error. */
enum pvs_err pvs_pg_exec(struct pvs_store_be *st, const char *what,
                         const char *sql, const char *fmt, ...);
/* The error a failed query leaves: PVS_ERR_IO when the connection broke. */
enum pvs_err pvs_pg_failed(struct pvs_store_be *st);
/* Mark the batch as one that must commit durably. */
void pvs_pg_durable(struct pvs_store_be *st);

/* Column readers; NULL reads as 0 / NULL / "". */
int64_t pvs_pg_i64(const PGresult *r, int row, int col);
double pvs_pg_dbl(const PGresult *r, int row, int col);
char *pvs_pg_dup(const PGresult *r, int row, int col);
const char *pvs_pg_str(const PGresult *r, int row, int col);
bool pvs_pg_null(const PGresult *r, int row, int col);
/* Column readers for typed rows: NULL stays NULL, NAN or PVS_ROW_NO_MS. */
static inline const char *pvs_pg_str_or_null(const PGresult *r, int i, int c) {
    return pvs_pg_null(r, i, c) ? NULL : PQgetvalue(r, i, c);
}
double pvs_pg_num_or_nan(const PGresult *r, int i, int c);
int64_t pvs_pg_ms_or_none(const PGresult *r, int i, int c);

/* First column of every row as ids (the caller owns *ret_ids). */
enum pvs_err pvs_pg_idlist(struct pvs_store_be *st, PGresult *r,
                           int64_t **ret_ids, size_t *ret_n);

/* Write the pending readings (one COPY); pvs_pg_query does it first. */
enum pvs_err pvs_pg_flush(struct pvs_store_be *st);

/* Append one packed reading (data: its JSON object) to the batch. */
enum pvs_err pvs_pg_row_add(struct pvs_store_be *st, const char *dev,
                            int64_t ts, const char *data);

/* The operations (pg_ops.c puts them in the table). */
enum pvs_err pvs_pg_open(const char *target, unsigned flags,
                         struct pvs_store_be **ret);
void pvs_pg_close(struct pvs_store_be *st);
int pvs_pg_version(struct pvs_store_be *st);
const char *pvs_pg_errmsg(struct pvs_store_be *st);
enum pvs_err pvs_pg_begin(struct pvs_store_be *st);
enum pvs_err pvs_pg_commit(struct pvs_store_be *st);
void pvs_pg_rollback(struct pvs_store_be *st);
bool pvs_pg_kept(struct pvs_store_be *st);
enum pvs_err pvs_pg_add_samples(struct pvs_store_be *st,
                                const struct pvs_config *cfg,
                                const struct pvs_sample *smp, size_t n);
enum pvs_err pvs_pg_prune_samples(struct pvs_store_be *st, int64_t before_ms,
                                  int64_t *ret_deleted);
enum pvs_err pvs_pg_sync_config(struct pvs_store_be *st,
                                const struct pvs_config *cfg);
enum pvs_err pvs_pg_device_info(struct pvs_store_be *st, const char *device,
                                const char *serial, const char *manufacturer,
                                const char *model, int64_t ts_ms,
                                bool *ret_replaced);
enum pvs_err pvs_pg_add_alert(struct pvs_store_be *st,
                              const struct pvs_alert_event *ev);
enum pvs_err pvs_pg_firing_alerts(struct pvs_store_be *st,
                                  const struct pvs_config *cfg,
                                  pvs_store_alert_fn *fn, void *ud);
enum pvs_err pvs_pg_meta_set(struct pvs_store_be *st, const char *key,
                             const char *value);
enum pvs_err pvs_pg_meta_get(struct pvs_store_be *st, const char *key,
                             char **ret);
enum pvs_err pvs_pg_learnt_put(struct pvs_store_be *st, const char *rule,
                               const char *device, const char *text);
enum pvs_err pvs_pg_learnt_each(struct pvs_store_be *st,
                                pvs_store_learnt_fn *fn, void *ud);
enum pvs_err pvs_pg_recent_samples(struct pvs_store_be *st,
                                   const char *const *devices, size_t n,
                                   int64_t since_ms, pvs_store_sample_fn *fn,
                                   void *ud);
enum pvs_err pvs_pg_ticket_by_fp(struct pvs_store_be *st, const char *fp,
                                 struct pvs_ticket *ret);
enum pvs_err pvs_pg_ticket_get(struct pvs_store_be *st, int64_t id,
                               struct pvs_ticket *ret);
enum pvs_err pvs_pg_ticket_create(struct pvs_store_be *st,
                                  struct pvs_ticket *t);
enum pvs_err pvs_pg_ticket_update(struct pvs_store_be *st,
                                  const struct pvs_ticket *t);
enum pvs_err pvs_pg_ticket_event(struct pvs_store_be *st, int64_t ticket_id,
                                 int64_t ts_ms, const char *kind,
                                 const char *actor, const char *text);
enum pvs_err pvs_pg_outbox_add(struct pvs_store_be *st, struct pvs_outbox *o);
enum pvs_err pvs_pg_outbox_get(struct pvs_store_be *st, int64_t id,
                               struct pvs_outbox *ret);
enum pvs_err pvs_pg_outbox_pending(struct pvs_store_be *st, int64_t **ret_ids,
                                   size_t *ret_n);
enum pvs_err pvs_pg_outbox_attempt(struct pvs_store_be *st, int64_t id,
                                   int64_t ts_ms, bool ok, const char *error,
                                   const char *new_status);
enum pvs_err pvs_pg_rollup_add(struct pvs_store_be *st,
                               const struct pvs_rollup_delta *d, size_t n);
enum pvs_err pvs_pg_sky_put(struct pvs_store_be *st, const char *site,
                            bool daily, const struct pvs_sky_row *r, size_t n);
enum pvs_err pvs_pg_sky_read(struct pvs_store_be *st, const char *site,
                             bool daily, int64_t from_ms, int64_t to_ms,
                             pvs_store_sky_fn *fn, void *ud, int64_t *ret_rows);
enum pvs_err pvs_pg_sky_prune(struct pvs_store_be *st, int64_t before_ms);
enum pvs_err pvs_pg_rollup_read(struct pvs_store_be *st, const char *site,
                                bool daily, int64_t from_ms, int64_t to_ms,
                                pvs_store_rollup_fn *fn, void *ud,
                                int64_t *ret_rows);
enum pvs_err pvs_pg_count(struct pvs_store_be *st, const char *table,
                          int64_t *ret);
enum pvs_err pvs_pg_ids(struct pvs_store_be *st, const char *kind, size_t limit,
                        struct pvs_buf *out);
enum pvs_err pvs_pg_tickets_list(struct pvs_store_be *st, size_t limit,
                                 const struct pvs_ticket_list_fns *fns,
                                 void *ud);
enum pvs_err pvs_pg_flow_get(struct pvs_store_be *st, int64_t ticket_id,
                             struct pvs_ticket_flow *ret);
enum pvs_err pvs_pg_flow_set(struct pvs_store_be *st, int64_t ticket_id,
                             const struct pvs_ticket_flow *f);
enum pvs_err pvs_pg_alert_latest(struct pvs_store_be *st, const char *fp,
                                 bool *ret_firing, double *ret_per_day);
enum pvs_err pvs_pg_last_reading(struct pvs_store_be *st, const char *device,
                                 const char *metric, double *ret);
enum pvs_err pvs_pg_outbox_set_body(struct pvs_store_be *st, int64_t id,
                                    const char *body);
enum pvs_err pvs_pg_open_by_assignee(struct pvs_store_be *st,
                                     pvs_store_count_fn *fn, void *ud);
enum pvs_err pvs_pg_admin_persons(struct pvs_store_be *st,
                                  pvs_store_count_fn *fn, void *ud);
enum pvs_err pvs_pg_fixed_tickets(struct pvs_store_be *st, int64_t **ret_ids,
                                  size_t *ret_n);
enum pvs_err pvs_pg_escalations_due(struct pvs_store_be *st, int64_t now_ms,
                                    int64_t **ret_ids, size_t *ret_n);
enum pvs_err pvs_pg_held_due(struct pvs_store_be *st, int64_t now_ms,
                             int64_t **ret_ids, size_t *ret_n);
enum pvs_err pvs_pg_outbox_set(struct pvs_store_be *st, int64_t id,
                               const char *status, int64_t not_before_ms,
                               const char *note);
enum pvs_err pvs_pg_outbox_hold(struct pvs_store_be *st, int64_t id,
                                int64_t not_before_ms, const char *note);
enum pvs_err pvs_pg_outbox_latest(struct pvs_store_be *st, int64_t ticket_id,
                                  const char *audience, const char *kind,
                                  char *ret_status, size_t size,
                                  int64_t *ret_id);
enum pvs_err pvs_pg_to_close(struct pvs_store_be *st, int64_t before_ms,
                             int64_t **ret_ids, size_t *ret_n);
enum pvs_err pvs_pg_survey_candidates(struct pvs_store_be *st,
                                      int64_t before_ms, int64_t **ret_ids,
                                      size_t *ret_n);
enum pvs_err pvs_pg_last_survey(struct pvs_store_be *st, const char *customer,
                                int64_t *ret_ms);
enum pvs_err pvs_pg_survey_add(struct pvs_store_be *st, int64_t ticket_id,
                               const char *customer, int64_t sent_ms,
                               bool sent);
enum pvs_err pvs_pg_survey_state(struct pvs_store_be *st, int64_t ticket_id,
                                 enum pvs_survey_state *ret);
enum pvs_err pvs_pg_survey_answer(struct pvs_store_be *st, int64_t ticket_id,
                                  int csat, const char *comment, int64_t ts_ms);
enum pvs_err pvs_pg_appointment_add(struct pvs_store_be *st, int64_t ticket_id,
                                    int64_t slot_ms, const char *by,
                                    int64_t now_ms, int64_t *ret_id);
enum pvs_err pvs_pg_appointment_latest(struct pvs_store_be *st,
                                       int64_t ticket_id, int64_t *ret_id,
                                       int64_t *ret_slot, char *ret_status,
                                       size_t size);
enum pvs_err pvs_pg_appointment_set(struct pvs_store_be *st, int64_t id,
                                    const char *status, int64_t now_ms);
enum pvs_err pvs_pg_reminders_due(struct pvs_store_be *st, int64_t before_ms,
                                  int64_t **ret_ids, size_t *ret_n);
enum pvs_err pvs_pg_appointment_remind(struct pvs_store_be *st, int64_t id,
                                       int64_t *ret_ticket, int64_t *ret_slot);
enum pvs_err pvs_pg_contact_add(struct pvs_store_be *st, const char *site,
                                int64_t ticket_id, int64_t ts_ms,
                                const char *actor, const char *text);
enum pvs_err pvs_pg_site_active_ticket(struct pvs_store_be *st,
                                       const char *site, int64_t *ret_id);
enum pvs_err pvs_pg_device_active(struct pvs_store_be *st, const char *device,
                                  enum pvs_family_set set, int64_t **ret_ids,
                                  size_t *ret_n);
enum pvs_err pvs_pg_site_history(struct pvs_store_be *st, const char *site,
                                 int64_t except, size_t max,
                                 struct pvs_buf *out);
enum pvs_err pvs_pg_prefs_set(struct pvs_store_be *st, const char *customer,
                              const char *channel, const char *language,
                              const char *quiet_hours, int opt_out,
                              int64_t now_ms);
enum pvs_err pvs_pg_prefs_get(struct pvs_store_be *st, const char *customer,
                              char *channel, char *language, char *quiet_hours,
                              size_t size, int *ret_opt_out);
enum pvs_err pvs_pg_report(struct pvs_store_be *st, int64_t since_ms,
                           struct pvs_report *ret, pvs_store_count_fn *per_rule,
                           void *ud);
enum pvs_err pvs_pg_link_used(struct pvs_store_be *st, int64_t ticket_id,
                              const char *nonce, char *ret_actor, size_t size,
                              int64_t *ret_ms);
enum pvs_err pvs_pg_rows_each(struct pvs_store_be *st, const char *table,
                              pvs_store_row_fn *fn, void *ud);
enum pvs_err pvs_pg_row_put(struct pvs_store_be *st, const char *table,
                            size_t n, const char *const *cols,
                            const char *const *vals);
enum pvs_err pvs_pg_rows_count(struct pvs_store_be *st, const char *table,
                               int64_t *ret);
enum pvs_err pvs_pg_rows_clear(struct pvs_store_be *st);
enum pvs_err pvs_pg_rows_done(struct pvs_store_be *st);
enum pvs_err pvs_pg_web_audit(struct pvs_store_be *st, int64_t now_ms,
                              const char *actor, const char *action,
                              const char *object);
enum pvs_err pvs_pg_web_prune_personal(struct pvs_store_be *st,
                                       int64_t before_ms, int64_t *ret_n);
enum pvs_err pvs_pg_web_user_by_name(struct pvs_store_be *st,
                                     const char *username,
                                     struct pvs_web_user *ret);
enum pvs_err pvs_pg_web_user_by_token(struct pvs_store_be *st, const char *hash,
                                      int64_t now_ms, struct pvs_web_user *ret);
enum pvs_err pvs_pg_web_user_by_session(struct pvs_store_be *st,
                                        const char *hash, int64_t now_ms,
                                        struct pvs_web_user *ret);
enum pvs_err pvs_pg_web_token_owner(struct pvs_store_be *st, int64_t id,
                                    int64_t *ret_user);
enum pvs_err pvs_pg_web_user_create(struct pvs_store_be *st,
                                    const char *username, const char *role,
                                    const char *person, const char *pwhash,
                                    int64_t now_ms, struct pvs_web_result *res);
enum pvs_err pvs_pg_web_user_delete(struct pvs_store_be *st, int64_t id,
                                    struct pvs_web_result *res);
enum pvs_err pvs_pg_web_user_password(struct pvs_store_be *st, int64_t id,
                                      const char *pwhash,
                                      struct pvs_web_result *res);
enum pvs_err pvs_pg_web_token_create(struct pvs_store_be *st, int64_t user_id,
                                     const char *name, const char *hash,
                                     int64_t now_ms, int64_t expires_ms,
                                     struct pvs_web_result *res);
enum pvs_err pvs_pg_web_token_revoke(struct pvs_store_be *st, int64_t id,
                                     int64_t now_ms,
                                     struct pvs_web_result *res);
enum pvs_err pvs_pg_web_session_create(struct pvs_store_be *st, int64_t user_id,
                                       const char *hash, int64_t now_ms,
                                       int64_t expires_ms,
                                       struct pvs_web_result *res);
enum pvs_err pvs_pg_web_session_delete(struct pvs_store_be *st,
                                       const char *hash,
                                       struct pvs_web_result *res);

/* ---- pg_web_views.c: the API's reads of tickets and telemetry ---- */
enum pvs_err pvs_pg_web_tickets(struct pvs_store_be *st,
                                const struct pvs_scope *scope,
                                const struct pvs_ticket_filter *f,
                                pvs_store_ticket_row_fn *fn, void *ud,
                                int64_t *ret_total);
enum pvs_err pvs_pg_web_ticket_visible(struct pvs_store_be *st,
                                       const struct pvs_scope *scope,
                                       int64_t id);
enum pvs_err pvs_pg_web_ticket(struct pvs_store_be *st,
                               const struct pvs_scope *scope, int64_t id,
                               bool staff, pvs_store_ticket_row_fn *fn,
                               void *ud);
enum pvs_err pvs_pg_web_ticket_events(struct pvs_store_be *st, int64_t id,
                                      bool staff, pvs_store_event_row_fn *fn,
                                      void *ud);
enum pvs_err pvs_pg_web_ticket_alert(struct pvs_store_be *st, int64_t id,
                                     pvs_store_ticket_alert_fn *fn, void *ud);
enum pvs_err pvs_pg_web_ticket_messages(struct pvs_store_be *st, int64_t id,
                                        pvs_store_message_row_fn *fn, void *ud);
enum pvs_err pvs_pg_web_notices(struct pvs_store_be *st,
                                const struct pvs_scope *scope,
                                pvs_store_message_row_fn *fn, void *ud);
enum pvs_err pvs_pg_web_alerts(struct pvs_store_be *st,
                               const struct pvs_scope *scope,
                               pvs_store_alert_row_fn *fn, void *ud);
enum pvs_err pvs_pg_web_kpis(struct pvs_store_be *st,
                             const struct pvs_scope *scope,
                             struct pvs_web_kpis *ret);
enum pvs_err pvs_pg_web_fleet(struct pvs_store_be *st,
                              const struct pvs_scope *scope,
                              pvs_store_fleet_row_fn *fn, void *ud);
enum pvs_err pvs_pg_web_series(struct pvs_store_be *st, const char *site,
                               const char *metric, int64_t from_ms,
                               int64_t to_ms, int64_t step_ms,
                               pvs_store_point_fn *fn, void *ud);
enum pvs_err pvs_pg_web_daily_energy(struct pvs_store_be *st, const char *site,
                                     int64_t from_ms, int days,
                                     double *ret_kwh);

/* ---- pg_web_objects.c: the API's objects as typed rows ---- */
const char *pvs_pg_label(struct pvs_store_be *st);
enum pvs_err pvs_pg_web_site_visible(struct pvs_store_be *st,
                                     const struct pvs_scope *scope,
                                     const char *id);
enum pvs_err pvs_pg_obj_facts(struct pvs_store_be *st,
                              const struct pvs_entity *e, const char *id,
                              struct pvs_obj_facts *ret);
enum pvs_err pvs_pg_obj_uses(struct pvs_store_be *st,
                             const struct pvs_entity *e, const char *id,
                             int64_t *ret);
enum pvs_err pvs_pg_obj_rows(struct pvs_store_be *st,
                             const struct pvs_entity *e, const char *id,
                             bool api_only, pvs_store_obj_fn *fn, void *ud);
enum pvs_err pvs_pg_web_sites(struct pvs_store_be *st,
                              const struct pvs_scope *scope, const char *id,
                              int64_t limit, int64_t offset,
                              pvs_store_site_fn *fn, void *ud,
                              int64_t *ret_total);
enum pvs_err pvs_pg_web_devices(struct pvs_store_be *st,
                                const struct pvs_scope *scope, const char *site,
                                const char *id, pvs_store_device_fn *fn,
                                void *ud);
enum pvs_err pvs_pg_web_users(struct pvs_store_be *st, pvs_store_user_fn *fn,
                              void *ud);
enum pvs_err pvs_pg_web_tokens(struct pvs_store_be *st, int64_t user_id,
                               pvs_store_token_fn *fn, void *ud);
enum pvs_err pvs_pg_web_silences(struct pvs_store_be *st,
                                 const struct pvs_scope *scope,
                                 pvs_store_obj_fn *fn, void *ud);
enum pvs_err pvs_pg_obj_write(struct pvs_store_be *st,
                              const struct pvs_entity *e, const char *id,
                              const struct pvs_val *vals, bool create,
                              const char *actor, int64_t now_ms,
                              int64_t *ret_id);
enum pvs_err pvs_pg_obj_delete(struct pvs_store_be *st,
                               const struct pvs_entity *e, const char *id);
enum pvs_err pvs_pg_obj_erase_customer(struct pvs_store_be *st, const char *id);

/* pg_outbox.c, pg_listen.c: a store several processes share */
enum pvs_err pvs_pg_outbox_claim(struct pvs_store_be *st, const char *claimant,
                                 int64_t ttl_ms, size_t max, int64_t **ret_ids,
                                 size_t *ret_n);
enum pvs_err pvs_pg_outbox_renew(struct pvs_store_be *st, const char *claimant,
                                 int64_t ttl_ms, const int64_t *ids, size_t n,
                                 size_t *ret_n);
enum pvs_err pvs_pg_outbox_unclaim(struct pvs_store_be *st,
                                   const char *claimant);
enum pvs_err pvs_pg_announce(struct pvs_store_be *st, const char *claimant);
enum pvs_err pvs_pg_listen_start(const char *target, const char *me,
                                 void (*fn)(void *ud), void *ud, void **ret);
void pvs_pg_listen_free(void *l);

#endif
