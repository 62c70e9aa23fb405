"""Events: trigger words and sentence shape decide the kind, the nearest date dates it.

For each sentence of a news item: find the kinds its trigger words announce (FORMAT.md's
table), skip what is only intended (将, 计划), date it by the most precise date in the clause of
the trigger (or the item's lead date, for the segments of one reported event), and attach the
entities of the sentence. The item's lead event (the forum, contest or visit the item reports)
also gets the people who speak at it and the bodies they represent. A statistic is a sentence
with a figure and the period it covers, and is dated by that period. Plain Python, no Django.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.ingest.rules import rule
from timeline.ingest.types import DateMention, EventDraft, Mention, PartialDate

# ---------------------------------------------------------------- triggers

_CJK = r"[\u4e00-\u9fff]"
_HAPPENED = r"(?:举行|举办|召开|开幕|闭幕|启幕|开班|开讲|开赛|落幕|成功举办|隆重举行|顺利召开)"

_MEETING_NOUNS = (
    "协调会|工作会议|工作会|推进会|调度会|部署会|联席会议|电视电话会议|常务会议|动员会|现场会|经验交流会|交流会议|"
    "座谈会议|审议会|评审会|会议"
)
_FORUM_NOUNS = "论坛|年会|峰会|研讨会|座谈会|交流会|推介会|对接会|洽谈会|博览会|展览会|大会|沙龙|报告会|讲坛"
_CONTEST_NOUNS = "大赛|比赛|竞赛|挑战赛|创业赛|领域赛|全国赛|决赛|选拔赛"
_PRESS_NOUNS = "新闻发布会|发布会|新闻通气会|通气会|吹风会"


def _held(nouns: str) -> re.Pattern[str]:
    """'举行X会' / '举办了X赛': the verb before the gathering's name."""
    return re.compile(
        rf"{_HAPPENED}(?:了)?(?P<name>[^，。；“”]{{2,40}}?(?:{nouns}))(?:[（(][^）)]{{1,12}}[）)])?"
    )


