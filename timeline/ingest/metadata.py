"""Document metadata: publication date, issue number and publisher from mastheads and page headers.

A newspaper page prints its date on a line of its own (``2020年1月20日 星期一``) or after the issue
line (``2022年第21期(总第550期) 2022年12月15日``); a web page labels it (``发布时间：``). Dates
that are not publication dates are passed over: a "today is" widget, a repost or print date, and
dates inside running text (``本报2024年5月6日休刊``).
"""

from __future__ import annotations

import re

from timeline.ingest.types import Metadata, PartialDate

_DATE = r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?"
_WEEKDAY = r"(?:星期|周|礼拜)[一二三四五六日天]"
_ISSUE = r"(?:(?:19|20)\d{2}年)?第\s*\d+\s*期(?:\s*[（(]\s*总第\s*\d+\s*期\s*[）)])?"
_ISSUE_RE = re.compile(_ISSUE)
_LINE_DATE_RE = re.compile(rf"^\s*(?:{_ISSUE}\s*)?{_DATE}\s*(?:{_WEEKDAY})?\s*(?:{_ISSUE})?\s*$")
_LABELLED_RE = re.compile(rf"(?:发布时间|发布日期|发表时间|出版日期|日期|时间)\s*[:：]\s*{_DATE}")
_NOT_PUBLICATION = re.compile(
    r"(?:今天是|今日是|当前时间|现在时间|转载|打印|访问|浏览|更新于|登录)\s*[:：]?\s*$"
)
_PUBLICATION_NAME = re.compile(
    r"^\s*([\u4e00-\u9fff《》]{2,16}(?:报|动态|周刊|日报|晚报|导报|杂志|通讯|快讯|简报))\s*$"
)
_HEAD_LINES = 40  # a masthead sits near the top of a page, or next to the page's name


def read_metadata(text: str, html_meta: dict[str, str] | None = None) -> Metadata:
    """What the document says about itself. ``html_meta`` holds what the decoder read from
    HTML (``published``, ``title``, ``url``, ``publisher``)."""
    meta = Metadata()
    lines = text.split("\n")
    published, phrase, line_no = _masthead_date(lines)
    if published is None:
        published, phrase = _labelled_date(text)
    if published is None and html_meta and html_meta.get("published"):
        from timeline.ingest.dates import parse_loose_date

        published = parse_loose_date(html_meta["published"])
        phrase = html_meta["published"] if published else ""
    meta.published, meta.published_phrase = published, phrase
    issue = _ISSUE_RE.search("\n".join(lines[: _HEAD_LINES * 2]))
    meta.issue_label = re.sub(r"\s+", "", issue.group(0)) if issue else ""
    meta.publisher = _publisher(lines, line_no) or (html_meta or {}).get("publisher", "")
    meta.title = (html_meta or {}).get("title", "")
    meta.url = (html_meta or {}).get("url", "")
    return meta


def _masthead_date(lines: list[str]) -> tuple[PartialDate | None, str, int | None]:
    """A date alone on its line (with a weekday or issue number), preferring one beside the
    publication's name or at the top of the page."""
    candidates = []
    for number, line in enumerate(lines):
        match = _LINE_DATE_RE.match(line)
        if not match:
            continue
        before = lines[number - 1] if number else ""
        if _NOT_PUBLICATION.search(before):
            continue
        try:
            date = PartialDate(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
        near_name = any(_PUBLICATION_NAME.match(lines[n]) for n in range(max(0, number - 3), number))
        has_marker = bool(re.search(_WEEKDAY, line) or _ISSUE_RE.search(line))
        score = 2 * near_name + 2 * has_marker + (number < _HEAD_LINES)
        candidates.append((score, -number, date, line.strip(), number))
    if not candidates:
        return None, "", None
    score, _, date, phrase, number = max(candidates)
    return (date, phrase, number) if score > 0 else (None, "", None)


def _labelled_date(text: str) -> tuple[PartialDate | None, str]:
    for match in _LABELLED_RE.finditer(text):
        if _NOT_PUBLICATION.search(text[max(0, match.start() - 8) : match.start()]):
            continue
        try:
            return PartialDate(int(match.group(1)), int(match.group(2)), int(match.group(3))), match.group(0)
        except ValueError:
            continue
    return None, ""


def _publisher(lines: list[str], date_line: int | None) -> str:
    """The publication's name: next to the masthead date, else the first name-like line on top."""
    order = []
    if date_line is not None:
        order += list(range(date_line - 1, max(-1, date_line - 4), -1)) + [date_line + 1]
    order += list(range(min(len(lines), _HEAD_LINES)))
    for number in order:
        if 0 <= number < len(lines):
            match = _PUBLICATION_NAME.match(lines[number])
            if match:
                return match.group(1).strip("《》")
    return ""
