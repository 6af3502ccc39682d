/* SPDX-License-Identifier: MIT */
/*
 * web_int.h - what the files of web/ share: the server, one request being
 * answered, the caller's identity, and the helpers that build answers.
 * Private to web/.
 *
 * Threads: a request is handled start to end by one of the server's
 * worker threads; struct web_req belongs to that thread. struct pvs_web
 * is shared: its mutable parts (store pool, rate limiter) have locks.
 */
#ifndef PVS_WEB_INT_H
#define PVS_WEB_INT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <cjson/cJSON.h>
#include <microhttpd.h>

#include "pvs/command.h"
#include "pvs/config.h"
#include "pvs/queue.h"
#include "pvs/store.h"
#include "pvs/store_web.h"
#include "pvs/util.h"
#include "pvs/web.h"

#define WEB_POOL_MAX 16
#define WEB_BUCKETS 4096
#define WEB_PATH_MAX 1024
#define WEB_CMD_TIMEOUT_MS 10000
#define WEB_OUT_MAX (16 << 20) /* largest JSON answer */

#define WEB_HASH_SLOTS 4    /* most password hashes at once */
#define WEB_HASH_QUEUE 16   /* logins waiting for a slot, then 503 */
#define WEB_THROTTLE 4096   /* failed-login records (accounts, clients) */
#define WEB_CLIENT_FACTOR 4 /* a client address may fail this many times */
                            /* more than one account before refusals */

/*
 * One password hash or check, run by a hash thread (auth.c). Embedded in
 * the request that asked for it; the request is suspended meanwhile.
 */
struct web_hash_job {
    struct web_req *r;
    bool create;    /* hash pw into out; else verify pw */
    char user[64];  /* the login's account */
    char hash[128]; /* stored hash to verify ("" = none) */
    char pw[260];
    char out[128]; /* the new hash */
    bool ok, done;
    struct web_hash_job *next;
};

/* Failed logins of one account or client address. */
struct web_throttle {
    char key[80];     /* "a:" user name, or "c:" client address */
    int64_t failures; /* since the last quiet period */
    int64_t last_ms;  /* last failure */
    int64_t until_ms; /* refused until then */
};

/* Token bucket of one client address. */
struct web_bucket {
    char addr[48];
    double tokens;
    int64_t last_ms;
};

/* Requests in flight that started under one configuration epoch. */
struct web_epoch {
    uint64_t epoch;
    size_t n;
};

#define WEB_EPOCHS 8

struct pvs_web {
    /*
     * The running configuration, replaced live (pvs_web_set_config): a
     * request may read either, and the old one is freed by main only
     * once every request that started before the switch has finished.
     */
    const struct pvs_config *_Atomic cfg;
    const struct pvs_cfg_http *_Atomic http;
    pthread_mutex_t epoch_lock;
    uint64_t epoch;
    struct web_epoch live[WEB_EPOCHS];
    /* an external link /healthz reports (epoch_lock): the MQTT link */
    pvs_web_health_fn *health_fn;
    void *health_ud;
    struct pvs_queue *inbox;
    struct MHD_Daemon *mhd;
    char static_dir[WEB_PATH_MAX];
    char *tls_cert, *tls_key; /* PEM contents */
    bool have_admin;
    char admin_hash[65]; /* hex hash of the bootstrap admin token */
    /* read-only store handles, reused across requests */
    pthread_mutex_t pool_lock;
    struct pvs_store *pool[WEB_POOL_MAX];
    size_t npool;
    /* per-client rate limiting */
    pthread_mutex_t rl_lock;
    struct web_bucket *buckets;
    /*
     * Password hashing is memory-hard: a few hash threads take jobs from
     * a short queue, so worker threads never wait for a hash.
     */
    pthread_mutex_t hash_lock;
    pthread_cond_t hash_cond; /* a job was queued, or stop */
    pthread_cond_t done_cond; /* a job finished (for synchronous callers) */
    struct web_hash_job *hash_head, *hash_tail;
    size_t hash_queued, hash_busy;
    bool hash_stop;
    pthread_t hash_threads[WEB_HASH_SLOTS];
    size_t nhash_threads;
    bool can_suspend; /* bound server: a login waits suspended */
    bool auth_started;
};

