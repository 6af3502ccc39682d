/* SPDX-License-Identifier: MIT */
/*
 * cluster_worker.c - a worker of a cluster: the lease thread, the slots it
 * runs, the engine's fence, and `pvsentry cluster status`.
 *
 * DESIGN
 * The lease thread owns its own connection to the database (the engine's
 * is busy with batches). Every `renew` it tells the database it lives,
 * renews its leases (a lease that could not be renewed is lost: someone
 * may hold it now), reads the sites' slots, and takes or gives back slots
 * for a fair share: with K slots and n live workers each holds between
 * floor(K/n) and ceil(K/n). It takes free or expired slots up to the
 * ceiling; it gives back down to the ceiling when a worker joins, and one
 * more (down to the floor) while a live worker holds fewer than the floor
 * and no slot is free, so that 16 slots on 3 workers end as 5, 5 and 6.
 *
 * What the daemon runs follows what the thread holds, through the main
 * thread: the thread asks (changed) and main builds the configuration of
 * the slots to run (pvs_cluster_view, pvs_cluster_keeps) and switches the
 * engine and the collectors to it live. A slot to give back is left out
 * of that configuration first; only once the engine runs without it
 * (pvs_cluster_applied) is the lease given back, so a slot is never fed
 * by two workers. A slot lost (a pause past the lease) cannot wait for
 * that: the engine's fence refuses every batch while the configuration it
 * runs covers a slot this worker no longer holds, until it is dropped.
 */
#define PVS_LOG_MODULE "cluster"
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pvs/clock.h"
#include "pvs/cluster.h"
#include "pvs/log.h"
#include "pvs/stats.h"

struct site_slot {
    char *site;
    int slot;
};

struct pvs_cluster {
    char worker[160];
    int slots; /* K */
    int64_t lease_ms, renew_ms;
    struct pvs_store *st; /* the lease thread's connection */
    pthread_t thread;
    bool running;
    bool left; /* the leases are given back (pvs_cluster_stop) */
    void (*changed)(void *);
    void *ud;
    atomic_int_fast64_t inbox, batch_mono;

    pthread_mutex_t lock; /* everything below */
    pthread_cond_t cond;
    bool stopping, wake;
    struct pvs_lease *held; /* by slot order of taking */
    size_t nheld;
    bool *releasing;         /* [slot]: to give back once out of the view */
    bool *view;              /* [slot]: the slots the engine runs */
    bool *next;              /* [slot]: the slots of the view being built */
    struct site_slot *sites; /* sorted by site */
    size_t nsites;
    struct site_slot *vsites; /* the sites' slots of the view being built */
    size_t nvsites;
    bool lost_any; /* a fence failed: renew at once */
};

/* ---- sites and slots ---- */

static int by_site(const void *a, const void *b) {
    return strcmp(((const struct site_slot *)a)->site,
                  ((const struct site_slot *)b)->site);
}

static void sites_free(struct site_slot *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        pvs_free(s[i].site);
    pvs_free(s);
}

struct sites_read {
    struct site_slot *v;
    size_t n, cap;
};

static void site_read(void *ud, const char *site, int slot) {
    struct sites_read *r = ud;

    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        r->v = pvs_realloc(r->v, r->cap * sizeof(*r->v));
    }
    r->v[r->n].site = pvs_strdup(site);
    r->v[r->n].slot = slot;
    r->n++;
}

static bool sites_same(const struct site_slot *a, size_t na,
                       const struct site_slot *b, size_t nb) {
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (a[i].slot != b[i].slot || strcmp(a[i].site, b[i].site))
            return false;
    return true;
}

/* Read the sites' slots through st; whether they changed. */
static bool read_sites(struct pvs_cluster *c, struct pvs_store *st) {
    struct sites_read r = {NULL, 0, 0};
    bool changed;

    if (pvs_store_cluster_assign(st, c->slots, NULL) ||
        pvs_store_cluster_site_slots(st, site_read, &r)) {
        sites_free(r.v, r.n);
        return false;
    }
    if (r.n)
        qsort(r.v, r.n, sizeof(*r.v), by_site);
    pthread_mutex_lock(&c->lock);
    changed = !sites_same(c->sites, c->nsites, r.v, r.n);
    if (changed) {
        sites_free(c->sites, c->nsites);
        c->sites = r.v;
        c->nsites = r.n;
        r.v = NULL;
        r.n = 0;
    }
    pthread_mutex_unlock(&c->lock);
    sites_free(r.v, r.n);
    return changed;
}

