"""The shape a newly discovered name must have to be a name, as named rules.

A park or organisation found by its head word (高新区, 大学, 科技厅 …) is a name only when the
words in front of the head are a name too: no verb, preposition or title glued in front
(支持苏州高新区, 区长王某率区政府), not a class or plural (全球科技园区, 56家高新区), and not
cut out of a longer word of the text (家高新区 from 国家高新区, 济大学 from 同济大学). A person
is a name only when it is no common word (明确, 余名) and ends where a word of the text ends
(王力 in 王力陪同, not 王力陪: see entities). Words and their parts of speech come from jieba's dictionary,
so none of this is a list of bad names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from timeline.ingest.lexicon import (
    ANCHOR_TAGS,
    CLASS_STEMS,
    DATELINE_ENDS,
    DATELINE_MEDIA,
    DETERMINER_STARTS,
    FUNCTION_HEADS,
    GLUE_TAGS,
    HIGH_TECH_ZONE_FORMS,
    NAME_SCOPES,
    NAME_TAGS,
    NAME_TAILS,
    ORGANISATION_HEADS,
    PARK_HEADS,
    PROPER_TAGS,
    PROVINCE_SHORT,
    STATE_BODY_HEADS,
    VERB_TAGS,
    alternation,
)
from timeline.ingest.rules import rule

_HEAD = re.compile(f"(?:{alternation(PARK_HEADS + ORGANISATION_HEADS)})$")
_HEAD_FIRST = re.compile(f"(?:{alternation(PARK_HEADS + ORGANISATION_HEADS)})")
_COUNTED = re.compile(r"(?:\d+|[一二三四五六七八九十百千两首]+)(?:多|余)?(?:个|家|批|所|座|类|些|期)$")
COUNTED_BEFORE = re.compile(r"(?:\d+|[一二三四五六七八九十百千两首]+)(?:多|余)?(?:个|家|批|所|座|类)$")
_CLASS = re.compile(f"^(?:{alternation(CLASS_STEMS)})+$")
# 六省一市, 两地 (not 二七区, a district): places counted, a plural head follows (六省一市孵化器)
_COUNTED_PLACES = re.compile(
    r"(?:[一二三四五六七八九十两\d]+省[一二三四五六七八九十两\d]+市|两(?:地|区|市|省))$"
)
_PUNCT = re.compile(r"[（）()·]")
_ORDINAL = re.compile(r"(?:首|第[一二三四五六七八九十\d]+)(?:个|家|批|所|座)")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


@lru_cache(maxsize=1)
def _tagger():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    return jieba.posseg.dt


@lru_cache(maxsize=65536)
def _words(text: str, guess: bool = False) -> tuple[tuple[str, str], ...]:
    """(word, part of speech) of ``text`` by jieba's dictionary; unknown words are guessed (HMM)
    only when asked (titles want 蔡奇 as one name, shapes want the dictionary's words alone)."""
    return tuple((w.word, w.flag) for w in _tagger().lcut(text, HMM=guess))


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) of ``text``, unknown words guessed: how a reader splits a clause."""
    return list(_words(text, guess=True))


def words_of(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) of ``text``, brackets and dots left out."""
    return [w for w in _words(text) if not _PUNCT.search(w[0])]


@lru_cache(maxsize=65536)
def _boundaries(text: str) -> frozenset[int]:
    """The offsets in ``text`` where one word ends and the next begins (the plain tokenizer:
    faster than tagging, and boundaries need no tags)."""
    _tagger()  # jieba initialised, quietly
    import jieba

    at, cuts = 0, {0}
    for word in jieba.lcut(text, HMM=False):
        at += len(word)
        cuts.add(at)
    return frozenset(cuts)


