"""A URL an editor types or a spreadsheet brings must be a web address; one that an imported
document gave and that is not is shown to the editor as text, never as a link."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from import_export.formats.base_formats import CSV

from policies.models import Policy
from timeline.models import Source
from timeline.resources import PolicyResource, SourceResource

from .conftest import build_world

pytestmark = pytest.mark.django_db

UNSAFE = ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "vbscript:x"]


def policy_form(user, **changes):
    request = RequestFactory().get("/")
    request.user = user
    policy = Policy.objects.get(title__endswith="0")
    model_admin = admin.site._registry[Policy]
    form_class = model_admin.get_form(request, policy)
    data = {
        "title": policy.title,
        "slug": policy.slug,
        "kind": policy.kind,
        "status": policy.status,
        "written_precision": "day",
        "published_precision": "day",
        "effective_precision": "day",
        **changes,
    }
    return form_class(data=data, instance=policy)


@pytest.mark.parametrize("url", UNSAFE)
def test_the_policy_form_refuses_a_url_that_is_not_a_web_address(superuser, url):
    build_world(1)
    form = policy_form(superuser, url=url)
    assert not form.is_valid() and "url" in form.errors
    assert policy_form(superuser, url="https://gov.example/plan.html").is_valid()


@pytest.mark.parametrize("url", UNSAFE)
def test_a_spreadsheet_row_with_such_a_url_is_refused(url):
    build_world(1)
    text = f"title,kind,url\n新方案,plan,{url.replace(',', '%2C')}\n新办法,measures,https://gov.example/b\n"

    result = PolicyResource().import_data(CSV().create_dataset(text), dry_run=False, raise_errors=False)

    assert [row.number for row in result.invalid_rows] == [1]
    assert "url" in result.invalid_rows[0].field_specific_errors
    assert not Policy.objects.filter(title="新方案").exists()


def test_a_source_row_with_such_a_url_is_refused():
    build_world(1)
    source = Source.objects.get()
    text = f"content_sha256,title,url,raw_text,clean_text\n{source.content_sha256},新标题,javascript:x,a,a\n"

    result = SourceResource().import_data(CSV().create_dataset(text), dry_run=False, raise_errors=False)

    assert result.has_validation_errors()
    source.refresh_from_db()
    assert (source.title, source.url) == ("动态0", "")


def test_the_source_page_shows_the_url_as_found_as_text(client, superuser):
    build_world(1)
    Source.objects.update(url_as_found="javascript:alert(document.cookie)")
    client.force_login(superuser)

    page = reverse("admin:timeline_source_change", args=[Source.objects.get().pk])
    html = client.get(page).content.decode()

    assert "javascript:alert(document.cookie)" in html
    assert 'href="javascript:' not in html
    assert 'name="url_as_found"' not in html  # read-only: shown, not editable
