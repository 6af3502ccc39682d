/* SPDX-License-Identifier: MIT */
/*
 * rules.h - the rule engine: rule families behind a vtable, and the alert
 * state machine they all share.
 *
 * Pure and deterministic: no I/O, no clock reads, no threads. The same
 * samples and site facts give the same alerts, which is what lets
 * `pvsentry backtest` run the daemon's exact rule code on a CSV file.
 *
 * A family does not manage alerts. It reports observations ("for this
 * subject the condition holds / does not hold at time t, with this
 * evidence") through pvs_rule_observe(); the rule set turns them into
 * pending -> firing -> resolved transitions per fingerprint (site, device,
 * rule id, subject) and hands those to the caller.
 *
 * Threading: a rule set belongs to one thread (the engine, or backtest).
 */
#ifndef PVS_RULES_H
#define PVS_RULES_H

#include <stdbool.h>
#include <stdint.h>
#include "pvs/util.h"
#include "pvs/config.h"
#include "pvs/metrics.h"
#include "pvs/alert.h"

struct pvs_rule;
struct pvs_ruleset;

/*
 * A rule family. Only name is required; a family fills the callbacks it
 * needs (curl's cftype idea: NULL means "nothing to do").
 *
 * parse: validate the family's own parameters (the unknown keys of
 *   r->cfg->obj, none when r->cfg is NULL = defaults) into r->params;
 *   report errors with pvs_cfg_error at the key's file:line.
 * sample: one sample of a device in scope (time order is the caller's
 *   job: late samples are not passed).
 * tick: time has advanced to now_ms (sample time) with or without samples.
 * free: release params and state.
 * save: what the family learnt about device dev, as one line of its own
 *   text into buf (at most size bytes); returns its length, 0 when there
 *   is nothing worth keeping. The owner stores it and gives it back to
 *   load after a restart or a reload, so learning is not lost.
 * load: take back a line save wrote; text it does not understand (an
 *   older format) is ignored.
 */
struct pvs_rule_type {
    const char *name;
    enum pvs_severity severity;
    int64_t for_ms;      /* default pending -> firing delay */
    int64_t recovery_ms; /* default condition-gone time before resolved */
    const char *kb;      /* default article */
    enum pvs_err (*parse)(struct pvs_rule *r, struct pvs_cfg_errors *errs);
    void (*sample)(struct pvs_rule *r, const struct pvs_sample *s);
    void (*tick)(struct pvs_rule *r, int64_t now_ms);
    void (*free)(struct pvs_rule *r);
    size_t (*save)(struct pvs_rule *r, uint32_t dev, char *buf, size_t size);
    void (*load)(struct pvs_rule *r, uint32_t dev, const char *text);
};

/* An instance of a family with its scope and settings. */
struct pvs_rule {
    const struct pvs_rule_type *type;
    const char *id;                 /* cfg id, or the family name */
    const struct pvs_rule_cfg *cfg; /* NULL = built-in defaults */
    const struct pvs_config *conf;
    const struct pvs_site *site;     /* scope, NULL = all */
    const struct pvs_device *device; /* scope, NULL = all */
    enum pvs_severity severity;
    int64_t for_ms;
    int64_t recovery_ms;
    void *params; /* owned by the family */
    void *state;  /* owned by the family */
    struct pvs_ruleset *set;
    size_t nalerts; /* this rule's open alerts (kept by rules.c): a family
                     * may skip building an inactive observation when 0 */
};

/* Report an observation (see struct pvs_observation). */
void pvs_rule_observe(struct pvs_rule *r, const struct pvs_observation *o);

/* Families known to the rule set, in evaluation order. */
extern const struct pvs_rule_type *const pvs_rule_types[];
const struct pvs_rule_type *pvs_rule_type_find(const char *name);

/*
 * Whether r handles device dev: in its scope and, for the default instance
 * of a family, not covered by a configured instance of the same family.
 * Families call it when they iterate devices in tick().
 */
bool pvs_rule_applies(const struct pvs_rule *r, uint32_t dev);

/* Parameter helpers for families: look up r->cfg's key, with a default. */
const char *pvs_rule_param_str(struct pvs_rule *r, const char *key,
                               const char *def);
double pvs_rule_param_double(struct pvs_rule *r, const char *key, double def,
                             double min, double max,
                             struct pvs_cfg_errors *errs);
int64_t pvs_rule_param_duration(struct pvs_rule *r, const char *key,
                                int64_t def, struct pvs_cfg_errors *errs);
/* Whether key is a parameter the family understands: parse functions call
 * pvs_rule_params_check with their list to reject unknown keys. */
void pvs_rule_params_check(struct pvs_rule *r, const char *const *known,
                           struct pvs_cfg_errors *errs);

/* ---- the rule set ---- */

typedef void pvs_alert_cb(void *ud, const struct pvs_alert_event *ev);

/*
 * Build the rule set for cfg: one instance per [rule] section plus a
 * default instance of each family no enabled section names (so every family
 * runs with sensible defaults). Errors go to errs with file:line.
 * cb receives every transition, synchronously, from sample/tick calls.
 */
enum pvs_err pvs_ruleset_new(const struct pvs_config *cfg, pvs_alert_cb *cb,
                             void *ud, struct pvs_ruleset **ret,
                             struct pvs_cfg_errors *errs);
void pvs_ruleset_free(struct pvs_ruleset *rs);

