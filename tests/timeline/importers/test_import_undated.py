"""An undated document's events: stored with no date, as candidates, never merged or published."""

from __future__ import annotations

import pytest

from timeline.importers import import_document
from timeline.models import Event

from .builders import DocumentBuilder, forum_report

pytestmark = pytest.mark.django_db

UNDATED = "星河高新区举办论坛\n近日，星河高新区人工智能产业创新论坛在星河会展中心举行。"


def undated_report() -> DocumentBuilder:
    return DocumentBuilder(UNDATED, name="undated.txt", published=None).event(
        "近日，星河高新区人工智能产业创新论坛在星河会展中心举行。",
        title="星河高新区人工智能产业创新论坛",
        date=None,
        date_phrase="近日",
        needs_date=True,
        date_reason="近日: dated only against the publication date, which the document does not give",
        parks=["星河高新区"],
        rules=["date.needs_publication_date"],
    )


def test_an_undated_event_is_stored_without_a_date_as_a_candidate_even_when_publishing():
    result = import_document(undated_report().build(), publish=True)

    event = Event.objects.get()
    assert result.events_new == 1 and result.source.published_on is None
    assert (event.date, event.end_date, event.window_start, event.status) == (None, None, None, "candidate")
    assert "date.needs_publication_date" in event.rules
    assert event.evidence.get().date_phrase == "近日"


def test_an_undated_report_is_never_merged_into_a_dated_event():
    import_document(forum_report().build(), publish=True)
    dated = Event.objects.filter(kind="forum").get()

    import_document(undated_report().build())

    forums = Event.objects.filter(kind="forum")
    assert forums.count() == 2
    assert forums.exclude(pk=dated.pk).get().date is None
    assert Event.objects.get(pk=dated.pk).date == dated.date  # not undated by the new report
