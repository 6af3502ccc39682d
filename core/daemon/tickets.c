/* SPDX-License-Identifier: MIT */
/*
 * tickets.c - what `pvsentry tickets` prints: the store's ticket rows
 * (pvs_store_tickets_list) as JSON (--json) or as a table for people.
 * Times are in the site's zone with its offset, as the mails give them.
 *
 * DESIGN
 * The store hands a ticket, then its events, then its messages; the JSON
 * is written as they come (a ticket's object is closed when the next one
 * starts or the list ends). The table needs a ticket's message counts on
 * its line: the line is kept until its messages are in. Nothing is
 * printed unless the whole list was read.
 */
#include <math.h>
#include <string.h>

#include "pvs/cli.h"
#include "pvs/store_views.h"
#include "pvs/tz.h"

struct listing {
    struct pvs_buf *out; /* what is printed once the list is whole */
    bool json;           /* JSON, else the table */
    struct pvs_tz *tz;   /* the current ticket's site zone, NULL = UTC */
    size_t n;            /* tickets so far */
    bool any_event;      /* the current ticket's timeline has started */
    bool in_messages;    /* the current ticket's messages have started */
    char line[512];      /* the table's current ticket, without counts */
    int sent, waiting, dead;
};

/* ISO 8601 in the site's zone with its offset (+00:00 without a zone). */
static void fmt_iso_local(int64_t ms, const struct pvs_tz *tz, char *buf,
                          size_t size) {
    struct pvs_tm tm;
    int32_t off;

    if (!tz) {
        size_t n;
        pvs_fmt_iso_utc(ms, buf, size);
        n = strlen(buf);
        if (n && buf[n - 1] == 'Z')
            pvs_snprintf(buf + n - 1, size - n + 1, "+00:00");
        return;
    }
    pvs_tz_local(tz, ms, &tm);
    off = tm.utoff;
    pvs_snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", tm.year,
                 tm.mon, tm.mday, tm.hour, tm.min, tm.sec, off < 0 ? '-' : '+',
                 (off < 0 ? -off : off) / 3600,
                 (off < 0 ? -off : off) / 60 % 60);
}

/* The zone of the ticket's site follows it down the list. */
static void zone_follow(struct listing *l, const char *zone) {
    if (zone && l->tz && !strcmp(pvs_tz_name(l->tz), zone))
        return;
    pvs_tz_free(l->tz);
    l->tz = NULL;
    if (zone && pvs_tz_load(zone, &l->tz))
        l->tz = NULL;
}

static void kv_str(struct pvs_buf *b, const char *k, const char *v) {
    pvs_buf_printf(b, ", \"%s\": ", k);
    if (v)
        pvs_buf_json_str(b, v);
    else
        pvs_buf_puts(b, "null");
}

static void kv_time(struct listing *l, const char *k, int64_t ms) {
    char iso[40];

    if (ms == PVS_ROW_NO_MS) {
        pvs_buf_printf(l->out, ", \"%s\": null", k);
        return;
    }
    fmt_iso_local(ms, l->tz, iso, sizeof(iso));
    pvs_buf_printf(l->out, ", \"%s\": \"%s\"", k, iso);
}

/* Close the current ticket: its JSON object, or its table line. */
static void ticket_end(struct listing *l) {
    char counts[64];

    if (!l->n)
        return;
    if (l->json) {
        pvs_buf_puts(l->out, l->in_messages ? "]}" : "], \"messages\": []}");
        return;
    }
    /* Dead letters must stand out: someone was not told. */
    pvs_snprintf(counts, sizeof(counts), "%d sent%s", l->sent,
                 l->waiting ? ", some waiting" : "");
    if (l->dead)
        pvs_snprintf(counts + strlen(counts), sizeof(counts) - strlen(counts),
                     ", %d DEAD LETTER%s", l->dead, l->dead > 1 ? "S" : "");
    pvs_buf_printf(l->out, "%s %s\n", l->line, counts);
}

static const char *dash(const char *s) {
    return s ? s : "-";
}

