# SPDX-License-Identifier: MIT
"""`pvsentry copy-store`: a store moved from SQLite to PostgreSQL and back.

The slice's site has a fault that is still open when pvsentry stops; the
database is copied to PostgreSQL (every table's row count equal), a second
copy onto the now full target is refused without --force, and pvsentry
started on PostgreSQL carries on: the recovery it sees there resolves the
ticket opened on SQLite, with no second ticket. The copy back to a new
SQLite file has the same counts.
"""
import re

import pytest

import harness
from harness import db_scalar, wait_until
from test_slice import DEV, Slice

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)

TABLES = ["meta", "sites", "devices", "people", "device_replacements",
          "readings", "rollup_hour", "rollup_day", "alerts", "tickets",
          "ticket_events", "outbox", "delivery_attempts", "users",
          "api_tokens", "sessions", "api_silences", "audit", "surveys",
          "appointments", "contacts", "customer_prefs", "mqtt_maps"]


def counts(db):
    return {t: db_scalar(db, "SELECT COUNT(*) FROM %s" % t) for t in TABLES}


def printed_counts(out):
    return {m.group(1): int(m.group(2)) for m in
            re.finditer(r"copy-store: (\w+) +(\d+) rows, equal", out)}


@pytest.mark.sqlite_only
def test_copy_to_postgresql_and_carry_on(h, pg_db, pvsentry_bin, pvsim_bin):
    s = Slice(h).start()
    sim = s.sim(duration="50m", scenarios=["fault@+30m+3h"])
    sim.wait(60)
    t = s.pv.wait_tickets(lambda ts: len(ts) == 1, 30, "the fault's ticket")
    s.sink.wait_mails(2, 30, what="alert and notice")
    assert s.pv.stop() == 0
    ticket = s.pv.tickets()[0]
    assert ticket["status"] not in ("resolved", "closed"), t

    source = counts(s.db)
    assert source["tickets"] == 1 and source["readings"] > 0
    r = s.pv.cli("copy-store", "--from", s.db, "--to", pg_db)
    assert "every table copied, counts equal" in r.stdout
    assert printed_counts(r.stdout) == source
    assert counts(pg_db) == source
    # Ids and Message-IDs travel with the rows.
    assert harness.db_query(pg_db, "SELECT id, message_id FROM outbox "
                            "ORDER BY id") == harness.db_query(
        s.db, "SELECT id, message_id FROM outbox ORDER BY id")

    # The target holds rows now: refused, unless --force.
    r = s.pv.cli("copy-store", "--from", s.db, "--to", pg_db, check=False)
    assert r.returncode == 1 and "--force" in r.stderr
    r = s.pv.cli("copy-store", "--from", s.db, "--to", pg_db, "--force")
    assert "target emptied" in r.stdout and counts(pg_db) == source

    # pvsentry on PostgreSQL: the device recovers, the ticket opened on
    # SQLite is resolved there and no new one opens.
    with open(s.cfg) as f:
        text = f.read()
    cfg = h.path("pg.conf")
    with open(cfg, "w") as f:
        f.write(re.sub(r"(?m)^database = .*$", "database = " + pg_db, text))
    pv = h.pvsentry(cfg, name="pvsentry-pg").start()
    pv.wait_log(r"mqtt: subscribed", 15)
    now = h.clock.now()
    sim2 = s.sim(name="pvsim2", duration="40m",
                 start=harness.ms_to_iso(now - now % 60000))
    sim2.wait(60)
    wait_until(lambda: db_scalar(pg_db, "SELECT status FROM tickets WHERE "
                                 "id = ?", (ticket["id"],)) == "resolved",
               30, "the ticket resolved on PostgreSQL")
    assert db_scalar(pg_db, "SELECT COUNT(*) FROM tickets") == 1
    assert db_scalar(pg_db, "SELECT COUNT(*) FROM samples WHERE "
                     "device_id = ?", (DEV,)) > 0
    # New rows take ids after the copied ones.
    assert db_scalar(pg_db, "SELECT MAX(id) FROM ticket_events") > \
        source["ticket_events"]
    assert pv.stop() == 0

    # And back to a new SQLite file.
    back = h.path("back.db")
    r = s.pv.cli("copy-store", "--from", pg_db, "--to", back)
    assert counts(back) == counts(pg_db)
    assert harness.integrity_check(back) == "ok"
