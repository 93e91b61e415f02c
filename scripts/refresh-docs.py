#!/usr/bin/env python3
"""Refreshes the real screens and command output quoted in README.md and docs/*.md.

A block between `<!-- BEGIN name -->` and `<!-- END name -->` is replaced by:
  - `screen:FILE[:N]`  the first N lines of a console capture made by scripts/capture-screens.sh
  - `run:ARGS`         the output of `onroll ARGS` on a fresh sample store (today 2026-11-23)
Run after changing the sample data or the screens:  python3 scripts/refresh-docs.py
"""
import os, re, shlex, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
onroll = os.path.join(root, ".build/debug/onroll")
tmp = tempfile.mkdtemp()
screens = os.path.join(tmp, "screens")
subprocess.run([os.path.join(root, "scripts/capture-screens.sh"), screens], check=True, stdout=subprocess.DEVNULL)
store = os.path.join(tmp, "docs.onroll")
env = dict(os.environ, ONROLL_TODAY="2026-11-23", ONROLL_USER="asha.patel", COLUMNS="100", ONROLL_STORE=store)
subprocess.run([onroll, "init", "--sample"], env=env, check=True, stdout=subprocess.DEVNULL)

def render(spec):
    kind, _, arg = spec.partition(":")
    if kind == "screen":
        name, _, n = arg.partition(":")
        lines = open(os.path.join(screens, name + ".txt")).read().rstrip("\n").split("\n")
        return "\n".join(lines[: int(n)] if n else lines)
    if kind == "run":
        args, _, n = arg.partition(" ##")
        r = subprocess.run([onroll] + shlex.split(args), env=env, capture_output=True, text=True)
        lines = (r.stdout + r.stderr).rstrip("\n").split("\n")
        return "\n".join(lines[: int(n)] + ["…"] if n and len(lines) > int(n) else lines)
    sys.exit(f"unknown block {spec}")

pattern = re.compile(r"(<!-- BEGIN (.+?) -->\n```[a-z]*\n)(.*?)(```\n<!-- END \2 -->)", re.S)
for path in ["README.md"] + [os.path.join("docs", f) for f in sorted(os.listdir(os.path.join(root, "docs")))]:
    full = os.path.join(root, path)
    if not path.endswith(".md"):
        continue
    text = open(full).read()
    new = pattern.sub(lambda m: m.group(1) + render(m.group(2)) + "\n" + m.group(4), text)
    if new != text:
        open(full, "w").write(new)
        print("refreshed", path)
