/* SPDX-License-Identifier: MIT */
/*
 * store_web.c - the HTTP API's queries (JSON on read-only handles) and the
 * writes the engine runs for the API's commands.
 *
 * DESIGN
 * Visibility is part of every query, not a filter applied afterwards: the
 * scope kind and person are always bound as ?1 and ?2, and the SCOPE_*
 * macros expand to the clause that keeps a customer on their own sites. So a
 * list can never leak a row, and "not yours" and "does not exist" give the
 * same answer.
 *
 * Sites, devices and people written through the API are described by
 * field tables (the same table validates a request on the HTTP thread and
 * builds the statement on the engine thread). Column names come only from
 * those tables, never from a request; every value is bound.
 *
 * Statements are prepared per call: API traffic is light next to sample
 * ingest, and this keeps store.c's statement cache to itself.
 */
#define PVS_LOG_MODULE "store"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <sqlite3.h>
#include <string.h>

#include "pvs/log.h"
#include "pvs/mail.h"
#include "pvs/store_web.h"
#include "store_int.h"

#define SCOPED                                                                 \
    " IN (SELECT id FROM sites WHERE (?1 = 1 AND technician_id = ?2) OR"       \
    " (?1 = 2 AND customer_id = ?2)))"
#define SCOPE_S "(?1 = 0 OR s.id" SCOPED
#define SCOPE_D "(?1 = 0 OR d.site_id" SCOPED
#define SCOPE_A "(?1 = 0 OR a.site_id" SCOPED
#define SCOPE_T "(?1 = 0 OR t.site_id" SCOPED
#define TICKET_IN_SCOPE "(" SCOPE_T " OR (?1 = 1 AND t.assignee = ?2))"

/* A JSON writer over a capped buffer; the first failure sticks. */
struct jw {
    struct pvs_buf *b;
    enum pvs_err rc;
};

static void jput(struct jw *w, const char *s) {
    if (!w->rc)
        w->rc = pvs_buf_puts(w->b, s);
}

static void jstr(struct jw *w, const char *s) {
    if (w->rc)
        return;
    w->rc = s ? pvs_buf_json_str(w->b, s) : pvs_buf_puts(w->b, "null");
}

static void jkey(struct jw *w, bool *first, const char *k) {
    if (!*first)
        jput(w, ", ");
    *first = false;
    jstr(w, k);
    jput(w, ": ");
}

static void jnum(struct jw *w, double v) {
    char tmp[64];

    if (!isfinite(v)) {
        jput(w, "null");
        return;
    }
    pvs_snprintf(tmp, sizeof(tmp), "%.10g", v);
    jput(w, tmp);
}

static void jint(struct jw *w, int64_t v) {
    char tmp[32];

    pvs_snprintf(tmp, sizeof(tmp), "%lld", (long long)v);
    jput(w, tmp);
}

static enum pvs_err fail(struct pvs_store_be *st, const char *what) {
    pvs_error("%s failed on '%s': %s", what, st->path, sqlite3_errmsg(st->db));
    return PVS_ERR_DB;
}

static sqlite3_stmt *prep(struct pvs_store_be *st, const char *sql) {
    sqlite3_stmt *s = NULL;

    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        pvs_error("cannot prepare an API query on '%s': %s", st->path,
                  sqlite3_errmsg(st->db));
        sqlite3_finalize(s);
        return NULL;
    }
    return s;
}

