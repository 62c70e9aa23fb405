"""Shape validation of newly discovered names, on sentences written for these tests."""

from __future__ import annotations

import pytest

from timeline.ingest.entities import Gazetteer, discover_names, find_entities, find_people
from timeline.ingest.shapes import park_forms, park_key
from timeline.ingest.spans import Occupied, Placed
from timeline.ingest.types import GazetteerEntry

GAZETTEER = Gazetteer(
    [
        GazetteerEntry("park", "信阳高新区", ("信阳高新技术产业开发区",)),
        GazetteerEntry("organisation", "科学技术部", ("科技部",)),
    ]
)


def found(text: str, kind: str) -> list[str]:
    return [m.name for m in find_entities(text, GAZETTEER) if m.kind == kind]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # nothing glued in front: a verb, a preposition, a title and its holder
        ("省里将支持江门高新区建设创新平台。", "park", ["江门高新区"]),
        ("来自江南大学的专家作了报告。", "organisation", ["江南大学"]),
        ("国务院同意莱芜高新技术产业开发区升级。", "park", ["莱芜高新技术产业开发区"]),
        # a class or a plural is no park
        ("会议呼吁全球科技园区加强合作。", "park", []),
        ("全省有两家国家高新区进入前十。", "park", []),
        ("各区县政府要抓好落实。", "organisation", []),
        ("全国首个跨省域高新区在此设立。", "park", []),
        # not cut out of a longer word
        ("他毕业于同济大学，后来创业。", "organisation", ["同济大学"]),
        # a one-character verb inside a name that jieba does not know is the name's own
        ("5月9日，雄安高新区举行揭牌仪式。", "park", ["雄安高新区"]),
    ],
)
def test_discovered_names_have_the_shape_of_a_name(text: str, kind: str, expected: list[str]) -> None:
    assert found(text, kind) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("区长王力陪同考察。", ["王力"]),
        ("市长李明一行到园区调研。", ["李明"]),
        ("会上，主任明确表示支持。", []),
    ],
)
def test_people_end_where_a_word_ends_and_are_no_common_words(text: str, expected: list[str]) -> None:
    assert found(text, "person") == expected


def test_coordinated_governments_are_one_each() -> None:
    text = "沪苏浙三省政府联合批复了更名。"
    assert found(text, "organisation") == ["上海市人民政府", "江苏省人民政府", "浙江省人民政府"]


def test_a_province_is_not_split_into_short_names() -> None:
    # one province, named in its full form like the coordinated ones (rule entity.government_forms)
    assert found("辽宁省政府批复了方案。", "organisation") == ["辽宁省人民政府"]


@pytest.mark.parametrize(
    "printed", ["信阳国家高新技术产业开发区", "信阳高新技术产业开发区", "信阳国家高新区", "信阳高新区"]
)
def test_every_form_of_a_zone_links_to_its_one_entry(printed: str) -> None:
    mentions = find_entities(f"{printed}举行签约仪式。", GAZETTEER)
    assert [(m.name, m.known) for m in mentions if m.kind == "park"] == [("信阳高新区", True)]


def test_park_key_maps_full_national_and_short_forms_to_one() -> None:
    assert {park_key(n) for n in ("信阳国家高新技术产业开发区", "信阳高新技术开发区", "信阳高新区")} == {
        "信阳高新区"
    }
    assert park_key("信阳经济技术开发区") == "信阳经济技术开发区"
    assert "信阳高新技术产业开发区" in park_forms("信阳高新区")
    assert park_forms("中关村") == ("中关村",)


def test_a_zone_printed_with_its_city_or_bare_province_is_one_park() -> None:
    assert {park_key(n) for n in ("信阳市高新区", "河南信阳高新区", "河南省信阳市高新技术产业开发区")} == {
        "信阳高新区"
    }
    assert park_key("吉林市高新区") == "吉林高新区"
    assert park_key("沙市高新区") == "沙市高新区"  # 市 is part of a two-character place
    assert found("信阳市高新技术产业开发区举办推介会。", "park") == ["信阳高新区"]
    assert "上海星河国家高新技术产业开发区" in park_forms("上海星河高新区")  # the printed place stays
    assert found("信阳高新技术产业区发布通知。", "park") == ["信阳高新区"]


def test_occupied_stretches_answer_overlap_questions() -> None:
    taken = Occupied([(10, 20), (30, 40)])
    assert taken.overlaps(15, 16) and taken.overlaps(5, 11) and not taken.overlaps(20, 30)
    assert taken.covers(39) and not taken.covers(40)
    assert taken.inside(5, 25) and not taken.inside(15, 35)
    taken.add(18, 32)  # merges both
    assert len(taken) == 1 and taken.covers(25)
    taken.remove_within(0, 50)
    assert not taken.overlaps(0, 100)


