ROOT="$(cd "$(dirname "$0")/../.." && pwd)"; cd "$ROOT"
export ONROLL_TODAY=2026-11-23 ONROLL_USER=asha.patel COLUMNS=100 ONROLL_STORE=/tmp/doc3.onroll
B="$ROOT/.build/debug/onroll"
run() { echo "\$ onroll $(python3 -c 'import shlex,sys; print(shlex.join(sys.argv[1:]))' "$@")"; $B "$@" 2>&1; local rc=$?; [ $rc -ne 0 ] && echo "(exit $rc)"; return 0; }
{
run plan new WM-00026 --from 140031 --to 140004 --start 2026-11-24 --target 2027-02-12 --review-every 10 --criteria "Full days at the target school by February half term" --support "PRU: outreach twice a week; school: key adult"
P=$($B plan list --format json | python3 -c "import json,sys; print(max(x['id'] for x in json.load(sys.stdin)))")
run plan phase $P --from 2026-11-24 --to 2026-12-18 --sessions 4 --description "four mornings"
run plan phase $P --from 2027-01-05 --to 2027-02-12 --sessions 8
run plan review $P --date 2026-12-08 --attended 7 --planned 8 --rag green --working "Key adult at the gate" --pupil "Mornings are OK now" --parent "Less shouting at breakfast" --decision continue --today 2026-12-08
run plan show $P --today 2026-12-08
run plan end $P --outcome broken-down
run plan end $P --outcome broken-down --reason "Moved out of area; new LA informed" --date 2026-12-10
run plan list --setting 140031
} > /tmp/gd/plan.txt
{
run team add WM-00025 --agency CAMHS --name "Dr Priya Lee" --role "Clinical psychologist" --contact "01632 000111" --lead
run team add WM-00025 --agency "education welfare" --name "Kim Shaw" --contact kim.shaw@westmarch.gov.uk --since 2026-10-05
run team add WM-00025 --agency "dog warden" --name Rex
run team list WM-00025
} > /tmp/gd/team1.txt
KIM=$($B team list WM-00025 --format json | python3 -c "import json,sys; print([p['id'] for p in json.load(sys.stdin) if p['name']=='Kim Shaw'][0])")
OTHER=$($B team list WM-00025 --format json | python3 -c "import json,sys; print([p['id'] for p in json.load(sys.stdin) if p['name'] not in ('Kim Shaw','Dr Priya Lee')][0])")
{
run team lead WM-00025 $KIM
run team leave WM-00025 $OTHER --date 2026-11-20
run team list WM-00025 --current
run log WM-00025 --limit 6
} > /tmp/gd/team2.txt
run action list --agency "${AGENCY:-school}" --overdue > /tmp/gd/actions.txt
{
echo "\$ onroll show WM-00002 | sed -n '/Why/,/^\$/p'"; $B show WM-00002 | sed -n '/Why/,/^$/p'
run suspension reflect 8 --what "Shouted at a pupil who took his seat" --triggers "Change of room, no warning" --pupil "Nobody told me" --change "Room changes shared the day before" --action "school|Text room changes to dad the day before|Head of Year|2026-11-30"
echo "\$ onroll show WM-00002 | sed -n '/Why/,/^\$/p'"; $B show WM-00002 | sed -n '/Why/,/^$/p'
} > /tmp/gd/reflect.txt
{
run oos set C00030 --educator 'None known' --hours 0 --cp-plan
run oos enquiry C00030 other-la --date 2026-11-20
run oos enquiry C00030 lost-pupil-database
run oos show C00030
} > /tmp/gd/oos.txt
run oos list | head -14 > /tmp/gd/ooslist.txt
echo "… ($($B oos list --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))') rows in all)" >> /tmp/gd/ooslist.txt
{
run deletion add C00026 --school 140026 --date 2026-11-20 --ground "I 20-day absence" --la-notified --notified-on 2026-11-20
run deletion add C00025 --school 140007 --date 2026-11-20 --ground "A registered elsewhere" --destination 140004
run deletion list --child C00026
} > /tmp/gd/deletion.txt
{
run contact WM-00027 --type "phone call" --outcome "Spoke to mum" --seen
run contact WM-00027 --type "home visit" --outcome "Lily seen; good routine" --seen
} > /tmp/gd/contact.txt
{
run action reschedule 68 --due 2026-12-11 --reason "tutor away"
run action cancel 68
run action cancel 68 --reason "Tutor arrangements confirmed at the visit"
} > /tmp/gd/resched.txt
{
run case assign WM-00027 --owner tom.reed
run case assign WM-00027 --owner tom.reid --handover "Her aunt prefers texts after 4pm"
} > /tmp/gd/assign.txt
run case close WM-00035 --reason "Moved out of area" > /tmp/gd/close.txt
