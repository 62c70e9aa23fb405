"""Downloads of the filtered published events: CSV for spreadsheets, and TimelineJS JSON
(https://timeline.knightlab.com/docs/json-format.html) for an embeddable timeline."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse, StreamingHttpResponse
from django.utils.html import escape
from django.views.decorators.http import require_GET

from people.models import Precision
from timeline.feeds import feed_title
from timeline.models import Event
from timeline.query import TimelineFilters
from timeline.spreadsheet import neutralised

CSV_CHUNK = 1000
TIMELINEJS_SIZE = 1000  # TimelineJS draws every slide at once: more would not be readable
CSV_COLUMNS = [
    "id",
    "date",
    "precision",
    "approximate",
    "date_display",
    "end_date",
    "window_start",
    "window_end",
    "kind",
    "title",
    "parks",
    "organisations",
    "people",
    "policies",
    "evidence",
    "sources",
    "url",
]


class _Echo:
    """A file-like object whose write() returns the line, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


def _csv_row(item: dict) -> list[str]:
    """One event's cells; text from the documents may start like a formula, so each is neutralised."""
    window = item["window"] or [None, None]
    cells = [
        str(item["id"]),
        item["date"],
        item["precision"],
        "true" if item["approximate"] else "false",
        item["date_display"],
        item["end_date"] or "",
        window[0] or "",
        window[1] or "",
        item["kind"],
        item["title"],
        "|".join(p["name"] for p in item["parks"]),
        "|".join(o["name"] for o in item["organisations"]),
        "|".join(p["name"] for p in item["people"]),
        "|".join(p["title"] for p in item["policies"]),
        "\n".join(e["quote"] for e in item["evidence"]),
        "|".join(sorted({e["source"]["url"] for e in item["evidence"]})),
        item["url"],
    ]
    return [neutralised(cell) for cell in cells]


def filtered_events(request: HttpRequest) -> tuple[TimelineFilters, QuerySet[Event]]:
    """The events an export of this request holds (the timeline's filters), with their details."""
    filters = TimelineFilters.from_query(request.GET)
    return filters, filters.events().defer("search_text").with_details()


@require_GET
def events_csv(request: HttpRequest) -> StreamingHttpResponse:
    """``/export/events.csv``: every filtered event, streamed in chunks (constant memory)."""
    filters, events = filtered_events(request)
    events = events.order_by("date", "id") if filters.order == "asc" else events.order_by("-date", "-id")
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff"  # a BOM, so that spreadsheet programs read the file as UTF-8
        yield writer.writerow(CSV_COLUMNS)
        for event in events.iterator(chunk_size=CSV_CHUNK):
            yield writer.writerow(_csv_row(event.as_json(request.build_absolute_uri)))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="parkline-events.csv"'
    return response


def _timelinejs_date(item: dict) -> dict:
    year, *rest = item["date"].split("-")
    date = {"year": year, "display_date": item["date_display"]}
    if rest:
        date["month"] = str(int(rest[0]))
    if len(rest) > 1 and not item["window"]:
        date["day"] = str(int(rest[1]))
    if item["window"]:
        # a vague date (近日) is known to its month at best
        date.pop("day", None)
    return date


@require_GET
def timelinejs(request: HttpRequest) -> JsonResponse:
    """``/export/timelinejs.json``: the newest filtered events as TimelineJS slides; the date keeps
    only the parts that are known (a month-precision event has no ``day``)."""
    filters, events = filtered_events(request)
    slides = []
    for event in events.order_by("-date", "-id")[:TIMELINEJS_SIZE]:
        item = event.as_json(request.build_absolute_uri)
        slide = {
            "unique_id": f"event-{item['id']}",
            "start_date": _timelinejs_date(item),
            # TimelineJS renders text as HTML: these are plain strings and the client escapes
            # nothing, so the text is given as escaped HTML
            "text": {"headline": _escape(item["title"]), "text": _escape(item["evidence"][0]["quote"])}
            if item["evidence"]
            else {"headline": _escape(item["title"])},
            "group": item["kind_label"],
        }
        if item["end_date"] and event.precision == Precision.DAY and not event.is_approximate:
            end = event.end_date
            slide["end_date"] = {"year": str(end.year), "month": str(end.month), "day": str(end.day)}
        slides.append(slide)
    slides.reverse()  # TimelineJS reads oldest first
    return JsonResponse(
        {
            "title": {"text": {"headline": _escape(feed_title(filters))}},
            "events": slides,
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _escape(text: str) -> str:
    return str(escape(text))
