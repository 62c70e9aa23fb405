"""Events: trigger words and sentence shape decide the kind, the nearest date dates it.

For each sentence of a news item: find the kinds its trigger rules announce (FORMAT.md's
table), skip what the filter rules say did not happen (将, 计划, 举办12年来, 此次大赛), date it
by the most precise date in the clause of the trigger (or the item's lead date, for the segments
of one reported event), and attach the entities of the sentence. The item's lead event (the
forum, contest or visit the item reports) also gets the people who speak at it and the bodies
they represent. A statistic is a sentence with a figure and the period it covers, and is dated
by that period. Every trigger and filter is a named row of ``rules.TABLE``; an event carries the
names of the rows that made it. Word lists come from ``lexicon``. Plain Python, no Django.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from timeline.ingest import lexicon as lx
from timeline.ingest.entities import formerly_served
from timeline.ingest.rules import Rule, rule
from timeline.ingest.titles import GUEST_LAUNCH, compose_title, launch_title, statistic_title
from timeline.ingest.types import DateMention, EventDraft, Mention, PartialDate

# ---------------------------------------------------------------- triggers

_CJK = r"[\u4e00-\u9fff]"
_HAPPENED = rf"(?:{lx.alternation(lx.HAPPENED)})"
_MEETING_NOUNS = lx.alternation(lx.MEETING_NOUNS)
_FORUM_NOUNS = lx.alternation(lx.FORUM_NOUNS)
_CONTEST_NOUNS = lx.alternation(lx.CONTEST_NOUNS)
_PRESS_NOUNS = lx.alternation(lx.PRESS_NOUNS)
_POLICY_VERBS = lx.alternation(lx.POLICY_VERBS)
_DOCUMENT_HEADS = lx.alternation(lx.DOCUMENT_HEADS)
# a person's act at a gathering, as a word anywhere later in a clause (出席, 致辞, 陪同)
_AT_A_GATHERING = lx.alternation(lx.GATHERING_ACT_WORDS)
# what a person who takes part does right after their name: says, attends, hosts or accompanies
_PART_TAKEN = lx.alternation(lx.SAYING_VERBS + lx.GATHERING_ACTS)


def _held(nouns: str) -> str:
    """'举行X会' / '举办了X赛': the verb before the gathering's name."""
    unit = r"(?:[^，。；“”]|“[^“”，。；]{1,20}”)"  # a character, or a quoted name (“光谷杯”) as one
    return (
        rf"{_HAPPENED}(?:了)?(?P<name>(?!了)(?:“[^“”，。；]{{1,20}}”|{unit}{unit}){unit}{{0,38}}?(?:{nouns}))"
        r"(?:[（(][^）)]{1,12}[）)])?"
    )


# kind → rules, tried in order; the named group "name" (when present) is the event's own name.
_TRIGGERS: dict[str, list[Rule]] = {
    "press_conference": [
        rule(
            "trigger.press_conference.named_then_held",
            "trigger",
            pattern=rf"(?P<name>[^，。；]{{0,30}}(?:{_PRESS_NOUNS}))[^，。；]{{0,20}}?{_HAPPENED}",
            matches=("市科技局2024年科技成果新闻发布会在市政府举行",),
            misses=("市科技局将择期召开新闻发布会", "新闻发布会的材料已经备好"),
            why="a press conference named first and then said to take place",
        ),
        rule(
            "trigger.press_conference.held_then_named",
            "trigger",
            pattern=rf"{_HAPPENED}(?P<name>[^，。；]{{0,20}}(?:{_PRESS_NOUNS}))",
            matches=("省政府新闻办举行高新区发展情况新闻发布会",),
            misses=("发布会的时间尚未确定",),
            why="举行…发布会: the verb before the conference's name",
        ),
        rule(
            "trigger.press_conference.at",
            "trigger",
            pattern=rf"在(?P<name>[^，。；]{{2,60}}?(?:{_PRESS_NOUNS}))上",
            matches=(
                "副局长在当天的新闻发布会上介绍了园区的情况",
                "张三是在江南省科学技术厅12日召开的“加快建设江南科技园区 推动全省高新技术产业"
                "高质量发展”新闻发布会上介绍的",
            ),
            misses=("新闻发布会由市政府新闻办主持",),
            why="someone speaks at a press conference: the conference took place (its name may carry a"
            " long quoted theme)",
        ),
    ],
    "meeting": [
        rule(
            "trigger.meeting.named_then_held",
            "trigger",
            pattern=rf"(?P<name>[^，。；]{{0,40}}(?:{_MEETING_NOUNS}))[^，。；]{{0,16}}?{_HAPPENED}",
            matches=("全市高新区建设推进会在区行政中心召开", "全区项目调度会5月9日在管委会召开"),
            misses=("推进会的议程已经印发给各单位",),
            why="a working meeting named first and then said to take place",
        ),
        rule(
            "trigger.meeting.held_then_named",
            "trigger",
            pattern=_held(_MEETING_NOUNS),
            matches=("市政府召开了科技创新工作会议",),
            misses=("会议纪要已经分送各部门",),
            why="召开…会议: the verb before the meeting's name",
        ),
        rule(
            "trigger.meeting.deliberation",
            "trigger",
            pattern=r"(?P<name>参加[^，。；]{2,40}?(?:代表团|会议)[^，。；]{0,4}审议)",
            matches=("市长参加全国人大会议江南代表团审议",),
            misses=("代表团成员参观了科技园",),
            why="an official joins a delegation's deliberation: a meeting of the congress",
        ),
        rule(
            "trigger.meeting.visit_talks",
            "trigger",
            pattern=r"(?P<name>调研[^，。；]{0,20}?座谈|座谈交流)",
            matches=("副省长到园区调研并与企业座谈", "双方进行了座谈交流"),
            misses=("副省长到园区调研了三家企业",),
            why="调研…座谈: a visit with talks is a working meeting",
        ),
        rule(
            "trigger.meeting.audience",
            "trigger",
            pattern=r"(?<![的将拟])(?P<name>(?:会见|会晤|接见)(?:了)?[^，。；]{2,30}?(?:一行|代表团|客人|嘉宾|代表))",
            matches=("市长会见了德国科技园代表团一行", "副市长接见江南大学校长一行"),
            misses=("市长出席了德国科技园代表团的欢迎会", "市长将会见代表团"),
            why="an official receives a delegation (会见…一行): a working meeting",
        ),
    ],
    "forum": [
        rule(
            "trigger.forum.named_then_held",
            "trigger",
            pattern=rf"(?P<name>[^，。；]{{0,60}}?(?:{_FORUM_NOUNS}))(?:[（(][^）)]{{1,12}}[）)])?"
            rf"(?P<also>暨[^，。；]{{2,30}}?(?:仪式|典礼|活动|大会|会议))?[^，。；]{{0,16}}?{_HAPPENED}(?!期间)",
            matches=(
                "2024江南科创论坛在苏州开幕",
                "第三届园区发展年会（春季）在杭州举行",
                "第五届江南创新论坛暨江南市科技企业孵化器创业导师聘任仪式在江南大学科技园隆重举行",
            ),
            misses=("论坛举办期间，双方签署了协议", "江南科创论坛的报名通道已经关闭"),
            why="a forum named first and then said to take place",
        ),
        rule(
            "trigger.forum.held_then_named",
            "trigger",
            pattern=_held(_FORUM_NOUNS),
            matches=("园区举办了首届生物医药产业峰会",),
            misses=("峰会的嘉宾名单尚未公布",),
            why="举办…峰会: the verb before the forum's name",
        ),
        rule(
            "trigger.forum.at",
            "trigger",
            pattern=r"在(?P<name>[^，。；]{2,50}?(?:论坛|年会|峰会|研讨会|大会|开幕式|全体会议))上",
            matches=("局长在2024江南科创论坛上作主旨演讲",),
            misses=("局长出席了江南科创论坛",),
            why="someone speaks at a forum: the forum took place",
        ),
        rule(
            "trigger.forum.acts",
            "trigger",
            pattern=rf"(?P<name>[^，。；]{{2,60}}?(?:{_FORUM_NOUNS}))[^，。；]{{0,10}}?(?<!将)"
            r"(?:宣布|选举产生|审议通过|表决通过|通过了)",
            matches=(
                "第十届园区协会年会全体会员大会宣布，张三当选会长",
                "世界科技园大会选举产生新一届理事会",
            ),
            misses=("世界科技园大会将宣布新一届理事会", "大会的议程已经通过邮件发出"),
            why="X大会宣布/选举产生/审议通过…: a gathering that decides something has taken place",
        ),
        rule(
            "trigger.forum.lecture",
            "trigger",
            pattern=r"作(?:了)?(?P<name>[^，。；]{0,40}?(?:专题|主题|学术|辅导|主旨)报告)",
            matches=("副司长在江南学院为园区负责人作《园区建设》专题报告",),
            misses=("园区负责人作了工作总结", "园区发布了年度报告"),
            why="someone gives a lecture (作…专题报告) to an audience: a forum took place",
        ),
        rule(
            "trigger.forum.during",
            "trigger",
            pattern=r"(?P<name>[^，。；]{2,40}?(?:论坛|峰会|研讨会|推介会|博览会))(?:期间|上)[，,]",
            matches=("江南科创论坛期间，十个项目集中签约",),
            misses=("江南科创论坛由市政府主办",),
            why="something happens during a named forum: the forum took place",
        ),
    ],
    "contest": [
        rule(
            "trigger.contest.named_then_held",
            "trigger",
            pattern=rf"(?P<name>[^，。；]{{0,50}}?(?:{_CONTEST_NOUNS}))[^，。；]{{0,30}}?{_HAPPENED}",
            matches=("第五届江南创新创业大赛决赛在无锡举行",),
            misses=("大赛的报名截止时间为月底",),
            why="a contest named first and then said to take place",
        ),
        rule(
            "trigger.contest.held_then_named",
            "trigger",
            pattern=_held(_CONTEST_NOUNS),
            matches=("园区举办了首届青年创业大赛",),
            misses=("青年创业大赛的评委来自高校",),
            why="举办…大赛: the verb before the contest's name",
        ),
        rule(
            "trigger.contest.kicked_off",
            "trigger",
            pattern=rf"(?P<name>[^，。；]{{2,50}}?(?:{_CONTEST_NOUNS}))(?:[（(][^）)]{{1,12}}[）)])?"
            r"[^，。；]{0,12}?(?:正式)?启动(?!了)",
            matches=("第三届江南创新创业大赛在苏州正式启动", "园区青年创业大赛启动仪式举行"),
            misses=("园区启动了青年创业大赛的筹备工作",),
            why="X大赛启动: a contest opens; the event is the contest, not a launch",
        ),
        rule(
            "trigger.contest.won_at",
            "trigger",
            pattern=rf"在(?P<name>[^，。；]{{2,40}}?(?:{_CONTEST_NOUNS}))(?:中|上)[^，。；]{{0,20}}?"
            r"(?:荣获|获得|摘得|斩获|夺得|获)",
            matches=("两家企业在全国颠覆性技术创新大赛中荣获优胜奖", "园区团队在省创业大赛上摘得金奖"),
            misses=("两家企业报名参加全国颠覆性技术创新大赛",),
            why="在X大赛中荣获…: someone wins at a named contest, so the contest took place",
        ),
        rule(
            "trigger.contest.award",
            "trigger",
            pattern=r"评选出[^，。；]{0,30}?(?:奖|优秀[\u4e00-\u9fff]{1,6})"
            r"|(?:获得|获评|荣获|摘得|斩获)[^，。；]{0,30}?奖(?![励补金])",
            matches=("三家园区企业获得省科技进步一等奖", "决赛评选出了20家优秀团队"),
            misses=(
                "园区设立了科技进步奖励基金",
                "江南科技园获评省级优秀科技企业孵化器",
                "企业获得研发奖补资金200万元",
            ),
            why="a prize won: the result of a contest or selection; a status earned (获评优秀孵化器)"
            " is a sign-up",
        ),
        rule(
            "trigger.contest.results",
            "trigger",
            pattern=r"(?P<name>[^，。；]{2,30}?(?:榜单|排行榜|评选结果|获奖名单))[^，。；]{0,6}?(?:揭晓|出炉|发布)",
            matches=("江南园区百强榜单也同时揭晓",),
            misses=("江南园区百强榜单的评价方法沿用往年",),
            why="a ranking or an award list made public: the result of a selection",
        ),
        rule(
            "trigger.contest.results_published",
            "trigger",
            pattern=r"(?:公布|发布|揭晓|通报)(?:了)?(?P<name>[^，。；]{2,40}?"
            r"(?:(?:评价|评选|考核|评估)结果|榜单|排行榜|获奖名单))(?!的)",
            matches=("工信部公布了2023年江南园区综合评价结果", "协会发布2024年园区百强榜单"),
            misses=("工信部公布了园区的发展数据", "评价结果将于下月公布", "发布评价结果的方式"),
            why="公布…评价结果: a ranking or an award list made public, the verb first",
        ),
        rule(
            "trigger.contest.ceremony",
            "trigger",
            pattern=r"(?P<name>[^，。；]{2,30}?颁奖(?:典礼|仪式)?)",
            matches=("江南创新奖颁奖典礼在南京举行",),
            misses=("奖项由专家委员会评审",),
            why="an award ceremony",
        ),
    ],
    "policy_release": [
        rule(
            "trigger.policy_release.verb_then_title",
            "trigger",
            pattern=rf"(?:{_POLICY_VERBS})(?:了)?(?:[^，。；的《]{{0,6}}?|[^，。；《》]{{2,24}}?的)《(?P<name>[^》]{{2,80}})》",
            matches=(
                "省政府印发《江南高新区高质量发展行动方案》",
                "会上发布了江南大学研究完成的《园区发展蓝皮书》",
            ),
            misses=("《江南高新区高质量发展行动方案》共分五章",),
            why="印发《…》: a document issued",
        ),
        rule(
            "trigger.policy_release.title_then_verb",
            "trigger",
            pattern=rf"《(?P<name>[^》]{{2,80}})》[^，。；]{{0,30}}?(?:{_POLICY_VERBS}|实施|施行|出炉)(?!会)",
            matches=("《江南科技园区条例》自7月1日起施行", "《园区发展报告》正式发布"),
            misses=("《江南科技园区条例》分为六章四十条", "“《江南导航》加快推进新型工业化”新闻发布会"),
            why="《…》发布/施行: a document issued or taking effect",
        ),
        rule(
            "trigger.policy_release.untitled",
            "trigger",
            pattern=rf"(?:发布|出台|印发|制定|修订)(?:了)?(?P<name>[^，。；《》]{{2,30}}?(?:{_DOCUMENT_HEADS}))",
            matches=("市科技局出台了支持孵化器发展的十条措施",),
            misses=("市科技局研究了孵化器的发展",),
            why="a document issued whose title is written without 《》",
        ),
        rule(
            "trigger.policy_release.untitled_then_verb",
            "trigger",
            pattern=rf"(?P<name>[^，。；《》]{{2,30}}?(?:{_DOCUMENT_HEADS}))(?:正式|近日|日前)?(?:发布|出台|印发|公布)(?!的)",
            matches=("江南高新区人才新政正式发布", "园区支持孵化器发展十条措施出台"),
            misses=("园区发布了十条措施", "园区人才新政的内容"),
            why="X措施正式发布: a document without 《》 named first and then said to be issued",
        ),
    ],
    "park_signup": [
        rule(
            "trigger.park_signup.designated_as",
            "trigger",
            pattern=r"确定(?:了)?[^，。；]{2,60}?等[\d一二三四五六七八九十百千]+[家个所项批][^，。；]{0,8}?为",
            matches=("科技部确定江南创新工场等50家机构为国家备案众创空间",),
            misses=("会议确定了园区的发展方向", "确定江南创新工场为下一次会议地点"),
            why="确定X等N家机构为…: a body designates a list of organisations, each of which signs up",
        ),
        rule(
            "trigger.park_signup",
            "trigger",
            pattern=rf"(?<!项目被)(?<!工程被)(?:{lx.alternation(lx.SIGNUP_WORDS)}|获得.{{0,10}}称号)"
            r"(?!统计|监测|考核|管理|范围|规划)",
            matches=("江南高新区与德国一家科技园签署合作协议", "江南科技园获批国家级孵化器"),
            misses=(
                "江南高新区与德国一家科技园开展交流",
                "江南高新区纳入统计的规上企业达到520家",
                "智能制造产业园项目被列入省重点建设项目",
            ),
            why="a park or body signs up, joins, is designated, approved, upgraded or listed (not a"
            " project listed, nor figures 纳入统计)",
        ),
    ],
    "visit": [
        rule(
            "trigger.visit.study_tour",
            "trigger",
            pattern=r"组织[^。；]{0,40}?(?:参观|观摩|学习考察)",
            matches=("江南高新区组织100余名干部参观园区成就展",),
            misses=("江南高新区组织召开园区工作会议",),
            why="a body takes its people to see an exhibition or another park: a study tour",
        ),
        rule(
            "trigger.visit",
            "trigger",
            pattern=rf"(?:{lx.alternation(lx.VISIT_WORDS)})(?!组)",
            matches=("副省长一行到江南高新区调研",),
            misses=("副省长一行出席了签约仪式", "调研组充分肯定园区取得的成效"),
            why="an official's inspection, study tour or research visit",
        ),
    ],
    "launch": [
        rule(
            "trigger.launch.programme",
            "trigger",
            pattern=rf"(?P<name>[^，。；]{{4,30}}?(?:{lx.alternation(lx.PROGRAMME_HEADS)}))"
            r"(?:在[^，。；]{1,12}?)?(?:正式)?启动",
            matches=("江南园区数字化转型行动在论坛上正式启动",),
            misses=("江南园区数字化转型行动取得了成效",),
            why="a named programme, platform or fund starts",
        ),
        rule(
            "trigger.launch",
            "trigger",
            pattern=rf"(?:{lx.alternation(lx.LAUNCH_WORDS)}|(?<=的)设立)",
            matches=("江南人工智能创新中心揭牌成立", "首台国产氢能重卡下线", "园区规划展览馆正式开馆"),
            misses=("江南人工智能创新中心运行良好",),
            why="an initiative, centre, park or product starts, opens or comes off the line",
        ),
    ],
}
# Words without which a kind's patterns cannot match: a cheap first test per sentence.
_GATES: dict[str, re.Pattern[str]] = {
    "press_conference": re.compile(_PRESS_NOUNS),
    "meeting": re.compile(rf"{_MEETING_NOUNS}|代表团|调研|座谈|会见|会晤|接见"),
    "forum": re.compile(rf"{_FORUM_NOUNS}|开幕式|全体会议|报告"),
    "contest": re.compile(rf"{_CONTEST_NOUNS}|奖|优秀|榜单|排行榜|结果"),
    "policy_release": re.compile(rf"{_POLICY_VERBS}|制定|实施|施行|出炉"),
}
# Kinds tried in this order; a sentence may announce several distinct events.
_ORDER = (
    "press_conference",
    "contest",
    "meeting",
    "forum",
    "policy_release",
    "park_signup",
    "visit",
    "launch",
)

