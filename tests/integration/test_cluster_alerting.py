# SPDX-License-Identifier: MIT
"""Cluster mode: alerting survives a dead or paused worker.

Three `pvsentry run` workers share 16 slots on a PostgreSQL 15 the test
starts, with mosquitto (persistence on), pvsim devices and the SMTP sink.
A fault runs on sites of one worker's slots before and while that worker
dies (kill -9) or sleeps past its lease (SIGSTOP): the cluster keeps one
open ticket per fingerprint, sends every outbox row once (or again with
the same Message-ID), the technician's alert and the customer's notice
each arrive, and the new owner keeps the alert firing: no second firing,
no "back to normal", no reopening.

The clock runs 600 times faster than real time (a simulated minute is
0.1 s): a lease of 4 s is 40 simulated minutes without the dead worker.
"""
import os
import re
import signal
import time

import pytest

import harness
from harness import wait_until
from pg import store_query, store_scalar
from test_cluster import Cluster, assert_log_sound, ms

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)

SCALE = float(os.environ.get("PVS_TIMEOUT_SCALE", "1"))
K = 16
LEASE_S = 4 * SCALE
RENEW_S = 1 * SCALE
NSITES = 24
MIN = 60000
TECH = "alice@installer.example"
CUST = "jean.dupont@home.example"

CONFIG = """\
[global]
database = ${db}
log_level = info
sim_start = ${sim_start}
sim_speed = ${sim_speed}
batch_interval = 50ms
grace_period = 10m
outbox_claim = ${claim}

[cluster]
worker = ${worker}
slots = ${slots}
lease = ${lease}
renew = ${renew}

[mqtt]
uri = tcp://127.0.0.1:${mqtt_port}
client_id = pvs
qos = 1
keepalive = 5s

[smtp]
url = ${smtp}
from = pvsentry <monitoring@pvsentry.example>
timeout = 5s
retry_min = 200ms
retry_max = 1s

[http]
listen = 127.0.0.1
port = ${http_port}
admin_token_file = ${token_file}

[technician "alice"]
name = Alice Martin
email = alice@installer.example
language = en

[customer "dupont"]
name = Jean Dupont
email = jean.dupont@home.example
language = en

[rule "no-underperformance"]
family = underperformance
enabled = false

${sites}${extra}"""

SITE = """
[site "%(id)s"]
name = House %(id)s
latitude = 45.75
longitude = 4.85
timezone = Europe/Paris
kwp = 5
customer = dupont
technician = alice

[device "%(id)s-inv1"]
site = %(id)s
kind = inverter
kwp = 5
"""

ADMIN_TOKEN = "adm-cluster-0123456789abcdefghijklmnopqrs"


def site_ids(n=NSITES):
    return ["site-%02d" % i for i in range(n)]


class AlertCluster(Cluster):
    """A cluster whose workers mail through one SMTP sink, read one
    broker and each serve HTTP on a port of its own."""

    def __init__(self, h, db, broker, sink, claim="3s", extra=""):
        super().__init__(h, db, extra=extra, lease=LEASE_S, renew=RENEW_S)
        self.broker = broker
        self.sink = sink
        self.claim = claim
        self.ports = {}
        self.token_file = h.path("admin.token")
        with open(self.token_file, "w") as f:
            f.write(ADMIN_TOKEN + "\n")
        os.chmod(self.token_file, 0o600)

    def config(self, name, **kw):
        port = self.ports.setdefault(name, harness.free_port())
        values = dict(db=self.db, worker=name, slots=K,
                      lease=ms(self.lease), renew=ms(self.renew),
                      mqtt_port=self.broker.port, smtp=self.sink.url,
                      http_port=port, token_file=self.token_file,
                      claim=self.claim,
                      sites="".join(SITE % {"id": s} for s in site_ids()),
                      extra=self.extra)
        values.update(kw)
        return self.h.write_config(CONFIG, name=name + ".conf", **values)

    def api(self, name):
        return "http://127.0.0.1:%d/api/v1" % self.ports[name]

    def owner_of(self, site):
        slot = store_scalar(self.db, "SELECT slot FROM sites WHERE id = ?",
                            (site,))
        return self.leases().get(slot, (None,))[0]

    def sites_of(self, worker):
        slot_of = dict(store_query(self.db, "SELECT id, slot FROM sites"))
        held = self.leases()
        return [s for s in site_ids()
                if held.get(slot_of[s], (None,))[0] == worker]

    def start_all(self, names):
        for n in names:
            self.start(n)
        self.wait_balanced(names, what="the workers share 16 slots")
        self.wait_links(names)

    def logs(self, pattern):
        out = []
        for pv in self.workers.values():
            out += pv.log_lines(pattern)
        return out

    def stop_all(self):
        for pv in self.workers.values():
            if pv.running:
                assert pv.stop(timeout=30 * SCALE) == 0


