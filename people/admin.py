"""Curation admin for organisations, parks, people, positions and aliases, and the base class
every curated model's admin shares (import-export in CSV/XLSX plus change history)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX
from simple_history.admin import SimpleHistoryAdmin

from people import merging
from people.models import Alias, Organisation, Park, Person, Position
from people.resources import (
    OrganisationResource,
    ParkResource,
    PersonResource,
    PositionResource,
    format_precise_date,
)
from timeline.derived import events_changed, events_naming


class ImportExportAdmin(ImportExportModelAdmin):
    """Import/export in CSV and XLSX. Importing creates and changes rows, so it needs both
    permissions, not just access to the admin."""

    formats = (CSV, XLSX)

    def has_import_permission(self, request) -> bool:
        opts = self.opts
        return all(
            request.user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
            for action in ("add", "change")
        )


class CuratedAdmin(ImportExportAdmin, SimpleHistoryAdmin):
    """A curated model: import/export, the "History" page of who changed what, merging."""

    def has_merge_permission(self, request) -> bool:
        return request.user.has_perm(merging.MERGE_PERMISSION)

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


def alias_list(obj) -> str:
    """The aliases of a prefetched record, comma-separated (escaped by the admin)."""
    return "、".join(alias.name for alias in obj.aliases.all())


class AliasInline(admin.TabularInline):
    model = Alias
    fields = ("name",)
    extra = 1


class ParkAliasInline(AliasInline):
    fk_name = "park"


class OrganisationAliasInline(AliasInline):
    fk_name = "organisation"


class PersonAliasInline(AliasInline):
    fk_name = "person"


@admin.register(Organisation)
class OrganisationAdmin(NamedInEventsAdmin):
    resource_classes = (OrganisationResource,)
    list_display = (
        "name",
        "kind",
        "parent",
        "predecessor",
        "renamed_on",
        "country",
        "alias_names",
        "is_reviewed",
    )
    list_filter = ("kind", "is_reviewed", "country")
    list_select_related = ("parent", "predecessor")
    search_fields = ("name", "aliases__name")
    autocomplete_fields = ("parent", "predecessor")
    readonly_fields = ("created", "updated")
    inlines = (OrganisationAliasInline,)
    actions = ("merge_selected",)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description=_("aliases"))
    def alias_names(self, obj: Organisation) -> str:
        return alias_list(obj)

    @admin.action(description=_("Merge selected organisations into one"), permissions=("merge",))
    def merge_selected(self, request, queryset):
        self.run_merge(
            request, queryset, lambda qs: merging.merge_organisations(organisations=qs, user=request.user)
        )


@admin.register(Park)
class ParkAdmin(NamedInEventsAdmin):
    resource_classes = (ParkResource,)
    list_display = (
        "name",
        "level",
        "province",
        "city",
        "parent",
        "approved",
        "managing_organisation",
        "alias_names",
        "is_reviewed",
    )
    list_filter = ("level", "is_reviewed", "province")
    list_select_related = ("parent", "managing_organisation")
    search_fields = ("name", "aliases__name", "province", "city")
    autocomplete_fields = ("parent", "managing_organisation")
    date_hierarchy = "approved_on"
    readonly_fields = ("created", "updated")
    inlines = (ParkAliasInline,)
    actions = ("merge_selected",)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description=_("approved"), ordering="approved_on")
    def approved(self, obj: Park) -> str:
        return format_precise_date(obj.approved_on, obj.approved_precision)

    @admin.display(description=_("aliases"))
    def alias_names(self, obj: Park) -> str:
        return alias_list(obj)

    @admin.action(description=_("Merge selected parks into one"), permissions=("merge",))
    def merge_selected(self, request, queryset):
        self.run_merge(request, queryset, lambda qs: merging.merge_parks(parks=qs, user=request.user))


class PositionInline(admin.TabularInline):
    model = Position
    fields = ("title", "organisation", "first_seen", "last_seen", "start_on", "end_on", "source")
    autocomplete_fields = ("organisation", "source")
    extra = 0


@admin.register(Person)
class PersonAdmin(NamedInEventsAdmin):
    resource_classes = (PersonResource,)
    list_display = ("name", "disambiguation", "position_list", "alias_names", "is_reviewed")
    list_filter = ("is_reviewed",)
    search_fields = ("name", "aliases__name", "disambiguation")
    readonly_fields = ("created", "updated")
    inlines = (PositionInline, PersonAliasInline)
    actions = ("merge_selected",)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases", "positions__organisation")

    @admin.display(description=_("positions"))
    def position_list(self, obj: Person) -> str:
        return format_html_join(
            "", "<div>{} {}</div>", ((p.organisation or "", p.title) for p in obj.positions.all())
        )

    @admin.display(description=_("aliases"))
    def alias_names(self, obj: Person) -> str:
        return alias_list(obj)

    @admin.action(description=_("Merge selected people into one"), permissions=("merge",))
    def merge_selected(self, request, queryset):
        self.run_merge(request, queryset, lambda qs: merging.merge_people(people=qs, user=request.user))


@admin.register(Position)
class PositionAdmin(CuratedAdmin):
    resource_classes = (PositionResource,)
    list_display = ("person", "title", "organisation", "first_seen", "last_seen", "start_on", "end_on")
    list_select_related = ("person", "organisation")
    search_fields = ("person__name", "title", "organisation__name")
    autocomplete_fields = ("person", "organisation", "source")
    date_hierarchy = "last_seen"


@admin.register(Alias)
class AliasAdmin(DerivedDataAdmin):
    list_display = ("name", "park", "organisation", "person")
    list_select_related = ("park", "organisation", "person")
    search_fields = ("name", "park__name", "organisation__name", "person__name")
    autocomplete_fields = ("park", "organisation", "person")

    def events_touched(self, pks: list[int]) -> list[int]:
        """The events of the records these aliases name: their search text holds the aliases."""
        owners = Alias.objects.filter(pk__in=pks).values_list("park_id", "organisation_id", "person_id")
        touched: set[int] = set()
        for model, column in ((Park, 0), (Organisation, 1), (Person, 2)):
            touched.update(events_naming(model, {row[column] for row in owners if row[column]}))
        return sorted(touched)
