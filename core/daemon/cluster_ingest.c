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
};

struct pvs_slot_links *pvs_slot_links_new(struct pvs_cluster *c) {
    struct pvs_slot_links *l = pvs_calloc(1, sizeof(*l));

    l->c = c;
    l->n = pvs_cluster_slots(c);
    pthread_mutex_init(&l->lock, NULL);
    l->link = pvs_calloc((size_t)l->n + 1, sizeof(*l->link));
    l->paused = pvs_calloc((size_t)l->n + 1, sizeof(*l->paused));
    return l;
}

void pvs_slot_links_before(struct pvs_slot_links *l) {
    /* Paho runs every client's callbacks on one thread: the links that
     * leave disconnect first, while no callback waits for a paused link. */
    for (int s = 0; s < l->n; s++) {
        struct pvs_mqtt *m = l->link[s];

        if (!m || pvs_cluster_view_has(l->c, s))
            continue;
        pthread_mutex_lock(&l->lock);
        l->link[s] = NULL;
        pthread_mutex_unlock(&l->lock);
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

/* Connect slot s's link for cfg. */
static void connect_slot(struct pvs_slot_links *l, int s,
                         const struct pvs_config *cfg,
                         struct pvs_queue *inbox) {
    struct topics t = {NULL, 0};
    struct pvs_mqtt *m = NULL;
    char *id;

    pvs_cluster_view_sites(l->c, s, add_site, &t);
    id = pvs_asprintf("%s-slot-%d", cfg->mqtt->client_id, s);
    if (!t.n) {
        /* A slot without sites yet: its session waits for a site. */
        pvs_free(id);
        return;
    }
    if (pvs_mqtt_new_slot(cfg, inbox, id, (const char *const *)t.v, t.n, &m) ||
        pvs_mqtt_start(m)) {
        pvs_error("slot %d: cannot start its MQTT link '%s'", s, id);
        pvs_mqtt_free(m);
        m = NULL;
    } else {
        pvs_info("slot %d: connecting as '%s' for %zu sites", s, id, t.n);
    }
    pthread_mutex_lock(&l->lock);
    l->link[s] = m;
    pthread_mutex_unlock(&l->lock);
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

void pvs_slot_links_free(struct pvs_slot_links *l) {
    if (!l)
        return;
    for (int s = 0; s < l->n; s++)
        pvs_mqtt_free(l->link[s]);
    pvs_free(l->link);
    pvs_free(l->paused);
    pthread_mutex_destroy(&l->lock);
    pvs_free(l);
}
