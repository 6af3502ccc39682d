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

/*
 * Prepare "SELECT ALIAS.id, <entity e's columns>, REST": the API's
 * members of an entity come from its field table.
 */
static sqlite3_stmt *prep_entity(struct pvs_store_be *st, const char *entity,
                                 const char *alias, const char *rest) {
    const struct pvs_entity *e = pvs_entity_find(entity);
    struct pvs_buf sql;
    sqlite3_stmt *s;

    PVS_ASSERT(e);
    pvs_buf_init(&sql, 16384);
    pvs_buf_printf(&sql, "SELECT %s.id, ", alias);
    pvs_sqlite_entity_columns(e, alias, &sql);
    pvs_buf_printf(&sql, ", %s", rest);
    s = prep(st, sql.data);
    pvs_buf_release(&sql);
    return s;
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

/* Column i as a string or NULL, a number or NAN, a time or none. */
static const char *col_str(sqlite3_stmt *s, int i) {
    return (const char *)sqlite3_column_text(s, i);
}

static double col_num(sqlite3_stmt *s, int i) {
    return sqlite3_column_type(s, i) == SQLITE_NULL
               ? NAN
               : sqlite3_column_double(s, i);
}

static int64_t col_ms(sqlite3_stmt *s, int i) {
    return sqlite3_column_type(s, i) == SQLITE_NULL
               ? PVS_ROW_NO_MS
               : sqlite3_column_int64(s, i);
}

/* The TICKET_COLS of the current row, then the site's name. */
static void ticket_row(sqlite3_stmt *s, struct pvs_ticket_row *t) {
    memset(t, 0, sizeof(*t));
    t->id = sqlite3_column_int64(s, 0);
    t->status = col_str(s, 1);
    t->site = col_str(s, 2);
    t->device = col_str(s, 3);
    t->rule = col_str(s, 4);
    t->family = col_str(s, 5);
    t->subject = col_str(s, 6);
    t->severity = col_str(s, 7);
    t->title = col_str(s, 8);
    t->assignee = col_str(s, 9);
    t->opened_ms = col_ms(s, 10);
    t->updated_ms = col_ms(s, 11);
    t->resolved_ms = col_ms(s, 12);
    t->closed_ms = col_ms(s, 13);
    t->lost_kwh = col_num(s, 14);
    t->site_name = col_str(s, 15);
    t->acknowledged_ms = PVS_ROW_NO_MS;
    t->escalate_at_ms = PVS_ROW_NO_MS;
}

enum pvs_err pvs_sqlite_web_tickets(struct pvs_store_be *st,
                                    const struct pvs_scope *scope,
                                    const struct pvs_ticket_filter *f,
                                    pvs_store_ticket_row_fn *fn, void *ud,
                                    int64_t *ret_total) {
    struct pvs_ticket_row t;
    sqlite3_stmt *s;
    int64_t total = 0;
    enum pvs_err rc;
    int r;

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
                 " x.id = t.site_id)" TICKET_FILTER
                 " ORDER BY t.id DESC LIMIT ?5 OFFSET ?6");
    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    bind_text(s, 3, f->status);
    bind_text(s, 4, f->site);
    sqlite3_bind_int64(s, 5, f->limit);
    sqlite3_bind_int64(s, 6, f->offset);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        ticket_row(s, &t);
        fn(ud, &t);
    }
    sqlite3_finalize(s);
    if (r != SQLITE_DONE)
        return fail(st, "listing tickets");
    if (ret_total)
        *ret_total = total;
    return PVS_OK;
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

enum pvs_err pvs_sqlite_web_ticket(struct pvs_store_be *st,
                                   const struct pvs_scope *scope, int64_t id,
                                   bool staff, pvs_store_ticket_row_fn *fn,
                                   void *ud) {
    struct pvs_ticket_row t;
    sqlite3_stmt *s;
    enum pvs_err rc = PVS_OK;
    int r;

    s = prep(st, "SELECT " TICKET_COLS ", s.name, t.fingerprint, s.address,"
                 " s.timezone, CASE WHEN ?4 THEN s.access_notes END,"
                 " t.acknowledged_ms, t.escalation_level, t.escalate_at_ms"
                 " FROM tickets t LEFT JOIN sites s ON s.id = t.site_id"
                 " WHERE t.id = ?3 AND " TICKET_IN_SCOPE);
    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    sqlite3_bind_int64(s, 3, id);
    sqlite3_bind_int(s, 4, staff);
    r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        ticket_row(s, &t);
        t.fingerprint = col_str(s, 16);
        t.site_address = col_str(s, 17);
        t.site_timezone = col_str(s, 18);
        t.access_notes = col_str(s, 19);
        t.acknowledged_ms = col_ms(s, 20);
        t.escalation_level = sqlite3_column_int64(s, 21);
        t.escalate_at_ms = col_ms(s, 22);
        fn(ud, &t);
    } else if (r == SQLITE_DONE) {
        rc = PVS_ERR_NOTFOUND;
    } else {
        rc = fail(st, "reading a ticket");
    }
    sqlite3_finalize(s);
    return rc;
}