static void bind_text(sqlite3_stmt *s, int i, const char *v) {
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

static void bind_scope(sqlite3_stmt *s, const struct pvs_scope *sc) {
    sqlite3_bind_int(s, 1, (int)sc->kind);
    bind_text(s, 2, sc->kind == PVS_SCOPE_ALL ? "" : sc->person);
}

static const char *col_text(sqlite3_stmt *s, int i) {
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? (const char *)t : "";
}

/*
 * The type of the entity member called name when its column holds
 * something other than text or a number: a list or the open keys (JSON
 * text), or a boolean (0/1). PVS_FT_STR otherwise.
 */
static enum pvs_ftype json_kind(const char *name) {
    for (size_t k = 0; k < pvs_nentities; k++) {
        const struct pvs_entity *e = pvs_entities[k];
        for (size_t i = 0; i < e->nfields; i++) {
            const struct pvs_field *f = &e->fields[i];
            if (f->column && f->json && !strcmp(f->json, name) &&
                (f->type == PVS_FT_LIST || f->type == PVS_FT_OBJECT ||
                 f->type == PVS_FT_BOOL))
                return f->type;
        }
    }
    return PVS_FT_STR;
}

/* A JSON text column as the JSON it holds, or as a string if broken. */
static void jjson(struct jw *w, const char *text, enum pvs_ftype kind) {
    cJSON *j = cJSON_Parse(text);
    char *out;

    if ((kind == PVS_FT_LIST && cJSON_IsArray(j)) ||
        (kind == PVS_FT_OBJECT && cJSON_IsObject(j))) {
        out = cJSON_PrintUnformatted(j);
        jput(w, out);
        cJSON_free(out);
    } else {
        jstr(w, text);
    }
    cJSON_Delete(j);
}

/* The current row as a JSON object, members named after the columns. */
static void jrow(struct jw *w, sqlite3_stmt *s, int from) {
    bool first = true;
    int n = sqlite3_column_count(s);

    jput(w, "{");
    for (int i = from; i < n; i++) {
        enum pvs_ftype kind;

        jkey(w, &first, sqlite3_column_name(s, i));
        switch (sqlite3_column_type(s, i)) {
        case SQLITE_INTEGER:
            if (json_kind(sqlite3_column_name(s, i)) == PVS_FT_BOOL)
                jput(w, sqlite3_column_int64(s, i) ? "true" : "false");
            else
                jint(w, sqlite3_column_int64(s, i));
            break;
        case SQLITE_FLOAT:
            jnum(w, sqlite3_column_double(s, i));
            break;
        case SQLITE_NULL:
            jput(w, "null");
            break;
        default:
            kind = json_kind(sqlite3_column_name(s, i));
            if (kind == PVS_FT_LIST || kind == PVS_FT_OBJECT)
                jjson(w, col_text(s, i), kind);
            else
                jstr(w, col_text(s, i));
            break;
        }
    }
    jput(w, "}");
}

/* Every row of s (bound) as a JSON array; finalizes s. */
static enum pvs_err jrows(struct pvs_store_be *st, struct jw *w,
                          sqlite3_stmt *s, const char *what) {
    bool first = true;
    int r;

    jput(w, "[");
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        if (!first)
            jput(w, ", ");
        first = false;
        jrow(w, s, 0);
    }
    jput(w, "]");
    sqlite3_finalize(s);
    if (r != SQLITE_DONE)
        return fail(st, what);
    return w->rc;
}

/* One row of s (bound) as a JSON object, or PVS_ERR_NOTFOUND. */
static enum pvs_err jone(struct pvs_store_be *st, struct jw *w, sqlite3_stmt *s,
                         const char *what) {
    int r = sqlite3_step(s);
    enum pvs_err rc = PVS_OK;

    if (r == SQLITE_ROW)
        jrow(w, s, 0);
    else if (r == SQLITE_DONE)
        rc = PVS_ERR_NOTFOUND;
    else
        rc = fail(st, what);
    sqlite3_finalize(s);
    return rc ? rc : w->rc;
}

static enum pvs_err scalar(struct pvs_store_be *st, sqlite3_stmt *s,
                           int64_t *ret) {
    int r = sqlite3_step(s);
    enum pvs_err rc = PVS_OK;

    if (r == SQLITE_ROW)
        *ret = sqlite3_column_int64(s, 0);
    else if (r == SQLITE_DONE)
        rc = PVS_ERR_NOTFOUND;
    else
        rc = fail(st, "reading a count");
    sqlite3_finalize(s);
    return rc;
}

/* ---- accounts ---- */

static enum pvs_err read_user(struct pvs_store_be *st, sqlite3_stmt *s,
                              struct pvs_web_user *ret) {
    int r = sqlite3_step(s);
    enum pvs_err rc = PVS_OK;

    if (r == SQLITE_ROW) {
        memset(ret, 0, sizeof(*ret));
        ret->id = sqlite3_column_int64(s, 0);
        pvs_strlcpy(ret->username, col_text(s, 1), sizeof(ret->username));
        pvs_strlcpy(ret->role, col_text(s, 2), sizeof(ret->role));
        pvs_strlcpy(ret->person, col_text(s, 3), sizeof(ret->person));
        pvs_strlcpy(ret->pwhash, col_text(s, 4), sizeof(ret->pwhash));
        ret->disabled = sqlite3_column_int(s, 5) != 0;
    } else if (r == SQLITE_DONE) {
        rc = PVS_ERR_NOTFOUND;
    } else {
        rc = fail(st, "reading a user");
    }
    sqlite3_finalize(s);
    return rc;
}

#define USER_COLS "u.id, u.username, u.role, u.person_id, u.pwhash, u.disabled"

enum pvs_err pvs_sqlite_web_user_by_name(struct pvs_store_be *st,
                                         const char *username,
                                         struct pvs_web_user *ret) {
    sqlite3_stmt *s =
        prep(st, "SELECT " USER_COLS " FROM users u WHERE u.username = ?");

    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, username);
    return read_user(st, s, ret);
}