def glued_front(stem: str, head: str = "") -> int:
    """How many characters in front of a name are no part of it: up to the end of the last word
    of ``stem`` that is a preposition, conjunction, particle, pronoun, determiner (各地) or title
    (区长), or a verb or adverb followed by a proper name or by a single character (0 if none).
    A verb with nothing that names anything before it (加强|, 认定|) is glue too; when nothing
    after it names anything either, the whole stem is (加强科技企业孵化器 names no park). A
    one-character verb first in the stem is the name's own (通威)."""
    words = _words(stem + head)  # with its head: 同济|大学 is one word, not 同|济
    at, cut, since = 0, 0, 0
    for k, (word, tag) in enumerate(words):
        at += len(word)
        if at > len(stem):
            break
        after = words[k + 1] if k + 1 < len(words) and at < len(stem) else ("", "")  # not the head
        rest = len(stem) - at
        if _PUNCT.search(word):
            continue
        if tag in GLUE_TAGS and (tag != "r" or len(word) == 1 or word[0] in DETERMINER_STARTS):
            cut, since = at, k + 1  # 在|苏州, 该|大学, 陕西省各地|市 (某某 stands for a name)
        elif word.endswith("长") and len(word) >= 2 and tag == "n":
            cut, since = at, k + 1  # 区长|王某
        elif (
            tag in VERB_TAGS
            and (len(word) > 1 or k > 0)
            and (after[1] in PROPER_TAGS or 0 < rest <= 1 or _CLASS.match(stem[at:]))
        ):
            cut, since = at, k + 1  # 支持|苏州, 同意|上海紫竹, 王某率|区, 呼吁|全球
        elif tag == "v" and len(word) > 1 and (k > since or rest) and not anchored(words[since:k]):
            # rule entity.acts_on_kind: 认定|新都工业区, 加强|科技企业孵化器
            cut, since = (at if _may_name(stem[at:]) else len(stem)), k + 1
    opened = stem.rfind("（", cut), stem.rfind("(", cut)
    for bracket, closing in zip(opened, "）)", strict=True):
        if bracket >= 0 and closing not in stem[bracket:]:
            cut = max(cut, bracket + 1)  # 京津科技谷（中华自行车王国产业园: the name is inside
    return cut


def _may_name(rest: str) -> bool:
    """What follows a verb may be a name: a word that names something, or one rare word (江岸, a
    place jieba takes for a common word), not a description (科技|企业, 区域) nor nothing."""
    words = words_of(rest)
    return anchored(words) or (len(words) == 1 and _rare(words[0][0]))


def anchored(words) -> bool:
    """Whether some word names something: a place, person, proper noun or abbreviation, Latin
    letters or digits, or a word jieba does not know (two single characters in a row: 力|神)."""
    run = 0
    for word, tag in words:
        if tag in ANCHOR_TAGS or re.search(r"[A-Za-z0-9]", word):
            return True
        run = run + 1 if len(word) == 1 and tag not in GLUE_TAGS and not _PUNCT.search(word) else 0
        if run >= 2:
            return True
    return False


def described(stem: str, head: str = "") -> bool:
    """The words before a head only describe a kind of body: two or more dictionary words of which
    none names anything (科技|保险公司, 智能|电动汽车公司), a lone adjective (高|科技园区), or a
    name that is one common dictionary word (行业协会, 跨国公司). ``head`` may run on into the
    text after it: its first head word counts."""
    first = _HEAD_FIRST.match(head)
    head = first.group(0) if first else head
    whole = _tagger().word_tag_tab.get(stem + head)
    if whole is not None and whole not in ANCHOR_TAGS:
        return True
    words = words_of(stem)
    if words and words[-1][1] in ("l", "i") and not words[-1][0].endswith("化"):
        return True  # 某某世界领先|科技园区: a set phrase praises a kind (一体化 names a plan's zone)
    if words and words[0][0] in NAME_SCOPES and head in STATE_BODY_HEADS:
        return False  # 国家|药品|监督管理局: the state names its bodies by what they do
    if len(words) == 1:
        if head in FUNCTION_HEADS and words[0][1] == "n" and _frequency(words[0][0]) >= _COMMON:
            return True  # 工程|研究中心, 生产力|促进中心: a common word and what the body does
        return len(words[0][0]) == 1 and words[0][1] == "a"
    return len(words) >= 2 and not anchored(words) and not _rare(words[0][0])


