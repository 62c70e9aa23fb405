"""The Chinese date resolver, as tables: (text, anchor, expected mentions) rows that read like a spec.

An expected mention is a tuple:
  ("2024-04-27", "point")                         a point, cumulative or target date
  ("2019-01", "range", "2019-11")                 a range or period: start, role, end
  ("2024-04-29", "vague", ("2024-04-15", "2024-04-29"))   a vague date and its window
Most rows are sentences written for these tests; the SEED rows are copied from seeds/news/.
"""

from __future__ import annotations

import re

import pytest

from timeline.ingest import dates
from timeline.ingest.dates import find_dates
from timeline.ingest.types import DateMention, PartialDate


def summary(mention: DateMention) -> tuple:
    if mention.role == "vague":
        assert mention.window is not None
        return (mention.date.iso(), "vague", tuple(d.isoformat() for d in mention.window))
    if mention.role in ("range", "period"):
        assert mention.end_date is not None
        return (mention.date.iso(), mention.role, mention.end_date.iso())
    assert mention.end_date is None and mention.window is None
    return (mention.date.iso(), mention.role)


def found(text: str, anchor: str, published: str | None = None) -> list[tuple]:
    pub = PartialDate.parse(published) if published else None
    return [summary(m) for m in find_dates(text, PartialDate.parse(anchor), published=pub)]


POINTS = [
    # 今（20）日 in Taiwan's press: the day's number in brackets
    ("竹南科學園今（20）日舉辦創新論壇。", "2024-06-20", [("2024-06-20", "point")]),
    ("竹南科學園昨(19)日舉辦創新論壇。", "2024-06-20", [("2024-06-19", "point")]),
    # years of the Republic of China in Taiwan's texts: 1911 + n
    ("竹南科學園於112年9月5日舉辦創新論壇。", "2024-04-29", [("2023-09-05", "point")]),
    ("民國98年，竹南科學園正式成立。", "2024-04-29", [("2009", "point")]),
    ("2024年4月27日，某某高新区举办创新大会。", "2024-04-29", [("2024-04-27", "point")]),
    ("2023年6月，园区获批省级孵化器。", "2024-04-29", [("2023-06", "point")]),
    ("2021年，园区实现营收800亿元。", "2024-04-29", [("2021", "point")]),
    ("5月8日，某某高新区举办人才洽谈会。", "2024-05-20", [("2024-05-08", "point")]),
    ("8日，某某产业园开园。", "2024-05-20", [("2024-05-08", "point")]),
    ("二〇二四年十二月二十日，某某科技园揭牌。", "2025-01-02", [("2024-12-20", "point")]),
    ("一九九八年，某某软件园成立。", "2024-04-29", [("1998", "point")]),
    ("十二月二十三日，签约仪式举行。", "2024-12-30", [("2024-12-23", "point")]),
    ("会议于三月三十一日闭幕。", "2024-04-02", [("2024-03-31", "point")]),
    ("会议于三月31日闭幕。", "2024-04-02", [("2024-03-31", "point")]),
    ("通知发布于2024-04-27。", "2024-05-01", [("2024-04-27", "point")]),
    ("通知发布于2024.4.27，自发布之日起施行。", "2024-05-01", [("2024-04-27", "point")]),
    ("通知发布于2024/4/27。", "2024-05-01", [("2024-04-27", "point")]),
    ("园区于4月27号启动招商月活动。", "2024-04-29", [("2024-04-27", "point")]),
    ("2024 年 4 月 27 日，某某园区开放日。", "2024-04-29", [("2024-04-27", "point")]),
    # A date never spans a line break: 6日 under a line that ends in 5月 is no date.
    ("本报2024年5月\n\n6日休刊一期。", "2024-04-29", [("2024-05", "point")]),
    # Relative years and months.
    ("去年12月，某某高新区升级为国家高新区。", "2025-03-10", [("2024-12", "point")]),
    ("今年1月，某某市出台支持政策。", "2025-03-10", [("2025-01", "point")]),
    ("明年，园区二期将全面投用。", "2024-06-01", [("2025", "point")]),
    ("前年，园区引进企业50家。", "2024-06-01", [("2022", "point")]),
    ("去年，园区实现营收100亿元。", "2024-06-01", [("2023", "point")]),
    ("本月，园区举办开放日。", "2024-06-12", [("2024-06", "point")]),
    ("上月，园区举办开放日。", "2024-01-12", [("2023-12", "point")]),
    ("下个月，园区将举办开放日。", "2024-12-12", [("2025-01", "point")]),
    ("今天，园区举办开放日。", "2024-06-12", [("2024-06-12", "point")]),
    ("昨天，园区举办开放日。", "2024-03-01", [("2024-02-29", "point")]),
    ("前天，园区举办开放日。", "2024-06-12", [("2024-06-10", "point")]),
    ("记者从前日举行的园区工作会议上获悉。", "2024-06-12", [("2024-06-10", "point")]),
    ("目前日均接待企业百余家，提前日期另行通知。", "2024-06-12", []),
    # 年初/年底 give the year only: the text does not say which month.
    ("今年年初，园区启动建设。", "2024-06-01", [("2024", "point")]),
    ("2023年底，园区完成验收。", "2024-06-01", [("2023", "point")]),
    ("去年底，园区完成验收。", "2024-06-01", [("2023", "point")]),
    ("年末，园区完成验收。", "2024-06-01", [("2024", "point")]),
    ("6月底，园区完成验收。", "2024-07-10", [("2024-06", "point")]),
    ("4月上旬，园区完成验收。", "2024-07-10", [("2024-04", "point")]),
    ("3月份，园区完成验收。", "2024-07-10", [("2024-03", "point")]),
    # A year glued to an event's name says the event's year.
    ("在2024中关村论坛年会上，多个项目签约。", "2024-04-29", [("2024", "point")]),
    # Times are ignored and do not break the date before them.
    ("4月27日上午9时，仪式开始。", "2024-04-29", [("2024-04-27", "point")]),
    ("4月25日20时59分，火箭点火发射。", "2024-04-29", [("2024-04-25", "point")]),
    ("2024年4月27日14:30，会议开幕。", "2024-04-29", [("2024-04-27", "point")]),
]

