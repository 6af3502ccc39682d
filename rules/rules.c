/* SPDX-License-Identifier: MIT */
/*
 * rules.c - the rule set: instances of every family, sample dispatch, and
 * the alert state machine shared by all families.
 *
 * DESIGN
 * Families report observations; this file owns alert state. Per
 * fingerprint (site/device/rule/subject) an alert is
 *     absent -> pending (condition seen, `for` not yet met)
 *            -> firing  (reported to the owner)
 *            -> resolved (condition gone for `recovery`; reported, removed)
 * A pending alert whose condition goes away is dropped silently: short
 * blips never reach a person. Time is sample time: observations carry it,
 * and tick() advances it when no sample comes (communication loss).
 *
 * Lost energy is integrated from the families' lost_w estimates between
 * observations, so every alert can say what the problem has cost so far.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pvs/expect.h"
#include "pvs/rules.h"
#include "pvs/silence.h"
#include "pvs/tz.h"

struct alert {
    char fp[PVS_FP_MAX];
    struct pvs_rule *rule;
    const struct pvs_site *site;
    const struct pvs_device *device;
    char subject[PVS_SUBJECT_MAX];
    enum pvs_alert_state state;
    enum pvs_severity severity;
    int64_t since_ms;       /* condition first seen */
    int64_t clear_since_ms; /* condition gone since, 0 = holds */
    int64_t last_obs_ms;
    double last_lost_w;
    double last_exp_w;
    double lost_wh;
    double exp_wh;      /* expected energy over the alert */
    double day_wh;      /* lost in the current solar day */
    double last_day_wh; /* lost in the last full day, < 0 = none yet */
    int64_t day;        /* solar day of day_wh */
    double told_wh;     /* lost_wh at the last event handed out */
    int64_t told_ms;
    enum pvs_severity told_sev;
    double measured, expected;
    char evidence[PVS_EVIDENCE_MAX];
    char explanation[PVS_EXPLAIN_MAX];
    const char *kb;
    bool silenced;      /* its firing was not notified */
    bool replayed;      /* fired during a replay (pvs_ruleset_replay) */
    struct alert *next; /* hash chain */
};

#define NBUCKETS 1024
#define PVS_SUN_HOURS 5.0
#define DAY_MS 86400000LL
#define UPDATE_MS 3600000LL

/* A site's zone, loaded when first asked, and its daylight-saving shift
 * over the quarter hour last asked about (transitions fall on quarter
 * hours). */
struct zone_memo {
    struct pvs_tz *tz;
    bool tried, owned; /* owned: not shared with an earlier site */
    int64_t slot;
    int64_t shift_ms;
};

struct pvs_ruleset {
    const struct pvs_config *cfg;
    pvs_alert_cb *cb;
    void *ud;
    struct pvs_rule **rules;
    size_t nrules;
    /* covered[f][dev]: a configured instance of family f covers dev */
    unsigned char **covered;
    size_t nfamilies;
    struct alert *buckets[NBUCKETS];
    size_t nfiring;
    int64_t start_ms;
    int64_t grace_ms;
    bool ingest_ok;
    int64_t ingest_ok_since;
    int64_t *last_seen;
    int64_t *clock_off; /* per device, see pvs_ruleset_clock_offset */
    bool *clock_dst;    /* per device: the clock keeps daylight saving time */
    struct zone_memo *zones; /* per site */
    bool replaying;          /* events are not handed out */
};

static const char *const base_keys[] = {
    "family", "site", "device", "severity", "for", "recovery", "enabled",
};

const struct pvs_rule_type *pvs_rule_type_find(const char *name) {
    for (size_t i = 0; pvs_rule_types[i]; i++)
        if (!strcmp(pvs_rule_types[i]->name, name))
            return pvs_rule_types[i];
    return NULL;
}

static size_t family_index(const struct pvs_rule_type *t) {
    for (size_t i = 0; pvs_rule_types[i]; i++)
        if (pvs_rule_types[i] == t)
            return i;
    PVS_ASSERT(0);
    return 0;
}

void pvs_fingerprint(char *buf, size_t size, const struct pvs_site *site,
                     const struct pvs_device *dev, const char *rule_id,
                     const char *subject) {
    pvs_snprintf(buf, size, "%s/%s/%s/%s", site ? site->obj.id : "-",
                 dev ? dev->obj.id : "-", rule_id,
                 subject && *subject ? subject : "-");
}

