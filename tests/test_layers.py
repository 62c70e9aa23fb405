"""The apps are layers: ``people`` and ``policies`` import nothing of ``timeline``, and no module
imports a project module lazily (inside a function) to get round a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("timeline", "people", "policies", "config")


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(module imported, whether at module level) for each import of a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.module, id(node) in top))
    return found


def _sources(*apps: str) -> list[Path]:
    return [path for app in apps for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts]


@pytest.mark.parametrize("path", _sources("people", "policies"), ids=lambda p: str(p.relative_to(ROOT)))
def test_people_and_policies_import_nothing_of_the_timeline(path):
    assert [name for name, _ in _imports(path) if name.split(".")[0] == "timeline"] == []


@pytest.mark.parametrize("path", _sources(*PROJECT), ids=lambda p: str(p.relative_to(ROOT)))
def test_project_modules_are_imported_at_the_top_of_a_module(path):
    lazy = [name for name, top in _imports(path) if not top and name.split(".")[0] in PROJECT]
    assert lazy == []
