# SPDX-License-Identifier: MIT
"""`pvsentry tickets` when the config file is broken: --db reads the
database directly, and the dead-letter column is there."""
import json

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
