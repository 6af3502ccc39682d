# SPDX-License-Identifier: MIT
"""Reliability: crashes and faults around a running pvsentry.

  kill -9       pvsentry killed at random moments during ingest, with
                tickets opening and mails pending, PVS_KILLS times (10
                here, 50 in `make soak`); after every restart the database
                passes PRAGMA integrity_check, and at the end every ticket
                exists once, every mail arrived, and a mail sent twice
                carries the same Message-ID both times
  faults        the SMTP receiver down for a while, the broker restarted,
                devices whose clocks jump a day ahead and back
  disk full     the database on a 2 MB tmpfs that fills up: a clear error,
                no corruption, writes resume when space returns (needs
                root to mount; skipped otherwise)

Everything runs on the simulated clock (600x: a simulated minute is 0.1 s;
slower under valgrind).
"""
import collections
import os
import random
import re
import shutil
import signal
import subprocess
import time

import pytest

import harness
from harness import db_query, db_scalar, wait_until

try:
    import paho.mqtt.client as mqtt
except ImportError:  # pragma: no cover
    mqtt = None

# Under valgrind pvsentry runs tens of times slower: a clock that ran at
# full speed would leave it an hour of simulated time behind its own
# timers, which is another test (see docs/benchmarks.md).
pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z",
                                   speed=600 / harness.TIMEOUT_SCALE)

SITE = "rel-01"
DEVICES = ["rel-01-inv%d" % i for i in range(1, 5)]
MIN = 60000
KILLS = int(os.environ.get("PVS_KILLS", "10"))

CONFIG = """\
[global]
database = ${db}
log_level = info
sim_start = ${sim_start}
sim_speed = ${sim_speed}
grace_period = 5m
reopen_window = 24h
tick = 30s
min_free_disk = ${min_free}

[mqtt]
uri = tcp://127.0.0.1:${mqtt_port}
client_id = pvsentry-reliability
qos = 1
topic = pvsentry/#
keepalive = 5s

[smtp]
url = smtp://127.0.0.1:${smtp_port}
from = pvsentry <monitoring@pvsentry.example>
timeout = 5s
retry_min = 20s
retry_max = 2m

[technician "alice"]
name = Alice Martin
email = alice@installer.example
language = en

[customer "dupont"]
name = Jean Dupont
email = jean.dupont@home.example
language = en

[site "${site}"]
name = Reliability house
address = 12 rue des Lilas, 69003 Lyon
latitude = 45.75
longitude = 4.85
timezone = Europe/Paris
kwp = 20
tilt = 30
azimuth = 180
customer = dupont
technician = alice

${devices}
# Faults are what this suite counts; production shortfall from a dead
# inverter would add a second problem per fault.
[rule "no-underperformance"]
family = underperformance
enabled = false

[rule "no-peer"]
family = peer
enabled = false
"""


def device_sections():
    return "\n".join('[device "%s"]\nsite = %s\nkind = inverter\nkwp = 5\n'
                     % (d, SITE) for d in DEVICES)


class Rig:
    """Broker, SMTP sink and pvsentry (database under dbdir)."""

    def __init__(self, h, dbdir=None, smtp_up=True, min_free="64m"):
        self.h = h
        self.broker = h.start_mosquitto()
        self.sink = harness.SmtpSink(h)
        if smtp_up:
            self.sink.start()
        self.db = os.path.join(dbdir or h.tmp, "pvsentry.db")
        self.cfg = h.write_config(CONFIG, db=self.db,
                                  mqtt_port=self.broker.port,
                                  smtp_port=self.sink.port, site=SITE,
                                  devices=device_sections(),
                                  min_free=min_free)
        self.pv = h.pvsentry(self.cfg)

    def start(self):
        mark = self.pv.mark()
        self.pv.start(timeout=30)
        self.pv.wait_log(r"mqtt: subscribed", 30, since=mark)
        return self

    def sim(self, duration, scenarios=(), **kw):
        return self.h.start_pvsim(self.broker, SITE, devices=DEVICES,
                                  kwp=5, lat=45.75, lon=4.85,
                                  duration=duration, scenarios=scenarios,
                                  qos=1, **kw)

    def at(self, offset):
        return self.h.clock.start_ms + harness.parse_duration_ms(offset)

    def outbox(self):
        return db_query(self.db, "SELECT id, ticket_id, audience, kind, "
                        "message_id, status FROM outbox ORDER BY id")

    def settled(self, n=0):
        rows = self.outbox()
        return len(rows) >= n and all(r[5] == "sent" for r in rows)


