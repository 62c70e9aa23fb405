"""Template helpers of the public pages: dates written as precisely as they are known, search
words highlighted (escaped), and the per-year bar chart."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from django import template
from django.utils.dates import MONTHS
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from people.models import Precision

register = template.Library()


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


@register.filter
def event_date(event) -> str:
    """``{{ event|event_date }}``: :func:`display_date` of an event."""
    return display_date(
        event.date,
        event.precision,
        end_date=event.end_date,
        window_start=event.window_start,
        window_end=event.window_end,
    )


@register.filter
def month_heading(day: dt.date) -> str:
    return pgettext("month heading", "{month_name}").format(**_parts(day))


@register.simple_tag
def date_as_known(date: dt.date | None, precision: str = Precision.DAY) -> str:
    return display_date(date, precision) if date else ""


@register.filter
def highlight(text: str, tokens: Sequence[str] | None) -> SafeString:
    """``text`` escaped, with each search word wrapped in ``<mark>``."""
    text = str(text or "")
    words = sorted({t for t in tokens or () if t}, key=len, reverse=True)
    if not words:
        return conditional_escape(text)
    pattern = re.compile("|".join(map(re.escape, words)), re.IGNORECASE)
    pieces: list[tuple[str, str]] = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append((text[position : match.start()], match.group()))
        position = match.end()
    return format_html("{}{}", format_html_join("", "{}<mark>{}</mark>", pieces), text[position:])


CHART_WIDTH, CHART_HEIGHT, CHART_LABEL = 640, 120, 18


@register.inclusion_tag("includes/year_chart.html")
def year_chart(years: Sequence, base_url: str = "") -> dict:
    """The per-year bar chart as plain SVG geometry: no script, readable at any width."""
    if not years:
        return {"bars": []}
    top = max(bar.count for bar in years) or 1
    slot = CHART_WIDTH / len(years)
    label_every = max(1, round(len(years) / 12))
    bars = []
    for i, bar in enumerate(years):
        height = max(2.0, (CHART_HEIGHT - 16) * bar.count / top) if bar.count else 0
        bars.append(
            {
                "bar": bar,
                "x": round(i * slot + slot * 0.12, 2),
                "width": round(slot * 0.76, 2),
                "y": round(CHART_HEIGHT - height, 2),
                "height": round(height, 2),
                "cx": round(i * slot + slot / 2, 2),
                "label": i % label_every == 0 or i == len(years) - 1,
                "href": base_url + bar.querystring,
            }
        )
    return {
        "bars": bars,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT + CHART_LABEL,
        "baseline": CHART_HEIGHT,
        "label_y": CHART_HEIGHT + CHART_LABEL - 4,
    }
