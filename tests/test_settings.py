"""Settings refuse invalid environment values at start-up, naming the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLEARED = ("DEBUG", "SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS")


def start_django(**env: str) -> subprocess.CompletedProcess:
    environ = {key: value for key, value in os.environ.items() if key not in CLEARED}
    environ.update(DJANGO_SETTINGS_MODULE="config.settings", **env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_defaults_start():
    result = start_django()
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"DEBUG": "maybe"}, "DEBUG"),
        ({"DATABASE_URL": "nonsense://"}, "DATABASE_URL"),
        ({"DEBUG": "0"}, "SECRET_KEY"),
        ({"DEBUG": "0", "SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": " , "}, "ALLOWED_HOSTS"),
    ],
    ids=["debug", "database-url", "secret-key", "allowed-hosts", "empty-hosts"],
)
def test_invalid_values_are_refused(env, variable):
    result = start_django(**env)
    assert result.returncode != 0
    assert variable in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_production_settings_start_when_complete():
    result = start_django(DEBUG="off", SECRET_KEY="x" * 50, ALLOWED_HOSTS="parkline.example")
    assert result.returncode == 0, result.stderr
