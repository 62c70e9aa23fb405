"""import_document: what one document writes, re-import, entity resolution, one transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people.models import Alias, Organisation, Park, Person, Position
from policies.models import Policy
from timeline import search
from timeline.importers import import_document
from timeline.models import Event, EventOrganisation, Evidence, NewsItem, Source

from .builders import POLICY_TITLE, RAW_PREFIX, DocumentBuilder, forum_follow_up, forum_report

pytestmark = pytest.mark.django_db


def test_source_and_news_items_are_stored():
    doc = forum_report(publisher="星河日报", title="星河日报第3版", issue_label="第3期(总第101期)").build()

    result = import_document(doc, publisher="星河晚报", source_url="https://example.org/a")

    source = result.source
    assert result.created and result.items == 2
    assert (source.title, source.publisher, source.issue_label) == (
        "星河日报第3版",
        "星河晚报",
        "第3期(总第101期)",
    )
    assert (source.published_on, source.published_precision) == (dt.date(2024, 5, 10), "day")
    assert (source.file_name, source.media_type, source.encoding) == ("news.txt", "text/plain", "utf-8")
    assert source.url == "https://example.org/a"
    assert source.raw_text == RAW_PREFIX + doc.text and source.clean_text == doc.text
    items = list(source.items.all())
    assert [(i.position, i.headline, i.start, i.end) for i in items] == [
        (p, item.headline, item.start, item.end) for p, item in enumerate(doc.items)
    ]
    assert items[0].text.startswith("星河高新区举办人工智能产业论坛")


def test_month_precision_publication_and_publisher_from_the_document():
    doc = DocumentBuilder("星河高新区简讯", published="2024-05", publisher="星河日报").build()

    source = import_document(doc).source

    assert (source.published_on, source.published_precision, source.publisher) == (
        dt.date(2024, 5, 1),
        "month",
        "星河日报",
    )


def test_reimporting_the_same_content_writes_nothing():
    first = import_document(forum_report().build())
    counts = [
        m.objects.count() for m in (Source, NewsItem, Event, Evidence, Park, Organisation, Person, Policy)
    ]

    again = import_document(forum_report(name="renamed.txt").build(), publish=True)

    assert (again.created, again.source, again.events_new, again.events_merged, again.entities_new) == (
        False,
        first.source,
        0,
        0,
        0,
    )
    assert [
        m.objects.count() for m in (Source, NewsItem, Event, Evidence, Park, Organisation, Person, Policy)
    ] == counts


def test_new_entities_are_created_unreviewed_and_counted():
    result = import_document(forum_report().build())

    assert result.entities_new == 4  # a park, an organisation, a person, a policy
    assert Park.objects.get().name == "星河高新区"
    organisation = Organisation.objects.get()
    assert (organisation.name, organisation.kind) == ("星河市科技局", "agency")
    assert Person.objects.get().disambiguation == ""
    assert not any(m.objects.filter(is_reviewed=True).exists() for m in (Park, Organisation, Person, Policy))


def test_known_entities_are_reused_not_created():
    park = Park.objects.create(name="星河高新区", is_reviewed=True)

    result = import_document(forum_report().build())

    assert result.entities_new == 3
    assert list(Park.objects.all()) == [park]
    assert list(Event.objects.get(kind="forum").parks.all()) == [park]


def test_a_name_resolves_through_an_alias():
    park = Park.objects.create(name="星河高新技术产业开发区", is_reviewed=True)
    Alias.objects.create(name="星河高新区", park=park)
    bureau = Organisation.objects.create(name="星河市科学技术局")
    Alias.objects.create(name="星河市科技局", organisation=bureau)

    import_document(forum_report().build())

    assert Park.objects.count() == 1 and Organisation.objects.count() == 1
    event = Event.objects.get(kind="forum")
    assert list(event.parks.all()) == [park]
    assert list(event.organisations.all()) == [bureau]
    assert Position.objects.get().organisation == bureau


def test_a_name_beats_another_records_alias():
    named = Park.objects.create(name="星河高新区")
    other = Park.objects.create(name="星河科技城")
    Alias.objects.create(name="星河高新区", park=other)

    import_document(forum_report().build())

    assert list(Event.objects.get(kind="forum").parks.all()) == [named]


def test_a_shared_alias_of_a_renamed_agency_means_the_body_in_office():
    old = Organisation.objects.create(name="星河市科委")
    new = Organisation.objects.create(
        name="星河市科学技术局", predecessor=old, renamed_on=dt.date(2019, 1, 1)
    )
    Alias.objects.create(name="星河市科技局", organisation=old)
    Alias.objects.create(name="星河市科技局", organisation=new)

    for year in (2018, 2024):
        text = f"{year}年3月2日，星河市科技局召开工作会议。"
        doc = DocumentBuilder(text, name=f"{year}.txt", published=f"{year}-03-03")
        doc.event(
            text.rstrip("。"), kind="meeting", date=f"{year}-03-02", organisations=[("星河市科技局", "host")]
        )
        import_document(doc.build())

    assert Organisation.objects.count() == 2
    meetings = Event.objects.filter(kind="meeting").order_by("date")
    assert [list(event.organisations.all()) for event in meetings] == [[old], [new]]


def test_a_person_with_a_disambiguation_is_not_the_bare_name():
    namesake = Person.objects.create(name="王明远", disambiguation="中国工程院院士")

    import_document(forum_report().build())

    assert Person.objects.count() == 2
    assert namesake not in Event.objects.get(kind="forum").people.all()


def test_a_policy_mentioned_in_two_documents_is_one_record():
    import_document(forum_report().build())
    other = DocumentBuilder(f"星河市转发《{POLICY_TITLE.replace('—', '-')}》。", name="b.txt")
    other.mention(f"《{POLICY_TITLE.replace('—', '-')}》", kind="policy", name=POLICY_TITLE.replace("—", "-"))

    result = import_document(other.build())

    assert result.entities_new == 0
    policy = Policy.objects.get()
    assert (policy.title, policy.kind, policy.document_number) == (
        POLICY_TITLE,
        "measures",
        "星科发〔2024〕12号",
    )
    assert (policy.period_start, policy.period_end) == (2024, 2026)


def test_a_known_policy_gets_the_document_number_a_mention_gives():
    Policy.objects.create(title=POLICY_TITLE, document_number="")

    import_document(forum_report().build())

    assert Policy.objects.get().document_number == "星科发〔2024〕12号"


def test_a_policy_resolves_through_its_short_title():
    policy = Policy.objects.create(title="星河市科技创新条例", short_title="创新条例")
    doc = DocumentBuilder("星河市审议《创新条例》修订草案。").mention(
        "《创新条例》", kind="policy", name="创新条例"
    )

    assert import_document(doc.build()).entities_new == 0
    assert list(Policy.objects.all()) == [policy]


def test_positions_widen_first_and_last_seen():
    import_document(forum_report(published="2024-05-10").build())
    for published, text in (("2024-03-01", "三月"), ("2024-07-20", "七月")):
        doc = DocumentBuilder(
            f"{text}，星河市科技局局长王明远调研企业。", name=f"{text}.txt", published=published
        )
        import_document(
            doc.mention("王明远", kind="person", title="局长", organisation="星河市科技局").build()
        )

    position = Position.objects.get()
    assert (position.title, position.organisation.name) == ("局长", "星河市科技局")
    assert (position.first_seen, position.last_seen) == (dt.date(2024, 3, 1), dt.date(2024, 7, 20))
    assert position.source.file_name == "news.txt"
    assert position.quote == "星河市科技局局长王明远出席并致辞。"


def test_a_person_without_a_title_has_no_position():
    import_document(forum_follow_up().build())

    assert Person.objects.filter(name="王明远").exists()
    assert not Position.objects.exists()


def test_events_with_their_evidence_and_relations():
    doc = forum_report().build()

    result = import_document(doc)

    assert (result.events_new, result.events_merged) == (2, 0)
    forum = Event.objects.get(kind="forum")
    assert (forum.date, forum.precision, forum.status, forum.confidence) == (
        dt.date(2024, 5, 8),
        "day",
        "candidate",
        0.7,
    )
    assert forum.title == "星河高新区人工智能产业创新论坛"
    assert [p.name for p in forum.people.all()] == ["王明远"]
    assert [(r.organisation.name, r.role) for r in EventOrganisation.objects.filter(event=forum)] == [
        ("星河市科技局", "participant")
    ]
    evidence = forum.evidence.get()
    draft = doc.events[0]
    assert (evidence.quote, evidence.start, evidence.end, evidence.date_phrase) == (
        draft.evidence,
        draft.start,
        draft.end,
        "5月8日",
    )
    assert (evidence.raw_start, evidence.raw_end) == (
        draft.start + len(RAW_PREFIX),
        draft.end + len(RAW_PREFIX),
    )
    assert Source.objects.get().raw_text[evidence.raw_start : evidence.raw_end] == draft.evidence
    assert evidence.news_item.position == 0
    release = Event.objects.get(kind="policy_release")
    assert (release.date, release.precision) == (dt.date(2024, 5, 1), "month")
    assert release.evidence.get().news_item.position == 1
    assert [p.title for p in release.policies.all()] == [POLICY_TITLE]


def test_ranges_and_windows_are_stored():
    text = "星河高新区创新周于5月6日至9日举行。近日，星河高新区科技金融中心揭牌。"
    doc = (
        DocumentBuilder(text)
        .event(
            "星河高新区创新周于5月6日至9日举行",
            date="2024-05-06",
            end_date="2024-05-09",
            parks=["星河高新区"],
        )
        .event(
            "近日，星河高新区科技金融中心揭牌",
            kind="launch",
            date="2024-05-10",
            window=("2024-04-26", "2024-05-10"),
            date_phrase="近日",
        )
    )

    import_document(doc.build())

    week = Event.objects.get(kind="forum")
    assert (week.date, week.end_date, week.window_start) == (dt.date(2024, 5, 6), dt.date(2024, 5, 9), None)
    centre = Event.objects.get(kind="launch")
    assert (centre.date, centre.window_start, centre.window_end) == (
        dt.date(2024, 5, 10),
        dt.date(2024, 4, 26),
        dt.date(2024, 5, 10),
    )


def test_publish_publishes_what_it_creates_and_records_the_user(django_user_model):
    editor = django_user_model.objects.create(username="editor")

    import_document(forum_report().build(), publish=True, user=editor)

    assert set(Event.objects.values_list("status", flat=True)) == {"published"}
    assert Source.objects.get().imported_by == editor
    assert Event.history.filter(history_type="+").first().history_user == editor


def test_an_unknown_kind_and_role_fall_back():
    doc = DocumentBuilder("星河高新区举办开放日。").event(
        "星河高新区举办开放日", kind="open_day", organisations=[("星河高新区管委会", "sponsor")]
    )

    import_document(doc.build())

    event = Event.objects.get()
    assert event.kind == "other"
    role = EventOrganisation.objects.get(event=event)
    assert (role.role, role.organisation.kind) == ("participant", "park_committee")


def test_one_document_is_one_transaction(monkeypatch):
    import_document(DocumentBuilder("星河高新区简讯：园区新增企业。", name="earlier.txt").build())
    before = {
        m: m.objects.count() for m in (Source, NewsItem, Event, Evidence, Park, Person, Policy, Position)
    }
    original_save = Event.save
    calls = []

    def save_then_fail(self, *args, **kwargs):
        calls.append(self.title)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(Event, "save", save_then_fail)

    with pytest.raises(RuntimeError, match="disk full"):
        import_document(forum_report().build())

    assert len(calls) == 2
    assert {m: m.objects.count() for m in before} == before
    assert not Source.objects.filter(file_name="news.txt").exists()


def _many_mentions(count: int) -> DocumentBuilder:
    names = [f"星河第{n}科技园" for n in range(count)]
    doc = DocumentBuilder("、".join(names) + "。", name=f"{count}.txt")
    for name in names:
        doc.mention(name, kind="park")
    return doc


def test_names_are_resolved_in_a_constant_number_of_queries():
    for n in range(30):
        Park.objects.create(name=f"星河第{n}科技园")

    with CaptureQueriesContext(connection) as few:
        import_document(_many_mentions(3).build())
    with CaptureQueriesContext(connection) as many:
        import_document(_many_mentions(30).build())

    assert len(many) == len(few)


def test_the_written_events_can_be_searched_at_once():
    import_document(forum_report().build())

    def found(word: str) -> set[str]:
        return {event.kind for event in search.search_events(Event.objects.all(), word)[0]}

    assert found("会展中心") == {"forum"}  # a word of the forum's evidence only
    assert found("星科发〔2024〕12号") == {"policy_release"}  # the policy's document number
    assert found("王明远") == {"forum"}
