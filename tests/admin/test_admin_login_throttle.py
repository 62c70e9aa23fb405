"""Guessing admin passwords is throttled (django-axes): after a few failures for one username from
one address, that pair is locked out for a cool-off, with a page in Chinese saying so; other
users and other addresses are not; ``ensure_admin`` unlocks the account it resets."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests"


def log_in(client, username: str, password: str, ip: str = "203.0.113.7"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=ip,
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def fail(client, username: str, times: int, ip: str = "203.0.113.7") -> list[int]:
    return [log_in(client, username, "wrong password", ip).status_code for _ in range(times)]


def test_failures_up_to_the_limit_may_try_again(client, editor):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert fail(client, "editor", settings.AXES_FAILURE_LIMIT - 1) == [200] * 4  # the form, with its error

    response = log_in(client, "editor", PASSWORD)

    assert response.status_code == 302 and logged_in(client)


def test_after_the_limit_even_the_right_password_is_locked_out(client, editor):
    statuses = fail(client, "editor", settings.AXES_FAILURE_LIMIT + 3)

    assert statuses[: settings.AXES_FAILURE_LIMIT - 1] == [200] * 4
    assert set(statuses[settings.AXES_FAILURE_LIMIT :]) == {429}
    response = log_in(client, "editor", PASSWORD)
    assert response.status_code == 429 and not logged_in(client)
    page = response.content.decode()
    assert "登录失败次数过多" in page and "15 分钟" in page  # zh-hans, the default language


def test_the_lock_holds_one_username_from_one_address(client, editor, reviewer):
    fail(client, "editor", settings.AXES_FAILURE_LIMIT)

    assert log_in(client, "reviewer", PASSWORD).status_code == 302  # another user, same address
    client.logout()
    assert log_in(client, "editor", PASSWORD, ip="198.51.100.9").status_code == 302  # another address


def test_the_lock_ends_after_the_cool_off(client, editor):
    fail(client, "editor", settings.AXES_FAILURE_LIMIT)
    assert log_in(client, "editor", PASSWORD).status_code == 429

    # as if the cool-off had passed since the last failure
    past = settings.AXES_COOLOFF_TIME + dt.timedelta(seconds=1)
    for attempt in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=attempt.attempt_time - past)

    assert log_in(client, "editor", PASSWORD).status_code == 302 and logged_in(client)


def test_ensure_admin_unlocks_the_account_it_resets(client, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-new-password")
    call_command("ensure_admin", stdout=io.StringIO())
    fail(client, "admin", settings.AXES_FAILURE_LIMIT)
    assert log_in(client, "admin", "a-new-password").status_code == 429

    call_command("ensure_admin", stdout=io.StringIO())

    assert log_in(client, "admin", "a-new-password").status_code == 302 and logged_in(client)
