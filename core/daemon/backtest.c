/* SPDX-License-Identifier: MIT */
/*
 * backtest.c - `pvsentry backtest`: replay a CSV file through the rule set
 * the daemon runs (pvs_ruleset_*), and print every alert.
 *
 * DESIGN
 * The command only turns rows into samples and time into ticks; every
 * decision is made by the rule families behind pvs_ruleset_sample and
 * pvs_ruleset_tick, so what a backtest shows is what the daemon would
 * have done. Missing data stays missing (empty cells, NaN, sentinel
 * values): a gap in the file is a gap in the samples, and time still
 * advances through it in tick steps, exactly as the engine's timer does.
 *
 * Rows must come in time order; a row older than the one before it is
 * reported with its line number and skipped (rules never rewind).
 */
#define PVS_LOG_MODULE "backtest"
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pvs/cli.h"
#include "pvs/config.h"
#include "pvs/metrics.h"
#include "pvs/rules.h"
#include "pvs/template.h"
#include "pvs/tz.h"

#define MAX_COLS 256
#define MAX_MAPS 64
#define MAX_FILTERS 8
#define MAX_MESSAGES 20
#define MAX_LINE_LEN (1 << 20)

struct map {
    uint32_t dev;
    enum pvs_metric metric;
    unsigned idx;
    char *column; /* column name, or series name with --long */
    double factor;
    int col; /* resolved column index (-1 = series) */
};

struct filter {
    char *column;
    char *value;
    int col;
};

struct record {
    char fp[PVS_FP_MAX];
    const char *family;
    const char *device;
    enum pvs_severity severity;
    int64_t opened, resolved; /* resolved 0 = still firing */
    double lost_kwh, lost_kwh_per_day;
    char explanation[PVS_EXPLAIN_MAX];
    char evidence[PVS_EVIDENCE_MAX];
    bool silenced;
};

struct bt {
    struct pvs_config *cfg;
    struct pvs_tz *tz;     /* naive timestamps */
    struct pvs_tz *out_tz; /* output offsets: the site's zone */
    struct map maps[MAX_MAPS];
    size_t nmaps;
    struct filter filters[MAX_FILTERS];
    size_t nfilters;
    const char *time_col;
    int tcol;
    int series_col, value_col;
    const char *long_spec;
    double sentinel;
    bool json;
    int64_t tick_ms;
    struct record *recs;
    size_t nrecs, arecs;
    size_t messages;
    const char *csv;
};

/* ---- alerts ---- */

static void on_alert(void *ud, const struct pvs_alert_event *ev) {
    struct bt *bt = ud;
    struct record *r = NULL;

    if (ev->state != PVS_ALERT_FIRING) {
        for (size_t i = bt->nrecs; i-- > 0;) {
            if (!bt->recs[i].resolved &&
                !strcmp(bt->recs[i].fp, ev->fingerprint)) {
                r = &bt->recs[i];
                break;
            }
        }
        if (!r)
            return;
        /* The one energy figure: what the alert lost, and per day the
         * last figure it gave while it fired. */
        r->lost_kwh = ev->lost_kwh;
        if (ev->state == PVS_ALERT_UPDATE) {
            r->lost_kwh_per_day = ev->lost_kwh_per_day;
            r->severity = ev->severity;
            return;
        }
        r->resolved = ev->ts_ms;
        return;
    }
    if (bt->nrecs == bt->arecs) {
        bt->arecs = bt->arecs ? bt->arecs * 2 : 64;
        bt->recs = pvs_realloc(bt->recs, bt->arecs * sizeof(*bt->recs));
    }
    r = &bt->recs[bt->nrecs++];
    memset(r, 0, sizeof(*r));
    pvs_strlcpy(r->fp, ev->fingerprint, sizeof(r->fp));
    r->family = ev->family;
    r->device = ev->device ? ev->device->obj.id : NULL;
    r->severity = ev->severity;
    r->opened = ev->ts_ms;
    r->lost_kwh = ev->lost_kwh;
    r->lost_kwh_per_day = ev->lost_kwh_per_day;
    r->silenced = ev->silenced;
    /* The rules write keys and values; people read English here. */
    pvs_template_evidence("en", ev->explanation, r->explanation,
                          sizeof(r->explanation));
    pvs_template_evidence("en", ev->evidence, r->evidence, sizeof(r->evidence));
}

