# SPDX-License-Identifier: MIT
"""Gateway layouts end to end: pvsim publishes the site as each gateway
would (OpenDTU, AhoyDTU, Venus OS, SBFspot, deye, Shelly, Tasmota, Home
Assistant statestream), pvsentry reads it through the preset, and the same
fault scenario opens the same ticket as through pvsentry's own layout.
"""
import os
import re
import signal

import pytest

import harness
from harness import db_query, db_scalar, wait_until
from test_slice import DEV, DEV2, SITE, Slice

try:
    import paho.mqtt.client as mqtt
except ImportError:  # pragma: no cover
    mqtt = None

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)

PORTAL = "c0619ab00001"


def map_section(layout):
    if layout == "json":
        return ""
    lines = ['[mqtt_map "gw"]', "preset = %s" % layout]
    if layout == "deye":
        lines.append("device = %s" % DEV)
    elif layout == "statestream":
        lines.append("field.%s_power = ac_power_w kW @%s" % (DEV, DEV))
        lines.append("field.%s_energy = ac_energy_wh kWh @%s" % (DEV, DEV))
    else:
        lines.append("device = %s %s" % (DEV, DEV))
    if layout == "venus":
        lines.append("prefix = %s" % PORTAL)
        lines.append("keepalive = 1s")
    # A Shelly or Tasmota meter on the inverter's own circuit measures its
    # production: the preset's meter keys, overridden one by one.
    if layout == "shelly":
        lines.append("field.total_act_power = ac_power_w")
        lines.append("field.total_act_energy = ac_energy_wh")
    if layout == "tasmota":
        lines.append("field.energy.power = ac_power_w")
        lines.append("field.energy.total = ac_energy_wh kWh")
    return "\n" + "\n".join(lines) + "\n"


LAYOUTS = ["json", "opendtu", "ahoy", "venus", "sbfspot", "deye", "shelly",
           "tasmota", "statestream"]


# What every preset here carries: the native layout publishes only these in
# the fault test, so all layouts give the rules the same facts.
GATEWAY_METRICS = ("ac_power_w", "ac_energy_wh")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_same_fault_same_ticket(h, pvsentry_bin, pvsim_bin, layout):
    """The inverter faults for an hour at +30m with the sun up: its
    production collapses to zero in every gateway's payloads (the gateways
    publish no state), and the same underperformance ticket opens for the
    device, critical, then resolves, whatever the layout it publishes in."""
    extra = map_section(layout)
    s = Slice(h, extra=extra, grace="5m").start()
    kw = dict(duration="4h", scenarios=["fault@+30m+60m"], layout=layout)
    if layout == "json":
        kw["metrics"] = GATEWAY_METRICS
    if layout == "venus":
        kw["extra"] = ["--prefix", PORTAL]
    keepalives = []
    if layout == "venus" and mqtt:
        c = mqtt.Client(client_id="keepalive-watch")
        c.on_message = lambda cl, ud, m: keepalives.append(m.topic)
        c.connect("127.0.0.1", s.broker.port)
        c.subscribe("R/+/keepalive")
        c.loop_start()
    sim = s.sim(**kw)
    summary = sim.wait(120)
    assert summary["acked"] == summary["messages"] > 0
    wait_until(lambda: s.resolved("underperformance"), 30,
               "the fault to end and the production to recover")
    # (Once pvsim stops at +4h, the silence is another story.)
    tickets = [t for t in s.pv.tickets() if harness.iso_to_ms(next(
        e["ts"] for e in t["events"] if e["kind"] == "opened")) < s.at("4h")]
    assert [t["family"] for t in tickets] == ["underperformance"], tickets
    t = tickets[0]
    assert (t["site"], t["device"]) == (SITE, DEV)
    assert t["fingerprint"] == "%s/%s/underperformance/-" % (SITE, DEV)
    assert t["severity"] == "critical"
    opened = next(e for e in t["events"] if e["kind"] == "opened")
    assert s.at("30m") <= harness.iso_to_ms(opened["ts"]) <= s.at("90m")
    assert t["status"] in ("resolved", "closed"), t
    # The telemetry went through the map into the store, zeros included.
    n = db_scalar(s.db, "SELECT count(*) FROM samples WHERE device_id = ?"
                  " AND metric = 'ac_power_w' AND value = 0 AND ts_ms"
                  " BETWEEN ? AND ?", (DEV, s.at("35m"), s.at("85m")))
    assert n > 30
    if layout == "venus" and mqtt:
        c.loop_stop()
        assert "R/%s/keepalive" % PORTAL in keepalives
    assert s.pv.running


