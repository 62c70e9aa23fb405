"""The read-only JSON API: published events (the timeline's filters, keyset pages) and the
public parks, organisations, policies and people. Ids are the database ids: stable, so a client
can keep them; names are the canonical Simplified Chinese ones."""

from __future__ import annotations

from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    When,
)
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from timeline.filters import (
    EventParks,
    EventPeople,
    EventPolicies,
    TimelineFilters,
    event_keys,
    event_organisations,
    keyset_page,
    per_event_cached,
    public_events,
    public_organisations,
    public_parks,
    public_people,
    public_policies,
    ranked_page,
    with_event_details,
)
from timeline.models import Event, EventOrganisation
from timeline.templatetags.timeline_tags import display_date

DEFAULT_LIMIT, MAX_LIMIT = 50, 200


def _limit(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("limit", DEFAULT_LIMIT)), MAX_LIMIT))
    except ValueError:
        return DEFAULT_LIMIT


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def precise_date(event: Event) -> str:
    """The date in ISO form cut to its precision: ``2024``, ``2024-04`` or ``2024-04-27``."""
    return {"year": event.date.strftime("%Y"), "month": event.date.strftime("%Y-%m")}.get(
        event.precision, event.date.isoformat()
    )


def event_json(event: Event, request: HttpRequest) -> dict:
    """One event as the API, the exports and the tests see it (needs ``with_event_details``)."""

    def url(name: str, **kwargs) -> str:
        return request.build_absolute_uri(reverse(name, kwargs=kwargs))

    roles: dict[int, list[str]] = {}
    for role in event.organisation_roles.all():
        roles.setdefault(role.organisation_id, []).append(role.role)
    return {
        "id": event.pk,
        "url": url("timeline:event", pk=event.pk),
        "date": precise_date(event),
        "date_display": display_date(
            event.date,
            event.precision,
            end_date=event.end_date,
            window_start=event.window_start,
            window_end=event.window_end,
        ),
        "precision": event.precision,
        "end_date": _iso(event.end_date),
        "window": [_iso(event.window_start), _iso(event.window_end)] if event.window_start else None,
        "kind": event.kind,
        "kind_label": str(event.get_kind_display()),
        "title": event.title,
        "summary": event.summary,
        "parks": [
            {"id": p.pk, "name": p.name, "slug": p.slug, "url": url("timeline:park", slug=p.slug)}
            for p in event.parks.all()
        ],
        "organisations": [
            {
                "id": o.pk,
                "name": o.name,
                "slug": o.slug,
                "roles": roles.get(o.pk, []),
                "url": url("timeline:organisation", slug=o.slug),
            }
            for o in event_organisations(event)
        ],
        "people": [
            {"id": p.pk, "name": p.name, "slug": p.slug, "url": url("timeline:person", slug=p.slug)}
            for p in event.people.all()
        ],
        "policies": [
            {"id": p.pk, "title": p.title, "slug": p.slug, "url": url("timeline:policy", slug=p.slug)}
            for p in event.policies.all()
        ],
        "evidence": [
            {
                "id": e.pk,
                "quote": e.quote,
                "source": {
                    "id": e.news_item.source.pk,
                    "title": str(e.news_item.source),
                    "publisher": e.news_item.source.publisher,
                    "published_on": _iso(e.news_item.source.published_on),
                    "url": url("timeline:source", pk=e.news_item.source.pk),
                    "original_url": e.news_item.source.link or None,
                },
            }
            for e in event.evidence.all()
        ],
    }


def filtered_events(request: HttpRequest) -> tuple[TimelineFilters, QuerySet[Event]]:
    """The events a public list, feed or export of this request shows (filters applied)."""
    filters = TimelineFilters.from_query(request.GET)
    return filters, with_event_details(filters.apply(public_events()).defer("search_text"))


def _serialised(rows: list[Event], request: HttpRequest) -> list[dict]:
    """The JSON of each event, from the per-event cache when this host and language made it."""

    def build(ids: list[int]) -> dict[int, dict]:
        loaded = with_event_details(Event.objects.filter(pk__in=ids).defer("search_text"))
        return {event.pk: event_json(event, request) for event in loaded}

    prefix = f"json:{get_language()}:{request.get_host()}"
    return per_event_cached(rows, prefix=prefix, build=build)


@require_GET
def events(request: HttpRequest) -> JsonResponse:
    """``/api/events``: ``?after=<cursor>`` continues; ``next`` is the URL of the next page."""
    filters = TimelineFilters.from_query(request.GET)
    queryset = event_keys(filters.apply(public_events()))
    limit = _limit(request)
    base = request.build_absolute_uri(reverse("timeline:api_events"))
    extra = {"limit": str(limit)} if limit != DEFAULT_LIMIT else {}
    if filters.ranked:
        try:
            page = int(request.GET.get("page", "1"))
        except ValueError:
            page = 1
        rows, more = ranked_page(filters, page=page, size=limit)
        next_url = base + filters.querystring(page=str(page + 1), **extra) if more else None
    else:
        keyset = keyset_page(
            queryset,
            ascending=filters.order == "asc",
            after=request.GET.get("after"),
            before=None,
            size=limit,
        )
        rows = keyset.items
        next_url = (
            base + filters.querystring(after=keyset.next_cursor, **extra) if keyset.next_cursor else None
        )
    return JsonResponse(
        {"results": _serialised(rows, request), "next": next_url},
        json_dumps_params={"ensure_ascii": False},
    )


