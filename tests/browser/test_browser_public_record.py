"""The public record in a real browser: the TimelineJS export drawn by the real TimelineJS3 (the
npm package, served as our own static files: no network), entity pages with their own feeds,
alias redirects, the cite line, the year chart read on a phone, year-only events."""

from __future__ import annotations

import datetime as dt
import os
from urllib.parse import quote

import pytest
from django.core.cache import cache

from tests.browser.test_browser import ARGS, CHROMIUM, SHOTS
from tests.public import factories as f

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (make browser-deps)")
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        requests: list[str] = []
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.requests = requests
        yield page
        context.close()
        browser.close()


@pytest.fixture
def site(live_server):
    park = f.park("浏览器测试园", province="江苏省", city="苏州", is_reviewed=True)
    other = f.park("别的测试园", province="浙江省", is_reviewed=True)
    events = {
        "day": f.event("园区举办创新论坛", date=dt.date(2023, 6, 15), parks=[park]),
        "month": f.event("园区发布行动方案", date=dt.date(2022, 9, 1), precision="month", parks=[park]),
        "year": f.event("园区全年产值统计", date=dt.date(2021, 1, 1), precision="year", parks=[park]),
        "elsewhere": f.event("别处的签约活动", date=dt.date(2024, 2, 2), parks=[other]),
    }
    cache.clear()
    return live_server.url, park, events


def test_timelinejs_draws_the_export_of_a_filtered_selection(site, browser_page):
    url, park, events = site
    page = browser_page
    page.goto(f"{url}/embed/?park={quote(park.slug)}")
    page.wait_for_selector(".tl-slide-content .tl-headline", state="attached", timeout=20000)
    # the three events of the park, no other; each slide dated as far as it is known
    headlines = page.locator(".tl-slide:not(.tl-slide-titleslide) .tl-headline").all_inner_texts()
    assert sorted(headlines) == sorted(["园区举办创新论坛", "园区发布行动方案", "园区全年产值统计"])
    dates = {
        page.locator(f"#event-{event.pk} .tl-headline").inner_text(): page.locator(
            f"#event-{event.pk} .tl-headline-date"
        ).inner_text()
        for event in (events["day"], events["month"], events["year"])
    }
    assert dates == {
        "园区举办创新论坛": "2023年6月15日",
        "园区发布行动方案": "2022年9月",
        "园区全年产值统计": "2021年",
    }
    # TimelineJS itself, its language file and its styles came from this site alone
    assert any(r.endswith("/static/timelinejs/js/timeline.js") for r in page.requests)
    assert any(r.endswith("/static/timelinejs/js/locale/zh-cn.json") for r in page.requests)
    assert all(r.startswith(url) or r.startswith("data:") for r in page.requests), [
        r for r in page.requests if not r.startswith(url)
    ]
    page.screenshot(path=SHOTS / "embed.png")


def test_a_park_page_offers_its_own_feeds_and_an_alias_leads_to_it(site, browser_page):
    url, park, _ = site
    park.aliases.create(name="浏览器园")
    page = browser_page
    response = page.goto(f"{url}/parks/浏览器园/")
    assert response.url.endswith(f"/parks/{quote(park.slug)}/")
    assert page.locator("h1").inner_text() == "浏览器测试园"
    assert page.locator(".facts").inner_text().count("江苏省 苏州") == 1
    for link in page.locator(".entity-events .data-links a").all():
        assert f"park={quote(park.slug)}" in link.get_attribute("href")
    # the park's Atom feed holds its events only
    feed = page.request.get(url + page.locator('.entity-events a[data-format="atom"]').get_attribute("href"))
    assert "别处的签约活动" not in feed.text() and "园区举办创新论坛" in feed.text()
    # year-only events are not under January
    headings = page.locator(".month-heading").all_inner_texts()
    assert "2021年（月份不详）" in headings and "1月" not in headings
    page.screenshot(path=SHOTS / "park-page.png", full_page=True)


def test_event_page_cite_line_and_phone_chart(site, browser_page):
    url, _, events = site
    page = browser_page
    page.goto(f"{url}/events/{events['day'].pk}/")
    citation = page.locator(".cite .citation").inner_text()
    assert citation.startswith("科技园区大事记. 2023年6月15日：园区举办创新论坛[EB/OL].")
    assert citation.endswith(f"{url}/events/{events['day'].pk}/.")
    assert page.title() == "园区举办创新论坛 · 科技园区大事记"

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url + "/")
    assert page.title() == "科技园区大事记"
    chart = page.locator(".year-chart svg")
    # a value axis, and every year label shown on a phone at least 10 px high
    assert page.locator(".year-chart text.tick").count() >= 2
    visible = [label for label in page.locator(".year-chart text.year").all() if label.is_visible()]
    assert visible and all(label.bounding_box()["height"] >= 10 for label in visible)
    boxes = [label.bounding_box() for label in visible]
    assert all(a["x"] + a["width"] <= b["x"] for a, b in zip(boxes, boxes[1:], strict=False))  # no overlap
    assert chart.bounding_box()["width"] <= 390
    page.screenshot(path=SHOTS / "phone-chart.png")
