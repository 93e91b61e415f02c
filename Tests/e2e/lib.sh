# Helpers for tmux end-to-end tests: drive the real binary as a person would.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${ONROLL_BIN:-$ROOT/.build/debug/onroll}"
WORK="$(mktemp -d /tmp/onroll-e2e.XXXXXX)"
STORE="$WORK/e2e.onroll"
SESSION="onroll-e2e-$$"
export ONROLL_TODAY=2026-11-23 ONROLL_USER=e2e.officer TZ=UTC LANG=C.UTF-8 TERM=xterm-256color
# The audit witness (docs/security.md) of these throwaway stores stays in the work dir, not in ~.
export XDG_STATE_HOME="$WORK/state"
PASSED=0
FAILED=0

cleanup() { tmux kill-session -t "$SESSION" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

onroll() { "$BIN" "$@" --store "$STORE"; }

start_console() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  # Killing the last session makes the tmux server exit; a new-session that reaches it while it is going
  # fails with "server exited unexpectedly" (seen twice in 2026-12 runs). Try again on a fresh server.
  local i
  for i in 1 2 3 4 5; do
    tmux new-session -d -s "$SESSION" -x "${1:-100}" -y "${2:-30}" \
      "env ONROLL_TODAY=$ONROLL_TODAY ONROLL_USER=$ONROLL_USER LANG=C.UTF-8 TERM=xterm-256color $BIN --store $STORE; echo EXITED; sleep 30" \
      && return 0
    sleep 0.5
  done
  return 1
}

screen() { tmux capture-pane -t "$SESSION" -p; }

# Polls the pane until it shows the text (no fixed sleeps), failing after ~10 s.
wait_for() {
  local text="$1" i
  for i in $(seq 1 100); do
    if screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.1
  done
  echo "--- screen while waiting for: $text"; screen; echo "---"
  return 1
}

# Like wait_for, with an extended regular expression.
wait_re() {
  local re="$1" i
  for i in $(seq 1 100); do
    if screen | grep -qE -- "$re"; then return 0; fi
    sleep 0.1
  done
  echo "--- screen while waiting for /$re/"; screen; echo "---"
  return 1
}

# Polls until the text is no longer on screen: how a check sees that something went away.
wait_gone() {
  local text="$1" i
  for i in $(seq 1 100); do
    if ! screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.1
  done
  echo "--- screen still shows: $text"; screen; echo "---"
  return 1
}

keys() { tmux send-keys -t "$SESSION" "$@"; }
type_text() { tmux send-keys -t "$SESSION" -l "$1"; }

check() {
  local name="$1"; shift
  if "$@"; then PASSED=$((PASSED + 1)); echo "ok - $name"; else FAILED=$((FAILED + 1)); echo "not ok - $name"; fi
}

finish() {
  echo "e2e: $PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}
