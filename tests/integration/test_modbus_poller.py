# SPDX-License-Identifier: MIT
"""pvsentry's Modbus poller against pymodbus servers on loopback.

The poller runs in tests/bench/modbus_bench.c (`poller CONFIG SECONDS`),
built against the library under test, which prints every DEVICE_STATUS,
DEVICE_INFO and SOURCE_HEALTH message it receives and, with PVS_SAMPLES=1,
every sample.
"""
import collections
import os
import re
import subprocess

import pytest

import harness
import modbus_fixtures as mf

BUILD = os.environ.get("PVS_BUILD", os.path.join(mf.REPO, "build"))
INVERTER = os.path.join(mf.DEVICES_DIR, "pysunspec",
                        "mbmap_test_inverter_2.xml")

pytestmark = pytest.mark.skipif(
    not os.path.isdir(mf.MODELS_DIR), reason="../shared not available")


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    return mf.build_bench(BUILD, str(tmp_path_factory.mktemp("bench")))


def write_config(path, port, devices, interval="200ms", timeout="200ms",
                 offline_after=2, backoff_max="1s", extra=""):
    lines = ['[site "s1"]', "latitude = 45.75", "longitude = 4.85", "",
             '[endpoint "gw1"]', "url = tcp://127.0.0.1:%d" % port,
             "timeout = %s" % timeout, "offline_after = %d" % offline_after,
             "backoff_max = %s" % backoff_max, ""]
    for name, unit, profile in devices:
        lines += ['[device "%s"]' % name, "site = s1", "endpoint = gw1",
                  "unit_id = %d" % unit, "profile = %s" % profile,
                  "interval = %s" % interval, ""]
    path.write_text("\n".join(lines) + extra)
    return str(path)


