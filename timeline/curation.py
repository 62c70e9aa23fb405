"""Curation services for events: edits, the review status changes, merging duplicates, deletion.

These are the only writers of an event's ``status`` and ``merged_into``: the admin (change form,
history revert, actions, spreadsheet import) calls them and cannot set either field itself. Each
checks the permission itself, so a request that bypasses the admin's action list (or a script)
is refused too; saves event by event, not with ``QuerySet.update``, so the change history records
who changed what; and ends in :func:`timeline.derived.events_changed` in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from people.dates import format_precise_date
from people.models import Organisation
from people.permissions import require_permission
from timeline.derived import events_changed
from timeline.models import Event, EventMerge, EventOrganisation, EventStatus, Evidence

ADD_PERMISSION = "timeline.add_event"
CHANGE_PERMISSION = "timeline.change_event"
DELETE_PERMISSION = "timeline.delete_event"
PUBLISH_PERMISSION = "timeline.publish_event"
MERGE_PERMISSION = "timeline.merge_event"
# written only by the status and merge services below, never by a form, a revert or a spreadsheet
SERVICE_FIELDS = ("status", "merged_into")
# what ``update_event`` changes: the event's own fields, then its links
EDITABLE_FIELDS = ("title", "summary", "kind", "date", "precision", "end_date", "window_start", "window_end")
EDITABLE_LINKS = ("parks", "people", "policies", "organisations")


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


def _set_status(
    events: Iterable[Event], status: str, *, only_from: set[str], user, also: Q | None = None
) -> int:
    """Moves the events that are (in the database, not in the caller's copies) in one of
    ``only_from``, not merged and match ``also`` to ``status``; returns how many moved."""
    ids = [event.pk for event in events]
    movable = Event.objects.select_for_update().filter(
        also or Q(), pk__in=ids, status__in=only_from, merged_into__isnull=True
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
    """Shows events on the public timeline; merged events stay hidden, and an undated candidate
    stays in the queue until an editor dates it. Needs ``publish_event``; returns how many moved."""
    require_permission(user, PUBLISH_PERMISSION)
    return _set_status(
        events,
        EventStatus.PUBLISHED,
        only_from={EventStatus.CANDIDATE, EventStatus.REVIEWED, EventStatus.REJECTED},
        user=user,
        also=Q(date__isnull=False),
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


# --- editing one event ---------------------------------------------------------------------------


def _ids(values: Iterable) -> set[int]:
    return {int(getattr(value, "pk", value)) for value in values}


@transaction.atomic
def update_event(*, event: Event, changes: dict, user) -> Event:
    """Applies an editor's changes to one event: any of ``EDITABLE_FIELDS`` and the links in
    ``EDITABLE_LINKS`` (records or ids; an organisation kept keeps its roles, a new one takes part
    as a participant). Never its status or merge. Raises ``ValidationError`` (nothing saved) when
    the result breaks a rule of the event (an end before the start, an unknown kind). A change
    that changes nothing writes nothing: no history entry, no new ``updated``."""
    require_permission(user, CHANGE_PERMISSION)
    unknown = set(changes) - set(EDITABLE_FIELDS) - set(EDITABLE_LINKS)
    if unknown:
        raise ValueError(f"update_event cannot change {', '.join(sorted(unknown))}")
    event = Event.objects.select_for_update().get(pk=event.pk)
    fields = [name for name in EDITABLE_FIELDS if name in changes and getattr(event, name) != changes[name]]
    for name in fields:
        setattr(event, name, changes[name])
    if event.date is None and event.status == EventStatus.PUBLISHED:
        raise ValidationError({"date": _("A published event must be dated.")})
    event.full_clean(validate_unique=False)
    links = _replace_links(event, {name: changes[name] for name in EDITABLE_LINKS if name in changes})
    if fields:
        event._history_user = user
        event.save(update_fields=[*fields, "updated"])
    if fields or links:
        events_changed([event.pk])
    return event


def _replace_links(event: Event, wanted: dict[str, Iterable]) -> bool:
    """Sets the event's parks, people, policies and organisations; says whether any changed."""
    changed = False
    for relation in ("parks", "people", "policies"):
        if relation not in wanted:
            continue
        new = _ids(wanted[relation])
        if new != set(getattr(event, relation).values_list("pk", flat=True)):
            getattr(event, relation).set(new)
            changed = True
    if "organisations" in wanted:
        new = _ids(wanted["organisations"])
        roles = event.organisation_roles.all()
        gone = roles.exclude(organisation__in=new)
        have = set(roles.values_list("organisation_id", flat=True))
        if gone.exists() or new - have:
            gone.delete()
            known = set(Organisation.objects.filter(pk__in=new - have).values_list("pk", flat=True))
            EventOrganisation.objects.bulk_create(
                EventOrganisation(event=event, organisation_id=pk, role=EventOrganisation.Role.PARTICIPANT)
                for pk in sorted(known)
            )
            changed = True
    return changed


# --- duplicates ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    """Something two or more events to be merged disagree on, which the merge would hide."""

    field: str  # "date" or "kind"
    values: tuple[str, ...]

    def __str__(self) -> str:
        if self.field == "kind":
            return _("The events are of different kinds: %(values)s.") % {"values": " / ".join(self.values)}
        return _("The events' dates do not overlap: %(values)s.") % {"values": " / ".join(self.values)}

    def as_json(self) -> dict:
        return {"field": self.field, "values": list(self.values)}


class MergeConflict(ValueError):
    """The events disagree on their date or kind and the editor has not confirmed the merge."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        super().__init__(" ".join(str(conflict) for conflict in conflicts))
        self.conflicts = conflicts


def _when(event: Event) -> str:
    if event.window_start:
        return f"{event.window_start.isoformat()}…{event.window_end.isoformat()}"
    text = format_precise_date(event.date, event.precision) or _("undated")
    return f"{text}–{event.end_date.isoformat()}" if event.end_date else text


def merge_conflicts(events: Iterable[Event]) -> list[Conflict]:
    """Kinds that differ, and dates whose days do not all overlap (undated events agree with any)."""
    events = sorted(events, key=lambda e: e.pk)
    conflicts = []
    kinds = sorted({event.get_kind_display() for event in events})
    if len(kinds) > 1:
        conflicts.append(Conflict("kind", tuple(kinds)))
    spans = [(event, event.span()) for event in events]
    dated = [(event, span) for event, span in spans if span]
    if dated and max(start for _e, (start, _end) in dated) > min(end for _e, (_start, end) in dated):
        conflicts.append(Conflict("date", tuple(dict.fromkeys(_when(event) for event, _span in dated))))
    return conflicts


def choose_survivor(events: Iterable[Event]) -> Event:
    """The event the others merge into: not merged already, then most evidence, then the oldest.
    ``events`` must carry ``evidence_count``."""
    return min(events, key=lambda e: (e.merged_into_id is not None, -e.evidence_count, e.created, e.pk))


@transaction.atomic
def merge_events(
    *, events: Iterable[Event], user, survivor: Event | None = None, accept_conflicts: bool = False
) -> Event:
    """Merges duplicates into one survivor (the editor's choice, else ``choose_survivor``):
    evidence, parks, organisation roles, people and policies move to it, the others keep their
    status but point to it with ``merged_into`` (so ``Event.objects.published()`` hides them).
    Raises ``MergeConflict`` when their kinds or dates disagree, unless ``accept_conflicts``.
    Everything it moves is recorded in an ``EventMerge``, so ``unmerge`` can put it back: a
    passage the survivor quotes already stays with its event. Returns the survivor."""
    require_permission(user, MERGE_PERMISSION)
    ids = [e.pk for e in events]
    list(Event.objects.select_for_update().filter(pk__in=ids).values_list("pk"))  # lock them first
    chosen = list(Event.objects.filter(pk__in=ids).annotate(evidence_count=Count("evidence")).order_by("pk"))
    if len(chosen) < 2:
        raise ValueError(_("Select at least two events to merge."))
    if survivor is None:
        survivor = choose_survivor(chosen)
    else:
        survivor = next((e for e in chosen if e.pk == survivor.pk), None)
        if survivor is None:
            raise ValueError(_("The event to keep must be one of the events merged."))
    if survivor.merged_into_id is not None:
        raise ValueError(_("The event to keep is merged into another event already."))
    conflicts = merge_conflicts(chosen)
    if conflicts and not accept_conflicts:
        raise MergeConflict(conflicts)
    others = [e for e in chosen if e.pk != survivor.pk]
    record = EventMerge(
        survivor=survivor,
        merged=[e.pk for e in others],
        survivor_confidence=survivor.confidence,
        conflicts=[conflict.as_json() for conflict in conflicts],
        merged_by=user if getattr(user, "pk", None) else None,
    )

    passages = set(survivor.evidence.values_list("news_item_id", "start"))
    for evidence in Evidence.objects.filter(event__in=others).order_by("id"):
        if (evidence.news_item_id, evidence.start) in passages:
            continue  # the survivor quotes the same passage already: it stays with its event
        record.evidence_moved[str(evidence.pk)] = evidence.event_id
        evidence.event = survivor
        evidence.save(update_fields=["event"])
        passages.add((evidence.news_item_id, evidence.start))

    roles = set(survivor.organisation_roles.values_list("organisation_id", "role"))
    added_roles = sorted(
        set(EventOrganisation.objects.filter(event__in=others).values_list("organisation_id", "role")) - roles
    )
    EventOrganisation.objects.bulk_create(
        EventOrganisation(event=survivor, organisation_id=pk, role=role) for pk, role in added_roles
    )
    record.links_added = {"organisations": [list(pair) for pair in added_roles]}
    for relation in ("parks", "people", "policies"):
        through = Event._meta.get_field(relation).remote_field.through
        target = Event._meta.get_field(relation).m2m_reverse_field_name()
        theirs = set(through.objects.filter(event__in=others).values_list(f"{target}_id", flat=True))
        added = sorted(theirs - set(getattr(survivor, relation).values_list("pk", flat=True)))
        getattr(survivor, relation).add(*added)
        record.links_added[relation] = added

    # a chain of merges points straight at the survivor, so one hop always finds it
    for earlier in Event.objects.filter(merged_into__in=others).order_by("pk"):
        record.repointed[str(earlier.pk)] = earlier.merged_into_id
        _point(earlier, survivor.pk, user)
    for event in others:
        record.repointed[str(event.pk)] = event.merged_into_id
        _point(event, survivor.pk, user)
    survivor.confidence = max(e.confidence for e in chosen)
    survivor._history_user = user
    survivor.save(update_fields=["confidence", "updated"])
    record.save()
    events_changed(e.pk for e in chosen)  # the others are hidden now, the survivor has their words and links
    return survivor


def _point(event: Event, merged_into: int | None, user) -> None:
    event.merged_into_id = merged_into
    event._history_user = user
    event.save(update_fields=["merged_into", "updated"])


@transaction.atomic
def unmerge(*, merge: EventMerge, user) -> list[Event]:
    """Undoes a merge: the evidence goes back to the events it came from, the survivor loses the
    links the merge gave it and its confidence returns to what it was, the merged events (and
    those an earlier merge had pointed at them) point where they did. Only the survivor's last
    merge not undone yet can be undone, and only while the survivor is not merged itself.
    Needs ``merge_event``. Returns the events brought back."""
    require_permission(user, MERGE_PERMISSION)
    merge = EventMerge.objects.select_for_update().select_related("survivor").get(pk=merge.pk)
    survivor = merge.survivor
    if merge.is_undone:
        raise ValueError(_("This merge has been undone already."))
    if survivor.merged_into_id is not None:
        raise ValueError(_("The surviving event has been merged into another one since: undo that first."))
    if EventMerge.objects.filter(survivor=survivor, undone_at__isnull=True, pk__gt=merge.pk).exists():
        raise ValueError(_("The surviving event has been merged again since: undo the later merge first."))

    for pk, origin in merge.evidence_moved.items():
        Evidence.objects.filter(pk=int(pk), event=survivor).update(event_id=origin)
    links = merge.links_added
    for relation in ("parks", "people", "policies"):
        getattr(survivor, relation).remove(*links.get(relation, []))
    for organisation, role in links.get("organisations", []):
        survivor.organisation_roles.filter(organisation_id=organisation, role=role).delete()
    restored = []
    for pk, previous in sorted(merge.repointed.items(), key=lambda item: int(item[0])):
        event = Event.objects.filter(pk=int(pk), merged_into=survivor).first()
        if event is not None:
            _point(event, previous, user)
            restored.append(event)
    survivor.confidence = merge.survivor_confidence
    survivor._history_user = user
    survivor.save(update_fields=["confidence", "updated"])
    merge.undone_at, merge.undone_by = timezone.now(), user if getattr(user, "pk", None) else None
    merge.save(update_fields=["undone_at", "undone_by"])
    events_changed([survivor.pk, *(int(pk) for pk in merge.repointed), *merge.evidence_moved.values()])
    return restored
