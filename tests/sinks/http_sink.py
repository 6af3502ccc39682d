#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Webhook receiver for pvsentry's tests.

Listens on 127.0.0.1:PORT and appends every request to --out as one JSON
line: {"ts", "method", "path", "headers", "body", "status", "hmac"}.
"hmac" is null without --secret, else true or false.

  --fail N       answer 500 to the first N requests, then 200
  --status CODE  answer CODE instead of 200 once the failures are used up
  --secret S     verify the HMAC-SHA256 of the body (hex, optionally
                 "sha256=" prefixed) in --signature-header; a bad or
                 missing signature gets 401
  --hang SECONDS hold every request that long before answering (a
                 receiver that hangs); the request is recorded when
                 answered, so an unanswered one is never in --out
  --stats PATH   keep {"active", "max_active", "started", "answered"}
                 (requests being handled now, the most at once, totals)
                 in PATH as JSON, rewritten atomically on every change

Prints "ready PORT" on stdout once listening; SIGTERM/SIGINT stop it.
"""
import argparse
import hashlib
import hmac
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY = 16 << 20


class State:
    def __init__(self, args):
        self.args = args
        self.fail_left = args.fail
        self.lock = threading.Lock()
        self.out = open(args.out, "a", encoding="utf-8")
        self.stop = threading.Event()
        self.stats = {"active": 0, "max_active": 0, "started": 0,
                      "answered": 0}

    def count(self, started):
        if not self.args.stats:
            return
        with self.lock:
            st = self.stats
            if started:
                st["active"] += 1
                st["started"] += 1
                st["max_active"] = max(st["max_active"], st["active"])
            else:
                st["active"] -= 1
                st["answered"] += 1
            tmp = self.args.stats + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(st, f)
            os.replace(tmp, self.args.stats)

    def next_status(self):
        with self.lock:
            if self.fail_left > 0:
                self.fail_left -= 1
                return 500
        return self.args.status

    def record(self, entry):
        line = json.dumps(entry, sort_keys=True) + "\n"
        with self.lock:
            self.out.write(line)
            self.out.flush()
            os.fsync(self.out.fileno())


def check_hmac(secret, body, sig):
    if not sig:
        return False
    sig = sig.strip()
    if sig.lower().startswith("sha256="):
        sig = sig[7:]
    want = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(want, sig.lower())


def make_handler(state):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *a):
            pass

        def _handle(self):
            state.count(True)
            try:
                self._answer()
            finally:
                state.count(False)

        def _answer(self):
            n = int(self.headers.get("Content-Length") or 0)
            if n < 0 or n > MAX_BODY:
                self.send_error(413)
                return
            body = self.rfile.read(n) if n else b""
            args = state.args
            if args.hang and state.stop.wait(args.hang):
                return  # stopping: the request is never answered
            ok = None
            if args.secret is not None:
                ok = check_hmac(args.secret, body,
                                self.headers.get(args.signature_header))
            status = 401 if ok is False else state.next_status()
            state.record({
                "ts": time.time(),
                "method": self.command,
                "path": self.path,
                "headers": {k: v for k, v in self.headers.items()},
                "body": body.decode("utf-8", "replace"),
                "status": status,
                "hmac": ok,
            })
            reply = json.dumps({"status": status}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        do_POST = _handle
        do_PUT = _handle
        do_GET = _handle

    return Handler


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--out", required=True, help="JSON lines file")
    ap.add_argument("--fail", type=int, default=0)
    ap.add_argument("--status", type=int, default=200)
    ap.add_argument("--secret", default=None)
    ap.add_argument("--signature-header", default="X-Pvsentry-Signature")
    ap.add_argument("--hang", type=float, default=0)
    ap.add_argument("--stats", default=None)
    args = ap.parse_args()

    state = State(args)
    srv = ThreadingHTTPServer((args.host, args.port), make_handler(state))
    srv.daemon_threads = True
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    print("ready %d" % srv.server_address[1], flush=True)

    stop = state.stop
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    while not stop.wait(0.5):
        pass
    srv.shutdown()
    srv.server_close()
    state.out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
