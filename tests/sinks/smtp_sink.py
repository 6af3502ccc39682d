#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""SMTP sink for pvsentry's tests and demo.

Listens on 127.0.0.1:PORT (aiosmtpd) and writes every accepted message as
one .eml file in --dir, atomically (a temporary file, then rename), so a
reader never sees half a mail. The envelope is kept as two extra headers at
the top of the file: X-Sink-Mail-From and X-Sink-Rcpt-To.

Prints "ready PORT" on stdout once it accepts connections. SIGTERM and
SIGINT stop it cleanly.

Failure modes for retry tests:
  --reject CODE         answer DATA with CODE (4xx: try later, 5xx: refused)
  --reject-count N      only for the first N messages (default: all)
  --reject-file PATH    reject only while PATH exists (toggle from a test)

For concurrency tests:
  --delay SECONDS       wait that long before answering DATA
  --hold-file PATH      once a message is stored, hold its answer while
                        PATH exists (prints "holding NAME"): the sender
                        has sent it and does not know yet, the moment a
                        crash makes it send the message again
  --stats PATH          keep {"connections", "max_connections", "accepted"}
                        (open client connections now, the most at once,
                        mails accepted) in PATH as JSON, rewritten
                        atomically on every change
"""
import argparse
import asyncio
import itertools
import json
import os
import signal
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP

REASONS = {
    421: "4.3.0 service not available, closing channel",
    450: "4.2.0 mailbox unavailable, try again later",
    451: "4.3.0 local error, try again later",
    452: "4.3.1 insufficient storage",
    550: "5.1.1 mailbox unavailable",
    552: "5.3.4 message too big",
    554: "5.6.0 transaction failed",
}


class Handler:
    def __init__(self, args):
        self.dir = args.dir
        self.reject = args.reject
        self.reject_left = args.reject_count
        self.reject_file = args.reject_file
        self.seq = itertools.count(1)
        self.lock = threading.Lock()
        self.accepted = 0
        self.rejected = 0
        self.delay = args.delay
        self.hold_file = args.hold_file
        self.stats_path = args.stats
        self.connections = 0
        self.max_connections = 0

    def write_stats(self):
        if not self.stats_path:
            return
        with self.lock:
            st = {"connections": self.connections,
                  "max_connections": self.max_connections,
                  "accepted": self.accepted}
            tmp = self.stats_path + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(st, f)
            os.replace(tmp, self.stats_path)

    def connected(self, delta):
        with self.lock:
            self.connections += delta
            self.max_connections = max(self.max_connections,
                                       self.connections)
        self.write_stats()

    def _should_reject(self):
        if not self.reject:
            return False
        if self.reject_file is not None:
            return os.path.exists(self.reject_file)
        with self.lock:
            if self.reject_left is None:
                return True
            if self.reject_left > 0:
                self.reject_left -= 1
                return True
            return False

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        if self._should_reject():
            self.rejected += 1
            reason = REASONS.get(self.reject, "rejected by the test sink")
            print("rejected %d from %s" % (self.reject, envelope.mail_from),
                  flush=True)
            return "%d %s" % (self.reject, reason)
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        head = ("X-Sink-Mail-From: %s\r\nX-Sink-Rcpt-To: %s\r\n" % (
            envelope.mail_from, ", ".join(envelope.rcpt_tos))).encode()
        n = next(self.seq)
        name = "%d-%06d-%d.eml" % (time.time_ns(), n, os.getpid())
        tmp = os.path.join(self.dir, "." + name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(head)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp, os.path.join(self.dir, name))
        self.accepted += 1
        self.write_stats()
        print("accepted %s from %s to %s" % (
            name, envelope.mail_from, ",".join(envelope.rcpt_tos)), flush=True)
        if self.hold_file and os.path.exists(self.hold_file):
            print("holding %s" % name, flush=True)
            while os.path.exists(self.hold_file):
                await asyncio.sleep(0.05)
        return "250 2.0.0 OK queued as %s" % name


class CountingSMTP(SMTP):
    """aiosmtpd's session, counting open connections for --stats."""

    def connection_made(self, transport):
        self.event_handler.connected(1)
        super().connection_made(transport)

    def connection_lost(self, exc):
        super().connection_lost(exc)
        self.event_handler.connected(-1)


class CountingController(Controller):
    def factory(self):
        return CountingSMTP(self.handler, **self.SMTP_kwargs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--dir", required=True, help="where .eml files go")
    ap.add_argument("--reject", type=int, default=0,
                    help="reply code for rejected messages (4xx or 5xx)")
    ap.add_argument("--reject-count", type=int, default=None)
    ap.add_argument("--reject-file", default=None)
    ap.add_argument("--delay", type=float, default=0)
    ap.add_argument("--stats", default=None)
    ap.add_argument("--hold-file", default=None)
    args = ap.parse_args()
    if args.reject and not 400 <= args.reject <= 599:
        ap.error("--reject takes a 4xx or 5xx code")
    if (args.reject_count is not None or args.reject_file) and not args.reject:
        args.reject = 451
    os.makedirs(args.dir, exist_ok=True)

    handler = Handler(args)
    ctl = CountingController(handler, hostname=args.host, port=args.port,
                     ready_timeout=10.0)
    ctl.start()
    print("ready %d" % args.port, flush=True)

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    while not stop.wait(0.5):
        pass
    ctl.stop()
    print("stopped: %d accepted, %d rejected" % (handler.accepted,
                                                  handler.rejected), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
