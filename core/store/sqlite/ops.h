/* SPDX-License-Identifier: MIT */
/*
 * ops.h - the SQLite backend's operations, one per member of struct
 * pvs_store_ops (store_ops.h has their contract); ops.c puts them in
 * pvs_sqlite_ops.
 */
#ifndef PVS_SQLITE_OPS_H
#define PVS_SQLITE_OPS_H

#include "pvs/store_ops.h"

enum pvs_err pvs_sqlite_open(const char *path, unsigned flags,
                             struct pvs_store_be **ret);
void pvs_sqlite_close(struct pvs_store_be *st);
int pvs_sqlite_version(struct pvs_store_be *st);
const char *pvs_sqlite_errmsg(struct pvs_store_be *st);
enum pvs_err pvs_sqlite_begin(struct pvs_store_be *st);
enum pvs_err pvs_sqlite_commit(struct pvs_store_be *st);
void pvs_sqlite_rollback(struct pvs_store_be *st);
enum pvs_err pvs_sqlite_sync_config(struct pvs_store_be *st,
                                    const struct pvs_config *cfg);
enum pvs_err pvs_sqlite_add_samples(struct pvs_store_be *st,
                                    const struct pvs_config *cfg,
                                    const struct pvs_sample *s, size_t n);
enum pvs_err pvs_sqlite_prune_samples(struct pvs_store_be *st,
                                      int64_t before_ms, int64_t *ret_deleted);
enum pvs_err pvs_sqlite_rollup_add(struct pvs_store_be *st,
                                   const struct pvs_rollup_delta *d, size_t n);
enum pvs_err pvs_sqlite_sky_put(struct pvs_store_be *st, const char *site,
                                bool daily, const struct pvs_sky_row *r,
                                size_t n);
enum pvs_err pvs_sqlite_sky_read(struct pvs_store_be *st, const char *site,
                                 bool daily, int64_t from_ms, int64_t to_ms,
                                 pvs_store_sky_fn *fn, void *ud,
                                 int64_t *ret_rows);
enum pvs_err pvs_sqlite_sky_prune(struct pvs_store_be *st, int64_t before_ms);
enum pvs_err pvs_sqlite_rollup_read(struct pvs_store_be *st, const char *site,
                                    bool daily, int64_t from_ms, int64_t to_ms,
                                    pvs_store_rollup_fn *fn, void *ud,
                                    int64_t *ret_rows);
enum pvs_err pvs_sqlite_device_info(struct pvs_store_be *st, const char *device,
                                    const char *serial,
                                    const char *manufacturer, const char *model,
                                    int64_t ts_ms, bool *ret_replaced);
enum pvs_err pvs_sqlite_add_alert(struct pvs_store_be *st,
                                  const struct pvs_alert_event *ev);
enum pvs_err pvs_sqlite_firing_alerts(struct pvs_store_be *st,
                                      const struct pvs_config *cfg,
                                      pvs_store_alert_fn *fn, void *ud);
enum pvs_err pvs_sqlite_learnt_put(struct pvs_store_be *st, const char *rule,
                                   const char *device, const char *text);
enum pvs_err pvs_sqlite_learnt_each(struct pvs_store_be *st,
                                    pvs_store_learnt_fn *fn, void *ud);
enum pvs_err pvs_sqlite_ticket_by_fp(struct pvs_store_be *st, const char *fp,
                                     struct pvs_ticket *ret);
enum pvs_err pvs_sqlite_ticket_get(struct pvs_store_be *st, int64_t id,
                                   struct pvs_ticket *ret);
enum pvs_err pvs_sqlite_ticket_create(struct pvs_store_be *st,
                                      struct pvs_ticket *t);
enum pvs_err pvs_sqlite_ticket_update(struct pvs_store_be *st,
                                      const struct pvs_ticket *t);
enum pvs_err pvs_sqlite_ticket_event(struct pvs_store_be *st, int64_t ticket_id,
                                     int64_t ts_ms, const char *kind,
                                     const char *actor, const char *text);
enum pvs_err pvs_sqlite_outbox_add(struct pvs_store_be *st,
                                   struct pvs_outbox *o);
enum pvs_err pvs_sqlite_outbox_get(struct pvs_store_be *st, int64_t id,
                                   struct pvs_outbox *ret);
enum pvs_err pvs_sqlite_outbox_pending(struct pvs_store_be *st,
                                       int64_t **ret_ids, size_t *ret_n);
enum pvs_err pvs_sqlite_outbox_attempt(struct pvs_store_be *st, int64_t id,
                                       int64_t ts_ms, bool ok,
                                       const char *error,
                                       const char *new_status);
enum pvs_err pvs_sqlite_tickets_list(struct pvs_store_be *st, size_t limit,
                                     const struct pvs_ticket_list_fns *fns,
                                     void *ud);
