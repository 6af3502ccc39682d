#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""pvsentry demo: a simulated inverter fault becomes a ticket and two mails.

`make demo` runs this with --build build. It starts, all on loopback and
all private to the demo:

  - mosquitto on a free port,
  - the SMTP sink (tests/sinks/smtp_sink.py), one .eml per mail under
    BUILD/demo/mail/,
  - pvsentry run with BUILD/demo/pvsentry.conf (one site near Lyon, one
    inverter, a technician and a customer) on a simulated clock that starts
    on a fixed sunny June morning and runs 60 times faster than real time,
  - pvsim publishing that inverter's telemetry, with a fault part-way,
  - pvsentry's HTTP server (dashboard, API, the pages behind the links in
    the mails) on 127.0.0.1:8080, or on a free port when 8080 is taken,
    with one login per role.

and prints, as it happens, the telemetry, the alert, the ticket, the
technician's mail, the customer's notice and the "back to normal" mail,
and opens every link in the mails (each must answer). Then it prints the
dashboard's address and the logins and, when standard input is a
terminal, keeps everything running until Enter. It stops everything it
started and exits 0 (1 if something did not happen in time), leaving
BUILD/demo/pvsentry.db and the mails.

Nothing depends on the real time of day: the simulated clock is fixed.
"""
import argparse
import json
import os
import queue
import re
import secrets
import shutil
import socket
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "tests", "integration"))

import harness  # noqa: E402

try:
    import paho.mqtt.client as mqtt
except ImportError:  # the demo still runs, without the telemetry lines
    mqtt = None

SITE = "lyon-demo"
DEVICE = "lyon-demo-inv1"
TZ = "Europe/Paris"
# 08:00 in Lyon on the longest day of 2024: the sun is up and climbing.
SIM_START = "2024-06-21T06:00:00Z"
SPEED = 60
FAULT_AT = "+15m"
FAULT_FOR = "25m"
RUN_FOR = "55m"
DEADLINE_S = 170  # the whole demo, real seconds
HTTP_PORT = 8080  # when free; otherwise any free port
ADMIN_TOKEN_FILE = "admin.token"
# One login per role, for clicking through the dashboard: user name ->
# (role, person it is tied to, password). Loopback only, demo data only.
LOGINS = {
    "admin": ("admin", None, "demo-admin-password"),
    "installer": ("installer", None, "demo-installer-password"),
    "alice": ("technician", "alice", "demo-alice-password"),
    "dupont": ("customer", "dupont", "demo-dupont-password"),
}
LINK_RE = re.compile(r"https?://[^\s<>\"')]+")

CONFIG = """\
# pvsentry demo configuration, written by deploy/demo/demo.py.
[global]
database = pvsentry.db
log_level = info
# A fixed sunny morning, 60 times faster than real time.
sim_start = ${sim_start}
sim_speed = ${sim_speed}
grace_period = 10m
tick = 10s
# Links in the mails point at the demo's own HTTP server.
public_url = ${public_url}

[mqtt]
uri = tcp://127.0.0.1:${mqtt_port}
client_id = pvsentry-demo
qos = 1
topic = pvsentry/#

[smtp]
url = smtp://127.0.0.1:${smtp_port}
from = pvsentry demo <monitoring@pvsentry.example>
retry_min = 1s
retry_max = 10s

[http]
listen = 127.0.0.1
port = ${http_port}
admin_token_file = admin.token

[technician "alice"]
name = Alice Martin
email = alice.martin@installer.example
phone = +33 6 00 00 00 01
language = ${tech_lang}

[customer "dupont"]
name = Jean Dupont
email = jean.dupont@home.example
language = ${cust_lang}

[site "${site}"]
name = Dupont house
address = 12 rue des Lilas, 69003 Lyon
latitude = 45.75
longitude = 4.85
timezone = ${tz}
kwp = 6.0
tilt = 30
azimuth = 180
access_notes = Key in the box by the garage; dog in the garden
customer = dupont
technician = alice

