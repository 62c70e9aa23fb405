"""Round 2 of the event stage: kinds of sentence that report no event, and events told twice.

Each row is a small article of our own, its publication date and the (kind, date) pairs an
editor expects; every event carries the names of the rules that made it."""

from __future__ import annotations

import pytest

from timeline.ingest.pipeline import extract_document
from timeline.ingest.rules import TABLE
from timeline.ingest.types import EventDraft, PartialDate

PUBLISHED = PartialDate(2024, 6, 20)


def events(text: str, published: PartialDate = PUBLISHED) -> list[EventDraft]:
    return extract_document(text.encode("utf-8"), "test.txt", published=published).events


def kinds_and_dates(text: str, published: PartialDate = PUBLISHED) -> list[tuple[str, str]]:
    return sorted((e.kind, e.date.iso()) for e in events(text, published))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # history an article recalls, dated only by an old year
        ("南湖高新区1998年经省政府批准成立，是全省最早的高新区之一。", []),
        # a span (成立以来) and an anniversary (成立三十周年) after a launch word
        ("南湖高新区成立以来，已培育高新技术企业300家。", []),
        ("今年是南湖高新区成立三十周年。", []),
        # a count of gatherings recalls several of them
        ("南湖科技园曾于2015、2018和2021年承办三届园区发展大会。", []),
        # a day after publication is a schedule
        ("6月25日上午将举行园区发展论坛全体大会。", []),
        ("园区发展论坛全体大会定于6月25日上午举行。", []),
        # the future between a gathering's name and its verb; 计划 inside a name is no future
        ("园区发展论坛将于9月24日在南湖开幕。", []),
        ("6月18日，南湖火炬计划实施三十周年座谈会在南湖召开。", [("forum", "2024-06-18")]),
        # a reply quotes the request it answers; the decision is the event, told once
        (
            "南湖市人民政府：\n你市关于南湖工业园区升级为国家高新技术产业开发区的请示已收悉。\n"
            "6月3日，国务院同意南湖工业园区升级为国家高新技术产业开发区。\n"
            "一、同意南湖工业园区升级为国家高新技术产业开发区，定名为南湖高新技术产业开发区。",
            [("park_signup", "2024-06-03")],
        ),
        # a trigger word inside a document's title names the document
        ("依据《国务院关于南湖国家自主创新示范区发展规划的批复》，制定本实施方案。", []),
        # a part of a visit already reported
        (
            "6月18日，省科技厅厅长王立新带队到南湖高新区考察科技创新工作。"
            "考察期间，王立新一行还参观了园区展览馆。",
            [("visit", "2024-06-18")],
        ),
        # a planned day in the sentence does not date the event that happened
        (
            "昨天下午，市政府新闻办举行的2024南湖论坛新闻发布会宣布，论坛将于9月24日开幕。",
            [("press_conference", "2024-06-19")],
        ),
        # two named parties sign, though neither is a known park or body
        ("6月18日，江北市与南湖市签署了深化战略合作协议。", [("park_signup", "2024-06-18")]),
        # a ranking made public is the result of a selection
        ("6月18日，中国科技园区百强榜单在南湖揭晓。", [("contest", "2024-06-18")]),
    ],
)
def test_kinds_of_sentence(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_and_dates(text) == sorted(expected)


def test_a_stated_day_beats_a_dateline_and_a_masthead() -> None:
    text = "2024年6月20日 南湖日报 第3版\n南湖社北京6月19日电 17日，2024南湖科创论坛在北京开幕。"
    assert kinds_and_dates(text) == [("forum", "2024-06-17")]


def test_a_relative_day_in_a_dateline_article_is_the_dateline_s_day() -> None:
    text = "本报北京6月18日电 由市科技局主办的“2024南湖科创论坛”今天在北京召开。"
    forum = next(e for e in events(text, PartialDate(2024, 6, 19)) if e.kind == "forum")
    assert forum.date.iso() == "2024-06-18"


def test_a_target_is_no_statistic() -> None:
    text = "规划提出，到2027年全省高新区数量要达到60家，营业收入突破5万亿元。"
    assert kinds_and_dates(text) == []


def test_the_number_of_parks_is_a_statistic() -> None:
    text = "截至目前，全省高新区共有28家，其中国家高新区8家。"
    assert kinds_and_dates(text) == [("statistic", "2024")]


def test_every_event_names_known_rules_its_trigger_first() -> None:
    text = (
        "6月18日，2024南湖科创论坛在南湖开幕。\n"
        "论坛上，省科技厅发布《南湖高新区发展规划（2024—2027年）》。\n"
        "2023年，南湖高新区实现营业收入1200亿元。\n"
    )
    drafts = events(text)
    assert {d.kind for d in drafts} == {"forum", "policy_release", "statistic"}
    for draft in drafts:
        assert draft.rules, draft.title
        assert draft.rules[0].startswith("trigger."), draft.rules
        assert all(name in TABLE for name in draft.rules), draft.rules
        assert any(TABLE[name].family == "date" for name in draft.rules), draft.rules
        assert any(TABLE[name].family == "title" for name in draft.rules), draft.rules


LEAD = "6月12日，江南高新区召开园区发展大会。\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "近年来，园区先后举办了中国创新创业大赛、高新区发展论坛等活动。",
        "会议指出，要加快推进园区建设，积极举办各类论坛。",
        "该平台上线以来，累计服务企业2000家。",
        "每年举办的园区发展论坛已成为品牌活动。",
        "大会期间，还将举行项目签约仪式。",
        "园区通过举办创新大赛、设立引导基金等方式，支持企业发展。",
        "江南公司成立于2015年，是一家专注于人工智能的企业。",
        "园区与多家高校签署合作协议的做法值得推广。",
        "江南高新区获批建设国家知识产权示范园区的消息令人振奋。",
        "记者了解到，该园区自2018年获批国家高新区以来，发展迅速。",
        "园区下一步将举办系列对接会。",
    ],
)
def test_a_later_sentence_that_reports_nothing_adds_no_event(sentence: str) -> None:
    assert kinds_and_dates(LEAD + sentence) == [("forum", "2024-06-12")]


