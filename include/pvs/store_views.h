/* SPDX-License-Identifier: MIT */
/*
 * store_views.h - the HTTP API's reads of tickets and telemetry as typed
 * rows (core/store/<backend>/): the store hands rows to a callback and
 * web/ builds the API's JSON from them (web/views.c), so field names and
 * formats are chosen once, above every backend.
 *
 * Rows and their strings are valid during the callback only. A string
 * not recorded is NULL, a number not recorded NAN, a time not recorded
 * PVS_ROW_NO_MS. Visibility follows store_web.h: an object outside the
 * scope is PVS_ERR_NOTFOUND, exactly like one that does not exist, and a
 * list never holds a row outside it.
 *
 * Read-only handles or the engine's; one thread at a time (store.h).
 */
#ifndef PVS_STORE_VIEWS_H
#define PVS_STORE_VIEWS_H

#include <stdbool.h>
#include <stdint.h>
#include "pvs/store.h"
#include "pvs/store_flow.h"
#include "pvs/store_web.h"

/* A time (ms) the row does not have. */
#define PVS_ROW_NO_MS INT64_MIN

/* ---- tickets ---- */

/* A ticket as lists and the ticket page show it. */
struct pvs_ticket_row {
    int64_t id;
    const char *status, *site, *device, *rule, *family, *subject;
    const char *severity, *title, *assignee;
    int64_t opened_ms, updated_ms, resolved_ms, closed_ms;
    double lost_kwh;
    const char *site_name;
    /* pvs_store_web_ticket only (NULL, PVS_ROW_NO_MS or 0 in lists) */
    const char *fingerprint, *site_address, *site_timezone;
    const char *access_notes; /* NULL unless asked for by staff */
    int64_t acknowledged_ms, escalate_at_ms;
    int64_t escalation_level;
    const char *last_event; /* pvs_store_tickets_list only */
};
typedef void pvs_store_ticket_row_fn(void *ud, const struct pvs_ticket_row *t);

/*
 * The tickets of the scope that pass filter f, newest first, f->offset
 * skipped and at most f->limit; *ret_total counts all that pass f.
 */
enum pvs_err pvs_store_web_tickets(struct pvs_store *st,
                                   const struct pvs_scope *scope,
                                   const struct pvs_ticket_filter *f,
                                   pvs_store_ticket_row_fn *fn, void *ud,
                                   int64_t *ret_total);
/*
 * Ticket id with its site's facts; access_notes only when staff is true.
 * fn is called once, or PVS_ERR_NOTFOUND (also outside the scope).
 */
enum pvs_err pvs_store_web_ticket(struct pvs_store *st,
                                  const struct pvs_scope *scope, int64_t id,
                                  bool staff, pvs_store_ticket_row_fn *fn,
                                  void *ud);

/* One event of a ticket's timeline. */
struct pvs_event_row {
    int64_t ts_ms;
    const char *kind, *actor, *text;
};
typedef void pvs_store_event_row_fn(void *ud, const struct pvs_event_row *e);
/*
 * Ticket id's timeline, oldest first, without the links' bookkeeping
 * (link_used); comments only when staff is true. The caller checked the
 * ticket's visibility.
 */
enum pvs_err pvs_store_web_ticket_events(struct pvs_store *st, int64_t id,
                                         bool staff, pvs_store_event_row_fn *fn,
                                         void *ud);

/* The latest transition of the alert behind a ticket. */
struct pvs_ticket_alert_row {
    const char *state;
    int64_t started_ms, ts_ms;
    double measured, expected, lost_kwh, lost_kwh_per_day;
    const char *evidence, *explanation, *kb;
};
typedef void pvs_store_ticket_alert_fn(void *ud,
                                       const struct pvs_ticket_alert_row *a);
/* fn once with ticket id's alert, or PVS_ERR_NOTFOUND when it has none. */
enum pvs_err pvs_store_web_ticket_alert(struct pvs_store *st, int64_t id,
                                        pvs_store_ticket_alert_fn *fn,
                                        void *ud);

/* A message of the outbox. body only in pvs_store_web_notices. */
struct pvs_message_row {
    int64_t id, ticket_id;
    const char *site, *audience, *kind, *channel, *recipient, *subject;
    const char *status, *body;
    int64_t attempts, created_ms, sent_ms;
    const char *message_id; /* pvs_store_tickets_list only */
};
typedef void pvs_store_message_row_fn(void *ud,
                                      const struct pvs_message_row *m);