static void fmt_local(const struct pvs_tz *tz, int64_t ms, char *buf,
                      size_t size) {
    struct pvs_tm tm;
    int off;

    pvs_tz_local(tz, ms, &tm);
    off = tm.utoff / 60;
    pvs_snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", tm.year,
                 tm.mon, tm.mday, tm.hour, tm.min, tm.sec, off < 0 ? '-' : '+',
                 abs(off) / 60, abs(off) % 60);
}

static void print_records(struct bt *bt) {
    struct pvs_buf b;
    char t1[40], t2[40];

    pvs_buf_init(&b, 1 << 16);
    for (size_t i = 0; i < bt->nrecs; i++) {
        const struct record *r = &bt->recs[i];

        pvs_buf_reset(&b);
        fmt_local(bt->out_tz, r->opened, t1, sizeof(t1));
        if (r->resolved)
            fmt_local(bt->out_tz, r->resolved, t2, sizeof(t2));
        if (!bt->json) {
            printf("%s  %-8s %-16s %s -> %s  %.2f kWh  %s\n", t1,
                   pvs_severity_name(r->severity), r->family, r->fp,
                   r->resolved ? t2 : "open", r->lost_kwh, r->evidence);
            continue;
        }
        pvs_buf_puts(&b, "{\"fingerprint\": ");
        pvs_buf_json_str(&b, r->fp);
        pvs_buf_puts(&b, ", \"rule\": ");
        pvs_buf_json_str(&b, r->family);
        pvs_buf_puts(&b, ", \"device\": ");
        if (r->device)
            pvs_buf_json_str(&b, r->device);
        else
            pvs_buf_puts(&b, "null");
        pvs_buf_printf(&b, ", \"severity\": \"%s\", \"opened\": \"%s\"",
                       pvs_severity_name(r->severity), t1);
        if (r->resolved)
            pvs_buf_printf(&b, ", \"resolved\": \"%s\"", t2);
        else
            pvs_buf_puts(&b, ", \"resolved\": null");
        pvs_buf_printf(&b, ", \"lost_kwh\": %.3f, \"lost_kwh_per_day\": %.3f",
                       r->lost_kwh, r->lost_kwh_per_day);
        pvs_buf_printf(&b, ", \"silenced\": %s",
                       r->silenced ? "true" : "false");
        pvs_buf_puts(&b, ", \"evidence\": ");
        pvs_buf_json_str(&b, r->evidence);
        pvs_buf_puts(&b, ", \"explanation\": ");
        pvs_buf_json_str(&b, r->explanation);
        pvs_buf_puts(&b, "}");
        puts(b.data);
    }
    pvs_buf_release(&b);
}

/* ---- CSV ---- */

/* Split line in place into fields (RFC 4180 quotes); returns the count. */
static size_t split_csv(char *line, char **fields, size_t max) {
    size_t n = 0;
    char *p = line;

    for (;;) {
        char *w = p;

        if (n == max)
            break;
        fields[n++] = p;
        if (*p == '"') {
            char *r = p + 1;
            fields[n - 1] = w;
            while (*r) {
                if (*r == '"' && r[1] == '"') {
                    *w++ = '"';
                    r += 2;
                } else if (*r == '"') {
                    r++;
                    break;
                } else {
                    *w++ = *r++;
                }
            }
            while (*r && *r != ',')
                r++;
            if (*r == ',') {
                *w = '\0';
                p = r + 1;
                continue;
            }
            *w = '\0';
            break;
        }
        while (*p && *p != ',')
            p++;
        if (*p != ',')
            break;
        *p++ = '\0';
    }
    return n;
}

