/* SPDX-License-Identifier: MIT */
/*
 * pg_flow.c - the PostgreSQL backend's queries of the service workflow
 * (store_flow.h), the same questions as the SQLite backend asks.
 *
 * Every write here changes what a person sees or is told: each marks the
 * batch durable.
 */
#define PVS_LOG_MODULE "store"
#include <math.h>
#include <string.h>

#include "pg_int.h"
#include "pvs/log.h"

/* Statuses in which someone still has to act (see ticket.c). */
#define ACTIVE_SQL PVS_PG_ACTIVE_SQL

static void copy_col(const PGresult *r, int col, char *buf, size_t size) {
    pvs_strlcpy(buf, pvs_pg_str(r, 0, col), size);
}

/* A write that must touch a row: NOTFOUND when it touched none. */
static enum pvs_err touch(struct pvs_store_be *st, PGresult *r) {
    enum pvs_err rc;

    if (!r)
        return pvs_pg_failed(st);
    rc = strcmp(PQcmdTuples(r), "0") ? PVS_OK : PVS_ERR_NOTFOUND;
    PQclear(r);
    return rc;
}

static enum pvs_err write_row(struct pvs_store_be *st, PGresult *r) {
    if (!r)
        return pvs_pg_failed(st);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_flow_get(struct pvs_store_be *st, int64_t ticket_id,
                             struct pvs_ticket_flow *ret) {
    PGresult *r;

    r = pvs_pg_query(st, "reading a ticket's workflow",
                     "SELECT acknowledged_ms, escalation_level,"
                     " escalate_at_ms, first_contact_ms, visit_ms,"
                     " self_help_ms, opened_by, notified_severity FROM"
                     " tickets WHERE id = $1",
                     "i", ticket_id);
    if (!r)
        return pvs_pg_failed(st);
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_NOTFOUND;
    }
    memset(ret, 0, sizeof(*ret));
    ret->acknowledged_ms = pvs_pg_i64(r, 0, 0);
    ret->escalation_level = pvs_pg_i64(r, 0, 1);
    ret->escalate_at_ms = pvs_pg_i64(r, 0, 2);
    ret->first_contact_ms = pvs_pg_i64(r, 0, 3);
    ret->visit_ms = pvs_pg_i64(r, 0, 4);
    ret->self_help_ms = pvs_pg_i64(r, 0, 5);
    copy_col(r, 6, ret->opened_by, sizeof(ret->opened_by));
    copy_col(r, 7, ret->notified_severity, sizeof(ret->notified_severity));
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_flow_set(struct pvs_store_be *st, int64_t ticket_id,
                             const struct pvs_ticket_flow *f) {
    pvs_pg_durable(st);
    return write_row(
        st,
        pvs_pg_query(
            st, "updating a ticket's workflow",
            "UPDATE tickets SET acknowledged_ms = $1,"
            " escalation_level = $2, escalate_at_ms = $3,"
            " first_contact_ms = $4, visit_ms = $5, self_help_ms ="
            " $6, opened_by = $7, notified_severity = $8 WHERE id ="
            " $9",
            "mimmmmtti", f->acknowledged_ms, f->escalation_level,
            f->escalate_at_ms, f->first_contact_ms, f->visit_ms,
            f->self_help_ms, f->opened_by[0] ? f->opened_by : "pvsentry",
            f->notified_severity[0] ? f->notified_severity : NULL, ticket_id));
}

enum pvs_err pvs_pg_alert_latest(struct pvs_store_be *st, const char *fp,
                                 bool *ret_firing, double *ret_per_day) {
    PGresult *r;

    r = pvs_pg_query(st, "reading an alert",
                     "SELECT state, lost_kwh_per_day FROM alerts WHERE"
                     " fingerprint = $1 ORDER BY id DESC LIMIT 1",
                     "t", fp);
    if (!r)
        return pvs_pg_failed(st);
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_NOTFOUND;
    }
    *ret_firing = !strcmp(pvs_pg_str(r, 0, 0), "firing");
    *ret_per_day = pvs_pg_dbl(r, 0, 1);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_last_reading(struct pvs_store_be *st, const char *device,
                                 const char *metric, double *ret) {
    PGresult *r;
    enum pvs_err rc = PVS_ERR_NOTFOUND;

    /* Bounded: a device's latest readings, not its whole history. A
     * reading of poor quality is stored as [value, quality]. */
    r = pvs_pg_query(st, "reading a device's last value",
                     "SELECT v FROM (SELECT CASE jsonb_typeof(data -> $2)"
                     " WHEN 'array' THEN (data -> $2 ->> 0)::float8 ELSE"
                     " (data ->> $2)::float8 END AS v, ts_ms FROM readings"
                     " WHERE device_id = $1 ORDER BY ts_ms DESC LIMIT 120)"
                     " x WHERE v IS NOT NULL ORDER BY ts_ms DESC LIMIT 1",
                     "tt", device, metric);
    if (!r)
        return pvs_pg_failed(st);
    if (PQntuples(r)) {
        *ret = pvs_pg_dbl(r, 0, 0);
        rc = PVS_OK;
    }
    PQclear(r);
    return rc;
}

enum pvs_err pvs_pg_outbox_set_body(struct pvs_store_be *st, int64_t id,
                                    const char *body) {
    pvs_pg_durable(st);
    return write_row(st, pvs_pg_query(st, "updating a message",
                                      "UPDATE outbox SET body = $1 WHERE id"
                                      " = $2",
                                      "ti", body, id));
}

static enum pvs_err counts(struct pvs_store_be *st, const char *sql,
                           pvs_store_count_fn *fn, void *ud) {
    PGresult *r = pvs_pg_query(st, "a workflow query", sql, NULL);

    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r); i++)
        fn(ud, pvs_pg_str(r, i, 0), PQnfields(r) > 1 ? pvs_pg_i64(r, i, 1) : 1);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_open_by_assignee(struct pvs_store_be *st,
                                     pvs_store_count_fn *fn, void *ud) {
    return counts(st,
                  "SELECT assignee, COUNT(*) FROM tickets WHERE assignee IS"
                  " NOT NULL AND " ACTIVE_SQL " GROUP BY assignee ORDER BY"
                  " assignee",
                  fn, ud);
}

