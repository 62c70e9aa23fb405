"""From a notice's bytes to a filled Policy: the extractor reads it, the importer stores it."""

from __future__ import annotations

import datetime as dt

import pytest

from policies.models import Policy
from timeline.importers import import_document
from timeline.ingest.pipeline import extract_document
from timeline.ingest.types import PartialDate
from timeline.models import Event

pytestmark = pytest.mark.django_db

NOTICE = """当前位置：首页 > 政策文件
东方省人民政府关于同意设立北湖高新技术产业园区的批复
东府函〔2022〕40号
北湖市人民政府：
你市请示收悉。现批复如下：北湖高新技术产业园区要突出特色，集聚创新资源。
东方省人民政府
2022年9月1日
"""


def test_a_notice_imports_as_a_filled_policy_with_one_release():
    document = extract_document(NOTICE.encode("utf-8"), "notice.txt", published=PartialDate(2022, 9, 8))
    import_document(document)

    policy = Policy.objects.get()
    assert policy.title == "东方省人民政府关于同意设立北湖高新技术产业园区的批复"
    assert (policy.kind, policy.document_number) == ("approval", "东府函〔2022〕40号")
    assert (policy.written_on, policy.published_on) == (dt.date(2022, 9, 1), dt.date(2022, 9, 8))
    assert [o.name for o in policy.issuers.all()] == ["东方省人民政府"]
    release = Event.objects.get(kind="policy_release")
    assert (release.date, release.precision) == (dt.date(2022, 9, 1), "day")
    assert release.title == "东方省人民政府批复同意设立北湖高新技术产业园区"
    assert list(release.policies.all()) == [policy]


def test_a_repost_of_the_notice_adds_no_second_release():
    import_document(extract_document(NOTICE.encode("utf-8"), "a.txt", published=PartialDate(2022, 9, 8)))
    repost = "转载：\n" + NOTICE + "（来源：东方省人民政府网站）\n"

    import_document(extract_document(repost.encode("utf-8"), "b.txt", published=PartialDate(2023, 1, 5)))

    assert Policy.objects.count() == 1
    assert Event.objects.filter(kind="policy_release").count() == 1
