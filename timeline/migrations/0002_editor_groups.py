"""The two curation groups: Editors curate, Reviewers also publish and merge."""

from django.db import migrations

CURATED = {
    "timeline": ["source", "newsitem", "event", "eventorganisation", "evidence"],
    "policies": ["policy"],
    "people": ["organisation", "park", "person", "position", "alias"],
}
EDITORS = "Editors"
REVIEWERS = "Reviewers"


def create_groups(apps, schema_editor):
    # Permissions are normally created after migrate; create them now so the groups can hold them.
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor_codenames = []
    for models in CURATED.values():
        for model in models:
            editor_codenames += [f"add_{model}", f"change_{model}", f"view_{model}"]
    editor_perms = Permission.objects.filter(codename__in=editor_codenames, content_type__app_label__in=CURATED)
    reviewer_perms = Permission.objects.filter(
        codename__in=editor_codenames
        + ["publish_event", "merge_event"]
        + [f"delete_{model}" for models in CURATED.values() for model in models],
        content_type__app_label__in=CURATED,
    )
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.set(editor_perms)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.set(reviewer_perms)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, REVIEWERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("timeline", "0001_initial"),
        ("people", "0002_initial"),
        ("policies", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
