"""The extractor's word lists, once: every stage takes its words from here.

Each list is a tuple of words (longest first where alternation order matters) or a ``|``-joined
alternation built from one. Sections: names (entities), people's words and acts (verbs of
saying, acts at a gathering, motion), events (triggers and filters), dates, policies.
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
    "经济新区",
    "自主创新示范区",
    "自创区",
    "高新技术产业区",
    "高新区",
    "高新园区",
    "经开区",
    "开发区",
    "工业园区",
    "工业区",
    "工业园",
    "工业邨",
    "科技园区",
    "科技园",
    "产业园区",
    "产业园",
    "科学城",
    "科技城",
    "科学园区",
    "科学园",
    "孵化器",
    "软件园",
    "分园",
    "科技谷",
    "科创谷",
    "园区",
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
    "研究会",
    "协作网",
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
    "高新技术产业区",
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
    "全区",
    "全县",
    "我省",
    "我市",
    "我区",
    "本市",
    "本区",
    "跨省域",
    "民营",
    "国有",
    "创新型",
    "各",
    "各地",
    "各区县",
    "区县",
    "各级",
    "直辖市",
    "计划单列市",
    "特区",
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
    "国家",
    "两地",
    "多地",
    "整个",
    "跨国",
    "上市",
    "中外",
    "高层",
    "百强",
)
# class words that also begin real names (中国电子学会, 国际科技园区协会, 国家电网): a class only alone
NAME_SCOPES = ("中国", "全国", "国家", "国际", "世界", "全球", "我国")
# heads of a state body, which the state names by its function (国家药品监督管理局)
STATE_BODY_HEADS = ("总局", "局", "部", "署", "厅", "委员会", "办公厅", "办公室")
# heads of a body named by what it does (研究中心, 协会): a common word alone before one names a kind
FUNCTION_HEADS = (
    "研究院", "研究所", "研究中心", "促进中心", "合作中心", "创新中心", "发展中心", "服务中心",
    "实验室", "协会", "学会", "委员会", "基金会", "联合会", "促进会", "协作网", "商会", "研究会",
)  # fmt: skip
# the first character of a pronoun that picks out many bodies (各地, 各市, 各国), not one
DETERMINER_STARTS = "各每诸"
# Words that end a name on the left: the verbs, scopes and links a name follows (举办|江南论坛,
# 依托|江南大学, 抓住|高新区机遇); a name starts after the last of them in front of its head.
NAME_LEFT_STOPS = (
    "举办", "举行", "召开", "主办", "承办", "协办", "指导", "支持", "推动", "推进", "建设", "打造",
    "布局", "成立", "落户", "入选", "获批", "成为", "包括", "其中", "位于", "依托", "联合", "携手",
    "围绕", "加快", "全国", "我国", "全省", "全市", "首批", "旗下", "下属", "所属", "以上", "以下",
    "建成", "聚焦", "全面", "形成", "构建", "发展", "培育", "引领", "壮大", "做强", "做优", "提升",
    "实现", "开展", "参与", "服务", "一流", "设立", "批准", "升级", "重视", "片区", "申报", "创建",
    "争创", "抓住", "借助", "利用", "依靠", "区内", "园内", "境内", "园区企业", "辖区企业", "入驻企业",
    "当选", "谋划",
)  # fmt: skip
# a province's bodies, which a document about it names by the level alone (省政府, 省科技厅)
PROVINCIAL_BODIES = (
    "人民政府", "政府", "政府办公厅", "科技厅", "科学技术厅", "发展改革委", "发改委", "工业和信息化厅",
    "工信厅", "财政厅", "教育厅", "商务厅",
)  # fmt: skip
# courtesy titles written right after a name, before what the person does (韦一平先生介绍)
COURTESY_TITLES = ("先生", "女士", "博士")
# verbs that names are made of (江南创新园区, 中德合作园区): no act glued to a name
NAME_VERBS = ("创新", "创业", "合作", "发展", "孵化", "研发", "示范", "共建", "转化")
# Titles and honorifics written after a surname or a name (魏教授, 某某女士): no part of the name.
NAME_TAILS = (*COURTESY_TITLES, "教授", "院士", "同志", "老师", "主任", "书记")
# A person's offices and ranks, printed before a name (主任张三, 党委书记李四, 首席执行官Anne MILLER).
PERSON_TITLES = (
    "党委副书记", "党组副书记", "党委书记", "党组书记", "总书记", "副书记", "书记", "副部长", "部长",
    "副主任", "主任", "副局长", "局长", "副司长", "司长", "副厅长", "厅长", "副市长", "市长", "副省长",
    "省长", "副区长", "区长", "副县长", "县长", "副镇长", "镇长", "副乡长", "乡长", "副主席", "主席",
    "副总理", "总理", "院士", "一级巡视员", "二级巡视员", "巡视员", "首席执行官", "执行官", "总经理",
    "副总经理", "董事长", "副董事长", "理事长", "会长", "副会长", "校长", "副校长", "院长", "副院长",
    "处长", "副处长", "秘书长", "总裁", "副总裁", "常委", "委员", "新闻发言人", "发言人", "研究员",
    "教授", "负责人", "总工程师", "主任委员", "专家", "总监", "联合创始人", "创始人", "总署长", "署长",
    "首席技术官", "首席科学家", "首席运营官", "首席财务官", "首席经济学家", "首席代表", "CEO", "CTO",
    "COO", "CFO", "副社长", "社长", "副主委", "主委", "董事", "顾问",
)  # fmt: skip
# ranks written before a title (常务副市长, 执行主任): no place, no part of a body's name
OFFICE_MODIFIERS = ("常务", "执行", "第一", "专职", "挂职", "代理")
# offices of papers, boards and councils (日报社社长张三, 公司董事李四, 国科会副主委赵六)
OFFICE_TITLES = ("副社长", "社长", "副主委", "主委", "董事", "顾问")
# titles a bracketed former post ends in (（原火炬中心主任）李四)
BRACKETED_TITLES = ("主任", "局长", "书记", "部长", "社长", "会长", "院长", "校长")
# titles written after the name too (张三总书记, 万钢部长, 李金恭理事长, 新竹市李世珍副市长)
TITLES_AFTER_NAME = ("总书记", "主席", "总理", "副部长", "部长", "院士", "主任", "书记")
GUEST_TITLES_AFTER_NAME = (
    "理事长", "秘书长", "副会长", "会长", "副局长", "局长", "副市长", "副省长", "董事长", "资深顾问",
    "顾问", "副主委", "主委", "副总统", "总统",
)  # fmt: skip
# a government's head, after a name standing alone (韩正市长带领…)
GOVERNMENT_HEAD_TITLES = ("市长", "省长", "区长", "县长")
# A news agency's dateline (中国网·滨海高新讯): the first part ends in a medium, the last in 讯 or 电.
# the heads of a newspaper, a magazine, a broadcaster or a news site: the messenger of an event
MEDIA_HEADS = (
    "报社",
    "日报",
    "晚报",
    "导报",
    "时报",
    "杂志社",
    "杂志",
    "电视台",
    "广播电台",
    "通讯社",
    "新闻网",
)
DATELINE_MEDIA = ("网", "报", "社", "台", "刊")
DATELINE_ENDS = ("讯", "电")
# Parts of speech (jieba) of a word that is never part of a name in front of its head: prepositions,
# conjunctions, particles, pronouns (在, 和, 的, 某某, 各); and of a word that is no part of it when a
# proper name follows: verbs and adverbs (支持|苏州高新区, 同意|上海紫竹…, but 节能环保工业区).
GLUE_TAGS = ("p", "c", "r", "u", "uj", "ul", "uz", "ug", "uv", "ud")
VERB_TAGS = ("v", "vn", "vd", "d")
PROPER_TAGS = ("ns", "nr", "nrt", "nrfg", "nz", "nt")
# Parts of speech of a word that makes a stem a name: a proper one or an abbreviation (科大); a
# stem of other dictionary words only describes a kind of body (科技保险公司, 智能电动汽车公司).
ANCHOR_TAGS = (*PROPER_TAGS, "j", "eng")
# Parts of speech of a dictionary word that is a person's name (jieba): another tag is a common word.
NAME_TAGS = ("nr", "nrt", "nrfg", "nz")


# ------------------------------------------------------------------ people's words and acts

# Verbs of saying: a person's words follow, or come before in a quotation (张三表示, “……”李四说).
SAYING_VERBS = (
    "表示", "指出", "强调", "说", "介绍", "认为", "谈到", "提到", "称", "透露", "坦言", "提出", "建议",
    "宣布", "希望", "要求",
)  # fmt: skip
# A person's part at a gathering or a visit: attending, speaking, hosting, witnessing, receiving,
# leading or accompanying others (张三出席, 李四致辞, 王五陪同考察, 赵六率团).
# 作 and 率 alone (王五作了报告) are acts only right after the name; elsewhere they are part of
# other words (工作, 合作, 效率).
GATHERING_ACTS = (
    "出席", "参加", "参与", "致辞", "致欢迎辞", "致开幕辞", "致词", "讲话", "发言", "演讲", "作报告",
    "作", "汇报", "主持", "发表", "宣读", "传达", "到会", "见证", "座谈", "颁发", "会见", "会同",
    "陪同", "接待", "带领", "带队", "率", "感谢",
)  # fmt: skip
# the acts above that are words anywhere in a clause, not only right after a name (not 作, 率)
GATHERING_ACT_WORDS = tuple(word for word in GATHERING_ACTS if len(word) >= 2)
# Motion verbs: a person going to a place (来到园区, 赴京, 走进企业); visits are VISIT_WORDS.
MOTION_VERBS = ("到", "赴", "来到", "走进", "深入", "前往", "到访")
# What stands between a speaker's name and their words (张三在会上表示, 李四代表…致辞, 王五围绕…).
SPEAKER_LEADS = ("在会上", "在线上", "代表", "围绕")
# Words that are no verbs but may follow a person's name (张三等, 李四一行, 王五同志, 赵六分别…):
# conjunctions, prepositions, adverbs and the like.
NAME_FOLLOWERS = (
    "等", "在", "和", "与", "及", "以及", "是", "同", "为", "向", "对", "从", "同志", "一行", "分别",
    "先后", "相继", "共同", "一同", "亲自", "正在", "应邀",
)  # fmt: skip


# ------------------------------------------------------------------ events (triggers, filters)

# the verbs that say a gathering took place (举行X会, X会在某地召开)
HAPPENED = (
    "举行", "举办", "召开", "开幕", "闭幕", "启幕", "开班", "开讲", "开赛", "落幕",
    "成功举办", "隆重举行", "顺利召开", "拉开战幕", "拉开帷幕", "落下帷幕", "正式开赛", "鸣锣开赛",
)  # fmt: skip
# a government's working assemblies: …大会 that is a meeting, not a forum (建设动员大会)
MEETING_ASSEMBLIES = ("动员大会", "推进大会", "部署大会", "表彰大会", "工作大会", "总结大会", "誓师大会")
# head nouns of the gatherings of each kind (FORMAT.md's table)
MEETING_NOUNS = MEETING_ASSEMBLIES + (
    "协调会", "工作会议", "工作会", "推进会", "调度会", "部署会", "联席会议", "电视电话会议", "常务会议",
    "动员会", "现场会", "经验交流会", "交流会议", "座谈会议", "审议会", "评审会", "分析会", "汇报会",
    "办公会", "专题会", "会议",
)  # fmt: skip
FORUM_NOUNS = (
    "论坛", "年会", "峰会", "研讨会", "座谈会", "交流会", "推介会", "对接会", "洽谈会", "博览会",
    "展览会", "大会", "沙龙", "报告会", "讲坛", "恳谈会", "成就展", "成果展", "交易会", "展洽会", "展览",
    "展会",
)  # fmt: skip
CONTEST_NOUNS = ("大赛", "比赛", "竞赛", "挑战赛", "创业赛", "领域赛", "全国赛", "决赛", "选拔赛")
PRESS_NOUNS = ("新闻发布会", "发布会", "新闻通气会", "通气会", "吹风会")
# verbs that issue a document, and the head words of a document written without 《》
POLICY_VERBS = (
    "印发", "发布", "出台", "公布", "颁布", "发出", "下发", "联合印发", "正式发布", "修订", "制定印发",
)  # fmt: skip
DOCUMENT_HEADS = ("倡议", "政策", "新政", "方案", "规划", "意见", "办法", "报告", "措施", "白皮书", "指南")
# a park or body signs up, is designated, approved, upgraded or listed
SIGNUP_WORDS = (
    "签约", "签署", "签订", "合作协议", "战略合作", "牵手", "结对共建", "结对", "授牌", "认定为", "被认定",
    "认定", "获批", "获准", "批准建设", "批复", "升级为", "入选", "列入", "获评", "被评为", "被命名",
    "命名为", "纳入", "授予", "挂牌成立", "晋升为", "升格为", "榜上有名", "缔结", "结成友好", "结为友好",
    "被列为", "列为", "达成合作", "上榜", "入围", "获授", "被确定为", "正式加入", "成功加入", "备案为",
)  # fmt: skip
VISIT_WORDS = ("调研", "考察", "视察", "走访", "实地察看", "莅临", "督导", "检查指导")
LAUNCH_WORDS = (
    "正式启动", "启动", "揭牌", "正式挂牌", "挂牌运营", "挂牌运行", "成立", "开园", "下线", "量产",
    "交付", "投产", "开通", "上线", "发射", "开工", "启用", "投运", "竣工", "奠基", "开业", "建成投用",
    "投入使用", "落成", "首发", "集中发布", "开馆",
)  # fmt: skip
# the named things a launch starts (X行动启动)
PROGRAMME_HEADS = ("行动", "工程", "计划", "专项", "平台", "联盟", "基金")
# words before a trigger that make it an intention, a wish, a condition or a talk about it
# (共商合作: the parties discuss cooperation, they do not sign), not a report
# (some carry a look-around in events.py: 将 not after 现, 要 not after 重/主/需…, 未来 not before 产业)
INTENT_WORDS = (
    "将要", "即将", "拟于", "计划", "准备", "力争", "争取", "希望", "应", "应当", "需要", "下一步", "鼓励",
    "努力", "是否", "如何", "能够", "可以", "共商", "商讨", "探讨", "磋商", "共谋",
)  # fmt: skip
# words that frame an act by its purpose or manner (围绕…举办, 通过…召开, 在…支持下, 继续举办):
# the act is an intention only in a sentence that gives it no date of its own
FRAME_WORDS = (
    "支持", "旨在", "为了", "以便", "通过", "围绕", "按照", "有助于", "助力", "继续", "进一步", "推动",
    "推进", "加快", "积极", "持续", "不断", "着力", "大力",
)  # fmt: skip
# what 为 opens a purpose with (为加强交流，…): the sentence's act comes after it
PURPOSE_WORDS = (
    "加强", "促进", "落实", "贯彻", "深入", "更好", "提升", "推动", "推进", "加快", "助力", "支持",
    "进一步", "打造", "营造", "深化",
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
# a sentence opening on someone or something already named: background told about it, not news
REFERRING_OPENERS = ("他", "她", "其", "这", "此", "该", "上述")
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
# words that make a figure one of parks (statistics); the head words of park names are PARK_HEADS
PARK_WORDS = ("高新区", "园区", "示范区", "开发区", "科技园", "产业园", "科学城", "新区")
# what may stand right before a bare park word that means the article's park (到高新区考察)
BARE_PARK_BEFORE = (
    "到",
    "在",
    "了",
    "对",
    "与",
    "和",
    "同",
    "向",
    "由",
    "是",
    "为",
    "赴",
    "经",
    "该",
    "本",
    "全",
)
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
    "今年以来",
    "近年来",
    "近年以来",
    "去年以来",
    "年初以来",
    "数据显示",
    "据统计",
    "据介绍",
    "至此",
    "截至目前",
    "目前",
)


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
# verbs of a body changing its status or name (升格为, 更名为): jieba may read them as nouns
BECOME_VERBS = ("升格", "升级", "更名", "改名", "改制", "转型", "晋升")
# adverbs that tie a clause to another one (X也揭牌, 均有出席): never a subject, no part of a title
LINKING_ADVERBS = ("也", "均", "都", "亦", "同样", "还")
# pronouns that point back to a body named before (所属X, 该园区, 其): no subject of a title
POINTING_PRONOUNS = ("所属", "该", "其")
# verbs a title may not end on: what was signed or issued is the news; and verbs that end a title
# only when their subject is the thing held (论坛在苏州举行), not the body that held it
OBJECT_VERBS = ("签署", "签订", "印发", "达成", "签署了", "签订了")
HOLDING_VERBS = ("举行", "举办", "召开", "发布", "出台", "启动")
