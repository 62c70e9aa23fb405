"""Checks every request passes before any view runs."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class RefuseControlCharacters:
    """400 for a path or query string (names or values) holding NUL, another C0 control character
    or DEL. No slug, name or search word holds one, and PostgreSQL refuses NUL in a text literal:
    each view passing such a value to a query would fail with a 500. Once here, for every view
    (the admin's too), rather than in each view that reads its input."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _CONTROL.search(request.path_info) or any(
            _CONTROL.search(name) or any(_CONTROL.search(value) for value in values)
            for name, values in request.GET.lists()
        ):
            raise BadRequest("control character in the URL")
        return self.get_response(request)
