/* SPDX-License-Identifier: MIT */
/*
 * vendor.h - vendor event-code tables: what the number an inverter
 * reports as vendor_event means, how bad it is and which knowledge-base
 * article applies. The tables are data (rules/vendor/<vendor>.csv,
 * compiled into the binary): "code,name,severity,kb,description" with a
 * header line and # comments.
 *
 * Pure; a loaded table is immutable and may be shared between threads.
 */
#ifndef PVS_VENDOR_H
#define PVS_VENDOR_H

#include <stddef.h>
#include <stdint.h>
#include "pvs/rules.h"

struct pvs_vendor_code {
    int64_t code;
    char *name; /* short id: "insulation_failure" */
    enum pvs_severity severity;
    char *kb;          /* knowledge-base article id */
    char *description; /* plain words */
};

struct pvs_vendor_table {
    char *vendor; /* the file's name: "sma" */
    struct pvs_vendor_code *codes;
    size_t ncodes;
};

/*
 * The table for a device's vendor string ("SMA", "Fronius"): lowercased,
 * anything but letters and digits becomes '-'. Returns PVS_ERR_NOTFOUND
 * when no table ships for it and PVS_ERR_INVAL when the table is broken
 * (a line without five fields, a code that is no number, an unknown
 * severity); *ret is a new table owned by the caller only on success.
 */
enum pvs_err pvs_vendor_table_load(const char *vendor,
                                   struct pvs_vendor_table **ret);
void pvs_vendor_table_free(struct pvs_vendor_table *t);

/* The entry for code, or NULL. Borrowed from t. */
const struct pvs_vendor_code *
pvs_vendor_table_lookup(const struct pvs_vendor_table *t, int64_t code);

#endif
