# A server store through the real binary and psql: init by the owner, logins by a manager, identity from
# the server, what an officer cannot do behind OnRoll's back, export/restore round trip, exit codes.
if [ -z "${ONROLL_TEST_PG_PORT:-}" ]; then
  if [ "${ONROLL_TEST_PG_REQUIRED:-}" = 1 ]; then check "the test PostgreSQL server is running" false; fi
else
  PGH=$ONROLL_TEST_PG_HOST PGP=$ONROLL_TEST_PG_PORT
  SDB="e2e_$$"
  admin_sql() { PGPASSWORD=$ONROLL_TEST_PG_PASSWORD psql -X -q -h "$PGH" -p "$PGP" -U "$ONROLL_TEST_PG_ADMIN" -d postgres -v ON_ERROR_STOP=1 -c "$1"; }
  admin_sql "CREATE ROLE ${SDB}_owner LOGIN CREATEROLE PASSWORD 'owner-password'" >/dev/null
  admin_sql "CREATE DATABASE $SDB OWNER ${SDB}_owner" >/dev/null
  admin_sql "CREATE DATABASE ${SDB}_copy OWNER ${SDB}_owner" >/dev/null
  SURL="postgresql://${SDB}_owner@$PGH:$PGP/$SDB"
  as_owner() { PGPASSWORD=owner-password "$BIN" "$@"; }
  as_sam() { PGPASSWORD=sam-password "$BIN" "$@" --store "postgresql://${SDB}_sam@$PGH:$PGP/$SDB"; }

  check "init by the database's owner makes a server store" \
    bash -c "PGPASSWORD=owner-password '$BIN' init --store '$SURL' | grep -q 'is its first manager'"
  check "a second init is refused" bash -c "! PGPASSWORD=owner-password '$BIN' init --store '$SURL' 2>/dev/null"
  check "a manager adds an officer, password from standard input" \
    bash -c "printf 'sam-password\n' | PGPASSWORD=owner-password '$BIN' user add ${SDB}_sam --role officer --store '$SURL' | grep -q 'added ${SDB}_sam as officer'"
  check "user list shows both logins and roles" \
    bash -c "PGPASSWORD=owner-password '$BIN' user list --format csv --store '$SURL' | grep -q '^${SDB}_sam,officer,yes,'"
  sam_log=$(as_sam log --format csv 2>&1 || true)
  check "the log names who added the officer, as the server authenticated them" grep -q ",${SDB}_owner,user.add," <<<"$sam_log"
  rc=0; as_sam log --user someone.else >/dev/null 2>&1 || rc=$?
  check "--user naming someone else is refused (exit 77)" test "$rc" = 77
  rc=0; printf 'x-password\n' | as_sam user add ${SDB}_x --role officer >/dev/null 2>&1 || rc=$?
  check "an officer cannot add logins (exit 77)" test "$rc" = 77
  psql_err=$(PGPASSWORD=sam-password psql -X -q -h "$PGH" -p "$PGP" -U "${SDB}_sam" -d "$SDB" -c 'UPDATE onroll.audit SET summary = $$x$$' 2>&1 || true)
  check "psql as the officer: UPDATE on the audit log is denied" grep -q "permission denied" <<<"$psql_err"
  psql_err=$(PGPASSWORD=sam-password psql -X -q -h "$PGH" -p "$PGP" -U "${SDB}_sam" -d "$SDB" -c 'DELETE FROM onroll.chronology' 2>&1 || true)
  check "psql as the officer: DELETE on the chronology is denied" grep -q "permission denied" <<<"$psql_err"
  check "check verifies the server's chain" bash -c "PGPASSWORD=sam-password '$BIN' check --store 'postgresql://${SDB}_sam@$PGH:$PGP/$SDB' | grep -q '^ok: 2 audit entries chained'"
  check "list runs on the server store" bash -c "PGPASSWORD=sam-password '$BIN' list --store 'postgresql://${SDB}_sam@$PGH:$PGP/$SDB' | grep -q '^score'"
  # libpq's own conventions: a ~/.pgpass (mode 0600) instead of PGPASSWORD.
  mkdir -p "$WORK/home" && printf '%s\n' "$PGH:$PGP:$SDB:${SDB}_sam:sam-password" > "$WORK/home/.pgpass" && chmod 600 "$WORK/home/.pgpass"
  pgpass_works() { env -u PGPASSWORD HOME="$WORK/home" "$BIN" log --limit 1 --store "postgresql://${SDB}_sam@$PGH:$PGP/$SDB" >/dev/null 2>&1; }
  check "the password comes from ~/.pgpass as for psql" pgpass_works
  # An auditor reads the log and writes nothing; a wrong password is a refused login, not an outage.
  printf 'al-password\n' | PGPASSWORD=owner-password "$BIN" user add ${SDB}_al --role auditor --store "$SURL" >/dev/null
  as_al() { PGPASSWORD=al-password ONROLL_STORE="postgresql://${SDB}_al@$PGH:$PGP/$SDB" "$BIN" "$@"; }
  al_reads_log() { as_al log --format csv 2>/dev/null | grep -q ',user.add,'; }
  check "an auditor reads the audit log (store named by ONROLL_STORE)" al_reads_log
  rc=0; printf 'x-password\n' | as_al user add ${SDB}_y --role officer >/dev/null 2>&1 || rc=$?
  check "an auditor cannot add logins (exit 77)" test "$rc" = 77
  psql_err=$(PGPASSWORD=al-password psql -X -q -h "$PGH" -p "$PGP" -U "${SDB}_al" -d "$SDB" -c 'INSERT INTO onroll.agencies VALUES ($$x$$)' 2>&1 || true)
  check "psql as the auditor: INSERT is denied" grep -q "permission denied" <<<"$psql_err"
  rc=0; PGPASSWORD=wrong "$BIN" log --store "postgresql://${SDB}_al@$PGH:$PGP/$SDB" >/dev/null 2>&1 || rc=$?
  check "a wrong password is refused as a login (exit 77)" test "$rc" = 77
  rc=0; PGPASSWORD=x "$BIN" log --store "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2" >/dev/null 2>&1 || rc=$?
  check "an unreachable server exits 69" test "$rc" = 69

  # The sample caseload moves onto the server and back, byte for byte.
  onroll export --output "$WORK/file.json" 2>/dev/null
  check "restore into an empty database" bash -c "PGPASSWORD=owner-password '$BIN' restore '$WORK/file.json' --store 'postgresql://${SDB}_owner@$PGH:$PGP/${SDB}_copy' | grep -q 'chain verified by the server'"
  PGPASSWORD=owner-password "$BIN" export --output "$WORK/server.json" --store "postgresql://${SDB}_owner@$PGH:$PGP/${SDB}_copy" 2>/dev/null
  check "the server's export is the file's, byte for byte" cmp -s "$WORK/file.json" "$WORK/server.json"
  check "the restored server store checks clean" bash -c "PGPASSWORD=owner-password '$BIN' check --store 'postgresql://${SDB}_owner@$PGH:$PGP/${SDB}_copy' >/dev/null"

  # Two officers, two consoles, one server store: a note saved in one shows in the other within a second.
  COPY="postgresql://${SDB}_owner@$PGH:$PGP/${SDB}_copy"
  printf 'ann-password\n' | PGPASSWORD=owner-password "$BIN" user add ${SDB}_ann --role officer --store "$COPY" >/dev/null
  printf 'ben-password\n' | PGPASSWORD=owner-password "$BIN" user add ${SDB}_ben --role officer --store "$COPY" >/dev/null
  ANN="postgresql://${SDB}_ann@$PGH:$PGP/${SDB}_copy" BEN="postgresql://${SDB}_ben@$PGH:$PGP/${SDB}_copy"
  check "an officer's list on the server is the file's list" \
    bash -c "cmp -s <(PGPASSWORD=ann-password '$BIN' list --format csv --store '$ANN') <('$BIN' list --format csv --store '$STORE')"
  two_consoles() {
    local who
    for who in ann ben; do
      tmux kill-session -t "$SESSION-$who" 2>/dev/null || true
      local url=$ANN; [ "$who" = ben ] && url=$BEN
      tmux new-session -d -s "$SESSION-$who" -x 110 -y 32 \
        "env ONROLL_TODAY=$ONROLL_TODAY PGPASSWORD=$who-password LANG=C.UTF-8 TERM=xterm-256color $BIN --store '$url'; echo EXITED; sleep 30"
    done
  }
  two_consoles
  pane() { tmux capture-pane -t "$SESSION-$1" -p; }
  wait_pane() { local i; for i in $(seq 1 "${3:-100}"); do pane "$1" | grep -qF -- "$2" && return 0; sleep 0.1; done; pane "$1"; return 1; }
  check "server: ann's console opens on the server store" wait_pane ann "OnRoll · All open cases"
  check "server: ben's console opens on the server store" wait_pane ben "OnRoll · All open cases"
  for who in ann ben; do tmux send-keys -t "$SESSION-$who" / && tmux send-keys -t "$SESSION-$who" -l WM-00001 && tmux send-keys -t "$SESSION-$who" Enter Enter; done
  check "server: ann has WM-00001 open" wait_pane ann "WM-00001 ·"
  check "server: ben has WM-00001 open" wait_pane ben "WM-00001 ·"
  # Ann reads the chronology (Summary → Why → Chronology) while Ben writes.
  tmux send-keys -t "$SESSION-ann" Tab Tab
  check "server: ann reads WM-00001's chronology" wait_pane ann "Chronology"
  # Ann's console idles a moment first, so what wakes it is the server's notice of Ben's commit, not
  # the first look every console takes when it starts.
  sleep 1
  tmux send-keys -t "$SESSION-ben" n
  check "server: ben's note form" wait_pane ben "Note — WM-00001"
  tmux send-keys -t "$SESSION-ben" -l "Two-console note from ben"
  tmux send-keys -t "$SESSION-ben" C-s
  check "server: ben's note is saved" wait_pane ben "Note saved"
  # Within a second of the save: ten polls of the pane 0.1 s apart.
  check "server: ann's console shows ben's note within a second" wait_pane ann "Two-console note from ben" 10
  check "server: the log names ben, as the server authenticated him" \
    bash -c "PGPASSWORD=ann-password '$BIN' log --format csv --store '$ANN' | grep -q ',${SDB}_ben,note.add,'"
  for who in ann ben; do tmux send-keys -t "$SESSION-$who" q; tmux kill-session -t "$SESSION-$who" 2>/dev/null || true; done

  # A visiting panel member, through onroll: only the cases on the agenda of a panel they attend.
  printf 'pat-password\n' | PGPASSWORD=owner-password "$BIN" user add ${SDB}_pat --role panel --store "$COPY" >/dev/null
  PAT="postgresql://${SDB}_pat@$PGH:$PGP/${SDB}_copy"
  as_pat() { PGPASSWORD=pat-password "$BIN" "$@" --store "$PAT"; }
  check "panel: a panel login with no panel sees no case" bash -c "PGPASSWORD=pat-password '$BIN' list --store '$PAT' | grep -q '^0 cases'"
  PANEL_ID=$(PGPASSWORD=owner-password "$BIN" panel new --date 2026-11-30 --type inclusion --store "$COPY" 2>/dev/null)
  PGPASSWORD=owner-password "$BIN" panel add "$PANEL_ID" WM-00003 --reason "school asked" --store "$COPY" >/dev/null
  PGPASSWORD=owner-password "$BIN" panel attendee "$PANEL_ID" --name "Pat Head" --org "Hillcrest" --login ${SDB}_pat --store "$COPY" >/dev/null
  pat_list=$(as_pat list --format csv 2>&1 || true)
  check "panel: an attendee sees exactly the agenda's case" test "$(awk -F, 'NR > 1 { print $2 }' <<<"$pat_list")" = WM-00003
  check "panel: and reads its file" bash -c "PGPASSWORD=pat-password '$BIN' show WM-00003 --store '$PAT' | grep -q 'WM-00003'"
  rc=0; as_pat show WM-00004 >/dev/null 2>&1 || rc=$?
  check "panel: a case off the agenda does not exist for them (exit 67)" test "$rc" = 67
  rc=0; as_pat note WM-00003 "a panel member's note" >/dev/null 2>&1 || rc=$?
  check "panel: writing casework is refused by the server (exit 77)" test "$rc" = 77

  # An auditor, through onroll: reads the whole caseload and any file (each read logged), changes nothing.
  printf 'aud-password\n' | PGPASSWORD=owner-password "$BIN" user add ${SDB}_aud --role auditor --store "$COPY" >/dev/null
  AUD="postgresql://${SDB}_aud@$PGH:$PGP/${SDB}_copy"
  check "auditor: lists the whole caseload" \
    bash -c "cmp -s <(PGPASSWORD=aud-password '$BIN' list --format csv --store '$AUD') <('$BIN' list --format csv --store '$STORE')"
  check "auditor: reads a file, and the read is in the log under their login" \
    bash -c "PGPASSWORD=aud-password '$BIN' show WM-00004 --store '$AUD' >/dev/null && PGPASSWORD=aud-password '$BIN' log WM-00004 --format csv --store '$AUD' | grep -q ',${SDB}_aud,view,'"
  rc=0; PGPASSWORD=aud-password "$BIN" note WM-00004 "an auditor's note" --store "$AUD" >/dev/null 2>&1 || rc=$?
  check "auditor: writing casework is refused by the server (exit 77)" test "$rc" = 77

  # The server goes down while Ann types a note: the form is kept, the console says so, and the note is
  # saved by itself once the server is back (issue 15.6).
  two_consoles
  check "fault: ann's console opens" wait_pane ann "OnRoll · All open cases"
  tmux send-keys -t "$SESSION-ann" / && tmux send-keys -t "$SESSION-ann" -l WM-00002 && tmux send-keys -t "$SESSION-ann" Enter Enter
  check "fault: ann has WM-00002 open" wait_pane ann "WM-00002 ·"
  tmux send-keys -t "$SESSION-ann" n
  check "fault: ann's note form" wait_pane ann "Note — WM-00002"
  # An idle moment first, so Ann's console is already listening when the server goes (it must listen again).
  sleep 1
  tmux send-keys -t "$SESSION-ann" -l "Typed while the server was down"
  bash "$ROOT/scripts/pg-test-server.sh" halt "$ONROLL_TEST_PG_DIR"
  tmux send-keys -t "$SESSION-ann" C-s
  check "fault: the console says the server is unavailable and keeps the form" wait_pane ann "Server unavailable, retrying"
  check "fault: the form is still open as typed" wait_pane ann "Typed while the server was down"
  bash "$ROOT/scripts/pg-test-server.sh" resume "$ONROLL_TEST_PG_DIR"
  check "fault: saved by itself once the server is back" wait_pane ann "Note saved" 150
  # After the restart the console is still told of a colleague's commit (it listens again).
  tmux send-keys -t "$SESSION-ann" Tab Tab
  check "fault: ann reads WM-00002's chronology" wait_pane ann "Chronology"
  sleep 1
  PGPASSWORD=ben-password "$BIN" note WM-00002 "Ben after the restart" --store "$BEN" >/dev/null
  check "fault: after the restart ann still sees a colleague's note within a second" wait_pane ann "Ben after the restart" 10
  check "fault: the note is in the case's chronology, once" \
    bash -c "test \$(PGPASSWORD=ben-password '$BIN' show WM-00002 --store '$BEN' | grep -c 'Typed while the server was down') = 1"
  for who in ann ben; do tmux send-keys -t "$SESSION-$who" q; tmux kill-session -t "$SESSION-$who" 2>/dev/null || true; done
fi
