"""Entity linking: known names from a gazetteer, plus discovery of names not yet known.

Known parks, organisations, policies and people are matched in one Aho-Corasick pass
(leftmost-longest, so 武汉东湖高新区 wins over 东湖高新区 inside it). New names are found by
their shape: a park or organisation ends in a generic head word (高新区, 产业园, 科技厅, 集团 …)
after a run of name characters; a policy is a 《…》 title ending in a document word; a person is
a surname-led name next to a title or a speech verb. Plain Python, no Django.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace

import ahocorasick

from people.names import name_key
from timeline.ingest.lexicon import (
    ANCHOR_TAGS,
    BECOME_VERBS,
    BRACKETED_TITLES,
    COURTESY_TITLES,
    FUNCTION_HEADS,
    GATHERING_ACTS,
    GLUE_TAGS,
    GOVERNMENT_HEAD_TITLES,
    GUEST_TITLES_AFTER_NAME,
    MOTION_VERBS,
    NAME_FOLLOWERS,
    NAME_LEFT_STOPS,
    NAME_SCOPES,
    NAME_TAGS,
    NAME_TAILS,
    NAME_VERBS,
    OFFICE_MODIFIERS,
    OFFICE_TITLES,
    ORGANISATION_HEADS,
    PARK_HEADS,
    PARK_WORDS,
    PERSON_TITLES,
    POLICY_DOC_WORDS,
    PROVINCIAL_BODIES,
    SAYING_VERBS,
    SPEAKER_LEADS,
    STATE_BODY_HEADS,
    TITLES_AFTER_NAME,
    VISIT_WORDS,
    alternation,
)
from timeline.ingest.policy_names import REPORT, document_number
from timeline.ingest.rules import rule
from timeline.ingest.shapes import (
    COUNTED_BEFORE,
    anchored,
    common_word,
    coordinated,
    dateline,
    described,
    ends_inside_word,
    glued_front,
    is_class,
    level_reference,
    listed_parks,
    name_then_function_word,
    only_acts,
    organisation_forms,
    park_forms,
    person_cut_from_text,
    province_forms,
    starts_inside_word,
    starts_with_glue,
    tagged,
    titled,
    word_across,
    word_start,
    words_of,
)
from timeline.ingest.spans import Occupied, Placed
from timeline.ingest.types import GazetteerEntry, Mention

# ---------------------------------------------------------------- the gazetteer


def _variants(name: str) -> set[str]:
    """Spellings of a name that differ only in bracket width and dash form."""
    forms = {name}
    forms.add(name.replace("（", "(").replace("）", ")"))
    forms.add(name.replace("(", "（").replace(")", "）"))
    for form in list(forms):
        for dash in "—-－–":
            forms.add(re.sub(r"[—\-－–]", dash, form))
    return {f for f in forms if len(f) >= 2}


@dataclass(frozen=True)
class _Target:
    entry: GazetteerEntry


class Gazetteer:
    """Known parks, organisations, policies and people, matched by Aho-Corasick."""

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self.entries = list(entries)
        self._automaton = ahocorasick.Automaton()
        table: dict[str, list[GazetteerEntry]] = {}
        for entry in self.entries:
            names = [entry.name, *entry.aliases]
            if entry.kind == "park":  # 信阳高新区 is also 信阳高新技术产业开发区, 信阳国家高新区 …
                names = [form for name in names for form in park_forms(name.strip())]
            elif entry.kind == "organisation":  # 南阳市人民政府 is also 南阳市政府
                names = [form for name in names for form in organisation_forms(name.strip())]
            for name in names:
                for form in _variants(name.strip()):
                    table.setdefault(form, [])
                    if entry not in table[form]:
                        table[form].append(entry)
        self.names = table
        for form, targets in table.items():
            self._automaton.add_word(form, (form, tuple(targets)))
        if table:
            self._automaton.make_automaton()
        self._by_key = {name_key(e.name): e for e in self.entries}

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, name: str, kind: str | None = None) -> GazetteerEntry | None:
        entry = self._by_key.get(name_key(name))
        if entry is None:
            targets = self.names.get(name)
            entry = targets[0] if targets else None
        if entry is not None and kind is not None and entry.kind != kind:
            return None
        return entry

    def find(self, text: str, when: dt.date | None = None) -> list[Mention]:
        """Leftmost-longest known names in ``text``; a name shared by a lineage resolves to the
        body in office on ``when``."""
        if not self.names:
            return []
        hits = []
        for end_index, (form, targets) in self._automaton.iter(text):
            start = end_index - len(form) + 1
            hits.append((start, end_index + 1, form, targets))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        found: list[tuple[int, int, str, GazetteerEntry]] = []
        last_end = 0
        for start, end, form, targets in hits:
            if start < last_end:
                continue
            if _inside_latin_word(text, start, end):
                continue
            found.append((start, end, form, _in_office(targets, when)))
            last_end = end
        # a body printed in full anywhere in the text is named so at all its mentions: one name
        printed = {e.name: form for _, _, form, e in found if FULL_NAME_PRINTED.test(f"{form}|{e.name}")}
        return [
            Mention(start, end, form, entry.kind, printed.get(entry.name, entry.name), known=True)
            for start, end, form, entry in found
        ]


def _full_name_printed(example: str) -> bool:
    """'<printed>|<registry name>': the printed form spells out the registry's 科技 as 科学技术."""
    printed, name = example.split("|")
    return printed != name and printed.replace("科学技术", "科技") == name


# 重庆市科学技术局 printed, 重庆市科技局 registered: a body printed under its full official name
# is named so (as the article and its readers name it); a short form printed keeps the registry name
FULL_NAME_PRINTED = rule(
    "entity.full_name_printed",
    "entity",
    predicate=_full_name_printed,
    matches=("江南省科学技术厅|江南省科技厅", "北湖市科学技术局|北湖市科技局"),
    misses=("江南省科技厅|江南省科技厅", "工信部|工业和信息化部", "科技部|科学技术部"),
    why="a body printed in full (某市科学技术局) is named in full, not by the registry's short form",
)


def _inside_latin_word(text: str, start: int, end: int) -> bool:
    """A Latin alias (IASP, JTC) must not match inside a longer Latin word."""
    if not text[start].isascii():
        return False
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return before.isascii() and before.isalnum() or after.isascii() and after.isalnum()


def _in_office(targets: tuple[GazetteerEntry, ...], when: dt.date | None) -> GazetteerEntry:
    if len(targets) == 1 or when is None:
        return targets[0]
    for entry in targets:
        if (entry.valid_from is None or entry.valid_from <= when) and (
            entry.valid_until is None or when < entry.valid_until
        ):
            return entry
    return targets[0]


# ---------------------------------------------------------------- discovery of new names

# A name is a run of these (CJK, Latin letters, digits, brackets, the middle dot).
_NAME_CHARS = r"[\u4e00-\u9fffA-Za-z0-9（）()·]"
# Words that end a name on the left: function words, verbs and quantities that precede names.
_STOP_WORDS = (
    rf"{alternation(NAME_LEFT_STOPS)}|第[一二三四五六七八九十\d]+批"
    r"|[\d一二三四五六七八九十百千万余多]+(?:批|家|个|所|位|名)|(?<=[\u4e00-\u9fff])暨"
)
_STOP_CHARS = r"[的在和与及、是将为由对向到从于并等了同跟把被让给以至其共经、，。；：！？“”‘’《》\s]"
# words first: at the same place 以上 must win over 以, 其中 over 其
_LEFT_STOPS = re.compile(rf".*(?P<stop>{_STOP_WORDS}|{_STOP_CHARS})", re.S)
_STOP_WORD_AT_END = re.compile(rf"(?:{_STOP_WORDS})$")

# head words in the lexicon's order: the regex alternation keeps the first that matches here
_PARK_HEADS = "|".join(PARK_HEADS)
_ORG_HEADS = "|".join(ORGANISATION_HEADS)
# a park inside a park's name runs on to the longer name: 某某高新区国际孵化器
_NAME_RUN = r"(?:(?![的在和与及是将为由对向到从于并等了同跟把被让给以至其共])[\u4e00-\u9fffA-Za-z0-9（）()·])"
_LONGEST_STEM = 16  # characters of a name before its head
_PARK_RE = re.compile(
    rf"({_NAME_CHARS}{{2,{_LONGEST_STEM}}}?)((?:{_PARK_HEADS})(?:{_NAME_RUN}{{1,10}}?(?:{_PARK_HEADS}))?)"
)
_ORG_RE = re.compile(
    rf"({_NAME_CHARS}{{2,{_LONGEST_STEM}}}?)({_ORG_HEADS})(?![\u4e00-\u9fff]{{0,1}}(?:区|园))"
)
_HEADS = {_PARK_RE: re.compile(_PARK_HEADS), _ORG_RE: re.compile(_ORG_HEADS)}


