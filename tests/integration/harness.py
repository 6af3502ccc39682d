# SPDX-License-Identifier: MIT
"""Helpers shared by pvsentry's integration tests and the demo.

Everything here drives real processes on loopback: mosquitto, the SMTP and
HTTP sinks, pvsentry and pvsim. Readiness is always a probe with a deadline
(a port that accepts, a line in a log, a file that appears), never a fixed
sleep.

The simulated clock: pvsentry and pvsim both read PVS_SIM_ORIGIN_MS (the
real epoch ms at which simulated time starts) from the environment, so
every process started through a Harness gets the same origin and their
clocks agree. SimClock mirrors the same formula on the Python side.

Typical use (conftest.py gives a ready Harness as the `h` fixture):

    broker = h.start_mosquitto()
    sink = h.start_smtp_sink()
    cfg = h.write_config(SLICE_TEMPLATE, mqtt_port=broker.port, ...)
    pv = h.start_pvsentry(cfg)
    pv.wait_log("main: ready")
    sim = h.start_pvsim(broker, site="s1", devices=["inv1"], ...)
    sim.wait()
"""
import email
import email.policy
import json
import os
import pwd
import re
import shutil
import signal
import socket
import sqlite3
import string
import subprocess
import sys
import time

import pg

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
SINKS = os.path.join(REPO, "tests", "sinks")
PYTHON = "/usr/bin/python3"

# Slow builds (valgrind, sanitizers) stretch every deadline by this factor.
TIMEOUT_SCALE = float(os.environ.get("PVS_TIMEOUT_SCALE",
                                     "4" if os.environ.get("PVS_VALGRIND")
                                     else "1"))


def build_dir():
    """$PVS_BUILD, or the repository's build/ directory."""
    return os.path.abspath(os.environ.get("PVS_BUILD",
                                          os.path.join(REPO, "build")))


def now_ms():
    return int(time.time() * 1000)


def iso_to_ms(s):
    """ISO 8601 UTC ("2024-06-21T09:00:00Z") to epoch ms."""
    from datetime import datetime, timezone
    s = s.strip().replace("Z", "+00:00")
    d = datetime.fromisoformat(s)
    if d.tzinfo is None:
        d = d.replace(tzinfo=timezone.utc)
    return int(d.timestamp() * 1000)


def ms_to_iso(ms):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ms / 1000))


def parse_duration_ms(s):
    """"90s", "15m", "1h30m", "2d", "250ms" to milliseconds."""
    units = {"ms": 1, "s": 1000, "m": 60000, "h": 3600000, "d": 86400000}
    total, pos = 0, 0
    for m in re.finditer(r"\s*([0-9.]+)\s*(ms|s|m|h|d)", s):
        if m.start() != pos:
            raise ValueError("bad duration %r" % s)
        total += float(m.group(1)) * units[m.group(2)]
        pos = m.end()
    if pos != len(s) or not s:
        raise ValueError("bad duration %r" % s)
    return int(total)


# ---- waiting -------------------------------------------------------------

class Timeout(AssertionError):
    pass


def wait_until(pred, timeout, what="condition", interval=0.05):
    """Poll pred() until it returns something truthy; return that value.

    Raises Timeout (an AssertionError, so a test fails with the reason)
    when timeout seconds (scaled by PVS_TIMEOUT_SCALE) pass first.
    """
    deadline = time.monotonic() + timeout * TIMEOUT_SCALE
    while True:
        v = pred()
        if v:
            return v
        if time.monotonic() >= deadline:
            raise Timeout("timed out after %.1fs waiting for %s"
                          % (timeout * TIMEOUT_SCALE, what))
        time.sleep(interval)


def free_port():
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port, host="127.0.0.1"):
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


def wait_port(port, timeout=10, proc=None, what=None):
    """Wait until something accepts on 127.0.0.1:port.

    With proc, fail at once (with its log) when that process exits first.
    """
    def ready():
        if proc is not None and proc.poll() is not None:
            raise AssertionError("%s exited with %s before listening on %d"
                                 "\n%s" % (proc.name, proc.returncode, port,
                                           proc.log_tail()))
        return port_open(port)
    wait_until(ready, timeout, what or "port %d" % port)