/* ---- parameters ---- */

static const struct pvs_kv *param_kv(struct pvs_rule *r, const char *key) {
    return r->cfg ? pvs_cfg_obj_kv(&r->cfg->obj, key) : NULL;
}

const char *pvs_rule_param_str(struct pvs_rule *r, const char *key,
                               const char *def) {
    const struct pvs_kv *kv = param_kv(r, key);

    return kv ? kv->value : def;
}

double pvs_rule_param_double(struct pvs_rule *r, const char *key, double def,
                             double min, double max,
                             struct pvs_cfg_errors *errs) {
    const struct pvs_kv *kv = param_kv(r, key);
    double v;

    if (!kv)
        return def;
    if (pvs_parse_double(kv->value, &v)) {
        pvs_cfg_error(errs, kv->file, kv->line,
                      "%s: expected a number, not '%s'", key, kv->value);
        return def;
    }
    if (v < min || v > max) {
        pvs_cfg_error(errs, kv->file, kv->line,
                      "%s '%s' is out of range: expected %g to %g", key,
                      kv->value, min, max);
        return def;
    }
    return v;
}

int64_t pvs_rule_param_duration(struct pvs_rule *r, const char *key,
                                int64_t def, struct pvs_cfg_errors *errs) {
    const struct pvs_kv *kv = param_kv(r, key);
    int64_t v;
    char msg[256];

    if (!kv)
        return def;
    if (pvs_cfg_parse_duration(kv->value, &v, msg, sizeof(msg))) {
        pvs_cfg_error(errs, kv->file, kv->line, "%s: %s", key, msg);
        return def;
    }
    return v;
}

void pvs_rule_params_check(struct pvs_rule *r, const char *const *known,
                           struct pvs_cfg_errors *errs) {
    if (!r->cfg)
        return;
    for (size_t i = 0; i < r->cfg->obj.nkv; i++) {
        const struct pvs_kv *kv = &r->cfg->obj.kv[i];
        bool ok = false;

        for (size_t k = 0; k < PVS_ARRAY_LEN(base_keys) && !ok; k++)
            ok = !strcmp(kv->key, base_keys[k]);
        for (size_t k = 0; known && known[k] && !ok; k++)
            ok = !strcmp(kv->key, known[k]);
        if (!ok)
            pvs_cfg_error(errs, kv->file, kv->line,
                          "unknown parameter '%s' for rule family '%s'",
                          kv->key, r->type->name);
    }
}

bool pvs_rule_applies(const struct pvs_rule *r, uint32_t dev) {
    const struct pvs_config *cfg = r->conf;
    const struct pvs_device *d;

    if (dev >= cfg->ndevices)
        return false;
    d = cfg->devices[dev];
    if (r->device && r->device != d)
        return false;
    if (r->site && r->site != d->site)
        return false;
    if (!r->cfg) {
        size_t f = family_index(r->type);
        if (r->set->covered[f][dev])
            return false;
    }
    return true;
}

/* ---- alerts ---- */

static unsigned fp_hash(const char *s) {
    unsigned h = 2166136261u;

    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h % NBUCKETS;
}

static struct alert *alert_find(struct pvs_ruleset *rs, const char *fp) {
    for (struct alert *a = rs->buckets[fp_hash(fp)]; a; a = a->next)
        if (!strcmp(a->fp, fp))
            return a;
    return NULL;
}

static struct alert *alert_add(struct pvs_ruleset *rs, const char *fp) {
    struct alert *a = pvs_calloc(1, sizeof(*a));
    unsigned h = fp_hash(fp);

    pvs_strlcpy(a->fp, fp, sizeof(a->fp));
    a->next = rs->buckets[h];
    rs->buckets[h] = a;
    return a;
}

static void alert_remove(struct pvs_ruleset *rs, struct alert *a) {
    struct alert **pp = &rs->buckets[fp_hash(a->fp)];

    while (*pp != a)
        pp = &(*pp)->next;
    *pp = a->next;
    a->rule->nalerts--;
    pvs_free(a);
}

/* Local solar day of t at the site: days turn at solar midnight, so one
 * day holds one whole daylight period wherever the site is. */
static int64_t solar_off(const struct pvs_site *site) {
    return site ? (int64_t)(site->longitude * 240000.0) : 0;
}

static int64_t solar_day(const struct pvs_site *site, int64_t t) {
    int64_t x = t + solar_off(site);

    return x >= 0 ? x / DAY_MS : (x - DAY_MS + 1) / DAY_MS;
}

