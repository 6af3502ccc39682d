# SPDX-License-Identifier: MIT
"""The HTTP API (issue 7), against a real `pvsentry run` with an [http]
section on a free loopback port.

Most tests share one daemon (module fixture `env`): two sites with their
own customer and technician, a real ticket on each made by a simulated
inverter fault (mosquitto + pvsim), and one user with an API token per
role. Tests that restart pvsentry or need other limits start their own.

What is checked is what a client sees: status codes, JSON bodies, headers
and cookies; plus the database (read-only) where the API promises
something about storage (hashed tokens).
"""
import concurrent.futures
import os
import http.client
import json
import socket

import pytest
import requests

import harness
from harness import db_query, db_scalar, wait_until
from webapi import (ADMIN_TOKEN, PASSWORD, Client, WebEnv, assert_error)

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)

INJECTIONS = [
    "x' OR '1'='1",
    "1; DROP TABLE tickets; --",
    "\" OR \"\"=\"",
    "../../etc/passwd",
    "..%2f..%2fetc%2fpasswd",
    "%00",
    "<script>alert(1)</script>",
]


@pytest.fixture(scope="module")
def env(tmp_path_factory, build):
    h = harness.Harness(tmp_path_factory.mktemp("api"), build=build,
                        start="2024-06-21T08:00:00Z", speed=600)
    try:
        e = WebEnv(h).start().create_users()
        e.tickets = e.fault_tickets()
        yield e
    except BaseException:
        h.dump_logs()
        raise
    finally:
        findings = h.close()
        if findings:
            pytest.fail("sanitizer reports:\n" + "\n".join(findings[:40]),
                        pytrace=False)


# ---- server basics ---------------------------------------------------------

def test_healthz_metrics_openapi(env):
    c = Client(env.base)
    r = c.get("/healthz")
    assert r.status_code == 200 and r.json()["status"] == "ok"
    r = c.get("/metrics")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/plain")
    text = r.text
    for name in ("pvsentry_up 1", "pvsentry_samples_in_total",
                 "pvsentry_tickets_open", "pvsentry_alerts_firing",
                 "pvsentry_engine_inbox_depth",
                 'pvsentry_http_requests_total{code="2xx"}',
                 "pvsentry_messages_failed_total"):
        assert name in text, name
    # Every sample line is "name[{labels}] number".
    for ln in text.splitlines():
        if ln and not ln.startswith("#"):
            name, value = ln.rsplit(" ", 1)
            float(value)
    tickets_open = [ln for ln in text.splitlines()
                    if ln.startswith("pvsentry_tickets_open ")]
    assert float(tickets_open[0].split()[1]) >= 2
    r = c.get("/api/v1/openapi.json")
    assert r.status_code == 200
    spec = r.json()
    assert spec["openapi"].startswith("3.")
    for p in ("/tickets", "/tickets/{id}/{action}", "/sites", "/devices",
              "/tokens", "/login", "/metrics"):
        assert any(k.endswith(p) for k in spec["paths"]), p
    # Security headers on every answer.
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"]


def test_credentials_required(env):
    anon = env.api()
    for path in ("/tickets", "/sites", "/devices", "/customers", "/me",
                 "/alerts", "/kpis", "/tokens", "/users"):
        r = anon.get(path)
        assert_error(r, 401)
        assert r.headers.get("WWW-Authenticate", "").startswith("Bearer")
    bad = Client(env.url, "pvs_not-a-real-token")
    assert_error(bad.get("/tickets"), 401)
    r = requests.get(env.url + "/tickets",
                     headers={"Authorization": "Basic YWRtaW46YWRtaW4="})
    assert_error(r, 401)


# ---- tickets and roles -----------------------------------------------------

def sites_of(items):
    return {t["site"] for t in items}


def test_ticket_lists_are_scoped_by_role(env):
    want = {"admin": {"lyon-01", "nantes-01"},
            "ivan": {"lyon-01", "nantes-01"},
            "alice": {"lyon-01"}, "bob": {"nantes-01"},
            "dupont": {"lyon-01"}, "martin": {"nantes-01"}}
    for who, sites in want.items():
        r = env.api(who).get("/tickets?limit=100")
        assert r.status_code == 200, (who, r.text)
        body = r.json()
        assert sites_of(body["items"]) == sites, who
        assert body["total"] == len(body["items"])
        r = env.api(who).get("/sites")
        assert {s["id"] for s in r.json()["items"]} == sites, who


def test_pagination_and_filters(env):
    a = env.admin()
    r = a.get("/tickets?limit=1")
    body = r.json()
    assert len(body["items"]) == 1 and body["total"] >= 2
    r2 = a.get("/tickets?limit=1&offset=1")
    assert r2.json()["items"][0]["id"] != body["items"][0]["id"]
    r = a.get("/tickets?site=nantes-01")
    assert sites_of(r.json()["items"]) == {"nantes-01"}
    r = a.get("/tickets?status=active")
    assert r.status_code == 200
    assert_error(a.get("/tickets?limit=0"), 400, "limit")
    assert_error(a.get("/tickets?limit=abc"), 400, "limit")
    assert_error(a.get("/tickets?offset=-1"), 400, "offset")


