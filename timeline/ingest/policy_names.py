"""Policy names' own shapes, shared by the entity linker and the notices stage: a 文号 in one
spelling, and a report of figures that is no policy. Named rules (family "policy")."""

from __future__ import annotations

import re
import unicodedata

from timeline.ingest.lexicon import NOTICE_ENDINGS, REPORT_OF_FIGURES, alternation
from timeline.ingest.rules import rule

_ENDINGS = alternation(NOTICE_ENDINGS)

DOCUMENT_NUMBER = rule(
    "policy.document_number",
    "policy",
    pattern=re.compile(
        r"(?P<prefix>[\u4e00-\u9fff]{1,10})\s*[〔\[［(（【]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］)）】]"
        r"\s*第?\s*(?P<serial>\d{1,4})\s*号"
    ),
    matches=("南科发〔2022〕15号", "北政办发[2019]3号", "东府函（2021）第12号", "西发改【2020】88号"),
    misses=("第15号台风", "2022年15号", "科发2022年第3期"),
    why="a 文号 is the issuer's code, the year in brackets (any of 〔〕[]（）【】) and a serial",
)


def _report_of_figures(title: str) -> bool:
    bare = re.sub(r"[（(][^（）()]*[）)]$", "", title)
    if re.search(rf"(?:{_ENDINGS}|方案|规划|纲要|计划|政策|措施|条例|法|倡议)$", bare):
        return False  # 关于公布…评价结果的通知 is a notice, a policy
    return re.search(alternation(REPORT_OF_FIGURES), bare) is not None


REPORT = rule(
    "policy.report_of_figures",
    "policy",
    predicate=_report_of_figures,
    matches=(
        "2023年东方科技园区评价结果",
        "南方创新指数报告（2024）",
        "北方统计年鉴",
        "2019中国园区发展蓝皮书",
    ),
    misses=("关于公布2023年东方科技园区评价结果的通知", "南方科技园区建设方案（2024—2027年）"),
    why="an index, a ranking, a yearbook or a blue book of figures is a report, not a policy",
)


def document_number(text: str) -> str:
    """The 文号 in ``text`` in one spelling (〔〕, ASCII digits, no 第), or ""."""
    match = DOCUMENT_NUMBER.search(unicodedata.normalize("NFKC", text))
    if match is None:
        return ""
    return f"{match['prefix']}〔{match['year']}〕{int(match['serial'])}号"