def _next_name(pattern: re.Pattern, text: str, pos: int) -> re.Match | None:
    """``pattern.search(text, pos)``, started where it can first match: a name ends in a head at
    most 16 characters after its start, so no name starts before the first head less 16. Trying
    stems at every character of a long text was a fifth of the extraction time (issue 9, item 8)."""
    head = _HEADS[pattern].search(text, pos + 2)
    if head is None:
        return None
    return pattern.search(text, max(pos, head.start() - _LONGEST_STEM))


# Heads that alone are too generic to trust after a short or generic stem.
_GENERIC_STEMS = re.compile(
    r"^(?:国家|全国|地方|相关|有关|各[区市县省级]|各|该|本|我|这|那|其|新|老|大|小|重点|特色|未来|专业|主要|全|多|各类|一批|一流"
    r"|各地|省级|市级|区级|自治区级|国家级|世界|国际|国内|境外|海外|科技|创新|产业|高新|园区|企业|领域|一个|首个|下属"
    r"|领先|先进|示范|标杆|高水平|高质量|现代化|综合性|专业化|特色化|智慧|绿色|数字|该|此|上述|这些|多个|各个|国外|大学)+$"
)
_BAD_INSIDE = re.compile(r"[，。；：、“”‘’！？\s]|[的了着过是在和与及]")


def _trim_left(stem: str) -> str:
    """Cut a candidate name's left edge back to the last stop word inside it: a one-character
    stop only where it is a word of its own (经 of 经理人 is no 经, rule entity.stop_is_a_word)."""
    end = len(stem)
    while (match := _LEFT_STOPS.match(stem, 0, end)) is not None:
        if not _stop_inside_word(stem, match.start("stop"), match.end("stop")):
            return stem[match.end() :]
        word = _STOP_WORD_AT_END.search(stem, 0, match.end())
        if word is not None:  # 为 of 成为: the word it is part of is a stop (新兴产业成为|园区)
            return stem[word.end() :]
        end = match.start("stop")
    return stem


def _stop_inside_word(stem: str, start: int, end: int) -> bool:
    return end - start == 1 and not _a_word(stem, start, end)


def _stop_example(example: str) -> bool:
    stem, start, end = example.rsplit("|", 2)
    return _stop_inside_word(stem, int(start), int(end))


STOP_INSIDE_WORD = rule(
    "entity.stop_is_a_word",
    "entity",
    predicate=_stop_example,
    matches=("建立中关村技术经理人|7|8", "张江科学城共建平台|6|7"),
    misses=("园区和江南大学|2|3", "依托北湖科技|0|2"),
    why="a one-character stop (经, 共, 和) ends a name on the left only as a word of its own, not "
    "inside 经理人 or 共建",
)


# common words that end in a one-character head but name no body (布局, 内部, 展厅, 部署)
_ONE_CHAR_HEAD_WORDS = {
    "局": re.compile(r"(?:布|格|全|大|当|结|开|变|僵|时|残|终|棋|骗|饭)$"),
    "部": re.compile(r"(?:内|外|全|东|西|南|北|中|头|底|总|本|尾|顶|上|下|干|细|腹|面|局|俱乐)$"),
    "厅": re.compile(r"(?:大|展|客|餐|门|前|歌|舞|宴会)$"),
    "署": re.compile(r"(?:部|签|布)$"),  # not 公署, a body
}


# a stem of levels, heads and area words alone names no place: 高新区管委会, 市委市人民政府,
# 新区管委会 are references
_NO_PLACE = re.compile(
    rf"^(?:[市省区县州镇]|市委|省委|区委|县委|人民|{_PARK_HEADS}|{alternation(PARK_WORDS)})+$"
)


def _plausible(stem: str, head: str) -> bool:
    if not stem or _BAD_INSIDE.search(stem) or _NO_PLACE.match(stem):
        return False  # 市科技局: "the city's", a reference, not a name
    if head in _ONE_CHAR_HEAD_WORDS and _ONE_CHAR_HEAD_WORDS[head].search(stem):
        return False
    if _GENERIC_STEMS.match(stem):
        return False
    if stem[0] in "（(）)·" or re.match(r"^\d", stem):
        return False
    # a one-character head (局, 厅, 部, 署) needs a stem that looks like a place or body
    return not (len(head) == 1 and len(stem) < 3)


_COUNT_AFTER = re.compile(r"\d+(?:\.\d+)?(?:多|余)?(?:家|个|所|座|批)")
_COUNTED = re.compile(r"(?:\d+|[一二三四五六七八九十百千]+)(?:多|余)?(?:家|个|批|座|所)$")
_GENERIC_CLASS = re.compile(r"(?:国家|省级|市级|自治区级|国家级)$")


def _generic_class(stem: str) -> bool:
    """省级高新区, 全国国家高新区: a level word ends the stem and nothing names which park; a
    place or a university before it does (湖南大学国家大学科技园, 苏州国家高新区)."""
    level = _GENERIC_CLASS.search(stem)
    if level is None:
        return False
    owner = stem[: level.start()]
    return not NAMED_BEFORE_LEVEL.test(owner)


def _owner_named(owner: str) -> bool:
    """Words before a level word that say whose park it is: not a class, a pronoun, a count or
    a function word."""
    words = words_of(owner)
    return (
        bool(words)
        and not is_class(owner)
        and words[0][1] not in ("r", "m", "mq", "c", "p", "d", "u", "t", "f", "i", "l")
    )


NAMED_BEFORE_LEVEL = rule(
    "entity.named_before_level",
    "entity",
    predicate=_owner_named,
    matches=("湖南大学", "苏州", "常熟", "苏州纳米技术"),
    misses=("", "全国", "各地", "首批", "其中"),
    why="湖南大学国家大学科技园, 苏州国家高新区: a place or a university before the level word names"
    " the park; 省级高新区, 全国国家高新区 name a class",
)
_PROVINCES = (
    "北京市|天津市|上海市|重庆市|河北省|山西省|辽宁省|吉林省|黑龙江省|江苏省|浙江省|安徽省|福建省|江西省|山东省|河南省|"
    "湖北省|湖南省|广东省|海南省|四川省|贵州省|云南省|陕西省|甘肃省|青海省|台湾省|内蒙古自治区|广西壮族自治区|"
    "西藏自治区|宁夏回族自治区|新疆维吾尔自治区|香港特别行政区|澳门特别行政区"
)
_PROVINCE_TAIL = re.compile(rf"(?:{_PROVINCES})$")


def _plain_stem(stem: str) -> bool:
    words = words_of(stem)
    return (
        len(stem) <= _BARE_HEAD_STEM_LENGTH
        and any(tag in ANCHOR_TAGS for _, tag in words)
        and not any(tag in GLUE_TAGS or (tag == "v" and word not in NAME_VERBS) for word, tag in words)
    )


_BARE_HEAD_STEM_LENGTH = 6  # 河套香港园区, 中德合作园区: the names before a bare 园区 are short
# 园区 alone is the commonest word for a park: a name before it is only nouns (河套香港园区)
BARE_PARK_HEAD_STEM = rule(
    "entity.bare_park_head_stem",
    "entity",
    predicate=_plain_stem,
    matches=("河套香港", "中科二林", "中德合作", "江南创新"),
    misses=("全市各", "与江南", "通报", "局长到访江北", "随著江北", "业界代表共议江北河套"),
    why="全市各园区, 局长到访江北园区: before the bare head 园区 a name is short, has a proper word"
    " (a place, a name) and no function word or verb but those names are made of (创新, 合作)",
)


# 浙江省科技企业孵化器协会, 华东科技企业孵化器协作网: a park's head word inside a body's name
PARK_NAMES_A_BODY = rule(
    "entity.park_names_a_body",
    "entity",
    pattern=rf"^(?:{alternation(tuple(h for h in FUNCTION_HEADS if h.endswith(('会', '网'))))})",
    matches=("协会承办", "协作网主办", "联合会成立"),
    misses=("举办年会", "入驻企业", "管委会"),
    why="孵化器协会, 科技园协作网: a park word followed by an association's head names the body;"
    " the park alone would be cut out of it",
)


