"""The import_news command, on a fake extractor (the real decode stage, a one-event document).

The fake keeps these tests about the command: paths, failures, transactions, the summary.
The real pipeline on the seeds is tested in ``test_import_news_seeds.py``.
"""

from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from timeline.ingest.decode import decode
from timeline.ingest.types import Document, EventDraft, Item, Metadata, PartialDate
from timeline.management.commands import import_news
from timeline.models import Event, NewsItem, Source

pytestmark = pytest.mark.django_db

BINARY = bytes(range(256)) * 8


def fake_extract(data: bytes, name: str, *, published: PartialDate | None = None, gazetteer=None) -> Document:
    """Decode for real, then one news item whose first line is a forum held on the publication day."""
    decoded = decode(data, name)
    text = decoded.text.strip()
    headline = text.splitlines()[0]
    published = published or PartialDate(2024, 5, 10)
    return Document(
        name=name,
        raw_text=decoded.text,
        text=text,
        raw_index=list(range(len(text) + 1)),
        encoding=decoded.encoding,
        media_type=decoded.media_type,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        metadata=Metadata(published=published),
        items=[Item(0, len(text), headline=headline)],
        events=[EventDraft("forum", published, headline, headline, 0, len(headline), 0)],
        mentions=[],
    )


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    calls = []

    def extract(data, name, **kwargs):
        calls.append((name, kwargs))
        return fake_extract(data, name, **kwargs)

    monkeypatch.setattr(import_news, "extract_document", extract)
    return calls


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    (folder / "2024").mkdir(parents=True)
    (folder / "a.txt").write_text("星河高新区举办创新论坛\n正文。", encoding="utf-8")
    (folder / "b.text").write_bytes("云岭高新区举办创业论坛\n正文。".encode("gb18030"))
    (folder / "2024" / "c.html").write_text(
        "<html><body><article><p>海湾科技园举办人才论坛</p><p>正文。</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "notes.csv").write_text("not,news\n", encoding="utf-8")  # not a news file: not read
    return folder


def run(*args: str) -> tuple[str, str, int]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_news", *args, stdout=out, stderr=err)
    except CommandError as error:
        err.write(f"CommandError: {error}\n")
        return out.getvalue(), err.getvalue(), error.returncode
    return out.getvalue(), err.getvalue(), 0


def test_a_folder_is_imported_recursively_in_order(news, fake_pipeline):
    out, err, status = run(str(news))

    assert status == 0 and err == ""
    assert [name for name, _ in fake_pipeline] == ["c.html", "a.txt", "b.text"]  # sorted paths: 2024/ first
    assert Source.objects.count() == 3 and Event.objects.filter(status="candidate").count() == 3
    assert Source.objects.get(file_name="b.text").encoding == "gb18030"
    assert out.strip() == (
        "documents: read 3, unchanged 0, failed 0; news items 3; events new 3, merged 0; entities new 0"
    )
    assert "\r" not in out  # no progress bar when stdout is not a terminal


def test_a_second_run_reports_every_document_unchanged(news):
    run(str(news))
    out, _, status = run(str(news))

    assert status == 0
    assert "documents: read 3, unchanged 3, failed 0; news items 0; events new 0" in out
    assert Source.objects.count() == 3


def test_a_bad_file_among_good_ones_is_reported_and_the_rest_imported(news):
    (news / "broken.txt").write_bytes(BINARY)

    out, err, status = run(str(news))

    assert status == 1
    failures = [line for line in err.splitlines() if not line.startswith("CommandError")]
    assert len(failures) == 1
    assert failures[0].startswith(f"{news / 'broken.txt'}: ")
    assert sorted(Source.objects.values_list("file_name", flat=True)) == ["a.txt", "b.text", "c.html"]
    assert "documents: read 3, unchanged 0, failed 1" in out


def test_a_missing_path_is_one_failure_line(news):
    missing = news / "gone.txt"

    out, err, status = run(str(news / "a.txt"), str(missing))

    assert status == 1
    assert err.splitlines()[0] == f"{missing}: no such file or directory"
    assert Source.objects.count() == 1
    assert "read 1, unchanged 0, failed 1" in out


def test_a_document_that_fails_while_importing_leaves_nothing(news, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise ValueError("evidence\nout of range")

    monkeypatch.setattr(Event, "save", refuse)  # fails after the source and its items were written

    out, err, status = run(str(news / "a.txt"))

    assert status == 1
    assert err.splitlines()[0] == f"{news / 'a.txt'}: ValueError: evidence out of range"
    assert (Source.objects.count(), NewsItem.objects.count()) == (0, 0)


def test_dry_run_writes_nothing_and_says_so(news):
    out, err, status = run("--dry-run", str(news))

    assert status == 0
    assert "documents: read 3, unchanged 0, failed 0" in out
    assert "dry run" in out
    assert (Source.objects.count(), NewsItem.objects.count(), Event.objects.count()) == (0, 0, 0)


def test_dash_reads_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("星河高新区举办创新论坛\n正文。".encode())))

    out, _, status = run("-")

    assert status == 0
    assert Source.objects.get().file_name == "stdin"


