"""Wires the stages together: bytes of one file in, a ``Document`` out. (Being written.)"""

from __future__ import annotations

from timeline.ingest.types import Document, GazetteerEntry, PartialDate


def extract_document(
    data: bytes,
    name: str,
    *,
    published: PartialDate | None = None,
    entries: list[GazetteerEntry] | None = None,
) -> Document:
    """Run every stage on one file's bytes. Raises ``IngestError`` with a one-line reason."""
    raise NotImplementedError
