/* SPDX-License-Identifier: MIT */
/*
 * engine_shared.c - what the engine does when other pvsentry processes
 * share its database (PostgreSQL, store_outbox.h): it sends only the
 * messages it claimed from the shared outbox, keeps its claims alive
 * while its notifier holds them, gives them up when it stops, and
 * announces the API's writes it committed. Engine thread only.
 *
 * DESIGN
 * On one SQLite file the engine hands each row it committed to the
 * notifier at once and rescans the outbox now and then. On a shared
 * store a row is anyone's until claimed, so the engine claims instead:
 * right after a commit that queued messages or finished one (the next
 * message of its lane becomes eligible), and every CLAIM_EVERY_MS for
 * the rows of processes that died (their claims expired) or that came
 * from elsewhere. A claim lasts [global] outbox_claim of database time
 * and is renewed every third of it for every row the notifier still
 * holds (a retry may wait for hours). Claims happen between batches,
 * each its own short transaction.
 */
#define PVS_LOG_MODULE "engine"
#include "engine_int.h"
#include "pvs/clock.h"
#include "pvs/log.h"
#include "pvs/stats.h"
#include "pvs/store_outbox.h"

#define CLAIM_EVERY_MS 1000
#define CLAIM_MAX 256

void engine_shared_init(struct pvs_engine *e) {
    struct engine_shared *sh = &e->shared;

    sh->on = pvs_store_shared(e->svc.st);
    if (!sh->on)
        return;
    sh->me = pvs_store_claimant();
    sh->claim_now = true;
    pvs_info("sending from the shared outbox as '%s' (claims last %lld ms)",
             sh->me, (long long)e->svc.cfg->global.outbox_claim_ms);
}

bool engine_shared_on(const struct pvs_engine *e) {
    return e->shared.on;
}

void engine_shared_wake(struct pvs_engine *e) {
    e->shared.claim_now = true;
}

void engine_shared_before_commit(struct pvs_engine *e) {
    if (e->shared.on && e->config_dirty && !e->svc.txn_rc)
        engine_wrote(e, pvs_store_announce(e->svc.st, e->shared.me));
}

static void claim(struct pvs_engine *e, int64_t ttl) {
    int64_t *ids = NULL;
    size_t n = 0;

    if (pvs_store_outbox_claim(e->svc.st, e->shared.me, ttl, CLAIM_MAX, &ids,
                               &n))
        return; /* logged; the next round tries again */
    for (size_t i = 0; i < n; i++)
        engine_submit(e, ids[i]);
    /* More may be due: the next batch claims again. */
    e->shared.claim_now = n == CLAIM_MAX;
    if (n)
        pvs_debug("claimed %zu message(s) to send", n);
    pvs_free(ids);
}

void engine_shared_tick(struct pvs_engine *e) {
    struct engine_shared *sh = &e->shared;
    int64_t mono = pvs_clock_mono_ms();
    int64_t ttl = e->svc.cfg->global.outbox_claim_ms;

    if (!sh->on || !e->notifier || pvs_store_kept(e->svc.st))
        return;
    pvs_stats_gauge_set(PVS_GAUGE_OUTBOX_CLAIMS, (int64_t)e->ninflight);
    if (mono >= sh->next_renew) {
        size_t renewed = 0;
        if (e->ninflight &&
            !pvs_store_outbox_renew(e->svc.st, sh->me, ttl, e->inflight,
                                    e->ninflight, &renewed) &&
            renewed < e->ninflight)
            pvs_debug("%zu message(s) held here were claimed by another "
                      "process meanwhile",
                      e->ninflight - renewed);
        sh->next_renew = mono + ttl / 3;
    }
    if (sh->claim_now || mono >= sh->next_claim) {
        sh->claim_now = false;
        claim(e, ttl);
        sh->next_claim = mono + CLAIM_EVERY_MS;
    }
}

void engine_shared_stop(struct pvs_engine *e) {
    if (!e->shared.on)
        return;
    if (pvs_store_outbox_unclaim(e->svc.st, e->shared.me))
        pvs_warn("cannot give up this process's claims on messages: other "
                 "processes send them once the claims expire");
}
