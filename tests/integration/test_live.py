# SPDX-License-Identifier: MIT
"""Changes take effect live: API writes and SIGHUP restart nothing that
did not change (real pvsentry, mosquitto, pvsim; plain HTTP clients that
never retry, so a reset connection fails the test)."""
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time

import pytest
import requests

import harness
from harness import wait_until
from webapi import ADMIN_TOKEN, WebEnv

SITE = {"name": "Roux chalet", "latitude": 45.9, "longitude": 6.12,
        "timezone": "Europe/Paris", "kwp": 5, "customer_id": "dupont",
        "technician_id": "alice", "address": "1 place Grenette"}


def admin_session():
    s = requests.Session()
    s.headers["Authorization"] = "Bearer " + ADMIN_TOKEN
    return s


def writes_of_every_kind(url, s, n):
    """Yield (description, response) for API writes that change the
    running configuration: sites, devices, people, silences."""
    t = 20 * harness.TIMEOUT_SCALE
    for i in range(n):
        k = i % 6
        sid, did = "w-site-%d" % (i // 6), "w-dev-%d" % (i // 6)
        if k == 0:
            yield "site", s.post(url + "/sites", json=dict(SITE, id=sid),
                                 timeout=t)
        elif k == 1:
            yield "device", s.post(url + "/devices", json={
                "id": did, "site_id": sid, "kwp": 5}, timeout=t)
        elif k == 2:
            yield "customer", s.post(url + "/customers", json={
                "id": "c-%d" % i, "name": "C %d" % i,
                "email": "c%d@home.example" % i}, timeout=t)
        elif k == 3:
            yield "technician", s.post(url + "/technicians", json={
                "id": "t-%d" % i, "name": "T %d" % i}, timeout=t)
        elif k == 4:
            yield "silence", s.post(url + "/silences", json={
                "site": sid, "start": "2024-06-21T00:00:00Z",
                "end": "2024-06-22T00:00:00Z", "reason": "works"},
                timeout=t)
        else:
            yield "device update", s.patch(url + "/devices/" + did,
                                           json={"kwp": 6}, timeout=t)


def test_relative_config_then_api_writes_keep_everything(h):
    """`run -c pvsentry.conf` (relative): after an API write of each
    kind the HTTP server still answers, MQTT stays connected, the file's
    devices are still monitored and the new device raises its alert."""
    env = WebEnv(h)
    env.pv.config = "pvsentry.conf"  # relative to the daemon's cwd
    env.start().create_users()
    s = admin_session()
    mark = env.pv.mark()
    for what, r in writes_of_every_kind(env.url, s, 6):
        assert r.status_code in (200, 201), (what, r.text)
        env.wait_reload(mark)
        mark = env.pv.mark()
        assert s.get(env.base + "/healthz", timeout=10).status_code == 200
    assert env.pv.log_lines(r"applied live \(3 sites, 3 devices\)")
    assert not env.pv.log_lines(r"lost the connection|reloading")
    assert len(env.pv.log_lines(r"mqtt: connected to")) == 1
    assert len(env.pv.log_lines(r"web: listening")) == 1
    # The file's devices and the API's device both raise their alerts.
    s.post(env.url + "/sites", json=dict(SITE, id="annecy-01"))
    env.wait_reload(mark)
    mark = env.pv.mark()
    s.post(env.url + "/devices", json={"id": "annecy-01-inv1",
                                       "site_id": "annecy-01", "kwp": 5})
    env.wait_reload(mark)
    got = env.fault_tickets(sites=("lyon-01", "annecy-01"))
    assert set(got) == {"lyon-01", "annecy-01"}


def test_api_writes_under_load_cost_no_request(h):
    """100 API writes of every kind while 8 clients work the API and
    pvsim publishes: no connection reset, every 2xx write is one audited
    change, /healthz 200 throughout, one MQTT session, no sample lost."""
    env = WebEnv(h).start().create_users()
    sim = h.start_pvsim(env.broker, "lyon-01", devices=["lyon-01-inv1"],
                        name="pvsim-load", duration="3h", interval="60s")
    stop = threading.Event()
    errors, health = [], []
    gets = [0]

    def client(i):
        s = admin_session()
        while not stop.is_set():
            try:
                r = s.get(env.url + ("/sites" if i % 2 else "/tickets"),
                          timeout=20)
                if r.status_code != 200:
                    errors.append("GET %d" % r.status_code)
                gets[0] += 1
            except requests.RequestException as e:
                errors.append(repr(e))

    def prober():
        s = requests.Session()
        while not stop.is_set():
            try:
                health.append(s.get(env.base + "/healthz",
                                    timeout=20).status_code)
            except requests.RequestException as e:
                health.append(repr(e))
            time.sleep(0.05)

    before = harness.db_scalar(env.db, "SELECT count(*) FROM audit")
    threads = [threading.Thread(target=client, args=(i,)) for i in range(8)]
    threads.append(threading.Thread(target=prober))
    for t in threads:
        t.start()
    ok = 0
    try:
        for what, r in writes_of_every_kind(env.url, admin_session(), 100):
            assert r.status_code in (200, 201), (what, r.text)
            ok += 1
    finally:
        stop.set()
        for t in threads:
            t.join(60)
    summary = sim.wait(120)
    assert errors == [], errors[:5]
    assert gets[0] > 0
    assert health and all(c == 200 for c in health), \
        [c for c in health if c != 200][:5]
    after = harness.db_scalar(env.db, "SELECT count(*) FROM audit")
    assert after - before == ok == 100
    assert not env.pv.log_lines(r"lost the connection|reloading")
    assert len(env.pv.log_lines(r"mqtt: connected to")) == 1
    assert summary["acked"] == summary["messages"]
    wait_until(lambda: harness.db_scalar(
        env.db, "SELECT count(*) FROM samples WHERE device_id = ?",
        ("lyon-01-inv1",)) == summary["samples"], 30, "every sample stored")


def test_state_survives_unrelated_write_and_sighup(h):
    """A firing alert, its ticket and what the rules learnt are untouched
    by an API write and a SIGHUP about something else."""
    env = WebEnv(h).start().create_users()
    tickets = env.fault_tickets(sites=("lyon-01",))
    tid = tickets["lyon-01"]["id"]
    s = admin_session()

    def timeline():
        return s.get(env.url + "/tickets/%d" % tid, timeout=10).json()

    def learnt():
        return harness.db_query(env.db, "SELECT key, value FROM meta WHERE "
                                "key LIKE 'learnt/%' ORDER BY key")
    def firing():
        # The firing alerts with their start and energy counted lost.
        return harness.db_query(env.db, "SELECT fingerprint, started_ms, "
                                "lost_kwh FROM alerts WHERE state = "
                                "'firing' ORDER BY fingerprint")
    t0, l0, f0 = timeline(), learnt(), firing()
    assert f0
    mark = env.pv.mark()
    r = s.post(env.url + "/sites", json=dict(SITE, id="other-01"))
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    # An unrelated section changes on SIGHUP.
    with open(env.cfg, "a") as f:
        f.write('\n[customer "later"]\nname = Later\n'
                'email = later@home.example\n')
    env.pv.sighup()
    env.pv.wait_log(r"ready \(reloaded", 20, since=mark)
    assert not env.pv.log_lines(r"restored \d+ firing alerts", since=mark)
    assert not env.pv.log_lines(r"alert (firing|resolved)", since=mark)
    assert timeline() == t0
    assert learnt() == l0
    assert firing() == f0


def slow_request(port, started, result):
    """A POST whose body trickles in over about two seconds."""
    body = b'{"username": "nobody", "password": "' + b"x" * 40 + b'"}'
    c = socket.create_connection(("127.0.0.1", port), timeout=30)
    try:
        c.sendall(b"POST /api/v1/login HTTP/1.1\r\nHost: x\r\n"
                  b"Content-Type: application/json\r\n"
                  b"Content-Length: %d\r\nConnection: close\r\n\r\n"
                  % len(body))
        started.set()
        for i in range(0, len(body), 4):
            c.sendall(body[i:i + 4])
            time.sleep(0.1)
        data = b""
        while True:
            chunk = c.recv(65536)
            if not chunk:
                break
            data += chunk
        result.append(data)
    except OSError as e:
        result.append(e)
    finally:
        c.close()


def test_sighup_moves_http_port_while_a_request_runs(h):
    """SIGHUP with a new [http] port: the request in flight on the old
    port completes, the new port serves, MQTT is not touched."""
    env = WebEnv(h).start()
    new_port = harness.free_port()
    started, result = threading.Event(), []
    t = threading.Thread(target=slow_request,
                         args=(env.port, started, result))
    t.start()
    assert started.wait(10)
    text = open(env.cfg).read()
    with open(env.cfg, "w") as f:
        f.write(re.sub(r"(?m)^port = %d$" % env.port, "port = %d" % new_port,
                       text))
    mark = env.pv.mark()
    env.pv.sighup()
    env.pv.wait_log(r"ready \(reloaded", 20, since=mark)
    t.join(30)
    assert result and isinstance(result[0], bytes), result
    assert result[0].startswith(b"HTTP/1.1 "), result[0][:200]
    r = requests.get("http://127.0.0.1:%d/healthz" % new_port, timeout=10)
    assert r.status_code == 200
    wait_until(lambda: not harness.port_open(env.port), 10,
               "the old port closed")
    assert not env.pv.log_lines(r"lost the connection|mqtt: connected to",
                                since=mark)


def test_broker_down_is_named_by_healthz_once(h):
    """Broker stopped: /healthz 503 naming mqtt and one log line; broker
    back: 200 and one line. pvsentry's own parts keep running."""
    env = WebEnv(h).start()
    url = env.base + "/healthz"
    assert requests.get(url, timeout=10).status_code == 200
    # The engine may have seen the link before it was up (a slow start):
    # its "healthy again" belongs before the mark.
    if env.pv.log_lines(r"ingest source 'mqtt' is down"):
        env.pv.wait_log(r"ingest source 'mqtt' is healthy again", 30)
    mark = env.pv.mark()
    env.broker.stop()

    def down():
        r = requests.get(url, timeout=10)
        return (r,) if r.status_code == 503 else None
    (r,) = wait_until(down, 30, "/healthz 503")
    assert r.json()["failing"] == ["mqtt"], r.text
    env.pv.wait_log(r"ingest source 'mqtt' is down", 30, since=mark)
    env.broker.start()
    wait_until(lambda: requests.get(url, timeout=10).status_code == 200, 60,
               "/healthz 200 again")
    env.pv.wait_log(r"ingest source 'mqtt' is healthy again", 30, since=mark)
    assert len(env.pv.log_lines(r"ingest source 'mqtt' is down",
                                since=mark)) == 1
    assert len(env.pv.log_lines(r"ingest source 'mqtt' is healthy again",
                                since=mark)) == 1


def test_ready_without_broker_names_it(h):
    """The broker is down at start: pvsentry is ready all the same (its
    own parts run), the ready line and /healthz name mqtt; the broker
    comes: /healthz 200."""
    env = WebEnv(h)
    env.broker.stop()
    env.pv.start()
    line = env.pv.wait_log(r"main: ready", 15)[0]
    assert "degraded: mqtt" in line, line
    harness.wait_port(env.port, 10, env.pv.proc)
    r = requests.get(env.base + "/healthz", timeout=10)
    assert r.status_code == 503 and r.json()["failing"] == ["mqtt"], r.text
    env.broker.start()
    wait_until(lambda: requests.get(env.base + "/healthz",
                                    timeout=10).status_code == 200, 60,
               "/healthz 200 once the broker is up")


@pytest.fixture
def tiny_fs(h):
    """A 16 MB tmpfs for the database (root only)."""
    if os.geteuid() != 0 or not shutil.which("mount"):
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


@pytest.mark.sqlite_only
def test_sighup_while_the_disk_is_full_waits_then_applies(h, tiny_fs):
    """The engine is paused for a full disk: a SIGHUP does not hang the
    daemon (it says the change waits, /healthz and SIGUSR1 still
    answer); space back: the change is applied, nothing restarted.
    (The disk of SQLite's file: SQLite only.)"""
    env = WebEnv(h)
    text = open(env.cfg).read()
    text = text.replace("database = %s" % env.db,
                        "database = %s/pvsentry.db\nmin_free_disk = 4m"
                        % tiny_fs)
    with open(env.cfg, "w") as f:
        f.write(text)
    env.db = os.path.join(tiny_fs, "pvsentry.db")
    env.start()
    filler = os.path.join(tiny_fs, "filler")
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 65536)
        except OSError:
            pass
    mark = env.pv.mark()
    env.pv.wait_log(r"disk nearly full: .* ingest paused", 30, since=mark)
    with open(env.cfg, "a") as f:
        f.write('\n[customer "later"]\nname = Later\n'
                'email = later@home.example\n')
    env.pv.sighup()
    env.pv.wait_log(r"the reload waits: the engine is paused", 30,
                    since=mark)
    # The main thread is free: it takes signals, the server answers.
    env.pv.proc.send_signal(signal.SIGUSR1)
    env.pv.wait_log(r"main: stats: ", 10, since=mark)
    assert requests.get(env.base + "/healthz", timeout=10).status_code \
        == 200
    assert not env.pv.log_lines(r"ready \(reloaded", since=mark)
    os.unlink(filler)
    env.pv.wait_log(r"ingest resumed", 30, since=mark)
    env.pv.wait_log(r"ready \(reloaded, 2 sites", 30, since=mark)
    r = requests.get(env.url + "/customers/later", timeout=10,
                     headers={"Authorization": "Bearer " + ADMIN_TOKEN})
    assert r.status_code == 200, r.text
    assert len(env.pv.log_lines(r"the reload waits", since=mark)) == 1
    assert not env.pv.log_lines(r"restarting|lost the connection",
                                since=mark)
    assert len(env.pv.log_lines(r"mqtt: connected to")) == 1


