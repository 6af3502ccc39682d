/* SPDX-License-Identifier: MIT */
/*
 * auth.c - who is asking: API tokens, password logins and session
 * cookies, and the read scope that follows from a role.
 *
 * DESIGN
 * Tokens and session ids are 256 random bits (libsodium), shown once and
 * stored only as a BLAKE2b hash: a stolen database yields no usable
 * credential, and a fast hash is enough because the secret has full
 * entropy. Passwords are different (people choose them), so they get
 * Argon2id through crypto_pwhash_str. Hashing is memory-hard on purpose,
 * so only a few hashes (half the cores) run at a time, on threads of their own:
 * a login is suspended (libmicrohttpd) while its hash waits and runs, and its
 * worker thread goes on serving token requests. A login for an unknown user
 * still pays the same price, so timing does not reveal which names exist.
 *
 * Failed logins are counted per account and per client address (the
 * forwarded one behind a trusted proxy). Past login_attempts (a client:
 * WEB_CLIENT_FACTOR times more, for offices behind one address) every
 * failure refuses further logins for twice as long as the one before, up
 * to login_lockout: 429 with Retry-After, and no hash is spent on them.
 * The table is in this process's memory and survives reloads.
 *
 * Sessions are rows (hash, user, expiry) written by the engine like any
 * other write; logging out deletes the row, and disabling a user ends
 * every session and token at once.
 */
#define PVS_LOG_MODULE "web"
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "pvs/clock.h"
#include "pvs/credentials.h"
#include "pvs/inbox.h"
#include "pvs/log.h"
#include "pvs/stats.h"
#include "web_int.h"