enum pvs_err pvs_sqlite_count(struct pvs_store_be *st, const char *table,
                              int64_t *ret);
enum pvs_err pvs_sqlite_ids(struct pvs_store_be *st, const char *kind,
                            size_t limit, struct pvs_buf *out);
enum pvs_err pvs_sqlite_check(struct pvs_store_be *st);
enum pvs_err pvs_sqlite_backup(struct pvs_store_be *st, const char *dst_path,
                               int64_t *ret_pages, char *msg, size_t msgsize);
enum pvs_err pvs_sqlite_flow_get(struct pvs_store_be *st, int64_t ticket_id,
                                 struct pvs_ticket_flow *ret);
enum pvs_err pvs_sqlite_flow_set(struct pvs_store_be *st, int64_t ticket_id,
                                 const struct pvs_ticket_flow *f);
enum pvs_err pvs_sqlite_alert_latest(struct pvs_store_be *st, const char *fp,
                                     bool *ret_firing, double *ret_per_day);
enum pvs_err pvs_sqlite_last_reading(struct pvs_store_be *st,
                                     const char *device, const char *metric,
                                     double *ret);
enum pvs_err pvs_sqlite_outbox_set_body(struct pvs_store_be *st, int64_t id,
                                        const char *body);
enum pvs_err pvs_sqlite_open_by_assignee(struct pvs_store_be *st,
                                         pvs_store_count_fn *fn, void *ud);
enum pvs_err pvs_sqlite_admin_persons(struct pvs_store_be *st,
                                      pvs_store_count_fn *fn, void *ud);
enum pvs_err pvs_sqlite_fixed_tickets(struct pvs_store_be *st,
                                      int64_t **ret_ids, size_t *ret_n);
enum pvs_err pvs_sqlite_escalations_due(struct pvs_store_be *st, int64_t now_ms,
                                        int64_t **ret_ids, size_t *ret_n);
enum pvs_err pvs_sqlite_outbox_hold(struct pvs_store_be *st, int64_t id,
                                    int64_t not_before_ms, const char *note);
enum pvs_err pvs_sqlite_held_due(struct pvs_store_be *st, int64_t now_ms,
                                 int64_t **ret_ids, size_t *ret_n);
enum pvs_err pvs_sqlite_outbox_set(struct pvs_store_be *st, int64_t id,
                                   const char *status, int64_t not_before_ms,
                                   const char *note);
enum pvs_err pvs_sqlite_outbox_latest(struct pvs_store_be *st,
                                      int64_t ticket_id, const char *audience,
                                      const char *kind, char *ret_status,
                                      size_t size, int64_t *ret_id);
enum pvs_err pvs_sqlite_to_close(struct pvs_store_be *st, int64_t before_ms,
                                 int64_t **ret_ids, size_t *ret_n);
enum pvs_err pvs_sqlite_survey_candidates(struct pvs_store_be *st,
                                          int64_t before_ms, int64_t **ret_ids,
                                          size_t *ret_n);
enum pvs_err pvs_sqlite_last_survey(struct pvs_store_be *st,
                                    const char *customer, int64_t *ret_ms);
enum pvs_err pvs_sqlite_survey_add(struct pvs_store_be *st, int64_t ticket_id,
                                   const char *customer, int64_t sent_ms,
                                   bool sent);
enum pvs_err pvs_sqlite_survey_answer(struct pvs_store_be *st,
                                      int64_t ticket_id, int csat,
                                      const char *comment, int64_t ts_ms);
enum pvs_err pvs_sqlite_link_used(struct pvs_store_be *st, int64_t ticket_id,
                                  const char *nonce, char *ret_actor,
                                  size_t size, int64_t *ret_ms);
enum pvs_err pvs_sqlite_survey_state(struct pvs_store_be *st, int64_t ticket_id,
                                     enum pvs_survey_state *ret);
enum pvs_err pvs_sqlite_appointment_add(struct pvs_store_be *st,
                                        int64_t ticket_id, int64_t slot_ms,
                                        const char *by, int64_t now_ms,
                                        int64_t *ret_id);
enum pvs_err pvs_sqlite_appointment_latest(struct pvs_store_be *st,
                                           int64_t ticket_id, int64_t *ret_id,
                                           int64_t *ret_slot, char *ret_status,
                                           size_t size);
enum pvs_err pvs_sqlite_appointment_set(struct pvs_store_be *st, int64_t id,
                                        const char *status, int64_t now_ms);
enum pvs_err pvs_sqlite_reminders_due(struct pvs_store_be *st,
                                      int64_t before_ms, int64_t **ret_ids,
                                      size_t *ret_n);
enum pvs_err pvs_sqlite_appointment_remind(struct pvs_store_be *st, int64_t id,
                                           int64_t *ret_ticket,
                                           int64_t *ret_slot);
