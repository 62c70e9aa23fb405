"""The cleaner, rule by rule: each table row is (raw text, cleaned text), mostly on sentences
written for these tests, plus the seed documents as a whole."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import opencc
import pytest

from timeline.ingest import clean as clean_module
from timeline.ingest.clean import clean

SEEDS = Path(__file__).resolve().parents[3] / "seeds" / "news"
GLYPHS = re.compile("[\u25a0-\u25ff\u2600-\u27bf]")
PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+[)）]")


def cleaned(raw: str) -> str:
    return clean(raw).text


def furniture(raw: str) -> list[str]:
    result = clean(raw)
    return [result.text[span.start : span.end] for span in result.furniture]


WIDTH_AND_PUNCTUATION = [
    ("２０２４年４月２７日", "2024年4月27日"),
    ("ＡＢＣ公司发布ｘｙｚ平台", "ABC公司发布xyz平台"),
    ("同比增长１５．３％", "同比增长15.3%"),
    ("会议指出，要加强合作；目标：创新！", "会议指出，要加强合作；目标：创新！"),
    ("3月28日,论坛在京召开:主题是创新!真的吗?", "3月28日，论坛在京召开：主题是创新！真的吗？"),
    ("增长5%,比上年提高", "增长5%，比上年提高"),
    ("共1,000家企业", "共1,000家企业"),
    ("中关村(海淀)生物制造产业园", "中关村（海淀）生物制造产业园"),
    ("国际科技园区协会（IASP）", "国际科技园区协会(IASP)"),
    ("行动方案(2024—2027年)", "行动方案（2024—2027年）"),
    ("艾巴·伦德(Ebba Lund)出席", "艾巴·伦德(Ebba Lund)出席"),
    ("电话(010)12345678", "电话(010)12345678"),
    ("4 月 25 日在 2024 论坛上", "4月25日在2024论坛上"),
    ("统一刊号  CN11-0237", "统一刊号 CN11-0237"),
]

TRADITIONAL = [
    ("園區管理委員會發佈新規劃", "园区管理委员会发布新规划"),
    ("他穿著外套參加會議，會議由園區管委會主辦。", "他穿着外套参加会议，会议由园区管委会主办。"),
    # Simplified text keeps 著 where it is standard: only stray Traditional characters change.
    ("成效显著，著作权登记量增长。", "成效显著，著作权登记量增长。"),
    ("台積電公司在园区投资，成效显著。", "台积电公司在园区投资，成效显著。"),
]

PINYIN_ROWS = [
    ("中關(guān)村", "中关村"),
    ("產(chǎn)業(yè)園", "产业园"),
    ("北京（běi jīng）举办", "北京举办"),
    ("他的(de)书和写了(le)字", "他的书和写了字"),  # toneless, but the document annotates twice
    ("俱乐部(club)成立", "俱乐部(club)成立"),
    ("曼哈顿(man)项目", "曼哈顿(man)项目"),  # one toneless syllable alone is not evidence
    ("协会(IASP)首席执行官", "协会(IASP)首席执行官"),
    ("方案(2024—2027年)", "方案（2024—2027年）"),
    ("中关村(海淀)", "中关村（海淀）"),
    ("伦德(Ebba Lund)", "伦德(Ebba Lund)"),
]

SPAM = [
    ("研发投入增长■★◆,创新能力提升。", "研发投入增长，创新能力提升。"),
    ("支出约1■■◆★.2万亿元", "支出约1.2万亿元"),
    ("★■◆“园区很重要。◆★”他说。", "“园区很重要。”他说。"),
    ("签约项目●▲□☆◇ 12个", "签约项目12个"),
    ("园区企业稳步增长乐动s9体育官网入口，创新能力持续提升。", "园区企业稳步增长，创新能力持续提升。"),
    ("他表示九游j9娱乐平台登录，将继续推进合作。", "他表示，将继续推进合作。"),
    ("会议指出开元棋牌app下载，要加强监管。", "会议指出，要加强监管。"),
    ("前瞻布局未来产业开云kaiyun体育官网◆★。", "前瞻布局未来产业。"),
    ("服务水平■◆官网入口◆★持续提升", "服务水平持续提升"),
    ("全国首条产线%……从一束光开始", "全国首条产线……从一束光开始"),
    # Legitimate symbols, numbers and vocabulary stay.
    ("气温25℃，增长3%，艾巴·伦德出席。", "气温25℃，增长3%，艾巴·伦德出席。"),
    ("二○二四年十二月", "二○二四年十二月"),
    ("5G平台建设加快，体育产业发展。", "5G平台建设加快，体育产业发展。"),
    ("国家体育总局发布通知。", "国家体育总局发布通知。"),
    ("手机App下载量增长。", "手机App下载量增长。"),
    ("新产品■◆★、新业态★★■◆、新模式", "新产品、新业态、新模式"),
    ("从A→B的转变", "从A→B的转变"),
]

DOUBLED = [
    ("““把脉问诊把脉问诊””", "“把脉问诊”"),
    ("““智慧园区智慧园区””建设论坛建设论坛", "“智慧园区”建设论坛"),
    ("国国家家高高新新区区", "国家高新区"),
    ("园区召开推进会推进会，部署工作。", "园区召开推进会，部署工作。"),
    # Real reduplication and parallel lists are left alone.
    ("常常谢谢大家，人人参与。", "常常谢谢大家，人人参与。"),
    ("研究研究再决定", "研究研究再决定"),
    ("具体行业、具体产业、具体产品", "具体行业、具体产业、具体产品"),
    ("哈哈哈哈哈哈", "哈哈哈哈哈哈"),
    ("高高兴兴地回家", "高高兴兴地回家"),
]

PARAGRAPHS = [
    # Narrow newspaper columns with a blank line after every wrapped line.
    (
        "本报讯（记者 王明）近日，某某\n\n高新区举办科技成果转化对接\n\n会，吸引了五十余家企业参加。\n\n"
        "会议期间，二十个项目现场签\n\n约，签约总额达十亿元。\n",
        "本报讯（记者 王明）近日，某某高新区举办科技成果转化对接会，吸引了五十余家企业参加。\n"
        "会议期间，二十个项目现场签约，签约总额达十亿元。",
    ),
    # Web text: one paragraph per line, headings on their own line.
    (
        "园区发展迈上新台阶\n第一段讲述园区的发展历程。\n小标题\n第二段讲述下一步的打算。",
        "园区发展迈上新台阶\n第一段讲述园区的发展历程。\n小标题\n第二段讲述下一步的打算。",
    ),
    # A long line broken at a page or column edge in the middle of a sentence.
    (
        "近年来，园区持续完善创新生态，支持企业加大研发投入，推动传统产业转型\n\n升级，取得明显成效。",
        "近年来，园区持续完善创新生态，支持企业加大研发投入，推动传统产业转型升级，取得明显成效。",
    ),
    # A line ending in a comma always runs on; a line starting with punctuation is a tail.
    ("园区今年新增企业，\n同比增长一成。", "园区今年新增企业，同比增长一成。"),
    ("园区今年新增企业三百家\n，同比增长一成。", "园区今年新增企业三百家，同比增长一成。"),
    # Never into a dateline or a list item, never out of a list heading or a byline.
    ("园区举办论坛\n本报讯 近日，园区举办论坛。", "园区举办论坛\n本报讯 近日，园区举办论坛。"),
    ("一、总体要求，基本原则和主要目标\n坚持创新驱动。", "一、总体要求，基本原则和主要目标\n坚持创新驱动。"),
    ("本报记者 王明报道\n“园区是创新高地。”他说。", "本报记者 王明报道\n“园区是创新高地。”他说。"),
    # A credit in brackets after the last sentence ends the paragraph.
    (
        "会议由园区管委会主办，共有四十多家企业参加了活动。（记者 王明 实习生李华）\n"
        "园区还发布了支持企业创新发展的若干措施，涉及资金、人才和土地等方面。",
        "会议由园区管委会主办，共有四十多家企业参加了活动。（记者 王明 实习生李华）\n"
        "园区还发布了支持企业创新发展的若干措施，涉及资金、人才和土地等方面。",
    ),
    # Latin words split over two lines get their space back.
    (
        "国际科技园区协会亚太区主席Tom\nBentley表示，各园区要加强合作，\n共同营造创新生态。",
        "国际科技园区协会亚太区主席Tom Bentley表示，各园区要加强合作，共同营造创新生态。",
    ),
    # Windows line ends and stray spaces.
    ("  第一段。\r\n\r\n  第二段。  \r\n", "第一段。\n第二段。"),
]

FURNITURE = [
    (
        "某某日报\n2023年6月5日 星期一\n第12期(总第345期)\n园区举办论坛。",
        ["某某日报", "2023年6月5日 星期一", "第12期（总第345期）"],
    ),
    ("园区新闻。\n编辑：张三 校对：李四", ["编辑：张三 校对：李四"]),
    ("园区新闻。\n责任编辑：王五", ["责任编辑：王五"]),
    ("邮发代号：2-100\n订阅热线：010-12345678\n园区新闻。", ["邮发代号：2-100", "订阅热线：010-12345678"]),
    (
        "园区新闻。\n地址：北京市海淀区某某路1号\n电 话：010-1234567",
        ["地址：北京市海淀区某某路1号", "电 话：010-1234567"],
    ),
    (
        "首页 > 新闻中心 > 园区动态\n园区举办论坛。\n上一篇：园区招商\n分享到：",
        ["首页 > 新闻中心 > 园区动态", "上一篇：园区招商", "分享到："],
    ),
    ("扫一扫在手机打开当前页\n园区新闻。", ["扫一扫在手机打开当前页"]),
    ("园区新闻。\nA3版", ["A3版"]),
    ("园区新闻。\n下转第2版", ["下转第2版"]),
    ("工人在车间作业。 本报记者 王明 摄", ["本报记者 王明 摄"]),
    ("新产品在展会亮相。（新华社记者 李华/摄）", ["（新华社记者 李华/摄）"]),
    (
        "启事\n因元旦放假，本刊1月1日休刊一期。特此敬告读者。\n园区新闻。",
        ["启事", "因元旦放假，本刊1月1日休刊一期。特此敬告读者。"],
    ),
    # Labels boxed in by furniture are furniture; news that mentions a keyword is not.
    (
        "欢迎订阅\n某某周刊\nWEEKLY NEWS\n全年定价：120元\n园区新闻。",
        ["欢迎订阅", "某某周刊", "WEEKLY NEWS", "全年定价：120元"],
    ),
    ("园区发布广告产业扶持政策\n公司广告投入增长一成，带动销售。", []),
    ("来源：某某市人民政府网站", ["来源：某某市人民政府网站"]),
    ("新产品亮相。（图/李华）", ["（图/李华）"]),
    ("园区全景图\n详情如下图", []),
    ("园区新闻。\n本版主编：王红 责编：李明 制作：赵强", ["本版主编：王红 责编：李明 制作：赵强"]),
    ("园区新闻。\n京公网安备11010802020000号", ["京公网安备11010802020000号"]),
]

# A web page's metadata lines are furniture of their own, and the headline above them stays.
METADATA_LINES = [
    ("南湖高新区新增企业三百家\n2018-11-02 1532\n园区新闻正文。", ["2018-11-02 1532"]),
    (
        "南湖科技城举办人才节\n发布时间：2019-08-14 09:30:00 来源：南湖日报 作者：李明\n"
        "8月13日，南湖科技城举办人才节。",
        ["发布时间：2019-08-14 09:30:00来源：南湖日报 作者：李明"],
    ),
    (
        "信息来源：南湖市科技局 发布日期：2014-03-21 浏览次数：88\n3月20日，南湖市科技局召开会议。",
        ["信息来源：南湖市科技局 发布日期：2014-03-21浏览次数：88"],
    ),
    ("园区新闻。\n来源：南湖日报  作者：王红  点击数：35", ["来源：南湖日报 作者：王红 点击数：35"]),
    ("园区新闻。\n时间：2019-08-14 09:30", ["时间：2019-08-14 09:30"]),
    ("园区新闻\n2019年8月14日 09:30\n正文。", ["2019年8月14日09:30"]),
    # Traditional script is Simplified by the time lines are read.
    (
        "南湖高新區舉辦論壇\n2021年09月03日 14:05 | 來源：南湖新聞網\n"
        "9月2日，南湖高新區舉辦論壇，吸引企業參加。",
        ["2021年09月03日14:05 | 来源：南湖新闻网"],
    ),
    # A date set in boxes over three lines.
    (
        "南湖科技城签约十个项目\n2020\n11/05\n08:45\n11月4日，南湖科技城签约十个项目。",
        ["2020", "11/05", "08:45"],
    ),
    ("园区新闻。\n《 南湖日报 》( 2016年04月09日 第 03 版)", ["《 南湖日报 》（ 2016年04月09日 第03版）"]),
    ("园区新闻。\n【打印】 【关闭】 【收藏】", ["【打印】 【关闭】 【收藏】"]),
    ("园区新闻。\n字号：大 中 小", ["字号：大 中 小"]),
    # The signature under a notice, in Chinese numerals too.
    (
        "现将《南湖市促进园区发展办法》印发给你们，请认真贯彻执行。\n南湖市人民政府办公厅\n二〇一六年三月八日",
        ["南湖市人民政府办公厅", "二〇一六年三月八日"],
    ),
    # Not metadata: a sentence after a label, a notice's details, a year inside a wrapped sentence.
    ("来源：据统计，园区企业增长一成。", []),
    ("会议时间：2024年5月10日上午9:00\n会议地点：南湖宾馆", []),
    ("时间：2024年5月10日上午\n地点：南湖宾馆", []),
    ("园区企业截至\n2023\n年底达到三百家。", []),
]


@pytest.mark.parametrize(("raw", "expected"), WIDTH_AND_PUNCTUATION)
def test_width_and_punctuation(raw: str, expected: str) -> None:
    assert cleaned(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), TRADITIONAL)
def test_traditional_to_simplified(raw: str, expected: str) -> None:
    assert cleaned(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), PINYIN_ROWS)
def test_pinyin_annotations(raw: str, expected: str) -> None:
    assert cleaned(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), SPAM)
def test_spam(raw: str, expected: str) -> None:
    assert cleaned(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), DOUBLED)
def test_doubled_characters(raw: str, expected: str) -> None:
    assert cleaned(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), PARAGRAPHS)
def test_paragraphs(raw: str, expected: str) -> None:
    assert cleaned(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), FURNITURE)
def test_furniture_is_marked_not_deleted(raw: str, expected: list[str]) -> None:
    result = clean(raw)
    assert furniture(raw) == expected
    for part in expected:
        assert part in result.text


@pytest.mark.parametrize(("raw", "expected"), METADATA_LINES)
def test_metadata_lines_are_furniture(raw: str, expected: list[str]) -> None:
    assert furniture(raw) == expected


def test_masked_text_blanks_furniture_and_keeps_offsets() -> None:
    result = clean(
        "南湖科技城举办人才节\n发布时间：2019-08-14 来源：南湖日报\n8月13日，南湖科技城举办人才节。"
    )
    masked = result.masked()
    assert len(masked) == len(result.text)
    assert masked.split("\n")[0] == "南湖科技城举办人才节"
    assert masked.split("\n")[1].strip() == ""
    assert masked.split("\n")[2] == "8月13日，南湖科技城举办人才节。"


def test_nothing_but_spam_leaves_nothing() -> None:
    result = clean("■★◆●▲□☆◇\n\n★★★■■■\n◆◆◆")
    assert result.text == ""
    assert list(result.index) == [len("■★◆●▲□☆◇\n\n★★★■■■\n◆◆◆")]


def test_empty_text() -> None:
    assert clean("") == clean("")
    assert clean("").text == ""
    assert list(clean("").index) == [0]


# --- the offset map ------------------------------------------------------------------------

_TO_SIMPLIFIED = opencc.OpenCC("tw2s")
_SAME = {
    "（": "(（",
    "）": ")）",
    "(": "(（",
    ")": ")）",
    "，": ",，",
    "：": ":：",
    "；": ";；",
    "！": "!！",
    "？": "?？",
}


def _corresponds(raw_char: str, char: str) -> bool:
    """Whether a cleaned character is what the raw character becomes under the normalisations."""
    if raw_char == char or unicodedata.normalize("NFKC", raw_char) == char:
        return True
    if char in _SAME and raw_char in _SAME[char]:
        return True
    if char in " \n":
        return raw_char.isspace()
    return _TO_SIMPLIFIED.convert(raw_char) == char or _TO_SIMPLIFIED.convert(raw_char)[:1] == char


def _assert_map(raw: str) -> None:
    result = clean(raw)
    assert len(result.index) == len(result.text) + 1
    assert result.index[-1] == len(raw)
    assert all(a < b for a, b in zip(result.index, result.index[1:-1], strict=False))
    for i, char in enumerate(result.text):
        assert _corresponds(raw[result.index[i]], char), (i, raw[result.index[i]], char)
    for span in result.furniture:
        assert 0 <= span.start < span.end <= len(result.text)


ALL_ROWS = WIDTH_AND_PUNCTUATION + TRADITIONAL + PINYIN_ROWS + SPAM + DOUBLED + PARAGRAPHS
ALL_ROWS += [(raw, "") for raw, _ in FURNITURE + METADATA_LINES]


@pytest.mark.parametrize("raw", [raw for raw, _ in ALL_ROWS])
def test_offset_map_on_rows(raw: str) -> None:
    _assert_map(raw)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_offset_map_on_seeds(path: Path) -> None:
    _assert_map(path.read_text(encoding="utf-8"))


def test_a_span_of_clean_text_shows_the_raw_text() -> None:
    raw = "3月28日,2025中關(guān)村論壇在京召開■★。"
    result = clean(raw)
    start = result.text.index("中关村")
    end = start + len("中关村论坛")
    assert raw[result.index[start] : result.index[end - 1] + 1] == "中關(guān)村論壇"


# --- the seeds ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    return {
        path.name[:3]: clean(path.read_text(encoding="utf-8")).text for path in sorted(SEEDS.glob("*.txt"))
    }


def test_seeds_have_no_glyphs_pinyin_or_traditional_left(seeds: dict[str, str]) -> None:
    assert len(seeds) == 5
    for name, text in seeds.items():
        assert not GLYPHS.search(text), name
        assert not PINYIN.search(text), name
        assert not re.search(r"(?m)^\s|\s$|\n\n", text), name  # one paragraph per line, trimmed


def test_seed_001_is_simplified(seeds: dict[str, str]) -> None:
    text = seeds["001"]
    assert "中关村" in text
    assert "關" not in text and "區" not in text and "產" not in text
    assert "中关村（海淀）生物制造产业园" in text
    assert "《中关村世界领先科技园区建设方案（2024—2027年）》" in text
    assert "(IASP)" in text and "艾巴·伦德(Ebba Lund)" in text


def test_seed_003_spam_is_gone(seeds: dict[str, str]) -> None:
    text = seeds["003"]
    assert "体育登录" not in text and "k8" not in text
    assert "前瞻布局未来产业。" in text
    assert "企业研发经费内部支出约1.2万亿元" in text
    assert "全国首条印刷OLED产线……" in text


def test_seed_000_bold_headline_and_wrapped_columns(seeds: dict[str, str]) -> None:
    text = seeds["000"]
    assert "“把脉问诊”鄂尔多斯高新区未来产业" in text
    assert "“蒙科聚”高质量发展研讨会在京举行" in text
    assert "由内蒙古自治区科技厅主办、鄂尔多斯高新区和中国高新技术产业导报社承办的" in text
    lines = text.split("\n")
    assert "2024年4月29日" in lines  # the masthead date stays, as furniture


def test_seed_furniture(seeds: dict[str, str]) -> None:
    def marked(name: str) -> list[str]:
        path = next(SEEDS.glob(f"{name}_*.txt"))
        return furniture(path.read_text(encoding="utf-8"))

    assert {"2024年4月29日", "12版", "启事"} <= set(marked("000"))
    assert {"2020年1月20日 星期一", "第3期（总第2365期）", "编辑：于大勇 组版：王新明"} <= set(marked("002"))
    assert "责任编辑：田栓林 樊子天 叶伟" in marked("004")
    news = "12月15日，科技部党组成员、副部长吴朝晖线上调研指导科技部火炬中心工作"
    assert not any(news in part for part in marked("004"))


def _random_document(rng: random.Random) -> str:
    pieces = [
        "园区", "國家高新區", "产业", "(guān)", "（海淀）", "(IASP)", "■★◆", "凯达x7体育官网", "%",
        "，", "。", "、", "：", ",", "?", "２０２４年", "4 月 25 日", "““", "””", "把脉把脉问诊问诊",
        "国国家家高高", "\n", "\n\n", "  ", "\t", "\r\n", "2024年1月1日", "编辑：张三", "12版", "Tom",
        "Bentley", "○", "·",
    ]  # fmt: skip
    return "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 80)))


@pytest.mark.parametrize("seed", range(60))
def test_offset_map_on_random_documents(seed: int) -> None:
    _assert_map(_random_document(random.Random(seed)))


def test_a_conversion_that_changes_length_keeps_the_map(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stretching:  # a converter that turns one character into two, as a phrase table may
        def convert(self, text: str) -> str:
            return text.replace("乂", "又又")

    monkeypatch.setattr(clean_module, "_converter", Stretching)
    text = "甲乂乙\n丙"
    converted, index = clean_module._to_simplified_by_line(text, list(range(len(text))))
    assert converted == "甲又又乙\n丙"
    assert list(index) == [0, 1, 1, 2, 3, 4]


def test_a_stamp_after_the_sites_name_and_address_is_a_metadata_line() -> None:
    from timeline.ingest.clean import metadata_fields

    line = "星河市政府门户网站 www.xinghe.gov.cn 2019年07月08日 来源：星河市科技局"
    assert metadata_fields(line) == [("", "2019年07月08日"), ("来源", "星河市科技局")]
    assert metadata_fields("星河新闻网 2019年07月08日 来源：星河日报") == [
        ("", "2019年07月08日"),
        ("来源", "星河日报"),
    ]
    # a headline before the stamp is no site: the line stays text
    assert metadata_fields("星河高新区举办论坛 2019年07月08日 来源：星河日报") is None


def test_the_stamp_line_under_a_headline_dates_no_event() -> None:
    from timeline.ingest.pipeline import extract_document
    from timeline.ingest.types import PartialDate

    text = (
        "星河高新区举办人工智能论坛\n星河市政府门户网站 www.xinghe.gov.cn 2019年07月08日 来源：星河市科技局\n"
        "2019年7月3日，星河高新区举办第三届人工智能创新论坛。\n"
    )
    document = extract_document(text.encode(), "stamp.txt", published=PartialDate(2019, 7, 8))
    assert [d.date for d in document.events] == [PartialDate(2019, 7, 3)]