MODBUS_CONFIG = """\
[global]
database = ${tmp}/pvsentry.db
log_level = info
sim_start = ${sim_start}
sim_speed = ${sim_speed}
grace_period = 10m
tick = 30s
batch_interval = 50ms

[site "s1"]
latitude = 45.75
longitude = 4.85
timezone = Europe/Paris
kwp = 5

[endpoint "gw1"]
url = tcp://127.0.0.1:${port1}
timeout = 300ms

[endpoint "gw2"]
url = tcp://127.0.0.1:${port2}
timeout = ${timeout2}

[device "inv-a"]
site = s1
kwp = 5
endpoint = gw1
unit_id = 1
profile = sunspec
interval = 60s

[device "inv-b"]
site = s1
kwp = 5
endpoint = gw2
unit_id = 1
profile = sunspec
interval = 60s
"""


def start_modbus_sim(h, port, name):
    argv = [os.path.join(h.build, "pvsim"), "modbus", "--listen",
            "tcp://127.0.0.1:%d" % port, "--devices", "1", "--kwp", "5",
            "--lat", "45.75", "--lon", "4.84", "--sim-start",
            h.clock.start_iso, "--speed", repr(h.clock.speed)]
    p = h.spawn(name, argv)
    harness.wait_port(port, 10, proc=p, what=name)
    return p