/* ---- leases (lock held) ---- */

static ssize_t held_at(const struct pvs_cluster *c, int slot) {
    for (size_t i = 0; i < c->nheld; i++)
        if (c->held[i].slot == slot)
            return (ssize_t)i;
    return -1;
}

static void held_del(struct pvs_cluster *c, size_t i) {
    c->releasing[c->held[i].slot] = false;
    c->held[i] = c->held[--c->nheld];
}

/* Whether the view differs from the slots to run (held, not released). */
static bool view_stale(const struct pvs_cluster *c) {
    for (int s = 0; s < c->slots; s++) {
        bool run = held_at(c, s) >= 0 && !c->releasing[s];
        if (run != c->view[s])
            return true;
    }
    return false;
}

/* Leases held before and not renewed now are lost. */
static bool note_renewed(struct pvs_cluster *c, const struct pvs_lease *r,
                         size_t n) {
    bool lost = false;

    for (size_t i = c->nheld; i-- > 0;) {
        bool kept = false;
        for (size_t k = 0; k < n && !kept; k++)
            kept =
                r[k].slot == c->held[i].slot && r[k].epoch == c->held[i].epoch;
        if (kept)
            continue;
        pvs_warn("lost the lease of slot %d (epoch %lld): it expired before "
                 "it was renewed; its sites are dropped",
                 c->held[i].slot, (long long)c->held[i].epoch);
        held_del(c, i);
        pvs_stats_add(PVS_STAT_CLUSTER_SLOTS_LOST, 1);
        lost = true;
    }
    return lost;
}

/* ---- the lease thread ---- */

/* Give back the slots to give back that the engine no longer runs. */
static bool give_back(struct pvs_cluster *c) {
    struct pvs_lease out[PVS_CLUSTER_SLOTS_MAX];
    size_t n = 0;

    pthread_mutex_lock(&c->lock);
    for (size_t i = 0; i < c->nheld; i++)
        if (c->releasing[c->held[i].slot] && !c->view[c->held[i].slot])
            out[n++] = c->held[i];
    pthread_mutex_unlock(&c->lock);
    if (!n || pvs_store_cluster_release(c->st, c->worker, out, n))
        return false;
    pthread_mutex_lock(&c->lock);
    for (size_t k = 0; k < n; k++) {
        ssize_t i = held_at(c, out[k].slot);
        if (i >= 0)
            held_del(c, (size_t)i);
        pvs_info("gave back slot %d (epoch %lld) for a fair share", out[k].slot,
                 (long long)out[k].epoch);
    }
    pvs_stats_add(PVS_STAT_CLUSTER_SLOTS_RELEASED, n);
    pthread_mutex_unlock(&c->lock);
    return true;
}

/* Mark count held slots (the highest not marked yet) to give back. */
static void mark_release(struct pvs_cluster *c, int count) {
    while (count-- > 0) {
        int best = -1;
        for (size_t i = 0; i < c->nheld; i++)
            if (!c->releasing[c->held[i].slot] && c->held[i].slot > best)
                best = c->held[i].slot;
        if (best < 0)
            return;
        c->releasing[best] = true;
    }
}

