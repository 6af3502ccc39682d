# SPDX-License-Identifier: MIT
"""Gateway layouts end to end: pvsim publishes the site as each gateway
would (OpenDTU, AhoyDTU, Venus OS, SBFspot, deye, Shelly, Tasmota, Home
Assistant statestream), pvsentry reads it through the preset, and the same
fault scenario opens the same ticket as through pvsentry's own layout.
"""
import pytest

import harness
from harness import db_scalar, wait_until
from test_slice import DEV, SITE, Slice

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
    return "\n" + "\n".join(lines) + "\n"


LAYOUTS = ["json", "opendtu", "ahoy", "venus", "sbfspot", "deye", "shelly",
           "tasmota", "statestream"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_same_fault_same_ticket(h, pvsentry_bin, pvsim_bin, layout):
    """The inverter goes silent for an hour at +30m: one communication
    ticket for the device, whatever the layout it publishes in."""
    extra = map_section(layout) + """
[rule "no-underperformance"]
family = underperformance
enabled = false
"""
    s = Slice(h, extra=extra, grace="5m").start()
    kw = dict(duration="2h", scenarios=["silence@+30m+60m"], layout=layout)
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
    summary = sim.wait(90)
    assert summary["acked"] == summary["messages"] > 0
    wait_until(lambda: s.resolved("communication"), 30,
               "the silence to end and resolve")
    tickets = s.pv.tickets()
    comm = [t for t in tickets if t["family"] == "communication"]
    assert len(comm) == 1, tickets
    t = comm[0]
    assert (t["site"], t["device"]) == (SITE, DEV)
    assert t["fingerprint"] == "%s/%s/communication/" % (SITE, DEV) or \
        t["fingerprint"].startswith("%s/%s/communication" % (SITE, DEV))
    opened = next(e for e in t["events"] if e["kind"] == "opened")
    assert s.at("40m") <= harness.iso_to_ms(opened["ts"]) <= s.at("60m")
    # The telemetry went through the map into the store.
    n = db_scalar(s.db, "SELECT count(*) FROM samples WHERE device_id = ?",
                  (DEV,))
    assert n > 0
    if layout == "venus" and mqtt:
        c.loop_stop()
        assert "R/%s/keepalive" % PORTAL in keepalives
    assert s.pv.running
