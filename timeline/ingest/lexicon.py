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

# the verbs that say a gathering took place (举行X会, X会在某地召开)
HAPPENED = (
    "举行", "举办", "召开", "开幕", "闭幕", "启幕", "开班", "开讲", "开赛", "落幕",
    "成功举办", "隆重举行", "顺利召开", "拉开战幕", "拉开帷幕", "正式开赛", "鸣锣开赛",
)  # fmt: skip
# head nouns of the gatherings of each kind (FORMAT.md's table)
MEETING_NOUNS = (
    "协调会", "工作会议", "工作会", "推进会", "调度会", "部署会", "联席会议", "电视电话会议", "常务会议",
    "动员会", "现场会", "经验交流会", "交流会议", "座谈会议", "审议会", "评审会", "会议",
)  # fmt: skip
FORUM_NOUNS = (
    "论坛", "年会", "峰会", "研讨会", "座谈会", "交流会", "推介会", "对接会", "洽谈会", "博览会",
    "展览会", "大会", "沙龙", "报告会", "讲坛", "恳谈会", "成就展", "展览", "展会",
)  # fmt: skip
CONTEST_NOUNS = ("大赛", "比赛", "竞赛", "挑战赛", "创业赛", "领域赛", "全国赛", "决赛", "选拔赛")
PRESS_NOUNS = ("新闻发布会", "发布会", "新闻通气会", "通气会", "吹风会")
# verbs that issue a document, and the head words of a document written without 《》
POLICY_VERBS = (
    "印发", "发布", "出台", "公布", "颁布", "发出", "下发", "联合印发", "正式发布", "修订", "制定印发",
)  # fmt: skip
DOCUMENT_HEADS = ("倡议", "政策", "方案", "规划", "意见", "办法", "报告", "措施", "白皮书", "指南")
# a park or body signs up, is designated, approved, upgraded or listed
SIGNUP_WORDS = (
    "签约", "签署", "签订", "合作协议", "战略合作", "牵手", "结对共建", "结对", "授牌", "认定为", "被认定",
    "认定", "获批", "获准", "批准建设", "批复", "升级为", "入选", "列入", "获评", "被评为", "被命名",
    "命名为", "纳入", "授予", "挂牌成立",
)  # fmt: skip
VISIT_WORDS = ("调研", "考察", "视察", "走访", "实地察看")
LAUNCH_WORDS = (
    "正式启动", "启动", "揭牌", "成立", "开园", "下线", "量产", "交付", "投产", "开通", "上线", "发射",
    "开工", "开业", "建成投用", "投入使用", "落成", "首发", "集中发布",
)  # fmt: skip
# the named things a launch starts (X行动启动)
PROGRAMME_HEADS = ("行动", "工程", "计划", "专项", "平台", "联盟", "基金")
# words before a trigger that make it an intention, a wish or a condition, not a report
# (some carry a look-around in events.py: 将 not after 现, 要 not after 重/主/需…, 未来 not before 产业)
INTENT_WORDS = (
    "将要", "即将", "拟于", "计划", "准备", "力争", "争取", "希望", "应", "应当", "需要", "下一步", "继续",
    "进一步", "鼓励", "支持", "推动", "推进", "加快", "积极", "持续", "不断", "着力", "努力", "大力",
    "是否", "如何", "旨在", "为了", "以便", "通过", "围绕", "按照", "能够", "可以", "有助于", "助力",
)  # fmt: skip
# an announcement for later, anywhere before the trigger's clause in its sentence
FUTURE_WORDS = (
    "将在",
    "将于",
    "将会",
    "将进一步",
    "将着力",
    "将继续",
    "计划",
    "拟在",
    "力争",
    "争取",
    "下一步",
)
# a published shortlist is a fact, though it says 拟
SHORTLIST_WORDS = ("拟认定", "拟入选", "拟授予")
# how things stand, not something that happened (已基本建成, 陆续交付)
STATE_WORDS = ("陆续", "基本", "目前", "正在", "逐步", "不断")
# the item's own gathering mentioned again (此次大赛, 本届论坛)
BACK_REFERENCE_WORDS = ("此次", "本次", "这次", "这是", "该", "本届", "此届", "上述")
# a statistic: its metric verbs and nouns, what the figure is about, the places it is of
METRIC_WORDS = (
    "实现", "达到", "达", "突破", "超过", "超", "增长", "增加", "新增", "占", "比重", "贡献率", "总数",
    "总额", "总量", "规模", "总收入", "总产值", "营收", "收入", "产值", "生产总值", "GDP", "增加值",
    "投入", "拥有", "聚集", "集聚", "吸引", "吸纳", "授权", "注册", "累计", "共有", "共计", "建有",
    "培育", "数量",
)  # fmt: skip
STAT_TOPICS = (
    "生产总值", "GDP", "收入", "营收", "产值", "增加值", "高新技术企业", "专利", "研发", "经费", "企业",
    "人员", "人才", "指数", "总数", "税收", "出口", "投资", "融资", "规模", "数量",
)  # fmt: skip
PARK_HEADS = ("高新区", "园区", "示范区", "开发区", "科技园", "产业园", "科学城", "新区")
FIGURE_UNITS = (
    "元", "美元", "亿元", "万元", "家", "个", "件", "项", "人次", "人", "万人", "户", "起", "吨", "平方公里",
    "亩", "%", "点", "倍", "所", "位", "只", "台", "辆", "套",
)  # fmt: skip
AS_OF_NOW_WORDS = ("目前", "至此", "迄今", "现有", "截至目前", "截止目前")
# bylines and lead-ins that never begin a title
LEAD_INS = (
    "近日",
    "日前",
    "近期",
    "据悉",
    "据了解",
    "记者获悉",
    "记者从",
    "日前获悉",
    "获悉",
    "今天",
    "昨天",
    "昨日",
    "今年",
)


# ------------------------------------------------------------------ dates


# ------------------------------------------------------------------ policies
