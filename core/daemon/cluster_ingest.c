/* SPDX-License-Identifier: MIT */
/*
 * cluster_ingest.c - a cluster worker's MQTT ingest: one link per slot.
 *
 * DESIGN
 * A slot's stream moves from worker to worker with its MQTT session: the
 * client id is the slot's, the session persistent (clean session off), so
 * while nobody owns the slot the broker queues its messages (QoS 1, up to
 * max_queued_messages) and the next owner, connecting with that id,
 * receives them in order. Shared subscriptions do not fit (DESIGN.md).
 * A link that leaves disconnects before the engine stops running the
 * slot's sites, so every message it took is in the inbox ahead of the
 * switch; a link that arrives connects once the engine runs them, so
 * every message it gives maps to a device the engine knows.
 */
#define PVS_LOG_MODULE "cluster"
#include <pthread.h>
#include <string.h>

#include "pvs/cluster.h"
#include "pvs/log.h"
#include "pvs/mqtt.h"

struct pvs_slot_links {
    struct pvs_cluster *c;
    int n;
    pthread_mutex_t lock;   /* links, for healthy (engine thread) */
    struct pvs_mqtt **link; /* [slot] */
    bool *paused;           /* [slot] */
    char **sites;           /* [slot]: the sites its link subscribed to */
};

struct pvs_slot_links *pvs_slot_links_new(struct pvs_cluster *c) {
    struct pvs_slot_links *l = pvs_calloc(1, sizeof(*l));

    l->c = c;
    l->n = pvs_cluster_slots(c);
    pthread_mutex_init(&l->lock, NULL);
    l->link = pvs_calloc((size_t)l->n + 1, sizeof(*l->link));
    l->paused = pvs_calloc((size_t)l->n + 1, sizeof(*l->paused));
    l->sites = pvs_calloc((size_t)l->n + 1, sizeof(*l->sites));
    return l;
}

static void join_site(void *ud, const char *site) {
    struct pvs_buf *b = ud;

    pvs_buf_printf(b, "%s\n", site);
}

/* Whether slot s's link subscribed to the sites the view gives it. */
static bool same_sites(struct pvs_slot_links *l, int s) {
    struct pvs_buf b;
    bool same;

    pvs_buf_init(&b, 1 << 20);
    pvs_cluster_view_sites(l->c, s, join_site, &b);
    same = !strcmp(b.data ? b.data : "", l->sites[s] ? l->sites[s] : "");
    pvs_buf_release(&b);
    return same;
}

void pvs_slot_links_before(struct pvs_slot_links *l) {
    /* Paho runs every client's callbacks on one thread: the links that
     * leave disconnect first, while no callback waits for a paused link. */
    for (int s = 0; s < l->n; s++) {
        struct pvs_mqtt *m = l->link[s];

        /* A site moved in or out: the link subscribes again. */
        if (!m || (pvs_cluster_view_has(l->c, s) && same_sites(l, s)))
            continue;
        pthread_mutex_lock(&l->lock);
        l->link[s] = NULL;
        pthread_mutex_unlock(&l->lock);
        /* l->sites[s] stays: what the session keeps (forget_moved). */
        pvs_mqtt_free(m);
        pvs_info("slot %d: disconnected its MQTT session", s);
    }
    for (int s = 0; s < l->n; s++) {
        if (!l->link[s])
            continue;
        pvs_mqtt_pause(l->link[s]);
        l->paused[s] = true;
    }
}

struct topics {
    char **v;
    size_t n;
};

static void add_site(void *ud, const char *site) {
    struct topics *t = ud;

    t->v = pvs_realloc(t->v, (t->n + 1) * sizeof(*t->v));
    t->v[t->n++] = pvs_asprintf("pvsentry/%s/#", site);
}

/*
 * The sites slot s's link had in this process and the view no longer
 * gives it (moved to another slot): its session forgets their filters.
 * (A site that moved while another worker ran the slot keeps its filter
 * in the session; its messages then reach this link too and are counted
 * as unknown devices.)
 */
