"""Every way of writing reaches the derived data: after each write path (admin form and inlines,
history revert, merge, deletion, import, spreadsheet import, registry load, entity edits and
merges) a reader's search finds what the event now says, and the facet counts are what counting
the published events afresh gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from people.models import Alias, Park
from tests.forms import submit
from tests.public import factories as f
from timeline import counts, search
from timeline.derived import events_changed
from timeline.entities import merge_parks
from timeline.models import Event, EventOrganisation, Evidence
from timeline.resources import EventResource, ParkResource

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reviewer(db) -> User:
    user = User.objects.create_user("reviewer", password="pw-for-tests", is_staff=True)
    user.groups.add(Group.objects.get(name="Reviewers"))
    return user


@pytest.fixture
def world() -> dict:
    park = f.park("星河高新区", province="江苏省")
    bureau = f.organisation("星河市科技局")
    plan = f.policy("星河高新区发展方案", document_number="星科发〔2024〕12号")
    text = "5月8日，星河高新区活动在会展中心举行。6月1日，银河创新中心揭牌。"
    source = f.source(text, title="星河动态")
    forum = f.event(
        "园区举办论坛",
        quote="5月8日，星河高新区活动在会展中心举行。",
        in_source=source,
        parks=[park],
        organisations=[bureau],
        policies=[plan],
    )
    launch = f.event(
        "银河创新中心揭牌",
        date=dt.date(2024, 6, 1),
        kind="launch",
        quote="6月1日，银河创新中心揭牌。",
        in_source=source,
        parks=[park],
    )
    return {"park": park, "bureau": bureau, "plan": plan, "source": source, "forum": forum, "launch": launch}


def found(client, word: str) -> set[int]:
    """The ids of the events a reader's search for ``word`` finds through the public API."""
    response = client.get(reverse("timeline:api_events"), {"q": word})
    assert response.status_code == 200
    return {row["id"] for row in response.json()["results"]}


def assert_in_step() -> None:
    """The stored search texts and facet counts are what computing them afresh gives."""
    stored = dict(Event.objects.values_list("pk", "search_text"))
    search.refresh_search_text(stored)
    assert dict(Event.objects.values_list("pk", "search_text")) == stored, "stale search text"
    assert counts.rebuild().differed == 0, "stale facet counts"


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def delete(client, obj):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_delete", args=[obj.pk])
    return client.post(url, {"post": "yes"})


# --- the event admin --------------------------------------------------------------------------


def test_a_title_edited_in_the_change_form_is_searchable(client, reviewer, world):
    client.force_login(reviewer)
    forum = world["forum"]
    assert found(client, "论坛") == {forum.pk}

    response = submit(client, change_url(forum), {"title": "储能大会开幕"}, form_id="event_form")

    assert response.status_code == 302
    assert found(client, "储能") == {forum.pk}
    assert found(client, "论坛") == set()
    assert_in_step()


def test_an_evidence_row_removed_inline_takes_its_words_away(client, reviewer, world):
    """The passage itself is read-only (its offsets point into the source); removing a passage
    that does not state the event is the edit an editor makes here."""
    client.force_login(reviewer)
    forum = world["forum"]

    response = submit(client, change_url(forum), {"evidence-0-DELETE": "on"}, form_id="event_form")

    assert response.status_code == 302
    assert not forum.evidence.exists()
    assert found(client, "会展中心") == set()
    assert_in_step()


def test_an_organisation_added_inline_is_counted(client, reviewer, world):
    client.force_login(reviewer)
    launch, bureau = world["launch"], world["bureau"]
    changes = {
        "organisation_roles-TOTAL_FORMS": "1",
        "organisation_roles-0-organisation": bureau.pk,
        "organisation_roles-0-role": "host",
    }

    response = submit(client, change_url(launch), changes, form_id="event_form")

    assert response.status_code == 302
    assert EventOrganisation.objects.filter(event=launch, organisation=bureau).exists()
    assert counts.kind_counts(of=("organisation", str(bureau.pk))) == {"forum": 1, "launch": 1}
    assert found(client, "星河市科技局") == {world["forum"].pk, launch.pk}
    assert_in_step()


