"""Each named database constraint rejects what it should, on SQLite and PostgreSQL alike.

Rows are written with ``QuerySet.update`` or ``create`` so that nothing but the database stands in
the way; the error must name the constraint (PostgreSQL always does; SQLite names check
constraints and lists the columns of unique ones).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, models, transaction

from people.models import Alias, Organisation, Park, Person, Position
from policies.models import Policy, PolicyAlias
from timeline.models import (
    Event,
    EventOrganisation,
    Evidence,
    FacetTally,
    NewsItem,
    RefusedName,
    Source,
    Withdrawal,
)

D = dt.date


def world() -> SimpleNamespace:
    org = Organisation.objects.create(name="某某局")
    park = Park.objects.create(name="某高新区")
    person = Person.objects.create(name="王五")
    policy = Policy.objects.create(title="某方案（2024—2027年）")
    source = Source.objects.create(raw_text="正文", clean_text="正文", content_sha256="a" * 64)
    item = NewsItem.objects.create(source=source, start=0, end=2)
    event = Event.objects.create(date=D(2024, 4, 27), title="某论坛")
    position = Position.objects.create(person=person, organisation=org, title="局长")
    evidence = Evidence.objects.create(event=event, news_item=item, quote="正文", start=0, end=2)
    return SimpleNamespace(**locals())


def twice(create: Callable[..., object], **values) -> None:
    create(**values)
    create(**values)


def set_on(obj: models.Model, **values) -> None:
    type(obj).objects.filter(pk=obj.pk).update(**values)


# (constraint name, what breaks it)
VIOLATIONS: list[tuple[str, Callable[[SimpleNamespace], object]]] = [
    ("event_valid_precision", lambda w: set_on(w.event, precision="week")),
    ("event_valid_kind", lambda w: set_on(w.event, kind="party")),
    ("event_valid_status", lambda w: set_on(w.event, status="maybe")),
    ("event_end_after_start", lambda w: set_on(w.event, end_date=D(2024, 4, 26))),
    (
        "event_window_in_order",
        lambda w: set_on(w.event, window_start=D(2024, 4, 27), window_end=D(2024, 4, 1)),
    ),
    ("event_confidence_0_1", lambda w: set_on(w.event, confidence=1.5)),
    ("event_not_merged_into_itself", lambda w: set_on(w.event, merged_into=w.event)),
    ("event_published_is_dated", lambda w: set_on(w.event, date=None, status="published")),
    (
        "withdrawal_valid_reason",
        lambda w: Withdrawal.objects.create(event_id=1, withdrawn_at=dt.datetime.now(dt.UTC), reason="bored"),
    ),
    (
        "eventorganisation_unique_role",
        lambda w: twice(EventOrganisation.objects.create, event=w.event, organisation=w.org),
    ),
    (
        "eventorganisation_valid_role",
        lambda w: EventOrganisation.objects.create(event=w.event, organisation=w.org, role="fan"),
    ),
    ("evidence_end_after_start", lambda w: set_on(w.evidence, end=0)),
    (
        "evidence_unique_passage",
        lambda w: Evidence.objects.create(event=w.event, news_item=w.item, quote="x", start=0, end=1),
    ),
    ("newsitem_end_after_start", lambda w: set_on(w.item, end=0, start=1)),
    ("newsitem_unique_position", lambda w: NewsItem.objects.create(source=w.source, start=0, end=1)),
    ("source_valid_published_precision", lambda w: set_on(w.source, published_precision="week")),
    ("organisation_unique_name_key", lambda w: Organisation.objects.create(name=" 某某局 ")),
    ("organisation_valid_kind", lambda w: set_on(w.org, kind="club")),
    ("organisation_not_own_parent", lambda w: set_on(w.org, parent=w.org)),
    ("organisation_not_own_predecessor", lambda w: set_on(w.org, predecessor=w.org)),
    ("park_unique_name_key", lambda w: Park.objects.create(name="某高新区\u3000")),
    ("park_valid_level", lambda w: set_on(w.park, level="cosmic")),
    ("park_valid_approved_precision", lambda w: set_on(w.park, approved_precision="week")),
    ("park_not_own_parent", lambda w: set_on(w.park, parent=w.park)),
    ("person_unique_name_key", lambda w: Person.objects.create(name="王五")),
    (
        "position_unique_title",
        lambda w: Position.objects.create(person=w.person, organisation=w.org, title="局长"),
    ),
    (
        "position_seen_in_order",
        lambda w: set_on(w.position, first_seen=D(2024, 5, 1), last_seen=D(2024, 4, 1)),
    ),
    ("position_ends_after_start", lambda w: set_on(w.position, start_on=D(2024, 5, 1), end_on=D(2024, 4, 1))),
    ("alias_names_exactly_one", lambda w: Alias.objects.create(name="别名", park=w.park, organisation=w.org)),
    ("alias_names_exactly_one", lambda w: Alias.objects.create(name="别名")),
    ("alias_unique_per_park", lambda w: twice(Alias.objects.create, name="高新区", park=w.park)),
    ("alias_unique_per_organisation", lambda w: twice(Alias.objects.create, name="某局", organisation=w.org)),
    ("alias_unique_per_person", lambda w: twice(Alias.objects.create, name="老王", person=w.person)),
    ("policy_unique_title_key", lambda w: Policy.objects.create(title="《某方案(2024-2027年)》")),
    ("policy_valid_kind", lambda w: set_on(w.policy, kind="poem")),
    ("policy_valid_status", lambda w: set_on(w.policy, status="lost")),
    ("policy_valid_written_precision", lambda w: set_on(w.policy, written_precision="week")),
    ("policy_valid_published_precision", lambda w: set_on(w.policy, published_precision="week")),
    ("policy_valid_effective_precision", lambda w: set_on(w.policy, effective_precision="week")),
    ("policy_period_in_order", lambda w: set_on(w.policy, period_start=2027, period_end=2024)),
    (
        "facettally_valid_dimension",
        lambda w: FacetTally.objects.create(dimension="colour", value="red", kind="", total=1, years={}),
    ),
    (
        "facettally_not_negative",
        lambda w: FacetTally.objects.create(dimension="park", value="1", kind="", total=-1, years={}),
    ),
    # the same name refused twice for one kind, in another spelling
    (
        "refusedname_unique_key",
        lambda w: twice_spelt(RefusedName, "kind", "park", "name", "某园区", "某园区 "),
    ),
    ("refusedname_valid_kind", lambda w: RefusedName.objects.create(kind="planet", name="某星")),
    (
        "policyalias_unique_per_policy",
        lambda w: twice(PolicyAlias.objects.create, title="某方案", policy=w.policy),
    ),
]


def twice_spelt(model, kind_field: str, kind: str, name_field: str, first: str, second: str) -> None:
    model.objects.create(**{kind_field: kind, name_field: first})
    model.objects.create(**{kind_field: kind, name_field: second})


def named_constraints() -> set[str]:
    return {
        constraint.name
        for app in ("people", "policies", "timeline")
        for model in apps.get_app_config(app).get_models()
        for constraint in model._meta.constraints
    }


def test_every_named_constraint_has_a_case():
    assert named_constraints() <= {name for name, _ in VIOLATIONS}


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "violate"), VIOLATIONS, ids=[name for name, _ in VIOLATIONS])
def test_constraint_rejects(name, violate):
    w = world()
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        violate(w)
    is_sqlite_unique = connection.vendor == "sqlite" and "UNIQUE" in str(error.value)
    assert name in str(error.value) or is_sqlite_unique, str(error.value)


@pytest.mark.django_db
def test_the_same_rows_are_fine_when_they_keep_the_rules():
    w = world()
    Person.objects.create(name="王五", disambiguation="另一位")  # disambiguated namesakes may coexist
    Alias.objects.create(name="高新区", park=w.park)
    Alias.objects.create(name="高新区", organisation=w.org)  # one alias may name different things
    set_on(
        w.event, end_date=D(2024, 4, 27), window_start=D(2024, 4, 13), window_end=D(2024, 4, 27), confidence=1
    )
    set_on(w.policy, period_start=2024, period_end=2024)
    set_on(w.position, first_seen=D(2024, 4, 1), last_seen=D(2024, 4, 1))
    Evidence.objects.create(event=w.event, news_item=w.item, quote="文", start=1, end=2)
