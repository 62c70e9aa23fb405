"""The one place where the extractor's output is written to the database.

``import_document`` turns a pipeline ``Document`` into a Source, its NewsItems, the parks,
organisations, people and policies it names (new ones unreviewed), people's positions, and
Events with their Evidence, all in one transaction. Re-importing the same content writes nothing
(the source's content hash is unique), and an event already stored from another document gets
the new evidence instead of a duplicate.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Prefetch, Q

from people.models import Organisation, Park, Person, Position, Precision
from people.names import name_key
from policies.models import Policy, PolicyKind
from timeline.gazetteer import invalidate_gazetteer
from timeline.ingest.entities import policy_period
from timeline.ingest.types import DAY, MONTH, YEAR, Document, EventDraft, PartialDate
from timeline.models import Event, EventKind, EventOrganisation, Evidence, NewsItem, OrganisationRole, Source

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

logger = logging.getLogger(__name__)

PARK, ORGANISATION, PERSON, POLICY = "park", "organisation", "person", "policy"
ENTITY_KINDS = (PARK, ORGANISATION, PERSON, POLICY)

# Two titles describe the same event when this share of the shorter one's character bigrams
# is found in the other (the overlap coefficient: a short headline inside a long one still matches).
SIMILAR_TITLES = 0.5


@dataclass
class ImportResult:
    """What one import wrote: ``created`` is False when the content was already stored."""

    source: Source | None
    created: bool
    events_new: int = 0
    events_merged: int = 0
    entities_new: int = 0
    items: int = 0


def import_document(
    doc: Document,
    *,
    publisher: str = "",
    publish: bool = False,
    user: AbstractBaseUser | None = None,
    source_url: str = "",
) -> ImportResult:
    """Store one document and everything found in it, or nothing when its content is known."""
    with transaction.atomic():
        source, created = Source.objects.get_or_create(
            content_sha256=doc.sha256, defaults=_source_fields(doc, publisher, user, source_url)
        )
        if not created:
            return ImportResult(source=source, created=False)
        items = _create_items(source, doc)
        seen_on = doc.metadata.published.first_day() if doc.metadata.published else None
        entities = _Entities(seen_on)
        entities.resolve(doc)
        _record_positions(doc, source, entities, seen_on)
        writer = _EventWriter(doc, items, entities, publish=publish, user=user)
        for draft in doc.events:
            writer.write(draft)
        writer.flush()
        _refresh_search_text(writer.event_ids)
    if entities.created:
        invalidate_gazetteer()  # the next document's linker should know the new names
    return ImportResult(
        source=source,
        created=True,
        events_new=writer.new,
        events_merged=writer.merged,
        entities_new=entities.created,
        items=len(items),
    )


# --- the source and its news items -----------------------------------------------------------


def _source_fields(doc: Document, publisher: str, user: AbstractBaseUser | None, source_url: str) -> dict:
    meta = doc.metadata
    title = meta.title or next((item.headline for item in doc.items if item.headline), "")
    return {
        "title": title[:300],
        "publisher": (publisher or meta.publisher)[:200],
        "issue_label": meta.issue_label[:100],
        "published_on": meta.published.first_day() if meta.published else None,
        "published_precision": meta.published.precision if meta.published else Precision.DAY,
        "url": (source_url or meta.url)[:500],
        "file_name": doc.name[:255],
        "media_type": doc.media_type[:100],
        "encoding": doc.encoding[:40],
        "raw_text": doc.raw_text,
        "clean_text": doc.text,
        "imported_by": user,
    }


def _create_items(source: Source, doc: Document) -> list[NewsItem]:
    """One NewsItem per item the splitter found; the whole text when it found none."""
    rows = [
        NewsItem(
            source=source,
            position=position,
            headline=item.headline[:300],
            dateline=item.dateline[:200],
            byline=item.byline[:200],
            start=item.start,
            end=item.end,
        )
        for position, item in enumerate(doc.items)
    ] or [NewsItem(source=source, position=0, start=0, end=len(doc.text))]
    return NewsItem.objects.bulk_create(rows)


# --- entities ----------------------------------------------------------------------------------


def _policy_title(name: str) -> str:
    return name.strip().strip("《》").strip()


def _key(kind: str, name: str) -> str:
    return name_key(_policy_title(name) if kind == POLICY else name.strip())


_POLICY_KINDS = (  # longest ending first: 办法 is measures although it ends in 法
    ("办法", PolicyKind.MEASURES),
    ("措施", PolicyKind.MEASURES),
    ("政策", PolicyKind.MEASURES),
    ("方案", PolicyKind.PLAN),
    ("规划", PolicyKind.PLAN),
    ("计划", PolicyKind.PLAN),
    ("意见", PolicyKind.OPINION),
    ("通知", PolicyKind.NOTICE),
    ("报告", PolicyKind.REPORT),
    ("倡议", PolicyKind.INITIATIVE),
    ("条例", PolicyKind.LAW),
    ("法", PolicyKind.LAW),
)
_TRAILING_BRACKETS = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")


def policy_kind(title: str) -> str:
    """The kind a policy's title names by its last word, before a trailing （2024—2027年）."""
    text = _policy_title(title)
    while _TRAILING_BRACKETS.search(text):
        text = _TRAILING_BRACKETS.sub("", text)
    for ending, kind in _POLICY_KINDS:
        if text.endswith(ending):
            return kind
    return PolicyKind.OTHER