/*
 * Start time of the rule set (for the start-up grace period), in clock
 * time. Call once before the first sample.
 */
void pvs_ruleset_start(struct pvs_ruleset *rs, int64_t now_ms);

/* Feed one sample (already validated, in time order per device). */
void pvs_ruleset_sample(struct pvs_ruleset *rs, const struct pvs_sample *s);
/* Advance time: pending alerts may fire, timers (communication) run. */
void pvs_ruleset_tick(struct pvs_ruleset *rs, int64_t now_ms);

/*
 * pvsentry's own ingest health (MQTT link, collectors). While unhealthy,
 * and for the grace period after it recovers, liveness alerts are held
 * back.
 */
void pvs_ruleset_set_ingest(struct pvs_ruleset *rs, bool healthy,
                            int64_t now_ms);
bool pvs_ruleset_ingest_held(const struct pvs_ruleset *rs, int64_t now_ms);

/* Grace period after start and after an ingest outage (ms). */
int64_t pvs_ruleset_grace_ms(const struct pvs_ruleset *rs);

/*
 * Restore a firing alert after a restart (from the store) so a condition
 * that still holds does not fire again, and one that is gone resolves once.
 * ev carries fingerprint, rule_id, site, device, subject, severity,
 * started_ms and lost_kwh; an alert whose rule no longer exists is
 * ignored (returns false).
 */
bool pvs_ruleset_restore(struct pvs_ruleset *rs,
                         const struct pvs_alert_event *ev);

/*
 * A replay of stored samples (a cluster worker taking sites over): while
 * on, samples move the rules' windows and pending alerts on, and no event
 * is handed out (the worker that ran the sites did). Turning it off drops
 * the alerts that fired during the replay; the store says which are
 * firing (pvs_ruleset_restore, which also turns a pending one firing).
 */
void pvs_ruleset_replay(struct pvs_ruleset *rs, bool on);

/*
 * The clock offset of a device's data in ms (positive: its clock is
 * ahead, as a logger on daylight saving time in summer), as the
 * data_quality family measured it; 0 while the clock is right. Families
 * evaluate the sun and the clear sky at ts - offset, so a shifted clock
 * does not look like a fault.
 */
/*
 * Carry from's state into to, built from the next configuration: start
 * time and ingest state (no new grace period), alerts of every state
 * with their counters, what the rules learnt, and the per-device clocks,
 * all matched by id. Alerts whose rule, site or device is gone are not
 * carried. from is left as it was (its caller frees it). Engine thread.
 */
void pvs_ruleset_carry(struct pvs_ruleset *to, struct pvs_ruleset *from);
/*
 * How far device dev's clock is ahead of true time at ts_ms (ms; the
 * data_quality family learns it, the others correct for it): a constant,
 * plus the site zone's daylight-saving shift at ts_ms for a clock that
 * keeps daylight saving time, so the correction follows the zone's
 * transitions at once instead of a week of good days later.
 */
int64_t pvs_ruleset_clock_offset(const struct pvs_ruleset *rs, uint32_t dev,
                                 int64_t ts_ms);
void pvs_ruleset_set_clock_offset(struct pvs_ruleset *rs, uint32_t dev,
                                  int64_t offset_ms, bool follows_dst);
/* The daylight-saving shift (ms, 0 in standard time or without a zone) of
 * site's zone at ts_ms. */
int64_t pvs_ruleset_dst_shift(const struct pvs_ruleset *rs,
                              const struct pvs_site *site, int64_t ts_ms);

/*
 * What the families learnt per device (struct pvs_rule_type save/load):
 * save calls fn once per rule instance and device with something to keep
 * (strings valid during the call); load hands one line back, and returns
 * false when the rule or device no longer exists.
 */
#define PVS_LEARNT_MAX 8192 /* longest line a family saves, with its NUL */
typedef void pvs_learnt_fn(void *ud, const char *rule_id, const char *device_id,
                           const char *text);
void pvs_ruleset_save_learnt(struct pvs_ruleset *rs, pvs_learnt_fn *fn,
                             void *ud);
bool pvs_ruleset_load_learnt(struct pvs_ruleset *rs, const char *rule_id,
                             const char *device_id, const char *text);

/* Last sample time seen for a device (0 = never). */
int64_t pvs_ruleset_last_seen(const struct pvs_ruleset *rs, uint32_t dev);

/*
 * Every rule instance of the set (*ret_n of them), for a family that
 * answers questions about the others' subjects (mass_outage). Borrowed.
 */
struct pvs_rule *const *pvs_ruleset_rules(const struct pvs_ruleset *rs,
                                          size_t *ret_n);

/*
 * Whether a firing mass outage (many sites of one area failing together)
 * includes site s at now_ms: its communication and underperformance
 * alerts are then part of that one incident and are not raised on their
 * own. Implemented in rule_mass_outage.c.
 */
bool pvs_rule_mass_outage_covers(const struct pvs_ruleset *rs,
                                 const struct pvs_site *s, int64_t now_ms);

/* Number of alerts currently firing. */
size_t pvs_ruleset_firing(const struct pvs_ruleset *rs);

/* Compose the fingerprint "site/device/rule/subject" into buf. */
void pvs_fingerprint(char *buf, size_t size, const struct pvs_site *site,
                     const struct pvs_device *dev, const char *rule_id,
                     const char *subject);

#endif
