# SPDX-License-Identifier: MIT
"""pvsentry backtest on the shared measured data: the quality targets of
the rule engine (recall, false alerts, detection delay) as assertions."""
import json
import os
import subprocess
from datetime import datetime

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
BUILD = os.environ.get("PVS_BUILD", os.path.join(ROOT, "build"))
PVSENTRY = os.path.join(BUILD, "pvsentry")
DATA = os.path.abspath(os.path.join(ROOT, "..", "shared", "data", "pv-timeseries"))
CONF = os.path.join(ROOT, "tests", "data", "backtest")


def backtest(conf, csv, *args):
    path = os.path.join(DATA, csv)
    if not os.path.exists(path):
        pytest.skip("shared data not available: %s" % path)
    cmd = [PVSENTRY, "backtest", "-c", os.path.join(CONF, conf),
           "--csv", path, "--json", *args]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert "backtest:" in p.stderr
    return [json.loads(line) for line in p.stdout.splitlines() if line]


def ts(s):
    return datetime.fromisoformat(s)


def test_json_shape():
    alerts = backtest("r23.conf", "pvops/example_prod_data_cumE2.csv",
                      "--time-column", "Date", "--filter", "randid=R23",
                      "--map", "ac_energy_wh=Energy*1000",
                      "--map", "poa_irradiance_wm2=Irradiance")
    assert alerts
    for a in alerts:
        assert set(["fingerprint", "rule", "device", "severity", "opened",
                    "resolved", "lost_kwh", "lost_kwh_per_day",
                    "explanation"]) <= set(a)
        assert a["severity"] in ("info", "warning", "critical")
        ts(a["opened"])


def test_rsf2_outage_first_daylight_hour():
    alerts = backtest("rsf2.conf", "pvanalytics/nrel_RSF_II.csv",
                      "--tz", "-07:00",
                      "--map", "ac_power_w=inv2_ac_power_w__1047",
                      "--map", "poa_irradiance_wm2=poa_irradiance__1055",
                      "--map", "module_temp_c=module_temp__1056",
                      "--map", "ambient_temp_c=ambient_temp__1053")
    day6 = [a for a in alerts if a["opened"].startswith("2022-01-06")]
    other = [a for a in alerts if not a["opened"].startswith("2022-01-06")]
    assert not other, other
    assert day6
    # Light reaches the POA sensor at 09:45 in this file's clock.
    assert min(ts(a["opened"]) for a in day6) <= ts("2022-01-06T10:45:00-07:00")


def test_site27_hurricane():
    alerts = backtest("site27.conf", "pvops/example_perf_data.csv",
                      "--time-column", "Date",
                      "--map", "ac_power_w=AC_POWER*1000",
                      "--map", "ac_energy_wh=energy_delivered*1000",
                      "--map", "poa_irradiance_wm2=POAirradiance")
    hit = [a for a in alerts
           if a["rule"] in ("underperformance", "communication")
           and ts(a["opened"]) <= ts("2018-09-15T10:00:00-04:00")]
    assert hit
    assert ts(hit[0]["opened"]) >= ts("2018-09-14T00:00:00-04:00")


def test_r23_work_orders_and_data_defects():
    alerts = backtest("r23.conf", "pvops/example_prod_data_cumE2.csv",
                      "--time-column", "Date", "--filter", "randid=R23",
                      "--map", "ac_energy_wh=Energy*1000",
                      "--map", "poa_irradiance_wm2=Irradiance")
    faults = [a for a in alerts if a["rule"] == "underperformance"]
    days = set(a["opened"][:10] for a in faults)
    assert "2018-07-21" in days  # failed restart after the plant trip
    assert "2018-07-25" in days  # high ambient temperature outage
    dq = [a for a in alerts if a["rule"] == "data_quality"]
    assert len(dq) >= 2  # the two counter drops
    # Counter drops are data problems only: no fault opened on those rows.
    for a in dq:
        assert not [f for f in faults if f["opened"] == a["opened"]]


