# SPDX-License-Identifier: MIT
"""A full engine inbox loses no QoS 1 message.

Paho acknowledges a QoS 1 message before pvsentry's callback runs, so a
full inbox must make the callback wait (and TCP push back on the broker),
not refuse the message. The inbox is made tiny (16) and a burst of QoS 1
messages is published faster than the engine commits; every sample must
end up in the database exactly once.
"""
import json

import paho.mqtt.client as mqtt
import pytest

import harness
from harness import db_scalar, wait_until

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=60)

CONFIG = """\
[global]
database = ${tmp}/pvsentry.db
sim_start = ${sim_start}
sim_speed = ${sim_speed}
inbox_size = 16

[mqtt]
uri = tcp://127.0.0.1:${mqtt_port}
client_id = pvsentry-bp
qos = 1

[site "s1"]
latitude = 45.75
longitude = 4.85

[device "inv1"]
site = s1
"""

MESSAGES = 3000
METRICS = 4


def test_full_inbox_loses_no_qos1_message(h):
    broker = h.start_mosquitto()
    cfg = h.write_config(CONFIG, mqtt_port=broker.port)
    pv = h.start_pvsentry(cfg)
    pv.wait_log(r"mqtt: subscribed", 15)
    c = mqtt.Client(client_id="bp-pub", clean_session=True)
    c.max_inflight_messages_set(1000)
    c.max_queued_messages_set(0)
    c.connect("127.0.0.1", broker.port)
    c.loop_start()
    base = 1718956800
    infos = []
    for i in range(MESSAGES):
        body = {"ts": base + i, "ac_power_w": 1000 + i, "dc_power_w": 1100,
                "temp_heatsink_c": 40 + i % 7, "ac_energy_wh": 5000000 + i}
        infos.append(c.publish("pvsentry/s1/inv1", json.dumps(body), qos=1))
    for info in infos:
        info.wait_for_publish(30)
    c.loop_stop()
    c.disconnect()
    want = MESSAGES * METRICS

    def stored():
        return db_scalar(h.path("pvsentry.db"),
                         "SELECT COUNT(*) FROM samples") == want
    wait_until(stored, 60, "every sample committed")
    # Exactly once, and every message is there.
    assert db_scalar(h.path("pvsentry.db"),
                     "SELECT COUNT(DISTINCT ts_ms) FROM samples") == MESSAGES
    # The inbox really was full (the callback had to wait), nothing was
    # dropped.
    mark = pv.mark()
    pv.proc.send_signal(harness.signal.SIGUSR1)
    pv.wait_log(r"stats: ", 10, since=mark)
    line = [ln for ln in pv.log_text()[mark:].splitlines()
            if "stats: " in ln][-1]
    counters = dict(kv.split("=") for kv in line.split("stats: ")[1].split())
    assert int(counters["mqtt_deferred"]) > 0, line
    assert int(counters["mqtt_dropped"]) == 0, line
    assert int(counters["samples_in"]) == want, line
