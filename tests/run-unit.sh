#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs every cmocka binary given, then prints one total line.
set -u
pass=0
fail=0
for t in "$@"; do
    out=$("$t" 2>&1)
    rc=$?
    printf '%s\n' "$out" | grep -E '^\[  (FAILED|PASSED)|^\[  ERROR|FAILED|ERROR' | sed "s|^|$(basename "$t"): |"
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    pass=$((pass + ${p:-0}))
    fail=$((fail + ${f:-0}))
    if [ $rc -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
        printf '%s\n' "$out" | tail -20
        fail=$((fail + 1))
    fi
done
echo "unit: $pass passed, $fail failed"
[ $fail -eq 0 ]
