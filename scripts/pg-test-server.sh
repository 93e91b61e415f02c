#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: a temporary directory owned by `postgres`, a free port on
# loopback only, scram passwords. `start` prints the directory; `DIR/env` holds what the tests need.
#   scripts/pg-test-server.sh start            → prints DIR
#   scripts/pg-test-server.sh stop DIR
#   scripts/pg-test-server.sh restart DIR      (immediate: what a crash looks like to clients)
#   scripts/pg-test-server.sh halt DIR / resume DIR   (down until resumed: a console waits it out)
set -euo pipefail
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

need_packages() {
  local missing=""
  for p in postgresql libpq-dev; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    echo "installing:$missing" >&2
    local SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >&2
    BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A port nothing on loopback answers on (bash's /dev/tcp, so no python or netcat is needed); the start
# below retries with another if a race takes it first.
free_port() {
  local p
  while :; do
    p=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}

case "${1:-}" in
start)
  need_packages
  dir=$(mktemp -d /tmp/onroll-pg.XXXXXX)
  chmod 755 "$dir"
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  printf '%s\n' "$password" > "$dir/pw"
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; fi
  as_postgres "$BIN/initdb" -D "$dir/data" -U onroll_test_admin --pwfile="$dir/pw" -A scram-sha-256 -E UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  started=""
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_postgres "$BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=200" start >/dev/null; then
      started=1; break
    fi
  done
  [ -n "$started" ] || { cat "$dir/log" >&2; exit 1; }
  cat > "$dir/env" <<ENV
export ONROLL_TEST_PG_HOST=127.0.0.1
export ONROLL_TEST_PG_PORT=$port
export ONROLL_TEST_PG_ADMIN=onroll_test_admin
export ONROLL_TEST_PG_PASSWORD=$password
export ONROLL_TEST_PG_DIR=$dir
export ONROLL_TEST_PG_BIN=$BIN
ENV
  chmod 644 "$dir/env"
  echo "$dir"
  ;;
stop)
  dir=${2:?usage: stop DIR}
  [ -d "$dir/data" ] && as_postgres "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
restart)
  dir=${2:?usage: restart DIR}
  port=$(. "$dir/env"; echo "$ONROLL_TEST_PG_PORT")
  as_postgres "$BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -m immediate -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200" restart >/dev/null
  ;;
halt)
  # The server gone, as a crash leaves it, until `resume`: for the console's "server unavailable" test.
  dir=${2:?usage: halt DIR}
  as_postgres "$BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
  ;;
resume)
  dir=${2:?usage: resume DIR}
  port=$(. "$dir/env"; echo "$ONROLL_TEST_PG_PORT")
  as_postgres "$BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200" start >/dev/null
  ;;
*)
  echo "usage: $0 start | stop DIR | restart DIR | halt DIR | resume DIR" >&2; exit 2 ;;
esac
