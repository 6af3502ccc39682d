/* SPDX-License-Identifier: MIT */
/*
 * rule_fault_code.c - the inverter says it is in fault: operating state
 * FAULT, and SunSpec Evt1 event bits, each its own problem (subject), so
 * a ground fault and an over-temperature on one inverter are two tickets.
 *
 * Vendor event codes (vendor_event) are looked up in the table for the
 * device's vendor (rules/vendor/, vendor.h); each code is its own subject
 * "vendor:<code>", active while the device reports it.
 *
 * Lost power is estimated from the production just before the fault: the
 * rule is pure and has no weather, and the last good reading is what the
 * customer is missing right now.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pvs/rules.h"
#include "pvs/vendor.h"

/* SunSpec inverter models 101-103 / 111-113, Evt1 bit meanings. */
static const struct {
    const char *name;
    const char *kb;
    enum pvs_severity sev;
} evt1_bits[32] = {
    [0] = {"ground_fault", "ground-fault", PVS_SEV_CRITICAL},
    [1] = {"dc_over_volt", "dc-over-voltage", PVS_SEV_CRITICAL},
    [2] = {"ac_disconnect", "ac-disconnect", PVS_SEV_WARNING},
    [3] = {"dc_disconnect", "dc-disconnect", PVS_SEV_WARNING},
    [4] = {"grid_disconnect", "grid-disconnect", PVS_SEV_WARNING},
    [5] = {"cabinet_open", "cabinet-open", PVS_SEV_WARNING},
    [6] = {"manual_shutdown", "manual-shutdown", PVS_SEV_INFO},
    [7] = {"over_temp", "over-temperature", PVS_SEV_WARNING},
    [8] = {"over_frequency", "grid-frequency", PVS_SEV_WARNING},
    [9] = {"under_frequency", "grid-frequency", PVS_SEV_WARNING},
    [10] = {"ac_over_volt", "grid-voltage", PVS_SEV_WARNING},
    [11] = {"ac_under_volt", "grid-voltage", PVS_SEV_WARNING},
    [12] = {"blown_string_fuse", "string-fuse", PVS_SEV_CRITICAL},
    [13] = {"under_temp", "under-temperature", PVS_SEV_INFO},
    [14] = {"memory_loss", "inverter-fault", PVS_SEV_WARNING},
    [15] = {"hw_test_failure", "inverter-fault", PVS_SEV_CRITICAL},
};

struct dev_state {
    int state;          /* last pvs_state, 0 = unknown */
    uint32_t bits;      /* last event bits */
    double last_good_w; /* production before the fault */
    bool bits_known;
    struct pvs_vendor_table *vendor; /* owned; NULL = no table */
    int64_t vcode;                   /* last vendor_event, 0 = none */
};

static enum pvs_err fault_parse(struct pvs_rule *r,
                                struct pvs_cfg_errors *errs) {
    struct dev_state *st;

    pvs_rule_params_check(r, NULL, errs);
    st = pvs_calloc(r->conf->ndevices + 1, sizeof(struct dev_state));
    for (size_t i = 0; i < r->conf->ndevices; i++)
        if (r->conf->devices[i]->vendor)
            pvs_vendor_table_load(r->conf->devices[i]->vendor, &st[i].vendor);
    r->state = st;
    return PVS_OK;
}

static void observe(struct pvs_rule *r, const struct pvs_device *dev,
                    const char *subject, bool active, int64_t ts,
                    enum pvs_severity sev, double lost_w, const char *kb,
                    const char *what) {
    struct pvs_observation o;
    char evidence[PVS_EVIDENCE_MAX], expl[PVS_EXPLAIN_MAX], code[64];

    /* The code in its reader's words: a state or an event bit names its
     * phrase; a vendor's number stays a number. */
    if (!strncmp(subject, "vendor:", 7))
        pvs_strlcpy(code, subject, sizeof(code));
    else if (!strncmp(what, "bit.", 4))
        pvs_snprintf(code, sizeof(code), "~%s", what);
    else
        pvs_snprintf(code, sizeof(code), "~state.%s", subject);
    pvs_snprintf(evidence, sizeof(evidence), "@fault|dev=%s|code=%s|w=%.0f",
                 dev->obj.id, code, lost_w);
    if (what[0] == '@')
        pvs_strlcpy(expl, what, sizeof(expl));
    else
        pvs_snprintf(expl, sizeof(expl), "@fault.why|dev=%s|what=~%s",
                     dev->obj.id, what);
    memset(&o, 0, sizeof(o));
    o.site = dev->site;
    o.device = dev;
    o.subject = subject;
    o.active = active;
    o.ts_ms = ts;
    /* The code's own severity; a configured one is a floor. */
    o.severity =
        r->cfg && r->cfg->severity && r->severity > sev ? r->severity : sev;
    o.measured = NAN;
    o.expected = NAN;
    o.lost_w = lost_w;
    o.evidence = evidence;
    o.explanation = expl;
    o.kb = kb;
    pvs_rule_observe(r, &o);
}

