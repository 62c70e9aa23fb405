"""END TO END: the real pipeline and importer on the five sample documents in seeds/news/.

The demo's path (load_registry, then import_news --publish) with what a user knows about each
seed (tests/eval/manifest.json: publication date and publisher), as the evaluation passes it.
It needs the whole extractor (timeline.ingest.pipeline.extract_document).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from people.names import name_key
from policies.models import Policy
from timeline.models import Event, Evidence, Source

pytestmark = pytest.mark.django_db

MANIFEST = Path(__file__).resolve().parents[2] / "eval" / "manifest.json"
# reported by two of the seeds (the issue's own example of a policy that must be one record)
SHARED_POLICY = "中关村世界领先科技园区建设方案（2024—2027年）"


def import_seeds(seeds_dir: Path) -> list[str]:
    summaries = []
    for seed in json.loads(MANIFEST.read_text(encoding="utf-8"))["documents"]:
        out = io.StringIO()
        args = ("--published", seed["published"], "--publisher", seed["publisher"], "--publish")
        call_command("import_news", *args, str(seeds_dir / seed["file"]), stdout=out, stderr=io.StringIO())
        summaries.append(out.getvalue())
    return summaries


def test_the_seeds_import_end_to_end_and_reimport_changes_nothing(seeds_dir):
    call_command("load_registry", stdout=io.StringIO())

    summaries = import_seeds(seeds_dir)

    assert all("documents: read 1, unchanged 0, failed 0" in summary for summary in summaries)
    assert Source.objects.count() == 5
    assert Event.objects.count() >= 5
    assert set(Event.objects.values_list("status", flat=True)) == {"published"}
    assert not Event.objects.filter(evidence__isnull=True).exists()
    for evidence in Evidence.objects.select_related("news_item__source"):
        source = evidence.news_item.source
        assert source.clean_text[evidence.start : evidence.end].strip()
        assert source.raw_text[evidence.raw_start : evidence.raw_end].strip()
    assert Policy.objects.filter(title_key=name_key(SHARED_POLICY)).count() == 1
    counts = (Source.objects.count(), Event.objects.count(), Evidence.objects.count())

    again = import_seeds(seeds_dir)

    assert all("documents: read 1, unchanged 1, failed 0" in summary for summary in again)
    assert (Source.objects.count(), Event.objects.count(), Evidence.objects.count()) == counts
