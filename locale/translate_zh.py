"""Fill locale/zh_Hans/LC_MESSAGES/django.po from the table below, then compile with
``django-admin compilemessages``. Run after ``django-admin makemessages -l zh_Hans``; entries
already translated in the .po are kept, so hand edits there survive.

    .venv/bin/python locale/translate_zh.py && .venv/bin/django-admin compilemessages -l zh_Hans
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

PO = Path(__file__).resolve().parent / "zh_Hans" / "LC_MESSAGES" / "django.po"

# (context, msgid) or msgid → translation; a plural entry gives its one form (Chinese has one)
ZH: dict[object, str] = {
    "Simplified Chinese": "简体中文",
    "Enter a web address starting with http:// or https://.": "请输入以 http:// 或 https:// 开头的网址。",
    "URL as found": "原始地址（不作链接）",
    "An address the document gave that is not a web (http/https) address: kept as text.": "文档给出的地址不是网页（http/https）地址：仅作为文本保存。",
    "An address that was given for the text but is not a web (http/https) address.": "为正文给出的地址，但不是网页（http/https）地址。",
    "Login locked": "登录已锁定",
    "Too many failed logins for this account from your address. Try again in %(minutes)s minutes.": "该账户从您的网络地址登录失败次数过多，已暂时锁定。请在 %(minutes)s 分钟后再试。",
    "Back to the login page": "返回登录页",
    "The status stays “%(status)s”: publish or reject with the review actions.": "状态仍为“%(status)s”：请用审核操作发布或驳回。",
    "English": "英语",
    "Merged %(count)d records into “%(survivor)s”.": "已将 %(count)d 条记录合并到“%(survivor)s”。",
    "aliases": "别名",
    "Merge selected organisations into one": "将所选机构合并为一条",
    "approved": "批准",
    "Merge selected parks into one": "将所选园区合并为一条",
    "positions": "职务",
    "Merge selected people into one": "将所选人物合并为一条",
    "Actors and places": "机构、园区与人物",
    "day": "日",
    "month": "月",
    "year": "年",
    "name": "名称",
    "name key": "名称键",
    "slug": "网址别名",
    "description": "简介",
    "reviewed": "已审核",
    "Unticked for records the extractor created.": "抽取程序自动创建的记录未勾选。",
    "created": "创建时间",
    "updated": "更新时间",
    "ministry": "部委",
    "agency": "机构/单位",
    "local government": "地方政府",
    "park management committee": "园区管委会",
    "company": "企业",
    "association": "协会/联盟",
    "university or institute": "高校或科研院所",
    "media": "媒体",
    "foreign or international": "境外或国际组织",
    "other": "其他",
    "national high-tech zone": "国家高新区",
    "national independent innovation demonstration zone": "国家自主创新示范区",
    "provincial high-tech zone": "省级高新区",
    "sub-park": "分园",
    "specialty industrial park": "特色产业园",
    "foreign science park": "境外科技园",
    "other park": "其他园区",
    "kind": "类型",
    "parent": "上级",
    "predecessor": "前身",
    "The body this one continues, e.g. after a ministry reorganisation.": "本机构所承接的机构，例如部委改革之后。",
    "became this body on": "启用本名称日期",
    "country": "国家或地区",
    "ISO 3166 code": "ISO 3166 代码",
    "organisation": "机构",
    "organisations": "机构",
    "level": "级别",
    "province": "省份",
    "city": "城市",
    "parent park": "上级园区",
    "approved on": "批准日期",
    "approval date precision": "批准日期精度",
    "managing organisation": "管理机构",
    "park": "园区",
    "parks": "园区",
    "disambiguation": "消歧说明",
    "Tells apart people of the same name, e.g. 中国工程院院士.": "区分同名人物，例如“中国工程院院士”。",
    "person": "人物",
    "people": "人物",
    "title": "标题",
    "first seen": "首次出现",
    "last seen": "最近出现",
    "started on": "任职起始",
    "ended on": "任职结束",
    "first source": "首个来源",
    "evidence": "依据",
    "position": "职务",
    "alias": "别名",
    "Dates": "日期",
    "published": "已发布",
    "period": "期限",
    "issuers": "发文机构",
    "Policies": "政策",
    "plan (方案/规划/计划)": "方案/规划/计划",
    "opinion (意见)": "意见",
    "notice (通知)": "通知",
    "measures (办法/措施/政策)": "办法/措施/政策",
    "report (报告)": "报告",
    "initiative (倡议)": "倡议",
    "law or regulation (法/条例)": "法律/条例",
    "in force": "现行有效",
    "draft": "草案",
    "expired": "已失效",
    "unknown": "未知",
    "title key": "标题键",
    "short title": "简称",
    "document number (文号)": "文号",
    "written on (成文)": "成文日期",
    "published on (发布)": "发布日期",
    "in force from (施行)": "施行日期",
    "period from (year)": "期限起（年）",
    "period to (year)": "期限止（年）",
    "status": "状态",
    "URL": "网址",
    "summary": "摘要",
    "policy": "政策",
    "policies": "政策",
    "Science park timeline": "科技园区大事记",
    "Parkline": "科技园区大事记",
    "Atom feed": "Atom 订阅",
    "Skip to content": "跳到正文",
    "Science parks and high-tech zones of China": "中国科技园区与高新区动态",
    "Search events": "搜索大事",
    "Search: parks, policies, people…": "搜索园区、政策、人物……",
    "Search": "搜索",
    "Calendar (iCal)": "日历（iCal）",
    "JSON API": "JSON 接口",
    "Park": "园区",
    "Organisation": "机构",
    "Person": "人物",
    "Policy": "政策",
    "Events": "大事",
    "Open in the timeline with filters": "在时间线中筛选查看",
    "Source": "来源",
    "Source:": "来源：",
    "and %(n)s more source": "另有 %(n)s 个来源",
    "No published events match.": "没有符合条件的已发布大事。",
    "Filter": "筛选",
    "Kind": "类型",
    "Years": "年份",
    "From": "从",
    "to": "至",
    "Apply": "应用",
    "Province": "省份",
    "Pages": "分页",
    "Previous": "上一页",
    "Next": "下一页",
    "Events per year": "每年大事数",
    "%(year)s: %(n)s event": "%(year)s年：%(n)s 件",
    "Events per year — select a bar to show one year": "每年大事数——点击柱条查看该年",
    "Timeline": "时间线",
    "Part of": "隶属",
    "Lineage": "沿革",
    "from %(date)s": "%(date)s年起",
    "Also called": "又称",
    "Manages": "管理园区",
    "Policies issued": "发布的政策",
    "Location": "所在地",
    "Approved": "获批",
    "Sub-parks": "下辖园区",
    "Managed by": "管理机构",
    "Positions": "任职",
    "Issued by": "发文机关",
    "Document number": "发文字号",
    "Written": "成文日期",
    "Published": "发布日期",
    "In force from": "施行日期",
    "Period": "期限",
    "Status": "状态",
    "Short title": "简称",
    "Text": "全文",
    "Parks": "园区",
    "Organisations": "机构",
    "People": "人物",
    "Evidence": "依据",
    "original": "原文",
    "No evidence recorded.": "暂无依据。",
    "“%(q)s”": "“%(q)s”",
    "Search: “%(q)s”": "搜索：“%(q)s”",
    "%(n)s published event": "已发布大事 %(n)s 件",
    "Active filters": "当前筛选",
    "Clear all": "全部清除",
    "Order": "排序",
    "Best match": "最相关",
    "Newest first": "最新在前",
    "Oldest first": "最早在前",
    "Back to the first page": "回到第一页",
    "Filters": "筛选",
    "Source document": "来源文献",
    "Highlighted passages state a published event; select one to open the event.": (
        "高亮的段落是已发布大事的依据，点击可打开该大事。"
    ),
    "Only events that editors have published are shown. Event data is kept in Chinese as the sources "
    "wrote it.": "本站只显示编辑已发布的大事。大事内容保留来源原文的中文表述。",
    "news items": "新闻条目",
    "queue": "队列",
    "open (not rejected or merged)": "待处理（未驳回、未合并）",
    "merged": "已合并",
    "all": "全部",
    "When": "时间",
    "Who and what": "人物与内容",
    "date": "日期",
    "Mark selected events as reviewed": "将所选大事标为已审核",
    "Publish selected events": "发布所选大事",
    "Reject selected events": "驳回所选大事",
    "Merge selected events into one": "将所选大事合并为一条",
    "quote": "引文",
    "Parkline: science park timeline": "科技园区大事记",
    "Published events of China's science parks and high-tech zones": "中国科技园区与高新区的已发布大事",
    "publisher": "发布者",
    "issue": "期号",
    "e.g. 第3期(总第2365期)": "例如 第3期(总第2365期)",
    "published on": "发布日期",
    "publication date precision": "发布日期精度",
    "file name": "文件名",
    "media type": "媒体类型",
    "detected encoding": "识别出的编码",
    "raw text": "原始文本",
    "cleaned text": "清洗后文本",
    "content SHA-256": "内容 SHA-256",
    "imported at": "导入时间",
    "imported by": "导入者",
    "source": "来源",
    "sources": "来源",
    "position in source": "在来源中的位置",
    "headline": "标题",
    "dateline": "电头",
    "byline": "署名",
    "start offset": "起始偏移",
    "end offset": "结束偏移",
    "news item": "新闻条目",
    "forum": "论坛会议",
    "press conference": "新闻发布会",
    "meeting": "工作会议",
    "contest": "赛事评选",
    "policy release": "政策发布",
    "park sign-up": "签约认定",
    "visit": "调研考察",
    "launch": "启动揭牌",
    "statistic": "统计数据",
    "candidate": "候选",
    "rejected": "已驳回",
    "First day of the period the precision names.": "精度所指时段的第一天。",
    "precision": "精度",
    "end date": "结束日期",
    "Last day of a multi-day event.": "多日活动的最后一天。",
    "earliest": "最早",
    "For vague dates (近日).": "用于模糊日期（近日）。",
    "latest": "最晚",
    "confidence": "置信度",
    "merged into": "合并到",
    "search text": "检索文本",
    "Segmented, simplified words for search.": "用于检索的分词简体文本。",
    "event": "大事",
    "events": "大事",
    "Can publish and reject events": "可以发布和驳回大事",
    "Can merge events and entities": "可以合并大事和实体",
    "organiser": "主办",
    "issuer": "发布",
    "participant": "参与",
    "host": "承办",
    "role": "角色",
    "organisation role": "机构角色",
    "organisation roles": "机构角色",
    "start offset (clean text)": "起始偏移（清洗后文本）",
    "end offset (clean text)": "结束偏移（清洗后文本）",
    "start offset (raw text)": "起始偏移（原始文本）",
    "end offset (raw text)": "结束偏移（原始文本）",
    "date phrase": "日期原文",
    ("date known to the year", "{year}"): "{year}年",
    ("date known to the month", "{month_name} {year}"): "{year}年{month}月",
    ("date known to the day", "{month_name} {day}, {year}"): "{year}年{month}月{day}日",
    ("days in one month", "{month_name} {day}–{end_day}, {year}"): "{year}年{month}月{day}日至{end_day}日",
    ("days in one year", "{month_name} {day} – {end_month_name} {end_day}, {year}"): (
        "{year}年{month}月{day}日至{end_month}月{end_day}日"
    ),
    ("a span of dates", "{start} – {end}"): "{start}至{end}",
    ("months in one year", "{month_name}–{end_month_name} {year}"): "{year}年{month}月至{end_month}月",
    "{date} (approx.)": "{date}（约）",
    ("month heading", "{month_name}"): "{month}月",
    "No such event.": "没有这件大事。",
    # issue 11: the public record
    ("heading of events known to the year", "{year}, month not known"): "{year}年（月份不详）",
    "English name": "英文名称",
    "The body's own English name, if any.": "机构自己使用的英文名称（如有）。",
    "The zone's official English name.": "园区的官方英文名称。",
    "Cite": "引用",
    "Permanent link": "永久链接",
    "These events as": "以下事件导出为",
    "All events as": "全部事件导出为",
    "Embeddable timeline": "可嵌入的时间轴",
    "Open the timeline": "打开时间轴",
    "Some day between %(start)s and %(end)s": "%(start)s至%(end)s之间的某一天",
    "The source says only “recently”: some day between %(start)s and %(end)s.": "来源只说“近日”：在%(start)s至%(end)s之间的某一天。",
    "in office %(start)s – %(end)s": "任职 %(start)s – %(end)s",
    "seen in sources in %(first)s": "来源所见：%(first)s",
    "seen in sources from %(first)s to %(last)s": "来源所见：%(first)s至%(last)s",
    "Validity": "时效性",
    "not stated": "未注明",
    "not recorded": "未记录",
    "not online (imported from a file)": "无网络版本（由文件导入）",
    "Publisher": "出版者",
    "Original": "原文",
    "Untitled document": "无题文档",
    "{name} · {site}": "{name} · {site}",
    "≈ {start} – {end} (approximate)": "≈ {start} – {end}（约）",
    "Nothing public has this name.": "没有公开记录使用这个名称。",
    "rules": "抽取规则",
    "The names of the extraction rules (or models) that proposed the event.": "提出该事件的抽取规则（或模型）名称。",
    "When it last became public; empty while it is not. Kept by timeline.derived.": "最近一次公开的时间；未公开时为空。由 timeline.derived 维护。",
    "First day of the period the precision names. Empty when the text dates the event only relative to a publication date nobody knows (4月27日, 近日): an editor must date it.": "精度所指时段的第一天。若原文只给出相对于未知发布日期的时间（4月27日、近日）则为空：须由编辑确定日期。",
    "deleted": "已删除",
    "withdrawn at": "撤下时间",
    "reason": "原因",
    "withdrawal": "撤下记录",
    "withdrawals": "撤下记录",
    "dimension": "维度",
    "value": "值",
    "An entity's id, or a province's name.": "实体的编号，或省份名称。",
    "facet count": "分面计数",
    "facet counts": "分面计数",
    "facet version": "分面版本",
    "facet versions": "分面版本",
    "values": "取值",
    "[dimension, value] pairs: the event's entities and provinces.": "[维度, 值] 对：事件的实体与省份。",
    "counted event": "已计数事件",
    "counted events": "已计数事件",
    "facet tally": "分面计数",
    "facet tallies": "分面计数",
    "events per year": "各年事件数",
    "{year: events}": "{年份: 事件数}",
    "search word": "搜索词",
    "counted as": "计数依据",
    "What the facet counts hold of it: kind, year and names. Kept by timeline.counts.": "分面计数中记录的本事件：类型、年份与名称。由 timeline.counts 维护。",
    "An entity's id, a province's name or a search word.": "实体的编号、省份名称或搜索词。",
    "event id": "事件编号",
    "public since": "公开时间",
    "merged into another event": "已并入其他事件",
    "unpublished": "已撤回发布",
    "version": "版本",
}

_STRING = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$')


def _entries(text: str) -> list[list[str]]:
    return [block.split("\n") for block in text.strip("\n").split("\n\n")]


def _fields(lines: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    current = None
    for line in lines:
        match = _STRING.match(line)
        if match:
            current = match.group(1)
            fields[current] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and current:
            fields[current] += ast.literal_eval(line)
    return fields


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main() -> int:
    blocks = _entries(PO.read_text(encoding="utf-8"))
    out: list[str] = []
    missing: list[str] = []
    for lines in blocks:
        fields = _fields(lines)
        msgid = fields.get("msgid", "")
        if not msgid:
            header = [line for line in lines if line != "#, fuzzy"]
            header = [line.replace('"Language: \\n"', '"Language: zh_Hans\\n"') for line in header]
            out.append("\n".join(header))
            continue
        key = (fields["msgctxt"], msgid) if "msgctxt" in fields else msgid
        # a fuzzy entry is makemessages' guess from a similar string: translate it afresh
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        done = None if fuzzy else fields.get("msgstr") or fields.get("msgstr[0]")
        translation = done or ZH.get(key)
        if translation is None:
            missing.append(msgid)
            out.append("\n".join(lines))
            continue
        kept = [line for line in lines if line.startswith("#") and line != "#, fuzzy"]
        # the date formats name different fields in each language ({month} for 4月, {month_name}
        # for April): msgfmt must not hold the translation to the English placeholders
        kept = [line.replace(", fuzzy", "").replace(", python-brace-format", "") for line in kept]
        kept = [line for line in kept if line != "#" and not line.startswith("#|")]
        if "msgctxt" in fields:
            kept.append(f"msgctxt {_quote(fields['msgctxt'])}")
        kept.append(f"msgid {_quote(msgid)}")
        if "msgid_plural" in fields:
            kept.append(f"msgid_plural {_quote(fields['msgid_plural'])}")
            kept.append(f"msgstr[0] {_quote(translation)}")
        else:
            kept.append(f"msgstr {_quote(translation)}")
        out.append("\n".join(kept))
    PO.write_text("\n\n".join(out) + "\n", encoding="utf-8")
    for msgid in missing:
        print(f"untranslated: {msgid!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
