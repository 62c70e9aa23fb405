"""Feeds of public events that honour the timeline's filters, so that every entity page has
its own (``?park=<slug>`` …): Atom for feed readers, iCalendar for calendars (only events
dated to the day: a month is not a calendar entry, nor is a vague 近日)."""

from __future__ import annotations

import datetime as dt

import icalendar
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from people.citations import SITE_AUTHOR
from people.models import Precision
from timeline.models import Event
from timeline.query import ENTITY_LABELS, ENTITY_MODELS, TimelineFilters

FEED_SIZE = 50
CALENDAR_SIZE = 1000


def _events(filters: TimelineFilters, limit: int, **conditions) -> QuerySet[Event]:
    events = filters.events().filter(**conditions).defer("search_text").with_details()
    return events.order_by("-date", "-id")[:limit]


def feed_title(filters: TimelineFilters) -> str:
    """The site's name, and what the feed is narrowed to when it is one entity's (中关村)."""
    chosen = [(name, slug) for name in ENTITY_MODELS for slug in getattr(filters, name)]
    if len(chosen) == 1 and not filters.q:
        name, slug = chosen[0]
        label = (
            ENTITY_MODELS[name].objects.filter(slug=slug).values_list(ENTITY_LABELS[name], flat=True).first()
        )
        if label:
            return _("{name} · {site}").format(name=label, site=_(SITE_AUTHOR))
    return _(SITE_AUTHOR)


def _description(event: Event) -> str:
    # plain text: the feed generator escapes it, so evidence can never become markup
    date = event.display_date()
    lines = [f"{date} · {event.get_kind_display()}"]
    lines += [evidence.quote for evidence in event.evidence.all()[:3]]
    names = event.names()
    if names:
        lines.append("、".join(names))
    return "\n\n".join(lines)


class EventsFeed(Feed):
    """Atom 1.0. The feed's author is this site, which compiled the events; an entry's author
    is the publisher of its sources (the site when none is known)."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args, **kwargs) -> TimelineFilters:
        return TimelineFilters.from_query(request.GET)

    def title(self, filters: TimelineFilters) -> str:
        return feed_title(filters)

    def subtitle(self, filters: TimelineFilters) -> str:
        return _("Published events of China's science parks and high-tech zones")

    def author_name(self, filters: TimelineFilters) -> str:
        return _(SITE_AUTHOR)

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

    def item_author_name(self, event: Event) -> str:
        return "、".join(event.publishers()) or _(SITE_AUTHOR)

    def item_pubdate(self, event: Event) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(event.date, dt.time()))

    def item_updateddate(self, event: Event) -> dt.datetime:
        return event.updated

    def item_categories(self, event: Event) -> list[str]:
        return [str(event.get_kind_display())]


def events_ics(request: HttpRequest) -> HttpResponse:
    """``/events.ics``: all-day entries for the events whose day is known."""
    filters = TimelineFilters.from_query(request.GET)
    events = _events(filters, CALENDAR_SIZE, precision=Precision.DAY, window_start__isnull=True)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Parkline//科技园区大事记//ZH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", feed_title(filters))
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
        entry.add("url", request.build_absolute_uri(event.get_absolute_url()))
        calendar.add_component(entry)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="parkline-events.ics"'
    return response