def test_options_reach_the_pipeline_and_the_importer(news, fake_pipeline):
    run("--published", "2024-04", "--publisher", "星河日报", "--publish", str(news / "a.txt"))

    name, kwargs = fake_pipeline[0]
    assert kwargs["published"] == PartialDate(2024, 4)
    assert kwargs["gazetteer"] is not None
    source = Source.objects.get()
    assert (source.publisher, source.published_precision) == ("星河日报", "month")
    assert Event.objects.get().status == "published"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give at least one"),
        (("--published", "2024-13", "x.txt"), "--published"),
        (("--published", "May 2024", "x.txt"), "--published"),
    ],
)
def test_bad_arguments_are_command_errors(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("import_news", *args, stdout=io.StringIO(), stderr=io.StringIO())


def test_a_folder_without_news_files_is_a_command_error(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")

    with pytest.raises(CommandError, match="no news files"):
        call_command("import_news", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_progress_counter(news):
    out = Terminal()

    call_command("import_news", str(news), stdout=out, stderr=io.StringIO())

    assert "\r\x1b[K[1/3] c.html" in out.getvalue() and "[3/3] b.text" in out.getvalue()


def test_verbosity_zero_prints_no_summary(news):
    out, _, status = run("-v0", str(news))

    assert status == 0 and out == ""


# --- the size limit ---------------------------------------------------------------------------


class CountingStdin:
    """Standard input that fails the test if asked for everything: it must be read in bounds."""

    def __init__(self, data: bytes) -> None:
        self.data, self.asked = data, []
        self.buffer = self

    def read(self, size: int = -1) -> bytes:
        assert size is not None and size >= 0, "standard input read without a bound"
        self.asked.append(size)
        chunk, self.data = self.data[:size], self.data[size:]
        return chunk


def test_a_file_over_the_default_limit_is_one_failure_line_and_the_rest_import(news, fake_pipeline, settings):
    assert settings.IMPORT_MAX_BYTES == 20 * 1024 * 1024  # the documented default
    big = news / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(settings.IMPORT_MAX_BYTES + 1)  # sparse: costs no disk

    out, err, status = run(str(news))

    assert status == 1
    failures = [line for line in err.splitlines() if not line.startswith("CommandError")]
    assert failures == [f"{big}: larger than the limit of 20971520 bytes (IMPORT_MAX_BYTES)"]
    assert "big.txt" not in [name for name, _ in fake_pipeline]  # never read, let alone extracted
    assert sorted(Source.objects.values_list("file_name", flat=True)) == ["a.txt", "b.text", "c.html"]
    assert "documents: read 3, unchanged 0, failed 1" in out


def test_a_file_at_the_limit_is_imported(news, settings):
    settings.IMPORT_MAX_BYTES = (news / "b.text").stat().st_size  # 29 bytes of GB18030
    assert (news / "a.txt").stat().st_size > settings.IMPORT_MAX_BYTES  # the same in UTF-8

    _, err, status = run(str(news / "a.txt"), str(news / "b.text"))

    assert status == 1 and err.startswith(f"{news / 'a.txt'}: larger than the limit of 29 bytes")
    assert Source.objects.get().file_name == "b.text"


def test_standard_input_is_read_up_to_the_limit_and_refused_past_it(monkeypatch, settings, fake_pipeline):
    settings.IMPORT_MAX_BYTES = 100
    stdin = CountingStdin(b"x" * 5000)
    monkeypatch.setattr(sys, "stdin", stdin)

    _, err, status = run("-")

    assert status == 1
    assert err.splitlines()[0] == "stdin: larger than the limit of 100 bytes (IMPORT_MAX_BYTES)"
    assert sum(stdin.asked) <= 101 and not fake_pipeline
    assert not Source.objects.exists()


def test_standard_input_within_the_limit_is_imported(monkeypatch, settings):
    text = "星河高新区举办创新论坛\n正文。".encode()
    settings.IMPORT_MAX_BYTES = len(text)
    monkeypatch.setattr(sys, "stdin", CountingStdin(text))

    _, _, status = run("-")

    assert status == 0 and Source.objects.get().file_name == "stdin"
