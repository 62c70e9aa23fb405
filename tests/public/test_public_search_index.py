"""The database side of search: the index exists on each backend and follows every write."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection

from tests.public import factories as f
from timeline.models import Event

pytestmark = pytest.mark.django_db


def _search_ids(client, query: str) -> set[int]:
    return {item["id"] for item in client.get("/api/events", {"q": query}).json()["results"]}


def test_the_search_index_exists():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'event_search_gin_idx'")
            assert "gin (search_vector)" in cursor.fetchone()[0].lower()
        elif connection.vendor == "sqlite":
            # a migration that rebuilds timeline_event on SQLite drops these: re-create them there
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'timeline_event'"
            )
            assert {row[0] for row in cursor.fetchall()} == {
                "timeline_event_fts_insert",
                "timeline_event_fts_update",
                "timeline_event_fts_delete",
            }


def test_a_deleted_event_leaves_nothing_behind_for_a_new_one(client):
    old = f.event("旧的开园仪式")
    old_pk = old.pk
    Event.objects.filter(pk=old_pk).delete()
    new = f.event("完全不同的新闻", index=False, id=old_pk)  # the same id, never indexed
    assert _search_ids(client, "开园") == set()
    assert new.pk == old_pk


def test_saving_search_text_from_anywhere_is_searchable(client):
    event = f.event("没有索引的事件", index=False)
    assert _search_ids(client, "揭牌") == set()
    Event.objects.filter(pk=event.pk).update(search_text="揭牌 仪式")
    cache.clear()  # update() leaves ``updated`` alone, so cached results would wait for their timeout
    assert _search_ids(client, "揭牌") == {event.pk}
