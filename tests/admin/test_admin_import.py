"""Importing and exporting through the admin pages, as an editor does it."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from people.models import Park
from timeline.resources import EventResource

from .conftest import build_world

pytestmark = pytest.mark.django_db


def test_editor_imports_parks_from_csv_in_two_steps(client, editor):
    build_world(1)
    client.force_login(editor)
    csv = (
        "name,level,province,parent,approved_on,aliases\n"
        "新高新区,national_htz,某省,测试高新区0,2012-09,新区|新园\n"
    )
    upload = SimpleUploadedFile("parks.csv", csv.encode("utf-8"), content_type="text/csv")

    preview = client.post(
        reverse("admin:people_park_import"), {"import_file": upload, "format": "0", "resource": "0"}
    )
    assert preview.status_code == 200
    confirm = preview.context["confirm_form"]
    assert confirm is not None, (
        preview.context["result"].base_errors or preview.context["result"].invalid_rows
    )
    assert not Park.objects.filter(name="新高新区").exists()  # the preview writes nothing

    response = client.post(reverse("admin:people_park_process_import"), confirm.initial)
    assert response.status_code == 302
    park = Park.objects.get(name="新高新区")
    assert park.parent.name == "测试高新区0" and str(park.approved_on) == "2012-09-01"
    assert park.approved_precision == "month"
    assert set(park.aliases.values_list("name", flat=True)) == {"新区", "新园"}
    assert park.history.first().history_user == editor


@pytest.mark.parametrize("file_format", ["0", "1"], ids=["csv", "xlsx"])
def test_export_downloads_a_file(client, superuser, file_format):
    build_world(2)
    client.force_login(superuser)
    columns = {f"eventresource_{name}": "on" for name in EventResource().fields}
    response = client.post(
        reverse("admin:timeline_event_export"), {"format": file_format, "resource": "0", **columns}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(('.csv"', '.xlsx"'))
    if file_format == "0":
        assert "测试论坛1" in response.content.decode("utf-8")
