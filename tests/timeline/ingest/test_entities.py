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
        # a known park followed by its administration is that body
        ("苏州高新区管委会副主任发布数据。", "organisation", ["苏州高新区管委会"]),
        ("苏州高新区管理委员会印发通知。", "organisation", ["苏州高新区管委会"]),
        # a known park plus a class word names a class of parks, not a new park
        ("苏州高新区特色产业园扩容。", "park", ["苏州高新区"]),
        ("苏州高新区国际孵化器开园。", "park", ["苏州高新区国际孵化器"]),
        ("活动在江南高新区举行国家高新区座谈会。", "park", ["江南高新区"]),
        # words ending in a one-character head name no body
        ("园区优化空间布局，完善内部管理。", "organisation", []),
        ("市级以上工程技术研究中心30家。", "organisation", []),
        ("某集团旗下云帆科技园与之签约。", "park", ["云帆科技园"]),
        # parks by their economic or industrial zone heads; "市科技局" is a reference, not a name
        ("江北经济开发区、南湖工业区入选。", "park", ["江北经济开发区", "南湖工业区"]),
        ("市科技局局长出席。", "organisation", []),
        # a body named in Latin letters right after its country
        ("北湖科技园与法国Station Nord、巴西某机构签约。", "organisation", ["Station Nord"]),
        # issue 9: words that only describe a kind of body, a verb glued in front, a class
        ("园区引进多家金融科技公司和科技保险公司。", "organisation", []),
        ("会议要求加强科技企业孵化器建设。", "park", []),
        ("省政府认定南湖工业区为省级高新区。", "park", ["南湖工业区"]),
        ("推动两地政府和企业合作，各市（州）人民政府抓好落实。", "organisation", []),
        ("江西省工业和信息化厅发布通知。", "organisation", ["江西省工业和信息化厅"]),
        ("工信部决策部署落地见效。", "organisation", ["工业和信息化部"]),
        ("他介绍了发展概况、国家高新区的建设情况。", "park", []),
        ("全国百强产业园区代表（江北经开区、南湖经开区等）出席。", "park", ["江北经开区", "南湖经开区"]),
        ("江南市瞄准世界领先科技园区加快建设。", "park", []),
        ("东海大学微电子研究所所长出席。", "organisation", ["东海大学微电子研究所"]),
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
        # the day of the act between the name and the act (rule entity.person_then_day)
        ("省科技厅副厅长周明远8日介绍，全省高新区已有42家。", [("周明远", "副厅长", "")]),
        # titles that are not in the plain list; a unit of a known body is the person's body,
        # under its parent's name (rule entity.unit_of_parent)
        (
            "工业和信息化部规划司司长李明亮出席。",
            [("李明亮", "司长", "工业和信息化部规划司")],
        ),
        ("某某股份有限公司储能首席技术官周海涛分别作报告。", [("周海涛", "首席技术官", "某某股份有限公司")]),
        # foreign names after a title; a slogan with a middle dot is not a name
        ("国际科技园区协会首席执行官安娜·卡尔松致辞。", [("安娜·卡尔松", "首席执行官", "国际科技园区协会")]),
        ("IASP亚洲区主席Mark Lee表示，合作很重要。", [("Mark Lee", "主席", "国际科技园区协会")]),
        ("论坛以“新技术·新产业·新业态”为主题。", []),
        ("江南网·北湖讯 近日，园区举办了创业沙龙。", []),
        # a government head's name before the title (rule entity.name_then_head_title)
        ("上午，李明远市长带领考察团到园区。", [("李明远", "市长", "")]),
        # issue 9: a title or honorific is no part of a name, a dateline is no person
        ("会上，孙教授指出，要重视基础研究。", []),
        ("首席执行官安娜·卡尔松女士表示，合作很重要。", [("安娜·卡尔松", "首席执行官", "")]),
        ("人民网·江南讯 日前，园区举办活动。", []),
        ("诺基亚前总裁表示，欢迎合作。", []),
        # round 3: people recall (rules entity.name_then_act_word, entity.more_titles,
        # entity.name_before_title, entity.latin_name_shapes); a name may end in 正
        ("园区党工委书记孔建东感谢企业家们的支持。", [("孔建东", "书记", "")]),
        ("公司副总经理夏明接待了考察团。", [("夏明", "副总经理", "")]),
        ("办公室主任韦一平先生向大家介绍情况。", [("韦一平", "主任", "")]),
        ("管委会主任钱立群以及各部门负责人参加。", [("钱立群", "主任", "")]),
        ("日报社社长程远山主持了会议。", [("程远山", "社长", "")]),
        (
            "某公司董事Peter J. HOLLAND,某大学院长Anne MILLER出席。",
            [("Peter J. HOLLAND", "董事", ""), ("Anne MILLER", "院长", "")],
        ),
        ("王学明书记、汤立元副部长出席动员大会。", [("王学明", "书记", ""), ("汤立元", "副部长", "")]),
        ("上午，韩正市长带领考察团到园区。", [("韩正", "市长", "")]),
        ("市长李明正在园区调研。", [("李明", "市长", "")]),
        ("嘉宾有省委原常委（原江南日报社社长）袁立群，以及企业代表。", [("袁立群", "社长", "")]),
        ("会议（主任）负责组织。", []),
        (
            "商会钱立新理事长、孔宏达资深顾问、江北市吴美玲副市长一同揭牌。",
            [("钱立新", "理事长", ""), ("孔宏达", "资深顾问", ""), ("吴美玲", "副市长", "")],
        ),
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


