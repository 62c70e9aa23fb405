"""The event stage through the whole pipeline, on short documents written for these tests.

Each row is a small article, its publication date and what an editor expects to be reported:
the kinds and dates, and for some the parks, bodies, people and policies of one event."""

from __future__ import annotations

import pytest

from timeline.ingest.pipeline import extract_document
from timeline.ingest.types import EventDraft, PartialDate

PUBLISHED = PartialDate(2024, 6, 20)


def events(text: str, published: PartialDate = PUBLISHED) -> list[EventDraft]:
    return extract_document(text.encode("utf-8"), "test.txt", published=published).events


def kinds_and_dates(text: str) -> list[tuple[str, str]]:
    return [(e.kind, e.date.iso()) for e in events(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named programme launched at a forum is a launch, even with no body in its sentence
        (
            "6月18日，2024长江科创论坛在武汉举行。\n园区数字化转型行动在论坛上正式启动。",
            [("forum", "2024-06-18"), ("launch", "2024-06-18")],
        ),
        # 未来 inside a name (未来产业园) is not an intention
        (
            "6月12日，江城未来产业园、东坡智能产业园等5家市级未来产业园集中发布，吸引项目落地。",
            [("launch", "2024-06-12")],
        ),
        # 将 before the trigger: a plan, not a report
        ("6月12日，市科技局表示，江城产业园将于年底正式启动建设。", []),
        # 其中 details the sign-up before it: one event
        (
            "6月3日，东湖科技园与国外科技园区开展合作，首批5对园区签约。"
            "其中，东湖科技园与德国Alpha Park签约。",
            [("park_signup", "2024-06-03")],
        ),
        # a second mention of the item's own contest (此次大赛) is not another contest
        (
            "6月5日，第三届江南创新创业大赛在苏州举办，百余家企业参赛。"
            "举办此次大赛的主要目的是发现优质企业。",
            [("contest", "2024-06-05")],
        ),
        # the short form 该《方案》 is the plan named before it: one release, dated by its day
        (
            "近日，省科技厅印发《江南科技园区建设方案（2024—2026年）》。"
            "该《建设方案》于6月10日在2024江南科创大会开幕式上正式发布。",
            [("policy_release", "2024-06-10"), ("forum", "2024-06-10")],
        ),
        # 周一 of a name (书记周一平, 张三、周一平一行) is no Monday: both acts keep the day given
        (
            "6月12日，江北区委书记周一平带队到江南高新区考察。\n"
            "张三、周一平一行走进江南科技园，两地签订了江南科技园合作共建协议。",
            [("visit", "2024-06-12"), ("park_signup", "2024-06-12")],
        ),
        # 共商合作 is a talk about cooperation, not a signing
        ("6月12日，江北区委书记带队到江南高新区考察，共商产业战略合作。", [("visit", "2024-06-12")]),
        # a hall opens (开馆); a thing named in 「」 opens with no body in its sentence
        ("6月12日上午，江南高新区规划展览馆正式开馆。", [("launch", "2024-06-12")]),
        ("（本社记者江城12日电）研发空间「江南智造坊」今天由院长主持揭牌。", [("launch", "2024-06-12")]),
        # 至此 counts after the acts of the sentence: the figure of the year, beside the approval
        (
            "省政府近日作出批复，同意江北经开区更名为江北高新技术产业开发区，至此全省高新区已达21家。",
            [("park_signup", "2024-06-20"), ("statistic", "2024")],
        ),
        # an approval that is the subject of a remark (…升级，是…举措) is no second sign-up
        (
            "6月12日，省政府召开江南高新区升级动员大会。\n"
            "张三书记说，国务院同意江南高新区升级为国家高新区，是加快发展的重大举措。",
            [("meeting", "2024-06-12")],
        ),
        # 园区 alone is the park the item names: its launch has an actor
        ("江南高新区加快发展\n6月15日，园区首条氢燃料电池生产线正式投产。", [("launch", "2024-06-15")]),
        ("6月15日，园区首条氢燃料电池生产线正式投产。", []),
        # a forum joined with an opening (论坛暨基地开园仪式) is two events; 启动区 is a noun
        (
            "6月12日，由江南区人民政府主办的江南科创高峰论坛暨江南交叉创新孵化基地开园仪式在江南举行。",
            [("forum", "2024-06-12"), ("launch", "2024-06-12")],
        ),
        ("6月12日，江南高新区科学中心先行启动区建设全面提速。", []),
        # a span open to now (以来) dates a summary of many acts, no event; a month dates one
        ("2024年以来，省政府已先后批复江南科技园、江北科技园升级为省级高新区。", []),
        ("2024年5月，省政府批复江南科技园、江北科技园升级为省级高新区。", [("park_signup", "2024-05")]),
        # 截至…月底，…: the paragraph's park goes on, as after 2024年1—5月，
        (
            "江南科技园规划面积600公顷。截至今年5月底，核准入区的厂商共41家，总投资金额达120亿元。",
            [("statistic", "2024-05")],
        ),
    ],
)
def test_kinds_and_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert sorted(kinds_and_dates(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lead that names only a month dates the item's next sentences by that month
        ("今年5月，青溪高新区迎来好消息。青溪高新区获批国家级科技企业孵化器。", [("park_signup", "2024-05")]),
        (
            "2023年11月，省科技厅来到青溪科技园调研。随后，青溪科技园与两所高校签署合作协议。",
            [("visit", "2023-11"), ("park_signup", "2023-11")],
        ),
        # two different months in the lead: which one dates the later sentence is not told
        ("今年3月和5月，青溪高新区两次迎来好消息。青溪高新区获批国家级科技企业孵化器。", []),
        # a day in the lead still wins over a month
        (
            "6月18日，青溪高新区举办人工智能论坛。今年5月，青溪高新区获批国家级孵化器。"
            "论坛上，青溪高新区与三家企业签约。",
            [("forum", "2024-06-18"), ("park_signup", "2024-05"), ("park_signup", "2024-06-18")],
        ),
    ],
)
def test_lead_month_dates_the_item(text: str, expected: list[tuple[str, str]]) -> None:
    assert sorted(kinds_and_dates(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meeting named by any …会议, and a designation by 获准成为
        ("5月31日，2024年江南日报编委会会议在杭州召开。", [("meeting", "2024-05-31")]),
        (
            "5月8日，经审议，江北经济开发区等3家单位获准成为首批市级高新区。",
            [("park_signup", "2024-05-08")],
        ),
        # 年底 is a year-precise date in the trigger's own sentence, not the lead date's
        (
            "6月18日，南湖高新区揭牌。\n2023年底，省政府批复设立南湖高新技术产业开发区。",
            [("launch", "2024-06-18"), ("park_signup", "2023")],
        ),
        # as-of-now totals are figures of the publication year
        ("目前，全国国家高新区总数已达180家，聚集了大批高新技术企业。", [("statistic", "2024")]),
        # spans, conditions, states and plans are not occurrences
        ("大赛举办10年来，累计吸引参赛企业超过10万家。", []),
        ("6月18日，南湖高新区揭牌。南湖高新区启动运行后，将着力打造科创走廊。", [("launch", "2024-06-18")]),
        ("目前，园区基础设施已基本建成，住宅配套陆续交付。", []),
        (
            "6月18日，江南创新大赛开幕。大赛将先后在杭州、宁波等地举办各领域的比赛。",
            [("contest", "2024-06-18")],
        ),
        ("南湖市将在人才引进方面加大力度，从市级层面出台专项措施。", []),
    ],
)
def test_what_is_and_is_not_an_occurrence(text: str, expected: list[tuple[str, str]]) -> None:
    assert sorted(kinds_and_dates(text)) == sorted(expected)