_RARE = 200  # jieba's count of a word: below it a first word is more likely a place than a kind
_COMMON = 1000  # and above it a word is too common to name one body (工程, 生产力)


def _frequency(word: str) -> int:
    """jieba's count of a dictionary word (0 if it has none)."""
    _tagger()
    import jieba

    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(word, 0)


def _rare(word: str) -> bool:
    """A rare dictionary word: a small place jieba takes for a common word (民乐|生态工业园区)."""
    return len(word) >= 2 and _frequency(word) < _RARE


def level_reference(stem: str) -> bool:
    """The stem opens with a bare level (市|科知局, 省|科技厅, 区|政务服务中心): "the city's …", a
    reference to a body named elsewhere, not its name."""
    words = _words(stem)
    return bool(words) and words[0][0] in _LEVELS


_LEVELS = ("市", "省", "区", "县", "州")


def _level_reference(name: str) -> bool:
    head = _HEAD.search(name)
    return head is not None and level_reference(name[: head.start()])


LEVEL_REFERENCE = rule(
    "entity.level_reference",
    "entity",
    predicate=_level_reference,
    matches=("市科知局", "省科技厅", "区政务服务中心"),
    misses=("市场监管局", "区块链研究院", "三明市科技局"),
    why="a bare level before a body (市科技局) refers to the city's body named elsewhere: no name",
)


def _described(name: str) -> bool:
    head = _HEAD.search(name)
    return head is not None and described(name[: head.start()], head.group(0))


DESCRIBED = rule(
    "entity.described_kind",
    "entity",
    predicate=_described,
    matches=(
        "科技保险公司",
        "智能电动汽车公司",
        "高科技园区",
        "行业协会",
        "金融科技公司",
        "江南世界领先科技园区",
    ),
    misses=(
        "宁波银行",
        "力神电池股份有限公司",
        "信阳高新区",
        "中国电子学会",
        "百度公司",
        "民乐生态工业园区",
        "国家药品监督管理局",
    ),
    why="words that only describe a kind of body (科技保险公司) name none: a name has a place or proper word",
)


def starts_with_glue(text: str) -> bool:
    """Whether the first word of ``text`` is a preposition, conjunction, particle or pronoun."""
    words = _words(text)
    return bool(words) and words[0][1] in GLUE_TAGS


def _glued(name: str) -> bool:
    head = _HEAD.search(name)
    return head is not None and glued_front(name[: head.start()], head.group(0)) > 0


GLUED_FRONT = rule(
    "entity.glued_front",
    "entity",
    predicate=_glued,
    matches=("支持苏州高新区", "来自江南大学", "按照该部", "区长王某率区政府", "同意上海紫竹高新区"),
    misses=("苏州高新区", "某某大学", "江苏省科技厅", "合肥新桥智能电动汽车产业园"),
    why="a verb, preposition, title or clause in front of a head word is no part of the name: cut it off",
)


ACTS_ON_KIND = rule(
    "entity.acts_on_kind",
    "entity",
    predicate=_glued,
    matches=("加强科技企业孵化器", "认定新都工业区", "全心全意开创高新区", "鼓励企业建立重点实验室"),
    misses=("深圳创新投资集团", "新都工业区", "江苏省生产力促进中心"),
    why="a verb with no name before it acts on what follows: cut it off, and drop a kind with no name",
)


