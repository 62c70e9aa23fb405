"""What the review workbench reads: the queue of events an editor walks (filtered and sorted),
and, for the event in front of them, its article with the evidence sentence highlighted and the
date phrase marked, its likely duplicates, and the names its article brought in that no event
uses yet. Read only: every decision goes through ``timeline.curation`` and ``timeline.entities``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django import forms
from django.db.models import Exists, F, Min, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from people.dates import format_precise_date, parse_precise_date
from people.models import Organisation, Park, Person
from policies.models import Policy
from timeline.importers import (
    SIMILAR_TITLES,
    Report,
    closeness,
    overlapping_events,
    same_event,
    set_apart,
    title_similarity,
)
from timeline.models import Event, EventKind, EventOrganisation, EventStatus, Evidence, Source

QUEUE_ROWS = 300  # rows the list shows; j/k walk the whole queue
QUEUE_WALK = 20000  # ids read to walk the queue (far more than a day's imports)
DUPLICATE_POOL = 300  # events compared with the current one at most
NEW_NAME_POOL = 5000  # unreviewed records per kind looked at for an article's new names

STATUSES = {
    "open": (EventStatus.CANDIDATE, EventStatus.REVIEWED),
    "candidate": (EventStatus.CANDIDATE,),
    "reviewed": (EventStatus.REVIEWED,),
    "published": (EventStatus.PUBLISHED,),
    "rejected": (EventStatus.REJECTED,),
    "all": tuple(EventStatus.values),
}


class PreciseDateField(forms.CharField):
    """A date as precise as it is known: 2024, 2024-04 or 2024-04-27 → (first day, precision)."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("help_text", _("2024, 2024-04 or 2024-04-27: as precise as the source."))
        kwargs.setdefault("widget", forms.TextInput(attrs={"placeholder": "2024-04-27", "size": 12}))
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_precise_date(text)
        except ValueError:
            raise forms.ValidationError(
                _("Not a date like 2024, 2024-04 or 2024-04-27: %(value)s"), params={"value": text}
            ) from None

    def prepare_value(self, value):
        return format_precise_date(*value) if isinstance(value, tuple) else value


