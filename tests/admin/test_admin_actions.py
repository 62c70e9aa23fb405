"""The event actions: mark reviewed, publish, reject and merge, through the admin and the services."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from people.models import Organisation
from timeline import curation
from timeline.models import Event, EventOrganisation, Evidence, NewsItem

from .conftest import build_world

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:timeline_event_changelist"


def run_action(client, action: str, events: list[Event]):
    return client.post(
        reverse(CHANGELIST) + "?queue=all",
        {"action": action, "_selected_action": [e.pk for e in events]},
        follow=True,
    )


def statuses(events: list[Event]) -> list[str]:
    return [Event.objects.get(pk=e.pk).status for e in events]


def test_mark_reviewed_moves_only_candidates(client, superuser):
    candidate, published = build_world(2)
    Event.objects.filter(pk=published.pk).update(status=Event.Status.PUBLISHED)
    client.force_login(superuser)
    response = run_action(client, "mark_reviewed", [candidate, published])
    assert statuses([candidate, published]) == [Event.Status.REVIEWED, Event.Status.PUBLISHED]
    assert "1" in str(list(get_messages(response.wsgi_request))[0])


def test_publish_and_reject(client, superuser):
    first, second = build_world(2)
    client.force_login(superuser)
    run_action(client, "publish", [first, second])
    assert statuses([first, second]) == [Event.Status.PUBLISHED] * 2
    assert set(Event.objects.published()) == {first, second}
    run_action(client, "reject", [second])
    assert statuses([first, second]) == [Event.Status.PUBLISHED, Event.Status.REJECTED]
    assert list(Event.objects.published()) == [first]


def test_publishing_records_who_did_it(client, superuser):
    (event,) = build_world(1)
    client.force_login(superuser)
    run_action(client, "publish", [event])
    assert event.history.first().history_user == superuser


def test_merge_moves_evidence_and_relations_to_the_survivor(client, superuser):
    a, b, c = build_world(3)
    # b has the most evidence, so it survives; c quotes a passage b already has
    Evidence.objects.create(
        event=b, news_item=NewsItem.objects.get(source__title="动态0"), quote="又一句", start=1, end=3
    )
    same_passage = Evidence.objects.get(event=c)
    Evidence.objects.create(event=b, news_item=same_passage.news_item, quote="同一段", start=0, end=5)
    EventOrganisation.objects.create(
        event=a, organisation=Organisation.objects.get(name="测试局1"), role=EventOrganisation.Role.ORGANISER
    )
    Event.objects.filter(pk=a.pk).update(status=Event.Status.PUBLISHED, confidence=0.9)
    client.force_login(superuser)

    chosen = run_action(client, "merge_selected", [a, b, c])  # the action opens the comparison
    assert chosen.redirect_chain[-1][0].endswith(f"?ids={a.pk},{b.pk},{c.pk}")
    form = chosen.context["form"]
    assert form.initial["survivor"] == a.pk  # the published one is offered first
    response = client.post(
        reverse("admin:timeline_event_compare"),
        {"ids": f"{a.pk},{b.pk},{c.pk}", "survivor": b.pk},
        follow=True,
    )

    survivor = Event.objects.get(pk=b.pk)
    assert survivor.merged_into is None and survivor.confidence == 0.9
    assert {p.name for p in survivor.parks.all()} == {"测试高新区0", "测试高新区1", "测试高新区2"}
    assert {p.name for p in survivor.people.all()} == {"张0", "张1", "张2"}
    assert survivor.policies.count() == 3
    assert sorted(survivor.organisation_roles.values_list("organisation__name", "role")) == [
        ("测试局0", "organiser"),
        ("测试局1", "organiser"),
        ("测试局2", "organiser"),
    ]
    assert Evidence.objects.filter(event=survivor).count() == 4  # b's 3 + a's 1
    # c's passage the survivor quotes already stays with c (hidden with it), so an undo can return it
    assert list(Evidence.objects.filter(event__in=[a, c]).values_list("event", flat=True)) == [c.pk]
    for merged in (a, c):
        merged.refresh_from_db()
        assert merged.merged_into == survivor
    assert Event.objects.get(pk=a.pk).status == Event.Status.PUBLISHED  # keeps its status …
    assert a not in Event.objects.published()  # … but the public no longer sees it
    message = str(list(get_messages(response.wsgi_request))[-1])
    assert "2" in message and survivor.title in message


def test_merge_survivor_is_the_oldest_when_evidence_ties():
    a, b = build_world(2)
    Event.objects.filter(pk=a.pk).update(created=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    from django.contrib.auth.models import User

    user = User.objects.create_superuser("boss")
    assert curation.merge_events(events=[b, a], user=user) == a


def test_merging_a_chain_points_at_the_survivor(superuser):
    a, b, c = build_world(3)
    curation.merge_events(events=[b, c], user=superuser)
    survivor = curation.merge_events(events=[a, b], user=superuser)
    assert {e.pk for e in survivor.merged_events.all()} == {x.pk for x in (a, b, c)} - {survivor.pk}


def test_merge_needs_two_events(client, superuser):
    (event,) = build_world(1)
    client.force_login(superuser)
    response = run_action(client, "merge_selected", [event])
    assert "至少选择两" in str(list(get_messages(response.wsgi_request))[-1])
    assert Event.objects.get(pk=event.pk).merged_into is None
