"""The facet counts are cached; every test starts with an empty cache so counts and query
numbers do not depend on the test that ran before."""

from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()
