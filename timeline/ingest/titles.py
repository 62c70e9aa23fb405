"""Event titles composed from the event's parts, and a checker that says what is wrong with one.

A title names who did what (the organiser, the kind's verb, the gathering's or policy's name),
in at most ``MAX_LENGTH`` characters, with no byline (本报讯（记者 …）), lead-in (近日，据悉),
date prefix, dangling half phrase (…领域，/ …发布的) or trailing punctuation. When the event
has no name of its own, the title is the trigger's clause, cleaned the same way, given a
subject when it is a bare verb phrase (the acting pair before it, the sentence's subject, else
the event's body or park), shortened (a list to its first name, the short form of a park's
name) and cut on a whole word. A policy's title is issuer + verb + 《name》. Every step is a
named row of ``rules.TABLE``.
"""

from __future__ import annotations

import re

from timeline.ingest import lexicon as lx
from timeline.ingest.rules import rule
from timeline.ingest.shapes import tagged

_SAYING = lx.alternation(lx.SAYING_VERBS)
# a guest's coming: attending, arriving, visiting (欢迎各位出席, 欢迎大家来到, 莅临)
_COMING = lx.alternation(lx.GATHERING_ACT_WORDS + lx.MOTION_VERBS + lx.VISIT_WORDS)

MAX_LENGTH = 40

_BYLINE = rule(
    "title.byline",
    "title",
    pattern=r"^\s*(?:【[^】]{0,30}】|[^，。；]{0,12}(?:讯|电|消息)\s*[（(](?:记者|通讯员|见习记者)[^）)]{0,30}[）)]|"
    r"[（(](?:记者|通讯员)[^）)]{0,30}[）)]|本报讯|[^，。；\s]{0,10}?(?:网|社|报|台)讯|"
    r"[^，。；\s]{0,12}?(?:社|网|报)[^，。；\s]{0,8}?\d{1,2}月\d{1,2}日(?:电|消息)|"
    r"[^，。；\s]{0,12}?\d{1,2}月\d{1,2}日电)\s*",
    matches=(
        "本报讯（记者 王明）江南高新区举办论坛",
        "新华社南京6月3日电 江南论坛开幕",
        "江南日报讯 园区揭牌",
        "江南网6月1日消息（记者王明）江南论坛开幕",
    ),
    misses=("江南高新区举办论坛", "记者从江南高新区了解到"),
    why="the messenger is no part of the event: a title never begins with a byline or dateline",
)
_LEAD_IN = rule(
    "title.lead_in",
    "title",
    pattern=rf"^\s*(?:(?:据|记者从|从)[^，,。]{{0,16}}?(?:了解到|获悉|消息|报道)[，,]\s*|"
    rf"(?:截[至止]|根据|按照)[^，,。；]{{0,24}}?[，,]\s*|(?:热烈)?欢迎(?:大家|各位[^，,。]{{0,8}}?)(?:{_COMING})|"
    rf"(?:{lx.alternation(lx.LEAD_INS)})[，,]?\s*)",
    matches=(
        "近日，江南高新区举办论坛",
        "据悉，园区已揭牌",
        "记者从市科技局获悉，园区获批",
        "截至今年6月底，江南高新区共有企业900家",
        "根据年度统计结果，园区营收增长一成",
        "欢迎各位来宾出席江南高新区举办的发布会",
        "热烈欢迎各位领导莅临江南科技园",
    ),
    misses=("江南高新区近日举办论坛", "园区截至6月底共有企业900家"),
    why="近日，据悉，日前: the lead-in of a news sentence says nothing of the event",
)
_DATE_PREFIX = rule(
    "title.date_prefix",
    "title",
    pattern=r"^\s*(?:(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年)?(?:\d{1,2}月\d{1,2}日|\d{1,2}月(?=[，,\s])|\d{1,2}日|"
    r"\d{1,2}\s*[-—–~至]\s*\d{1,2}月份?|\d{1,2}月份)"
    r"(?:[上下]午|晚间?|晚上|早上)?(?:至\d{1,2}日)?|\d{4}年(?:[上下]半年|[初底末]|以来)?(?=[，,]))[，,\s]*",
    matches=(
        "6月12日，江南高新区举办论坛",
        "2024年6月12日上午江南论坛开幕",
        "2023年，江南高新区营收增长",
        "1-6月份全区营收增长两成",
    ),
    misses=("江南高新区6月12日举办论坛",),
    why="the date is the event's own field: a title does not begin with it",
)
_HOSTS_PREFIX = rule(
    "title.hosts_prefix",
    "title",
    pattern=r"^[^。；“”《》]{2,60}?(?:主办|承办|协办|指导|支持)的(?=\S{4})",
    matches=("市科技局主办、园区承办的江南科创论坛", "由市政府主办，园区管委会承办的江南科创论坛"),
    misses=("江南科创论坛由市科技局主办",),
    why="X主办、Y承办的Z论坛: the hosts are the event's bodies; the title names the gathering",
)
_PAGE_TOKEN = rule(
    "title.page_token",
    "title",
    pattern=r"^\s*(?:[A-Za-z_]{2,12}\s*[:：]?\s*)?"
    r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]?\d{1,2}:\d{2}(?::\d{2})?)?|"
    r"\d{1,2}:\d{2}(?::\d{2})?)\s*",
    matches=("date 2025-05-06江南科技园举行开园仪式", "2025-05-06 10:30 江南论坛开幕", "10:30江南论坛开幕"),
    misses=("江南科技园2025年举行开园仪式", "5G江南论坛开幕"),
    why="a page's field label, ISO date or time stamp leaking before the text is no part of a title",
)
_FRONT_FILLER = re.compile(
    r"^(?:在|由|于|的|是|这是|此外|同时|另外|其中|目前|当天|当日|会上|期间|并|还|随后|此前|日前|"
    r"了|一场|一次|题为)[，,]?"
)
_LIST_MARK = rule(
    "title.list_mark",
    "title",
    pattern=r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、．]|"
    r"第[一二三四五六七八九十]{1,3}[，,、])\s*",
    matches=("一、同意江南工业园区升级为国家高新区", "（二）园区开展试点", "3．设立专项资金"),
    misses=("一批企业入驻园区", "2024江南科创论坛举行"),
    why="the number of a list item (一、 （二）) belongs to the document's layout, not to the event",
)
_ESCORT = rule(
    "title.escort",
    "title",
    pattern=r"^在?[^，。；]{2,40}?陪同下(?=[\u4e00-\u9fff]{2})",
    matches=("在副区长王明等陪同下视察了江南科技园", "副区长王明等陪同下考察园区"),
    misses=("副区长王明陪同省长考察园区", "王明等陪同人员到场"),
    why="在X陪同下视察: the escort is not who acted; the visitor is the sentence's subject",
)
# a day inside a clause (科技部14日召开…) is the event's date field, not part of its title
# 江南高新区日前获批…: a vague time inside a clause is no part of a title
_INLINE_WHEN = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:日前|近日|近期|今天|今日|昨天|昨日|当天|当日)(?=[\u4e00-\u9fff]{2})"
)
_INLINE_DAY = re.compile(
    r"(?:(?<=[\u4e00-\u9fff”》）)])于|(?<=[\u4e00-\u9fff]))(?:\d{1,2}月)?\d{1,2}日(?:[上下]午|晚)?(?=[\u4e00-\u9fff])"
)
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_DANGLING = rule(
    "title.dangling_end",
    "title",
    pattern=r"(?:[，,、：:；;。！？“《（(]|(?<![会展])的|(?<![为])了|[在和与及暨或对向将被把从以于并由等为是]|(?<=[式会坛])上|"
    rf"时(?:{_SAYING})?)$",
    matches=(
        "园区持续聚焦前沿科技领域，",
        "在世界知识产权组织发布的",
        "江南高新区与",
        "副省长在园区调研时指出",
        "省长在园区考察时介绍",
        "在江南科创论坛启动仪式上",
    ),
    misses=("江南科创论坛在苏州举行", "《江南高新区发展规划》发布"),
    why="a title ends on a whole word: not on a comma, a function word or a half phrase",
)


