# SPDX-License-Identifier: MIT
"""One entity model: every field of every entity the API serves comes back
unchanged whether it was written in the config file, through the API or
in a CSV import; the running configuration is the file plus the API's
rows, and `pvsentry check` validates exactly that (an invalid object of
the database is named by entity and id); an MQTT topic map created
through the API maps a gateway's samples like one from the file.
"""
import csv
import io
import sqlite3

import pytest

import harness
from harness import db_scalar, wait_until
from webapi import WebEnv

try:
    import paho.mqtt.client as mqtt
except ImportError:  # pragma: no cover
    mqtt = None

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)

# Every field of the config's objects, none at its default. The [http]
# section of webapi.CONFIG is open above this text.
CONFIG_OBJECTS = """
[endpoint "ep1"]
url = tcp://127.0.0.1:9

[customer "roux"]
name = Anne Roux
email = anne.roux@home.example
phone = +33 6 00 00 00 01
language = fr
quiet_hours = 22:00-07:30
channel = sms
opt_out = true

[technician "tom"]
name = Tom Weber
email = tom@installer.example
phone = +49 170 0000001
language = de
skill = fronius
skill = fault_code
area = savoie
hours = mon-fri 07:00-16:00
timezone = Europe/Berlin

[site "annecy-01"]
name = Roux chalet
address = 4 route du Lac
latitude = 45.9
longitude = 6.12
timezone = Europe/Paris
kwp = 7.5
tilt = 35
azimuth = 170
access_notes = Ladder in the barn
customer = roux
technician = tom
area = savoie
loss_factor = 0.2

[device "annecy-01-inv1"]
site = annecy-01
kind = meter
kwp = 7.5
rated_power = 6000
mppt_inputs = 2
vendor = Fronius
model = Symo 6.0
label = barn roof
endpoint = ep1
unit_id = 3
profile = sunspec
interval = 30s
serial = 4711

[device "annecy-01-dtu"]
site = annecy-01
kind = logger
serial = DTU1

[mqtt_map "annecy-gw"]
preset = opendtu
site = annecy-01
device = 4711 annecy-01-inv1
gateway = annecy-01-dtu
prefix = annecy
"""

# What the API serves for them.
SERVED = {
    "/customers/roux": {
        "name": "Anne Roux", "email": "anne.roux@home.example",
        "phone": "+33 6 00 00 00 01", "language": "fr",
        "quiet_hours": "22:00-07:30", "channel": "sms", "opt_out": True},
    "/technicians/tom": {
        "name": "Tom Weber", "email": "tom@installer.example",
        "phone": "+49 170 0000001", "language": "de",
        "skills": ["fronius", "fault_code"], "areas": ["savoie"],
        "hours": "mon-fri 07:00-16:00", "timezone": "Europe/Berlin"},
    "/sites/annecy-01": {
        "name": "Roux chalet", "address": "4 route du Lac",
        "latitude": 45.9, "longitude": 6.12, "timezone": "Europe/Paris",
        "kwp": 7.5, "tilt": 35, "azimuth": 170,
        "access_notes": "Ladder in the barn", "customer_id": "roux",
        "technician_id": "tom", "area": "savoie", "loss_factor": 0.2},
    "/devices/annecy-01-inv1": {
        "site_id": "annecy-01", "kind": "meter", "kwp": 7.5,
        "rated_power": 6000, "mppt_inputs": 2, "vendor": "Fronius",
        "model": "Symo 6.0", "label": "barn roof", "endpoint": "ep1",
        "unit_id": 3, "profile": "sunspec", "interval_s": 30,
        "serial": "4711"},
    "/mqtt-maps/annecy-gw": {
        "preset": "opendtu", "site_id": "annecy-01",
        "devices": ["4711 annecy-01-inv1"], "gateway_id": "annecy-01-dtu",
        "settings": {"prefix": "annecy"}},
}

