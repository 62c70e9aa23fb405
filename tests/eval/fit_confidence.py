"""Fit the event confidence model on labelled rows of unseen text and write its weights.

    .venv/bin/python tests/eval/fit_confidence.py [--l2 0.5] [--rows FILE] [--dry-run]

The rows (``confidence_rows.jsonl``, written by ``confidence_rows.py``) are events an extractor
predicted on documents its rules had NOT been written from, labelled right or wrong against gold:
the extractor of an older commit on a split written later, and today's on newly annotated
articles. Fitting on dev as the rules see it today teaches nothing (the rules were written from
it: nearly every prediction is right) and learns its quirks.

The model is an L2-regularised logistic regression over ``confidence.features`` (plain Python
gradient descent: a few hundred rows). Before writing, it is judged by leave-one-DOCUMENT-out
cross-validation: each document's events are scored by a model fitted without that document,
and the precision per confidence band (``run_eval.BANDS``) of those held-out scores is printed;
it must rise band by band. The weights go to ``timeline/ingest/confidence_weights.json`` with
the data they came from and their cross-validated bands. The default L2 (0.5) had the least
held-out log loss of 0.25, 0.5 and 1 on the 93 rows of round 3 (0.510; bands .35/.52/.86/.91).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from run_eval import BANDS  # noqa: E402  (the eval's cut points; it sets Django up only to extract)

from timeline.ingest import confidence  # noqa: E402

ROWS = HERE / "confidence_rows.jsonl"

Sample = tuple[dict[str, float], int]


def load(path: Path) -> list[dict]:
    """The labelled rows of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def samples(rows: list[dict]) -> list[Sample]:
    """(features, label) of each row."""
    return [(confidence.features(row), int(row["right"])) for row in rows]


def fit(data: list[Sample], l2: float, steps: int = 1500, rate: float = 0.5) -> dict[str, float]:
    """Weights minimising the mean log loss plus l2/n times their squared size (bias free)."""
    names = sorted({name for values, _ in data for name in values})
    weights = dict.fromkeys(names, 0.0)
    n = len(data)
    for _ in range(steps):
        gradient = dict.fromkeys(names, 0.0)
        for values, label in data:
            error = confidence.probability(values, weights) - label
            for name, value in values.items():
                gradient[name] += error * value / n
        for name in names:
            penalty = 0.0 if name == "bias" else l2 * weights[name] / n
            weights[name] -= rate * (gradient[name] + penalty)
    return {name: round(value, 4) for name, value in weights.items()}


def cross_validated(rows: list[dict], l2: float) -> list[tuple[float, int]]:
    """(held-out probability, label) of every row, each from a model fitted without its document."""
    scored = []
    for doc in sorted({(row["source"], row["doc"]) for row in rows}):
        inside = [row for row in rows if (row["source"], row["doc"]) == doc]
        weights = fit(samples([row for row in rows if (row["source"], row["doc"]) != doc]), l2)
        scored += [(confidence.probability(values, weights), label) for values, label in samples(inside)]
    return scored


def bands(scored: list[tuple[float, int]]) -> list[tuple[float, float, int, int]]:
    """(low, high, events, right) per band."""
    return [
        (low, high, len(inside), sum(label for _, label in inside))
        for low, high in BANDS
        for inside in [[(p, label) for p, label in scored if low <= round(p, 2) < high]]
    ]


def show(rows: list[tuple[float, float, int, int]]) -> str:
    return "  ".join(f"[{low:.2f},{min(high, 1):.2f}) {right}/{n}" for low, high, n, right in rows)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--l2", type=float, default=0.5, help="chosen by the least held-out log loss")
    parser.add_argument("--rows", type=Path, default=ROWS)
    parser.add_argument("--dry-run", action="store_true", help="print the cross-validation, write nothing")
    args = parser.parse_args()
    rows = load(args.rows)
    held_out = bands(cross_validated(rows, args.l2))
    print(
        f"{len(rows)} rows, {sum(r['right'] for r in rows)} right, {len({r['doc'] for r in rows})} documents"
    )
    print(f"leave-one-document-out bands: {show(held_out)}")
    weights = fit(samples(rows), args.l2)
    for name, value in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:20} {value:+.3f}")
    if args.dry_run:
        return 0
    sources = sorted({row["source"] for row in rows})
    confidence.WEIGHTS_FILE.write_text(
        json.dumps(
            {
                "fitted_on": f"{args.rows.name}: {', '.join(sources)} (text their rules had not seen)",
                "rows": len(rows),
                "right": sum(row["right"] for row in rows),
                "l2": args.l2,
                "cross_validated_bands": [list(band) for band in held_out],
                "weights": weights,
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"weights → {confidence.WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
