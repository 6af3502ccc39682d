#!/bin/sh
# SPDX-License-Identifier: MIT
# `make fuzz`: build every libFuzzer target with clang (ASan + UBSan) and
# run each for FUZZ_SECONDS (default 30) on a copy of its seed corpus.
#
#   FUZZ_SECONDS=300 make fuzz         longer runs
#   FUZZ_TARGETS="sunspec" make fuzz   one target
#   FUZZ_JOBS=2                        parallel workers per target
#
# New inputs that grow coverage stay in build/fuzz/corpus/<target>/ (copy
# the interesting ones into tests/fuzz/corpus/). A crash is written to
# build/fuzz/crashes/<target>/; copy it into tests/fuzz/regress/<target>/
# so `make check` replays it (tests/unit/test_fuzz_regress.c) for good.
# tests/fuzz/<target>.dict, when there is one, is the target's dictionary.
set -u
cd "$(dirname "$0")/../.."
MAKE=${MAKE:-make}
B=${FUZZ_BUILD:-build/fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-30}
TARGETS=${FUZZ_TARGETS:-config mqtt_payload sunspec http}
JOBS=${FUZZ_JOBS:-1}

rt=$(ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a \
    2>/dev/null | head -1)
if ! command -v clang >/dev/null 2>&1 || [ -z "$rt" ]; then
    echo "fuzz: installing clang and libclang-rt-14-dev (libFuzzer)"
    if [ "$(id -u)" -ne 0 ]; then
        echo "fuzz: need root for apt-get (or install clang and" \
            "libclang-rt-14-dev yourself)" >&2
        exit 1
    fi
    apt-get install -y --no-install-recommends clang libclang-rt-14-dev \
        >/dev/null || {
        apt-get update >/dev/null && apt-get install -y \
            --no-install-recommends clang libclang-rt-14-dev >/dev/null
    } || exit 1
fi

SAN=address,undefined
$MAKE --no-print-directory -j2 BUILD=$B CC=clang SANITIZE=$SAN \
    CFLAGS="-O1 -g -fsanitize=fuzzer-no-link" $B/libpvs.a >$B.log 2>&1 || {
    tail -30 $B.log
    exit 1
}
CF="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g -Wall \
-Wextra -Iinclude -I$(pkg-config --cflags-only-I libmodbus 2>/dev/null | \
sed 's/^-I//') -fsanitize=fuzzer,$SAN -fno-sanitize-recover=$SAN \
-fno-omit-frame-pointer -pthread"
# The same libraries as the daemon (the Makefile is the one list).
LIBS=$(sed -n "s/^LIBS := //p" Makefile)

status=0
total=0
top=$(pwd)
printf '%-14s %12s %10s %8s %s\n' target executions exec/s corpus result
for t in $TARGETS; do
    mkdir -p $B/bin $B/corpus/$t $B/crashes/$t
    # shellcheck disable=SC2086
    clang $CF -o $B/bin/fuzz_$t tests/fuzz/fuzz_$t.c tests/fuzz/entries.c \
        $B/libpvs.a $LIBS || exit 1
    cp tests/fuzz/corpus/$t/* $B/corpus/$t/ 2>/dev/null
    log=$B/fuzz_$t.log
    dict=
    [ -f tests/fuzz/$t.dict ] && dict=-dict=$(pwd)/tests/fuzz/$t.dict
    # -jobs writes fuzz-<n>.log into the working directory: run in the
    # target's own, so that runs side by side never share one.
    mkdir -p $B/run/$t
    ab=$(cd $B && pwd)
    (
        cd $B/run/$t || exit 1
        PVS_FUZZ_DIR=$top/tests/fuzz \
        ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
            exec "$ab/bin/fuzz_$t" -max_total_time="$SECONDS_EACH" \
            -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1 -jobs="$JOBS" -workers="$JOBS" $dict \
            -artifact_prefix="$ab/crashes/$t/" "$ab/corpus/$t" \
            "$top/tests/fuzz/regress/$t"
    ) >$log 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' $log |
        awk '{s += $1} END {print s + 0}')
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' $log | tail -1)
    ncorp=$(find $B/corpus/$t -type f | wc -l)
    crashes=$(find $B/crashes/$t -type f | wc -l)
    total=$((total + execs))
    if [ $rc -eq 0 ] && [ "$crashes" -eq 0 ]; then
        res=ok
    else
        res="FAILED (exit $rc, $crashes crash file(s) in $B/crashes/$t)"
        status=1
        grep -E 'ERROR|runtime error|SUMMARY|assertion' $log | head -5
    fi
    printf '%-14s %12s %10s %8s %s\n' "$t" "$execs" "${speed:-?}" \
        "$ncorp" "$res"
done
echo "fuzz: $total executions in all; logs in $B/fuzz_*.log"
exit $status