def discover_names(text: str, kind: str) -> list[Mention]:
    """Parks (kind="park") or organisations (kind="organisation") not in the gazetteer.

    A name after a count (17家…产业园) names a class of parks, not one; a head followed by
    长 (部长, 局长) is a title; a stem ending in 国家 before 高新区 is the class of zones."""
    pattern = _PARK_RE if kind == "park" else _ORG_RE
    found: list[Mention] = []
    pos = 0
    while (match := _next_name(pattern, text, pos)) is not None:
        stem, head = match.group(1), match.group(2)
        end = pos = match.end()
        if kind == "park":  # the next name may start inside a run cut back to its first head
            head, end = _first_head_unless_named(head, match.start(2))
            pos = end
        if ends_inside_word(text, match.start(2), end):
            continue  # rule entity.ends_inside_word: 决策部|署, 零部|件, 大学|生
        if kind == "park" and head == "园区" and not BARE_PARK_HEAD_STEM.test(stem):
            continue  # rule entity.bare_park_head_stem: 新兴产业成为|园区 names no park
        if kind == "park" and PARK_NAMES_A_BODY.test(text[end : end + 3]):
            continue  # rule entity.park_names_a_body: 科技企业孵化器|协会 is an association
        glued = kind == "organisation" and bool(found) and found[-1].end == match.start(1)
        stem = _after_body(stem) if kind == "park" else stem  # rule entity.park_after_body
        left = stem if glued and UNIT_STEM.test(stem) else _trim_left(stem)
        trimmed = _shaped_stem(text, match.start(2), left, match.start(1))
        if trimmed is None:
            continue
        shaped, trimmed = trimmed, _joined_portfolio(text, match.start(2), trimmed, head)  # 工业和|信息化厅
        if kind == "organisation":  # 市科技局 is 市 + 科技局, not 市科技 + 局
            longest = re.search(rf"(?:{_ORG_HEADS})$", trimmed + head)
            trimmed, head = (trimmed + head)[: longest.start()], longest.group(0)
        province = _PROVINCE_TAIL.search(trimmed)
        if province and kind == "organisation":
            trimmed = province.group(0)
        if not _plausible(trimmed if trimmed == shaped else trimmed.replace("和", "", 1), head):
            continue
        start = match.start(2) - len(trimmed)
        if kind == "park" and (_COUNTED.search(text[max(0, start - 6) : start]) or _generic_class(trimmed)):
            continue
        if (
            text[end : end + 1] == "长"
            or trimmed.endswith(("副", "正"))
            or EDITION_OF_GATHERING.test(trimmed)
        ):
            continue
        if text[end : end + 3] == "”称号" or _COUNT_AFTER.match(text, end):
            continue  # a title being awarded, or a class being counted (研究中心56家)
        name = trimmed + head
        if head == "政府" and trimmed.endswith(("市", "省", "区", "县", "州")):
            name = trimmed + "人民政府"  # rule entity.government_forms: one record, its full form
        if PARTY_COMMITTEE_LEVEL.test(name):
            name = trimmed + head[1:]  # 福田区区委 → 福田区委: the level is printed twice
        parent = found[-1] if found and found[-1].end == start and kind == "organisation" else None
        if parent is not None:  # rule entity.unit_keeps_parent: 某某大学|微电子研究所
            start, name = parent.start, parent.name + name
            found.pop()
        found.append(Mention(start, end, text[start:end], kind, _tidy(name), known=False))
        if kind == "organisation":
            found.extend(_coordinated(text, start, head, trimmed))
    return found


PARTY_COMMITTEE_LEVEL = rule(
    "entity.party_committee_level",
    "entity",
    pattern=r"(?:区区委|市市委|县县委|省省委)$",
    matches=("江南区区委", "北湖市市委"),
    misses=("江南区委", "北湖市委"),
    why="江南区区委书记: the level printed twice names the district's party committee, 江南区委",
)


def _noun_stem(stem: str) -> bool:
    words = words_of(stem)
    return bool(words) and all(tag in ("n", "vn", "nz") for _, tag in words)


# 同济大学|发展研究院: a unit printed right after its parent keeps a stem a stop word would cut
UNIT_STEM = rule(
    "entity.unit_stem",
    "entity",
    predicate=_noun_stem,
    matches=("发展", "服务"),
    misses=("举办", "支持"),
    why="某某大学发展研究院: a unit's stem that is a noun (发展, 服务) is its name, not a verb before it",
)


_BODY_HEADS = alternation([h for h in STATE_BODY_HEADS if len(h) > 1] + ["人民政府", "管理局", "管委会"])
PARK_AFTER_BODY = rule(
    "entity.park_after_body",
    "entity",
    pattern=rf"^.*(?:{_BODY_HEADS})(?=[\u4e00-\u9fff]{{2}})",
    matches=("星河市科学委员会星河", "江南省人民政府江岸", "国科会中科管理局二林"),
    misses=("星河", "江南大学国家大学", "星河市委员会"),
    why="某某委员会新竹科学园区管理局: a park named after its body starts after the body's head",
)


def _after_body(stem: str) -> str:
    """The stem of a park cut after a body named right in front of it (…委员会|新竹科学园区)."""
    body = PARK_AFTER_BODY.search(stem)
    return stem[body.end() :] if body else stem


def _unit_example(example: str) -> bool:
    sentence, name = (part.strip() for part in example.split("→"))
    return name in [m.name for m in discover_names(sentence, "organisation")]


UNIT_KEEPS_PARENT = rule(
    "entity.unit_keeps_parent",
    "entity",
    predicate=_unit_example,
    matches=(
        "江南大学微电子研究所所长表示 → 江南大学微电子研究所",
        "东海电子学会青年工作委员会成立 → 东海电子学会青年工作委员会",
    ),
    misses=("江南大学微电子研究所所长表示 → 微电子研究所", "江南大学和东海研究院签约 → 江南大学东海研究院"),
    why="a unit printed right after its parent body is the parent's unit: 某某大学微电子研究所",
)


EDITION_OF_GATHERING = rule(
    "entity.edition_of_gathering",
    "entity",
    pattern=r"^第[一二三四五六七八九十百\d]+(?:届|次|期)",
    matches=("第五届江南园区管委会", "第12次全省科技"),
    misses=("江南园区管委会", "第一医院"),
    why="第八届…管委会主任联席会议: a name opening with an edition is a gathering's, not a body's",
)


def _acted_on(name: str) -> bool:
    head = re.search(rf"(?:{_ORG_HEADS}|{_PARK_HEADS})$", name)
    return head is not None and _AFTER_WORD.search(name[: head.start()]) is not None


PERSON_ACTS_BEFORE = rule(
    "entity.person_acts_before",
    "entity",
    predicate=_acted_on,
    matches=("张某视察孵化器", "李某代表市委", "王某陪同区政府", "陈某督导区政府"),
    misses=("江南孵化器", "东湖市委", "江南大学"),
    why="a person named before an act (视察, 代表, 陪同) is no part of the body after it",
)


def _joined_portfolio(text: str, head_at: int, stem: str, head: str) -> str:
    """A state body named by two portfolios joined by 和 (陕西省工业和信息化厅): the 和 stopped the
    stem, but when the part after it names nothing the part before it belongs to the name."""
    start = head_at - len(stem)
    if head not in STATE_BODY_HEADS or text[start - 1 : start] != "和" or anchored(words_of(stem)):
        return stem
    before = _trim_left(text[max(0, start - 13) : start - 1])
    return before + "和" + stem if before else stem


def _portfolio_example(example: str) -> bool:
    sentence, name = (part.strip() for part in example.split("→"))
    head = re.search(rf"(?:{_ORG_HEADS})$", name).group(0)
    head_at = sentence.index(name) + len(name) - len(head)
    stem = name[: -len(head)]
    return _joined_portfolio(sentence, head_at, stem, head) != stem


JOINED_PORTFOLIO = rule(
    "entity.joined_portfolio",
    "entity",
    predicate=_portfolio_example,
    matches=("由湖南省住房和城乡建设厅主办 → 城乡建设厅", "江西省工业和信息化厅发布 → 信息化厅"),
    misses=("江西省工业和信息化厅发布 → 江西省工业和信息化厅", "大学和南昌市科技局 → 南昌市科技局"),
    why="a state body named by two portfolios joined by 和 is one name: 工业和信息化厅, not 信息化厅",
)


_AFTER_BODY = re.compile(rf"(?:{alternation([h for h in ORGANISATION_HEADS if len(h) > 1])})$")


# 加工区更名|科技产业园区, 江南经开区升级为|江南高新区: the name a body takes begins after the verb
RENAMED_TO = rule(
    "entity.renamed_to",
    "entity",
    pattern=rf"(?:{alternation(BECOME_VERBS)})为?",
    matches=("加工区更名科技产业园区", "江南经开区升级为江南高新区"),
    misses=("江南经济技术开发区", "江南高新区管委会"),
    why="A更名(为)B: a rename verb inside a stem ends the old name; the new one starts after it",
)


def _shaped_stem(text: str, head_at: int, stem: str, earliest: int) -> str | None:
    """The stem in front of a head once the shape rules had their say: started where a word of the
    text starts, with no verb, preposition or title glued in front; None for a class or plural.
    A stop character that is part of a word (同 of 同济大学) stops nothing: back to the word's
    start, when the match reaches it (``earliest``)."""
    start = head_at - len(stem)
    if COUNTED_BEFORE.search(text, max(0, start - 4), start):
        return None  # 首个|跨省域高新区, 56家|高新区: counted
    back = word_start(text, start, head_at)
    if earliest <= back < start:
        start, stem = back, text[back:head_at]
    real_start = starts_inside_word(text, start, head_at)  # rule entity.cut_from_longer
    stem = stem[real_start - start :] if real_start <= head_at else ""
    stem = stem[glued_front(stem, text[head_at : head_at + 4]) :]  # rule entity.glued_front
    acts = [m.end() for m in _AFTER_WORD.finditer(stem) if _a_word(stem, m.start(), m.end())]
    stem = stem[acts[-1] :] if acts else stem  # rule entity.person_acts_before: 某某视察|孵化器
    renamed = [m.end() for m in RENAMED_TO.finditer(stem) if _a_word(stem, m.start(), m.end())]
    stem = stem[renamed[-1] :] if renamed else stem  # rule entity.renamed_to
    # (an act only as a word of its own: 代表 of 人民代表大会, 博士 of 博士后 acts on nothing)
    if not stem or is_class(stem) or only_acts(stem):  # rules entity.class_or_plural, entity.only_acts
        return None
    if level_reference(stem):  # rule entity.level_reference: 市|科知局
        return None
    after_body = _AFTER_BODY.search(text, max(0, start - 8), start)  # a unit: its parent names it
    if not after_body and described(stem, text[head_at : head_at + 6]):  # rule entity.described_kind
        return None
    return stem


