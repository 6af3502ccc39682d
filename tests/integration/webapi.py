# SPDX-License-Identifier: MIT
"""Helpers for the HTTP API and dashboard tests: a pvsentry with an [http]
section (and MQTT, so that pvsim can make real tickets), a client per role
that survives the short restarts a configuration change causes, and the
fixture data both test files share.

    env = WebEnv(h).start()          # broker, pvsentry, users, tokens
    env.fault_tickets()              # pvsim faults -> one ticket per site
    r = env.api("alice").get("/tickets")
"""
import json
import os
import re
import time

import requests

import harness
from harness import wait_until

ADMIN_TOKEN = "adm-test-0123456789abcdefghijklmnopqrstuv"
PASSWORD = "correct horse battery staple"

CONFIG = """\
[global]
database = ${tmp}/pvsentry.db
log_level = info
sim_start = ${sim_start}
sim_speed = ${sim_speed}
grace_period = 5m
tick = 30s
batch_interval = 50ms

[mqtt]
uri = tcp://127.0.0.1:${mqtt_port}
client_id = pvsentry-web-${mqtt_port}
qos = 1
topic = pvsentry/#
keepalive = 5s

[http]
listen = 127.0.0.1
port = ${http_port}
admin_token_file = ${tmp}/admin.token
rate_limit = ${rate_limit}
rate_burst = ${rate_burst}
max_body = 16k
threads = 4
session_lifetime = 1h
${http_extra}

[technician "alice"]
name = Alice Martin
email = alice@installer.example

[technician "bob"]
name = Bob Durand
email = bob@installer.example
timezone = Europe/Paris

[customer "dupont"]
name = Jean Dupont
email = jean.dupont@home.example

[customer "martin"]
name = Claire Martin
email = claire.martin@home.example

[site "lyon-01"]
name = Dupont house
address = 12 rue des Lilas, 69003 Lyon
latitude = 45.75
longitude = 4.85
timezone = Europe/Paris
kwp = 5
customer = dupont
technician = alice
access_notes = Key in the box by the garage

[device "lyon-01-inv1"]
site = lyon-01
kind = inverter
kwp = 5

[site "nantes-01"]
name = Martin farm
address = 3 chemin du Port, 44000 Nantes
latitude = 47.22
longitude = -1.55
timezone = Europe/Paris
kwp = 5
customer = martin
technician = bob

[device "nantes-01-inv1"]
site = nantes-01
kind = inverter
kwp = 5

[rule "no-underperformance"]
family = underperformance
enabled = false
"""

# The people behind each role (user name -> role, person).
USERS = {
    "ivan": ("installer", None),
    "irene": ("installer", None),
    "alice": ("technician", "alice"),
    "bob": ("technician", "bob"),
    "dupont": ("customer", "dupont"),
    "martin": ("customer", "martin"),
}


class Client:
    """requests with a base URL and a credential; retries while pvsentry
    restarts its server after a configuration change (connection refused
    or reset), so tests never depend on the reload's timing."""

    def __init__(self, base, token=None, session=None, verify=None):
        self.base = base
        self.verify = verify
        self.s = session or requests.Session()
        if token:
            self.s.headers["Authorization"] = "Bearer " + token

    def request(self, method, path, retry=20.0, **kw):
        url = path if path.startswith("http") else self.base + path
        kw.setdefault("timeout", 20 * harness.TIMEOUT_SCALE)
        if self.verify is not None:
            # Per request: requests lets REQUESTS_CA_BUNDLE override a
            # session's verify.
            kw.setdefault("verify", self.verify)
        deadline = time.monotonic() + retry * harness.TIMEOUT_SCALE
        while True:
            try:
                return self.s.request(method, url, **kw)
            except requests.exceptions.SSLError:
                raise
            except requests.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        if body is not None:
            kw["json"] = body
        return self.request("POST", path, **kw)

    def patch(self, path, body, **kw):
        return self.request("PATCH", path, json=body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)