enum pvs_err pvs_sqlite_web_user_by_token(struct pvs_store_be *st,
                                          const char *hash, int64_t now_ms,
                                          struct pvs_web_user *ret) {
    sqlite3_stmt *s =
        prep(st, "SELECT " USER_COLS " FROM api_tokens k JOIN users u ON u.id ="
                 " k.user_id WHERE k.hash = ? AND k.revoked_ms"
                 " IS NULL AND (k.expires_ms IS NULL OR"
                 " k.expires_ms > ?)");

    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, hash);
    sqlite3_bind_int64(s, 2, now_ms);
    return read_user(st, s, ret);
}

enum pvs_err pvs_sqlite_web_user_by_session(struct pvs_store_be *st,
                                            const char *hash, int64_t now_ms,
                                            struct pvs_web_user *ret) {
    sqlite3_stmt *s =
        prep(st, "SELECT " USER_COLS " FROM sessions k JOIN users u ON u.id ="
                 " k.user_id WHERE k.hash = ? AND"
                 " k.expires_ms > ?");

    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, hash);
    sqlite3_bind_int64(s, 2, now_ms);
    return read_user(st, s, ret);
}

/* ---- tickets ---- */

#define TICKET_COLS                                                            \
    "t.id, t.status, t.site_id AS site, t.device_id AS device, t.rule,"        \
    " t.family, t.subject, t.severity, t.title, t.assignee, t.opened_ms,"      \
    " t.updated_ms, t.resolved_ms, t.closed_ms, t.lost_kwh"
#define TICKET_FILTER                                                          \
    " FROM tickets t WHERE " TICKET_IN_SCOPE " AND (?3 IS NULL OR t.status"    \
    " = ?3 OR (?3 = 'active' AND pvs_ticket_active(t.status)))"                \
    " AND (?4 IS NULL OR t.site_id = ?4)"

enum pvs_err pvs_sqlite_web_tickets_json(struct pvs_store_be *st,
                                         const struct pvs_scope *scope,
                                         const struct pvs_ticket_filter *f,
                                         struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    sqlite3_stmt *s;
    int64_t total = 0;
    enum pvs_err rc;

    s = prep(st, "SELECT COUNT(*)" TICKET_FILTER);
    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    bind_text(s, 3, f->status);
    bind_text(s, 4, f->site);
    rc = scalar(st, s, &total);
    if (rc)
        return rc;
    s = prep(st, "SELECT " TICKET_COLS ", (SELECT x.name FROM sites x WHERE"
                 " x.id = t.site_id) AS site_name" TICKET_FILTER
                 " ORDER BY t.id DESC LIMIT ?5 OFFSET ?6");
    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    bind_text(s, 3, f->status);
    bind_text(s, 4, f->site);
    sqlite3_bind_int64(s, 5, f->limit);
    sqlite3_bind_int64(s, 6, f->offset);
    jput(&w, "{\"items\": ");
    rc = jrows(st, &w, s, "listing tickets");
    if (rc)
        return rc;
    jput(&w, ", \"total\": ");
    jint(&w, total);
    jput(&w, ", \"limit\": ");
    jint(&w, f->limit);
    jput(&w, ", \"offset\": ");
    jint(&w, f->offset);
    jput(&w, "}");
    return w.rc;
}

enum pvs_err pvs_sqlite_web_ticket_visible(struct pvs_store_be *st,
                                           const struct pvs_scope *scope,
                                           int64_t id) {
    sqlite3_stmt *s = prep(
        st, "SELECT t.id FROM tickets t WHERE t.id = ?3 AND " TICKET_IN_SCOPE);
    int64_t v;

    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    sqlite3_bind_int64(s, 3, id);
    return scalar(st, s, &v);
}

