"""Only web addresses (http, https) become links: a document's canonical URL or a policy's URL
in any other scheme (javascript:, data:, vbscript:) is kept as text for the editor and never
reaches an ``href``, on the pages, in the API or in the feeds."""

from __future__ import annotations

import importlib
import io
import json
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command

from people.links import is_web_url
from policies.models import Policy
from tests.public import factories as f
from timeline.importers import import_document
from timeline.ingest.pipeline import extract_document
from timeline.ingest.types import PartialDate
from timeline.models import Event, Source

pytestmark = pytest.mark.django_db

UNSAFE = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "http:alert(1)",  # a web scheme without a host
    "//evil.example/x",  # no scheme: the browser would pick one
]
PAGE = """<html><head><meta charset="utf-8"><title>星河高新区举办创新论坛</title>
<link rel="canonical" href="{url}">
</head><body><article><h1>星河高新区举办创新论坛</h1>
<p>2024年4月27日，星河高新区管委会在星河高新区举办2024年创新论坛，来自各地的代表参加。</p>
</article></body></html>"""
HREF = re.compile(r"""href\s*=\s*["']?([^"' >]*)""", re.IGNORECASE)


def normalised(url: str) -> str:
    """What a browser follows: tabs and line breaks taken out, spaces around cut, any case."""
    return re.sub(r"[\t\n\r]", "", url).strip().lower()


def assert_no_link_to(url: str, html: str, where: str) -> None:
    for href in (normalised(href) for href in HREF.findall(html)):
        assert href.startswith(("/", "?", "#", "http://", "https://")), (where, href)
        assert not href.startswith("//"), (where, href)
        assert normalised(url) not in href, (where, href)


def import_page(tmp_path: Path, url: str) -> Source:
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(url=url.replace('"', "&quot;")), encoding="utf-8")
    call_command("import_news", "--publish", "--published", "2024-04-28", str(page), stdout=io.StringIO())
    return Source.objects.get()


@pytest.mark.parametrize("url", UNSAFE)
def test_an_unsafe_canonical_url_is_kept_as_text_and_never_linked(client, tmp_path, url):
    source = import_page(tmp_path, url)
    event = Event.objects.published().get()

    assert source.url == "" and source.link == ""
    assert source.url_as_found == url.strip()
    for page in ("/", f"/events/{event.pk}/", f"/sources/{source.pk}/", "/feeds/events.atom"):
        assert_no_link_to(url, client.get(page).content.decode(), page)
    api = client.get("/api/events").content.decode()
    assert url.strip() not in api
    assert json.loads(api)["results"][0]["evidence"][0]["source"]["original_url"] is None


def test_a_web_canonical_url_is_stored_and_linked(client, tmp_path):
    source = import_page(tmp_path, "https://news.example/2024/04/forum.html")
    event = Event.objects.published().get()

    assert source.url == source.link == "https://news.example/2024/04/forum.html"
    assert source.url_as_found == ""
    for page in (f"/events/{event.pk}/", f"/sources/{source.pk}/"):
        assert 'href="https://news.example/2024/04/forum.html"' in client.get(page).content.decode()
    original = client.get("/api/events").json()["results"][0]["evidence"][0]["source"]["original_url"]
    assert original == "https://news.example/2024/04/forum.html"


def test_an_unsafe_url_given_to_the_importer_is_kept_as_text(tmp_path):
    data = PAGE.format(url="https://news.example/a").encode()
    doc = extract_document(data, "page.html", published=PartialDate(2024, 4, 28))

    source = import_document(doc, source_url="vbscript:msgbox(1)").source

    assert (source.url, source.url_as_found) == ("", "vbscript:msgbox(1)")


@pytest.mark.parametrize("url", UNSAFE)
def test_a_policy_url_that_is_not_a_web_address_is_never_linked(client, url):
    plan = f.policy("测试行动方案")
    Policy.objects.filter(pk=plan.pk).update(url=url)  # as stored before validation existed
    f.event("测试方案发布", kind="policy_release", policies=[plan])

    plan.refresh_from_db()
    assert plan.link == ""
    assert_no_link_to(url, client.get(f"/policies/{plan.slug}/").content.decode(), "policy page")


def test_a_policy_web_url_is_linked(client):
    plan = f.policy("测试行动方案", url="https://gov.example/plan.html")
    f.event("测试方案发布", kind="policy_release", policies=[plan])

    html = client.get(f"/policies/{plan.slug}/").content.decode()
    assert 'href="https://gov.example/plan.html"' in html


@pytest.mark.parametrize("model", [Source, Policy])
@pytest.mark.parametrize("url", [u for u in UNSAFE if u.strip()] + ["ftp://files.example/a.pdf"])
def test_the_url_fields_refuse_anything_but_web_addresses(model, url):
    field = model._meta.get_field("url")
    with pytest.raises(ValidationError):
        field.clean(url, None)
    assert field.clean("https://gov.example/a", None) == "https://gov.example/a"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://gov.example/a?b=1#c", True),
        ("HTTP://GOV.EXAMPLE/", True),
        ("http://localhost:8000/x", True),
        ("", False),
        ("https://", False),
        ("https://gov.example/a b", False),
        ("https://gov.example/\na", False),
        *((url, False) for url in UNSAFE),
    ],
)
def test_is_web_url(url, expected):
    assert is_web_url(url) is expected


def test_the_data_migration_moves_unsafe_urls_out_of_url():
    safe = f.source("一", url="https://news.example/1")
    unsafe = f.source("二")
    Source.objects.filter(pk=unsafe.pk).update(url="javascript:alert(1)")
    plan = f.policy("测试方案")
    Policy.objects.filter(pk=plan.pk).update(url="data:text/html,<script>alert(1)</script>")

    for app, name in (("timeline", "0007_url_as_found"), ("policies", "0002_url_as_found")):
        migration = importlib.import_module(f"{app}.migrations.{name}")
        migration.move_unsafe_urls(apps, None)

    assert Source.objects.values_list("url", "url_as_found").get(pk=safe.pk) == ("https://news.example/1", "")
    assert Source.objects.values_list("url", "url_as_found").get(pk=unsafe.pk) == ("", "javascript:alert(1)")
    assert Policy.objects.values_list("url", "url_as_found").get(pk=plan.pk) == (
        "",
        "data:text/html,<script>alert(1)</script>",
    )
