"""The names of the rules that made an event reach the editor: `extract` prints them, the
importer stores them on Event.rules, and the confidence beside them is a probability."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from timeline.ingest.rules import TABLE
from timeline.models import Event

ARTICLE = (
    "南湖日报讯（记者 王明）6月18日，2024南湖科创论坛在南湖开幕。\n"
    "论坛上，省科技厅发布《南湖高新区发展规划（2024—2027年）》。\n"
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "nanhu.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_extract_prints_the_rules_of_every_event(article) -> None:
    out = io.StringIO()
    call_command("extract", "--published", "2024-06-20", str(article), stdout=out)
    records = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    assert {r["kind"] for r in records} == {"forum", "policy_release"}
    for record in records:
        assert record["rules"][0].startswith("trigger.")
        assert all(name in TABLE for name in record["rules"])
        assert 0.0 <= record["confidence"] <= 1.0
        assert not record["title"].startswith("南湖日报讯")


@pytest.mark.django_db
def test_the_importer_stores_the_rules_on_the_event(article) -> None:
    call_command(
        "import_news", "--published", "2024-06-20", str(article), stdout=io.StringIO(), stderr=io.StringIO()
    )
    events = list(Event.objects.all())
    assert {e.kind for e in events} >= {"forum", "policy_release"}
    for event in events:
        assert event.rules and event.rules[0].startswith("trigger."), event.rules
        assert all(name in TABLE for name in event.rules)
