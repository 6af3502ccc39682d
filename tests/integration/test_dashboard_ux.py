# SPDX-License-Identifier: MIT
"""The dashboard as each role uses it, at desk size (1400x900) and phone
size (390x844), in headless Chromium against a real pvsentry fed by pvsim
over MQTT: local time (a Paris site seen from a browser in Denver), the
production charts per period from the rollups, forms that keep what was
typed, the CSV import's dry run and all-or-nothing import, the admin
pages, cards on a phone, safe Markdown and the menu before login.

Screenshots go to build/screenshots/ux-*.png.
"""
import datetime
import json
import subprocess

import pytest

import harness
from harness import wait_until
from test_dashboard import Browser, By, _skip_reason
from webapi import PASSWORD, WebEnv, assert_error

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)

SIZES = (("desk", 1400, 900), ("phone", 390, 844))


@pytest.fixture(scope="module")
def env(tmp_path_factory, build):
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    h = harness.Harness(tmp_path_factory.mktemp("ux"), build=build,
                        start="2024-06-21T08:00:00Z", speed=600)
    try:
        e = WebEnv(h).start().create_users()
        r = e.admin().post("/users", {"username": "root", "role": "admin",
                                      "password": PASSWORD})
        assert r.status_code == 201, r.text
        e.tickets = e.fault_tickets()
        yield e
    except BaseException:
        h.dump_logs()
        raise
    finally:
        findings = h.close()
        if findings:
            pytest.fail("sanitizer reports:\n" + "\n".join(findings[:40]),
                        pytrace=False)


def browsers(env, tz=None):
    for name, w, hgt in SIZES:
        b = Browser(env.base, w, hgt, tz=tz)
        try:
            yield name, b
        finally:
            b.close()


def scroll(b, css):
    b.d.execute_script("arguments[0].scrollIntoView()", b.find(css))


def test_no_menu_before_login(env):
    for name, b in browsers(env):
        b.go("/")
        b.find("#login-form")
        assert not b._one("#nav") and not b._one("#logout")
        b.shot("ux-login-" + name)
        b.login("ivan")
        assert b._one("#logout")


def test_paris_site_seen_from_denver_shows_paris_time(env):
    t = env.tickets["lyon-01"]
    full = env.api("alice").get("/tickets/%d" % t["id"]).json()
    for name, b in browsers(env, tz="America/Denver"):
        assert b.d.execute_script(
            "return Intl.DateTimeFormat().resolvedOptions().timeZone") == \
            "America/Denver"
        b.login("alice")
        b.go("/#/ticket/%d" % t["id"])
        b.wait_text("Timeline")
        paris, denver = b.d.execute_script(
            "return [when(arguments[0], 'Europe/Paris'),"
            " when(arguments[0], 'America/Denver')]", full["opened_ms"])
        assert paris != denver
        assert b.text("#ticket-opened") == paris
        assert "Europe/Paris time" in b.text("#zone-note")
        assert "Visit (Europe/Paris time)" in b.text("#ticket-actions")
        assert denver not in b.text()
        b.shot("ux-ticket-denver-" + name)
        # The site's chart is in Paris hours: the day starts at 00:00.
        b.go("/#/site/lyon-01?date=2024-06-21")
        b.find("#chart-energy")
        assert "Europe/Paris time" in b.text("#zone-note")
        # A visit typed as 14:30 is 14:30 in Paris, whatever the browser.
        b.go("/#/ticket/%d" % t["id"])
        b.find("#visit-at")
        ms = b.d.execute_script(
            "return zonedToMs('2024-06-25T14:30', 'Europe/Paris')")
        assert ms == int(datetime.datetime(
            2024, 6, 25, 12, 30, tzinfo=datetime.timezone.utc).timestamp()
            * 1000)
        # Pages about no site: the browser's zone, or the profile's.
        b.go("/")
        b.wait_text("America/Denver", css="#zone-note")
        b.find("#logout").click()
        b.find("#login-form")
        b.login("bob")
        b.wait_text("Europe/Paris", css="#zone-note")


def test_site_charts_per_period(env):
    for name, b in browsers(env):
        b.login("ivan")
        # The simulated clock runs 600 times faster: name the day.
        b.go("/#/site/lyon-01?date=2024-06-21")
        b.find("#chart-energy")
        b.wait_text("produced", css="#energy-summary")
        b.shot("ux-site-top-" + name)
        scroll(b, "#energy")
        b.shot("ux-site-day-" + name)
        for period in ("week", "month", "year"):
            b.find("#period-" + period).click()
            wait_until(lambda: b.d.find_element(
                By.ID, "energy").get_attribute("data-period") == period, 15,
                "the %s view" % period)
            b.find("#chart-energy")
            scroll(b, "#energy")
            b.shot("ux-site-%s-%s" % (period, name))
        b.find("#period-prev").click()
        b.wait_text("2023", css="#period-title")
        b.wait_text("No data yet", css="#energy")


