"""The reader's choices on every public list, feed, export and API call: parsed leniently from
the query string, written back as canonical URLs, and applied to the public events. The same
``TimelineFilters`` drive the HTML timeline, the entity pages, the feeds, the API and the
exports, so a shared URL means the same events everywhere."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from urllib.parse import urlencode

from django.db.models import QuerySet

from people.models import Organisation, Park, Person
from policies.models import Policy
from timeline import search
from timeline.models import Event, EventKind, EventOrganisation

MAX_VALUES = 10  # per facet: more selected values than this is not a reader, and costs a lot
MIN_YEAR, MAX_YEAR = 1949, 2100
EventParks = Event.parks.through
EventPeople = Event.people.through
EventPolicies = Event.policies.through


def linked_event_ids(through: type, field: str, ids: Sequence[int]) -> QuerySet:
    """The ids of the events linked to any of ``ids``, as a subquery for ``pk__in``.

    ``IN`` rather than ``EXISTS``: SQLite runs an EXISTS once per event of the date index until
    the page is full (seconds for a quiet park at 1M events), but an IN list once; PostgreSQL
    plans both as a semi-join and picks by the link table's statistics."""
    return through.objects.filter(**{f"{field}__in": ids}).values("event_id")


# --- filters ------------------------------------------------------------------------------------

ENTITY_FACETS = {
    # facet name → (through model, field on the through model, lookup to the entity's slug)
    "park": (EventParks, "park", "park__slug"),
    "organisation": (EventOrganisation, "organisation", "organisation__slug"),
    "person": (EventPeople, "person", "person__slug"),
    "policy": (EventPolicies, "policy", "policy__slug"),
}
ENTITY_MODELS = {"park": Park, "organisation": Organisation, "person": Person, "policy": Policy}
ENTITY_LABELS = {"park": "name", "organisation": "name", "person": "name", "policy": "title"}
NARROWING = (*ENTITY_FACETS, "province")  # the facets that narrow to the events naming a value
ORDERS = ("desc", "asc", "relevance")


def _int_or_none(raw: str | None) -> int | None:
    try:
        value = int(raw or "")
    except ValueError:
        return None
    return value if MIN_YEAR <= value <= MAX_YEAR else None


def _values(data: Mapping, key: str) -> tuple[str, ...]:
    raw = data.getlist(key) if hasattr(data, "getlist") else ([data[key]] if key in data else [])
    values: list[str] = []
    for item in raw:
        item = str(item).strip()[:120]
        if item and item not in values:
            values.append(item)
    return tuple(values[:MAX_VALUES])


