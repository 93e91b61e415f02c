ROOT="$(cd "$(dirname "$0")/../.." && pwd)"; cd "$ROOT"
export ONROLL_TODAY=2026-11-23 ONROLL_USER=asha.patel COLUMNS=100 ONROLL_STORE=/tmp/doc3.onroll
B="$ROOT/.build/debug/onroll"
run() { echo "\$ onroll $(python3 -c 'import shlex,sys; print(shlex.join(sys.argv[1:]))' "$@")"; $B "$@" 2>&1; local rc=$?; [ $rc -ne 0 ] && echo "(exit $rc)"; return 0; }
{
run plan new WM-00026 --from 140031 --to 140004 --start 2026-11-24 --target 2027-02-12 --review-every 10 --criteria "Full days at the target school by February half term" --support "PRU: outreach twice a week; school: key adult"
P=$($B plan list --format json | python3 -c "import json,sys; print(max(x['id'] for x in json.load(sys.stdin)))")
run plan phase $P --from 2026-11-24 --to 2026-12-18 --sessions 4 --description "four mornings"
run plan phase $P --from 2027-01-05 --to 2027-02-12 --sessions 8
run plan review $P --date 2026-12-08 --attended 7 --planned 8 --rag green --working "Key adult at the gate" --pupil "Mornings are OK now" --parent "Less shouting at breakfast" --decision continue
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
KIM=$(tail -1 /tmp/gd/team1.txt >/dev/null; $B team list WM-00025 --format json | python3 -c "import json,sys; print([p['id'] for p in json.load(sys.stdin) if p['name']=='Kim Shaw'][0])")
OTHER=$($B team list WM-00025 --format json | python3 -c "import json,sys; print([p['id'] for p in json.load(sys.stdin) if p['name'] not in ('Kim Shaw','Dr Priya Lee')][0])")
{
run team lead WM-00025 $KIM
run team leave WM-00025 $OTHER --date 2026-11-20
run team list WM-00025 --current
run log WM-00025 --limit 6
} > /tmp/gd/team2.txt
{
echo "\$ onroll show WM-00002 | sed -n '/Why/,/^\$/p'"; $B show WM-00002 | sed -n '/Why/,/^$/p'
run suspension reflect 8 --what "Shouted at a pupil who took his seat" --triggers "Change of room, no warning" --pupil "Nobody told me" --change "Room changes shared the day before" --action "school|Text room changes to dad the day before|Head of Year|2026-11-30"
echo "\$ onroll show WM-00002 | sed -n '/Why/,/^\$/p'"; $B show WM-00002 | sed -n '/Why/,/^$/p'
} > /tmp/gd/reflect.txt
run action list --agency CAMHS --overdue > /tmp/gd/actions.txt
{
run oos set C00064 --address "61 Station Road, Westmarch" --parent1 "Ms D. Green" --parent1-address "61 Station Road, Westmarch" --educator "None known" --hours 0 --cp-plan
run oos enquiry C00064 siblings --date 2026-11-16
run oos enquiry C00064 health
run oos show C00064
} > /tmp/gd/oos.txt
run oos list | head -14 > /tmp/gd/ooslist.txt
echo "… ($($B oos list --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))') rows in all)" >> /tmp/gd/ooslist.txt
{
run deletion add C00026 --school 140024 --date 2026-11-20 --ground "I 20-day absence" --la-notified --notified-on 2026-11-20
run deletion add C00025 --school 140009 --date 2026-11-20 --ground "A registered elsewhere" --destination 140004
run deletion list --child C00026
} > /tmp/gd/deletion.txt
