#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""`make bench`: pvsentry against baselines measured in the same run.

Figures (docs/benchmarks.md explains the method):

  mqtt_ingest   mosquitto -> pvsentry -> rules -> committed in SQLite,
                against a bare Paho MQTTAsync subscriber that only counts
                (tests/bench/mqtt_bench.c), QoS 0 and QoS 1, JSON payloads
                of ten metrics. Both drain the same backlog that the broker
                queued for their persistent session, so the publisher's
                speed is out of the measurement. Target: ratio >= 0.80.
  mqtt_presets  ingest through a gateway preset against pvsentry's own
                layout carrying the same values, same backlog method:
                OpenDTU (one number a topic) against the flat layout, and
                SBFspot (a JSON object of ten fields) against the JSON
                layout. Target: ratio >= 0.80.
  sqlite_writes pvsentry's sample insert path (pvs_store_add_samples)
                against a plain prepared-INSERT loop on the same schema,
                copied from the database pvsentry created
                (tests/bench/store_bench.c). Target: ratio >= 0.70.
  fleet         pvsim publishing for many devices on a sped-up simulated
                clock: resident memory per device, CPU per sample, database
                bytes per device-day. Scaled down by default (see --help).
  year_view     the dashboard's year view of a 50-device site with a
                year of 5-minute readings: from the daily rollups (what
                the API reads) against the same figures computed from the
                raw readings (tests/bench/rollup_bench.c). Target: ratio
                (raw time / rollup time) >= 20.
  site_page     what the dashboard's site page loads (site, production
                series against expected, tickets) from the HTTP API, on the
                10,000-device fleet's database: median and worst of 20.
  delivery      1,000 mails due at once to the aiosmtpd sink: pvsentry's
                notifier (tests/bench/notify_bench.c, its real thread and
                email channel) against a bare libcurl multi loop
                (tests/bench/smtp_bench.c), the same spool, the same sink
                and the same number of connections; best of three rounds
                rounds, each a bare run and a pvsentry run back to back
                (the order alternates); the ratio is the median of the
                rounds' ratios, which the shared machine's load moves
                least. Target: ratio >= 0.80.

Other engineers' scripts (bench_modbus.py, bench_rules.py, bench_pg.py,
bench_cluster.py) run first when present. Every script merges its entry into build/bench/results.json; this
one adds {"bench": [...]} and prints one table of everything.