# kind → patterns; the named group "name" (when present) is the event's own name.
_TRIGGERS: dict[str, list[re.Pattern[str]]] = {
    "press_conference": [
        re.compile(rf"(?P<name>[^，。；]{{0,30}}(?:{_PRESS_NOUNS}))[^，。；]{{0,20}}?{_HAPPENED}"),
        re.compile(rf"{_HAPPENED}(?P<name>[^，。；]{{0,20}}(?:{_PRESS_NOUNS}))"),
        re.compile(rf"在(?P<name>[^，。；]{{2,40}}?(?:{_PRESS_NOUNS}))上"),
    ],
    "meeting": [
        re.compile(rf"(?P<name>[^，。；]{{0,40}}(?:{_MEETING_NOUNS})){_CJK}{{0,12}}?{_HAPPENED}"),
        _held(_MEETING_NOUNS),
        re.compile(r"(?P<name>参加[^，。；]{2,40}?(?:代表团|会议)[^，。；]{0,4}审议)"),
        re.compile(r"(?P<name>调研[^，。；]{0,20}?座谈|座谈交流)"),
    ],
    "forum": [
        re.compile(
            rf"(?P<name>[^，。；]{{0,60}}?(?:{_FORUM_NOUNS}|发展会))(?:[（(][^）)]{{1,12}}[）)])?"
            rf"[^，。；]{{0,16}}?{_HAPPENED}(?!期间)"
        ),
        _held(_FORUM_NOUNS),
        re.compile(r"在(?P<name>[^，。；]{2,50}?(?:论坛|年会|峰会|研讨会|大会|开幕式|全体会议))上"),
        re.compile(r"(?P<name>[^，。；]{2,40}?(?:论坛|峰会|研讨会|推介会|博览会))(?:期间|上)[，,]"),
    ],
    "contest": [
        re.compile(rf"(?P<name>[^，。；]{{0,50}}?(?:{_CONTEST_NOUNS}))[^，。；]{{0,30}}?{_HAPPENED}"),
        _held(_CONTEST_NOUNS),
        re.compile(r"(?:评选出|获得|获评)[^，。；]{0,30}?(?:奖|优秀企业)"),
        re.compile(r"(?P<name>[^，。；]{2,30}?颁奖(?:典礼|仪式)?)"),
    ],
    "policy_release": [
        re.compile(
            r"(?:印发|发布|出台|公布|颁布|发出|下发|联合印发|正式发布|修订|制定印发)(?:了)?[^，。；的]{0,6}?《(?P<name>[^》]{2,80})》"
        ),
        re.compile(
            r"《(?P<name>[^》]{2,80})》[^，。；]{0,30}?(?:印发|发布|出台|公布|颁布|实施|施行|正式发布|出炉)"
        ),
        re.compile(
            r"(?:发布|出台|印发|制定|修订)(?:了)?(?P<name>[^，。；《》]{2,30}?(?:倡议|政策|方案|规划|意见|办法|报告|措施|白皮书|指南))"
        ),
    ],
    "park_signup": [
        re.compile(
            r"(?:签约|签署|合作协议|战略合作|牵手|结对共建|结对|授牌|认定为|被认定|认定|获批|获准|批准建设|批复|升级为|入选|"
            r"列入|获评|被评为|被命名|命名为|纳入|授予|挂牌成立|获得.{0,10}称号)"
        ),
    ],
    "visit": [
        re.compile(r"(?:调研|考察|视察|走访|实地察看)"),
    ],
    "launch": [
        re.compile(
            r"(?P<name>[^，。；]{4,30}?(?:行动|工程|计划|专项|平台|联盟|基金))(?:在[^，。；]{1,12}?)?(?:正式)?启动"
        ),
        re.compile(
            r"(?:正式启动|启动|揭牌|成立|开园|下线|量产|交付|投产|开通|上线|发射|开工|开业|建成投用|投入使用|落成|首发|集中发布"
            r"|(?<=的)设立)"
        ),
    ],
}
# Words without which a kind's patterns cannot match: a cheap first test per sentence.
_GATES: dict[str, re.Pattern[str]] = {
    "press_conference": re.compile(_PRESS_NOUNS),
    "meeting": re.compile(rf"{_MEETING_NOUNS}|代表团|调研|座谈"),
    "forum": re.compile(rf"{_FORUM_NOUNS}|发展会|开幕式|全体会议"),
    "contest": re.compile(rf"{_CONTEST_NOUNS}|奖|优秀企业"),
    "policy_release": re.compile(r"印发|发布|出台|公布|颁布|发出|下发|修订|制定|实施|施行|出炉"),
}
# Kinds tried in this order; a sentence may announce several distinct events.
_ORDER = (
    "press_conference",
    "contest",
    "meeting",
    "forum",
    "policy_release",
    "park_signup",
    "visit",
    "launch",
)

# Words that make a trigger an intention, a wish or a condition rather than a report.
_NOT_HAPPENED = re.compile(
    r"(?:(?<!现)将|将要|即将|拟于|计划|准备|力争|争取|希望|(?<![重主需必首纲摘只])要|应|应当|需要|下一步|未来(?!产业)|继续|进一步|"
    r"鼓励|支持|推动|推进|加快|"
    r"积极|持续|不断|着力|努力|大力|是否|如何|旨在|为了|以便|通过|围绕|按照|能够|可以|有助于|助力)"
)
_FUTURE = rule(
    "filter.future",
    "filter",
    pattern=r"将在|将于|将会|将进一步|将着力|将继续|计划|拟在|力争|争取|下一步",
    matches=("大会将于明年5月在武汉举行", "园区计划年内举办三场路演"),
    misses=("大会于5月12日在武汉举行", "园区已举办三场路演"),
    why="an event that is announced for later has not happened: it is no event of the timeline yet",
)
_INTENT_OK = re.compile(r"拟认定|拟入选|拟授予")  # a published shortlist is a fact

# ---------------------------------------------------------------- statistics

_FIGURE = re.compile(
    r"(?:超|近|逾|突破|达)(?:万亿|千亿|百亿)元|\d+(?:\.\d+)?\s*(?:多|余)?\s*(?:万亿|千亿|百亿|亿|万|千)?\s*"
    r"(?:元|美元|亿元|万元|家|个|件|项|人次|人|万人|户|起|吨|平方公里|亩|%|点|倍|所|位|只|台|辆|套)"
)
_METRIC = re.compile(
    r"(?:实现|达到|达|突破|超过|超|增长|增加|新增|占|比重|贡献率|总数|总额|总量|规模|总收入|总产值|营收|收入|产值|生产总值|"
    r"GDP|增加值|投入|拥有|聚集|集聚|吸引|吸纳|授权|注册|累计|共有|共计|建有|培育|数量)"
)
_PARKISH = re.compile(r"(?:高新区|园区|示范区|开发区|科技园|产业园|科学城)")
_STAT_TOPIC = re.compile(
    r"(?:生产总值|GDP|收入|营收|产值|增加值|高新技术企业|专利|研发|经费|企业|人员|人才|指数|总数|税收|出口|投资|融资|规模|数量)"
)

