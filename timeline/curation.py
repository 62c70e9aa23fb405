"""Curation services for events: edits, the review status changes, merging duplicates, deletion.

These are the only writers of an event's ``status`` and ``merged_into``: the admin (change form,
history revert, actions, spreadsheet import) calls them and cannot set either field itself. Each
checks the permission itself, so a request that bypasses the admin's action list (or a script)
is refused too; saves event by event, not with ``QuerySet.update``, so the change history records
who changed what; and ends in :func:`timeline.derived.events_changed` in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count

from people.permissions import require_permission
from timeline.derived import events_changed
from timeline.models import Event, EventOrganisation, EventStatus, Evidence

ADD_PERMISSION = "timeline.add_event"
CHANGE_PERMISSION = "timeline.change_event"
DELETE_PERMISSION = "timeline.delete_event"
PUBLISH_PERMISSION = "timeline.publish_event"
MERGE_PERMISSION = "timeline.merge_event"
# written only by the status and merge services below, never by a form, a revert or a spreadsheet
SERVICE_FIELDS = ("status", "merged_into")


@transaction.atomic
def save_event(*, event: Event, user) -> Event:
    """Saves an event edited in a form or restored from its history: title, kind, dates,
    summary, confidence. Its status and ``merged_into`` stay what they are in the database (a new
    event starts as a candidate): those change only through the services below, which check
    their own permissions. The caller saves the event's links, then calls ``events_changed``."""
    current = Event.objects.filter(pk=event.pk).values_list("status", "merged_into_id").first()
    require_permission(user, CHANGE_PERMISSION if current else ADD_PERMISSION)
    event.status, event.merged_into_id = current or (EventStatus.CANDIDATE, None)
    event._history_user = user
    event.save()
    events_changed([event.pk])
    return event


@transaction.atomic
def delete_events(*, events: Iterable[Event], user) -> int:
    """Deletes events; the events merged into them lose their survivor and count again as they
    are (a deleted survivor un-merges its duplicates). Returns how many were deleted."""
    require_permission(user, DELETE_PERMISSION)
    ids = set(Event.objects.filter(pk__in=[event.pk for event in events]).values_list("pk", flat=True))
    freed = set(Event.objects.filter(merged_into__in=ids).values_list("pk", flat=True)) - ids
    events_changed(freed, deleting=ids)
    return len(ids)


def _set_status(events: Iterable[Event], status: str, *, only_from: set[str], user) -> int:
    """Moves the events that are (in the database, not in the caller's copies) in one of
    ``only_from`` and not merged to ``status``; returns how many moved."""
    ids = [event.pk for event in events]
    movable = Event.objects.select_for_update().filter(
        pk__in=ids, status__in=only_from, merged_into__isnull=True
    )
    changed = []
    for event in movable.order_by("pk"):
        event.status = status
        event._history_user = user
        event.save(update_fields=["status", "updated"])
        changed.append(event.pk)
    events_changed(changed)
    return len(changed)


@transaction.atomic
def mark_reviewed(*, events: Iterable[Event], user) -> int:
    """Candidates become reviewed (an editor's "looked at it"); returns how many changed."""
    require_permission(user, CHANGE_PERMISSION)
    return _set_status(events, EventStatus.REVIEWED, only_from={EventStatus.CANDIDATE}, user=user)


@transaction.atomic
def publish_events(*, events: Iterable[Event], user) -> int:
    """Shows events on the public timeline; merged events stay hidden. Needs ``publish_event``."""
    require_permission(user, PUBLISH_PERMISSION)
    return _set_status(
        events,
        EventStatus.PUBLISHED,
        only_from={EventStatus.CANDIDATE, EventStatus.REVIEWED, EventStatus.REJECTED},
        user=user,
    )


@transaction.atomic
def reject_events(*, events: Iterable[Event], user) -> int:
    """Rejects events (also unpublishes them), so it needs ``publish_event`` too."""
    require_permission(user, PUBLISH_PERMISSION)
    return _set_status(
        events,
        EventStatus.REJECTED,
        only_from={EventStatus.CANDIDATE, EventStatus.REVIEWED, EventStatus.PUBLISHED},
        user=user,
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
    events_changed(e.pk for e in chosen)  # the others are hidden now, the survivor has their words and links
    return survivor