def test_ticket_detail_and_denied_across_people(env):
    lyon = env.tickets["lyon-01"]["id"]
    nantes = env.tickets["nantes-01"]["id"]
    r = env.api("alice").get("/tickets/%d" % lyon)
    assert r.status_code == 200
    t = r.json()
    assert t["site"] == "lyon-01" and t["events"]
    assert t["access_notes"] == "Key in the box by the garage"
    assert t["alert"] and t["alert"]["evidence"]
    assert "kb_article" in t and len(t["kb_article"]) > 20
    # Customers see their ticket but not the staff's view.
    r = env.api("dupont").get("/tickets/%d" % lyon)
    assert r.status_code == 200
    assert "messages" not in r.json()
    assert r.json()["access_notes"] is None
    # Across technicians and customers: as if it did not exist.
    for who, tid in (("alice", nantes), ("bob", lyon), ("dupont", nantes),
                     ("martin", lyon)):
        assert_error(env.api(who).get("/tickets/%d" % tid), 404)
        assert_error(env.api(who).get("/sites/%s" % (
            "nantes-01" if tid == nantes else "lyon-01")), 404)
    assert_error(env.api("bob").post("/tickets/%d/ack" % lyon, {}), 404)
    assert_error(env.api("dupont").post("/tickets/%d/ack" % lyon, {}), 403)
    assert_error(env.api("ivan").post("/tickets/%d/ack" % lyon, {}), 403)
    assert_error(env.admin().get("/tickets/999999"), 404)


def test_ticket_actions_go_through_the_engine(env):
    lyon = env.tickets["lyon-01"]["id"]
    alice = env.api("alice")
    r = alice.post("/tickets/%d/ack" % lyon, {"text": "on it"})
    assert r.status_code == 200, r.text
    assert r.json()["ok"] is True
    t = alice.get("/tickets/%d" % lyon).json()
    assert t["status"] == "acknowledged"
    ev = [e for e in t["events"] if e["kind"] == "acknowledged"]
    assert ev and ev[-1]["actor"] == "alice"
    r = alice.post("/tickets/%d/comment" % lyon,
                   {"text": "inverter display shows F021"})
    assert r.status_code == 200
    assert_error(alice.post("/tickets/%d/comment" % lyon, {}), 400, "text")
    assert_error(alice.post("/tickets/%d/schedule" % lyon, {}), 400, "at")
    r = alice.post("/tickets/%d/schedule" % lyon,
                   {"at": "2024-06-24T09:00:00Z", "text": "bring a DC meter"})
    assert r.status_code == 200, r.text
    t = alice.get("/tickets/%d" % lyon).json()
    assert t["status"] == "scheduled"
    kinds = [e["kind"] for e in t["events"]]
    assert "comment" in kinds and "scheduled" in kinds
    # Internal comments stay internal.
    t = env.api("dupont").get("/tickets/%d" % lyon).json()
    assert "comment" not in [e["kind"] for e in t["events"]]
    assert_error(alice.post("/tickets/%d/explode" % lyon, {}), 404)
    assert_error(alice.get("/tickets/%d/ack" % lyon), 405)


# ---- sites, devices, people ------------------------------------------------

SITE = {"id": "grenoble-01", "name": "Roux chalet", "latitude": 45.19,
        "longitude": 5.72, "timezone": "Europe/Paris", "kwp": 4.5,
        "tilt": 35, "azimuth": 170, "customer_id": "dupont",
        "technician_id": "alice", "address": "1 place Grenette, Grenoble",
        "access_notes": "Call before coming"}