static void chomp(char *s) {
    size_t n = strlen(s);

    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

/* ---- timestamps ---- */

static const char *digits(const char *p, int maxn, int *ret) {
    int v = 0, n = 0;

    while (n < maxn && isdigit((unsigned char)*p)) {
        v = v * 10 + (*p++ - '0');
        n++;
    }
    if (!n)
        return NULL;
    *ret = v;
    return p;
}

/*
 * ISO 8601 ("2016-07-01 00:00:00-07:00", "...T...Z", date only), US
 * "M/D/YYYY H:MM[:SS]" and epoch seconds. Naive times are in tz.
 */
static bool parse_time(const char *s, const struct pvs_tz *tz, int64_t *ret) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    double frac = 0;
    const char *p = s;
    bool has_off = false;
    int off = 0;

    while (isspace((unsigned char)*p))
        p++;
    if (!*p)
        return false;
    if (!strchr(p, '-') && !strchr(p, '/') && !strchr(p, ':')) {
        double v;
        if (pvs_parse_double(p, &v))
            return false;
        *ret = (int64_t)(v > 1e11 ? v : v * 1000.0);
        return true;
    }
    if (strchr(p, '/')) {
        if (!(p = digits(p, 2, &mo)) || *p++ != '/' ||
            !(p = digits(p, 2, &d)) || *p++ != '/' || !(p = digits(p, 4, &y)))
            return false;
        if (y < 100)
            y += 2000;
    } else {
        if (!(p = digits(p, 4, &y)) || *p++ != '-' ||
            !(p = digits(p, 2, &mo)) || *p++ != '-' || !(p = digits(p, 2, &d)))
            return false;
    }
    if (*p == 'T' || *p == ' ') {
        p++;
        while (*p == ' ')
            p++;
        if (!(p = digits(p, 2, &h)) || *p++ != ':' || !(p = digits(p, 2, &mi)))
            return false;
        if (*p == ':') {
            if (!(p = digits(p + 1, 2, &se)))
                return false;
            if (*p == '.' || *p == ',') {
                double scale = 0.1;
                p++;
                while (isdigit((unsigned char)*p)) {
                    frac += (*p++ - '0') * scale;
                    scale /= 10;
                }
            }
        }
    }
    while (*p == ' ')
        p++;
    if (*p == 'Z') {
        has_off = true;
        p++;
    } else if (*p == '+' || *p == '-') {
        int oh = 0, om = 0, sign = *p == '-' ? -1 : 1;
        if (!(p = digits(p + 1, 2, &oh)))
            return false;
        if (*p == ':')
            p++;
        if (isdigit((unsigned char)*p) && !(p = digits(p, 2, &om)))
            return false;
        off = sign * (oh * 60 + om);
        has_off = true;
    }
    while (isspace((unsigned char)*p))
        p++;
    if (*p || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 ||
        se > 60)
        return false;
    if (has_off)
        *ret = (pvs_tz_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 +
                se - off * 60) *
                   1000 +
               (int64_t)(frac * 1000);
    else
        *ret = pvs_tz_from_local(tz, y, mo, d, h, mi, se + frac);
    return true;
}

/* ---- arguments ---- */

static void usage(FILE *f) {
    fprintf(f,
            "usage: pvsentry backtest -c SITE.conf --csv FILE\n"
            "         [--map [DEVICE.]METRIC=COLUMN[*FACTOR] ...] "
            "[--device ID]\n"
            "         [--time-column NAME] [--tz OFFSET_OR_IANA_NAME]\n"
            "         [--filter COLUMN=VALUE] [--long SERIES_COL,VALUE_COL]\n"
            "         [--sentinel VALUE] [--tick DURATION] [--json]\n");
}

