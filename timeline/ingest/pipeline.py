"""Wires the stages together: bytes of one file in, a ``Document`` out.

decode → clean → metadata → split → (per item) dates → entities → events. Each stage is a
plain function of its own module; this one only passes values along and offsets around.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice

from timeline.ingest import confidence
from timeline.ingest.clean import clean
from timeline.ingest.dates import IMPOSSIBLE_DATE, find_dates, impossible_date
from timeline.ingest.decode import decode
from timeline.ingest.entities import Gazetteer, document_people, document_titles, find_entities
from timeline.ingest.errors import IngestError
from timeline.ingest.events import ItemContext, dedupe_document, extract_events, lead_date
from timeline.ingest.metadata import read_metadata, reposted_report_year, signature
from timeline.ingest.notices import read_policies
from timeline.ingest.registry import read_registry
from timeline.ingest.rules import rule
from timeline.ingest.shapes import document_province
from timeline.ingest.split import split_items
from timeline.ingest.types import DateMention, Document, EventDraft, Item, Mention, PartialDate

_READABLE = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_MIN_READABLE = 8  # fewer letters than this is noise, not a document (counted up to this: no list)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The registry shipped in ``seeds/registry``: what ``extract`` knows without a database."""
    return Gazetteer(read_registry())


def extract_document(
    data: bytes,
    name: str,
    *,
    published: PartialDate | None = None,
    gazetteer: Gazetteer | None = None,
) -> Document:
    """Run every stage on one file's bytes. Raises ``IngestError`` with a one-line reason.

    ``published`` overrides the date the document prints. Without either the document is still
    read: events whose own words give a full date keep it; an event dated only against the
    publication date (今年1月, 近日, 4月27日) is kept with ``date`` None and ``needs_date`` set,
    never guessed. Roles (targets, ranges) are then read against the latest full date the text
    gives, a floor for the unknown publication date.
    """
    decoded = decode(data, name)
    cleaned = clean(decoded.text)
    if sum(1 for _ in islice(_READABLE.finditer(cleaned.text), _MIN_READABLE)) < _MIN_READABLE:
        raise IngestError("no readable text after cleaning (only noise, spam or white space)")
    metadata = read_metadata(cleaned.text, decoded.meta)
    if published is not None:
        metadata.published = _refined(published, metadata.published)
    undated = metadata.published is None
    anchor = metadata.published or _latest_date(cleaned.text) or PartialDate(dt.date.today().year)
    anchor = reposted_report_year(cleaned.text, anchor) or anchor
    anchored: list[_Dated] = []  # every date mention, in document offsets, when undated
    gazetteer = gazetteer or default_gazetteer()
    items = split_items(cleaned.text, cleaned.furniture)
    events, mentions = [], []
    previous_lead = None
    body = cleaned.masked()  # furniture blanked: a 发布时间 line inside an item dates nothing
    titles = document_titles(cleaned.text)
    people = document_people(cleaned.text, gazetteer, anchor.first_day())
    province = document_province(f"{metadata.publisher}\n{cleaned.text}")  # its 省政府, 省科技厅
    signed = _signed(cleaned.text, anchor)
    if undated and signed:
        anchored.append(_Dated(signed.start, signed.end, signed.phrase, signed.date, False))
    for index, item in enumerate(items):
        item_text = body[item.start : item.end]
        following = items[index + 1].start if index + 1 < len(items) else len(cleaned.text)
        signature = signed if signed and item.start <= signed.start < following else None
        item_mentions = find_entities(
            item_text, gazetteer, when=anchor.first_day(), titles=titles, people=people, province=province
        )
        item_anchor = _item_anchor(item, anchor)
        dates = _outside_names(find_dates(item_text, item_anchor, published=anchor), item_mentions)
        if undated:
            anchored += _anchored(dates, item_text, item.start, item_anchor, item.dateline)
        context = ItemContext(
            text=item_text,
            item_index=index,
            offset=item.start,
            # a notice is dated by its signature: what it issues (现将…印发给你们) is of that day
            published=signature.date if signature else anchor,
            dates=dates,
            mentions=item_mentions,
            headline=item.headline,
            inherited_date=_foreign((previous_lead if item.continues else None) or signature),
        )
        events.extend(extract_events(context))
        previous_lead = _foreign(lead_date(context))
        mentions.extend(_shift(m, item.start) for m in item_mentions)
    known = _Known(anchored) if undated else None
    for draft in events:
        if known is not None:
            _undate_if_anchored(draft, known)
        _undate_if_impossible(draft)
    policies = read_policies(cleaned.text, metadata, events, gazetteer)
    events = dedupe_document(events)
    confidence.rate(events, len(cleaned.text))  # a document's events known: how busy it is
    return Document(
        name=name,
        raw_text=decoded.text,
        text=cleaned.text,
        raw_index=cleaned.index,
        encoding=decoded.encoding,
        media_type=decoded.media_type,
        sha256=hashlib.sha256(cleaned.text.encode("utf-8")).hexdigest(),
        metadata=metadata,
        items=items,
        events=events,
        mentions=mentions,
        policies=policies,
    )


