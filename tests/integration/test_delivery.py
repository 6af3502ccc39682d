# SPDX-License-Identifier: MIT
"""Delivery channels are independent: a webhook receiver that hangs holds
back no mail, and a "back to normal" never overtakes its notice, even when
the notice needs a retry.

Real processes on loopback (mosquitto, the aiosmtpd sink, the HTTP sink,
pvsentry, pvsim) on the slice's simulated clock (600x: a simulated minute
is 0.1 s).
"""
import pytest

import harness
from harness import db_query, wait_until
from test_slice import DEV, DEV2, NO_UNDERPERFORMANCE, Slice, by_header

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)

HOOK = """
[webhook "ops"]
url = http://127.0.0.1:%d/hook
timeout = 60s
"""


def test_hung_webhook_holds_back_no_mail(h, pvsentry_bin, pvsim_bin):
    """Two inverters fail together; the webhook receiver holds every
    request for 30 s. Both technician mails and both customer notices are
    accepted while the webhook requests are still open; at SIGTERM the
    open requests are cut off and their messages stay pending."""
    hook = harness.HttpSink(h, name="hook", hang=30).start()
    s = Slice(h, two_devices=True,
              extra=NO_UNDERPERFORMANCE + HOOK % hook.port).start()
    s.sim(devices=(DEV, DEV2), duration="3h",
          scenarios=["fault/%s@+30m+10h" % DEV, "fault/%s@+30m+10h" % DEV2])
    wait_until(lambda: hook.stats().get("started", 0) >= 1, 60,
               "the first webhook request")
    s.sink.wait_mails(4, 25, what="two technician mails, two notices")
    st = hook.stats()
    assert st["answered"] == 0, st          # still hanging
    assert st["active"] >= 1, st
    mails = s.mails()
    assert len(by_header(mails, audience="technician", kind="alert")) == 2
    assert len(by_header(mails, audience="customer", kind="notice")) == 2

    mark = s.pv.mark()
    s.pv.stop(timeout=15)
    assert s.pv.log_lines(r"transfer\(s\) cut off", since=mark)
    rows = db_query(s.db, "SELECT status FROM outbox WHERE channel = "
                    "'webhook'")
    assert rows and all(r[0] == "pending" for r in rows), rows
    assert hook.stats()["answered"] == 0


def test_back_to_normal_after_retried_notice(h, pvsentry_bin, pvsim_bin):
    """The SMTP server refuses the first two mails (the technician alert
    and the customer notice) and retries are an hour apart: the fault
    clears meanwhile, and the customer still gets the notice before the
    "back to normal", with the notice's Message-ID unchanged."""
    s = Slice(h, smtp_up=False, retry_min="1h", retry_max="2h",
              extra=NO_UNDERPERFORMANCE)
    s.sink = harness.SmtpSink(h, port=s.sink.port, maildir=s.sink.maildir,
                              reject=451, reject_count=2).start()
    s.start()
    s.sim(duration="3h", scenarios=["fault@+30m+30m"])
    s.sink.wait_mails(3, 60, what="alert, notice and recovery mails")
    mails = s.mails()
    notice = by_header(mails, audience="customer", kind="notice")
    back = by_header(mails, audience="customer", kind="recovered")
    assert len(notice) == 1 and len(back) == 1
    assert notice[0].filename < back[0].filename
    rows = db_query(s.db, "SELECT o.kind, o.message_id, count(a.id) FROM "
                    "outbox o JOIN delivery_attempts a ON a.outbox_id = o.id "
                    "WHERE o.audience = 'customer' GROUP BY o.id ORDER BY o.id")
    assert [r[0] for r in rows] == ["notice", "recovered"], rows
    assert rows[0][2] == 2, rows        # refused once, then accepted
    assert notice[0]["Message-ID"].strip() == rows[0][1]
