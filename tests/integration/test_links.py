# SPDX-License-Identifier: MIT
"""The pages behind the links in customer messages (issue 6): signed,
expiring tokens; a GET only shows a page, a POST from it acts; forged and
expired links are refused. Against a real `pvsentry run` with [http].

Tokens are made here with an independent implementation of the format
("purpose.id.expiry.signature", HMAC-SHA256 under the installation's link
key), so the test also pins the format that mails carry.
"""
import hashlib
import hmac

import pytest
import requests

import harness
from harness import db_scalar
from webapi import WebEnv

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)


@pytest.fixture(scope="module")
def env(tmp_path_factory, build):
    h = harness.Harness(tmp_path_factory.mktemp("links"), build=build,
                        start="2024-06-21T08:00:00Z", speed=600)
    try:
        e = WebEnv(h).start()
        e.tickets = e.fault_tickets(sites=("lyon-01",))
        yield e
    except BaseException:
        h.dump_logs()
        raise
    finally:
        findings = h.close()
        if findings:
            pytest.fail("sanitizer reports:\n" + "\n".join(findings[:40]),
                        pytrace=False)


def token(env, purpose, ident, expires_s=None, key=None):
    if key is None:
        key = bytes.fromhex(db_scalar(
            env.db, "SELECT value FROM meta WHERE key = 'link_key'"))
    if expires_s is None:
        expires_s = env.h.clock.now() // 1000 + 3600
    body = "%s.%s.%d" % (purpose, ident, expires_s)
    sig = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()[:32]
    return body + "." + sig


def events(env, ticket, kind):
    return db_scalar(env.db, "SELECT COUNT(*) FROM ticket_events WHERE"
                     " ticket_id = ? AND kind = ?", (ticket, kind))


def test_status_page_and_message_to_a_person(env):
    t = env.tickets["lyon-01"]["id"]
    url = env.base + "/l/" + token(env, "status", t)
    r = requests.get(url, timeout=10)
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/html")
    assert "Write to us" in r.text
    # No internal codes on a customer page.
    assert "fault_code" not in r.text and "fingerprint" not in r.text
    before = events(env, t, "customer_contact")
    r = requests.post(url, data={"message": "the inverter beeps <loudly>"},
                      timeout=10)
    assert r.status_code == 200, r.text
    assert events(env, t, "customer_contact") == before + 1
    assert db_scalar(env.db, "SELECT text FROM contacts WHERE ticket_id = ?"
                     " ORDER BY id DESC LIMIT 1", (t,)) == \
        "the inverter beeps <loudly>"
    # (The mail to the technician is checked in test_workflow.c; this
    # daemon has no [smtp].)
    # An empty message is refused and changes nothing.
    r = requests.post(url, data={"message": ""}, timeout=10)
    assert r.status_code == 400
    assert events(env, t, "customer_contact") == before + 1


def test_get_changes_nothing_post_acts(env):
    t = env.tickets["lyon-01"]["id"]
    url = env.base + "/l/" + token(env, "selfhelp", t)
    for _ in range(3):
        assert requests.get(url, timeout=10).status_code == 200
    assert events(env, t, "customer_says_fixed") == 0
    r = requests.post(url, data={}, timeout=10)
    assert r.status_code == 200
    assert events(env, t, "customer_says_fixed") == 1
    # The ticket stays with the technician until the data confirms.
    assert db_scalar(env.db, "SELECT status FROM tickets WHERE id = ?",
                     (t,)) not in ("resolved", "closed")


def test_survey_link_without_a_survey(env):
    """The ticket is still open: no survey was sent. Its survey link says
    so, and an answer posted anyway is not taken for a second one."""
    t = env.tickets["lyon-01"]["id"]
    assert db_scalar(env.db, "SELECT COUNT(*) FROM surveys WHERE"
                     " ticket_id = ?", (t,)) == 0
    url = env.base + "/l/" + token(env, "survey", t)
    r = requests.get(url, timeout=10)
    assert r.status_code == 404
    assert "no survey for this ticket" in r.text
    assert "already answered" not in r.text
    r = requests.post(url, data={"csat": "4"}, timeout=10)
    assert r.status_code == 404
    assert "no survey for this ticket" in r.text
    assert "already answered" not in r.text
    assert events(env, t, "survey") == 0


def test_forged_expired_and_wrong_purpose_links(env):
    t = env.tickets["lyon-01"]["id"]
    good = token(env, "status", t)
    forged = good[:-1] + ("0" if good[-1] != "0" else "1")
    r = requests.get(env.base + "/l/" + forged, timeout=10)
    assert r.status_code == 404
    other_key = token(env, "status", t, key=b"\x01" * 32)
    assert requests.get(env.base + "/l/" + other_key,
                        timeout=10).status_code == 404
    # A survey token does not open the status page of another purpose.
    survey = token(env, "survey", t)
    r = requests.get(env.base + "/l/status" + survey[6:], timeout=10)
    assert r.status_code == 404
    expired = token(env, "status", t,
                    expires_s=env.h.clock.now() // 1000 - 60)
    r = requests.get(env.base + "/l/" + expired, timeout=10)
    assert r.status_code == 410
    for junk in ("x", "status", "status.1.2", "status.1.2.3.4",
                 "status.../../etc.1.ab", "status.1.99999999999.zz"):
        r = requests.get(env.base + "/l/" + junk, timeout=10)
        assert r.status_code in (400, 404), junk
    # Unknown ticket with a valid signature.
    r = requests.get(env.base + "/l/" + token(env, "status", 999999),
                     timeout=10)
    assert r.status_code == 404


def test_preferences_saved(env):
    t = env.tickets["lyon-01"]["id"]
    url = env.base + "/l/" + token(env, "prefs", t)
    assert requests.get(url, timeout=10).status_code == 200
    r = requests.post(url, data={"channel": "email", "language": "fr",
                                 "quiet_hours": "22:00-07:00",
                                 "opt_out": "1"}, timeout=10)
    assert r.status_code == 200, r.text
    row = harness.db_query(env.db, "SELECT language, quiet_hours, opt_out"
                           " FROM customer_prefs WHERE customer_id ="
                           " 'dupont'")
    assert row == [("fr", "22:00-07:00", 1)]
    # Bad values are refused whole and change nothing.
    r = requests.post(url, data={"quiet_hours": "late"}, timeout=10)
    assert r.status_code == 400
    r = requests.post(url, data={"language": "klingon"}, timeout=10)
    assert r.status_code == 400
    assert harness.db_query(env.db, "SELECT language, quiet_hours, opt_out"
                            " FROM customer_prefs WHERE customer_id ="
                            " 'dupont'") == [("fr", "22:00-07:00", 1)]