static int64_t day_start(const struct pvs_site *site, int64_t day) {
    return day * DAY_MS - solar_off(site);
}

/*
 * "Per day" (rules.h): the last full solar day's loss when the alert has
 * lived through one; before that, the share of the expected energy lost
 * so far applied to a clear day's modelled energy (a dead inverter costs
 * a whole clear day, a lost third of the array a third of it).
 */
static double per_day_kwh(const struct pvs_ruleset *rs, const struct alert *a) {
    double frac, kwp = 0, day_wh;

    if (a->last_day_wh >= 0)
        return a->last_day_wh / 1000.0;
    if (a->exp_wh > 0)
        frac = a->lost_wh / a->exp_wh;
    else if (a->last_exp_w > 0)
        frac = a->last_lost_w / a->last_exp_w;
    else
        return 0;
    if (frac > 1)
        frac = 1;
    if (frac <= 0)
        return 0;
    if (a->device)
        kwp = pvs_expect_device_kwp(rs->cfg, a->device);
    else if (a->site)
        kwp = a->site->kwp;
    if (kwp <= 0 || !a->site)
        return a->last_lost_w * PVS_SUN_HOURS / 1000.0;
    day_wh = pvs_expect_clear_day_wh(
        a->site, kwp, a->device ? a->device->rated_w : 0, a->since_ms);
    return frac * day_wh / 1000.0;
}

static void emit(struct pvs_ruleset *rs, struct alert *a,
                 enum pvs_alert_state state, int64_t ts) {
    struct pvs_alert_event ev;

    memset(&ev, 0, sizeof(ev));
    pvs_strlcpy(ev.fingerprint, a->fp, sizeof(ev.fingerprint));
    ev.rule_id = a->rule->id;
    ev.family = a->rule->type->name;
    ev.site = a->site;
    ev.device = a->device;
    pvs_strlcpy(ev.subject, a->subject, sizeof(ev.subject));
    ev.state = state;
    ev.severity = a->severity;
    ev.started_ms = a->since_ms;
    ev.ts_ms = ts;
    ev.measured = a->measured;
    ev.expected = a->expected;
    ev.lost_kwh = a->lost_wh / 1000.0;
    ev.lost_kwh_before = a->told_wh / 1000.0;
    ev.lost_kwh_per_day = state != PVS_ALERT_RESOLVED ? per_day_kwh(rs, a) : 0;
    a->told_wh = a->lost_wh;
    a->told_ms = ts;
    a->told_sev = a->severity;
    pvs_strlcpy(ev.evidence, a->evidence, sizeof(ev.evidence));
    pvs_strlcpy(ev.explanation, a->explanation, sizeof(ev.explanation));
    ev.kb = a->kb;
    /* A resolution is news only to those who heard of the alert. */
    ev.silenced = pvs_silence_covers(rs->cfg, &ev, ts) ||
                  (state == PVS_ALERT_RESOLVED && a->silenced);
    if (state == PVS_ALERT_FIRING)
        a->silenced = ev.silenced;
    if (rs->cb && !rs->replaying)
        rs->cb(rs->ud, &ev);
}

static void alert_fire(struct pvs_ruleset *rs, struct alert *a, int64_t ts) {
    a->state = PVS_ALERT_FIRING;
    a->replayed = rs->replaying;
    rs->nfiring++;
    emit(rs, a, PVS_ALERT_FIRING, ts);
}

static void alert_resolve(struct pvs_ruleset *rs, struct alert *a, int64_t ts) {
    rs->nfiring--;
    emit(rs, a, PVS_ALERT_RESOLVED, ts);
    alert_remove(rs, a);
}

/* Integrate the shortfall since the previous observation, capped at an
 * hour so a long gap is not counted at the last rate. */
static void integrate(struct alert *a, int64_t ts) {
    int64_t dt = ts - a->last_obs_ms;
    int64_t day = solar_day(a->site, ts);
    double wh;

    if (dt > 3600000)
        dt = 3600000;
    wh = a->last_lost_w * (double)dt / 3600000.0;
    a->lost_wh += wh;
    a->exp_wh += a->last_exp_w * (double)dt / 3600000.0;
    if (day != a->day) {
        /* A day the alert covered from its start is a full day. */
        if (a->since_ms <= day_start(a->site, a->day))
            a->last_day_wh = a->day_wh;
        a->day = day;
        a->day_wh = 0;
    }
    a->day_wh += wh;
}

