"""Full-text search over events: Chinese-aware, insensitive to Traditional/Simplified.

Chinese has no spaces, so a database tokenizer cannot find words in it. We segment with jieba
ourselves and store the words, space-separated and in Simplified characters, in
``Event.search_text``; the database only has to match whole space-separated words:

- PostgreSQL: a generated ``tsvector`` column over ``search_text`` with a GIN index (migration
  0003), queried with ``plainto_tsquery`` and ranked with ``ts_rank``.
- SQLite: an FTS5 table ``timeline_event_fts`` (rowid = event id) that triggers keep in step
  with the column (migration 0003), ranked by how often the words occur per length of text.

A query goes through the same conversion (OpenCC ``tw2s``, then jieba), so ``中關村`` finds what
``中关村`` finds.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from functools import cache

from django.db import connection
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    Prefetch,
    Q,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, Length, Replace

from people.models import Alias, Organisation, Park, Person
from timeline.models import Event

logger = logging.getLogger(__name__)

FTS_TABLE = "timeline_event_fts"
_CHUNK = 500
# a token is worth indexing when it holds at least one letter, digit or CJK character
_WORDY = re.compile(r"\w", re.UNICODE)
_MAX_QUERY_TOKENS = 12


@cache
def _converter():
    import opencc

    # tw2s, not t2s: t2s turns 著 into 着 where Taiwan usage means 著 (显著)
    return opencc.OpenCC("tw2s")


@cache
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def to_simplified(text: str) -> str:
    """Traditional (Taiwan or Hong Kong usage) to Simplified; Simplified text is unchanged."""
    return _converter().convert(text) if text else ""


def index_tokens(text: str) -> list[str]:
    """Every word a document should be found by: jieba's search mode also emits the shorter
    words inside long ones (中关村科技园区 → 中关村, 科技, 园区, …)."""
    words = _jieba().cut_for_search(to_simplified(text).lower())
    return [word for word in (w.strip() for w in words) if word and _WORDY.search(word)]


def query_tokens(query: str) -> list[str]:
    """The words of a reader's query, segmented like the documents (precise mode), simplified."""
    words = _jieba().lcut(to_simplified(query).lower())
    tokens: list[str] = []
    for word in (w.strip() for w in words):
        if word and _WORDY.search(word) and word not in tokens:
            tokens.append(word)
    return tokens[:_MAX_QUERY_TOKENS]


# generic ends of park and body names: the pinyin of what comes before is what readers type
_GENERIC_ENDS = re.compile(r"(国家自主创新示范区|高新技术产业开发区|科技园区|高新区|示范区|园区|园)$")


@cache
def _pinyin():
    import pypinyin

    return pypinyin


def pinyin_words(name: str) -> list[str]:
    """The pinyin a reader may type for a name, without tones: the short form whole and word by
    word (中关村科技园区 → zhongguancun; 武汉东湖高新区 → wuhandonghu, wuhan, donghu)."""
    stem = _GENERIC_ENDS.sub("", to_simplified(name).strip()) or name
    if not re.search(r"[\u4e00-\u9fff]", stem):
        return []
    lazy = _pinyin().lazy_pinyin
    words = ["".join(lazy(stem))]
    parts = [word for word in _jieba().lcut(stem) if re.search(r"[\u4e00-\u9fff]", word)]
    if len(parts) > 1:
        words += ["".join(lazy(part)) for part in parts]
    return [word.lower() for word in words if word.isascii() and word.isalnum()]


def document_text(*, title: str, quotes: Sequence[str], names: Sequence[str]) -> str:
    """The search text of one event: its words, and each entity name also as one whole word
    so that a full name typed as a query matches even where jieba splits it differently."""
    tokens = index_tokens(title)
    for quote in quotes:
        tokens.extend(index_tokens(quote))
    for name in names:
        whole = to_simplified(name).lower().replace(" ", "")
        if whole:
            tokens.append(whole)
        tokens.extend(index_tokens(name))
        tokens.extend(pinyin_words(name))
    return " ".join(tokens)


def refresh_search_text(event_ids: Iterable[int]) -> None:
    """Recompute ``Event.search_text`` (and the SQLite FTS row) of these events from their title,
    evidence quotes and the names and aliases of their parks, organisations, people and policies.

    Called only by ``timeline.derived.events_changed``, the door every write goes through."""
    ids = sorted({int(pk) for pk in event_ids})
    aliases = Prefetch(
        "aliases", queryset=Alias.objects.only("id", "name", "park_id", "organisation_id", "person_id")
    )
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        events = (
            Event.objects.filter(pk__in=chunk)
            .only("id", "title")
            .prefetch_related(
                Prefetch(
                    "parks", queryset=Park.objects.only("id", "name", "name_en").prefetch_related(aliases)
                ),
                Prefetch(
                    "organisations",
                    queryset=Organisation.objects.only("id", "name", "name_en").prefetch_related(aliases),
                ),
                Prefetch("people", queryset=Person.objects.only("id", "name").prefetch_related(aliases)),
                "policies",
                "evidence",
            )
        )
        rows: list[tuple[int, str]] = []
        for event in events:
            names: list[str] = []
            for entity in [*event.parks.all(), *event.organisations.all(), *event.people.all()]:
                names.append(entity.name)
                names.extend(alias.name for alias in entity.aliases.all())
                if getattr(entity, "name_en", ""):  # parks and organisations
                    names.append(entity.name_en)
            for policy in event.policies.all():
                names.extend(filter(None, [policy.title, policy.short_title, policy.document_number]))
            # copies of one report quote one sentence: segment each distinct quote once
            quotes = list(dict.fromkeys(evidence.quote for evidence in event.evidence.all()))
            rows.append((event.pk, document_text(title=event.title, quotes=quotes, names=names)))
        store_search_text(rows)


