#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""PostgreSQL figures for `make bench` (run by bench.py first).

  pg_writes     pvsentry's sample writes on PostgreSQL (pvs_store_add_samples
                into packed rows, one COPY per batch) against a plain libpq
                COPY loop writing the same rows into the same readings table
                with the same commit settings (tests/bench/pg_bench.c).
                Target: ratio >= 0.70. CPU per sample of the writer and of
                the server.
  pg_ingest     MQTT ingest end to end (mosquitto -> pvsentry -> committed)
                on PostgreSQL against the same on SQLite, QoS 1, bench.py's
                backlog method: messages/s, and CPU per sample of pvsentry
                and of the PostgreSQL server.

The server is a private PostgreSQL 15 (tests/integration/pg.py) with
fsync on. Merges {"bench_pg": ...} into build/bench/results.json.
"""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
sys.path.insert(0, HERE)

import bench  # noqa: E402
import harness  # noqa: E402
import pg  # noqa: E402


def _times(pid, children=False):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # utime, stime (and cutime, cstime: reaped children) in clock ticks
    n = sum(int(x) for x in fields[11:15 if children else 13])
    return n / bench.TICK


def server_cpu_s(srv):
    """CPU seconds of the server: the postmaster with the children it
    reaped (backends that ended) and the children still running."""
    with open(os.path.join(srv.data, "postmaster.pid")) as f:
        master = int(f.readline())
    total = _times(master, children=True)
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            if ppid == master:
                total += _times(int(d))
        except (OSError, ValueError):
            continue
    return total


def build_tool(build):
    exe = os.path.join(build, "bench", "pg_bench")
    os.makedirs(os.path.dirname(exe), exist_ok=True)
    subprocess.run([bench.CC] + bench.CFLAGS + [
        "-I" + os.path.join(ROOT, "include"), "-I/usr/include/postgresql",
        "-o", exe, os.path.join(HERE, "pg_bench.c"),
        os.path.join(build, "libpvs.a")] + bench.makefile_libs(), check=True)
    return exe


def bench_writes(h, srv, exe, n, devs, batch):
    names = [["d%d" % d for d in range(devs)]]
    store_db = srv.create_database("bench_store")
    plain_db = srv.create_database("bench_plain")
    cfg = bench.fleet_config(h.path("pg-store.conf"), store_db, 1, 1, names,
                             1, "x")
    plain_cfg = bench.fleet_config(h.path("pg-plain.conf"), plain_db, 1, 1,
                                   names, 1, "x")
    # pvsentry's schema on both (the plain loop writes into it).
    bench.run_kv([exe, "store", plain_cfg, "0", str(batch)])
    c0 = server_cpu_s(srv)
    store = bench.run_kv([exe, "store", cfg, str(n), str(batch)])
    c1 = server_cpu_s(srv)
    plain = bench.run_kv([exe, "plain", plain_db, str(devs), str(n),
                          str(batch)])
    c2 = server_cpu_s(srv)
    sr, pr = n / store["seconds"], n / plain["seconds"]
    return {"samples": n, "batch": batch, "devices": devs,
            "plain_samples_s": round(pr), "pvsentry_samples_s": round(sr),
            "pvsentry_cpu_us_per_sample": round(store["cpu_s"] / n * 1e6, 2),
            "plain_cpu_us_per_sample": round(plain["cpu_s"] / n * 1e6, 2),
            "server_cpu_us_per_sample_pvsentry": round((c1 - c0) / n * 1e6,
                                                       2),
            "server_cpu_us_per_sample_plain": round((c2 - c1) / n * 1e6, 2),
            "ratio": round(sr / pr, 3), "target": 0.70}


def bench_ingest(work, srv, build, mq, n):
    out = {}
    for name in ("sqlite", "postgresql"):
        db = (srv.create_database("bench_ingest") if name == "postgresql"
              else None)
        # A directory (logs, broker) of its own for each backend.
        d = os.path.join(work, "ingest-" + name)
        os.makedirs(d, exist_ok=True)
        h = harness.Harness(d, build=build)
        c0 = server_cpu_s(srv)
        try:
            r = bench.bench_mqtt(h, build, mq, 1, n, 10, 100, db=db)
        finally:
            h.close()
        c1 = server_cpu_s(srv)
        samples = max(r["stored_samples"], 1)
        out[name] = {
            "msg_s": r["pvsentry_msg_s"],
            "samples_s": r["pvsentry_samples_s"],
            "pvsentry_cpu_us_per_sample": round(
                r["pvsentry_cpu_s"] / samples * 1e6, 2),
            "server_cpu_us_per_sample": round((c1 - c0) / samples * 1e6, 2)
            if name == "postgresql" else None,
            "stored_samples": r["stored_samples"],
            "expected_samples": r["expected_samples"]}
    out["ratio_pg_vs_sqlite"] = round(
        out["postgresql"]["msg_s"] / max(out["sqlite"]["msg_s"], 1), 3)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--samples", type=int, default=1000000)
    ap.add_argument("--messages", type=int, default=100000)
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    os.environ["PVS_BUILD"] = build
    out_dir, work, h = bench.fresh_run(build, "run-pg")
    srv = pg.PgServer(settings={"fsync": "on",
                                "full_page_writes": "on"}).start()
    entry = {"time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    try:
        exe = build_tool(build)
        mq, _, _ = bench.build_tools(build)
        bench.log("== PostgreSQL sample writes, %d samples" % args.samples)
        entry["pg_writes"] = bench_writes(h, srv, exe, args.samples, 100,
                                          5000)
        bench.log("   %s" % entry["pg_writes"])
        bench.log("== MQTT ingest, PostgreSQL vs SQLite, %d messages" %
                  args.messages)
        entry["pg_ingest"] = bench_ingest(work, srv, build, mq,
                                          args.messages)
        bench.log("   %s" % entry["pg_ingest"])
    finally:
        h.close()
        srv.close()
    bench.merge(os.path.join(out_dir, "results.json"), {"bench_pg": entry})
    w = entry["pg_writes"]
    print("pg_writes: pvsentry %d samples/s, plain COPY %d samples/s, "
          "ratio %.3f (target 0.70%s)" % (
              w["pvsentry_samples_s"], w["plain_samples_s"], w["ratio"],
              "" if w["ratio"] >= 0.7 else ", below"))
    i = entry["pg_ingest"]
    print("pg_ingest: PostgreSQL %d msg/s vs SQLite %d msg/s (ratio %.3f); "
          "CPU per sample: pvsentry %.2f us on PostgreSQL, %.2f us on "
          "SQLite, PostgreSQL server %.2f us" % (
              i["postgresql"]["msg_s"], i["sqlite"]["msg_s"],
              i["ratio_pg_vs_sqlite"],
              i["postgresql"]["pvsentry_cpu_us_per_sample"],
              i["sqlite"]["pvsentry_cpu_us_per_sample"],
              i["postgresql"]["server_cpu_us_per_sample"]))


if __name__ == "__main__":
    main()