/* Take or give back slots for a fair share; whether anything changed. */
static bool share(struct pvs_cluster *c) {
    struct pvs_cluster_census cs;
    struct pvs_lease got[PVS_CLUSTER_SLOTS_MAX];
    int skip[PVS_CLUSTER_SLOTS_MAX];
    size_t ngot = 0, nskip = 0;
    int lo, hi, mine, pending = 0;

    if (pvs_store_cluster_census(c->st, c->worker, &cs) || cs.workers < 1)
        return false;
    lo = cs.slots / cs.workers;
    hi = (cs.slots + cs.workers - 1) / cs.workers;
    pthread_mutex_lock(&c->lock);
    mine = (int)c->nheld;
    for (size_t i = 0; i < c->nheld; i++) {
        pending += c->releasing[c->held[i].slot];
        skip[nskip++] = c->held[i].slot;
    }
    if (!pending && mine > hi)
        mark_release(c, mine - hi);
    else if (!pending && !cs.free && cs.min_held < lo && mine > lo)
        mark_release(c, 1);
    pthread_mutex_unlock(&c->lock);
    if (pending || mine >= hi || !cs.free)
        return mine > hi || (!cs.free && cs.min_held < lo && mine > lo);
    if (pvs_store_cluster_take(c->st, c->worker, c->lease_ms, hi - mine, skip,
                               nskip, got, &ngot) ||
        !ngot)
        return false;
    pthread_mutex_lock(&c->lock);
    for (size_t i = 0; i < ngot; i++) {
        c->held[c->nheld++] = got[i];
        pvs_info("took slot %d (epoch %lld)", got[i].slot,
                 (long long)got[i].epoch);
    }
    pvs_stats_add(PVS_STAT_CLUSTER_SLOTS_TAKEN, ngot);
    pthread_mutex_unlock(&c->lock);
    return true;
}

/* One round: live, renew, sites, share, give back. Whether to rebuild. */
static bool round_once(struct pvs_cluster *c) {
    struct pvs_lease r[PVS_CLUSTER_SLOTS_MAX];
    struct pvs_worker_beat b;
    size_t n = 0;
    bool changed = false;
    int64_t mono = atomic_load(&c->batch_mono);

    b.inbox = atomic_load(&c->inbox);
    b.batch_age_ms = mono ? pvs_clock_mono_ms() - mono : 0;
    if (pvs_store_cluster_beat(c->st, c->worker, c->lease_ms, &b) ||
        pvs_store_cluster_renew(c->st, c->worker, c->lease_ms, r, &n)) {
        pvs_stats_add(PVS_STAT_CLUSTER_RENEW_FAILED, 1);
        return false;
    }
    pvs_stats_add(PVS_STAT_CLUSTER_RENEWALS, 1);
    pthread_mutex_lock(&c->lock);
    changed = note_renewed(c, r, n);
    pthread_mutex_unlock(&c->lock);
    changed = read_sites(c, c->st) || changed;
    changed = share(c) || changed;
    give_back(c);
    pthread_mutex_lock(&c->lock);
    changed = changed || view_stale(c);
    pvs_stats_gauge_set(PVS_GAUGE_CLUSTER_SLOTS, (int64_t)c->nheld);
    /* A refusal with nothing to drop was not a lost slot: batches go on
     * (one with a lost slot waits for the view without it). */
    if (!changed)
        c->lost_any = false;
    pthread_mutex_unlock(&c->lock);
    return changed;
}

static void *lease_main(void *arg) {
    struct pvs_cluster *c = arg;

    pthread_mutex_lock(&c->lock);
    while (!c->stopping) {
        struct timespec ts;
        int64_t ms = c->renew_ms;
        bool changed;

        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += ms / 1000;
        ts.tv_nsec += (ms % 1000) * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        while (!c->stopping && !c->wake &&
               pthread_cond_timedwait(&c->cond, &c->lock, &ts) != ETIMEDOUT)
            ;
        c->wake = false;
        if (c->stopping)
            break;
        pthread_mutex_unlock(&c->lock);
        changed = round_once(c);
        if (changed && c->changed)
            c->changed(c->ud);
        pthread_mutex_lock(&c->lock);
    }
    pthread_mutex_unlock(&c->lock);
    return NULL;
}

static void wake(struct pvs_cluster *c) {
    pthread_mutex_lock(&c->lock);
    c->wake = true;
    pthread_cond_signal(&c->cond);
    pthread_mutex_unlock(&c->lock);
}

/* ---- the public side ---- */

