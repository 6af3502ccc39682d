/* SPDX-License-Identifier: MIT */
/*
 * store_ops.h - the store's backend interface: one table of operations
 * (struct pvs_store_ops) that a backend fills, as a notifier channel fills
 * struct pvs_notifier_type. Callers never see it: they call the
 * pvs_store_* functions of store.h, store_flow.h and store_web.h, which
 * dispatch to the backend that the `database` setting chose
 * (pvs_store_open). Backends live under core/store/<name>/ and are the
 * only files that include their client library's header (sqlite3.h,
 * libpq-fe.h).
 *
 * The contract of every operation is the one documented at the pvs_store_
 * function of the same name (pvs_store_ticket_get for .ticket_get); the
 * rules below hold for all of them, and the conformance suite
 * (tests/unit/test_store_conformance.c) checks them on any backend:
 *
 * - Results are neutral enum pvs_err values, never HTTP codes or library
 *   codes: PVS_ERR_NOTFOUND (no such row), PVS_ERR_EXISTS (conflicts with a
 *   row that exists: a duplicate id, or a row still used by others),
 *   PVS_ERR_DENIED (the row belongs to someone else), PVS_ERR_INVAL (a bad
 *   argument or reference), PVS_ERR_FULL (already done: a survey answered
 *   twice), PVS_ERR_UNSUPPORTED (the backend has no such operation),
 *   PVS_ERR_DB (the backend failed; it logged why, once).
 * - A write that returns NOTFOUND, EXISTS, DENIED, INVAL or FULL changed
 *   nothing. A write that returns anything else may have changed part of
 *   what it was asked to; inside a batch (begin .. commit) the first such
 *   failure sticks to the batch and pvs_store_commit then rolls the whole
 *   batch back and returns that error (the dispatch layer in
 *   core/store/dispatch.c does this for every backend).
 * - Writes happen only on a handle opened read-write, and only from the
 *   engine thread; between begin and commit they are one transaction. A
 *   write outside a batch is its own transaction.
 * - Reads see the last commit (another handle's batch in progress is
 *   invisible) and never fail with NOTFOUND for an empty list: the list
 *   is empty.
 * - Out-parameters are written only on success; strings handed to a
 *   callback are valid during the call only.
 * - A NULL member is the default: PVS_ERR_UNSUPPORTED (backup and
 *   integrity check have no meaning for every backend).
 *
 * Exits. STYLE asks every fallible function to leave through one out:
 * label. The backends' operations are the written exception: most run a
 * single statement (prepare, bind, step, finalize) and return early only
 * where they hold nothing (the prepare failed) or right after the
 * statement is finalized; an operation that holds more than one thing at
 * a time (a statement and a buffer, a statement and a transaction) leaves
 * through out:. A goto whose only cleanup is one finalize adds lines and
 * no safety; what the single exit protects (out-parameters written only
 * on success, one log line per failure, nothing leaked) is what the
 * conformance suite and the sanitizer runs check on every backend.
 */
#ifndef PVS_STORE_OPS_H
#define PVS_STORE_OPS_H

#include "pvs/store.h"
#include "pvs/store_entity.h"
#include "pvs/store_flow.h"
#include "pvs/store_objects.h"
#include "pvs/store_outbox.h"
#include "pvs/store_views.h"
#include "pvs/store_web.h"

/* A backend's own handle; each backend defines it in its own files. */
struct pvs_store_be;

