/* SPDX-License-Identifier: MIT */
/*
 * store.h - the persistent store. These functions dispatch to the backend
 * that the `database` setting selects (a path or sqlite:PATH: SQLite in WAL
 * mode; a postgresql:// URL: PostgreSQL when built in); the backends fill
 * the table of operations in store_ops.h, which also states the contract
 * every operation keeps (neutral errors, batches, out-parameters). Only
 * the backends under core/store/<name>/ include their library's header.
 *
 * One writer: the engine thread opens the store read-write and is the only
 * one that writes; every other reader (CLI, HTTP API) opens its own
 * read-only handle. A struct pvs_store is used by one thread at a time.
 *
 * Opening read-write creates the schema or migrates it with numbered
 * migrations (PRAGMA user_version); a copy of an existing database is
 * taken before any migration runs (PATH.bak-vN).
 */
#ifndef PVS_STORE_H
#define PVS_STORE_H

#include <stdbool.h>
#include <stdint.h>
#include "pvs/config.h"
#include "pvs/metrics.h"
#include "pvs/alert.h"
#include "pvs/ticket_types.h"
#include "pvs/util.h"

struct pvs_store;

enum pvs_store_flags {
    PVS_STORE_READONLY = (1 << 0),
    /* With READONLY: a server database pvsentry has not set up yet (no
     * schema) is PVS_ERR_NOTFOUND, not logged, like a missing file. */
    PVS_STORE_IF_CREATED = (1 << 1),
};

/*
 * Open the store that target names (the `database` setting: a path,
 * sqlite:PATH, or a URL of a backend built in). PVS_ERR_UNSUPPORTED, logged,
 * for a backend this build lacks (postgresql://... without PostgreSQL).
 */
enum pvs_err pvs_store_open(const char *target, unsigned flags,
                            struct pvs_store **ret);
void pvs_store_close(struct pvs_store *st);
/* The backend's name: "sqlite", "postgresql". */
const char *pvs_store_backend_name(struct pvs_store *st);
/* Schema version of an open store. */
int pvs_store_version(struct pvs_store *st);
/* The last SQLite error message of this handle (for logs). */
const char *pvs_store_errmsg(struct pvs_store *st);

/*
 * A batch: the writes between begin and commit are one transaction. The
 * first write inside it that fails (other than a neutral refusal: not
 * found, exists, denied, invalid, full) sticks to the batch: commit then
 * rolls everything back and returns that error, so nothing of the batch
 * is kept. pvs_store_batch_error tells the error so far (PVS_OK when
 * none), for callers that want to stop early.
 */
enum pvs_err pvs_store_begin(struct pvs_store *st);
enum pvs_err pvs_store_commit(struct pvs_store *st) PVS_MUST_CHECK;
void pvs_store_rollback(struct pvs_store *st);
/*
 * Whether the store keeps a batch for its server's return. Inside a
 * batch: the server went away under it (or was away at begin); its
 * writes are kept and succeed, its reads fail, so the caller skips the
 * reads it can do later (and a read it cannot skip makes the batch one
 * that cannot be kept). After a commit that failed with PVS_ERR_IO: the
 * backend holds every write of that batch; the next pvs_store_begin that
 * reaches the server applies the whole batch again first (or fails, and
 * it stays kept), so it commits with the next batch that commits, and
 * pvs_store_rollback leaves it kept. false for a batch that is gone (and
 * for backends without a server).
 */
bool pvs_store_kept(struct pvs_store *st);
enum pvs_err pvs_store_batch_error(struct pvs_store *st);

/*
 * Fault injection, for tests of every backend: the next call of write
 * operation op ("appointment_add": the pvs_store_ name without its prefix)
 * fails with rc without reaching the backend, and is logged as a real
 * failure would be. op NULL clears it.
 */
void pvs_store_inject(struct pvs_store *st, const char *op, enum pvs_err rc);

/* Mirror the config's sites, devices and people (source = config). */
enum pvs_err pvs_store_sync_config(struct pvs_store *st,
                                   const struct pvs_config *cfg) PVS_MUST_CHECK;

