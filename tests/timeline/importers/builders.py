"""Hand-built pipeline ``Document`` values, so the importer is tested without the extractor.

``DocumentBuilder(text)`` locates each quoted passage and mention in the text you write and
fills in the offsets; paragraphs (blank-line separated) are the news items, their first line
the headline. The raw text is the cleaned text behind two characters of page furniture, so raw
offsets differ from clean ones by two.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from timeline.ingest.types import Document, EventDraft, Item, Mention, Metadata, PartialDate

RAW_PREFIX = "第1版\n"


class DocumentBuilder:
    def __init__(
        self,
        text: str,
        *,
        name: str = "news.txt",
        published: str | None = "2024-05-10",
        publisher: str = "",
        title: str = "",
        issue_label: str = "",
    ) -> None:
        self.text = text
        self.name = name
        self.metadata = Metadata(
            published=PartialDate.parse(published) if published else None,
            publisher=publisher,
            title=title,
            issue_label=issue_label,
        )
        self.events: list[EventDraft] = []
        self.mentions: list[Mention] = []

    def _find(self, passage: str) -> int:
        start = self.text.find(passage)
        assert start >= 0, f"{passage!r} is not in the text"
        return start

    def items(self) -> list[Item]:
        items, start = [], 0
        for paragraph in self.text.split("\n\n"):
            end = start + len(paragraph)
            items.append(Item(start=start, end=end, headline=paragraph.split("\n")[0][:30]))
            start = end + 2
        return items

    def event(
        self,
        evidence: str,
        *,
        kind: str = "forum",
        date: str | None = "2024-05-08",
        title: str = "",
        window: tuple[str, str] | None = None,
        end_date: str | None = None,
        **fields,
    ) -> DocumentBuilder:
        start = self._find(evidence)
        item_index = next(i for i, item in enumerate(self.items()) if item.start <= start < item.end)
        self.events.append(
            EventDraft(
                kind=kind,
                date=PartialDate.parse(date) if date else None,
                title=title or evidence[:20],
                evidence=evidence,
                start=start,
                end=start + len(evidence),
                item_index=item_index,
                end_date=PartialDate.parse(end_date) if end_date else None,
                window=(dt.date.fromisoformat(window[0]), dt.date.fromisoformat(window[1]))
                if window
                else None,
                **fields,
            )
        )
        return self

    def mention(self, surface: str, *, kind: str, name: str = "", **fields) -> DocumentBuilder:
        start = self._find(surface)
        self.mentions.append(
            Mention(
                start=start,
                end=start + len(surface),
                surface=surface,
                kind=kind,
                name=name or surface,
                **fields,
            )
        )
        return self

    def build(self) -> Document:
        return Document(
            name=self.name,
            raw_text=RAW_PREFIX + self.text,
            text=self.text,
            raw_index=[i + len(RAW_PREFIX) for i in range(len(self.text) + 1)],
            encoding="utf-8",
            media_type="text/plain",
            sha256=hashlib.sha256(self.text.encode()).hexdigest(),
            metadata=self.metadata,
            items=self.items(),
            events=self.events,
            mentions=self.mentions,
        )


# Two reports of one forum, written for these tests (a made-up park in a made-up city).
FORUM_REPORT = (
    "星河高新区举办人工智能产业论坛\n"
    "本报讯 5月8日，星河高新区人工智能产业创新论坛在星河会展中心举行。"
    "星河市科技局局长王明远出席并致辞。"
    "\n\n"
    "星河高新区印发《星河高新区促进人工智能产业发展若干措施（2024—2026年）》（星科发〔2024〕12号）。"
)
FORUM_FOLLOW_UP = (
    "人工智能论坛在星河召开\n"
    "5月8日，由星河市科技局主办的星河高新区人工智能产业创新论坛召开，王明远表示，将持续优化创新生态。"
)
POLICY_TITLE = "星河高新区促进人工智能产业发展若干措施（2024—2026年）"


def forum_report(**kwargs) -> DocumentBuilder:
    """The first report: a forum, a person with a title, and a policy with a document number."""
    return (
        DocumentBuilder(FORUM_REPORT, **kwargs)
        .event(
            "5月8日，星河高新区人工智能产业创新论坛在星河会展中心举行。",
            title="星河高新区人工智能产业创新论坛",
            date="2024-05-08",
            date_phrase="5月8日",
            parks=["星河高新区"],
            organisations=[("星河市科技局", "participant")],
            people=["王明远"],
            confidence=0.7,
        )
        .event(
            f"星河高新区印发《{POLICY_TITLE}》",
            kind="policy_release",
            title="星河高新区印发人工智能产业若干措施",
            date="2024-05",
            parks=["星河高新区"],
            policies=[POLICY_TITLE],
        )
        .mention("星河高新区", kind="park")
        .mention("星河市科技局", kind="organisation")
        .mention("王明远", kind="person", title="局长", organisation="星河市科技局")
        .mention(
            f"《{POLICY_TITLE}》", kind="policy", name=POLICY_TITLE, document_number="星科发〔2024〕12号"
        )
    )


def forum_follow_up(**kwargs) -> DocumentBuilder:
    """A second report of the same forum, from another paper two days later."""
    kwargs.setdefault("name", "follow-up.txt")
    kwargs.setdefault("published", "2024-05-12")
    return (
        DocumentBuilder(FORUM_FOLLOW_UP, **kwargs)
        .event(
            "5月8日，由星河市科技局主办的星河高新区人工智能产业创新论坛召开",
            title="星河高新区人工智能产业创新论坛召开",
            date="2024-05-08",
            parks=["星河高新区"],
            organisations=[("星河市科技局", "organiser")],
        )
        .mention("星河高新区", kind="park")
        .mention("星河市科技局", kind="organisation")
        .mention("王明远", kind="person")
    )