def test_snow_is_snow():
    alerts = backtest("snow.conf", "pvanalytics/snow_data.csv",
                      "--map", "ac_power_w=INV1 AC Power [kW]*1000",
                      "--map", "poa_irradiance_wm2=POA [W/m²]",
                      "--map", "module_temp_c=Module Temp [C]",
                      "--map", "ambient_temp_c=Ambient Temp [C]")
    assert [a for a in alerts if a["rule"] == "snow"]
    assert not [a for a in alerts
                if a["rule"] in ("underperformance", "fault_code")]


def test_inv2173_stale_periods():
    alerts = backtest("inv2173.conf",
                      "pvanalytics/ac_power_inv_2173_stale_data.csv",
                      "--map", "ac_power_w=value_normalized*1000")
    periods = [("2011-01-03T09:15", "2011-01-03T23:59"),
               ("2011-01-06T11:00", "2011-01-07T11:45"),
               ("2011-01-14T09:00", "2011-01-15T06:00")]
    found = 0
    others = 0
    for a in alerts:
        o = a["opened"][:16]
        inside = [p for p in periods if p[0] <= o <= p[1]]
        if inside and a["rule"] in ("frozen", "data_quality"):
            continue
        others += 1
    for p in periods:
        if [a for a in alerts if a["rule"] in ("frozen", "data_quality")
                and p[0] <= a["opened"][:16] <= p[1]]:
            found += 1
    assert found / len(periods) >= 0.9
    assert others <= 1  # the file spans one month


def test_serf_east_few_alerts():
    alerts = backtest("serf_east.conf",
                      "pvanalytics/serf_east_15min_ac_power.csv",
                      "--map", "ac_power_w=ac_power")
    assert len(alerts) <= 4, alerts


def covariates(site):
    return backtest("%s.conf" % site.lower(),
                    "pvops/example_prod_with_covariates.csv",
                    "--time-column", "date", "--filter", "randid=%s" % site,
                    "--map", "ac_power_w=generated_kW*1000",
                    "--map", "poa_irradiance_wm2=irrad_poa_Wm2",
                    "--map", "ambient_temp_c=temp_amb_C",
                    "--map", "module_temp_c=temp_mod_C")


def test_r15_winter_gap_flagged():
    # R15 makes ~55 % of the operator's expected energy from 2018-11-07
    # for two months (tests/bench/quality.py --covariates has the report).
    alerts = covariates("R15")
    early = [a for a in alerts if a["rule"] in ("underperformance", "trend")
             and "2018-10-15" <= a["opened"][:10] <= "2018-11-07"]
    assert early


def test_r10_tracks_expected():
    # R10 stays near its expected power all year: no fault is raised.
    # Nor any silence: hourly rows are not judged against a 15-minute
    # timeout before their interval is known.
    alerts = covariates("R10")
    assert not [a for a in alerts
                if a["rule"] in ("underperformance", "peer", "fault_code",
                                 "mass_outage", "flapping", "communication")]


def test_r15_one_alert_per_episode():
    # Hourly data: the winter shortfall (from 2018-11-07, two months) is a
    # few long underperformance alerts, not 123 short ones.
    alerts = covariates("R15")
    winter = [a for a in alerts if a["rule"] == "underperformance"
              and a["opened"][:10] <= "2019-01-06"
              and (a["resolved"] is None or a["resolved"][:10] >= "2018-11-07")]
    assert 1 <= len(winter) <= 5, [(a["opened"], a["resolved"])
                                   for a in winter]


