"""Titles composed from an event's parts, and the checker that says what keeps one from print.

Every sentence here is our own."""

from __future__ import annotations

import pytest

from timeline.ingest.pipeline import extract_document
from timeline.ingest.titles import (
    MAX_LENGTH,
    clean_clause,
    compose_title,
    cut,
    statistic_title,
    title_problems,
)
from timeline.ingest.types import PartialDate


@pytest.mark.parametrize(
    ("title", "problems"),
    [
        ("第十届江南创新创业大赛决赛在苏州举行", []),
        ("《江南高新区发展规划（2024—2027年）》发布", []),
        ("江南工业园区升级为国家高新区", []),
        ("本报讯（记者 王明）近日，江南高新区在科技园发布的", ["byline", "dangling end"]),
        ("近日，江南高新区举办科创论坛", ["lead-in"]),
        ("6月12日，江南高新区举办科创论坛", ["date prefix"]),
        ("园区持续聚焦前沿科技领域，", ["dangling end"]),
        ("江南高新区与", ["dangling end"]),
        ("与园区企业代表座谈交流", ["no subject"]),
        ("江南高新区发布《园区条例", ["unbalanced brackets"]),
        ("江南" * 25, ["too long"]),
    ],
)
def test_the_checker_names_what_is_wrong(title: str, problems: list[str]) -> None:
    assert title_problems(title) == problems


