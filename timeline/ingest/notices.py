"""Policies as facts: what a notice, an approval (批复) or a report says about the policies it is
or cites — title, issuers, 文号, 成文日期, 发布日期, period years and kind.

A government notice prints these in a fixed layout (a headline 关于…的通知, the 文号 on the
line under it, the bodies addressed, the body, then the signature: the issuing bodies and the
date on lines of their own), and gov.cn pages repeat them in a field block (发文机关 / 成文日期 /
发文字号 / 发布日期). A news report only cites policies: 《…》 with a 文号 after it. Every shape
here is a named rule (family "policy"); word lists come from ``lexicon``. One linear pass over
the lines and one over the 《》 titles: no document-wide quadratic work.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from people.names import name_key
from timeline.ingest.dates import find_dates
from timeline.ingest.entities import (
    FULL_NAME_PRINTED,
    Gazetteer,
    find_entities,
    find_policies,
    policy_period,
)
from timeline.ingest.lexicon import (
    ISSUER_HEADS,
    NOTICE_ENDINGS,
    POLICY_DOC_WORDS,
    POLICY_KIND_ENDINGS,
    alternation,
)
from timeline.ingest.policy_names import DOCUMENT_NUMBER, REPORT, document_number
from timeline.ingest.rules import rule
from timeline.ingest.types import EventDraft, Mention, Metadata, PartialDate, PolicyFacts

_HEAD_LINES = 60  # a notice's headline sits near the top of the page
_ENDINGS = alternation(NOTICE_ENDINGS)
_ISSUER = rf"[\u4e00-\u9fff（）()]{{2,30}}?(?:{alternation(ISSUER_HEADS)})"

# --------------------------------------------------------------------------- the rules

HEADLINE = rule(
    "policy.notice_headline",
    "policy",
    pattern=re.compile(
        rf"^(?P<issuers>(?:{_ISSUER}[、\s]*){{0,4}}?)(?P<title>(?:印发|转发)?关于[^。；！？：:]{{2,120}}?的(?:{_ENDINGS}))"
        r"(?:\s*[（(](?P<number>[^（）()]{2,24}号)?[^（）()]*[）)]?)?$"
    ),
    matches=(
        "江南市人民政府关于同意设立江南高新技术产业园区的批复",
        "关于印发某某新区创新发展三年行动方案的通知",
        "北方省科学技术厅 北方省财政厅关于开展孵化器评价工作的通知（北科发〔2023〕7号）",
        "东方市人民政府办公厅印发关于加快建设科技园区实施意见的通知",
    ),
    misses=(
        "会议传达了关于加快建设科技园区的意见。",
        "记者从市政府获悉，关于园区的规划正在编制",
        "关于我们",
    ),
    why="a notice's own headline (issuer, 关于…的 and the document word) names the policy it is",
)

FIELD = rule(
    "policy.field_block",
    "policy",
    pattern=re.compile(
        r"(?P<label>发文机关|发布机构|发文单位|成文日期|成文时间|发文字号|文\s*号|发布日期|发布时间|标\s*题)"
        r"\s*[:：]\s*"
    ),
    matches=("发文机关：东方省人民政府  成文日期：2019年03月02日", "发文字号: 东政发〔2019〕5号"),
    misses=("会议时间：上午九点", "东方省人民政府发文机关"),
    why="a government page's field block states issuer, 文号 and both dates outright",
)

SIGNATURE_DATE = rule(
    "policy.signature_date",
    "policy",
    pattern=re.compile(
        r"^\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
        r"|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*$"
    ),
    matches=("2021年6月30日", "二〇二一年六月三十日"),
    misses=("2021年6月30日，园区举行签约仪式。", "6月30日"),
    why="the signature's date stands on a line of its own under the issuing body: the 成文日期",
)


def _issuer_line(line: str) -> bool:
    names = [n for n in re.split(r"[\s、]+", line.strip()) if n]
    return bool(names) and len(names) <= 6 and all(re.fullmatch(_ISSUER, n) for n in names)


ISSUER_LINE = rule(
    "policy.issuer_line",
    "policy",
    predicate=_issuer_line,
    matches=("东方省人民政府", "南方市科学技术局  南方市财政局", "国务院办公厅"),
    misses=("各区县人民政府：", "一、总体要求", "园区2023年实现营业收入"),
    why="the lines above the signature date name the issuing bodies, one or several",
)


ISSUING_NOTICE = rule(
    "policy.issuing_notice",
    "policy",
    pattern=re.compile(r"^(?:关于)?(?:印发|发布|颁布|公布)《?(?P<inner>[^《》]{4,120}?)》?的通知$"),
    matches=(
        "关于印发东方市科技园区发展规划（2021—2025年）的通知",
        "关于印发《南方孵化器管理办法》的通知",
        "印发关于加快建设科技园区实施意见的通知",
    ),
    misses=("关于转发《东方市科技园区管理办法》的通知", "关于举办第三届创新大赛的通知"),
    why="a notice that issues a document is its vehicle: the policy is the document it issues, "
    "with the notice's 文号, issuers and dates",
)


_ISSUED_IN_BODY = re.compile(r"现将《(?P<title>[^《》\n]{4,120})》(?:印发|发布|印送|颁布)")


NOTICE_BODY = rule(
    "policy.notice_body",
    "policy",
    pattern=re.compile(
        r"特此通知|现(?:予)?批复如下|(?:通知|意见|决定|规定)如下|现提出如下|现将[^。；\n]{0,80}?(?:印发|转发|下发|印送)给你们"
        r"|请(?:认真)?(?:贯彻执行|遵照执行|结合实际)"
    ),
    matches=(
        "现将有关事项通知如下：",
        "经研究，现批复如下。",
        "现将《东方省孵化器管理办法》印发给你们，请遵照执行。",
    ),
    misses=("会议通知了有关事项。", "园区负责人介绍了有关情况。"),
    why="a notice's body speaks to the bodies it is addressed to: without that, a 关于…的通知 line "
    "may be a link in a list",
)


_FIVE_YEAR_PLANS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}
FIVE_YEAR_PLAN = rule(
    "policy.five_year_plan",
    "policy",
    pattern=re.compile(rf"[“\"‘]?(?P<plan>{'|'.join(_FIVE_YEAR_PLANS)})[”\"’]?"),
    matches=("东方市“十四五”科技创新规划", "十三五国家科技园区发展规划"),
    misses=("十四届全国人大", "第十五次会议"),
    why="a five-year plan's name gives its period (十四五 → 2021—2025)",
)


# --------------------------------------------------------------------------- reading


def policy_kind(title: str) -> str:
    """The ``PolicyKind`` a title names by its last word, before a trailing （2024—2027年）."""
    text = title.strip().strip("《》").strip()
    while re.search(r"\s*[（(][^（）()]*[）)]\s*$", text):
        text = re.sub(r"\s*[（(][^（）()]*[）)]\s*$", "", text)
    for ending, kind in sorted(POLICY_KIND_ENDINGS, key=lambda pair: -len(pair[0])):
        if text.endswith(ending):
            return kind
    return "other"


def period_of(title: str) -> tuple[int, int] | None:
    """The years a policy covers: （2021—2025年） or a five-year plan's name."""
    years = policy_period(title)
    if years:
        return years
    plan = FIVE_YEAR_PLAN.search(title)
    if plan:
        first = _FIVE_YEAR_PLANS[plan["plan"]]
        return first, first + 4
    return None


