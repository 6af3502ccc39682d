# SPDX-License-Identifier: MIT
"""Cluster mode: several workers share the fleet on one PostgreSQL.

Three (then four) `pvsentry run` workers on a PostgreSQL 15 the test
starts, 16 slots, short leases. What is checked is what the database says:
the lease rows (owner, epoch, expiry on the server's clock) and the lease
log its trigger writes at every change of owner.
"""
import os
import re
import signal
import time

import pytest

import harness
from harness import wait_until
from pg import store_query, store_scalar

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=60)

SCALE = float(os.environ.get("PVS_TIMEOUT_SCALE", "1"))
K = 16
# Short leases, longer under a slow build (sanitizers, a loaded machine).
LEASE_S = 4 * SCALE
RENEW_S = 1 * SCALE
NSITES = 24

CONFIG = """\
[global]
database = ${db}
log_level = info
sim_start = ${sim_start}
sim_speed = ${sim_speed}
batch_interval = 50ms

[cluster]
worker = ${worker}
slots = ${slots}
lease = ${lease}
renew = ${renew}

[technician "alice"]
name = Alice Martin
email = alice@installer.example

${sites}${extra}"""

SITE = """
[site "%(id)s"]
name = House %(id)s
latitude = 45.75
longitude = 4.85
timezone = Europe/Paris
kwp = 10
technician = alice

[device "%(id)s-inv1"]
site = %(id)s
kind = inverter
kwp = 10
"""


def site_ids(n=NSITES):
    return ["site-%02d" % i for i in range(n)]


def ms(seconds):
    return "%dms" % int(seconds * 1000)


class Cluster:
    """Workers of one cluster on the database db."""

    def __init__(self, h, db, extra="", lease=LEASE_S, renew=RENEW_S):
        self.h = h
        self.db = db
        self.extra = extra
        self.lease = lease
        self.renew = renew
        self.workers = {}

    def config(self, name, **kw):
        values = dict(db=self.db, worker=name, slots=K, lease=ms(self.lease),
                      renew=ms(self.renew),
                      sites="".join(SITE % {"id": s} for s in site_ids()),
                      extra=self.extra)
        values.update(kw)
        return self.h.write_config(CONFIG, name=name + ".conf", **values)

    def start(self, name, wait=True):
        pv = harness.Pvsentry(self.h, self.config(name), name=name)
        pv.start(wait_ready=wait, timeout=30 * SCALE)
        self.workers[name] = pv
        return pv

    def leases(self):
        """{slot: (owner, epoch)} of the leases held now."""
        return {s: (o, e) for s, o, e in store_query(
            self.db, "SELECT slot, owner, epoch FROM leases WHERE owner IS"
            " NOT NULL AND expires > clock_timestamp()")}

    def held(self):
        """{worker: number of slots held}"""
        out = {}
        for owner, _ in self.leases().values():
            out[owner] = out.get(owner, 0) + 1
        return out

    def balanced(self, names):
        held = self.held()
        lo, hi = K // len(names), -(-K // len(names))
        return (sum(held.values()) == K and set(held) == set(names) and
                all(lo <= n <= hi for n in held.values()))

    def wait_balanced(self, names, timeout=None, what="balance"):
        timeout = timeout or 30 * SCALE
        wait_until(lambda: self.balanced(names), timeout,
                   "%s: %r" % (what, self.held()))

    def links_up(self, name):
        """Whether each slot name holds that has sites has its MQTT link
        subscribed (a slot without a site has no link, and no line)."""
        busy = {s for (s,) in store_query(self.db,
                                          "SELECT DISTINCT slot FROM sites")}
        mine = {s for s, (o, _) in self.leases().items()
                if o == name and s in busy}
        up = set()
        for ln in self.workers[name].log_lines(r"mqtt: subscribed to "):
            up.update(int(x) for x in re.findall(r"-slot-(\d+)'$", ln))
        return mine <= up

    def wait_links(self, names):
        for n in names:
            wait_until(lambda: self.links_up(n), 20 * SCALE,
                       "%s's links subscribed" % n)

    def log(self):
        return store_query(
            self.db, "SELECT id, extract(epoch FROM ts), slot, event, owner,"
            " old_owner, epoch, extract(epoch FROM old_expires) FROM"
            " lease_log ORDER BY id")