enum pvs_err pvs_cluster_new(const struct pvs_config *cfg,
                             const struct pvs_config *full,
                             struct pvs_cluster **ret) {
    const struct pvs_cfg_cluster *cc = cfg->cluster;
    struct pvs_cluster *c;
    enum pvs_err rc;
    char host[128];

    PVS_ASSERT(cc && cc->enabled);
    c = pvs_calloc(1, sizeof(*c));
    pthread_mutex_init(&c->lock, NULL);
    pthread_cond_init(&c->cond, NULL);
    c->slots = (int)cc->slots;
    c->lease_ms = cc->lease_ms;
    c->renew_ms = cc->renew_ms;
    if (cc->worker) {
        pvs_strlcpy(c->worker, cc->worker, sizeof(c->worker));
    } else {
        if (gethostname(host, sizeof(host)))
            pvs_strlcpy(host, "localhost", sizeof(host));
        host[sizeof(host) - 1] = '\0';
        pvs_snprintf(c->worker, sizeof(c->worker), "%s:%ld", host,
                     (long)getpid());
    }
    c->held = pvs_calloc((size_t)c->slots + 1, sizeof(*c->held));
    c->releasing = pvs_calloc((size_t)c->slots + 1, sizeof(bool));
    c->view = pvs_calloc((size_t)c->slots + 1, sizeof(bool));
    c->next = pvs_calloc((size_t)c->slots + 1, sizeof(bool));
    rc = pvs_store_open(cfg->global.database, 0, &c->st);
    if (!rc)
        rc = pvs_store_cluster_init(c->st, c->slots);
    if (!rc)
        rc = pvs_cluster_sync(c, full);
    if (rc)
        goto out;
    /* A first share before anything runs, so the first configuration
     * already has sites. */
    round_once(c);
    pvs_info("joined the cluster as '%s' (%d slots, lease %lld ms, renew "
             "%lld ms): holding %zu slots",
             c->worker, c->slots, (long long)c->lease_ms,
             (long long)c->renew_ms, c->nheld);
out:
    if (rc) {
        if (rc == PVS_ERR_UNSUPPORTED)
            pvs_error("cluster mode needs the PostgreSQL store");
        pvs_cluster_free(c);
        return rc;
    }
    *ret = c;
    return PVS_OK;
}

const char *pvs_cluster_worker(const struct pvs_cluster *c) {
    return c->worker;
}

enum pvs_err pvs_cluster_start(struct pvs_cluster *c, void (*changed)(void *),
                               void *ud) {
    c->changed = changed;
    c->ud = ud;
    if (pthread_create(&c->thread, NULL, lease_main, c)) {
        pvs_error("cannot start the lease thread");
        return PVS_ERR_IO;
    }
    c->running = true;
    return PVS_OK;
}

enum pvs_err pvs_cluster_sync(struct pvs_cluster *c,
                              const struct pvs_config *full) {
    struct pvs_store *st = NULL;
    enum pvs_err rc;

    /* Its own connection: the lease thread's is the thread's. */
    rc = pvs_store_open(full->global.database, 0, &st);
    if (!rc)
        rc = pvs_store_sync_config(st, full);
    if (!rc)
        rc = pvs_store_cluster_assign(st, c->slots, NULL);
    if (!rc)
        read_sites(c, st);
    else
        pvs_error("cannot give the configuration's sites their slots");
    pvs_store_close(st);
    return rc;
}

void pvs_cluster_view(struct pvs_cluster *c) {
    pthread_mutex_lock(&c->lock);
    for (int s = 0; s < c->slots; s++)
        c->next[s] = held_at(c, s) >= 0 && !c->releasing[s];
    sites_free(c->vsites, c->nvsites);
    c->vsites = pvs_calloc(c->nsites + 1, sizeof(*c->vsites));
    for (size_t i = 0; i < c->nsites; i++) {
        c->vsites[i].site = pvs_strdup(c->sites[i].site);
        c->vsites[i].slot = c->sites[i].slot;
    }
    c->nvsites = c->nsites;
    pthread_mutex_unlock(&c->lock);
}

