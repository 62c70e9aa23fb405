"""The likeness rule on its own (no database): when two reports of one kind, dated compatibly,
are the same event. Each row: why, kind, the stored report, the new one, the same event?

Entity ids are plain numbers here: parks 1 星河高新区, 2 云岭高新区; organisations 10 星河市科技局,
11 云岭市科技局; policies 20, 21.
"""

from __future__ import annotations

import pytest

from timeline.importers import Report, closeness, evidence_similarity, same_event, same_sentence

FORUM = "5月8日，星河高新区人工智能产业创新论坛在星河会展中心举行"
RELEASE = "4月25日，《星河高新区人工智能产业发展三年行动方案》在星河科技论坛开幕式上正式发布"
SIGNUP = "近日，科技部批复同意{}建设国家自主创新示范区，成为全省第三家示范区"
STATISTIC = "2023年，{}实现营业收入{}亿元，同比增长{}%"


def report(title: str, evidence: str = "", *, parks=(), organisations=(), policies=()) -> Report:
    return Report(
        title=title,
        evidence=(evidence,) if evidence else (),
        parks=frozenset(parks),
        organisations=frozenset(organisations),
        policies=frozenset(policies),
    )


SAME = [
    (
        "a near-identical copy: one sentence, other titles, the park linked in one copy only",
        "forum",
        report("星河高新区人工智能产业创新论坛", FORUM, parks=[1]),
        report("5月8日，星河高新区人工智能产业创新论坛在星河会展", FORUM),
    ),
    (
        "one sentence behind another paper's lead-in (本报讯)",
        "policy_release",
        report("行动方案发布", RELEASE),
        report("星河发布人工智能三年行动方案", "本报讯 " + RELEASE),
    ),
    (
        "one sentence lightly edited (正式发布 → 发布), no entity linked in either",
        "policy_release",
        report("行动方案发布", RELEASE),
        report("行动方案发布", RELEASE.replace("正式发布", "发布")),
    ),
    (
        "two papers in their own words: a shared park and alike titles",
        "forum",
        report("星河高新区人工智能产业创新论坛", FORUM, parks=[1], organisations=[10]),
        report(
            "人工智能产业创新论坛在星河召开",
            "5月8日，由星河市科技局主办的星河高新区人工智能产业创新论坛召开",
            parks=[1],
        ),
    ),
    (
        "two papers sharing only the organiser, alike titles",
        "forum",
        report("人工智能产业创新论坛", "星河市科技局主办人工智能产业创新论坛", organisations=[10]),
        report("人工智能产业创新论坛召开", "人工智能产业创新论坛昨天在会展中心召开", organisations=[10]),
    ),
    (
        "one policy released, whatever the titles and sentences",
        "policy_release",
        report("行动方案发布", RELEASE, policies=[20]),
        report("星河出台人工智能新政", "星河高新区近日出台支持人工智能产业的新政策", policies=[20]),
    ),
    (
        "one statistic reported twice: same park, same figures",
        "statistic",
        report(STATISTIC.format("星河高新区", 1200, 12), STATISTIC.format("星河高新区", 1200, 12), parks=[1]),
        report(STATISTIC.format("星河高新区", 1200, 12), STATISTIC.format("星河高新区", 1200, 12), parks=[1]),
    ),
]

