"""Dates: find the time expressions of Chinese news text and resolve them against an anchor date.

dateparser's ``search_dates`` finds few of the dates of Chinese news and many that are not
dates, so this module reads them itself, in one regex pass plus a small combiner:

1. one tokenizer regex finds the *atoms* of a date (``2024年``, ``4月``, ``27日``, ``去年``,
   ``上半年``, ``至``, ``近日``, …); an atom needs its unit (年/月/日), so serial numbers,
   quantities and times never become atoms;
2. the combiner joins adjacent atoms into points (``2024年4月27日``), ranges
   (``3月27日至31日``, ``2019年1—11月``) and periods (``2024—2027年``);
3. the words around a mention give its role: ``截至`` makes it cumulative, a future date after
   ``到``/``力争`` or before ``建成``/``目标``/``前`` makes it a target; a year listed after
   others (``1995、2005和2015年``) is "listed", the date of no one event; a dispatch's date
   (``某某社北京9月18日电``) is "dateline". A date expression never
   spans a line break, and an impossible date (``2月30日``, ``13月5日``) gives no date at all.

Resolution rules (they follow ``FORMAT.md``):

- a year-less date takes the anchor's year unless that puts it more than about two months after
  the anchor; then it is the year before;
- a day-only date (``27日``) takes the month of the last full date of the text, else the
  anchor's month (the previous month when the day is more than a week after the anchor's day);
- 年初/年底/年末 give the year only (the text does not say which month); 上半年, 下半年 and
  quarters give month ranges;
- 近日/日前/近期… are "vague": ``date`` is the publication date and ``window`` runs from 14
  days before its first day to its last day; 上周/本周/下周 are vague too, their window the
  week (Monday to Sunday) and their date the day of that week nearest the anchor; 上周五,
  本周一 name a day of that week and are points, and 周二 alone the last Tuesday up to the anchor;
- 当天/当日 repeat the date last mentioned (a vague one stays vague), 次日/翌日 add a day to
  it; 昨天/前天/明天 of a month-precision anchor are vague: the month, its window that month
  shifted by the offset;
- X以来 / X至今 are ranges from X to the publication date; a year-less date listed after a
  full one (2020年1月27日、2月3日) takes its year, moving forward in time;
- ``relative`` is set on every mention that needed the anchor or the text before it.

``parse_loose_date`` reads metadata strings (ISO, English, URLs, Chinese) and
``parse_cli_date`` the ``--published`` option.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from timeline.ingest.lexicon import COUNTERS, GOAL_WORDS, PERSON_TITLES, alternation
from timeline.ingest.rules import rule
from timeline.ingest.types import DAY, MONTH, YEAR, DateMention, PartialDate

# A year-less date this far after the anchor belongs to the year before (FORMAT.md: "about two
# months"); a closing notice two weeks ahead stays ahead.
_AHEAD = dt.timedelta(days=62)
# A day-only date this far after the anchor's day belongs to the month before.
_DAY_AHEAD = 7
_VAGUE_DAYS = 14

_CN_DIGITS = "〇零○一二三四五六七八九"
_CN_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
_CN_NUMERAL = _CN_DIGITS + "十百千万两廿"
_SEP = r"(?:——|至|到|—|–|－|-|~|～|〜)"

_SP = r"[^\S\n]*"  # spaces inside a date, never a line break: a date never joins two lines
_ARABIC_START = r"(?<![\d.．第])"  # a number starts here, not inside a number or an ordinal
_CN_START = rf"(?<![{_CN_NUMERAL}第几每])"
_CN_MONTH = "十[一二]?|[一二三四五六七八九]"
_CN_DAY = "三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"

# 今（20）日, 昨（19）日: Taiwan's press writes the day's number in brackets after 今 or 昨
_TODAY_NUMBERED = r"(?<=[今昨])[（(](?P<dp>3[01]|[12]\d|0?[1-9])[）)]"
# 民國113年, 113年6月: a year of the Republic of China (Taiwan's official texts), 1911 + n
_ROC = rf"(?:民国|民國){_SP}\d{{2,3}}|(?<![\d.．])1[0-3]\d(?={_SP}年{_SP}(?:1[0-2]|0?[1-9]){_SP}月)"
_TOKENS = rf"""
    (?P<iso>(?<![\d.])(?P<iso_y>(?:19|20)\d\d)(?P<iso_s>[-/.])(?P<iso_m>1[0-2]|0?[1-9])
        (?P=iso_s)(?P<iso_d>3[01]|[12]\d|0?[1-9])(?!\d|(?P=iso_s)\d))
    |(?P<year>(?:(?<![\d.．])(?P<y>(?:1[89]|20)\d\d)|{_CN_START}(?P<yc>[一二][{_CN_DIGITS}]{{3}})
        |(?P<roc>{_ROC})){_SP}年(?!代))
    |(?P<ryear>今年|去年|前年|明年|同年|当年|本年|(?:次年|翌年|转年)(?={_SP}(?:1[0-2]|0?[1-9]|{_CN_MONTH}){_SP}月))
    |(?P<num4>(?<![\d.．])(?:19|20)\d\d(?={_SP}{_SEP}{_SP}(?:19|20)\d\d))
    |(?P<bare>(?<![\d.．第])(?:19|20)\d\d(?![\d.．])(?=[\u4e00-\u9fff]|{_SP}[)）])(?![{COUNTERS}]|平方|公里))
    |(?P<suf>(?<![提此之以目事空])前(?:[一二三四1-4]季度|(?:1[0-2]|[1-9]|{_CN_MONTH})个?月)|年初|年底|年末|上半年|下半年
        |第?[一二三四1-4]季度|初(?![步心衷期级中稿一二三四五六七八九十])|底|末|上旬|中旬|下旬|份)
    |(?P<month>(?:{_ARABIC_START}(?P<m>1[0-2]|0?[1-9])|{_CN_START}(?P<mc>{_CN_MONTH})){_SP}月(?![球亮光饼薪租息嫂]))
    |(?P<day>(?:{_ARABIC_START}(?P<d>3[01]|[12]\d|0?[1-9])|{_CN_START}(?P<dc>{_CN_DAY})
        |{_TODAY_NUMBERED}){_SP}(?P<du>[日号]))
    |(?P<num>(?:{_ARABIC_START}(?:3[01]|[12]\d|0?[1-9])|{_CN_START}(?:{_CN_DAY}))
        (?={_SP}{_SEP}{_SP}[\d一二三四五六七八九十]))
    |(?P<since>至今(?![年天日])|以来)
    |(?P<sep>{_SEP})
    |(?P<vague>近日|(?<![节假生作止念末周当次每今昨明平近白终往])日前|近期|不久前|前不久
        |最近(?![\d{_CN_NUMERAL}几])|近来|前些天|前几天|这几天|近几天)
    |(?P<relday>今天|今日|昨天|昨日|前天|(?<![提目此之以当空先事])前日(?![期程])|明天|当天|当日|同日|当晚|同一天|次日|翌日|第二天|前一天)
    |(?P<relmonth>本月|当月|上个?月|下个?月|同月)
    |(?P<week>(?:本周|这周|上周|下周|上个?星期|本星期|这个?星期|下个?星期)(?:[一二三四五六日天](?!本))?
        |(?<![每上下本这个第一两几至到—~日号（(])(?<!日\s)(?<!号\s)(?:周|星期)[一二三四五六日天](?![本十\d一二三四五六七八九至到—~]))
    |(?P<now>目前|当前|现在)
    """
# Every token starts with one of these characters: a cheap lookahead on them lets the regex
# engine skip most of the text (ten times faster than trying every alternative everywhere).
_LEAD = (
    r"\d〇零○一二三四五六七八九十今去前明同当本年上下第初底末中份至以到—–－\-~～〜近日不最这昨次翌目现周星"
    r"民（("
)
_TOKEN_RE = re.compile(rf"(?=[{_LEAD}])(?:{_TOKENS})", re.VERBOSE)
_KINDS = "iso year ryear num4 bare suf month day num since sep vague relday relmonth week now".split()

_REL_YEAR = {"今年": 0, "本年": 0, "去年": -1, "前年": -2, "明年": 1}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR_PART_SUFFIXES = ("年初", "年底", "年末", "上半年", "下半年")
_MONTH_SUFFIXES = ("初", "底", "末", "上旬", "中旬", "下旬", "份")
_DASHES = ("——", "—", "–", "－", "-", "~", "～", "〜")

_CUM_BEFORE = re.compile(r"(?:截至|截止|截至到|截止到)\s*$")
_EVERY_BEFORE = re.compile(r"每(?:年|月|周|个月)?\s*$")
# 区委书记周一富带队: 周 is a common surname, so 周一 right after a person's title opens a name
SURNAME_NOT_WEEKDAY = rule(
    "date.weekday_is_a_surname",
    "date",
    pattern=rf"(?:{alternation(PERSON_TITLES)})\s*$",
    matches=("江北区委书记", "园区管委会副主任 "),
    misses=("会议定于下", "活动于本"),
    why="区委书记周一富带队考察: after a title, 周一 begins the name 周一富, not Monday",
)
_DURATION_BEFORE = re.compile(r"(?:历时|为期|用时|耗时|持续|连续|经过|仅用|不到|超过|近|约|共|前|后|这)\s*$")
_BEFORE_AFTER = re.compile(
    r"\s*(?:以前|之前|前(?![往来夕后沿期进景列身者面行述台线端\d一二三四五六七八九十几两半]))"
)
_GOAL_AFTER = re.compile(
    r"\s*(?:左右)?\s*[，,]?\s*(?:要|将|力争|争取|基本|初步|全面|建成|实现|达到|突破|形成|完成|远景目标|目标)"
)
_PERIOD_AFTER = re.compile(r"\s*(?:年度)?\s*(?:规划|计划|方案|行动|纲要)")
_SAME_PERIOD_AFTER = re.compile(r"\s*同期")
_LUNAR_BEFORE = re.compile(r"(?:农历|阴历)\s*$")
_LUNAR_AFTER = re.compile(r"\s*(?:初|廿)[一二三四五六七八九十]")
# A date beside digits with a unit that made no date (13月, 32日) is an impossible date: none of it
# is a date, and it lends nothing to its neighbours.
_IMPOSSIBLE_NEXT_RE = re.compile(r"[^\S\n]*\d{1,3}[^\S\n]*[月日]")
IMPOSSIBLE_NEXT = rule(
    "date.impossible_continues",
    "date",
    predicate=lambda after: _IMPOSSIBLE_NEXT_RE.match(after) is not None,
    matches=("13月5日举行", "32日开幕"),
    misses=("举行会议", "，共有12家企业"),
    why="what follows a date: in 2023年13月5日 or 2月32日 the part that reads as a date belongs "
    "to an impossible one",
)
IMPOSSIBLE_BEFORE = rule(
    "date.impossible_precedes",
    "date",
    pattern=re.compile(r"\d\s*[年月][^\S\n]*\Z"),
    matches=("会议定于13月", "2023年2\n月"),
    misses=("会议定于本月", "会议定于13月\n"),
    why="what precedes a date: 5日 after 13月, a month that is no month, is no day of the month "
    "before it, nor of the month on another line",
)
# 中评社北京9月18日电, 鲁网10月27日讯: the day a report was filed, which the day-only dates after
# it (17日，…) count from, but not the day of what it reports.
DATELINE_DATE = rule(
    "date.dateline",
    "date",
    pattern=re.compile(r"^(?:电(?![视话影子力商池动网台脑器气缆站车源])|讯)"),
    matches=("电 17日，星河高新区举办论坛。", "讯 星河高新区举办论坛。"),
    misses=("电视台报道", "召开大会"),
    why="what follows a date: 某某社北京9月18日电 is a dispatch's date, not an event's",
)
# 1995、2005和2015年三届…: years listed together name several occasions, none of them the date
# of the one event a sentence reports.
LISTED_YEARS = rule(
    "date.listed_years",
    "date",
    pattern=re.compile(r"(?<!\d)(?:19|20)\d\d年?[^\S\n]*[、和及与][^\S\n]*\Z"),
    matches=("园区曾于2009、2014和", "会议在2016年、"),
    misses=("会议于2016年", "共有2016家企业和"),
    why="what precedes a year: a year listed after others (1995、2005和2015年三届大会) dates no one event",
)
# 由2020年的169家增至178家: the year a change starts from is a comparison's base, not the period
# the figure covers nor the date of an event.
COMPARISON_BASE = rule(
    "date.comparison_base",
    "date",
    pattern=re.compile(
        r"[由从][^\S\n]*(?:(?:19|20)\d\d|[一二][〇零○一二三四五六七八九]{3})年(?:底|末)?的?[^\S\n]*[\d一二三四五六七八九十两]"
    ),
    matches=("园区总数由2016年的120家增至150家", "产值从2015年底的80亿元增长到"),
    misses=("园区于2016年认定120家企业", "从2019年起实施"),
    why="the year a change starts from (由X年的…增至…) is a comparison's base",
)
# 昨天 in an article known only by its month (2024-06): the day is unknown but the month is
# nearly always the publication month, so the event is dated by the month with a window.
DAY_IN_MONTH = rule(
    "date.relative_day_of_month",
    "date",
    pattern=re.compile(r"^(?:昨天|昨日|前天|前日|明天)$"),
    matches=("昨天", "前日"),
    misses=("当天", "昨天下午两点"),
    why="a day counted from the publication day dates its event by the publication month when "
    "only the month is known (昨天 of an article of 2024-06), never by a guessed day",
)
# 1—11月 or 前三季度 in an article of mid-January: a span of months with no year is of the
# year it ends in, so one that would end months after the publication is last year's.
YEARLESS_SPAN = rule(
    "date.yearless_span",
    "date",
    pattern=re.compile(
        rf"^(?:前(?:[一二三四1-4]季度|(?:1[0-2]|[1-9]|{_CN_MONTH})个?月)|第?[一二三四1-4]季度|[上下]半年"
        rf"|(?:1[0-2]|0?[1-9]|{_CN_MONTH}){_SP}月?{_SP}{_SEP}{_SP}(?:1[0-2]|0?[1-9]|{_CN_MONTH}){_SP}月份?)$"
    ),
    matches=("1—11月", "前三季度", "三季度", "1至11月份"),
    misses=("2023年1—11月", "11月", "12月28日至1月3日"),
    why="a year-less span of months takes the year it ends in, the year before when that end "
    "would be more than about two months after the publication (FORMAT.md)",
)
# 2019年3月获批省级高新区，次年5月升级: 次年 is the year after the one the text last named.
FOLLOWING_YEAR = rule(
    "date.following_year",
    "date",
    pattern=re.compile(r"^(?:次年|翌年|转年)$"),
    matches=("次年", "翌年"),
    misses=("同年", "明年"),
    why="次年/翌年 count from the year the text last named, not from the publication",
)
TODAY_NUMBERED = rule(
    "date.today_numbered",
    "date",
    pattern=re.compile(rf"{_TODAY_NUMBERED}{_SP}日"),
    matches=("科學園今（20）日舉辦論壇", "园区昨(19)日揭牌"),
    misses=("今日举办论坛", "园区（20）家企业"),
    why="今（20）日 names the day by its number: the 20th of the anchor's month",
)
_ROC_BASE = 1911  # 民國1年 is 1912
# Taiwan's official texts count years of the Republic: 民國113年 or 113年6月18日 is 2024.
ROC_YEAR = rule(
    "date.roc_year",
    "date",
    pattern=re.compile(rf"(?:{_ROC}){_SP}年"),
    matches=("科學園於113年6月18日舉辦論壇", "民國99年成立"),
    misses=("园区成立113年来", "2013年6月18日举办论坛"),
    why="a year of the Republic of China (民國113年, 113年6月) is the year 1911 + n",
)
_ENUM_BETWEEN = re.compile(r"\s*[、和及与]\s*")
_DAY_AFTER_EXCLUDED = re.compile(r"\s*(?:以内|之内|内|游|左右|多|余)")


@dataclass
class _Tok:
    kind: str
    start: int
    end: int
    match: re.Match[str]

    @property
    def text(self) -> str:
        return self.match.group(self.kind)


@dataclass
class _Parts:
    """One side of a date as written: which components the text gives."""

    start: int
    end: int
    year: int | None = None  # an absolute year
    rel_year: str = ""  # 今年, 去年, 同年…
    month: int | None = None
    day: int | None = None
    open_value: int | None = None  # a number without its unit, waiting for a range's other side
    open_unit: str = ""  # the unit it must have ("" = decided by the other side)
    suffix: str = ""  # 上半年, 底, 季度…
    day_unit: str = "日"
    bare: bool = False  # a 4-digit year with no 年
    paren_year: bool = False  # a 4-digit year just before ")"
    iso: bool = False

    @property
    def finest(self) -> str:
        if self.open_value is not None:
            return self.open_unit
        return DAY if self.day else MONTH if self.month else YEAR

    @property
    def has_year(self) -> bool:
        return self.year is not None or bool(self.rel_year)


@dataclass
class _Context:
    """What the text said so far, for 当天, 次日, 同年, 当月 and day-only dates."""

    last: DateMention | None = None  # last point, range or vague mention
    last_day: PartialDate | None = None  # last date with a day
    last_year: int | None = None
    last_month: PartialDate | None = None
    dateline: PartialDate | None = None  # 某某社北京9月18日电: 今天 and 昨天 count from it


def find_dates(text: str, anchor: PartialDate, *, published: PartialDate | None = None) -> list[DateMention]:
    """Every time expression of ``text``, resolved, in text order and without overlaps.

    ``anchor`` is the item's reference date (dateline or publication date); ``published``
    (default: ``anchor``) dates the windows of 近日-like words.
    """
    published = published or anchor
    # lastgroup is the token's kind: each kind's group encloses its inner groups, so closes last.
    toks = [_Tok(str(m.lastgroup), m.start(), m.end(), m) for m in _TOKEN_RE.finditer(text)]
    return _Combiner(text, toks, anchor, published).run()


class _Combiner:
    """Joins adjacent tokens into mentions and gives each its role."""

    def __init__(self, text: str, toks: list[_Tok], anchor: PartialDate, published: PartialDate) -> None:
        self.text, self.toks, self.anchor, self.published = text, toks, anchor, published
        self.ctx = _Context()
        self.out: list[DateMention] = []

    def run(self) -> list[DateMention]:
        i = 0
        while i < len(self.toks):
            mention, i = self._mention_at(i)
            if mention is None:
                continue
            if self.out and mention.start < self.out[-1].end:
                continue
            self.out.append(mention)
            self._remember(mention)
        return self.out

    # -- adjacency -------------------------------------------------------------------------
    def _next(self, j: int, end: int, *kinds: str) -> _Tok | None:
        """The token j when it follows ``end`` with only whitespace between and is of ``kinds``."""
        if j >= len(self.toks):
            return None
        tok = self.toks[j]
        if tok.kind not in kinds or not _adjacent(self.text, end, tok.start):
            return None
        return tok

    # -- one mention -----------------------------------------------------------------------
    def _mention_at(self, i: int) -> tuple[DateMention | None, int]:
        tok = self.toks[i]
        handler = {
            "vague": self._vague,
            "relday": self._relday,
            "relmonth": self._relmonth,
            "week": self._week,
            "now": self._now,
        }.get(tok.kind)
        if handler:
            return self._word(handler, i)
        if tok.kind == "suf":
            if tok.text in _YEAR_PART_SUFFIXES or "季度" in tok.text or YEARLESS_SPAN.test(tok.text):
                parts = _Parts(tok.start, tok.end, suffix=tok.text)
                return self._finish(parts, None, i + 1)
            return None, i + 1
        parsed = self._parts(i)
        if parsed is None:
            return None, i + 1
        parts, j = parsed
        # A range: side A, a separator, side B of the same finest unit.
        sep = self._next(j, parts.end, "sep")
        if sep is not None:
            side_b = self._parts(j + 1, after=sep.end)
            if side_b is not None and _joinable(parts, side_b[0]):
                return self._finish(parts, side_b[0], side_b[1], sep=sep.text)
        if parts.open_value is not None or parts.paren_year:
            return None, i + 1
        return self._finish(parts, None, j)

    def _parts(self, i: int, *, after: int | None = None) -> tuple[_Parts, int] | None:
        """Side of a date starting at token i: [year][month][day] with an optional suffix."""
        if i >= len(self.toks):
            return None
        tok = self.toks[i]
        if after is not None and not _adjacent(self.text, after, tok.start):
            return None
        m = tok.match
        p = _Parts(tok.start, tok.end)
        j = i + 1
        if tok.kind == "iso":
            p.year, p.month, p.day, p.iso = int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]), True
            return p, j
        if tok.kind == "num4":
            p.open_value, p.open_unit = int(tok.text), YEAR
            return p, j
        if tok.kind == "bare":
            p.year = int(tok.text)
            p.bare = True
            p.paren_year = self.text[tok.end : tok.end + 3].strip()[:1] in (")", "）")
            return p, j
        if tok.kind == "num":
            p.open_value = _number(tok.text)
            return p, j
        if tok.kind in ("year", "ryear"):
            if tok.kind == "year":
                p.year = int(m["y"]) if m["y"] else _roc_year(m["roc"]) if m["roc"] else _cn_number(m["yc"])
                if not 1800 <= p.year <= 2099:
                    return None
            else:
                p.rel_year = tok.text
            nxt = self._next(j, p.end, "month", "num", "suf")
            if nxt is None:
                return p, j
            if nxt.kind == "num":
                p.open_value, p.open_unit, p.end = _number(nxt.text), MONTH, nxt.end
                return p, j + 1
            if nxt.kind == "suf":
                if nxt.text in _MONTH_SUFFIXES[3:]:  # 上旬 after a year without a month
                    return p, j
                p.suffix, p.end = nxt.text, nxt.end
                return p, j + 1
            tok, j = nxt, j + 1
            p.end = tok.end
        if tok.kind == "month":
            m = tok.match
            p.month = int(m["m"]) if m["m"] else _cn_number(m["mc"])
            nxt = self._next(j, p.end, "day", "num", "suf")
            if nxt is None:
                return p, j
            if nxt.kind == "num":
                p.open_value, p.open_unit, p.end = _number(nxt.text), DAY, nxt.end
                return p, j + 1
            if nxt.kind == "suf":
                if nxt.text in _MONTH_SUFFIXES:
                    p.suffix, p.end = nxt.text, nxt.end
                    return p, j + 1
                return p, j
            tok, j = nxt, j + 1
            p.end = tok.end
        if tok.kind == "day":
            m = tok.match
            p.day = int(m["d"] or m["dp"]) if m["d"] or m["dp"] else _cn_number(m["dc"])
            p.day_unit = m["du"]
            return p, j
        return None

    # -- roles -----------------------------------------------------------------------------
    def _finish(
        self, a: _Parts, b: _Parts | None, j: int, *, sep: str = ""
    ) -> tuple[DateMention | None, int]:
        text = self.text
        start, end = a.start, (b or a).end
        if b is None and self._not_a_date(a):
            return None, j
        before = text[max(0, start - 8) : start]
        if a.day is not None and a.month is None and not a.has_year:
            before = before.rstrip()  # 6日 at the head of a line, under a line ending in 5月
        if IMPOSSIBLE_NEXT.test(text[end : end + 8]) or IMPOSSIBLE_BEFORE.test(before):
            return None, j  # 2023年13月5日, 13月5日, 2月32日: an impossible date gives no date at all
        try:
            date, end_date, role, relative = self._resolve(a, b, sep)
        except ValueError:  # an impossible day (2月30日) or a relative word without context
            return None, j
        # X以来 / X至今: from X to the publication date.
        since = self._next(j, end, "since")
        if since is not None and role == "point" and date.first_day() <= self.published.last_day():
            end, j = since.end, j + 1
            end_date, role, relative = self.published, "range", True
        elif role == "point":
            role, start, end = self._point_role(date, start, end)
        if role == "range" and date.precision == YEAR and _PERIOD_AFTER.match(text, end):
            role = "period"
        return DateMention(start, end, text[start:end], date, role, end_date, None, relative), j

    def _word(self, handler: Callable[[_Tok], DateMention | None], i: int) -> tuple[DateMention | None, int]:
        """A mention from one word (近日, 昨天, 本月…), with 本月底 and 本月底前 read whole."""
        tok, j = self.toks[i], i + 1
        try:
            mention = handler(tok)
        except ValueError:
            return None, j
        if mention is None or mention.role != "point":
            return mention, j
        start, end = mention.start, mention.end
        suffix = self._next(j, end, "suf") if tok.kind == "relmonth" else None
        if suffix is not None and suffix.text in _MONTH_SUFFIXES:
            end, j = suffix.end, j + 1
        role, start, end = self._point_role(mention.date, start, end)
        return replace(mention, start=start, end=end, phrase=self.text[start:end], role=role), j

    def _point_role(self, date: PartialDate, start: int, end: int) -> tuple[str, int, int]:
        """截至… is cumulative; a future date in a goal's words is a target; X前 is a bound."""
        text = self.text
        if DATELINE_DATE.test(text[end : end + 3]):
            return "dateline", start, end
        cum = _CUM_BEFORE.search(text, max(0, start - 6), start)
        if cum:
            return "cumulative", cum.start(), end
        if date.precision == YEAR and LISTED_YEARS.test(text[max(0, start - 24) : start]):
            return "listed", start, end
        if COMPARISON_BASE.test(text[max(0, start - 2) : end + 4]):
            return "base", start, end
        future = date.last_day() > self.anchor.last_day()
        goal_start = self._goal_prefix(start)
        if goal_start is not None and future:
            return "target", goal_start, end
        before = _BEFORE_AFTER.match(text, end)
        if before:
            return ("target" if future else "cumulative"), start, before.end()
        ahead = date.first_day() > self.anchor.last_day()
        if ahead and date.precision != DAY and _GOAL_AFTER.match(text, end):
            return "target", start, end
        return "point", start, end

    def _goal_prefix(self, start: int) -> int | None:
        """Where a goal's lead-in (到, 力争到, 展望…) before ``start`` begins, if there is one."""
        text = self.text
        i = start
        while i > 0 and text[i - 1].isspace():
            i -= 1
        for word in GOAL_WORDS:
            if text.endswith(word, 0, i):
                return i - len(word)
        if i > 0 and text[i - 1] in "到至在于":
            k = i - 1
            for word in GOAL_WORDS:
                if text.endswith(word, 0, k):
                    return k - len(word)
            # 到2027年 is a goal wherever it stands (提出到2020年…要达到240家): only future dates
            # come here, and a change to a future year (增长至2027年的…) is a projection
            if text[i - 1] in "到至":
                return k
        return None

    def _not_a_date(self, a: _Parts) -> bool:
        text = self.text
        if _EVERY_BEFORE.search(text, max(0, a.start - 4), a.start):
            return True  # 每年3月: a recurring month, not a date
        if _SAME_PERIOD_AFTER.match(text, a.end) and a.finest == YEAR and not a.suffix:
            return True  # 去年同期: a comparison base
        if _LUNAR_BEFORE.search(text, max(0, a.start - 3), a.start) or _LUNAR_AFTER.match(text, a.end):
            return True  # 农历十月初八: a lunar date, not on the calendar we resolve
        if a.rel_year == "当年" and a.month is None:
            return True  # 当年 alone is "back then" as often as "that year"
        if a.day is not None and a.month is None and not a.has_year:
            # A day-only date: 27日, never 18号 (a serial number) nor 3日内 (a duration).
            if a.day_unit == "号" or _DAY_AFTER_EXCLUDED.match(text, a.end):
                return True
            if _DURATION_BEFORE.search(text, max(0, a.start - 3), a.start):
                return True
            written = text[a.start : a.end]
            if not any(c.isdigit() for c in written) and len(written.rstrip("日").strip()) < 2:
                return True  # 三日, 十日: durations far more often than days of the month
        if a.month is not None and not a.has_year and a.day is None:
            if _DURATION_BEFORE.search(text, max(0, a.start - 3), a.start):
                return True
        return False

    # -- resolution ------------------------------------------------------------------------
    def _resolve(
        self, a: _Parts, b: _Parts | None, sep: str
    ) -> tuple[PartialDate, PartialDate | None, str, bool]:
        if b is None:
            quarter = _year_part_months(a.suffix)
            year, relative = self._year_of(a)
            if quarter is not None:
                if year is None:
                    phrase = self.text[a.start : a.end]
                    year = self._yearless_span(*quarter) if YEARLESS_SPAN.test(phrase) else self.anchor.year
                    relative = True
                return PartialDate(year, quarter[0]), PartialDate(year, quarter[1]), "range", relative
            date, relative = self._date_of(a)
            return date, None, "point", relative
        # Fill the open side's unit from the other side, and B's missing coarse parts from A.
        unit, was_open, b_own_year = b.finest, a.open_value is not None, b.has_year
        yearless = not a.has_year and not b_own_year and YEARLESS_SPAN.test(self.text[a.start : b.end])
        if was_open:
            a = _close(a, unit)
        start, relative = self._date_of(a)
        # B leaves out what A gives: 27日至31日 takes A's month, 1—11月 A's year.
        b = replace(
            b,
            year=b.year if b_own_year else start.year,
            rel_year=b.rel_year if b_own_year else "",
            month=b.month if b.month is not None or unit != DAY else start.month,
        )
        end, rel_b = self._date_of(b)
        if end.first_day() < start.first_day() and not b_own_year:
            end = PartialDate(end.year + 1, end.month, end.day)  # 12月28日至1月3日
        if end.first_day() < start.first_day():
            raise ValueError("a range that ends before it starts")
        if yearless and end.year == start.year and self._yearless_span(start.month, end.month) < start.year:
            start, end = PartialDate(start.year - 1, start.month), PartialDate(end.year - 1, end.month)
        if unit == YEAR and (was_open or sep in _DASHES or a.bare):
            return start, end, "period", relative
        return start, end, "range", relative or rel_b

    def _yearless_span(self, first_month: int, last_month: int) -> int:
        """The year of a year-less span of months (1—11月, 前三季度): the year before when, in the
        anchor's year, it would have begun but end more than about two months after the anchor,
        a whole span no one reports yet (FORMAT.md); a span still to begin (下半年将…) is ahead."""
        year = self.anchor.year
        begun = PartialDate(year, first_month).first_day() <= self.anchor.last_day()
        return year - 1 if begun and _yearless(self.anchor, last_month, None).year < year else year

    def _year_of(self, p: _Parts) -> tuple[int | None, bool]:
        if p.year is not None:
            return p.year, False
        if p.rel_year in _REL_YEAR:
            return self.anchor.year + _REL_YEAR[p.rel_year], True
        if p.rel_year:  # 同年, 当年: the year the text last named; 次年 the one after it
            if self.ctx.last_year is None:
                raise ValueError("同年 without an earlier year")
            return self.ctx.last_year + (1 if FOLLOWING_YEAR.test(p.rel_year) else 0), True
        return None, False

    def _date_of(self, p: _Parts) -> tuple[PartialDate, bool]:
        """The PartialDate of a closed side, with the anchor where the text leaves parts out."""
        year, relative = self._year_of(p)
        if year is not None:
            if p.month is None and p.day is not None:
                raise ValueError("a day needs a month")
            return PartialDate(year, p.month, p.day), relative
        if p.month is not None:
            listed_after = self._listed_after(p)
            if listed_after is not None:
                date = PartialDate(listed_after.year, p.month, p.day)
                if date.first_day() < listed_after.first_day():  # a list runs forward in time
                    date = PartialDate(listed_after.year + 1, p.month, p.day)
                return date, True
            return _yearless(self.anchor, p.month, p.day), True
        if p.day is not None:
            return self._day_only(p.day), True
        if p.suffix in _YEAR_PART_SUFFIXES:
            return PartialDate(self.anchor.year), True
        raise ValueError("nothing to resolve")

    def _listed_after(self, p: _Parts) -> PartialDate | None:
        """2020年1月27日、2月3日: a year-less date listed after a full one takes its year."""
        last = self.out[-1] if self.out else None
        if last is None or last.relative or last.role not in ("point", "range"):
            return None
        if not _ENUM_BETWEEN.fullmatch(self.text, last.end, p.start):
            return None
        return last.end_date or last.date

    def _day_only(self, day: int) -> PartialDate:
        if self.ctx.last_day is not None:
            return PartialDate(self.ctx.last_day.year, self.ctx.last_day.month, day)
        if self.anchor.month is None:
            raise ValueError("a day-only date needs a month")
        year, month = self.anchor.year, self.anchor.month
        if self.anchor.day is not None and day > self.anchor.day + _DAY_AHEAD:
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return PartialDate(year, month, day)

    # -- words that stand alone --------------------------------------------------------------
    def _vague(self, tok: _Tok) -> DateMention:
        pub = self.published
        window = (pub.first_day() - dt.timedelta(days=_VAGUE_DAYS), pub.last_day())
        return DateMention(tok.start, tok.end, tok.text, pub, "vague", None, window, True)

    def _relday(self, tok: _Tok) -> DateMention | None:
        word = tok.text
        if word in ("当天", "当日", "同日", "当晚", "同一天"):
            last = self.ctx.last
            if last is None:
                return self._mention(tok, self.anchor)
            if last.role == "vague":
                return replace(last, start=tok.start, end=tok.end, phrase=word)
            return self._mention(tok, last.date)
        if word in ("次日", "翌日", "第二天", "前一天"):
            last = self.ctx.last
            if last is None:
                base = self.anchor
            else:  # the day after a range is the day after its end
                base = last.end_date or last.date if last.role != "vague" else last.date
            if base.precision != DAY or (last is not None and last.role == "vague"):
                return None  # 近日…次日 or 4月…次日: no day to count from
            step = -1 if word == "前一天" else 1
            return self._mention(tok, PartialDate.from_date(base.first_day() + dt.timedelta(days=step)))
        offset = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2, "明天": 1}[word]
        today = self.ctx.dateline or self.anchor  # a dispatch's 今天 is the day it was filed
        if offset == 0:
            return self._mention(tok, today)
        if today.day is None:
            return self._day_in_month(tok, today, offset)
        return self._mention(tok, PartialDate.from_date(today.first_day() + dt.timedelta(days=offset)))

    def _day_in_month(self, tok: _Tok, month: PartialDate, offset: int) -> DateMention | None:
        """昨天 of a month-precision anchor: some day of that month, moved by the offset; vague
        (the month, its window the month shifted), never a guessed day."""
        if month.month is None or not DAY_IN_MONTH.test(tok.text):
            return None
        step = dt.timedelta(days=offset)
        window = (month.first_day() + step, month.last_day() + step)
        return DateMention(tok.start, tok.end, tok.text, month, "vague", None, window, True)

    def _relmonth(self, tok: _Tok) -> DateMention | None:
        word = tok.text
        if word in ("当月", "同月") and self.ctx.last_month is not None:
            last = self.ctx.last_month
            return self._mention(tok, PartialDate(last.year, last.month))
        if self.anchor.month is None:
            return None
        step = -1 if word.startswith("上") else 1 if word.startswith("下") else 0
        index = self.anchor.year * 12 + self.anchor.month - 1 + step
        return self._mention(tok, PartialDate(index // 12, index % 12 + 1))

    def _week(self, tok: _Tok) -> DateMention | None:
        if self.anchor.day is None:
            return None
        today = self.anchor.first_day()
        step = -7 if tok.text.startswith("上") else 7 if tok.text.startswith("下") else 0
        monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=step)
        weekday = tok.text[-1]
        if tok.text[0] == "周" and SURNAME_NOT_WEEKDAY.search(self.text, max(0, tok.start - 8), tok.start):
            return None
        if tok.text[0] in "周星":  # 周二 alone: the last Tuesday up to the anchor
            back = (today.weekday() - _WEEKDAYS[weekday]) % 7
            return self._mention(tok, PartialDate.from_date(today - dt.timedelta(days=back)))
        if weekday in _WEEKDAYS:  # 上周五: a day of that week, not the week
            return self._mention(tok, PartialDate.from_date(monday + dt.timedelta(days=_WEEKDAYS[weekday])))
        window = (monday, monday + dt.timedelta(days=6))
        # date = the day of the week nearest the anchor: the anchor itself for 本周.
        nearest = min(max(today, window[0]), window[1])
        return DateMention(
            tok.start, tok.end, tok.text, PartialDate.from_date(nearest), "vague", None, window, True
        )

    def _now(self, tok: _Tok) -> DateMention | None:
        cum = _CUM_BEFORE.search(self.text, max(0, tok.start - 6), tok.start)
        if cum is None:
            return None  # 目前 alone is "now", not a date of anything
        start = cum.start()
        return DateMention(
            start,
            tok.end,
            self.text[start : tok.end],
            PartialDate(self.published.year),
            "cumulative",
            relative=True,
        )

    def _mention(self, tok: _Tok, date: PartialDate) -> DateMention:
        return DateMention(tok.start, tok.end, tok.text, date, "point", relative=True)

    def _remember(self, mention: DateMention) -> None:
        ctx = self.ctx
        if mention.role in ("point", "range", "vague", "dateline"):
            ctx.last = mention
        if mention.role == "dateline" and mention.date.precision == DAY:
            ctx.dateline = mention.date
        if mention.role in ("point", "range", "dateline"):
            if mention.date.precision == DAY:
                ctx.last_day = mention.date
            if mention.date.month is not None:
                ctx.last_month = mention.date
        if mention.role != "vague":
            ctx.last_year = mention.date.year


# -- helpers ---------------------------------------------------------------------------------
def _adjacent(text: str, end: int, start: int) -> bool:
    """Two pieces of one date: only spaces between them, no line break."""
    gap = text[end:start]
    return not gap.strip() and "\n" not in gap


def _joinable(a: _Parts, b: _Parts) -> bool:
    """Whether A-sep-B reads as one range: B has units, and its finest unit fits A's."""
    # Month suffixes (1—4月份, 6月初至7月底) keep a month range; 上半年 and the like do not join.
    if b.open_value is not None or b.iso != a.iso or b.suffix not in ("", *_MONTH_SUFFIXES):
        return False
    if b.paren_year:
        return a.open_unit == YEAR
    if b.bare:
        return False
    unit = b.finest
    if a.open_value is not None:
        return a.open_unit in ("", unit)
    return a.suffix in ("", *_MONTH_SUFFIXES) and a.finest == unit


def _close(a: _Parts, unit: str) -> _Parts:
    """Give the open number of side A the unit of side B."""
    value = a.open_value
    if unit == YEAR:
        return replace(a, year=value, open_value=None, open_unit="")
    if unit == MONTH:
        return replace(a, month=value, open_value=None, open_unit="")
    return replace(a, day=value, open_value=None, open_unit="")


def _yearless(anchor: PartialDate, month: int, day: int | None) -> PartialDate:
    date = PartialDate(anchor.year, month, day)
    if date.first_day() > anchor.last_day() + _AHEAD:
        return PartialDate(anchor.year - 1, month, day)
    return date


def _year_part_months(suffix: str) -> tuple[int, int] | None:
    """The months a part of a year covers (上半年 → 1..6); None for 年初/年底 (year only)."""
    if suffix == "上半年":
        return 1, 6
    if suffix == "下半年":
        return 7, 12
    if "季度" in suffix:
        quarter = _QUARTERS[suffix[-3]]
        return (1 if suffix.startswith("前") else quarter * 3 - 2), quarter * 3
    if suffix.startswith("前") and suffix.endswith("月"):
        return 1, _number(suffix[1:].rstrip("月").rstrip("个"))
    return None


def _roc_year(value: str) -> int:
    """民國113年, 113年6月 in Taiwan's texts: years of the Republic, counted from 1912."""
    return _ROC_BASE + int(re.sub(r"\D", "", value))


def _number(value: str) -> int:
    return int(value) if value.isdigit() else _cn_number(value)


def _cn_number(value: str) -> int:
    """二〇二四 → 2024 (digit by digit), 十二 → 12, 二十三 → 23, 三十一 → 31."""
    if "十" in value:
        tens, _, ones = value.partition("十")
        return (_CN_VALUE[tens] if tens else 1) * 10 + (_CN_VALUE[ones] if ones else 0)
    return int("".join(str(_CN_VALUE[c]) for c in value))


# -- impossible dates ------------------------------------------------------------------------
_WRITTEN_DAY = re.compile(
    r"(?<![\d.．])(?:(?P<y>(?:19|20)\d\d)[^\S\n]*年[^\S\n]*)?(?P<m>\d{1,2})[^\S\n]*月(?:[^\S\n]*(?P<d>\d{1,2})[^\S\n]*[日号])?"
)


def impossible_date(text: str) -> str:
    """The first date of ``text`` written in digits that no calendar has (2月30日, 13月5日,
    2023年2月29日), or ""."""
    for match in _WRITTEN_DAY.finditer(text):
        month, day = int(match["m"]), int(match["d"]) if match["d"] else None
        year = int(match["y"]) if match["y"] else 2000  # a leap year: 2月29日 alone may be right
        try:
            PartialDate(year, month, day) if month else None
        except ValueError:
            return match.group(0).strip()
        if not month:
            return match.group(0).strip()
    return ""


IMPOSSIBLE_DATE = rule(
    "date.impossible",
    "date",
    predicate=lambda text: bool(impossible_date(text)),
    matches=("2023年2月30日，园区举办论坛。", "13月5日，园区召开大会。", "2023年2月29日，园区开放。"),
    misses=("2024年2月29日，园区开放。", "12月5日，园区召开大会。", "共有13家企业和5个月的准备。"),
    why="an event whose own sentence gives an impossible date takes no date from anywhere else: "
    "the editor dates it",
)


# -- metadata strings --------------------------------------------------------------------------
_ISO_RE = re.compile(
    r"\s*(?P<y>(?:19|20)\d\d)(?:(?P<s>[-/.])(?P<m>1[0-2]|0?[1-9])(?:(?P=s)(?P<d>3[01]|[12]\d|0?[1-9]))?)?"
    r"(?:[T\s]\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d)?)?\s*$"
)
# /2024/04/27/, /2024-04-27/, /202404/t20240427_1.html, /art/2024/4/27/…
_URL_DAY_RE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)[/_-]?(?P<m>1[0-2]|0[1-9])[/_-]?(?P<d>3[01]|[12]\d|0[1-9])(?!\d)"
    r"|/(?P<y2>(?:19|20)\d\d)/(?P<m2>1[0-2]|0?[1-9])/(?P<d2>3[01]|[12]\d|0?[1-9])/"
)
_URL_MONTH_RE = re.compile(r"/(?P<y>(?:19|20)\d\d)[/_-]?(?P<m>1[0-2]|0[1-9])/")