bool pvs_cluster_keeps(void *arg, const char *site) {
    struct pvs_cluster *c = arg;
    struct site_slot key = {(char *)(uintptr_t)site, 0}, *hit;
    bool keep = false;

    pthread_mutex_lock(&c->lock);
    hit = c->nvsites ? bsearch(&key, c->vsites, c->nvsites, sizeof(*c->vsites),
                               by_site)
                     : NULL;
    keep = hit && hit->slot >= 0 && hit->slot < c->slots && c->next[hit->slot];
    pthread_mutex_unlock(&c->lock);
    return keep;
}

int pvs_cluster_slots(const struct pvs_cluster *c) {
    return c->slots;
}

bool pvs_cluster_view_has(struct pvs_cluster *c, int slot) {
    bool has;

    pthread_mutex_lock(&c->lock);
    has = slot >= 0 && slot < c->slots && c->next[slot];
    pthread_mutex_unlock(&c->lock);
    return has;
}

void pvs_cluster_view_sites(struct pvs_cluster *c, int slot,
                            void (*fn)(void *ud, const char *site), void *ud) {
    pthread_mutex_lock(&c->lock);
    for (size_t i = 0; i < c->nvsites; i++)
        if (c->vsites[i].slot == slot)
            fn(ud, c->vsites[i].site);
    pthread_mutex_unlock(&c->lock);
}

void pvs_cluster_applied(struct pvs_cluster *c) {
    size_t n = 0;

    pthread_mutex_lock(&c->lock);
    for (int s = 0; s < c->slots; s++) {
        c->view[s] = c->next[s];
        n += c->view[s];
    }
    c->lost_any = false;
    pthread_mutex_unlock(&c->lock);
    pvs_info("running the sites of %zu slots", n);
    /* What the view left out can be given back now. */
    wake(c);
}

/*
 * The leases a batch checks: those of the slots the engine may run (the
 * view it runs, or the one being built). A slot being given back is left
 * out once the engine no longer runs it: the lease thread may release it
 * while the batch checks, and its release must not refuse the batch.
 * Called with c->lock held.
 */
static size_t fence_leases(const struct pvs_cluster *c, struct pvs_lease *l) {
    size_t n = 0;

    for (size_t i = 0; i < c->nheld; i++) {
        int s = c->held[i].slot;
        if (c->view[s] || c->next[s])
            l[n++] = c->held[i];
    }
    return n;
}

/* A batch was refused, for slot lost when known (else -1): counted,
 * said once, and the lease thread looks at once. */
static void refused(struct pvs_cluster *c, int lost) {
    pvs_stats_add(PVS_STAT_CLUSTER_FENCE_REFUSED, 1);
    pthread_mutex_lock(&c->lock);
    if (!c->lost_any && lost >= 0 && lost < c->slots)
        pvs_warn("this worker no longer holds slot %d, whose sites it "
                 "still runs: batches are refused until they are dropped",
                 lost);
    else if (!c->lost_any)
        pvs_warn("the database refused a batch: this worker no longer "
                 "holds every slot it writes for; batches are refused "
                 "until the lost slots are dropped");
    c->lost_any = true;
    c->wake = true;
    pthread_cond_signal(&c->cond);
    pthread_mutex_unlock(&c->lock);
}

size_t pvs_cluster_fence_leases(struct pvs_cluster *c, struct pvs_lease *out) {
    size_t n;

    pthread_mutex_lock(&c->lock);
    n = fence_leases(c, out);
    pthread_mutex_unlock(&c->lock);
    return n;
}

enum pvs_err pvs_cluster_fence(struct pvs_cluster *c, struct pvs_store *st) {
    struct pvs_lease l[PVS_CLUSTER_SLOTS_MAX];
    size_t n = 0;
    enum pvs_err rc = PVS_OK;
    int lost = -1;

    pthread_mutex_lock(&c->lock);
    n = fence_leases(c, l);
    /* The engine may run the view before or after the one being built. */
    for (int s = 0; s < c->slots && lost < 0; s++)
        if ((c->view[s] || c->next[s]) && held_at(c, s) < 0)
            lost = s;
    /* Refused once: the next batches wait for the lease thread's look. */
    if (c->lost_any && lost < 0)
        lost = c->slots;
    pthread_mutex_unlock(&c->lock);
    if (lost >= 0)
        rc = PVS_ERR_DENIED;
    else if (n)
        rc = pvs_store_cluster_fence(st, c->worker, c->lease_ms, l, n);
    if (rc == PVS_ERR_DENIED)
        refused(c, lost);
    return rc;
}

