"""Clean: decoded text in, tidy simplified Chinese out, with a map back to the raw text (step 2).

Every rule describes a pattern, never a string of a particular document. The stages run in
this order, each on the output of the one before, each keeping ``index`` (cleaned offset →
raw offset) right:

1. characters: line ends to ``\\n``, invisible format characters dropped, full-width digits,
   Latin letters and ASCII-like symbols (％＋－／…) to half-width. Chinese punctuation stays
   full-width (，。、：；！？（）《》“”).
2. pinyin annotations after an ideograph dropped: ``中關(guān)村`` → ``中關村``.
3. Traditional → Simplified with OpenCC ``tw2s``, whole, only for a document with more
   Traditional-only than Simplified-only characters; in a Simplified document only the
   stray Traditional characters change, so ``显著`` never becomes ``显着``.
4. spam: injected SEO fragments (gambling vocabulary glued to a brand-like Latin/digit token,
   or a short fragment boxed in by glyph runs), then the decorative glyph runs themselves
   (geometric shapes, miscellaneous symbols, dingbats, emoji), then a ``%`` glued to an
   ideograph with no number before it.
5. spaces: runs collapsed; a space between an ideograph and a digit dropped (``4 月 25 日``).
6. PDF bold text de-doubled: a line holding a doubled phrase of three or more characters is
   a bold line and every adjacent repeat in it is halved (``““把脉问诊把脉问诊””`` →
   ``“把脉问诊”``); elsewhere runs of three or more doubled ideographs (``国国家家高高``).
7. ASCII ``, ; : ! ?`` after an ideograph become Chinese punctuation.
8. lines: page furniture recognised line by line (mastheads, issue and page lines, staff,
   subscription, contact and navigation lines, ``【打印】【关闭】`` buttons, photo credits,
   notices), and a web page's metadata lines (``来源：… 发布时间：… 作者：… 浏览次数：…``, a date
   stamp with a clock or a view count, a date set over lines, a print-edition line
   ``《…报》（2023年5月6日 第4版）``); hard-wrapped lines joined into paragraphs (one per
   ``\\n``) when the line is full for its block or a sentence plainly runs on, never across
   furniture, headings, datelines or list items.
9. parentheses: a pair enclosing any ideograph is full-width ``（…）``, a pair enclosing only
   Latin letters, digits and signs is ASCII ``(…)``: ``中关村（海淀）``, ``(IASP)``,
   ``（2024—2027年）``. One rule, so names compare equal whichever form a source used.

Furniture stays in the text (the metadata stage reads mastheads and metadata lines) and is
listed in ``Cleaned.furniture`` so the splitter can skip it; ``Cleaned.masked()`` blanks it out
for the stages that must not read it (dates, entities, events).
"""

from __future__ import annotations

import difflib
import re
from array import array
from dataclasses import dataclass
from functools import lru_cache

from timeline.ingest.types import Span

__all__ = ["Cleaned", "clean", "metadata_fields"]

_NOT_BREAK = re.compile(r"[^\n]")
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
_HAN_CHAR = re.compile(f"[{HAN}]")


@dataclass
class Cleaned:
    text: str  # cleaned text; paragraphs separated by "\n"
    index: array  # index[i] = offset in raw of text[i] (array("i"): 4 bytes each); one extra entry: len(raw)
    furniture: list[Span]  # stretches of text that are page furniture (cleaned offsets)

    def masked(self) -> str:
        """The text with its furniture blanked out: same length and line breaks, so offsets
        still point into ``text``, but a metadata line's date, source or 发布 is no body text."""
        parts, last = [], 0  # spliced: a list of every character costs ~70 bytes a character
        for span in sorted(self.furniture, key=lambda f: f.start):
            start = max(span.start, last)
            if start < span.end:
                parts += [self.text[last:start], _NOT_BREAK.sub(" ", self.text[start : span.end])]
                last = span.end
        parts.append(self.text[last:])
        return "".join(parts)


def clean(raw: str) -> Cleaned:
    """Clean one decoded document. Never raises on odd input: the worst case is empty text."""
    text, index = _normalise_characters(raw)
    text, index = _remove_pinyin(text, index)
    text, index = _to_simplified(text, index)
    text, index = _remove_spam(text, index)
    text, index = _tidy_spaces(text, index)
    text, index = _undouble(text, index)
    text = _chinese_punctuation(text)
    text, index, furniture = _paragraphs(text, index)
    text = _normalise_parentheses(text)
    return Cleaned(text, index + array("i", [len(raw)]), furniture)


# --- editing with an offset map -----------------------------------------------------------


