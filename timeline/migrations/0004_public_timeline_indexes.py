"""Partial indexes over the published events only, for the public timeline.

Every public list reads ``status = 'published' AND merged_into_id IS NULL`` ordered by
(date, id); these indexes hold just those rows, in that order, with the kind in front for the
kind facet, so a page or a kind-filtered page is read straight off the index. Written as SQL
(the same on PostgreSQL and SQLite) because the models would need ``Index(condition=...)`` in
a file this migration's author does not own; moving them there later is a no-op for the
database.
"""

from django.db import migrations

PUBLISHED = "status = 'published' AND merged_into_id IS NULL"

INDEXES = {
    # timeline/filters.keyset_page: the timeline, newest or oldest first, any page
    "event_public_date_idx": "(date DESC, id DESC)",
    # the same with ?kind=…
    "event_public_kind_date_idx": "(kind, date DESC, id DESC)",
}


def forwards(apps, schema_editor):
    for name, columns in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON timeline_event {columns} WHERE {PUBLISHED}"
        )


def backwards(apps, schema_editor):
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0003_search_index")]

    operations = [migrations.RunPython(forwards, backwards)]
