#!/usr/bin/env bash
# `make test`: the XCTest suite, then the tmux end-to-end checks, then one plain total for the whole
# run as the very last line ("tests: N passed, M failed"). Only XCTest prints a runner summary:
# Swift Testing is disabled, because its empty pass ("0 tests in 0 suites") reads as an empty run.
set -u
cd "$(dirname "$0")/.."
SWIFT="${SWIFT:-swift}"
LOG=.build/test.log
E2E_LOG=.build/e2e.log
mkdir -p .build

# The server store's tests run against a throwaway PostgreSQL cluster on loopback, stopped at the end
# whatever happens. Under `make test` its tests are required: a server that did not start fails them.
export ONROLL_TEST_PG_REQUIRED=1
PG_DIR=""
if PG_DIR=$(bash scripts/pg-test-server.sh start); then
  # shellcheck disable=SC1091
  . "$PG_DIR/env"
  trap 'bash scripts/pg-test-server.sh stop "$PG_DIR"' EXIT
else
  echo "the test PostgreSQL server did not start: the server store's tests will fail"
fi

unit_rc=0
# shellcheck disable=SC2086
"$SWIFT" test --skip-build --disable-swift-testing ${BUILD_FLAGS:-} 2>&1 | tee "$LOG" \
  | grep -vE "^Test (Case|Suite) .*(started|passed)"
unit_rc=${PIPESTATUS[0]}

# The store suite again with every fixture a server store: one suite for both backends. The server's
# own tests ran above; a test of what only a file has skips itself (StoreFixture.fileOnly).
SERVER_LOG=.build/test-server.log
server_rc=0
# shellcheck disable=SC2086
ONROLL_TEST_BACKEND=server "$SWIFT" test --skip-build --disable-swift-testing ${BUILD_FLAGS:-} \
  --filter OnRollStoreTests --skip '(Server(Store|Restore|Crash)|PGPipeline)Tests' 2>&1 | tee "$SERVER_LOG" \
  | grep -vE "^Test (Case|Suite) .*(started|passed|skipped)|: Test skipped"
server_rc=${PIPESTATUS[0]}

e2e_rc=0
bash Tests/e2e/run.sh 2>&1 | tee "$E2E_LOG"
e2e_rc=${PIPESTATUS[0]}

# XCTest's last "Executed" line is the whole run ("All tests"); each suite prints its own before it.
unit_line=$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with [0-9]+ failures?" "$LOG" | tail -1)
unit_run=$(sed -E 's/^[[:space:]]*Executed ([0-9]+) tests?.*/\1/' <<<"$unit_line")
unit_failed=$(sed -E 's/.*with ([0-9]+) failures?.*/\1/' <<<"$unit_line")
server_line=$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with" "$SERVER_LOG" | tail -1)
server_run=$(sed -E 's/^[[:space:]]*Executed ([0-9]+) tests?.*/\1/' <<<"$server_line")
server_failed=$(sed -E 's/.* ([0-9]+) failures? .*/\1/' <<<"$server_line")
# A skipped test (file-only) is counted as neither passed nor failed.
server_skipped=$(grep -oE "with [0-9]+ tests? skipped" <<<"$server_line" | grep -oE "[0-9]+" || echo 0)
e2e_line=$(grep -E "^e2e: [0-9]+ passed, [0-9]+ failed$" "$E2E_LOG" | tail -1)
e2e_passed=$(sed -E 's/^e2e: ([0-9]+) passed.*/\1/' <<<"$e2e_line")
e2e_failed=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$e2e_line")

# A runner that died before its summary counts as one failure, never as a clean zero.
[ -n "$unit_line" ] || { unit_run=0; unit_failed=1; echo "the XCTest run printed no summary (exit $unit_rc)"; }
[ -n "$server_line" ] || { server_run=0; server_failed=1; server_skipped=0; echo "the server-backend store run printed no summary (exit $server_rc)"; }
[ "$server_rc" -eq 0 ] || [ "$server_failed" -gt 0 ] || server_failed=1
[ -n "$e2e_line" ] || { e2e_passed=0; e2e_failed=1; echo "the e2e run printed no summary (exit $e2e_rc)"; }
[ "$unit_rc" -eq 0 ] || [ "$unit_failed" -gt 0 ] || unit_failed=1
[ "$e2e_rc" -eq 0 ] || [ "$e2e_failed" -gt 0 ] || e2e_failed=1

echo "store suite on the server backend: $(( server_run - server_failed - server_skipped )) passed, $server_failed failed, $server_skipped file-only skipped"
passed=$(( unit_run - unit_failed + server_run - server_failed - server_skipped + e2e_passed ))
[ "$passed" -ge 0 ] || passed=0
failed=$(( unit_failed + server_failed + e2e_failed ))
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