YEARLESS = [
    # A year-less date takes the anchor's year unless that is more than ~2 months ahead.
    ("12月20日，园区举行年度总结会。", "2025-01-10", [("2024-12-20", "point")]),
    ("12月，园区举行年度总结会。", "2025-03", [("2024-12", "point")]),
    ("因假期，本刊5月6日休刊。", "2024-04-29", [("2024-05-06", "point")]),
    ("3月，园区将举办招聘会。", "2025-01-10", [("2025-03", "point")]),
    ("9月23至25日，博览会举行。", "2024-04-29", [("2023-09-23", "range", "2023-09-25")]),
    # A day-only date more than a week after the anchor's day belongs to the month before.
    ("28日，园区举行签约仪式。", "2024-04-02", [("2024-03-28", "point")]),
    ("28日，园区举行签约仪式。", "2024-01-02", [("2023-12-28", "point")]),
    # A day-only date after a full date takes that date's month.
    (
        "11月29日，大赛开幕。30日，分赛举行。",
        "2022-12-15",
        [("2022-11-29", "point"), ("2022-11-30", "point")],
    ),
    # Dates listed with 、 share the year of the first.
    ("本刊2023年12月25日、1月1日休刊。", "2023-12-20", [("2023-12-25", "point"), ("2024-01-01", "point")]),
    ("本刊2020年1月27日、2月3日休刊。", "2020-01-20", [("2020-01-27", "point"), ("2020-02-03", "point")]),
]

