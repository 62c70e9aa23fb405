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


# ------------------------------------------------------------------ policies
