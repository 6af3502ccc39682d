#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Cluster mode figures for `make bench` (run by bench.py first).

  cluster_failover  `kill -9` of the worker that owns a slot, to the first
                sample of that slot committed by its new owner (the slot's
                newest reading grows while the lease names another
                worker), median of PVS_BENCH_FAILOVER_RUNS runs (default
                10; fewer for a quick run), printed against the configured
                lease as a ratio (fail-over / lease). Three workers, 16
                slots, lease 5 s, renew 1 s, pvsim publishing for 24 sites
                every 100 ms of real time. Each run kills the next worker
                in turn and starts it again once the slots are balanced.
  cluster_workers   1, 2 and 3 workers on the same PostgreSQL, 16 slots, 24
                sites of 25 devices (600) published by pvsim for an hour
                of simulated time at 120x: each worker's CPU per sample
                (its CPU over the samples its engine took) and resident
                memory per device (its RSS at the end over the devices of
                the slots it holds), and the PostgreSQL server's CPU per
                sample. The machine's cores cap the total: with 2 cores,
                3 workers, the server, the broker and 24 pvsim processes
                share them. Sites hash into slots unevenly: a worker's
                devices are those of its slots' sites.

The server is a private PostgreSQL 15 (tests/integration/pg.py); a
private mosquitto per phase. Merges {"bench_cluster": ...} into
build/bench/results.json.
"""
import argparse
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
sys.path.insert(0, HERE)

import bench  # noqa: E402
import bench_pg  # noqa: E402
import harness  # noqa: E402
import pg  # noqa: E402
from harness import wait_until  # noqa: E402

K = 16
SITES = 24
LEASE_S = 5.0
RENEW_S = 1.0
START = "2024-06-21T04:00:00Z"


def cluster_extra(name):
    return ("[cluster]\nworker = %s\nslots = %d\nlease = %dms\n"
            "renew = %dms\n" % (name, K, LEASE_S * 1000, RENEW_S * 1000))


class Fleet:
    """Workers of one cluster on the database db, fed by one broker."""

    def __init__(self, h, db, broker, per_site, speed, client_id):
        self.h, self.db, self.broker = h, db, broker
        self.per_site, self.speed = per_site, speed
        self.client_id = client_id
        self.workers = {}
        import psycopg2
        self.con = psycopg2.connect(db)
        self.con.autocommit = True

    def query(self, sql, args=()):
        with self.con.cursor() as c:
            c.execute(sql, args)
            return c.fetchall()

    def start(self, name):
        cfg = bench.fleet_config(
            self.h.path("%s-%s.conf" % (self.client_id, name)), self.db,
            self.broker.port, len(self.per_site), self.per_site, 1,
            self.client_id, sim=(START, self.speed), extra=cluster_extra(name))
        pv = self.h.pvsentry(cfg, name="pvsentry-%s-%s" % (self.client_id,
                                                           name))
        pv.start(timeout=120)
        self.workers[name] = pv
        return pv

    def held(self):
        """{worker: [slots]} of the live leases."""
        out = {}
        for slot, owner in self.query(
                "SELECT slot, owner FROM leases WHERE owner IS NOT NULL AND"
                " expires > clock_timestamp() ORDER BY slot"):
            out.setdefault(owner, []).append(slot)
        return out

    def balanced(self):
        names = [n for n, pv in self.workers.items() if pv.running]
        held = self.held()
        lo, hi = K // len(names), -(-K // len(names))
        return (sum(len(v) for v in held.values()) == K and
                set(held) == set(names) and
                all(lo <= len(v) <= hi for v in held.values()))

    def subscribed(self, name, since=0):
        """Whether every slot with sites the worker holds has its link
        subscribed (a slot without sites has nothing to subscribe to)."""
        pv = self.workers[name]
        with_sites = set(self.site_slots().values())
        return len(pv.log_lines(r"mqtt: subscribed", since)) >= len(
            [s for s in self.held().get(name, []) if s in with_sites])

    def wait_ready(self, marks=None):
        wait_until(self.balanced, 60, "balanced slots: %r" % self.held())
        for n, pv in self.workers.items():
            if pv.running:
                wait_until(lambda: self.subscribed(n, (marks or {}).get(n, 0)),
                           60, "%s's slot links" % n)

    def site_slots(self):
        return dict(self.query("SELECT id, slot FROM sites"))

    def devices_of(self, name):
        slots = set(self.held().get(name, []))
        ss = self.site_slots()
        return sum(len(self.per_site[int(s[1:])]) for s, slot in ss.items()
                   if slot in slots)

    def rows(self):
        return self.query("SELECT count(*) FROM readings")[0][0]


# ---- fail-over ------------------------------------------------------------

def slot_newest(f, slot):
    """(owner of a live lease or None, newest reading ts of the slot's
    sites), from one statement's snapshot."""
    return f.query(
        "SELECT (SELECT owner FROM leases WHERE slot = %s AND expires >"
        " clock_timestamp()), (SELECT max(r.ts_ms) FROM readings r JOIN"
        " devices d ON d.id = r.device_id JOIN sites s ON s.id = d.site_id"
        " WHERE s.slot = %s)", (slot, slot))[0]


