"""The facet-count rollup: what ``/`` shows follows every publish, reject, merge, import and
relink, and always equals what counting the published events directly gives."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader
from django.http import QueryDict

from tests.public import factories as f
from timeline import counts, curation
from timeline import entities as people_merging
from timeline.counts import CountsOutOfStep, rebuild, recount_events
from timeline.facets import _count_facets, facets
from timeline.models import Event, EventOrganisation, FacetTally
from timeline.query import TimelineFilters

pytestmark = pytest.mark.django_db
SEEDS = "seeds/news"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reviewer(db) -> User:
    return User.objects.create_superuser("reviewer", password="pw-for-tests")


@pytest.fixture
def world():
    """Events of several kinds and years; one names two parks of one province, one names an
    organisation in two roles; some are not public (a candidate, a rejected, a merged one)."""
    haidian = f.park("海淀测试园", province="北京市")
    changping = f.park("昌平测试园", province="北京市")
    wuhan = f.park("武汉测试高新区", province="湖北省")
    nowhere = f.park("无省份测试园", province="")
    ministry = f.organisation("测试部")
    bureau = f.organisation("测试局")
    li, wang = f.person("李测试"), f.person("王测试")
    plan = f.policy("测试园区发展规划")
    events = {
        "two_parks": f.event("两园论坛", date=dt.date(2023, 5, 1), kind="forum", parks=[haidian, changping]),
        "visit": f.event(
            "部长调研",
            date=dt.date(2024, 3, 2),
            kind="visit",
            parks=[haidian],
            organisations=[ministry],
            people=[li],
        ),
        "wuhan_forum": f.event(
            "武汉论坛",
            date=dt.date(2024, 6, 1),
            kind="forum",
            parks=[wuhan],
            organisations=[ministry, bureau],
        ),
        "plan_release": f.event(
            "发布规划",
            date=dt.date(2022, 1, 1),
            precision="month",
            kind="policy_release",
            parks=[wuhan, nowhere],
            policies=[plan],
            people=[wang],
        ),
        "candidate": f.event("候选事件", kind="launch", status="candidate", parks=[wuhan], people=[li]),
        "rejected": f.event("已驳回事件", kind="forum", status="rejected", parks=[haidian]),
    }
    # an organisation in two roles counts its event once
    EventOrganisation.objects.create(event=events["wuhan_forum"], organisation=bureau, role="host")
    recount_events([events["wuhan_forum"].pk])
    entities = {"haidian": haidian, "changping": changping, "wuhan": wuhan, "nowhere": nowhere}
    entities |= {"ministry": ministry, "bureau": bureau, "li": li, "wang": wang, "plan": plan}
    return entities | events


def shown(client, query: str = "") -> dict:
    """The counts ``/`` shows beside the timeline."""
    cache.clear()
    facets = client.get("/" + query).context["facets"]
    return {
        "total": facets.total,
        "kinds": {v.value: v.count for v in facets.kinds},
        "years": {bar.year: bar.count for bar in facets.years if bar.count},
        **{name: {v.label: v.count for v in values} for name, values in facets.entities.items()},
        "provinces": {v.value: v.count for v in facets.provinces},
    }


def counted_directly(query: str) -> dict:
    """The raw facet counts computed on the events themselves, without the rollup."""
    return _count_facets(TimelineFilters.from_query(QueryDict(query)), rollup=False)


def assert_in_step() -> None:
    assert rebuild().differed == 0


def post_change_form(admin_client, url: str, **changes) -> None:
    """Saves an admin change form as a browser would: every field and inline as shown, but ``changes``."""
    page = admin_client.get(url).context
    form = page["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    for inline in page["inline_admin_formsets"]:
        formset = inline.formset
        data |= {f"{formset.prefix}-{k}": v for k, v in formset.management_form.initial.items()}
        for child in formset.forms:
            data |= {child.add_prefix(name): child[name].value() for name in child.fields}
    data |= changes
    data = {k: v for k, v in data.items() if v is not None and v is not False}
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].errors


QUERIES = [
    "",
    "kind=forum",
    "kind=forum&kind=visit",
    "year_from=2024",
    "year_to=2023",
    "year_from=2022&year_to=2023&kind=policy_release",
    "kind=launch",  # nothing public of that kind
    # the kinds and years of one park, organisation, person, policy or province
    "park={haidian}",
    "park={wuhan}&kind=forum&year_from=2023",
    "organisation={ministry}&year_to=2024",
    "person={li}&kind=visit",
    "policy={plan}",
    "province=北京市&year_from=2024",
    # counted on the events: two values, two facets, a search, a name that is not there
    "park={haidian}&park={wuhan}",
    "park={wuhan}&organisation={ministry}",
    "q=论坛",
    "q=论坛&kind=forum",
    "organisation={ministry}&person={li}",
    "park=no-such-park",
]


@pytest.mark.parametrize("query", QUERIES)
def test_the_rollup_counts_what_counting_the_events_counts(world, query):
    slugs = {name: world[name].slug for name in ("haidian", "wuhan", "ministry", "li", "plan")}
    filters = TimelineFilters.from_query(QueryDict(query.format(**slugs)))
    assert _count_facets(filters) == counted_directly(query.format(**slugs))


def test_a_selected_value_outside_the_top_values_is_counted_from_the_rollup(world, monkeypatch):
    monkeypatch.setattr("timeline.facets.FACET_SIZE", 1)
    query = f"park={world['changping'].slug}&kind=forum"
    rolled = _count_facets(TimelineFilters.from_query(QueryDict(query)))
    assert rolled["park"] == [
        (world["haidian"].slug, "海淀测试园", 1),  # the top value (ties: the older park first)
        (world["changping"].slug, "昌平测试园", 1),  # selected, so listed too
    ]
    assert rolled == counted_directly(query)


def test_the_first_page_shows_the_public_events_once_each(client, world):
    counts_shown = shown(client)
    assert counts_shown["total"] == 4
    assert counts_shown["kinds"] == {"forum": 2, "visit": 1, "policy_release": 1}
    assert counts_shown["years"] == {2022: 1, 2023: 1, 2024: 2}
    assert counts_shown["park"] == {"海淀测试园": 2, "武汉测试高新区": 2, "昌平测试园": 1, "无省份测试园": 1}
    assert counts_shown["organisation"] == {"测试部": 2, "测试局": 1}
    assert counts_shown["person"] == {"李测试": 1, "王测试": 1}
    assert counts_shown["provinces"] == {"北京市": 2, "湖北省": 2}


def test_publishing_and_rejecting_change_the_counts(client, world, reviewer):
    before = shown(client)
    curation.publish_events(events=[world["candidate"]], user=reviewer)
    after = shown(client)
    assert after["total"] == before["total"] + 1
    assert after["kinds"]["launch"] == 1
    assert after["park"]["武汉测试高新区"] == before["park"]["武汉测试高新区"] + 1
    assert after["person"]["李测试"] == 2
    assert after["provinces"]["湖北省"] == 3

    curation.reject_events(events=[world["visit"]], user=reviewer)
    rejected = shown(client)
    assert rejected["total"] == after["total"] - 1
    assert "visit" not in rejected["kinds"]
    assert rejected["organisation"] == {"测试部": 1, "测试局": 1}
    assert rejected["provinces"]["北京市"] == 1
    assert shown(client, "?kind=forum&year_from=2024")["park"] == {"武汉测试高新区": 1}
    assert_in_step()


def test_merging_hides_the_duplicate_and_gives_its_links_to_the_survivor(client, world, reviewer):
    before = shown(client)
    # a forum and a visit: different kinds, which the reviewer accepts
    survivor = curation.merge_events(
        events=[world["two_parks"], world["visit"]], user=reviewer, accept_conflicts=True
    )
    after = shown(client)
    assert after["total"] == before["total"] - 1
    merged_kind = "visit" if survivor.pk == world["two_parks"].pk else "forum"
    assert after["kinds"].get(merged_kind, 0) == before["kinds"][merged_kind] - 1
    # the survivor names the people and organisations of both now
    assert after["person"]["李测试"] == 1
    assert after["park"]["海淀测试园"] == 1
    assert after["provinces"]["北京市"] == 1
    assert_in_step()


def test_import_news_publish_counts_what_it_published(client, db):
    assert shown(client)["total"] == 0
    # five documents: the later ones also add evidence and links to events of the earlier ones
    call_command("import_news", "--publish", SEEDS, verbosity=0)
    counts_shown = shown(client)
    assert counts_shown["total"] == Event.objects.published().count() > 0
    assert sum(counts_shown["kinds"].values()) == counts_shown["total"]
    assert_in_step()
    call_command("import_news", "--publish", SEEDS, verbosity=0)  # known documents: nothing changes
    assert shown(client) == counts_shown


def test_import_without_publish_changes_no_count(client, db):
    call_command("import_news", SEEDS, verbosity=0)
    assert shown(client)["total"] == 0
    assert not FacetTally.objects.exists()


def test_merging_parks_of_two_provinces_moves_the_events(client, world, reviewer):
    survivor = people_merging.merge_parks(parks=[world["haidian"], world["wuhan"]], user=reviewer)
    counts_shown = shown(client)
    assert counts_shown["park"][survivor.name] == 4
    assert counts_shown["provinces"] == {survivor.province: 4}
    assert_in_step()


def test_cached_counts_of_the_first_page_follow_a_park_merge_at_once(world, reviewer):
    filters = TimelineFilters.from_query(QueryDict(""))
    assert {v.label: v.count for v in facets(filters).entities["park"]}["海淀测试园"] == 2
    survivor = people_merging.merge_parks(parks=[world["haidian"], world["wuhan"]], user=reviewer)
    # no event was saved (its updated stamp is the same), but the recount changed the version
    assert {v.label: v.count for v in facets(filters).entities["park"]}[survivor.name] == 4


def test_a_park_moved_to_another_province_by_the_admin_moves_its_events(admin_client, client, world):
    post_change_form(admin_client, f"/admin/people/park/{world['wuhan'].pk}/change/", province="湖南省")
    assert shown(client)["provinces"] == {"北京市": 2, "湖南省": 2}
    assert_in_step()


def test_an_event_edited_in_the_admin_is_recounted(admin_client, client, world):
    url = f"/admin/timeline/event/{world['visit'].pk}/change/"
    post_change_form(admin_client, url, kind="forum", parks=[world["wuhan"].pk], people=[])
    counts_shown = shown(client)
    assert counts_shown["kinds"] == {"forum": 3, "policy_release": 1}
    assert counts_shown["park"]["武汉测试高新区"] == 3
    assert counts_shown["person"] == {"王测试": 1}
    curation.reject_events(events=[world["visit"]], user=User.objects.get(username="admin"))
    assert shown(client)["total"] == 3
    assert_in_step()


def test_deleting_an_event_or_a_park_in_the_admin_recounts(admin_client, client, world):
    admin_client.post(f"/admin/timeline/event/{world['plan_release'].pk}/delete/", {"post": "yes"})
    after_event = shown(client)
    assert after_event["total"] == 3
    assert "policy" not in after_event["kinds"]
    admin_client.post(f"/admin/people/park/{world['haidian'].pk}/delete/", {"post": "yes"})
    after_park = shown(client)
    assert after_park["park"] == {"武汉测试高新区": 1, "昌平测试园": 1}
    assert after_park["provinces"] == {"北京市": 1, "湖北省": 1}
    assert_in_step()


def test_a_changed_event_is_recounted_from_what_it_counted_before(world):
    event = world["visit"]
    Event.objects.filter(pk=event.pk).update(kind="forum", date=dt.date(2019, 1, 1))
    event.parks.set([world["wuhan"]])
    recount_events([event.pk])
    assert counts.kind_counts() == {"forum": 3, "policy_release": 1}
    assert counts.year_counts(kinds=["forum"]) == {2019: 1, 2023: 1, 2024: 1}
    assert counts.top_values(counts.PROVINCE) == [("湖北省", 3), ("北京市", 1)]
    assert_in_step()


def test_recounting_twice_changes_nothing(world):
    ids = [event.pk for event in Event.objects.all()]
    rows = FacetTally.objects.values_list("dimension", "value", "kind", "total", "years")
    cells = {(*row[:4], tuple(sorted(row[4].items()))) for row in rows}
    recount_events(ids)
    assert {(*row[:4], tuple(sorted(row[4].items()))) for row in rows.all()} == cells


def test_a_rollup_edited_by_hand_is_refused_and_rebuilt(world):
    FacetTally.objects.filter(dimension="event").delete()
    Event.objects.filter(pk=world["visit"].pk).update(status="rejected")  # behind the services' back
    with pytest.raises(CountsOutOfStep):
        recount_events([world["visit"].pk])  # would take the visit away from a cell that is gone
    report = rebuild()
    assert report.events == Event.objects.exclude(counted="").count() == 3
    assert report.differed > 0
    assert counts.kind_counts() == {"forum": 2, "policy_release": 1}
    assert rebuild().differed == 0


def test_the_migration_can_count_with_its_historical_models(world):
    state = MigrationLoader(None, ignore_no_migrations=True).project_state(
        ("timeline", "0008_facet_tally_counted_on_events")
    )
    FacetTally.objects.all().delete()
    Event.objects.update(counted="")
    report = rebuild(apps=state.apps)
    assert report.events == 4
    assert rebuild().differed == 0


def test_the_command_reports_and_its_dry_run_saves_nothing(world):
    FacetTally.objects.filter(dimension="province").delete()
    out = StringIO()
    call_command("rebuild_facet_counts", "--dry-run", stdout=out)
    assert "counted 4 published events" in out.getvalue()
    # each province has a row for each of its two kinds and one for all kinds
    assert "6 cells differed" in out.getvalue()
    assert not FacetTally.objects.filter(dimension="province").exists()
    call_command("rebuild_facet_counts", stdout=out)
    assert counts.top_values(counts.PROVINCE) == [("北京市", 2), ("湖北省", 2)]


@pytest.mark.parametrize(
    "query",
    ["year_from=2021&year_to=2021", "year_from=2021", "year_to=2020", "kind=forum&kind=visit&year_from=2021"],
)
def test_a_year_ranges_top_values_summed_from_the_likeliest_rows_first(monkeypatch, query):
    """The parks with the most events overall are not the top of every range: the rows with the
    largest totals are summed first, and the floor they give must not leave out a park that
    was not among them (丙园 below, first in 2021 with fewer events than three others)."""
    monkeypatch.setattr("timeline.facets.FACET_SIZE", 2)
    monkeypatch.setattr("timeline.counts._PROBE", 3)
    spread = {  # park → events per (year, kind)
        "甲园": {(2019, "forum"): 10},
        "乙园": {(2021, "forum"): 3, (2019, "visit"): 5},
        "丁园": {(2021, "visit"): 4, (2022, "forum"): 2},
        "丙园": {(2021, "forum"): 5},
        "戊园": {(2021, "visit"): 2},
    }
    for name, cells in spread.items():
        park = f.park(f"{name}测试", province="江苏省")
        for (year, kind), n in cells.items():
            for i in range(n):
                f.event(f"{name}{year}{kind}{i}", date=dt.date(year, 3, 1 + i), kind=kind, parks=[park])
    filters = TimelineFilters.from_query(QueryDict(query))
    assert _count_facets(filters)["park"] == counted_directly(query)["park"]


def test_a_cached_page_of_some_years_follows_edits_of_those_years(client, world, reviewer):
    """Counts of a page filtered to years are cached under those years' versions: an edit in
    another year leaves them cached, an edit in one of them recounts them."""

    def facet_counts(query: str) -> dict:
        facets = client.get("/" + query).context["facets"]  # no cache.clear(): as a reader sees it
        return {
            "kinds": {v.value: v.count for v in facets.kinds},
            "parks": {v.label: v.count for v in facets.entities["park"]},
        }

    query = "?year_from=2024&year_to=2024"
    before = facet_counts(query)
    assert before["kinds"] == {"visit": 1, "forum": 1}
    elsewhere = f.event(
        "二〇一九年的论坛", date=dt.date(2019, 5, 1), kind="forum", status="candidate", parks=[world["wuhan"]]
    )
    curation.publish_events(events=[elsewhere], user=reviewer)
    assert facet_counts(query) == before
    inside = f.event(
        "二〇二四年的论坛", date=dt.date(2024, 9, 1), kind="forum", status="candidate", parks=[world["wuhan"]]
    )
    curation.publish_events(events=[inside], user=reviewer)
    after = facet_counts(query)
    assert after["kinds"] == {"visit": 1, "forum": 2}
    assert after["parks"]["武汉测试高新区"] == before["parks"]["武汉测试高新区"] + 1
    curation.reject_events(events=[inside], user=reviewer)
    assert facet_counts(query) == before
