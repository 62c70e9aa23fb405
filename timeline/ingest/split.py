"""Split a cleaned document into news items.

An item starts at a headline (a short line without closing punctuation) or at a dateline
(``本报讯``, ``本报记者…报道``, ``新华社…电``); it ends at the next item, a ``(供稿:…)`` or
``(记者…)`` credit, or a ``【…】`` section header. A run of headline-like lines with no body
between them is a table of contents (导读) and starts no item.
"""

from __future__ import annotations

import re

from timeline.ingest.types import Item, Span

DATELINE_RE = re.compile(
    r"^\s*(?:[▶►■●◆]\s*)?(?:"
    r"本报讯(?:\s*[（(][^）)\n]{0,40}[）)])?"
    r"|本报[^\n，。]{0,12}?讯(?:\s*[（(][^）)\n]{0,40}[）)])?"
    r"|本报(?:特约)?记者[^\n，。]{1,30}?报道"
    r"|(?:新华社|中新社|人民网|新华网|央视网|中新网)[^\n，。]{0,12}?[电讯]"
    r"|[（(]记者[^）)\n]{1,30}[）)]"
    r")"
)
_CREDIT_RE = re.compile(
    r"^\s*[（(](?:供稿|来源|稿源|作者|记者|编辑|责任编辑|通讯员|撰稿)\s*[:：][^）)]*[）)]\s*$"
)
_SECTION_RE = re.compile(r"^\s*【[^】]{1,30}】\s*$")
# Heading-like lines that are no article's title: a date stamp (2017-11-08 16:10 某某日报), a
# document number (川府发〔2021〕28号), a labelled field (发布时间：…来源：…).
_NOT_TITLE = re.compile(
    r"^\s*(?:(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s|$)"
    r"|[\u4e00-\u9fff]{1,8}[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*\d+\s*号\s*$)"
    r"|(?:时间|日期|来源)\s*[:：]"
)
_LABEL_RE = re.compile(r"^【[^】]{1,30}】\s*")
_END_PUNCT = "。！？；：…”」』)）"
_MAX_HEADLINE = 40


def paragraphs(text: str, furniture: list[Span] | None = None) -> list[Span]:
    """The non-empty lines of ``text`` that are not page furniture (one sweep over both)."""
    spans, start = [], 0
    pieces = sorted(furniture or [], key=lambda f: f.start)
    next_piece, reach = 0, -1  # the furthest end of the furniture starting at or before a line
    for line in text.split("\n"):
        end = start + len(line)
        while next_piece < len(pieces) and pieces[next_piece].start <= start:
            reach = max(reach, pieces[next_piece].end)
            next_piece += 1
        if line.strip() and not end <= reach:
            spans.append(Span(start, end))
        start = end + 1
    return spans


def is_headline(line: str) -> bool:
    """A phrase, not a sentence: short, no full stop, at most one comma; short lines that are
    not sentences (an issue number, a caption) count too, as they start no body."""
    line = _LABEL_RE.sub("", line.strip(), count=1)  # 【研究报告】 持续做好…: a contents line
    if not line or len(line) > _MAX_HEADLINE or DATELINE_RE.match(line):
        return False
    if re.search(r"[。！？]", line):
        return False
    if line[-1] in _END_PUNCT and not line.endswith("”") and len(line) >= 20:
        return False
    return line.count("，") <= 1


def split_items(text: str, furniture: list[Span] | None = None) -> list[Item]:
    """News items of the document, in order; text that belongs to none is left out."""
    paras = paragraphs(text, furniture)
    items: list[Item] = []
    heads: list[Span] = []  # headline lines waiting for a body
    current: Item | None = None
    ended = True  # the last item was closed by a credit line or a section header

    def close() -> None:
        nonlocal current
        if current is not None and current.end > current.start:
            items.append(current)
        current = None

    for index, span in enumerate(paras):
        line = text[span.start : span.end]
        if _SECTION_RE.match(line):
            close()
            heads, ended = [], True
            continue
        if _CREDIT_RE.match(line):
            if current is not None:
                current.end = span.end
            close()
            heads, ended = [], True
            continue
        if is_headline(line):
            following = text[paras[index + 1].start : paras[index + 1].end] if index + 1 < len(paras) else ""
            # a headline-like line inside a body, followed by more body, is a sub-heading
            if (
                current is not None
                and not heads
                and following
                and not is_headline(following)
                and len(line) < 16
            ):
                current.end = span.end
                continue
            close()
            heads.append(span)
            continue
        dateline = DATELINE_RE.match(line)
        if current is None or dateline or heads:
            close()
            headline_spans = _headline(text, heads)
            start = headline_spans[0].start if headline_spans else span.start
            headline = "".join(text[h.start : h.end].strip() for h in headline_spans)
            current = Item(start=start, end=span.end, headline=headline[:300])
            if dateline:
                current.dateline = dateline.group(0).strip()[:200]
            current.continues = bool(items) and not ended and not dateline
            heads, ended = [], False
        else:
            current.end = span.end
    close()
    return items


def _headline(text: str, heads: list[Span]) -> list[Span]:
    """The last heading line, with the one before it when together they still read as one
    headline (a wrapped title); older lines are a contents list or page furniture."""
    heads = [h for h in heads if not _NOT_TITLE.search(text[h.start : h.end])]
    if not heads:
        return []
    last = heads[-1]
    if len(heads) == 2:  # three or more waiting lines are a list, not one wrapped title
        before = heads[-2]
        joined = text[before.start : before.end].strip() + text[last.start : last.end].strip()
        if len(joined) <= _MAX_HEADLINE and not re.search(r"\d{4}年\d{1,2}月\d{1,2}日|第\d+期", joined):
            return [before, last]
    return [last]
