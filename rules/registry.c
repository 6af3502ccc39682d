/* SPDX-License-Identifier: MIT */
/*
 * registry.c - every rule family, in evaluation order. Adding a family is
 * one file under rules/ and one line here.
 */
#include "pvs/rules.h"

extern const struct pvs_rule_type pvs_rule_threshold;
extern const struct pvs_rule_type pvs_rule_fault_code;
extern const struct pvs_rule_type pvs_rule_communication;
extern const struct pvs_rule_type pvs_rule_underperformance;
extern const struct pvs_rule_type pvs_rule_snow;
extern const struct pvs_rule_type pvs_rule_frozen;
extern const struct pvs_rule_type pvs_rule_data_quality;
extern const struct pvs_rule_type pvs_rule_peer;
extern const struct pvs_rule_type pvs_rule_trend;
extern const struct pvs_rule_type pvs_rule_flapping;
extern const struct pvs_rule_type pvs_rule_mass_outage;

const struct pvs_rule_type *const pvs_rule_types[] = {
    &pvs_rule_fault_code,       &pvs_rule_threshold,   &pvs_rule_communication,
    &pvs_rule_underperformance, &pvs_rule_snow,        &pvs_rule_frozen,
    &pvs_rule_data_quality,     &pvs_rule_peer,        &pvs_rule_trend,
    &pvs_rule_flapping,         &pvs_rule_mass_outage, NULL,
};
