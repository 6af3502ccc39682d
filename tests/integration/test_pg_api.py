# SPDX-License-Identifier: MIT
"""The HTTP API's objects on a pvsentry whose `database` is PostgreSQL.

An installer registers a site, a device and a customer, an admin a
technician and a customer login; a silence is set and lifted; the daemon
restarts and serves them again from PostgreSQL (the running
configuration reads them back); the customer's data is exported, then
erased, and their login ends. Whatever the STORE of the run, this test's daemon
uses a database of the shared PostgreSQL server, and the state is read
there.
"""
import pytest

from harness import db_scalar
from test_api import SITE
from webapi import PASSWORD, Client, WebEnv, assert_error

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)

DEVICE = {"id": "grenoble-01-inv1", "site_id": "grenoble-01",
          "kind": "inverter", "vendor": "SMA", "kwp": 4.5,
          "endpoint_url": "tcp://127.0.0.1:1502", "unit_id": 3,
          "interval_s": 2.5}


def change(env, call, status):
    """An API write answered with status, then the live reload it
    causes."""
    mark = env.pv.mark()
    r = call()
    assert r.status_code == status, r.text
    env.wait_reload(mark)
    return r


def test_api_objects_on_postgresql(h, monkeypatch):
    monkeypatch.setenv("STORE", "postgresql")
    env = WebEnv(h, mqtt=False)
    with open(env.cfg) as f:
        assert "database = postgresql://" in f.read()
    env.start().create_users()
    # A database not set up yet is no error: the daemon sets it up.
    assert not env.pv.log_lines(r" error "), env.pv.log_text()
    ivan, admin = env.api("ivan"), env.admin()

    change(env, lambda: ivan.post("/sites", SITE), 201)
    assert_error(ivan.post("/sites", SITE), 409)
    change(env, lambda: ivan.post("/devices", DEVICE), 201)
    s = ivan.get("/sites/grenoble-01").json()
    assert s["source"] == "api" and s["created_by"] == "user:ivan"
    assert s["name"] == "Roux chalet" and s["kwp"] == 4.5
    assert s["latitude"] == 45.19 and s["devices"] == 1
    assert [d["id"] for d in s["device_list"]] == ["grenoble-01-inv1"]
    d = ivan.get("/devices/grenoble-01-inv1").json()
    assert d["site"] == "grenoble-01" and d["unit_id"] == 3
    # A fraction of a second: DOUBLE PRECISION, as SQLite's REAL.
    assert d["interval_s"] == 2.5 and d["last_seen_ms"] is None
    assert "grenoble-01" in [x["id"] for x in
                             ivan.get("/sites").json()["items"]]
    assert db_scalar(env.db, "SELECT COUNT(*) FROM sites WHERE source = ?",
                     ("api",)) == 1
    # Someone else's site, a site of the file, a site still used.
    assert_error(env.api("irene").patch("/sites/grenoble-01",
                                         {"name": "x"}), 403)
    assert_error(admin.patch("/sites/lyon-01", {"name": "x"}), 403)
    assert_error(ivan.delete("/sites/grenoble-01"), 409)
    assert_error(ivan.post("/devices", dict(DEVICE, id="d2",
                                            site_id="nowhere")), 400)

    # People: a customer by the installer, a technician by the admin.
    change(env, lambda: ivan.post("/customers", {
        "id": "roux", "name": "Marie Roux", "email": "marie@home.example",
        "language": "fr"}), 201)
    change(env, lambda: ivan.patch("/sites/grenoble-01",
                                   {"customer_id": "roux"}), 200)
    change(env, lambda: admin.post("/technicians", {
        "id": "t9", "name": "T", "skills": ["sma"]}), 201)
    t9 = admin.get("/technicians/t9").json()
    assert t9["skills"] == ["sma"] and t9["source"] == "api"
    change(env, lambda: admin.delete("/technicians/t9"), 200)
    assert_error(admin.get("/technicians/t9"), 404)

    # A silence, set and lifted.
    r = change(env, lambda: ivan.post("/silences", {
        "site": "grenoble-01", "device": "grenoble-01-inv1",
        "start": "2024-06-21T00:00:00Z", "end": "2024-06-22T00:00:00Z",
        "reason": "roof works"}), 201)
    sid = r.json()["id"]
    listed = {x["id"]: x for x in ivan.get("/silences").json()}
    assert listed[sid]["device"] == "grenoble-01-inv1"
    assert listed[sid]["start_ms"] == 1718928000000
    assert listed[sid]["created_by"] == "user:ivan"
    assert_error(ivan.post("/silences", {
        "site": "lyon-01", "device": "grenoble-01-inv1",
        "end": "2024-06-22T00:00:00Z"}), 400)
    change(env, lambda: ivan.delete("/silences/%d" % sid), 200)
    assert_error(ivan.delete("/silences/%d" % sid), 404)

    # A restart reads the API's objects back from PostgreSQL: the
    # running configuration has the file's two sites and devices and the
    # API's.
    mark = env.pv.mark()
    env.restart()
    env.pv.wait_log(r"main: ready .*3 sites, 3 devices", 10, since=mark)
    ivan = env.api("ivan")
    s = ivan.get("/sites/grenoble-01").json()
    assert s["customer_id"] == "roux" and s["devices"] == 1

    # The customer's login, then the erasure of their personal data.
    r = admin.post("/users", {"username": "marie", "role": "customer",
                              "person": "roux", "password": PASSWORD})
    assert r.status_code == 201, r.text
    marie = Client(env.url, admin.post("/tokens", {
        "user": r.json()["id"], "name": "t"}).json()["token"])
    assert marie.get("/sites").json()["items"][0]["id"] == "grenoble-01"
    assert marie.get("/customers/roux").json()["email"] == \
        "marie@home.example"
    assert_error(ivan.get("/customers/roux/export"), 403)
    r = admin.get("/customers/roux/export")
    assert r.status_code == 200, r.text
    ex = r.json()
    assert ex["person"]["email"] == "marie@home.example"
    assert [x["id"] for x in ex["sites"]["items"]] == ["grenoble-01"]
    assert ex["tickets"]["items"] == [] and ex["notices"] == []
    r = admin.post("/customers/roux/erase")
    assert r.status_code == 200, r.text
    p = admin.get("/customers/roux").json()
    assert p["name"] == "erased" and p["email"] is None
    assert_error(marie.get("/me"), 401)
    r = admin.post("/customers/dupont/erase")
    assert r.status_code == 200 and "config file" in r.json()["message"]

    # What hangs on a site goes first.
    change(env, lambda: ivan.delete("/devices/grenoble-01-inv1"), 200)
    change(env, lambda: ivan.delete("/sites/grenoble-01"), 200)
    assert_error(ivan.get("/sites/grenoble-01"), 404)
    assert db_scalar(env.db, "SELECT COUNT(*) FROM devices WHERE id = ?",
                     ("grenoble-01-inv1",)) == 0
