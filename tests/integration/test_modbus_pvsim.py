# SPDX-License-Identifier: MIT
"""pvsentry against pvsim's Modbus mode (libmodbus server).

- `pvsentry probe` over TCP and RTU (socat pty pair) against pvsim serving
  the same register images as the pymodbus tests, checked point by point
  against the independent decoder (pysunspec2 JSON images are converted to
  pvsentry's text image format first, which pvsim reads);
- the poller against simulated inverters: values follow the simulated day,
  a scale factor that changes on every request never produces a mixed
  value, and Modbus timeouts / exceptions / dropped connections make a
  device go offline and come back.
"""
import glob
import json
import os
import subprocess

import pytest

import modbus_fixtures as mf
from test_modbus_poller import finish, start_poller, write_config
from test_modbus_probe import check_against_oracle, probe

BUILD = os.environ.get("PVS_BUILD", os.path.join(mf.REPO, "build"))
PVSIM = os.path.join(BUILD, "pvsim")

pytestmark = pytest.mark.skipif(
    not os.path.isdir(mf.MODELS_DIR), reason="../shared not available")

IMAGES = sorted(
    glob.glob(os.path.join(mf.DEVICES_DIR, "pysunspec", "mbmap_*.xml")) +
    glob.glob(os.path.join(mf.DEVICES_DIR, "pysunspec2", "*.json")) +
    glob.glob(os.path.join(mf.OWN_IMAGES, "*.regs")))


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    return mf.build_bench(BUILD, str(tmp_path_factory.mktemp("bench")))


def servable(image, tmp_dir):
    """pvsim reads .regs and mbmap .xml; JSON images become .regs."""
    if not image.endswith(".json"):
        return image
    out = os.path.join(tmp_dir, os.path.basename(image) + ".regs")
    mf.write_text_image(mf.image_from_pysunspec2(image), out)
    return out


def start_pvsim(args, port=None, rtu_peer=None, unit=1):
    proc = mf.Proc([PVSIM, "modbus"] + args)
    if port:
        mf.wait_for(lambda: proc.p.poll() is not None or mf.port_open(port),
                    what="pvsim on port %d" % port)
    else:
        mf.wait_for(lambda: proc.p.poll() is not None or
                    mf.rtu_answers(rtu_peer, unit, 19200),
                    what="pvsim on a pty")
    if proc.p.poll() is not None:
        _, err = proc.stop()
        raise RuntimeError("pvsim failed: " + err[-2000:])
    return proc


@pytest.fixture(scope="module")
def pvsim_images(tmp_path_factory):
    """One pvsim serving every image, one unit id each, on one port."""
    tmp = str(tmp_path_factory.mktemp("img"))
    port = mf.free_port()
    args = ["--listen", "tcp://127.0.0.1:%d" % port]
    units = {}
    for i, image in enumerate(IMAGES):
        units[image] = 10 + i
        args += ["--image", "%s@%d" % (servable(image, tmp), 10 + i)]
    proc = start_pvsim(args, port=port)
    yield port, units
    proc.stop()


@pytest.mark.parametrize("image", IMAGES, ids=os.path.basename)
def test_probe_pvsim_tcp(pvsim_images, image):
    port, units = pvsim_images
    r = probe("tcp://127.0.0.1:%d?unit=%d" % (port, units[image]), "--json")
    assert r.returncode == 0, r.stderr
    check_against_oracle(image, r.stdout)


def test_probe_pvsim_rtu(tmp_path):
    sock, a, b = mf.socat_pair()
    inv = os.path.join(mf.DEVICES_DIR, "pysunspec",
                       "mbmap_test_inverter_3.xml")
    dev = servable(os.path.join(mf.DEVICES_DIR, "pysunspec2",
                                "device_1547.json"), str(tmp_path))
    srv = None
    try:
        srv = start_pvsim(["--listen", "rtu://%s?baud=19200" % a,
                           "--image", "%s@5" % inv, "--image", "%s@6" % dev,
                           "--devices", "1", "--unit-base", "7"],
                          rtu_peer=b, unit=5)
        for unit, image in ((5, inv), (6, dev)):
            r = probe("rtu://%s?baud=19200&unit=%d&timeout=1000" % (b, unit),
                      "--json")
            assert r.returncode == 0, r.stderr
            got = check_against_oracle(
                image if unit == 5 else os.path.join(
                    mf.DEVICES_DIR, "pysunspec2", "device_1547.json"),
                r.stdout)
            assert got["unit"] == unit
        r = probe("rtu://%s?baud=19200&unit=7" % b, "--json")
        assert r.returncode == 0, r.stderr
        got = json.loads(r.stdout)
        assert got["serial"] == "PVSIM-0007"
        assert got["metrics"]["state"] in ("mppt", "sleeping", "off",
                                           "starting", "throttled")
        # Unit 9 is nobody's: a bus stays silent, the probe times out.
        r = probe("rtu://%s?baud=19200&unit=9&timeout=200" % b)
        assert r.returncode == 1
        assert "unit 9" in r.stderr
    finally:
        if srv:
            srv.stop()
        sock.terminate()
        sock.wait()