def start_sim(h, broker, site, t0, scenarios=()):
    """pvsim for site's inverter on the test's clock; scenarios are
    "KIND@+Nm+DUR[:SET]" with N minutes after t0 (pvsim's own offsets
    count from the clock's start, whose time has passed: it publishes
    that stretch at once, healthy)."""
    base = (t0 - h.clock.start_ms) // MIN
    spec = [re.sub(r"@\+(\d+)m", lambda g: "@+%dm" % (base + int(g.group(1))),
                   x) for x in scenarios]
    return h.start_pvsim(broker, site, devices=[site + "-inv1"],
                         name="pvsim-" + site, kwp=5, lat=45.75, lon=4.85,
                         duration="10h", scenarios=spec)


def minute_after(h, n=1):
    return h.clock.now() // MIN * MIN + n * MIN


def tickets(db, family="fault_code"):
    """{device: [(id, status, fingerprint)]} of the family's tickets."""
    out = {}
    for tid, status, fp, dev in store_query(
            db, "SELECT id, status, fingerprint, device_id FROM tickets"
            " WHERE family = ? ORDER BY id", (family,)):
        out.setdefault(dev, []).append((tid, status, fp))
    return out


def assert_one_open_ticket_per_fingerprint(db):
    dup = store_query(db, "SELECT fingerprint, count(*) FROM tickets WHERE"
                      " status NOT IN ('resolved', 'closed') GROUP BY"
                      " fingerprint HAVING count(*) > 1")
    assert dup == [], "two open tickets of one fingerprint: %r" % dup


def assert_each_alert_fired_once(db):
    """Every fingerprint's alert is stored firing once in the whole
    cluster (a new owner restored it firing), and no fault resolved while
    it lasted. (A device pvsim had not started yet may have been silent
    long enough: its communication alert resolves, once.)"""
    again = store_query(db, "SELECT fingerprint, count(*) FROM alerts"
                        " WHERE state = 'firing' GROUP BY fingerprint"
                        " HAVING count(*) > 1")
    assert again == [], "fired again after a take-over: %r" % again
    gone = store_query(db, "SELECT fingerprint FROM alerts WHERE state <>"
                       " 'firing' AND family = 'fault_code'")
    assert gone == [], "resolved while failing: %r" % gone
    return store_scalar(db, "SELECT count(DISTINCT fingerprint) FROM"
                        " alerts")


def mails_of(sink, ticket, audience, kind):
    return [m for m in sink.mails()
            if m["X-Pvsentry-Ticket"] == str(ticket) and
            (m["X-Pvsentry-Audience"] or "").lower() == audience and
            (m["X-Pvsentry-Kind"] or "").lower() == kind]


def assert_outbox_sent_once(db, sink):
    """Every mail is an outbox row's, every row has one Message-ID, and a
    row sent twice (its claim expired with a dead worker) went with the
    same one both times."""
    rows = store_query(db, "SELECT id, message_id, status FROM outbox"
                       " WHERE channel = 'email'")
    by_mid = {}
    for rid, mid, status in rows:
        assert mid, "outbox row %d without Message-ID" % rid
        assert mid not in by_mid, "rows %d and %d share %s" % (
            by_mid[mid], rid, mid)
        by_mid[mid] = rid
    got = {}
    for m in sink.mails():
        mid = m["Message-ID"]
        assert mid in by_mid, "a mail of no outbox row: %s" % mid
        got[mid] = got.get(mid, 0) + 1
    for rid, mid, status in rows:
        if status == "sent":
            assert got.get(mid, 0) >= 1, "row %d marked sent, no mail" % rid
    again = {m: n for m, n in got.items() if n > 1}
    return len(got), again


def wait_outbox_settled(db, timeout):
    def settled():
        return store_scalar(db, "SELECT count(*) FROM outbox WHERE status"
                            " IN ('pending', 'held')") == 0
    wait_until(settled, timeout, "the outbox to settle")


