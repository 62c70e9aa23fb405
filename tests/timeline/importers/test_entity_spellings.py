"""A new spelling of a known park or government becomes its alias, not a second record."""

from __future__ import annotations

import pytest

from people.models import Alias, Organisation, Park
from timeline.entities import other_spellings, resolve_spellings
from timeline.importers import import_document
from timeline.models import Event

from .builders import forum_report

pytestmark = pytest.mark.django_db


def test_a_zone_printed_short_links_to_its_full_name_and_keeps_the_spelling():
    park = Park.objects.create(name="星河高新技术产业开发区", is_reviewed=True)

    import_document(forum_report().build())  # the report prints 星河高新区

    assert list(Park.objects.all()) == [park]
    assert list(Event.objects.get(kind="forum").parks.all()) == [park]
    assert list(Alias.objects.filter(park=park).values_list("name", flat=True)) == ["星河高新区"]


def test_a_government_with_or_without_renmin_is_one_record():
    government = Organisation.objects.create(name="信阳市人民政府")

    assert resolve_spellings(Organisation, {"信阳市政府": "信阳市政府"}) == {"信阳市政府": government.pk}
    assert resolve_spellings(Organisation, {"信阳市政府": "信阳市政府"}) == {"信阳市政府": government.pk}
    assert Alias.objects.filter(organisation=government).count() == 1


def test_names_with_no_other_form_resolve_nothing():
    Park.objects.create(name="星河科技城")

    assert other_spellings(Park, "星河科技城") == []
    assert resolve_spellings(Park, {"星河科学城": "星河科学城"}) == {}