def check_delivery(rig):
    """Every outbox row is sent and arrived; a message that arrived more
    than once kept its Message-ID; one message per ticket, audience and
    kind. Returns (messages, resends)."""
    rows = rig.outbox()
    mails = rig.sink.mails()
    by_id = collections.Counter(
        (m["Message-ID"] or "").strip().strip("<>") for m in mails)
    assert "" not in by_id, "a mail without Message-ID"
    want = {r[4].strip("<>") for r in rows}
    missing = want - set(by_id)
    assert not missing, "mails never delivered: %s" % sorted(missing)
    unknown = set(by_id) - want
    assert not unknown, "mails that no outbox row explains: %s" % unknown
    # Distinct Message-IDs per ticket, audience and kind: exactly one.
    per = collections.defaultdict(set)
    for m in mails:
        key = (m["X-Pvsentry-Ticket"], m["X-Pvsentry-Audience"],
               m["X-Pvsentry-Kind"])
        per[key].add(m["Message-ID"].strip())
    dup = {k: v for k, v in per.items() if len(v) > 1}
    assert not dup, "one message, several Message-IDs: %s" % dup
    rows_per = collections.Counter((r[1], r[2], r[3]) for r in rows)
    assert all(n == 1 for n in rows_per.values()), rows_per
    return len(want), sum(n - 1 for n in by_id.values())


def check_tickets(rig, faulted):
    """One ticket per fingerprint; each faulted device has its fault
    ticket."""
    rows = db_query(rig.db, "SELECT fingerprint, count(*) FROM tickets "
                    "GROUP BY fingerprint")
    dups = [r for r in rows if r[1] != 1]
    assert not dups, "duplicated tickets: %s" % dups
    fault_devs = {r[0] for r in db_query(
        rig.db, "SELECT DISTINCT device_id FROM tickets WHERE family = "
        "'fault_code'")}
    assert fault_devs >= set(faulted), (fault_devs, faulted)
    return len(rows)


# ---- kill -9 -----------------------------------------------------------------