def canonical_title(title: str) -> str:
    """A title as stored: no spaces, no 《》 around or inside (关于转发《…》的通知)."""
    return re.sub(r"\s+", "", title).strip().replace("《", "").replace("》", "")


def issuers_of_title(title: str) -> list[str]:
    """The bodies a title names before 关于 (科技部 财政部关于…): its issuers."""
    head = title.split("关于", 1)[0] if "关于" in title else ""
    names = [n for n in re.split(r"[\s、]+", head.strip()) if n]
    return names if names and all(re.fullmatch(_ISSUER, n) for n in names) else []


_PERIOD_TAIL = re.compile(r"\s*[（(][^（）()]*(?:19|20)\d{2}[^（）()]*[）)]$")


def shorter_forms(title: str) -> list[str]:
    """Shorter titles of the same policy: without its trailing period (…方案（2024—2027年）→
    …方案) and without the issuers before 关于 (国务院关于…的意见 → 关于…的意见)."""
    forms = []
    stem = _PERIOD_TAIL.sub("", title)
    if stem != title and len(stem) >= 6:
        forms.append(stem)
    issuers = issuers_of_title(title)
    if issuers:
        forms += [form[form.index("关于") :] for form in (title, *forms)]
    return forms


SHORT_FORM = rule(
    "policy.short_form",
    "policy",
    predicate=lambda title: bool(shorter_forms(title)),
    matches=("东方市科技园区行动方案（2024—2026年）", "东方省人民政府关于加快科技园区建设的意见"),
    misses=("东方市科技园区行动方案", "关于加快科技园区建设的意见"),
    why="a title is often repeated without its period or its issuers: one policy, not two",
)


