"""END TO END: near-identical copies of the seeds through ``import_news`` and the real extractor.

Each copy is a seed file with one line added, so its content hash is new and the import runs
for real (as in the import benchmark): its events must become evidence of the events already
stored, not events again. Assertions stay clear of the extractor's exact output, which changes.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command

from people.names import name_key
from policies.models import Policy
from timeline.importers import normalise
from timeline.models import Event, Source

pytestmark = pytest.mark.django_db

MANIFEST = Path(__file__).resolve().parents[2] / "eval" / "manifest.json"
SHARED_POLICY = "中关村世界领先科技园区建设方案（2024—2027年）"  # named by two of the seeds
SUMMARY = re.compile(r"events new (\d+), merged (\d+); entities new (\d+)")


def seeds() -> list[dict]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))["documents"]


def write_copies(seeds_dir: Path, folder: Path, mark: str) -> Path:
    """Every seed with one line of its own at the end."""
    folder.mkdir()
    for seed in seeds():
        data = (seeds_dir / seed["file"]).read_bytes() + f"\n（{mark}）\n".encode()
        (folder / seed["file"]).write_bytes(data)
    return folder


def import_round(folder: Path) -> list[tuple[int, int, int]]:
    """``import_news`` on each file with its manifest date: (events new, merged, entities new) each."""
    counts = []
    for seed in seeds():
        out = io.StringIO()
        args = ("--published", seed["published"], "--publish", str(folder / seed["file"]))
        call_command("import_news", *args, stdout=out, stderr=io.StringIO())
        assert "failed 0" in out.getvalue()
        counts.append(tuple(int(n) for n in SUMMARY.search(out.getvalue()).groups()))
    return counts


def duplicates() -> list[tuple]:
    """Live events sharing kind, date, title and a passage: one event stored twice."""
    keys = Counter()
    for event in Event.objects.live().prefetch_related("evidence"):
        quotes = {normalise(evidence.quote) for evidence in event.evidence.all()}
        keys.update((event.kind, event.date, event.title, quote) for quote in quotes)
    return [key for key, count in keys.items() if count > 1]


def test_near_identical_copies_add_evidence_not_events(seeds_dir, tmp_path):
    call_command("load_registry", stdout=io.StringIO())
    import_round(seeds_dir)

    first = import_round(write_copies(seeds_dir, tmp_path / "copy-1", "副本 1"))
    after_first = Event.objects.count()
    second = import_round(write_copies(seeds_dir, tmp_path / "copy-2", "副本 2"))

    assert Source.objects.count() == 3 * len(seeds())
    assert sum(merged for _, merged, _ in second) > 0
    # A copy may find an event its original missed when the gazetteer has learned a name since
    # (an extractor matter). When two rounds of copies learn no name, the second round sees the
    # same drafts as the first: everything it reports is stored already.
    if not any(entities_new for _, _, entities_new in first + second):
        assert [new for new, _, _ in second] == [0] * len(seeds())
        assert Event.objects.count() == after_first
    assert duplicates() == []
    assert Policy.objects.filter(title_key=name_key(SHARED_POLICY)).count() == 1
