#!/bin/sh
# SPDX-License-Identifier: MIT
# The Debian package on a freshly installed Debian 12 (`make check-package`
# runs this in a throwaway chroot through fresh-debian.sh):
#
#   sh tests/package/check.sh /src/in/pvsentry_VERSION_ARCH.deb
#
# install pulls in runtime packages only; the conffile passes pvsentry check;
# the daemon runs as user pvsentry with the unit's ExecStart and /healthz
# answers 200; a schema-5 database is migrated, with its pre-migration copy;
# remove keeps the data, purge deletes it. There is no systemd in a chroot,
# so the unit's command line is run by hand. Ends with "package: ok".
set -eu
deb=$1
here=$(cd "$(dirname "$0")" && pwd)
conf=/etc/pvsentry/pvsentry.conf
unit=/lib/systemd/system/pvsentry.service
state=/var/lib/pvsentry
log=/tmp/pvsentry.log
pid=

fail() {
    echo "package: FAILED: $*"
    [ -f "$log" ] && tail -20 "$log"
    [ -z "$pid" ] || kill "$pid" 2>/dev/null || true
    exit 1
}
step() { echo "== $*"; }

# Status code of GET http://127.0.0.1:PORT/PATH (no curl in a fresh root).
http_status() {
    bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" "$2" >&3
        read -r proto code rest <&3 && echo "$code"' _ "$1" "$2" 2>/dev/null ||
        true
}

# The unit's ExecStart, run as the unit's user and group in its working
# directory (setpriv execs: $pid is pvsentry itself).
start_daemon() {
    cmd=$(sed -n 's/^ExecStart=//p' "$unit")
    user=$(sed -n 's/^User=//p' "$unit")
    group=$(sed -n 's/^Group=//p' "$unit")
    dir=$(sed -n 's/^WorkingDirectory=//p' "$unit")
    : >"$log"
    # shellcheck disable=SC2086
    (cd "$dir" && exec setpriv --reuid="$user" --regid="$group" \
        --init-groups -- $cmd) 2>>"$log" &
    pid=$!
    n=0
    until grep -q "main: ready" "$log"; do
        kill -0 "$pid" 2>/dev/null || fail "pvsentry exited at start"
        n=$((n + 1))
        [ $n -lt 300 ] || fail "pvsentry not ready after 30 s"
        sleep 0.1
    done
}

stop_daemon() {
    kill -TERM "$pid"
    wait "$pid" || fail "pvsentry exited with status $? on SIGTERM"
    pid=
}

# The throwaway root is a mktemp -d directory (mode 0700): as on an
# installed system, everyone must be able to traverse /.
[ "$(stat -c %a /)" = 755 ] || chmod 0755 /

export DEBIAN_FRONTEND=noninteractive
step "install $(basename "$deb")"
apt-get update -qq
dpkg-query -W -f '${Package}\n' | sort >/tmp/before
apt-get install -y -qq "$deb" >/tmp/install.log 2>&1 ||
    { tail -20 /tmp/install.log; fail "apt-get install"; }
dpkg-query -W -f '${Package}\n' | sort >/tmp/after
new=$(comm -13 /tmp/before /tmp/after | tr '\n' ' ')
echo "pulled in: $new"
bad=$(comm -13 /tmp/before /tmp/after |
    grep -E -- '-dev$|^(gcc|g\+\+|cpp|clang|llvm|build-essential|make$)' ||
    true)
[ -z "$bad" ] || fail "build packages pulled in: $bad"
dpkg-query -W -f '${Status}\n' pvsentry | grep -q 'install ok installed' ||
    fail "pvsentry is not installed"

step "files, user and permissions"
getent passwd pvsentry >/dev/null || fail "no user pvsentry"
[ "$(stat -c '%a %U %G' "$conf")" = "640 root pvsentry" ] ||
    fail "$conf is $(stat -c '%a %U %G' "$conf")"
[ "$(stat -c '%a %U %G' "$state")" = "750 pvsentry pvsentry" ] ||
    fail "$state is $(stat -c '%a %U %G' "$state")"
grep -qx 'ExecStart=/usr/bin/pvsentry run -c /etc/pvsentry/pvsentry.conf' \
    "$unit" || fail "unexpected ExecStart in $unit"