def _edit(text: str, index: list[int], edits) -> tuple[str, list[int]]:
    """Apply sorted, non-overlapping (start, end, replacement) edits, carrying the map along.

    A replacement of the same length keeps the map char for char; otherwise every new
    character points at the first raw character it replaces (or, for an insertion, at the
    character after it).
    """
    parts: list[str] = []
    new_index = array("i")  # 4 bytes an offset: a list of ints costs ~36 and a 50 MB file has 17 M
    position = 0
    for start, end, replacement in edits:
        if start < position:  # overlapping edit: the earlier one wins
            continue
        parts.append(text[position:start])
        new_index.extend(index[position:start])
        if replacement:
            parts.append(replacement)
            if len(replacement) == end - start:
                new_index.extend(index[start:end])
            else:
                anchor = index[start] if start < len(index) else (index[-1] + 1 if index else 0)
                new_index.extend([anchor] * len(replacement))
        position = end
    if not parts:
        return text, index
    parts.append(text[position:])
    new_index.extend(index[position:])
    return "".join(parts), new_index


def _deletions(pattern: re.Pattern[str], text: str, group: int = 0):
    for match in pattern.finditer(text):
        if match.end(group) > match.start(group):
            yield match.start(group), match.end(group), ""


# --- 1. characters --------------------------------------------------------------------------

# Chinese punctuation that keeps its full-width form; the rest of U+FF01–FF5E is ASCII in disguise.
_KEEP_FULL_WIDTH = "！（），：；？"


def _character_table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F) if chr(code) not in _KEEP_FULL_WIDTH}
    table.update({ord(ch): " " for ch in "\t\v\u00a0\u2002\u2003\u2009\u3000\u202f\u205f"})
    table.update({ord(ch): "\n" for ch in "\f\r\u2028\u2029\x85"})
    return table


_CHARACTERS = _character_table()
_MAPPED = re.compile("[" + re.escape("".join(chr(code) for code in _CHARACTERS)) + "]")
_INVISIBLE = re.compile("\r(?=\n)|[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad\ufe0e\ufe0f]")


def _normalise_characters(raw: str) -> tuple[str, list[int]]:
    text, index = _edit(raw, array("i", range(len(raw))), _deletions(_INVISIBLE, raw))
    # A regex finds the few characters to map faster than str.translate walks them all.
    return _MAPPED.sub(lambda m: _CHARACTERS[ord(m.group())], text), index


# --- 2. pinyin annotations ------------------------------------------------------------------

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêḿńňǹ"
_UNTONE = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêḿńňǹ", "aaaaeeeeiiiioooouuuuvvvvvemnnn")
_SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|[zcs]h)?"
    r"(?:i(?:ang|ong|ng|an|ao|a|e|u|n)?|u(?:ang|eng|ai|an|a|o|i|n|e)?|v(?:an|e|n)?"
    r"|a(?:ng|i|o|n)?|o(?:ng|u)?|e(?:ng|i|n|r)?)"
)
_PINYIN = re.compile(rf"[(（][ \t]*([a-z{_TONED}]+(?:[ \t]+[a-z{_TONED}]+)*)[ \t]*[)）]")


def _is_pinyin(annotation: str) -> bool:
    return all(_SYLLABLE.fullmatch(word.translate(_UNTONE)) for word in annotation.split())


def _remove_pinyin(text: str, index: list[int]) -> tuple[str, list[int]]:
    """Drop ``(guān)`` after an ideograph. Without tone marks a syllable only counts as pinyin
    when the document annotates more than once: ``银行(bank)`` or a lone ``(man)`` stays."""
    found = [
        m
        for m in _PINYIN.finditer(text)
        if m.start() and _HAN_CHAR.match(text, m.start() - 1) and _is_pinyin(m.group(1))
    ]
    toned = [m for m in found if any(ch in _TONED for ch in m.group(1))]
    if len(found) < 2:
        found = toned
    return _edit(text, index, ((m.start(), m.end(), "") for m in found))


# --- 3. Traditional to Simplified -----------------------------------------------------------


@lru_cache(maxsize=1)
def _converter():
    import opencc

    try:
        return opencc.OpenCC("tw2s")
    except Exception:  # older packagings want the file name
        return opencc.OpenCC("tw2s.json")


@lru_cache(maxsize=2)
def _script_only(config: str) -> re.Pattern[str]:
    """Ideographs that belong to one script: those OpenCC's ``config`` changes, taking only
    GB2312 characters for Simplified ("s2t") and only characters outside it for Traditional
    ("tw2s"). 著 and 乾 are in GB2312: standard Simplified that ``tw2s`` would rewrite."""
    import opencc

    han = "".join(
        chr(code) for code in [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00)]
    )
    converted = opencc.OpenCC(config).convert("\n".join(han)).split("\n")
    chars = [
        before
        for before, after in zip(han, converted, strict=False)
        if before != after and _in_gb2312(before) == (config == "s2t")
    ]
    return re.compile("[" + "".join(chars) + "]")


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _to_simplified(text: str, index: list[int]) -> tuple[str, list[int]]:
    traditional = [m.start() for m in _script_only("tw2s").finditer(text)]
    if not traditional:
        return text, index
    if len(traditional) <= sum(1 for _ in _script_only("s2t").finditer(text)):
        # A Simplified text quoting a few Traditional characters: change only those (spliced,
        # not via a list of every character, which costs ~70 bytes a character)
        converter = _converter()
        parts, last = [], 0
        for i in traditional:
            simplified = converter.convert(text[i])
            if len(simplified) == 1:
                parts += [text[last:i], simplified]
                last = i + 1
        parts.append(text[last:])
        return "".join(parts), index
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted, index
    return _to_simplified_by_line(text, index)


