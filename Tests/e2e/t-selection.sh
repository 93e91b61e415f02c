# The cursor follows the child, not the row: clear a search and `n` still opens a note on the child
# that was found (issue 12.5), and the form's title names that child.
SEL_REF=$(onroll list --format csv 2>/dev/null | awk -F, 'NR == 4 { print $2 }')
SEL_NAME=$(onroll list --format csv 2>/dev/null | awk -F, -v r="$SEL_REF" '$2 == r { print $3 }')
start_console 110 32
check "selection: console opens" wait_for "OnRoll · All open cases"
keys /
type_text "$SEL_NAME"
check "selection: search finds the child" wait_for "Search: $SEL_NAME"
keys Enter
check "selection: search kept" wait_re "[0-9]+ match"
keys Escape
check "selection: Esc clears the search" wait_for "Filters cleared"
keys n
check "selection: n opens a note on the same child" wait_for "Note — $SEL_REF"
keys Escape
keys q
check "selection: console exits" wait_for "EXITED"
