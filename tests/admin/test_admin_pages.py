"""Every curated model's admin pages render for a superuser, and changelists run a constant number
of queries however many rows they list."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from people.models import Organisation
from timeline import curation, entities
from timeline.models import Event

from .conftest import build_world

APPS = {"people", "policies", "timeline"}
REGISTERED = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label in APPS
)


def test_every_curated_model_is_registered():
    expected = {
        ("people", "alias"),
        ("people", "organisation"),
        ("people", "park"),
        ("people", "person"),
        ("people", "position"),
        ("policies", "policy"),
        ("timeline", "event"),
        ("timeline", "evidence"),
        ("timeline", "newsitem"),
        ("timeline", "source"),
    }
    assert expected <= set(REGISTERED)


# records only a service writes (sources come from imports, merges and refusals from the review
# workbench): their admin offers no "add" page
NO_ADD_PAGE = {("timeline", "source"), ("timeline", "newsitem"), ("timeline", "evidence")}
NO_ADD_PAGE |= {("timeline", "eventmerge"), ("timeline", "refusedname")}


@pytest.mark.django_db
@pytest.mark.parametrize(("app", "model"), REGISTERED)
def test_changelist_add_and_change_pages_render(client, superuser, app, model):
    first, second, *_ = build_world(3)
    curation.merge_events(events=[first, second], user=superuser)
    entities.refuse(record=Organisation.objects.get(name="上级部门2"), user=superuser)
    client.force_login(superuser)
    model_class = next(
        m for m in admin.site._registry if (m._meta.app_label, m._meta.model_name) == (app, model)
    )
    obj = model_class._default_manager.first()
    assert client.get(reverse(f"admin:{app}_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:{app}_{model}_change", args=[obj.pk])).status_code == 200
    add = client.get(reverse(f"admin:{app}_{model}_add"))
    assert add.status_code == (403 if (app, model) in NO_ADD_PAGE else 200)


@pytest.mark.django_db
def test_changelist_queries_do_not_grow_with_rows(client, superuser):
    client.force_login(superuser)
    build_world(2)
    urls = [reverse(f"admin:{app}_{model}_changelist") for app, model in REGISTERED]
    for url in urls:
        client.get(url)  # warm caches (content types, session) so both counts compare like with like

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = {url: count(url) for url in urls}
    build_world(10, start=2)
    many = {url: count(url) for url in urls}
    assert many == few


@pytest.mark.django_db
def test_event_changelist_is_a_review_queue(client, superuser):
    candidate, reviewed, rejected, merged = build_world(4)
    Event.objects.filter(pk=reviewed.pk).update(status=Event.Status.REVIEWED, date="2030-01-01")
    Event.objects.filter(pk=rejected.pk).update(status=Event.Status.REJECTED)
    Event.objects.filter(pk=merged.pk).update(merged_into=candidate)
    client.force_login(superuser)

    response = client.get(reverse("admin:timeline_event_changelist"))
    listed = list(response.context["cl"].result_list)
    assert listed == [candidate, reviewed]  # candidates first, however recent the reviewed one
    assert listed[0].evidence_count == 1
    html = response.content.decode()
    assert "2024-04-27" in html and candidate.parks.get().name in html

    everything = client.get(reverse("admin:timeline_event_changelist") + "?queue=all")
    assert set(everything.context["cl"].result_list) == {candidate, reviewed, rejected, merged}
    by_status = client.get(reverse("admin:timeline_event_changelist") + "?status__exact=rejected")
    assert list(by_status.context["cl"].result_list) == [rejected]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["organisation", "park", "person", "position"], ids=lambda name: name)
def test_import_export_and_history_pages_render(client, superuser, name):
    build_world(1)
    client.force_login(superuser)
    model = next(m for m in admin.site._registry if m._meta.model_name == name)
    obj = model._default_manager.first()
    app = model._meta.app_label
    assert client.get(reverse(f"admin:{app}_{name}_import")).status_code == 200
    assert client.get(reverse(f"admin:{app}_{name}_export")).status_code == 200
    assert client.get(reverse(f"admin:{app}_{name}_history", args=[obj.pk])).status_code == 200


@pytest.mark.django_db
def test_history_shows_who_changed_a_record(client, superuser):
    build_world(1)
    org = Organisation.objects.get(name="测试局0")
    client.force_login(superuser)
    url = reverse("admin:people_organisation_change", args=[org.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "name": "测试局0改",
            "parent": org.parent_id,
            "predecessor": org.predecessor_id,
            "renamed_on": "",
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
            "aliases-MIN_NUM_FORMS": "0",
            "aliases-MAX_NUM_FORMS": "1000",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    record = org.history.first()
    assert record.name == "测试局0改" and record.history_user == superuser
    history = client.get(reverse("admin:people_organisation_history", args=[org.pk])).content.decode()
    assert superuser.username in history
