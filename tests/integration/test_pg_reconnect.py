# SPDX-License-Identifier: MIT
"""PostgreSQL crashes under pvsentry (pg_ctl -m immediate) mid-stream.

The batch in flight is kept whole and applied again once the server is
back (never half applied, never lost); ingest pauses and /healthz answers
503 while the server is away; once it is back pvsentry reconnects by
itself, ingest resumes with what waited in the inbox and at the broker,
and the fault that follows makes exactly one ticket and one technician
mail. Every published sample is stored, none lost.
"""
import re
import urllib.error
import urllib.request

import pytest

import harness
from harness import db_scalar, wait_until
from test_slice import DEV, Slice, assert_unique_message_ids, by_header

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)


def healthz(port):
    try:
        with urllib.request.urlopen("http://127.0.0.1:%d/healthz" % port,
                                    timeout=5) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


@pytest.mark.slow
def test_postgresql_crash_mid_stream(h, pg_server, pg_db, pvsentry_bin,
                                     pvsim_bin):
    port = harness.free_port()
    s = Slice(h, extra="\n[http]\nlisten = 127.0.0.1\nport = %d\n" % port)
    with open(s.cfg) as f:
        text = f.read()
    with open(s.cfg, "w") as f:
        f.write(re.sub(r"(?m)^database = .*$", "database = " + pg_db, text))
    s.db = pg_db
    s.start()
    harness.wait_port(port, 10)
    assert healthz(port) == 200
    sim = s.sim(duration="3h", scenarios=["fault@+100m+3h"])
    wait_until(lambda: (db_scalar(pg_db, "SELECT COUNT(*) FROM readings")
                        or 0) > 10, 30, "readings stored")

    mark = s.pv.mark()
    pg_server.stop("immediate")
    s.pv.wait_log(r"database is unreachable: ingest paused", 20, since=mark)
    assert healthz(port) == 503
    assert s.pv.running
    # Away for ten simulated minutes, with pvsim publishing all along.
    h.clock.wait_for(h.clock.now() + 10 * 60000)
    pg_server.start_again()
    s.pv.wait_log(r"database is reachable again: ingest resumed", 30,
                  since=mark)
    # The batch in flight was kept and applied again (or had committed).
    s.pv.wait_log(r"applied the batch in flight again|had committed: not "
                  r"applied again", 5, since=mark)
    wait_until(lambda: healthz(port) == 200, 10, "/healthz ok again")

    summary = sim.wait(90)
    assert summary["acked"] == summary["messages"]
    t = s.pv.wait_tickets(lambda ts: len(ts) == 1, 60, "the fault's ticket")
    s.sink.wait_mails(1, 30, what="the technician's alert")
    assert s.pv.stop() == 0
    stats = {k: int(v) for k, v in re.findall(
        r"(\w+)=(\d+)", s.pv.wait_log(r"stats: ", 5)[-1])}
    stored = db_scalar(pg_db, "SELECT COUNT(*) FROM samples WHERE "
                       "device_id = ?", (DEV,))
    print("postgresql crash: %d samples published, %d stored, %d lost, "
          "ingest paused %d time(s)" % (
              summary["samples"], stored, stats["samples_lost"],
              stats["ingest_paused"]))
    # The batch in flight was applied again: nothing lost.
    assert stats["samples_lost"] == 0, stats
    assert stored == summary["samples"], (stored, summary["samples"])
    assert stats["ingest_paused"] >= 1
    assert db_scalar(pg_db, "SELECT COUNT(*) FROM tickets") == 1
    assert t[0]["family"] == "fault_code"
    mails = s.mails()
    assert_unique_message_ids(mails)
    assert len(by_header(mails, audience="technician", kind="alert")) == 1