def test_short_form_of_a_title_names_the_full_one() -> None:
    text = "印发《北湖科技园区建设方案（2025—2028年）》。该《建设方案》提出五项任务。《方案》还明确了分工。"
    assert [m.name for m in find_policies(text)] == [
        "北湖科技园区建设方案（2025—2028年）"
    ] * 3  # 《方案》 too


def test_a_title_seen_in_brackets_is_found_bare_elsewhere() -> None:
    titles = ["北湖科技园区建设方案（2025—2028年）"]
    text = "他说，北湖科技园区建设方案的出台为园区指明了方向。"
    found = [m.name for m in find_entities(text, GAZETTEER, titles=titles) if m.kind == "policy"]
    assert found == titles


def test_policy_period_from_title() -> None:
    assert policy_period("某某园区建设方案（2025—2028年）") == (2025, 2028)
    assert policy_period("某某园区建设方案") is None


def test_a_new_park_s_committee_is_a_body_and_the_body_of_its_people() -> None:
    found = [
        (m.kind, m.name, m.organisation)
        for m in find_entities("北湖科学城管委会副主任林建华出席。", GAZETTEER)
    ]
    assert ("organisation", "北湖科学城管委会", "") in found
    assert ("person", "林建华", "北湖科学城管委会") in found


def test_a_committee_before_a_mayor_s_title_is_not_a_place() -> None:
    found = [
        (m.name, m.organisation)
        for m in find_entities("市委常委、副市长陈立新出席。", GAZETTEER)
        if m.kind == "person"
    ]
    assert found == [("陈立新", "")]


def test_an_issuers_about_title_is_a_document_whatever_word_ends_it() -> None:
    text = "会议贯彻落实《江南省人民政府关于加快培育园区新动能的决策 》，研究了《园区发展的思考》。"
    assert [m.name for m in find_policies(text)] == ["江南省人民政府关于加快培育园区新动能的决策"]


def test_a_body_printed_in_full_keeps_its_full_name() -> None:
    gazetteer = Gazetteer(
        [GazetteerEntry("organisation", "江南省科技厅", ("江南省科学技术厅", "江南科技厅"))]
    )
    full = [
        m.name for m in find_entities("江南省科学技术厅发布通知。", gazetteer) if m.kind == "organisation"
    ]
    short = [m.name for m in find_entities("江南科技厅发布通知。", gazetteer) if m.kind == "organisation"]
    assert full == ["江南省科学技术厅"]
    assert short == ["江南省科技厅"]


def test_a_former_post_gives_no_body() -> None:
    gazetteer = Gazetteer([GazetteerEntry("organisation", "江南日报社", ())])
    text = "嘉宾有（原江南日报社社长）袁立群，以及江南日报社社长李文华。"
    people = {m.name: m.organisation for m in find_entities(text, gazetteer) if m.kind == "person"}
    assert people == {"袁立群": "", "李文华": "江南日报社"}


@pytest.mark.parametrize(
    "text",
    [
        "6月12日，江北省科技厅在北湖市召开全省高新区工作会议，北湖高新技术产业开发区管委会作交流发言。",
        "据了解，这是一段没有任何名称的长句子，" * 5 + "最后江南大学微电子研究所和星河科技园区签约。",
        "江岸经济技术开发区、北塘高新区等5个国家高新区作了专题发言",
    ],
)
def test_names_are_searched_from_the_first_head_with_the_same_result(text: str) -> None:
    from timeline.ingest.entities import _ORG_RE, _PARK_RE, _next_name

    for pattern in (_PARK_RE, _ORG_RE):
        for pos in range(len(text)):
            expected, found = pattern.search(text, pos), _next_name(pattern, text, pos)
            assert (found and found.span()) == (expected and expected.span()), (pattern, pos)


def test_a_body_printed_in_full_once_has_that_one_name_at_every_mention() -> None:
    gazetteer = Gazetteer([GazetteerEntry("organisation", "江南省科技厅", ("江南省科学技术厅",))])
    text = "江南省科学技术厅召开会议。江南省科技厅厅长出席。"
    assert [m.name for m in gazetteer.find(text)] == ["江南省科学技术厅", "江南省科学技术厅"]


@pytest.mark.parametrize(
    ("text", "body", "former"),
    [
        ("江南日报社原社长张三出席。", "江南日报社", True),
        ("（原星河中心主任）李四出席。", "星河中心", True),
        ("江南日报社社长张三出席。", "江南日报社", False),
        ("在星河中心召开会议。", "星河中心", False),
    ],
)
def test_a_body_a_person_served_once_is_told_by_原(text: str, body: str, former: bool) -> None:
    from timeline.ingest.entities import formerly_served
    from timeline.ingest.types import Mention

    start = text.index(body)
    mention = Mention(start, start + len(body), body, "organisation", body, known=True)
    assert formerly_served(text, mention) is former
