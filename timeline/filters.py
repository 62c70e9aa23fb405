"""What the public may see and filter on: the visible querysets, the timeline's facets and their
counts, and the keyset pages the lists are cut into.

Everything public starts from :func:`public_events`. An entity (park, organisation, person,
policy) is public when an editor reviewed it or a published event names it; a source is public
when it holds the evidence of a published event. The same filters drive the HTML timeline, the
feeds, the API and the exports, so a shared URL means the same events everywhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TypeVar
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import ExtractYear

from people.models import Organisation, Park, Person, Position
from policies.models import Policy
from timeline import counts, search
from timeline.models import Event, EventKind, EventOrganisation, Evidence, FacetVersion, Source

MAX_VALUES = 10  # per facet: more selected values than this is not a reader, and costs a lot
FACET_SIZE = 12  # values listed per entity facet (the selected ones are always listed too)
FACET_CACHE_SECONDS = 120
MIN_YEAR, MAX_YEAR = 1949, 2100

T = TypeVar("T")
EventParks = Event.parks.through
EventPeople = Event.people.through
EventPolicies = Event.policies.through


# --- what is public -----------------------------------------------------------------------------


def public_events() -> QuerySet[Event]:
    return Event.objects.published()


def _published_link(through: type, entity_field: str) -> Exists:
    return Exists(
        through.objects.filter(
            **{entity_field: OuterRef("pk")},
            event__status=Event.Status.PUBLISHED,
            event__merged_into__isnull=True,
        )
    )


def public_parks() -> QuerySet[Park]:
    return Park.objects.filter(Q(is_reviewed=True) | _published_link(EventParks, "park_id"))


def public_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        Q(is_reviewed=True) | _published_link(EventOrganisation, "organisation_id")
    )


def public_people() -> QuerySet[Person]:
    return Person.objects.filter(Q(is_reviewed=True) | _published_link(EventPeople, "person_id"))


def public_policies() -> QuerySet[Policy]:
    return Policy.objects.filter(Q(is_reviewed=True) | _published_link(EventPolicies, "policy_id"))


def public_sources() -> QuerySet[Source]:
    published_evidence = Evidence.objects.filter(
        news_item__source_id=OuterRef("pk"),
        event__status=Event.Status.PUBLISHED,
        event__merged_into__isnull=True,
    )
    return Source.objects.filter(Exists(published_evidence))


def public_positions(person: Person) -> QuerySet[Position]:
    """A person's positions that an editor typed in or a public source states."""
    return (
        person.positions.filter(Q(source__isnull=True) | Q(source__in=public_sources()))
        .select_related("organisation")
        .order_by("first_seen", "start_on", "title")
    )


def linked_event_ids(through: type, field: str, ids: Sequence[int]) -> QuerySet:
    """The ids of the events linked to any of ``ids``, as a subquery for ``pk__in``.

    ``IN`` rather than ``EXISTS``: SQLite runs an EXISTS once per event of the date index until
    the page is full (seconds for a quiet park at 1M events), but an IN list once; PostgreSQL
    plans both as a semi-join and picks by the link table's statistics."""
    return through.objects.filter(**{f"{field}__in": ids}).values("event_id")


def with_event_details(events: QuerySet[Event]) -> QuerySet[Event]:
    """Everything an event card shows, in a fixed number of queries whatever the page size."""
    evidence = Evidence.objects.select_related("news_item__source").only(
        "id",
        "event_id",
        "quote",
        "start",
        "news_item__id",
        "news_item__headline",
        "news_item__source__id",
        "news_item__source__title",
        "news_item__source__publisher",
        "news_item__source__published_on",
        "news_item__source__url",
        "news_item__source__file_name",
    )
    return events.prefetch_related(
        Prefetch("parks", queryset=Park.objects.only("id", "name", "slug", "province")),
        Prefetch(
            "organisation_roles",
            queryset=EventOrganisation.objects.select_related("organisation")
            .only("id", "event_id", "role", "organisation__id", "organisation__name", "organisation__slug")
            .order_by("id"),
        ),
        Prefetch("people", queryset=Person.objects.only("id", "name", "slug", "disambiguation")),
        Prefetch("policies", queryset=Policy.objects.only("id", "title", "slug")),
        Prefetch("evidence", queryset=evidence.order_by("id")),
    )


