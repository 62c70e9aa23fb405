"""Dates in metadata (meta tags, URLs, ISO and English strings) and the --published option."""

from __future__ import annotations

import pytest

from timeline.ingest.dates import parse_cli_date, parse_loose_date
from timeline.ingest.types import PartialDate


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # ISO forms, never more precise than written
        ("2024-04-27", "2024-04-27"),
        ("2024-04", "2024-04"),
        ("2024", "2024"),
        ("2024/4/27", "2024-04-27"),
        ("2024-04-27T08:00:00+08:00", "2024-04-27"),
        ("2024-04-27 23:30:00", "2024-04-27"),
        ("2024-04-27T23:30:00Z", "2024-04-27"),
        # English, through dateparser
        ("April 27, 2024", "2024-04-27"),
        ("Sat, 27 Apr 2024 08:00:00 GMT", "2024-04-27"),
        ("April 2024", "2024-04"),
        # URLs of news sites
        ("https://www.example.gov.cn/xinwen/2024-04/27/content_6948.htm", "2024-04-27"),
        ("http://kjt.example.gov.cn/art/2024/4/27/art_1229_58.html", "2024-04-27"),
        ("https://news.example.com/2024/04/27/park-opens.html", "2024-04-27"),
        ("http://www.example.cn/zwgk/202404/t20240427_1234567.html", "2024-04-27"),
        ("http://www.example.cn/zwgk/202404/index.html", "2024-04"),
        # Chinese
        ("发布时间：2024年04月27日 08:00", "2024-04-27"),
        ("来源：某某日报 2024年4月", "2024-04"),
        ("发布日期：2024-04-27", "2024-04-27"),
    ],
)
def test_parse_loose_date(value: str, expected: str) -> None:
    assert parse_loose_date(value) == PartialDate.parse(expected)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "yesterday",
        "27 April",  # no year: dateparser would invent one
        "not a date",
        "2024-02-30",
        "发布时间：4月27日",  # a year-less Chinese date needs an anchor metadata does not have
        "近日",
        "https://www.example.cn/news/index.html",
    ],
)
def test_parse_loose_date_gives_nothing_it_cannot_read(value: str) -> None:
    assert parse_loose_date(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024", PartialDate(2024)),
        ("2024-04", PartialDate(2024, 4)),
        ("2024-04-29", PartialDate(2024, 4, 29)),
        (" 2025-03 ", PartialDate(2025, 3)),
    ],
)
def test_parse_cli_date(value: str, expected: PartialDate) -> None:
    assert parse_cli_date(value) == expected


@pytest.mark.parametrize(
    "value", ["", "2024/04/29", "24-04-29", "2024-13", "2024-02-30", "April 2024", "2024-4-29-1"]
)
def test_parse_cli_date_rejects_other_forms(value: str) -> None:
    with pytest.raises(ValueError, match="--published expects YYYY, YYYY-MM or YYYY-MM-DD"):
        parse_cli_date(value)