class WebEnv:
    def __init__(self, h, rate_limit=10000, rate_burst=20000, http_extra="",
                 mqtt=True):
        self.h = h
        self.port = harness.free_port()
        self.mqtt = mqtt
        self.broker = h.start_mosquitto() if mqtt else None
        fd = os.open(h.path("admin.token"), os.O_WRONLY | os.O_CREAT, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(ADMIN_TOKEN + "\n")
        # No broker: no [mqtt] section (a link that cannot connect is a
        # failing part, and /healthz says so).
        template = CONFIG if mqtt else re.sub(r"(?s)\[mqtt\].*?\n\n", "",
                                              CONFIG)
        self.cfg = h.write_config(
            template, mqtt_port=self.broker.port if mqtt else 1,
            http_port=self.port, rate_limit=rate_limit,
            rate_burst=rate_burst, http_extra=http_extra)
        self.db = h.path("pvsentry.db")
        self.pv = h.pvsentry(self.cfg)
        self.base = "http://127.0.0.1:%d" % self.port
        self.tokens = {}
        self.user_ids = {}

    @property
    def url(self):
        return self.base + "/api/v1"

    def start(self):
        mark = self.pv.mark()
        self.pv.start()
        self.pv.wait_log(r"web: listening", 15, since=mark)
        harness.wait_port(self.port, 10, self.pv.proc)
        if self.mqtt:
            # /healthz answers 503 while the broker link is not up.
            self.pv.wait_log(r"mqtt: subscribed", 15, since=mark)
        return self

    def restart(self):
        self.pv.stop()
        return self.start()

    def admin(self):
        return Client(self.url, ADMIN_TOKEN)

    def api(self, who=None):
        if who is None:
            return Client(self.url)
        if who == "admin":
            return self.admin()
        return Client(self.url, self.tokens[who])

    def create_users(self):
        """Every user of USERS with a password and an API token."""
        a = self.admin()
        for name, (role, person) in USERS.items():
            body = {"username": name, "role": role, "password": PASSWORD}
            if person:
                body["person"] = person
            r = a.post("/users", body)
            assert r.status_code == 201, r.text
            self.user_ids[name] = r.json()["id"]
            r = a.post("/tokens", {"user": self.user_ids[name],
                                   "name": "tests"})
            assert r.status_code == 201, r.text
            self.tokens[name] = r.json()["token"]
        return self

    def wait_reload(self, mark):
        """After a change through the API: main has re-read the config."""
        self.pv.wait_log(r"main: configuration applied live", 20, since=mark)
        harness.wait_port(self.port, 10, self.pv.proc)

    def fault_tickets(self, sites=("lyon-01", "nantes-01")):
        """A simulated inverter fault on each site, until each has a
        ticket. Returns {site: ticket}."""
        sims = []
        for site in sites:
            lat, lon = (45.75, 4.85) if site.startswith("lyon") else (47.22,
                                                                      -1.55)
            sims.append(self.h.start_pvsim(
                self.broker, site, devices=[site + "-inv1"], name="pvsim-"
                + site, kwp=5, lat=lat, lon=lon, duration="40m",
                interval="60s", scenarios=["fault@+5m+60m"]))
        for s in sims:
            s.wait(60)
        a = self.admin()

        def have():
            r = a.get("/tickets?limit=100")
            if r.status_code != 200:
                return None
            items = r.json()["items"]
            # The fault's own ticket: a "no data" ticket opened while pvsim
            # was starting (a loaded machine) is merged into it.
            got = {t["site"]: t for t in items
                   if t["family"] == "fault_code"}
            return got if all(s in got for s in sites) else None
        return wait_until(have, 30, "a ticket on every site")


def assert_error(r, status, field=None):
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    assert body["error"]["status"] == status
    assert body["error"]["message"]
    if field:
        assert body["error"].get("field") == field, body
    return body