struct pvs_store_ops {
    const char *name; /* "sqlite", "postgresql" */
    /*
     * Open the store at target (a path, or a URL for a server backend)
     * with flags (enum pvs_store_flags); read-write creates or migrates
     * the schema. Logs why it failed.
     */
    enum pvs_err (*open)(const char *target, unsigned flags,
                         struct pvs_store_be **ret);
    /* ---- store.h: lifecycle, batch, telemetry, alerts, tickets, outbox: reads
     * ---- */
    void (*close)(struct pvs_store_be *st);
    int (*version)(struct pvs_store_be *st);
    const char *(*errmsg)(struct pvs_store_be *st);
    enum pvs_err (*begin)(struct pvs_store_be *st);
    enum pvs_err (*commit)(struct pvs_store_be *st);
    void (*rollback)(struct pvs_store_be *st);
    enum pvs_err (*rollup_read)(struct pvs_store_be *st, const char *site,
                                bool daily, int64_t from_ms, int64_t to_ms,
                                pvs_store_rollup_fn *fn, void *ud,
                                int64_t *ret_rows);
    enum pvs_err (*sky_read)(struct pvs_store_be *st, const char *site,
                             bool daily, int64_t from_ms, int64_t to_ms,
                             pvs_store_sky_fn *fn, void *ud, int64_t *ret_rows);
    enum pvs_err (*firing_alerts)(struct pvs_store_be *st,
                                  const struct pvs_config *cfg,
                                  pvs_store_alert_fn *fn, void *ud);
    enum pvs_err (*learnt_each)(struct pvs_store_be *st,
                                pvs_store_learnt_fn *fn, void *ud);
    enum pvs_err (*recent_samples)(struct pvs_store_be *st,
                                   const char *const *devices, size_t n,
                                   int64_t since_ms, pvs_store_sample_fn *fn,
                                   void *ud);
    enum pvs_err (*ticket_by_fp)(struct pvs_store_be *st, const char *fp,
                                 struct pvs_ticket *ret);
    enum pvs_err (*ticket_get)(struct pvs_store_be *st, int64_t id,
                               struct pvs_ticket *ret);
    enum pvs_err (*outbox_get)(struct pvs_store_be *st, int64_t id,
                               struct pvs_outbox *ret);
    enum pvs_err (*outbox_pending)(struct pvs_store_be *st, int64_t **ret_ids,
                                   size_t *ret_n);
    enum pvs_err (*count)(struct pvs_store_be *st, const char *table,
                          int64_t *ret);
    enum pvs_err (*ids)(struct pvs_store_be *st, const char *kind, size_t limit,
                        struct pvs_buf *out);
    enum pvs_err (*check)(struct pvs_store_be *st);
    enum pvs_err (*backup)(struct pvs_store_be *st, const char *dst_path,
                           int64_t *ret_pages, char *msg, size_t msgsize);
    /* ---- store.h: lifecycle, batch, telemetry, alerts, tickets, outbox:
     * writes ---- */
    enum pvs_err (*sync_config)(struct pvs_store_be *st,
                                const struct pvs_config *cfg);
    enum pvs_err (*add_samples)(struct pvs_store_be *st,
                                const struct pvs_config *cfg,
                                const struct pvs_sample *s, size_t n);
    enum pvs_err (*prune_samples)(struct pvs_store_be *st, int64_t before_ms,
                                  int64_t *ret_deleted);
    enum pvs_err (*rollup_add)(struct pvs_store_be *st,
                               const struct pvs_rollup_delta *d, size_t n);
    enum pvs_err (*sky_put)(struct pvs_store_be *st, const char *site,
                            bool daily, const struct pvs_sky_row *r, size_t n);
    enum pvs_err (*sky_prune)(struct pvs_store_be *st, int64_t before_ms);
    enum pvs_err (*device_info)(struct pvs_store_be *st, const char *device,
                                const char *serial, const char *manufacturer,
                                const char *model, int64_t ts_ms,
                                bool *ret_replaced);
    enum pvs_err (*add_alert)(struct pvs_store_be *st,
                              const struct pvs_alert_event *ev);
    enum pvs_err (*learnt_put)(struct pvs_store_be *st, const char *rule,
                               const char *device, const char *text);
    enum pvs_err (*ticket_create)(struct pvs_store_be *st,
                                  struct pvs_ticket *t);
    enum pvs_err (*ticket_update)(struct pvs_store_be *st,
                                  const struct pvs_ticket *t);
    enum pvs_err (*ticket_event)(struct pvs_store_be *st, int64_t ticket_id,
                                 int64_t ts_ms, const char *kind,
                                 const char *actor, const char *text);
    enum pvs_err (*outbox_add)(struct pvs_store_be *st, struct pvs_outbox *o);
    enum pvs_err (*outbox_attempt)(struct pvs_store_be *st, int64_t id,
                                   int64_t ts_ms, bool ok, const char *error,
                                   const char *new_status);
    /* ---- store_flow.h: the service workflow: reads ---- */
    enum pvs_err (*flow_get)(struct pvs_store_be *st, int64_t ticket_id,
                             struct pvs_ticket_flow *ret);
    enum pvs_err (*alert_latest)(struct pvs_store_be *st, const char *fp,
                                 bool *ret_firing, double *ret_per_day);
    enum pvs_err (*last_reading)(struct pvs_store_be *st, const char *device,
                                 const char *metric, double *ret);
    enum pvs_err (*open_by_assignee)(struct pvs_store_be *st,
                                     pvs_store_count_fn *fn, void *ud);
    enum pvs_err (*admin_persons)(struct pvs_store_be *st,
                                  pvs_store_count_fn *fn, void *ud);
    enum pvs_err (*fixed_tickets)(struct pvs_store_be *st, int64_t **ret_ids,
                                  size_t *ret_n);
    enum pvs_err (*escalations_due)(struct pvs_store_be *st, int64_t now_ms,
                                    int64_t **ret_ids, size_t *ret_n);
    enum pvs_err (*held_due)(struct pvs_store_be *st, int64_t now_ms,
                             int64_t **ret_ids, size_t *ret_n);
    enum pvs_err (*outbox_latest)(struct pvs_store_be *st, int64_t ticket_id,
                                  const char *audience, const char *kind,
                                  char *ret_status, size_t size,
                                  int64_t *ret_id);
    enum pvs_err (*to_close)(struct pvs_store_be *st, int64_t before_ms,
                             int64_t **ret_ids, size_t *ret_n);
    enum pvs_err (*survey_candidates)(struct pvs_store_be *st,
                                      int64_t before_ms, int64_t **ret_ids,
                                      size_t *ret_n);
    enum pvs_err (*last_survey)(struct pvs_store_be *st, const char *customer,
                                int64_t *ret_ms);
    enum pvs_err (*link_used)(struct pvs_store_be *st, int64_t ticket_id,
                              const char *nonce, char *ret_actor, size_t size,
                              int64_t *ret_ms);
    enum pvs_err (*survey_state)(struct pvs_store_be *st, int64_t ticket_id,
                                 enum pvs_survey_state *ret);
    enum pvs_err (*appointment_latest)(struct pvs_store_be *st,
                                       int64_t ticket_id, int64_t *ret_id,
                                       int64_t *ret_slot, char *ret_status,
                                       size_t size);
    enum pvs_err (*reminders_due)(struct pvs_store_be *st, int64_t before_ms,
                                  int64_t **ret_ids, size_t *ret_n);
    enum pvs_err (*site_active_ticket)(struct pvs_store_be *st,
                                       const char *site, int64_t *ret_id);
    enum pvs_err (*device_active)(struct pvs_store_be *st, const char *device,
                                  enum pvs_family_set set, int64_t **ret_ids,
                                  size_t *ret_n);
    enum pvs_err (*site_history)(struct pvs_store_be *st, const char *site,
                                 int64_t except, size_t max,
                                 struct pvs_buf *out);
    enum pvs_err (*prefs_get)(struct pvs_store_be *st, const char *customer,
                              char *channel, char *language, char *quiet_hours,
                              size_t size, int *ret_opt_out);
    enum pvs_err (*meta_get)(struct pvs_store_be *st, const char *key,
                             char **ret);
    /* ---- store_flow.h: the service workflow: writes ---- */
    enum pvs_err (*flow_set)(struct pvs_store_be *st, int64_t ticket_id,
                             const struct pvs_ticket_flow *f);
    enum pvs_err (*outbox_set_body)(struct pvs_store_be *st, int64_t id,
                                    const char *body);
    enum pvs_err (*outbox_hold)(struct pvs_store_be *st, int64_t id,
                                int64_t not_before_ms, const char *note);
    enum pvs_err (*outbox_set)(struct pvs_store_be *st, int64_t id,
                               const char *status, int64_t not_before_ms,
                               const char *note);
    enum pvs_err (*survey_add)(struct pvs_store_be *st, int64_t ticket_id,
                               const char *customer, int64_t sent_ms,
                               bool sent);
    enum pvs_err (*survey_answer)(struct pvs_store_be *st, int64_t ticket_id,
                                  int csat, const char *comment, int64_t ts_ms);
    enum pvs_err (*appointment_add)(struct pvs_store_be *st, int64_t ticket_id,
                                    int64_t slot_ms, const char *by,
                                    int64_t now_ms, int64_t *ret_id);
    enum pvs_err (*appointment_set)(struct pvs_store_be *st, int64_t id,
                                    const char *status, int64_t now_ms);
    enum pvs_err (*appointment_remind)(struct pvs_store_be *st, int64_t id,
                                       int64_t *ret_ticket, int64_t *ret_slot);
    enum pvs_err (*contact_add)(struct pvs_store_be *st, const char *site,
                                int64_t ticket_id, int64_t ts_ms,
                                const char *actor, const char *text);
    enum pvs_err (*prefs_set)(struct pvs_store_be *st, const char *customer,
                              const char *channel, const char *language,
                              const char *quiet_hours, int opt_out,
                              int64_t now_ms);
    enum pvs_err (*meta_set)(struct pvs_store_be *st, const char *key,
                             const char *value);
    /* ---- store_web.h: the HTTP API: reads ---- */
    enum pvs_err (*web_user_by_name)(struct pvs_store_be *st,
                                     const char *username,
                                     struct pvs_web_user *ret);
    enum pvs_err (*web_user_by_token)(struct pvs_store_be *st, const char *hash,
                                      int64_t now_ms, struct pvs_web_user *ret);
    enum pvs_err (*web_user_by_session)(struct pvs_store_be *st,
                                        const char *hash, int64_t now_ms,
                                        struct pvs_web_user *ret);
    enum pvs_err (*web_ticket_visible)(struct pvs_store_be *st,
                                       const struct pvs_scope *scope,
                                       int64_t id);
    enum pvs_err (*web_site_visible)(struct pvs_store_be *st,
                                     const struct pvs_scope *scope,
                                     const char *id);
    enum pvs_err (*web_token_owner)(struct pvs_store_be *st, int64_t id,
                                    int64_t *ret_user);
    enum pvs_err (*web_alerts)(struct pvs_store_be *st,
                               const struct pvs_scope *scope,
                               pvs_store_alert_row_fn *fn, void *ud);
    enum pvs_err (*web_daily_energy)(struct pvs_store_be *st, const char *site,
                                     int64_t from_ms, int days,
                                     double *ret_kwh);
    enum pvs_err (*web_kpis)(struct pvs_store_be *st,
                             const struct pvs_scope *scope,
                             struct pvs_web_kpis *ret);
    /* ---- store_objects.h: the API's objects as typed rows ---- */
    const char *(*label)(struct pvs_store_be *st);
    enum pvs_err (*obj_facts)(struct pvs_store_be *st,
                              const struct pvs_entity *e, const char *id,
                              struct pvs_obj_facts *ret);
    enum pvs_err (*obj_uses)(struct pvs_store_be *st,
                             const struct pvs_entity *e, const char *id,
                             int64_t *ret);
    enum pvs_err (*obj_rows)(struct pvs_store_be *st,
                             const struct pvs_entity *e, const char *id,
                             bool api_only, pvs_store_obj_fn *fn, void *ud);
    enum pvs_err (*web_sites)(struct pvs_store_be *st,
                              const struct pvs_scope *scope, const char *id,
                              int64_t limit, int64_t offset,
                              pvs_store_site_fn *fn, void *ud,
                              int64_t *ret_total);
    enum pvs_err (*web_devices)(struct pvs_store_be *st,
                                const struct pvs_scope *scope, const char *site,
                                const char *id, pvs_store_device_fn *fn,
                                void *ud);
    enum pvs_err (*web_users)(struct pvs_store_be *st, pvs_store_user_fn *fn,
                              void *ud);
    enum pvs_err (*web_tokens)(struct pvs_store_be *st, int64_t user_id,
                               pvs_store_token_fn *fn, void *ud);
    enum pvs_err (*web_silences)(struct pvs_store_be *st,
                                 const struct pvs_scope *scope,
                                 pvs_store_obj_fn *fn, void *ud);
    enum pvs_err (*obj_write)(struct pvs_store_be *st,
                              const struct pvs_entity *e, const char *id,
                              const struct pvs_val *vals, bool create,
                              const char *actor, int64_t now_ms,
                              int64_t *ret_id);
    enum pvs_err (*obj_delete)(struct pvs_store_be *st,
                               const struct pvs_entity *e, const char *id);
    enum pvs_err (*obj_erase_customer)(struct pvs_store_be *st, const char *id);
    /* ---- end of store_objects.h ---- */
    /* ---- store_web.h: the HTTP API: writes ---- */
    enum pvs_err (*web_user_create)(struct pvs_store_be *st,
                                    const char *username, const char *role,
                                    const char *person, const char *pwhash,
                                    int64_t now_ms, struct pvs_web_result *res);
    enum pvs_err (*web_user_delete)(struct pvs_store_be *st, int64_t id,
                                    struct pvs_web_result *res);
    enum pvs_err (*web_user_password)(struct pvs_store_be *st, int64_t id,
                                      const char *pwhash,
                                      struct pvs_web_result *res);
    enum pvs_err (*web_token_create)(struct pvs_store_be *st, int64_t user_id,
                                     const char *name, const char *hash,
                                     int64_t now_ms, int64_t expires_ms,
                                     struct pvs_web_result *res);
    enum pvs_err (*web_token_revoke)(struct pvs_store_be *st, int64_t id,
                                     int64_t now_ms,
                                     struct pvs_web_result *res);
    enum pvs_err (*web_session_create)(struct pvs_store_be *st, int64_t user_id,
                                       const char *hash, int64_t now_ms,
                                       int64_t expires_ms,
                                       struct pvs_web_result *res);
    enum pvs_err (*web_session_delete)(struct pvs_store_be *st,
                                       const char *hash,
                                       struct pvs_web_result *res);
    enum pvs_err (*web_prune_personal)(struct pvs_store_be *st,
                                       int64_t before_ms, int64_t *ret_n);
    enum pvs_err (*web_audit)(struct pvs_store_be *st, int64_t now_ms,
                              const char *actor, const char *action,
                              const char *object);
    /* ---- store.h: the batch a commit kept (pvs_store_kept); NULL: none */
    bool (*kept)(struct pvs_store_be *st);
    /* ---- store_views.h: the API's reads of tickets and telemetry ---- */
    enum pvs_err (*report)(struct pvs_store_be *st, int64_t since_ms,
                           struct pvs_report *ret, pvs_store_count_fn *per_rule,
                           void *ud);
    enum pvs_err (*web_tickets)(struct pvs_store_be *st,
                                const struct pvs_scope *scope,
                                const struct pvs_ticket_filter *f,
                                pvs_store_ticket_row_fn *fn, void *ud,
                                int64_t *ret_total);
    enum pvs_err (*tickets_list)(struct pvs_store_be *st, size_t limit,
                                 const struct pvs_ticket_list_fns *fns,
                                 void *ud);
    enum pvs_err (*web_ticket)(struct pvs_store_be *st,
                               const struct pvs_scope *scope, int64_t id,
                               bool staff, pvs_store_ticket_row_fn *fn,
                               void *ud);
    enum pvs_err (*web_ticket_events)(struct pvs_store_be *st, int64_t id,
                                      bool staff, pvs_store_event_row_fn *fn,
                                      void *ud);
    enum pvs_err (*web_ticket_alert)(struct pvs_store_be *st, int64_t id,
                                     pvs_store_ticket_alert_fn *fn, void *ud);
    enum pvs_err (*web_ticket_messages)(struct pvs_store_be *st, int64_t id,
                                        pvs_store_message_row_fn *fn, void *ud);
    enum pvs_err (*web_notices)(struct pvs_store_be *st,
                                const struct pvs_scope *scope,
                                pvs_store_message_row_fn *fn, void *ud);
    enum pvs_err (*web_fleet)(struct pvs_store_be *st,
                              const struct pvs_scope *scope,
                              pvs_store_fleet_row_fn *fn, void *ud);
    enum pvs_err (*web_series)(struct pvs_store_be *st, const char *site,
                               const char *metric, int64_t from_ms,
                               int64_t to_ms, int64_t step_ms,
                               pvs_store_point_fn *fn, void *ud);
    /* ---- copying between backends (store.h, copy-store) ---- */
    enum pvs_err (*rows_each)(struct pvs_store_be *st, const char *table,
                              pvs_store_row_fn *fn, void *ud);
    enum pvs_err (*row_put)(struct pvs_store_be *st, const char *table,
                            size_t n, const char *const *cols,
                            const char *const *vals);
    enum pvs_err (*rows_count)(struct pvs_store_be *st, const char *table,
                               int64_t *ret);
    enum pvs_err (*rows_clear)(struct pvs_store_be *st);
    enum pvs_err (*rows_done)(struct pvs_store_be *st);
    /* ---- store_outbox.h: a store several processes share; NULL: not
     * shared ---- */
    enum pvs_err (*outbox_claim)(struct pvs_store_be *st, const char *claimant,
                                 int64_t ttl_ms, size_t max, int64_t **ret_ids,
                                 size_t *ret_n);
    enum pvs_err (*outbox_renew)(struct pvs_store_be *st, const char *claimant,
                                 int64_t ttl_ms, const int64_t *ids, size_t n,
                                 size_t *ret_n);
    enum pvs_err (*outbox_unclaim)(struct pvs_store_be *st,
                                   const char *claimant);
    enum pvs_err (*announce)(struct pvs_store_be *st, const char *claimant);
    /* the listener's handle is the backend's own (void *) */
    enum pvs_err (*listen_start)(const char *target, const char *me,
                                 void (*fn)(void *ud), void *ud, void **ret);
    void (*listen_free)(void *l);
};

/* The SQLite backend (core/store/sqlite/). */
extern const struct pvs_store_ops pvs_sqlite_ops;
/* The PostgreSQL backend (core/store/pg/), any libpq URI. */
extern const struct pvs_store_ops pvs_pg_ops;

/*
 * The backend a `database` value selects: "sqlite:PATH" or a plain path
 * the SQLite backend (*ret_rest is the path); a URL whose scheme names a
 * backend built in, that backend (*ret_rest is the whole URL).
 * PVS_ERR_UNSUPPORTED for a known scheme whose backend is not built
 * ("postgresql://..."). Pure; any thread.
 */
enum pvs_err pvs_store_backend(const char *target,
                               const struct pvs_store_ops **ret_ops,
                               const char **ret_rest);

/*
 * The backend handle of st when its backend is ops, else NULL: for the
 * operations only one backend has (cluster mode, pg_cluster.c).
 */
struct pvs_store_be *pvs_store_be_of(struct pvs_store *st,
                                     const struct pvs_store_ops *ops);

#endif
