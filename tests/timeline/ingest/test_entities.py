"""The entity linker on sentences written for these tests (not copied from the seeds)."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.ingest.entities import Gazetteer, find_entities, find_policies, policy_period
from timeline.ingest.types import GazetteerEntry

GAZETTEER = Gazetteer(
    [
        GazetteerEntry("park", "苏州高新区", ("苏州高新技术产业开发区",)),
        GazetteerEntry("park", "苏州高新区分园", ()),
        GazetteerEntry("organisation", "工业和信息化部", ("工信部",)),
        GazetteerEntry("organisation", "旧火炬署", ("火炬署",), valid_until=dt.date(2023, 3, 1)),
        GazetteerEntry("organisation", "新火炬署", ("火炬署",), valid_from=dt.date(2023, 3, 1)),
        GazetteerEntry("organisation", "国际科技园区协会", ("IASP",)),
    ]
)


def names(text: str, kind: str, when: dt.date | None = None) -> list[str]:
    return [m.name for m in find_entities(text, GAZETTEER, when) if m.kind == kind]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("苏州高新技术产业开发区今年新增企业200家。", "park", ["苏州高新区"]),
        ("苏州高新区分园开园。", "park", ["苏州高新区分园"]),  # longest known name wins
        ("工信部与某市签约。", "organisation", ["工业和信息化部"]),
        ("会议在江南高新区举行。", "park", ["江南高新区"]),  # discovered by its head word
        ("首批5家产业园中，云溪智造产业园入选。", "park", ["云溪智造产业园"]),
        ("由湖南省科技厅主办的活动", "organisation", ["湖南省科技厅"]),
        (
            "江西省、安徽省和湖北省科技厅联合发文。",
            "organisation",
            ["江西省科技厅", "安徽省科技厅", "湖北省科技厅"],
        ),
        ("国家药品监督管理局发布通告。", "organisation", ["国家药品监督管理局"]),
        ("IASPX is not IASP.", "organisation", ["国际科技园区协会"]),
    ],
)
def test_parks_and_organisations(text: str, kind: str, expected: list[str]) -> None:
    assert names(text, kind) == expected


def test_shared_alias_resolves_to_the_body_in_office() -> None:
    assert names("火炬署发布报告。", "organisation", dt.date(2022, 6, 1)) == ["旧火炬署"]
    assert names("火炬署发布报告。", "organisation", dt.date(2024, 6, 1)) == ["新火炬署"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市科技局局长王小明表示，要加快发展。", [("王小明", "局长", "")]),
        ("某某大学党委书记、校长陈大海出席并致辞。", [("陈大海", "党委书记、校长", "某某大学")]),
        ("欧阳春风指出，园区要做强主导产业。", [("欧阳春风", "", "")]),
        ("我们表示欢迎。", []),
    ],
)
def test_people(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = [(m.name, m.title, m.organisation) for m in find_entities(text, GAZETTEER) if m.kind == "person"]
    assert [(n, t) for n, t, _ in found] == [(n, t) for n, t, _ in expected]
    for (_, _, org), (_, _, want) in zip(found, expected, strict=True):
        if want:
            assert org == want


def test_policies_need_a_document_word_and_keep_their_number() -> None:
    text = "印发《关于促进园区发展的若干措施》（某科发〔2023〕12号），又上映《某某之夜》。"
    found = find_policies(text)
    assert [m.name for m in found] == ["关于促进园区发展的若干措施"]
    assert found[0].document_number == "某科发〔2023〕12号"


def test_policy_period_from_title() -> None:
    assert policy_period("某某园区建设方案（2025—2028年）") == (2025, 2028)
    assert policy_period("某某园区建设方案") is None