def is_class(stem: str) -> bool:
    """The words before a head name a class or a plural, not one body: class words alone (全球),
    a count (56家), or a first word that picks out many (各地, 省级, 两地, 跨国, 区县（自治县）)."""
    stem = _BRACKETED.sub("", stem.strip())
    if (
        not stem
        or _CLASS.match(stem)
        or _COUNTED.search(stem)
        or _ORDINAL.search(stem)
        or _COUNTED_PLACES.search(stem)
    ):
        return True  # 中国首个跨省域高新区: one of a kind, said of a name printed elsewhere
    words = _words(stem)
    first = words[0] if words else ("", "")
    if first[1] == "r" and first[0][0] in DETERMINER_STARTS:
        return True
    if first[0] in CLASS_STEMS and first[0] not in NAME_SCOPES:
        return True
    return first[1] in ("m", "mq") and bool(re.search(r"[个家批所座类些]$", first[0]))


def only_acts(stem: str) -> bool:
    """The words before a head are only verbs and adverbs (坚持|政府, 充分激活|大学): an act
    on a kind of body, no body's name."""
    words = [(w, t) for w, t in _words(stem.strip()) if not _PUNCT.search(w)]
    return bool(words) and all(t.startswith(("v", "d", "ad")) and t != "vn" for _, t in words)


def _acts_only(name: str) -> bool:
    head = _HEAD.search(name)
    return head is not None and only_acts(name[: head.start()])


ONLY_ACTS = rule(
    "entity.only_acts",
    "entity",
    predicate=_acts_only,
    matches=("坚持政府", "坚决支持政府", "积极支持大学"),
    misses=("通威公司", "苏州高新区", "发展研究中心"),
    why="a verb or adverb alone before a head word names no body: 坚持政府引导 is an act, not a government",
)


def _a_class(name: str) -> bool:
    head = _HEAD.search(name)
    return head is not None and is_class(name[: head.start()])


CLASS_OR_PLURAL = rule(
    "entity.class_or_plural",
    "entity",
    predicate=_a_class,
    matches=(
        "全球科技园区",
        "各区县政府",
        "直辖市科技厅",
        "56家高新区",
        "国家级高新区",
        "首个跨省域高新区",
        "各市（州）人民政府",
        "两地政府",
        "省级高新区管委会",
        "中国首个跨省域高新区",
        "全区孵化器",
        "华东六省一市孵化器",
        "我市高新区",
        "民营孵化器",
    ),
    misses=("苏州高新区", "江苏省科技厅", "四季慧谷网络安全产业园"),
    why="a class (全球, 各, 国家级) or a count (56家) in front of a head names many bodies, not one",
)


def starts_inside_word(text: str, start: int, end: int) -> int:
    """Where a name found at [start, end) of ``text`` really starts: if a word of the text runs
    across ``start`` (国|家高新区, 同|济大学), the end of that word; else ``start``."""
    left = max(0, start - 6)
    window = text[left:end]
    cuts = _boundaries(window)
    at = start - left
    if at in cuts:
        return start
    return left + min((c for c in cuts if c > at), default=end - left)


def word_start(text: str, start: int, end: int) -> int:
    """The start of the word of ``text`` that runs across ``start`` (同|济大学 → 同济大学), or
    ``start`` when a word starts there."""
    left = max(0, start - 6)
    cuts = _boundaries(text[left:end])
    return left + max((c for c in cuts if c <= start - left), default=start - left)


def _marked(check, edge: str):
    """A table predicate over '<sentence> → <name>': whether ``check`` moves the name's ``edge``."""

    def predicate(example: str) -> bool:
        sentence, name = (part.strip() for part in example.split("→"))
        start = sentence.index(name)
        end = start + len(name)
        return check(sentence, start, end) != (start if edge == "start" else end)

    return predicate


CUT_FROM_LONGER = rule(
    "entity.cut_from_longer",
    "entity",
    predicate=_marked(starts_inside_word, "start"),
    matches=(
        "全省有两家国家高新区 → 家高新区",
        "他毕业于同济大学 → 济大学",
        "国务院同意上海紫竹高新区升级 → 意上海紫竹高新区",
    ),
    misses=(
        "全省有两家国家高新区 → 国家高新区",
        "他毕业于同济大学 → 同济大学",
        "市长考察长沙高新区 → 长沙高新区",
    ),
    why="a name starts where a word of the text starts: a span cut out of a longer word is a fragment",
)


