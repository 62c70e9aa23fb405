"""``manage.py ensure_admin``: makes sure a superuser can log in and says with which password.

Run by ``make demo`` every time, so it must be safe to repeat: the password comes from
``DJANGO_SUPERUSER_PASSWORD`` when set; otherwise a new one is generated and printed, also for an
existing user (a password printed by an earlier run may be long gone from the terminal). The
account's failed logins are forgotten too, so it also opens an account the login throttle locked.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from axes.utils import reset as reset_failed_logins
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

PASSWORD_VARIABLE = "DJANGO_SUPERUSER_PASSWORD"


@dataclass(frozen=True)
class AdminAccount:
    username: str
    created: bool
    password: str
    generated: bool


@transaction.atomic
def ensure_superuser(*, username: str = "admin", password: str | None = None) -> AdminAccount:
    """Creates or repairs the superuser ``username`` and sets its password (generated when none)."""
    if password == "":
        raise ValueError(f"{PASSWORD_VARIABLE} is set but empty")
    generated = password is None
    password = password or secrets.token_urlsafe(12)
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(**{user_model.USERNAME_FIELD: username})
    user.is_staff = user.is_superuser = user.is_active = True
    user.set_password(password)
    user.save()
    reset_failed_logins(username=username)
    return AdminAccount(username=username, created=created, password=password, generated=generated)


class Command(BaseCommand):
    help = "Create the superuser 'admin' if missing and set its password (printed when generated)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username: str, **options):
        try:
            account = ensure_superuser(username=username, password=os.environ.get(PASSWORD_VARIABLE))
        except ValueError as error:
            raise CommandError(str(error)) from error
        verb = "created" if account.created else "updated"
        if account.generated:
            message = f"Superuser {account.username} {verb}; password: {account.password}"
        else:
            message = f"Superuser {account.username} {verb}; password from {PASSWORD_VARIABLE}"
        self.stdout.write(self.style.SUCCESS(message))