def test_energy_from_rollups_with_expected_and_late_readings(env):
    a = env.api("ivan")
    day = a.get("/sites/lyon-01/energy?period=day&date=2024-06-21").json()
    assert day["timezone"] == "Europe/Paris" and day["resolution"] == "hour"
    assert len(day["buckets"]) == 24 and day["has_data"]
    dev = day["devices"][0]
    assert dev["expected_source"] == "clear_sky"
    # 06:00-07:00 Paris (04:00Z): before the simulation, no data.
    assert dev["actual_kwh"][6] is None
    assert day["expected_kwh"] > 0
    # The clear sky covers the whole day, data or not: nothing at night.
    clear = day["clear_sky_kwh"]
    assert len(clear) == 24 and clear[2] == 0 and clear[13] > 2
    # A late reading lands in its own hour.
    ts = int(datetime.datetime(2024, 6, 21, 4, 30,
                               tzinfo=datetime.timezone.utc).timestamp())
    subprocess.run(["mosquitto_pub", "-h", "127.0.0.1", "-p",
                    str(env.broker.port), "-q", "1", "-t",
                    "pvsentry/lyon-01/lyon-01-inv1", "-m",
                    json.dumps({"ts": ts, "ac_power_w": 3000})], check=True)

    def late_in():
        d = a.get("/sites/lyon-01/energy?period=day&date=2024-06-21").json()
        v = d["devices"][0]["actual_kwh"][6]
        return v if v is not None else None
    assert wait_until(late_in, 20, "the late reading's hour") == \
        pytest.approx(0.25)
    # The year view reads at most one rollup row per device and day.
    year = a.get("/sites/lyon-01/energy?period=year&date=2024-01-01").json()
    assert year["resolution"] == "month" and len(year["buckets"]) == 12
    days = harness.db_scalar(env.db, "SELECT COUNT(*) FROM rollup_day"
                             " WHERE device_id = 'lyon-01-inv1'")
    assert 1 <= year["rows_read"] == days <= 366
    assert year["actual_kwh"] == pytest.approx(day["actual_kwh"] + 0.25,
                                               abs=0.01)


def test_site_without_devices_or_data_is_never_ok(env):
    a = env.api("ivan")
    mark = env.pv.mark()
    r = a.post("/sites", {"id": "empty-01", "name": "Empty roof",
                          "latitude": 45.1, "longitude": 5.7})
    assert r.status_code == 201, r.text
    env.wait_reload(mark)

    def state():
        r = a.get("/sites/empty-01")
        return r.json()["state"] if r.status_code == 200 else None
    assert wait_until(state, 20, "the new site") == "no_devices"
    fleet = {s["id"]: s["state"] for s in a.get("/kpis").json()["fleet"]}
    assert fleet["empty-01"] == "no_devices"
    mark = env.pv.mark()
    r = a.post("/devices", {"id": "empty-01-inv1", "site_id": "empty-01"})
    assert r.status_code == 201, r.text
    env.wait_reload(mark)
    wait_until(lambda: state() == "no_data", 20, "no data yet")
    for name, b in browsers(env):
        b.login("ivan")
        b.go("/#/site/empty-01")
        b.wait_text("No data yet", css="#energy")
        assert "ok" not in b.text("h1").split()
        b.shot("ux-site-new-" + name)


def test_a_slow_page_does_not_cover_the_next_one(env):
    """The fleet's data arrive after the user has opened the register page:
    the fleet must not be drawn over it."""
    b = Browser(env.base, 1400, 900)
    try:
        b.login("ivan")
        b.find("#kpi-sites")
        # Hold the fleet's last request back until the test lets it go;
        # the fleet page draws right after that answer is in.
        b.d.execute_script("""
            const real = window.api;
            window.__held = [];
            window.api = (method, path, body) => {
              if (path.indexOf("/tickets?status=active") !== 0)
                return real(method, path, body);
              return new Promise((res, rej) => window.__held.push(() =>
                real(method, path, body).then((v) => {
                  res(v);
                  setTimeout(() => { window.__drawn = true; }, 0);
                }, rej)));
            };""")
        b.d.execute_script("location.hash = '#/tickets'")
        b.wait_text("Tickets", css="main h1")
        b.d.execute_script("location.hash = '#/'")
        wait_until(lambda: b.d.execute_script(
            "return window.__held.length"), 15, "the held fleet request")
        b.d.execute_script("location.hash = '#/install'")
        b.find("#site-form")
        b.d.execute_script("window.__held.forEach((f) => f())")
        wait_until(lambda: b.d.execute_script("return window.__drawn"),
                   15, "the fleet's late answer")
        assert b._one("#site-form") is not None, b._text("main")
        assert b._text("main h1") == "Register"
    finally:
        b.close()


