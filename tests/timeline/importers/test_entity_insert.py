"""New names are inserted with the database deciding conflicts: a record another writer saved
meanwhile is returned instead of a failed import, a slug taken by another name gets a suffix."""

from __future__ import annotations

import pytest

from people.models import Park, Person
from people.names import name_key
from timeline.importers import _insert

pytestmark = pytest.mark.django_db


def test_a_name_saved_meanwhile_by_another_writer_is_returned():
    theirs = Park.objects.create(name="星河高新区", is_reviewed=True)

    ours = _insert(Park(name="星河高新区", is_reviewed=False), name_key=name_key("星河高新区"))

    assert ours.pk == theirs.pk and Park.objects.count() == 1


def test_a_slug_taken_by_another_name_gets_the_names_own_suffix():
    Park.objects.create(name="星河·高新区")  # another name that slugifies alike
    spelled = Park(name="星河高新区", slug="星河高新区")

    ours = _insert(spelled, name_key=name_key("星河高新区"))

    assert Park.objects.count() == 2
    assert ours.slug.startswith("星河高新区-") and ours.slug != "星河高新区"


def test_namesakes_told_apart_are_two_people():
    Person.objects.create(name="王明远", disambiguation="中国工程院院士")

    ours = _insert(Person(name="王明远", disambiguation=""), name_key=name_key("王明远"))

    assert Person.objects.count() == 2 and ours.disambiguation == ""
