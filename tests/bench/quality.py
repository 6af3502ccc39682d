#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""pvsentry's detection quality on the shared measured data: runs
`pvsentry backtest` on each labelled data set and prints recall, false
alerts per 30 days and detection delay; with --covariates, the report on
pvops R10/R15 (flagged periods against the operator's expected power);
with --faults SEED, faults injected at random (seeded) into the measured
SERF East and system_50 series, untouched and thinned like a sleeping
logger (see seeded()).

Usage: quality.py [--build DIR] [--json] [--covariates] [--list]
                  [--faults SEED] [--quick]
"""
import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.abspath(os.path.join(ROOT, "..", "shared", "data",
                                    "pv-timeseries"))
CONF = os.path.join(ROOT, "tests", "data", "backtest")

FAULTS = ("underperformance", "communication", "fault_code", "peer",
          "mass_outage", "flapping")
DATA_FAMILIES = ("frozen", "data_quality")


def t(s):
    return datetime.fromisoformat(s)


# Each event: name, start, end (opened within [start, end] counts), the
# families that count as finding it. Times carry the data's own offset.
SETS = [
    {
        "name": "NREL RSF II (5 days, 15 min)",
        "conf": "rsf2.conf", "csv": "pvanalytics/nrel_RSF_II.csv",
        "args": ["--tz", "-07:00",
                 "--map", "ac_power_w=inv2_ac_power_w__1047",
                 "--map", "poa_irradiance_wm2=poa_irradiance__1055",
                 "--map", "module_temp_c=module_temp__1056",
                 "--map", "ambient_temp_c=ambient_temp__1053"],
        "days": 5,
        # light reaches the POA sensor at 09:45 in the file's clock
        "events": [("last-day outage", "2022-01-06T09:45:00-07:00",
                    "2022-01-06T23:59:00-07:00",
                    FAULTS + ("snow",))],
    },
    {
        "name": "pvops site 27 (30 days, 15 min)",
        "conf": "site27.conf", "csv": "pvops/example_perf_data.csv",
        "args": ["--time-column", "Date",
                 "--map", "ac_power_w=AC_POWER*1000",
                 "--map", "ac_energy_wh=energy_delivered*1000",
                 "--map", "poa_irradiance_wm2=POAirradiance"],
        "days": 30,
        "events": [("hurricane Florence outage", "2018-09-14T10:00:00-04:00",
                    "2018-09-16T17:00:00-04:00", FAULTS)],
        # the file itself has no rows from 09-19 to 10-12
        "benign": [("data hole", "2018-09-19T00:00:00-04:00",
                    "2018-10-12T23:59:00-04:00",
                    ("communication", "data_quality"))],
    },
    {
        "name": "pvops R23 (16 days, hourly energy)",
        "conf": "r23.conf", "csv": "pvops/example_prod_data_cumE2.csv",
        "args": ["--time-column", "Date", "--filter", "randid=R23",
                 "--map", "ac_energy_wh=Energy*1000",
                 "--map", "poa_irradiance_wm2=Irradiance"],
        "days": 16,
        "events": [
            # the plant produced almost nothing from first light (the work
            # order's 13:16 is when the restart failed)
            ("07-21 failed restart", "2018-07-21T06:30:00-04:00",
             "2018-07-21T23:59:00-04:00", FAULTS),
            ("07-25 high-temperature outage", "2018-07-25T14:20:00-04:00",
             "2018-07-25T23:59:00-04:00", FAULTS),
            ("08-01 underperformance", "2018-08-01T07:00:00-04:00",
             "2018-08-01T23:59:00-04:00", FAULTS + ("trend",)),
            ("07-19 counter drop", "2018-07-19T00:00:00-04:00",
             "2018-07-19T23:59:00-04:00", ("data_quality",)),
            ("07-27 counter drop", "2018-07-27T00:00:00-04:00",
             "2018-07-27T23:59:00-04:00", ("data_quality",)),
        ],
        # 08-02 is the open "major underperformance" work order going on
        "benign": [("08-01 work order, still open", "2018-08-02T00:00:00-04:00",
                    "2018-08-04T23:59:00-04:00", FAULTS)],
    },
    {
        "name": "pvanalytics snow (6 days, 15 min)",
        "conf": "snow.conf", "csv": "pvanalytics/snow_data.csv",
        "args": ["--map", "ac_power_w=INV1 AC Power [kW]*1000",
                 "--map", "poa_irradiance_wm2=POA [W/m²]",
                 "--map", "module_temp_c=Module Temp [C]",
                 "--map", "ambient_temp_c=Ambient Temp [C]"],
        "days": 6,
        # from first light (about 07:50 local in early January)
        "events": [("snow 01-07", "2022-01-07T07:50:00-06:00",
                    "2022-01-07T23:59:00-06:00", ("snow",)),
                   ("snow 01-08", "2022-01-08T07:50:00-06:00",
                    "2022-01-08T23:59:00-06:00", ("snow",))],
    },
    {
        "name": "inverter 2173 stale labels (31 days, 15 min)",
        "conf": "inv2173.conf",
        "csv": "pvanalytics/ac_power_inv_2173_stale_data.csv",
        "args": ["--map", "ac_power_w=value_normalized*1000"],
        "days": 31,
        "events": [("stale 01-03", "2011-01-03T09:15:00+00:00",
                    "2011-01-03T23:59:00+00:00", DATA_FAMILIES),
                   ("stale 01-06", "2011-01-06T11:00:00+00:00",
                    "2011-01-07T11:45:00+00:00", DATA_FAMILIES),
                   ("stale 01-14", "2011-01-14T09:00:00+00:00",
                    "2011-01-15T06:00:00+00:00", DATA_FAMILIES)],
    },
    {
        "name": "SERF East 2016 (104 days, 15 min)",
        "conf": "serf_east.conf",
        "csv": "pvanalytics/serf_east_15min_ac_power.csv",
        "args": ["--map", "ac_power_w=ac_power"],
        "days": 104,
        # half the output all day, the curve smooth (docs/quality.md)
        "events": [("09-29 half of the output", "2016-09-29T06:00:00-07:00",
                    "2016-09-30T23:59:00-07:00", FAULTS)],
    },
]


def backtest(build, conf, csv_path, args):
    path = os.path.join(DATA, csv_path)
    if not os.path.exists(path):
        return None
    cmd = [os.path.join(build, "pvsentry"), "backtest", "-c",
           os.path.join(CONF, conf), "--csv", path, "--json", *args]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        raise SystemExit("backtest failed: %s\n%s" % (" ".join(cmd),
                                                      p.stderr))
    return [json.loads(line) for line in p.stdout.splitlines() if line]


def within(a, start, end, families):
    return a["rule"] in families and t(start) <= t(a["opened"]) <= t(end)


def evaluate(build, ds):
    alerts = backtest(build, ds["conf"], ds["csv"], ds["args"])
    if alerts is None:
        return None
    found, delays, used = 0, [], set()
    rows = []
    for name, start, end, fams in ds["events"]:
        hits = [a for a in alerts if within(a, start, end, fams)]
        for a in hits:
            used.add(id(a))
        if hits:
            found += 1
            first = min(hits, key=lambda a: t(a["opened"]))
            d = (t(first["opened"]) - t(start)).total_seconds() / 60.0
            delays.append(max(d, 0.0))
            rows.append((name, "found as %s, %+.0f min" %
                         (first["rule"], d)))
        else:
            rows.append((name, "missed"))
    for name, start, end, fams in ds.get("benign", []):
        for a in alerts:
            if within(a, start, end, fams):
                used.add(id(a))
    false = [a for a in alerts if id(a) not in used]
    n = len(ds["events"])
    return {
        "name": ds["name"],
        "events": n,
        "found": found,
        "recall": found / n if n else None,
        "alerts": len(alerts),
        "false_alerts": len(false),
        "false_per_30d": len(false) * 30.0 / ds["days"],
        "delay_min": sorted(delays)[len(delays) // 2] if delays else None,
        "detail": rows,
        "false": [(a["opened"], a["rule"], a["evidence"]) for a in false],
    }


def table(results):
    out = ["| data set | events found | false alerts / 30 days | "
           "median detection delay |",
           "| --- | --- | --- | --- |"]
    for r in results:
        rec = ("%d/%d (%.0f %%)" % (r["found"], r["events"],
                                    100 * r["recall"])
               if r["events"] else "no labels")
        delay = "%.0f min" % r["delay_min"] if r["delay_min"] is not None \
            else "-"
        out.append("| %s | %s | %.1f (%d) | %s |" % (
            r["name"], rec, r["false_per_30d"], r["false_alerts"], delay))
    return "\n".join(out)


# ---- R10 / R15: flagged periods against the operator's expected power ----

COV = "pvops/example_prod_with_covariates.csv"


def covariates(build, site):
    alerts = backtest(build, "%s.conf" % site.lower(), COV, [
        "--time-column", "date", "--filter", "randid=%s" % site,
        "--map", "ac_power_w=generated_kW*1000",
        "--map", "poa_irradiance_wm2=irrad_poa_Wm2",
        "--map", "ambient_temp_c=temp_amb_C",
        "--map", "module_temp_c=temp_mod_C"])
    if alerts is None:
        return None
    rows = []
    with open(os.path.join(DATA, COV)) as f:
        for r in csv.DictReader(f):
            if r["randid"] != site:
                continue
            try:
                rows.append((datetime.fromisoformat(r["date"]),
                             float(r["generated_kW"]),
                             float(r["expected_kW"])))
            except ValueError:
                pass
    # Days whose energy is below 80 % of the operator's expectation are
    # the "gap" days a good technician would ask about.
    days = {}
    for ts, g, e in rows:
        d = days.setdefault(ts.date(), [0.0, 0.0])
        d[0] += g
        d[1] += e
    gap = {d for d, (g, e) in days.items() if e > 0 and g / e < 0.8}
    flagged_days = set()
    periods = []
    for a in alerts:
        o = t(a["opened"]).replace(tzinfo=None)
        c = t(a["resolved"]).replace(tzinfo=None) if a["resolved"] \
            else rows[-1][0]
        sel = [(g, e) for ts, g, e in rows if o - timedelta(hours=1) <= ts
               <= c]
        g = sum(x for x, _ in sel)
        e = sum(y for _, y in sel)
        day = o.date()
        while day <= c.date():
            flagged_days.add(day)
            day += timedelta(days=1)
        periods.append((a["opened"], a["resolved"], a["rule"],
                        g / e if e > 0 else float("nan")))
    ratio_all = sum(g for _, g, _ in rows) / sum(e for _, _, e in rows)
    fam = {}
    for _, _, rule, _ in periods:
        fam[rule] = fam.get(rule, 0) + 1
    hit = gap & flagged_days
    return {
        "site": site, "alerts": len(alerts), "by_family": fam,
        "ratio_all": ratio_all, "gap_days": len(gap),
        "gap_days_flagged": len(hit),
        "flagged_days": len(flagged_days),
        "flagged_days_in_gap": len(flagged_days & gap),
        "periods": periods,
        "first_gap_day": min(gap).isoformat() if gap else None,
        "first_flag_in_gap": min(hit).isoformat() if hit else None,
    }


def print_covariates(r, full):
    print("%s: %d alerts %s; actual/expected over the year %.2f" % (
        r["site"], r["alerts"], r["by_family"], r["ratio_all"]))
    print("  days below 80 %% of expected: %d, of which flagged: %d "
          "(first gap day %s, first flagged gap day %s)" % (
              r["gap_days"], r["gap_days_flagged"], r["first_gap_day"],
              r["first_flag_in_gap"]))
    print("  days with an alert: %d, of which gap days: %d" % (
        r["flagged_days"], r["flagged_days_in_gap"]))
    if full:
        for o, c, rule, ratio in r["periods"]:
            print("    %s -> %s  %-16s actual/expected %.2f" % (
                o, c or "open", rule, ratio))


# ---- seeded faults over measured series ----

SEEDED = [
    # name, conf, csv, power column, days
    ("SERF East 2016", "serf_east.conf",
     "pvanalytics/serf_east_15min_ac_power.csv", "ac_power", 104),
    ("system_50 2011-2013", "system50.conf",
     "pvanalytics/system_50_ac_power_2_full_DST.csv", "ac_power_2", 991),
]
# Real events of the untouched series (docs/quality.md gives the figures
# for each): the warnings that open within one are right, not false.
# At most one label per 90 device-days.
LABELS = {
    "SERF East 2016": [
        ("half of the output all day", "2016-09-29T00:00:00-07:00",
         "2016-09-30T23:59:00-07:00", ("underperformance",)),
    ],
    "system_50 2011-2013": [
        ("logger loses daytime rows", "2012-04-17T00:00:00-07:00",
         "2012-04-30T23:59:00-07:00", ("communication",)),
        ("logger loses daytime rows", "2012-05-22T00:00:00-07:00",
         "2012-05-28T23:59:00-07:00", ("communication",)),
        ("logger loses daytime rows", "2011-08-27T00:00:00-07:00",
         "2011-08-29T23:59:00-07:00", ("communication",)),
        ("array under snow, five days", "2013-12-04T00:00:00-07:00",
         "2013-12-09T23:59:00-07:00", ("communication", "underperformance")),
    ],
}
KINDS = ("outage_zero", "outage_missing", "string_loss", "derate",
         "soiling")


def read_series(path, col):
    rows = []
    with open(path) as f:
        r = csv.reader(f)
        hdr = next(r)
        ti, pi = 0, hdr.index(col)
        for row in r:
            if not row:
                continue
            try:
                p = float(row[pi])
            except (ValueError, IndexError):
                p = None
            rows.append([row[ti], datetime.fromisoformat(row[ti]), p])
    return rows


def inject(rows, rng, nfaults):
    """Faults at random daytime starts, not overlapping: each a dict with
    kind, start, end and the energy (Wh) it removes. Returns the new rows
    (time text, power or None, dropped flag) and the faults."""
    out = [[t, ts, p, False] for t, ts, p in rows]
    peak = max(p for _, _, p in rows if p is not None)
    n = len(rows)
    faults, busy = [], []
    tries = 0
    while len(faults) < nfaults and tries < 50 * nfaults:
        tries += 1
        kind = KINDS[len(faults) % len(KINDS)]
        if kind == "soiling":
            length = rng.randint(14, 42) * 96
        elif kind in ("outage_zero", "outage_missing"):
            length = rng.choice((4, 8, 16, 48, 96, 3 * 96, 7 * 96))
        else:
            length = rng.choice((96, 3 * 96, 7 * 96, 14 * 96))
        a = rng.randrange(96, n - length - 96)
        # start in daylight (the device making at least 20 % of its peak)
        while a < n - length - 1 and (out[a][2] or 0) < 0.2 * peak:
            a += 1
        b = a + length
        # three days apart: each fault its own episode
        if any(not (b + 3 * 96 < x or a > y + 3 * 96) for x, y in busy):
            continue
        busy.append((a, b))
        frac = {"string_loss": rng.choice((1 / 3, 1 / 2)),
                "derate": 0.5}.get(kind, 1.0)
        lost = 0.0
        for i in range(a, b):
            p = out[i][2]
            if p is None:
                continue
            if kind == "soiling":
                q = p * (1 - 0.15 * (i - a) / length)
            elif kind == "derate":
                # an inverter held at a limit still wanders a little
                q = min(p, frac * peak * (1 + 0.004 * rng.uniform(-1, 1)))
            elif kind == "string_loss":
                q = p * (1 - frac)
            else:
                q = 0.0
            q = max(q, 0.0) if p > 0 else p
            lost += max(p - q, 0.0) * 0.25
            out[i][2] = q
            if kind == "outage_missing":
                out[i][3] = True
        faults.append({"kind": kind, "start": out[a][1], "end": out[b][1],
                       "lost_wh": lost, "frac": frac})
    return out, faults


def thin(rows, peak):
    """A sleeping logger: no rows while output is below 3 % of peak."""
    return [r for r in rows
            if r[3] is False and r[2] is not None and r[2] >= 0.03 * peak]


def write_csv(rows, col):
    fd, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(fd, "w") as f:
        f.write("measured_on,%s\n" % col)
        for r in rows:
            if r[3]:
                continue
            f.write("%s,%s\n" % (r[0], "" if r[2] is None else r[2]))
    return path


def run_csv(build, conf, path, col):
    cmd = [os.path.join(build, "pvsentry"), "backtest", "-c",
           os.path.join(CONF, conf), "--csv", path, "--json",
           "--map", "ac_power_w=%s" % col]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        raise SystemExit("backtest failed: %s\n%s" % (" ".join(cmd),
                                                      p.stderr))
    return [json.loads(line) for line in p.stdout.splitlines() if line]


SEEN = ("underperformance", "communication", "peer", "fault_code",
        "trend", "mass_outage")
PARTIAL = ("string_loss", "derate")
OUTAGE = ("outage_zero", "outage_missing")


# Both seeded series write their times at -07:00; alerts come out in the
# site's zone (with daylight saving time): compare on the file's clock.
FILE_TZ = timezone(timedelta(hours=-7))


def naive(x):
    return x.astimezone(FILE_TZ).replace(tzinfo=None)


def day_facts(rows, peak):
    """Per date of the untouched series: daylight instants (output above
    3 % of peak) and whether the day was clear (its energy at least 85 %
    of the best day within ten days either side)."""
    energy, light = {}, {}
    for _, ts, p in rows:
        d = ts.date()
        energy[d] = energy.get(d, 0.0) + max(p or 0.0, 0.0)
        if p is not None and p >= 0.03 * peak:
            light.setdefault(d, []).append(naive(ts))
    clear = set()
    days = sorted(energy)
    for d in days:
        best = max(energy[x] for x in days
                   if abs((x - d).days) <= 10)
        if best > 0 and energy[d] >= 0.85 * best:
            clear.add(d)
    return light, clear


def daylight_hours(light, a, b):
    """Daylight hours (15-min rows of output) between a and b."""
    n = 0
    d = a.date()
    while d <= b.date():
        n += sum(1 for x in light.get(d, ()) if a <= x < b)
        d += timedelta(days=1)
    return n * 0.25


def score(alerts, base, faults, light, clear):
    """Which faults were found (an alert of a fault family opened between
    the fault's start and a day after its end), their delays (daylight
    hours for outages, clear days for partial losses), which faults were
    longer than their detection delay (an hour of daylight for outages,
    two clear days for partial losses), and the warning/critical alerts
    that neither a fault nor the untouched series explains."""
    def opened(a):
        return naive(t(a["opened"]))

    def closed(a):
        return (naive(t(a["resolved"])) if a["resolved"]
                else datetime.max)
    used = set()
    for f in faults:
        s0, e0 = naive(f["start"]), naive(f["end"])
        hits = [a for a in alerts if a["rule"] in SEEN and
                s0 <= opened(a) <= e0 + timedelta(days=1)]
        # An alert of the device that was already firing when the fault
        # began (a real silence or loss just before it) and that the
        # fault keeps open (for a day or to its end, and longer than the
        # same alert of the untouched series): the operator is told, from
        # the first minute.
        held = [a for a in alerts if a["rule"] in SEEN and
                a["severity"] != "info" and opened(a) < s0 and
                closed(a) >= min(e0, s0 + timedelta(days=1)) and
                all(closed(a) > closed(b) for b in base
                    if b["fingerprint"] == a["fingerprint"] and
                    b["opened"] == a["opened"])]
        for a in hits:
            used.add(id(a))
        first = min(hits, key=opened) if hits else None
        if held:
            hits = held + hits
            first = {"opened": f["start"].isoformat()}
        f["found"] = first is not None
        f["by"] = sorted(set(a["rule"] for a in hits))
        inside = [d for d in clear
                  if s0.date() < d < e0.date()]
        if f["kind"] in PARTIAL:
            f["eligible"] = len(inside) >= 2
            # whole clear days between the fault's first day and the
            # alert's day (the rule judges a day when it is over)
            f["delay"] = (len([d for d in clear if s0.date() < d <
                               opened(first).date()])
                          if first else None)
        elif f["kind"] in OUTAGE:
            f["eligible"] = daylight_hours(light, s0, e0) >= 1.0
            f["delay"] = (daylight_hours(light, s0, opened(first))
                          if first else None)
        else:
            # soiling: reported by trend, and before its loss reaches 10 %
            tr = [a for a in hits if a["rule"] == "trend"]
            f["eligible"] = False
            f["delay"] = None
            f["by_trend"] = False
            if tr:
                at = opened(min(tr, key=opened))
                f["loss_at_report"] = 0.15 * (at - s0) / (e0 - s0)
                f["by_trend"] = f["loss_at_report"] < 0.10
    known = [(opened(a), closed(a)) for a in base]
    other = [a for a in alerts if id(a) not in used and
             a["severity"] != "info" and
             not any(o - timedelta(hours=2) <= opened(a) <= c +
                     timedelta(hours=2) for o, c in known)]
    return other


def seeded(build, seed, quick=False):
    rng = random.Random(seed)
    res = []
    for name, conf, rel, col, days in SEEDED[:1] if quick else SEEDED:
        path = os.path.join(DATA, rel)
        if not os.path.exists(path):
            continue
        rows = read_series(path, col)
        peak = max(p for _, _, p in rows if p is not None)
        light, clear = day_facts(rows, peak)
        nf = max(10, int(days / 10))
        mod, faults = inject(rows, rng, nf)
        plain = [[r[0], r[1], r[2], False] for r in rows]
        for shape in ("as measured", "thinned"):
            src = plain if shape == "as measured" else thin(plain, peak)
            inj = mod if shape == "as measured" else thin(mod, peak)
            p0, p1 = write_csv(src, col), write_csv(inj, col)
            try:
                base = run_csv(build, conf, p0, col)
                alerts = run_csv(build, conf, p1, col)
            finally:
                os.unlink(p0)
                os.unlink(p1)
            fl = [dict(f) for f in faults]
            other = score(alerts, base, fl, light, clear)
            warn = [a for a in base if a["severity"] != "info"]
            labelled = [a for a in warn if any(
                t(s0) <= t(a["opened"]) <= t(s1) and a["rule"] in fam
                for _, s0, s1, fam in LABELS.get(name, ()))]
            elig = [f for f in fl if f["eligible"]]
            tot = sum(f["lost_wh"] for f in fl)
            det = sum(f["lost_wh"] for f in fl if f["found"])

            def med(kinds):
                d = sorted(f["delay"] for f in fl
                           if f["found"] and f["kind"] in kinds and
                           f["eligible"])
                return d[len(d) // 2] if d else None
            res.append({
                "name": "%s, %s" % (name, shape), "days": days,
                "faults": len(fl),
                "eligible": len(elig),
                "found": sum(f["found"] for f in elig),
                "energy_share": det / tot if tot else None,
                "outage_delay_h": med(OUTAGE),
                "partial_delay_days": med(PARTIAL),
                "soiling_found": sum(f.get("by_trend", False) for f in fl),
                "soiling_any": sum(f["found"] for f in fl
                                   if f["kind"] == "soiling"),
                "soiling": sum(f["kind"] == "soiling" for f in fl),
                # loss when trend first reported each soiling run (None:
                # trend never did while it lasted)
                "soiling_losses": [f.get("loss_at_report") for f in fl
                                   if f["kind"] == "soiling"],
                # the price of reporting soiling early: trend infos on
                # the series without faults
                "untouched_trend": sum(a["rule"] == "trend" for a in base),
                "other_per_30d": len(other) * 30.0 / days,
                "untouched_per_30d": (len(warn) - len(labelled)) * 30.0 /
                days,
                "untouched_labelled": len(labelled),
                "untouched_all_per_30d": len(warn) * 30.0 / days,
                "missed": [(f["kind"], f["start"].isoformat(),
                            f["end"].isoformat()) for f in elig
                           if not f["found"]],
                "other": [(a["opened"], a["rule"], a["evidence"])
                          for a in other],
                "soiling_list": [
                    (f["start"].date().isoformat(),
                     (f["end"] - f["start"]).days,
                     "%.1f %%" % (100 * f["loss_at_report"])
                     if "loss_at_report" in f else
                     "by " + ",".join(f["by"]) if f["found"] else "missed")
                    for f in fl if f["kind"] == "soiling"],
            })
    return res


def seeded_table(res):
    out = ["| series | faults found (longer than their detection delay, "
           "soiling aside) | share of fault energy in found faults | "
           "median delay: outages (daylight h) / partial losses (clear "
           "days) | soiling reported by trend before 10 % (by any "
           "alert; trend infos untouched) | other "
           "warnings / 30 days | warnings / 30 days, untouched (all; "
           "labelled) |",
           "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in res:
        def h(x, unit):
            return "-" if x is None else "%.1f%s" % (x, unit)
        out.append("| %s | %d/%d | %.2f | %s / %s | %d/%d (%d; %d) | "
                   "%.1f | %.2f (%.2f; %d) |"
                   % (r["name"], r["found"], r["eligible"],
                      r["energy_share"] or 0,
                      h(r["outage_delay_h"], " h"),
                      h(r["partial_delay_days"], ""),
                      r["soiling_found"], r["soiling"], r["soiling_any"],
                      r["untouched_trend"],
                      r["other_per_30d"], r["untouched_per_30d"],
                      r["untouched_all_per_30d"],
                      r["untouched_labelled"]))
    return "\n".join(out)


# ---- the targets, each measured on the same run ----

DST_SWITCHES = ("2011-11-06", "2012-03-11", "2012-11-04", "2013-03-10",
                "2013-11-03")


def storm_and_clock(build):
    """SERF East's 2016-08-29 storm (severities) and system_50's
    daylight-saving clock: years with a clock info, any clock alert that
    is not an info, communication alerts within a day of a switch."""
    serf = backtest(build, "serf_east.conf",
                    "pvanalytics/serf_east_15min_ac_power.csv",
                    ["--map", "ac_power_w=ac_power"])
    s50 = backtest(build, "system50.conf",
                   "pvanalytics/system_50_ac_power_2_full_DST.csv",
                   ["--map", "ac_power_w=ac_power_2"])
    if serf is None or s50 is None:
        return None
    storm = sorted(set(a["severity"] for a in serf
                       if a["opened"].startswith("2016-08-29")))
    clock = [a for a in s50 if a["fingerprint"].endswith("/clock")]
    near = [a for a in s50 if a["rule"] == "communication" and any(
        abs((t(a["opened"]).date() - t(sw + "T12:00:00-07:00").date()).days)
        <= 1 for sw in DST_SWITCHES)]
    return {"storm": storm,
            "clock_years": sorted(set(a["opened"][:4] for a in clock)),
            "clock_not_info": sum(a["severity"] != "info" for a in clock),
            "comm_near_switch": len(near)}


def r15_winter(cov):
    """underperformance alerts of R15 over the winter shortfall."""
    r15 = [r for r in cov if r["site"] == "R15"]
    if not r15:
        return None
    return sum(1 for o, c, rule, _ in r15[0]["periods"]
               if rule == "underperformance" and o[:10] <= "2019-01-06" and
               (c is None or c[:10] >= "2018-11-07"))


def median_loss(seeded_res):
    """Median loss at trend's first report over every soiling run of the
    runs (one never reported counts as infinite); None without any."""
    x = sorted(float("inf") if v is None else v
               for r in seeded_res for v in r["soiling_losses"])
    if not x:
        return None
    m = x[len(x) // 2] if len(x) % 2 else (x[len(x) // 2 - 1] +
                                           x[len(x) // 2]) / 2
    return m


def targets(seeded_res, cov, sc, awk_ratio=None):
    """Rows (target, measured, met) for the quality table."""
    rows = []

    def row(what, measured, met):
        rows.append((what, measured, "yes" if met else "no"))
    if seeded_res:
        sh = [r["energy_share"] or 0 for r in seeded_res]
        row("share of fault energy in detected faults >= 0.95",
            " / ".join("%.2f" % x for x in sh), min(sh) >= 0.95)
        row("faults longer than their delay found >= 0.95",
            ", ".join("%d/%d" % (r["found"], r["eligible"])
                      for r in seeded_res),
            all(r["found"] >= 0.95 * r["eligible"] for r in seeded_res))
        od = [r["outage_delay_h"] for r in seeded_res]
        row("total outages within 1 daylight hour (median)",
            " / ".join("-" if x is None else "%.1f h" % x for x in od),
            all(x is not None and x <= 1.0 for x in od))
        pd = [r["partial_delay_days"] for r in seeded_res]
        row("partial losses within 2 clear days (median)",
            " / ".join("-" if x is None else "%.1f" % x for x in pd),
            all(x is None or x <= 2 for x in pd))
        sf = sum(r["soiling_found"] for r in seeded_res)
        sn = sum(r["soiling"] for r in seeded_res)
        sm = median_loss(seeded_res)
        row("soiling reported by trend before its loss reaches 10 % "
            "(median, as the two delays above; a run trend never "
            "reported counts as never)",
            "%s; each: %d of %d (trend infos untouched: %s)" % (
                "-" if sm is None else "%.1f %%" % (100 * sm), sf, sn,
                " / ".join(str(r["untouched_trend"]) for r in seeded_res)),
            sm is not None and sm < 0.10)
        ow = max(r["other_per_30d"] for r in seeded_res)
        uw = max(r["untouched_per_30d"] for r in seeded_res)
        row("<= 1 unexplained warning per 30 device-days",
            "faults: %.2f, untouched: %s" % (ow, " / ".join(
                "%.2f" % r["untouched_per_30d"] for r in seeded_res)),
            ow <= 1.0 and uw <= 1.0)
        dense = [name for name, _, _, _, days in SEEDED
                 if len(LABELS.get(name, ())) * 90 > days]
        row("<= 1 label per 90 device-days",
            ", ".join("%s %d in %d days" % (name, len(LABELS.get(name, ())),
                                             days)
                      for name, _, _, _, days in SEEDED), not dense)
    n = r15_winter(cov) if cov else None
    if n is not None:
        row("R15: <= 5 underperformance alerts over the winter shortfall",
            str(n), 1 <= n <= 5)
    if sc:
        row("SERF East 2016-08-29 a warning, not critical",
            ", ".join(sc["storm"]) or "no alert", sc["storm"] == ["warning"])
        row("system_50 daylight-saving clock: info, no communication alert",
            "info in %s; %d not info; %d communication within a day of "
            "a switch" % (", ".join(sc["clock_years"]), sc["clock_not_info"],
                          sc["comm_near_switch"]),
            sc["clock_years"] == ["2011", "2012", "2013"] and
            not sc["clock_not_info"] and not sc["comm_near_switch"])
    if awk_ratio is not None:
        row("backtest time / awk parse <= 7", "%.2f" % awk_ratio,
            awk_ratio <= 7.0)
    return rows


def targets_table(rows):
    out = ["| target | measured | met |", "| --- | --- | --- |"]
    out += ["| %s | %s | %s |" % r for r in rows]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--covariates", action="store_true",
                    help="also the R10/R15 report")
    ap.add_argument("--list", action="store_true",
                    help="list every false alert and flagged period")
    ap.add_argument("--faults", type=int, metavar="SEED",
                    help="also inject seeded faults into measured series")
    ap.add_argument("--quick", action="store_true",
                    help="with --faults: the short series only")
    ap.add_argument("--targets", action="store_true",
                    help="the issue's targets, measured on one run "
                    "(seed 19 unless --faults)")
    a = ap.parse_args()
    if a.targets:
        res = seeded(a.build, 19 if a.faults is None else a.faults)
        cov = [r for r in (covariates(a.build, x) for x in ("R15",)) if r]
        print(seeded_table(res))
        print()
        print(targets_table(targets(res, cov, storm_and_clock(a.build))))
        return
    if a.faults is not None:
        res = seeded(a.build, a.faults, a.quick)
        if a.json:
            json.dump({"seeded": res}, sys.stdout, indent=1, default=str)
            print()
            return
        print(seeded_table(res))
        if a.list:
            for r in res:
                for m in r["missed"]:
                    print("  %s: missed %s %s .. %s" % ((r["name"],) + m))
                for o in r["other"]:
                    print("  %s: other alert %s %s: %s" % ((r["name"],) + o))
                for o in r["soiling_list"]:
                    print("  %s: soiling from %s, %d days: trend at %s" %
                          ((r["name"],) + o))
        return
    results = [r for r in (evaluate(a.build, ds) for ds in SETS) if r]
    cov = [r for r in (covariates(a.build, s) for s in ("R10", "R15"))
           if r] if a.covariates else []
    if a.json:
        json.dump({"quality": results, "covariates": cov}, sys.stdout,
                  indent=1, default=str)
        print()
        return
    print(table(results))
    for r in results:
        for name, what in r["detail"]:
            print("  %s: %s: %s" % (r["name"].split(" (")[0], name, what))
        if a.list:
            for o, rule, ev in r["false"]:
                print("    other alert %s %s: %s" % (o, rule, ev))
    for r in cov:
        print_covariates(r, a.list)


if __name__ == "__main__":
    main()
