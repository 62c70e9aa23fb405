"""``ensure_admin``: a superuser that can always log in, with the password it printed."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run() -> str:
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    return out.getvalue()


def printed_password(output: str) -> str:
    match = re.search(r"password: (\S+)", output)
    assert match, output
    return match.group(1)


def test_creates_admin_with_a_printed_password(monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    output = run()
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert "created" in output and admin.check_password(printed_password(output))


def test_running_twice_prints_a_new_working_password(monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    first = printed_password(run())
    second_output = run()
    second = printed_password(second_output)
    admin = User.objects.get(username="admin")
    assert "updated" in second_output and first != second
    assert admin.check_password(second) and not admin.check_password(first)
    assert User.objects.count() == 1


def test_takes_the_password_from_the_environment(monkeypatch):
    User.objects.create_user("admin", password="old")  # an existing, non-staff account is repaired
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "s3cret-from-env")
    output = run()
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("s3cret-from-env")
    assert "s3cret-from-env" not in output


def test_an_empty_environment_password_is_an_error(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "")
    with pytest.raises(CommandError):
        run()
    assert not User.objects.exists()
