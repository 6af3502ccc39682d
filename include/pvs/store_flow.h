/* SPDX-License-Identifier: MIT */
/*
 * store_flow.h - the service workflow's queries (core/store/store_flow.c):
 * escalation, held customer notices, surveys, appointments, contacts,
 * preferences, site history, KPIs. Engine thread for writes; the report
 * command reads through a read-only handle.
 */
#ifndef PVS_STORE_FLOW_H
#define PVS_STORE_FLOW_H

#include <stdbool.h>
#include <stdint.h>
#include "pvs/store.h"

/* Workflow fields of a ticket that struct pvs_ticket does not carry. */
struct pvs_ticket_flow {
    int64_t acknowledged_ms;
    int64_t escalation_level;
    int64_t escalate_at_ms; /* 0 = no escalation pending */
    int64_t first_contact_ms;
    int64_t visit_ms;
    int64_t self_help_ms;
    char opened_by[32];
    char notified_severity[16];
};

enum pvs_err pvs_store_flow_get(struct pvs_store *st, int64_t ticket_id,
                                struct pvs_ticket_flow *ret);
enum pvs_err pvs_store_flow_set(struct pvs_store *st, int64_t ticket_id,
                                const struct pvs_ticket_flow *f) PVS_MUST_CHECK;

/*
 * The latest transition of the alert with fingerprint fp: whether it is
 * firing and its current loss rate (kWh per day). PVS_ERR_NOTFOUND when
 * the fingerprint has no alert.
 */
enum pvs_err pvs_store_alert_latest(struct pvs_store *st, const char *fp,
                                    bool *ret_firing, double *ret_per_day);

/*
 * The newest reading of metric on device among its last 120 readings
 * (PVS_ERR_NOTFOUND when none of them has it).
 */
enum pvs_err pvs_store_last_reading(struct pvs_store *st, const char *device,
                                    const char *metric, double *ret);

/* Replace the body of an outbox row (a held mail dated when it goes). */
enum pvs_err pvs_store_outbox_set_body(struct pvs_store *st, int64_t id,
                                       const char *body) PVS_MUST_CHECK;

/* Active tickets per assignee (technician id), for routing. */
typedef void pvs_store_count_fn(void *ud, const char *assignee, int64_t n);
enum pvs_err pvs_store_open_by_assignee(struct pvs_store *st,
                                        pvs_store_count_fn *fn, void *ud);

/* The person ids of enabled admin users that have one. */
enum pvs_err pvs_store_admin_persons(struct pvs_store *st,
                                     pvs_store_count_fn *fn, void *ud);

/* Ids of tickets in status "fixed". */
enum pvs_err pvs_store_fixed_tickets(struct pvs_store *st, int64_t **ret_ids,
                                     size_t *ret_n);

/* Ids of active tickets whose escalation is due at now_ms. */
enum pvs_err pvs_store_escalations_due(struct pvs_store *st, int64_t now_ms,
                                       int64_t **ret_ids, size_t *ret_n);

/* Hold an outbox row until not_before_ms (status "held"). */
enum pvs_err pvs_store_outbox_hold(struct pvs_store *st, int64_t id,
                                   int64_t not_before_ms,
                                   const char *note) PVS_MUST_CHECK;
/* Ids of held rows due at now_ms. */
enum pvs_err pvs_store_held_due(struct pvs_store *st, int64_t now_ms,
                                int64_t **ret_ids, size_t *ret_n);
/* Release (pending), postpone (held, later) or suppress a held row. */
enum pvs_err pvs_store_outbox_set(struct pvs_store *st, int64_t id,
                                  const char *status, int64_t not_before_ms,
                                  const char *note) PVS_MUST_CHECK;
/*
 * Status of the ticket's latest message of audience/kind ("sent",
 * "pending", "held", ...) and its id; PVS_ERR_NOTFOUND when none.
 */
enum pvs_err pvs_store_outbox_latest(struct pvs_store *st, int64_t ticket_id,
                                     const char *audience, const char *kind,
                                     char *ret_status, size_t size,
                                     int64_t *ret_id);

/* Tickets resolved before now - close_after_ms and still "resolved". */
enum pvs_err pvs_store_to_close(struct pvs_store *st, int64_t before_ms,
                                int64_t **ret_ids, size_t *ret_n);
/*
 * Closed tickets with a notified customer, closed before before_ms and
 * without a survey yet.
 */
enum pvs_err pvs_store_survey_candidates(struct pvs_store *st,
                                         int64_t before_ms, int64_t **ret_ids,
                                         size_t *ret_n);
/* The customer's last survey sending time (0 = never). */
enum pvs_err pvs_store_last_survey(struct pvs_store *st, const char *customer,
                                   int64_t *ret_ms);
enum pvs_err pvs_store_survey_add(struct pvs_store *st, int64_t ticket_id,
                                  const char *customer, int64_t sent_ms,
                                  bool sent) PVS_MUST_CHECK;
