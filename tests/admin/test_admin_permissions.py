"""The split between Editors (curate, cannot publish) and Reviewers (publish and merge)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from timeline import curation
from timeline.models import Event

from .conftest import build_world

pytestmark = pytest.mark.django_db


def changelist() -> str:
    return reverse("admin:timeline_event_changelist")


def offered_actions(client) -> set[str]:
    form = client.get(changelist()).context["action_form"]
    return {value for value, _ in form.fields["action"].choices if value}


def add_form(**fields) -> dict:
    data = {
        "title": "新的论坛",
        "kind": "forum",
        "status": "candidate",
        "confidence": "0.5",
        "summary": "",
        "date": "2024-04-27",
        "precision": "day",
        "end_date": "",
        "window_start": "",
        "window_end": "",
        "merged_into": "",
        "_save": "Save",
    }
    for prefix in ("organisation_roles", "evidence"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(fields)
    return data


def test_editor_is_not_offered_publish_reject_or_merge(client, editor):
    build_world(1)
    client.force_login(editor)
    assert offered_actions(client) == {"mark_reviewed"}


def test_reviewer_is_offered_every_action(client, reviewer):
    build_world(1)
    client.force_login(reviewer)
    assert {"mark_reviewed", "publish", "reject", "merge_selected"} <= offered_actions(client)


def test_editor_posting_publish_is_refused(client, editor):
    (event,) = build_world(1)
    client.force_login(editor)
    client.post(changelist(), {"action": "publish", "_selected_action": [event.pk]})
    assert Event.objects.get(pk=event.pk).status == Event.Status.CANDIDATE


def test_services_refuse_an_editor(editor):
    first, second = build_world(2)
    for call in (
        lambda: curation.publish_events(events=[first], user=editor),
        lambda: curation.reject_events(events=[first], user=editor),
        lambda: curation.merge_events(events=[first, second], user=editor),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert Event.objects.filter(status=Event.Status.CANDIDATE, merged_into=None).count() == 2
    assert curation.mark_reviewed(events=[first], user=editor) == 1


def test_editor_can_add_and_change_events_but_the_status_is_not_in_the_form(client, editor):
    client.force_login(editor)
    add = reverse("admin:timeline_event_add")
    assert 'name="status"' not in client.get(add).content.decode()

    assert client.post(add, add_form(status="published")).status_code == 302
    event = Event.objects.get()
    assert event.status == Event.Status.CANDIDATE

    change = reverse("admin:timeline_event_change", args=[event.pk])
    assert client.post(change, add_form(title="改过的标题", status="published")).status_code == 302
    event.refresh_from_db()
    assert (event.title, event.status) == ("改过的标题", Event.Status.CANDIDATE)


def test_editor_editing_a_published_event_leaves_it_published(client, editor):
    (event,) = build_world(1)
    Event.objects.filter(pk=event.pk).update(status=Event.Status.PUBLISHED)
    client.force_login(editor)
    change = reverse("admin:timeline_event_change", args=[event.pk])
    response = client.post(change, add_form(title="标题改了", status="candidate"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.status) == ("标题改了", Event.Status.PUBLISHED)


def test_editor_cannot_import_events_but_can_import_parks(client, editor, reviewer):
    client.force_login(editor)
    assert client.get(reverse("admin:timeline_event_import")).status_code == 403
    assert client.get(reverse("admin:people_park_import")).status_code == 200
    client.force_login(reviewer)
    assert client.get(reverse("admin:timeline_event_import")).status_code == 200
