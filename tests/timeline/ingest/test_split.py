"""The splitter and the metadata reader on small documents written for these tests."""

from __future__ import annotations

from timeline.ingest.clean import clean
from timeline.ingest.metadata import read_metadata
from timeline.ingest.split import split_items
from timeline.ingest.types import PartialDate

PAGE = "\n".join(
    [
        "科技周报",
        "2023年6月5日 星期一",
        "第22期(总第1001期)",
        "导读",
        "某园区举办创新大会",
        "某市出台新政",
        "某园区举办创新大会",
        "本报讯（记者 王明）6月3日，某园区创新大会在南京举行。",
        "会上，多家企业签约。",
        "(供稿:某园区管委会)",
        "【政策速递】",
        "某市出台新政",
        "6月1日，某市印发《关于支持园区发展的若干措施》。",
    ]
)


def test_items_start_at_headlines_and_datelines() -> None:
    items = split_items(PAGE)
    assert [i.headline for i in items] == ["某园区举办创新大会", "某市出台新政"]
    assert items[0].dateline.startswith("本报讯")
    first = PAGE[items[0].start : items[0].end]
    assert "会上，多家企业签约。" in first and "供稿" in first
    assert "若干措施" in PAGE[items[1].start : items[1].end]


def test_masthead_date_issue_and_publisher() -> None:
    meta = read_metadata(PAGE)
    assert meta.published == PartialDate(2023, 6, 5)
    assert meta.issue_label == "第22期(总第1001期)"
    assert meta.publisher == "科技周报"


def test_dates_in_running_text_are_not_the_publication_date() -> None:
    text = "今天是\n2030年1月1日\n本刊2023年5月6日休刊一期。\n某园区举办大会。"
    assert read_metadata(text).published is None


def test_labelled_web_date() -> None:
    assert read_metadata("某某网\n发布时间：2021-09-08 10:00\n正文").published == PartialDate(2021, 9, 8)


def test_metadata_lines_are_no_headline_and_keep_the_headline_above_them() -> None:
    for raw in (
        "南湖科技城举办人才节\n发布时间：2019-08-14 09:30:00 来源：南湖日报\n8月13日，南湖科技城举办人才节。",
        "信息来源：南湖日报 发布日期：2019-08-14\n南湖科技城举办人才节\n8月13日，南湖科技城举办人才节。",
        "南湖科技城举办人才节\n2019\n08/14\n09:30\n8月13日，南湖科技城举办人才节。",
    ):
        cleaned = clean(raw)
        items = split_items(cleaned.text, cleaned.furniture)
        assert [item.headline for item in items] == ["南湖科技城举办人才节"]


def test_a_labelled_contents_line_is_no_body_and_its_neighbour_no_item() -> None:
    text = (
        "星河动态\n2023年第5期\n"
        "【园区要闻】 星河高新区举办人工智能论坛\n"
        "云岭高新区新增十家科技企业\n"
        "【研究报告】 持续推进园区创新驱动高质量发展的若干思考与建议\n"
        "星河高新区举办人工智能论坛\n"
        "5月8日，星河高新区人工智能产业创新论坛在星河会展中心举行，百余家企业参加。\n"
    )
    items = split_items(text)
    assert [item.headline for item in items] == ["星河高新区举办人工智能论坛"]


def test_a_stamp_or_a_document_number_under_the_title_is_not_the_headline() -> None:
    body = "11月7日，星河高新区管委会主任在星河学院作了一场题为《园区创新发展》的专题报告，百余人参加。"
    for under in ("2017-11-08 16:10 星河日报", "星府发〔2021〕28号", "发布时间：2021-10-19来源：星河网"):
        text = f"星河高新区举办园区创新发展专题报告会\n{under}\n{body}\n"
        assert [item.headline for item in split_items(text)] == ["星河高新区举办园区创新发展专题报告会"]
