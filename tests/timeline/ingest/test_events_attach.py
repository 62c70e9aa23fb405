"""Which parks, bodies, people and policies an event gets: those of the clause that states it,
resolved to one canonical name. Short documents written for these tests."""

from __future__ import annotations

from timeline.ingest.pipeline import extract_document
from timeline.ingest.types import EventDraft, PartialDate

PUBLISHED = PartialDate(2024, 6, 20)


def events(text: str, published: PartialDate = PUBLISHED) -> list[EventDraft]:
    return extract_document(text.encode("utf-8"), "test.txt", published=published).events


def only(drafts: list[EventDraft], kind: str) -> EventDraft:
    found = [d for d in drafts if d.kind == kind]
    assert len(found) == 1, [(d.kind, d.title) for d in drafts]
    return found[0]


def test_a_bare_park_word_means_the_one_park_the_item_names() -> None:
    text = (
        "6月12日，江北省科技厅厅长周明远带队到高新区考察科技创新工作。\n"
        "区长王力陪同考察。\n"
        "王力介绍，苏州高新区成立以来，已经成为地方经济的重要增长极。"
    )
    assert only(events(text), "visit").parks == ["苏州高新区"]


def test_a_bare_park_word_means_nothing_when_the_item_names_two_parks() -> None:
    text = (
        "6月12日，江北省科技厅厅长周明远带队到高新区考察科技创新工作。\n"
        "区长王力陪同考察。\n"
        "王力介绍，苏州高新区和无锡高新区都是地方经济的重要增长极。"
    )
    assert only(events(text), "visit").parks == []


def test_the_body_a_released_title_opens_with_takes_part() -> None:
    text = "6月12日，江北省科技厅向北湖市人民政府印发了《江北省人民政府关于同意设立北湖高新区的批复》。"
    release = only(events(text), "policy_release")
    assert ("江北省人民政府", "issuer") in release.organisations
    assert ("江北省科技厅", "issuer") in release.organisations


def test_places_that_sign_an_agreement_are_its_parties() -> None:
    text = "6月12日，北湖高新区与江北市东林区签署战略合作协议，双方将共建科技园区。"
    signup = only(events(text), "park_signup")
    assert "江北市东林区" in {name for name, _ in signup.organisations}
    assert signup.parks == ["北湖高新区"]


def test_the_organisers_told_after_a_gathering_take_part_in_it() -> None:
    text = (
        "6月12日，第三届北湖创新创业大赛决赛在北湖举行。\n"
        "来自全省的60支团队参加了决赛。\n"
        "百余名观众到场观摩。\n"
        "本次大赛由江北省科技厅、北湖市科技局联合主办，北湖大学承办，北湖银行协办。"
    )
    bodies = {name for name, _ in only(events(text), "contest").organisations}
    assert {"江北省科技厅", "北湖市科技局", "北湖大学"} <= bodies
    assert "北湖银行" not in bodies


def test_a_figure_told_again_by_a_speaker_gets_the_speaker() -> None:
    text = (
        "苏州高新区2023年营业收入8000亿元\n"
        "科技部火炬中心主任陈立新6日介绍，2023年苏州高新区营业收入8000亿元，同比增长10%。"
    )
    statistic = only(events(text), "statistic")
    assert statistic.people == ["陈立新"]
    assert any("火炬" in name for name, _ in statistic.organisations)


def test_a_lead_sentence_of_another_year_lends_the_gathering_no_bodies() -> None:
    text = (
        "6月12日，北湖火炬计划实施20周年座谈会在北湖科学中心召开。"
        "北湖火炬计划是江北省人民政府于2004年8月批准、由江北省科技厅组织实施的一项计划。"
    )
    forum = only(events(text), "forum")
    bodies = {name for name, _ in forum.organisations}
    assert not bodies & {"江北省人民政府", "江北省科技厅"}


def test_officials_at_a_launch_ceremony_are_its_guests() -> None:
    text = (
        "6月12日上午，北湖智能装备产业园在北湖新城正式开园。"
        "江北省副省长陈立新、北湖市市长王卫东出席活动并共同揭牌。"
    )
    launch = only(events(text), "launch")
    assert set(launch.people) == {"陈立新", "王卫东"}


