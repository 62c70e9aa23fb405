"""Decode: the bytes of one file in, its text out (pipeline step 1).

Text files come in UTF-8 (with or without BOM), GB18030/GBK or Big5; HTML pages carry
navigation and footers around the article; PDFs need their text layer. Every way a file
can be unreadable ends in one ``IngestError`` whose message is a single line saying what
is wrong (the caller adds the file name).
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from io import BytesIO

from timeline.ingest.errors import IngestError

TEXT, HTML, PDF = "text/plain", "text/html", "application/pdf"

_HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
_TEXT_EXTENSIONS = (".txt", ".text", ".md")

# Stretches of invalid bytes a UTF-8 file may have and still be read as UTF-8 (a file cut
# inside its last character, one stray byte): at most one per _UTF8_DAMAGE_PER bytes and
# never more than _UTF8_MAX_DAMAGE. More is another encoding, or binary.
_UTF8_MAX_DAMAGE = 3
_UTF8_DAMAGE_PER = 1000

# A decoded text with more than this share of control, private-use or unassigned code points
# is binary decoded by force.
_MAX_CONTROL_SHARE = 0.01

_CHINESE_ENCODINGS = ["gb18030", "big5", "cp950", "big5hkscs"]
_MAX_CHAOS = 0.3  # charset-normalizer's "mess" ratio above which a guess is rejected

_NOT_TEXT = frozenset({"Cc", "Co", "Cn", "Cs"})

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# GB2312 and GBK pages routinely use characters only their superset has.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs"}

_HTML_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)


@dataclass
class Decoded:
    """The text of one file and what decoding learned about it."""

    text: str
    encoding: str
    media_type: str
    meta: dict[str, str] = field(default_factory=dict)  # HTML only: title, published, url, publisher


def decode(data: bytes, name: str) -> Decoded:
    """Turn one file's bytes into text. Raises ``IngestError`` with a one-line reason."""
    if not data or not data.strip():
        raise IngestError("empty file")
    kind = _kind(data, name)
    try:
        if kind == PDF:
            return _decode_pdf(data)
        if kind == HTML:
            text, encoding = _decode_html_bytes(data)
            body, meta = html_to_text(text)
            if not body.strip():
                raise IngestError("HTML page has no readable text")
            return Decoded(body, encoding, HTML, meta)
        text, encoding = decode_text(data)
        return Decoded(text, encoding, TEXT)
    except IngestError:
        raise
    except Exception as exc:  # a parser bug must not take the whole import down
        raise IngestError(f"cannot read the file ({type(exc).__name__}: {_one_line(str(exc))})") from exc


def decode_text(data: bytes) -> tuple[str, str]:
    """Bytes of a plain-text file to (text, encoding name); raises ``IngestError``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding)), encoding
            except UnicodeDecodeError as exc:
                raise IngestError(f"invalid {encoding} text after a byte order mark") from exc
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    text = _lightly_damaged_utf8(data)
    if text is not None:
        return _checked(text), "utf-8"
    text, encoding = _detect(data)
    return _checked(text), encoding


def _kind(data: bytes, name: str) -> str:
    """The media type, from magic bytes first (a PDF named .txt is still a PDF), then the name."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return PDF
    lowered = name.lower()
    if lowered.endswith(".pdf"):
        raise IngestError("not a PDF file (no %PDF header)")
    if lowered.endswith(_HTML_EXTENSIONS):
        return HTML
    if lowered.endswith(_TEXT_EXTENSIONS):
        return TEXT
    return HTML if _HTML_SNIFF.search(head) else TEXT


