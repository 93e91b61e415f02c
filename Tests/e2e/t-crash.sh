# Crashes: kill -9 a writing `onroll` at random moments during imports and note writes. After each
# kill `onroll check` is clean, every write that printed success is there, and an import is all or
# nothing. ONROLL_STRESS=long: 200 kills.
C_KILLS=20; [ "${ONROLL_STRESS:-}" = long ] && C_KILLS=200
C_ROWS=300 C_CASE=WM-00005
sq() { sqlite3 -cmd ".timeout 15000" "$STORE" "$1"; }

c_import_file() { # a children file of C_ROWS new children, refs K<k>-<i>
  local k=$1 i
  echo "ref,forename,surname,dob"
  for i in $(seq 1 "$C_ROWS"); do echo "K$k-$i,Crash$i,Test$k,2012-03-04"; done
}

c_ms() { date +%s%N | cut -c1-13; }
# How long each kind of write takes here: kills are spread over that window.
t0=$(c_ms); c_import_file 0 >"$WORK/crash-0.csv"; onroll import children "$WORK/crash-0.csv" >/dev/null; c_import_ms=$(( $(c_ms) - t0 + 1 ))
t0=$(c_ms); onroll note "$C_CASE" "crash-calibrate" >/dev/null; c_note_ms=$(( $(c_ms) - t0 + 1 ))

c_live=0 c_acked=0 c_missing=0 c_partial=0 c_dirty=0
for k in $(seq 1 "$C_KILLS"); do
  out="$WORK/crash-$k.out"
  if [ $((k % 2)) -eq 1 ]; then
    c_import_file "$k" >"$WORK/crash-$k.csv"
    "$BIN" import children "$WORK/crash-$k.csv" --store "$STORE" >"$out" 2>&1 & pid=$!
    window=$c_import_ms
  else
    "$BIN" note "$C_CASE" "crash-$k" --store "$STORE" >"$out" 2>&1 & pid=$!
    window=$c_note_ms
  fi
  # Up to 1.6× the write's usual time: most kills land mid-write, some just after it said "added".
  sleep "$(awk -v r=$RANDOM -v w="$window" 'BEGIN { printf "%.3f", r / 32768 * w * 1.6 / 1000 }')"
  kill -9 "$pid" 2>/dev/null || true
  # 137 = killed by SIGKILL while still running (a finished process keeps its own exit code).
  rc=0; { wait "$pid"; } 2>/dev/null || rc=$?
  [ "$rc" -eq 137 ] && c_live=$((c_live + 1))
  if [ $((k % 2)) -eq 1 ]; then
    n=$(sq "SELECT COUNT(*) FROM children WHERE ref LIKE 'K$k-%'")
    if grep -q "added" "$out"; then c_acked=$((c_acked + 1)); [ "$n" -eq "$C_ROWS" ] || c_missing=$((c_missing + 1)); fi
    [ "$n" -eq 0 ] || [ "$n" -eq "$C_ROWS" ] || c_partial=$((c_partial + 1))
  else
    n=$(sq "SELECT COUNT(*) FROM chronology WHERE text = 'crash-$k'")
    if grep -q "added" "$out"; then c_acked=$((c_acked + 1)); [ "$n" -eq 1 ] || c_missing=$((c_missing + 1)); fi
  fi
  "$BIN" check --store "$STORE" >"$WORK/crash-check.out" 2>&1 || { c_dirty=$((c_dirty + 1)); cat "$WORK/crash-check.out"; }
done
echo "crash: $C_KILLS kills ($c_live while running; import ~${c_import_ms} ms, note ~${c_note_ms} ms): $c_acked acknowledged writes, $c_missing missing, $c_partial partial imports, $c_dirty unclean checks"
# With no acknowledged write the survival check would prove nothing, so it requires at least one.
check "every acknowledged write survived kill -9" bash -c '[ "$1" -gt 0 ] && [ "$2" -eq 0 ]' _ "$c_acked" "$c_missing"
check "imports are all or nothing under kill -9" test "$c_partial" -eq 0
check "onroll check clean after every kill" test "$c_dirty" -eq 0
check "some kills landed while a write was running" test "$c_live" -gt 0
