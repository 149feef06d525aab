#!/usr/bin/env python3
"""Precision and recall of the plan reader, field by field, against truth
written by hand (tests/fixtures/plans/corpus/NAME.truth.json; what each
field means and how the truth was written: that folder's README.md).

Runs `LOA_BIN import PLAN --format json` on every plan that has a truth
file: the plans of the corpus (NAME.txt or NAME.md beside the truth), the
four seed plans (from ../shared/seeds when it exists beside the repository
or its parent, else their copies in content/campaigns/) and the two older
fixture plans. Compares field by field:

- scalars (title, number, issuer, place, issued, period, signer): equal
  after NFC, whitespace, case and trailing punctuation are normalised
  (`number` also without spaces); `audience` and `scope` are phrases a
  reader may cut at another word, so they need a token overlap (Dice) of
  at least 0.6;
- lists: items are paired one to one, best overlap first: legal_basis by
  kind and number (or kind and year when the truth has no number),
  targets and reporting by text overlap, deadlines by date and text
  overlap, agencies by name, their tasks by text overlap within an agency
  paired by name, recipients by text, tables by header, visits by date and
  place, office_hours by hours and office. A paired item's attributes
  (deadlines.time, visits.start …) are scored as fields of their own over
  the items that have them.

A field's precision is correct / read (values the reader printed), its
recall correct / truth. A key the reader does not print counts as read
nowhere: recall 0, precision undefined (shown as `-`).

Usage: bench/plan_score.py [--bin LOA] [--json] [--plan NAME]
LOA_BIN (or --bin) is the loa binary; default target/release/loa, else
target/debug/loa."""
import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
CORPUS = os.path.join(REPO, "tests", "fixtures", "plans", "corpus")

# The seed plans: truth name -> (file in shared/seeds, copy in the repository).
SEEDS = {
    "seed-can-tho-60-ngay-dem-2026": ("000_53fb7675c8c4cbbf.txt", "content/campaigns/can-tho-60-ngay-dem-2026/plan.txt"),
    "seed-cat-hai-mua-he-so-2026": ("001_f9d0eebdb412d5dd.txt", "content/campaigns/cat-hai-mua-he-so-2026/plan.txt"),
    "seed-chon-thanh-cao-diem-can-cuoc-2026": ("002_5730796da3db14b3.txt", "content/campaigns/chon-thanh-cao-diem-can-cuoc-2026/plan.txt"),
    "seed-can-tho-50-ngay-dem-2023": ("003_c66c334820518a2f.txt", "content/campaigns/can-tho-50-ngay-dem-2023/plan.txt"),
}
SEED_DIRS = [os.path.join(REPO, "..", "shared", "seeds"), os.path.join(REPO, "..", "..", "shared", "seeds")]
FIXTURES = {
    "fixture-xa-tan-hoa": "tests/fixtures/plans/xa-tan-hoa.txt",
    "fixture-phuong-an-binh": "tests/fixtures/plans/phuong-an-binh.md",
}

SCALARS = ["title", "number", "issuer", "place", "issued", "period.start", "period.end",
           "audience", "scope", "signer.name", "signer.position"]
FUZZY_SCALARS = {"audience", "scope"}
# Facts the reader did not print when the corpus was written (issue 23).
NEW_KEYS = {"visits", "office_hours", "deadlines.audience"}


# --- normalising and comparing -------------------------------------------

def nfc(s):
    return unicodedata.normalize("NFC", s)


def norm(s):
    """Text as compared: NFC, one space, no case, no trailing punctuation."""
    s = re.sub(r"\s+", " ", nfc(s)).strip().casefold()
    return s.rstrip(" .;:,").strip()


def tokens(s):
    return re.findall(r"\w+", nfc(s or "").casefold())


def dice(a, b):
    """Overlap of two texts' words (as multisets), 0 to 1."""
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    n = sum(ta.values()) + sum(tb.values())
    return 2 * sum((ta & tb).values()) / n if n else 1.0


def same_name(a, b):
    return norm(a) == norm(b) or dice(a, b) >= 0.8


def same_kind(a, b):
    a, b = norm(a or ""), norm(b or "")
    return bool(a and b) and (a == b or a.startswith(b + " ") or b.startswith(a + " "))


