"""The curation admin: events and their sources (``events``) with the review workbench
(``workbench``), the parks, organisations and people they name (``entities``), policies
(``policies``), on the shared base (``base``). Branded Parkline."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from timeline.admin import entities, events, policies  # noqa: F401  (each registers its models)

admin.site.site_header = _("Parkline curation")
admin.site.site_title = _("Parkline curation")
admin.site.index_title = _("Curation")
