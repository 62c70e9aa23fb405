"""The public timeline in a real browser (Debian's chromium through Playwright), on the demo
data: the registry and the sample news, imported and published as ``make demo`` does.

Screenshots go to tests/browser/screenshots/ (git-ignored); the timeline one is also saved
as docs/screenshot.png for the README when that is missing or UPDATE_SCREENSHOT=1 is set."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command

from timeline.models import Event

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def demo_data(live_server):
    call_command("load_registry", verbosity=0)
    # every seed imports: a document that fails is a CommandError, and fails the test
    call_command("import_news", "--publish", str(ROOT / "seeds" / "news"), verbosity=0)
    assert Event.objects.published().exists(), "the demo import published no event"
    cache.clear()
    return live_server.url


@pytest.fixture
def page():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make browser-deps)")
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        yield context.new_page()
        context.close()
        browser.close()


def test_timeline_facet_search_event_and_source(demo_data, page):
    page.goto(demo_data + "/")
    assert page.locator("h1").first.inner_text() == "科技园区大事记"
    assert page.locator("article.event").count() > 0
    assert page.locator(".year-chart svg rect").count() > 0
    page.screenshot(path=SHOTS / "timeline.png")
    readme_shot = ROOT / "docs" / "screenshot.png"
    if not readme_shot.exists() or os.environ.get("UPDATE_SCREENSHOT"):
        # refreshed on request only, so that a test run leaves the work tree clean
        readme_shot.parent.mkdir(exist_ok=True)
        shutil.copyfile(SHOTS / "timeline.png", readme_shot)

    # a park facet narrows the timeline and shows up as a removable chip
    park = page.locator('.facet-park a.facet-value[data-facet="park"]').first
    park_name = park.locator(".label").inner_text()
    park_count = int(park.locator(".count").inner_text())
    park.click()
    page.wait_for_url("**/?park=*")
    assert page.locator(".chips").inner_text().count(park_name) == 1
    assert page.locator("article.event").count() == min(park_count, 50)
    for card in page.locator("article.event .entities").all():
        assert park_name in card.inner_text()
    page.screenshot(path=SHOTS / "park-facet.png", full_page=True)

    # a search typed in Traditional characters finds the Simplified text, words highlighted
    page.fill("#q", "中關村")
    page.press("#q", "Enter")
    page.wait_for_url("**/?q=*")
    assert page.locator("article.event").count() > 0
    assert page.locator("article.event mark").first.inner_text() == "中关村"
    page.screenshot(path=SHOTS / "search-traditional.png")

    # the first result's page, then the source with the passage marked
    page.locator("article.event .event-title a").first.click()
    page.wait_for_url("**/events/*/")
    assert page.locator(".evidence-list blockquote").count() > 0
    page.screenshot(path=SHOTS / "event.png", full_page=True)
    page.locator(".evidence-item figcaption a").first.click()
    page.wait_for_url("**/sources/*/*")
    assert page.locator(".document a.passage mark").count() > 0
    page.screenshot(path=SHOTS / "source.png")

    # English through the language switch; the data stays Chinese
    page.goto(demo_data + "/")
    page.locator('.language button[value="en"]').click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == "Science park timeline"

    # a phone
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_data + "/")
    page.screenshot(path=SHOTS / "phone.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