# ---- mqtt-learn -------------------------------------------------------------

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "data", "mqtt")
LEARN_SITE = "home"

LEARN_CONFIG = """\
[global]
database = ${tmp}/pvsentry.db
sim_start = ${sim_start}
sim_speed = ${sim_speed}

[mqtt]
uri = tcp://127.0.0.1:${port}
client_id = pvsentry-learn-test

[site "home"]
latitude = 45.75
longitude = 4.85
timezone = Europe/Paris
"""

# Topics that are no gateway's: a lone "online" is not a Shelly.
UNRELATED = [
    ("zigbee2mqtt/bridge/state", "online"),
    ("home/kitchen/temperature", "21.5"),
    ("homeassistant/sensor/outdoor_temperature/state", "21.5"),
    ("garage/door/online", "true"),
    ("weather/station", '{"temp": 12.5, "wind": 3}'),
]


def fixture(name):
    """(topic, payload, expected) of tests/data/mqtt/NAME.txt."""
    out = []
    with open(os.path.join(FIXTURES, name + ".txt")) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            topic, payload, expect = line.split(" | ")
            out.append((topic.strip(), payload.strip(), expect.strip()))
    return out


def expected_samples():
    """{serial: set of metrics} the learnt config must turn the retained
    OpenDTU and Shelly fixtures into (the last message of each topic)."""
    serial_of = {"hm1": "114182912345", "hm2": "114182967890",
                 "dtu": "-gateway", "grid": "shellypro3em-08f9e0e5c1a4"}
    want = {}
    for topic, payload, expect in fixture("opendtu") + fixture("shelly"):
        if expect in ("ignored", "bad"):
            continue
        if expect == "unknown":
            serial = topic.split("/")[1 if topic.startswith("solar/") else 0]
            metric = ("ac_power_w" if topic.startswith("solar/")
                      else "meter_power_w")
            want.setdefault(serial, set()).add(metric)
            continue
        for item in expect.split(","):
            dev, rest = item.split(":")
            want.setdefault(serial_of[dev], set()).add(rest.split("=")[0])
    return want


# Venus OS instances as the fixture's devices, and what learning names
# them: SERVICE-INSTANCE.
VENUS_DEVICES = {"fronius": "pvinverter-20", "mppt": "solarcharger-279",
                 "vgrid": "grid-30", "bmv": "battery-512",
                 "multi": "vebus-276", "phoenix": "inverter-290"}
VENUS_KINDS = {"pvinverter": "inverter", "solarcharger": "inverter",
               "grid": "meter", "battery": "battery", "vebus": "inverter",
               "inverter": "inverter"}


def venus_retained():
    """The Venus fixture as a broker retains it: the last payload of each
    topic (an empty payload would clear it: not sent)."""
    last = {}
    for topic, payload, expect in fixture("venus"):
        if payload:
            last[topic] = (payload, expect)
    return [(t, p, e) for t, (p, e) in last.items()]


def venus_expected():
    """{SERVICE-INSTANCE: metrics} the learnt Venus map must store."""
    want = {}
    for topic, _, expect in venus_retained():
        if expect == "ignored":
            continue
        if expect == "unknown":  # no such device in the fixture's config
            parts = topic.split("/")
            metric = ("battery_soc_pct" if parts[2] == "battery"
                      else "ac_power_w")
            want.setdefault("%s-%s" % (parts[2], parts[3]), set()).add(
                metric)
            continue
        for item in expect.split(","):
            dev, rest = item.split(":")
            want.setdefault(VENUS_DEVICES[dev], set()).add(
                rest.split("=")[0])
    return want


