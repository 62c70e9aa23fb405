"""Import-export resource for policies: keyed by title (under its normal form), issuers by name."""

from __future__ import annotations

from import_export import fields

from people.models import Organisation
from people.names import name_key
from people.resources import NamesWidget, NameWidget, ParklineResource, PreciseDateField
from policies.models import Policy
from timeline.derived import events_naming


def policy_widget() -> NameWidget:
    """A policy written by its title, matched under ``title_key`` (brackets and dashes of any width)."""
    return NameWidget(Policy, field="title", key_field="title_key")


class PolicyResource(ParklineResource):
    issuers = fields.Field(
        attribute="issuers", column_name="issuers", widget=NamesWidget(NameWidget(Organisation))
    )
    written_on = PreciseDateField(attribute="written_on", precision_attribute="written_precision")
    published_on = PreciseDateField(attribute="published_on", precision_attribute="published_precision")
    effective_on = PreciseDateField(attribute="effective_on", precision_attribute="effective_precision")

    class Meta:
        model = Policy
        fields = (
            "title",
            "slug",
            "short_title",
            "document_number",
            "kind",
            "issuers",
            "written_on",
            "published_on",
            "effective_on",
            "period_start",
            "period_end",
            "status",
            "url",
            "summary",
            "is_reviewed",
        )
        import_id_fields = ("title",)

    def get_queryset(self):
        return Policy.objects.prefetch_related("issuers")

    def events_touched(self, pks: list[int]) -> list[int]:
        return events_naming(Policy, pks)

    def get_instance(self, instance_loader, row):
        if "title" not in row:
            return None
        return Policy.objects.filter(title_key=name_key(str(row["title"] or ""))).first()