static int parse_map(struct bt *bt, const char *spec, const char *defdev) {
    char *s = pvs_strdup(spec), *eq, *star, *dot, *name;
    const struct pvs_device *dev;
    struct map *m;
    int rc = -1;

    eq = strchr(s, '=');
    if (!eq || bt->nmaps == MAX_MAPS) {
        fprintf(stderr,
                "backtest: bad --map '%s': expected "
                "[DEVICE.]METRIC=COLUMN[*FACTOR]\n",
                spec);
        goto out;
    }
    *eq = '\0';
    m = &bt->maps[bt->nmaps];
    m->factor = 1.0;
    star = strrchr(eq + 1, '*');
    if (star) {
        *star = '\0';
        if (pvs_parse_double(star + 1, &m->factor)) {
            fprintf(stderr, "backtest: bad factor in --map '%s'\n", spec);
            goto out;
        }
    }
    name = s;
    dot = strchr(s, '.');
    dev = NULL;
    if (dot) {
        *dot = '\0';
        dev = pvs_config_device(bt->cfg, s);
        name = dot + 1;
        if (!dev) {
            fprintf(stderr,
                    "backtest: --map '%s': device '%s' is not in the "
                    "config\n",
                    spec, s);
            goto out;
        }
    } else {
        dev = pvs_config_device(bt->cfg, defdev);
    }
    if (!dev) {
        fprintf(stderr, "backtest: no device '%s' in the config\n", defdev);
        goto out;
    }
    if (pvs_metric_parse(name, &m->metric, &m->idx)) {
        fprintf(stderr, "backtest: --map '%s': unknown metric '%s'\n", spec,
                name);
        goto out;
    }
    m->dev = (uint32_t)dev->index;
    m->column = pvs_strdup(eq + 1);
    m->col = -1;
    bt->nmaps++;
    rc = 0;
out:
    pvs_free(s);
    return rc;
}

static int parse_filter(struct bt *bt, const char *spec) {
    const char *eq = strchr(spec, '=');
    struct filter *f;

    if (!eq || bt->nfilters == MAX_FILTERS) {
        fprintf(stderr, "backtest: bad --filter '%s': expected COLUMN=VALUE\n",
                spec);
        return -1;
    }
    f = &bt->filters[bt->nfilters++];
    f->column = pvs_strndup(spec, (size_t)(eq - spec));
    f->value = pvs_strdup(eq + 1);
    f->col = -1;
    return 0;
}

static int find_col(char **hdr, size_t n, const char *name) {
    for (size_t i = 0; i < n; i++)
        if (!strcmp(hdr[i], name))
            return (int)i;
    for (size_t i = 0; i < n; i++)
        if (!pvs_strcasecmp(hdr[i], name))
            return (int)i;
    return -1;
}

static void row_error(struct bt *bt, size_t line, const char *what,
                      const char *text) {
    if (++bt->messages <= MAX_MESSAGES)
        fprintf(stderr, "%s:%zu: %s '%s', row skipped\n", bt->csv, line, what,
                text);
    else if (bt->messages == MAX_MESSAGES + 1)
        fprintf(stderr, "%s: more bad rows, not shown\n", bt->csv);
}

static bool missing(const char *s, double *v, double sentinel) {
    if (!*s || !pvs_strcasecmp(s, "nan") || !pvs_strcasecmp(s, "null") ||
        !pvs_strcasecmp(s, "na"))
        return true;
    if (pvs_parse_double(s, v))
        return true;
    if (isnan(*v) || *v == sentinel)
        return true;
    return false;
}

static bool is_env(enum pvs_metric m) {
    return m == PVS_M_POA_IRRADIANCE_WM2 || m == PVS_M_GHI_WM2 ||
           m == PVS_M_AMBIENT_TEMP_C || m == PVS_M_MODULE_TEMP_C;
}

/* Samples for one row; returns how many were fed. */
static size_t feed_row(struct bt *bt, struct pvs_ruleset *rs, char **f,
                       size_t nf, int64_t ts) {
    struct pvs_sample s;
    size_t n = 0;
    double v;

    memset(&s, 0, sizeof(s));
    s.ts_ms = ts;
    /* Two passes: the conditions (irradiance, temperatures) of a row
     * first, so a row's power is judged against its own light. */
    for (size_t k = 0; k < 2 * bt->nmaps; k++) {
        const struct map *m = &bt->maps[k % bt->nmaps];
        const char *cell;

        if (is_env(m->metric) != (k < bt->nmaps))
            continue;

        if (bt->long_spec) {
            if ((size_t)bt->series_col >= nf || (size_t)bt->value_col >= nf ||
                strcmp(f[bt->series_col], m->column))
                continue;
            cell = f[bt->value_col];
        } else {
            if (m->col < 0 || (size_t)m->col >= nf)
                continue;
            cell = f[m->col];
        }
        if (missing(cell, &v, bt->sentinel))
            continue;
        s.dev = m->dev;
        s.metric = (uint16_t)m->metric;
        s.idx = (uint16_t)m->idx;
        s.value = v * m->factor;
        s.quality = PVS_Q_OK;
        pvs_ruleset_sample(rs, &s);
        n++;
    }
    return n;
}

