"""Decoding files: each encoding and media type, and every kind of unreadable input."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from timeline.ingest import decode as decode_module
from timeline.ingest.clean import clean
from timeline.ingest.decode import HTML, PDF, TEXT, decode
from timeline.ingest.errors import IngestError

FIXTURES = Path(__file__).resolve().parent / "fixtures"

SIMPLIFIED = (
    "本报讯 近日，某某高新区举办科技成果转化对接会，五十余家企业参加。\n会议期间，二十个项目现场签约。"
)
TRADITIONAL = "中關村科技園區管理委員會今日發佈新政策，支持產業發展與國際合作。"


def pdf_with_text(text: str | None) -> bytes:
    """A one-page PDF: ``text`` in the Adobe-GB1 CID font every reader knows, or no text at all."""
    if text is None:
        content, resources, fonts = b"0 0 m 100 100 l S", b"<< >>", []
    else:
        content = b"BT /F1 12 Tf 20 100 Td <" + text.encode("utf-16-be").hex().upper().encode() + b"> Tj ET"
        resources = b"<< /Font << /F1 5 0 R >> >>"
        fonts = [
            b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
            b"/DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>",
        ]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources "
        + resources
        + b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *fonts,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def reason(data: bytes, name: str) -> str:
    with pytest.raises(IngestError) as caught:
        decode(data, name)
    message = str(caught.value)
    assert message and "\n" not in message
    return message


# --- plain text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED.encode("utf-16"), "utf-16"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (SIMPLIFIED.encode("gbk"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "gb18030", "gbk"],
)
def test_simplified_text_in_each_encoding(data: bytes, encoding: str) -> None:
    decoded = decode(data, "news.txt")
    assert decoded.text == SIMPLIFIED
    assert decoded.encoding == encoding
    assert decoded.media_type == TEXT
    assert decoded.meta == {}


def test_big5() -> None:
    decoded = decode(TRADITIONAL.encode("big5"), "news.txt")
    assert decoded.text == TRADITIONAL
    assert decoded.encoding == "big5"
    assert clean(decoded.text).text.startswith("中关村科技园区管理委员会")


def test_gb18030_characters_outside_gbk() -> None:
    text = "园区企业“𠮷野家”入驻，同比增长。" * 3
    decoded = decode(text.encode("gb18030"), "news.txt")
    assert decoded.text == text


def test_unknown_extension_is_sniffed() -> None:
    assert decode(SIMPLIFIED.encode("gbk"), "news").text == SIMPLIFIED
    page = "<html><body><p>园区举办创新论坛，五十余家企业参加。</p></body></html>"
    assert decode(page.encode("utf-8"), "download").media_type == HTML


def test_truncated_utf8_with_a_cut_last_character_is_read() -> None:
    data = SIMPLIFIED.encode("utf-8")[:-1]
    decoded = decode(data, "news.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text == SIMPLIFIED[:-1] + "\ufffd"


@pytest.mark.parametrize("cut", [300, 301, 302])
def test_one_stray_byte_in_a_long_utf8_text_is_read(cut: int) -> None:
    data = (SIMPLIFIED * 20).encode("utf-8")
    data = data[:cut] + b"\xff" + data[cut:]  # maybe inside a character, maybe between two
    text = decode(data, "news.txt").text
    assert "\ufffd" in text
    assert len(text) >= len(SIMPLIFIED * 20) - 1


def test_heavily_damaged_utf8_is_refused() -> None:
    data = bytearray(SIMPLIFIED.encode("utf-8"))
    for position in range(5, len(data), 7):
        data[position] = 0xFF
    assert reason(bytes(data), "news.txt").startswith("not text")


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n"], ids=["empty", "blank"])
def test_empty_file(data: bytes) -> None:
    assert reason(data, "news.txt") == "empty file"


@pytest.mark.parametrize(
    "data",
    [
        random.Random(7).randbytes(4000),
        bytes(range(256)) * 8,
        b"\x00\x01\x02\x03" * 500,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(3).randbytes(2000),
    ],
    ids=["random", "all-bytes", "control", "png"],
)
def test_binary_is_refused(data: bytes) -> None:
    assert reason(data, "news.txt").startswith("not text")


def test_a_file_of_nothing_but_spam_glyphs_decodes_and_cleans_to_nothing() -> None:
    data = ("■★◆●▲□☆◇" * 30 + "\n").encode("utf-8") * 5
    decoded = decode(data, "spam.txt")
    assert decoded.encoding == "utf-8"
    assert clean(decoded.text).text == ""


def test_an_unexpected_failure_becomes_an_ingest_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(markup: str) -> tuple[str, dict[str, str]]:
        raise ValueError("parser exploded\nsecond line")

    monkeypatch.setattr(decode_module, "html_to_text", broken)
    assert reason(b"<html><body><p>text</p></body></html>", "page.html") == (
        "cannot read the file (ValueError: parser exploded second line)"
    )


# --- HTML -----------------------------------------------------------------------------------


def test_html_main_text_without_navigation_and_footer() -> None:
    decoded = decode((FIXTURES / "article.html").read_bytes(), "article.html")
    assert decoded.media_type == HTML
    assert decoded.encoding == "utf-8"
    assert decoded.text.split("\n") == [
        "示范区举办创新论坛",
        "9月15日，某某示范区创新论坛在会展中心举行，来自40余家企业的代表参加。",
        "论坛发布了园区产业发展报告。",
        "下一步，示范区将继续优化营商环境。",
        "加快培育新兴产业。",
    ]
    for chrome in ("首页", "当前位置", "分享到", "相关新闻", "版权所有", "tracker", "color"):
        assert chrome not in decoded.text
    assert decoded.meta == {
        "title": "示范区举办创新论坛",
        "published": "2023-09-18 10:30",
        "url": "https://www.example.gov.cn/xwzx/202309/t20230918_123456.html",
        "publisher": "某某高新区管委会",
    }


def test_html_date_from_time_tag_and_declared_gbk_charset() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "<title>园区新闻</title></head><body><article><h1>园区举办论坛</h1>"
        '<time datetime="2022-12-15T09:00:00+08:00">12月15日</time>'
        "<p>12月15日，园区举办创新论坛，五十余家企业参加。</p></article></body></html>"
    )
    decoded = decode(page.encode("gbk"), "page.htm")
    assert decoded.encoding == "gb18030"
    assert decoded.meta["published"] == "2022-12-15T09:00:00+08:00"
    assert decoded.meta["title"] == "园区举办论坛"
    assert "12月15日，园区举办创新论坛，五十余家企业参加。" in decoded.text


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ('<link rel="canonical" href="http://www.example.cn/news/2024/04/29/123.html">', "2024-04-29"),
        ('<meta property="og:url" content="http://www.example.cn/c/20250328/a.shtml">', "2025-03-28"),
        ('<meta property="article:published_time" content="2025-03-28T10:00:00Z">', "2025-03-28T10:00:00Z"),
        ('<script type="application/ld+json">{"datePublished": "2021-07-01"}</script>', "2021-07-01"),
        ("", "2020-01-20"),  # from a visible 发布时间 line
    ],
    ids=["canonical", "og-url", "meta", "json-ld", "visible"],
)
def test_html_publication_date_sources(head: str, published: str) -> None:
    page = (
        f"<html><head>{head}</head><body><div class='info'>{'' if head else '发布时间：2020-01-20'}</div>"
        "<div id='content'><p>园区举办创新论坛，五十余家企业参加，签约项目二十个。</p></div></body></html>"
    )
    assert decode(page.encode("utf-8"), "page.html").meta["published"] == published


def test_html_without_text_is_refused() -> None:
    page = b"<html><head><title>x</title></head><body><nav><a href='/'>home</a></nav></body></html>"
    assert reason(page, "page.html") == "HTML page has no readable text"


# --- PDF ------------------------------------------------------------------------------------


def test_pdf_text_layer() -> None:
    decoded = decode(pdf_with_text("本报讯 科技园区举行创新论坛。"), "page.pdf")
    assert decoded.media_type == PDF
    assert decoded.text.strip() == "本报讯 科技园区举行创新论坛。"
    assert "\x0c" not in decoded.text


def test_pdf_is_recognised_by_its_header_whatever_the_name() -> None:
    assert decode(pdf_with_text("园区新闻。"), "download.txt").media_type == PDF


def test_pdf_without_text_layer() -> None:
    assert reason(pdf_with_text(None), "scan.pdf").startswith("PDF has no text layer")


def test_damaged_pdf() -> None:
    assert reason(b"%PDF-1.4\nthis is not really a pdf", "bad.pdf").startswith("damaged PDF")


def test_pdf_name_without_pdf_content() -> None:
    assert reason(SIMPLIFIED.encode("utf-8"), "page.pdf") == "not a PDF file (no %PDF header)"


def test_html_with_br_lines_and_a_link_list_beside_them() -> None:
    page = """<html><head><meta charset="utf-8"></head><body>
    <table><tr>
      <td class="left"><a href="/1">园区概况介绍</a><br><a href="/2">招商引资政策</a><br>
        <a href="/3">企业服务指南</a><br><a href="/4">联系我们方式</a></td>
      <td><div id="zoom">3月2日，某某园区召开年度工作会议，总结去年工作。<br>
        会议部署了今年的十项重点任务，涉及科技创新和产业培育。<br>
        园区负责人表示，将加快建设创新高地。</div></td>
    </tr></table></body></html>"""
    decoded = decode(page.encode("utf-8"), "page.html")
    assert decoded.text.split("\n") == [
        "3月2日，某某园区召开年度工作会议，总结去年工作。",
        "会议部署了今年的十项重点任务，涉及科技创新和产业培育。",
        "园区负责人表示，将加快建设创新高地。",
    ]