def test_a_body_whose_requirement_is_cited_takes_no_part() -> None:
    text = "6月12日，北湖市科技局按照江北省人民政府的要求，印发《北湖科技园区建设方案》。"
    release = only(events(text), "policy_release")
    bodies = {name for name, _ in release.organisations}
    assert "北湖市科技局" in bodies
    assert "江北省人民政府" not in bodies


def test_the_bodies_a_document_is_sent_to_do_not_issue_it() -> None:
    text = "6月12日，江北省科技厅向北湖市科技局、东林市科技局印发了《江北省科技园区管理办法》。"
    release = only(events(text), "policy_release")
    assert release.organisations == [("江北省科技厅", "issuer")]


def test_a_document_named_by_its_kind_alone_is_the_last_one_named() -> None:
    text = (
        "6月12日，北湖科技园升级大会在北湖召开。"
        "会上，省科技厅宣读了《江北省人民政府关于同意北湖科技园升级为省级高新区的批复》。"
        "批复明确，同意北湖科技园升级为省级高新技术产业开发区。"
    )
    drafts = [d for d in events(text) if d.kind in ("park_signup", "policy_release")]
    assert drafts
    for draft in drafts:
        assert draft.policies == ["江北省人民政府关于同意北湖科技园升级为省级高新区的批复"]


def test_the_host_who_receives_a_visit_takes_part_in_it() -> None:
    text = (
        "6月12日，江北省科技厅厅长周明远一行到北湖经济技术开发区考察。\n"
        "周明远一行参观了园区展厅。\n"
        "园区企业代表介绍了发展情况。\n"
        "北湖市副市长陈立新会见了周明远一行。"
    )
    assert {"周明远", "陈立新"} <= set(only(events(text), "visit").people)


def test_a_visitor_named_bare_brings_the_body_of_their_title() -> None:
    text = (
        "5月31日，江南科技论坛在延安举行。科技部火炬中心常务副主任张志远到会指导。\n"
        "6月1日，张志远一行实地考察了延安经济技术开发区。"
    )
    visit = only(events(text), "visit")
    assert "张志远" in visit.people
    assert any("火炬" in name for name, _ in visit.organisations)


def test_the_body_a_reply_answers_takes_part_in_what_it_grants() -> None:
    text = (
        "江北省人民政府关于同意北湖科技园升级为省级高新区的批复\n"
        "北湖市人民政府：\n"
        "你市关于北湖科技园升级的请示已收悉。现批复如下：\n"
        "2024年6月12日，同意北湖科技园升级为省级高新技术产业开发区。"
    )
    signups = [d for d in events(text) if d.kind == "park_signup"]
    assert signups
    assert all("北湖市人民政府" in {name for name, _ in d.organisations} for d in signups)


def test_a_figure_after_a_speaker_s_words_in_the_paragraph_is_theirs() -> None:
    text = (
        "园区发展观察\n"
        "科技部火炬中心主任陈立新12日介绍，截至2024年5月，国家高新区总数已达180家。"
        "2023年，苏州高新区实现营业收入8000亿元，同比增长10%。"
    )
    statistic = next(d for d in events(text) if d.kind == "statistic" and d.date.iso() == "2023")
    assert statistic.people == ["陈立新"]
    assert any("火炬" in name for name, _ in statistic.organisations)


def test_a_report_delivered_at_a_meeting_is_no_policy_of_it() -> None:
    text = (
        "6月12日，江北省科技厅在北湖市召开2024年度全省园区工作会议。"
        "厅长周明远代表江北省科技厅作了《全省园区发展工作报告》。"
    )
    meeting = only(events(text), "meeting")
    assert meeting.policies == []


def test_a_plan_presented_at_a_meeting_stays_named() -> None:
    text = (
        "6月12日，江北省科技厅在北湖市召开2024年度全省园区工作会议。"
        "会议审议了《北湖高新区发展规划（2024-2030年）》。"
    )
    meeting = only(events(text), "meeting")
    assert meeting.policies == ["北湖高新区发展规划（2024-2030年）"]


def test_a_speakers_body_printed_beside_them_takes_part() -> None:
    text = "6月12日，2024北湖园区发展论坛在北湖市开幕。江北省科技厅厅长周明远出席并致辞。"
    forum = only(events(text), "forum")
    assert "周明远" in forum.people
    assert any(name == "江北省科技厅" for name, _ in forum.organisations)


