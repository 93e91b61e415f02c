# A whole panel meeting in panel mode at 80×24, on a panel of its own (a reintegration review on
# 24 Nov, so the sample's inclusion panel 2 is left for t-panel.sh): opened without starting it,
# an apology recorded (and the same person refused twice), a case added by hand, started, stepped
# through (one deferred), item N reached with g, a "close" that closes the case
# (confirmed), ended with confirmation; then the minutes and the closed case checked with the CLI.
# PANEL_CAPTURE_DIR=dir keeps the screens (docs/panel-guide.md quotes them).
capture() { [ -n "${PANEL_CAPTURE_DIR:-}" ] && screen >"$PANEL_CAPTURE_DIR/$1.txt" || true; }

MP=$(onroll panel new --date 2026-11-24 --type reintegration --chair "Asha Patel")
onroll panel attendee "$MP" --name "J. Amadi" --org "Westmarch PRU" --role "PRU headteacher" >/dev/null
# A case far down the caseload, on no agenda: the chair adds it by hand and the panel closes it.
CLOSE_REF=$(onroll list --format csv 2>/dev/null | awk -F, 'NR == 140 { print $2 }')
start_console 80 24
check "meeting: console opens" wait_for "OnRoll · All open cases"
keys M
check "meeting: M opens the reintegration panel" wait_for "Reintegration review panel 24 Nov 2026"
check "meeting: M does not start it" wait_for "not started · S starts the meeting"
check "meeting: the store says planned" bash -c "'$BIN' panel list --store '$STORE' | grep -q '^$MP .*planned'"
capture meeting-opened

keys A
check "meeting: A opens attendees and apologies" wait_for "Attendees and apologies"
type_text "P. Sandhu"
keys Tab
type_text "Educational psychology"
keys Tab Tab Right
check "meeting: apologies picked" wait_for "sent apologies"
capture meeting-apologies
keys C-s
check "meeting: apologies saved" wait_for "Apologies from P. Sandhu · 1 attending"
keys A
type_text "j. amadi"
keys Tab
type_text "WESTMARCH PRU"
keys C-s
check "meeting: the same person is not listed twice" wait_for "Not saved: J. Amadi (Westmarch PRU) is"
keys Escape y

keys +
check "meeting: + asks for a case" wait_for "Add a case to the agenda"
type_text "$CLOSE_REF"
keys Tab
type_text "School asks to close: settled"
keys C-s
check "meeting: the case is added at the end" wait_re "$CLOSE_REF added to the agenda as item [0-9]+"
CLOSE_N=$(screen | sed -n "s/.*$CLOSE_REF added to the agenda as item \([0-9]*\).*/\1/p" | head -1)
keys +
type_text "$CLOSE_REF"
keys Tab
type_text "again"
keys C-s
check "meeting: a case already on is refused" wait_for "Not saved: case $CLOSE_REF is already on"
keys Escape y

keys S
check "meeting: S starts it" wait_for "Meeting started"
check "meeting: the store says running" bash -c "'$BIN' panel list --store '$STORE' | grep -q '^$MP .*running'"
FIRST=$(onroll panel agenda "$MP" --format json 2>/dev/null | sed -n 's/^ *"caseRef" : "\(.*\)",$/\1/p' | sed -n 1p)
SECOND=$(onroll panel agenda "$MP" --format json 2>/dev/null | sed -n 's/^ *"caseRef" : "\(.*\)",$/\1/p' | sed -n 2p)
check "meeting: the first item is in view" wait_for "$FIRST ·"
check "meeting: a long case says there is more" wait_for "more lines below · J/PgDn"
keys J J J J J J
check "meeting: J scrolls the case pane to its bottom" wait_for "more lines above · K/PgUp"
check "meeting: at the bottom nothing is below" wait_gone "more lines below"
capture meeting-pane-bottom
# Deferred, not decided: a decision here would keep the case off panel 2 (decided, nothing new since).
keys f
check "meeting: item 1 deferred" wait_for "$FIRST: deferred to the panel of 1 Dec 2026"
keys n
check "meeting: n steps to item 2" wait_for "$SECOND ·"
check "meeting: its pane starts at the top" wait_gone "more lines above"
keys g
check "meeting: g asks for the item" wait_for "Go to item"
type_text "$CLOSE_N"
keys Enter
check "meeting: g N goes to item N" wait_for "Item $CLOSE_N: $CLOSE_REF"
check "meeting: its case is in view" wait_for "$CLOSE_REF ·"
keys d
type_text "clo"
keys Tab
type_text "Settled at the new school"
keys C-s
check "meeting: close asks first" wait_for "Close case $CLOSE_REF with the panel's decision? y/n"
keys y
check "meeting: close closes the case" wait_for "$CLOSE_REF: decision recorded — close"
capture meeting-closed
keys E
check "meeting: E asks first" wait_re "End the meeting\? [0-9]+ of [0-9]+ items not yet dealt with — y/n"
keys y
check "meeting: E y ends it" wait_for "Panel ended after"
keys q
check "meeting: console exits" wait_for "EXITED"

