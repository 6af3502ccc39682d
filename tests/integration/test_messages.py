# SPDX-License-Identifier: MIT
"""Messages read as their recipients read them, against a real `pvsentry
run` with an SMTP sink, MQTT and pvsim faults:

- the technician's alert is a work order: its one-tap acknowledge link
  (GET shows a page, only the POST acknowledges; forged, expired and
  replayed links are refused), the energy figures of the alert, the
  article's steps, what the customer has been told, where to go;
- customer notices speak plain words in the customer's language, name
  devices by their label, carry the preferences link (which works) and
  are dated when they went out;
- in Chromium: the customer's page shows each message as it was read
  (never its source), and a visit typed as 14:00 for a site in
  Europe/Paris from a browser in America/Denver is 14:00 in every
  message and page; "Mark fixed" on a device still in fault asks first.
"""
import email.utils
import hashlib
import hmac
import re

import pytest
import requests

import harness
import webapi
from harness import db_query, db_scalar, mail_body
from webapi import WebEnv

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)

EXTRA = """
[smtp]
url = ${smtp}
from = pvsentry <monitoring@pvs.example>
"""


def config_with(smtp_url):
    """The web tests' configuration with mail, a device label and a vendor,
    and a French-speaking customer."""
    c = webapi.CONFIG
    c = c.replace('[device "lyon-01-inv1"]\nsite = lyon-01\n',
                  '[device "lyon-01-inv1"]\nsite = lyon-01\n'
                  'label = garage roof\nvendor = SMA\n')
    c = c.replace('name = Claire Martin\n',
                  'name = Claire Martin\nlanguage = fr\n')
    return c + EXTRA.replace("${smtp}", smtp_url)


@pytest.fixture(scope="module")
def env(tmp_path_factory, build):
    h = harness.Harness(tmp_path_factory.mktemp("messages"), build=build,
                        start="2024-06-21T08:00:00Z", speed=600)
    saved = webapi.CONFIG
    try:
        sink = h.start_smtp_sink()
        webapi.CONFIG = config_with(sink.url)
        try:
            e = WebEnv(h)
        finally:
            webapi.CONFIG = saved
        e.sink = sink
        e.start().create_users()
        e.fault_tickets()
        # The fault's own ticket on each site (a start-up silence may have
        # opened a communication ticket first, which the fault took in).
        e.tickets = {}
        for site in ("lyon-01", "nantes-01"):
            e.tickets[site] = {"id": harness.wait_until(
                lambda: db_scalar(e.db, "SELECT id FROM tickets WHERE"
                                  " site_id = ? AND family = 'fault_code'"
                                  " AND subject = 'fault'", (site,)),
                30, "the fault ticket of " + site)}
        yield e
    except BaseException:
        h.dump_logs()
        raise
    finally:
        findings = h.close()
        if findings:
            pytest.fail("sanitizer reports:\n" + "\n".join(findings[:40]),
                        pytrace=False)


def mail_to(env, addr, pred=None, what=None, n=1):
    return env.sink.wait_mails(
        n, 60, lambda m: addr in m["To"] and (pred is None or pred(m)),
        what or "mail to " + addr)


def link_key(env):
    return bytes.fromhex(db_scalar(
        env.db, "SELECT value FROM meta WHERE key = 'link_key'"))


def token(env, purpose, ident, expires_s):
    body = "%s.%s.%d" % (purpose, ident, expires_s)
    sig = hmac.new(link_key(env), body.encode(),
                   hashlib.sha256).hexdigest()[:32]
    return body + "." + sig


def local(env, url):
    """A link from a mail (public_url) on the test's server."""
    return env.base + url[url.index("/l/"):]


# ---- the technician ---------------------------------------------------------

