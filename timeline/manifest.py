"""A crawl's manifest: what is known about each file outside its text (CSV or JSON Lines).

Columns (CSV, with a header row) or keys (JSON Lines, one object a line): ``file`` (required,
relative to the manifest's folder), ``url``, ``published`` (YYYY, YYYY-MM or YYYY-MM-DD),
``publisher``, ``title``. Other columns are ignored. A bad row is one line naming the manifest,
the line and the column; the good rows are still read.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from timeline.ingest.types import PartialDate

COLUMNS = ("file", "url", "published", "publisher", "title")


@dataclass(frozen=True)
class Entry:
    """One row: a file and what the crawl knew about it."""

    path: Path
    url: str = ""
    published: PartialDate | None = None
    publisher: str = ""
    title: str = ""


class ManifestError(ValueError):
    """The manifest as a whole cannot be read (missing, empty, no ``file`` column)."""


def read_manifest(path: Path) -> tuple[list[Entry], list[str]]:
    """The manifest's entries and one error line per bad row."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ManifestError(f"{path}: {(error.strerror or str(error)).lower()}") from None
    except UnicodeDecodeError:
        raise ManifestError(f"{path}: not UTF-8 text") from None
    if not text.strip():
        raise ManifestError(f"{path}: no rows")
    rows = _json_lines(path, text) if _is_json_lines(path, text) else _csv_rows(path, text)
    entries, errors = [], []
    for line, row in rows:
        if isinstance(row, str):
            errors.append(row)
            continue
        entry = _entry(path, line, row)
        if isinstance(entry, str):
            errors.append(entry)
        else:
            entries.append(entry)
    if not entries and not errors:
        raise ManifestError(f"{path}: no rows")
    return entries, errors


def _is_json_lines(path: Path, text: str) -> bool:
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return True
    if path.suffix.lower() == ".csv":
        return False
    return text.lstrip().startswith("{")


def _json_lines(path: Path, text: str) -> list[tuple[int, dict | str]]:
    rows: list[tuple[int, dict | str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            rows.append((number, f"{path} line {number}: not a JSON object ({error.msg})"))
            continue
        if not isinstance(row, dict):
            rows.append((number, f"{path} line {number}: not a JSON object"))
            continue
        rows.append((number, {k: "" if v is None else str(v) for k, v in row.items()}))
    return rows


def _csv_rows(path: Path, text: str) -> list[tuple[int, dict | str]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip() for name in reader.fieldnames or []]
    if "file" not in header:
        raise ManifestError(f"{path} line 1: no column 'file' in the header row ({', '.join(header)})")
    reader.fieldnames = header
    rows: list[tuple[int, dict | str]] = []
    for row in reader:
        line = reader.line_num
        if None in row:
            rows.append((line, f"{path} line {line}: more fields than the header has columns"))
            continue
        if not any((value or "").strip() for value in row.values()):
            continue
        rows.append((line, {k: (v or "") for k, v in row.items()}))
    return rows


def _entry(path: Path, line: int, row: dict[str, str]) -> Entry | str:
    where = f"{path} line {line}"
    name = row.get("file", "").strip()
    if not name:
        return f"{where}, column file: empty"
    published = None
    if row.get("published", "").strip():
        try:
            published = PartialDate.parse(row["published"])
        except ValueError:
            value = row["published"].strip()
            return f"{where}, column published: {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    return Entry(
        path=(path.parent / name),
        url=row.get("url", "").strip(),
        published=published,
        publisher=row.get("publisher", "").strip(),
        title=" ".join(row.get("title", "").split()),
    )
