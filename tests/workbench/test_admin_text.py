"""What the rest of the admin says and offers: source text read-only everywhere (one keystroke
in a textarea would break every offset), a history page without raw codes or "None", and no
English left in the zh-hans admin."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.forms import submit
from timeline import curation, entities
from timeline.models import NewsItem, Source

pytestmark = pytest.mark.django_db


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def form_fields(client, url: str) -> set[str]:
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return {field.get("name") for field in page.select("form#content-main input, form textarea, form select")}


def test_source_text_is_shown_not_offered_for_editing(client, reviewer, world):
    client.force_login(reviewer)
    source, item, evidence = world.paper, world.paper.items.get(), world.forum.evidence.get()

    source_page = client.get(change_url(source)).content.decode()
    names = form_fields(client, change_url(source))
    assert not {"clean_text", "raw_text"} & names
    assert not {
        name for name in names if name and name.startswith("items-") and name.endswith(("-start", "-end"))
    }
    assert "5月8日，星河高新区人工智能论坛" in source_page  # shown, read-only
    assert not {"start", "end", "headline_start"} & form_fields(client, change_url(item))
    assert not {"quote", "start", "end", "raw_start", "raw_end"} & form_fields(client, change_url(evidence))
    event_form = form_fields(client, change_url(world.forum))
    assert not {name for name in event_form if name and name.startswith("evidence-") and "quote" in name}

    submit(client, change_url(source), {"clean_text": "篡改", "publisher": "星河晚报"}, form_id="source_form")
    source.refresh_from_db()
    assert source.clean_text.startswith("星河日报") and source.publisher == "星河晚报"


def test_sources_news_items_and_evidence_are_not_added_by_hand(client, reviewer):
    client.force_login(reviewer)
    for model in (Source, NewsItem):
        opts = model._meta
        assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 403


def test_the_history_page_says_what_changed_in_words(client, reviewer, world):
    curation.publish_events(events=[world.forum], user=reviewer)
    client.force_login(reviewer)

    page = BeautifulSoup(
        client.get(reverse("admin:timeline_event_history", args=[world.forum.pk])).content, "html.parser"
    )

    table = page.select_one("#change-history")
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headers[-1] == "修改内容"
    changes = table.select_one("tbody tr td:last-child").get_text(" ", strip=True)
    assert "状态" in changes and "候选" in changes and "已发布" in changes
    assert "candidate" not in changes and "published" not in changes
    assert "None" not in table.get_text()


# codes and key names (http/https in "not a web (http/https) address"), and the data of these
# tests: the file names test_N.txt, the user's name
ALLOWED = {"id", "ID", "CSV", "XLSX", "csv", "xlsx", "Ctrl", "Enter", "Esc", "Tab", "URL", "SHA-", "http"}
ALLOWED |= {"https", "test", "txt", "reviewer"}


def english_words(html: str) -> set[str]:
    """Latin words a reader sees, other than column codes shown with their label ("标题 (title)")."""
    page = BeautifulSoup(html, "html.parser")
    for hidden in page(["script", "style", "select", "code", "kbd"]):
        hidden.decompose()
    text = re.sub(r"\([a-z_]+\)|\b[0-9a-f]{64}\b", " ", page.get_text(" "))  # column codes, SHA-256 digests
    return set(re.findall(r"[A-Za-z][A-Za-z'-]{2,}", text)) - ALLOWED


def test_the_admin_speaks_chinese(client, reviewer, world):
    curation.merge_events(events=[world.release, world.later_release], user=reviewer, accept_conflicts=True)
    entities.refuse(record=world.bureau, user=reviewer)
    client.force_login(reviewer)
    urls = [
        reverse("admin:index"),
        reverse("admin:timeline_event_changelist"),
        reverse("admin:timeline_event_review") + f"?event={world.forum.pk}",
        reverse("admin:timeline_event_review") + f"?event={world.release.pk}",
        reverse("admin:timeline_event_compare") + f"?ids={world.forum.pk},{world.undated.pk}",
        change_url(world.forum),
        reverse("admin:timeline_event_history", args=[world.forum.pk]),
        reverse("admin:timeline_event_import"),
        reverse("admin:timeline_event_export"),
        change_url(world.paper),
        change_url(world.forum.evidence.get()),
        reverse("admin:timeline_eventmerge_changelist"),
        reverse("admin:timeline_refusedname_changelist"),
        reverse("admin:people_park_changelist"),
        reverse("admin:policies_policy_changelist"),
    ]
    found = {url: english_words(client.get(url).content.decode()) for url in urls}
    assert {url: words for url, words in found.items() if words} == {}
    assert "科技园区大事记" in client.get(reverse("admin:index")).content.decode()  # branded Parkline


def test_the_admin_speaks_english_when_switched(client, reviewer, world):
    client.force_login(reviewer)
    client.cookies.load({"django_language": "en"})
    page = client.get(reverse("admin:timeline_event_review") + f"?event={world.forum.pk}").content.decode()
    assert "Review workbench" in page and "Publish" in page and "Keyboard shortcuts" in page