def max_gap_ms(db, device, since_ms):
    ts = [r[0] for r in harness.db_query(
        db, "SELECT DISTINCT ts_ms FROM samples WHERE device_id = ? AND "
        "ts_ms >= ? ORDER BY ts_ms", (device, since_ms))]
    return max(b - a for a, b in zip(ts, ts[1:])) if len(ts) > 1 else None


@pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)
def test_sighup_restarts_only_the_endpoint_that_changed(h, pvsim_bin):
    """Two Modbus endpoints; SIGHUP changes one: it reconnects and
    discovers its device again, the other keeps its connection, its
    discovery and its schedule (no gap in its samples)."""
    p1, p2 = harness.free_port(), harness.free_port()
    start_modbus_sim(h, p1, "pvsim-gw1")
    start_modbus_sim(h, p2, "pvsim-gw2")
    cfg = h.write_config(MODBUS_CONFIG, port1=p1, port2=p2,
                         timeout2="300ms")
    pv = h.start_pvsentry(cfg)
    for dev in ("inv-a", "inv-b"):
        pv.wait_log(r"device '%s' \(unit 1 on .*\): SunSpec base" % dev, 20)
    db = h.path("pvsentry.db")
    wait_until(lambda: harness.db_scalar(
        db, "SELECT count(DISTINCT ts_ms) FROM samples WHERE device_id = "
        "'inv-a'") >= 5, 30, "inv-a polled")
    since = harness.db_scalar(db, "SELECT max(ts_ms) FROM samples")
    # The machine's own jitter before the change (a busy machine polls
    # late now and then).
    jitter = max_gap_ms(db, "inv-a", 0) or 0
    text = open(cfg).read().replace("timeout = 300ms\n\n[device \"inv-a\"]",
                                    "timeout = 400ms\n\n[device \"inv-a\"]")
    with open(cfg, "w") as f:
        f.write(text)
    mark = pv.mark()
    pv.sighup()
    pv.wait_log(r"ready \(reloaded", 20, since=mark)
    pv.wait_log(r"device 'inv-b' \(unit 1 on .*\): SunSpec base", 20,
                since=mark)
    assert pv.log_lines(r"endpoint 'gw2' stops", since=mark)
    assert not pv.log_lines(r"endpoint 'gw1' (stops|\(\d+ device)",
                            since=mark)
    assert not pv.log_lines(r"device 'inv-a' .*SunSpec base", since=mark)
    # inv-a's polls went on at their interval through the change.
    wait_until(lambda: harness.db_scalar(
        db, "SELECT count(DISTINCT ts_ms) FROM samples WHERE device_id = "
        "'inv-a' AND ts_ms > ?", (since,)) >= 10, 30, "inv-a polled on")
    gap = max_gap_ms(db, "inv-a", since)
    assert gap is not None and gap <= max(3 * 60000, 2 * jitter), \
        (gap, jitter)