/*
 * Samples of cfg's devices (s->dev indexes cfg->devices). Consecutive
 * samples of one device and instant are stored as one row; a metric
 * already stored for that device and instant keeps its first value.
 */
enum pvs_err pvs_store_add_samples(struct pvs_store *st,
                                   const struct pvs_config *cfg,
                                   const struct pvs_sample *s,
                                   size_t n) PVS_MUST_CHECK;
/*
 * Delete raw samples older than before_ms. *ret_deleted (may be NULL) is
 * the number of rows gone, one per device and instant.
 */
enum pvs_err pvs_store_prune_samples(struct pvs_store *st, int64_t before_ms,
                                     int64_t *ret_deleted) PVS_MUST_CHECK;

/*
 * Production rollups: per device, per site-local hour and day, the
 * energy made (wh), the energy expected by the rules' model (exp_wh),
 * how many readings went in (n), how many of them had an irradiance
 * sensor behind the expectation (sensor_n) and the highest power.
 */
struct pvs_rollup_delta {
    const char *device; /* borrowed */
    int64_t hour_ms;    /* start of the site-local hour */
    int64_t day_ms;     /* start of the site-local day */
    int64_t n, sensor_n;
    double wh, exp_wh, peak_w;
};
/*
 * Add n deltas to their hour and day rows (created when missing). Engine
 * thread, inside its batch transaction: two statements per delta, so the
 * caller sums a batch's readings per device and hour first.
 */
enum pvs_err pvs_store_rollup_add(struct pvs_store *st,
                                  const struct pvs_rollup_delta *d,
                                  size_t n) PVS_MUST_CHECK;

/* One rollup row, as pvs_store_rollup_read reports it. */
struct pvs_rollup_row {
    const char *device; /* valid during the call */
    int64_t ts_ms;      /* start of the hour or day */
    int64_t n, sensor_n;
    double wh, exp_wh, peak_w;
};
typedef void pvs_store_rollup_fn(void *ud, const struct pvs_rollup_row *r);
/*
 * Call fn for each hourly (daily false) or daily row of the devices of
 * site whose start is in [from_ms, to_ms), by device then time.
 * *ret_rows (may be NULL) counts the rows read.
 */
enum pvs_err pvs_store_rollup_read(struct pvs_store *st, const char *site,
                                   bool daily, int64_t from_ms, int64_t to_ms,
                                   pvs_store_rollup_fn *fn, void *ud,
                                   int64_t *ret_rows);

/*
 * The clear sky at a site, per kWp of array: what the expectation model
 * gives without a sensor (rules/expect.c), computed by the engine and
 * stored so that readers (the dashboard's charts) need no model. Hourly
 * rows hold the energy of one UTC hour (quarter-hour steps), daily rows
 * that of one site-local day (hourly steps), both in Wh per kWp. The
 * engine keeps a window of them current (engine_sky.c); a reader that
 * finds no row has no clear sky for that time.
 */
struct pvs_sky_row {
    int64_t ts_ms; /* start of the UTC hour, or of the site-local day */
    double wh;     /* Wh per kWp */
};
/*
 * Store n rows of site's hourly (daily false) or daily clear sky, each
 * replacing the row of its start if there is one. Engine thread.
 */
enum pvs_err pvs_store_sky_put(struct pvs_store *st, const char *site,
                               bool daily, const struct pvs_sky_row *r,
                               size_t n) PVS_MUST_CHECK;
typedef void pvs_store_sky_fn(void *ud, const struct pvs_sky_row *r);
/*
 * Call fn for each of site's hourly or daily clear-sky rows whose start
 * is in [from_ms, to_ms), by time. *ret_rows (may be NULL) counts them.
 */
enum pvs_err pvs_store_sky_read(struct pvs_store *st, const char *site,
                                bool daily, int64_t from_ms, int64_t to_ms,
                                pvs_store_sky_fn *fn, void *ud,
                                int64_t *ret_rows);
/*
 * Delete the hourly clear-sky rows of every site that start before
 * before_ms (the daily ones are few and kept). Engine thread.
 */
