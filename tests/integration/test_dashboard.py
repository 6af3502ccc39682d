# SPDX-License-Identifier: MIT
"""The dashboard (web/static) in headless Chromium through Selenium,
against a real pvsentry: an installer registers a site and a device with
the forms; a technician logs in, opens the ticket a simulated inverter
fault made and acknowledges it; a customer sees only their own site.

Screenshots of every page go to build/screenshots/ (phone-sized and
desktop-sized). The tests are skipped, with the reason, only when Chromium
or its driver is not installed.
"""
import os
import shutil
import tempfile
import time

import pytest

import harness
from harness import wait_until
from webapi import PASSWORD, WebEnv

pytestmark = pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=600)

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
except ImportError:  # pragma: no cover
    webdriver = None


def _skip_reason():
    if webdriver is None:
        return "python3-selenium is not installed"
    if not CHROMIUM:
        return "chromium is not installed"
    if not os.access(CHROMEDRIVER, os.X_OK):
        return "chromium-driver (%s) is not installed" % CHROMEDRIVER
    return None


SHOTS = os.path.join(harness.REPO, "build", "screenshots")


@pytest.fixture(scope="module")
def env(tmp_path_factory, build):
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    h = harness.Harness(tmp_path_factory.mktemp("dash"), build=build,
                        start="2024-06-21T08:00:00Z", speed=600)
    try:
        e = WebEnv(h).start().create_users()
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


class Browser:
    def __init__(self, base, width=412, height=915, tz=None):
        self.base = base
        self.profile = tempfile.mkdtemp(prefix="pvs-chromium-")
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for a in ("--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--no-first-run", "--disable-dev-shm-usage",
                  "--user-data-dir=" + self.profile,
                  "--window-size=%d,%d" % (width, height)):
            opts.add_argument(a)
        if width < 500:
            # Phone size: headless Chromium's windows are at least 500
            # wide, so emulate the device's screen.
            opts.add_experimental_option("mobileEmulation", {
                "deviceMetrics": {"width": width, "height": height,
                                  "pixelRatio": 1.0}})
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        env = dict(os.environ)
        if tz:
            env["TZ"] = tz  # the browser's own time zone
        self.d = webdriver.Chrome(service=Service(CHROMEDRIVER, env=env),
                                  options=opts)
        self.d.set_page_load_timeout(30)

    def close(self):
        try:
            self.d.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    def go(self, path):
        self.d.get(self.base + path)

    def find(self, css, timeout=15):
        return wait_until(lambda: self._one(css), timeout,
                          "element %r on %s" % (css, self.d.current_url))

    def _one(self, css):
        els = self.d.find_elements(By.CSS_SELECTOR, css)
        try:
            return els[0] if els and els[0].is_displayed() else None
        except Exception:  # re-rendered under our feet: look again
            return None

    def text(self, css="main", timeout=15):
        return self.find(css, timeout).text

    def wait_text(self, needle, css="main", timeout=15):
        return wait_until(lambda: needle in self._text(css), timeout,
                          "%r in %s of %s" % (needle, css,
                                             self.d.current_url))

    def _text(self, css):
        els = self.d.find_elements(By.CSS_SELECTOR, css)
        try:
            return els[0].text if els else ""
        except Exception:  # re-rendered under our feet
            return ""

    def login(self, user):
        self.go("/")
        self.find("#username").send_keys(user)
        self.find("#password").send_keys(PASSWORD)
        self.find("#login").click()
        wait_until(lambda: self._one("#nav") is not None, 15, "the menu")

    def shot(self, name):
        os.makedirs(SHOTS, exist_ok=True)
        time.sleep(0)  # charts draw synchronously (animation off)
        self.d.save_screenshot(os.path.join(SHOTS, name + ".png"))

    def external_requests(self):
        """URLs the page fetched that are not pvsentry's."""
        urls = self.d.execute_script(
            "return performance.getEntriesByType('resource')"
            ".map(e => e.name)")
        return [u for u in urls if not u.startswith(self.base)]

    def js_errors(self):
        return [e for e in self.d.get_log("browser")
                if e["level"] == "SEVERE" and "favicon" not in e["message"]
                and "401" not in e["message"]]


@pytest.fixture
def browser(env):
    b = Browser(env.base)
    yield b
    b.close()