def test_a_body_only_a_speakers_title_implies_takes_no_part() -> None:
    text = "6月12日，2024北湖园区发展论坛在北湖市开幕。江北省副省长周明远到会致辞。"
    forum = only(events(text), "forum")
    assert "周明远" in forum.people
    assert not any(name.startswith("江北省") for name, _ in forum.organisations)


def test_a_body_a_guest_formerly_served_takes_no_part() -> None:
    text = (
        "6月12日，2024北湖园区发展论坛在北湖市开幕。"
        "江南日报社原社长周明远、江北省科技厅厅长李文华出席开幕式并致辞。"
    )
    forum = only(events(text), "forum")
    names = [name for name, _ in forum.organisations]
    assert "江南日报社" not in names
    assert "江北省科技厅" in names


def test_the_source_an_item_credits_takes_no_part() -> None:
    text = (
        "科技日报：北湖高新区上半年营收增长\n"
        "来源：科技日报\n"
        "6月12日，江北省科技厅在北湖市召开全省园区经济运行座谈会。"
    )
    forum = only(events(text), "forum")
    names = [name for name, _ in forum.organisations]
    assert "科技日报社" not in names
    assert "江北省科技厅" in names


GATHERING_THEN_SPEECH = (
    "6月12日，2024北湖园区发展论坛在北湖市开幕。\n"
    "江北省科技厅厅长周明远出席并致辞。\n"
    "来自各地的园区代表交流了经验。\n"
    "周明远指出，{clause}《江南高新区十四五发展规划》提出到2025年营收翻番。"
)


def test_a_plan_a_speaker_only_quotes_later_is_no_policy_of_the_gathering() -> None:
    forum = only(events(GATHERING_THEN_SPEECH.format(clause="")), "forum")
    assert forum.policies == []


def test_a_plan_the_gathering_works_on_later_is_its_policy() -> None:
    text = GATHERING_THEN_SPEECH.format(clause="要认真落实").replace("提出到2025年营收翻番", "")
    forum = only(events(text), "forum")
    assert forum.policies == ["江南高新区十四五发展规划"]


def test_a_plan_named_after_the_gatherings_theme_is_its_policy() -> None:
    text = (
        "6月12日，北湖绿色低碳园区发展论坛在北湖市开幕。\n"
        "江北省科技厅厅长周明远出席并致辞。\n"
        "来自各地的园区代表交流了经验。\n"
        "周明远指出，《北湖绿色低碳园区建设方案》提出到2025年建成示范园区。"
    )
    forum = only(events(text), "forum")
    assert forum.policies == ["北湖绿色低碳园区建设方案"]


def test_a_body_an_earlier_sentence_of_the_lead_names_is_background() -> None:
    text = (
        "北湖高新区启动大会召开\n"
        "目前，北湖高新区已获江北省人民政府批准升级。6月12日，北湖市科技局在北湖市召开北湖高新区启动暨发展动员大会。"
    )
    meeting = only(events(text), "meeting")
    names = [name for name, _ in meeting.organisations]
    assert "江北省人民政府" not in names
    assert "北湖市科技局" in names


def test_an_official_who_goes_to_a_park_brings_their_government() -> None:
    visit = only(events("6月12日，江南市市长张明远到北湖高新区调研。"), "visit")
    assert visit.people == ["张明远"]
    assert ("江南市人民政府", "participant") in visit.organisations


def test_a_co_sponsor_lends_its_name_and_takes_no_part() -> None:
    text = "6月12日，2024北湖园区发展论坛在北湖市开幕。论坛由江南大学主办，江南银行协办。"
    forum = only(events(text), "forum")
    names = [name for name, _ in forum.organisations]
    assert "江南大学" in names
    assert "江南银行" not in names


def test_a_park_named_in_a_press_conferences_name_issues_nothing() -> None:
    text = "6月12日，江北省人民政府在省会召开中关村创新周发布会。"
    conference = only(events(text), "press_conference")
    assert all(name != "中关村" for name, _ in conference.organisations)