/* The condition of a is not seen at o: recovery, or a pending alert
 * dropped. */
static void observe_clear(struct pvs_rule *r, struct alert *a,
                          const struct pvs_observation *o) {
    /* A late reading from before the problem began says nothing about
     * whether it is over. */
    if (!a || o->ts_ms < a->since_ms)
        return;
    a->last_obs_ms = o->ts_ms;
    a->last_lost_w = 0;
    a->last_exp_w = 0;
    if (a->state == PVS_ALERT_PENDING) {
        alert_remove(r->set, a);
        return;
    }
    if (!a->clear_since_ms)
        a->clear_since_ms = o->ts_ms;
    if (o->ts_ms - a->clear_since_ms >= r->recovery_ms)
        alert_resolve(r->set, a, o->ts_ms);
}

static struct alert *alert_open(struct pvs_rule *r, const char *fp,
                                const struct pvs_observation *o) {
    struct alert *a = alert_add(r->set, fp);

    a->rule = r;
    r->nalerts++;
    a->site = o->site;
    a->device = o->device;
    pvs_strlcpy(a->subject, o->subject ? o->subject : "", sizeof(a->subject));
    a->state = PVS_ALERT_PENDING;
    a->since_ms = o->ts_ms;
    a->severity = o->severity;
    a->last_day_wh = -1;
    a->day = solar_day(o->site, o->ts_ms);
    return a;
}

void pvs_rule_observe(struct pvs_rule *r, const struct pvs_observation *o) {
    struct pvs_ruleset *rs = r->set;
    char fp[PVS_FP_MAX];
    struct alert *a;

    /* Most observations say "all is well" about a rule with no alert:
     * nothing to look up, so no fingerprint to format. */
    if (!o->active && !r->nalerts)
        return;
    pvs_fingerprint(fp, sizeof(fp), o->site, o->device, r->id, o->subject);
    a = alert_find(rs, fp);
    if (a && a->last_obs_ms && o->ts_ms > a->last_obs_ms)
        integrate(a, o->ts_ms);
    if (!o->active) {
        observe_clear(r, a, o);
        return;
    }
    if (!a)
        a = alert_open(r, fp, o);
    if (o->severity > a->severity)
        a->severity = o->severity;
    a->clear_since_ms = 0;
    a->last_obs_ms = o->ts_ms;
    a->last_lost_w = o->lost_w > 0 ? o->lost_w : 0;
    /* Expected from the model that fired; a family that only knows the
     * shortfall (silence) expects what it says is lost. */
    a->last_exp_w =
        isfinite(o->expected) && o->expected > 0 ? o->expected : a->last_lost_w;
    a->measured = o->measured;
    a->expected = o->expected;
    pvs_strlcpy(a->evidence, o->evidence ? o->evidence : "",
                sizeof(a->evidence));
    pvs_strlcpy(a->explanation, o->explanation ? o->explanation : "",
                sizeof(a->explanation));
    a->kb = o->kb ? o->kb : r->type->kb;
    if (a->state == PVS_ALERT_PENDING && o->ts_ms - a->since_ms >= r->for_ms)
        alert_fire(rs, a, o->ts_ms);
    else if (a->state == PVS_ALERT_FIRING &&
             (a->severity != a->told_sev ||
              (o->ts_ms - a->told_ms >= UPDATE_MS &&
               fabs(a->lost_wh - a->told_wh) >= 10.0)))
        emit(rs, a, PVS_ALERT_UPDATE, o->ts_ms);
}

/* ---- the set ---- */

static struct pvs_rule *rule_new(struct pvs_ruleset *rs,
                                 const struct pvs_rule_type *t,
                                 const struct pvs_rule_cfg *rc) {
    struct pvs_rule *r = pvs_calloc(1, sizeof(*r));

    r->type = t;
    r->cfg = rc;
    r->id = rc ? rc->obj.id : t->name;
    r->conf = rs->cfg;
    r->set = rs;
    r->severity = t->severity;
    r->for_ms = t->for_ms;
    r->recovery_ms = t->recovery_ms;
    if (rc) {
        if (rc->site_id)
            r->site = pvs_config_site(rs->cfg, rc->site_id);
        if (rc->device_id)
            r->device = pvs_config_device(rs->cfg, rc->device_id);
        if (rc->severity)
            r->severity = (enum pvs_severity)pvs_severity_parse(rc->severity);
        if (rc->for_ms >= 0)
            r->for_ms = rc->for_ms;
        if (rc->recovery_ms >= 0)
            r->recovery_ms = rc->recovery_ms;
    }
    return r;
}

