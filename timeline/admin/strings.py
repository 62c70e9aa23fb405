"""Admin text that Django's and django-axes's own zh-hans catalogues leave in English (the nav
sidebar's table headers, the login throttle's records). Marked here so that ``makemessages``
puts them in our catalogue, where ``locale/translate_zh.py`` gives them their Chinese."""

from django.utils.translation import gettext_noop

THIRD_PARTY = (
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("Select all"),
)
