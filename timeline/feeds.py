"""Feeds of published events that honour the timeline's filters: Atom for readers, iCalendar
for calendars (only events dated to the day: a month is not a calendar entry)."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from people.models import Precision
from timeline.filters import TimelineFilters, event_organisations, public_events, with_event_details
from timeline.models import Event
from timeline.templatetags.timeline_tags import display_date

FEED_SIZE = 50
CALENDAR_SIZE = 1000


def _events(filters: TimelineFilters, limit: int, **conditions) -> QuerySet[Event]:
    events = filters.apply(public_events()).filter(**conditions).defer("search_text")
    return with_event_details(events).order_by("-date", "-id")[:limit]


def _event_date(event: Event) -> str:
    return display_date(
        event.date,
        event.precision,
        end_date=event.end_date,
        window_start=event.window_start,
        window_end=event.window_end,
    )


def _names(event: Event) -> list[str]:
    return [
        *(park.name for park in event.parks.all()),
        *(organisation.name for organisation in event_organisations(event)),
        *(person.name for person in event.people.all()),
        *(f"《{policy.title}》" for policy in event.policies.all()),
    ]


def _description(event: Event) -> str:
    # plain text: the feed generator escapes it, so evidence can never become markup
    lines = [f"{_event_date(event)} · {event.get_kind_display()}"]
    lines += [evidence.quote for evidence in event.evidence.all()[:3]]
    names = _names(event)
    if names:
        lines.append("、".join(names))
    return "\n\n".join(lines)


class EventsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args, **kwargs) -> TimelineFilters:
        return TimelineFilters.from_query(request.GET)

    def title(self, filters: TimelineFilters) -> str:
        return _("Parkline: science park timeline")

    def subtitle(self, filters: TimelineFilters) -> str:
        return _("Published events of China's science parks and high-tech zones")

    def link(self, filters: TimelineFilters) -> str:
        return reverse("timeline:index") + filters.querystring()

    def feed_url(self, filters: TimelineFilters) -> str:
        return reverse("timeline:feed_atom") + filters.querystring()

    def items(self, filters: TimelineFilters):
        return _events(filters, FEED_SIZE)

    def item_title(self, event: Event) -> str:
        return event.title

    def item_description(self, event: Event) -> str:
        return _description(event)

    def item_link(self, event: Event) -> str:
        return reverse("timeline:event", kwargs={"pk": event.pk})

    def item_pubdate(self, event: Event) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(event.date, dt.time()))

    def item_updateddate(self, event: Event) -> dt.datetime:
        return event.updated

    def item_categories(self, event: Event) -> list[str]:
        return [str(event.get_kind_display())]


def events_ics(request: HttpRequest) -> HttpResponse:
    """``/events.ics``: all-day entries for the events whose day is known."""
    import icalendar

    filters = TimelineFilters.from_query(request.GET)
    events = _events(filters, CALENDAR_SIZE, precision=Precision.DAY, window_start__isnull=True)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Parkline//科技园区大事记//ZH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Parkline: science park timeline"))
    host = request.get_host().split(":")[0] or "parkline"
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", f"event-{event.pk}@{host}")
        entry.add("dtstamp", event.updated)
        entry.add("dtstart", event.date)
        entry.add("dtend", (event.end_date or event.date) + dt.timedelta(days=1))  # DTEND is exclusive
        entry.add("summary", event.title)
        entry.add("description", _description(event))
        entry.add("categories", [str(event.get_kind_display())])
        entry.add("url", request.build_absolute_uri(reverse("timeline:event", kwargs={"pk": event.pk})))
        calendar.add_component(entry)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="parkline-events.ics"'
    return response
