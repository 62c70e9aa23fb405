"""The event spreadsheet round trip, by id, through the admin pages as a reviewer uses them:
export (with a BOM, the id, the evidence quote and the source), correct one title, import (the
preview names exactly what changes), and an unchanged file writes nothing at all."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from timeline.models import Event, Withdrawal
from timeline.resources import EventResource

from .conftest import assert_in_step

pytestmark = pytest.mark.django_db


def export_csv(client) -> bytes:
    columns = {f"eventresource_{name}": "on" for name in EventResource().fields}
    response = client.post(
        reverse("admin:timeline_event_export"), {"format": "0", "resource": "0", **columns}
    )
    assert response.status_code == 200
    return response.content


def rows_of(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def as_csv(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def preview(client, content: bytes, **extra):
    upload = SimpleUploadedFile("events.csv", content, content_type="text/csv")
    response = client.post(
        reverse("admin:timeline_event_import"),
        {"import_file": upload, "format": "0", "resource": "0", **extra},
    )
    assert response.status_code == 200
    return response


def confirm(client, preview_response):
    form = preview_response.context["confirm_form"]
    assert form is not None, preview_response.context["result"].row_errors()
    response = client.post(reverse("admin:timeline_event_process_import"), form.initial)
    assert response.status_code == 302
    return response


def stamps() -> dict[int, tuple]:
    return {e.pk: (e.updated, e.history.count()) for e in Event.objects.all()}


def test_the_export_carries_a_bom_the_id_the_evidence_and_its_source(client, reviewer, world):
    client.force_login(reviewer)

    content = export_csv(client)

    assert content.startswith("\ufeff".encode())
    row = next(r for r in rows_of(content) if r["id"] == str(world.release.pk))
    assert row["title"] == "星河高新区新赛道培育行动方案发布"
    assert row["date"] == "2024-01"
    assert row["evidence"] == "今年1月，《星河高新区新赛道培育行动方案》印发。"
    assert row["source"] == "星河日报 · 科技日报 · 2024-05-10"
    assert row["status"] == "candidate"


def test_export_edit_one_title_import_changes_one_event_and_adds_none(client, reviewer, world):
    client.force_login(reviewer)
    rows = rows_of(export_csv(client))
    for row in rows:
        if row["id"] == str(world.forum.pk):
            row["title"] = "星河高新区人工智能大会开幕"
    before = stamps()
    count = Event.objects.count()

    shown = preview(client, as_csv(rows))

    result = shown.context["result"]
    assert (result.totals["update"], result.totals["new"], result.totals["skip"]) == (1, 0, len(rows) - 1)
    page = shown.content.decode()
    assert "标题 (title)" in page  # the preview's headers are labelled in the interface's language
    changed = [row for row in result.valid_rows() if row.import_type == "update"]
    assert changed[0].diff[0] == "<strong>标题 (title)</strong>"  # the row names exactly what changes
    assert (
        Event.objects.get(pk=world.forum.pk).title == "星河高新区人工智能论坛举行"
    )  # a preview writes nothing

    confirm(client, shown)

    assert Event.objects.count() == count
    after = stamps()
    assert [pk for pk in before if before[pk] != after[pk]] == [world.forum.pk]
    assert after[world.forum.pk][1] == before[world.forum.pk][1] + 1  # one history entry
    assert Event.objects.get(pk=world.forum.pk).title == "星河高新区人工智能大会开幕"
    assert_in_step()


def test_an_unchanged_file_writes_nothing(client, reviewer, world):
    client.force_login(reviewer)
    content = export_csv(client)
    before = stamps()
    withdrawals = Withdrawal.objects.count()

    shown = preview(client, content)
    result = shown.context["result"]
    assert result.totals["skip"] == Event.objects.count()
    assert result.totals["update"] == result.totals["new"] == 0
    confirm(client, shown)

    assert stamps() == before  # no history entry, no new "updated"
    assert Withdrawal.objects.count() == withdrawals


def test_a_row_without_an_id_is_refused_unless_new_events_are_asked_for(client, reviewer, world):
    client.force_login(reviewer)
    rows = rows_of(export_csv(client))[:1]
    rows[0] |= {"id": "", "title": "新的活动", "status": ""}
    content = as_csv(rows)

    refused = preview(client, content)
    assert refused.context.get("confirm_form") is None
    assert "没有 id" in refused.content.decode()
    assert not Event.objects.filter(title="新的活动").exists()

    asked = preview(client, content, create_new="on")
    assert asked.context["result"].totals["new"] == 1
    confirm(client, asked)
    created = Event.objects.get(title="新的活动")
    assert created.status == Event.Status.CANDIDATE


def test_an_unknown_id_is_an_error_not_a_new_event(client, reviewer, world):
    client.force_login(reviewer)
    rows = rows_of(export_csv(client))[:1]
    rows[0]["id"] = "999999"

    shown = preview(client, as_csv(rows), create_new="on")

    assert shown.context.get("confirm_form") is None
    assert "999999" in shown.content.decode()


def test_the_import_form_says_what_the_box_does(client, reviewer):
    client.force_login(reviewer)
    page = client.get(reverse("admin:timeline_event_import")).content.decode()
    assert "为没有 id 的行新建大事" in page and "各行按 id 对应" in page
