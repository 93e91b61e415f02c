# Two officers, one store: two writer processes (the real binary) at once. Every write is either
# stored or reported as failed; none is lost; nobody sees "database is locked"; version-checked
# assigns never overwrite each other. ONROLL_STRESS=long: 2 × 5000 writes.
W_WRITES=300; [ "${ONROLL_STRESS:-}" = long ] && W_WRITES=5000
W_NOTE_CASE=WM-00003 W_ASSIGN_CASE=WM-00004
# sqlite3 waits for a writer like onroll does (its default is to fail at once with SQLITE_BUSY).
sq() { sqlite3 -cmd ".timeout 15000" "$STORE" "$1"; }
w_version() { sq "SELECT version FROM cases WHERE ref = '$W_ASSIGN_CASE'"; }
W_V0=$(w_version)

writer() {
  local who=$1 i out v
  for i in $(seq 1 "$W_WRITES"); do
    if out=$("$BIN" note "$W_NOTE_CASE" "w-$who-$i" --store "$STORE" --user "$who" 2>&1); then echo "ok $i"; else echo "failed $i: $out"; fi
    if [ $((i % 10)) -eq 0 ]; then
      # A version-checked assign, as a script that read the case a moment ago would send.
      v=$(w_version)
      if out=$("$BIN" case assign "$W_ASSIGN_CASE" --owner "$who" --expect-version "$v" --store "$STORE" --user "$who" 2>&1); then
        echo "assigned $v"
      else
        echo "conflict $v: $out"
      fi
    fi
  done >"$WORK/writer-$who.log"
}

w_start=$(date +%s)
writer alice & w_pid1=$!
writer bob & w_pid2=$!
wait "$w_pid1" "$w_pid2"
w_secs=$(( $(date +%s) - w_start ))

w_stored=0 w_reported=0 w_lost=0
for who in alice bob; do
  # Every acknowledged note must be in the store exactly once.
  sq "SELECT text FROM chronology WHERE caseRef = '$W_NOTE_CASE' AND text LIKE 'w-$who-%'" | sort >"$WORK/stored-$who"
  w_stored=$((w_stored + $(wc -l <"$WORK/stored-$who")))
  w_reported=$((w_reported + $(grep -c '^failed' "$WORK/writer-$who.log" || true)))
  grep '^ok ' "$WORK/writer-$who.log" | sed "s/^ok /w-$who-/" | sort >"$WORK/acked-$who"
  w_lost=$((w_lost + $(comm -23 "$WORK/acked-$who" "$WORK/stored-$who" | wc -l)))
done
w_total=$((2 * W_WRITES))
echo "2 writers × $W_WRITES writes: $w_stored stored, $w_reported reported, $w_lost lost (${w_secs}s)"
check "every note is stored or reported" test $((w_stored + w_reported)) -eq "$w_total"
check "no acknowledged note is lost" test "$w_lost" -eq 0
check "no duplicate notes" test "$(cat "$WORK"/stored-alice "$WORK"/stored-bob | sort | uniq -d | wc -l)" -eq 0
check "nobody saw 'database is locked'" bash -c "! grep -qi 'locked' '$WORK'/writer-*.log"

# Version-checked assigns: each success moved the version by one; each refusal said who and to reload.
w_assigned=$(cat "$WORK"/writer-*.log | grep -c '^assigned' || true)
w_conflicts=$(cat "$WORK"/writer-*.log | grep -c '^conflict' || true)
echo "version-checked assigns: $w_assigned saved, $w_conflicts refused as conflicts"
check "no assign overwrote another (version moved once per success)" test "$(w_version)" -eq $((W_V0 + w_assigned))
check "every refusal names who changed it and says reload" bash -c "! grep '^conflict' '$WORK'/writer-*.log | grep -v 'was changed by .* at .* — reload'"
check "store checks clean after two writers" onroll check
