"""Pages of events, parks, organisations, people, policies and sources, and the entity API."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from people.models import Position
from tests.public import factories as f

pytestmark = pytest.mark.django_db


def href(name: str, slug: str) -> str:
    """How a link to an entity page appears in the HTML (unicode slugs percent-encoded)."""
    return f'href="{reverse(f"timeline:{name}", args=[slug])}"'


def test_event_page_shows_entities_roles_and_evidence(client):
    park = f.park("中关村（测试）生物园", province="北京市")
    org = f.organisation("测试科技厅")
    doc = f.source("开头。测试科技厅在园区举办论坛。结尾。", title="测试日报")
    event = f.event(
        "园区举办论坛", quote="测试科技厅在园区举办论坛。", in_source=doc, parks=[park], organisations=[org]
    )
    html = client.get(f"/events/{event.pk}/").content.decode()
    assert href("park", park.slug) in html
    assert "主办" in html  # the organiser role, in Chinese
    evidence = event.evidence.get()
    assert f'href="/sources/{doc.pk}/#evidence-{evidence.pk}"' in html
    source_html = client.get(f"/sources/{doc.pk}/").content.decode()
    assert f'id="evidence-{evidence.pk}" href="/events/{event.pk}/"' in source_html
    assert "开头。" in source_html and "结尾。" in source_html


def test_unicode_slugs_resolve(client):
    park = f.park("中关村（测试）生物园")
    f.event("事件", parks=[park])
    assert client.get(f"/parks/{park.slug}/").status_code == 200


def test_organisation_page_shows_its_lineage(client):
    old = f.organisation("旧测试中心", is_reviewed=True)
    new = f.organisation("新测试中心", predecessor=old, renamed_on=dt.date(2023, 10, 1), is_reviewed=True)
    f.event("新中心成立", organisations=[new])
    html = client.get(f"/organisations/{new.slug}/").content.decode()
    assert href("organisation", old.slug) in html and "2023" in html
    assert href("organisation", new.slug) in client.get(f"/organisations/{old.slug}/").content.decode()


def test_person_page_lists_positions_over_time_from_public_sources_only(client):
    who = f.person("赵测试")
    org = f.organisation("测试管委会", is_reviewed=True)
    published = f.event("赵测试调研", people=[who])
    hidden = f.event("秘密任命", people=[who], status="candidate")
    public_source = published.evidence.get().news_item.source
    hidden_source = hidden.evidence.get().news_item.source
    Position.objects.create(
        person=who,
        organisation=org,
        title="主任",
        first_seen=dt.date(2022, 3, 1),
        last_seen=dt.date(2024, 5, 1),
        source=public_source,
    )
    Position.objects.create(
        person=who, title="秘密职务", first_seen=dt.date(2024, 6, 1), source=hidden_source
    )
    html = client.get(f"/people/{who.slug}/").content.decode()
    assert "主任" in html and "2022年3月" in html and "2024年5月" in html
    assert "秘密职务" not in html and "秘密任命" not in html
    assert "赵测试调研" in html


def test_policy_page_shows_issuers_number_period_and_events(client):
    ministry = f.organisation("测试部", is_reviewed=True)
    plan = f.policy(
        "测试园区建设方案（2024—2027年）",
        document_number="测科发〔2024〕1号",
        period_start=2024,
        period_end=2027,
        published_on=dt.date(2024, 4, 1),
        published_precision="month",
    )
    plan.issuers.add(ministry)
    f.event("方案印发", kind="policy_release", policies=[plan])
    html = client.get(f"/policies/{plan.slug}/").content.decode()
    for text in ("测试部", "测科发〔2024〕1号", "2024—2027", "2024年4月", "方案印发"):
        assert text in html


def test_entity_api_lists_public_entities_with_event_counts(client):
    shown = f.park("公开园区")
    f.park("无事园区")  # neither reviewed nor named by a published event
    reviewed = f.park("审核过的园区", is_reviewed=True)
    f.event("一", parks=[shown])
    f.event("二", parks=[shown])
    data = client.get("/api/parks").json()
    assert {(p["name"], p["events"]) for p in data["results"]} == {("公开园区", 2), ("审核过的园区", 0)}
    assert data["next"] is None
    first = client.get("/api/parks", {"limit": 1}).json()
    assert first["results"][0]["id"] == shown.pk
    assert client.get(first["next"]).json()["results"][0]["id"] == reviewed.pk


def test_event_api_gives_entities_with_ids_and_names(client):
    park = f.park("接口园区")
    org = f.organisation("接口机构")
    plan = f.policy("接口方案")
    event = f.event(
        "接口事件",
        date=dt.date(2024, 5, 1),
        precision="month",
        parks=[park],
        organisations=[org],
        policies=[plan],
    )
    item = client.get("/api/events").json()["results"][0]
    assert item["id"] == event.pk and item["date"] == "2024-05" and item["precision"] == "month"
    assert (item["parks"][0]["id"], item["parks"][0]["name"]) == (park.pk, "接口园区")
    assert item["organisations"][0]["name"] == "接口机构" and item["organisations"][0]["roles"] == [
        "organiser"
    ]
    assert item["policies"][0]["title"] == "接口方案"
    assert item["evidence"][0]["quote"] == "接口事件。"
