"""Fixtures for the admin tests: a small world of curated records, and users in each group."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

import pytest
from django.contrib.auth.models import Group, User

from people.models import Alias, Organisation, Park, Person, Position, Precision
from policies.models import Policy
from timeline.models import Event, EventOrganisation, Evidence, NewsItem, Source


def build_world(n: int, *, start: int = 0) -> list[Event]:
    """``n`` of everything, linked the way the extractor links them; returns the events."""
    events = []
    for i in range(start, start + n):
        parent_org = Organisation.objects.create(name=f"上级部门{i}", kind=Organisation.Kind.MINISTRY)
        org = Organisation.objects.create(
            name=f"测试局{i}", kind=Organisation.Kind.AGENCY, parent=parent_org, predecessor=parent_org
        )
        Alias.objects.create(name=f"测局{i}", organisation=org)
        park = Park.objects.create(
            name=f"测试高新区{i}",
            level=Park.Level.NATIONAL_HTZ,
            province="某省",
            city=f"某市{i}",
            approved_on=dt.date(1990 + i % 30, 1, 1),
            approved_precision=Precision.YEAR,
            managing_organisation=org,
        )
        Park.objects.create(name=f"测试高新区{i}分园", level=Park.Level.SUB_PARK, parent=park)
        Alias.objects.create(name=f"测试园{i}", park=park)
        person = Person.objects.create(name=f"张{i}", disambiguation="院士" if i % 2 else "")
        Alias.objects.create(name=f"张老{i}", person=person)
        policy = Policy.objects.create(
            title=f"测试方案（2024—2027年）{i}",
            kind=Policy.Kind.PLAN,
            published_on=dt.date(2024, 5, 1),
            published_precision=Precision.MONTH,
            period_start=2024,
            period_end=2027,
        )
        policy.issuers.add(org, parent_org)
        text = f"第{i}条消息。4月27日，测试局{i}在测试高新区{i}举办论坛。"
        source = Source.objects.create(
            title=f"动态{i}",
            publisher="测试报",
            published_on=dt.date(2024, 4, 30),
            raw_text=text,
            clean_text=text,
            content_sha256=hashlib.sha256(text.encode()).hexdigest(),
        )
        item = NewsItem.objects.create(source=source, position=0, headline=f"消息{i}", start=0, end=len(text))
        Position.objects.create(
            person=person,
            organisation=org,
            title="局长",
            first_seen=dt.date(2024, 1, 1),
            last_seen=dt.date(2024, 4, 27),
            source=source,
            quote=text,
        )
        event = Event.objects.create(
            date=dt.date(2024, 4, 27),
            precision=Precision.DAY,
            kind=Event.Kind.FORUM,
            title=f"测试论坛{i}",
            confidence=0.7,
        )
        event.parks.add(park)
        event.people.add(person)
        event.policies.add(policy)
        EventOrganisation.objects.create(event=event, organisation=org, role=EventOrganisation.Role.ORGANISER)
        Evidence.objects.create(
            event=event, news_item=item, quote=text, start=0, end=len(text), date_phrase="4月27日"
        )
        events.append(event)
    return events


@pytest.fixture(autouse=True)
def admin_urls(settings) -> None:
    settings.ROOT_URLCONF = f"{__package__}.urls"


@pytest.fixture
def world() -> Callable[..., list[Event]]:
    return build_world


def _staff(username: str, group: str | None) -> User:
    user = User.objects.create_user(username, password="pw-for-tests", is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db) -> User:
    return _staff("editor", "Editors")


@pytest.fixture
def reviewer(db) -> User:
    return _staff("reviewer", "Reviewers")


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser("root", password="pw-for-tests")