def test_sites_devices_crud_with_roles(env):
    ivan, irene, admin = env.api("ivan"), env.api("irene"), env.admin()
    for who in ("alice", "dupont"):
        assert_error(env.api(who).post("/sites", SITE), 403)
    mark = env.pv.mark()
    r = ivan.post("/sites", SITE)
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    assert_error(ivan.post("/sites", SITE), 409)
    s = ivan.get("/sites/grenoble-01").json()
    assert s["source"] == "api" and s["created_by"] == "user:ivan"
    assert s["name"] == "Roux chalet" and s["kwp"] == 4.5
    # The customer and technician of the new site see it; others do not.
    assert env.api("dupont").get("/sites/grenoble-01").status_code == 200
    assert env.api("alice").get("/sites/grenoble-01").status_code == 200
    assert_error(env.api("martin").get("/sites/grenoble-01"), 404)
    assert_error(env.api("bob").get("/sites/grenoble-01"), 404)
    # Only who registered it (or an admin) changes it.
    assert_error(irene.patch("/sites/grenoble-01", {"name": "x"}), 403)
    assert_error(irene.delete("/sites/grenoble-01"), 403)
    mark = env.pv.mark()
    r = ivan.patch("/sites/grenoble-01", {"name": "Roux chalet (new roof)"})
    assert r.status_code == 200, r.text
    env.wait_reload(mark)
    assert ivan.get("/sites/grenoble-01").json()["name"].endswith("roof)")
    # Sites from the config file are read-only here.
    assert_error(admin.patch("/sites/lyon-01", {"name": "x"}), 403)
    assert_error(admin.delete("/sites/lyon-01"), 403)
    # Field errors name the field.
    bad = dict(SITE, id="g2", latitude=123)
    assert_error(ivan.post("/sites", bad), 400, "latitude")
    assert_error(ivan.post("/sites", dict(SITE, id="g2", timezone="Mars/Base")),
                 400, "timezone")
    assert_error(ivan.post("/sites", dict(SITE, id="g2", customer_id="nobody")),
                 400)
    assert_error(ivan.post("/sites", dict(SITE, id="bad id!")), 400, "id")
    nos = dict(SITE)
    del nos["name"]
    assert_error(ivan.post("/sites", dict(nos, id="g3")), 400, "name")
    # A device on it.
    dev = {"id": "grenoble-01-inv1", "site_id": "grenoble-01",
           "kind": "inverter", "vendor": "SMA", "model": "SB 5.0",
           "kwp": 4.5, "endpoint_url": "tcp://127.0.0.1:1502", "unit_id": 3,
           "interval_s": 60}
    assert_error(env.api("alice").post("/devices", dev), 403)
    mark = env.pv.mark()
    r = ivan.post("/devices", dev)
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    d = ivan.get("/devices/grenoble-01-inv1").json()
    assert d["site"] == "grenoble-01" and d["unit_id"] == 3
    assert "grenoble-01-inv1" in [
        x["id"] for x in ivan.get("/sites/grenoble-01/devices").json()]
    assert_error(ivan.post("/devices", dict(dev, id="d9", kind="toaster")),
                 400, "kind")
    assert_error(ivan.post("/devices", dict(dev, id="d9",
                                            endpoint_url="http://x")),
                 400, "endpoint_url")
    # A site with devices cannot go; its device first.
    assert_error(ivan.delete("/sites/grenoble-01"), 409)
    mark = env.pv.mark()
    assert ivan.delete("/devices/grenoble-01-inv1").status_code == 200
    env.wait_reload(mark)
    mark = env.pv.mark()
    assert ivan.delete("/sites/grenoble-01").status_code == 200
    env.wait_reload(mark)
    assert_error(ivan.get("/sites/grenoble-01"), 404)


def test_people_endpoints(env):
    admin, ivan = env.admin(), env.api("ivan")
    r = ivan.get("/customers")
    assert {c["id"] for c in r.json()} >= {"dupont", "martin"}
    assert_error(env.api("alice").get("/customers"), 403)
    assert_error(env.api("dupont").get("/customers"), 403)
    assert env.api("dupont").get("/customers/dupont").status_code == 200
    assert_error(env.api("dupont").get("/customers/martin"), 403)
    assert env.api("alice").get("/technicians").status_code == 200
    mark = env.pv.mark()
    r = ivan.post("/customers", {"id": "roux", "name": "Marie Roux",
                                 "email": "marie@home.example",
                                 "language": "fr"})
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    assert_error(ivan.post("/customers", {"id": "x1", "name": "X",
                                          "email": "not-an-address"}),
                 400, "email")
    assert_error(ivan.post("/technicians", {"id": "t9", "name": "T"}), 403)
    mark = env.pv.mark()
    assert admin.post("/technicians", {"id": "t9", "name": "T"}
                      ).status_code == 201
    env.wait_reload(mark)
    mark = env.pv.mark()
    assert admin.delete("/technicians/t9").status_code == 200
    env.wait_reload(mark)
    # Customers in use by a site cannot go; config people are read-only.
    assert_error(admin.delete("/customers/dupont"), 403)


# ---- tokens, sessions ------------------------------------------------------

def test_tokens_shown_once_stored_hashed_and_revocable(env):
    admin = env.admin()
    r = admin.post("/tokens", {"user": env.user_ids["alice"],
                               "name": "phone"})
    assert r.status_code == 201
    tok, tid = r.json()["token"], r.json()["id"]
    assert tok.startswith("pvs_") and len(tok) >= 40
    # Stored as a hash only.
    rows = db_query(env.db, "SELECT hash FROM api_tokens WHERE id = ?",
                    (tid,))
    assert rows and tok not in rows[0][0] and len(rows[0][0]) == 64
    assert db_scalar(env.db, "SELECT COUNT(*) FROM api_tokens WHERE hash "
                     "LIKE ?", ("%" + tok[4:12] + "%",)) == 0
    phone = Client(env.url, tok)
    assert phone.get("/me").json()["username"] == "alice"
    # Listing never shows a token.
    listed = env.api("alice").get("/tokens").json()
    assert tok not in json.dumps(listed)
    assert {t["user_id"] for t in listed} == {env.user_ids["alice"]}
    # Someone else's token is not found; the owner revokes it.
    assert_error(env.api("bob").delete("/tokens/%d" % tid), 404)
    assert env.api("alice").delete("/tokens/%d" % tid).status_code == 200
    assert_error(phone.get("/me"), 401)
    assert_error(env.api("alice").delete("/tokens/%d" % tid), 404)
    # Only an admin mints tokens for someone else.
    assert_error(env.api("bob").post("/tokens", {
        "user": env.user_ids["alice"], "name": "x"}), 403, "user")
    r = env.api("bob").post("/tokens", {"name": "laptop", "expires_days": 1})
    assert r.status_code == 201
    assert Client(env.url, r.json()["token"]).get("/me").json()[
        "username"] == "bob"


