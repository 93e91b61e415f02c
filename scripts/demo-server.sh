#!/usr/bin/env bash
# `make demo-server`: a local PostgreSQL server store loaded with the sample caseload, to try the team
# set-up (logins, roles, the server's audit trail). The cluster lives under .build/demo-pg until
# `scripts/pg-test-server.sh stop DIR` (printed at the end) or a reboot.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/debug/onroll
today=${DEMO_TODAY:-2026-11-23}
dir=$(bash scripts/pg-test-server.sh start)
# shellcheck disable=SC1091
. "$dir/env"
admin() { PGPASSWORD=$ONROLL_TEST_PG_PASSWORD psql -X -q -h 127.0.0.1 -p "$ONROLL_TEST_PG_PORT" -U "$ONROLL_TEST_PG_ADMIN" -d postgres -c "$1"; }
admin "CREATE ROLE onroll_admin LOGIN CREATEROLE PASSWORD 'demo-admin'"
admin "CREATE DATABASE onroll OWNER onroll_admin"
work=$(mktemp -d)
"$BIN" init --sample --store "$work/sample.onroll" --today "$today" --user demo >/dev/null
"$BIN" export --store "$work/sample.onroll" --output "$work/sample.json" --user demo 2>/dev/null
url="postgresql://onroll_admin@127.0.0.1:$ONROLL_TEST_PG_PORT/onroll"
PGPASSWORD=demo-admin "$BIN" restore "$work/sample.json" --store "$url"
printf 'demo-officer\n' | PGPASSWORD=demo-admin "$BIN" user add demo.officer --role officer --store "$url"
rm -rf "$work"
cat <<MSG

A server store is running with the sample caseload:
  owner (first manager): PGPASSWORD=demo-admin   $BIN user list --store $url
  an officer:            PGPASSWORD=demo-officer $BIN log --limit 5 --store postgresql://demo.officer@127.0.0.1:$ONROLL_TEST_PG_PORT/onroll
  psql as the officer:   PGPASSWORD=demo-officer psql -h 127.0.0.1 -p $ONROLL_TEST_PG_PORT -U demo.officer onroll
Stop it with: bash scripts/pg-test-server.sh stop $dir
MSG
# The console, as the officer, on the server store (q leaves it; the server keeps running).
if [ -t 0 ] && [ -t 1 ]; then
  PGPASSWORD=demo-officer "$BIN" --today "$today" --store "postgresql://demo.officer@127.0.0.1:$ONROLL_TEST_PG_PORT/onroll"
fi