enum pvs_err pvs_pg_admin_persons(struct pvs_store_be *st,
                                  pvs_store_count_fn *fn, void *ud) {
    return counts(st,
                  "SELECT person_id FROM users WHERE role = 'admin' AND"
                  " disabled = 0 AND person_id IS NOT NULL ORDER BY id",
                  fn, ud);
}

static enum pvs_err ids(struct pvs_store_be *st, const char *sql,
                        const char *fmt, int64_t arg, int64_t **ret_ids,
                        size_t *ret_n) {
    PGresult *r = fmt ? pvs_pg_query(st, "a workflow query", sql, fmt, arg)
                      : pvs_pg_query(st, "a workflow query", sql, NULL);

    return pvs_pg_idlist(st, r, ret_ids, ret_n);
}

enum pvs_err pvs_pg_fixed_tickets(struct pvs_store_be *st, int64_t **ret_ids,
                                  size_t *ret_n) {
    return ids(st, "SELECT id FROM tickets WHERE status = 'fixed' ORDER BY id",
               NULL, 0, ret_ids, ret_n);
}

enum pvs_err pvs_pg_escalations_due(struct pvs_store_be *st, int64_t now_ms,
                                    int64_t **ret_ids, size_t *ret_n) {
    return ids(st,
               "SELECT id FROM tickets WHERE escalate_at_ms IS NOT NULL AND"
               " escalate_at_ms <= $1 AND status IN ('open', 'assigned')"
               " ORDER BY id",
               "i", now_ms, ret_ids, ret_n);
}

