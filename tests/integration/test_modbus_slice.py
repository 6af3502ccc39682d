# SPDX-License-Identifier: MIT
"""The Modbus slice: a fault on a Modbus inverter -> ticket -> mails.

pvsim serves a simulated SunSpec inverter over Modbus TCP on the shared
simulated clock (08:00 UTC on 2024-06-21, 600x: a simulated minute is
0.1 s); pvsentry polls it through [endpoint] / [device] with profile
sunspec. The fault scenario sets SunSpec St to FAULT and power to zero;
the result must be what the MQTT slice gets: one ticket, a technician
mail and a customer notice, then the recovery. The device's serial is
recorded from the common model; a unit that stops answering is reported
offline once and back once.
"""
import os

import pytest

import harness
import modbus_fixtures as mf
from harness import db_scalar, wait_until

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)

SITE = "lyon-01"
DEV = "lyon-01-inv1"
TECH_EMAIL = "alice@installer.example"
CUST_EMAIL = "jean.dupont@home.example"

CONFIG = """\
[global]
database = ${tmp}/pvsentry.db
log_level = info
sim_start = ${sim_start}
sim_speed = ${sim_speed}
grace_period = 10m
reopen_window = 24h
tick = 30s
batch_interval = 50ms

[smtp]
url = smtp://127.0.0.1:${smtp_port}
from = pvsentry <monitoring@pvsentry.example>
timeout = 5s

[technician "alice"]
name = Alice Martin
email = ${tech_email}
language = en

[customer "dupont"]
name = Jean Dupont
email = ${cust_email}
language = en

[site "${site}"]
name = Dupont house
address = 12 rue des Lilas, 69003 Lyon
latitude = 45.75
longitude = 4.85
timezone = Europe/Paris
kwp = 10
tilt = 30
azimuth = 180
customer = dupont
technician = alice

[endpoint "gw1"]
url = tcp://127.0.0.1:${modbus_port}
timeout = 300ms
offline_after = 3
backoff_max = 30s

[device "${dev}"]
site = ${site}
kind = inverter
kwp = 5
endpoint = gw1
unit_id = 1
profile = sunspec
interval = 60s

[rule "no-underperformance"]
family = underperformance
enabled = false
"""


def start_sim(h, port, scenarios):
    argv = [os.path.join(h.build, "pvsim"), "modbus", "--listen",
            "tcp://127.0.0.1:%d" % port, "--devices", "1", "--kwp", "5",
            "--lat", "45.75", "--lon", "4.84", "--sim-start",
            h.clock.start_iso, "--speed", repr(h.clock.speed)]
    for s in scenarios:
        argv += ["--scenario", s]
    p = h.spawn("pvsim-modbus", argv)
    harness.wait_port(port, 10, proc=p, what="pvsim modbus")
    return p


def test_modbus_fault_ticket_and_mails(h, pvsentry_bin, pvsim_bin):
    port = mf.free_port()
    sink = harness.SmtpSink(h)
    sink.start()
    cfg = h.write_config(CONFIG, smtp_port=sink.port, modbus_port=port,
                         tech_email=TECH_EMAIL, cust_email=CUST_EMAIL,
                         site=SITE, dev=DEV)
    start_sim(h, port, ["fault@+30m+30m"])
    pv = h.start_pvsentry(cfg)

    sink.wait_mails(4, 60,
                    what="alert, notice, recovery and stand-down mails")
    tickets = pv.wait_tickets(
        lambda t: t and t[0]["status"] in ("resolved", "closed"), 30,
        "the ticket to resolve")
    assert len(tickets) == 1, tickets
    t = tickets[0]
    assert (t["site"], t["device"]) == (SITE, DEV)
    assert t["family"] == "fault_code"
    opened = next(e for e in t["events"] if e["kind"] == "opened")
    at30 = h.clock.start_ms + 30 * 60000
    assert harness.iso_to_ms(opened["ts"]) >= at30
    # While the fault lasts (30 simulated minutes are 3 s: on a busy
    # machine the polls and the engine may run late).
    assert harness.iso_to_ms(opened["ts"]) < at30 + 30 * 60000
    mails = sink.mails()
    audiences = sorted(m["X-Pvsentry-Audience"] for m in mails)
    kinds = sorted(m["X-Pvsentry-Kind"] for m in mails
                   if m["X-Pvsentry-Audience"] == "technician")
    # The alert, and the stand-down when it cleared before any visit.
    assert kinds == ["alert", "standdown"], kinds
    assert audiences.count("customer") == 2, audiences
    # Samples came in over Modbus, every poll.
    db = h.path("pvsentry.db")
    n = db_scalar(db, "SELECT count(*) FROM samples WHERE device_id = ?",
                  (DEV,))
    assert n > 100
    assert pv.log_lines(r"SunSpec base 40000, 3 models, 'pvsim' "
                        r"'pvsim-inverter' serial 'PVSIM-0001'")


def test_modbus_device_offline_and_back(h, pvsentry_bin, pvsim_bin):
    port = mf.free_port()
    sink = harness.SmtpSink(h)
    sink.start()
    cfg = h.write_config(CONFIG, smtp_port=sink.port, modbus_port=port,
                         tech_email=TECH_EMAIL, cust_email=CUST_EMAIL,
                         site=SITE, dev=DEV)
    # The unit stops answering for 20 simulated minutes (2 s).
    start_sim(h, port, ["timeout@+20m+20m"])
    pv = h.start_pvsentry(cfg)
    pv.wait_log(r"device '%s' .* is offline after 3 failed polls" % DEV, 30)
    pv.wait_log(r"device '%s' .* is back online" % DEV, 30)
    wait_until(lambda: h.clock.now() > h.clock.start_ms + 50 * 60000, 30,
               "50 simulated minutes")
    assert len(pv.log_lines(r"is offline after")) == 1
    assert len(pv.log_lines(r"is back online")) == 1


def test_stalled_daemon_blames_no_device(h, pvsentry_bin, pvsim_bin):
    """pvsentry does not run for half an hour of simulated time (stopped,
    as a starved CPU would leave it): the hole in the data is its own, so
    no communication or data-quality alert and no ticket come of it."""
    import signal

    port = mf.free_port()
    sink = harness.SmtpSink(h)
    sink.start()
    cfg = h.write_config(CONFIG, smtp_port=sink.port, modbus_port=port,
                         tech_email=TECH_EMAIL, cust_email=CUST_EMAIL,
                         site=SITE, dev=DEV)
    start_sim(h, port, [])
    pv = h.start_pvsentry(cfg)
    # Past the start-up grace, with data flowing.
    h.clock.wait_for(h.clock.start_ms + 20 * 60000)
    pv.proc.send_signal(signal.SIGSTOP)
    try:
        h.clock.wait_for(h.clock.now() + 40 * 60000)
    finally:
        pv.proc.send_signal(signal.SIGCONT)
    pv.wait_log(r"did not run for|runs \d+ ms behind time", 15)
    h.clock.wait_for(h.clock.now() + 40 * 60000)
    assert not pv.log_lines(r"alert firing")
    assert pv.tickets() == []
