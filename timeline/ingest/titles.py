"""Event titles composed from the event's parts, and a checker that says what is wrong with one.

A title names who did what (the organiser, the kind's verb, the gathering's or policy's name),
in at most ``MAX_LENGTH`` characters, with no byline (本报讯（记者 …）), lead-in (近日，据悉),
date prefix, dangling half phrase (…领域，/ …发布的) or trailing punctuation. When the event
has no name of its own, the title is the trigger's clause, cleaned the same way and cut on a
whole word. Every cleaning step is a named row of ``rules.TABLE``.
"""

from __future__ import annotations

import re

from timeline.ingest import lexicon as lx
from timeline.ingest.rules import rule

MAX_LENGTH = 40

_BYLINE = rule(
    "title.byline",
    "title",
    pattern=r"^\s*(?:【[^】]{0,30}】|[^，。；]{0,12}(?:讯|电)\s*[（(](?:记者|通讯员|见习记者)[^）)]{0,30}[）)]|"
    r"[（(](?:记者|通讯员)[^）)]{0,30}[）)]|本报讯|[^，。；\s]{0,10}?(?:网|社|报|台)讯|"
    r"[^，。；\s]{0,12}?(?:社|网|报)[^，。；\s]{0,8}?\d{1,2}月\d{1,2}日电|[^，。；\s]{0,12}?\d{1,2}月\d{1,2}日电)\s*",
    matches=(
        "本报讯（记者 王明）江南高新区举办论坛",
        "新华社南京6月3日电 江南论坛开幕",
        "江南日报讯 园区揭牌",
    ),
    misses=("江南高新区举办论坛", "记者从江南高新区了解到"),
    why="the messenger is no part of the event: a title never begins with a byline or dateline",
)
_LEAD_IN = rule(
    "title.lead_in",
    "title",
    pattern=rf"^\s*(?:(?:据|记者从|从)[^，,。]{{0,16}}?(?:了解到|获悉|消息|报道)[，,]\s*|"
    rf"(?:{lx.alternation(lx.LEAD_INS)})[，,]?\s*)",
    matches=("近日，江南高新区举办论坛", "据悉，园区已揭牌", "记者从市科技局获悉，园区获批"),
    misses=("江南高新区近日举办论坛",),
    why="近日，据悉，日前: the lead-in of a news sentence says nothing of the event",
)
_DATE_PREFIX = rule(
    "title.date_prefix",
    "title",
    pattern=r"^\s*(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年)?(?:\d{1,2}月\d{1,2}日|\d{1,2}月(?=[，,\s])|\d{1,2}日)"
    r"(?:[上下]午|晚间?|晚上|早上)?(?:至\d{1,2}日)?[，,\s]*",
    matches=("6月12日，江南高新区举办论坛", "2024年6月12日上午江南论坛开幕"),
    misses=("江南高新区6月12日举办论坛",),
    why="the date is the event's own field: a title does not begin with it",
)
_HOSTS_PREFIX = rule(
    "title.hosts_prefix",
    "title",
    pattern=r"^[^，。；“”《》]{2,60}?(?:主办|承办|协办|指导|支持)的(?=\S{4})",
    matches=("市科技局主办、园区承办的江南科创论坛",),
    misses=("江南科创论坛由市科技局主办",),
    why="X主办、Y承办的Z论坛: the hosts are the event's bodies; the title names the gathering",
)
_FRONT_FILLER = re.compile(
    r"^(?:在|由|于|的|是|这是|此外|同时|另外|其中|目前|当天|当日|会上|期间|并|还|随后|此前|日前|"
    r"了|一场|一次|题为)[，,]?"
)
# a day inside a clause (科技部14日召开…) is the event's date field, not part of its title
_INLINE_DAY = re.compile(r"(?<=[\u4e00-\u9fff])(?:\d{1,2}月)?\d{1,2}日(?:[上下]午|晚)?(?=[\u4e00-\u9fff])")
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_DANGLING = rule(
    "title.dangling_end",
    "title",
    pattern=r"(?:[，,、：:；;。！？“《（(]|(?<![会展])的|(?<![为])了|[在和与及对向将被把从以于并由等为是]|"
    r"时(?:指出|强调|表示|说)?)$",
    matches=(
        "园区持续聚焦前沿科技领域，",
        "在世界知识产权组织发布的",
        "江南高新区与",
        "副省长在园区调研时指出",
    ),
    misses=("江南科创论坛在苏州举行", "《江南高新区发展规划》发布"),
    why="a title ends on a whole word: not on a comma, a function word or a half phrase",
)