enum web_role {
    ROLE_NONE = 0,
    ROLE_CUSTOMER,
    ROLE_TECHNICIAN,
    ROLE_INSTALLER,
    ROLE_ADMIN,
};

/* Who is asking. */
struct web_who {
    enum web_role role;
    int64_t user_id; /* 0: the bootstrap admin token */
    char username[PVS_WEB_NAME_MAX];
    char person[PVS_WEB_NAME_MAX]; /* technician/customer id */
    char actor[PVS_CMD_ID_MAX];    /* for timelines: "user:alice" */
    bool via_session;
    char session_hash[65];
};

struct web_req {
    struct pvs_web *w;
    struct MHD_Connection *conn;
    const char *method;
    char url[WEB_PATH_MAX];
    char client[48];
    struct pvs_buf body;
    bool too_large;
    bool started;
    struct web_who who;
    struct pvs_store *st; /* from the pool, taken when needed */
    /* the answer */
    int status;
    struct pvs_buf out;
    const char *ctype;
    char cookie[256]; /* Set-Cookie, or "" */
    uint64_t epoch;   /* configuration epoch at the start */
    /* a password check in progress (auth.c) */
    struct web_hash_job job;
    bool suspended;                   /* waiting for job, answer later */
    int64_t retry_after_s;            /* Retry-After of a 429 or 503 */
    void (*resume)(struct web_req *); /* finishes the answer after job */
};

/* ---- web.c ---- */

/* A read-only store handle for r (NULL when the database cannot open). */
struct pvs_store *pvs_web_store(struct web_req *r);
/* Query argument name, or NULL. */
const char *pvs_web_arg(struct web_req *r, const char *name);
/* Request header name, or NULL. */
const char *pvs_web_header(struct web_req *r, const char *name);
/* Whether the Content-Type's media type is type (parameters allowed). */
bool pvs_web_ctype_is(struct web_req *r, const char *type);
/*
 * The HTTP status of a neutral outcome (the store's and the engine's):
 * not found 404, exists or not in this state 409, denied 403, invalid
 * 400, unsupported 501, database (failed or away) 503, anything else 500.
 * The one place a neutral error becomes an HTTP status.
 */
int pvs_web_status(enum pvs_err rc);
/*
 * The firing alerts inside scope as the API's JSON array (views.c, from
 * the store's typed rows), appended to out.
 */
enum pvs_err pvs_view_alerts_json(struct pvs_store *st,
                                  const struct pvs_scope *scope,
                                  struct pvs_buf *out);
/*
 * The API's JSON of tickets and telemetry (views.c, from the store's
 * typed rows of store_views.h), appended to out: a page of tickets
 * ({"items", "total", "limit", "offset"}), one ticket with its timeline,
 * alert and (staff) messages, the customer notices, the fleet overview,
 * and one metric's series ({"metric", "step_ms", "points"}).
 */
enum pvs_err pvs_view_tickets_json(struct pvs_store *st,
                                   const struct pvs_scope *scope,
                                   const struct pvs_ticket_filter *f,
                                   struct pvs_buf *out);
enum pvs_err pvs_view_ticket_json(struct pvs_store *st,
                                  const struct pvs_scope *scope, int64_t id,
                                  bool staff, struct pvs_buf *out);
enum pvs_err pvs_view_notices_json(struct pvs_store *st,
                                   const struct pvs_scope *scope,
                                   struct pvs_buf *out);
enum pvs_err pvs_view_fleet_json(struct pvs_store *st,
                                 const struct pvs_scope *scope,
                                 struct pvs_buf *out);
/* The bucket a series uses for step_ms: 1 s at least, 2000 at most. */
int64_t pvs_view_series_step(int64_t from_ms, int64_t to_ms, int64_t step_ms);
enum pvs_err pvs_view_series_json(struct pvs_store *st, const char *site,
                                  const char *metric, int64_t from_ms,
                                  int64_t to_ms, int64_t step_ms,
                                  struct pvs_buf *out);