RANGES = [
    ("3月27日至31日，展会在园区举行。", "2024-04-29", [("2024-03-27", "range", "2024-03-31")]),
    ("9月23至25日，展会举行。", "2024-09-30", [("2024-09-23", "range", "2024-09-25")]),
    ("3月27日—4月2日，园区开展安全检查。", "2024-04-29", [("2024-03-27", "range", "2024-04-02")]),
    ("12月28日至1月3日，园区开展冬季招聘。", "2025-01-05", [("2024-12-28", "range", "2025-01-03")]),
    ("2019年1—11月，园区企业总收入增长12%。", "2020-01-20", [("2019-01", "range", "2019-11")]),
    ("2019年1-11月，园区企业总收入增长12%。", "2020-01-20", [("2019-01", "range", "2019-11")]),
    ("2023年至2024年，园区新增企业300家。", "2025-01-05", [("2023", "range", "2024")]),
    ("2024年4月27日至2024年5月2日，园区开放。", "2024-05-05", [("2024-04-27", "range", "2024-05-02")]),
    ("3至5月，园区开展专项行动。", "2024-06-01", [("2024-03", "range", "2024-05")]),
    ("4月27-28日，园区举办路演。", "2024-04-29", [("2024-04-27", "range", "2024-04-28")]),
    ("27日至28日，园区举办路演。", "2024-04-29", [("2024-04-27", "range", "2024-04-28")]),
    ("2024年1-4月份，园区产值增长8%。", "2024-05-20", [("2024-01", "range", "2024-04")]),
    ("6月初至7月底，园区开展安全检查。", "2024-08-01", [("2024-06", "range", "2024-07")]),
    ("去年12月至今年2月，园区开展冬季招聘。", "2024-03-01", [("2023-12", "range", "2024-02")]),
    ("2024年上半年，园区产值增长8%。", "2024-08-01", [("2024-01", "range", "2024-06")]),
    ("今年上半年，园区产值增长8%。", "2024-08-01", [("2024-01", "range", "2024-06")]),
    ("下半年，园区将推进二期建设。", "2024-06-01", [("2024-07", "range", "2024-12")]),
    ("2024年一季度，园区产值增长8%。", "2024-05-01", [("2024-01", "range", "2024-03")]),
    ("2023年第四季度，园区产值增长8%。", "2024-05-01", [("2023-10", "range", "2023-12")]),
    ("2024年前三季度，园区产值增长8%。", "2024-11-01", [("2024-01", "range", "2024-09")]),
    ("2019年前11个月，园区产值增长8%。", "2020-01-01", [("2019-01", "range", "2019-11")]),
    # X以来 / X至今 run from X to the publication date.
    ("2012年以来，园区累计孵化企业2000家。", "2022-12-15", [("2012", "range", "2022-12-15")]),
    ("今年以来，园区新增企业80家。", "2022-12-15", [("2022", "range", "2022-12-15")]),
    ("2016年至今，园区保持两位数增长。", "2022-12", [("2016", "range", "2022-12")]),
]

PERIODS = [
    ("《某某园区建设方案（2024—2027年）》印发。", "2024-04-29", [("2024", "period", "2027")]),
    ("《某某园区建设方案（2024-2027年）》印发。", "2024-04-29", [("2024", "period", "2027")]),
    ("《某某园区建设方案(2024-2027)》印发。", "2024-04-29", [("2024", "period", "2027")]),
    ("2021—2025年，园区将实施三大工程。", "2021-06-01", [("2021", "period", "2025")]),
    ("2021年—2025年，园区将实施三大工程。", "2021-06-01", [("2021", "period", "2025")]),
    ("某某市2023年至2025年行动计划发布。", "2023-03-01", [("2023", "period", "2025")]),
]

