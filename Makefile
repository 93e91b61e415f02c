SHELL := /bin/bash
# OnRoll: two commands matter. `make demo` opens the console on the sample caseload;
# `make test` runs every test. Both install what a fresh Debian machine lacks first.
SWIFT ?= swift
BUILD_FLAGS ?=
BIN := .build/debug/onroll
DEMO_STORE ?= $(CURDIR)/.build/demo.onroll
DEMO_TODAY ?= 2026-11-23
APT_PACKAGES := libncurses-dev libsqlite3-dev tmux sqlite3 pkg-config libpq-dev postgresql

.PHONY: deps build test demo demo-server clean bench stress sample

# Installs only what is missing, so repeated runs cost nothing and need no network.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

test: deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	SWIFT="$(SWIFT)" BUILD_FLAGS="$(BUILD_FLAGS)" bash scripts/test-all.sh

demo: build
	@rm -f $(DEMO_STORE) $(DEMO_STORE)-wal $(DEMO_STORE)-shm
	$(BIN) init --sample --store $(DEMO_STORE) --today $(DEMO_TODAY)
	$(BIN) --store $(DEMO_STORE) --today $(DEMO_TODAY) --user demo

# A local PostgreSQL server store with the sample caseload (docs/admin-guide.md).
demo-server: build
	bash scripts/demo-server.sh

# Regenerates sample-data/ from the deterministic generator.
sample: build
	$(BIN) sample --out sample-data

bench: deps
	$(SWIFT) build -c release --product onroll
	$(SWIFT) build -c release --product onroll-bench
	.build/release/onroll-bench

stress: build
	ONROLL_STRESS=long bash Tests/e2e/stress.sh

clean:
	rm -rf .build
