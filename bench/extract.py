"""``make bench``, extraction part: throughput against jieba (many small documents and one of
2 MB), time and peak memory of one 1, 8 and 50 MB document, dates against dateparser, import speed.

Prints a Markdown report. Run from the repository root::

    python -m bench.extract [--mb 2] [--sizes 1,8,50] [--skip-import]

The import runs in a subprocess per database (``--import-only``) because ``DATABASE_URL`` must
be set before ``django.setup()``. Timings are wall clock (``time.perf_counter``) of one run on
this machine: compare them within a run, not across machines.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "news"
MANIFEST = ROOT / "tests" / "eval" / "manifest.json"
GOLD = ROOT / "tests" / "eval" / "gold"
PG_SERVER = "postgres://postgres@127.0.0.1:5432/"
PG_DATABASE = "parkline_bench_import"  # not bench/timeline.py's parkline_bench: both may run at once
MB = 1_000_000  # bytes: the report says "MB" for 10^6 bytes of UTF-8


@dataclass(frozen=True)
class Seed:
    name: str
    data: bytes
    published: str  # YYYY, YYYY-MM or YYYY-MM-DD, from the manifest


@dataclass(frozen=True)
class DateScore:
    found: int
    recall: float
    precision: float
    seconds: float


def load_seeds() -> list[Seed]:
    """The seed files with the publication dates a user would give (tests/eval/manifest.json)."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return [
        Seed(doc["file"], (SEEDS / doc["file"]).read_bytes(), doc["published"])
        for doc in manifest["documents"]
    ]


def corpus(seeds: list[Seed], megabytes: float) -> list[Seed]:
    """Whole rounds of the seeds, repeated until the bytes reach ``megabytes``."""
    copies: list[Seed] = []
    while sum(len(c.data) for c in copies) < megabytes * MB:
        copies.extend(seeds)
    return copies


# --- 1. extraction throughput -------------------------------------------------------------


def throughput(copies: list[Seed]) -> list[str]:
    import jieba

    from timeline.ingest.decode import decode
    from timeline.ingest.pipeline import extract_document
    from timeline.ingest.types import PartialDate

    texts = [decode(c.data, c.name).text for c in copies]
    chars = sum(len(t) for t in texts)
    dates = {c.name: PartialDate.parse(c.published) for c in copies}
    # Warm-up outside the timing: the registry gazetteer, OpenCC and jieba's dictionary load once.
    for seed in {c.name: c for c in copies}.values():
        extract_document(seed.data, seed.name, published=dates[seed.name])
    jieba.setLogLevel(60)
    jieba.initialize()

    start = time.perf_counter()
    events = 0
    for copy in copies:
        events += len(extract_document(copy.data, copy.name, published=dates[copy.name]).events)
    ours = time.perf_counter() - start

    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    theirs = time.perf_counter() - start

    ours_rate, jieba_rate = chars / ours, chars / theirs
    ratio = ours_rate / jieba_rate
    verdict = "meets" if ratio >= 0.5 else "misses"
    return [
        "## Extraction throughput",
        "",
        f"Corpus: {len(copies)} documents, {sum(len(c.data) for c in copies) / MB:.2f} MB of UTF-8, "
        f"{chars:,} characters after decoding: the {len({c.name for c in copies})} seeds of "
        "`seeds/news/` repeated whole and unchanged (nothing else varies).",
        "",
        "| | seconds | chars/s |",
        "|---|---:|---:|",
        f"| `extract_document` (all stages, {events:,} events) | {ours:.2f} | {ours_rate:,.0f} |",
        f"| `jieba.lcut` (same decoded texts) | {theirs:.2f} | {jieba_rate:,.0f} |",
        "",
        f"Ratio ours/jieba: **{ratio:.2f}×** (target ≥ 0.5×: {verdict}). Both timed in this run; "
        "one warm-up pass per seed and `jieba.initialize()` happen before the clock starts.",
        "",
    ]


# --- 1b. one large document: linear time, bounded memory --------------------------------

SCALING_SIZES = (1.0, 8.0, 50.0)  # MB of one document; 50 MB must take at most 60x the 1 MB time
RSS_LIMIT_MB = 1024


