"""Facets narrow the timeline, combine (OR within one facet, AND across facets), live in the
URL, and count per value what choosing that value would show."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from tests.public import factories as f
from timeline.facets import facets
from timeline.query import TimelineFilters

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    beijing = f.park("北京测试科技园", province="北京市")
    wuhan = f.park("武汉测试高新区", province="湖北省")
    ministry = f.organisation("测试部")
    li = f.person("李测试")
    plan = f.policy("测试园区发展规划")
    events = {
        "bj_forum_2023": f.event("北京论坛", date=dt.date(2023, 5, 1), kind="forum", parks=[beijing]),
        "bj_visit_2024": f.event(
            "部长调研北京",
            date=dt.date(2024, 3, 2),
            kind="visit",
            parks=[beijing],
            organisations=[ministry],
            people=[li],
        ),
        "wh_forum_2024": f.event(
            "武汉论坛", date=dt.date(2024, 6, 1), kind="forum", parks=[wuhan], organisations=[ministry]
        ),
        "wh_policy_2022": f.event(
            "武汉发布规划",
            date=dt.date(2022, 1, 1),
            precision="month",
            kind="policy_release",
            parks=[wuhan],
            policies=[plan],
        ),
        "both_launch_2024": f.event(
            "两园共建启动", date=dt.date(2024, 9, 9), kind="launch", parks=[beijing, wuhan]
        ),
    }
    return {"beijing": beijing, "wuhan": wuhan, "ministry": ministry, "li": li, "plan": plan, **events}


def _ids(client, query: str) -> set[int]:
    response = client.get("/api/events" + query)
    assert response.status_code == 200
    return {item["id"] for item in response.json()["results"]}


def _pks(world, *names: str) -> set[int]:
    return {world[name].pk for name in names}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?kind=forum", ["bj_forum_2023", "wh_forum_2024"]),
        ("?kind=forum&kind=launch", ["bj_forum_2023", "wh_forum_2024", "both_launch_2024"]),
        ("?year_from=2024", ["bj_visit_2024", "wh_forum_2024", "both_launch_2024"]),
        ("?year_from=2022&year_to=2023", ["bj_forum_2023", "wh_policy_2022"]),
        ("?year_from=2023&year_to=2022", ["bj_forum_2023", "wh_policy_2022"]),  # swapped: still a range
        ("?province=湖北省", ["wh_forum_2024", "wh_policy_2022", "both_launch_2024"]),
        ("?province=湖北省&kind=forum", ["wh_forum_2024"]),
        ("?province=湖北省&province=北京市&year_from=2024&kind=launch", ["both_launch_2024"]),
        ("?organisation={ministry}&year_to=2024", ["bj_visit_2024", "wh_forum_2024"]),
        ("?organisation={ministry}&park={wuhan}", ["wh_forum_2024"]),
        ("?person={li}", ["bj_visit_2024"]),
        ("?policy={plan}", ["wh_policy_2022"]),
        ("?park={beijing}&park={wuhan}&kind=launch", ["both_launch_2024"]),
        (
            "?kind=not-a-kind",
            ["bj_forum_2023", "bj_visit_2024", "wh_forum_2024", "wh_policy_2022", "both_launch_2024"],
        ),
        ("?park=no-such-park", []),
    ],
)
def test_facet_combinations(client, world, query, expected):
    slugs = {name: world[name].slug for name in ("beijing", "wuhan", "ministry", "li", "plan")}
    assert _ids(client, query.format(**slugs)) == _pks(world, *expected)


def test_the_html_timeline_applies_the_same_filters(client, world):
    html = client.get(f"/?park={world['wuhan'].slug}&kind=forum").content.decode()
    assert "武汉论坛" in html
    assert "北京论坛" not in html
    assert "两园共建启动" not in html


def test_counts_per_value_ignore_their_own_facet(world):
    result = facets(TimelineFilters.from_query(QueryDict("kind=forum&province=湖北省")))
    kinds = {v.value: (v.count, v.selected) for v in result.kinds}
    # the kind counts are those of Hubei (the other facet) whatever kind is chosen
    assert kinds == {"forum": (1, True), "policy_release": (1, False), "launch": (1, False)}
    provinces = {v.value: (v.count, v.selected) for v in result.provinces}
    assert provinces == {"湖北省": (1, True), "北京市": (1, False)}
    assert result.total == 1
    parks = {v.label: v.count for v in result.entities["park"]}
    assert parks == {"武汉测试高新区": 1}


def test_year_bars_cover_every_year_between_first_and_last(world):
    result = facets(TimelineFilters.from_query(QueryDict("year_from=2024")))
    assert [(bar.year, bar.count, bar.selected) for bar in result.years] == [
        (2022, 1, False),
        (2023, 1, False),
        (2024, 3, True),
    ]


def test_a_selected_value_outside_the_top_values_is_still_listed(world, monkeypatch):
    monkeypatch.setattr("timeline.facets.FACET_SIZE", 1)
    result = facets(
        TimelineFilters.from_query(QueryDict(f"park={world['beijing'].slug}&park={world['wuhan'].slug}"))
    )
    assert {v.label for v in result.entities["park"]} == {"北京测试科技园", "武汉测试高新区"}
    assert all(v.selected for v in result.entities["park"])


def test_facet_links_toggle_one_value_and_keep_the_rest(world):
    filters = TimelineFilters.from_query(QueryDict("kind=forum&province=湖北省&q=论坛"))
    assert (
        filters.toggled("kind", "launch")
        == "?q=%E8%AE%BA%E5%9D%9B&kind=forum&kind=launch&province=%E6%B9%96%E5%8C%97%E7%9C%81"
    )
    assert filters.toggled("kind", "forum") == "?q=%E8%AE%BA%E5%9D%9B&province=%E6%B9%96%E5%8C%97%E7%9C%81"
    assert TimelineFilters.from_query(QueryDict(filters.toggled("province", "湖北省")[1:])).province == ()


def test_counts_are_cached_until_an_event_changes(world, django_assert_num_queries):
    filters = TimelineFilters.from_query(QueryDict(""))
    before = facets(filters).total
    with django_assert_num_queries(1):  # only the freshness check
        assert facets(filters).total == before
    f.event("新的一件事", parks=[world["beijing"]])
    assert facets(filters).total == before + 1


def test_cached_facet_links_keep_the_order_of_each_page(client, world):
    ascending = client.get("/?order=asc").content.decode()
    descending = client.get("/").content.decode()
    assert "?kind=forum&amp;order=asc" in ascending
    assert "?kind=forum&amp;order=asc" not in descending
    assert 'href="?kind=forum"' in descending


def _link_tables_read(queries) -> set[str]:
    tables = ("timeline_event_parks", "timeline_eventorganisation", "timeline_event_people")
    return {table for query in queries for table in tables if f'FROM "{table}"' in query["sql"]}


def test_filtered_counts_stay_cached_when_an_event_elsewhere_changes(world):
    filters = TimelineFilters.from_query(QueryDict(f"park={world['wuhan'].slug}&kind=forum"))
    before = facets(filters)
    f.event("北京又一论坛", kind="forum", parks=[world["beijing"]], organisations=[world["ministry"]])
    with CaptureQueriesContext(connection) as queries:
        after = facets(filters)
    # the organisations, people, policies and provinces of Wuhan's events were not counted again
    assert _link_tables_read(queries) == set()
    assert {v.label: v.count for v in after.entities["organisation"]} == {"测试部": 1}
    # the park facet counts all parks' forums: the new one shows
    assert {v.label: v.count for v in after.entities["park"]} == {"北京测试科技园": 2, "武汉测试高新区": 1}
    assert after.key != before.key


def test_filtered_counts_follow_an_event_of_the_chosen_park(world):
    filters = TimelineFilters.from_query(QueryDict(f"park={world['wuhan'].slug}&kind=forum"))
    facets(filters)
    f.event("武汉又一论坛", kind="forum", parks=[world["wuhan"]], organisations=[world["ministry"]])
    after = facets(filters)
    assert {v.label: v.count for v in after.entities["organisation"]} == {"测试部": 2}
    assert {v.value: v.count for v in after.kinds} == {"forum": 2, "policy_release": 1, "launch": 1}