def test_simulated_day_values(tmp_path):
    """At summer noon the simulated inverter produces; at night it sleeps."""
    port = mf.free_port()
    srv = start_pvsim(["--listen", "tcp://127.0.0.1:%d" % port, "--devices",
                       "2", "--kwp", "10", "--sim-start",
                       "2024-06-21T11:00:00Z"], port=port)
    try:
        noon = json.loads(probe("tcp://127.0.0.1:%d?unit=2" % port,
                                "--json").stdout)
    finally:
        srv.stop()
    m = noon["metrics"]
    assert m["state"] == "mppt"
    assert 1500 < m["ac_power_w"] < 5100  # 5 kWp each
    assert 0.9 <= abs(m["power_factor"]) <= 1.0
    assert m["mppt1_power_w"] + m["mppt2_power_w"] == pytest.approx(
        m["dc_power_w"], abs=2)
    assert noon["serial"] == "PVSIM-0002"
    port = mf.free_port()
    srv = start_pvsim(["--listen", "tcp://127.0.0.1:%d" % port, "--sim-start",
                       "2024-06-21T23:30:00Z"], port=port)
    try:
        night = json.loads(probe("tcp://127.0.0.1:%d" % port,
                                 "--json").stdout)
    finally:
        srv.stop()
    assert night["metrics"]["ac_power_w"] == 0
    assert night["metrics"]["state"] in ("sleeping", "off", "standby")


def test_scale_factor_change_never_mixes(bench, tmp_path):
    port = mf.free_port()
    srv = start_pvsim(["--listen", "tcp://127.0.0.1:%d" % port, "--sim-start",
                       "2024-06-21T11:00:00Z", "--scenario",
                       "sfchange@+0s+1h"], port=port)
    cfg = write_config(tmp_path / "sf.conf", port, [("inv1", 1, "sunspec")],
                       interval="100ms")
    try:
        p, r = start_poller(bench, cfg, 2, samples=True)
        stats, err = finish(p, r)
    finally:
        srv.stop()
    watts = [float(line.split()[3]) for line in r.lines
             if line.startswith("sample inv1 ac_power_w ")]
    assert len(watts) >= 10, err
    # W_SF flips between 0 and -1 on every request; a reader that mixed
    # old and new would see values 10x off.
    assert max(watts) < 1.5 * min(watts), watts


@pytest.mark.parametrize("kind", ["timeout", "exception", "drop"])
def test_misbehaving_device_offline_and_back(bench, tmp_path, kind):
    """Simulated clock at 60x: the scenario runs from +60 s to +4 min of
    simulated time, i.e. from 1 s to 4 s of real time."""
    port = mf.free_port()
    srv = start_pvsim(["--listen", "tcp://127.0.0.1:%d" % port, "--devices",
                       "2", "--sim-start", "2024-06-21T11:00:00Z", "--speed",
                       "60", "--scenario", "%s/0@+60s+3m" % kind], port=port)
    cfg = write_config(tmp_path / "x.conf", port, [("inv1", 1, "sunspec"),
                                                   ("inv2", 2, "sunspec")],
                       interval="200ms", timeout="200ms", offline_after=2,
                       backoff_max="1s")
    try:
        p, r = start_poller(bench, cfg, 12, samples=True)
        r.wait_line(lambda s: s.startswith("status inv1 offline"), 8)
        r.wait_line(lambda s: s.startswith("status inv1 online"), 10)
        p.terminate()
        stats, err = finish(p, r)
    finally:
        srv.stop()
    assert not [s for s in r.lines if s.startswith("status inv2")]
    assert [s for s in r.lines if s.startswith("status inv1")] == [
        s for s in r.lines if s.startswith("status inv1")][:2]