# Objects created through the API: every field the API writes.
API_OBJECTS = [
    ("/customers", {
        "id": "petit", "name": "Luc Petit", "email": "luc@home.example",
        "phone": "+33 6 00 00 00 02", "language": "it",
        "quiet_hours": "20:00-09:00", "channel": "email",
        "opt_out": False}),
    ("/technicians", {
        "id": "eva", "name": "Eva Lind", "email": "eva@installer.example",
        "phone": "+46 70 000 00 01", "language": "nl",
        "skills": ["sma"], "areas": ["isere", "drome"],
        "hours": "sat 09:00-12:00", "timezone": "Europe/Stockholm"}),
    ("/sites", {
        "id": "grenoble-01", "name": "Petit house",
        "address": "1 place Grenette\nGrenoble", "latitude": 45.19,
        "longitude": 5.72, "timezone": "Europe/Paris", "kwp": 3.2,
        "tilt": 20, "azimuth": 190, "access_notes": "Call first",
        "customer_id": "petit", "technician_id": "eva", "area": "isere",
        "loss_factor": 0.1}),
    ("/devices", {
        "id": "grenoble-01-inv1", "site_id": "grenoble-01",
        "kind": "inverter", "kwp": 3.2, "rated_power": 3000,
        "mppt_inputs": 1, "vendor": "SMA", "model": "SB3.0",
        "label": "garage", "endpoint": "ep1", "unit_id": 126,
        "profile": "sunspec", "interval_s": 45, "serial": "114182912345"}),
    ("/devices", {
        "id": "grenoble-01-inv2", "site_id": "grenoble-01",
        "kind": "battery", "endpoint_url": "tcp://127.0.0.1:9",
        "unit_id": 7, "interval_s": 120}),
    ("/mqtt-maps", {
        "id": "grenoble-gw", "preset": "opendtu", "site_id": "grenoble-01",
        "devices": ["114182912345 grenoble-01-inv1"],
        "settings": {"prefix": "grenoble"}}),
]

PLURAL = {"/customers": "customers", "/technicians": "technicians"}


@pytest.fixture(scope="module")
def env(tmp_path_factory, build):
    h = harness.Harness(tmp_path_factory.mktemp("entity"), build=build,
                        start="2024-06-21T08:00:00Z", speed=600)
    try:
        e = WebEnv(h, http_extra=CONFIG_OBJECTS).start().create_users()
        yield e
    except BaseException:
        h.dump_logs()
        raise
    finally:
        findings = h.close()
        if findings:
            pytest.fail("sanitizer reports:\n" + "\n".join(findings[:40]),
                        pytrace=False)


def same(got, want, where):
    for k, v in want.items():
        assert k in got, (where, k, got)
        if isinstance(v, float):
            assert got[k] == pytest.approx(v), (where, k, got[k], v)
        else:
            assert got[k] == v, (where, k, got[k], v)


def test_config_fields_served_by_the_api(env):
    """A config device's kwp and rated_power, a site's loss_factor and every
    other field of the file's objects are what the API serves."""
    a = env.admin()
    for path, want in SERVED.items():
        r = a.get(path)
        assert r.status_code == 200, (path, r.text)
        same(r.json(), want, path)
        assert r.json()["source"] == "config"


def test_api_fields_round_trip(env):
    """Every field the API writes comes back unchanged, and the running
    configuration takes every object (`pvsentry check` passes)."""
    a = env.admin()
    for path, body in API_OBJECTS:
        # One write at a time: each one still restarts the HTTP server.
        mark = env.pv.mark()
        r = a.post(path, body)
        assert r.status_code == 201, (path, r.text)
        env.wait_reload(mark)
    for path, body in API_OBJECTS:
        r = a.get("%s/%s" % (path, body["id"]))
        assert r.status_code == 200, (path, r.text)
        want = dict(body)
        del want["id"]
        same(r.json(), want, path)
        assert r.json()["source"] == "api"
    # A change comes back too, and null clears a field.
    mark = env.pv.mark()
    r = a.patch("/sites/grenoble-01", {"loss_factor": 0.3, "area": None})
    assert r.status_code == 200, r.text
    env.wait_reload(mark)
    got = a.get("/sites/grenoble-01").json()
    assert got["loss_factor"] == pytest.approx(0.3) and got["area"] is None
    r = env.pv.cli("check", "-c", env.cfg, check=False)
    assert r.returncode == 0, r.stderr
    # The daemon runs them: the API's devices are configured devices.
    mark = env.pv.mark()
    env.pv.sighup()
    env.pv.wait_log(r"main: ready \(reloaded, 4 sites, 6 devices", 20,
                    since=mark)
    assert not env.pv.log_lines(r"left out of the running", since=mark)