def test_a_notice_is_dated_by_its_signature() -> None:
    text = (
        "各区人民政府，各委、局：\n"
        "经市人民政府同意，现将《关于促进南湖开发区创新发展的实施方案》印发给你们，请照此执行。\n"
        "南湖市人民政府办公厅\n"
        "2017年10月9日"
    )
    release = only(events(text, PartialDate(2017, 10)), "policy_release")
    assert release.date == PartialDate(2017, 10, 9)
    assert release.policies == ["关于促进南湖开发区创新发展的实施方案"]


def test_the_news_agency_of_a_dateline_is_not_a_participant() -> None:
    text = "新华社石家庄6月18日电 6月18日，南湖高新区在石家庄揭牌，省科技厅负责人出席。"
    launch = only(events(text), "launch")
    assert "新华通讯社" not in {name for name, _ in launch.organisations}


def test_a_person_introduced_with_a_title_is_known_when_named_bare() -> None:
    text = (
        "5月31日，江南科技论坛在延安举行。火炬中心常务副主任张志远带领有关负责人到会指导。\n"
        "在延安期间，张志远一行实地考察了延安经济技术开发区。"
    )
    visit = only(events(text), "visit")
    assert "张志远" in visit.people


def only(drafts: list[EventDraft], kind: str) -> EventDraft:
    found = [d for d in drafts if d.kind == kind]
    assert len(found) == 1, [(d.kind, d.title) for d in drafts]
    return found[0]