def _a_word(text: str, start: int, end: int) -> bool:
    """Whether [start, end) of ``text`` is a word of its own: no word of the text runs across
    either edge."""
    return word_across(text, start) == 0 and (end >= len(text) or word_across(text, end) == 0)


def _first_head_unless_named(head: str, at: int) -> tuple[str, int]:
    """'高新区国际孵化器' is one name; '高新区举行国家高新区' is two: cut back to the first head
    when the words between the heads are a verb, a stop word or a class word."""
    first = re.match(_PARK_HEADS, head)
    middle = re.sub(rf"(?:{_PARK_HEADS})$", "", head[first.end() :]) if first else ""
    unclosed = middle.count("（") + middle.count("(") > middle.count("）") + middle.count(")")
    if (
        first
        and first.end() < len(head)
        and (_LEFT_STOPS.match(middle) or _CLASS_WORDS.match(middle) or unclosed or _aims_at_status(middle))
    ):
        return first.group(0), at + first.end()
    return head, at + len(head)


def _aims_at_status(middle: str) -> bool:
    """创建|国家, 争创|省级: a verb, then a scope or a level, between two park heads: the park
    works towards the status the second names (rule entity.park_aims_at_status)."""
    words = words_of(middle)
    return (
        len(words) >= 2
        and words[0][1] == "v"
        and (words[1][0] in NAME_SCOPES or _LEVEL_WORD.match(words[1][0]) is not None)
    )


_LEVEL_WORD = re.compile(r"^(?:国家|省|市|区|县)级")


def _first_of_two_parks(example: str) -> bool:
    """Table predicate over '<run of heads>': the run is cut back to its first park."""
    head = example[example.index("高新区") :]
    return _first_head_unless_named(head, 0)[0] == "高新区"


PARK_AIMS_AT_STATUS = rule(
    "entity.park_aims_at_status",
    "entity",
    predicate=_first_of_two_parks,
    matches=("淮北高新区创建国家高新区", "江南高新区争创国家级高新区"),
    misses=("江南高新区创新创业园", "江南高新区国际孵化器"),
    why="X高新区创建国家高新区: the park works towards a status; the name ends at its first head",
)


_UNIT = rf"(?:{_PROVINCES}|[\u4e00-\u9fff]{{2,4}}?(?:省|市))"
_UNIT_LIST_RE = re.compile(rf"((?:{_UNIT}[、和及与])+)$")


def _coordinated(text: str, start: int, head: str, stem: str) -> list[Mention]:
    """'福建省、广东省和海南省科技厅' names three 科技厅: one per place in the list."""
    if not re.search(r"(?:省|市|自治区|特别行政区)$", stem):
        return []
    listed = _UNIT_LIST_RE.search(text[max(0, start - 60) : start])
    if not listed:
        return []
    mentions = []
    offset = start - len(listed.group(1))
    for unit in re.finditer(rf"({_UNIT})[、和及与]", listed.group(1)):
        if is_class(unit.group(1)):
            continue  # 各有关省、直辖市、计划单列市科技厅: classes of places, no body each
        name = _trim_left(unit.group(1)) + head
        at = offset + unit.start(1)
        mentions.append(
            Mention(at, at + len(unit.group(1)), unit.group(1), "organisation", name, known=False)
        )
    return mentions


def _tidy(name: str) -> str:
    """Canonical form of a discovered name: full-width brackets around CJK, no spaces."""
    name = re.sub(r"\s+", "", name)
    return re.sub(r"\(([^()]*[\u4e00-\u9fff][^()]*)\)", r"（\1）", name)


# ---------------------------------------------------------------- policies

_DOC_WORDS = alternation(POLICY_DOC_WORDS)
ISSUED_TITLE = rule(
    "policy.issued_title",
    "policy",
    pattern=r"^(?:国务院|中共中央|[\u4e00-\u9fff]{2,20}?(?:部|委员会|厅|局|人民政府|办公厅))关于[^《》\n]{4,60}?的[\u4e00-\u9fff]{2,6}$",
    matches=("国务院关于加快培育新兴产业的决策", "江南省人民政府关于园区发展的若干思路"),
    misses=("关于园区发展的思考", "园区发展的抉择", "江南日报关于园区的报道集"),
    why="《某部关于…的X》: an issuer and 关于…的 make a document, whatever word ends its title",
)
_ISSUED = ISSUED_TITLE.pattern.pattern.strip("^$")
_POLICY_RE = re.compile(
    rf"《([^《》\n]{{0,80}}?(?:{_DOC_WORDS})(?:[（(][^（）()]{{2,14}}[）)])?|{_ISSUED})\s*》"
)
# a 文号 in any of the bracket pairs offices print: 〔〕 [] ［］ （） () 【】, digits of either width
_DOC_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fff]{1,10}\s*[〔\[［(（【]\s*(?:19|20|１９|２０)[\d０-９]{2}\s*[〕\]］)）】]\s*第?\s*[\d０-９]{1,4}\s*号"
)
_PERIOD_RE = re.compile(
    r"[（(]\s*((?:19|20)\d{2})\s*年?\s*[—\-－–~～至]\s*((?:19|20)\d{2})\s*年?\s*[）)]"
    r"|((?:19|20)\d{2})\s*年?\s*[—\-－–~～至]\s*((?:19|20)\d{2})\s*年"
)


_BARE_DOC_WORD = re.compile(rf"^(?:{_DOC_WORDS})$")


def find_policies(text: str, *, reports: bool = False) -> list[Mention]:
    """《…》 titles that name a document (a plan, opinion, notice, report …), with a 文号 that follows.

    A short form (该《建设方案》, 《方案》) names the last full title before it that ends the same
    way; with none before it, it names nothing. A report of figures (an index, a ranking, a
    yearbook: rule ``policy.report_of_figures``) is no policy and is left out unless ``reports``."""
    found: list[Mention] = []
    last_ending: dict[str, Mention] = {}  # document word → the last full title ending in it
    for match in _POLICY_RE.finditer(text):
        title = match.group(1).strip()
        if not reports and REPORT.test(title):
            continue
        if _BARE_DOC_WORD.match(title):
            earlier = last_ending.get(title)
            if earlier is not None:
                found.append(replace(earlier, start=match.start(), end=match.end(), surface=match.group(0)))
            continue
        number = _DOC_NUMBER_RE.search(text, match.end(), min(len(text), match.end() + 40))
        if number is not None and number.start() - match.end() > 2:
            number = None  # a 文号 follows its title directly, in brackets or not
        found.append(
            Mention(
                match.start(),
                match.end(),
                match.group(0),
                "policy",
                _tidy(title),
                known=False,
                document_number=document_number(number.group(0)) if number else "",
            )
        )
        stem = re.sub(r"[（(][^（）()]*[）)]$", "", found[-1].name)
        for word in POLICY_DOC_WORDS:
            if stem.endswith(word):
                last_ending[word] = found[-1]
    return found


def policy_period(title: str) -> tuple[int, int] | None:
    """The years a plan covers, from its title: '…（2024—2027年）' or '2021—2025年…规划' → (2021, 2025)."""
    match = _PERIOD_RE.search(unicodedata.normalize("NFKC", title))
    if not match:
        return None
    start, end = (int(y) for y in (match.groups()[:2] if match.group(1) else match.groups()[2:]))
    return (start, end) if end >= start else None


# ---------------------------------------------------------------- people

