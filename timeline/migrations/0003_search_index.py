"""Search and freshness indexes for the public timeline (see timeline/search.py).

PostgreSQL: a stored generated column ``search_vector`` (the tsvector of the segmented search
text; the models do not declare it, PostgreSQL keeps it up to date) with a GIN index, so that
ranking reads the vector instead of recomputing it for every match. SQLite: an FTS5 table
that triggers keep in step with ``timeline_event.search_text`` (inserts, updates, deletes and
test flushes alike). A later migration that makes SQLite rebuild ``timeline_event`` drops the
triggers: tests/public/test_public_search_index.py fails then, and that migration must create
them again (``create_sqlite_triggers`` below). Both: an index on ``updated`` so the
facet cache can ask "has anything changed?" with one index lookup (timeline/filters.py).
Written as SQL because the models cannot declare an expression index or a virtual table
portably.
"""

from django.db import migrations

FTS = "timeline_event_fts"
TRIGGERS = {
    "timeline_event_fts_insert": (
        f"AFTER INSERT ON timeline_event BEGIN "
        f"INSERT INTO {FTS}(rowid, search_text) VALUES (new.id, new.search_text); END"
    ),
    "timeline_event_fts_update": (
        f"AFTER UPDATE OF search_text ON timeline_event BEGIN "
        f"DELETE FROM {FTS} WHERE rowid = old.id; "
        f"INSERT INTO {FTS}(rowid, search_text) VALUES (new.id, new.search_text); END"
    ),
    "timeline_event_fts_delete": (
        f"AFTER DELETE ON timeline_event BEGIN DELETE FROM {FTS} WHERE rowid = old.id; END"
    ),
}


def create_sqlite_triggers(execute) -> None:
    for name, body in TRIGGERS.items():
        execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    execute = schema_editor.execute
    execute("CREATE INDEX IF NOT EXISTS event_updated_idx ON timeline_event (updated)")
    if vendor == "postgresql":
        execute(
            "ALTER TABLE timeline_event ADD COLUMN IF NOT EXISTS search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED"
        )
        execute("CREATE INDEX IF NOT EXISTS event_search_gin_idx ON timeline_event USING GIN (search_vector)")
    elif vendor == "sqlite":
        execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5(search_text, tokenize='unicode61')")
        execute(f"INSERT INTO {FTS}(rowid, search_text) SELECT id, search_text FROM timeline_event")
        create_sqlite_triggers(execute)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    schema_editor.execute("DROP INDEX IF EXISTS event_updated_idx")
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS event_search_gin_idx")
        schema_editor.execute("ALTER TABLE timeline_event DROP COLUMN IF EXISTS search_vector")
    elif vendor == "sqlite":
        for name in TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0002_editor_groups")]

    operations = [migrations.RunPython(forwards, backwards)]