def test_api_refuses_what_the_table_refuses(env):
    a = env.admin()
    cases = [
        ("/sites", {"id": "x-1", "name": "X", "latitude": 91,
                    "longitude": 0}, "latitude"),
        ("/devices", {"id": "x-2", "site_id": "grenoble-01",
                      "interval_s": 0.01}, "interval_s"),
        ("/technicians", {"id": "x-3", "name": "X",
                          "hours": "someday"}, "hours"),
        ("/customers", {"id": "x-4", "name": "X", "email": "x@y.z",
                        "quiet_hours": "late"}, "quiet_hours"),
        ("/customers", {"id": "x-5", "name": "X", "email": "x@y.z",
                        "opt_out": "yes"}, "opt_out"),
        ("/devices", {"id": "x-6", "site_id": "grenoble-01",
                      "manufacturer": "ACME"}, "manufacturer"),
        ("/mqtt-maps", {"id": "x-7", "settings": {"Topic": "a"}},
         "settings"),
    ]
    for path, body, field in cases:
        r = a.post(path, body)
        assert r.status_code == 400, (path, r.text)
        assert r.json()["error"].get("field") == field, (path, r.text)


def test_api_silences_follow_the_table(env):
    """A silence through the API is checked by the silence's field table
    (the config's [silence] keys): a bad member is a 400 naming it; ISO
    times are taken as before, and nothing refused is stored."""
    a = env.admin()
    end = "2030-01-01T00:00:00Z"
    cases = [
        ({"site": "not an id", "end": end}, "site"),
        ({"device": "", "end": end}, "device"),
        ({"site": "lyon-01", "end": end, "reason": "x" * 501}, "reason"),
        ({"site": "lyon-01", "end": end, "colour": "red"}, "colour"),
        ({"site": "lyon-01", "end": end, "rule": 7}, "rule"),
        ({"site": "lyon-01", "end": "tomorrow"}, "end"),
        ({"site": "lyon-01", "start": "soon", "end": end}, "start"),
        ({"site": "lyon-01"}, "end"),
        ({"site": "lyon-01", "start": end, "end": "2029-01-01T00:00:00Z"},
         "end"),
    ]
    before = len(a.get("/silences").json())
    for body, field in cases:
        r = a.post("/silences", body)
        assert r.status_code == 400, (body, r.text)
        assert r.json()["error"].get("field") == field, (body, r.text)
    assert len(a.get("/silences").json()) == before
    mark = env.pv.mark()
    body = {"site": "lyon-01", "device": "lyon-01-inv1", "rule": "fault_code",
            "start": "2024-06-21T00:00:00Z", "end": end,
            "reason": "roof works\nsecond line"}
    r = a.post("/silences", body)
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    got = [x for x in a.get("/silences").json() if x["id"] == r.json()["id"]]
    assert len(got) == 1, got
    # Every field comes back as written (times as ISO text or ms).
    for k in ("site", "device", "rule", "reason"):
        assert got[0][k] == body[k], (k, got)
    for k in ("start", "end"):
        v = got[0].get(k, got[0].get(k + "_ms"))
        assert v in (body[k], harness.iso_to_ms(body[k])), (k, got)


