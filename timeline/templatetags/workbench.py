"""Template helpers of the review workbench (admin): an event's date as stored, with its
precision or window said in words, and a publication date as far as it is known."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from people.dates import format_precise_date
from people.models import Precision
from timeline.models import Event, NewsItem
from timeline.resources import source_line as _source_line

register = template.Library()


@register.filter
def stored_date(event: Event) -> str:
    """'2024-04-27', '2024-04 (known to the month)', '2024-04-20 – 2024-04-27 (approximate, 近日)',
    or 'undated': what the event's date says, and how much of it is known."""
    if event.date is None:
        return _("undated")
    text = format_precise_date(event.date, event.precision)
    if event.end_date:
        text = f"{text} – {event.end_date.isoformat()}"
    if event.window_start:
        return _("%(date)s (sometime %(start)s – %(end)s)") % {
            "date": text,
            "start": event.window_start.isoformat(),
            "end": event.window_end.isoformat(),
        }
    if event.precision == Precision.MONTH:
        return _("%(date)s (known to the month)") % {"date": text}
    if event.precision == Precision.YEAR:
        return _("%(date)s (known to the year)") % {"date": text}
    return text


@register.simple_tag
def precise_date(value, precision) -> str:
    return format_precise_date(value, precision)


@register.simple_tag
def open_queue_size() -> int:
    """How many events wait for a decision: candidates and reviewed ones, not merged."""
    return Event.objects.filter(
        status__in=(Event.Status.CANDIDATE, Event.Status.REVIEWED), merged_into__isnull=True
    ).count()


@register.filter
def source_line(item: NewsItem) -> str:
    """Where a passage was printed: headline · publisher · publication date, or the file."""
    return _source_line(item)
