"""Merging organisations, parks and people: every reference moves, names become aliases."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from people.models import Alias, Organisation, Park, Person, Position
from policies.models import Policy
from timeline import entities as merging
from timeline.models import Event, EventOrganisation

from .conftest import build_world

pytestmark = pytest.mark.django_db


def aliases(record) -> set[str]:
    return set(record.aliases.values_list("name", flat=True))


def test_merge_organisations_moves_every_reference(superuser):
    e0, e1 = build_world(2)
    keep, gone = Organisation.objects.get(name="测试局0"), Organisation.objects.get(name="测试局1")
    Organisation.objects.filter(pk=keep.pk).update(is_reviewed=True)
    child = Organisation.objects.create(name="下属中心", parent=gone, predecessor=gone)
    Organisation.objects.filter(pk=keep.pk).update(predecessor=gone)
    # the same position under both names becomes one, with the wider span of dates
    Position.objects.create(person=Person.objects.get(name="张0"), organisation=gone, title="局长")
    Position.objects.filter(organisation=gone, person__name="张0").update(first_seen="2020-01-01")

    survivor = merging.merge_organisations(
        organisations=Organisation.objects.filter(pk__in=[keep.pk, gone.pk]), user=superuser
    )

    assert survivor == keep and not Organisation.objects.filter(pk=gone.pk).exists()
    assert aliases(survivor) == {"测局0", "测局1", "测试局1"}
    assert set(EventOrganisation.objects.filter(organisation=survivor).values_list("event", flat=True)) == {
        e0.pk,
        e1.pk,
    }
    assert Policy.objects.filter(issuers=survivor).count() == 2
    child.refresh_from_db()
    assert child.parent == survivor and child.predecessor == survivor
    assert survivor.predecessor is None  # never its own predecessor
    assert Park.objects.filter(managing_organisation=survivor).count() == 2
    zhang0 = Position.objects.get(person__name="张0", organisation=survivor, title="局长")
    assert str(zhang0.first_seen) == "2020-01-01" and str(zhang0.last_seen) == "2024-04-27"
    assert Position.objects.filter(organisation=survivor).count() == 2


def test_merge_parks_moves_events_and_sub_parks(superuser):
    e0, e1 = build_world(2)
    parks = Park.objects.filter(name__in=["测试高新区0", "测试高新区1"])
    survivor = merging.merge_parks(parks=parks, user=superuser)
    assert survivor.name == "测试高新区0"
    assert set(survivor.events.all()) == {e0, e1}
    assert set(survivor.children.values_list("name", flat=True)) == {"测试高新区0分园", "测试高新区1分园"}
    assert aliases(survivor) == {"测试园0", "测试园1", "测试高新区1"}
    assert Alias.objects.filter(park__isnull=False).count() == 3


def test_merge_people_moves_events_and_positions(superuser):
    e0, e1 = build_world(2)
    survivor = merging.merge_people(people=Person.objects.filter(name__in=["张0", "张1"]), user=superuser)
    assert set(survivor.events.all()) == {e0, e1}
    assert set(survivor.positions.values_list("organisation__name", flat=True)) == {"测试局0", "测试局1"}
    assert aliases(survivor) == {"张老0", "张老1", "张1"}


def test_merging_needs_the_merge_permission(editor):
    build_world(2)
    with pytest.raises(PermissionDenied):
        merging.merge_parks(parks=Park.objects.all(), user=editor)
    assert Park.objects.count() == 4


@pytest.mark.parametrize(
    ("model", "names"),
    [
        ("organisation", ["测试局0", "测试局1"]),
        ("park", ["测试高新区0", "测试高新区1"]),
        ("person", ["张0", "张1"]),
    ],
)
def test_merge_actions_in_the_admin(client, reviewer, model, names):
    build_world(2)
    model_class = {"organisation": Organisation, "park": Park, "person": Person}[model]
    selected = list(model_class.objects.filter(name__in=names).values_list("pk", flat=True))
    client.force_login(reviewer)
    response = client.post(
        reverse(f"admin:people_{model}_changelist"),
        {"action": "merge_selected", "_selected_action": selected},
    )
    assert response.status_code == 302
    assert model_class.objects.filter(pk__in=selected).count() == 1
    survivor = model_class.objects.get(pk__in=selected)
    assert set(names) - {survivor.name} <= aliases(survivor)
    relation = {"organisation": "organisations", "park": "parks", "person": "people"}[model]
    assert Event.objects.filter(**{relation: survivor}).count() == 2