VAGUE = [
    ("近日，某某高新区举办创新大会。", "2024-04-29", [("2024-04-29", "vague", ("2024-04-15", "2024-04-29"))]),
    ("某某市科技局日前印发通知。", "2022-12-15", [("2022-12-15", "vague", ("2022-12-01", "2022-12-15"))]),
    ("近期，园区将开展企业走访。", "2024-04-29", [("2024-04-29", "vague", ("2024-04-15", "2024-04-29"))]),
    ("成绩单不久前公布。", "2025-03", [("2025-03", "vague", ("2025-02-15", "2025-03-31"))]),
    # 昨天/前天 of an article known only by its month: that month, shifted, never a guessed day.
    ("昨天，园区举办开放日。", "2025-03", [("2025-03", "vague", ("2025-02-28", "2025-03-30"))]),
    ("前天，园区与高校签署合作协议。", "2025-03", [("2025-03", "vague", ("2025-02-27", "2025-03-29"))]),
    ("前不久，园区获评示范基地。", "2024-04-29", [("2024-04-29", "vague", ("2024-04-15", "2024-04-29"))]),
    ("最近，园区获评示范基地。", "2024-04-29", [("2024-04-29", "vague", ("2024-04-15", "2024-04-29"))]),
    # The window follows the publication date, not the dateline anchor.
    ("近日，园区获评示范基地。", "2024-04-20", [("2024-04-29", "vague", ("2024-04-15", "2024-04-29"))]),
    # Weeks are windows too; the date is the day of the week nearest the anchor.
    ("上周，园区举办路演。", "2024-04-24", [("2024-04-21", "vague", ("2024-04-15", "2024-04-21"))]),
    ("本周，园区举办路演。", "2024-04-24", [("2024-04-24", "vague", ("2024-04-22", "2024-04-28"))]),
]
# A weekday of a week is a day (2024-04-24 is a Wednesday); 上周日本… is a week and a country.
WEEKDAYS = [
    ("上周五，园区举办路演。", "2024-04-24", [("2024-04-19", "point")]),
    ("上星期天，园区举办路演。", "2024-04-24", [("2024-04-21", "point")]),
    ("本周一，园区举办路演。", "2024-04-24", [("2024-04-22", "point")]),
    ("上周日本企业来访。", "2024-04-24", [("2024-04-21", "vague", ("2024-04-15", "2024-04-21"))]),
    ("周一，园区举办路演。", "2024-04-24", [("2024-04-22", "point")]),
    ("4月8日（周一），园区举办路演。", "2024-04-24", [("2024-04-08", "point")]),
    ("星期三，园区举办路演。", "2024-04-24", [("2024-04-24", "point")]),
    ("周五，园区举办路演。", "2024-04-24", [("2024-04-19", "point")]),
]
VAGUE_PUBLISHED = {"近日，园区获评示范基地。": "2024-04-29"}

CUMULATIVE = [
    ("截至2024年底，园区聚集高新技术企业500家。", "2025-03", [("2024", "cumulative")]),
    ("截至今年6月底，园区建有研发机构40家。", "2022-12-15", [("2022-06", "cumulative")]),
    ("截至目前，园区累计引进人才1万名。", "2022-12-15", [("2022", "cumulative")]),
    ("截止2023年12月31日，园区共有企业800家。", "2024-03-01", [("2023-12-31", "cumulative")]),
    ("2019年前，园区已完成一期建设。", "2022-12-15", [("2019", "cumulative")]),
]

TARGETS = [
    ("到2027年，园区产值突破千亿元。", "2024-04-29", [("2027", "target")]),
    ("力争到2025年，建成国家级示范园区。", "2023-05-01", [("2025", "target")]),
    ("展望2035年，全面建成世界一流园区。", "2024-04-29", [("2035", "target")]),
    ("园区2027年初步建成创新高地。", "2024-04-29", [("2027", "target")]),
    ("2030年以前，园区将实现碳中和。", "2024-04-29", [("2030", "target")]),
    ("2027年前完成全部改造。", "2024-04-29", [("2027", "target")]),
    ("描绘2035年远景目标。", "2024-04-29", [("2035", "target")]),
    ("年底前，园区将完成全部改造。", "2024-04-29", [("2024", "target")]),
    ("项目于本月底前完成。", "2024-04-20", [("2024-04", "target")]),
    ("企业须于5月10日前提交材料。", "2024-04-29", [("2024-05-10", "target")]),
    # The same words about a past year are not a goal.
    ("2023年实现园区生产总值18万亿元。", "2024-04-29", [("2023", "point")]),
    ("产值从2012年的5万亿元增长至2021年的15万亿元。", "2022-12-15", [("2012", "base"), ("2021", "point")]),
]

