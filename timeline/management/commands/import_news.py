"""Import news documents: extract their events and store them (one transaction per document)."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from timeline.gazetteer import load_gazetteer
from timeline.importers import ImportResult, import_document
from timeline.ingest.errors import IngestError
from timeline.ingest.pipeline import extract_document
from timeline.ingest.types import PartialDate
from timeline.manifest import Entry, ManifestError, read_manifest

SUFFIXES = {".txt", ".text", ".htm", ".html", ".pdf"}
STDIN = "-"


@dataclass
class Totals:
    read: int = 0
    unchanged: int = 0
    failed: int = 0
    items: int = 0
    events_new: int = 0
    events_merged: int = 0
    entities_new: int = 0

    def add(self, result: ImportResult) -> None:
        self.read += 1
        self.unchanged += not result.created
        self.items += result.items
        self.events_new += result.events_new
        self.events_merged += result.events_merged
        self.entities_new += result.entities_new

    def __str__(self) -> str:
        return (
            f"documents: read {self.read}, unchanged {self.unchanged}, failed {self.failed}; "
            f"news items {self.items}; events new {self.events_new}, merged {self.events_merged}; "
            f"entities new {self.entities_new}"
        )


class TooLarge(IngestError):
    """A document over ``IMPORT_MAX_BYTES``: refused before it is read whole."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"larger than the limit of {limit} bytes (IMPORT_MAX_BYTES)")


def read_document(path: str, limit: int) -> tuple[bytes, str]:
    """The bytes and name of a file or of standard input, refused when over ``limit``: a file by
    its size before it is opened, a stream (or a file that grew since) after ``limit + 1`` bytes."""
    if path == STDIN:
        stream, name = nullcontext(sys.stdin.buffer), "stdin"
    else:
        file = Path(path)
        if file.stat().st_size > limit:
            raise TooLarge(limit)
        stream, name = file.open("rb"), file.name
    with stream as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(limit)
    return data, name


def find_documents(paths: list[str]) -> list[str]:
    """Files as given, folders searched recursively for news files (sorted), ``-`` as is."""
    found: list[str] = []
    for path in paths:
        folder = Path(path)
        if path != STDIN and folder.is_dir():
            files = (f for f in folder.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            found += sorted(str(f) for f in files)
        else:
            found.append(path)  # a missing file fails when it is read, as one line
    return found


def _key(path: str) -> str:
    """A file's path as the manifest and the command line both name it."""
    return path if path == STDIN else str(Path(path).resolve())


def failure_reason(error: BaseException) -> str:
    """One line saying why a document failed."""
    if isinstance(error, OSError) and error.strerror:
        reason = error.strerror.lower()
    elif isinstance(error, IngestError):
        reason = str(error)
    else:
        reason = f"{type(error).__name__}: {error}"
    return " ".join(reason.split()) or type(error).__name__


class Command(BaseCommand):
    help = (
        "Extract events from news files (.txt, .html, .pdf; folders recursively; - for standard input) "
        "and store them. Re-importing a document changes nothing; exit status 1 when any document failed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="*", metavar="PATH", help="file, folder or - for standard input")
        parser.add_argument(
            "--manifest",
            metavar="FILE",
            help="CSV (header row) or JSON Lines with file, url, published, publisher, title per document "
            "(files relative to the manifest's folder); with PATHs, only those are imported",
        )
        parser.add_argument("--published", help="publication date: YYYY, YYYY-MM or YYYY-MM-DD")
        parser.add_argument("--publisher", default="", help="publisher name (overrides the document's)")
        parser.add_argument("--publish", action="store_true", help="publish the events created")
        parser.add_argument("--dry-run", action="store_true", help="run everything, then roll back")

    def handle(self, *args, **options) -> None:
        if not options["paths"] and not options["manifest"]:
            raise CommandError("give at least one file, folder or - (standard input), or --manifest")
        published = None
        if options["published"]:
            try:
                published = PartialDate.parse(options["published"])
            except ValueError as error:
                raise CommandError(f"--published: {error}") from error
        entries, bad_rows = self._manifest(options["manifest"])
        for line in bad_rows:
            self.stderr.write(line)
        if options["paths"]:
            documents = find_documents(options["paths"])
        else:
            documents = [str(entry.path) for entry in entries.values()]
        if not documents:
            if bad_rows:
                raise CommandError(f"{len(bad_rows)} bad row(s) in {options['manifest']}: nothing imported")
            raise CommandError(
                "no news files (.txt .text .htm .html .pdf) found in " + " ".join(options["paths"])
            )

        totals = Totals()
        totals.failed = len(bad_rows)
        # each document is its own transaction; a dry run wraps them all in one it rolls back
        with transaction.atomic() if options["dry_run"] else nullcontext():
            for number, path in enumerate(documents, 1):
                self._progress(number, len(documents), path)
                try:
                    totals.add(self._import(path, published, options, entries.get(_key(path))))
                except Exception as error:  # one bad document must not stop the others
                    totals.failed += 1
                    self._progress_done()
                    self.stderr.write(f"{'stdin' if path == STDIN else path}: {failure_reason(error)}")
            self._progress_done()
            if options["dry_run"]:
                transaction.set_rollback(True)
        if options["verbosity"] >= 1:
            style = self.style.WARNING if totals.failed else self.style.SUCCESS
            self.stdout.write(style(str(totals)))
            if options["dry_run"]:
                self.stdout.write("dry run: rolled back, nothing was written")
        if totals.failed:
            noun = "document" if totals.failed == 1 else "documents"
            raise CommandError(f"{totals.failed} {noun} failed", returncode=1)

    def _manifest(self, manifest: str | None) -> tuple[dict[str, Entry], list[str]]:
        """The manifest's rows by resolved file path, and its bad rows' error lines."""
        if not manifest:
            return {}, []
        try:
            entries, errors = read_manifest(Path(manifest))
        except ManifestError as error:
            raise CommandError(str(error)) from error
        return {_key(str(entry.path)): entry for entry in entries}, errors

    def _import(
        self, path: str, published: PartialDate | None, options: dict, entry: Entry | None = None
    ) -> ImportResult:
        """One document; a manifest row's date, publisher, URL and title win over the options'
        and the document's own."""
        data, name = read_document(path, settings.IMPORT_MAX_BYTES)
        when = entry.published if entry and entry.published else published
        doc = extract_document(data, name, published=when, gazetteer=load_gazetteer())
        if entry and entry.title:
            doc.metadata.title = entry.title
        result = import_document(
            doc,
            publisher=(entry.publisher if entry else "") or options["publisher"],
            publish=options["publish"],
            source_url=entry.url if entry else "",
        )
        if options["verbosity"] >= 2:
            self._progress_done()
            what = (
                "unchanged"
                if not result.created
                else f"{result.events_new} events, {result.events_merged} merged"
            )
            self.stdout.write(f"{name}: {what}")
        return result

    def _progress(self, number: int, total: int, path: str) -> None:
        if self.stdout.isatty():
            self.stdout.write(f"\r\x1b[K[{number}/{total}] {Path(path).name}", ending="")
            self.stdout.flush()

    def _progress_done(self) -> None:
        if self.stdout.isatty():
            self.stdout.write("\r\x1b[K", ending="")
            self.stdout.flush()