enum pvs_err pvs_sqlite_web_ticket_json(struct pvs_store_be *st,
                                        const struct pvs_scope *scope,
                                        int64_t id, bool staff,
                                        struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    sqlite3_stmt *s;
    enum pvs_err rc;

    s = prep(st, "SELECT " TICKET_COLS ", t.fingerprint, s.name AS"
                 " site_name, s.address AS site_address, s.timezone AS"
                 " site_timezone, CASE WHEN ?4 THEN s.access_notes END AS"
                 " access_notes, t.acknowledged_ms, t.escalation_level,"
                 " t.escalate_at_ms FROM tickets t LEFT JOIN sites s ON s.id ="
                 " t.site_id WHERE t.id = ?3 AND " TICKET_IN_SCOPE);
    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    sqlite3_bind_int64(s, 3, id);
    sqlite3_bind_int(s, 4, staff);
    if (sqlite3_step(s) != SQLITE_ROW) {
        sqlite3_finalize(s);
        return PVS_ERR_NOTFOUND;
    }
    jrow(&w, s, 0);
    sqlite3_finalize(s);
    /* Reopen the object: drop the closing brace and add the lists. */
    if (!w.rc)
        out->data[--out->len] = '\0';

    jput(&w, ", \"events\": ");
    s = prep(st, "SELECT ts_ms, kind, actor, text FROM ticket_events WHERE"
                 " ticket_id = ?1 AND kind <> 'link_used' AND (?2 OR kind <>"
                 " 'comment') ORDER BY id");
    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_int(s, 2, staff);
    rc = jrows(st, &w, s, "reading a timeline");
    if (rc)
        return rc;

    jput(&w, ", \"alert\": ");
    s = prep(st, "SELECT a.state, a.started_ms, a.ts_ms, a.measured,"
                 " a.expected, a.lost_kwh, a.lost_kwh_per_day, a.evidence,"
                 " a.explanation, a.kb FROM alerts a JOIN tickets t ON"
                 " t.fingerprint = a.fingerprint WHERE t.id = ? ORDER BY"
                 " a.id DESC LIMIT 1");
    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    rc = jone(st, &w, s, "reading an alert");
    if (rc == PVS_ERR_NOTFOUND) {
        jput(&w, "null");
        rc = PVS_OK;
    }
    if (rc)
        return rc;

    if (staff) {
        jput(&w, ", \"messages\": ");
        s = prep(st, "SELECT id, audience, kind, recipient, subject, status,"
                     " attempts, created_ms, sent_ms FROM outbox WHERE"
                     " ticket_id = ? ORDER BY id");
        if (!s)
            return PVS_ERR_DB;
        sqlite3_bind_int64(s, 1, id);
        rc = jrows(st, &w, s, "reading messages");
        if (rc)
            return rc;
    }
    jput(&w, "}");
    return w.rc;
}

/* ---- sites and devices ---- */

enum pvs_err pvs_sqlite_web_site_visible(struct pvs_store_be *st,
                                         const struct pvs_scope *scope,
                                         const char *id) {
    sqlite3_stmt *s =
        prep(st, "SELECT 1 FROM sites s WHERE s.id = ?3 AND " SCOPE_S);
    int64_t v;

    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    bind_text(s, 3, id);
    return scalar(st, s, &v);
}

#define SITE_STATE                                                             \
    "COALESCE((SELECT CASE MAX(CASE severity WHEN 'critical' THEN 3 WHEN"      \
    " 'warning' THEN 2 ELSE 1 END) WHEN 3 THEN 'critical' WHEN 2 THEN"         \
    " 'warning' ELSE 'info' END FROM tickets t WHERE t.site_id = s.id AND"     \
    " pvs_ticket_active(t.status) HAVING COUNT(*) > 0), CASE WHEN"             \
    " NOT EXISTS (SELECT 1 FROM devices d WHERE d.site_id = s.id) THEN"        \
    " 'no_devices' WHEN NOT EXISTS (SELECT 1 FROM devices d JOIN readings"     \
    " x ON x.device_id = d.id WHERE d.site_id = s.id) THEN 'no_data' ELSE"     \
    " 'ok' END)"

enum pvs_err pvs_sqlite_web_fleet_json(struct pvs_store_be *st,
                                       const struct pvs_scope *scope,
                                       struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    sqlite3_stmt *s = prep(
        st, "SELECT s.id, s.name, s.kwp, " SITE_STATE " AS state, (SELECT"
            " COUNT(*) FROM tickets t WHERE t.site_id = s.id AND"
            " pvs_ticket_active(t.status)) AS open_tickets, (SELECT"
            " COALESCE(SUM(t.lost_kwh), 0) FROM tickets t WHERE t.site_id ="
            " s.id AND pvs_ticket_active(t.status)) AS lost_kwh FROM"
            " sites s WHERE " SCOPE_S " ORDER BY s.id LIMIT"
            " 5000");

    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    return jrows(st, &w, s, "listing the fleet");
}

