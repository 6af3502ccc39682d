/* SPDX-License-Identifier: MIT */
/*
 * alert.h - what an alert is, for every layer that handles one: its
 * severity, its state, the transition the rules hand to their owner, and
 * the rule family ids of DESIGN.md. Part of the model (core/model/alert.c):
 * the rules produce these, the store keeps them, the service and the web
 * read them, and none of those needs the rules for it.
 */
#ifndef PVS_ALERT_H
#define PVS_ALERT_H

#include <stdbool.h>
#include <stdint.h>

struct pvs_site;
struct pvs_device;

enum pvs_severity {
    PVS_SEV_INFO = 0,
    PVS_SEV_WARNING,
    PVS_SEV_CRITICAL,
};
const char *pvs_severity_name(enum pvs_severity s);
int pvs_severity_parse(const char *s); /* -1 when unknown */

enum pvs_alert_state {
    PVS_ALERT_PENDING = 0,
    PVS_ALERT_FIRING,
    PVS_ALERT_RESOLVED,
    PVS_ALERT_UPDATE, /* still firing: its lost energy or severity grew */
};
const char *pvs_alert_state_name(enum pvs_alert_state s);

#define PVS_FP_MAX 160
#define PVS_SUBJECT_MAX 48
#define PVS_EVIDENCE_MAX 320
#define PVS_EXPLAIN_MAX 320

/* What a family reports for one subject at one instant. */
struct pvs_observation {
    const struct pvs_site *site;     /* required */
    const struct pvs_device *device; /* NULL for site-level conditions */
    const char *subject;             /* "" or the fault code, MPPT, metric */
    bool active;                     /* the condition holds now */
    int64_t ts_ms;                   /* sample time of the observation */
    enum pvs_severity severity;
    double measured; /* NaN when not applicable */
    double expected; /* NaN when not applicable */
    double lost_w;   /* estimated power shortfall now (0 if none) */
    /* Keys and values, never prose: "@under|w=0|exp=3120|..." and
     * "@under.dead.why|dev=inv1" (see pvs_alert_event) */
    const char *evidence;
    const char *explanation;
    const char *kb; /* knowledge-base article id, or NULL */
};

/*
 * A transition of an alert, handed to the rule set's owner: FIRING,
 * RESOLVED, or UPDATE (at most hourly in sample time while it fires, when
 * the lost energy or the severity changed).
 */
struct pvs_alert_event {
    char fingerprint[PVS_FP_MAX];
    const char *rule_id; /* the rule instance id ([rule "id"] or family) */
    const char *family;  /* DESIGN.md family id */
    const struct pvs_site *site;
    const struct pvs_device *device; /* NULL for site-level */
    char subject[PVS_SUBJECT_MAX];
    enum pvs_alert_state state; /* FIRING or RESOLVED */
    enum pvs_severity severity;
    int64_t started_ms; /* condition first seen */
    int64_t ts_ms;      /* this transition */
    double measured, expected;
    /*
     * Lost energy, defined once for every message and page: expected
     * minus actual power over the alert, the expected power coming from
     * the model of the family that fired, integrated while it fires.
     * Per day is what the last full daylight day of the alert lost;
     * before the alert has lived through one, the shortfall so far as a
     * share of what was expected, applied to the modelled energy of a
     * clear day.
     */
    double lost_kwh;         /* energy lost so far */
    double lost_kwh_per_day; /* see above; 0 once resolved */
    double lost_kwh_before;  /* lost_kwh of this alert's previous event
                              * (0 when it first fires): what a ticket
                              * adds is lost_kwh - lost_kwh_before */
    /*
     * Evidence and explanation as the rules write them: a message key and
     * its values ("@comm.site|n=3|min=20|elev=31.2"), never prose, so
     * that each reader gets them in their own language
     * (pvs_template_evidence). Text without the '@' (alerts restored from
     * an older store) is shown as it is.
     */
    char evidence[PVS_EVIDENCE_MAX];
    char explanation[PVS_EXPLAIN_MAX];
    /* The owner's copy of the rules' form when it renders evidence and
     * explanation in place ("" = none): rules leave them empty. */
    char evidence_src[PVS_EVIDENCE_MAX];
    char explanation_src[PVS_EXPLAIN_MAX];
    const char *kb;
    bool silenced; /* a silence or maintenance window covers it */
};

/*
 * Whether name is a rule family id of DESIGN.md ("fault_code", "peer"...).
 * The rules' registry holds exactly these families (a unit test checks).
 */
bool pvs_alert_family_known(const char *name);

/*
 * Whether a problem of this family names a cause (a fault code, lost
 * communication) rather than what often follows from one (output too
 * low, a frozen counter): a cause's ticket takes in the consequences
 * that appear on the same device. The one definition: the engine and
 * the store's queries both ask here.
 */
bool pvs_alert_family_is_cause(const char *family);

#endif