static int64_t wall_ms(void) {
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

enum pvs_err pvs_auth_init(void) {
    if (sodium_init() < 0) {
        pvs_error("cannot initialise libsodium");
        return PVS_ERR_IO;
    }
    return PVS_OK;
}

void pvs_auth_hash_hex(const char *token, char out[65]) {
    unsigned char h[32];

    crypto_generichash(h, sizeof(h), (const unsigned char *)token,
                       strlen(token), NULL, 0);
    sodium_bin2hex(out, 65, h, sizeof(h));
}

void pvs_auth_token_new(const char *prefix, char *out, size_t size) {
    unsigned char raw[32];
    char b64[sodium_base64_ENCODED_LEN(
        32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

    randombytes_buf(raw, sizeof(raw));
    sodium_bin2base64(b64, sizeof(b64), raw, sizeof(raw),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    pvs_snprintf(out, size, "%s%s", prefix, b64);
    sodium_memzero(raw, sizeof(raw));
    sodium_memzero(b64, sizeof(b64));
}

/*
 * The failed-login table outlives the server object: a reload (after any
 * change through the API) makes a new one, and must not wipe the record
 * of an attack in progress.
 */
static pthread_mutex_t th_lock = PTHREAD_MUTEX_INITIALIZER;
static struct web_throttle th_table[WEB_THROTTLE];
static unsigned char th_key[crypto_shorthash_KEYBYTES]; /* no chosen */
static bool th_keyed;                                   /* collisions */

/* ---- password hashing ---- */

static void hash_run(struct web_hash_job *j) {
    static const unsigned char salt[crypto_pwhash_SALTBYTES];
    unsigned char sink[32];
    size_t n = strlen(j->pw);

    if (j->create) {
        j->ok = crypto_pwhash_str(j->out, j->pw, n,
                                  crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                  crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
    } else if (j->hash[0]) {
        j->ok = crypto_pwhash_str_verify(j->hash, j->pw, n) == 0;
    } else {
        /* The same work for a user that does not exist. */
        if (crypto_pwhash(sink, sizeof(sink), j->pw, n, salt,
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE,
                          crypto_pwhash_ALG_DEFAULT))
            sink[0] = 0;
        j->ok = false;
    }
    sodium_memzero(j->pw, sizeof(j->pw));
}

/*
 * A hash thread: takes jobs until told to stop and the queue is empty, so
 * every suspended request is resumed before the server stops.
 */
static void *hash_main(void *arg) {
    struct pvs_web *w = arg;
    struct web_hash_job *j;

    /*
     * Hashing is the one thing here an attacker can make expensive: it
     * yields the CPU to everything else (nice 10 for this thread only, as
     * Linux applies nice values per thread).
     */
    if (setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10))
        pvs_debug("cannot lower the priority of a hash thread");
    pthread_mutex_lock(&w->hash_lock);
    for (;;) {
        while (!w->hash_head && !w->hash_stop)
            pthread_cond_wait(&w->hash_cond, &w->hash_lock);
        j = w->hash_head;
        if (!j)
            break;
        w->hash_head = j->next;
        if (!w->hash_head)
            w->hash_tail = NULL;
        w->hash_queued--;
        w->hash_busy++;
        pthread_mutex_unlock(&w->hash_lock);
        hash_run(j);
        pthread_mutex_lock(&w->hash_lock);
        w->hash_busy--;
        j->done = true;
        if (j->r && j->r->suspended)
            MHD_resume_connection(j->r->conn);
        pthread_cond_broadcast(&w->done_cond);
    }
    pthread_mutex_unlock(&w->hash_lock);
    return NULL;
}

/* Queue j (hash_lock held); false when the queue is full or stopping. */
static bool hash_queue(struct pvs_web *w, struct web_hash_job *j) {
    if (w->hash_stop || !w->nhash_threads || w->hash_queued >= WEB_HASH_QUEUE)
        return false;
    j->next = NULL;
    j->done = false;
    if (w->hash_tail)
        w->hash_tail->next = j;
    else
        w->hash_head = j;
    w->hash_tail = j;
    w->hash_queued++;
    pthread_cond_signal(&w->hash_cond);
    return true;
}

/*
 * Run j while this thread waits. Only for callers whose thread may block
 * (account creation, a thread-per-connection server, a server being
 * stopped). With a slot free, or the hash threads stopping, the hash runs
 * right here, at this thread's priority; otherwise j waits
 * its turn on a hash thread, and the wait is counted, since it holds a
 * request up.
 */
static bool hash_sync(struct pvs_web *w, struct web_hash_job *j) {
    bool queued;

    pthread_mutex_lock(&w->hash_lock);
    if (w->hash_stop || w->hash_busy + w->hash_queued < w->nhash_threads) {
        w->hash_busy++;
        pthread_mutex_unlock(&w->hash_lock);
        hash_run(j);
        pthread_mutex_lock(&w->hash_lock);
        w->hash_busy--;
        j->done = true;
        pthread_mutex_unlock(&w->hash_lock);
        return true;
    }
    pvs_stats_add(PVS_STAT_LOGIN_HASH_WAITS, 1);
    queued = hash_queue(w, j);
    while (queued && !j->done)
        pthread_cond_wait(&w->done_cond, &w->hash_lock);
    pthread_mutex_unlock(&w->hash_lock);
    return queued;
}

enum pvs_err pvs_auth_password_hash(struct pvs_web *w, const char *pw,
                                    char *out, size_t size) {
    struct web_hash_job j;

    PVS_ASSERT(size >= crypto_pwhash_STRBYTES);
    memset(&j, 0, sizeof(j));
    j.create = true;
    pvs_strlcpy(j.pw, pw, sizeof(j.pw));
    if (!hash_sync(w, &j) || !j.ok) {
        sodium_memzero(&j, sizeof(j));
        pvs_error("cannot hash a password (busy, or out of memory)");
        return PVS_ERR_NOMEM;
    }
    pvs_strlcpy(out, j.out, size);
    sodium_memzero(&j, sizeof(j));
    return PVS_OK;
}

enum pvs_err pvs_auth_start(struct pvs_web *w) {
    size_t slots;
    long ncpu;

    pthread_mutex_init(&w->hash_lock, NULL);
    pthread_cond_init(&w->hash_cond, NULL);
    pthread_cond_init(&w->done_cond, NULL);
    w->auth_started = true;
    pthread_mutex_lock(&th_lock);
    if (!th_keyed)
        randombytes_buf(th_key, sizeof(th_key));
    th_keyed = true;
    pthread_mutex_unlock(&th_lock);
    /* Half the cores at most: the rest of pvsentry keeps running. */
    ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    slots = ncpu >= 2 ? (size_t)ncpu / 2 : 1;
    if (slots > WEB_HASH_SLOTS)
        slots = WEB_HASH_SLOTS;
    for (size_t i = 0; i < slots; i++) {
        if (pthread_create(&w->hash_threads[i], NULL, hash_main, w)) {
            pvs_error("cannot start a password hashing thread");
            return PVS_ERR_NOMEM;
        }
        w->nhash_threads++;
    }
    return PVS_OK;
}

void pvs_auth_stop(struct pvs_web *w) {
    if (!w->auth_started)
        return;
    pthread_mutex_lock(&w->hash_lock);
    w->hash_stop = true;
    pthread_cond_broadcast(&w->hash_cond);
    pthread_mutex_unlock(&w->hash_lock);
    for (size_t i = 0; i < w->nhash_threads; i++)
        pthread_join(w->hash_threads[i], NULL);
    w->nhash_threads = 0;
}

void pvs_auth_free(struct pvs_web *w) {
    if (!w->auth_started)
        return;
    pvs_auth_stop(w);
    pthread_mutex_destroy(&w->hash_lock);
    pthread_cond_destroy(&w->hash_cond);
    pthread_cond_destroy(&w->done_cond);
    w->auth_started = false;
}

const char *pvs_auth_password_problem(const char *pw, bool new_password) {
    size_t n = pw ? strlen(pw) : 0;

    if (!pvs_utf8_valid(pw ? pw : "", n))
        return "password: not valid UTF-8";
    if (new_password && (n < 10 || n > 256))
        return "password must be 10 to 256 characters";
    return NULL;
}

/* ---- failed logins ---- */

/* The record of key (th_lock held); a new key takes over its slot. */
static struct web_throttle *th_slot(struct pvs_web *w, const char *key,
                                    int64_t now) {
    unsigned char h[crypto_shorthash_BYTES];
    struct web_throttle *t;
    uint64_t v;

    crypto_shorthash(h, (const unsigned char *)key, strlen(key), th_key);
    memcpy(&v, h, sizeof(v));
    t = &th_table[v % WEB_THROTTLE];
    if (strcmp(t->key, key)) {
        memset(t, 0, sizeof(*t));
        pvs_strlcpy(t->key, key, sizeof(t->key));
    }
    /* A quiet period as long as the longest refusal starts afresh. */
    if (t->failures && now - t->last_ms > w->http->login_lockout_ms)
        t->failures = 0;
    return t;
}

/* Milliseconds key is still refused for (0: allowed). */
static int64_t th_refused(struct pvs_web *w, const char *key, int64_t now) {
    struct web_throttle *t;
    int64_t left;

    pthread_mutex_lock(&th_lock);
    t = th_slot(w, key, now);
    left = t->until_ms > now ? t->until_ms - now : 0;
    pthread_mutex_unlock(&th_lock);
    return left;
}

/*
 * Count a failure of key, allowed free failures before refusals start.
 * From then on each failure refuses key for twice as long as the one
 * before (1 s, 2 s, 4 s...), up to login_lockout. Returns the failure
 * count.
 */
static int64_t th_fail(struct pvs_web *w, const char *key, int64_t allowed,
                       int64_t now) {
    struct web_throttle *t;
    int64_t n, ms = 0;

    pthread_mutex_lock(&th_lock);
    t = th_slot(w, key, now);
    n = ++t->failures;
    t->last_ms = now;
    if (n >= allowed) {
        int64_t k = n - allowed;
        ms = k < 20 ? (int64_t)1000 << k : w->http->login_lockout_ms;
        if (ms > w->http->login_lockout_ms)
            ms = w->http->login_lockout_ms;
        t->until_ms = now + ms;
    }
    pthread_mutex_unlock(&th_lock);
    return n;
}

static void th_forget(struct pvs_web *w, const char *key, int64_t now) {
    struct web_throttle *t;

    pthread_mutex_lock(&th_lock);
    t = th_slot(w, key, now);
    t->failures = 0;
    t->until_ms = 0;
    pthread_mutex_unlock(&th_lock);
}

static const char *const role_names[] = {
    [ROLE_NONE] = "none",
    [ROLE_CUSTOMER] = "customer",
    [ROLE_TECHNICIAN] = "technician",
    [ROLE_INSTALLER] = "installer",
    [ROLE_ADMIN] = "admin",
};

const char *pvs_auth_role_name(enum web_role role) {
    return (unsigned)role < PVS_ARRAY_LEN(role_names) ? role_names[role]
                                                      : "none";
}

enum web_role pvs_auth_role_parse(const char *s) {
    for (size_t i = 1; s && i < PVS_ARRAY_LEN(role_names); i++)
        if (!strcmp(role_names[i], s))
            return (enum web_role)i;
    return ROLE_NONE;
}

static void who_from_user(struct web_req *r, const struct pvs_web_user *u) {
    struct web_who *who = &r->who;

    who->role = pvs_auth_role_parse(u->role);
    who->user_id = u->id;
    pvs_strlcpy(who->username, u->username, sizeof(who->username));
    pvs_strlcpy(who->person, u->person, sizeof(who->person));
    /* Timelines name people the way the rest of pvsentry does. */
    if (who->role == ROLE_TECHNICIAN && u->person[0])
        pvs_snprintf(who->actor, sizeof(who->actor), "%s", u->person);
    else if (who->role == ROLE_CUSTOMER && u->person[0])
        pvs_snprintf(who->actor, sizeof(who->actor), "customer:%s", u->person);
    else
        pvs_snprintf(who->actor, sizeof(who->actor), "user:%s", u->username);
    /* A technician or customer without a person sees nothing. */
    if ((who->role == ROLE_TECHNICIAN || who->role == ROLE_CUSTOMER) &&
        !u->person[0])
        who->role = ROLE_NONE;
}

int pvs_auth_identify(struct web_req *r) {
    const char *auth = pvs_web_header(r, "Authorization");
    const char *cookie;
    struct pvs_web_user u;
    struct pvs_store *st;
    char hash[65];

    memset(&r->who, 0, sizeof(r->who));
    if (auth) {
        const char *tok = auth;
        if (strncmp(tok, "Bearer ", 7))
            return 401;
        tok += 7;
        while (*tok == ' ')
            tok++;
        if (!*tok || strlen(tok) > 200)
            return 401;
        pvs_auth_hash_hex(tok, hash);
        if (r->w->have_admin &&
            sodium_memcmp(hash, r->w->admin_hash, sizeof(hash)) == 0) {
            r->who.role = ROLE_ADMIN;
            pvs_strlcpy(r->who.username, "admin-token",
                        sizeof(r->who.username));
            pvs_strlcpy(r->who.actor, "admin-token", sizeof(r->who.actor));
            return 0;
        }
        st = pvs_web_store(r);
        if (!st || pvs_store_web_user_by_token(st, hash, wall_ms(), &u) ||
            u.disabled)
            return 401;
        who_from_user(r, &u);
        return 0;
    }
    cookie =
        MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "pvs_session");
    if (!cookie || !*cookie || strlen(cookie) > 200)
        return 0;
    pvs_auth_hash_hex(cookie, hash);
    st = pvs_web_store(r);
    if (!st || pvs_store_web_user_by_session(st, hash, wall_ms(), &u) ||
        u.disabled)
        return 0; /* a stale cookie is just no login */
    who_from_user(r, &u);
    r->who.via_session = true;
    pvs_strlcpy(r->who.session_hash, hash, sizeof(r->who.session_hash));
    return 0;
}

void pvs_auth_scope(const struct web_req *r, struct pvs_scope *ret) {
    ret->person = r->who.person;
    switch (r->who.role) {
    case ROLE_ADMIN:
    case ROLE_INSTALLER:
        ret->kind = PVS_SCOPE_ALL;
        break;
    case ROLE_TECHNICIAN:
        ret->kind = PVS_SCOPE_TECHNICIAN;
        break;
    default:
        /* Customers, and anything unexpected: the narrowest scope. */
        ret->kind = PVS_SCOPE_CUSTOMER;
        if (r->who.role != ROLE_CUSTOMER)
            ret->person = "\x01"; /* matches no one */
        break;
    }
}

enum pvs_err pvs_auth_load_admin(struct pvs_web *w) {
    char line[256];
    FILE *f;
    char ebuf[128];
    size_t n;

    if (!w->http->admin_token_file)
        return PVS_OK;
    f = fopen(w->http->admin_token_file, "r");
    if (!f) {
        pvs_error("cannot read admin_token_file '%s': %s",
                  w->http->admin_token_file,
                  pvs_strerror(errno, ebuf, sizeof(ebuf)));
        return PVS_ERR_CONFIG;
    }
    if (pvs_secret_file_check(fileno(f), w->http->admin_token_file)) {
        fclose(f);
        return PVS_ERR_CONFIG;
    }
    if (!fgets(line, sizeof(line), f))
        line[0] = '\0';
    fclose(f);
    n = strlen(line);
    while (n &&
           (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
        line[--n] = '\0';
    if (n < 24) {
        pvs_error("admin_token_file '%s' must hold a token of at least 24 "
                  "characters on its first line",
                  w->http->admin_token_file);
        sodium_memzero(line, sizeof(line));
        return PVS_ERR_CONFIG;
    }
    pvs_auth_hash_hex(line, w->admin_hash);
    sodium_memzero(line, sizeof(line));
    w->have_admin = true;
    return PVS_OK;
}

static void session_cookie(struct web_req *r, const char *value,
                           int64_t max_age_s) {
    bool secure = r->w->tls_cert || r->w->http->secure_cookies;

    pvs_snprintf(r->cookie, sizeof(r->cookie),
                 "pvs_session=%s; Path=/; Max-Age=%lld; HttpOnly; "
                 "SameSite=Strict%s",
                 value, (long long)max_age_s, secure ? "; Secure" : "");
}

/* Keys of the failed-login table for r's account and client address. */
static void th_keys(const struct web_req *r, const char *user, char akey[80],
                    char ckey[80]) {
    pvs_snprintf(akey, 80, "a:%s", user);
    pvs_snprintf(ckey, 80, "c:%s", r->client);
}

static void login_refused(struct web_req *r, int64_t ms) {
    pvs_stats_add(PVS_STAT_LOGIN_THROTTLED, 1);
    r->retry_after_s = (ms + 999) / 1000;
    pvs_web_error(r, 429, NULL, "too many failed logins: try again in %lld s",
                  (long long)r->retry_after_s);
}

/*
 * A failed login: counted against the account and the client address,
 * logged once per burst (its first failure, and when refusals start).
 * The account is named only when it exists: people type passwords into
 * the user name box.
 */
static void login_failed(struct web_req *r, const char *user, bool exists) {
    int64_t now = pvs_clock_mono_ms(), allowed = r->w->http->login_attempts;
    int64_t na, nc;
    char akey[80], ckey[80], who[PVS_ESC_SIZE + 16], cesc[PVS_ESC_SIZE];

    th_keys(r, user, akey, ckey);
    na = th_fail(r->w, akey, allowed, now);
    nc = th_fail(r->w, ckey, allowed * WEB_CLIENT_FACTOR, now);
    if (exists) {
        char uesc[PVS_ESC_SIZE];
        pvs_snprintf(who, sizeof(who), "'%s'",
                     pvs_esc(user, uesc, sizeof(uesc)));
    } else {
        pvs_strlcpy(who, "an unknown account", sizeof(who));
    }
    pvs_esc(r->client, cesc, sizeof(cesc));
    if (na == 1)
        pvs_info("failed login for %s from %s", who, cesc);
    if (na == allowed)
        pvs_warn("%lld failed logins for %s (last from %s): refusing it "
                 "for a while",
                 (long long)na, who, cesc);
    if (nc == allowed * WEB_CLIENT_FACTOR)
        pvs_warn("%lld failed logins from %s: refusing its logins for a "
                 "while",
                 (long long)nc, cesc);
    pvs_web_error(r, 401, NULL, "wrong user name or password");
}

/* The second half of a login, once its password check is done. */
static void login_finish(struct web_req *r) {
    struct web_hash_job *jb = &r->job;
    struct pvs_web_user u;
    struct pvs_store *st;
    struct pvs_command *c = NULL;
    char tok[80], hash[65], akey[80], ckey[80];
    int64_t now = wall_ms();
    const char *user = jb->user;
    bool found;

    st = pvs_web_store(r);
    if (!st) {
        pvs_web_error(r, 503, NULL, "the database cannot be read");
        return;
    }
    /* Read again: the account may have been disabled meanwhile. */
    found = !pvs_store_web_user_by_name(st, user, &u) && !u.disabled;
    if (!jb->ok || !found) {
        login_failed(r, user, found);
        return;
    }
    th_keys(r, user, akey, ckey);
    th_forget(r->w, akey, pvs_clock_mono_ms());
    pvs_auth_token_new("", tok, sizeof(tok));
    pvs_auth_hash_hex(tok, hash);
    c = pvs_command_new((enum pvs_command_kind)PVS_CMD_API_SESSION_CREATE);
    c->other_id = u.id;
    pvs_snprintf(c->text, sizeof(c->text),
                 "{\"hash\": \"%s\", \"now\": %lld, \"expires\": %lld}", hash,
                 (long long)now, (long long)(now + r->w->http->session_ms));
    pvs_strlcpy(c->actor, user, sizeof(c->actor));
    if (!pvs_api_call(r, c))
        goto out;
    session_cookie(r, tok, r->w->http->session_ms / 1000);
    who_from_user(r, &u);
    pvs_buf_puts(&r->out, "{\"username\": ");
    pvs_buf_json_str(&r->out, u.username);
    pvs_buf_printf(&r->out, ", \"role\": \"%s\", \"person\": ",
                   pvs_auth_role_name(r->who.role));
    pvs_buf_json_str(&r->out, u.person);
    pvs_buf_puts(&r->out, "}\n");
    pvs_web_json(r, 200);
out:
    sodium_memzero(tok, sizeof(tok));
    pvs_command_put(c);
}

void pvs_auth_login(struct web_req *r) {
    struct pvs_web *w = r->w;
    struct web_hash_job *jb = &r->job;
    cJSON *j = pvs_api_body(r);
    const char *user, *pw, *why;
    char akey[80], ckey[80];
    int64_t now = pvs_clock_mono_ms(), ms, ms_c;
    struct pvs_web_user u;
    struct pvs_store *st;
    bool found, queued = false, sync;

    if (!j)
        return;
    user =
        cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "username"));
    pw = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "password"));
    if (!user || !*user || strlen(user) >= PVS_WEB_NAME_MAX) {
        pvs_web_error(r, 400, "username", "username is required");
        goto out;
    }
    if (!pw || !*pw || strlen(pw) > 256) {
        pvs_web_error(r, 400, "password", "password is required");
        goto out;
    }
    why = pvs_auth_password_problem(pw, false);
    if (why) {
        pvs_web_error(r, 400, "password", "%s", why);
        goto out;
    }
    /* Refused accounts and clients cost no hash at all. */
    th_keys(r, user, akey, ckey);
    ms = th_refused(w, akey, now);
    ms_c = th_refused(w, ckey, now);
    if (ms || ms_c) {
        login_refused(r, ms > ms_c ? ms : ms_c);
        goto out;
    }
    st = pvs_web_store(r);
    if (!st) {
        pvs_web_error(r, 503, NULL, "the database cannot be read");
        goto out;
    }
    found = !pvs_store_web_user_by_name(st, user, &u) && !u.disabled;
    memset(jb, 0, sizeof(*jb));
    jb->r = r;
    pvs_strlcpy(jb->user, user, sizeof(jb->user));
    pvs_strlcpy(jb->pw, pw, sizeof(jb->pw));
    if (found)
        pvs_strlcpy(jb->hash, u.pwhash, sizeof(jb->hash));
    /*
     * Bound server: suspend the request and let a hash thread resume it,
     * so this worker goes on serving other connections. A thread-per-
     * connection server blocks only this connection's own thread.
     */
    sync = !w->can_suspend;
    if (!sync) {
        pthread_mutex_lock(&w->hash_lock);
        /* A server being stopped (a reload) answers in this thread. */
        sync = w->hash_stop;
        queued = !sync && hash_queue(w, jb);
        if (queued) {
            r->suspended = true;
            r->resume = login_finish;
            MHD_suspend_connection(r->conn);
        }
        pthread_mutex_unlock(&w->hash_lock);
    }
    if (sync) {
        queued = hash_sync(w, jb);
        if (queued)
            login_finish(r);
    }
    if (!queued) {
        r->retry_after_s = 1;
        pvs_web_error(r, 503, NULL, "too many logins at once: try again");
    }
out:
    cJSON_Delete(j);
}

void pvs_auth_logout(struct web_req *r) {
    struct pvs_command *c;

    if (r->who.via_session) {
        c = pvs_command_new((enum pvs_command_kind)PVS_CMD_API_SESSION_DELETE);
        pvs_snprintf(c->text, sizeof(c->text), "{\"hash\": \"%s\"}",
                     r->who.session_hash);
        pvs_strlcpy(c->actor, r->who.actor, sizeof(c->actor));
        if (!pvs_api_call(r, c)) {
            pvs_command_put(c);
            return;
        }
        pvs_command_put(c);
    }
    session_cookie(r, "", 0);
    pvs_buf_puts(&r->out, "{\"ok\": true}\n");
    pvs_web_json(r, 200);
}
