"""import_news --manifest: a crawl's dates, URLs, publishers and titles, with one-line errors."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from timeline.models import Event, Source

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
ARTICLE = "星河高新区举办创新论坛\n\n4月27日，星河高新区举办第三届人工智能创新论坛。\n"


def run(*args: str) -> tuple[str, str, int]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_news", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue() + f"CommandError: {error}\n", error.returncode
    return out.getvalue(), err.getvalue(), 0


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "pages" / "b.txt").write_text(ARTICLE.replace("星河", "云岭"), encoding="utf-8")
    return tmp_path


def test_a_csv_manifest_gives_dates_urls_publishers_and_titles(crawl):
    (crawl / "crawl.csv").write_text(
        "file,url,published,publisher,title\n"
        "pages/a.txt,https://example.org/a,2024-04-29,星河日报,星河高新区举办人工智能创新论坛\n"
        "pages/b.txt,,2023-05,,\n",
        encoding="utf-8",
    )

    _, err, status = run("--manifest", str(crawl / "crawl.csv"))

    assert (status, err) == (0, "")
    a = Source.objects.get(file_name="a.txt")
    assert (a.url, a.publisher, a.title) == (
        "https://example.org/a",
        "星河日报",
        "星河高新区举办人工智能创新论坛",
    )
    assert (a.published_on.isoformat(), a.published_precision) == ("2024-04-29", "day")
    b = Source.objects.get(file_name="b.txt")
    assert (b.published_on.isoformat(), b.published_precision) == ("2023-05-01", "month")
    assert b.title == "云岭高新区举办创新论坛"  # no title given: the article's own headline
    dates = sorted(e.date.isoformat() for e in Event.objects.all())
    assert dates == ["2023-04-27", "2024-04-27"]


def test_a_json_lines_manifest_and_paths_that_pick_rows(crawl):
    rows = [
        {"file": "pages/a.txt", "published": "2024-04-29", "publisher": "星河日报"},
        {"file": "pages/b.txt", "published": "2023-05-02"},
    ]
    manifest = crawl / "crawl.jsonl"
    manifest.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")

    _, _, status = run("--manifest", str(manifest), "--publish", str(crawl / "pages" / "b.txt"))

    assert status == 0
    source = Source.objects.get()
    assert (source.file_name, source.published_on.isoformat()) == ("b.txt", "2023-05-02")
    assert set(Event.objects.values_list("status", flat=True)) == {"published"}


def test_bad_rows_are_one_line_each_naming_manifest_line_and_column(crawl):
    manifest = crawl / "crawl.csv"
    manifest.write_text(
        "file,published,publisher\npages/a.txt,2024-13-01,星河日报\n,2024-01-01,\npages/b.txt,2024-04-29,\n",
        encoding="utf-8",
    )

    _, err, status = run("--manifest", str(manifest))

    lines = [line for line in err.splitlines() if not line.startswith("CommandError")]
    assert lines == [
        f"{manifest} line 2, column published: '2024-13-01' is not YYYY, YYYY-MM or YYYY-MM-DD",
        f"{manifest} line 3, column file: empty",
    ]
    assert status == 1  # two rows failed
    assert list(Source.objects.values_list("file_name", flat=True)) == ["b.txt"]


def test_a_manifest_with_nothing_to_import_is_a_command_error(crawl):
    manifest = crawl / "crawl.csv"
    manifest.write_text("file,published\npages/a.txt,someday\n", encoding="utf-8")

    _, err, status = run("--manifest", str(manifest))

    assert status != 0 and "nothing imported" in err and "line 2, column published" in err
    assert not Source.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [("name,published\na.txt,2024\n", "no column 'file'"), ("", "no rows")],
)
def test_an_unreadable_manifest_is_a_command_error(crawl, content, message):
    (crawl / "crawl.csv").write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_news", "--manifest", str(crawl / "crawl.csv"), stdout=io.StringIO())


def test_the_demo_manifest_dates_every_seed(tmp_path):
    shutil.copytree(ROOT / "seeds" / "news", tmp_path / "news")
    shutil.copy(ROOT / "seeds" / "manifest.csv", tmp_path / "manifest.csv")
    expected = {
        row["file"]: row["published"]
        for row in json.loads((ROOT / "tests" / "eval" / "manifest.json").read_text(encoding="utf-8"))[
            "documents"
        ]
    }

    _, err, status = run("--manifest", str(tmp_path / "manifest.csv"))

    assert (status, err) == (0, "")
    stored = {
        s.file_name: s.published_on.isoformat()[: len(expected[s.file_name])] for s in Source.objects.all()
    }
    assert stored == expected


def test_a_newsletter_issue_is_titled_by_its_masthead_not_by_a_contents_line(seeds_dir):
    name = "004_cbeede84a2c6244c.txt"

    run("--published", "2022-12-15", str(seeds_dir / name))

    source = Source.objects.get()
    assert source.title == "火炬动态 2022年第21期（总第550期）"
    headlines = list(source.items.values_list("headline", flat=True))
    assert "石嘴山高新区新增8家自治区级科技小巨人" in headlines
    assert headlines.count("石嘴山高新区新增8家自治区级科技小巨人") == 1  # not the contents too


def test_the_manifest_title_heads_an_article_the_splitter_found_no_headline_for(tmp_path):
    (tmp_path / "a.txt").write_text("4月27日，星河高新区举办第三届人工智能创新论坛。\n", encoding="utf-8")
    (tmp_path / "crawl.csv").write_text(
        "file,published,title\na.txt,2024-04-29,星河高新区举办人工智能创新论坛\n", encoding="utf-8"
    )

    run("--manifest", str(tmp_path / "crawl.csv"))

    source = Source.objects.get()
    assert source.title == "星河高新区举办人工智能创新论坛"
    assert list(source.items.values_list("headline", flat=True)) == ["星河高新区举办人工智能创新论坛"]
