# SPDX-License-Identifier: MIT
"""PostgreSQL fails over under pvsentry: a primary and a streaming standby.

The test runs its own pair: a primary, a standby made from a base backup
of it (pg_basebackup -R) streaming synchronously, and pvsentry given both
in one libpq multi-host URI with target_session_attrs=read-write. A fault
opens its ticket and mails on the primary; the primary then dies
(pg_ctl stop -m immediate) in the middle of the stream and the standby is
promoted (pg_ctl promote), as pg_auto_failover or Patroni would do.
pvsentry pauses ingest, finds the new primary behind the same URI by
itself, applies the batch in flight again, and loses nothing: every
published sample is stored, the ticket exists once and every mail went
out once.
"""
import re
import urllib.error
import urllib.request

import pytest

import harness
import pg
from harness import db_scalar, wait_until
from test_slice import (DEV, NO_UNDERPERFORMANCE, Slice,
                        assert_unique_message_ids, by_header)

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)


def healthz(port):
    try:
        with urllib.request.urlopen("http://127.0.0.1:%d/healthz" % port,
                                    timeout=5) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


@pytest.fixture
def pg_pair():
    """A primary and its synchronous streaming standby; both are stopped
    and removed afterwards, whatever the test did to them."""
    if not pg.available():
        pytest.fail("PostgreSQL 15 or psycopg2 missing (make deps)",
                    pytrace=False)
    servers = []
    try:
        primary = pg.PgServer().start()
        servers.append(primary)
        standby = primary.standby()
        servers.append(standby)
        wait_until(lambda: primary.streaming() == 1, 30,
                   "the standby to stream")
        primary.set_synchronous("*")
        yield primary, standby
    finally:
        for srv in servers:
            srv.close()


@pytest.mark.slow
def test_failover_to_the_promoted_standby(h, pg_pair, pvsentry_bin,
                                          pvsim_bin):
    primary, standby = pg_pair
    primary.create_database("pvs")
    # The database reached the standby (synchronous: before the answer).
    def replayed():
        try:
            return db_scalar(standby.url("pvs"), "SELECT 1") == 1
        except Exception:  # not replayed yet
            return False
    wait_until(replayed, 30, "the database on the standby")
    uri = ("postgresql://postgres@127.0.0.1:%d,127.0.0.1:%d/pvs"
           "?target_session_attrs=read-write&connect_timeout=5"
           % (primary.port, standby.port))
    port = harness.free_port()
    s = Slice(h, extra=NO_UNDERPERFORMANCE +
              "\n[http]\nlisten = 127.0.0.1\nport = %d\n" % port)
    with open(s.cfg) as f:
        text = f.read()
    with open(s.cfg, "w") as f:
        f.write(re.sub(r"(?m)^database = .*$", "database = " + uri, text))
    s.db = uri
    s.start()
    harness.wait_port(port, 10)
    sim = s.sim(duration="3h", scenarios=["fault@+20m+3h"])
    # The fault's ticket and its technician mail, on the primary.
    s.pv.wait_tickets(lambda ts: len(ts) == 1, 60, "the fault's ticket")
    s.sink.wait_mails(1, 30, what="the technician's alert")

    mark = s.pv.mark()
    primary.stop("immediate")
    s.pv.wait_log(r"database is unreachable: ingest paused", 30, since=mark)
    assert healthz(port) == 503
    # Away for a few simulated minutes, pvsim publishing all along.
    h.clock.wait_for(h.clock.now() + 5 * 60000)
    standby.promote()
    s.pv.wait_log(r"database is reachable again: ingest resumed", 60,
                  since=mark)
    s.pv.wait_log(r"applied the batch in flight again|had committed: not "
                  r"applied again", 5, since=mark)
    wait_until(lambda: healthz(port) == 200, 10, "/healthz ok again")

    summary = sim.wait(120)
    assert summary["acked"] == summary["messages"]
    wait_until(lambda: s.outbox_settled(), 30, "the outbox to settle")
    assert s.pv.stop() == 0
    stats = {k: int(v) for k, v in re.findall(
        r"(\w+)=(\d+)", s.pv.wait_log(r"stats: ", 5)[-1])}
    db = standby.url("pvs")
    stored = db_scalar(db, "SELECT COUNT(*) FROM samples WHERE device_id = ?",
                       (DEV,))
    print("failover: %d samples published, %d stored, %d lost" % (
        summary["samples"], stored, stats["samples_lost"]))
    assert stats["samples_lost"] == 0, stats
    assert stored == summary["samples"], (stored, summary["samples"])
    assert db_scalar(db, "SELECT COUNT(*) FROM tickets") == 1
    mails = s.mails()
    assert_unique_message_ids(mails)
    assert len(by_header(mails, audience="technician", kind="alert")) == 1
    assert db_scalar(db, "SELECT COUNT(*) FROM outbox") == len(mails)
