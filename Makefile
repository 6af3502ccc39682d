# SPDX-License-Identifier: MIT
# pvsentry: one non-recursive Makefile, out-of-tree objects under $(BUILD).
#
#   make                 build pvsentry and pvsim into build/
#   make check           the whole test suite (ASan+UBSan build, unit, lint,
#                        config-check, integration); what .ci/run calls
#   make unit            cmocka unit tests only (no network)
#   make integration     pytest against real mosquitto / SMTP / Modbus
#                        (STORE=postgresql: on PostgreSQL 15)
#   make demo            a fault becoming a ticket, mails and a notice
#   make lint            banned functions, line length, clang-format
#   make tsan            unit + integration under ThreadSanitizer
#   make bench           speed figures as ratios against baselines
#   make fuzz            libFuzzer targets, FUZZ_SECONDS (30) each
#   make soak            reliability suite long form + 30-minute soak
#   make sunspec-models  regenerate collector/sunspec_models.c
#   make man             manual pages into build/man/
#   make deb             the Debian package, build/pvsentry_VERSION_ARCH.deb
#   make install         under PREFIX (/usr/local)
#   make check-fresh     make demo in a fresh Debian 12 root (minutes)
#   make check-package   the package in a fresh Debian 12 root (minutes)
#   make SANITIZE=address,undefined / DEV=1 (-Werror) / picky (-Wconversion)

BUILD ?= build
CC ?= cc
CFLAGS ?= -O2 -g
PYTHON := /usr/bin/python3

CSTD := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wold-style-definition -Wformat=2 -Wvla \
	-Wwrite-strings -Wpointer-arith -Wundef -Wcast-qual
ifeq ($(DEV),1)
WARN += -Werror
endif
ifneq ($(SANITIZE),)
SANFLAGS := -fsanitize=$(SANITIZE) -fno-sanitize-recover=$(SANITIZE) \
	-fno-omit-frame-pointer
endif

# Asked when a compile needs them (=, not :=): on a fresh machine `deps`
# installs the -dev packages after this file was read.
MHD_CFLAGS = $(shell pkg-config --cflags libmicrohttpd 2>/dev/null)
ALL_CFLAGS = $(CSTD) $(WARN) $(CFLAGS) $(SANFLAGS) -Iinclude -I$(BUILD)/gen \
	-MMD -MP -pthread
LIBS := -lmodbus -lpaho-mqtt3as -lsqlite3 -lcurl -lcjson -lsodium -lmicrohttpd -lpq -lpthread -lm
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS) -pthread
LIBMODBUS_CFLAGS = $(shell pkg-config --cflags libmodbus 2>/dev/null)
# libpq's headers live in /usr/include/postgresql (its libs are -lpq).
PQ_CFLAGS = $(shell pkg-config --cflags libpq 2>/dev/null)
ALL_CFLAGS += $(LIBMODBUS_CFLAGS) $(MHD_CFLAGS) $(PQ_CFLAGS)

