"""The extractor's word lists, once: every stage takes its words from here.

Each list is a tuple of words (longest first where alternation order matters) or a ``|``-joined
alternation built from one. Sections: names (entities), events (triggers and filters),
dates, policies.
"""

from __future__ import annotations


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regular-expression alternation of ``words``, longest first so none shadows a longer one."""
    return "|".join(sorted(set(words), key=lambda w: (-len(w), w)))


# ------------------------------------------------------------------ names (entities)


# ------------------------------------------------------------------ events (triggers, filters)


# ------------------------------------------------------------------ dates

# Measure words and units (one character each): a bare 4-digit number before one of them is a
# quantity (2016家企业), not a year.
COUNTERS = (
    "家个位名人件项元万亿千百余多所座台辆套吨米亩次倍户股分秒天周届期号条张篇部本册份场例组"
    "支株只架艘栋间层款类种型代路线站床字页幅首集颗粒根块片批笔宗单票起处点度岁克升斤瓦兆毫美港英欧年月日"
)
# Words before a future date that make it a goal (力争2025年建成…), never an event's date.
GOAL_WORDS = ("力争", "争取", "预计", "计划", "有望", "可望", "展望", "预期", "确保", "目标是", "目标")


# ------------------------------------------------------------------ policies

# The words a document's title ends in, with the policies.models.PolicyKind each names
# (the longest ending wins: 管理办法 is measures although it ends in 法).
POLICY_KIND_ENDINGS: tuple[tuple[str, str], ...] = (
    ("行动方案", "plan"),
    ("实施方案", "plan"),
    ("工作方案", "plan"),
    ("建设方案", "plan"),
    ("方案", "plan"),
    ("规划纲要", "plan"),
    ("规划", "plan"),
    ("纲要", "plan"),
    ("行动计划", "plan"),
    ("计划", "plan"),
    ("战略", "plan"),
    ("大纲", "plan"),
    ("指导意见", "opinion"),
    ("实施意见", "opinion"),
    ("若干意见", "opinion"),
    ("意见", "opinion"),
    ("通知", "notice"),
    ("通报", "notice"),
    ("公告", "notice"),
    ("批复", "approval"),
    ("管理办法", "measures"),
    ("实施办法", "measures"),
    ("办法", "measures"),
    ("若干政策", "measures"),
    ("若干措施", "measures"),
    ("政策", "measures"),
    ("措施", "measures"),
    ("实施细则", "measures"),
    ("细则", "measures"),
    ("规定", "measures"),
    ("导则", "measures"),
    ("指导目录", "measures"),
    ("目录", "measures"),
    ("负面清单", "measures"),
    ("清单", "measures"),
    ("指南", "other"),
    ("指引", "other"),
    ("评价报告", "report"),
    ("报告", "report"),
    ("白皮书", "report"),
    ("蓝皮书", "report"),
    ("倡议", "initiative"),
    ("倡议书", "initiative"),
    ("宣言", "initiative"),
    ("共识", "initiative"),
    ("条例", "law"),
    ("法", "law"),
    ("决定", "other"),
)
# every title ending, for the 《…》 pattern of the entity linker
POLICY_DOC_WORDS: tuple[str, ...] = tuple(word for word, _ in POLICY_KIND_ENDINGS)
# a notice's own headline ends in one of these (关于…的通知); a shorter list than above, since an
# unbracketed headline must be unmistakable
NOTICE_ENDINGS: tuple[str, ...] = (
    "通知",
    "批复",
    "意见",
    "实施意见",
    "指导意见",
    "若干意见",
    "办法",
    "管理办法",
    "实施办法",
    "规划",
    "方案",
    "实施方案",
    "决定",
    "通报",
    "公告",
    "若干措施",
    "若干政策",
    "细则",
    "规定",
)
# a report of figures or a ranking, not a policy (《中国火炬统计年鉴》, 《2023年国家高新区评价结果》)
REPORT_OF_FIGURES: tuple[str, ...] = (
    "统计年鉴",
    "年鉴",
    "统计公报",
    "公报",
    "评价结果",
    "指数报告",
    "评价报告",
    "指数",
    "排行榜",
    "排名",
    "榜单",
    "蓝皮书",
    "统计报告",
    "监测报告",
    "发展报告",
)
# the heads of a body that issues documents (the end of an issuer's name)
ISSUER_HEADS: tuple[str, ...] = (
    "人民政府办公厅",
    "人民政府办公室",
    "人民政府",
    "政府办公厅",
    "政府",
    "办公厅",
    "办公室",
    "委员会",
    "管委会",
    "管理委员会",
    "国务院",
    "中心",
    "总局",
    "科学院",
    "局",
    "厅",
    "部",
    "委",
    "署",
    "院",
    "行",
    "会",
)