_ORGANISATION_KINDS = (  # the ending of a new organisation's name says what it most likely is
    (("管委会", "管理委员会"), Organisation.Kind.PARK_COMMITTEE),
    (("人民政府", "政府"), Organisation.Kind.LOCAL_GOVERNMENT),
    (("大学", "学院", "研究院", "研究所", "科学院"), Organisation.Kind.UNIVERSITY),
    (("公司", "集团"), Organisation.Kind.COMPANY),
    (("协会", "学会", "商会", "联盟", "联合会"), Organisation.Kind.ASSOCIATION),
    (("报社", "电视台", "新闻社"), Organisation.Kind.MEDIA),
    (("部",), Organisation.Kind.MINISTRY),
    (("局", "厅", "委", "委员会", "办公室"), Organisation.Kind.AGENCY),
)


def organisation_kind(name: str) -> str:
    for endings, kind in _ORGANISATION_KINDS:
        if name.endswith(endings):
            return kind
    return Organisation.Kind.OTHER


class _Entities:
    """Name key → id for every park, organisation, person and policy a document names.

    Known names are loaded with one query per kind (names and aliases together); the rest are
    created, unreviewed. Later lookups are dictionary hits, never a query per mention.
    """

    def __init__(self, seen_on: dt.date | None) -> None:
        self.seen_on = seen_on
        self.ids: dict[str, dict[str, int]] = {kind: {} for kind in ENTITY_KINDS}
        self.policies: dict[int, Policy] = {}
        self.created = 0

    def id(self, kind: str, name: str) -> int | None:
        return self.ids[kind].get(_key(kind, name)) if name.strip() else None

    def ids_of(self, kind: str, names: Iterable[str]) -> list[int]:
        found = (self.id(kind, name) for name in names)
        return sorted({pk for pk in found if pk is not None})

    def resolve(self, doc: Document) -> None:
        wanted = _names_by_kind(doc)
        loaders = {PARK: self._load_parks, ORGANISATION: self._load_organisations}
        loaders |= {PERSON: self._load_people, POLICY: self._load_policies}
        for kind in ENTITY_KINDS:
            keys = {_key(kind, name): name for name in reversed(wanted[kind])}  # first spelling wins
            keys.pop("", None)
            if keys:
                loaders[kind](keys)
                for key, name in keys.items():
                    if key not in self.ids[kind]:
                        self.ids[kind][key] = self._create(kind, name)
        self._complete_policies(doc)

    def _load_parks(self, keys: dict[str, str]) -> None:
        rows = Park.objects.filter(Q(name_key__in=keys) | Q(aliases__name_key__in=keys))
        by_name, by_alias = _hits(rows.values_list("id", "name_key", "aliases__name_key"), keys)
        self._choose(PARK, keys, by_name, by_alias)

    def _load_organisations(self, keys: dict[str, str]) -> None:
        rows = Organisation.objects.filter(Q(name_key__in=keys) | Q(aliases__name_key__in=keys))
        rows = list(rows.values_list("id", "name_key", "aliases__name_key", "renamed_on"))
        renamed_on = {pk: on for pk, _, _, on in rows}
        by_name, by_alias = _hits(((pk, key, alias) for pk, key, alias, _ in rows), keys)

        def in_office(pk: int) -> tuple:
            # an alias shared by a lineage (old and new name of one agency) means the body that
            # had been renamed last by the document's date
            on = renamed_on[pk]
            current = on is None or self.seen_on is None or on <= self.seen_on
            return (current, on or dt.date.min, -pk)

        self._choose(ORGANISATION, keys, by_name, by_alias, prefer=in_office)

    def _load_people(self, keys: dict[str, str]) -> None:
        rows = Person.objects.filter(Q(name_key__in=keys) | Q(aliases__name_key__in=keys))
        rows = rows.values_list("id", "name_key", "aliases__name_key", "disambiguation")
        # a bare name means the person recorded without a disambiguation; an alias means its owner
        by_name, by_alias = _hits(
            ((pk, key if not extra else "", alias) for pk, key, alias, extra in rows), keys
        )
        self._choose(PERSON, keys, by_name, by_alias)

    def _load_policies(self, keys: dict[str, str]) -> None:
        short_titles = {_policy_title(name) for name in keys.values()}
        rows = Policy.objects.filter(Q(title_key__in=keys) | Q(short_title__in=short_titles))
        by_name: dict[str, set[int]] = defaultdict(set)
        by_alias: dict[str, set[int]] = defaultdict(set)
        for policy in rows:
            self.policies[policy.pk] = policy
            by_name[policy.title_key].add(policy.pk)
            by_alias[name_key(policy.short_title)].add(policy.pk)
        self._choose(POLICY, keys, by_name, by_alias)

    def _choose(self, kind, keys, by_name, by_alias, *, prefer=lambda pk: -pk) -> None:
        """A record's own name beats another record's alias; ties go to ``prefer``."""
        for key in keys:
            candidates = by_name.get(key) or by_alias.get(key)
            if candidates:
                self.ids[kind][key] = max(candidates, key=prefer)

    def _create(self, kind: str, name: str) -> int:
        self.created += 1
        if kind == POLICY:
            title = _policy_title(name)[:300]
            period = policy_period(title)
            policy = Policy(title=title, kind=policy_kind(title), is_reviewed=False)
            if period:
                policy.period_start, policy.period_end = period
            policy.save()
            self.policies[policy.pk] = policy
            return policy.pk
        name = name.strip()[:200]
        if kind == PARK:
            record = Park(name=name, is_reviewed=False)
        elif kind == ORGANISATION:
            record = Organisation(name=name, kind=organisation_kind(name), is_reviewed=False)
        else:
            record = Person(name=name, disambiguation="", is_reviewed=False)
        record.save()
        return record.pk

    def _complete_policies(self, doc: Document) -> None:
        """Fill a policy's document number and period when a mention gives them and it has none."""
        for mention in doc.mentions:
            if mention.kind != POLICY:
                continue
            policy = self.policies.get(self.id(POLICY, mention.name))
            if policy is None:
                continue
            changed = []
            number = mention.document_number.strip()[:100]
            if number and not policy.document_number:
                policy.document_number = number
                changed.append("document_number")
            period = policy_period(mention.name)
            if period and policy.period_start is None and policy.period_end is None:
                policy.period_start, policy.period_end = period
                changed += ["period_start", "period_end"]
            if changed:
                policy.save(update_fields=[*changed, "updated"])


