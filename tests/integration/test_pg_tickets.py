# SPDX-License-Identifier: MIT
"""One ticket per problem when two writers race on PostgreSQL.

Another writer (a second worker, or the previous pvsentry whose last
commit was still on its way when it was killed) opens the fault's ticket
in a transaction it has not committed yet. pvsentry's batch sees no open
ticket of the problem and opens one; the unique index on the fingerprint
of open tickets makes that insert wait for the other transaction, and once
it commits pvsentry finds the ticket there and joins it, as a repeat: the
problem keeps one ticket.
"""
import re

import psycopg2
import pytest

from harness import db_query, db_scalar, wait_until
from test_slice import DEV, NO_UNDERPERFORMANCE, SITE, Slice

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)

FP = "%s/%s/fault_code/fault" % (SITE, DEV)


def lock_waits(db):
    """Sessions of db waiting for a lock (pvsentry's insert, here)."""
    return db_scalar(db, "SELECT COUNT(*) FROM pg_stat_activity WHERE"
                     " datname = current_database() AND wait_event_type ="
                     " 'Lock'")


@pytest.mark.slow
def test_ticket_opened_meanwhile_by_another_writer_is_joined(
        h, pg_db, pvsentry_bin, pvsim_bin):
    s = Slice(h, extra=NO_UNDERPERFORMANCE)
    with open(s.cfg) as f:
        text = f.read()
    with open(s.cfg, "w") as f:
        f.write(re.sub(r"(?m)^database = .*$", "database = " + pg_db, text))
    s.db = pg_db
    s.start()

    other = psycopg2.connect(pg_db)
    try:
        with other.cursor() as c:
            now = h.clock.now()
            c.execute("INSERT INTO tickets(fingerprint, status, site_id,"
                      " device_id, rule, family, subject, severity, title,"
                      " assignee, opened_ms, updated_ms) VALUES (%s,"
                      " 'assigned', %s, %s, 'fault_code', 'fault_code',"
                      " 'fault', 'critical', 'Inverter fault', 'alice', %s,"
                      " %s) RETURNING id", (FP, SITE, DEV, now, now))
            mine = c.fetchone()[0]
        sim = s.sim(duration="60m", scenarios=["fault@+20m+10h"])
        # pvsentry sees no open ticket (ours is not committed) and opens
        # one: its insert waits for our transaction.
        wait_until(lambda: lock_waits(pg_db) or s.pv.log_lines(
            r"ticket #\d+ opened"), 60, "pvsentry to open the fault's ticket")
        other.commit()
    finally:
        other.close()
    s.pv.wait_log(r"ticket #%d was opened by another writer first: the "
                  r"alert joins it" % mine, 30)
    sim.wait(90)
    assert s.pv.stop() == 0
    assert not s.pv.log_lines(r"ticket #\d+ opened")
    assert db_scalar(pg_db, "SELECT COUNT(*) FROM tickets") == 1
    kinds = [r[0] for r in db_query(
        pg_db, "SELECT kind FROM ticket_events WHERE ticket_id = ?",
        (mine,))]
    assert "alert_repeat" in kinds, kinds
    # The batch that waited was committed whole: the fault's alert too.
    assert db_scalar(pg_db, "SELECT COUNT(*) FROM alerts WHERE fingerprint"
                     " = ? AND state = 'firing'", (FP,)) == 1
