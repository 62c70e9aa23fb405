"""Curation admin for policies."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from people.dates import format_precise_date
from policies.models import Policy
from timeline.admin.base import NamedInEventsAdmin
from timeline.resources import PolicyResource


@admin.register(Policy)
class PolicyAdmin(NamedInEventsAdmin):
    resource_classes = (PolicyResource,)
    list_display = (
        "title",
        "short_title",
        "document_number",
        "kind",
        "published",
        "period",
        "issuer_names",
        "status",
        "is_reviewed",
    )
    list_filter = ("kind", "status", "is_reviewed")
    search_fields = ("title", "short_title", "document_number")
    autocomplete_fields = ("issuers",)
    date_hierarchy = "published_on"
    readonly_fields = ("url_as_found", "created", "updated")
    fieldsets = (
        (None, {"fields": ("title", "short_title", "slug", "document_number", "kind", "issuers", "status")}),
        (
            _("Dates"),
            {
                "fields": (
                    ("written_on", "written_precision"),
                    ("published_on", "published_precision"),
                    ("effective_on", "effective_precision"),
                    ("period_start", "period_end"),
                )
            },
        ),
        (None, {"fields": ("url", "url_as_found", "summary", "is_reviewed", "created", "updated")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("issuers")

    @admin.display(description=_("published"), ordering="published_on")
    def published(self, obj: Policy) -> str:
        return format_precise_date(obj.published_on, obj.published_precision)

    @admin.display(description=_("period"))
    def period(self, obj: Policy) -> str:
        if obj.period_start is None and obj.period_end is None:
            return ""
        return f"{obj.period_start or ''}—{obj.period_end or ''}"

    @admin.display(description=_("issuers"))
    def issuer_names(self, obj: Policy) -> str:
        return "、".join(issuer.name for issuer in obj.issuers.all())
