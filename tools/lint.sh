#!/bin/sh
# SPDX-License-Identifier: MIT
# The house rules a compiler does not check: banned functions, line length,
# no // comments, and clang-format's layout. Exits non-zero on any finding.
set -u
cd "$(dirname "$0")/.."
files=$(git ls-files '*.c' '*.h' 2>/dev/null | grep -v '^collector/sunspec_models.c$')
[ -n "$files" ] || files=$(find core collector rules notifier web include tests -name '*.c' -o -name '*.h' | grep -v sunspec_models.c)
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
if command -v clang-format >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    if ! clang-format --dry-run --Werror $files 2>/tmp/pvs-lint.$$; then
        head -40 /tmp/pvs-lint.$$
        status=1
    fi
    rm -f /tmp/pvs-lint.$$
fi
if [ $status -eq 0 ]; then
    echo "lint: ok"
else
    echo "lint: failed"
fi
exit $status