# ---- the simulated clock ---------------------------------------------------

class SimClock:
    """sim = start + (real - origin) * speed, as core/lib/clock.c computes it."""

    def __init__(self, start, speed, origin_ms=None):
        self.start_ms = iso_to_ms(start) if isinstance(start, str) else start
        self.speed = float(speed)
        self.origin_ms = origin_ms if origin_ms is not None else now_ms()

    @property
    def start_iso(self):
        return ms_to_iso(self.start_ms)

    def now(self):
        return self.start_ms + int((now_ms() - self.origin_ms) * self.speed)

    def real_at(self, sim_ms):
        """Real epoch ms at which the clock reads sim_ms."""
        return self.origin_ms + (sim_ms - self.start_ms) / self.speed

    def real_seconds(self, sim_duration):
        """Real seconds that a simulated duration ("2h" or ms) takes."""
        if isinstance(sim_duration, str):
            sim_duration = parse_duration_ms(sim_duration)
        return sim_duration / self.speed / 1000.0

    def wait_for(self, sim_ms, timeout=None):
        """Block until the simulated clock has reached sim_ms (a deadline on
        the clock itself, not a readiness guess)."""
        if isinstance(sim_ms, str):
            sim_ms = iso_to_ms(sim_ms)
        left = (self.real_at(sim_ms) - now_ms()) / 1000.0
        wait_until(lambda: self.now() >= sim_ms,
                   timeout if timeout is not None else max(left, 0) + 5,
                   "simulated time %s" % ms_to_iso(sim_ms), interval=0.02)

    def env(self):
        return {"PVS_SIM_ORIGIN_MS": str(self.origin_ms)}


# ---- processes -------------------------------------------------------------

class Proc:
    """A child process whose stdout and stderr go to one log file."""

    def __init__(self, name, argv, log_path, env=None, cwd=None):
        self.name = name
        self.argv = list(argv)
        self.log_path = log_path
        self.env = env
        self.cwd = cwd
        self.popen = None
        self._log = None

    def start(self):
        self._log = open(self.log_path, "ab")
        self.popen = subprocess.Popen(
            self.argv, stdout=self._log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, env=self.env, cwd=self.cwd,
            start_new_session=True)
        return self

    @property
    def pid(self):
        return self.popen.pid if self.popen else None

    @property
    def returncode(self):
        return self.popen.returncode if self.popen else None

    def poll(self):
        return self.popen.poll() if self.popen else -1

    @property
    def running(self):
        return self.popen is not None and self.popen.poll() is None

    def send_signal(self, sig):
        if self.running:
            self.popen.send_signal(sig)

    def wait(self, timeout=30):
        try:
            return self.popen.wait(timeout * TIMEOUT_SCALE)
        except subprocess.TimeoutExpired:
            raise Timeout("%s did not exit within %.0fs\n%s" % (
                self.name, timeout * TIMEOUT_SCALE, self.log_tail()))

    def stop(self, timeout=15, sig=signal.SIGTERM):
        """Ask it to stop (SIGTERM), SIGKILL after timeout. Returns the exit
        status (negative for a signal)."""
        if self.popen is None:
            return None
        if self.popen.poll() is None:
            self.popen.send_signal(sig)
            try:
                self.popen.wait(timeout * TIMEOUT_SCALE)
            except subprocess.TimeoutExpired:
                self.kill()
        self._close()
        return self.popen.returncode

    def kill(self):
        """SIGKILL, no questions asked (kill -9)."""
        if self.popen is not None and self.popen.poll() is None:
            self.popen.kill()
            self.popen.wait()
        self._close()

    def _close(self):
        if self._log:
            self._log.close()
            self._log = None

    # -- the log --------------------------------------------------------

    def log_text(self):
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", "replace")
        except FileNotFoundError:
            return ""

    def log_size(self):
        try:
            return os.path.getsize(self.log_path)
        except FileNotFoundError:
            return 0

    mark = log_size

    def log_since(self, mark=0):
        with open(self.log_path, "rb") as f:
            f.seek(mark)
            return f.read().decode("utf-8", "replace")

    def log_tail(self, lines=40):
        return "\n".join(self.log_text().splitlines()[-lines:])

    def log_lines(self, pattern, since=0):
        """Lines (from offset since) matching the regex pattern."""
        rx = re.compile(pattern)
        return [ln for ln in self.log_since(since).splitlines()
                if rx.search(ln)]

    def wait_log(self, pattern, timeout=15, since=0, count=1):
        """Poll the log until `count` lines after offset `since` match the
        regex; return the matching lines. Fails early if the process dies.
        """
        def found():
            lines = self.log_lines(pattern, since)
            if len(lines) >= count:
                return lines
            if self.popen is not None and self.popen.poll() is not None:
                lines = self.log_lines(pattern, since)
                if len(lines) >= count:
                    return lines
                raise AssertionError(
                    "%s exited (%s) before logging %r\n%s" % (
                        self.name, self.popen.returncode, pattern,
                        self.log_tail()))
            return None
        try:
            return wait_until(found, timeout, "%r in %s's log" % (
                pattern, self.name))
        except Timeout as e:
            raise Timeout("%s\n--- %s log tail ---\n%s" % (
                e, self.name, self.log_tail()))


