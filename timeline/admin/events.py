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

from django import forms
from django.contrib import admin, messages
from django.db.models import Case, Count, IntegerField, Prefetch, Value, When
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ExportMixin
from import_export.forms import ConfirmImportForm, ImportForm

from people.dates import format_precise_date
from timeline import curation
from timeline.admin.base import CuratedAdmin, DerivedDataAdmin, ImportExportAdmin, LabelledExportForm
from timeline.admin.workbench import WorkbenchMixin
from timeline.derived import events_quoting
from timeline.models import (
    Event,
    EventMerge,
    EventOrganisation,
    EventStatus,
    Evidence,
    NewsItem,
    RefusedName,
    Source,
)
from timeline.resources import EventResource, EvidenceResource, NewsItemResource, SourceResource, source_line
from timeline.spreadsheet import SPREADSHEET_FORMATS


class EventImportForm(ImportForm):
    """The event import, which updates events by id; new events only when asked for."""

    create_new = forms.BooleanField(
        label=_("Create new events for rows without an id"),
        required=False,
        help_text=_(
            "Rows are matched by id. Without this box a row without an id is refused, so that a "
            "file can only correct the events it was exported from; an unchanged row is skipped."
        ),
    )


class EventConfirmImportForm(ConfirmImportForm):
    create_new = forms.BooleanField(required=False, widget=forms.HiddenInput)


# candidates first: they are what a reviewer has not looked at yet
STATUS_ORDER = Case(
    When(status=EventStatus.CANDIDATE, then=Value(0)),
    When(status=EventStatus.REVIEWED, then=Value(1)),
    When(status=EventStatus.PUBLISHED, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


def text_block(text: str) -> str:
    """Source text shown, never offered for editing: one keystroke would break every offset."""
    return format_html(
        '<pre class="source-text" style="white-space:pre-wrap;max-height:30em;overflow:auto">{}</pre>', text
    )


class NewsItemInline(admin.TabularInline):
    """The articles of a source, as the importer cut them: offsets into its text, read-only."""

    model = NewsItem
    fields = ("position", "headline", "dateline", "byline", "start", "end")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Source)
class SourceAdmin(DerivedDataAdmin, ExportMixin, admin.ModelAdmin):
    """Sources come in through ``import_news`` (which splits them into news items), so the admin
    only exports them; deleting one takes its evidence away from its events."""

    resource_classes = (SourceResource,)
    formats = SPREADSHEET_FORMATS
    export_form_class = LabelledExportForm
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
    # url_as_found: an address that is no web address, shown to the editor and never linked
    readonly_fields = (
        "content_sha256",
        "file_name",
        "url_as_found",
        "encoding",
        "media_type",
        "imported_at",
        "imported_by",
        "cleaned_text",
        "raw",
    )
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "publisher",
                    "issue_label",
                    ("published_on", "published_precision"),
                    "url",
                    "url_as_found",
                )
            },
        ),
        (
            _("Import"),
            {
                "fields": (
                    "file_name",
                    "media_type",
                    "encoding",
                    "content_sha256",
                    "imported_at",
                    "imported_by",
                )
            },
        ),
        (_("Text (read-only: evidence points into it)"), {"fields": ("cleaned_text", "raw")}),
    )
    inlines = (NewsItemInline,)

    def has_add_permission(self, request) -> bool:
        return False  # sources come in through import_news, which splits and dates them

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("items"))

    @admin.display(description=_("cleaned text"))
    def cleaned_text(self, obj: Source) -> str:
        return text_block(obj.clean_text)

    @admin.display(description=_("raw text"))
    def raw(self, obj: Source) -> str:
        return text_block(obj.raw_text)

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
    formats = SPREADSHEET_FORMATS
    export_form_class = LabelledExportForm
    list_display = ("__str__", "source", "position", "dateline", "byline", "evidence_count")
    list_select_related = ("source",)
    search_fields = ("headline", "dateline", "source__title", "source__file_name")
    fields = ("source", "position", "headline", "dateline", "byline", ("start", "end"), "article")
    readonly_fields = ("source", "position", "start", "end", "article")

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description=_("text"))
    def article(self, obj: NewsItem) -> str:
        return text_block(obj.text)

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


class EvidenceInline(admin.TabularInline):
    """The passages that state the event, as the importer found them: read-only (their offsets
    point into the source), removable when a passage does not state this event."""

    model = Evidence
    fields = ("quote", "date_phrase", "printed_in")
    readonly_fields = fields
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("news_item__source")

    @admin.display(description=_("source"))
    def printed_in(self, obj: Evidence) -> str:
        return source_line(obj.news_item)


