"""Settings refuse invalid environment values at start-up, naming the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = {
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
    "SESSION_COOKIE_SECURE": "1",
    "CSRF_COOKIE_SECURE": "1",
    "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO,https",
}
# the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process: no deployment has it
CLEARED = (
    "DEBUG",
    "SECRET_KEY",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "IMPORT_MAX_BYTES",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    *DEPLOY,
)
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k7#Qx9!vLm2$Wp4^Zr6&Tn8*Bj0(Hd3)Fs5-Gy1+Cu" + "x" * 20,
    "ALLOWED_HOSTS": "parkline.example",
}


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
        ({"SECURE_HSTS_SECONDS": "a year"}, "SECURE_HSTS_SECONDS"),
        ({"SECURE_HSTS_SECONDS": "-1"}, "SECURE_HSTS_SECONDS"),
        ({"SESSION_COOKIE_SECURE": "sometimes"}, "SESSION_COOKIE_SECURE"),
        ({"SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO"}, "SECURE_PROXY_SSL_HEADER"),
    ],
    ids=[
        "debug",
        "database-url",
        "secret-key",
        "allowed-hosts",
        "empty-hosts",
        "max-bytes",
        "zero-bytes",
        "hsts-seconds",
        "negative-hsts",
        "secure-cookie",
        "proxy-header",
    ],
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


def check_deploy(**env: str) -> subprocess.CompletedProcess:
    environ = {key: value for key, value in os.environ.items() if key not in CLEARED}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**environ, **PRODUCTION, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_without_a_warning_when_the_settings_are_set():
    result = check_deploy(**DEPLOY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_check_deploy_warns_without_them():
    result = check_deploy()
    assert result.returncode != 0
    for warning in ("W004", "W008", "W012", "W016"):
        assert f"security.{warning}" in result.stderr