SANITIZER_RX = re.compile(
    r"ERROR: (Address|Leak|Thread|Memory)Sanitizer|runtime error: |"
    r"WARNING: ThreadSanitizer|== ?ERROR SUMMARY: [1-9]")


def sanitizer_reports(text):
    return [ln for ln in text.splitlines() if SANITIZER_RX.search(ln)]


class Mosquitto:
    """A private broker: `listener PORT 127.0.0.1`, anonymous, persistence on
    in its own directory. restart() keeps the port and the persisted
    sessions (stopped with SIGTERM, so it writes its database)."""

    def __init__(self, h, name="mosquitto", port=None, persistence=True,
                 extra_conf=""):
        self.h = h
        self.name = name
        self.port = port or free_port()
        self.dir = h.path(name)
        os.makedirs(self.dir, exist_ok=True)
        self.conf = os.path.join(self.dir, "mosquitto.conf")
        with open(self.conf, "w") as f:
            f.write("# written by pvsentry's test harness\n"
                    "listener %d 127.0.0.1\n"
                    "allow_anonymous true\n"
                    # As root, mosquitto would switch to its own user, which
                    # cannot write the test's persistence directory.
                    "user %s\n"
                    "persistence %s\n"
                    "persistence_location %s/\n"
                    "autosave_interval 1\n"
                    "max_queued_messages 0\n"
                    "max_inflight_messages 0\n"
                    "log_dest stderr\n"
                    "log_type error\nlog_type warning\nlog_type notice\n"
                    "log_type information\n"
                    "%s" % (self.port, pwd.getpwuid(os.getuid()).pw_name,
                            "true" if persistence else "false",
                            self.dir, extra_conf))
        self.proc = None
        self.binary = shutil.which("mosquitto") or "/usr/sbin/mosquitto"

    @property
    def uri(self):
        return "tcp://127.0.0.1:%d" % self.port

    def start(self, timeout=10):
        self.proc = self.h.spawn(self.name, [self.binary, "-c", self.conf])
        wait_port(self.port, timeout, self.proc, "mosquitto on port %d"
                  % self.port)
        return self

    def stop(self):
        """Graceful stop (SIGTERM): mosquitto saves its persistence file."""
        if self.proc:
            self.proc.stop()
        # The port must be free before anyone tries to take it again.
        wait_until(lambda: not port_open(self.port), 10,
                   "port %d to close" % self.port)

    def kill(self):
        if self.proc:
            self.proc.kill()

    def restart(self, timeout=10):
        self.stop()
        return self.start(timeout)

    @property
    def running(self):
        return self.proc is not None and self.proc.running