def _to_simplified_by_line(text: str, index: list[int]) -> tuple[str, list[int]]:
    """OpenCC changed the length somewhere: convert line by line, aligning changed lines."""
    converter = _converter()
    edits = []
    position = 0
    for line in text.split("\n"):
        new = converter.convert(line)
        if new != line:
            matcher = difflib.SequenceMatcher(None, line, new, autojunk=False)
            for tag, a0, a1, b0, b1 in matcher.get_opcodes():
                if tag != "equal":
                    edits.append((position + a0, position + a1, new[b0:b1]))
        position += len(line) + 1
    return _edit(text, index, edits)


# --- 4. spam ----------------------------------------------------------------------------------

# Decorative glyphs: geometric shapes, miscellaneous symbols, dingbats, symbols and arrows
# supplement, emoji. Not ○◯ (a zero in 二○二四), not letterlike ℃, not ·, %, → or ※.
_GLYPH = "\u25a0-\u25ca\u25cc-\u25ee\u25f0-\u25ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_GLYPH_RUN = re.compile(f"[{_GLYPH}](?:[ \t]*[{_GLYPH}])*")

# Vocabulary classes of gambling/SEO injections: what is offered, and the way in.
_GAMBLING = r"(?:体育|娱乐|彩票|棋牌|电竞|真人|博彩|赌场|百家乐|捕鱼|电子游戏|casino|bet)"
_ACCESS = r"(?:官方网站|官网|登录|登陆|入口|网址|下载|注册|网页版|手机版|客户端|app|APP|App)"
_BOUNDARY = rf"(?=[\s{_GLYPH}，。、；：！？,.;:!?…”’）)\]】]|$)"
_BRAND_TOKEN = r"(?:[a-z]+\d+[a-z\d]*|\d+[a-z]+[a-z\d]*)"  # lowercase letters mixed with digits: k8, 9y
_SEO = re.compile(
    rf"(?:"
    rf"{_BRAND_TOKEN}(?:官方)?(?:{_GAMBLING}(?:{_ACCESS}|平台)*|(?:{_ACCESS})+)"  # 凯发k8体育登录
    rf"|[A-Za-z]{{2,12}}{_GAMBLING}(?:{_ACCESS})+"  # brand in letters + 体育 + 官网
    rf"|{_GAMBLING}(?:官方)?(?:{_ACCESS})+"  # brand in ideographs + 体育官网入口
    rf"){_BOUNDARY}"
)
_SPAM_VOCABULARY = re.compile(f"{_GAMBLING}|{_ACCESS}|{_BRAND_TOKEN}")
_SEO_REACH = 40  # characters around a vocabulary hit that an injection can span
_BRAND_HAN = 2  # ideographs of a brand name written before its Latin part or 体育 (凯发, 开云)
# A short fragment boxed in by glyph runs that names a way in: ■★官网入口◆.
_BOXED = re.compile(rf"[^\s{_GLYPH}，。；！？]{{1,14}}")
_BOXED_SPAM = re.compile(rf"{_ACCESS}|{_GAMBLING}|{_BRAND_TOKEN}")
_STRAY_PERCENT = re.compile(rf"(?<=[{HAN}])%+(?=[ \t]*(?:[，。、；：！？,.;:!?…”’）)\n]|$))")
_ZERO_LIKE = "○◯"
_CHINESE_NUMERAL = "〇○◯零一二三四五六七八九十"


def _remove_spam(text: str, index: list[int]) -> tuple[str, list[int]]:
    edits = [(_brand_start(text, start), end, "") for start, end in _seo_injections(text)]
    runs = list(_GLYPH_RUN.finditer(text))
    for before, after in zip(runs, runs[1:], strict=False):
        boxed = _BOXED.fullmatch(text, before.end(), after.start())
        if boxed and _BOXED_SPAM.search(boxed.group()):
            edits.append((boxed.start(), boxed.end(), ""))
    edits.sort()
    text, index = _edit(text, index, edits)
    text, index = _edit(text, index, _glyph_deletions(text))
    return _edit(text, index, _deletions(_STRAY_PERCENT, text))


def _seo_injections(text: str) -> list[tuple[int, int]]:
    """Spans of ``_SEO`` matches, looked for only around the vocabulary that they must contain."""
    found: set[tuple[int, int]] = set()
    searched_to = 0
    for hit in _SPAM_VOCABULARY.finditer(text):
        # An injection holds no whitespace: search from a little before the hit to the line's end.
        start = max(hit.start() - _SEO_REACH, searched_to)
        end = text.find("\n", hit.end())
        found.update(m.span() for m in _SEO.finditer(text, start, len(text) if end < 0 else end))
        searched_to = max(searched_to, hit.start())
    return sorted(found)