enum pvs_err pvs_sqlite_web_ticket_events(struct pvs_store_be *st, int64_t id,
                                          bool staff,
                                          pvs_store_event_row_fn *fn,
                                          void *ud) {
    struct pvs_event_row e;
    sqlite3_stmt *s;
    int r;

    s = prep(st, "SELECT ts_ms, kind, actor, text FROM ticket_events WHERE"
                 " ticket_id = ?1 AND kind <> 'link_used' AND (?2 OR kind <>"
                 " 'comment') ORDER BY id");
    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_int(s, 2, staff);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        e.ts_ms = col_ms(s, 0);
        e.kind = col_str(s, 1);
        e.actor = col_str(s, 2);
        e.text = col_str(s, 3);
        fn(ud, &e);
    }
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : fail(st, "reading a timeline");
}

enum pvs_err pvs_sqlite_web_ticket_alert(struct pvs_store_be *st, int64_t id,
                                         pvs_store_ticket_alert_fn *fn,
                                         void *ud) {
    struct pvs_ticket_alert_row a;
    enum pvs_err rc = PVS_OK;
    sqlite3_stmt *s;
    int r;

    s = prep(st, "SELECT a.state, a.started_ms, a.ts_ms, a.measured,"
                 " a.expected, a.lost_kwh, a.lost_kwh_per_day, a.evidence,"
                 " a.explanation, a.kb FROM alerts a JOIN tickets t ON"
                 " t.fingerprint = a.fingerprint WHERE t.id = ? ORDER BY"
                 " a.id DESC LIMIT 1");
    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        a.state = col_str(s, 0);
        a.started_ms = col_ms(s, 1);
        a.ts_ms = col_ms(s, 2);
        a.measured = col_num(s, 3);
        a.expected = col_num(s, 4);
        a.lost_kwh = col_num(s, 5);
        a.lost_kwh_per_day = col_num(s, 6);
        a.evidence = col_str(s, 7);
        a.explanation = col_str(s, 8);
        a.kb = col_str(s, 9);
        fn(ud, &a);
    } else if (r == SQLITE_DONE) {
        rc = PVS_ERR_NOTFOUND;
    } else {
        rc = fail(st, "reading an alert");
    }
    sqlite3_finalize(s);
    return rc;
}

/* Message columns: id, ticket, site, audience, kind, channel, recipient,
 * subject, status, body, attempts, created_ms, sent_ms. */
static void message_row(sqlite3_stmt *s, struct pvs_message_row *m) {
    m->id = sqlite3_column_int64(s, 0);
    m->ticket_id = sqlite3_column_int64(s, 1);
    m->site = col_str(s, 2);
    m->audience = col_str(s, 3);
    m->kind = col_str(s, 4);
    m->channel = col_str(s, 5);
    m->recipient = col_str(s, 6);
    m->subject = col_str(s, 7);
    m->status = col_str(s, 8);
    m->body = col_str(s, 9);
    m->attempts = sqlite3_column_int64(s, 10);
    m->created_ms = col_ms(s, 11);
    m->sent_ms = col_ms(s, 12);
}

static enum pvs_err messages(struct pvs_store_be *st, sqlite3_stmt *s,
                             pvs_store_message_row_fn *fn, void *ud) {
    struct pvs_message_row m;
    int r;

    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        message_row(s, &m);
        fn(ud, &m);
    }
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : fail(st, "reading messages");
}

enum pvs_err pvs_sqlite_web_ticket_messages(struct pvs_store_be *st, int64_t id,
                                            pvs_store_message_row_fn *fn,
                                            void *ud) {
    sqlite3_stmt *s = prep(
        st, "SELECT o.id, o.ticket_id, NULL, o.audience, o.kind, o.channel,"
            " o.recipient, o.subject, o.status, NULL, o.attempts,"
            " o.created_ms, o.sent_ms FROM outbox o WHERE o.ticket_id = ?"
            " ORDER BY o.id");

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    return messages(st, s, fn, ud);
}

/* ---- sites and devices ---- */

/* The site page's tickets, as JSON built in SQL. */
static enum pvs_err site_tickets_json(struct pvs_store_be *st,
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

/* A site's members beyond its entity fields. */
#define SITE_EXTRA                                                             \
    "s.customer_id AS customer, s.technician_id AS technician, s.source,"      \
    " s.created_by, (SELECT COUNT(*) FROM devices d WHERE d.site_id = s.id)"   \
    " AS devices, (SELECT COUNT(*) FROM tickets t WHERE t.site_id = s.id AND"  \
    " pvs_ticket_active(t.status)) AS open_tickets, " SITE_STATE " AS state"

enum pvs_err pvs_sqlite_web_sites_json(struct pvs_store_be *st,
                                       const struct pvs_scope *scope,
                                       int64_t limit, int64_t offset,
                                       struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    sqlite3_stmt *s;
    int64_t total = 0;
    enum pvs_err rc;

    s = prep(st, "SELECT COUNT(*) FROM sites s WHERE " SCOPE_S);
    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    rc = scalar(st, s, &total);
    if (rc)
        return rc;
    s = prep_entity(st, "site", "s",
                    SITE_EXTRA " FROM sites s WHERE " SCOPE_S
                               " ORDER BY s.id LIMIT ?3 OFFSET ?4");
    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    sqlite3_bind_int64(s, 3, limit);
    sqlite3_bind_int64(s, 4, offset);
    jput(&w, "{\"items\": ");
    rc = jrows(st, &w, s, "listing sites");
    if (rc)
        return rc;
    jput(&w, ", \"total\": ");
    jint(&w, total);
    jput(&w, "}");
    return w.rc;
}

/* A device's members beyond its entity fields. */
#define DEVICE_EXTRA                                                           \
    "d.site_id AS site, d.source, d.created_by, (SELECT MAX(ts_ms) FROM"       \
    " readings x WHERE x.device_id = d.id) AS last_seen_ms"

/* The latest values of device id: {"metric": value, ...}. */
static enum pvs_err last_values(struct pvs_store_be *st, struct jw *w,
                                const char *id) {
    sqlite3_stmt *s = prep(
        st, "SELECT j.key, CASE j.type WHEN 'array' THEN j.value ->> 0 ELSE"
            " j.value END FROM (SELECT data FROM readings WHERE device_id ="
            " ?1 ORDER BY ts_ms DESC LIMIT 1) r, json_each(r.data) j ORDER"
            " BY j.key LIMIT 128");
    bool first = true;
    int r;

    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, id);
    jput(w, "{");
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        jkey(w, &first, col_text(s, 0));
        if (sqlite3_column_type(s, 1) == SQLITE_NULL)
            jput(w, "null");
        else
            jnum(w, sqlite3_column_double(s, 1));
    }
    jput(w, "}");
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? w->rc : fail(st, "reading last values");
}