def _lightly_damaged_utf8(data: bytes) -> str | None:
    """UTF-8 text with a handful of bad bytes (a cut last character) decoded with U+FFFD."""
    limit = min(_UTF8_MAX_DAMAGE, max(1, len(data) // _UTF8_DAMAGE_PER))
    damage, position, parts = 0, 0, []
    while True:
        try:
            parts.append(data[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            if exc.start or not parts:  # bad bytes right after bad bytes are the same damage
                damage += 1
            if damage > limit:
                return None
            parts.append(data[position : position + exc.start].decode("utf-8"))
            parts.append("\ufffd")
            position += exc.end
    text = "".join(parts)
    # Mostly-ASCII bytes also decode "nearly cleanly": demand real multi-byte text around the damage.
    if sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd") < 2 * damage:
        return None
    return text


def _detect(data: bytes) -> tuple[str, str]:
    """A legacy encoding (GB18030, Big5, …) chosen by charset-normalizer."""
    from charset_normalizer import from_bytes

    # Chinese documents first: on short texts an unrestricted guess often picks a Japanese codec.
    best = from_bytes(data, cp_isolation=_CHINESE_ENCODINGS).best()
    if best is None or best.chaos > _MAX_CHAOS:
        best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestError("not text: binary data or an unknown encoding")
    try:  # decode with the superset, record what the file declares itself to be
        text = data.decode(_SUPERSETS.get(best.encoding.replace("_", "").lower(), best.encoding))
    except (UnicodeDecodeError, LookupError):
        text = str(best)
    if not _plausible(text):
        raise IngestError("not text: binary data or an unknown encoding")
    return text, best.encoding.replace("_", "-").lower()


def _plausible(text: str) -> bool:
    """Few control, private-use or unassigned code points: what binary decoded by force is full of."""
    if not text:
        return False
    bad = sum(1 for ch in text if ch not in "\n\r\t\f" and unicodedata.category(ch) in _NOT_TEXT)
    return bad <= len(text) * _MAX_CONTROL_SHARE


def _checked(text: str) -> str:
    if "\x00" in text or not _plausible(text):
        raise IngestError("not text: binary data or an unknown encoding")
    return text


def _decode_html_bytes(data: bytes) -> tuple[str, str]:
    """An HTML page's text: a BOM, else its declared charset if that decodes, else detection."""
    if not any(data.startswith(bom) for bom, _ in _BOMS):
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii").lower()
            encoding = _SUPERSETS.get(name.replace("-", ""), name)
            try:
                return data.decode(encoding), codecs.lookup(encoding).name
            except (UnicodeDecodeError, LookupError):
                pass  # a wrong declaration is common: fall back to detection
    return decode_text(data)


def _decode_pdf(data: bytes) -> Decoded:
    from pdfminer.high_level import extract_text

    # pdfminer logs a warning for every font quirk; those are not the user's problem.
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        text = extract_text(BytesIO(data))
    except Exception as exc:
        message = _one_line(str(exc)) or type(exc).__name__
        if "password" in message.lower() or "encrypt" in message.lower():
            raise IngestError("PDF is encrypted") from exc
        raise IngestError(f"damaged PDF ({message})") from exc
    finally:
        logger.setLevel(level)
    text = text.replace("\x0c", "\n")  # page breaks
    if not any(ch.isalnum() for ch in text):
        raise IngestError("PDF has no text layer (a scan? run OCR first)")
    return Decoded(text, "", PDF)


def _one_line(message: str) -> str:
    return " ".join(message.split())[:200]


# --- HTML ----------------------------------------------------------------------------------

# Tags that never hold the article.
_DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button",
    "select", "input", "textarea", "nav", "aside", "menu", "footer", "object", "embed",
)  # fmt: skip
# Class or id words of page chrome around the article (navigation, sharing, footers, ads).
_CHROME = re.compile(
    r"(?:^|[\s_\-])(?:nav|navbar|menu|footer|foot|breadcrumbs?|crumbs?|position|location|share|sharing|"
    r"sidebar|side|comments?|related|recommend|hot|rank|copyright|advert|ads?|banner|login|toolbar|"
    r"pagination|pager|page-?nav|qrcode|ewm|social|topbar|top-bar|subnav|friendlink|links)(?:$|[\s_\-])",
    re.IGNORECASE,
)
_CONTENT_HINT = re.compile(r"article|content|detail|main|text|body|zoom|trs_editor|news|con", re.IGNORECASE)
_BLOCKS = frozenset(
    "address article blockquote dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 hr li main ol p pre "
    "section table tbody td tfoot th thead tr ul br".split()
)
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:release_date", "datepublished", "pubdate",
    "publishdate", "publish_date", "publishtime", "publish-date", "firstpublishedtime", "dc.date.issued",
    "dc.date", "dcterms.created", "date", "sailthru.date", "weibo:article:create_at",
)  # fmt: skip
_PUBLISHER_META = ("og:site_name", "sitename", "application-name", "publisher", "dc.publisher")
_TITLE_META = ("og:title", "articletitle", "twitter:title", "dc.title")
_URL_DATE = re.compile(
    r"(?<!\d)(20\d{2}|19\d{2})(?:[/_\-]?)(0[1-9]|1[0-2])(?:[/_\-]?)(0[1-9]|[12]\d|3[01])(?!\d)"
)
_VISIBLE_DATE = re.compile(
    r"(?:发布时间|发布日期|发表时间|时间|日期|发布)\s*[:：]\s*"
    r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)"
)
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])")