def test_password_login_session_cookie_logout(env):
    s = requests.Session()
    c = Client(env.url, session=s)
    assert_error(c.post("/login", {"username": "alice",
                                   "password": "wrong password!"}), 401)
    assert_error(c.post("/login", {"username": "nobody",
                                   "password": PASSWORD}), 401)
    assert_error(c.post("/login", {"username": "alice"}), 400, "password")
    r = c.post("/login", {"username": "alice", "password": PASSWORD})
    assert r.status_code == 200, r.text
    assert r.json()["role"] == "technician"
    cookie = r.headers["Set-Cookie"]
    assert "pvs_session=" in cookie and "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain HTTP here; see the TLS test
    assert c.get("/me").json()["person"] == "alice"
    assert c.get("/tickets").status_code == 200
    # A form-like write with the cookie is refused (cross-site defence).
    r = c.request("POST", "/tickets/%d/comment" % env.tickets["lyon-01"][
        "id"], data="text=hi", headers={
            "Content-Type": "application/x-www-form-urlencoded"})
    assert_error(r, 403)
    assert_error(c.request("POST", "/logout"), 403)
    r = c.post("/logout", {})
    assert r.status_code == 200 and "Max-Age=0" in r.headers["Set-Cookie"]
    s.cookies.clear()
    assert_error(c.get("/me"), 401)
    # The old cookie is dead on the server too.
    stale = requests.get(env.url + "/me", cookies={
        "pvs_session": cookie.split("=", 1)[1].split(";")[0]})
    assert stale.status_code == 401


# ---- hostile input ---------------------------------------------------------

def test_bad_json_and_content_types(env):
    ivan = env.api("ivan")
    for body in (b"{", b"[1, 2]", b"\"text\"", b"{\"id\": }", b"\xff\xfe"):
        r = ivan.request("POST", "/sites", data=body,
                         headers={"Content-Type": "application/json"})
        assert_error(r, 400)
    r = ivan.request("POST", "/sites", data=json.dumps(SITE),
                     headers={"Content-Type": "text/plain"})
    assert_error(r, 415)
    assert_error(ivan.request("POST", "/sites"), 400)
    assert_error(ivan.patch("/sites/lyon-01", {"latitude": "north"}), 400,
                 "latitude")
    assert_error(ivan.request("PROPFIND", "/sites"), 405)


def test_oversized_bodies_are_refused(env):
    big = json.dumps(dict(SITE, id="big", access_notes="x" * 40000))
    r = env.api("ivan").request("POST", "/sites", data=big, headers={
        "Content-Type": "application/json"})
    assert_error(r, 413)

    # Chunked: no Content-Length, refused once the cap is passed.
    def chunks():
        for _ in range(64):
            yield b"x" * 1024
    r = env.api("ivan").request("POST", "/sites", data=chunks(), headers={
        "Content-Type": "application/json"})
    assert_error(r, 413)
    # A lying Content-Length is refused before the body is read.
    conn = http.client.HTTPConnection("127.0.0.1", env.port, timeout=10)
    conn.putrequest("POST", "/api/v1/sites")
    conn.putheader("Authorization", "Bearer " + env.tokens["ivan"])
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", str(10 ** 9))
    conn.endheaders()
    resp = conn.getresponse()
    assert resp.status == 413
    conn.close()
    # And the server is still fine.
    assert Client(env.base).get("/healthz").status_code == 200


