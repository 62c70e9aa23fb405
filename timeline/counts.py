"""The public timeline's facet counts, kept precomputed.

Counting the published events per kind, year, park, organisation, person, policy and province
takes seconds at a million events, and an edit would make every page count again. So the counts
live in a rollup, ``FacetCount``: one row per cell (dimension, kind, year, value) at four grains
(each kind in each year; each kind over all years, year 0; all kinds, kind "", in each year; and
all of them), so any set of kinds and range of years is one SUM over a few thousand rows.

:func:`recount_events` keeps the rollup in step. For each event it takes away what the event
added when it was last counted (its ``CountedEvent`` row) and adds what it adds now, so it is
right whatever changed, and a second call changes nothing. It is called only through
``timeline.derived.events_changed``, the door every write path goes through. :func:`rebuild`
(``manage.py rebuild_facet_counts``) counts everything again from the events, for a database
written by other means. It also gives every park,
organisation, person, policy and province whose events changed a new ``FacetVersion``: the
counts of a page filtered by them are cached under it (``timeline.filters.facets``).
"""

from __future__ import annotations

import secrets
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from django.apps import apps as installed_apps
from django.db import connection, transaction
from django.db.models import BigIntegerField, CharField, Count, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Cast, ExtractYear

from timeline.models import EventStatus, FacetDimension

EVENT, PARK, ORGANISATION, PERSON, POLICY, PROVINCE = FacetDimension.values
ALL_KINDS, ALL_YEARS = "", 0
ANY_EVENT = (EVENT, "")  # its FacetVersion changes with any count
_CHUNK = 500  # events per query: well under SQLite's bound on query parameters
_ROWS_PER_UPSERT = 150  # 5 parameters a row
_REBUILD_CHUNK = 5000  # event ids per step of a rebuild

Cell = tuple[str, str, int, str]  # (dimension, kind, year, value)


class CountsOutOfStep(RuntimeError):
    """The rollup and its ledger disagree: someone wrote them by hand. Run rebuild_facet_counts."""


@dataclass(frozen=True)
class _Schema:
    """The models the counts are made of, from an app registry: the installed one, or a migration's
    historical one (so the migration that creates the rollup can fill it)."""

    event: type
    links: dict[str, tuple[type, str]]  # dimension → (link model, its entity id column)
    park: type
    cube: type
    ledger: type
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
            park=apps.get_model("people", "Park"),
            cube=apps.get_model("timeline", "FacetCount"),
            ledger=apps.get_model("timeline", "CountedEvent"),
            versions=apps.get_model("timeline", "FacetVersion"),
        )

    def published(self) -> QuerySet:
        # spelled out rather than Event.objects.published(): historical models have no custom manager
        return self.event._base_manager.filter(status=EventStatus.PUBLISHED, merged_into__isnull=True)


@cache
def _installed() -> _Schema:
    return _Schema.of(installed_apps)


# --- keeping the counts in step -----------------------------------------------------------------


@dataclass(frozen=True)
class Counted:
    """What one published event counts under: its kind, its year and its (dimension, value) pairs."""

    kind: str
    year: int
    values: frozenset[tuple[str, str]]

    def cells(self) -> Iterator[Cell]:
        yield (EVENT, self.kind, self.year, "")
        for dimension, value in self.values:
            for kind, year in ((self.kind, self.year), (self.kind, ALL_YEARS), (ALL_KINDS, self.year)):
                yield (dimension, kind, year, value)
            yield (dimension, ALL_KINDS, ALL_YEARS, value)


def recount_events(event_ids: Iterable[int]) -> None:
    """Bring the facet counts of these events up to date, whatever happened to them since they
    were last counted (published, rejected, merged, deleted, redated, relinked). Call it in the
    transaction that made the change, with every event whose visibility, kind, date, links or
    parks' provinces changed; an event that did not change costs a lookup and nothing else."""
    ids = sorted({int(pk) for pk in event_ids})
    if not ids:
        return
    schema = _installed()
    with transaction.atomic():
        changes: Counter[Cell] = Counter()
        touched: set[tuple[str, str]] = set()
        for start in range(0, len(ids), _CHUNK):
            _recount_chunk(schema, ids[start : start + _CHUNK], changes, touched)
        _apply(schema, changes)
        _new_version(schema, sorted(touched))


def events_linked_to(model: type, ids: Sequence[int]) -> list[int]:
    """The events that name any of these parks, organisations, people or policies (to recount
    them after the entities were merged, deleted or, for parks, moved to another province)."""
    dimension = model._meta.model_name
    link, column = _installed().links[dimension]
    return list(
        link.objects.filter(**{f"{column}__in": list(ids)}).values_list("event_id", flat=True).distinct()
    )