class SmtpSink:
    """tests/sinks/smtp_sink.py: each accepted mail as an .eml in maildir."""

    def __init__(self, h, name="smtp", port=None, maildir=None, reject=None,
                 reject_count=None, reject_file=None, hold_file=None):
        self.h = h
        self.name = name
        self.port = port or free_port()
        self.maildir = maildir or h.path(name + "-mail")
        os.makedirs(self.maildir, exist_ok=True)
        self.reject = reject
        self.reject_count = reject_count
        self.reject_file = reject_file
        self.hold_file = hold_file
        self.proc = None

    @property
    def url(self):
        return "smtp://127.0.0.1:%d" % self.port

    def start(self, timeout=15):
        argv = [PYTHON, os.path.join(SINKS, "smtp_sink.py"),
                "--port", str(self.port), "--dir", self.maildir]
        if self.reject:
            argv += ["--reject", str(self.reject)]
        if self.reject_count is not None:
            argv += ["--reject-count", str(self.reject_count)]
        if self.reject_file:
            argv += ["--reject-file", self.reject_file]
        if self.hold_file:
            argv += ["--hold-file", self.hold_file]
        self.proc = self.h.spawn(self.name, argv)
        self.proc.wait_log(r"^ready", timeout)
        wait_port(self.port, timeout, self.proc)
        return self

    def stop(self):
        if self.proc:
            self.proc.stop()

    def kill(self):
        if self.proc:
            self.proc.kill()

    def files(self):
        return sorted(f for f in os.listdir(self.maildir)
                      if f.endswith(".eml"))

    def mails(self):
        return read_mails(self.maildir)

    def wait_mails(self, n, timeout=30, pred=None, what=None):
        """Wait until at least n mails (matching pred) have arrived."""
        def enough():
            ms = [m for m in self.mails() if pred is None or pred(m)]
            return ms if len(ms) >= n else None
        return wait_until(enough, timeout, what or "%d mail(s) in %s" % (
            n, self.maildir), interval=0.1)


def read_mails(maildir):
    """Every .eml in maildir (oldest first) as an email.message.EmailMessage
    with .filename set."""
    out = []
    try:
        names = sorted(f for f in os.listdir(maildir) if f.endswith(".eml"))
    except FileNotFoundError:
        return out
    for name in names:
        with open(os.path.join(maildir, name), "rb") as f:
            m = email.message_from_binary_file(f, policy=email.policy.default)
        m.filename = name
        out.append(m)
    return out


def mail_body(m):
    part = m.get_body(preferencelist=("plain", "html"))
    return part.get_content() if part is not None else m.get_payload()


class HttpSink:
    """tests/sinks/http_sink.py: requests recorded as JSON lines."""

    def __init__(self, h, name="http", port=None, fail=0, status=200,
                 secret=None, signature_header=None, hang=None):
        self.h = h
        self.hang = hang
        self.stats_path = h.path(name + "-stats.json")
        self.name = name
        self.port = port or free_port()
        self.out = h.path(name + "-requests.jsonl")
        self.fail = fail
        self.status = status
        self.secret = secret
        self.signature_header = signature_header
        self.proc = None

    @property
    def url(self):
        return "http://127.0.0.1:%d/" % self.port

    def start(self, timeout=15):
        argv = [PYTHON, os.path.join(SINKS, "http_sink.py"),
                "--port", str(self.port), "--out", self.out,
                "--fail", str(self.fail), "--status", str(self.status)]
        if self.secret is not None:
            argv += ["--secret", self.secret]
        if self.signature_header:
            argv += ["--signature-header", self.signature_header]
        if self.hang:
            argv += ["--hang", str(self.hang)]
        argv += ["--stats", self.stats_path]
        self.proc = self.h.spawn(self.name, argv)
        self.proc.wait_log(r"^ready", timeout)
        wait_port(self.port, timeout, self.proc)
        return self

    def stop(self):
        if self.proc:
            self.proc.stop()

    def requests(self):
        try:
            with open(self.out, encoding="utf-8") as f:
                return [json.loads(ln) for ln in f if ln.strip()]
        except FileNotFoundError:
            return []

    def stats(self):
        """{"active", "max_active", "started", "answered"} ({} before the
        first request)."""
        try:
            with open(self.stats_path, encoding="utf-8") as f:
                return json.load(f)
        except (FileNotFoundError, ValueError):
            return {}

    def wait_requests(self, n, timeout=30, pred=None):
        def enough():
            rs = [r for r in self.requests() if pred is None or pred(r)]
            return rs if len(rs) >= n else None
        return wait_until(enough, timeout, "%d webhook request(s)" % n)