def test_placed_values_come_out_by_stretch() -> None:
    placed: Placed[str] = Placed()
    for start, end, value in ((0, 5, "a"), (2, 4, "b"), (6, 9, "c")):
        placed.add(start, end, value)
    assert placed.within(0, 5) == ["a", "b"] and placed.within(0, 5, strictly=True) == ["b"]
    placed.remove_within(0, 5, lambda v: v == "b")
    assert list(placed) == ["a", "c"]


UNITS = Gazetteer([GazetteerEntry("organisation", "科学技术部", ("科技部",))])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("科技部成果转化与区域创新司副司长张三表示", ["科学技术部成果转化与区域创新司"]),
        ("科技部规划司司长李四出席", ["科学技术部规划司"]),
        ("科技部部长王五出席", ["科学技术部"]),
        ("科技部与江南省科技厅联合发布", ["科学技术部", "江南省科技厅"]),
        ("会上，科技部主任助理汇报了中心工作", ["科学技术部"]),
    ],
)
def test_a_sub_unit_keeps_its_parent(text: str, expected: list[str]) -> None:
    assert [m.name for m in find_entities(text, UNITS) if m.kind == "organisation"] == expected


def test_a_body_of_national_scope_after_a_known_body_is_not_its_unit() -> None:
    names = [m.name for m in find_entities("科技部中国科技交流中心承办", UNITS) if m.kind == "organisation"]
    assert "科学技术部中国科技交流中心" not in names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("通报称上海、江苏、浙江三省政府同意更名。", ["上海市人民政府", "江苏省人民政府", "浙江省人民政府"]),
        ("北京、上海两地科委签署协议。", ["北京市科委", "上海市科委"]),
    ],
)
def test_listed_provinces_before_one_head_are_one_body_each(text: str, expected: list[str]) -> None:
    assert found(text, "organisation") == expected


def test_a_latin_title_and_a_leading_group() -> None:
    text = "星河汽车创始人、CEO李明先后致辞。星河市科技工作领导小组召开会议。"
    assert found(text, "person") == ["李明"]
    assert found(text, "organisation") == ["星河市科技工作领导小组"]


def test_zones_listed_before_one_head_are_one_park_each() -> None:
    text = "省政府批复设立江岸、河西、北塘3个省级高新区。"
    assert found(text, "park") == ["江岸高新区", "河西高新区", "北塘高新区"]


def test_zones_listed_before_a_counted_class_are_one_park_each() -> None:
    text = "会上，呼和浩特、江岸、北塘等12家新升级国家高新区的代表作了交流。"
    assert found(text, "park") == ["呼和浩特高新区", "江岸高新区", "北塘高新区"]


def test_a_province_before_a_known_parks_full_form_names_the_known_park() -> None:
    known = Gazetteer([GazetteerEntry("park", "星河", ("星河国家自主创新示范区", "北京星河"))])
    mentions = find_entities("会议在北京星河国家自主创新示范区展示中心举行。", known)
    assert [(m.name, m.known) for m in mentions if m.kind == "park"] == [("星河", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市长视察了江岸科学园区。", ["江岸科学园区"]),  # a Taiwan / Shanghai style science park
        ("北塘经济新区召开企业家座谈会。", ["北塘经济新区"]),
        ("改称星河市科学委员会北塘科学园区管理局。", ["北塘科学园区"]),  # the body before it is no part
        ("江岸科学园北塘分园今天开园。", ["江岸科学园北塘分园"]),  # a branch of a park
        ("北湖青年科创谷正式启用。", ["北湖青年科创谷"]),
        ("北湖开发区管委会与江岸市政府签订协议。", ["北湖开发区"]),  # a city's 开发区
        ("加快各类开发区建设。", []),
        ("北湖科技城管委会召开会议。", ["北湖科技城"]),
        ("江南工业园项目集中开工。", ["江南工业园"]),
        ("加快建设工业园。", []),
        ("苏中自创区建设推进会召开。", ["苏中自创区"]),  # the short form of 自主创新示范区
        ("北湖工业邨新厂房落成。", ["北湖工业邨"]),  # Hong Kong's industrial estates
        ("北湖科技谷（北湖汽车产业园）入选。", ["北湖科技谷", "北湖汽车产业园"]),
        ("举行签约仪式暨北湖青年科创谷启动仪式。", ["北湖青年科创谷"]),  # 暨 joins two events
    ],
)
def test_science_parks_and_economic_new_zones_are_parks(text: str, expected: list[str]) -> None:
    assert found(text, "park") == expected