def ends_inside_word(text: str, start: int, end: int) -> bool:
    """Whether a word of ``text`` runs across the end of the name at [start, end): 决策部|署,
    零部|件, 大学|生 — the head word is the start of a longer word, not a name's end."""
    window = text[start : end + 6]
    cuts = _boundaries(window)
    if (end - start) in cuts:
        return False
    # 局|局长, 清华大学|生物系: the rest of the crossing word is a word of its own (a title, a unit)
    rest = text[end : end + 6]
    first = min((c for c in _boundaries(rest) if c > 0), default=0)
    return first < 2


def _cut_at_end(example: str) -> bool:
    sentence, name = (part.strip() for part in example.split("→"))
    start = sentence.index(name)
    return ends_inside_word(sentence, start, start + len(name))


ENDS_INSIDE_WORD = rule(
    "entity.ends_inside_word",
    "entity",
    predicate=_cut_at_end,
    matches=(
        "会议研究了重大决策部署 → 重大决策部",
        "园区引进汽车零部件企业 → 汽车零部",
        "激发大学生创业热情 → 激发大学",
    ),
    misses=(
        "江南大学生命科学学院 → 江南大学",
        "市科技局局长出席 → 市科技局",
        "苏州高新区管委会发布 → 苏州高新区",
        "清华大学生物系教授 → 清华大学",
    ),
    why="a name ends where a word of the text ends: a head that begins a longer word (部署, 大学生) is none",
)


def common_word(name: str) -> bool:
    """A dictionary word that is not a person's name (明确, 高新, 余名), or one with 的 in it."""
    if "的" in name:
        return True
    tag = _tagger().word_tag_tab.get(name)
    return tag is not None and not tag.startswith(NAME_TAGS)


COMMON_WORD_PERSON = rule(
    "entity.common_word_person",
    "entity",
    predicate=common_word,
    matches=("明确", "高新", "余名", "某某的"),
    misses=("王力", "张志宏", "沈雯"),
    why="a common word after a title or before a speech verb is no person (会议明确…, 200余名代表)",
)


def titled(name: str) -> bool:
    """A surname or name with a title or honorific after it (魏教授, 某某女士): the title is no
    part of the name."""
    return name.endswith(NAME_TAILS)


PERSON_TITLE_TAIL = rule(
    "entity.person_title_tail",
    "entity",
    predicate=titled,
    matches=("魏教授", "米兰达女士", "张主任"),
    misses=("魏少军", "张志宏", "艾巴·伦德"),
    why="a title or honorific after a name is no part of it: 魏教授 is 魏 plus a title, 某某女士 is 某某",
)


def dateline(name: str) -> bool:
    """A news agency's dateline written like a foreign name (某某网·某地讯)."""
    parts = name.split("·")
    return len(parts) == 2 and (parts[0].endswith(DATELINE_MEDIA) or parts[1].endswith(DATELINE_ENDS))


DATELINE = rule(
    "entity.dateline",
    "entity",
    predicate=dateline,
    matches=("人民网·北京讯", "新华社·南京电"),
    misses=("艾巴·伦德", "内森·麦克纳利"),
    why="某某网·某地讯 opens a report: it names a medium and a place, no person",
)


def word_across(text: str, at: int) -> int:
    """The length of the word of ``text`` that runs across offset ``at`` (0 if a word starts there)."""
    left = max(0, at - 6)
    cuts = sorted(_boundaries(text[left : at + 6]))
    if at - left in cuts:
        return 0
    before = max(c for c in cuts if c < at - left)
    return min((c for c in cuts if c > at - left), default=len(text[left : at + 6])) - before


