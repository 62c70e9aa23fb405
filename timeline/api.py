"""The read-only JSON API: published events (the timeline's filters, keyset pages) and the
public parks, organisations, policies and people. Ids are the database ids: stable, so a client
can keep them; names are the canonical Simplified Chinese ones."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from people.models import Organisation, Park, Person
from policies.models import Policy
from timeline.models import Event, EventOrganisation, Withdrawal
from timeline.pages import event_keys, keyset_page, per_event_cached, ranked_page
from timeline.query import EventParks, EventPeople, EventPolicies, TimelineFilters

DEFAULT_LIMIT, MAX_LIMIT = 50, 200


def _limit(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("limit", DEFAULT_LIMIT)), MAX_LIMIT))
    except ValueError:
        return DEFAULT_LIMIT


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _json(payload: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(payload, status=status, json_dumps_params={"ensure_ascii": False})


def serialised(rows: list[Event], request: HttpRequest) -> list[dict]:
    """The JSON of each event (``Event.as_json``), from the per-event cache when this host and
    language made it."""

    def build(ids: list[int]) -> dict[int, dict]:
        loaded = Event.objects.filter(pk__in=ids).defer("search_text").with_details()
        return {event.pk: event.as_json(request.build_absolute_uri) for event in loaded}

    prefix = f"json:{get_language()}:{request.get_host()}"
    return per_event_cached(rows, prefix=prefix, build=build)


@require_GET
def events(request: HttpRequest) -> JsonResponse:
    """``/api/events``: ``?after=<cursor>`` continues; ``next`` is the URL of the next page.
    With ``updated_since``, the changes feed instead (:func:`changes`)."""
    if "updated_since" in request.GET:
        return changes(request)
    filters = TimelineFilters.from_query(request.GET)
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
            event_keys(filters.events()),
            ascending=filters.order == "asc",
            after=request.GET.get("after"),
            before=None,
            size=limit,
        )
        rows = keyset.items
        next_url = (
            base + filters.querystring(after=keyset.next_cursor, **extra) if keyset.next_cursor else None
        )
    return _json({"results": serialised(rows, request), "next": next_url})


def _moment(raw: str) -> dt.datetime | None:
    """An ISO 8601 date-time (a date alone is its midnight; no zone means Asia/Shanghai)."""
    raw = raw.strip().replace(" ", "+")  # a "+08:00" in a URL that nobody encoded arrives as " 08:00"
    try:
        moment = parse_datetime(raw) or (
            dt.datetime.combine(dt.date.fromisoformat(raw), dt.time()) if len(raw) == 10 else None
        )
    except ValueError:
        return None
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _change_cursor(raw: str) -> tuple[dt.datetime, int] | None:
    moment, _, pk = raw.rpartition("_")
    parsed = _moment(moment)
    return (parsed, int(pk)) if parsed and pk.isdigit() else None


def changes(request: HttpRequest) -> JsonResponse:
    """``/api/events?updated_since=<ISO date-time>``: what a copy of the timeline must do to catch
    up. ``results``: the public events changed (or made public) since then, oldest change first,
    in their full JSON; ``withdrawn``: the events that stopped being public in the same span and
    are not public again (rejected, merged, unpublished, deleted), each once with its last
    withdrawal. Pages follow ``next`` (a keyset on the change time and id); each page's
    withdrawals are those up to its last change, so a sync that follows every page misses none.
    ``until`` is where the next sync may start."""
    since = _moment(request.GET.get("updated_since", ""))
    if since is None:
        return _json(
            {"error": "updated_since: not an ISO 8601 date-time such as 2025-01-31T08:00:00+08:00"}, 400
        )
    limit = _limit(request)
    cursor = _change_cursor(request.GET.get("after", "")) if request.GET.get("after") else None
    if request.GET.get("after") and cursor is None:
        return _json({"error": "after: not a cursor of this feed (follow next)"}, 400)
    changed = Event.objects.public().filter(updated__gte=since)
    if cursor:
        moment, pk = cursor
        changed = changed.filter(Q(updated__gt=moment) | Q(updated=moment, pk__gt=pk))
    rows = list(event_keys(changed).order_by("updated", "id")[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    now = timezone.now()
    window_start = cursor[0] if cursor else since
    window_end = rows[-1].updated if more else now
    withdrawals = Withdrawal.objects.filter(withdrawn_at__lte=window_end).exclude(
        event_id__in=Event.objects.public().values("pk")
    )
    withdrawals = (
        withdrawals.filter(withdrawn_at__gt=window_start)
        if cursor
        else withdrawals.filter(withdrawn_at__gte=since)
    )
    latest: dict[int, Withdrawal] = {}
    for withdrawal in withdrawals.order_by("withdrawn_at", "id"):
        latest[withdrawal.event_id] = withdrawal  # the last word on each event
    next_url = None
    if more:
        last = rows[-1]
        next_url = (
            request.build_absolute_uri(reverse("timeline:api_events"))
            + "?"
            + urlencode(
                {"updated_since": since.isoformat(), "after": f"{last.updated.isoformat()}_{last.pk}"}
                | ({"limit": str(limit)} if limit != DEFAULT_LIMIT else {})
            )
        )
    return _json(
        {
            "results": serialised(rows, request),
            "withdrawn": [
                {
                    "id": w.event_id,
                    "withdrawn_at": w.withdrawn_at.isoformat(),
                    "reason": w.reason,
                    "merged_into": w.merged_into_id,
                }
                for w in sorted(latest.values(), key=lambda w: (w.withdrawn_at, w.id))
            ],
            "next": next_url,
            "until": None if more else now.isoformat(),
        }
    )


def _event_count(through: type, field: str) -> Subquery:
    # per row of the page, an index lookup on the link table: no scan of all events
    links = (
        through.objects.filter(**{field: OuterRef("pk")}, event__in=Event.objects.public())
        .order_by()
        .values(field)
        .annotate(n=Count("event_id", distinct=True))
        .values("n")
    )
    return Subquery(links, output_field=IntegerField())


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
    return _json({"results": [serialise(row, request) for row in rows], "next": next_url})


def _named(row, request: HttpRequest, url_name: str) -> dict:
    return {
        "id": row.pk,
        "name": row.name,
        "slug": row.slug,
        "url": request.build_absolute_uri(row.get_absolute_url()),
        "events": row.event_count or 0,
    }


def _public_id(public: QuerySet, field: str) -> Case:
    """The id in ``field`` when ``public`` holds that record, else NULL: a public entity must not
    name, even by id, a parent or predecessor the public cannot see (ids are enumerable)."""
    return Case(
        When(Exists(public.filter(pk=OuterRef(field))), then=F(field)),
        default=None,
        output_field=BigIntegerField(),
    )


@require_GET
def parks(request: HttpRequest) -> JsonResponse:
    queryset = Park.objects.public().annotate(
        event_count=_event_count(EventParks, "park_id"),
        public_parent_id=_public_id(Park.objects.public(), "parent_id"),
    )

    def serialise(park, request):
        return _named(park, request, "timeline:park") | {
            "name_en": park.name_en,
            "level": park.level,
            "province": park.province,
            "city": park.city,
            "approved_on": _iso(park.approved_on),
            "parent_id": park.public_parent_id,
        }

    return _entity_list(request, queryset, "timeline:api_parks", serialise)


@require_GET
def organisations(request: HttpRequest) -> JsonResponse:
    queryset = Organisation.objects.public().annotate(
        event_count=_event_count(EventOrganisation, "organisation_id"),
        public_parent_id=_public_id(Organisation.objects.public(), "parent_id"),
        public_predecessor_id=_public_id(Organisation.objects.public(), "predecessor_id"),
    )

    def serialise(organisation, request):
        return _named(organisation, request, "timeline:organisation") | {
            "name_en": organisation.name_en,
            "kind": organisation.kind,
            "parent_id": organisation.public_parent_id,
            "predecessor_id": organisation.public_predecessor_id,
            "renamed_on": _iso(organisation.renamed_on),
            "country": organisation.country,
        }

    return _entity_list(request, queryset, "timeline:api_organisations", serialise)


@require_GET
def people(request: HttpRequest) -> JsonResponse:
    queryset = Person.objects.public().annotate(event_count=_event_count(EventPeople, "person_id"))

    def serialise(person, request):
        return _named(person, request, "timeline:person") | {"disambiguation": person.disambiguation}

    return _entity_list(request, queryset, "timeline:api_people", serialise)


@require_GET
def policies(request: HttpRequest) -> JsonResponse:
    queryset = (
        Policy.objects.public()
        .annotate(event_count=_event_count(EventPolicies, "policy_id"))
        .prefetch_related("issuers")
    )
    # one query for which issuers are public, rather than one per policy
    issuer_ids = set(
        Organisation.objects.public().filter(policies__isnull=False).values_list("id", flat=True)
    )

    def serialise(policy, request):
        return {
            "id": policy.pk,
            "title": policy.title,
            "slug": policy.slug,
            "url": request.build_absolute_uri(policy.get_absolute_url()),
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