def _brand_start(text: str, start: int) -> int:
    """Extend an injection back over the ideographs of its brand name, never past a glyph."""
    for _ in range(_BRAND_HAN):
        if start and _HAN_CHAR.match(text, start - 1):
            start -= 1
    return start


def _glyph_deletions(text: str):
    for match in _GLYPH_RUN.finditer(text):
        run = match.group()
        if run in _ZERO_LIKE:  # 二○二四: a zero written with a circle
            before = text[match.start() - 1 : match.start()]
            after = text[match.end() : match.end() + 1]
            if (before and before in _CHINESE_NUMERAL) or (after and after in _CHINESE_NUMERAL):
                continue
        yield match.start(), match.end(), ""


# --- 5. spaces ------------------------------------------------------------------------------

_SPACES = re.compile("[ ]+")
_DIGIT = re.compile(r"\d")


def _tidy_spaces(text: str, index: list[int]) -> tuple[str, list[int]]:
    return _edit(text, index, _space_edits(text))


def _space_edits(text: str):
    for match in _SPACES.finditer(text):
        start, end = match.span()
        if end - start > 1:
            yield start + 1, end, ""
        elif 0 < start and end < len(text):
            han_digit = _HAN_CHAR.match(text, start - 1) and _DIGIT.match(text, end)
            digit_han = _DIGIT.match(text, start - 1) and _HAN_CHAR.match(text, end)
            if han_digit or digit_han:
                yield start, end, ""


# --- 6. doubled characters from PDF bold text -----------------------------------------------

# Phrases that PDF bold text doubles: ideographs and quotes, not enumerations (具体行业、具体产业).
_PHRASE_CHARS = f"{HAN}“”‘’《》「」"
_DOUBLED_PHRASE = re.compile(rf"([{_PHRASE_CHARS}]{{3,40}}?)\1")
_DOUBLED_SHORT_PHRASE = re.compile(rf"([{_PHRASE_CHARS}]{{3,12}}?)\1")  # in body text
_ANY_REPEAT = re.compile(r"([^\s\d]+?)\1")
_DOUBLED_CHARS = re.compile(rf"(?:([{HAN}])\1){{3,}}")
_BOLD_LINE = 120  # characters: headlines and captions; bold body text doubles char by char
_BOLD_SHARE = 0.25  # of a line that halving every repeat removes, for it to be a bold line


def _undouble(text: str, index: list[int]) -> tuple[str, list[int]]:
    edits = []
    position = 0
    for line in text.split("\n"):
        edits.extend(_bold_line_edits(line, position) or _doubled_edits(line, position))
        position += len(line) + 1
    return _edit(text, index, edits)


def _bold_line_edits(line: str, offset: int) -> list[tuple[int, int, str]]:
    """Halve every repeat in a headline-length line that holds a doubled phrase of 3+ characters
    and loses a good share to halving: ``““把脉问诊把脉问诊””鄂尔鄂尔多斯…``."""
    if len(line) > _BOLD_LINE or len(set(map(str.__add__, line, line[1:]))) == len(line) - 1:
        return []  # too long, or no two-character sequence occurs twice
    if not any(len(set(m.group(1))) > 1 for m in _DOUBLED_PHRASE.finditer(line)):
        return []
    edits = [(offset + m.end(1), offset + m.end(), "") for m in _ANY_REPEAT.finditer(line)]
    if sum(end - start for start, end, _ in edits) < _BOLD_SHARE * len(line):
        return []
    return edits


def _doubled_edits(line: str, offset: int):
    """A phrase of 3+ characters repeated in place (not 哈哈哈哈哈哈), and 国国家家高高 runs."""
    for match in _DOUBLED_SHORT_PHRASE.finditer(line):
        if len(set(match.group(1))) > 1:
            yield offset + match.end(1), offset + match.end(), ""
    for match in _DOUBLED_CHARS.finditer(line):
        if len(set(match.group())) == 1:
            continue  # 哈哈哈哈哈哈
        for k in range(match.start() + 1, match.end(), 2):
            yield offset + k, offset + k + 1, ""


# --- 7. Chinese punctuation -----------------------------------------------------------------

_ASCII_PUNCTUATION = re.compile(r"[,;:!?](?!//)")
_CHINESE_BEFORE = re.compile(f"[{HAN}”’）》」』%]")
_TO_CHINESE = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}


def _chinese_punctuation(text: str) -> str:
    """``辛国斌,北京`` → ``辛国斌，北京``: same length, so the map is untouched."""

    def replace(match: re.Match[str]) -> str:
        start = match.start()
        return (
            _TO_CHINESE[match.group()] if start and _CHINESE_BEFORE.match(text, start - 1) else match.group()
        )

    return _ASCII_PUNCTUATION.sub(replace, text)


# --- 8. lines: furniture and hard wraps ------------------------------------------------------

