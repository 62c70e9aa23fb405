"""Wires the stages together: bytes of one file in, a ``Document`` out.

decode → clean → metadata → split → (per item) dates → entities → events. Each stage is a
plain function of its own module; this one only passes values along and offsets around.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace
from functools import lru_cache

from timeline.ingest.clean import clean
from timeline.ingest.dates import find_dates
from timeline.ingest.decode import decode
from timeline.ingest.entities import Gazetteer, document_people, document_titles, find_entities
from timeline.ingest.errors import IngestError
from timeline.ingest.events import ItemContext, dedupe_document, extract_events, lead_date
from timeline.ingest.metadata import read_metadata
from timeline.ingest.registry import read_registry
from timeline.ingest.split import split_items
from timeline.ingest.types import DateMention, Document, Item, Mention, PartialDate

_READABLE = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_MIN_READABLE = 8  # fewer letters than this is noise, not a document


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

    ``published`` overrides the date the document prints; without either, year-less dates
    are anchored to the latest full date the text gives.
    """
    decoded = decode(data, name)
    cleaned = clean(decoded.text)
    if len(_READABLE.findall(cleaned.text)) < _MIN_READABLE:
        raise IngestError("no readable text after cleaning (only noise, spam or white space)")
    metadata = read_metadata(cleaned.text, decoded.meta)
    if published is not None:
        metadata.published = _refined(published, metadata.published)
    anchor = metadata.published or _latest_date(cleaned.text)
    if anchor is None:
        raise IngestError("no publication date in the document and none given (use --published)")
    gazetteer = gazetteer or default_gazetteer()
    items = split_items(cleaned.text, cleaned.furniture)
    events, mentions = [], []
    previous_lead = None
    body = cleaned.masked()  # furniture blanked: a 发布时间 line inside an item dates nothing
    titles = document_titles(cleaned.text)
    people = document_people(cleaned.text, gazetteer, anchor.first_day())
    for index, item in enumerate(items):
        item_text = body[item.start : item.end]
        item_mentions = find_entities(
            item_text, gazetteer, when=anchor.first_day(), titles=titles, people=people
        )
        context = ItemContext(
            text=item_text,
            item_index=index,
            offset=item.start,
            published=anchor,
            dates=find_dates(item_text, _item_anchor(item, anchor), published=anchor),
            mentions=item_mentions,
            headline=item.headline,
            inherited_date=_foreign(previous_lead) if item.continues else None,
        )
        events.extend(extract_events(context))
        previous_lead = _foreign(lead_date(context))
        mentions.extend(_shift(m, item.start) for m in item_mentions)
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
        events=dedupe_document(events),
        mentions=mentions,
    )


def _refined(given: PartialDate, printed: PartialDate | None) -> PartialDate:
    """The user's month or year, made as precise as the date the document prints for itself
    when that date falls inside it (--published 2017-10, a notice signed 2017年10月9日)."""
    if printed is None or given.precision == "day" or printed.precision == given.precision:
        return given
    inside = given.first_day() <= printed.first_day() and printed.last_day() <= given.last_day()
    return printed if inside else given


def _item_anchor(item: Item, published: PartialDate) -> PartialDate:
    """A dateline's own date (新华社北京4月27日电) anchors its item; else the publication date."""
    if item.dateline:
        for mention in find_dates(item.dateline, published, published=published):
            if mention.role == "point" and mention.date.precision == "day":
                return mention.date
    return published


def _latest_date(text: str) -> PartialDate | None:
    """The latest date the text states outright (no relative or target dates): a floor for a
    document that prints no publication date."""
    floor = PartialDate(dt.date.today().year)
    stated = [
        m.date
        for m in find_dates(text, floor)
        if not m.relative and m.role in ("point", "range") and m.date.first_day() <= dt.date.today()
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
