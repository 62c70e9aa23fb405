"""Merging duplicate organisations, parks and people into one record.

The extractor creates a record for a name it has not seen; when that name turns out to be another
spelling of a known one, an editor merges them: every reference moves to the survivor, the merged
records' names become the survivor's aliases (so the extractor recognises them next time), and
the merged records are deleted. One transaction per merge, ending in the one door to the events'
search text and facet counts (``timeline.derived``).

These services live in the timeline app, not beside the models in ``people``, because what they
change is how events name things: ``people`` and ``policies`` hold the records and import nothing
of the timeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import models, transaction

from people.models import Alias, NamedModel, Organisation, Park, Person, Position
from people.permissions import require_permission
from timeline.derived import entities_changed
from timeline.models import Event, EventOrganisation

MERGE_PERMISSION = "timeline.merge_event"


def _survivor_and_others(model: type[NamedModel], records: Iterable[NamedModel]) -> tuple[NamedModel, list]:
    """Fresh copies of ``records``; the survivor is a reviewed record if any, then the oldest."""
    chosen = list(model.objects.filter(pk__in=[r.pk for r in records]))
    if len(chosen) < 2:
        raise ValueError("select at least two records to merge")
    survivor = min(chosen, key=lambda r: (not r.is_reviewed, r.created, r.pk))
    return survivor, [r for r in chosen if r.pk != survivor.pk]


def _move_aliases(survivor: NamedModel, others: Sequence[NamedModel]) -> None:
    owner = survivor._meta.model_name  # the Alias foreign key is named after the model
    have = set(survivor.aliases.values_list("name_key", flat=True)) | {survivor.name_key}
    for alias in Alias.objects.filter(**{f"{owner}__in": others}):
        if alias.name_key in have:
            alias.delete()
            continue
        setattr(alias, owner, survivor)
        alias.save()
        have.add(alias.name_key)
    for other in others:
        if other.name_key not in have:
            Alias.objects.create(name=other.name, **{owner: survivor})
            have.add(other.name_key)


def _move_events(survivor: NamedModel, others: Sequence[NamedModel], relation: str) -> None:
    """Moves the rows of one of Event's plain many-to-many relations (parks, people)."""
    through = Event._meta.get_field(relation).remote_field.through
    target = Event._meta.get_field(relation).m2m_reverse_field_name()
    event_ids = set(through.objects.filter(**{f"{target}__in": others}).values_list("event_id", flat=True))
    survivor.events.add(*event_ids)


def _widen(kept: Position, extra: Position) -> None:
    """Two records of the same position: keep the widest span of dates either saw."""
    for field, pick in (("first_seen", min), ("last_seen", max), ("start_on", min), ("end_on", max)):
        values = [v for v in (getattr(kept, field), getattr(extra, field)) if v is not None]
        setattr(kept, field, pick(values) if values else None)
    kept.source = kept.source or extra.source
    kept.quote = kept.quote or extra.quote
    kept.save()


def _move_positions(survivor: NamedModel, others: Sequence[NamedModel], field: str, other_field: str) -> None:
    """Positions of the merged records move to the survivor; the same title twice becomes one."""
    for position in Position.objects.filter(**{f"{field}__in": others}):
        twin = Position.objects.filter(
            **{field: survivor, other_field: getattr(position, other_field), "title": position.title}
        ).first()
        if twin:
            _widen(twin, position)
            position.delete()
        else:
            setattr(position, field, survivor)
            position.save()


def _repoint(model: type[models.Model], field: str, survivor: models.Model, others: Sequence) -> None:
    """Foreign keys that named a merged record name the survivor; the survivor never names itself."""
    for row in model.objects.filter(**{f"{field}__in": others}):
        setattr(row, field, None if row.pk == survivor.pk else survivor)
        row.save()


def _finish(survivor: NamedModel, others: Sequence[NamedModel]) -> NamedModel:
    _move_aliases(survivor, others)
    survivor.description = survivor.description or next((o.description for o in others if o.description), "")
    survivor.save()
    for other in others:
        other.delete()
    survivor.refresh_from_db()
    return survivor


@transaction.atomic
def merge_organisations(*, organisations: Iterable[Organisation], user) -> Organisation:
    """Merges organisations: event roles, positions, issued policies, parent/predecessor links,
    managed parks and aliases move to the survivor. Returns the survivor."""
    require_permission(user, MERGE_PERMISSION)
    survivor, others = _survivor_and_others(Organisation, organisations)
    roles = set(survivor.event_roles.values_list("event_id", "role"))
    for row in EventOrganisation.objects.filter(organisation__in=others):
        if (row.event_id, row.role) in roles:
            row.delete()
        else:
            row.organisation = survivor
            row.save()
            roles.add((row.event_id, row.role))
    policy_ids = Organisation.policies.through.objects.filter(organisation__in=others)
    survivor.policies.add(*set(policy_ids.values_list("policy_id", flat=True)))
    _move_positions(survivor, others, "organisation", "person")
    _repoint(Organisation, "parent", survivor, others)
    _repoint(Organisation, "predecessor", survivor, others)
    _repoint(Park, "managing_organisation", survivor, others)
    survivor.refresh_from_db()
    survivor = _finish(survivor, others)
    entities_changed(Organisation, [survivor.pk])  # its events, old and moved, have new names
    return survivor


@transaction.atomic
def merge_parks(*, parks: Iterable[Park], user) -> Park:
    """Merges parks: events, sub-parks and aliases move to the survivor. Returns the survivor."""
    require_permission(user, MERGE_PERMISSION)
    survivor, others = _survivor_and_others(Park, parks)
    _move_events(survivor, others, "parks")
    _repoint(Park, "parent", survivor, others)
    survivor.refresh_from_db()
    survivor = _finish(survivor, others)
    entities_changed(Park, [survivor.pk])  # names, and for moved events parks and provinces
    return survivor


@transaction.atomic
def merge_people(*, people: Iterable[Person], user) -> Person:
    """Merges people: events, positions and aliases move to the survivor. Returns the survivor."""
    require_permission(user, MERGE_PERMISSION)
    survivor, others = _survivor_and_others(Person, people)
    _move_events(survivor, others, "people")
    _move_positions(survivor, others, "person", "organisation")
    survivor = _finish(survivor, others)
    entities_changed(Person, [survivor.pk])
    return survivor
