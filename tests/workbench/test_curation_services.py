"""The workbench's event services: edit one event, publish only what is dated, merge with the
editor's choice of survivor and a conflict check, undo a merge. Each checks its permission
(Editors edit and mark reviewed; Reviewers also publish, reject, merge and undo merges) and
ends in the one door to derived data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.public import factories as f
from timeline import curation
from timeline.models import Event, EventMerge, EventOrganisation, Evidence, Withdrawal

from .conftest import assert_in_step

pytestmark = pytest.mark.django_db


def rows() -> dict[str, set[tuple]]:
    """Every row a merge may touch, as it is stored (not the derived stamps)."""
    return {
        "events": set(
            Event.objects.values_list(
                "pk", "title", "date", "precision", "kind", "status", "confidence"
            ).values_list("pk", "title", "date", "precision", "kind", "status", "confidence", "merged_into")
        ),
        "evidence": set(Evidence.objects.values_list("pk", "event_id", "news_item_id", "start", "quote")),
        "parks": set(Event.parks.through.objects.values_list("event_id", "park_id")),
        "people": set(Event.people.through.objects.values_list("event_id", "person_id")),
        "policies": set(Event.policies.through.objects.values_list("event_id", "policy_id")),
        "roles": set(EventOrganisation.objects.values_list("event_id", "organisation_id", "role")),
    }


# --- update_event ---------------------------------------------------------------------------------


def test_an_editor_corrects_title_date_kind_and_links(editor, world):
    forum = world.forum
    other = f.park("云岭高新区")

    curation.update_event(
        event=forum,
        changes={
            "title": "人工智能大会开幕",
            "date": dt.date(2024, 5, 9),
            "kind": "meeting",
            "parks": [other],
        },
        user=editor,
    )

    forum.refresh_from_db()
    assert (forum.title, forum.date, forum.kind) == ("人工智能大会开幕", dt.date(2024, 5, 9), "meeting")
    assert list(forum.parks.all()) == [other]
    assert forum.history.first().history_user == editor
    assert "大会" in forum.search_text
    assert_in_step()


def test_an_edit_that_changes_nothing_writes_nothing(editor, world):
    forum = Event.objects.get(pk=world.forum.pk)
    before = (forum.updated, forum.history.count())

    curation.update_event(
        event=forum,
        changes={"title": forum.title, "date": forum.date, "parks": list(forum.parks.all())},
        user=editor,
    )

    forum.refresh_from_db()
    assert (forum.updated, forum.history.count()) == before


def test_organisations_kept_keep_their_roles_and_new_ones_take_part(editor, world):
    newcomer = f.organisation("星河大学")

    curation.update_event(event=world.forum, changes={"organisations": [world.bureau, newcomer]}, user=editor)

    roles = set(world.forum.organisation_roles.values_list("organisation__name", "role"))
    assert roles == {("星河市科技局", "organiser"), ("星河大学", "participant")}


def test_an_edit_breaking_a_rule_saves_nothing(editor, world):
    forum = world.forum
    with pytest.raises(ValidationError):
        curation.update_event(
            event=forum, changes={"title": "改了", "end_date": dt.date(2024, 5, 1)}, user=editor
        )
    forum.refresh_from_db()
    assert forum.title == "星河高新区人工智能论坛举行"


def test_an_edit_cannot_undate_a_published_event_or_touch_its_status(editor, world):
    with pytest.raises(ValidationError):
        curation.update_event(event=world.later_release, changes={"date": None}, user=editor)
    with pytest.raises(ValueError):
        curation.update_event(event=world.forum, changes={"status": "published"}, user=editor)


def test_editing_needs_the_change_permission(world, django_user_model):
    visitor = django_user_model.objects.create_user("visitor", is_staff=True)
    with pytest.raises(PermissionDenied):
        curation.update_event(event=world.forum, changes={"title": "x"}, user=visitor)


# --- publishing only what is dated -------------------------------------------------------------------


def test_an_undated_candidate_is_not_published_until_dated(editor, reviewer, world):
    undated = world.undated

    assert curation.publish_events(events=[undated], user=reviewer) == 0
    assert Event.objects.get(pk=undated.pk).status == Event.Status.CANDIDATE

    curation.update_event(event=undated, changes={"date": dt.date(2024, 4, 27)}, user=editor)
    assert curation.publish_events(events=[undated], user=reviewer) == 1
    assert Event.objects.published().filter(pk=undated.pk).exists()


@pytest.mark.parametrize(
    "service",
    [curation.publish_events, curation.reject_events],
    ids=["publish", "reject"],
)
def test_editors_may_not_publish_or_reject(editor, world, service):
    with pytest.raises(PermissionDenied):
        service(events=[world.forum], user=editor)


def test_editors_mark_reviewed(editor, world):
    assert curation.mark_reviewed(events=[world.forum], user=editor) == 1


# --- merging --------------------------------------------------------------------------------------


def test_a_merge_of_events_whose_dates_disagree_needs_confirming(reviewer, world):
    """2024-01 and 2025-01: the merge the old admin made without a word."""
    events = [world.release, world.later_release]
    before = rows()

    with pytest.raises(curation.MergeConflict) as conflict:
        curation.merge_events(events=events, user=reviewer, survivor=world.later_release)

    assert [c.field for c in conflict.value.conflicts] == ["date"]
    assert "2024-01" in str(conflict.value) and "2025-01" in str(conflict.value)
    assert rows() == before and not EventMerge.objects.exists()

    kept = curation.merge_events(
        events=events, user=reviewer, survivor=world.later_release, accept_conflicts=True
    )

    assert kept == world.later_release
    assert Event.objects.get(pk=world.release.pk).merged_into == kept
    merge = EventMerge.objects.get()
    assert merge.conflicts == [{"field": "date", "values": ["2024-01", "2025-01"]}]
    assert merge.merged_by == reviewer
    assert_in_step()


def test_the_editor_chooses_the_survivor(reviewer, world):
    a = f.event("星河论坛", status="candidate")
    b = f.event("星河论坛开幕", status="candidate")
    assert curation.merge_events(events=[a, b], user=reviewer, survivor=b) == b
    assert Event.objects.get(pk=a.pk).merged_into_id == b.pk


def test_kinds_that_differ_are_a_conflict_too(reviewer):
    a = f.event("星河论坛", kind="forum", status="candidate")
    b = f.event("星河论坛", kind="meeting", status="candidate")
    with pytest.raises(curation.MergeConflict) as conflict:
        curation.merge_events(events=[a, b], user=reviewer)
    assert [c.field for c in conflict.value.conflicts] == ["kind"]


def test_editors_may_not_merge_or_undo_merges(editor, reviewer, world):
    events = [world.release, world.later_release]
    with pytest.raises(PermissionDenied):
        curation.merge_events(events=events, user=editor, accept_conflicts=True)
    curation.merge_events(events=events, user=reviewer, accept_conflicts=True)
    with pytest.raises(PermissionDenied):
        curation.unmerge(merge=EventMerge.objects.get(), user=editor)


# --- undoing a merge ------------------------------------------------------------------------------


def test_merge_then_unmerge_gives_the_rows_before(reviewer, world):
    paper = world.paper
    # a copy quotes the forum's passage too: the survivor keeps its own, the copy's stays with it
    copy = f.event(
        "人工智能论坛",
        date=world.forum.date,
        status="published",
        quote="5月8日，星河高新区人工智能论坛在会展中心举行",
        in_source=paper,
    )
    copy.people.add(f.person("张三"))
    Event.objects.filter(pk=copy.pk).update(confidence=0.9)
    before = rows()
    public_before = set(Event.objects.published().values_list("pk", flat=True))

    survivor = curation.merge_events(events=[world.forum, copy], user=reviewer, survivor=world.forum)
    assert rows() != before
    assert survivor.confidence == 0.9 and survivor.people.filter(name="张三").exists()
    assert copy.pk not in set(Event.objects.published().values_list("pk", flat=True))

    restored = curation.unmerge(merge=EventMerge.objects.get(), user=reviewer)

    assert restored == [Event.objects.get(pk=copy.pk)]
    assert rows() == before
    assert set(Event.objects.published().values_list("pk", flat=True)) == public_before
    assert Withdrawal.objects.filter(event_id=copy.pk, reason=Withdrawal.Reason.MERGED).exists()
    merge = EventMerge.objects.get()
    assert merge.is_undone and merge.undone_by == reviewer
    assert_in_step()


def test_a_passage_the_survivor_quotes_already_stays_with_its_event(reviewer, world):
    copy = f.event(
        "同一段",
        date=world.forum.date,
        status="candidate",
        quote=world.forum.evidence.get().quote,
        in_source=world.paper,
    )
    Evidence.objects.filter(event=copy).update(start=world.forum.evidence.get().start)

    curation.merge_events(events=[world.forum, copy], user=reviewer, survivor=world.forum)

    assert copy.evidence.count() == 1 and world.forum.evidence.count() == 1


def test_merges_are_undone_last_first_and_a_chain_comes_back(reviewer):
    a, b, c = (f.event(f"星河论坛{n}", status="candidate") for n in "一二三")
    before = rows()
    curation.merge_events(events=[b, c], user=reviewer, survivor=b)  # c → b
    curation.merge_events(events=[a, b], user=reviewer, survivor=a)  # b → a, and c re-pointed to a
    first, second = EventMerge.objects.order_by("pk")
    assert Event.objects.get(pk=c.pk).merged_into_id == a.pk

    with pytest.raises(ValueError):
        curation.unmerge(merge=first, user=reviewer)  # b is merged into a: undo that first
    curation.unmerge(merge=second, user=reviewer)
    assert Event.objects.get(pk=c.pk).merged_into_id == b.pk
    curation.unmerge(merge=first, user=reviewer)

    assert rows() == before
    with pytest.raises(ValueError):
        curation.unmerge(merge=first, user=reviewer)  # once is enough
