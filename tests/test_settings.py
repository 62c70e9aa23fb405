"""Settings refuse invalid environment values at start-up, naming the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLEARED = ("DEBUG", "SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "IMPORT_MAX_BYTES")


def start_django(code: str = "", **env: str) -> subprocess.CompletedProcess:
    """Python ``code`` run after ``django.setup()`` in a fresh process with ``env`` set."""
    environ = {key: value for key, value in os.environ.items() if key not in CLEARED}
    environ.update(DJANGO_SETTINGS_MODULE="config.settings", **env)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
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
        ({"IMPORT_MAX_BYTES": "20MB"}, "IMPORT_MAX_BYTES"),
        ({"IMPORT_MAX_BYTES": "0"}, "IMPORT_MAX_BYTES"),
    ],
    ids=["debug", "database-url", "secret-key", "allowed-hosts", "empty-hosts", "max-bytes", "zero-bytes"],
)
def test_invalid_values_are_refused(env, variable):
    result = start_django(**env)
    assert result.returncode != 0
    assert variable in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_production_settings_start_when_complete():
    result = start_django(DEBUG="off", SECRET_KEY="x" * 50, ALLOWED_HOSTS="parkline.example")
    assert result.returncode == 0, result.stderr


def test_import_limit_is_read_from_the_environment():
    code = "from django.conf import settings; print(settings.IMPORT_MAX_BYTES)"
    assert start_django(code).stdout.strip() == str(20 * 1024 * 1024)
    assert start_django(code, IMPORT_MAX_BYTES=" 1048576 ").stdout.strip() == "1048576"