static int resolve_columns(struct bt *bt, char **hdr, size_t nh) {
    bt->tcol = bt->time_col ? find_col(hdr, nh, bt->time_col) : 0;
    if (bt->tcol < 0) {
        fprintf(stderr, "backtest: no time column '%s' in %s\n", bt->time_col,
                bt->csv);
        return -1;
    }
    for (size_t i = 0; i < bt->nfilters; i++) {
        bt->filters[i].col = find_col(hdr, nh, bt->filters[i].column);
        if (bt->filters[i].col < 0) {
            fprintf(stderr, "backtest: no column '%s' in %s (--filter)\n",
                    bt->filters[i].column, bt->csv);
            return -1;
        }
    }
    if (bt->long_spec) {
        char *spec = pvs_strdup(bt->long_spec), *comma = strchr(spec, ',');
        int bad = !comma;
        if (comma) {
            *comma = '\0';
            bt->series_col = find_col(hdr, nh, spec);
            bt->value_col = find_col(hdr, nh, comma + 1);
            bad = bt->series_col < 0 || bt->value_col < 0;
        }
        pvs_free(spec);
        if (bad) {
            fprintf(stderr,
                    "backtest: --long '%s': expected two columns of "
                    "%s\n",
                    bt->long_spec, bt->csv);
            return -1;
        }
        return 0;
    }
    for (size_t i = 0; i < bt->nmaps; i++) {
        bt->maps[i].col = find_col(hdr, nh, bt->maps[i].column);
        if (bt->maps[i].col < 0) {
            fprintf(stderr, "backtest: no column '%s' in %s\n",
                    bt->maps[i].column, bt->csv);
            return -1;
        }
    }
    /* No --map: columns named after canonical metrics map themselves. */
    if (!bt->nmaps) {
        for (size_t i = 0; i < nh && bt->nmaps < MAX_MAPS; i++) {
            struct map *m = &bt->maps[bt->nmaps];
            if ((int)i == bt->tcol ||
                pvs_metric_parse(hdr[i], &m->metric, &m->idx))
                continue;
            m->dev = bt->maps[0].dev;
            m->column = pvs_strdup(hdr[i]);
            m->factor = 1.0;
            m->col = (int)i;
            bt->nmaps++;
        }
    }
    if (!bt->nmaps) {
        fprintf(stderr, "backtest: nothing to replay: give --map "
                        "METRIC=COLUMN\n");
        return -1;
    }
    return 0;
}

