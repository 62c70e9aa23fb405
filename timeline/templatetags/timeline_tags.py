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
