"""Corrections to the parks, organisations, people and policies events name, that stick.

The extractor creates a record for a name it has not seen. When that name turns out to be another
spelling of a known one, an editor merges them ("same as"): every reference moves to the
survivor, the merged records' names become the survivor's aliases (so the importer resolves them
to it next time), and the merged records are deleted. When it is no name at all (a fragment, a
phrase), a reviewer refuses it: it is unlinked from every event, deleted when nothing else uses
it, and recorded as a ``RefusedName`` that later imports never create or link again. A misspelt
record is renamed, its old name kept as an alias. One transaction per correction, ending in the
one door to the events' search text and facet counts (``timeline.derived``); the linker's
gazetteer is rebuilt after it commits.

These services live in the timeline app, not beside the models in ``people``, because what they
change is how events name things: ``people`` and ``policies`` hold the records and import nothing
of the timeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from people.models import Alias, NamedModel, Organisation, Park, Person, Position
from people.names import name_key
from people.permissions import require_permission
from policies.models import Policy, PolicyAlias
from timeline.derived import entities_changed, events_changed, events_naming
from timeline.gazetteer import invalidate_gazetteer
from timeline.ingest.shapes import organisation_forms, park_forms
from timeline.models import Event, EventOrganisation, RefusedName

MERGE_PERMISSION = "timeline.merge_event"
REFUSE_PERMISSION = "timeline.add_refusedname"
# the kind of name each record is, as imports and refusals call it
KINDS: dict[type[models.Model], str] = {
    Park: RefusedName.Kind.PARK,
    Organisation: RefusedName.Kind.ORGANISATION,
    Person: RefusedName.Kind.PERSON,
    Policy: RefusedName.Kind.POLICY,
}
MODELS = {kind: model for model, kind in KINDS.items()}


def _survivor_and_others(
    model: type[models.Model], records: Iterable[models.Model], survivor: models.Model | None = None
) -> tuple[models.Model, list]:
    """Fresh copies of ``records``; the survivor is ``survivor`` when given, else a reviewed
    record if any, then the oldest."""
    chosen = list(model.objects.filter(pk__in=[r.pk for r in records]))
    if len(chosen) < 2:
        raise ValueError(_("Select at least two records to merge."))
    if survivor is None:
        survivor = min(chosen, key=lambda r: (not r.is_reviewed, r.created, r.pk))
    else:
        survivor = next((r for r in chosen if r.pk == survivor.pk), None)
        if survivor is None:
            raise ValueError(_("The record to keep must be one of the records merged."))
    return survivor, [r for r in chosen if r.pk != survivor.pk]


def _corrected() -> None:
    """The reviewed names, aliases and refusals changed: the linker reads them again."""
    transaction.on_commit(invalidate_gazetteer)


def _move_aliases(survivor: NamedModel, others: Sequence[NamedModel]) -> None:
    owner = survivor._meta.model_name  # the Alias foreign key is named after the model
    have = set(survivor.aliases.values_list("name_key", flat=True))
    if not getattr(survivor, "disambiguation", ""):
        # a bare name that is the survivor's own needs no alias; a namesake told apart by a
        # disambiguation does, or the importer would take the bare name for another person
        have.add(survivor.name_key)
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
def merge_organisations(
    *, organisations: Iterable[Organisation], user, survivor: Organisation | None = None
) -> Organisation:
    """Merges organisations: event roles, positions, issued policies, parent/predecessor links,
    managed parks and aliases move to the survivor. Returns the survivor."""
    require_permission(user, MERGE_PERMISSION)
    survivor, others = _survivor_and_others(Organisation, organisations, survivor)
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
    _corrected()
    return survivor


@transaction.atomic
def merge_parks(*, parks: Iterable[Park], user, survivor: Park | None = None) -> Park:
    """Merges parks: events, sub-parks and aliases move to the survivor. Returns the survivor."""
    require_permission(user, MERGE_PERMISSION)
    survivor, others = _survivor_and_others(Park, parks, survivor)
    _move_events(survivor, others, "parks")
    _repoint(Park, "parent", survivor, others)
    survivor.refresh_from_db()
    survivor = _finish(survivor, others)
    entities_changed(Park, [survivor.pk])  # names, and for moved events parks and provinces
    _corrected()
    return survivor


@transaction.atomic
def merge_people(*, people: Iterable[Person], user, survivor: Person | None = None) -> Person:
    """Merges people: events, positions and aliases move to the survivor. Returns the survivor."""
    require_permission(user, MERGE_PERMISSION)
    survivor, others = _survivor_and_others(Person, people, survivor)
    _move_events(survivor, others, "people")
    _move_positions(survivor, others, "person", "organisation")
    survivor = _finish(survivor, others)
    entities_changed(Person, [survivor.pk])
    _corrected()
    return survivor


@transaction.atomic
def merge_policies(*, policies: Iterable[Policy], user, survivor: Policy | None = None) -> Policy:
    """Merges policies: their events and issuers move to the survivor, their titles and aliases
    become its aliases, an empty document number, short title or date is taken from them."""
    require_permission(user, MERGE_PERMISSION)
    survivor, others = _survivor_and_others(Policy, policies, survivor)
    _move_events(survivor, others, "policies")
    issuers = Policy.issuers.through.objects.filter(policy__in=others)
    survivor.issuers.add(*set(issuers.values_list("organisation_id", flat=True)))
    have = set(survivor.aliases.values_list("title_key", flat=True)) | {survivor.title_key}
    for alias in PolicyAlias.objects.filter(policy__in=others):
        if alias.title_key not in have:
            PolicyAlias.objects.create(policy=survivor, title=alias.title)
            have.add(alias.title_key)
    for other in others:
        if other.title_key not in have:
            PolicyAlias.objects.create(policy=survivor, title=other.title)
            have.add(other.title_key)
    for field in ("short_title", "document_number", "url", "summary"):
        if not getattr(survivor, field):
            setattr(survivor, field, next((getattr(o, field) for o in others if getattr(o, field)), ""))
    for field in ("written_on", "published_on", "effective_on", "period_start", "period_end"):
        donor = next((o for o in others if getattr(o, field) is not None), None)
        if getattr(survivor, field) is None and donor is not None:
            setattr(survivor, field, getattr(donor, field))
            precision = field.replace("_on", "_precision")
            if precision != field:
                setattr(survivor, precision, getattr(donor, precision))
    survivor._history_user = user
    survivor.save()
    for other in others:
        other.delete()
    entities_changed(Policy, [survivor.pk])
    _corrected()
    return survivor


MERGERS = {
    Park: lambda records, user, survivor: merge_parks(parks=records, user=user, survivor=survivor),
    Organisation: lambda records, user, survivor: merge_organisations(
        organisations=records, user=user, survivor=survivor
    ),
    Person: lambda records, user, survivor: merge_people(people=records, user=user, survivor=survivor),
    Policy: lambda records, user, survivor: merge_policies(policies=records, user=user, survivor=survivor),
}


def same_as(*, record: models.Model, target: models.Model, user) -> models.Model:
    """ "``record`` is ``target``": merges it into ``target`` (its references move, its name stays
    as an alias, so later imports resolve the name to ``target``). Needs ``merge_event``."""
    model = type(record)
    if model not in MERGERS or type(target) is not model:
        raise ValueError(_("A record can only be the same as another record of its kind."))
    if record.pk == target.pk:
        raise ValueError(_("A record cannot be the same as itself."))
    return MERGERS[model]([record, target], user, target)


def record_name(record: models.Model) -> str:
    return record.title if isinstance(record, Policy) else record.name


def record_key(record: models.Model) -> str:
    return record.title_key if isinstance(record, Policy) else record.name_key


def is_refused(model: type[models.Model], name: str) -> bool:
    return RefusedName.objects.filter(
        kind=KINDS[model], name_key=name_key(name.strip().strip("《》"))
    ).exists()


@dataclass(frozen=True)
class Refusal:
    """What refusing a name did."""

    name: RefusedName
    events: int  # events it was unlinked from
    deleted: bool  # the record went too (nothing else used it)


def _in_use(record: models.Model) -> bool:
    """Whether records other than events refer to it (it stays, unlinked from events)."""
    if isinstance(record, Park):
        return record.children.exists()
    if isinstance(record, Organisation):
        return (
            record.children.exists()
            or record.successors.exists()
            or record.managed_parks.exists()
            or record.positions.exists()
            or record.policies.exists()
        )
    return False  # a person's positions and a policy's issuers are its own facts: they go with it


@transaction.atomic
def refuse(*, record: models.Model, user) -> Refusal:
    """ "Not a park (organisation, person, policy)": unlinks ``record`` from every event, deletes
    it when nothing else refers to it, and records its name so that imports never create or link
    a record of its kind under that name again. Needs ``timeline.add_refusedname``."""
    require_permission(user, REFUSE_PERMISSION)
    model = type(record)
    if model not in KINDS:
        raise ValueError(f"cannot refuse a {model._meta.verbose_name}")
    record = model.objects.select_for_update().get(pk=record.pk)
    event_ids = events_naming(model, [record.pk])
    if model is Organisation:
        EventOrganisation.objects.filter(organisation=record).delete()
    else:
        record.events.clear()
    refused, _created = RefusedName.objects.get_or_create(
        kind=KINDS[model],
        name_key=record_key(record),
        defaults={"name": record_name(record), "refused_by": user if getattr(user, "pk", None) else None},
    )
    deleted = not _in_use(record)
    if deleted:
        record.delete()
    events_changed(event_ids)
    _corrected()
    return Refusal(name=refused, events=len(event_ids), deleted=deleted)


RENAME_PERMISSIONS = {model: f"{model._meta.app_label}.change_{model._meta.model_name}" for model in KINDS}


@transaction.atomic
def rename(*, record: models.Model, name: str, user) -> models.Model:
    """Gives ``record`` a corrected name; the old one stays as its alias (later imports resolve it
    here). Refused when another record of its kind has the name (that is "same as") or the name
    was refused. Needs the permission to change the record (Editors have it)."""
    model = type(record)
    require_permission(user, RENAME_PERMISSIONS[model])
    record = model.objects.select_for_update().get(pk=record.pk)
    new = name.strip().strip("《》").strip() if model is Policy else name.strip()
    if not new:
        raise ValueError(_("A name cannot be empty."))
    key = name_key(new)
    if key == record_key(record):
        if new == record_name(record):
            return record
    elif _namesake(record, key):
        raise ValueError(
            _("Another %(kind)s is called “%(name)s”: use “same as” to merge them.")
            % {"kind": model._meta.verbose_name, "name": new}
        )
    if is_refused(model, new):
        raise ValueError(_("The name “%(name)s” was refused.") % {"name": new})
    old = record_name(record)
    if model is Policy:
        record.aliases.filter(title_key=key).delete()
        record.title = new
    else:
        record.aliases.filter(name_key=key).delete()
        record.name = new
    record._history_user = user
    record.save()
    if name_key(old) != key:
        if model is Policy:
            PolicyAlias.objects.create(policy=record, title=old)
        else:
            Alias.objects.create(name=old, **{model._meta.model_name: record})
    entities_changed(model, [record.pk])
    _corrected()
    return record


def _namesake(record: models.Model, key: str) -> bool:
    model = type(record)
    others = model.objects.exclude(pk=record.pk)
    if model is Policy:
        return others.filter(title_key=key).exists()
    if model is Person:
        return others.filter(name_key=key, disambiguation=record.disambiguation).exists()
    return others.filter(name_key=key).exists()


# --- other spellings of a known record --------------------------------------------------------


def other_spellings(model: type[models.Model], name: str) -> list[str]:
    """The other printed forms of a park's or organisation's name: a zone's full, national and
    short forms (信阳高新技术产业开发区 / 信阳高新区), a government with and without 人民."""
    forms = park_forms(name) if model is Park else organisation_forms(name) if model is Organisation else ()
    key = name_key(name)
    return [form for form in forms if name_key(form) != key]


def resolve_spellings(model: type[models.Model], missing: dict[str, str]) -> dict[str, int]:
    """Name key → id for the wanted names (key → name) that no record has, but that another
    spelling of names an existing record: the new spelling becomes that record's alias, so an
    import links the one park instead of creating a second. One query, one insert per alias."""
    forms: dict[str, str] = {}
    for key, name in missing.items():
        for form in other_spellings(model, name):
            forms.setdefault(name_key(form), key)
    if not forms:
        return {}
    found: dict[str, int] = {}
    rows = (
        model.objects.filter(Q(name_key__in=forms) | Q(aliases__name_key__in=forms))
        .values_list("id", "name_key", "aliases__name_key")
        .order_by("id")
    )
    for pk, own, alias in rows:
        for key in (own, alias):
            if key in forms:
                found.setdefault(forms[key], pk)
    owner = model._meta.model_name
    for key, pk in found.items():
        try:
            with transaction.atomic():
                Alias.objects.get_or_create(
                    name_key=key, defaults={"name": missing[key]}, **{f"{owner}_id": pk}
                )
        except IntegrityError:  # another import added the same alias meanwhile
            pass
    return found