def test_technician_alert_is_a_work_order(env):
    lyon = env.tickets["lyon-01"]["id"]
    m = mail_to(env, "alice@installer.example",
                lambda m: "[pvsentry #%d]" % lyon in m["Subject"])[0]
    body = mail_body(m)
    # What, where, how to get in.
    assert "reports a fault" in m["Subject"]
    assert "12 rue des Lilas, 69003 Lyon" in body
    assert "Access: Key in the box by the garage" in body
    # The energy figures are the alert's (per day) and the ticket's.
    fp = db_scalar(env.db, "SELECT fingerprint FROM tickets WHERE id = ?",
                   (lyon,))
    so_far, per_day = db_query(
        env.db, "SELECT lost_kwh, lost_kwh_per_day FROM alerts WHERE"
        " fingerprint = ? AND state = 'firing' ORDER BY id LIMIT 1",
        (fp,))[0]
    assert per_day > 0.05
    assert ("Lost:      %.1f kWh so far, about %.1f kWh per day"
            % (so_far, per_day)) in body
    # The article, inline.
    assert "On site:   Read the event log on the display" in body
    assert ("Bring:     The inverter's service manual, insulation tester,"
            " multimeter.") in body
    # What the customer has heard: not yet, and when.
    assert re.search(r"The customer will be told at 2024-06-21 \d\d:\d\d "
                     r"Europe/Paris \(UTC\+02:00\) unless it clears by then",
                     body), body
    assert "customer has been told" not in body
    assert re.search(r"Since:     2024-06-21 \d\d:\d\d Europe/Paris "
                     r"\(UTC\+02:00\)", body), body
    # One tap: the link opens a page; only its POST acknowledges.
    url = re.search(r"Acknowledge \(one tap\): (\S+)", body).group(1)
    assert "/l/ack.%d-alice." % lyon in url
    assert "/#/ticket/%d" % lyon in body
    url = local(env, url)
    for _ in range(3):
        r = requests.get(url, timeout=10)
        assert r.status_code == 200, r.text
        assert "Acknowledge" in r.text and "reports a fault" in r.text
    status = "SELECT status FROM tickets WHERE id = ?"
    assert db_scalar(env.db, status, (lyon,)) == "assigned"
    # Forged and expired links change nothing.
    tok = url[url.index("/l/") + 3:]
    forged = tok[:-1] + ("0" if tok[-1] != "0" else "1")
    assert requests.post(env.base + "/l/" + forged,
                         timeout=10).status_code == 404
    expired = token(env, "ack", "%d-alice" % lyon,
                    env.h.clock.now() // 1000 - 60)
    assert requests.post(env.base + "/l/" + expired,
                         timeout=10).status_code == 410
    # A link for another purpose does not acknowledge.
    other = token(env, "status", lyon, env.h.clock.now() // 1000 + 3600)
    r = requests.post(env.base + "/l/ack" + other[6:], timeout=10)
    assert r.status_code == 404
    assert db_scalar(env.db, status, (lyon,)) == "assigned"
    r = requests.post(url, timeout=10)
    assert r.status_code == 200, r.text
    assert db_scalar(env.db, status, (lyon,)) == "acknowledged"
    acks = "SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND" \
           " kind = 'acknowledged' AND actor = 'alice'"
    assert db_scalar(env.db, acks, (lyon,)) == 1
    # Replayed: refused, nothing changes, and the page says who used it
    # and when (in the site's time); the link is spent for good.
    for replay in (requests.post, requests.get):
        r = replay(url, timeout=10)
        assert r.status_code == 409
        assert "Already acknowledged" in r.text, r.text
        assert re.search(r"Alice Martin acknowledged this ticket with this"
                         r" link on 21 June 2024 at \d\d:\d\d"
                         r" \(Europe/Paris time\)", r.text), r.text
    assert db_scalar(env.db, acks, (lyon,)) == 1
    assert db_scalar(env.db, "SELECT COUNT(*) FROM ticket_events WHERE"
                     " ticket_id = ? AND kind = 'link_used' AND text = ?",
                     (lyon, tok[tok.rindex(".") + 1:])) == 1


# ---- customers --------------------------------------------------------------

def test_customer_notice_plain_words_label_prefs_and_date(env):
    lyon = env.tickets["lyon-01"]["id"]
    notice = mail_to(env, "jean.dupont@home.example",
                     lambda m: m["X-Pvsentry-Kind"] == "notice" and
                     m["X-Pvsentry-Ticket"] == str(lyon))[0]
    body = mail_body(notice)
    # The device by its label, never by its id; plain words.
    assert "garage roof has stopped producing because of a fault" in body
    assert "lyon-01-inv1" not in body and "fault_code" not in body
    assert "(Europe/Paris time)" in body
    # Dated when it went out, not when it was written (15 min held).
    alert = mail_to(env, "alice@installer.example",
                    lambda m: "[pvsentry #%d]" % lyon in m["Subject"])[0]
    held = (email.utils.parsedate_to_datetime(notice["Date"]) -
            email.utils.parsedate_to_datetime(alert["Date"]))
    assert held.total_seconds() >= 14 * 60, held
    sent = db_scalar(env.db, "SELECT sent_ms FROM outbox WHERE kind ="
                     " 'notice' AND ticket_id = ? AND channel = 'email'",
                     (lyon,))
    dated = email.utils.parsedate_to_datetime(notice["Date"]).timestamp()
    assert abs(dated * 1000 - sent) < 30 * 60000
    # The French customer reads French only, her device numbered.
    nantes = env.tickets["nantes-01"]["id"]
    fr = mail_to(env, "claire.martin@home.example",
                 lambda m: m["X-Pvsentry-Kind"] == "notice" and
                 m["X-Pvsentry-Ticket"] == str(nantes))[0]
    text = mail_body(fr)
    assert "l'onduleur 1 ne produit plus à cause d'un défaut" in text
    assert "(heure Europe/Paris)" in text
    for english in ("Dear", "Kind regards", " the ", " you "):
        assert english not in text, english
    # Every notice carries the preferences link, and the page works.
    url = re.search(r"(\S+/l/prefs\.\S+)", body).group(1)
    r = requests.get(local(env, url), timeout=10)
    assert r.status_code == 200 and "How we contact you" in r.text
    r = requests.post(local(env, url), data={
        "channel": "email", "language": "de", "quiet_hours": "22:00-07:00"},
        timeout=10)
    assert r.status_code == 200, r.text
    assert "Ihre Auswahl ist gespeichert" in r.text
    assert db_query(env.db, "SELECT language, quiet_hours FROM"
                    " customer_prefs WHERE customer_id = 'dupont'") == \
        [("de", "22:00-07:00")]
    # The customer's pages now speak German.
    r = requests.get(local(env, url), timeout=10)
    assert "Wie wir Sie erreichen" in r.text and 'lang="de"' in r.text
    status = re.search(r"(\S+/l/status\.\S+)", body).group(1)
    r = requests.get(local(env, status), timeout=10)
    assert "Ihre Solaranlage" in r.text and "Schreiben Sie uns" in r.text
    requests.post(local(env, url), data={"language": "en"}, timeout=10)


# ---- in the browser ---------------------------------------------------------

try:
    from test_dashboard import Browser, _skip_reason
except ImportError:  # pragma: no cover
    Browser = None


@pytest.fixture
def browser(env):
    reason = _skip_reason() if Browser else "selenium is not importable"
    if reason:
        pytest.skip(reason)
    b = Browser(env.base)
    yield b
    b.close()


def test_customer_page_shows_messages_as_read(env, browser):
    lyon = env.tickets["lyon-01"]["id"]
    mail_to(env, "jean.dupont@home.example",
            lambda m: m["X-Pvsentry-Kind"] == "notice" and
            m["X-Pvsentry-Ticket"] == str(lyon))
    b = browser
    b.login("dupont")
    # The page renders once its requests are in: read it when settled.
    b.wait_text("we are looking into a fault", css="#notices", timeout=30)
    text = b.wait_text("garage roof", css="#notices") and \
        b._text("#notices")
    assert "Your solar installation: we are looking into a fault" in text
    assert "garage roof has stopped producing" in text
    assert "(Europe/Paris)" in text
    for source in ("Message-ID", "Content-Type", "MIME-Version", "<html",
                   "<div", "BEGIN:VCALENDAR", "--pvs-", "X-Pvsentry"):
        assert source not in text, source
    page = b._text("main")
    assert "lyon-01-inv1" not in page
    # No staff severity colours on the customer's page.
    assert not b.d.find_elements("css selector", "main .badge")
    b.d.execute_script("document.getElementById('notices').scrollIntoView()")
    b.shot("customer-messages-phone")


def test_customer_page_in_their_language(env, browser):
    """Claire Martin reads French: her page, its menu, her production and
    her messages are in French, and no English label is left on it."""
    nantes = env.tickets["nantes-01"]["id"]
    mail_to(env, "claire.martin@home.example",
            lambda m: m["X-Pvsentry-Kind"] == "notice" and
            m["X-Pvsentry-Ticket"] == str(nantes))
    # The words the page asks for: hers in French, staff's in English.
    r = requests.get(env.base + "/api/v1/words", timeout=10, headers={
        "Authorization": "Bearer " + env.tokens["martin"]})
    assert r.status_code == 200, r.text
    assert r.json()["lang"] == "fr"
    assert r.json()["words"]["dash.title"] == "Mon installation"
    r = requests.get(env.base + "/api/v1/words", timeout=10, headers={
        "Authorization": "Bearer " + env.tokens["alice"]})
    assert r.json()["lang"] == "en"
    b = browser
    b.login("martin")
    b.wait_text("Mon installation", css="main h1", timeout=30)
    b.wait_text("Messages que nous vous avons envoyés", timeout=30)
    b.find("#notices li", timeout=30)
    b.wait_text("kWh", css="#energy", timeout=30)
    page = b._text("main")
    nav = b._text("#nav")
    assert "Mon installation" in nav and "Se déconnecter" in nav, nav
    assert "Les heures sont à l'heure locale de votre installation" in page
    assert "Jour" in page and "Semaine" in page, page
    assert b.d.execute_script("return document.documentElement.lang") == "fr"
    # Her numbers are written the French way.
    assert re.search(r"\d,\d kWh", b._text("#energy")), b._text("#energy")
    english = ("My installation", "Messages we sent you", "Times are",
               "Everything is working", "Write to us", "Send message",
               "It works again", "Tell us what you see", "None so far",
               "Per device", "Produced", "Expected", "Earlier", "Later",
               "Day", "Week", "Month", "Year", "No data yet",
               "How did we do", "Log out", "produced,", "kWh expected",
               " time (UTC", "Inverter ")
    for words in english:
        assert words not in page and words not in nav, (words, page)
    b.shot("customer-status-fr")


def test_visit_typed_in_site_time_from_denver(env, browser):
    lyon = env.tickets["lyon-01"]["id"]
    b = browser
    b.d.execute_cdp_cmd("Emulation.setTimezoneOverride",
                        {"timezoneId": "America/Denver"})
    b.login("alice")
    assert b.d.execute_script(
        "return Intl.DateTimeFormat().resolvedOptions().timeZone") == \
        "America/Denver"
    b.wait_text("Fleet")
    b.go("/#/ticket/%d" % lyon)
    at = b.find("#visit-at")
    assert "Europe/Paris" in b.text("label[for=visit-at]")
    b.d.execute_script("arguments[0].value = '2024-06-22T14:00'", at)
    b.find("#schedule").click()
    b.wait_text("Done: schedule", timeout=30)
    b.shot("technician-visit-scheduled-phone")
    slot = db_scalar(env.db, "SELECT slot_ms FROM appointments WHERE"
                     " ticket_id = ? ORDER BY id DESC LIMIT 1", (lyon,))
    assert slot == harness.iso_to_ms("2024-06-22T12:00:00Z")
    # The page's timeline and every message say 14:00 Paris time.
    b.wait_text("2024-06-22 14:00 Europe/Paris", css="#timeline")
    m = mail_to(env, "jean.dupont@home.example",
                lambda m: m["X-Pvsentry-Kind"] == "appointment")[0]
    assert "22 June 2024 at 14:00 (Europe/Paris time)" in m["Subject"] + \
        mail_body(m)
    raw = open(env.sink.maildir + "/" + m.filename, encoding="utf-8").read()
    assert "DTSTART:20240622T120000Z" in raw
    # The customer confirms: the technician reads the same time.
    yes = re.search(r"(\S+/l/apptyes\.\S+)", mail_body(m)).group(1)
    assert requests.post(local(env, yes), timeout=10).status_code == 200
    t = mail_to(env, "alice@installer.example",
                lambda m: m["X-Pvsentry-Kind"] == "appointment")[0]
    assert "2024-06-22 14:00 Europe/Paris" in mail_body(t)


def test_mark_fixed_on_a_failing_device_asks_first(env, browser):
    nantes = env.tickets["nantes-01"]["id"]
    b = browser
    b.login("bob")
    b.wait_text("Fleet")
    b.go("/#/ticket/%d" % nantes)
    b.find("#fixed")
    # Still in fault: the dashboard asks; declined, nothing changes.
    b.d.execute_script("window.confirm = () => false")
    b.find("#fixed").click()
    b.wait_text("still reports this problem", timeout=30)
    status = "SELECT status FROM tickets WHERE id = ?"
    assert db_scalar(env.db, status, (nantes,)) != "fixed"
    # Confirmed: marked fixed.
    b.d.execute_script("window.confirm = () => true")
    b.find("#fixed").click()
    b.wait_text("Done: fixed", timeout=30)
    assert db_scalar(env.db, "SELECT COUNT(*) FROM ticket_events WHERE"
                     " ticket_id = ? AND kind = 'fixed' AND actor = 'bob'",
                     (nantes,)) == 1
    # The data still shows the fault after the recovery time: the ticket
    # is acknowledged again and Bob is told.
    harness.wait_until(lambda: db_scalar(env.db, status, (nantes,)) ==
                       "acknowledged", 30, "the fix to be found wanting")
    m = mail_to(env, "bob@installer.example",
                lambda m: m["X-Pvsentry-Kind"] == "not_fixed")[0]
    assert "still reports the problem" in mail_body(m)


def test_device_label_through_the_api(env):
    """The label is a device field like the others: config key (above),
    API field, store column, and back through a restart's config."""
    ivan = env.api("ivan")
    mark = env.pv.mark()
    r = ivan.post("/sites", {"id": "annecy-09", "name": "Lake house",
                             "latitude": 45.9, "longitude": 6.12,
                             "timezone": "Europe/Paris"})
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    mark = env.pv.mark()
    r = ivan.post("/devices", {"id": "lyon-01-inv2", "site_id": "annecy-09",
                               "kind": "inverter", "label": "carport"})
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    assert ivan.get("/devices/lyon-01-inv2").json()["label"] == "carport"
    r = ivan.patch("/devices/lyon-01-inv2", {"label": "x" * 81})
    assert r.status_code == 400 and r.json()["error"]["field"] == "label"
    mark = env.pv.mark()
    r = ivan.patch("/devices/lyon-01-inv2", {"label": "shed roof"})
    assert r.status_code == 200, r.text
    env.wait_reload(mark)
    assert db_scalar(env.db, "SELECT label FROM devices WHERE id ="
                     " 'lyon-01-inv2'") == "shed roof"
    # The config file's device keeps its own.
    assert ivan.get("/devices/lyon-01-inv1").json()["label"] == "garage roof"


def test_admin_user_may_be_a_person(env):
    """An admin who is a person (a technician record) is told when an
    escalation runs out; an unknown person is refused, not a crash."""
    a = env.admin()
    r = a.post("/users", {"username": "chief", "role": "admin",
                          "person": "bob", "password": webapi.PASSWORD})
    assert r.status_code == 201, r.text
    assert db_scalar(env.db, "SELECT person_id FROM users WHERE username ="
                     " 'chief'") == "bob"
    r = a.post("/users", {"username": "ghost", "role": "admin",
                          "person": "nobody", "password": webapi.PASSWORD})
    assert r.status_code == 400, r.text
    assert a.get("/me").status_code == 200


def test_pages_in_her_language_and_unsubscribe_in_chromium(env, browser):
    """Claire Martin reads French: the pages behind her links (status,
    survey, visit, preferences) are French in Chromium, and the
    preferences link from her mail changes her preference (only tell her
    when a visit is needed) while keeping her other choices."""
    nantes = env.tickets["nantes-01"]["id"]
    notice = mail_to(env, "claire.martin@home.example",
                     lambda m: m["X-Pvsentry-Kind"] == "notice" and
                     m["X-Pvsentry-Ticket"] == str(nantes))[0]
    body = mail_body(notice)
    prefs = local(env, re.search(r"(\S+/l/prefs\.\S+)", body).group(1))
    status = local(env, re.search(r"(\S+/l/status\.\S+)", body).group(1))
    expires = env.h.clock.now() // 1000 + 3600
    b = browser
    english = ("Your solar installation", "Write to us", "Send", "How did",
               "No survey", "There is no survey", "Confirm the visit",
               "How we contact you", "Channel", "Language", "No messages",
               "Only tell me", "Save", "Link not found", "This link")
    pages = {
        "status": (status, "Votre installation solaire"),
        "survey": (local(env, "/l/" + token(env, "survey", nantes, expires)),
                   "Pas de questionnaire ici"),
        "visit": (local(env, "/l/" + token(env, "apptyes", nantes, expires)),
                  ""),
        "prefs": (prefs, "Comment nous vous contactons"),
    }
    for name, (url, want) in pages.items():
        b.d.get(url)
        text = b.text("body")
        assert b.d.execute_script(
            "return document.documentElement.lang") == "fr", name
        assert want in text, (name, text)
        for words in english:
            assert words not in text, (name, words, text)
    # Her choices as they stand: not opted out.
    box = b.find("input[name=opt_out]")
    assert not box.is_selected()
    quiet_before = b.find("input[name=quiet_hours]").get_attribute("value")
    box.click()
    b.shot("customer-prefs-fr")
    b.find("button[type=submit]").click()
    b.wait_text("Vos choix sont enregistrés", css="body")
    assert db_query(env.db, "SELECT language, opt_out, COALESCE(quiet_hours,"
                    " '') FROM customer_prefs WHERE customer_id ="
                    " 'martin'") == [("fr", 1, quiet_before)]
    # The link shows the choice now, and saving again keeps it.
    b.d.get(prefs)
    assert b.find("input[name=opt_out]").is_selected()
    b.find("button[type=submit]").click()
    b.wait_text("Vos choix sont enregistrés", css="body")
    assert db_scalar(env.db, "SELECT opt_out FROM customer_prefs WHERE"
                     " customer_id = 'martin'") == 1
    requests.post(prefs, data={"language": "fr"}, timeout=10)
    assert db_scalar(env.db, "SELECT opt_out FROM customer_prefs WHERE"
                     " customer_id = 'martin'") == 0
