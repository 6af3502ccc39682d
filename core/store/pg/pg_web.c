/* SPDX-License-Identifier: MIT */
/*
 * pg_web.c - the PostgreSQL backend's share of the HTTP API's store
 * operations (store_web.h): the audit log and the pruning of personal data
 * (the engine calls them), accounts, API tokens and login sessions. The
 * API's objects and silences are pg_web_objects.c's.
 */
#define PVS_LOG_MODULE "store"
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"

enum pvs_err pvs_pg_web_audit(struct pvs_store_be *st, int64_t now_ms,
                              const char *actor, const char *action,
                              const char *object) {
    return pvs_pg_exec(st, "writing the audit log",
                       "INSERT INTO audit(ts_ms, actor, action, object)"
                       " VALUES ($1, $2, $3, $4)",
                       "ittt", now_ms, actor, action, object);
}

enum pvs_err pvs_pg_web_prune_personal(struct pvs_store_be *st,
                                       int64_t before_ms, int64_t *ret_n) {
    static const char *const sqls[] = {
        "UPDATE outbox SET subject = '(expired)', body = '(expired)' WHERE"
        " audience = 'customer' AND created_ms < $1 AND status <> 'pending'"
        " AND body IS DISTINCT FROM '(expired)'",
        "UPDATE surveys SET comment = NULL WHERE answered_ms < $1 AND"
        " comment IS NOT NULL",
    };
    int64_t n = 0;

    pvs_pg_durable(st);
    for (size_t i = 0; i < PVS_ARRAY_LEN(sqls); i++) {
        PGresult *r =
            pvs_pg_query(st, "pruning personal data", sqls[i], "i", before_ms);
        if (!r)
            return pvs_pg_failed(st);
        n += strtoll(PQcmdTuples(r), NULL, 10);
        PQclear(r);
    }
    if (ret_n)
        *ret_n = n;
    return PVS_OK;
}

/* ---- accounts, tokens, sessions -------------------------------------- */

#define USER_COLS "u.id, u.username, u.role, u.person_id, u.pwhash, u.disabled"

static enum pvs_err read_user(struct pvs_store_be *st, PGresult *r,
                              struct pvs_web_user *ret) {
    if (!r)
        return pvs_pg_failed(st);
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_NOTFOUND;
    }
    memset(ret, 0, sizeof(*ret));
    ret->id = pvs_pg_i64(r, 0, 0);
    pvs_strlcpy(ret->username, pvs_pg_str(r, 0, 1), sizeof(ret->username));
    pvs_strlcpy(ret->role, pvs_pg_str(r, 0, 2), sizeof(ret->role));
    pvs_strlcpy(ret->person, pvs_pg_str(r, 0, 3), sizeof(ret->person));
    pvs_strlcpy(ret->pwhash, pvs_pg_str(r, 0, 4), sizeof(ret->pwhash));
    ret->disabled = pvs_pg_i64(r, 0, 5) != 0;
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_web_user_by_name(struct pvs_store_be *st,
                                     const char *username,
                                     struct pvs_web_user *ret) {
    return read_user(st,
                     pvs_pg_query(st, "reading a user",
                                  "SELECT " USER_COLS " FROM users u WHERE"
                                  " u.username = $1",
                                  "t", username),
                     ret);
}

enum pvs_err pvs_pg_web_user_by_token(struct pvs_store_be *st, const char *hash,
                                      int64_t now_ms,
                                      struct pvs_web_user *ret) {
    return read_user(
        st,
        pvs_pg_query(st, "reading a user",
                     "SELECT " USER_COLS " FROM api_tokens k JOIN users u ON"
                     " u.id = k.user_id WHERE k.hash = $1 AND k.revoked_ms IS"
                     " NULL AND (k.expires_ms IS NULL OR k.expires_ms > $2)",
                     "ti", hash, now_ms),
        ret);
}

enum pvs_err pvs_pg_web_user_by_session(struct pvs_store_be *st,
                                        const char *hash, int64_t now_ms,
                                        struct pvs_web_user *ret) {
    return read_user(st,
                     pvs_pg_query(st, "reading a user",
                                  "SELECT " USER_COLS " FROM sessions k JOIN"
                                  " users u ON u.id = k.user_id WHERE k.hash"
                                  " = $1 AND k.expires_ms > $2",
                                  "ti", hash, now_ms),
                     ret);
}

