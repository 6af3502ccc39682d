/* SPDX-License-Identifier: MIT */
/*
 * views.c - the API's JSON built from the store's typed rows: the field
 * names are the API's, chosen here, not column aliases of a query.
 */
#include <math.h>

#include "web_int.h"

/* A JSON writer over a capped buffer; the first failure sticks. */
struct view {
    struct pvs_buf *b;
    enum pvs_err rc;
    bool first_row, first_key;
};

static void put(struct view *v, const char *s) {
    if (!v->rc)
        v->rc = pvs_buf_puts(v->b, s);
}

static void key(struct view *v, const char *k) {
    put(v, v->first_key ? "\"" : ", \"");
    put(v, k);
    put(v, "\": ");
    v->first_key = false;
}

static void str(struct view *v, const char *k, const char *s) {
    key(v, k);
    if (!v->rc)
        v->rc = s ? pvs_buf_json_str(v->b, s) : pvs_buf_puts(v->b, "null");
}

static void num(struct view *v, const char *k, double d) {
    key(v, k);
    if (!v->rc)
        v->rc = isfinite(d) ? pvs_buf_printf(v->b, "%.10g", d)
                            : pvs_buf_puts(v->b, "null");
}

static void integer(struct view *v, const char *k, int64_t i) {
    key(v, k);
    if (!v->rc)
        v->rc = pvs_buf_printf(v->b, "%lld", (long long)i);
}

static void row_start(struct view *v) {
    put(v, v->first_row ? "{" : ", {");
    v->first_row = false;
    v->first_key = true;
}

static void alert_row(void *ud, const struct pvs_alert_row *a) {
    struct view *v = ud;

    row_start(v);
    integer(v, "id", a->id);
    str(v, "fingerprint", a->fingerprint);
    str(v, "rule", a->rule);
    str(v, "family", a->family);
    str(v, "site", a->site);
    str(v, "device", a->device);
    str(v, "subject", a->subject);
    str(v, "severity", a->severity);
    integer(v, "started_ms", a->started_ms);
    integer(v, "ts_ms", a->ts_ms);
    num(v, "measured", a->measured);
    num(v, "expected", a->expected);
    num(v, "lost_kwh", a->lost_kwh);
    num(v, "lost_kwh_per_day", a->lost_kwh_per_day);
    str(v, "evidence", a->evidence);
    str(v, "explanation", a->explanation);
    str(v, "kb", a->kb);
    integer(v, "silenced", a->silenced);
    put(v, "}");
}

enum pvs_err pvs_view_alerts_json(struct pvs_store *st,
                                  const struct pvs_scope *scope,
                                  struct pvs_buf *out) {
    struct view v = {out, PVS_OK, true, true};
    enum pvs_err rc;

    put(&v, "[");
    rc = pvs_store_web_alerts(st, scope, alert_row, &v);
    put(&v, "]");
    return rc ? rc : v.rc;
}
