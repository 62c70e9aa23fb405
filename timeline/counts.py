"""The public timeline's facet counts, kept precomputed.

Counting the public events per kind, year, park, organisation, person, policy and province
takes seconds at a million events, and every edit would make the next reader wait for it. So the
counts live in a small rollup, ``FacetTally``: one row per (dimension, value, kind) with its
total and a map of events per year (kind "" sums the kinds), so the first page reads the top
rows off an index, a kind sums a few thousand totals and a year range sums, in SQL, the years of
a few thousand rows.

Each public event records on itself what it was counted under (``Event.counted``: kind, year,
values). :func:`recount_events` takes that away and adds what the event counts under now, so it
is right whatever changed (status, merge, date, kind, links, a park's province, a deletion), and
a second call changes nothing. It runs only through ``timeline.derived.events_changed``, the
door every write path goes through, which also renews the versions (:func:`renew_versions`) the
cached counts of filtered pages and searches are keyed on. :func:`rebuild`
(``manage.py rebuild_facet_counts``) counts everything again, for a database written by other
means.
"""

from __future__ import annotations

import secrets
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from django.apps import apps as installed_apps
from django.db import connection, transaction
from django.db.models import BigIntegerField, Count, F, Func, IntegerField, Q, QuerySet, Sum
from django.db.models.functions import Cast, ExtractYear

from timeline.models import FacetDimension, public_condition

EVENT, PARK, ORGANISATION, PERSON, POLICY, PROVINCE, WORD = FacetDimension.values
ALL_KINDS = ""
ANY_EVENT = (EVENT, "")  # its FacetVersion changes with any count
ANY_WORD = "*"  # the search word whose version changes when the words of changed events are not read
# the short codes of Event.counted ("forum 2024 p12 o5 r湖北省"): a few bytes a value
CODES = {PARK: "p", ORGANISATION: "o", PERSON: "n", POLICY: "y", PROVINCE: "r"}
DIMENSIONS = {code: dimension for dimension, code in CODES.items()}
_CHUNK = 500  # events per query: well under SQLite's bound on query parameters
_REBUILD_CHUNK = 5000  # event ids per step of a rebuild
_PROBE = 100  # rows with the largest totals, summed first to bound a year range's top values

Cell = tuple[str, str, str, int]  # (dimension, value, kind, year)


class CountsOutOfStep(RuntimeError):
    """The rollup and the events disagree: someone wrote them by hand. Run rebuild_facet_counts."""


@dataclass(frozen=True)
class _Schema:
    """The models the counts are made of, from an app registry: the installed one, or a migration's
    historical one (so the migration that creates the rollup can fill it)."""

    event: type
    links: dict[str, tuple[type, str]]  # dimension → (link model, its entity id column)
    tally: type
    versions: type

    @classmethod
    def of(cls, apps) -> _Schema:
        event = apps.get_model("timeline", "Event")

        def through(name: str) -> type:
            return event._meta.get_field(name).remote_field.through

        return cls(
            event=event,
            links={
                PARK: (through("parks"), "park_id"),
                ORGANISATION: (apps.get_model("timeline", "EventOrganisation"), "organisation_id"),
                PERSON: (through("people"), "person_id"),
                POLICY: (through("policies"), "policy_id"),
            },
            tally=apps.get_model("timeline", "FacetTally"),
            versions=apps.get_model("timeline", "FacetVersion"),
        )

    def public(self) -> QuerySet:
        # Event.objects.public(), which historical models do not have
        return self.event._base_manager.filter(public_condition())


@cache
def _installed() -> _Schema:
    return _Schema.of(installed_apps)


# --- what one event counts under ------------------------------------------------------------------


@dataclass(frozen=True)
class Counted:
    """What one public event counts under: its kind, its year and its (dimension, value) pairs."""

    kind: str
    year: int
    values: frozenset[tuple[str, str]]

    def cells(self) -> Iterable[Cell]:
        yield (EVENT, "", self.kind, self.year)
        for dimension, value in self.values:
            yield (dimension, value, self.kind, self.year)

    def encode(self) -> str:
        """``forum 2024 p12 o5 r湖北省``: what ``Event.counted`` stores."""
        pairs = sorted(f"{CODES[dimension]}{value}" for dimension, value in self.values)
        return " ".join([self.kind, str(self.year), *pairs])

    @classmethod
    def decode(cls, text: str) -> Counted | None:
        if not text:
            return None
        kind, year, *pairs = text.split(" ")
        return cls(kind, int(year), frozenset((DIMENSIONS[pair[0]], pair[1:]) for pair in pairs))