def _is_name(text: str) -> bool:
    """A proper name of a gathering, document or programme: long enough, with no lead-in."""
    return (
        len(text) >= 6
        and not _LEAD_IN.test(text)
        and not _BYLINE.test(text)
        and "，" not in text
        and not _AN_ACT.test(text)
    )


_AN_ACT = rule(
    "title.act_not_name",
    "title",
    pattern=r"^(?:会见|会晤|接见|召开|举办|举行|调研|考察|视察|走访|参观|签署|签订|出席|参加)",
    matches=("会见了江南大学代表团一行", "召开全市科技创新大会"),
    misses=("江南科技创新大会", "科技部召开的园区工作会议"),
    why="a trigger's match that opens with its verb is an act, not a name: it is titled from its "
    "clause, with the subject who acts",
)


_NAMED = rule(
    "title.from_name",
    "title",
    predicate=_is_name,
    matches=("第十届中国创新创业大赛决赛", "江南高新区发展规划"),
    misses=("大赛", "近日，园区召开大会", "会见了江南大学代表团一行"),
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
_LAUNCHED = re.compile(rf"(?:{lx.alternation(lx.LAUNCH_WORDS)})")
_HELD_BY = re.compile(r"^([^，。；“”《》]{2,20}?(?:召开|举办|举行|主办))的(\S{4,})$")
_RESULTS = re.compile(r"(?:榜单|排行榜|名单|(?:评价|评选|考核|评估)结果)$")
_ENDS_IN_VERB = re.compile(
    r"(?:举行|举办|召开|开幕|闭幕|落幕|开赛|启动|揭牌|成立|发布|印发|出台|施行|实施|揭晓|开园|下线|签约|审议|报告)$"
)


def _words(text: str) -> list[tuple[str, str]]:
    """(word, jieba part of speech) of ``text``, tagged once per text (``shapes.tagged``)."""
    return tagged(text)


_SUBJECT_TAGS = ("n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng", "x", "b", "m", "q", "f")
_OFFICE = re.compile(r"^[司局厅处委办署]$")  # the one-character head of an office's name
_OWN_PLACE = re.compile(r"^[我本][国省市区]$")  # 我国, 本市: a pronoun that names its place


_HEAD_WORDS = frozenset(lx.PARK_HEADS + lx.PARK_WORDS + lx.ORGANISATION_HEADS)


def _is_bare(title: str) -> bool:
    """Whether the title opens with a verb, an adverb or a preposition: nobody does what it says."""
    words = _words(title)
    if not words:
        return False
    word, flag = words[0]
    if flag in ("d", "a") and len(words) > 1 and words[1][0] in _HEAD_WORDS:
        return False  # 大连|高新区: a place jieba reads as an adverb, then the head of a name
    if word in ("与会", "参会", "参赛", "入驻", "获奖") and len(words) > 1 and words[1][1].startswith("n"):
        return False  # 与会专家…: a verb that only qualifies the noun after it
    if flag in ("t", "ad") and len(words) > 1 and words[1][1].startswith("v"):
        return True  # 先后获批…, 今年新增…: a time or manner, then the verb
    if word in lx.LINKING_ADVERBS:
        return True  # 均有出席…: an adverb is no subject
    return flag in lx.VERB_TAGS or flag == "p" or word in ("与", "对", "向", "同", "跟", *lx.BECOME_VERBS)


_BARE = rule(
    "title.subject_supplied",
    "title",
    predicate=_is_bare,
    matches=(
        "与园区干部座谈交流",
        "成立了专家咨询委员会",
        "认定十家单位为创业基地",
        "升格为省级开发区",
        "都参加了开园仪式",
    ),
    misses=("江南高新区举办科创论坛", "市科技局认定十家单位为创业基地", "大连高新区拥有人才170余人"),
    why="a verb phrase without its subject is no title: the sentence's subject, else the event's "
    "first body or park, is put in front",
)


_ONLY_TIME = re.compile(
    r"^(?:[\d〇零一二三四五六七八九十]+年|[上下]半年|年[初底末]|以来|来|近|今|去|多|\d+月)*$"
)


def sentence_subject(sentence: str) -> str:
    """The noun phrase a sentence opens with, after its lead-in and date (科技部火炬中心将…
    → 科技部火炬中心); empty when it opens with a verb or has none."""
    clauses = re.split(r"[，,；;：:。！？]", strip_front(_CJK_SPACE.sub("", sentence)))
    front = next((c for c in clauses[:3] if not _ONLY_TIME.match(c)), "")
    kept: list[tuple[str, str]] = []
    words = _words(front)
    for index, (word, flag) in enumerate(words):
        if not kept and (flag in ("t", "m") or word in ("年", "年度", "上半年", "下半年")):
            continue  # 2018年中关村…: the period is the event's date
        following = words[index + 1][0] if index + 1 < len(words) else ""
        if kept and _OFFICE.match(following):
            kept.append((word, "n"))  # 科技部|高新|司: a word read as an adverb is part of an office's name
            continue
        if not kept and word in ("经", "据", "由", "受"):
            break  # 经省政府批准，…: who approved is no subject of what follows
        if word in ("的", "之") or not (flag.startswith(_SUBJECT_TAGS) or _OWN_PLACE.match(word)):
            break
        kept.append((word, flag))
    while kept and kept[-1][1] in ("m", "q", "x"):
        kept.pop()  # 国家高新区2024年: the period is no part of the subject
    subject = "".join(word for word, _ in kept).strip("、“”（）() ")
    if len(subject) < 2 or not re.search(r"[\u4e00-\u9fffA-Za-z]{2}", subject):
        return ""
    if _MESSENGER.test(subject):
        return ""  # 记者日前从…了解到: the reporter tells the news, it is no one's act
    return subject


_MESSENGER = rule(
    "title.messenger_no_subject",
    "title",
    pattern=r"^(?:本报|本刊|本台)?(?:特约)?(?:记者|通讯员|编者|小编|笔者)$",
    matches=("记者", "本报记者", "通讯员"),
    misses=("科技部火炬中心", "记者站"),
    why="记者日前从省科技厅了解到，…已达19家: the reporter is the sentence's subject, never the"
    " subject of a title",
)


_NOMINAL = ("n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng")


def _nominal_run(words: list[tuple[str, str]]) -> list[str]:
    """The leading run of nouns and names of ``words``."""
    run = []
    for word, flag in words:
        if not flag.startswith(_NOMINAL):
            break
        run.append(word)
    return run


def pair_before(text: str) -> str:
    """'A与B' acting in the last clause of ``text`` (…推进甲园区与乙园区建立机制 → 甲园区与乙园区):
    the pair a following verb phrase (形成…关系) is about; empty when there is none."""
    clause = re.split(r"[，,；;：:]", text.rstrip("，,；;：: "))[-1]
    at = clause.rfind("与")
    if at < 2:
        return ""
    left = "".join(reversed(_nominal_run(list(reversed(_words(clause[:at]))))))
    after = _words(clause[at + 1 :])
    names = _nominal_run(after)
    right = "".join(names)
    acts = len(after) > len(names) and after[len(names)][1].startswith("v")
    if len(left) < 2 or len(right) < 2 or not acts:
        return ""
    return f"{left}与{right}"


_PAIR = rule(
    "title.pair_subject",
    "title",
    predicate=lambda text: bool(pair_before(text)),
    matches=("省科技厅将推动江北高新区与江南科技园建立联席机制，",),
    misses=("省科技厅将推动园区建设，", "江北高新区与"),
    why="A与B建立机制，形成…关系: the verb phrase after it is about the pair, not the clause's subject",
)


_LISTED = rule(
    "title.listed_in",
    "title",
    pattern=r"(?:成功|顺利|再次|均)?(?:入选|上榜|榜上有名|名列其中|位列其中)$",
    matches=("江南高新区成功入选", "江南高新区榜上有名"),
    misses=("江南高新区入选国家级孵化器名单",),
    why="…公布了X名单，园区成功入选: the title says which list, from the clause before",
)
_ROLL = re.compile(
    r"(?:(?:公布|发布|公示|揭晓|印发|认定)了?)?(?P<roll>(?:(?!公布|发布|公示|揭晓|印发)[^，。；、：:]){2,30}?"
    r"(?:名单|榜单|目录|名录|排行榜))"
)


def supply_subject(title: str, sentence: str, who: str = "", before: str = "") -> str:
    """The title with a subject in front when it opens with a verb or preposition: the pair that
    acts in the clause ``before`` it, else the sentence's own subject, else ``who`` (the event's
    first body or park); unchanged when none is known."""
    listed = _LISTED.search(title)
    if listed and (roll := _ROLL.search(before)):  # …公布了X名单，园区成功入选 → 园区入选X名单
        title = title[: listed.start()] + "入选" + roll["roll"]
    if not title or not _BARE.test(title):
        return title
    for subject in (pair_before(before), sentence_subject(sentence), who):
        if subject and subject not in title and not title.startswith(subject[:2]):
            return subject + title
    return title


_APPROVED = rule(
    "title.approval_passive",
    "title",
    pattern=r"^(?:批复)?(?:同意|批准)(?:将)?(?P<what>[^，。；、]{4,30}?(?:区|园|城|县|市))"
    r"(?P<how>升级为|更名为|设立为|认定为|纳入|列入|建设为|为)",
    matches=("同意江南工业园区升级为国家高新区", "批准将江南产业园更名为江南科技城"),
    misses=("市政府同意江南工业园区升级", "江南工业园区获批升级为国家高新区"),
    why="同意X升级为Y, with the approver not named in the clause: the title says X获批升级为Y",
)


def _passive_approval(title: str) -> str:
    """同意X升级为Y → X获批升级为Y (a title that names what was approved, not a bare verb); of
    several approvals listed (同意A更名为B、C更名为D), the first."""
    found = _APPROVED.search(title)
    if found is None:
        return title
    rest = title[found.end() :]
    listed = rest.find("、")
    if listed > 0 and found["how"] in rest[listed:]:
        rest = rest[:listed]
    return f"{found['what']}获批{found['how']}{rest}"


_NAME_HEADS = lx.alternation(lx.PARK_HEADS + lx.ORGANISATION_HEADS)
_LIST = rule(
    "title.list_shortened",
    "title",
    pattern=rf"(?P<first>[^，。；、《》“”]{{2,30}}?(?:{_NAME_HEADS}))"
    rf"(?P<rest>(?:、[^，。；、《》“”]{{2,30}}?(?:{_NAME_HEADS}))+)"
    r"(?P<etc>等)?",
    matches=("江南高新区、江北高新区、江东高新区升级为国家高新区", "江南科技园、江北产业园等十家园区授牌"),
    misses=("集成电路、生物医药三大产业规模", "江南高新区举办科创论坛"),
    why="a list of names is too long for a title: the first name stands for them (X等N家)",
)


def shorten_list(title: str) -> str:
    """A too long title's list of parks or bodies cut to its first name: 甲、乙等十家园区 →
    甲等十家园区; 甲、乙、丙升级 → 甲等3家升级."""
    found = _LIST.search(title)
    if found is None or len(title) <= MAX_LENGTH:
        return title
    count = found["rest"].count("、") + 1
    short = f"{found['first']}等" if found["etc"] else f"{found['first']}等{count}家"
    return title[: found.start()] + short + title[found.end() :]


_SHORT_FORM = rule(
    "title.short_park_form",
    "title",
    # the lexicon's long forms (国家 stays: 国家高新技术产业开发区 → 国家高新区)
    pattern=lx.alternation(tuple(f for f in lx.HIGH_TECH_ZONE_FORMS if f.startswith("高新技术"))),
    matches=("江南高新技术产业开发区获批升级", "江南高新技术产业园区获批升级"),
    misses=("江南高新区获批升级",),
    why="a too long title uses the short form every reader knows: 高新技术产业开发区 → 高新区",
)


_ASIDE = rule(
    "title.aside_dropped",
    "title",
    pattern=r"[（(][A-Za-z0-9][A-Za-z0-9\s.,&'\-]{0,80}(?:[，,]?\s*简称\s*[A-Za-z0-9]{1,12})?[)）]",
    matches=("浮式生产储卸油装置（FPSO）交付", "江南园区协会（Jiangnan Park Association, 简称JPA）年会举行"),
    misses=("中关村（海淀）机器人产业园开园",),
    why="a too long title drops a Latin name or abbreviation in brackets (FPSO): it repeats the "
    "name before it",
)
_MODIFIER = rule(
    "title.modifier_dropped",
    "title",
    pattern=r"^[^，。；、《》“”的\d%了]{2,20}的(?=[^，。；]{8})",
    matches=("我国自主设计建造的首艘深海钻井平台在江南交付",),
    misses=(
        "江南高新区举办科创论坛",
        "《园区发展规划》的实施",
        "园区聚集了全国三成的高新技术企业和独角兽企业",
    ),
    why="a too long title keeps the head of its subject: 我国自主设计建造的X交付 → X交付",
)


_ASPECT = rule(
    "title.aspect_dropped",
    "title",
    predicate=lambda text: any(flag == "ul" for _, flag in _words(text)[1:-1]),
    matches=("江南高新区签署了合作协议", "市政府印发了《园区条例》"),
    misses=("江南高新区签署合作协议", "市长了解园区情况"),
    why="a timeline entry reads like a headline: 签署了 → 签署, 印发了《X》的通知 → 印发《X》",
)


def _plain(title: str) -> str:
    """The title without aspect particles inside it and without a notice's wrapper (《X》的通知)."""
    title = re.sub(r"(?<=[印转]发)(了?《[^《》]+》)的通知$", r"\1", title)
    if not _ASPECT.test(title):
        return title
    words = _words(title)
    return "".join(w for i, (w, f) in enumerate(words) if not (f == "ul" and 0 < i < len(words) - 1))


_POINTING = rule(
    "title.pointing_pronoun",
    "title",
    pattern=rf"^(?:{lx.alternation(lx.POINTING_PRONOUNS)})(?![中他余实次])(?=[\u4e00-\u9fff]{{2}})",
    matches=("所属研究院揭牌", "该园区获评优秀", "其下属基金成立"),
    misses=("江南高新区所属研究院揭牌", "其中园区已获批"),
    why="所属X, 该园区: a pronoun points back to a body named before; the title names it or drops it",
)
_LINKING = rule(
    "title.linking_adverb",
    "title",
    predicate=lambda text: any(
        word in lx.LINKING_ADVERBS and flag.startswith("d") for word, flag in _words(text)[:-1]
    ),
    matches=("江南研究院也正式揭牌", "均有出席开园仪式", "两家园区都签署了协议"),
    misses=("江南研究院正式揭牌", "成都高新区举办论坛"),
    why="X也揭牌, 均有出席: an adverb tying the clause to another one is no part of a title",
)
_GENERIC_BODY = re.compile(r"^(?:园区|高新区|开发区|该区|区)(?![\u4e00-\u9fff]{0,1}(?:局|委|会|司|办))")


def _tidy(title: str, park: str = "") -> str:
    """The title without a pronoun at its start (该园区 → the event's park, 所属X → X) and
    without adverbs that tie it to another clause (也, 均有)."""
    pointing = _POINTING.search(title)
    if pointing and pointing.end() < len(title) - 2:
        rest = title[pointing.end() :]
        generic = _GENERIC_BODY.match(rest)
        named = park and _PARK_NAMED.search(park)
        title = park + rest[generic.end() :] if named and generic else rest
    if not _LINKING.test(title):
        return title
    words = _words(title)
    kept: list[str] = []
    for index, (word, flag) in enumerate(words):
        if word in lx.LINKING_ADVERBS and flag.startswith("d") and index < len(words) - 1:
            if words[index + 1][0] == "有" and index + 2 < len(words):
                words[index + 1] = ("", "x")  # 均有出席 → 出席
            continue
        kept.append(word)
    return "".join(kept)


_OBJECT_VERB = lx.alternation(lx.OBJECT_VERBS + lx.HOLDING_VERBS)
_PLACE = rule(
    "title.place_dropped",
    "title",
    pattern=rf"(?<=[\u4e00-\u9fff])在[^，。；在《“]{{2,16}}?(?=(?:{_OBJECT_VERB}))",
    matches=("江南研究院和江北管委会在江南会展中心签署了《关于共建园区的战略合作协议》",),
    misses=("江南研究院和江北管委会签署战略合作协议", "在江南会展中心签署协议"),
    why="a too long title drops where it happened before it drops what was signed or held",
)


_LINKED_OPENING = re.compile(rf"^(?:{lx.alternation(lx.LINKING_ADVERBS)})")


def _first_item(sentence: str) -> str:
    """The first item of the list a sentence opens with (A、B和C等，均…): the subject of a clause
    that only says 均 or 都; empty when the opening is no short item."""
    item = re.split(r"[、，,；;：:。]", strip_front(_CJK_SPACE.sub("", sentence)), maxsplit=1)[0]
    words = _words(item)
    named = bool(words) and words[-1][1].startswith(_NOMINAL) and words[0][1] not in ("p", "c", "r")
    return item if 2 <= len(item) <= 16 and named else ""


def fit(title: str, sentence: str = "", who: str = "", before: str = "") -> str:
    """The title made whole and short enough: a subject in front of a bare verb phrase, a list
    cut to its first name, then (while still too long) the short form of a park's name, no
    bracketed abbreviation, no modifier before the subject's head, and a cut on a whole word."""
    linked = _LINKED_OPENING.search(title)
    pointed = _POINTING.search(title)  # 所属X揭牌: X is the subject
    title = _passive_approval(_tidy(title, who))
    first = _first_item(sentence) if linked and _is_bare(title) else ""
    if first:
        title = first + title  # A、B等，均出席… → A出席…
    elif not pointed:
        title = supply_subject(title, sentence, who, before)
    title = _plain(shorten_list(title))
    for shape, short in ((_SHORT_FORM, "高新区"), (_ASIDE, ""), (_MODIFIER, ""), (_PLACE, "")):
        if len(title) > MAX_LENGTH:
            assert shape.pattern is not None
            title = shape.pattern.sub(short, title)
    return cut(title)


def strip_front(text: str) -> str:
    """The text without byline, lead-ins, date prefix and filler words at its start."""
    previous = None
    text = text.strip()
    while previous != text:
        previous = text
        for shape in (_PAGE_TOKEN, _BYLINE, _LEAD_IN, _DATE_PREFIX, _LIST_MARK):
            assert shape.pattern is not None
            text = shape.pattern.sub("", text, count=1).strip()
        text = _FRONT_FILLER.sub("", text).strip()
    return text


_PAGE_LABEL = re.compile(
    r"(?:发文字号|发布日期|成文日期|主题词|主题分类|索引号|发文机关|来源)[：:\s].*$|(?:发文字号|索引号)$"
)


_PAIRS = (("《", "》"), ("“", "”"), ("「", "」"), ("『", "』"), ("【", "】"), ("（", "）"), ("(", ")"))


def _outside_marks(text: str, marks: str) -> list[int]:
    """The offsets of ``text`` holding one of ``marks`` outside every bracket or quotation opened
    before them (a comma inside （…） or “…” ends no clause), in one pass."""
    opening = {o: i for i, (o, _) in enumerate(_PAIRS)}
    closing = {c: i for i, (_, c) in enumerate(_PAIRS)}
    depth = [0] * len(_PAIRS)
    found = []
    for at, char in enumerate(text):
        if char in marks and all(d <= 0 for d in depth):
            found.append(at)
        if char in opening:
            depth[opening[char]] += 1
        elif char in closing:
            depth[closing[char]] -= 1
    return found


def trim_end(text: str) -> str:
    """The text without trailing punctuation, function words, an unclosed quotation or the
    labels of a page's metadata table (…的批复发文字号：…)."""
    text = _PAGE_LABEL.sub("", text.strip()).strip()
    while text and (ending := _DANGLING.search(text)) is not None:
        text = text[: ending.start()].rstrip()
    for opening, closing in _PAIRS:
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
    boundaries = _outside_marks(head, "，,；;、：:")
    boundary = max(boundaries, default=-1)
    if boundary >= limit // 2:
        return trim_end(head[:boundary])
    kept: list[tuple[str, str]] = []
    for word, flag in _words(text):
        if sum(len(w) for w, _ in kept) + len(word) > limit:
            break
        kept.append((word, flag))
    while len(kept) > 1 and not kept[-1][1].startswith(_WHOLE_END):
        kept.pop()  # …暨第九届, …等多: a cut never ends on a numeral, measure or modifier
    return _with_object(trim_end("".join(w for w, _ in kept) or head), text, limit)


_ENDS_ON_OBJECT_VERB = re.compile(rf"(?:{lx.alternation(lx.OBJECT_VERBS)})$")
_ENDS_ON_HOLDING_VERB = re.compile(rf"^[^在]{{2,}}?(?:{lx.alternation(lx.HOLDING_VERBS)})$")
_NEEDS_OBJECT = rule(
    "title.object_kept",
    "title",
    predicate=lambda text: bool(_ENDS_ON_OBJECT_VERB.search(text) or _ENDS_ON_HOLDING_VERB.search(text)),
    matches=("江南研究院和江北管委会签署", "江南科技园举行"),
    misses=("江南研究院和江北管委会签署战略合作协议", "江南论坛在苏州举行", "江南论坛在苏州召开"),
    why="a title cut after 签署 or 举行 says nothing: the head of the cut object (…合作协议) is kept",
)


def _with_object(title: str, text: str, limit: int) -> str:
    """A cut title ending on a verb that needs its object, with the head of that object (the
    last nouns of the name cut off: 签署《…战略合作协议》 → 签署战略合作协议)."""
    if not _NEEDS_OBJECT.test(title) or not text.startswith(title) or title.endswith(("在", "于")):
        return title
    rest = re.split(r"[，,；;。》」”』】]", text[len(title) :].lstrip("了《「“『【 "), maxsplit=1)[0]
    head: list[str] = []
    for word, flag in reversed(_words(rest)):
        if not flag.startswith(("n", "vn", "j")) or len(title) + len(word) + sum(map(len, head)) > limit:
            break
        head.insert(0, word)
    return title + "".join(head) if head else title


# the parts of speech a title cut short may end on: a noun, a name or a verb
_WHOLE_END = ("n", "v", "eng", "j", "i", "l")


_GATHERINGS = lx.alternation(
    lx.FORUM_NOUNS + lx.MEETING_NOUNS + lx.PRESS_NOUNS + lx.CONTEST_NOUNS + ("仪式",)
)
_RELEASED = rule(
    "title.released_thing",
    "title",
    pattern=r"^(?:此次|本次|这次|当天|会上)?(?P<verb>发布|出台|揭晓|推出|亮相)的(?P<what>《[^《》]{2,30}》|“[^“”]{2,20}”)",
    matches=("此次发布的《江南产业地图》涵盖八大产业链",),
    misses=("江南高新区发布《江南产业地图》", "此次发布的产业地图涵盖八大产业链"),
    why="此次发布的《X》涵盖…: the clause describes the thing released; the event is 《X》发布",
)
_SAID_AT = rule(
    "title.said_at",
    "title",
    pattern=rf"^[^，。；]{{2,30}}?在(?:[^，。；]{{2,8}}?举办的)?(?P<where>[^，。；]{{4,}}?(?:{_GATHERINGS}))上"
    rf"(?:{_SAYING})的?$",
    matches=(
        "局长在江北数字经济大会启动仪式上宣布的",
        "书记在苏州举办的江北论坛上透露的",
        "主任在江南园区年会上坦言的",
    ),
    misses=("局长在江北数字经济大会上作报告", "江北论坛在苏州举行"),
    why="这是X在Y会上透露的: the clause reports a remark; the gathering Y is the event",
)


def clean_clause(sentence: str, at: int = 0, who: str = "", kind: str = "", park: str = "") -> str:
    """The clause of ``sentence`` around offset ``at``, cleaned, given a subject (the sentence's,
    else ``who``) when it has none, and cut to a title; a delegation's clause with no verb (X率
    考察团一行20人) takes the kind's verb and the event's ``park``."""
    body = _CJK_SPACE.sub("", sentence.strip())
    at = max(0, min(at, len(body)))
    bounds = "，,；;：:…"
    marks = _outside_marks(body, bounds + "。！？")
    left = max((i for i in marks if i < at and body[i] in bounds), default=-1) + 1
    right = min((i for i in marks if i >= at), default=len(body))  # a comma inside (…) ends nothing
    front = strip_front(body[left:right])
    if len(front) < 8 or _BARE_DECISION.test(front) or _NOT_THE_ACT.test(front):
        # 批复明确，同意…; 省政府作出批复，同意…; 为加强交流，…: a clause that does not say what
        # happened; take the next one that does (past a clause of a date alone)
        for following in re.split(r"[，,；;：:…。！？]", body[right + 1 :])[:3]:
            following = re.sub(r"^(?:通报|明确|宣布|指出)", "", strip_front(following))  # 通报X同意Y
            if len(following) >= 8:
                front = following
                break
    if len(front) < 8:  # only a lead-in or a date: take the sentence's first clause that tells
        clauses = [c for c in re.split(r"[，,；;：:…。！？]", strip_front(body)) if c]
        front = next(
            (strip_front(c) for c in clauses if len(strip_front(c)) >= 8 and not _NOT_THE_ACT.test(c)),
            clauses[0] if clauses else front,
        )
    assert _ESCORT.pattern is not None
    front = _ESCORT.pattern.sub("", front)
    said_at = _SAID_AT.search(front)
    if said_at:  # 这是某书记在X启动仪式上透露的: the gathering is what happened
        front = said_at["where"]
    released = _RELEASED.search(front)
    if released:
        front = released["what"] + released["verb"]
    front = _decision(front)
    delegation = _DELEGATION.search(front)
    if delegation and kind in _KIND_VERB:
        went = _WENT.search(body, right)  # …一行近20人，…来园区交流考察: the trip the sentence tells
        where = f"赴{park}" if park and _PARK_NAMED.search(park) and park not in front else ""
        trip = went.group() if went else f"{where}{_KIND_VERB[kind]}"
        return fit(f"{delegation['who']}一行{trip}", body, who)
    party = _HEADCOUNT.search(front)
    following = re.split(r"[，,；;：:…。！？]", body[right + 1 :], maxsplit=1)[0]
    if party and len(following) >= 6:  # 园区组织100余人，赴某地参观…: what the party did
        return fit(party["who"] + following, body, who)
    return fit(_INLINE_WHEN.sub("", _INLINE_DAY.sub("", front)), body, who, body[:left])


_BARE_DECISION = rule(
    "title.bare_decision",
    "title",
    pattern=r"(?:作出|做出|发布|下发|发出|印发)了?(?:一[则份个项])?(?:批复|决定|通知|复函)$",
    matches=("省政府近日分别作出批复", "市政府官网发布一则批复"),
    misses=("省政府批复同意江南开发区更名", "《关于江南高新区的批复》"),
    why="省政府作出批复，同意X更名为Y: the decision is in the next clause; the title says it (X获批"
    "更名为Y), not that a reply was made",
)
_NOT_THE_ACT = rule(
    "title.purpose_or_hosts_clause",
    "title",
    pattern=rf"^为了?(?:{lx.alternation(lx.PURPOSE_WORDS)})[^，。；]{{0,30}}$|(?:联合|共同)?(?:主办|承办|协办)$",
    matches=("为加强与地方科技创新工作的交流互动", "江南区人民政府和江南大学联合主办"),
    misses=("江南高新区举办科创论坛", "为江南软件园等5家孵化器授牌"),
    why="为加强交流，9月11日，X一行来到园区调研: a purpose or the hosts say nothing of what happened;"
    " the next clause does",
)
_DELEGATION = rule(
    "title.delegation_verb",
    "title",
    pattern=r"^(?P<who>[^，。；]{2,30}?(?:率|带领|率领)[^，。；]{2,24}?)(?:一行)?(?:近|约|共)?\d+(?:余|多)?(?:人|名|位)$",
    matches=("江北区区长王明率江北区政府考察团一行近30人", "市长带领企业家代表团15人"),
    misses=("江北区区长王明率考察团一行赴园区考察", "园区组织企业家30人"),
    why="X率考察团一行N人 has no verb: the title says the delegation did the event's kind of act",
)
# the verb a delegation's title takes for the event's kind
_KIND_VERB = {"visit": "考察"}
_WENT = re.compile(r"(?:赴|到|来|前往)[^，。；、]{2,16}?(?:考察|调研|参观|交流|访问|视察)+")
_NOTICE_LIST = rule(
    "title.notice_decision",
    "title",
    pattern=r"^(?:现|特|经研究，?)?(?P<verb>确定|认定|命名|批准|同意)(?P<first>[^，。；、]{2,40}?)(?:、[^，。；]{2,40}?)*"
    r"等(?P<count>[\d一二三四五六七八九十百千]+)(?P<unit>家|个|所|项|批)(?P<noun>[\u4e00-\u9fff]{0,4}?)"
    r"为(?P<what>[^，。；]{2,24})$",
    matches=("现确定江南科技孵化器有限公司众创空间等120家机构为国家备案众创空间",),
    misses=("市科技局确定江南科技孵化器为市级孵化器", "现确定120家机构名单"),
    why="现确定X、Y等N家机构为Z: a notice's list is too long for a title; the decision is the news "
    "(X等N家机构被确定为Z, or N家机构被确定为Z)",
)


_NOTICE_LIST_FILED = rule(
    "title.notice_decision_filed",
    "title",
    pattern=r"^(?:现|特)?将(?P<first>[^，。；、]{2,40}?)(?:、[^，。；]{2,40}?)*"
    r"等(?P<count>[\d一二三四五六七八九十百千]+)(?P<unit>家|个|所|项|批)(?P<noun>[\u4e00-\u9fff]{0,4}?)"
    r"(?:[（(][^）)]{0,8}[）)])?(?P<verb>备案|确定|认定|命名)为(?P<what>[^，。；]{2,24})$",
    matches=("现将江南创新工场孵化器等149家孵化器（详见附件）备案为国家级科技企业孵化器",),
    misses=("现将《江南高新区管理办法》印发给你们", "将江南创新工场备案为国家级孵化器"),
    why="现将X等N家孵化器备案为Z: the notice's decision is the news (N家孵化器被备案为Z)",
)


def _decision(clause: str) -> str:
    """现确定X等N家机构为Z (现将X等N家…备案为Z) → X等N家机构被确定为Z (without X when that is
    too long); the clause unchanged when it is no such notice."""
    found = _NOTICE_LIST.search(clause) or _NOTICE_LIST_FILED.search(clause)
    if found is None:
        return clause
    rest = f"等{found['count']}{found['unit']}{found['noun']}被{found['verb']}为{found['what']}"
    full = found["first"] + rest
    return full if len(full) <= MAX_LENGTH else rest[1:]


_HEADCOUNT = rule(
    "title.party_then_act",
    "title",
    pattern=r"^(?P<who>[^，。；]{2,20}?)组织(?:了)?[^，。；]{0,30}?\d+(?:余|多)?(?:人|名|位)(?:次)?$",
    matches=("江北高新区组织机关干部和企业代表80余人",),
    misses=("江北高新区组织80余人参观成就展", "江北高新区组织召开工作会议"),
    why="X组织N人，赴Y参观…: the clause only counts the party; the next clause says what it did",
)


def compose_title(
    kind: str, name: str, evidence: str, at: int = 0, who: str = "", known: str = ""
) -> tuple[str, str]:
    """(title, name of the title rule): from the event's own name where it has one, else from
    the trigger's clause at offset ``at`` of the evidence, given ``who`` (else ``known``, the
    event's park or first body) as subject when neither clause nor sentence names one."""
    name = strip_front(re.sub(r"^(?:在|由)", "", _CJK_SPACE.sub("", name or "")))
    name = strip_front(re.sub(r"^[^，。；]*?[》”]在(?=\S{4})", "", name))  # 《方案》在X论坛上发布 → X论坛
    name = re.sub(r"》的(?=\S{2})", "》", name)  # 题为《X》的专题报告 → 《X》专题报告
    if kind != "policy_release":
        assert _HOSTS_PREFIX.pattern is not None
        name = _HOSTS_PREFIX.pattern.sub("", re.sub(r"^(?:在|由)", "", name))
    name = trim_end(name)
    if kind == "policy_release" and name:
        return policy_title(name.strip("《》"), evidence, at, who), _POLICY.name
    elif _NAMED.test(name) and kind in _VERB:
        name = _INLINE_DAY.sub("", name)
        verb = "揭晓" if _RESULTS.search(name) else _VERB[kind]
        if kind == "launch":  # X联盟成立, X中心揭牌: the text's own verb
            said = _LAUNCHED.search(evidence, evidence.find(name) + len(name)) if name in evidence else None
            verb = said.group() if said else verb
        title = name if _ENDS_IN_VERB.search(name) else f"{name}{verb}"
        held_by = _HELD_BY.match(name)
        if held_by:  # 科技部召开的X发布会 → 科技部召开X发布会
            title = held_by.group(1) + held_by.group(2)
        if who and who not in title and len(who) + len(name) + 2 <= MAX_LENGTH and kind == "meeting":
            title = f"{who}召开{name}"
        elif (holder := who or ("" if _PARK_NAMED.search(known) else known)) and not held_by:
            if (
                holder[:2] not in title
                and _UNNAMED_GATHERING.test(name)
                and len(holder) + len(name) + 2 <= MAX_LENGTH
            ):
                title = f"{holder}{_HOLD_VERB.get(kind, '举办')}{name}"  # 座谈会举行 → 某某召开座谈会
        if _LECTURE.test(name):  # 《X》专题报告 → 某司长作《X》专题报告
            speaker = sentence_subject(evidence) or who
            title = f"{speaker}作{name}" if speaker and len(speaker) + len(name) < MAX_LENGTH else name
        if len(title) <= MAX_LENGTH:
            return title, _NAMED.name
        if len(name) <= MAX_LENGTH:
            return name, _NAMED.name
    title = _held(clean_clause(evidence, at, who or known, kind, known)) or cut(strip_front(evidence))
    if kind == "launch":
        park = known if _PARK_NAMED.search(known) else ""
        launched = launch_title(title, park, evidence)
        if launched != title:
            return launched, GUEST_LAUNCH.name
    return title, _CLAUSE.name


def launch_title(title: str, park: str, evidence: str) -> str:
    """某某出席揭牌仪式 → 营口高新区揭牌: a launch titled by its guests is titled by what opened
    (the event's park, else a name in quotes), unchanged when neither is known."""
    if not GUEST_LAUNCH.test(title):
        return title
    thing = park or next((q[1] for q in _QUOTED_THING.finditer(evidence)), "")
    launched = _LAUNCHED.findall(title)
    return cut(f"{thing}{launched[-1]}") if thing and launched else title


_QUOTED_THING = re.compile(r"[「『“]([^」』”]{2,20})[」』”]")
GUEST_LAUNCH = rule(
    "title.launch_not_its_guests",
    "title",
    pattern=rf"(?:出席|主持|参加|见证)了?[^，。；]{{0,12}}?(?:{lx.alternation(lx.LAUNCH_WORDS)})(?:仪式|典礼)?$",
    matches=("副部长张三、副省长李四出席揭牌仪式", "院长王五等人主持揭牌"),
    misses=("江南高新区举行揭牌仪式", "江南科技园正式开园"),
    why="张三、李四出席揭牌仪式: a clause about the guests; the title says what was launched"
    " (江南高新区揭牌)",
)


def _names_nobody(name: str) -> bool:
    """A gathering's name with no proper word in it (经济运行情况座谈交流会): it says neither who
    holds it nor where."""
    return bool(name) and not any(flag in lx.ANCHOR_TAGS for _, flag in _words(name))


_UNNAMED_GATHERING = rule(
    "title.gathering_holder",
    "title",
    predicate=_names_nobody,
    matches=("经济运行情况座谈交流会", "企业家中秋恳谈会"),
    misses=("2024中关村论坛", "江南高新区建设发展大会"),
    why="经济运行情况座谈交流会举行 says neither who nor where: the title names its organiser (or"
    " the body of its sentence)",
)
_HOLD_VERB = {"meeting": "召开", "press_conference": "召开", "forum": "举办", "contest": "举办"}
_LECTURE = rule(
    "title.lecture_speaker",
    "title",
    pattern=r"(?:专题|主题|学术|辅导|主旨)报告$",
    matches=("《园区建设》专题报告",),
    misses=("《园区建设》专题报告会", "园区年度报告"),
    why="a lecture's title names its speaker (the sentence's subject): 某司长作《X》专题报告",
)
_HELD_CLAUSE = re.compile(rf"^([^，。；]{{2,20}}?(?:举办|主办|召开|举行))的([^，。；]*?(?:{_GATHERINGS}))$")
_HAPPENED = re.compile(rf"(?:{lx.alternation(lx.HAPPENED)})")


_ATTENDED = re.compile(lx.alternation(lx.GATHERING_ACT_WORDS))
_ENDS_ON_GATHERING = re.compile(rf"(?:{_GATHERINGS})$")


def _only_names_gathering(title: str) -> bool:
    """X举办的Y会, or a bare Y会 with no verb saying it took place."""
    if _HELD_CLAUSE.match(title):
        return True
    if _ATTENDED.search(title):
        return False  # X出席开园仪式 says someone took part: it took place
    return bool(_ENDS_ON_GATHERING.search(title)) and not _HAPPENED.search(title)


_GATHERING_ONLY = rule(
    "title.gathering_held",
    "title",
    predicate=_only_names_gathering,
    matches=("市科技局举办的园区发展论坛", "江南科创大赛总决赛启动仪式"),
    misses=("江南科创论坛在苏州举行", "市科技局举办园区发展论坛", "副省长到会致辞的江南科创论坛"),
    why="a clause that only names a gathering says nothing happened: X举办的Y会 reads X举办Y会, "
    "a bare Y会 takes 举行",
)


_GATHERING_SAID = rule(
    "title.gathering_said",
    "title",
    pattern=rf"^(?P<gathering>[^，。；]{{4,}}?(?:{_GATHERINGS}))[^，。；]{{0,8}}?(?:{_SAYING})$",
    matches=("江南园区协会第五届年会全体会员大会宣布", "江南科创论坛提出", "江南园区年会要求"),
    misses=("江南园区协会宣布", "市长在江南科创论坛上作报告"),
    why="X大会宣布, with what it announced cut off: the title says the gathering took place",
)


def _held(title: str) -> str:
    """A clause naming only a gathering, made a title that says it took place."""
    said = _GATHERING_SAID.search(title)
    if said:  # X年会全体会员大会宣布 → X年会全体会员大会举行
        title = said["gathering"]
    if not _GATHERING_ONLY.test(title):
        return title
    held_by = _HELD_CLAUSE.match(title)
    if held_by:
        return held_by.group(1) + held_by.group(2)
    return f"{title}举行" if len(title) + 2 <= MAX_LENGTH else title


_ISSUING = re.compile(rf"(?:{lx.alternation(lx.POLICY_VERBS + ('转发',))})")


def _policy_example(example: str) -> bool:
    """Table predicate over 'issuer|name|evidence → title': policy_title composes that title."""
    given, expected = (part.strip() for part in example.split("→"))
    who, name, evidence = given.split("|")
    return policy_title(name, evidence, 0, who) == expected


_POLICY = rule(
    "title.policy",
    "title",
    predicate=_policy_example,
    matches=(
        "江北市人民政府|江北高新区发展规划|市政府印发了规划 → 江北市人民政府印发《江北高新区发展规划》",
        "|江北高新区发展规划|规划正式出台 → 《江北高新区发展规划》出台",
    ),
    misses=(
        "江北市人民政府|江北高新区发展规划|印发 → 江北高新区发展规划发布",
        "|江北高新区发展规划|出台 → 《江北高新区发展规划》的实施细则",
    ),
    why="a policy's title is its issuer, the text's own verb (印发, 出台) and its name in 《》, the "
    "name shortened only at its end",
)


_COVER_NOTE = rule(
    "title.cover_note",
    "title",
    pattern=r"^(?P<issuer>[^《》]{2,24}?)关于(?P<verb>印发|转发|发布)(?P<inner>.{4,}?)的通知$",
    matches=("江南市人民政府关于印发江南高新区发展规划的通知",),
    misses=("江南市人民政府关于加快高新区发展的通知", "关于印发江南高新区发展规划的通知"),
    why="X关于印发Y的通知 is a cover note: the title says X印发《Y》, the document it carries",
)


def policy_title(name: str, evidence: str = "", at: int = 0, who: str = "") -> str:
    """issuer + the evidence's verb nearest the trigger (else 发布) + 《name》; without the issuer
    when that is too long, and the name cut on a whole word at its end (…》) when still too long."""
    note = _COVER_NOTE.search(name)
    if note:
        inner = note["inner"].strip("《》")
        return policy_title(inner, note["verb"], 0, note["issuer"])
    verbs = sorted(_ISSUING.finditer(evidence), key=lambda m: abs(m.start() - at))
    verb = verbs[0].group()[-2:] if verbs else "发布"  # 联合印发 by one issuer named: 印发
    if who and not name.startswith(who) and len(who) + len(verb) + len(name) + 2 <= MAX_LENGTH:
        return f"{who}{verb}《{name}》"
    if len(name) + len(verb) + 2 <= MAX_LENGTH:
        return f"《{name}》{verb}"
    room = MAX_LENGTH - len(verb) - 3
    short = trim_end(cut(name, room)) or name[:room]
    return f"《{short}…》{verb}"


# the end of a figure's clause: punctuation, or a heading's second line (…达145家 2014年总收入…)
_FIGURE_CLAUSE_END = re.compile(r"[，,；;。]|\s+(?=\d{4}年)|(?<=[家个项元人所])(?=(?:19|20)\d{2}年)")


def statistic_title(evidence: str, figure: tuple[int, int] | None = None, who: str = "") -> tuple[str, str]:
    """A statistic's title: the clause of its first figure, with the clause before it when that
    one alone is too short to say whose figure it is, and a subject (the sentence's, else the
    park ``who``) when it names nobody's figure."""
    body = evidence
    if figure is None:
        return cut(strip_front(body)), _CLAUSE.name
    start, end = figure
    left = max(body.rfind(c, 0, start) for c in "，,；;：:") + 1
    gap = _FIGURE_CLAUSE_END.search(body, end)
    right = gap.start() if gap else len(body)
    clause = strip_front(body[left:right])
    if len(clause) < 12 and left > 0:
        before = max(body.rfind(c, 0, left - 1) for c in "，,；;：:") + 1
        clause = strip_front(body[before:right])
    subject = sentence_subject(body)
    named = _PARK_NAMED.search(subject)
    owner = who  # 国家高新区…公布：园区生产总值… is 国家高新区's figure
    if named and not _GENERIC_PARK.match(subject[: named.end()] + "的"):
        owner = subject[: named.end()]
    return fit(_with_park(clause, owner), body, who), _CLAUSE.name


_PARK_NAMED = re.compile(rf"(?:{lx.alternation(lx.PARK_HEADS + lx.PARK_WORDS)})")
_GENERIC_PARK = re.compile(r"^(?:园区|全区|我区|本区|该区|高新区|开发区|示范区)(?=\S)")


def _with_park(clause: str, park: str) -> str:
    """A figure of no park named (三大产业产值占…, 园区生产总值…) is the event's park's figure."""
    if not park or park in clause:
        return clause
    if _GENERIC_PARK.match(clause):
        return _GENERIC_PARK.sub(park, clause, count=1)
    if _PARK_NAMED.search(clause) or _BARE.test(clause):
        return clause
    if any(flag in lx.PROPER_TAGS or flag == "eng" for _, flag in _words(clause)):
        return clause  # 全国…, IASP会员…: a figure of whoever the clause names
    return park + clause


def title_problems(title: str) -> list[str]:
    """What keeps a title from being published as it stands (empty when nothing)."""
    problems = []
    if not title:
        return ["empty"]
    if len(title) > MAX_LENGTH:  # a policy's name too: policy_title cuts it at its end
        problems.append("too long")
    if _BYLINE.test(title):
        problems.append("byline")
    if _LEAD_IN.test(title):
        problems.append("lead-in")
    if _DATE_PREFIX.test(title):
        problems.append("date prefix")
    if _DANGLING.test(title):
        problems.append("dangling end")
    if any(title.count(a) != title.count(b) for a, b in _PAIRS):
        problems.append("unbalanced brackets")
    if _BARE.test(title):
        problems.append("no subject")
    return problems