def _refined(given: PartialDate, printed: PartialDate | None) -> PartialDate:
    """The user's month or year, made as precise as the date the document prints for itself
    when that date falls inside it (--published 2017-10, a notice signed 2017年10月9日)."""
    if printed is None or given.precision == "day" or printed.precision == given.precision:
        return given
    inside = given.first_day() <= printed.first_day() and printed.last_day() <= given.last_day()
    return printed if inside else given


def _signed(text: str, anchor: PartialDate) -> DateMention | None:
    """The date under a notice's signature, as a mention of another place (its line is page
    furniture), when it is no later than the anchor: the date of what the notice says without
    a date of its own (现批复如下, 现将…印发给你们)."""
    found = signature(text)
    if found is None or found[0].first_day() > anchor.last_day():
        return None
    date, start = found
    phrase = text[start : text.find("\n", start) if "\n" in text[start:] else len(text)].strip()
    return DateMention(start, start + len(phrase), phrase, date, "point")


def _outside_names(dates: list[DateMention], mentions: list[Mention]) -> list[DateMention]:
    """Date mentions that are no part of a person's name: 周一 in 郑建忠、周一富一行 is a name."""
    people = sorted((m.start, m.end) for m in mentions if m.kind == "person")
    starts = [start for start, _ in people]
    kept = []
    for mention in dates:
        index = bisect_right(starts, mention.start) - 1
        if index < 0 or people[index][1] < mention.end:
            kept.append(mention)
    return kept


def _item_anchor(item: Item, published: PartialDate) -> PartialDate:
    """A dateline's own date (新华社北京4月27日电) anchors its item; else the publication date."""
    if item.dateline:
        for mention in find_dates(item.dateline, published, published=published):
            if mention.role in ("point", "dateline") and mention.date.precision == "day":
                return mention.date
    return published


# A second anchor this many years away: a mention that resolves differently against it was read
# against the anchor, not against the text.
_SHIFT_YEARS = 7


@dataclass(frozen=True)
class _Dated:
    """A date mention of an undated document and whether it needs the unknown anchor."""

    start: int
    end: int
    phrase: str
    date: PartialDate
    depends: bool


def _anchored(
    dates: list[DateMention], text: str, offset: int, anchor: PartialDate, dateline: str
) -> list[_Dated]:
    """Whether each date mention depends on the (unknown) publication date: the text read again
    against an anchor years away shows which mentions move. A dateline with a full date of its
    own (新华社北京2024年4月27日电) anchors its item: nothing in it moves."""
    own = bool(dateline) and _item_anchor_is_own(dateline, anchor)
    moved = _shifted(anchor)
    other = {} if own else {(m.start, m.end): m for m in find_dates(text, moved, published=moved)}
    found = []
    for mention in dates:
        twin = other.get((mention.start, mention.end))
        depends = not own and (twin is None or twin.date != mention.date or twin.window != mention.window)
        found.append(
            _Dated(offset + mention.start, offset + mention.end, mention.phrase, mention.date, depends)
        )
    return found


def _item_anchor_is_own(dateline: str, anchor: PartialDate) -> bool:
    return any(
        m.role in ("point", "dateline") and m.date.precision == "day" and not m.relative
        for m in find_dates(dateline, anchor, published=anchor)
    )


def _shifted(anchor: PartialDate) -> PartialDate:
    day = min(anchor.day, 28) if anchor.day else None
    return PartialDate(anchor.year + _SHIFT_YEARS, anchor.month, day)


