"""Cutting lists into pages: keyset pages in (date, id) order, the ranked pages of a search,
and the per-event cache of what each row renders to (a card, a JSON object)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from django.core.cache import cache
from django.db.models import Q, QuerySet

from timeline.facets import search_version
from timeline.models import Event
from timeline.query import TimelineFilters

T = TypeVar("T")
SEARCH_CACHE_SECONDS = 120


# --- per-event cache ------------------------------------------------------------------------------

EVENT_CACHE_SECONDS = 300


def per_event_cached(
    events: Sequence[Event], *, prefix: str, build: Callable[[list[int]], dict[int, T]]
) -> list[T]:
    """What ``build`` makes of each event (its rendered card, its JSON), cached per event and
    ``updated`` stamp, so a page of 50 events only builds the ones it has not seen. Entity
    renames do not touch ``updated``: they show after the timeout."""
    keys = {event.pk: f"{prefix}:{event.pk}:{event.updated.timestamp()}" for event in events}
    found = cache.get_many(list(keys.values()))
    missing = [pk for pk, key in keys.items() if key not in found]
    if missing:
        built = {keys[pk]: value for pk, value in build(missing).items()}
        cache.set_many(built, EVENT_CACHE_SECONDS)
        found.update(built)
    return [found[keys[event.pk]] for event in events if keys[event.pk] in found]


def event_keys(events: QuerySet[Event]) -> QuerySet[Event]:
    """Only what a list needs before the cache: the order and grouping keys and the stamp."""
    return events.only("id", "date", "precision", "updated")


# --- keyset pages -------------------------------------------------------------------------------


@dataclass
class KeysetPage:
    items: list
    next_cursor: str = ""
    previous_cursor: str = ""


def _parse_cursor(raw: str | None) -> tuple[dt.date, int] | None:
    try:
        day, pk = (raw or "").split("_", 1)
        return dt.date.fromisoformat(day), int(pk)
    except ValueError:
        return None


def _cursor(event: Event) -> str:
    return f"{event.date.isoformat()}_{event.pk}"


def keyset_page(
    events: QuerySet[Event], *, ascending: bool, after: str | None, before: str | None, size: int
) -> KeysetPage:
    """One page of ``events`` in (date, id) order that starts after (or ends before) a cursor.

    The condition ``date <= d AND (date < d OR id < i)`` lets the (status, date, id) index start
    right at the cursor, so page 10 000 costs what page 1 costs (an OFFSET would not)."""
    forward = _parse_cursor(after)
    backward = None if forward else _parse_cursor(before)
    going_down = ascending == bool(backward)  # walking towards older events?
    order = ("-date", "-id") if going_down else ("date", "id")
    cursor = forward or backward
    if cursor:
        day, pk = cursor
        if going_down:
            events = events.filter(Q(date__lte=day) & (Q(date__lt=day) | Q(id__lt=pk)))
        else:
            events = events.filter(Q(date__gte=day) & (Q(date__gt=day) | Q(id__gt=pk)))
    rows = list(events.order_by(*order)[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    if backward:
        rows.reverse()
        page = KeysetPage(rows, next_cursor=_cursor(rows[-1]) if rows else "")
        page.previous_cursor = _cursor(rows[0]) if rows and more else ""
        return page
    page = KeysetPage(rows, next_cursor=_cursor(rows[-1]) if rows and more else "")
    page.previous_cursor = _cursor(rows[0]) if rows and forward else ""
    return page


RANKED_LIMIT = 2000  # search results a reader can page through: 40 pages of 50


def ranked_page(filters: TimelineFilters, *, page: int, size: int) -> tuple[list[Event], bool]:
    """One page of search results, best first. Relevance has no key to continue from, so the
    ranked ids (the best ``RANKED_LIMIT``) are computed once per query and version of its words
    and cached: a common word matches tens of thousands of events at a million, which costs
    more to rank than a reader should wait for each page, or for each edit elsewhere."""
    state = repr((filters.params(order=False), search_version(filters.tokens)))
    key = "ranked:" + hashlib.sha256(state.encode()).hexdigest()
    ids = cache.get(key)
    if ids is None:
        ranked = filters.ordered(filters.events())
        ids = list(ranked.values_list("id", flat=True)[:RANKED_LIMIT])
        cache.set(key, ids, SEARCH_CACHE_SECONDS)
    page = max(1, min(page, -(-RANKED_LIMIT // size)))
    chunk = ids[(page - 1) * size : page * size]
    rows = {event.pk: event for event in event_keys(Event.objects.filter(pk__in=chunk))}
    return [rows[pk] for pk in chunk if pk in rows], len(ids) > page * size
