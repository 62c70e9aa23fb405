"""The record of when events became public and stopped being public, kept by the one door
(``timeline.derived``) for the changes feed: every way out of the public timeline leaves a
withdrawal with its reason; coming back stamps the event again."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from tests.public import factories as f
from timeline import curation
from timeline.models import Event, Withdrawal

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(db) -> User:
    return User.objects.create_superuser("reviewer", password="pw-for-tests")


def reasons() -> list[tuple[int, str, int | None]]:
    return list(Withdrawal.objects.order_by("id").values_list("event_id", "reason", "merged_into_id"))


def test_publishing_stamps_and_rejecting_withdraws(reviewer):
    event = f.event("园区论坛", status="candidate")
    assert Event.objects.get(pk=event.pk).published_at is None

    curation.publish_events(events=[event], user=reviewer)
    stamped = Event.objects.get(pk=event.pk).published_at
    assert stamped is not None

    curation.reject_events(events=[event], user=reviewer)
    assert Event.objects.get(pk=event.pk).published_at is None
    assert reasons() == [(event.pk, "rejected", None)]

    curation.publish_events(events=[event], user=reviewer)
    assert Event.objects.get(pk=event.pk).published_at > stamped
    assert len(reasons()) == 1


def test_a_merged_event_is_withdrawn_in_favour_of_its_survivor(reviewer):
    first = f.event("园区论坛", quote="园区论坛开幕，共有三百人参加。")
    second = f.event("园区论坛", quote="园区论坛开幕，共有三百人参加了。")
    first_had_more = f.source("另一篇：园区论坛开幕。")
    first.evidence.create(news_item=first_had_more.items.get(), quote="园区论坛开幕。", start=4, end=11)

    survivor = curation.merge_events(events=[first, second], user=reviewer)

    assert survivor == first
    assert reasons() == [(second.pk, "merged", first.pk)]


def test_a_deleted_public_event_is_withdrawn_and_a_deleted_candidate_is_not(reviewer):
    public = f.event("园区论坛")
    candidate = f.event("园区座谈会", status="candidate")

    curation.delete_events(events=[public, candidate], user=reviewer)

    assert reasons() == [(public.pk, "deleted", None)]


def test_an_edit_of_a_public_event_withdraws_nothing(reviewer):
    event = f.event("园区论坛")
    event.title = "园区论坛开幕"

    curation.save_event(event=event, user=reviewer)

    assert reasons() == [] and Event.objects.get(pk=event.pk).published_at is not None