def assert_log_sound(rows):
    """No two owners of a slot at any instant, strictly growing epochs."""
    last_epoch = {}
    for _id, ts, slot, event, owner, old_owner, epoch, old_exp in rows:
        assert event != "taken_live", (
            "slot %d taken from %s while its lease was live" % (slot,
                                                               old_owner))
        if event == "taken_expired":
            assert old_exp is not None and float(old_exp) <= float(ts), (
                "slot %d taken before %s's lease ended" % (slot, old_owner))
        if event == "released":
            assert epoch == last_epoch.get(slot, 0)
        else:
            assert epoch > last_epoch.get(slot, 0), (
                "slot %d: epoch %d after %d" % (slot, epoch,
                                                last_epoch.get(slot, 0)))
        last_epoch[slot] = epoch


@pytest.mark.slow
def test_cluster_leases_balance_failover_and_join(h, pg_db):
    c = Cluster(h, pg_db)
    names = ["w1", "w2", "w3"]
    for n in names:
        c.start(n)
    c.wait_balanced(names, what="three workers share 16 slots")
    held = c.held()
    print("balance: %r" % held)
    assert sorted(held.values()) == [5, 5, 6]
    # Every site has its slot, stored.
    assert store_scalar(pg_db, "SELECT count(*) FROM sites WHERE slot IS"
                        " NULL OR slot < 0 OR slot >= ?", (K,)) == 0

    # `pvsentry cluster status` names the workers and every slot.
    out = c.workers["w1"].cli("cluster", "status", "-c",
                              c.workers["w1"].config).stdout
    for n in names:
        assert re.search(r"(?m)^%s\s+live\s+[56]\s" % n, out), out
    assert len(re.findall(r"(?m)^\s*\d+ w\d\s+\d+ held", out)) == K, out

    # kill -9: the dead worker's slots are taken within lease + renew +
    # one renew of slack.
    dead = c.workers["w2"]
    its = sorted(s for s, (o, _) in c.leases().items() if o == "w2")
    t0 = time.monotonic()
    dead.kill9()
    limit = c.lease + 2 * c.renew + 1.0 * SCALE
    wait_until(lambda: all(c.leases().get(s, ("w2",))[0] in ("w1", "w3")
                           for s in its), limit + 5 * SCALE,
               "w2's slots taken over")
    took = time.monotonic() - t0
    print("kill -9: %d slots taken over in %.2f s (lease %.1f s, renew "
          "%.1f s)" % (len(its), took, c.lease, c.renew))
    assert took <= limit, (took, limit)
    c.wait_balanced(["w1", "w3"], what="two workers after the kill")

    # SIGTERM: every slot released at once, and taken by another worker
    # before its old lease would have expired.
    mark_id = store_scalar(pg_db, "SELECT COALESCE(max(id), 0) FROM"
                           " lease_log")
    w3 = c.workers["w3"]
    assert w3.stop(timeout=30 * SCALE) == 0
    w3.wait_log(r"left the cluster: gave back \d+ slots", 5)
    wait_until(lambda: c.held() == {"w1": K}, 20 * SCALE,
               "w1 holds every slot")
    rows = [r for r in c.log() if r[0] > mark_id]
    released = {r[2]: r for r in rows if r[3] == "released" and
                r[5] == "w3"}
    assert released, rows
    for slot, rel in released.items():
        taken = [r for r in rows if r[2] == slot and r[0] > rel[0] and
                 r[3] == "taken" and r[4] == "w1"]
        assert taken, "slot %d not taken after w3 released it" % slot
        # Before w3's lease would have run out.
        assert float(taken[0][1]) < float(rel[7]), (taken[0], rel)

    # Workers join: the lease log shows no two owners of a slot at any
    # instant and strictly growing epochs.
    c.start("w2")
    c.start("w4")
    c.wait_balanced(["w1", "w2", "w4"], what="w2 and w4 joined")
    assert_log_sound(c.log())
    for pv in c.workers.values():
        if pv.running:
            assert pv.stop(timeout=30 * SCALE) == 0