Never fails on numbers: a figure below its target is printed as "below".
"""
import argparse
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))

import harness  # noqa: E402

CC = os.environ.get("CC", "cc")
CFLAGS = ["-O2", "-g", "-std=c11", "-D_POSIX_C_SOURCE=200809L",
          "-D_DEFAULT_SOURCE", "-Wall", "-Wextra"]
OTHER_SCRIPTS = ("bench_modbus.py", "bench_rules.py", "bench_pg.py",
                 "bench_cluster.py")
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def makefile_libs():
    with open(os.path.join(ROOT, "Makefile")) as f:
        m = re.search(r"^LIBS := (.*)$", f.read(), re.M)
    return m.group(1).split()


def build_tools(build):
    out = os.path.join(build, "bench")
    os.makedirs(out, exist_ok=True)
    mq = os.path.join(out, "mqtt_bench")
    st = os.path.join(out, "store_bench")
    subprocess.run([CC] + CFLAGS + ["-o", mq,
                                    os.path.join(HERE, "mqtt_bench.c"),
                                    "-lpaho-mqtt3as"], check=True)
    subprocess.run([CC] + CFLAGS + ["-I" + os.path.join(ROOT, "include"),
                                    "-o", st,
                                    os.path.join(HERE, "store_bench.c"),
                                    os.path.join(build, "libpvs.a")] +
                   makefile_libs(), check=True)
    rb = os.path.join(out, "rollup_bench")
    subprocess.run([CC] + CFLAGS + ["-I" + os.path.join(ROOT, "include"),
                                    "-o", rb,
                                    os.path.join(HERE, "rollup_bench.c"),
                                    os.path.join(build, "libpvs.a")] +
                   makefile_libs(), check=True)
    return mq, st, rb


def run_kv(argv, timeout=600):
    """Run a tool that prints "key value ..." on one line; parse it."""
    r = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (
            " ".join(argv[:2]), r.returncode, r.stderr[-2000:]))
    toks = r.stdout.split()
    out = {}
    for k, v in zip(toks[0::2], toks[1::2]):
        try:
            out[k] = float(v)
        except ValueError:
            out[k] = v
    return out


# ---- /proc ----------------------------------------------------------------

def proc_cpu_s(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def proc_rss_kb(pid):
    with open("/proc/%d/statm" % pid) as f:
        return int(f.read().split()[1]) * PAGE // 1024


def db_rows(db):
    """Rows committed in the readings table: one per message (device and
    instant). max(rowid) reads one page where count(*) would read them
    all, every 50 ms, on the cores being measured."""
    try:
        if harness.pg.is_pg(db):
            return harness.db_scalar(db, "SELECT count(*) FROM readings") or 0
        return harness.db_scalar(db, "SELECT max(rowid) FROM readings") or 0
    except Exception:
        return 0


def db_samples(db):
    """Every stored reading (through the samples view): for the end."""
    return harness.db_scalar(db, "SELECT count(*) FROM samples") or 0


def db_bytes(db):
    return sum(os.path.getsize(db + s) for s in ("", "-wal")
               if os.path.exists(db + s))


# ---- configurations -------------------------------------------------------

def fleet_config(path, db, port, sites, per_site, qos, client_id,
                 sim=None, extra=""):
    """A config with sites s0.. each holding per_site devices d<site>_<n>
    (or d<n> numbered across sites when per_site is a list of names)."""
    lines = ["# written by tests/bench/bench.py", "[global]",
             "database = %s" % db, "log_level = info"]
    if sim:
        lines += ["sim_start = %s" % sim[0], "sim_speed = %s" % sim[1]]
    lines += ["", "[mqtt]", "uri = tcp://127.0.0.1:%d" % port,
              "client_id = %s" % client_id, "qos = %d" % qos,
              "topic = pvsentry/#", ""]
    for s in range(sites):
        lines += ['[site "s%d"]' % s, "latitude = 45.75", "longitude = 4.85",
                  "timezone = Europe/Paris", "kwp = %d" % (5 * len(
                      per_site[s])), ""]
        for d in per_site[s]:
            lines += ['[device "%s"]' % d, "site = s%d" % s,
                      "kind = inverter", "kwp = 5", ""]
    lines.append(extra)
    with open(path, "w") as f:
        f.write("\n".join(lines))
    return path


class Broker:
    """A private mosquitto that queues for offline persistent sessions,
    QoS 0 included, without limit (the backlog is the load)."""

    def __init__(self, h):
        self.m = harness.Mosquitto(h, persistence=False,
                                   extra_conf="queue_qos0_messages true\n")
        self.m.start()
        self.port = self.m.port
        self.uri = self.m.uri


def daemon_stats(pv):
    """pvsentry's counters, from the `stats:` line SIGUSR1 logs."""
    mark = pv.mark()
    pv.proc.send_signal(signal.SIGUSR1)
    try:
        line = pv.wait_log(r"stats: ", 10, since=mark)[0]
    except AssertionError:
        return {}
    return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", line)}


# ---- MQTT ingest ----------------------------------------------------------