enum pvs_err pvs_pg_held_due(struct pvs_store_be *st, int64_t now_ms,
                             int64_t **ret_ids, size_t *ret_n) {
    return ids(st,
               "SELECT id FROM outbox WHERE status = 'held' AND"
               " not_before_ms <= $1 ORDER BY id",
               "i", now_ms, ret_ids, ret_n);
}

enum pvs_err pvs_pg_outbox_set(struct pvs_store_be *st, int64_t id,
                               const char *status, int64_t not_before_ms,
                               const char *note) {
    pvs_pg_durable(st);
    return write_row(
        st, pvs_pg_query(st, "updating a message",
                         "UPDATE outbox SET status = $1, not_before_ms = $2,"
                         " note = COALESCE($3, note) WHERE id = $4",
                         "tmti", status, not_before_ms, note, id));
}

enum pvs_err pvs_pg_outbox_hold(struct pvs_store_be *st, int64_t id,
                                int64_t not_before_ms, const char *note) {
    return pvs_pg_outbox_set(st, id, "held", not_before_ms, note);
}

enum pvs_err pvs_pg_outbox_latest(struct pvs_store_be *st, int64_t ticket_id,
                                  const char *audience, const char *kind,
                                  char *ret_status, size_t size,
                                  int64_t *ret_id) {
    PGresult *r;

    r = pvs_pg_query(st, "a workflow query",
                     "SELECT status, id FROM outbox WHERE ticket_id = $1 AND"
                     " audience = $2 AND kind = $3 ORDER BY id DESC LIMIT 1",
                     "itt", ticket_id, audience, kind);
    if (!r)
        return pvs_pg_failed(st);
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_NOTFOUND;
    }
    copy_col(r, 0, ret_status, size);
    if (ret_id)
        *ret_id = pvs_pg_i64(r, 0, 1);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_to_close(struct pvs_store_be *st, int64_t before_ms,
                             int64_t **ret_ids, size_t *ret_n) {
    return ids(st,
               "SELECT id FROM tickets WHERE status = 'resolved' AND"
               " resolved_ms <= $1 ORDER BY id",
               "i", before_ms, ret_ids, ret_n);
}

enum pvs_err pvs_pg_survey_candidates(struct pvs_store_be *st,
                                      int64_t before_ms, int64_t **ret_ids,
                                      size_t *ret_n) {
    return ids(st,
               "SELECT t.id FROM tickets t WHERE t.status = 'closed' AND"
               " t.closed_ms <= $1 AND t.customer_notified = 1 AND NOT"
               " EXISTS (SELECT 1 FROM surveys v WHERE v.ticket_id = t.id)"
               " ORDER BY t.id",
               "i", before_ms, ret_ids, ret_n);
}

