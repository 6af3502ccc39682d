/* SPDX-License-Identifier: MIT */
/*
 * store_flow.c - SQLite queries of the service workflow (store_flow.h).
 *
 * These run a few times per engine tick or per request, not per sample,
 * so they prepare their statements on each call and keep the code plain.
 */
#define PVS_LOG_MODULE "store"
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pvs/log.h"
#include "pvs/store_flow.h"
#include "store_int.h"

static enum pvs_err prep(struct pvs_store_be *st, const char *sql,
                         sqlite3_stmt **ret) {
    if (sqlite3_prepare_v2(st->db, sql, -1, ret, NULL) != SQLITE_OK) {
        pvs_error("cannot prepare a workflow query on '%s': %s", st->path,
                  sqlite3_errmsg(st->db));
        return PVS_ERR_DB;
    }
    return PVS_OK;
}

/* Step a bound statement that returns no rows, then finalize it. */
static enum pvs_err run(struct pvs_store_be *st, sqlite3_stmt *s,
                        const char *what) {
    int r = sqlite3_step(s);
    enum pvs_err rc = PVS_OK;

    if (r != SQLITE_DONE) {
        pvs_error("%s failed on '%s': %s", what, st->path,
                  sqlite3_errmsg(st->db));
        rc = store_err(st->db);
    }
    sqlite3_finalize(s);
    return rc;
}

static void copy_col(sqlite3_stmt *s, int i, char *buf, size_t size) {
    const unsigned char *t = sqlite3_column_text(s, i);

    pvs_strlcpy(buf, t ? (const char *)t : "", size);
}