# A full date in digits, or in Chinese numerals as under a notice (二〇一七年十月九日).
_DATE = (
    r"(?:\d{4}年\d{1,2}月\d{1,2}日"
    r"|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
)
_WEEKDAY = r"(?:\s*(?:星期|周|礼拜)[一二三四五六日天])?"
_ISSUE = r"(?:\d{4}年)?第\d+期(?:\s*[（(]总第\d+期[）)])?"
# Whole lines that are page furniture, one alternative per kind.
_FURNITURE_LINE = re.compile(
    "|".join(
        (
            rf"{_DATE}{_WEEKDAY}(?:\s*农历.{{2,12}})?",  # masthead date
            rf"{_ISSUE}(?:\s*{_DATE}{_WEEKDAY})?|(?:总第\d+期)",  # issue line
            r"(?:第[\d一二三四五六七八九十]+版|[A-H]?\d{1,2}版|[A-H]\d{1,2}|[上下]?[转接]第?\d+版)"
            r"(?:\s+[^\s，。]{1,12})?",  # page label, jump line
            r"(?:本期|今日)?导读",
            r"(?:(?:责任|值班|本版)?编辑|(?:本版|执行)?主编|责编|组版|校对|美编|版式(?:设计)?|排版|制作|审核|审校"
            r"|签发|[初复终]审)\s*[:：].*",
            r"(?:编辑部|社|发行部)?(?:地址|社址|邮编|邮政编码|电\s*话|传\s*真|网\s*址|邮箱|电子邮箱|E-?mail"
            r"|投稿邮箱|联系电话|联系人)\s*[:：].*",  # contact block
            r"<?(?:https?://|www\.)\S+>?",
            r"(?:首页|主页)\s*[>›»/].*|(?:当前|您的|你的)位置\s*[:：].*|[上下]一(?:篇|条|页)\s*[:：]?.*"
            r"|分享到\s*[:：]?.*|扫一扫.*|返回(?:顶部|首页)|打印本页|关闭窗口|【?字[体号]\s*[:：]?.*"
            r"|(?:[【\[]\s*[^【】\[\]\s]{1,6}\s*[】\]]\s*){2,}",  # the reader's buttons: 【打印】【关闭】
            r"(?:来源|稿源|出处|本文来源)\s*[:：][^。！？]{1,80}",
            r"(?:重要|紧急|休刊|征稿|更正)?启事",
        )
    )
)
# Lines that are furniture when short, wherever the keyword stands.
_FURNITURE_WORD = re.compile(
    r"邮发代号|统一刊号|国际标准刊号|ISSN\s?\d|CN\s?\d{2}\s*[-—]\s*\d{3,4}"
    r"|欢迎订阅|订阅(?:热线|电话|方式|价格)|征订|(?:全年|每份|零售|每月)(?:定价|价)|^定价"
    r"|^广告|广告(?:热线|经营|许可|部|联系|招商|刊登)|热线\s*[:：]|热线$"
    r"|微信公众号|官方微博|扫码关注|关注我们|扫描二维码|二维码$|版权所有|ICP[备证]|公网安备"
)
# The labels of a government page's information box (索引号：… 发文机关：… 成文日期：…): a line
# with two of them is the box, whose dates are the notice's, not events of the text.
_INFOBOX_LABEL = re.compile(
    r"(索\s*引\s*号|主题分类|主\s*题\s*词|发文机关|成文日期|发文字号|发布日期|标\s*题|文\s*号|信息分类"
    r"|信息来源|来\s*源|点\s*击(?:数|量|次数)?|浏览(?:次数|量)?)\s*[:：]"
)
_SPONSOR_LINE = re.compile(r"[^\s，。]{2,16}(?:主管|主办|出版)")
_NOTICE = 120  # characters: a notice to readers is a sentence or two
_NOTICE_BODY = re.compile(r"休刊|敬告读者|特此(?:敬告|告知|公告|声明|通知)")
_NAMES = rf"[{HAN}·]{{2,5}}(?:\s+[{HAN}·]{{2,5}}){{0,3}}"
_REPORTER = r"(?:新华社|中新社|本报|本刊)?(?:特约)?(?:记者|通讯员)"
# 新华社记者 李华/摄, 王明 摄, （图/李华）: a reporter's title or a separator, so 如下图 is no credit.
_PHOTO_CREDIT = re.compile(
    rf"(?:^|(?<=[\s。！？”]))[（(]?"
    rf"(?:(?:{_REPORTER}\s*{_NAMES}\s*/?\s*|{_NAMES}\s*[/\s]\s*)(?:摄影?|图)|(?:图片?|摄影)\s*[/:：]\s*{_NAMES})"
    rf"[）)]?$"
)
_BYLINE = re.compile(r"(?:本报|本刊|新华社|特约)?(?:记者|通讯员)[^，。]{0,24}(?:报道|采写|撰稿|整理|编译)")
_CLOSING_NOTE = re.compile(r"(?:^|[。！？!?”])\s*[（(][^（()）]*[）)]$")
_CREDIT_TAIL = 40  # characters at a line's end where a photo credit can stand
_SENTENCE_MARK = re.compile("[，。；！？,;!?]")
_FINAL = "。！？!?…"
_CLOSERS = "”’」』）)》"
_RUNS_ON = "，、；：,;:（(“‘《「『—-"
_STARTS_ON = "，。、；：！？,.;:!?）)》”’」』"
_NEW_PARAGRAPH = re.compile(
    r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]\s|【|——|第[一二三四五六七八九十\d]+[章节条]"
    r"|本报讯|本刊讯|本报记者|本报通讯员|新华社|中新社|据.{0,12}(?:报道|消息)|（?记者)"
    # a sentence that opens with its date (4月27日，… / 2023年5月8日上午，…) starts a paragraph
    r"|(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下中]午|晚|晚间|早上)?[，,]"
)
_HEADING_START = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|——|【")
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile("[。！？]")
_MASTHEAD = re.compile(rf"{_DATE}{_WEEKDAY}|{_ISSUE}.*")

