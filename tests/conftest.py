"""Shared fixtures: paths of the sample documents."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "news"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