def _names_by_kind(doc: Document) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {kind: [] for kind in ENTITY_KINDS}
    for mention in doc.mentions:
        if mention.kind in names:
            names[mention.kind].append(mention.name)
        if mention.kind == PERSON and mention.organisation:
            names[ORGANISATION].append(mention.organisation)
    for draft in doc.events:
        names[PARK] += draft.parks
        names[ORGANISATION] += [name for name, _ in draft.organisations]
        names[PERSON] += draft.people
        names[POLICY] += draft.policies
    return names


def _hits(rows, keys) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    """Split (id, name key, alias key) rows into the keys matched by name and by alias."""
    by_name: dict[str, set[int]] = defaultdict(set)
    by_alias: dict[str, set[int]] = defaultdict(set)
    for pk, key, alias in rows:
        if key in keys:
            by_name[key].add(pk)
        if alias in keys:
            by_alias[alias].add(pk)
    return by_name, by_alias


# --- positions ---------------------------------------------------------------------------------

_SENTENCE_END = "。！？!?；;\n"


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds [start, end): the quote that shows a position."""
    left = max((text.rfind(mark, 0, start) for mark in _SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(mark, end) for mark in _SENTENCE_END) if i >= 0]
    right = min(ends) + 1 if ends else len(text)
    return text[left:right].strip()


def _record_positions(doc: Document, source: Source, entities: _Entities, seen_on: dt.date | None) -> None:
    """Upsert the titles people hold, widening first/last seen with the publication date."""
    wanted: dict[tuple[int, int | None, str], str] = {}
    for mention in doc.mentions:
        title = mention.title.strip()[:200]
        person = entities.id(PERSON, mention.name) if mention.kind == PERSON else None
        if person is None or not title:
            continue
        key = (person, entities.id(ORGANISATION, mention.organisation), title)
        wanted.setdefault(key, sentence_around(doc.text, mention.start, mention.end))
    if not wanted:
        return
    people = {person for person, _, _ in wanted}
    existing = {
        (p.person_id, p.organisation_id, p.title): p for p in Position.objects.filter(person_id__in=people)
    }
    for (person, organisation, title), quote in wanted.items():
        position = existing.get((person, organisation, title))
        if position is None:
            Position.objects.create(
                person_id=person,
                organisation_id=organisation,
                title=title,
                first_seen=seen_on,
                last_seen=seen_on,
                source=source,
                quote=quote,
            )
        elif seen_on is not None:
            first = min(position.first_seen or seen_on, seen_on)
            last = max(position.last_seen or seen_on, seen_on)
            if (first, last) != (position.first_seen, position.last_seen):
                position.first_seen, position.last_seen = first, last
                position.save(update_fields=["first_seen", "last_seen"])


# --- events ------------------------------------------------------------------------------------

_NOT_TITLE = re.compile(r"[\W_]+")


def _bigrams(title: str) -> set[str]:
    text = _NOT_TITLE.sub("", unicodedata.normalize("NFKC", title))
    return {text[i : i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


def title_similarity(a: str, b: str) -> float:
    """Share of the shorter title's character bigrams found in the other (0 … 1)."""
    first, second = _bigrams(a), _bigrams(b)
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def likeness(
    kind: str,
    titles: tuple[str, str],
    parks: tuple[Iterable[int], Iterable[int]],
    policies: tuple[Iterable[int], Iterable[int]],
) -> float:
    """How alike two reports of one kind are (0 … 1); 0 when they cannot be the same event.

    Reports about different parks are different events, and so are statistics quoting
    different figures, however alike their wording; one policy released is one release.
    """
    first_parks, second_parks = set(parks[0]), set(parks[1])
    if first_parks and second_parks and not first_parks & second_parks:
        return 0.0
    if kind == EventKind.STATISTIC:
        figures = [set(_FIGURE.findall(unicodedata.normalize("NFKC", title))) for title in titles]
        if figures[0] != figures[1]:
            return 0.0
    if kind == EventKind.POLICY_RELEASE and set(policies[0]) & set(policies[1]):
        return 1.0
    return title_similarity(*titles)


