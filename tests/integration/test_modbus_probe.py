# SPDX-License-Identifier: MIT
"""`pvsentry probe` against pymodbus servers serving SunSpec register images.

Every image in ../shared/data/sunspec/test-devices (pysunspec mbmap XML and
pysunspec2 JSON) and every quirk image in tests/data/sunspec is served over
Modbus TCP; a selection also over RTU through a socat pty pair. The probe's
JSON is checked model by model and point by point against an independent
decoder (modbus_fixtures.oracle), and its metrics against known values.
"""
import glob
import json
import os
import subprocess

import pytest

import modbus_fixtures as mf

BUILD = os.environ.get("PVS_BUILD", os.path.join(mf.REPO, "build"))
PVSENTRY = os.environ.get("PVS_PVSENTRY", os.path.join(BUILD, "pvsentry"))

SHARED_IMAGES = sorted(
    glob.glob(os.path.join(mf.DEVICES_DIR, "pysunspec", "mbmap_*.xml")) +
    glob.glob(os.path.join(mf.DEVICES_DIR, "pysunspec2", "*.json")))
OWN_IMAGES = sorted(glob.glob(os.path.join(mf.OWN_IMAGES, "*.regs")))
RTU_IMAGES = [p for p in SHARED_IMAGES
              if os.path.basename(p) in ("mbmap_test_inverter_2.xml",
                                         "device_1547.json",
                                         "mbmap_test_device_1.xml")]

pytestmark = pytest.mark.skipif(
    not os.path.isdir(mf.MODELS_DIR), reason="../shared not available")


def probe(url, *extra, timeout=60):
    return subprocess.run([PVSENTRY, "probe", url] + list(extra),
                          capture_output=True, text=True, timeout=timeout)


def check_against_oracle(image, out):
    want = mf.oracle(mf.load_image(image))
    got = json.loads(out)
    assert got["base"] == want["base"]
    assert [(m["id"], m["length"]) for m in got["models"]] == \
        [(m["id"], m["length"]) for m in want["models"]]
    diffs = []
    for gm, wm in zip(got["models"], want["models"]):
        assert gm["name"] == wm["name"]
        diffs += ["model %d: %s" % (wm["id"], d)
                  for d in mf.compare_points(gm["points"], wm["points"])]
    assert not diffs, "\n".join(diffs[:40])
    return got


@pytest.fixture(scope="module")
def tcp_server():
    """One pymodbus TCP server per image, started on demand and reused."""
    servers = {}

    def get(image):
        if image not in servers:
            port = mf.free_port()
            servers[image] = (mf.start_pymodbus({1: image}, tcp_port=port),
                              port)
        return servers[image][1]

    yield get
    for proc, _ in servers.values():
        proc.stop()


@pytest.mark.parametrize("image", SHARED_IMAGES + OWN_IMAGES,
                         ids=os.path.basename)
def test_probe_tcp_matches_image(tcp_server, image):
    port = tcp_server(image)
    r = probe("tcp://127.0.0.1:%d?unit=1&timeout=2000" % port, "--json")
    assert r.returncode == 0, r.stderr
    check_against_oracle(image, r.stdout)


def test_probe_text_output(tcp_server):
    image = os.path.join(mf.DEVICES_DIR, "pysunspec",
                         "mbmap_test_inverter_1.xml")
    r = probe("tcp://127.0.0.1:%d" % tcp_server(image))
    assert r.returncode == 0, r.stderr
    assert "SunSpec base 40000" in r.stdout
    assert "serial 'sn-123456789'" in r.stdout
    assert "model 103 inverter_three_phase (length 50" in r.stdout
    assert "PPVphAB = not implemented" in r.stdout
    assert "WH = 1234567 Wh" in r.stdout
    assert "state = off" in r.stdout
    assert "event_bits = 3 (GROUND_FAULT,DC_OVER_VOLT)" in r.stdout


def test_probe_inverter_1_metrics(tcp_server):
    """Values from the image's comments (mbmap_test_inverter_1.xml)."""
    image = os.path.join(mf.DEVICES_DIR, "pysunspec",
                         "mbmap_test_inverter_1.xml")
    r = probe("tcp://127.0.0.1:%d" % tcp_server(image), "--json")
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    m = got["metrics"]
    assert m["ac_power_w"] == 2970
    assert m["ac_energy_wh"] == 1234567
    assert m["ac_current_a"] == pytest.approx(12.4)
    assert m["ac_voltage_v"] == pytest.approx(240.1)
    assert m["ac_frequency_hz"] == pytest.approx(59.99)
    assert m["power_factor"] == pytest.approx(0.995)
    assert m["dc_power_w"] == 3001
    assert m["temp_cabinet_c"] == pytest.approx(40.1)
    assert m["temp_heatsink_c"] == pytest.approx(40.2)
    assert m["state"] == "off"
    assert m["event_bits"] == 3
    assert "meter_power_w" not in m
    assert got["serial"] == "sn-123456789"
    assert got["models"][1]["points"]["PPVphAB"] is None