[device "${device}"]
site = ${site}
kind = inverter
kwp = 6.0
rated_power = 6000
"""


class Printer:
    """Every line of the demo goes through here: one clock column."""

    def __init__(self, clock):
        self.clock = clock
        try:
            from zoneinfo import ZoneInfo
            self.tz = ZoneInfo(TZ)
        except Exception:
            self.tz = timezone.utc

    def sim_time(self, ms=None):
        ms = self.clock.now() if ms is None else ms
        return datetime.fromtimestamp(ms / 1000, self.tz).strftime("%H:%M")

    def line(self, tag, text, ms=None):
        print("%s  %-11s %s" % (self.sim_time(ms), tag, text), flush=True)

    def block(self, tag, title, lines):
        self.line(tag, title)
        for ln in lines:
            print("%s  %-11s   %s" % (" " * 5, "", ln), flush=True)


class Telemetry:
    """Subscribes to the demo's topics and queues compact lines."""

    def __init__(self, port):
        self.q = queue.Queue()
        self.c = mqtt.Client(client_id="pvsentry-demo-viewer",
                             clean_session=True)
        self.c.on_connect = lambda c, u, f, rc: c.subscribe("pvsentry/#", 0)
        self.c.on_message = self._msg
        self.c.connect("127.0.0.1", port)
        self.c.loop_start()

    def _msg(self, c, u, m):
        try:
            p = json.loads(m.payload)
        except ValueError:
            return
        if isinstance(p, dict):
            self.q.put((m.topic, p))

    def drain(self):
        out = []
        while True:
            try:
                out.append(self.q.get_nowait())
            except queue.Empty:
                return out

    def close(self):
        self.c.loop_stop()
        self.c.disconnect()


def fmt_telemetry(topic, p):
    dev = topic.rsplit("/", 1)[-1]
    return "%s  %-6s %6.0f W  %9.1f kWh  heatsink %4.1f C" % (
        dev, p.get("state", "?"), p.get("ac_power_w", 0),
        p.get("ac_energy_wh", 0) / 1000.0, p.get("temp_heatsink_c", 0))


def log_msg(line):
    """A pvsentry log line without its timestamp and level."""
    return re.sub(r"^\S+\s+\S+\s+", "", line)


def mail_lines(m):
    lines = []
    for k in ("From", "To", "Subject", "Message-ID", "X-Pvsentry-Ticket",
              "X-Pvsentry-Audience", "X-Pvsentry-Kind"):
        if m[k] is not None:
            lines.append("%s: %s" % (k, m[k]))
    lines.append("")
    body = harness.mail_body(m)
    lines += [ln.rstrip() for ln in str(body).strip().splitlines()[:30]]
    return lines


def pick_http_port():
    return HTTP_PORT if port_bindable(HTTP_PORT) else harness.free_port()


def port_bindable(port):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
        return True
    except OSError:
        return False
    finally:
        s.close()


def http_get(url, headers=None, data=None):
    """(status, body) of one request; status 0 when nothing answered."""
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (urllib.error.URLError, OSError):
        return 0, b""


def create_logins(base, token):
    """The users of LOGINS, through the API with the admin token."""
    for name, (role, person, password) in LOGINS.items():
        body = {"username": name, "role": role, "password": password}
        if person:
            body["person"] = person
        status, text = http_get(
            base + "/api/v1/users", data=json.dumps(body).encode(),
            headers={"Authorization": "Bearer " + token,
                     "Content-Type": "application/json"})
        if status != 201:
            raise AssertionError("cannot create the demo user %s: %d %s" % (
                name, status, text[:200].decode("utf-8", "replace")))


