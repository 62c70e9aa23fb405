"""The review page: the queue with its filters, the event beside its article (the evidence
highlighted, the date phrase marked), its likely duplicates, and every decision made without
leaving the page; Editors edit and mark reviewed, Reviewers also publish, reject and merge."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from people.models import Organisation
from tests.public import factories as f
from timeline.models import Event, RefusedName

from .conftest import assert_in_step

pytestmark = pytest.mark.django_db
REVIEW = "admin:timeline_event_review"


def review_url(**params) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse(REVIEW) + (f"?{query}" if query else "")


def page(client, **params) -> BeautifulSoup:
    response = client.get(review_url(**params))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def act(client, event: Event, action: str, data: dict | None = None, **params):
    return client.post(review_url(**params, event=event.pk), {"action": action, **(data or {})})


def said(response) -> str:
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


# --- what the page shows ------------------------------------------------------------------------


def test_the_event_is_shown_in_its_article_with_the_sentence_and_the_date_phrase_marked(
    client, editor, world
):
    client.force_login(editor)

    shown = page(client, event=world.release.pk)

    article = shown.select_one(".article")
    evidence = article.select_one("mark.evidence")
    assert evidence.get_text() + "".join(m.get_text() for m in article.select("mark.evidence")[1:]) == (
        "今年1月，《星河高新区新赛道培育行动方案》印发。"
    )
    assert article.select_one("mark.date-phrase").get_text() == "今年1月"
    assert "5月8日，星河高新区人工智能论坛" in article.get_text()  # the rest of the article, unmarked
    assert article.h2.get_text() == "星河日报"
    source_line = article.select_one(".source-line").get_text()
    assert "科技日报" in source_line and "2024-05-10" in source_line
    facts = shown.select_one(".event-head").get_text()
    assert "2024-01（精确到月）" in facts and "今年1月" in facts
    assert "政策发布" in facts


def test_likely_duplicates_include_a_release_of_the_same_policy_a_year_apart(client, reviewer, world):
    client.force_login(reviewer)
    shown = page(client, event=world.release.pk)
    duplicates = shown.select(".duplicates li")
    assert [li.a.get_text() for li in duplicates] == [world.later_release.title]
    compare = shown.select_one(".merge-link")["href"]
    assert compare.endswith(f"?ids={world.release.pk},{world.later_release.pk}")


def test_the_queue_lists_quote_date_phrase_and_source_and_filters(client, editor, world):
    client.force_login(editor)

    rows = page(client).select(".queue-list li")
    assert {li.select_one(".q-title").get_text() for li in rows} == {
        world.release.title,
        world.forum.title,
        world.undated.title,
    }  # open events only: the published one is not in the queue
    forum_row = next(li for li in rows if li.select_one(".q-title").get_text() == world.forum.title)
    assert "会展中心" in forum_row.select_one(".q-quote").get_text()
    assert forum_row.select_one(".date-phrase").get_text() == "5月8日"
    assert "星河日报" in forum_row.select_one(".q-source").get_text()

    def titles(**filters) -> list[str]:
        return [
            li.select_one(".q-title").get_text() for li in page(client, **filters).select(".queue-list li")
        ]

    assert titles(kind="policy_release") == [world.release.title]
    assert titles(undated="on") == [world.undated.title]
    assert titles(source=world.paper.pk, sort="date") == [world.release.title, world.forum.title]
    assert titles(status="published") == [world.later_release.title]
    assert titles(q="论坛") == [world.forum.title]
    Event.objects.filter(pk=world.forum.pk).update(confidence=0.1)
    assert titles(sort="confidence")[0] == world.forum.title
    assert titles(date_from="2024-05", date_to="2024") == [world.forum.title]


def test_a_bad_filter_value_is_said_and_ignored(client, editor, world):
    client.force_login(editor)
    shown = page(client, date_from="yesterday", confidence_min="lots")
    assert shown.select(".queue-filters .errornote")
    assert len(shown.select(".queue-list li")) == 3


def test_the_queue_page_costs_the_same_queries_however_long_the_queue(client, reviewer, world):
    client.force_login(reviewer)
    url = review_url(event=world.forum.pk)
    client.get(url)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    for n in range(15):
        f.event(f"第{n}场路演", status="candidate", date=dt.date(2023, 1, 1 + n))
    assert count() == few


def test_the_shortcuts_are_on_the_page(client, editor, world):
    client.force_login(editor)
    shown = page(client, event=world.forum.pk)
    help_keys = {kbd.get_text() for kbd in shown.select("#shortcut-help kbd")}
    assert {"j", "k", "p", "x", "r", "e", "m", "?", "v", "Esc"} <= help_keys
    assert shown.select_one('script[src$="timeline/review.js"]')


# --- decisions ----------------------------------------------------------------------------------


def test_a_reviewer_publishes_and_lands_on_the_next_event(client, reviewer, world):
    client.force_login(reviewer)
    queue = [li.a["href"] for li in page(client, source=world.paper.pk, sort="date").select(".queue-list li")]
    first = int(re.search(r"event=(\d+)", queue[0]).group(1))
    second = re.search(r"event=(\d+)", queue[1]).group(1)
    event = Event.objects.get(pk=first)

    response = act(client, event, "publish", source=world.paper.pk, sort="date")

    assert response.status_code == 302 and response["Location"].endswith(f"event={second}")
    assert Event.objects.get(pk=first).status == Event.Status.PUBLISHED
    assert_in_step()


def test_reject_and_mark_reviewed(client, reviewer, world):
    client.force_login(reviewer)
    act(client, world.forum, "reject")
    act(client, world.release, "review")
    assert Event.objects.get(pk=world.forum.pk).status == Event.Status.REJECTED
    assert Event.objects.get(pk=world.release.pk).status == Event.Status.REVIEWED


def test_an_editor_is_offered_no_publishing_and_is_refused_it(client, editor, world):
    client.force_login(editor)
    shown = page(client, event=world.forum.pk)
    assert not shown.select('form[data-action="publish"], form[data-action="reject"]')
    assert shown.select('form[data-action="review"]') and shown.select("#edit-panel")

    for action in ("publish", "reject"):
        response = act(client, world.forum, action)
        assert response.status_code == 302 and "审核员" in said(response)
    assert Event.objects.get(pk=world.forum.pk).status == Event.Status.CANDIDATE
    act(client, world.forum, "review")
    assert Event.objects.get(pk=world.forum.pk).status == Event.Status.REVIEWED


def test_an_undated_candidate_is_dated_here_before_it_can_be_published(client, editor, reviewer, world):
    client.force_login(reviewer)
    shown = page(client, event=world.undated.pk)
    assert shown.select_one('form[data-action="publish"] button').has_attr("disabled")
    response = act(client, world.undated, "publish")
    assert "没有日期" in said(response)
    assert Event.objects.get(pk=world.undated.pk).status == Event.Status.CANDIDATE

    client.force_login(editor)
    fields = {"edit-title": world.undated.title, "edit-date": "2024-04-27", "edit-kind": "forum"}
    act(client, world.undated, "save", fields)
    undated = Event.objects.get(pk=world.undated.pk)
    assert (undated.date, undated.precision) == (dt.date(2024, 4, 27), "day")

    client.force_login(reviewer)
    act(client, undated, "publish")
    assert Event.objects.published().filter(pk=undated.pk).exists()


def test_an_edit_with_a_bad_date_is_shown_again_and_saves_nothing(client, editor, world):
    client.force_login(editor)
    response = act(
        client, world.forum, "save", {"edit-title": "新标题", "edit-date": "五月", "edit-kind": "forum"}
    )
    assert response.status_code == 200
    shown = BeautifulSoup(response.content, "html.parser")
    assert "collapsed" not in shown.select_one("#edit-panel")["class"]
    assert "五月" in shown.select_one(".edit-date .errornote").get_text()
    assert Event.objects.get(pk=world.forum.pk).title == world.forum.title


def test_save_and_next_saves_links_and_moves_on(client, editor, world):
    client.force_login(editor)
    fields = {
        "edit-title": "星河高新区人工智能大会",
        "edit-date": "2024-05",
        "edit-kind": "meeting",
        "edit-parks": [world.park.pk],
        "edit-organisations": [world.bureau.pk],
    }
    response = act(client, world.forum, "save_next", fields)
    assert response.status_code == 302 and f"event={world.forum.pk}" not in response["Location"]
    forum = Event.objects.get(pk=world.forum.pk)
    assert (forum.title, forum.date, forum.precision, forum.kind) == (
        "星河高新区人工智能大会",
        dt.date(2024, 5, 1),
        "month",
        "meeting",
    )
    assert not forum.people.exists()  # the people field was sent empty: the person was taken off
    assert forum.history.first().history_user == editor


def test_bulk_publish_publishes_the_reviewed_events_of_the_filtered_list(client, reviewer, world):
    client.force_login(reviewer)
    for event in (world.forum, world.release, world.undated):
        act(client, event, "review")
    shown = page(client, kind="forum")
    form = shown.select_one("form.bulk-publish")
    assert form.select_one('[name="expected"]')["value"] == "1"  # the undated one is not offered

    stale = client.post(review_url(kind="forum"), {"action": "bulk_publish", "expected": "5"})
    assert "变化" in said(stale) and not Event.objects.published().filter(pk=world.forum.pk).exists()
    client.post(review_url(kind="forum"), {"action": "bulk_publish", "expected": "1"})
    assert Event.objects.get(pk=world.forum.pk).status == Event.Status.PUBLISHED
    assert Event.objects.get(pk=world.release.pk).status == Event.Status.REVIEWED  # not in the filter


def test_an_editor_cannot_bulk_publish(client, editor, world):
    client.force_login(editor)
    act(client, world.forum, "review")
    assert not page(client).select("form.bulk-publish")
    response = client.post(review_url(), {"action": "bulk_publish", "expected": "1"})
    assert "审核员" in said(response) and not Event.objects.published().filter(pk=world.forum.pk).exists()


def test_a_visitor_without_permissions_is_refused_the_page(client, django_user_model, world):
    client.force_login(django_user_model.objects.create_user("visitor", is_staff=True))
    assert client.get(review_url()).status_code == 403


# --- entity chips -----------------------------------------------------------------------------------


def chip_action(client, kind: str, record, action: str, **data):
    return client.post(
        reverse("admin:timeline_event_entity"),
        {"kind": kind, "id": record.pk, "action": action, "back": review_url(), **data},
    )


def test_chips_show_every_entity_with_its_actions(client, reviewer, world):
    client.force_login(reviewer)
    shown = page(client, event=world.forum.pk)
    chips = {chip.select_one(".chip-name").get_text(): chip for chip in shown.select(".chips .chip")}
    assert set(chips) == {"星河高新区", "星河市科技局", "李明"}
    assert chips["星河市科技局"].select_one(".chip-role").get_text() == "主办"
    assert chips["李明"].select_one("select.admin-autocomplete")  # "same as" through the admin's autocomplete
    assert chips["李明"].select_one("form.chip-refuse button").get_text() == "不是人物"


def test_a_new_name_of_the_article_that_no_event_uses_is_offered_for_refusal(client, reviewer, world):
    junk = Organisation.objects.create(name="人工智能论坛在会")  # a fragment an import took for a body
    client.force_login(reviewer)
    shown = page(client, event=world.forum.pk)
    assert [c.select_one(".chip-name").get_text() for c in shown.select(".new-names .chip")] == [junk.name]

    response = chip_action(client, "organisation", junk, "refuse")

    assert response.status_code == 302 and "不是机构" in said(response)
    assert RefusedName.objects.filter(name="人工智能论坛在会").exists()


def test_same_as_refuse_and_rename_from_a_chip(client, reviewer, world):
    client.force_login(reviewer)
    registry = Organisation.objects.create(name="星河市科学技术局", is_reviewed=True)

    chip_action(
        client,
        "organisation",
        world.bureau,
        "same_as",
        **{f"organisation-{world.bureau.pk}-target": registry.pk},
    )
    assert list(world.forum.organisation_roles.values_list("organisation", flat=True)) == [registry.pk]
    assert registry.aliases.get().name == "星河市科技局"

    chip_action(client, "park", world.park, "rename", name="星河高新技术产业开发区")
    assert world.forum.parks.get().name == "星河高新技术产业开发区"

    person = world.forum.people.get()
    chip_action(client, "person", person, "refuse")
    assert not world.forum.people.exists()
    assert_in_step()


def test_an_editor_renames_from_a_chip_but_may_not_merge_or_refuse(client, editor, world):
    client.force_login(editor)
    shown = page(client, event=world.forum.pk)
    assert not shown.select(".chip-same-as, .chip-refuse") and shown.select(".chip-rename")
    other = Organisation.objects.create(name="星河大学")

    merged = chip_action(
        client,
        "organisation",
        world.bureau,
        "same_as",
        **{f"organisation-{world.bureau.pk}-target": other.pk},
    )
    refused = chip_action(client, "organisation", world.bureau, "refuse")
    assert "审核员" in said(merged) and "审核员" in said(refused)
    assert Organisation.objects.filter(pk=world.bureau.pk).exists() and not RefusedName.objects.exists()

    chip_action(client, "organisation", world.bureau, "rename", name="星河市科学技术局")
    assert Organisation.objects.get(pk=world.bureau.pk).name == "星河市科学技术局"


def test_a_chip_action_on_a_name_taken_says_so(client, editor, world):
    client.force_login(editor)
    Organisation.objects.create(name="星河大学")
    response = chip_action(client, "organisation", world.bureau, "rename", name="星河大学")
    assert "等同于" in said(response)
