"""The counts beside the public timeline: for each kind, year, park, organisation, person,
policy and province, how many public events the reader's other choices leave.

Each part of the facets is cached: a part counted over all events or under a search under the
data version, a part counted over the events of chosen parks, organisations, people, policies or
provinces under their ``FacetVersion``. Where the choices narrow by kind and years at most (or
name one value), the counts are sums over the rollup of ``timeline.counts``; otherwise they are
counted on the events the filters leave, in one statement.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, Subquery
from django.db.models.functions import ExtractYear

from people.models import Park
from timeline import counts
from timeline.models import Event, EventKind, FacetVersion
from timeline.query import (
    ENTITY_FACETS,
    ENTITY_LABELS,
    ENTITY_MODELS,
    MAX_YEAR,
    MIN_YEAR,
    EventParks,
    TimelineFilters,
)

FACET_SIZE = 12  # values listed per entity facet (the selected ones are always listed too)
FACET_CACHE_SECONDS = 120


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


def data_version() -> str:
    """Changes whenever an event is saved or added, or a recount changed the facet counts (a
    merge of parks, a deletion), so cached counts never outlive an edit (a bulk ``update()``
    that skips both is caught by the cache timeout)."""
    # scalar subqueries: SQLite answers a lone MAX() from an index but scans for two
    newest = Event.objects.order_by("-updated").values("updated")[:1]
    last = Event.objects.order_by("-id").values("id")[:1]
    counted = FacetVersion.objects.filter(dimension=counts.EVENT, value="").values("version")[:1]
    found = list(
        Event.objects.order_by()
        .annotate(newest=Subquery(newest), last=Subquery(last), counted_version=Subquery(counted))
        .values_list("newest", "last", "counted_version")[:1]
    )
    return ":".join(map(str, found[0])) if found else "empty"


def _year_versions(filters: TimelineFilters) -> str:
    """The versions of the years the filters choose (within the years events are dated in):
    an edit to an event of another year leaves a page of these years cached."""
    span = counts.span()
    if span is None:
        return "empty"
    low, high = max(filters.year_from or span[0], span[0]), min(filters.year_to or span[1], span[1])
    pairs = [(counts.EVENT, str(year)) for year in range(low, high + 1)]
    found = counts.versions(pairs)
    return repr((span, [found.get(pair) for pair in pairs]))


def search_version(tokens: tuple[str, ...]) -> str:
    """Changes whenever an event holding one of these search words changes (or any event is
    deleted): what a search finds, counts and ranks depends on those events alone, so an edit
    elsewhere leaves its counts and ranking cached (``timeline.derived`` renews the words)."""
    pairs = [(counts.WORD, token) for token in (*tokens, counts.ANY_WORD)]
    found = counts.versions(pairs)
    return repr([found.get(pair) for pair in pairs])


# each part of the facets, and the facet it leaves out of the filters (it counts the alternatives)
FACET_PARTS = {
    "kinds": "kind",
    "years": "year",
    **{name: name for name in ENTITY_FACETS},
    "provinces": "province",
}


def facets(filters: TimelineFilters) -> Facets:
    """The counts shown beside the timeline, part by part, each cached until what it counts
    changes: the data version for counts over all events, the versions of the search words
    under a search, the versions of the chosen parks, organisations, people, policies or
    provinces for counts over their events, so
    an edit elsewhere leaves a filtered page's costly counts cached."""
    version_now = search_version(filters.tokens) if filters.tokens else data_version()
    chosen = counts.versions(
        pair for part in FACET_PARTS.values() for pair in filters.narrowing_values(skip=part)
    )
    in_years = _year_versions(filters) if filters.year_from or filters.year_to else version_now
    keys = {}
    for part, skip in FACET_PARTS.items():
        narrowing = filters.narrowing_values(skip=skip)
        if filters.by_kind_and_years_only(skip=skip) and skip != "year" and not filters.tokens:
            version = in_years  # what the rollup holds of these years changes only with their events
        elif filters.by_kind_and_years_only(skip=skip) or filters.tokens or not narrowing:
            version = version_now
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
    events = filters.events().order_by().annotate(year=ExtractYear("date"))
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
    events = filters.events(skip="kind").order_by()
    return dict(events.values_list("kind").annotate(n=Count("id")).values_list("kind", "n"))


def _year_counts(filters: TimelineFilters, *, rollup: bool = True) -> dict[int, int]:
    if rollup and filters.by_kind_and_years_only(skip="year"):
        return counts.year_counts(kinds=filters.kind)
    if rollup and (one := filters.single_value(skip="year")):
        return counts.year_counts(kinds=filters.kind, of=one)
    events = filters.events(skip="year").order_by().annotate(year=ExtractYear("date"))
    return dict(events.values_list("year").annotate(n=Count("id")).values_list("year", "n"))


def _entity_rows(filters: TimelineFilters, name: str, *, rollup: bool = True) -> list[tuple[str, str, int]]:
    """(slug, label, events) of the most named values of one entity facet, most events first
    (ties: the older entity first), then the selected values the first ones leave out."""
    if rollup and filters.by_kind_and_years_only(skip=name):
        return _rolled_up_entity_rows(filters, name)
    through, entity, slug_lookup = ENTITY_FACETS[name]
    label = f"{entity}__{ENTITY_LABELS[name]}"
    links = through.objects.filter(event__in=filters.events(skip=name).values("id"))
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
    links = EventParks.objects.filter(event__in=filters.events(skip="province").values("id")).exclude(
        park__province=""
    )
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
