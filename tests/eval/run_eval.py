"""Score the extractor on the eval splits (`make eval`): seeds, dev and the frozen test split.

    .venv/bin/python tests/eval/run_eval.py [seeds|dev|test ...] [--show N] [--no-published] [--entities]

Each document is extracted in this process with the publication date its manifest gives (as
`manage.py extract --published` and the shared `run_eval.sh` do), then scored with `score.py`.
Seeds and dev print misses and extras to learn from (and, with --entities, the entities each
matched event misses or adds); the test split prints its aggregate only (events, dates,
entities, confidence bands), because nobody who writes rules may read it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import score  # noqa: E402  (the scorer shipped beside this file)

# Confidence bands for "does an event's confidence predict that it is right" (issue #9).
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))


@dataclass(frozen=True)
class Corpus:
    """A folder of documents with a manifest, gold JSON Lines and an alias registry."""

    news: Path
    gold: Path
    manifest: Path


SPLITS: dict[str, tuple[Corpus, ...]] = {
    "seeds": (Corpus(ROOT / "seeds" / "news", HERE / "gold", HERE / "manifest.json"),),
    # the proxy set of the previous round has steered rules, so it counts as dev
    "dev": (
        Corpus(HERE / "dev" / "news", HERE / "dev" / "gold", HERE / "dev" / "manifest.json"),
        Corpus(HERE / "heldout" / "news", HERE / "heldout" / "gold", HERE / "heldout" / "manifest.json"),
    ),
    "test": (Corpus(HERE / "test" / "news", HERE / "test" / "gold", HERE / "test" / "manifest.json"),),
}


def _round(name: str) -> tuple[Corpus, ...]:
    """The two annotators' parts (`a`, `b`) of a collection round."""
    return tuple(
        Corpus(HERE / name / part / "news", HERE / name / part / "gold", HERE / name / part / "manifest.json")
        for part in ("a", "b")
        if (HERE / name / part / "manifest.json").exists()
    )


# Each round is scored once at first sight, on text no rule was written from (BENCHMARKS.md); it
# joins dev when the next round is collected. Round 5 is the frozen one now, read like test;
# round 6, collected beside it, is dev from its first score on.
for _name in ("round3", "round4", "round5", "round6"):
    SPLITS[_name] = _round(_name)
SPLITS["dev"] += SPLITS["round3"] + SPLITS["round4"] + SPLITS["round6"]
AGGREGATE_ONLY = {"test", "round5"}


def extract(corpus: Corpus, with_published: bool = True) -> dict[str, list[dict]]:
    """Predicted events per document key, as the `extract` command prints them."""
    import django

    django.setup()
    from timeline.ingest.errors import IngestError
    from timeline.ingest.pipeline import extract_document
    from timeline.ingest.types import PartialDate
    from timeline.management.commands.extract import event_record

    preds: dict[str, list[dict]] = {}
    for doc in json.loads(corpus.manifest.read_text(encoding="utf-8"))["documents"]:
        path = corpus.news / doc["file"]
        published = PartialDate.parse(doc["published"]) if with_published and doc.get("published") else None
        try:
            document = extract_document(path.read_bytes(), path.name, published=published)
        except IngestError as error:
            print(f"{path.name}: {error}", file=sys.stderr)
            continue
        preds[score.doc_key(path.name)] = [event_record(document, draft) for draft in document.events]
    return preds


def aliases(corpora: tuple[Corpus, ...]) -> dict[str, str]:
    """One alias map over the registries of several folders (their names do not collide)."""
    merged: dict[str, str] = {}
    for corpus in corpora:
        merged.update(score.load_aliases(str(corpus.gold / "registry.json")))
    return merged


def bands(corpora: tuple[Corpus, ...], preds: dict[str, list[dict]], names: dict[str, str]) -> list[tuple]:
    """(low, high, predicted, right) per confidence band: precision should rise with confidence."""
    gold = score.load_gold([str(c.gold) for c in corpora])
    right: set[tuple[str, int]] = set()
    for doc, golds in gold.items():
        right.update((doc, i) for i, _ in score.match_document(preds.get(doc, []), golds, names))
    rows = []
    for low, high in BANDS:
        inside = [
            (doc, i)
            for doc, events in preds.items()
            if doc in gold
            for i, event in enumerate(events)
            if low <= float(event.get("confidence", 0)) < high
        ]
        rows.append((low, high, len(inside), sum(1 for key in inside if key in right)))
    return rows