def number_key(s):
    return re.sub(r"\s+", "", nfc(s)).casefold()


def year(date):
    return (date or "")[:4] or None


def hours_key(s):
    return re.sub(r"\s+", "", s or "").upper()


def get(obj, path):
    for part in path.split("."):
        obj = obj.get(part) if isinstance(obj, dict) else None
    return obj


def scalar_equal(field, t, p):
    if field == "number":
        return number_key(t) == number_key(p)
    if field in FUZZY_SCALARS:
        return dice(t, p) >= 0.6
    return norm(str(t)) == norm(str(p))


# --- pairing list items ----------------------------------------------------

def pair(truth, read, score):
    """One-to-one pairs (i, j), best score first; score None = no pair."""
    cands = []
    for i, t in enumerate(truth):
        for j, p in enumerate(read):
            s = score(t, p)
            if s is not None:
                cands.append((-s, i, j))
    cands.sort()
    used_t, used_p, pairs = set(), set(), []
    for _, i, j in cands:
        if i not in used_t and j not in used_p:
            used_t.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def above(x, threshold):
    return x if x >= threshold else None


def legal_score(t, p):
    if not same_kind(t.get("kind"), p.get("kind")):
        return None
    if t.get("number"):
        return 1.0 if p.get("number") and number_key(t["number"]) == number_key(p["number"]) else None
    if p.get("number") or year(t.get("date")) != year(p.get("date")):
        return None
    return 1.0


def table_header(t):
    return " ".join(t.get("header") or [])


def header_cells(t):
    return [tokens(c) for c in t.get("header") or []]


def eq(a, b):
    return a == b


def text_eq(threshold):
    return lambda a, b: dice(a, b) >= threshold


# list name -> (pairing score, {attribute: comparison})
LISTS = {
    "legal_basis": (legal_score, {"date": eq, "issuer": lambda a, b: norm(a) == norm(b)}),
    "targets": (lambda t, p: above(dice(t["text"], p.get("text")), 0.5),
                {"percent": lambda a, b: abs(float(a) - float(b)) < 1e-9, "deadline": eq}),
    "deadlines": (lambda t, p: above(dice(t["text"], p.get("text")), 0.3) if t["date"] == p.get("date") else None,
                  {"time": eq, "responsible": same_name, "audience": eq}),
    "reporting": (lambda t, p: above(dice(t["text"], p.get("text")), 0.5),
                  {"cadence": eq, "weekday": eq, "time": eq}),
    "agencies": (lambda t, p: dice(t["name"], p.get("name")) + 1 if same_name(t["name"], p.get("name") or "") else None, {}),
    "recipients": (lambda t, p: 1.0 if norm(t) == norm(p) else above(dice(t, p), 0.9), {}),
    "tables": (lambda t, p: above(dice(table_header(t), table_header(p)), 0.5),
               {"caption": text_eq(0.6), "header": None, "rows": None}),
    "visits": (lambda t, p: above(dice(t["place"], p.get("place")), 0.5) if t["date"] == p.get("date") else None,
               {"start": eq, "end": eq, "address": text_eq(0.6), "notes": text_eq(0.5)}),
    "office_hours": (lambda t, p: above(dice(t["office"], p.get("office")), 0.5)
                     if hours_key(t["hours"]) == hours_key(p.get("hours")) else None, {}),
}


def table_attr(name, t):
    if name == "header":
        return header_cells(t)
    if name == "rows":
        return len(t.get("rows") or [])
    return t.get(name)


# --- scoring one plan ------------------------------------------------------

class Tally:
    """correct / truth / read counts per field."""

    def __init__(self):
        self.n = {}

    def add(self, field, correct, truth, read):
        c = self.n.setdefault(field, [0, 0, 0])
        c[0] += correct
        c[1] += truth
        c[2] += read

    def merge(self, other):
        for f, (c, t, r) in other.n.items():
            self.add(f, c, t, r)


