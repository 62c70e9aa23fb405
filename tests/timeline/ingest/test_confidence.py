"""An event's confidence is a probability computed from its evidence, and predicts rightness."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from timeline.ingest import confidence
from timeline.ingest.evidence_facts import facts
from timeline.ingest.pipeline import extract_document
from timeline.ingest.types import PartialDate

ROOT = Path(__file__).resolve().parents[3]
FIT = ROOT / "tests" / "eval" / "fit_confidence.py"


def drafts(text: str):
    return extract_document(text.encode("utf-8"), "t.txt", published=PartialDate(2024, 6, 20)).events


def row(**changes) -> dict:
    """Facts of a plain, well-dated forum in an article's lead, changed as asked."""
    base = {
        "kind": "forum",
        "evidence": "6月18日，2024南湖科创论坛在南湖高新区开幕，省科技厅厅长王立新出席。",
        "title": "2024南湖科创论坛开幕",
        "date_phrase": "6月18日",
        "precision": "day",
        "window": False,
        "parks": 1,
        "organisations": 1,
        "people": 1,
        "policies": 0,
        "position": 0.05,
        "document_events": 2,
        "same_sentence": 0,
        "same_kind_date": 0,
    }
    return {**base, **changes}


def test_the_weights_are_data_fitted_on_unseen_rows() -> None:
    data = json.loads(confidence.WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert data["fitted_on"].startswith("confidence_rows.jsonl")
    assert "bias" in data["weights"]
    assert set(data["weights"]) == set(confidence.features(row()))


def test_features_are_numbers_between_zero_and_one() -> None:
    document = extract_document(
        "6月18日，2024南湖科创论坛在南湖开幕，省科技厅厅长王立新出席。".encode(),
        "t.txt",
        published=PartialDate(2024, 6, 20),
    )
    assert document.events
    for draft in document.events:
        values = confidence.features(facts(draft, document.events, len(document.text)))
        assert values["bias"] == 1.0
        assert all(0.0 <= v <= 1.0 for v in values.values())
        assert 0.0 <= draft.confidence <= 1.0


def test_a_plan_deep_in_a_busy_page_scores_below_a_dated_lead() -> None:
    weights = confidence.weights()
    strong = confidence.probability(confidence.features(row()), weights)
    weak = row(
        evidence="园区将于年内力争建成智能网联汽车测试平台，预计带动一批企业落户，形成完整的产业链条。",
        date_phrase="",
        precision="year",
        people=0,
        position=0.8,
        document_events=14,
        kind="launch",
    )
    assert strong > confidence.probability(confidence.features(weak), weights)


def test_a_hedged_sentence_lowers_the_confidence_of_the_same_event() -> None:
    weights = confidence.weights()
    plain = confidence.probability(confidence.features(row()), weights)
    hedged = row(evidence="6月18日，2024南湖科创论坛计划在南湖高新区开幕，力争吸引百家企业参加。")
    assert confidence.probability(confidence.features(hedged), weights) < plain


def test_the_fit_script_cross_validates_a_tiny_fixture(tmp_path: Path) -> None:
    rows = [
        {"source": "fixture", "doc": f"d{i}.txt", "right": int(i % 3 != 0), **row(position=i / 10)}
        for i in range(6)
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(FIT), "--rows", str(path), "--dry-run"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "6 rows, 4 right, 6 documents" in done.stdout
    assert "leave-one-document-out bands" in done.stdout