def test_csv_fields_round_trip(env):
    """Every CSV column of sites, devices and people comes back through the
    API as it was in the file."""
    rows = [
        {"type": "customer", "id": "csv-c", "name": "Csv Customer",
         "email": "c@csv.example", "phone": "+33 1", "language": "es",
         "quiet_hours": "23:00-06:00", "channel": "sms", "opt_out": "true"},
        {"type": "technician", "id": "csv-t", "name": "Csv Tech",
         "email": "t@csv.example", "phone": "+33 2", "language": "en",
         "skills": "huawei;snow", "areas": "ain", "hours":
         "mon-fri 09:00-17:00", "timezone": "Europe/Paris"},
        {"type": "site", "id": "csv-s", "name": "Csv site",
         "address": "1 rue du Test", "latitude": "46.2", "longitude": "5.22",
         "timezone": "Europe/Paris", "kwp": "4.4", "tilt": "25",
         "azimuth": "200", "access_notes": "gate code 1234",
         "customer_id": "csv-c", "technician_id": "csv-t", "area": "ain",
         "loss_factor": "0.18"},
        {"type": "device", "id": "csv-s-inv1", "site_id": "csv-s",
         "kind": "inverter", "kwp": "4.4", "rated_power": "4000",
         "mppt_inputs": "2", "vendor": "Huawei", "model": "SUN2000",
         "label": "south", "endpoint_url": "tcp://127.0.0.1:9",
         "unit_id": "1", "profile": "sunspec", "interval_s": "60",
         "serial": "HW1"},
    ]
    cols = []
    for r in rows:
        cols += [k for k in r if k not in cols]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    a = env.admin()
    mark = env.pv.mark()
    r = a.request("POST", "/import", data=buf.getvalue().encode(),
                  headers={"Content-Type": "text/csv"})
    assert r.status_code == 201 and r.json()["created"] == 4, r.text
    env.wait_reload(mark)
    path = {"customer": "/customers", "technician": "/technicians",
            "site": "/sites", "device": "/devices"}
    admin = env.admin()
    for row in rows:
        got = admin.get("%s/%s" % (path[row["type"]], row["id"]))
        assert got.status_code == 200, got.text
        got = got.json()
        for k, v in row.items():
            if k in ("type", "id"):
                continue
            g = got[k]
            if isinstance(g, list):
                g = ";".join(g)
            elif isinstance(g, bool):
                g = "true" if g else "false"
            elif isinstance(g, (int, float)):
                assert g == pytest.approx(float(v)), (k, g, v)
                continue
            assert g == v, (row["id"], k, g, v)


def test_check_names_an_invalid_database_object(env):
    """A row the API wrote that is no longer valid: check names it by
    entity and id and fails; run leaves it out, keeps the rest and says
    so once."""
    a = env.admin()
    mark = env.pv.mark()
    r = a.post("/sites", {"id": "broken-01", "name": "Broken",
                          "latitude": 45, "longitude": 5})
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    mark = env.pv.mark()
    r = a.post("/devices", {"id": "broken-01-inv1", "site_id": "broken-01"})
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    con = sqlite3.connect(env.db, timeout=10)
    con.execute("UPDATE sites SET latitude = 123 WHERE id = 'broken-01'")
    con.commit()
    con.close()
    r = env.pv.cli("check", "-c", env.cfg, check=False)
    assert r.returncode == 1, r.stdout
    assert "%s: site 'broken-01': latitude '123' is out of range" % env.db \
        in r.stderr, r.stderr
    mark = env.pv.mark()
    env.pv.sighup()
    env.pv.wait_log(r"main: ready \(reloaded", 20, since=mark)
    left = env.pv.log_lines(r"left out of the running configuration",
                            since=mark)
    assert any("site 'broken-01'" in x for x in left), left
    assert any("broken-01-inv1" in x for x in left), left
    assert len(left) == 2, left
    # The other sites still run.
    assert env.pv.log_lines(r"ready \(reloaded, 5 sites, 7 devices", since=mark)
    con = sqlite3.connect(env.db, timeout=10)
    con.execute("DELETE FROM devices WHERE id = 'broken-01-inv1'")
    con.execute("DELETE FROM sites WHERE id = 'broken-01'")
    con.commit()
    con.close()
    assert env.pv.cli("check", "-c", env.cfg, check=False).returncode == 0


