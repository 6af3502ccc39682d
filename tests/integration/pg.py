# SPDX-License-Identifier: MIT
"""A real PostgreSQL 15 for pvsentry's tests, and the state readers.

PgServer runs its own cluster: initdb and pg_ctl from Debian's
/usr/lib/postgresql/15/bin, a data directory in its own temporary directory
under /tmp (pytest's are 0700 root, which the server's user cannot enter),
owned by the unprivileged `postgres` user when the tests run as root, the
socket in that directory (-k) and TCP on a free loopback port. Readiness is
pg_ctl -w plus a connection that succeeds, never a sleep.

    srv = PgServer().start()
    url = srv.create_database("t1")    # postgresql://postgres@127.0.0.1:P/t1
    srv.restart(mode="immediate")      # a crash: no shutdown checkpoint
    srv.close()

STORE=postgresql: Harness.write_config swaps the config's SQLite path for a
fresh database on one shared server, and the readers follow (ALIASES).

Store readers: tests read pvsentry's state through store_query(db, sql,
args) whatever the backend. db is a SQLite path or a postgresql:// URI;
sql uses `?` placeholders, rewritten to psycopg2's `%s` for PostgreSQL.
"""
import atexit
import os
import pwd
import shutil
import sqlite3
import subprocess
import tempfile
import time

PG_BIN = "/usr/lib/postgresql/15/bin"
TIMEOUT_SCALE = float(os.environ.get("PVS_TIMEOUT_SCALE", "1"))


def available():
    """True when PostgreSQL 15's server and psycopg2 are installed."""
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        return False
    return os.access(os.path.join(PG_BIN, "initdb"), os.X_OK)