class Pvsentry:
    """`pvsentry run -c CONFIG`, stderr (its log) to a file."""

    def __init__(self, h, config, name="pvsentry", args=()):
        self.h = h
        self.config = config
        self.name = name
        self.args = list(args)
        self.proc = None
        self.runs = 0

    @property
    def binary(self):
        return os.path.join(self.h.build, "pvsentry")

    def start(self, wait_ready=True, timeout=20):
        argv = [self.binary, "run", "-c", self.config] + self.args
        if os.environ.get("PVS_VALGRIND"):
            argv = ["valgrind", "-q", "--error-exitcode=99",
                    "--leak-check=full", "--errors-for-leak-kinds=definite"
                    ] + argv
            supp = os.path.join(REPO, "tests", "valgrind.supp")
            if os.path.exists(supp):  # Paho's and libcurl's own threads
                argv.insert(1, "--suppressions=" + supp)
        self.runs += 1
        mark = self.proc.log_size() if self.proc else 0
        self.proc = self.h.spawn(self.name, argv)
        if wait_ready:
            self.wait_log(r"main: ready", timeout, since=mark)
        return self

    # Proxies to the process and its log.
    def wait_log(self, pattern, timeout=15, since=0, count=1):
        return self.proc.wait_log(pattern, timeout, since, count)

    def log_lines(self, pattern, since=0):
        return self.proc.log_lines(pattern, since)

    def mark(self):
        return self.proc.log_size() if self.proc else 0

    def log_text(self):
        return self.proc.log_text() if self.proc else ""

    @property
    def running(self):
        return self.proc is not None and self.proc.running

    def sighup(self):
        self.proc.send_signal(signal.SIGHUP)

    def stop(self, timeout=20):
        """SIGTERM: pvsentry drains and exits 0. Returns the exit status."""
        return self.proc.stop(timeout) if self.proc else None

    def kill9(self):
        self.proc.kill()

    def cli(self, *args, timeout=30, check=True):
        """Run `pvsentry ARGS...`; returns the CompletedProcess."""
        r = subprocess.run([self.binary] + list(args), capture_output=True,
                           text=True, env=self.h.env(),
                           timeout=timeout * TIMEOUT_SCALE)
        if check and r.returncode != 0:
            raise AssertionError("pvsentry %s exited %d\nstdout: %s\n"
                                 "stderr: %s" % (" ".join(args), r.returncode,
                                                 r.stdout, r.stderr))
        return r

    def tickets(self):
        """`pvsentry tickets -c CONFIG --json`, parsed."""
        r = self.cli("tickets", "-c", self.config, "--json")
        try:
            return json.loads(r.stdout)
        except ValueError as e:
            raise AssertionError("pvsentry tickets --json printed invalid "
                                 "JSON (%s): %r" % (e, r.stdout[:2000]))

    def wait_tickets(self, pred, timeout=30, what="tickets"):
        """Poll `pvsentry tickets --json` until pred(tickets) is truthy."""
        last = []

        def ok():
            last[:] = self.tickets()
            return pred(last)
        try:
            wait_until(ok, timeout, what, interval=0.25)
        except Timeout as e:
            raise Timeout("%s\nlast tickets: %s" % (
                e, json.dumps(last, indent=1)[:3000]))
        return list(last)


