"""Snapshot labelled rows for the confidence model: one JSON line per predicted event.

    .venv/bin/python tests/eval/confidence_rows.py SOURCE FOLDER [FOLDER ...] [--tree PATH]

Each FOLDER holds ``news/``, ``gold/`` and ``manifest.json`` (the dev layout). Every event the
extractor predicts there becomes a row: ``evidence_facts.facts`` of the draft, ``right`` (it matches
a required gold event; a match of an optional one is no row, as the scorer counts it neither way),
the document and SOURCE (where the rows came from). ``--tree`` runs the extractor of another
checkout (a ``git worktree`` of an older commit) on the same folders: its predictions on text its
rules were not written from are the honest lesson. Rows go to standard output; the committed
data is ``tests/eval/confidence_rows.jsonl``, made (from this checkout's root) by

    git worktree add /tmp/a75b151 a75b151   # dev written, no rule yet written from it
    git worktree add /tmp/119bd99 119bd99   # before the heldout proxy set was added
    git worktree add /tmp/f5b22b2 f5b22b2   # before the round-3 articles were written
    P=$PWD/.venv/bin/python; R=$PWD/tests/eval/confidence_rows.py; E=$PWD/tests/eval
    (cd /tmp/a75b151 && $P $R a75b151:dev $E/dev --tree .)
    (cd /tmp/119bd99 && $P $R 119bd99:heldout $E/heldout --tree .)
    (cd /tmp/f5b22b2 && $P $R f5b22b2:round3 $E/round3/a $E/round3/b --tree .)
    git worktree add /tmp/02ffe9c 02ffe9c   # round 4's first sight
    git worktree add /tmp/60e236a 60e236a   # round 6 (part b)'s first sight
    (cd /tmp/02ffe9c && $P $R 02ffe9c:round4 $E/round4/a $E/round4/b --tree .)
    (cd /tmp/60e236a && $P $R 60e236a:round6 $E/round6/b --tree .)

each appended in turn. ``confidence`` in a row is what that extractor's own model gave.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FACTS = ROOT / "timeline" / "ingest" / "evidence_facts.py"


def load_facts(tree: Path):
    """This checkout's ``evidence_facts.facts``, loaded beside the extractor of ``tree``."""
    sys.path.insert(0, str(tree))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    spec = importlib.util.spec_from_file_location("evidence_facts", FACTS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.facts


def rows(source: str, folder: Path, facts) -> list[dict]:
    """Labelled facts of every event predicted in the folder's documents."""
    sys.path.insert(0, str(HERE))
    import score

    from timeline.ingest.errors import IngestError
    from timeline.ingest.pipeline import extract_document
    from timeline.ingest.types import PartialDate
    from timeline.management.commands.extract import event_record

    names = score.load_aliases(str(folder / "gold" / "registry.json"))
    gold = score.load_gold([str(folder / "gold")])
    found = []
    for doc in json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["documents"]:
        path = folder / "news" / doc["file"]
        published = PartialDate.parse(doc["published"]) if doc.get("published") else None
        try:
            document = extract_document(path.read_bytes(), path.name, published=published)
        except IngestError:
            continue
        records = [event_record(document, draft) for draft in document.events]
        golds = gold.get(score.doc_key(path.name), [])
        pairs = dict(score.match_document(records, golds, names))
        for i, draft in enumerate(document.events):
            if i in pairs and golds[pairs[i]].get("optional"):
                continue
            row = facts(draft, document.events, len(document.text))
            found.append(
                {
                    "source": source,
                    "doc": path.name,
                    "right": int(i in pairs),
                    "confidence": draft.confidence,
                    **row,
                }
            )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("source", help="where the rows come from (a commit and a split)")
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose extractor runs")
    args = parser.parse_args()
    facts = load_facts(args.tree.resolve())
    for folder in args.folders:
        for row in rows(args.source, folder.resolve(), facts):
            print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
