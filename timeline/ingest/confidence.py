"""An event's confidence: the probability, from its evidence, that an editor finds it right.

A logistic model over a few features of the draft (its trigger rule, how it was dated, how
precise the date is, which entities it names, its kind). The coefficients are data
(``confidence_weights.json``), fitted on the dev split's gold by ``tests/eval/fit_confidence.py``;
the eval prints precision per confidence band, which must rise band by band.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

from timeline.ingest.types import EventDraft

WEIGHTS_FILE = Path(__file__).with_name("confidence_weights.json")

# triggers that name the event (a gathering's or policy's own name) rather than a bare verb
_NAMED_TRIGGERS = (
    "trigger.forum.",
    "trigger.meeting.",
    "trigger.contest.named",
    "trigger.contest.held",
    "trigger.press_conference.",
    "trigger.policy_release.verb_then_title",
    "trigger.policy_release.title_then_verb",
    "trigger.launch.programme",
)


def features(draft: EventDraft) -> dict[str, float]:
    """The evidence of a draft as numbers in [0, 1]; the model's inputs."""
    rules = draft.rules
    trigger = rules[0] if rules else ""
    return {
        "bias": 1.0,
        "named_trigger": float(trigger.startswith(_NAMED_TRIGGERS)),
        "titled_by_name": float("title.from_name" in rules),
        "date_own_sentence": float("date.event.own_sentence" in rules or "date.statistic.period" in rules),
        "date_from_lead": float("date.event.item_lead" in rules),
        "date_day": float(draft.date.precision == "day" and draft.window is None),
        "date_window": float(draft.window is not None),
        "has_park": float(bool(draft.parks)),
        "has_organisation": float(bool(draft.organisations)),
        "has_person": float(bool(draft.people)),
        "has_policy": float(bool(draft.policies)),
        "statistic": float(draft.kind == "statistic"),
        "launch": float(draft.kind == "launch"),
        "park_signup": float(draft.kind == "park_signup"),
        "policy_release": float(draft.kind == "policy_release"),
        "gathering": float(draft.kind in ("forum", "meeting", "contest", "press_conference", "visit")),
        "long_evidence": float(len(draft.evidence) > 120),
    }


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


def score(draft: EventDraft) -> float:
    """The draft's confidence in [0, 1], rounded to two places."""
    return round(probability(features(draft), weights()), 2)