MQTT = """
[mqtt]
uri = tcp://127.0.0.1:%d
client_id = pvs
qos = 1
keepalive = 5s
"""


class Publisher:
    """Every site's inverter publishes one JSON reading per round, QoS 1,
    one second of device time apart; what was published is remembered
    with the real time it went out."""

    def __init__(self, port, sites, period=0.05):
        import paho.mqtt.client as mqtt
        import threading
        self.sites = sites
        self.period = period
        self.sent = []  # (site, ts_s, monotonic)
        self.stop_evt = threading.Event()
        self.client = mqtt.Client(client_id="pub-cluster", clean_session=True)
        self.client.max_inflight_messages_set(1000)
        self.client.connect("127.0.0.1", port)
        self.client.loop_start()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.base = 1718956800  # 2024-06-21T08:00:00Z

    def run(self):
        r = 0
        while not self.stop_evt.is_set():
            for s in self.sites:
                ts = self.base + r
                info = self.client.publish(
                    "pvsentry/%s/%s-inv1" % (s, s),
                    '{"ts": %d, "ac_power_w": %d}' % (ts, 1000 + r % 500),
                    qos=1)
                info.wait_for_publish()
                self.sent.append((s, ts, time.monotonic()))
            r += 1
            self.stop_evt.wait(self.period)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.stop_evt.set()
        self.thread.join()
        self.client.loop_stop()
        self.client.disconnect()