def counted_now(schema: _Schema, events: dict, links: dict) -> dict[int, Counted]:
    """What the public events among ``events`` (a filter) count under today, from their
    ``links`` (the same filter on the link tables); the others are left out."""
    found = {
        pk: (kind, day.year)
        for pk, kind, day in schema.public().filter(**events).values_list("pk", "kind", "date")
    }
    values: dict[int, set[tuple[str, str]]] = defaultdict(set)
    parks, _ = schema.links[PARK]
    for event_id, park_id, province in parks.objects.filter(**links).values_list(
        "event_id", "park_id", "park__province"
    ):
        values[event_id].add((PARK, str(park_id)))
        if province:
            values[event_id].add((PROVINCE, province))
    for dimension in (ORGANISATION, PERSON, POLICY):
        link, column = schema.links[dimension]
        for event_id, entity_id in link.objects.filter(**links).values_list("event_id", column):
            values[event_id].add((dimension, str(entity_id)))
    return {pk: Counted(kind, year, frozenset(values[pk])) for pk, (kind, year) in found.items()}


# --- keeping the counts in step -----------------------------------------------------------------


def recount_events(event_ids: Iterable[int], *, going: bool = False) -> set[tuple[str, str]]:
    """Bring the facet counts of these events up to date, whatever happened to them since they
    were last counted (published, rejected, merged, deleted, redated, relinked). Call it in the
    transaction that made the change, with every event whose visibility, kind, date, links or
    parks' provinces changed; an event that did not change costs a lookup and writes nothing.
    ``going``: the events are about to be deleted, and count under nothing (their ``counted``
    goes with them, so this must run before the deletion). Returns the (dimension, value) pairs
    whose counts changed; their versions are renewed."""
    ids = sorted({int(pk) for pk in event_ids})
    schema = _installed()
    changes: Counter[Cell] = Counter()
    touched: set[tuple[str, str]] = set()
    with transaction.atomic():
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            # two transactions recounting one event must take turns, or both would add it
            before = {
                pk: Counted.decode(text)
                for pk, text in schema.event._base_manager.select_for_update()
                .filter(pk__in=chunk)
                .order_by("pk")
                .values_list("pk", "counted")
            }
            now = {} if going else counted_now(schema, {"pk__in": chunk}, {"event_id__in": chunk})
            recounted = []
            for pk in chunk:
                old, new = before.get(pk), now.get(pk)
                if old == new:
                    continue
                touched.update(old.values if old else (), new.values if new else (), [ANY_EVENT])
                # the counts of a page filtered to some years change with the events of those years
                touched.update((EVENT, str(counted.year)) for counted in (old, new) if counted)
                if old is not None:
                    changes.subtract(old.cells())
                if new is not None:
                    changes.update(new.cells())
                if pk in before:  # not a deleted event
                    recounted.append(schema.event(pk=pk, counted=new.encode() if new else ""))
            schema.event._base_manager.bulk_update(recounted, ["counted"], batch_size=_CHUNK)
        _apply(schema, changes)
        renew_versions(touched)
    return touched


def _apply(schema: _Schema, changes: Counter[Cell]) -> None:
    """Adds the changes to the rows they fall in (each kind's and the all-kinds row), locked in
    one order every transaction shares, and drops the rows that fell to zero."""
    by_row: dict[tuple[str, str, str], Counter[int]] = defaultdict(Counter)
    for (dimension, value, kind, year), n in changes.items():
        if n:
            by_row[(dimension, value, kind)][year] += n
            by_row[(dimension, value, ALL_KINDS)][year] += n
    keys = sorted(key for key, years in by_row.items() if any(years.values()))
    if not keys:
        return
    tally = schema.tally
    # rows a value never had yet: created empty, so that every row can be locked and updated alike
    tally.objects.bulk_create(
        [tally(dimension=d, value=v, kind=k, total=0, years={}) for d, v, k in keys], ignore_conflicts=True
    )
    rows = []
    for start in range(0, len(keys), _CHUNK):
        wanted = Q()
        for dimension, value, kind in keys[start : start + _CHUNK]:
            wanted |= Q(dimension=dimension, value=value, kind=kind)
        rows += list(tally.objects.select_for_update().filter(wanted).order_by("dimension", "value", "kind"))
    for row in rows:
        years = Counter({int(year): n for year, n in row.years.items()})
        years.update(by_row[(row.dimension, row.value, row.kind)])
        if any(n < 0 for n in years.values()):
            raise CountsOutOfStep(f"facet counts below zero for {row}: run rebuild_facet_counts")
        row.years = {str(year): n for year, n in sorted(years.items()) if n}
        row.total = sum(row.years.values())
    empty = [row for row in rows if not row.total]
    for row in empty:
        tally.objects.filter(dimension=row.dimension, value=row.value, kind=row.kind).delete()
    tally.objects.bulk_update([row for row in rows if row.total], ["total", "years"], batch_size=_CHUNK)