def test_parks_whose_people_speak_at_a_gathering_take_part_in_it() -> None:
    text = (
        "6月12日，全省高新区工作座谈会在北湖召开。\n"
        "省科技厅厅长周明远到会并讲话。\n"
        "会上，北湖高新区、江岸高新区等4个高新区作了交流发言。"
    )
    gathering = only(events(text), "forum")
    assert {"北湖高新区", "江岸高新区"} <= set(gathering.parks)


def test_a_count_of_parks_means_the_list_of_that_many_parks_before_it() -> None:
    text = (
        "5月8日，江北省政府批复北湖工业区、江岸科技园、东林产业园等3家单位成为首批省级高新区。\n"
        "据统计，首批3家省级高新区2023年实现工业总产值420亿元。"
    )
    statistic = only(events(text), "statistic")
    assert set(statistic.parks) == {"北湖工业区", "江岸科技园", "东林产业园"}


def test_a_count_of_parks_means_nothing_when_no_list_has_that_many() -> None:
    text = (
        "5月8日，江北省政府批复北湖工业区、江岸科技园等单位成为首批省级高新区。\n"
        "据统计，首批3家省级高新区2023年实现工业总产值420亿元。"
    )
    assert only(events(text), "statistic").parks == []


def test_an_event_naming_no_park_takes_the_one_park_its_paragraph_named_before() -> None:
    text = (
        "园区动态\n"
        "今年以来，全省科技工作稳步推进。\n"
        "各地加快建设创新平台。\n"
        "北湖高新区坚持创新驱动发展。6月10日，与江北大学签署了战略合作协议。\n"
    )
    assert only(events(text), "park_signup").parks == ["北湖高新区"]


def test_a_count_of_all_zones_takes_no_park_from_its_paragraph() -> None:
    text = "园区动态\n研讨会在北湖高新区召开。张明介绍，2023年国家高新区总数已达178家。\n"
    assert only(events(text), "statistic").parks == []


def test_a_bare_yuanqu_means_the_one_park_of_any_kind_the_item_names() -> None:
    text = (
        "省领导调研科技创新\n"
        "6月12日，江北省科技厅厅长周明远带队到园区考察科技创新工作。\n"
        "周明远一行参观了企业展厅。\n"
        "近年来，北湖科学城已经成为地方经济的重要增长极。"
    )
    assert only(events(text), "visit").parks == ["北湖科学城"]


def test_a_park_whose_committee_head_attends_a_gathering_takes_part() -> None:
    text = (
        "6月12日，北湖—江岸产业对接会议在江岸召开。\n"
        "双方将在产业发展等领域加强合作。\n"
        "北湖区副区长、北湖科学城管委会副主任王立新出席会议。"
    )
    assert "北湖科学城" in only(events(text), "meeting").parks


def test_an_event_naming_no_park_takes_the_one_park_of_the_items_lead() -> None:
    text = (
        "创新发展结硕果\n"
        "今年以来，北湖高新区坚持创新驱动，经济运行稳中有进。\n"
        "各项工作有序推进。\n"
        "6月10日，与江北大学签署了战略合作协议。\n"
    )
    assert only(events(text), "park_signup").parks == ["北湖高新区"]


def test_gai_gaoxinqu_means_the_one_zone_the_item_names() -> None:
    text = (
        "招商动态\n"
        "北湖高新区位于江北省中部。\n"
        "区内企业发展迅速。\n"
        "6月10日，该高新区与江北大学签署了战略合作协议。\n"
    )
    assert only(events(text), "park_signup").parks == ["北湖高新区"]


def test_people_who_read_out_speak_or_thank_at_a_gathering_take_part() -> None:
    text = (
        "6月12日，2024北湖园区发展大会在北湖市召开。"
        "省科技厅副厅长周明远到会并讲话，市科技局局长李文华宣读了表彰决定，"
        "园区党工委书记孔建东感谢企业家们的支持。会议还提到了已故的张大为。"
    )
    forum = [d for d in events(text) if d.kind in ("forum", "meeting")][0]
    assert {"周明远", "李文华", "孔建东"} <= set(forum.people)


def test_a_person_listed_with_others_who_attend_takes_part() -> None:
    text = (
        "6月12日，北湖高新区召开建设工作推进会。"
        "市政协副主席、高新区管委会主任周明远以及各成员单位主要负责人参加了会议。"
    )
    meeting = [d for d in events(text) if d.kind in ("forum", "meeting")][0]
    assert "周明远" in meeting.people