def test_mqtt_learn_two_presets(h, pvsentry_bin):
    """A broker fed with an OpenDTU, a Shelly Pro 3EM, a Victron GX (PV
    inverter, solar charger, grid meter, battery, Multi, Phoenix) and
    unrelated topics: mqtt-learn prints sections that pass `pvsentry
    check` and, loaded, map every sample it saw; the unrelated topics are
    listed."""
    assert mqtt, "python3-paho-mqtt is required"
    broker = h.start_mosquitto()
    c = mqtt.Client(client_id="feeder")
    c.connect("127.0.0.1", broker.port)
    c.loop_start()
    msgs = [(t, p) for t, p, _ in fixture("opendtu") + fixture("shelly") +
            venus_retained()]
    for topic, payload in msgs + UNRELATED:
        c.publish(topic, payload, qos=1, retain=True).wait_for_publish()
    c.loop_stop()
    c.disconnect()

    cfg = h.write_config(LEARN_CONFIG, port=broker.port)
    pv = h.pvsentry(cfg)
    r = pv.cli("mqtt-learn", "-c", cfg, "--seconds", "2")
    out = r.stdout
    assert "preset = opendtu" in out and "preset = shelly" in out, out
    assert "preset = venus" in out, out
    # OpenDTU and Shelly use their default prefix; Venus has the portal.
    assert re.findall(r"(?m)^prefix = .*$", out) == ["prefix = " + PORTAL]
    unknown = out.split("# not recognised")[1]
    for topic, _ in UNRELATED:
        assert "#   %s\n" % topic in unknown, (topic, out)
    assert "solar/" not in unknown and "shellypro3em" not in unknown, out
    assert "N/" not in unknown, out
    # Each Venus service instance is a device of its kind.
    for name in set(VENUS_DEVICES.values()) | set(venus_expected()):
        service, instance = name.split("-")
        assert ('[device "%s-%s"]\nsite = %s\nkind = %s\nserial = %s\n' % (
            LEARN_SITE, name, LEARN_SITE, VENUS_KINDS[service], instance)
            in out), (name, out)
    assert "%d messages" % (len(set(t for t, _ in msgs + UNRELATED))) in out

    with open(cfg, "a") as f:
        f.write(out)
    r = pv.cli("check", "-c", cfg)
    assert "ok" in r.stdout

    # Loaded, the learnt config maps every retained sample it was shown.
    mark = pv.mark()
    pv.start()
    pv.wait_log(r"mqtt: subscribed", 15, since=mark)
    want = expected_samples()
    want.update(venus_expected())
    db = h.path("pvsentry.db")

    def dev_id(serial):
        if serial == "-gateway":
            return LEARN_SITE + "-opendtu-gateway"
        return LEARN_SITE + "-" + serial

    def missing():
        gone = []
        for serial, metrics in want.items():
            have = {row[0] for row in db_query(
                db, "SELECT DISTINCT metric FROM samples WHERE device_id = ?",
                (dev_id(serial),))}
            gone += ["%s:%s" % (serial, m) for m in metrics - have]
        return gone

    # (An SQLite file exists once pvsentry creates it; a server is there.)
    there = harness.db_target(db) != db or os.path.exists(db)
    wait_until(lambda: (there or os.path.exists(db)) and not missing(), 20,
               "every learnt sample in the store")
    assert not pv.log_lines(r"unknown device|rejected message")