enum pvs_err pvs_pg_web_token_owner(struct pvs_store_be *st, int64_t id,
                                    int64_t *ret_user) {
    PGresult *r =
        pvs_pg_query(st, "reading a token",
                     "SELECT user_id FROM api_tokens WHERE id = $1", "i", id);

    if (!r)
        return pvs_pg_failed(st);
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_NOTFOUND;
    }
    *ret_user = pvs_pg_i64(r, 0, 0);
    PQclear(r);
    return PVS_OK;
}

/* The rows a statement changed (RETURNING id gives the first one's id). */
static enum pvs_err changed(struct pvs_store_be *st, PGresult *r,
                            int64_t *ret_n, int64_t *ret_id) {
    if (!r)
        return pvs_pg_failed(st);
    *ret_n = strtoll(PQcmdTuples(r), NULL, 10);
    if (ret_id && PQntuples(r))
        *ret_id = pvs_pg_i64(r, 0, 0);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_web_user_create(struct pvs_store_be *st,
                                    const char *username, const char *role,
                                    const char *person, const char *pwhash,
                                    int64_t now_ms,
                                    struct pvs_web_result *res) {
    int64_t n = 0;
    enum pvs_err rc;

    if (person && *person) {
        /* An admin who is a person is a technician record. */
        const char *kind = strcmp(role, "admin") ? role : "technician";
        PGresult *r;

        if (strcmp(kind, "technician") && strcmp(kind, "customer")) {
            pvs_snprintf(res->msg, sizeof(res->msg),
                         "person: a %s has no person", role);
            return PVS_ERR_INVAL;
        }
        r = pvs_pg_query(st, "reading a person",
                         "SELECT 1 FROM people WHERE role = $1 AND id = $2",
                         "tt", kind, person);
        if (!r)
            return pvs_pg_failed(st);
        n = PQntuples(r);
        PQclear(r);
        if (!n) {
            pvs_snprintf(res->msg, sizeof(res->msg),
                         "person: %s '%s' does not exist", kind, person);
            return PVS_ERR_INVAL;
        }
    }
    pvs_pg_durable(st);
    rc = changed(st,
                 pvs_pg_query(st, "creating a user",
                              "INSERT INTO users(username, role, person_id,"
                              " pwhash, created_ms) VALUES ($1, $2, $3, $4,"
                              " $5) ON CONFLICT(username) DO NOTHING"
                              " RETURNING id",
                              "tttti", username, role,
                              person && *person ? person : NULL,
                              pwhash && *pwhash ? pwhash : NULL, now_ms),
                 &n, &res->id);
    if (rc)
        return rc;
    if (!n) {
        pvs_snprintf(res->msg, sizeof(res->msg),
                     "creating a user: it exists already");
        return PVS_ERR_EXISTS;
    }
    res->created = true;
    pvs_snprintf(res->msg, sizeof(res->msg), "user '%s' created", username);
    return PVS_OK;
}

enum pvs_err pvs_pg_web_user_delete(struct pvs_store_be *st, int64_t id,
                                    struct pvs_web_result *res) {
    static const char *const sqls[] = {
        "DELETE FROM sessions WHERE user_id = $1",
        "UPDATE api_tokens SET revoked_ms = COALESCE(revoked_ms, 0) WHERE"
        " user_id = $1",
        "UPDATE users SET disabled = 1, pwhash = NULL WHERE id = $1",
    };
    enum pvs_err rc = PVS_OK;
    int64_t n = 0;

    pvs_pg_durable(st);
    for (size_t i = 0; i < PVS_ARRAY_LEN(sqls) && !rc; i++)
        rc = changed(st, pvs_pg_query(st, "disabling a user", sqls[i], "i", id),
                     &n, NULL);
    if (rc)
        return rc;
    if (!n) {
        pvs_snprintf(res->msg, sizeof(res->msg), "no such user");
        return PVS_ERR_NOTFOUND;
    }
    pvs_snprintf(res->msg, sizeof(res->msg), "user disabled");
    return PVS_OK;
}

enum pvs_err pvs_pg_web_user_password(struct pvs_store_be *st, int64_t id,
                                      const char *pwhash,
                                      struct pvs_web_result *res) {
    enum pvs_err rc;
    int64_t n = 0;

    pvs_pg_durable(st);
    rc = changed(st,
                 pvs_pg_query(st, "setting a password",
                              "UPDATE users SET pwhash = $2, disabled = 0"
                              " WHERE id = $1",
                              "it", id, pwhash),
                 &n, NULL);
    if (rc)
        return rc;
    if (!n) {
        pvs_snprintf(res->msg, sizeof(res->msg), "no such user");
        return PVS_ERR_NOTFOUND;
    }
    /* Whoever was logged in with the old password is logged out. */
    rc = pvs_pg_exec(st, "ending sessions",
                     "DELETE FROM sessions WHERE user_id = $1", "i", id);
    if (!rc)
        pvs_snprintf(res->msg, sizeof(res->msg),
                     "password set; the account is enabled");
    return rc;
}

enum pvs_err pvs_pg_web_token_create(struct pvs_store_be *st, int64_t user_id,
                                     const char *name, const char *hash,
                                     int64_t now_ms, int64_t expires_ms,
                                     struct pvs_web_result *res) {
    PGresult *r;
    int64_t n = 0;
    enum pvs_err rc;

    r = pvs_pg_query(st, "creating a token",
                     "SELECT 1 FROM users WHERE id = $1 AND disabled = 0", "i",
                     user_id);
    if (!r)
        return pvs_pg_failed(st);
    n = PQntuples(r);
    PQclear(r);
    if (!n) {
        pvs_snprintf(res->msg, sizeof(res->msg), "user: no such active user");
        return PVS_ERR_INVAL;
    }
    pvs_pg_durable(st);
    rc = changed(st,
                 pvs_pg_query(st, "creating a token",
                              "INSERT INTO api_tokens(user_id, name, hash,"
                              " created_ms, expires_ms) VALUES ($1, $2, $3,"
                              " $4, $5) ON CONFLICT(hash) DO NOTHING"
                              " RETURNING id",
                              "ittim", user_id, name, hash, now_ms, expires_ms),
                 &n, &res->id);
    if (rc)
        return rc;
    if (!n) {
        pvs_snprintf(res->msg, sizeof(res->msg),
                     "creating a token: it exists already");
        return PVS_ERR_EXISTS;
    }
    res->created = true;
    pvs_snprintf(res->msg, sizeof(res->msg), "token created");
    return PVS_OK;
}

enum pvs_err pvs_pg_web_token_revoke(struct pvs_store_be *st, int64_t id,
                                     int64_t now_ms,
                                     struct pvs_web_result *res) {
    enum pvs_err rc;
    int64_t n = 0;

    pvs_pg_durable(st);
    rc = changed(st,
                 pvs_pg_query(st, "revoking a token",
                              "UPDATE api_tokens SET revoked_ms = $1 WHERE id"
                              " = $2 AND revoked_ms IS NULL",
                              "ii", now_ms, id),
                 &n, NULL);
    if (rc)
        return rc;
    res->id = id;
    if (!n) {
        pvs_snprintf(res->msg, sizeof(res->msg), "no such active token");
        return PVS_ERR_NOTFOUND;
    }
    pvs_snprintf(res->msg, sizeof(res->msg), "token revoked");
    return PVS_OK;
}

enum pvs_err pvs_pg_web_session_create(struct pvs_store_be *st, int64_t user_id,
                                       const char *hash, int64_t now_ms,
                                       int64_t expires_ms,
                                       struct pvs_web_result *res) {
    enum pvs_err rc;
    int64_t n = 0;

    pvs_pg_durable(st);
    /* Expired sessions go whenever a new one comes. */
    rc =
        pvs_pg_exec(st, "pruning sessions",
                    "DELETE FROM sessions WHERE expires_ms <= $1", "i", now_ms);
    if (!rc)
        rc = changed(st,
                     pvs_pg_query(st, "creating a session",
                                  "INSERT INTO sessions(hash, user_id,"
                                  " created_ms, expires_ms) VALUES ($1, $2,"
                                  " $3, $4) ON CONFLICT(hash) DO NOTHING",
                                  "tiii", hash, user_id, now_ms, expires_ms),
                     &n, NULL);
    if (rc)
        return rc;
    if (!n) {
        pvs_snprintf(res->msg, sizeof(res->msg),
                     "creating a session: it exists already");
        return PVS_ERR_EXISTS;
    }
    res->created = true;
    pvs_snprintf(res->msg, sizeof(res->msg), "logged in");
    return PVS_OK;
}

enum pvs_err pvs_pg_web_session_delete(struct pvs_store_be *st,
                                       const char *hash,
                                       struct pvs_web_result *res) {
    enum pvs_err rc;

    pvs_pg_durable(st);
    rc = pvs_pg_exec(st, "ending a session",
                     "DELETE FROM sessions WHERE hash = $1", "t", hash);
    if (!rc)
        pvs_snprintf(res->msg, sizeof(res->msg), "logged out");
    return rc;
}
