#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Installs everything pvsentry needs to build, run its demo and run its
# tests on Debian 12; with --packaging also Debian's packaging tools (what
# `make deb` needs). Idempotent: packages already present are skipped, and
# apt is not touched at all when nothing is missing.
set -eu

PKGS="build-essential pkg-config clang-format cppcheck valgrind groff-base
libmodbus-dev libpaho-mqtt-dev libsqlite3-dev sqlite3 libcurl4-openssl-dev
libcjson-dev libmicrohttpd-dev libsodium-dev libcmocka-dev tzdata
mosquitto mosquitto-clients socat
python3 python3-pytest python3-pymodbus python3-serial python3-serial-asyncio
python3-paho-mqtt python3-aiosmtpd
libjs-chart.js chromium chromium-driver python3-selenium python3-requests
openssl postgresql-15 libpq-dev python3-psycopg2"

# Only for `make deb`: a first `make demo` need not wait for them.
if [ "${1:-}" = --packaging ]; then
    PKGS="$PKGS debhelper dpkg-dev fakeroot lintian"
fi

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
    exit 0
fi

echo "install-deps: installing:$missing"
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
# The Debian package enables and starts a system-wide broker; pvsentry's
# tests and demo run their own on free ports, so leave the system one alone
# but do not fail if there is no init system. The same holds for
# PostgreSQL: the tests start their own server on a free port.
true