def test_api_device_serial_reads_through_a_map(h):
    """An installer registers a microinverter through the API with the
    serial its OpenDTU publishes under; the config's map reads it."""
    from webapi import WebEnv
    env = WebEnv(h, http_extra='\n[mqtt_map "dtu"]\npreset = opendtu\n')
    env.start().create_users()
    ivan = env.api("ivan")
    mark = env.pv.mark()
    site = {"id": "annecy-01", "name": "Roux chalet", "latitude": 45.9,
            "longitude": 6.12, "timezone": "Europe/Paris", "kwp": 0.8,
            "customer_id": "dupont", "technician_id": "alice"}
    assert ivan.post("/sites", site).status_code == 201
    env.wait_reload(mark)
    mark = env.pv.mark()
    r = ivan.post("/devices", {"id": "annecy-01-hm1", "site_id": "annecy-01",
                               "serial": "114182912345", "kwp": 0.8})
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    assert ivan.get("/devices/annecy-01-hm1").json()["serial"] == \
        "114182912345"
    r = ivan.post("/devices", {"id": "annecy-01-x", "site_id": "annecy-01",
                               "serial": "a" * 65})
    assert r.status_code == 400, r.text
    c = mqtt.Client(client_id="dtu-sim")
    c.connect("127.0.0.1", env.broker.port)
    c.loop_start()
    c.publish("solar/114182912345/0/power", "321.5", qos=1).wait_for_publish()
    c.loop_stop()
    c.disconnect()
    wait_until(lambda: db_scalar(
        env.db, "SELECT value FROM samples WHERE device_id = ? AND metric = "
        "'ac_power_w'", ("annecy-01-hm1",)) == 321.5, 20,
        "the gateway's sample on the API's device")


def test_api_refuses_a_bad_map(h):
    """A map the collector could not read is refused by the API with the
    member at fault and what is expected (the checks `pvsentry check`
    makes), never stored to be dropped later; a good one is taken, and a
    PATCH is checked as well."""
    from webapi import WebEnv, assert_error
    env = WebEnv(h).start().create_users()
    ivan = env.api("ivan")
    bad = [
        ({"preset": "opendtuu"}, "preset", "expected one of opendtu"),
        ({"preset": "venus", "site_id": "lyon-01"}, "settings.prefix",
         "VRM portal ID"),
        ({"settings": {"topic": "gw/{serial}/{fields} plain"}},
         "settings.topic", "unknown wildcard 'fields'"),
        ({"preset": "opendtu", "settings": {"ac.power": "ac_power_w kWh"}},
         "settings.ac.power", "unit 'kWh' does not fit metric"),
        ({"preset": "opendtu", "settings": {"intervall": "5s"}},
         "settings.intervall", "unknown key 'intervall'"),
        ({"preset": "opendtu", "devices": ["114182912345 lyon 01"]},
         "devices", "expected 'SERIAL DEVICE'"),
        ({"site_id": "lyon-01"}, "preset", "a map needs a preset"),
    ]
    for i, (body, field, words) in enumerate(bad):
        body = dict(body, id="bad-%d" % i)
        err = assert_error(ivan.post("/mqtt-maps", body), 400, field)
        assert words in err["error"]["message"], (body, err)
        assert env.admin().get("/mqtt-maps/%s" % body["id"]
                               ).status_code == 404
    mark = env.pv.mark()
    r = ivan.post("/mqtt-maps", {"id": "lyon-venus", "preset": "venus",
                                 "settings": {"prefix": "c0619ab00001"}})
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    assert not env.pv.log_lines(r"left out of the running", since=mark)
    assert_error(ivan.patch("/mqtt-maps/lyon-venus",
                            {"settings": {"keepalive": "2h"}}), 400,
                 "settings.keepalive")
    assert ivan.get("/mqtt-maps/lyon-venus").json()["settings"] == {
        "prefix": "c0619ab00001"}