/* Answer with a JSON error: {"error": {"status", "message", "field"}}. */
void pvs_web_error(struct web_req *r, int status, const char *field,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Answer status with r->out as JSON. */
void pvs_web_json(struct web_req *r, int status);

/* ---- auth.c ---- */

/* Once, before any thread uses libsodium. */
enum pvs_err pvs_auth_init(void);
/* Hex of the hash of a token or session id (out: 65 bytes). */
void pvs_auth_hash_hex(const char *token, char out[65]);
/* A new random token "pvs_..." (out: at least 64 bytes). */
void pvs_auth_token_new(const char *prefix, char *out, size_t size);
/*
 * Memory-hard password hash (out: crypto_pwhash_STRBYTES), run on a hash
 * thread while the calling worker waits (admin-only account creation;
 * logins never wait this way). A wait for a free slot is counted.
 */
enum pvs_err pvs_auth_password_hash(struct pvs_web *w, const char *pw,
                                    char *out, size_t size);
/*
 * Why pw cannot be used (NULL when it can): invalid UTF-8, and for a new
 * password the length rule. (pvs_api_body refuses NUL bytes already.)
 */
const char *pvs_auth_password_problem(const char *pw, bool new_password);
/* Start and stop the hash threads and the failed-login table. */
enum pvs_err pvs_auth_start(struct pvs_web *w);
void pvs_auth_stop(struct pvs_web *w);
void pvs_auth_free(struct pvs_web *w);
/*
 * Set r->who from the Authorization header (Bearer token) or the session
 * cookie. Returns 0, or 401 when a token was presented but is not valid.
 */
int pvs_auth_identify(struct web_req *r);
/* The read scope of r's caller. */
void pvs_auth_scope(const struct web_req *r, struct pvs_scope *ret);
const char *pvs_auth_role_name(enum web_role role);
enum web_role pvs_auth_role_parse(const char *s);
/* Load the bootstrap admin token from the configured file. */
enum pvs_err pvs_auth_load_admin(struct pvs_web *w);
/* POST /api/v1/login and /api/v1/logout. */
void pvs_auth_login(struct web_req *r);
void pvs_auth_logout(struct web_req *r);

/* ---- api.c ---- */

/* Answer a request under /api/v1/ (path is what follows it). */
void pvs_api_handle(struct web_req *r, const char *path);
/*
 * Submit c (text, ids, actor filled in) to the engine and wait for its
 * answer. On success returns true and leaves the answer in c; otherwise
 * sets r's error answer (the engine's status and message, or 503) and
 * returns false. c stays the caller's (pvs_command_put).
 */
bool pvs_api_call(struct web_req *r, struct pvs_command *c);
/*
 * The request body as a JSON object, or NULL after answering 400 (415 for
 * another media type; 400 for a NUL byte, raw or as \u0000).
 */
cJSON *pvs_api_body(struct web_req *r);
/* Prometheus text for /metrics into r->out. */
void pvs_api_metrics(struct web_req *r);

/* ---- links.c ---- */

/* GET or POST /l/TOKEN: the page behind a signed link in a message. */
void pvs_links_handle(struct web_req *r, const char *token);

/* ---- tools.c ---- */

/* POST /api/v1/devices/{id}/test: probe the device's Modbus TCP address. */
void pvs_tools_device_test(struct web_req *r, const char *id);
/* POST /sites/{id}/mqtt-learn: what gateways publish for the site. */
void pvs_tools_mqtt_learn(struct web_req *r, const char *site);
/* POST /api/v1/import[?dry_run=1]: sites, devices and people from CSV. */
void pvs_tools_import(struct web_req *r);

/* ---- charts.c ---- */

/* GET /sites/{id}/energy (the site is inside the caller's scope). */
void pvs_api_site_energy(struct web_req *r, const char *id);

/*
 * A site's clear sky per kWp as the store holds it (pvs_store_sky_read):
 * rows by time. charts.c; the request's thread.
 */
struct web_sky {
    struct pvs_sky_row *row;
    size_t n, cap;
};
/* Read site's hourly or daily rows starting in [from, to) into k. */
enum pvs_err pvs_web_sky_read(struct pvs_store *st, const char *site,
                              bool daily, int64_t from, int64_t to,
                              struct web_sky *k);
void pvs_web_sky_release(struct web_sky *k);
/* Wh per kWp of the rows starting in [from, to); false: none there. */
bool pvs_web_sky_sum(const struct web_sky *k, int64_t from, int64_t to,
                     double *ret_wh);
/*
 * W per kWp at instant t from hourly rows: each hour's mean at its middle,
 * straight lines between; false when t's hour has no row.
 */
bool pvs_web_sky_power(const struct web_sky *k, int64_t t, double *ret_w);

#endif