static void mark_covered(struct pvs_ruleset *rs, size_t f,
                         const struct pvs_rule_cfg *rc) {
    const struct pvs_config *cfg = rs->cfg;

    for (size_t d = 0; d < cfg->ndevices; d++) {
        const struct pvs_device *dev = cfg->devices[d];
        if (rc->device_id && strcmp(rc->device_id, dev->obj.id))
            continue;
        if (rc->site_id &&
            (!dev->site || strcmp(rc->site_id, dev->site->obj.id)))
            continue;
        rs->covered[f][d] = 1;
    }
}

/* A [rule] names a family that does not exist: say which one was
 * meant, or list them all. */
static void unknown_family(struct pvs_cfg_errors *errs,
                           const struct pvs_rule_cfg *c) {
    const struct pvs_kv *kv = pvs_cfg_obj_kv(&c->obj, "family");
    const char *file = kv ? kv->file : c->obj.file;
    int line = kv ? kv->line : c->obj.line;
    const char *best = NULL;
    unsigned bestd = 3;
    struct pvs_buf names;

    for (size_t f = 0; pvs_rule_types[f]; f++) {
        unsigned dist = pvs_edit_distance(c->family, pvs_rule_types[f]->name);
        if (dist < bestd) {
            bestd = dist;
            best = pvs_rule_types[f]->name;
        }
    }
    if (best) {
        pvs_cfg_error(errs, file, line,
                      "unknown rule family '%s': did you mean '%s'?", c->family,
                      best);
        return;
    }
    pvs_buf_init(&names, 1024);
    for (size_t f = 0; pvs_rule_types[f]; f++)
        pvs_buf_printf(&names, "%s%s", f ? ", " : "", pvs_rule_types[f]->name);
    pvs_cfg_error(errs, file, line,
                  "unknown rule family '%s': expected one of %s", c->family,
                  names.data);
    pvs_buf_release(&names);
}

/* One configured [rule]: the devices it covers, and the rule itself when
 * it is enabled. before is the error count before the set was read. */
static void add_rule_cfg(struct pvs_ruleset *rs, const struct pvs_rule_cfg *c,
                         struct pvs_cfg_errors *errs, size_t before) {
    const struct pvs_rule_type *t;
    struct pvs_rule *r;

    /* No family: the config already reported the missing key. */
    if (!c->family)
        return;
    t = pvs_rule_type_find(c->family);
    if (!t) {
        unknown_family(errs, c);
        return;
    }
    mark_covered(rs, family_index(t), c);
    if (!c->enabled)
        return;
    r = rule_new(rs, t, c);
    if (t->parse && t->parse(r, errs) && errs->count + errs->dropped == before)
        pvs_cfg_error(errs, c->obj.file, c->obj.line, "invalid rule '%s'",
                      c->obj.id);
    rs->rules[rs->nrules++] = r;
}

enum pvs_err pvs_ruleset_new(const struct pvs_config *cfg, pvs_alert_cb *cb,
                             void *ud, struct pvs_ruleset **ret,
                             struct pvs_cfg_errors *errs) {
    struct pvs_ruleset *rs = pvs_calloc(1, sizeof(*rs));
    size_t before = errs->count + errs->dropped;
    size_t nf = 0;
    enum pvs_err rc = PVS_OK;

    rs->cfg = cfg;
    rs->cb = cb;
    rs->ud = ud;
    rs->grace_ms = cfg->global.grace_ms;
    rs->ingest_ok = true;
    rs->last_seen = pvs_calloc(cfg->ndevices + 1, sizeof(int64_t));
    rs->clock_off = pvs_calloc(cfg->ndevices + 1, sizeof(int64_t));
    rs->clock_dst = pvs_calloc(cfg->ndevices + 1, sizeof(bool));
    rs->zones = pvs_calloc(cfg->nsites + 1, sizeof(*rs->zones));
    while (pvs_rule_types[nf])
        nf++;
    rs->nfamilies = nf;
    rs->covered = pvs_calloc(nf, sizeof(unsigned char *));
    for (size_t f = 0; f < nf; f++)
        rs->covered[f] = pvs_calloc(cfg->ndevices + 1, 1);
    rs->rules = pvs_calloc(cfg->nrules + nf, sizeof(struct pvs_rule *));

    for (size_t i = 0; i < cfg->nrules; i++)
        add_rule_cfg(rs, cfg->rules[i], errs, before);
    for (size_t f = 0; f < nf; f++) {
        struct pvs_rule *r = rule_new(rs, pvs_rule_types[f], NULL);
        if (r->type->parse)
            r->type->parse(r, errs);
        rs->rules[rs->nrules++] = r;
    }
    if (errs->count + errs->dropped != before) {
        rc = PVS_ERR_CONFIG;
        pvs_ruleset_free(rs);
        rs = NULL;
    }
    if (!rc)
        *ret = rs;
    return rc;
}