def person_cut_from_text(text: str, start: int, end: int) -> bool:
    """A person's name cut out of a longer word of the text: a word of three or more characters
    runs across its start (摩托罗|拉前主席). (Across its end a word proves less: jieba often joins
    a given name's last character to the word after it.)"""
    return word_across(text, start) >= 3


PERSON_CUT_FROM_TEXT = rule(
    "entity.person_cut_from_text",
    "entity",
    predicate=_marked(lambda t, s, e: e if person_cut_from_text(t, s, e) else s, "start"),
    matches=("诺基亚前总裁出席 → 基亚前", "摩托罗拉前主席表示 → 罗拉前"),
    misses=("副主任何年初座谈 → 何年初", "区长王力陪同考察 → 王力", "张旭波表示 → 张旭波"),
    why="a person's name starts where a word of the text starts, not inside a longer one",
)


# words that follow a subject but rarely end a given name (和, 与, 平 often do: 李建和, 王永平)
_AFTER_NAME_WORDS = frozenset("在也就还又都曾将已")


def name_then_function_word(text: str, start: int, end: int) -> bool:
    """A three-character candidate whose last character is a word of its own, a preposition or
    adverb that follows a subject (蔡奇|在|强调): the name is the two characters before it."""
    if end - start != 3:
        return False
    return text[start + 2] in _AFTER_NAME_WORDS and {2, 3} <= _boundaries(text[start : end + 4])


def _then_function_word(example: str) -> bool:
    return name_then_function_word(example, 0, 3)


NAME_THEN_FUNCTION_WORD = rule(
    "entity.name_then_function_word",
    "entity",
    predicate=_then_function_word,
    matches=("蔡明在强调推动", "王力也参加了"),
    misses=("刘在明表示", "李和平表示", "张向东表示", "李建和表示"),
    why="书记蔡明在强调…: 在 is a preposition of the sentence, not the last character of the name",
)


# 沪苏浙三省政府, 京津冀三地科委: one body per place
COORDINATED_PLACES = rule(
    "entity.coordinated_places",
    "entity",
    pattern=(
        f"([{''.join(PROVINCE_SHORT)}]{{2,6}})[两三四五六七八]?(?:省市|省|市|地)"
        r"(人民政府|政府|科技厅|科委|科技局|教育厅|发展改革委)"
    ),
    matches=("沪苏浙三省政府联合批复", "京津冀三地科委签署协议"),
    misses=("江苏省政府批复", "浙江三省联动"),
    why="a coordinated name of places names one body per place: 沪苏浙三省政府 is three governments",
)


_PROVINCE_NAMES = tuple(dict.fromkeys(PROVINCE_SHORT.values()))
_PLACE = r"[\u4e00-\u9fff]{2,3}"
LISTED_PLACES = rule(
    "entity.listed_places",
    "entity",
    pattern=(
        rf"((?:{_PLACE}[、和及与])+{_PLACE}?)[两三四五六七八]?(?:省市|省|市|地)"
        r"(人民政府|政府|科技厅|科委|科技局|教育厅|发展改革委)"
    ),
    matches=("上海、江苏、浙江三省政府同意更名", "北京、上海两地科委签署协议"),
    misses=("上海市政府同意更名", "江苏省科技厅发布通知"),
    why="provinces listed before one head name one body per province: 上海、江苏、浙江三省政府",
)


def _province(place: str) -> str:
    return next((name for name in _PROVINCE_NAMES if name.startswith(place)), "")