def large_document(megabytes: float) -> bytes:
    """One document of ``megabytes`` of UTF-8: the seeds and the dev articles (text files), whole,
    one after another, repeated, cut at a character boundary."""
    from timeline.ingest.decode import decode

    folders = (SEEDS, ROOT / "tests" / "eval" / "dev" / "news", ROOT / "tests" / "eval" / "heldout" / "news")
    texts = [decode(p.read_bytes(), p.name).text for folder in folders for p in sorted(folder.glob("*.txt"))]
    unit = "\n\n".join(texts).encode("utf-8")
    size = int(megabytes * MB)
    data = unit * (size // len(unit) + 1)
    return data[:size].decode("utf-8", "ignore").encode("utf-8")


def run_single(megabytes: float) -> dict:
    """In this process (``--single-only``): extract one large document; seconds and peak RSS."""
    import resource

    from timeline.ingest.pipeline import extract_document
    from timeline.ingest.types import PartialDate

    data = large_document(megabytes)
    published = PartialDate.parse("2024-04-29")
    extract_document(SEEDS.joinpath(load_seeds()[0].name).read_bytes(), "warm.txt", published=published)
    start = time.perf_counter()
    events = len(extract_document(data, "large.txt", published=published).events)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    return {"mb": megabytes, "seconds": seconds, "events": events, "rss_mb": peak}


def _single_subprocess(megabytes: float) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "bench.extract", "--single-only", str(megabytes)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        return {"mb": megabytes, "error": f"exit {done.returncode}: {tail[0]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def scaling(sizes: tuple[float, ...] = SCALING_SIZES) -> list[str]:
    """Each size in a fresh process, so its peak RSS is its own."""
    results = [_single_subprocess(size) for size in sizes]
    rows, base = [], None
    for result in results:
        if "error" in result:
            rows.append(f"| {result['mb']:g} MB | failed: {result['error']} | | | |")
            continue
        base = base or result
        ratio = result["seconds"] / base["seconds"]
        rows.append(
            f"| {result['mb']:g} MB | {result['seconds']:.2f} | {ratio:.1f}× | "
            f"{result['rss_mb']:.0f} | {result['events']:,} |"
        )
    verdicts = []
    done = [r for r in results if "error" not in r]
    if len(done) >= 2:
        small, large = done[0], done[-1]
        allowed = 1.2 * large["mb"] / small["mb"]  # 60× for 50 MB against 1 MB
        ratio = large["seconds"] / small["seconds"]
        verdicts.append(
            f"{large['mb']:g} MB / {small['mb']:g} MB time: **{ratio:.1f}×** (target ≤ {allowed:g}×: "
            f"{'meets' if ratio <= allowed else 'misses'})."
        )
    peak = max((r["rss_mb"] for r in done), default=0)
    verdict = "meets" if peak < RSS_LIMIT_MB else "misses"
    verdicts.append(f"Peak RSS **{peak:.0f} MB** (target < {RSS_LIMIT_MB} MB: {verdict}).")
    return [
        "## One large document: time and memory",
        "",
        "One file made of the seeds and the dev articles (text files) repeated, extracted in a fresh "
        "process per size (`extract_document`, all stages, one warm-up document before the clock).",
        "",
        "| size | seconds | × the first | peak RSS (MB) | events |",
        "|---|---:|---:|---:|---:|",
        *rows,
        "",
        *verdicts,
        "",
    ]


def single_throughput(megabytes: float = 2.0) -> list[str]:
    """One document of ``megabytes`` against ``jieba.lcut`` on the same decoded text."""
    import jieba

    from timeline.ingest.decode import decode
    from timeline.ingest.pipeline import extract_document
    from timeline.ingest.types import PartialDate

    data = large_document(megabytes)
    text = decode(data, "large.txt").text
    published = PartialDate.parse("2024-04-29")
    extract_document(SEEDS.joinpath(load_seeds()[0].name).read_bytes(), "warm.txt", published=published)
    jieba.setLogLevel(60)
    jieba.initialize()
    start = time.perf_counter()
    extract_document(data, "large.txt", published=published)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    jieba.lcut(text)
    theirs = time.perf_counter() - start
    ratio = (len(text) / ours) / (len(text) / theirs)
    return [
        "## One document against jieba",
        "",
        f"One {megabytes:g} MB document ({len(text):,} characters), as above.",
        "",
        "| | seconds | chars/s |",
        "|---|---:|---:|",
        f"| `extract_document` | {ours:.2f} | {len(text) / ours:,.0f} |",
        f"| `jieba.lcut` | {theirs:.2f} | {len(text) / theirs:,.0f} |",
        "",
        f"Ratio ours/jieba: **{ratio:.2f}×** (target ≥ 0.5×: {'meets' if ratio >= 0.5 else 'misses'}).",
        "",
    ]


# --- 2. dates: our resolver against dateparser --------------------------------------------


def _formats(year: int, month: int | None, day: int | None) -> set[str]:
    """The date written at its own precision and every coarser one."""
    out = {f"{year:04d}"}
    if month:
        out.add(f"{year:04d}-{month:02d}")
        if day:
            out.add(f"{year:04d}-{month:02d}-{day:02d}")
    return out


def score_dates(found: list[tuple[int, int | None, int | None]], gold: set[str], seconds: float) -> DateScore:
    """Recall over distinct gold dates; precision over found day/month dates by year-month."""
    written = set().union(*(_formats(*f) for f in found)) if found else set()
    recall = sum(g in written for g in gold) / len(gold) if gold else 0.0
    gold_months = {g[:7] for g in gold if len(g) >= 7}
    fine = [f for f in found if f[1]]
    correct = sum(f"{y:04d}-{m:02d}" in gold_months for y, m, _ in fine)
    precision = correct / len(fine) if fine else 0.0
    return DateScore(len(found), recall, precision, seconds)


def gold_dates(seed: Seed) -> set[str]:
    lines = (GOLD / Path(seed.name).with_suffix(".jsonl").name).read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["date"] for line in lines if line.strip()}


def dates_table(seeds: list[Seed]) -> list[str]:
    import logging
    import warnings

    from dateparser.search import search_dates

    from timeline.ingest.clean import clean
    from timeline.ingest.dates import find_dates
    from timeline.ingest.decode import decode
    from timeline.ingest.types import PartialDate

    warnings.filterwarnings("ignore")  # dateparser warns about pytz/regex internals, not about us
    logging.getLogger("dateparser").setLevel(logging.ERROR)
    search_dates("2024年4月27日", languages=["zh"])  # warm-up: dateparser loads its language data once
    rows = []
    totals = {"dateparser": [], "ours": []}
    for seed in seeds:
        text = clean(decode(seed.data, seed.name).text).text
        gold = gold_dates(seed)
        anchor = PartialDate.parse(seed.published)

        start = time.perf_counter()
        results = search_dates(text, languages=["zh"]) or []
        seconds = time.perf_counter() - start
        theirs = score_dates([(d.year, d.month, d.day) for _, d in results], gold, seconds)

        start = time.perf_counter()
        mentions = find_dates(text, anchor, published=anchor)
        seconds = time.perf_counter() - start
        ours = score_dates([(m.date.year, m.date.month, m.date.day) for m in mentions], gold, seconds)

        totals["dateparser"].append(theirs)
        totals["ours"].append(ours)
        rows.append(f"| {seed.name} | {len(gold)} | {_cells(theirs)} | {_cells(ours)} |")
    rows.append(
        f"| **all** (found, s: sum; recall, precision: mean) | {sum(len(gold_dates(s)) for s in seeds)} | "
        f"{_cells(_mean(totals['dateparser']))} | {_cells(_mean(totals['ours']))} |"
    )
    return [
        "## Dates: dateparser (the baseline we replaced) and our resolver",
        "",
        "Both read the same cleaned text of each seed, once. dateparser: "
        '`search_dates(text, languages=["zh"])`; ours: `find_dates(text, anchor)` with the manifest '
        "publication date as anchor.",
        "Recall: share of the distinct gold event dates (`tests/eval/gold/*.jsonl`, at their own "
        "precision YYYY / YYYY-MM / YYYY-MM-DD) written by some found date at that precision. "
        "Precision: share of the found dates known to the month or day whose year-month is the "
        "year-month of a gold event date (year-only finds are left out; dateparser always gives a day). "
        "Found dates count every mention, repeats included; dates that are not event dates (deadlines, "
        "statistics' periods) count against precision for both.",
        "",
        "| seed | gold dates | dateparser found | recall | precision | s "
        "| ours found | recall | precision | s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
    ]


def _cells(score: DateScore) -> str:
    return f"{score.found} | {score.recall:.2f} | {score.precision:.2f} | {score.seconds:.3f}"


def _mean(scores: list[DateScore]) -> DateScore:
    n = len(scores)
    return DateScore(
        sum(s.found for s in scores),
        sum(s.recall for s in scores) / n,
        sum(s.precision for s in scores) / n,
        sum(s.seconds for s in scores),
    )


# --- 3. import into SQLite and PostgreSQL -------------------------------------------------


def write_import_corpus(copies: list[Seed], folder: Path) -> int:
    """One sub-folder per seed; each copy ends with its own line so the sha256 dedup keeps it."""
    total = 0
    for number, copy in enumerate(copies, start=1):
        target = folder / Path(copy.name).stem
        target.mkdir(exist_ok=True)
        data = copy.data + f"\n（副本 {number}）\n".encode()
        (target / f"{number:04d}_{copy.name}").write_bytes(data)
        total += len(data)
    return total


def run_import(folder: Path, seeds: list[Seed], database: str) -> dict:
    """In this process (``--import-only``): migrate, load the registry, time ``import_news``."""
    os.environ["DATABASE_URL"] = database
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_registry", verbosity=0)
    published = {Path(s.name).stem: s.published for s in seeds}
    start = time.perf_counter()
    # One call per seed's copies so each gets the manifest's publication date (as the eval does).
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        call_command("import_news", str(sub), "--published", published[sub.name], "--publish", verbosity=0)
    seconds = time.perf_counter() - start
    from timeline.models import Event, Source

    return {"seconds": seconds, "sources": Source.objects.count(), "events": Event.objects.count()}


def _import_subprocess(folder: Path, database: str) -> dict:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.extract",
            "--import-only",
            "--database",
            database,
            "--corpus",
            str(folder),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        return {"error": f"exit {done.returncode}: {tail[0]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _postgres(statement: str) -> None:
    import psycopg2

    connection = psycopg2.connect(PG_SERVER + "postgres", connect_timeout=5)
    connection.autocommit = True  # CREATE/DROP DATABASE cannot run inside a transaction
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement)
    finally:
        connection.close()


def import_table(copies: list[Seed], seeds: list[Seed]) -> list[str]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="parkline-bench-") as tmp:
        # the reference: one round of the seeds alone, what the whole corpus should store
        once = Path(tmp) / "once"
        once.mkdir()
        write_import_corpus(seeds, once)
        reference = _import_subprocess(once, f"sqlite:///{Path(tmp) / 'once.sqlite3'}").get("events", "?")
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        size = write_import_corpus(copies, folder) / MB
        result = _import_subprocess(folder, f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        rows.append(_import_row("SQLite (temp file)", result, size))
        try:
            _postgres(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
            _postgres(f"CREATE DATABASE {PG_DATABASE}")
        except Exception as error:  # noqa: BLE001 — unreachable or refused: reported, not raised
            rows.append(
                f"| PostgreSQL | not reachable at {PG_SERVER}: {str(error).strip().splitlines()[0]} | | |"
            )
        else:
            try:
                result = _import_subprocess(folder, PG_SERVER + PG_DATABASE)
                rows.append(_import_row(f"PostgreSQL (`{PG_DATABASE}`, dropped after)", result, size))
            finally:
                _postgres(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
    return [
        "## Import (`import_news --publish`)",
        "",
        f"The same {len(copies)} documents ({size:.2f} MB), each ending with its own line "
        "`（副本 N）` so the sha256 dedup does not skip it, into a fresh migrated database with the "
        "registry loaded (not timed). Timed: `import_news` once per seed's copies with the manifest's "
        "`--published` date. An event repeated in copies should merge into the first as evidence: "
        f"one round of the seeds alone (same import, untimed) stores **{reference}** events.",
        "",
        "| database | seconds | s/MB | sources, events stored |",
        "|---|---:|---:|---|",
        *rows,
        "",
    ]


def _import_row(label: str, result: dict, size: float) -> str:
    if "error" in result:
        return f"| {label} | failed: {result['error']} | | |"
    seconds = result["seconds"]
    return f"| {label} | {seconds:.1f} | {seconds / size:.1f} | {result['sources']}, {result['events']} |"


# --- entry point --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extract", description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (10^6 bytes), default 2")
    parser.add_argument("--skip-import", action="store_true", help="leave out the database import")
    parser.add_argument(
        "--sizes",
        default=",".join(f"{size:g}" for size in SCALING_SIZES),
        help="sizes in MB of the one-document runs, comma-separated (default 1,8,50; '' for none)",
    )
    parser.add_argument("--import-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--single-only", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    seeds = load_seeds()
    if args.import_only:
        print(json.dumps(run_import(args.corpus, seeds, args.database)))
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()  # the pipeline is plain Python, but the gazetteer's registry may read settings
    if args.single_only is not None:
        print(json.dumps(run_single(args.single_only)))
        return 0
    copies = corpus(seeds, args.mb)
    lines = [
        "# Extraction benchmark",
        "",
        f"`python -m bench.extract --mb {args.mb:g}{' --skip-import' if args.skip_import else ''}`, "
        f"Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d %H:%M')}.",
        "",
    ]
    lines += throughput(copies)
    lines += single_throughput()
    sizes = tuple(float(size) for size in args.sizes.split(",") if size.strip())
    if sizes:
        lines += scaling(sizes)
    lines += dates_table(seeds)
    if not args.skip_import:
        lines += import_table(copies, seeds)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
