"""Search: Chinese words (jieba), Traditional or Simplified alike, ranked, words highlighted."""

from __future__ import annotations

import pytest

from people.models import Alias
from tests.public import factories as f
from timeline.models import Event
from timeline.search import document_text, query_tokens, refresh_search_text, to_simplified

pytestmark = pytest.mark.django_db


def _titles(client, query: str) -> list[str]:
    return [item["title"] for item in client.get("/api/events", {"q": query}).json()["results"]]


def test_query_words_are_simplified_and_segmented():
    assert to_simplified("中關村科技園區") == "中关村科技园区"
    assert to_simplified("顯著") == "显著"  # tw2s keeps 著 where it means "notable"
    assert query_tokens("中關村 論壇！") == ["中关村", "论坛"]
    assert query_tokens("？！ ") == []


def test_document_text_holds_words_and_whole_names():
    text = document_text(
        title="光谷举办创新大会", quotes=["武汉東湖高新区发布新政"], names=["东湖高新区"]
    ).split()
    assert {"光谷", "创新", "大会", "东湖", "高新区", "东湖高新区"} <= set(text)


@pytest.fixture
def world():
    zgc = f.park("中关村科学城", province="北京市")
    Alias.objects.create(name="北京科学城", park=zgc)
    return {
        "forum": f.event(
            "中关村论坛年会开幕", quote="中关村论坛年会在北京开幕，中关村企业代表参会。", parks=[zgc]
        ),
        "mention": f.event("高新区签约仪式", quote="多家企业与中关村签约。"),
        "other": f.event("武汉光谷创新大会", quote="光谷举办创新大会。"),
        "hidden": f.event("中关村候选事件", status="candidate"),
    }


def test_traditional_query_finds_what_simplified_finds(client, world):
    simplified = _titles(client, "中关村")
    assert set(simplified) == {"中关村论坛年会开幕", "高新区签约仪式"}
    assert _titles(client, "中關村") == simplified
    assert _titles(client, "中關村論壇") == ["中关村论坛年会开幕"]


def test_results_are_ranked_by_how_well_they_match(client, world):
    # the forum names 中关村 in its title, its evidence (twice) and its park
    assert _titles(client, "中关村")[0] == "中关村论坛年会开幕"


def test_every_word_must_match(client, world):
    assert _titles(client, "光谷 大会") == ["武汉光谷创新大会"]
    assert _titles(client, "光谷 中关村") == []


def test_entity_names_and_aliases_are_searchable(client, world):
    assert _titles(client, "中关村科学城") == ["中关村论坛年会开幕"]
    assert _titles(client, "北京科学城") == ["中关村论坛年会开幕"]


def test_matched_words_are_highlighted(client, world):
    html = client.get("/", {"q": "中關村 論壇"}).content.decode()
    assert "<mark>中关村</mark><mark>论坛</mark>年会开幕" in html
    assert "中关村候选事件" not in html


def test_search_can_be_ordered_by_date_and_combined_with_facets(client, world):
    titles = [
        item["title"] for item in client.get("/api/events", {"q": "中关村", "order": "asc"}).json()["results"]
    ]
    assert set(titles) == {"中关村论坛年会开幕", "高新区签约仪式"}
    slug = world["forum"].parks.get().slug
    results = client.get("/api/events", {"q": "中关村", "park": slug}).json()["results"]
    assert [item["title"] for item in results] == ["中关村论坛年会开幕"]


def test_refresh_rewrites_the_words_of_a_changed_event(client, world):
    event = world["other"]
    Event.objects.filter(pk=event.pk).update(title="成都科学城新闻发布会")
    event.evidence.update(quote="成都科学城召开发布会。")
    refresh_search_text([event.pk])
    assert _titles(client, "成都") == ["成都科学城新闻发布会"]
    assert _titles(client, "光谷") == []


def test_a_query_of_no_words_shows_the_timeline(client, world):
    response = client.get("/", {"q": "！？"})
    assert response.status_code == 200
    assert "武汉光谷创新大会" in response.content.decode()
