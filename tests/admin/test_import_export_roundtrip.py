"""Export every resource, wipe the database, import the files: the same rows come back.

Rows are compared as natural-key tuples (names, never ids), relations included.
"""

from __future__ import annotations

import datetime as dt

import pytest
from import_export.formats.base_formats import CSV, XLSX

from people.dates import format_precise_date, parse_precise_date
from people.models import Alias, Organisation, Park, Person, Position, Precision
from policies.models import Policy
from timeline.models import Event, Evidence, NewsItem, Source
from timeline.resources import (
    EventResource,
    EvidenceResource,
    NewsItemResource,
    OrganisationResource,
    ParkResource,
    PersonResource,
    PolicyResource,
    PositionResource,
    SourceResource,
)

from .conftest import build_world

pytestmark = pytest.mark.django_db

# in import order: a row's relations are imported before it
RESOURCES = (
    OrganisationResource,
    ParkResource,
    PersonResource,
    PolicyResource,
    SourceResource,
    NewsItemResource,
    PositionResource,
    EventResource,
    EvidenceResource,
)


def names(manager, attr: str = "name") -> tuple:
    return tuple(sorted(str(getattr(x, attr)) for x in manager.all()))


def snapshot() -> dict[str, set[tuple]]:
    def name(obj):
        return obj.name if obj else None

    def label(event):
        return (event.date, event.title) if event else None

    return {
        "organisations": {
            (o.name, o.slug, o.kind, name(o.parent), name(o.predecessor), o.renamed_on, o.country)
            + (o.description, o.is_reviewed, names(o.aliases))
            for o in Organisation.objects.all()
        },
        "parks": {
            (p.name, p.slug, p.level, p.province, p.city, name(p.parent), p.approved_on, p.approved_precision)
            + (name(p.managing_organisation), p.description, p.is_reviewed, names(p.aliases))
            for p in Park.objects.all()
        },
        "people": {
            (p.name, p.disambiguation, p.slug, p.description, p.is_reviewed, names(p.aliases))
            for p in Person.objects.all()
        },
        "positions": {
            (str(p.person), name(p.organisation), p.title, p.first_seen, p.last_seen, p.start_on, p.end_on)
            + (p.source.content_sha256 if p.source else None, p.quote)
            for p in Position.objects.all()
        },
        "policies": {
            (p.title, p.slug, p.short_title, p.document_number, p.kind, names(p.issuers), p.status, p.url)
            + (p.written_on, p.written_precision, p.published_on, p.published_precision)
            + (p.effective_on, p.effective_precision, p.period_start, p.period_end, p.summary, p.is_reviewed)
            for p in Policy.objects.all()
        },
        "sources": {
            (s.content_sha256, s.title, s.publisher, s.issue_label, s.published_on, s.published_precision)
            + (s.url, s.file_name, s.media_type, s.encoding, s.raw_text, s.clean_text)
            for s in Source.objects.all()
        },
        "news items": {
            (n.source.content_sha256, n.position, n.headline, n.dateline, n.byline, n.start, n.end)
            for n in NewsItem.objects.all()
        },
        # not status or merged_into: a spreadsheet never sets them (only the review services do)
        "events": {
            (e.date, e.precision, e.title, e.end_date, e.window_start, e.window_end, e.kind)
            + (
                e.confidence,
                e.summary,
                names(e.parks),
                names(e.people, "__str__"),
                names(e.policies, "title"),
            )
            + (tuple(sorted(e.organisation_roles.values_list("organisation__name", "role"))),)
            for e in Event.objects.all()
        },
        "evidence": {
            (label(v.event), v.news_item.source.content_sha256, v.news_item.position, v.start, v.end)
            + (v.raw_start, v.raw_end, v.date_phrase, v.quote)
            for v in Evidence.objects.all()
        },
    }


def varied_world() -> None:
    """The fixture world plus the awkward cases: precisions, windows, merges, foreign records."""
    a, b, c = build_world(3)
    Event.objects.filter(pk=a.pk).update(
        precision=Precision.MONTH,
        date=dt.date(2024, 4, 1),
        end_date=dt.date(2024, 4, 30),
        summary="摘要，含逗号",
    )
    Event.objects.filter(pk=b.pk).update(
        window_start=dt.date(2024, 4, 13), window_end=dt.date(2024, 4, 27), status=Event.Status.PUBLISHED
    )
    Event.objects.filter(pk=c.pk).update(merged_into=a, precision=Precision.YEAR, date=dt.date(2023, 1, 1))
    Organisation.objects.create(name="Foreign Science Park Association", kind="foreign", country="US")
    Park.objects.filter(name="测试高新区0").update(
        approved_precision=Precision.DAY, approved_on=dt.date(1988, 5, 10)
    )
    Policy.objects.filter(title__endswith="0").update(
        document_number="国科发〔2024〕1号", written_on=dt.date(2024, 3, 1), effective_on=None
    )
    Person.objects.create(name="李四", disambiguation="某大学教授")
    Alias.objects.create(name="李老师", person=Person.objects.get(name="李四"))


