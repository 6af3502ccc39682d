# SPDX-License-Identifier: MIT
"""Modbus test helpers for pvsentry's integration tests.

- register images: the shared pysunspec "mbmap" XML files, the pysunspec2
  JSON device images and pvsentry's own text images (tests/data/sunspec)
  all become {address: register};
- an independent SunSpec decoder (the oracle) that the probe's JSON output
  is checked against, point by point;
- a pymodbus 3.0 server (TCP or RTU) serving images, run as a process:
  `python3 modbus_fixtures.py serve --tcp 127.0.0.1:PORT --unit 1=IMAGE`;
- pytest fixtures: free ports, socat pty pairs, servers, readiness probes.
"""
import glob
import json
import math
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
SHARED = os.path.abspath(os.path.join(REPO, "..", "shared"))
MODELS_DIR = os.path.join(SHARED, "data", "sunspec", "models", "json")
DEVICES_DIR = os.path.join(SHARED, "data", "sunspec", "test-devices")
OWN_IMAGES = os.path.join(REPO, "tests", "data", "sunspec")
PYTHON = "/usr/bin/python3"

# ---- model definitions ----

_DEFS = None


def model_defs():
    global _DEFS
    if _DEFS is None:
        _DEFS = {}
        for f in glob.glob(os.path.join(MODELS_DIR, "model_*.json")):
            with open(f, encoding="utf-8") as fh:
                m = json.load(fh)
            _DEFS[int(m["id"])] = m
    return _DEFS


# ---- register images ----

def image_from_text(text):
    regs = {}
    addr = 40000

    def put(v):
        nonlocal addr
        regs[addr] = v & 0xFFFF
        addr += 1

    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0]
        for tok in line.split():
            if tok.startswith("@"):
                addr = int(tok[1:])
            elif tok.startswith("s:"):
                _, n, txt = tok.split(":", 2)
                b = txt.replace("_", " ").encode().ljust(2 * int(n), b"\0")
                for i in range(int(n)):
                    put((b[2 * i] << 8) | b[2 * i + 1])
            elif tok[:2] in ("x:", "z:"):
                for _ in range(int(tok[2:])):
                    put(0xFFFF if tok[0] == "x" else 0)
            elif tok.startswith("f32:"):
                v = tok[4:]
                w = 0x7FC00000 if v == "nan" else struct.unpack(
                    ">I", struct.pack(">f", float(v)))[0]
                put(w >> 16)
                put(w)
            elif tok[:4] in ("u32:", "i32:", "u64:", "i64:"):
                n = 2 if tok[1:3] == "32" else 4
                v = int(tok[4:], 0) & ((1 << (16 * n)) - 1)
                for k in reversed(range(n)):
                    put(v >> (16 * k))
            else:
                put(int(tok, 0))
    return regs


def image_from_mbmap(path):
    root = ET.parse(path).getroot()
    base = int(root.get("addr", "40000"))
    regs = {}
    pos = 0
    for r in root.iter("regs"):
        if r.get("offset") is not None:
            pos = int(r.get("offset"))
        typ = r.get("type", "hexstr")
        n = int(r.get("len", "0") or 0)
        text = (r.text or "").strip()
        words = []
        if typ == "string":
            b = text.encode().ljust(2 * n, b"\0")[: 2 * n]
            words = [(b[2 * i] << 8) | b[2 * i + 1] for i in range(n)]
        elif typ in ("u16", "s16"):
            words = [int(text, 0) & 0xFFFF]
        elif typ in ("u32", "s32"):
            v = int(text, 0) & 0xFFFFFFFF
            words = [v >> 16, v & 0xFFFF]
        elif typ in ("u64", "s64"):
            v = int(text, 0) & 0xFFFFFFFFFFFFFFFF
            words = [(v >> s) & 0xFFFF for s in (48, 32, 16, 0)]
        elif typ == "f32":
            w = struct.unpack(">I", struct.pack(">f", float(text)))[0]
            words = [w >> 16, w & 0xFFFF]
        else:  # hex blob
            h = re.sub(r"\s+", "", text)
            words = [int(h[i:i + 4], 16) for i in range(0, len(h), 4)]
        for w in words:
            regs[base + pos] = w
            pos += 1
    return regs