def _partial(date: dt.date, precision: str) -> PartialDate:
    if precision == YEAR:
        return PartialDate(date.year)
    if precision == MONTH:
        return PartialDate(date.year, date.month)
    return PartialDate(date.year, date.month, date.day)


def _draft_span(draft: EventDraft) -> tuple[dt.date, dt.date]:
    """The days the draft's date may mean: its window, its range, or its whole month or year."""
    if draft.window:
        return draft.window
    start = draft.date.first_day()
    end = draft.end_date.last_day() if draft.end_date else draft.date.last_day()
    return start, max(start, end)


def _event_span(event: Event) -> tuple[dt.date, dt.date]:
    if event.window_start and event.window_end:
        return event.window_start, event.window_end
    end = event.end_date or _partial(event.date, event.precision).last_day()
    return event.date, max(event.date, end)


def _rank(precision: str, windowed: bool) -> float:
    """How precise a date is: a vague 近日 window sits between a month and a known day."""
    rank = {YEAR: 0.0, MONTH: 1.0, DAY: 2.0}[precision]
    return rank - 0.5 if windowed and precision == DAY else rank


def _date_fields(draft: EventDraft) -> dict:
    end_date = draft.end_date.last_day() if draft.end_date else None
    start = draft.date.first_day()
    return {
        "date": start,
        "precision": draft.date.precision,
        "end_date": end_date if end_date and end_date > start else None,
        "window_start": min(draft.window) if draft.window else None,
        "window_end": max(draft.window) if draft.window else None,
    }


