# Sourced by run.sh. The PRU head's review view on the sample store: open it with P, record a
# plan review by keyboard, then read it back with `onroll plan show ID --format json`.
start_console 120 32
check "plan: console opens" wait_for "OnRoll · All open cases"
keys P
check "plan: P opens the PRU review view" wait_for "OnRoll · Reintegration plans"
check "plan: the view lists active plans" wait_re "^›[A-Z]+-[0-9]+ "
PLAN_REF=$(screen | sed -n 's/^›\([A-Z]*-[0-9]*\) .*/\1/p' | head -1)
PLAN_ROW_BEFORE=$(screen | grep -E "^[› ]$PLAN_REF " | sed "s/^›//; s/^ //")
keys r
check "plan: r opens the review form" wait_for "Review of plan"
PLAN_ID=$(screen | sed -n 's/.*Review of plan \([0-9][0-9]*\) .*/\1/p' | head -1)
keys Tab
type_text "7"
keys Tab C-u
type_text "8"
keys Tab
type_text "g"
keys Tab
type_text "Settled in maths from e2e"
keys Tab
type_text "Friday afternoons"
keys Tab
type_text "c"
keys C-s
check "plan: review saved" wait_for "Review saved for plan $PLAN_ID"
# The reviewed plan's own row changes and shows green (the sample has green plans already).
plan_row_green() {
  local i row
  for i in $(seq 1 100); do
    row=$(screen | grep -E "^[› ]$PLAN_REF " | sed "s/^›//; s/^ //" || true)
    if grep -q "GREEN" <<<"$row" && [ "$row" != "$PLAN_ROW_BEFORE" ]; then return 0; fi
    sleep 0.1
  done
  echo "--- before: $PLAN_ROW_BEFORE"; echo "--- after:  $row"; return 1
}
check "plan: the list shows the green review" plan_row_green
keys q q
check "plan: console exits" wait_for "EXITED"

PLAN_JSON=$(onroll plan show "$PLAN_ID" --format json)
LAST_REVIEW=$(sed -n '/"reviews"/,$p' <<<"$PLAN_JSON")
check "plan: the review is stored" grep -q '"working" : "Settled in maths from e2e"' <<<"$LAST_REVIEW"
check "plan: attended and planned as typed" bash -c 'grep -q "\"attended\" : 7" <<<"$1" && grep -q "\"planned\" : 8" <<<"$1"' _ "$LAST_REVIEW"
check "plan: RAG green, decision continue" bash -c 'grep -q "\"rag\" : \"green\"" <<<"$1" && grep -q "\"decision\" : \"continue\"" <<<"$1"' _ "$LAST_REVIEW"
check "plan: review dated today by the officer" bash -c 'grep -q "\"date\" : \"2026-11-23\"" <<<"$1" && grep -q "\"author\" : \"e2e.officer\"" <<<"$1"' _ "$LAST_REVIEW"
plan_review_audited() { local log; log=$(onroll log --limit 50); grep -q "plan.review.*e2e.officer\|e2e.officer.*plan.review" <<<"$log"; }
check "plan: the review is audited" plan_review_audited

# A step-up review in the console moves the plan to its next phase, and the list's phase changes.
# The plan is given a later target and a 9-session phase after its others, so it always has a next
# phase; the review is dated the Friday before, as today already has one.
OLD_TARGET=$(onroll plan show "$PLAN_ID" --format json | sed -n 's/^ *"target" : "\(.*\)",$/\1/p' | head -1)
# A sample plan can be past its target: the new phase starts after both the target and today.
PHASE_AFTER=$(printf '%s\n' "$OLD_TARGET" "$ONROLL_TODAY" | sort | tail -1)
NEW_TARGET=$(date -d "$PHASE_AFTER + 70 days" +%F)
onroll plan target "$PLAN_ID" --date "$NEW_TARGET" --reason "e2e: room for one more phase" >/dev/null
onroll plan phase "$PLAN_ID" --from "$(date -d "$PHASE_AFTER + 1 day" +%F)" --to "$NEW_TARGET" --sessions 9 >/dev/null
start_console 120 32
check "plan: console opens again" wait_for "OnRoll · All open cases"
keys P
check "plan: the review view opens again" wait_re "^›[A-Z]+-[0-9]+ "
plan_selected() {
  local i
  for i in $(seq 1 60); do
    if screen | grep -qE "^›$PLAN_REF "; then return 0; fi
    keys j; sleep 0.1
  done
  screen; return 1
}
check "plan: the reviewed plan is selected" plan_selected
STEP_ROW_BEFORE=$(screen | grep -E "^›$PLAN_REF " | sed "s/^›//")
keys r
check "plan: the review form opens for the plan" wait_for "Review of plan $PLAN_ID "
keys C-u
type_text "2026-11-20"
keys Tab
type_text "8"
keys Tab C-u
type_text "8"
keys Tab Tab Tab Tab
type_text "s"
keys C-s
check "plan: step-up review saved" wait_for "Review saved for plan $PLAN_ID: step up a phase"
STEP_SESSIONS=$(onroll plan show "$PLAN_ID" --format json | sed -n 's/^ *"currentPhaseSessions" : \([0-9]*\),$/\1/p' | head -1)
plan_phase_changed() {
  local i row
  for i in $(seq 1 100); do
    row=$(screen | grep -E "^[› ]$PLAN_REF " | sed "s/^›//; s/^ //" || true)
    if [ -n "$STEP_SESSIONS" ] && grep -q " $STEP_SESSIONS/10 " <<<"$row" && [ "$row" != "$STEP_ROW_BEFORE" ]; then return 0; fi
    sleep 0.1
  done
  echo "--- before: $STEP_ROW_BEFORE"; echo "--- after:  $row (expected $STEP_SESSIONS/10)"; return 1
}
check "plan: the list shows the next phase" plan_phase_changed
keys q q
check "plan: console exits again" wait_for "EXITED"
STEPPED=$(onroll plan show "$PLAN_ID")
check "plan: the next phase starts today, the school day after the review" grep -qE "^  2026-11-23\.\." <<<"$STEPPED"
