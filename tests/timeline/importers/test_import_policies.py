"""The importer fills a Policy from what a notice says about it (PolicyFacts), fills blanks only,
leaves a reviewed policy alone, and keeps one release event per policy."""

from __future__ import annotations

import datetime as dt

import pytest

from people.models import Organisation
from policies.models import Policy
from timeline.importers import import_document
from timeline.ingest.types import PartialDate, PolicyFacts
from timeline.models import Event

from .builders import DocumentBuilder

pytestmark = pytest.mark.django_db

TITLE = "星河市促进科技园区高质量发展的若干措施"
NOTICE = (
    f"星河市人民政府关于印发{TITLE}的通知\n星政发〔2024〕9号\n"
    f"各区人民政府：现将《{TITLE}》印发给你们，请认真贯彻执行。\n星河市人民政府\n2024年3月5日"
)


def facts(**fields) -> PolicyFacts:
    values = {
        "title": TITLE,
        "kind": "measures",
        "own": True,
        "issuers": ["星河市人民政府"],
        "document_number": "星政发〔2024〕9号",
        "written_on": PartialDate(2024, 3, 5),
        "published_on": PartialDate(2024, 3),
        "period": None,
    }
    return PolicyFacts(**(values | fields))


def notice(**fields) -> DocumentBuilder:
    doc = DocumentBuilder(NOTICE, name="notice.txt", published="2024-03-08")
    doc.mention(f"《{TITLE}》", kind="policy", name=TITLE)
    return doc


def test_a_notice_fills_issuers_number_dates_and_kind():
    doc = notice().build()
    doc.policies = [facts()]

    import_document(doc)

    policy = Policy.objects.get()
    assert (policy.title, policy.kind, policy.document_number) == (TITLE, "measures", "星政发〔2024〕9号")
    assert (policy.written_on, policy.written_precision) == (dt.date(2024, 3, 5), "day")
    assert (policy.published_on, policy.published_precision) == (dt.date(2024, 3, 1), "month")
    assert [o.name for o in policy.issuers.all()] == ["星河市人民政府"]


def test_an_issuer_already_known_is_linked_not_created():
    known = Organisation.objects.create(name="星河市人民政府", kind=Organisation.Kind.LOCAL_GOVERNMENT)
    doc = notice().build()
    doc.policies = [facts()]

    import_document(doc)

    assert list(Policy.objects.get().issuers.all()) == [known]
    assert Organisation.objects.count() == 1


def test_only_blanks_are_filled():
    Policy.objects.create(title=TITLE, document_number="星政办发〔2024〕1号", kind="plan")
    doc = notice().build()
    doc.policies = [facts(written_on=PartialDate(2024, 3, 5))]

    import_document(doc)

    policy = Policy.objects.get()
    assert (policy.document_number, policy.kind) == ("星政办发〔2024〕1号", "plan")
    assert policy.written_on == dt.date(2024, 3, 5)


def test_a_reviewed_policy_is_left_as_the_editor_left_it():
    Policy.objects.create(title=TITLE, is_reviewed=True)
    doc = notice().build()
    doc.policies = [facts()]

    import_document(doc)

    policy = Policy.objects.get()
    assert (policy.document_number, policy.written_on, policy.issuers.count()) == ("", None, 0)


def test_a_report_of_figures_is_no_policy_record():
    doc = DocumentBuilder("星河市发布《2023年星河科技园区评价结果》，东湖园区位列第一。")
    doc.mention("《2023年星河科技园区评价结果》", kind="policy", name="2023年星河科技园区评价结果")
    doc.policies = []
    doc.event(
        "星河市发布《2023年星河科技园区评价结果》",
        kind="policy_release",
        date="2024-03-05",
        title="星河市发布2023年星河科技园区评价结果",
        policies=["2023年星河科技园区评价结果"],
    )

    import_document(doc.build())

    assert not Policy.objects.exists()
    assert Event.objects.get().title == "星河市发布2023年星河科技园区评价结果"


def release(text: str, name: str, date: str, published: str) -> DocumentBuilder:
    doc = DocumentBuilder(text, name=name, published=published)
    return doc.event(text, kind="policy_release", date=date, title=f"《{TITLE}》印发", policies=[TITLE])


def test_one_policy_released_in_two_documents_is_one_release_whatever_the_dates():
    """The policy page listed a release twice: a later article put the release a year later."""
    import_document(release(f"3月5日，星河市印发《{TITLE}》。", "a.txt", "2024-03-05", "2024-03-08").build())
    later = release(f"今年3月，星河市出台《{TITLE}》，园区企业受益。", "b.txt", "2025-03", "2025-06-01")

    result = import_document(later.build())

    assert result.events_merged == 1
    event = Event.objects.get(kind="policy_release")
    assert (event.date, event.precision) == (dt.date(2024, 3, 5), "day")
    assert Policy.objects.get().events.count() == 1


def test_one_policy_released_twice_in_one_document_is_one_release():
    text = f"星河市印发《{TITLE}》。\n\n据悉，《{TITLE}》已于3月正式出台。"
    doc = DocumentBuilder(text, name="twice.txt", published="2024-03-08")
    doc.event(f"星河市印发《{TITLE}》。", kind="policy_release", date="2024-03-05", policies=[TITLE])
    doc.event(f"据悉，《{TITLE}》已于3月正式出台。", kind="policy_release", date="2024-03", policies=[TITLE])

    result = import_document(doc.build())

    assert (result.events_new, result.events_merged) == (1, 1)
    assert Event.objects.filter(kind="policy_release").count() == 1


PLAN = "星河市科技园区提升行动方案（2024—2026年）"


def naming(*titles: str, name: str = "doc.txt") -> DocumentBuilder:
    doc = DocumentBuilder("。".join(f"星河市研究《{t}》" for t in titles) + "。", name=name)
    for title in titles:
        doc.mention(f"《{title}》", kind="policy", name=title)
    return doc


def test_a_title_and_its_form_without_the_period_in_one_document_are_one_policy():
    result = import_document(naming(PLAN, "星河市科技园区提升行动方案").build())

    assert result.entities_new == 1
    assert Policy.objects.get().title == PLAN


def test_a_later_document_naming_a_plan_without_its_period_finds_it():
    import_document(naming(PLAN).build())

    result = import_document(naming("星河市科技园区提升行动方案", name="later.txt").build())

    assert result.entities_new == 0 and Policy.objects.count() == 1


def test_plans_of_different_periods_stay_apart():
    import_document(naming(PLAN).build())
    import_document(naming("星河市科技园区提升行动方案（2027—2029年）", name="next.txt").build())

    assert Policy.objects.count() == 2


def test_a_title_with_its_issuer_finds_the_policy_stored_without_it():
    import_document(naming("关于加快星河科技园区建设的实施意见").build())

    result = import_document(naming("星河市人民政府关于加快星河科技园区建设的实施意见", name="b.txt").build())

    assert result.entities_new == 0 and Policy.objects.count() == 1


def test_an_event_naming_a_policy_with_a_very_long_title_is_stored():
    """Its title (and its pinyin) is a search word longer than a facet version's key holds."""
    title = "星河市人民政府关于同意将星河经济开发区更名为星河高新技术产业园区并调整其规划范围和管理体制的批复"
    text = f"星河市人民政府印发《{title}》。"
    doc = DocumentBuilder(text, name="long.txt").event(text, kind="policy_release", policies=[title])
    doc.mention(f"《{title}》", kind="policy", name=title)

    import_document(doc.build())

    assert Event.objects.get().policies.get().title == title