def _is_name(text: str) -> bool:
    """A proper name of a gathering, document or programme: long enough, with no lead-in."""
    return len(text) >= 6 and not _LEAD_IN.test(text) and not _BYLINE.test(text) and "，" not in text


_NAMED = rule(
    "title.from_name",
    "title",
    predicate=_is_name,
    matches=("第十届中国创新创业大赛决赛", "江南高新区发展规划"),
    misses=("大赛", "近日，园区召开大会"),
    why="an event with a name of its own is titled by it, with the kind's verb",
)
_CLAUSE = rule(
    "title.from_clause",
    "title",
    predicate=lambda text: bool(clean_clause(text)),
    matches=("近日，江南高新区与德国一家科技园签署合作协议，双方将共建孵化器。",),
    misses=("近日，",),
    why="an event without a name is titled by the cleaned clause of its trigger, cut on a whole word",
)

# the verb a named event of each kind takes when its name says nothing of what happened
_VERB = {
    "forum": "举行",
    "meeting": "召开",
    "contest": "举行",
    "press_conference": "举行",
    "policy_release": "发布",
    "launch": "启动",
}
_HELD_BY = re.compile(r"^([^，。；“”《》]{2,20}?(?:召开|举办|举行|主办))的(\S{4,})$")
_RESULTS = re.compile(r"(?:榜单|排行榜|名单|评选结果)$")
_ENDS_IN_VERB = re.compile(
    r"(?:举行|举办|召开|开幕|闭幕|落幕|开赛|启动|揭牌|成立|发布|印发|出台|施行|实施|揭晓|开园|下线|签约|审议|报告)$"
)


def strip_front(text: str) -> str:
    """The text without byline, lead-ins, date prefix and filler words at its start."""
    previous = None
    text = text.strip()
    while previous != text:
        previous = text
        for shape in (_BYLINE, _LEAD_IN, _DATE_PREFIX):
            assert shape.pattern is not None
            text = shape.pattern.sub("", text, count=1).strip()
        text = _FRONT_FILLER.sub("", text).strip()
    return text


_PAGE_LABEL = re.compile(
    r"(?:发文字号|发布日期|成文日期|主题词|主题分类|索引号|发文机关|来源)[：:\s].*$|(?:发文字号|索引号)$"
)


def trim_end(text: str) -> str:
    """The text without trailing punctuation, function words, an unclosed quotation or the
    labels of a page's metadata table (…的批复发文字号：…)."""
    text = _PAGE_LABEL.sub("", text.strip()).strip()
    while text and (ending := _DANGLING.search(text)) is not None:
        text = text[: ending.start()].rstrip()
    for opening, closing in (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")")):
        if text.count(opening) > text.count(closing):
            at = text.rfind(opening)
            text = text[1:] if at == 0 else text[:at].rstrip()  # “2010论坛年会 → 2010论坛年会
            return trim_end(text)
    return text


def cut(text: str, limit: int = MAX_LENGTH) -> str:
    """At most ``limit`` characters, cut at a clause boundary or on a whole word."""
    text = trim_end(text)
    if len(text) <= limit:
        return text
    head = text[:limit]
    boundary = max(head.rfind(c) for c in "，,；;、：:")
    if boundary >= limit // 2:
        return trim_end(head[:boundary])
    import jieba  # only for the long ones: a cut on a word boundary

    kept = ""
    for word in jieba.lcut(text, HMM=False):
        if len(kept) + len(word) > limit:
            break
        kept += word
    return trim_end(kept or head)


