#!/usr/bin/env python3
"""Check annotator ca's corpus: news/, gold/*.jsonl, gold/registry.json, manifest.json.

Usage: python validate.py   (prints every problem; prints "OK ..." and exits 0 when there is none)
"""
import datetime
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWS, GOLD = HERE / "news", HERE / "gold"
KINDS = {"forum", "press_conference", "meeting", "contest", "policy_release",
         "park_signup", "visit", "launch", "statistic"}
FIELDS = ("doc", "date", "kind", "title", "parks", "organisations", "people", "policies",
          "evidence", "optional")
ENTITY_KEYS = ("parks", "organisations", "people", "policies")
problems = []


def problem(msg):
    problems.append(msg)


def parse_date(s):
    """Return (start, end) dates covered by YYYY, YYYY-MM or YYYY-MM-DD, or None."""
    if not isinstance(s, str):
        return None
    try:
        if re.fullmatch(r"\d{4}", s):
            y = int(s)
            return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", s):
            y, m = map(int, s.split("-"))
            start = datetime.date(y, m, 1)
            nxt = datetime.date(y + (m == 12), m % 12 + 1, 1)
            return start, nxt - datetime.timedelta(days=1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            d = datetime.date.fromisoformat(s)
            return d, d
    except ValueError:
        return None
    return None


def main():
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    docs = {d["file"]: d for d in manifest["documents"]}
    registry = json.loads((GOLD / "registry.json").read_text(encoding="utf-8"))

    known = {}
    for key in ENTITY_KEYS:
        names = set()
        for e in registry.get(key, []):
            names.add(e["name"])
            names.update(e.get("aliases", []))
        known[key] = names

    news_files = sorted(p.name for p in NEWS.iterdir() if p.is_file())
    for f in news_files:
        if f not in docs:
            problem(f"news/{f}: not in manifest.json")
        if not (GOLD / (f.rsplit(".", 1)[0] + ".jsonl")).exists():
            problem(f"news/{f}: no gold file")
        if f not in registry.get("doc_dates", {}):
            problem(f"news/{f}: not in registry doc_dates")
    for f in docs:
        if f not in news_files:
            problem(f"manifest: {f} has no file in news/")
    for g in sorted(GOLD.glob("*.jsonl")):
        if not any(f.rsplit(".", 1)[0] == g.stem for f in news_files):
            problem(f"gold/{g.name}: no matching file in news/")

    n_req = n_opt = 0
    for f in news_files:
        meta = docs.get(f)
        if meta is None:
            continue
        enc = meta.get("encoding", "utf-8")
        try:
            text = (NEWS / f).read_bytes().decode(enc)
        except (UnicodeDecodeError, LookupError) as exc:
            problem(f"news/{f}: does not decode as {enc}: {exc}")
            continue
        if not parse_date(meta.get("published")):
            problem(f"manifest {f}: bad published {meta.get('published')!r}")
        if registry.get("doc_dates", {}).get(f) != meta.get("published"):
            problem(f"{f}: registry doc_dates differs from manifest published")
        pub_end = (parse_date(meta.get("published")) or (None, None))[1]
        gold_path = GOLD / (f.rsplit(".", 1)[0] + ".jsonl")
        if not gold_path.exists():
            continue
        req_kinds = set()
        lines = [l for l in gold_path.read_text(encoding="utf-8").splitlines() if l.strip()]
        for i, line in enumerate(lines, 1):
            where = f"gold/{gold_path.name}:{i}"
            try:
                ev = json.loads(line)
            except json.JSONDecodeError as exc:
                problem(f"{where}: not JSON ({exc})")
                continue
            for k in FIELDS:
                if k not in ev:
                    problem(f"{where}: missing field {k}")
            if ev.get("doc") != f:
                problem(f"{where}: doc {ev.get('doc')!r} is not {f}")
            span = parse_date(ev.get("date"))
            if not span:
                problem(f"{where}: bad date {ev.get('date')!r}")
            if "date_window" in ev:
                w = ev["date_window"]
                if not (isinstance(w, list) and len(w) == 2
                        and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(x)) and parse_date(x) for x in w)):
                    problem(f"{where}: bad date_window {w!r}")
                else:
                    a, b = (datetime.date.fromisoformat(x) for x in w)
                    if ev.get("date") != w[1]:
                        problem(f"{where}: date {ev.get('date')} != window end {w[1]}")
                    if (b - a).days != 14 and "window" not in ev.get("note", ""):
                        problem(f"{where}: window spans {(b - a).days} days without a note")
                    if pub_end and b > pub_end:
                        problem(f"{where}: window ends after publication")
            kinds = ev.get("kind")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if not kinds or any(k not in KINDS for k in kinds):
                problem(f"{where}: bad kind {ev.get('kind')!r}")
            if not isinstance(ev.get("optional"), bool):
                problem(f"{where}: optional must be true/false")
            evid = ev.get("evidence")
            if not isinstance(evid, str) or not evid or evid not in text:
                problem(f"{where}: evidence is not a substring of news/{f}: {str(evid)[:40]!r}")
            for key in ENTITY_KEYS:
                vals = ev.get(key)
                if not isinstance(vals, list):
                    problem(f"{where}: {key} must be a list")
                    continue
                for name in vals:
                    if name not in known[key]:
                        problem(f"{where}: {key} name {name!r} not in registry")
                    if key == "policies" and ("《" in name or "》" in name):
                        problem(f"{where}: policy name keeps 《》: {name}")
            if span and pub_end and span[0] > pub_end:
                problem(f"{where}: event date {ev.get('date')} after publication {meta.get('published')}")
            if ev.get("optional") is False:
                n_req += 1
                req_kinds.update(kinds)
            else:
                n_opt += 1
        if set(meta.get("kinds", [])) != req_kinds:
            problem(f"manifest {f}: kinds {sorted(meta.get('kinds', []))} != required kinds {sorted(req_kinds)}")
        if meta.get("no_event") and req_kinds:
            problem(f"manifest {f}: no_event but has required events")
        if not meta.get("no_event") and not req_kinds:
            problem(f"manifest {f}: no required events but no_event is false")

    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s)")
        return 1
    print(f"OK: {len(news_files)} documents, {n_req} required + {n_opt} optional events, no problem")
    return 0


if __name__ == "__main__":
    sys.exit(main())