def all_slots_flow(f):
    """Every slot with sites gets new readings."""
    def newest():
        return dict(f.query(
            "SELECT s.slot, max(r.ts_ms) FROM readings r JOIN devices d ON"
            " d.id = r.device_id JOIN sites s ON s.id = d.site_id GROUP BY"
            " s.slot"))
    before = newest()
    wait_until(lambda: all(v > before.get(k, 0) for k, v in newest().items())
               and len(newest()) == len(set(f.site_slots().values())), 30,
               "readings of every slot")


def bench_failover(h, srv, runs):
    speed = 10
    h.set_clock(START, speed)
    broker = harness.Mosquitto(h, name="mosq-failover", persistence=True)
    broker.start()
    per = [["s%d-d0" % s] for s in range(SITES)]
    f = Fleet(h, srv.create_database("bench_failover"), broker, per, speed,
              "bench-failover")
    names = ["w1", "w2", "w3"]
    for n in names:
        f.start(n)
    f.wait_ready()
    sims = [h.start_pvsim(broker, "s%d" % s, devices=per[s],
                          name="pvsim-failover-%d" % s, interval="1s",
                          duration="6h", qos=1,
                          extra=["--log-level", "warn"])
            for s in range(SITES)]
    all_slots_flow(f)
    ss = f.site_slots()
    with_sites = set(ss.values())
    out = []
    for i in range(runs):
        victim = names[i % len(names)]
        pv = f.workers[victim]
        slot = min(s for s in f.held()[victim] if s in with_sites)
        t0 = time.monotonic()
        pv.kill9()
        base = slot_newest(f, slot)[1] or 0
        took = None
        while time.monotonic() - t0 < 10 * LEASE_S * harness.TIMEOUT_SCALE:
            owner, newest = slot_newest(f, slot)
            newest = newest or 0
            if owner in (None, victim):
                base = max(base, newest)  # not the new owner's
            elif newest > base:
                took = time.monotonic() - t0
                break
            time.sleep(0.01)
        if took is None:
            raise AssertionError("slot %d: no sample from a new owner" % slot)
        bench.log("   run %d: killed %s, slot %d back in %.2f s (%.2f "
                  "leases)" % (i + 1, victim, slot, took, took / LEASE_S))
        out.append(took)
        marks = {victim: 0}
        f.workers[victim] = harness.Pvsentry(h, pv.config, name=pv.name +
                                             "-%d" % (i + 1))
        f.workers[victim].start(timeout=120)
        f.wait_ready(marks)
        all_slots_flow(f)
    for s in sims:
        s.stop()
    for pv in f.workers.values():
        if pv.running:
            pv.stop(timeout=60)
    broker.stop()
    med = statistics.median(out)
    return {"runs": runs, "lease_s": LEASE_S, "renew_s": RENEW_S,
            "slots": K, "workers": len(names),
            "median_s": round(med, 3), "min_s": round(min(out), 3),
            "max_s": round(max(out), 3),
            "ratio_to_lease": round(med / LEASE_S, 3),
            "runs_s": [round(x, 3) for x in out]}


# ---- per worker -----------------------------------------------------------

