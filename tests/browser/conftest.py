"""Playwright's sync API runs an event loop in this thread; Django would refuse database access
from it (SynchronousOnlyOperation) although the test only drives a browser."""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