TOTAL=$(onroll panel agenda "$MP" --format json 2>/dev/null | grep -c '"caseRef"')
onroll panel minutes "$MP" --format md --output "$WORK/meeting.md" 2>/dev/null
check "meeting: minutes written" test -s "$WORK/meeting.md"
check "meeting: minutes open with the summary" bash -c "sed -n '/^## /{p;q}' '$WORK/meeting.md' | grep -qx '## Summary'"
check "meeting: the summary counts the items" grep -qF -- "- Items: $TOTAL on the agenda: 1 decided, 1 deferred, $((TOTAL - 2)) not reached" "$WORK/meeting.md"
check "meeting: the summary counts decisions by kind" grep -qF -- "- Decisions: 1: close 1" "$WORK/meeting.md"
check "meeting: times in UK time" grep -qE -- "- Meeting: started [0-9]{2}:[0-9]{2} GMT, ended [0-9]{2}:[0-9]{2} GMT" "$WORK/meeting.md"
check "meeting: the apology is in the minutes" bash -c "grep -A2 '^## Apologies' '$WORK/meeting.md' | grep -qF -- '- P. Sandhu, Educational psychology'"
check "meeting: J. Amadi attended, once" test "$(grep -c 'J. Amadi' "$WORK/meeting.md")" -eq 1
check "meeting: the close is in the minutes" grep -qF -- "- Decision: close — Settled at the new school" "$WORK/meeting.md"
check "meeting: unreached items listed briefly" grep -qE -- "^Not reached: $((TOTAL - 2)) items — $SECOND, " "$WORK/meeting.md"
check "meeting: an unreached item has no section" bash -c "! grep -q '^### 3\\. ' '$WORK/meeting.md'"
check "meeting: the case is closed" bash -c "'$BIN' show '$CLOSE_REF' --format json --store '$STORE' | grep -q '\"status\" : \"closed\"'"
check "meeting: the closed case left the caseload" bash -c "! '$BIN' list --format csv --store '$STORE' | grep -q ',$CLOSE_REF,'"
check "meeting: the hand-added line is in the chronology" bash -c "'$BIN' show '$CLOSE_REF' --store '$STORE' | grep -q 'put on the agenda of the Reintegration review panel of 24 Nov 2026'"
check "meeting: J. Amadi listed once" test "$(onroll panel attendees "$MP" --format csv | grep -c 'J. Amadi')" -eq 1
check "meeting: the panel is closed" bash -c "'$BIN' panel list --store '$STORE' | grep -q '^$MP .*closed'"
check "meeting: apologies and the hand-added case are audited" bash -c "'$BIN' log --store '$STORE' | grep -q 'apologies from P. Sandhu' && '$BIN' log --store '$STORE' | grep -q '$CLOSE_REF: on panel $MP agenda'"
# The deferral planned the next reintegration review (1 Dec): ended here so that M in t-panel.sh
# opens the inclusion panel of 26 Nov, as a chair with no other panel would.
NEXT=$(onroll panel list --format csv | awk -F, '$2 == "2026-12-01" && $3 == "reintegration" { print $1 }')
check "meeting: the deferred case is on the next review" bash -c "'$BIN' panel agenda '$NEXT' --format csv --store '$STORE' 2>/dev/null | grep -q '$FIRST'"
onroll panel end "$NEXT" >/dev/null
check "meeting: store checks clean" onroll check