def test_serf_east_storm_is_a_warning():
    # 2016-08-29: a dark thunderstorm (78 W against a clear-sky 3073 W,
    # flickering) without a sensor: a warning, never critical.
    alerts = backtest("serf_east.conf",
                      "pvanalytics/serf_east_15min_ac_power.csv",
                      "--map", "ac_power_w=ac_power")
    storm = [a for a in alerts if a["opened"].startswith("2016-08-29")]
    assert storm and all(a["severity"] == "warning" for a in storm)
    assert not [a for a in alerts if a["severity"] == "critical"]


DST_SWITCHES = ("2011-11-06", "2012-03-11", "2012-11-04", "2013-03-10",
                "2013-11-03")


def test_system50_daylight_saving_clock():
    # The logger's clock follows daylight saving time although the file
    # writes -07:00 all year: an info about the clock every summer, and
    # no communication alert around the switches.
    alerts = backtest("system50.conf",
                      "pvanalytics/system_50_ac_power_2_full_DST.csv",
                      "--map", "ac_power_w=ac_power_2")
    clock = [a for a in alerts if a["fingerprint"].endswith("/clock")]
    # one info per summer, each from the spring switch (or the first
    # week of data) to the autumn one: once the clock is seen to keep
    # daylight saving time the correction follows the switches at once,
    # and each info opens and ends with the day of a switch
    assert [a["opened"][:4] for a in clock] == ["2011", "2012", "2013"]
    for a in clock:
        assert a["severity"] == "info"
        assert "about 1 h ahead (it keeps daylight saving time)" in \
            a["explanation"]
        assert "the zone's daylight-saving shift" in a["evidence"]
        start = [sw for sw in DST_SWITCHES if sw[:4] == a["opened"][:4] and
                 sw[5:7] == "03"]
        if start:
            assert 0 <= (ts(a["opened"]).date() -
                         ts(start[0] + "T12:00:00-07:00").date()).days <= 1
        end = [sw for sw in DST_SWITCHES if sw[:4] == a["opened"][:4] and
               sw[5:7] == "11"][0]
        assert 0 <= (ts(a["resolved"]).date() -
                     ts(end + "T12:00:00-07:00").date()).days <= 1, a
    for a in alerts:
        if a["rule"] != "communication":
            continue
        day = ts(a["opened"]).date()
        for sw in DST_SWITCHES:
            assert abs((day - ts(sw + "T12:00:00-07:00").date()).days) > 1, a


def test_lost_energy_is_one_figure():
    # Per day comes from the model that fired: the storm took almost all
    # of the clear-sky output, so it costs about a clear day of the 5.5
    # kWp array on its 45 degree tilt (about 30 kWh), not five sun hours
    # at the rate of one reading (15 kWh); lost so far is what the hours
    # it lasted took.
    alerts = backtest("serf_east.conf",
                      "pvanalytics/serf_east_15min_ac_power.csv",
                      "--map", "ac_power_w=ac_power")
    storm = [a for a in alerts if a["opened"].startswith("2016-08-29")][0]
    assert 25 <= storm["lost_kwh_per_day"] <= 40, storm
    assert 2 <= storm["lost_kwh"] <= storm["lost_kwh_per_day"], storm


def seeded(quick):
    import sys
    sys.path.insert(0, os.path.join(ROOT, "tests", "bench"))
    import quality
    if not os.path.exists(os.path.join(DATA, quality.SEEDED[0][2])):
        pytest.skip("shared data not available")
    return quality.seeded(BUILD, 19, quick=quick)


def test_seeded_faults():
    # Faults injected (seed 19) into the measured SERF East series, as
    # measured and thinned like a sleeping logger; `make bench` runs the
    # 2.7-year system_50 series as well (docs/quality.md has both).
    res = seeded(quick=True)
    import quality
    # at most one labelled real event per 90 device-days
    for name, _, _, _, days in quality.SEEDED:
        assert len(quality.LABELS.get(name, ())) * 90 <= days, name
    for r in res:
        assert r["found"] >= 0.95 * r["eligible"], r
        assert r["outage_delay_h"] is not None
        assert r["outage_delay_h"] <= 1.0, r
        if r["partial_delay_days"] is not None:
            assert r["partial_delay_days"] <= 2, r
        assert r["other_per_30d"] <= 1.0, r
        assert r["untouched_per_30d"] <= 1.0, r
        assert r["energy_share"] >= 0.95, r
        # the soiling run is reported by trend before it costs 10 %
        assert r["soiling_found"] == r["soiling"], r
        # and the series without faults raises no trend info for it
        assert r["untouched_trend"] == 0, r