def test_smtp_change_by_sighup_keeps_the_rest(h):
    """[smtp] moves to another server by SIGHUP: HTTP, MQTT and the
    firing alert are untouched, and the next mail goes to the new
    server."""
    old, new = harness.SmtpSink(h, name="smtp-old"), \
        harness.SmtpSink(h, name="smtp-new")
    old.start()
    new.start()
    env = WebEnv(h)
    text = open(env.cfg).read()
    smtp = ("[smtp]\nurl = smtp://127.0.0.1:%d\n"
            "from = pvsentry <monitoring@pvsentry.example>\ntimeout = 5s\n\n")
    with open(env.cfg, "w") as f:
        f.write(text.replace("[http]\n", smtp % old.port + "[http]\n", 1))
    env.start()
    tickets = env.fault_tickets(sites=("lyon-01",))
    old.wait_mails(1, 60, pred=lambda m: "alice@installer.example" in
                   str(m["To"]), what="the technician's mail")
    assert tickets["lyon-01"]["id"]
    firing0 = harness.db_query(env.db, "SELECT fingerprint, started_ms "
                               "FROM alerts WHERE state = 'firing' "
                               "ORDER BY fingerprint")
    assert firing0
    text = open(env.cfg).read()
    with open(env.cfg, "w") as f:
        f.write(text.replace("smtp://127.0.0.1:%d\n" % old.port,
                             "smtp://127.0.0.1:%d\n" % new.port))
    mark = env.pv.mark()
    before_old = len(old.mails())
    env.pv.sighup()
    env.pv.wait_log(r"ready \(reloaded", 20, since=mark)
    env.pv.wait_log(r"delivering with the new \[smtp\]", 20, since=mark)
    env.fault_tickets(sites=("nantes-01",))
    new.wait_mails(1, 60, pred=lambda m: "bob@installer.example" in
                   str(m["To"]), what="the next mail, at the new server")
    assert not [m for m in old.mails()[before_old:]
                if "bob@installer.example" in str(m["To"])]
    assert not env.pv.log_lines(r"restarting|lost the connection|"
                                r"web: listening|mqtt: connected to",
                                since=mark)
    assert not env.pv.log_lines(r"restored \d+ firing alerts", since=mark)
    firing1 = harness.db_query(env.db, "SELECT fingerprint, started_ms "
                               "FROM alerts WHERE state = 'firing' "
                               "ORDER BY fingerprint")
    assert set(firing0) <= set(firing1), (firing0, firing1)


@pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)
def test_modbus_endpoint_down_is_named_in_ready_and_healthz(h, pvsim_bin):
    """A gateway that refuses connections at start: pvsentry is ready
    all the same, the ready line and /healthz name it; it comes: 200,
    one line; it stops: 503 naming it, one line; it is back: 200, one
    line."""
    p1, p2, port = harness.free_port(), harness.free_port(), \
        harness.free_port()
    start_modbus_sim(h, p1, "pvsim-gw1")
    cfg = h.write_config(MODBUS_CONFIG + "\n[http]\nlisten = 127.0.0.1\n"
                         "port = ${http_port}\n", port1=p1, port2=p2,
                         timeout2="300ms", http_port=port)
    pv = h.start_pvsentry(cfg)
    gw2 = "modbus tcp://127.0.0.1:%d (refused)" % p2
    line = pv.wait_log(r"main: ready", 15)[0]
    assert line.endswith("degraded: %s)" % gw2), line
    harness.wait_port(port, 10, pv.proc)
    url = "http://127.0.0.1:%d/healthz" % port
    r = requests.get(url, timeout=10)
    assert r.status_code == 503 and r.json()["failing"] == [gw2], r.text
    sim = start_modbus_sim(h, p2, "pvsim-gw2")
    wait_until(lambda: requests.get(url, timeout=10).status_code == 200,
               30, "/healthz 200 once the gateway answers")
    mark = pv.mark()
    sim.stop()

    def down():
        r = requests.get(url, timeout=10)
        return (r,) if r.status_code == 503 else None
    (r,) = wait_until(down, 30, "/healthz 503")
    assert r.json()["failing"] == [gw2], r.text
    pv.wait_log(r"endpoint 'gw2' .* is down \(refused\)", 30, since=mark)
    start_modbus_sim(h, p2, "pvsim-gw2-again")
    wait_until(lambda: requests.get(url, timeout=10).status_code == 200,
               30, "/healthz 200 again")
    pv.wait_log(r"endpoint 'gw2' .* is back", 30, since=mark)
    assert len(pv.log_lines(r"endpoint 'gw2' .* is down", since=mark)) == 1
    assert len(pv.log_lines(r"endpoint 'gw2' .* is back", since=mark)) == 1
    assert not pv.log_lines(r"endpoint 'gw1' .* is down")


