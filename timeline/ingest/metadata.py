"""Document metadata: publication date, issue number and publisher from mastheads and page headers.

Where the publication date comes from, best first:

1. a newspaper's masthead: a date on a line of its own beside the publication's name
   (``某某科技报`` / ``2020年1月20日 星期一``) or on the issue line (``2022年第21期(总第550期)
   2022年12月15日``);
2. a labelled date on a web page's metadata line (``发布时间：2024-05-06 10:20 来源：某某网``,
   ``2024年05月06日 10:20 | 来源：某某社``) or a print-edition line (``《某某日报》（2024年5月6日
   第04版）``): the page says outright when the article came out;
3. any other date alone on its line, preferably at the top of the page: a bare date with a
   weekday, a stamp with a clock or a view count (``2024-05-06 1234``), a date set over lines
   (``2024`` / ``05/06`` / ``10:20``);
4. a date after a plain ``时间：`` or ``日期：`` anywhere in the text (not ``会议时间：``);
5. the HTML metadata the decoder read;
6. the signature under a notice: the issuing body and a date on lines of their own.

A labelled date beats a bare date because a reposted page often prints the day it was crawled or
today's date at its top. Dates that are not publication dates are passed over: a "today is"
widget, a repost, print or update date, and dates inside running text (``本报2024年5月6日休刊``).
"""

from __future__ import annotations

import re

from timeline.ingest.clean import metadata_fields
from timeline.ingest.dates import find_dates, parse_loose_date
from timeline.ingest.rules import rule
from timeline.ingest.types import Metadata, PartialDate

_DATE = r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?"
_DATE_RE = re.compile(_DATE)
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
_WEEKDAY = r"(?:星期|周|礼拜)[一二三四五六日天]"
_ISSUE = r"(?:(?:19|20)\d{2}年)?第\s*\d+\s*期(?:\s*[（(]\s*总第\s*\d+\s*期\s*[）)])?"
_ISSUE_RE = re.compile(_ISSUE)
# A date alone on its line, maybe with an issue number, a clock, a weekday or a view count.
_LINE_DATE_RE = re.compile(
    rf"^\s*(?:{_ISSUE}\s*)?{_DATE}\s*(?:{_CLOCK})?\s*(?:{_WEEKDAY})?\s*(?:{_ISSUE})?(?:\s+\d{{1,9}})?\s*$"
)
# A date set over lines: the year, then the month and day (then, often, the clock).
_YEAR_LINE_RE = re.compile(r"^\s*((?:19|20)\d{2})\s*年?\s*$")
_MONTH_DAY_LINE_RE = re.compile(rf"^\s*(\d{{1,2}})\s*[-/]\s*(\d{{1,2}})\s*(?:{_CLOCK})?\s*$")
_LABELLED_RE = re.compile(
    rf"(?:发布时间|发布日期|发表时间|出版日期|(?<![\u4e00-\u9fff])(?:日期|时间))\s*[:：]\s*{_DATE}"
)
# Labels of a metadata field that dates the article itself (not 更新时间, an update).
_PUBLISHED_LABEL = re.compile(r"(?:发布|发表|发稿|刊发|出版|上传|录入)?(?:时间|日期)")
_SOURCE_LABEL = re.compile(r"(?:信息|文章|新闻|稿件|本文|消息)?(?:来源|出处)|稿源")  # not 图片来源
_PRINT_EDITION_RE = re.compile(
    rf"^\s*《\s*([^《》]{{2,16}}?)\s*》\s*[（(]\s*{_DATE}\s*(?:第?\s*[A-Z]?\d{{1,3}}\s*版)?\s*[）)]\s*$"
)
_NOT_PUBLICATION = re.compile(
    r"(?:今天是|今日是|当前时间|现在时间|转载|打印|访问|浏览|更新于|登录)\s*[:：]?\s*$"
)
_PUBLICATION_NAME = re.compile(
    r"^\s*([\u4e00-\u9fff《》]{2,16}(?:报|动态|周刊|日报|晚报|导报|杂志|通讯|快讯|简报))\s*$"
)
# A masthead on one line: the publication's name, then the date (``某某科技报 2024年5月6日 星期一``).
_NAME_DATE_LINE_RE = re.compile(
    rf"^\s*([\u4e00-\u9fff《》]{{2,16}}(?:报|动态|周刊|日报|晚报|导报|杂志|通讯|快讯|简报))\s*{_DATE}"
    rf"\s*(?:{_WEEKDAY})?\s*(?:{_ISSUE})?\s*$"
)
_PUBLISHER_VALUE = re.compile(r"[\u4e00-\u9fffA-Za-z·（）()]{2,24}")
# The signature under a notice: the issuing body (or bodies), then the date, on lines of their own.
_ISSUER_RE = re.compile(
    r"^\s*[\u4e00-\u9fff（）()·]{2,40}"
    r"(?:政府|办公厅|办公室|委员会|管委会|局|厅|部|委|署|院|中心|会|办|社|公司|集团)\s*$"
)
_SIGNATURE_DATE_RE = re.compile(
    r"^\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*$"
)
_HEAD_LINES = 40  # a masthead sits near the top of a page, or next to the page's name