def test_seeded_faults_system50():
    # The 2.7-year system_50 series, as measured and thinned like a
    # sleeping logger (seed 19): faults found, delays and unexplained
    # warnings (labelled real events aside) and the share of fault
    # energy as the targets ask; soiling reported before 10 % as a
    # median run, a floor on the runs reported in time each (8 of 12;
    # docs/quality.md, Soiling in time) and a ceiling on the trend infos
    # that the series without faults raise (11; 14 and 18 before the
    # clear days' ratio was taken near noon and judged against the line
    # of the month before).
    res = [r for r in seeded(quick=False) if r["name"].startswith("system")]
    import quality
    assert len(res) == 2
    # at most one labelled real event per 90 device-days
    assert len(quality.LABELS["system_50 2011-2013"]) * 90 <= res[0]["days"]
    for r in res:
        assert r["found"] >= 0.95 * r["eligible"], r
        assert r["outage_delay_h"] <= 1.0, r
        assert r["partial_delay_days"] <= 2, r
        assert r["other_per_30d"] <= 1.0, r
        assert r["untouched_per_30d"] <= 1.0, r
        assert r["energy_share"] >= 0.95, r
        assert r["soiling_found"] >= 8, r
        # the target, read as the delays are: the median run is
        # reported before it costs a tenth (7.6 % and 7.8 % on seed 19)
        assert quality.median_loss([r]) < 0.10, r
        assert r["untouched_trend"] <= 11, r
        # a storm that dims an afternoon sends a thinned logger to sleep:
        # not a communication warning (0.88 per 30 days before)
        if "thinned" in r["name"]:
            assert r["untouched_per_30d"] <= 0.7, r


def test_quality_targets_table():
    # The targets table of `make bench` and docs/quality.md, computed on
    # the SERF East seeded run, R15 and the storm and clock series: every
    # target it shows is met (soiling on SERF East included).
    res = seeded(quick=True)
    import quality
    cov = [r for r in (quality.covariates(BUILD, "R15"),) if r]
    rows = quality.targets(res, cov, quality.storm_and_clock(BUILD), 4.0)
    shown = [w for w, _, _ in rows]
    assert len(shown) == 11, shown
    assert all(ok == "yes" for _, _, ok in rows), rows


def test_system50_thinned_logger_keeps_its_envelope():
    # The same series thinned like a sleeping logger (no rows below 3 %
    # of peak): its clock runs an hour ahead in summer, so its last
    # output of some evenings lands, on its clock, after dusk. That is
    # not data in the dark: the envelope holds and the mornings stay
    # quiet (123 warnings before, 2.5 per 30 days now; docs/quality.md).
    import sys
    sys.path.insert(0, os.path.join(ROOT, "tests", "bench"))
    import quality
    name, conf, rel, col, days = quality.SEEDED[1]
    path = os.path.join(DATA, rel)
    if not os.path.exists(path):
        pytest.skip("shared data not available")
    rows = quality.read_series(path, col)
    peak = max(p for _, _, p in rows if p is not None)
    thin = quality.thin([[r[0], r[1], r[2], False] for r in rows], peak)
    p = quality.write_csv(thin, col)
    try:
        alerts = quality.run_csv(BUILD, conf, p, col)
    finally:
        os.unlink(p)
    warn = [a for a in alerts if a["severity"] != "info"]
    assert len(warn) * 30.0 / days <= 2.6, len(warn)
