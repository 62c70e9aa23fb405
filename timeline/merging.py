"""Curation services for events: the review status changes and merging duplicates.

The admin's actions call these; they check the permission themselves so that a request that
bypasses the admin's action list (or a script) is refused too. Each saves event by event, not
with ``QuerySet.update``, so the change history records who changed what, and recounts the
public facet counts of the events it changed in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count

from people.merging import require_permission
from timeline.counts import recount_events
from timeline.models import Event, EventOrganisation, EventStatus, Evidence

CHANGE_PERMISSION = "timeline.change_event"
PUBLISH_PERMISSION = "timeline.publish_event"
MERGE_PERMISSION = "timeline.merge_event"


def _set_status(events: Iterable[Event], status: str, *, only_from: set[str]) -> int:
    changed = []
    for event in events:
        if event.status in only_from and event.merged_into_id is None:
            event.status = status
            event.save(update_fields=["status", "updated"])
            changed.append(event.pk)
    recount_events(changed)
    return len(changed)


@transaction.atomic
def mark_reviewed(*, events: Iterable[Event], user) -> int:
    """Candidates become reviewed (an editor's "looked at it"); returns how many changed."""
    require_permission(user, CHANGE_PERMISSION)
    return _set_status(events, EventStatus.REVIEWED, only_from={EventStatus.CANDIDATE})


@transaction.atomic
def publish_events(*, events: Iterable[Event], user) -> int:
    """Shows events on the public timeline; merged events stay hidden. Needs ``publish_event``."""
    require_permission(user, PUBLISH_PERMISSION)
    return _set_status(
        events,
        EventStatus.PUBLISHED,
        only_from={EventStatus.CANDIDATE, EventStatus.REVIEWED, EventStatus.REJECTED},
    )


@transaction.atomic
def reject_events(*, events: Iterable[Event], user) -> int:
    """Rejects events (also unpublishes them), so it needs ``publish_event`` too."""
    require_permission(user, PUBLISH_PERMISSION)
    return _set_status(
        events,
        EventStatus.REJECTED,
        only_from={EventStatus.CANDIDATE, EventStatus.REVIEWED, EventStatus.PUBLISHED},
    )


def choose_survivor(events: Iterable[Event]) -> Event:
    """The event the others merge into: not merged already, then most evidence, then the oldest.
    ``events`` must carry ``evidence_count``."""
    return min(events, key=lambda e: (e.merged_into_id is not None, -e.evidence_count, e.created, e.pk))


@transaction.atomic
def merge_events(*, events: Iterable[Event], user) -> Event:
    """Merges duplicates into one survivor: evidence, parks, organisation roles, people and
    policies move to it, the others keep their status but point to it with ``merged_into`` (so
    ``Event.objects.published()`` hides them). Returns the survivor."""
    require_permission(user, MERGE_PERMISSION)
    chosen = list(
        Event.objects.filter(pk__in=[e.pk for e in events]).annotate(evidence_count=Count("evidence"))
    )
    if len(chosen) < 2:
        raise ValueError("select at least two events to merge")
    survivor = choose_survivor(chosen)
    if survivor.merged_into_id is not None:
        raise ValueError("every selected event is merged into another one already")
    others = [e for e in chosen if e.pk != survivor.pk]

    passages = set(survivor.evidence.values_list("news_item_id", "start"))
    for evidence in Evidence.objects.filter(event__in=others).order_by("id"):
        if (evidence.news_item_id, evidence.start) in passages:
            evidence.delete()  # the survivor quotes the same passage already
            continue
        evidence.event = survivor
        evidence.save(update_fields=["event"])
        passages.add((evidence.news_item_id, evidence.start))

    roles = set(survivor.organisation_roles.values_list("organisation_id", "role"))
    for row in EventOrganisation.objects.filter(event__in=others):
        if (row.organisation_id, row.role) not in roles:
            EventOrganisation.objects.create(
                event=survivor, organisation_id=row.organisation_id, role=row.role
            )
            roles.add((row.organisation_id, row.role))
    for relation in ("parks", "people", "policies"):
        through = Event._meta.get_field(relation).remote_field.through
        target = Event._meta.get_field(relation).m2m_reverse_field_name()
        ids = through.objects.filter(event__in=others).values_list(f"{target}_id", flat=True)
        getattr(survivor, relation).add(*set(ids))

    # a chain of merges points straight at the survivor, so one hop always finds it
    for earlier in Event.objects.filter(merged_into__in=others):
        earlier.merged_into = survivor
        earlier.save(update_fields=["merged_into", "updated"])
    for event in others:
        event.merged_into = survivor
        event.save(update_fields=["merged_into", "updated"])
    survivor.confidence = max(e.confidence for e in chosen)
    survivor.save(update_fields=["confidence", "updated"])
    recount_events(e.pk for e in chosen)  # the others are hidden now, the survivor has their links
    return survivor
