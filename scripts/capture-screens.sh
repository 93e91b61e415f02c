#!/usr/bin/env bash
# Captures the console's screens on the sample caseload into OUT/*.txt (for the README and user guide).
# Usage: scripts/capture-screens.sh OUT
set -euo pipefail
OUT="${1:?output folder}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$ROOT/.build/debug/onroll"
STORE="$(mktemp -d)/shots.onroll"
export ONROLL_TODAY=2026-11-23 ONROLL_USER=asha.patel LANG=C.UTF-8
mkdir -p "$OUT"
"$BIN" init --sample --store "$STORE" >/dev/null
S=onroll-shots-$$
tmux new-session -d -s "$S" -x 100 -y 24 "env ONROLL_TODAY=$ONROLL_TODAY ONROLL_USER=$ONROLL_USER LANG=C.UTF-8 $BIN --store $STORE; sleep 30"
shot() { sleep 0.6; tmux capture-pane -t "$S" -p > "$OUT/$1.txt"; }
shot caseload
tmux send-keys -t "$S" /; tmux send-keys -t "$S" -l "marsh"; shot search
tmux send-keys -t "$S" Enter Enter; shot case-summary
tmux send-keys -t "$S" Tab; shot case-why
tmux send-keys -t "$S" n; tmux send-keys -t "$S" -l "Phoned home: mornings are the hardest part"; shot note-form
tmux send-keys -t "$S" Escape; shot discard
tmux send-keys -t "$S" y q Escape 5; shot deadlines-week
tmux send-keys -t "$S" 0 P; shot plans
tmux send-keys -t "$S" q '?'; shot help
tmux send-keys -t "$S" Escape q
tmux kill-session -t "$S" 2>/dev/null || true
echo "screens written to $OUT"
