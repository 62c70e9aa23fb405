"""The public record read by its real consumers: dates as written (year-only and approximate),
Atom through feedparser, iCalendar through icalendar, CSV read back with its BOM, the JSON of
the API; entity pages scoped, redirected from aliases, citable."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from urllib.parse import quote

import feedparser
import icalendar
import pytest
from django.core.management import call_command
from django.utils import translation

from people.models import Alias, Position
from tests.public import factories as f
from timeline.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def dated():
    park = f.park("测试记录园", province="北京市", city="北京")
    return {
        "park": park,
        "day": f.event("日期确切的论坛", date=dt.date(2021, 1, 15), parks=[park]),
        "month": f.event("五月发布方案", date=dt.date(2021, 5, 1), precision="month", kind="policy_release"),
        "year": f.event("全年统计数据", date=dt.date(2021, 1, 1), precision="year", kind="statistic"),
        "vague": f.event(
            "近日签约项目",
            date=dt.date(2024, 4, 29),
            window_start=dt.date(2024, 4, 15),
            window_end=dt.date(2024, 4, 29),
            kind="park_signup",
            parks=[park],
        ),
        "other": f.event("别的园区活动", date=dt.date(2024, 3, 2)),
    }


def _text(html: bytes) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))


# --- dates as written ---------------------------------------------------------------------------


def test_year_only_events_are_grouped_under_their_year_not_january(client, dated):
    html = client.get("/?year_from=2021&year_to=2021").content.decode()
    headings = re.findall(r'<h3 class="month-heading[^"]*">([^<]+)</h3>', html)
    assert headings == ["5月", "1月", "2021年（月份不详）"]
    # the year-only event sits under its own heading, after the January one
    january, year_only = html.index(">1月<"), html.index("2021年（月份不详）")
    assert january < html.index("日期确切的论坛") < year_only < html.index("全年统计数据")
    assert "<time" in html and ">2021年<" in html and ">2021年5月<" in html


def test_vague_dates_are_approximate_in_api_csv_feeds_and_admin(client, dated):
    rows = {row["title"]: row for row in client.get("/api/events").json()["results"]}
    vague = rows["近日签约项目"]
    assert (vague["precision"], vague["approximate"]) == ("approximate", True)
    assert vague["window"] == ["2024-04-15", "2024-04-29"]
    assert vague["date_display"] == "2024年4月（约）"
    assert (rows["日期确切的论坛"]["precision"], rows["日期确切的论坛"]["approximate"]) == ("day", False)
    assert (rows["全年统计数据"]["date"], rows["全年统计数据"]["precision"]) == ("2021", "year")

    body = b"".join(client.get("/export/events.csv").streaming_content)
    table = {row["title"]: row for row in csv.DictReader(io.StringIO(body.decode("utf-8-sig")))}
    assert (table["近日签约项目"]["precision"], table["近日签约项目"]["approximate"]) == (
        "approximate",
        "true",
    )

    slides = {s["unique_id"]: s for s in client.get("/export/timelinejs.json").json()["events"]}
    assert "day" not in slides[f"event-{dated['vague'].pk}"]["start_date"]

    calendar = icalendar.Calendar.from_ical(client.get("/events.ics").content)
    summaries = {str(entry["summary"]) for entry in calendar.walk("VEVENT")}
    assert "近日签约项目" not in summaries and "日期确切的论坛" in summaries

    with translation.override("zh-hans"):
        assert dated["vague"].admin_date() == "≈ 2024-04-15 – 2024-04-29（约）"
    assert dated["day"].admin_date() == "2021-01-15"


# --- real consumers -------------------------------------------------------------------------------


def test_atom_feed_is_valid_for_feedparser_with_authors(client, dated):
    parsed = feedparser.parse(client.get("/feeds/events.atom").content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.author == "科技园区大事记"
    assert {entry.title for entry in parsed.entries} >= {"日期确切的论坛", "近日签约项目"}
    for entry in parsed.entries:
        assert entry.author == "科技日报"  # the publisher of the entry's source
        assert entry.link.startswith("http://testserver/events/")


def test_entity_feeds_are_scoped_and_named(client, dated):
    slug = dated["park"].slug
    parsed = feedparser.parse(client.get(f"/feeds/events.atom?park={slug}").content)
    assert not parsed.bozo
    assert parsed.feed.title == "测试记录园 · 科技园区大事记"
    assert {entry.title for entry in parsed.entries} == {"日期确切的论坛", "近日签约项目"}
    calendar = icalendar.Calendar.from_ical(client.get(f"/events.ics?park={slug}").content)
    assert [str(entry["summary"]) for entry in calendar.walk("VEVENT")] == ["日期确切的论坛"]
    assert calendar.walk("VEVENT")[0].decoded("dtstart") == dt.date(2021, 1, 15)


def test_csv_reads_back_in_a_spreadsheet_encoding_with_its_bom(client, dated):
    body = b"".join(client.get("/export/events.csv").streaming_content)
    assert body.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert {row["title"] for row in rows} == {e.title for e in Event.objects.public()}
    assert rows[0]["id"].isdigit() and "approximate" in rows[0]


# --- entity pages ---------------------------------------------------------------------------------


def test_park_page_links_feeds_and_exports_of_its_own_events(client, dated):
    park = dated["park"]
    html = client.get(park.get_absolute_url()).content.decode()
    links = re.findall(r'href="(/(?:feeds|events\.ics|api/events|export|embed)[^"]*)"', html)
    assert len(links) >= 6 and all(f"park={quote(park.slug)}" in link for link in links)
    exported = client.get(f"/api/events?park={park.slug}").json()["results"]
    assert {row["title"] for row in exported} == {"日期确切的论坛", "近日签约项目"}


def test_aliases_and_old_names_redirect_permanently_to_the_record(client):
    call_command("load_registry", verbosity=0)
    response = client.get("/parks/中关村科技园区/?order=asc")
    assert response.status_code == 301
    assert response["Location"] == "/parks/%E4%B8%AD%E5%85%B3%E6%9D%91/?order=asc"
    assert client.get("/organisations/科技部/").status_code == 301
    assert client.get("/parks/没有这个园区/").status_code == 404


def test_english_and_pinyin_names_find_a_parks_events(client):
    call_command("load_registry", verbosity=0)
    from people.models import Park

    zgc = Park.objects.get(name="中关村")
    assert zgc.name_en == "Zhongguancun Science Park"
    event = f.event("示范区发布年度报告", parks=[zgc])
    f.event("别处的报告")
    for query in ("Zhongguancun", "zhongguancun science park", "Science Park Zhongguancun"):
        found = [row["id"] for row in client.get("/api/events", {"q": query}).json()["results"]]
        assert found == [event.pk], query
    wuhan = Park.objects.get(name="武汉东湖高新区")
    assert wuhan.name_en == "Wuhan East Lake High-tech Development Zone"
    east_lake = f.event("光谷发布报告", parks=[wuhan])
    for query in ("East Lake", "donghu"):
        assert [row["id"] for row in client.get("/api/events", {"q": query}).json()["results"]] == [
            east_lake.pk
        ]
    assert "Zhongguancun Science Park" in client.get(zgc.get_absolute_url()).content.decode()


def test_policy_page_shows_the_policy_library_fields_events_and_a_citation(client):
    issuer = f.organisation("科学技术部", is_reviewed=True)
    plan = f.policy(
        "关于促进国家高新区高质量发展的若干意见",
        document_number="国发〔2020〕7号",
        written_on=dt.date(2020, 7, 13),
        published_on=dt.date(2020, 7, 17),
        effective_on=dt.date(2020, 7, 17),
        status="in_force",
        url="https://www.gov.cn/zhengce/content/2020-07/17/content_5527765.htm",
    )
    plan.issuers.add(issuer)
    f.event("国务院印发意见", policies=[plan], kind="policy_release")
    text = _text(client.get(plan.get_absolute_url()).content)
    for label, value in [
        ("发文机关", "科学技术部"),
        ("发文字号", "国发〔2020〕7号"),
        ("成文日期", "2020年7月13日"),
        ("发布日期", "2020年7月17日"),
        ("施行日期", "2020年7月17日"),
        ("时效性", "现行有效"),
        ("来源", "https://www.gov.cn/zhengce/content/2020-07/17/content_5527765.htm"),
    ]:
        assert f"{label} {value}" in text, label
    assert "国务院印发意见" in text
    assert "科学技术部. 关于促进国家高新区高质量发展的若干意见: 国发〔2020〕7号[A/OL]. (2020-07-17)" in text


def test_source_page_names_its_headline_never_its_file_and_can_be_cited(client):
    document = f.source("园区召开大会。", publisher="高新区报", published_on=dt.date(2024, 4, 29))
    type(document).objects.filter(pk=document.pk).update(title="")  # as an import of a bare text file
    document.items.update(headline="")
    event = f.event("园区召开大会", quote="园区召开大会。", in_source=document)
    text = _text(client.get(document.get_absolute_url()).content)
    assert "test_" not in text and ".txt" not in text
    assert "高新区报 2024-04-29" in text  # no headline anywhere: publisher and date
    assert "出版者 高新区报" in text and "发布日期 2024年4月29日" in text
    assert re.search(
        r"高新区报\. 高新区报 2024-04-29\[N/OL\]\. 高新区报, 2024-04-29\[\d{4}-\d\d-\d\d\]\. http://testserver/sources/\d+/\.",
        text,
    )
    event_text = _text(client.get(event.get_absolute_url()).content)
    assert re.search(
        r"科技园区大事记\. 2024年4月27日：园区召开大会\[EB/OL\]\. \(\d{4}-\d\d-\d\d\)\[\d{4}-\d\d-\d\d\]\. "
        rf"http://testserver/events/{event.pk}/\.",
        event_text,
    )
    assert f"http://testserver/events/{event.pk}/" in event_text


def test_positions_read_as_seen_in_sources_not_a_term(client):
    someone = f.person("王测试", is_reviewed=True)
    Position.objects.create(
        person=someone, title="主任", first_seen=dt.date(2022, 12, 1), last_seen=dt.date(2022, 12, 20)
    )
    Position.objects.create(
        person=someone, title="副主任", first_seen=dt.date(2020, 3, 1), last_seen=dt.date(2021, 6, 1)
    )
    text = _text(client.get(someone.get_absolute_url()).content)
    assert "来源所见：2022年12月" in text
    assert "来源所见：2020年3月至2021年6月" in text
    assert "2022年12月 – 2022年12月" not in text


def test_titles_and_locations_say_things_once(client, dated):
    assert "<title>科技园区大事记</title>" in client.get("/").content.decode()
    assert "<title>“储能” · 科技园区大事记</title>" in client.get("/?q=储能").content.decode()
    text = _text(client.get(dated["park"].get_absolute_url()).content)
    assert "所在地 北京市 " in text and "北京市 北京" not in text


def test_alias_of_a_park_the_public_cannot_see_is_not_followed(client):
    hidden = f.park("未审核园区")
    Alias.objects.create(name="隐藏别名园", park=hidden)
    assert client.get("/parks/隐藏别名园/").status_code == 404


def test_the_admin_list_says_a_vague_date_is_approximate(admin_client, dated):
    html = admin_client.get("/admin/timeline/event/").content.decode()
    assert "≈ 2024-04-15 – 2024-04-29（约）" in html
    assert ">2021-01-15<" in html and ">2021<" in html
