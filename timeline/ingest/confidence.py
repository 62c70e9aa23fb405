"""An event's confidence: the probability, from its evidence, that an editor finds it right.

Two steps, so the lesson of one extractor's output survives later rule changes:

- ``evidence_facts.document_facts`` reads what the evidence of a draft is like (its kind, how it was
  dated, where it sits in the document, its sentence, how many events the document yields)
  into plain JSON values;
  ``tests/eval/confidence_rows.jsonl`` keeps such facts, labelled right or wrong, for events of
  text the rules had not been written from;
- ``features`` turns facts into numbers in [0, 1] that carry over between documents (no rule
  names), and a logistic model weighs them. The coefficients are data
  (``confidence_weights.json``), fitted by ``tests/eval/fit_confidence.py`` with
  leave-one-document-out cross-validation.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

from timeline.ingest import lexicon
from timeline.ingest.evidence_facts import document_facts
from timeline.ingest.types import EventDraft

WEIGHTS_FILE = Path(__file__).with_name("confidence_weights.json")

_GATHERINGS = ("forum", "meeting", "contest", "press_conference", "visit")
_LEAD_SHARE = 0.15  # the headline and lead of an article: its first sixth
_DEEP_SHARE = 0.6
_BUSY_DOCUMENT = 10  # events of a page that make it a list or a noisy page (feature at 1)
_LONG_EVIDENCE = 120
_SHORT_EVIDENCE = 25
_OPENING = 15  # characters of a sentence where a date opening it stands (本报讯 6月18日上午，)


def features(row: dict) -> dict[str, float]:
    """The facts of a draft as numbers in [0, 1]; the model's inputs."""
    evidence = row["evidence"]
    kinds = sum(1 for name in ("parks", "organisations", "people", "policies") if row[name])
    return {
        "bias": 1.0,
        "date_in_sentence": float(bool(row["date_phrase"]) and row["date_phrase"] in evidence),
        "date_opens": float(bool(row["date_phrase"]) and row["date_phrase"] in evidence[:_OPENING]),
        "date_day": float(row["precision"] == "day" and not row["window"]),
        "date_vague": float(row["window"] or row["precision"] in ("", "year")),
        "lead": float(row["position"] < _LEAD_SHARE),
        "deep": float(row["position"] > _DEEP_SHARE),
        "hedged": float(_hedged(evidence)),
        "refers_back": float(_refers_back(evidence)),
        "same_sentence": float(row["same_sentence"] > 0),
        "repeated": float(row["same_kind_date"] > 0),
        "quoted_name": float(any(mark in row["title"] + evidence for mark in "《“")),
        "busy_document": min(1.0, row["document_events"] / _BUSY_DOCUMENT),
        "long_evidence": float(len(evidence) > _LONG_EVIDENCE),
        "short_evidence": float(len(evidence) < _SHORT_EVIDENCE),
        "entity_kinds": kinds / 4,
        "has_person": float(bool(row["people"])),
        "statistic": float(row["kind"] == "statistic"),
        "launch": float(row["kind"] == "launch"),
        "policy_release": float(row["kind"] == "policy_release"),
        "gathering": float(row["kind"] in _GATHERINGS),
    }


def _hedged(evidence: str) -> bool:
    """A plan, a goal or an announcement for later in the sentence (将于, 力争, 预计)."""
    return any(word in evidence for word in (*lexicon.FUTURE_WORDS, *lexicon.GOAL_WORDS))


def _refers_back(evidence: str) -> bool:
    """The sentence opens on someone or something named before (他指出, 这是, 该园区)."""
    return evidence.startswith(lexicon.REFERRING_OPENERS)


@cache
def weights() -> dict[str, float]:
    """The committed coefficients (feature → weight); a missing file gives an even 0.5."""
    if not WEIGHTS_FILE.exists():
        return {"bias": 0.0}
    return json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))["weights"]


def probability(values: dict[str, float], coefficients: dict[str, float]) -> float:
    """The logistic of the weighted sum."""
    z = sum(coefficients.get(name, 0.0) * value for name, value in values.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def rate(drafts: list[EventDraft], text_length: int) -> None:
    """Set every draft's confidence in [0, 1] (two places), once the document's events are known."""
    for draft, row in zip(drafts, document_facts(drafts, text_length), strict=True):
        draft.confidence = round(probability(features(row), weights()), 2)
