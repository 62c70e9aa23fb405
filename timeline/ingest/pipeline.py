"""Wires the stages together: bytes of one file in, a ``Document`` out. (Being written.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.ingest.types import Document, PartialDate

if TYPE_CHECKING:
    from timeline.ingest.entities import Gazetteer


def extract_document(
    data: bytes,
    name: str,
    *,
    published: PartialDate | None = None,
    gazetteer: Gazetteer | None = None,
) -> Document:
    """Run every stage on one file's bytes. Raises ``IngestError`` with a one-line reason.

    ``gazetteer`` defaults to one built from the registry CSV files (``seeds/registry``).
    """
    raise NotImplementedError
