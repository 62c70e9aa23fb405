"""Print the events of documents as JSON Lines (FORMAT.md), writing nothing to the database."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from timeline.ingest.errors import IngestError
from timeline.ingest.pipeline import extract_document
from timeline.ingest.types import Document, EventDraft, PartialDate, PolicyFacts
from timeline.management.commands.import_news import read_document


def event_record(document: Document, draft: EventDraft) -> dict:
    """One event in the eval's JSON Lines format; evidence as the original text shows it."""
    raw_start, raw_end = document.raw_span(draft.start, draft.end)
    record = {
        "doc": document.name,
        "date": draft.date.iso() if draft.date else None,
        "kind": draft.kind,
        "title": draft.title,
        "parks": draft.parks,
        "organisations": [name for name, _ in draft.organisations],
        "people": draft.people,
        "policies": draft.policies,
        "evidence": document.raw_text[raw_start:raw_end],
        "date_phrase": draft.date_phrase,
        "confidence": round(draft.confidence, 2),
        "rules": draft.rules,
        "offsets": [raw_start, raw_end],
    }
    if draft.needs_date:
        record["needs_date"] = draft.date_reason or True
    if draft.window:
        record["date_window"] = [draft.window[0].isoformat(), draft.window[1].isoformat()]
    if draft.end_date:
        record["end_date"] = draft.end_date.iso()
    return record


def policy_record(document: Document, facts: PolicyFacts) -> dict:
    """One policy the document is or cites (``--policies``), for checking by hand."""
    return {
        "doc": document.name,
        "title": facts.title,
        "kind": facts.kind,
        "own": facts.own,
        "is_policy": facts.is_policy,
        "issuers": facts.issuers,
        "document_number": facts.document_number,
        "written_on": facts.written_on.iso() if facts.written_on else None,
        "published_on": facts.published_on.iso() if facts.published_on else None,
        "period": list(facts.period) if facts.period else None,
        "rules": facts.rules,
    }


class Command(BaseCommand):
    help = "Extract dated events from documents and print them as JSON Lines (nothing is stored)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--published", help="publication date: YYYY, YYYY-MM or YYYY-MM-DD")
        parser.add_argument(
            "--policies", action="store_true", help="print the policies each document is or cites, not events"
        )

    def handle(self, *args, files: list[str], published: str | None, policies: bool = False, **options):
        try:
            when = PartialDate.parse(published) if published else None
        except ValueError as error:
            raise CommandError(f"--published: {error}") from error
        failed = 0
        for name in files:
            path = Path(name)
            try:
                data, _ = read_document(name, settings.IMPORT_MAX_BYTES)
                document = extract_document(data, path.name, published=when)
            except (OSError, IngestError) as error:
                failed += 1
                reason = error.strerror if isinstance(error, OSError) and error.strerror else error
                self.stderr.write(f"{name}: {reason}")
                continue
            records = (
                [policy_record(document, facts) for facts in document.policies]
                if policies
                else [event_record(document, draft) for draft in document.events]
            )
            for record in records:
                self.stdout.write(json.dumps(record, ensure_ascii=False))
        if failed:
            raise CommandError(f"{failed} of {len(files)} file(s) could not be read")
