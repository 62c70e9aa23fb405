"""The one place where the extractor's output is written to the database.

``import_document`` turns a pipeline ``Document`` into a Source, its NewsItems, the parks,
organisations, people and policies it names (new ones unreviewed), people's positions, and
Events with their Evidence, all in one transaction. Re-importing the same content writes nothing
(the source's content hash is unique), and an event already stored from another document gets
the new evidence instead of a duplicate.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import IntegrityError, connection, transaction
from django.db.models import Q, QuerySet

from people.links import is_web_url
from people.models import Organisation, Park, Person, Position, Precision, slug_with_suffix
from people.names import name_key
from policies.models import Policy, PolicyAlias, PolicyKind
from timeline.derived import events_changed, events_naming
from timeline.entities import resolve_spellings
from timeline.ingest import notices
from timeline.ingest.entities import policy_period
from timeline.ingest.types import DAY, MONTH, YEAR, Document, EventDraft, PolicyFacts
from timeline.models import (
    Event,
    EventKind,
    EventOrganisation,
    Evidence,
    NewsItem,
    OrganisationRole,
    RefusedName,
    Source,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

PARK, ORGANISATION, PERSON, POLICY = "park", "organisation", "person", "policy"
ENTITY_KINDS = (PARK, ORGANISATION, PERSON, POLICY)


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
        _take_turns()
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
        # search text and facet counts, in the same transaction; a policy given a 文号 is searched
        # by it in every event that names it
        events_changed([*writer.event_ids, *events_naming(Policy, entities.completed)])
    return ImportResult(
        source=source,
        created=True,
        events_new=writer.new,
        events_merged=writer.merged,
        entities_new=entities.created,
        items=len(items),
    )


IMPORT_LOCK = 0x5041524B4C494E45  # any fixed number: the key of the importers' advisory lock


def _take_turns() -> None:
    """Imports write one document at a time, so parallel runs store what one run after another
    stores: a document must see the events of the one written before it to merge its reports
    into them, and the names it created. Extraction, most of the time, still runs side by side.
    PostgreSQL: a transaction-level advisory lock; SQLite writes one transaction at a time anyway."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])


# --- the source and its news items -----------------------------------------------------------


def _source_fields(doc: Document, publisher: str, user: AbstractBaseUser | None, source_url: str) -> dict:
    meta = doc.metadata
    title = (
        meta.title or _issue_title(doc) or next((item.headline for item in doc.items if item.headline), "")
    )
    url = (source_url or meta.url).strip()
    # a canonical link of javascript:… would become a link on the public pages: only a web
    # address is a URL, anything else stays text for the editor to read
    web = len(url) <= 500 and is_web_url(url)
    return {
        "title": title[:300],
        "publisher": (publisher or meta.publisher)[:200],
        "issue_label": meta.issue_label[:100],
        "published_on": meta.published.first_day() if meta.published else None,
        "published_precision": meta.published.precision if meta.published else Precision.DAY,
        "url": url if web else "",
        "url_as_found": "" if web else url[:500],
        "file_name": doc.name[:255],
        "media_type": doc.media_type[:100],
        "encoding": doc.encoding[:40],
        "raw_text": doc.raw_text,
        "clean_text": doc.text,
        "imported_by": user,
    }


def _issue_title(doc: Document) -> str:
    """A newsletter or newspaper issue of several items is titled by its masthead (火炬动态
    2022年第21期), never by one of its headlines."""
    meta = doc.metadata
    if not meta.issue_label or len(doc.items) < 2:
        return ""
    return f"{meta.publisher} {meta.issue_label}".strip()


def _create_items(source: Source, doc: Document) -> list[NewsItem]:
    """One NewsItem per item the splitter found; the whole text when it found none."""
    # an article of one item keeps its own headline: the page's (or the manifest's) title when
    # the splitter found none above the text
    own = doc.metadata.title if len(doc.items) <= 1 else ""
    rows = [
        NewsItem(
            source=source,
            position=position,
            headline=(item.headline or own)[:300],
            dateline=item.dateline[:200],
            byline=item.byline[:200],
            start=item.start,
            end=item.end,
        )
        for position, item in enumerate(doc.items)
    ] or [NewsItem(source=source, position=0, headline=own[:300], start=0, end=len(doc.text))]
    return NewsItem.objects.bulk_create(rows)


