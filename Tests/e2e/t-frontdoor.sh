# The front door (issue 16.4) in the real binary: N lists what arrived since this officer last looked,
# Enter opens the child's case and q comes back; looking again shows nothing new. A colleague's
# suspension, recorded by the CLI, is what arrives. The case is the last one listed, clear of the others'.
FD_REF=$(onroll list --format csv 2>/dev/null | awk -F, 'NR > 1 { r = $2 } END { print r }')
FD_CHILD=$(onroll show "$FD_REF" --format json 2>/dev/null | sed -n 's/^ *"ref" : "\(C[0-9]*\)",$/\1/p' | head -1)
onroll changes >/dev/null 2>&1   # this officer's first look takes in everything so far
ONROLL_USER=tom.reid "$BIN" suspension add "$FD_CHILD" --start 2026-11-20 --days 1.5 --reason DM --store "$STORE" >/dev/null 2>&1

start_console 120 32
check "front door: console opens" wait_for "OnRoll · All open cases"
keys N
check "front door: N opens it with the one arrival" wait_for "OnRoll · What arrived · 1 since you last looked"
check "front door: the colleague's suspension is listed" wait_for "1.5 days from 2026-11-20 (DM)"
check "front door: under its school, counted" wait_re "— 1 suspension$"
keys Enter
check "front door: Enter opens the child's case" wait_for "$FD_REF ·"
keys q
check "front door: q comes back to it" wait_for "OnRoll · What arrived"
keys q
check "front door: q again is the caseload" wait_for "OnRoll · All open cases"
keys N
check "front door: looking again shows nothing new" wait_for "Nothing new since you last looked"
keys q q
check "front door: console exits" wait_for "EXITED"
check "front door: the CLI agrees, nothing since the look" bash -c "'$BIN' changes --store '$STORE' | grep -q '^0 arrived'"