# ---------------------------------------------------------------- sentences


@dataclass
class Sentence:
    start: int  # offsets in the item text
    end: int
    paragraph: int


_SENTENCE_END = re.compile(r"[。！？；]+[”’」』]?|\n+")


# "“……。”张三说。": the speaker's clause belongs to the quote it attributes
_ATTRIBUTION = re.compile(r"^[^。！？；“”\n]{1,45}?(?:说|表示|介绍|指出|强调|认为|透露|坦言|称|谈到)[。！]?$")


def sentences(text: str) -> list[Sentence]:
    """Sentences of an item, with the paragraph each belongs to; a quotation keeps the clause
    that attributes it."""
    merged: list[Sentence] = []
    for sentence in _split_sentences(text):
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.paragraph == sentence.paragraph
            and text[previous.start : previous.end].rstrip().endswith("”")
            and _ATTRIBUTION.match(text[sentence.start : sentence.end].strip())
        ):
            previous.end = sentence.end
            continue
        merged.append(sentence)
    return merged


def _split_sentences(text: str) -> list[Sentence]:
    found, start, paragraph = [], 0, 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if not match.group(0).startswith("\n") else match.start()
        if text[start:end].strip():
            found.append(Sentence(start, end, paragraph))
        if "\n" in match.group(0):
            paragraph += 1
        start = match.end()
    if text[start:].strip():
        found.append(Sentence(start, len(text), paragraph))
    return found


