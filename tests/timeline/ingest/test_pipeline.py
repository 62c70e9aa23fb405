"""The whole pipeline on real files: the seeds, and the bad input editors will feed it."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import SEEDS
from timeline.ingest.errors import IngestError
from timeline.ingest.pipeline import extract_document
from timeline.ingest.types import PartialDate

PRINTED_DATES = {
    "000_b0261aa5946ba25b.txt": PartialDate(2024, 4, 29),
    "002_114833f442edb46f.txt": PartialDate(2020, 1, 20),
    "004_cbeede84a2c6244c.txt": PartialDate(2022, 12, 15),
}


@pytest.mark.parametrize(("name", "printed"), sorted(PRINTED_DATES.items()))
def test_publication_date_is_read_from_the_page(name: str, printed: PartialDate) -> None:
    document = extract_document((SEEDS / name).read_bytes(), name)
    assert document.metadata.published == printed


def test_issue_label_of_a_newsletter() -> None:
    name = "004_cbeede84a2c6244c.txt"
    document = extract_document((SEEDS / name).read_bytes(), name)
    assert document.metadata.issue_label == "2022年第21期（总第550期）"


def test_every_evidence_maps_back_to_the_raw_text() -> None:
    name = "001_d31d04ab9f96990b.txt"
    document = extract_document((SEEDS / name).read_bytes(), name, published=PartialDate(2025, 3, 28))
    assert document.events
    for draft in document.events:
        assert document.text[draft.start : draft.end] == draft.evidence
        raw_start, raw_end = document.raw_span(draft.start, draft.end)
        assert "關" in document.raw_text[raw_start:raw_end] or "关" not in draft.evidence


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (bytes(range(256)) * 8, "not text"),
        ("■★◆●▲ ■■■ ★★◆ \n ◆◆◆".encode(), "no readable text"),
    ],
)
def test_bad_input_is_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        extract_document(data, "bad.txt", published=PartialDate(2024, 1, 1))


def test_extract_command_prints_json_lines(tmp_path) -> None:
    out = io.StringIO()
    call_command("extract", "--published", "2024-04-29", str(SEEDS / "000_b0261aa5946ba25b.txt"), stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows and all(row["doc"] == "000_b0261aa5946ba25b.txt" for row in rows)
    fields = {"date", "kind", "title", "parks", "organisations", "people", "policies", "evidence"}
    assert fields <= set(rows[0])


def test_extract_refuses_a_file_over_the_import_limit_unread(tmp_path, settings) -> None:
    settings.IMPORT_MAX_BYTES = 1000
    big = tmp_path / "big.txt"
    big.write_text("园区举办论坛。" * 200, encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 1"):
        call_command("extract", "--published", "2024", str(big), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().strip() == f"{big}: larger than the limit of 1000 bytes (IMPORT_MAX_BYTES)"


def test_extract_command_names_the_bad_file(tmp_path) -> None:
    missing = tmp_path / "nope.txt"
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("extract", str(missing), stdout=io.StringIO(), stderr=err)
    assert str(missing) in err.getvalue()
    with pytest.raises(CommandError, match="--published"):
        call_command("extract", "--published", "April", str(missing), stdout=io.StringIO())


def test_a_reposted_report_speaks_of_its_own_year() -> None:
    """A 2009 work summary reposted on a page of 2022: its 今年 and 6月18日 are of 2009."""
    text = (
        "2009上半年青溪开发区工作总结\n"
        "今年上半年，青溪开发区实现营业收入300亿元，同比增长12%。\n"
        "6月18日，青溪开发区举办人工智能产业论坛。\n"
    )
    document = extract_document(text.encode("utf-8"), "report.txt", published=PartialDate(2022, 3, 1))
    assert sorted((e.kind, e.date.iso()) for e in document.events) == [
        ("forum", "2009-06-18"),
        ("statistic", "2009"),
    ]


def test_a_report_of_last_year_keeps_the_publication_year() -> None:
    """A summary titled by the year before its page's is not told apart from the page's news."""
    text = "2021年青溪开发区工作总结\n6月18日，青溪开发区举办人工智能产业论坛。\n"
    document = extract_document(text.encode("utf-8"), "report.txt", published=PartialDate(2022, 8, 1))
    assert [(e.kind, e.date.iso()) for e in document.events] == [("forum", "2022-06-18")]