def mail_links(m):
    return LINK_RE.findall(str(harness.mail_body(m)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(REPO, "build"))
    ap.add_argument("--speed", type=float, default=SPEED)
    langs = ("en", "fr", "de", "es", "it", "nl")
    ap.add_argument("--technician-language", choices=langs, default="en",
                    help="the language the technician reads (en)")
    ap.add_argument("--customer-language", choices=langs, default="en",
                    help="the language the customer reads (en)")
    args = ap.parse_args()

    build = os.path.abspath(args.build)
    out = os.path.join(build, "demo")
    for name in ("pvsentry.db", "pvsentry.db-wal", "pvsentry.db-shm",
                 "pvsentry.conf"):
        if os.path.exists(os.path.join(out, name)):
            os.remove(os.path.join(out, name))
    for d in ("mail", "run"):
        shutil.rmtree(os.path.join(out, d), ignore_errors=True)
    os.makedirs(os.path.join(out, "run"))
    for b in ("pvsentry", "pvsim"):
        if not os.access(os.path.join(build, b), os.X_OK):
            print("demo: %s/%s is not built (run make)" % (build, b),
                  file=sys.stderr)
            return 1

    t0 = time.monotonic()
    h = harness.Harness(os.path.join(out, "run"), start=SIM_START,
                        speed=args.speed, build=build)
    pr = Printer(h.clock)
    tele = None
    status = 1
    try:
        print("pvsentry demo: simulated clock from %s (%s), %gx real time"
              % (SIM_START, TZ, args.speed), flush=True)
        broker = h.start_mosquitto()
        sink = h.start_smtp_sink(maildir=os.path.join(out, "mail"))
        print("  mosquitto on 127.0.0.1:%d, SMTP sink on 127.0.0.1:%d "
              "(mail in %s)" % (broker.port, sink.port, sink.maildir),
              flush=True)
        http_port = pick_http_port()
        base = "http://127.0.0.1:%d" % http_port
        cfg = h.write_config(CONFIG, name="../pvsentry.conf",
                             mqtt_port=broker.port, smtp_port=sink.port,
                             site=SITE, device=DEVICE, tz=TZ,
                             http_port=http_port, public_url=base,
                             tech_lang=args.technician_language,
                             cust_lang=args.customer_language)
        cfg = os.path.abspath(cfg)
        admin_token = secrets.token_urlsafe(32)
        token_path = os.path.join(out, ADMIN_TOKEN_FILE)
        with open(os.open(token_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
                          0o600), "w") as f:
            f.write(admin_token + "\n")
        # The clock starts now, for every process started from here on.
        h.set_clock(SIM_START, args.speed)
        pv = h.start_pvsentry(cfg)
        print("  pvsentry running (config %s, log %s)" % (
            cfg, pv.proc.log_path), flush=True)
        harness.wait_port(http_port, 10, pv.proc)
        create_logins(base, admin_token)
        print("  dashboard on %s" % base, flush=True)
        if mqtt is not None:
            tele = Telemetry(broker.port)
        pv.wait_log(r"subscribed", 15)
        sim = h.start_pvsim(broker, SITE, devices=[DEVICE], kwp=6.0,
                            lat=45.75, lon=4.85, interval="60s",
                            duration=RUN_FOR,
                            scenarios=["fault@%s+%s" % (FAULT_AT, FAULT_FOR)],
                            client_id="pvsim-demo")
        pr.line("scenario", "pvsim: %s fault at %s for %s" % (
            DEVICE, FAULT_AT, FAULT_FOR))

        log_mark = 0
        seen_mails = set()
        tickets_seen = {}
        last_ticket_poll = 0.0
        got = {"alert": False, "ticket": False, "technician": False,
               "customer": False, "recovered": False}
        links = {}  # url -> HTTP status while the demo ran
        while True:
            if tele:
                for topic, p in tele.drain():
                    pr.line("telemetry", fmt_telemetry(topic, p),
                            int(p.get("ts", 0) * 1000) or None)
            text = pv.proc.log_since(log_mark)
            log_mark += len(text.encode())
            for ln in text.splitlines():
                if "alert firing" in ln or "alert resolved" in ln:
                    got["alert"] = True
                    pr.line("alert", log_msg(ln))
                elif "ticket" in ln and " error " not in ln:
                    pr.line("pvsentry", log_msg(ln))
                elif " error " in ln or " warn " in ln:
                    pr.line("pvsentry", log_msg(ln))
            if time.monotonic() - last_ticket_poll > 1.0:
                last_ticket_poll = time.monotonic()
                try:
                    tickets = pv.tickets()
                except AssertionError as e:
                    tickets = []
                    if "tickets" not in tickets_seen:
                        tickets_seen["tickets"] = True
                        pr.line("ticket", "cannot list tickets: %s"
                                % str(e).splitlines()[0])
                for t in tickets if isinstance(tickets, list) else []:
                    key = t.get("id")
                    sig = (t.get("status"), len(t.get("events") or []))
                    if tickets_seen.get(key) == sig:
                        continue
                    old = tickets_seen.get(key)
                    tickets_seen[key] = sig
                    got["ticket"] = True
                    evs = t.get("events") or []
                    new_evs = evs[old[1]:] if old else evs
                    pr.block("ticket", "#%s %s  %s/%s  %s  (%s, assigned "
                             "to %s)" % (key, t.get("status"), t.get("site"),
                                         t.get("device"), t.get("subject") or
                                         t.get("rule"), t.get("severity"),
                                         t.get("assignee")),
                             ["%s %s: %s" % (e.get("ts"), e.get("kind"),
                                             e.get("text")) for e in new_evs])
            for m in sink.mails():
                if m.filename in seen_mails:
                    continue
                seen_mails.add(m.filename)
                aud = (m["X-Pvsentry-Audience"] or "?").lower()
                kind = (m["X-Pvsentry-Kind"] or "?").lower()
                if kind == "recovered":
                    got["recovered"] = True
                elif aud in got:
                    got[aud] = True
                pr.block("mail", "to the %s (%s)" % (aud, kind),
                         mail_lines(m))
                # Every link in a mail must open while the demo runs.
                for url in mail_links(m):
                    if not url.startswith(base) or url in links:
                        continue
                    links[url] = http_get(url)[0]
                    pr.line("link", "%s -> %s" % (url, links[url] or
                                                  "no answer"))
            sim_done = sim.proc.poll() is not None
            if sim_done and all(got.values()):
                dead = [u for u, st in links.items() if st != 200]
                if dead:
                    print("demo: links that did not answer 200: %s"
                          % ", ".join(dead), flush=True)
                    break
                if not links:
                    print("demo: no link in the mails", flush=True)
                    break
                status = 0
                break
            if time.monotonic() - t0 > DEADLINE_S:
                missing = [k for k, v in got.items() if not v]
                print("demo: gave up after %ds; not seen: %s" % (
                    DEADLINE_S, ", ".join(missing)), flush=True)
                break
            time.sleep(0.2)
        if status == 0:
            show_logins(base)
            if sys.stdin.isatty():
                try:
                    input("Everything keeps running: press Enter to stop. ")
                except (EOFError, KeyboardInterrupt):
                    print()
    except (AssertionError, OSError) as e:
        print("demo: %s" % e, file=sys.stderr, flush=True)
        status = 1
    except KeyboardInterrupt:
        status = 1
    finally:
        if tele:
            tele.close()
        findings = h.close()
        for f in findings:
            print("demo: sanitizer: %s" % f, file=sys.stderr)
    print("\ndemo %s in %.0fs. Left for inspection:\n  %s\n  %s/*.eml\n"
          "  %s (process logs)" % (
              "finished" if status == 0 else "FAILED",
              time.monotonic() - t0, os.path.join(out, "pvsentry.db"),
              os.path.join(out, "mail"), os.path.join(out, "run")),
          flush=True)
    return status


def show_logins(base):
    print("\nThe dashboard: %s (the mails' links point there too)" % base)
    for name, (role, _, password) in LOGINS.items():
        print("  %-11s user %-10s password %s" % (role, name, password))
    print("", flush=True)


if __name__ == "__main__":
    sys.exit(main())
