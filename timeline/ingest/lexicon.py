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