def _recount_chunk(
    schema: _Schema, ids: list[int], changes: Counter[Cell], touched: set[tuple[str, str]]
) -> None:
    if connection.features.has_select_for_update:
        # two transactions recounting one event must take turns, or both would add it
        list(
            schema.event._base_manager.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk")
        )
    before = {
        row.event_id: Counted(row.kind, row.year, frozenset((d, v) for d, v in row.values))
        for row in schema.ledger.objects.select_for_update().filter(event_id__in=ids).order_by("event_id")
    }
    now = counted_now(schema, ids)
    gone, counted = [], []
    for pk in ids:
        old, new = before.get(pk), now.get(pk)
        if old == new:
            continue
        # what a page filtered by any of its values (before or after) counts has changed, and
        # what every unfiltered page counts
        touched.update(old.values if old else (), new.values if new else (), [ANY_EVENT])
        if old is not None:
            changes.subtract(old.cells())
        if new is None:
            gone.append(pk)
        else:
            changes.update(new.cells())
            counted.append(schema.ledger(event_id=pk, kind=new.kind, year=new.year, values=_pairs(new)))
    schema.ledger.objects.filter(event_id__in=gone).delete()
    schema.ledger.objects.bulk_create(
        counted, update_conflicts=True, unique_fields=["event_id"], update_fields=["kind", "year", "values"]
    )


def counted_now(schema: _Schema, ids: Sequence[int]) -> dict[int, Counted]:
    """What each of these events counts under today; events the public cannot see are left out."""
    return _counted(schema, {"pk__in": ids}, {"event_id__in": ids})


def _counted(schema: _Schema, events: dict, links: dict) -> dict[int, Counted]:
    """What the public events among ``events`` (a filter) count under, from their ``links``."""
    found = {
        pk: (kind, day.year)
        for pk, kind, day in schema.published().filter(**events).values_list("pk", "kind", "date")
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


def _pairs(counted: Counted) -> list[list[str]]:
    """The ledger's JSON of an event's (dimension, value) pairs, in a stable order."""
    return sorted([list(pair) for pair in counted.values])


def _apply(schema: _Schema, changes: Counter[Cell]) -> None:
    """Adds the changes to the cells in one order every transaction shares (so two of them never
    wait for each other's rows crosswise), then drops the cells that fell to zero."""
    rows = sorted((cell, n) for cell, n in changes.items() if n)
    if not rows:
        return
    table, (dimension, kind, year, value, count) = _table(schema)
    _upsert(
        table,
        (dimension, kind, year, value, count),
        f"{count} = {table}.{count} + excluded.{count}",
        [(*cell, n) for cell, n in rows],
    )
    # both read facetcount_empty_idx: SQLite uses a partial index only under its very condition
    emptied = schema.cube.objects.filter(count__lte=0)
    if below_zero := emptied.filter(count__lt=0).first():
        raise CountsOutOfStep(f"facet counts below zero, e.g. {below_zero}: run rebuild_facet_counts")
    emptied.delete()


def _new_version(schema: _Schema, values: Sequence[tuple[str, str]]) -> None:
    """Gives these (dimension, value) pairs a new version (one random number per call: only
    its being new matters), in the shared order of :func:`_apply`."""
    if not values:
        return
    quote = connection.ops.quote_name
    table = quote(schema.versions._meta.db_table)
    dimension, value, version = (quote(c) for c in ("dimension", "value", "version"))
    stamp = secrets.randbits(62)
    _upsert(
        table, (dimension, value, version), f"{version} = excluded.{version}", [(*p, stamp) for p in values]
    )


def _upsert(table: str, columns: Sequence[str], update: str, rows: Sequence[tuple]) -> None:
    """INSERT … ON CONFLICT (all columns but the last) DO UPDATE SET ``update``, in batches
    (SQLite and PostgreSQL both speak it)."""
    row = f"({', '.join(['%s'] * len(columns))})"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _ROWS_PER_UPSERT):
            batch = rows[start : start + _ROWS_PER_UPSERT]
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([row] * len(batch))} "
                f"ON CONFLICT ({', '.join(columns[:-1])}) DO UPDATE SET {update}",
                [param for values in batch for param in values],
            )


