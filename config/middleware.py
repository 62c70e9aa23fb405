"""Checks every request passes before any view runs."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, JsonResponse

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
API_PREFIX = "/api/"


class RefuseControlCharacters:
    """400 for a path or query string (names or values) holding NUL, another C0 control character
    or DEL. No slug, name or search word holds one, and PostgreSQL refuses NUL in a text literal:
    each view passing such a value to a query would fail with a 500. Once here, for every view
    (the admin's too), rather than in each view that reads its input."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        where = self.offending(request)
        if where is None:
            return self.get_response(request)
        message = f"{where}: control character"
        if request.path_info.startswith(API_PREFIX):
            # API clients read errors as JSON, like the API's own 400s
            return JsonResponse({"error": message}, status=400)
        raise BadRequest(message)

    @staticmethod
    def offending(request: HttpRequest) -> str | None:
        """The query parameter (or "path") that holds a control character, or None."""
        if _CONTROL.search(request.path_info):
            return "path"
        for name, values in request.GET.lists():
            if _CONTROL.search(name) or any(_CONTROL.search(value) for value in values):
                return _CONTROL.sub("?", name)
        return None