def test_forms_keep_values_and_mark_the_field(env):
    for name, b in browsers(env):
        b.login("ivan")
        b.go("/#/install")
        form = b.find("#site-form")
        assert b.d.execute_script(
            "const i = document.getElementById('id'); i.value = 'bad id!';"
            " const bad = !i.checkValidity(); i.value = 'good-id.1';"
            " return bad && i.checkValidity()")
        form.find_element(By.NAME, "id").clear()
        for field, value in (("id", "lyon-01"), ("name", "Second try"),
                             ("latitude", "45,52"), ("longitude", "4,8")):
            form.find_element(By.NAME, field).send_keys(value)
        b.find("#site-submit").click()
        b.wait_text("exists", css="#site-form")
        idf = form.find_element(By.NAME, "id")
        assert idf.get_attribute("aria-invalid") == "true"
        assert form.find_element(By.NAME, "name").get_attribute(
            "value") == "Second try"
        assert form.find_element(By.NAME, "latitude").get_attribute(
            "value") == "45,52"
        b.shot("ux-form-error-" + name)
        new_id = "comma-" + name
        idf.clear()
        idf.send_keys(new_id)
        b.find("#site-submit").click()
        b.wait_text("site '%s' created" % new_id)
        s = wait_until(lambda: env.api("ivan").get("/sites/" + new_id),
                       20, "the site")
        assert s.json()["latitude"] == pytest.approx(45.52)
        assert s.json()["longitude"] == pytest.approx(4.8)
        # A customer needs an email or a phone.
        cf = b.find("#customer-form")
        cf.find_element(By.NAME, "id").send_keys("nocontact-" + name)
        cf.find_element(By.NAME, "name").send_keys("No Contact")
        b.find("#customer-submit").click()
        b.wait_text("needs an email address", css="#customer-form")
        assert cf.find_element(By.NAME, "email").get_attribute(
            "aria-invalid") == "true"
        assert cf.find_element(By.NAME, "name").get_attribute(
            "value") == "No Contact"
        b.shot("ux-form-customer-" + name)


def test_customer_without_email_or_phone_is_refused(env):
    a = env.api("ivan")
    assert_error(a.post("/customers", {"id": "c-none", "name": "X"}), 400,
                 "email")
    r = a.post("/customers", {"id": "c-phone", "name": "X",
                              "phone": "+33 6 12 34 56 78"})
    assert r.status_code == 201, r.text


def _import(client, text, dry):
    return client.request("POST", "/import" + ("?dry_run=1" if dry else ""),
                          data=text.encode(),
                          headers={"Content-Type": "text/csv"})


def test_dry_run_and_import_refuse_the_same_lines(env, tmp_path):
    a = env.api("ivan")
    csv = ("type,id,name,latitude,longitude,site_id\n"
           "site,grenoble-01,Good,45.19,5.72,\n"
           "site,lyon-01,Taken,45.7,4.8,\n"
           "site,grenoble-01,Twice,45.19,5.72,\n"
           "device,grenoble-01-inv1,,,,nowhere\n")
    dry = _import(a, csv, True)
    real = _import(a, csv, False)
    assert dry.status_code == real.status_code == 400
    refused = lambda r: sorted((l["line"], l.get("field"))  # noqa: E731
                               for l in r.json()["lines"] if not l["ok"])
    assert refused(dry) == refused(real) == [(3, "id"), (4, "id"),
                                             (5, "site_id")]
    assert real.json()["imported"] is False
    assert real.json()["all_or_nothing"] is True
    assert a.get("/sites/grenoble-01").status_code == 404
    # In the browser: the same lines, and it says nothing was imported.
    path = tmp_path / "sites.csv"
    path.write_text(csv)
    for name, b in browsers(env):
        b.login("ivan")
        b.go("/#/install")
        b.find("#csv-file").send_keys(str(path))
        b.find("#import-dry").click()
        b.wait_text("would be refused", css="#import-report")
        b.find("#import-run").click()
        b.wait_text("Nothing was imported", css="#import-report")
        assert "line 3 (id)" in b.text("#import-report")
        b.shot("ux-import-" + name)
    good = ("type,id,name,latitude,longitude\n"
            "site,grenoble-02,Good,45.19,5.72\n"
            "site,grenoble-03,Also good,45.2,5.73\n")
    r = _import(a, good, False)
    assert r.status_code == 201 and r.json()["imported"] is True, r.text
    assert r.json()["created"] == 2


