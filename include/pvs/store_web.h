/* SPDX-License-Identifier: MIT */
/*
 * store_web.h - the store queries of the HTTP API
 * (core/store/store_web.c): JSON for reads on the API's own read-only
 * handles, and the writes that the engine runs for the API's commands
 * (core/daemon/engine_api.c) inside its batch transaction.
 *
 * Visibility: every read takes a struct pvs_scope. Staff (admin,
 * installer) see everything; a technician sees the sites whose technician
 * they are and the tickets of those sites or assigned to them; a customer
 * sees only the sites whose customer they are. An object outside the scope
 * is reported as PVS_ERR_NOTFOUND, exactly like one that does not exist.
 *
 * JSON output is appended to a capped struct pvs_buf; PVS_ERR_FULL when
 * the cap is reached. Strings are always escaped.
 *
 * A handle is used by one thread at a time (store.h).
 */
#ifndef PVS_STORE_WEB_H
#define PVS_STORE_WEB_H

#include <stdbool.h>
#include <stdint.h>
#include "pvs/entity.h"
#include "pvs/store.h"
#include "pvs/util.h"

enum pvs_scope_kind {
    PVS_SCOPE_ALL = 0,
    PVS_SCOPE_TECHNICIAN = 1,
    PVS_SCOPE_CUSTOMER = 2,
};

struct pvs_scope {
    enum pvs_scope_kind kind;
    const char *person; /* technician or customer id (borrowed) */
};

/* ---- accounts (read side) ---- */

#define PVS_WEB_NAME_MAX 64
#define PVS_WEB_HASH_MAX 160

/* A user as the authentication code needs it. */
struct pvs_web_user {
    int64_t id;
    char username[PVS_WEB_NAME_MAX];
    char role[16];                 /* admin, installer, technician, customer */
    char person[PVS_WEB_NAME_MAX]; /* technician/customer id, or "" */
    char pwhash[PVS_WEB_HASH_MAX]; /* crypto_pwhash_str, or "" */
    bool disabled;
};

/* By user name, for a password login. */
enum pvs_err pvs_store_web_user_by_name(struct pvs_store *st,
                                        const char *username,
                                        struct pvs_web_user *ret);
/*
 * The user behind an API token (hash: hex of the token's hash) that is
 * neither revoked nor expired at now_ms (real time).
 */
enum pvs_err pvs_store_web_user_by_token(struct pvs_store *st, const char *hash,
                                         int64_t now_ms,
                                         struct pvs_web_user *ret);
/* The user behind a session cookie that has not expired at now_ms. */
enum pvs_err pvs_store_web_user_by_session(struct pvs_store *st,
                                           const char *hash, int64_t now_ms,
                                           struct pvs_web_user *ret);

/* ---- reads as JSON ---- */

struct pvs_ticket_filter {
    const char *status; /* a status, "active", or NULL */
    const char *site;   /* NULL = any */
    int64_t limit;      /* 1..500 */
    int64_t offset;
};

/* PVS_OK when ticket id exists and is inside the scope. */
enum pvs_err pvs_store_web_ticket_visible(struct pvs_store *st,
                                          const struct pvs_scope *scope,
                                          int64_t id);

/* PVS_OK when site id exists and is inside the scope. */
enum pvs_err pvs_store_web_site_visible(struct pvs_store *st,
                                        const struct pvs_scope *scope,
                                        const char *id);
/* The owner (user id) of token id, or PVS_ERR_NOTFOUND. */
enum pvs_err pvs_store_web_token_owner(struct pvs_store *st, int64_t id,
                                       int64_t *ret_user);
/*
 * An alert whose latest transition is firing, as pvs_store_web_alerts
 * reports it: strings valid during the call (NULL when not recorded),
 * numbers NAN when not recorded.
 */
struct pvs_alert_row {
    int64_t id;
    const char *fingerprint, *rule, *family, *site, *device, *subject;
    const char *severity;
    int64_t started_ms, ts_ms;
    double measured, expected, lost_kwh, lost_kwh_per_day;
    const char *evidence, *explanation, *kb;
    bool silenced;
};
typedef void pvs_store_alert_row_fn(void *ud, const struct pvs_alert_row *a);
/*
 * Call fn for each alert whose latest transition is firing, inside the
 * scope, newest first (at most 1000). web/ turns them into the API's JSON.
 */
enum pvs_err pvs_store_web_alerts(struct pvs_store *st,
                                  const struct pvs_scope *scope,
                                  pvs_store_alert_row_fn *fn, void *ud);
/*
 * Energy produced per UTC day from from_ms on (days entries of ret_kwh),
 * from the hourly mean of ac_power_w summed over the site's devices.
 */
enum pvs_err pvs_store_web_daily_energy(struct pvs_store *st, const char *site,
                                        int64_t from_ms, int days,
                                        double *ret_kwh);
/* Counts for the fleet overview and /metrics, inside the scope. */
struct pvs_web_kpis {
    int64_t sites, devices, tickets_open, alerts_firing;
    double lost_kwh_open; /* energy lost on open tickets */
};
enum pvs_err pvs_store_web_kpis(struct pvs_store *st,
                                const struct pvs_scope *scope,
                                struct pvs_web_kpis *ret);

