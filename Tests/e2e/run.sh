#!/usr/bin/env bash
# End-to-end: the real binary in tmux on a temp store, typed into like a person would.
source "$(dirname "$0")/lib.sh"

onroll init --sample >/dev/null

# 1. Search for a child, open the case, add a note and an action by keys; resize mid-session.
REF=WM-00001
SURNAME=$(onroll show "$REF" --format json | sed -n 's/^ *"surname" : "\(.*\)",$/\1/p' | head -1)
FORENAME=$(onroll show "$REF" --format json | sed -n 's/^ *"forename" : "\(.*\)",$/\1/p' | head -1)
# Another child on the first screen of the caseload, who does not match the search.
OTHER_REF=WM-00002
OTHER_SURNAME=$(onroll show "$OTHER_REF" --format json | sed -n 's/^ *"surname" : "\(.*\)",$/\1/p' | head -1)
start_console 100 30
check "console opens on the caseload" wait_for "OnRoll · All open cases"
check "the other child is listed before the search" wait_for "$OTHER_REF"
keys /
type_text "$FORENAME $SURNAME"
search_narrows() { wait_for "Search: $FORENAME $SURNAME" && wait_for "$REF" && wait_gone "$OTHER_REF"; }
check "search narrows to the child" search_narrows
keys Enter Enter
check "the case opens" wait_for "$REF ·"
check "strengths come first" wait_for "Strengths and voice"
tmux resize-window -t "$SESSION" -x 70 -y 20
# tmux keeps the bottom rows of a shrunk pane, so the old frame's key hints stay on the last row.
# Only a redraw at 70×20 puts the case header back on row 1 and the status line's date, right-aligned,
# at column 70 (the old frame had it at column 100, cut off by the shrink).
redrawn_at_70x20() {
  local i
  for i in $(seq 1 100); do
    if screen | head -1 | grep -q "^$REF ·" && screen | tail -2 | head -1 | grep -q "Mon 23 Nov 2026$"; then return 0; fi
    sleep 0.1
  done
  screen; return 1
}
check "resized smaller keeps working" redrawn_at_70x20
tmux resize-window -t "$SESSION" -x 50 -y 12
check "too small shows a notice" wait_for "Terminal too small"
tmux resize-window -t "$SESSION" -x 110 -y 32
check "back to a usable size" wait_for "Strengths and voice"
keys n
check "note form opens" wait_for "Note — $REF"
type_text "Phoned mum from e2e: agreed a meeting"
keys C-s
check "note saved message" wait_for "Note saved"
keys a
check "action form opens" wait_for "Action — $REF"
type_text "Book educational psychology visit"
keys Tab
type_text "educational p"
keys Enter Enter Enter
check "action saved message" wait_re "Action [0-9]+ saved"
keys q q
check "console exits" wait_for "EXITED"

JSON=$(onroll show "$REF" --format json)
check "note is in the store" grep -q "Phoned mum from e2e: agreed a meeting" <<<"$JSON"
check "action is in the store" grep -q "Book educational psychology visit" <<<"$JSON"
check "action agency picked by typing" grep -q "\"agency\" : \"educational psychology\"" <<<"$JSON"
check "store checks clean" onroll check

for t in "$(dirname "$0")"/t-*.sh; do
  [ -e "$t" ] || continue
  source "$t"
done

finish
