"""Dates are written as precisely as they are known, in Chinese by default and in English."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from people.dates import display_date

D = dt.date

# (date, precision, end date, window, Chinese, English)
ROWS = [
    (D(2024, 4, 27), "day", None, None, "2024年4月27日", "April 27, 2024"),
    (D(2025, 1, 1), "month", None, None, "2025年1月", "January 2025"),
    (D(2024, 1, 1), "year", None, None, "2024年", "2024"),
    (
        D(2024, 4, 29),
        "day",
        None,
        (D(2024, 4, 15), D(2024, 4, 29)),
        "2024年4月（约）",
        "April 2024 (approx.)",
    ),
    (
        D(2024, 5, 3),
        "day",
        None,
        (D(2024, 4, 19), D(2024, 5, 3)),
        "2024年4月至5月（约）",
        "April–May 2024 (approx.)",
    ),
    (
        D(2025, 1, 5),
        "day",
        None,
        (D(2024, 12, 22), D(2025, 1, 5)),
        "2025年1月（约）",
        "January 2025 (approx.)",
    ),
    (D(2024, 3, 27), "day", D(2024, 3, 31), None, "2024年3月27日至31日", "March 27–31, 2024"),
    (D(2024, 9, 29), "day", D(2024, 10, 2), None, "2024年9月29日至10月2日", "September 29 – October 2, 2024"),
    (
        D(2024, 12, 30),
        "day",
        D(2025, 1, 2),
        None,
        "2024年12月30日至2025年1月2日",
        "December 30, 2024 – January 2, 2025",
    ),
    (D(2024, 3, 1), "month", D(2024, 3, 31), None, "2024年3月", "March 2024"),  # a span only for known days
]


@pytest.mark.parametrize(("day", "precision", "end", "window", "zh", "en"), ROWS)
def test_display_date(day, precision, end, window, zh, en):
    start, finish = window or (None, None)
    kwargs = {"end_date": end, "window_start": start, "window_end": finish}
    with translation.override("zh-hans"):
        assert display_date(day, precision, **kwargs) == zh
    with translation.override("en"):
        assert display_date(day, precision, **kwargs) == en


@pytest.mark.django_db
def test_the_timeline_writes_dates_in_the_readers_language(client):
    from tests.public import factories as f

    f.event("月份精度的事", date=D(2025, 1, 1), precision="month")
    assert "2025年1月" in client.get("/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "January 2025" in english
    assert "月份精度的事" in english  # event data stays Chinese