CONTEXT = [
    # 当天 / 次日 follow the date last mentioned.
    (
        "3月5日，大会开幕。当天，多个项目签约。",
        "2024-03-20",
        [("2024-03-05", "point"), ("2024-03-05", "point")],
    ),
    (
        "3月5日，大会开幕。次日，分论坛举行。",
        "2024-03-20",
        [("2024-03-05", "point"), ("2024-03-06", "point")],
    ),
    (
        "3月31日，大会开幕。翌日，分论坛举行。",
        "2024-04-20",
        [("2024-03-31", "point"), ("2024-04-01", "point")],
    ),
    ("当日，园区举行签约仪式。", "2024-03-20", [("2024-03-20", "point")]),
    # a dispatch's date is its dateline, not an event's; the day-only date after it is
    (
        "新华社北京11月19日电 记者19日从某部获悉。",
        "2023-11-20",
        [("2023-11-19", "dateline"), ("2023-11-19", "point")],
    ),
    (
        "本报北京10月20日电 星河论坛今天在北京召开。",
        "2023-10-21",
        [("2023-10-20", "dateline"), ("2023-10-20", "point")],
    ),
    (
        "3月27日至29日，展会举行。次日，",
        "2024-04-20",
        [("2024-03-27", "range", "2024-03-29"), ("2024-03-30", "point")],
    ),
    # 次日 of a vague or month-precision date has no day to count from.
    ("近日，园区举办路演。次日，", "2024-04-29", [("2024-04-29", "vague", ("2024-04-15", "2024-04-29"))]),
    ("4月，园区举办路演。次日，", "2024-04-29", [("2024-04", "point")]),
    (
        "近日，园区举办路演。当天，五家企业获得投资。",
        "2024-04-29",
        [("2024-04-29", "vague", ("2024-04-15", "2024-04-29"))] * 2,
    ),
    ("2013年8月，园区获批。同年，园区开工。", "2022-12-15", [("2013-08", "point"), ("2013", "point")]),
    ("2013年8月，园区获批。同年10月，园区开工。", "2022-12-15", [("2013-08", "point"), ("2013-10", "point")]),
]

NEGATIVE = [
    "园区（20）日内完成审批。",
    "园区成立112年来首次举办论坛。",
    "展厅每周二至周日开放。",
    "一周二十四小时不间断运行。",
    "神舟十八号载人飞船发射成功。",
    "第十一届创新创业大赛开幕。",
    "本刊第3期（总第2365期）出版。",
    "“十四五”期间，园区加快发展。",
    "十四届全国人大三次会议召开。",
    "全年授权发明专利92.1万件，同比增长15.3%。",
    "园区生产总值18万亿元，全国178家高新区，24个集群，600余位嘉宾。",
    "效率提高3至4倍。",
    "咨询电话：010-68667266-152，(010)68667266。",
    "依据国科发火〔2021〕195号文件。",
    "上午9时，下午3点，14:30，9:30。",
    "经过30多年的发展，园区走出一条新路。",
    "经过十年努力，园区跻身前列。",
    "园区制定5年行动方案，十年来成效显著。",
    "园区有2000多家企业、2024家商户和1998名员工。",
    "1990年代，园区开始起步。",
    "比去年同期增长12%。",
    "每年3月举办招聘会，每月15日发放补贴。",
    "为期3日的培训，需在3日内完成，十日后复核。",
    "目前，园区共有企业800家。",
    "节日前后，园区组织慰问。",
    "园区初步建成，底部结构完工。",
    "3号楼、18号线和第2号文件。",
    "农历十月初八，正月初一。",
    "依据国发〔2020〕7号文件。",
]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    POINTS + YEARLESS + RANGES + PERIODS + CUMULATIVE + TARGETS + CONTEXT + WEEKDAYS,
)
def test_find_dates(text: str, anchor: str, expected: list[tuple]) -> None:
    assert found(text, anchor) == expected


@pytest.mark.parametrize(("text", "anchor", "expected"), VAGUE)
def test_vague_dates(text: str, anchor: str, expected: list[tuple]) -> None:
    assert found(text, anchor, VAGUE_PUBLISHED.get(text)) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_dates(text: str) -> None:
    assert find_dates(text, PartialDate(2024, 4, 29)) == []