enum pvs_err pvs_store_sky_prune(struct pvs_store *st,
                                 int64_t before_ms) PVS_MUST_CHECK;

/*
 * Record what a device says it is. When the serial differs from the one
 * stored, a device replacement is recorded and *ret_replaced set.
 */
enum pvs_err pvs_store_device_info(struct pvs_store *st, const char *device,
                                   const char *serial, const char *manufacturer,
                                   const char *model, int64_t ts_ms,
                                   bool *ret_replaced) PVS_MUST_CHECK;

/* Append an alert transition; an UPDATE rewrites the running figures
 * (severity, lost energy, evidence) on the alert's firing row. */
enum pvs_err
pvs_store_add_alert(struct pvs_store *st,
                    const struct pvs_alert_event *ev) PVS_MUST_CHECK;
/*
 * Call fn for each fingerprint whose last transition is "firing" (to
 * restore rule state after a restart). Only fingerprint, rule_id,
 * subject, severity, started_ms, ts_ms (when it fired), lost_kwh,
 * lost_kwh_per_day, evidence, explanation and the
 * site/device (resolved against cfg, may be NULL) are set; the strings are
 * valid during the call only.
 */
typedef void pvs_store_alert_fn(void *ud, const struct pvs_alert_event *ev);
enum pvs_err pvs_store_firing_alerts(struct pvs_store *st,
                                     const struct pvs_config *cfg,
                                     pvs_store_alert_fn *fn, void *ud);

/*
 * What the rule families learnt per device (pvs_ruleset_save_learnt),
 * kept in the meta table under "learnt/RULE/DEVICE": put replaces one
 * line, each calls fn for every stored line (strings valid during the
 * call). Engine thread only.
 */
enum pvs_err pvs_store_learnt_put(struct pvs_store *st, const char *rule,
                                  const char *device,
                                  const char *text) PVS_MUST_CHECK;
typedef void pvs_store_learnt_fn(void *ud, const char *rule, const char *device,
                                 const char *text);
enum pvs_err pvs_store_learnt_each(struct pvs_store *st,
                                   pvs_store_learnt_fn *fn, void *ud);

/*
 * Call fn for each stored sample of the n devices taken at or after
 * since_ms, in time order (a cluster worker taking sites over gives the
 * rules their recent windows back). metric is the canonical name
 * ("ac_power_w"); strings valid during the call. Engine thread only;
 * PVS_ERR_UNSUPPORTED on a backend without it.
 */
typedef void pvs_store_sample_fn(void *ud, const char *device,
                                 const char *metric, int64_t ts_ms,
                                 double value, int quality);
enum pvs_err pvs_store_recent_samples(struct pvs_store *st,
                                      const char *const *devices, size_t n,
                                      int64_t since_ms, pvs_store_sample_fn *fn,
                                      void *ud);

/* The most recent ticket of fingerprint fp, or PVS_ERR_NOTFOUND. */
enum pvs_err pvs_store_ticket_by_fp(struct pvs_store *st, const char *fp,
                                    struct pvs_ticket *ret);
/* The ticket with this id, or PVS_ERR_NOTFOUND. */
enum pvs_err pvs_store_ticket_get(struct pvs_store *st, int64_t id,
                                  struct pvs_ticket *ret);
/*
 * Insert t (t->id is set). A fingerprint has at most one open ticket (a
 * unique index is the backstop against two writers that both saw none):
 * when another one is open, PVS_ERR_EXISTS and nothing changes (the batch
 * goes on); read it with pvs_store_ticket_by_fp and join it.
 */
enum pvs_err pvs_store_ticket_create(struct pvs_store *st,
                                     struct pvs_ticket *t) PVS_MUST_CHECK;
enum pvs_err pvs_store_ticket_update(struct pvs_store *st,
                                     const struct pvs_ticket *t) PVS_MUST_CHECK;
enum pvs_err pvs_store_ticket_event(struct pvs_store *st, int64_t ticket_id,
                                    int64_t ts_ms, const char *kind,
                                    const char *actor,
                                    const char *text) PVS_MUST_CHECK;

