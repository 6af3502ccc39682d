#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Modbus benchmark: figures printed, not asserted.

1. CPU time per register read of pvsentry's poller against a bare
   libmodbus read loop, same pvsim server, same 120 registers, same run;
   printed as a ratio (target: at most 1.3x).
2. The largest number of devices (one 120-register read each, 8 TCP
   endpoints on loopback, one pvsim process per endpoint) the poller
   sustains at a 1 s interval without falling behind.

Usage: bench_modbus.py [--build DIR] [--quick]
The drivers are tests/bench/modbus_bench.c, compiled against DIR/libpvs.a.
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "integration"))
import modbus_fixtures as mf  # noqa: E402

MAX_UNIT = 247


def write_image(path):
    # 120 holding registers at 0..119: sixteen int32 values.
    with open(path, "w", encoding="ascii") as f:
        f.write("@0\n" + " ".join(str(100 + i) for i in range(120)) + "\n")


def write_map(f):
    f.write('[map "bench"]\n')
    # Registers 8 apart (within the plan's gap) and one at the end: the
    # whole map is one request of exactly 120 registers.
    addrs = list(range(0, 113, 8)) + [118]
    for i, a in enumerate(addrs):
        f.write('[register "bench/mppt%d_power_w"]\naddress = %d\n'
                'type = int32\n' % (i + 1, a))


def write_config(path, ports, ndevices, interval):
    with open(path, "w", encoding="ascii") as f:
        f.write('[site "s1"]\nlatitude = 45.75\nlongitude = 4.85\n')
        write_map(f)
        for i, port in enumerate(ports):
            f.write('[endpoint "ep%d"]\nurl = tcp://127.0.0.1:%d\n'
                    'timeout = 2s\noffline_after = 3\n' % (i, port))
        for k in range(ndevices):
            f.write('[device "d%d"]\nsite = s1\nendpoint = ep%d\n'
                    'unit_id = %d\nprofile = bench\ninterval = %s\n'
                    % (k, k % len(ports), 1 + (k // len(ports)) % MAX_UNIT,
                       interval))


def start_servers(build, image, n):
    procs, ports = [], []
    for _ in range(n):
        port = mf.free_port()
        p = mf.Proc([os.path.join(build, "pvsim"), "modbus", "--listen",
                     "tcp://127.0.0.1:%d" % port, "--image",
                     "%s@1-%d" % (image, MAX_UNIT), "--log-level", "error"])
        mf.wait_for(lambda: p.p.poll() is not None or mf.port_open(port),
                    what="pvsim")
        procs.append(p)
        ports.append(port)
    return procs, ports


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode:
        raise RuntimeError("%s failed: %s" % (cmd[1], r.stderr[-2000:]))
    out = {}
    for line in r.stdout.splitlines():
        k, _, v = line.partition(" ")
        try:
            out[k] = float(v)
        except ValueError:
            pass
    out["stderr"] = r.stderr
    return out


def cpu_ratio(bench, build, image, tmp, seconds):
    """40 devices polled every 100 ms (400 reads a second) against the
    same bare loop run flat out and paced at the same rate."""
    procs, ports = start_servers(build, image, 1)
    try:
        base = run([bench, "baseline", "127.0.0.1", str(ports[0]), "1", "0",
                    "120", str(seconds)])
        paced = run([bench, "baseline", "127.0.0.1", str(ports[0]), "1", "0",
                     "120", str(seconds), "400"])
        cfg = os.path.join(tmp, "ratio.conf")
        write_config(cfg, ports, 40, "100ms")
        pol = run([bench, "poller", cfg, str(seconds)])
    finally:
        for p in procs:
            p.stop()
    b = base["cpu"] / base["reads"]
    bp = paced["cpu"] / paced["reads"]
    q = pol["poller_cpu"] / max(pol["reads"], 1)
    whole = pol["cpu"] / max(pol["reads"], 1)
    print("modbus: bare libmodbus loop, flat out: %d reads of 120 registers, "
          "%.1f us CPU per read" % (base["reads"], b * 1e6))
    print("modbus: bare libmodbus loop, 400/s:    %d reads of 120 registers, "
          "%.1f us CPU per read" % (paced["reads"], bp * 1e6))
    print("modbus: pvsentry poller, 400/s:        %d reads of 120 registers, "
          "%.1f us CPU per read in the poller threads, %.1f us with the "
          "inbox consumer (%d failed)" % (pol["reads"], q * 1e6, whole * 1e6,
                                          pol["failed"]))
    print("modbus: CPU per register read, poller / paced bare loop: %.2fx "
          "(target <= 1.3x); / flat-out loop: %.2fx; with the consumer: "
          "%.2fx" % (q / bp, q / b, whole / bp))
    return q / bp


def capacity(bench, build, image, tmp, seconds, sizes):
    procs, ports = start_servers(build, image, 8)
    best = 0
    fell_behind = False
    try:
        for n in sizes:
            cfg = os.path.join(tmp, "cap%d.conf" % n)
            write_config(cfg, ports, n, "1s")
            r = run([bench, "poller", cfg, str(seconds)])
            expected = n * (seconds - 1)  # the first second spreads polls
            ok = (r["polls"] >= expected and r["failed"] == 0 and
                  "longer than its interval" not in r["stderr"])
            print("modbus: %5d devices at 1 s on 8 endpoints: %6d polls in "
                  "%.0f s (need >= %d), %d failed, CPU %.2f s: %s"
                  % (n, r["polls"], seconds, expected, r["failed"], r["cpu"],
                     "keeps up" if ok else "falls behind"))
            if not ok:
                fell_behind = True
                break
            best = n
    finally:
        for p in procs:
            p.stop()
    print("modbus: largest device count sustained at a 1 s interval: %s%d"
          % ("" if fell_behind else "at least (largest tried) ", best))
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(mf.REPO, "build"))
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    with tempfile.TemporaryDirectory() as tmp:
        bench = mf.build_bench(build, tmp)
        image = os.path.join(tmp, "bench.regs")
        write_image(image)
        secs = 3 if a.quick else 5
        cpu_ratio(bench, build, image, tmp, secs)
        sizes = [250, 500, 1000, 2000, 4000, 8000, 16000, 32000]
        if a.quick:
            sizes = sizes[:3]
        capacity(bench, build, image, tmp, secs, sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
