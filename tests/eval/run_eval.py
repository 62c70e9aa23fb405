"""Score the extractor on the seed documents from the repository alone (`make eval`).

Runs `manage.py extract --published DATE FILE` for every document of `manifest.json`, exactly as
the shared `run_eval.sh` does, then scores the events with `score.py` against `gold/`.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import score  # noqa: E402  (the scorer shipped beside this file)


def predictions(docs: Path = ROOT / "seeds" / "news") -> str:
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    lines = []
    for doc in manifest["documents"]:
        done = subprocess.run(
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "extract",
                "--published",
                doc["published"],
                str(docs / doc["file"]),
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        lines.append(done.stdout)
    return "".join(lines)


def evaluate() -> dict:
    """The scorer's result dictionary for the seeds."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as handle:
        handle.write(predictions())
    preds: dict[str, list[dict]] = {}
    for line in Path(handle.name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            preds.setdefault(score.doc_key(row["doc"]), []).append(row)
    Path(handle.name).unlink()
    gold = score.load_gold([str(HERE / "gold")])
    return score.score(gold, preds, score.load_aliases(str(HERE / "gold" / "registry.json")))


def main() -> int:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as handle:
        handle.write(predictions())
    return score.main(
        [
            "--gold",
            str(HERE / "gold"),
            "--pred",
            handle.name,
            "--registry",
            str(HERE / "gold" / "registry.json"),
        ]
    )


if __name__ == "__main__":
    raise SystemExit(main())
