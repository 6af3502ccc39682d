/* SPDX-License-Identifier: MIT */
/*
 * report.c - `pvsentry report`: the service KPIs from the database, as a
 * table for people or JSON for tools. Read-only; safe while the daemon
 * runs.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pvs/cli.h"
#include "pvs/clock.h"
#include "pvs/config.h"
#include "pvs/store.h"
#include "pvs/store_flow.h"
#include "pvs/store_views.h"

static const char usage[] =
    "usage: pvsentry report -c FILE [--since DATE] [--json]\n"
    "\n"
    "Service KPIs since DATE (ISO 8601; default: everything): tickets\n"
    "opened, share detected before any customer contact, mean time to\n"
    "acknowledge, to first visit and to resolve, energy lost per ticket,\n"
    "escalations, customer notices sent and suppressed, self-resolved\n"
    "share, false alarms per rule, satisfaction (CSAT) and response rate.\n";

/* The figures by enum pvs_report_figure: JSON key, label, unit. */
static const struct {
    const char *key;
    const char *label;
    const char *unit;
} rows[PVS_REPORT__COUNT] = {
    {"tickets_opened", "tickets opened", ""},
    {"detected_before_customer_share", "detected before the customer", "%"},
    {"mean_time_to_acknowledge_h", "mean time to acknowledge", "h"},
    {"mean_time_to_first_visit_h", "mean time to first visit", "h"},
    {"mean_time_to_resolve_h", "mean time to resolve", "h"},
    {"energy_lost_per_ticket_kwh", "energy lost per ticket", "kWh"},
    {"escalations", "escalations", ""},
    {"notices_sent", "customer messages sent", ""},
    {"notices_suppressed", "customer messages suppressed", ""},
    {"notices_delayed_quiet_hours", "delayed by quiet hours", ""},
    {"self_resolved_share", "self-resolved", "%"},
    {"false_alarms", "false alarms", ""},
    {"csat_average", "satisfaction (1-5)", ""},
    {"survey_response_rate", "survey response rate", "%"},
    {"messages_dead", "messages given up (dead letter)", ""},
};

static void per_rule_json(void *ud, const char *rule, int64_t n) {
    struct pvs_buf *out = ud;

    if (out->data[out->len - 1] != '{')
        pvs_buf_puts(out, ", ");
    pvs_buf_json_str(out, rule);
    pvs_buf_printf(out, ": %lld", (long long)n);
}

enum pvs_err pvs_report_json(struct pvs_store *st, int64_t since_ms,
                             struct pvs_buf *out) {
    struct pvs_report rep;
    struct pvs_buf rules;
    enum pvs_err rc;

    pvs_buf_init(&rules, 1 << 20);
    pvs_buf_puts(&rules, "{");
    rc = pvs_store_report(st, since_ms, &rep, per_rule_json, &rules);
    if (rc)
        goto out;
    for (size_t i = 0; i < PVS_REPORT__COUNT; i++) {
        pvs_buf_printf(out, "%s\"%s\": ", i ? ", " : "{", rows[i].key);
        if (isfinite(rep.fig[i]))
            pvs_buf_printf(out, "%.6g", rep.fig[i]);
        else
            pvs_buf_puts(out, "null");
    }
    pvs_buf_printf(out, ", \"false_alarms_per_rule\": %s}}\n", rules.data);
out:
    pvs_buf_release(&rules);
    return rc;
}

/*
 * The command line into *ret_path, *ret_since and *ret_json. Returns -1 to
 * go on, or the exit status (0 after --help, 2 on a usage error).
 */
static int parse_args(int argc, char **argv, const char **ret_path,
                      const char **ret_since, bool *ret_json) {
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(argv[i], "-c") && i + 1 < argc) {
            *ret_path = argv[++i];
        } else if (!strcmp(argv[i], "--since") && i + 1 < argc) {
            *ret_since = argv[++i];
        } else if (!strcmp(argv[i], "--json")) {
            *ret_json = true;
        } else {
            fprintf(stderr, "pvsentry report: unexpected argument '%s'\n\n%s",
                    argv[i], usage);
            return 2;
        }
    }
    if (!*ret_path) {
        fprintf(stderr, "pvsentry report: missing -c FILE\n\n%s", usage);
        return 2;
    }
    return -1;
}

/* --since as a time or a bare date into *ret_ms; -1 after saying why. */
static int parse_since(const char *since, int64_t *ret_ms) {
    if (since && pvs_clock_parse_time(since, ret_ms)) {
        /* A bare date is the start of that day, UTC. */
        char full[64];
        pvs_snprintf(full, sizeof(full), "%sT00:00:00Z", since);
        if (pvs_clock_parse_time(full, ret_ms)) {
            fprintf(stderr,
                    "pvsentry report: --since expects a date such as "
                    "2024-06-01, not '%s'\n",
                    since);
            return -1;
        }
    }
    return 0;
}

/* The report's JSON as the table for people, on stdout. */
static void print_table(const char *json, const char *since) {
    cJSON *o = cJSON_Parse(json);
    const cJSON *fa =
        cJSON_GetObjectItemCaseSensitive(o, "false_alarms_per_rule");
    const cJSON *it;

    printf("pvsentry service report%s%s\n\n", since ? " since " : "",
           since ? since : "");
    for (size_t i = 0; i < PVS_ARRAY_LEN(rows); i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, rows[i].key);
        if (!cJSON_IsNumber(v)) {
            printf("  %-34s %10s\n", rows[i].label, "-");
        } else if (!strcmp(rows[i].unit, "%")) {
            printf("  %-34s %9.0f%%\n", rows[i].label, v->valuedouble * 100);
        } else {
            printf("  %-34s %10.*f %s\n", rows[i].label,
                   fmod(v->valuedouble, 1.0) == 0 ? 0 : 1, v->valuedouble,
                   rows[i].unit);
        }
    }
    printf("\n  false alarms per rule:%s\n",
           cJSON_GetArraySize(fa) ? "" : " none");
    cJSON_ArrayForEach(it, fa)
        printf("    %-30s %d\n", it->string, it->valueint);
    cJSON_Delete(o);
}

int pvs_report_main(int argc, char **argv) {
    const char *path = NULL, *since = NULL;
    bool json = false;
    int64_t since_ms = 0;
    struct pvs_config *cfg = NULL;
    struct pvs_store *st = NULL;
    struct pvs_buf out;
    int status;

    status = parse_args(argc, argv, &path, &since, &json);
    if (status >= 0)
        return status;
    if (parse_since(since, &since_ms))
        return 2;
    status = 1;
    cfg = pvs_cli_config(path, false);
    if (!cfg)
        return 1;
    pvs_buf_init(&out, 1 << 20);
    if (pvs_store_open(cfg->global.database, PVS_STORE_READONLY, &st) ||
        pvs_report_json(st, since_ms, &out))
        goto out;
    if (json)
        fputs(out.data, stdout);
    else
        print_table(out.data, since);
    status = 0;
out:
    pvs_buf_release(&out);
    pvs_store_close(st);
    pvs_config_free(cfg);
    return status;
}
