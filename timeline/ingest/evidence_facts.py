"""What the evidence of an extracted event is like, as plain JSON values: the confidence model's
raw input (``confidence.features`` turns it into numbers) and a row of the committed training
data (``tests/eval/confidence_rows.jsonl``).

It imports only the draft type, so ``tests/eval/confidence_rows.py`` can load this file
beside an older checkout's extractor and label what that extractor found.
"""

from __future__ import annotations

from collections import Counter

from timeline.ingest.types import EventDraft


def document_facts(drafts: list[EventDraft], text_length: int) -> list[dict]:
    """The facts of every draft of a document, in one pass (counted once, not per draft)."""
    sentences = Counter(d.evidence for d in drafts)
    kind_dates = Counter((d.kind, d.date) for d in drafts)
    return [
        _facts(d, len(drafts), text_length, sentences[d.evidence] - 1, kind_dates[d.kind, d.date] - 1)
        for d in drafts
    ]


def facts(draft: EventDraft, drafts: list[EventDraft], text_length: int) -> dict:
    """What the evidence of a draft is like among the document's ``drafts``, as JSON values (a
    row of the committed data)."""
    return document_facts(drafts, text_length)[next(i for i, d in enumerate(drafts) if d is draft)]


def _facts(draft: EventDraft, events: int, text_length: int, same_sentence: int, same_kind_date: int) -> dict:
    return {
        "kind": draft.kind,
        "evidence": draft.evidence,
        "title": draft.title,
        "date_phrase": draft.date_phrase,
        "precision": draft.date.precision if draft.date else "",
        "window": draft.window is not None,
        "parks": len(draft.parks),
        "organisations": len(draft.organisations),
        "people": len(draft.people),
        "policies": len(draft.policies),
        "position": round(draft.start / max(1, text_length), 3),
        "document_events": events,
        # other events read from the same sentence: one sentence seldom reports two events
        "same_sentence": same_sentence,
        # other events of the same kind and date: a repeat the document-level merge left
        "same_kind_date": same_kind_date,
    }