def test_a_party_meeting_is_a_meeting_not_a_forum() -> None:
    text = "6月12日，江南高新区召开党工委扩大会议，传达学习全省科技大会精神。"
    assert kinds_and_dates(text) == [("meeting", "2024-06-12")]


def test_a_notice_designating_units_is_a_sign_up_dated_by_the_notice() -> None:
    text = (
        "南湖省科学技术厅关于公布2024年度省级科技企业孵化器名单的通知\n"
        "各设区市科技局：\n"
        "经申报、评审和公示，认定南湖创新港等15家单位为2024年度省级科技企业孵化器，现予公布。\n"
        "南湖省科学技术厅\n"
    )
    assert kinds_and_dates(text, PartialDate(2024, 6, 12)) == [("park_signup", "2024-06-12")]


def test_a_news_article_reports_its_lead_not_its_background() -> None:
    text = (
        "本报讯（记者 李明）6月16日，南湖高新区2024年招商引资项目集中签约仪式举行，"
        "28个项目现场签约，总投资达156亿元。\n"
        "近年来，南湖高新区坚持创新驱动，先后获批国家知识产权示范园区、国家火炬特色产业基地。\n"
        "签约仪式上，南湖高新区党工委书记张伟表示，将全力做好项目服务保障。\n"
        "2023年，园区实现营业收入1860亿元，同比增长12.5%。\n"
    )
    assert kinds_and_dates(text) == [("park_signup", "2024-06-16"), ("statistic", "2023")]


def test_an_event_retold_in_another_item_of_the_page_is_one_event() -> None:
    story = "6月16日，2024南湖科创论坛在南湖高新区开幕，来自全国的500余名嘉宾参加。"
    text = f"南湖科创论坛开幕\n{story}\n\n相关新闻\n\n南湖科创论坛开幕（转载）\n{story}\n"
    drafts = events(text)
    assert [(d.kind, d.date.iso()) for d in drafts] == [("forum", "2024-06-16")]


@pytest.mark.parametrize(
    "sentence",
    [
        "二是召开一次隆重的园区二十年纪念大会，表彰杰出人物。",
        "江南汽车第10万台量产车的用户代表也作了发言。",
    ],
)
def test_a_measure_of_a_list_and_a_launch_word_in_a_noun_report_nothing(sentence: str) -> None:
    assert kinds_and_dates(LEAD + sentence) == [("forum", "2024-06-12")]


def test_a_report_s_figures_take_the_year_its_first_paragraph_names() -> None:
    text = (
        "2023年是南湖高新区建区三十周年，全区交出了一份亮眼的成绩单。\n"
        "经济总量迈上新台阶。根据统一核算结果，高新区实现生产总值1510.3亿元，同比增长9.3%。\n"
    )
    assert kinds_and_dates(text, PartialDate(2024, 1, 20)) == [("statistic", "2023")]


def test_a_study_tour_is_a_visit() -> None:
    text = "日前，南湖高新区组织区内企业代表100余人，前往北京参观园区发展成就展。"
    assert [k for k, _ in kinds_and_dates(text)] == ["visit"]
