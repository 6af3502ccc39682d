# SPDX-License-Identifier: MIT
"""The manual pages: pvsentry.conf(5) has every key of the parser's
tables, each with words (docs/man/config-keys.txt), and every page renders
without a groff warning."""
import os
import re
import shutil
import subprocess

import pytest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MAN = os.path.join(REPO, "docs", "man")
GEN = os.path.join(REPO, "tools", "gen_conf_man.py")


def tables(binary):
    """{section: [key, ...]} from `pvsentry config-schema`."""
    out = subprocess.run([binary, "config-schema"], check=True,
                         capture_output=True, text=True).stdout
    keys = {}
    for line in out.splitlines():
        f = line.split("\t")
        if f[0] == "section":
            keys[f[1]] = []
        else:
            assert f[0] == "key", line
            keys[f[1]].append(f[2])
    return keys


@pytest.fixture(scope="module")
def conf5(pvsentry_bin, tmp_path_factory):
    r = subprocess.run(["/usr/bin/python3", GEN, pvsentry_bin,
                        os.path.join(MAN, "pvsentry.conf.5.in"), "1.2.3",
                        "1 Jan 2026"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    # A key without words is named on stderr: write them in
    # docs/man/config-keys.txt.
    assert r.stderr == "", r.stderr
    path = tmp_path_factory.mktemp("man") / "pvsentry.conf.5"
    path.write_text(r.stdout)
    return str(path)


def test_every_config_key_is_in_pvsentry_conf_5(pvsentry_bin, conf5):
    keys = tables(pvsentry_bin)
    assert len(keys) >= 10 and "global" in keys and "http" in keys
    page = open(conf5).read()
    # Each section's part of the page, from its .SS heading to the next.
    parts = re.split(r"^\.SS ", page, flags=re.M)[1:]
    found = {}
    for part in parts:
        name = re.match(r"\[([a-z_]+)", part).group(1)
        found[name] = re.findall(r"^\.TP\n\.B (\S+)\n", part, flags=re.M)
    assert sorted(found) == sorted(keys)
    for section, names in keys.items():
        got = [n.replace("\\-", "-") for n in found[section]]
        assert got == names, section


def test_every_command_is_in_pvsentry_8(pvsentry_bin):
    usage = subprocess.run([pvsentry_bin, "--help"], capture_output=True,
                           text=True).stdout
    cmds = re.findall(r"^  ([a-z][a-z-]*) ", usage.split("commands:")[1]
                      .split("options:")[0], re.M)
    assert "run" in cmds and "ids" in cmds
    text = open(os.path.join(MAN, "pvsentry.8")).read()
    for cmd in cmds:
        assert re.search(r"^\.B[IR]? \"?%s\b" % re.escape(cmd), text,
                         re.M), "pvsentry(8) lacks the command " + cmd


@pytest.mark.parametrize("page", ["pvsentry.8", "pvsim.1",
                                  "pvsentry.conf.5"])
def test_pages_render_without_warnings(page, conf5):
    if shutil.which("groff") is None:
        pytest.fail("groff is missing (deploy/install-deps.sh installs "
                    "groff-base)", pytrace=False)
    path = conf5 if page == "pvsentry.conf.5" else os.path.join(MAN, page)
    r = subprocess.run(["groff", "-ww", "-man", "-Tutf8", "-z", path],
                       capture_output=True, text=True)
    assert r.returncode == 0 and r.stderr == "", r.stderr