@pytest.mark.skipif(mqtt is None, reason="python3-paho-mqtt missing")
def test_api_mqtt_map_maps_samples(env):
    """An installer creates a gateway's topic map through the API; the
    daemon applies it like the file's and stores the gateway's samples on
    the device it names."""
    ivan = env.api("ivan")
    mark = env.pv.mark()
    r = ivan.post("/sites", {"id": "chambery-01", "name": "Blanc house",
                             "latitude": 45.57, "longitude": 5.92})
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    mark = env.pv.mark()
    r = ivan.post("/devices", {"id": "chambery-01-hm1",
                               "site_id": "chambery-01", "kwp": 0.8})
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    mark = env.pv.mark()
    r = ivan.post("/mqtt-maps", {"id": "chambery-dtu", "preset": "opendtu",
                                 "site_id": "chambery-01",
                                 "devices": ["116180001111 chambery-01-hm1"],
                                 "settings": {"prefix": "chambery"}})
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    assert not env.pv.log_lines(r"left out of the running", since=mark)
    got = ivan.get("/mqtt-maps/chambery-dtu").json()
    assert got["devices"] == ["116180001111 chambery-01-hm1"]
    assert got["created_by"]

    def stored():
        c = mqtt.Client(client_id="dtu-chambery")
        c.connect("127.0.0.1", env.broker.port)
        c.loop_start()
        c.publish("chambery/116180001111/0/power", "234.5",
                  qos=1).wait_for_publish()
        c.loop_stop()
        c.disconnect()
        return db_scalar(env.db, "SELECT value FROM samples WHERE device_id"
                         " = ? AND metric = 'ac_power_w'",
                         ("chambery-01-hm1",)) == 234.5
    wait_until(stored, 30, "the gateway's sample on the map's device",
               interval=1)
    # The customer cannot read maps; a technician can.
    assert env.api("dupont").get("/mqtt-maps").status_code == 403
    assert env.api("alice").get("/mqtt-maps").status_code == 200


def test_installer_form_registers_a_map(env):
    """The Register page has a form for a gateway's MQTT map; what it
    sends is what the API then serves, and the site page lists it."""
    import test_dashboard as dash
    reason = dash._skip_reason()
    if reason:
        pytest.skip(reason)
    mark = env.pv.mark()
    r = env.api("ivan").post("/devices", {"id": "chambery-01-hm2",
                                          "site_id": "chambery-01"})
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    b = dash.Browser(env.base, width=1280, height=1600)
    try:
        b.login("ivan")
        b.wait_text("Fleet")
        b.go("/#/install")
        form = b.find("#map-form")
        form.find_element(dash.By.NAME, "id").send_keys("chambery-dtu2")
        dash.Select(form.find_element(dash.By.NAME, "site_id")
                    ).select_by_value("chambery-01")
        dash.Select(form.find_element(dash.By.NAME, "preset")
                    ).select_by_value("ahoy")
        form.find_element(dash.By.NAME, "prefix").send_keys("ahoy1")
        form.find_element(dash.By.NAME, "devices").send_keys(
            "116180002222 chambery-01-hm2")
        mark = env.pv.mark()
        b.find("#map-submit").click()
        b.wait_text("mqtt_map 'chambery-dtu2' created", timeout=30)
        env.wait_reload(mark)
        b.d.execute_script(
            "document.getElementById('map-form').scrollIntoView()")
        b.shot("installer-mqtt-map-form")
        got = env.admin().get("/mqtt-maps/chambery-dtu2").json()
        assert got["preset"] == "ahoy" and got["site_id"] == "chambery-01"
        assert got["settings"] == {"prefix": "ahoy1"}
        assert got["devices"] == ["116180002222 chambery-01-hm2"]
        assert not env.pv.log_lines(r"left out of the running", since=mark)
        b.d.execute_script("location.hash = '#/site/chambery-01'")
        b.wait_text("chambery-dtu2: ahoy", css="#site-maps", timeout=20)
        assert not b.js_errors()
    finally:
        b.close()
