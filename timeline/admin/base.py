"""What every curated model's admin shares: import-export in CSV and XLSX, the change history,
merging, and (for records the events' search text and facet counts are made of) the way every
write ends in the one door, ``timeline.derived.events_changed``."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from import_export.forms import SelectableFieldsExportForm
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from timeline import entities
from timeline.derived import events_changed, events_naming
from timeline.spreadsheet import SPREADSHEET_FORMATS


class LabelledExportForm(SelectableFieldsExportForm):
    """The export form's column boxes labelled in the interface's language ('标题 (title)')."""

    def _get_field_label(self, resource, field_name: str) -> str:
        if hasattr(resource, "column_label"):
            return resource.column_label(field_name)
        return super()._get_field_label(resource, field_name)


def label_columns(response, resource_classes) -> None:
    """The import and export pages list a file's columns: in the interface's language, each
    with its code ('标题 (title)'), as the export form and the import preview name them."""
    context = getattr(response, "context_data", None) or {}
    if "fields_list" not in context:
        return
    by_name = {resource.get_display_name(): resource for resource in resource_classes}
    context["fields_list"] = [
        (
            name,
            [
                by_name[name].column_label(column) if hasattr(by_name.get(name), "column_label") else column
                for column in columns
            ],
        )
        for name, columns in context["fields_list"]
    ]


class ImportExportAdmin(ImportExportModelAdmin):
    """Import/export in CSV (with a BOM) and XLSX. Importing creates and changes rows, so it needs
    both permissions, not just access to the admin."""

    formats = SPREADSHEET_FORMATS
    export_form_class = LabelledExportForm

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        label_columns(response, self.get_import_resource_classes(request))
        return response

    def export_action(self, request):
        response = super().export_action(request)
        label_columns(response, self.get_export_resource_classes(request))
        return response

    def has_import_permission(self, request) -> bool:
        opts = self.opts
        return all(
            request.user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
            for action in ("add", "change")
        )


class HistoryLabels(HistoricalRecordContextHelper):
    """The history page says what a value means, not how it is stored: a status "已发布", not
    "published"; an empty value "—", not "None"; a box "是"/"否"."""

    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        field = self.model._meta.get_field(change.field)
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if getattr(field, "choices", None):
            return dict(field.flatchoices).get(value, value)
        return value


class CuratedAdmin(ImportExportAdmin, SimpleHistoryAdmin):
    """A curated model: import/export, the "History" page of who changed what, merging."""

    def get_historical_record_context_helper(self, request, historical_record):
        return HistoryLabels(self.model, historical_record)

    def has_merge_permission(self, request) -> bool:
        return request.user.has_perm(entities.MERGE_PERMISSION)

    def run_merge(self, request, queryset: QuerySet, merge: Callable[[QuerySet], object]) -> None:
        """Calls a merge service and reports the survivor, or why nothing was merged."""
        count = queryset.count()
        try:
            survivor = merge(queryset)
        except ValueError as error:
            self.message_user(request, str(error), messages.WARNING)
            return
        self.message_user(
            request,
            _("Merged %(count)d records into “%(survivor)s”.") % {"count": count, "survivor": survivor},
            messages.SUCCESS,
        )


class DerivedDataAdmin(admin.ModelAdmin):
    """An admin whose records feed the events' derived data (search text, facet counts). Every
    way it writes — the change form with its inlines, a history revert, a deletion — ends in
    ``timeline.derived.events_changed`` for the events its record touched before and after, in
    the same transaction. Subclasses say which events those are."""

    def events_touched(self, pks: list[int]) -> list[int]:
        raise NotImplementedError

    def _remember(self, request: HttpRequest, pks: list[int]) -> None:
        # the events a record touched before the change (a park moved, evidence moved to another event)
        request._events_touched = {*getattr(request, "_events_touched", ()), *self.events_touched(pks)}

    def _changed(self, request: HttpRequest, pks: list[int]) -> None:
        events_changed({*getattr(request, "_events_touched", ()), *self.events_touched(pks)})

    def save_model(self, request, obj, form, change):
        if obj.pk:
            self._remember(request, [obj.pk])
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self._changed(request, [form.instance.pk])

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # a revert saves the record and its many-to-many fields, but not through save_related
        with transaction.atomic():
            response = super().history_form_view(request, object_id, version_id, extra_context)
            if request.method == "POST" and response.status_code == 302:
                self._changed(request, [int(object_id)])
        return response

    @transaction.atomic
    def delete_model(self, request, obj):
        self._remember(request, [obj.pk])
        super().delete_model(request, obj)
        self._changed(request, [])

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        self._remember(request, list(queryset.values_list("pk", flat=True)))
        super().delete_queryset(request, queryset)
        self._changed(request, [])


class NamedInEventsAdmin(DerivedDataAdmin, CuratedAdmin):
    """A park, organisation, person or policy: its names are in its events' search text, its
    links and (for parks) its province in their facet counts."""

    def events_touched(self, pks: list[int]) -> list[int]:
        return events_naming(self.model, pks)