# A web page's metadata line: "label：value" fields, maybe after a date stamp. A label stands at
# the start of the line or after a separator, never glued to an ideograph (会议时间 is no label).
_FIELD_LABEL = re.compile(
    rf"(?<![{HAN}])(?P<label>"
    r"(?:信息|文章|新闻|稿件|本文|内容|图片|消息|文字)?(?:来源|出处)|稿源|供稿(?:单位)?"
    r"|(?:发布|发表|发稿|刊发|出版|上传|录入|更新|修改)?(?:时间|日期)|发布(?:者|人|单位|机构)"
    r"|作者|撰稿|撰文|(?:责任|值班)?编辑|责编|审核"
    r"|(?:点击|浏览|阅读|访问)(?:次数|量|数|率)?|人气|字号|字体"
    r")\s*[:：]"
)
_CLOCK = r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?"
_ISO_DATE = r"(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])"
_MONTH_DAY = rf"(?:0?[1-9]|1[0-2])[-/](?:0?[1-9]|[12]\d|3[01])(?:\s*{_CLOCK})?"
_STAMP_RE = re.compile(rf"(?:{_ISO_DATE}|{_DATE})(?:\s*{_CLOCK})?")
_ISO_STAMP_RE = re.compile(rf"{_ISO_DATE}(?:\s*{_CLOCK})?")
# 中央政府门户网站 www.gov.cn 2011年07月08日: the site's name and address before the stamp
_SITE_STAMP_RE = re.compile(
    rf"(?:[{HAN}A-Za-z]{{1,14}}(?:网|网站|在线)\s*)?(?:(?:https?://)?www\.[\w.-]+\s+)?(?P<stamp>{_STAMP_RE.pattern})"
)
_BULLETS = "•·-*>|｜丨 "
_SEPARATORS = " |｜丨/•·"
_FIELD_VALUE = 40  # characters: a source, a name, a time or a count, not a sentence
_FIELD_STOP = re.compile("[。！？；：]")  # a sentence, or a label this reader does not know
_METADATA_WIDTH = 200  # display width: a line of several fields, not a paragraph
_READER_CONTROLS = ("字号", "字体")
# Whole lines that are metadata without labels.
_METADATA_LINE = re.compile(
    "|".join(
        (
            # a date stamp with a clock, a weekday or a view count (2024-05-06 10:20 1234)
            rf"{_ISO_DATE}(?:\s*{_CLOCK})?{_WEEKDAY}(?:\s+\d{{1,9}})?",
            rf"{_DATE}\s*{_CLOCK}{_WEEKDAY}(?:\s+\d{{1,9}})?|{_DATE}{_WEEKDAY}\s+\d{{1,9}}",
            # a print-edition line: 《某某日报》（2024年5月6日 第04版）
            rf"《[^《》]{{2,16}}》\s*[（(]\s*{_DATE}\s*(?:第?\s*[A-Z]?\d{{1,3}}\s*版)?\s*[）)]",
            _CLOCK,  # the parts of a date set over lines (2024 / 05/06 / 10:20)
            _MONTH_DAY,
        )
    )
)
_YEAR_LINE = re.compile(r"(?:19|20)\d{2}年?")
_MONTH_DAY_LINE = re.compile(_MONTH_DAY)
_SHORT = 40  # display width (an ideograph counts 2) under which a line can be a label
_NEIGHBOURS = 4  # lines each side that set a block's typical width
_FULL = 0.8  # a line this close to its block's typical width was wrapped (first lines are indented)


@dataclass
class _Line:
    start: int  # offsets of the stripped content in the working text
    end: int
    content: str
    width: int
    furniture: bool = False
    metadata: bool = False  # a web page's metadata line: furniture that makes no masthead around it


def _width(text: str) -> int:
    """Display width: an ideograph is two columns, ASCII one (UTF-8 lengths 3 and 1)."""
    return (len(text) + len(text.encode("utf-8"))) // 2


def _lines(text: str) -> list[_Line]:
    lines = []
    for match in _LINE.finditer(text):
        content = match.group().strip()
        if content:
            start = match.start() + (len(match.group()) - len(match.group().lstrip()))
            line = _Line(start, start + len(content), content, _width(content))
            line.metadata = _is_metadata_line(content, line.width)
            line.furniture = line.metadata or _is_furniture_line(content, line.width)
            lines.append(line)
    for line, after in zip(lines, lines[1:], strict=False):
        # A year on a line of its own is the first part of a date set over lines.
        if _YEAR_LINE.fullmatch(line.content) and _MONTH_DAY_LINE.fullmatch(after.content):
            line.furniture = line.metadata = True
    return lines