def test_evidence_moved_to_another_event_in_its_own_admin_is_searchable(client, reviewer, world):
    client.force_login(reviewer)
    evidence = world["launch"].evidence.get()
    assert found(client, "银河") == {world["launch"].pk}  # the launch's title and passage say 银河

    changes = {"event": world["forum"].pk}

    response = submit(client, change_url(evidence), changes, form_id="evidence_form")

    assert response.status_code == 302
    assert found(client, "银河") == {world["forum"].pk, world["launch"].pk}  # the passage, the title
    assert found(client, "会展中心") == {world["forum"].pk}
    assert_in_step()


def test_a_history_revert_is_searchable(client, reviewer, world):
    client.force_login(reviewer)
    forum = world["forum"]
    submit(client, change_url(forum), {"title": "储能大会开幕"}, form_id="event_form")
    first = forum.history.order_by("history_id").first()
    revert = reverse("admin:timeline_event_simple_history", args=[forum.pk, first.history_id])

    response = submit(client, revert, form_id="historicalevent_form")

    assert response.status_code == 302
    assert Event.objects.get(pk=forum.pk).title == "园区举办论坛"
    assert found(client, "论坛") == {forum.pk}
    assert found(client, "储能") == set()
    assert_in_step()


def test_the_survivor_of_a_merge_is_found_by_the_evidence_it_took_over(client, reviewer, world):
    client.force_login(reviewer)
    forum, launch = world["forum"], world["launch"]
    Event.objects.filter(pk=launch.pk).update(kind="forum", date=forum.date)  # a duplicate after all

    client.post(
        reverse("admin:timeline_event_compare"), {"ids": f"{forum.pk},{launch.pk}", "survivor": forum.pk}
    )

    survivor = Event.objects.get(merged_into__isnull=True, pk__in=[forum.pk, launch.pk])
    assert found(client, "会展中心") == found(client, "银河") == {survivor.pk}
    assert_in_step()


def test_a_deleted_event_is_no_longer_counted(client, reviewer, world):
    client.force_login(reviewer)

    assert delete(client, world["launch"]).status_code == 302

    assert counts.kind_counts() == {"forum": 1}
    assert_in_step()


def test_publishing_and_rejecting_are_searched_and_counted(client, reviewer, world):
    client.force_login(reviewer)
    changelist = reverse("admin:timeline_event_changelist") + "?queue=all"
    launch = world["launch"]

    client.post(changelist, {"action": "reject", "_selected_action": [launch.pk]})
    assert found(client, "银河") == set() and counts.kind_counts() == {"forum": 1}
    client.post(changelist, {"action": "publish", "_selected_action": [launch.pk]})
    assert found(client, "银河") == {launch.pk} and counts.kind_counts() == {"forum": 1, "launch": 1}
    assert_in_step()


# --- sources and imports ------------------------------------------------------------------------


def test_a_deleted_source_takes_its_words_away(client, reviewer, world):
    client.force_login(reviewer)
    other = f.source("6月2日，银河创新中心举行开放日。")
    launch = world["launch"]
    Evidence.objects.create(
        event=launch, news_item=other.items.get(), quote="6月2日，银河创新中心举行开放日。", start=0, end=16
    )
    events_changed([launch.pk])
    assert found(client, "开放日") == {launch.pk}

    assert delete(client, other).status_code == 302

    assert found(client, "开放日") == set()
    assert_in_step()


def test_an_imported_document_is_searchable_and_counted(client, tmp_path: Path):
    news = tmp_path / "news.txt"
    news.write_text(
        "星河日报 2024年5月10日\n\n星河高新区举办人工智能论坛\n\n"
        "本报讯 5月8日，星河高新区人工智能产业创新论坛在星河会展中心举行。\n",
        encoding="utf-8",
    )

    call_command("import_news", str(news), publish=True, verbosity=0)

    assert found(client, "会展中心") == set(Event.objects.published().values_list("pk", flat=True)) != set()
    assert_in_step()


def test_an_event_spreadsheet_import_is_searched_and_counted(client, world):
    forum = world["forum"]
    exported = EventResource().export(queryset=Event.objects.filter(pk=forum.pk))
    exported.dict = [{**row, "kind": "meeting", "summary": "储能专题"} for row in exported.dict]

    result = EventResource().import_data(exported, dry_run=False, raise_errors=True)

    assert not result.has_errors()
    assert counts.kind_counts() == {"meeting": 1, "launch": 1}
    assert_in_step()


# --- the records events name --------------------------------------------------------------------


