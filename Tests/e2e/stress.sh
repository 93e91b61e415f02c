#!/usr/bin/env bash
# `make stress`: the long versions of the concurrency and crash tests (2 × 5000 writes, 200 kills)
# on a fresh sample store. `make test` runs the short versions through run.sh.
source "$(dirname "$0")/lib.sh"
export ONROLL_STRESS="${ONROLL_STRESS:-long}"
onroll init --sample >/dev/null
source "$(dirname "$0")/t-writers.sh"
source "$(dirname "$0")/t-crash.sh"
finish
