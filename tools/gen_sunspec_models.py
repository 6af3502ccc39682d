#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Generate collector/sunspec_models.c from the SunSpec model definitions.

Usage: gen_sunspec_models.py DIR > collector/sunspec_models.c

DIR holds the official model_<id>.json files (and the LICENSE next to it,
one level up). Every model is emitted, none is filtered: the decoder must
understand any model a device may put in its chain.

Scale-factor and count references are resolved here, at generation time,
into (levels up, point index) pairs, so the C decoder never compares point
names while polling.
"""
import glob
import json
import os
import sys

TYPES = {
    "int16": "INT16", "uint16": "UINT16", "acc16": "ACC16",
    "count": "COUNT", "int32": "INT32", "uint32": "UINT32",
    "acc32": "ACC32", "int64": "INT64", "uint64": "UINT64",
    "acc64": "ACC64", "enum16": "ENUM16", "enum32": "ENUM32",
    "bitfield16": "BITFIELD16", "bitfield32": "BITFIELD32",
    "bitfield64": "BITFIELD64", "float32": "FLOAT32", "float64": "FLOAT64",
    "string": "STRING", "sunssf": "SUNSSF", "pad": "PAD",
    "ipaddr": "IPADDR", "ipv6addr": "IPV6ADDR", "eui48": "EUI48",
}


def cstr(s):
    if s is None:
        return "NULL"
    out = ['"']
    for ch in str(s):
        o = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 32 <= o < 127:
            out.append(ch)
        else:
            # UTF-8 bytes as octal escapes keep the file ASCII.
            for b in ch.encode("utf-8"):
                out.append("\\%03o" % b)
    out.append('"')
    return "".join(out)


class Gen:
    def __init__(self):
        self.out = []
        self.counter = 0

    def sym(self, prefix):
        self.counter += 1
        return "%s_%d" % (prefix, self.counter)

    def resolve(self, stack, name, what, where):
        """Find point `name` in stack[-1], then its parents: (up, index)."""
        for up, grp in enumerate(reversed(stack)):
            for i, p in enumerate(grp.get("points", [])):
                if p["name"] == name:
                    return up, i
        raise SystemExit("gen_sunspec_models: %s: %s '%s' not found"
                         % (where, what, name))

    def group(self, mid, stack):
        g = stack[-1]
        where = "model %d group %s" % (mid, g["name"])
        pts_sym = "NULL"
        npts = len(g.get("points", []))
        offset = 0
        rows = []
        for p in g.get("points", []):
            t = p["type"]
            if t not in TYPES:
                raise SystemExit("gen_sunspec_models: %s: unknown type %s"
                                 % (where, t))
            size = int(p["size"])
            syms = "NULL"
            nsyms = 0
            if p.get("symbols"):
                syms = self.sym("sy")
                lines = ["static const struct pvs_ss_symbol %s[] = {" % syms]
                for s in p["symbols"]:
                    lines.append("    {%s, %dU}," % (cstr(s["name"]),
                                                    int(s["value"])))
                lines.append("};")
                self.out.extend(lines)
                nsyms = len(p["symbols"])
            sf_up, sf_index, sf_fixed, has_fixed = -1, 0, 0, 0
            sf = p.get("sf")
            if isinstance(sf, str):
                sf_up, sf_index = self.resolve(stack, sf, "scale factor",
                                               where)
            elif isinstance(sf, int):
                sf_fixed, has_fixed = sf, 1
            rows.append("    {%s, %s, %s, %d, %d, %d, PVS_SS_%s, %d, %d, "
                        "%d, %d}," % (cstr(p["name"]), cstr(p.get("units")),
                                      syms, nsyms, offset, size, TYPES[t],
                                      sf_up, sf_index, sf_fixed, has_fixed))
            offset += size
        if npts:
            pts_sym = self.sym("pt")
            self.out.append("static const struct pvs_ss_point %s[] = {"
                            % pts_sym)
            self.out.extend(rows)
            self.out.append("};")
        subs = []
        for sg in g.get("groups", []):
            subs.append(self.group(mid, stack + [sg]))
        grp_sym = "NULL"
        if subs:
            grp_sym = self.sym("gr")
            self.out.append("static const struct pvs_ss_group %s[] = {"
                            % grp_sym)
            self.out.extend(subs)
            self.out.append("};")
        count = g.get("count")
        kind, n, cup, cidx = "ONE", 1, -1, 0
        if len(stack) > 1:
            if count is None:
                kind = "ONE"
            elif isinstance(count, str):
                kind = "POINT"
                cup, cidx = self.resolve(stack[:-1], count, "count", where)
            elif int(count) == 0:
                kind = "FILL"
            else:
                kind, n = "FIXED", int(count)
        return ("    {%s, %s, %d, %s, %d, %d, PVS_SS_COUNT_%s, %d, %d, %d},"
                % (cstr(g["name"]), pts_sym, npts, grp_sym, len(subs),
                   offset, kind, n, cup, cidx))

    def model(self, m):
        mid = int(m["id"])
        g = m["group"]
        top = self.group(mid, [g])
        sym = "model_%d" % mid
        self.out.append("static const struct pvs_ss_group %s = %s"
                        % (sym, top.strip().rstrip(",") + ";"))
        return mid, g["name"], g.get("label"), sym


def licence(path):
    notice = [
        "/*",
        " * GENERATED FILE - do not edit. Regenerate with `make sunspec-models`",
        " * (tools/gen_sunspec_models.py) from the SunSpec model definitions.",
        " *",
        " * The point tables below are derived from the SunSpec Information",
        " * Model definitions (github.com/sunspec/models),",
        " * Copyright SunSpec Alliance, licensed under the Apache License,",
        " * Version 2.0 (the \"License\"); you may not use this file except in",
        " * compliance with the License. You may obtain a copy of the License",
        " * at http://www.apache.org/licenses/LICENSE-2.0",
        " *",
        " * Unless required by applicable law or agreed to in writing,",
        " * software distributed under the License is distributed on an",
        " * \"AS IS\" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND,",
        " * either express or implied. See the License for the specific",
        " * language governing permissions and limitations under the License.",
    ]
    if os.path.exists(path):
        notice.append(" *")
        notice.append(" * The full licence text (%s) follows." %
                      os.path.basename(path))
        notice.append(" *")
        with open(path, encoding="utf-8") as f:
            for line in f.read().splitlines():
                line = line.replace("*/", "* /").rstrip()
                notice.append((" * " + line).rstrip())
    notice.append(" */")
    return notice


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: gen_sunspec_models.py DIR\n")
        return 2
    d = sys.argv[1]
    files = glob.glob(os.path.join(d, "model_*.json"))
    if not files:
        sys.stderr.write("gen_sunspec_models: no model_*.json in %s\n" % d)
        return 1
    models = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            models.append(json.load(fh))
    models.sort(key=lambda m: int(m["id"]))
    gen = Gen()
    rows = []
    for m in models:
        mid, name, label, sym = gen.model(m)
        rows.append("    {%d, %s, %s, &%s}," % (mid, cstr(name), cstr(label),
                                                sym))
    lic = os.path.join(os.path.dirname(os.path.abspath(d.rstrip("/"))),
                       "LICENSE")
    out = []
    out.extend(licence(lic))
    out.append("/* clang-format off */")
    out.append('#include "pvs/sunspec.h"')
    out.append("")
    out.extend(gen.out)
    out.append("")
    out.append("const struct pvs_ss_model pvs_sunspec_models[] = {")
    out.extend(rows)
    out.append("};")
    out.append("const size_t pvs_sunspec_nmodels = %d;" % len(rows))
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