@pytest.mark.parametrize(
    ("kind", "name", "who", "title"),
    [
        ("meeting", "2024年江南高新区工作会议", "市科技局", "市科技局召开2024年江南高新区工作会议"),
        ("forum", "2024江南科创论坛", "", "2024江南科创论坛举行"),
        ("contest", "第十届江南创新创业大赛决赛", "", "第十届江南创新创业大赛决赛举行"),
        ("forum", "市科技局主办、江南高新区承办的首届园区发展峰会", "", "首届园区发展峰会举行"),
        ("forum", "近日，2024江南科创论坛", "", "2024江南科创论坛举行"),
        ("contest", "江南科技园区百强榜单", "", "江南科技园区百强榜单揭晓"),
        ("press_conference", "市科技局18日召开的园区发展新闻发布会", "", "市科技局召开园区发展新闻发布会"),
    ],
)
def test_a_named_event_is_titled_by_its_name_and_verb(kind: str, name: str, who: str, title: str) -> None:
    composed, rule = compose_title(kind, name, "", 0, who)
    assert (composed, rule) == (title, "title.from_name")
    assert title_problems(composed) == []


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("本报讯（记者 王明）近日，江南工业园区升级为国家高新区。", "江南工业园区升级为国家高新区"),
        (
            "6月3日，江南高新区与德国一家科技园签署合作协议，双方将共建孵化器。",
            "江南高新区与德国一家科技园签署合作协议",
        ),
        ("据悉，江南科技园获批国家级孵化器。", "江南科技园获批国家级孵化器"),
        ("副省长在江南高新区调研时指出，要加快发展。", "副省长在江南高新区调研"),
        ("批复明确，同意江南工业园区升级为国家高新区。", "江南工业园区获批升级为国家高新区"),
    ],
)
def test_an_unnamed_event_is_titled_by_its_cleaned_clause(sentence: str, title: str) -> None:
    assert clean_clause(sentence, len(sentence) // 3) == title
    assert title_problems(title) == []


def test_an_ellipsis_ends_a_clause_and_an_inline_day_is_dropped() -> None:
    sentence = "持续构建现代化产业体系……市科技局14日召开新闻发布会，介绍园区情况。"
    assert clean_clause(sentence, sentence.index("召开")) == "市科技局召开新闻发布会"


def test_a_long_clause_is_cut_on_a_whole_word() -> None:
    sentence = (
        "江南高新区管委会与德国汉堡创新园区管理公司及荷兰埃因霍温高科技园区运营集团签署了一份长期战略合作协议"
    )
    title = clean_clause(sentence)
    assert len(title) <= MAX_LENGTH
    assert sentence.startswith(title)
    assert title_problems(title) == []


def test_a_statistic_is_titled_by_the_clause_of_its_figure() -> None:
    evidence = "2023年，江南高新区实现营业收入1200亿元，同比增长8%。"
    at = evidence.index("1200")
    title, _ = statistic_title(evidence, (at, at + len("1200亿元")))
    assert title == "江南高新区实现营业收入1200亿元"


def test_every_event_of_an_article_gets_a_publishable_title() -> None:
    text = (
        "江南日报讯（记者 李明）6月12日，2024江南科创论坛在苏州开幕。\n"
        "论坛上，市科技局发布《江南高新区发展规划（2024—2027年）》。\n"
        "同日，江南工业园区与德国汉堡创新园签署合作协议。\n"
    )
    document = extract_document(text.encode("utf-8"), "t.txt", published=PartialDate(2024, 6, 20))
    assert document.events
    for event in document.events:
        assert title_problems(event.title) == [], event.title
        assert any(name.startswith("title.") for name in event.rules)


@pytest.mark.parametrize(
    ("sentence", "trigger", "who", "title"),
    [
        # a verb phrase takes the sentence's subject, past its date and modal (将)
        (
            "2023年，江北市科技局将牵头推动两区合作，成立了园区发展专家委员会。",
            "成立",
            "",
            "江北市科技局成立园区发展专家委员会",
        ),
        # with no subject in the sentence, the event's first body
        ("会上，与园区企业代表座谈交流。", "座谈", "江北市科技局", "江北市科技局与园区企业代表座谈交流"),
        # the escort is dropped; the visitor is the subject
        ("5月8日，李华省长一行在区长王明等陪同下考察了江北科技园。", "考察", "", "李华省长考察江北科技园"),
        # a list item's number and a 截至 lead-in never open a title
        ("一、同意江北工业园区升级为国家高新区。", "同意", "", "江北工业园区获批升级为国家高新区"),
    ],
)
def test_a_bare_verb_phrase_gets_its_subject(sentence: str, trigger: str, who: str, title: str) -> None:
    composed = clean_clause(sentence, sentence.index(trigger), who)
    assert composed == title
    assert title_problems(composed) == []


def test_a_long_list_of_names_is_cut_to_its_first() -> None:
    sentence = "江北智能制造产业园、江南数字医疗产业园、江东新材料产业园等第三批12家市级特色产业园正式授牌。"
    title = clean_clause(sentence, sentence.index("授牌"))
    assert title == "江北智能制造产业园等第三批12家市级特色产业园正式授牌"
    assert len(title) <= MAX_LENGTH


def test_a_list_without_etc_is_counted() -> None:
    sentence = (
        "省政府已批复同意江北高新技术产业开发区、江南高新技术产业开发区、江东高新技术产业开发区"
        "升级为国家高新技术产业开发区。"
    )
    title = clean_clause(sentence, sentence.index("升级"))
    assert title == "省政府已批复同意江北高新技术产业开发区等3家升级为国家高新技术产业开发区"


def test_a_long_subject_loses_its_modifier_and_abbreviation_not_its_verb() -> None:
    head = "由江北船厂自主设计建造的国内首艘大型深远海智能养殖工船（SFV）“江北一号”"
    sentence = head + "于5月6日在江北港口正式交付使用。"
    title = clean_clause(sentence, sentence.index("交付"))
    assert title == "国内首艘大型深远海智能养殖工船“江北一号”在江北港口正式交付使用"


@pytest.mark.parametrize(
    ("sentence", "park", "title"),
    [
        (
            "2022年，三大主导产业产值占全区工业总产值的七成。",
            "江北高新区",
            "江北高新区三大主导产业产值占全区工业总产值的七成",
        ),
        ("经统一核算，园区实现生产总值321.5亿元。", "江北高新区", "江北高新区实现生产总值321.5亿元"),
        (
            "江南高新区年度报告日前公布：园区生产总值达到812.6亿元。",
            "江北高新区",
            "江南高新区生产总值达到812.6亿元",
        ),
        ("2023年江北市全年营业收入增长一成，达到950亿元。", "江北高新区", "2023年江北市全年营业收入增长一成"),
    ],
)
def test_a_statistic_names_whose_figure_it_is(sentence: str, park: str, title: str) -> None:
    figure = next(m.span() for m in __import__("re").finditer(r"\d+(?:\.\d+)?亿元|七成|一成", sentence))
    assert statistic_title(sentence, figure, park)[0] == title


@pytest.mark.parametrize(
    ("name", "evidence", "who", "title"),
    [
        ("江南高新区发展规划（2024—2027年）", "", "", "《江南高新区发展规划（2024—2027年）》发布"),
        # the issuer and the text's own verb; 联合印发 by the one issuer named reads 印发
        (
            "江北园区人才新政",
            "近日，江北市人民政府联合印发《江北园区人才新政》。",
            "江北市人民政府",
            "江北市人民政府印发《江北园区人才新政》",
        ),
        ("江北园区人才新政", "《江北园区人才新政》日前出台。", "", "《江北园区人才新政》出台"),
        # the issuer is dropped before the name is cut; the name is cut only at its end
        (
            "江北市人民政府关于同意设立江北、江南、江东、江西四个市级高新技术产业开发区的批复",
            "市政府办公厅印发《…》",
            "江北市人民政府办公厅",
            "《江北市人民政府关于同意设立江北、江南、江东…》印发",
        ),
    ],
)
def test_a_policy_title_is_issuer_verb_and_name(name: str, evidence: str, who: str, title: str) -> None:
    composed, rule = compose_title("policy_release", name, evidence, evidence.find("印发"), who)
    assert (composed, rule) == (title, "title.policy")
    assert title_problems(composed) == []
    assert len(composed) <= MAX_LENGTH


def test_a_lecture_names_its_speaker_whose_office_jieba_reads_as_an_adverb() -> None:
    sentence = "5月9日，科技部高新司副司长李明在江北学院作了一场题为《园区的未来》的专题报告。"
    title, _ = compose_title("forum", "一场题为《园区的未来》的专题报告", sentence, sentence.index("作"))
    assert title == "科技部高新司副司长李明作《园区的未来》专题报告"


@pytest.mark.parametrize(
    ("sentence", "trigger", "title"),
    [
        (
            "热烈欢迎各位来宾出席江北市科技局举办的园区发展新闻发布会。",
            "发布会",
            "江北市科技局举办园区发展新闻发布会",
        ),
        (
            "这是局长在江北数字经济大会暨创业大赛启动仪式上宣布的。",
            "启动",
            "江北数字经济大会暨创业大赛启动仪式举行",
        ),
        ("江北市科技局举行园区发展新闻发布会。", "发布会", "江北市科技局举行园区发展新闻发布会"),
    ],
)
def test_a_clause_naming_only_a_gathering_says_it_took_place(sentence: str, trigger: str, title: str) -> None:
    composed, _ = compose_title("press_conference", "", sentence, sentence.index(trigger))
    assert composed == title


def test_a_headings_second_line_is_not_part_of_the_figure() -> None:
    heading = "江北高新区企业达3200家2023年营业收入超千亿元"
    assert statistic_title(heading, (8, 13))[0] == "江北高新区企业达3200家"


def test_a_verb_phrase_after_a_pair_that_acts_is_about_the_pair() -> None:
    sentence = "省科技厅将推动江北高新区与江南科技园建立联席机制，形成紧密“飞地合作”关系。"
    title = clean_clause(sentence, sentence.index("形成"))
    assert title == "江北高新区与江南科技园形成紧密“飞地合作”关系"


def test_a_party_counted_in_one_clause_is_titled_by_what_it_did_in_the_next() -> None:
    sentence = "日前，江北高新区组织机关干部和企业代表80余人，赴江南科技园参观“园区十年成就展”。"
    title = clean_clause(sentence, sentence.index("组织"))
    assert title == "江北高新区赴江南科技园参观“园区十年成就展”"


@pytest.mark.parametrize(
    ("sentence", "trigger", "title"),
    [
        ("据统计，今年以来江北高新区新增企业300家。", "新增", "江北高新区新增企业300家"),
        ("江北高新区日前出台《江北人才新政十条》。", "出台", "江北高新区出台《江北人才新政十条》"),
        # a clause that is only a time is no subject; the adverb 先后 is no subject either
        (
            "近年来，江北高新区持续深化改革，先后获批国家级双创示范基地。",
            "获批",
            "江北高新区先后获批国家级双创示范基地",
        ),
    ],
)
def test_vague_times_never_open_a_title(sentence: str, trigger: str, title: str) -> None:
    assert clean_clause(sentence, sentence.index(trigger)) == title


def test_a_news_dateline_with_xiaoxi_is_a_byline() -> None:
    sentence = "江北网江北6月1日消息（记者王明）第三届江北数字大会1日在江北高新区开幕。"
    assert clean_clause(sentence, sentence.index("开幕")) == "第三届江北数字大会在江北高新区开幕"


def test_a_clause_describing_what_was_released_is_titled_by_the_release() -> None:
    sentence = "此次发布的《江北高新区招商地图》涵盖了芯片、医药、软件等八个产业。"
    assert clean_clause(sentence, sentence.index("发布")) == "《江北高新区招商地图》发布"


def test_a_cover_note_is_titled_by_the_document_it_carries() -> None:
    name = "江南市人民政府办公厅关于印发江南市科技园区提质增效若干措施的通知"
    title, rule = compose_title("policy_release", name, name, 0)
    assert (title, rule) == ("江南市人民政府办公厅印发《江南市科技园区提质增效若干措施》", "title.policy")


def test_hosts_across_a_comma_are_dropped_and_a_launch_keeps_the_texts_verb() -> None:
    name = "由江南市政府主办，园区管委会承办的2024江南园区发展峰会"
    assert compose_title("forum", name, "", 0)[0] == "2024江南园区发展峰会举行"
    sentence = "会上，江南科技园区产业创新联盟正式揭牌。"
    assert (
        compose_title("launch", "江南科技园区产业创新联盟", sentence, 3)[0] == "江南科技园区产业创新联盟揭牌"
    )


def test_a_cut_never_ends_on_a_numeral_or_measure() -> None:
    long_clause = "江北全球数字经济大会暨第九届中国创新创业大赛江北赛区总决赛启动仪式在江北高新区隆重举行"
    assert cut(long_clause, 14) == "江北全球数字经济大会"


def test_a_park_listed_says_which_list() -> None:
    sentence = "近日，省科技厅公布了2024年度省级众创空间名单，江南科技园成功入选。"
    title = clean_clause(sentence, sentence.index("入选"))
    assert title == "江南科技园入选2024年度省级众创空间名单"


def test_a_verb_that_qualifies_a_noun_leaves_the_subject_there() -> None:
    assert title_problems("与会专家围绕园区转型进行了研讨") == []


def test_a_notice_wrapper_and_aspect_particles_are_dropped() -> None:
    sentence = "2024年5月，江北市人民政府办公室印发了《关于支持江北科技园发展的若干措施》的通知。"
    title = clean_clause(sentence, sentence.index("印发"))
    assert title == "江北市人民政府办公室印发《关于支持江北科技园发展的若干措施》"


def test_a_reception_is_titled_by_who_receives_whom() -> None:
    evidence = "北湖市市长李明会见了江南大学代表团一行。"
    title, rule_name = compose_title("meeting", "会见了江南大学代表团一行", evidence, evidence.find("会见"))
    assert (title, rule_name) == ("北湖市市长李明会见江南大学代表团一行", "title.from_clause")


def test_a_bare_status_change_takes_the_events_park() -> None:
    title, _ = compose_title(
        "park_signup", "", "据了解，经省政府批准，升格为省级经济开发区。", 12, "", "江东高新区"
    )
    assert title == "江东高新区升格为省级经济开发区"


def test_a_linking_adverb_is_no_subject_and_no_part_of_a_title() -> None:
    sentence = "省科技厅厅长王明、市长李华和园区主任张强等，均有出席开园仪式。"
    title, _ = compose_title("launch", "", sentence, 22)
    assert title == "省科技厅厅长王明出席开园仪式"
    title, _ = compose_title("launch", "", "江东创新研究院今天也正式揭牌，标志着合作启动。", 8)
    assert title == "江东创新研究院正式揭牌"


def test_a_pronoun_opening_is_resolved_or_dropped() -> None:
    title, _ = compose_title("launch", "", "会议指出，所属研究中心今天揭牌；", 8)
    assert title == "研究中心揭牌"
    title, _ = compose_title("statistic", "", "该园区获评省级优秀园区。", 2, "", "江东高新区")
    assert title == "江东高新区获评省级优秀园区"


def test_page_tokens_never_lead_a_title() -> None:
    title, _ = compose_title("launch", "", "date 2025-05-06 江东科技园今日举行开园仪式。", 20)
    assert title == "江东科技园举行开园仪式"


def test_a_cut_never_leaves_a_bracket_open() -> None:
    title = cut(
        "江东科技园举行「创新之城、智造之都暨江东青年创业谷北区与南区联合开园仪式」以及其他的系列活动"
    )
    assert title_problems(title) == []
    assert "「" not in title


def test_a_cut_keeps_what_was_signed_and_drops_where() -> None:
    clause = (
        "江东科技发展促进会和江西新区管理委员会在江东城市规划展览馆签署了"
        "《江东科技发展促进会与江西新区共建产业园的战略合作协议》"
    )
    title = clean_clause(clause + "。")
    assert title == "江东科技发展促进会和江西新区管理委员会签署战略合作协议"


def test_a_delegation_without_a_verb_says_what_it_did() -> None:
    sentence = "6月3日，江西区区长王明率江西区政府考察团一行近30人，在园区主任陪同下，来江东高新区参观考察。"
    title, _ = compose_title("visit", "", sentence, 12)
    assert title == "江西区区长王明率江西区政府考察团一行来江东高新区参观考察"


def test_a_notice_list_is_titled_by_the_decision() -> None:
    sentence = (
        "经专家评审，现确定江东未来科技孵化器运营管理有限公司智能制造众创空间等120家机构为省级备案众创空间。"
    )
    title, _ = compose_title("park_signup", "", sentence, 20)
    assert title == "120家机构被确定为省级备案众创空间"


def test_a_latin_name_in_brackets_gives_way_to_the_gathering() -> None:
    sentence = (
        "近日，江南园区联合会（Jiangnan Union of Science Parks and Innovation Areas, 简称JUSPIA）"
        "第十二届线上年会全体会员大会宣布，由王明出任主席。"
    )
    title = clean_clause(sentence, 10)
    assert "第十二届线上年会" in title
    assert title_problems(title) == []


def test_a_month_range_never_leads_a_title() -> None:
    sentence = "1-6月份江东高新区营业收入完成300亿元，同比增长12%。"
    at = sentence.find("300")
    title, _ = statistic_title(sentence, (at, at + 5))
    assert title == "江东高新区营业收入完成300亿元"


def test_a_gathering_that_announced_something_cut_off_took_place() -> None:
    title, _ = compose_title(
        "forum", "", "江南园区协会第五届线上年会全体会员大会宣布，由王明出任该协会新一届的主席。", 6
    )
    assert title == "江南园区协会第五届线上年会举行"


def test_a_date_after_a_released_document_never_leads_the_gatherings_title() -> None:
    evidence = "该《园区行动方案》在6月8日2025江南科创论坛年会开幕式上正式发布。"
    title, _ = compose_title("forum", "该《园区行动方案》在6月8日2025江南科创论坛", evidence)
    assert title == "2025江南科创论坛举行"


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        # the decision is in the clause after 作出批复: what was approved, the first of a list
        (
            "记者日前从省科技厅了解到，省政府近日分别作出批复，同意江北经开区更名为江北高新技术产业开发区、"
            "江南经开区更名为江南高新技术产业开发区。",
            "江北经开区获批更名为江北高新技术产业开发区",
        ),
        (
            "市政府官网发布一则批复，通报江北市政府同意江北科技园更名为江北高新区。",
            "江北市政府同意江北科技园更名为江北高新区",
        ),
    ],
)
def test_a_bare_decision_is_titled_by_what_it_decides(sentence: str, title: str) -> None:
    assert clean_clause(sentence, sentence.index("批复"), kind="park_signup") == title