@admin.register(Event)
class EventAdmin(WorkbenchMixin, DerivedDataAdmin, CuratedAdmin):
    resource_classes = (EventResource,)
    import_form_class = EventImportForm
    confirm_form_class = EventConfirmImportForm
    change_list_template = "admin/timeline/event/change_list.html"
    change_form_template = "admin/timeline/event/change_form.html"
    list_display = (
        "title",
        "when",
        "kind",
        "status",
        "confidence",
        "evidence_line",
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
        first_passages = Evidence.objects.select_related("news_item__source").order_by("id")
        return (
            super()
            .get_queryset(request)
            .annotate(evidence_count=Count("evidence", distinct=True))
            .prefetch_related("parks", Prefetch("evidence", queryset=first_passages))
        )

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["create_new"] = import_form.cleaned_data.get("create_new", False)
        return initial

    def get_import_resource_kwargs(self, request, **kwargs):
        """The reviewer's choice whether rows without an id become new events."""
        form = kwargs.get("form")
        chosen = getattr(form, "cleaned_data", None) or {}
        return {
            **super().get_import_resource_kwargs(request, **kwargs),
            "create_new": bool(chosen.get("create_new")),
        }

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

    @admin.display(description=_("evidence"))
    def evidence_line(self, obj: Event) -> str:
        """The first passage, its date phrase marked, and where it was printed: enough to spot a
        plan's target year taken for the event's date without opening the event."""
        passage = next(iter(obj.evidence.all()), None)
        if passage is None:
            return ""
        quote = passage.quote if len(passage.quote) <= 90 else passage.quote[:90] + "…"
        return format_html(
            '<div class="evidence-quote">{}</div><small>{}{}</small>',
            quote,
            format_html("<mark>{}</mark> · ", passage.date_phrase) if passage.date_phrase else "",
            source_line(passage.news_item),
        )

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
        undated = queryset.filter(date__isnull=True, merged_into__isnull=True).count()
        if undated:
            self.message_user(
                request,
                ngettext(
                    "%(count)d undated event was not published: date it first.",
                    "%(count)d undated events were not published: date them first.",
                    undated,
                )
                % {"count": undated},
                messages.WARNING,
            )

    @admin.action(description=_("Reject selected events"), permissions=("publish",))
    def reject(self, request, queryset):
        count = curation.reject_events(events=queryset, user=request.user)
        self._report(request, count, "%(count)d event rejected.", "%(count)d events rejected.")

    @admin.action(description=_("Compare and merge selected events"), permissions=("merge",))
    def merge_selected(self, request, queryset):
        """Merging is decided on the comparison page: the survivor chosen, the differences seen."""
        ids = ",".join(str(pk) for pk in queryset.order_by("pk").values_list("pk", flat=True))
        return HttpResponseRedirect(f"{reverse('admin:timeline_event_compare')}?ids={ids}")


@admin.register(Evidence)
class EvidenceAdmin(DerivedDataAdmin, ImportExportAdmin):
    """Evidence comes from imports. Its passage is read-only (its offsets point into the source);
    what an editor may change is the event it states."""

    resource_classes = (EvidenceResource,)
    list_display = ("excerpt", "event", "news_item", "date_phrase", "created")
    list_select_related = ("event", "news_item__source")
    search_fields = ("quote", "event__title", "date_phrase")
    autocomplete_fields = ("event",)
    date_hierarchy = "created"
    fields = (
        "event",
        "news_item",
        "quote",
        "date_phrase",
        ("start", "end"),
        ("raw_start", "raw_end"),
        "in_context",
    )
    readonly_fields = (
        "news_item",
        "quote",
        "date_phrase",
        "start",
        "end",
        "raw_start",
        "raw_end",
        "in_context",
    )

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description=_("in its article"))
    def in_context(self, obj: Evidence) -> str:
        text = obj.news_item.source.clean_text
        span = obj.located_span(text)
        if span is None:
            return _("The quote is no longer found in its source.")
        start, end = span
        return format_html(
            '<p style="max-width:60em">…{}<mark>{}</mark>{}…</p>',
            text[max(0, start - 120) : start],
            text[start:end],
            text[end : end + 120],
        )

    def events_touched(self, pks: list[int]) -> list[int]:
        return list(Evidence.objects.filter(pk__in=pks).values_list("event_id", flat=True).distinct())

    @admin.display(description=_("quote"))
    def excerpt(self, obj: Evidence) -> str:
        return obj.quote[:80]


@admin.register(EventMerge)
class EventMergeAdmin(admin.ModelAdmin):
    """The merges made, with what each moved: a record, never edited; a reviewer undoes one from
    here or from the survivor's review page."""

    list_display = ("survivor", "merged_count", "conflict_list", "merged_by", "merged_at", "undo")
    list_select_related = ("survivor", "merged_by", "undone_by")
    list_filter = ("merged_at",)
    search_fields = ("survivor__title",)
    readonly_fields = (
        "survivor",
        "merged",
        "repointed",
        "evidence_moved",
        "links_added",
        "survivor_confidence",
        "conflicts",
        "merged_by",
        "merged_at",
        "undone_by",
        "undone_at",
    )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("events merged"))
    def merged_count(self, obj: EventMerge) -> int:
        return len(obj.merged)

    @admin.display(description=_("conflicts accepted"))
    def conflict_list(self, obj: EventMerge) -> str:
        return "; ".join(" / ".join(conflict.get("values", [])) for conflict in obj.conflicts)

    @admin.display(description=_("undo"))
    def undo(self, obj: EventMerge) -> str:
        if obj.is_undone:
            return _("undone %(when)s") % {"when": f"{obj.undone_at:%Y-%m-%d %H:%M}"}
        page = reverse("admin:timeline_event_review") + f"?event={obj.survivor_id}"
        return format_html('<a href="{}">{}</a>', page, _("on the review page"))


@admin.register(RefusedName)
class RefusedNameAdmin(admin.ModelAdmin):
    """Names refused on the review page: imports never create or link them. Deleting one (a
    reviewer's right) lets imports propose the name again."""

    list_display = ("name", "kind", "refused_by", "refused_at")
    list_filter = ("kind",)
    list_select_related = ("refused_by",)
    search_fields = ("name",)
    readonly_fields = ("name", "kind", "refused_by", "refused_at")

    def has_add_permission(self, request) -> bool:
        return False  # a name is refused on the review page or an entity list, which unlinks it too

    def has_change_permission(self, request, obj=None) -> bool:
        return False
