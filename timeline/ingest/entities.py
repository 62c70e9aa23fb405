"""Entity linking: a gazetteer of known names plus discovery of new ones. (Being written.)"""

from __future__ import annotations

from collections.abc import Iterable

from timeline.ingest.types import GazetteerEntry


class Gazetteer:
    """Known parks, organisations, policies and people, matched by Aho-Corasick."""

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self.entries = list(entries)
