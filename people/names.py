"""Name keys: the one normal form under which two spellings of a name are the same name.

Plain Python (no Django) so the extractor and the models share it.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_QUOTES = "《》〈〉<>\"'“”‘’「」『』"
_DASHES = dict.fromkeys(map(ord, "—–－―‐-~～"), "-")


def name_key(name: str) -> str:
    """NFKC, no white space, no book-title quotes, one dash: '《A（2024—2027年）》' == 'A(2024-2027年)'."""
    text = unicodedata.normalize("NFKC", name or "")
    text = _SPACE.sub("", text).strip(_QUOTES)
    return text.translate(_DASHES)