def event_organisations(event: Event) -> list[Organisation]:
    """The organisations of an event once each (an organisation may hold several roles)."""
    seen: dict[int, Organisation] = {}
    for role in event.organisation_roles.all():
        seen.setdefault(role.organisation_id, role.organisation)
    return list(seen.values())


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

    def ordered(self, events: QuerySet[Event]) -> QuerySet[Event]:
        if self.ranked:
            return events.annotate(rank=search.rank_expression(self.tokens)).order_by("-rank", "-date", "-id")
        if self.order == "asc":
            return events.order_by("date", "id")
        return events.order_by("-date", "-id")


# --- facet counts -------------------------------------------------------------------------------


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    querystring: str


@dataclass
class YearBar:
    year: int
    count: int
    selected: bool
    querystring: str


@dataclass
class Facets:
    key: str  # changes with the filters and the data: templates cache their fragments under it
    total: int
    kinds: list[FacetValue]
    years: list[YearBar]
    entities: dict[str, list[FacetValue]]
    provinces: list[FacetValue]


def _data_version() -> str:
    """Changes whenever an event is saved or added, or a recount changed the facet counts (a
    merge of parks, a deletion), so cached counts never outlive an edit (a bulk ``update()``
    that skips both is caught by the cache timeout)."""
    # scalar subqueries: SQLite answers a lone MAX() from an index but scans for two
    newest = Event.objects.order_by("-updated").values("updated")[:1]
    last = Event.objects.order_by("-id").values("id")[:1]
    counted = FacetVersion.objects.filter(dimension=counts.EVENT, value="").values("version")[:1]
    found = list(
        Event.objects.order_by()
        .annotate(newest=Subquery(newest), last=Subquery(last), counted=Subquery(counted))
        .values_list("newest", "last", "counted")[:1]
    )
    return ":".join(map(str, found[0])) if found else "empty"


# each part of the facets, and the facet it leaves out of the filters (it counts the alternatives)
FACET_PARTS = {
    "kinds": "kind",
    "years": "year",
    **{name: name for name in ENTITY_FACETS},
    "provinces": "province",
}


def facets(filters: TimelineFilters) -> Facets:
    """The counts shown beside the timeline, part by part, each cached until what it counts
    changes: the data version for counts over all events (or a search), the versions of the
    chosen parks, organisations, people, policies or provinces for counts over their events, so
    an edit elsewhere leaves a filtered page's costly counts cached."""
    data_version = _data_version()
    chosen = counts.versions(
        pair for part in FACET_PARTS.values() for pair in filters.narrowing_values(skip=part)
    )
    keys = {}
    for part, skip in FACET_PARTS.items():
        narrowing = filters.narrowing_values(skip=skip)
        if filters.by_kind_and_years_only(skip=skip) or filters.tokens or not narrowing:
            version = data_version
        else:
            version = repr([(pair, chosen.get(pair)) for pair in narrowing])
        state = repr((part, filters.params(order=False), version))
        keys[part] = "facets:" + hashlib.sha256(state.encode()).hexdigest()
    found = cache.get_many(list(keys.values()))
    missing = _count_parts(filters, [part for part, key in keys.items() if key not in found])
    cache.set_many({keys[part]: value for part, value in missing.items()}, FACET_CACHE_SECONDS)
    raw = {part: found[key] if key in found else missing[part] for part, key in keys.items()}
    whole = hashlib.sha256("".join(keys.values()).encode()).hexdigest()
    return _build_facets(filters, raw, f"facets:{whole}")