# The most common Chinese surnames (compound ones first so they win).
_COMPOUND_SURNAMES = "欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|端木|西门|南宫"
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛"
    "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝"
    "路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂"
    "全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝封习揭晋郜郁屠阎邸仝逄隆衣芮鄢濮钮浦暴寿宦訾"
)
_TITLES = alternation(PERSON_TITLES)
# 日报社社长张三, 公司董事李四, 特别顾问王五, 国科会副主委赵六: offices of papers, boards and councils
MORE_TITLES = rule(
    "entity.more_titles",
    "entity",
    pattern=rf"(?:{alternation(OFFICE_TITLES)})(?!会)(?=[\u4e00-\u9fffA-Z])",
    matches=("日报社社长程远山主持会议", "公司董事Peter Holland出席", "特别顾问王立出席"),
    misses=("社会各界出席", "董事会审议通过"),
    why="社长, 董事, 顾问 and 主委 are offices a name follows like 主任 (日报社社长张三主持)",
)
# what a speaker does right after their name (张三表示, 李四致辞, 王五在会上…)
_SPEECH = alternation(SAYING_VERBS + GATHERING_ACTS + SPEAKER_LEADS)
# every act a person's name may stand before (张三出席, 李四陪同, 王五来到, 赵六考察)
_ACTS = alternation(SAYING_VERBS + GATHERING_ACTS + MOTION_VERBS + VISIT_WORDS)
_NAME = rf"(?:{_COMPOUND_SURNAMES}|[\u4e00-\u9fff])[\u4e00-\u9fff]{{1,2}}"
# 副司长吴家喜12日介绍: the day of the act may stand between a name and what the person does
NAME_THEN_DAY = rule(
    "entity.person_then_day",
    "entity",
    pattern=rf"^(?:\d{{1,2}}月)?\d{{1,2}}日(?:上午|下午|晚间|晚)?(?:在|{_ACTS})",
    matches=("12日介绍，园区已有企业500家", "6月3日上午在园区考察", "9日陪同省长视察江南科技园"),
    misses=("12日至15日举行", "12日的会议"),
    why="主任张三12日介绍: a name followed by the day and then an act is a name, as before the act",
)
# the words a name may stand before: a courtesy title, a function word or an act
_AFTER_NAME_WORDS = (
    *COURTESY_TITLES, *NAME_FOLLOWERS, *SPEAKER_LEADS, *SAYING_VERBS, *GATHERING_ACTS, *MOTION_VERBS,
    *VISIT_WORDS,
)  # fmt: skip
# 主任张三先生介绍, 书记李四感谢…, 局长王五从…手中接过, 市长张伟来到…: the name ends where one begins
NAME_THEN_MORE = rule(
    "entity.name_then_act_word",
    "entity",
    pattern=rf"^(?:{alternation(_AFTER_NAME_WORDS)})",
    matches=(
        "先生向大家介绍",
        "感谢企业家们的支持",
        "接待了考察团",
        "以及各部门负责人参加",
        "一行来到江南科技园",
        "分别致辞",
    ),
    misses=("先进制造业", "接着发言", "以来"),
    why="主任韦一平先生介绍, 书记孔建东感谢…: the name ends where a courtesy title, a function word "
    "or an act begins",
)
_AFTER_NAME = (
    rf"(?=[，,、。：:；（(\s]|{NAME_THEN_MORE.pattern.pattern[1:]}|{NAME_THEN_DAY.pattern.pattern[1:]}|$)"
)
_AFTER_NAME_RE = re.compile(_AFTER_NAME)
# a word of two or more characters that may follow a name: if a name's last character starts one
# (王力陪|同 → 王力|陪同, 韩正一|行 → 韩正|一行), the name ends one character earlier
_AFTER_WORD = re.compile(alternation([w for w in _AFTER_NAME_WORDS if len(w) >= 2]))


def _ends_in_after_word(example: str) -> bool:
    """Table predicate over '<sentence> → <name>'."""
    sentence, name = (part.strip() for part in example.split("→"))
    end = sentence.index(name) + len(name)
    return bool(_AFTER_WORD.match(sentence, end - 1))


PERSON_ENDS_AT_WORD = rule(
    "entity.person_ends_at_word",
    "entity",
    predicate=_ends_in_after_word,
    matches=(
        "区长王力陪同考察 → 王力陪",
        "韩正一行到园区 → 韩正一",
        "市长张伟来到园区 → 张伟来",
        "主任李明坦言 → 李明坦",
    ),
    misses=("区长王力陪同考察 → 王力", "韩正一行到园区 → 韩正"),
    why="a person's name ends where the word after it begins: 陪同 and 一行 follow the name",
)
# 江北省委原常委（原火炬中心主任）李四，: a title in brackets before the name, a former post
TITLE_IN_BRACKETS = rule(
    "entity.title_in_brackets",
    "entity",
    pattern=rf"[（(][^（()）]{{0,20}}?(?:{alternation(BRACKETED_TITLES)})[）)](?=[\u4e00-\u9fff]{{2,3}}[，,、。])",
    matches=("省委原常委（原火炬中心主任）李四，", "(原日报社社长)王立、"),
    misses=("（以下简称主任）", "（主任）负责组织"),
    why="某某（原火炬中心主任）梁四，: the title in brackets belongs to the name right after it",
)
_TITLE_NAME_RE = re.compile(rf"({_TITLES})[）)]?({_NAME}){_AFTER_NAME}")


def _bracketed_title(text: str, match: re.Match[str]) -> bool:
    """The bracket between a title and a name closes a bracketed title (rule entity.title_in_brackets)."""
    found = TITLE_IN_BRACKETS.pattern.search(text, max(0, match.start(1) - 21), match.start(2) + 4)
    return found is not None and found.end() == match.start(2)


_NAME_SPEECH_RE = re.compile(rf"(?<![\u4e00-\u9fff])({_NAME})(?:{_SPEECH})")
# 书记处, 主席团, 主任会议, 部长办公会: the title names a body or a meeting, not a person's office
TITLE_OF_BODY = rule(
    "entity.title_names_a_body",
    "entity",
    pattern=r"^(?:处|团|会(?!见)|[\u4e00-\u9fff]{0,3}(?:会议|办公会))",
    matches=("处召开会议", "团成员", "会议审议", "办公会研究"),
    misses=("出席动员大会", "会见客人", "表示要加快"),
    why="张三副部长出席…大会: only a title that names a body or a meeting right after it (书记处, "
    "主任会议) is no person's office; a gathering later in the clause is no reason to drop the name",
)
_NAME_TITLE_RE = re.compile(
    rf"({_NAME}?)({alternation(TITLES_AFTER_NAME)})(?!{TITLE_OF_BODY.pattern.pattern[1:]})"
)
# 李金恭理事长、宣明智资深顾问、新竹市李世珍副市长: a list of guests, each name before its title
NAME_THEN_TITLE = rule(
    "entity.name_before_title",
    "entity",
    pattern=rf"({_NAME}?)({alternation(GUEST_TITLES_AFTER_NAME)})(?=[，,、。；\s]|{NAME_THEN_MORE.pattern.pattern[1:]})",
    matches=(
        "同业公会钱立新理事长、",
        "新竹县吴美玲秘书长一同揭牌",
        "孔宏达董事长表示",
        "钱立新会长陪同考察",
    ),
    misses=("局长办公会研究", "理事长单位", "会长会议"),
    why="李金恭理事长、某某资深顾问: in lists of guests the title often follows the name, as 万钢部长",
)
# 韩正市长带领…, ，李明省长表示: a government head's name before the title, the name alone in front
NAME_THEN_HEAD = rule(
    "entity.name_then_head_title",
    "entity",
    pattern=rf"(?<![\u4e00-\u9fff])({_NAME})(副?(?:{alternation(GOVERNMENT_HEAD_TITLES)})){_AFTER_NAME}",
    matches=("，韩立市长带领考察团", "上午，李明省长表示"),
    misses=("，南京市长张三表示", "副市长王五出席"),
    why="韩正市长带领…: a name right before a government head's title is a person, like 万钢部长",
)
_TRANSLITERATED = re.compile(r"[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}")
# a foreign name after a title: 联合创始人内森·麦克纳利介绍, 主席Tom Bentley表示
# Peter J. HOLLAND, Anne MILLER: an initial, or a surname in capitals, as English programmes print them
LATIN_NAME = rule(
    "entity.latin_name_shapes",
    "entity",
    pattern=r"[A-Z][a-z]+(?: (?:[A-Z]\.|[A-Z][a-z]+|[A-Z]{2,})){1,3}(?![A-Za-z])",
    matches=("Peter J. HOLLAND", "Anne MILLER", "Mark Lee"),
    misses=("IASP", "Anne", "TCL Group"),
    why="a Latin name may have a middle initial or a surname in capitals (Peter J. HOLLAND)",
)
_FOREIGN_NAME = rf"[\u4e00-\u9fff]{{1,6}}·[\u4e00-\u9fff]{{1,8}}?|{LATIN_NAME.pattern.pattern}"
_TITLE_FOREIGN_RE = re.compile(rf"({_TITLES})({_FOREIGN_NAME}){_AFTER_NAME}")

# 中国网·滨海高新讯: a news site's dateline, written with a middle dot like a foreign name
_NOT_NAMES = re.compile(
    r"^(?:我们|他们|大家|会上|记者|专家|企业|中心|会议|全国|国家|同时|此外|其中|目前|当前|下一步|与会|本报|该区|园区|"
    r"有关|相关|各地|各位|工作|部门|领导|嘉宾|代表|双方|对此|他|她|其|这|并|还|也|都|将|要|已)"
)


