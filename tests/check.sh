#!/bin/sh
# SPDX-License-Identifier: MIT
# The whole test suite, as `make check` runs it: lint, config examples,
# unit tests and integration tests against an ASan+UBSan build. Every
# suite runs even when an earlier one fails; the last line is the total,
# "check: N passed, M failed", which CI reads.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build/check}
MAKE=${MAKE:-make}
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
pass=0
fail=0

step() { # name, command...
    name=$1
    shift
    echo "== $name"
    if "$@" >"$log/$name.out" 2>&1; then
        rc=0
    else
        rc=1
    fi
    # Builds are long and only interesting when they fail.
    if [ $rc -ne 0 ] || [ "$name" != build ]; then
        cat "$log/$name.out"
    fi
    return $rc
}

# gcc's "undefined" leaves out float-to-integer overflow: add it (a huge
# JSON number converted to a time was found by the HTTP fuzz target).
SAN=address,undefined,float-cast-overflow

# Lint and config examples: one check each.
if step lint $MAKE --no-print-directory lint; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
fi
if step build $MAKE --no-print-directory -j2 BUILD=$BUILD \
    SANITIZE=$SAN all unit-bins; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
    echo "check: $pass passed, $((fail + 1)) failed"
    exit 1
fi
if step config-check $MAKE --no-print-directory BUILD=$BUILD \
    SANITIZE=$SAN config-check; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
fi

# ASan: leaks are errors; UBSan: stop at the first report.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0}

step unit $MAKE --no-print-directory BUILD=$BUILD \
    SANITIZE=$SAN unit
line=$(grep -E '^unit: [0-9]+ passed, [0-9]+ failed' "$log/unit.out" | tail -1)
p=$(echo "$line" | sed -n 's/^unit: \([0-9]*\) passed.*/\1/p')
f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
[ -n "$line" ] || f=1
pass=$((pass + ${p:-0}))
fail=$((fail + ${f:-0}))

# pytest's summary line of a step into the totals.
count_pytest() { # step name
    summary=$(grep -E '(passed|failed|error)' "$log/$1.out" | tail -1)
    p=$(echo "$summary" | sed -n 's/.*[^0-9]\([0-9][0-9]*\) passed.*/\1/p;s/^\([0-9][0-9]*\) passed.*/\1/p' | head -1)
    f=$(echo "$summary" | sed -n 's/.*[^0-9]\([0-9][0-9]*\) failed.*/\1/p;s/^\([0-9][0-9]*\) failed.*/\1/p' | head -1)
    e=$(echo "$summary" | sed -n 's/.*[^0-9]\([0-9][0-9]*\) errors\{0,1\}.*/\1/p;s/^\([0-9][0-9]*\) errors\{0,1\}.*/\1/p' | head -1)
    [ -n "$p$f$e" ] || f=1
    pass=$((pass + ${p:-0}))
    fail=$((fail + ${f:-0} + ${e:-0}))
}

step integration $MAKE --no-print-directory BUILD=$BUILD \
    SANITIZE=$SAN integration
count_pytest integration

# The end-to-end slice and the reliability scenarios (kill -9 during a
# fault, SMTP down) again with PostgreSQL as the store; every scenario
# runs there with `make integration STORE=postgresql`.
PG_TESTS="test_slice.py::test_fault_opens_one_ticket_two_mails_then_recovery \
test_slice.py::test_kill9_between_commit_and_send \
test_slice.py::test_smtp_down_then_up_mails_arrive_once \
test_reliability.py::test_kill9_at_random_points \
test_reliability.py::test_smtp_down_broker_restart_clock_jump \
test_slice.py::test_repeated_fault_opens_no_second_ticket \
test_api.py::test_api_objects_survive_restart_export_and_erase \
test_cli.py::test_tickets_with_a_broken_config \
test_cli.py::test_tickets_in_the_sites_local_time"
step integration-pg $MAKE --no-print-directory BUILD=$BUILD \
    SANITIZE=$SAN STORE=postgresql PYTEST_ARGS="$PG_TESTS" integration
count_pytest integration-pg

echo "check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