APART = [
    (
        "two park sign-ups, one template sentence, different parks",
        "park_signup",
        report("星河高新区获批自创区", SIGNUP.format("星河高新区"), parks=[1]),
        report("云岭高新区获批自创区", SIGNUP.format("云岭高新区"), parks=[2]),
    ),
    (
        "two statistics of different parks",
        "statistic",
        report(STATISTIC.format("星河高新区", 1200, 12), STATISTIC.format("星河高新区", 1200, 12), parks=[1]),
        report(STATISTIC.format("云岭高新区", 1200, 12), STATISTIC.format("云岭高新区", 1200, 12), parks=[2]),
    ),
    (
        "two statistics of one park quoting different figures",
        "statistic",
        report(STATISTIC.format("星河高新区", 1200, 12), STATISTIC.format("星河高新区", 1200, 12), parks=[1]),
        report(STATISTIC.format("星河高新区", 1350, 9), STATISTIC.format("星河高新区", 1350, 9), parks=[1]),
    ),
    (
        "one template, other figures, no park linked (the sentence rule needs the same figures)",
        "statistic",
        report("营业收入", STATISTIC.format("全区规上企业", 1200, 12)),
        report("营业收入", STATISTIC.format("全区规上企业", 1350, 12)),
    ),
    (
        "same kind and day, different organisers, dissimilar sentences, alike titles",
        "contest",
        report(
            "创新创业大赛决赛", "5月8日，星河市科技局举办的星河大学生创新创业大赛决赛举行", organisations=[10]
        ),
        report(
            "创新创业大赛决赛", "云岭市科技局主办的青年创新创业大赛决赛当天在云岭落幕", organisations=[11]
        ),
    ),
    (
        "alike titles but no shared entity: a generic title names no event",
        "contest",
        report("创新创业大赛决赛", "星河大学生创新创业大赛决赛在星河大学体育馆举行"),
        report("创新创业大赛决赛", "青年创新创业大赛决赛当天在云岭落幕，十个项目获奖"),
    ),
    (
        "releases of two policies told by one template",
        "policy_release",
        report("方案发布", RELEASE, policies=[20]),
        report(
            "方案发布", RELEASE.replace("产业发展", "产业集聚"), policies=[21]
        ),  # one sentence but for the title
    ),
    (
        "a shared park, dissimilar titles and sentences",
        "forum",
        report("星河高新区人工智能产业创新论坛", FORUM, parks=[1]),
        report(
            "星河高新区生物医药招商推介会", "5月8日，星河高新区生物医药招商推介会在星河宾馆举办", parks=[1]
        ),
    ),
    (
        "one bare sentence too short to tell which forum",
        "forum",
        report("论坛开幕", "论坛今天开幕"),
        report("论坛开幕", "论坛今天开幕"),
    ),
]


@pytest.mark.parametrize(("why", "kind", "stored", "new"), SAME, ids=[row[0] for row in SAME])
def test_reports_of_one_event(why, kind, stored, new):
    assert same_event(kind, stored, new)
    assert same_event(kind, new, stored)  # the rule is symmetric


@pytest.mark.parametrize(("why", "kind", "stored", "new"), APART, ids=[row[0] for row in APART])
def test_reports_of_different_events(why, kind, stored, new):
    assert not same_event(kind, stored, new)
    assert not same_event(kind, new, stored)


def test_within_one_document_alike_titles_suffice():
    headline = report("星河论坛开幕", "5月8日，星河论坛开幕")
    article = report("星河论坛在会展中心开幕", "本报讯 5月8日，星河论坛在星河会展中心开幕，嘉宾200余人")

    assert not same_event("forum", headline, article)
    assert same_event("forum", headline, article, one_document=True)


def test_within_one_document_different_parks_stay_apart():
    first = report("星河高新区获批自创区", SIGNUP.format("星河高新区"), parks=[1])
    second = report("云岭高新区获批自创区", SIGNUP.format("云岭高新区"), parks=[2])

    assert not same_event("park_signup", first, second, one_document=True)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (FORUM, FORUM, True),
        (FORUM + "。", "　" + FORUM.replace("，", ",") + "！", True),  # punctuation and width do not count
        (RELEASE, "本报讯 " + RELEASE, True),
        (FORUM, "本报讯（记者 李明）" + FORUM + "，嘉宾200余人出席", True),  # held whole in a longer one
        (FORUM, FORUM.replace("5月8日", "5月9日"), False),  # one figure changed: another fact
        (FORUM, "5月8日，由星河市科技局主办的星河高新区人工智能产业创新论坛召开", False),
        ("论坛今天开幕", "论坛今天开幕", False),  # too short to tell
    ],
)
def test_same_sentence(first, second, same):
    assert same_sentence(first, second) is same


def test_evidence_similarity_is_a_share_of_all_bigrams():
    assert evidence_similarity(FORUM, FORUM) == 1.0
    assert 0 < evidence_similarity(FORUM, RELEASE) < 0.3


def test_closeness_prefers_the_event_told_in_the_same_words():
    passage = "作为重大成果之一，该方案在4月25日星河科技论坛开幕式上正式发布"
    forum = report("星河科技论坛开幕式", passage)
    other = report("该方案在4月25日星河科技论坛", passage)
    new = report("星河科技论坛开幕式", passage)

    assert closeness(forum, new) > closeness(other, new)