void pvs_cluster_refused(struct pvs_cluster *c) {
    refused(c, -1);
}

void pvs_cluster_note_engine(struct pvs_cluster *c, int64_t inbox,
                             int64_t batch_mono_ms) {
    atomic_store(&c->inbox, inbox);
    atomic_store(&c->batch_mono, batch_mono_ms);
}

size_t pvs_cluster_held(struct pvs_cluster *c) {
    size_t n;

    pthread_mutex_lock(&c->lock);
    n = c->nheld;
    pthread_mutex_unlock(&c->lock);
    return n;
}

void pvs_cluster_stop(struct pvs_cluster *c) {
    if (!c)
        return;
    pthread_mutex_lock(&c->lock);
    c->stopping = true;
    pthread_cond_signal(&c->cond);
    pthread_mutex_unlock(&c->lock);
    if (c->running)
        pthread_join(c->thread, NULL);
    c->running = false;
    if (c->left)
        return;
    if (c->st && !pvs_store_cluster_leave(c->st, c->worker)) {
        c->left = true;
        pvs_info("left the cluster: gave back %zu slots", c->nheld);
        pvs_stats_add(PVS_STAT_CLUSTER_SLOTS_RELEASED, c->nheld);
    }
    c->nheld = 0;
    pvs_stats_gauge_set(PVS_GAUGE_CLUSTER_SLOTS, 0);
}

void pvs_cluster_free(struct pvs_cluster *c) {
    if (!c)
        return;
    pvs_cluster_stop(c);
    pvs_store_close(c->st);
    sites_free(c->sites, c->nsites);
    sites_free(c->vsites, c->nvsites);
    pvs_free(c->held);
    pvs_free(c->releasing);
    pvs_free(c->view);
    pvs_free(c->next);
    pthread_mutex_destroy(&c->lock);
    pthread_cond_destroy(&c->cond);
    pvs_free(c);
}

/* ---- pvsentry cluster status ---- */

static const char usage_cluster[] =
    "usage: pvsentry cluster status (-c FILE | --db DATABASE)\n"
    "\n"
    "The cluster's workers (live, gone or left; slots held; how long ago\n"
    "each was seen; its inbox and the age of its engine's last batch) and\n"
    "its slots (owner, epoch, lease held, free or expired; how long ago\n"
    "renewed; how long left; how many sites).\n";

int pvs_cluster_main(int argc, char **argv) {
    const char *db = NULL, *path = NULL;
    struct pvs_config *cfg = NULL;
    struct pvs_cfg_errors errs;
    struct pvs_store *st = NULL;
    struct pvs_buf out;
    int status = 1;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage_cluster, stdout);
            return 0;
        }
        if (!strcmp(argv[i], "-c") && i + 1 < argc)
            path = argv[++i];
        else if (!strcmp(argv[i], "--db") && i + 1 < argc)
            db = argv[++i];
        else if (strcmp(argv[i], "status"))
            path = db = NULL, i = argc;
    }
    if ((!path && !db) || argc < 2 || strcmp(argv[1], "status")) {
        fputs(usage_cluster, stderr);
        return 2;
    }
    memset(&errs, 0, sizeof(errs));
    pvs_buf_init(&out, 1 << 20);
    if (!db) {
        if (pvs_config_load(path, &cfg, &errs)) {
            pvs_cfg_errors_print(&errs, stderr);
            goto out;
        }
        db = cfg->global.database;
    }
    if (pvs_store_open(db, PVS_STORE_READONLY, &st))
        goto out;
    if (pvs_store_cluster_status(st, &out)) {
        fprintf(stderr, "pvsentry: this database has no cluster (cluster "
                        "mode needs the PostgreSQL store)\n");
        goto out;
    }
    fputs(out.data, stdout);
    status = 0;
out:
    pvs_store_close(st);
    pvs_config_free(cfg);
    pvs_cfg_errors_release(&errs);
    pvs_buf_release(&out);
    return status;
}