void pvs_ruleset_free(struct pvs_ruleset *rs) {
    if (!rs)
        return;
    for (size_t i = 0; i < rs->nrules; i++) {
        struct pvs_rule *r = rs->rules[i];
        if (r->type->free)
            r->type->free(r);
        pvs_free(r);
    }
    for (size_t b = 0; b < NBUCKETS; b++) {
        struct alert *a = rs->buckets[b];
        while (a) {
            struct alert *n = a->next;
            pvs_free(a);
            a = n;
        }
    }
    for (size_t f = 0; f < rs->nfamilies; f++)
        pvs_free(rs->covered[f]);
    pvs_free(rs->covered);
    pvs_free(rs->rules);
    pvs_free(rs->last_seen);
    pvs_free(rs->clock_off);
    pvs_free(rs->clock_dst);
    for (size_t i = 0; i < rs->cfg->nsites; i++)
        if (rs->zones[i].owned)
            pvs_tz_free(rs->zones[i].tz);
    pvs_free(rs->zones);
    pvs_free(rs);
}

void pvs_ruleset_start(struct pvs_ruleset *rs, int64_t now_ms) {
    rs->start_ms = now_ms;
    rs->ingest_ok_since = now_ms;
}

void pvs_ruleset_sample(struct pvs_ruleset *rs, const struct pvs_sample *s) {
    if (s->dev >= rs->cfg->ndevices)
        return;
    if (s->ts_ms > rs->last_seen[s->dev])
        rs->last_seen[s->dev] = s->ts_ms;
    for (size_t i = 0; i < rs->nrules; i++) {
        struct pvs_rule *r = rs->rules[i];
        if (r->type->sample && pvs_rule_applies(r, s->dev))
            r->type->sample(r, s);
    }
}

void pvs_ruleset_tick(struct pvs_ruleset *rs, int64_t now_ms) {
    for (size_t i = 0; i < rs->nrules; i++) {
        struct pvs_rule *r = rs->rules[i];
        if (r->type->tick)
            r->type->tick(r, now_ms);
    }
    /* Conditions that still hold without a new observation. */
    for (size_t b = 0; b < NBUCKETS; b++) {
        struct alert *a = rs->buckets[b];
        while (a) {
            struct alert *n = a->next;
            if (a->state == PVS_ALERT_PENDING && !a->clear_since_ms &&
                now_ms - a->since_ms >= a->rule->for_ms)
                alert_fire(rs, a, now_ms);
            else if (a->state == PVS_ALERT_FIRING && a->clear_since_ms &&
                     now_ms - a->clear_since_ms >= a->rule->recovery_ms)
                alert_resolve(rs, a, now_ms);
            a = n;
        }
    }
}

void pvs_ruleset_set_ingest(struct pvs_ruleset *rs, bool healthy,
                            int64_t now_ms) {
    if (healthy && !rs->ingest_ok)
        rs->ingest_ok_since = now_ms;
    rs->ingest_ok = healthy;
}

bool pvs_ruleset_ingest_held(const struct pvs_ruleset *rs, int64_t now_ms) {
    if (!rs->ingest_ok)
        return true;
    if (now_ms - rs->start_ms < rs->grace_ms)
        return true;
    return now_ms - rs->ingest_ok_since < rs->grace_ms;
}

int64_t pvs_ruleset_grace_ms(const struct pvs_ruleset *rs) {
    return rs->grace_ms;
}

