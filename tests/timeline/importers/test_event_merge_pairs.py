"""Cross-document merging in the database, as a table: two one-sentence documents, imported one
after the other, report one event or two. Then the date test of the candidate query, as a table,
and its cost. (``test_event_likeness.py`` has the rule alone; ``test_event_merge.py`` what a merge
keeps.)
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people.models import Park
from timeline.importers import import_document, overlapping_events
from timeline.models import Event

from .builders import DocumentBuilder

pytestmark = pytest.mark.django_db

FORUM = "5月8日，星河高新区人工智能产业创新论坛在星河会展中心举行"
FORUM_TITLE = "星河高新区人工智能产业创新论坛"
SIGNUP = "5月8日，科技部批复同意{}建设国家自主创新示范区，成为全省第三家示范区"
STATISTIC = "2023年，{}实现营业收入{}亿元，同比增长{}%"


def document(sentence: str, *, name: str, **draft):
    """One document stating one sentence, and the draft the extractor would give for it."""
    draft.setdefault("title", FORUM_TITLE)
    text = f"{sentence}。（来源：{name}）"  # each document is other content
    return DocumentBuilder(text, name=name, published="2024-05-12").event(sentence, **draft).build()


MERGE = [
    (
        "a near-identical copy: another title, the park linked in the copy only",
        dict(sentence=FORUM),
        dict(sentence=FORUM, title="5月8日，星河高新区人工智能产业创新论坛在星河会展", parks=["星河高新区"]),
    ),
    (
        "a near-identical copy behind another paper's lead-in, no entity linked in either",
        dict(sentence=FORUM, title="星河论坛"),
        dict(sentence="本报讯（记者 李明）" + FORUM, title="本报讯（记者 李明）5月8日，星河高新区"),
    ),
    (
        "two papers in their own words, sharing the park",
        dict(sentence=FORUM, parks=["星河高新区"]),
        dict(
            sentence="5月8日，由星河市科技局主办的星河高新区人工智能产业创新论坛召开",
            title="人工智能产业创新论坛在星河召开",
            parks=["星河高新区"],
            organisations=[("星河市科技局", "organiser")],
        ),
    ),
    (
        "a month, then a day in it",
        dict(sentence="5月，星河高新区举办人工智能产业创新论坛", date="2024-05", parks=["星河高新区"]),
        dict(sentence=FORUM, parks=["星河高新区"]),
    ),
    (
        "a day, then its month",
        dict(sentence=FORUM, parks=["星河高新区"]),
        dict(sentence="5月，星河高新区举办人工智能产业创新论坛", date="2024-05", parks=["星河高新区"]),
    ),
    (
        "a 近日 window, then a day inside it",
        dict(
            sentence="近日，星河高新区人工智能产业创新论坛在星河会展中心举行",
            date="2024-05-12",
            window=("2024-04-28", "2024-05-12"),
            parks=["星河高新区"],
        ),
        dict(sentence=FORUM, parks=["星河高新区"]),
    ),
    (
        "a year, then a day in it",
        dict(sentence="2024年，星河高新区举办人工智能产业创新论坛", date="2024", parks=["星河高新区"]),
        dict(sentence=FORUM, parks=["星河高新区"]),
    ),
    (
        "one statistic, a copy with the park linked in one only",
        dict(
            sentence=STATISTIC.format("星河高新区", 1200, 12),
            kind="statistic",
            date="2023",
            title="营业收入1200亿元",
        ),
        dict(
            sentence=STATISTIC.format("星河高新区", 1200, 12),
            kind="statistic",
            date="2023",
            title="星河高新区营业收入1200亿元",
            parks=["星河高新区"],
        ),
    ),
]

APART = [
    (
        "two park sign-ups on one day, one template sentence, different parks",
        dict(
            sentence=SIGNUP.format("星河高新区"), kind="park_signup", title="获批自创区", parks=["星河高新区"]
        ),
        dict(
            sentence=SIGNUP.format("云岭高新区"), kind="park_signup", title="获批自创区", parks=["云岭高新区"]
        ),
    ),
    (
        "two statistics of different parks",
        dict(
            sentence=STATISTIC.format("星河高新区", 1200, 12),
            kind="statistic",
            date="2023",
            title="营业收入1200亿元",
            parks=["星河高新区"],
        ),
        dict(
            sentence=STATISTIC.format("云岭高新区", 800, 12),
            kind="statistic",
            date="2023",
            title="营业收入800亿元",
            parks=["云岭高新区"],
        ),
    ),
    (
        "same kind and day, different organisations, dissimilar sentences",
        dict(
            sentence="5月8日，星河市科技局举办星河大学生创新创业大赛决赛",
            kind="contest",
            title="创新创业大赛决赛",
            organisations=[("星河市科技局", "organiser")],
        ),
        dict(
            sentence="5月8日，云岭市科技局主办的青年创新创业大赛决赛在云岭落幕",
            kind="contest",
            title="创新创业大赛决赛",
            organisations=[("云岭市科技局", "organiser")],
        ),
    ),
    (
        "one sentence, another kind",
        dict(sentence=FORUM),
        dict(sentence=FORUM, kind="contest"),
    ),
    (
        "one sentence, another day",
        dict(sentence=FORUM),
        dict(sentence=FORUM, date="2024-05-09"),
    ),
    (
        "a month, then a day of another month",
        dict(sentence="4月，星河高新区举办人工智能产业创新论坛", date="2024-04", parks=["星河高新区"]),
        dict(sentence=FORUM, parks=["星河高新区"]),
    ),
    (
        "a 近日 window, then a day before it",
        dict(
            sentence="近日，星河高新区人工智能产业创新论坛在星河会展中心举行",
            date="2024-05-12",
            window=("2024-05-01", "2024-05-12"),
            parks=["星河高新区"],
        ),
        dict(sentence="4月20日，星河高新区人工智能产业创新论坛在星河会展中心举行", date="2024-04-20"),
    ),
]


@pytest.mark.parametrize(("why", "first", "second"), MERGE, ids=[row[0] for row in MERGE])
def test_two_documents_reporting_one_event_make_one_event(why, first, second):
    import_document(document(name="first.txt", **first))

    result = import_document(document(name="second.txt", **second))

    assert (result.events_new, result.events_merged) == (0, 1)
    assert Event.objects.get().evidence.count() == 2


@pytest.mark.parametrize(("why", "first", "second"), APART, ids=[row[0] for row in APART])
def test_two_documents_reporting_different_events_make_two(why, first, second):
    import_document(document(name="first.txt", **first))

    result = import_document(document(name="second.txt", **second))

    assert (result.events_new, result.events_merged) == (1, 0)
    assert Event.objects.count() == 2


def test_a_report_joins_the_closest_of_the_events_it_may_be():
    """Two stored events of the park, both titled like the report: it joins the one whose title
    is closest, not the first stored."""
    park = Park.objects.create(name="星河高新区")
    for title in ("星河科技论坛年会", "星河科技论坛开幕式"):
        Event.objects.create(kind="forum", title=title, date=dt.date(2024, 4, 25)).parks.add(park)

    sentence = "4月25日，星河科技论坛开幕式在星河会展中心举行"
    doc = document(
        sentence, name="report.txt", date="2024-04-25", title="星河科技论坛开幕式举行", parks=[park.name]
    )
    import_document(doc)

    assert [(e.title, e.evidence.count()) for e in Event.objects.order_by("id")] == [
        ("星河科技论坛年会", 0),
        ("星河科技论坛开幕式", 1),
    ]


def event(date: str, precision: str = "day", end_date: str | None = None, window=None) -> Event:
    return Event.objects.create(
        kind="forum",
        title="论坛",
        date=dt.date.fromisoformat(date),
        precision=precision,
        end_date=dt.date.fromisoformat(end_date) if end_date else None,
        window_start=dt.date.fromisoformat(window[0]) if window else None,
        window_end=dt.date.fromisoformat(window[1]) if window else None,
    )


WINDOW = ("2024-04-28", "2024-05-12")  # 近日 in a paper of 12 May


@pytest.mark.parametrize(
    ("stored", "days", "meets"),
    [
        (dict(date="2024-05-08"), ("2024-05-08", "2024-05-08"), True),
        (dict(date="2024-05-08"), ("2024-05-09", "2024-05-09"), False),
        (dict(date="2024-05-08"), ("2024-05-01", "2024-05-31"), True),  # a day inside a month
        (dict(date="2024-05-01", precision="month"), ("2024-05-31", "2024-05-31"), True),
        (dict(date="2024-05-01", precision="month"), ("2024-04-30", "2024-04-30"), False),
        (dict(date="2024-05-01", precision="month"), ("2024-06-01", "2024-06-01"), False),
        (dict(date="2024-01-01", precision="year"), ("2024-12-31", "2024-12-31"), True),
        (dict(date="2024-01-01", precision="year"), ("2025-01-01", "2025-01-01"), False),
        (dict(date="2024-01-01", precision="year"), ("2023-12-31", "2023-12-31"), False),
        (dict(date="2024-05-06", end_date="2024-05-09"), ("2024-05-09", "2024-05-09"), True),
        (dict(date="2024-05-06", end_date="2024-05-09"), ("2024-05-10", "2024-05-10"), False),
        (dict(date="2024-05-12", window=WINDOW), ("2024-05-01", "2024-05-01"), True),  # dated after the day
        (dict(date="2024-05-12", window=WINDOW), ("2024-04-27", "2024-04-27"), False),
        (dict(date="2024-05-12", window=WINDOW), ("2024-05-13", "2024-05-13"), False),
        (dict(date="2024-05-12", window=WINDOW), ("2024-04-01", "2024-04-30"), True),  # a month it straddles
    ],
)
def test_candidate_events_are_those_whose_days_meet_the_reports(stored, days, meets):
    stored_event = event(**stored)
    start, end = (dt.date.fromisoformat(day) for day in days)

    assert (stored_event in overlapping_events("forum", start, end)) is meets
    assert stored_event not in overlapping_events("contest", start, end)


def test_merged_events_are_no_candidates_but_rejected_ones_are():
    target = event("2024-05-08")
    merged = event("2024-05-08")
    Event.objects.filter(pk=merged.pk).update(merged_into=target)
    rejected = event("2024-05-08")
    Event.objects.filter(pk=rejected.pk).update(status=Event.Status.REJECTED)

    day = dt.date(2024, 5, 8)
    assert set(overlapping_events("forum", day, day)) == {target, rejected}


def queries_to_import_a_report(*, stored: int, month: int, park: str) -> int:
    """Queries to import one report of a new park while ``stored`` forums of other parks, on the
    report's day, are candidates."""
    for number in range(stored):
        other = f"第{month}{number}号高新区"
        sentence = f"{month}月8日，{other}人工智能产业创新论坛举行"
        doc = document(sentence, name=f"{month}-{number}.txt", date=f"2024-{month:02d}-08", parks=[other])
        import_document(doc)
    sentence = f"{month}月8日，{park}人工智能产业创新论坛在会展中心举行"
    doc = document(sentence, name=f"{month}.txt", date=f"2024-{month:02d}-08", parks=[park])
    with CaptureQueriesContext(connection) as queries:
        assert import_document(doc).events_new == 1
    return len(queries)


def test_matching_costs_the_same_whatever_the_number_of_candidates():
    one = queries_to_import_a_report(stored=1, month=5, park="星河高新区")

    assert queries_to_import_a_report(stored=8, month=6, park="云岭高新区") == one