def test_a_renamed_park_is_searchable_under_its_new_name(client, reviewer, world):
    client.force_login(reviewer)
    park = world["park"]

    response = submit(client, change_url(park), {"name": "银河高新区"}, form_id="park_form")

    assert response.status_code == 302
    both = {world["forum"].pk, world["launch"].pk}
    assert found(client, "银河高新区") == both
    assert found(client, "星河高新区") == {world["forum"].pk}  # its evidence still says 星河高新区
    assert_in_step()


def test_a_park_moved_to_another_province_is_counted_there(client, reviewer, world):
    client.force_login(reviewer)

    response = submit(client, change_url(world["park"]), {"province": "浙江省"}, form_id="park_form")

    assert response.status_code == 302
    assert dict(counts.top_values("province")) == {"浙江省": 2}
    assert_in_step()


def test_an_alias_added_inline_or_in_its_own_admin_is_searchable(client, reviewer, world):
    client.force_login(reviewer)
    park, bureau = world["park"], world["bureau"]

    submit(
        client,
        change_url(park),
        {"aliases-TOTAL_FORMS": "1", "aliases-0-name": "星河园"},
        form_id="park_form",
    )
    client.post(reverse("admin:people_alias_add"), {"name": "XHKJJ", "organisation": bureau.pk})

    assert found(client, "星河园") == {world["forum"].pk, world["launch"].pk}
    assert found(client, "XHKJJ") == {world["forum"].pk}
    alias = Alias.objects.get(name="XHKJJ")
    submit(client, change_url(alias), {"name": "XKJ"}, form_id="alias_form")
    assert found(client, "XKJ") == {world["forum"].pk}
    assert found(client, "XHKJJ") == set()
    assert_in_step()


def test_a_policy_edit_is_searchable(client, reviewer, world):
    client.force_login(reviewer)

    response = submit(
        client, change_url(world["plan"]), {"document_number": "星科发〔2025〕3号"}, form_id="policy_form"
    )

    assert response.status_code == 302
    assert found(client, "星科发〔2025〕3号") == {world["forum"].pk}
    assert_in_step()


def test_a_deleted_park_is_no_longer_counted_or_found(client, reviewer, world):
    client.force_login(reviewer)

    assert delete(client, world["park"]).status_code == 302

    assert counts.top_values("park") == [] and counts.top_values("province") == []
    assert found(client, "星河高新区") == {world["forum"].pk}  # by its evidence alone
    assert_in_step()


def test_merged_parks_find_their_events_under_either_name(client, reviewer, world):
    twin = f.park("星河高新技术产业开发区", province="江苏省", is_reviewed=True)
    lone = f.event("星河高新技术产业开发区座谈会", kind="meeting", parks=[twin])

    survivor = merge_parks(parks=[world["park"], twin], user=reviewer)

    assert survivor == twin  # the reviewed record survives
    every = {world["forum"].pk, world["launch"].pk, lone.pk}
    assert found(client, "星河高新技术产业开发区") == every
    assert dict(counts.top_values("park")) == {str(twin.pk): 3}
    assert_in_step()


def test_a_park_spreadsheet_import_is_searched_and_counted(client, world):
    exported = ParkResource().export(queryset=Park.objects.filter(pk=world["park"].pk))
    exported.dict = [{**row, "province": "安徽省", "aliases": "星河园区"} for row in exported.dict]

    result = ParkResource().import_data(exported, dry_run=False, raise_errors=True)

    assert not result.has_errors()
    assert dict(counts.top_values("province")) == {"安徽省": 2}
    assert found(client, "星河园区") == {world["forum"].pk, world["launch"].pk}
    assert_in_step()


def test_a_registry_load_is_searched_and_counted(client, world, tmp_path: Path):
    registry = tmp_path / "registry"
    registry.mkdir()
    parks = "name,full_name,level,province,city,national_year,parent,aliases\n"
    parks += "星河高新区,星河高新技术产业开发区,national_htz,浙江省,星河市,2012,,"
    parks += "星河园|星河高新技术产业开发区\n"
    (registry / "parks.csv").write_text(parks, encoding="utf-8")
    organisations = "name,kind,parent,predecessor,renamed_on,country,aliases\n"
    organisations += "星河市科技局,agency,,,,CN,星河科技局\n"
    (registry / "organisations.csv").write_text(organisations, encoding="utf-8")

    call_command("load_registry", folder=str(registry), verbosity=0)

    assert dict(counts.top_values("province")) == {"浙江省": 2}
    assert found(client, "星河园") == {world["forum"].pk, world["launch"].pk}
    assert found(client, "星河科技局") == {world["forum"].pk}
    assert_in_step()