def metadata_fields(line: str) -> list[tuple[str, str]] | None:
    """The ``(label, value)`` fields of a web page's metadata line, a date stamp before the first
    label coming as the label ``""``; None for any other line.

    ``信息来源：某某厅 发布日期：2024-05-06 浏览量：12`` and ``2024年05月06日 10:20 | 来源：某某社``
    are metadata lines; ``来源：据统计，…。`` (a sentence) and ``会议时间：…  地点：…`` (a notice's
    details) are not. A lone bare 时间/日期 field counts only with a machine-like stamp.
    """
    line = line.strip().lstrip(_BULLETS)
    labels = list(_FIELD_LABEL.finditer(line))
    if not labels or _width(line) > _METADATA_WIDTH:
        return None
    fields = []
    head = line[: labels[0].start()].strip(_SEPARATORS)
    if head:
        stamp = _SITE_STAMP_RE.fullmatch(head)
        if not stamp:
            return None
        fields.append(("", stamp.group("stamp")))
    for label, after in zip(labels, [*labels[1:], None], strict=True):
        value = line[label.end() : after.start() if after else len(line)].strip(_SEPARATORS)
        if len(value) > _FIELD_VALUE or _FIELD_STOP.search(value):
            return None
        fields.append((re.sub(r"\s+", "", label.group("label")), value))
    if len(fields) == 1 and fields[0][0] in ("时间", "日期") and not _ISO_STAMP_RE.fullmatch(fields[0][1]):
        return None
    return fields


def _is_metadata_line(content: str, width: int) -> bool:
    if width > _METADATA_WIDTH:
        return False
    if _METADATA_LINE.fullmatch(content):
        return True
    fields = metadata_fields(content)
    # 字号：大 中 小 alone is one of the reader's controls: page furniture like the buttons.
    return bool(fields) and not all(label in _READER_CONTROLS for label, _ in fields)


def _is_furniture_line(content: str, width: int) -> bool:
    if _FURNITURE_LINE.fullmatch(content):
        return True
    if len(set(_INFOBOX_LABEL.findall(content))) >= 2:
        return True  # a government page's information box, however long its 标题 field
    if width <= 2 * _SHORT and not _SENTENCE_END.search(content) and _FURNITURE_WORD.search(content):
        return True
    return width <= _SHORT and bool(_SPONSOR_LINE.fullmatch(content) or _PHOTO_CREDIT.fullmatch(content))


def _paragraphs(text: str, index: list[int]) -> tuple[str, list[int], list[Span]]:
    lines = _lines(text)
    typical = _typical_widths(lines)
    groups: list[list[_Line]] = []
    for i, line in enumerate(lines):
        if groups and _continues(groups[-1], line, typical[i - 1]):
            groups[-1].append(line)
        else:
            groups.append([line])
    groups = [part for group in groups for part in _split_headline_chains(group)]
    furniture = _paragraph_furniture(groups)
    return _assemble(text, index, groups, furniture)


def _typical_widths(lines: list[_Line]) -> list[float]:
    """For each line, the width most of the text around it is set in: its block's column width.

    A median weighted by width, so a few headings between long paragraphs do not make the
    paragraphs' block look narrow.
    """
    body = [i for i, line in enumerate(lines) if not line.furniture]
    position = {line_index: k for k, line_index in enumerate(body)}
    typical = []
    for i in range(len(lines)):
        k = position.get(i)
        if k is None:
            typical.append(float("inf"))
            continue
        around = body[max(0, k - _NEIGHBOURS) : k] + body[k + 1 : k + 1 + _NEIGHBOURS]
        typical.append(_weighted_median([lines[j].width for j in around]) if around else float("inf"))
    return typical


def _weighted_median(widths: list[int]) -> float:
    half = sum(widths) / 2
    total = 0
    for width in sorted(widths):
        total += width
        if total >= half:
            return width
    return float("inf")


def _continues(group: list[_Line], line: _Line, typical: float) -> bool:
    """Whether ``line`` carries on the paragraph whose last line is ``group[-1]``."""
    last = group[-1]
    if last.furniture or line.furniture or _NEW_PARAGRAPH.match(line.content):
        return False
    if line.content[0] in _STARTS_ON:
        return True
    end = last.content[-1]
    if end in _FINAL or (end in _CLOSERS and len(last.content) > 1 and last.content[-2] in _FINAL):
        return False
    if len(group) == 1 and _HEADING_START.match(last.content) and end not in _RUNS_ON:
        return False  # 一、…, 【…】, ——… headings
    if end in _RUNS_ON:
        return True
    if _PHOTO_CREDIT.search(last.content[-_CREDIT_TAIL:]) or _BYLINE.fullmatch(last.content):
        return False
    if _CLOSING_NOTE.search(last.content):  # 。（记者 …） or a line that is all （供稿：…）
        return False
    # Full for its column. In a narrow column the next line counts too: a sidebar of three
    # lines has no median of its own.
    column = min(typical, line.width) if typical <= 2 * _SHORT and line.width <= _SHORT else typical
    if last.width >= _FULL * column:
        return True
    # A long line that stops mid-sentence at a page or column break (002, 004 style).
    return last.width >= _SHORT and bool(_SENTENCE_MARK.search(last.content))