static int replay(struct bt *bt, struct pvs_ruleset *rs, FILE *in,
                  size_t *ret_rows, size_t *ret_samples) {
    char *line = NULL, *fields[MAX_COLS], *hdr[MAX_COLS], *hline = NULL;
    size_t cap = 0, nh, lineno = 1, rows = 0, samples = 0;
    ssize_t len;
    int64_t last = INT64_MIN, next_tick = 0;
    bool started = false;
    int rc = -1;

    len = getline(&hline, &cap, in);
    if (len <= 0) {
        fprintf(stderr, "backtest: %s is empty\n", bt->csv);
        goto out;
    }
    chomp(hline);
    /* A UTF-8 byte order mark is not part of the first column's name. */
    nh = split_csv(!strncmp(hline, "\xEF\xBB\xBF", 3) ? hline + 3 : hline, hdr,
                   MAX_COLS);
    if (resolve_columns(bt, hdr, nh))
        goto out;
    cap = 0;
    while ((len = getline(&line, &cap, in)) > 0) {
        size_t nf;
        int64_t ts;
        bool keep = true;

        lineno++;
        chomp(line);
        if (!*line)
            continue;
        nf = split_csv(line, fields, MAX_COLS);
        for (size_t i = 0; i < bt->nfilters && keep; i++)
            keep = (size_t)bt->filters[i].col < nf &&
                   !strcmp(fields[bt->filters[i].col], bt->filters[i].value);
        if (!keep)
            continue;
        if ((size_t)bt->tcol >= nf) {
            row_error(bt, lineno, "missing time in", line);
            continue;
        }
        if (!parse_time(fields[bt->tcol], bt->tz, &ts)) {
            row_error(bt, lineno, "bad timestamp", fields[bt->tcol]);
            continue;
        }
        if (ts < last) {
            row_error(bt, lineno, "timestamp out of order", fields[bt->tcol]);
            continue;
        }
        if (!started) {
            pvs_ruleset_start(rs, ts);
            next_tick = ts;
            started = true;
        }
        /* Time passes through gaps in tick steps, as in the daemon. */
        while (next_tick < ts) {
            pvs_ruleset_tick(rs, next_tick);
            next_tick += bt->tick_ms;
        }
        samples += feed_row(bt, rs, fields, nf, ts);
        if (ts != last)
            pvs_ruleset_tick(rs, ts);
        next_tick = ts + bt->tick_ms;
        last = ts;
        rows++;
    }
    rc = 0;
out:
    pvs_free(line);
    pvs_free(hline);
    *ret_rows = rows;
    *ret_samples = samples;
    return rc;
}

/* What the command line names beyond struct bt. */
struct bt_args {
    const char *conf, *device, *tzname;
    const char *maps[MAX_MAPS];
    size_t nmaps;
};

/*
 * Option a with its value v into bt and args. Returns -1 to go on, or the
 * exit status: 1 after a bad value, 2 for an unknown option.
 */
static int set_option(struct bt *bt, struct bt_args *args, const char *a,
                      const char *v) {
    if (!strcmp(a, "-c") || !strcmp(a, "--config")) {
        args->conf = v;
    } else if (!strcmp(a, "--csv")) {
        bt->csv = v;
    } else if (!strcmp(a, "--map")) {
        if (args->nmaps == MAX_MAPS) {
            fprintf(stderr, "backtest: too many --map\n");
            return 2;
        }
        args->maps[args->nmaps++] = v;
    } else if (!strcmp(a, "--device")) {
        args->device = v;
    } else if (!strcmp(a, "--time-column")) {
        bt->time_col = v;
    } else if (!strcmp(a, "--tz")) {
        args->tzname = v;
    } else if (!strcmp(a, "--filter")) {
        if (parse_filter(bt, v))
            return 1;
    } else if (!strcmp(a, "--long")) {
        bt->long_spec = v;
    } else if (!strcmp(a, "--sentinel")) {
        if (pvs_parse_double(v, &bt->sentinel)) {
            fprintf(stderr, "backtest: bad --sentinel '%s'\n", v);
            return 1;
        }
    } else if (!strcmp(a, "--tick")) {
        char msg[160];
        if (pvs_cfg_parse_duration(v, &bt->tick_ms, msg, sizeof(msg)) ||
            bt->tick_ms < 1000) {
            fprintf(stderr, "backtest: --tick: %s\n", msg);
            return 1;
        }
    } else {
        fprintf(stderr, "backtest: unknown option '%s'\n", a);
        usage(stderr);
        return 2;
    }
    return -1;
}

/* The command line; returns -1 to go on, or the exit status. */
static int parse_args(struct bt *bt, struct bt_args *args, int argc,
                      char **argv) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int st;

        if (!strcmp(a, "--json")) {
            bt->json = true;
            continue;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!v) {
            fprintf(stderr, "backtest: %s needs a value\n", a);
            usage(stderr);
            return 2;
        }
        st = set_option(bt, args, a, v);
        if (st >= 0)
            return st;
        i++;
    }
    if (!args->conf || !bt->csv) {
        usage(stderr);
        return 2;
    }
    return -1;
}

/*
 * The config, the device the data is replayed as, its maps and time zones
 * into bt. Returns 0, or -1 after saying why on stderr.
 */
