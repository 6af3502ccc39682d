/* SPDX-License-Identifier: MIT */
/*
 * view_json.h - the JSON writer of the API's views (views.c,
 * views_objects.c): members appended to a capped buffer, ", " and ": "
 * between them as the API has always written them. The first failure
 * sticks (PVS_ERR_FULL at the cap) and every later call does nothing, so
 * a view checks rc once, at its end. Included by the views only.
 */
#ifndef PVS_VIEW_JSON_H
#define PVS_VIEW_JSON_H

#include <math.h>
#include <stdbool.h>

#include "pvs/util.h"

struct view {
    struct pvs_buf *b;
    enum pvs_err rc;
    bool first_row, first_key;
};

static inline void put(struct view *v, const char *s) {
    if (!v->rc)
        v->rc = pvs_buf_puts(v->b, s);
}

static inline void key(struct view *v, const char *k) {
    put(v, v->first_key ? "\"" : ", \"");
    put(v, k);
    put(v, "\": ");
    v->first_key = false;
}

/* A string member, null for NULL. */
static inline void str(struct view *v, const char *k, const char *s) {
    key(v, k);
    if (!v->rc)
        v->rc = s ? pvs_buf_json_str(v->b, s) : pvs_buf_puts(v->b, "null");
}

/* A number member, null when not finite. */
static inline void num(struct view *v, const char *k, double d) {
    key(v, k);
    if (!v->rc)
        v->rc = isfinite(d) ? pvs_buf_printf(v->b, "%.10g", d)
                            : pvs_buf_puts(v->b, "null");
}

static inline void integer(struct view *v, const char *k, int64_t i) {
    key(v, k);
    if (!v->rc)
        v->rc = pvs_buf_printf(v->b, "%lld", (long long)i);
}

/* Open the next object of a list (or the only one). */
static inline void row_start(struct view *v) {
    put(v, v->first_row ? "{" : ", {");
    v->first_row = false;
    v->first_key = true;
}

#endif