[ -f /usr/share/javascript/chart.js/chart.min.js ] ||
    [ -f /usr/share/javascript/chart.js/chart.js ] || fail "no chart.js"
[ -f /usr/share/pvsentry/static/index.html ] || fail "no dashboard files"
[ -f /usr/share/doc/pvsentry/examples/pvsentry.conf.example ] ||
    fail "no annotated example"
[ -f /usr/share/bash-completion/completions/pvsentry ] ||
    fail "no bash completion"
for m in man8/pvsentry.8 man5/pvsentry.conf.5 man1/pvsim.1; do
    [ -f "/usr/share/man/$m.gz" ] || fail "no manual page $m"
done
pvsentry --version
pvsentry --version | grep -Eq '^pvsentry [0-9][^ ]* \(commit [^)]+\)$' ||
    fail "pvsentry --version"

step "pvsentry check on the conffile, as user pvsentry"
runuser -u pvsentry -- pvsentry check -c "$conf" || fail "pvsentry check"

step "the unit's ExecStart as user pvsentry; /healthz"
port=$(sed -n 's/^port *= *//p' "$conf")
n=0
while [ -n "$(http_status "$port" /healthz)" ]; do
    # Another process answers on this port (the chroot shares the
    # network): wait for it to go, or the answer would not be ours.
    n=$((n + 1))
    [ $n -lt 120 ] || fail "port $port is taken on this machine"
    sleep 1
done
start_daemon
grep -q "web: listening on http://127.0.0.1:$port" "$log" ||
    fail "pvsentry is not listening on $port"
code=$(http_status "$port" /healthz)
[ "$code" = 200 ] || fail "/healthz answered '$code'"
uid=$(awk '/^Uid:/ { print $2 }' "/proc/$pid/status")
[ "$uid" = "$(id -u pvsentry)" ] || fail "pvsentry runs as uid $uid"
echo "/healthz: $code, pvsentry running as uid $uid (pvsentry)"
[ "$(stat -c %U "$state/pvsentry.db")" = pvsentry ] ||
    fail "the database does not belong to pvsentry"
stop_daemon

step "a schema-5 database is migrated, with its pre-migration copy"
apt-get install -y -qq sqlite3 >/dev/null 2>&1 || fail "apt-get install sqlite3"
rm -f "$state"/pvsentry.db*
sqlite3 "$state/pvsentry.db" <"$here/schema-v5.sql"
chown pvsentry:pvsentry "$state/pvsentry.db"
start_daemon
grep -q "before migrating from schema 5" "$log" || fail "no pre-migration copy"
grep -q "migrated '$state/pvsentry.db' to schema" "$log" || fail "no migration"
stop_daemon
[ "$(sqlite3 "$state/pvsentry.db.bak-v5" 'PRAGMA user_version')" = 5 ] ||
    fail "the copy is not the schema-5 database"
[ "$(sqlite3 "$state/pvsentry.db" 'PRAGMA user_version')" -gt 5 ] ||
    fail "the database was not migrated"
[ "$(sqlite3 "$state/pvsentry.db.bak-v5" 'SELECT COUNT(*) FROM samples')" = 6 ] ||
    fail "the copy lost data"
[ "$(pvsentry ids tickets -c "$conf")" = 7 ] || fail "ticket 7 is gone"
[ "$(pvsentry ids sites -c "$conf")" = lyon-01 ] || fail "site lyon-01 is gone"
grep -q "ready (pvsentry .*, 1 sites, 1 devices" "$log" ||
    fail "the migrated database's site is not monitored"
pvsentry tickets -c "$conf"

step "remove keeps the data, purge deletes it"
apt-get remove -y -qq pvsentry >/dev/null 2>&1 || fail "apt-get remove"
[ -f "$state/pvsentry.db" ] || fail "remove deleted the database"
[ -f "$conf" ] || fail "remove deleted the conffile"
apt-get purge -y -qq pvsentry >/dev/null 2>&1 || fail "apt-get purge"
[ ! -e "$state" ] || fail "purge left $state"
[ ! -e "$conf" ] || fail "purge left $conf"
echo "package: ok"