class _EventWriter:
    """Creates an Event per draft, or adds its evidence to the event it duplicates."""

    def __init__(
        self, doc: Document, items: list[NewsItem], entities: _Entities, *, publish: bool, user
    ) -> None:
        self.doc = doc
        self.items = items
        self.entities = entities
        self.status = Event.Status.PUBLISHED if publish else Event.Status.CANDIDATE
        self.user = user
        self.new = 0
        self.merged = 0
        self.event_ids: list[int] = []
        self._here: list[tuple[Event, EventDraft, dict[str, list[int]]]] = []  # events this document created
        self._evidence: list[Evidence] = []
        self._passages: set[tuple[int, int, int]] = set()

    def write(self, draft: EventDraft) -> None:
        kind = draft.kind if draft.kind in EventKind.values else EventKind.OTHER
        relations = {
            PARK: self.entities.ids_of(PARK, draft.parks),
            ORGANISATION: self.entities.ids_of(ORGANISATION, [name for name, _ in draft.organisations]),
            POLICY: self.entities.ids_of(POLICY, draft.policies),
        }
        event = self._same_in_document(kind, draft, relations) or self._same_in_database(
            kind, draft, relations
        )
        if event is None:
            event = Event(
                kind=kind,
                title=(draft.title.strip() or draft.evidence.strip())[:300],
                confidence=min(1.0, max(0.0, draft.confidence)),
                status=self.status,
                **_date_fields(draft),
            )
            self._save(event)
            self.new += 1
            self._here.append((event, draft, relations))
            self.event_ids.append(event.pk)
        else:
            self._refine(event, draft)
            self.merged += 1
            if event.pk not in self.event_ids:
                self.event_ids.append(event.pk)
        self._relate(event, draft, relations)
        self._add_evidence(event, draft)

    def flush(self) -> None:
        Evidence.objects.bulk_create(self._evidence)
        self._evidence = []

    def _save(self, event: Event, **kwargs) -> None:
        if self.user is not None:
            event._history_user = self.user  # simple-history records who imported it
        event.save(**kwargs)

    def _same_in_document(
        self, kind: str, draft: EventDraft, relations: dict[str, list[int]]
    ) -> Event | None:
        """An event this document already stored from a draft of the same kind and date, told alike."""
        for event, other, other_relations in self._here:
            same_date = (other.date, other.end_date, other.window) == (
                draft.date,
                draft.end_date,
                draft.window,
            )
            if event.kind != kind or not same_date:
                continue
            score = likeness(
                kind,
                (other.title, draft.title),
                (other_relations[PARK], relations[PARK]),
                (other_relations[POLICY], relations[POLICY]),
            )
            if score >= SIMILAR_TITLES:
                return event
        return None

    def _same_in_database(
        self, kind: str, draft: EventDraft, relations: dict[str, list[int]]
    ) -> Event | None:
        """A live event of the same kind, a compatible date, a shared entity and a similar title."""
        if not any(relations.values()):
            return None
        shared = Q(parks__in=relations[PARK]) | Q(organisations__in=relations[ORGANISATION])
        shared |= Q(policies__in=relations[POLICY])
        start, end = _draft_span(draft)
        # a coarse prefilter in SQL (a year-precision event starts at most a year before), exact test below
        candidates = (
            Event.objects.live()
            .filter(kind=kind)
            .filter(Q(date__lte=end) | Q(window_start__lte=end))
            .filter(
                Q(date__gte=start - dt.timedelta(days=366))
                | Q(end_date__gte=start)
                | Q(window_end__gte=start)
            )
            .filter(shared)
            .distinct()
            .prefetch_related(
                Prefetch("parks", queryset=Park.objects.only("id")),
                Prefetch("policies", queryset=Policy.objects.only("id")),
            )
        )
        best, best_score = None, 0.0
        for event in candidates:
            event_start, event_end = _event_span(event)
            if event_start > end or start > event_end:
                continue
            score = likeness(
                kind,
                (event.title, draft.title),
                ([p.pk for p in event.parks.all()], relations[PARK]),
                ([p.pk for p in event.policies.all()], relations[POLICY]),
            )
            if score >= SIMILAR_TITLES and (best is None or (score, -event.pk) > (best_score, -best.pk)):
                best, best_score = event, score
        return best

    def _refine(self, event: Event, draft: EventDraft) -> None:
        """A more precise date or a higher confidence from the new report improves the event."""
        changed = []
        new_rank = _rank(draft.date.precision, draft.window is not None)
        if new_rank > _rank(event.precision, event.window_start is not None):
            for field, value in _date_fields(draft).items():
                setattr(event, field, value)
                changed.append(field)
        confidence = min(1.0, max(0.0, draft.confidence))
        if confidence > event.confidence:
            event.confidence = confidence
            changed.append("confidence")
        if changed:
            self._save(event, update_fields=[*changed, "updated"])

    def _relate(self, event: Event, draft: EventDraft, relations: dict[str, list[int]]) -> None:
        if relations[PARK]:
            event.parks.add(*relations[PARK])
        if relations[POLICY]:
            event.policies.add(*relations[POLICY])
        people = self.entities.ids_of(PERSON, draft.people)
        if people:
            event.people.add(*people)
        roles = {
            (
                self.entities.id(ORGANISATION, name),
                role if role in OrganisationRole.values else OrganisationRole.PARTICIPANT,
            )
            for name, role in draft.organisations
        }
        rows = [
            EventOrganisation(event=event, organisation_id=pk, role=role)
            for pk, role in roles
            if pk is not None
        ]
        if rows:
            EventOrganisation.objects.bulk_create(rows, ignore_conflicts=True)

    def _add_evidence(self, event: Event, draft: EventDraft) -> None:
        if draft.end <= draft.start:
            raise ValueError(f"event {draft.title!r} has an empty evidence span ({draft.start}, {draft.end})")
        item = self._item(draft)
        if (event.pk, item.pk, draft.start) in self._passages:
            return  # two drafts of one event quoting the same passage: one piece of evidence
        self._passages.add((event.pk, item.pk, draft.start))
        raw_start, raw_end = self.doc.raw_span(draft.start, draft.end)
        self._evidence.append(
            Evidence(
                event=event,
                news_item=item,
                quote=draft.evidence.strip() or self.doc.text[draft.start : draft.end],
                start=draft.start,
                end=draft.end,
                raw_start=raw_start,
                raw_end=raw_end,
                date_phrase=draft.date_phrase[:100],
            )
        )

    def _item(self, draft: EventDraft) -> NewsItem:
        if 0 <= draft.item_index < len(self.doc.items):
            return self.items[draft.item_index]
        holding = [item for item in self.items if item.start <= draft.start < item.end]
        return holding[0] if holding else self.items[0]


def _refresh_search_text(event_ids: list[int]) -> None:
    """Let the public site's search index see the events (when that module is installed)."""
    if not event_ids:
        return
    try:
        from timeline.search import refresh_search_text
    except ModuleNotFoundError as error:
        if error.name != "timeline.search":
            raise
        logger.info(
            "timeline.search is not installed: search text of %d events not refreshed", len(event_ids)
        )
        return
    refresh_search_text(event_ids)
