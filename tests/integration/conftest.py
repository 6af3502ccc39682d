# SPDX-License-Identifier: MIT
"""Shared fixtures for pvsentry's integration tests.

    h            a Harness (harness.py): the test's tmp dir, a simulated
                 clock, and every process it starts, stopped at teardown
    build        the build directory ($PVS_BUILD or the repo's build/)
    pvsentry_bin, pvsim_bin
                 paths to the binaries (the test fails if missing)
    mosquitto    a private broker on a free loopback port
    smtp_sink    the SMTP sink, writing .eml files
    http_sink    factory: http_sink(fail=2, secret="s") starts a webhook sink
    pg_server    one PostgreSQL 15 cluster for the session (pg.py)
    pg_db        a fresh PostgreSQL database on it, as a postgresql:// URI

STORE=postgresql runs every scenario on PostgreSQL (pg.py); the ones
about SQLite's own file are marked sqlite_only and skipped there.

The clock defaults to a sunny June morning at speed 600; a test (or a
module) changes it with the `sim_clock` marker:

    @pytest.mark.sim_clock(start="2024-06-21T08:00:00Z", speed=1200)

On failure the tail of every process log is printed; sanitizer reports in
pvsentry's or pvsim's log fail the test at teardown.
"""
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import harness  # noqa: E402
import pg  # noqa: E402


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "sim_clock(start, speed): the simulated clock of the test")
    config.addinivalue_line(
        "markers", "slow: takes more than a few seconds")
    config.addinivalue_line(
        "markers", "sqlite_only: about SQLite's file (disk space, online "
        "backup); skipped when STORE=postgresql")


def pytest_collection_modifyitems(config, items):
    if not pg.store_is_pg():
        return
    skip = pytest.mark.skip(reason="SQLite's own file (STORE=postgresql)")
    for item in items:
        if item.get_closest_marker("sqlite_only"):
            item.add_marker(skip)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)


@pytest.fixture(scope="session")
def build():
    return harness.build_dir()


def _binary(build, name):
    path = os.path.join(build, name)
    if not os.access(path, os.X_OK):
        pytest.fail("%s not built (looked for %s; run make or set "
                    "PVS_BUILD)" % (name, path), pytrace=False)
    return path


@pytest.fixture(scope="session")
def pvsentry_bin(build):
    return _binary(build, "pvsentry")


@pytest.fixture(scope="session")
def pvsim_bin(build):
    return _binary(build, "pvsim")


@pytest.fixture
def h(request, tmp_path, build):
    kw = {}
    m = request.node.get_closest_marker("sim_clock")
    if m:
        kw.update(m.kwargs)
    hs = harness.Harness(tmp_path, build=build, **kw)
    yield hs
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        hs.dump_logs()
    findings = hs.close()
    if findings:
        pytest.fail("sanitizer reports:\n" + "\n".join(findings[:40]),
                    pytrace=False)


@pytest.fixture
def mosquitto(h):
    return h.start_mosquitto()


@pytest.fixture
def smtp_sink(h):
    return h.start_smtp_sink()


@pytest.fixture
def http_sink(h):
    def start(**kw):
        return h.start_http_sink(**kw)
    return start


@pytest.fixture(scope="session")
def pg_server():
    if not pg.available():
        pytest.fail("PostgreSQL 15 or psycopg2 missing (make deps)",
                    pytrace=False)
    srv = pg.PgServer().start()
    yield srv
    srv.close()


@pytest.fixture
def pg_db(request, pg_server):
    name = "t_" + "".join(c if c.isalnum() else "_"
                          for c in request.node.name.lower())[:50]
    return pg_server.create_database(name)