enum pvs_err pvs_pg_last_survey(struct pvs_store_be *st, const char *customer,
                                int64_t *ret_ms) {
    PGresult *r;

    r = pvs_pg_query(st, "a workflow query",
                     "SELECT COALESCE(MAX(sent_ms), 0) FROM surveys WHERE"
                     " customer_id = $1 AND sent_ms IS NOT NULL",
                     "t", customer);
    if (!r)
        return pvs_pg_failed(st);
    *ret_ms = pvs_pg_i64(r, 0, 0);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_survey_add(struct pvs_store_be *st, int64_t ticket_id,
                               const char *customer, int64_t sent_ms,
                               bool sent) {
    pvs_pg_durable(st);
    /* A survey row without sent_ms records "skipped" (too soon). */
    return write_row(st, pvs_pg_query(st, "recording a survey",
                                      "INSERT INTO surveys(ticket_id,"
                                      " customer_id, sent_ms) VALUES ($1,"
                                      " $2, $3) ON CONFLICT DO NOTHING",
                                      "itm", ticket_id, customer,
                                      sent ? sent_ms : 0));
}

enum pvs_err pvs_pg_survey_state(struct pvs_store_be *st, int64_t ticket_id,
                                 enum pvs_survey_state *ret) {
    PGresult *r;

    r = pvs_pg_query(st, "a workflow query",
                     "SELECT MAX(CASE WHEN answered_ms IS NOT NULL THEN 1"
                     " ELSE 0 END) FROM surveys WHERE ticket_id = $1 AND"
                     " sent_ms IS NOT NULL",
                     "i", ticket_id);
    if (!r)
        return pvs_pg_failed(st);
    if (pvs_pg_null(r, 0, 0))
        *ret = PVS_SURVEY_NONE;
    else
        *ret = pvs_pg_i64(r, 0, 0) ? PVS_SURVEY_ANSWERED : PVS_SURVEY_OPEN;
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_survey_answer(struct pvs_store_be *st, int64_t ticket_id,
                                  int csat, const char *comment,
                                  int64_t ts_ms) {
    enum pvs_survey_state state;
    enum pvs_err rc;

    pvs_pg_durable(st);
    rc = touch(st,
               pvs_pg_query(st, "recording a survey answer",
                            "UPDATE surveys SET csat = $1, comment = $2,"
                            " answered_ms = $3 WHERE ticket_id = $4 AND"
                            " sent_ms IS NOT NULL AND answered_ms IS"
                            " NULL",
                            "btii", csat, comment && *comment ? comment : NULL,
                            ts_ms, ticket_id));
    if (rc != PVS_ERR_NOTFOUND)
        return rc;
    rc = pvs_pg_survey_state(st, ticket_id, &state);
    if (!rc)
        rc = state == PVS_SURVEY_NONE ? PVS_ERR_NOTFOUND : PVS_ERR_FULL;
    return rc;
}

enum pvs_err pvs_pg_appointment_add(struct pvs_store_be *st, int64_t ticket_id,
                                    int64_t slot_ms, const char *by,
                                    int64_t now_ms, int64_t *ret_id) {
    PGresult *r;

    pvs_pg_durable(st);
    r = pvs_pg_query(st, "recording an appointment",
                     "INSERT INTO appointments(ticket_id, slot_ms,"
                     " proposed_by, status, created_ms) VALUES ($1, $2, $3,"
                     " 'proposed', $4) RETURNING id",
                     "iiti", ticket_id, slot_ms, by, now_ms);
    if (!r)
        return pvs_pg_failed(st);
    if (ret_id)
        *ret_id = pvs_pg_i64(r, 0, 0);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_appointment_latest(struct pvs_store_be *st,
                                       int64_t ticket_id, int64_t *ret_id,
                                       int64_t *ret_slot, char *ret_status,
                                       size_t size) {
    PGresult *r;

    r = pvs_pg_query(st, "a workflow query",
                     "SELECT id, slot_ms, status FROM appointments WHERE"
                     " ticket_id = $1 ORDER BY id DESC LIMIT 1",
                     "i", ticket_id);
    if (!r)
        return pvs_pg_failed(st);
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_NOTFOUND;
    }
    *ret_id = pvs_pg_i64(r, 0, 0);
    *ret_slot = pvs_pg_i64(r, 0, 1);
    copy_col(r, 2, ret_status, size);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_appointment_set(struct pvs_store_be *st, int64_t id,
                                    const char *status, int64_t now_ms) {
    pvs_pg_durable(st);
    return write_row(st, pvs_pg_query(st, "updating an appointment",
                                      "UPDATE appointments SET status = $1,"
                                      " answered_ms = $2 WHERE id = $3",
                                      "tii", status, now_ms, id));
}

enum pvs_err pvs_pg_reminders_due(struct pvs_store_be *st, int64_t before_ms,
                                  int64_t **ret_ids, size_t *ret_n) {
    return ids(st,
               "SELECT id FROM appointments WHERE status = 'confirmed' AND"
               " reminded = 0 AND slot_ms <= $1 ORDER BY id",
               "i", before_ms, ret_ids, ret_n);
}

enum pvs_err pvs_pg_appointment_remind(struct pvs_store_be *st, int64_t id,
                                       int64_t *ret_ticket, int64_t *ret_slot) {
    PGresult *r;

    pvs_pg_durable(st);
    r = pvs_pg_query(st, "marking a reminder",
                     "UPDATE appointments SET reminded = 1 WHERE id = $1"
                     " RETURNING ticket_id, slot_ms",
                     "i", id);
    if (!r)
        return pvs_pg_failed(st);
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_NOTFOUND;
    }
    *ret_ticket = pvs_pg_i64(r, 0, 0);
    *ret_slot = pvs_pg_i64(r, 0, 1);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_contact_add(struct pvs_store_be *st, const char *site,
                                int64_t ticket_id, int64_t ts_ms,
                                const char *actor, const char *text) {
    pvs_pg_durable(st);
    return write_row(st, pvs_pg_query(st, "recording a customer contact",
                                      "INSERT INTO contacts(site_id,"
                                      " ticket_id, ts_ms, actor, text)"
                                      " VALUES ($1, $2, $3, $4, $5)",
                                      "tiitt", site, ticket_id, ts_ms, actor,
                                      text));
}

enum pvs_err pvs_pg_site_active_ticket(struct pvs_store_be *st,
                                       const char *site, int64_t *ret_id) {
    PGresult *r;

    r = pvs_pg_query(st, "a workflow query",
                     "SELECT id FROM tickets WHERE site_id = $1 AND " ACTIVE_SQL
                     " ORDER BY id DESC LIMIT 1",
                     "t", site);
    if (!r)
        return pvs_pg_failed(st);
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_NOTFOUND;
    }
    *ret_id = pvs_pg_i64(r, 0, 0);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_device_active(struct pvs_store_be *st, const char *device,
                                  enum pvs_family_set set, int64_t **ret_ids,
                                  size_t *ret_n) {
    static const char *const sql[] = {
        [PVS_FAMILIES_FAULT] =
            "SELECT id FROM tickets WHERE device_id = $1"
            " AND family = 'fault_code' AND " ACTIVE_SQL " ORDER BY id DESC",
        [PVS_FAMILIES_CAUSES] =
            "SELECT id FROM tickets WHERE device_id = $1 AND family IN"
            " ('fault_code', 'communication') AND " ACTIVE_SQL
            " ORDER BY family = 'fault_code' DESC, id DESC",
        [PVS_FAMILIES_CONSEQUENCE] =
            "SELECT id FROM tickets WHERE device_id = $1 AND family NOT IN"
            " ('fault_code', 'communication') AND " ACTIVE_SQL
            " ORDER BY id DESC",
        [PVS_FAMILIES_COMMUNICATION] =
            "SELECT id FROM tickets WHERE device_id = $1 AND family ="
            " 'communication' AND " ACTIVE_SQL " ORDER BY id DESC",
    };

    return pvs_pg_idlist(
        st, pvs_pg_query(st, "a workflow query", sql[set], "t", device),
        ret_ids, ret_n);
}

enum pvs_err pvs_pg_site_history(struct pvs_store_be *st, const char *site,
                                 int64_t except, size_t max,
                                 struct pvs_buf *out) {
    PGresult *r;

    /* The last word of a person on each ticket says what was done. */
    r = pvs_pg_query(st, "a workflow query",
                     "SELECT t.id, t.opened_ms, t.family, t.device_id,"
                     " t.subject, t.status, (SELECT text FROM ticket_events"
                     " e WHERE e.ticket_id = t.id AND e.kind IN ('fixed',"
                     " 'comment', 'closed', 'false_alarm') AND e.text <> ''"
                     " AND COALESCE(e.actor, '') <> 'pvsentry' ORDER BY"
                     " e.id DESC LIMIT 1) FROM tickets t WHERE t.site_id ="
                     " $1 AND t.id <> $2 ORDER BY t.id DESC LIMIT $3",
                     "tii", site, except, (int64_t)max);
    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r); i++) {
        const char *c[5];

        for (int k = 0; k < 5; k++)
            c[k] = pvs_pg_null(r, i, k + 2) ? "" : pvs_pg_str(r, i, k + 2);
        pvs_buf_printf(out, "%lld\x1f%lld\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1e",
                       (long long)pvs_pg_i64(r, i, 1),
                       (long long)pvs_pg_i64(r, i, 0), c[0], c[1], c[2], c[3],
                       c[4]);
    }
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_prefs_set(struct pvs_store_be *st, const char *customer,
                              const char *channel, const char *language,
                              const char *quiet_hours, int opt_out,
                              int64_t now_ms) {
    char opt[16];

    pvs_pg_durable(st);
    pvs_snprintf(opt, sizeof(opt), "%d", opt_out);
    return write_row(
        st, pvs_pg_query(
                st, "saving customer preferences",
                "INSERT INTO customer_prefs(customer_id, channel, language,"
                " quiet_hours, opt_out, updated_ms) VALUES ($1, $2, $3, $4,"
                " $5::int, $6) ON CONFLICT(customer_id) DO UPDATE SET"
                " channel = COALESCE(excluded.channel,"
                " customer_prefs.channel), language ="
                " COALESCE(excluded.language, customer_prefs.language),"
                " quiet_hours = COALESCE(excluded.quiet_hours,"
                " customer_prefs.quiet_hours), opt_out ="
                " COALESCE(excluded.opt_out, customer_prefs.opt_out),"
                " updated_ms = excluded.updated_ms",
                "ttttti", customer, channel, language, quiet_hours,
                opt_out < 0 ? NULL : opt, now_ms));
}

enum pvs_err pvs_pg_prefs_get(struct pvs_store_be *st, const char *customer,
                              char *channel, char *language, char *quiet_hours,
                              size_t size, int *ret_opt_out) {
    PGresult *r;

    r = pvs_pg_query(st, "a workflow query",
                     "SELECT channel, language, quiet_hours, opt_out FROM"
                     " customer_prefs WHERE customer_id = $1",
                     "t", customer);
    if (!r)
        return pvs_pg_failed(st);
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_NOTFOUND;
    }
    copy_col(r, 0, channel, size);
    copy_col(r, 1, language, size);
    copy_col(r, 2, quiet_hours, size);
    *ret_opt_out = pvs_pg_null(r, 0, 3) ? -1 : (int)pvs_pg_i64(r, 0, 3);
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_report(struct pvs_store_be *st, int64_t since_ms,
                           struct pvs_report *ret, pvs_store_count_fn *per_rule,
                           void *ud) {
    /* One query for the figures the SQLite backend asks one by one. */
    static const char sql[] =
        "SELECT (SELECT COUNT(*) FROM tickets WHERE opened_ms >= $1),"
        " (SELECT AVG(CASE WHEN opened_by = 'pvsentry' AND"
        " (first_contact_ms IS NULL OR first_contact_ms >= opened_ms) THEN"
        " 1.0 ELSE 0.0 END) FROM tickets WHERE opened_ms >= $1),"
        " (SELECT AVG(acknowledged_ms - opened_ms) / 3600000.0 FROM tickets"
        " WHERE opened_ms >= $1 AND acknowledged_ms IS NOT NULL),"
        " (SELECT AVG(visit_ms - opened_ms) / 3600000.0 FROM tickets WHERE"
        " opened_ms >= $1 AND visit_ms IS NOT NULL AND visit_ms <= (SELECT"
        " MAX(ts_ms) FROM ticket_events) AND (resolved_ms IS NULL OR"
        " visit_ms <= resolved_ms)),"
        " (SELECT AVG(resolved_ms - opened_ms) / 3600000.0 FROM tickets"
        " WHERE opened_ms >= $1 AND resolved_ms IS NOT NULL),"
        " (SELECT AVG(lost_kwh) FROM tickets WHERE opened_ms >= $1),"
        " (SELECT COUNT(*) FROM ticket_events e JOIN tickets t ON t.id ="
        " e.ticket_id WHERE e.kind = 'escalated' AND t.opened_ms >= $1),"
        " (SELECT COUNT(*) FROM outbox WHERE audience = 'customer' AND"
        " status = 'sent' AND created_ms >= $1),"
        " (SELECT COUNT(*) FROM outbox WHERE audience = 'customer' AND"
        " status = 'suppressed' AND created_ms >= $1),"
        " (SELECT COUNT(*) FROM outbox WHERE audience = 'customer' AND note"
        " LIKE '%quiet hours%' AND created_ms >= $1),"
        " (SELECT AVG(CASE WHEN resolved_ms IS NOT NULL AND (visit_ms IS"
        " NULL OR visit_ms > resolved_ms) AND NOT EXISTS (SELECT 1 FROM"
        " ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'fixed')"
        " THEN 1.0 ELSE 0.0 END) FROM tickets t WHERE opened_ms >= $1 AND"
        " status NOT IN ('false_alarm', 'merged')),"
        " (SELECT COUNT(*) FROM tickets WHERE status = 'false_alarm' AND"
        " opened_ms >= $1),"
        " (SELECT AVG(csat) FROM surveys WHERE csat IS NOT NULL AND sent_ms"
        " >= $1),"
        " (SELECT AVG(CASE WHEN answered_ms IS NOT NULL THEN 1.0 ELSE 0.0"
        " END) FROM surveys WHERE sent_ms IS NOT NULL AND sent_ms >= $1),"
        " (SELECT COUNT(*) FROM outbox WHERE status = 'dead' AND created_ms"
        " >= $1)";
    PGresult *r;

    r = pvs_pg_query(st, "computing the report", sql, "i", since_ms);
    if (!r)
        return pvs_pg_failed(st);
    /* Columns in the order of enum pvs_report_figure. */
    for (int i = 0; i < PVS_REPORT__COUNT; i++)
        ret->fig[i] = pvs_pg_null(r, 0, i) ? NAN : pvs_pg_dbl(r, 0, i);
    PQclear(r);
    r = pvs_pg_query(st, "computing the report",
                     "SELECT rule, COUNT(*) FROM tickets WHERE status ="
                     " 'false_alarm' AND opened_ms >= $1 GROUP BY rule ORDER"
                     " BY rule",
                     "i", since_ms);
    if (!r)
        return pvs_pg_failed(st);
    for (int i = 0; i < PQntuples(r) && per_rule; i++)
        per_rule(ud, pvs_pg_str(r, i, 0), pvs_pg_i64(r, i, 1));
    PQclear(r);
    return PVS_OK;
}

enum pvs_err pvs_pg_link_used(struct pvs_store_be *st, int64_t ticket_id,
                              const char *nonce, char *ret_actor, size_t size,
                              int64_t *ret_ms) {
    PGresult *r;

    r = pvs_pg_query(st, "a workflow query",
                     "SELECT actor, ts_ms FROM ticket_events WHERE ticket_id"
                     " = $1 AND kind = 'link_used' AND text = $2 ORDER BY id"
                     " LIMIT 1",
                     "it", ticket_id, nonce);
    if (!r)
        return pvs_pg_failed(st);
    if (!PQntuples(r)) {
        PQclear(r);
        return PVS_ERR_NOTFOUND;
    }
    copy_col(r, 0, ret_actor, size);
    *ret_ms = pvs_pg_i64(r, 0, 1);
    PQclear(r);
    return PVS_OK;
}
