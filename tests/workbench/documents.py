"""Real documents for the workbench's tests: the seeds, and one article of the 火炬动态
newsletter (seed 004) as its park published it on its own, "(供稿:大连高新区)": another real
document that names what the newsletter names."""

from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "news"
NEWSLETTER = SEEDS / "004_cbeede84a2c6244c.txt"
# the review queue of ``make demo``: documents imported as candidates
QUEUE = [SEEDS / "001_d31d04ab9f96990b.txt", SEEDS / "003_763905b5f85fe3f2.txt", NEWSLETTER]
NEWSLETTER_DATE = "2022-12-15"


def dalian_article(folder: Path) -> Path:
    """The newsletter's article on 大连高新区, from its headline to its credit line, as a file."""
    lines = NEWSLETTER.read_text(encoding="utf-8").splitlines()
    end = next(i for i, line in enumerate(lines) if line.startswith("(供稿:大连高新区)"))
    start = max(i for i, line in enumerate(lines[:end]) if line.startswith("大连高新区:"))
    path = folder / "dalian-gaoxinqu.txt"
    path.write_text("\n".join(lines[start : end + 1]) + "\n", encoding="utf-8")
    return path