def _count_facets(filters: TimelineFilters, *, rollup: bool = True) -> dict:
    """The raw counts of every facet part, uncached; ``rollup=False`` counts every part on the
    events themselves, one query each (what the faster ways must agree with)."""
    if not rollup:
        return {part: _count_part(filters, part, rollup=False) for part in FACET_PARTS}
    return _count_parts(filters, list(FACET_PARTS))


def _count_parts(filters: TimelineFilters, parts: list[str]) -> dict:
    """These parts of the facets: from the rollup where it can answer, the others on the events
    the filters leave, those that count the same events together."""
    together = [part for part in parts if _on_chosen_events(filters, part)]
    if len(together) < 2:
        together = []
    counted = _count_together(filters, together) if together else {}
    return {part: counted[part] if part in counted else _count_part(filters, part) for part in parts}


def _on_chosen_events(filters: TimelineFilters, part: str) -> bool:
    """Whether the part counts exactly the events the filters choose (its own facet is not
    chosen) and the rollup cannot answer it."""
    skip = FACET_PARTS[part]
    chosen = bool(filters.year_from or filters.year_to) if skip == "year" else bool(getattr(filters, skip))
    in_rollup = filters.by_kind_and_years_only(skip=skip) or (
        part in ("kinds", "years") and filters.single_value(skip=skip)
    )
    return not chosen and not in_rollup


def _count_together(filters: TimelineFilters, parts: list[str]) -> dict:
    """Several parts over the events the filters choose, in one statement: the events are found
    once, not once a part (on a search at a million events, finding them is most of the cost)."""
    events = filters.apply(public_events()).order_by().annotate(year=ExtractYear("date"))
    try:
        sql, params = events.values("id", "kind", "year").query.sql_with_params()
    except EmptyResultSet:  # a chosen name that names nothing: no events at all
        return {part: {} if part in ("kinds", "years") else [] for part in parts}
    quote = connection.ops.quote_name
    branches = []
    if "kinds" in parts:
        branches.append("SELECT 'kinds', kind, COUNT(*) FROM chosen GROUP BY kind")
    if "years" in parts:
        branches.append("SELECT 'years', CAST(year AS TEXT), COUNT(*) FROM chosen GROUP BY year")
    for name, (through, entity, _) in ENTITY_FACETS.items():
        if name in parts:
            table, column = quote(through._meta.db_table), quote(f"{entity}_id")
            branches.append(
                f"SELECT '{name}', CAST({column} AS TEXT), COUNT(DISTINCT event_id) FROM {table} "
                f"WHERE event_id IN (SELECT id FROM chosen) GROUP BY {column}"
            )
    if "provinces" in parts:
        links, parks = quote(EventParks._meta.db_table), quote(Park._meta.db_table)
        branches.append(
            f"SELECT 'provinces', park.province, COUNT(DISTINCT link.event_id) FROM {links} link "
            f"JOIN {parks} park ON park.id = link.park_id "
            f"WHERE link.event_id IN (SELECT id FROM chosen) AND park.province <> '' GROUP BY park.province"
        )
    with connection.cursor() as cursor:
        cursor.execute(f"WITH chosen (id, kind, year) AS ({sql}) {' UNION ALL '.join(branches)}", params)
        grouped: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for part, value, n in cursor.fetchall():
            grouped[part].append((value, n))
    counted: dict = {}
    for part in parts:
        rows = grouped[part]
        if part == "kinds":
            counted[part] = dict(rows)
        elif part == "years":
            counted[part] = {int(year): n for year, n in rows}
        elif part == "provinces":
            counted[part] = sorted(rows, key=lambda row: (-row[1], row[0]))
        else:
            counted[part] = _labelled(part, sorted(rows, key=lambda row: (-row[1], int(row[0])))[:FACET_SIZE])
    return counted