def html_to_text(markup: str) -> tuple[str, dict[str, str]]:
    """The main text of an HTML page (one paragraph per line) and what its metadata says."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(markup, "lxml")
    meta = _html_meta(soup)
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all("header"):
        if tag.find_parent(["article", "main"]) is None:  # an article's own header holds its headline
            tag.decompose()
    for tag in soup.find_all(_is_chrome):
        tag.decompose()
    root = _content_root(soup)
    if root is None:
        return "", meta
    for tag in root.find_all(["ul", "ol", "div", "table", "p"]):
        if not tag.decomposed and _is_link_list(tag):
            tag.decompose()
    text = _block_text(root)
    headline = soup.find("h1")
    headline_text = _inline(headline.get_text(" ")) if headline else ""
    if headline_text and headline_text not in text:
        text = f"{headline_text}\n{text}"
    return text, meta


def _is_chrome(tag) -> bool:
    if tag.name in ("html", "body", "article", "main") or tag.attrs is None:
        return False
    words = _attr_words(tag)
    return bool(words.strip()) and bool(_CHROME.search(words))


def _attr_words(tag) -> str:
    return " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")


def _is_link_list(tag) -> bool:
    """A block that is mostly links (related articles, "more" lists, tag clouds)."""
    links = tag.find_all("a")
    if len(links) < 3:
        return False
    total = len(_inline(tag.get_text(" ")))
    linked = sum(len(_inline(a.get_text(" "))) for a in links)
    return total > 0 and linked / total > 0.6


def _content_root(soup):
    """The element holding the article: <article>/<main>, else the parent of the most paragraph text."""
    body = soup.body or soup
    for name in ("article", "main"):
        found = [t for t in soup.find_all(name) if len(t.get_text(strip=True)) > 50]
        if found:
            return max(found, key=lambda t: len(t.get_text(strip=True)))
    scores: dict[int, tuple[float, object]] = {}
    for block in body.find_all(["p", "div", "td", "section"]):
        if block.name == "p":  # a paragraph scores for the element that holds the paragraphs
            text, holder = block.get_text(strip=True), block.parent
        else:  # a block with text of its own (lines split by <br>) scores for itself
            text, holder = "".join(block.find_all(string=True, recursive=False)).strip(), block
        if len(text) < 10 or holder is None:
            continue
        for weight, node in ((1.0, holder), (0.5, holder.parent)):
            if node is None:
                continue
            bonus = 1.25 if _CONTENT_HINT.search(_attr_words(node)) else 1
            old = scores.get(id(node), (0.0, node))[0]
            scores[id(node)] = (old + weight * bonus * len(text), node)
    if not scores:
        return body
    return max(scores.values(), key=lambda pair: pair[0])[1]


def _block_text(root) -> str:
    """Text with a line break around every block element, whitespace tidied."""
    from bs4 import NavigableString

    parts: list[str] = []

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                # A line break in the source between two ideographs is formatting, not a space.
                parts.append(_inline(_CJK_GAP.sub("", str(child)), strip=False))
            elif child.name in _BLOCKS:
                parts.append("\n")
                walk(child)
                parts.append("\n")
            else:
                walk(child)

    walk(root)
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _inline(text: str, *, strip: bool = True) -> str:
    text = _SPACE.sub(" ", text.replace("\n", " "))
    return text.strip() if strip else text


def _html_meta(soup) -> dict[str, str]:
    meta: dict[str, str] = {}
    tags: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        value = (tag.get("content") or "").strip()
        if key and value and key not in tags:
            tags[key] = value
    headline = soup.find("h1")
    for key in _TITLE_META:
        if key in tags:
            meta["title"] = tags[key]
            break
    else:  # <title> usually carries the site name after the headline: the page's <h1> does not
        if headline and headline.get_text(strip=True):
            meta["title"] = _inline(headline.get_text(" "))
        elif soup.title and soup.title.string:
            meta["title"] = _inline(soup.title.string)
    for key in _PUBLISHED_META:
        if key in tags:
            meta["published"] = tags[key]
            break
    if "published" not in meta:
        scripts = " ".join(s.get_text() for s in soup.find_all("script"))
        ld = _LD_PUBLISHED.search(scripts)
        time_tag = soup.find("time", attrs={"datetime": True})
        visible = _VISIBLE_DATE.search(soup.get_text(" "))
        if ld:
            meta["published"] = ld.group(1)
        elif time_tag:
            meta["published"] = time_tag["datetime"].strip()
        elif visible:
            meta["published"] = " ".join(visible.group(1).split())
    canonical = soup.find("link", rel="canonical")
    url = (canonical.get("href") if canonical else "") or tags.get("og:url", "")
    if url:
        meta["url"] = url.strip()
        if "published" not in meta:
            found = _URL_DATE.search(url)
            if found:
                meta["published"] = "-".join(found.groups())
    for key in _PUBLISHER_META:
        if key in tags:
            meta["publisher"] = tags[key]
            break
    return meta