/* The messages of ticket id, oldest first (staff only: the caller). */
enum pvs_err pvs_store_web_ticket_messages(struct pvs_store *st, int64_t id,
                                           pvs_store_message_row_fn *fn,
                                           void *ud);
/*
 * What customers of the scope's sites received: sent customer messages,
 * newest first, at most 200, with their body (the mail's source; web/
 * shows its text only).
 */
enum pvs_err pvs_store_web_notices(struct pvs_store *st,
                                   const struct pvs_scope *scope,
                                   pvs_store_message_row_fn *fn, void *ud);

/*
 * `pvsentry tickets`: every ticket, newest first, at most limit (0 = all),
 * each handed to ticket (with its fingerprint, site_timezone and
 * last_event) and followed by its whole timeline (every kind, oldest
 * first) through event and its messages (oldest first, with their
 * message_id) through message. The CLI builds its table and JSON from
 * them (core/daemon/tickets.c).
 */
struct pvs_ticket_list_fns {
    void (*ticket)(void *ud, const struct pvs_ticket_row *t);
    void (*event)(void *ud, const struct pvs_event_row *e);
    void (*message)(void *ud, const struct pvs_message_row *m);
};
enum pvs_err pvs_store_tickets_list(struct pvs_store *st, size_t limit,
                                    const struct pvs_ticket_list_fns *fns,
                                    void *ud);

/* ---- the fleet and telemetry ---- */

/*
 * A site of the overview: state is the severity of its worst active
 * ticket (critical, warning, info), else no_devices, no_data or ok.
 */
struct pvs_fleet_row {
    const char *id, *name;
    double kwp;
    const char *state;
    int64_t open_tickets;
    double lost_kwh; /* on its active tickets */
};
typedef void pvs_store_fleet_row_fn(void *ud, const struct pvs_fleet_row *s);
/* The scope's sites by id, at most 5000. */
enum pvs_err pvs_store_web_fleet(struct pvs_store *st,
                                 const struct pvs_scope *scope,
                                 pvs_store_fleet_row_fn *fn, void *ud);

typedef void pvs_store_point_fn(void *ud, int64_t ts_ms, double value);
/*
 * One metric of the devices of a site: the mean per device over each
 * step_ms bucket (aligned on multiples of step_ms) in [from_ms, to_ms),
 * summed over devices; fn per bucket with data, in time order. The
 * caller bounds the number of buckets.
 */
enum pvs_err pvs_store_web_series(struct pvs_store *st, const char *site,
                                  const char *metric, int64_t from_ms,
                                  int64_t to_ms, int64_t step_ms,
                                  pvs_store_point_fn *fn, void *ud);

/* ---- the service report ---- */

/* The figures of `pvsentry report`, in its order. */
enum pvs_report_figure {
    PVS_REPORT_TICKETS_OPENED,
    PVS_REPORT_DETECTED_FIRST,   /* share opened before a customer contact */
    PVS_REPORT_TO_ACKNOWLEDGE_H, /* mean time to acknowledge, hours */
    PVS_REPORT_TO_FIRST_VISIT_H,
    PVS_REPORT_TO_RESOLVE_H,
    PVS_REPORT_LOST_PER_TICKET_KWH,
    PVS_REPORT_ESCALATIONS,
    PVS_REPORT_NOTICES_SENT,
    PVS_REPORT_NOTICES_SUPPRESSED,
    PVS_REPORT_NOTICES_DELAYED, /* by quiet hours */
    PVS_REPORT_SELF_RESOLVED,   /* share cleared without a visit or fix */
    PVS_REPORT_FALSE_ALARMS,
    PVS_REPORT_CSAT,            /* mean satisfaction, 1..5 */
    PVS_REPORT_SURVEY_RESPONSE, /* share of surveys answered */
    PVS_REPORT_MESSAGES_DEAD,
    PVS_REPORT__COUNT
};

struct pvs_report {
    double fig[PVS_REPORT__COUNT]; /* NAN: nothing to measure */
};

/*
 * The service report over what happened since since_ms; per_rule (may be
 * NULL) is called with each rule's count of false alarms, by rule.
 */
enum pvs_err pvs_store_report(struct pvs_store *st, int64_t since_ms,
                              struct pvs_report *ret,
                              pvs_store_count_fn *per_rule, void *ud);

#endif
