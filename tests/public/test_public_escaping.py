"""Evidence is text from the web: whatever markup it holds is shown, never run."""

from __future__ import annotations

import json

import pytest

from tests.public import factories as f

pytestmark = pytest.mark.django_db

EVIL = '园区论坛开幕<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def evil_event():
    doc = f.source(f"导语。{EVIL}。结尾。")
    return f.event("园区论坛开幕", quote=f"{EVIL}。", in_source=doc), doc


def test_pages_show_markup_in_evidence_escaped(client, evil_event):
    event, doc = evil_event
    for url in ("/", "/?q=论坛", f"/events/{event.pk}/", f"/sources/{doc.pk}/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html, url
        assert "<img src=x" not in html, url
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html, url


def test_search_highlighting_escapes_around_the_marks(client, evil_event):
    html = client.get("/?q=论坛").content.decode()
    assert "园区<mark>论坛</mark>开幕&lt;script&gt;" in html


def test_timelinejs_text_is_escaped_html(client, evil_event):
    slide = json.loads(client.get("/export/timelinejs.json").content)["events"][0]
    assert "<script>" not in slide["text"]["text"]
    assert "&lt;script&gt;" in slide["text"]["text"]


def test_atom_feed_carries_the_markup_as_text(client, evil_event):
    body = client.get("/feeds/events.atom").content.decode()
    assert "<script>" not in body