@pytest.mark.slow
def test_cluster_ingest_per_slot_survives_kill9(h, pg_db):
    # The broker queues a slot's messages while nobody owns it: at most a
    # lease and a renew of them (24 sites x 20 a second), sized here
    # with room to spare instead of mosquitto's default of 1000.
    rate = NSITES / 0.05
    queued = int((LEASE_S + 2 * RENEW_S) * rate * 2)
    broker = h.start_mosquitto(extra_conf="max_queued_messages %d\n" % queued)
    c = Cluster(h, pg_db, extra=MQTT % broker.port)
    names = ["w1", "w2", "w3"]
    for n in names:
        c.start(n)
    c.wait_balanced(names, what="three workers share 16 slots")
    c.wait_links(names)
    pub = Publisher(broker.port, site_ids()).start()
    wait_until(lambda: (store_scalar(pg_db, "SELECT count(*) FROM readings")
                        or 0) > 200, 30 * SCALE, "readings stored")
    slot_of = dict(store_query(pg_db, "SELECT id, slot FROM sites"))
    dead_slots = {s for s, (o, _) in c.leases().items() if o == "w2"}
    t_kill = time.monotonic()
    c.workers["w2"].kill9()
    wait_until(lambda: not (dead_slots & {s for s, (o, _) in
                                          c.leases().items() if o == "w2"})
               and c.balanced(["w1", "w3"]), 30 * SCALE, "take-over")
    wait_until(lambda: len(pub.sent) > 0 and
               time.monotonic() - t_kill > c.lease + 3 * c.renew,
               60 * SCALE, "publishing past the take-over")
    pub.stop()
    published = {(s, ts) for s, ts, _ in pub.sent}
    # The new owners restored the taken sites' state before subscribing.
    assert any(c.workers[n].log_lines(r"engine: took over \d+ sites: "
                                      r"restored") for n in ("w1", "w3"))

    def stored():
        return {(d[:-5], int(t // 1000)) for d, t in store_query(
            pg_db, "SELECT device_id, ts_ms FROM readings")}
    # Wait until what the broker queued has come through.
    last = [None, time.monotonic()]

    def settled():
        n = len(stored())
        if n != last[0]:
            last[0], last[1] = n, time.monotonic()
        return n == len(published) or time.monotonic() - last[1] > 5 * SCALE
    wait_until(settled, 90 * SCALE, "stored settles")
    got = stored()
    missing = published - got
    sent_at = {(s, ts): t for s, ts, t in pub.sent}
    print("ingest across kill -9: %d published, %d stored, %d missing "
          "(w2 held slots %s)" % (len(published), len(got & published),
                                  len(missing), sorted(dead_slots)))
    print("missing: %r" % sorted(missing)[:20])
    assert not (got - published), "stored what nobody published"
    # What is missing was in the killed worker's memory: its slots only,
    # in the seconds before the kill, at most its inbox.
    for s, ts in missing:
        assert slot_of[s] in dead_slots, (s, ts, slot_of[s])
        assert t_kill - 5 * SCALE <= sent_at[(s, ts)] <= t_kill + 1, (
            s, ts, sent_at[(s, ts)] - t_kill)
    assert len(missing) <= 10000
    for pv in c.workers.values():
        if pv.running:
            assert pv.stop(timeout=30 * SCALE) == 0


REFUSED = (r"cluster: (the database refused a batch|this worker no longer"
           r" holds slot)|no longer holds every slot it writes for")


@pytest.mark.slow
def test_cluster_paused_worker_is_fenced(h, pg_db):
    broker = h.start_mosquitto()
    c = Cluster(h, pg_db, extra=MQTT % broker.port)
    for n in ("w1", "w2"):
        c.start(n)
    c.wait_balanced(["w1", "w2"], what="two workers")
    pub = Publisher(broker.port, site_ids()).start()
    wait_until(lambda: (store_scalar(pg_db, "SELECT count(*) FROM readings")
                        or 0) > 100, 30 * SCALE, "readings stored")
    w2 = c.workers["w2"]
    its = sorted(s for s, (o, _) in c.leases().items() if o == "w2")
    mark = w2.mark()
    os.kill(w2.proc.pid, signal.SIGSTOP)
    try:
        # Past its lease: w1 takes every slot.
        wait_until(lambda: c.held() == {"w1": K}, c.lease + 30 * SCALE,
                   "w1 takes w2's slots")
        # Let w1 run them a little while w2 sleeps on.
        wait_until(lambda: True, 1)
    finally:
        os.kill(w2.proc.pid, signal.SIGCONT)
    # Its next commit is refused; it drops the slots and their sessions.
    # Stopped inside a batch, it finds its session ended by the server
    # (the batch's idle limit is the lease) and the fence refuses the
    # batch it applies again; stopped between batches, the next one is.
    w2.wait_log(REFUSED, 20 * SCALE, since=mark)
    w2.wait_log(r"cluster: lost the lease of slot", 20 * SCALE, since=mark)
    for s in its:
        w2.wait_log(r"cluster: slot %d: disconnected its MQTT session" % s,
                    20 * SCALE, since=mark)
    # Then the two share again, and the lease log stayed sound.
    c.wait_balanced(["w1", "w2"], what="w2 back in the share")
    pub.stop()
    assert_log_sound(c.log())
    refused = w2.log_lines(REFUSED, since=mark)
    print("paused past its lease: %d refusal(s) logged, slots %s dropped" %
          (len(refused), its))
    # Nothing stored that nobody published (no batch of w2's half-kept).
    published = {(s, ts) for s, ts, _ in pub.sent}
    got = {(d[:-5], int(t // 1000)) for d, t in store_query(
        pg_db, "SELECT device_id, ts_ms FROM readings")}
    assert not (got - published)
    for pv in c.workers.values():
        assert pv.stop(timeout=30 * SCALE) == 0


@pytest.mark.slow
def test_cluster_moved_site_follows_its_slot(h, pg_db):
    broker = h.start_mosquitto()
    c = Cluster(h, pg_db, extra=MQTT % broker.port)
    for n in ("w1", "w2"):
        c.start(n)
    c.wait_balanced(["w1", "w2"], what="two workers")
    slot_of = dict(store_query(pg_db, "SELECT id, slot FROM sites"))
    owner = {s: o for s, (o, _) in c.leases().items()}
    site = next(s for s in site_ids() if owner[slot_of[s]] == "w1")
    old = slot_of[site]
    new = min(s for s, o in owner.items() if o == "w2")
    pub = Publisher(broker.port, site_ids()).start()
    wait_until(lambda: (store_scalar(pg_db, "SELECT count(*) FROM readings")
                        or 0) > 100, 30 * SCALE, "readings stored")
    m1, m2 = c.workers["w1"].mark(), c.workers["w2"].mark()
    # The operator moves the site to a slot of the other worker.
    from pg import store_write
    store_write(pg_db, "UPDATE sites SET slot = ? WHERE id = ?", (new, site))
    c.workers["w2"].wait_log(r"cluster: slot %d: connecting as 'pvs-slot-%d'"
                             % (new, new), 20 * SCALE, since=m2)
    c.workers["w1"].wait_log(r"cluster: slot %d: its session forgets site "
                             r"'%s'" % (old, site), 20 * SCALE, since=m1)
    # Both links renewed their subscriptions (w1's session unsubscribed
    # first): from now on the site's messages reach w2 alone.
    for pv, m in ((c.workers["w1"], m1), (c.workers["w2"], m2)):
        pv.wait_log(r"mqtt: subscribed to", 20 * SCALE, since=m)
    moved = time.monotonic()
    wait_until(lambda: time.monotonic() - moved > 3 * SCALE, 10 * SCALE,
               "publishing after the move")
    pub.stop()
    after = {ts for s, ts, t in pub.sent if s == site and t > moved}
    def stored_ts():
        return {int(t // 1000) for (t,) in store_query(
            pg_db, "SELECT ts_ms FROM readings WHERE device_id = ?",
            (site + "-inv1",))}
    try:
        wait_until(lambda: after <= stored_ts(), 30 * SCALE,
                   "the moved site's readings")
    except AssertionError:
        got = stored_ts()
        print("after %d..%d (%d), stored %d..%d (%d), missing %r" % (
            min(after), max(after), len(after), min(got), max(got),
            len(got), sorted(after - got)[:10]))
        raise
    print("moved site %s from slot %d to %d: %d readings published "
          "after the move, all stored" % (site, old, new, len(after)))
    for pv in c.workers.values():
        assert pv.stop(timeout=30 * SCALE) == 0


@pytest.mark.slow
def test_cluster_broker_restart_keeps_the_slot_sessions(h, pg_db):
    broker = h.start_mosquitto()
    c = Cluster(h, pg_db, extra=MQTT % broker.port)
    for n in ("w1", "w2"):
        c.start(n)
    c.wait_balanced(["w1", "w2"], what="two workers")
    c.wait_links(["w1", "w2"])
    sent = []
    pub = Publisher(broker.port, site_ids()).start()
    wait_until(lambda: (store_scalar(pg_db, "SELECT count(*) FROM readings")
                        or 0) > 100, 30 * SCALE, "readings stored")
    # w2 stops reading (well within its lease) while messages for its
    # slots pile up at the broker, which is then stopped gracefully and
    # started again with its persistence.
    w2 = c.workers["w2"]
    os.kill(w2.proc.pid, signal.SIGSTOP)
    try:
        n0 = len(pub.sent)
        wait_until(lambda: len(pub.sent) > n0 + 200, 30 * SCALE,
                   "messages queued for w2's slots")
        pub.stop()
        sent += pub.sent
        broker.restart()
    finally:
        os.kill(w2.proc.pid, signal.SIGCONT)
    pub = Publisher(broker.port, site_ids())
    pub.base += 10000  # a new stretch of device time
    pub.start()
    wait_until(lambda: len(pub.sent) > 500, 30 * SCALE, "publishing again")
    pub.stop()
    sent += pub.sent
    published = {(s, ts) for s, ts, _ in sent}

    def stored():
        return {(d[:-5], int(t // 1000)) for d, t in store_query(
            pg_db, "SELECT device_id, ts_ms FROM readings")}
    try:
        wait_until(lambda: stored() >= published, 60 * SCALE,
                   "every published reading stored")
    finally:
        got = stored()
        print("broker restart: %d published, %d stored, %d missing" % (
            len(published), len(got & published), len(published - got)))
    c.wait_balanced(["w1", "w2"], what="both workers kept their share")
    for pv in c.workers.values():
        assert pv.stop(timeout=30 * SCALE) == 0


HTTP = """
[http]
listen = 127.0.0.1
port = %d
"""


def scrape(port):
    """{name or name{labels}: value} of a worker's /metrics."""
    import requests
    text = requests.get("http://127.0.0.1:%d/metrics" % port,
                        timeout=10 * SCALE).text
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            out[name] = float(value)
    return out


@pytest.mark.slow
def test_cluster_metrics_per_worker(h, pg_db):
    broker = h.start_mosquitto()
    c = Cluster(h, pg_db)
    ports = {}
    for n in ("w1", "w2"):
        ports[n] = harness.free_port()
        cfg = c.config(n, extra=MQTT % broker.port + HTTP % ports[n])
        pv = harness.Pvsentry(h, cfg, name=n)
        pv.start(timeout=30 * SCALE)
        c.workers[n] = pv
    c.wait_balanced(["w1", "w2"], what="two workers share 16 slots")

    def agree():
        # Each worker's gauge is what the lease rows say it holds.
        held = c.held()
        m = {n: scrape(p) for n, p in ports.items()}
        return all(m[n].get("pvsentry_cluster_slots_held") == held.get(n)
                   for n in ports) and m
    m = wait_until(agree, 10 * SCALE, "/metrics agree with the leases")
    for n in ports:
        assert m[n]['pvsentry_cluster_worker_info{worker="%s"}' % n] == 1
        assert not any(k.startswith("pvsentry_cluster_worker_info") and
                       n not in k for k in m[n]), m[n]
        assert m[n]["pvsentry_cluster_lease_renewals_total"] >= 1
        assert m[n]["pvsentry_cluster_slots_taken_total"] >= \
            m[n]["pvsentry_cluster_slots_held"]
        for k in ("lease_renew_failures", "slots_lost", "fence_refusals"):
            assert m[n]["pvsentry_cluster_%s_total" % k] == 0, (n, k)
        assert m[n]["pvsentry_outbox_claims_held"] == 0
    assert sum(m[n]["pvsentry_cluster_slots_held"] for n in ports) == K

    # w2 paused past its lease while readings come in: its slots are
    # lost, its batches refused, and its /metrics counts both.
    pub = Publisher(broker.port, site_ids()).start()
    w2 = c.workers["w2"]
    its = m["w2"]["pvsentry_cluster_slots_held"]
    mark = w2.mark()
    os.kill(w2.proc.pid, signal.SIGSTOP)
    try:
        wait_until(lambda: c.held() == {"w1": K}, c.lease + 30 * SCALE,
                   "w1 takes w2's slots")
    finally:
        os.kill(w2.proc.pid, signal.SIGCONT)
    w2.wait_log(r"cluster: lost the lease of slot", 20 * SCALE, since=mark)
    w2.wait_log(r"cluster: (the database refused a batch|this worker no "
                r"longer holds slot)", 20 * SCALE, since=mark)

    def counted():
        x = scrape(ports["w2"])
        return (x["pvsentry_cluster_slots_lost_total"] == its and
                x["pvsentry_cluster_fence_refusals_total"] >= 1)
    wait_until(counted, 20 * SCALE, "w2 counts its lost slots and refusals")
    pub.stop()
    c.wait_balanced(["w1", "w2"], what="w2 back in the share")

    # w2 stops: it gave every slot back, and w1's figures follow.
    before = scrape(ports["w1"])["pvsentry_cluster_slots_released_total"]
    assert w2.stop(timeout=30 * SCALE) == 0
    wait_until(lambda: scrape(ports["w1"])["pvsentry_cluster_slots_held"]
               == K, 20 * SCALE, "w1 holds every slot")
    m1 = scrape(ports["w1"])
    assert m1["pvsentry_cluster_slots_taken_total"] >= K + K / 2
    assert m1["pvsentry_cluster_slots_released_total"] == before
    assert c.workers["w1"].stop(timeout=30 * SCALE) == 0