static void vendor_event(struct pvs_rule *r, const struct pvs_device *dev,
                         struct dev_state *st, const struct pvs_sample *s) {
    int64_t code = (int64_t)s->value;
    const struct pvs_vendor_code *c;
    char subj[PVS_SUBJECT_MAX], what[PVS_EXPLAIN_MAX];

    if (st->vcode && st->vcode != code) {
        pvs_snprintf(subj, sizeof(subj), "vendor:%lld", (long long)st->vcode);
        observe(r, dev, subj, false, s->ts_ms, PVS_SEV_INFO, 0, NULL, "");
    }
    st->vcode = code;
    if (!code)
        return;
    c = pvs_vendor_table_lookup(st->vendor, code);
    pvs_snprintf(subj, sizeof(subj), "vendor:%lld", (long long)code);
    if (c)
        pvs_snprintf(what, sizeof(what),
                     "@fault.vendor|dev=%s|vendor=%s|code=%lld|"
                     "desc=~vendor.%s.%s|name=%s",
                     dev->obj.id, st->vendor->vendor, (long long)code,
                     st->vendor->vendor, c->name, c->name);
    else
        pvs_snprintf(what, sizeof(what),
                     "@fault.vendor_unknown|dev=%s|vendor=%s|code=%lld",
                     dev->obj.id, st->vendor->vendor, (long long)code);
    observe(r, dev, subj, true, s->ts_ms, c ? c->severity : PVS_SEV_WARNING,
            st->state == PVS_ST_FAULT ? st->last_good_w : 0,
            c ? c->kb : "inverter-fault", what);
}

static void fault_sample(struct pvs_rule *r, const struct pvs_sample *s) {
    struct dev_state *st = &((struct dev_state *)r->state)[s->dev];
    const struct pvs_device *dev = r->conf->devices[s->dev];

    if (s->quality != PVS_Q_OK)
        return;
    if (s->metric == PVS_M_AC_POWER_W) {
        if (st->state != PVS_ST_FAULT && s->value > 0)
            st->last_good_w = s->value;
        return;
    }
    if (s->metric == PVS_M_STATE) {
        int v = (int)s->value;
        bool fault = v == PVS_ST_FAULT;
        observe(r, dev, "fault", fault, s->ts_ms, PVS_SEV_CRITICAL,
                fault ? st->last_good_w : 0, "inverter-fault", "what.fault");
        st->state = v;
        return;
    }
    if (s->metric == PVS_M_VENDOR_EVENT && st->vendor) {
        vendor_event(r, dev, st, s);
        return;
    }
    if (s->metric == PVS_M_EVENT_BITS) {
        uint32_t bits = (uint32_t)s->value;
        for (unsigned b = 0; b < 32; b++) {
            uint32_t m = 1u << b;
            if (!evt1_bits[b].name)
                continue;
            if (!(bits & m) && !(st->bits_known && (st->bits & m)))
                continue;
            char what[48];
            pvs_snprintf(what, sizeof(what), "bit.%s", evt1_bits[b].name);
            observe(r, dev, evt1_bits[b].name, (bits & m) != 0, s->ts_ms,
                    evt1_bits[b].sev, 0, evt1_bits[b].kb, what);
        }
        st->bits = bits;
        st->bits_known = true;
    }
}

static void fault_free(struct pvs_rule *r) {
    struct dev_state *st = r->state;

    for (size_t i = 0; st && i < r->conf->ndevices; i++)
        pvs_vendor_table_free(st[i].vendor);
    PVS_FREE(r->state);
}

const struct pvs_rule_type pvs_rule_fault_code = {
    .name = "fault_code",
    .severity = PVS_SEV_CRITICAL,
    .for_ms = 60000,
    .recovery_ms = 5 * 60000,
    .kb = "inverter-fault",
    .parse = fault_parse,
    .sample = fault_sample,
    .free = fault_free,
};