def coordinated(text: str) -> list[tuple[int, int, list[str]]]:
    """(start, end, names) of each coordinated name in ``text``: 沪苏浙三省政府 and
    上海、江苏、浙江三省政府 → the governments of 上海市, 江苏省 and 浙江省."""
    found = []
    for match in LISTED_PLACES.finditer(text):
        places = [p for p in re.split(r"[、和及与]", match.group(1)) if p]
        first = next((places[0][k:] for k in range(len(places[0]) - 1) if _province(places[0][k:])), "")
        provinces = [_province(place) for place in [first, *places[1:]]]  # 通报|上海、江苏…
        if len(provinces) < 2 or not all(provinces):
            continue
        head = "人民政府" if match.group(2) in ("政府", "人民政府") else match.group(2)
        start = match.start(1) + len(places[0]) - len(first)
        found.append((start, match.end(), [p + head for p in dict.fromkeys(provinces)]))
    for match in COORDINATED_PLACES.finditer(text):
        places = [PROVINCE_SHORT[ch] for ch in match.group(1)]
        if len(set(places)) < 2 or any(p.startswith(match.group(1)) for p in PROVINCE_SHORT.values()):
            continue  # 辽宁省政府 is one province, not 辽 and 宁
        head = "人民政府" if match.group(2) in ("政府", "人民政府") else match.group(2)
        found.append((match.start(), match.end(), [place + head for place in dict.fromkeys(places)]))
    return found


# ---------------------------------------------------------------- one key per park

_ZONE_FORM = re.compile(f"(?:{alternation(HIGH_TECH_ZONE_FORMS)})$")
_PROVINCE_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")


def province_forms(full_names: Iterable[str]) -> str:
    """An alternation of provinces with and without their suffix (江苏省, 江苏; 广西壮族自治区,
    广西), longest first."""
    forms = {form for full in full_names for form in (full, _PROVINCE_SUFFIX.sub("", full))}
    return "|".join(sorted(forms, key=len, reverse=True))


_PROVINCE_FIRST = re.compile(f"(?:{province_forms(_PROVINCE_NAMES)})")


def document_province(text: str) -> str:
    """The one province a document is about (安徽省…, 安徽日报 …), by how often it names each;
    empty when it names none, or several without one far ahead (three times the next)."""
    named = Counter(_province(m.group()) for m in _PROVINCE_FIRST.finditer(text))
    named.pop("", None)
    ranked = named.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < 3 * ranked[1][1]):
        return ""
    province = ranked[0][0]
    return province if province.endswith("省") or province.endswith("自治区") else ""


def park_key(name: str) -> str:
    """The one form of a high-tech zone's name, whichever form is printed: 信阳高新技术产业开发区,
    信阳国家高新技术产业开发区, 河南省信阳高新技术产业开发区 and 信阳高新区 are all 信阳高新区.
    Other names are themselves."""
    zone = _ZONE_FORM.search(name)
    if zone is None or zone.start() < 2:
        return name
    place = name[: zone.start()]
    province = _PROVINCE_FIRST.match(place)
    if province and zone.start() - province.end() >= 2:
        place = place[province.end() :]  # 甘肃省玉门高新技术产业开发区 is 玉门高新区
    if len(place) >= 3 and place.endswith("市"):
        place = place[:-1]  # 玉门市高新区 is 玉门高新区
    return place + "高新区"


def park_forms(name: str) -> tuple[str, ...]:
    """Every printed form of a high-tech zone's name (the name first), for the gazetteer."""
    key = park_key(name)
    if key == name and not _ZONE_FORM.search(name):
        return (name,)
    place = key[: -len("高新区")]
    zone = _ZONE_FORM.search(name)
    printed = name[: zone.start()] if zone else place  # 上海紫竹高新区 keeps 上海紫竹 as well as 紫竹
    cities = dict.fromkeys((printed, place, place + "市") if len(place) >= 2 else (printed, place))
    return tuple(dict.fromkeys((name, *(city + form for city in cities for form in HIGH_TECH_ZONE_FORMS))))


def _same_park(example: str) -> bool:
    first, second = (part.strip() for part in example.split("="))
    return park_key(first) == park_key(second)


PARK_FORMS = rule(
    "entity.park_forms",
    "entity",
    predicate=_same_park,
    matches=(
        "信阳高新技术产业开发区 = 信阳高新区",
        "信阳国家高新技术产业开发区 = 信阳高新区",
        "河南省信阳高新技术产业开发区 = 信阳高新区",
        "信阳市高新技术产业开发区 = 信阳高新区",
        "河南信阳高新区 = 信阳高新区",
    ),
    misses=("信阳高新区 = 南阳高新区", "信阳高新区 = 信阳经济技术开发区"),
    why="a zone's full, national and short forms are one park: one record, the other forms its aliases",
)