def read_policies(
    text: str,
    metadata: Metadata,
    events: list[EventDraft] | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[PolicyFacts]:
    """Every policy the document is or cites, with what it says about each.

    Issuers take the registry's name when the ``gazetteer`` knows them (科技部 → 科学技术部). The
    document's own notice, when it is one, comes first; the release and approval ``events``
    its body reports are given its title as their policy (a 批复 approving a park's upgrade
    concerns the park and the 批复), and when they hold no release of it, its own release is
    added, dated by its signature (or 发布日期, or the year of its 文号), never guessed."""
    events = events if events is not None else []

    def canonical(name: str) -> str:
        entry = gazetteer.lookup(name, "organisation") if gazetteer is not None else None
        if entry is None or FULL_NAME_PRINTED.test(f"{name}|{entry.name}"):
            return name  # rule entity.full_name_printed: 某市科学技术局 stays in full
        return entry.name

    found: dict[str, PolicyFacts] = {}
    own = _own_notice(text, metadata)
    if own is not None:
        own.issuers = list(dict.fromkeys(canonical(n) for n in own.issuers))
        found[name_key(own.title)] = own
    mentions = find_policies(text, reports=True)
    for mention in mentions:
        title = canonical_title(mention.name)
        key = name_key(title)
        facts = found.get(key)
        if facts is None:
            facts = found[key] = PolicyFacts(
                title=title,
                kind=policy_kind(title),
                start=mention.start,
                end=mention.end,
                is_policy=not REPORT.test(title),
                issuers=[canonical(n) for n in issuers_of_title(title)],
                period=period_of(title),
                rules=["policy.report_of_figures"] if REPORT.test(title) else [],
            )
        if mention.document_number and not facts.document_number:
            facts.document_number = document_number(mention.document_number)
            facts.rules.append(DOCUMENT_NUMBER.name)
    _bare_repeats(mentions, events)
    bases = _bases(text)
    _drop_bases(bases, events)
    _issuers_from_releases(found, events)
    if own is not None:
        _link(own, events)
        _drop_bases(bases, events)  # the notice's own title now beside the bases its body cites
        cited = [f.title for f in found.values() if f is not own and own.start <= f.start < own.end]
        draft = _release(own, text, gazetteer, events, cited)
        if draft is not None:
            events.append(draft)
    _issuers_to_events(found, events)
    return list(found.values())


def _issuers_to_events(found: dict[str, PolicyFacts], events: Iterable[EventDraft]) -> None:
    """A release of a policy, or a status it grants (一、同意X升级为…), is its issuers' act: the
    bodies its title names (国务院关于…的批复, rule entity.event.policy_issuer), or for the
    notice's own document those its heading or signature names, take part, whether or not the
    event's sentence names them."""
    for draft in events:
        if draft.kind not in ("policy_release", "park_signup") or FORWARDED.search(draft.evidence):
            continue
        for policy in draft.policies[:1]:  # the document the event issues, not those it cites
            facts = found.get(name_key(canonical_title(policy)))
            named = facts is not None and (facts.own or POLICY_ISSUER.test(facts.title))
            issuers = facts.issuers if named else []  # the notice's own: its heading names them
            for issuer in issuers:
                if all(name != issuer for name, _ in draft.organisations):
                    draft.organisations.append((issuer, "issuer"))


POLICY_ISSUER = rule(
    "entity.event.policy_issuer",
    "entity",
    predicate=lambda title: bool(issuers_of_title(title)),
    matches=(
        "江南省人民政府关于同意设立北湖高新区的批复",
        "北海市科技局 北海市财政局关于印发园区管理办法的通知",
    ),
    misses=("关于促进园区发展的若干措施", "北湖高新区发展规划"),
    why="国务院关于…的批复: the bodies a title opens with issued it, and take part in its release",
)
FORWARDED = rule(
    "entity.event.forwarded_policy",
    "entity",
    pattern=r"转发",
    matches=("北海市科技局转发省科技厅关于举办创新大赛的通知",),
    misses=("北海市科技局印发省科技厅关于举办创新大赛的通知",),
    why="X转发Y关于…的通知: X forwards Y's notice; Y issued it long before and takes no part now",
)


BASIS = rule(
    "policy.cited_as_basis",
    "policy",
    pattern=re.compile(r"(?:依据|根据|按照|遵照|贯彻落实|为贯彻|为落实|贯彻|落实)(?:好|了)?$"),
    matches=("根据", "为贯彻落实", "按照"),
    misses=("印发", "正式发布", "出台了"),
    why="a release names the document it releases and the ones it rests on (依据《…》): "
    "the latter are not released by it",
)


def _bases(text: str) -> dict[str, str]:
    """The documents the text cites as its basis (为贯彻落实《…》), by name key."""
    return {
        name_key(canonical_title(m.group(1))): m.group(1)
        for m in re.finditer(r"《([^《》]{2,120})》", text)
        if BASIS.search(text[max(0, m.start() - 6) : m.start()])
    }


def _drop_bases(bases: dict[str, str], events: Iterable[EventDraft]) -> None:
    """A release event's policies without the ones the document cites as its basis (in the
    notice's body as often as in the event's sentence), when it releases another one; and
    without the issuers only those bases name. A report of figures stays named on its release
    (FORMAT.md); the importer makes no Policy record of it."""
    for draft in events:
        if draft.kind != "policy_release" or len(draft.policies) < 2:
            continue
        kept = [p for p in draft.policies if name_key(canonical_title(p)) not in bases]
        if not kept or len(kept) == len(draft.policies):
            continue
        dropped = [bases[name_key(canonical_title(p))] for p in draft.policies if p not in kept]
        theirs = {n for title in dropped for n in issuers_of_title(title)}
        ours = {n for title in kept for n in issuers_of_title(title)}
        draft.policies = kept
        draft.organisations = [
            (name, role) for name, role in draft.organisations if not _only_theirs(name, theirs - ours)
        ]
        draft.rules.append(BASIS.name)


def _only_theirs(name: str, issuers: set[str]) -> bool:
    """Whether a body is one of the issuers of a cited basis only (国务院办公厅 of 国办发…)."""
    return any(name == issuer or name.startswith(issuer) or issuer.startswith(name) for issuer in issuers)


_LONGEST_EVIDENCE = 2000  # an event's evidence is a sentence or two: look back no further


def _bare_repeats(mentions: list[Mention], events: list[EventDraft]) -> None:
    """该《方案》 in a later news item than the full title: the document-wide pass knows which
    policy it is, the per-item linker could not; the events quoting it name that policy."""
    bare = [m for m in mentions if m.surface.strip("《》") != m.name and not REPORT.test(m.name)]
    ordered = sorted(events, key=lambda d: d.start)
    starts = [d.start for d in ordered]
    for mention in bare:
        word = mention.surface.strip("《》")
        first = bisect.bisect_left(starts, mention.start - _LONGEST_EVIDENCE)
        for draft in ordered[first : bisect.bisect_right(starts, mention.start)]:
            if not draft.start <= mention.start < draft.end:
                continue
            if not any(_PERIOD_TAIL.sub("", p).endswith(word) for p in draft.policies):
                draft.policies.append(mention.name)
                draft.rules.append(BARE_REPEAT.name)


BARE_REPEAT = rule(
    "policy.bare_repeat",
    "policy",
    pattern=re.compile(rf"(?:该|此|本|这一|上述)?《(?:{alternation(POLICY_DOC_WORDS)})》"),
    matches=("该《方案》明确了三项任务。", "《意见》提出，到2025年建成一批园区。"),
    misses=("《东方市科技园区行动方案》提出。", "方案明确了任务。"),
    why="a policy named in full once is named by its document word afterwards (该《方案》)",
)


def _issuers_from_releases(found: dict[str, PolicyFacts], events: Iterable[EventDraft]) -> None:
    """A cited policy's issuers, when its title does not name them: the bodies a release of it
    (and of nothing else) names as issuing (科技部印发《…》)."""
    for draft in events:
        issuers = [name for name, role in draft.organisations if role == "issuer"]
        if draft.kind != "policy_release" or len(draft.policies) != 1 or not issuers:
            continue
        facts = found.get(name_key(canonical_title(draft.policies[0])))
        if facts is not None and not facts.issuers and not facts.own:
            facts.issuers = issuers


def _link(own: PolicyFacts, events: Iterable[EventDraft]) -> None:
    for draft in events:
        if draft.kind in ("policy_release", "park_signup") and draft.start >= own.start:
            if own.title not in draft.policies:
                draft.policies.insert(0, own.title)
                draft.rules.append(HEADLINE.name)


def _release(
    own: PolicyFacts,
    text: str,
    gazetteer: Gazetteer | None,
    events: list[EventDraft],
    cited: list[str],
) -> EventDraft | None:
    """The notice's own release, unless an event of the body already tells it (a release of
    it, or for an approval the sign-up it approves). A forwarding notice (关于转发《…》的通知)
    releases the document it forwards too: ``cited`` are the titles its headline names."""
    told = ("policy_release", "park_signup") if own.kind == "approval" else ("policy_release",)
    if any(d.kind in told and d.start >= own.start for d in events) or own.start < 0:
        return None
    date = own.written_on or own.published_on
    year = re.search(r"〔((?:19|20)\d{2})〕", own.document_number)
    if date is None and year:
        date = PartialDate(int(year[1]))
    if date is None:
        return None
    phrase = own.document_number if date.precision == "year" and year else _written(date)
    headline = text[own.start : own.end].strip()
    lead = own.start + text[own.start : own.end].find(headline[:1]) if headline else own.start
    found = find_entities(headline, gazetteer, when=date.first_day()) if gazetteer is not None else []
    issuer = own.issuers[0] if own.issuers else ""
    forwarded = cited[0] if cited and own.title.startswith("关于转发") else ""
    approved = re.search(r"关于(.+)的批复$", own.title)
    if approved and issuer:  # 国务院批复同意某某高新区升级为…: who approves what, not the long title
        title = f"{issuer}批复{approved[1]}"
    elif own.kind == "approval" or not issuer:
        title = f"《{own.title}》"
    else:
        title = f"{issuer}{'转发' if forwarded else '印发'}《{forwarded or own.title}》"
    organisations = {name: "issuer" for name in own.issuers}
    for mention in found:
        if mention.kind == "organisation":
            organisations.setdefault(mention.name, "participant")
    parks = [m.name for m in found if m.kind == "park"]
    if COUNTED_DESIGNEES.test(own.title) and gazetteer is not None:  # rule policy.listed_designees
        parks += _listed_parks(text[own.end :], gazetteer, date)
    return EventDraft(
        kind="policy_release",
        date=date,
        title=title,
        evidence=headline,
        start=lead,
        end=lead + len(headline),
        item_index=-1,
        date_phrase=phrase,
        parks=list(dict.fromkeys(parks)),
        organisations=list(organisations.items()),
        policies=[own.title, *cited],
        confidence=0.7 if own.written_on else 0.5,  # a signature dates it surely; a page less so
        rules=list(own.rules),
    )


COUNTED_DESIGNEES = rule(
    "policy.listed_designees",
    "policy",
    pattern=r"等[\d一二三四五六七八九十百]+(?:家|个|所)",
    matches=("关于认定江南大学科技园等10家大学科技园为国家大学科技园的通知",),
    misses=("关于认定江南大学科技园为国家大学科技园的通知",),
    why="认定X等10家…的通知 names one park and counts the rest: its attached list (一、…) names"
    " every park it designates",
)
# 一、江南大学国家大学科技园 / 2. 江北科技园: one line of an enumerated list
_LIST_LINE = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+、|\d+[.、．]|（\d+）)[ \t\u3000]*(\S.{1,40}?)[ \t\u3000]*$",
    re.M,
)


