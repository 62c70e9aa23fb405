"""A document with no date of its own and none given: read anyway, never a guessed date."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from timeline.ingest.pipeline import extract_document
from timeline.ingest.types import PartialDate

UNDATED = "\n\n".join(
    [
        "园区简讯",
        "今年1月，星河高新区举办第二届创新创业大赛决赛。",
        "2023年5月8日，星河高新区举办第三届科技论坛。",
        "近日，星河高新区召开产业发展工作会议。",
    ]
)


def events_by_phrase(text: str, published: PartialDate | None = None):
    document = extract_document(text.encode(), "undated.txt", published=published)
    return document, {draft.date_phrase: draft for draft in document.events}


def test_an_undated_document_is_read_without_a_guessed_date() -> None:
    document, events = events_by_phrase(UNDATED)
    assert document.metadata.published is None
    assert set(events) == {"今年1月", "2023年5月8日", "近日"}
    assert events["2023年5月8日"].date == PartialDate(2023, 5, 8)
    assert not events["2023年5月8日"].needs_date
    for phrase in ("今年1月", "近日"):
        draft = events[phrase]
        assert draft.date is None and draft.end_date is None and draft.window is None
        assert draft.needs_date and phrase in draft.date_reason
        assert "date.needs_publication_date" in draft.rules


def test_this_years_january_never_becomes_last_years() -> None:
    _, events = events_by_phrase(UNDATED)
    assert events["今年1月"].date is None  # not 2023-01, the year of the latest date printed


def test_a_year_less_day_of_an_undated_document_is_undated() -> None:
    _, events = events_by_phrase("园区动态\n\n4月27日，星河高新区举办第三届科技论坛。")
    assert [(d.date, d.date_phrase, d.needs_date) for d in events.values()] == [(None, "4月27日", True)]


def test_given_a_publication_date_nothing_is_undated() -> None:
    _, events = events_by_phrase(UNDATED, PartialDate(2024, 3, 1))
    assert events["今年1月"].date == PartialDate(2024, 1)
    assert events["近日"].date == PartialDate(2024, 3, 1) and events["近日"].window
    assert not any(d.needs_date for d in events.values())


def test_a_full_dateline_dates_its_item_in_an_undated_document() -> None:
    text = "星河高新区召开工作会议\n\n新华社北京2023年4月27日电 当天，星河高新区召开产业发展工作会议。"
    document = extract_document(text.encode(), "dateline.txt")
    assert [d.date for d in document.events] == [PartialDate(2023, 4, 27)]


def test_extract_prints_null_for_an_undated_event(tmp_path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(UNDATED, encoding="utf-8")
    out = io.StringIO()
    call_command("extract", str(path), stdout=out)
    records = {r["date_phrase"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert records["今年1月"]["date"] is None and records["今年1月"]["needs_date"]
    assert records["2023年5月8日"]["date"] == "2023-05-08" and "needs_date" not in records["2023年5月8日"]


@pytest.mark.django_db
def test_undated_events_are_stored_as_candidates_even_with_publish(tmp_path) -> None:
    from timeline.models import Event

    path = tmp_path / "undated.txt"
    path.write_text(UNDATED, encoding="utf-8")
    call_command("import_news", "--publish", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    stored = {e.title: (e.date, e.status) for e in Event.objects.all()}
    assert len(stored) == 3
    undated = [status for date, status in stored.values() if date is None]
    assert undated == [Event.Status.CANDIDATE] * 2
    assert [status for date, status in stored.values() if date] == [Event.Status.PUBLISHED]