def parse_loose_date(value: str) -> PartialDate | None:
    """A publication date from a metadata string: ISO, English, a URL or Chinese.

    Never more precise than the string: "April 2024" is a month, "2024" a year.
    """
    value = (value or "").strip()
    if not value:
        return None
    iso = _ISO_RE.fullmatch(value)
    if iso:
        return _partial(iso["y"], iso["m"], iso["d"])
    if "/" in value and " " not in value:
        url = _URL_DAY_RE.search(value)
        if url:
            if url["y"]:
                return _partial(url["y"], url["m"], url["d"])
            return _partial(url["y2"], url["m2"], url["d2"])
        month = _URL_MONTH_RE.search(value)
        return _partial(month["y"], month["m"], None) if month else None
    if re.search(r"[\u4e00-\u9fff]", value):
        for mention in find_dates(value, PartialDate(1900)):
            if mention.role == "point" and not mention.relative and not mention.phrase.isdigit():
                return mention.date
        return None
    return _english(value)


def _partial(year: str, month: str | None, day: str | None) -> PartialDate | None:
    try:
        return PartialDate(int(year), int(month) if month else None, int(day) if day and month else None)
    except ValueError:
        return None


def _english(value: str) -> PartialDate | None:
    """English and RFC-style dates through dateparser, absolute forms only."""
    from dateparser.date import DateDataParser  # slow to import: only when needed

    parser = DateDataParser(
        languages=["en"],
        settings={
            "PARSERS": ["timestamp", "absolute-time"],
            "REQUIRE_PARTS": ["year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", value)
    data = parser.get_date_data(value) if years else None
    # "27 April" would come back as 2027: only a year the string spells out is a year.
    if data is None or data.date_obj is None or str(data.date_obj.year) not in years:
        return None
    moment = data.date_obj
    if data.period == "year":
        return PartialDate(moment.year)
    if data.period == "month":
        return PartialDate(moment.year, moment.month)
    return PartialDate(moment.year, moment.month, moment.day)


def parse_cli_date(value: str) -> PartialDate:
    """``--published``: YYYY, YYYY-MM or YYYY-MM-DD; ValueError with a readable message."""
    try:
        return PartialDate.parse(value)
    except ValueError as error:
        raise ValueError(
            f"--published expects YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024-04-29), got {value!r}: {error}"
        ) from None