enum pvs_err pvs_sqlite_contact_add(struct pvs_store_be *st, const char *site,
                                    int64_t ticket_id, int64_t ts_ms,
                                    const char *actor, const char *text);
enum pvs_err pvs_sqlite_site_active_ticket(struct pvs_store_be *st,
                                           const char *site, int64_t *ret_id);
enum pvs_err pvs_sqlite_device_active(struct pvs_store_be *st,
                                      const char *device,
                                      enum pvs_family_set set,
                                      int64_t **ret_ids, size_t *ret_n);
enum pvs_err pvs_sqlite_site_history(struct pvs_store_be *st, const char *site,
                                     int64_t except, size_t max,
                                     struct pvs_buf *out);
enum pvs_err pvs_sqlite_prefs_set(struct pvs_store_be *st, const char *customer,
                                  const char *channel, const char *language,
                                  const char *quiet_hours, int opt_out,
                                  int64_t now_ms);
enum pvs_err pvs_sqlite_prefs_get(struct pvs_store_be *st, const char *customer,
                                  char *channel, char *language,
                                  char *quiet_hours, size_t size,
                                  int *ret_opt_out);
enum pvs_err pvs_sqlite_meta_get(struct pvs_store_be *st, const char *key,
                                 char **ret);
enum pvs_err pvs_sqlite_meta_set(struct pvs_store_be *st, const char *key,
                                 const char *value);
enum pvs_err pvs_sqlite_report(struct pvs_store_be *st, int64_t since_ms,
                               struct pvs_report *ret,
                               pvs_store_count_fn *per_rule, void *ud);
enum pvs_err pvs_sqlite_web_user_by_name(struct pvs_store_be *st,
                                         const char *username,
                                         struct pvs_web_user *ret);
enum pvs_err pvs_sqlite_web_user_by_token(struct pvs_store_be *st,
                                          const char *hash, int64_t now_ms,
                                          struct pvs_web_user *ret);
enum pvs_err pvs_sqlite_web_user_by_session(struct pvs_store_be *st,
                                            const char *hash, int64_t now_ms,
                                            struct pvs_web_user *ret);
enum pvs_err pvs_sqlite_web_ticket_visible(struct pvs_store_be *st,
                                           const struct pvs_scope *scope,
                                           int64_t id);
enum pvs_err pvs_sqlite_web_site_visible(struct pvs_store_be *st,
                                         const struct pvs_scope *scope,
                                         const char *id);
enum pvs_err pvs_sqlite_web_token_owner(struct pvs_store_be *st, int64_t id,
                                        int64_t *ret_user);
enum pvs_err pvs_sqlite_web_alerts(struct pvs_store_be *st,
                                   const struct pvs_scope *scope,
                                   pvs_store_alert_row_fn *fn, void *ud);
enum pvs_err pvs_sqlite_web_daily_energy(struct pvs_store_be *st,
                                         const char *site, int64_t from_ms,
                                         int days, double *ret_kwh);
enum pvs_err pvs_sqlite_web_kpis(struct pvs_store_be *st,
                                 const struct pvs_scope *scope,
                                 struct pvs_web_kpis *ret);
enum pvs_err pvs_sqlite_web_user_create(struct pvs_store_be *st,
                                        const char *username, const char *role,
                                        const char *person, const char *pwhash,
                                        int64_t now_ms,
                                        struct pvs_web_result *res);
enum pvs_err pvs_sqlite_web_user_delete(struct pvs_store_be *st, int64_t id,
                                        struct pvs_web_result *res);
enum pvs_err pvs_sqlite_web_user_password(struct pvs_store_be *st, int64_t id,
                                          const char *pwhash,
                                          struct pvs_web_result *res);
enum pvs_err pvs_sqlite_web_token_create(struct pvs_store_be *st,
                                         int64_t user_id, const char *name,
                                         const char *hash, int64_t now_ms,
                                         int64_t expires_ms,
                                         struct pvs_web_result *res);
enum pvs_err pvs_sqlite_web_token_revoke(struct pvs_store_be *st, int64_t id,
                                         int64_t now_ms,
                                         struct pvs_web_result *res);
enum pvs_err pvs_sqlite_web_session_create(struct pvs_store_be *st,
                                           int64_t user_id, const char *hash,
                                           int64_t now_ms, int64_t expires_ms,
                                           struct pvs_web_result *res);
enum pvs_err pvs_sqlite_web_session_delete(struct pvs_store_be *st,
                                           const char *hash,
                                           struct pvs_web_result *res);
/* store_entity.c */
/* The column list of entity e for a SELECT from alias a: "a.col AS
 * json, ..." for every stored field the API serves, appended to out. */
enum pvs_err pvs_sqlite_web_prune_personal(struct pvs_store_be *st,
                                           int64_t before_ms, int64_t *ret_n);