enum pvs_err pvs_sqlite_web_kpis(struct pvs_store_be *st,
                                 const struct pvs_scope *scope,
                                 struct pvs_web_kpis *ret) {
    sqlite3_stmt *s =
        prep(st, "SELECT (SELECT COUNT(*) FROM sites s WHERE " SCOPE_S "),"
                 " (SELECT COUNT(*) FROM devices d WHERE " SCOPE_D "),"
                 " (SELECT COUNT(*) FROM tickets t WHERE"
                 " pvs_ticket_active(t.status) AND " TICKET_IN_SCOPE "),"
                 " (SELECT COALESCE(SUM(t.lost_kwh), 0) FROM tickets t WHERE"
                 " pvs_ticket_active(t.status) AND " TICKET_IN_SCOPE "),"
                 " (SELECT COUNT(*) FROM alerts a JOIN (SELECT fingerprint,"
                 " MAX(id) AS id FROM alerts GROUP BY fingerprint) l ON a.id ="
                 " l.id WHERE a.state = 'firing' AND " SCOPE_A ")");
    int r;

    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        ret->sites = sqlite3_column_int64(s, 0);
        ret->devices = sqlite3_column_int64(s, 1);
        ret->tickets_open = sqlite3_column_int64(s, 2);
        ret->lost_kwh_open = sqlite3_column_double(s, 3);
        ret->alerts_firing = sqlite3_column_int64(s, 4);
    }
    sqlite3_finalize(s);
    return r == SQLITE_ROW ? PVS_OK : fail(st, "reading the figures");
}

/* ---- people, accounts, alerts, silences ---- */

enum pvs_err pvs_sqlite_web_token_owner(struct pvs_store_be *st, int64_t id,
                                        int64_t *ret_user) {
    sqlite3_stmt *s = prep(st, "SELECT user_id FROM api_tokens WHERE id = ?");

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    return scalar(st, s, ret_user);
}

/* Column i as a string or NULL, and as a number or NAN. */
static const char *col_str(sqlite3_stmt *s, int i) {
    return (const char *)sqlite3_column_text(s, i);
}

static double col_num(sqlite3_stmt *s, int i) {
    return sqlite3_column_type(s, i) == SQLITE_NULL
               ? NAN
               : sqlite3_column_double(s, i);
}

enum pvs_err pvs_sqlite_web_alerts(struct pvs_store_be *st,
                                   const struct pvs_scope *scope,
                                   pvs_store_alert_row_fn *fn, void *ud) {
    struct pvs_alert_row a;
    sqlite3_stmt *s = prep(
        st,
        "SELECT a.id, a.fingerprint, a.rule, a.family, a.site_id,"
        " a.device_id, a.subject, a.severity, a.started_ms, a.ts_ms,"
        " a.measured, a.expected, a.lost_kwh, a.lost_kwh_per_day,"
        " a.evidence, a.explanation, a.kb, a.silenced FROM alerts a JOIN"
        " (SELECT fingerprint, MAX(id) AS id FROM alerts GROUP BY"
        " fingerprint) l ON a.id = l.id WHERE a.state = 'firing' AND " SCOPE_A
        " ORDER BY a.id DESC LIMIT 1000");
    int r;

    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        a.id = sqlite3_column_int64(s, 0);
        a.fingerprint = col_str(s, 1);
        a.rule = col_str(s, 2);
        a.family = col_str(s, 3);
        a.site = col_str(s, 4);
        a.device = col_str(s, 5);
        a.subject = col_str(s, 6);
        a.severity = col_str(s, 7);
        a.started_ms = sqlite3_column_int64(s, 8);
        a.ts_ms = sqlite3_column_int64(s, 9);
        a.measured = col_num(s, 10);
        a.expected = col_num(s, 11);
        a.lost_kwh = col_num(s, 12);
        a.lost_kwh_per_day = col_num(s, 13);
        a.evidence = col_str(s, 14);
        a.explanation = col_str(s, 15);
        a.kb = col_str(s, 16);
        a.silenced = sqlite3_column_int(s, 17) != 0;
        fn(ud, &a);
    }
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : fail(st, "listing alerts");
}

enum pvs_err pvs_sqlite_web_notices_json(struct pvs_store_be *st,
                                         const struct pvs_scope *scope,
                                         struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    bool first = true;
    int r;
    /* What the customer received, as they read it: sent messages only,
     * the subject, the sending time and the text (never the mail's
     * source: headers, MIME parts, markup, the calendar file). */
    sqlite3_stmt *s = prep(
        st, "SELECT o.body, o.id, o.ticket_id, t.site_id AS site,"
            " o.kind, o.channel, o.subject, o.status, o.created_ms,"
            " o.sent_ms FROM outbox o JOIN tickets t ON t.id ="
            " o.ticket_id"
            " WHERE o.audience = 'customer' AND o.status = 'sent' AND " SCOPE_T
            " ORDER BY o.sent_ms DESC, o.id DESC LIMIT 200");

    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    jput(&w, "[");
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        const char *body = (const char *)sqlite3_column_text(s, 0);
        char *text = body ? pvs_email_plain_text(body) : NULL;

        if (!first)
            jput(&w, ", ");
        first = false;
        /* Every column but the source, then its text. */
        jrow(&w, s, 1);
        if (w.b->len && w.b->data[w.b->len - 1] == '}') {
            w.b->len--; /* reopen the object */
            w.b->data[w.b->len] = '\0';
        }
        jput(&w, ", \"text\": ");
        if (text)
            jstr(&w, text);
        else
            jput(&w, "null");
        jput(&w, "}");
        pvs_free(text);
    }
    jput(&w, "]");
    sqlite3_finalize(s);
    if (r != SQLITE_DONE)
        return fail(st, "listing notices");
    return w.rc;
}