def unread_request(port):
    """Whether a connection accepted on port has bytes its server did not
    read: a request waiting at a stopped server (/proc/net/tcp{,6})."""
    for path in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(path) as f:
            for line in f.readlines()[1:]:
                fields = line.split()
                local, state = fields[1], fields[3]
                rx = int(fields[4].split(":")[1], 16)
                if state == "01" and int(local.split(":")[1], 16) == port \
                        and rx > 0:
                    return True
    return False


def metric_value(text, name):
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[-1])
    return None


@pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)
def test_modbus_endpoint_that_stops_answering_is_down(h, pvsim_bin):
    """A gateway that still accepts connections but answers nothing (its
    process stopped): /healthz 503 naming it with the reason, one log
    line, counted in /metrics; it answers again: 200, one line."""
    p1, p2, port = harness.free_port(), harness.free_port(), \
        harness.free_port()
    start_modbus_sim(h, p1, "pvsim-gw1")
    sim = start_modbus_sim(h, p2, "pvsim-gw2")
    cfg = h.write_config(MODBUS_CONFIG + "\n[http]\nlisten = 127.0.0.1\n"
                         "port = ${http_port}\n", port1=p1, port2=p2,
                         timeout2="300ms", http_port=port)
    pv = h.start_pvsentry(cfg)
    pv.wait_log(r"device 'inv-b' \(unit 1 on .*\): SunSpec base", 20)
    harness.wait_port(port, 10, pv.proc)
    base = "http://127.0.0.1:%d" % port
    wait_until(lambda: requests.get(base + "/healthz",
                                    timeout=10).status_code == 200,
               30, "/healthz 200 with both gateways up")
    mark = pv.mark()
    os.kill(sim.pid, signal.SIGSTOP)
    try:
        def down():
            r = requests.get(base + "/healthz", timeout=10)
            return (r,) if r.status_code == 503 else None
        (r,) = wait_until(down, 30, "/healthz 503")
        assert r.json()["failing"] == [
            "modbus tcp://127.0.0.1:%d (timeout)" % p2], r.text
        pv.wait_log(r"endpoint 'gw2' .* is down \(timeout\)", 30,
                    since=mark)
        m = requests.get(base + "/metrics", timeout=10).text
        assert metric_value(m, 'pvsentry_modbus_endpoint_down_total'
                            '{reason="timeout"}') == 1, m
    finally:
        os.kill(sim.pid, signal.SIGCONT)
    wait_until(lambda: requests.get(base + "/healthz",
                                    timeout=10).status_code == 200,
               30, "/healthz 200 again")
    pv.wait_log(r"endpoint 'gw2' .* is back", 30, since=mark)
    assert len(pv.log_lines(r"endpoint 'gw2' .* is down", since=mark)) == 1
    assert len(pv.log_lines(r"endpoint 'gw2' .* is back", since=mark)) == 1
    assert not pv.log_lines(r"endpoint 'gw1' .* is down")


@pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)
def test_live_change_does_not_wait_for_a_hung_poll(h, pvsim_bin):
    """A gateway stops answering while a poll waits on it (timeout 30 s):
    a SIGHUP that changes the other endpoint is applied in a few seconds,
    not after the timeout, and the endpoint that did not change is not
    restarted."""
    p1, p2 = harness.free_port(), harness.free_port()
    start_modbus_sim(h, p1, "pvsim-gw1")
    sim = start_modbus_sim(h, p2, "pvsim-gw2")
    cfg = h.write_config(MODBUS_CONFIG, port1=p1, port2=p2, timeout2="30s")
    pv = h.start_pvsentry(cfg)
    pv.wait_log(r"device 'inv-b' \(unit 1 on .*\): SunSpec base", 20)
    os.kill(sim.pid, signal.SIGSTOP)
    try:
        # A request of pvsentry's waits, unread, at the stopped server.
        wait_until(lambda: unread_request(p2), 10, "a poll under way")
        text = open(cfg).read().replace("timeout = 300ms",
                                        "timeout = 400ms")
        with open(cfg, "w") as f:
            f.write(text)
        mark = pv.mark()
        t0 = time.monotonic()
        pv.sighup()
        pv.wait_log(r"ready \(reloaded", 30, since=mark)
        took = time.monotonic() - t0
        assert took < 5 * harness.TIMEOUT_SCALE, took
        assert pv.log_lines(r"endpoint 'gw1' stops", since=mark)
        assert not pv.log_lines(r"endpoint 'gw2' stops", since=mark)
    finally:
        os.kill(sim.pid, signal.SIGCONT)


