"""Dates known to a precision (a year, a month or a day), written as much as is known:
"2024", "2024-04", "2024-04-27". Shared by every app: the models store a date and its
``Precision``, spreadsheets, the admin and the API write it this way."""

from __future__ import annotations

import datetime as dt

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
