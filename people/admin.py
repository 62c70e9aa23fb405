"""Curation admin for organisations, parks, people, positions and aliases, and the base class
every curated model's admin shares (import-export in CSV/XLSX plus change history)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.db import transaction
from django.db.models import QuerySet
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
from timeline.counts import events_linked_to, recount_events


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


class NamedInEventsAdmin(CuratedAdmin):
    """A park, organisation, person or policy: deleting one unlinks it from its events, whose
    public facet counts are recounted in the same transaction."""

    @transaction.atomic
    def delete_model(self, request, obj):
        events = events_linked_to(self.model, [obj.pk])
        super().delete_model(request, obj)
        recount_events(events)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        events = events_linked_to(self.model, list(queryset.values_list("pk", flat=True)))
        super().delete_queryset(request, queryset)
        recount_events(events)


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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "province" in form.changed_data:
            # the province facet counts an event under the provinces of its parks
            recount_events(events_linked_to(Park, [obj.pk]))

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
class AliasAdmin(admin.ModelAdmin):
    list_display = ("name", "park", "organisation", "person")
    list_select_related = ("park", "organisation", "person")
    search_fields = ("name", "park__name", "organisation__name", "person__name")
    autocomplete_fields = ("park", "organisation", "person")