_Found = tuple[PartialDate, str, int]  # the date, the phrase that gave it, its line


def read_metadata(text: str, html_meta: dict[str, str] | None = None) -> Metadata:
    """What the document says about itself. ``html_meta`` holds what the decoder read from
    HTML (``published``, ``title``, ``url``, ``publisher``)."""
    meta = Metadata()
    html_meta = html_meta or {}
    lines = text.split("\n")
    masthead, newspaper = _masthead_date(lines)
    fields = _field_date(lines)
    found = (
        (masthead if newspaper else None)
        or fields
        or masthead
        or _labelled_date(text)
        or _html_date(html_meta.get("published", ""))
        or _signature_date(lines)
    )
    if found:
        meta.published, meta.published_phrase = found[0], found[1]
    issue = _ISSUE_RE.search("\n".join(lines[: _HEAD_LINES * 2]))
    meta.issue_label = re.sub(r"\s+", "", issue.group(0)) if issue else ""
    meta.publisher = (
        _publisher(lines, masthead[2] if masthead else None)
        or html_meta.get("publisher", "")
        or _source(lines)
    )
    meta.title = html_meta.get("title", "")
    meta.url = html_meta.get("url", "")
    return meta


def _day(match: re.Match[str], first_group: int = 1) -> PartialDate | None:
    year, month, day = (int(match.group(first_group + k)) for k in range(3))
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def _field_date(lines: list[str]) -> _Found | None:
    """The first date in a metadata line's publication-time field (or in the date stamp that
    leads a metadata line), or on a print-edition line."""
    for number, line in enumerate(lines):
        edition = _PRINT_EDITION_RE.match(line)
        if edition and (date := _day(edition, 2)):
            return date, line.strip(), number
        for label, value in metadata_fields(line) or []:
            if label and not _PUBLISHED_LABEL.fullmatch(label):
                continue
            match = _DATE_RE.search(value)
            if match and (date := _day(match)):
                return date, f"{label}：{value}" if label else value, number
    return None


def _masthead_date(lines: list[str]) -> tuple[_Found | None, bool]:
    """A date alone on its line (with a weekday or issue number), preferring one beside the
    publication's name or at the top of the page; and whether it is a newspaper's masthead for
    sure (beside the name or the issue number), which no web page's metadata line overrides."""
    candidates = []
    for number, line in enumerate(lines):
        named = _NAME_DATE_LINE_RE.match(line) if number < _HEAD_LINES else None
        if named and (date := _day(named, 2)):
            candidates.append((5, -number, True, date, line.strip(), number))
            continue
        match = _LINE_DATE_RE.match(line)
        date = _day(match) if match else _split_date(lines, number)
        if date is None:
            continue
        before = lines[number - 1] if number else ""
        if _NOT_PUBLICATION.search(before):
            continue
        around = range(max(0, number - 3), min(len(lines), number + 2))
        near_name = any(_PUBLICATION_NAME.match(lines[n]) for n in around if n != number)
        has_issue = bool(match and _ISSUE_RE.search(line))
        has_marker = has_issue or bool(match and re.search(_WEEKDAY, line))
        score = 2 * near_name + 2 * has_marker + (number < _HEAD_LINES)
        phrase = line.strip() if match else f"{line.strip()} {lines[number + 1].strip()}"
        candidates.append((score, -number, near_name or has_issue, date, phrase, number))
    if not candidates:
        return None, False
    score, _, newspaper, date, phrase, number = max(candidates)
    return ((date, phrase, number), newspaper) if score > 0 else (None, False)


def _split_date(lines: list[str], number: int) -> PartialDate | None:
    """``2024`` on one line and ``05/06`` (maybe ``05/06 10:20``) on the next: a web page's date
    set in boxes."""
    year = _YEAR_LINE_RE.match(lines[number])
    if not year or number + 1 >= len(lines):
        return None
    month_day = _MONTH_DAY_LINE_RE.match(lines[number + 1])
    if not month_day:
        return None
    try:
        return PartialDate(int(year.group(1)), int(month_day.group(1)), int(month_day.group(2)))
    except ValueError:
        return None