def words_of(event_ids: Sequence[int]) -> set[str]:
    """The words these events can be found by now (their stored search text)."""
    words: set[str] = set()
    ids = list(event_ids)
    for start in range(0, len(ids), _CHUNK):
        for text in Event.objects.filter(pk__in=ids[start : start + _CHUNK]).values_list(
            "search_text", flat=True
        ):
            words.update(text.split())
    return words


def store_search_text(rows: Sequence[tuple[int, str]]) -> None:
    """Write precomputed search texts (event id, text); on SQLite the FTS table follows by trigger.
    Split from :func:`refresh_search_text` so that the benchmark can load many rows quickly."""
    if rows:
        Event.objects.bulk_update(
            [Event(pk=pk, search_text=text) for pk, text in rows], ["search_text"], batch_size=_CHUNK
        )


def _fts5_query(tokens: Sequence[str]) -> str:
    # each token as a quoted FTS5 string: no operator or column syntax can leak in from a query
    return " ".join('"{}"'.format(token.replace('"', '""')) for token in tokens)


class _StoredVector(Func):
    """The generated column ``search_vector`` (migration 0003; unknown to the model), qualified
    with whatever alias the query gives ``timeline_event``, as ``search_text`` would be."""

    template = "%(expressions)s"

    def __init__(self) -> None:
        super().__init__(F("search_text"))

    def as_sql(self, compiler, connection, **extra):
        sql, params = super().as_sql(compiler, connection, **extra)
        return sql.replace('"search_text"', '"search_vector"'), params


def _pg_vector() -> Func:
    return _StoredVector()


def _pg_query(tokens: Sequence[str]) -> Func:
    return Func(Value(" ".join(tokens)), template="plainto_tsquery('simple'::regconfig, %(expressions)s)")


def match_condition(tokens: Sequence[str]) -> Q | Func:
    """A filter for events that hold every one of ``tokens`` (see :func:`query_tokens`)."""
    if connection.vendor == "postgresql":
        return Func(
            _pg_vector(),
            _pg_query(tokens),
            template="%(expressions)s",
            arg_joiner=" @@ ",
            output_field=BooleanField(),
        )
    if connection.vendor == "sqlite":
        return Q(
            pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", (_fts5_query(tokens),))
        )
    # another backend: whole-word matches on the stored text, correct if slow
    condition = Q()
    for token in tokens:
        condition &= Q(search_text__regex=rf"(^| ){re.escape(token)}( |$)")
    return condition


def rank_expression(tokens: Sequence[str]) -> Func | ExpressionWrapper | Value:
    """How well an event matches ``tokens``: higher is better, for ``order_by('-rank')``."""
    if connection.vendor == "postgresql":
        return Func(_pg_vector(), _pg_query(tokens), function="ts_rank", output_field=FloatField())
    if connection.vendor == "sqlite":
        return _word_frequency(tokens)
    return Value(0.0, output_field=FloatField())


def _word_frequency(tokens: Sequence[str]) -> Func:
    """How often the words occur in the stored text, per length of the text. On SQLite this
    stands in for FTS5's bm25(), which would run the full-text query once per matching row."""
    padded = Concat(Value(" "), F("search_text"), Value(" "), output_field=TextField())
    occurrences = [
        # each occurrence of " word " removed shortens the text by len(word) + 1
        (Length(padded) - Length(Replace(padded, Value(f" {token} "), Value(" ")))) / float(len(token) + 1)
        for token in tokens
    ]
    total = occurrences[0]
    for more in occurrences[1:]:
        total = total + more
    return ExpressionWrapper(total / (Length(F("search_text")) + 50.0), output_field=FloatField())


def search_events(queryset: QuerySet, query: str) -> tuple[QuerySet, list[str]]:
    """Events of ``queryset`` that hold every word of ``query``, best first (then newest), and the
    words matched (for highlighting). An empty query leaves the queryset as it is."""
    tokens = query_tokens(query)
    if not tokens:
        return queryset, []
    ranked = queryset.filter(match_condition(tokens)).annotate(rank=rank_expression(tokens))
    return ranked.order_by("-rank", "-date", "-id"), tokens