NI16 = {"int16": 0x8000, "uint16": 0xFFFF, "count": 0xFFFF, "acc16": 0,
        "enum16": 0xFFFF, "bitfield16": 0xFFFF, "sunssf": 0x8000,
        "pad": 0x8000}


def _encode_point(p, v):
    t, size = p["type"], int(p["size"])
    if t == "string":
        b = (v or "").encode().ljust(2 * size, b"\0")[: 2 * size]
        return [(b[2 * i] << 8) | b[2 * i + 1] for i in range(size)]
    if t == "float32":
        f = float("nan") if v is None else float(v)
        w = struct.unpack(">I", struct.pack(">f", f))[0]
        return [w >> 16, w & 0xFFFF]
    if v is None:
        if t in NI16:
            return [NI16[t]]
        if t in ("int32",):
            return [0x8000, 0]
        if t in ("int64",):
            return [0x8000, 0, 0, 0]
        if t.startswith("acc") or t in ("ipaddr", "ipv6addr"):
            return [0] * size
        return [0xFFFF] * size
    v = int(v) & ((1 << (16 * size)) - 1)
    return [(v >> (16 * k)) & 0xFFFF for k in reversed(range(size))]


def _encode_group(g, val, out, top):
    for p in g.get("points", []):
        name = p["name"]
        if top and name == "L":
            out.append(None)  # patched afterwards
            continue
        out.extend(_encode_point(p, val.get(name) if val else None))
    for sg in g.get("groups", []):
        inst = val.get(sg["name"]) if val else None
        if inst is None:
            inst = [] if sg.get("count") is not None else [{}]
        if isinstance(inst, dict):
            inst = [inst]
        for i in inst:
            _encode_group(sg, i, out, False)


def image_from_pysunspec2(path):
    with open(path, encoding="utf-8") as fh:
        dev = json.load(fh)
    defs = model_defs()
    regs = {}
    words = [0x5375, 0x6E53]
    for m in dev["models"]:
        mid = int(m["ID"])
        if mid == 0xFFFF:
            words += [0xFFFF, 0]
            break
        out = []
        _encode_group(defs[mid]["group"], m, out, True)
        out[1] = len(out) - 2
        words += out
    for i, w in enumerate(words):
        regs[40000 + i] = w
    return regs


def load_image(path):
    if path.endswith(".xml"):
        return image_from_mbmap(path)
    if path.endswith(".json"):
        return image_from_pysunspec2(path)
    with open(path, encoding="utf-8") as fh:
        return image_from_text(fh.read())


def write_text_image(regs, path):
    """Write {addr: reg} in the text format (for pvsim and the C side)."""
    lines = []
    prev = None
    row = []
    for a in sorted(regs):
        if prev is None or a != prev + 1:
            if row:
                lines.append(" ".join(row))
                row = []
            lines.append("@%d" % a)
        row.append("0x%04x" % regs[a])
        if len(row) == 16:
            lines.append(" ".join(row))
            row = []
        prev = a
    if row:
        lines.append(" ".join(row))
    with open(path, "w", encoding="ascii") as fh:
        fh.write("\n".join(lines) + "\n")


# ---- the oracle: an independent SunSpec decoder ----

def _u(ws):
    v = 0
    for w in ws:
        v = (v << 16) | w
    return v


def decode_point(p, ws, sf):
    """Decoded value as probe --json prints it, or None (null)."""
    t = p["type"]
    size = int(p["size"])
    if len(ws) < size:
        return None
    if t == "string":
        b = b"".join(struct.pack(">H", w) for w in ws)
        s = b.split(b"\0", 1)[0].decode("latin-1")
        s = "".join(c if 0x20 <= ord(c) <= 0x7E else "?" for c in s).rstrip(" ")
        return s or None
    if t in ("pad", "sunssf"):
        return None
    if t == "float32":
        f = struct.unpack(">f", struct.pack(">I", _u(ws)))[0]
        return None if math.isnan(f) else f
    raw = _u(ws)
    ni = {"int16": [0x8000], "uint16": [0xFFFF], "count": [0xFFFF],
          "acc16": [0], "int32": [0x80000000], "uint32": [0xFFFFFFFF],
          "acc32": [0], "int64": [1 << 63], "uint64": [(1 << 64) - 1],
          "acc64": [0, 1 << 63], "enum16": [0xFFFF],
          "enum32": [0xFFFFFFFF], "bitfield16": [0xFFFF],
          "bitfield32": [0xFFFFFFFF], "ipaddr": [0]}
    if raw in ni.get(t, []):
        return None
    if t.startswith("enum"):
        for s in p.get("symbols", []):
            if int(s["value"]) == raw:
                return s["name"]
        return raw
    if t.startswith("bitfield"):
        return raw
    if t == "ipaddr":
        return "%d.%d.%d.%d" % tuple((raw >> s) & 0xFF for s in (24, 16, 8, 0))
    if t in ("ipv6addr", "eui48"):
        return None if raw in (0, (1 << 48) - 1) else "?"
    if t.startswith("int"):
        bits = 16 * size
        if raw >= 1 << (bits - 1):
            raw -= 1 << bits
    if sf is False:
        return None
    return raw * (10 ** sf) if sf >= 0 else raw / (10 ** -sf)


