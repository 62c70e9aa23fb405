"""Curation admin for sources, news items, events and evidence.

The event changelist is the review queue: by default it hides rejected and merged events and
lists candidates first. An event's status and ``merged_into`` are read-only everywhere here: they
change only through the review actions, which call the permission-checking services of
``timeline.curation`` (publishing and rejecting need ``timeline.publish_event``, merging
``timeline.merge_event``). Whatever else changes an event or its evidence here (form, inlines,
history revert, delete, spreadsheet import) reaches its search text and facet counts through
``timeline.derived``.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Case, Count, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ExportMixin
from import_export.formats.base_formats import CSV, XLSX

from people.dates import format_precise_date
from timeline import curation
from timeline.admin.base import CuratedAdmin, DerivedDataAdmin, ImportExportAdmin
from timeline.derived import events_quoting
from timeline.models import Event, EventOrganisation, EventStatus, Evidence, NewsItem, Source
from timeline.resources import EventResource, EvidenceResource, NewsItemResource, SourceResource

# candidates first: they are what a reviewer has not looked at yet
STATUS_ORDER = Case(
    When(status=EventStatus.CANDIDATE, then=Value(0)),
    When(status=EventStatus.REVIEWED, then=Value(1)),
    When(status=EventStatus.PUBLISHED, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


class NewsItemInline(admin.TabularInline):
    model = NewsItem
    fields = ("position", "headline", "dateline", "byline", "start", "end")
    extra = 0


@admin.register(Source)
class SourceAdmin(DerivedDataAdmin, ExportMixin, admin.ModelAdmin):
    """Sources come in through ``import_news`` (which splits them into news items), so the admin
    only exports them; deleting one takes its evidence away from its events."""

    resource_classes = (SourceResource,)
    formats = (CSV, XLSX)
    list_display = (
        "__str__",
        "publisher",
        "issue_label",
        "published",
        "file_name",
        "item_count",
        "imported_at",
    )
    list_filter = ("publisher", "media_type")
    search_fields = ("title", "publisher", "file_name", "content_sha256")
    date_hierarchy = "published_on"
    autocomplete_fields = ("imported_by",)
    # url_as_found: an address that is no web address, shown to the editor and never linked
    readonly_fields = (
        "content_sha256",
        "url_as_found",
        "encoding",
        "media_type",
        "imported_at",
        "imported_by",
    )
    inlines = (NewsItemInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("items"))

    def events_touched(self, pks: list[int]) -> list[int]:
        return events_quoting(pks)

    @admin.display(description=_("published"), ordering="published_on")
    def published(self, obj: Source) -> str:
        return format_precise_date(obj.published_on, obj.published_precision)

    @admin.display(description=_("news items"), ordering="item_count")
    def item_count(self, obj: Source) -> int:
        return obj.item_count


@admin.register(NewsItem)
class NewsItemAdmin(DerivedDataAdmin, ExportMixin, admin.ModelAdmin):
    resource_classes = (NewsItemResource,)
    formats = (CSV, XLSX)
    list_display = ("__str__", "source", "position", "dateline", "byline", "evidence_count")
    list_select_related = ("source",)
    search_fields = ("headline", "dateline", "source__title", "source__file_name")
    autocomplete_fields = ("source",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(evidence_count=Count("evidence"))

    def events_touched(self, pks: list[int]) -> list[int]:
        return list(Evidence.objects.filter(news_item__in=pks).values_list("event_id", flat=True).distinct())

    @admin.display(description=_("evidence"), ordering="evidence_count")
    def evidence_count(self, obj: NewsItem) -> int:
        return obj.evidence_count


class ReviewQueueFilter(admin.SimpleListFilter):
    """Defaults to the open queue (not rejected, not merged) so reviewers see what needs work."""

    title = _("queue")
    parameter_name = "queue"

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        # asking for a status by name (e.g. rejected) must not be hidden by the open-queue default
        self.default = "all" if "status__exact" in request.GET else "open"

    def lookups(self, request, model_admin):
        return (("open", _("open (not rejected or merged)")), ("merged", _("merged")), ("all", _("all")))

    def choices(self, changelist):
        current = self.value() or self.default
        for lookup, title in self.lookup_choices:
            yield {
                "selected": current == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or self.default
        if value == "all":
            return queryset
        if value == "merged":
            return queryset.filter(merged_into__isnull=False)
        return queryset.exclude(status=EventStatus.REJECTED).filter(merged_into__isnull=True)


class EventOrganisationInline(admin.TabularInline):
    model = EventOrganisation
    fields = ("organisation", "role")
    autocomplete_fields = ("organisation",)
    extra = 1


class EvidenceInline(admin.StackedInline):
    model = Evidence
    fields = ("news_item", "quote", ("start", "end"), ("raw_start", "raw_end"), "date_phrase")
    autocomplete_fields = ("news_item",)
    extra = 0


@admin.register(Event)
class EventAdmin(DerivedDataAdmin, CuratedAdmin):
    resource_classes = (EventResource,)
    list_display = (
        "title",
        "when",
        "kind",
        "status",
        "confidence",
        "park_names",
        "evidence_count",
        "merged_into",
    )
    list_filter = (ReviewQueueFilter, "status", "kind", "precision")
    list_select_related = ("merged_into",)
    search_fields = ("title", "summary")
    date_hierarchy = "date"
    ordering = (STATUS_ORDER.asc(), "-date", "-id")
    autocomplete_fields = ("parks", "people", "policies")
    readonly_fields = (*curation.SERVICE_FIELDS, "created", "updated")
    inlines = (EventOrganisationInline, EvidenceInline)
    actions = ("mark_reviewed", "publish", "reject", "merge_selected")
    fieldsets = (
        (None, {"fields": ("title", "kind", "status", "confidence", "summary")}),
        (_("When"), {"fields": (("date", "precision"), "end_date", ("window_start", "window_end"))}),
        (_("Who and what"), {"fields": ("parks", "people", "policies")}),
        (None, {"fields": ("merged_into", "created", "updated")}),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(evidence_count=Count("evidence", distinct=True))
            .prefetch_related("parks")
        )

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm(curation.PUBLISH_PERMISSION)

    def has_import_permission(self, request) -> bool:
        # a spreadsheet creates and relinks events in bulk: a reviewer's job
        return super().has_import_permission(request) and self.has_publish_permission(request)

    def events_touched(self, pks: list[int]) -> list[int]:
        return pks

    def save_model(self, request, obj, form, change):
        wanted = obj.status  # what a history revert would restore
        curation.save_event(event=obj, user=request.user)
        if change and wanted != obj.status:
            self.message_user(
                request,
                _("The status stays “%(status)s”: publish or reject with the review actions.")
                % {"status": obj.get_status_display()},
                messages.WARNING,
            )

    def delete_model(self, request, obj):
        curation.delete_events(events=[obj], user=request.user)

    def delete_queryset(self, request, queryset):
        curation.delete_events(events=queryset, user=request.user)

    @admin.display(description=_("date"), ordering="date")
    def when(self, obj: Event) -> str:
        return obj.admin_date()

    @admin.display(description=_("parks"))
    def park_names(self, obj: Event) -> str:
        return "、".join(park.name for park in obj.parks.all())

    @admin.display(description=_("evidence"), ordering="evidence_count")
    def evidence_count(self, obj: Event) -> int:
        return obj.evidence_count

    def _report(self, request, count: int, singular: str, plural: str) -> None:
        self.message_user(request, ngettext(singular, plural, count) % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Mark selected events as reviewed"), permissions=("change",))
    def mark_reviewed(self, request, queryset):
        count = curation.mark_reviewed(events=queryset, user=request.user)
        self._report(request, count, "%(count)d event marked reviewed.", "%(count)d events marked reviewed.")

    @admin.action(description=_("Publish selected events"), permissions=("publish",))
    def publish(self, request, queryset):
        count = curation.publish_events(events=queryset, user=request.user)
        self._report(request, count, "%(count)d event published.", "%(count)d events published.")

    @admin.action(description=_("Reject selected events"), permissions=("publish",))
    def reject(self, request, queryset):
        count = curation.reject_events(events=queryset, user=request.user)
        self._report(request, count, "%(count)d event rejected.", "%(count)d events rejected.")

    @admin.action(description=_("Merge selected events into one"), permissions=("merge",))
    def merge_selected(self, request, queryset):
        self.run_merge(request, queryset, lambda qs: curation.merge_events(events=qs, user=request.user))


@admin.register(Evidence)
class EvidenceAdmin(DerivedDataAdmin, ImportExportAdmin):
    resource_classes = (EvidenceResource,)
    list_display = ("excerpt", "event", "news_item", "date_phrase", "created")
    list_select_related = ("event", "news_item__source")
    search_fields = ("quote", "event__title", "date_phrase")
    autocomplete_fields = ("event", "news_item")
    date_hierarchy = "created"

    def events_touched(self, pks: list[int]) -> list[int]:
        return list(Evidence.objects.filter(pk__in=pks).values_list("event_id", flat=True).distinct())

    @admin.display(description=_("quote"))
    def excerpt(self, obj: Evidence) -> str:
        return obj.quote[:80]