def test_a_known_park_committee_names_its_park() -> None:
    known = Gazetteer(
        [
            GazetteerEntry("park", "星河", ("星河科技园区",)),
            GazetteerEntry("organisation", "星河管委会", ()),
            GazetteerEntry("organisation", "江北市科委、星河管委会", ()),
        ]
    )
    for text in ("星河管委会发布了通知。", "江北市科委、星河管委会负责人发布了倡议。"):
        assert [m.name for m in find_entities(text, known) if m.kind == "park"] == ["星河"]


def test_a_park_followed_by_company_names_its_company_not_the_park() -> None:
    mentions = find_entities("北湖科技园公司主席王立新出席。信阳高新区发展集团投资建设。", GAZETTEER)
    assert [(m.name, m.kind) for m in mentions if m.kind in ("park", "organisation")] == [
        ("北湖科技园公司", "organisation"),
        ("信阳高新区发展集团", "organisation"),
    ]


def test_places_listed_before_a_count_of_towns_name_no_park() -> None:
    assert found("江岸、河西等地的企业参加了展会。", "park") == []


def test_a_zones_committee_keeps_its_park() -> None:
    mentions = find_entities("信阳高新区管委会发布通知。", GAZETTEER)
    assert [(m.name, m.kind) for m in mentions] == [
        ("信阳高新区", "park"),
        ("信阳高新区管委会", "organisation"),
    ]


@pytest.mark.parametrize("text", ["高新区管委会召开会议。", "市委市人民政府高度重视。"])
def test_a_body_with_no_place_in_its_name_is_a_reference(text: str) -> None:
    assert found(text, "organisation") == []


def test_an_edition_of_a_gathering_is_no_body() -> None:
    text = "第五届江南园区管委会主任座谈会在北湖召开，江南园区管委会主任出席。"
    names = [m.name for m in discover_names(text, "organisation")]
    assert "第五届江南园区管委会" not in names


def test_a_unit_with_a_noun_stem_keeps_its_parent() -> None:
    names = [m.name for m in discover_names("论坛由江南大学发展研究院主办。", "organisation")]
    assert names == ["江南大学发展研究院"]


def test_a_verb_after_a_body_starts_no_unit() -> None:
    names = [m.name for m in discover_names("江南大学举办研究院成立仪式。", "organisation")]
    assert names == ["江南大学"]


def test_a_party_committee_printed_with_its_level_twice_is_named_once() -> None:
    names = [m.name for m in discover_names("江南区区委书记张三陪同考察。", "organisation")]
    assert names == ["江南区委"]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("北京市委书记蔡明在强调推动高质量发展。", ["蔡明"]),  # entity.name_then_function_word
        ("市长刘在明表示，要推动园区发展。", ["刘在明"]),
        ("高峰表示，要推动园区发展。", ["高峰"]),
    ],
)
def test_a_persons_name_ends_and_starts_where_the_sentence_says(text: str, people: list[str]) -> None:
    assert [mention.name for mention in find_people(text, [])] == people


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("各区建立中关村技术经理人协会，推动成果转化。", ["中关村技术经理人协会"]),  # entity.stop_is_a_word
        ("园区和江南大学签约。", ["江南大学"]),  # 和 a word of its own still ends the name
    ],
)
def test_a_one_character_stop_ends_a_name_only_as_a_word(text: str, names: list[str]) -> None:
    assert [mention.name for mention in discover_names(text, "organisation")] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("会议由江南省人民代表大会常务委员会主办。", ["江南省人民代表大会常务委员会"]),
        ("依托江南省博士后创新中心开展研究。", ["江南省博士后创新中心"]),
    ],
)
def test_a_persons_act_cuts_a_name_only_as_a_word_of_its_own(text: str, names: list[str]) -> None:
    """entity.person_acts_before: 代表 of 人民代表大会 and 博士 of 博士后 are no acts."""
    assert [mention.name for mention in discover_names(text, "organisation")] == names


@pytest.mark.parametrize(
    ("name", "key"),
    [("广西柳州高新技术产业开发区", "柳州高新区"), ("新疆乌鲁木齐高新技术产业开发区", "乌鲁木齐高新区")],
)
def test_a_province_in_front_of_a_zone_is_no_part_of_its_key_whatever_its_suffix(name: str, key: str) -> None:
    assert park_key(name) == key
