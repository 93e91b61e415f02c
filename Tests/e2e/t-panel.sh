# Panel mode end to end: build the agenda of the sample's planned panel (id 2), run it by keys
# (two decisions, one action), end it, then write the minutes with the CLI.
# PANEL_CAPTURE_DIR=dir keeps the screens (docs/panel-guide.md quotes them).
capture() { [ -n "${PANEL_CAPTURE_DIR:-}" ] && screen >"$PANEL_CAPTURE_DIR/$1.txt" || true; }

onroll panel agenda 2 --build >/dev/null 2>&1
FIRST=$(onroll panel agenda 2 --format csv | sed -n '2p' | cut -d, -f2)
SECOND=$(onroll panel agenda 2 --format csv | awk -F, '$1 == 2 { print $2 }')
start_console 120 32
check "panel: console opens" wait_for "OnRoll · All open cases"
keys M
check "panel: M opens the planned panel" wait_for "Inclusion panel 26 Nov 2026"
check "panel: the first item is in view" wait_for "$FIRST ·"
capture panel-mode
keys d
check "panel: decision form opens" wait_for "Decision on $FIRST"
type_text "ref"
keys Tab
type_text "School place needed before January"
capture panel-decision
keys C-s
check "panel: first decision saved" wait_for "decision recorded — refer to fair access"
keys a
check "panel: action form opens" wait_for "Panel action on $FIRST"
type_text "Present the case at fair access panel"
keys Tab
type_text "la"
keys Tab
type_text "Head of Inclusion"
capture panel-action
keys C-s
check "panel: action saved" wait_for "for LA inclusion saved"
keys n
check "panel: n moves to the next item" wait_for "$SECOND ·"
keys d
type_text "con"
keys C-s
check "panel: second decision saved" wait_for "decision recorded — continue current plan"
capture panel-after
keys E
check "panel: E ends the meeting" wait_for "Panel ended after"
capture panel-ended
keys q
check "panel: console exits" wait_for "EXITED"

onroll panel minutes 2 --format md --output "$WORK/minutes.md" 2>/dev/null
check "panel: minutes written" test -s "$WORK/minutes.md"
check "panel: minutes hold the first decision" grep -q "Decision: refer to fair access — School place needed before January" "$WORK/minutes.md"
check "panel: minutes hold the second decision" grep -q "Decision: continue current plan" "$WORK/minutes.md"
check "panel: minutes hold the action" grep -q "Present the case at fair access panel | LA inclusion | Head of Inclusion" "$WORK/minutes.md"
check "panel: the decision is in the chronology" bash -c "'$BIN' show '$FIRST' --store '$STORE' | grep -q 'refer to fair access'"
check "panel: the panel is closed" bash -c "'$BIN' panel list --store '$STORE' | grep -q '^2 .*closed'"
check "panel: store checks clean after the panel" onroll check
