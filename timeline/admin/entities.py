"""Curation admin for organisations, parks, people, positions and aliases: the records the
events name. Their edits reach the events' search text and facet counts (``DerivedDataAdmin``)."""

from __future__ import annotations

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from people.dates import format_precise_date
from people.models import Alias, Organisation, Park, Person, Position
from timeline import entities
from timeline.admin.base import CuratedAdmin, DerivedDataAdmin, NamedInEventsAdmin
from timeline.derived import events_naming
from timeline.resources import OrganisationResource, ParkResource, PersonResource, PositionResource


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
            request, queryset, lambda qs: entities.merge_organisations(organisations=qs, user=request.user)
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
        self.run_merge(request, queryset, lambda qs: entities.merge_parks(parks=qs, user=request.user))


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
        self.run_merge(request, queryset, lambda qs: entities.merge_people(people=qs, user=request.user))


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