def without_review_columns(dataset):
    """An event file as a reviewer restoring content into an empty database imports it: the
    status and merge columns emptied (the review decisions are made again), and the ids too (they
    were the other database's), importing with "create new events" ticked (``restoring``)."""
    if "status" in dataset.headers:
        dataset.dict = [{**row, "id": "", "status": "", "merged_into": ""} for row in dataset.dict]
    return dataset


def restoring(resource):
    """The resource as a restore imports with it: rows without an id make new events."""
    return resource(create_new=True) if resource is EventResource else resource()


def wipe() -> None:
    for model in (Evidence, Event, Position, Policy, Alias, Person, Park, Organisation, NewsItem, Source):
        model.objects.all().delete()


@pytest.mark.parametrize("file_format", [CSV, XLSX], ids=["csv", "xlsx"])
def test_export_then_import_into_an_empty_database_gives_the_same_rows(file_format):
    varied_world()
    before = snapshot()
    fmt = file_format()
    files = {
        resource: fmt.export_data(resource().export(force_native_type=fmt.is_binary()))
        for resource in RESOURCES
    }
    wipe()
    assert not Organisation.objects.exists() and not Event.objects.exists()

    for resource, data in files.items():
        dataset = without_review_columns(fmt.create_dataset(data))
        result = restoring(resource).import_data(dataset, dry_run=False, raise_errors=True)
        assert not result.has_validation_errors(), (resource, result.invalid_rows)

    assert snapshot() == before
    assert set(Event.objects.values_list("status", "merged_into")) == {(Event.Status.CANDIDATE, None)}


def test_importing_twice_changes_nothing():
    varied_world()
    before = snapshot()
    fmt = CSV()
    for resource in RESOURCES:
        data = fmt.create_dataset(fmt.export_data(resource().export()))
        result = resource().import_data(data, dry_run=False, raise_errors=True)
        assert result.totals["new"] == 0, resource
    assert snapshot() == before


def test_an_event_row_is_its_id_and_names_its_relations():
    (event,) = build_world(1)
    dataset = EventResource().export()
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert dataset.headers[0] == "id" and str(row["id"]) == str(event.pk)
    assert row["parks"] == "测试高新区0"
    assert row["organisations"] == "测试局0:organiser"
    assert row["policies"] == "测试方案（2024—2027年）0"
    assert row["date"] == "2024-04-27"


def test_import_matches_names_in_any_bracket_width_and_reports_unknown_names():
    build_world(1)
    csv = CSV()
    text = "date,title,kind,status,confidence,parks,organisations,policies\n"
    text += "2024-05,新活动,forum,candidate,0.5,测试高新区0,测试局0:host,测试方案(2024-2027年)0\n"
    result = EventResource(create_new=True).import_data(
        csv.create_dataset(text), dry_run=False, raise_errors=True
    )
    assert result.totals["new"] == 1
    event = Event.objects.get(title="新活动")
    assert (event.date, event.precision) == (dt.date(2024, 5, 1), Precision.MONTH)
    assert event.policies.get().title == "测试方案（2024—2027年）0"

    bad = text.replace("测试高新区0", "不存在的园区").replace("新活动", "另一活动")
    result = EventResource(create_new=True).import_data(
        csv.create_dataset(bad), dry_run=False, raise_errors=False
    )
    assert result.has_errors() or result.has_validation_errors()
    assert not Event.objects.filter(title="另一活动").exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", (dt.date(2024, 1, 1), Precision.YEAR)),
        ("2024-04", (dt.date(2024, 4, 1), Precision.MONTH)),
        ("2024-04-27", (dt.date(2024, 4, 27), Precision.DAY)),
        (2024.0, (dt.date(2024, 1, 1), Precision.YEAR)),
        (dt.datetime(2024, 4, 27, 0, 0), (dt.date(2024, 4, 27), Precision.DAY)),
        ("", None),
    ],
)
def test_precise_dates_parse(text, expected):
    assert parse_precise_date(text) == expected
    if expected:
        assert parse_precise_date(format_precise_date(*expected)) == expected


def test_precise_date_rejects_nonsense():
    with pytest.raises(ValueError):
        parse_precise_date("2024年4月")


def test_rows_may_come_before_the_rows_they_refer_to():
    build_world(2)
    a, b = Event.objects.order_by("id")
    Event.objects.filter(pk=b.pk).update(merged_into=a)
    before = snapshot()
    csv = CSV()
    files = {}
    for resource in RESOURCES:
        dataset = resource().export()
        rows = list(dataset)[::-1]  # children before parents, merged events before survivors
        dataset.wipe()
        dataset.headers = resource().get_export_headers()
        for row in rows:
            dataset.append(row)
        files[resource] = csv.export_data(dataset)
    assert files[OrganisationResource].splitlines()[1].startswith("测试局1")  # its parent comes later
    wipe()
    for resource, data in files.items():
        dataset = without_review_columns(csv.create_dataset(data))
        restoring(resource).import_data(dataset, dry_run=False, raise_errors=True)
    assert snapshot() == before
