"""The changes feed ``/api/events?updated_since=…``: what a client keeping a copy must fetch
and remove since its last sync, page by page, with stable ids."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from tests.public import factories as f
from timeline import curation
from timeline.models import Event, Withdrawal

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(db) -> User:
    return User.objects.create_superuser("reviewer", password="pw-for-tests")


def _sync(client, since: str, **params) -> tuple[list[dict], list[dict], str]:
    """Every page of the feed from ``since``: (changed events, withdrawals, until)."""
    changed, withdrawn = [], []
    page = client.get("/api/events", {"updated_since": since, **params})
    while True:
        assert page.status_code == 200, page.content
        body = page.json()
        changed += body["results"]
        withdrawn += body["withdrawn"]
        if not body["next"]:
            return changed, withdrawn, body["until"]
        page = client.get(body["next"])


def _stamp(events: list[Event], moment: dt.datetime) -> None:
    Event.objects.filter(pk__in=[e.pk for e in events]).update(updated=moment)


def test_a_sync_gets_the_changed_events_and_the_withdrawn_ids_since_then(client, reviewer):
    old = f.event("早已同步的论坛")
    rejected = f.event("后来驳回的活动")
    first_copy = merged_away = f.event("园区论坛", quote="园区论坛开幕，三百人参加。")
    second_copy = survivor = f.event("园区论坛", quote="园区论坛开幕，三百人参加了。")
    back_again = f.event("撤下又发布的活动")
    long_ago = timezone.now() - dt.timedelta(days=3)
    _stamp([old, rejected, merged_away, survivor, back_again], long_ago)
    since = (timezone.now() - dt.timedelta(days=1)).isoformat()

    curation.reject_events(events=[rejected], user=reviewer)
    survivor = curation.merge_events(events=[survivor, merged_away], user=reviewer)
    merged_away = next(e for e in (first_copy, second_copy) if e.pk != survivor.pk)
    curation.reject_events(events=[back_again], user=reviewer)
    curation.publish_events(events=[back_again], user=reviewer)
    new = f.event("新发布的活动")
    f.event("仍是候选的活动", status="candidate")

    changed, withdrawn, until = _sync(client, since)

    assert [row["id"] for row in changed] == [survivor.pk, back_again.pk, new.pk]  # oldest change first
    assert changed[0]["title"] == "园区论坛" and "evidence" in changed[0]  # the full JSON of /api/events
    assert [(w["id"], w["reason"], w["merged_into"]) for w in withdrawn] == [
        (rejected.pk, "rejected", None),
        (merged_away.pk, "merged", survivor.pk),
    ]
    assert dt.datetime.fromisoformat(until) >= dt.datetime.fromisoformat(withdrawn[-1]["withdrawn_at"])
    # the next sync from `until` has nothing new
    assert _sync(client, until)[:2] == ([], [])


def test_pages_of_a_large_sync_miss_nothing_and_repeat_nothing(client, reviewer):
    events = [f.event(f"第{i}次活动") for i in range(7)]
    moment = timezone.now() - dt.timedelta(hours=2)
    # three share one stamp: the keyset's id breaks the tie across a page boundary
    _stamp(events[:3], moment)
    for i, event in enumerate(events[3:], 1):
        _stamp([event], moment + dt.timedelta(minutes=i))
    gone = f.event("将被删除的活动")
    _stamp([gone], moment - dt.timedelta(hours=1))
    curation.delete_events(events=[gone], user=reviewer)

    changed, withdrawn, _ = _sync(client, (moment - dt.timedelta(minutes=1)).isoformat(), limit=2)

    assert [row["id"] for row in changed] == [e.pk for e in events]
    assert [(w["id"], w["reason"]) for w in withdrawn] == [(gone.pk, "deleted")]


def test_a_date_alone_and_a_zone_less_time_are_read_in_asia_shanghai(client):
    event = f.event("某日活动")
    _stamp([event], dt.datetime(2025, 3, 1, 1, 30, tzinfo=dt.UTC))  # 09:30 in Beijing
    assert [r["id"] for r in _sync(client, "2025-03-01")[0]] == [event.pk]
    assert [r["id"] for r in _sync(client, "2025-03-01T09:00:00")[0]] == [event.pk]
    assert _sync(client, "2025-03-01T10:00:00")[0] == []
    assert [r["id"] for r in _sync(client, "2025-03-01T01:00:00Z")[0]] == [event.pk]


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"updated_since": "2025-13-01"}, "updated_since"),
        ({"updated_since": "2025-01-01", "after": "nonsense"}, "after"),
        ({"updated_since": "2025-01-01\x00"}, "updated_since"),
    ],
)
def test_bad_parameters_are_a_clear_400_naming_them(client, params, names):
    response = client.get("/api/events", params)
    assert response.status_code == 400
    assert response.json()["error"].startswith(f"{names}:")


def test_withdrawals_of_events_public_again_are_left_out(client, reviewer):
    event = f.event("反复的活动")
    since = timezone.now().isoformat()
    curation.reject_events(events=[event], user=reviewer)
    assert [w["id"] for w in _sync(client, since)[1]] == [event.pk]
    curation.publish_events(events=[event], user=reviewer)
    changed, withdrawn, _ = _sync(client, since)
    assert ([r["id"] for r in changed], withdrawn) == ([event.pk], [])
    assert Withdrawal.objects.filter(event_id=event.pk).count() == 1