# 科技局, 高新区, 某某副: the tail of a body's name or a title; 正 ends names (韩正), so it is no tail
def _reads_as_grammar(name: str) -> bool:
    """A particle at the end (简单地, 时就), or a preposition before a common noun (于经济): words
    of the sentence that precede 说/指出, not a name."""
    if name[-1] in "就也都又还便却再地的得了着过等":
        return True
    words = tagged(name)
    return len(words) == 2 and words[0][1] == "p" and words[1][1] in ("n", "vn", "a", "v")


GRAMMAR_NOT_NAME = rule(
    "entity.grammar_not_name",
    "entity",
    predicate=_reads_as_grammar,
    matches=("简单地", "时就", "于经济"),
    misses=("于英杰", "尧刚", "王立新", "何年初"),
    why="简单地说, 会上时就指出: the words before a speech verb read as grammar, not a surname and a"
    " given name",
)
_BODY_TAIL = rule(
    "entity.body_tail_not_name",
    "entity",
    pattern=r"[会委局部厅区院所司处办园市省县副]$",
    matches=("张科局", "王新区", "李某副"),
    misses=("韩正", "王力", "张志宏"),
    why="a candidate that ends like a body (…局, …区) or a title (…副) is no given name; 正 ends real names",
).pattern


def _valid_person(name: str, after_title: bool = False) -> bool:
    """A person's name by its shape: a known surname, or after a title any name jieba tags as
    one (rule entity.rare_surname_after_title: 市长宇向东)."""
    if len(name) < 2 or len(name) > 4 or _NOT_NAMES.match(name) or common_word(name):
        return False  # rule entity.common_word_person: 明确, 高新, 余名
    if titled(name):
        return False  # rule entity.person_title_tail: 魏教授
    if _BODY_TAIL.search(name):
        return False  # the tail of a body's name or a title, not a given name
    if GRAMMAR_NOT_NAME.test(name):
        return False  # rule entity.grammar_not_name: 简单地说, 时就指出, 关于经济表示
    if name[:2] in _COMPOUND_SURNAMES.split("|"):
        return len(name) >= 3
    if name[0] in _SURNAMES:
        return len(name) <= 3
    return after_title and len(name) <= 3 and RARE_SURNAME_AFTER_TITLE.test(name)


def _tagged_as_name(name: str) -> bool:
    words = tagged(name)
    return len(words) <= 2 and all(tag in NAME_TAGS for _, tag in words)


RARE_SURNAME_AFTER_TITLE = rule(
    "entity.rare_surname_after_title",
    "entity",
    predicate=_tagged_as_name,
    matches=("宇向东", "覃海"),
    misses=("新华社", "来到", "管委会"),
    why="市长宇向东来到…: a surname outside the common list is still a name right after a title,"
    " when the tagger reads the words as a name",
)


def find_people(text: str, organisations: list[Mention]) -> list[Mention]:
    """People named beside a title (主任张三, 张三总书记) or a speech verb (张三表示)."""
    found: dict[tuple[int, int], Mention] = {}
    occupied = Occupied()

    def keep(start: int, mention: Mention) -> None:
        found[(start, mention.end)] = mention
        occupied.add(start, mention.end)

    bodies = _Bodies(organisations)
    titled = [*_TITLE_FOREIGN_RE.finditer(text), *_TITLE_NAME_RE.finditer(text)]
    for match in titled:
        if occupied.covers(match.start(2)):
            continue
        foreign = match.re is _TITLE_FOREIGN_RE
        if match.end(1) < match.start(2) and not foreign and not _bracketed_title(text, match):
            continue
        start = match.start(2)
        name = _untitled(match.group(2)) if foreign else _best_name(match.group(2), text, start, True)
        if not name:
            continue
        title_start = _title_start(text, match.start(1))
        org = bodies.before(title_start, text) or _government_of(text, title_start, match.group(1))
        title = text[title_start : match.start(2)].strip("，、 （）()")
        keep(
            start,
            Mention(start, start + len(name), name, "person", name, False, title=title, organisation=org),
        )
    for pattern in (_NAME_SPEECH_RE, _NAME_TITLE_RE, NAME_THEN_TITLE.pattern, NAME_THEN_HEAD.pattern):
        for match in pattern.finditer(text):
            name = _best_name(match.group(1), text, match.start(1))
            if not name or occupied.covers(match.start(1)):
                continue

            start = match.start(1)
            title = match.group(2) if pattern is not _NAME_SPEECH_RE else ""
            keep(start, Mention(start, start + len(name), name, "person", name, known=False, title=title))
    for match in _TRANSLITERATED.finditer(text):
        if (
            text[match.end() : match.end() + 1] == "·"
            or "“" in text[max(0, match.start() - 8) : match.start()]
        ):
            continue  # “新趋势·新赛道·新势力”: a slogan, not a name
        start, name = match.start(), match.group(0)
        title = re.search(rf"^.*(?:{_TITLES})", name.split("·")[0])
        if title:  # 首席执行官艾巴·伦德: the title is not part of the name
            start, name = start + title.end(), name[title.end() :]
        name = _untitled(re.sub(rf"(?:{_SPEECH})+$", "", name))
        if not name or "·" not in name or dateline(name) or occupied.covers(start):
            continue  # rule entity.dateline: 某某网·某地讯
        keep(start, Mention(start, start + len(name), name, "person", name, known=False))
    return sorted(found.values(), key=lambda m: m.start)


def _untitled(name: str) -> str:
    """A foreign name without the honorific after it (rule entity.person_title_tail: 某某女士)."""
    while titled(name):
        name = re.sub(rf"(?:{'|'.join(NAME_TAILS)})$", "", name)
    return name


def _best_name(candidate: str, text: str = "", start: int = 0, after_title: bool = False) -> str:
    """The candidate, or its first two/three characters, whichever is a valid name that does not
    end inside the word after it (rule entity.person_ends_at_word: 王力 in 王力陪同)."""
    if text and person_cut_from_text(text, start, start + len(candidate)):
        return ""  # rule entity.person_cut_from_text: 摩托罗|拉前主席
    if any(titled(candidate[:size]) for size in range(2, len(candidate) + 1)):
        return ""  # rule entity.person_title_tail: 孙教授 is a surname and a title, 孙教 no name
    if text and name_then_function_word(text, start, start + len(candidate)):
        candidate = candidate[:2]  # rule entity.name_then_function_word: 蔡奇|在
    for size in (len(candidate), 3, 2):
        name = candidate[:size]
        if _valid_person(name, after_title) and not (
            text and size > 2 and _AFTER_WORD.match(text, start + size - 1)
        ):
            return name
    return ""


def _title_start(text: str, title_at: int) -> int:
    """Widen a title left over 党委书记、 or 党组成员、 parts written before it."""
    start = title_at
    while True:
        match = re.search(rf"(?:{_TITLES}|党组成员|党委委员|成员)、?$", text[max(0, start - 12) : start])
        if not match or match.end() == match.start():
            return start
        start -= len(match.group(0))


# 三明市长张三, 江南省副省长李四: the head of a place's government
_GOVERNMENT_HEAD = {
    "市长": "市",
    "副市长": "市",
    "省长": "省",
    "副省长": "省",
    "区长": "区",
    "副区长": "区",
    "县长": "县",
}


def _government_of(text: str, title_start: int, title: str) -> str:
    level = _GOVERNMENT_HEAD.get(title)
    if level is None:
        return ""
    place = re.search(
        rf"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{{2,4}}?){level}?$",
        text[max(0, title_start - 5) : title_start],
    )
    if (
        place is None
        or _LEFT_STOPS.match(place.group(1))
        or _NO_PLACE.match(place.group(1))
        or COMMITTEE_NOT_PLACE.test(place.group(1))
        or place.group(1) in OFFICE_MODIFIERS
    ):
        return ""  # 市委市长: 市委 is no place; 常务副市长: 常务 is a rank
    return f"{place.group(1)}{level}人民政府"


# 市委常委、副市长张三: the words before the title are another office, not the city's name
COMMITTEE_NOT_PLACE = rule(
    "entity.committee_not_place",
    "entity",
    pattern=r"委员?$",
    matches=("市委", "县委常委"),
    misses=("聊城", "江南"),
    why="市委常委、副市长张三: 市委 is another office of the person, not the place of the government",
)


_UNIT_GAP = re.compile(r"^(?:[（(][A-Za-z0-9]{2,10}[）)])?(?:[^\W\d_的和与及在对、，。；：]{0,8})$")


# 江南日报社原社长张三, 某公司前董事长李四: the body of a former post is not the person's body now
def formerly_served(text: str, body: Mention) -> bool:
    """Whether the text says a person served ``body`` once, not now (某某日报社原社长张三,
    （原某某中心主任）李四): such a body is no party to what the person does (entity.former_post)."""
    return text[body.end : body.end + 1] == "原" or text[max(0, body.start - 1) : body.start] == "原"


FORMER_POST = rule(
    "entity.former_post",
    "entity",
    pattern=r"^[原前]",
    matches=("原社长", "前董事长"),
    misses=("社长", "党委书记"),
    why="某某日报社原社长张三: a person who once served a body does not act for it now",
)