def _split_headline_chains(group: list[_Line]) -> list[list[_Line]]:
    """Lines joined only for being full, with no sentence punctuation anywhere, are a stack of
    headlines (title over subtitle), not a wrapped paragraph: keep them apart."""
    if len(group) > 1 and not any(_SENTENCE_MARK.search(line.content) for line in group):
        if not any(line.content[-1] in _RUNS_ON for line in group[:-1]):
            return [[line] for line in group]
    return [group]


def _paragraph_furniture(groups: list[list[_Line]]) -> list[bool]:
    """Furniture lines, plus what they make furniture around them: the masthead block before a
    date or issue line, notice bodies after 启事, short labels between furniture lines.

    A metadata line is furniture of its own but takes nothing with it: the headline above a
    ``发布时间：…`` line stays a headline."""
    metadata = [len(g) == 1 and g[0].metadata for g in groups]
    furniture = [len(g) == 1 and g[0].furniture and not metadata[k] for k, g in enumerate(groups)]
    contents = ["".join(line.content for line in g) for g in groups]
    label = [
        len(g) == 1 and g[0].width <= _SHORT and not _SENTENCE_MARK.search(contents[k]) and not metadata[k]
        for k, g in enumerate(groups)
    ]
    for k, content in enumerate(contents):
        if furniture[k] and _MASTHEAD.fullmatch(content):
            j = k - 1
            while j >= 0 and k - j <= 4 and (label[j] or furniture[j]):
                furniture[j] = True
                j -= 1
        if k and furniture[k - 1] and len(content) <= _NOTICE and _NOTICE_BODY.search(content):
            furniture[k] = True
    # Short labels boxed in by furniture (at most three in a row), or heading a contact block.
    for k in range(len(groups)):
        if furniture[k] or not label[k]:
            continue
        j = k
        while j < len(groups) and j - k < 3 and label[j] and not furniture[j]:
            j += 1
        after = j < len(groups) and furniture[j]
        before = k > 0 and furniture[k - 1]
        block_after = after and j + 1 < len(groups) and furniture[j + 1]
        if after and (before or block_after):
            for m in range(k, j):
                furniture[m] = True
    return [page or meta for page, meta in zip(furniture, metadata, strict=True)]


def _assemble(
    text: str, index: list[int], groups: list[list[_Line]], furniture: list[bool]
) -> tuple[str, list[int], list[Span]]:
    parts: list[str] = []
    new_index = array("i")
    spans: list[Span] = []
    length = 0
    for k, group in enumerate(groups):
        if k:
            parts.append("\n")
            previous_end = groups[k - 1][-1].end  # the line break after the previous paragraph
            new_index.append(index[previous_end] if previous_end < len(index) else index[-1])
            length += 1
        start = length
        for n, line in enumerate(group):
            if n and _needs_space(group[n - 1].content[-1], line.content[0]):
                parts.append(" ")
                new_index.append(index[group[n - 1].end])
                length += 1
            parts.append(line.content)
            new_index.extend(index[line.start : line.end])
            length += line.end - line.start
        if furniture[k]:
            spans.append(Span(start, length))
        else:
            credit = _PHOTO_CREDIT.search(text, group[-1].start, group[-1].end)
            if credit:
                spans.append(Span(length - (group[-1].end - credit.start()), length))
    return "".join(parts), new_index, spans


def _needs_space(before: str, after: str) -> bool:
    return before.isascii() and after.isascii() and before.isalnum() and after.isalnum()


# --- 9. parentheses -------------------------------------------------------------------------

_PAREN_OR_BREAK = re.compile("[()（）\n]")


def _normalise_parentheses(text: str) -> str:
    """Pairs around ideographs → （）, pairs around Latin/digits only → (). Same length."""
    changed: dict[int, str] = {}  # spliced after: a list of every character costs ~70 bytes each
    stack: list[int] = []
    for match in _PAREN_OR_BREAK.finditer(text):
        i, ch = match.start(), match.group()
        if ch in "(（":
            stack.append(i)
        elif ch in ")）" and stack:
            start = stack.pop()
            inner = text[start + 1 : i]
            if "\n" in inner:
                continue
            full = bool(_HAN_CHAR.search(inner))
            changed[start], changed[i] = ("（", "）") if full else ("(", ")")
        elif ch == "\n":
            stack.clear()
    parts, last = [], 0
    for i in sorted(changed):
        parts += [text[last:i], changed[i]]
        last = i + 1
    parts.append(text[last:])
    return "".join(parts)