# --- entities ----------------------------------------------------------------------------------


def _policy_title(name: str) -> str:
    return name.strip().strip("《》").strip()


def _key(kind: str, name: str) -> str:
    return name_key(_policy_title(name) if kind == POLICY else name.strip())


def policy_kind(title: str) -> str:
    """The kind a policy's title names by its last word (``notices.policy_kind``)."""
    return notices.policy_kind(_policy_title(title))


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
        self.completed: set[int] = set()  # policies whose blanks this document filled
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
        refused = _refused(wanted)
        for kind in ENTITY_KINDS:
            keys = {_key(kind, name): name for name in reversed(wanted[kind])}  # first spelling wins
            keys.pop("", None)
            for key in refused[kind]:  # an editor said it is no such name: never create or link it
                keys.pop(key, None)
            longer = _longer_policy_titles(keys) if kind == POLICY else {}
            keys = {key: name for key, name in keys.items() if key not in longer}
            if keys:
                loaders[kind](keys)
                for key, name in keys.items():
                    if key not in self.ids[kind]:
                        self.ids[kind][key] = self._create(kind, name)
            for short, full in longer.items():  # a shorter title the document also uses
                self.ids[kind][short] = self.ids[kind][full]
        self._complete_policies(doc)

    def _load_parks(self, keys: dict[str, str]) -> None:
        rows = Park.objects.filter(Q(name_key__in=keys) | Q(aliases__name_key__in=keys))
        by_name, by_alias = _hits(rows.values_list("id", "name_key", "aliases__name_key"), keys)
        self._choose(PARK, keys, by_name, by_alias)
        self._other_spellings(Park, PARK, keys)

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
        self._other_spellings(Organisation, ORGANISATION, keys)

    def _other_spellings(self, model, kind: str, keys: dict[str, str]) -> None:
        """信阳高新技术产业开发区 for a known 信阳高新区: link it, keep the spelling as an alias."""
        missing = {key: name for key, name in keys.items() if key not in self.ids[kind]}
        if missing:
            self.ids[kind].update(resolve_spellings(model, missing))

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
        rows = Policy.objects.filter(
            Q(title_key__in=keys) | Q(short_title__in=short_titles) | Q(aliases__title_key__in=keys)
        ).distinct()
        by_name: dict[str, set[int]] = defaultdict(set)
        by_alias: dict[str, set[int]] = defaultdict(set)
        for policy in rows.prefetch_related("aliases"):
            self.policies[policy.pk] = policy
            by_name[policy.title_key].add(policy.pk)
            for alias in (policy.short_title, *(a.title for a in policy.aliases.all())):
                by_alias[name_key(alias)].add(policy.pk)
        self._choose(POLICY, keys, by_name, by_alias)
        # a title without its period or issuers names the policy stored under the full title
        shorter = {name_key(f): key for key, name in keys.items() for f in notices.shorter_forms(name)}
        unknown = {short: key for short, key in shorter.items() if key not in self.ids[POLICY]}
        for policy in Policy.objects.filter(title_key__in=unknown):
            self.policies[policy.pk] = policy
            self.ids[POLICY].setdefault(unknown[policy.title_key], policy.pk)

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
            policy = _insert(policy, title_key=name_key(title))
            self.policies[policy.pk] = policy
            for form in notices.shorter_forms(title)[:1]:  # its title without the period
                if not form.startswith("关于"):  # 关于… without issuers is many provinces' title
                    PolicyAlias.objects.get_or_create(
                        policy=policy, title_key=name_key(form), defaults={"title": form}
                    )
            return policy.pk
        name = name.strip()[:200]
        if kind == PARK:
            return _insert(Park(name=name, is_reviewed=False), name_key=name_key(name)).pk
        if kind == ORGANISATION:
            record = Organisation(name=name, kind=organisation_kind(name), is_reviewed=False)
            return _insert(record, name_key=name_key(name)).pk
        return _insert(Person(name=name, disambiguation="", is_reviewed=False), name_key=name_key(name)).pk

    def _complete_policies(self, doc: Document) -> None:
        """Fill the blanks of the policies the document names from what it says about them (its
        PolicyFacts, else a mention's 文号 and a title's period). A reviewed policy is the
        editor's: the importer changes nothing of it."""
        facts = {name_key(f.title): f for f in doc.policies if f.is_policy}
        for mention in doc.mentions:
            if mention.kind == POLICY:
                key = _key(POLICY, mention.name)
                facts.setdefault(
                    key,
                    PolicyFacts(
                        title=_policy_title(mention.name),
                        kind=policy_kind(mention.name),
                        document_number=mention.document_number.strip(),
                        period=policy_period(mention.name),
                    ),
                )
                if mention.document_number and not facts[key].document_number:
                    facts[key].document_number = mention.document_number.strip()
        for fact in facts.values():
            policy = self.policies.get(self.id(POLICY, fact.title))
            if policy is None or policy.is_reviewed:
                continue
            changed = _fill_policy(policy, fact)
            issuers = self.ids_of(ORGANISATION, fact.issuers)
            if issuers and not policy.issuers.exists():
                policy.issuers.add(*issuers)
                changed.append("issuers")
            if changed:
                fields = [f for f in changed if f != "issuers"]
                policy.save(update_fields=[*fields, "updated"])
                self.completed.add(policy.pk)