def test_smtp_server_down_is_named_by_healthz_once(h):
    """The SMTP server stops: the next mail fails, /healthz answers 503
    naming it, one log line; it is back: the mail goes, 200, one line."""
    sink = harness.SmtpSink(h, name="smtp")
    sink.start()
    env = WebEnv(h)
    text = open(env.cfg).read()
    smtp = ("[smtp]\nurl = smtp://127.0.0.1:%d\n"
            "from = pvsentry <monitoring@pvsentry.example>\ntimeout = 5s\n"
            "retry_min = 1s\nretry_max = 2s\n\n" % sink.port)
    with open(env.cfg, "w") as f:
        f.write(text.replace("[http]\n", smtp + "[http]\n", 1))
    env.start()
    url = env.base + "/healthz"
    assert requests.get(url, timeout=10).status_code == 200
    sink.stop()
    mark = env.pv.mark()
    env.fault_tickets(sites=("lyon-01",))
    name = "smtp smtp://127.0.0.1:%d" % sink.port

    def down():
        r = requests.get(url, timeout=10)
        return (r,) if r.status_code == 503 else None
    (r,) = wait_until(down, 60, "/healthz 503")
    assert r.json()["failing"] == [name], r.text
    env.pv.wait_log(r"smtp server .* is down", 30, since=mark)
    sink.start()
    sink.wait_mails(1, 60, what="the mail, once the server is back")
    wait_until(lambda: requests.get(url, timeout=10).status_code == 200,
               30, "/healthz 200 again")
    env.pv.wait_log(r"smtp server .* answers again", 30, since=mark)
    assert len(env.pv.log_lines(r"smtp server .* is down", since=mark)) == 1
    assert len(env.pv.log_lines(r"smtp server .* answers again",
                                since=mark)) == 1


def test_queued_mail_goes_to_the_new_smtp_server(h):
    """The SMTP server is down, a mail waits for its retry; SIGHUP moves
    [smtp] to another server: the waiting mail is delivered there (none
    lost, none sent twice) and /healthz stops naming the old one."""
    new = harness.SmtpSink(h, name="smtp-new")
    new.start()
    old_port = harness.free_port()  # nothing listens there
    env = WebEnv(h)
    text = open(env.cfg).read()
    smtp = ("[smtp]\nurl = smtp://127.0.0.1:%d\n"
            "from = pvsentry <monitoring@pvsentry.example>\ntimeout = 5s\n"
            "retry_min = 1m\nretry_max = 2m\n\n")
    with open(env.cfg, "w") as f:
        f.write(text.replace("[http]\n", smtp % old_port + "[http]\n", 1))
    env.start()
    mark = env.pv.mark()
    env.fault_tickets(sites=("lyon-01",))
    env.pv.wait_log(r"smtp server .* is down", 60, since=mark)
    wait_until(lambda: requests.get(env.base + "/healthz",
                                    timeout=10).status_code == 503, 30,
               "/healthz naming the SMTP server")
    text = open(env.cfg).read()
    with open(env.cfg, "w") as f:
        f.write(text.replace("smtp://127.0.0.1:%d\n" % old_port,
                             "smtp://127.0.0.1:%d\n" % new.port))
    env.pv.sighup()
    env.pv.wait_log(r"delivering with the new \[smtp\]", 20, since=mark)
    new.wait_mails(1, 60, pred=lambda m: "alice@installer.example" in
                   str(m["To"]), what="the waiting mail, at the new server")
    wait_until(lambda: requests.get(env.base + "/healthz",
                                    timeout=10).status_code == 200, 30,
               "/healthz 200")
    ids = [m["Message-ID"] for m in new.mails()]
    assert len(ids) == len(set(ids)), ids
    assert harness.db_scalar(env.db, "SELECT count(*) FROM outbox WHERE "
                             "status = 'dead'") == 0
    assert not env.pv.log_lines(r"restarting", since=mark)
