"""The comparison that merges duplicates (the survivor chosen, a warning and a confirmation when
dates or kinds differ, an undo for Reviewers), the staff preview of an unpublished event's public
page, and the ways into the workbench from the rest of the admin."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse

from timeline.models import Event, EventMerge

from .conftest import assert_in_step

pytestmark = pytest.mark.django_db
COMPARE = "admin:timeline_event_compare"


def compare(client, *events, **data):
    ids = ",".join(str(event.pk) for event in events)
    if data:
        return client.post(reverse(COMPARE), {"ids": ids, **data})
    return client.get(reverse(COMPARE) + f"?ids={ids}")


def said(response) -> str:
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def test_the_comparison_shows_both_side_by_side_and_warns_of_the_dates(client, reviewer, world):
    client.force_login(reviewer)

    response = compare(client, world.release, world.later_release)

    page = BeautifulSoup(response.content, "html.parser")
    columns = page.select(".compare-grid .column")
    assert [c.h2.get_text() for c in columns] == [world.release.title, world.later_release.title]
    assert "2024-01" in columns[0].get_text() and "2025-01" in columns[1].get_text()
    assert columns[0].select_one("dd.differs")  # the date row is marked in each column
    assert "日期没有重叠" in page.select_one(".conflicts").get_text()
    assert page.select_one('input[name="confirm"]')
    survivor = page.select_one('input[name="survivor"][checked]')["value"]
    assert survivor == str(world.later_release.pk)  # the published one is offered to keep


def test_a_conflicting_merge_needs_the_confirmation(client, reviewer, world):
    client.force_login(reviewer)

    unconfirmed = compare(client, world.release, world.later_release, survivor=world.later_release.pk)
    assert unconfirmed.status_code == 200 and "请确认" in unconfirmed.content.decode()
    assert not EventMerge.objects.exists()

    confirmed = compare(client, world.release, world.later_release, survivor=world.release.pk, confirm="on")
    assert confirmed.status_code == 302
    assert Event.objects.get(pk=world.later_release.pk).merged_into_id == world.release.pk
    assert "撤销" in said(confirmed)
    assert_in_step()


def test_the_reviewer_undoes_the_merge_from_the_survivors_page(client, reviewer, world):
    client.force_login(reviewer)
    compare(client, world.release, world.later_release, survivor=world.release.pk, confirm="on")
    merge = EventMerge.objects.get()
    page = BeautifulSoup(
        client.get(reverse("admin:timeline_event_review") + f"?event={world.release.pk}").content,
        "html.parser",
    )
    undo = page.select_one(".merges form")
    assert undo["action"] == reverse("admin:timeline_event_unmerge", args=[merge.pk])

    response = client.post(undo["action"], {"back": undo.select_one('[name="back"]')["value"]})

    assert response.status_code == 302
    assert Event.objects.get(pk=world.later_release.pk).merged_into_id is None
    assert Event.objects.published().filter(pk=world.later_release.pk).exists()
    assert_in_step()


def test_editors_compare_but_may_not_merge_or_undo(client, editor, reviewer, world):
    client.force_login(editor)
    page = BeautifulSoup(compare(client, world.release, world.later_release).content, "html.parser")
    assert not page.select_one(".merge-button")
    response = compare(client, world.release, world.later_release, survivor=world.release.pk, confirm="on")
    assert "审核员" in said(response) and not EventMerge.objects.exists()

    client.force_login(reviewer)
    compare(client, world.release, world.later_release, survivor=world.release.pk, confirm="on")
    client.force_login(editor)
    response = client.post(reverse("admin:timeline_event_unmerge", args=[EventMerge.objects.get().pk]))
    assert "审核员" in said(response)
    assert Event.objects.get(pk=world.later_release.pk).merged_into_id == world.release.pk


def test_comparing_one_event_is_refused_with_a_message(client, reviewer, world):
    client.force_login(reviewer)
    response = compare(client, world.release)
    assert response.status_code == 302 and "至少选择两" in said(response)


def test_the_changelist_merge_action_opens_the_comparison(client, reviewer, world):
    client.force_login(reviewer)
    response = client.post(
        reverse("admin:timeline_event_changelist") + "?queue=all",
        {"action": "merge_selected", "_selected_action": [world.release.pk, world.later_release.pk]},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse(COMPARE) + f"?ids={world.release.pk},{world.later_release.pk}"
    assert not EventMerge.objects.exists()


# --- preview and view on site -----------------------------------------------------------------------


def test_staff_preview_of_an_unpublished_event(client, editor, world):
    assert client.get(reverse("timeline:event", args=[world.forum.pk])).status_code == 404  # not public
    client.force_login(editor)

    response = client.get(reverse("admin:timeline_event_preview", args=[world.forum.pk]))

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert "预览，未公开" in page.select_one(".preview-banner").get_text()
    assert page.h1.get_text() == world.forum.title  # the public page's own template
    assert page.select_one('meta[name="robots"]')["content"] == "noindex,nofollow"
    assert world.forum.title in page.select_one(".citation").get_text()  # the page as the public would see it


def test_an_undated_candidate_has_no_public_page_to_preview_and_is_told_so(client, editor, world):
    client.force_login(editor)
    response = client.get(reverse("admin:timeline_event_preview", args=[world.undated.pk]))
    assert response.status_code == 200
    assert "没有日期" in response.content.decode()


def test_the_preview_is_for_staff_only(client, world):
    response = client.get(reverse("admin:timeline_event_preview", args=[world.forum.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_view_on_site_for_a_published_event_preview_for_the_others(client, editor, world):
    client.force_login(editor)
    published = client.get(
        reverse("admin:timeline_event_change", args=[world.later_release.pk])
    ).content.decode()
    candidate = client.get(reverse("admin:timeline_event_change", args=[world.forum.pk])).content.decode()

    assert "在站点上查看" in published
    target = client.get(reverse("admin:timeline_event_change", args=[world.later_release.pk])).context[
        "absolute_url"
    ]
    assert client.get(target)["Location"].endswith(world.later_release.get_absolute_url())
    assert "在站点上查看" not in candidate
    assert reverse("admin:timeline_event_preview", args=[world.forum.pk]) in candidate


def test_the_workbench_is_linked_from_the_admin_home_and_the_event_list(client, editor, world):
    client.force_login(editor)
    workbench = reverse("admin:timeline_event_review")
    home = client.get(reverse("admin:index")).content.decode()
    assert workbench in home and "3 条大事待审核" in home
    assert workbench in client.get(reverse("admin:timeline_event_changelist")).content.decode()


@pytest.mark.parametrize(
    "url",
    [
        lambda w: reverse("admin:timeline_event_review"),
        lambda w: reverse("admin:timeline_event_compare") + f"?ids={w.release.pk},{w.later_release.pk}",
        lambda w: reverse("admin:timeline_event_preview", args=[w.forum.pk]),
        lambda w: reverse("admin:timeline_event_entity"),
        lambda w: reverse("admin:timeline_event_unmerge", args=[1]),
    ],
    ids=["review", "compare", "preview", "entity", "unmerge"],
)
def test_staff_without_the_event_permissions_is_refused_every_workbench_page(
    client, django_user_model, world, url
):
    client.force_login(django_user_model.objects.create_user("visitor", is_staff=True))
    assert client.get(url(world)).status_code == 403
    assert client.post(url(world), {"action": "publish"}).status_code == 403
    assert not EventMerge.objects.exists() and world.forum.status == Event.Status.CANDIDATE


def test_the_event_list_shows_each_candidate_s_quote_date_phrase_and_source(client, editor, world):
    client.force_login(editor)
    page = BeautifulSoup(client.get(reverse("admin:timeline_event_changelist")).content, "html.parser")
    row = next(tr for tr in page.select("#result_list tbody tr") if world.release.title in tr.get_text())
    cell = row.select_one("td.field-evidence_line")
    assert "今年1月，《星河高新区新赛道培育行动方案》印发。" in cell.get_text()
    assert cell.select_one("mark").get_text() == "今年1月"
    assert "星河日报 · 科技日报 · 2024-05-10" in cell.get_text()


def test_the_publish_action_says_which_undated_events_it_left(client, reviewer, world):
    client.force_login(reviewer)
    response = client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "publish", "_selected_action": [world.forum.pk, world.undated.pk]},
    )
    assert "1 条没有日期的大事未发布" in said(response)
    assert Event.objects.get(pk=world.forum.pk).status == Event.Status.PUBLISHED
    assert Event.objects.get(pk=world.undated.pk).status == Event.Status.CANDIDATE