def _free_port():
    import socket
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """One PostgreSQL cluster on a free loopback port."""

    def __init__(self, port=None, settings=None):
        self.port = port or _free_port()
        self.dir = None
        self.data = None
        self.settings = dict(settings or {})
        self.user = None
        if os.geteuid() == 0:
            self.user = "postgres"

    # -- running commands as the server's user ---------------------------

    def _run(self, argv, check=True, timeout=120):
        if self.user:
            argv = ["runuser", "-u", self.user, "--"] + argv
        r = subprocess.run(argv, capture_output=True, text=True,
                           timeout=timeout * TIMEOUT_SCALE, cwd=self.dir)
        if check and r.returncode != 0:
            raise RuntimeError("%s failed (%d): %s%s\n%s" % (
                " ".join(argv), r.returncode, r.stdout, r.stderr,
                self.log_tail()))
        return r

    def log_tail(self, lines=30):
        try:
            with open(os.path.join(self.dir or "/nonexistent",
                                   "server.log")) as f:
                return "\n".join(f.read().splitlines()[-lines:])
        except OSError:
            return ""

    # -- life cycle --------------------------------------------------------

    def start(self):
        self.dir = tempfile.mkdtemp(prefix="pvs-pg-", dir="/tmp")
        self.data = os.path.join(self.dir, "data")
        if self.user:
            pw = pwd.getpwnam(self.user)
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        os.chmod(self.dir, 0o700)
        self._run([os.path.join(PG_BIN, "initdb"), "-D", self.data,
                   "-A", "trust", "-U", "postgres", "-E", "UTF8",
                   "--no-sync", "--locale=C"])
        self._start()
        return self

    def _options(self):
        opts = ["-p", str(self.port), "-k", self.dir,
                "-c", "listen_addresses=127.0.0.1",
                # A test cluster: an OS crash is not what the tests
                # simulate, so skip the fsyncs (a pg_ctl -m immediate stop
                # keeps what the kernel has).
                "-c", "fsync=off", "-c", "full_page_writes=off",
                "-c", "max_connections=60"]
        for k, v in self.settings.items():
            opts += ["-c", "%s=%s" % (k, v)]
        return " ".join(opts)

    def _start(self):
        self._run([os.path.join(PG_BIN, "pg_ctl"), "-D", self.data, "-w",
                   "-t", "60", "-l", os.path.join(self.dir, "server.log"),
                   "-o", self._options(), "start"])
        self.wait_ready()

    def wait_ready(self, timeout=30):
        import psycopg2
        deadline = time.monotonic() + timeout * TIMEOUT_SCALE
        while True:
            try:
                psycopg2.connect(self.url("postgres"),
                                 connect_timeout=2).close()
                return
            except psycopg2.OperationalError:
                if time.monotonic() > deadline:
                    raise AssertionError("PostgreSQL on port %d not ready"
                                         "\n%s" % (self.port,
                                                   self.log_tail()))
                time.sleep(0.05)

    def stop(self, mode="fast"):
        """pg_ctl stop; mode "immediate" is a crash (recovery at start)."""
        if self.data and os.path.exists(os.path.join(self.data,
                                                     "postmaster.pid")):
            self._run([os.path.join(PG_BIN, "pg_ctl"), "-D", self.data,
                       "-w", "-t", "60", "-m", mode, "stop"], check=False)

    def start_again(self):
        self._start()

    def restart(self, mode="fast"):
        self.stop(mode)
        self._start()

    def close(self):
        self.stop("immediate")
        if self.dir:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None

    # -- replication -------------------------------------------------------

    def standby(self):
        """A streaming standby of this server on a free port of its own: a
        base backup (pg_basebackup -R: it follows this server), started
        and ready; promote() makes it a primary."""
        sb = PgServer(settings=self.settings)
        sb.dir = tempfile.mkdtemp(prefix="pvs-pg-", dir="/tmp")
        sb.data = os.path.join(sb.dir, "data")
        if sb.user:
            pw = pwd.getpwnam(sb.user)
            os.chown(sb.dir, pw.pw_uid, pw.pw_gid)
        os.chmod(sb.dir, 0o700)
        sb._run([os.path.join(PG_BIN, "pg_basebackup"), "-D", sb.data,
                 "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                 "-R", "-X", "stream", "--no-sync"])
        sb._start()
        return sb

    def streaming(self):
        """How many standbys stream from this server."""
        import psycopg2
        con = psycopg2.connect(self.url("postgres"), connect_timeout=5)
        try:
            with con.cursor() as c:
                c.execute("SELECT COUNT(*) FROM pg_stat_replication WHERE"
                          " state = 'streaming'")
                return c.fetchone()[0]
        finally:
            con.close()

    def set_synchronous(self, names="*"):
        """Commits wait for a standby (synchronous_standby_names)."""
        import psycopg2
        con = psycopg2.connect(self.url("postgres"), connect_timeout=5)
        try:
            con.autocommit = True
            with con.cursor() as c:
                c.execute("ALTER SYSTEM SET synchronous_standby_names = %s",
                          (names,))
                c.execute("SELECT pg_reload_conf()")
        finally:
            con.close()

    def promote(self):
        """pg_ctl promote, waiting until the server takes writes."""
        self._run([os.path.join(PG_BIN, "pg_ctl"), "-D", self.data, "-w",
                   "-t", "60", "promote"])

    # -- databases ---------------------------------------------------------

    def url(self, dbname="pvsentry"):
        return "postgresql://postgres@127.0.0.1:%d/%s" % (self.port, dbname)

    def create_database(self, name):
        """A new empty database; returns its URI."""
        import psycopg2
        con = psycopg2.connect(self.url("postgres"))
        try:
            con.autocommit = True
            with con.cursor() as c:
                c.execute('DROP DATABASE IF EXISTS "%s"' % name)
                c.execute('CREATE DATABASE "%s"' % name)
        finally:
            con.close()
        return self.url(name)


# ---- every scenario on PostgreSQL (STORE=postgresql) -----------------------

# SQLite path in a test's config -> the PostgreSQL database standing in.
ALIASES = {}
_shared = []


def store_is_pg():
    return os.environ.get("STORE", "sqlite") in ("postgresql", "pg")


def shared_server():
    """One server for the whole run, started on first use."""
    if not _shared:
        _shared.append(PgServer().start())
        atexit.register(_shared[0].close)
    return _shared[0]


# ---- reading pvsentry's state, whatever the backend ------------------------

def is_pg(db):
    return str(db).startswith(("postgresql://", "postgres://"))


def store_query(db, sql, args=()):
    """Rows of sql (with `?` placeholders) on the SQLite file or the
    PostgreSQL database db, read-only; a list of tuples."""
    if is_pg(db):
        import psycopg2
        con = psycopg2.connect(db, connect_timeout=10)
        try:
            con.set_session(readonly=True, autocommit=True)
            with con.cursor() as c:
                c.execute(sql.replace("%", "%%").replace("?", "%s"),
                          tuple(args))
                return [tuple(r) for r in c.fetchall()]
        finally:
            con.close()
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=10)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def store_write(db, sql, args=()):
    """One statement committed on the PostgreSQL database db."""
    import psycopg2
    con = psycopg2.connect(db, connect_timeout=10)
    try:
        with con, con.cursor() as c:
            c.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(args))
    finally:
        con.close()


def store_scalar(db, sql, args=()):
    rows = store_query(db, sql, args)
    return rows[0][0] if rows else None
