#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""`make soak` (after the 50-kill reliability run): pvsentry under a
fleet's message rate for SOAK_MINUTES (30), with faults turning into
tickets and mails, watching that memory and queues stay flat.

Load: 1,000 devices (20 pvsim processes, one site of 50 each) every
simulated minute on a clock 10 times faster than real time: 167 messages
a second, the rate of 10,000 devices reporting every minute in real time,
while every rule window fills as it would over hours. A few devices fault
along the way, so the notifier works too (SMTP sink).

Every 10 s it records pvsentry's resident memory (/proc), its counters
(SIGUSR1 `stats:` line), the samples stored and the outbox rows pending.
Verdict, over the second half of the run (the first half fills rule
windows and SQLite's page cache):
  - resident memory grows by at most 10 %,
  - ingest keeps up: messages received but not yet through the engine
    (mqtt_messages - samples_in / 13) stay under 10 s of traffic, and
    nothing is lost,
  - the outbox does not grow (pending mails drain).
The series go to BUILD/soak/soak.json; exit status 1 on a failed verdict.

The inbox depth itself is not observable yet (the `stats:` line has no
queue depths): "backlog" above stands for it.
"""
import argparse
import json
import os
import re
import signal
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))

import harness  # noqa: E402

START = "2024-06-21T04:00:00Z"
SPEED = 10
SITES = 20
PER_SITE = 50
METRICS = 13  # pvsim's samples per message

CONFIG_HEAD = """\
[global]
database = ${db}
log_level = info
sim_start = ${sim_start}
sim_speed = ${sim_speed}
grace_period = 10m

[mqtt]
uri = tcp://127.0.0.1:${mqtt_port}
client_id = pvsentry-soak
qos = 1
topic = pvsentry/#

[smtp]
url = smtp://127.0.0.1:${smtp_port}
from = pvsentry <monitoring@pvsentry.example>
retry_min = 30s
retry_max = 5m

[technician "alice"]
name = Alice Martin
email = alice@installer.example
language = en

[customer "dupont"]
name = Jean Dupont
email = jean.dupont@home.example
language = en
"""


def rss_kb(pid):
    with open("/proc/%d/statm" % pid) as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def cpu_s(pid):
    with open("/proc/%d/stat" % pid) as f:
        v = f.read().rsplit(")", 1)[1].split()
    return (int(v[11]) + int(v[12])) / os.sysconf("SC_CLK_TCK")


def config(h, db, broker, sink):
    parts = [CONFIG_HEAD]
    for s in range(SITES):
        parts.append('[site "soak%d"]\nlatitude = 45.75\nlongitude = 4.85\n'
                     'timezone = Europe/Paris\nkwp = %d\ncustomer = dupont\n'
                     'technician = alice\n' % (s, 5 * PER_SITE))
        for d in range(PER_SITE):
            parts.append('[device "soak%d-d%d"]\nsite = soak%d\n'
                         'kind = inverter\nkwp = 5\n' % (s, d, s))
    return h.write_config("\n".join(parts), db=db, mqtt_port=broker.port,
                          smtp_port=sink.port)


def stats(pv):
    mark = pv.mark()
    pv.proc.send_signal(signal.SIGUSR1)
    line = pv.wait_log(r"stats: ", 10, since=mark)[0]
    return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", line)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--minutes", type=float,
                    default=float(os.environ.get("SOAK_MINUTES", "30")))
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    out = os.path.join(build, "soak")
    os.makedirs(out, exist_ok=True)
    work = os.path.join(out, "run")
    os.makedirs(work, exist_ok=True)
    h = harness.Harness(work, start=START, speed=SPEED, build=build)
    series = []
    ok = True
    try:
        broker = h.start_mosquitto()
        sink = h.start_smtp_sink()
        db = h.path("soak.db")
        for sfx in ("", "-wal", "-shm"):
            if os.path.exists(db + sfx):
                os.unlink(db + sfx)
        cfg = config(h, db, broker, sink)
        pv = h.pvsentry(cfg).start(timeout=60)
        pv.wait_log(r"mqtt: subscribed", 30)
        pid = pv.proc.pid
        sim_min = int(args.minutes * SPEED) + 1
        sims = []
        for s in range(SITES):
            devs = ["soak%d-d%d" % (s, d) for d in range(PER_SITE)]
            # One fault per site, somewhere in the run.
            at = 30 + (s * 37) % max(sim_min - 90, 1)
            sims.append(h.start_pvsim(
                broker, "soak%d" % s, devices=devs, name="pvsim-%d" % s,
                interval="60s", duration="%dm" % sim_min, qos=1,
                scenarios=["fault/%s@+%dm+40m" % (devs[s % PER_SITE], at)],
                extra=["--log-level", "warn"]))
        t0 = time.monotonic()
        end = t0 + args.minutes * 60
        rate = SITES * PER_SITE * SPEED / 60.0  # messages/s offered
        while time.monotonic() < end:
            time.sleep(10)
            st = stats(pv)
            rows = harness.db_scalar(db, "SELECT max(rowid) FROM readings") \
                or 0
            pending = harness.db_scalar(
                db, "SELECT count(*) FROM outbox WHERE status = 'pending'")
            t = time.monotonic() - t0
            series.append({"t": round(t), "rss_kb": rss_kb(pid),
                           "cpu_s": round(cpu_s(pid), 2), "stored": rows,
                           # Received but not yet through the engine:
                           # the inbox (and Paho's queue), in messages.
                           "backlog": st.get("mqtt_messages", 0) -
                           st.get("samples_in", 0) // METRICS,
                           "outbox_pending": pending,
                           "samples_in": st.get("samples_in"),
                           "tickets": st.get("tickets_opened"),
                           "sent": st.get("messages_sent")})
            p = series[-1]
            print("%5ds rss %6d KiB  cpu %7.1fs  stored %9d  backlog %5d  "
                  "pending %3d  tickets %s  sent %s" % (
                      p["t"], p["rss_kb"], p["cpu_s"], p["stored"],
                      p["backlog"], pending, p["tickets"], p["sent"]),
                  flush=True)
        summaries = [s.wait(timeout=600) for s in sims]
        published = sum(s["samples"] for s in summaries)
        harness.wait_until(lambda: (harness.db_scalar(
            db, "SELECT count(*) FROM samples") or 0) >= published, 120,
            "every sample stored")
        stored = harness.db_scalar(db, "SELECT count(*) FROM samples")
        pv.stop(timeout=120)
        integrity = harness.integrity_check(db)
    finally:
        h.close()

    half = [p for p in series if p["t"] >= series[-1]["t"] / 2]
    growth = max(p["rss_kb"] for p in half) / half[0]["rss_kb"] - 1
    backlog = [p["backlog"] for p in half]
    pend = [p["outbox_pending"] for p in half]
    verdict = {
        "minutes": args.minutes, "devices": SITES * PER_SITE,
        "speed": SPEED, "rss_start_kb": series[0]["rss_kb"],
        "rss_half_kb": half[0]["rss_kb"],
        "rss_end_kb": series[-1]["rss_kb"],
        "rss_growth_second_half": round(growth, 4),
        "published": published, "stored": stored,
        "backlog_max_second_half": max(backlog),
        "backlog_end": backlog[-1],
        "outbox_pending_max_second_half": max(pend),
        "integrity": integrity,
    }
    checks = [
        ("memory flat (<= 10 % growth in the second half)", growth <= 0.10),
        ("ingest keeps up (backlog < 10 s of traffic)",
         max(backlog) < rate * 10),
        ("nothing lost", stored >= published),
        ("outbox drains", pend[-1] <= max(pend[0], 2)),
        ("integrity_check ok", integrity == "ok"),
    ]
    for name, good in checks:
        print("%-50s %s" % (name, "ok" if good else "FAILED"))
        ok = ok and good
    with open(os.path.join(out, "soak.json"), "w") as f:
        json.dump({"verdict": verdict, "series": series}, f, indent=1)
    print(json.dumps(verdict, indent=1))
    print("soak: %s" % ("ok" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