def test_installer_registers_a_site_and_a_device(env, browser):
    b = browser
    b.login("ivan")
    b.wait_text("Fleet")
    b.shot("installer-fleet-phone")
    b.go("/#/install")
    form = b.find("#site-form")
    b.shot("installer-register-phone")
    for name, value in (("id", "annecy-01"), ("name", "Lac house"),
                        ("address", "2 quai de la Tournette, Annecy"),
                        ("latitude", "45.9"), ("longitude", "6.12"),
                        ("kwp", "6.5")):
        el = form.find_element(By.NAME, name)
        el.clear()
        el.send_keys(value)
    Select(form.find_element(By.NAME, "customer_id")).select_by_value(
        "dupont")
    Select(form.find_element(By.NAME, "technician_id")).select_by_value(
        "alice")
    form.find_element(By.NAME, "access_notes").send_keys("Ladder in shed")
    mark = env.pv.mark()
    b.find("#site-submit").click()
    b.wait_text("site 'annecy-01' created", timeout=30)
    env.wait_reload(mark)
    # A bad value is reported with its field.
    form = b.find("#site-form")
    for name, value in (("id", "annecy-02"), ("name", "X"),
                        ("latitude", "45"), ("longitude", "6")):
        form.find_element(By.NAME, name).send_keys(value)
    tz = form.find_element(By.NAME, "timezone")
    tz.clear()
    tz.send_keys("Mars/Olympus")
    b.find("#site-submit").click()
    b.wait_text("timezone:", timeout=30)
    b.shot("installer-error-phone")
    # The device, on the new site.
    dev = b.find("#device-form")
    dev.find_element(By.NAME, "id").send_keys("annecy-01-inv1")
    Select(dev.find_element(By.NAME, "site_id")).select_by_value("annecy-01")
    dev.find_element(By.NAME, "vendor").send_keys("Fronius")
    dev.find_element(By.NAME, "endpoint_url").send_keys("tcp://127.0.0.1:1502")
    mark = env.pv.mark()
    b.find("#device-submit").click()
    b.wait_text("device 'annecy-01-inv1' created", timeout=30)
    env.wait_reload(mark)
    b.shot("installer-registered-phone")
    # The API agrees.
    s = env.api("ivan").get("/sites/annecy-01").json()
    assert s["name"] == "Lac house" and s["customer"] == "dupont"
    assert s["access_notes"] == "Ladder in shed"
    assert [d["id"] for d in s["device_list"]] == ["annecy-01-inv1"]
    assert s["device_list"][0]["vendor"] == "Fronius"
    b.go("/#/site/annecy-01")
    b.wait_text("Lac house")
    b.shot("installer-site-phone")
    # The CSV import's dry run reports the bad line, writes nothing.
    csv = env.h.path("sites.csv")
    with open(csv, "w") as f:
        f.write("type,id,name,latitude,longitude\n"
                "site,chambery-01,Good,45.56,5.92\n"
                "site,chambery-02,Bad,95,5.92\n")
    b.go("/#/install")
    b.find("#csv-file").send_keys(csv)
    b.find("#import-dry").click()
    b.wait_text("line 3 (latitude)", css="#import-report")
    b.shot("installer-import-phone")
    assert env.api("ivan").get("/sites/chambery-01").status_code == 404
    assert not b.external_requests()


def test_technician_acknowledges_a_fault_ticket(env, browser):
    b = browser
    t = env.tickets["lyon-01"]
    b.login("alice")
    b.wait_text("Fleet")
    text = b.text()
    assert "lyon-01" in text or "Dupont house" in text
    assert "Martin farm" not in text and "nantes-01" not in text
    b.shot("technician-fleet-phone")
    b.find("a.ticket-link[href='#/ticket/%d']" % t["id"]).click()
    b.wait_text("Timeline")
    assert "#%d" % t["id"] in b.text("h1")
    assert b.find("#kb").text  # the knowledge-base article
    b.shot("technician-ticket-phone")
    status = b.text("#ticket-status")
    if status not in ("open", "assigned"):
        pytest.fail("the ticket is %s before the test acts" % status)
    b.find("#action-text").send_keys("on my way")
    b.find("#ack").click()
    b.wait_text("acknowledged", css="#ticket-status", timeout=30)
    b.wait_text("on my way", css="#timeline")
    b.shot("technician-acknowledged-phone")
    r = env.api("alice").get("/tickets/%d" % t["id"]).json()
    assert r["status"] == "acknowledged"
    assert any(e["kind"] == "acknowledged" and e["actor"] == "alice"
               for e in r["events"])
    # The site page with its chart.
    b.go("/#/site/lyon-01")
    b.find("#energy")
    b.wait_text("Ticket history")
    b.shot("technician-site-phone")
    # Another technician's ticket is not reachable.
    b.go("/#/ticket/%d" % env.tickets["nantes-01"]["id"])
    b.wait_text("Cannot show this page")
    assert not b.external_requests()


def test_customer_sees_only_their_own_site(env):
    for name, size in (("phone", (412, 915)), ("desktop", (1280, 900))):
        b = Browser(env.base, *size)
        try:
            b.login("martin")
            b.wait_text("My installation")
            b.wait_text("Martin farm")
            text = b.text()
            assert "Dupont house" not in text and "lyon-01" not in text
            sites = b.d.find_elements(By.CSS_SELECTOR, ".site-status")
            assert [s.get_attribute("data-site") for s in sites] == [
                "nantes-01"]
            # Staff pages are not in the menu, and the data is not there.
            assert not b._one("a[href='#/install']")
            b.shot("customer-status-" + name)
            if name == "phone":
                b.find("#contact-nantes-01").send_keys("It beeps at night")
                b.d.find_element(
                    By.XPATH, "//button[text()='Send message']").click()
                b.find(".msg.ok", timeout=30)
            b.go("/#/site/lyon-01")
            b.wait_text("Cannot show this page")
            b.shot("customer-denied-" + name)
            assert not b.external_requests()
        finally:
            b.close()


def test_desktop_fleet_and_login_screenshots(env):
    b = Browser(env.base, 1280, 900)
    try:
        b.go("/")
        b.find("#login-form")
        b.shot("login-desktop")
        b.find("#username").send_keys("alice")
        b.find("#password").send_keys("not the password")
        b.find("#login").click()
        b.wait_text("wrong user name or password")
        b.login("ivan")
        b.wait_text("Open tickets")
        b.shot("fleet-desktop")
        b.go("/#/tickets")
        b.wait_text("in all")
        b.shot("tickets-desktop")
        b.go("/#/site/lyon-01")
        b.find("#energy")
        b.wait_text("Devices")
        b.shot("site-desktop")
        b.go("/#/ticket/%d" % env.tickets["nantes-01"]["id"])
        b.wait_text("Timeline")
        b.shot("ticket-desktop")
        b.find("#logout").click()
        b.find("#login-form")
        assert not b.external_requests()
    finally:
        b.close()