# a version's value column holds 100 characters: a longer search word (a long policy title, or its
# pinyin) is keyed by its first 100, the same when it is renewed and when it is read
_VALUE_LENGTH = 100


def renew_versions(pairs: Iterable[tuple[str, str]]) -> None:
    """Gives these (dimension, value) pairs a new version (one random number per call: only its
    being new matters): what was cached under the old one is not read again."""
    rows = sorted({(dimension, value[:_VALUE_LENGTH]) for dimension, value in pairs})
    if not rows:
        return
    versions = _installed().versions
    stamp = secrets.randbits(62)
    versions.objects.bulk_create(
        [versions(dimension=d, value=v, version=stamp) for d, v in rows],
        update_conflicts=True,
        unique_fields=["dimension", "value"],
        update_fields=["version"],
        batch_size=_CHUNK,
    )


def versions(values: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The current version of each (dimension, value) pair; a pair never renewed has none."""
    wanted: dict[str, list[str]] = defaultdict(list)
    asked = list(values)
    for dimension, value in asked:
        wanted[dimension].append(value[:_VALUE_LENGTH])
    if not wanted:
        return {}
    condition = Q()
    for dimension, listed in wanted.items():
        condition |= Q(dimension=dimension, value__in=listed)
    rows = _installed().versions.objects.filter(condition).values_list("dimension", "value", "version")
    found = {(dimension, value): version for dimension, value, version in rows}
    return {
        (dimension, value): found[(dimension, value[:_VALUE_LENGTH])]
        for dimension, value in asked
        if (dimension, value[:_VALUE_LENGTH]) in found
    }


def events_linked_to(model: type, ids: Sequence[int]) -> list[int]:
    """The events that name any of these parks, organisations, people or policies (to recount
    them after the entities were merged, deleted or, for parks, moved to another province)."""
    dimension = model._meta.model_name
    link, column = _installed().links[dimension]
    return list(
        link.objects.filter(**{f"{column}__in": list(ids)}).values_list("event_id", flat=True).distinct()
    )


# --- counting everything again --------------------------------------------------------------------


@dataclass
class RebuildReport:
    events: int  # public events counted
    cells: int  # rows in the rollup
    differed: int  # rows whose stored counts were wrong or missing, or that should not have been there

    def summary(self) -> str:
        return (
            f"counted {self.events} published events in {self.cells} cells; "
            f"{self.differed} cells differed from the stored counts"
        )


def rebuild(*, apps=None) -> RebuildReport:
    """Counts every public event again: the rollup with a few grouped queries, each event's
    ``counted`` with the same code as :func:`recount_events`; reports how many rows were not
    what it found (0 when every change went through :func:`recount_events`). ``apps`` is a
    migration's app registry (default: the installed models); a registry from before the rollup
    existed has nothing to fill."""
    if apps is not None:
        try:
            apps.get_model("timeline", "FacetTally")
        except LookupError:
            return RebuildReport(events=0, cells=0, differed=0)
    schema = _installed() if apps is None else _Schema.of(apps)
    with transaction.atomic():
        stored = {
            (row.dimension, row.value, row.kind): (row.total, row.years) for row in schema.tally.objects.all()
        }
        found = _count_rows(schema)
        differed = sum(1 for key in stored.keys() | found.keys() if stored.get(key) != found.get(key))
        schema.tally.objects.all().delete()
        schema.tally.objects.bulk_create(
            [
                schema.tally(dimension=d, value=v, kind=k, total=t, years=y)
                for (d, v, k), (t, y) in found.items()
            ],
            batch_size=1000,
        )
        events = _rebuild_counted(schema)
        _renew_all_versions(schema)
        with connection.cursor() as cursor:
            # fresh statistics: a planner that still thinks the rollup empty scans it whole
            for model in (schema.tally, schema.versions):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    return RebuildReport(events=events, cells=len(found), differed=differed)


def _count_rows(schema: _Schema) -> dict[tuple[str, str, str], tuple[int, dict[str, int]]]:
    """Every row of the rollup, counted from the public events in one grouped query per dimension."""
    public = public_condition("event__")
    grouped: list[tuple[str, QuerySet]] = [
        (
            EVENT,
            schema.public()
            .order_by()
            .annotate(year=ExtractYear("date"))
            .values("kind", "year")
            .annotate(n=Count("pk"))
            .values_list("kind", "year", "n"),
        )
    ]
    linked = [(dimension, link.objects.all(), column) for dimension, (link, column) in schema.links.items()]
    parks, _ = schema.links[PARK]
    linked.append((PROVINCE, parks.objects.exclude(park__province=""), "park__province"))
    for dimension, links, column in linked:
        grouped.append(
            (
                dimension,
                links.filter(public)
                .order_by()
                .annotate(year=ExtractYear("event__date"))
                .values(column, "event__kind", "year")
                .annotate(n=Count("event_id", distinct=True))
                .values_list(column, "event__kind", "year", "n"),
            )
        )
    years: dict[tuple[str, str, str], Counter[int]] = defaultdict(Counter)
    for dimension, rows in grouped:
        for row in rows.iterator(chunk_size=10000):
            if dimension == EVENT:
                (kind, year, n), value = row, ""
            else:
                value, kind, year, n = row
            for key in ((dimension, str(value), kind), (dimension, str(value), ALL_KINDS)):
                years[key][year] += n
    return {
        key: (sum(counts.values()), {str(year): n for year, n in sorted(counts.items())})
        for key, counts in years.items()
    }


def _rebuild_counted(schema: _Schema) -> int:
    """``Event.counted`` of every event again, a range of ids at a time (ranges, not lists of ids:
    no bound on query parameters, and the link tables are read in index order)."""
    manager = schema.event._base_manager
    last = manager.order_by("-pk").values_list("pk", flat=True).first() or 0
    total = 0
    for low in range(1, last + 1, _REBUILD_CHUNK):
        high = low + _REBUILD_CHUNK - 1
        now = counted_now(schema, {"pk__range": (low, high)}, {"event_id__gte": low, "event_id__lte": high})
        stored = dict(manager.filter(pk__range=(low, high)).values_list("pk", "counted"))
        changed = [
            schema.event(pk=pk, counted=now[pk].encode() if pk in now else "")
            for pk, text in stored.items()
            if text != (now[pk].encode() if pk in now else "")
        ]
        manager.bulk_update(changed, ["counted"], batch_size=1000)
        total += len(now)
    return total


def _renew_all_versions(schema: _Schema) -> None:
    """Every value gets a new version: counts cached under the old ones may be wrong (that is why
    one rebuilds)."""
    stamp = secrets.randbits(62)
    schema.versions.objects.update(version=stamp)
    known = set(schema.versions.objects.values_list("dimension", "value"))
    values = schema.tally.objects.filter(kind=ALL_KINDS).values_list("dimension", "value")
    schema.versions.objects.bulk_create(
        [
            schema.versions(dimension=d, value=v, version=stamp)
            for d, v in values.iterator()
            if (d, v) not in known
        ],
        batch_size=1000,
    )


# --- reading the counts ---------------------------------------------------------------------------


def _in_range(years: dict[str, int], year_from: int | None, year_to: int | None) -> int:
    low, high = year_from or 0, year_to or 9999
    return sum(n for year, n in years.items() if low <= int(year) <= high)


def kind_counts(
    *, year_from: int | None = None, year_to: int | None = None, of: tuple[str, str] = ANY_EVENT
) -> dict[str, int]:
    """Public events per kind within the years: all of them, or those naming ``of`` (a
    (dimension, value) pair such as ("park", "12"))."""
    dimension, value = of
    rows = _installed().tally.objects.filter(dimension=dimension, value=value).exclude(kind=ALL_KINDS)
    counted = {
        kind: _in_range(years, year_from, year_to) for kind, years in rows.values_list("kind", "years")
    }
    return {kind: n for kind, n in counted.items() if n}


def year_counts(*, kinds: Sequence[str] = (), of: tuple[str, str] = ANY_EVENT) -> dict[int, int]:
    """Public events per year, of these kinds (all when none), all or those naming ``of``."""
    dimension, value = of
    rows = _installed().tally.objects.filter(dimension=dimension, value=value)
    rows = rows.filter(kind__in=kinds) if kinds else rows.filter(kind=ALL_KINDS)
    counted: Counter[int] = Counter()
    for years in rows.values_list("years", flat=True):
        counted.update({int(year): n for year, n in years.items()})
    return dict(counted)


def top_values(
    dimension: str,
    *,
    kinds: Sequence[str] = (),
    year_from: int | None = None,
    year_to: int | None = None,
    limit: int | None = None,
    only: Sequence[str] | None = None,
) -> list[tuple[str, int]]:
    """(value, public events) of one dimension, most events first, then by entity id (or by
    province name); ``only`` restricts it to some values (the ones a reader selected)."""
    rows = _installed().tally.objects.filter(dimension=dimension)
    if only is not None:
        rows = rows.filter(value__in=list(only))
    chosen = rows.filter(kind__in=kinds) if kinds else rows.filter(kind=ALL_KINDS)
    if not (year_from or year_to):
        # totals only: one kind or all read off facettally_top_idx, several summed
        tie = "value" if dimension == PROVINCE else Cast("value", BigIntegerField())
        if len(kinds) > 1:
            summed = chosen.values("value").annotate(n=Sum("total")).order_by("-n", tie)
            ranked = summed.values_list("value", "n")
        else:
            ranked = chosen.order_by("-total", tie).values_list("value", "total")
        return list(ranked[:limit] if limit else ranked)
    return _top_in_years(chosen, dimension, year_from, year_to, limit, kinds=max(1, len(kinds)))


class YearEvents(Func):
    """The events of one year in a rollup row's ``years`` map, 0 when it has none, in SQL: read
    in the database, where a page's top values are summed, not in Python."""

    output_field = IntegerField()

    def __init__(self, year: int) -> None:
        super().__init__(F("years"))
        self.year = int(year)

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        if connection.vendor == "postgresql":
            return f"COALESCE(({sql} ->> %s)::integer, 0)", [*params, str(self.year)]
        return f"COALESCE(json_extract({sql}, %s), 0)", [*params, f'$."{self.year}"']


def span() -> tuple[int, int] | None:
    """The first and last year any public event is dated in."""
    years = (
        _installed()
        .tally.objects.filter(dimension=EVENT, value="", kind=ALL_KINDS)
        .values_list("years", flat=True)
    )
    found = [int(year) for row in years for year in row]
    return (min(found), max(found)) if found else None


def _top_in_years(chosen, dimension: str, year_from, year_to, limit, *, kinds: int) -> list[tuple[str, int]]:
    """The top values within a year range, summed in SQL from the years of each row: the years
    in the range, or the total less the years outside it, whichever reads fewer years.

    With a limit, only the rows that can reach the top are summed: the rows with the largest
    totals give a floor (the last of the top values among them), and a value that reaches the
    floor over ``kinds`` rows has a row whose total is at least floor / kinds."""
    years = span()
    if years is None:
        return []
    first, last = years
    low, high = max(year_from or first, first), min(year_to or last, last)
    if low > high:
        return []
    inside = list(range(low, high + 1))
    outside = [year for year in range(first, last + 1) if not low <= year <= high]
    if len(outside) < len(inside):
        events = F("total") - _added(YearEvents(year) for year in outside) if outside else F("total")
    else:
        events = _added(YearEvents(year) for year in inside)
    tie = "value" if dimension == PROVINCE else Cast("value", BigIntegerField())

    def summed(rows):
        ranked = rows.values("value").annotate(n=Sum(events, output_field=IntegerField())).filter(n__gt=0)
        return ranked.order_by("-n", tie).values_list("value", "n")

    if not limit:
        return list(summed(chosen))
    likely = chosen.order_by("-total").values("value")[:_PROBE]
    probe = list(summed(chosen.filter(value__in=likely))[:limit])
    if len(probe) < limit:
        return list(summed(chosen)[:limit])
    bound = -(-probe[-1][1] // kinds)
    return list(summed(chosen.filter(value__in=chosen.filter(total__gte=bound).values("value")))[:limit])


def _added(terms):
    total = None
    for term in terms:
        total = term if total is None else total + term
    return total
