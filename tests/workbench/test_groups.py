"""The groups the browser tests make after a flush are the groups the migrations make."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from .groups import make_groups


def rights() -> dict[str, set[str]]:
    return {
        group.name: set(group.permissions.values_list("content_type__app_label", "codename"))
        for group in Group.objects.filter(name__in=["Editors", "Reviewers"])
    }


@pytest.mark.django_db
def test_the_groups_made_again_are_the_migrations_groups():
    migrated = rights()
    assert set(migrated) == {"Editors", "Reviewers"} and all(migrated.values())
    Group.objects.all().delete()

    make_groups()

    assert rights() == migrated
