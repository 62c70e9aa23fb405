"""Web addresses that may become links. Documents and spreadsheets bring URLs in any scheme
(``javascript:``, ``data:``, ``vbscript:``), and a browser runs some of them when a reader clicks:
only an ``http``/``https`` address with a host is stored as a URL or put in an ``href``.

Shared by every app that keeps a URL (sources, policies): one rule for the validators, the
importer, the data migration and the ``link`` of each model.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ("http", "https")

web_url_validator = URLValidator(
    schemes=list(WEB_SCHEMES), message=_("Enter a web address starting with http:// or https://.")
)


def is_web_url(url: str) -> bool:
    """Whether ``url`` is an http(s) address with a host (and nothing a browser would strip)."""
    try:
        web_url_validator(url)
    except ValidationError:
        return False
    return True


def web_link(url: str) -> str:
    """``url`` when a browser may follow it, else "" (what templates, feeds and the API show)."""
    return url if is_web_url(url) else ""