def versions(values: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The current version of each (dimension, value) pair; a pair never counted has none."""
    wanted: dict[str, list[str]] = defaultdict(list)
    for dimension, value in values:
        wanted[dimension].append(value)
    if not wanted:
        return {}
    condition = Q()
    for dimension, listed in wanted.items():
        condition |= Q(dimension=dimension, value__in=listed)
    rows = _installed().versions.objects.filter(condition).values_list("dimension", "value", "version")
    return {(dimension, value): version for dimension, value, version in rows}


# --- counting everything again --------------------------------------------------------------------


@dataclass
class RebuildReport:
    events: int  # published events counted
    cells: int  # cells in the rollup
    differed: int  # cells whose stored count was wrong or missing, or that should not have been there

    def summary(self) -> str:
        return (
            f"counted {self.events} published events in {self.cells} cells; "
            f"{self.differed} cells differed from the stored counts"
        )


def rebuild(*, apps=None) -> RebuildReport:
    """Empties the rollup and counts every published event again: the cells with a few grouped
    INSERT … SELECTs, the ledger with the same code as :func:`recount_events`; reports how many
    cells were not what it found (0 when every change went through :func:`recount_events`).
    ``apps`` is a migration's app registry (default: the installed models)."""
    schema = _installed() if apps is None else _Schema.of(apps)
    table, columns = _table(schema)
    cells, key = ", ".join(columns), ", ".join(columns[:4])
    before = connection.ops.quote_name("facetcount_before_rebuild")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE {before} AS SELECT {cells} FROM {table}")
        schema.cube.objects.all().delete()
        schema.ledger.objects.all().delete()
        events = _rebuild_ledger(schema)
        _rebuild_cells(schema)
        differed = 0
        for sql in (
            f"SELECT {cells} FROM {table} EXCEPT SELECT {cells} FROM {before}",  # new or changed
            f"SELECT {key} FROM {before} EXCEPT SELECT {key} FROM {table}",  # gone
        ):
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS differing")
            differed += cursor.fetchone()[0]
        cursor.execute(f"DROP TABLE {before}")
        _renew_versions(schema)
        for model in (schema.cube, schema.ledger, schema.versions):
            # fresh statistics: a planner that still thinks the rollup empty scans it whole
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        return RebuildReport(events=events, cells=schema.cube.objects.count(), differed=differed)


def _renew_versions(schema: _Schema) -> None:
    """Every value, counted before or now, gets a new version: counts cached under the old ones
    may be wrong (that is why one rebuilds)."""
    stamp = secrets.randbits(62)
    schema.versions.objects.update(version=stamp)
    known = set(schema.versions.objects.values_list("dimension", "value"))
    totals = schema.cube.objects.filter(kind=ALL_KINDS, year=ALL_YEARS).values_list("dimension", "value")
    schema.versions.objects.bulk_create(
        [
            schema.versions(dimension=d, value=v, version=stamp)
            for d, v in [ANY_EVENT, *totals.iterator()]
            if (d, v) not in known
        ],
        batch_size=1000,
    )


def _rebuild_ledger(schema: _Schema) -> int:
    """One ledger row per published event, a range of ids at a time (ranges, not lists of ids:
    no bound on query parameters, and the link tables are read in index order)."""
    last = schema.event._base_manager.order_by("-pk").values_list("pk", flat=True).first() or 0
    total = 0
    for low in range(1, last + 1, _REBUILD_CHUNK):
        high = low + _REBUILD_CHUNK - 1
        found = _counted(schema, {"pk__range": (low, high)}, {"event_id__gte": low, "event_id__lte": high})
        rows = [
            schema.ledger(event_id=pk, kind=c.kind, year=c.year, values=_pairs(c)) for pk, c in found.items()
        ]
        schema.ledger.objects.bulk_create(rows, batch_size=1000)
        total += len(rows)
    return total


def _rebuild_cells(schema: _Schema) -> None:
    published = {"event__status": EventStatus.PUBLISHED, "event__merged_into__isnull": True}
    event_year = ExtractYear("event__date")
    # the finest grain (each kind, each year), one grouped query per dimension
    _insert_select(
        schema,
        schema.published()
        .order_by()
        .values_list(Value(EVENT), "kind", ExtractYear("date"), Value(""))
        .annotate(n=Count("pk")),
    )
    for dimension, (link, column) in schema.links.items():
        _insert_select(
            schema,
            link.objects.filter(**published)
            .order_by()
            .values_list(Value(dimension), F("event__kind"), event_year, Cast(column, CharField()))
            .annotate(n=Count("event_id", distinct=True)),
        )
    parks, _ = schema.links[PARK]
    _insert_select(
        schema,
        parks.objects.filter(**published)
        .exclude(park__province="")
        .order_by()
        .values_list(Value(PROVINCE), F("event__kind"), event_year, F("park__province"))
        .annotate(n=Count("event_id", distinct=True)),
    )
    # the coarser grains are sums of the finest: an event has one kind and one year, so a sum
    # over kinds or years counts each event once
    table, (dimension, kind, year, value, count) = _table(schema)
    finest = f"FROM {table} WHERE {kind} <> %s AND {year} <> %s AND {dimension} <> %s"
    with connection.cursor() as cursor:
        for grain_kind, grain_year, group_by in (
            (kind, "0", f"{dimension}, {kind}, {value}"),  # each kind, all years
            ("''", year, f"{dimension}, {year}, {value}"),  # all kinds, each year
            ("''", "0", f"{dimension}, {value}"),  # all of them
        ):
            cursor.execute(
                f"INSERT INTO {table} ({dimension}, {kind}, {year}, {value}, {count}) "
                f"SELECT {dimension}, {grain_kind}, {grain_year}, {value}, SUM({count}) {finest} "
                f"GROUP BY {group_by}",
                [ALL_KINDS, ALL_YEARS, EVENT],
            )


def _insert_select(schema: _Schema, rows: QuerySet) -> None:
    """``INSERT INTO`` the rollup ``SELECT`` what ``rows`` (dimension, kind, year, value, count) selects."""
    sql, params = rows.query.sql_with_params()
    table, columns = _table(schema)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({', '.join(columns)}) {sql}", params)


def _table(schema: _Schema) -> tuple[str, tuple[str, ...]]:
    """The rollup's table and its (dimension, kind, year, value, count) columns, quoted for SQL."""
    quote = connection.ops.quote_name
    columns = ("dimension", "kind", "year", "value", "count")
    return quote(schema.cube._meta.db_table), tuple(quote(c) for c in columns)


# --- reading the counts ---------------------------------------------------------------------------


def _years(year_from: int | None, year_to: int | None) -> Q:
    return Q(year__gte=year_from or 1, year__lte=year_to or 9999)


def _cells(dimension: str, kinds: Sequence[str], year_from: int | None, year_to: int | None) -> QuerySet:
    """The cells of one dimension at the grain that answers these kinds and years directly."""
    cells = _installed().cube.objects.filter(dimension=dimension)
    cells = cells.filter(kind__in=kinds) if kinds else cells.filter(kind=ALL_KINDS)
    return cells.filter(_years(year_from, year_to)) if year_from or year_to else cells.filter(year=ALL_YEARS)


def kind_counts(
    *, year_from: int | None = None, year_to: int | None = None, of: tuple[str, str] = (EVENT, "")
) -> dict[str, int]:
    """Published events per kind within the years: all of them, or those naming ``of`` (a
    (dimension, value) pair such as ("park", "12"))."""
    dimension, value = of
    cells = _installed().cube.objects.filter(_years(year_from, year_to), dimension=dimension, value=value)
    cells = cells.exclude(kind=ALL_KINDS).order_by()
    return dict(cells.values_list("kind").annotate(n=Sum("count")).values_list("kind", "n"))


def year_counts(*, kinds: Sequence[str] = (), of: tuple[str, str] = (EVENT, "")) -> dict[int, int]:
    """Published events per year, of these kinds (all when none), all or those naming ``of``."""
    dimension, value = of
    cells = _installed().cube.objects.filter(dimension=dimension, value=value).exclude(year=ALL_YEARS)
    cells = (cells.filter(kind__in=kinds) if kinds else cells.exclude(kind=ALL_KINDS)).order_by()
    return dict(cells.values_list("year").annotate(n=Sum("count")).values_list("year", "n"))


def top_values(
    dimension: str,
    *,
    kinds: Sequence[str] = (),
    year_from: int | None = None,
    year_to: int | None = None,
    limit: int | None = None,
    only: Sequence[str] | None = None,
) -> list[tuple[str, int]]:
    """(value, published events) of one dimension, most events first, then by entity id (or by
    province name); ``only`` restricts it to some values (the ones a reader selected)."""
    cells = _cells(dimension, kinds, year_from, year_to)
    if only is not None:
        cells = cells.filter(value__in=list(only))
    tie = "value" if dimension == PROVINCE else Cast("value", BigIntegerField())
    if not (kinds or year_from or year_to):
        # one cell a value: read straight off facetcount_top_idx, no sum
        rows = cells.order_by("-count", tie).values_list("value", "count")
    else:
        rows = cells.values("value").annotate(n=Sum("count")).order_by("-n", tie).values_list("value", "n")
    return list(rows[:limit] if limit else rows)
