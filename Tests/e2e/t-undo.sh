# Undo is safe (issue 12.4): `u` offers only my newest change on the case on screen, refuses to
# "undo" a contact (the chronology is append-only), and refuses after another officer's later change.
U_A=WM-00001 U_B=WM-00002
U_A_NAME=$(onroll list --format csv 2>/dev/null | awk -F, -v r="$U_A" '$2 == r { print $3 }')
U_B_NAME=$(onroll list --format csv 2>/dev/null | awk -F, -v r="$U_B" '$2 == r { print $3 }')
start_console 120 32
check "undo: console opens" wait_for "OnRoll · All open cases"
# An owner change on B...
keys /
type_text "$U_B_NAME"
keys Enter Enter
check "undo: case B opens" wait_for "$U_B ·"
keys w C-u
type_text "e2e.officer"
keys C-s
check "undo: owner of B changed" wait_for "$U_B now owned by e2e.officer"
keys q Escape
# ...then a contact on A: u must not offer B's owner change.
keys /
type_text "$U_A_NAME"
keys Enter Enter
check "undo: case A opens" wait_for "$U_A ·"
keys c Tab
type_text "Left a card at the door"
keys C-s
check "undo: contact recorded" wait_for "Contact recorded"
keys u
check "undo: a contact is refused, saying what to do" wait_for "a contact is part of the chronology and is never removed"
check "undo: B's change is not offered on A" bash -c "! tmux capture-pane -t '$SESSION' -p | grep -q 'undo? y/n'"
# My own owner change on A, then another officer changes A: u refuses, naming them.
keys w C-u
type_text "e2e.officer"
keys C-s
check "undo: owner of A changed" wait_for "$U_A now owned by e2e.officer"
"$BIN" case assign "$U_A" --owner tom.reid --user tom.reid --store "$STORE" >/dev/null
check "undo: the other officer's change arrives" wait_for "changed elsewhere"
keys u
check "undo: offers my change on A" wait_re "$U_A: owner .* → e2e.officer — undo\\? y/n"
keys y
check "undo: refused after another officer's change" wait_re "Not undone: .*changed by tom.reid at"
keys q q
check "undo: console exits" wait_for "EXITED"
check "undo: tom.reid's change stands" bash -c "'$BIN' show '$U_A' --format json --store '$STORE' | grep -q '\"owner\" : \"tom.reid\"'"
check "undo: the contact stays in the chronology" bash -c "'$BIN' show '$U_A' --store '$STORE' | grep -q 'Left a card at the door'"
