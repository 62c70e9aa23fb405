"""run_eval --entities: what a matched event's entities miss and add, compared as the scorer does."""

from __future__ import annotations

from tests.eval.run_eval import entity_differences


def _event(**fields: object) -> dict:
    base = {"doc": "a.txt", "date": "2024-05-06", "kind": "forum", "title": "江南科创论坛"}
    return {**base, **fields}


def test_an_alias_is_no_difference_and_a_missing_or_extra_name_is() -> None:
    gold = {"a.txt": [_event(parks=["江南高新区"], organisations=["江南市科学技术局"], people=["王明"])]}
    preds = {"a.txt": [_event(parks=["江南高新区"], organisations=["江南市科技局", "江南日报"])]}
    names = {"江南市科技局": "江南市科学技术局"}
    rows = entity_differences(gold, preds, names)
    assert rows == [
        (
            "a.txt",
            "2024-05-06",
            "江南科创论坛",
            {"organisations": ([], ["江南日报"]), "people": (["王明"], [])},
        )
    ]


def test_an_optional_gold_event_is_not_listed() -> None:
    gold = {"a.txt": [_event(parks=["江南高新区"], optional=True)]}
    preds = {"a.txt": [_event(parks=["北海高新区"], title="江南科创论坛开幕")]}
    assert entity_differences(gold, preds, {}) == []
