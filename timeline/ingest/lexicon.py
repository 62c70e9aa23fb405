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

# Head words that end a park's name, and an organisation's (longest first in an alternation).
PARK_HEADS = (
    "国家自主创新示范区",
    "高新技术产业开发区",
    "高新技术产业园区",
    "经济技术开发区",
    "经济开发区",
    "自主创新示范区",
    "高新区",
    "经开区",
    "工业园区",
    "工业区",
    "科技园区",
    "科技园",
    "产业园区",
    "产业园",
    "科学城",
    "科学园",
    "孵化器",
    "软件园",
    "生命科学园",
    "发展示范区",
)
ORGANISATION_HEADS = (
    "有限责任公司",
    "领导小组",
    "股份有限公司",
    "有限公司",
    "管理委员会",
    "委员会",
    "管委会",
    "人民政府",
    "办公厅",
    "办公室",
    "研究院",
    "研究所",
    "研究中心",
    "促进中心",
    "合作中心",
    "创新中心",
    "发展中心",
    "服务中心",
    "交易所",
    "基金会",
    "联合会",
    "促进会",
    "实验室",
    "科学院",
    "工程院",
    "大学",
    "学院",
    "集团",
    "协会",
    "学会",
    "银行",
    "商会",
    "科技厅",
    "科技局",
    "科委",
    "公司",
    "政府",
    "报社",
    "出版社",
    "杂志社",
    "总局",
    "市委",
    "省委",
    "区委",
    "县委",
    "局",
    "厅",
    "部",
    "署",
)
# The forms one national high-tech zone's name takes, full to short: one park whichever is printed.
HIGH_TECH_ZONE_FORMS = (
    "国家高新技术产业开发区",
    "高新技术产业开发区",
    "高新技术产业园区",
    "高新技术开发区",
    "国家高新区",
    "高新区",
)
# Provinces' one-character short names, for coordinated names (沪苏浙三省政府).
PROVINCE_SHORT = {
    "京": "北京市",
    "津": "天津市",
    "沪": "上海市",
    "渝": "重庆市",
    "冀": "河北省",
    "晋": "山西省",
    "辽": "辽宁省",
    "吉": "吉林省",
    "黑": "黑龙江省",
    "苏": "江苏省",
    "浙": "浙江省",
    "皖": "安徽省",
    "闽": "福建省",
    "赣": "江西省",
    "鲁": "山东省",
    "豫": "河南省",
    "鄂": "湖北省",
    "湘": "湖南省",
    "粤": "广东省",
    "琼": "海南省",
    "川": "四川省",
    "蜀": "四川省",
    "黔": "贵州省",
    "贵": "贵州省",
    "滇": "云南省",
    "云": "云南省",
    "陕": "陕西省",
    "秦": "陕西省",
    "甘": "甘肃省",
    "陇": "甘肃省",
    "青": "青海省",
    "蒙": "内蒙古自治区",
    "桂": "广西壮族自治区",
    "藏": "西藏自治区",
    "宁": "宁夏回族自治区",
    "新": "新疆维吾尔自治区",
    "港": "香港特别行政区",
    "澳": "澳门特别行政区",
}
# Words in front of a head that make a class or a plural, not one body (全球科技园区, 各区县政府).
CLASS_STEMS = (
    "全球",
    "全国",
    "全省",
    "全市",
    "各",
    "各地",
    "各区县",
    "区县",
    "各级",
    "直辖市",
    "省级",
    "市级",
    "国家级",
    "自治区级",
    "地方",
    "相关",
    "有关",
    "其他",
    "其它",
    "所有",
    "众多",
    "若干",
    "部分",
    "世界",
    "国际",
    "国内",
    "境外",
    "海外",
    "中国",
    "我国",
)
# Parts of speech (jieba) of a word that is never part of a name in front of its head: prepositions,
# conjunctions, particles, pronouns (在, 和, 的, 某某, 各); and of a word that is no part of it when a
# proper name follows: verbs and adverbs (支持|苏州高新区, 同意|上海紫竹…, but 节能环保工业区).
GLUE_TAGS = ("p", "c", "r", "u", "uj", "ul", "uz", "ug", "uv", "ud")
VERB_TAGS = ("v", "vn", "vd", "d")
PROPER_TAGS = ("ns", "nr", "nrt", "nrfg", "nz", "nt")
# Parts of speech of a dictionary word that is a person's name (jieba): another tag is a common word.
NAME_TAGS = ("nr", "nrt", "nrfg", "nz")


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
