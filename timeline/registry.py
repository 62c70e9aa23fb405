"""Loads the registry CSV files into Park, Organisation and Alias rows, safely re-runnable.

Rows are matched by ``name_key``, so a second run finds every record and changes nothing;
a record counts as "updated" only when one of its values, its parent/predecessor or its
aliases actually changed. Aliases an editor added are kept: the registry only adds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from people.models import Alias, Organisation, Park, Precision
from people.names import name_key
from timeline.derived import entities_changed
from timeline.ingest.registry import (
    DEFAULT_FOLDER,
    ORGANISATIONS_FILE,
    PARKS_FILE,
    OrganisationRow,
    ParkRow,
    read_organisation_rows,
    read_park_rows,
)


@dataclass
class LoadReport:
    """What a load did, counted in parks and organisations (an alias added makes its record updated)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    aliases_created: int = 0

    def summary(self) -> str:
        return f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}"


def load_registry(*, folder: Path | None = None, dry_run: bool = False) -> LoadReport:
    """Upsert the parks and organisations of ``folder`` (default ``seeds/registry``) in one transaction.

    Both files are read and checked before anything is written, so a bad file changes nothing
    (raises ``timeline.ingest.registry.RegistryError``). With ``dry_run`` the work is done
    and counted, then rolled back.
    """
    folder = DEFAULT_FOLDER if folder is None else Path(folder)
    park_rows = read_park_rows(folder / PARKS_FILE)
    organisation_rows = read_organisation_rows(folder / ORGANISATIONS_FILE)
    report = LoadReport()
    with transaction.atomic():
        organisations = _upsert(
            Organisation,
            organisation_rows,
            _organisation_values,
            ("parent", "predecessor"),
            "organisation",
            report,
        )
        parks = _upsert(Park, park_rows, _park_values, ("parent",), "park", report)
        # a new alias or name is in the search text of the record's events, a park's province
        # in their facet counts
        entities_changed(Organisation, organisations)
        entities_changed(Park, parks)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _park_values(row: ParkRow) -> dict[str, object]:
    approved_on = dt.date(row.national_year, 1, 1) if row.national_year else None
    return {
        "level": row.level,
        "province": row.province,
        "city": row.city,
        "approved_on": approved_on,
        "approved_precision": Precision.YEAR,
        "name_en": row.name_en,
        "is_reviewed": True,
    }


def _organisation_values(row: OrganisationRow) -> dict[str, object]:
    return {
        "kind": row.kind,
        "renamed_on": row.renamed_on,
        "country": row.country,
        "name_en": row.name_en,
        "is_reviewed": True,
    }


def _upsert(
    model: type[Park] | type[Organisation],
    rows: list[ParkRow] | list[OrganisationRow],
    values_of: Callable,
    links: tuple[str, ...],
    alias_field: str,
    report: LoadReport,
) -> list[int]:
    """Create or update one record per row, point its links (parent, predecessor) and add missing
    aliases; returns the ids of the records that changed (created ones name no event yet).

    One query finds the existing records and one their aliases. Only changed records are
    saved: each save writes a history row, so a re-run must not save anything.
    """
    keys = [name_key(row.name) for row in rows]
    existing = {record.name_key: record for record in model.objects.filter(name_key__in=keys)}
    known_aliases = set(
        Alias.objects.filter(**{f"{alias_field}__in": list(existing.values())}).values_list(
            f"{alias_field}_id", "name_key"
        )
    )
    records = dict(existing)
    created: set[str] = set()
    changed: set[str] = set()
    forward: list[tuple[str, str, str]] = []  # (record key, link field, target key) not created yet
    new_aliases: list[Alias] = []
    for key, row in zip(keys, rows, strict=True):
        values = {"name": row.name, **values_of(row)}
        for field in links:
            target = name_key(getattr(row, field))
            if not target:
                values[f"{field}_id"] = None
            elif target in records:
                values[f"{field}_id"] = records[target].pk
            else:
                forward.append((key, field, target))
        record = existing.get(key)
        if record is None:
            record = model(**values)
            record.save()
            created.add(key)
        elif any(getattr(record, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(record, field, value)
            record.save()
            changed.add(key)
        records[key] = record
        for alias in row.aliases:
            alias_key = name_key(alias)
            if (record.pk, alias_key) not in known_aliases:
                known_aliases.add((record.pk, alias_key))
                new_aliases.append(Alias(name=alias, name_key=alias_key, **{alias_field: record}))
                changed.add(key)
    for key, field, target in forward:  # links to rows further down the file
        record = records[key]
        setattr(record, field, records[target])
        record.save()
        changed.add(key)
    Alias.objects.bulk_create(new_aliases)  # skips Alias.save(), hence name_key set above
    report.created += len(created)
    report.updated += len(changed - created)
    report.unchanged += len(rows) - len(created | changed)
    report.aliases_created += len(new_aliases)
    return [records[key].pk for key in changed - created]
