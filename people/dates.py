"""Dates known to a precision (a year, a month or a day), written as much as is known:
"2024", "2024-04", "2024-04-27" for machines, "2024年4月27日", "2024年4月", "2024年" for readers.
Shared by every app: the models store a date and its ``Precision``; spreadsheets, the admin,
the API, feeds and pages write it with these functions."""

from __future__ import annotations

import datetime as dt

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from people.models import Precision


def format_precise_date(value: dt.date | None, precision: str) -> str:
    """'2024', '2024-04' or '2024-04-27': only as much of the date as is known."""
    if value is None:
        return ""
    if precision == Precision.YEAR:
        return f"{value:%Y}"
    if precision == Precision.MONTH:
        return f"{value:%Y-%m}"
    return value.isoformat()


def parse_precise_date(value: object) -> tuple[dt.date, str] | None:
    """The inverse of ``format_precise_date``; a spreadsheet's own date or a number is a day or a year."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date(), Precision.DAY
    if isinstance(value, dt.date):
        return value, Precision.DAY
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))  # a year typed into a spreadsheet cell comes back as 2024.0
    parts = text.split("-")
    try:
        numbers = [int(part) for part in parts]
        if len(numbers) == 1:
            return dt.date(numbers[0], 1, 1), Precision.YEAR
        if len(numbers) == 2:
            return dt.date(numbers[0], numbers[1], 1), Precision.MONTH
        if len(numbers) == 3:
            return dt.date(*numbers), Precision.DAY
    except ValueError:
        pass
    raise ValueError(f"not a date like 2024, 2024-04 or 2024-04-27: {text!r}")


# --- for readers --------------------------------------------------------------------------------


def _parts(day: dt.date, prefix: str = "") -> dict[str, object]:
    return {
        f"{prefix}year": day.year,
        f"{prefix}month": day.month,
        f"{prefix}day": day.day,
        f"{prefix}month_name": str(MONTHS[day.month]),
    }


def _single(day: dt.date, precision: str) -> str:
    if precision == Precision.YEAR:
        return pgettext("date known to the year", "{year}").format(**_parts(day))
    if precision == Precision.MONTH:
        return pgettext("date known to the month", "{month_name} {year}").format(**_parts(day))
    return pgettext("date known to the day", "{month_name} {day}, {year}").format(**_parts(day))


def _span(start: dt.date, end: dt.date) -> str:
    parts = _parts(start) | _parts(end, "end_")
    if (start.year, start.month) == (end.year, end.month):
        return pgettext("days in one month", "{month_name} {day}–{end_day}, {year}").format(**parts)
    if start.year == end.year:
        return pgettext("days in one year", "{month_name} {day} – {end_month_name} {end_day}, {year}").format(
            **parts
        )
    return pgettext("a span of dates", "{start} – {end}").format(
        start=_single(start, Precision.DAY), end=_single(end, Precision.DAY)
    )


def _window(start: dt.date, end: dt.date) -> str:
    if (start.year, start.month) == (end.year, end.month) or start.year != end.year:
        # a window spanning a new year is written as the month it ends in: the better guess
        return _single(end, Precision.MONTH)
    parts = _parts(start) | _parts(end, "end_")
    return pgettext("months in one year", "{month_name}–{end_month_name} {year}").format(**parts)


def display_date(
    date: dt.date,
    precision: str = Precision.DAY,
    *,
    end_date: dt.date | None = None,
    window_start: dt.date | None = None,
    window_end: dt.date | None = None,
) -> str:
    """A date as precise as it is known: ``2024年4月27日``, ``2025年1月``, ``2024年``, a vague
    date (近日) as the month of its window with ``（约）``, a multi-day event as a span."""
    if window_start and window_end:
        return _("{date} (approx.)").format(date=_window(window_start, window_end))
    if end_date and precision == Precision.DAY and end_date > date:
        return _span(date, end_date)
    return _single(date, precision)


def month_heading(day: dt.date) -> str:
    """The heading of one month's events under their year's heading: ``4月``."""
    return pgettext("month heading", "{month_name}").format(**_parts(day))


def year_only_heading(day: dt.date) -> str:
    """The heading of a year's events known only to the year: ``2021年（月份不详）``."""
    return pgettext("heading of events known to the year", "{year}, month not known").format(**_parts(day))