def organisation_forms(name: str) -> tuple[str, ...]:
    """A government's two printed forms (某某市人民政府, 某某市政府), the name first."""
    for full, short in (("人民政府", "政府"),):
        if name.endswith(full) and len(name) > len(full) + 1:
            return (name, name[: -len(full)] + short)
        if name.endswith(short) and not name.endswith(full) and len(name) > len(short) + 1:
            return (name, name[: -len(short)] + full)
    return (name,)


def _same_body(example: str) -> bool:
    first, second = (part.strip() for part in example.split("="))
    return second in organisation_forms(first)


GOVERNMENT_FORMS = rule(
    "entity.government_forms",
    "entity",
    predicate=_same_body,
    matches=("南阳市人民政府 = 南阳市政府", "南阳市政府 = 南阳市人民政府"),
    misses=("南阳市政府 = 南阳市科技局", "南阳市人民政府 = 信阳市政府"),
    why="a government is printed with and without 人民: one record, the other form its alias",
)


LISTED_PARKS = rule(
    "entity.listed_parks",
    "entity",
    pattern=(
        r"((?:(?:(?![区园、和及与等])[\u4e00-\u9fff]){2,4}[、和及与])+(?:(?![区园、和及与等])[\u4e00-\u9fff]){2,4})"
        r"等?(?:[0-9两一二三四五六七八九十]+[个家])?(?:新升级|新认定|新设立|新晋)?的?(?:省级|国家级|市级)?"
        f"({alternation(HIGH_TECH_ZONE_FORMS + ('经济技术开发区', '经济开发区'))})"
    ),
    matches=(
        "批复设立江岸、河西、北塘3个省级高新区",
        "同意江岸和河西高新技术产业开发区升级",
        "江岸、北塘、河西等8家新升级国家高新区的代表参会",
    ),
    misses=("批复设立江岸高新区", "江岸高新区和河西高新区", "江岸、河西等地的企业"),
    why="places listed before one zone head (江岸、河西3个省级高新区, …等8家新升级高新区) are one zone each",
)


def _whole_word(text: str, start: int, place: str) -> str:
    """The first listed place grown back to the start of the word it begins inside: the list's
    separators (和) may stand inside a place name (呼和浩特、本溪等高新区 lists 呼和浩特)."""
    before = text[max(0, start - 4) : start]
    at = 0
    for word, _ in _words(before + place):
        if at < len(before) < at + len(word):
            return (before + place)[at : len(before) + len(place)]
        at += len(word)
    return place


def listed_parks(text: str) -> list[tuple[int, int, list[str]]]:
    """(start, end, names) of zones listed before one head: 江岸、河西3个省级高新区 → 江岸高新区,
    河西高新区. The first place is cut to the length of the second (设立|江岸)."""
    found = []
    for match in LISTED_PARKS.finditer(text):
        places = [p for p in re.split(r"[、和及与]", match.group(1)) if p]
        if len(places) < 2 or any(is_class(p) or _HEAD.search(p) for p in places):
            continue  # 总体概况、国家高新区: 国家 is the class, so no list of places
        first = places[0][-len(places[1]) :]
        first = _whole_word(text, match.start(1) + len(places[0]) - len(first), first)
        if any(tag in GLUE_TAGS for _, tag in _words(first)):
            continue  # 干部以及延安高新区: a preposition in the first place, no list of places
        start = match.start(1) + len(places[0]) - len(first)
        head = "高新区" if match.group(2) in HIGH_TECH_ZONE_FORMS else match.group(2)
        found.append((start, match.end(), [place + head for place in [first, *places[1:]]]))
    return found
