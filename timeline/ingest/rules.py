"""The extractor's rules as data: every trigger, filter, entity shape and date rule is a named row.

A row holds what it looks for and sentences of our own that it must and must not match; the
table test (tests/timeline/ingest/test_rules_table.py) is generated from these rows, and every
extracted event carries the names of the rows that produced it (``EventDraft.rules``), which the
importer stores on the event for the editor. Word lists live in ``lexicon``, never here.

A rule is either a pattern (matched with ``search``) or a predicate over a text, for shapes a
regular expression says badly (a name's head word, a class or plural).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass

FAMILIES = ("trigger", "filter", "entity", "date", "title", "policy")


@dataclass(frozen=True)
class Rule:
    """One named rule with its own examples: ``matches`` must hold, ``misses`` must not."""

    name: str
    family: str
    matches: tuple[str, ...]
    misses: tuple[str, ...]
    pattern: re.Pattern[str] | None = None
    predicate: Callable[[str], bool] | None = None
    why: str = ""

    def test(self, text: str) -> bool:
        """Whether the rule fires on ``text``."""
        if self.predicate is not None:
            return bool(self.predicate(text))
        assert self.pattern is not None
        return self.pattern.search(text) is not None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        assert self.pattern is not None, f"rule {self.name} is a predicate, not a pattern"
        return self.pattern.search(text, pos, endpos)

    def finditer(self, text: str):
        assert self.pattern is not None, f"rule {self.name} is a predicate, not a pattern"
        return self.pattern.finditer(text)


TABLE: dict[str, Rule] = {}


def rule(
    name: str,
    family: str,
    *,
    matches: tuple[str, ...] | list[str],
    misses: tuple[str, ...] | list[str],
    pattern: str | re.Pattern[str] | None = None,
    predicate: Callable[[str], bool] | None = None,
    why: str = "",
) -> Rule:
    """Define and register a rule; names are unique across the extractor."""
    if family not in FAMILIES:
        raise ValueError(f"rule {name}: unknown family {family!r}")
    if (pattern is None) == (predicate is None):
        raise ValueError(f"rule {name}: give a pattern or a predicate")
    if not matches or not misses:
        raise ValueError(f"rule {name}: needs at least one sentence it matches and one it misses")
    if name in TABLE:
        raise ValueError(f"rule {name} is defined twice")
    compiled = re.compile(pattern) if isinstance(pattern, str) else pattern
    made = Rule(name, family, tuple(matches), tuple(misses), compiled, predicate, why)
    TABLE[name] = made
    return made


def all_rules() -> list[Rule]:
    """Every rule registered so far: import ``timeline.ingest.pipeline`` first to have them all."""
    return sorted(TABLE.values(), key=lambda r: r.name)
