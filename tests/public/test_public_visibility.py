"""Only published events, and what they reference, are ever visible to the public."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import icalendar
import pytest

from tests.public import factories as f

pytestmark = pytest.mark.django_db

SECRET = "未公开的秘密签约"


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8")


@pytest.fixture
def world():
    """One published event, and unpublished ones (candidate, reviewed, rejected, merged) that
    name entities nothing published names."""
    shown_park = f.park("公开高新区")
    hidden_park = f.park("隐秘高新区", province="西藏自治区")
    hidden_org = f.organisation("隐秘管委会")
    hidden_person = f.person("王隐秘")
    hidden_policy = f.policy("隐秘方案")
    shown = f.event("公开的论坛开幕", parks=[shown_park])
    hidden = [
        f.event(
            f"{SECRET}{status}",
            status=status,
            parks=[hidden_park],
            organisations=[hidden_org],
            people=[hidden_person],
            policies=[hidden_policy],
        )
        for status in ("candidate", "reviewed", "rejected")
    ]
    merged = f.event(f"{SECRET}merged", parks=[hidden_park], merged_into=shown)
    return {
        "shown": shown,
        "hidden": [*hidden, merged],
        "hidden_park": hidden_park,
        "hidden_org": hidden_org,
        "hidden_person": hidden_person,
        "hidden_policy": hidden_policy,
    }


LIST_URLS = [
    "/",
    "/?q=秘密",
    "/?q=签约",
    "/?order=asc",
    "/feeds/events.atom",
    "/events.ics",
    "/api/events",
    "/api/parks",
    "/api/organisations",
    "/api/people",
    "/api/policies",
    "/export/events.csv",
    "/export/timelinejs.json",
]


@pytest.mark.parametrize("url", LIST_URLS)
def test_lists_show_no_unpublished_event_or_entity(client, world, url):
    response = client.get(url)
    assert response.status_code == 200
    text = _text(response)
    assert SECRET not in text
    for name in ("隐秘高新区", "隐秘管委会", "王隐秘", "隐秘方案", "西藏自治区"):
        assert name not in text


def test_the_published_event_is_listed(client, world):
    assert "公开的论坛开幕" in _text(client.get("/"))
    assert "公开的论坛开幕" in _text(client.get("/api/events"))


def test_unpublished_event_pages_are_not_found(client, world):
    for event in world["hidden"][:3]:
        assert client.get(f"/events/{event.pk}/").status_code == 404


def test_a_merged_event_redirects_to_the_published_one(client, world):
    merged = world["hidden"][3]
    response = client.get(f"/events/{merged.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"/events/{world['shown'].pk}/"


def test_entities_only_unpublished_events_name_are_not_found(client, world):
    assert client.get(f"/parks/{world['hidden_park'].slug}/").status_code == 404
    assert client.get(f"/organisations/{world['hidden_org'].slug}/").status_code == 404
    assert client.get(f"/people/{world['hidden_person'].slug}/").status_code == 404
    assert client.get(f"/policies/{world['hidden_policy'].slug}/").status_code == 404


def test_a_reviewed_entity_page_lists_only_its_published_events(client, world):
    park = world["hidden_park"]
    park.is_reviewed = True
    park.save()
    response = client.get(f"/parks/{park.slug}/")
    assert response.status_code == 200
    assert SECRET not in _text(response)


def test_a_source_without_published_evidence_is_not_found(client, world):
    source = world["hidden"][0].evidence.get().news_item.source
    assert client.get(f"/sources/{source.pk}/").status_code == 404


def test_a_source_marks_only_the_evidence_of_published_events(client):
    doc = f.source("第一句说公开的大会开幕。第二句说秘密的候选签约。")
    shown = f.event("公开的大会", quote="第一句说公开的大会开幕。", in_source=doc)
    hidden = f.event("秘密候选", quote="第二句说秘密的候选签约。", in_source=doc, status="candidate")
    text = _text(client.get(f"/sources/{doc.pk}/"))
    assert f'href="/events/{shown.pk}/"' in text
    assert f'href="/events/{hidden.pk}/"' not in text
    assert "<mark>第一句说公开的大会开幕。</mark>" in text
    assert "<mark>第二句说秘密的候选签约。</mark>" not in text


def test_exports_parse_and_hold_only_the_published_event(client, world):
    rows = list(csv.DictReader(io.StringIO(_text(client.get("/export/events.csv")).lstrip("\ufeff"))))
    assert [row["id"] for row in rows] == [str(world["shown"].pk)]
    slides = json.loads(_text(client.get("/export/timelinejs.json")))["events"]
    assert [slide["unique_id"] for slide in slides] == [f"event-{world['shown'].pk}"]
    entries = ET.fromstring(client.get("/feeds/events.atom").content).findall(
        "{http://www.w3.org/2005/Atom}entry"
    )
    assert len(entries) == 1
    calendar = icalendar.Calendar.from_ical(client.get("/events.ics").content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["公开的论坛开幕"]


def test_entities_refer_to_no_hidden_entity_by_id(client):
    """A public park or organisation whose parent, predecessor or manager the public cannot see
    names none of them, not even by id: ids are enumerable, and say the hidden record exists."""
    hidden_org = f.organisation("隐秘上级部门")  # unreviewed, named by no published event
    hidden_park = f.park("隐秘母园区")
    shown_org = f.organisation("公开局", is_reviewed=True, parent=hidden_org, predecessor=hidden_org)
    shown_park = f.park("公开子园区", is_reviewed=True, parent=hidden_park, managing_organisation=hidden_org)
    seen_org = f.organisation("公开上级部门", is_reviewed=True)
    seen_park = f.park("公开母园区", is_reviewed=True)
    f.organisation("公开新局", is_reviewed=True, parent=seen_org, predecessor=seen_org)
    f.park("公开新园区", is_reviewed=True, parent=seen_park, managing_organisation=seen_org)

    parks = {row["name"]: row for row in client.get("/api/parks").json()["results"]}
    orgs = {row["name"]: row for row in client.get("/api/organisations").json()["results"]}

    assert parks["公开子园区"]["parent_id"] is None
    assert orgs["公开局"]["parent_id"] is None and orgs["公开局"]["predecessor_id"] is None
    assert parks["公开新园区"]["parent_id"] == seen_park.pk  # a public one is still named
    assert orgs["公开新局"]["parent_id"] == orgs["公开新局"]["predecessor_id"] == seen_org.pk
    assert all(row["parent_id"] != hidden_park.pk for row in parks.values())
    assert all(hidden_org.pk not in (row["parent_id"], row["predecessor_id"]) for row in orgs.values())
    for page in (f"/parks/{shown_park.slug}/", f"/organisations/{shown_org.slug}/"):
        html = client.get(page).content.decode()
        assert "隐秘" not in html
        assert f"/{hidden_org.slug}/" not in html and f"/{hidden_park.slug}/" not in html