def _moves(text: str) -> bool:
    """Whether some date of ``text`` resolves differently against two anchors years apart."""
    anchor = PartialDate(2016, 6, 15)
    return any(d.depends for d in _anchored(find_dates(text, anchor), text, 0, anchor, ""))


NEEDS_PUBLICATION_DATE = rule(
    "date.needs_publication_date",
    "date",
    predicate=_moves,
    matches=("今年1月，园区举办创新大会。", "近日，某高新区召开工作会议。", "4月27日，论坛在京开幕。"),
    misses=("2024年4月27日，论坛在京开幕。", "园区于2019年3月获批升级。"),
    why="a document with no publication date: an event dated by these words is kept undated for "
    "the editor, never guessed (今年1月 is not last year's January)",
)


class _Known:
    """The date mentions of an undated document, looked up by phrase and by place (a dict and a
    sorted list: linear in the document, however many events it holds)."""

    def __init__(self, dated: list[_Dated]) -> None:
        self.by_phrase: dict[tuple[str, PartialDate], bool] = {}
        for d in dated:
            key = (d.phrase, d.date)
            self.by_phrase[key] = self.by_phrase.get(key, False) or d.depends
        self.own = sorted((d.start, d.date.year) for d in dated if not d.depends)
        self.starts = [start for start, _ in self.own]

    def own_year_between(self, year: int, start: int, end: int) -> bool:
        """Whether an absolute mention of ``year`` stands in [start, end)."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return any(y == year for _, y in self.own[first:last])


def _undate_if_anchored(draft: EventDraft, known: _Known) -> None:
    """An event of an undated document whose date came from the anchor loses it: the editor
    dates it (``needs_date``) from the phrase kept in ``date_phrase``; a date its own words give
    in full stays."""
    assert draft.date is not None
    if draft.kind == "statistic":
        # a statistic's phrase is its period (2023): its own by an absolute mention of that year
        # inside its evidence
        depends = not known.own_year_between(draft.date.year, draft.start, draft.end)
    else:
        # not found: dated by the publication date itself (a notice that issues a document)
        depends = known.by_phrase.get((draft.date_phrase, draft.date), True)
    if not depends:
        return
    draft.needs_date = True
    draft.rules.append(NEEDS_PUBLICATION_DATE.name)
    draft.date_reason = (
        f"{draft.date_phrase or '(no date phrase)'}: dated only against the publication date, "
        "which the document does not give"
    )
    draft.date, draft.end_date, draft.window = None, None, None


def _undate_if_impossible(draft: EventDraft) -> None:
    """An event whose sentence gives an impossible date (2月30日) and that was dated by words
    outside it (a lead date, another line) is left undated: the impossible date is the event's
    own, and nothing may stand in for it."""
    wrong = impossible_date(draft.evidence)
    if not wrong or draft.date is None or (draft.date_phrase and draft.date_phrase in draft.evidence):
        return
    draft.needs_date = True
    draft.rules.append(IMPOSSIBLE_DATE.name)
    draft.date_reason = f"{wrong}: no such date; the text gives no other date for it"
    draft.date, draft.end_date, draft.window = None, None, None
    draft.date_phrase = wrong  # the event's own words, not the date it borrowed


def _latest_date(text: str) -> PartialDate | None:
    """The latest date the text states outright (no relative or target dates): a floor for a
    document that prints no publication date."""
    floor = PartialDate(dt.date.today().year)
    stated = [
        m.date
        for m in find_dates(text, floor)
        if not m.relative
        and m.role in ("point", "range", "dateline")
        and m.date.first_day() <= dt.date.today()
    ]
    return max(stated, key=lambda d: (d.first_day(), d.precision != "year")) if stated else None


def _foreign(mention: DateMention | None) -> DateMention | None:
    """A date mention of another item: its offsets no longer point into this item's text."""
    if mention is None:
        return None
    return replace(mention, start=-1, end=-1)


def _shift(mention: Mention, offset: int) -> Mention:
    return Mention(
        mention.start + offset,
        mention.end + offset,
        mention.surface,
        mention.kind,
        mention.name,
        mention.known,
        mention.title,
        mention.organisation,
        mention.document_number,
    )
