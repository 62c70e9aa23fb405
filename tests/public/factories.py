"""Small ORM factories for the public-site tests: a source with a news item, and events whose
evidence quotes sentences of that source, with parks, organisations, people and policies.

Like the importer, ``event`` ends in ``timeline.derived.events_changed`` (search text and facet
counts); a test that changes an event behind the services' back must call it too."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections.abc import Sequence

from people.models import Organisation, Park, Person
from policies.models import Policy
from timeline.counts import recount_events
from timeline.derived import events_changed
from timeline.models import Event, EventOrganisation, Evidence, NewsItem, Source

_serial = itertools.count(1)


def park(name: str, *, province: str = "北京市", **fields) -> Park:
    return Park.objects.create(name=name, province=province, **fields)


def organisation(name: str, **fields) -> Organisation:
    return Organisation.objects.create(name=name, **fields)


def person(name: str, **fields) -> Person:
    return Person.objects.create(name=name, **fields)


def policy(title: str, **fields) -> Policy:
    return Policy.objects.create(title=title, **fields)


def source(text: str, *, title: str = "", published_on: dt.date | None = None, **fields) -> Source:
    n = next(_serial)
    digest = hashlib.sha256(f"{n}:{text}".encode()).hexdigest()
    created = Source.objects.create(
        title=title or f"测试来源{n}",
        publisher=fields.pop("publisher", "科技日报"),
        published_on=published_on or dt.date(2024, 5, 1),
        raw_text=text,
        clean_text=text,
        content_sha256=digest,
        file_name=f"test_{n}.txt",
        **fields,
    )
    NewsItem.objects.create(source=created, position=0, headline=created.title, start=0, end=len(text))
    return created


def event(
    title: str,
    *,
    date: dt.date = dt.date(2024, 4, 27),
    precision: str = "day",
    kind: str = "forum",
    status: str = "published",
    quote: str | None = None,
    in_source: Source | None = None,
    parks: Sequence[Park] = (),
    organisations: Sequence[Organisation] = (),
    people: Sequence[Person] = (),
    policies: Sequence[Policy] = (),
    index: bool = True,
    **fields,
) -> Event:
    """An event with one evidence passage: ``quote`` inside ``in_source`` (a new source holding
    just the quote when none is given)."""
    created = Event.objects.create(
        title=title, date=date, precision=precision, kind=kind, status=status, **fields
    )
    created.parks.set(parks)
    created.people.set(people)
    created.policies.set(policies)
    for org in organisations:
        EventOrganisation.objects.create(event=created, organisation=org, role="organiser")
    quote = quote if quote is not None else f"{title}。"
    doc = in_source or source(quote)
    start = doc.clean_text.find(quote)
    assert start >= 0, "the quote must be in the source"
    Evidence.objects.create(
        event=created, news_item=doc.items.first(), quote=quote, start=start, end=start + len(quote)
    )
    if index:
        events_changed([created.pk])
    else:
        recount_events([created.pk])  # a test of what an event without search text does
    return created


def many_events(count: int, *, park_: Park | None = None, **fields) -> list[Event]:
    """``count`` published events spread over years and kinds, all linked to the same entities."""
    kinds = ["forum", "launch", "visit", "contest", "policy_release"]
    the_park = park_ or park(f"测试高新区{next(_serial)}")
    org = organisation(f"测试管委会{next(_serial)}")
    who = person(f"张{next(_serial)}")
    plan = policy(f"测试方案{next(_serial)}")
    return [
        event(
            f"第{i}次测试活动",
            date=dt.date(2020 + i % 5, 1 + i % 12, 1 + i % 28),
            kind=kinds[i % len(kinds)],
            parks=[the_park],
            organisations=[org],
            people=[who],
            policies=[plan],
            **fields,
        )
        for i in range(count)
    ]