def score_plan(truth, read):
    """Tally and a list of differences (for --plan)."""
    tally, diffs = Tally(), []
    for f in SCALARS:
        t, p = get(truth, f), get(read, f)
        ok = t is not None and p is not None and scalar_equal(f, t, p)
        tally.add(f, int(ok), int(t is not None), int(p is not None))
        if not ok and (t is not None or p is not None):
            diffs.append((f, "differs", t, p))
    for name, (score, attrs) in LISTS.items():
        tl, pl = truth.get(name) or [], read.get(name) or []
        pairs = pair(tl, pl, score)
        tally.add(name, len(pairs), len(tl), len(pl))
        paired_t = {i for i, _ in pairs}
        paired_p = {j for _, j in pairs}
        if name not in read and tl:
            diffs.append((name, f"not printed ({len(tl)} in the truth)", None, None))
        else:
            diffs += [(name, "missing", tl[i], None) for i in range(len(tl)) if i not in paired_t]
        diffs += [(name, "extra", None, pl[j]) for j in range(len(pl)) if j not in paired_p]
        for attr, same in attrs.items():
            value = (lambda x: table_attr(attr, x)) if name == "tables" else (lambda x: x.get(attr))
            same = same or eq
            printed = name == "tables" or any(attr in x for x in pl)
            if tl and not printed:
                diffs.append((f"{name}.{attr}", "not printed", None, None))
            ok = 0
            for i, j in pairs:
                t, p = value(tl[i]), value(pl[j])
                if t is not None and p is not None and same(t, p):
                    ok += 1
                elif printed and (t is not None or p is not None):
                    diffs.append((f"{name}.{attr}", "differs", t, p))
            tally.add(f"{name}.{attr}", ok,
                      sum(value(x) is not None for x in tl), sum(value(x) is not None for x in pl))
        if name == "agencies":
            score_tasks(tl, pl, pairs, tally, diffs)
    return tally, diffs


def score_tasks(tl, pl, pairs, tally, diffs):
    """Tasks of agencies paired by name; tasks of unpaired agencies count as missing or extra."""
    ok = 0
    for i, j in pairs:
        tt, pt = tl[i]["tasks"], pl[j].get("tasks") or []
        tp = pair(tt, pt, lambda a, b: above(dice(a, b), 0.5))
        ok += len(tp)
        got_t, got_p = {a for a, _ in tp}, {b for _, b in tp}
        diffs += [("agencies.tasks", "missing", f"{tl[i]['name']}: {tt[a]}", None) for a in range(len(tt)) if a not in got_t]
        diffs += [("agencies.tasks", "extra", None, f"{pl[j]['name']}: {pt[b]}") for b in range(len(pt)) if b not in got_p]
    tally.add("agencies.tasks", ok, sum(len(a["tasks"]) for a in tl), sum(len(a.get("tasks") or []) for a in pl))


# --- plans, running, printing ---------------------------------------------

def plans():
    """(name, plan path, truth path) for every truth file."""
    out = []
    for f in sorted(os.listdir(CORPUS)):
        if not f.endswith(".truth.json"):
            continue
        name = f[: -len(".truth.json")]
        path = None
        if name in SEEDS:
            seed, copy = SEEDS[name]
            found = [os.path.join(d, seed) for d in SEED_DIRS if os.path.exists(os.path.join(d, seed))]
            path = os.path.normpath(found[0]) if found else os.path.join(REPO, copy)
        elif name in FIXTURES:
            path = os.path.join(REPO, FIXTURES[name])
        else:
            for ext in (".txt", ".md"):
                if os.path.exists(os.path.join(CORPUS, name + ext)):
                    path = os.path.join(CORPUS, name + ext)
        if path is None or not os.path.exists(path):
            sys.exit(f"{f}: no plan document found for it")
        out.append((name, path, os.path.join(CORPUS, f)))
    return out


GROUPS = ("seeds", "older fixtures", "corpus plans", "unseen")


def group(name):
    """Which group a plan is scored in: `unseen-*` plans were written after
    the reader's rules, to test it on a layout it was not built on."""
    if name in SEEDS:
        return "seeds"
    if name in FIXTURES:
        return "older fixtures"
    return "unseen" if name.startswith("unseen-") else "corpus plans"


def loa_bin(arg):
    if arg or os.environ.get("LOA_BIN"):
        return os.path.abspath(arg or os.environ["LOA_BIN"])
    for kind in ("release", "debug"):
        p = os.path.join(REPO, "target", kind, "loa")
        if os.path.exists(p):
            return p
    sys.exit("no loa binary: build one or set LOA_BIN")


