"""``make demo`` leaves a real review queue: it imports some seed documents published and the
others as candidates (the Makefile's DEMO_PUBLISHED and DEMO_QUEUE), every seed once."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from timeline.models import Event

ROOT = Path(__file__).resolve().parents[2]


def make_variable(name: str) -> list[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return re.search(rf"^{name} := (.+)$", text, re.MULTILINE).group(1).split()


@pytest.mark.django_db
def test_the_demo_publishes_some_documents_and_leaves_the_others_to_review():
    published, queue = make_variable("DEMO_PUBLISHED"), make_variable("DEMO_QUEUE")
    seeds = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "seeds" / "news").iterdir())
    assert sorted(published + queue) == seeds and published and queue

    call_command("load_registry", stdout=io.StringIO())
    call_command("import_news", "--publish", *(str(ROOT / p) for p in published), stdout=io.StringIO())
    call_command("import_news", *(str(ROOT / p) for p in queue), stdout=io.StringIO())

    assert Event.objects.published().count() > 0
    assert Event.objects.filter(status=Event.Status.CANDIDATE, merged_into__isnull=True).count() >= 10
