#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Writes tests/package/schema-v5.sql: a database as pvsentry left it at
schema 5 (migrations 1 to 5 of core/store/store.c, which are never edited, only
appended to), with one API-created site and device, raw samples in the
one-row-per-metric layout schema 6 repacks, and an open ticket. The
package check migrates it with the installed pvsentry.

    /usr/bin/python3 tests/package/make_fixture.py > tests/package/schema-v5.sql
"""
import os
import re
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VERSION = 5


def migrations():
    src = open(os.path.join(HERE, "..", "..", "core", "store.c")).read()
    body = src[src.index("static const char *const migrations[] = {"):]
    body = body[body.index("{") + 1:body.index("\n};")]
    body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)
    out, cur = [], []
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"|(,)', body):
        if m.group(2):
            out.append("".join(cur))
            cur = []
        else:
            cur.append(m.group(1).encode().decode("unicode_escape"))
    if cur:
        out.append("".join(cur))
    return out


def main():
    db = sqlite3.connect(":memory:")
    for sql in migrations()[:VERSION]:
        db.executescript(sql)
    t0 = 1718953200000  # 2024-06-21T07:00:00Z
    db.execute("INSERT INTO sites(id, name, latitude, longitude, timezone,"
               " kwp, tilt, azimuth, source, created_ms) VALUES ('lyon-01',"
               " 'Dupont house', 45.75, 4.85, 'Europe/Paris', 6, 30, 180,"
               " 'api', ?)", (t0,))
    db.execute("INSERT INTO devices(id, site_id, kind, source, created_ms)"
               " VALUES ('lyon-01-inv1', 'lyon-01', 'inverter', 'api', ?)",
               (t0,))
    for i in range(3):
        for metric, value in (("ac_power_w", 2000 + 10 * i),
                              ("ac_energy_wh", 5000000 + 30 * i)):
            db.execute("INSERT INTO samples VALUES ('lyon-01-inv1', ?, ?,"
                       " ?, 0)", (metric, t0 + 60000 * i, value))
    db.execute("INSERT INTO tickets(id, fingerprint, status, site_id,"
               " device_id, rule, family, subject, severity, title,"
               " opened_ms, updated_ms) VALUES (7, 'lyon-01/lyon-01-inv1/"
               "fault_code/fault', 'open', 'lyon-01', 'lyon-01-inv1',"
               " 'fault_code', 'fault_code', 'fault', 'critical',"
               " 'Inverter lyon-01-inv1 reports a fault', ?, ?)",
               (t0 + 120000, t0 + 120000))
    db.execute("INSERT INTO ticket_events(ticket_id, ts_ms, kind, actor,"
               " text) VALUES (7, ?, 'opened', 'pvsentry', 'fault')",
               (t0 + 120000,))
    db.commit()
    for line in db.iterdump():
        sys.stdout.write(line + "\n")
    sys.stdout.write("PRAGMA user_version = %d;\n" % VERSION)


if __name__ == "__main__":
    main()