/* Devices rows with their last values; finalizes s. */
static enum pvs_err device_rows(struct pvs_store_be *st, struct jw *w,
                                sqlite3_stmt *s, bool one) {
    bool first = true;
    enum pvs_err rc = PVS_OK;
    int r;

    if (!one)
        jput(w, "[");
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        if (!first)
            jput(w, ", ");
        first = false;
        jrow(w, s, 0);
        if (w->rc)
            break;
        w->b->data[--w->b->len] = '\0';
        jput(w, ", \"last\": ");
        rc = last_values(st, w, col_text(s, 0));
        if (rc)
            break;
        jput(w, "}");
        if (one)
            break;
    }
    if (!one)
        jput(w, "]");
    sqlite3_finalize(s);
    if (rc)
        return rc;
    if (one && first)
        return PVS_ERR_NOTFOUND;
    if (r != SQLITE_DONE && r != SQLITE_ROW)
        return fail(st, "listing devices");
    return w->rc;
}

enum pvs_err pvs_sqlite_web_devices_json(struct pvs_store_be *st,
                                         const struct pvs_scope *scope,
                                         const char *site,
                                         struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    sqlite3_stmt *s =
        prep_entity(st, "device", "d",
                    DEVICE_EXTRA " FROM devices d WHERE " SCOPE_D
                                 " AND (?3 IS NULL OR d.site_id = ?3) ORDER"
                                 " BY d.id LIMIT 5000");

    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    bind_text(s, 3, site);
    return device_rows(st, &w, s, false);
}

enum pvs_err pvs_sqlite_web_device_json(struct pvs_store_be *st,
                                        const struct pvs_scope *scope,
                                        const char *id, struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    sqlite3_stmt *s = prep_entity(
        st, "device", "d",
        DEVICE_EXTRA " FROM devices d WHERE d.id = ?3 AND " SCOPE_D);

    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    bind_text(s, 3, id);
    return device_rows(st, &w, s, true);
}

enum pvs_err pvs_sqlite_web_site_json(struct pvs_store_be *st,
                                      const struct pvs_scope *scope,
                                      const char *id, struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    struct pvs_ticket_filter f = {NULL, id, 50, 0};
    sqlite3_stmt *s;
    enum pvs_err rc;

    s = prep_entity(st, "site", "s",
                    SITE_EXTRA " FROM sites s WHERE s.id = ?3 AND " SCOPE_S);
    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    bind_text(s, 3, id);
    rc = jone(st, &w, s, "reading a site");
    if (rc)
        return rc;
    out->data[--out->len] = '\0';
    jput(&w, ", \"device_list\": ");
    rc = pvs_sqlite_web_devices_json(st, scope, id, out);
    if (rc)
        return rc;
    jput(&w, ", \"tickets\": ");
    rc = site_tickets_json(st, scope, &f, out);
    if (rc)
        return rc;
    jput(&w, "}");
    return w.rc;
}

enum pvs_err pvs_sqlite_web_fleet(struct pvs_store_be *st,
                                  const struct pvs_scope *scope,
                                  pvs_store_fleet_row_fn *fn, void *ud) {
    struct pvs_fleet_row f;
    sqlite3_stmt *s = prep(
        st, "SELECT s.id, s.name, s.kwp, " SITE_STATE ", (SELECT"
            " COUNT(*) FROM tickets t WHERE t.site_id = s.id AND"
            " pvs_ticket_active(t.status)), (SELECT"
            " COALESCE(SUM(t.lost_kwh), 0) FROM tickets t WHERE t.site_id ="
            " s.id AND pvs_ticket_active(t.status)) FROM"
            " sites s WHERE " SCOPE_S " ORDER BY s.id LIMIT"
            " 5000");
    int r;

    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        f.id = col_str(s, 0);
        f.name = col_str(s, 1);
        f.kwp = col_num(s, 2);
        f.state = col_str(s, 3);
        f.open_tickets = sqlite3_column_int64(s, 4);
        f.lost_kwh = col_num(s, 5);
        fn(ud, &f);
    }
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : fail(st, "listing the fleet");
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