@pytest.mark.slow
def test_kill9_at_random_points(h, pvsentry_bin, pvsim_bin):
    """PVS_KILLS kill -9 at random moments while samples flow, faults open
    tickets and mails go out (the SMTP sink holds some back): nothing lost,
    nothing duplicated, the database intact after every crash."""
    rng = random.Random(int(os.environ.get("PVS_SEED", "8")))
    rig = Rig(h).start()
    # A fault per device, staggered, so tickets open and mails are queued
    # all along; each recovers, so "recovered" mails are in play too.
    hours = max(3, KILLS // 4)
    scen = ["fault/%s@+%dm+25m" % (d, 20 + 17 * i + (40 * i) % 90)
            for i, d in enumerate(DEVICES)]
    sim = rig.sim("%dh" % hours, scenarios=scen)
    end = rig.at("%dh" % hours)
    kills = 0
    integrity = []
    # Kill points spread over the run, randomly.
    span = rig.h.clock.real_seconds("%dh" % hours) * 0.9
    gaps = [rng.uniform(0.2, 2 * span / KILLS) for _ in range(KILLS)]
    for gap in gaps:
        time.sleep(gap)
        rig.pv.kill9()
        kills += 1
        integrity.append(harness.integrity_check(rig.db))
        assert integrity[-1] == "ok", (kills, integrity[-1])
        # Sometimes stay down while pvsim keeps publishing.
        if rng.random() < 0.3:
            time.sleep(rng.uniform(0.1, 1.0))
        rig.start()
    summary = sim.wait(120)
    assert summary["acked"] == summary["messages"]
    rig.h.clock.wait_for(end + 10 * MIN)
    wait_until(lambda: rig.settled(1), 60, "every mail sent")
    rig.pv.stop()
    assert harness.integrity_check(rig.db) == "ok"

    tickets = check_tickets(rig, DEVICES)
    messages, resends = check_delivery(rig)
    stored = db_scalar(rig.db, "SELECT count(*) FROM (SELECT DISTINCT "
                       "device_id, metric, ts_ms FROM samples) AS d")
    lost = summary["samples"] - stored
    print("kill -9: %d kills survived, %d tickets, %d mails (%d resent "
          "with the same Message-ID), %d of %d acknowledged samples lost"
          % (kills, tickets, messages, resends, lost, summary["samples"]))
    assert kills == KILLS
    # Alerts ride in the batch that commits them: a restart neither
    # repeats nor forgets one. (Samples acknowledged to the broker but
    # still in the inbox at the crash are lost: reported above.)
    assert tickets >= len(DEVICES)


# ---- faults --------------------------------------------------------------------

def publish(port, msgs):
    c = mqtt.Client(client_id="reliability-pub", clean_session=True)
    c.connect("127.0.0.1", port)
    c.loop_start()
    try:
        infos = [c.publish(t, p, qos=1) for t, p in msgs]
        for i in infos:
            i.wait_for_publish(10)
    finally:
        c.loop_stop()
        c.disconnect()


@pytest.mark.slow
def test_smtp_down_broker_restart_clock_jump(h, pvsentry_bin, pvsim_bin):
    """The SMTP receiver goes away for a simulated hour while a fault
    fires, the broker restarts meanwhile, and one device's clock jumps a
    day ahead then back: every mail arrives once, no alert storm, the
    jumped samples are kept but marked, rules keep working."""
    if mqtt is None:
        pytest.skip("python3-paho-mqtt missing")
    rig = Rig(h).start()
    sim = rig.sim("3h", scenarios=["fault/%s@+20m+10h" % DEVICES[0],
                                   "fault/%s@+80m+10h" % DEVICES[1]])
    rig.sink.wait_mails(2, 30, what="the first fault's mails")
    rig.sink.stop()
    rig.h.clock.wait_for(rig.at("60m"))
    # A device clock a day ahead, then a day behind, mid-stream.
    now = rig.h.clock.now() // 1000 * 1000
    ahead, behind = now + 86400000, now - 86400000
    topic = "pvsentry/%s/%s" % (SITE, DEVICES[2])
    publish(rig.broker.port, [
        (topic, '{"ts": %d, "ac_power_w": 1200, "state": "mppt"}'
         % (ahead // 1000)),
        (topic, '{"ts": %d, "ac_power_w": 1100, "state": "mppt"}'
         % (behind // 1000))])
    mark = rig.pv.mark()
    rig.broker.restart()
    rig.pv.wait_log(r"mqtt: subscribed", 30, since=mark)
    rig.pv.wait_log(r"ticket #\d+ opened", 30, since=mark)
    wait_until(lambda: db_scalar(rig.db, "SELECT count(*) FROM "
                                 "delivery_attempts WHERE ok = 0") >= 2,
               30, "failed attempts while SMTP is down")
    rig.h.clock.wait_for(rig.at("110m"))
    rig.sink.start()
    summary = sim.wait(120)
    wait_until(lambda: rig.settled(4), 60, "all four mails sent")
    assert summary["acked"] == summary["messages"]

    check_tickets(rig, DEVICES[:2])
    messages, _ = check_delivery(rig)
    assert messages == 4
    # The jump: both samples stored, the future one marked, and the
    # device raised no alert of its own.
    q = dict(db_query(rig.db, "SELECT ts_ms, quality FROM samples WHERE "
                      "device_id = ? AND metric = 'ac_power_w' AND ts_ms IN "
                      "(?, ?)", (DEVICES[2], ahead, behind)))
    assert set(q) == {ahead, behind}, q
    assert q[ahead] != 0, "a sample a day ahead stored as good"
    assert db_scalar(rig.db, "SELECT count(*) FROM tickets WHERE "
                     "device_id = ?", (DEVICES[2],)) == 0
    # No storm: the broker restart raised no communication alert.
    assert db_scalar(rig.db, "SELECT count(*) FROM alerts WHERE family = "
                     "'communication'") == 0
    assert rig.pv.stop() == 0
    assert harness.integrity_check(rig.db) == "ok"


# ---- disk full -----------------------------------------------------------------

def can_mount():
    return os.geteuid() == 0 and shutil.which("mount")


@pytest.fixture
def tiny_fs(h):
    if not can_mount():
        pytest.skip("mounting a tmpfs needs root")
    path = h.path("tinyfs")
    os.makedirs(path)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs",
                        path], capture_output=True, text=True)
    if r.returncode:
        pytest.skip("cannot mount a tmpfs here: %s" % r.stderr.strip())
    yield path
    for p in h.procs:  # pvsentry lets go of the files before the umount
        if p.name.startswith("pvsentry"):
            p.stop()
    subprocess.run(["umount", "-l", path])


def fill(path):
    """Fill the file system at path; returns the filler's name."""
    filler = os.path.join(path, "filler")
    # Unbuffered: a buffer left at close() would raise ENOSPC there.
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 65536)
        except OSError:
            pass
    return filler


def fill_during_ingest(h, tiny_fs, min_free):
    """pvsentry on tiny_fs with min_free_disk = min_free, storing a
    simulated site; once rows are stored, fill the file system. Returns
    the rig, the simulator, the log mark before the fill and the filler."""
    rig = Rig(h, dbdir=tiny_fs, min_free=min_free).start()
    sim = rig.sim("3h")
    wait_until(lambda: (db_scalar(rig.db, "SELECT max(rowid) FROM readings")
                        or 0) > 10, 30, "samples stored")
    mark = rig.pv.mark()
    return rig, sim, mark, fill(tiny_fs)


def last_stats(pv):
    """The counters of pvsentry's last `stats:` line (logged at exit)."""
    line = pv.wait_log(r"stats: ", 5)[-1]
    return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", line)}


def live_stats(pv):
    """The counters of a running pvsentry (SIGUSR1 logs a `stats:` line)."""
    mark = pv.mark()
    pv.proc.send_signal(signal.SIGUSR1)
    line = pv.wait_log(r"stats: ", 5, since=mark)[-1]
    return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", line)}


@pytest.mark.slow
@pytest.mark.sqlite_only
def test_disk_full_then_space_returns(h, tiny_fs, pvsentry_bin, pvsim_bin):
    """The database's file system fills up during ingest: pvsentry says so
    clearly, pauses ingest (messages wait in its inbox and at the broker),
    keeps running, corrupts nothing, and once space returns stores what
    waited. Every acknowledged sample is stored, or counted as lost when
    the disk filled in the middle of a batch."""
    rig, sim, mark, filler = fill_during_ingest(h, tiny_fs, "256k")
    err = rig.pv.wait_log(r"disk nearly full: .* ingest paused", 30,
                          since=mark)
    assert rig.pv.running
    before = db_scalar(rig.db, "SELECT max(rowid) FROM readings")
    assert harness.integrity_check(rig.db) == "ok"
    time.sleep(rig.h.clock.real_seconds("20m"))
    assert rig.pv.running
    # Paused: nothing more was written while the disk was full.
    assert db_scalar(rig.db, "SELECT max(rowid) FROM readings") == before
    os.unlink(filler)
    rig.pv.wait_log(r"disk space is back .*: ingest resumed", 30, since=mark)
    wait_until(lambda: db_scalar(rig.db, "SELECT max(rowid) FROM readings")
               > before + 10, 30, "samples stored again")
    summary = sim.wait(120)
    assert summary["acked"] == summary["messages"]
    # A batch the disk filled under is lost and counted (the filler took
    # the reserve at once): stored and counted lost make up the whole.
    wait_until(lambda: db_scalar(rig.db, "SELECT count(*) FROM samples") +
               live_stats(rig.pv)["samples_lost"] >= summary["samples"], 60,
               "the backlog stored, or counted lost")
    rig.pv.stop()
    assert harness.integrity_check(rig.db) == "ok"
    stored = db_scalar(rig.db, "SELECT count(*) FROM samples")
    counters = last_stats(rig.pv)
    print("disk full: %r; %d of %d samples stored, %d counted lost, "
          "paused %d time(s)" % (err[0][-100:], stored, summary["samples"],
                                 counters["samples_lost"],
                                 counters["ingest_paused"]))
    assert counters["ingest_paused"] >= 1
    assert stored + counters["samples_lost"] >= summary["samples"]


@pytest.mark.slow
@pytest.mark.sqlite_only
def test_disk_full_without_reserve_counts_what_is_lost(h, tiny_fs,
                                                       pvsentry_bin,
                                                       pvsim_bin):
    """min_free_disk = 0: SQLite itself runs out of space mid-batch. The
    error is clear, the database intact, writes resume when space returns,
    and the samples of the failed batches are counted, not silently
    gone."""
    rig, sim, mark, filler = fill_during_ingest(h, tiny_fs, "0")
    rig.pv.wait_log(r"cannot commit a batch .*samples lost.*full", 30,
                    since=mark)
    time.sleep(rig.h.clock.real_seconds("10m"))
    assert harness.integrity_check(rig.db) == "ok"
    os.unlink(filler)
    rig.pv.wait_log(r"database writes work again", 30, since=mark)
    summary = sim.wait(120)
    time.sleep(1)
    rig.pv.stop()
    assert harness.integrity_check(rig.db) == "ok"
    stored = db_scalar(rig.db, "SELECT count(*) FROM samples")
    counters = last_stats(rig.pv)
    assert counters["samples_lost"] > 0
    assert stored + counters["samples_lost"] == summary["samples"], (
        stored, counters["samples_lost"], summary["samples"])


# ---- backup and restore ----------------------------------------------------------

@pytest.mark.slow
@pytest.mark.sqlite_only
def test_backup_while_running_then_restore(h, pvsentry_bin, pvsim_bin):
    """`pvsentry backup` during ingest gives a checked, self-contained copy;
    restoring it as docs/operations.md says brings the tickets back and the
    daemon carries on from there."""
    rig = Rig(h).start()
    sim = rig.sim("2h", scenarios=["fault/%s@+20m+10h" % DEVICES[0]])
    rig.pv.wait_log(r"ticket #\d+ opened", 30)
    rig.sink.wait_mails(2, 30, what="the fault's mails")
    out = h.path("backup.db")
    copies = []
    for i in range(3):  # while samples keep coming in
        r = rig.pv.cli("backup", "-c", rig.cfg, out)
        assert "integrity ok" in r.stdout, r.stdout
        assert not os.path.exists(out + "-wal")
        copies.append(db_scalar(out, "SELECT count(*) FROM samples"))
        time.sleep(0.3)
    assert copies == sorted(copies) and copies[-1] > 0, copies
    assert harness.integrity_check(out) == "ok"
    tickets = db_query(out, "SELECT id, fingerprint FROM tickets")
    assert len(tickets) == 1, tickets
    r = rig.pv.cli("backup", "-c", rig.cfg, rig.db, check=False)
    assert r.returncode != 0 and "database itself" in r.stderr

    # Restore: stop, replace the file, drop the WAL, start.
    sim.wait(120)
    rig.pv.stop()
    for sfx in ("-wal", "-shm"):
        if os.path.exists(rig.db + sfx):
            os.unlink(rig.db + sfx)
    shutil.copyfile(out, rig.db)
    rig.start()
    assert db_query(rig.db, "SELECT id, fingerprint FROM tickets") == tickets
    assert rig.pv.stop() == 0
    assert harness.integrity_check(rig.db) == "ok"
