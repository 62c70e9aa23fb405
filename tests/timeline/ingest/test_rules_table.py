"""Generated from the rules table: every rule matches its own examples and misses its counter-examples."""

from __future__ import annotations

import pytest

from timeline.ingest import pipeline  # noqa: F401  (imports every stage, which defines its rows)
from timeline.ingest.rules import all_rules

RULES = all_rules()


def test_the_table_is_not_empty() -> None:
    assert RULES, "no rule is registered: the stages define their rules with rules.rule()"


@pytest.mark.parametrize(
    ("name", "sentence"),
    [(r.name, s) for r in RULES for s in r.matches],
)
def test_rule_matches_its_example(name: str, sentence: str) -> None:
    assert next(r for r in RULES if r.name == name).test(sentence)


@pytest.mark.parametrize(
    ("name", "sentence"),
    [(r.name, s) for r in RULES for s in r.misses],
)
def test_rule_misses_its_counter_example(name: str, sentence: str) -> None:
    assert not next(r for r in RULES if r.name == name).test(sentence)
