"""Cross-document and in-document merging: one Event per real event, one Evidence per report."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.importers import import_document, title_similarity
from timeline.models import Event, EventOrganisation, Evidence

from .builders import POLICY_TITLE, DocumentBuilder, forum_follow_up, forum_report

pytestmark = pytest.mark.django_db

FORUM = "5月8日，星河高新区人工智能产业创新论坛举行"


def report(
    date: str = "2024-05-08",
    *,
    name: str = "other.txt",
    title: str = "星河高新区人工智能产业创新论坛",
    sentence: str = FORUM,
    **fields,
):
    """A one-sentence report (of the forum unless told), from another document."""
    fields.setdefault("parks", ["星河高新区"])
    text = f"{sentence}。（来源：{name}）"  # each report is other content
    return DocumentBuilder(text, name=name, published="2024-05-12").event(
        sentence, date=date, title=title, **fields
    )


def test_two_documents_reporting_one_forum_make_one_event_with_two_evidence():
    first = import_document(forum_report().build())
    second = import_document(forum_follow_up().build())

    assert (first.events_new, second.events_new, second.events_merged) == (2, 0, 1)
    forum = Event.objects.get(kind="forum")
    assert sorted(e.news_item.source.file_name for e in forum.evidence.all()) == ["follow-up.txt", "news.txt"]
    roles = {(r.organisation.name, r.role) for r in EventOrganisation.objects.filter(event=forum)}
    assert roles == {("星河市科技局", "participant"), ("星河市科技局", "organiser")}  # relations are unioned


def test_another_day_is_another_event():
    import_document(report("2024-05-08").build())
    result = import_document(report("2024-05-09", name="next-day.txt").build())

    assert (result.events_new, result.events_merged) == (1, 0)
    assert Event.objects.count() == 2


def test_no_shared_park_organisation_or_policy_is_another_event():
    import_document(report(parks=["星河高新区"]).build())
    result = import_document(report(parks=["云岭高新区"], name="elsewhere.txt").build())

    assert result.events_merged == 0 and Event.objects.count() == 2


def test_a_dissimilar_title_and_sentence_is_another_event():
    import_document(report(title="星河高新区人工智能产业创新论坛").build())
    expo = "5月8日，星河高新区生物医药招商推介会在星河宾馆举办"
    other = report(title="星河高新区生物医药招商推介会", sentence=expo, name="expo.txt")
    result = import_document(other.build())

    assert result.events_merged == 0 and Event.objects.count() == 2


def test_another_kind_is_another_event():
    import_document(report().build())
    result = import_document(report(kind="contest", name="contest.txt").build())

    assert result.events_merged == 0 and Event.objects.count() == 2


def test_a_day_inside_a_month_merges_and_refines_the_date():
    import_document(report("2024-05").build())
    result = import_document(report("2024-05-08", name="precise.txt").build())

    assert result.events_merged == 1
    event = Event.objects.get()
    assert (event.date, event.precision) == (dt.date(2024, 5, 8), "day")
    assert event.evidence.count() == 2


def test_a_known_day_replaces_a_vague_window():
    import_document(report("2024-05-12", window=("2024-04-28", "2024-05-12")).build())
    import_document(report("2024-05-08", name="precise.txt").build())

    event = Event.objects.get()
    assert (event.date, event.precision, event.window_start, event.window_end) == (
        dt.date(2024, 5, 8),
        "day",
        None,
        None,
    )


def test_a_vaguer_report_keeps_the_precise_date():
    import_document(report("2024-05-08").build())
    result = import_document(report("2024-05", name="vague.txt").build())

    assert result.events_merged == 1
    assert (Event.objects.get().date, Event.objects.get().precision) == (dt.date(2024, 5, 8), "day")


def test_a_day_inside_a_multi_day_event_merges():
    import_document(report("2024-05-06", end_date="2024-05-09").build())
    result = import_document(report("2024-05-08", name="day-two.txt").build())

    assert result.events_merged == 1
    assert Event.objects.get().end_date == dt.date(2024, 5, 9)


def test_the_same_policy_release_merges_whatever_the_titles():
    import_document(forum_report().build())
    text = f"星河高新区出台《{POLICY_TITLE}》，支持企业开展人工智能应用。"
    doc = DocumentBuilder(text, name="policy.txt").event(
        f"星河高新区出台《{POLICY_TITLE}》",
        kind="policy_release",
        date="2024-05-06",
        title="支持企业开展人工智能应用",
        policies=[POLICY_TITLE],
    )

    result = import_document(doc.build())

    assert result.events_merged == 1
    release = Event.objects.get(kind="policy_release")
    assert (release.date, release.precision) == (dt.date(2024, 5, 6), "day")


def test_a_copy_of_a_rejected_report_is_rejected_with_it():
    """An editor's "no" sticks: another paper printing the rejected sentence adds its evidence to
    the rejected event instead of proposing it again."""
    import_document(report().build())
    Event.objects.update(status=Event.Status.REJECTED)

    result = import_document(report(name="again.txt").build())

    assert (result.events_new, result.events_merged) == (0, 1)
    rejected = Event.objects.get()
    assert rejected.status == Event.Status.REJECTED and rejected.evidence.count() == 2


def test_merged_events_take_no_new_evidence():
    import_document(report().build())
    survivor = Event.objects.create(kind="other", title="别的事件", date=dt.date(2024, 5, 8))
    Event.objects.exclude(pk=survivor.pk).update(merged_into=survivor)

    result = import_document(report(name="again.txt").build())

    assert (result.events_new, result.events_merged) == (1, 0)


def test_drafts_of_one_document_describing_one_event_the_same_way_merge():
    text = "5月8日，星河论坛开幕。\n\n本报讯 5月8日，星河论坛在星河会展中心开幕。"
    doc = (
        DocumentBuilder(text)
        .event("5月8日，星河论坛开幕", title="星河论坛开幕")
        .event("本报讯 5月8日，星河论坛在星河会展中心开幕", title="星河论坛在会展中心开幕")
    )

    result = import_document(doc.build())

    assert (result.events_new, result.events_merged) == (1, 1)
    event = Event.objects.get()
    assert sorted(e.news_item.position for e in event.evidence.all()) == [0, 1]


def test_one_passage_stated_twice_is_one_evidence():
    doc = DocumentBuilder(FORUM + "。").event(FORUM, title="创新论坛").event(FORUM, title="创新论坛举行")

    import_document(doc.build())

    assert (Event.objects.count(), Evidence.objects.count()) == (1, 1)


@pytest.mark.parametrize(
    ("first", "second", "similar"),
    [
        ("星河高新区人工智能产业创新论坛", "星河高新区人工智能产业创新论坛召开", True),
        ("人工智能论坛", "星河高新区人工智能产业创新论坛", True),  # a short title inside a long one
        ("人工智能大会", "星河高新区生物医药产业创新论坛", False),
        ("第五届创新创业大赛", "创新创业大赛决赛", True),
        ("星河高新区人工智能产业创新论坛", "星河高新区生物医药招商推介会", False),
        ("", "星河论坛", False),
    ],
)
def test_title_similarity(first, second, similar):
    assert (title_similarity(first, second) >= 0.5) is similar


def test_alike_drafts_about_different_parks_stay_apart():
    text = "2023年，星河高新区实现营业收入1200亿元。\n\n2023年，云岭高新区实现营业收入800亿元。"
    doc = DocumentBuilder(text)
    for park, figure in (("星河高新区", "1200"), ("云岭高新区", "800")):
        sentence = f"2023年，{park}实现营业收入{figure}亿元"
        doc.event(sentence, kind="statistic", date="2023", title=sentence, parks=[park])

    result = import_document(doc.build())

    assert (result.events_new, result.events_merged) == (2, 0)


def test_statistics_quoting_different_figures_stay_apart():
    text = "2023年，星河高新区企业总收入增长12%，新增高新技术企业300家。"
    doc = (
        DocumentBuilder(text)
        .event(
            "星河高新区企业总收入增长12%", kind="statistic", date="2023", title="星河高新区企业总收入增长12%"
        )
        .event(
            "新增高新技术企业300家", kind="statistic", date="2023", title="星河高新区新增高新技术企业300家"
        )
    )

    assert import_document(doc.build()).events_new == 2


def test_one_statistic_reported_by_two_documents_merges():
    sentence = "2023年，星河高新区实现营业收入1200亿元"
    for name in ("a.txt", "b.txt"):
        doc = DocumentBuilder(f"{sentence}。（{name}）", name=name).event(
            sentence, kind="statistic", date="2023", title=sentence, parks=["星河高新区"]
        )
        import_document(doc.build())

    assert Event.objects.count() == 1 and Evidence.objects.count() == 2