def _fill_policy(policy: Policy, fact: PolicyFacts) -> list[str]:
    """Set the policy's blank fields from ``fact``; the names of the fields set."""
    changed = []
    number = fact.document_number.strip()[:100]
    if number and not policy.document_number:
        policy.document_number = number
        changed.append("document_number")
    if policy.kind == PolicyKind.OTHER and fact.kind in PolicyKind.values and fact.kind != PolicyKind.OTHER:
        policy.kind = fact.kind
        changed.append("kind")
    for date, field in ((fact.written_on, "written"), (fact.published_on, "published")):
        if date is not None and getattr(policy, f"{field}_on") is None:
            setattr(policy, f"{field}_on", date.first_day())
            setattr(policy, f"{field}_precision", date.precision)
            changed += [f"{field}_on", f"{field}_precision"]
    if fact.period and policy.period_start is None and policy.period_end is None:
        policy.period_start, policy.period_end = fact.period
        changed += ["period_start", "period_end"]
    return changed


def _longer_policy_titles(keys: dict[str, str]) -> dict[str, str]:
    """Key of a title the document also writes in full → key of the full title (…方案 and
    …方案（2024—2027年）, 关于…的意见 and 国务院关于…的意见 in one document are one policy)."""
    longer: dict[str, str] = {}
    for key in sorted(keys, key=len, reverse=True):
        if key in longer:
            continue
        for form in notices.shorter_forms(_policy_title(keys[key])):
            short = name_key(form)
            if short in keys and short != key and short not in longer:
                longer[short] = longer.get(key, key)
    return longer


def _insert(record, **key):
    """Saves a new record, or returns the one another writer (an editor, another import) saved
    under the same ``key`` meanwhile: the database's unique constraint decides, not a look-up
    before the insert. A slug taken by another name gets the name's own suffix."""
    model = type(record)
    for attempt in range(2):
        try:
            with transaction.atomic():  # a savepoint: a conflict undoes only this insert
                record.save()
            return record
        except IntegrityError:
            existing = model.objects.filter(**key, **_namesake(record)).first()
            if existing is not None:
                return existing
            if attempt:
                raise
            record.pk, record.slug = None, slug_with_suffix(record.slug, next(iter(key.values())))
    raise AssertionError("unreachable")


def _namesake(record) -> dict:
    return {"disambiguation": record.disambiguation} if isinstance(record, Person) else {}


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
    for facts in doc.policies:
        if facts.is_policy:
            names[POLICY].append(facts.title)
            names[ORGANISATION] += facts.issuers
    # a report of figures (an index, a ranking, a yearbook) is no Policy record
    names[POLICY] = [name for name in names[POLICY] if not notices.REPORT.test(_policy_title(name))]
    return names


def _refused(wanted: dict[str, list[str]]) -> dict[str, set[str]]:
    """The keys among the wanted names that an editor refused, by kind (one query)."""
    keys = {_key(kind, name) for kind, names in wanted.items() for name in names}
    refused: dict[str, set[str]] = {kind: set() for kind in ENTITY_KINDS}
    for kind, key in RefusedName.objects.filter(name_key__in=keys).values_list("kind", "name_key"):
        refused[kind].add(key)
    return refused


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


# --- events: when two reports tell one event ---------------------------------------------------

