# SPDX-License-Identifier: MIT
"""An API write on one pvsentry takes effect on another on the same
PostgreSQL, live, without a restart.

Process B ingests the fleet (MQTT); process A only serves HTTP, as a
worker behind a proxy does. A site, its device and a silence are written
through A's API. B hears of each write (LISTEN/NOTIFY) and applies it as
a local write: B's API shows the device with its readings, B's rules
raise the new device's fault, and the silence written through A keeps
B's alert from being notified, while a fault on a site without silence
is notified as usual. A session opened on A is valid on B.
"""
import re
import time

import pytest
import requests

import harness
from harness import db_query, wait_until
from webapi import ADMIN_TOKEN, PASSWORD, Client, WebEnv

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)

SITE = {"id": "annecy-01", "name": "Roux chalet", "latitude": 45.9,
        "longitude": 6.12, "timezone": "Europe/Paris", "kwp": 5,
        "customer_id": "dupont", "technician_id": "alice",
        "address": "1 place Grenette"}


def on_pg(path, db):
    with open(path) as f:
        text = f.read()
    with open(path, "w") as f:
        f.write(re.sub(r"(?m)^database = .*$", "database = " + db, text))


def http_only(h, cfg_b):
    """A's configuration: B's, with its own port and no MQTT ingest."""
    port = harness.free_port()
    with open(cfg_b) as f:
        text = f.read()
    text = re.sub(r"(?s)\[mqtt\].*?\n\n", "", text)
    text = re.sub(r"(?m)^port = \d+$", "port = %d" % port, text)
    path = h.path("worker-a.conf")
    with open(path, "w") as f:
        f.write(text)
    return path, port


def test_write_on_one_process_takes_effect_on_another(h, pg_db):
    b = WebEnv(h)
    on_pg(b.cfg, pg_db)
    b.start()
    cfg_a, port_a = http_only(h, b.cfg)
    pa = h.pvsentry(cfg_a, name="pvsentry-a")
    pa.start()
    pa.wait_log(r"web: listening", 15)
    harness.wait_port(port_a, 10, pa.proc)
    b.pv.wait_log(r"hearing the API's changes of other processes", 5)
    a = Client("http://127.0.0.1:%d/api/v1" % port_a, ADMIN_TOKEN)
    api_b = b.admin()

    took = []

    def through_a(call, status):
        """A write on A, then B applies it live (bounded wait)."""
        mark_b, mark_a = b.pv.mark(), pa.mark()
        r = call()
        t0 = time.monotonic()
        assert r.status_code == status, r.text
        b.pv.wait_log(r"main: configuration applied live", 20, since=mark_b)
        took.append(time.monotonic() - t0)
        pa.wait_log(r"main: configuration applied live", 20, since=mark_a)
        return r

    through_a(lambda: a.post("/sites", SITE), 201)
    through_a(lambda: a.post("/devices", {
        "id": "annecy-01-inv1", "site_id": "annecy-01", "kwp": 5}), 201)
    assert b.pv.log_lines(r"applied live \(3 sites, 3 devices\)")
    r = through_a(lambda: a.post("/silences", {
        "site": "annecy-01", "start": "2024-06-21T00:00:00Z",
        "end": "2024-06-22T00:00:00Z", "reason": "roof works"}), 201)
    sid = r.json()["id"]
    print("a write on A applied live on B after at most %.2f s" % max(took))
    assert sid in [x["id"] for x in api_b.get("/silences").json()]
    # B was not restarted: one start, one MQTT session.
    assert len(b.pv.log_lines(r"main: ready")) == 1
    assert len(b.pv.log_lines(r"mqtt: connected to")) == 1

    # B's rules monitor the device written through A, and apply A's
    # silence; lyon-01 has none.
    got = b.fault_tickets(sites=("lyon-01", "annecy-01"))
    dev = api_b.get("/devices/annecy-01-inv1").json()
    assert dev["last_seen_ms"], dev
    alerts = dict(db_query(pg_db, "SELECT site_id, MAX(silenced) FROM"
                           " alerts WHERE state = 'firing' AND family ="
                           " 'fault_code' GROUP BY site_id"))
    assert alerts == {"lyon-01": 0, "annecy-01": 1}, alerts
    events = [k for (k,) in db_query(
        pg_db, "SELECT kind FROM ticket_events WHERE ticket_id = ?",
        (got["annecy-01"]["id"],))]
    assert "silenced" in events, events

    # A session opened on A is valid on B, and ends on both at logout.
    b.create_users()
    url_a = "http://127.0.0.1:%d/api/v1" % port_a
    on_a = Client(url_a, session=requests.Session())
    r = on_a.post("/login", {"username": "alice", "password": PASSWORD})
    assert r.status_code == 200, r.text
    cookie = {"pvs_session": on_a.s.cookies["pvs_session"]}
    t = 20 * harness.TIMEOUT_SCALE
    r = requests.get(b.url + "/me", cookies=cookie, timeout=t)
    assert r.status_code == 200 and r.json()["person"] == "alice", r.text
    r = requests.post(b.url + "/logout", json={}, cookies=cookie, timeout=t)
    assert r.status_code == 200, r.text
    assert requests.get(url_a + "/me", cookies=cookie,
                        timeout=t).status_code == 401
    assert pa.stop() == 0
