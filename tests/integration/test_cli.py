# SPDX-License-Identifier: MIT
"""`pvsentry tickets` when the config file is broken: --db reads the
database directly, and the dead-letter column is there."""
import json
import sqlite3

import pytest

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=60)

CONFIG = """\
[global]
database = ${tmp}/pvsentry.db
sim_start = ${sim_start}
sim_speed = ${sim_speed}

[site "s1"]
latitude = 45.75
longitude = 4.85

[device "inv1"]
site = s1

[site "paris"]
latitude = 48.85
longitude = 2.35
timezone = Europe/Paris
"""


def test_tickets_with_a_broken_config(h):
    cfg = h.write_config(CONFIG)
    pv = h.start_pvsentry(cfg)
    pv.stop()
    db = h.path("pvsentry.db")
    # The config breaks; -c can no longer find the database.
    with open(cfg, "a") as f:
        f.write("colour = blue\n")
    r = pv.cli("tickets", "-c", cfg, check=False)
    assert r.returncode == 1 and "unknown key 'colour'" in r.stderr
    r = pv.cli("tickets", "--db", db)
    assert r.stdout.split()[:2] == ["ID", "STATUS"]
    assert "MESSAGES" in r.stdout.splitlines()[0]
    r = pv.cli("tickets", "--db", db, "--json", "--limit", "3")
    assert json.loads(r.stdout) == []
    r = pv.cli("tickets", "--db", db + ".missing", check=False)
    assert r.returncode == 1 and "cannot open database" in r.stderr
    r = pv.cli("tickets", "--db", db, "--colour", check=False)
    assert r.returncode == 2 and "usage:" in r.stderr


def test_tickets_in_the_sites_local_time(h):
    """Times carry the site's offset, as the mails give them, not Z."""
    cfg = h.write_config(CONFIG)
    pv = h.start_pvsentry(cfg)
    pv.stop()
    db = h.path("pvsentry.db")
    con = sqlite3.connect(db)
    for site in ("paris", "s1"):
        cur = con.execute(
            "INSERT INTO tickets(fingerprint, status, site_id, rule, family,"
            " severity, title, opened_ms, updated_ms) VALUES (?, 'open', ?,"
            " 'fault_code', 'fault_code', 'critical', 'x', ?, ?)",
            ("fp-" + site, site, 1718956800000, 1718956800000))
        con.execute("INSERT INTO ticket_events(ticket_id, ts_ms, kind,"
                    " actor, text) VALUES (?, ?, 'opened', 'pvsentry', '')",
                    (cur.lastrowid, 1718960400000))
    con.commit()
    con.close()
    r = pv.cli("tickets", "--db", db, "--json")
    t = {x["site"]: x for x in json.loads(r.stdout)}
    assert t["paris"]["opened"] == "2024-06-21T10:00:00+02:00"
    assert t["paris"]["events"][0]["ts"] == "2024-06-21T11:00:00+02:00"
    assert t["s1"]["opened"] == "2024-06-21T08:00:00+00:00"
    r = pv.cli("tickets", "--db", db)
    assert "2024-06-21T10:00:00+02:00" in r.stdout
    assert "Z " not in r.stdout