/*
 * The value of one metric in a readings row (json path p): a plain number,
 * or the first element of [value, quality] for a reading whose quality is
 * not ok, as the samples view gives it.
 */
#define READING(p)                                                             \
    "CASE json_type(data, " p ") WHEN 'array' THEN json_extract(data, " p      \
    " || '[0]') ELSE json_extract(data, " p ") END"

enum pvs_err pvs_sqlite_web_series_json(struct pvs_store_be *st,
                                        const char *site, const char *metric,
                                        int64_t from_ms, int64_t to_ms,
                                        int64_t step_ms, struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    sqlite3_stmt *s;
    char path[80];
    bool first = true;
    int r;

    if (step_ms < 1000)
        step_ms = 1000;
    if ((to_ms - from_ms) / step_ms > 2000)
        step_ms = (to_ms - from_ms) / 2000 + 1;
    pvs_snprintf(path, sizeof(path), "$.\"%s\"", metric);
    /* clang-format off */
    s = prep(st, "SELECT b, SUM(v) FROM (SELECT (ts_ms / ?3) * ?3 AS b,"
                 " device_id, AVG(" READING("?2") ") AS v FROM readings"
                 " WHERE device_id IN (SELECT id FROM devices WHERE"
                 " site_id = ?1) AND ts_ms >= ?4 AND ts_ms < ?5"
                 " GROUP BY b, device_id HAVING v IS NOT NULL)"
                 " GROUP BY b ORDER BY b");
    /* clang-format on */
    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, site);
    bind_text(s, 2, path);
    sqlite3_bind_int64(s, 3, step_ms);
    sqlite3_bind_int64(s, 4, from_ms);
    sqlite3_bind_int64(s, 5, to_ms);
    jput(&w, "{\"metric\": ");
    jstr(&w, metric);
    jput(&w, ", \"step_ms\": ");
    jint(&w, step_ms);
    jput(&w, ", \"points\": [");
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        if (!first)
            jput(&w, ", ");
        first = false;
        jput(&w, "[");
        jint(&w, sqlite3_column_int64(s, 0));
        jput(&w, ", ");
        jnum(&w, sqlite3_column_double(s, 1));
        jput(&w, "]");
    }
    jput(&w, "]}");
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? w.rc : fail(st, "reading a series");
}

enum pvs_err pvs_sqlite_web_daily_energy(struct pvs_store_be *st,
                                         const char *site, int64_t from_ms,
                                         int days, double *ret_kwh) {
    sqlite3_stmt *s;
    int r;

    for (int i = 0; i < days; i++)
        ret_kwh[i] = 0;
    /* Hourly mean power per device, summed: Wh per hour. */
    /* clang-format off */
    s = prep(st, "SELECT (hr * 3600000 - ?2) / 86400000, SUM(v) / 1000 FROM"
                 " (SELECT ts_ms / 3600000 AS hr, device_id,"
                 " AVG(" READING("'$.ac_power_w'") ") AS v FROM readings"
                 " WHERE device_id IN (SELECT id FROM devices WHERE"
                 " site_id = ?1) AND ts_ms >= ?2 AND ts_ms < ?3"
                 " GROUP BY hr, device_id HAVING v IS NOT NULL) GROUP BY 1");
    /* clang-format on */
    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, site);
    sqlite3_bind_int64(s, 2, from_ms);
    sqlite3_bind_int64(s, 3, from_ms + (int64_t)days * 86400000);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t d = sqlite3_column_int64(s, 0);
        if (d >= 0 && d < days)
            ret_kwh[d] += sqlite3_column_double(s, 1);
    }
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : fail(st, "reading daily energy");
}

/* ---- entities ---- */

