"""The lexicon holds each word list once: a second list under one name silently replaces the first."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

from timeline.ingest import lexicon


def test_no_list_is_defined_twice() -> None:
    tree = ast.parse(Path(lexicon.__file__).read_text(encoding="utf-8"))
    names = Counter(
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    )
    assert [name for name, count in names.items() if count > 1] == []


def test_park_names_end_on_the_longest_head_word() -> None:
    from timeline.ingest.entities import discover_names

    assert [m.name for m in discover_names("关于同意设立北湖高新技术产业园区的批复", "park")] == [
        "北湖高新技术产业园区"
    ]