enum pvs_err pvs_sqlite_web_people_json(struct pvs_store_be *st,
                                        const char *role, struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    sqlite3_stmt *s = prep_entity(st, role, "p",
                                  "p.source, p.created_by FROM people p WHERE"
                                  " p.role = ? ORDER BY p.id LIMIT 10000");

    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, role);
    return jrows(st, &w, s, "listing people");
}

enum pvs_err pvs_sqlite_web_person_json(struct pvs_store_be *st,
                                        const char *role, const char *id,
                                        struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    sqlite3_stmt *s = prep_entity(st, role, "p",
                                  "p.source, p.created_by FROM people p WHERE"
                                  " p.role = ? AND p.id = ?");

    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, role);
    bind_text(s, 2, id);
    return jone(st, &w, s, "reading a person");
}

enum pvs_err pvs_sqlite_web_entities_json(struct pvs_store_be *st,
                                          const struct pvs_entity *e,
                                          const char *id, struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    char rest[200];
    sqlite3_stmt *s;

    pvs_snprintf(rest, sizeof(rest),
                 "x.source, x.created_by FROM %s x WHERE ?1 IS NULL OR x.id"
                 " = ?1 ORDER BY x.id LIMIT 10000",
                 e->table);
    s = prep_entity(st, e->name, "x", rest);
    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, id);
    return id ? jone(st, &w, s, "reading an object")
              : jrows(st, &w, s, "listing objects");
}

enum pvs_err pvs_sqlite_web_users_json(struct pvs_store_be *st,
                                       struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    sqlite3_stmt *s = prep(st, "SELECT id, username, role, person_id AS"
                               " person, created_ms, disabled FROM users"
                               " ORDER BY id");

    if (!s)
        return PVS_ERR_DB;
    return jrows(st, &w, s, "listing users");
}

enum pvs_err pvs_sqlite_web_tokens_json(struct pvs_store_be *st,
                                        int64_t user_id, struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    sqlite3_stmt *s = prep(st, "SELECT k.id, k.user_id, u.username, k.name,"
                               " k.created_ms, k.expires_ms, k.revoked_ms"
                               " FROM api_tokens k JOIN users u ON u.id ="
                               " k.user_id WHERE ?1 = 0 OR k.user_id = ?1"
                               " ORDER BY k.id");

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, user_id);
    return jrows(st, &w, s, "listing tokens");
}