def _sf_value(p, stack, regs_of):
    sf = p.get("sf")
    if sf is None:
        return 0
    if isinstance(sf, int):
        return sf
    for grp, start in reversed(stack):
        off = start
        for q in grp.get("points", []):
            if q["name"] == sf:
                w = regs_of(off, 1)
                if not w or w[0] == 0x8000:
                    return False
                v = w[0] - 0x10000 if w[0] >= 0x8000 else w[0]
                return v if -10 <= v <= 10 else False
            off += int(q["size"])
    return False


def _fixed_len(g):
    n = sum(int(p["size"]) for p in g.get("points", []))
    for sg in g.get("groups", []):
        c = sg.get("count")
        if c is None:
            n += _fixed_len(sg)
        elif isinstance(c, int) and c > 0:
            n += c * _fixed_len(sg)
        else:
            return 0
    return n


def _oracle_group(g, start, end, stack, regs_of, mid, top):
    stack = stack + [(g, start)]
    obj = {}
    off = start
    for p in g.get("points", []):
        size = int(p["size"])
        name = p["name"]
        if not (top and name in ("ID", "L")) and p["type"] not in (
                "pad", "sunssf"):
            ws = regs_of(off, size) if off + size <= end else []
            v = decode_point(p, ws, _sf_value(p, stack, regs_of))
            meter = 201 <= mid <= 204 or 211 <= mid <= 214
            if meter and v == 0 and (name.startswith("PPV") or (
                    name.startswith("PhVph") and len(name) == 7)):
                v = None
            obj[name] = v
        off += size
    for sg in g.get("groups", []):
        c = sg.get("count")
        if c is None:
            n = 1
        elif isinstance(c, int) and c > 0:
            n = c
        elif c == 0:
            fl = _fixed_len(sg)
            n = (end - off) // fl if fl and off < end else 0
        else:
            n = 0
            for grp, gs in reversed(stack):
                o = gs
                found = False
                for q in grp.get("points", []):
                    if q["name"] == c:
                        w = regs_of(o, 1)
                        n = 0 if not w or w[0] == 0xFFFF else w[0]
                        found = True
                        break
                    o += int(q["size"])
                if found:
                    break
        items = []
        for _ in range(n):
            if off >= end:
                break
            sub, nxt = _oracle_group(sg, off, end, stack, regs_of, mid, False)
            items.append(sub)
            if nxt == off:
                break
            off = nxt
        if c is None:
            if items:
                obj[sg["name"]] = items[0]
        elif items:
            obj[sg["name"]] = items
    return obj, off


def oracle(regs):
    """What `pvsentry probe --json` must report for this image."""
    defs = model_defs()
    base = None
    for b in (40000, 0, 50000):
        if regs.get(b) == 0x5375 and regs.get(b + 1) == 0x6E53:
            base = b
            break
    if base is None:
        return None
    models = []
    addr = base + 2
    while True:
        if addr not in regs:
            break
        mid, length = regs[addr], regs.get(addr + 1)
        if mid in (0xFFFF, 0) or length is None:
            break
        avail = 2
        while avail < length + 2 and (addr + avail) in regs:
            avail += 1

        def regs_of(off, n, a=addr, av=avail):
            if off + n > av:
                return []
            return [regs[a + off + i] for i in range(n)]

        d = defs.get(mid)
        entry = {"id": mid, "length": length,
                 "name": d["group"]["name"] if d else None, "address": addr}
        if d:
            entry["points"], _ = _oracle_group(d["group"], 0, length + 2, [],
                                               regs_of, mid, True)
        else:
            entry["points"] = {}
        models.append(entry)
        if avail < length + 2:
            break
        addr += length + 2
    return {"base": base, "models": models}