static int load_setup(struct bt *bt, struct bt_args *args,
                      struct pvs_cfg_errors *errs) {
    const char *conf = args->conf, *device = args->device;
    const char *tzname = args->tzname, *zone;
    const struct pvs_site *site;

    if (pvs_config_load(conf, &bt->cfg, errs)) {
        pvs_cfg_errors_print(errs, stderr);
        return -1;
    }
    if (!bt->cfg->ndevices) {
        fprintf(stderr, "%s: no [device] to replay the data as\n", conf);
        return -1;
    }
    if (!device)
        device = bt->cfg->devices[0]->obj.id;
    if (!pvs_config_device(bt->cfg, device)) {
        fprintf(stderr, "backtest: no device '%s' in %s\n", device, conf);
        return -1;
    }
    bt->maps[0].dev = (uint32_t)pvs_config_device(bt->cfg, device)->index;
    for (size_t i = 0; i < args->nmaps; i++)
        if (parse_map(bt, args->maps[i], device))
            return -1;
    site = pvs_config_device(bt->cfg, device)->site;
    zone = site && site->timezone ? site->timezone : "UTC";
    if (pvs_tz_load(tzname ? tzname : zone, &bt->tz) ||
        pvs_tz_load(tzname && !site ? tzname : zone, &bt->out_tz)) {
        fprintf(stderr, "backtest: unknown time zone '%s'\n",
                tzname ? tzname : zone);
        return -1;
    }
    return 0;
}

/* The alerts, then the summary line on stderr. */
static void report(struct bt *bt, size_t rows, size_t samples,
                   const struct timespec *t0) {
    struct timespec t1;
    size_t firing = 0;

    print_records(bt);
    for (size_t i = 0; i < bt->nrecs; i++)
        firing += !bt->recs[i].resolved;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    fprintf(stderr,
            "backtest: %zu rows, %zu samples, %zu bad rows, %zu alerts "
            "(%zu open at the end) in %.3f s\n",
            rows, samples, bt->messages, bt->nrecs, firing,
            (double)(t1.tv_sec - t0->tv_sec) +
                (double)(t1.tv_nsec - t0->tv_nsec) / 1e9);
}

static void bt_release(struct bt *bt) {
    for (size_t i = 0; i < bt->nmaps; i++)
        pvs_free(bt->maps[i].column);
    for (size_t i = 0; i < bt->nfilters; i++) {
        pvs_free(bt->filters[i].column);
        pvs_free(bt->filters[i].value);
    }
    pvs_free(bt->recs);
    pvs_tz_free(bt->tz);
    pvs_tz_free(bt->out_tz);
    pvs_config_free(bt->cfg);
}

int pvs_backtest_main(int argc, char **argv) {
    struct bt bt;
    struct bt_args args;
    struct pvs_cfg_errors errs;
    struct pvs_ruleset *rs = NULL;
    size_t rows = 0, samples = 0;
    FILE *in = NULL;
    struct timespec t0;
    int status;

    memset(&bt, 0, sizeof(bt));
    memset(&args, 0, sizeof(args));
    memset(&errs, 0, sizeof(errs));
    bt.sentinel = -1000000.0;
    bt.tick_ms = 5 * 60000;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    status = parse_args(&bt, &args, argc, argv);
    if (status >= 0)
        goto out;
    status = 1;
    if (load_setup(&bt, &args, &errs))
        goto out;
    in = fopen(bt.csv, "r");
    if (!in) {
        char eb[128];
        fprintf(stderr, "backtest: cannot open '%s': %s\n", bt.csv,
                pvs_strerror(errno, eb, sizeof(eb)));
        goto out;
    }
    if (pvs_ruleset_new(bt.cfg, on_alert, &bt, &rs, &errs)) {
        pvs_cfg_errors_print(&errs, stderr);
        goto out;
    }
    if (replay(&bt, rs, in, &rows, &samples))
        goto out;
    report(&bt, rows, samples, &t0);
    status = 0;
out:
    if (in)
        fclose(in);
    pvs_ruleset_free(rs);
    bt_release(&bt);
    pvs_cfg_errors_release(&errs);
    return status;
}
