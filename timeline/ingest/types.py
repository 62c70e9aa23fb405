"""The values that flow between the ingest stages (plain dataclasses, no Django)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

DAY, MONTH, YEAR = "day", "month", "year"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        dt.date(self.year, self.month or 1, self.day or 1)  # raises ValueError when impossible

    @property
    def precision(self) -> str:
        return DAY if self.day else MONTH if self.month else YEAR

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day()
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """'2024', '2024-04' or '2024-04-27' (raises ValueError otherwise)."""
        parts = value.strip().split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {value!r}")
        numbers = [int(p) for p in parts] + [None] * (3 - len(parts))
        return cls(numbers[0], numbers[1], numbers[2])

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)


@dataclass(frozen=True)
class DateMention:
    """A time expression found in text and what it resolves to.

    ``role`` says how to use it: "point" (a day, month or year), "range" (``end`` is set),
    "period" (a plan's years, 2024—2027年), "vague" (近日: ``window`` is set, ``date`` is the
    anchor), "cumulative" (截至…), "target" (a future goal: never an event date).
    """

    start: int
    end: int
    phrase: str
    date: PartialDate
    role: str = "point"
    end_date: PartialDate | None = None
    window: tuple[dt.date, dt.date] | None = None
    relative: bool = False


@dataclass(frozen=True)
class Mention:
    """A named thing found in text: a park, organisation, policy or person.

    ``name`` is the canonical name (the registry's, or the surface form tidied for a new one);
    ``known`` says whether it came from the registry. People carry ``title`` and
    ``organisation`` when the text names them beside the person.
    """

    start: int
    end: int
    surface: str
    kind: str  # "park" | "organisation" | "policy" | "person"
    name: str
    known: bool = True
    title: str = ""
    organisation: str = ""
    document_number: str = ""


@dataclass(frozen=True)
class GazetteerEntry:
    """A known name for the entity linker: a park, organisation, policy or person and its aliases.

    ``valid_from`` / ``valid_until`` bound when the name denotes this body (a ministry's agency
    renamed in a reorganisation): an alias shared by a lineage resolves to the body in office
    at the document's date.
    """

    kind: str  # "park" | "organisation" | "policy" | "person"
    name: str
    aliases: tuple[str, ...] = ()
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None


@dataclass
class Span:
    """A stretch of the cleaned text: [start, end)."""

    start: int
    end: int


@dataclass
class Item:
    """One news item found by the splitter, as offsets into the cleaned text."""

    start: int
    end: int
    headline: str = ""
    dateline: str = ""
    byline: str = ""
    continues: bool = False  # a section of the article before it (no dateline, no credit between)


@dataclass
class Metadata:
    published: PartialDate | None = None
    published_phrase: str = ""
    issue_label: str = ""
    publisher: str = ""
    title: str = ""
    url: str = ""


@dataclass
class EventDraft:
    """An event as the extractor sees it, before the database."""

    kind: str
    date: PartialDate | None  # None: the text dates it only against a publication date nobody gave
    title: str
    evidence: str
    start: int  # offsets of the evidence in the cleaned text
    end: int
    item_index: int
    date_phrase: str = ""
    end_date: PartialDate | None = None
    window: tuple[dt.date, dt.date] | None = None
    parks: list[str] = field(default_factory=list)
    organisations: list[tuple[str, str]] = field(default_factory=list)  # (name, role)
    people: list[str] = field(default_factory=list)
    policies: list[str] = field(default_factory=list)
    confidence: float = 0.5
    rules: list[str] = field(default_factory=list)  # names of the rules (rules.TABLE) that made it
    # set with ``date`` None: the editor must date it; ``date_reason`` says why in one line
    needs_date: bool = False
    date_reason: str = ""


@dataclass
class PolicyFacts:
    """What a document says about one policy: the notice itself (``own``) or one it cites.

    ``kind`` is a ``policies.models.PolicyKind`` value; ``is_policy`` is False for a report of
    figures (an index, a ranking, a yearbook), which is no Policy record. Dates keep their
    precision; an unknown value stays empty.
    """

    title: str
    kind: str
    start: int = -1  # where the document names it (cleaned text); -1 for a metadata field
    end: int = -1
    own: bool = False
    is_policy: bool = True
    issuers: list[str] = field(default_factory=list)
    document_number: str = ""
    written_on: PartialDate | None = None
    published_on: PartialDate | None = None
    period: tuple[int, int] | None = None
    rules: list[str] = field(default_factory=list)


@dataclass
class Document:
    """Everything the pipeline learned from one file: what the importer stores."""

    name: str  # the file's name, no folder
    raw_text: str  # decoded text, as in the file
    text: str  # cleaned text; all offsets below point into it
    raw_index: list[int]  # raw_index[i] = offset in raw_text of text[i]; one extra entry for the end
    encoding: str
    media_type: str
    sha256: str  # of the cleaned text, the content key of a source
    metadata: Metadata
    items: list[Item]
    events: list[EventDraft]
    mentions: list[Mention]  # every entity mention, for new entities and people's positions
    policies: list[PolicyFacts] = field(default_factory=list)  # notices.read_policies

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the raw text of the cleaned span [start, end)."""
        if end <= start:
            return self.raw_index[start], self.raw_index[start]
        return self.raw_index[start], self.raw_index[end - 1] + 1
