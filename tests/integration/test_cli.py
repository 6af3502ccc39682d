# SPDX-License-Identifier: MIT
"""`pvsentry tickets` when the config file is broken: --db reads the
database directly, and the dead-letter column is there; `pvsentry ids`
for shell completion; --version."""
import json
import os
import re
import sqlite3
import subprocess

import pytest

import harness

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
    db = harness.db_target(h.path("pvsentry.db"))
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
    r = pv.cli("tickets", "--db", db + "_missing", check=False)
    assert r.returncode == 1 and re.search(
        r"cannot (open database|connect to PostgreSQL)", r.stderr), r.stderr
    r = pv.cli("tickets", "--db", db, "--colour", check=False)
    assert r.returncode == 2 and "usage:" in r.stderr


def test_tickets_in_the_sites_local_time(h):
    """Times carry the site's offset, as the mails give them, not Z."""
    cfg = h.write_config(CONFIG + """
[site "paris"]
latitude = 48.85
longitude = 2.35
timezone = Europe/Paris
""")
    pv = h.start_pvsentry(cfg)
    pv.stop()
    db = h.path("pvsentry.db")
    for site in ("paris", "s1"):
        harness.db_write(
            db, "INSERT INTO tickets(fingerprint, status, site_id, rule,"
            " family, severity, title, opened_ms, updated_ms) VALUES (?,"
            " 'open', ?, 'fault_code', 'fault_code', 'critical', 'x', ?, ?)",
            ("fp-" + site, site, 1718956800000, 1718956800000))
        harness.db_write(
            db, "INSERT INTO ticket_events(ticket_id, ts_ms, kind, actor,"
            " text) SELECT id, ?, 'opened', 'pvsentry', '' FROM tickets"
            " WHERE fingerprint = ?", (1718960400000, "fp-" + site))
    db = harness.db_target(db)
    r = pv.cli("tickets", "--db", db, "--json")
    t = {x["site"]: x for x in json.loads(r.stdout)}
    assert t["paris"]["opened"] == "2024-06-21T10:00:00+02:00"
    assert t["paris"]["events"][0]["ts"] == "2024-06-21T11:00:00+02:00"
    assert t["s1"]["opened"] == "2024-06-21T08:00:00+00:00"
    r = pv.cli("tickets", "--db", db)
    assert "2024-06-21T10:00:00+02:00" in r.stdout
    assert "Z " not in r.stdout


# ---- pvsentry ids (shell completion) and --version ----

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCHEMA5 = os.path.join(REPO, "tests", "package", "schema-v5.sql")
COMPLETION = os.path.join(REPO, "deploy", "pvsentry.bash-completion")


def ids(pv, kind, *args):
    """`pvsentry ids KIND ARGS`: must exit 0 and print nothing on stderr."""
    r = pv.cli("ids", kind, *args, check=False)
    assert r.returncode == 0 and r.stderr == "", (r.returncode, r.stderr)
    return r.stdout.splitlines()


@pytest.mark.sqlite_only
def test_ids_from_the_config_and_a_migrated_database(h):
    """(An SQLite file of an old schema: SQLite only.)"""
    cfg = h.write_config(CONFIG)
    pv = h.pvsentry(cfg)
    # No database yet: the config's ids, no ticket.
    assert ids(pv, "sites", "-c", cfg) == ["s1"]
    assert ids(pv, "devices", "-c", cfg) == ["inv1"]
    assert ids(pv, "tickets", "-c", cfg) == []
    # A database of schema 5 (a site, a device and ticket 7 created
    # through the API): run migrates it, after copying it aside, and
    # monitors its site from the first start.
    db = h.path("pvsentry.db")
    con = sqlite3.connect(db)
    with open(SCHEMA5) as f:
        con.executescript(f.read())
    con.close()
    pv.start()
    pv.wait_log(r"ready \(pvsentry .*, 2 sites, 2 devices", 10)
    assert os.path.exists(db + ".bak-v5")
    assert ids(pv, "sites", "-c", cfg) == ["lyon-01", "s1"]
    assert ids(pv, "devices", "-c", cfg) == ["inv1", "lyon-01-inv1"]
    assert ids(pv, "tickets", "-c", cfg) == ["7"]
    assert ids(pv, "tickets", "--db", db) == ["7"]
    pv.stop()
    # Shell completion offers them after --device and --site.
    env = dict(h.env(), PATH=os.path.dirname(pv.binary) + ":" +
               os.environ.get("PATH", "/usr/bin:/bin"))
    script = ('source "$1"; COMP_WORDS=(pvsentry backtest -c "$2" --device '
              '""); COMP_CWORD=5; _pvsentry; printf "%s\\n" '
              '"${COMPREPLY[@]}"')
    r = subprocess.run(["bash", "-c", script, "_", COMPLETION, cfg],
                       capture_output=True, text=True, env=env, timeout=30)
    assert r.stdout.split() == ["inv1", "lyon-01-inv1"], r
    script = ('source "$1"; COMP_WORDS=(pvsentry ti); COMP_CWORD=1; '
              '_pvsentry; printf "%s\\n" "${COMPREPLY[@]}"')
    r = subprocess.run(["bash", "-c", script, "_", COMPLETION],
                       capture_output=True, text=True, env=env, timeout=30)
    assert r.stdout.split() == ["tickets"], r


def test_ids_print_nothing_when_they_cannot_read(h):
    pv = h.pvsentry(h.write_config(CONFIG))
    missing = h.path("missing.conf")
    for kind in ("sites", "devices", "tickets"):
        assert ids(pv, kind, "-c", missing) == []
    # A config that is not one, a database that is not one.
    broken = h.path("broken.conf")
    with open(broken, "w") as f:
        f.write("[global\ndatabase = %s\n" % h.path("junk.db"))
    assert ids(pv, "sites", "-c", broken) == []
    with open(h.path("junk.db"), "w") as f:
        f.write("not a database\n")
    assert ids(pv, "tickets", "--db", h.path("junk.db")) == []
    assert ids(pv, "tickets", "--db", h.path("none.db")) == []
    assert not os.path.exists(h.path("none.db"))
    # Misuse is still an error, with the usage.
    r = pv.cli("ids", "-c", missing, check=False)
    assert r.returncode == 2 and "usage: pvsentry ids" in r.stderr
    r = pv.cli("ids", "planets", "-c", missing, check=False)
    assert r.returncode == 2 and "unexpected argument 'planets'" in r.stderr
    r = pv.cli("ids", "sites", check=False)
    assert r.returncode == 2 and "missing -c FILE" in r.stderr


def test_version_is_the_changelogs_with_the_commit(h):
    with open(os.path.join(REPO, "deploy", "debian", "changelog")) as f:
        version = re.match(r"pvsentry \(([^)]+)\)", f.readline()).group(1)
    r = h.pvsentry(h.write_config(CONFIG)).cli("--version")
    m = re.fullmatch(r"pvsentry (\S+) \(commit (\S+)\)\n", r.stdout)
    assert m and m.group(1) == version, r.stdout
    assert re.fullmatch(r"[0-9a-f]{7,40}(-dirty)?|unknown", m.group(2))
