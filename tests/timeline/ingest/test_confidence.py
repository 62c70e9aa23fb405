"""An event's confidence is a probability computed from its evidence, and predicts rightness."""

from __future__ import annotations

import json

from timeline.ingest import confidence
from timeline.ingest.pipeline import extract_document
from timeline.ingest.types import PartialDate


def drafts(text: str):
    return extract_document(text.encode("utf-8"), "t.txt", published=PartialDate(2024, 6, 20)).events


def test_the_weights_are_data_fitted_on_dev() -> None:
    data = json.loads(confidence.WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert data["fitted_on"].startswith("dev")
    assert "bias" in data["weights"]


def test_features_are_numbers_between_zero_and_one() -> None:
    for draft in drafts("6月18日，2024南湖科创论坛在南湖开幕，省科技厅厅长王立新出席。"):
        values = confidence.features(draft)
        assert values["bias"] == 1.0
        assert all(0.0 <= v <= 1.0 for v in values.values())
        assert 0.0 <= draft.confidence <= 1.0
        assert draft.confidence == confidence.score(draft)


def test_stronger_evidence_gives_a_higher_confidence() -> None:
    strong = drafts("6月18日，2024南湖科创论坛在南湖高新区开幕，省科技厅厅长王立新出席。")
    weak = drafts("6月18日，南湖科技园开园。\n园区智能网联汽车测试平台同日上线运行。")
    forum = next(d for d in strong if d.kind == "forum")
    launches = [d for d in weak if d.kind == "launch"]
    assert launches
    assert forum.confidence > max(d.confidence for d in launches)


def test_precision_rises_with_confidence_on_dev() -> None:
    from tests.eval.run_eval import evaluate

    bands = [(right / predicted) for _, _, predicted, right in evaluate("dev")["bands"] if predicted >= 3]
    assert len(bands) >= 3
    assert bands == sorted(bands)