def start_poller(bench, config, seconds, samples=False):
    env = dict(os.environ)
    if samples:
        env["PVS_SAMPLES"] = "1"
    p = subprocess.Popen([bench, "poller", config, str(seconds)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env)
    return p, mf.LineReader(p)


def finish(p, reader, timeout=30):
    import time
    deadline = time.monotonic() + timeout
    # Keep draining stdout while waiting, or a chatty poller blocks.
    while p.poll() is None and time.monotonic() < deadline:
        reader.poll(0.1)
    p.wait(timeout=max(0.1, deadline - time.monotonic()))
    while True:
        before = len(reader.lines)
        reader.poll(0.05)
        if len(reader.lines) == before:
            break
    err = p.stderr.read().decode()
    stats = {}
    for line in reader.lines:
        k, _, v = line.partition(" ")
        if k in ("polls", "reads", "failed", "dropped", "samples", "cpu"):
            stats[k] = float(v)
    return stats, err


def test_device_offline_and_back(bench, tmp_path):
    port = mf.free_port()
    cfg = write_config(tmp_path / "p.conf", port, [("inv1", 1, "sunspec")])
    srv = mf.start_pymodbus({1: INVERTER}, tcp_port=port)
    p, r = start_poller(bench, cfg, 20)
    try:
        info = r.wait_line(lambda s: s.startswith("info inv1"), 10)
        assert "serial=sn-123456789" in info
        srv.stop()
        r.wait_line(lambda s: s.startswith("status inv1 offline"), 10)
        srv = mf.start_pymodbus({1: INVERTER}, tcp_port=port)
        r.wait_line(lambda s: s.startswith("status inv1 online"), 10)
    finally:
        srv.stop()
        p.terminate()
        stats, err = finish(p, r)
    statuses = [s for s in r.lines if s.startswith("status inv1")]
    # Logged and sent once each way, not once per failed poll.
    assert len(statuses) == 2, statuses
    assert err.count("is offline after 2 failed polls") == 1, err
    assert err.count("is back online") == 1, err


def test_dead_unit_does_not_slow_the_others(bench, tmp_path):
    """A gateway with 10 unit ids, one dead: the other nine keep their
    interval; the dead one costs at most one timeout per cycle."""
    port = mf.free_port()
    units = {u: INVERTER for u in range(1, 10)}
    devices = [("inv%d" % u, u, "sunspec") for u in range(1, 11)]
    cfg = write_config(tmp_path / "gw.conf", port, devices, interval="500ms",
                       timeout="200ms", offline_after=3, backoff_max="2s")
    srv = mf.start_pymodbus(units, tcp_port=port)
    seconds = 6
    try:
        p, r = start_poller(bench, cfg, seconds, samples=True)
        stats, err = finish(p, r, timeout=seconds + 20)
    finally:
        srv.stop()
    polls = collections.Counter()
    for line in r.lines:
        f = line.split()
        if f[0] == "sample" and f[2] == "ac_power_w":
            polls[f[1]] += 1
    assert "status inv10 offline" in "\n".join(r.lines)
    # 6 s at 500 ms is 12 polls; allow the first-poll spread, discovery
    # and one timeout per cycle (200 ms) for the dead unit.
    for u in range(1, 10):
        assert polls["inv%d" % u] >= 9, (u, polls)
    assert polls["inv10"] == 0


def test_register_map_device(bench, tmp_path):
    port = mf.free_port()
    img = tmp_path / "sdm.regs"
    # SDM630-like input registers: float32 big-endian.
    img.write_text("@0 f32:231.5 @52 f32:-1250.5 @70 f32:50.02 "
                   "f32:1234.5 f32:42.25\n")
    cfg = write_config(
        tmp_path / "m.conf", port, [("meter1", 1, "eastron-sdm630")],
        extra="\ninclude = %s\n" % os.path.join(mf.REPO, "deploy", "maps",
                                                "eastron-sdm630.conf"))
    srv = mf.start_pymodbus({1: str(img)}, tcp_port=port)
    try:
        p, r = start_poller(bench, cfg, 1.5, samples=True)
        stats, err = finish(p, r)
    finally:
        srv.stop()
    got = {}
    for line in r.lines:
        f = line.split()
        if f[0] == "sample":
            got[f[2]] = (float(f[3]), f[4])
    assert got["meter_power_w"] == (-1250.5, "ok"), err
    assert got["meter_energy_import_wh"] == (1234500.0, "ok")
    assert got["meter_energy_export_wh"] == (42250.0, "ok")
    assert got["ac_voltage_v"] == (231.5, "ok")
    assert abs(got["ac_frequency_hz"][0] - 50.02) < 1e-3
    assert stats["failed"] == 0


def test_replaced_device_reports_new_serial(bench, tmp_path):
    """The inverter behind unit 1 is swapped while offline: the poller
    discovers it again and sends DEVICE_INFO with the new serial."""
    port = mf.free_port()
    old = os.path.join(mf.OWN_IMAGES, "inverter_pf_negative.regs")
    new = os.path.join(mf.OWN_IMAGES, "common_len_65.regs")
    cfg = write_config(tmp_path / "r.conf", port, [("inv1", 1, "sunspec")])
    srv = mf.start_pymodbus({1: old}, tcp_port=port)
    p, r = start_poller(bench, cfg, 20)
    try:
        r.wait_line(lambda s: s.startswith("info inv1 serial=SN-0001"), 10)
        srv.stop()
        r.wait_line(lambda s: s.startswith("status inv1 offline"), 10)
        srv = mf.start_pymodbus({1: new}, tcp_port=port)
        r.wait_line(lambda s: s.startswith("info inv1 serial=7F123456"), 10)
        r.wait_line(lambda s: s.startswith("status inv1 online"), 10)
    finally:
        srv.stop()
        p.terminate()
        finish(p, r)


def test_endpoint_that_answers_only_exceptions_is_down(bench, tmp_path):
    """A gateway that answers every read of its only device with a Modbus
    exception: after offline_after polls the endpoint is down, named
    "exception", said once; a gateway with one such unit among live ones
    is not (the device is offline, the link is fine)."""
    port = mf.free_port()
    img = tmp_path / "elsewhere.regs"
    img.write_text("@1000 1 2 3 4\n")  # nothing where the map reads
    include = "\ninclude = %s\n" % os.path.join(mf.REPO, "deploy", "maps",
                                                "eastron-sdm630.conf")
    cfg = write_config(tmp_path / "x.conf", port,
                       [("meter1", 1, "eastron-sdm630")], extra=include)
    srv = mf.start_pymodbus({1: str(img)}, tcp_port=port)
    p, r = start_poller(bench, cfg, 20)
    try:
        r.wait_line(lambda s: s.startswith("health endpoint:gw1 down"), 10)
    finally:
        srv.stop()
        p.terminate()
        stats, err = finish(p, r)
    assert len(re.findall(r"endpoint 'gw1' \(.*is down", err)) == 1, err
    assert "is down (exception)" in err, err

    live = os.path.join(mf.OWN_IMAGES, "inverter_pf_negative.regs")
    port = mf.free_port()
    srv = mf.start_pymodbus({1: live, 2: str(img)}, tcp_port=port)
    cfg = write_config(tmp_path / "y.conf", port,
                       [("inv1", 1, "sunspec"), ("meter2", 2,
                                                 "eastron-sdm630")],
                       timeout="2s", extra=include)
    p, r = start_poller(bench, cfg, 20)
    try:
        r.wait_line(lambda s: s.startswith("status meter2 offline"), 10)
        r.wait_line(lambda s: s.startswith("info inv1"), 10)
    finally:
        srv.stop()
        p.terminate()
        stats, err = finish(p, r)
    assert not [s for s in r.lines if s.startswith("health endpoint:")], \
        r.lines
    assert "is down" not in err, err


def test_stop_with_a_full_inbox_nobody_drains(bench, tmp_path):
    """The engine stopped draining the inbox, which is full: stopping the
    poller gives up the push under way (it would wait 1 s per message)."""
    port = mf.free_port()  # nothing listens: every poll fails at once
    devices = [("inv%d" % u, u, "sunspec") for u in range(1, 21)]
    cfg = write_config(tmp_path / "s.conf", port, devices, interval="100ms",
                       offline_after=1)
    out = subprocess.run([bench, "stop", cfg], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    got = dict(line.split(" ", 1) for line in out.stdout.splitlines())
    assert int(got["full"]) >= 1, out.stdout
    # Well below the second a push waits for room, even on a busy machine.
    limit = min(500 * harness.TIMEOUT_SCALE, 800)
    assert int(got["stop_ms"]) < limit, out.stdout
