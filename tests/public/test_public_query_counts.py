"""Every list page and API list runs the same number of queries for 3 events as for 15."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.public import factories as f

pytestmark = pytest.mark.django_db

URLS = [
    "/",
    "/?order=asc",
    "/?q=测试",
    "/?q=测试&order=desc",
    "/?kind=forum&kind=launch&year_from=2021",
    "/feeds/events.atom",
    "/events.ics",
    "/api/events",
    "/api/events?q=测试",
    "/api/parks",
    "/api/organisations",
    "/api/people",
    "/api/policies",
    "/export/events.csv",
    "/export/timelinejs.json",
]
ENTITY_PAGES = ["park", "organisation", "person", "policy"]


def _queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(queries)


def _build(count: int) -> dict[str, str]:
    events = f.many_events(count)
    event = events[0]
    return {
        "park": f"/parks/{event.parks.get().slug}/",
        "organisation": f"/organisations/{event.organisation_roles.get().organisation.slug}/",
        "person": f"/people/{event.people.get().slug}/",
        "policy": f"/policies/{event.policies.get().slug}/",
        "park_facet": f"/?park={event.parks.get().slug}&person={event.people.get().slug}",
    }


@pytest.mark.parametrize("url", URLS)
def test_list_queries_do_not_grow_with_events(client, django_assert_num_queries, url):
    _build(3)
    few = _queries(client, url)
    _build(12)  # 15 events in all
    cache.clear()
    with django_assert_num_queries(few):
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)


@pytest.mark.parametrize("page", [*ENTITY_PAGES, "park_facet"])
def test_entity_page_queries_do_not_grow_with_events(client, page):
    small = _build(3)
    large = _build(15)
    assert _queries(client, small[page]) == _queries(client, large[page])
