"""Import an eval split into a fresh SQLite database and list what it created, for a judge.

    .venv/bin/python tests/eval/audit_import.py tests/eval/test OUTDIR

Writes OUTDIR/entities.tsv (every park, organisation, person and policy the import created, that
is, not reviewed: kind, name, number of events, one evidence quote) and OUTDIR/titles.tsv (50
events drawn with a fixed seed: id, kind, date, title, evidence), each with an empty column for
the judge's verdict. Issue #9 asks for ≥ 95 % real names and ≥ 90 % publishable titles; the
judged lists of the test split live in ``tests/eval/test/audit/`` (rule writers do not open them).
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLE, SEED = 50, 2026


def import_split(split: Path, database: Path) -> None:
    """migrate, load_registry, then import_news with a manifest made from the split's own."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    manifest = database.with_suffix(".jsonl")
    with manifest.open("w", encoding="utf-8") as handle:
        for doc in json.loads((split / "manifest.json").read_text(encoding="utf-8"))["documents"]:
            row = {
                "file": str(split / "news" / doc["file"]),
                "published": doc["published"],
                "publisher": doc.get("publisher", ""),
                "url": doc.get("source_url", ""),
            }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    commands = (["migrate", "--noinput"], ["load_registry"], ["import_news", "--manifest", str(manifest)])
    for command in commands:
        done = subprocess.run([sys.executable, "manage.py", *command], env=env, cwd=ROOT, text=True)
        if done.returncode and command[0] != "import_news":
            raise SystemExit(f"manage.py {command[0]} failed")


def write_lists(out: Path) -> int:
    from people.models import Organisation, Park, Person
    from policies.models import Policy
    from timeline.models import Event, Evidence

    def quote(events) -> str:
        evidence = Evidence.objects.filter(event__in=events).order_by("pk").first()
        return evidence.quote.replace("\n", " ")[:160] if evidence else ""

    with (out / "entities.tsv").open("w", encoding="utf-8", newline="") as handle:
        rows = csv.writer(handle, delimiter="\t")
        rows.writerow(["kind", "name", "events", "evidence", "real?"])
        kinds = (("park", Park), ("organisation", Organisation), ("person", Person), ("policy", Policy))
        for kind, model in kinds:
            for record in model.objects.filter(is_reviewed=False).order_by("pk"):
                events = record.events.all()
                name = getattr(record, "name", "") or getattr(record, "title", "")
                rows.writerow([kind, name, events.count(), quote(events), ""])
    events = list(Event.objects.order_by("pk"))
    drawn = sorted(random.Random(SEED).sample(events, min(SAMPLE, len(events))), key=lambda e: e.pk)
    with (out / "titles.tsv").open("w", encoding="utf-8", newline="") as handle:
        rows = csv.writer(handle, delimiter="\t")
        rows.writerow(["id", "kind", "date", "title", "evidence", "publishable?"])
        for event in drawn:
            rows.writerow([event.pk, event.kind, event.date or "", event.title, quote([event]), ""])
    return len(events)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    split, out = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    out.mkdir(parents=True, exist_ok=True)
    database = out / "audit.sqlite3"
    database.unlink(missing_ok=True)
    import_split(split, database)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    print(f"{write_lists(out)} events; lists in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
