"""Score the extractor on the held-out proxy set (tests/eval/heldout).

    .venv/bin/python tests/eval/heldout/score_heldout.py [--no-published] [--json OUT.json] [--show N]

Runs `manage.py extract --published DATE FILE` for every document of heldout/manifest.json (or
without --published, to see what the extractor finds on its own), saves the predictions to
heldout/last_predictions.jsonl, checks the gold (evidence is a substring, names are in the
registry, dates valid), then scores with tests/eval/score.py against heldout/gold/ using
heldout/gold/registry.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
sys.path.insert(0, str(HERE.parent))

import score  # noqa: E402

KINDS = {
    "forum",
    "press_conference",
    "meeting",
    "contest",
    "policy_release",
    "park_signup",
    "visit",
    "launch",
    "statistic",
}


def check_gold() -> list[str]:
    problems = []
    reg = json.loads((HERE / "gold" / "registry.json").read_text(encoding="utf-8"))
    known = {f: {e["name"] for e in reg.get(f, [])} for f in score.ENTITY_FIELDS}
    for path in sorted((HERE / "gold").glob("*.jsonl")):
        for row in score.read_jsonl(path):
            text = (HERE / "news" / row["doc"]).read_text(encoding="utf-8")
            if row["evidence"] not in text:
                problems.append(f"{path.name}: evidence not in text: {row['evidence'][:30]}")
            try:
                score.interval(row["date"])
            except Exception:  # noqa: BLE001
                problems.append(f"{path.name}: bad date {row['date']}")
            if not score.kinds(row) <= KINDS:
                problems.append(f"{path.name}: bad kind {row['kind']}")
            if row.get("date_window") and row["date"] != row["date_window"][1]:
                problems.append(f"{path.name}: windowed date is not the window end")
            for f in score.ENTITY_FIELDS:
                for name in row.get(f, []):
                    if name not in known[f]:
                        problems.append(f"{path.name}: {f} name not in registry: {name}")
    return problems


def predictions(with_published: bool = True) -> str:
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    lines = []
    for doc in manifest["documents"]:
        cmd = [sys.executable, str(ROOT / "manage.py"), "extract"]
        if with_published:
            cmd += ["--published", doc["published"]]
        cmd.append(str(HERE / "news" / doc["file"]))
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if done.returncode:
            print(f"{doc['file']}: extract failed: {done.stderr.strip()[-300:]}", file=sys.stderr)
        lines.append(done.stdout)
    return "".join(lines)


def evaluate(with_published: bool = True) -> dict:
    """The scorer's result dictionary for the held-out proxy set."""
    preds: dict[str, list[dict]] = {}
    for line in predictions(with_published).splitlines():
        if line.strip():
            row = json.loads(line)
            preds.setdefault(score.doc_key(row["doc"]), []).append(row)
    gold = score.load_gold([str(HERE / "gold")])
    return score.score(gold, preds, score.load_aliases(str(HERE / "gold" / "registry.json")))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-published", action="store_true", help="run extract without --published")
    parser.add_argument("--json", help="also write the scorer's full result here")
    parser.add_argument("--show", type=int, default=100)
    args = parser.parse_args()
    for problem in check_gold():
        print("GOLD:", problem)
    text = predictions(not args.no_published)
    name = "last_predictions_nopub.jsonl" if args.no_published else "last_predictions.jsonl"
    pred_path = HERE / name
    pred_path.write_text(text, encoding="utf-8")
    score_args = [
        "--gold",
        str(HERE / "gold"),
        "--pred",
        str(pred_path),
        "--registry",
        str(HERE / "gold" / "registry.json"),
        "--show",
        str(args.show),
    ]
    if args.json:
        preds: dict[str, list[dict]] = {}
        for line in text.splitlines():
            if line.strip():
                row = json.loads(line)
                preds.setdefault(score.doc_key(row["doc"]), []).append(row)
        result = score.score(
            score.load_gold([str(HERE / "gold")]),
            preds,
            score.load_aliases(str(HERE / "gold" / "registry.json")),
        )
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return score.main(score_args)


if __name__ == "__main__":
    raise SystemExit(main())