def _clause_bounds(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    left = max(text.rfind(c, start, at) for c in "，,：:") + 1
    right_candidates = [i for i in (text.find(c, at, end) for c in "，,：:") if i != -1]
    return max(left, start), min(right_candidates) if right_candidates else end


# ---------------------------------------------------------------- the extractor


@dataclass
class ItemContext:
    """What an item offers every event found in it."""

    text: str
    item_index: int
    offset: int  # of the item in the document's cleaned text
    published: PartialDate
    dates: list[DateMention]
    mentions: list[Mention]
    headline: str = ""
    inherited_date: DateMention | None = None  # the lead date of the article this item continues


def lead_date(context: ItemContext) -> DateMention | None:
    """The date that dates the event an item reports, for the sections that continue it."""
    return _lead_date(context, sentences(context.text)) or context.inherited_date


def extract_events(context: ItemContext) -> list[EventDraft]:
    """Events reported by one news item, in text order."""
    text = context.text
    sents = sentences(text)
    lead_date = _lead_date(context, sents) or context.inherited_date
    drafts: list[EventDraft] = []
    for sentence in sents:
        drafts.extend(_sentence_events(context, sentence, lead_date))
    drafts.extend(_statistics(context, sents))
    drafts = _dedupe(drafts)
    _enrich_lead(context, drafts, sents)
    headline_parks = _headline_parks(context)
    for draft in drafts:
        if not draft.parks:
            draft.parks = list(headline_parks)  # the park the article is about
        draft.parks = _most_specific(draft.parks)
    return sorted(drafts, key=lambda d: d.start)


def _headline_parks(context: ItemContext) -> list[str]:
    """Parks named in the item's headline, which the item's unattributed sentences are about."""
    if not context.headline:
        return []
    reach = len(context.headline) + context.headline.count(" ") + 4  # the headline's lines
    parks: list[str] = []
    for mention in context.mentions:
        if mention.kind == "park" and mention.start < reach and mention.surface in context.headline:
            _add(parks, mention.name)
    return parks


def _most_specific(parks: list[str]) -> list[str]:
    """中关村 beside 中关村生命科学园 says nothing more: keep the parks no other one contains."""
    return [p for p in parks if not any(p != other and p in other for other in parks)]


def _usable(mention: DateMention) -> bool:
    return mention.role in ("point", "range", "vague") and not _glued_year_only(mention)


def _glued_year_only(mention: DateMention) -> bool:
    """'2024中关村论坛' names a year inside an event name: not the day of the event."""
    return mention.date.precision == "year" and "年" not in mention.phrase


def _lead_date(context: ItemContext, sents: list[Sentence]) -> DateMention | None:
    """The date of the item's first paragraph that dates the event the item reports."""
    first_paragraphs = {s.paragraph for s in sents[:3]}
    for mention in context.dates:
        sentence = next((s for s in sents if s.start <= mention.start < s.end), None)
        if sentence is None or sentence.paragraph not in first_paragraphs:
            continue
        if _usable(mention) and (mention.date.precision == "day" or mention.role == "vague"):
            return mention
    return None


def _sentence_events(
    context: ItemContext, sentence: Sentence, lead_date: DateMention | None
) -> list[EventDraft]:
    text = context.text
    body = text[sentence.start : sentence.end]
    found: list[EventDraft] = []
    used_spans: list[tuple[int, int]] = []
    for kind in _ORDER:
        gate = _GATES.get(kind)
        if gate is not None and not gate.search(body):
            continue  # none of the kind's words: skip its slower patterns
        for pattern in _TRIGGERS[kind]:
            for match in pattern.finditer(body):
                at = sentence.start + match.start()
                trigger_end = sentence.start + match.end()
                if any(s <= at < e or s < trigger_end <= e for s, e in used_spans) and kind in (
                    "visit",
                    "launch",
                ):
                    continue
                if _intended(text, sentence.start, at, trigger_end, context.mentions):
                    continue
                if text[trigger_end : trigger_end + 1] == "的" and not match.groupdict().get("name"):
                    continue  # 发布的数据: a description, not the act
                date = _date_for(context, sentence, at, lead_date)
                borrowed = date is not None and not sentence.start <= date.start < sentence.end
                if date is None or (borrowed and _headline_like(body)):
                    continue
                if borrowed and date.role == "vague" and sentence.paragraph > 0:
                    continue  # a 近日 of the article's lead does not date what its later paragraphs recall
                name = match.groupdict().get("name") or ""
                if kind in _GATHERING and _BACK_REFERENCE.match(name):
                    continue  # 此次全国赛: the item's gathering, already reported
                if _NOT_AN_OCCURRENCE.match(text, trigger_end):
                    continue  # 举办12年来 (a span), 启动运行后，将… (a condition)
                if kind == "launch" and _STATE.search(text, max(sentence.start, at - 20), at):
                    continue  # 已基本建成, 陆续交付: how things stand, not something that happened
                draft = _draft(context, sentence, kind, date, name, at)
                if draft is not None:
                    found.append(draft)
                    used_spans.append((at, trigger_end))
                break  # one event per kind and sentence
    return _drop_shadowed(found)


_NOT_AN_OCCURRENCE = re.compile(
    r"(?:了)?(?:\d+|[一二三四五六七八九十]+)(?:多|余)?年(?:来|以来)|[^，。；]{0,4}?(?:后|以后|之后)[，,]"
)
_STATE = re.compile(r"陆续|基本|目前|正在|逐步|不断")
# "此次全国赛", "本届论坛": the item's own event mentioned again
_BACK_REFERENCE = re.compile(r"^(?:举办|举行|召开)?(?:此次|本次|这次|该|本届|此届|上述)")


def _headline_like(body: str) -> bool:
    """A heading or teaser: no sentence punctuation. Its event is dated in the body, if at all."""
    return not re.search(r"[。！？；，,]", body.strip()) and len(body.strip()) <= 45


def _drop_shadowed(found: list[EventDraft]) -> list[EventDraft]:
    """A visit that is the 调研座谈 of a meeting, or a launch that is a signing, is one event."""
    kinds = {d.kind for d in found}
    if "meeting" in kinds:
        found = [d for d in found if d.kind != "visit"]
    if "park_signup" in kinds:
        found = [d for d in found if d.kind != "launch"]
    if "contest" in kinds:
        found = [d for d in found if d.kind not in ("park_signup",)]
    if "forum" in kinds:
        found = [d for d in found if d.kind != "meeting"]  # 年会开幕式暨全体会议: the forum's session
    return found


def _intended(
    text: str, sentence_start: int, at: int, trigger_end: int, mentions: Iterable[Mention] = ()
) -> bool:
    """将/计划/要 … before the trigger in its clause; words inside a name (未来产业园) do not count."""
    left, _ = _clause_bounds(text, sentence_start, len(text), at)
    if _FUTURE.search(text, sentence_start, left):
        return True  # 三明将在…方面……，从市级层面出台…
    begin = max(left, at - 30)
    chars = list(text[begin:at])
    for mention in mentions:
        for i in range(max(mention.start, begin), min(mention.end, at)):
            chars[i - begin] = "□"
    window = "".join(chars)
    if _INTENT_OK.search(text[max(sentence_start, at - 4) : trigger_end]):
        return False
    return bool(_NOT_HAPPENED.search(window))


def _date_for(
    context: ItemContext, sentence: Sentence, at: int, lead_date: DateMention | None
) -> DateMention | None:
    """The most precise usable date in the trigger's sentence, nearest the trigger; else the
    item's lead date (later sentences report segments of the same event)."""
    inside = [m for m in context.dates if sentence.start <= m.start < sentence.end and _usable(m)]
    if inside:
        rank = {"day": 3, "month": 2, "year": 1}
        return max(inside, key=lambda m: (rank[m.date.precision], -abs(m.start - at)))
    if _SELF_ISSUED.search(context.text, sentence.start, sentence.end):
        # the notice's signature is page furniture; the pipeline has made the publication date
        # the signature's day (metadata), so a notice issuing a document is dated by it
        return DateMention(-1, -1, context.published.iso(), context.published, "point")
    return lead_date


# "现将《…》印发给你们": a notice issuing a document is dated by its signature
_SELF_ISSUED = re.compile(r"现将[^。；]{2,80}?(?:印发|转发|下发)给你们|现(?:予|就)?(?:印发|公布|发布)如下")


def _draft(
    context: ItemContext, sentence: Sentence, kind: str, date: DateMention, name: str, at: int
) -> EventDraft | None:
    text = context.text
    evidence = text[sentence.start : sentence.end].strip()
    if len(evidence) < 8:
        return None
    lead = (
        sentence.start
        if not text[sentence.start].isspace()
        else sentence.start + len(text[sentence.start :]) - len(text[sentence.start :].lstrip())
    )
    scope = [m for m in context.mentions if sentence.start <= m.start < sentence.end]
    draft = EventDraft(
        kind=kind,
        date=date.date,
        title=_title(kind, name, evidence, date),
        evidence=evidence,
        start=context.offset + lead,
        end=context.offset + lead + len(evidence),
        item_index=context.item_index,
        date_phrase=date.phrase,
        end_date=date.end_date if date.role == "range" and kind != "statistic" else None,
        window=date.window if date.role == "vague" else None,
        confidence=0.6 if date.start >= sentence.start else 0.45,
    )
    _attach(draft, scope, text)
    if kind == "policy_release":
        _subject_issues(draft, [m for m in scope if m.start < at])
        if not draft.policies and _UNBRACKETED_TITLE.match(name):
            draft.policies.append(name)  # 发布…的倡议: a titled document written without 《》
    if kind == "launch" and len(name) >= 6:
        for mention in context.mentions:  # 新赛道培育行动 启动 ← 《新赛道培育行动方案》
            if mention.kind == "policy" and mention.name.startswith(name):
                _add(draft.policies, mention.name)
    return draft if _supported(draft, name, evidence) else None


_UNBRACKETED_TITLE = re.compile(r"^(?!相关|有关|一系列|系列|多项|一批|新|该|此|本)[^，。；]{8,}$")


def _subject_issues(draft: EventDraft, before: list[Mention]) -> None:
    """'大连高新区……于2020年10月1日出台《…》': with no body named beside the verb, the
    sentence's subject (its first park or body) is the issuer."""
    if any(role == "issuer" for _, role in draft.organisations):
        return
    subject = next((m for m in before if m.kind in ("park", "organisation")), None)
    if subject is None:
        return
    draft.organisations = [(n, r) for n, r in draft.organisations if n != subject.name]
    draft.organisations.insert(0, (subject.name, "issuer"))


_QUOTED_NAME = re.compile(r"[“《][^”》]{2,30}[”》]")


def _supported(draft: EventDraft, name: str, evidence: str) -> bool:
    """An event needs someone or something it is about: a sign-up needs a park or a body, a
    launch a named thing; others a named entity or a proper event name."""
    has_actor = bool(draft.parks or draft.organisations)
    if draft.kind == "park_signup":
        return has_actor
    if draft.kind == "launch":
        return has_actor or bool(draft.policies) or len(name) >= 6 or bool(_QUOTED_NAME.search(evidence))
    return has_actor or bool(draft.people or draft.policies) or len(name) >= 6


def _title(kind: str, name: str, evidence: str, date: DateMention) -> str:
    name = re.sub(r"^(?:近日|日前|近期|\d+月\d+日|[，,、\s])+", "", name or "").strip("，,、 ")
    name = re.sub(r"^(?:在|由)", "", name)
    if kind in _GATHERING:
        name = re.sub(r"^[^，。；]*?[》”]在(?=\S{4})", "", name)  # 《方案》在X论坛上发布 → X论坛
    if kind == "policy_release" and name and not name.startswith("《"):
        name = (
            f"《{name}》发布"
            if not re.search(r"(?:倡议|政策|方案|规划|意见|办法|报告|措施)$", name)
            else f"{name}发布"
        )
    if len(name) >= 6:
        return name[:120]
    text = evidence
    if date.phrase and text.startswith(date.phrase):
        text = text[len(date.phrase) :]
    return text.strip("，,。 ")[:60]


# the park's administration acts (高新区出台…); not when the name runs on (中关村未来产业园集中发布)
_ACTS_AS_ORG = re.compile(
    r"^(?![\u4e00-\u9fff]{0,8}?(?:园|区))[^，。；]{0,12}?(?:主办|承办|协办|指导|出台|印发|发布|制定)"
)


def _attach(draft: EventDraft, mentions: Iterable[Mention], text: str) -> None:
    """Parks, organisations (with a role), people and policies of the event's scope."""
    for mention in mentions:
        if mention.kind == "park":
            _add(draft.parks, mention.name)
            if _ACTS_AS_ORG.match(text[mention.end : mention.end + 20]):
                _add_org(draft, mention.name, _role(text, mention.end))
        elif mention.kind == "organisation":
            if not _honorific(text, mention) and not _reporting(text, mention):
                _add_org(draft, mention.name, _role(text, mention.end, draft.kind))
        elif mention.kind == "person":
            _add(draft.people, mention.name)
        elif mention.kind == "policy":
            _add(draft.policies, mention.name)


# 新华社石家庄5月9日电, 本报记者, 据新华社报道: the messenger, not a party to the event
_DATELINE_AFTER = re.compile(r"[^，。；]{0,8}?\d{1,2}月\d{1,2}日电|(?:记者|讯|报道|消息|供图|摄|客户端)")


def _reporting(text: str, mention: Mention) -> bool:
    return (
        bool(_DATELINE_AFTER.match(text, mention.end))
        or text[max(0, mention.start - 1) : mention.start] == "据"
    )


def _honorific(text: str, mention: Mention) -> bool:
    """中国工程院院士张三: an honour of the person, not a body taking part."""
    return text.startswith("院士", mention.end)


def _role(text: str, end: int, kind: str = "") -> str:
    after = text[end : end + 14]
    if re.match(r"^[^，。；]{0,12}?主办", after):
        return "organiser"
    if re.match(r"^[^，。；]{0,12}?(?:承办|协办)", after):
        return "host"
    if kind == "policy_release" or re.match(r"^[^，。；]{0,8}?(?:印发|出台|发布|制定)", after):
        return "issuer"
    return "participant"


def _add(values: list[str], name: str) -> None:
    if name not in values:
        values.append(name)


def _add_org(draft: EventDraft, name: str, role: str) -> None:
    if all(existing != name for existing, _ in draft.organisations):
        draft.organisations.append((name, role))


# ---------------------------------------------------------------- statistics


def _statistics(context: ItemContext, sents: list[Sentence]) -> list[EventDraft]:
    """One statistic per period and subject: the first sentence that gives a figure for it."""
    text = context.text
    drafts: list[EventDraft] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for sentence in sents:
        body = text[sentence.start : sentence.end]
        if not _FIGURE.search(body) or not _METRIC.search(body) or not _STAT_TOPIC.search(body):
            continue
        if not (_PARKISH.search(body) or _PARKISH.search(context.headline)):
            continue  # figures of a park or of the parks, not of the economy at large
        period = _period(context, sentence)
        if period is None:
            continue
        scope = [m for m in context.mentions if sentence.start <= m.start < sentence.end]
        parks = tuple(sorted({m.name for m in scope if m.kind == "park"}))
        key = (period.iso(), parks)
        if key in seen:
            continue
        seen.add(key)
        evidence = body.strip()
        lead = sentence.start + (len(body) - len(body.lstrip()))
        draft = EventDraft(
            kind="statistic",
            date=period,
            title=_stat_title(evidence),
            evidence=evidence,
            start=context.offset + lead,
            end=context.offset + lead + len(evidence),
            item_index=context.item_index,
            date_phrase=period.iso(),
            confidence=0.5,
        )
        _attach(draft, scope, text)
        drafts.append(draft)
    return drafts


def _period(context: ItemContext, sentence: Sentence) -> PartialDate | None:
    """The year a figure covers: an explicit year, a part-year range, or 截至 a date."""
    text = context.text
    inside = [m for m in context.dates if sentence.start <= m.start < sentence.end]
    reached = [m for m in inside if re.search(r"(?:至|到)$", text[max(0, m.start - 2) : m.start])]
    for mention in reached[-1:] + inside:
        if re.search(r"(?:较|比|从|同比|相比|自)$", text[max(0, mention.start - 2) : mention.start]):
            continue  # a base year of a comparison
        if mention.role == "range" and mention.end_date and mention.end_date.year == mention.date.year:
            return PartialDate(mention.date.year)
        if mention.role == "cumulative":
            return mention.date
        if mention.role == "point" and mention.date.precision == "year" and not _glued_year_only(mention):
            return mention.date
    if not inside and _AS_OF_NOW.search(text, sentence.start, sentence.end):
        return PartialDate(context.published.year)  # 目前…总数已达145家: as of publication
    return None


_AS_OF_NOW = re.compile(r"目前|至此|迄今|现有|截至目前|截止目前")


def _stat_title(evidence: str) -> str:
    figure = _FIGURE.search(evidence)
    end = evidence.find("，", figure.end()) if figure else -1
    return (evidence[: end if end > 0 else 60])[:80]


# ---------------------------------------------------------------- tidying


_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


def _date_rank(draft: EventDraft) -> tuple[int, int]:
    return (0 if draft.window else 1, _PRECISION_RANK[draft.date.precision])


def _same_release(a: EventDraft, b: EventDraft) -> bool:
    return a.kind == b.kind == "policy_release" and bool(set(a.policies) & set(b.policies))


_ALIKE_KINDS = (
    {"visit", "meeting"},
    {"contest", "forum"},
    {"park_signup", "launch"},
    {"meeting", "park_signup"},  # 会议审议，认定X为…: the meeting is the decision
)


def _same_gathering(a: EventDraft, b: EventDraft) -> bool:
    """One event told twice under two kinds (调研+座谈, 大赛开幕式+峰会) on the same day."""
    return a.date == b.date and any({a.kind, b.kind} <= pair for pair in _ALIKE_KINDS) and a.kind != b.kind


def _told_together(a: EventDraft, b: EventDraft) -> bool:
    """In one sentence; a visit and the meeting of the next sentence (调研…。座谈…); or a
    contest and the forum of its opening in one article."""
    if a.start == b.start:
        return True
    if {a.kind, b.kind} == {"visit", "meeting"}:
        return 0 <= b.start - a.end <= 2
    return {a.kind, b.kind} == {"contest", "forum"} and a.item_index == b.item_index


def _dedupe(drafts: list[EventDraft]) -> list[EventDraft]:
    """Segments of one reported event on the same day and of the same kind become one; a
    policy released in one document is one release, dated as precisely as the text allows."""
    kept: list[EventDraft] = []
    for draft in drafts:
        if _elaborates(kept, draft):
            _union(kept[-1], draft)
            continue
        release = next((k for k in kept if _same_release(k, draft)), None)
        if release is not None:
            if _date_rank(draft) > _date_rank(release):
                release.date, release.window, release.date_phrase = (
                    draft.date,
                    draft.window,
                    draft.date_phrase,
                )
                release.evidence, release.start, release.end = draft.evidence, draft.start, draft.end
            _union(release, draft)
            continue
        gathering = next((k for k in kept if _same_gathering(k, draft) and _told_together(k, draft)), None)
        if gathering is not None:
            _union(gathering, draft)
            continue
        twin = next(
            (
                k
                for k in kept
                if k.kind == draft.kind
                and k.date == draft.date
                and k.kind not in ("statistic", "park_signup", "policy_release", "launch")
                and (k.item_index == draft.item_index or _similar(k, draft))
            ),
            None,
        )
        if twin is None:
            kept.append(draft)
            continue
        _union(twin, draft)
    return kept


def _elaborates(kept: list[EventDraft], draft: EventDraft) -> bool:
    """'其中，A与B、C与D分别签约' details the event of the sentence before it."""
    if not kept or not re.match(r"^(?:其中|具体而言|具体来看)[，,]", draft.evidence):
        return False
    previous = kept[-1]
    return previous.kind == draft.kind and previous.date == draft.date and draft.kind != "statistic"


def _union(into: EventDraft, other: EventDraft) -> None:
    for park in other.parks:
        _add(into.parks, park)
    for name, role in other.organisations:
        _add_org(into, name, role)
    for person in other.people:
        _add(into.people, person)
    for policy in other.policies:
        _add(into.policies, policy)


def _similar(a: EventDraft, b: EventDraft) -> bool:
    grams = lambda s: {s[i : i + 2] for i in range(len(s) - 1)}  # noqa: E731
    ga, gb = grams(a.title), grams(b.title)
    if not ga or not gb:
        return False
    return len(ga & gb) / min(len(ga), len(gb)) >= 0.5


_GATHERING = ("forum", "meeting", "contest", "press_conference", "visit")


def _enrich_lead(context: ItemContext, drafts: list[EventDraft], sents: list[Sentence]) -> None:
    """Gatherings get the people who speak after them in the item, and their bodies: a speaker
    belongs to the last gathering reported before their words (the item's first one for the
    lead paragraphs)."""
    gatherings = sorted((d for d in drafts if d.kind in _GATHERING), key=lambda d: d.start)
    if not gatherings:
        return
    lead = gatherings[0]
    lead_paragraphs = {s.paragraph for s in sents[:2]}
    for mention in context.mentions:
        sentence = next((s for s in sents if s.start <= mention.start < s.end), None)
        in_lead = sentence is not None and sentence.paragraph in lead_paragraphs
        owner = next(
            (g for g in reversed(gatherings) if g.start <= context.offset + mention.start),
            lead if in_lead else None,
        )
        if owner is None:
            continue
        if mention.kind == "person" and _acts(context.text, mention) and (mention.title or in_lead):
            _add(owner.people, mention.name)
            if mention.organisation and not re.search(r"院士|教授|研究员|专家", mention.title):
                _add_org(owner, mention.organisation, "participant")
        elif mention.kind == "organisation" and _REPRESENTED.match(
            context.text[mention.end : mention.end + 80]
        ):
            _add_org(owner, mention.name, "participant")
        elif mention.kind == "policy":
            _add(owner.policies, mention.name)  # a plan presented or discussed at the gathering
        elif in_lead and owner is lead:
            if mention.kind == "organisation" and not (
                _honorific(context.text, mention) or _reporting(context.text, mention)
            ):
                _add_org(lead, mention.name, _role(context.text, mention.end, lead.kind))
            elif mention.kind == "park":
                _add(lead.parks, mention.name)


_ACTING = re.compile(
    r"^[^，。；]{0,8}?(?:表示|指出|强调|说|介绍|认为|谈到|提到|致辞|出席|汇报|主持|宣布|发表|作|提出|希望|要求)"
)
# a body whose people speak or attend: "…、招商银行相关负责人围绕…作演讲"
_REPRESENTED = re.compile(
    r"^(?:[、和及与][^，。；、]{1,20}?)*(?:相关)?(?:负责人|代表|领导|嘉宾)[^。；]{0,30}?(?:致辞|演讲|发言|出席|参加|作报告)"
)


def _acts(text: str, mention: Mention) -> bool:
    """A person who speaks or attends, not one only referred to (…总书记对…的指示)."""
    after = text[mention.end : mention.end + 20]
    return bool(_ACTING.match(after)) or text[mention.end : mention.end + 1] in "，、,等"