@pytest.mark.parametrize("layout", ["opendtu", "venus"])
def test_gateway_loses_one_then_all(h, pvsentry_bin, pvsim_bin, layout):
    """Two inverters behind one gateway (an OpenDTU's microinverters, a
    GX's PV inverters): the gateway loses one (one device ticket), later
    the whole gateway goes silent (one site ticket, nothing more for the
    inverters)."""
    extra = """
[mqtt_map "gw"]
preset = %s
device = %s %s
device = %s %s
%s
[rule "no-underperformance"]
family = underperformance
enabled = false
""" % (layout, DEV, DEV, DEV2, DEV2,
       "prefix = %s\nkeepalive = 1s\n" % PORTAL if layout == "venus" else "")
    s = Slice(h, extra=extra, grace="5m", two_devices=True).start()
    kw = {"extra": ["--prefix", PORTAL]} if layout == "venus" else {}
    sim = s.sim(devices=(DEV, DEV2), layout=layout, duration="150m",
                scenarios=["silence/%s@+20m+30m" % DEV2,
                           "silence@+70m+40m"], **kw)
    sim.wait(120)
    wait_until(lambda: len(s.resolved("communication")) >= 2, 30,
               "both silences to resolve")
    comm = [t for t in s.pv.tickets() if t["family"] == "communication"]
    fps = sorted(t["fingerprint"] for t in comm)
    assert fps == sorted(["%s/%s/communication/-" % (SITE, DEV2),
                          "%s/-/communication/site" % SITE]), fps
    assert not s.firing("%s/communication" % DEV)


def test_unknown_serials_counted_never_devices(h, pvsentry_bin):
    """3,000 serials nobody configured on an OpenDTU's topics: each message
    is counted, the complaint is rate-limited, no device appears, and the
    configured inverter's data still flows."""
    extra = '\n[mqtt_map "dtu"]\npreset = opendtu\ndevice = 42 %s\n' % DEV
    s = Slice(h, extra=extra).start()
    c = mqtt.Client(client_id="flood")
    c.connect("127.0.0.1", s.broker.port)
    c.loop_start()
    for i in range(3000):
        c.publish("solar/%012d/0/power" % (900000 + i), "12.5", qos=0)
    c.publish("solar/42/0/power", "321", qos=1).wait_for_publish()
    c.loop_stop()
    c.disconnect()
    wait_until(lambda: db_scalar(
        s.db, "SELECT value FROM samples WHERE device_id = ? AND metric = "
        "'ac_power_w'", (DEV,)) == 321, 20, "the configured inverter's data")

    def stats():
        mark = s.pv.mark()
        s.pv.proc.send_signal(signal.SIGUSR1)
        line = s.pv.wait_log(r"stats: ", 10, since=mark)[0]
        return dict((k, int(v)) for k, v in
                    re.findall(r"(\w+)=(\d+)", line))
    wait_until(lambda: stats().get("mqtt_unknown_device", 0) >= 3000, 20,
               "3000 unknown devices counted")
    complaints = s.pv.log_lines(r"unknown device on 'solar/")
    assert 1 <= len(complaints) <= 4, complaints
    assert db_scalar(s.db, "SELECT count(DISTINCT device_id) FROM samples"
                     ) == 1
    assert db_scalar(s.db, "SELECT count(*) FROM devices WHERE id LIKE "
                     "'%9000%'") == 0


def test_api_mqtt_learn_for_a_site(h):
    """The installer's "find gateways" for a site: the same sections
    mqtt-learn prints, through the API; installers only."""
    from webapi import WebEnv, assert_error
    env = WebEnv(h).start().create_users()
    c = mqtt.Client(client_id="feeder")
    c.connect("127.0.0.1", env.broker.port)
    c.loop_start()
    for topic, payload, _ in fixture("opendtu"):
        c.publish(topic, payload, qos=1, retain=True).wait_for_publish()
    c.loop_stop()
    c.disconnect()
    ivan = env.api("ivan")
    r = ivan.post("/sites/lyon-01/mqtt-learn?seconds=2", {})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["site"] == "lyon-01" and body["seconds"] == 2
    assert "preset = opendtu" in body["config"]
    assert "site = lyon-01" in body["config"]
    assert "serial = 114182912345" in body["config"]
    assert_error(env.api("dupont").post("/sites/lyon-01/mqtt-learn", {}), 403)
    assert_error(ivan.post("/sites/nowhere-01/mqtt-learn", {}), 404)
    assert_error(ivan.post("/sites/lyon-01/mqtt-learn?seconds=600", {}), 400)


