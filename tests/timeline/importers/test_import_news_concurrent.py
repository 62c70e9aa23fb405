"""Imports run side by side (issue #8, finding 7): four ``import_news`` processes over overlapping
folders on PostgreSQL fail no document and store exactly what one run over the same files stores.

Real processes on the real test database: the unique names and slugs two importers create at
once, and the events a document must merge into, are decided by PostgreSQL, not by this process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from people.models import Organisation, Park, Person, Position
from policies.models import Policy
from timeline.models import Event, Source

ROOT = Path(__file__).resolve().parents[3]
DOCUMENTS = [
    *sorted((ROOT / "seeds" / "news").glob("*.txt")),
    *sorted((ROOT / "tests" / "eval" / "heldout" / "news").glob("*.txt")),
]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite writes one transaction at a time; runs on PostgreSQL",
    ),
]


def database_url() -> str:
    settings = connection.settings_dict
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or "5432"
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgres://{settings['USER']}{password}@{host}:{port}/{settings['NAME']}"


def import_news(*folders: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url()}
    return subprocess.run(
        # a year for the documents that print no date of their own; the others keep theirs
        [sys.executable, str(ROOT / "manage.py"), "import_news", "--publish", "--published", "2025"]
        + [str(folder) for folder in folders],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )


def stored() -> dict[str, set]:
    """Everything an import writes, by names and content (ids differ between runs)."""

    def names(manager, field: str = "name") -> frozenset:
        return frozenset(manager.values_list(field, flat=True))

    return {
        "sources": set(Source.objects.values_list("content_sha256", flat=True)),
        "events": {
            (e.kind, e.date, e.precision, e.end_date, e.window_start, e.window_end, e.status, e.title)
            + (e.merged_into_id is None, frozenset(e.evidence.values_list("quote", flat=True)))
            + (names(e.parks), names(e.people), names(e.policies, "title"))
            + (frozenset(e.organisation_roles.values_list("organisation__name", "role")),)
            for e in Event.objects.all()
        },
        "parks": set(Park.objects.values_list("name", "is_reviewed")),
        "organisations": set(Organisation.objects.values_list("name", "is_reviewed")),
        "people": set(Person.objects.values_list("name", "disambiguation")),
        "policies": set(Policy.objects.values_list("title", "document_number")),
        "positions": set(
            Position.objects.values_list(
                "person__name", "organisation__name", "title", "first_seen", "last_seen"
            )
        ),
    }


def fresh_database() -> None:
    call_command("flush", interactive=False, verbosity=0)
    call_command("load_registry", verbosity=0)


def test_four_overlapping_importers_store_what_one_importer_stores(tmp_path: Path):
    folders = []
    for n, chosen in enumerate([DOCUMENTS[0:9], DOCUMENTS[5:14], DOCUMENTS[10:], DOCUMENTS[::2]], start=1):
        folder = tmp_path / f"run{n}"
        folder.mkdir()
        for document in chosen:
            shutil.copy(document, folder / document.name)
        folders.append(folder)
    assert {d.name for folder in folders for d in folder.iterdir()} == {d.name for d in DOCUMENTS}

    fresh_database()
    one_run = import_news(*folders)
    assert one_run.returncode == 0, one_run.stderr
    expected = stored()

    fresh_database()
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = list(pool.map(import_news, folders))

    for run in runs:
        assert run.returncode == 0 and "failed 0" in run.stdout, run.stderr
    assert stored() == expected
    assert len(expected["sources"]) == len(DOCUMENTS)
