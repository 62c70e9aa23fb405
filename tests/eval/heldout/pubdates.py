"""Print the publication date the extractor finds in each held-out document on its own (no --published),
next to the manifest's date. Usage: .venv/bin/python tests/eval/heldout/pubdates.py"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from timeline.ingest.errors import IngestError  # noqa: E402
from timeline.ingest.pipeline import extract_document  # noqa: E402

manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
for doc in manifest["documents"]:
    path = HERE / "news" / doc["file"]
    try:
        found = extract_document(path.read_bytes(), path.name, published=None).metadata
        print(
            f"{doc['file'][:44]:44} manifest {doc['published']:10}  found {found.published}"
            f" from {found.published_phrase!r} publisher={found.publisher!r}"
        )
    except IngestError as error:
        print(f"{doc['file'][:44]:44} manifest {doc['published']:10}  found NOTHING ({error})")