def test_a_quoted_figure_keeps_its_speaker_and_body() -> None:
    text = (
        "园区发展观察\n"
        "“2023年，苏州高新区实现营业收入8000亿元，同比增长10%。”苏州高新区管委会副主任王立新说。"
    )
    statistic = only(events(text), "statistic")
    assert statistic.date.iso() == "2023"
    assert statistic.evidence.endswith("王立新说。")
    assert ("苏州高新区管委会", "participant") in statistic.organisations
    assert statistic.people == ["王立新"]


def test_an_unattributed_figure_is_about_the_park_of_the_headline() -> None:
    text = (
        "苏州高新区：先进制造显特色\n"
        "十年来，园区坚持创新驱动，聚焦新一代信息技术、高端装备和生物医药三大主导产业，"
        "持续推进强链补链，产业集群规模不断壮大。\n"
        "2023年，三大主导产业产值占工业总产值比例达70%，新兴产业成为园区发展的主要动力。"
    )
    assert only(events(text), "statistic").parks == ["苏州高新区"]


def test_the_subject_of_a_release_is_its_issuer() -> None:
    text = "为优化营商环境，苏州高新区坚持问题导向，于2024年5月1日出台《苏州高新区促进科技创新若干政策》。"
    release = only(events(text), "policy_release")
    assert release.organisations == [("苏州高新区", "issuer")]
    assert release.policies == ["苏州高新区促进科技创新若干政策"]


def test_a_release_of_a_document_named_without_brackets_records_the_document() -> None:
    text = "6月18日，省科技厅发布长三角科技园区协同创新合作的倡议。"
    release = only(events(text), "policy_release")
    assert release.policies == ["长三角科技园区协同创新合作的倡议"]


def test_speakers_belong_to_the_gathering_reported_before_them() -> None:
    text = (
        "本报讯 6月17日，园区产业政策推进会在南京召开。\n"
        "市发展改革委主任赵明远介绍了政策要点。\n"
        "6月18日，2024长江科创论坛在武汉举行。\n"
        "工业和信息化部规划司司长李明亮表示，要推动园区开放合作。\n"
        "国际科技园区协会首席执行官安娜·卡尔松致辞。\n"
        "某某股份有限公司储能首席技术官周海涛分别作了主旨演讲。"
    )
    drafts = events(text)
    forum = only(drafts, "forum")
    assert forum.date.iso() == "2024-06-18"
    assert {"李明亮", "安娜·卡尔松", "周海涛"} <= set(forum.people)
    assert "赵明远" not in forum.people
    bodies = {name for name, _ in forum.organisations}
    assert {"国际科技园区协会", "某某股份有限公司"} <= bodies
    assert any(body.startswith("工业和信息化部") for body in bodies)  # the ministry or its 规划司


