# SPDX-License-Identifier: MIT
"""tools/lint.sh enforces the layers of DESIGN.md ("Which folder may use
which") and the length of functions: a forbidden include or an overlong
function planted in a copy of a real source file fails the lint."""
import os
import shutil
import subprocess

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def lint_copy(tmp_path, rel, plant=None, extra=""):
    """Lint a copy of source file rel, with line plant added after its
    first include and extra appended; returns (exit status, output)."""
    os.makedirs(tmp_path / "tools", exist_ok=True)
    shutil.copy(os.path.join(ROOT, "tools", "lint.sh"), tmp_path / "tools")
    shutil.copy(os.path.join(ROOT, ".clang-format"), tmp_path)
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        lines = f.read().split("\n")
    if plant:
        at = next(i for i, l in enumerate(lines) if l.startswith("#include"))
        lines.insert(at + 1, plant)
    dest = tmp_path / rel
    os.makedirs(dest.parent, exist_ok=True)
    dest.write_text("\n".join(lines) + extra, encoding="utf-8")
    p = subprocess.run(["sh", str(tmp_path / "tools" / "lint.sh"), rel],
                       capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout + p.stderr


@pytest.mark.parametrize("rel", ["rules/sun.c", "web/charts.c",
                                 "core/model/metrics.c",
                                 "core/service/ticket.c"])
def test_unchanged_copy_passes(tmp_path, rel):
    rc, out = lint_copy(tmp_path, rel)
    assert rc == 0, out


@pytest.mark.parametrize("rel,include", [
    ("rules/sun.c", '#include "pvs/store.h"'),
    ("rules/sun.c", '#include "pvs/notifier.h"'),
    ("web/charts.c", '#include "pvs/expect.h"'),
    ("web/charts.c", '#include "pvs/engine_api.h"'),
    ("web/charts.c", '#include "pvs/ticket.h"'),
    ("core/lib/clock.c", '#include "pvs/config.h"'),
    ("core/model/metrics.c", '#include "pvs/rules.h"'),
    ("core/model/metrics.c", '#include "pvs/store.h"'),
    ("core/store/sqlite/store_ids.c", '#include "pvs/rules.h"'),
    ("core/store/sqlite/store_ids.c", '#include "pvs/notifier.h"'),
    ("notifier/notify_sms.c", '#include "pvs/store.h"'),
    ("notifier/notify_sms.c", '#include "pvs/modbus_map.h"'),
    ("collector/poller.c", '#include "pvs/rules.h"'),
    ("collector/poller.c", '#include "pvs/web.h"'),
    ("core/service/ticket.c", '#include "pvs/engine.h"'),
    ("core/service/ticket.c", '#include "../daemon/engine_int.h"'),
])
def test_forbidden_include_fails(tmp_path, rel, include):
    rc, out = lint_copy(tmp_path, rel, include)
    assert rc != 0, out
    assert "%s:" % rel in out and "may not include" in out, out


@pytest.mark.parametrize("rel", ["web/api.c", "core/model/config.c",
                                 "core/daemon/main.c"])
def test_sqlite_outside_its_backend_fails(tmp_path, rel):
    rc, out = lint_copy(tmp_path, rel, "#include <sqlite3.h>")
    assert rc != 0, out
    assert "sqlite3.h outside core/store/sqlite/" in out, out


@pytest.mark.parametrize("rel,moved", [
    ("core/model/template.c", "notifier/template.c"),
    ("core/model/payload.c", "web/payload.c"),
    ("rules/expect.c", "core/daemon/expect.c"),
])
def test_module_outside_its_layer_fails(tmp_path, rel, moved):
    """A module's code in another layer's folder is an edge no include
    shows (its callers include a header of the right layer)."""
    os.makedirs(tmp_path / "tools", exist_ok=True)
    shutil.copy(os.path.join(ROOT, "tools", "lint.sh"), tmp_path / "tools")
    shutil.copy(os.path.join(ROOT, ".clang-format"), tmp_path)
    dest = tmp_path / moved
    os.makedirs(dest.parent, exist_ok=True)
    shutil.copy(os.path.join(ROOT, rel), dest)
    p = subprocess.run(["sh", str(tmp_path / "tools" / "lint.sh"), moved],
                       capture_output=True, text=True, timeout=120)
    out = p.stdout + p.stderr
    assert p.returncode != 0, out
    assert "%s: implements" % moved in out and "outside its layer" in out, out
    rc, out = lint_copy(tmp_path, rel)
    assert rc == 0, out


def test_header_without_a_layer_fails(tmp_path):
    rc, out = lint_copy(tmp_path, "core/daemon/ids.c",
                        '#include "pvs/no_such_module.h"')
    assert rc != 0 and "no layer for include/pvs/no_such_module.h" in out, out


def long_function(lines):
    body = "".join("    n += %d;\n" % i for i in range(lines - 2))
    return ("\nint pvs_lint_probe(int n);\nint pvs_lint_probe(int n) {\n"
            + body + "\n    return n;\n}\n")


def test_function_over_80_lines_fails(tmp_path):
    rc, out = lint_copy(tmp_path, "core/model/metrics.c",
                        extra=long_function(81))
    assert rc != 0, out
    assert "function pvs_lint_probe is 81 lines long (at most 80)" in out, out


def test_function_of_80_lines_passes(tmp_path):
    rc, out = lint_copy(tmp_path, "core/model/metrics.c",
                        extra=long_function(80))
    assert "pvs_lint_probe" not in out, out
