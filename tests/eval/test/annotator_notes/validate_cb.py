#!/usr/bin/env python3
"""Check cb's staging corpus: news/, gold/*.jsonl, gold/registry.json, manifest.json.

Standard library only.  Prints one line per problem and a summary; exit code 1 on problems.
    python3 tests/eval/staging/cb/validate.py
"""
import datetime as dt
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent
NEWS, GOLD = ROOT / "news", ROOT / "gold"
KINDS = {"forum", "press_conference", "meeting", "contest", "policy_release",
         "park_signup", "visit", "launch", "statistic"}
FIELDS = ["doc", "date", "kind", "title", "parks", "organisations", "people", "policies", "evidence", "optional"]
ENTITY_FIELDS = {"parks": "parks", "organisations": "organisations", "people": "people", "policies": "policies"}
problems = []


def problem(msg):
    problems.append(msg)


def parse_date(s):
    """Return (precision, first_day, last_day) or None."""
    if not isinstance(s, str):
        return None
    try:
        if re.fullmatch(r"\d{4}", s):
            y = int(s)
            return "year", dt.date(y, 1, 1), dt.date(y, 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", s):
            y, m = map(int, s.split("-"))
            first = dt.date(y, m, 1)
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return "month", first, nxt - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            d = dt.date.fromisoformat(s)
            return "day", d, d
    except ValueError:
        return None
    return None


def main():
    manifest = json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))
    docs = {d["file"]: d for d in manifest["documents"]}
    registry = json.loads((GOLD / "registry.json").read_text(encoding="utf-8"))

    known = {}
    for key in ENTITY_FIELDS.values():
        names = set()
        for e in registry.get(key, []):
            names.add(e["name"])
            names.update(e.get("aliases", []))
        known[key] = names

    # files <-> manifest <-> gold
    news_files = sorted(p.name for p in NEWS.iterdir() if p.is_file())
    for f in news_files:
        if f not in docs:
            problem(f"news/{f}: not in manifest")
        if not (GOLD / (f.rsplit(".", 1)[0] + ".jsonl")).exists():
            problem(f"news/{f}: no gold file")
    for f in docs:
        if f not in news_files:
            problem(f"manifest: {f} has no file in news/")
    for g in GOLD.glob("*.jsonl"):
        if not any(f.rsplit(".", 1)[0] == g.stem for f in news_files):
            problem(f"gold/{g.name}: no news file")

    texts = {}
    for f, d in docs.items():
        if f not in news_files:
            continue
        enc = d.get("encoding")
        try:
            texts[f] = (NEWS / f).read_bytes().decode(enc)
        except (LookupError, UnicodeDecodeError, TypeError) as exc:
            problem(f"news/{f}: cannot decode as {enc}: {exc}")
            continue
        if f.endswith(".html"):
            m = re.search(r"charset=[\"']?([A-Za-z0-9_-]+)", texts[f])
            declared = m.group(1).lower() if m else None
            ok = {"utf-8": {"utf-8"}, "gb18030": {"gb2312", "gbk", "gb18030"}, "big5": {"big5"}}.get(enc, set())
            if declared not in ok:
                problem(f"news/{f}: declares charset {declared}, manifest says {enc}")
        pub = parse_date(d.get("published"))
        if not pub:
            problem(f"manifest: {f}: bad published {d.get('published')!r}")
        if registry.get("doc_dates", {}).get(f) != d.get("published"):
            problem(f"registry doc_dates[{f}] != manifest published")
        for k in ("publisher", "title", "source_url", "form", "origin", "noise", "encoding", "kinds", "no_event"):
            if k not in d:
                problem(f"manifest: {f}: missing {k}")

    # gold lines
    n_req = n_opt = 0
    for f in news_files:
        g = GOLD / (f.rsplit(".", 1)[0] + ".jsonl")
        if not g.exists():
            continue
        req_kinds = set()
        has_req = False
        for i, line in enumerate(g.read_text(encoding="utf-8").splitlines(), 1):
            where = f"gold/{g.name}:{i}"
            if not line.strip():
                problem(f"{where}: empty line")
                continue
            try:
                ev = json.loads(line)
            except json.JSONDecodeError as exc:
                problem(f"{where}: not JSON: {exc}")
                continue
            for k in FIELDS:
                if k not in ev:
                    problem(f"{where}: missing field {k}")
            if ev.get("doc") != f:
                problem(f"{where}: doc {ev.get('doc')!r} != {f}")
            pd = parse_date(ev.get("date"))
            if not pd:
                problem(f"{where}: bad date {ev.get('date')!r}")
            kinds = ev.get("kind")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if not kinds or any(k not in KINDS for k in kinds):
                problem(f"{where}: bad kind {ev.get('kind')!r}")
            if not isinstance(ev.get("optional"), bool):
                problem(f"{where}: optional must be true/false")
            if "date_window" in ev:
                w = ev["date_window"]
                if not (isinstance(w, list) and len(w) == 2 and all(parse_date(x) and parse_date(x)[0] == "day" for x in w)):
                    problem(f"{where}: bad date_window {w!r}")
                else:
                    a, b = (dt.date.fromisoformat(x) for x in w)
                    if ev.get("date") != w[1]:
                        problem(f"{where}: date {ev.get('date')} != window end {w[1]}")
                    if (b - a).days != 14 and "window" not in ev.get("note", ""):
                        problem(f"{where}: window spans {(b - a).days} days (14 expected, no note)")
                    pub = parse_date(docs.get(f, {}).get("published"))
                    if pub and pub[0] == "day" and b != pub[1]:
                        problem(f"{where}: window end {w[1]} != publication date")
            ev_text = ev.get("evidence")
            if not isinstance(ev_text, str) or not ev_text:
                problem(f"{where}: empty evidence")
            elif f in texts and ev_text not in texts[f]:
                problem(f"{where}: evidence is not a substring of the decoded file: {ev_text[:30]}…")
            elif f.endswith(".html") and "<" in ev_text:
                problem(f"{where}: evidence contains markup")
            for field, key in ENTITY_FIELDS.items():
                vals = ev.get(field, [])
                if not isinstance(vals, list):
                    problem(f"{where}: {field} must be a list")
                    continue
                for n in vals:
                    if n not in known[key]:
                        problem(f"{where}: {field} name {n!r} not in registry")
            if ev.get("optional") is False:
                n_req += 1
                has_req = True
                req_kinds.update(kinds)
            else:
                n_opt += 1
        d = docs.get(f)
        if d:
            if set(d.get("kinds", [])) != req_kinds:
                problem(f"manifest: {f}: kinds {d.get('kinds')} != required gold kinds {sorted(req_kinds)}")
            if d.get("no_event") != (not has_req):
                problem(f"manifest: {f}: no_event {d.get('no_event')} but required events: {has_req}")

    for p in problems:
        print("PROBLEM:", p)
    print(f"{len(news_files)} documents, {n_req} required + {n_opt} optional gold events, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