def test_an_academician_s_academy_is_not_a_participant() -> None:
    text = "6月18日，2024长江科创论坛在武汉举行，中国工程院院士陈立群、武汉大学校长张平出席。"
    bodies = {name for name, _ in only(events(text), "forum").organisations}
    assert "武汉大学" in bodies
    assert "中国工程院" not in bodies


def test_a_plan_discussed_at_a_forum_is_linked_to_it() -> None:
    text = (
        "近日，省政府印发《江南科技园区建设方案（2024—2026年）》。\n"
        "6月18日，2024长江科创论坛在武汉举行。\n"
        "“江南科技园区建设方案的出台，为我们指明了方向。”省科技厅副厅长孙明说。"
    )
    forum = only(events(text), "forum")
    assert forum.policies == ["江南科技园区建设方案（2024—2026年）"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dispatch that gives no day of its own: its dateline's day, read like 近日 of that day
        (
            "青溪科技园举办论坛\n新华社青溪6月8日电（记者李平）青溪科技园举办人工智能产业论坛。",
            [("forum", "2024-06-08", ("2024-05-25", "2024-06-08"))],
        ),
        # a day of its own dates the event, not the dateline
        (
            "青溪科技园举办论坛\n新华社青溪6月8日电 青溪科技园7日举办人工智能产业论坛。",
            [("forum", "2024-06-07", None)],
        ),
    ],
)
def test_dispatch_day_dates_what_it_reports(text: str, expected: list[tuple]) -> None:
    found = [
        (e.kind, e.date.iso(), tuple(d.isoformat() for d in e.window) if e.window else None)
        for e in events(text)
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # results made public, the verb first: a contest's outcome, dated by its day
        (
            "工信部6月12日公布了2023年度江南园区综合评价结果，青溪高新区位列第五。",
            [("contest", "2024-06-12")],
        ),
        ("工信部6月12日公布了园区的发展数据。", []),
        # a list of organisations designated at once (确定X等N家机构为…) is a sign-up
        ("6月12日，科技部确定青溪创新工场等40家机构为国家备案众创空间。", [("park_signup", "2024-06-12")]),
        ("6月12日，会议确定了青溪科技园的发展方向。", []),
    ],
)
def test_results_and_designations(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_and_dates(text) == expected


def test_notice_decision_is_dated_by_its_signature() -> None:
    """现确定…为… in a notice whose salutation the cleaner ran into the body (各…计划单列市…：)."""
    text = (
        "各省、自治区、直辖市及计划单列市科技厅，各有关单位：\n\n"
        "经专家评审，现确定青溪创新工场等40家机构为国家备案众创空间。\n\n"
        "科技部\n\n2024年6月12日\n"
    )
    assert kinds_and_dates(text) == [("park_signup", "2024-06-12")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the headline gives the day, the lead only 近日: one forum, of that day
        (
            "青溪高新区6月12日举办人工智能产业论坛\n近日，青溪高新区举办人工智能产业论坛，百余名嘉宾参会。",
            [("forum", "2024-06-12")],
        ),
        # a 近日 gathering of another name after a dated one is another gathering
        (
            "6月12日，青溪高新区举办人工智能产业论坛。此外，近日青溪高新区还举办了生物医药创新峰会。",
            [("forum", "2024-06-12"), ("forum", "2024-06-20")],
        ),
    ],
)
def test_a_day_given_first_dates_the_vague_retelling(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_and_dates(text) == expected


def test_a_renamed_park_is_named_by_its_new_name_alone() -> None:
    """更名 inside a stem ends the old name (rule entity.renamed_to): no park 加工区更名江南科技园区."""
    text = "加工区更名科技产业园区 院长：迎合现在\n（本社记者江城12日电）加工区今天更名，院长主持揭牌。"
    document = extract_document(text.encode("utf-8"), "test.txt", published=PUBLISHED)
    assert not any("更名" in mention.name for mention in document.mentions)


def test_a_visitor_with_a_rare_surname_comes_to_the_park_the_article_is_about() -> None:
    """市长宇向东来到高新区: a rare surname after a title is a name, and 来到 glues no park."""
    text = "江南高新区新闻\n10月22日，市委副书记、市长宇向东来到高新区调研。"
    visit = only(events(text), "visit")
    assert visit.people == ["宇向东"]
    assert visit.parks == ["江南高新区"]


def test_a_park_working_towards_a_status_is_named_alone() -> None:
    """淮北高新区创建国家高新区: the run of two heads ends at the first park."""
    text = "近年来，江北高新区创建国家高新区的工作已经启动。"
    names = {m.name for m in extract_document(text.encode(), "t.txt", published=PUBLISHED).mentions}
    assert "江北高新区" in names
    assert not any("创建" in name for name in names)


def test_an_official_s_party_committee_takes_no_part() -> None:
    """江北市委书记张三带队考察: 江北市委 names the office; the visited park takes part."""
    visit = only(events("6月12日，江北市委书记张三带队到江南高新区考察。"), "visit")
    assert visit.people == ["张三"]
    assert "江北市委" not in [name for name, _ in visit.organisations]
    assert visit.parks == ["江南高新区"]


def test_an_association_named_after_parks_is_one_body() -> None:
    """孵化器协会: the park word is part of the association's name, not a park of its own."""
    forum = only(events("6月12日，江南孵化器年会在苏州召开，年会由江南省科技企业孵化器协会主办。"), "forum")
    assert [name for name, _ in forum.organisations] == ["江南省科技企业孵化器协会"]
    assert "江南省科技企业孵化器" not in forum.parks


def test_a_body_whose_decision_is_carried_out_takes_no_part() -> None:
    """为落实国务院…的决策部署，工信部举办大赛: 国务院 is cited; the organisers take part."""
    contest = only(
        events(
            "6月12日，为深入落实党中央、国务院有关促进中小企业发展的决策部署，工业和信息化部举办了江南创新大赛。"
        ),
        "contest",
    )
    assert [name for name, _ in contest.organisations] == ["工业和信息化部"]


def test_a_park_named_with_a_bare_yuanqu_head_is_found() -> None:
    """河套香港园区, 二林园区: 园区 ends a name too; 该园区 and 各园区 name none."""
    text = "6月12日，江北河套园区正式开园。该园区总面积600公顷，全市各园区积极参与。"
    launch = only(events(text), "launch")
    assert launch.parks == ["江北河套园区"]


def test_the_guests_of_a_launch_are_no_second_launch() -> None:
    """…2日举行揭牌典礼。当天出席揭牌典礼的，有…: one launch, with its guests."""
    text = (
        "江北管理局二林园区服务大楼于6月12日举行落成启用揭牌典礼。局长许明新表示，园区将发挥优势。\n"
        "当天出席落成启用揭牌典礼、一同见证二林园区服务迈入新里程碑的，有许明新、江北镇镇长蔡诗明、"
        "以及园区企业代表等人。"
    )
    launches = [e for e in events(text) if e.kind == "launch"]
    assert len(launches) == 1
    assert "蔡诗明" in launches[0].people


def test_classes_in_a_coordinated_list_make_no_bodies() -> None:
    """各有关省、直辖市、计划单列市科技厅: classes of places, no 直辖市科技厅 of its own."""
    text = "各有关省、直辖市、计划单列市科技厅，江北省、江南省科技厅：现将有关事项通知如下。"
    names = {m.name for m in extract_document(text.encode(), "t.txt", published=PUBLISHED).mentions}
    assert {"江北省科技厅", "江南省科技厅"} <= names
    assert not names & {"直辖市科技厅", "计划单列市科技厅", "各有关省科技厅"}


def test_words_of_a_sentence_before_a_speech_verb_are_no_person() -> None:
    """简单地说, 会上时就指出: no person 简单地 or 时就."""
    text = "6月12日，江南高新区举办产业论坛。简单地说，园区要抓创新。局长在会上时就指出，要加快发展。"
    people = {
        m.name
        for m in extract_document(text.encode(), "t.txt", published=PUBLISHED).mentions
        if m.kind == "person"
    }
    assert not people & {"简单地", "时就"}


def test_a_province_s_bodies_named_by_level_alone_are_that_province_s() -> None:
    """安徽日报: 省政府作出批复 → 安徽省人民政府; with two provinces named alike, no guess."""
    text = "安徽省高新区达21家\n记者从省科技厅了解到，省政府近日作出批复，同意江北经开区更名为江北高新区。"
    signup = only(events(text), "park_signup")
    assert "安徽省人民政府" in [name for name, _ in signup.organisations]
    text = "安徽省与江苏省合作\n经省政府批准，江北经开区更名为江北高新区。"
    names = {m.name for m in extract_document(text.encode(), "t.txt", published=PUBLISHED).mentions}
    assert not any(name.endswith("人民政府") for name in names)


def test_a_leader_whose_words_are_carried_out_takes_no_part() -> None:
    """市长到园区调研，要求认真贯彻落实张三总书记重要讲话精神: 张三 is cited, not a visitor."""
    text = "6月12日，市长李明到江南高新区调研，要求认真贯彻落实张大山总书记重要讲话精神。"
    visit = only(events(text), "visit")
    assert visit.people == ["李明"]


def test_the_lead_s_vague_day_dates_its_own_paragraph_after_page_furniture() -> None:
    """首页 > 动态 / headline / date line, then 日前，…举行授牌仪式。会上为…授牌: the 授牌 is of the lead."""
    text = (
        "首页 > 地方动态\n\n江南孵化器再添新军\n\n2024-06-20\n\n"
        "日前，江南市科技企业孵化器授牌仪式在江南市举行。会上为江南软件园孵化器等5家孵化器授牌。"
    )
    signups = [e for e in events(text) if e.kind == "park_signup"]
    assert len(signups) == 1 and signups[0].window is not None


def test_the_guests_of_a_launch_told_beside_a_signing_are_the_launch_s() -> None:
    """项目集中签约和产业园开工活动举行。副市长李明出席: guests of the launch, not dropped."""
    text = (
        "6月12日，江南战略性新兴产业项目集中签约和江南未来城创新产业园开工活动在江南举行。"
        "江南市副市长李明、江南区区长张强出席活动并致辞。"
    )
    launch = only(events(text), "launch")
    assert {"李明", "张强"} <= set(launch.people)


def test_a_division_takes_part_as_its_institution() -> None:
    """火炬中心孵化器管理处处长张三出席: the Torch Centre takes part, not its division."""
    text = "6月12日，江南孵化器论坛在苏州举行。科技部火炬高技术产业开发中心孵化器管理处处长张三出席并致辞。"
    names = [name for name, _ in only(events(text), "forum").organisations]
    assert names == ["科技部火炬高技术产业开发中心"]


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("江南市副市长沈坚等先后致欢迎辞。", "沈坚等"),
        ("今年以来国家高新区总数由169家增至178家。", "今年以来国家高新区"),
    ],
)
def test_shapes_that_name_nothing(text: str, not_a_name: str) -> None:
    names = {m.name for m in extract_document(text.encode(), "t.txt", published=PUBLISHED).mentions}
    assert not_a_name not in names