def test_admin_pages(env):
    a = env.admin()
    for name, b in browsers(env):
        b.login("root")
        b.go("/#/admin")
        b.wait_text("Create a user")
        assert b._one("a[href='#/admin']")
        user = "carol-" + name
        b.find("#new-username").send_keys(user)
        from selenium.webdriver.support.ui import Select
        Select(b.find("#new-role")).select_by_value("technician")
        Select(b.find("#new-person")).select_by_value("bob")
        b.find("#new-password").send_keys("short")
        b.d.execute_script(
            "document.getElementById('new-password').removeAttribute("
            "'minlength')")
        b.find("#user-submit").click()
        b.wait_text("10 to 256", css="#user-form")
        assert b.find("#new-username").get_attribute("value") == user
        b.shot("ux-admin-error-" + name)
        pw = b.find("#new-password")
        pw.clear()
        pw.send_keys(PASSWORD)
        b.find("#user-submit").click()
        b.wait_text("created")
        card = b.find("li.user[data-user='%s']" % user)
        assert "Bob Durand" in card.text  # the name, not the id
        card.find_element(By.CSS_SELECTOR, "button.disable").click()
        b.wait_text(user + " is disabled")
        card = b.find("li.user[data-user='%s']" % user)
        assert "disabled" in card.text
        card.find_element(By.CSS_SELECTOR, "input.reset-pw").send_keys(
            "another long password")
        card.find_element(By.CSS_SELECTOR, "button.reset").click()
        b.wait_text("password set")
        b.shot("ux-admin-" + name)
    users = {u["username"]: u for u in a.get("/users").json()}
    assert users["carol-desk"]["person"] == "bob"
    assert not users["carol-desk"]["disabled"]
    # Tokens: revoke one from the page.
    r = a.post("/tokens", {"user": users["carol-desk"]["id"],
                           "name": "to-revoke"})
    tok = r.json()["token"]
    b = Browser(env.base, 1400, 900)
    try:
        b.login("root")
        b.go("/#/admin")
        b.wait_text("to-revoke", timeout=30)
        b.d.find_element(
            By.XPATH, "//li[.//div[text()='to-revoke']]//button").click()
        b.wait_text("token revoked", timeout=30)
    finally:
        b.close()
    assert env.api().request(
        "GET", "/me", headers={"Authorization": "Bearer " + tok}
    ).status_code == 401


def test_ticket_in_words_with_escalation_and_safe_markdown(env):
    t = env.tickets["lyon-01"]
    for name, b in browsers(env):
        b.login("alice")
        b.go("/#/ticket/%d" % t["id"])
        b.wait_text("Timeline")
        kinds = [e.get_attribute("data-kind") for e in
                 b.d.find_elements(By.CSS_SELECTOR, "#timeline strong")]
        assert kinds
        text = b.text("#timeline")
        for k in kinds:
            if "_" in k:
                assert k not in text
        assert b.find("#escalation")
        assert "On call now" in b.text("#escalation")
        assert b.d.find_elements(By.CSS_SELECTOR, "#kb strong")
        assert "**" not in b.text("#kb")
        b.shot("ux-ticket-" + name)
        scroll(b, "#kb")
        b.shot("ux-ticket-kb-" + name)
        scroll(b, "#timeline")
        b.shot("ux-ticket-timeline-" + name)
        # Articles are text: tags stay text, javascript: is no link.
        res = b.d.execute_script(
            "const n = markdown('# T\\n<script>window.x=1</script> "
            "[click](javascript:alert(1)) [ok](https://example.org)');"
            "document.body.appendChild(n);"
            "return [n.querySelectorAll('script').length,"
            " [...n.querySelectorAll('a')].map(a => a.href), n.textContent,"
            " window.x === undefined]")
        assert res[0] == 0
        assert res[1] == ["https://example.org/"]
        assert "<script>window.x=1</script>" in res[2]
        assert "[click](javascript:alert(1))" in res[2]
        assert res[3]


def test_fleet_and_customer_cards(env):
    for name, b in browsers(env):
        b.login("ivan")
        b.wait_text("Sites by status")
        b.wait_text("Dupont house", css="#fleet")
        assert b.d.find_elements(By.CSS_SELECTOR, "#fleet li dt")
        b.shot("ux-fleet-" + name)
        b.go("/#/tickets")
        b.wait_text("in all")
        b.shot("ux-tickets-" + name)
        b.find("#logout").click()
        b.find("#login-form")
        assert not b._one("#nav")
        b.login("dupont")
        b.wait_text("My installation")
        b.find("#energy")
        assert "Europe/Paris time" in b.text("#zone-note")
        b.shot("ux-customer-" + name)
