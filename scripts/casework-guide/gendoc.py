import re
G='/tmp/gd/'
txt=open(G+'capture.txt').read()
parts={}
for m in re.finditer(r'=== (.*)\n((?:(?!=== ).*\n?)*)', txt):
    parts[m.group(1)] = [l.rstrip() for l in m.group(2).rstrip().split("\n")]
def screen(name):
    out=[]; blank=0
    for l in parts[name]:
        if l.strip()=="": blank+=1; continue
        if blank: out.append("" if blank==1 else "…"); blank=0
        out.append(l)
    return "```\n"+"\n".join(out)+"\n```"
def f(name): return "```\n"+open(G+name).read().rstrip()+"\n```"
cme_case = [l for l in parts["oos case"] if l.strip()][0].split(" · ")[0]
doc=f"""# Casework guide: plans, the team, reflections and children out of sight

This guide walks through the casework an inclusion officer does after the first referral:
reintegration plans from a PRU back into a school, the team around the child, the reflection after a
suspension, and children out of sight (home education, children missing education, off-rolling).
Every screen below was captured from the console in tmux (100×30) on the sample store, and every
command's output is what `onroll` printed on that store:

```
onroll init --sample --store /tmp/doc3.onroll
export ONROLL_STORE=/tmp/doc3.onroll ONROLL_TODAY=2026-11-23 ONROLL_USER=asha.patel COLUMNS=100
```

Every change below goes through the store's one audited write path: each writes its audit entry
(`onroll log REF` shows them) and a chronology line on the case in the same transaction.

## Strengths first

The case screen opens on **Summary**, which starts with the child's strengths, interests and voice
(pupil and parent/carer) before any risk; `onroll show REF` prints the same "Strengths and voice"
section before the triage score. A strength is as much a part of the record as a suspension.

## 1. Reintegration plans

A plan moves a pupil from a PRU, AP or part-time timetable (`--from`) to full time in a school (`--to`)
by a target date, in phases of planned sessions a week (10 is full time), with a review every
`--review-every` school days (counted on the stored term dates).

### From the command line

{f('plan.txt')}

What you see:

- `plan new` prints the new plan's id and nothing else, so scripts can capture it.
- A phase must sit inside the plan, must not overlap another, and must be 0–10 sessions; anything
  else is refused with exit 65 and nothing is written.
- A review records sessions attended against planned, a RAG rating, what is and is not working
  (`--working`, `--not-working`), the pupil's and parent's words (`--pupil`, `--parent`), a `--note`,
  and a decision: `continue`, `step-up`, `extend`, `pause` (the plan becomes *paused* until a later
  review decides to continue) or `end`.
- `plan end` takes `--outcome completed`, `extended` or `broken-down`; a plan that broke down needs a
  `--reason` (exit 65 without one). An ended plan takes no more reviews and leaves `plan list`.
- `plan list` shows active plans (`--setting URN` for one PRU): the phase in force, weeks in,
  sessions attended/planned with a sparkline of each review's attendance (▁ none … █ all), the last
  RAG and the next review. Overdue reviews come first. `--format csv` adds an `overdue` column;
  `--format json` gives every field (`reviewOverdue`, `attendance`, `nextReview`, …). `plan show ID
  --format json` is the plan with its phases, reviews, `weeksIn`, `currentPhaseSessions`,
  `nextReview` and `reviewOverdue`.

### The PRU head's review view (console, key `P`)

From the caseload, `P` opens every active plan in the PRU (the setting of the selected case's plan, or
the first PRU with plans), overdue reviews first:

{screen("pru view")}

`r` (or Enter) records a review of the selected plan. The planned sessions are filled in from the
phase in force (sessions a week × 2 weeks); RAG and decision are pick lists (←/→, or type a letter):

{screen("review form")}

Ctrl-S saves. `Tests/e2e/t-plan.sh` does exactly this in tmux and reads the review back with
`onroll plan show ID --format json`. `o` opens the case; its **Plan** tab shows the plan, its phases
(`← now` marks the one in force), the attendance sparkline and each review:

{screen("plan tab")}

## 2. The team around the child

Each professional has an agency from the authority's list (`onroll agency list`; add your own with
`onroll agency add NAME`), a name, a role, a contact and the date they joined. A case has at most one
lead professional: making someone lead unsets the previous lead, and both changes are audited.

{f('team1.txt')}

{f('team2.txt')}

People who leave stay on the record with the date they left (`team list` shows them last;
`--current` leaves them out). Actions for one agency across the whole caseload:

{f('actions.txt')}

In the console the team is the second pane of the case **Summary**, lead first (★). `m` adds a
professional; the agency is a pick list you can type into ("educational p" finds educational
psychology), and "Lead professional? yes" makes them lead:

{screen("team form")}

{screen("summary after team")}

## 3. The reflection after a suspension

A second suspension when nobody reflected on the one before scores +5 in triage
(`suspension.repeat-no-reflection`, tunable like every weight) and the case header says
`! repeat, no reflection`. The **Suspensions** tab marks each suspension `! no reflection` or
`reflection ✓`; `j`/`k` picks one and `R` opens the reflection form:

{screen("suspensions")}

The form records what happened, the triggers, the pupil's view, what will change, and up to two
actions (agency, description, owner, due) that become actions on the case:

{screen("reflection filled")}

After Ctrl-S the flag is gone and the score drops by the factor's weight (see the score in the header before and after):

{screen("after reflection")}

From the command line (`--action AGENCY|DESCRIPTION|OWNER|DUE`, repeatable; a suspension takes one
reflection only):

{f('reflect.txt')}

## 4. Children out of sight

### The out-of-school record (Children Not in School fields)

`onroll oos set CHILD` creates or edits the record behind a child not in school: the child's address
(`--address`), each parent's name and address (`--parent1`, `--parent1-address`, `--parent2`,
`--parent2-address`), who educates the child and for how many hours (`--educator`, `--hours`), other
providers (`--providers`), `--last-seen`, the last EHE `--annual-contact`, and the three consent flags:
a child under a s47 enquiry (`--s47`), on a child protection plan (`--cp-plan`) or at a special school
(`--special-school`) cannot be withdrawn to home education without the authority's consent. Only the
options given change; `--no-s47`, `--no-cp-plan` and `--no-special-school` clear a flag.
`oos enquiry CHILD STEP [--date D]` records one step of the CME checklist (school, home-visit,
siblings, health, social-care, police, other-la, lost-pupil-database) as done.

{f('oos.txt')}

`oos list` is every child with an open EHE, CME or off-roll case, longest without contact first
("never" sorts first). Contacts come from `onroll contact REF --type … --outcome … [--seen]`:

{f('ooslist.txt')}

### Deletions from roll

`onroll deletion add CHILD --school URN --date D --ground TEXT [--la-notified [--notified-on D]]
[--destination URN|EHE]` records a school's deletion. The child leaves that school's roll (moving to
the destination school, if given). With no destination nobody knows where the child is, so a CME case
opens by itself (audited and chronicled) unless the child already has an open CME case; the new case
ref goes to stderr so the id on stdout stays scriptable:

{f('deletion.txt')}

### In the console

Key `4` is the saved view "Children out of school"; it adds a **Contact** column with the days since
the last contact (or "never"):

{screen("out of school view")}

On the case ({cme_case} here), the Summary ends with the out-of-school pane: last seen and last
contact, the CNIS fields, the consent warning and the CME checklist. `E` edits the record, `e`
records an enquiry step, `c` records a contact:

{screen("oos case")}

{screen("enquiry form")}

{screen("cnis form")}

## Keys added on the case screen

| key | does |
| --- | --- |
| `R` | reflect on the selected suspension (Suspensions tab; elsewhere the newest without one) |
| `m` | add a professional to the team |
| `e` | record a CME enquiry step |
| `E` | edit the out-of-school (CNIS) record |
| `j`/`k` | on the Suspensions tab, pick a suspension |

`?` lists every key of the screen from the same key table the console dispatches on
(`docs/keyboard.md` is the full reference).

## Regenerating this page

The commands are in the page; the screens were captured with tmux at 100×30 by sending the keys
named above (`P`, `r`, `o`, `S-Tab`; `/WM-00003`, `Tab`×4, `j`, `R`, …, `Ctrl-S`; `m`; `4`, `Enter`,
`e`, `E`). Re-run them after a change to the sample generator: names and ids follow the sample.
"""
open(__import__('os').path.join(__import__('os').path.dirname(__file__), '../../docs/user-guide-casework.md'),'w').write(doc)