bool pvs_ruleset_restore(struct pvs_ruleset *rs,
                         const struct pvs_alert_event *ev) {
    struct pvs_rule *rule = NULL;
    struct alert *a;

    for (size_t i = 0; i < rs->nrules && !rule; i++)
        if (!strcmp(rs->rules[i]->id, ev->rule_id))
            rule = rs->rules[i];
    a = rule ? alert_find(rs, ev->fingerprint) : NULL;
    if (!rule || (a && a->state == PVS_ALERT_FIRING))
        return false;
    if (!a) {
        a = alert_add(rs, ev->fingerprint);
        a->rule = rule;
        rule->nalerts++;
    } /* else pending since a replay: the store says it fired */
    a->site = ev->site;
    a->device = ev->device;
    pvs_strlcpy(a->subject, ev->subject, sizeof(a->subject));
    a->state = PVS_ALERT_FIRING;
    a->severity = ev->severity;
    a->since_ms = ev->started_ms;
    a->lost_wh = ev->lost_kwh * 1000.0;
    a->told_wh = a->lost_wh;
    a->told_ms = ev->ts_ms ? ev->ts_ms : ev->started_ms;
    a->told_sev = a->severity;
    a->last_day_wh =
        ev->lost_kwh_per_day > 0 ? ev->lost_kwh_per_day * 1000.0 : -1;
    a->day = solar_day(ev->site, a->told_ms);
    a->measured = NAN;
    a->expected = NAN;
    pvs_strlcpy(a->evidence, ev->evidence, sizeof(a->evidence));
    pvs_strlcpy(a->explanation, ev->explanation, sizeof(a->explanation));
    a->kb = rule->type->kb;
    rs->nfiring++;
    return true;
}

void pvs_ruleset_replay(struct pvs_ruleset *rs, bool on) {
    rs->replaying = on;
    if (on)
        return;
    for (size_t b = 0; b < NBUCKETS; b++) {
        struct alert *a = rs->buckets[b];
        while (a) {
            struct alert *n = a->next;
            if (a->state == PVS_ALERT_FIRING && a->replayed) {
                rs->nfiring--;
                alert_remove(rs, a);
            }
            a = n;
        }
    }
}

void pvs_ruleset_save_learnt(struct pvs_ruleset *rs, pvs_learnt_fn *fn,
                             void *ud) {
    char buf[PVS_LEARNT_MAX];

    for (size_t i = 0; i < rs->nrules; i++) {
        struct pvs_rule *r = rs->rules[i];
        if (!r->type->save)
            continue;
        for (size_t d = 0; d < rs->cfg->ndevices; d++)
            if (pvs_rule_applies(r, (uint32_t)d) &&
                r->type->save(r, (uint32_t)d, buf, sizeof(buf)))
                fn(ud, r->id, rs->cfg->devices[d]->obj.id, buf);
    }
}

bool pvs_ruleset_load_learnt(struct pvs_ruleset *rs, const char *rule_id,
                             const char *device_id, const char *text) {
    const struct pvs_device *dev = pvs_config_device(rs->cfg, device_id);

    for (size_t i = 0; dev && i < rs->nrules; i++) {
        struct pvs_rule *r = rs->rules[i];
        if (strcmp(r->id, rule_id) || !r->type->load ||
            !pvs_rule_applies(r, (uint32_t)dev->index))
            continue;
        r->type->load(r, (uint32_t)dev->index, text);
        return true;
    }
    return false;
}

/* Hands one rule's saved text to the ruleset in ud (see carry). */
static void carry_learnt(void *ud, const char *rule_id, const char *device_id,
                         const char *text) {
    pvs_ruleset_load_learnt(ud, rule_id, device_id, text);
}

static struct pvs_rule *rule_by_id(struct pvs_ruleset *rs, const char *id) {
    for (size_t i = 0; i < rs->nrules; i++)
        if (!strcmp(rs->rules[i]->id, id))
            return rs->rules[i];
    return NULL;
}