@pytest.mark.slow
def test_cluster_kill9_mid_fault_keeps_alerting(h, pg_db, pvsim_bin):
    # The broker keeps a dead worker's slot sessions: 4 devices at 10
    # messages a second for a lease and more.
    broker = h.start_mosquitto(extra_conf="max_queued_messages 100000\n")
    sink = h.start_smtp_sink()
    c = AlertCluster(h, pg_db, broker, sink)
    names = ["w1", "w2", "w3"]
    c.start_all(names)
    victim = c.sites_of("w2")
    other = c.sites_of("w1")
    assert len(victim) >= 2 and other, (victim, other)
    a, b, ctl = victim[0], victim[1], other[0]
    t0 = minute_after(h)
    # a and the control site fail 20 minutes in.
    sims = [start_sim(h, broker, a, t0, ["fault@+20m+10h"]),
            start_sim(h, broker, ctl, t0, ["fault@+20m+10h"])]
    wait_until(lambda: len(tickets(pg_db).get(a + "-inv1", [])) == 1,
               30 * SCALE, "a's ticket")
    ta = tickets(pg_db)[a + "-inv1"][0][0]
    sink.wait_mails(1, 30 * SCALE, pred=lambda m: m["X-Pvsentry-Ticket"] ==
                    str(ta), what="a's technician alert")
    # b fails two minutes after w2 dies, while nobody runs its slot.
    b_at = (h.clock.now() - t0) // MIN + 2
    sims.append(start_sim(h, broker, b, t0, ["fault@+%dm+10h" % b_at]))
    its = sorted(s for s, (o, _) in c.leases().items() if o == "w2")
    killed_sim = h.clock.now()
    t_kill = time.monotonic()
    c.workers["w2"].kill9()
    wait_until(lambda: all(c.leases().get(s, ("w2",))[0] in ("w1", "w3")
                           for s in its), c.lease + 30 * SCALE,
               "w2's slots taken over")
    took = time.monotonic() - t_kill
    print("kill -9 at %+d simulated minutes (b's fault at %+d): %d slots "
          "taken over in %.2f s" % ((killed_sim - t0) // MIN, b_at,
                                    len(its), took))
    new_a = c.owner_of(a)
    assert new_a in ("w1", "w3")
    c.workers[new_a].wait_log(r"engine: took over \d+ sites: restored "
                              r"[1-9]\d* firing alerts", 10 * SCALE)

    # b's fault, which began with nobody (or a dying worker) owning its
    # slot, is raised by the new owner: one ticket, both mails.
    wait_until(lambda: len(tickets(pg_db).get(b + "-inv1", [])) >= 1,
               60 * SCALE, "b's ticket from the new owner")
    ids = {}
    for site in (a, b, ctl):
        ts = tickets(pg_db)[site + "-inv1"]
        assert len(ts) == 1, (site, ts)
        ids[site] = ts[0][0]
        for aud, kind in ((TECH, ("technician", "alert")),
                          (CUST, ("customer", "notice"))):
            wait_until(lambda: mails_of(sink, ids[site], *kind),
                       60 * SCALE, "%s's %s %s" % (site, kind[0], kind[1]))
            assert aud in mails_of(sink, ids[site], *kind)[0]["To"]
    # Let the new owners run the faults on for an hour of device time.
    h.clock.wait_for(h.clock.now() + 60 * MIN, timeout=30 * SCALE)
    for s in sims:
        s.stop()
    wait_outbox_settled(pg_db, 60 * SCALE)

    assert_one_open_ticket_per_fingerprint(pg_db)
    nalerts = assert_each_alert_fired_once(pg_db)
    for site in (a, b, ctl):
        ts = tickets(pg_db)[site + "-inv1"]
        assert len(ts) == 1 and ts[0][1] not in ("resolved", "closed"), ts
        kinds = [k for (k,) in store_query(
            pg_db, "SELECT kind FROM ticket_events WHERE ticket_id = ?",
            (ids[site],))]
        assert kinds.count("opened") == 1, (site, kinds)
        assert "recovered" not in kinds and "reopened" not in kinds, (
            site, kinds)
        # One technician alert and one customer notice, no "back to
        # normal", whoever sent them.
        for kind in (("technician", "alert"), ("customer", "notice")):
            got = {m["Message-ID"] for m in mails_of(sink, ids[site], *kind)}
            assert len(got) == 1, (site, kind, got)
        assert not mails_of(sink, ids[site], "customer", "recovered")
        # No worker saw it resolve (the new owner restored it firing).
        # (Its firing is stored once: assert_each_alert_fired_once; a
        # killed worker may have logged one it never committed.)
        dev = re.escape(site + "-inv1")
        assert not c.logs(r"alert resolved: \S*%s\S*fault_code" % dev), site
    n, again = assert_outbox_sent_once(pg_db, sink)
    kinds = {}
    for m in sink.mails():
        k = "%s/%s" % (m["X-Pvsentry-Audience"], m["X-Pvsentry-Kind"])
        kinds[k] = kinds.get(k, 0) + 1
    print("mails: %r; tickets: %r" % (kinds, store_query(
        pg_db, "SELECT family, status, count(*) FROM tickets GROUP BY"
        " family, status")))
    print("kill -9 mid-fault: %d alerts each fired once, %d messages "
          "sent, %d sent again with the same Message-ID" % (
              nalerts, n, len(again)))
    assert_log_sound(c.log())
    c.stop_all()


