"""Entity corrections that stick: "same as" (merge, the name kept as an alias), "not a …"
(unlinked everywhere, deleted when unused, the name refused), "rename" (the old name kept as an
alias), for parks, organisations, people and policies; and the next import honours each."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from people.models import Alias, Organisation, Park, Person, Position
from policies.models import Policy, PolicyAlias
from tests.public import factories as f
from tests.timeline.importers.builders import DocumentBuilder
from timeline import entities
from timeline.gazetteer import gazetteer_entries, load_gazetteer
from timeline.importers import import_document
from timeline.models import Event, EventOrganisation, RefusedName

from .conftest import assert_in_step

pytestmark = pytest.mark.django_db


def report(sentence: str, *, name: str, **draft) -> DocumentBuilder:
    """A one-sentence document, and the draft the extractor gives for it."""
    text = f"{sentence}。（来源：{name}）"
    return DocumentBuilder(text, name=name, published="2024-05-12").event(sentence, **draft)


# --- same as ----------------------------------------------------------------------------------------


def test_same_as_merges_into_the_chosen_record_and_keeps_the_name(reviewer, world):
    variant = f.park("星河高新技术产业开发区")
    world.forum.parks.add(variant)

    kept = entities.same_as(record=variant, target=world.park, user=reviewer)

    assert kept == world.park and not Park.objects.filter(pk=variant.pk).exists()
    assert set(world.park.aliases.values_list("name", flat=True)) == {"星河高新技术产业开发区"}
    assert list(world.forum.parks.all()) == [world.park]
    assert_in_step()


def test_same_as_for_policies_keeps_the_title_as_an_alias(reviewer, world):
    short = f.policy("新赛道培育行动方案", document_number="星科发〔2024〕1号")
    world.forum.policies.add(short)

    entities.same_as(record=short, target=world.plan, user=reviewer)

    world.plan.refresh_from_db()
    assert list(world.plan.aliases.values_list("title", flat=True)) == ["新赛道培育行动方案"]
    assert world.plan.document_number == "星科发〔2024〕1号"  # an empty field is filled from the merged one
    assert world.plan in world.forum.policies.all()


def test_a_bare_name_same_as_a_disambiguated_person_becomes_its_alias(reviewer):
    academician = Person.objects.create(name="李克强", disambiguation="中国工程院院士", is_reviewed=True)
    bare = Person.objects.create(name="李克强")

    entities.same_as(record=bare, target=academician, user=reviewer)

    assert list(academician.aliases.values_list("name", flat=True)) == ["李克强"]


def test_same_as_needs_two_records_of_one_kind(reviewer, world):
    with pytest.raises(ValueError):
        entities.same_as(record=world.park, target=world.bureau, user=reviewer)
    with pytest.raises(ValueError):
        entities.same_as(record=world.park, target=world.park, user=reviewer)


# --- refuse -----------------------------------------------------------------------------------------


def test_refusing_unlinks_everywhere_deletes_the_unused_record_and_records_the_name(reviewer, world):
    junk = f.organisation("勇开新局")
    EventOrganisation.objects.create(event=world.forum, organisation=junk, role="participant")
    EventOrganisation.objects.create(event=world.release, organisation=junk, role="organiser")

    refusal = entities.refuse(record=junk, user=reviewer)

    assert (refusal.events, refusal.deleted) == (2, True)
    assert not Organisation.objects.filter(name="勇开新局").exists()
    refused = RefusedName.objects.get()
    assert (refused.kind, refused.name, refused.refused_by) == ("organisation", "勇开新局", reviewer)
    assert_in_step()


def test_a_refused_record_something_else_uses_stays_unlinked(reviewer, world):
    body = f.organisation("星河管委会")
    Position.objects.create(person=Person.objects.get(name="李明"), organisation=body, title="主任")
    EventOrganisation.objects.create(event=world.forum, organisation=body, role="participant")

    refusal = entities.refuse(record=body, user=reviewer)

    assert refusal.deleted is False and Organisation.objects.filter(pk=body.pk).exists()
    assert not body.event_roles.exists()


def test_a_refused_person_goes_with_their_positions(reviewer, world):
    fragment = Person.objects.get(name="李明")
    Position.objects.create(person=fragment, organisation=world.bureau, title="局长")

    entities.refuse(record=fragment, user=reviewer)

    assert not Person.objects.filter(name="李明").exists() and not Position.objects.exists()
    assert not world.forum.people.exists()


def test_a_refused_name_leaves_the_gazetteer(reviewer):
    Park.objects.create(name="家高新区", is_reviewed=True)
    assert "家高新区" in {entry.name for entry in gazetteer_entries()}
    entities.refuse(record=Park.objects.get(name="家高新区"), user=reviewer)
    assert "家高新区" not in {entry.name for entry in gazetteer_entries()}


def test_the_gazetteer_is_rebuilt_after_a_correction(reviewer, django_capture_on_commit_callbacks):
    Park.objects.create(name="家高新区", is_reviewed=True)
    built = load_gazetteer()
    with django_capture_on_commit_callbacks(execute=True):
        entities.refuse(record=Park.objects.get(name="家高新区"), user=reviewer)
    assert load_gazetteer() is not built
    assert "家高新区" not in {entry.name for entry in load_gazetteer().entries}


# --- rename -----------------------------------------------------------------------------------------


def test_rename_keeps_the_old_name_as_an_alias(editor, world):
    renamed = entities.rename(record=world.bureau, name="星河市科学技术局", user=editor)

    assert renamed.name == "星河市科学技术局"
    assert list(renamed.aliases.values_list("name", flat=True)) == ["星河市科技局"]
    assert "星河市科学技术局" in Event.objects.get(pk=world.forum.pk).search_text
    assert_in_step()


def test_rename_refuses_a_name_another_record_has_or_that_was_refused(editor, reviewer, world):
    f.organisation("星河大学")
    with pytest.raises(ValueError, match="same as|等同于"):
        entities.rename(record=world.bureau, name="星河大学", user=editor)
    entities.refuse(record=f.organisation("奋勇开新局"), user=reviewer)
    with pytest.raises(ValueError):
        entities.rename(record=world.bureau, name="奋勇开新局", user=editor)


def test_a_policy_is_renamed_by_its_title(editor, world):
    entities.rename(record=world.plan, name="《星河高新区新赛道培育三年行动方案》", user=editor)
    world.plan.refresh_from_db()
    assert world.plan.title == "星河高新区新赛道培育三年行动方案"
    assert list(PolicyAlias.objects.values_list("title", flat=True)) == ["星河高新区新赛道培育行动方案"]


# --- who may ----------------------------------------------------------------------------------------


def test_editors_rename_but_may_not_merge_or_refuse(editor, world):
    other = f.park("星河园")
    with pytest.raises(PermissionDenied):
        entities.same_as(record=other, target=world.park, user=editor)
    with pytest.raises(PermissionDenied):
        entities.refuse(record=other, user=editor)
    entities.rename(record=other, name="星河科学园", user=editor)  # allowed


def test_reviewers_do_all_three(reviewer, world):
    a, b, c = f.park("甲园"), f.park("乙园"), f.park("丙园")
    entities.rename(record=a, name="甲科学园", user=reviewer)
    entities.same_as(record=b, target=a, user=reviewer)
    entities.refuse(record=c, user=reviewer)
    assert set(Park.objects.values_list("name", flat=True)) == {"星河高新区", "甲科学园"}


# --- the next import honours them -------------------------------------------------------------------


def test_the_next_import_resolves_the_alias_and_never_creates_a_refused_name(reviewer):
    first = report(
        "5月8日，星河高新区与星河管委会、勇开新局举办人工智能论坛",
        name="first.txt",
        date="2024-05-08",
        parks=["星河高新区"],
        organisations=[("星河管委会", "organiser"), ("勇开新局", "participant")],
    )
    import_document(first.build())
    registry = Organisation.objects.create(name="星河高新区管理委员会", is_reviewed=True)

    entities.same_as(record=Organisation.objects.get(name="星河管委会"), target=registry, user=reviewer)
    entities.refuse(record=Organisation.objects.get(name="勇开新局"), user=reviewer)

    second = report(
        "6月1日，星河管委会与勇开新局为星河创新中心揭牌",
        name="second.txt",
        kind="launch",
        date="2024-06-01",
        organisations=[("星河管委会", "organiser"), ("勇开新局", "participant")],
    ).mention("勇开新局", kind="organisation")
    result = import_document(second.build())

    assert result.entities_new == 0
    assert set(Organisation.objects.values_list("name", flat=True)) == {"星河高新区管理委员会"}
    launch = Event.objects.get(kind="launch")
    assert set(launch.organisation_roles.values_list("organisation__name", "role")) == {
        ("星河高新区管理委员会", "organiser")
    }


def test_the_next_import_resolves_a_policy_alias(reviewer):
    target = Policy.objects.create(title="星河高新区新赛道培育行动方案", is_reviewed=True)
    stray = Policy.objects.create(title="新赛道培育方案")
    entities.same_as(record=stray, target=target, user=reviewer)

    doc = report(
        "5月8日，《新赛道培育方案》发布",
        name="release.txt",
        kind="policy_release",
        date="2024-05-08",
        policies=["新赛道培育方案"],
    )
    import_document(doc.build())

    assert list(Policy.objects.values_list("title", flat=True)) == ["星河高新区新赛道培育行动方案"]
    assert Event.objects.get().policies.get() == target


def test_an_alias_resolves_where_a_name_was_refused_for_another_kind(reviewer):
    """Refusals are per kind: "大连高新区" is no organisation, but it is a park."""
    park = Park.objects.create(name="大连高新区", is_reviewed=True)
    wrong = Organisation.objects.create(name="大连高新区")
    entities.refuse(record=wrong, user=reviewer)

    doc = report(
        "2020年10月1日，大连高新区出台政策",
        name="dalian.txt",
        kind="policy_release",
        date="2020-10-01",
        parks=["大连高新区"],
        organisations=[("大连高新区", "issuer")],
    )
    import_document(doc.build())

    event = Event.objects.get()
    assert list(event.parks.all()) == [park] and not event.organisation_roles.exists()
    assert not Organisation.objects.exists() and not Alias.objects.exists()