class _Bodies:
    """The organisations and parks of a text by where they end, to find the one a title follows."""

    def __init__(self, organisations: list[Mention]) -> None:
        self.mentions = sorted(organisations, key=lambda m: m.end)
        self.ends = [m.end for m in self.mentions]

    def before(self, position: int, text: str = "") -> str:
        """The body a title belongs to: named right before it, or before a unit of it
        (通威股份有限公司光伏首席技术官, 裕廊集团（JTC）新区发展署总署长)."""
        i = bisect_right(self.ends, position) - 1  # the last body ending at or before ``position``
        if i < 0:
            return ""
        mention = self.mentions[i]
        if FORMER_POST.test(text[mention.end : position]) or formerly_served(text, mention):
            return ""  # rule entity.former_post: 某某日报社原社长张三, 原火炬中心主任李四 serve it no more
        if position - mention.end <= 1 or _UNIT_GAP.match(text[mention.end : position]):
            return mention.name
        return ""


# ---------------------------------------------------------------- all together


def find_entities(
    text: str,
    gazetteer: Gazetteer,
    when: dt.date | None = None,
    titles: Iterable[str] = (),
    people: Iterable[Mention] = (),
    province: str = "",
) -> list[Mention]:
    """Every park, organisation, policy and person mention in ``text``, known names first;
    discovered names only where no known name stands. ``titles`` are policies the document
    names in 《》 somewhere: later it may name them bare (…建设方案的出台). ``people`` are people
    the document introduces with a title: later it names them bare (张三一行考察…). ``province``
    is the one province the document names: its 省政府 and 省科技厅 are that province's."""
    found = gazetteer.find(text, when)
    known = [_unit_of(_administration(_company_of(m, text), text), text) for m in found]
    taken = Occupied([(m.start, m.end) for m in known])
    mentions: Placed[Mention] = Placed()
    for mention in known:
        mentions.add(mention.start, mention.end, mention)
    for park, body in zip(found, known, strict=True):
        if (
            park.kind == "park"
            and body.kind == "organisation"
            and not PARK_COMPANY.test(text[park.end : park.end + 16])
        ):
            # X高新区管委会 keeps its park X; X科技园公司 does not
            mentions.add(park.start, park.end, park)
        elif (managed := _managed_park(body, gazetteer)) is not None:  # a known 中关村管委会 too
            mentions.add(managed.start, managed.end, managed)

    def place(found: Mention) -> None:
        mentions.add(found.start, found.end, found)
        taken.add(found.start, found.end)

    bracketed = find_policies(text, reports=True)  # FORMAT.md: a report's release names it
    for policy in bracketed + _bare_titles(text, titles, bracketed):
        linked = gazetteer.lookup(policy.name, "policy")
        if linked is not None:
            policy = Mention(
                policy.start,
                policy.end,
                policy.surface,
                "policy",
                linked.name,
                True,
                document_number=policy.document_number,
            )
        mentions.remove_within(policy.start, policy.end)
        place(policy)
    for kind in ("park", "organisation"):
        for found in discover_names(text, kind):
            if kind == "park" and _class_of_parks(found, known):
                continue
            if kind == "park":
                found = _known_after_place(found, gazetteer)  # rule entity.place_then_known_park
                found = _company_of(found, text)  # rule entity.park_company
            if (
                kind == "park"
                and any(m.kind == "park" for m in mentions.within(found.start, found.end, strictly=True))
                and taken.inside(found.start, found.end)
            ):  # 某某高新区国际孵化器: the longer name wins over the park inside it
                mentions.remove_within(
                    found.start, found.end, lambda m, f=found: m.kind == "park" and m.end < f.end
                )
                taken.remove_within(found.start, found.end)
            if not taken.overlaps(found.start, found.end):
                place(found)
                body = _administration(found, text)  # 北湖高新区管委会: a new park's body too
                if body is not found and not taken.overlaps(found.end, body.end):
                    place(body)
    for start, end, names in listed_parks(text):  # rule entity.listed_parks: 江岸、河西两个高新区
        if not any(m.known for m in mentions.within(start, end)):
            mentions.remove_within(start, end, lambda m: m.kind == "park")
            taken.remove_within(start, end)
            for name in names:
                linked = gazetteer.lookup(name, "park")
                park = Mention(
                    start, end, text[start:end], "park", linked.name if linked else name, bool(linked)
                )
                place(park)
    for start, end, names in coordinated(text):  # rule entity.coordinated_places: 沪苏浙三省政府
        mentions.remove_within(start, end, lambda m: m.kind == "organisation" and not m.known)
        if not any(m.known for m in mentions.within(start, end)):
            for name in names:
                place(Mention(start, end, text[start:end], "organisation", name, known=False))
    for found in _foreign_bodies(text):
        if not taken.overlaps(found.start, found.end):
            place(found)
    for found in _provincial_bodies(text, province, gazetteer):
        if not taken.overlaps(found.start, found.end):
            place(found)
    organisations = [m for m in mentions if m.kind in ("organisation", "park")]
    for person in [*find_people(text, organisations), *_bare_people(text, people)]:
        if not taken.overlaps(person.start, person.end):
            linked = gazetteer.lookup(person.name, "person")
            place(person if linked is None else _replace_name(person, linked.name))
    return sorted(mentions, key=lambda m: (m.start, m.end))


# 省政府作出批复, 经省科技厅推荐: a province's body named by its level alone
PROVINCIAL_BODY = rule(
    "entity.provincial_body_of_document",
    "entity",
    pattern=rf"(?:(?<![\u4e00-\u9fff])|(?<=[由经在与和向对据了日从将及为是的并]))省(?P<body>{alternation(PROVINCIAL_BODIES)})",
    matches=("记者从省科技厅了解到", "经省政府批准", "省人民政府同意"),
    misses=("安徽省政府批准", "全省科技厅长会议", "江南省科技厅"),
    why="省政府作出批复: in a document about one province the level alone names that province's"
    " government; the name is written in full (安徽省人民政府)",
)


def _provincial_bodies(text: str, province: str, gazetteer: Gazetteer) -> list[Mention]:
    """The province's bodies named by level alone (省政府 → 安徽省人民政府), when it is known."""
    if not province:
        return []
    found = []
    for match in PROVINCIAL_BODY.finditer(text):
        body = "人民政府" if match["body"] == "政府" else match["body"]
        name = province + body
        linked = gazetteer.lookup(name, "organisation")
        found.append(
            Mention(
                match.start(),
                match.end(),
                match.group(),
                "organisation",
                linked.name if linked else name,
                bool(linked),
            )
        )
    return found


_PLACE_NAMES = province_forms(_PROVINCES.split("|"))
PLACE_THEN_PARK = rule(
    "entity.place_then_known_park",
    "entity",
    pattern=rf"^(?:{_PLACE_NAMES}|[\u4e00-\u9fff]{{2,3}}[省市])(?=[\u4e00-\u9fff]{{2,}}(?:{_PARK_HEADS})$)",
    matches=("北京星河国家自主创新示范区", "江南省星河高新技术产业开发区", "河南星河科技园"),
    misses=("建设星河国家自主创新示范区", "北京", "星河高新区"),
    why="北京+中关村国家自主创新示范区: a province or city before a known park's full form names that park",
)


def _known_after_place(found: Mention, gazetteer: Gazetteer) -> Mention:
    """A discovered park that is a place and a known park's printed form is the known park."""
    place = PLACE_THEN_PARK.search(found.name)
    linked = gazetteer.lookup(found.name[place.end() :], "park") if place else None
    if linked is None:
        return found
    return Mention(found.start, found.end, found.surface, "park", linked.name, known=True)


_CLASS_WORDS = re.compile(r"^(?:特色|未来|重点|专业|主题|新兴|优势|示范|标杆|品牌|特色化|专业化)+$")


def _class_of_parks(found: Mention, known: list[Mention]) -> bool:
    """中关村特色产业园, 中关村未来产业园: a known park plus a generic word names a class of parks."""
    for mention in known:
        if mention.kind == "park" and mention.start == found.start and mention.end < found.end:
            rest = found.surface[mention.end - found.start :]
            stem = re.sub(rf"(?:{_PARK_HEADS})$", "", rest)
            return bool(stem) and bool(_CLASS_WORDS.match(stem))
    return False


_COUNTRIES = (
    "美国|英国|法国|德国|意大利|西班牙|葡萄牙|荷兰|比利时|瑞士|瑞典|挪威|丹麦|芬兰|冰岛|爱尔兰|奥地利|波兰|捷克|匈牙利|希腊"
    "|俄罗斯|乌克兰|白俄罗斯|哈萨克斯坦|乌兹别克斯坦|土耳其|以色列|伊朗|沙特|阿联酋|卡塔尔|埃及|南非|尼日利亚|肯尼亚"
    "|埃塞俄比亚|日本|韩国|朝鲜|蒙古|新加坡|马来西亚|泰国|越南|老挝|柬埔寨|缅甸|菲律宾|印度尼西亚|印尼|印度|巴基斯坦"
    "|孟加拉国|斯里兰卡|澳大利亚|新西兰|加拿大|墨西哥|巴西|阿根廷|智利|秘鲁|哥伦比亚|古巴"
)
# 德国LAUNCH Rhein-Main: a body named in Latin letters right after its country
_FOREIGN_BODY_RE = re.compile(rf"(?:{_COUNTRIES})([A-Z][A-Za-z0-9&.]*(?:[ \-][A-Z][A-Za-z0-9&.]*){{0,5}})")