enum pvs_err pvs_sqlite_web_token_owner(struct pvs_store_be *st, int64_t id,
                                        int64_t *ret_user) {
    sqlite3_stmt *s = prep(st, "SELECT user_id FROM api_tokens WHERE id = ?");

    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    return scalar(st, s, ret_user);
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

enum pvs_err pvs_sqlite_web_silences_json(struct pvs_store_be *st,
                                          const struct pvs_scope *scope,
                                          struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    sqlite3_stmt *s = prep(st, "SELECT id, a.site_id AS site, device_id AS"
                               " device, rule, start_ms, end_ms, reason,"
                               " created_by, created_ms FROM api_silences a"
                               " WHERE " SCOPE_A " ORDER BY id");

    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    return jrows(st, &w, s, "listing silences");
}

enum pvs_err pvs_sqlite_web_notices(struct pvs_store_be *st,
                                    const struct pvs_scope *scope,
                                    pvs_store_message_row_fn *fn, void *ud) {
    sqlite3_stmt *s = prep(
        st, "SELECT o.id, o.ticket_id, t.site_id, o.audience, o.kind,"
            " o.channel, o.recipient, o.subject, o.status, o.body,"
            " o.attempts, o.created_ms, o.sent_ms FROM outbox o JOIN"
            " tickets t ON t.id = o.ticket_id"
            " WHERE o.audience = 'customer' AND o.status = 'sent' AND " SCOPE_T
            " ORDER BY o.sent_ms DESC, o.id DESC LIMIT 200");

    if (!s)
        return PVS_ERR_DB;
    bind_scope(s, scope);
    return messages(st, s, fn, ud);
}

/*
 * The value of one metric in a readings row (json path p): a plain number,
 * or the first element of [value, quality] for a reading whose quality is
 * not ok, as the samples view gives it.
 */
#define READING(p)                                                             \
    "CASE json_type(data, " p ") WHEN 'array' THEN json_extract(data, " p      \
    " || '[0]') ELSE json_extract(data, " p ") END"

enum pvs_err pvs_sqlite_web_series(struct pvs_store_be *st, const char *site,
                                   const char *metric, int64_t from_ms,
                                   int64_t to_ms, int64_t step_ms,
                                   pvs_store_point_fn *fn, void *ud) {
    sqlite3_stmt *s;
    char path[80];
    int r;

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
    while ((r = sqlite3_step(s)) == SQLITE_ROW)
        fn(ud, sqlite3_column_int64(s, 0), sqlite3_column_double(s, 1));
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : fail(st, "reading a series");
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

/* The customer's notices for the export, as JSON built in SQL. */
static enum pvs_err export_notices_json(struct pvs_store_be *st,
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

enum pvs_err pvs_sqlite_web_export_json(struct pvs_store_be *st, const char *id,
                                        struct pvs_buf *out) {
    struct jw w = {out, PVS_OK};
    struct pvs_scope scope = {PVS_SCOPE_CUSTOMER, id};
    struct pvs_ticket_filter f = {NULL, NULL, 500, 0};
    enum pvs_err rc;

    jput(&w, "{\"person\": ");
    rc = pvs_sqlite_web_person_json(st, "customer", id, out);
    if (rc)
        return rc;
    jput(&w, ", \"sites\": ");
    rc = pvs_sqlite_web_sites_json(st, &scope, 1000, 0, out);
    if (!rc) {
        jput(&w, ", \"tickets\": ");
        rc = site_tickets_json(st, &scope, &f, out);
    }
    if (!rc) {
        jput(&w, ", \"notices\": ");
        rc = export_notices_json(st, &scope, out);
    }
    jput(&w, "}");
    return rc ? rc : w.rc;
}

/* ---- entities ---- */

const struct pvs_entity *pvs_store_web_entity(const char *name) {
    const struct pvs_entity *e = pvs_entity_find(name);

    return e && e->table && (e->flags & PVS_ENTITY_API) &&
                   !(e->flags & PVS_ENTITY_INT_ID)
               ? e
               : NULL;
}

bool pvs_store_web_id_valid(const char *id) {
    return pvs_entity_id_valid(id);
}

enum pvs_err pvs_sqlite_web_exists(struct pvs_store_be *st,
                                   const struct pvs_entity *e, const char *id) {
    char sql[128];
    sqlite3_stmt *s;
    int64_t n = 0;
    enum pvs_err rc;

    pvs_snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM %s WHERE id = ?1%s",
                 e->table, e->role ? " AND role = ?2" : "");
    s = prep(st, sql);
    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, id);
    if (e->role)
        bind_text(s, 2, e->role);
    rc = scalar(st, s, &n);
    if (!rc && !n)
        rc = PVS_ERR_NOTFOUND;
    return rc;
}

static void result(struct pvs_web_result *res, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void result(struct pvs_web_result *res, const char *fmt, ...) {
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(res->msg, sizeof(res->msg), fmt, ap);
    va_end(ap);
}

/* Row facts needed before a write: exists, source, created_by. */
static enum pvs_err row_facts(struct pvs_store_be *st,
                              const struct pvs_entity *e, const char *id,
                              bool *ret_exists, char *source, size_t srcsize,
                              char *owner, size_t ownersize) {
    char sql[200];
    sqlite3_stmt *s;
    int r;

    pvs_snprintf(sql, sizeof(sql),
                 "SELECT source, created_by FROM %s WHERE id = ?1%s", e->table,
                 e->role ? " AND role = ?2" : "");
    s = prep(st, sql);
    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, id);
    if (e->role)
        bind_text(s, 2, e->role);
    r = sqlite3_step(s);
    *ret_exists = r == SQLITE_ROW;
    if (r == SQLITE_ROW) {
        pvs_strlcpy(source, col_text(s, 0), srcsize);
        pvs_strlcpy(owner, col_text(s, 1), ownersize);
    }
    sqlite3_finalize(s);
    return r == SQLITE_ROW || r == SQLITE_DONE ? PVS_OK
                                               : fail(st, "reading a row");
}

static enum pvs_err ref_exists(struct pvs_store_be *st, const char *entity,
                               const char *id, bool *ret) {
    const struct pvs_entity *e = pvs_store_web_entity(entity);
    char src[16], owner[PVS_WEB_NAME_MAX];

    return row_facts(st, e, id, ret, src, sizeof(src), owner, sizeof(owner));
}

/* Whether obj sets field f (a stored member the API may write). */
static bool writes(const struct pvs_field *f, const cJSON *obj) {
    return f->json && f->column && !(f->flags & PVS_FIELD_READONLY) &&
           cJSON_GetObjectItemCaseSensitive(obj, f->json);
}

/* A validated JSON member as its column value. */
static void bind_member(sqlite3_stmt *s, int i, const struct pvs_field *f,
                        const cJSON *m) {
    char *text;

    if (cJSON_IsNull(m)) {
        sqlite3_bind_null(s, i);
    } else if (f->type == PVS_FT_LIST || f->type == PVS_FT_OBJECT) {
        text = cJSON_PrintUnformatted(m);
        sqlite3_bind_text(s, i, text, -1, SQLITE_TRANSIENT);
        cJSON_free(text);
    } else if (f->type == PVS_FT_BOOL) {
        sqlite3_bind_int(s, i, cJSON_IsTrue(m));
    } else if (f->type == PVS_FT_INT || f->type == PVS_FT_TIME) {
        sqlite3_bind_int64(s, i, (sqlite3_int64)m->valuedouble);
    } else if (cJSON_IsNumber(m)) {
        if (m->valuedouble == floor(m->valuedouble) &&
            fabs(m->valuedouble) < 9e15 && f->type == PVS_FT_DURATION)
            sqlite3_bind_int64(s, i, (sqlite3_int64)m->valuedouble);
        else
            sqlite3_bind_double(s, i, m->valuedouble);
    } else {
        bind_text(s, i, m->valuestring);
    }
}

enum pvs_err pvs_sqlite_web_put(struct pvs_store_be *st,
                                const struct pvs_entity *e, const char *id,
                                const cJSON *obj, bool create,
                                const char *actor, const char *owner,
                                int64_t now_ms, struct pvs_web_result *res) {
    struct pvs_buf sql;
    char source[16], created_by[PVS_WEB_NAME_MAX];
    sqlite3_stmt *s = NULL;
    bool exists, first = true;
    int n = 0;
    enum pvs_err rc;
    const cJSON *m;

    pvs_buf_init(&sql, 4096);
    rc = row_facts(st, e, id, &exists, source, sizeof(source), created_by,
                   sizeof(created_by));
    if (rc)
        goto out;
    if (create && exists) {
        result(res, "%s '%s' exists already", e->name, id);
        rc = PVS_ERR_EXISTS;
        goto out;
    }
    if (!create && !exists) {
        result(res, "no such %s", e->name);
        rc = PVS_ERR_NOTFOUND;
        goto out;
    }
    if (!create && strcmp(source, "api")) {
        result(res,
               "%s '%s' is defined in the config file and is "
               "read-only here",
               e->name, id);
        rc = PVS_ERR_DENIED;
        goto out;
    }
    if (!create && owner && strcmp(owner, created_by)) {
        result(res, "%s '%s' was registered by someone else", e->name, id);
        rc = PVS_ERR_DENIED;
        goto out;
    }
    for (size_t i = 0; i < e->nfields; i++) {
        const struct pvs_field *f = &e->fields[i];
        const struct pvs_entity *re =
            f->ref ? pvs_store_web_entity(f->ref) : NULL;
        char rsrc[16], rowner[PVS_WEB_NAME_MAX];
        bool found;
        m = f->json ? cJSON_GetObjectItemCaseSensitive(obj, f->json) : NULL;
        /* Only stored entities can be looked up (an endpoint of the
         * file is checked with the running configuration). */
        if (!re || !m || !cJSON_IsString(m))
            continue;
        rc = row_facts(st, re, m->valuestring, &found, rsrc, sizeof(rsrc),
                       rowner, sizeof(rowner));
        if (rc)
            goto out;
        if (!found) {
            result(res, "%s: %s '%s' does not exist", f->json, f->ref,
                   m->valuestring);
            rc = PVS_ERR_INVAL;
            goto out;
        }
        /*
         * What hangs on a site changes the site: a device goes only on a
         * site the caller could edit (not one from the config file, nor
         * another installer's).
         */
        if (strcmp(f->ref, "site"))
            continue;
        if (strcmp(rsrc, "api")) {
            result(res,
                   "%s: site '%s' is defined in the config file and is "
                   "read-only here",
                   f->json, m->valuestring);
            rc = PVS_ERR_DENIED;
            goto out;
        }
        if (owner && strcmp(owner, rowner)) {
            result(res, "%s: site '%s' was registered by someone else", f->json,
                   m->valuestring);
            rc = PVS_ERR_DENIED;
            goto out;
        }
    }
    /* Column names come from the field table only. */
    if (create) {
        pvs_buf_printf(&sql,
                       "INSERT INTO %s(id, source, created_by, "
                       "created_ms%s",
                       e->table, e->role ? ", role" : "");
        for (size_t i = 0; i < e->nfields; i++)
            if (writes(&e->fields[i], obj))
                pvs_buf_printf(&sql, ", %s", e->fields[i].column);
        pvs_buf_printf(&sql, ") VALUES (?1, 'api', ?2, ?3%s",
                       e->role ? ", ?4" : "");
        n = e->role ? 4 : 3;
        for (size_t i = 0; i < e->nfields; i++)
            if (writes(&e->fields[i], obj))
                pvs_buf_printf(&sql, ", ?%d", ++n);
        pvs_buf_puts(&sql, ")");
    } else {
        pvs_buf_printf(&sql, "UPDATE %s SET ", e->table);
        n = e->role ? 4 : 3;
        for (size_t i = 0; i < e->nfields; i++) {
            if (!writes(&e->fields[i], obj))
                continue;
            pvs_buf_printf(&sql, "%s%s = ?%d", first ? "" : ", ",
                           e->fields[i].column, ++n);
            first = false;
        }
        if (first) {
            result(res, "nothing to change");
            rc = PVS_OK;
            goto out;
        }
        pvs_buf_printf(&sql,
                       " WHERE id = ?1%s AND ?2 IS NOT NULL AND ?3 "
                       "IS NOT NULL",
                       e->role ? " AND role = ?4" : "");
    }
    s = prep(st, sql.data);
    if (!s) {
        rc = PVS_ERR_DB;
        goto out;
    }
    bind_text(s, 1, id);
    bind_text(s, 2, actor ? actor : "");
    sqlite3_bind_int64(s, 3, now_ms);
    if (e->role)
        bind_text(s, 4, e->role);
    n = e->role ? 4 : 3;
    for (size_t i = 0; i < e->nfields; i++) {
        const struct pvs_field *f = &e->fields[i];
        if (!writes(f, obj))
            continue;
        bind_member(s, ++n, f, cJSON_GetObjectItemCaseSensitive(obj, f->json));
    }
    if (sqlite3_step(s) != SQLITE_DONE) {
        rc = fail(st, "writing an API object");
        goto out;
    }
    res->created = create;
    result(res, "%s '%s' %s", e->name, id, create ? "created" : "updated");
    rc = PVS_OK;
out:
    sqlite3_finalize(s);
    pvs_buf_release(&sql);
    if (rc == PVS_ERR_DB)
        result(res, "the database refused the change");
    return rc;
}

/*
 * "SELECT how many stored objects name ?1 as an e": every stored field
 * of the tables whose reference is e (a site's devices and maps, a
 * customer's sites...).
 */
static sqlite3_stmt *prep_refs(struct pvs_store_be *st,
                               const struct pvs_entity *e) {
    struct pvs_buf sql;
    sqlite3_stmt *s;

    pvs_buf_init(&sql, 4096);
    pvs_buf_puts(&sql, "SELECT 0");
    for (size_t k = 0; k < pvs_nentities; k++) {
        const struct pvs_entity *x = pvs_entities[k];
        /* A silence of a deleted object just covers nothing. */
        if (x->flags & PVS_ENTITY_INT_ID)
            continue;
        for (size_t i = 0; x->table && i < x->nfields; i++) {
            const struct pvs_field *f = &x->fields[i];
            if (f->ref && f->column && !strcmp(f->ref, e->name) &&
                f->type == PVS_FT_STR)
                pvs_buf_printf(&sql,
                               " + (SELECT COUNT(*) FROM %s WHERE %s = ?1)",
                               x->table, f->column);
        }
    }
    pvs_buf_puts(&sql, " WHERE ?1 IS NOT NULL");
    s = prep(st, sql.data);
    pvs_buf_release(&sql);
    return s;
}

enum pvs_err pvs_sqlite_web_delete(struct pvs_store_be *st,
                                   const struct pvs_entity *e, const char *id,
                                   const char *owner,
                                   struct pvs_web_result *res) {
    char source[16], created_by[PVS_WEB_NAME_MAX], sql[200];
    sqlite3_stmt *s;
    bool exists;
    int64_t uses = 0;
    enum pvs_err rc;

    rc = row_facts(st, e, id, &exists, source, sizeof(source), created_by,
                   sizeof(created_by));
    if (rc)
        return rc;
    if (!exists) {
        result(res, "no such %s", e->name);
        return PVS_ERR_NOTFOUND;
    }
    if (strcmp(source, "api")) {
        result(res,
               "%s '%s' is defined in the config file and is "
               "read-only here",
               e->name, id);
        return PVS_ERR_DENIED;
    }
    if (owner && strcmp(owner, created_by)) {
        result(res, "%s '%s' was registered by someone else", e->name, id);
        return PVS_ERR_DENIED;
    }
    /* Refuse to leave dangling references behind. */
    s = prep_refs(st, e);
    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, id);
    rc = scalar(st, s, &uses);
    if (rc)
        return rc;
    if (uses) {
        result(res, "%s '%s' is still used by %lld other object(s)", e->name,
               id, (long long)uses);
        return PVS_ERR_EXISTS;
    }
    pvs_snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE id = ?1%s", e->table,
                 e->role ? " AND role = ?2" : "");
    s = prep(st, sql);
    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, id);
    if (e->role)
        bind_text(s, 2, e->role);
    if (sqlite3_step(s) != SQLITE_DONE) {
        sqlite3_finalize(s);
        result(res, "the database refused the change");
        return fail(st, "deleting an API object");
    }
    sqlite3_finalize(s);
    result(res, "%s '%s' deleted", e->name, id);
    return PVS_OK;
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
        bool found;

        if (!pvs_store_web_entity(kind)) {
            result(res, "person: a %s has no person", role);
            return PVS_ERR_INVAL;
        }
        rc = ref_exists(st, kind, person, &found);
        if (rc)
            return rc;
        if (!found) {
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

enum pvs_err pvs_sqlite_web_silence_create(struct pvs_store_be *st,
                                           const cJSON *obj, const char *actor,
                                           int64_t now_ms,
                                           struct pvs_web_result *res) {
    static const char *const refs[][2] = {{"site", "site"},
                                          {"device", "device"}};
    sqlite3_stmt *s;
    enum pvs_err rc;

    for (size_t i = 0; i < PVS_ARRAY_LEN(refs); i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, refs[i][0]);
        bool found;
        if (!cJSON_IsString(v))
            continue;
        rc = ref_exists(st, refs[i][1], v->valuestring, &found);
        if (rc)
            return rc;
        if (!found) {
            result(res, "%s: '%s' does not exist", refs[i][0], v->valuestring);
            return PVS_ERR_INVAL;
        }
    }
    /* A device silenced under a site must be one of that site's. */
    if (cJSON_IsString(cJSON_GetObjectItem(obj, "device")) &&
        cJSON_IsString(cJSON_GetObjectItem(obj, "site"))) {
        int64_t on_site = 0;
        s = prep(st, "SELECT COUNT(*) FROM devices WHERE id = ?1 AND"
                     " site_id = ?2");
        if (!s)
            return PVS_ERR_DB;
        bind_text(s, 1,
                  cJSON_GetStringValue(cJSON_GetObjectItem(obj, "device")));
        bind_text(s, 2, cJSON_GetStringValue(cJSON_GetObjectItem(obj, "site")));
        rc = scalar(st, s, &on_site);
        if (rc)
            return rc;
        if (!on_site) {
            result(res, "device: '%s' is not on site '%s'",
                   cJSON_GetStringValue(cJSON_GetObjectItem(obj, "device")),
                   cJSON_GetStringValue(cJSON_GetObjectItem(obj, "site")));
            return PVS_ERR_INVAL;
        }
    }
    s = prep(st, "INSERT INTO api_silences(site_id, device_id, rule,"
                 " start_ms, end_ms, reason, created_by, created_ms) VALUES"
                 " (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!s)
        return PVS_ERR_DB;
    bind_text(s, 1, cJSON_GetStringValue(cJSON_GetObjectItem(obj, "site")));
    bind_text(s, 2, cJSON_GetStringValue(cJSON_GetObjectItem(obj, "device")));
    bind_text(s, 3, cJSON_GetStringValue(cJSON_GetObjectItem(obj, "rule")));
    sqlite3_bind_int64(
        s, 4, (int64_t)cJSON_GetNumberValue(cJSON_GetObjectItem(obj, "start")));
    sqlite3_bind_int64(
        s, 5, (int64_t)cJSON_GetNumberValue(cJSON_GetObjectItem(obj, "end")));
    bind_text(s, 6, cJSON_GetStringValue(cJSON_GetObjectItem(obj, "reason")));
    bind_text(s, 7, actor);
    sqlite3_bind_int64(s, 8, now_ms);
    rc = run(st, s, res, "creating a silence");
    if (!rc)
        res->created = true;
    result(res, "silence created");
    return rc;
}

enum pvs_err pvs_sqlite_web_silence_delete(struct pvs_store_be *st, int64_t id,
                                           const char *owner,
                                           struct pvs_web_result *res) {
    sqlite3_stmt *s;
    enum pvs_err rc;
    int64_t others = 0;

    if (owner) {
        s = prep(st, "SELECT COUNT(*) FROM api_silences WHERE id = ?1 AND"
                     " created_by <> ?2");
        if (!s)
            return PVS_ERR_DB;
        sqlite3_bind_int64(s, 1, id);
        bind_text(s, 2, owner);
        rc = scalar(st, s, &others);
        if (rc)
            return rc;
        if (others) {
            result(res, "silence %lld was created by someone else",
                   (long long)id);
            return PVS_ERR_DENIED;
        }
    }
    s = prep(st, "DELETE FROM api_silences WHERE id = ?");
    if (!s)
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    rc = run(st, s, res, "deleting a silence");
    if (!rc && !sqlite3_changes(st->db)) {
        result(res, "no such silence");
        return PVS_ERR_NOTFOUND;
    }
    if (!rc)
        result(res, "silence deleted");
    res->id = id;
    return rc;
}

enum pvs_err pvs_sqlite_web_erase_customer(struct pvs_store_be *st,
                                           const char *id,
                                           struct pvs_web_result *res) {
    static const char *const sqls[] = {
        /* Messages sent to them, by address, before the address goes. */
        "UPDATE outbox SET recipient = 'erased', body = '(erased)', subject"
        " = '(erased)' WHERE audience = 'customer' AND (recipient = (SELECT"
        " email FROM people WHERE role = 'customer' AND id = ?1) OR"
        " ticket_id IN (SELECT t.id FROM tickets t JOIN sites s ON s.id ="
        " t.site_id WHERE s.customer_id = ?1))",
        "UPDATE ticket_events SET text = '(erased)' WHERE actor = 'customer:'"
        " || ?1",
        "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE"
        " role = 'customer' AND person_id = ?1)",
        "UPDATE api_tokens SET revoked_ms = COALESCE(revoked_ms, 0) WHERE"
        " user_id IN (SELECT id FROM users WHERE role = 'customer' AND"
        " person_id = ?1)",
        "UPDATE users SET disabled = 1, pwhash = NULL WHERE role ="
        " 'customer' AND person_id = ?1",
        "UPDATE people SET name = 'erased', email = NULL, phone = NULL"
        " WHERE role = 'customer' AND id = ?1",
    };
    char source[16], owner[PVS_WEB_NAME_MAX];
    bool exists;
    enum pvs_err rc;

    rc = row_facts(st, pvs_store_web_entity("customer"), id, &exists, source,
                   sizeof(source), owner, sizeof(owner));
    if (rc)
        return rc;
    if (!exists) {
        result(res, "no such customer");
        return PVS_ERR_NOTFOUND;
    }
    for (size_t i = 0; i < PVS_ARRAY_LEN(sqls) && !rc; i++) {
        sqlite3_stmt *s = prep(st, sqls[i]);
        if (!s)
            return PVS_ERR_DB;
        bind_text(s, 1, id);
        rc = run(st, s, res, "erasing personal data");
    }
    if (rc)
        return rc;
    /* The config file is read at every start: the record there is the
     * operator's to remove, and the answer says so. */
    if (strcmp(source, "api"))
        result(res,
               "personal data of customer '%s' erased from the database; "
               "the [customer \"%s\"] section of the config file still "
               "holds their details: remove it there",
               id, id);
    else
        result(res, "personal data of customer '%s' erased", id);
    return PVS_OK;
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