def evaluate(split: str = "seeds", with_published: bool = True) -> dict:
    """The scorer's result for a split, plus its confidence bands."""
    corpora = SPLITS[split]
    preds: dict[str, list[dict]] = {}
    for corpus in corpora:
        preds.update(extract(corpus, with_published))
    names = aliases(corpora)
    gold = score.load_gold([str(c.gold) for c in corpora])
    result = score.score(gold, preds, names)
    result["bands"] = bands(corpora, preds, names)
    result["documents"] = len(preds)
    if split not in AGGREGATE_ONLY:
        result["entity_differences"] = entity_differences(gold, preds, names)
    return result


def entity_differences(
    gold: dict[str, list[dict]], preds: dict[str, list[dict]], names: dict[str, str]
) -> list[tuple[str, str, str, dict[str, tuple[list[str], list[str]]]]]:
    """(document, gold date, gold title, field -> (missing, extra)) per matched required event
    whose entities differ from gold, compared as the scorer does (aliases normalised)."""
    rows = []
    for doc, golds in sorted(gold.items()):
        events = preds.get(doc, [])
        for i, j in sorted(score.match_document(events, golds, names), key=lambda pair: pair[1]):
            if golds[j].get("optional"):
                continue
            fields = {}
            for field in score.ENTITY_FIELDS:
                predicted = score.entity_set(events[i], field, names)
                wanted = score.entity_set(golds[j], field, names)
                if predicted != wanted:
                    fields[field] = (sorted(wanted - predicted), sorted(predicted - wanted))
            if fields:
                rows.append((doc, str(golds[j].get("date")), golds[j].get("title", ""), fields))
    return rows


def report(split: str, result: dict, show: int, entities: bool = False) -> None:
    events = result["events"]
    print(f"== {split}: {result['documents']} documents")
    if split not in AGGREGATE_ONLY:
        for label, rows in (("missed", result["misses"]), ("extra", result["extras"])):
            for row in rows[:show]:
                print(f"  {label}: {row[0]} {row[1]} {row[2]} {row[3]}")
        if entities:
            for doc, date, title, fields in result["entity_differences"]:
                print(f"  entities: {doc} {date} {title}")
                for field, (missing, extra) in fields.items():
                    missed, added = "、".join(missing) or "-", "、".join(extra) or "-"
                    print(f"    {field:14} missing {missed} | extra {added}")
    for field, row in result["entities_on_matched_events"].items():
        print(f"  {field:14} P {row['precision']:.2f} R {row['recall']:.2f} F1 {row['f1']:.2f}")
    for low, high, predicted, right in result["bands"]:
        share = f"{right / predicted:.2f}" if predicted else "n/a"
        print(f"  confidence [{low:.2f}, {min(high, 1.0):.2f}): {predicted:3} events, precision {share}")
    print(f"  date recall {result['date_recall']:.3f}")
    print(
        f"  event P {events['precision']:.3f} R {events['recall']:.3f} F1 {events['f1']:.3f}"
        f" (tp {events['tp']}, fp {events['fp']}, fn {events['fn']})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "splits", nargs="*", metavar="SPLIT", help=f"any of {', '.join(SPLITS)} (all by default)"
    )
    parser.add_argument("--show", type=int, default=30, help="misses and extras listed (not for test)")
    parser.add_argument("--no-published", action="store_true", help="give the extractor no publication date")
    parser.add_argument(
        "--entities",
        action="store_true",
        help="per matched event, the entities missed and added (not for test)",
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.splits) - set(SPLITS))
    if unknown:
        parser.error(f"unknown split {', '.join(unknown)}: choose from {', '.join(SPLITS)}")
    for split in args.splits or list(SPLITS):
        report(split, evaluate(split, not args.no_published), args.show, args.entities)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
