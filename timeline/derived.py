"""The one door from a write to what is derived from events: their search text, the public
facet counts, their ``updated`` stamp (under which their cached JSON and cards are kept, and by
which a client syncing a copy asks what changed) and the record of when each became public or
stopped being public (``Event.published_at``, ``Withdrawal``: the changes feed).

Every service that changes events, their evidence or the records they name ends with
:func:`events_changed` (or :func:`entities_changed`, which finds the events first) inside its own
transaction: the admin, the review services, merges, history reverts, the importer, spreadsheet
imports, the registry loader, entity merges and deletions. Nothing else writes
``Event.search_text`` or the facet counts, so a write path that forgets this door shows up as a
failing "edit, then search and count" test rather than as a stale site.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models, transaction
from django.utils import timezone

from timeline import counts, search
from timeline.models import Event, Evidence, Withdrawal

_CHUNK = 500  # ids per UPDATE: well under SQLite's bound on query parameters
_WORDS_READ = 2000  # more changed events than this renew every search at once


def events_changed(event_ids: Iterable[int], *, deleting: Iterable[int] = ()) -> None:
    """Bring everything derived from these events up to date with what they are now (edited,
    relinked, published, rejected, merged — anything). Idempotent; an event that did not change
    costs a lookup and writes nothing to the counts.

    Events are deleted here too, never elsewhere (``deleting``): what a deleted event added to the
    counts and whether it was public must be read before its row goes."""
    ids = sorted({int(pk) for pk in event_ids})
    deleting = sorted({int(pk) for pk in deleting})
    if not ids and not deleting:
        return
    now = timezone.now()
    with transaction.atomic():
        words = _delete(deleting, now)
        ids = sorted(set(ids) - set(deleting))
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            # a renamed park changes its events' JSON and cards without touching the events themselves
            Event.objects.filter(pk__in=chunk).update(updated=now)
            _track_publication(chunk, now)
        # a search's counts and ranking are cached under the versions of its words: renew the
        # words each changed event held before and holds now
        words |= search.words_of(ids) if len(ids) <= _WORDS_READ else {counts.ANY_WORD}
        search.refresh_search_text(ids)
        if len(ids) <= _WORDS_READ:
            words |= search.words_of(ids)
        counts.recount_events(ids)
        counts.renew_versions((counts.WORD, word) for word in words)


def _delete(ids: list[int], now) -> set[str]:
    """Deletes events: their counts are taken away, the public ones withdrawn; returns the search
    words whose cached results they may be in."""
    if not ids:
        return set()
    public = Event.objects.filter(pk__in=ids, published_at__isnull=False).values_list("pk", flat=True)
    Withdrawal.objects.bulk_create(
        Withdrawal(event_id=pk, withdrawn_at=now, reason=Withdrawal.Reason.DELETED) for pk in sorted(public)
    )
    counts.recount_events(ids, going=True)
    Event.objects.filter(pk__in=ids).delete()
    return {counts.ANY_WORD}


def _track_publication(ids: list[int], now) -> None:
    """Stamps the events that became public; records a withdrawal for those that stopped."""
    events = Event.objects.filter(pk__in=ids)
    events.published().filter(published_at__isnull=True).update(published_at=now)
    stopped = events.filter(published_at__isnull=False).exclude(pk__in=events.published().values("pk"))
    withdrawals = [
        Withdrawal(
            event_id=pk,
            withdrawn_at=now,
            reason=Withdrawal.Reason.MERGED
            if merged_into
            else Withdrawal.Reason.REJECTED
            if status == Event.Status.REJECTED
            else Withdrawal.Reason.UNPUBLISHED,
            merged_into_id=merged_into,
        )
        for pk, status, merged_into in stopped.values_list("pk", "status", "merged_into_id")
    ]
    if withdrawals:
        Withdrawal.objects.bulk_create(withdrawals)
        Event.objects.filter(pk__in=[w.event_id for w in withdrawals]).update(published_at=None)


def entities_changed(model: type[models.Model], ids: Iterable[int]) -> None:
    """After a park, organisation, person or policy was renamed, given aliases, moved to another
    province or relinked: its events' search text holds its names, and the province facet
    counts events by their parks."""
    events_changed(events_naming(model, ids))


def events_naming(model: type[models.Model], ids: Iterable[int]) -> list[int]:
    """The events that name any of these parks, organisations, people or policies; read it
    before a deletion, whose cascade takes the links away."""
    return counts.events_linked_to(model, sorted({int(pk) for pk in ids}))


def events_quoting(source_ids: Iterable[int]) -> list[int]:
    """The events whose evidence lies in these sources (read before deleting a source)."""
    quoting = Evidence.objects.filter(news_item__source_id__in=list(source_ids))
    return list(quoting.values_list("event_id", flat=True).distinct())
