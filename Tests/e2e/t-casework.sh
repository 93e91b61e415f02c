# Everyday casework without the CLI (issue 17.4): the EHE annual contact by `A`, cancelling an action
# with a reason by `x`, and the overdue-actions list (`A` on the caseload) that opens each case.
# Cases are picked here, not hard-coded, and kept clear of the WM-00001..5 the other files use.
# An EHE case whose annual contact was not already made today (else a new one changes nothing).
CW_EHE=""
for r in $(onroll list --kind ehe --format csv 2>/dev/null | awk -F, 'NR > 1 && $2 > "WM-00005" { print $2 }'); do
  if ! onroll show "$r" 2>/dev/null | grep -q "last annual contact 23 Nov 2026"; then CW_EHE=$r; break; fi
done
# A case with no open actions, so `x` can only pick the one added here.
CW_CASE=""
for r in $(onroll list --format csv 2>/dev/null | awk -F, 'NR > 1 && $2 > "WM-00005" { print $2 }'); do
  if [ "$(onroll action list --case "$r" --format csv 2>/dev/null | wc -l)" -le 1 ]; then CW_CASE=$r; break; fi
done
CW_ACTION=$(onroll action add "$CW_CASE" --agency CAMHS --description "Casework e2e referral" --due 2026-12-14 2>/dev/null)
CW_LATE=$(onroll action list --overdue --format csv 2>/dev/null | awk -F, 'NR == 2 { print $2 }')
CW_LATE_ID=$(onroll action list --overdue --format csv 2>/dev/null | awk -F, 'NR == 2 { print $1 }')
CW_LATE_N=$(onroll action list --overdue --format csv 2>/dev/null | awk 'NR > 1' | wc -l)

start_console 110 32
check "casework: console opens" wait_for "OnRoll · All open cases"

# 1. The EHE annual contact: a home visit at which the child is seen.
keys /
type_text "$CW_EHE"
keys Enter Enter
check "casework: the EHE case opens" wait_for "$CW_EHE ·"
keys A
check "casework: A opens the annual contact form" wait_for "EHE annual contact (last"
check "casework: a home visit with the child seen is the default" wait_for "‹ home visit ›"
keys Tab Tab
type_text "Seen at home: good routine, reading well"
keys C-s
check "casework: the annual contact is recorded" wait_for "EHE annual contact recorded: the next is due by 2027-11-23"
cw_annual_in_store() { onroll show "$CW_EHE" 2>/dev/null | grep -q "EHE annual contact made (home visit, child seen); the next is due by 2027-11-23"; }
check "casework: the store has the annual contact" cw_annual_in_store
keys Escape Escape

# 2. Cancelling an action needs a reason.
keys /
type_text "$CW_CASE"
keys Enter Enter
check "casework: the case with the action opens" wait_for "$CW_CASE ·"
keys Tab Tab Tab
check "casework: the Actions tab lists it" wait_for "Casework e2e referral"
keys x
check "casework: x opens the cancel form for that action" wait_for "Cancel action $CW_ACTION (CAMHS): Casework e2e referral"
keys C-s
check "casework: no reason, no cancel" wait_for "✗ required"
type_text "Family moved out of area"
keys C-s
check "casework: the action is cancelled" wait_for "Action $CW_ACTION cancelled: Family moved out of area"
cw_cancelled_in_store() { onroll action list --case "$CW_CASE" --all --format csv 2>/dev/null | grep -q "^$CW_ACTION,.*,cancelled,"; }
check "casework: the store has it cancelled" cw_cancelled_in_store
keys Escape Escape

# 3. The overdue-actions list across the caseload opens each case, and Esc comes back to it.
keys A
check "casework: A on the caseload lists overdue actions" wait_for "Overdue actions · $CW_LATE_N across the caseload"
cw_first_row() { local i; for i in $(seq 1 100); do screen | sed -n 4p | grep -q "›.* $CW_LATE " && return 0; sleep 0.1; done; screen; return 1; }
check "casework: the most overdue is first, under the cursor" cw_first_row
keys Enter
check "casework: Enter opens its case" wait_for "$CW_LATE ·"
check "casework: on the Actions tab" wait_for "j/k pick action"
keys Escape
check "casework: Esc goes back to the list" wait_for "Overdue actions · $CW_LATE_N across the caseload"
keys q
check "casework: q goes back to the caseload" wait_for "OnRoll · All open cases"
keys q
check "casework: console exits" wait_for "EXITED"