@dataclass(frozen=True)
class TimelineFilters:
    """The reader's choices, parsed leniently from the query string (bad values are dropped,
    never an error: a shared URL should still open)."""

    kind: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    park: tuple[str, ...] = ()
    organisation: tuple[str, ...] = ()
    person: tuple[str, ...] = ()
    policy: tuple[str, ...] = ()
    province: tuple[str, ...] = ()
    q: str = ""
    order: str = "desc"
    tokens: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_query(cls, data: Mapping) -> TimelineFilters:
        q = str(data.get("q", "")).strip()[:200]
        order = str(data.get("order", ""))
        if order not in ORDERS:
            order = "relevance" if q else "desc"
        year_from, year_to = _int_or_none(data.get("year_from")), _int_or_none(data.get("year_to"))
        if year_from and year_to and year_from > year_to:
            year_from, year_to = year_to, year_from
        return cls(
            kind=tuple(k for k in _values(data, "kind") if k in EventKind.values),
            year_from=year_from,
            year_to=year_to,
            park=_values(data, "park"),
            organisation=_values(data, "organisation"),
            person=_values(data, "person"),
            policy=_values(data, "policy"),
            province=_values(data, "province"),
            q=q,
            order=order,
            tokens=tuple(search.query_tokens(q)) if q else (),
        )

    # -- the URL ---------------------------------------------------------------------------------

    def params(self, *, order: bool = True) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = []
        if self.q:
            pairs.append(("q", self.q))
        for name in ("kind", "park", "organisation", "person", "policy", "province"):
            pairs.extend((name, value) for value in getattr(self, name))
        if self.year_from:
            pairs.append(("year_from", str(self.year_from)))
        if self.year_to:
            pairs.append(("year_to", str(self.year_to)))
        default_order = "relevance" if self.q else "desc"
        if order and self.order != default_order:
            pairs.append(("order", self.order))
        return pairs

    def querystring(self, **extra: str) -> str:
        """The canonical query string (with a leading ``?``, or empty)."""
        pairs = self.params() + [(key, value) for key, value in extra.items() if value]
        return "?" + urlencode(pairs) if pairs else ""

    def toggled(self, name: str, value: str) -> str:
        """The query string with one facet value added, or removed when it is selected."""
        values = getattr(self, name)
        values = tuple(v for v in values if v != value) if value in values else (*values, value)
        return replace(self, **{name: values}).querystring()

    def without(self, *names: str) -> str:
        empty = {name: (None if name.startswith("year") else "" if name == "q" else ()) for name in names}
        changed = replace(self, **empty)
        if "q" in names and changed.order == "relevance":
            changed = replace(changed, order="desc")
        return changed.querystring()

    def with_years(self, year_from: int | None, year_to: int | None) -> str:
        return replace(self, year_from=year_from, year_to=year_to).querystring()

    def with_order(self, order: str) -> str:
        return replace(self, order=order).querystring()

    @property
    def order_urls(self) -> dict[str, str]:
        return {order: self.with_order(order) or "?" for order in ORDERS}

    @property
    def without_q_url(self) -> str:
        return self.without("q") or "?"

    @property
    def without_years_url(self) -> str:
        return self.without("year_from", "year_to") or "?"

    @property
    def is_empty(self) -> bool:
        return not self.params(order=False)

    @property
    def ranked(self) -> bool:
        return bool(self.tokens) and self.order == "relevance"

    def by_kind_and_years_only(self, *, skip: str) -> bool:
        """Whether, leaving out the facet ``skip``, the choices narrow by kind and years at most:
        the counts of that facet then come from the rollup."""
        return not self.tokens and not any(getattr(self, name) for name in NARROWING if name != skip)

    def narrowing_values(self, *, skip: str) -> list[tuple[str, str]]:
        """The (dimension, value) pairs of the chosen parks, organisations, people, policies
        (by id) and provinces, leaving out the facet ``skip``: the events counted under these
        choices name one of them. Empty when a chosen slug names nothing (no id to follow)."""
        pairs: list[tuple[str, str]] = []
        for name in NARROWING:
            if name == skip or not getattr(self, name):
                continue
            if name == "province":
                pairs += [(name, province) for province in self.province]
            elif len(self.entity_ids[name]) < len(getattr(self, name)):
                return []
            else:
                pairs += [(name, str(pk)) for pk in self.entity_ids[name]]
        return pairs

    def single_value(self, *, skip: str) -> tuple[str, str] | None:
        """The one (dimension, value) pair the choices narrow by besides kinds and years, leaving
        out the facet ``skip``; None when there are more (or a search): the rollup counts the
        events of one value, not of an intersection or a union."""
        pairs = self.narrowing_values(skip=skip)
        return pairs[0] if len(pairs) == 1 and not self.tokens else None

    # -- the queryset ----------------------------------------------------------------------------

    @cached_property
    def entity_ids(self) -> dict[str, list[int]]:
        """The ids behind the chosen slugs (and the parks of the chosen provinces), looked up
        once: with ids in the query the planner knows how common each one is, and can choose
        to walk the date index for a busy park but fetch the few events of a quiet one."""
        ids: dict[str, list[int]] = {}
        for name, model in ENTITY_MODELS.items():
            if getattr(self, name):
                ids[name] = list(
                    model.objects.filter(slug__in=getattr(self, name)).values_list("id", flat=True)
                )
        if self.province:
            ids["province"] = list(
                Park.objects.filter(province__in=self.province).values_list("id", flat=True)
            )
        return ids

    def apply(self, events: QuerySet[Event], *, skip: str = "") -> QuerySet[Event]:
        """``events`` narrowed by every choice except the facet named ``skip`` (for its counts);
        values of one facet are alternatives (OR), different facets all apply (AND)."""
        if self.kind and skip != "kind":
            events = events.filter(kind__in=self.kind)
        if skip != "year":
            if self.year_from:
                events = events.filter(date__gte=dt.date(self.year_from, 1, 1))
            if self.year_to:
                events = events.filter(date__lte=dt.date(self.year_to, 12, 31))
        for name, (through, entity, _) in ENTITY_FACETS.items():
            if getattr(self, name) and skip != name:
                ids = self.entity_ids[name]
                events = events.filter(pk__in=linked_event_ids(through, f"{entity}_id", ids))
        if self.province and skip != "province":
            events = events.filter(
                pk__in=linked_event_ids(EventParks, "park_id", self.entity_ids["province"])
            )
        if self.tokens:
            events = events.filter(search.match_condition(self.tokens))
        return events

    def events(self, *, skip: str = "") -> QuerySet[Event]:
        """The public events these choices leave (see :meth:`apply`)."""
        return self.apply(Event.objects.public(), skip=skip)

    @classmethod
    def of_entity(cls, name: str, slug: str) -> TimelineFilters:
        """The choices of an entity's page: its events, and its feeds and exports."""
        return cls(**{name: (slug,)})

    def ordered(self, events: QuerySet[Event]) -> QuerySet[Event]:
        if self.ranked:
            return events.annotate(rank=search.rank_expression(self.tokens)).order_by("-rank", "-date", "-id")
        if self.order == "asc":
            return events.order_by("date", "id")
        return events.order_by("-date", "-id")
