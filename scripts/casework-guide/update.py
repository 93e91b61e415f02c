"""Replaces the screens and command output quoted in docs/user-guide-casework.md with a new capture
(capture.sh > /tmp/gd/capture.txt, cli.sh): each quoted block is found by what it starts with, so the
prose around it is kept. The agency's overdue actions are a refresh-docs.py run: block instead."""
import re
G='/tmp/gd/'
import os
P=os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../docs/user-guide-casework.md')
doc=open(P).read()
# Screens from capture.sh, blank runs folded as gendoc.py does ("…" for two or more blank lines).
txt=open(G+'capture.txt').read()
scr={}
for m in re.finditer(r'=== (.*)\n((?:(?!=== ).*\n?)*)', txt):
    out=[]; blank=0
    for l in [l.rstrip() for l in m.group(2).rstrip().split("\n")]:
        if l.strip()=="": blank+=1; continue
        if blank: out.append("" if blank==1 else "…"); blank=0
        out.append(l)
    scr[m.group(1)]="\n".join(out)
def f(n): return open(G+n).read().rstrip("\n")
blocks=list(re.finditer(r'(?m)^```[a-z]*\n(.*?)^```$', doc, re.S))
def find(pred):
    hits=[b for b in blocks if pred(b.group(1))]
    assert len(hits)==1, (len(hits), pred)
    return hits[0]
repl=[]
def sub(pred, new): repl.append((find(pred), new))
sub(lambda t: t.startswith('$ onroll plan new WM-00026'), f('plan.txt'))
sub(lambda t: t.startswith('OnRoll · Reintegration plans') and 'Review of plan' not in t, scr['pru view'])
sub(lambda t: t.startswith('OnRoll · Reintegration plans') and 'Review of plan' in t, scr['review form'])
sub(lambda t: t.startswith('WM-00011 ·'), scr['plan tab'])
sub(lambda t: t.startswith('$ onroll team add'), f('team1.txt'))
sub(lambda t: t.startswith('$ onroll team lead'), f('team2.txt'))
sub(lambda t: t.startswith('WM-00003') and 'Add to the team' in t, scr['team form'])
sub(lambda t: t.startswith('WM-00003') and 'added to the team as lead' in t, scr['summary after team'])
sub(lambda t: t.startswith('WM-00003') and 'j/k pick · R reflect' in t and 'Reflection saved' not in t, scr['suspensions'])
sub(lambda t: t.startswith('WM-00003') and 'Reflection on the suspension' in t, scr['reflection filled'])
sub(lambda t: t.startswith('WM-00003') and 'j/k pick · R reflect' in t and 'Reflection saved' in t, scr['after reflection'])
sub(lambda t: t.startswith('$ onroll show WM-00002'), f('reflect.txt'))
sub(lambda t: t.startswith('$ onroll oos set'), f('oos.txt'))
sub(lambda t: t.startswith('$ onroll oos list'), f('ooslist.txt'))
sub(lambda t: t.startswith('$ onroll deletion add'), f('deletion.txt'))
sub(lambda t: t.startswith('OnRoll · Children out of school'), scr['out of school view'])
sub(lambda t: t.startswith('WM-00030') and 'CME enquiry —' in t, scr['enquiry form'])
sub(lambda t: t.startswith('WM-00030') and 'Out-of-school record —' in t, scr['cnis form'])
sub(lambda t: t.startswith('WM-00030') and 'Out-of-school record —' not in t and 'CME enquiry —' not in t, scr['oos case'])
sub(lambda t: t.startswith('OnRoll · Overdue actions'), scr['overdue actions'])
# crops
L=scr['annual contact'].split("\n")
i=[k for k,l in enumerate(L) if l.startswith('Team around the child')][0]
j=[k for k,l in enumerate(L) if 'Tab/↑↓ move' in l][0]
sub(lambda t: t.startswith('Team around the child') and 'EHE annual contact' in t, "\n".join(L[i:j+1]))
L=scr['handover'].split("\n")
i=[k for k,l in enumerate(L) if '┌─ Owner' in l][0]
j=[k for k,l in enumerate(L) if '└─' in l and k>i][0]
sub(lambda t: '┌─ Owner' in t, "\n".join(L[i:j+1]))
for b,new in sorted(repl, key=lambda x: -x[0].start(1)):
    doc=doc[:b.start(1)]+new+"\n"+doc[b.end(1):]
open(P,'w').write(doc)
print(len(repl),"blocks replaced")
