"""The review workbench, as pages of the event admin: the review page (the queue on the left, the
current event with its article on the right, every decision a keystroke), the side-by-side
comparison that merges duplicates, undoing a merge, and the staff preview of an event's public
page. The views parse input and call the permission-checking services of ``timeline.curation``
and ``timeline.entities``; a refused permission is a message on the page, never an error page.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from timeline import curation, entities, review
from timeline.admin.forms import CandidateForm, MergeForm, SameAsForm
from timeline.models import Event, EventMerge, EventStatus

REFUSE_LABELS = {
    "park": gettext_lazy("not a park"),
    "organisation": gettext_lazy("not an organisation"),
    "person": gettext_lazy("not a person"),
    "policy": gettext_lazy("not a policy"),
}
KIND_LABELS = {
    "park": gettext_lazy("park"),
    "organisation": gettext_lazy("organisation"),
    "person": gettext_lazy("person"),
    "policy": gettext_lazy("policy"),
}


@dataclass
class Chip:
    """An entity as the page shows it, with its "same as" form."""

    kind: str
    record: models.Model
    form: SameAsForm
    role: str = ""
    new: bool = False  # named in the article, not by the event

    @property
    def name(self) -> str:
        return entities.record_name(self.record)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def refuse_label(self) -> str:
        return REFUSE_LABELS[self.kind]

    @property
    def admin_url(self) -> str:
        opts = self.record._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.record.pk])


class WorkbenchMixin:
    """Adds the workbench's pages to the event admin (``admin:timeline_event_review`` …)."""

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"

        def wrap(view):
            return self.admin_site.admin_view(view)

        return [
            path("review/", wrap(self.review_view), name=f"{prefix}_review"),
            path("review/entity/", wrap(self.entity_view), name=f"{prefix}_entity"),
            path("compare/", wrap(self.compare_view), name=f"{prefix}_compare"),
            path("merges/<int:merge_id>/undo/", wrap(self.unmerge_view), name=f"{prefix}_unmerge"),
            path("<int:object_id>/preview/", wrap(self.preview_view), name=f"{prefix}_preview"),
            *super().get_urls(),
        ]

    # -- helpers ---------------------------------------------------------------------------------

    def _may_review(self, request: HttpRequest) -> None:
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied

    def _context(self, request: HttpRequest, **extra) -> dict:
        user = request.user
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "may_change": user.has_perm(curation.CHANGE_PERMISSION),
            "may_publish": user.has_perm(curation.PUBLISH_PERMISSION),
            "may_merge": user.has_perm(curation.MERGE_PERMISSION),
            "may_refuse": user.has_perm(entities.REFUSE_PERMISSION),
            **extra,
        }

    def _back(self, request: HttpRequest, default: str) -> str:
        back = request.POST.get("back") or request.GET.get("back") or ""
        if back and url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            return back
        return default

    def _review_url(self, query: str, event: int | None = None) -> str:
        url = reverse("admin:timeline_event_review")
        params = "&".join(part for part in (query, f"event={event}" if event else "") if part)
        return f"{url}?{params}" if params else url

    # -- the review page -------------------------------------------------------------------------

    def review_view(self, request: HttpRequest) -> HttpResponse:
        self._may_review(request)
        filters = review.QueueFilterForm(request.GET)
        filters.is_valid()
        query = urlencode(
            [(k, v) for k, v in request.GET.items() if k in filters.fields and v not in ("", None)]
        )
        events = review.queue(filters)
        ids = list(events.values_list("pk", flat=True)[: review.QUEUE_WALK])
        current_pk = _int(request.GET.get("event"))
        if current_pk is None and ids:
            current_pk = ids[0]
        previous, following = review.neighbours(ids, current_pk)
        event = review.load_event(current_pk) if current_pk else None
        form = None
        if request.method == "POST":
            response, form = self._act(request, event, events, query, previous, following)
            if response is not None:
                return response
            event = review.load_event(event.pk)
        if event is not None and form is None:
            form = CandidateForm.for_event(event, prefix="edit")
        shown = review.candidate(event) if event is not None else None
        bulk = events.filter(status=EventStatus.REVIEWED, date__isnull=False)
        context = self._context(
            request,
            title=_("Review workbench"),
            view_on_site=self.view_on_site(event) if event is not None else None,
            filters=filters,
            query=query,
            rows=review.queue_rows(events),
            total=len(ids),
            position=(ids.index(event.pk) + 1) if event is not None and event.pk in ids else None,
            shown=shown,
            form=form,
            previous_url=self._review_url(query, previous) if previous else "",
            next_url=self._review_url(query, following) if following else "",
            here=self._review_url(query, event.pk if event else None),
            bulk_count=bulk.count(),
            chips=_chips(shown) if shown else [],
            media=self.media + (form.media if form else CandidateForm().media),
        )
        return TemplateResponse(request, "admin/timeline/event/review.html", context)

    def _act(self, request, event, events, query, previous, following):
        """Runs one decision; returns a redirect, or (None, the form with its errors)."""
        action = request.POST.get("action", "")
        if action == "bulk_publish":
            return self._bulk_publish(request, events, query, event), None
        if event is None:
            messages.error(request, _("That event no longer exists."))
            return HttpResponseRedirect(self._review_url(query)), None
        onward = following or previous
        user = request.user
        try:
            if action in ("save", "save_next"):
                form = CandidateForm(request.POST, prefix="edit")
                if not form.is_valid():
                    messages.error(request, _("The event was not saved: see the edit panel."))
                    return None, form
                try:
                    curation.update_event(event=event, changes=form.changes(), user=user)
                except ValidationError as error:
                    _add_errors(form, error)
                    messages.error(request, _("The event was not saved: see the edit panel."))
                    return None, form
                messages.success(request, _("Saved “%(title)s”.") % {"title": form.cleaned_data["title"]})
                return HttpResponseRedirect(
                    self._review_url(query, onward if action == "save_next" else event.pk)
                ), None
            if action == "publish":
                if curation.publish_events(events=[event], user=user):
                    messages.success(request, _("Published “%(title)s”.") % {"title": event.title})
                elif event.date is None:
                    messages.error(
                        request,
                        _("“%(title)s” is undated: date it before publishing.") % {"title": event.title},
                    )
                    return HttpResponseRedirect(self._review_url(query, event.pk)), None
                else:
                    messages.warning(request, _("“%(title)s” was not published.") % {"title": event.title})
            elif action == "reject":
                curation.reject_events(events=[event], user=user)
                messages.success(request, _("Rejected “%(title)s”.") % {"title": event.title})
            elif action == "review":
                if curation.mark_reviewed(events=[event], user=user):
                    messages.success(request, _("Marked “%(title)s” reviewed.") % {"title": event.title})
                else:
                    messages.info(request, _("“%(title)s” is past review already.") % {"title": event.title})
            else:
                messages.error(request, _("Unknown action."))
                return HttpResponseRedirect(self._review_url(query, event.pk)), None
        except PermissionDenied:
            messages.error(request, _("You may not do that: Reviewers publish, reject and merge."))
            return HttpResponseRedirect(self._review_url(query, event.pk)), None
        return HttpResponseRedirect(self._review_url(query, onward or event.pk)), None

    def _bulk_publish(self, request, events, query, event) -> HttpResponse:
        chosen = list(events.filter(status=EventStatus.REVIEWED, date__isnull=False))
        if str(len(chosen)) != request.POST.get("expected"):
            messages.warning(
                request, _("The list changed since you saw it: nothing was published. Look again.")
            )
        else:
            try:
                count = curation.publish_events(events=chosen, user=request.user)
            except PermissionDenied:
                messages.error(request, _("You may not do that: Reviewers publish, reject and merge."))
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d reviewed event published.", "%(count)d reviewed events published.", count
                    )
                    % {"count": count},
                )
        return HttpResponseRedirect(self._review_url(query, event.pk if event else None))

    # -- entity chips ----------------------------------------------------------------------------

    def entity_view(self, request: HttpRequest) -> HttpResponse:
        """A chip's "same as", "not a …" or "rename", then back to where it was clicked."""
        self._may_review(request)
        back = self._back(request, reverse("admin:timeline_event_review"))
        if request.method != "POST":
            return HttpResponseRedirect(back)
        kind = request.POST.get("kind", "")
        model = entities.MODELS.get(kind)
        record = model.objects.filter(pk=_int(request.POST.get("id"))).first() if model else None
        if record is None:
            messages.error(request, _("That record no longer exists."))
            return HttpResponseRedirect(back)
        action = request.POST.get("action")
        label = entities.record_name(record)
        try:
            if action == "same_as":
                form = SameAsForm(kind, request.POST, prefix=f"{kind}-{record.pk}")
                if not form.is_valid():
                    messages.error(
                        request, _("Choose the record “%(name)s” is the same as.") % {"name": label}
                    )
                    return HttpResponseRedirect(back)
                target = entities.same_as(
                    record=record, target=form.cleaned_data["target"], user=request.user
                )
                messages.success(
                    request,
                    _("“%(name)s” is now an alias of “%(target)s”.")
                    % {"name": label, "target": entities.record_name(target)},
                )
            elif action == "refuse":
                refusal = entities.refuse(record=record, user=request.user)
                messages.success(
                    request,
                    _("“%(name)s” is %(what)s: unlinked from %(count)d events; later imports leave it out.")
                    % {"name": label, "what": REFUSE_LABELS[kind], "count": refusal.events},
                )
            elif action == "rename":
                renamed = entities.rename(record=record, name=request.POST.get("name", ""), user=request.user)
                messages.success(
                    request,
                    _("Renamed “%(old)s” to “%(new)s” (the old name stays as an alias).")
                    % {"old": label, "new": entities.record_name(renamed)},
                )
            else:
                messages.error(request, _("Unknown action."))
        except PermissionDenied:
            messages.error(request, _("You may not do that: Reviewers merge and refuse names."))
        except ValueError as error:
            messages.error(request, str(error))
        return HttpResponseRedirect(back)

    # -- duplicates ------------------------------------------------------------------------------

    def compare_view(self, request: HttpRequest) -> HttpResponse:
        """Two or more events side by side; the editor keeps one and merges the rest into it."""
        self._may_review(request)
        source = request.POST if request.method == "POST" else request.GET
        wanted = [pk for pk in (_int(part) for part in source.get("ids", "").split(",")) if pk]
        events = [review.load_event(pk) for pk in dict.fromkeys(wanted)]
        events = [event for event in events if event is not None]
        back = self._back(request, self._review_url("", events[0].pk if events else None))
        if len(events) < 2:
            messages.error(request, _("Select at least two events to merge."))
            return HttpResponseRedirect(back)
        conflicts = curation.merge_conflicts(events)
        form = MergeForm(events, request.POST or None, initial={"survivor": _default_survivor(events)})
        if request.method == "POST" and form.is_valid():
            survivor = next(e for e in events if e.pk == form.cleaned_data["survivor"])
            try:
                with transaction.atomic():
                    kept = curation.merge_events(
                        events=events,
                        user=request.user,
                        survivor=survivor,
                        accept_conflicts=form.cleaned_data["confirm"],
                    )
            except curation.MergeConflict:
                form.add_error("confirm", _("These events differ: confirm that they are one event."))
            except PermissionDenied:
                messages.error(request, _("You may not do that: Reviewers publish, reject and merge."))
                return HttpResponseRedirect(back)
            except ValueError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    ngettext(
                        "Merged %(count)d event into “%(title)s”; the merge can be undone from its page.",
                        "Merged %(count)d events into “%(title)s”; the merge can be undone from its page.",
                        len(events) - 1,
                    )
                    % {"count": len(events) - 1, "title": kept.title},
                )
                return HttpResponseRedirect(self._review_url("", kept.pk))
        context = self._context(
            request,
            title=_("Compare and merge events"),
            columns=[review.candidate(event) for event in events],
            conflicts=conflicts,
            form=form,
            ids=",".join(str(event.pk) for event in events),
            back=back,
        )
        return TemplateResponse(request, "admin/timeline/event/compare.html", context)

    def unmerge_view(self, request: HttpRequest, merge_id: int) -> HttpResponse:
        self._may_review(request)
        merge = get_object_or_404(EventMerge, pk=merge_id)
        back = self._back(request, self._review_url("", merge.survivor_id))
        if request.method != "POST":
            return HttpResponseRedirect(back)
        try:
            restored = curation.unmerge(merge=merge, user=request.user)
        except PermissionDenied:
            messages.error(request, _("You may not do that: Reviewers publish, reject and merge."))
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "Merge undone: %(count)d event is separate again.",
                    "Merge undone: %(count)d events are separate again.",
                    len(restored),
                )
                % {"count": len(restored)},
            )
        return HttpResponseRedirect(back)

    # -- the staff preview -----------------------------------------------------------------------

    def preview_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        """The public event page, rendered for staff whatever the event's status."""
        self._may_review(request)
        event = review.load_event(object_id)
        if event is None:
            raise Http404(_("No such event."))
        if event.date is None:
            context = {**self._context(request, title=_("Preview")), "event": event}
            context["review_url"] = self._review_url("", event.pk)
            return TemplateResponse(request, "admin/timeline/event/preview_undated.html", context)
        public = Event.objects.published().filter(pk=event.pk).exists()
        page_url = request.build_absolute_uri(event.get_absolute_url())
        citation = event.citation(accessed=timezone.localdate(), page_url=page_url)
        context = {
            "event": event,
            "roles": list(event.organisation_roles.all()),
            "citation": citation,
            "page_url": page_url,
            "public": public,
            "admin_url": reverse("admin:timeline_event_change", args=[event.pk]),
            "review_url": self._review_url("", event.pk),
        }
        return TemplateResponse(request, "admin/timeline/event/preview.html", context)

    def view_on_site(self, obj: Event) -> str | None:
        """ "View on site" for an event the public sees (Django's shortcut, which follows
        ``Event.get_absolute_url``); the others have "Preview"."""
        if obj.status != EventStatus.PUBLISHED or obj.merged_into_id or obj.date is None:
            return None
        return reverse("admin:view_on_site", args=[ContentType.objects.get_for_model(Event).pk, obj.pk])


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _default_survivor(events: list[Event]) -> int:
    """The comparison's first choice: a published event, then the most evidence, then the oldest."""
    return min(
        events,
        key=lambda e: (e.status != EventStatus.PUBLISHED, -len(e.evidence.all()), e.created, e.pk),
    ).pk


def _chips(shown: review.Candidate) -> list[Chip]:
    """The event's parks, organisations (with their roles), people and policies, then the new
    names of its article, each with its own "same as" form."""
    event = shown.event
    found = [("park", p, "", False) for p in event.parks.all()]
    found += [
        ("organisation", r.organisation, r.get_role_display(), False) for r in event.organisation_roles.all()
    ]
    found += [("person", p, "", False) for p in event.people.all()]
    found += [("policy", p, "", False) for p in event.policies.all()]
    found += [(name.kind, name.record, "", True) for name in shown.new_names]
    return [
        Chip(kind, record, SameAsForm(kind, prefix=f"{kind}-{record.pk}"), role, new)
        for kind, record, role, new in found
    ]
