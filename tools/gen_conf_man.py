#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Writes pvsentry.conf(5) on stdout from the parser's key tables.

    gen_conf_man.py PVSENTRY TEMPLATE VERSION DATE

PVSENTRY config-schema prints every section and key with its type,
default, range and choices (core/model/config_schema.c); docs/man/config-keys.txt
adds what each one means. Every key of the tables is in the page, whether
or not it has words yet (those are listed on stderr), so the page cannot
miss a key the parser accepts.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WORDS = os.path.join(HERE, "..", "docs", "man", "config-keys.txt")


def schema(binary):
    out = subprocess.run([binary, "config-schema"], check=True,
                         capture_output=True, text=True).stdout
    sections = []
    for line in out.splitlines():
        f = line.split("\t")
        if f[0] == "section":
            sections.append({"name": f[1], "named": f[2] == "named",
                             "open": f[3] == "open", "keys": []})
        elif f[0] == "key":
            sections[-1]["keys"].append(dict(zip(
                ("name", "type", "default", "min", "max", "choices",
                 "required"), f[2:])))
    return sections


def words(path):
    text, cur = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                cur = None if not line.strip() else cur
                continue
            if line[0].isspace() and cur:
                text[cur] += " " + line.strip()
                continue
            name, _, rest = line.strip().partition(" ")
            cur = name
            text[cur] = rest.strip()
    return text


def esc(s):
    """Plain text as roff: backslashes, hyphens, leading dots and quotes."""
    s = s.replace("\\", "\\e").replace("-", "\\-")
    return re.sub(r"^([.'])", r"\\&\1", s)


def key_entry(sec, k, text):
    out = [".TP", ".B %s" % esc(k["name"])]
    facts = [k["type"]]
    if k["required"] == "required":
        facts.append("required")
    if k["choices"]:
        facts.append("one of " + ", ".join(k["choices"].split(",")))
    if k["min"] or k["max"]:
        facts.append("%s to %s" % (k["min"], k["max"]))
    if k["default"]:
        facts.append("default " + k["default"])
    elif k["type"] == "list":
        facts.append("repeatable")
    out.append("(%s)" % esc("; ".join(facts)))
    desc = text.get("%s.%s" % (sec["name"], k["name"]))
    if desc:
        out.append(esc(desc))
    return out


def main():
    binary, template, version, date = sys.argv[1:5]
    text = words(WORDS)
    body, missing = [], []
    for sec in schema(binary):
        head = "[%s \\(dq\\fIid\\fP\\(dq]" % sec["name"] if sec["named"] \
            else "[%s]" % sec["name"]
        body.append(".SS %s" % head)
        if sec["name"] in text:
            body.append(esc(text[sec["name"]]))
        else:
            missing.append(sec["name"])
        for k in sec["keys"]:
            body += key_entry(sec, k, text)
            if "%s.%s" % (sec["name"], k["name"]) not in text:
                missing.append("%s.%s" % (sec["name"], k["name"]))
    if missing:
        print("gen_conf_man: no words yet in %s for: %s" % (
            os.path.relpath(WORDS), ", ".join(missing)), file=sys.stderr)
    with open(template, encoding="utf-8") as f:
        page = f.read()
    page = page.replace("@VERSION@", version).replace("@DATE@", date)
    sys.stdout.write(page.replace("@KEYS@", "\n".join(body)))


if __name__ == "__main__":
    main()