def _labelled_date(text: str) -> _Found | None:
    for match in _LABELLED_RE.finditer(text):
        if _NOT_PUBLICATION.search(text[max(0, match.start() - 8) : match.start()]):
            continue
        date = _day(match)
        if date:
            return date, match.group(0), text.count("\n", 0, match.start())
    return None


def _html_date(value: str) -> _Found | None:
    if not value:
        return None
    date = parse_loose_date(value)
    return (date, value, -1) if date else None


def signature_date(text: str) -> PartialDate | None:
    """The date a notice is signed on (the issuing body, then the date, on lines of their own):
    ``read_metadata``'s last resort for the publication date."""
    found = _signature_date(text.split("\n"))
    return found[0] if found else None


def signature(text: str) -> tuple[PartialDate, int] | None:
    """The date a notice is signed on and the offset of its line in ``text``."""
    lines = text.split("\n")
    found = _signature_date(lines)
    if found is None:
        return None
    return found[0], sum(len(line) + 1 for line in lines[: found[2]])


def _signature_date(lines: list[str]) -> _Found | None:
    """The date under the first signature: the issuing body on a line of its own (the last of
    them, for a joint notice), then the date alone (``某某市人民政府办公厅`` / ``2024年5月6日``)."""
    for number, line in enumerate(lines):
        if not number or not _SIGNATURE_DATE_RE.match(line):
            continue
        if not _ISSUER_RE.match(lines[number - 1]):
            continue
        for mention in find_dates(line.strip(), PartialDate(2000)):
            if mention.role == "point" and mention.date.precision == "day" and not mention.relative:
                return mention.date, line.strip(), number
    return None


def _publisher(lines: list[str], date_line: int | None) -> str:
    """The publication's name: next to the masthead date, else the first name-like line on top."""
    order = []
    if date_line is not None and (named := _NAME_DATE_LINE_RE.match(lines[date_line])):
        return named.group(1).strip("《》")
    if date_line is not None:
        order += list(range(date_line - 1, max(-1, date_line - 4), -1)) + [date_line + 1]
    order += list(range(min(len(lines), _HEAD_LINES)))
    for number in order:
        if 0 <= number < len(lines):
            match = _PUBLICATION_NAME.match(lines[number])
            if match:
                return match.group(1).strip("《》")
    return ""


def _source(lines: list[str]) -> str:
    """The publication a reposted page names: its print-edition line or its 来源 field."""
    for line in lines:
        edition = _PRINT_EDITION_RE.match(line)
        if edition:
            return edition.group(1).strip()
        for label, value in metadata_fields(line) or []:
            if label and _SOURCE_LABEL.fullmatch(label) and _PUBLISHER_VALUE.fullmatch(value):
                return value
    return ""


_HEAD_LINES = 40  # a title stands near the top of a page
# The title of a dated report (2008上半年开发区工作总结, 2015年度园区工作报告) on a line of its own.
REPORT_TITLE = rule(
    "date.reposted_report",
    "date",
    pattern=re.compile(
        r"^[^\S\n]*(?:文章标题[:：])?[^\S\n]*(?P<year>(?:19|20)\d\d)[^\S\n]*年?"
        r"(?:上半年|下半年|年度|全年|第?[一二三四]季度)?[^\n，。；！？]{0,30}?"
        r"(?:工作总结|总结|工作报告|述职报告|工作汇报)[^\S\n]*$",
        re.MULTILINE,
    ),
    matches=("2008上半年开发区经协工作总结", "文章标题：2015年度江南高新区工作报告"),
    misses=("2008年以来江南高新区发展成就展开幕", "江南高新区2015年工作总结会召开"),
    why="a report titled by an earlier year (2008上半年…工作总结) and reposted years later speaks of "
    "that year: its 今年 and year-less dates are the report's, not the repost's",
)
_REPOST_YEARS = 2  # a report this many years older than its page is a repost, not the page's news


def reposted_report_year(text: str, anchor: PartialDate) -> PartialDate | None:
    """The year of a report whose title names a year long before the publication date: the
    anchor of its year-less dates (今年上半年, 6月18日), at year precision."""
    head = "\n".join(text.split("\n")[:_HEAD_LINES])
    found = REPORT_TITLE.search(head)
    if found is None or int(found["year"]) > anchor.year - _REPOST_YEARS:
        return None
    return PartialDate(int(found["year"]))