void pvs_ruleset_carry(struct pvs_ruleset *to, struct pvs_ruleset *from) {
    const struct pvs_config *nc = to->cfg;

    to->start_ms = from->start_ms;
    to->ingest_ok = from->ingest_ok;
    to->ingest_ok_since = from->ingest_ok_since;
    for (size_t d = 0; d < from->cfg->ndevices; d++) {
        const struct pvs_device *nd =
            pvs_config_device(nc, from->cfg->devices[d]->obj.id);
        if (!nd)
            continue;
        to->last_seen[nd->index] = from->last_seen[d];
        to->clock_off[nd->index] = from->clock_off[d];
        to->clock_dst[nd->index] = from->clock_dst[d];
    }
    pvs_ruleset_save_learnt(from, carry_learnt, to);
    for (size_t b = 0; b < NBUCKETS; b++) {
        for (const struct alert *a = from->buckets[b]; a; a = a->next) {
            struct pvs_rule *rule = rule_by_id(to, a->rule->id);
            const struct pvs_site *site =
                a->site ? pvs_config_site(nc, a->site->obj.id) : NULL;
            const struct pvs_device *dev =
                a->device ? pvs_config_device(nc, a->device->obj.id) : NULL;
            struct alert *c, *next;

            /* Gone with its rule, site or device: nothing to carry. */
            if (!rule || (a->site && !site) || (a->device && !dev) ||
                alert_find(to, a->fp))
                continue;
            c = alert_add(to, a->fp);
            next = c->next;
            /* Every counter as it was; kb names are the code's strings. */
            memcpy(c, a, sizeof(*c));
            c->next = next;
            c->rule = rule;
            c->site = site;
            c->device = dev;
            rule->nalerts++;
            if (c->state == PVS_ALERT_FIRING)
                to->nfiring++;
        }
    }
}

/* The zone of site i, shared with an earlier site of the same zone. */
static struct pvs_tz *site_zone(const struct pvs_ruleset *rs, size_t i) {
    struct zone_memo *z = &rs->zones[i];
    const char *name = rs->cfg->sites[i]->timezone;

    if (z->tried)
        return z->tz;
    z->tried = true;
    z->slot = -1;
    if (!name)
        return NULL;
    for (size_t j = 0; j < i; j++)
        if (rs->zones[j].tz && rs->cfg->sites[j]->timezone &&
            !strcmp(rs->cfg->sites[j]->timezone, name)) {
            z->tz = rs->zones[j].tz;
            return z->tz;
        }
    /* The configuration was checked: a zone that fails now has no daylight
     * saving time to offer. */
    if (pvs_tz_load(name, &z->tz))
        z->tz = NULL;
    z->owned = z->tz != NULL;
    return z->tz;
}

int64_t pvs_ruleset_dst_shift(const struct pvs_ruleset *rs,
                              const struct pvs_site *site, int64_t ts_ms) {
    const int64_t two_months = 61LL * 86400000;
    struct zone_memo *z;
    struct pvs_tz *tz;
    struct pvs_tm tm;
    int32_t std;

    if (!site || site->index >= rs->cfg->nsites)
        return 0;
    z = &rs->zones[site->index];
    tz = site_zone(rs, site->index);
    if (!tz)
        return 0;
    if (z->slot == ts_ms / 900000)
        return z->shift_ms;
    z->slot = ts_ms / 900000;
    z->shift_ms = 0;
    pvs_tz_local(tz, ts_ms, &tm);
    if (!tm.dst)
        return 0;
    /* Standard time: the smallest offset within half a year either side
     * (every daylight-saving period is shorter than ten months). */
    std = tm.utoff;
    for (int k = -3; k <= 3; k++) {
        int32_t o = pvs_tz_offset(tz, ts_ms + k * two_months);

        if (o < std)
            std = o;
    }
    z->shift_ms = (int64_t)(tm.utoff - std) * 1000;
    return z->shift_ms;
}

int64_t pvs_ruleset_clock_offset(const struct pvs_ruleset *rs, uint32_t dev,
                                 int64_t ts_ms) {
    if (dev >= rs->cfg->ndevices)
        return 0;
    if (!rs->clock_dst[dev])
        return rs->clock_off[dev];
    return rs->clock_off[dev] +
           pvs_ruleset_dst_shift(rs, rs->cfg->devices[dev]->site, ts_ms);
}

void pvs_ruleset_set_clock_offset(struct pvs_ruleset *rs, uint32_t dev,
                                  int64_t offset_ms, bool follows_dst) {
    if (dev < rs->cfg->ndevices) {
        rs->clock_off[dev] = offset_ms;
        rs->clock_dst[dev] = follows_dst;
    }
}

int64_t pvs_ruleset_last_seen(const struct pvs_ruleset *rs, uint32_t dev) {
    return dev < rs->cfg->ndevices ? rs->last_seen[dev] : 0;
}

struct pvs_rule *const *pvs_ruleset_rules(const struct pvs_ruleset *rs,
                                          size_t *ret_n) {
    *ret_n = rs->nrules;
    return rs->rules;
}

size_t pvs_ruleset_firing(const struct pvs_ruleset *rs) {
    return rs->nfiring;
}