CORE_SRCS := $(filter-out core/daemon/main.c,$(wildcard core/*/*.c) \
	$(wildcard core/*/*/*.c))
COLLECTOR_SRCS := $(wildcard collector/*.c)
RULES_SRCS := $(wildcard rules/*.c)
NOTIFIER_SRCS := $(wildcard notifier/*.c)
WEB_SRCS := $(wildcard web/*.c)
LIB_SRCS := $(CORE_SRCS) $(COLLECTOR_SRCS) $(RULES_SRCS) $(NOTIFIER_SRCS) \
	$(WEB_SRCS)
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/embedded.o

SIM_SRCS := $(wildcard tests/sim/*.c)
SIM_OBJS := $(SIM_SRCS:%.c=$(BUILD)/obj/%.o)

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

# One version for make and the package: the changelog's first entry. The
# commit comes from git, or from the caller (the package build), else
# "unknown".
VERSION := $(shell sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' \
	deploy/debian/changelog)
PVS_COMMIT ?= $(shell git describe --always --dirty --abbrev=12 \
	2>/dev/null || echo unknown)

# Text assets compiled into the binary (mail templates, KB articles), so a
# config copied anywhere works without an installed data directory.
EMBED_FILES := $(sort $(wildcard notifier/templates/*/*.txt) \
	$(wildcard rules/kb/*.md) $(wildcard rules/kb/*/*.md) \
	$(wildcard rules/vendor/*.csv))

PVSENTRY := $(BUILD)/pvsentry
PVSIM := $(BUILD)/pvsim

.PHONY: all clean check unit integration lint demo tsan bench config-check \
	sunspec-models install valgrind fuzz soak check-fresh FORCE man deb \
	check-package
all: $(PVSENTRY) $(PVSIM)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/gen/embedded.c: tools/embed.sh $(EMBED_FILES)
	@mkdir -p $(dir $@)
	sh tools/embed.sh $(EMBED_FILES) > $@.tmp && mv $@.tmp $@

# Rewritten only when the version or the commit changed.
$(BUILD)/gen/version.h: FORCE
	@mkdir -p $(dir $@)
	@printf '#define PVS_VERSION "%s"\n#define PVS_COMMIT "%s"\n' \
		'$(VERSION)' '$(PVS_COMMIT)' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi
$(BUILD)/obj/core/daemon/main.o: $(BUILD)/gen/version.h
FORCE:

$(BUILD)/obj/gen/embedded.o: $(BUILD)/gen/embedded.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libpvs.a: $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(PVSENTRY): $(BUILD)/obj/core/daemon/main.o $(BUILD)/libpvs.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(PVSIM): $(SIM_OBJS) $(BUILD)/libpvs.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(BUILD)/libpvs.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ -lcmocka $(LIBS)

unit-bins: $(UNIT_BINS)

# ---- tests ----

deps:
	@bash deploy/install-deps.sh

unit: unit-bins
	@sh tests/run-unit.sh $(UNIT_BINS)

# STORE=postgresql: every scenario on a PostgreSQL the tests start.
STORE ?= sqlite
integration: all
	cd tests/integration && PVS_BUILD=$(abspath $(BUILD)) STORE=$(STORE) \
		$(PYTHON) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

CHECK_BUILD := build/check
check: deps
	@BUILD=$(CHECK_BUILD) MAKE="$(MAKE)" sh tests/check.sh

# Races inside Paho and OpenSSL are suppressed (tests/tsan.supp); any
# report naming pvsentry code fails the integration test that saw it.
TSAN_ENV := TSAN_OPTIONS="suppressions=$(abspath tests/tsan.supp) \
	second_deadlock_stack=1 history_size=4" PVS_TIMEOUT_SCALE=3
tsan:
	$(TSAN_ENV) $(MAKE) --no-print-directory BUILD=build/tsan \
		SANITIZE=thread unit
	$(TSAN_ENV) $(MAKE) --no-print-directory BUILD=build/tsan \
		SANITIZE=thread integration

valgrind: all
	cd tests/integration && PVS_BUILD=$(abspath $(BUILD)) PVS_VALGRIND=1 \
		$(PYTHON) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

lint:
	@sh tools/lint.sh

config-check: $(PVSENTRY)
	@for f in deploy/pvsentry.conf.example tests/data/config/good-*.conf; do \
		$(PVSENTRY) check -c $$f >/dev/null || exit 1; \
	done; echo "config-check: ok"

# deps must finish before anything compiles (also under -j): build in a
# sub-make that starts after it.
demo: deps
	@$(MAKE) --no-print-directory all
	@$(PYTHON) deploy/demo/demo.py --build $(BUILD)

# `make demo` as the first command on a freshly installed Debian 12, in a
# throwaway chroot (takes minutes; needs root and the Debian mirror).
SHARED ?= ../shared
check-fresh:
	bash $(SHARED)/tools/fresh-debian.sh $(CURDIR) $(abspath $(SHARED)) \
		'make -j2 demo && ls build/demo/mail/*.eml'

# Delivery figure: pvsentry's notifier against a bare curl multi loop.
BENCH_BINS := $(BUILD)/bench/notify_bench $(BUILD)/bench/smtp_bench
$(BUILD)/bench/notify_bench: $(BUILD)/obj/tests/bench/notify_bench.o \
		$(BUILD)/libpvs.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)
$(BUILD)/bench/smtp_bench: $(BUILD)/obj/tests/bench/smtp_bench.o
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ -lcurl

bench: deps
	@$(MAKE) --no-print-directory all $(BENCH_BINS)
	@$(PYTHON) tests/bench/bench.py --build $(BUILD)

# clang + libFuzzer are installed here, not by deps: CI does not fuzz.
fuzz:
	@MAKE="$(MAKE)" sh tests/fuzz/run.sh

# kill -9 50 times, then SOAK_MINUTES (30) at fleet rate.
soak: deps
	@$(MAKE) --no-print-directory all
	cd tests/integration && PVS_BUILD=$(abspath $(BUILD)) PVS_KILLS=50 \
		$(PYTHON) -m pytest -q -p no:cacheprovider test_reliability.py
	@$(PYTHON) tests/soak/soak.py --build $(BUILD)

SUNSPEC_MODELS ?= ../shared/data/sunspec/models/json
sunspec-models:
	$(PYTHON) tools/gen_sunspec_models.py $(SUNSPEC_MODELS) \
		> collector/sunspec_models.c.tmp
	mv collector/sunspec_models.c.tmp collector/sunspec_models.c

# Manual pages: pvsentry.conf(5) is generated from the key tables (the
# binary prints them), so it cannot drift from the parser.
MAN_PAGES := $(BUILD)/man/pvsentry.8 $(BUILD)/man/pvsentry.conf.5 \
	$(BUILD)/man/pvsim.1
MAN_DATE := $(shell sed -n 's/^ -- .*  [A-Z][a-z]*, \([0-9]*\) \([A-Z][a-z]*\) \([0-9]*\).*/\1 \2 \3/p' \
	deploy/debian/changelog | head -1)
man: $(MAN_PAGES)
$(BUILD)/man/pvsentry.conf.5: docs/man/pvsentry.conf.5.in \
		tools/gen_conf_man.py $(PVSENTRY)
	@mkdir -p $(dir $@)
	$(PYTHON) tools/gen_conf_man.py $(PVSENTRY) $< '$(VERSION)' \
		'$(MAN_DATE)' > $@.tmp && mv $@.tmp $@
$(BUILD)/man/%: docs/man/%
	@mkdir -p $(dir $@)
	sed -e 's/@VERSION@/$(VERSION)/g' -e 's/@DATE@/$(MAN_DATE)/g' $< > $@

PREFIX ?= /usr/local
install: all man
	install -D -m 0755 $(PVSENTRY) $(DESTDIR)$(PREFIX)/bin/pvsentry
	install -D -m 0755 $(PVSIM) $(DESTDIR)$(PREFIX)/bin/pvsim
	install -d $(DESTDIR)$(PREFIX)/share/pvsentry/static
	install -m 0644 web/static/* $(DESTDIR)$(PREFIX)/share/pvsentry/static
	install -D -m 0644 $(BUILD)/man/pvsentry.8 \
		$(DESTDIR)$(PREFIX)/share/man/man8/pvsentry.8
	install -D -m 0644 $(BUILD)/man/pvsentry.conf.5 \
		$(DESTDIR)$(PREFIX)/share/man/man5/pvsentry.conf.5
	install -D -m 0644 $(BUILD)/man/pvsim.1 \
		$(DESTDIR)$(PREFIX)/share/man/man1/pvsim.1
	install -D -m 0644 deploy/pvsentry.bash-completion \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/pvsentry
	install -D -m 0644 deploy/pvsentry.service \
		$(DESTDIR)/etc/systemd/system/pvsentry.service

# The Debian package, with Debian's tooling, from a copy of the tree with
# deploy/debian as debian/: build/pvsentry_VERSION_ARCH.deb, then lintian.
DEB_STAGE := $(BUILD)/deb/pvsentry-$(VERSION)
deb:
	@bash deploy/install-deps.sh --packaging
	rm -rf $(BUILD)/deb && mkdir -p $(DEB_STAGE)
	tar -c --exclude=./build --exclude=./.git --exclude=./debian . | \
		tar -x -C $(DEB_STAGE)
	cp -r deploy/debian $(DEB_STAGE)/debian
	cd $(DEB_STAGE) && PVS_COMMIT='$(PVS_COMMIT)' \
		dpkg-buildpackage -b -us -uc -j2
	cp $(BUILD)/deb/pvsentry_$(VERSION)_*.deb $(BUILD)/
	lintian --fail-on error -I $(BUILD)/deb/pvsentry_$(VERSION)_*.changes

# The package on a freshly installed Debian 12 (tests/package/check.sh in
# a throwaway chroot): install, configuration, start as the service user,
# a migration, remove and purge. Takes minutes; not part of `make check`.
check-package: deb
	bash $(SHARED)/tools/fresh-debian.sh $(CURDIR) $(abspath $(SHARED)) \
		'sh tests/package/check.sh /src/in/*.deb' \
		$(BUILD)/pvsentry_$(VERSION)_*.deb

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