def _event_count(through: type, field: str) -> Subquery:
    # per row of the page, an index lookup on the link table: no scan of all events
    links = (
        through.objects.filter(
            **{field: OuterRef("pk")}, event__status=Event.Status.PUBLISHED, event__merged_into__isnull=True
        )
        .order_by()
        .values(field)
        .annotate(n=Count("event_id", distinct=True))
        .values("n")
    )
    return Subquery(links, output_field=IntegerField())


def _public_id(public: QuerySet, field: str) -> Case:
    """The id in ``field`` when ``public`` holds that record, else NULL: a public entity must not
    name, even by id, a parent or predecessor the public cannot see (ids are enumerable)."""
    return Case(
        When(Exists(public.filter(pk=OuterRef(field))), then=F(field)),
        default=None,
        output_field=BigIntegerField(),
    )


def _entity_list(request: HttpRequest, queryset: QuerySet, name: str, serialise) -> JsonResponse:
    """A keyset page (by id) of public entities: ``?after=<last id>``."""
    limit = _limit(request)
    try:
        after = int(request.GET.get("after", "0"))
    except ValueError:
        after = 0
    rows = list(queryset.filter(pk__gt=after).order_by("pk")[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    next_url = None
    if more:
        next_url = request.build_absolute_uri(reverse(name)) + f"?after={rows[-1].pk}"
        if limit != DEFAULT_LIMIT:
            next_url += f"&limit={limit}"
    return JsonResponse(
        {"results": [serialise(row, request) for row in rows], "next": next_url},
        json_dumps_params={"ensure_ascii": False},
    )


def _named(row, request: HttpRequest, url_name: str) -> dict:
    return {
        "id": row.pk,
        "name": row.name,
        "slug": row.slug,
        "url": request.build_absolute_uri(reverse(url_name, kwargs={"slug": row.slug})),
        "events": row.event_count or 0,
    }


@require_GET
def parks(request: HttpRequest) -> JsonResponse:
    queryset = public_parks().annotate(
        event_count=_event_count(EventParks, "park_id"),
        public_parent_id=_public_id(public_parks(), "parent_id"),
    )

    def serialise(park, request):
        return _named(park, request, "timeline:park") | {
            "level": park.level,
            "province": park.province,
            "city": park.city,
            "approved_on": _iso(park.approved_on),
            "parent_id": park.public_parent_id,
        }

    return _entity_list(request, queryset, "timeline:api_parks", serialise)


@require_GET
def organisations(request: HttpRequest) -> JsonResponse:
    queryset = public_organisations().annotate(
        event_count=_event_count(EventOrganisation, "organisation_id"),
        public_parent_id=_public_id(public_organisations(), "parent_id"),
        public_predecessor_id=_public_id(public_organisations(), "predecessor_id"),
    )

    def serialise(organisation, request):
        return _named(organisation, request, "timeline:organisation") | {
            "kind": organisation.kind,
            "parent_id": organisation.public_parent_id,
            "predecessor_id": organisation.public_predecessor_id,
            "renamed_on": _iso(organisation.renamed_on),
            "country": organisation.country,
        }

    return _entity_list(request, queryset, "timeline:api_organisations", serialise)


@require_GET
def people(request: HttpRequest) -> JsonResponse:
    queryset = public_people().annotate(event_count=_event_count(EventPeople, "person_id"))

    def serialise(person, request):
        return _named(person, request, "timeline:person") | {"disambiguation": person.disambiguation}

    return _entity_list(request, queryset, "timeline:api_people", serialise)


@require_GET
def policies(request: HttpRequest) -> JsonResponse:
    queryset = (
        public_policies()
        .annotate(event_count=_event_count(EventPolicies, "policy_id"))
        .prefetch_related("issuers")
    )
    # one query for which issuers are public, rather than one per policy
    issuer_ids = set(public_organisations().filter(policies__isnull=False).values_list("id", flat=True))

    def serialise(policy, request):
        return {
            "id": policy.pk,
            "title": policy.title,
            "slug": policy.slug,
            "url": request.build_absolute_uri(reverse("timeline:policy", kwargs={"slug": policy.slug})),
            "short_title": policy.short_title,
            "document_number": policy.document_number,
            "kind": policy.kind,
            "status": policy.status,
            "published_on": _iso(policy.published_on),
            "published_precision": policy.published_precision,
            "period": [policy.period_start, policy.period_end] if policy.period_start else None,
            "issuers": [{"id": o.pk, "name": o.name} for o in policy.issuers.all() if o.pk in issuer_ids],
            "events": policy.event_count or 0,
        }

    return _entity_list(request, queryset, "timeline:api_policies", serialise)
