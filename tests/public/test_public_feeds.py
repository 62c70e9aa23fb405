"""Feeds and exports parse with standard readers, honour the timeline's filters and respect
date precision."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import icalendar
import pytest

from tests.public import factories as f

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def world():
    park = f.park("苏州测试园区", province="江苏省")
    return {
        "park": park,
        "day": f.event("苏州论坛", date=dt.date(2024, 4, 27), kind="forum", parks=[park]),
        "span": f.event("三日展会", date=dt.date(2024, 3, 27), end_date=dt.date(2024, 3, 29), kind="launch"),
        "month": f.event("一月发布", date=dt.date(2025, 1, 1), precision="month", kind="policy_release"),
        "year": f.event("年度统计", date=dt.date(2023, 1, 1), precision="year", kind="statistic"),
        "window": f.event(
            "近日签约",
            date=dt.date(2024, 4, 29),
            window_start=dt.date(2024, 4, 15),
            window_end=dt.date(2024, 4, 29),
            kind="park_signup",
        ),
    }


def test_atom_feed_parses_and_honours_filters(client, world):
    response = client.get("/feeds/events.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in root.findall(f"{ATOM}entry")]
    assert titles == ["一月发布", "近日签约", "苏州论坛", "三日展会", "年度统计"]
    filtered = ET.fromstring(client.get("/feeds/events.atom", {"park": world["park"].slug}).content)
    entry = filtered.find(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in filtered.findall(f"{ATOM}entry")] == ["苏州论坛"]
    assert entry.find(f"{ATOM}link").get("href").endswith(f"/events/{world['day'].pk}/")
    assert "苏州论坛" in entry.find(f"{ATOM}summary").text


def test_ical_has_only_events_known_to_the_day(client, world):
    response = client.get("/events.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    entries = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(entries) == {"苏州论坛", "三日展会"}
    span = entries["三日展会"]
    assert span.decoded("dtstart") == dt.date(2024, 3, 27)
    assert span.decoded("dtend") == dt.date(2024, 3, 30)  # exclusive end
    assert str(entries["苏州论坛"]["uid"]).startswith(f"event-{world['day'].pk}@")
    only_forums = icalendar.Calendar.from_ical(client.get("/events.ics", {"kind": "forum"}).content)
    assert [str(e["summary"]) for e in only_forums.walk("VEVENT")] == ["苏州论坛"]


def test_csv_export_parses_with_precise_dates(client, world):
    body = b"".join(client.get("/export/events.csv", {"order": "asc"}).streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert [(r["title"], r["date"], r["date_display"]) for r in rows] == [
        ("年度统计", "2023", "2023年"),
        ("三日展会", "2024-03-27", "2024年3月27日至29日"),
        ("苏州论坛", "2024-04-27", "2024年4月27日"),
        ("近日签约", "2024-04-29", "2024年4月（约）"),
        ("一月发布", "2025-01", "2025年1月"),
    ]
    assert rows[2]["parks"] == "苏州测试园区"
    assert rows[3]["window_start"] == "2024-04-15"


def test_csv_export_neutralises_formulae(client):
    """Titles, names and quotes come from the web: a cell a spreadsheet would run as a formula
    starts with an apostrophe (OWASP "CSV Injection")."""
    hostile = '=HYPERLINK("http://evil.example","x")'
    park = f.park("+cmd|' /C calc'!A0")
    f.event(hostile, quote="@SUM(1+1)。", parks=[park])
    f.event("-2+3 增长", quote="\t=1+1 正文。")

    body = b"".join(client.get("/export/events.csv").streaming_content).decode("utf-8")

    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"), newline="")))
    by_title = {row["title"]: row for row in rows}
    assert set(by_title) == {"'" + hostile, "'-2+3 增长"}
    assert by_title["'" + hostile]["parks"] == "'+cmd|' /C calc'!A0"
    assert by_title["'" + hostile]["evidence"] == "'@SUM(1+1)。"
    assert by_title["'-2+3 增长"]["evidence"] == "'\t=1+1 正文。"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_timelinejs_dates_keep_only_what_is_known(client, world):
    data = json.loads(client.get("/export/timelinejs.json").content)
    slides = {slide["text"]["headline"]: slide for slide in data["events"]}
    assert slides["苏州论坛"]["start_date"] == {
        "year": "2024",
        "month": "4",
        "day": "27",
        "display_date": "2024年4月27日",
    }
    assert "day" not in slides["一月发布"]["start_date"] and slides["一月发布"]["start_date"]["month"] == "1"
    assert set(slides["年度统计"]["start_date"]) == {"year", "display_date"}
    assert "day" not in slides["近日签约"]["start_date"]
    assert slides["三日展会"]["end_date"] == {"year": "2024", "month": "3", "day": "29"}
    assert [s["text"]["headline"] for s in data["events"]][0] == "年度统计"  # oldest first
