#!/bin/sh
# SPDX-License-Identifier: MIT
# The house rules a compiler does not check: banned functions, line length,
# no // comments, clang-format's layout, the layers of DESIGN.md "Which
# folder may use which" (no include crosses an edge it does not draw), and
# no function longer than 80 lines. Exits non-zero on any finding.
#
#   tools/lint.sh            every C file of the repository
#   tools/lint.sh FILE...    only these (paths from the top directory)
set -u
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then
    files="$*"
else
    files=$(git ls-files '*.c' '*.h' 2>/dev/null | grep -v '^collector/sunspec_models.c$')
    [ -n "$files" ] || files=$(find core collector rules notifier web include tests -name '*.c' -o -name '*.h' | grep -v sunspec_models.c)
fi
status=0

# Banned: unbounded or thread-unsafe calls, and allocation that does not
# abort on OOM (use pvs_malloc & co).
banned='(^|[^>._[:alnum:]])(malloc|calloc|realloc|strdup|strndup|free|strcpy|strcat|sprintf|vsprintf|strtok|atoi|atol|atof|gets|strerror|gmtime|localtime|asctime|ctime|modbus_strerror)[[:space:]]*\('
for f in $files; do
    case "$f" in
    core/lib/util.c) continue ;; # the wrappers themselves
    tests/*) continue ;;
    esac
    out=$(grep -nE "$banned" "$f" | grep -vE '^\s*[0-9]+:\s*(\*|/\*)' | grep -v 'lint: allow')
    if [ -n "$out" ]; then
        echo "$out" | sed "s|^|$f:|; s|\$|  (banned function)|"
        status=1
    fi
    out=$(grep -n '//' "$f" | grep -v '"[^"]*//[^"]*"' | grep -v "://")
    if [ -n "$out" ]; then
        echo "$out" | sed "s|^|$f:|; s|\$|  (use /* */ comments)|"
        status=1
    fi
    # Columns, not bytes: French text in templates is UTF-8.
    out=$(/usr/bin/python3 -c 'import sys
for n, l in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    if len(l.rstrip("\n")) > 80:
        print("%d: line longer than 80 columns" % n)' "$f")
    if [ -n "$out" ]; then
        echo "$out" | sed "s|^|$f:|"
        status=1
    fi
done
# Layers. A file's layer comes from its folder; a header of include/pvs/
# has the layer of the table below (a new header needs a line here). Each
# layer includes only the layers listed after it (DESIGN.md):
#   lib: lib                     model: model lib
#   store: store model lib       service: service store rules model lib
#   collector: collector model lib
#   rules: rules model lib       notifier: notifier model lib
#   web: web store model lib     daemon: everything
# sqlite3.h belongs to the SQLite backend (core/store/sqlite/), libpq-fe.h
# to the PostgreSQL one (core/store/pg/); tests may read a database.
# Functions: at most 80 lines between their braces, generated code aside.
# shellcheck disable=SC2086
if ! /usr/bin/python3 - $files <<'EOF'; then
import os
import re
import sys

HEADERS = {
    "lib": "util log clock queue tz hours token stats credentials embed "
           "sdnotify cli",
    "model": "metrics config command inbox msg alert ticket_types rota "
             "template payload mail entity",
    "store": "store store_ops store_flow store_web store_entity "
             "store_objects",
    "service": "ticket service",
    "rules": "rules silence vendor expect sun trend",
    "collector": "modbus_conn modbus_map mqtt poller sunspec",
    "notifier": "notifier http",
    "web": "web web_views",
    "daemon": "engine engine_api running",
}
HEADERS["store"] += " store_views"  # the API's typed rows of tickets
HEADERS["store"] += " cluster"  # slots and leases (the worker: daemon)
HEADERS["store"] += " store_outbox"  # a store several processes share
LAYER_OF = {h: l for l, hs in HEADERS.items() for h in hs.split()}
MAY = {
    "lib": "lib",
    "model": "model lib",
    "store": "store model lib",
    "service": "service store rules model lib",
    "collector": "collector model lib",
    "rules": "rules model lib",
    "notifier": "notifier model lib",
    "web": "web store model lib",
    "daemon": " ".join(HEADERS),
}
FOLDERS = [("core/lib/", "lib"), ("core/model/", "model"),
           ("core/store/", "store"), ("core/service/", "service"),
           ("core/daemon/", "daemon"), ("collector/", "collector"),
           ("rules/", "rules"), ("notifier/", "notifier"), ("web/", "web")]
BACKEND = {"sqlite3.h": "core/store/sqlite/", "libpq-fe.h": "core/store/pg/"}
# Edges still crossed today, each with the work that removes it.
EDGE_ALLOW = set()
# Files outside the backends' folders that may include sqlite3.h: none.
SQLITE_ALLOW = set()
# Functions over 80 lines not split yet: file and function name.
LONG_ALLOW = {
}
MAX_LINES = 80


def layer(path):
    if path.startswith("include/pvs/") and path.endswith(".h"):
        return LAYER_OF.get(os.path.basename(path)[:-2], "?")
    for prefix, name in FOLDERS:
        if path.startswith(prefix):
            return name
    return None


def blank(src):
    """src with comments, strings and preprocessor lines blanked out."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
        elif c in "\"'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            j += 1
        elif c == "#" and (i == 0 or src[i - 1] == "\n"):
            j = i
            while True:
                j = src.find("\n", j)
                if j < 0:
                    j = n
                if j < n and src[j - 1] == "\\":
                    j += 1
                    continue
                break
        else:
            out.append(c)
            i += 1
            continue
        out.append(re.sub(r"[^\n]", " ", src[i:j]))
        i = j
    return "".join(out)


def functions(src):
    """(name, first line, body lines) of each function definition."""
    s, depth, head, line, start, res = blank(src), 0, 0, 1, None, []
    for i, c in enumerate(s):
        if c == "\n":
            line += 1
        elif c == "{":
            if depth == 0:
                h = s[head:i]
                m = re.search(r"(\w+)\s*\((?:[^()]|\([^()]*\))*\)\s*$", h)
                start = (m.group(1), line) if m and "=" not in h else None
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                if start:
                    res.append((start[0], start[1], line - start[1] - 1))
                start, head = None, i + 1
        elif c == ";" and depth == 0:
            head = i + 1
    return res


bad = 0
for path in sys.argv[1:]:
    try:
        src = open(path, encoding="utf-8").read()
    except OSError:
        continue
    me = layer(path)
    for n, text in enumerate(src.split("\n"), 1):
        m = re.match(r'\s*#\s*include\s*([<"])([^>"]+)[>"]', text)
        if not m:
            continue
        inc = m.group(2)
        if inc in BACKEND and not path.startswith("tests/"):
            if not path.startswith(BACKEND[inc]) and not (
                    inc == "sqlite3.h" and path in SQLITE_ALLOW):
                print("%s:%d: %s outside %s" % (path, n, inc, BACKEND[inc]))
                bad = 1
            continue
        if me is None:
            continue
        if inc.startswith("pvs/"):
            target = "include/" + inc
        elif m.group(1) == '"':
            target = os.path.normpath(os.path.join(os.path.dirname(path),
                                                   inc))
        else:
            continue
        to = layer(target)
        if to == "?" or me == "?":
            print("%s:%d: no layer for %s: add it to tools/lint.sh" %
                  (path, n, target if to == "?" else path))
            bad = 1
        elif to and to not in MAY[me].split() and \
                (path, inc) not in EDGE_ALLOW:
            print("%s:%d: %s (%s) may not include %s (%s): DESIGN.md "
                  "\"Which folder may use which\"" % (path, n, path, me,
                                                      inc, to))
            bad = 1
    if not path.endswith(".c"):
        continue
    # A module's .c lives in its header's layer: a call reaches the code,
    # not the header, so an implementation elsewhere is a hidden edge.
    base = os.path.basename(path)[:-2]
    if me and base in LAYER_OF and LAYER_OF[base] != me:
        print("%s: implements %s.h (%s) outside its layer: move it under "
              "%s" % (path, base, LAYER_OF[base],
                      [f for f, l in FOLDERS if l == LAYER_OF[base]][0]))
        bad = 1
    for name, first, count in functions(src):
        if count > MAX_LINES and (path, name) not in LONG_ALLOW:
            print("%s:%d: function %s is %d lines long (at most %d)" %
                  (path, first, name, count, MAX_LINES))
            bad = 1
sys.exit(bad)
EOF
    status=1
fi
if command -v clang-format >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    if ! clang-format --dry-run --Werror $files 2>/tmp/pvs-lint.$$; then
        head -40 /tmp/pvs-lint.$$
        status=1
    fi
    rm -f /tmp/pvs-lint.$$
fi
# The dashboard's script: a syntax error there leaves every page blank.
if command -v node >/dev/null 2>&1; then
    for js in web/static/*.js; do
        [ -f "$js" ] || continue
        node --check "$js" || status=1
    done
fi
if [ $status -eq 0 ]; then
    echo "lint: ok"
else
    echo "lint: failed"
fi
exit $status