def _count_part(filters: TimelineFilters, part: str, *, rollup: bool = True):
    """One part of the facets. Each counts the events the other facets leave: when those are
    chosen by kind and years alone (the first page, a kind, a year range), or the kinds and years
    under one park, organisation, person, policy or province, the counts are sums over the
    rollup (``timeline.counts``); otherwise they are counted on the events the filters leave."""
    if part == "kinds":
        return _kind_counts(filters, rollup=rollup)
    if part == "years":
        return _year_counts(filters, rollup=rollup)
    if part == "provinces":
        return _province_rows(filters, rollup=rollup)
    return _entity_rows(filters, part, rollup=rollup)


def _kind_counts(filters: TimelineFilters, *, rollup: bool = True) -> dict[str, int]:
    if rollup and filters.by_kind_and_years_only(skip="kind"):
        return counts.kind_counts(year_from=filters.year_from, year_to=filters.year_to)
    if rollup and (one := filters.single_value(skip="kind")):
        return counts.kind_counts(year_from=filters.year_from, year_to=filters.year_to, of=one)
    events = filters.apply(public_events(), skip="kind").order_by()
    return dict(events.values_list("kind").annotate(n=Count("id")).values_list("kind", "n"))


def _year_counts(filters: TimelineFilters, *, rollup: bool = True) -> dict[int, int]:
    if rollup and filters.by_kind_and_years_only(skip="year"):
        return counts.year_counts(kinds=filters.kind)
    if rollup and (one := filters.single_value(skip="year")):
        return counts.year_counts(kinds=filters.kind, of=one)
    events = filters.apply(public_events(), skip="year").order_by().annotate(year=ExtractYear("date"))
    return dict(events.values_list("year").annotate(n=Count("id")).values_list("year", "n"))


def _entity_rows(filters: TimelineFilters, name: str, *, rollup: bool = True) -> list[tuple[str, str, int]]:
    """(slug, label, events) of the most named values of one entity facet, most events first
    (ties: the older entity first), then the selected values the first ones leave out."""
    if rollup and filters.by_kind_and_years_only(skip=name):
        return _rolled_up_entity_rows(filters, name)
    through, entity, slug_lookup = ENTITY_FACETS[name]
    label = f"{entity}__{ENTITY_LABELS[name]}"
    links = through.objects.filter(event__in=filters.apply(public_events(), skip=name).values("id"))
    rows = list(
        links.values_list(slug_lookup, label)
        .annotate(n=Count("event_id", distinct=True))
        .order_by("-n", f"{entity}_id")[:FACET_SIZE]
    )
    selected = set(getattr(filters, name)) - {slug for slug, _, _ in rows}
    if selected:
        rows += list(
            links.filter(**{f"{slug_lookup}__in": selected})
            .values_list(slug_lookup, label)
            .annotate(n=Count("event_id", distinct=True))
            .order_by(label)
        )
    return rows


def _rolled_up_entity_rows(filters: TimelineFilters, name: str) -> list[tuple[str, str, int]]:
    chosen = {"kinds": filters.kind, "year_from": filters.year_from, "year_to": filters.year_to}
    top = counts.top_values(name, limit=FACET_SIZE, **chosen)
    listed = {value for value, _ in top}
    selected = [str(pk) for pk in filters.entity_ids.get(name, []) if str(pk) not in listed]
    rows = _labelled(name, top)
    if selected:  # the chosen values the top ones leave out, by label
        extra = _labelled(name, counts.top_values(name, only=selected, **chosen))
        rows += sorted(extra, key=lambda row: row[1])
    return rows


def _labelled(name: str, rows: list[tuple[str, int]]) -> list[tuple[str, str, int]]:
    """(slug, label, events) for (entity id, events) rows of one entity facet, in their order;
    an entity deleted since it was counted has no label and is left out."""
    labels = {
        str(pk): (slug, label)
        for pk, slug, label in ENTITY_MODELS[name]
        .objects.filter(pk__in=[int(value) for value, _ in rows])
        .values_list("pk", "slug", ENTITY_LABELS[name])
    }
    return [(*labels[value], n) for value, n in rows if value in labels]