def _listed_parks(text: str, gazetteer: Gazetteer, date: PartialDate) -> list[str]:
    """The parks an enumerated list names, one per line, in list order."""
    parks = []
    for line in _LIST_LINE.finditer(text):
        found = find_entities(line[1], gazetteer, when=date.first_day())
        parks += [m.name for m in found if m.kind == "park" and m.end - m.start == len(line[1])]
    return parks


def _written(date: PartialDate) -> str:
    """A date as a notice writes it (2022年9月1日), for the editor's date phrase."""
    parts = [f"{date.year}年"]
    if date.month:
        parts.append(f"{date.month}月")
    if date.day:
        parts.append(f"{date.day}日")
    return "".join(parts)


def _fields(lines: list[str]) -> dict[str, str]:
    """The first value of each label of a gov.cn field block (标题, 发文机关, 成文日期 …)."""
    values: dict[str, str] = {}
    for line in lines:
        labels = list(FIELD.finditer(line))
        for label, after in zip(labels, [*labels[1:], None], strict=False):
            value = line[label.end() : after.start() if after else len(line)].strip()
            key = re.sub(r"\s+", "", label["label"])
            if value:
                values.setdefault(key, value)
    return values


def _headline(lines: list[str]) -> tuple[re.Match[str], int, int, int | None] | None:
    """The first headline of a notice in the top lines, joined over up to three lines (a title
    wraps), as (match, first line, last line, where it ends in a run-in line). An issuer on a
    line of its own over the headline is not part of the title; a page flattened to one line
    starts with it."""
    top = [(n, line.strip()) for n, line in enumerate(lines[:_HEAD_LINES]) if line.strip()]
    for i, (number, line) in enumerate(top):
        if re.match(r"(?:上一篇|下一篇|附件|相关|标\s*题)", line) or ISSUER_LINE.test(line):
            continue
        joined = ""
        for j in range(i, min(i + 3, len(top))):
            joined += top[j][1]
            if len(joined) > 160:
                break
            match = _headline_match(joined)
            if match:
                return match, number, top[j][0], None
        for run_in in _RUN_IN.finditer(line[:200]):
            match = _headline_match(line[: run_in.end()])
            if match:
                return match, number, number, run_in.end()
    return None