def bench_workers(h, srv, n, devs, sim_hours, speed):
    h.set_clock(START, speed)
    broker = harness.Mosquitto(h, name="mosq-workers-%d" % n,
                               persistence=False)
    broker.start()
    per = [["s%d-d%d" % (s, d) for d in range(devs // SITES)]
           for s in range(SITES)]
    f = Fleet(h, srv.create_database("bench_workers_%d" % n), broker, per,
              speed, "bench-w%d" % n)
    names = ["w%d" % (i + 1) for i in range(n)]
    for name in names:
        f.start(name)
    f.wait_ready()
    pids = {name: f.workers[name].proc.pid for name in names}
    cpu0 = {name: bench.proc_cpu_s(pid) for name, pid in pids.items()}
    rss0 = {name: bench.proc_rss_kb(pid) for name, pid in pids.items()}
    in0 = {name: bench.daemon_stats(f.workers[name]).get("samples_in", 0)
           for name in names}
    srv0 = bench_pg.server_cpu_s(srv)
    sims = [h.start_pvsim(broker, "s%d" % s, devices=per[s],
                          name="pvsim-w%d-%d" % (n, s), interval="60s",
                          duration="%dh" % sim_hours, qos=1, buffer=1000000,
                          extra=["--drain-timeout", "600s",
                                 "--log-level", "warn"])
            for s in range(SITES)]
    t0 = time.monotonic()
    rss_max = dict(rss0)
    expected = 0
    for sm in sims:
        while sm.proc.running:
            for name, pid in pids.items():
                rss_max[name] = max(rss_max[name], bench.proc_rss_kb(pid))
            time.sleep(0.5)
        expected += sm.wait(timeout=1200)["messages"]
    last, since = -1, time.monotonic()
    while True:
        rows = f.rows()
        if rows >= expected or time.monotonic() - since > 30:
            break
        if rows > last:
            last, since = rows, time.monotonic()
        time.sleep(0.5)
    wall = time.monotonic() - t0
    srv_cpu = bench_pg.server_cpu_s(srv) - srv0
    workers = []
    total_samples = 0
    for name in names:
        pid = pids[name]
        rss_max[name] = max(rss_max[name], bench.proc_rss_kb(pid))
        samples = bench.daemon_stats(f.workers[name]).get(
            "samples_in", 0) - in0[name]
        total_samples += samples
        cpu = bench.proc_cpu_s(pid) - cpu0[name]
        nd = f.devices_of(name)
        workers.append({
            "worker": name, "slots": len(f.held().get(name, [])),
            "devices": nd, "samples": samples, "cpu_s": round(cpu, 2),
            "cpu_us_per_sample": round(cpu * 1e6 / max(samples, 1), 2),
            "rss_kb": rss_max[name],
            "rss_per_device_kb": round(rss_max[name] / max(nd, 1), 2),
            "rss_growth_per_device_kb": round(
                (rss_max[name] - rss0[name]) / max(nd, 1), 2)})
    for pv in f.workers.values():
        pv.stop(timeout=60)
    broker.stop()
    return {
        "workers": n, "devices": devs, "sim_hours": sim_hours,
        "speed": speed, "wall_s": round(wall, 1),
        "messages": expected, "stored": rows,
        "samples_s": round(total_samples / wall),
        "cpu_us_per_sample": round(statistics.mean(
            w["cpu_us_per_sample"] for w in workers), 2),
        # What a device costs a worker (its RSS above the worker's own
        # before the load, over the devices it runs), and what the
        # workers weigh in all over the fleet's devices.
        "rss_growth_per_device_kb": round(sum(
            w["rss_kb"] - rss0[w["worker"]] for w in workers) / devs, 2),
        "rss_base_kb": round(statistics.mean(rss0.values())),
        "rss_total_per_device_kb": round(sum(
            w["rss_kb"] for w in workers) / devs, 2),
        "server_cpu_us_per_sample": round(
            srv_cpu * 1e6 / max(total_samples, 1), 2),
        "per_worker": workers}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--devices", type=int, default=600)
    ap.add_argument("--sim-hours", type=int, default=1)
    ap.add_argument("--speed", type=int, default=120)
    ap.add_argument("--only", default="workers,failover")
    args = ap.parse_args()
    runs = int(os.environ.get("PVS_BENCH_FAILOVER_RUNS", "10"))
    build = os.path.abspath(args.build)
    os.environ["PVS_BUILD"] = build
    out_dir, work, h = bench.fresh_run(build, "run-cluster")
    srv = pg.PgServer().start()
    entry = {"time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
             "machine": bench.machine()}
    only = set(args.only.split(","))
    try:
        if "workers" in only:
            for n in (1, 2, 3):
                bench.log("== cluster: %d worker(s), %d devices, %d h at "
                          "%dx" % (n, args.devices, args.sim_hours,
                                   args.speed))
                r = bench_workers(h, srv, n, args.devices, args.sim_hours,
                                  args.speed)
                bench.log("   %s" % r)
                entry["workers_%d" % n] = r
        if "failover" in only:
            bench.log("== cluster fail-over: kill -9, %d runs%s" % (
                runs, "" if runs == 10 else
                " (PVS_BENCH_FAILOVER_RUNS; 10 for the documented figure)"))
            entry["failover"] = bench_failover(h, srv, runs)
            bench.log("   %s" % entry["failover"])
    finally:
        h.close()
        srv.close()
    bench.merge(os.path.join(out_dir, "results.json"),
                {"bench_cluster": entry})
    for n in (1, 2, 3):
        w = entry.get("workers_%d" % n)
        if w:
            print("cluster, %d worker(s): %.1f us CPU/sample per worker "
                  "(mean); RSS %.1f KiB/device above a base of %d KiB a "
                  "worker (%.1f KiB/device in all); server %.1f us/sample; "
                  "%d samples/s in all; %d of %d messages stored "
                  "(%d cores cap the total)" % (
                      n, w["cpu_us_per_sample"],
                      w["rss_growth_per_device_kb"], w["rss_base_kb"],
                      w["rss_total_per_device_kb"],
                      w["server_cpu_us_per_sample"], w["samples_s"],
                      w["stored"], w["messages"], os.cpu_count()))
    fo = entry.get("failover")
    if fo:
        print("cluster fail-over (kill -9 to the slot's first sample on its "
              "new owner): median %.2f s of %d runs (min %.2f, max %.2f), "
              "lease %.0f s, renew %.0f s: ratio %.2f of the lease%s" % (
                  fo["median_s"], fo["runs"], fo["min_s"], fo["max_s"],
                  fo["lease_s"], fo["renew_s"], fo["ratio_to_lease"],
                  "" if fo["runs"] >= 10 else
                  " (quick run: fewer than 10 runs)"))


if __name__ == "__main__":
    main()
