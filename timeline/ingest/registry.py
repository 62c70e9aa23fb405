"""The registry CSV files (``seeds/registry``): known parks and organisations with their aliases.

One parser, two consumers: the extractor reads the files here into a gazetteer without a
database (``read_registry``), and ``timeline.registry`` loads the same typed rows into the
database (``read_park_rows`` / ``read_organisation_rows``). Plain Python: no Django.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from people.names import name_key
from timeline.ingest.types import GazetteerEntry, PartialDate

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "seeds" / "registry"
PARKS_FILE = "parks.csv"
ORGANISATIONS_FILE = "organisations.csv"

PARK_COLUMNS = ("name", "full_name", "level", "province", "city", "national_year", "parent", "aliases")
ORGANISATION_COLUMNS = ("name", "kind", "parent", "predecessor", "renamed_on", "country", "aliases")
OPTIONAL_COLUMNS = ("name_en",)  # read when the header has them, empty otherwise

# The values of people.models.ParkLevel / OrganisationKind, repeated here because this module
# must not import Django; a test keeps the two in step.
PARK_LEVELS = frozenset(
    {"national_htz", "national_demo", "provincial", "sub_park", "specialty", "foreign", "other"}
)
ORGANISATION_KINDS = frozenset(
    {
        "ministry",
        "agency",
        "local_government",
        "park_committee",
        "company",
        "association",
        "university",
        "media",
        "foreign",
        "other",
    }
)

ALIAS_SEPARATOR = "|"
_YEAR = re.compile(r"^\d{4}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_FIRST_YEAR, _LAST_YEAR = 1980, 2100  # national zones start in 1988; anything outside is a typo


class RegistryError(ValueError):
    """A registry file that cannot be used; the message names the file and the line."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        where = f"{path}, line {line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class ParkRow:
    name: str
    full_name: str
    level: str
    province: str
    city: str
    national_year: int | None
    parent: str
    aliases: tuple[str, ...]  # every other name, the full name first; never the name itself
    line: int
    name_en: str = ""  # the official English name, searchable and shown on the park's page


@dataclass(frozen=True)
class OrganisationRow:
    name: str
    kind: str
    parent: str
    predecessor: str
    renamed_on: dt.date | None
    country: str
    aliases: tuple[str, ...]
    line: int
    name_en: str = ""


def read_park_rows(path: Path) -> list[ParkRow]:
    """The rows of a parks file, checked: known level, plausible year, parents that exist."""
    rows = []
    for line, record in _records(path, PARK_COLUMNS):
        name = _required(path, line, record, "name")
        level = record["level"]
        if level not in PARK_LEVELS:
            raise RegistryError(
                path, line, f"unknown level {level!r} (one of {', '.join(sorted(PARK_LEVELS))})"
            )
        full_name = record["full_name"]
        rows.append(
            ParkRow(
                name=name,
                full_name=full_name,
                level=level,
                province=record["province"],
                city=record["city"],
                national_year=_year(path, line, record["national_year"]),
                parent=record["parent"],
                aliases=_aliases(name, [full_name, *_split(record["aliases"])]),
                line=line,
                name_en=record["name_en"],
            )
        )
    _check_unique(path, rows)
    _check_references(path, rows, "parent")
    return rows


def read_organisation_rows(path: Path) -> list[OrganisationRow]:
    """The rows of an organisations file, checked: known kind, dates, parents and predecessors."""
    rows = []
    for line, record in _records(path, ORGANISATION_COLUMNS):
        name = _required(path, line, record, "name")
        kind = record["kind"]
        if kind not in ORGANISATION_KINDS:
            raise RegistryError(
                path, line, f"unknown kind {kind!r} (one of {', '.join(sorted(ORGANISATION_KINDS))})"
            )
        country = record["country"] or "CN"
        if not _COUNTRY.match(country):
            raise RegistryError(path, line, f"country must be a two-letter ISO 3166 code, not {country!r}")
        rows.append(
            OrganisationRow(
                name=name,
                kind=kind,
                parent=record["parent"],
                predecessor=record["predecessor"],
                renamed_on=_date(path, line, record["renamed_on"]),
                country=country,
                aliases=_aliases(name, _split(record["aliases"])),
                line=line,
                name_en=record["name_en"],
            )
        )
    _check_unique(path, rows)
    _check_references(path, rows, "parent")
    _check_references(path, rows, "predecessor")
    return rows


def read_registry(folder: Path | None = None) -> list[GazetteerEntry]:
    """Every park and organisation of the registry as gazetteer entries, for the entity linker.

    A renamed body and its predecessor share aliases (火炬中心); their entries are bounded in
    time so the linker picks the one in office at the document's date: the predecessor is
    valid until, and the successor from, the successor's ``renamed_on``.
    """
    folder = DEFAULT_FOLDER if folder is None else Path(folder)
    entries = [
        GazetteerEntry(kind="park", name=row.name, aliases=row.aliases)
        for row in read_park_rows(folder / PARKS_FILE)
    ]
    organisations = read_organisation_rows(folder / ORGANISATIONS_FILE)
    ends = {row.predecessor: row.renamed_on for row in organisations if row.predecessor and row.renamed_on}
    for row in organisations:
        entries.append(
            GazetteerEntry(
                kind="organisation",
                name=row.name,
                aliases=row.aliases,
                valid_from=row.renamed_on if row.predecessor else None,
                valid_until=ends.get(row.name),
            )
        )
    return entries


def _records(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, stripped values) for each non-blank row; the header must hold every column."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise RegistryError(path, None, f"cannot read the file ({error.strerror or error})") from error
    with handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [column for column in columns if column not in header]
        if missing:
            raise RegistryError(path, 1, f"missing column(s): {', '.join(missing)}")
        for record in reader:
            line = reader.line_num
            if None in record:  # more cells than the header has columns
                raise RegistryError(
                    path, line, f"{len(header) + len(record[None])} cells for {len(header)} columns"
                )
            values = {column: (record.get(column) or "").strip() for column in (*columns, *OPTIONAL_COLUMNS)}
            if any(values.values()):
                yield line, values


def _required(path: Path, line: int, record: dict[str, str], column: str) -> str:
    if not record[column]:
        raise RegistryError(path, line, f"{column} is empty")
    return record[column]


def _year(path: Path, line: int, value: str) -> int | None:
    if not value:
        return None
    if not _YEAR.match(value) or not _FIRST_YEAR <= int(value) <= _LAST_YEAR:
        raise RegistryError(path, line, f"national_year must be a year such as 1991, not {value!r}")
    return int(value)


def _date(path: Path, line: int, value: str) -> dt.date | None:
    """YYYY-MM-DD, or YYYY-MM / YYYY when only that much is known (stored as the first day)."""
    if not value:
        return None
    try:
        return PartialDate.parse(value).first_day()
    except ValueError:
        raise RegistryError(
            path, line, f"renamed_on must be YYYY-MM-DD, YYYY-MM or YYYY, not {value!r}"
        ) from None


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(ALIAS_SEPARATOR)]


def _aliases(name: str, candidates: list[str]) -> tuple[str, ...]:
    """The candidates without blanks, repeats or spellings of the name itself, in order."""
    seen = {name_key(name)}
    aliases = []
    for alias in candidates:
        key = name_key(alias)
        if key and key not in seen:
            seen.add(key)
            aliases.append(alias)
    return tuple(aliases)


def _check_unique(path: Path, rows: list[ParkRow] | list[OrganisationRow]) -> None:
    first_line: dict[str, int] = {}
    for row in rows:
        key = name_key(row.name)
        if key in first_line:
            raise RegistryError(path, row.line, f"{row.name!r} repeats the name of line {first_line[key]}")
        first_line[key] = row.line


def _check_references(path: Path, rows: list[ParkRow] | list[OrganisationRow], column: str) -> None:
    """Parents and predecessors must be rows of the same file (and not the row itself)."""
    keys = {name_key(row.name) for row in rows}
    for row in rows:
        target = getattr(row, column)
        if not target:
            continue
        if name_key(target) == name_key(row.name):
            raise RegistryError(path, row.line, f"{row.name!r} is its own {column}")
        if name_key(target) not in keys:
            raise RegistryError(path, row.line, f"{column} {target!r} is not a row of this file")