class Pvsim:
    """`pvsim mqtt ...` on the harness clock; summary() reads --summary."""

    def __init__(self, h, broker, site, devices=("inv1",), name="pvsim",
                 kwp=5.0, lat=45.76, lon=4.84, tilt=None, azimuth=None,
                 interval="60s", duration="6h", qos=1, layout="json",
                 client_id=None, scenarios=(), metrics=None, buffer=None,
                 start=None, extra=()):
        self.h = h
        self.name = name
        self.summary_path = h.path(name + "-summary.json")
        uri = broker.uri if hasattr(broker, "uri") else broker
        argv = [os.path.join(h.build, "pvsim"), "mqtt", "--broker", uri,
                "--site", site, "--kwp", str(kwp), "--lat", str(lat),
                "--lon", str(lon),
                "--sim-start", start or h.clock.start_iso,
                "--speed", repr(h.clock.speed), "--interval", interval,
                "--duration", duration, "--qos", str(qos),
                "--layout", layout, "--summary", self.summary_path,
                "--client-id", client_id or "pvsim-%s-%s" % (site, name)]
        for d in devices:
            argv += ["--device", d]
        if tilt is not None:
            argv += ["--tilt", str(tilt)]
        if azimuth is not None:
            argv += ["--azimuth", str(azimuth)]
        for s in scenarios:
            argv += ["--scenario", s]
        if metrics:
            argv += ["--metrics", ",".join(metrics)]
        if buffer:
            argv += ["--buffer", str(buffer)]
        self.argv = argv + list(extra)
        self.proc = None

    def start(self):
        self.proc = self.h.spawn(self.name, self.argv)
        return self

    def wait(self, timeout=None):
        """Wait for pvsim to finish; fail unless it exited 0 (every message
        acknowledged). Returns the summary."""
        if timeout is None:
            timeout = 60
        rc = self.proc.wait(timeout)
        if rc != 0:
            raise AssertionError("pvsim exited %s\n%s" % (
                rc, self.proc.log_tail()))
        return self.summary()

    def stop(self):
        return self.proc.stop() if self.proc else None

    def summary(self):
        with open(self.summary_path) as f:
            return json.load(f)


# ---- config ----------------------------------------------------------------

def render_config(template, **values):
    """string.Template substitution (${name}); every placeholder must be
    given, so a typo fails loudly."""
    return string.Template(template).substitute(**values)


# ---- the database ----------------------------------------------------------

def db_connect(path):
    """A read-only SQLite connection (pvsentry's engine stays the only
    writer). db_query and db_scalar also read PostgreSQL (pg.py)."""
    return sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=10)


def db_target(path):
    """What `pvsentry --db` takes for the database a test names by its
    SQLite path: the path, or the PostgreSQL URI standing in for it."""
    return pg.ALIASES.get(path, path)


