"""django-axes (the admin's login throttle) as the admin lists it: its own app name is "Axes",
a word no catalogue translates."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class LoginThrottleConfig(AxesAppConfig):
    verbose_name = _("Login throttle")