static void on_ticket(void *ud, const struct pvs_ticket_row *t) {
    struct listing *l = ud;
    char opened[40] = "-";

    ticket_end(l);
    l->n++;
    l->any_event = l->in_messages = false;
    l->sent = l->waiting = l->dead = 0;
    zone_follow(l, t->site_timezone);
    if (!l->json) {
        if (t->opened_ms != PVS_ROW_NO_MS)
            fmt_iso_local(t->opened_ms, l->tz, opened, sizeof(opened));
        pvs_snprintf(l->line, sizeof(l->line),
                     "%-5lld %-12s %-12s %-12s %-14s %-25s %-12s %-18s",
                     (long long)t->id, dash(t->status), dash(t->site),
                     dash(t->device), dash(t->rule), opened, dash(t->assignee),
                     dash(t->last_event));
        return;
    }
    pvs_buf_printf(l->out, "%s\n  {\"id\": %lld", l->n > 1 ? "," : "",
                   (long long)t->id);
    kv_str(l->out, "fingerprint", t->fingerprint);
    kv_str(l->out, "status", t->status);
    kv_str(l->out, "site", t->site);
    kv_str(l->out, "device", t->device);
    kv_str(l->out, "rule", t->rule);
    kv_str(l->out, "family", t->family);
    kv_str(l->out, "subject", t->subject);
    kv_str(l->out, "severity", t->severity);
    kv_str(l->out, "title", t->title);
    kv_str(l->out, "assignee", t->assignee);
    kv_time(l, "opened", t->opened_ms);
    kv_time(l, "updated", t->updated_ms);
    kv_time(l, "resolved", t->resolved_ms);
    pvs_buf_printf(l->out, ", \"lost_kwh\": %.3f",
                   isnan(t->lost_kwh) ? 0.0 : t->lost_kwh);
    kv_str(l->out, "last_event", t->last_event);
    pvs_buf_puts(l->out, ", \"events\": [");
}

static void on_event(void *ud, const struct pvs_event_row *e) {
    struct listing *l = ud;
    char iso[40];

    if (!l->json)
        return;
    pvs_buf_puts(l->out, l->any_event ? ", {" : "{");
    l->any_event = true;
    if (e->ts_ms == PVS_ROW_NO_MS) {
        pvs_buf_puts(l->out, "\"ts\": null");
    } else {
        fmt_iso_local(e->ts_ms, l->tz, iso, sizeof(iso));
        pvs_buf_printf(l->out, "\"ts\": \"%s\"", iso);
    }
    kv_str(l->out, "kind", e->kind);
    kv_str(l->out, "actor", e->actor);
    kv_str(l->out, "text", e->text);
    pvs_buf_puts(l->out, "}");
}

static void on_message(void *ud, const struct pvs_message_row *m) {
    struct listing *l = ud;
    const char *st = m->status ? m->status : "-";

    if (!l->json) {
        if (!strcmp(st, "sent"))
            l->sent++;
        else if (!strcmp(st, "dead"))
            l->dead++;
        else if (strcmp(st, "suppressed"))
            l->waiting++;
        return;
    }
    pvs_buf_printf(l->out, "%s{\"id\": %lld",
                   l->in_messages ? ", " : "], \"messages\": [",
                   (long long)m->id);
    l->in_messages = true;
    kv_str(l->out, "audience", m->audience);
    kv_str(l->out, "kind", m->kind);
    kv_str(l->out, "recipient", m->recipient);
    kv_str(l->out, "message_id", m->message_id);
    kv_str(l->out, "status", m->status);
    pvs_buf_printf(l->out, ", \"attempts\": %lld}", (long long)m->attempts);
}

enum pvs_err pvs_tickets_print(struct pvs_store *st, size_t limit, bool json,
                               FILE *f) {
    static const struct pvs_ticket_list_fns fns = {
        .ticket = on_ticket,
        .event = on_event,
        .message = on_message,
    };
    struct listing l;
    struct pvs_buf out;
    enum pvs_err rc;

    memset(&l, 0, sizeof(l));
    pvs_buf_init(&out, (size_t)1 << 30);
    l.out = &out;
    l.json = json;
    if (json)
        pvs_buf_puts(&out, "[");
    else
        pvs_buf_printf(&out,
                       "%-5s %-12s %-12s %-12s %-14s %-25s %-12s %-18s %s\n",
                       "ID", "STATUS", "SITE", "DEVICE", "RULE", "OPENED",
                       "ASSIGNEE", "LAST EVENT", "MESSAGES");
    rc = pvs_store_tickets_list(st, limit, &fns, &l);
    if (!rc) {
        ticket_end(&l);
        if (json)
            pvs_buf_puts(&out, l.n ? "\n]\n" : "]\n");
        fputs(out.data, f);
    }
    pvs_tz_free(l.tz);
    pvs_buf_release(&out);
    return rc;
}
