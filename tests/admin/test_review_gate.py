"""The review gate: an event's status and ``merged_into`` change only through the review
services, whatever page or file an editor writes through (issue #8, findings 1 and 2)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.forms import submit
from timeline import curation
from timeline.models import Event
from timeline.resources import EventResource

from .conftest import build_world

pytestmark = pytest.mark.django_db


def change_url(event: Event) -> str:
    return reverse("admin:timeline_event_change", args=[event.pk])


def test_an_editor_reverting_to_a_published_version_does_not_publish(client, editor, reviewer):
    (event,) = build_world(1)
    curation.publish_events(events=[event], user=reviewer)
    published = event.history.order_by("-history_id").first()
    curation.reject_events(events=[event], user=reviewer)
    client.force_login(editor)

    revert = reverse("admin:timeline_event_simple_history", args=[event.pk, published.history_id])
    response = submit(client, revert, {"title": "改回来的标题"}, form_id="historicalevent_form")

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.status) == ("改回来的标题", Event.Status.REJECTED)
    assert not Event.objects.published().exists()


def test_a_reviewer_reverting_keeps_the_status_too_and_is_told(client, reviewer):
    (event,) = build_world(1)
    candidate = event.history.order_by("-history_id").first()
    curation.publish_events(events=[event], user=reviewer)
    client.force_login(reviewer)

    revert = reverse("admin:timeline_event_simple_history", args=[event.pk, candidate.history_id])
    response = submit(client, revert, form_id="historicalevent_form", follow=True)

    assert Event.objects.get(pk=event.pk).status == Event.Status.PUBLISHED
    assert "发布或驳回" in response.content.decode() or "review actions" in response.content.decode()


@pytest.mark.parametrize("who", ["editor", "reviewer"])
def test_merged_into_cannot_be_posted_through_the_change_form(client, request, who):
    first, second = build_world(2)
    for event in (first, second):
        Event.objects.filter(pk=event.pk).update(status=Event.Status.PUBLISHED)
    client.force_login(request.getfixturevalue(who))

    response = submit(
        client, change_url(first), {"merged_into": second.pk, "status": "rejected"}, form_id="event_form"
    )

    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.merged_into_id, first.status) == (None, Event.Status.PUBLISHED)
    assert Event.objects.published().count() == 2


def test_the_change_form_shows_status_and_merge_read_only(client, reviewer):
    (event,) = build_world(1)
    client.force_login(reviewer)

    form = client.get(change_url(event)).context["adminform"].form

    assert "status" not in form.fields and "merged_into" not in form.fields


def test_a_new_event_starts_as_a_candidate_whatever_is_posted(client, reviewer):
    client.force_login(reviewer)

    fields = {"title": "新的论坛", "kind": "forum", "date": "2024-04-27", "precision": "day"}

    response = submit(
        client, reverse("admin:timeline_event_add"), {**fields, "status": "published"}, form_id="event_form"
    )

    assert response.status_code == 302
    assert Event.objects.get().status == Event.Status.CANDIDATE


@pytest.mark.parametrize(
    "column, value", [("status", "published"), ("merged_into", "OTHER")], ids=["status", "merged_into"]
)
def test_a_spreadsheet_cannot_publish_or_merge(column, value):
    first, second = build_world(2)
    exported = EventResource().export(queryset=Event.objects.filter(pk=first.pk))
    other = f"{second.date.isoformat()} {second.title}"
    exported.dict = [{**row, column: other if value == "OTHER" else value} for row in exported.dict]

    result = EventResource().import_data(exported, dry_run=False)

    assert result.has_errors() or result.has_validation_errors()
    first.refresh_from_db()
    assert (first.status, first.merged_into_id) == (Event.Status.CANDIDATE, None)


def test_an_unchanged_spreadsheet_still_imports():
    build_world(2)
    exported = EventResource().export()

    result = EventResource().import_data(exported, dry_run=False)

    assert not result.has_errors() and not result.has_validation_errors()


def test_a_stale_copy_cannot_unpublish_through_mark_reviewed(editor, reviewer):
    (event,) = build_world(1)
    stale = Event.objects.get(pk=event.pk)  # read while it was a candidate
    curation.publish_events(events=[event], user=reviewer)

    assert curation.mark_reviewed(events=[stale], user=editor) == 0
    assert Event.objects.get(pk=event.pk).status == Event.Status.PUBLISHED