def clean_clause(sentence: str, at: int = 0) -> str:
    """The clause of ``sentence`` around offset ``at``, cleaned and cut to a title."""
    body = _CJK_SPACE.sub("", sentence.strip())
    at = max(0, min(at, len(body)))
    bounds = "，,；;：:…"
    left = max(body.rfind(c, 0, at) for c in bounds) + 1
    ends = [i for i in (body.find(c, at) for c in bounds + "。！？") if i != -1]
    right = min(ends) if ends else len(body)
    front = strip_front(body[left:right])
    if len(front) < 8:  # 批复明确，同意…: a clause too short to say what happened; take the next one
        following = re.split(r"[，,；;：:…。！？]", body[right + 1 :], maxsplit=1)[0]
        front = strip_front(following) if len(strip_front(following)) >= 8 else front
    if len(front) < 8:  # only a lead-in or a date: take the sentence's first clause
        front = re.split(r"[，,；;：:…。！？]", strip_front(body), maxsplit=1)[0]
    return cut(_INLINE_DAY.sub("", front))


def compose_title(kind: str, name: str, evidence: str, at: int = 0, who: str = "") -> tuple[str, str]:
    """(title, name of the title rule): from the event's own name where it has one, else from
    the trigger's clause at offset ``at`` of the evidence."""
    name = strip_front(re.sub(r"^(?:在|由)", "", _CJK_SPACE.sub("", name or "")))
    name = re.sub(r"^[^，。；]*?[》”]在(?=\S{4})", "", name)  # 《方案》在X论坛上发布 → X论坛
    name = re.sub(r"》的(?=\S{2})", "》", name)  # 题为《X》的专题报告 → 《X》专题报告
    if kind != "policy_release":
        assert _HOSTS_PREFIX.pattern is not None
        name = _HOSTS_PREFIX.pattern.sub("", re.sub(r"^(?:在|由)", "", name))
    name = trim_end(name)
    if kind == "policy_release" and name:
        name = name.strip("《》")
        title = f"《{name}》发布" if not re.search(rf"(?:{_DOCUMENT_HEADS})$", name) else f"{name}发布"
        if len(title) <= MAX_LENGTH + 12:  # a document's title is not cut
            return title, _NAMED.name
    elif _NAMED.test(name) and kind in _VERB:
        name = _INLINE_DAY.sub("", name)
        verb = "揭晓" if _RESULTS.search(name) else _VERB[kind]
        title = name if _ENDS_IN_VERB.search(name) else f"{name}{verb}"
        held_by = _HELD_BY.match(name)
        if held_by:  # 科技部召开的X发布会 → 科技部召开X发布会
            title = held_by.group(1) + held_by.group(2)
        if who and who not in title and len(who) + len(name) + 2 <= MAX_LENGTH and kind == "meeting":
            title = f"{who}召开{name}"
        if len(title) <= MAX_LENGTH:
            return title, _NAMED.name
        if len(name) <= MAX_LENGTH:
            return name, _NAMED.name
    return clean_clause(evidence, at) or cut(strip_front(evidence)), _CLAUSE.name


_DOCUMENT_HEADS = lx.alternation(lx.DOCUMENT_HEADS)


def statistic_title(evidence: str, figure: tuple[int, int] | None = None) -> tuple[str, str]:
    """A statistic's title: the clause of its first figure, with the clause before it when that
    one alone is too short to say whose figure it is."""
    body = evidence
    if figure is None:
        return cut(strip_front(body)), _CLAUSE.name
    start, end = figure
    left = max(body.rfind(c, 0, start) for c in "，,；;：:") + 1
    right = min([i for i in (body.find(c, end) for c in "，,；;。") if i != -1] or [len(body)])
    clause = strip_front(body[left:right])
    if len(clause) < 12 and left > 0:
        before = max(body.rfind(c, 0, left - 1) for c in "，,；;：:") + 1
        clause = strip_front(body[before:right])
    return cut(clause), _CLAUSE.name


_LONG = MAX_LENGTH + 12  # a policy's full title may run longer than a composed one


def title_problems(title: str) -> list[str]:
    """What keeps a title from being published as it stands (empty when nothing)."""
    problems = []
    if not title:
        return ["empty"]
    if len(title) > (_LONG if title.startswith("《") else MAX_LENGTH):
        problems.append("too long")
    if _BYLINE.test(title):
        problems.append("byline")
    if _LEAD_IN.test(title):
        problems.append("lead-in")
    if _DATE_PREFIX.test(title):
        problems.append("date prefix")
    if _DANGLING.test(title):
        problems.append("dangling end")
    if any(title.count(a) != title.count(b) for a, b in (("《", "》"), ("“", "”"), ("（", "）"))):
        problems.append("unbalanced brackets")
    return problems