def values_equal(a, b):
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is b
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    return a == b


def compare_points(got, want, path="points"):
    """List of differences between probe points and oracle points."""
    diffs = []
    for k, w in want.items():
        if k not in got:
            diffs.append("%s.%s missing (want %r)" % (path, k, w))
            continue
        g = got[k]
        if isinstance(w, dict):
            diffs += compare_points(g, w, path + "." + k)
        elif isinstance(w, list):
            if not isinstance(g, list) or len(g) != len(w):
                diffs.append("%s.%s: %d instances, want %d" % (
                    path, k, len(g) if isinstance(g, list) else -1, len(w)))
            else:
                for i, (gi, wi) in enumerate(zip(g, w)):
                    diffs += compare_points(gi, wi, "%s.%s[%d]" % (path, k, i))
        elif not values_equal(g, w):
            diffs.append("%s.%s = %r, want %r" % (path, k, g, w))
    for k in got:
        if k not in want:
            diffs.append("%s.%s unexpected" % (path, k))
    return diffs


# ---- processes ----

def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_for(pred, timeout=10.0, what="condition"):
    """Poll pred() until true; short naps between probes, bounded total."""
    deadline = time.monotonic() + timeout
    delay = 0.005
    while time.monotonic() < deadline:
        if pred():
            return
        time.sleep(delay)
        delay = min(delay * 2, 0.1)
    raise TimeoutError("timed out waiting for " + what)


def port_open(port, host="127.0.0.1"):
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


class Proc:
    def __init__(self, args, **kw):
        self.args = args
        self.p = subprocess.Popen(args, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, **kw)

    def stop(self):
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGTERM)
            try:
                self.p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
        out, err = self.p.communicate()
        return out, err


def socat_pair():
    """Start socat with a pty pair; returns (proc, pty_a, pty_b)."""
    p = subprocess.Popen(["socat", "-d", "-d", "pty,raw,echo=0",
                          "pty,raw,echo=0"], stderr=subprocess.PIPE,
                         text=True)
    ptys = []
    while len(ptys) < 2:
        line = p.stderr.readline()
        if not line:
            raise RuntimeError("socat exited")
        m = re.search(r"PTY is (\S+)", line)
        if m:
            ptys.append(m.group(1))
    return p, ptys[0], ptys[1]


def crc16(data):
    crc = 0xFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def rtu_answers(pty, unit, baud=9600, addr=40000):
    """One raw Modbus RTU read through pty: does the server answer yet?"""
    import serial
    frame = bytes([unit, 3, addr >> 8, addr & 0xFF, 0, 1])
    crc = crc16(frame)
    frame += bytes([crc & 0xFF, crc >> 8])
    try:
        with serial.Serial(pty, baud, timeout=0.2) as s:
            s.reset_input_buffer()
            s.write(frame)
            reply = s.read(7)  # unit, fc, count, 2 data bytes, crc
            return len(reply) == 7 and reply[0] == unit
    except (OSError, serial.SerialException):
        return False


def start_pymodbus(images, tcp_port=None, rtu=None, baud=9600,
                   rtu_peer=None):
    """images: {unit: path}. Returns a Proc, ready to answer (for RTU,
    probed with a read through rtu_peer, the other end of the pty)."""
    args = [PYTHON, os.path.abspath(__file__), "serve"]
    if tcp_port:
        args += ["--tcp", "127.0.0.1:%d" % tcp_port]
    else:
        args += ["--rtu", rtu, "--baud", str(baud)]
    for unit, path in images.items():
        args += ["--unit", "%d=%s" % (unit, path)]
    proc = Proc(args)
    if tcp_port:
        wait_for(lambda: proc.p.poll() is not None or port_open(tcp_port),
                 what="pymodbus on port %d" % tcp_port)
    else:
        unit = next(iter(images))
        wait_for(lambda: proc.p.poll() is not None or rtu_answers(
            rtu_peer, unit, baud), what="pymodbus on %s" % rtu)
    if proc.p.poll() is not None:
        out, err = proc.stop()
        raise RuntimeError("pymodbus server failed: " + err[-2000:])
    return proc