def _foreign_bodies(text: str) -> list[Mention]:
    found = []
    for match in _FOREIGN_BODY_RE.finditer(text):
        name = match.group(1).rstrip(".")
        if len(name) >= 3:
            found.append(
                Mention(match.start(1), match.start(1) + len(name), name, "organisation", name, False)
            )
    return found


# a unit named right after its known parent body: 科学技术部|高新技术司, 某某市人民政府|办公厅
_UNIT_OF = rule(
    "entity.unit_of_parent",
    "entity",
    pattern=(
        r"^((?![与同跟副])(?:(?![的在和及是将为由对向到从于并等了把被让给以至其共])[\u4e00-\u9fff]){0,10}?"
        r"(?:司|办公厅|办公室|研究所|研究院|研究中心|服务中心|发展中心|促进中心|中心|局|处|署))"
        r"(?!长)"
    ),
    matches=("规划司发布了数据", "成果转化与区域创新司负责", "办公厅印发通知"),
    misses=("司长张三表示", "与国家统计局联合发布", "副部长李四出席", "局长王五致辞", "汇报了中心工作"),
    why="a sub-unit keeps its parent: the unit after a known body is that body's unit, not a new "
    "body (unless named with a national scope of its own, 中国金融信息中心)",
)
_ADMINISTRATION = re.compile(r"管理委员会|管委会|党工委")


def _unit_of(mention: Mention, text: str) -> Mention:
    """科学技术部高新技术司: a known body followed by one of its units names the unit, under the
    parent's own name (科技部规划司 → 科学技术部规划司)."""
    if mention.kind != "organisation" or not mention.known:
        return mention
    unit = _UNIT_OF.pattern.match(text[mention.end : mention.end + 16])
    if unit is None or starts_with_glue(unit.group(1)) or re.search(_TITLES, unit.group(1)):
        return mention
    if unit.group(1).startswith(NAME_SCOPES):
        return mention  # 新华社中国金融信息中心: a name of national scope is a body of its own
    last = _ONE_CHAR_HEAD_WORDS.get(unit.group(1)[-1])
    if last is not None and last.search(unit.group(1)[:-1]):
        return mention  # 国务院决策部署: 部署 is a word, not a unit ending in 署
    end = mention.end + unit.end(1)
    name = mention.name + unit.group(1)
    return Mention(mention.start, end, text[mention.start : end], "organisation", name, False)


def _managed_park(body: Mention, gazetteer: Gazetteer) -> Mention | None:
    """The known park whose administration a known body is by its printed name (中关村管委会,
    the merged 某某市科委、中关村管委会: the last of the bodies joined in its name)."""
    head = re.search(f"(?:{_ADMINISTRATION.pattern})$", body.surface) if body.kind == "organisation" else None
    name = body.surface[: head.start()].split("、")[-1] if head else ""
    linked = gazetteer.lookup(name, "park") if name else None
    if linked is None:
        return None
    end = body.start + head.start()
    return Mention(end - len(name), end, name, "park", linked.name, known=True)


PARK_COMPANY = rule(
    "entity.park_company",
    "entity",
    pattern=r"^(?:(?:股份|发展|投资|建设|开发|运营|管理)*有限(?:责任)?公司|(?:发展|投资|建设|开发|运营)*(?:公司|集团))",
    matches=("公司主席查明出席", "发展集团", "开发建设有限公司"),
    misses=("管委会", "企业", "的公司"),
    why="香港科学园公司主席: a known park followed by 公司 or 集团 names its company, a body, not the park",
)


def _company_of(mention: Mention, text: str) -> Mention:
    """A known park followed by 公司 or 集团 (某某科技园公司) names the park's company."""
    company = PARK_COMPANY.search(text[mention.end : mention.end + 16]) if mention.kind == "park" else None
    if company is None:
        return mention
    name = mention.surface + company.group(0)
    return Mention(mention.start, mention.end + company.end(), name, "organisation", name, False)


def _administration(mention: Mention, text: str) -> Mention:
    """武汉东湖高新区管委会: a park (known or new) followed by its administration names that body."""
    head = _ADMINISTRATION.match(text, mention.end) if mention.kind == "park" else None
    if head is None:
        return mention
    name = mention.name + ("管委会" if head.group(0) == "管理委员会" else head.group(0))
    return Mention(mention.start, head.end(), text[mention.start : head.end()], "organisation", name, False)


def document_people(text: str, gazetteer: Gazetteer, when: dt.date | None = None) -> Phrases:
    """People a whole document introduces with a title, with their title and body, for
    ``find_entities(people=…)``: the first introduction of each name wins. Bodies come from the
    gazetteer and discovery of organisations only: parks are not needed to place a title."""
    known = [_administration(m, text) for m in gazetteer.find(text, when)]
    bodies = [m for m in known if m.kind in ("organisation", "park")]
    taken = Occupied([(k.start, k.end) for k in known])
    bodies += [m for m in discover_names(text, "organisation") if not taken.overlaps(m.start, m.end)]
    introduced: dict[str, Mention] = {}
    for mention in find_people(text, bodies):
        if mention.title and len(mention.name) >= 2:
            linked = gazetteer.lookup(mention.name, "person")
            introduced.setdefault(
                mention.name, mention if linked is None else _replace_name(mention, linked.name)
            )
    return Phrases(introduced.values())


class Phrases(tuple):
    """Phrases a whole document yields (people it introduces, titles it names), with one
    automaton built once to find them again in each of its items: a look-up per item that
    scanned every phrase would make a long document quadratic."""

    def occurrences(self, text: str, forms) -> list[tuple[int, int, int, str]]:
        """(phrase index, form index, start, form) of every form of every phrase in ``text``,
        in phrase order; ``forms`` gives a phrase's spellings."""
        automaton = self.__dict__.get("_automaton")
        if automaton is None:
            automaton = ahocorasick.Automaton()
            table: dict[str, list[tuple[int, int]]] = {}
            for index, phrase in enumerate(self):
                for rank, form in enumerate(forms(phrase)):
                    table.setdefault(form, []).append((index, rank))
            for form, owners in table.items():
                automaton.add_word(form, (form, owners))
            if table:
                automaton.make_automaton()
            self.__dict__["_automaton"] = automaton if table else False
        if not automaton:
            return []
        hits = []
        for end, (form, owners) in automaton.iter(text):
            hits += [(index, rank, end - len(form) + 1, form) for index, rank in owners]
        return sorted(hits)


def _person_forms(person: Mention) -> tuple[str, ...]:
    return (person.name,)


def _bare_people(text: str, people: Iterable[Mention]) -> list[Mention]:
    people = people if isinstance(people, Phrases) else Phrases(people)
    found = []
    for index, _rank, start, name in people.occurrences(text, _person_forms):
        if _stands_alone(text, start + len(name)):
            found.append(replace(people[index], start=start, end=start + len(name), surface=name))
    return found


def _stands_alone(text: str, end: int) -> bool:
    """A known name ending here as a name does after a title, not inside a longer word."""
    return not re.match(r"[\u4e00-\u9fff]", text[end : end + 1]) or bool(_AFTER_NAME_RE.match(text, end))


def document_titles(text: str) -> Phrases:
    """The policy titles a whole document names in 《》, for ``find_entities(titles=…)``."""
    return Phrases(dict.fromkeys(m.name for m in find_policies(text)))


def _title_forms(title: str) -> tuple[str, ...]:
    """A title, and the title without its period (…建设方案 for …建设方案（2024—2027年）)."""
    forms = dict.fromkeys((title, re.sub(r"[（(][^（）()]*[）)]$", "", title)))
    return tuple(form for form in forms if len(form) >= 8)


def _bare_titles(text: str, titles: Iterable[str], bracketed: list[Mention]) -> list[Mention]:
    """A title seen in 《》 elsewhere in the document, written here without them."""
    titles = titles if isinstance(titles, Phrases) else Phrases(titles)
    found: list[Mention] = []
    occupied = Occupied([(m.start, m.end) for m in bracketed])
    for index, _rank, start, form in titles.occurrences(text, _title_forms):
        if not occupied.covers(start):
            found.append(Mention(start, start + len(form), form, "policy", titles[index], known=False))
            occupied.add(start, start + len(form))
    return found


def _replace_name(mention: Mention, name: str) -> Mention:
    return Mention(
        mention.start,
        mention.end,
        mention.surface,
        mention.kind,
        name,
        True,
        mention.title,
        mention.organisation,
        mention.document_number,
    )