def _headline_match(candidate: str) -> re.Match[str] | None:
    """HEADLINE on a line that has 关于 after at most a few issuers' names: the pattern's issuer
    part is tried only where it can match (a line of head words alone costs nothing)."""
    at = candidate.find("关于")
    return HEADLINE.search(candidate) if 0 <= at <= _ISSUERS_BEFORE else None


_ISSUERS_BEFORE = 64  # characters of issuers' names (and 印发/转发) before 关于

# a headline run into the line after it (a flattened page): followed by white space or its 文号
_RUN_IN = re.compile(rf"的(?:{_ENDINGS})(?=\s+\S|[\u4e00-\u9fff]{{1,10}}\s*[〔\[［(（【]\s*(?:19|20)\d{{2}})")


def _own_notice(text: str, metadata: Metadata) -> PolicyFacts | None:
    lines = text.split("\n")
    fields = _fields(lines[:_HEAD_LINES])
    rules = []
    headline = _headline(lines)
    title_field = fields.get("标题", "")
    if title_field and HEADLINE.search(re.sub(r"\s+", "", title_field)):
        match = HEADLINE.search(re.sub(r"\s+", "", title_field))
        rules.append(FIELD.name)
    elif headline is not None:
        match = headline[0]
        rules.append(HEADLINE.name)
    else:
        return None
    title = canonical_title(match["issuers"] + match["title"])
    issued = ISSUING_NOTICE.search(canonical_title(match["title"]))
    if issued is not None:  # the document it issues, as the body names it when it does
        named = _ISSUED_IN_BODY.search(text, 0, min(len(text), 3000))
        title = canonical_title(named["title"] if named else issued["inner"])
        rules.append(ISSUING_NOTICE.name)
    # where the title stands: its headline, else the field block's 标题 line
    title_line = next(
        (n for n, line in enumerate(lines[:_HEAD_LINES]) if re.search(r"标\s*题\s*[:：]", line)), 0
    )
    first = headline[1] if headline else title_line
    last = headline[2] if headline else title_line
    start = sum(len(line) + 1 for line in lines[:first])
    end = sum(len(line) + 1 for line in lines[: last + 1])
    if headline is not None and headline[3] is not None:
        end = start + headline[3]
    facts = PolicyFacts(title=title, kind=policy_kind(title), start=start, end=end, own=True, rules=rules)
    # issuers: the field, the headline's own, the line over a headline that starts at 关于
    issuers = re.split(r"[\s、]+", fields.get("发文机关", "") or fields.get("发布机构", "") or "")
    issuers += issuers_of_title(match["issuers"] + "关于")
    if headline is not None and not match["issuers"] and first > 0 and _issuer_line(lines[first - 1]):
        issuers += lines[first - 1].split()
    # 文号: the field, the headline's bracket, a line of its own under the headline
    number = fields.get("发文字号", "") or fields.get("文号", "") or (match["number"] or "")
    if not number and headline is not None and headline[3] is not None:
        number = lines[last][headline[3] : headline[3] + 30]
    if not DOCUMENT_NUMBER.search(number) and headline is not None:
        for line in lines[last + 1 : last + 7]:  # under the headline, or under its repeat
            if DOCUMENT_NUMBER.search(line) and len(line.strip()) <= 24:
                number = line
                break
    facts.document_number = document_number(number)
    if facts.document_number:
        facts.rules.append(DOCUMENT_NUMBER.name)
    signed, signers = _signature(lines, last + 1)
    if signed is not None:
        facts.rules.append(SIGNATURE_DATE.name)
    issuers += signers
    facts.issuers = [n for n in dict.fromkeys(issuers) if n and re.fullmatch(_ISSUER, n)]
    facts.written_on = signed or _date(fields.get("成文日期", "") or fields.get("成文时间", ""))
    facts.published_on = _date(fields.get("发布日期", ""))
    if facts.published_on is None and metadata.published is not None:
        from_signature = signed is not None and metadata.published == signed
        facts.published_on = None if from_signature else metadata.published
    facts.period = period_of(title)
    notice_like = facts.document_number or signed or FIELD.name in rules
    if not notice_like and not NOTICE_BODY.search(text, end, min(len(text), end + 5000)):
        return None  # a headline alone may be a link in a list: a notice has a notice's body
    return facts


def _signature(lines: list[str], after: int) -> tuple[PartialDate | None, list[str]]:
    """The first signature after the headline: a date alone on its line under the issuing
    bodies (one or several lines, or one line of names)."""
    for number in range(after, len(lines)):
        if not SIGNATURE_DATE.search(lines[number]):
            continue
        signers: list[str] = []
        above = number - 1
        while above >= after and number - above <= 4 and ISSUER_LINE.test(lines[above]):
            signers = lines[above].split() + signers
            above -= 1
        if signers:
            return _date(lines[number]), signers
    return None, []


def _date(value: str) -> PartialDate | None:
    value = value.strip()
    if not value:
        return None
    iso = re.match(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})", value)
    if iso:
        try:
            return PartialDate(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    for mention in find_dates(value, PartialDate(2000)):
        if mention.role == "point" and not mention.relative:
            return mention.date
    return None
