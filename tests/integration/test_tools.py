# SPDX-License-Identifier: MIT
"""The test tools themselves: pvsim, the sinks and the harness.

These run without pvsentry, so a failure here points at the tools, not at
the daemon. A subscriber (python3-paho-mqtt) checks what pvsim really put
on the broker.
"""
import hashlib
import hmac
import json
import smtplib
import threading
import urllib.error
import urllib.request
from email.message import EmailMessage

import pytest

import harness

try:
    import paho.mqtt.client as mqtt
except ImportError:  # pragma: no cover
    mqtt = None


class Collector:
    """Subscribes to pvsentry/# (QoS 1) and keeps every message."""

    def __init__(self, port, client_id="collector", clean_session=True):
        self.msgs = []
        self.lock = threading.Lock()
        self.subscribed = threading.Event()
        self.c = mqtt.Client(client_id=client_id,
                             clean_session=clean_session)
        self.c.on_connect = lambda c, u, f, rc: c.subscribe("pvsentry/#", 1)
        self.c.on_subscribe = lambda *a: self.subscribed.set()
        self.c.on_message = self._on_message
        self.c.connect("127.0.0.1", port)
        self.c.loop_start()
        harness.wait_until(self.subscribed.is_set, 10, "subscription")

    def _on_message(self, c, u, m):
        with self.lock:
            self.msgs.append((m.topic, m.payload.decode()))

    def messages(self):
        with self.lock:
            return list(self.msgs)

    def close(self):
        self.c.loop_stop()
        self.c.disconnect()


@pytest.fixture
def collector(mosquitto):
    if mqtt is None:
        pytest.skip("python3-paho-mqtt missing")
    c = Collector(mosquitto.port)
    yield c
    c.close()


@pytest.mark.sim_clock(start="2024-06-21T09:00:00Z", speed=3600)
def test_pvsim_json_counts_and_scenarios(h, pvsim_bin, mosquitto, collector):
    sim = h.start_pvsim(mosquitto, "site-a", devices=["inv1", "inv2"],
                        kwp=8, interval="5m", duration="3h",
                        scenarios=["fault/inv2@+1h+30m",
                                   "silence/inv1@+2h+20m",
                                   "breach@+150m+10m:temp_heatsink_c=97"])
    s = sim.wait(60)
    # 36 instants x 2 devices, minus inv1's 4 silent instants.
    assert s["readings"] == 72
    assert s["silent"] == 4
    assert s["messages"] == 68 == s["acked"]
    assert s["devices"]["inv1"]["messages"] == 32
    harness.wait_until(lambda: len(collector.messages()) >= 68, 10,
                       "68 messages at the subscriber")
    msgs = collector.messages()
    assert len(msgs) == 68
    start = h.clock.start_ms / 1000
    by_dev = {"inv1": [], "inv2": []}
    for topic, payload in msgs:
        assert topic.startswith("pvsentry/site-a/")
        by_dev[topic.rsplit("/", 1)[1]].append(json.loads(payload))
    assert sum(len(v) for v in by_dev.values()) == 68
    fault = [p for p in by_dev["inv2"] if p["state"] == "fault"]
    assert [p["ts"] - start for p in fault] == [3600 + 300 * i
                                                for i in range(6)]
    assert all(p["ac_power_w"] == 0 for p in fault)
    ok = [p for p in by_dev["inv2"] if p["state"] != "fault"]
    assert all(p["state"] == "mppt" and p["ac_power_w"] > 500 for p in ok)
    # Silence: inv1 has no sample from +2h to +2h20m.
    gap = [p for p in by_dev["inv1"] if 7200 <= p["ts"] - start < 8400]
    assert gap == []
    hot = [p for p in by_dev["inv1"] if p["temp_heatsink_c"] == 97]
    assert [p["ts"] - start for p in hot] == [9000, 9300]
    # The lifetime counter never goes backwards and stalls during the fault.
    for dev, ps in by_dev.items():
        e = [p["ac_energy_wh"] for p in sorted(ps, key=lambda p: p["ts"])]
        assert e == sorted(e), dev
    fe = [p["ac_energy_wh"] for p in fault]
    assert max(fe) - min(fe) < 1.0


@pytest.mark.sim_clock(start="2024-06-21T10:00:00Z", speed=3600)
def test_pvsim_flat_layout(h, pvsim_bin, mosquitto, collector):
    sim = h.start_pvsim(mosquitto, "s", devices=["d"], interval="10m",
                        duration="1h", layout="flat",
                        metrics=["ac_power_w", "state", "ac_energy_wh"])
    s = sim.wait(60)
    assert s["messages"] == s["samples"] == 18 == s["acked"]
    harness.wait_until(lambda: len(collector.messages()) >= 18, 10, "18")
    topics = {t for t, _ in collector.messages()}
    assert topics == {"pvsentry/s/d/ac_power_w", "pvsentry/s/d/state",
                      "pvsentry/s/d/ac_energy_wh"}
    states = {p for t, p in collector.messages() if t.endswith("/state")}
    assert states == {"mppt"}
    for t, p in collector.messages():
        if not t.endswith("/state"):
            float(p)