class QueueFilterForm(forms.Form):
    """The queue's filters and order, read from the page's query string."""

    status = forms.ChoiceField(
        label=_("status"),
        required=False,
        choices=[
            ("open", _("open (candidates and reviewed)")),
            ("candidate", _("candidates")),
            ("reviewed", _("reviewed")),
            ("published", _("published")),
            ("rejected", _("rejected")),
            ("all", _("all")),
        ],
    )
    kind = forms.ChoiceField(
        label=_("kind"), required=False, choices=[("", _("every kind")), *EventKind.choices]
    )
    source = forms.ModelChoiceField(
        label=_("source"), required=False, queryset=Source.objects.none(), empty_label=_("every source")
    )
    date_from = PreciseDateField(
        label=_("from"), required=False, help_text="", widget=forms.TextInput(attrs={"size": 10})
    )
    date_to = PreciseDateField(
        label=_("to"), required=False, help_text="", widget=forms.TextInput(attrs={"size": 10})
    )
    undated = forms.BooleanField(label=_("undated only"), required=False)
    confidence_min = forms.FloatField(
        label=_("confidence at least"), required=False, min_value=0, max_value=1
    )
    confidence_max = forms.FloatField(label=_("confidence at most"), required=False, min_value=0, max_value=1)
    q = forms.CharField(label=_("title contains"), required=False)
    sort = forms.ChoiceField(
        label=_("order"),
        required=False,
        choices=[
            ("document", _("as in the documents")),
            ("confidence", _("least confident first")),
            ("-confidence", _("most confident first")),
            ("date", _("oldest date first")),
            ("-date", _("newest date first")),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        source = self.fields["source"]
        source.queryset = Source.objects.only(
            "id", "title", "file_name", "publisher", "published_on", "published_precision"
        ).order_by("-imported_at", "-id")
        source.label_from_instance = source_label
        for name in ("confidence_min", "confidence_max"):
            self.fields[name].widget.attrs.update(step="0.05", style="width:5em")

    def value(self, name: str):
        """A filter's cleaned value; a value that failed to parse filters nothing."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) if name not in self.errors else None


def source_label(source: Source) -> str:
    """A document as the source filter lists it: publisher, date, title (or file)."""
    when = format_precise_date(source.published_on, source.published_precision)
    return " · ".join(part for part in (source.publisher, when, source.title or source.file_name) if part)


def queue(filters: QueueFilterForm) -> QuerySet[Event]:
    """The events the filters select, unmerged, in the chosen order."""
    events = Event.objects.filter(merged_into__isnull=True).filter(
        status__in=STATUSES.get(filters.value("status") or "open", STATUSES["open"])
    )
    if filters.value("kind"):
        events = events.filter(kind=filters.value("kind"))
    source = filters.value("source")
    if source is not None:
        events = events.filter(
            Exists(Evidence.objects.filter(event=OuterRef("pk"), news_item__source=source))
        )
    if filters.value("undated"):
        events = events.filter(date__isnull=True)
    if filters.value("date_from"):
        events = events.filter(date__gte=filters.value("date_from")[0])
    if filters.value("date_to"):
        day, precision = filters.value("date_to")
        events = events.filter(date__lte=_last_day(day, precision))
    if filters.value("confidence_min") is not None:
        events = events.filter(confidence__gte=filters.value("confidence_min"))
    if filters.value("confidence_max") is not None:
        events = events.filter(confidence__lte=filters.value("confidence_max"))
    if filters.value("q"):
        events = events.filter(title__icontains=filters.value("q"))
    return _ordered(events, filters.value("sort") or "document")


def _last_day(day: dt.date, precision: str) -> dt.date:
    span = Event(date=day, precision=precision).span()
    return span[1] if span else day


def _ordered(events: QuerySet[Event], sort: str) -> QuerySet[Event]:
    if sort == "confidence":
        return events.order_by("confidence", "id")
    if sort == "-confidence":
        return events.order_by("-confidence", "id")
    if sort == "date":
        return events.order_by(F("date").asc(nulls_first=True), "id")
    if sort == "-date":
        return events.order_by(F("date").desc(nulls_first=True), "-id")
    # as in the documents: the newest import first, each in reading order
    return events.annotate(
        first_source=Min("evidence__news_item__source_id"), first_start=Min("evidence__start")
    ).order_by(F("first_source").desc(nulls_last=True), "first_start", "id")


def queue_rows(events: QuerySet[Event]) -> list[Event]:
    """The list's rows, each with ``first_evidence`` (quote, date phrase and source), in a fixed
    number of queries."""
    evidence = Evidence.objects.select_related("news_item__source").only(
        "id",
        "event_id",
        "quote",
        "date_phrase",
        "news_item__id",
        "news_item__headline",
        "news_item__source__id",
        "news_item__source__title",
        "news_item__source__publisher",
        "news_item__source__published_on",
        "news_item__source__published_precision",
        "news_item__source__file_name",
    )
    rows = list(
        events.defer("search_text", "summary").prefetch_related(
            Prefetch("evidence", queryset=evidence.order_by("id"))
        )[:QUEUE_ROWS]
    )
    for row in rows:
        row.first_evidence = next(iter(row.evidence.all()), None)
    return rows


# --- the article, with the evidence and the date phrase marked ----------------------------------


@dataclass
class Run:
    """A stretch of an article's text and what it is: plain, the evidence, the date phrase."""

    text: str
    evidence: bool = False
    date: bool = False


@dataclass
class Passage:
    """One evidence row as the page shows it: its article cut into paragraphs of runs."""

    evidence: Evidence
    paragraphs: list[list[Run]]
    located: bool  # the quote was found in the article
    date_marked: bool  # the date phrase was found and marked


def _date_span(text: str, lo: int, hi: int, span: tuple[int, int] | None, phrase: str) -> tuple | None:
    """Where the date phrase stands: inside the evidence if it is there, else nearest to it in the
    article (a headline or a dateline dates many sentences)."""
    phrase = phrase.strip()
    if not phrase:
        return None
    if span:
        inside = text.find(phrase, span[0], span[1])
        if inside >= 0:
            return inside, inside + len(phrase)
    anchor = span[0] if span else lo
    found, position = [], lo
    while (position := text.find(phrase, position, hi)) >= 0:
        found.append(position)
        position += 1
    if not found:
        return None
    start = min(found, key=lambda p: abs(p - anchor))
    return start, start + len(phrase)


def passage(evidence: Evidence) -> Passage:
    """``evidence``'s article (its news item, widened to the quote if it reaches beyond) with the
    quote and the date phrase marked, cut at line breaks into paragraphs."""
    item = evidence.news_item
    text = item.source.clean_text
    span = evidence.located_span(text)
    lo, hi = item.start, max(item.end, item.start)
    if span:
        lo, hi = min(lo, span[0]), max(hi, span[1])
    date = _date_span(text, lo, hi, span, evidence.date_phrase)
    cuts = sorted({lo, hi, *(span or ()), *(date or ())})
    paragraphs: list[list[Run]] = [[]]
    for start, end in zip(cuts, cuts[1:], strict=False):
        inside = bool(span and span[0] <= start < span[1])
        dated = bool(date and date[0] <= start < date[1])
        for number, line in enumerate(text[start:end].split("\n")):
            if number:
                paragraphs.append([])
            if line:
                paragraphs[-1].append(Run(line, evidence=inside, date=dated))
    return Passage(
        evidence=evidence,
        paragraphs=[runs for runs in paragraphs if any(run.text.strip() for run in runs)],
        located=span is not None,
        date_marked=date is not None,
    )


# --- one event in front of the editor -----------------------------------------------------------


@dataclass
class Duplicate:
    event: Event
    score: float
    same: bool  # what the importer's rule calls one event


@dataclass
class NewName:
    kind: str
    record: object


@dataclass
class Candidate:
    """Everything the page shows about one event."""

    event: Event
    passages: list[Passage]
    duplicates: list[Duplicate]
    new_names: list[NewName] = field(default_factory=list)


def load_event(pk: int) -> Event | None:
    return (
        Event.objects.filter(pk=pk)
        .select_related("merged_into")
        .prefetch_related(
            "parks",
            "people",
            "policies",
            Prefetch(
                "organisation_roles",
                queryset=EventOrganisation.objects.select_related("organisation").order_by("id"),
            ),
            Prefetch(
                "evidence",
                queryset=Evidence.objects.select_related("news_item__source").order_by("id"),
            ),
            "merges",
        )
        .first()
    )


def candidate(event: Event) -> Candidate:
    passages = [passage(evidence) for evidence in event.evidence.all()]
    return Candidate(
        event=event,
        passages=passages,
        duplicates=likely_duplicates(event),
        new_names=new_names(event),
    )


def _reports(events: list[Event]) -> dict[int, Report]:
    """Each event as the importer's likeness rule sees it, with one query per relation."""
    ids = [event.pk for event in events]
    quotes: dict[int, set[str]] = {pk: set() for pk in ids}
    for pk, quote in Evidence.objects.filter(event_id__in=ids).values_list("event_id", "quote"):
        quotes[pk].add(quote)
    links: dict[str, dict[int, set[int]]] = {}
    for relation, through, column in (
        ("parks", Event.parks.through, "park_id"),
        ("organisations", EventOrganisation, "organisation_id"),
        ("policies", Event.policies.through, "policy_id"),
    ):
        links[relation] = {pk: set() for pk in ids}
        for pk, other in through.objects.filter(event_id__in=ids).values_list("event_id", column):
            links[relation][pk].add(other)
    return {
        event.pk: Report(
            title=event.title,
            evidence=tuple(sorted(quotes[event.pk])),
            parks=frozenset(links["parks"][event.pk]),
            organisations=frozenset(links["organisations"][event.pk]),
            policies=frozenset(links["policies"][event.pk]),
        )
        for event in events
    }


def likely_duplicates(event: Event, *, limit: int = 5) -> list[Duplicate]:
    """Unmerged events of the same kind that may tell the same event: their days overlap and they
    share a park, organisation or policy or are told in alike words, or (a release) they release
    the same policy whatever their dates say. The importer's own rule (``same_event``) ranks first."""
    others = Event.objects.filter(merged_into__isnull=True, kind=event.kind).exclude(pk=event.pk)
    span = event.span()
    pool = set()
    if span:
        pool |= set(
            overlapping_events(event.kind, *span)
            .exclude(pk=event.pk)
            .values_list("pk", flat=True)[:DUPLICATE_POOL]
        )
    else:
        linked = Q(parks__in=event.parks.all()) | Q(
            organisations__in=[r.organisation_id for r in event.organisation_roles.all()]
        )
        linked |= Q(policies__in=event.policies.all())
        pool |= set(others.filter(linked).values_list("pk", flat=True).distinct()[:DUPLICATE_POOL])
    if event.kind == EventKind.POLICY_RELEASE:
        releases = others.filter(policies__in=event.policies.all()).values_list("pk", flat=True)
        pool |= set(releases.distinct()[:DUPLICATE_POOL])
    if not pool:
        return []
    pool_events = list(Event.objects.filter(pk__in=pool).defer("search_text"))
    reports = _reports([event, *pool_events])
    mine = reports[event.pk]
    found = []
    for other in pool_events:
        theirs = reports[other.pk]
        same = same_event(event.kind, mine, theirs)
        if not same and set_apart(event.kind, mine, theirs):
            continue
        same_policy = event.kind == EventKind.POLICY_RELEASE and bool(mine.policies & theirs.policies)
        alike = title_similarity(mine.title, theirs.title) >= SIMILAR_TITLES
        if same or same_policy or mine.shares_an_entity(theirs) or alike:
            found.append(Duplicate(other, closeness(mine, theirs) + 2 * same + same_policy, same))
    found.sort(key=lambda d: (-d.score, d.event.pk))
    return found[:limit]


ENTITY_MODELS = (("park", Park, "name"), ("organisation", Organisation, "name"), ("person", Person, "name"))


def new_names(event: Event) -> list[NewName]:
    """Unreviewed parks, organisations, people and policies whose name stands in the event's
    articles, first seen with or after their import, that no event names: the names the import
    brought in besides the events' own (often a fragment or a phrase: refuse it here)."""
    items = {evidence.news_item_id: evidence.news_item for evidence in event.evidence.all()}
    if not items:
        return []
    texts = [item.source.clean_text[item.start : item.end] for item in items.values()]
    since = min(item.source.imported_at for item in items.values()) - dt.timedelta(seconds=1)
    found = []
    for kind, model, attribute in (*ENTITY_MODELS, ("policy", Policy, "title")):
        used = "event_roles" if model is Organisation else "events"
        fresh = model.objects.filter(is_reviewed=False, created__gte=since, **{f"{used}__isnull": True})
        for record in fresh.order_by(attribute)[:NEW_NAME_POOL]:
            name = getattr(record, attribute)
            if name and any(name in text for text in texts):
                found.append(NewName(kind, record))
    return found


def neighbours(ids: list[int], pk: int | None) -> tuple[int | None, int | None]:
    """The events before and after ``pk`` in the walked queue."""
    if pk is None or pk not in ids:
        return None, (ids[0] if ids else None)
    at = ids.index(pk)
    return (ids[at - 1] if at else None), (ids[at + 1] if at + 1 < len(ids) else None)