static void result(struct pvs_web_result *res, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void result(struct pvs_web_result *res, const char *fmt, ...) {
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(res->msg, sizeof(res->msg), fmt, ap);
    va_end(ap);
}

/* Run s (bound), finalize; a constraint failure is PVS_ERR_EXISTS. */
static enum pvs_err run(struct pvs_store_be *st, sqlite3_stmt *s,
                        struct pvs_web_result *res, const char *what) {
    int r = sqlite3_step(s);
    enum pvs_err rc = PVS_OK;

    if (r == SQLITE_DONE) {
        res->id = sqlite3_last_insert_rowid(st->db);
    } else if ((r & 0xff) == SQLITE_CONSTRAINT) {
        result(res, "%s: it exists already", what);
        rc = PVS_ERR_EXISTS;
    } else {
        result(res, "the database refused the change");
        rc = fail(st, what);
    }
    sqlite3_finalize(s);
    return rc;
}

enum pvs_err pvs_sqlite_web_user_create(struct pvs_store_be *st,
                                        const char *username, const char *role,
                                        const char *person, const char *pwhash,
                                        int64_t now_ms,
                                        struct pvs_web_result *res) {
    sqlite3_stmt *s;
    enum pvs_err rc;

    if (person && *person) {
        /* An admin who is a person is a technician record. */
        const char *kind = strcmp(role, "admin") ? role : "technician";
        struct pvs_obj_facts facts;

        if (!pvs_store_web_entity(kind)) {
            result(res, "person: a %s has no person", role);
            return PVS_ERR_INVAL;
        }
        rc = pvs_sqlite_obj_facts(st, pvs_store_web_entity(kind), person,
                                  &facts);
        if (rc && rc != PVS_ERR_NOTFOUND)
            return rc;
        if (rc) {
            result(res, "person: %s '%s' does not exist", kind, person);
            return PVS_ERR_INVAL;
        }
    }
    s = prep(st, "INSERT INTO users(username, role, person_id, pwhash,"
                 " created_ms) VALUES (?, ?, ?, ?, ?)");
    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, username);
    bind_text(s, 2, role);
    bind_text(s, 3, person && *person ? person : NULL);
    bind_text(s, 4, pwhash && *pwhash ? pwhash : NULL);
    sqlite3_bind_int64(s, 5, now_ms);
    rc = run(st, s, res, "creating a user");
    if (!rc)
        res->created = true;
    result(res, "user '%s' created", username);
    return rc;
}

enum pvs_err pvs_sqlite_web_user_delete(struct pvs_store_be *st, int64_t id,
                                        struct pvs_web_result *res) {
    static const char *const sqls[] = {
        "DELETE FROM sessions WHERE user_id = ?",
        "UPDATE api_tokens SET revoked_ms = COALESCE(revoked_ms, 0) WHERE"
        " user_id = ?",
        "UPDATE users SET disabled = 1, pwhash = NULL WHERE id = ?",
    };
    enum pvs_err rc = PVS_OK;

    for (size_t i = 0; i < PVS_ARRAY_LEN(sqls) && !rc; i++) {
        sqlite3_stmt *s = prep(st, sqls[i]);
        if (!s)
            return PVS_ERR_DB;
        sqlite3_bind_int64(s, 1, id);
        rc = run(st, s, res, "disabling a user");
    }
    if (!rc && !sqlite3_changes(st->db)) {
        result(res, "no such user");
        return PVS_ERR_NOTFOUND;
    }
    if (!rc)
        result(res, "user disabled");
    return rc;
}

enum pvs_err pvs_sqlite_web_user_password(struct pvs_store_be *st, int64_t id,
                                          const char *pwhash,
                                          struct pvs_web_result *res) {
    sqlite3_stmt *s = prep(st, "UPDATE users SET pwhash = ?2, disabled = 0"
                               " WHERE id = ?1");
    enum pvs_err rc;

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    bind_text(s, 2, pwhash);
    rc = run(st, s, res, "setting a password");
    if (!rc && !sqlite3_changes(st->db)) {
        result(res, "no such user");
        return PVS_ERR_NOTFOUND;
    }
    /* Whoever was logged in with the old password is logged out. */
    s = rc ? NULL : prep(st, "DELETE FROM sessions WHERE user_id = ?");
    if (!rc && !s)
        return PVS_ERR_DB;
    if (!rc) {
        sqlite3_bind_int64(s, 1, id);
        rc = run(st, s, res, "ending sessions");
    }
    if (!rc)
        result(res, "password set; the account is enabled");
    return rc;
}

