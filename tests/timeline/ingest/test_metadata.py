"""The publication date and publisher a document gives of itself, on pages written for these
tests. Each page goes through the cleaner first, as in the pipeline (Traditional script is
Simplified, spaces are tidied, before the metadata stage reads the lines)."""

from __future__ import annotations

import pytest

from timeline.ingest.clean import clean
from timeline.ingest.metadata import read_metadata, signature_date

BODY = "\n".join(f"第{n}段，南湖高新区持续优化营商环境，推动企业创新发展。" for n in range(1, 46))


def published(raw: str, html_meta: dict[str, str] | None = None) -> str | None:
    date = read_metadata(clean(raw).text, html_meta).published
    return date.iso() if date else None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # A labelled date beats a bare date at the top of a reposted page (a crawl day, today).
        (
            "要闻 > 正文\n2031年03月02日 星期日\n南湖科技城举办人才节\n"
            "发布时间：2019-08-14 09:30:00 来源：南湖日报\n8月13日，南湖科技城举办人才节。",
            "2019-08-14",
        ),
        (
            "信息来源：南湖市科技局 发布日期：2014-03-21 浏览次数：88\n3月20日，南湖市科技局召开会议。",
            "2014-03-21",
        ),
        ("南湖新闻网\n时间：2019-08-14 09:30 作者：王红\n8月13日，园区举办论坛。", "2019-08-14"),
        # A date stamp with a clock and a 来源 field, in Traditional script.
        (
            "南湖高新區舉辦論壇\n2021年09月03日 14:05 | 來源：南湖新聞網\n9月2日，南湖高新區舉辦論壇。",
            "2021-09-03",
        ),
        # A bare stamp with a view count; a date set over lines.
        ("南湖高新区新增企业三百家\n2018-11-02 1532\n10月，园区新增企业三百家。", "2018-11-02"),
        ("南湖科技城签约十个项目\n2020\n11/05\n08:45\n11月4日，南湖科技城签约十个项目。", "2020-11-05"),
        ("南湖科技城签约十个项目\n2020\n11/05\n11月4日，南湖科技城签约十个项目。", "2020-11-05"),
        # A print-edition line under a reposted article.
        (
            "南湖高新区获评优秀\n4月8日，南湖高新区获评优秀。\n《 南湖日报 》( 2016年04月09日 第 03 版)",
            "2016-04-09",
        ),
        # An update, print or "today" date is not the publication date.
        ("更新时间：2030-01-01 08:00\n发布时间：2019-02-03 10:00\n2月2日，园区举办论坛。", "2019-02-03"),
        ("今天是\n2030年1月1日\n南湖科技城举办人才节", None),
        # A notice's details are not the page's date.
        ("会议时间：2024年5月10日上午9:00\n会议地点：南湖宾馆", None),
        # Newspapers keep their masthead: beside the publication's name or the issue number it
        # beats a repost stamp printed lower on the page.
        (
            "南湖科技报\n2019年5月6日 星期一\n园区新闻\n"
            "发布时间：2019-04-30 10:00 来源：南湖网\n4月29日，园区举办论坛。",
            "2019-05-06",
        ),
        ("南湖动态\n2022年第9期（总第120期） 2022年6月30日\n6月28日，园区举办论坛。", "2022-06-30"),
        ("2020年1月20日 星期一\n南湖科技报\n1月18日，园区举办论坛。", "2020-01-20"),
        # The name and the date on one masthead line.
        (
            "南湖科技报 2021年3月9日 星期二\n\n南湖高新区举办论坛\n\n本报讯 3月8日，园区举办论坛。",
            "2021-03-09",
        ),
        (
            "南湖科技报 2021年3月9日\n\n南湖高新区举办论坛\n\n本报讯 3月8日，园区举办论坛。\n"
            "发布时间：2021-03-12 10:00",
            "2021-03-09",
        ),
        # A notice is dated by its signature when nothing else dates it, however long it is.
        (
            f"各区人民政府：\n现将《南湖市促进园区发展办法》印发给你们，请认真贯彻执行。\n{BODY}\n"
            "南湖市人民政府办公厅\n2016年3月8日",
            "2016-03-08",
        ),
        (
            "各区人民政府：\n现将《南湖市促进园区发展办法》印发给你们，请认真贯彻执行。\n"
            "南湖市人民政府办公厅\n二〇一六年三月八日\n（此件公开发布）",
            "2016-03-08",
        ),
        (
            f"各有关单位：\n现将《南湖市科技企业培育办法》印发给你们。\n{BODY}\n"
            "南湖市科学技术局\n南湖市财政局\n2019年12月2日",
            "2019-12-02",
        ),
        # A body's name over a sentence that starts with a date is no signature.
        (f"南湖市科学技术局\n2016年3月8日，南湖市科学技术局召开会议。\n{BODY}", None),
    ],
)
def test_publication_date(raw: str, expected: str | None) -> None:
    assert published(raw) == expected


def test_html_metadata_beats_a_signature_but_not_the_page() -> None:
    notice = f"现将《南湖市促进园区发展办法》印发给你们。\n{BODY}\n南湖市人民政府办公厅\n2016年3月8日"
    assert published(notice, {"published": "2016-03-10"}) == "2016-03-10"
    page = "南湖新闻网\n发布时间：2019-08-14 09:30\n8月13日，园区举办论坛。"
    assert published(page, {"published": "2019-08-15"}) == "2019-08-14"


@pytest.mark.parametrize(
    ("raw", "publisher"),
    [
        ("南湖科技报\n2019年5月6日 星期一\n园区新闻。", "南湖科技报"),
        ("南湖科技报 2019年5月6日\n\n南湖高新区举办论坛\n\n本报讯 园区新闻。", "南湖科技报"),
        ("信息来源：南湖市科技局 发布日期：2014-03-21\n3月20日，南湖市科技局召开会议。", "南湖市科技局"),
        ("4月8日，南湖高新区获评优秀。\n《 南湖日报 》( 2016年04月09日 第 03 版)", "南湖日报"),
        ("来源：据统计，园区企业增长一成。", ""),
    ],
)
def test_publisher(raw: str, publisher: str) -> None:
    assert read_metadata(clean(raw).text).publisher == publisher


def test_the_phrase_that_gave_the_date() -> None:
    meta = read_metadata(clean("南湖新闻网\n2021年09月03日 14:05 | 来源：南湖新闻网\n正文。").text)
    assert meta.published_phrase == "2021年09月03日14:05"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("现将《南湖市促进园区发展办法》印发给你们。\n南湖市人民政府办公厅\n2016年3月8日", "2016-03-08"),
        ("南湖科技报\n2019年5月6日 星期一\n园区新闻。", None),
    ],
)
def test_signature_date(raw: str, expected: str | None) -> None:
    date = signature_date(clean(raw).text)
    assert (date.iso() if date else None) == expected