def test_injection_and_traversal_strings(env):
    a = env.admin()
    for s in INJECTIONS:
        for path in ("/sites/%s", "/devices/%s", "/customers/%s",
                     "/tickets/%s", "/tickets?site=%s", "/tickets?status=%s",
                     "/sites/lyon-01/series?metric=%s"):
            r = a.get(path % s)
            assert r.status_code in (200, 400, 404), (path, s, r.text)
            if r.status_code == 200 and "/tickets?" in path:
                assert r.json()["items"] == []
    # Tables are intact and nothing leaked.
    assert a.get("/tickets").json()["total"] >= 2
    # Strings are stored and returned as data.
    mark = env.pv.mark()
    name = "Robert'); DROP TABLE sites;-- <b>x</b>"
    r = a.post("/customers", {"id": "bobby", "name": name,
                              "email": "bobby@home.example"})
    assert r.status_code == 201
    env.wait_reload(mark)
    assert a.get("/customers/bobby").json()["name"] == name
    assert db_scalar(env.db, "SELECT COUNT(*) FROM sites") >= 2
    # Traversal out of the dashboard directory.
    for raw in ("/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                "/static/../../../../etc/passwd", "/..%2f..%2fetc/passwd",
                "/vendor/chart.js/../../../../etc/passwd", "/.git/config",
                "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/api/v1/../../etc/passwd"):
        s = socket.create_connection(("127.0.0.1", env.port), timeout=10)
        s.sendall(("GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                   % raw).encode())
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
        status = int(data.split(b" ", 2)[1])
        assert status in (400, 404), (raw, data[:200])
        assert b"root:" not in data and b"[core]" not in data


# ---- load ------------------------------------------------------------------

def test_many_concurrent_clients(env):
    who = ["alice", "bob", "dupont", "martin", "ivan", "admin"]
    expect = {"alice": {"lyon-01"}, "bob": {"nantes-01"},
              "dupont": {"lyon-01"}, "martin": {"nantes-01"},
              "ivan": {"lyon-01", "nantes-01"},
              "admin": {"lyon-01", "nantes-01"}}

    def worker(i):
        name = who[i % len(who)]
        c = env.api(name)
        bad = []
        for k in range(15):
            path = ("/tickets?limit=100", "/sites", "/kpis")[k % 3]
            r = c.get(path, retry=0)
            if r.status_code != 200:
                bad.append((name, path, r.status_code))
            elif path.startswith("/tickets") and \
                    sites_of(r.json()["items"]) - expect[name]:
                bad.append((name, "leak", r.text[:200]))
        return bad

    with concurrent.futures.ThreadPoolExecutor(48) as ex:
        results = list(ex.map(worker, range(48)))
    problems = [p for r in results for p in r]
    assert not problems, problems[:10]
    assert Client(env.base).get("/healthz").status_code == 200


def test_figures_alerts_series_production(env):
    a = env.api("alice")
    k = a.get("/kpis").json()
    assert k["sites"] == 1 and k["tickets_open"] >= 1
    assert [f["id"] for f in k["fleet"]] == ["lyon-01"]
    assert env.admin().get("/kpis").json()["sites"] >= 2
    alerts = env.admin().get("/alerts").json()
    assert all(al["site"] in ("lyon-01", "nantes-01") for al in alerts)
    assert all(al["site"] == "nantes-01"
               for al in env.api("martin").get("/alerts").json())
    r = a.get("/sites/lyon-01/series?metric=ac_power_w&from=%d&to=%d"
              "&step=600000" % (harness.iso_to_ms("2024-06-21T08:00:00Z"),
                                harness.iso_to_ms("2024-06-21T10:00:00Z")))
    assert r.status_code == 200, r.text
    s = r.json()
    assert s["points"] and all(len(p) == 2 for p in s["points"])
    assert s["expected"] and max(v for _, v in s["expected"]) > 1000
    r = a.get("/sites/lyon-01/production?days=3")
    days = r.json()["days"]
    assert len(days) == 3 and days[-1]["expected_kwh"] > 5
    assert_error(env.api("bob").get("/sites/lyon-01/series"), 404)
    assert_error(a.get("/sites/lyon-01/series?from=10&to=5"), 400, "from")


def test_charts_draw_the_clear_sky_the_engine_stored(env):
    """The expected power and energy of the charts are the engine's stored
    clear sky (per kWp, per hour and site-local day), read through the
    store: a planted hour shows in the series, the day view and the
    daily production."""
    a = env.api("alice")
    site = "site_id = 'lyon-01'"
    assert wait_until(lambda: db_scalar(
        env.db, "SELECT COUNT(*) FROM sky_day WHERE " + site) >= 365, 30,
        "the year's clear sky of lyon-01")
    hour = harness.iso_to_ms("2024-06-20T11:00:00Z")
    assert wait_until(lambda: db_scalar(
        env.db, "SELECT COUNT(*) FROM sky_hour WHERE %s AND ts_ms = %d"
        % (site, hour)) == 1, 30, "the clear sky of 2024-06-20 11:00Z")
    harness.db_write(env.db, "UPDATE sky_hour SET wh = 1234 WHERE %s AND"
                     " ts_ms = %d" % (site, hour))
    kwp = a.get("/sites/lyon-01").json()["kwp"]
    s = a.get("/sites/lyon-01/series?metric=ac_power_w&from=%d&to=%d"
              "&step=3600000" % (hour, hour + 3600000)).json()
    assert s["expected"] == [[hour, pytest.approx(1234 * kwp, abs=0.1)]]
    day = a.get("/sites/lyon-01/energy?period=day&date=2024-06-20").json()
    # 13:00-14:00 in Paris is 11:00Z.
    assert day["clear_sky_kwh"][13] == pytest.approx(
        1.234 * sum(d["kwp"] for d in day["devices"]), abs=0.002)


def test_silences(env):
    ivan = env.api("ivan")
    mark = env.pv.mark()
    r = ivan.post("/silences", {"site": "nantes-01",
                                "start": "2024-06-21T00:00:00Z",
                                "end": "2024-06-22T00:00:00Z",
                                "reason": "roof works"})
    assert r.status_code == 201, r.text
    sid = r.json()["id"]
    env.wait_reload(mark)
    assert any(s["id"] == sid for s in ivan.get("/silences").json())
    assert_error(ivan.post("/silences", {"site": "nantes-01",
                                         "end": "yesterday"}), 400, "end")
    assert_error(env.api("alice").post("/silences", {
        "site": "nantes-01", "end": "2024-06-22T00:00:00Z"}), 403, "site")
    assert_error(env.api("dupont").get("/silences"), 403)
    mark = env.pv.mark()
    assert ivan.delete("/silences/%d" % sid).status_code == 200
    env.wait_reload(mark)


# ---- own daemons -----------------------------------------------------------

def test_rate_limit_answers_429(h):
    env = WebEnv(h, rate_limit=5, rate_burst=10, mqtt=False).start()
    c = Client(env.base)
    codes = [c.get("/healthz", retry=0).status_code for _ in range(60)]
    assert codes.count(429) >= 30, codes
    assert codes[0] == 200
    r = c.get("/healthz", retry=0)
    if r.status_code == 429:
        assert r.headers["Retry-After"] == "1"
        assert r.json()["error"]["status"] == 429

    # The bucket refills: a polite client gets through again.
    wait_until(lambda: c.get("/healthz", retry=0).status_code == 200, 5,
               "the rate limit to let requests through again")
    m = wait_until(lambda: (lambda r: r.text if r.status_code == 200
                            else None)(c.get("/metrics", retry=0)), 5,
                   "/metrics")
    assert "pvsentry_http_rate_limited_total" in m


def test_api_objects_survive_restart_export_and_erase(h):
    env = WebEnv(h, mqtt=False).start().create_users()
    ivan, admin = env.api("ivan"), env.admin()
    mark = env.pv.mark()
    assert ivan.post("/sites", SITE).status_code == 201
    env.wait_reload(mark)
    mark = env.pv.mark()
    # A fraction of a second in the interval is kept (REAL, DOUBLE).
    assert ivan.post("/devices", {"id": "grenoble-01-inv1",
                                  "site_id": "grenoble-01",
                                  "interval_s": 2.5}
                     ).status_code == 201
    env.wait_reload(mark)
    env.restart()
    ivan = env.api("ivan")
    s = ivan.get("/sites/grenoble-01").json()
    assert s["source"] == "api" and s["devices"] == 1
    assert ivan.get("/devices/grenoble-01-inv1").json()["interval_s"] == 2.5
    assert db_scalar(env.db, "SELECT interval_s FROM devices WHERE id = ?",
                     ("grenoble-01-inv1",)) == 2.5
    if env.pv.log_lines(r"merged the API's objects"):
        # main merges the API's objects into the running config.
        assert env.pv.log_lines(r"ready .*3 sites, 3 devices")
    # Personal data: export, then erase.
    mark = env.pv.mark()
    assert ivan.post("/customers", {"id": "roux", "name": "Marie Roux",
                                    "email": "marie@home.example"}
                     ).status_code == 201
    env.wait_reload(mark)
    mark = env.pv.mark()
    assert ivan.patch("/sites/grenoble-01", {"customer_id": "roux"}
                      ).status_code == 200
    env.wait_reload(mark)
    r = admin.post("/users", {"username": "marie", "role": "customer",
                              "person": "roux", "password": PASSWORD})
    assert r.status_code == 201
    marie = Client(env.url, admin.post("/tokens", {
        "user": r.json()["id"], "name": "t"}).json()["token"])
    assert marie.get("/sites").json()["items"][0]["id"] == "grenoble-01"
    assert_error(ivan.get("/customers/roux/export"), 403)
    r = admin.get("/customers/roux/export")
    assert r.status_code == 200
    ex = r.json()
    assert ex["person"]["email"] == "marie@home.example"
    assert [x["id"] for x in ex["sites"]["items"]] == ["grenoble-01"]
    assert_error(marie.post("/customers/roux/erase"), 403)
    r = admin.post("/customers/roux/erase")
    assert r.status_code == 200, r.text
    p = admin.get("/customers/roux").json()
    assert p["name"] == "erased" and p["email"] is None
    # Their logins end with it.
    assert_error(marie.get("/me"), 401)
    s = requests.Session()
    assert_error(Client(env.url, session=s).post(
        "/login", {"username": "marie", "password": PASSWORD}), 401)
    # A customer of the config file: the database part goes, and the
    # answer says where the rest is.
    r = admin.post("/customers/dupont/erase")
    assert r.status_code == 200 and "config file" in r.json()["message"]
    assert_error(env.api("dupont").get("/me"), 401)


def test_https_with_secure_cookies(h):
    import shutil
    import subprocess
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed: no certificate to test with")
    cert, key = h.path("cert.pem"), h.path("key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048",
                    "-nodes", "-keyout", key, "-out", cert, "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext",
                    "subjectAltName=IP:127.0.0.1"], check=True,
                   capture_output=True)
    env = WebEnv(h, mqtt=False, http_extra="tls_cert = %s\ntls_key = %s" % (
        cert, key))
    env.base = "https://127.0.0.1:%d" % env.port
    env.start()
    s = requests.Session()
    c = Client(env.url, ADMIN_TOKEN, session=s, verify=cert)
    r = c.post("/users", {"username": "tess", "role": "installer",
                          "password": PASSWORD})
    assert r.status_code == 201, r.text
    r = Client(env.url, session=s, verify=cert).post("/login", {
        "username": "tess", "password": PASSWORD})
    assert r.status_code == 200
    assert "; Secure" in r.headers["Set-Cookie"]
    assert r.headers["Strict-Transport-Security"].startswith("max-age=")
    # Plain HTTP on the TLS port gets nowhere.
    with pytest.raises(requests.RequestException):
        requests.get("http://127.0.0.1:%d/healthz" % env.port, timeout=5)


# ---- installer tools -------------------------------------------------------

CSV_GOOD = '''type,id,name,email,latitude,longitude,kwp,customer_id,site_id,kind
customer,petit,"Anne Petit, née Roy",anne@home.example,,,,,,
site,tours-01,"Petit house ""Les Tilleuls""",,47.39,0.69,3.2,petit,,
device,tours-01-inv1,,,,,,,tours-01,inverter
'''

CSV_BAD = """type,id,name,latitude,longitude,site_id,kind
site,ok-01,Fine,47,1,,
site,bad lat,Nope,47,1,,
site,b2,Too far north,123,1,,
device,b3,,,,ok-01,toaster
planet,b4,Mars,,,,
site,b5,"broken quote,1,1,,
"""


def post_csv(c, text, dry=False):
    return c.request("POST", "/import" + ("?dry_run=1" if dry else ""),
                     data=text.encode(), headers={
                         "Content-Type": "text/csv"})


def test_csv_import_dry_run_then_real(env):
    ivan = env.api("ivan")
    assert_error(post_csv(env.api("alice"), CSV_GOOD, dry=True), 403)
    assert_error(ivan.request("POST", "/import", json={"a": 1}), 415)
    r = post_csv(ivan, CSV_BAD, dry=True)
    assert r.status_code == 400, r.text
    body = r.json()
    assert body["dry_run"] and body["valid"] == 1 and body["bad"] == 5
    by_line = {x["line"]: x for x in body["lines"]}
    assert by_line[3]["field"] == "id"
    assert by_line[4]["field"] == "latitude"
    assert by_line[5]["field"] == "kind"
    assert "type" in by_line[6]["error"]
    assert 7 in by_line
    # A real run with a bad line writes nothing.
    r = post_csv(ivan, CSV_BAD)
    assert r.status_code == 400 and r.json()["created"] == 0
    assert_error(ivan.get("/sites/ok-01"), 404)
    # A clean file: the dry run writes nothing, the real run everything.
    r = post_csv(ivan, CSV_GOOD, dry=True)
    assert r.status_code == 200 and r.json()["valid"] == 3, r.text
    assert_error(ivan.get("/sites/tours-01"), 404)
    mark = env.pv.mark()
    r = post_csv(ivan, CSV_GOOD)
    assert r.status_code == 201, r.text
    assert r.json()["created"] == 3
    env.wait_reload(mark)
    s = ivan.get("/sites/tours-01").json()
    assert s["name"] == 'Petit house "Les Tilleuls"' and s["kwp"] == 3.2
    assert s["customer"] == "petit" and s["created_by"] == "user:ivan"
    assert ivan.get("/customers/petit").json()["name"] == \
        "Anne Petit, née Roy"
    assert [d["id"] for d in s["device_list"]] == ["tours-01-inv1"]
    # Importing the same file again: every line conflicts, and the dry
    # run says so as the import does.
    for dry in (True, False):
        r = post_csv(ivan, CSV_GOOD, dry=dry)
        assert r.status_code == 400 and r.json()["bad"] == 3, r.text
        assert not r.json()["imported"]
        assert all(x["field"] == "id" and "exists already" in x["error"]
                   for x in r.json()["lines"])


@pytest.mark.skipif(bool(os.environ.get("PVS_VALGRIND")),
                    reason="the probe runs /proc/self/exe: valgrind there")
def test_device_connection_test(env):
    import modbus_fixtures as mf
    ivan = env.api("ivan")
    port = harness.free_port()
    image = os.path.join(harness.REPO, "tests", "data", "sunspec",
                         "inverter_pf_negative.regs")
    # A device goes on a site its installer registered.
    mark = env.pv.mark()
    assert ivan.post("/sites", dict(SITE, id="chambery-01")
                     ).status_code == 201
    env.wait_reload(mark)
    mark = env.pv.mark()
    assert ivan.post("/devices", {
        "id": "chambery-01-inv9", "site_id": "chambery-01",
        "endpoint_url": "tcp://127.0.0.1:%d" % port, "unit_id": 1}
    ).status_code == 201
    env.wait_reload(mark)
    # Nobody listens yet.
    r = ivan.post("/devices/chambery-01-inv9/test")
    assert r.status_code == 200, r.text
    assert r.json()["ok"] is False and r.json()["message"]
    srv = mf.start_pymodbus({1: image}, tcp_port=port)
    try:
        r = ivan.post("/devices/chambery-01-inv9/test")
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["ok"] is True, body
        assert body["result"] and "models" in json.dumps(body["result"])
    finally:
        srv.stop()
    # Scope and roles, and devices without a TCP address.
    assert_error(env.api("bob").post("/devices/chambery-01-inv9/test"), 404)
    assert_error(env.api("dupont").post("/devices/chambery-01-inv9/test"), 403)
    assert_error(ivan.post("/devices/lyon-01-inv1/test"), 409)


def test_customer_actions(env):
    lyon = env.tickets["lyon-01"]["id"]
    dupont, martin = env.api("dupont"), env.api("martin")
    # Only on their own tickets, and only customers (and admins).
    assert_error(martin.post("/tickets/%d/works_again" % lyon), 404)
    assert_error(env.api("alice").post("/tickets/%d/survey" % lyon,
                                       {"csat": 5}), 403)
    assert_error(dupont.post("/tickets/%d/survey" % lyon, {"csat": 9}), 400,
                 "csat")
    assert_error(dupont.post("/tickets/%d/survey" % lyon, {}), 400, "csat")
    assert_error(dupont.post("/tickets/%d/appointment" % lyon,
                             {"confirm": "yes"}), 400, "confirm")
    r = dupont.post("/tickets/%d/works_again" % lyon)
    assert r.status_code == 200, r.text
    t = env.admin().get("/tickets/%d" % lyon).json()
    assert "customer_says_fixed" in [e["kind"] for e in t["events"]]
    r = dupont.post("/tickets/%d/survey" % lyon, {"csat": 5,
                                                  "comment": "quick!"})
    assert r.status_code in (200, 404, 409), r.text
    # Writing in about a site: into its ticket, or a new one.
    assert_error(dupont.post("/contact", {"site": "nantes-01",
                                          "text": "hello"}), 400, "site")
    assert_error(dupont.post("/contact", {"site": "lyon-01"}), 400, "text")
    assert_error(env.api("ivan").post("/contact", {"site": "lyon-01",
                                                   "text": "x"}), 403)
    r = dupont.post("/contact", {"site": "lyon-01",
                                 "text": "the inverter beeps at night"})
    assert r.status_code == 200, r.text
    assert r.json()["id"] >= 1


def test_api_device_is_monitored_after_reload(h):
    """A site and device registered through the API take data and make
    tickets like the config file's: the running configuration takes the
    API's objects live."""
    env = WebEnv(h).start().create_users()
    ivan = env.api("ivan")
    mark = env.pv.mark()
    site = dict(SITE, id="annecy-01", latitude=45.9, longitude=6.12, kwp=5)
    assert ivan.post("/sites", site).status_code == 201
    env.wait_reload(mark)
    mark = env.pv.mark()
    assert ivan.post("/devices", {"id": "annecy-01-inv1",
                                  "site_id": "annecy-01", "kwp": 5}
                     ).status_code == 201
    env.wait_reload(mark)
    assert env.pv.log_lines(r"applied live \(3 sites, 3 devices\)")
    env.fault_tickets(sites=("annecy-01",))
    n = db_scalar(env.db, "SELECT COUNT(*) FROM samples WHERE device_id = ?",
                  ("annecy-01-inv1",))
    assert n > 0
    t = env.api("alice").get("/tickets?site=annecy-01").json()["items"]
    assert t and t[0]["device"] == "annecy-01-inv1"
    # The rows stay the API's (editable) after the engine's config sync.
    assert ivan.get("/sites/annecy-01").json()["source"] == "api"
    assert ivan.get("/devices/annecy-01-inv1").json()["source"] == "api"


DONE = ("resolved", "closed", "false_alarm", "merged")


def test_fleet_page_and_report_show_the_tickets_energy(env):
    """One energy figure: the fleet page's energy lost is the sum of the
    open tickets' own figures (the alerts' lost energy), and `pvsentry
    report` averages the same figures."""
    a = env.admin()

    def stable():
        t1 = a.get("/tickets?limit=100").json()["items"]
        k = a.get("/kpis").json()
        r = env.pv.cli("report", "-c", env.cfg, "--json")
        t2 = a.get("/tickets?limit=100").json()["items"]
        return (t1, k, json.loads(r.stdout)) if t1 == t2 else None
    items, k, report = wait_until(stable, 30, "tickets that hold still")
    active = [t for t in items if t["status"] not in DONE]
    assert any(t["lost_kwh"] > 0.01 for t in active), active
    assert abs(k["lost_kwh_open"] -
               sum(t["lost_kwh"] for t in active)) < 0.002, (k, active)
    mean = sum(t["lost_kwh"] for t in items) / len(items)
    figs = list(_walk(report, "energy_lost_per_ticket_kwh"))
    assert figs and abs(figs[0] - mean) < 0.002, (figs, mean, report)


def _walk(obj, key):
    """Every value of key anywhere in a parsed JSON document."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == key:
                yield v
            else:
                yield from _walk(v, key)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk(v, key)
