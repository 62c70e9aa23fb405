"""Template helpers of the public pages: dates written as precisely as they are known, search
words highlighted (escaped), and the per-year bar chart."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString

from people.dates import display_date
from people.models import Precision

register = template.Library()


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


CHART_WIDTH, CHART_HEIGHT, CHART_LABEL, CHART_GUTTER = 640, 120, 22, 64
CHART_LABELS = 12  # year labels on a wide screen; a phone shows every other one, larger


def _round_tick(value: int) -> int:
    """A readable axis value at or below ``value``: 1, 2 or 5 times a power of ten."""
    if value < 1:
        return 0
    magnitude = 10 ** (len(str(value)) - 1)
    return max(step * magnitude for step in (1, 2, 5) if step * magnitude <= value)


@register.inclusion_tag("includes/year_chart.html")
def year_chart(years: Sequence, base_url: str = "") -> dict:
    """The per-year bar chart as plain SVG geometry (no script): bars on a real time axis, the
    counts on a value axis at the left, year labels that a phone can still read (every other
    one is ``minor`` and hidden there by the style sheet, the rest drawn larger)."""
    if not years:
        return {"bars": []}
    top = max(bar.count for bar in years) or 1
    plot = CHART_HEIGHT - 16  # the tallest bar's height
    slot = (CHART_WIDTH - CHART_GUTTER) / len(years)
    label_every = max(1, -(-len(years) // CHART_LABELS))
    bars = []
    for i, bar in enumerate(years):
        height = max(2.0, plot * bar.count / top) if bar.count else 0
        labelled = i % label_every == 0
        bars.append(
            {
                "bar": bar,
                "x": round(CHART_GUTTER + i * slot + slot * 0.12, 2),
                "width": round(slot * 0.76, 2),
                "y": round(CHART_HEIGHT - height, 2),
                "height": round(height, 2),
                "cx": round(CHART_GUTTER + i * slot + slot / 2, 2),
                "label": labelled,
                "minor": labelled and (i // label_every) % 2 == 1,
                "href": base_url + bar.querystring,
            }
        )
    ticks = sorted({0, _round_tick(top), _round_tick(top // 2)})
    return {
        "bars": bars,
        "ticks": [{"value": value, "y": round(CHART_HEIGHT - plot * value / top, 2)} for value in ticks],
        "gutter": CHART_GUTTER,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT + CHART_LABEL,
        "baseline": CHART_HEIGHT,
        "label_y": CHART_HEIGHT + CHART_LABEL - 4,
    }
