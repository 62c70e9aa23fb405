"""Keyset pages: walking next (and back) visits every event once, in order, in both orders."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.public import factories as f
from timeline.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    # several events share a date, so the id must break ties
    return [
        f.event(f"事件{i}", date=dt.date(2024, 1, 1) + dt.timedelta(days=i // 3), index=False)
        for i in range(11)
    ]


def _walk_api(client, params: dict) -> list[int]:
    seen: list[int] = []
    url, query = "/api/events", params
    while url:
        data = client.get(url, query).json()
        seen += [item["id"] for item in data["results"]]
        url, query = data["next"], None
    return seen


def test_api_pages_visit_every_event_once_newest_first(client, events):
    expected = list(Event.objects.order_by("-date", "-id").values_list("id", flat=True))
    assert _walk_api(client, {"limit": 4}) == expected


def test_api_pages_visit_every_event_once_oldest_first(client, events):
    expected = list(Event.objects.order_by("date", "id").values_list("id", flat=True))
    assert _walk_api(client, {"limit": 3, "order": "asc"}) == expected


def test_html_pages_go_forward_and_back(client, events, monkeypatch):
    monkeypatch.setattr("timeline.views.PAGE_SIZE", 4)
    order = list(Event.objects.order_by("-date", "-id").values_list("id", flat=True))

    def page(url: str) -> tuple[list[int], str, str]:
        html = client.get(url).content.decode()
        ids = [int(i) for i in re.findall(r'<article class="event [^"]*" id="event-(\d+)"', html)]
        found_next = re.search(r'rel="next" href="([^"]+)"', html)
        found_prev = re.search(r'rel="prev" href="([^"]+)"', html)
        clean = lambda m: m.group(1).replace("&amp;", "&") if m else ""  # noqa: E731
        return ids, clean(found_next), clean(found_prev)

    first, next_url, prev_url = page("/")
    assert first == order[:4] and prev_url == ""
    second, next_url, prev_url = page("/" + next_url)
    assert second == order[4:8]
    third, last_next, third_prev = page("/" + next_url)
    assert third == order[8:] and last_next == ""
    back, _, _ = page("/" + third_prev)
    assert back == order[4:8]


def test_a_broken_cursor_shows_the_first_page(client, events):
    assert client.get("/", {"after": "not-a-cursor"}).status_code == 200
    assert client.get("/api/events", {"after": "2024-13-45_x"}).json()["results"][0]["id"] == (
        Event.objects.order_by("-date", "-id").first().pk
    )


def test_ranked_search_pages_visit_every_match_once(client):
    for i in range(5):
        f.event(f"储能项目第{i}期", quote="储能" * (i + 1) + "。")
    f.event("无关的新闻")
    seen: list[str] = []
    url, query = "/api/events", {"q": "储能", "limit": 2}
    while url:
        data = client.get(url, query).json()
        seen += [item["title"] for item in data["results"]]
        url, query = data["next"], None
    assert sorted(seen) == sorted(f"储能项目第{i}期" for i in range(5))
    assert seen[0] == "储能项目第4期"  # the most mentions first
