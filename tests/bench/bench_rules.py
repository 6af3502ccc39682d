#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Rule engine speed: `pvsentry backtest` over a year of 5-minute data for
one inverter (generated here), as rows per second, against two baselines
measured in the same run on the same file: a plain parse of the CSV (awk)
and the backtest with every rule family disabled. The difference between
the backtest with and without rules, per sample, is the rule evaluation
cost. Figures are appended to build/bench/results.json; the detection
quality table (quality.py) is printed too, with the seeded-fault table.

Usage: bench_rules.py [--build DIR] [--repeat N] [--no-quality]
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)

FAMILIES = ("fault_code", "threshold", "communication", "underperformance",
            "snow", "frozen", "data_quality", "peer", "trend", "flapping",
            "mass_outage")

SITE = """[site "bench"]
latitude = 45
longitude = 7
timezone = Europe/Rome
kwp = 10
tilt = 30
azimuth = 180

[device "inv"]
site = bench
rated_power = 8000
"""


def make_csv(path):
    """A year at 5 minutes: power from a smooth clear-sky shape with a
    daily cloudiness, POA, ambient and heatsink temperatures, a state and
    an energy counter; some cells empty, as in real exports."""
    t0 = datetime(2023, 1, 1, tzinfo=timezone.utc)
    rows = 0
    energy = 0.0
    with open(path, "w") as f:
        f.write("time,ac_power_w,ac_energy_wh,poa,t_amb,t_hs,state\n")
        for i in range(365 * 288):
            ts = t0 + timedelta(minutes=5 * i)
            doy = i // 288
            h = (i % 288) / 12.0
            day_len = 12 + 3.5 * math.sin(2 * math.pi * (doy - 80) / 365)
            rise = 12.5 - day_len / 2  # UTC, lon 7
            x = (h - rise) / day_len
            sun = math.sin(math.pi * x) if 0 < x < 1 else 0.0
            cloud = 0.55 + 0.45 * abs(math.sin(doy * 12.9898))
            poa = 1000 * sun * cloud * (1 + 0.05 * math.sin(i * 0.7))
            p = min(8000.0, 10 * poa * 0.85)
            energy += p * 5 / 60
            t_amb = 12 + 10 * math.sin(2 * math.pi * (doy - 110) / 365) + \
                6 * sun + 0.4 * math.sin(i * 1.3)
            st = 4 if p > 0 else 2
            cells = ["%.0f" % p, "%.0f" % energy, "%.1f" % poa,
                     "%.2f" % t_amb, "%.2f" % (t_amb + p / 300), str(st)]
            if i % 997 == 0:
                cells[0] = ""
            f.write(ts.strftime("%Y-%m-%dT%H:%M:%SZ") + "," +
                    ",".join(cells) + "\n")
            rows += 1
    return rows


MAPS = ["--map", "ac_power_w=ac_power_w", "--map", "ac_energy_wh=ac_energy_wh",
        "--map", "poa_irradiance_wm2=poa", "--map", "ambient_temp_c=t_amb",
        "--map", "temp_heatsink_c=t_hs", "--map", "state=state"]


def run_backtest(build, conf, csv_path):
    """Seconds the replay took (backtest's own figure, without start-up)
    and the sample count."""
    cmd = [os.path.join(build, "pvsentry"), "backtest", "-c", conf,
           "--csv", csv_path, *MAPS]
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - t
    if p.returncode:
        raise SystemExit("backtest failed: %s" % p.stderr)
    m = re.search(r"(\d+) samples.* in ([0-9.]+) s", p.stderr)
    if not m:
        return wall, 0
    return float(m.group(2)), int(m.group(1))


def run_awk(csv_path):
    t = time.perf_counter()
    subprocess.run(["awk", "-F,", "NR > 1 { for (i = 2; i <= NF; i++) "
                    "if ($i != \"\") s += $i } END { print s }", csv_path],
                   capture_output=True, check=True)
    return time.perf_counter() - t


def best(f, n):
    return min(f() for _ in range(n))


def merge_results(path, entry):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = {}
    if os.path.exists(path):
        try:
            with open(path) as f:
                data = json.load(f)
        except ValueError:
            data = {}
    if isinstance(data, list):
        data.append(entry)
    else:
        data.setdefault("bench_rules", []).append(entry)
    with open(path + ".tmp", "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    os.replace(path + ".tmp", path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-quality", action="store_true")
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    with tempfile.TemporaryDirectory(prefix="pvs-bench-") as tmp:
        csv_path = os.path.join(tmp, "year.csv")
        rows = make_csv(csv_path)
        on = os.path.join(tmp, "on.conf")
        off = os.path.join(tmp, "off.conf")
        with open(on, "w") as f:
            f.write(SITE)
        with open(off, "w") as f:
            f.write(SITE)
            for fam in FAMILIES:
                f.write('\n[rule "off-%s"]\nfamily = %s\nenabled = false\n'
                        % (fam, fam))
        t_awk = best(lambda: run_awk(csv_path), a.repeat)
        t_off = best(lambda: run_backtest(build, off, csv_path)[0], a.repeat)
        t_on = best(lambda: run_backtest(build, on, csv_path)[0], a.repeat)
        samples = run_backtest(build, on, csv_path)[1]
    cost_us = max(t_on - t_off, 0.0) / samples * 1e6 if samples else 0.0
    entry = {
        "bench": "rules",
        "when": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "rows": rows,
        "samples": samples,
        "rows_per_s": rows / t_on,
        "rows_per_s_no_rules": rows / t_off,
        "rows_per_s_awk": rows / t_awk,
        "ratio_vs_no_rules": t_on / t_off,
        "ratio_vs_awk": t_on / t_awk,
        "rule_cost_us_per_sample": cost_us,
        "seconds": t_on,
    }
    print("backtest, one inverter, a year at 5 min: %d rows, %d samples"
          % (rows, samples))
    print("  all families: %.3f s  %.0f rows/s" % (t_on, rows / t_on))
    print("  no families:  %.3f s  %.0f rows/s  (ratio %.2fx)" % (
        t_off, rows / t_off, t_on / t_off))
    print("  awk parse:    %.3f s  %.0f rows/s  (ratio %.2fx)" % (
        t_awk, rows / t_awk, t_on / t_awk))
    print("  rule evaluation: %.2f us per sample" % cost_us)
    if not a.no_quality:
        import quality
        results = [r for r in (quality.evaluate(build, ds)
                               for ds in quality.SETS) if r]
        print()
        print(quality.table(results))
        entry["quality"] = [{k: r[k] for k in (
            "name", "events", "found", "recall", "false_alerts",
            "false_per_30d", "delay_min")} for r in results]
        # Seeded faults over the measured series, the 2.7-year system_50
        # one included (the integration test runs SERF East only).
        seeded = quality.seeded(build, 19)
        print()
        print(quality.seeded_table(seeded))
        entry["seeded"] = [{k: v for k, v in r.items()
                            if k not in ("missed", "other")} for r in seeded]
        # The targets of docs/quality.md, on this same run.
        cov = [r for r in (quality.covariates(build, "R15"),) if r]
        rows = quality.targets(seeded, cov, quality.storm_and_clock(build),
                               t_on / t_awk)
        print()
        print(quality.targets_table(rows))
        entry["targets"] = [{"target": w, "measured": m, "met": ok}
                            for w, m, ok in rows]
    out = os.path.join(build, "bench", "results.json")
    merge_results(out, entry)
    print("appended to %s" % out)


if __name__ == "__main__":
    main()