# A span of months with no year is of the year it ends in: the year before when that end would
# be more than about two months after the anchor (FORMAT.md).
@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("1—11月，园区实现营业收入800亿元。", "2025-01-12", ("2024-01", "2024-11")),
        ("前三季度，园区实现营业收入600亿元。", "2025-01-12", ("2024-01", "2024-09")),
        ("前11个月，园区引进企业90家。", "2025-01-12", ("2024-01", "2024-11")),
        ("1—11月，园区实现营业收入800亿元。", "2024-12-10", ("2024-01", "2024-11")),
        ("今年前11个月，园区引进企业90家。", "2025-01-12", ("2025-01", "2025-11")),
        ("1—2月，园区实现营业收入80亿元。", "2025-03-12", ("2025-01", "2025-02")),
        ("下半年，园区将推进二期建设。", "2025-05-20", ("2025-07", "2025-12")),
        ("3—5月，园区将开展企业走访。", "2025-01-12", ("2025-03", "2025-05")),
    ],
)
def test_yearless_span_takes_the_year_it_ends_in(text: str, anchor: str, expected: tuple[str, str]) -> None:
    (mention,) = find_dates(text, PartialDate.parse(anchor))
    assert (mention.role, mention.date.iso(), mention.end_date.iso()) == ("range", *expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 次年5月 counts from the year the text last named, not from the publication
        ("2019年3月，园区获批省级高新区。次年5月，园区升级。", [("2019-03", "point"), ("2020-05", "point")]),
        ("2016年，园区成立；翌年十月，园区扩区。", [("2016", "point"), ("2017-10", "point")]),
        # with no year named before it, 次年 dates nothing
        ("次年5月，园区升级为国家高新区。", []),
    ],
)
def test_following_year(text: str, expected: list[tuple]) -> None:
    assert found(text, "2024-06-20") == expected


def test_ahead_of_time_is_no_span() -> None:
    assert find_dates("项目提前3个月完成。", PartialDate(2025, 1, 12)) == []


# Relative words that need more precision than the anchor has are skipped, never guessed.
@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("上周，园区举办路演。", "2025-03", []),
        ("28日，园区举行签约仪式。", "2025", []),
        ("今天，园区举办开放日。", "2025-03", [("2025-03", "point")]),
        ("上月，园区举办开放日。", "2025", []),
        ("同年，园区开工。", "2025-03-01", []),
        ("2月30日，园区开工。", "2025-03-01", []),
    ],
)
def test_no_invented_precision(text: str, anchor: str, expected: list[tuple]) -> None:
    assert found(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("截至2024年底，园区聚集企业500家。", ["截至2024年底"]),
        ("到2027年，成为标杆。", ["到2027年"]),
        ("2027年前完成改造。", ["2027年前"]),
        ("2019年1—11月，收入增长。", ["2019年1—11月"]),
        ("4月27日上午，仪式开始。", ["4月27日"]),
        ("在2024中关村论坛年会上", ["2024"]),
        ("2024年4月27日至5月2日", ["2024年4月27日至5月2日"]),
        ("2012年以来，园区发展迅速。", ["2012年以来"]),
        ("4 月 25 日，方案发布。", ["4 月 25 日"]),
    ],
)
def test_phrases_are_the_text_of_the_mention(text: str, phrases: list[str]) -> None:
    mentions = find_dates(text, PartialDate(2024, 4, 29))
    assert [m.phrase for m in mentions] == phrases
    assert all(text[m.start : m.end] == m.phrase for m in mentions)


def test_relative_flag_marks_dates_that_depend_on_the_anchor() -> None:
    text = "2024年4月27日开幕，4月28日闭幕，近日获批，今年1月启动。"
    assert [m.relative for m in find_dates(text, PartialDate(2024, 4, 29))] == [False, True, True, True]


def test_published_defaults_to_the_anchor() -> None:
    (mention,) = find_dates("近日，园区获批。", PartialDate(2024, 4, 29))
    assert mention.date == PartialDate(2024, 4, 29)