def db_query(path, sql, args=()):
    path = pg.ALIASES.get(path, path)
    if pg.is_pg(path):
        return pg.store_query(path, sql, args)
    con = db_connect(path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def db_write(path, sql, args=()):
    """One write, committed, to the SQLite file or PostgreSQL database (for
    tests that plant a row while pvsentry is stopped)."""
    path = pg.ALIASES.get(path, path)
    if pg.is_pg(path):
        return pg.store_write(path, sql, args)
    con = sqlite3.connect(path, timeout=10)
    try:
        with con:
            con.execute(sql, args)
    finally:
        con.close()


def db_scalar(path, sql, args=()):
    rows = db_query(path, sql, args)
    return rows[0][0] if rows else None


def integrity_check(path):
    """PRAGMA integrity_check via the sqlite3 command line tool (a separate
    process, as an operator would run it). SQLite only: on PostgreSQL
    (STORE=postgresql) "ok" means the database answers."""
    path = pg.ALIASES.get(path, path)
    if pg.is_pg(path):
        return "ok" if pg.store_scalar(path, "SELECT 1") == 1 else "down"
    r = subprocess.run(["sqlite3", path, "PRAGMA integrity_check;"],
                       capture_output=True, text=True, timeout=60)
    return (r.stdout + r.stderr).strip()


# ---- the harness -----------------------------------------------------------

class Harness:
    """Owns a test's directory, clock and every process it started.

    close() stops everything (TERM, then KILL) and reports sanitizer
    findings in pvsentry/pvsim logs.
    """

    def __init__(self, tmpdir, start="2024-06-21T04:00:00Z", speed=600,
                 build=None):
        self.tmp = str(tmpdir)
        self.build = build or build_dir()
        # Under valgrind pvsentry runs many times slower: slow the simulated
        # clock as much, or it falls behind its own timers.
        self.clock = SimClock(start, speed / TIMEOUT_SCALE)
        self.procs = []

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def set_clock(self, start, speed, origin_ms=None):
        """Replace the clock; only before pvsentry/pvsim are started."""
        self.clock = SimClock(start, speed / TIMEOUT_SCALE, origin_ms)
        return self.clock

    def env(self, extra=None):
        e = dict(os.environ)
        e.update(self.clock.env())
        e.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0")
        e.setdefault("UBSAN_OPTIONS", "print_stacktrace=1")
        if extra:
            e.update(extra)
        return e

    def spawn(self, name, argv, env=None, cwd=None):
        """Start argv with its output in <tmp>/<name>.log; tracked for
        teardown. PVS_SIM_ORIGIN_MS is set for it."""
        p = Proc(name, argv, self.path(name + ".log"), env=self.env(env),
                 cwd=cwd or self.tmp).start()
        self.procs.append(p)
        return p

    # Starters ---------------------------------------------------------

    def start_mosquitto(self, **kw):
        return Mosquitto(self, **kw).start()

    def start_smtp_sink(self, **kw):
        return SmtpSink(self, **kw).start()

    def start_http_sink(self, **kw):
        return HttpSink(self, **kw).start()

    def write_config(self, template, name="pvsentry.conf", **values):
        """Render template into <tmp>/name; ${tmp}, ${sim_start} and
        ${sim_speed} are filled in unless given."""
        values.setdefault("tmp", self.tmp)
        values.setdefault("sim_start", self.clock.start_iso)
        values.setdefault("sim_speed", repr(self.clock.speed))
        path = self.path(name)
        text = render_config(template, **values)
        if pg.store_is_pg():
            text = self._database_on_pg(text)
        with open(path, "w") as f:
            f.write(text)
        return path

    def _database_on_pg(self, text):
        """STORE=postgresql: the config's SQLite path becomes a fresh
        PostgreSQL database, which the readers (db_query...) then read
        whenever the test names that path."""
        def swap(m):
            db = m.group(2).strip()
            if pg.is_pg(db):
                return m.group(0)
            url = pg.ALIASES.get(db)
            if url is None:
                url = pg.shared_server().create_database(
                    "t%d" % len(pg.ALIASES))
                pg.ALIASES[db] = url
            return m.group(1) + url
        return re.sub(r"(?m)^(database\s*=\s*)(\S.*)$", swap, text)

    def pvsentry(self, config, **kw):
        return Pvsentry(self, config, **kw)

    def start_pvsentry(self, config, wait_ready=True, **kw):
        return Pvsentry(self, config, **kw).start(wait_ready)

    def pvsim(self, broker, site, **kw):
        return Pvsim(self, broker, site, **kw)

    def start_pvsim(self, broker, site, **kw):
        return Pvsim(self, broker, site, **kw).start()

    # Teardown ---------------------------------------------------------

    def close(self):
        """Stop every process (pvsentry/pvsim first, brokers last)."""
        findings = []
        order = sorted(self.procs, key=lambda p: p.name.startswith(
            ("mosquitto", "smtp", "http")))
        for p in order:
            try:
                p.stop(timeout=10)
            except Exception:
                p.kill()
        for p in self.procs:
            if p.name.startswith(("pvsentry", "pvsim")):
                for ln in sanitizer_reports(p.log_text()):
                    findings.append("%s: %s" % (p.name, ln))
        self.procs = []
        return findings

    def dump_logs(self, out=sys.stderr, lines=60):
        seen = set()
        for p in self.procs:
            if p.log_path in seen:
                continue
            seen.add(p.log_path)
            out.write("\n----- %s (%s) -----\n%s\n" % (
                p.name, p.log_path, p.log_tail(lines)))
