"""Hostile input never breaks a page: every public URL pattern (read from the URL resolver, so a
new one is covered without editing this file) and the admin login, with hostile path segments and
query values, answers below 500. Control characters (NUL and the rest of U+0000–U+001F, U+007F),
which PostgreSQL refuses in a text literal, are refused up front: 400, or 404 for a path that no
pattern matches."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.public import factories as f

pytestmark = pytest.mark.django_db

CONTROL = ["\x00", "a\x00b", "\x01", "\n", "\t", "\x1f", "\x7f", "北京\x00市"]
HOSTILE = [
    "x" * 10_000,
    "' \" ; -- * NEAR( ) OR : ^",
    "' OR '1'='1' --",
    '"中关村" NEAR/2 *',
    "99999999999999999999",
    "-99999999999999999999",
    "-1",
    "0",
    "1e309",
    "NaN",
    "%",
    "\\",
    "..",
    "🙂",
    "",
]
CURSORS = ["2024-13-45_1", "9999-12-31_99999999999999999999", "0001-01-01_-5", "_", "2024-04-27_", "2024"]
PARAMS = [
    "q",
    "kind",
    "park",
    "organisation",
    "person",
    "policy",
    "province",
    "year_from",
    "year_to",
    "order",
    "page",
    "after",
    "before",
    "limit",
    "updated_since",
]
PLACEHOLDER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def routes(patterns=None, prefix: str = "") -> list[str]:
    """Every route outside the admin, as "/parks/<str:slug>/"."""
    found: list[str] = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.namespace != "admin":
                found += routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            found.append("/" + route.lstrip("^").rstrip("$"))
    return found


def fill(route: str, value: str) -> str:
    return PLACEHOLDER.sub(lambda _: quote(value, safe=""), route)


@pytest.fixture
def world() -> dict[str, str]:
    """A published event naming one of everything, so the real slugs and ids resolve."""
    park = f.park("中关村科学城", province="北京市")
    org = f.organisation("测试管委会", parent=f.organisation("上级部门"))
    who = f.person("张三")
    plan = f.policy("测试行动方案")
    event = f.event(
        "中关村论坛开幕",
        date=dt.date(2024, 4, 27),
        parks=[park],
        organisations=[org],
        people=[who],
        policies=[plan],
    )
    f.event("第二个活动", date=dt.date(2023, 5, 1), parks=[park])
    return {
        "pk": str(event.pk),
        "source": str(event.evidence.get().news_item.source_id),
        "slugs": [park.slug, org.slug, who.slug, plan.slug],
    }


@pytest.fixture
def quiet_client() -> Client:
    """A 5xx is recorded as a status, so that one test reports every URL that fails."""
    return Client(raise_request_exception=False)


def test_every_public_pattern_is_walked():
    walked = routes()
    assert "/parks/<str:slug>/" in walked and "/api/events" in walked and "/" in walked
    assert not any(route.startswith("/admin/") for route in walked)


def test_hostile_path_segments(world, quiet_client):
    failures = []
    for route in routes():
        if not PLACEHOLDER.search(route):
            continue
        for value in [world["pk"], *world["slugs"], *HOSTILE, *CONTROL]:
            path = fill(route, value)
            status = quiet_client.get(path).status_code
            if status >= 500 or (value in CONTROL and status not in (400, 404)):
                failures.append((status, path[:120]))
    assert not failures


@pytest.mark.parametrize("values", [HOSTILE, CURSORS, CONTROL], ids=["hostile", "cursors", "control"])
def test_hostile_query_values(world, quiet_client, values):
    pages = [fill(route, world["pk"] if "<int:" in route else world["slugs"][0]) for route in routes()]
    pages = [page.replace(world["pk"], world["source"]) if "/sources/" in page else page for page in pages]
    pages.append(reverse("admin:login"))
    failures = []
    for page in pages:
        for name in PARAMS:
            for value in values:
                status = quiet_client.get(f"{page}?{urlencode({name: value})}").status_code
                if status >= 500 or (values is CONTROL and status != 400):
                    failures.append((status, page, name, value[:40]))
    assert not failures


def test_control_characters_in_a_name_are_refused(world, quiet_client):
    """The parameter's name counts as much as its value."""
    assert quiet_client.get("/?" + quote("park\x00") + "=x").status_code == 400


def test_everything_at_once(world, quiet_client):
    """Every parameter hostile in one request, each given twice."""
    failures = []
    for page in ("/", "/api/events", "/export/events.csv", "/feeds/events.atom", "/events.ics"):
        for value in HOSTILE + CURSORS:
            query = urlencode([(name, v) for name in PARAMS for v in (value, value[::-1])])
            status = quiet_client.get(f"{page}?{query}").status_code
            if status >= 500:
                failures.append((status, page, value[:40]))
    assert not failures