@pytest.mark.sim_clock(start="2024-06-21T10:00:00Z", speed=720)
def test_pvsim_buffers_across_broker_restart(h, pvsim_bin, mosquitto):
    """QoS 1 messages published while the broker is down reach it later."""
    c = Collector(mosquitto.port, client_id="keeper", clean_session=False)
    c.close()
    sim = h.start_pvsim(mosquitto, "s", devices=["d"], interval="60s",
                        duration="2h")   # 10 s of real time
    sim.proc.wait_log(r"pvsim: connected", 10)
    h.clock.wait_for(h.clock.start_ms + 20 * 60000)
    mosquitto.stop()
    h.clock.wait_for(h.clock.start_ms + 50 * 60000)
    mosquitto.start()
    s = sim.wait(60)
    assert s["messages"] == 120 == s["acked"]
    assert "connection lost" in sim.proc.log_text()
    # A persistent subscriber session got every message, in order.
    got = []
    done = threading.Event()
    k = mqtt.Client(client_id="keeper", clean_session=False)

    def on_message(cl, u, m):
        got.append(json.loads(m.payload)["ts"])
        if len(got) >= 120:
            done.set()
    k.on_message = on_message
    k.on_connect = lambda cl, u, f, rc: cl.subscribe("pvsentry/#", 1)
    k.connect("127.0.0.1", mosquitto.port)
    k.loop_start()
    try:
        harness.wait_until(done.is_set, 15, "120 queued messages")
    finally:
        k.loop_stop()
        k.disconnect()
    assert len(set(got)) == 120


def test_pvsim_rejects_bad_scenario(h, pvsim_bin):
    p = h.spawn("pvsim-bad", [pvsim_bin, "mqtt", "--site", "s",
                              "--scenario", "melt@+1h+1h"])
    assert p.wait(10) == 1
    assert "unknown scenario 'melt'" in p.log_text()


def _send(port, subject):
    m = EmailMessage()
    m["From"] = "pvsentry@example.test"
    m["To"] = "tech@example.test"
    m["Subject"] = subject
    m["Message-ID"] = "<%s@example.test>" % subject
    m.set_content("hello\n")
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as s:
        s.send_message(m)


def test_smtp_sink_writes_eml(h):
    sink = h.start_smtp_sink()
    _send(sink.port, "one")
    _send(sink.port, "two")
    mails = sink.wait_mails(2, 10)
    assert [m["Subject"] for m in mails] == ["one", "two"]
    assert mails[0]["X-Sink-Rcpt-To"] == "tech@example.test"
    assert harness.mail_body(mails[0]).strip() == "hello"
    assert not [f for f in __import__("os").listdir(sink.maildir)
                if f.endswith(".tmp")]


def test_smtp_sink_rejects_then_accepts(h):
    sink = h.start_smtp_sink(reject=451, reject_count=1)
    with pytest.raises(smtplib.SMTPDataError) as e:
        _send(sink.port, "first")
    assert e.value.smtp_code == 451
    _send(sink.port, "second")
    assert [m["Subject"] for m in sink.wait_mails(1, 10)] == ["second"]


def test_http_sink_fails_then_verifies_hmac(h, http_sink):
    sink = http_sink(fail=2, secret="k3y")
    body = b'{"ticket": 1}'
    sig = hmac.new(b"k3y", body, hashlib.sha256).hexdigest()

    def post(signature):
        req = urllib.request.Request(
            sink.url + "hook", data=body, method="POST",
            headers={"X-Pvsentry-Signature": signature,
                     "Content-Type": "application/json"})
        try:
            return urllib.request.urlopen(req, timeout=10).status
        except urllib.error.HTTPError as err:
            return err.code
    assert [post("sha256=" + sig) for _ in range(3)] == [500, 500, 200]
    assert post("sha256=" + "0" * 64) == 401
    reqs = sink.wait_requests(4, 10)
    assert [r["hmac"] for r in reqs] == [True, True, True, False]
    assert reqs[0]["path"] == "/hook" and reqs[0]["body"] == body.decode()


def test_sim_clock_matches_pvsim(h, pvsim_bin, mosquitto, collector):
    """pvsim publishes instant t when the shared clock reaches t."""
    h.set_clock("2024-06-21T12:00:00Z", 60,
                origin_ms=harness.now_ms() + 1000)
    sim = h.start_pvsim(mosquitto, "s", devices=["d"], interval="60s",
                        duration="3m")
    sim.wait(30)
    assert h.clock.now() >= h.clock.start_ms + 2 * 60000
    harness.wait_until(lambda: len(collector.messages()) == 3, 5, "3")
