/* SPDX-License-Identifier: MIT */
/*
 * alert.c - names of severities and alert states, and the rule family ids
 * (alert.h).
 */
#include <string.h>

#include "pvs/alert.h"
#include "pvs/util.h"

/* DESIGN.md "Rules": the families and their ids. */
static const char *const families[] = {
    "fault_code", "threshold",   "communication", "underperformance",
    "peer",       "frozen",      "trend",         "flapping",
    "snow",       "mass_outage", "data_quality",
};

const char *pvs_severity_name(enum pvs_severity s) {
    switch (s) {
    case PVS_SEV_INFO:
        return "info";
    case PVS_SEV_WARNING:
        return "warning";
    case PVS_SEV_CRITICAL:
        return "critical";
    }
    return "unknown";
}

int pvs_severity_parse(const char *s) {
    for (int i = PVS_SEV_INFO; i <= PVS_SEV_CRITICAL; i++)
        if (!pvs_strcasecmp(s, pvs_severity_name((enum pvs_severity)i)))
            return i;
    return -1;
}

const char *pvs_alert_state_name(enum pvs_alert_state s) {
    switch (s) {
    case PVS_ALERT_PENDING:
        return "pending";
    case PVS_ALERT_FIRING:
        return "firing";
    case PVS_ALERT_RESOLVED:
        return "resolved";
    case PVS_ALERT_UPDATE:
        return "update";
    }
    return "unknown";
}

bool pvs_alert_family_is_cause(const char *family) {
    return !strcmp(family, "fault_code") || !strcmp(family, "communication");
}

bool pvs_alert_family_known(const char *name) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(families); i++)
        if (!strcmp(families[i], name))
            return true;
    return false;
}
