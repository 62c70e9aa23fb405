"""Submitting an admin page's form as a browser would: every field with the value the page
shows, then the test's changes. The tests then post exactly what an editor's browser posts,
inline management forms included, without spelling out every field of every form."""

from __future__ import annotations

from bs4 import BeautifulSoup


def page_form(html: str, *, form_id: str | None = None) -> dict[str, list[str]]:
    """The fields of the page's form (its first ``method="post"`` form, or ``form_id``), as a
    browser would submit them: checked boxes only, selected options, textareas' text."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", id=form_id) if form_id else soup.find("form", method="post")
    assert form is not None, "the page has no such form"
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "select":
            chosen = [o.get("value", o.text) for o in field.find_all("option") if o.has_attr("selected")]
            data.setdefault(name, []).extend(chosen)
        elif field.name == "textarea":
            data.setdefault(name, []).append(field.text.removeprefix("\n"))
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in ("submit", "button", "image", "file"):
            data.setdefault(name, []).append(field.get("value", ""))
    return data


def submit(client, url: str, changes: dict | None = None, *, form_id: str | None = None, **kwargs):
    """GET ``url``, fill its form as shown, apply ``changes`` (a value, a list of values, or None
    to leave the field out) and POST it back to ``url``."""
    data = page_form(client.get(url).content.decode(), form_id=form_id)
    for name, value in (changes or {}).items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value if isinstance(value, list) else [str(value)]
    return client.post(url, data, **kwargs)