def test_dashboard_finds_gateways_for_a_site(h):
    """The site page offers installers "find gateways on the broker" and
    shows the sections mqtt-learn found (screenshot in build/screenshots)."""
    import test_dashboard as dash
    from webapi import WebEnv
    reason = dash._skip_reason()
    if reason:
        pytest.skip(reason)
    env = WebEnv(h).start().create_users()
    c = mqtt.Client(client_id="feeder")
    c.connect("127.0.0.1", env.broker.port)
    c.loop_start()
    for topic, payload, _ in fixture("opendtu") + fixture("shelly"):
        c.publish(topic, payload, qos=1, retain=True).wait_for_publish()
    c.loop_stop()
    c.disconnect()
    b = dash.Browser(env.base, width=1280, height=1400)
    try:
        b.login("ivan")
        b.wait_text("Fleet")
        b.d.execute_script("location.hash = '#/site/lyon-01'")
        b.find("#mqtt-learn-run").click()
        b.wait_text("preset = opendtu", css="#mqtt-learn", timeout=40)
        text = b.text("#mqtt-learn")
        assert "preset = shelly" in text and "site = lyon-01" in text
        b.d.execute_script(
            "document.getElementById('mqtt-learn').scrollIntoView()")
        b.shot("installer-mqtt-learn-desktop")
        assert not b.js_errors()
        assert not b.external_requests()
        # Technicians do not get the button.
        b.go("/")
        b.d.delete_all_cookies()
        b.login("alice")
        b.wait_text("Fleet")
        b.d.execute_script("location.hash = '#/site/lyon-01'")
        b.wait_text("Ticket history")
        assert not b.d.find_elements(dash.By.CSS_SELECTOR, "#mqtt-learn-run")
    finally:
        b.close()


def test_installer_form_refuses_a_bad_map(h):
    """The Register page's map form, as an installer uses it: a Venus OS
    map without the portal ID is refused, the form says which field and
    what it needs and points at the prefix box; with the ID it is taken
    and the daemon reads it (screenshots in build/screenshots)."""
    import test_dashboard as dash
    from webapi import WebEnv
    reason = dash._skip_reason()
    if reason:
        pytest.skip(reason)
    env = WebEnv(h).start().create_users()
    mark = env.pv.mark()
    r = env.api("ivan").post("/sites", {
        "id": "annecy-02", "name": "Roux barn", "latitude": 45.9,
        "longitude": 6.12, "timezone": "Europe/Paris"})
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    b = dash.Browser(env.base, width=1280, height=1600)
    try:
        b.login("ivan")
        b.wait_text("Fleet")
        b.go("/#/install")
        form = b.find("#map-form")
        form.find_element(dash.By.NAME, "id").send_keys("lyon-gx")
        dash.Select(form.find_element(dash.By.NAME, "site_id")
                    ).select_by_value("annecy-02")
        dash.Select(form.find_element(dash.By.NAME, "preset")
                    ).select_by_value("venus")
        b.find("#map-submit").click()
        b.wait_text("settings.prefix: set prefix to the VRM portal ID",
                    css="#map-form", timeout=20)
        prefix = form.find_element(dash.By.NAME, "prefix")
        assert prefix.get_attribute("aria-invalid") == "true"
        b.d.execute_script(
            "document.getElementById('map-form').scrollIntoView()")
        b.shot("installer-mqtt-map-refused")
        assert env.admin().get("/mqtt-maps/lyon-gx").status_code == 404
        prefix.send_keys(PORTAL)
        mark = env.pv.mark()
        b.find("#map-submit").click()
        b.wait_text("mqtt_map 'lyon-gx' created", timeout=30)
        env.wait_reload(mark)
        assert not env.pv.log_lines(r"left out of the running", since=mark)
        got = env.admin().get("/mqtt-maps/lyon-gx").json()
        assert got["preset"] == "venus" and got["site_id"] == "annecy-02"
        assert got["settings"] == {"prefix": PORTAL}
        # (The refused POST is the browser's one "network" error.)
        assert not [e for e in b.js_errors() if e.get("source") != "network"]
        assert not b.external_requests()
    finally:
        b.close()