def bench_mqtt(h, build, mq, qos, n, sites, devs, perf=None, db=None):
    broker = Broker(h)
    topic = "pvsentry/#"
    ts0 = int(time.time()) - (n // devs + 1) * 60

    # Baseline: register the session, queue the backlog, drain it.
    cid = "bench-bare-%d" % qos
    run_kv([mq, "sub", broker.uri, topic, str(qos), cid, "0", "1"])
    pub = run_kv([mq, "pub", broker.uri, "pvsentry", str(sites), str(devs),
                  str(n), str(qos), str(ts0)])
    bb0 = proc_cpu_s(broker.m.proc.pid)
    sub = run_kv([mq, "sub", broker.uri, topic, str(qos), cid, str(n), "5"])
    bare_broker_cpu = proc_cpu_s(broker.m.proc.pid) - bb0
    base_rate = (sub["received"] - 1) / max(
        (sub["last_ms"] - sub["first_ms"]) / 1000.0, 1e-3)

    # pvsentry: the same, with its persistent session.
    names = [[] for _ in range(sites)]
    for d in range(devs):
        names[d % sites].append("d%d" % d)
    db = db or h.path("ingest-q%d.db" % qos)
    cfg = fleet_config(h.path("ingest-q%d.conf" % qos), db, broker.port,
                       sites, names, qos, "bench-pvsentry-%d" % qos)
    pv = h.pvsentry(cfg, name="pvsentry-q%d" % qos)
    pv.start()
    pv.wait_log(r"mqtt: subscribed", 20)
    pv.stop()
    run_kv([mq, "pub", broker.uri, "pvsentry", str(sites), str(devs),
            str(n), str(qos), str(ts0)])
    want = n
    pv.start(wait_ready=False)
    pid = pv.proc.pid
    prof = None
    t_first = c_first = None
    last, still = -1, 0
    while True:
        rows = db_rows(db)
        t = time.monotonic()
        if rows and t_first is None:
            t_first, r_first, c_first = t, rows, proc_cpu_s(pid)
            b_first = proc_cpu_s(broker.m.proc.pid)
            if perf:  # --perf: where pvsentry's time goes while it drains
                prof = subprocess.Popen(
                    ["perf", "record", "-q", "-g", "-F", "2000", "-p",
                     str(pid), "-o", os.path.join(perf, "mqtt-q%d.perf" %
                                                  qos)],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if rows >= want:
            break
        still = still + 1 if rows == last else 0
        last = rows
        if still > 200:  # 10 s without progress
            break
        time.sleep(0.05)
    t_end, cpu_end, rss = t, proc_cpu_s(pid), proc_rss_kb(pid)
    b_end = proc_cpu_s(broker.m.proc.pid)
    if prof:
        prof.send_signal(signal.SIGINT)
        prof.wait(60)
    stats = daemon_stats(pv)
    pv.stop()
    broker.m.stop()
    stored = db_samples(db)
    dt = max(t_end - (t_first or t_end), 1e-3)
    rate = (rows - (r_first if t_first else 0)) / dt
    return {
        "qos": qos, "messages": n, "devices": devs,
        "publisher_msg_s": round(n / pub["seconds"]),
        "bare_msg_s": round(base_rate),
        "bare_cpu_s": sub["cpu_s"],
        "bare_broker_cpu_s": round(bare_broker_cpu, 2),
        "pvsentry_msg_s": round(rate),
        "pvsentry_samples_s": round(rate * 10),
        "pvsentry_cpu_s": round(cpu_end - (c_first or cpu_end), 2),
        "pvsentry_rss_kb": rss,
        "broker_cpu_s": round(b_end - b_first, 2) if t_first else None,
        "stored_samples": stored, "expected_samples": want * 10,
        "lost_samples": want * 10 - stored,
        "samples_in": stats.get("samples_in"),
        "mqtt_dropped": stats.get("mqtt_dropped"),
        "mqtt_waited_full_inbox": stats.get("mqtt_deferred"),
        "ratio": round(rate / base_rate, 3) if base_rate else None,
        "target": 0.80,
    }


# ---- MQTT ingest through a gateway preset ----------------------------------

PRESET_MAPS = {
    "opendtu": '[mqtt_map "bench"]\npreset = opendtu\n',
    "sbfspot": '[mqtt_map "bench"]\npreset = sbfspot\n',
}


def drain_rate(h, mq, broker, layout, n, sites, devs, tag):
    """pvsentry draining a backlog of n messages in layout: messages
    committed per second, from the first row to the last progress (rows
    of one device stamped on arrival may share a millisecond and merge,
    so the end is the last growth, not a count)."""
    names = [[] for _ in range(sites)]
    for d in range(devs):
        names[d % sites].append("d%d" % d)
    extra = PRESET_MAPS.get(layout, "")
    db = h.path("layout-%s.db" % tag)
    cfg = fleet_config(h.path("layout-%s.conf" % tag), db, broker.port,
                       sites, names, 0, "bench-layout-%s" % tag, extra=extra)
    if extra:
        with open(cfg) as f:
            text = f.read()
        for d in range(devs):
            text = text.replace('[device "d%d"]\n' % d,
                                '[device "d%d"]\nserial = %d\n' % (
                                    d, 1141800000000 + d))
        with open(cfg, "w") as f:
            f.write(text)
    pv = h.pvsentry(cfg, name="pvsentry-layout-%s" % tag)
    pv.start()
    pv.wait_log(r"mqtt: subscribed", 20)
    pv.stop()
    ts0 = int(time.time()) - (n // devs + 1) * 60
    run_kv([mq, "pub", broker.uri, "pvsentry", str(sites), str(devs),
            str(n), "0", str(ts0), layout])
    pv.start(wait_ready=False)
    t_first = r_first = None
    t_last, r_last = None, 0
    while True:
        rows = db_rows(db)
        t = time.monotonic()
        if rows and t_first is None:
            t_first, r_first = t, rows
        if rows > r_last:
            t_last, r_last = t, rows
        if rows >= n or (t_last and t - t_last > 3):
            break
        if t_first is None and t_last is None and pv.proc.poll() is not None:
            break
        time.sleep(0.05)
    pv.stop()
    stored = db_samples(db)
    if t_first is None or t_last == t_first:
        return 0, stored
    return (r_last - r_first) / (t_last - t_first), stored


def bench_presets(h, mq, n, sites=10, devs=100):
    out = []
    for native, preset in (("flat", "opendtu"), ("json", "sbfspot")):
        broker = Broker(h)
        try:
            base, base_stored = drain_rate(h, mq, broker, native, n, sites,
                                           devs, native)
            rate, stored = drain_rate(h, mq, broker, preset, n, sites, devs,
                                      preset)
        finally:
            broker.m.stop()
        out.append({
            "preset": preset, "native": native, "messages": n,
            "native_msg_s": round(base), "preset_msg_s": round(rate),
            "native_samples": base_stored, "preset_samples": stored,
            "ratio": round(rate / base, 3) if base else None,
            "target": 0.80,
        })
    return out


# ---- SQLite writes --------------------------------------------------------

def bench_sqlite(h, st, n, devs, batch):
    names = [["d%d" % d for d in range(devs)]]
    db = h.path("store.db")
    cfg = fleet_config(h.path("store.conf"), db, 1, 1, names, 1, "x")
    store = run_kv([st, "store", cfg, str(n), str(batch)])
    # The baseline's table and indexes are the ones pvsentry just made.
    plain = run_kv([st, "plain", h.path("plain.db"), db, str(devs), str(n),
                    str(batch)])
    pr = n / plain["seconds"]
    sr = n / store["seconds"]
    return {"rows": n, "batch": batch, "plain_rows_s": round(pr),
            "pvsentry_rows_s": round(sr), "ratio": round(sr / pr, 3),
            "plain_db_bytes_per_row": round(db_bytes(h.path("plain.db")) / n,
                                            1),
            "target": 0.70}


# ---- year view --------------------------------------------------------------

def bench_year_view(h, rb, devices=50, days=366):
    db = h.path("year.db")
    conf = h.path("year.conf")
    with open(conf, "w") as f:
        f.write("[global]\ndatabase = %s\n\n[site \"big\"]\nname = Big"
                "\nlatitude = 45.75\nlongitude = 4.85\ntimezone = "
                "Europe/Paris\nkwp = %d\n" % (db, 5 * devices))
        for i in range(devices):
            f.write("\n[device \"big-inv%02d\"]\nsite = big\nkind = "
                    "inverter\nkwp = 5\n" % (i + 1))
    r = run_kv([rb, conf, "big", str(days)], timeout=3600)
    return {"devices": devices, "days": days,
            "readings": int(r["readings"]),
            "rollup_rows": int(r["rollup_rows"]),
            "rollup_ms": round(r["rollup_s"] * 1000, 3),
            "raw_ms": round(r["raw_s"] * 1000, 1),
            "ratio": round(r["raw_s"] / r["rollup_s"], 1),
            "same_kwh": abs(r["kwh"] - r["raw_kwh"]) < 0.01 * max(
                1.0, r["kwh"]),
            "target": 20}


# ---- fleet ------------------------------------------------------------------

def bench_fleet(h, devices, sim_hours, speed, procs, label):
    """devices split over `procs` pvsim processes (one site each, at most
    64 devices: pvsim's limit),
    sim_hours of simulated time at `speed`."""
    start = "2024-06-21T04:00:00Z"
    h.set_clock(start, speed)
    broker = harness.Mosquitto(h, name="mosq-" + label, persistence=False)
    broker.start()
    per = [["%s-s%d-d%d" % (label, s, d) for d in range(devices // procs)]
           for s in range(procs)]
    db = h.path("fleet-%s.db" % label)
    http_port = harness.free_port()
    token_file = h.path("admin-%s.token" % label)
    with open(token_file, "w") as f:
        f.write("bench-admin-token-%s-0123456789abcdef\n" % label)
    os.chmod(token_file, 0o600)
    cfg = fleet_config(h.path("fleet-%s.conf" % label), db, broker.port,
                       procs, per, 1, "bench-fleet-" + label,
                       sim=(start, speed),
                       extra="[http]\nlisten = 127.0.0.1\nport = %d\n"
                       "admin_token_file = %s\n" % (http_port, token_file))
    pv = h.pvsentry(cfg, name="pvsentry-" + label).start(timeout=120)
    pv.wait_log(r"mqtt: subscribed", 60)
    pid = pv.proc.pid
    rss0, cpu0 = proc_rss_kb(pid), proc_cpu_s(pid)
    sims = []
    for s in range(procs):
        sims.append(h.start_pvsim(
            broker, "s%d" % s, devices=per[s], name="pvsim-%s-%d" % (
                label, s), interval="60s", duration="%dh" % sim_hours,
            qos=1, buffer=1000000,
            extra=["--drain-timeout", "600s", "--log-level", "warn"]))
    t0 = time.monotonic()
    rss_max = rss0
    expected = expected_msgs = 0
    for sm in sims:
        while sm.proc.running:
            rss_max = max(rss_max, proc_rss_kb(pid))
            time.sleep(0.5)
        summary = sm.wait(timeout=1200)
        expected += summary["samples"]
        expected_msgs += summary["messages"]
    # Until all are stored, or fewer than 1,000 came in 30 s (a trickle:
    # the rest is stuck or lost).
    last, since = -1, time.monotonic()
    while True:
        rows = db_rows(db)
        if rows >= expected_msgs or time.monotonic() - since > 30:
            break
        if rows > last + 100:
            last, since = rows, time.monotonic()
        time.sleep(0.5)
    wall = (since if rows < expected_msgs else time.monotonic()) - t0
    counters = daemon_stats(pv)
    rss_end = proc_rss_kb(pid)
    rss_max = max(rss_max, rss_end)
    cpu = proc_cpu_s(pid) - cpu0
    page = site_page_latency(http_port, token_file, "s0",
                             harness.iso_to_ms(start),
                             harness.iso_to_ms(start) + sim_hours * 3600000)
    pv.stop(timeout=120)
    broker.stop()
    size = db_bytes(db)
    rows = db_samples(db)
    device_days = devices * sim_hours / 24.0
    return {
        "label": label, "devices": devices, "sim_hours": sim_hours,
        "speed": speed, "wall_s": round(wall, 1), "samples": expected,
        "stored": rows, "lost": expected - rows,
        "mqtt_waited_full_inbox": counters.get("mqtt_deferred"),
        "mqtt_dropped": counters.get("mqtt_dropped"),
        "db_errors": counters.get("db_errors"),
        "samples_s": round(rows / wall),
        "rss_idle_kb": rss0, "rss_end_kb": rss_end, "rss_max_kb": rss_max,
        "rss_per_device_kb": round((rss_max - rss0) / devices, 2),
        "rss_total_per_device_kb": round(rss_max / devices, 2),
        "cpu_s": round(cpu, 2),
        "cpu_us_per_sample": round(cpu * 1e6 / max(rows, 1), 2),
        "db_bytes": size,
        "db_bytes_per_device_day": round(size / device_days),
        "site_page": page,
    }


def children_cpu_s():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def bench_delivery(h, build, n, conc, rounds=5):
    """Both sides send the same spool of n mails to one SMTP sink, conc
    connections at a time; a rate is n / seconds."""
    nb = os.path.join(build, "bench", "notify_bench")
    sb = os.path.join(build, "bench", "smtp_bench")
    spool = h.path("delivery.spool")
    subprocess.run([nb, "spool", spool, str(n)], check=True)
    sink = harness.SmtpSink(h, name="bench-smtp").start()
    conf = h.path("delivery.conf")
    with open(conf, "w") as f:
        f.write("[smtp]\nurl = %s\nfrom = pvsentry "
                "<monitoring@pvsentry.example>\ntimeout = 60s\n"
                "max_connections = %d\n" % (sink.url, conc))
    bare, pvs, cpu = [], [], [0.0, 0.0]
    try:
        for i in range(rounds):
            for side in ((0, 1) if i % 2 == 0 else (1, 0)):
                c0 = children_cpu_s()
                if side == 0:
                    r = run_kv([sb, sink.url, str(conc), spool])
                    bare.append(r["messages"] / r["seconds"])
                    cpu[0] += children_cpu_s() - c0
                else:
                    r = run_kv([nb, "send", conf, spool])
                    pvs.append(r["messages"] / r["seconds"])
                    cpu[1] += children_cpu_s() - c0
        accepted = len(sink.files())
    finally:
        sink.stop()
    ratios = sorted(p / b for p, b in zip(pvs, bare))
    return {"messages": n, "connections": conc,
            "bare_msg_s": round(sorted(bare)[rounds // 2]),
            "pvsentry_msg_s": round(sorted(pvs)[rounds // 2]),
            "bare_rounds": [round(x) for x in bare],
            "pvsentry_rounds": [round(x) for x in pvs],
            "round_ratios": [round(x, 3) for x in ratios],
            "bare_cpu_us_per_msg": round(cpu[0] / (rounds * n) * 1e6, 1),
            "pvsentry_cpu_us_per_msg": round(cpu[1] / (rounds * n) * 1e6,
                                             1),
            "accepted": accepted, "expected": 2 * rounds * n,
            "ratio": round(ratios[rounds // 2], 3)}


def site_page_latency(port, token_file, site, t0, t1, n=20):
    """What the dashboard's site page asks for: the site with its devices,
    its day of production against expected from the hourly rollups (the
    day the run ends in) and its tickets. Median and worst over n loads, in
    ms; None when the HTTP API is not there."""
    import urllib.request
    with open(token_file) as f:
        token = f.read().strip()
    day = time.strftime("%Y-%m-%d", time.gmtime(t1 / 1000))
    paths = ["/api/v1/sites/%s" % site,
             "/api/v1/sites/%s/energy?period=day&date=%s" % (site, day),
             "/api/v1/tickets?site=%s" % site]
    times = []
    for _ in range(n):
        t = time.monotonic()
        for p in paths:
            req = urllib.request.Request(
                "http://127.0.0.1:%d%s" % (port, p),
                headers={"Authorization": "Bearer " + token})
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    r.read()
            except OSError as e:
                return {"error": "%s: %s" % (p, e)}
        times.append((time.monotonic() - t) * 1000)
    times.sort()
    return {"requests": paths, "loads": n,
            "median_ms": round(times[n // 2], 1),
            "max_ms": round(times[-1], 1)}


# ---- output -----------------------------------------------------------------

def fresh_run(build, name):
    """An empty work folder build/bench/NAME for one run of a benchmark,
    and a test harness in it: (the bench folder, the work folder, h)."""
    out_dir = os.path.join(build, "bench")
    work = os.path.join(out_dir, name)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    return out_dir, work, harness.Harness(work, build=build)


def merge(path, entry):
    data = {}
    if os.path.exists(path):
        try:
            with open(path) as f:
                data = json.load(f)
        except ValueError:
            data = {}
    if not isinstance(data, dict):
        data = {"older": data}
    data.setdefault("bench", []).append(entry)
    with open(path + ".tmp", "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    os.replace(path + ".tmp", path)
    return data


def flat(prefix, v, out):
    if isinstance(v, dict):
        for k, x in v.items():
            flat("%s.%s" % (prefix, k) if prefix else k, x, out)
    elif not isinstance(v, list):
        out.append((prefix, v))


def table(entry, data):
    rows = []
    for q in entry.get("mqtt_ingest", []):
        rows.append(("MQTT ingest QoS %d (msg/s)" % q["qos"],
                     "%d vs bare %d" % (q["pvsentry_msg_s"], q["bare_msg_s"]),
                     q["ratio"], ">= 0.80"))
    for q in entry.get("mqtt_presets", []):
        rows.append(("MQTT %s vs %s layout (msg/s)" % (q["preset"],
                                                       q["native"]),
                     "%d vs %d" % (q["preset_msg_s"], q["native_msg_s"]),
                     q["ratio"], ">= 0.80"))
    s = entry.get("sqlite_writes")
    if s:
        rows.append(("SQLite sample writes (rows/s)",
                     "%d vs plain %d" % (s["pvsentry_rows_s"],
                                         s["plain_rows_s"]),
                     s["ratio"], ">= 0.70"))
    y = entry.get("year_view")
    if y:
        rows.append(("year view, %d devices x %d days" % (y["devices"],
                                                          y["days"]),
                     "%.2f ms from %d rollup rows vs %.0f ms raw%s" % (
                         y["rollup_ms"], y["rollup_rows"], y["raw_ms"],
                         "" if y["same_kwh"] else " (FIGURES DIFFER)"),
                     y["ratio"], ">= 20"))
    for f in entry.get("fleet", []):
        sp = f.get("site_page") or {}
        if "median_ms" in sp:
            rows.append(("site page, %d devices' data" % f["devices"],
                         "median %.1f ms, max %.1f ms (3 API calls)" % (
                             sp["median_ms"], sp["max_ms"]), "", ""))
        elif sp:
            rows.append(("site page, %d devices' data" % f["devices"],
                         "failed: %s" % sp.get("error"), "", ""))
        rows.append(("fleet %s: %d dev, %gh sim" % (
            f["label"], f["devices"], f["sim_hours"]),
            "%.1f KiB RSS/dev, %.1f us CPU/sample, %d B/dev-day%s" % (
                f["rss_per_device_kb"], f["cpu_us_per_sample"],
                f["db_bytes_per_device_day"],
                ", %d LOST" % f["lost"] if f["lost"] else ""), "", ""))
    d = entry.get("delivery")
    if d:
        rows.append(("mail delivery, %d due at once (msg/s)" % d["messages"],
                     "median %d vs bare curl multi %d (%d conn.)" % (
                         d["pvsentry_msg_s"], d["bare_msg_s"],
                         d["connections"]), d["ratio"], ">= 0.80"))
    for k, v in entry.get("skipped", {}).items():
        rows.append((k, "skipped: " + v, "", ""))
    w = max(len(r[0]) for r in rows) if rows else 10
    out = ["%-*s  %-44s %6s  %s" % (w, "figure", "measured", "ratio",
                                    "target")]
    for name, meas, ratio, tgt in rows:
        verdict = ""
        if ratio != "" and ratio is not None:
            verdict = "ok" if ratio >= float(tgt.split()[-1]) else "below"
        out.append("%-*s  %-44s %6s  %s %s" % (w, name, meas, ratio, tgt,
                                               verdict))
    for key in sorted(data):
        if key == "bench" or not isinstance(data[key], list) or \
                not data[key]:
            continue
        pairs = []
        flat("", data[key][-1], pairs)
        out.append("")
        out.append("%s (latest entry):" % key)
        for k, v in pairs:
            out.append("  %-40s %s" % (k, v))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--messages", type=int, default=300000,
                    help="MQTT backlog per QoS (default 300000: long "
                    "enough that the 50 ms polling and the first and last "
                    "batch are lost in the noise)")
    ap.add_argument("--rows", type=int, default=1000000)
    ap.add_argument("--fleet", default="small",
                    choices=("none", "small", "full"),
                    help="small (default): 10,000 devices x 1 simulated "
                    "hour at 30x and 1,000 devices x 12 h at 120x; full: "
                    "10,000 x 24 h and 1,000 x 10 days (about 13 hours of "
                    "real time and 100 GB of database)")
    ap.add_argument("--only",
                    default="mqtt,presets,sqlite,year,delivery,fleet,others")
    ap.add_argument("--preset-messages", type=int, default=200000,
                    help="MQTT backlog per layout for the preset figures")
    ap.add_argument("--mails", type=int, default=1000)
    ap.add_argument("--connections", type=int, default=4,
                    help="SMTP connections on both sides ([smtp] "
                    "max_connections, default 4 as in the config)")
    ap.add_argument("--perf", metavar="DIR",
                    help="record a perf profile of pvsentry draining each "
                    "MQTT backlog into DIR/mqtt-q<QoS>.perf")
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    only = set(args.only.split(","))
    os.environ["PVS_BUILD"] = build
    out_dir = os.path.join(build, "bench")
    os.makedirs(out_dir, exist_ok=True)
    results = os.path.join(out_dir, "results.json")

    if "others" in only:
        for name in OTHER_SCRIPTS:
            path = os.path.join(HERE, name)
            if os.path.exists(path):
                log("== %s" % name)
                r = subprocess.run([harness.PYTHON, path, "--build", build])
                if r.returncode:
                    log("%s exited %d (its figures may be missing)" % (
                        name, r.returncode))

    mq, st, rb = build_tools(build)
    out_dir, work, h = fresh_run(build, "run")
    entry = {"time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
             "machine": machine(), "skipped": {}}
    try:
        if "mqtt" in only:
            entry["mqtt_ingest"] = []
            for qos in (0, 1):
                log("== MQTT ingest, QoS %d, %d messages" % (qos,
                                                            args.messages))
                entry["mqtt_ingest"].append(bench_mqtt(
                    h, build, mq, qos, args.messages, 10, 100, args.perf))
        if "presets" in only:
            log("== MQTT ingest through presets, %d messages a layout" %
                args.preset_messages)
            entry["mqtt_presets"] = bench_presets(h, mq,
                                                  args.preset_messages)
        if "sqlite" in only:
            log("== SQLite sample writes, %d rows" % args.rows)
            entry["sqlite_writes"] = bench_sqlite(h, st, args.rows, 100, 5000)
        if "year" in only:
            log("== year view: 50 devices, a year of 5-minute readings")
            entry["year_view"] = bench_year_view(h, rb)
        if "delivery" in only:
            log("== mail delivery, %d mails, %d connections" % (
                args.mails, args.connections))
            entry["delivery"] = bench_delivery(h, build, args.mails,
                                               args.connections)
        if "fleet" in only and args.fleet != "none":
            # pvsim takes at most 64 devices: one process per site of 50.
            # Speeds keep the offered load (13 metrics a message) at
            # 26,000-65,000 samples/s, below what the engine commits.
            plan = {"small": [(10000, 1, 30, 200, "10k"),
                              (1000, 12, 120, 20, "1k")],
                    "full": [(10000, 24, 30, 200, "10k"),
                             (1000, 240, 120, 20, "1k")]}[args.fleet]
            entry["fleet"] = []
            entry["fleet_scale"] = args.fleet
            for devices, hours, speed, procs, label in plan:
                log("== fleet %s: %d devices, %d simulated hours at %dx" % (
                    label, devices, hours, speed))
                entry["fleet"].append(bench_fleet(h, devices, hours, speed,
                                                  procs, label))
    finally:
        h.close()
    data = merge(results, entry)
    print(table(entry, data))
    print("\nresults: %s" % results)


def machine():
    info = {"cpus": os.cpu_count()}
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"model name\s*:\s*(.*)", f.read())
            info["cpu"] = m.group(1) if m else "?"
        with open("/proc/meminfo") as f:
            info["mem_kb"] = int(f.readline().split()[1])
    except OSError:
        pass
    return info


if __name__ == "__main__":
    main()