# -- the seeds ------------------------------------------------------------------------------
SEED_ROWS = [
    # 000, 中国高新技术产业导报 2024-04-29 (PDF text)
    (
        "本报讯（孙航 崔呈旭 记者 王丹萍）\n4月27日，在2024中关村论坛年会召开期\n\n间，",
        "2024-04-29",
        [("2024-04-27", "point"), ("2024", "point")],
    ),
    ("本报讯（记者 张伟）到2027年，成为世界\n\n科技园区发展的重要标杆", "2024-04-29", [("2027", "target")]),
    ("《中关村世界领先科技园区建设方\n\n案（2024-2027年）》。", "2024-04-29", [("2024", "period", "2027")]),
    ("4 月 25 日，《中关村世界领先科技园区建设方案", "2024-04-29", [("2024-04-25", "point")]),
    ("2027年初步建成世界领先科技园区", "2024-04-29", [("2027", "target")]),
    ("经\n\n过30多年的发展，国家高新区已经走出了", "2024-04-29", []),
    ("2023年全国178家国家高新区实现园\n\n区生产总值18万亿元", "2024-04-29", [("2023", "point")]),
    # 002, 2020-01-20
    ("2019年1—11月，规模以上企业总收入", "2020-01-20", [("2019-01", "range", "2019-11")]),
    ("截至2019年年底，我国国内(不含港澳台)", "2020-01-20", [("2019", "cumulative")]),
    # 003, 2025-03 (month precision)
    (
        "国家高新区2024年发展成绩单不久前公布",
        "2025-03",
        [("2024", "point"), ("2025-03", "vague", ("2025-02-15", "2025-03-31"))],
    ),
    ("今年1月■★■■,《国家高新区新赛道培育行动方案》印发", "2025-03", [("2025-01", "point")]),
    # 004, 2022-12-15
    ("截至今年6月底,南通高新区建有", "2022-12-15", [("2022-06", "cumulative")]),
    (
        "截至目前,国家高新区总数\n\n达173家,较2012年增加84家",
        "2022-12-15",
        [("2022", "cumulative"), ("2012", "point")],
    ),
    ("于2020年10月1日出台《大连高新区", "2022-12-15", [("2020-10-01", "point")]),
    ("11月29日,第十一届中国创新创业大赛", "2022-12-15", [("2022-11-29", "point")]),
    ("2022年6月28日，习近平总书记在", "2022-12-15", [("2022-06-28", "point")]),
    ("2022年第21期(总第550\n期) 2022年12月15日", "2022-12-15", [("2022", "point"), ("2022-12-15", "point")]),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), SEED_ROWS)
def test_seed_sentences(text: str, anchor: str, expected: list[tuple]) -> None:
    assert found(text, anchor) == expected


@pytest.mark.parametrize(
    ("name", "anchor", "expected"),
    [
        ("000_b0261aa5946ba25b.txt", "2024-04-29", {("2024-04-27", "point"), ("2024-04-26", "point")}),
        ("002_114833f442edb46f.txt", "2020-01-20", {("2019-01", "range", "2019-11"), ("2019", "cumulative")}),
        ("004_cbeede84a2c6244c.txt", "2022-12-15", {("2016-04", "point"), ("2022-06", "cumulative")}),
    ],
)
def test_whole_seed_documents(seeds_dir, name: str, anchor: str, expected: set[tuple]) -> None:
    text = (seeds_dir / name).read_text(encoding="utf-8")
    mentions = find_dates(text, PartialDate.parse(anchor))
    assert expected <= {summary(m) for m in mentions}
    # In text order, without overlaps, each phrase the text it points at.
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
    assert all(text[m.start : m.end] == m.phrase for m in mentions)
    # Nothing from a serial number, an issue number or a quantity.
    assert not any(re.search(r"[号届期件家个%]", m.phrase) for m in mentions)


def test_lead_filter_keeps_every_token(seeds_dir) -> None:
    """The fast lookahead on lead characters must not drop a token the full pattern finds."""
    full = re.compile(dates._TOKENS, re.VERBOSE)
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    texts += [row[0] for row in POINTS + YEARLESS + RANGES + PERIODS + VAGUE + CUMULATIVE + TARGETS + CONTEXT]
    texts += NEGATIVE
    for text in texts:
        spans = [(m.lastgroup, m.span()) for m in full.finditer(text)]
        assert [(m.lastgroup, m.span()) for m in dates._TOKEN_RE.finditer(text)] == spans
        assert {kind for kind, _ in spans} <= set(dates._KINDS)
