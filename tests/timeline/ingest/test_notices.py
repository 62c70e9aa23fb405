"""notices.read_policies: what a notice, an approval or a report says about the policies it is
or cites (sentences and notices of our own)."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from timeline.ingest.entities import find_policies
from timeline.ingest.notices import document_number, period_of, policy_kind, read_policies
from timeline.ingest.pipeline import extract_document
from timeline.ingest.types import EventDraft, Metadata, PartialDate

JOINT = """东方省科学技术厅 东方省财政厅关于开展科技园区绩效评价工作的通知
东科发〔2023〕17号
各市科技局、财政局：
为推动科技园区高质量发展，现就有关事项通知如下。
一、评价对象为全省省级以上科技园区。
东方省科学技术厅
东方省财政厅
2023年6月12日
"""

FIELDS = """当前位置：首页 > 政策文件
发文机关：南方省人民政府 成文日期：2022年09月01日
标  题：南方省人民政府关于同意设立南湖高新技术产业园区的批复
发文字号：南府函〔2022〕40号 发布日期：2022年09月08日
南方省人民政府关于同意设立南湖
高新技术产业园区的批复
南府函〔2022〕40号
南湖市人民政府：
你市请示收悉。现批复如下：同意设立南湖高新技术产业园区。
南方省人民政府
2022年9月1日
"""

ISSUING = """西海市人民政府办公厅印发关于加快科技企业孵化器建设实施意见的通知
西政办发〔2021〕5号
各区人民政府：经市人民政府同意，现将《关于加快科技企业孵化器建设的实施意见》印发给你们，请认真贯彻执行。
西海市人民政府办公厅
2021年4月2日
"""


def facts_of(text: str, published: PartialDate | None = None, events: list[EventDraft] | None = None):
    return read_policies(text, Metadata(published=published), [] if events is None else events)


def test_a_joint_notice_names_every_issuer_its_number_and_signing_date():
    own = facts_of(JOINT)[0]
    assert own.own and own.title == "东方省科学技术厅东方省财政厅关于开展科技园区绩效评价工作的通知"
    assert own.issuers == ["东方省科学技术厅", "东方省财政厅"]
    assert own.document_number == "东科发〔2023〕17号"
    assert own.written_on == PartialDate(2023, 6, 12)
    assert own.kind == "notice"


def test_a_field_block_gives_issuer_number_and_both_dates():
    own = facts_of(FIELDS)[0]
    assert own.title == "南方省人民政府关于同意设立南湖高新技术产业园区的批复"
    assert (own.kind, own.issuers, own.document_number) == (
        "approval",
        ["南方省人民政府"],
        "南府函〔2022〕40号",
    )
    assert (own.written_on, own.published_on) == (PartialDate(2022, 9, 1), PartialDate(2022, 9, 8))


def test_a_notice_that_issues_a_document_is_that_document():
    own = facts_of(ISSUING)[0]
    assert own.title == "关于加快科技企业孵化器建设的实施意见"
    assert (own.kind, own.issuers, own.document_number) == (
        "opinion",
        ["西海市人民政府办公厅"],
        "西政办发〔2021〕5号",
    )
    assert own.written_on == PartialDate(2021, 4, 2)


def test_an_issuer_on_its_own_line_over_the_headline_is_not_part_of_the_title():
    text = (
        "北江市人民政府\n关于促进科技园区提质增效的若干意见\n北府发〔2020〕3号\n各区政府：现提出如下意见。\n"
    )
    own = facts_of(text)[0]
    assert own.title == "关于促进科技园区提质增效的若干意见"
    assert own.issuers == ["北江市人民政府"]


def test_a_page_date_is_the_release_date_unless_it_is_the_signature():
    assert facts_of(JOINT, PartialDate(2023, 6, 20))[0].published_on == PartialDate(2023, 6, 20)
    assert facts_of(JOINT, PartialDate(2023, 6, 12))[0].published_on is None


def test_an_impossible_signature_date_gives_no_date():
    own = facts_of(JOINT.replace("2023年6月12日", "2023年2月30日"))[0]
    assert own.written_on is None


def test_a_news_report_is_no_notice_but_cites_policies():
    text = (
        "本报讯 6月3日，东方省召开科技园区工作会议。会议解读了《东方省“十四五”科技园区发展规划》"
        "和《东方省科技园区管理办法》（东政发（２０２１）８号）。\n"
        "上一篇：东方省人民政府关于同意设立北湖高新区的批复\n"
    )
    found = facts_of(text)
    assert not any(f.own for f in found)
    by_title = {f.title: f for f in found}
    assert by_title["东方省“十四五”科技园区发展规划"].period == (2021, 2025)
    assert by_title["东方省科技园区管理办法"].document_number == "东政发〔2021〕8号"
    assert by_title["东方省科技园区管理办法"].kind == "measures"


def test_a_cited_title_names_its_issuer():
    text = "按照《南方省科学技术厅关于开展孵化器认定工作的通知》（南科发〔2022〕3号）要求，现组织申报。"
    (cited,) = facts_of(text)
    assert cited.issuers == ["南方省科学技术厅"] and cited.document_number == "南科发〔2022〕3号"


def test_declarations_catalogues_and_guidelines_are_policies_but_papers_are_not():
    text = "会上发布了《东方科技园区合作宣言》和《东方市鼓励类产业指导目录》，《东方日报》作了报道。"
    assert [m.name for m in find_policies(text)] == ["东方科技园区合作宣言", "东方市鼓励类产业指导目录"]


def test_a_report_of_figures_is_no_policy():
    text = "会上发布了《2023年东方科技园区评价结果》和《南方创新指数报告（2024）》。"
    assert find_policies(text) == []
    assert [(f.title, f.is_policy) for f in facts_of(text)] == [("南方创新指数报告（2024）", False)]


def test_an_approvals_own_title_is_the_policy_of_the_events_in_its_body():
    body_at = FIELDS.index("你市请示")
    draft = EventDraft(
        "park_signup", PartialDate(2022, 9, 1), "南湖高新区设立", "同意设立", body_at, body_at + 4, 0
    )
    facts_of(FIELDS, events=[draft])
    assert draft.policies == ["南方省人民政府关于同意设立南湖高新技术产业园区的批复"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("国科发火〔2020〕10号", "国科发火〔2020〕10号"),
        ("国函[2021]5号", "国函〔2021〕5号"),
        ("国函（２０２１）５号", "国函〔2021〕5号"),
        ("东政办发【2019】第12号", "东政办发〔2019〕12号"),
        ("第12号公告", ""),
    ],
)
def test_document_numbers_take_one_spelling(text, number):
    assert document_number(text) == number


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("关于同意设立某某高新区的批复", "approval"),
        ("某某市科技园区发展规划（2021—2025年）", "plan"),
        ("关于促进科技园区发展的实施意见", "opinion"),
        ("某某科技园区管理办法（试行）", "measures"),
        ("某某市科技创新促进条例", "law"),
        ("中国科技园区发展报告", "report"),
        ("东方科技园区合作宣言", "initiative"),
        ("东方市鼓励类产业指导目录", "measures"),
        ("东方市科技园区建设导则", "measures"),
    ],
)
def test_kind_comes_from_the_titles_last_word(title, kind):
    assert policy_kind(title) == kind


def test_period_years_from_a_range_or_a_five_year_plan():
    assert period_of("东方市科技园区发展规划（2021-2025年）") == (2021, 2025)
    assert period_of("2024—2027年东方市科技园区行动方案") == (2024, 2027)
    assert period_of("东方市“十三五”科技园区发展规划") == (2016, 2020)
    assert period_of("东方市科技园区发展规划") is None


def test_extract_prints_policy_facts_with_the_policies_flag(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(JOINT, encoding="utf-8")
    out = io.StringIO()
    call_command("extract", str(path), "--published", "2023-06-20", "--policies", stdout=out)
    (line,) = out.getvalue().strip().splitlines()
    record = json.loads(line)
    assert record["document_number"] == "东科发〔2023〕17号"
    assert (record["written_on"], record["published_on"]) == ("2023-06-12", "2023-06-20")
    assert record["issuers"] == ["东方省科学技术厅", "东方省财政厅"]


def test_the_pipeline_fills_document_policies():
    document = extract_document(FIELDS.encode("utf-8"), "notice.txt")
    assert [f.title for f in document.policies if f.own] == [
        "南方省人民政府关于同意设立南湖高新技术产业园区的批复"
    ]


def test_a_notice_with_no_event_of_its_body_is_released_on_its_signing_date():
    events: list[EventDraft] = []
    facts_of(JOINT, events=events)
    (release,) = events
    assert (release.kind, release.date, release.date_phrase) == (
        "policy_release",
        PartialDate(2023, 6, 12),
        "2023年6月12日",
    )
    assert release.policies == ["东方省科学技术厅东方省财政厅关于开展科技园区绩效评价工作的通知"]
    assert release.organisations == [("东方省科学技术厅", "issuer"), ("东方省财政厅", "issuer")]
    assert JOINT[release.start : release.end].startswith("东方省科学技术厅")


def test_an_approval_whose_sign_up_the_body_tells_adds_no_release():
    body_at = FIELDS.index("你市请示")
    draft = EventDraft(
        "park_signup", PartialDate(2022, 9, 1), "南湖高新区设立", "同意设立", body_at, body_at + 4, 0
    )
    events = [draft]
    facts_of(FIELDS, events=events)
    assert events == [draft]


def test_a_notice_with_no_date_at_all_gets_no_release():
    undated = "关于开展科技园区绩效评价工作的通知\n各市科技局：现就有关事项通知如下。\n"
    events: list[EventDraft] = []
    assert facts_of(undated, events=events)[0].own
    assert events == []


def test_a_forwarding_notice_releases_what_it_forwards_too():
    text = (
        "关于转发《东方省科学技术厅关于开展孵化器评价工作的通知》的通知\n"
        "各区科技局：现转发给你们。\n北湖市科学技术局\n2023年7月3日\n"
    )
    events: list[EventDraft] = []
    facts_of(text, events=events)
    (release,) = events
    assert release.title == "北湖市科学技术局转发《东方省科学技术厅关于开展孵化器评价工作的通知》"
    assert release.policies == [
        "关于转发东方省科学技术厅关于开展孵化器评价工作的通知的通知",
        "东方省科学技术厅关于开展孵化器评价工作的通知",
    ]


def test_a_release_keeps_what_it_releases_not_what_it_rests_on():
    text = "根据《东方省科技园区管理办法》，北湖市印发《北湖市科技园区认定细则》。"
    release = EventDraft(
        "policy_release",
        PartialDate(2023, 5),
        "北湖市印发细则",
        text,
        0,
        len(text),
        0,
        policies=["东方省科技园区管理办法", "北湖市科技园区认定细则"],
    )
    facts_of(text, events=[release])
    assert release.policies == ["北湖市科技园区认定细则"]


def test_a_basis_cited_elsewhere_in_the_notice_is_dropped_with_its_issuer():
    """The body of a notice cites its basis (为贯彻落实《…》) far from the sentence that issues it."""
    text = (
        "现将《北湖市科技园区提升行动方案》印发给你们，请认真贯彻执行。\n"
        "为贯彻落实《东方省人民政府关于推动科技园区高质量发展的意见》，制定本方案。"
    )
    release = EventDraft(
        "policy_release",
        PartialDate(2023, 5),
        "印发方案",
        text[:30],
        0,
        30,
        0,
        organisations=[("东方省人民政府", "issuer"), ("北湖市人民政府", "issuer")],
        policies=["北湖市科技园区提升行动方案", "东方省人民政府关于推动科技园区高质量发展的意见"],
    )
    facts_of(text, events=[release])
    assert release.policies == ["北湖市科技园区提升行动方案"]
    assert release.organisations == [("北湖市人民政府", "issuer")]


def test_a_release_of_only_its_basis_keeps_it():
    text = "根据《东方省科技园区管理办法》，北湖市开展园区认定。"
    release = EventDraft(
        "policy_release",
        PartialDate(2023, 5),
        "认定",
        text,
        0,
        len(text),
        0,
        policies=["东方省科技园区管理办法"],
    )
    facts_of(text, events=[release])
    assert release.policies == ["东方省科技园区管理办法"]


def test_a_report_of_figures_stays_named_on_its_release():
    """FORMAT.md names the report a release publishes; the importer makes no Policy of it."""
    text = "南方省发布2023年南方科技园区评价结果。"
    draft = EventDraft(
        "policy_release",
        PartialDate(2024, 3),
        "发布",
        text,
        0,
        len(text),
        0,
        policies=["2023年南方科技园区评价结果"],
    )
    facts = facts_of(text, events=[draft])
    assert draft.policies == ["2023年南方科技园区评价结果"]
    assert not any(f.is_policy for f in facts)


def test_a_list_of_notice_titles_is_no_notice():
    text = (
        "相关阅读\n关于开展科技园区绩效评价工作的通知\n关于举办第三届东方创新大赛的通知\n"
        "园区新闻 今日东方园区召开大会。\n"
    )
    events: list[EventDraft] = []
    assert not any(f.own for f in facts_of(text, PartialDate(2024, 5, 1), events=events))
    assert events == []


def test_a_bare_repeat_in_a_later_item_names_the_policy_of_the_earlier_one():
    text = (
        "东方市印发《东方市科技园区提升行动方案》。\n\n另讯 5月8日，园区召开会议，部署落实该《方案》的工作。"
    )
    at = text.index("5月8日")
    meeting = EventDraft("meeting", PartialDate(2024, 5, 8), "园区召开会议", text[at:], at, len(text), 1)
    facts_of(text, events=[meeting])
    assert meeting.policies == ["东方市科技园区提升行动方案"]


def test_a_cited_policy_takes_the_issuers_of_its_release():
    text = "5月6日，东方省科学技术厅印发《东方省孵化器管理办法》。"
    release = EventDraft(
        "policy_release",
        PartialDate(2024, 5, 6),
        "印发",
        text,
        0,
        len(text),
        0,
        organisations=[("东方省科学技术厅", "issuer")],
        policies=["东方省孵化器管理办法"],
    )
    (cited,) = facts_of(text, events=[release])
    assert cited.issuers == ["东方省科学技术厅"]


@pytest.mark.parametrize(
    ("signed", "date"),
    [("二〇二一年六月三十日", PartialDate(2021, 6, 30)), ("二一二年四月一日", None)],  # a 〇 lost: no date
)
def test_a_signature_in_chinese_numerals(signed, date):
    text = f"关于开展园区评价工作的通知\n各区：现将有关事项通知如下。\n东方市科学技术局\n{signed}\n"
    assert facts_of(text)[0].written_on == date


def test_a_title_only_the_field_block_gives_is_quoted_from_its_line():
    text = (
        "首页 > 政策文件\n标  题：南方省人民政府关于同意设立南湖高新技术产业园区的批复\n"
        "发文字号：南府函〔2022〕40号 成文日期：2022年09月01日\n你市请示收悉。现批复如下：同意设立。\n"
    )
    events: list[EventDraft] = []
    facts_of(text, events=events)
    (release,) = events
    assert text[release.start : release.end].startswith("标  题：南方省人民政府关于同意设立")
    assert release.date == PartialDate(2022, 9, 1)


def test_the_release_of_a_notices_own_document_names_the_issuer_its_heading_names():
    text = (
        "北湖市人民政府办公厅印发关于加快科技园区建设实施方案的通知\n"
        "北政办函〔2023〕21号\n"
        "各区人民政府，各委、局：\n"
        "经市人民政府同意，现将《关于加快科技园区建设的实施方案》印发给你们，请照此执行。\n"
        "北湖市人民政府办公厅\n"
        "2023年5月8日\n"
    )
    at = text.index("现将")
    release = EventDraft(
        "policy_release",
        PartialDate(2023, 5, 8),
        "印发方案",
        text[at : at + 40],
        at,
        at + 40,
        0,
        policies=["关于加快科技园区建设的实施方案"],
    )
    facts_of(text, events=[release])
    assert ("北湖市人民政府办公厅", "issuer") in release.organisations


DESIGNATION = """关于认定东湖大学科技园等3家大学科技园为国家大学科技园的通知
东科发〔2024〕12号
各有关省科技厅：
经专家评审，决定认定东湖大学科技园等3家大学科技园为国家大学科技园。
附件：认定的国家大学科技园名单
东方省科学技术厅
2024年5月6日
附件：
认定的国家大学科技园名单
一、东湖大学国家大学科技园
二、西山国家大学科技园
三、南岭理工大学国家大学科技园
"""


def test_a_designation_s_attached_list_names_every_park_it_designates():
    """认定X等3家…: the release concerns the three parks of its list (rule policy.listed_designees)."""
    document = extract_document(DESIGNATION.encode("utf-8"), "notice.txt")
    release = next(e for e in document.events if e.kind == "policy_release")
    assert {"东湖大学国家大学科技园", "西山国家大学科技园", "南岭理工大学国家大学科技园"} <= set(
        release.parks
    )
