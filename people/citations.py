"""Citation lines in the GB/T 7714-2015 style for electronic resources, which Chinese
journals and theses ask for:

    主要责任者. 题名[文献类型标志/载体]. 出版者, 出版日期(更新日期)[引用日期]. 获取和访问路径.

e.g. ``科技日报. 中关村论坛开幕[N/OL]. 科技日报, 2024-04-26[2025-01-02]. https://….`` Shared by
every app: events, sources and policies each cite themselves through :func:`electronic_resource`."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_noop

# the site as the author of what it compiled (an event page); translated where it is used
SITE_AUTHOR = gettext_noop("Parkline: science park timeline")


def electronic_resource(
    *,
    author: str,
    title: str,
    accessed: dt.date,
    url: str,
    kind: str = "EB/OL",
    publisher: str = "",
    published: str = "",
) -> str:
    """One reference: ``kind`` is the document type code (``EB/OL`` a web page or database
    entry, ``N/OL`` a newspaper online, ``A/OL`` an official document); ``published`` is the
    date as far as it is known (``2024``, ``2024-04``, ``2024-04-27``)."""
    parts = [f"{author.strip()}. " if author.strip() else "", f"{title.strip()}[{kind}]. "]
    if publisher:
        parts.append(f"{publisher}, {published}" if published else publisher)
    elif published:
        parts.append(f"({published})")
    parts.append(f"[{accessed.isoformat()}]. {url}.")
    return "".join(parts)