# ---------------------------------------------------------------- filters

_INTENT = rule(
    "filter.intent",
    "filter",
    pattern=rf"(?:(?<!现)将|(?<![重主需必首纲摘只])要(?![求点素闻件])|未来(?!产业)|{lx.alternation(lx.INTENT_WORDS)})",
    matches=(
        "园区要加快建设创新中心",
        "市里鼓励企业设立研发中心",
        "双方希望尽快签约",
        "园区需要举办论坛",
        "两区负责人共商产业战略合作",
    ),
    misses=(
        "园区现将有关事项通知如下",
        "市里重要的创新中心揭牌",
        "未来产业园揭牌",
        "根据省里要求召开会议",
        "两区负责人签署产业战略合作协议",
    ),
    why="a trigger after 将/要/计划/鼓励… in its clause is an intention, a wish or a condition; after"
    " 共商/探讨 it is a talk about the act, not the act",
)
_FRAME = rule(
    "filter.frame",
    "filter",
    pattern=rf"(?:{lx.alternation(lx.FRAME_WORDS)})(?!下)",
    matches=("园区通过举办论坛", "围绕光电子产业举办"),
    misses=("在省科技厅支持下", "园区举办论坛"),
    why="通过举办论坛，吸引人才: an act framed by its purpose or manner is told of no day; with a"
    " day of its own (6月18日，园区围绕…举办论坛) it is a report",
)
_FUTURE = rule(
    "filter.future",
    "filter",
    pattern=lx.alternation(lx.FUTURE_WORDS),
    matches=("大会将于明年5月在武汉举行", "园区计划年内举办三场路演"),
    misses=("大会于5月12日在武汉举行", "园区已举办三场路演"),
    why="an event that is announced for later has not happened: it is no event of the timeline yet",
)
_INTENT_OK = rule(
    "filter.shortlist",
    "filter",
    pattern=lx.alternation(lx.SHORTLIST_WORDS),
    matches=("拟认定江南科技园为省级孵化器",),
    misses=("计划认定一批省级孵化器",),
    why="a published shortlist (拟认定) is a fact, though it says 拟: it overrides filter.intent",
)
_SPAN_OR_CONDITION = re.compile(
    r"以来|(?:[一二三四五六七八九十百]+|\d+)周年|(?:了)?(?:\d+|[一二三四五六七八九十]+)(?:多|余)?年(?:来|以来)|[^，。；]{0,4}?(?:后|以后|之后)[，,]"
)
_NOT_AN_OCCURRENCE = rule(
    "filter.span",
    "filter",
    predicate=lambda after: _SPAN_OR_CONDITION.match(after) is not None,
    matches=("12年来，大赛培育了一批企业", "运行后，将带动就业", "以来，园区发展迅速", "三十周年"),
    misses=("于6月12日在苏州", "，百余家企业参赛"),
    why="举办12年来, 成立以来 (a span), 成立三十周年 (an anniversary) or 启动运行后，将… (a condition)"
    " after the trigger: no occurrence",
)
_STATE = rule(
    "filter.state",
    "filter",
    pattern=lx.alternation(lx.STATE_WORDS),
    matches=("园区的孵化楼已基本建成", "新车正在陆续交付"),
    misses=("园区的孵化楼昨天落成",),
    why="a launch word after 基本/陆续/正在 says how things stand, not that something happened",
)
_BACK_REFERENCE = rule(
    "filter.back_reference",
    "filter",
    pattern=rf"^(?:举办|举行|召开)?(?:{lx.alternation(lx.BACK_REFERENCE_WORDS)})",
    matches=("此次大赛", "举办本届论坛"),
    misses=("第三届江南创新创业大赛", "首届园区论坛"),
    why="此次大赛, 本届论坛: the item's own gathering mentioned again, already reported",
)
_DESCRIPTION = rule(
    "filter.description",
    "filter",
    pattern=rf"(?:{lx.alternation(lx.LAUNCH_WORDS + lx.POLICY_VERBS)})的",
    matches=("园区发布的数据显示，营收增长一成",),
    misses=("园区发布了年度数据",),
    why="发布的数据: a trigger verb used as a modifier describes a thing, it reports no act",
)


def _after_publication(context: ItemContext, date: DateMention) -> bool:
    published = context.published
    if date.date.precision != "day" or published.precision != "day" or date.role == "vague":
        return False
    return _AFTER_PUBLICATION.test(f"{date.date.iso()}|{published.iso()}")


_AFTER_PUBLICATION = rule(
    "filter.after_publication",
    "filter",
    predicate=lambda pair: pair.split("|")[0] > pair.split("|")[1],
    matches=("2024-06-25|2024-06-20",),
    misses=("2024-06-18|2024-06-20",),
    why="an event dated to a day after the article appeared (as 'event day|publication day') is"
    " a schedule it announces: it has not happened",
)


def _inside_title(body: str, at: int) -> bool:
    return _TITLE_WORD.test(body[:at])


_TITLE_WORD = rule(
    "filter.inside_title",
    "filter",
    pattern=r"《[^》]*$",
    matches=("依据《国务院关于江南高新区建设的",),
    misses=("依据《国务院关于江南高新区建设的批复》，",),
    why="依据《…的批复》: a trigger word inside a document's title names the document, it is no act",
)
_MODIFIER = rule(
    "filter.name_runs_on",
    "filter",
    pattern=rf"^(?:议|[”\s]*(?:{_PRESS_NOUNS}|筹备会|组委会|新闻))",
    matches=("发布会宣布", "”新闻发布会上", "议，传达会议精神"),
    misses=("在北京开幕", "，百余人参加"),
    why="举行的X论坛发布会, 党工委扩大会议: a gathering's name that runs on into another"
    " gathering's noun is only a part of it",
)


_PLURAL = rule(
    "filter.plural_gathering",
    "filter",
    pattern=r"(?:^|[^第\d〇零一二三四五六七八九十百两几多数])(?:[两三四五六七八九十百几多数][二两三四五六七八九十百几多数]*|\d+)"
    r"(?:届|次|场|轮)"
    r"|\d{4}(?:、\d{4})+",
    matches=("三届园区发展大会", "五场项目路演推介会", "2019、2021和2023年园区论坛", "举办了十二场路演"),
    misses=("第三届园区发展大会", "2024江南科创论坛", "第三十八届世界大会", "第12届园区论坛"),
    why="三届世界大会, 五场路演: a count of gatherings recalls several, it reports no one of them",
)
_BARE_YEAR = rule(
    "filter.background_year",
    "filter",
    pattern=r"^(?:\d{4}|[〇零一二三四五六七八九]{4})年?$",
    matches=("1998年", "一九九八年"),
    misses=("1998年8月", "近日"),
    why="an event an article dates only by a year two or more years before it appeared is the"
    " history it recalls (1998年经国务院批准成立), not news it reports",
)


def _background(context: ItemContext, date: DateMention) -> bool:
    return (
        date.date.precision == "year"
        and _BARE_YEAR.test(date.phrase.strip())
        and date.date.year < context.published.year - 1
    )


_ASSEMBLY = rule(
    "filter.forum_is_assembly",
    "filter",
    pattern=rf"(?:{lx.alternation(lx.MEETING_ASSEMBLIES)})$",
    matches=("江南科学城建设动员大会", "全区科技创新表彰大会"),
    misses=("2024江南科技创新大会", "园区发展大会"),
    why="动员大会, 推进大会, 表彰大会: a government's working assembly is a meeting, not a forum",
)