enum pvs_err pvs_sqlite_flow_get(struct pvs_store_be *st, int64_t ticket_id,
                                 struct pvs_ticket_flow *ret) {
    sqlite3_stmt *s;
    enum pvs_err rc = PVS_ERR_NOTFOUND;

    if (prep(st,
             "SELECT acknowledged_ms, escalation_level, escalate_at_ms,"
             " first_contact_ms, visit_ms, self_help_ms, opened_by,"
             " notified_severity FROM tickets WHERE id = ?",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, ticket_id);
    if (sqlite3_step(s) == SQLITE_ROW) {
        memset(ret, 0, sizeof(*ret));
        ret->acknowledged_ms = sqlite3_column_int64(s, 0);
        ret->escalation_level = sqlite3_column_int64(s, 1);
        ret->escalate_at_ms = sqlite3_column_int64(s, 2);
        ret->first_contact_ms = sqlite3_column_int64(s, 3);
        ret->visit_ms = sqlite3_column_int64(s, 4);
        ret->self_help_ms = sqlite3_column_int64(s, 5);
        copy_col(s, 6, ret->opened_by, sizeof(ret->opened_by));
        copy_col(s, 7, ret->notified_severity, sizeof(ret->notified_severity));
        rc = PVS_OK;
    }
    sqlite3_finalize(s);
    return rc;
}

enum pvs_err pvs_sqlite_flow_set(struct pvs_store_be *st, int64_t ticket_id,
                                 const struct pvs_ticket_flow *f) {
    sqlite3_stmt *s;

    if (prep(st,
             "UPDATE tickets SET acknowledged_ms = ?, escalation_level = ?,"
             " escalate_at_ms = ?, first_contact_ms = ?, visit_ms = ?,"
             " self_help_ms = ?, opened_by = ?, notified_severity = ?"
             " WHERE id = ?",
             &s))
        return PVS_ERR_DB;
    store_bind_ms(s, 1, f->acknowledged_ms);
    sqlite3_bind_int64(s, 2, f->escalation_level);
    store_bind_ms(s, 3, f->escalate_at_ms);
    store_bind_ms(s, 4, f->first_contact_ms);
    store_bind_ms(s, 5, f->visit_ms);
    store_bind_ms(s, 6, f->self_help_ms);
    store_bind_text(s, 7, f->opened_by[0] ? f->opened_by : "pvsentry");
    store_bind_text(s, 8,
                    f->notified_severity[0] ? f->notified_severity : NULL);
    sqlite3_bind_int64(s, 9, ticket_id);
    return run(st, s, "updating a ticket's workflow");
}

/* Someone still has to act: pvs_ticket_is_active, called from SQL. */
#define ACTIVE_SQL "pvs_ticket_active(status)"

enum pvs_err pvs_sqlite_alert_latest(struct pvs_store_be *st, const char *fp,
                                     bool *ret_firing, double *ret_per_day) {
    sqlite3_stmt *s;
    enum pvs_err rc = PVS_ERR_NOTFOUND;

    if (prep(st,
             "SELECT state, lost_kwh_per_day FROM alerts WHERE fingerprint ="
             " ? ORDER BY id DESC LIMIT 1",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_text(s, 1, fp, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) == SQLITE_ROW) {
        const unsigned char *state = sqlite3_column_text(s, 0);
        *ret_firing = state && !strcmp((const char *)state, "firing");
        *ret_per_day = sqlite3_column_double(s, 1);
        rc = PVS_OK;
    }
    sqlite3_finalize(s);
    return rc;
}

enum pvs_err pvs_sqlite_last_reading(struct pvs_store_be *st,
                                     const char *device, const char *metric,
                                     double *ret) {
    sqlite3_stmt *s;
    enum pvs_err rc = PVS_ERR_NOTFOUND;

    /* Bounded: a device's latest readings, not its whole history. */
    if (prep(st,
             "SELECT v FROM (SELECT data ->> ?2 AS v, ts_ms FROM readings"
             " WHERE device_id = ?1 ORDER BY ts_ms DESC LIMIT 120) WHERE v"
             " IS NOT NULL ORDER BY ts_ms DESC LIMIT 1",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_text(s, 1, device, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, metric, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) == SQLITE_ROW &&
        sqlite3_column_type(s, 0) != SQLITE_NULL) {
        *ret = sqlite3_column_double(s, 0);
        rc = PVS_OK;
    }
    sqlite3_finalize(s);
    return rc;
}

enum pvs_err pvs_sqlite_outbox_set_body(struct pvs_store_be *st, int64_t id,
                                        const char *body) {
    sqlite3_stmt *s;

    if (prep(st, "UPDATE outbox SET body = ? WHERE id = ?", &s))
        return PVS_ERR_DB;
    sqlite3_bind_text(s, 1, body, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 2, id);
    return run(st, s, "updating a message");
}

enum pvs_err pvs_sqlite_open_by_assignee(struct pvs_store_be *st,
                                         pvs_store_count_fn *fn, void *ud) {
    sqlite3_stmt *s;
    int r;

    if (prep(st,
             "SELECT assignee, COUNT(*) FROM tickets WHERE assignee IS NOT"
             " NULL AND " ACTIVE_SQL " GROUP BY assignee",
             &s))
        return PVS_ERR_DB;
    while ((r = sqlite3_step(s)) == SQLITE_ROW)
        fn(ud, (const char *)sqlite3_column_text(s, 0),
           sqlite3_column_int64(s, 1));
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : PVS_ERR_DB;
}

enum pvs_err pvs_sqlite_admin_persons(struct pvs_store_be *st,
                                      pvs_store_count_fn *fn, void *ud) {
    sqlite3_stmt *s;
    int r;

    if (prep(st,
             "SELECT person_id FROM users WHERE role = 'admin' AND disabled"
             " = 0 AND person_id IS NOT NULL ORDER BY id",
             &s))
        return PVS_ERR_DB;
    while ((r = sqlite3_step(s)) == SQLITE_ROW)
        fn(ud, (const char *)sqlite3_column_text(s, 0), 1);
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : PVS_ERR_DB;
}

enum pvs_err pvs_sqlite_fixed_tickets(struct pvs_store_be *st,
                                      int64_t **ret_ids, size_t *ret_n) {
    sqlite3_stmt *s;

    if (prep(st, "SELECT id FROM tickets WHERE status = 'fixed' ORDER BY id",
             &s))
        return PVS_ERR_DB;
    return store_ids(st, s, "a workflow query", ret_ids, ret_n);
}

enum pvs_err pvs_sqlite_escalations_due(struct pvs_store_be *st, int64_t now_ms,
                                        int64_t **ret_ids, size_t *ret_n) {
    sqlite3_stmt *s;

    if (prep(st,
             "SELECT id FROM tickets WHERE escalate_at_ms IS NOT NULL AND"
             " escalate_at_ms <= ? AND status IN ('open', 'assigned')"
             " ORDER BY id",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, now_ms);
    return store_ids(st, s, "a workflow query", ret_ids, ret_n);
}

enum pvs_err pvs_sqlite_outbox_hold(struct pvs_store_be *st, int64_t id,
                                    int64_t not_before_ms, const char *note) {
    return pvs_sqlite_outbox_set(st, id, "held", not_before_ms, note);
}

enum pvs_err pvs_sqlite_held_due(struct pvs_store_be *st, int64_t now_ms,
                                 int64_t **ret_ids, size_t *ret_n) {
    sqlite3_stmt *s;

    if (prep(st,
             "SELECT id FROM outbox WHERE status = 'held' AND not_before_ms"
             " <= ? ORDER BY id",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, now_ms);
    return store_ids(st, s, "a workflow query", ret_ids, ret_n);
}

enum pvs_err pvs_sqlite_outbox_set(struct pvs_store_be *st, int64_t id,
                                   const char *status, int64_t not_before_ms,
                                   const char *note) {
    sqlite3_stmt *s;

    if (prep(st,
             "UPDATE outbox SET status = ?, not_before_ms = ?,"
             " note = COALESCE(?, note) WHERE id = ?",
             &s))
        return PVS_ERR_DB;
    store_bind_text(s, 1, status);
    store_bind_ms(s, 2, not_before_ms);
    store_bind_text(s, 3, note);
    sqlite3_bind_int64(s, 4, id);
    return run(st, s, "updating a message");
}

enum pvs_err pvs_sqlite_outbox_latest(struct pvs_store_be *st,
                                      int64_t ticket_id, const char *audience,
                                      const char *kind, char *ret_status,
                                      size_t size, int64_t *ret_id) {
    sqlite3_stmt *s;
    enum pvs_err rc = PVS_ERR_NOTFOUND;

    if (prep(st,
             "SELECT status, id FROM outbox WHERE ticket_id = ? AND"
             " audience = ? AND kind = ? ORDER BY id DESC LIMIT 1",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, ticket_id);
    store_bind_text(s, 2, audience);
    store_bind_text(s, 3, kind);
    if (sqlite3_step(s) == SQLITE_ROW) {
        copy_col(s, 0, ret_status, size);
        if (ret_id)
            *ret_id = sqlite3_column_int64(s, 1);
        rc = PVS_OK;
    }
    sqlite3_finalize(s);
    return rc;
}

enum pvs_err pvs_sqlite_to_close(struct pvs_store_be *st, int64_t before_ms,
                                 int64_t **ret_ids, size_t *ret_n) {
    sqlite3_stmt *s;

    if (prep(st,
             "SELECT id FROM tickets WHERE status = 'resolved' AND"
             " resolved_ms <= ? ORDER BY id",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, before_ms);
    return store_ids(st, s, "a workflow query", ret_ids, ret_n);
}

enum pvs_err pvs_sqlite_survey_candidates(struct pvs_store_be *st,
                                          int64_t before_ms, int64_t **ret_ids,
                                          size_t *ret_n) {
    sqlite3_stmt *s;

    if (prep(st,
             "SELECT t.id FROM tickets t WHERE t.status = 'closed' AND"
             " t.closed_ms <= ? AND t.customer_notified = 1 AND NOT EXISTS"
             " (SELECT 1 FROM surveys v WHERE v.ticket_id = t.id) ORDER BY"
             " t.id",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, before_ms);
    return store_ids(st, s, "a workflow query", ret_ids, ret_n);
}

enum pvs_err pvs_sqlite_last_survey(struct pvs_store_be *st,
                                    const char *customer, int64_t *ret_ms) {
    sqlite3_stmt *s;

    if (prep(st,
             "SELECT COALESCE(MAX(sent_ms), 0) FROM surveys WHERE"
             " customer_id = ? AND sent_ms IS NOT NULL",
             &s))
        return PVS_ERR_DB;
    store_bind_text(s, 1, customer);
    *ret_ms = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return PVS_OK;
}

enum pvs_err pvs_sqlite_survey_add(struct pvs_store_be *st, int64_t ticket_id,
                                   const char *customer, int64_t sent_ms,
                                   bool sent) {
    sqlite3_stmt *s;

    /* A survey row without sent_ms records "skipped" (too soon). */
    if (prep(st,
             "INSERT OR IGNORE INTO surveys(ticket_id, customer_id, sent_ms)"
             " VALUES (?, ?, ?)",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, ticket_id);
    store_bind_text(s, 2, customer);
    store_bind_ms(s, 3, sent ? sent_ms : 0);
    return run(st, s, "recording a survey");
}

enum pvs_err pvs_sqlite_survey_answer(struct pvs_store_be *st,
                                      int64_t ticket_id, int csat,
                                      const char *comment, int64_t ts_ms) {
    sqlite3_stmt *s;
    enum pvs_err rc;

    if (prep(st,
             "UPDATE surveys SET csat = ?, comment = ?, answered_ms = ?"
             " WHERE ticket_id = ? AND sent_ms IS NOT NULL AND answered_ms"
             " IS NULL",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_int(s, 1, csat);
    store_bind_text(s, 2, comment && *comment ? comment : NULL);
    sqlite3_bind_int64(s, 3, ts_ms);
    sqlite3_bind_int64(s, 4, ticket_id);
    rc = run(st, s, "recording a survey answer");
    if (!rc && sqlite3_changes(st->db) == 0) {
        enum pvs_survey_state state;
        rc = pvs_sqlite_survey_state(st, ticket_id, &state);
        if (!rc)
            rc = state == PVS_SURVEY_NONE ? PVS_ERR_NOTFOUND : PVS_ERR_FULL;
    }
    return rc;
}

enum pvs_err pvs_sqlite_survey_state(struct pvs_store_be *st, int64_t ticket_id,
                                     enum pvs_survey_state *ret) {
    sqlite3_stmt *s;
    int r;

    if (prep(st,
             "SELECT MAX(answered_ms IS NOT NULL) FROM surveys WHERE"
             " ticket_id = ? AND sent_ms IS NOT NULL",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, ticket_id);
    r = sqlite3_step(s);
    if (r != SQLITE_ROW) {
        sqlite3_finalize(s);
        return PVS_ERR_DB;
    }
    if (sqlite3_column_type(s, 0) == SQLITE_NULL)
        *ret = PVS_SURVEY_NONE;
    else
        *ret = sqlite3_column_int(s, 0) ? PVS_SURVEY_ANSWERED : PVS_SURVEY_OPEN;
    sqlite3_finalize(s);
    return PVS_OK;
}

enum pvs_err pvs_sqlite_link_used(struct pvs_store_be *st, int64_t ticket_id,
                                  const char *nonce, char *ret_actor,
                                  size_t size, int64_t *ret_ms) {
    sqlite3_stmt *s;
    enum pvs_err rc;
    int r;

    if (prep(st,
             "SELECT actor, ts_ms FROM ticket_events WHERE ticket_id = ? AND"
             " kind = 'link_used' AND text = ? ORDER BY id LIMIT 1",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, ticket_id);
    store_bind_text(s, 2, nonce);
    r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        const unsigned char *a = sqlite3_column_text(s, 0);
        pvs_strlcpy(ret_actor, a ? (const char *)a : "", size);
        *ret_ms = sqlite3_column_int64(s, 1);
        rc = PVS_OK;
    } else {
        rc = r == SQLITE_DONE ? PVS_ERR_NOTFOUND : PVS_ERR_DB;
    }
    sqlite3_finalize(s);
    return rc;
}

enum pvs_err pvs_sqlite_appointment_add(struct pvs_store_be *st,
                                        int64_t ticket_id, int64_t slot_ms,
                                        const char *by, int64_t now_ms,
                                        int64_t *ret_id) {
    sqlite3_stmt *s;
    enum pvs_err rc;

    if (prep(st,
             "INSERT INTO appointments(ticket_id, slot_ms, proposed_by,"
             " status, created_ms) VALUES (?, ?, ?, 'proposed', ?)",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, ticket_id);
    sqlite3_bind_int64(s, 2, slot_ms);
    store_bind_text(s, 3, by);
    sqlite3_bind_int64(s, 4, now_ms);
    rc = run(st, s, "recording an appointment");
    if (!rc && ret_id)
        *ret_id = sqlite3_last_insert_rowid(st->db);
    return rc;
}

enum pvs_err pvs_sqlite_appointment_latest(struct pvs_store_be *st,
                                           int64_t ticket_id, int64_t *ret_id,
                                           int64_t *ret_slot, char *ret_status,
                                           size_t size) {
    sqlite3_stmt *s;
    enum pvs_err rc = PVS_ERR_NOTFOUND;

    if (prep(st,
             "SELECT id, slot_ms, status FROM appointments WHERE ticket_id"
             " = ? ORDER BY id DESC LIMIT 1",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, ticket_id);
    if (sqlite3_step(s) == SQLITE_ROW) {
        *ret_id = sqlite3_column_int64(s, 0);
        *ret_slot = sqlite3_column_int64(s, 1);
        copy_col(s, 2, ret_status, size);
        rc = PVS_OK;
    }
    sqlite3_finalize(s);
    return rc;
}

enum pvs_err pvs_sqlite_appointment_set(struct pvs_store_be *st, int64_t id,
                                        const char *status, int64_t now_ms) {
    sqlite3_stmt *s;

    if (prep(st,
             "UPDATE appointments SET status = ?, answered_ms = ? WHERE id ="
             " ?",
             &s))
        return PVS_ERR_DB;
    store_bind_text(s, 1, status);
    sqlite3_bind_int64(s, 2, now_ms);
    sqlite3_bind_int64(s, 3, id);
    return run(st, s, "updating an appointment");
}

enum pvs_err pvs_sqlite_reminders_due(struct pvs_store_be *st,
                                      int64_t before_ms, int64_t **ret_ids,
                                      size_t *ret_n) {
    sqlite3_stmt *s;

    if (prep(st,
             "SELECT id FROM appointments WHERE status = 'confirmed' AND"
             " reminded = 0 AND slot_ms <= ? ORDER BY id",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, before_ms);
    return store_ids(st, s, "a workflow query", ret_ids, ret_n);
}

enum pvs_err pvs_sqlite_appointment_remind(struct pvs_store_be *st, int64_t id,
                                           int64_t *ret_ticket,
                                           int64_t *ret_slot) {
    sqlite3_stmt *s;
    enum pvs_err rc = PVS_ERR_NOTFOUND;

    if (prep(st, "SELECT ticket_id, slot_ms FROM appointments WHERE id = ?",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    if (sqlite3_step(s) == SQLITE_ROW) {
        *ret_ticket = sqlite3_column_int64(s, 0);
        *ret_slot = sqlite3_column_int64(s, 1);
        rc = PVS_OK;
    }
    sqlite3_finalize(s);
    if (rc)
        return rc;
    if (prep(st, "UPDATE appointments SET reminded = 1 WHERE id = ?", &s))
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, id);
    return run(st, s, "marking a reminder");
}

enum pvs_err pvs_sqlite_contact_add(struct pvs_store_be *st, const char *site,
                                    int64_t ticket_id, int64_t ts_ms,
                                    const char *actor, const char *text) {
    sqlite3_stmt *s;

    if (prep(st,
             "INSERT INTO contacts(site_id, ticket_id, ts_ms, actor, text)"
             " VALUES (?, ?, ?, ?, ?)",
             &s))
        return PVS_ERR_DB;
    store_bind_text(s, 1, site);
    sqlite3_bind_int64(s, 2, ticket_id);
    sqlite3_bind_int64(s, 3, ts_ms);
    store_bind_text(s, 4, actor);
    store_bind_text(s, 5, text);
    return run(st, s, "recording a customer contact");
}

enum pvs_err pvs_sqlite_site_active_ticket(struct pvs_store_be *st,
                                           const char *site, int64_t *ret_id) {
    sqlite3_stmt *s;
    enum pvs_err rc = PVS_ERR_NOTFOUND;

    if (prep(st,
             "SELECT id FROM tickets WHERE site_id = ? AND " ACTIVE_SQL
             " ORDER BY id DESC LIMIT 1",
             &s))
        return PVS_ERR_DB;
    store_bind_text(s, 1, site);
    if (sqlite3_step(s) == SQLITE_ROW) {
        *ret_id = sqlite3_column_int64(s, 0);
        rc = PVS_OK;
    }
    sqlite3_finalize(s);
    return rc;
}

enum pvs_err pvs_sqlite_device_active(struct pvs_store_be *st,
                                      const char *device,
                                      enum pvs_family_set set,
                                      int64_t **ret_ids, size_t *ret_n) {
    static const char *const sql[] = {
        [PVS_FAMILIES_FAULT] =
            "SELECT id FROM tickets WHERE device_id = ?"
            " AND family = 'fault_code' AND " ACTIVE_SQL " ORDER BY id DESC",
        [PVS_FAMILIES_CAUSES] =
            "SELECT id FROM tickets WHERE device_id = ?"
            " AND pvs_family_is_cause(family) AND " ACTIVE_SQL
            " ORDER BY family = 'fault_code' DESC, id"
            " DESC",
        [PVS_FAMILIES_CONSEQUENCE] =
            "SELECT id FROM tickets WHERE device_id = ? AND NOT"
            " pvs_family_is_cause(family) AND " ACTIVE_SQL " ORDER BY id DESC",
        [PVS_FAMILIES_COMMUNICATION] =
            "SELECT id FROM tickets WHERE"
            " device_id = ? AND family ="
            " 'communication' AND " ACTIVE_SQL " ORDER BY id DESC",
    };
    sqlite3_stmt *s;

    if (prep(st, sql[set], &s))
        return PVS_ERR_DB;
    store_bind_text(s, 1, device);
    return store_ids(st, s, "a workflow query", ret_ids, ret_n);
}

enum pvs_err pvs_sqlite_site_history(struct pvs_store_be *st, const char *site,
                                     int64_t except, size_t max,
                                     struct pvs_buf *out) {
    sqlite3_stmt *s;
    int r;

    /* The last word of a person on each ticket says what was done. */
    if (prep(st,
             "SELECT t.id, t.opened_ms, t.family, t.device_id, t.subject,"
             " t.status, (SELECT text FROM ticket_events e WHERE"
             " e.ticket_id = t.id AND e.kind IN ('fixed', 'comment',"
             " 'closed', 'false_alarm') AND e.text <> '' AND"
             " COALESCE(e.actor, '') <> 'pvsentry' ORDER BY e.id DESC"
             " LIMIT 1) FROM tickets t WHERE t.site_id = ? AND t.id <> ?"
             " ORDER BY t.id DESC LIMIT ?",
             &s))
        return PVS_ERR_DB;
    store_bind_text(s, 1, site);
    sqlite3_bind_int64(s, 2, except);
    sqlite3_bind_int64(s, 3, (int64_t)max);
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        const unsigned char *c[5];

        for (int i = 0; i < 5; i++)
            c[i] = sqlite3_column_text(s, i + 2);
        pvs_buf_printf(
            out, "%lld\x1f%lld\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1e",
            (long long)sqlite3_column_int64(s, 1),
            (long long)sqlite3_column_int64(s, 0),
            c[0] ? (const char *)c[0] : "", c[1] ? (const char *)c[1] : "",
            c[2] ? (const char *)c[2] : "", c[3] ? (const char *)c[3] : "",
            c[4] ? (const char *)c[4] : "");
    }
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : PVS_ERR_DB;
}

enum pvs_err pvs_sqlite_prefs_set(struct pvs_store_be *st, const char *customer,
                                  const char *channel, const char *language,
                                  const char *quiet_hours, int opt_out,
                                  int64_t now_ms) {
    sqlite3_stmt *s;

    if (prep(st,
             "INSERT INTO customer_prefs(customer_id, channel, language,"
             " quiet_hours, opt_out, updated_ms) VALUES (?, ?, ?, ?, ?, ?)"
             " ON CONFLICT(customer_id) DO UPDATE SET channel ="
             " COALESCE(excluded.channel, channel), language ="
             " COALESCE(excluded.language, language), quiet_hours ="
             " COALESCE(excluded.quiet_hours, quiet_hours), opt_out ="
             " COALESCE(excluded.opt_out, opt_out), updated_ms ="
             " excluded.updated_ms",
             &s))
        return PVS_ERR_DB;
    store_bind_text(s, 1, customer);
    store_bind_text(s, 2, channel);
    store_bind_text(s, 3, language);
    store_bind_text(s, 4, quiet_hours);
    if (opt_out < 0)
        sqlite3_bind_null(s, 5);
    else
        sqlite3_bind_int(s, 5, opt_out);
    sqlite3_bind_int64(s, 6, now_ms);
    return run(st, s, "saving customer preferences");
}

enum pvs_err pvs_sqlite_prefs_get(struct pvs_store_be *st, const char *customer,
                                  char *channel, char *language,
                                  char *quiet_hours, size_t size,
                                  int *ret_opt_out) {
    sqlite3_stmt *s;
    enum pvs_err rc = PVS_ERR_NOTFOUND;

    if (prep(st,
             "SELECT channel, language, quiet_hours, opt_out FROM"
             " customer_prefs WHERE customer_id = ?",
             &s))
        return PVS_ERR_DB;
    store_bind_text(s, 1, customer);
    if (sqlite3_step(s) == SQLITE_ROW) {
        copy_col(s, 0, channel, size);
        copy_col(s, 1, language, size);
        copy_col(s, 2, quiet_hours, size);
        *ret_opt_out = sqlite3_column_type(s, 3) == SQLITE_NULL
                           ? -1
                           : sqlite3_column_int(s, 3);
        rc = PVS_OK;
    }
    sqlite3_finalize(s);
    return rc;
}

enum pvs_err pvs_sqlite_meta_get(struct pvs_store_be *st, const char *key,
                                 char **ret) {
    sqlite3_stmt *s;

    if (prep(st, "SELECT value FROM meta WHERE key = ?", &s))
        return PVS_ERR_DB;
    store_bind_text(s, 1, key);
    *ret = NULL;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        *ret = pvs_strdup((const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return PVS_OK;
}

enum pvs_err pvs_sqlite_meta_set(struct pvs_store_be *st, const char *key,
                                 const char *value) {
    sqlite3_stmt *s;

    if (prep(st,
             "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO"
             " UPDATE SET value = excluded.value",
             &s))
        return PVS_ERR_DB;
    store_bind_text(s, 1, key);
    store_bind_text(s, 2, value);
    return run(st, s, "saving a setting");
}

/* One number from a query with one ?1 = since_ms parameter. */
static double scalar(struct pvs_store_be *st, const char *sql, int64_t since) {
    sqlite3_stmt *s;
    double v = NAN;

    if (prep(st, sql, &s))
        return NAN;
    sqlite3_bind_int64(s, 1, since);
    if (sqlite3_step(s) == SQLITE_ROW &&
        sqlite3_column_type(s, 0) != SQLITE_NULL)
        v = sqlite3_column_double(s, 0);
    sqlite3_finalize(s);
    return v;
}

/* The report's figures, one query each (?1: since). */
static const char *const report_sql[PVS_REPORT__COUNT] = {
    [PVS_REPORT_TICKETS_OPENED] =
        "SELECT COUNT(*) FROM tickets WHERE opened_ms >= ?1",
    /* A contact attached to an existing ticket came after it, even in
     * the same clock millisecond. */
    [PVS_REPORT_DETECTED_FIRST] =
        "SELECT AVG(CASE WHEN opened_by = 'pvsentry' AND (first_contact_ms"
        " IS NULL OR first_contact_ms >= opened_ms) THEN 1.0 ELSE 0.0 END)"
        " FROM tickets WHERE opened_ms >= ?1",
    [PVS_REPORT_TO_ACKNOWLEDGE_H] =
        "SELECT AVG(acknowledged_ms - opened_ms) / 3600000.0 FROM tickets"
        " WHERE opened_ms >= ?1 AND acknowledged_ms IS NOT NULL",
    /* A visit counts once it happened: its time has passed (the
     * store's latest event is "now", so the report reads the same on
     * a simulated clock) and the problem had not cleared before it
     * (the technician then stood down). */
    [PVS_REPORT_TO_FIRST_VISIT_H] =
        "SELECT AVG(visit_ms - opened_ms) / 3600000.0 FROM tickets WHERE"
        " opened_ms >= ?1 AND visit_ms IS NOT NULL AND visit_ms <= (SELECT"
        " MAX(ts_ms) FROM ticket_events) AND (resolved_ms IS NULL OR"
        " visit_ms <= resolved_ms)",
    [PVS_REPORT_TO_RESOLVE_H] =
        "SELECT AVG(resolved_ms - opened_ms) / 3600000.0 FROM tickets WHERE"
        " opened_ms >= ?1 AND resolved_ms IS NOT NULL",
    [PVS_REPORT_LOST_PER_TICKET_KWH] =
        "SELECT AVG(lost_kwh) FROM tickets WHERE opened_ms >= ?1",
    [PVS_REPORT_ESCALATIONS] =
        "SELECT COUNT(*) FROM ticket_events e JOIN tickets t ON t.id ="
        " e.ticket_id WHERE e.kind = 'escalated' AND t.opened_ms >= ?1",
    [PVS_REPORT_NOTICES_SENT] =
        "SELECT COUNT(*) FROM outbox WHERE audience = 'customer' AND"
        " status = 'sent' AND created_ms >= ?1",
    [PVS_REPORT_NOTICES_SUPPRESSED] =
        "SELECT COUNT(*) FROM outbox WHERE audience = 'customer' AND"
        " status = 'suppressed' AND created_ms >= ?1",
    [PVS_REPORT_NOTICES_DELAYED] =
        "SELECT COUNT(*) FROM outbox WHERE audience = 'customer' AND note"
        " LIKE '%quiet hours%' AND created_ms >= ?1",
    /* Cleared without anyone going there: no visit before the data
     * showed recovery, and no technician said "fixed". */
    [PVS_REPORT_SELF_RESOLVED] =
        "SELECT AVG(CASE WHEN resolved_ms IS NOT NULL AND (visit_ms IS NULL"
        " OR visit_ms > resolved_ms) AND NOT EXISTS (SELECT 1 FROM"
        " ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'fixed')"
        " THEN 1.0 ELSE 0.0 END) FROM tickets t WHERE opened_ms >= ?1 AND"
        " status NOT IN ('false_alarm', 'merged')",
    [PVS_REPORT_FALSE_ALARMS] =
        "SELECT COUNT(*) FROM tickets WHERE status = 'false_alarm' AND"
        " opened_ms >= ?1",
    [PVS_REPORT_CSAT] =
        "SELECT AVG(csat) FROM surveys WHERE csat IS NOT NULL AND sent_ms"
        " >= ?1",
    [PVS_REPORT_SURVEY_RESPONSE] =
        "SELECT AVG(CASE WHEN answered_ms IS NOT NULL THEN 1.0 ELSE 0.0"
        " END) FROM surveys WHERE sent_ms IS NOT NULL AND sent_ms >= ?1",
    [PVS_REPORT_MESSAGES_DEAD] =
        "SELECT COUNT(*) FROM outbox WHERE status = 'dead' AND created_ms"
        " >= ?1",
};

enum pvs_err pvs_sqlite_report(struct pvs_store_be *st, int64_t since_ms,
                               struct pvs_report *ret,
                               pvs_store_count_fn *per_rule, void *ud) {
    sqlite3_stmt *s;
    int r;

    for (size_t i = 0; i < PVS_REPORT__COUNT; i++)
        ret->fig[i] = scalar(st, report_sql[i], since_ms);
    if (prep(st,
             "SELECT rule, COUNT(*) FROM tickets WHERE status ="
             " 'false_alarm' AND opened_ms >= ? GROUP BY rule ORDER BY rule",
             &s))
        return PVS_ERR_DB;
    sqlite3_bind_int64(s, 1, since_ms);
    while ((r = sqlite3_step(s)) == SQLITE_ROW)
        if (per_rule)
            per_rule(ud, (const char *)sqlite3_column_text(s, 0),
                     sqlite3_column_int64(s, 1));
    sqlite3_finalize(s);
    return r == SQLITE_DONE ? PVS_OK : PVS_ERR_DB;
}