def test_probe_der_1547_metrics(tcp_server):
    """device_1547.json: 701 St=2, W=9800, PF=985 (SF -3), Hz, TmpCab."""
    image = os.path.join(mf.DEVICES_DIR, "pysunspec2", "device_1547.json")
    r = probe("tcp://127.0.0.1:%d" % tcp_server(image), "--json")
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    with open(image, encoding="utf-8") as fh:
        dev = json.load(fh)
    src = {m["ID"]: m for m in dev["models"]}[701]
    m = got["metrics"]
    assert m["ac_power_w"] == src["W"] * 10 ** src["W_SF"]
    assert m["power_factor"] == pytest.approx(src["PF"] * 10 ** src["PF_SF"])
    assert m["ac_frequency_hz"] == pytest.approx(
        src["Hz"] * 10 ** src["Hz_SF"])
    assert m["temp_cabinet_c"] == pytest.approx(
        src["TmpCab"] * 10 ** src["Tmp_SF"])
    assert [x["id"] for x in got["models"]] == [
        x["ID"] for x in dev["models"] if x["ID"] != 65535]


def test_probe_repeating_groups(tcp_server):
    image = os.path.join(mf.DEVICES_DIR, "pysunspec",
                         "mbmap_test_inverter_3.xml")
    r = probe("tcp://127.0.0.1:%d" % tcp_server(image), "--json")
    assert r.returncode == 0, r.stderr
    got = check_against_oracle(image, r.stdout)
    mppt = [x for x in got["models"] if x["id"] == 160]
    assert len(mppt) == 3
    assert all(isinstance(x["points"]["module"], list) for x in mppt)
    assert any(k.startswith("mppt1_") for k in got["metrics"])


QUIRKS = {
    "inverter_pf_percent.regs": ("pf_percent", {"power_factor": 0.985}),
    "inverter_pf_negative.regs": ("pf_negative_producing",
                                  {"power_factor": -0.998}),
    "common_len_65.regs": ("common_len_65", {"ac_power_w": 3100}),
    "chain_end_zero.regs": ("chain_end_zero", {}),
    "chain_end_exception.regs": ("chain_end_exception", {}),
    "len_past_map.regs": ("length_past_map", {"ac_power_w": 5520,
                                              "state": None}),
    "evt_all_ones.regs": ("event_all_ones", {"event_bits": None}),
    "meter_ll_zero.regs": ("ll_voltage_zero", {"meter_power_w": -1500,
                                               "meter_energy_export_wh":
                                               4500000}),
    "float_nan.regs": ("float_nan", {"power_factor": None,
                                     "ac_power_w": 5520}),
}


@pytest.mark.parametrize("name", sorted(QUIRKS))
def test_probe_quirk_warnings(tcp_server, name):
    quirk, metrics = QUIRKS[name]
    image = os.path.join(mf.OWN_IMAGES, name)
    r = probe("tcp://127.0.0.1:%d" % tcp_server(image), "--json")
    assert r.returncode == 0, r.stderr
    assert "warning: %s:" % quirk in r.stderr
    got = json.loads(r.stdout)
    assert quirk in got["quirks"]
    for k, v in metrics.items():
        assert k in got["metrics"], k
        if v is None:
            assert got["metrics"][k] is None
        else:
            assert got["metrics"][k] == pytest.approx(v)


def test_probe_no_device():
    port = mf.free_port()
    r = probe("tcp://127.0.0.1:%d?timeout=300" % port)
    assert r.returncode == 1
    assert "no answer from 'tcp://127.0.0.1:%d' unit 1" % port in r.stderr
    assert "connection refused" in r.stderr.lower()


def test_probe_wrong_unit(tcp_server):
    image = os.path.join(mf.DEVICES_DIR, "pysunspec",
                         "mbmap_test_inverter_1.xml")
    r = probe("tcp://127.0.0.1:%d?unit=7&timeout=300" % tcp_server(image))
    assert r.returncode == 1
    assert "unit 7" in r.stderr
    assert "wrong unit id" in r.stderr


def test_probe_not_sunspec(tmp_path):
    img = tmp_path / "plain.regs"
    img.write_text("@0 1 2 3 4 5 6 7 8\n@40000 9 9\n@50000 0 0\n")
    port = mf.free_port()
    srv = mf.start_pymodbus({1: str(img)}, tcp_port=port)
    try:
        r = probe("tcp://127.0.0.1:%d" % port)
    finally:
        srv.stop()
    assert r.returncode == 1
    assert "no SunSpec marker at 40000, 0 or 50000" in r.stderr
    assert "[map]" in r.stderr


def test_probe_bad_url():
    r = probe("udp://x")
    assert r.returncode == 2
    assert "unsupported url 'udp://x'" in r.stderr


@pytest.fixture
def pty_pair():
    proc, a, b = mf.socat_pair()
    yield a, b
    proc.terminate()
    proc.wait()


@pytest.mark.parametrize("image", RTU_IMAGES, ids=os.path.basename)
def test_probe_rtu_matches_image(pty_pair, image):
    server_end, client_end = pty_pair
    srv = mf.start_pymodbus({3: image}, rtu=server_end, baud=19200,
                            rtu_peer=client_end)
    try:
        r = probe("rtu://%s?baud=19200&parity=N&unit=3&timeout=1000"
                  % client_end, "--json")
    finally:
        srv.stop()
    assert r.returncode == 0, r.stderr
    check_against_oracle(image, r.stdout)