enum pvs_err pvs_sqlite_web_audit(struct pvs_store_be *st, int64_t now_ms,
                                  const char *actor, const char *action,
                                  const char *object);

/* store_copy.c: copy-store */
enum pvs_err pvs_sqlite_rows_each(struct pvs_store_be *st, const char *table,
                                  pvs_store_row_fn *fn, void *ud);
enum pvs_err pvs_sqlite_row_put(struct pvs_store_be *st, const char *table,
                                size_t n, const char *const *cols,
                                const char *const *vals);
enum pvs_err pvs_sqlite_rows_count(struct pvs_store_be *st, const char *table,
                                   int64_t *ret);
enum pvs_err pvs_sqlite_rows_clear(struct pvs_store_be *st);

/* ---- store_views.h: the API's reads of tickets and telemetry ---- */
enum pvs_err pvs_sqlite_web_tickets(struct pvs_store_be *st,
                                    const struct pvs_scope *scope,
                                    const struct pvs_ticket_filter *f,
                                    pvs_store_ticket_row_fn *fn, void *ud,
                                    int64_t *ret_total);
enum pvs_err pvs_sqlite_web_ticket(struct pvs_store_be *st,
                                   const struct pvs_scope *scope, int64_t id,
                                   bool staff, pvs_store_ticket_row_fn *fn,
                                   void *ud);
enum pvs_err pvs_sqlite_web_ticket_events(struct pvs_store_be *st, int64_t id,
                                          bool staff,
                                          pvs_store_event_row_fn *fn, void *ud);
enum pvs_err pvs_sqlite_web_ticket_alert(struct pvs_store_be *st, int64_t id,
                                         pvs_store_ticket_alert_fn *fn,
                                         void *ud);
enum pvs_err pvs_sqlite_web_ticket_messages(struct pvs_store_be *st, int64_t id,
                                            pvs_store_message_row_fn *fn,
                                            void *ud);
enum pvs_err pvs_sqlite_web_notices(struct pvs_store_be *st,
                                    const struct pvs_scope *scope,
                                    pvs_store_message_row_fn *fn, void *ud);
enum pvs_err pvs_sqlite_web_fleet(struct pvs_store_be *st,
                                  const struct pvs_scope *scope,
                                  pvs_store_fleet_row_fn *fn, void *ud);
enum pvs_err pvs_sqlite_web_series(struct pvs_store_be *st, const char *site,
                                   const char *metric, int64_t from_ms,
                                   int64_t to_ms, int64_t step_ms,
                                   pvs_store_point_fn *fn, void *ud);

/* store_objects.c: the API's objects as typed rows (store_objects.h) */
const char *pvs_sqlite_label(struct pvs_store_be *st);
enum pvs_err pvs_sqlite_obj_facts(struct pvs_store_be *st,
                                  const struct pvs_entity *e, const char *id,
                                  struct pvs_obj_facts *ret);
enum pvs_err pvs_sqlite_obj_uses(struct pvs_store_be *st,
                                 const struct pvs_entity *e, const char *id,
                                 int64_t *ret);
enum pvs_err pvs_sqlite_obj_rows(struct pvs_store_be *st,
                                 const struct pvs_entity *e, const char *id,
                                 bool api_only, pvs_store_obj_fn *fn, void *ud);
enum pvs_err pvs_sqlite_web_sites(struct pvs_store_be *st,
                                  const struct pvs_scope *scope, const char *id,
                                  int64_t limit, int64_t offset,
                                  pvs_store_site_fn *fn, void *ud,
                                  int64_t *ret_total);
enum pvs_err pvs_sqlite_web_devices(struct pvs_store_be *st,
                                    const struct pvs_scope *scope,
                                    const char *site, const char *id,
                                    pvs_store_device_fn *fn, void *ud);
enum pvs_err pvs_sqlite_web_users(struct pvs_store_be *st,
                                  pvs_store_user_fn *fn, void *ud);
enum pvs_err pvs_sqlite_web_tokens(struct pvs_store_be *st, int64_t user_id,
                                   pvs_store_token_fn *fn, void *ud);
enum pvs_err pvs_sqlite_web_silences(struct pvs_store_be *st,
                                     const struct pvs_scope *scope,
                                     pvs_store_obj_fn *fn, void *ud);
enum pvs_err pvs_sqlite_obj_write(struct pvs_store_be *st,
                                  const struct pvs_entity *e, const char *id,
                                  const struct pvs_val *vals, bool create,
                                  const char *actor, int64_t now_ms,
                                  int64_t *ret_id);
enum pvs_err pvs_sqlite_obj_delete(struct pvs_store_be *st,
                                   const struct pvs_entity *e, const char *id);
enum pvs_err pvs_sqlite_obj_erase_customer(struct pvs_store_be *st,
                                           const char *id);

#endif