/*
 * Record an answer; PVS_ERR_FULL when already answered, PVS_ERR_NOTFOUND
 * when no survey was sent for the ticket.
 */
enum pvs_err pvs_store_survey_answer(struct pvs_store *st, int64_t ticket_id,
                                     int csat, const char *comment,
                                     int64_t ts_ms) PVS_MUST_CHECK;
/* The survey of a ticket: PVS_SURVEY_NONE (never sent), _OPEN, _ANSWERED. */
enum pvs_survey_state {
    PVS_SURVEY_NONE = 0,
    PVS_SURVEY_OPEN,
    PVS_SURVEY_ANSWERED,
};
enum pvs_err pvs_store_survey_state(struct pvs_store *st, int64_t ticket_id,
                                    enum pvs_survey_state *ret);

/*
 * A single-use link (the technician's acknowledge link) is spent once its
 * POST has acted: the engine records it as a "link_used" event of the
 * ticket whose text is the link's nonce. pvs_store_link_used answers
 * whether nonce was spent on ticket_id, and by whom (actor id into
 * ret_actor) and when: PVS_OK when it was, PVS_ERR_NOTFOUND when not.
 * Read-only: any connection.
 */
enum pvs_err pvs_store_link_used(struct pvs_store *st, int64_t ticket_id,
                                 const char *nonce, char *ret_actor,
                                 size_t size, int64_t *ret_ms);

enum pvs_err pvs_store_appointment_add(struct pvs_store *st, int64_t ticket_id,
                                       int64_t slot_ms, const char *by,
                                       int64_t now_ms,
                                       int64_t *ret_id) PVS_MUST_CHECK;
/* The ticket's latest appointment: id, slot and status. */
enum pvs_err pvs_store_appointment_latest(struct pvs_store *st,
                                          int64_t ticket_id, int64_t *ret_id,
                                          int64_t *ret_slot, char *ret_status,
                                          size_t size);
enum pvs_err pvs_store_appointment_set(struct pvs_store *st, int64_t id,
                                       const char *status,
                                       int64_t now_ms) PVS_MUST_CHECK;

/* Confirmed appointments starting before before_ms, not yet reminded. */
enum pvs_err pvs_store_reminders_due(struct pvs_store *st, int64_t before_ms,
                                     int64_t **ret_ids, size_t *ret_n);
/* The appointment's ticket and slot; marks it reminded. */
enum pvs_err pvs_store_appointment_remind(struct pvs_store *st, int64_t id,
                                          int64_t *ret_ticket,
                                          int64_t *ret_slot) PVS_MUST_CHECK;

enum pvs_err pvs_store_contact_add(struct pvs_store *st, const char *site,
                                   int64_t ticket_id, int64_t ts_ms,
                                   const char *actor,
                                   const char *text) PVS_MUST_CHECK;
/* The newest active ticket of a site, or PVS_ERR_NOTFOUND. */
enum pvs_err pvs_store_site_active_ticket(struct pvs_store *st,
                                          const char *site, int64_t *ret_id);

/* Which of a device's active tickets pvs_store_device_active lists. */
enum pvs_family_set {
    PVS_FAMILIES_FAULT,         /* fault_code */
    PVS_FAMILIES_CAUSES,        /* fault_code, communication */
    PVS_FAMILIES_CONSEQUENCE,   /* every other family */
    PVS_FAMILIES_COMMUNICATION, /* communication */
};

/* Active tickets of a device in a family set, newest first. */
enum pvs_err pvs_store_device_active(struct pvs_store *st, const char *device,
                                     enum pvs_family_set set, int64_t **ret_ids,
                                     size_t *ret_n);

/*
 * The site's past tickets, newest first, at most max, excluding ticket
 * except: data for the reader's words, not words. One record per ticket,
 * ended by '\x1e' (RS), its fields separated by '\x1f' (US): opened_ms,
 * id, family, device, subject, status, and the last note a person wrote
 * on it (fixed, comment, closed, false alarm; "" when none).
 */
enum pvs_err pvs_store_site_history(struct pvs_store *st, const char *site,
                                    int64_t except, size_t max,
                                    struct pvs_buf *out);

/* Customer preferences set through their link (NULL fields: unset). */
enum pvs_err pvs_store_prefs_set(struct pvs_store *st, const char *customer,
                                 const char *channel, const char *language,
                                 const char *quiet_hours, int opt_out,
                                 int64_t now_ms) PVS_MUST_CHECK;
enum pvs_err pvs_store_prefs_get(struct pvs_store *st, const char *customer,
                                 char *channel, char *language,
                                 char *quiet_hours, size_t size,
                                 int *ret_opt_out);

/* A value in the meta table (NULL out when absent). */
enum pvs_err pvs_store_meta_get(struct pvs_store *st, const char *key,
                                char **ret);
enum pvs_err pvs_store_meta_set(struct pvs_store *st, const char *key,
                                const char *value) PVS_MUST_CHECK;

#endif
