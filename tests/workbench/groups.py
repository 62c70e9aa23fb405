"""The Editors and Reviewers groups, made again after a transactional test's flush."""

from __future__ import annotations

import importlib

from django.contrib.auth.models import Group, Permission


def make_groups() -> None:
    """The Editors and Reviewers groups as migrations 0002 and 0009 of timeline make them: a
    transactional test's flush takes data migrations' rows away (the permissions come back with
    post_migrate, the groups do not)."""
    curated = importlib.import_module("timeline.migrations.0002_editor_groups").CURATED
    models = [(app, model) for app, names in curated.items() for model in names]
    rights = Permission.objects.select_related("content_type")

    def having(*actions: str, extra: tuple[str, ...] = ()) -> list[Permission]:
        wanted = {(app, f"{action}_{model}") for app, model in models for action in actions}
        wanted |= {("timeline", codename) for codename in extra}
        return [p for p in rights if (p.content_type.app_label, p.codename) in wanted]

    seeing = ("view_refusedname", "view_eventmerge")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(having("add", "change", "view", extra=seeing))
    reviewers, _ = Group.objects.get_or_create(name="Reviewers")
    refusing = ("publish_event", "merge_event", "add_refusedname", "delete_refusedname")
    reviewers.permissions.set(having("add", "change", "view", "delete", extra=seeing + refusing))