def build_bench(build_dir, out_dir):
    """Compile tests/bench/modbus_bench.c against build_dir/libpvs.a."""
    out = os.path.join(out_dir, "modbus_bench")
    cflags = subprocess.run(["pkg-config", "--cflags", "libmodbus"],
                            capture_output=True, text=True).stdout.split()
    subprocess.run(["cc", "-std=c11", "-D_POSIX_C_SOURCE=200809L",
                    "-D_DEFAULT_SOURCE", "-O2", "-g",
                    "-I" + os.path.join(REPO, "include")] + cflags +
                   ["-o", out, os.path.join(REPO, "tests", "bench",
                                            "modbus_bench.c"),
                    os.path.join(build_dir, "libpvs.a")] + _makefile_libs() +
                   _sanitizer_flags(build_dir), check=True)
    return out


def _makefile_libs():
    """The Makefile's LIBS line: whatever libpvs.a needs today."""
    with open(os.path.join(REPO, "Makefile"), encoding="utf-8") as f:
        m = re.search(r"^LIBS := (.*)$", f.read(), re.M)
    return m.group(1).split() if m else ["-lmodbus", "-lcjson", "-lpthread",
                                         "-lm"]


def _sanitizer_flags(build_dir):
    # A sanitizer build's library needs the same runtime at link time.
    try:
        syms = subprocess.run(["nm", os.path.join(build_dir, "libpvs.a")],
                              capture_output=True, text=True).stdout
    except OSError:
        return []
    flags = []
    if "__asan_" in syms:
        flags.append("-fsanitize=address")
    if "__ubsan_" in syms:
        flags.append("-fsanitize=undefined")
    if "__tsan_" in syms:
        flags.append("-fsanitize=thread")
    return flags


class LineReader:
    """Read a process's stdout lines with a deadline (no blocking reads)."""

    def __init__(self, proc):
        self.proc = proc
        self.lines = []
        self.buf = ""

    def poll(self, timeout):
        import select
        r, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not r:
            return
        chunk = os.read(self.proc.stdout.fileno(), 65536).decode()
        if not chunk:
            return
        self.buf += chunk
        while "\n" in self.buf:
            line, self.buf = self.buf.split("\n", 1)
            self.lines.append(line)

    def wait_line(self, pred, timeout):
        deadline = time.monotonic() + timeout
        start = 0
        while time.monotonic() < deadline:
            for i in range(start, len(self.lines)):
                if pred(self.lines[i]):
                    return self.lines[i]
            start = len(self.lines)
            self.poll(min(0.1, max(0.0, deadline - time.monotonic())))
            if self.proc.poll() is not None:
                self.poll(0)
        for line in self.lines[start:]:
            if pred(line):
                return line
        raise TimeoutError("no matching line; last: %r" % self.lines[-5:])


def _serve(argv):
    import argparse
    import asyncio
    import logging
    from pymodbus.datastore import (ModbusServerContext, ModbusSlaveContext,
                                    ModbusSparseDataBlock)
    from pymodbus.server import StartAsyncSerialServer, StartAsyncTcpServer
    from pymodbus.transaction import ModbusRtuFramer

    ap = argparse.ArgumentParser()
    ap.add_argument("--tcp")
    ap.add_argument("--rtu")
    ap.add_argument("--baud", type=int, default=9600)
    ap.add_argument("--unit", action="append", default=[])
    a = ap.parse_args(argv)
    logging.basicConfig(level=logging.CRITICAL)
    slaves = {}
    for spec in a.unit:
        unit, path = spec.split("=", 1)
        block = ModbusSparseDataBlock(load_image(path))
        slaves[int(unit)] = ModbusSlaveContext(hr=block, ir=block,
                                               zero_mode=True)
    ctx = ModbusServerContext(slaves=slaves, single=False)

    async def run():
        if a.tcp:
            host, port = a.tcp.rsplit(":", 1)
            await StartAsyncTcpServer(context=ctx, address=(host, int(port)))
        else:
            await StartAsyncSerialServer(
                context=ctx, framer=ModbusRtuFramer, port=a.rtu,
                baudrate=a.baud, timeout=0.05)

    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    asyncio.run(run())


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "serve":
        _serve(sys.argv[2:])
    else:
        sys.stderr.write("usage: modbus_fixtures.py serve ...\n")
        sys.exit(2)