def _listed_shape(body: str) -> bool:
    """No sentence punctuation, and a date written as 2024-05-30 (a list's date, not prose)."""
    return not re.search(r"[。！？；，,]", body) and bool(re.search(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", body))


_LISTED = rule(
    "filter.listed_headline",
    "filter",
    predicate=_listed_shape,
    matches=(
        "南湖科技园获批国家级孵化器 2024-05-30",
        "· 园区召开工作会议（2024-05-28）",
        "相关新闻：园区揭牌2024-05-30园区召开工作会议2024-05-28",
    ),
    misses=("2024-05-30，园区召开工作会议。", "南湖科技园获批国家级孵化器"),
    why="headlines with a list's dates beside them (… 2024-05-30) link to other articles: no report",
)
_AT_THE_LEAD = rule(
    "date.event.at_the_lead",
    "date",
    pattern=r"^\s*(?:[^，。；]{0,12}?(?:会|论坛|峰会|仪式|活动|大赛|开幕式)(?:上|期间|现场|中)[，,]"
    r"|(?:会上|会后|仪式上|活动现场|仪式现场)[，,]?)",
    matches=(
        "论坛上，园区与高校签署合作协议。",
        "会上，园区发布了十条措施。",
        "签约仪式上，双方为研究院揭牌。",
        "会上为江南软件园等5家孵化器授牌。",
    ),
    misses=("园区先后与高校签署合作协议。", "2019年，园区与高校签署合作协议。"),
    why="论坛上，…: a later paragraph that opens at the lead's gathering is dated by the lead, even a 近日",
)
_DURING = rule(
    "filter.during",
    "filter",
    pattern=r"^(?:期间|过程中|(?:仪式|活动|现场)(?:上|期间|现场)[，,])",
    matches=("期间，一行人还参观了展厅", "仪式上，书记表示将做好服务"),
    misses=("，一行人参观了展厅", "仪式在园区举行"),
    why="考察期间，签约仪式上，…: what happened during a reported visit or ceremony, which is"
    " already an event",
)
_ENUMERATED = rule(
    "filter.enumerated_measure",
    "filter",
    pattern=r"^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十]+[）)]|\d+[、.．])",
    matches=("二是召开一次园区发展大会，表彰先进", "（三）举办园区创新大赛"),
    misses=("6月12日，园区召开发展大会",),
    why="一是…二是…: an item of a list of measures or plans borrows no date from the lead",
)
_COMPOUND = rule(
    "filter.launch_in_noun",
    "filter",
    pattern=r"^(?:车|线|率|量|能力|规模|产能|区)",
    matches=("车的用户出席", "区建设全面提速"),
    misses=("，园区举行仪式",),
    why="量产车, 投产率, 先行启动区: a launch word inside a noun reports no launch",
)
_RETROSPECTIVE = rule(
    "filter.retrospective",
    "filter",
    pattern=r"近年来|近些年|多年来|历年|先后|曾经|(?<![不未])曾(?!经济)|此前|以往|过去|一直|相继|陆续",
    matches=("近年来，园区先后获批国家级孵化器", "园区曾获评省级优秀园区"),
    misses=("6月3日，园区获批国家级孵化器",),
    why="近年来…先后获批: a summary of the past borrows no date from the item's lead",
)
_COMMENTED = rule(
    "filter.commented_act",
    "filter",
    pattern=r"^[^，,。；]{0,30}[，,](?:这)?(?:是(?!日)|标志着|意味着)",
    matches=("升级为国家级高新区，是加快发展的重大举措", "挂牌成立，标志着园区进入新阶段"),
    misses=("升级为国家级高新区，定名为江南高新区", "签约，是日还举行了论坛"),
    why="国务院同意X升级为国家高新区，是…的重大举措: the act is the subject of a remark; with no"
    " day of its own it is no report",
)
_OPEN_SPAN = rule(
    "filter.open_span_date",
    "filter",
    pattern=r"(?:以来|至今)$",
    matches=("2007年以来", "2019年至今"),
    misses=("2007年", "2019年6月至8月"),
    why="2007年以来，国务院先后批复103家…: a span open to now dates a summary of many acts, no event",
)
_RELATIVE_CLAUSE = rule(
    "filter.relative_clause",
    "filter",
    pattern=r"^[^，。；]{0,16}?的(?:做法|消息|经验|方式|模式|基础|成果|情况|意义|背景|过程|目的|原因|时候|企业|项目|园区|数量)",
    matches=("合作协议的做法值得推广", "的消息令人振奋"),
    misses=("合作协议，双方将共建实验室", "了合作协议"),
    why="签署协议的做法, 获批的消息: an act inside a clause that describes a noun is not reported",
)
_ACKNOWLEDGED = rule(
    "filter.request_acknowledged",
    "filter",
    pattern=r"(?:请示|报告|来函|申请)(?:已)?收悉",
    matches=("你市关于江南工业园区升级为国家高新区的请示已收悉。",),
    misses=("同意江南工业园区升级为国家高新区。",),
    why="a reply quotes the request it answers: the request is no event, the decision is",
)

_REPLY_FORMULA = rule(
    "filter.reply_formula",
    "filter",
    pattern=r"(?:批复|函复|答复)如下",
    matches=("你市请示收悉。现批复如下：",),
    misses=("省政府批复同意江南工业园区升级为省级高新区。",),
    why="现批复如下 opens the body of a reply: the decision is the notice's own release, not a second event",
)


def _headline_shape(body: str) -> bool:
    """A heading or teaser: no sentence punctuation and short."""
    return not re.search(r"[。！？；，,]", body.strip()) and len(body.strip()) <= 45


_HEADLINE_LIKE = rule(
    "filter.headline_like",
    "filter",
    predicate=_headline_shape,
    matches=("江南高新区举办首届科创论坛",),
    misses=("6月12日，江南高新区举办首届科创论坛，百余家企业参会。",),
    why="a heading repeats the event its article reports; with no date of its own it dates nothing",
)

_DIVISION = rule(
    "entity.event.division_of_institution",
    "entity",
    pattern=r"^(?P<institution>[\u4e00-\u9fff]{2,30}?(?:中心|局|厅|委员会|科委))[\u4e00-\u9fff]{1,10}处$",
    matches=("科技部火炬高技术产业开发中心孵化器管理处", "江南市科学技术委员会高新处", "江南省科技厅高新处"),
    misses=("科学技术部高新技术发展及产业化司", "江南市科技局", "江南中心办公处所"),
    why="火炬中心孵化器管理处处长张三出席: a division of an institution takes part as the institution",
)
_PARTY_COMMITTEE = rule(
    "entity.event.party_committee_of_official",
    "entity",
    pattern=r"^[\u4e00-\u9fff]{1,8}(?:省委|市委|区委|县委|州委|盟委)$",
    matches=("江北市委", "江南省委", "龙湾区委"),
    misses=("江北市科技局", "江北高新区党工委", "中共江北市委组织部"),
    why="江北市委书记张三到园区考察: a regional party committee names the official's office, it"
    " takes no part as a body (a park's 党工委 does: it runs the park)",
)


# ---------------------------------------------------------------- statistics

_FIGURE = rule(
    "trigger.statistic.figure",
    "trigger",
    pattern=r"(?:超|近|逾|突破|达)(?:万亿|千亿|百亿)元|\d+(?:\.\d+)?\s*(?:多|余)?\s*(?:万亿|千亿|百亿|亿|万|千)?\s*"
    rf"(?:{lx.alternation(lx.FIGURE_UNITS)})"
    r"|(?=[一二三四五六七八九两][〇零一二三四五六七八九两]*[十百千万亿])[〇零一二三四五六七八九十百千万亿两]+"
    rf"(?:多|余)?(?:{lx.alternation(lx.FIGURE_UNITS)})|百分之[一二三四五六七八九十点]+",
    matches=("全年实现营业收入1200亿元", "高新技术企业达到356家", "企业总数达到二万家", "增长百分之二十"),
    misses=("园区召开了年度工作会议", "走进千家万户", "一家企业落户园区"),
    why="a statistic has a figure with its unit, in digits or written (二万家, 百分之二十)",
)
_METRIC = rule(
    "trigger.statistic.metric",
    "trigger",
    pattern=rf"(?:{lx.alternation(lx.METRIC_WORDS)})",
    matches=("全年实现营业收入1200亿元",),
    misses=("园区召开了年度工作会议",),
    why="a statistic says what the figure measures: 实现, 达到, 新增, 总数",
)
_A_DAYS_FIGURE = rule(
    "filter.statistic_of_a_day",
    "filter",
    pattern=r"\d{1,2}月\d{1,2}日(?!电)[^。；]{0,40}?(?:举行|举办|召开|开幕|签约|揭牌|启动)",
    matches=("6月16日，园区项目集中签约仪式举行，28个项目现场签约",),
    misses=("2023年，园区实现营业收入1860亿元", "截至6月30日，园区共有企业3200家"),
    why="a figure told with a day's gathering or signing is part of that event, not a statistic",
)
_TARGET = rule(
    "filter.statistic_target",
    "filter",
    pattern=r"目标|力争|有望|(?:要|将)(?:达到|突破|超过|实现)",
    matches=("规划提出到2030年园区数量要达到300家", "力争年营收突破1000亿元"),
    misses=("2023年园区营收突破1000亿元",),
    why="a plan's target or a forecast names a figure nobody has reached yet",
)
_PARK_COUNT = rule(
    "trigger.statistic.park_count",
    "trigger",
    pattern=rf"(?:{lx.alternation(lx.PARK_WORDS)})[^，。；]{{0,8}}?(?:共有|总数|达到|达|增至|增加到)[^，。；]{{0,4}}?\d+\s*(?:家|个)",
    matches=("截至目前，全省高新区共有28家", "国家级孵化器所在的园区总数达到45个"),
    misses=("全市共有高新技术企业280家",),
    why="the number of parks is a figure about the parks, though it names no topic word",
)
_PARKISH = rule(
    "filter.statistic_of_parks",
    "filter",
    pattern=rf"(?:{lx.alternation(lx.PARK_WORDS)})",
    matches=("2023年，江南高新区实现营收1200亿元",),
    misses=("2023年，全省实现生产总值5万亿元",),
    why="figures of a park or of the parks (in the sentence or the headline), not of the economy at large",
)
_SAME_SUBJECT = rule(
    "filter.statistic_same_subject",
    "filter",
    pattern=r"^\s*[^，,。；]{0,12}?(?:年|月份?|季度|半年|[年月][底末]|目前)[，,]"
    r"(?![^，,。；]{0,8}?(?:全国|全省|全市|全区|全县|我国|我省|我市|[\u4e00-\u9fff]{1,3}[省市县]))",
    matches=(
        "2024年1—5月，规上工业总产值同比增长9.1%。",
        "一季度，营业收入增长12%。",
        "截至今年6月底，入驻企业共52家。",
    ),
    misses=("2024年1—5月，全省规上工业总产值增长9.1%。", "规上工业总产值同比增长9.1%。"),
    why="园区…。2024年1—5月，总产值增长9.1%: a sentence that opens on its period and names no"
    " subject continues the parks of the sentence before it",
)
_STAT_TOPIC = rule(
    "trigger.statistic.topic",
    "trigger",
    pattern=rf"(?:{lx.alternation(lx.STAT_TOPICS)})",
    matches=("园区高新技术企业达到356家",),
    misses=("园区绿化面积达到30平方公里",),
    why="a statistic of the timeline is about output, firms, people, research or investment",
)

# ---------------------------------------------------------------- sentences


@dataclass
class Sentence:
    start: int  # offsets in the item text
    end: int
    paragraph: int


_SENTENCE_END = re.compile(r"[。！？；]+[”’」』]?|\n+")


# "“……。”张三说。": the speaker's clause belongs to the quote it attributes
_SAYING = lx.alternation(lx.SAYING_VERBS)
_ATTRIBUTION = re.compile(rf"^[^。！？；“”\n]{{1,45}}?(?:{_SAYING})[。！]?$")


def sentences(text: str) -> list[Sentence]:
    """Sentences of an item, with the paragraph each belongs to; a quotation keeps the clause
    that attributes it."""
    merged: list[Sentence] = []
    for sentence in _split_sentences(text):
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.paragraph == sentence.paragraph
            and text[previous.start : previous.end].rstrip().endswith("”")
            and _ATTRIBUTION.match(text[sentence.start : sentence.end].strip())
        ):
            previous.end = sentence.end
            continue
        merged.append(sentence)
    return merged


_SALUTATION = rule(
    "filter.salutation",
    "filter",
    pattern=r"^\s*各[^。！？；\n]{1,80}?(?:单位|部门|机构|同志们?)\s*[：:]",
    matches=("各区县科技局，各有关单位：现将名单公布如下。", "各省、自治区科技厅，各有关部门:为落实…"),
    misses=("各有关单位要认真落实。", "园区各单位：积极参与"),
    why="a notice's salutation (各有关单位：) that the cleaner ran into the body is a sentence of its "
    "own: its words (计划单列市) are no intention of what the body reports",
)


def _split_sentences(text: str) -> list[Sentence]:
    found, start, paragraph = [], 0, 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if not match.group(0).startswith("\n") else match.start()
        salutation = _SALUTATION.pattern.match(text, start, end)
        if salutation and text[salutation.end() : end].strip():
            found.append(Sentence(start, salutation.end(), paragraph))
            start = salutation.end()
        if text[start:end].strip():
            found.append(Sentence(start, end, paragraph))
        if "\n" in match.group(0):
            paragraph += 1
        start = match.end()
    if text[start:].strip():
        found.append(Sentence(start, len(text), paragraph))
    return found


def _clause_bounds(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    left = max(text.rfind(c, start, at) for c in "，,：:…") + 1
    right_candidates = [i for i in (text.find(c, at, end) for c in "，,：:…") if i != -1]
    return max(left, start), min(right_candidates) if right_candidates else end


# ---------------------------------------------------------------- the extractor


@dataclass
class ItemContext:
    """What an item offers every event found in it."""

    text: str
    item_index: int
    offset: int  # of the item in the document's cleaned text
    published: PartialDate
    dates: list[DateMention]
    mentions: list[Mention]
    headline: str = ""
    inherited_date: DateMention | None = None  # the lead date of the article this item continues

    def dates_between(self, start: int, end: int) -> list[DateMention]:
        """The date mentions starting in [start, end), found by bisection (linear passes)."""
        if getattr(self, "_starts", None) is None or len(self._sorted) != len(self.dates):
            self._sorted = sorted(self.dates, key=lambda m: m.start)
            self._starts = [m.start for m in self._sorted]
        return self._sorted[bisect.bisect_left(self._starts, start) : bisect.bisect_left(self._starts, end)]


def lead_date(context: ItemContext) -> DateMention | None:
    """The date that dates the event an item reports, for the sections that continue it."""
    return _item_lead_date(context, sentences(context.text))


def _item_lead_date(context: ItemContext, sents: list[Sentence]) -> DateMention | None:
    """The lead's own date, else the one the item inherits, else a month its lead gives alone."""
    return _lead_date(context, sents) or context.inherited_date or _lead_month(context, sents)


def extract_events(context: ItemContext) -> list[EventDraft]:
    """Events reported by one news item, in text order."""
    text = context.text
    sents = sentences(text)
    lead_date = _item_lead_date(context, sents)
    drafts: list[EventDraft] = []
    lead_paragraph = next(  # the paragraph of the lead's date (after a headline, a date line…)
        (s.paragraph for s in sents if lead_date is not None and s.start <= lead_date.start < s.end), 0
    )
    for sentence in sents:
        drafts.extend(_sentence_events(context, sentence, lead_date, lead_paragraph))
    drafts.extend(_statistics(context, sents))
    drafts = _dedupe(drafts)
    _enrich_lead(context, drafts, sents)
    _ceremony_guests(context, drafts, sents)
    _reply_addressees(context, drafts)
    headline_parks = _headline_parks(context)
    for draft in drafts:
        if not draft.parks:  # the park the article is about: the one 高新区 means, or the headline's
            draft.parks = (
                _referred_parks(context, draft)
                or _counted_parks(context, draft, sents)
                or list(headline_parks)
                or _paragraph_park(context, draft, sents)
                or _lead_park(context, draft, sents)
            )
        draft.parks = _most_specific(draft.parks)
        if draft.kind == "launch" and draft.parks:  # 某某出席揭牌仪式 → X高新区揭牌
            titled = launch_title(draft.title, draft.parks[0], draft.evidence)
            if titled != draft.title:
                draft.title = titled
                draft.rules = [r for r in draft.rules if not r.startswith("title.")] + [GUEST_LAUNCH.name]
    return sorted(drafts, key=lambda d: d.start)


def dedupe_document(drafts: list[EventDraft]) -> list[EventDraft]:
    """One event told in several items of a document (a repost page with the article twice, a
    headline list repeating the lead, a reply's header and body) is one event: same kind, same
    date, and the same wording or the same document. Linear: only the last few events of the
    same kind and date are compared."""
    kept: list[EventDraft] = []
    recent: dict[tuple[str, str], list[EventDraft]] = {}
    for draft in drafts:
        bucket = recent.setdefault((draft.kind, draft.date.iso() if draft.date else ""), [])
        twin = next((k for k in bucket if k.item_index != draft.item_index and _retold(k, draft)), None)
        if twin is None:
            kept.append(draft)
            bucket.append(draft)
            del bucket[:-_RETOLD_REACH]
            continue
        _union(twin, draft)
        twin.rules = list(dict.fromkeys([*twin.rules, _RETOLD.name]))
    return kept


_RETOLD_REACH = 20  # events of one kind and day compared with each new one


def _retold(a: EventDraft, b: EventDraft) -> bool:
    if a.kind != b.kind or a.date != b.date:
        return False
    if a.kind == "statistic" and set(a.parks) != set(b.parks):
        return False  # the same measure of two parks
    if a.kind == "policy_release" and set(a.policies) & set(b.policies):
        return True
    return _RETOLD.test(f"{a.evidence}|{b.evidence}") or _RETOLD.test(f"{a.title}|{b.title}")


def _alike_wording(pair: str) -> bool:
    first, _, second = pair.partition("|")
    return _similar_text(first, second)


_RETOLD = rule(
    "filter.retold",
    "filter",
    predicate=_alike_wording,
    matches=("6月12日，江南科创论坛在苏州开幕。|江南科创论坛6月12日在苏州开幕",),
    misses=("6月12日，江南科创论坛在苏州开幕。|6月12日，园区与高校签署合作协议。",),
    why="the same event told again in another item of the page (as 'first|second'): one event",
)


def _headline_parks(context: ItemContext) -> list[str]:
    """Parks named in the item's headline, which the item's unattributed sentences are about."""
    if not context.headline:
        return []
    reach = len(context.headline) + context.headline.count(" ") + 4  # the headline's lines
    parks: list[str] = []
    for mention in context.mentions:
        if mention.kind == "park" and mention.start < reach and mention.surface in context.headline:
            _add(parks, mention.name)
    return parks


_BARE_PARK = rule(
    "entity.event.bare_park_word",
    "entity",
    pattern=rf"(?:(?<![\u4e00-\u9fff])|(?<={lx.alternation(lx.BARE_PARK_BEFORE)}))"
    rf"(?P<word>{lx.alternation(lx.PARK_WORDS)})",
    matches=("副省长到高新区考察", "据统计，园区实现产值120亿元", "6月10日，该高新区举办招商推介会"),
    misses=("国家高新区总数达到178家", "江南高新区实现产值120亿元"),
    why="到高新区考察: a park word alone, after a clause start or a preposition, is the article's park"
    " (园区 is a park of any kind: 科学城, 科技园 …)",
)


def _referred_parks(context: ItemContext, draft: EventDraft) -> list[str]:
    """The park a bare 高新区 (园区, 开发区) of the event's sentence means: the one park of that
    kind the item names (苏州高新区 … 到高新区考察). None when the item names several."""
    start = draft.start - context.offset
    end = start + len(draft.evidence)
    inside = [m for m in context.mentions if m.start < end and m.end > start]
    for match in _BARE_PARK.pattern.finditer(context.text, start, end):
        if any(m.start <= match.start() < m.end for m in inside):
            continue
        named = _parks_of_word(context, match.group("word"))
        if len(named) == 1:
            return named
    return []


def _parks_of_word(context: ItemContext, word: str) -> list[str]:
    """The parks of the item a bare park word (高新区, 开发区, 园区) can mean."""
    forms = lx.HIGH_TECH_ZONE_FORMS if word == "高新区" else (word,)
    return _most_specific(
        list(
            dict.fromkeys(
                m.name
                for m in context.mentions
                if m.kind == "park"
                and (
                    word == "园区"  # rule entity.event.bare_park_word: 园区 is any kind of park
                    or any(m.surface.endswith(f) or m.name.endswith(f) for f in forms)
                )
            )
        )
    )


NAMES_PARKS_BY_CLASS = rule(
    "entity.event.parks_by_class_word",
    "entity",
    pattern=_PARKISH.pattern,
    matches=("国家高新区总数达145家", "全市园区实现产值100亿元"),
    misses=("6月10日，召开科技创新大会", "会上签约项目12个"),
    why="国家高新区总数达145家: a sentence that speaks of parks by a word naming none does not take "
    "the one park its paragraph named before it (苏州高新区坚持…。6月10日，召开大会 does)",
)


def _bracketed_alias(text: str, mention: Mention, parks: list[Mention]) -> bool:
    """京津科技谷（中华自行车王国产业园）: a park in brackets right after a park is its other name."""
    before = text[mention.start - 1 : mention.start] if mention.start else ""
    return before in ("（", "(") and any(p.end == mention.start - 1 for p in parks)


def _lead_park(context: ItemContext, draft: EventDraft, sents: list[Sentence]) -> list[str]:
    """The one park the item's lead sentence names, the item's subject when its headline names
    none (rule entity.event.parks_by_class_word keeps a sentence about a class of parks out)."""
    body = [s for s in sents if context.text[s.start : s.end].strip() not in (context.headline or "")]
    if not body or NAMES_PARKS_BY_CLASS.test(draft.evidence):
        return []
    lead = body[0]
    named = {m.name for m in context.mentions if m.kind == "park" and lead.start <= m.start < lead.end}
    return list(named) if len(named) == 1 else []


def _paragraph_park(context: ItemContext, draft: EventDraft, sents: list[Sentence]) -> list[str]:
    """The one park the event's paragraph names before the event's sentence (苏州高新区坚持…。
    6月10日，召开科技大会), the paragraph's subject; none when it names several, or when the
    event's sentence speaks of parks by a word that names none (国家高新区总数达145家)."""
    start = draft.start - context.offset
    own = next((s for s in sents if s.start <= start < s.end), None)
    if own is None or NAMES_PARKS_BY_CLASS.test(draft.evidence):
        return []
    earlier = [s for s in sents if s.paragraph == own.paragraph and s.end <= start]
    named = {
        m.name for m in context.mentions if m.kind == "park" for s in earlier if s.start <= m.start < s.end
    }
    return list(named) if len(named) == 1 else []


_COUNTED_PARKS = rule(
    "entity.event.counted_parks",
    "entity",
    pattern=rf"(?<![\d.])(?P<count>\d+|[两二三四五六七八九十])(?:家|个)[^，。；、\d]{{0,6}}?"
    rf"(?:{lx.alternation(lx.PARK_WORDS)})",
    matches=("首批5家市级高新区合计占地50平方公里", "这3个园区共有企业800家"),
    misses=("全区企业5家", "园区新增企业12家"),
    why="首批5家高新区实现产值…: a count of parks refers back to the one list of that many parks before it",
)
_NUMERALS = "一两三四五六七八九十"


def _counted_parks(context: ItemContext, draft: EventDraft, sents: list[Sentence]) -> list[str]:
    """The parks a counted reference (这5家高新区) means: those of the nearest sentence before
    it in the item that names exactly that many parks."""
    count = _COUNTED_PARKS.search(draft.evidence)
    if count is None:
        return []
    number = count.group("count").replace("二", "两")
    wanted = int(number) if number.isdigit() else _NUMERALS.index(number) + 1
    start = draft.start - context.offset
    parks = [m for m in context.mentions if m.kind == "park"]
    for sentence in reversed([s for s in sents if s.end <= start]):
        named = [
            m.name
            for m in parks
            if sentence.start <= m.start < sentence.end and not _bracketed_alias(context.text, m, parks)
        ]
        if len(set(named)) == wanted:
            return list(dict.fromkeys(named))
    return []


def _most_specific(parks: list[str]) -> list[str]:
    """中关村 beside 中关村生命科学园 says nothing more: keep the parks no other one contains."""
    return [p for p in parks if not any(p != other and p in other for other in parks)]


def _usable(mention: DateMention) -> bool:
    return mention.role in ("point", "range", "vague") and not _glued_year_only(mention)


def _glued_year_only(mention: DateMention) -> bool:
    """'2024中关村论坛' names a year inside an event name: not the day of the event."""
    return mention.date.precision == "year" and "年" not in mention.phrase


def _lead_date(context: ItemContext, sents: list[Sentence]) -> DateMention | None:
    """The date of the item's first paragraphs that dates the event the item reports. Page
    furniture (a masthead or header line with the page's date, 2011年07月08日 来源：…) is
    passed over while the body gives a date of its own."""
    text = context.text
    furniture = [_HEADLINE_LIKE.test(text[s.start : s.end]) for s in sents]
    body = [s for s, is_furniture in zip(sents, furniture, strict=True) if not is_furniture]
    starts = [s.start for s in sents]
    for chosen, skip_furniture in ((body, True), (sents, False)):
        first_paragraphs = {s.paragraph for s in chosen[:3]}
        for mention in context.dates:
            index = bisect.bisect_right(starts, mention.start) - 1
            if (
                index < 0
                or mention.start >= sents[index].end
                or sents[index].paragraph not in first_paragraphs
            ):
                continue
            if skip_furniture and furniture[index]:
                continue
            sentence = sents[index]
            if _DATELINE.test(text[mention.end : mention.end + 2]) and any(
                m is not mention
                and m.date.precision == "day"
                and sentence.start <= m.start < sentence.end
                and not _RELATIVE_DAY.match(m.phrase)
                for m in context.dates
            ):
                continue  # 北京9月18日电 …17日，…: the stated day dates the event
            if _usable(mention) and (mention.date.precision == "day" or mention.role == "vague"):
                return mention
    return _dispatch_day(context, sents)


def _dispatch_day(context: ItemContext, sents: list[Sentence]) -> DateMention | None:
    """A dispatch that gives no day but its dateline's (新华社北京5月8日电 科技部召开…) reports
    something of that day or the days just before it: a vague date, the dateline's day, its
    window the two weeks up to it, as 近日 is read."""
    lead_end = sents[1].end if len(sents) > 1 else sents[0].end if sents else 0
    for mention in context.dates:
        if mention.start >= lead_end:
            return None  # a dateline opens its item: its headline, then the dispatch
        if (
            mention.role == "dateline"
            and mention.date.precision == "day"
            and _DISPATCH.test(context.text[mention.end : lead_end])  # its sentence gives no day
        ):
            day = mention.date.first_day()
            window = (day - dt.timedelta(days=_DISPATCH_DAYS), day)
            return replace(mention, role="vague", window=window)
    return None


def _lead_month(context: ItemContext, sents: list[Sentence]) -> DateMention | None:
    """A lead that gives only a month (今年5月，园区迎来好消息。…获批…): that month dates what the
    lead's next sentences report, when it is the only month the lead gives and no earlier item
    dates this one."""
    body = [s for s in sents if not _HEADLINE_LIKE.test(context.text[s.start : s.end])]
    lead = {s.paragraph for s in body[:2]}
    months = [
        m
        for m in context.dates
        if m.role == "point"
        and m.date.precision == "month"
        and _LEAD_MONTH.test(m.phrase)
        and any(s.paragraph in lead and s.start <= m.start < s.end for s in body[:2])
    ]
    return months[0] if len({m.date for m in months}) == 1 else None


_DISPATCH_DAYS = 14  # as 近日: the two weeks up to the day a report was filed
_DISPATCH = rule(
    "date.event.dispatch_day",
    "date",
    pattern=r"^(?:电(?![视话影子力商池动网台脑器气缆站车源])|讯)(?![^。！？\n]*?(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日)",
    matches=("电（记者王明）科技部召开会议。", "讯 园区举办论坛。"),
    misses=("电 园区8日举办论坛。", "电视台报道园区举办论坛。", "日，园区举办论坛。"),
    why="新华社北京5月8日电 科技部召开…: a dispatch whose text gives no day of its own reports "
    "what happened on or shortly before its filing day, read like 近日 of that day",
)
_LEAD_MONTH = rule(
    "date.event.lead_month",
    "date",
    pattern=r"^(?:(?:19|20)\d\d\s*年|今年|去年)?\s*(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月份?$",
    matches=("今年5月", "2023年11月份"),
    misses=("5月18日", "上半年", "5月以来"),
    why="今年5月，园区迎来好消息。园区获批…: a lead that names only a month dates what the item "
    "reports next, as a lead's day does",
)


def _sentence_events(
    context: ItemContext, sentence: Sentence, lead_date: DateMention | None, lead_paragraph: int = 0
) -> list[EventDraft]:
    text = context.text
    body = text[sentence.start : sentence.end]
    found: list[EventDraft] = []
    used_spans: list[tuple[int, int]] = []
    for kind in _ORDER:
        gate = _GATES.get(kind)
        if gate is not None and not gate.search(body):
            continue  # none of the kind's words: skip its slower patterns
        for trigger in _TRIGGERS[kind]:
            for match in trigger.finditer(body):
                at = sentence.start + match.start()
                trigger_end = sentence.start + match.end()
                if any(s <= at < e or s < trigger_end <= e for s, e in used_spans) and kind in (
                    "visit",
                    "launch",
                ):
                    continue
                intent = _intended(text, sentence.start, at, trigger_end, context.mentions)
                if intent == _INTENT.name:
                    continue
                after_name = sentence.start + match.end("name") if match.groupdict().get("name") else at
                if _FUTURE.search(text, after_name, trigger_end):
                    continue  # 论坛将于9月24日开幕: the future between the name and its verb
                if text[trigger_end : trigger_end + 1] == "的" and not match.groupdict().get("name"):
                    continue  # 发布的数据: a description, not the act
                name_span = (
                    (sentence.start + match.start("name"), sentence.start + match.end("name"))
                    if match.groupdict().get("name")
                    else None
                )
                date = _date_for(context, sentence, at, lead_date, name_span)
                borrowed = date is not None and not sentence.start <= date.start < sentence.end
                if date is None or (borrowed and _HEADLINE_LIKE.test(body)):
                    continue
                if _LISTED.test(body):
                    continue  # 南湖科技园获批国家级孵化器 2024-05-30: a link to another article
                if borrowed and _COMMENTED.test(text[trigger_end : sentence.end]):
                    continue  # 国务院同意X升级，是…的重大举措: a remark on an act, told of no day
                if _OPEN_SPAN.test(date.phrase):
                    continue  # 2007年以来，国务院先后批复103家…: acts across a span, none dated
                if borrowed and intent == _FRAME.name:
                    continue  # 通过举办论坛，吸引人才: a purpose or a manner, told of no day
                if borrowed and _ENUMERATED.test(body.lstrip()):
                    continue  # 二是召开一次纪念大会: an item of a list of measures or plans
                if kind == "launch" and _COMPOUND.test(text[trigger_end : trigger_end + 2]):
                    continue  # 量产车, 投产率: the launch word is part of a noun
                if borrowed and _RETROSPECTIVE.search(text, sentence.start, at):
                    continue  # 近年来，园区先后获批…: a summary of the past, not the item's news
                if (
                    borrowed
                    and date.role == "vague"
                    and sentence.paragraph > lead_paragraph
                    and not _AT_THE_LEAD.test(body)
                ):
                    continue  # a 近日 of the article's lead does not date what its later paragraphs recall
                name = match.groupdict().get("name") or ""
                if _after_publication(context, date):
                    continue  # 9月25日举行全体大会, told on 9月16日: a schedule, not a report
                if not name and _inside_title(body, match.start()):
                    continue  # 依据《国务院关于…的批复》: a word of a document's name, not an act
                if name and _MODIFIER.test(text[sentence.start + match.end("name") :][:6]):
                    continue  # 举行的2021年中关村论坛发布会: the name runs on into another gathering
                if kind != "statistic" and _background(context, date):
                    continue  # 1998年经国务院批准成立: the history an article recalls
                if kind in _GATHERING and _PLURAL.test(name):
                    continue  # 三届世界大会, 举办了五场路演: several gatherings, none dated
                if kind == "forum" and _ASSEMBLY.search(name):
                    continue  # 建设动员大会: a working meeting, found as one before the forums
                if (
                    kind in _GATHERING
                    and _BACK_REFERENCE.test(name)
                    and not _gives_the_day(date, sentence, lead_date)
                ):
                    continue  # 此次全国赛: the item's gathering, already reported
                if _NOT_AN_OCCURRENCE.test(text[trigger_end : trigger_end + 20]):
                    continue  # 举办12年来 (a span), 启动运行后，将… (a condition)
                if _DURING.test(text[trigger_end : trigger_end + 6]):
                    continue  # 考察期间，…: a part of the visit already reported
                if _RELATIVE_CLAUSE.test(text[trigger_end : trigger_end + 24]):
                    continue  # 签署合作协议的做法值得推广: the act describes a noun, it is not reported
                if _ACKNOWLEDGED.search(body):
                    continue  # 你市关于…的请示已收悉: the request, not the decision
                if _REPLY_FORMULA.pattern.match(text, at):
                    continue  # 现批复如下: the reply's body; the notice's release is the event
                if kind == "launch" and _STATE.search(text, max(sentence.start, at - 20), at):
                    continue  # 已基本建成, 陆续交付: how things stand, not something that happened
                draft = _draft(context, sentence, kind, date, name, at, trigger)
                if draft is not None:
                    if _INTENT_OK.search(text[max(sentence.start, at - 4) : trigger_end]):
                        draft.rules.insert(1, _INTENT_OK.name)  # 拟认定: a shortlist, though it says 拟
                    found.append(draft)
                    also = match.span("also") if match.groupdict().get("also") else None
                    if also:  # 论坛暨孵化基地开园仪式举行: the ceremony joined to it is its own event
                        used_spans += [
                            (at, sentence.start + also[0]),
                            (sentence.start + also[1], trigger_end),
                        ]
                    else:
                        used_spans.append((at, trigger_end))
                break  # one event per kind and sentence
    return _drop_shadowed(found, body)


def _gives_the_day(date: DateMention, sentence: Sentence, lead_date: DateMention | None) -> bool:
    """此次论坛于6月12日举行 after a lead that said only 近日: the day of the item's gathering,
    which deduplication gives the lead's event (date.event.vague_refined)."""
    own = sentence.start <= date.start < sentence.end
    return own and date.date.precision == "day" and lead_date is not None and lead_date.role == "vague"


def _drop_shadowed(found: list[EventDraft], body: str = "") -> list[EventDraft]:
    """A visit that is the 调研座谈 of a meeting, or a launch that is a signing, is one event;
    a signing and a launch joined by 和 (项目签约和产业园开工活动) are two."""
    kinds = {d.kind for d in found}
    if "meeting" in kinds:
        found = [d for d in found if d.kind != "visit"]
    if "park_signup" in kinds and not _SIGNING_AND_LAUNCH.test(body):
        found = [d for d in found if d.kind != "launch"]
    if "contest" in kinds:
        found = [d for d in found if d.kind not in ("park_signup",)]
    if "forum" in kinds:
        found = [d for d in found if d.kind != "meeting"]  # 年会开幕式暨全体会议: the forum's session
    return found


_SIGNING_AND_LAUNCH = rule(
    "filter.signing_and_launch",
    "filter",
    pattern=rf"签约(?:仪式)?(?:和|及|暨|与)[^，。；]{{2,30}}?(?:{lx.alternation(lx.LAUNCH_WORDS)})",
    matches=("江南战略性新兴产业项目集中签约和江南未来城产业园开工活动举行",),
    misses=("江南高新区与江北大学签约并揭牌", "双方签约揭牌"),
    why="项目集中签约和产业园开工活动: two acts of one day, joined by 和, are two events",
)


def _intended(
    text: str, sentence_start: int, at: int, trigger_end: int, mentions: Iterable[Mention] = ()
) -> str:
    """The name of the rule that makes the trigger an intention (将/计划/要 … before it in its
    clause) or frames it (围绕/通过…), or ""; words inside a name (未来产业园) do not count."""
    left, _ = _clause_bounds(text, sentence_start, min(len(text), at + 200), at)
    if _FUTURE.search(_QUOTED.pattern.sub(_blank, text[sentence_start:left])):
        return _INTENT.name  # 三明将在…方面……，从市级层面出台…
    begin = max(left, at - 30)
    chars = list(text[begin:at])
    for mention in mentions:
        for i in range(max(mention.start, begin), min(mention.end, at)):
            chars[i - begin] = "□"
    window = _QUOTED.pattern.sub(_blank, "".join(chars))
    if _INTENT_OK.search(text[max(sentence_start, at - 4) : trigger_end]):
        return ""
    if _INTENT.search(window):
        return _INTENT.name
    return _FRAME.name if _FRAME.search(window) else ""


def _blank(match: re.Match[str]) -> str:
    return "□" * len(match.group(0))


_QUOTED = rule(
    "filter.quoted_name",
    "filter",
    pattern=r"《[^》]{1,80}》|“[^”]{1,30}”",
    matches=("发布《三年行动计划》", "举办“火炬计划”成果展"),
    misses=("计划年内举办论坛",),
    why="《三年行动计划》, “火炬计划”: a word inside a quoted name (计划, 将, 要) is no intention",
)


_PLANNED_DATE = rule(
    "date.event.planned",
    "date",
    pattern=r"(?:将于|将在|拟于|定于|计划于|预计于|将)$",
    matches=("论坛将于",),
    misses=("论坛于",),
    why="论坛将于9月24日开幕: a planned day dates no event that has happened",
)
_EDITION_YEAR = rule(
    "date.event.edition_year",
    "date",
    pattern=r"^度",
    matches=("度省级孵化器名单",),
    misses=("，园区获批",),
    why="2024年度名单: the year of an annual list or programme is its edition, not the event's day",
)
_RELATIVE_DAY = re.compile(r"^(?:今天|今日|昨天|昨日|当天|当日|前天|本周|上周)")


def _anchor_rank(text: str, mention: DateMention) -> int:
    """Among dates of one precision: a stated day (17日) before a dateline's (9月18日电), and a
    dateline's before a relative day (今天), which means the dateline's day."""
    if _DATELINE.test(text[mention.end : mention.end + 2]):
        return 1
    return 0 if _RELATIVE_DAY.match(mention.phrase) else 2


def _date_for(
    context: ItemContext,
    sentence: Sentence,
    at: int,
    lead_date: DateMention | None,
    name_span: tuple[int, int] | None = None,
) -> DateMention | None:
    """The most precise usable date in the trigger's sentence, nearest the trigger; else the
    item's lead date (later sentences report segments of the same event). A dateline's day
    (新华社北京9月18日电) is the report's, and the year inside a gathering's name (IASP2025年世界
    大会) is its edition: neither dates the event."""
    inside = [
        m
        for m in context.dates_between(sentence.start, sentence.end)
        if _usable(m)
        and not _PLANNED_DATE.search(context.text[max(sentence.start, m.start - 4) : m.start])
        and not (m.date.precision == "year" and _EDITION_YEAR.test(context.text[m.end : m.end + 1]))
        and not (name_span and m.date.precision == "year" and name_span[0] <= m.start < name_span[1])
    ]
    if inside:
        rank = {"day": 3, "month": 2, "year": 1}
        return max(
            inside,
            key=lambda m: (rank[m.date.precision], _anchor_rank(context.text, m), -abs(m.start - at)),
        )
    if _SELF_ISSUED.search(context.text, sentence.start, sentence.end):
        # the notice's signature is page furniture; the pipeline has made the publication date
        # the signature's day (metadata), so a notice issuing a document is dated by it
        return DateMention(-1, -1, context.published.iso(), context.published, "point")
    return lead_date


_DATELINE = rule(
    "date.event.dateline",
    "date",
    pattern=r"^(?:电|讯)",
    matches=("电 江南论坛开幕", "讯 江南论坛开幕"),
    misses=("，江南论坛开幕",),
    why="新华社北京9月18日电, 鲁网10月27日讯: a dateline's day is the report's day, not the event's",
)
_DATE_SHAPE = r"\d{1,2}月\d{1,2}日|\d{4}年|[上中下]旬|近日|日前|近期"
_SELF_ISSUED = rule(
    "date.event.signature",
    "date",
    pattern=r"现将[^。；]{2,80}?(?:印发|转发|下发)给你们|现(?:予|就)?(?:印发|公布|发布)如下|现予(?:以)?(?:公布|公告|发布)"
    r"|(?<![发出表实体])现(?:确定|认定|命名|批准|同意)"
    r"|现将[^。；]{2,80}?(?:备案|确定|认定|命名)为",
    matches=(
        "现将《江南高新区管理办法》印发给你们，请遵照执行。",
        "名单现予公布如下",
        "经专家评审，现确定江南创新工场等20家机构为省级众创空间。",
        "现将江南创新工场孵化器等149家孵化器（详见附件）备案为国家级科技企业孵化器",
    ),
    misses=("市政府印发了《江南高新区管理办法》", "园区发现确定的方向有误"),
    why="a notice issuing a document (现将…印发给你们) or deciding (现确定…为…) is dated by its "
    "signature, the page's own date",
)
_OWN_DATE = rule(
    "date.event.own_sentence",
    "date",
    pattern=_DATE_SHAPE,
    matches=("6月12日，江南高新区举办科创论坛", "园区近日获批国家级孵化器"),
    misses=("江南高新区举办科创论坛",),
    why="the most precise date of the trigger's own sentence, nearest the trigger, dates the event",
)
_LEAD_DATE = rule(
    "date.event.item_lead",
    "date",
    predicate=lambda sentence: not re.search(_DATE_SHAPE, sentence),
    matches=("论坛上，十个项目集中签约",),
    misses=("6月12日，十个项目集中签约",),
    why="a sentence with no date of its own reports a segment of the item's lead event: its date",
)


def _date_rule(date: DateMention, sentence: Sentence) -> str:
    if date.start == -1:
        return _SELF_ISSUED.name
    return _OWN_DATE.name if sentence.start <= date.start < sentence.end else _LEAD_DATE.name


def _draft(
    context: ItemContext,
    sentence: Sentence,
    kind: str,
    date: DateMention,
    name: str,
    at: int,
    trigger: Rule,
) -> EventDraft | None:
    text = context.text
    evidence = text[sentence.start : sentence.end].strip()
    if len(evidence) < 8:
        return None
    lead = (
        sentence.start
        if not text[sentence.start].isspace()
        else sentence.start + len(text[sentence.start :]) - len(text[sentence.start :].lstrip())
    )
    scope = [m for m in context.mentions if sentence.start <= m.start < sentence.end]
    draft = EventDraft(
        kind=kind,
        date=date.date,
        title="",
        evidence=evidence,
        start=context.offset + lead,
        end=context.offset + lead + len(evidence),
        item_index=context.item_index,
        date_phrase=date.phrase,
        end_date=date.end_date if date.role == "range" and kind != "statistic" else None,
        window=date.window if date.role == "vague" else None,
        rules=[trigger.name, _date_rule(date, sentence)],
    )
    _attach(draft, scope, text)
    _place_parties(draft, evidence, [m for m in scope if m.kind in ("park", "organisation")])
    if kind == "policy_release":
        _subject_issues(draft, [m for m in scope if m.start < at])
        if not draft.policies and _UNBRACKETED_TITLE.test(name):
            draft.policies.append(name)  # 发布…的倡议: a titled document written without 《》
            draft.rules.append(_UNBRACKETED_TITLE.name)
    if kind in ("policy_release", "park_signup") and not draft.policies:
        _document_named_bare(draft, evidence, [m for m in context.mentions if m.start < sentence.start])
    if kind == "launch" and len(name) >= 6:
        for mention in context.mentions:  # 新赛道培育行动 启动 ← 《新赛道培育行动方案》
            if mention.kind == "policy" and mention.name.startswith(name):
                _add(draft.policies, mention.name)
    who = next((n for n, role in draft.organisations if role in ("organiser", "issuer")), "")
    known = next(iter(draft.parks), "") or next((n for n, _ in draft.organisations), "")
    draft.title, title_rule = compose_title(kind, name, evidence, at - lead, who, known)
    draft.rules.append(title_rule)
    parked = bool(_BARE_PARK.pattern.search(evidence)) and any(m.kind == "park" for m in context.mentions)
    if not (_supported(draft, name, evidence) or parked):  # 园区…投产: the item's park acts
        return None
    for person in (m for m in scope if m.kind == "person" and m.organisation and m.start < at):
        if _ACTOR.test(text[person.end : at]):  # 张三一行考察…: the actor's body takes part
            _add_org(draft, person.organisation, "participant")
    return draft


_BARE_DOCUMENT = rule(
    "policy.event.document_named_bare",
    "policy",
    pattern=rf"^(?:[^，。；]{{0,6}}[，,])?(?P<word>{lx.alternation(lx.NOTICE_ENDINGS)})(?:明确|提出|指出|要求|同意|规定)",
    matches=("批复明确，同意北湖科技园升级为国家高新区", "会上，方案提出五项任务"),
    misses=("省政府批复同意北湖科技园升级", "《批复》明确"),
    why="批复明确，同意…: the document word alone names the last document of that kind the item named",
)


def _document_named_bare(draft: EventDraft, evidence: str, before: list[Mention]) -> None:
    """批复明确，同意X升级: the document is the last one before the sentence whose title ends
    in that word (《国务院关于同意X升级…的批复》)."""
    match = _BARE_DOCUMENT.search(evidence)
    if match is None:
        return
    named = [m for m in before if m.kind == "policy" and m.name.endswith(match.group("word"))]
    if named:
        _add(draft.policies, named[-1].name)
        draft.rules.append(_BARE_DOCUMENT.name)


_UNBRACKETED_TITLE = rule(
    "policy.event.unbracketed_title",
    "policy",
    pattern=r"^(?!相关|有关|一系列|系列|多项|一批|新|该|此|本)[^，。；]{8,}$",
    matches=("江南科技园区开放创新倡议",),
    misses=("一系列支持政策", "相关措施"),
    why="发布…的倡议: a document written without 《》 is still a titled document, unless a class",
)


def _subject_issues(draft: EventDraft, before: list[Mention]) -> None:
    """'大连高新区……于2020年10月1日出台《…》': with no body named beside the verb, the
    sentence's subject (its first park or body) is the issuer."""
    if any(role == "issuer" for _, role in draft.organisations):
        return
    subject = next((m for m in before if m.kind in ("park", "organisation")), None)
    if subject is None:
        return
    draft.organisations = [(n, r) for n, r in draft.organisations if n != subject.name]
    draft.organisations.insert(0, (subject.name, "issuer"))


_PARTIES = rule(
    "trigger.park_signup.parties",
    "trigger",
    pattern=r"[\u4e00-\u9fff]{2,20}与[\u4e00-\u9fff]{2,20}(?:签署|签订|签约)(?:了)?[^，。；]{0,12}?(?:协议|合作|备忘录)",
    matches=("会上，江南市与北海市签署了深化战略合作协议",),
    misses=("江南市与北海市开展了交流",),
    why="A与B签署…协议: two named parties sign, though neither is a park or body we know",
)
_DESIGNATION = rule(
    "trigger.park_signup.designation",
    "trigger",
    pattern=r"(?:认定|命名|确定|遴选|将)[^，。；]{2,40}?等?\d+(?:家|个)[^，。；]{0,16}?为[^，。；]{4,40}|"
    r"(?:认定|命名)[^，。；]{2,30}?为[^，。；]{2,20}?(?:孵化器|基地|园区|示范区|高新区|众创空间|中心)|"
    r"为[^，。；]{2,30}?(?:孵化器|基地|园区|示范区|高新区|众创空间|科技园)(?:授牌|颁牌)",
    matches=(
        "认定江南创新港等15家单位为2024年度省级科技企业孵化器",
        "命名江南数字港为省级众创空间",
        "之后，有关领导为新一期的国家级、省级科技企业孵化器授牌",
    ),
    misses=("认定工作将于下月启动",),
    why="认定X等15家单位为…, 为新一批孵化器授牌: parks are designated, though none is a park or body we know",
)
_QUOTED_NAME = rule(
    "filter.launch_named_thing",
    "filter",
    pattern=r"[“《「『][^”》」』]{2,30}[”》」』]",
    matches=("“江南一号”卫星成功发射", "加工区改名为「科技产业园区」，院长主持揭牌"),
    misses=("卫星成功发射",),
    why="a launch with no park or body needs a named thing: a quoted name will do",
)


def _supported(draft: EventDraft, name: str, evidence: str) -> bool:
    """An event needs someone or something it is about: a sign-up needs a park or a body, a
    launch a named thing; others a named entity or a proper event name."""
    has_actor = bool(draft.parks or draft.organisations)
    if draft.kind == "park_signup":
        return has_actor or _PARTIES.test(evidence) or _DESIGNATION.test(evidence)
    if draft.kind == "launch":
        return has_actor or bool(draft.policies) or len(name) >= 6 or bool(_QUOTED_NAME.search(evidence))
    return has_actor or bool(draft.people or draft.policies) or len(name) >= 6


# the park's administration acts (高新区出台…); not when the name runs on (中关村未来产业园集中发布)
_ACTS_AS_ORG = rule(
    "entity.event.park_acts_as_body",
    "entity",
    pattern=r"^(?![\u4e00-\u9fff]{0,8}?(?:园|区))[^，。；]{0,12}?(?:主办|承办|协办|指导|出台|印发|发布(?!会)|制定)",
    matches=("管委会出台了十条措施", "主办的论坛"),
    misses=("未来产业园集中发布", "举办论坛", "论坛新闻发布会"),
    why="高新区出台…: the park's administration acts as a body; not when the name runs on (…产业园发布)",
)


def _attach(draft: EventDraft, mentions: Iterable[Mention], text: str) -> None:
    """Parks, organisations (with a role), people and policies of the event's scope."""
    for mention in mentions:
        if mention.kind == "park":
            _add(draft.parks, mention.name)
            if _ACTS_AS_ORG.test(text[mention.end : mention.end + 20]):
                _add_org(draft, mention.name, _role(text, mention.end))
        elif mention.kind == "organisation":
            if not _no_party(text, mention, draft.kind):
                _add_org(draft, mention.name, _role(text, mention.end, draft.kind))
        elif mention.kind == "person":
            if not _cited_leader(text, mention):
                _add(draft.people, mention.name)
        elif mention.kind == "policy" and not _delivered(text, mention):
            _add(draft.policies, mention.name)


_DELIVERED = rule(
    "policy.delivered_speech",
    "policy",
    pattern=r"(?:作|做)了?(?:题为)?$",
    matches=("司长张三代表科技部作了", "局长李四作题为"),
    misses=("科技部印发了", "会议审议了"),
    why="局长作了《…工作报告》: a report delivered at a meeting is a speech, not a policy of the event",
)


def _delivered(text: str, mention: Mention) -> bool:
    """Whether a 《…》 title is a speech someone delivers (作了《…报告》), not a document."""
    return _DELIVERED.test(text[max(0, mention.start - 8) : mention.start])


_ACTOR = rule(
    "entity.event.actor_body",
    "entity",
    pattern=r"^(?:一行|等|同志)?(?:带队|带领|率队|率团|率)?[^，。；]{0,12}$",
    matches=("一行实地", "带队到"),
    misses=("表示，园区要", "的讲话精神，园区"),
    why="张三一行考察园区: the person who does the act of the event brings the body they act for",
)
_PLACE = r"[\u4e00-\u9fff]{2,8}?(?:省|市|区|县)"
_PLACE_PARTIES = rule(
    "entity.event.place_party",
    "entity",
    pattern=rf"(?:^|(?<=[，,：:；\s]))(?P<a>{_PLACE})与(?P<b>{_PLACE})(?:正式)?(?:签署|签订|签约)",
    matches=("会上，江南市与北海市海港区签署了战略合作协议",),
    misses=("会上，江南市科技局与北海市签署了协议", "江南市与北海市开展了交流"),
    why="江南市与北海市签署协议: a place that signs stands for its government, a party to the event",
)


def _place_parties(draft: EventDraft, evidence: str, bodies: list[Mention]) -> None:
    """聊城市与北京市海淀区签署…: the places that sign are parties, unless they are a park or a
    body already found (江南高新区与北海市签约). The place is recorded as printed: the text names
    no government, so none is made up (江南市 stays 江南市, not 江南市人民政府)."""
    names = {m.surface for m in bodies}
    for match in _PLACE_PARTIES.finditer(evidence):
        for place in match.group("a", "b"):
            if place not in names and not place.endswith(tuple(lx.PARK_WORDS)):
                _add_org(draft, place, "participant")


# 新华社石家庄5月9日电, 本报记者, 据新华社报道: the messenger, not a party to the event
_DATELINE_AFTER = rule(
    "entity.event.messenger",
    "entity",
    pattern=r"^(?:[^，。；]{0,8}?\d{1,2}月\d{1,2}日电|(?:记者|讯|报道|消息|供图|摄|客户端))",
    matches=("石家庄6月9日电 园区揭牌", "记者王明报道"),
    misses=("主办的论坛", "与园区签约"),
    why="新华社石家庄6月9日电, 本报记者: the messenger of the news is no party to the event",
)


def _reporting(text: str, mention: Mention) -> bool:
    return (
        _DATELINE_AFTER.test(text[mention.end : mention.end + 24])
        or text[max(0, mention.start - 1) : mention.start] == "据"
    )


_RECIPIENT = rule(
    "entity.event.recipient",
    "entity",
    pattern=r"向(?P<to>[^，。；《]{2,40}?)(?:印发|下发|下达|发出|印送)",
    matches=("省政府办公厅近日向北海市、南湖市人民政府印发了《批复》",),
    misses=("省政府办公厅印发了《批复》", "向企业介绍了政策"),
    why="省政府办公厅向北海市人民政府印发…: the bodies a document is sent to do not issue it",
)


def _recipient(text: str, mention: Mention) -> bool:
    """Whether a body stands among those a document is sent to (向X、Y印发)."""
    return any(
        match.start("to") < mention.end and mention.start < match.end("to")
        for match in _RECIPIENT.pattern.finditer(text, max(0, mention.start - 50), mention.end + 50)
    )


def _possessor(text: str, mention: Mention) -> bool:
    """依据国务院的要求: a body whose wish or plan is cited, not a party (rule entity.event.possessor)."""
    return _POSSESSOR.test(text[mention.end : mention.end + 8])


_POSSESSOR = rule(
    "entity.event.possessor",
    "entity",
    pattern=r"^的(?:要求|部署|精神|指示|决策|统一部署|安排|支持|指导下|关心)",
    matches=("的要求，现将方案印发给你们", "的统一部署"),
    misses=("主办的论坛", "的专家出席会议"),
    why="按照国务院的要求印发: a body whose requirement or plan is cited is no party to the event",
)


def _no_party(text: str, mention: Mention, kind: str) -> bool:
    """A body printed in the event's scope that takes no part in it: an honour, a former post, the
    messenger, a possessor or cited authority, or (for a release) its recipient."""
    return (
        _honorific(text, mention)
        or formerly_served(text, mention)
        or _reporting(text, mention)
        or _possessor(text, mention)
        or _CITED_AUTHORITY.test(text[max(0, mention.start - 12) : mention.start])
        or (kind == "policy_release" and _recipient(text, mention))
    )


def _cited_leader(text: str, mention: Mention) -> bool:
    return _CITED_LEADER.test(text[max(0, mention.start - 12) : mention.start])


_CITED_LEADER = rule(
    "entity.event.cited_leader",
    "entity",
    pattern=r"(?:贯彻|落实|学习|领会|践行|遵循|按照)[^，。；：]{0,8}$",
    matches=("认真贯彻落实", "深入学习"),
    misses=("市长", "会上，"),
    why="认真贯彻落实张三总书记…重要讲话精神: a leader whose words are carried out is cited, he takes"
    " no part in the event",
)
_CITED_AUTHORITY = rule(
    "entity.event.cited_authority",
    "entity",
    pattern=r"(?:落实|贯彻|遵照|响应)[^，。；：]{0,8}$",
    matches=("为深入落实党中央、", "为贯彻"),
    misses=("由", "会议由省科技厅和"),
    why="为落实党中央、国务院…的决策部署，工信部举办大赛: a body whose decision is carried out is"
    " cited, it is no party to the event",
)


def _honorific(text: str, mention: Mention) -> bool:
    """中国工程院院士张三: an honour of the person, not a body taking part."""
    return _ACADEMY.test(text[mention.end : mention.end + 2])


_ACADEMY = rule(
    "entity.event.academy_honour",
    "entity",
    pattern=r"^院士",
    matches=("院士张三",),
    misses=("副院长张三",),
    why="中国工程院院士张三: the academy is an honour of the person, not a body taking part",
)


_SUPPORTING = rule(
    "entity.event.supporter",
    "entity",
    pattern=r"^[^，。；]{0,12}?(?:协办|赞助|提供支持|支持单位|特别支持)",
    matches=("、江南银行协办", "提供支持"),
    misses=("联合主办", "承办"),
    why="江南银行协办, X提供支持: a co-sponsor or supporter lends its name; it takes no part",
)


def _role(text: str, end: int, kind: str = "") -> str:
    after = text[end : end + 14]
    if re.match(r"^[^，。；]{0,12}?主办", after):
        return "organiser"
    if _SUPPORTING.test(after):
        return "supporter"
    if re.match(r"^[^，。；]{0,12}?承办", after):
        return "host"
    if kind == "policy_release" or re.match(r"^[^，。；]{0,8}?(?:印发|出台|发布|制定)", after):
        return "issuer"
    return "participant"


def _add(values: list[str], name: str) -> None:
    if name not in values:
        values.append(name)


_SOURCE = rule(
    "entity.event.source_credit",
    "entity",
    pattern=r"(?:来源|稿源|出处|转载自|转自|来自)\s*[:：]\s*$",
    matches=("来源：", "稿源: "),
    misses=("会议由", "主办单位："),
    why="来源：江南日报: the source an item credits is the messenger, no party to the event",
)
_MEDIA = rule(
    "entity.event.media_headline",
    "entity",
    pattern=rf"(?:{lx.alternation(lx.MEDIA_HEADS)})$",
    matches=("江南日报社", "北湖科技导报", "东海电视台"),
    misses=("江南日报社青年编辑部", "北湖科技园", "东海报业集团有限公司"),
    why="江南日报：园区营收增长: a newspaper opening a headline with a colon credits the story",
)


def _credited(text: str, mention: Mention) -> bool:
    """来源：江南日报, or 江南日报：… opening a line: the item's source, not a party (its
    people who chair or speak still bring it in)."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    headline = (
        not text[line_start : mention.start].strip()
        and text[mention.end : mention.end + 1] in (":", "：")
        and _MEDIA.test(mention.name)
    )
    return headline or _SOURCE.test(text[max(0, mention.start - 8) : mention.start])


def _add_org(draft: EventDraft, name: str, role: str) -> None:
    if role == "supporter":
        return  # rule entity.event.supporter
    if role == "participant" and _PARTY_COMMITTEE.test(name):
        return  # rule entity.event.party_committee_of_official
    division = _DIVISION.pattern.match(name)
    if division:  # rule entity.event.division_of_institution: 火炬中心孵化器管理处 → 火炬中心
        name = division["institution"]
    if all(existing != name for existing, _ in draft.organisations):
        draft.organisations.append((name, role))


# ---------------------------------------------------------------- statistics


def _statistics(context: ItemContext, sents: list[Sentence]) -> list[EventDraft]:
    """One statistic per period, subject and measure (a total as of a day, or what a period
    produced): the first sentence that gives a figure for it. A later sentence giving it again
    (the headline's figure, then 主任张三介绍，…) adds who states it (rule entity.event.restated_figure)."""
    text = context.text
    drafts: list[EventDraft] = []
    seen: dict[tuple[str, tuple[str, ...], bool], EventDraft] = {}
    parks_paragraph = -1  # the paragraph whose last sentence named parks
    for sentence in sents:
        body = text[sentence.start : sentence.end]
        continues = parks_paragraph == sentence.paragraph and _SAME_SUBJECT.test(body)
        parks_paragraph = sentence.paragraph if _PARKISH.search(body) else -1
        if not _FIGURE.search(body) or not _METRIC.search(body):
            continue
        if not (_STAT_TOPIC.search(body) or _PARK_COUNT.test(body)):
            continue
        if _TARGET.search(body):
            continue  # 提出到2020年数量要达到240家: a target, not a figure
        if not (_PARKISH.search(body) or _PARKISH.search(context.headline) or continues):
            continue  # figures of a park or of the parks, not of the economy at large
        if _A_DAYS_FIGURE.test(body):
            continue  # 6月16日，…签约仪式举行，28个项目现场签约: the figure of a day's event
        found = _period(context, sentence)
        if found is None:
            continue
        period, period_rule = found
        scope = [m for m in context.mentions if sentence.start <= m.start < sentence.end]
        parks = tuple(sorted({m.name for m in scope if m.kind == "park"}))
        stock = period_rule == _AS_OF_NOW.name
        key = (period.iso(), parks, stock)  # a total as of a day, and the flow of a period
        if key in seen:
            if _RESTATED.test(body):
                _attach(seen[key], [m for m in scope if m.kind in ("person", "organisation")], text)
            continue
        evidence = body.strip()
        lead = sentence.start + (len(body) - len(body.lstrip()))
        figure = _FIGURE.search(evidence)
        draft = EventDraft(
            kind="statistic",
            date=period,
            title="",
            evidence=evidence,
            start=context.offset + lead,
            end=context.offset + lead + len(evidence),
            item_index=context.item_index,
            date_phrase=period.iso(),
            rules=[_FIGURE.name, _METRIC.name, _PARKISH.name, period_rule],
        )
        _attach(draft, scope, text)
        if not draft.people:
            _speaker_of(draft, context, sents, sentence)
        earlier = [m.name for m in context.mentions if m.kind == "park" and m.start < sentence.start]
        park = draft.parks[0] if draft.parks else (earlier[-1] if earlier else "")  # whose figure
        draft.title, title_rule = statistic_title(evidence, figure.span() if figure else None, park)
        draft.rules.append(title_rule)
        drafts.append(draft)
        seen[key] = draft
    return drafts


def _speaker_of(draft: EventDraft, context: ItemContext, sents: list[Sentence], sentence: Sentence) -> None:
    """A figure in the paragraph of a speaker's words (张三介绍，…。今年前三季度，…) is theirs: the
    last person of the paragraph who speaks before it, and their body (entity.event.speaker_of_figure)."""
    start = min(s.start for s in sents if s.paragraph == sentence.paragraph)
    speakers = [
        m
        for m in context.mentions
        if m.kind == "person"
        and start <= m.start < sentence.start
        and _SPEAKER_OF_FIGURE.test(context.text[m.end : m.end + 12])
    ]
    if speakers:
        _add(draft.people, speakers[-1].name)
        if speakers[-1].organisation:
            _add_org(draft, speakers[-1].organisation, "participant")


_SPEAKER_OF_FIGURE = rule(
    "entity.event.speaker_of_figure",
    "entity",
    pattern=rf"^(?:\d{{1,2}}日)?(?:在[^，。；]{{0,8}})?(?:{_SAYING})[，,：:]",
    matches=("12日介绍，", "介绍：", "在会上表示，", "在主旨演讲中谈到，"),
    misses=("出席会议。", "的讲话精神，"),
    why="张三介绍，截至…178家。今年前三季度，…: the figures after a speaker's words are theirs",
)
_RESTATED = rule(
    "entity.event.restated_figure",
    "entity",
    pattern=rf"(?:{_SAYING})[，,：:]",
    matches=(
        "火炬中心主任张三6日介绍，园区2023年营业收入达8000亿元",
        "园区负责人强调，今年园区营业收入增长12%",
    ),
    misses=("2023年园区营业收入达8000亿元，同比增长10%",),
    why="a figure told again by a speaker (张三介绍，…): the speaker and their body state the statistic",
)


def _period(context: ItemContext, sentence: Sentence) -> tuple[PartialDate, str] | None:
    """The year a figure covers (an explicit year, a part-year range, or 截至 a date), with the
    name of the rule that found it."""
    text = context.text
    inside = [
        m
        for m in context.dates_between(sentence.start, sentence.end)
        if not _BASE_YEAR.search(text[max(0, m.start - 2) : m.start])  # a comparison's base year
    ]
    reached = [m for m in inside if re.search(r"(?:至|到)$", text[max(0, m.start - 2) : m.start])]
    for mention in reached[-1:] + inside:
        if mention.role == "range" and mention.end_date and mention.end_date.year == mention.date.year:
            return PartialDate(mention.date.year), _PERIOD.name
        if mention.role == "cumulative":
            return mention.date, _AS_OF_NOW.name
        if mention.role == "point" and mention.date.precision == "year" and not _glued_year_only(mention):
            return mention.date, _PERIOD.name
    as_of = _AS_OF_NOW.search(text, sentence.start, sentence.end)
    if as_of and all(m.role == "vague" or m.end <= as_of.start for m in inside):
        # 目前…总数已达145家; 近日…批复…，至此…已达19家: the dates before 至此 date the acts before it
        before = [m for m in inside if m.role != "vague"]
        return PartialDate((before[-1].date if before else context.published).year), _AS_OF_NOW.name
    if not inside and _GROWN_TO.search(text, sentence.start, sentence.end):
        return PartialDate(context.published.year), _GROWN_TO.name  # 由2020年的169家增至178家
    if not inside:
        year = _headline_year(context)
        if year is not None:
            return year, _HEADLINE_YEAR.name  # 济南高新区2021年成绩单: …实现生产总值1510亿元
    return None


def _headline_year(context: ItemContext) -> PartialDate | None:
    """The year a report names in its headline or first paragraph (X高新区2021年成绩单, 2021年
    是…交出了一份成绩单), for its undated figures."""
    first = context.text.lstrip()
    opening = context.headline or ""
    cut = min(first.find("\n") if "\n" in first else len(first), 300)  # the first paragraph
    opening = f"{opening}\n{first[:cut]}"
    if not _HEADLINE_YEAR.test(opening):
        return None
    reach = len(context.text) - len(first) + cut
    for mention in context.dates:
        if mention.start >= reach:
            break
        if mention.date.precision == "year" and "年" in mention.phrase and mention.role == "point":
            return mention.date
    return None


_HEADLINE_YEAR = rule(
    "date.statistic.headline_year",
    "date",
    pattern=r"\d{4}年[^\n]{0,160}?(?:成绩单|年报|统计公报|经济运行|发展情况|回眸|盘点)",
    matches=("江南高新区2023年成绩单出炉", "2023年是园区建区十周年，全区交出了一份亮眼成绩单"),
    misses=("江南高新区举办2023年创新大赛",),
    why="a headline or first paragraph that names the year of a report (2021年成绩单) dates the"
    " figures it gives",
)


_BASE_YEAR = rule(
    "date.statistic.base_year",
    "date",
    pattern=r"(?:较|比|从|由|同比|相比|自)$",
    matches=("营收较",),
    misses=("营收在",),
    why="较2023年, 从2020年的169家: the base year of a comparison is not the period of the figure",
)
_GROWN_TO = rule(
    "date.statistic.grown_to",
    "date",
    pattern=r"由[^，。；]{0,20}?(?:增至|增加到|增加至|增长到|增长至|提升至|提高到|提高至|升至|扩大到|扩大至)",
    matches=("园区总数由2020年的120家增至156家", "企业数量由50家提高到80家"),
    misses=("园区总数增加了36家", "由市科技局主办"),
    why="由2020年的120家增至156家: a figure grown from a base year to now is the figure of the"
    " year of publication",
)
_PERIOD = rule(
    "date.statistic.period",
    "date",
    pattern=r"\d{4}年(?:\d{1,2}月)?(?:[至到—\-]\d{1,2}月)?",
    matches=("2023年园区实现营收1200亿元", "2024年1至7月新增企业300家"),
    misses=("园区实现营收1200亿元",),
    why="a figure is dated by the year (or part-year) it covers, not by the day it is released",
)
_AS_OF_NOW = rule(
    "date.statistic.as_of_now",
    "date",
    pattern=lx.alternation(lx.AS_OF_NOW_WORDS),
    matches=("目前园区共有高新技术企业356家", "省里近日批复两家园区更名，至此全省高新区已达20家"),
    misses=("园区共有高新技术企业356家",),
    why="目前…已达145家, 截至6月底: a total as of now (the year of publication, or of the act 至此"
    " follows) or as of a day",
)


# ---------------------------------------------------------------- tidying


_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


def _date_rank(draft: EventDraft) -> tuple[int, int]:
    return (0 if draft.window else 1, _PRECISION_RANK[draft.date.precision])


def _same_release(a: EventDraft, b: EventDraft) -> bool:
    return a.kind == b.kind == "policy_release" and bool(set(a.policies) & set(b.policies))


_ALIKE_KINDS = (
    {"visit", "meeting"},
    {"contest", "forum"},
    {"meeting", "park_signup"},  # 会议审议，认定X为…: the meeting is the decision
)


def _same_gathering(a: EventDraft, b: EventDraft) -> bool:
    """One event told twice under two kinds (调研+座谈, 大赛开幕式+峰会) on the same day."""
    return a.date == b.date and any({a.kind, b.kind} <= pair for pair in _ALIKE_KINDS) and a.kind != b.kind


def _told_together(a: EventDraft, b: EventDraft) -> bool:
    """In one sentence; a visit and the meeting of the next sentence (调研…。座谈…) or one of
    the article with the visitor in it; or a contest and the forum of its opening in one article."""
    if a.start == b.start:
        return True
    if {a.kind, b.kind} == {"visit", "meeting"}:  # or the visitors received (会见某某一行)
        return 0 <= b.start - a.end <= 2 or (
            a.item_index == b.item_index and bool(set(a.people) & set(b.people))
        )
    return {a.kind, b.kind} == {"contest", "forum"} and a.item_index == b.item_index


def _dedupe(drafts: list[EventDraft]) -> list[EventDraft]:
    """Segments of one reported event on the same day and of the same kind become one; a
    policy released in one document is one release, dated as precisely as the text allows."""
    kept: list[EventDraft] = []
    for draft in drafts:
        if _elaborates(kept, draft):
            _union(kept[-1], draft)
            continue
        recent = kept[-_DEDUPE_REACH:]  # linear: a segment repeats an event told shortly before
        release = next((k for k in recent if _same_release(k, draft)), None)
        if release is not None:
            if _date_rank(draft) > _date_rank(release):
                release.date, release.window, release.date_phrase = (
                    draft.date,
                    draft.window,
                    draft.date_phrase,
                )
                release.evidence, release.start, release.end = draft.evidence, draft.start, draft.end
            _union(release, draft)
            continue
        gathering = next((k for k in recent if _same_gathering(k, draft) and _told_together(k, draft)), None)
        if gathering is not None:
            _union(gathering, draft)
            continue
        dated = next((k for k in reversed(recent) if _refines(draft, k) and _similar(k, draft)), None)
        if dated is not None:  # 园区6月12日举办论坛 (its headline), then 近日，园区举办论坛: one forum
            dated.rules.append(_REFINED.name)
            _union(dated, draft)
            continue
        vague = next((k for k in reversed(recent) if _refines(k, draft)), None)
        if vague is not None:  # 近日，…举办论坛。…论坛于6月12日举行: the day the text gives
            vague.date, vague.window, vague.date_phrase = draft.date, None, draft.date_phrase
            vague.rules.append(_REFINED.name)
            _union(vague, draft)
            continue
        signed = next((k for k in recent if _same_signup(k, draft)), None)
        if signed is not None:
            _union(signed, draft)
            continue
        ceremony = next((k for k in recent if _attends_ceremony_of(k, draft)), None)
        if ceremony is not None:  # 当天出席揭牌典礼的有…: the guests of the launch told before
            _union(ceremony, draft)
            continue
        twin = next(
            (
                k
                for k in recent
                if k.kind == draft.kind
                and k.date == draft.date
                and k.kind not in ("statistic", "park_signup", "policy_release", "launch")
                and (k.item_index == draft.item_index or _similar(k, draft))
            ),
            None,
        )
        if twin is None:
            kept.append(draft)
            continue
        _union(twin, draft)
    return kept


_DEDUPE_REACH = 40  # events of an item compared with each new one


def _attends_ceremony_of(launch: EventDraft, draft: EventDraft) -> bool:
    """A later sentence of the item that tells who attended a ceremony on the launch's day."""
    return (
        launch.kind == draft.kind == "launch"
        and launch.date == draft.date
        and launch.item_index == draft.item_index
        and _ATTENDED_CEREMONY.test(draft.evidence)
    )


_ATTENDED_CEREMONY = rule(
    "filter.attended_ceremony",
    "filter",
    pattern=r"(?:出席|参加|见证|莅临)[^。；]{0,20}?(?:仪式|典礼)",
    matches=("当天出席落成启用揭牌典礼的有张三、李四", "局长张三出席启动仪式并致辞"),
    misses=("园区举行揭牌仪式", "江南创新中心正式揭牌成立"),
    why="园区服务大楼2日揭牌。当天出席揭牌典礼的有…: the guests of a launch told before, not a second launch",
)


def _refines(vague: EventDraft, draft: EventDraft) -> bool:
    """A later sentence of the item gives the day of an event its lead dated only 近日: the
    same kind, a day inside the window, and (but for a gathering) a party in common."""
    if vague.window is None or draft.window is not None or draft.date.precision != "day":
        return False
    if vague.kind != draft.kind or vague.item_index != draft.item_index or draft.kind == "statistic":
        return False
    window = f"{vague.window[0].isoformat()}..{vague.window[1].isoformat()}|{draft.date.iso()}"
    if not _REFINED.test(window):
        return False
    shared = set(vague.parks + vague.people + vague.policies) & set(
        draft.parks + draft.people + draft.policies
    )
    return draft.kind in _GATHERING or bool(shared)


def _inside_window(pair: str) -> bool:
    window, _, day = pair.partition("|")
    first, _, last = window.partition("..")
    return first <= day <= last


_REFINED = rule(
    "date.event.vague_refined",
    "date",
    predicate=_inside_window,
    matches=("2024-06-06..2024-06-20|2024-06-12",),
    misses=("2024-06-06..2024-06-20|2024-06-25", "2024-06-06..2024-06-20|2024-05-30"),
    why="近日 in the lead, 6月12日 later (as 'window|day'): the day inside the window dates the event",
)


def _same_signup(a: EventDraft, b: EventDraft) -> bool:
    """A reply's header, its summary and its decision (一、同意X升级为…) tell one sign-up: the
    same park, told in words that mostly agree; a ceremony's next sentence (会上为…授牌) too."""
    if a.kind != "park_signup" or b.kind != "park_signup":
        return False
    if a.item_index == b.item_index and a.date == b.date and _AT_THE_LEAD.test(b.evidence):
        return True  # rule date.event.at_the_lead: 会上为五家孵化器授牌 is the ceremony just told
    return bool(set(a.parks) & set(b.parks)) and _similar_text(a.evidence, b.evidence)


def _similar_text(a: str, b: str) -> bool:
    grams = lambda s: {s[i : i + 2] for i in range(len(s) - 1)}  # noqa: E731
    ga, gb = grams(a), grams(b)
    return bool(ga and gb) and len(ga & gb) / min(len(ga), len(gb)) >= 0.5


def _elaborates(kept: list[EventDraft], draft: EventDraft) -> bool:
    """'其中，A与B、C与D分别签约' details the event of the sentence before it."""
    if not kept or not re.match(r"^(?:其中|具体而言|具体来看)[，,]", draft.evidence):
        return False
    previous = kept[-1]
    return previous.kind == draft.kind and previous.date == draft.date and draft.kind != "statistic"


def _union(into: EventDraft, other: EventDraft) -> None:
    for park in other.parks:
        _add(into.parks, park)
    for name, role in other.organisations:
        _add_org(into, name, role)
    for person in other.people:
        _add(into.people, person)
    for policy in other.policies:
        _add(into.policies, policy)


def _similar(a: EventDraft, b: EventDraft) -> bool:
    grams = lambda s: {s[i : i + 2] for i in range(len(s) - 1)}  # noqa: E731
    ga, gb = grams(a.title), grams(b.title)
    if not ga or not gb:
        return False
    return len(ga & gb) / min(len(ga), len(gb)) >= 0.5


_GATHERING = ("forum", "meeting", "contest", "press_conference", "visit")


def _enrich_lead(context: ItemContext, drafts: list[EventDraft], sents: list[Sentence]) -> None:
    """Gatherings get the people who speak after them in the item, and their bodies: a speaker
    belongs to the last gathering reported before their words (the item's first one for the
    lead paragraphs)."""
    gatherings = sorted((d for d in drafts if d.kind in _GATHERING), key=lambda d: d.start)
    if not gatherings:
        return
    lead = gatherings[0]
    lead_paragraphs = {s.paragraph for s in sents[:2]}
    hosting = [m.span(group) for m in _HOSTED.finditer(context.text) for group in ("bodies", "hosts")]
    for mention in context.mentions:
        sentence = next((s for s in sents if s.start <= mention.start < s.end), None)
        in_lead = sentence is not None and sentence.paragraph in lead_paragraphs
        owner = next(
            (g for g in reversed(gatherings) if g.start <= context.offset + mention.start),
            lead if in_lead else None,
        )
        if owner is None:
            continue
        if mention.kind == "organisation" and _no_party(context.text, mention, owner.kind):
            continue
        if mention.kind in ("organisation", "park") and any(a <= mention.start < b for a, b in hosting):
            if mention.kind == "park":
                _add(owner.parks, mention.name)
            else:  # 本次大赛由X、Y联合主办，Z承办: the organisers and hosts of the gathering
                _add_org(owner, mention.name, _role(context.text, mention.end, owner.kind))
        elif (
            mention.kind == "person"
            and _acts(context.text, mention)
            and (mention.title or in_lead)
            and not _cited_leader(context.text, mention)
        ):
            _add(owner.people, mention.name)
            if _printed_office(context, mention) and not re.search(r"院士|教授|研究员|专家", mention.title):
                _add_org(owner, mention.organisation, "participant")
                for park in _committee_parks(context, mention):  # rule entity.event.committee_park
                    _add(owner.parks, park)
        elif mention.kind == "organisation" and _REPRESENTED.test(
            context.text[mention.end : mention.end + 80]
        ):
            _add_org(owner, mention.name, "participant")
        elif mention.kind == "park" and _SPEAKING_PARK.test(context.text[mention.end : mention.end + 60]):
            _add(owner.parks, mention.name)
        elif (
            mention.kind == "policy"
            and (
                in_lead
                or _told_beside(sents, sentence, owner.start - context.offset)
                or _worked_on(context.text, mention)
                or _THEME.test(f"{owner.title}|{mention.name}")
            )
            and not _delivered(context.text, mention)
        ):
            _add(owner.policies, mention.name)  # a plan presented or discussed at the gathering
        elif in_lead and owner is lead and not _recalled(context, sentence, lead):
            if mention.kind == "organisation" and _before_lead(context, sents, sentence, mention, lead):
                continue
            if mention.kind == "organisation" and not (
                _honorific(context.text, mention)
                or _reporting(context.text, mention)
                or formerly_served(context.text, mention)
                or _credited(context.text, mention)
            ):
                _add_org(lead, mention.name, _role(context.text, mention.end, lead.kind))
            elif mention.kind == "park":
                _add(lead.parks, mention.name)


_TOLD_BEFORE = rule(
    "entity.event.background_before_lead",
    "entity",
    pattern=r"[。！？；]",
    matches=("批准，升格为国家级高新区。4月29日，省政府",),
    misses=("在北湖市召开", "、江南大学联合主办的"),
    why="目前，园区已获国务院批准。4月29日，省政府召开…: a body an earlier sentence of the "
    "gathering's paragraph names tells its background, not a party to it",
)


def _before_lead(
    context: ItemContext, sents: list[Sentence], sentence: Sentence | None, mention: Mention, lead: EventDraft
) -> bool:
    """Whether a body is named in a sentence before the lead gathering's, in its paragraph."""
    at = lead.start - context.offset
    return (
        mention.end <= at
        and _told_beside(sents, sentence, at)
        and _TOLD_BEFORE.test(context.text[mention.end : at])
    )


def _told_beside(sents: list[Sentence], sentence: Sentence | None, at: int) -> bool:
    """Whether a sentence is in the paragraph that reports the gathering starting at ``at``."""
    told = next((s for s in sents if s.start <= at < s.end), None)
    return sentence is not None and told is not None and sentence.paragraph == told.paragraph


_WORKED_ON = rule(
    "policy.worked_on_at_gathering",
    "policy",
    pattern=r"(?:研究|审议|讨论|解读|学习|宣读|宣讲|落实|贯彻|围绕|聚焦)(?:了|好)?$",
    matches=("与会代表研究了", "要求各地落实好"),
    misses=("他指出，", "园区是我们的使命，"),
    why="会议研究了《…》: a plan a gathering studies or sets to work on is its policy; one a "
    "speaker only quotes later in the item (他指出，《纲要》提出…) is not",
)


def _shares_theme(pair: str) -> bool:
    """Whether a gathering's name and a plan's title share a run of six characters or more."""
    gathering, title = pair.split("|", 1)
    match = SequenceMatcher(None, gathering, title, autojunk=False).find_longest_match()
    return match.size >= 6


_THEME = rule(
    "policy.gathering_theme",
    "policy",
    predicate=_shares_theme,
    matches=("北湖绿色低碳园区发展论坛|北湖绿色低碳园区建设方案",),
    misses=("北湖园区发展论坛|江南高新区十四五发展规划",),
    why="北湖绿色低碳园区发展论坛 and 《北湖绿色低碳园区建设方案》: a plan named after a "
    "gathering's theme is what it discusses, wherever the item names it",
)


def _worked_on(text: str, mention: Mention) -> bool:
    """Whether the clause before a 《…》 title studies, discusses or implements it."""
    return _WORKED_ON.test(text[max(0, mention.start - 8) : mention.start])


def _reply_addressees(context: ItemContext, drafts: list[EventDraft]) -> None:
    """A reply (批复) answers the request of the bodies it is addressed to (重庆市人民政府：你市…):
    they take part in the release or the status it grants (rule entity.event.reply_addressee)."""
    if "批复" not in context.text:
        return
    addressees = [
        m.name
        for m in context.mentions
        if m.kind == "organisation" and _ADDRESSEE.test(context.text[m.end : m.end + 40])
    ]
    for draft in drafts:
        if draft.kind in ("policy_release", "park_signup"):
            for name in addressees:
                _add_org(draft, name, "participant")


_ADDRESSEE = rule(
    "entity.event.reply_addressee",
    "entity",
    pattern=r"^(?:、[^\s：:，。、《》]{2,30})*[：:](?:\s*你|[^\S\n]*\n|$)",
    matches=("：你市关于升级的请示收悉。", "、省科技厅：\n", "："),
    misses=("：园区要加快发展。", "印发《方案》："),
    why="北湖市人民政府：你市…请示收悉: the body a reply is addressed to asked for it, and takes part",
)


def _ceremony_guests(context: ItemContext, drafts: list[EventDraft], sents: list[Sentence]) -> None:
    """An item that reports a launch (揭牌, 下线, 开园) and no gathering: the officials its lead
    paragraphs say attend or speak (省长王五出席活动), and the people a sentence lists as those
    who attended the ceremony (当天出席揭牌典礼的，有张三、李四), are the ceremony's guests (rules
    entity.event.ceremony_guest, filter.attended_ceremony). Their bodies are not: a guest's office
    is not a party."""
    launches = [d for d in drafts if d.kind == "launch"]
    if not launches or any(d.kind in _GATHERING for d in drafts):
        return
    launch = min(launches, key=lambda d: d.start)
    lead_paragraphs = {s.paragraph for s in sents[:2]}
    starts = [s.start for s in sents]
    for mention in context.mentions:
        if mention.kind != "person":
            continue
        index = bisect.bisect_right(starts, mention.start) - 1
        if index < 0 or mention.start >= sents[index].end:
            continue
        sentence = sents[index]
        told_after = (  # 省长王五出席活动: a titled official of the lead who attends or speaks
            mention.title
            and sentence.paragraph in lead_paragraphs
            and _CEREMONY_GUEST.test(context.text[mention.end : sentence.end])
        )
        listed = _ATTENDED_CEREMONY.test(context.text[sentence.start : mention.start])  # 出席典礼的有X、Y
        if told_after or listed:
            _add(launch.people, mention.name)


_CEREMONY_GUEST = rule(
    "entity.event.ceremony_guest",
    "entity",
    pattern=rf"(?:{_AT_A_GATHERING}|{lx.alternation(lx.LAUNCH_WORDS)})",
    matches=("、省长王五出席活动。", "先后致辞。", "、区长李四主持仪式。", "共同按下开园按钮，宣告开园。"),
    misses=("对园区建设作出批示。",),
    why="省委书记张三、省长李四出席活动: officials who attend, speak at or perform a launch (揭牌, "
    "开园) are its guests",
)
_HOSTED = rule(
    "entity.event.organisers",
    "entity",
    pattern=r"由(?P<bodies>[^，。；由]{2,120}?)(?:联合|共同)?(?:主办|承办|举办)"
    r"(?:[，,](?P<hosts>[^，。；由]{2,60}?)承办)?",
    matches=("本次大赛由江南市科技局、北海市科协联合主办，江南大学承办", "论坛由江南日报社和江南大学举办"),
    misses=("大赛由专家评委打分，江南银行协办", "江南市科技局主办的论坛"),
    why="本次大赛由X、Y主办，Z承办: the organisers and hosts told after a gathering take part in it",
)


def _recalled(context: ItemContext, sentence: Sentence | None, lead: EventDraft) -> bool:
    """A sentence of the lead dated in another year (火炬计划是国务院于1988年批准的) recalls the
    past: its bodies and parks take no part in the lead event (rule entity.event.recalled_past)."""
    if sentence is None or lead.date is None:
        return False
    years = {
        m.date.year
        for m in context.dates_between(sentence.start, sentence.end)
        if _RECALLED_PAST.test(m.phrase)
    }
    return bool(years) and lead.date.year not in years


_RECALLED_PAST = rule(
    "entity.event.recalled_past",
    "entity",
    pattern=r"^(?:19|20)\d{2}年",
    matches=("1988年8月",),
    misses=("8月", "昨天"),
    why="火炬计划于1988年8月批准: a lead sentence with its own year tells another event, not the lead's",
)
_ACTING = rule(
    "entity.event.speaker",
    "entity",
    pattern=rf"^(?:(?:{lx.alternation(lx.COURTESY_TITLES)})[，,]|[^，。；]{{0,8}}?(?:{_PART_TAKEN}))",
    matches=(
        "在会上表示",
        "致辞",
        "会见了考察团一行",
        "陪同考察",
        "带领有关负责人到会指导",
        "到会并讲话",
        "宣读了批复",
        "感谢各方支持",
        "先生，向大家介绍",
        "在会上透露",
        "率团考察园区",
    ),
    misses=("的指示精神",),
    why="a person who speaks, attends, hosts or accompanies takes part; one only referred to does not",
)
# a body whose people speak or attend: "…、招商银行相关负责人围绕…作演讲"
_REPRESENTED = rule(
    "entity.event.represented_body",
    "entity",
    pattern=r"^(?:[、和及与][^，。；、]{1,20}?)*(?:相关)?(?:负责人|代表|领导|嘉宾)[^。；]{0,30}?"
    rf"(?:{_AT_A_GATHERING})",
    matches=("、江南银行相关负责人围绕园区金融作演讲", "、江南大学代表在会上讲话"),
    misses=("的产品在展会上亮相",),
    why="…、招商银行相关负责人作演讲: a body whose people speak or attend takes part",
)

# a park whose people speak at the gathering: "江岸高新区、北塘高新区等5个高新区作了专题发言"
_SPEAKING_PARK = rule(
    "entity.event.speaking_park",
    "entity",
    pattern=r"^(?:[、和及与][^，。；、]{1,20}?)*(?:等[\d一二三四五六七八九十]+[个家][^，。；]{0,8}?)?"
    r"(?:的?(?:相关)?(?:负责人|代表|领导|主要负责同志))?(?:分别|先后|依次|也)?"
    r"(?:作了?|进行了?)(?:专题|典型|经验|交流|主旨|大会)*(?:发言|报告|演讲|介绍)",
    matches=("、北塘高新区等5个国家高新区作了专题发言", "代表作典型发言", "负责人先后作了交流发言"),
    misses=("作为全省首个高新区", "的发展报告显示", "、北塘高新区发展迅速"),
    why="…等5个高新区作了专题发言: a park whose people speak at a gathering takes part in it",
)

COMMITTEE_PARK = rule(
    "entity.event.committee_park",
    "entity",
    pattern=r"(?:管委会|管理委员会|党工委)(?:常务)?(?:副?主任|副?书记)",
    matches=("北湖科学城管委会副主任", "北湖高新区党工委书记"),
    misses=("北湖市科技局局长", "北湖科学城管委会办公室"),
    why="北湖科学城管委会副主任张三出席: a park's committee that sends its head takes part, and so its park",
)


def _committee_parks(context: ItemContext, person: Mention) -> list[str]:
    """The parks whose committee a person attending a gathering heads (某某科学城管委会副主任)."""
    return [
        m.name
        for m in context.mentions
        if m.kind == "park"
        and person.start - 30 <= m.start < person.start
        and COMMITTEE_PARK.pattern.match(context.text[m.end : person.start])
    ]


_PRINTED_OFFICE = rule(
    "entity.event.printed_office",
    "entity",
    pattern=r"^[^。；！？，,]{0,16}$",
    matches=("党组书记、局长", "常务副主任"),
    misses=("到会致辞，副省长", "。局长"),
    why="北海市科技局局长张三致辞: a speaker's body takes part when printed beside them, "
    "not when only their title implies it (副省长张三 → 省人民政府)",
)


def _printed_office(context: ItemContext, person: Mention) -> bool:
    """Whether the body a speaker holds office in is printed just before them (江南市科技局局长张三)."""
    return bool(person.organisation) and any(
        m.kind == "organisation"
        and m.name == person.organisation
        and m.end <= person.start
        and _PRINTED_OFFICE.test(context.text[m.end : person.start])
        for m in context.mentions
    )


def _acts(text: str, mention: Mention) -> bool:
    """A person who speaks or attends, not one only referred to (…总书记对…的指示)."""
    after = text[mention.end : mention.end + 20]
    return _ACTING.test(after) or _LISTED_PERSON.test(after)


# 张三、李四出席, 主任王五以及各部门负责人参加: a name in a list of those who attend or speak
_LISTED_PERSON = rule(
    "entity.event.listed_person",
    "entity",
    pattern=r"^(?:[，、,等及]|以及|$)",
    matches=("、副区长李四出席", "以及各部门负责人参加会议", "等出席"),
    misses=("对园区建设作出批示", "的指示精神"),
    why="主任王五以及各部门负责人参加: a name in a list (、, 等, 以及) is one of those who take part",
)
