"""Dates that are never invented: impossible dates give nothing, no date joins two lines, and a
target or a plan period dates no event and no statistic. Sentences of our own."""

from __future__ import annotations

import pytest

from timeline.ingest.dates import find_dates
from timeline.ingest.pipeline import extract_document
from timeline.ingest.types import PartialDate

ANCHOR = PartialDate(2023, 6, 10)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.phrase, m.role) for m in find_dates(text, ANCHOR)]


@pytest.mark.parametrize(
    "text",
    [
        "星河高新区定于2023年2月30日召开大会。",
        "星河高新区定于2月30日召开大会。",
        "星河高新区定于2023年13月5日召开大会。",
        "星河高新区定于13月5日召开大会。",
        "星河高新区定于2023年2月32日召开大会。",
        "星河高新区定于4月31日召开大会。",
    ],
)
def test_an_impossible_date_gives_no_date_at_all(text: str) -> None:
    assert found(text) == []


def test_an_impossible_date_borrows_nothing_from_the_next_line() -> None:
    text = "星河高新区定于2023年2月30日召开大会\n13月5日，云岭科技城举办论坛。"
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the year on one line, the month and day on the next: two dates, never one
        ("星河高新区于2023年\n3月5日举办论坛。", [("2023年", "point"), ("3月5日", "point")]),
        # a month at a line's end lends nothing to a day at the next line's head
        ("园区简报2023年5月\n6日，星河高新区举办论坛。", [("2023年5月", "point")]),
        # a range cut by a line break is two dates (28日 takes the month of the day before it)
        ("展会于2023年4月26日至\n28日举行。", [("2023年4月26日", "point"), ("28日", "point")]),
    ],
)
def test_a_date_never_spans_a_line_break(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2027年，星河高新区产值达到1000亿元。", [("到2027年", "target")]),
        ("力争2025年建成世界一流园区。", [("力争2025年", "target")]),
        ("规划提出到2027年园区企业数量要达到500家。", [("到2027年", "target")]),
        ("预计产值将增长至2026年的800亿元。", [("至2026年", "target")]),
        ("《星河高新区发展行动方案（2024—2027年）》", [("2024—2027年", "period")]),
        # years listed together are several occasions, none the date of one event
        ("星河曾举办2009、2014和2019年三届园区大会。", [("2014", "listed"), ("2019年", "listed")]),
        ("星河高新区2019年、2020年连续获评优秀。", [("2019年", "point"), ("2020年", "listed")]),
        # the year a change starts from is a comparison's base
        ("园区企业由2016年的120家增至150家。", [("2016年", "base")]),
        ("产值由2015年的80亿元增长到2020年的200亿元。", [("2015年", "base"), ("2020年", "point")]),
    ],
)
def test_targets_and_plan_periods_are_not_points(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_an_impossible_date_dates_no_event() -> None:
    text = "园区快讯\n\n2023年2月30日，星河高新区举办第三届科技论坛。\n\n13月5日，云岭高新区召开工作会议。"
    document = extract_document(text.encode(), "impossible.txt", published=PartialDate(2023, 3, 10))
    assert all(
        d.date != PartialDate(2023, 2, 5) and d.date != PartialDate(2023, 3, 5) for d in document.events
    )
    for draft in document.events:
        assert draft.date_phrase not in ("5日", "2月30日", "13月5日")


@pytest.mark.parametrize(
    "sentence",
    [
        "到2027年，星河高新区工业总产值达到1000亿元，高新技术企业达到500家。",
        "会议提出到2027年星河高新区工业总产值要达到1000亿元的发展目标。",
    ],
)
def test_a_target_year_is_no_event_and_no_statistic(sentence: str) -> None:
    text = f"园区快讯\n\n{sentence}"
    document = extract_document(text.encode(), "target.txt", published=PartialDate(2024, 3, 10))
    assert [d for d in document.events if d.date and d.date.year == 2027] == []


NOTICE = (
    "星河市人民政府关于同意设立云岭高新技术产业园区的批复\n"
    "时间：2021-06-26 16:42 来源：星河市人民政府 索引号：000123/2021-00036 点击：1660次\n"
    "发文机关： 星河市人民政府 成文日期： 2021年02月28日\n"
    "发文字号： 星府函〔2021〕48号 发布日期： 2021年03月07日\n"
    "云岭区人民政府：你区关于设立云岭高新技术产业园区的请示已收悉。现批复如下：\n"
    "一、同意云岭工业园区升级为省级高新技术产业开发区，定名为云岭高新技术产业开发区。\n"
    "二、云岭高新技术产业园区的规划面积为1.39平方公里。\n"
    "星河市人民政府\n"
    "2021年2月28日\n"
)


def test_a_notice_is_dated_by_its_signature_not_by_its_page() -> None:
    document = extract_document(NOTICE.encode(), "notice.txt", published=PartialDate(2021, 6, 26))
    assert document.events
    assert {d.date for d in document.events} == {PartialDate(2021, 2, 28)}


def test_a_pages_information_box_dates_nothing() -> None:
    from timeline.ingest.clean import clean

    cleaned = clean(NOTICE)
    masked = cleaned.masked()
    for stamp in ("2021-06-26", "2021年03月07日", "2021年02月28日"):
        assert stamp in cleaned.text and stamp not in masked


def test_an_event_with_an_impossible_date_borrows_none_and_is_left_for_the_editor() -> None:
    text = (
        "园区快讯\n\n2023年2月30日，星河高新区举办第三届科技论坛\n13月5日，云岭高新区召开工作会议。\n"
        "2023年3月2日，星河高新区与云岭高新区签署战略合作协议。"
    )
    document = extract_document(text.encode(), "impossible.txt", published=PartialDate(2023, 3, 10))
    by_line = {d.evidence.split("，")[0]: d for d in document.events}
    assert by_line["2023年3月2日"].date == PartialDate(2023, 3, 2)
    for wrong in ("2023年2月30日", "13月5日"):
        draft = by_line[wrong]
        assert draft.date is None and draft.needs_date and wrong in draft.date_reason
        assert draft.date_phrase == wrong
        assert "date.impossible" in draft.rules
        assert "云岭高新区" not in draft.parks or "星河高新区" not in draft.parks
