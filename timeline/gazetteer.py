"""The entity linker's known names, read from the database.

The extractor is plain Python and knows nothing of models; this module turns the curated
parks, organisations (with the dates a name denoted a body), people and policies into
``GazetteerEntry`` values for it, and keeps one built ``Gazetteer`` per process.

Only records an editor reviewed (the registry's, and those curated since) are known names. What
an import created is a proposal: it must not teach the next document's linker (a wrong name
would spread), and what a document yields must not depend on which documents were imported
before it — so imports running side by side store what one run after another stores.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections import defaultdict

from django.db.models import Q

from people.models import Alias, Organisation, Park, Person
from people.names import name_key
from policies.models import Policy, PolicyAlias
from timeline.ingest.entities import Gazetteer
from timeline.ingest.types import GazetteerEntry
from timeline.models import RefusedName

_lock = threading.Lock()
_cached: list[Gazetteer] = []  # empty: not built yet


def gazetteer_entries() -> list[GazetteerEntry]:
    """Every reviewed name and its aliases, but no refused name, in seven queries whatever the
    size of the registry."""
    aliases: dict[tuple[str, int], list[str]] = defaultdict(list)
    reviewed = Q(park__is_reviewed=True) | Q(organisation__is_reviewed=True) | Q(person__is_reviewed=True)
    for park, organisation, person, name in (
        Alias.objects.filter(reviewed)
        .values_list("park_id", "organisation_id", "person_id", "name")
        .order_by("name")
    ):
        if park:
            aliases["park", park].append(name)
        elif organisation:
            aliases["organisation", organisation].append(name)
        elif person:
            aliases["person", person].append(name)

    entries = [
        GazetteerEntry("park", name, tuple(aliases["park", pk]))
        for pk, name in Park.objects.reviewed().values_list("id", "name").order_by("name", "id")
    ]

    organisations = list(
        Organisation.objects.reviewed().values_list("id", "name", "renamed_on", "predecessor_id")
    )
    # a predecessor's name stops denoting it on the day its successor took over
    valid_until: dict[int, dt.date] = {}
    for _, _, renamed_on, predecessor in organisations:
        if predecessor and renamed_on:
            valid_until[predecessor] = min(renamed_on, valid_until.get(predecessor, renamed_on))
    entries += [
        GazetteerEntry(
            "organisation",
            name,
            tuple(aliases["organisation", pk]),
            valid_from=renamed_on,
            valid_until=valid_until.get(pk),
        )
        for pk, name, renamed_on, _ in sorted(organisations, key=lambda row: (row[1], row[0]))
    ]

    # namesakes told apart by a disambiguation are one name to the linker
    people: dict[str, list[str]] = {}
    for pk, name in Person.objects.reviewed().values_list("id", "name").order_by("name", "id"):
        known = people.setdefault(name, [])
        known += [alias for alias in aliases["person", pk] if alias not in known]
    entries += [GazetteerEntry("person", name, tuple(names)) for name, names in people.items()]

    policy_aliases: dict[int, list[str]] = defaultdict(list)
    for policy, title in (
        PolicyAlias.objects.filter(policy__is_reviewed=True)
        .values_list("policy_id", "title")
        .order_by("title")
    ):
        policy_aliases[policy].append(title)
    entries += [
        GazetteerEntry("policy", title, tuple(filter(None, (short_title, *policy_aliases[pk]))))
        for pk, title, short_title in Policy.objects.reviewed()
        .values_list("id", "title", "short_title")
        .order_by("title", "id")
    ]
    return _without_refused(entries)


def _without_refused(entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """A name an editor refused is no name of its kind, even where a record still carries it."""
    refused = set(RefusedName.objects.values_list("kind", "name_key"))
    if not refused:
        return entries
    kept = []
    for entry in entries:
        if (entry.kind, name_key(entry.name)) in refused:
            continue
        aliases = tuple(alias for alias in entry.aliases if (entry.kind, name_key(alias)) not in refused)
        kept.append(dataclasses.replace(entry, aliases=aliases))
    return kept


def load_gazetteer() -> Gazetteer:
    """The database's gazetteer, built once per process (``invalidate_gazetteer`` rebuilds it).

    On a database nobody has loaded yet it is empty, and the pipeline falls back to its own
    default (the registry CSV files).
    """
    with _lock:
        if not _cached:
            _cached.append(Gazetteer(gazetteer_entries()))
        return _cached[0]


def invalidate_gazetteer() -> None:
    """Forget the built gazetteer, after the reviewed names changed in this process."""
    with _lock:
        _cached.clear()
