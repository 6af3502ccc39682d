/* SPDX-License-Identifier: MIT */
/*
 * engine_api.c - the API's writes, on the engine thread, inside the batch
 * transaction: decode the command's arguments, let store_web.c write, and
 * record who did what in the audit log.
 *
 * DESIGN
 * The HTTP thread has already checked the role and the request's shape,
 * and hands an object's fields typed by the entity's field table
 * (c->vals, built in web/): here they are checked to be that entity's,
 * and the store checks what they refer to. Ownership that only the
 * database knows (who registered a site) is decided here, in the same
 * transaction as the write, so there is no window between the check and
 * the change.
 */
#define PVS_LOG_MODULE "engine"
#include <cjson/cJSON.h>
#include <string.h>

#include "pvs/engine_api.h"
#include "pvs/log.h"
#include "pvs/store_web.h"

static const char *str(const cJSON *j, const char *k) {
    return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, k));
}

static int64_t num(const cJSON *j, const char *k) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, k);
    return cJSON_IsNumber(v) ? (int64_t)v->valuedouble : 0;
}

static enum pvs_err entity_command(struct pvs_store *st,
                                   const struct pvs_command *c, const cJSON *j,
                                   int64_t now_ms, struct pvs_web_result *res) {
    const struct pvs_entity *e =
        pvs_store_web_entity(str(j, "entity") ? str(j, "entity") : "");
    const char *id = str(j, "id");

    if (!e || !pvs_store_web_id_valid(id)) {
        pvs_strlcpy(res->msg, "bad entity or id", sizeof(res->msg));
        return PVS_ERR_INVAL;
    }
    if (c->kind == PVS_CMD_API_DELETE)
        return pvs_store_web_delete(st, e, id, str(j, "owner"), res);
    if (!c->vals || c->vals->entity != e) {
        pvs_strlcpy(res->msg, "no fields of this object", sizeof(res->msg));
        return PVS_ERR_INVAL;
    }
    return pvs_store_web_put(st, e, id, c->vals->vals,
                             c->kind == PVS_CMD_API_CREATE, c->actor,
                             str(j, "owner"), now_ms, res);
}

/* The store write of command c (arguments j); its outcome into res. */
static enum pvs_err dispatch(struct pvs_store *st, struct pvs_command *c,
                             cJSON *j, int64_t now_ms,
                             struct pvs_web_result *res) {
    enum pvs_err rc = PVS_ERR_INVAL;
    int kind = (int)c->kind;

    switch (kind) {
    case PVS_CMD_API_CREATE:
    case PVS_CMD_API_UPDATE:
    case PVS_CMD_API_DELETE:
        rc = entity_command(st, c, j, now_ms, res);
        break;
    case PVS_CMD_API_USER_CREATE:
        if (!str(j, "username") || !str(j, "role"))
            break;
        rc = pvs_store_web_user_create(st, str(j, "username"), str(j, "role"),
                                       str(j, "person"), str(j, "pwhash"),
                                       num(j, "now"), res);
        break;
    case PVS_CMD_API_USER_DELETE:
        rc = pvs_store_web_user_delete(st, c->other_id, res);
        break;
    case PVS_CMD_API_USER_PASSWORD:
        if (!str(j, "pwhash"))
            break;
        rc =
            pvs_store_web_user_password(st, c->other_id, str(j, "pwhash"), res);
        break;
    case PVS_CMD_API_TOKEN_CREATE:
        if (!str(j, "hash"))
            break;
        rc = pvs_store_web_token_create(st, c->other_id, str(j, "name"),
                                        str(j, "hash"), num(j, "now"),
                                        num(j, "expires"), res);
        break;
    case PVS_CMD_API_TOKEN_REVOKE:
        rc = pvs_store_web_token_revoke(st, c->other_id, num(j, "now"), res);
        break;
    case PVS_CMD_API_SESSION_CREATE:
        if (!str(j, "hash"))
            break;
        rc =
            pvs_store_web_session_create(st, c->other_id, str(j, "hash"),
                                         num(j, "now"), num(j, "expires"), res);
        break;
    case PVS_CMD_API_SESSION_DELETE:
        if (!str(j, "hash"))
            break;
        rc = pvs_store_web_session_delete(st, str(j, "hash"), res);
        break;
    case PVS_CMD_API_SILENCE_CREATE:
        if (!c->vals || c->vals->entity != pvs_entity_find("silence"))
            break;
        rc = pvs_store_web_silence_create(st, c->vals->vals, c->actor, now_ms,
                                          res);
        break;
    case PVS_CMD_API_SILENCE_DELETE:
        rc =
            pvs_store_web_silence_delete(st, c->other_id, str(j, "owner"), res);
        break;
    case PVS_CMD_API_ERASE_CUSTOMER:
        rc = pvs_store_web_erase_customer(st, c->site_id, res);
        break;
    }
    return rc;
}

/* An API write that went through: one audit row, one log line. */
static enum pvs_err audit(struct pvs_store *st, const struct pvs_command *c,
                          const cJSON *j, int64_t now_ms,
                          const struct pvs_web_result *res) {
    char object[PVS_CMD_ID_MAX + 80];
    const char *ent = j ? str(j, "entity") : NULL;
    const char *id = j ? str(j, "id") : NULL;
    enum pvs_err rc;

    if (ent && id)
        pvs_snprintf(object, sizeof(object), "%s:%s", ent, id);
    else if (c->site_id[0])
        pvs_snprintf(object, sizeof(object), "%s", c->site_id);
    else
        pvs_snprintf(object, sizeof(object), "#%lld",
                     (long long)(res->id ? res->id : c->other_id));
    rc = pvs_store_web_audit(st, now_ms, c->actor, res->msg, object);
    if (!rc)
        pvs_info("api: %s by %s", res->msg, c->actor[0] ? c->actor : "someone");
    return rc;
}

bool pvs_engine_api_command(const struct pvs_config *cfg, struct pvs_store *st,
                            struct pvs_command *c, int64_t now_ms,
                            enum pvs_err *ret_db_error) {
    struct pvs_web_result res;
    cJSON *j = NULL;
    enum pvs_err rc = PVS_ERR_INVAL;
    int kind = (int)c->kind;

    (void)cfg;
    if (kind < PVS_CMD_API_BASE || kind >= PVS_CMD_API_END)
        return false;
    memset(&res, 0, sizeof(res));
    pvs_strlcpy(res.msg, "bad request", sizeof(res.msg));
    if (c->text[0]) {
        j = cJSON_ParseWithLength(c->text, strnlen(c->text, sizeof(c->text)));
        if (!cJSON_IsObject(j))
            goto out;
    } else {
        j = cJSON_CreateObject();
    }
    rc = dispatch(st, c, j, now_ms, &res);
out:
    if (!rc && kind != PVS_CMD_API_SESSION_CREATE &&
        kind != PVS_CMD_API_SESSION_DELETE)
        rc = audit(st, c, j, now_ms, &res);
    if (rc == PVS_ERR_DB)
        *ret_db_error = rc;
    /* A failure stays neutral: web/ picks its HTTP status from rc. */
    c->result = rc;
    c->created = !rc && res.created;
    c->result_id = res.id;
    pvs_strlcpy(c->message, res.msg, sizeof(c->message));
    /* The arguments are spent: the message is kept in text as well, for
     * an answer path that rewrites message in place. */
    pvs_strlcpy(c->text, res.msg, sizeof(c->text));
    cJSON_Delete(j);
    return true;
}