@pytest.mark.slow
def test_cluster_paused_worker_mid_fault_no_second_ticket(h, pg_db,
                                                         pvsim_bin):
    broker = h.start_mosquitto(extra_conf="max_queued_messages 100000\n")
    sink = h.start_smtp_sink()
    c = AlertCluster(h, pg_db, broker, sink)
    c.start_all(["w1", "w2"])
    site = c.sites_of("w2")[0]
    dev = site + "-inv1"
    t0 = minute_after(h)
    sim = start_sim(h, broker, site, t0, ["fault@+20m+10h"])
    wait_until(lambda: len(tickets(pg_db).get(dev, [])) == 1, 30 * SCALE,
               "the ticket")
    tid = tickets(pg_db)[dev][0][0]
    w2 = c.workers["w2"]
    mark = w2.mark()
    os.kill(w2.proc.pid, signal.SIGSTOP)
    try:
        wait_until(lambda: c.held() == {"w1": K}, c.lease + 30 * SCALE,
                   "w1 takes w2's slots")
        c.workers["w1"].wait_log(r"engine: took over \d+ sites: restored "
                                 r"[1-9]\d* firing alerts", 10 * SCALE)
        # w1 runs the fault a while (30 simulated minutes) as its owner.
        h.clock.wait_for(h.clock.now() + 30 * MIN, timeout=30 * SCALE)
    finally:
        os.kill(w2.proc.pid, signal.SIGCONT)
    w2.wait_log(r"cluster: lost the lease of slot", 20 * SCALE, since=mark)
    c.wait_balanced(["w1", "w2"], what="w2 back in the share")
    h.clock.wait_for(h.clock.now() + 30 * MIN, timeout=30 * SCALE)
    sim.stop()
    wait_outbox_settled(pg_db, 60 * SCALE)
    assert_one_open_ticket_per_fingerprint(pg_db)
    assert_each_alert_fired_once(pg_db)
    ts = tickets(pg_db)[dev]
    assert [t[0] for t in ts] == [tid], ts
    kinds = [k for (k,) in store_query(
        pg_db, "SELECT kind FROM ticket_events WHERE ticket_id = ?",
        (tid,))]
    assert kinds.count("opened") == 1 and "reopened" not in kinds, kinds
    assert "recovered" not in kinds, kinds
    assert len({m["Message-ID"] for m in mails_of(
        sink, tid, "technician", "alert")}) == 1
    n, again = assert_outbox_sent_once(pg_db, sink)
    print("SIGSTOP past the lease mid-fault: one ticket, %d messages, %d "
          "sent again with the same Message-ID" % (n, len(again)))
    assert_log_sound(c.log())
    c.stop_all()


def post(url, path, body):
    import requests
    return requests.post(url + path, json=body, timeout=20 * SCALE,
                         headers={"Authorization": "Bearer " + ADMIN_TOKEN})


def get(url, path):
    import requests
    return requests.get(url + path, timeout=20 * SCALE,
                        headers={"Authorization": "Bearer " + ADMIN_TOKEN})


