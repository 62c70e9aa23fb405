"""Fixtures of the importer tests: a fresh gazetteer cache for each test (the database is rolled back)."""

from __future__ import annotations

import pytest

from timeline.gazetteer import invalidate_gazetteer


@pytest.fixture(autouse=True)
def fresh_gazetteer():
    invalidate_gazetteer()
    yield
    invalidate_gazetteer()
