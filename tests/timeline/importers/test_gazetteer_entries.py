"""The extractor's gazetteer from the database: names, aliases, lineage bounds, one build per process."""

from __future__ import annotations

import datetime as dt

import pytest

from people.models import Alias, Organisation, Park, Person
from policies.models import Policy
from timeline.gazetteer import gazetteer_entries, invalidate_gazetteer, load_gazetteer
from timeline.importers import import_document
from timeline.ingest.types import GazetteerEntry

from .builders import forum_report

pytestmark = pytest.mark.django_db


def test_entries_carry_aliases_lineage_and_short_titles():
    park = Park.objects.create(name="星河高新技术产业开发区", is_reviewed=True)
    Alias.objects.create(name="星河高新区", park=park)
    old = Organisation.objects.create(name="星河市科委", is_reviewed=True)
    new = Organisation.objects.create(
        name="星河市科学技术局", predecessor=old, renamed_on=dt.date(2019, 1, 1), is_reviewed=True
    )
    Alias.objects.create(name="星河市科技局", organisation=old)
    Alias.objects.create(name="星河市科技局", organisation=new)
    person = Person.objects.create(name="王明远", is_reviewed=True)
    Person.objects.create(name="王明远", disambiguation="中国工程院院士", is_reviewed=True)
    Alias.objects.create(name="王明远局长", person=person)
    Policy.objects.create(title="星河市科技创新条例", short_title="创新条例", is_reviewed=True)

    entries = gazetteer_entries()

    assert set(entries) == {
        GazetteerEntry("park", "星河高新技术产业开发区", ("星河高新区",)),
        GazetteerEntry("organisation", "星河市科委", ("星河市科技局",), valid_until=dt.date(2019, 1, 1)),
        GazetteerEntry("organisation", "星河市科学技术局", ("星河市科技局",), valid_from=dt.date(2019, 1, 1)),
        GazetteerEntry("person", "王明远", ("王明远局长",)),
        GazetteerEntry("policy", "星河市科技创新条例", ("创新条例",)),
    }


def test_names_an_editor_has_not_reviewed_are_not_known():
    """What an import created is a proposal, not knowledge: the next document must not link it."""
    unreviewed = Park.objects.create(name="家高新区")
    Alias.objects.create(name="家园区", park=unreviewed)
    Organisation.objects.create(name="支持苏州高新区")
    Person.objects.create(name="明确")
    Policy.objects.create(title="某某方案")
    Park.objects.create(name="星河高新区", is_reviewed=True)

    assert gazetteer_entries() == [GazetteerEntry("park", "星河高新区", ())]


def test_entries_take_a_constant_number_of_queries(django_assert_num_queries):
    for n in range(20):
        park = Park.objects.create(name=f"星河第{n}科技园", is_reviewed=True)
        Alias.objects.create(name=f"星河{n}园", park=park)
        Organisation.objects.create(name=f"星河第{n}研究院", is_reviewed=True)

    with django_assert_num_queries(7):  # parks, aliases, organisations, people, policies and theirs, refusals
        assert len(gazetteer_entries()) == 40


def test_the_gazetteer_is_built_once_and_an_import_leaves_it_as_it_is():
    Park.objects.create(name="云岭高新区", is_reviewed=True)
    first = load_gazetteer()
    assert load_gazetteer() is first
    assert [e.name for e in first.entries] == ["云岭高新区"]

    import_document(forum_report().build())  # creates 星河高新区, unreviewed

    assert load_gazetteer() is first
    invalidate_gazetteer()
    assert [e.name for e in load_gazetteer().entries] == ["云岭高新区"]