def read_plan(binary, path):
    r = subprocess.run([binary, "import", path, "--format", "json"], capture_output=True, text=True)
    if r.returncode != 0:
        print(f"warning: loa import {path} exited with {r.returncode}: {r.stderr.strip()[:300]}", file=sys.stderr)
        return {}
    return json.loads(r.stdout)


def ratio(a, b):
    return a / b if b else None


def summarise(counts):
    c, t, r = (sum(v[k] for v in counts.values()) for k in range(3))
    return {"truth": t, "read": r, "correct": c, "precision": ratio(c, r), "recall": ratio(c, t)}


def rows(tally):
    for f, (c, t, r) in tally.n.items():
        yield f, {"truth": t, "read": r, "correct": c, "precision": ratio(c, r), "recall": ratio(c, t)}


def fmt(x):
    return "-" if x is None else f"{x:.2f}"


def show(x, width=160):
    s = json.dumps(x, ensure_ascii=False) if not isinstance(x, str) else x
    return s if len(s) <= width else s[: width - 1] + "…"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", help="the loa binary (default: LOA_BIN, target/release/loa, target/debug/loa)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--plan", help="show the differences for one plan (its truth file's name)")
    ap.add_argument("--group", choices=GROUPS, help="score the plans of one group only")
    args = ap.parse_args()
    binary = loa_bin(args.bin)
    found = plans()
    if args.group:
        found = [p for p in found if group(p[0]) == args.group]
    if args.plan:
        found = [p for p in found if p[0] == args.plan]
        if not found:
            sys.exit(f"no truth file named {args.plan}.truth.json in {CORPUS}")
    total, per_plan = Tally(), {}
    for name, path, truth_path in found:
        with open(truth_path, encoding="utf-8") as f:
            truth = json.load(f)
        tally, diffs = score_plan(truth, read_plan(binary, path))
        total.merge(tally)
        per_plan[name] = tally
        if args.plan and not args.json:
            print(f"{name}: {os.path.relpath(path, REPO)}\n")
            for field, what, t, p in diffs:
                print(f"{field}: {what}")
                if t is not None:
                    print(f"    truth: {show(t)}")
                if p is not None:
                    print(f"    read:  {show(p)}")
            print()
    summary = summarise(total.n)
    older = summarise({f: v for f, v in total.n.items() if f.split(".")[0] not in NEW_KEYS and f not in NEW_KEYS})
    if args.json:
        json.dump({"binary": binary, "plans": {n: os.path.relpath(p, REPO) for n, p, _ in found},
                   "fields": dict(rows(total)), "total": summary, "total_without_new_keys": older,
                   "per_plan": {n: dict(rows(tl)) for n, tl in per_plan.items()}},
                  sys.stdout, ensure_ascii=False, indent=2)
        print()
        return
    print(f"{len(found)} plans, {binary}\n")
    print("| field | truth | read | correct | precision | recall |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for f, v in rows(total):
        if args.plan and not v["truth"] and not v["read"]:
            continue
        print(f"| {f} | {v['truth']} | {v['read']} | {v['correct']} | {fmt(v['precision'])} | {fmt(v['recall'])} |")
    for label, v in (("**total**", summary), ("total without " + ", ".join(sorted(NEW_KEYS)), older)):
        print(f"| {label} | {v['truth']} | {v['read']} | {v['correct']} | {fmt(v['precision'])} | {fmt(v['recall'])} |")
    if len(found) > 1:
        print("\n| plan | truth | read | correct | precision | recall |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        groups = {g: Tally() for g in GROUPS}
        for n, tl in per_plan.items():
            v = summarise(tl.n)
            print(f"| {n} | {v['truth']} | {v['read']} | {v['correct']} | {fmt(v['precision'])} | {fmt(v['recall'])} |")
            groups[group(n)].merge(tl)
        for n, tl in groups.items():
            v = summarise(tl.n)
            print(f"| *{n}* | {v['truth']} | {v['read']} | {v['correct']} | {fmt(v['precision'])} | {fmt(v['recall'])} |")


if __name__ == "__main__":
    main()