static void forget_moved(struct pvs_slot_links *l, int s, struct pvs_mqtt *m) {
    struct pvs_buf now;
    const char *p = l->sites[s];

    if (!p)
        return;
    pvs_buf_init(&now, 1 << 20);
    pvs_buf_puts(&now, "\n");
    pvs_cluster_view_sites(l->c, s, join_site, &now);
    while (*p) {
        size_t n = strcspn(p, "\n");
        char *site = pvs_strndup(p, n);
        char *line = pvs_asprintf("\n%s\n", site);
        char *topic = pvs_asprintf("pvsentry/%s/#", site);

        if (!strstr(now.data, line)) {
            pvs_mqtt_forget(m, (const char *const *)&topic, 1);
            pvs_info("slot %d: its session forgets site '%s'", s, site);
        }
        pvs_free(topic);
        pvs_free(line);
        pvs_free(site);
        p += n + (p[n] ? 1 : 0);
    }
    pvs_buf_release(&now);
}

/* Connect slot s's link for cfg. */
static void connect_slot(struct pvs_slot_links *l, int s,
                         const struct pvs_config *cfg,
                         struct pvs_queue *inbox) {
    struct topics t = {NULL, 0};
    struct pvs_mqtt *m = NULL;
    struct pvs_buf names;
    char *id;

    pvs_cluster_view_sites(l->c, s, add_site, &t);
    id = pvs_asprintf("%s-slot-%d", cfg->mqtt->client_id, s);
    if (!t.n) {
        /* A slot without sites yet: its session waits for a site. */
        pvs_free(id);
        return;
    }
    if (pvs_mqtt_new_slot(cfg, inbox, id, (const char *const *)t.v, t.n, &m))
        m = NULL;
    else
        forget_moved(l, s, m);
    if (!m || pvs_mqtt_start(m)) {
        pvs_error("slot %d: cannot start its MQTT link '%s'", s, id);
        pvs_mqtt_free(m);
        m = NULL;
    } else {
        pvs_info("slot %d: connecting as '%s' for %zu sites", s, id, t.n);
    }
    pthread_mutex_lock(&l->lock);
    l->link[s] = m;
    pthread_mutex_unlock(&l->lock);
    pvs_buf_init(&names, 1 << 20);
    pvs_cluster_view_sites(l->c, s, join_site, &names);
    pvs_free(l->sites[s]);
    if (m)
        l->sites[s] = pvs_strdup(names.data ? names.data : "");
    else
        l->sites[s] = NULL;
    pvs_buf_release(&names);
    for (size_t i = 0; i < t.n; i++)
        pvs_free(t.v[i]);
    pvs_free(t.v);
    pvs_free(id);
}

void pvs_slot_links_after(struct pvs_slot_links *l,
                          const struct pvs_config *cfg,
                          struct pvs_queue *inbox) {
    for (int s = 0; s < l->n; s++) {
        if (l->paused[s]) {
            pvs_mqtt_resume(l->link[s], cfg);
            l->paused[s] = false;
        }
    }
    if (!cfg || !cfg->mqtt)
        return;
    for (int s = 0; s < l->n; s++)
        if (!l->link[s] && pvs_cluster_view_has(l->c, s))
            connect_slot(l, s, cfg, inbox);
}

bool pvs_slot_links_healthy(void *arg) {
    struct pvs_slot_links *l = arg;
    bool ok = true;

    pthread_mutex_lock(&l->lock);
    for (int s = 0; s < l->n && ok; s++)
        ok = !l->link[s] || pvs_mqtt_healthy(l->link[s]);
    pthread_mutex_unlock(&l->lock);
    return ok;
}

void pvs_slot_links_stop(struct pvs_slot_links *l) {
    for (int s = 0; l && s < l->n; s++) {
        struct pvs_mqtt *m;

        /* The engine may be asking healthy meanwhile. */
        pthread_mutex_lock(&l->lock);
        m = l->link[s];
        l->link[s] = NULL;
        pthread_mutex_unlock(&l->lock);
        pvs_mqtt_free(m);
    }
}

void pvs_slot_links_free(struct pvs_slot_links *l) {
    if (!l)
        return;
    pvs_slot_links_stop(l);
    for (int s = 0; s < l->n; s++)
        pvs_free(l->sites[s]);
    pvs_free(l->sites);
    pvs_free(l->link);
    pvs_free(l->paused);
    pthread_mutex_destroy(&l->lock);
    pvs_free(l);
}