def _province_rows(filters: TimelineFilters, *, rollup: bool = True) -> list[tuple[str, int]]:
    if rollup and filters.by_kind_and_years_only(skip="province"):
        return counts.top_values(
            counts.PROVINCE, kinds=filters.kind, year_from=filters.year_from, year_to=filters.year_to
        )
    links = EventParks.objects.filter(
        event__in=filters.apply(public_events(), skip="province").values("id")
    ).exclude(park__province="")
    return list(
        links.values_list("park__province")
        .annotate(n=Count("event_id", distinct=True))
        .order_by("-n", "park__province")
        .values_list("park__province", "n")
    )


def _build_facets(filters: TimelineFilters, raw: dict, key: str) -> Facets:
    kinds = [
        FacetValue(
            value, label, raw["kinds"].get(value, 0), value in filters.kind, filters.toggled("kind", value)
        )
        for value, label in EventKind.choices
        if raw["kinds"].get(value) or value in filters.kind
    ]
    total = sum(n for kind, n in raw["kinds"].items() if not filters.kind or kind in filters.kind)
    counted = {year: n for year, n in raw["years"].items() if year is not None}
    # every year between the first and the last, so that the bars stand on a real time axis
    span = range(min(counted), max(counted) + 1) if counted else range(0)
    years = [
        YearBar(
            year,
            counted.get(year, 0),
            bool(filters.year_from or filters.year_to)
            and (filters.year_from or MIN_YEAR) <= year <= (filters.year_to or MAX_YEAR),
            filters.with_years(year, year),
        )
        for year in span
    ]
    entities = {
        name: [
            FacetValue(slug, label, count, slug in getattr(filters, name), filters.toggled(name, slug))
            for slug, label, count in raw[name]
        ]
        for name in ENTITY_FACETS
    }
    provinces = [
        FacetValue(value, value, count, value in filters.province, filters.toggled("province", value))
        for value, count in raw["provinces"]
    ]
    return Facets(key=key, total=total, kinds=kinds, years=years, entities=entities, provinces=provinces)


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
    return events.only("id", "date", "updated")


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
    ranked ids (the best ``RANKED_LIMIT``) are computed once per query and data version and
    cached: a common word matches tens of thousands of events at a million, which costs more
    to rank than a reader should wait for each page."""
    key = (
        "ranked:" + hashlib.sha256(repr((filters.params(order=False), _data_version())).encode()).hexdigest()
    )
    ids = cache.get(key)
    if ids is None:
        ranked = filters.ordered(filters.apply(public_events()))
        ids = list(ranked.values_list("id", flat=True)[:RANKED_LIMIT])
        cache.set(key, ids, FACET_CACHE_SECONDS)
    page = max(1, min(page, -(-RANKED_LIMIT // size)))
    chunk = ids[(page - 1) * size : page * size]
    rows = {event.pk: event for event in event_keys(Event.objects.filter(pk__in=chunk))}
    return [rows[pk] for pk in chunk if pk in rows], len(ids) > page * size


def source_segments(source: Source) -> list[tuple[str, Evidence | None]]:
    """The source's cleaned text cut into plain runs and the evidence passages of published
    events, in order; a passage overlapping an earlier one is left unmarked."""
    passages = (
        Evidence.objects.filter(news_item__source=source, event__in=public_events())
        .select_related("event")
        .only("id", "start", "end", "quote", "event__id", "event__title", "event__date", "event__kind")
        .order_by("start", "id")
    )
    text = source.clean_text
    segments: list[tuple[str, Evidence | None]] = []
    position = 0
    for passage in passages:
        start, end = passage.start, passage.end
        if text[start:end] != passage.quote:
            # offsets from an older cleaning: find the quote itself rather than mark the wrong words
            found = text.find(passage.quote, position)
            if found < 0:
                continue
            start, end = found, found + len(passage.quote)
        if start < position or end > len(text):
            continue
        segments.append((text[position:start], None))
        segments.append((text[start:end], passage))
        position = end
    segments.append((text[position:], None))
    return [(chunk, passage) for chunk, passage in segments if chunk]
