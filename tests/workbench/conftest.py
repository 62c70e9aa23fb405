"""Fixtures for the review workbench's tests: users in each group, and a small world of events
with their evidence, read from a source the way the importer stores it."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache

from people.models import Person
from tests.public import factories as f
from timeline import counts, search
from timeline.derived import events_changed
from timeline.models import Event


def staff(username: str, group: str | None) -> User:
    user = User.objects.create_user(username, password="pw-for-tests", is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db) -> User:
    return staff("editor", "Editors")


@pytest.fixture
def reviewer(db) -> User:
    return staff("reviewer", "Reviewers")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db) -> SimpleNamespace:
    """Two papers reporting one policy release a year apart (the extractor took a plan's year for
    one of them), a forum, and a candidate nobody could date."""
    park = f.park("星河高新区", province="江苏省")
    bureau = f.organisation("星河市科技局")
    plan = f.policy("星河高新区新赛道培育行动方案")
    text = (
        "星河日报\n今年1月，《星河高新区新赛道培育行动方案》印发。\n"
        "5月8日，星河高新区人工智能论坛在会展中心举行，星河市科技局局长李明出席。"
    )
    paper = f.source(text, title="星河日报", published_on=dt.date(2024, 5, 10))
    release = f.event(
        "星河高新区新赛道培育行动方案发布",
        date=dt.date(2024, 1, 1),
        precision="month",
        kind="policy_release",
        status="candidate",
        quote="今年1月，《星河高新区新赛道培育行动方案》印发。",
        in_source=paper,
        parks=[park],
        policies=[plan],
    )
    release.evidence.update(date_phrase="今年1月")
    forum = f.event(
        "星河高新区人工智能论坛举行",
        date=dt.date(2024, 5, 8),
        status="candidate",
        quote="5月8日，星河高新区人工智能论坛在会展中心举行，星河市科技局局长李明出席。",
        in_source=paper,
        parks=[park],
        organisations=[bureau],
        people=[Person.objects.create(name="李明")],
    )
    forum.evidence.update(date_phrase="5月8日")
    other_paper = f.source("2025年1月，《星河高新区新赛道培育行动方案》发布。", title="科技周报")
    later_release = f.event(
        "《星河高新区新赛道培育行动方案》发布",
        date=dt.date(2025, 1, 1),
        precision="month",
        kind="policy_release",
        status="published",
        quote="2025年1月，《星河高新区新赛道培育行动方案》发布。",
        in_source=other_paper,
        policies=[plan],
    )
    undated = f.event("园区举办路演", status="candidate", quote="4月27日，园区举办路演。")
    Event.objects.filter(pk=undated.pk).update(date=None)
    events_changed([undated.pk])
    return SimpleNamespace(
        park=park,
        bureau=bureau,
        plan=plan,
        paper=paper,
        release=release,
        forum=forum,
        later_release=later_release,
        undated=Event.objects.get(pk=undated.pk),
    )


def assert_in_step() -> None:
    """The stored search texts and facet counts are what computing them afresh gives."""
    stored = dict(Event.objects.values_list("pk", "search_text"))
    search.refresh_search_text(stored)
    assert dict(Event.objects.values_list("pk", "search_text")) == stored, "stale search text"
    assert counts.rebuild().differed == 0, "stale facet counts"