@pytest.mark.slow
def test_cluster_write_on_a_non_owner_takes_effect_on_the_owner(
        h, pg_db, pvsim_bin):
    broker = h.start_mosquitto()
    sink = h.start_smtp_sink()
    c = AlertCluster(h, pg_db, broker, sink)
    c.start_all(["w1", "w2"])
    quiet, loud = c.sites_of("w1")[:2]
    # A silence of quiet's site, written through w2's API: w2 does not
    # own it; w1 does, and hears of the write.
    m1 = c.workers["w1"].mark()
    r = post(c.api("w2"), "/silences", {
        "site": quiet, "start": "2024-06-21T00:00:00Z",
        "end": "2024-06-23T00:00:00Z", "reason": "roof works"})
    assert r.status_code == 201, r.text
    sid = r.json()["id"]
    c.workers["w1"].wait_log(r"main: configuration applied live",
                             20 * SCALE, since=m1)
    assert sid in [x["id"] for x in get(c.api("w1"), "/silences").json()]
    assert c.owner_of(quiet) == "w1"
    t0 = minute_after(h)
    sims = [start_sim(h, broker, s, t0, ["fault@+20m+10h"])
            for s in (quiet, loud)]

    def fired():
        return dict(store_query(
            pg_db, "SELECT site_id, MAX(silenced) FROM alerts WHERE state ="
            " 'firing' AND family = 'fault_code' GROUP BY site_id"))
    wait_until(lambda: len(fired()) == 2, 30 * SCALE, "both faults fire")
    # The owner applied the silence: quiet's alert is silenced and its
    # technician hears nothing; loud's is mailed as usual.
    assert fired() == {quiet: 1, loud: 0}, fired()
    t = tickets(pg_db)
    tq, tl = t[quiet + "-inv1"][0][0], t[loud + "-inv1"][0][0]
    wait_until(lambda: mails_of(sink, tl, "technician", "alert"),
               30 * SCALE, "loud's technician alert")
    h.clock.wait_for(h.clock.now() + 30 * MIN, timeout=30 * SCALE)
    for s in sims:
        s.stop()
    assert not mails_of(sink, tq, "technician", "alert")
    kinds = [k for (k,) in store_query(
        pg_db, "SELECT kind FROM ticket_events WHERE ticket_id = ?", (tq,))]
    assert "silenced" in kinds, kinds
    # Both faults were run by the owner (w1), not by the worker written to.
    for s in (quiet, loud):
        dev = re.escape(s + "-inv1")
        assert c.workers["w1"].log_lines(r"alert firing: \S*%s" % dev)
    c.stop_all()


@pytest.mark.slow
def test_cluster_take_over_replays_the_recent_readings(h, pg_db, pvsim_bin):
    """A counter that stopped 30 minutes before its worker died is seen
    frozen by the new owner when its time is up, not that long after the
    kill: the new owner gave the rules the stored samples back."""
    broker = h.start_mosquitto(extra_conf="max_queued_messages 100000\n")
    sink = h.start_smtp_sink()
    # An hour and a half before a stopped counter is frozen: room for a
    # slow machine between the kill (+50m) and the old owner's alert.
    c = AlertCluster(h, pg_db, broker, sink, extra=(
        '[rule "frozen-90m"]\nfamily = frozen\ncounter_for = 90m\n'))
    c.start_all(["w1", "w2", "w3"])
    site = c.sites_of("w2")[0]
    dev = site + "-inv1"
    t0 = minute_after(h)
    # The lifetime counter stops 20 minutes in (power goes on): frozen
    # after counter_for, at +110m.
    sim = start_sim(h, broker, site, t0,
                    ["breach@+20m+10h:ac_energy_wh=99999999"])
    h.clock.wait_for(t0 + 50 * MIN, timeout=30 * SCALE)
    wait_until(lambda: (store_scalar(pg_db, "SELECT max(ts_ms) FROM"
                                     " readings WHERE device_id = ?",
                                     (dev,)) or 0) >= t0 + 45 * MIN,
               30 * SCALE, "the frozen stretch stored")
    assert not store_query(pg_db, "SELECT id FROM alerts WHERE family ="
                           " 'frozen'")
    killed = h.clock.now()
    c.workers["w2"].kill9()
    wait_until(lambda: c.owner_of(site) in ("w1", "w3"),
               c.lease + 30 * SCALE, "the site taken over")
    owner = c.workers[c.owner_of(site)]
    wait_until(lambda: store_query(
        pg_db, "SELECT ts_ms FROM alerts WHERE family = 'frozen' AND"
        " subject = 'ac_energy_wh' AND state = 'firing'"), 60 * SCALE,
        "the frozen counter's alert")
    fired = store_query(pg_db, "SELECT ts_ms, device_id FROM alerts WHERE"
                        " family = 'frozen' AND subject = 'ac_energy_wh'")
    sim.stop()
    lines = owner.log_lines(r"engine: took over \d+ sites: .* and \d+ "
                            r"recent samples")
    replayed = max([int(re.search(r"and (\d+) recent", ln).group(1))
                    for ln in lines] or [0])
    print("take-over at %+d min replayed %d samples; frozen counter fired "
          "at %+d min (counter stopped at +20, counter_for 90)" % (
              (killed - t0) // MIN, replayed, (fired[0][0] - t0) // MIN))
    assert [d for _, d in fired] == [dev]
    # On time: 90 minutes after the counter stopped (plus a few
    # readings), not 90 minutes after the first reading the new owner
    # received (the first after the kill).
    assert fired[0][0] <= t0 + 120 * MIN, (fired[0][0] - t0) // MIN
    assert replayed > 0
    c.stop_all()
