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
 * so only one hash runs at a time; a login for an unknown user still pays
 * the same price, so timing does not reveal which names exist.
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
#include <time.h>

#include "pvs/engine_api.h"
#include "pvs/log.h"
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

enum pvs_err pvs_auth_password_hash(struct pvs_web *w, const char *pw,
                                    char *out, size_t size) {
    int r;

    PVS_ASSERT(size >= crypto_pwhash_STRBYTES);
    pthread_mutex_lock(&w->pwhash_lock);
    r = crypto_pwhash_str(out, pw, strlen(pw),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE);
    pthread_mutex_unlock(&w->pwhash_lock);
    if (r) {
        pvs_error("cannot hash a password (out of memory?)");
        return PVS_ERR_NOMEM;
    }
    return PVS_OK;
}

bool pvs_auth_password_ok(struct pvs_web *w, const char *hash, const char *pw) {
    static const unsigned char salt[crypto_pwhash_SALTBYTES];
    unsigned char sink[32];
    bool ok = false;

    pthread_mutex_lock(&w->pwhash_lock);
    if (hash && *hash)
        ok = crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
    else if (crypto_pwhash(sink, sizeof(sink), pw, strlen(pw), salt,
                           crypto_pwhash_OPSLIMIT_INTERACTIVE,
                           crypto_pwhash_MEMLIMIT_INTERACTIVE,
                           crypto_pwhash_ALG_DEFAULT))
        ok = false; /* the same work for a user that does not exist */
    pthread_mutex_unlock(&w->pwhash_lock);
    return ok;
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

void pvs_auth_login(struct web_req *r) {
    cJSON *j = pvs_api_body(r);
    const char *user, *pw;
    struct pvs_web_user u;
    struct pvs_store *st;
    struct pvs_command *c = NULL;
    char tok[80], hash[65];
    int64_t now = wall_ms();
    bool found = false;

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
    st = pvs_web_store(r);
    if (!st) {
        pvs_web_error(r, 503, NULL, "the database cannot be read");
        goto out;
    }
    found = !pvs_store_web_user_by_name(st, user, &u) && !u.disabled;
    if (!pvs_auth_password_ok(r->w, found ? u.pwhash : NULL, pw) || !found) {
        pvs_info("failed login for '%s' from %s", user, r->client);
        pvs_web_error(r, 401, NULL, "wrong user name or password");
        goto out;
    }
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