# Two titles are alike when this share of the shorter one's character bigrams is found in the other
# (the overlap coefficient: a short headline inside a long one still matches).
SIMILAR_TITLES = 0.5
# Two evidence passages are one sentence when this share of all their character bigrams is common
# to both (Jaccard): a copy with a word or a short clause changed passes, another sentence does not.
SAME_EVIDENCE = 0.8
# A passage shorter than this (letters and digits) says too little to identify an event by itself.
MIN_EVIDENCE_CHARS = 10
# The candidate query reads the (kind, date) index from LOOKBACK before a report's first day (a
# year-precision event is dated 1 January, a multi-day one by its first day) to LOOKAHEAD after its
# last (a 近日 event is dated on its publication day, two weeks after its window opens).
LOOKBACK = dt.timedelta(days=366)
LOOKAHEAD = dt.timedelta(days=31)

_NOT_TEXT = re.compile(r"[\W_]+")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def normalise(text: str) -> str:
    """Text as compared: NFKC (full-width to half-width), letters and digits only."""
    return _NOT_TEXT.sub("", unicodedata.normalize("NFKC", text))


def _bigrams(text: str) -> set[str]:
    text = normalise(text)
    return {text[i : i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


def title_similarity(a: str, b: str) -> float:
    """Share of the shorter title's character bigrams found in the other (0 … 1)."""
    first, second = _bigrams(a), _bigrams(b)
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def _figures(text: str) -> set[str]:
    return set(_FIGURE.findall(unicodedata.normalize("NFKC", text)))


def evidence_similarity(a: str, b: str) -> float:
    """Share of the two passages' character bigrams found in both (Jaccard, 0 … 1).

    0 when either is too short to tell one event from another (a bare 论坛开幕).
    """
    if min(len(normalise(a)), len(normalise(b))) < MIN_EVIDENCE_CHARS:
        return 0.0
    first, second = _bigrams(a), _bigrams(b)
    return len(first & second) / len(first | second)


def same_sentence(a: str, b: str) -> bool:
    """Two passages are one sentence, copied or lightly edited: one holds the other whole (a
    lead-in such as 本报讯（记者 …） added), or they are alike (``SAME_EVIDENCE``) and quote the
    same figures (one template filled with other numbers is another fact)."""
    first, second = sorted((normalise(a), normalise(b)), key=len)
    if len(first) < MIN_EVIDENCE_CHARS:
        return False
    return first in second or (evidence_similarity(a, b) >= SAME_EVIDENCE and _figures(a) == _figures(b))


@dataclass(frozen=True)
class Report:
    """What the likeness rule compares: a draft about to be stored, or a stored event with every
    evidence passage it has so far; the sets hold the ids of the linked entities."""

    title: str
    evidence: tuple[str, ...] = ()
    parks: frozenset[int] = frozenset()
    organisations: frozenset[int] = frozenset()
    policies: frozenset[int] = frozenset()

    def _pairs(self, other: Report) -> Iterable[tuple[str, str]]:
        return ((a, b) for a in set(self.evidence) for b in set(other.evidence))

    def evidence_similarity(self, other: Report) -> float:
        return max((evidence_similarity(a, b) for a, b in self._pairs(other)), default=0.0)

    def tells_the_same_sentence(self, other: Report) -> bool:
        return any(same_sentence(a, b) for a, b in self._pairs(other))

    def shares_an_entity(self, other: Report) -> bool:
        return bool(
            self.parks & other.parks
            or self.organisations & other.organisations
            or self.policies & other.policies
        )


def set_apart(kind: str, first: Report, second: Report) -> bool:
    """Reports that are different events however alike their words: about different parks,
    statistics quoting different figures, releases of different policies."""
    if first.parks and second.parks and not first.parks & second.parks:
        return True
    if kind == EventKind.STATISTIC and _figures(first.title) != _figures(second.title):
        return True
    if kind == EventKind.POLICY_RELEASE and first.policies and second.policies:
        return not first.policies & second.policies
    return False


def same_event(kind: str, first: Report, second: Report, *, one_document: bool = False) -> bool:
    """Whether two reports of one kind, with dates that overlap, tell the same event.

    Unless ``set_apart``, they do when they release one policy; or when their evidence is one
    sentence (``same_sentence``), whatever their titles and whichever entities the linker found
    in each (copies of a page differ in both); or when their titles are alike (``SIMILAR_TITLES``)
    and they share a park, organisation or policy: two papers telling one event in their words.
    Within ``one_document`` (drafts dated alike) alike titles suffice: a headline and its article.
    """
    if set_apart(kind, first, second):
        return False
    if kind == EventKind.POLICY_RELEASE and first.policies & second.policies:
        return True
    if first.tells_the_same_sentence(second):
        return True
    related = one_document or first.shares_an_entity(second)
    return related and title_similarity(first.title, second.title) >= SIMILAR_TITLES


def closeness(first: Report, second: Report) -> float:
    """How alike two reports' words are (0 … 2): of several events a report may be, the closest."""
    return first.evidence_similarity(second) + title_similarity(first.title, second.title)


def _one_release(kind: str, first: Report, second: Report) -> bool:
    """A policy is released once: two releases of one policy are one event whatever their
    dates (the vaguer or later-dated report only adds evidence)."""
    return kind == EventKind.POLICY_RELEASE and bool(first.policies & second.policies)


def _releases_of(policies: Iterable[int], *, exclude: list[int]) -> list[Event]:
    """Live release events of these policies, whatever their dates."""
    return list(
        Event.objects.live()
        .filter(kind=EventKind.POLICY_RELEASE, policies__in=list(policies))
        .exclude(pk__in=exclude)
        .distinct()
        .defer("search_text")
        .order_by()
    )


def _draft_span(draft: EventDraft) -> tuple[dt.date, dt.date]:
    """The days the draft's date may mean: its window, its range, or its whole month or year."""
    if draft.window:
        return min(draft.window), max(draft.window)
    start = draft.date.first_day()
    end = draft.end_date.last_day() if draft.end_date else draft.date.last_day()
    return start, max(start, end)


def overlapping_events(kind: str, start: dt.date, end: dt.date) -> QuerySet[Event]:
    """Live events of ``kind`` whose days meet [start, end]: a range on the (kind, date) index,
    then the exact test. An event's days are its 近日 window, else its date to its end date, else
    the day, month or year its precision names."""
    ends_after_start = Q(window_end__gte=start) | Q(window_end__isnull=True) & (
        Q(end_date__gte=start)
        | Q(end_date__isnull=True)
        & (
            Q(precision=DAY, date__gte=start)
            | Q(precision=MONTH, date__gte=start.replace(day=1))
            | Q(precision=YEAR, date__gte=start.replace(month=1, day=1))
        )
    )
    starts_before_end = Q(window_start__lte=end) | Q(window_start__isnull=True, date__lte=end)
    return (
        Event.objects.live()
        .filter(kind=kind, date__gte=start - LOOKBACK, date__lte=end + LOOKAHEAD)
        .filter(ends_after_start, starts_before_end)
        .defer("search_text")  # long, and never compared
        .order_by()  # the closest is chosen in Python: no sort
    )


def _rank(precision: str, windowed: bool) -> float:
    """How precise a date is: a vague 近日 window sits between a month and a known day."""
    rank = {YEAR: 0.0, MONTH: 1.0, DAY: 2.0}[precision]
    return rank - 0.5 if windowed and precision == DAY else rank


def _date_fields(draft: EventDraft) -> dict:
    if draft.date is None:  # dated only against a publication date nobody gave: the editor dates it
        return {"date": None, "end_date": None, "window_start": None, "window_end": None}
    end_date = draft.end_date.last_day() if draft.end_date else None
    start = draft.date.first_day()
    return {
        "date": start,
        "precision": draft.date.precision,
        "end_date": end_date if end_date and end_date > start else None,
        "window_start": min(draft.window) if draft.window else None,
        "window_end": max(draft.window) if draft.window else None,
    }


def _when(draft: EventDraft) -> tuple:
    return draft.date, draft.end_date, draft.window


def _linked(links: QuerySet, column: str) -> defaultdict[int, frozenset[int]]:
    """Rows of an event-to-entity link table as event id → entity ids."""
    grouped: defaultdict[int, frozenset[int]] = defaultdict(frozenset)
    for event, entity in links.values_list("event_id", column):
        grouped[event] |= {entity}
    return grouped


class _EventWriter:
    """Creates an Event per draft, or adds its evidence to the event it duplicates."""

    def __init__(
        self, doc: Document, items: list[NewsItem], entities: _Entities, *, publish: bool, user
    ) -> None:
        self.doc = doc
        self.items = items
        self.entities = entities
        self.publish = publish
        self.user = user
        self.new = 0
        self.merged = 0
        self.event_ids: list[int] = []
        self._here: list[tuple[Event, EventDraft, Report]] = []  # events this document created
        self._evidence: list[Evidence] = []
        self._passages: set[tuple[int, int, int]] = set()

    def write(self, draft: EventDraft) -> None:
        kind = draft.kind if draft.kind in EventKind.values else EventKind.OTHER
        relations = {
            PARK: self.entities.ids_of(PARK, draft.parks),
            ORGANISATION: self.entities.ids_of(ORGANISATION, [name for name, _ in draft.organisations]),
            POLICY: self.entities.ids_of(POLICY, draft.policies),
        }
        report = Report(
            title=draft.title,
            evidence=(self._quote(draft),),
            parks=frozenset(relations[PARK]),
            organisations=frozenset(relations[ORGANISATION]),
            policies=frozenset(relations[POLICY]),
        )
        event = self._same_in_document(kind, draft, report)
        if event is None and draft.date is not None:  # an undated report overlaps no stored event
            event = self._same_in_database(kind, draft, report)
        if event is None:
            event = Event(
                kind=kind,
                title=(draft.title.strip() or draft.evidence.strip())[:300],
                confidence=min(1.0, max(0.0, draft.confidence)),
                rules=list(draft.rules),
                # an undated candidate is never published: an editor must date it first
                status=Event.Status.PUBLISHED if self.publish and draft.date else Event.Status.CANDIDATE,
                **_date_fields(draft),
            )
            self._save(event)
            self.new += 1
            self._here.append((event, draft, report))
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

    def _quote(self, draft: EventDraft) -> str:
        return draft.evidence.strip() or self.doc.text[draft.start : draft.end]

    def _same_in_document(self, kind: str, draft: EventDraft, report: Report) -> Event | None:
        """An event this document already stored from a draft of the same kind and date, the same event."""
        for event, other, other_report in self._here:
            same_date = _when(other) == _when(draft) or _one_release(kind, other_report, report)
            if event.kind == kind and same_date and same_event(kind, other_report, report, one_document=True):
                return event
        return None

    def _same_in_database(self, kind: str, draft: EventDraft, report: Report) -> Event | None:
        """The closest live event of the same kind, with overlapping days, that is the same event."""
        candidates = list(overlapping_events(kind, *_draft_span(draft)))
        if kind == EventKind.POLICY_RELEASE and report.policies:
            candidates += _releases_of(report.policies, exclude=[e.pk for e in candidates])
        if not candidates:
            return None
        reports = self._reports(candidates)
        alike = [event for event in candidates if same_event(kind, reports[event.pk], report)]
        return max(alike, key=lambda e: (closeness(reports[e.pk], report), -e.pk), default=None)

    def _reports(self, events: list[Event]) -> dict[int, Report]:
        """Each event as a Report: its title, evidence (stored or still to be written) and entities,
        read with one query per relation."""
        ids = [event.pk for event in events]
        evidence: dict[int, set[str]] = defaultdict(set)
        stored = Evidence.objects.filter(event_id__in=ids).values_list("event_id", "quote").distinct()
        wanted = set(ids)
        pending = [(e.event_id, e.quote) for e in self._evidence if e.event_id in wanted]  # not flushed yet
        for pk, quote in (*stored, *pending):
            evidence[pk].add(quote)
        parks = _linked(Event.parks.through.objects.filter(event_id__in=ids), "park_id")
        organisations = _linked(EventOrganisation.objects.filter(event_id__in=ids), "organisation_id")
        policies = _linked(Event.policies.through.objects.filter(event_id__in=ids), "policy_id")
        return {
            event.pk: Report(
                title=event.title,
                evidence=tuple(sorted(evidence[event.pk])),
                parks=parks[event.pk],
                organisations=organisations[event.pk],
                policies=policies[event.pk],
            )
            for event in events
        }

    def _refine(self, event: Event, draft: EventDraft) -> None:
        """A more precise date or a higher confidence from the new report improves the event."""
        changed = []
        new_rank = _rank(draft.date.precision, draft.window is not None) if draft.date else -1.0
        old_rank = _rank(event.precision, event.window_start is not None) if event.date else -1.0
        if new_rank > old_rank:
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
                quote=self._quote(draft),
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
