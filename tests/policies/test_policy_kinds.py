"""Policy kinds: an approval (批复) is a kind of its own, and the database refuses an unknown kind."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from policies.models import Policy, PolicyKind

pytestmark = pytest.mark.django_db


def test_an_approval_is_stored_as_one():
    policy = Policy.objects.create(
        title="东方省人民政府关于同意设立北湖高新区的批复", kind=PolicyKind.APPROVAL
    )
    assert Policy.objects.get(pk=policy.pk).kind == "approval"


def test_an_unknown_kind_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        Policy.objects.create(title="东方省科技园区管理办法", kind="decree")
