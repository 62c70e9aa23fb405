"""The public pages: the timeline with its facets and search, one page per event, park,
organisation, policy, person and source. Read-only, no login; everything goes through the
public querysets of ``timeline.filters`` so nothing unpublished can show."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from people.models import Organisation, Park, Person
from policies.models import Policy
from timeline.filters import (
    EventParks,
    EventPeople,
    EventPolicies,
    TimelineFilters,
    event_keys,
    event_organisations,
    facets,
    keyset_page,
    linked_event_ids,
    per_event_cached,
    public_events,
    public_organisations,
    public_parks,
    public_people,
    public_policies,
    public_positions,
    public_sources,
    ranked_page,
    source_segments,
    with_event_details,
)
from timeline.models import Event, EventOrganisation

PAGE_SIZE = 50
FACET_TITLES = {
    "park": gettext_lazy("Parks"),
    "organisation": gettext_lazy("Organisations"),
    "person": gettext_lazy("People"),
    "policy": gettext_lazy("Policies"),
}


def _card_events(events: QuerySet[Event]) -> QuerySet[Event]:
    # search_text is the biggest column and no card shows it
    return with_event_details(events.defer("search_text"))


def _decorate(events: Iterable[Event]) -> list[Event]:
    rows = list(events)
    for event in rows:
        event.public_organisations = event_organisations(event)
    return rows


def with_cards(events: Iterable[Event], tokens: Sequence[str] = ()) -> list[Event]:
    """``events`` (loaded with :func:`event_keys`) each with ``card``: its rendered HTML, from
    the per-event cache when it was rendered before in this language with these search words."""
    rows = list(events)
    words = " ".join(tokens)

    def render(ids: list[int]) -> dict[int, str]:
        loaded = _decorate(_card_events(Event.objects.filter(pk__in=ids)))
        return {
            event.pk: render_to_string("includes/event_card.html", {"event": event, "tokens": tokens})
            for event in loaded
        }

    prefix = f"card:{get_language()}:{hashlib.sha1(words.encode()).hexdigest()[:12]}"
    for event, card in zip(rows, per_event_cached(rows, prefix=prefix, build=render), strict=True):
        event.card = card
    return rows


def _page_number(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("page", "1"))
    except ValueError:
        return 1


def timeline(request: HttpRequest) -> HttpResponse:
    """``/``: the filtered events grouped by year and month, with facets and a year chart."""
    filters = TimelineFilters.from_query(request.GET)
    events = event_keys(filters.apply(public_events()))
    context: dict = {"filters": filters, "facets": facets(filters), "facet_titles": FACET_TITLES}
    if filters.ranked:
        page = _page_number(request)
        rows, more = ranked_page(filters, page=page, size=PAGE_SIZE)
        context |= {
            "events": with_cards(rows, filters.tokens),
            "next_url": filters.querystring(page=str(page + 1)) if more else "",
            "previous_url": filters.querystring(page=str(page - 1)) if page > 1 else "",
            "grouped": False,
        }
    else:
        keyset = keyset_page(
            events,
            ascending=filters.order == "asc",
            after=request.GET.get("after"),
            before=request.GET.get("before"),
            size=PAGE_SIZE,
        )
        context |= {
            "events": with_cards(keyset.items, filters.tokens),
            "next_url": filters.querystring(after=keyset.next_cursor) if keyset.next_cursor else "",
            "previous_url": filters.querystring(before=keyset.previous_cursor)
            if keyset.previous_cursor
            else "",
            "grouped": True,
        }
    context["first_url"] = filters.querystring() or "?"
    context["is_first_page"] = not (
        request.GET.get("after") or request.GET.get("before") or _page_number(request) > 1
    )
    return render(request, "timeline/index.html", context)


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = _card_events(public_events()).filter(pk=pk).first()
    if event is None:
        # a merged duplicate lives on in the event it was merged into
        merged = (
            Event.objects.filter(pk=pk, merged_into__isnull=False)
            .values_list("merged_into", flat=True)
            .first()
        )
        if merged and public_events().filter(pk=merged).exists():
            return redirect("timeline:event", pk=merged, permanent=True)
        raise Http404(_("No such event."))
    roles = list(event.organisation_roles.all())
    return render(
        request,
        "timeline/event_detail.html",
        {"event": _decorate([event])[0], "roles": roles},
    )


class EntityEventsView(TemplateView):
    """A page about one entity: its facts, then its published events (keyset-paginated)."""

    template_name = ""
    context_name = ""

    def get_entity(self, slug: str):
        raise NotImplementedError

    def entity_events(self, entity) -> QuerySet[Event]:
        raise NotImplementedError

    def extra_context_for(self, entity) -> dict:
        return {}

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        entity = self.get_entity(kwargs["slug"])
        page = keyset_page(
            event_keys(self.entity_events(entity)),
            ascending=self.request.GET.get("order") == "asc",
            after=self.request.GET.get("after"),
            before=self.request.GET.get("before"),
            size=PAGE_SIZE,
        )
        context |= {
            self.context_name: entity,
            "entity": entity,
            "events": with_cards(page.items),
            "next_url": f"?after={page.next_cursor}" if page.next_cursor else "",
            "previous_url": f"?before={page.previous_cursor}" if page.previous_cursor else "",
            "grouped": True,
            "tokens": (),
        }
        context |= self.extra_context_for(entity)
        return context


def _linked(through: type, field: str, entity) -> QuerySet[Event]:
    return public_events().filter(pk__in=linked_event_ids(through, field, [entity.pk]))


class ParkView(EntityEventsView):
    template_name = "people/park_detail.html"
    context_name = "park"

    def get_entity(self, slug: str) -> Park:
        return get_object_or_404(
            public_parks().select_related("parent", "managing_organisation").prefetch_related("aliases"),
            slug=slug,
        )

    def entity_events(self, entity: Park) -> QuerySet[Event]:
        return _linked(EventParks, "park_id", entity)

    def extra_context_for(self, entity: Park) -> dict:
        public = public_parks()
        return {
            "parent": entity.parent
            if entity.parent_id and public.filter(pk=entity.parent_id).exists()
            else None,
            "children": list(public.filter(parent=entity).only("id", "name", "slug")),
            "manager": entity.managing_organisation
            if entity.managing_organisation_id
            and public_organisations().filter(pk=entity.managing_organisation_id).exists()
            else None,
            "timeline_url": f"?park={entity.slug}",
        }


class OrganisationView(EntityEventsView):
    template_name = "people/organisation_detail.html"
    context_name = "organisation"

    def get_entity(self, slug: str) -> Organisation:
        return get_object_or_404(public_organisations().prefetch_related("aliases"), slug=slug)

    def entity_events(self, entity: Organisation) -> QuerySet[Event]:
        return _linked(EventOrganisation, "organisation_id", entity)

    def extra_context_for(self, entity: Organisation) -> dict:
        public = public_organisations()
        # the lineage: predecessors back to the first (a short chain; bounded against cycles)
        lineage: list[Organisation] = []
        current, seen = entity, {entity.pk}
        while current.predecessor_id and current.predecessor_id not in seen and len(lineage) < 8:
            current = public.filter(pk=current.predecessor_id).first()
            if current is None:
                break
            seen.add(current.pk)
            lineage.append(current)
        return {
            "predecessors": lineage,
            "successors": list(public.filter(predecessor=entity).only("id", "name", "slug", "renamed_on")),
            "parent": public.filter(pk=entity.parent_id).first() if entity.parent_id else None,
            "policies": list(
                public_policies().filter(issuers=entity).only("id", "title", "slug").distinct()[:50]
            ),
            "parks": list(public_parks().filter(managing_organisation=entity).only("id", "name", "slug")),
            "timeline_url": f"?organisation={entity.slug}",
        }


class PolicyView(EntityEventsView):
    template_name = "policies/policy_detail.html"
    context_name = "policy"

    def get_entity(self, slug: str) -> Policy:
        return get_object_or_404(public_policies(), slug=slug)

    def entity_events(self, entity: Policy) -> QuerySet[Event]:
        return _linked(EventPolicies, "policy_id", entity)

    def extra_context_for(self, entity: Policy) -> dict:
        return {
            "issuers": list(public_organisations().filter(policies=entity).only("id", "name", "slug")),
            "timeline_url": f"?policy={entity.slug}",
        }


class PersonView(EntityEventsView):
    template_name = "people/person_detail.html"
    context_name = "person"

    def get_entity(self, slug: str) -> Person:
        return get_object_or_404(public_people(), slug=slug)

    def entity_events(self, entity: Person) -> QuerySet[Event]:
        return _linked(EventPeople, "person_id", entity)

    def extra_context_for(self, entity: Person) -> dict:
        public_orgs = set(
            public_organisations().filter(positions__person=entity).values_list("id", flat=True)
        )
        positions = list(public_positions(entity))
        for position in positions:
            # an organisation nobody may see yet is named by its title alone
            position.public_organisation = (
                position.organisation if position.organisation_id in public_orgs else None
            )
        return {"positions": positions, "timeline_url": f"?person={entity.slug}"}


def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A document's cleaned text with each passage that states a published event marked and
    linked to its event."""
    source = get_object_or_404(public_sources(), pk=pk)
    return render(
        request,
        "timeline/source_detail.html",
        {"source": source, "segments": source_segments(source)},
    )