/* One message to deliver. Strings owned by the struct. */
struct pvs_outbox {
    int64_t id;
    int64_t ticket_id;
    char *channel;   /* email */
    char *audience;  /* technician, customer */
    char *kind;      /* alert, notice, recovered */
    char *recipient; /* address */
    char *subject;
    char *body;       /* the complete message as it is sent */
    char *message_id; /* idempotency key, stable across resends */
    char *status;     /* pending, sent, dead */
    int64_t attempts;
    int64_t created_ms;
    int64_t next_attempt_ms;
};
void pvs_outbox_release(struct pvs_outbox *o);

/* Insert o (o->id set). */
enum pvs_err pvs_store_outbox_add(struct pvs_store *st,
                                  struct pvs_outbox *o) PVS_MUST_CHECK;
/* Load one row. */
enum pvs_err pvs_store_outbox_get(struct pvs_store *st, int64_t id,
                                  struct pvs_outbox *ret);
/* Ids of every pending row, oldest first. Caller frees *ret_ids. */
enum pvs_err pvs_store_outbox_pending(struct pvs_store *st, int64_t **ret_ids,
                                      size_t *ret_n);
/*
 * Record one delivery attempt and the row's new status ("sent",
 * "pending" or "dead").
 */
enum pvs_err pvs_store_outbox_attempt(struct pvs_store *st, int64_t id,
                                      int64_t ts_ms, bool ok, const char *error,
                                      const char *new_status) PVS_MUST_CHECK;

/*
 * Copying a whole store to another backend (pvsentry copy-store). The
 * tables copied, parents before children, end with NULL. Rows travel as
 * column names and text values (NULL for SQL NULL), ids included.
 */
extern const char *const pvs_store_tables[];
/* Called for each row; a non-zero return stops the walk (PVS_ERR_CLOSED). */
typedef int pvs_store_row_fn(void *ud, size_t n, const char *const *cols,
                             const char *const *vals);
/* Every row of table (one of pvs_store_tables), in key order. */
enum pvs_err pvs_store_rows_each(struct pvs_store *st, const char *table,
                                 pvs_store_row_fn *fn, void *ud);
/* Insert one row into table (engine-less use only: copy-store). */
enum pvs_err pvs_store_row_put(struct pvs_store *st, const char *table,
                               size_t n, const char *const *cols,
                               const char *const *vals);
/* The number of rows of table (one of pvs_store_tables). */
enum pvs_err pvs_store_rows_count(struct pvs_store *st, const char *table,
                                  int64_t *ret);
/* Delete every row of every copied table. */
enum pvs_err pvs_store_rows_clear(struct pvs_store *st);
/* After rows were put with their ids: new ids continue after them. */
enum pvs_err pvs_store_rows_done(struct pvs_store *st);

/* Row counts, for tests and status output; table must be a known name. */
enum pvs_err pvs_store_count(struct pvs_store *st, const char *table,
                             int64_t *ret);

/*
 * The ids of kind ("sites", "devices" or "tickets", newest first) in the
 * store, one a line, appended to out: at most limit (0 = all).
 * PVS_ERR_INVAL for another kind.
 */
enum pvs_err pvs_store_ids(struct pvs_store *st, const char *kind, size_t limit,
                           struct pvs_buf *out);

/* The backend finds its data intact (SQLite: integrity_check is ok). */
enum pvs_err pvs_store_check(struct pvs_store *st);

/*
 * Backup and check are backend operations: a backend without them answers
 * PVS_ERR_UNSUPPORTED (and backup says so in msg).
 *
 * Copy the store to dst_path while it may be in use (SQLite online backup
 * through st, which may be read-only): a consistent snapshot of the last
 * commit, checked, written to a temporary file and renamed over dst_path.
 * *ret_pages (may be NULL) receives the page count. On failure msg says
 * why and dst_path is untouched.
 */
enum pvs_err pvs_store_backup(struct pvs_store *st, const char *dst_path,
                              int64_t *ret_pages, char *msg, size_t msgsize);

#endif
