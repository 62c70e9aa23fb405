"""The public pages: the timeline with its facets and search, one page per event, park,
organisation, policy, person and source, and the embeddable timeline. Read-only, no login;
everything starts from the models' ``public()`` querysets, so nothing unpublished can show."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.generic import TemplateView

from people.models import Organisation, Park, Person, Position
from policies.models import Policy
from timeline.facets import facets
from timeline.models import Event, Source
from timeline.pages import event_keys, keyset_page, per_event_cached, ranked_page
from timeline.query import TimelineFilters

PAGE_SIZE = 50
FACET_TITLES = {
    "park": gettext_lazy("Parks"),
    "organisation": gettext_lazy("Organisations"),
    "person": gettext_lazy("People"),
    "policy": gettext_lazy("Policies"),
}


def _card_events(events: QuerySet[Event]) -> QuerySet[Event]:
    # search_text is the biggest column and no card shows it
    return events.defer("search_text").with_details()


def with_cards(events: Iterable[Event], tokens: Sequence[str] = ()) -> list[Event]:
    """``events`` (loaded with :func:`event_keys`) each with ``card``: its rendered HTML, from
    the per-event cache when it was rendered before in this language with these search words."""
    rows = list(events)
    words = " ".join(tokens)

    def render(ids: list[int]) -> dict[int, str]:
        loaded = _card_events(Event.objects.filter(pk__in=ids))
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


def _citing(request: HttpRequest, record) -> dict:
    """The cite line of a record's page (GB/T 7714), and the page's plain URL."""
    page_url = request.build_absolute_uri(record.get_absolute_url())
    return {"page_url": page_url, "accessed": timezone.localdate()}


def timeline(request: HttpRequest) -> HttpResponse:
    """``/``: the filtered events grouped by year and month, with facets and a year chart."""
    filters = TimelineFilters.from_query(request.GET)
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
            event_keys(filters.events()),
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


@xframe_options_exempt
def embed(request: HttpRequest) -> HttpResponse:
    """``/embed/?…``: the filtered events drawn by TimelineJS (served from our own static files),
    for an ``<iframe>`` on another site; the same filters as every list."""
    filters = TimelineFilters.from_query(request.GET)
    return render(request, "timeline/embed.html", {"filters": filters, "language": get_language()})


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = _card_events(Event.objects.public()).filter(pk=pk).first()
    if event is None:
        # a merged duplicate lives on in the event it was merged into
        merged = (
            Event.objects.filter(pk=pk, merged_into__isnull=False)
            .values_list("merged_into", flat=True)
            .first()
        )
        if merged and Event.objects.public().filter(pk=merged).exists():
            return redirect("timeline:event", pk=merged, permanent=True)
        raise Http404(_("No such event."))
    citing = _citing(request, event)
    return render(
        request,
        "timeline/event_detail.html",
        {
            "event": event,
            "roles": list(event.organisation_roles.all()),
            "citation": event.citation(accessed=citing["accessed"], page_url=citing["page_url"]),
            "page_url": citing["page_url"],
        },
    )


class EntityEventsView(TemplateView):
    """A page about one entity: its facts, then its public events (keyset-paginated); its feeds
    and exports are those of the timeline filtered by it. A name or alias in place of the slug
    (``/parks/中关村科技园区/``) leads to the record with a permanent redirect."""

    model: type = Park
    facet = ""  # the timeline filter that chooses this entity's events
    template_name = ""
    context_name = ""

    def public_entities(self) -> QuerySet:
        return self.model.objects.public()

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        slug = kwargs["slug"]
        self.entity = self.public_entities().filter(slug=slug).first()
        if self.entity is None:
            found = self.model.objects.public().named(slug).order_by("pk").first()
            if found is None:
                raise Http404(_("Nothing public has this name."))
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(found.get_absolute_url() + (f"?{query}" if query else ""))
        return super().get(request, *args, **kwargs)

    def extra_context_for(self, entity) -> dict:
        return {}

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        entity = self.entity
        filters = TimelineFilters.of_entity(self.facet, entity.slug)
        page = keyset_page(
            event_keys(filters.events()),
            ascending=self.request.GET.get("order") == "asc",
            after=self.request.GET.get("after"),
            before=self.request.GET.get("before"),
            size=PAGE_SIZE,
        )
        context |= {
            self.context_name: entity,
            "entity": entity,
            "filters": filters,  # the footer's feeds and exports are this entity's
            "events": with_cards(page.items),
            "next_url": f"?after={page.next_cursor}" if page.next_cursor else "",
            "previous_url": f"?before={page.previous_cursor}" if page.previous_cursor else "",
            "grouped": True,
            "tokens": (),
            "timeline_url": filters.querystring(),
        }
        context |= self.extra_context_for(entity)
        return context


class ParkView(EntityEventsView):
    model, facet = Park, "park"
    template_name = "people/park_detail.html"
    context_name = "park"

    def public_entities(self) -> QuerySet[Park]:
        return (
            Park.objects.public()
            .select_related("parent", "managing_organisation")
            .prefetch_related("aliases")
        )

    def extra_context_for(self, entity: Park) -> dict:
        public = Park.objects.public()
        return {
            "parent": entity.parent
            if entity.parent_id and public.filter(pk=entity.parent_id).exists()
            else None,
            "children": list(public.filter(parent=entity).only("id", "name", "slug")),
            "manager": entity.managing_organisation
            if entity.managing_organisation_id
            and Organisation.objects.public().filter(pk=entity.managing_organisation_id).exists()
            else None,
        }


class OrganisationView(EntityEventsView):
    model, facet = Organisation, "organisation"
    template_name = "people/organisation_detail.html"
    context_name = "organisation"

    def public_entities(self) -> QuerySet[Organisation]:
        return Organisation.objects.public().prefetch_related("aliases")

    def extra_context_for(self, entity: Organisation) -> dict:
        public = Organisation.objects.public()
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
                Policy.objects.public().filter(issuers=entity).only("id", "title", "slug").distinct()[:50]
            ),
            "parks": list(
                Park.objects.public().filter(managing_organisation=entity).only("id", "name", "slug")
            ),
        }


class PolicyView(EntityEventsView):
    model, facet = Policy, "policy"
    template_name = "policies/policy_detail.html"
    context_name = "policy"

    def extra_context_for(self, entity: Policy) -> dict:
        issuers = list(Organisation.objects.public().filter(policies=entity).only("id", "name", "slug"))
        citing = _citing(self.request, entity)
        citation = entity.citation(
            issuers=[issuer.name for issuer in issuers],
            accessed=citing["accessed"],
            page_url=citing["page_url"],
        )
        return {"issuers": issuers, "citation": citation, "page_url": citing["page_url"]}


class PersonView(EntityEventsView):
    model, facet = Person, "person"
    template_name = "people/person_detail.html"
    context_name = "person"

    def extra_context_for(self, entity: Person) -> dict:
        public_orgs = set(
            Organisation.objects.public().filter(positions__person=entity).values_list("id", flat=True)
        )
        positions = list(
            Position.objects.public()
            .filter(person=entity)
            .select_related("organisation")
            .order_by("first_seen", "start_on", "title")
        )
        for position in positions:
            # an organisation nobody may see yet is named by its title alone
            position.public_organisation = (
                position.organisation if position.organisation_id in public_orgs else None
            )
        return {"positions": positions}


def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A document: headline, publisher, date and original link, a cite line, then its cleaned
    text with each passage that states a public event marked and linked to its event."""
    source = get_object_or_404(Source.objects.public().prefetch_related("items"), pk=pk)
    citing = _citing(request, source)
    return render(
        request,
        "timeline/source_detail.html",
        {
            "source": source,
            "segments": source.segments(),
            "citation": source.citation(accessed=citing["accessed"], page_url=citing["page_url"]),
            "page_url": citing["page_url"],
        },
    )
