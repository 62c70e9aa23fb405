"""Importing, correcting and importing another real document that names the same things: the
corrections stick, and so do the review decisions (a copy of a rejected report is not proposed
again, a published event stays published)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from people.models import Organisation
from timeline import curation, entities
from timeline.models import Event, RefusedName

from .documents import NEWSLETTER, NEWSLETTER_DATE, dalian_article

pytestmark = pytest.mark.django_db


def import_news(*args) -> str:
    out = io.StringIO()
    call_command("import_news", *map(str, args), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_corrections_and_decisions_hold_for_the_next_document(reviewer, tmp_path):
    call_command("load_registry", stdout=io.StringIO())
    import_news(NEWSLETTER)
    committee = Organisation.objects.create(
        name="大连高新区管委会", kind=Organisation.Kind.PARK_COMMITTEE, is_reviewed=True
    )
    release = Event.objects.get(kind="policy_release", title__contains="若干政策")
    statistic = Event.objects.get(kind="statistic", title__contains="大连高新区拥有国家级各类人才")
    signup = Event.objects.get(kind="park_signup", title__contains="沈大")
    # the issuer read as "大连高新区" is the park's committee; the editor wants no record of
    # "维德芯片公司" (a name the article proposes again)
    entities.same_as(record=Organisation.objects.get(name="大连高新区"), target=committee, user=reviewer)
    entities.refuse(record=Organisation.objects.get(name="维德芯片公司"), user=reviewer)
    curation.publish_events(events=[release, statistic], user=reviewer)
    curation.reject_events(events=[signup], user=reviewer)
    events_before = Event.objects.count()

    summary = import_news("--published", NEWSLETTER_DATE, dalian_article(tmp_path))

    assert "failed 0" in summary
    assert not Organisation.objects.filter(name__in=["大连高新区", "维德芯片公司"]).exists()
    assert RefusedName.objects.filter(kind="organisation", name="维德芯片公司").exists()
    assert Event.objects.count() == events_before  # every report of the article is a known event
    release.refresh_from_db()
    assert release.evidence.count() == 2 and release.status == Event.Status.PUBLISHED
    assert set(release.organisation_roles.values_list("organisation__name", flat=True)) == {
        "大连高新区管委会"
    }
    assert Event.objects.get(pk=statistic.pk).status == Event.Status.PUBLISHED
    signup.refresh_from_db()
    assert signup.status == Event.Status.REJECTED and signup.evidence.count() == 2