def test_the_reporter_is_no_subject_of_a_title() -> None:
    """记者日前从…了解到，…至此…已达19家: neither 记者 nor 至此 opens the title."""
    evidence = "记者日前从省科技厅了解到，省政府近日作出批复，至此全省省级以上高新区已达21家。"
    at = evidence.index("21家")
    title, _ = statistic_title(evidence, (at, at + 3), "江北高新区")
    assert title == "全省省级以上高新区已达21家"


@pytest.mark.parametrize(
    ("evidence", "park", "title"),
    [
        ("6月12日，副部长张三、副省长李四出席揭牌仪式。", "江南高新区", "江南高新区揭牌"),
        ("出口加工区改名为「江南科技产业园区」，院长王五等人今天主持揭牌。", "", "江南科技产业园区揭牌"),
        ("6月12日，副部长张三、副省长李四出席揭牌仪式。", "", "副部长张三、副省长李四出席揭牌仪式"),
    ],
)
def test_a_launch_is_titled_by_what_opened_not_its_guests(evidence: str, park: str, title: str) -> None:
    composed, _ = compose_title("launch", "", evidence, evidence.index("揭牌"), "", park)
    assert composed == title


@pytest.mark.parametrize(
    ("kind", "name", "who", "known", "title"),
    [
        ("forum", "经济运行情况座谈交流会", "江南市科技局", "", "江南市科技局举办经济运行情况座谈交流会"),
        ("meeting", "高质量发展协调会", "", "江南市科技局", "江南市科技局召开高质量发展协调会"),
        ("forum", "企业家中秋恳谈会", "", "江南高新区", "企业家中秋恳谈会举行"),
        ("forum", "2024中关村论坛", "江南市科技局", "", "2024中关村论坛举行"),
    ],
)
def test_a_gathering_named_by_nobody_is_titled_by_its_holder(
    kind: str, name: str, who: str, known: str, title: str
) -> None:
    evidence = f"6月12日，{name}在江南举行。"
    assert compose_title(kind, name, evidence, evidence.index(name), who, known)[0] == title


def test_a_purpose_clause_is_no_title() -> None:
    """为加强交流，9月11日，X一行来到园区调研座谈: the title tells who came, not why."""
    sentence = "为加强与地方科技创新工作的交流互动，9月11日，江南市科技局一行来到江南高新区，调研座谈。"
    title = clean_clause(sentence, sentence.index("座谈"), kind="meeting")
    assert title.startswith("江南市科技局")