/* ---- entities written through the API ---- */

/* The entity called name that the API creates (entity.h), or NULL. */
const struct pvs_entity *pvs_store_web_entity(const char *name);

/* PVS_OK when entity e has a row id (read-only handles too). */
enum pvs_err pvs_store_web_exists(struct pvs_store *st,
                                  const struct pvs_entity *e, const char *id);
/* Whether id is a usable object id: 1..64 of [A-Za-z0-9._-]. */
bool pvs_store_web_id_valid(const char *id);

/*
 * Engine thread only. Outcome of a write, returned as a neutral error:
 * PVS_OK, PVS_ERR_NOTFOUND (no such object), PVS_ERR_EXISTS (exists
 * already, or still used by others), PVS_ERR_DENIED (read-only here, or
 * someone else's), PVS_ERR_INVAL (a bad reference or argument), PVS_ERR_DB.
 * msg says what happened in words for the answer; only web/ turns the
 * outcome into an HTTP status.
 */
struct pvs_web_result {
    bool created; /* a new object */
    char msg[200];
    int64_t id;
};

/*
 * Create (create true) or update entity e id from vals, one per field of
 * e (struct pvs_entity_vals: PVS_VAL_NONE is not given), which web/
 * built from a request it validated. The references they name must
 * exist (and a site be one the caller may edit). owner: when not NULL,
 * an update or delete needs the row's created_by to be owner (installers
 * change only what they registered).
 */
enum pvs_err pvs_store_web_put(struct pvs_store *st, const struct pvs_entity *e,
                               const char *id, const struct pvs_val *vals,
                               bool create, const char *actor,
                               const char *owner, int64_t now_ms,
                               struct pvs_web_result *res) PVS_MUST_CHECK;
enum pvs_err pvs_store_web_delete(struct pvs_store *st,
                                  const struct pvs_entity *e, const char *id,
                                  const char *owner,
                                  struct pvs_web_result *res) PVS_MUST_CHECK;

enum pvs_err
pvs_store_web_user_create(struct pvs_store *st, const char *username,
                          const char *role, const char *person,
                          const char *pwhash, int64_t now_ms,
                          struct pvs_web_result *res) PVS_MUST_CHECK;
enum pvs_err
pvs_store_web_user_delete(struct pvs_store *st, int64_t id,
                          struct pvs_web_result *res) PVS_MUST_CHECK;
/* Set user id's password hash, enable the account, end its sessions. */
enum pvs_err
pvs_store_web_user_password(struct pvs_store *st, int64_t id,
                            const char *pwhash,
                            struct pvs_web_result *res) PVS_MUST_CHECK;
enum pvs_err
pvs_store_web_token_create(struct pvs_store *st, int64_t user_id,
                           const char *name, const char *hash, int64_t now_ms,
                           int64_t expires_ms,
                           struct pvs_web_result *res) PVS_MUST_CHECK;
enum pvs_err
pvs_store_web_token_revoke(struct pvs_store *st, int64_t id, int64_t now_ms,
                           struct pvs_web_result *res) PVS_MUST_CHECK;
enum pvs_err pvs_store_web_session_create(
    struct pvs_store *st, int64_t user_id, const char *hash, int64_t now_ms,
    int64_t expires_ms, struct pvs_web_result *res) PVS_MUST_CHECK;
enum pvs_err
pvs_store_web_session_delete(struct pvs_store *st, const char *hash,
                             struct pvs_web_result *res) PVS_MUST_CHECK;
enum pvs_err
pvs_store_web_silence_create(struct pvs_store *st, const struct pvs_val *vals,
                             const char *actor, int64_t now_ms,
                             struct pvs_web_result *res) PVS_MUST_CHECK;
/* owner: when not NULL, only a silence that owner created goes. */
enum pvs_err
pvs_store_web_silence_delete(struct pvs_store *st, int64_t id,
                             const char *owner,
                             struct pvs_web_result *res) PVS_MUST_CHECK;
/*
 * Erase customer id's personal data: name, email and phone of the person,
 * recipients and bodies of their messages, their ticket comments; their
 * logins are disabled. Tickets and telemetry stay (no personal data).
 */
enum pvs_err
pvs_store_web_erase_customer(struct pvs_store *st, const char *id,
                             struct pvs_web_result *res) PVS_MUST_CHECK;
/*
 * Retention of personal data: the text of customer notices created before
 * before_ms and the comments of surveys answered before it are replaced;
 * *ret_n (may be NULL) counts the rows changed. Engine thread, inside its
 * transaction, when [http] personal_data_retention is set.
 */
enum pvs_err pvs_store_web_prune_personal(struct pvs_store *st,
                                          int64_t before_ms,
                                          int64_t *ret_n) PVS_MUST_CHECK;
/* One line in the audit log. */
enum pvs_err pvs_store_web_audit(struct pvs_store *st, int64_t now_ms,
                                 const char *actor, const char *action,
                                 const char *object) PVS_MUST_CHECK;

#endif