enum pvs_err pvs_sqlite_web_token_create(struct pvs_store_be *st,
                                         int64_t user_id, const char *name,
                                         const char *hash, int64_t now_ms,
                                         int64_t expires_ms,
                                         struct pvs_web_result *res) {
    sqlite3_stmt *s;
    int64_t ok = 0;
    enum pvs_err rc;

    s = prep(st, "SELECT COUNT(*) FROM users WHERE id = ? AND disabled = 0");
    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, user_id);
    rc = scalar(st, s, &ok);
    if (rc)
        return rc;
    if (!ok) {
        result(res, "user: no such active user");
        return PVS_ERR_INVAL;
    }
    s = prep(st, "INSERT INTO api_tokens(user_id, name, hash, created_ms,"
                 " expires_ms) VALUES (?, ?, ?, ?, ?)");
    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, user_id);
    bind_text(s, 2, name);
    bind_text(s, 3, hash);
    sqlite3_bind_int64(s, 4, now_ms);
    if (expires_ms)
        sqlite3_bind_int64(s, 5, expires_ms);
    rc = run(st, s, res, "creating a token");
    if (!rc)
        res->created = true;
    result(res, "token created");
    return rc;
}

enum pvs_err pvs_sqlite_web_token_revoke(struct pvs_store_be *st, int64_t id,
                                         int64_t now_ms,
                                         struct pvs_web_result *res) {
    sqlite3_stmt *s = prep(st, "UPDATE api_tokens SET revoked_ms = ? WHERE"
                               " id = ? AND revoked_ms IS NULL");
    enum pvs_err rc;

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, now_ms);
    sqlite3_bind_int64(s, 2, id);
    rc = run(st, s, res, "revoking a token");
    if (!rc && !sqlite3_changes(st->db)) {
        result(res, "no such active token");
        return PVS_ERR_NOTFOUND;
    }
    if (!rc)
        result(res, "token revoked");
    res->id = id;
    return rc;
}

enum pvs_err pvs_sqlite_web_session_create(struct pvs_store_be *st,
                                           int64_t user_id, const char *hash,
                                           int64_t now_ms, int64_t expires_ms,
                                           struct pvs_web_result *res) {
    sqlite3_stmt *s;
    enum pvs_err rc;

    /* Expired sessions go whenever a new one comes. */
    s = prep(st, "DELETE FROM sessions WHERE expires_ms <= ?");
    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, now_ms);
    rc = run(st, s, res, "pruning sessions");
    if (rc)
        return rc;
    s = prep(st, "INSERT INTO sessions(hash, user_id, created_ms,"
                 " expires_ms) VALUES (?, ?, ?, ?)");
    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, hash);
    sqlite3_bind_int64(s, 2, user_id);
    sqlite3_bind_int64(s, 3, now_ms);
    sqlite3_bind_int64(s, 4, expires_ms);
    rc = run(st, s, res, "creating a session");
    if (!rc)
        res->created = true;
    result(res, "logged in");
    return rc;
}

enum pvs_err pvs_sqlite_web_session_delete(struct pvs_store_be *st,
                                           const char *hash,
                                           struct pvs_web_result *res) {
    sqlite3_stmt *s = prep(st, "DELETE FROM sessions WHERE hash = ?");
    enum pvs_err rc;

    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, hash);
    rc = run(st, s, res, "ending a session");
    if (!rc)
        result(res, "logged out");
    return rc;
}

enum pvs_err pvs_sqlite_web_audit(struct pvs_store_be *st, int64_t now_ms,
                                  const char *actor, const char *action,
                                  const char *object) {
    struct pvs_web_result res;
    sqlite3_stmt *s = prep(st, "INSERT INTO audit(ts_ms, actor, action,"
                               " object) VALUES (?, ?, ?, ?)");

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, now_ms);
    bind_text(s, 2, actor);
    bind_text(s, 3, action);
    bind_text(s, 4, object);
    return run(st, s, &res, "writing the audit log");
}

enum pvs_err pvs_sqlite_web_prune_personal(struct pvs_store_be *st,
                                           int64_t before_ms, int64_t *ret_n) {
    static const char *const sqls[] = {
        "UPDATE outbox SET subject = '(expired)', body = '(expired)' WHERE"
        " audience = 'customer' AND created_ms < ?1 AND status <> 'pending'"
        " AND body IS NOT '(expired)'",
        "UPDATE surveys SET comment = NULL WHERE answered_ms < ?1 AND"
        " comment IS NOT NULL",
    };
    struct pvs_web_result res;
    int64_t n = 0;

    for (size_t i = 0; i < PVS_ARRAY_LEN(sqls); i++) {
        sqlite3_stmt *s = prep(st, sqls[i]);
        enum pvs_err rc;

        if (!s)
            return PVS_ERR_DB;
        sqlite3_bind_int64(s, 1, before_ms);
        rc = run(st, s, &res, "pruning personal data");
        if (rc)
            return rc;
        n += sqlite3_changes(st->db);
    }
    if (ret_n)
        *ret_n = n;
    return PVS_OK;
}
