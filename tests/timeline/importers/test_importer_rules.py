"""The importer's small text rules: policy kind and period from a title, a new organisation's
kind from its name, the sentence quoted for a position (tables: input, expected)."""

from __future__ import annotations

import pytest

from timeline.importers import organisation_kind, policy_kind, policy_period, sentence_around


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("星河市促进科技成果转化实施方案", "plan"),
        ("云岭高新区“十四五”发展规划", "plan"),
        ("海湾市独角兽企业培育计划（2023—2025年）", "plan"),
        ("《关于支持高新区高质量发展的若干意见》", "opinion"),
        ("关于开展2024年度创新券申报工作的通知", "notice"),
        ("星河市高新技术企业认定管理办法", "measures"),
        ("支持人工智能产业发展的若干措施（试行）", "measures"),
        ("云岭市人才引进配套政策", "measures"),
        ("中国科技园区发展年度报告", "report"),
        ("科技园区绿色发展倡议", "initiative"),
        ("星河市科技创新条例", "law"),
        ("中华人民共和国促进科技成果转化法", "law"),
        ("高新区企业服务指南", "other"),
    ],
)
def test_policy_kind_comes_from_the_titles_last_word(title, kind):
    assert policy_kind(title) == kind


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("海湾市独角兽企业培育计划（2023—2025年）", (2023, 2025)),
        ("海湾市独角兽企业培育计划(2023-2025年)", (2023, 2025)),
        ("星河市科技创新三年行动方案（2024至2026年）", (2024, 2026)),
        ("2024年度创新券申报通知", None),
        ("规划（2030—2025年）", None),
    ],
)
def test_policy_period_comes_from_the_title(title, period):
    assert policy_period(title) == period


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("云岭高新区管委会", "park_committee"),
        ("海湾市人民政府", "local_government"),
        ("星河理工大学", "university"),
        ("星河智能装备有限公司", "company"),
        ("海湾市软件行业协会", "association"),
        ("科学技术部", "ministry"),
        ("星河市科学技术局", "agency"),
        ("云岭省发展和改革委员会", "agency"),
        ("星河孵化器", "other"),
    ],
)
def test_a_new_organisations_kind_comes_from_its_name(name, kind):
    assert organisation_kind(name) == kind


def test_sentence_around_a_mention():
    text = "论坛开幕。星河市科技局局长王明远出席并致辞！随后举行签约仪式"
    start = text.index("王明远")

    assert sentence_around(text, start, start + 3) == "星河市科技局局长王明远出席并致辞！"
    assert sentence_around(text, text.index("签约"), text.index("签约") + 2) == "随后举行签约仪式"
