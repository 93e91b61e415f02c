set -u
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"; B="$ROOT/.build/debug/onroll"
S=docs-cap-$$
export ONROLL_TODAY=2026-11-23 ONROLL_USER=asha.patel LANG=C.UTF-8 TERM=xterm-256color
tmux new-session -d -s $S -x 100 -y 30 "env ONROLL_TODAY=2026-11-23 ONROLL_USER=asha.patel LANG=C.UTF-8 TERM=xterm-256color $B --store /tmp/doc3.onroll; sleep 5"
cap() { sleep 0.6; echo "=== $1"; tmux capture-pane -t $S -p; }
k() { for x in "$@"; do tmux send-keys -t $S "$x"; if [ "$x" = Escape ]; then sleep 1.2; else sleep 0.15; fi; done; }
t() { tmux send-keys -t $S -l "$1"; }
sleep 1
k P; cap "pru view"
k r; cap "review form"
k Escape o; sleep 0.5; k BTab; cap "plan tab"
k q; sleep 0.3; k q; sleep 0.3
k /; t "WM-00003"; k Enter Enter; cap "summary"
k Tab Tab Tab Tab; cap "suspensions"
k j R; cap "reflection form"
t "Swore at a cover teacher after being moved seat"; k Tab; t "Cover lesson; seat moved without warning"; k Tab; t "I didn't know why I was moved"
k Tab; t "Seating plan shared with cover staff"; k Tab; t "sc"; k Tab; t "Share seating plan with cover staff"; k Tab; t "Head of Year"
sleep 1.5; cap "reflection filled"
k C-s; cap "after reflection"
k m; t "Dana Price"; k Tab; t "educational p"; k Tab; t "Educational psychologist"; k Tab; t "dana.price@westmarch.gov.uk"; k Tab Tab Right; cap "team form"
k C-s; k BTab BTab BTab BTab; cap "summary after team"
k q; sleep 0.3; k Escape; sleep 0.3; k 4; cap "out of school view"
k /; t "WM-00030"; k Enter Enter; cap "oos case"
k e; cap "enquiry form"
k Escape; sleep 0.3; k E; cap "cnis form"
k Escape; sleep 0.3; k q; sleep 0.3; k Escape; sleep 0.3; k 0; sleep 0.3
k A; cap "overdue actions"
k q; sleep 0.3
k /; t "WM-00027"; k Enter Enter; sleep 0.3; k A; cap "annual contact"
k Escape; sleep 0.5; k w; cap "handover"
k Escape; sleep 0.5; k q q
sleep 0.5
tmux kill-session -t $S 2>/dev/null
